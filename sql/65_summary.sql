-- sql/65_summary.sql: the summaries BI dashboards read, kept up to date as
-- their inputs change (control_gap, section_tally, assessment_tally,
-- summary_refresh(), summary_rebuild(), the summary triggers), and the views
-- that read them (section_coverage, assessment_summary,
-- organization_summary); last, the re-assessment views, computed on each
-- read (assessment_change: what changed since the superseded sheet;
-- service_history: every sheet of a service over time).

-----------------------------------------------------------------------------
-- Maintained summaries.  A dashboard reads the counts of every current
-- assessment on every refresh; computed from every response each time they
-- cost in proportion to all the answers ever imported.  Instead, each
-- current assessment keeps one row per section of its counts
-- (section_tally) and one row of its totals (assessment_tally), written
-- when anything they depend on changes, in the same transaction:
--
--   responses, their evidence and figures   the assessment
--   an assessment made, superseded, deleted  it, and the current assessments
--                                            of the services that rely on
--                                            its service (inherited gaps)
--   a service's pattern                      its current assessments
--   service_dependency                       the dependent service's
--   evidence_validity                        the organisation's assessments
--                                            citing the evidence
--   control, control_link, reference_item,   the current assessments of the
--   reference_value                          frameworks or patterns touched
--
-- What changes with the calendar alone is not written: evidence expires on
-- a day.  Each answer citing evidence with a recorded validity is counted
-- as it stands while the evidence is valid, and each tally row keeps, in
-- four parallel arrays (expiry_days and the changes to its high, medium and
-- low gap counts), how its counts change once each last day of validity is
-- past.  The views add the changes whose day is before kansa.today()
-- (kansa.expired_change(), one pass over a few dates in C), so they are
-- right on any day without a nightly job, and a tally row is read with no
-- join or aggregate of its own.
--
-- The tallies are derived data: dumps leave them out, and a restore
-- rebuilds them through the triggers as the tables are loaded (after a
-- restore with triggers disabled, call kansa.summary_rebuild()).  The
-- from-scratch definitions stay as section_coverage_recomputed and
-- assessment_summary_recomputed (sql/60_gaps.sql); the test suite checks
-- that both agree after every kind of change.
-----------------------------------------------------------------------------

CREATE TABLE kansa.control_gap (
	assessment_id bigint NOT NULL,
	organization_id bigint NOT NULL,
	control		kansa.control_id NOT NULL,
	response_id	bigint,
	below_reference boolean NOT NULL,
	below_must_achieve boolean NOT NULL,
	inherited_unassessed boolean NOT NULL,
	expiry_dates date[]
);
-- No foreign key to assessment: its check, a query per row, took a third of
-- the refresh of one assessment (one row per control).  Only
-- summary_refresh() writes the table, and it removes the rows of an
-- assessment that is superseded or deleted; rows left by a deletion with
-- kansa.maintain_summaries off join no assessment, so no view shows them,
-- and summary_rebuild() clears them.
CREATE INDEX control_gap_assessment_idx ON kansa.control_gap (assessment_id);
COMMENT ON TABLE kansa.control_gap IS 'Maintained: one row per current assessment × control in scope, answered or not, with what its gap depends on besides the verdict and the control''s level (read at read time): the reference check, the inherited-from-an-unassessed-provider test and the validity of the evidence its answer cites. assessment_control, response_gap and gaps read it; written by summary_refresh(). Derived data: not dumped, rebuilt by summary_rebuild().';
COMMENT ON COLUMN kansa.control_gap.assessment_id IS 'The current assessment.';
COMMENT ON COLUMN kansa.control_gap.organization_id IS 'Its organisation (the tenant), for row-level security.';
COMMENT ON COLUMN kansa.control_gap.control IS 'A control of the assessment''s framework in its scope.';
COMMENT ON COLUMN kansa.control_gap.response_id IS 'The answer to it (kansa.response.id); NULL when the sheet has none.';
COMMENT ON COLUMN kansa.control_gap.below_reference IS 'A figure the answer states falls short of a reference value of the service''s pattern (reference_check.satisfied false).';
COMMENT ON COLUMN kansa.control_gap.below_must_achieve IS 'Such a failed value is marked * (must be achieved).';
COMMENT ON COLUMN kansa.control_gap.inherited_unassessed IS 'The answer leaves the safeguard to another provider and the organisation has no current assessment of any service listed for it in service_dependency.';
COMMENT ON COLUMN kansa.control_gap.expiry_dates IS 'The last day of validity (evidence_validity.valid_until) of each evidence item the answer cites that the organisation has a validity for, in order; NULL when none. The views count those before kansa.today() as expired.';

CREATE TABLE kansa.section_tally (
	assessment_id bigint NOT NULL,
	organization_id bigint NOT NULL,
	section		text,
	section_title text,
	section_position integer,
	controls	integer NOT NULL,
	answered	integer NOT NULL,
	implemented	integer NOT NULL,
	partial		integer NOT NULL,
	planned		integer NOT NULL,
	not_implemented integer NOT NULL,
	not_applicable integer NOT NULL,
	unclear		integer NOT NULL,
	score_points numeric NOT NULL,
	gaps_high	integer NOT NULL,
	gaps_medium	integer NOT NULL,
	gaps_low	integer NOT NULL,
	boilerplate_only integer NOT NULL,
	coverage_pct numeric NOT NULL,
	score_pct	numeric,
	expiry_days date[],
	expiry_high integer[],
	expiry_medium integer[],
	expiry_low integer[],
	service_id	bigint NOT NULL,
	framework	text NOT NULL,
	FOREIGN KEY (assessment_id, organization_id)
		REFERENCES kansa.assessment (id, organization_id) ON DELETE CASCADE
);
-- by assessment only: an index with a text key could be used by a
-- LEAKPROOF condition on another tenant's rows (see sql/70_security.sql)
CREATE INDEX section_tally_assessment_idx ON kansa.section_tally (assessment_id);
COMMENT ON TABLE kansa.section_tally IS 'Maintained counts of one current assessment''s controls in scope under one section (the figures of section_coverage while no evidence has expired); written by summary_refresh(), read by section_coverage. Derived data: not dumped, rebuilt by summary_rebuild().';
COMMENT ON COLUMN kansa.section_tally.assessment_id IS 'The current assessment.';
COMMENT ON COLUMN kansa.section_tally.organization_id IS 'Its organisation (the tenant), for row-level security.';
COMMENT ON COLUMN kansa.section_tally.section IS 'Local id of the section (control.section); NULL for controls outside any section.';
COMMENT ON COLUMN kansa.section_tally.section_title IS 'Title of the section, as the catalog had it at the last refresh (catalog edits refresh).';
COMMENT ON COLUMN kansa.section_tally.section_position IS 'Document position of the section.';
COMMENT ON COLUMN kansa.section_tally.controls IS 'Controls of the section in the assessment''s scope.';
COMMENT ON COLUMN kansa.section_tally.answered IS 'Of those, controls with an answer (any status but unanswered).';
COMMENT ON COLUMN kansa.section_tally.implemented IS 'Controls answered implemented.';
COMMENT ON COLUMN kansa.section_tally.partial IS 'Controls answered partial.';
COMMENT ON COLUMN kansa.section_tally.planned IS 'Controls answered planned.';
COMMENT ON COLUMN kansa.section_tally.not_implemented IS 'Controls answered not_implemented.';
COMMENT ON COLUMN kansa.section_tally.not_applicable IS 'Controls answered not_applicable.';
COMMENT ON COLUMN kansa.section_tally.unclear IS 'Controls answered unclear.';
COMMENT ON COLUMN kansa.section_tally.score_points IS 'Sum of the answers'' scores (implemented 1, partial 0.5).';
COMMENT ON COLUMN kansa.section_tally.gaps_high IS 'Gaps of severity high while all cited evidence is valid (expiry_days and expiry_high hold the changes once it expires).';
COMMENT ON COLUMN kansa.section_tally.gaps_medium IS 'Gaps of severity medium, likewise.';
COMMENT ON COLUMN kansa.section_tally.gaps_low IS 'Gaps of severity low, likewise.';
COMMENT ON COLUMN kansa.section_tally.boilerplate_only IS 'Answers made only of the sheet''s boilerplate.';
COMMENT ON COLUMN kansa.section_tally.coverage_pct IS 'answered / controls, in percent, one decimal: written with the counts, so that a dashboard''s read does no arithmetic.';
COMMENT ON COLUMN kansa.section_tally.score_pct IS 'score_points over the controls not answered not_applicable, in percent, one decimal; NULL when every control is not applicable.';
COMMENT ON COLUMN kansa.section_tally.service_id IS 'The assessment''s service, as the assessment has it (copied, like framework, so that reading the tallies joins no assessment: the table of every sheet ever imported).';
COMMENT ON COLUMN kansa.section_tally.framework IS 'The assessment''s framework.';
COMMENT ON COLUMN kansa.section_tally.expiry_days IS 'The calendar part of the section: the last days of validity (evidence_validity.valid_until, ascending) on which the gap counts change, each the earliest-expiring evidence item some answer cites; NULL when no answer''s gap changes with the calendar. The views add the changes of the days before kansa.today() (expired_change()).';
COMMENT ON COLUMN kansa.section_tally.expiry_high IS 'Per day of expiry_days, the change to gaps_high from the next day on (may be negative: a high gap never lowers, but the array is of changes).';
COMMENT ON COLUMN kansa.section_tally.expiry_medium IS 'Per day of expiry_days, the change to gaps_medium (an answer whose cited evidence lapses becomes an evidence_expired gap, unless a more severe gap already holds).';
COMMENT ON COLUMN kansa.section_tally.expiry_low IS 'Per day of expiry_days, the change to gaps_low (negative: a low gap became medium).';

CREATE TABLE kansa.assessment_tally (
	assessment_id bigint PRIMARY KEY,
	organization_id bigint NOT NULL,
	controls	integer NOT NULL,
	answered	integer NOT NULL,
	implemented	integer NOT NULL,
	partial		integer NOT NULL,
	planned		integer NOT NULL,
	not_implemented integer NOT NULL,
	not_applicable integer NOT NULL,
	unclear		integer NOT NULL,
	score_points numeric NOT NULL,
	gaps_high	integer NOT NULL,
	gaps_medium	integer NOT NULL,
	gaps_low	integer NOT NULL,
	boilerplate_only integer NOT NULL,
	evidence_items integer NOT NULL,
	coverage_pct numeric NOT NULL,
	score_pct	numeric,
	boilerplate_only_pct numeric,
	expiry_days date[],
	expiry_high integer[],
	expiry_medium integer[],
	expiry_low integer[],
	service_id	bigint NOT NULL,
	framework	text NOT NULL,
	file_name	text NOT NULL,
	received_at date,
	imported_at timestamptz NOT NULL,
	FOREIGN KEY (assessment_id, organization_id)
		REFERENCES kansa.assessment (id, organization_id) ON DELETE CASCADE
);
COMMENT ON TABLE kansa.assessment_tally IS 'Maintained totals of one current assessment (its section_tally rows added up, and the evidence items its answers cite); written by summary_refresh(), read by assessment_summary and organization_summary. Derived data: not dumped, rebuilt by summary_rebuild().';
COMMENT ON COLUMN kansa.assessment_tally.assessment_id IS 'The current assessment.';
COMMENT ON COLUMN kansa.assessment_tally.organization_id IS 'Its organisation (the tenant), for row-level security.';
COMMENT ON COLUMN kansa.assessment_tally.controls IS 'Controls in the assessment''s scope.';
COMMENT ON COLUMN kansa.assessment_tally.answered IS 'Controls with an answer (any status but unanswered).';
COMMENT ON COLUMN kansa.assessment_tally.implemented IS 'Controls answered implemented.';
COMMENT ON COLUMN kansa.assessment_tally.partial IS 'Controls answered partial.';
COMMENT ON COLUMN kansa.assessment_tally.planned IS 'Controls answered planned.';
COMMENT ON COLUMN kansa.assessment_tally.not_implemented IS 'Controls answered not_implemented.';
COMMENT ON COLUMN kansa.assessment_tally.not_applicable IS 'Controls answered not_applicable.';
COMMENT ON COLUMN kansa.assessment_tally.unclear IS 'Controls answered unclear.';
COMMENT ON COLUMN kansa.assessment_tally.score_points IS 'Sum of the answers'' scores (implemented 1, partial 0.5).';
COMMENT ON COLUMN kansa.assessment_tally.gaps_high IS 'Gaps of severity high while all cited evidence is valid.';
COMMENT ON COLUMN kansa.assessment_tally.gaps_medium IS 'Gaps of severity medium, likewise.';
COMMENT ON COLUMN kansa.assessment_tally.gaps_low IS 'Gaps of severity low, likewise.';
COMMENT ON COLUMN kansa.assessment_tally.boilerplate_only IS 'Answers made only of the sheet''s boilerplate.';
COMMENT ON COLUMN kansa.assessment_tally.evidence_items IS 'Distinct evidence items the assessment''s answers cite.';
COMMENT ON COLUMN kansa.assessment_tally.coverage_pct IS 'answered / controls, in percent, one decimal: written with the counts, so that a dashboard''s read does no arithmetic.';
COMMENT ON COLUMN kansa.assessment_tally.score_pct IS 'score_points over the controls not answered not_applicable, in percent, one decimal; NULL when every control is not applicable.';
COMMENT ON COLUMN kansa.assessment_tally.boilerplate_only_pct IS 'boilerplate_only / answered, in percent, one decimal; NULL when nothing is answered.';
COMMENT ON COLUMN kansa.assessment_tally.service_id IS 'The assessment''s service (copied from it with framework, file_name, received_at and imported_at, so that reading the tallies joins no assessment: the table of every sheet ever imported; any change of the assessment refreshes them).';
COMMENT ON COLUMN kansa.assessment_tally.framework IS 'The assessment''s framework.';
COMMENT ON COLUMN kansa.assessment_tally.file_name IS 'The assessment''s source file name.';
COMMENT ON COLUMN kansa.assessment_tally.received_at IS 'When the sheet was received, if given.';
COMMENT ON COLUMN kansa.assessment_tally.imported_at IS 'When it was imported.';
COMMENT ON COLUMN kansa.assessment_tally.expiry_days IS 'The calendar part of the assessment (its sections changes added up per day): the last days of validity (evidence_validity.valid_until, ascending) on which the gap counts change, each the earliest-expiring evidence item some answer cites; NULL when no answer''s gap changes with the calendar. The views add the changes of the days before kansa.today() (expired_change()).';
COMMENT ON COLUMN kansa.assessment_tally.expiry_high IS 'Per day of expiry_days, the change to gaps_high from the next day on (may be negative: a high gap never lowers, but the array is of changes).';
COMMENT ON COLUMN kansa.assessment_tally.expiry_medium IS 'Per day of expiry_days, the change to gaps_medium (an answer whose cited evidence lapses becomes an evidence_expired gap, unless a more severe gap already holds).';
COMMENT ON COLUMN kansa.assessment_tally.expiry_low IS 'Per day of expiry_days, the change to gaps_low (negative: a low gap became medium).';

-- The calendar's change to a tally's gap count: the changes of the days
-- before a day, from a tally row's parallel arrays.
CREATE FUNCTION kansa.expired_change(days date[], changes integer[], today date) RETURNS integer
	AS 'MODULE_PATHNAME', 'kansa_expired_change' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.expired_change(date[], integer[], date) IS 'The sum of the changes whose day is before today, of two parallel arrays (a tally row''s expiry_days and one of expiry_high, expiry_medium, expiry_low): how much a gap count has moved with the calendar. Arrays of different lengths, more than one dimension or NULL elements are refused.';

-- The per-control facts of some assessments, computed from scratch: the
-- one definition the tallies are written from.
--
-- plpgsql with a generic plan: the statement joins the reference check
-- and a dozen tables, and planning it took 5 to 10 ms, ten times running
-- it for one assessment; the plan kept for the session is made once.
CREATE FUNCTION kansa.summary_refresh(assessment_ids bigint[]) RETURNS void
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	-- pg_restore turns row_security off; the rows are kansa_owner's to see
	SET row_security = on
	SET plan_cache_mode = force_generic_plan
	-- the generic plan's estimates pass jit_above_cost at 1M responses, and
	-- compiling took longer than the refresh itself (bench/RESULTS.md)
	SET jit = off
	AS $$
BEGIN
	DELETE FROM kansa.control_gap AS t WHERE t.assessment_id = ANY (assessment_ids);
	DELETE FROM kansa.section_tally AS t WHERE t.assessment_id = ANY (assessment_ids);
	DELETE FROM kansa.assessment_tally AS t WHERE t.assessment_id = ANY (assessment_ids);
	WITH cur AS MATERIALIZED (
		SELECT a.id, a.organization_id, a.framework, a.scope, a.service_id, a.file_name,
			   a.received_at, a.imported_at,
			   -- an inherited answer is a gap while no provider of the
			   -- service has a current assessment by the organisation
			   NOT EXISTS (SELECT FROM kansa.service_dependency AS d
							 JOIN kansa.assessment AS pa
							   ON pa.service_id = d.provider_service_id
							  AND pa.organization_id = a.organization_id
							  AND pa.superseded_by IS NULL
							WHERE d.service_id = a.service_id) AS no_provider
		  FROM kansa.assessment AS a
		 WHERE a.id = ANY (assessment_ids) AND a.superseded_by IS NULL
	), answers AS MATERIALIZED (
		-- the answers first, joined to the controls by hash below: as the
		-- inner side of a nested loop they were scanned once per control.
		-- Each assessment's answers by its index, whatever the statistics
		-- say: the plan is generic and kept for the session, and one made
		-- while kansa.response was small (an ANALYZE early in a batch of
		-- imports) read the whole table by hash join on every later call,
		-- at a cost growing with every sheet (OFFSET 0 keeps the subquery
		-- a parameterised scan per assessment)
		SELECT r.id, r.assessment_id, r.control, r.verdict, r.status, r.score,
			   r.boilerplate_only, r.responsibility
		  FROM cur
		  CROSS JOIN LATERAL (SELECT r.id, r.assessment_id, r.control, r.verdict, r.status,
									 r.score, r.boilerplate_only, r.responsibility
								FROM kansa.response AS r
							   WHERE r.assessment_id = cur.id OFFSET 0) AS r
	), facts AS MATERIALIZED (
		-- every control in scope, answered or not, with its severity while
		-- the evidence it cites is valid and once it has expired
		SELECT cur.id AS assessment_id, cur.organization_id, cur.framework, cur.service_id,
			   c.id AS control,
			   c.section, r.id AS response_id, r.status, r.score, r.boilerplate_only,
			   b.control IS NOT NULL AS below_reference,
			   COALESCE(b.must_achieve, false) AS below_must_achieve,
			   COALESCE(r.responsibility = 'inherited' AND cur.no_provider, false) AS inherited_unassessed,
			   x.dates AS expiry_dates, x.dates[1] AS expires,
			   (kansa.gap_of(r.verdict, c.level, b.control IS NOT NULL,
							 COALESCE(b.must_achieve, false), 0,
							 r.responsibility = 'inherited' AND cur.no_provider)).rank AS rank_valid,
			   CASE WHEN x.dates IS NOT NULL
					THEN (kansa.gap_of(r.verdict, c.level, b.control IS NOT NULL,
									   COALESCE(b.must_achieve, false), 1,
									   r.responsibility = 'inherited' AND cur.no_provider)).rank
			   END AS rank_expired
		  FROM cur
		  -- each assessment's controls by the catalog's index on framework
		  -- (a hash join read every framework's controls)
		  CROSS JOIN LATERAL (SELECT c.id, c.section, c.level FROM kansa.control AS c
							   WHERE c.framework = cur.framework AND c.kind = 'control'
								 AND NOT c.withdrawn AND kansa.in_scope(cur.scope, c.id::text)
							  OFFSET 0) AS c
		  LEFT JOIN answers AS r
			ON r.assessment_id = cur.id AND r.control OPERATOR(kansa.=) c.id
		  LEFT JOIN (SELECT re.response_id,
							pg_catalog.array_agg(ev.valid_until ORDER BY ev.valid_until) AS dates
					   FROM cur AS ca
					   JOIN kansa.response_evidence AS re ON re.assessment_id = ca.id
					   JOIN kansa.evidence_validity AS ev
						 ON ev.organization_id = ca.organization_id
						AND ev.evidence OPERATOR(kansa.=) re.evidence
					  GROUP BY re.response_id) AS x ON x.response_id = r.id
		  LEFT JOIN (SELECT q.assessment_id, q.control, pg_catalog.bool_or(q.must_achieve) AS must_achieve
					   FROM kansa.reference_check AS q
					  WHERE q.assessment_id = ANY (assessment_ids) AND NOT q.satisfied
						-- reference values apply to a service's pattern: with
						-- none among the services, the check is not run at all
						-- (a one-time filter)
						AND EXISTS (SELECT FROM cur AS cp
									  JOIN kansa.service AS sp ON sp.id = cp.service_id
									 WHERE sp.pattern IS NOT NULL)
					  GROUP BY q.assessment_id, q.control) AS b
			ON b.assessment_id = cur.id AND b.control = c.id::text
	), expiry AS MATERIALIZED (
		-- per section and last day of validity, how its gap counts change
		-- once the day is past
		SELECT f.assessment_id, COALESCE(f.section, '') AS section_key, f.expires,
			   pg_catalog.count(*) FILTER (WHERE f.rank_expired = 1)
			   - pg_catalog.count(*) FILTER (WHERE f.rank_valid = 1) AS high,
			   pg_catalog.count(*) FILTER (WHERE f.rank_expired = 2)
			   - pg_catalog.count(*) FILTER (WHERE f.rank_valid = 2) AS medium,
			   pg_catalog.count(*) FILTER (WHERE f.rank_expired = 3)
			   - pg_catalog.count(*) FILTER (WHERE f.rank_valid = 3) AS low
		  FROM facts AS f
		 WHERE f.expires IS NOT NULL AND f.rank_expired IS DISTINCT FROM f.rank_valid
		 GROUP BY f.assessment_id, COALESCE(f.section, ''), f.expires
	), controls AS (
		INSERT INTO kansa.control_gap
		SELECT f.assessment_id, f.organization_id, f.control, f.response_id, f.below_reference,
			   f.below_must_achieve, f.inherited_unassessed, f.expiry_dates
		  FROM facts AS f
	), sections AS (
		INSERT INTO kansa.section_tally
		SELECT g.assessment_id, g.organization_id, g.section, st.title, st.position, g.controls,
			   g.answered, g.implemented, g.partial, g.planned, g.not_implemented,
			   g.not_applicable, g.unclear, g.score_points, g.gaps_high, g.gaps_medium,
			   g.gaps_low, g.boilerplate_only,
			   pg_catalog.round(100.0 * g.answered / g.controls, 1),
			   pg_catalog.round(100.0 * g.score_points / NULLIF(g.controls - g.not_applicable, 0), 1),
			   x.days, x.high, x.medium, x.low, g.service_id, g.framework
		  FROM (SELECT f.assessment_id, f.organization_id, f.framework, f.service_id, f.section,
					   pg_catalog.count(*) AS controls,
					   pg_catalog.count(*) FILTER (WHERE f.status <> 'unanswered') AS answered,
					   pg_catalog.count(*) FILTER (WHERE f.status = 'implemented') AS implemented,
					   pg_catalog.count(*) FILTER (WHERE f.status = 'partial') AS partial,
					   pg_catalog.count(*) FILTER (WHERE f.status = 'planned') AS planned,
					   pg_catalog.count(*) FILTER (WHERE f.status = 'not_implemented') AS not_implemented,
					   pg_catalog.count(*) FILTER (WHERE f.status = 'not_applicable') AS not_applicable,
					   pg_catalog.count(*) FILTER (WHERE f.status = 'unclear') AS unclear,
					   COALESCE(pg_catalog.sum(f.score), 0) AS score_points,
					   pg_catalog.count(*) FILTER (WHERE f.rank_valid = 1) AS gaps_high,
					   pg_catalog.count(*) FILTER (WHERE f.rank_valid = 2) AS gaps_medium,
					   pg_catalog.count(*) FILTER (WHERE f.rank_valid = 3) AS gaps_low,
					   pg_catalog.count(*) FILTER (WHERE f.boilerplate_only) AS boilerplate_only
				  FROM facts AS f
				 GROUP BY f.assessment_id, f.organization_id, f.framework, f.service_id, f.section) AS g
		  -- the section's heading, looked up once per section by its id
		  -- (a hash join read the whole catalog)
		  LEFT JOIN LATERAL (SELECT st.title, st.position FROM kansa.control AS st
							  WHERE st.id OPERATOR(kansa.=) kansa.control_id(g.framework, g.section)
							 OFFSET 0) AS st ON true
		  LEFT JOIN (SELECT e.assessment_id, e.section_key,
							pg_catalog.array_agg(e.expires ORDER BY e.expires) AS days,
							pg_catalog.array_agg(e.high::integer ORDER BY e.expires) AS high,
							pg_catalog.array_agg(e.medium::integer ORDER BY e.expires) AS medium,
							pg_catalog.array_agg(e.low::integer ORDER BY e.expires) AS low
					   FROM expiry AS e
					  GROUP BY e.assessment_id, e.section_key) AS x
			ON x.assessment_id = g.assessment_id AND x.section_key = COALESCE(g.section, '')
		RETURNING *
	)
	INSERT INTO kansa.assessment_tally
	SELECT s.assessment_id, s.organization_id, s.controls, s.answered, s.implemented, s.partial,
		   s.planned, s.not_implemented, s.not_applicable, s.unclear, s.score_points,
		   s.gaps_high, s.gaps_medium, s.gaps_low, s.boilerplate_only,
		   (SELECT pg_catalog.count(DISTINCT re.evidence) FROM kansa.response_evidence AS re
			 WHERE re.assessment_id = s.assessment_id),
		   pg_catalog.round(100.0 * s.answered / s.controls, 1),
		   pg_catalog.round(100.0 * s.score_points / NULLIF(s.controls - s.not_applicable, 0), 1),
		   pg_catalog.round(100.0 * s.boilerplate_only / NULLIF(s.answered, 0), 1),
		   x.days, x.high, x.medium, x.low, c.service_id, c.framework, c.file_name,
		   c.received_at, c.imported_at
	  FROM (SELECT s.assessment_id, s.organization_id, pg_catalog.sum(s.controls) AS controls,
				   pg_catalog.sum(s.answered) AS answered,
				   pg_catalog.sum(s.implemented) AS implemented,
				   pg_catalog.sum(s.partial) AS partial, pg_catalog.sum(s.planned) AS planned,
				   pg_catalog.sum(s.not_implemented) AS not_implemented,
				   pg_catalog.sum(s.not_applicable) AS not_applicable,
				   pg_catalog.sum(s.unclear) AS unclear,
				   pg_catalog.sum(s.score_points) AS score_points,
				   pg_catalog.sum(s.gaps_high) AS gaps_high,
				   pg_catalog.sum(s.gaps_medium) AS gaps_medium,
				   pg_catalog.sum(s.gaps_low) AS gaps_low,
				   pg_catalog.sum(s.boilerplate_only) AS boilerplate_only
			  FROM sections AS s
			 GROUP BY s.assessment_id, s.organization_id) AS s
	  -- the sections' changes added up per day
	  LEFT JOIN (SELECT d.assessment_id,
						pg_catalog.array_agg(d.expires ORDER BY d.expires) AS days,
						pg_catalog.array_agg(d.high ORDER BY d.expires) AS high,
						pg_catalog.array_agg(d.medium ORDER BY d.expires) AS medium,
						pg_catalog.array_agg(d.low ORDER BY d.expires) AS low
				   FROM (SELECT e.assessment_id, e.expires, pg_catalog.sum(e.high)::integer AS high,
								pg_catalog.sum(e.medium)::integer AS medium,
								pg_catalog.sum(e.low)::integer AS low
						   FROM expiry AS e
						  GROUP BY e.assessment_id, e.expires) AS d
				  GROUP BY d.assessment_id) AS x ON x.assessment_id = s.assessment_id
	  JOIN cur AS c ON c.id = s.assessment_id;
END;
$$;
COMMENT ON FUNCTION kansa.summary_refresh(bigint[]) IS 'Writes the maintained rows (control_gap, section_tally, assessment_tally) of the given assessments anew from their responses, the catalog, reference values, dependencies and evidence validity; a superseded or deleted assessment loses its rows. Called by the summary triggers and import_sheet(); SECURITY DEFINER, owned by kansa_owner, callable by no other role.';

-- The current assessments whose inherited gaps follow these services: their
-- own, and those of the services that rely on them (service_dependency).
CREATE FUNCTION kansa.summary_dependents(service_ids bigint[]) RETURNS bigint[]
	LANGUAGE sql STABLE
	SET search_path = pg_catalog, pg_temp
	-- two index scans (assessment by service, dependency by provider): as
	-- one condition with OR it read every assessment ever imported, on
	-- every import of a new service
	BEGIN ATOMIC
		SELECT pg_catalog.array_agg(DISTINCT x.id)
		  FROM (SELECT a.id FROM kansa.assessment AS a
				 WHERE a.service_id = ANY (service_ids) AND a.superseded_by IS NULL
				UNION ALL
				SELECT a.id FROM kansa.service_dependency AS d
				  JOIN kansa.assessment AS a ON a.service_id = d.service_id
				 WHERE d.provider_service_id = ANY (service_ids) AND a.superseded_by IS NULL) AS x;
	END;
COMMENT ON FUNCTION kansa.summary_dependents(bigint[]) IS 'The current assessments of the given services and of the services that rely on them (service_dependency): whose summaries a change of these services'' assessments can move.';

CREATE FUNCTION kansa.summary_rebuild() RETURNS integer
	LANGUAGE sql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	-- pg_restore turns row_security off; the rows are kansa_owner's to see
	SET row_security = on
	BEGIN ATOMIC
		DELETE FROM kansa.control_gap;
		DELETE FROM kansa.section_tally;
		DELETE FROM kansa.assessment_tally;
		SELECT kansa.summary_refresh(pg_catalog.array_agg(a.id))
		  FROM kansa.assessment AS a WHERE a.superseded_by IS NULL;
		SELECT pg_catalog.count(*)::integer FROM kansa.assessment_tally;
	END;
COMMENT ON FUNCTION kansa.summary_rebuild() IS 'Writes every tally anew from scratch and returns how many current assessments it summarised: after a bulk load with kansa.maintain_summaries off, or a restore with triggers disabled. For superusers and kansa_admin.';

-- One trigger function for every table the summaries read: it works out the
-- current assessments the statement's rows can move, from its transition
-- tables, and refreshes those.  SECURITY DEFINER (owned by kansa_owner), so
-- that an administrator's catalog edit refreshes every organisation's
-- summaries it moves, which no tenant could.
CREATE FUNCTION kansa.summary_changed() RETURNS trigger
	LANGUAGE plpgsql SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	-- pg_restore turns row_security off; the rows are kansa_owner's to see
	SET row_security = on
	AS $$
DECLARE
	v_ids bigint[];
BEGIN
	IF NOT pg_catalog.current_setting('kansa.maintain_summaries')::boolean THEN
		RETURN NULL;
	END IF;
	IF TG_TABLE_NAME IN ('response', 'response_evidence') THEN
		IF TG_OP = 'INSERT' THEN
			SELECT pg_catalog.array_agg(DISTINCT n.assessment_id) INTO v_ids FROM new_rows AS n;
		ELSIF TG_OP = 'DELETE' THEN
			SELECT pg_catalog.array_agg(DISTINCT o.assessment_id) INTO v_ids FROM old_rows AS o;
		ELSE
			SELECT pg_catalog.array_agg(DISTINCT x.assessment_id) INTO v_ids
			  FROM (SELECT n.assessment_id FROM new_rows AS n
					UNION SELECT o.assessment_id FROM old_rows AS o) AS x;
		END IF;
	ELSIF TG_TABLE_NAME = 'response_measure' THEN
		IF TG_OP = 'INSERT' THEN
			SELECT pg_catalog.array_agg(DISTINCT r.assessment_id) INTO v_ids
			  FROM new_rows AS n JOIN kansa.response AS r ON r.id = n.response_id;
		ELSIF TG_OP = 'DELETE' THEN
			SELECT pg_catalog.array_agg(DISTINCT r.assessment_id) INTO v_ids
			  FROM old_rows AS o JOIN kansa.response AS r ON r.id = o.response_id;
		ELSE
			SELECT pg_catalog.array_agg(DISTINCT r.assessment_id) INTO v_ids
			  FROM (SELECT n.response_id FROM new_rows AS n
					UNION SELECT o.response_id FROM old_rows AS o) AS x
			  JOIN kansa.response AS r ON r.id = x.response_id;
		END IF;
	ELSIF TG_TABLE_NAME = 'assessment' THEN
		-- the assessments themselves, and those whose inherited gaps follow
		-- their services (a deleted assessment's tallies go by cascade, its
		-- control_gap rows by the refresh)
		IF TG_OP = 'INSERT' THEN
			SELECT pg_catalog.array_agg(n.id) || kansa.summary_dependents(pg_catalog.array_agg(n.service_id))
			  INTO v_ids FROM new_rows AS n;
		ELSIF TG_OP = 'DELETE' THEN
			SELECT pg_catalog.array_agg(o.id) || kansa.summary_dependents(pg_catalog.array_agg(o.service_id))
			  INTO v_ids FROM old_rows AS o;
		ELSE
			SELECT pg_catalog.array_agg(x.id) || kansa.summary_dependents(pg_catalog.array_agg(x.service_id))
			  INTO v_ids
			  FROM (SELECT n.id, n.service_id FROM new_rows AS n
					UNION SELECT o.id, o.service_id FROM old_rows AS o) AS x;
		END IF;
	ELSIF TG_TABLE_NAME = 'service' THEN
		-- a pattern selects the reference values (UPDATE only: a new service
		-- has no assessment, a deleted one none left)
		SELECT pg_catalog.array_agg(a.id) INTO v_ids
		  FROM new_rows AS n
		  JOIN old_rows AS o ON o.id = n.id
		  JOIN kansa.assessment AS a ON a.service_id = n.id AND a.superseded_by IS NULL
		 WHERE n.pattern IS DISTINCT FROM o.pattern;
	ELSIF TG_TABLE_NAME = 'service_dependency' THEN
		IF TG_OP = 'INSERT' THEN
			SELECT pg_catalog.array_agg(a.id) INTO v_ids
			  FROM kansa.assessment AS a
			 WHERE a.superseded_by IS NULL AND a.service_id IN (SELECT n.service_id FROM new_rows AS n);
		ELSIF TG_OP = 'DELETE' THEN
			SELECT pg_catalog.array_agg(a.id) INTO v_ids
			  FROM kansa.assessment AS a
			 WHERE a.superseded_by IS NULL AND a.service_id IN (SELECT o.service_id FROM old_rows AS o);
		ELSE
			SELECT pg_catalog.array_agg(a.id) INTO v_ids
			  FROM kansa.assessment AS a
			 WHERE a.superseded_by IS NULL
			   AND a.service_id IN (SELECT n.service_id FROM new_rows AS n
									UNION SELECT o.service_id FROM old_rows AS o);
		END IF;
	ELSIF TG_TABLE_NAME = 'evidence_validity' THEN
		IF TG_OP = 'INSERT' THEN
			SELECT pg_catalog.array_agg(DISTINCT re.assessment_id) INTO v_ids
			  FROM new_rows AS n
			  JOIN kansa.response_evidence AS re
				ON re.organization_id = n.organization_id AND re.evidence OPERATOR(kansa.=) n.evidence;
		ELSIF TG_OP = 'DELETE' THEN
			SELECT pg_catalog.array_agg(DISTINCT re.assessment_id) INTO v_ids
			  FROM old_rows AS o
			  JOIN kansa.response_evidence AS re
				ON re.organization_id = o.organization_id AND re.evidence OPERATOR(kansa.=) o.evidence;
		ELSE
			SELECT pg_catalog.array_agg(DISTINCT re.assessment_id) INTO v_ids
			  FROM (SELECT n.organization_id, n.evidence FROM new_rows AS n
					UNION ALL SELECT o.organization_id, o.evidence FROM old_rows AS o) AS x
			  JOIN kansa.response_evidence AS re
				ON re.organization_id = x.organization_id AND re.evidence OPERATOR(kansa.=) x.evidence;
		END IF;
	ELSIF TG_TABLE_NAME = 'control' THEN
		IF TG_OP = 'INSERT' THEN
			SELECT pg_catalog.array_agg(a.id) INTO v_ids FROM kansa.assessment AS a
			 WHERE a.superseded_by IS NULL AND a.framework IN (SELECT n.framework FROM new_rows AS n);
		ELSIF TG_OP = 'DELETE' THEN
			SELECT pg_catalog.array_agg(a.id) INTO v_ids FROM kansa.assessment AS a
			 WHERE a.superseded_by IS NULL AND a.framework IN (SELECT o.framework FROM old_rows AS o);
		ELSE
			-- control_tree_refresh() rewrites depth and section after every
			-- change of the tree: only what the summaries read counts
			SELECT pg_catalog.array_agg(a.id) INTO v_ids FROM kansa.assessment AS a
			 WHERE a.superseded_by IS NULL
			   AND a.framework IN (SELECT n.framework FROM new_rows AS n
								  WHERE NOT EXISTS (
										SELECT FROM old_rows AS o
										 WHERE o.id OPERATOR(kansa.=) n.id
										   AND (o.kind, o.level, o.section, o.title, o.position, o.withdrawn)
											   IS NOT DISTINCT FROM (n.kind, n.level, n.section, n.title, n.position,
																	 n.withdrawn))
								 UNION
								 SELECT o.framework FROM old_rows AS o
								  WHERE NOT EXISTS (SELECT FROM new_rows AS n
													 WHERE n.id OPERATOR(kansa.=) o.id));
		END IF;
	ELSIF TG_TABLE_NAME = 'control_link' THEN
		-- a link is followed both ways (control_link_both): the frameworks
		-- of both ends
		IF TG_OP = 'INSERT' THEN
			SELECT pg_catalog.array_agg(a.id) INTO v_ids FROM kansa.assessment AS a
			 WHERE a.superseded_by IS NULL
			   AND a.framework IN (SELECT kansa.framework(n.from_control) FROM new_rows AS n
								   UNION SELECT kansa.framework(n.to_control) FROM new_rows AS n);
		ELSIF TG_OP = 'DELETE' THEN
			SELECT pg_catalog.array_agg(a.id) INTO v_ids FROM kansa.assessment AS a
			 WHERE a.superseded_by IS NULL
			   AND a.framework IN (SELECT kansa.framework(o.from_control) FROM old_rows AS o
								   UNION SELECT kansa.framework(o.to_control) FROM old_rows AS o);
		ELSE
			SELECT pg_catalog.array_agg(a.id) INTO v_ids FROM kansa.assessment AS a
			 WHERE a.superseded_by IS NULL
			   AND a.framework IN (SELECT kansa.framework(n.from_control) FROM new_rows AS n
								   UNION SELECT kansa.framework(n.to_control) FROM new_rows AS n
								   UNION SELECT kansa.framework(o.from_control) FROM old_rows AS o
								   UNION SELECT kansa.framework(o.to_control) FROM old_rows AS o);
		END IF;
	ELSIF TG_TABLE_NAME = 'reference_value' THEN
		IF TG_OP = 'INSERT' THEN
			SELECT pg_catalog.array_agg(a.id) INTO v_ids
			  FROM kansa.assessment AS a JOIN kansa.service AS s ON s.id = a.service_id
			 WHERE a.superseded_by IS NULL AND s.pattern IN (SELECT n.pattern FROM new_rows AS n);
		ELSIF TG_OP = 'DELETE' THEN
			SELECT pg_catalog.array_agg(a.id) INTO v_ids
			  FROM kansa.assessment AS a JOIN kansa.service AS s ON s.id = a.service_id
			 WHERE a.superseded_by IS NULL AND s.pattern IN (SELECT o.pattern FROM old_rows AS o);
		ELSE
			SELECT pg_catalog.array_agg(a.id) INTO v_ids
			  FROM kansa.assessment AS a JOIN kansa.service AS s ON s.id = a.service_id
			 WHERE a.superseded_by IS NULL
			   AND s.pattern IN (SELECT n.pattern FROM new_rows AS n
								 UNION SELECT o.pattern FROM old_rows AS o);
		END IF;
	ELSIF TG_TABLE_NAME = 'reference_item' THEN
		SELECT pg_catalog.array_agg(a.id) INTO v_ids
		  FROM kansa.assessment AS a JOIN kansa.service AS s ON s.id = a.service_id
		 WHERE a.superseded_by IS NULL AND s.pattern IS NOT NULL;
	END IF;
	IF v_ids IS NOT NULL THEN
		PERFORM kansa.summary_refresh(v_ids);
	END IF;
	RETURN NULL;
END;
$$;
COMMENT ON FUNCTION kansa.summary_changed() IS 'Trigger function of the summary triggers: refreshes (summary_refresh()) the current assessments whose summaries the statement''s rows can move. Does nothing while kansa.maintain_summaries is off.';

-- Three triggers per table (a trigger with transition tables has one
-- event).  Tables whose only updates cannot move a summary have none for
-- UPDATE: service (only its pattern counts, checked in the function).
DO $$
DECLARE
	t text;
	e text;
BEGIN
	FOREACH t IN ARRAY ARRAY['response', 'response_evidence', 'response_measure', 'assessment',
							 'service_dependency', 'evidence_validity', 'control', 'control_link',
							 'reference_value', 'reference_item']
	LOOP
		FOREACH e IN ARRAY ARRAY['insert', 'update', 'delete']
		LOOP
			EXECUTE pg_catalog.format(
				'CREATE TRIGGER summary_%s AFTER %s ON kansa.%I REFERENCING %s '
				'FOR EACH STATEMENT EXECUTE FUNCTION kansa.summary_changed()',
				e, e, t,
				CASE e WHEN 'insert' THEN 'NEW TABLE AS new_rows'
					   WHEN 'delete' THEN 'OLD TABLE AS old_rows'
					   ELSE 'OLD TABLE AS old_rows NEW TABLE AS new_rows' END);
			EXECUTE pg_catalog.format(
				'COMMENT ON TRIGGER summary_%s ON kansa.%I IS %L', e, t,
				'Keeps the summaries up to date (summary_changed()).');
		END LOOP;
	END LOOP;
END
$$;
CREATE TRIGGER summary_update AFTER UPDATE ON kansa.service
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION kansa.summary_changed();
COMMENT ON TRIGGER summary_update ON kansa.service IS 'Keeps the summaries up to date when a service''s pattern changes (summary_changed()).';

-----------------------------------------------------------------------------
-- The row-level views over control_gap: every control in scope of every
-- current assessment, its answer and its gap.
-----------------------------------------------------------------------------

-- The rows of the maintained control_gap, with what is read at read time:
-- the verdict, the control's level and titles, and the day.
CREATE VIEW kansa.assessment_control AS
SELECT a.id AS assessment_id, o.name AS organization, v.name AS vendor, s.name AS service,
	   s.pattern, a.framework, t.id::text AS control, kansa.local_id(t.id) AS local_id, t.section,
	   st.title AS section_title, st.position AS section_position, t.title, t.level, t.position,
	   r.id AS response_id, COALESCE(r.status, 'unanswered') AS status, r.responsibility,
	   r.verdict::text AS verdict, r.verdict_source,
	   COALESCE(r.score, CASE WHEN r.id IS NULL THEN 0 END) AS score,
	   COALESCE(r.boilerplate_only, false) AS boilerplate_only,
	   e.expired AS expired_evidence, cg.below_reference, cg.below_must_achieve,
	   cg.inherited_unassessed, r.clean_text AS answer_text, a.file_name, a.received_at,
	   a.imported_at, g.kind AS gap_kind, g.kinds AS gap_kinds, g.severity,
	   g.rank AS severity_rank
  FROM kansa.control_gap AS cg
  JOIN kansa.assessment AS a ON a.id = cg.assessment_id
  JOIN kansa.service AS s ON s.id = a.service_id
  JOIN kansa.vendor AS v ON v.id = s.vendor_id
  JOIN kansa.organization AS o ON o.id = a.organization_id
  JOIN kansa.control AS t ON t.id = cg.control
  LEFT JOIN kansa.control AS st ON st.id = kansa.control_id(t.framework, t.section)
  LEFT JOIN kansa.response AS r ON r.id = cg.response_id
  CROSS JOIN LATERAL (SELECT pg_catalog.count(*)::integer AS expired
						FROM pg_catalog.unnest(cg.expiry_dates) AS d (day)
					   WHERE d.day < kansa.today()) AS e
  -- one call per row; a control with no answer is unanswered
  CROSS JOIN LATERAL kansa.gap_of(r.verdict, t.level, cg.below_reference, cg.below_must_achieve,
								  e.expired, cg.inherited_unassessed) AS g;

CREATE VIEW kansa.response_gap AS
SELECT ac.response_id, ac.assessment_id, ac.framework, ac.control, ac.section, ac.level,
	   ac.status, ac.responsibility, ac.verdict, ac.verdict_source, ac.score,
	   ac.boilerplate_only, ac.expired_evidence, ac.below_reference, ac.below_must_achieve,
	   ac.inherited_unassessed, ac.answer_text, ac.gap_kind, ac.gap_kinds, ac.severity,
	   ac.severity_rank
  FROM kansa.assessment_control AS ac
 WHERE ac.response_id IS NOT NULL;

CREATE VIEW kansa.gaps AS
SELECT ac.organization, ac.vendor, ac.service, ac.pattern, ac.framework, ac.control,
	   ac.section, ac.section_title, ac.title, ac.level, ac.status, ac.responsibility,
	   ac.gap_kind, ac.gap_kinds, ac.severity,
	   ac.severity_rank,
	   CASE WHEN pg_catalog.length(ac.answer_text) > 80 THEN pg_catalog.left(ac.answer_text, 79) || '…'
			ELSE ac.answer_text END AS answer_excerpt,
	   (SELECT pg_catalog.count(*)::integer FROM kansa.response_evidence AS re
		 WHERE re.response_id = ac.response_id) AS evidence_count,
	   ac.assessment_id, ac.response_id, ac.position
  FROM kansa.assessment_control AS ac
 WHERE ac.gap_kind IS NOT NULL;

CREATE VIEW kansa.review_queue AS
SELECT ac.organization, ac.vendor, ac.service, ac.framework, ac.control, ac.title, ac.level,
	   ac.status, ac.responsibility,
	   r.confidence::numeric(3,2) AS confidence, r.conflict,
	   w.weight AS severity_if_wrong,
	   pg_catalog.round(w.weight * CASE WHEN r.conflict THEN 1
									  ELSE 1 - r.confidence::numeric END, 3) AS priority,
	   r.rule, r.cue AS deciding_text, r.confidence_class,
	   CASE WHEN pg_catalog.length(ac.answer_text) > 200 THEN pg_catalog.left(ac.answer_text, 199) || '…'
			ELSE ac.answer_text END AS answer_excerpt,
	   ac.file_name, r.row_number, r.cell, ac.assessment_id, ac.response_id
  FROM kansa.assessment_control AS ac
  JOIN kansa.response AS r ON r.id = ac.response_id
  -- how bad a wrong verdict would be: a hidden gap costs what the gap
  -- would have cost (its severity had the safeguard been missing); a false
  -- alarm or a misjudged gap costs an analyst's look
  CROSS JOIN LATERAL (SELECT CASE WHEN ac.status IN ('implemented', 'not_applicable')
								  THEN 4 - (kansa.gap_of('not_implemented'::kansa.answer, ac.level)).rank
								  ELSE 1 END AS weight) AS w
 WHERE r.reviewed_at IS NULL
   AND (r.conflict OR (r.verdict_source = 'classifier' AND r.confidence < 1));


COMMENT ON VIEW kansa.response_gap IS 'Every answer of every current assessment with its status and, when it is not clean, its gap kind and severity (the rules of assessment_control.severity, applied here once).';
COMMENT ON COLUMN kansa.response_gap.response_id IS 'The response (kansa.response.id), for review().';
COMMENT ON COLUMN kansa.response_gap.assessment_id IS 'The assessment (kansa.assessment.id).';
COMMENT ON COLUMN kansa.response_gap.framework IS 'The framework answered.';
COMMENT ON COLUMN kansa.response_gap.control IS 'The control answered, e.g. fisc8:設1.';
COMMENT ON COLUMN kansa.response_gap.section IS 'Local id of its section (control_section.section).';
COMMENT ON COLUMN kansa.response_gap.level IS 'basic, recommended, or NULL where the framework has no levels.';
COMMENT ON COLUMN kansa.response_gap.status IS 'The answer''s status.';
COMMENT ON COLUMN kansa.response_gap.responsibility IS 'The answer''s responsibility, if any.';
COMMENT ON COLUMN kansa.response_gap.verdict IS 'The verdict in force in the answer type''s text form.';
COMMENT ON COLUMN kansa.response_gap.verdict_source IS 'sheet, classifier, analyst, carried or vendor_reply (see kansa.response.verdict_source).';
COMMENT ON COLUMN kansa.response_gap.score IS 'implemented 1, partial 0.5, not_applicable NULL, others 0.';
COMMENT ON COLUMN kansa.response_gap.boilerplate_only IS 'True when the answer is only the sheet''s boilerplate.';
COMMENT ON COLUMN kansa.response_gap.expired_evidence IS 'Evidence items cited that the organisation''s evidence_validity says expired before today.';
COMMENT ON COLUMN kansa.response_gap.below_reference IS 'True when a figure stated falls short of a reference value for the service''s pattern.';
COMMENT ON COLUMN kansa.response_gap.below_must_achieve IS 'True when such a failed value is marked * (must be achieved).';
COMMENT ON COLUMN kansa.response_gap.inherited_unassessed IS 'True when the answer is inherited and no provider listed in service_dependency has a current assessment by the organisation.';
COMMENT ON COLUMN kansa.response_gap.answer_text IS 'The answer as kansa read it (clean_text).';
COMMENT ON COLUMN kansa.response_gap.gap_kind IS 'NULL when clean; else the gap that sets the severity (see assessment_control.gap_kind).';
COMMENT ON COLUMN kansa.response_gap.gap_kinds IS 'Every gap kind that holds, comma-separated.';
COMMENT ON COLUMN kansa.response_gap.severity IS 'high, medium or low (see assessment_control.severity).';
COMMENT ON COLUMN kansa.response_gap.severity_rank IS '1 high, 2 medium, 3 low; NULL when clean.';
COMMENT ON VIEW kansa.assessment_control IS 'Every control in scope of every current assessment (all controls of its framework, or those of the assessment''s scope), answered or not, with its status and, when it is not clean, its gap kind and severity: the row-level base of gaps, section_coverage and assessment_summary, for dashboards that drill down to controls.';
COMMENT ON COLUMN kansa.assessment_control.assessment_id IS 'The assessment (kansa.assessment.id).';
COMMENT ON COLUMN kansa.assessment_control.organization IS 'The assessing organisation.';
COMMENT ON COLUMN kansa.assessment_control.vendor IS 'The vendor.';
COMMENT ON COLUMN kansa.assessment_control.service IS 'The service assessed.';
COMMENT ON COLUMN kansa.assessment_control.pattern IS 'The service''s ASP・SaaS pattern (1-6), NULL while unknown.';
COMMENT ON COLUMN kansa.assessment_control.framework IS 'The framework answered.';
COMMENT ON COLUMN kansa.assessment_control.control IS 'The control, e.g. fisc8:設1.';
COMMENT ON COLUMN kansa.assessment_control.local_id IS 'The control''s id within its framework, e.g. 設1.';
COMMENT ON COLUMN kansa.assessment_control.section IS 'Local id of the section it is reported under (the framework''s section_depth level, e.g. 設, III.2); NULL for a control outside any section.';
COMMENT ON COLUMN kansa.assessment_control.section_title IS 'Title of that section.';
COMMENT ON COLUMN kansa.assessment_control.section_position IS 'Document position of that section, for ordering.';
COMMENT ON COLUMN kansa.assessment_control.title IS 'Title of the control.';
COMMENT ON COLUMN kansa.assessment_control.level IS 'basic or recommended where the framework says; NULL where it has no levels (then every control counts as basic for severity).';
COMMENT ON COLUMN kansa.assessment_control.position IS 'Document position of the control, for ordering.';
COMMENT ON COLUMN kansa.assessment_control.response_id IS 'The response (kansa.response.id); NULL when the sheet has no answer for the control.';
COMMENT ON COLUMN kansa.assessment_control.status IS 'implemented, partial, planned, not_implemented, not_applicable, unclear or unanswered (also when the sheet has no row for the control).';
COMMENT ON COLUMN kansa.assessment_control.responsibility IS 'provider, inherited, shared or customer; NULL for not_applicable and unanswered.';
COMMENT ON COLUMN kansa.assessment_control.verdict IS 'The verdict in force in the answer type''s text form (e.g. implemented/inherited).';
COMMENT ON COLUMN kansa.assessment_control.verdict_source IS 'sheet, classifier, analyst, carried or vendor_reply (see kansa.response.verdict_source).';
COMMENT ON COLUMN kansa.assessment_control.score IS 'implemented 1, partial 0.5, not_applicable NULL, anything else (unanswered included) 0.';
COMMENT ON COLUMN kansa.assessment_control.boilerplate_only IS 'True when the answer has text but all of it is the sheet''s boilerplate (nothing specific to the control).';
COMMENT ON COLUMN kansa.assessment_control.expired_evidence IS 'How many evidence items the answer cites that the organisation''s evidence_validity says expired before today.';
COMMENT ON COLUMN kansa.assessment_control.below_reference IS 'True when a figure the answer states falls short of a reference value that applies to the service''s pattern (reference_check.satisfied is false).';
COMMENT ON COLUMN kansa.assessment_control.below_must_achieve IS 'True when such a failed reference value is marked * (must be achieved).';
COMMENT ON COLUMN kansa.assessment_control.inherited_unassessed IS 'True when the answer leaves the safeguard to another provider (responsibility inherited) and the organisation has no current assessment of any service listed for it in service_dependency.';
COMMENT ON COLUMN kansa.assessment_control.answer_text IS 'The answer as kansa read it (clean_text); NULL when unanswered.';
COMMENT ON COLUMN kansa.assessment_control.file_name IS 'The answer sheet the assessment came from.';
COMMENT ON COLUMN kansa.assessment_control.received_at IS 'When the sheet was received, if given at import.';
COMMENT ON COLUMN kansa.assessment_control.imported_at IS 'When the sheet was imported.';
COMMENT ON COLUMN kansa.assessment_control.gap_kind IS 'NULL when clean; else the gap that decides the severity (the most severe; ties in this order): unanswered, not_implemented, below_reference, planned, partial, unclear, evidence_expired, inherited.';
COMMENT ON COLUMN kansa.assessment_control.gap_kinds IS 'Every gap kind that holds, comma-separated (e.g. partial, inherited).';
COMMENT ON COLUMN kansa.assessment_control.severity IS 'high: unanswered or not_implemented on a basic control (or one of a framework without levels), or a failed * reference value; medium: those on a recommended control, planned/partial/unclear on a basic one, another failed reference value, expired evidence; low: planned/partial/unclear on a recommended control, inherited with no assessment of the provider on file.';
COMMENT ON COLUMN kansa.assessment_control.severity_rank IS '1 high, 2 medium, 3 low: sort by it for the most severe first; NULL when clean.';
COMMENT ON VIEW kansa.review_queue IS 'The verdicts an analyst should check first, one row per unreviewed answer of a current assessment whose verdict the classifier gave, or whose sheet mark and text disagree: priority = severity_if_wrong × (1 − confidence), or severity_if_wrong for a conflict; highest first. Reviewing an answer (review()) takes it off the queue.';
COMMENT ON COLUMN kansa.review_queue.organization IS 'The assessing organisation.';
COMMENT ON COLUMN kansa.review_queue.vendor IS 'The vendor.';
COMMENT ON COLUMN kansa.review_queue.service IS 'The service assessed.';
COMMENT ON COLUMN kansa.review_queue.framework IS 'The framework answered.';
COMMENT ON COLUMN kansa.review_queue.control IS 'The control, e.g. fisc8:設62.';
COMMENT ON COLUMN kansa.review_queue.title IS 'Title of the control.';
COMMENT ON COLUMN kansa.review_queue.level IS 'basic, recommended, or NULL where the framework has no levels.';
COMMENT ON COLUMN kansa.review_queue.status IS 'The status the classifier gave.';
COMMENT ON COLUMN kansa.review_queue.responsibility IS 'The responsibility the classifier gave, if any.';
COMMENT ON COLUMN kansa.review_queue.confidence IS 'The classifier''s confidence: the share of labelled answers of the same class it read right (see classify_explain).';
COMMENT ON COLUMN kansa.review_queue.conflict IS 'True when the sheet''s mark and its text disagree (response.conflict): such an answer ranks as if its confidence were 0.';
COMMENT ON COLUMN kansa.review_queue.severity_if_wrong IS '3, 2 or 1: for an answer judged implemented or not_applicable, the weight of the gap it would hide (high 3, medium 2, low 1 — the severity of a missing safeguard for the control''s level); 1 for an answer already shown as a gap.';
COMMENT ON COLUMN kansa.review_queue.priority IS 'severity_if_wrong × (1 − confidence): sort by it, highest first.';
COMMENT ON COLUMN kansa.review_queue.rule IS 'The classifier rule that decided.';
COMMENT ON COLUMN kansa.review_queue.deciding_text IS 'The words of the answer that decided the verdict.';
COMMENT ON COLUMN kansa.review_queue.confidence_class IS 'The class of answer whose measured accuracy gave the confidence.';
COMMENT ON COLUMN kansa.review_queue.answer_excerpt IS 'The first 200 characters of the answer (… when cut).';
COMMENT ON COLUMN kansa.review_queue.file_name IS 'The sheet''s file.';
COMMENT ON COLUMN kansa.review_queue.row_number IS 'The row of the sheet that gave the answer.';
COMMENT ON COLUMN kansa.review_queue.cell IS 'The answer cell, e.g. F12.';
COMMENT ON COLUMN kansa.review_queue.assessment_id IS 'The assessment.';
COMMENT ON COLUMN kansa.review_queue.response_id IS 'The response: pass it to review() once checked.';
COMMENT ON VIEW kansa.gaps IS 'One row per current assessment × control in scope that is not clean: what is missing, how badly (severity by the rules of assessment_control.severity), what the vendor said, and how much evidence it cited. Sort by severity_rank for the most severe first.';
COMMENT ON COLUMN kansa.gaps.organization IS 'The assessing organisation.';
COMMENT ON COLUMN kansa.gaps.vendor IS 'The vendor.';
COMMENT ON COLUMN kansa.gaps.service IS 'The service assessed.';
COMMENT ON COLUMN kansa.gaps.pattern IS 'The service''s ASP・SaaS pattern (1-6), NULL while unknown.';
COMMENT ON COLUMN kansa.gaps.framework IS 'The framework answered.';
COMMENT ON COLUMN kansa.gaps.control IS 'The control, e.g. fisc8:設62.';
COMMENT ON COLUMN kansa.gaps.section IS 'Local id of its section (see assessment_control.section).';
COMMENT ON COLUMN kansa.gaps.section_title IS 'Title of that section.';
COMMENT ON COLUMN kansa.gaps.title IS 'Title of the control.';
COMMENT ON COLUMN kansa.gaps.level IS 'basic, recommended, or NULL where the framework has no levels.';
COMMENT ON COLUMN kansa.gaps.status IS 'The answer''s status (unanswered when the sheet has none).';
COMMENT ON COLUMN kansa.gaps.responsibility IS 'The answer''s responsibility (provider, inherited, shared, customer), if any.';
COMMENT ON COLUMN kansa.gaps.gap_kind IS 'unanswered, not_implemented, planned, partial, unclear, inherited (no assessment of the provider on file), below_reference or evidence_expired: the one that sets the severity.';
COMMENT ON COLUMN kansa.gaps.gap_kinds IS 'Every gap kind that holds, comma-separated.';
COMMENT ON COLUMN kansa.gaps.severity IS 'high, medium or low (rules in the comment on assessment_control.severity and in README).';
COMMENT ON COLUMN kansa.gaps.severity_rank IS '1 high, 2 medium, 3 low: sort by it for the most severe first.';
COMMENT ON COLUMN kansa.gaps.answer_excerpt IS 'The first 80 characters of the answer (… when cut); NULL when unanswered.';
COMMENT ON COLUMN kansa.gaps.evidence_count IS 'Evidence items the answer cites (certificates, reports, documents, clauses, URLs).';
COMMENT ON COLUMN kansa.gaps.assessment_id IS 'The assessment (kansa.assessment.id).';
COMMENT ON COLUMN kansa.gaps.response_id IS 'The response (kansa.response.id) for review(); NULL when the sheet has no answer.';
COMMENT ON COLUMN kansa.gaps.position IS 'Document position of the control, for ordering.';

-----------------------------------------------------------------------------
-- The views over the tallies.  Their cost follows the current assessments
-- (and their sections), not the responses ever imported.
-----------------------------------------------------------------------------

CREATE VIEW kansa.section_coverage AS
SELECT t.assessment_id, o.name AS organization, v.name AS vendor, s.name AS service,
	   s.pattern, t.framework, t.section, t.section_title, t.section_position,
	   t.controls AS controls_in_scope, t.answered, t.implemented, t.partial, t.planned,
	   t.not_implemented, t.not_applicable, t.unclear,
	   t.controls - t.answered AS unanswered,
	   t.controls - t.not_applicable AS applicable,
	   t.score_points,
	   t.coverage_pct, t.score_pct,
	   -- with what the calendar has changed since the tally was written
	   CASE WHEN t.expiry_days IS NULL THEN t.gaps_high
				ELSE t.gaps_high + kansa.expired_change(t.expiry_days, t.expiry_high, kansa.today()) END AS gaps_high,
	   CASE WHEN t.expiry_days IS NULL THEN t.gaps_medium
				ELSE t.gaps_medium + kansa.expired_change(t.expiry_days, t.expiry_medium, kansa.today()) END AS gaps_medium,
	   CASE WHEN t.expiry_days IS NULL THEN t.gaps_low
				ELSE t.gaps_low + kansa.expired_change(t.expiry_days, t.expiry_low, kansa.today()) END AS gaps_low,
	   t.boilerplate_only
  -- the tally rows carry what they need of their assessment: the views read
  -- no row of the assessment table, whose size follows every sheet ever
  -- imported
  FROM kansa.section_tally AS t
  JOIN kansa.service AS s ON s.id = t.service_id
  JOIN kansa.vendor AS v ON v.id = s.vendor_id
  JOIN kansa.organization AS o ON o.id = t.organization_id;

CREATE VIEW kansa.assessment_summary AS
SELECT t.assessment_id, o.name AS organization, v.name AS vendor, s.name AS service,
	   s.pattern, t.framework,
	   t.controls AS controls_in_scope, t.answered, t.implemented, t.partial, t.planned,
	   t.not_implemented, t.not_applicable, t.unclear,
	   t.controls - t.answered AS unanswered,
	   t.coverage_pct, t.score_pct,
	   CASE WHEN t.expiry_days IS NULL THEN t.gaps_high
				ELSE t.gaps_high + kansa.expired_change(t.expiry_days, t.expiry_high, kansa.today()) END AS gaps_high,
	   CASE WHEN t.expiry_days IS NULL THEN t.gaps_medium
				ELSE t.gaps_medium + kansa.expired_change(t.expiry_days, t.expiry_medium, kansa.today()) END AS gaps_medium,
	   CASE WHEN t.expiry_days IS NULL THEN t.gaps_low
				ELSE t.gaps_low + kansa.expired_change(t.expiry_days, t.expiry_low, kansa.today()) END AS gaps_low,
	   t.boilerplate_only,
	   t.boilerplate_only_pct, t.evidence_items, t.file_name, t.received_at, t.imported_at,
	   COALESCE(fc.findings_open, 0) AS findings_open, COALESCE(fc.findings_overdue, 0) AS findings_overdue,
	   COALESCE(fc.findings_answered, 0) AS findings_answered,
	   COALESCE(fc.findings_closed, 0) AS findings_closed,
	   COALESCE(fc.findings_risk_accepted, 0) AS findings_risk_accepted
  FROM kansa.assessment_tally AS t
  JOIN kansa.service AS s ON s.id = t.service_id
  JOIN kansa.vendor AS v ON v.id = s.vendor_id
  JOIN kansa.organization AS o ON o.id = t.organization_id
  -- the findings raised on the assessment, by state (read at read time)
  LEFT JOIN kansa.assessment_findings AS fc ON fc.assessment_id = t.assessment_id;

CREATE VIEW kansa.organization_summary AS
SELECT o.name AS organization, t.framework,
	   pg_catalog.count(DISTINCT t.vendor_id)::integer AS vendors,
	   pg_catalog.count(*)::integer AS assessments,
	   pg_catalog.sum(t.controls)::integer AS controls_in_scope,
	   pg_catalog.sum(t.answered)::integer AS answered,
	   pg_catalog.sum(t.implemented)::integer AS implemented,
	   pg_catalog.sum(t.partial)::integer AS partial,
	   pg_catalog.sum(t.planned)::integer AS planned,
	   pg_catalog.sum(t.not_implemented)::integer AS not_implemented,
	   pg_catalog.sum(t.not_applicable)::integer AS not_applicable,
	   pg_catalog.sum(t.unclear)::integer AS unclear,
	   pg_catalog.sum(t.controls - t.answered)::integer AS unanswered,
	   pg_catalog.round(100.0 * pg_catalog.sum(t.answered) / pg_catalog.sum(t.controls), 1) AS coverage_pct,
	   pg_catalog.round(100.0 * pg_catalog.sum(t.score_points)
						/ NULLIF(pg_catalog.sum(t.controls - t.not_applicable), 0), 1) AS score_pct,
	   pg_catalog.sum(t.gaps_high)::integer AS gaps_high,
	   pg_catalog.sum(t.gaps_medium)::integer AS gaps_medium,
	   pg_catalog.sum(t.gaps_low)::integer AS gaps_low,
	   pg_catalog.count(*) FILTER (WHERE t.gaps_high > 0)::integer AS assessments_with_high_gaps,
	   pg_catalog.min(t.sheet_day) AS oldest_sheet,
	   pg_catalog.max(t.imported_at) AS last_imported_at
  FROM (SELECT t.organization_id, t.framework, s.vendor_id, t.controls, t.answered,
			   t.implemented, t.partial, t.planned, t.not_implemented, t.not_applicable,
			   t.unclear, t.score_points,
			   CASE WHEN t.expiry_days IS NULL THEN t.gaps_high
				ELSE t.gaps_high + kansa.expired_change(t.expiry_days, t.expiry_high, kansa.today()) END AS gaps_high,
			   CASE WHEN t.expiry_days IS NULL THEN t.gaps_medium
				ELSE t.gaps_medium + kansa.expired_change(t.expiry_days, t.expiry_medium, kansa.today()) END AS gaps_medium,
			   CASE WHEN t.expiry_days IS NULL THEN t.gaps_low
				ELSE t.gaps_low + kansa.expired_change(t.expiry_days, t.expiry_low, kansa.today()) END AS gaps_low,
			   COALESCE(t.received_at, t.imported_at::date) AS sheet_day, t.imported_at
		  FROM kansa.assessment_tally AS t
		  JOIN kansa.service AS s ON s.id = t.service_id) AS t
  JOIN kansa.organization AS o ON o.id = t.organization_id
 GROUP BY o.id, o.name, t.framework;
COMMENT ON VIEW kansa.organization_summary IS 'One row per organisation × framework, over its current assessments: the top tile of a dashboard. Counts are those of assessment_summary added up; score_pct and coverage_pct are pooled over all the controls (not an average of percentages). Maintained like assessment_summary.';
COMMENT ON COLUMN kansa.organization_summary.organization IS 'The assessing organisation.';
COMMENT ON COLUMN kansa.organization_summary.framework IS 'The framework answered.';
COMMENT ON COLUMN kansa.organization_summary.vendors IS 'Vendors with a current assessment against the framework.';
COMMENT ON COLUMN kansa.organization_summary.assessments IS 'Current assessments (one per service assessed against the framework).';
COMMENT ON COLUMN kansa.organization_summary.controls_in_scope IS 'Controls asked, over all those assessments.';
COMMENT ON COLUMN kansa.organization_summary.answered IS 'Controls with an answer.';
COMMENT ON COLUMN kansa.organization_summary.implemented IS 'Controls answered implemented.';
COMMENT ON COLUMN kansa.organization_summary.partial IS 'Controls answered partial.';
COMMENT ON COLUMN kansa.organization_summary.planned IS 'Controls answered planned.';
COMMENT ON COLUMN kansa.organization_summary.not_implemented IS 'Controls answered not_implemented.';
COMMENT ON COLUMN kansa.organization_summary.not_applicable IS 'Controls answered not_applicable.';
COMMENT ON COLUMN kansa.organization_summary.unclear IS 'Controls whose answer kansa could not read into a status.';
COMMENT ON COLUMN kansa.organization_summary.unanswered IS 'Controls with no answer.';
COMMENT ON COLUMN kansa.organization_summary.coverage_pct IS 'answered / controls_in_scope, in percent, one decimal.';
COMMENT ON COLUMN kansa.organization_summary.score_pct IS 'Sum of scores (implemented 1, partial 0.5) over the controls not answered not_applicable, in percent, one decimal.';
COMMENT ON COLUMN kansa.organization_summary.gaps_high IS 'Gaps of severity high.';
COMMENT ON COLUMN kansa.organization_summary.gaps_medium IS 'Gaps of severity medium.';
COMMENT ON COLUMN kansa.organization_summary.gaps_low IS 'Gaps of severity low.';
COMMENT ON COLUMN kansa.organization_summary.assessments_with_high_gaps IS 'Current assessments with at least one high gap.';
COMMENT ON COLUMN kansa.organization_summary.oldest_sheet IS 'The earliest day a current sheet was received (its import day when not given): how stale the oldest assessment is.';
COMMENT ON COLUMN kansa.organization_summary.last_imported_at IS 'When the latest current sheet was imported.';

COMMENT ON VIEW kansa.section_coverage IS 'Maintained (see section_tally): per current assessment × section (the framework''s section_depth level: fisc8 設/運/技, asp_saas II.1 … III.5, meti_cloud 1 … 15): the figures of assessment_summary, for heatmaps.';
COMMENT ON COLUMN kansa.section_coverage.assessment_id IS 'The assessment (kansa.assessment.id).';
COMMENT ON COLUMN kansa.section_coverage.organization IS 'The assessing organisation.';
COMMENT ON COLUMN kansa.section_coverage.vendor IS 'The vendor.';
COMMENT ON COLUMN kansa.section_coverage.service IS 'The service assessed.';
COMMENT ON COLUMN kansa.section_coverage.pattern IS 'The service''s ASP・SaaS pattern (1-6), NULL while unknown.';
COMMENT ON COLUMN kansa.section_coverage.framework IS 'The framework answered.';
COMMENT ON COLUMN kansa.section_coverage.section IS 'Local id of the section, e.g. 設 or III.2; NULL for controls outside any section.';
COMMENT ON COLUMN kansa.section_coverage.section_title IS 'Title of the section.';
COMMENT ON COLUMN kansa.section_coverage.section_position IS 'Document position of the section, for ordering.';
COMMENT ON COLUMN kansa.section_coverage.controls_in_scope IS 'Controls of the section the organisation asked: all of them, or those of the assessment''s scope (import option scope). A section with none in scope has no row.';
COMMENT ON COLUMN kansa.section_coverage.answered IS 'Controls with an answer (any status but unanswered).';
COMMENT ON COLUMN kansa.section_coverage.implemented IS 'Controls answered implemented.';
COMMENT ON COLUMN kansa.section_coverage.partial IS 'Controls answered partial.';
COMMENT ON COLUMN kansa.section_coverage.planned IS 'Controls answered planned.';
COMMENT ON COLUMN kansa.section_coverage.not_implemented IS 'Controls answered not_implemented.';
COMMENT ON COLUMN kansa.section_coverage.not_applicable IS 'Controls answered not_applicable.';
COMMENT ON COLUMN kansa.section_coverage.unclear IS 'Controls whose answer kansa could not read into a status (unclear).';
COMMENT ON COLUMN kansa.section_coverage.unanswered IS 'Controls with no answer (no row, or an empty one).';
COMMENT ON COLUMN kansa.section_coverage.applicable IS 'Controls in scope less those answered not_applicable: what score_pct divides by.';
COMMENT ON COLUMN kansa.section_coverage.score_points IS 'Sum of the controls'' scores (implemented 1, partial 0.5).';
COMMENT ON COLUMN kansa.section_coverage.coverage_pct IS 'answered / controls_in_scope, in percent, one decimal.';
COMMENT ON COLUMN kansa.section_coverage.score_pct IS 'score_points / applicable, in percent, one decimal; NULL when nothing applies.';
COMMENT ON COLUMN kansa.section_coverage.gaps_high IS 'Gaps of severity high.';
COMMENT ON COLUMN kansa.section_coverage.gaps_medium IS 'Gaps of severity medium.';
COMMENT ON COLUMN kansa.section_coverage.gaps_low IS 'Gaps of severity low.';
COMMENT ON COLUMN kansa.section_coverage.boilerplate_only IS 'Answers made only of the sheet''s boilerplate.';
COMMENT ON VIEW kansa.assessment_summary IS 'Maintained (see assessment_tally), up to date with every import, review and change in the same transaction, evidence expiry judged against kansa.today() at read time. One row per current assessment: counts per status, coverage, score, gaps by severity, boilerplate-only answers and evidence items; and its findings by state (read from kansa.finding at read time).';
COMMENT ON COLUMN kansa.assessment_summary.assessment_id IS 'The assessment (kansa.assessment.id).';
COMMENT ON COLUMN kansa.assessment_summary.organization IS 'The assessing organisation.';
COMMENT ON COLUMN kansa.assessment_summary.vendor IS 'The vendor.';
COMMENT ON COLUMN kansa.assessment_summary.service IS 'The service assessed.';
COMMENT ON COLUMN kansa.assessment_summary.pattern IS 'The service''s ASP・SaaS pattern (1-6), NULL while unknown.';
COMMENT ON COLUMN kansa.assessment_summary.framework IS 'The framework answered.';
COMMENT ON COLUMN kansa.assessment_summary.controls_in_scope IS 'Controls asked: every control of the framework, or those of the assessment''s scope (import option scope).';
COMMENT ON COLUMN kansa.assessment_summary.answered IS 'Controls with an answer (any status but unanswered).';
COMMENT ON COLUMN kansa.assessment_summary.implemented IS 'Controls answered implemented.';
COMMENT ON COLUMN kansa.assessment_summary.partial IS 'Controls answered partial.';
COMMENT ON COLUMN kansa.assessment_summary.planned IS 'Controls answered planned.';
COMMENT ON COLUMN kansa.assessment_summary.not_implemented IS 'Controls answered not_implemented.';
COMMENT ON COLUMN kansa.assessment_summary.not_applicable IS 'Controls answered not_applicable.';
COMMENT ON COLUMN kansa.assessment_summary.unclear IS 'Controls whose answer kansa could not read into a status.';
COMMENT ON COLUMN kansa.assessment_summary.unanswered IS 'Controls with no answer.';
COMMENT ON COLUMN kansa.assessment_summary.coverage_pct IS 'answered / controls_in_scope, in percent, one decimal.';
COMMENT ON COLUMN kansa.assessment_summary.score_pct IS 'Sum of scores (implemented 1, partial 0.5, unanswered and others 0) over the controls not answered not_applicable, in percent, one decimal.';
COMMENT ON COLUMN kansa.assessment_summary.gaps_high IS 'Gaps of severity high.';
COMMENT ON COLUMN kansa.assessment_summary.gaps_medium IS 'Gaps of severity medium.';
COMMENT ON COLUMN kansa.assessment_summary.gaps_low IS 'Gaps of severity low.';
COMMENT ON COLUMN kansa.assessment_summary.boilerplate_only IS 'Answers made only of the sheet''s boilerplate (text repeated across its answers, nothing specific).';
COMMENT ON COLUMN kansa.assessment_summary.boilerplate_only_pct IS 'boilerplate_only / answered, in percent, one decimal.';
COMMENT ON COLUMN kansa.assessment_summary.evidence_items IS 'Distinct evidence items the assessment''s answers cite.';
COMMENT ON COLUMN kansa.assessment_summary.file_name IS 'The answer sheet the assessment came from.';
COMMENT ON COLUMN kansa.assessment_summary.received_at IS 'When the sheet was received, if given at import.';
COMMENT ON COLUMN kansa.assessment_summary.imported_at IS 'When the sheet was imported.';
COMMENT ON COLUMN kansa.assessment_summary.findings_open IS 'Findings raised on the assessment (kansa.finding) waiting for the vendor: open or sent.';
COMMENT ON COLUMN kansa.assessment_summary.findings_overdue IS 'Of those, the ones past their due day, and risk acceptances past their expiry (as of kansa.today()).';
COMMENT ON COLUMN kansa.assessment_summary.findings_answered IS 'Findings with a reply for an analyst to judge (answered).';
COMMENT ON COLUMN kansa.assessment_summary.findings_closed IS 'Findings closed.';
COMMENT ON COLUMN kansa.assessment_summary.findings_risk_accepted IS 'Findings whose risk was accepted (risk_accepted).';

-- The from-scratch views (sql/60_gaps.sql) mean what the maintained ones do.
DO $$
DECLARE
	c record;
BEGIN
	FOR c IN SELECT v.relname, a.attname, pg_catalog.col_description(m.oid, ma.attnum) AS d
			   FROM pg_catalog.pg_class AS v
			   JOIN pg_catalog.pg_attribute AS a
				 ON a.attrelid OPERATOR(pg_catalog.=) v.oid AND a.attnum OPERATOR(pg_catalog.>) 0
			   JOIN pg_catalog.pg_class AS m
				 ON m.relnamespace OPERATOR(pg_catalog.=) v.relnamespace
				AND m.relname OPERATOR(pg_catalog.=) pg_catalog.replace(v.relname, '_recomputed', '')
			   JOIN pg_catalog.pg_attribute AS ma
				 ON ma.attrelid OPERATOR(pg_catalog.=) m.oid AND ma.attname OPERATOR(pg_catalog.=) a.attname
			  WHERE v.relnamespace OPERATOR(pg_catalog.=) 'kansa'::pg_catalog.regnamespace
				AND v.relname OPERATOR(pg_catalog.=) ANY (ARRAY['section_coverage_recomputed',
																 'assessment_summary_recomputed',
																 'response_gap_recomputed'])
	LOOP
		EXECUTE pg_catalog.format('COMMENT ON COLUMN kansa.%I.%I IS %L', c.relname, c.attname, c.d);
	END LOOP;
END
$$;

-----------------------------------------------------------------------------
-- Re-assessment: what changed since the assessment a newer sheet superseded
-----------------------------------------------------------------------------

-- Every control either of the two sheets answers, the two answers side by
-- side.  A control not answered -- not on the sheet, or on it with an empty
-- answer (status unanswered) -- is added when the newer sheet answers it
-- and dropped when the earlier one did and the newer does not.  The change kind compares the gaps the verdicts leave on their own
-- (gap_of(verdict, level): what the vendor's answers say, not the evidence
-- calendar or the reference check); a verdict that is neither more nor
-- less severe nor scores differently (the responsibility alone changed)
-- counts as text_changed.
CREATE VIEW kansa.assessment_change AS
SELECT a.id AS assessment_id, pa.id AS previous_assessment_id, o.name AS organization,
	   v.name AS vendor, s.name AS service, a.framework, t.id::text AS control,
	   kansa.local_id(t.id) AS local_id, t.section, t.title, t.level, t.position,
	   k.change_kind,
	   CASE k.change_kind WHEN 'new_gap' THEN 1 WHEN 'worse' THEN 2 WHEN 'dropped' THEN 3
			WHEN 'added' THEN 4 WHEN 'text_changed' THEN 5 WHEN 'closed_gap' THEN 6
			WHEN 'better' THEN 7 ELSE 8 END AS change_rank,
	   p.id AS previous_response_id, n.id AS response_id,
	   p.clean_text AS previous_text, n.clean_text AS current_text, x.same_answer,
	   p.verdict::text AS previous_verdict, p.verdict_source AS previous_verdict_source,
	   p.reviewed_by AS previous_reviewed_by, p.reviewed_at AS previous_reviewed_at,
	   n.verdict::text AS current_verdict, n.verdict_source AS current_verdict_source,
	   n.reviewed_by AS current_reviewed_by,
	   (SELECT rr.carried_from FROM kansa.response_review AS rr
		 WHERE rr.response_id = n.id AND n.verdict_source = 'carried'
		 ORDER BY rr.id DESC LIMIT 1) AS carried_from_review,
	   pg.kind AS previous_gap_kind, pg.severity AS previous_severity,
	   pg.rank AS previous_severity_rank,
	   ng.kind AS gap_kind, ng.severity, ng.rank AS severity_rank,
	   kansa.sentence_diff(p.clean_text, n.clean_text) AS sentences_added,
	   kansa.sentence_diff(n.clean_text, p.clean_text) AS sentences_removed
  FROM kansa.assessment AS a
  JOIN kansa.assessment AS pa ON pa.superseded_by = a.id
  JOIN kansa.service AS s ON s.id = a.service_id
  JOIN kansa.vendor AS v ON v.id = s.vendor_id
  JOIN kansa.organization AS o ON o.id = a.organization_id
  CROSS JOIN LATERAL (SELECT DISTINCT r.control FROM kansa.response AS r
					   WHERE r.assessment_id = a.id OR r.assessment_id = pa.id) AS c
  JOIN kansa.control AS t ON t.id = c.control
  LEFT JOIN kansa.response AS n ON n.assessment_id = a.id AND n.control = c.control
  LEFT JOIN kansa.response AS p ON p.assessment_id = pa.id AND p.control = c.control
  CROSS JOIN LATERAL kansa.gap_of(p.verdict, t.level) AS pg
  CROSS JOIN LATERAL kansa.gap_of(n.verdict, t.level) AS ng
  CROSS JOIN LATERAL (SELECT n.id IS NOT NULL AND p.id IS NOT NULL
							 AND COALESCE(kansa.answer_key(n.specific_text), '') = COALESCE(kansa.answer_key(p.specific_text), '')
							 AND COALESCE(kansa.answer_key(n.mark), '') = COALESCE(kansa.answer_key(p.mark), '')
							 AND COALESCE(kansa.answer_key(n.ownership), '') = COALESCE(kansa.answer_key(p.ownership), '')
							 AS same_answer) AS x
  CROSS JOIN LATERAL (SELECT CASE WHEN COALESCE(p.status, 'unanswered') = 'unanswered'
									AND COALESCE(n.status, 'unanswered') = 'unanswered' THEN 'unchanged'
								  WHEN COALESCE(p.status, 'unanswered') = 'unanswered' THEN 'added'
								  WHEN COALESCE(n.status, 'unanswered') = 'unanswered' THEN 'dropped'
								  WHEN pg.kind IS NULL AND ng.kind IS NOT NULL THEN 'new_gap'
								  WHEN pg.kind IS NOT NULL AND ng.kind IS NULL THEN 'closed_gap'
								  WHEN COALESCE(ng.rank, 4) < COALESCE(pg.rank, 4)
									OR (COALESCE(ng.rank, 4) = COALESCE(pg.rank, 4)
										AND COALESCE(n.score, 1) < COALESCE(p.score, 1)) THEN 'worse'
								  WHEN COALESCE(ng.rank, 4) > COALESCE(pg.rank, 4)
									OR COALESCE(n.score, 1) > COALESCE(p.score, 1) THEN 'better'
								  WHEN NOT x.same_answer OR n.verdict <> p.verdict THEN 'text_changed'
								  ELSE 'unchanged' END AS change_kind) AS k
 WHERE a.superseded_by IS NULL
 ORDER BY change_rank, ng.rank NULLS LAST, a.id, t.position;
COMMENT ON VIEW kansa.assessment_change IS 'What changed since the last sheet: one row per control that a current assessment or the assessment it superseded answers, the previous and current answers side by side (text, verdict, its source and reviewer), a change kind (new_gap, worse, dropped, added, text_changed, closed_gap, better, unchanged) and the sentences added and removed. Kinds compare the gaps the two verdicts leave (gap_of(verdict, level)). Ordered by change_rank, then severity: the most severe new gaps first. Answers are the same (same_answer) when answer_key() of their text without boilerplate, their mark and their ownership are equal; an analyst''s verdict on the same answer is carried to the new assessment (current_verdict_source carried).';
COMMENT ON COLUMN kansa.assessment_change.assessment_id IS 'The current assessment (kansa.assessment.id).';
COMMENT ON COLUMN kansa.assessment_change.previous_assessment_id IS 'The assessment it superseded.';
COMMENT ON COLUMN kansa.assessment_change.organization IS 'The assessing organisation.';
COMMENT ON COLUMN kansa.assessment_change.vendor IS 'The vendor.';
COMMENT ON COLUMN kansa.assessment_change.service IS 'The service assessed.';
COMMENT ON COLUMN kansa.assessment_change.framework IS 'The framework answered.';
COMMENT ON COLUMN kansa.assessment_change.control IS 'The control, as framework:local id.';
COMMENT ON COLUMN kansa.assessment_change.local_id IS 'The control''s id within its framework.';
COMMENT ON COLUMN kansa.assessment_change.section IS 'The control''s section (local id), if any.';
COMMENT ON COLUMN kansa.assessment_change.title IS 'The control''s title.';
COMMENT ON COLUMN kansa.assessment_change.level IS 'basic or recommended, or NULL for a framework without levels.';
COMMENT ON COLUMN kansa.assessment_change.position IS 'The control''s order in its framework.';
COMMENT ON COLUMN kansa.assessment_change.change_kind IS 'added (not answered before: not on the earlier sheet, or left blank there), dropped (answered before, not now: not on the newer sheet, or left blank there), new_gap (no gap before, a gap now), closed_gap (the reverse), worse or better (a gap either side, of another severity or score; or none either side and another score), text_changed (another answer, or the verdict changed only in its responsibility), unchanged (the same answer and verdict).';
COMMENT ON COLUMN kansa.assessment_change.change_rank IS 'The change kind as a number to sort by: 1 new_gap, 2 worse, 3 dropped, 4 added, 5 text_changed, 6 closed_gap, 7 better, 8 unchanged.';
COMMENT ON COLUMN kansa.assessment_change.previous_response_id IS 'The earlier answer (kansa.response.id); NULL when the earlier sheet did not list the control.';
COMMENT ON COLUMN kansa.assessment_change.response_id IS 'The current answer (kansa.response.id); NULL when the newer sheet does not list the control.';
COMMENT ON COLUMN kansa.assessment_change.previous_text IS 'The earlier answer''s text (clean_text).';
COMMENT ON COLUMN kansa.assessment_change.current_text IS 'The current answer''s text (clean_text).';
COMMENT ON COLUMN kansa.assessment_change.same_answer IS 'Both sheets answer and the answers are the same: equal answer_key() of the text without boilerplate, of the mark and of the ownership (blanks, width and punctuation aside; every word and figure counts).';
COMMENT ON COLUMN kansa.assessment_change.previous_verdict IS 'The earlier answer''s verdict.';
COMMENT ON COLUMN kansa.assessment_change.previous_verdict_source IS 'Where the earlier verdict came from: sheet, classifier, analyst or carried.';
COMMENT ON COLUMN kansa.assessment_change.previous_reviewed_by IS 'Who reviewed the earlier verdict, if an analyst did: beside a changed answer, whose judgement no longer applies.';
COMMENT ON COLUMN kansa.assessment_change.previous_reviewed_at IS 'When the earlier verdict was reviewed.';
COMMENT ON COLUMN kansa.assessment_change.current_verdict IS 'The current answer''s verdict.';
COMMENT ON COLUMN kansa.assessment_change.current_verdict_source IS 'Where the current verdict comes from: sheet, classifier, analyst, or carried (the earlier review, kept because the answer is the same).';
COMMENT ON COLUMN kansa.assessment_change.current_reviewed_by IS 'Who reviewed the current verdict (for a carried one, the analyst of the review carried).';
COMMENT ON COLUMN kansa.assessment_change.carried_from_review IS 'For a carried verdict, the review it was carried from (kansa.response_review.id).';
COMMENT ON COLUMN kansa.assessment_change.previous_gap_kind IS 'The gap the earlier verdict leaves (gap_of(verdict, level)), NULL when none.';
COMMENT ON COLUMN kansa.assessment_change.previous_severity IS 'Its severity: high, medium or low; NULL when none.';
COMMENT ON COLUMN kansa.assessment_change.previous_severity_rank IS 'That severity as a number: 1 high, 2 medium, 3 low; NULL when none.';
COMMENT ON COLUMN kansa.assessment_change.gap_kind IS 'The gap the current verdict leaves (gap_of(verdict, level); a dropped control is unanswered), NULL when none.';
COMMENT ON COLUMN kansa.assessment_change.severity IS 'Its severity: high, medium or low; NULL when none.';
COMMENT ON COLUMN kansa.assessment_change.severity_rank IS 'That severity as a number: 1 high, 2 medium, 3 low; NULL when none.';
COMMENT ON COLUMN kansa.assessment_change.sentences_added IS 'The sentences of the current text that the earlier one does not have (sentence_diff(previous_text, current_text), compared by answer_key()).';
COMMENT ON COLUMN kansa.assessment_change.sentences_removed IS 'The sentences of the earlier text that the current one does not have.';

-- The change summary of one assessment against the one it superseded, as
-- kansa-import prints it.  VOLATILE, though it only reads: kansa-import
-- calls it in the statement that runs import_sheet() (LATERAL, after it),
-- and only a volatile function takes a fresh snapshot for its query, one
-- that sees the rows the import has just written.
CREATE FUNCTION kansa.change_summary(assessment_id bigint,
									 OUT previous_assessment_id bigint, OUT new_gaps integer,
									 OUT closed_gaps integer, OUT reviews_carried integer,
									 OUT changed integer, OUT worse integer, OUT better integer,
									 OUT text_changed integer, OUT added integer,
									 OUT dropped integer, OUT unchanged integer)
	RETURNS SETOF record
	LANGUAGE plpgsql VOLATILE STRICT
	SET search_path = pg_catalog, pg_temp
	-- the view's estimates pass jit_above_cost once kansa.response holds a
	-- million rows, and compiling took 56 ms where the query takes 1 (the
	-- plan reads one assessment's answers by index)
	SET jit = off
	AS $$
BEGIN
	-- A service's first sheet superseded nothing: no row, and no planning
	-- of the view's dozen joins (4 ms, on every import of kansa-import,
	-- which asks after each sheet).  plpgsql also keeps the plan of the
	-- query below for the session.
	PERFORM FROM kansa.assessment AS p WHERE p.superseded_by = change_summary.assessment_id;
	IF NOT FOUND THEN
		RETURN;
	END IF;
	RETURN QUERY
	SELECT c.previous_assessment_id,
		   pg_catalog.count(*) FILTER (WHERE c.change_kind = 'new_gap')::integer,
		   pg_catalog.count(*) FILTER (WHERE c.change_kind = 'closed_gap')::integer,
		   pg_catalog.count(*) FILTER (WHERE c.current_verdict_source = 'carried')::integer,
		   pg_catalog.count(*) FILTER (WHERE c.change_kind <> 'unchanged')::integer,
		   pg_catalog.count(*) FILTER (WHERE c.change_kind = 'worse')::integer,
		   pg_catalog.count(*) FILTER (WHERE c.change_kind = 'better')::integer,
		   pg_catalog.count(*) FILTER (WHERE c.change_kind = 'text_changed')::integer,
		   pg_catalog.count(*) FILTER (WHERE c.change_kind = 'added')::integer,
		   pg_catalog.count(*) FILTER (WHERE c.change_kind = 'dropped')::integer,
		   pg_catalog.count(*) FILTER (WHERE c.change_kind = 'unchanged')::integer
	  FROM kansa.assessment_change AS c
	 WHERE c.assessment_id = change_summary.assessment_id
	 GROUP BY c.previous_assessment_id;
END;
$$;
COMMENT ON FUNCTION kansa.change_summary(bigint) IS 'What a current assessment changed against the one it superseded, counted from assessment_change: new_gaps and closed_gaps (change kinds new_gap and closed_gap), reviews_carried (answers whose verdict was carried from the earlier review), changed (every control whose change kind is not unchanged, those included), and the count of each other kind. No row for an assessment that superseded none (or is not current, or not the caller''s). kansa-import prints it for a superseding sheet. VOLATILE only so that it sees an import made earlier in the same statement; returns at once for an assessment that superseded none.';

-----------------------------------------------------------------------------
-- Re-assessment over time: every sheet of a service, for a trend line
-----------------------------------------------------------------------------

-- Every assessment, current or superseded, computed from its responses:
-- the tallies are kept for current assessments only.  Gaps are those the
-- verdicts leave (gap_of(verdict, level), unanswered controls included),
-- so that every year is judged by the same rule; assessment_summary adds,
-- for the current sheet, the reference check, inherited answers and the
-- evidence calendar.
CREATE VIEW kansa.service_history AS
SELECT o.name AS organization, v.name AS vendor, s.name AS service, a.framework,
	   a.id AS assessment_id,
	   pg_catalog.row_number() OVER (PARTITION BY a.organization_id, a.service_id, a.framework
									 ORDER BY a.imported_at, a.id)::integer AS sheet_number,
	   COALESCE(a.received_at, a.imported_at::date) AS assessed_on, a.received_at, a.imported_at,
	   a.file_name, a.superseded_by IS NULL AS current, a.superseded_by,
	   x.controls AS controls_in_scope, x.answered,
	   pg_catalog.round(100.0 * x.answered / NULLIF(x.controls, 0), 1) AS coverage_pct,
	   pg_catalog.round(100.0 * x.score_points / NULLIF(x.controls - x.not_applicable, 0), 1) AS score_pct,
	   x.gaps_high, x.gaps_medium, x.gaps_low
  FROM kansa.assessment AS a
  JOIN kansa.service AS s ON s.id = a.service_id
  JOIN kansa.vendor AS v ON v.id = s.vendor_id
  JOIN kansa.organization AS o ON o.id = a.organization_id
  CROSS JOIN LATERAL (
		SELECT pg_catalog.count(*)::integer AS controls,
			   pg_catalog.count(*) FILTER (WHERE r.status <> 'unanswered')::integer AS answered,
			   pg_catalog.count(*) FILTER (WHERE r.status = 'not_applicable')::integer AS not_applicable,
			   COALESCE(pg_catalog.sum(r.score), 0) AS score_points,
			   pg_catalog.count(*) FILTER (WHERE g.rank = 1)::integer AS gaps_high,
			   pg_catalog.count(*) FILTER (WHERE g.rank = 2)::integer AS gaps_medium,
			   pg_catalog.count(*) FILTER (WHERE g.rank = 3)::integer AS gaps_low
		  FROM kansa.control AS t
		  LEFT JOIN kansa.response AS r ON r.assessment_id = a.id AND r.control = t.id
		  CROSS JOIN LATERAL kansa.gap_of(r.verdict, t.level) AS g
		 WHERE t.framework = a.framework AND t.kind = 'control' AND NOT t.withdrawn
		   AND kansa.in_scope(a.scope, t.id::text)) AS x;
COMMENT ON VIEW kansa.service_history IS 'Every assessment over time, current or superseded, of each organisation × service × framework: its date, coverage, score and gaps by severity, for a trend line. Computed from the responses on each read. Gaps are those the verdicts leave (gap_of(verdict, level), unanswered controls included), the same rule for every year; for the current sheet assessment_summary also counts the reference check, inherited answers and expired evidence, so its gaps can be more.';
COMMENT ON COLUMN kansa.service_history.organization IS 'The assessing organisation.';
COMMENT ON COLUMN kansa.service_history.vendor IS 'The vendor.';
COMMENT ON COLUMN kansa.service_history.service IS 'The service assessed.';
COMMENT ON COLUMN kansa.service_history.framework IS 'The framework answered.';
COMMENT ON COLUMN kansa.service_history.assessment_id IS 'The assessment (kansa.assessment.id).';
COMMENT ON COLUMN kansa.service_history.sheet_number IS 'Its order among the sheets of the organisation, service and framework, from 1 (by import).';
COMMENT ON COLUMN kansa.service_history.assessed_on IS 'The day for the time axis: when the sheet was received (option received), else when it was imported.';
COMMENT ON COLUMN kansa.service_history.received_at IS 'When the sheet was received from the vendor, if given.';
COMMENT ON COLUMN kansa.service_history.imported_at IS 'When it was imported.';
COMMENT ON COLUMN kansa.service_history.file_name IS 'The source file''s name.';
COMMENT ON COLUMN kansa.service_history.current IS 'True for the current assessment (superseded by none).';
COMMENT ON COLUMN kansa.service_history.superseded_by IS 'The assessment that superseded it; NULL for the current one.';
COMMENT ON COLUMN kansa.service_history.controls_in_scope IS 'Controls asked: every control of the framework, or those of the assessment''s scope.';
COMMENT ON COLUMN kansa.service_history.answered IS 'Controls with an answer (any status but unanswered).';
COMMENT ON COLUMN kansa.service_history.coverage_pct IS 'answered / controls_in_scope, in percent, one decimal.';
COMMENT ON COLUMN kansa.service_history.score_pct IS 'Sum of scores (implemented 1, partial 0.5, others 0) over the controls not answered not_applicable, in percent, one decimal: as assessment_summary.score_pct.';
COMMENT ON COLUMN kansa.service_history.gaps_high IS 'Gaps of severity high the verdicts leave (unanswered controls included).';
COMMENT ON COLUMN kansa.service_history.gaps_medium IS 'Gaps of severity medium the verdicts leave.';
COMMENT ON COLUMN kansa.service_history.gaps_low IS 'Gaps of severity low the verdicts leave.';
