-- sql/60_gaps.sql: the compliance gaps: the type gap and gap_of(), and the
-- views analysts and BI tools read (reference_check,
-- control_section, response_gap, assessment_control, gaps, review_queue,
-- section_coverage, assessment_summary, evidence_register).

-----------------------------------------------------------------------------
-- Compliance gaps: what analysts query and BI dashboards read.  Every column
-- is text, integer, numeric, boolean, date or timestamptz.
-----------------------------------------------------------------------------

-- The day evidence validity is judged against: kansa.today when set (a
-- report as of a date; a test moving time), else CURRENT_DATE.
CREATE FUNCTION kansa.today() RETURNS date
	AS 'MODULE_PATHNAME', 'kansa_today' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION kansa.today() IS 'The day the views judge evidence validity against (evidence expired when valid_until is before it): the setting kansa.today (YYYY-MM-DD) when set, for a report as of a day; else CURRENT_DATE.';

CREATE TYPE kansa.gap AS (kind text, kinds text, severity text, rank integer);
COMMENT ON TYPE kansa.gap IS 'The gap an answer leaves, as gap_of() judges it: its kind, every kind that holds, its severity and that severity''s rank. All four are NULL when the answer is clean.';
COMMENT ON COLUMN kansa.gap.kind IS 'The kind that decides, NULL when clean: the most severe of those that hold; ties go to the status, then below_reference, evidence_expired, inherited.';
COMMENT ON COLUMN kansa.gap.kinds IS 'Every kind that holds, comma-separated in that tie-break order (e.g. partial, inherited); NULL when clean.';
COMMENT ON COLUMN kansa.gap.severity IS 'high, medium or low; NULL when clean.';
COMMENT ON COLUMN kansa.gap.rank IS 'The severity as a number to sort by: 1 high, 2 medium, 3 low; NULL when clean.';

CREATE FUNCTION kansa.gap_of(verdict kansa.answer, level text,
							 below_reference boolean DEFAULT false,
							 below_must_achieve boolean DEFAULT false,
							 expired_evidence integer DEFAULT 0,
							 inherited_unassessed boolean DEFAULT false) RETURNS kansa.gap
	AS 'MODULE_PATHNAME', 'kansa_gap_of' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION kansa.gap_of(kansa.answer, text, boolean, boolean, integer, boolean) IS 'The gap an answer leaves on a control of a level (basic, recommended, or NULL for a framework without levels, counted as basic). Kinds: the verdict''s status unless implemented or not_applicable (a NULL verdict is unanswered), below_reference, evidence_expired (expired_evidence > 0), inherited (inherited_unassessed); a NULL flag is false. Severity: unanswered and not_implemented high, planned, partial and unclear medium, each one step lower on a recommended control; below_reference high when below_must_achieve, else medium; evidence_expired medium; inherited low. The most severe kind decides.';

CREATE VIEW kansa.reference_check AS
SELECT DISTINCT ON (ap.assessment_id, ap.item_id)
	   ap.assessment_id, ap.organization, ap.vendor, ap.service, ap.pattern, ap.framework,
	   ap.reference_control::text AS reference_control, ap.letter, ap.item_title, ap.quantity,
	   ap.raw AS required_value, ap.required::text AS required_measure, ap.direction,
	   ap.must_achieve, r.control::text AS control, lk.link,
	   m.measure::text AS stated_measure, m.span AS stated_span,
	   (SELECT pg_catalog.string_agg(o.measure::text, ', ' ORDER BY o.position)
		  FROM kansa.response_measure AS o
		 WHERE o.response_id = r.id AND o.quantity = ap.quantity
		   AND o.position <> m.position) AS other_measures,
	   kansa.satisfies(m.measure, ap.required, ap.direction) AS satisfied,
	   CASE WHEN r.id IS NULL
			THEN 'No answer to ' || kansa.local_id(lk.via_control) || '.'
			WHEN m.measure IS NULL
			THEN 'The answer to ' || kansa.local_id(lk.via_control) || ' states no figure for '
				 || ap.quantity || '.'
			ELSE kansa.satisfies_explain(m.measure, ap.required, ap.direction) END AS explanation,
	   r.clean_text AS answer_text, r.id AS response_id
  FROM (SELECT a.id AS assessment_id, o.name AS organization, v.name AS vendor,
			   s.name AS service, s.pattern, a.framework, ri.id AS item_id,
			   ri.control AS reference_control, ri.letter, ri.title AS item_title, ri.quantity,
			   ri.direction, rv.raw, rv.measure AS required, rv.must_achieve, a.scope
		  FROM kansa.assessment AS a
		  JOIN kansa.service AS s ON s.id = a.service_id
		  JOIN kansa.vendor AS v ON v.id = s.vendor_id
		  JOIN kansa.organization AS o ON o.id = a.organization_id
		  JOIN kansa.reference_value AS rv ON rv.pattern = s.pattern
		  JOIN kansa.reference_item AS ri ON ri.id = rv.item
		 WHERE a.superseded_by IS NULL AND kansa.kind(rv.measure) <> 'none') AS ap
  JOIN (SELECT ri.id AS item_id, ri.control AS via_control, 'direct' AS link
		  FROM kansa.reference_item AS ri
		UNION ALL
		-- control_link_both's two directions written out, on the stored
		-- columns: its inverse relationship is a function call per link and
		-- its text columns reach no index; equal-to and equivalent-to are
		-- their own inverse
		SELECT ri.id, l.from_control, 'equivalent'
		  FROM kansa.reference_item AS ri
		  JOIN kansa.control_link AS l ON l.to_control OPERATOR(kansa.=) ri.control
		 WHERE l.relationship IN ('equal-to', 'equivalent-to')
		UNION ALL
		SELECT ri.id, l.to_control, 'equivalent'
		  FROM kansa.reference_item AS ri
		  JOIN kansa.control_link AS l ON l.from_control OPERATOR(kansa.=) ri.control
		 WHERE l.relationship IN ('equal-to', 'equivalent-to')) AS lk
	ON lk.item_id = ap.item_id AND kansa.framework(lk.via_control) = ap.framework
   -- only through the controls the organisation asked
   AND kansa.in_scope(ap.scope, lk.via_control::text)
  LEFT JOIN kansa.response AS r
	ON r.assessment_id = ap.assessment_id AND r.control = lk.via_control
  LEFT JOIN kansa.response_measure AS m
	ON m.response_id = r.id AND m.quantity = ap.quantity
 ORDER BY ap.assessment_id, ap.item_id,
		  -- the weakest figure stated decides: one that falls short first
		  CASE kansa.satisfies(m.measure, ap.required, ap.direction)
			  WHEN false THEN 0 WHEN true THEN 1
			  ELSE CASE WHEN m.measure IS NOT NULL THEN 2 WHEN r.id IS NOT NULL THEN 3 ELSE 4 END
		  END,
		  lk.link, lk.via_control, m.position;
COMMENT ON VIEW kansa.reference_check IS 'For every current assessment of a service whose pattern is known, every evaluation item whose reference value applies to that pattern (values "-" set nothing) and that the assessment''s framework answers, directly (asp_saas) or through an equal-to or equivalent-to control_link, either way round (control_link_both; meti_cloud): the value required, the vendor''s weakest stated figure for the item''s quantity (a figure that falls short decides; the others are listed), and whether it satisfies it. Frameworks with no link to asp_saas have no rows.';
COMMENT ON COLUMN kansa.reference_check.assessment_id IS 'The assessment (kansa.assessment.id).';
COMMENT ON COLUMN kansa.reference_check.organization IS 'The assessing organisation.';
COMMENT ON COLUMN kansa.reference_check.vendor IS 'The vendor.';
COMMENT ON COLUMN kansa.reference_check.service IS 'The service assessed.';
COMMENT ON COLUMN kansa.reference_check.pattern IS 'The service''s ASP・SaaS pattern (1-6), which selects the reference values.';
COMMENT ON COLUMN kansa.reference_check.framework IS 'The framework the vendor answered.';
COMMENT ON COLUMN kansa.reference_check.reference_control IS 'The asp_saas item that sets the reference value, e.g. asp_saas:III.2.3.1.';
COMMENT ON COLUMN kansa.reference_check.letter IS 'The evaluation item''s letter under that item (a, b, c).';
COMMENT ON COLUMN kansa.reference_check.item_title IS 'What is evaluated, as published (e.g. バックアップ実施インターバル).';
COMMENT ON COLUMN kansa.reference_check.quantity IS 'The quantity the item measures (kansa.quantity), matched against the vendor''s figures.';
COMMENT ON COLUMN kansa.reference_check.required_value IS 'The reference value for the pattern exactly as published (a trailing * means it must be achieved).';
COMMENT ON COLUMN kansa.reference_check.required_measure IS 'The reference value as a measure in canonical text (e.g. >=1/1d).';
COMMENT ON COLUMN kansa.reference_check.direction IS 'min (more or more often is better), max (less or sooner is better), or NULL (categorical).';
COMMENT ON COLUMN kansa.reference_check.must_achieve IS 'True when the published value carries * (特に達成することが必要).';
COMMENT ON COLUMN kansa.reference_check.control IS 'The answered control whose answer was judged (e.g. meti_cloud:4.3); NULL when the vendor answered none of the controls that restate the item.';
COMMENT ON COLUMN kansa.reference_check.link IS 'direct (the item itself was answered) or equivalent (answered through an equal-to or equivalent-to control_link).';
COMMENT ON COLUMN kansa.reference_check.stated_measure IS 'The vendor''s figure judged, in canonical text: the weakest stated — one that falls short of the value if any does, else one that satisfies it, else one left open; NULL when no figure for the quantity is stated.';
COMMENT ON COLUMN kansa.reference_check.stated_span IS 'The words of the answer that state that figure.';
COMMENT ON COLUMN kansa.reference_check.other_measures IS 'The other figures the same answer states for the quantity, comma-separated, NULL when none: the weakest (stated_measure) decides.';
COMMENT ON COLUMN kansa.reference_check.satisfied IS 'satisfies(stated, required, direction): true, false, or NULL when nothing comparable is stated.';
COMMENT ON COLUMN kansa.reference_check.explanation IS 'Why: satisfies_explain() of the figure, or which answer states no figure.';
COMMENT ON COLUMN kansa.reference_check.answer_text IS 'The whole answer judged (clean_text).';
COMMENT ON COLUMN kansa.reference_check.response_id IS 'The response judged (kansa.response.id), for review().';

CREATE VIEW kansa.control_section AS
SELECT t.framework, t.id::text AS control, kansa.local_id(t.id) AS local_id, t.title, t.level,
	   t.position, t.section, st.title AS section_title, st.position AS section_position
  FROM kansa.control AS t
  LEFT JOIN kansa.control AS st ON st.id = kansa.control_id(t.framework, t.section)
 WHERE t.kind = 'control' AND NOT t.withdrawn;

-- The gap rules are gap_of(): response_gap applies them to every answer;
-- assessment_control and section_coverage add the controls a sheet does not
-- answer at all (gap_of(NULL, level), unanswered).
CREATE VIEW kansa.response_gap_recomputed AS
SELECT r.id AS response_id, r.assessment_id, t.framework, t.id::text AS control,
	   t.section, t.level, r.status, r.responsibility,
	   r.verdict::text AS verdict, r.verdict_source, r.score, r.boilerplate_only,
	   COALESCE(x.expired, 0) AS expired_evidence,
	   rc.assessment_id IS NOT NULL AS below_reference,
	   COALESCE(rc.below_must_achieve, false) AS below_must_achieve,
	   (r.responsibility IS NOT DISTINCT FROM 'inherited' AND pf.service_id IS NULL)
		   AS inherited_unassessed,
	   r.clean_text AS answer_text,
	   g.kind AS gap_kind, g.kinds AS gap_kinds, g.severity, g.rank AS severity_rank
  FROM kansa.response AS r
  JOIN kansa.assessment AS a ON a.id = r.assessment_id
  JOIN kansa.control AS t ON t.id = r.control
  LEFT JOIN (SELECT re.assessment_id, re.response_id, pg_catalog.count(*)::integer AS expired
			   FROM kansa.evidence_validity AS ev
			   JOIN kansa.response_evidence AS re ON re.evidence = ev.evidence
			   JOIN kansa.assessment AS a2
				 ON a2.id = re.assessment_id AND a2.organization_id = ev.organization_id
			  WHERE ev.valid_until < kansa.today()
			  GROUP BY re.assessment_id, re.response_id) AS x
	ON x.assessment_id = r.assessment_id AND x.response_id = r.id
  LEFT JOIN (SELECT q.assessment_id, q.control,
					pg_catalog.bool_or(q.must_achieve) AS below_must_achieve
			   FROM kansa.reference_check AS q
			  WHERE NOT q.satisfied
			  GROUP BY q.assessment_id, q.control) AS rc
	ON rc.assessment_id = r.assessment_id AND rc.control = r.control::text
  LEFT JOIN (SELECT DISTINCT d.service_id, pa.organization_id
			   FROM kansa.service_dependency AS d
			   JOIN kansa.assessment AS pa ON pa.service_id = d.provider_service_id
			  WHERE pa.superseded_by IS NULL) AS pf
	ON pf.service_id = a.service_id AND pf.organization_id = a.organization_id
  -- one call per answer; NULL flags (no outer row) count as false
  CROSS JOIN LATERAL kansa.gap_of(r.verdict, t.level, rc.assessment_id IS NOT NULL,
								  rc.below_must_achieve, x.expired,
								  r.responsibility IS NOT DISTINCT FROM 'inherited'
								  AND pf.service_id IS NULL) AS g
 WHERE a.superseded_by IS NULL
   -- an answer to a control the organisation did not ask, or the framework
   -- has withdrawn, is kept, not judged
   AND kansa.in_scope(a.scope, r.control::text) AND NOT t.withdrawn;

CREATE VIEW kansa.section_coverage_recomputed AS
SELECT a.id AS assessment_id, o.name AS organization, v.name AS vendor, s.name AS service,
	   s.pattern, a.framework, cs.section, cs.section_title, cs.section_position,
	   cs.controls AS controls_in_scope,
	   COALESCE(n.answered, 0) AS answered,
	   COALESCE(n.implemented, 0) AS implemented,
	   COALESCE(n.partial, 0) AS partial,
	   COALESCE(n.planned, 0) AS planned,
	   COALESCE(n.not_implemented, 0) AS not_implemented,
	   COALESCE(n.not_applicable, 0) AS not_applicable,
	   COALESCE(n.unclear, 0) AS unclear,
	   cs.controls - COALESCE(n.answered, 0) AS unanswered,
	   cs.controls - COALESCE(n.not_applicable, 0) AS applicable,
	   COALESCE(n.score_points, 0) AS score_points,
	   pg_catalog.round(100.0 * COALESCE(n.answered, 0) / cs.controls, 1) AS coverage_pct,
	   pg_catalog.round(100.0 * COALESCE(n.score_points, 0)
			 / NULLIF(cs.controls - COALESCE(n.not_applicable, 0), 0), 1) AS score_pct,
	   -- the controls with no response at all are unanswered gaps
	   COALESCE(n.gaps_high, 0) + cs.unanswered_high - COALESCE(n.unanswered_high, 0) AS gaps_high,
	   COALESCE(n.gaps_medium, 0) + cs.unanswered_medium - COALESCE(n.unanswered_medium, 0)
		   AS gaps_medium,
	   COALESCE(n.gaps_low, 0) AS gaps_low,
	   COALESCE(n.boilerplate_only, 0) AS boilerplate_only
  FROM kansa.assessment AS a
  JOIN kansa.service AS s ON s.id = a.service_id
  JOIN kansa.vendor AS v ON v.id = s.vendor_id
  JOIN kansa.organization AS o ON o.id = a.organization_id
  -- the controls per section: of the whole framework (scope_key 0), or of
  -- an assessment's scope (scope_key its id)
  JOIN (SELECT c.framework, 0::bigint AS scope_key, c.section, c.section_title, c.section_position,
			   pg_catalog.count(*)::integer AS controls,
			   pg_catalog.count(*) FILTER (WHERE (kansa.gap_of(NULL, c.level)).rank = 1)::integer
				   AS unanswered_high,
			   pg_catalog.count(*) FILTER (WHERE (kansa.gap_of(NULL, c.level)).rank = 2)::integer
				   AS unanswered_medium
		  FROM kansa.control_section AS c
		 GROUP BY c.framework, c.section, c.section_title, c.section_position
		UNION ALL
		SELECT c.framework, sa.id, c.section, c.section_title, c.section_position,
			   pg_catalog.count(*)::integer,
			   pg_catalog.count(*) FILTER (WHERE (kansa.gap_of(NULL, c.level)).rank = 1)::integer,
			   pg_catalog.count(*) FILTER (WHERE (kansa.gap_of(NULL, c.level)).rank = 2)::integer
		  FROM kansa.assessment AS sa
		  JOIN kansa.control_section AS c
			ON c.framework = sa.framework AND kansa.in_scope(sa.scope, c.control)
		 WHERE sa.scope IS NOT NULL AND sa.superseded_by IS NULL
		 GROUP BY c.framework, sa.id, c.section, c.section_title, c.section_position) AS cs
	ON cs.framework = a.framework
   AND cs.scope_key = CASE WHEN a.scope IS NULL THEN 0 ELSE a.id END
  -- answers counted per kind of row first (few groups), then pivoted
  LEFT JOIN (SELECT g.assessment_id, g.section,
					pg_catalog.sum(g.n) FILTER (WHERE g.status <> 'unanswered')::integer AS answered,
					pg_catalog.sum(g.n) FILTER (WHERE g.status = 'implemented')::integer AS implemented,
					pg_catalog.sum(g.n) FILTER (WHERE g.status = 'partial')::integer AS partial,
					pg_catalog.sum(g.n) FILTER (WHERE g.status = 'planned')::integer AS planned,
					pg_catalog.sum(g.n) FILTER (WHERE g.status = 'not_implemented')::integer AS not_implemented,
					pg_catalog.sum(g.n) FILTER (WHERE g.status = 'not_applicable')::integer AS not_applicable,
					pg_catalog.sum(g.n) FILTER (WHERE g.status = 'unclear')::integer AS unclear,
					COALESCE(pg_catalog.sum(g.points), 0) AS score_points,
					pg_catalog.sum(g.n) FILTER (WHERE g.severity = 'high')::integer AS gaps_high,
					pg_catalog.sum(g.n) FILTER (WHERE g.severity = 'medium')::integer AS gaps_medium,
					pg_catalog.sum(g.n) FILTER (WHERE g.severity = 'low')::integer AS gaps_low,
					pg_catalog.sum(g.n) FILTER (WHERE g.boilerplate_only)::integer AS boilerplate_only,
					pg_catalog.sum(g.n) FILTER (WHERE (kansa.gap_of(NULL, g.level)).rank = 1)::integer
						AS unanswered_high,
					pg_catalog.sum(g.n) FILTER (WHERE (kansa.gap_of(NULL, g.level)).rank = 2)::integer
						AS unanswered_medium
			   FROM (SELECT rg.assessment_id, rg.section, rg.level, rg.status, rg.severity,
							rg.boilerplate_only, pg_catalog.count(*) AS n, pg_catalog.sum(rg.score) AS points
					   FROM kansa.response_gap_recomputed AS rg
					  GROUP BY rg.assessment_id, rg.section, rg.level, rg.status, rg.severity,
							   rg.boilerplate_only) AS g
			  GROUP BY g.assessment_id, g.section) AS n
	ON n.assessment_id = a.id AND COALESCE(n.section, '') = COALESCE(cs.section, '')
 WHERE a.superseded_by IS NULL;

-- The findings raised on each assessment (kansa.finding), by state, as of
-- kansa.today().  Findings are read at read time, not maintained, so
-- assessment_summary and assessment_summary_recomputed both take their
-- findings columns from here: one definition of "overdue" for the counts
-- (kansa.findings states it again per finding).
CREATE VIEW kansa.assessment_findings AS
SELECT f.assessment_id,
	   pg_catalog.count(*)::integer AS findings,
	   pg_catalog.count(*) FILTER (WHERE f.state IN ('open', 'sent'))::integer AS findings_open,
	   pg_catalog.count(*) FILTER (WHERE (f.state IN ('open', 'sent') AND f.due < kansa.today())
								   OR (f.state = 'risk_accepted' AND f.risk_expires < kansa.today()))::integer
		   AS findings_overdue,
	   pg_catalog.count(*) FILTER (WHERE f.state = 'answered')::integer AS findings_answered,
	   pg_catalog.count(*) FILTER (WHERE f.state = 'closed')::integer AS findings_closed,
	   pg_catalog.count(*) FILTER (WHERE f.state = 'risk_accepted')::integer AS findings_risk_accepted
  FROM kansa.finding AS f
 GROUP BY f.assessment_id;
COMMENT ON VIEW kansa.assessment_findings IS 'One row per assessment with findings (kansa.finding), the organisations the user may see: how many are waiting for the vendor, overdue, answered, closed and risk accepted, as of kansa.today().  The findings columns of assessment_summary.';
COMMENT ON COLUMN kansa.assessment_findings.assessment_id IS 'The assessment (kansa.assessment.id) the findings were raised on; current or superseded.';
COMMENT ON COLUMN kansa.assessment_findings.findings IS 'Findings raised on the assessment, in any state.';
COMMENT ON COLUMN kansa.assessment_findings.findings_open IS 'Findings waiting for the vendor: open or sent.';
COMMENT ON COLUMN kansa.assessment_findings.findings_overdue IS 'Of those, the ones past their due day, and risk acceptances past their expiry (as of kansa.today()).';
COMMENT ON COLUMN kansa.assessment_findings.findings_answered IS 'Findings with a reply for an analyst to judge (answered).';
COMMENT ON COLUMN kansa.assessment_findings.findings_closed IS 'Findings closed.';
COMMENT ON COLUMN kansa.assessment_findings.findings_risk_accepted IS 'Findings whose risk was accepted (risk_accepted).';

CREATE VIEW kansa.assessment_summary_recomputed AS
SELECT sc.assessment_id, sc.organization, sc.vendor, sc.service, sc.pattern, sc.framework,
	   pg_catalog.sum(sc.controls_in_scope)::integer AS controls_in_scope,
	   pg_catalog.sum(sc.answered)::integer AS answered,
	   pg_catalog.sum(sc.implemented)::integer AS implemented,
	   pg_catalog.sum(sc.partial)::integer AS partial,
	   pg_catalog.sum(sc.planned)::integer AS planned,
	   pg_catalog.sum(sc.not_implemented)::integer AS not_implemented,
	   pg_catalog.sum(sc.not_applicable)::integer AS not_applicable,
	   pg_catalog.sum(sc.unclear)::integer AS unclear,
	   pg_catalog.sum(sc.unanswered)::integer AS unanswered,
	   pg_catalog.round(100.0 * pg_catalog.sum(sc.answered) / pg_catalog.sum(sc.controls_in_scope), 1) AS coverage_pct,
	   pg_catalog.round(100.0 * pg_catalog.sum(sc.score_points) / NULLIF(pg_catalog.sum(sc.applicable), 0), 1) AS score_pct,
	   pg_catalog.sum(sc.gaps_high)::integer AS gaps_high,
	   pg_catalog.sum(sc.gaps_medium)::integer AS gaps_medium,
	   pg_catalog.sum(sc.gaps_low)::integer AS gaps_low,
	   pg_catalog.sum(sc.boilerplate_only)::integer AS boilerplate_only,
	   pg_catalog.round(100.0 * pg_catalog.sum(sc.boilerplate_only) / NULLIF(pg_catalog.sum(sc.answered), 0), 1)
		   AS boilerplate_only_pct,
	   COALESCE(pg_catalog.max(ei.items), 0) AS evidence_items,
	   a.file_name, a.received_at, a.imported_at,
	   COALESCE(fc.findings_open, 0) AS findings_open, COALESCE(fc.findings_overdue, 0) AS findings_overdue,
	   COALESCE(fc.findings_answered, 0) AS findings_answered,
	   COALESCE(fc.findings_closed, 0) AS findings_closed,
	   COALESCE(fc.findings_risk_accepted, 0) AS findings_risk_accepted
  FROM kansa.section_coverage_recomputed AS sc
  JOIN kansa.assessment AS a ON a.id = sc.assessment_id
  LEFT JOIN (SELECT d.assessment_id, pg_catalog.count(*)::integer AS items
			   FROM (SELECT DISTINCT re.assessment_id, re.evidence
					   FROM kansa.response_evidence AS re) AS d
			  GROUP BY d.assessment_id) AS ei ON ei.assessment_id = sc.assessment_id
  -- the findings raised on the assessment, by state: read at read time by
  -- both summaries from the one view
  LEFT JOIN kansa.assessment_findings AS fc ON fc.assessment_id = a.id
 GROUP BY sc.assessment_id, sc.organization, sc.vendor, sc.service, sc.pattern, sc.framework,
		  a.id, fc.findings_open, fc.findings_overdue, fc.findings_answered, fc.findings_closed,
		  fc.findings_risk_accepted;

CREATE VIEW kansa.evidence_register AS
SELECT o.name AS organization, v.name AS vendor, kansa.kind(re.evidence) AS evidence_kind,
	   kansa.ref(re.evidence) AS evidence_ref, re.evidence::text AS evidence,
	   pg_catalog.count(DISTINCT r.control) FILTER (WHERE a.superseded_by IS NULL)::integer
		   AS controls_citing,
	   pg_catalog.array_to_string((pg_catalog.array_agg(DISTINCT r.control)
						FILTER (WHERE a.superseded_by IS NULL))::text[], ', ') AS controls,
	   pg_catalog.count(DISTINCT a.id)::integer AS assessments,
	   pg_catalog.min(COALESCE(a.received_at, a.imported_at::date)) AS first_seen,
	   pg_catalog.max(COALESCE(a.received_at, a.imported_at::date)) AS last_seen,
	   ev.valid_from, ev.valid_until, ev.valid_until < kansa.today() AS expired,
	   pg_catalog.bool_or(a.superseded_by IS NULL) AS cited_now
  FROM kansa.response_evidence AS re
  JOIN kansa.response AS r ON r.id = re.response_id
  JOIN kansa.assessment AS a ON a.id = r.assessment_id
  JOIN kansa.organization AS o ON o.id = a.organization_id
  JOIN kansa.service AS s ON s.id = a.service_id
  JOIN kansa.vendor AS v ON v.id = s.vendor_id
  LEFT JOIN kansa.evidence_validity AS ev
	ON ev.organization_id = a.organization_id AND ev.evidence = re.evidence
 GROUP BY o.name, v.name, re.evidence, ev.valid_from, ev.valid_until;

COMMENT ON VIEW kansa.control_section IS 'Every control of every framework (but those the framework has withdrawn: not asked, so never a gap) with the section it is reported under (the ancestor at the framework''s section_depth: fisc8 設/運/技, asp_saas II.1 … III.5): the control dimension of dashboards.';
COMMENT ON COLUMN kansa.control_section.framework IS 'The framework code.';
COMMENT ON COLUMN kansa.control_section.control IS 'The control, e.g. fisc8:設1.';
COMMENT ON COLUMN kansa.control_section.local_id IS 'Its id within the framework, e.g. 設1.';
COMMENT ON COLUMN kansa.control_section.title IS 'Title of the control.';
COMMENT ON COLUMN kansa.control_section.level IS 'basic, recommended, or NULL where the framework has no levels.';
COMMENT ON COLUMN kansa.control_section.position IS 'Document position, for ordering.';
COMMENT ON COLUMN kansa.control_section.section IS 'Local id of its section, e.g. 設 or III.2; NULL outside any section.';
COMMENT ON COLUMN kansa.control_section.section_title IS 'Title of the section.';
COMMENT ON COLUMN kansa.control_section.section_position IS 'Document position of the section, for ordering.';







COMMENT ON VIEW kansa.response_gap_recomputed IS 'response_gap computed from scratch from the responses, the reference check, the dependencies and evidence validity (the definition the maintained control_gap must agree with): slow, for checking.';
COMMENT ON VIEW kansa.section_coverage_recomputed IS 'section_coverage computed from scratch from every response of the current assessments (the definition the maintained section_coverage must agree with): slow, for checking the summaries.';
COMMENT ON VIEW kansa.assessment_summary_recomputed IS 'assessment_summary computed from scratch (from section_coverage_recomputed): slow, for checking the summaries.';
COMMENT ON VIEW kansa.evidence_register IS 'Per organisation × vendor × evidence item (certificate, report, document, clause, URL) its answers cite: which controls cite it now, when it was first and last seen, and how long it is valid where the organisation recorded it in evidence_validity.';
COMMENT ON COLUMN kansa.evidence_register.organization IS 'The assessing organisation.';
COMMENT ON COLUMN kansa.evidence_register.vendor IS 'The vendor citing it.';
COMMENT ON COLUMN kansa.evidence_register.evidence_kind IS 'cert, report, doc, clause or url.';
COMMENT ON COLUMN kansa.evidence_register.evidence_ref IS 'What identifies it within its kind (certificate number, report name, URL, …).';
COMMENT ON COLUMN kansa.evidence_register.evidence IS 'The evidence item in its text form (kind:ref), as evidence_validity keys it.';
COMMENT ON COLUMN kansa.evidence_register.controls_citing IS 'Controls of the vendor''s current assessments whose answers cite it.';
COMMENT ON COLUMN kansa.evidence_register.controls IS 'Those controls, in control order, comma-separated.';
COMMENT ON COLUMN kansa.evidence_register.assessments IS 'Assessments (current or superseded) citing it.';
COMMENT ON COLUMN kansa.evidence_register.first_seen IS 'Earliest date a sheet citing it was received (import date when not given).';
COMMENT ON COLUMN kansa.evidence_register.last_seen IS 'Latest such date.';
COMMENT ON COLUMN kansa.evidence_register.valid_from IS 'First day of validity from evidence_validity, if recorded.';
COMMENT ON COLUMN kansa.evidence_register.valid_until IS 'Last day of validity from evidence_validity; NULL when nobody recorded it.';
COMMENT ON COLUMN kansa.evidence_register.expired IS 'True when valid_until is before today; NULL when unknown.';
COMMENT ON COLUMN kansa.evidence_register.cited_now IS 'True when a current assessment cites it (false: only superseded sheets did).';
