-- sql/68_projection.sql: answers carried across frameworks along the
-- crosswalks (control_path): projection_path (every way an answer of a
-- current assessment reaches a control of another framework),
-- projected_coverage (per service, target framework and control: the
-- verdict carried, needs_review, or no_path) and its function form, and
-- crosswalk_reuse (a vendor's earlier answer to an equivalent control, next
-- to each control its new sheet leaves blank or unclear).  Computed on each
-- read; nothing is written.

-- control_path is computed once per query (a materialized CTE): small, and
-- never recomputed for each row of a join, whatever the planner settings
CREATE VIEW kansa.projection_path AS
WITH p AS MATERIALIZED (SELECT * FROM kansa.control_path)
SELECT o.name AS organization, v.name AS vendor, s.name AS service, a.service_id,
	   p.target_framework AS framework, p.target_control AS control,
	   a.framework AS source_framework, p.source_control,
	   a.id AS source_assessment_id, r.id AS source_response_id,
	   COALESCE(r.verdict, 'unanswered'::kansa.answer)::text AS source_verdict,
	   COALESCE(r.status, 'unanswered') AS source_status, r.verdict_source AS source_verdict_source,
	   p.hops, p.via_control, p.relationship, p.first_relationship,
	   p.second_relationship, kansa.link_carries(p.relationship) AS carries, p.path
  FROM kansa.assessment AS a
  JOIN p ON p.source_framework = a.framework
  JOIN kansa.control AS t ON t.id = p.target_control::kansa.control_id AND t.kind = 'control'
  JOIN kansa.service AS s ON s.id = a.service_id
  JOIN kansa.vendor AS v ON v.id = s.vendor_id
  JOIN kansa.organization AS o ON o.id = a.organization_id
  LEFT JOIN kansa.response AS r
	ON r.assessment_id = a.id AND r.control = p.source_control::kansa.control_id
 WHERE a.superseded_by IS NULL
   AND p.target_framework <> a.framework
   -- only what the organisation asked
   AND kansa.in_scope(a.scope, p.source_control);
COMMENT ON VIEW kansa.projection_path IS 'Every way an answer of a current assessment reaches a control of another framework along one or two crosswalk links (control_path): the service, the target control, the source control and its verdict (unanswered when the sheet has no answer to it), each hop and the relationship of the whole path, and whether it carries the verdict (link_carries()). Source controls outside the assessment''s scope are left out. The detail behind projected_coverage.';
COMMENT ON COLUMN kansa.projection_path.organization IS 'The assessing organisation.';
COMMENT ON COLUMN kansa.projection_path.vendor IS 'The vendor.';
COMMENT ON COLUMN kansa.projection_path.service IS 'The service.';
COMMENT ON COLUMN kansa.projection_path.service_id IS 'The service (kansa.service.id), as projected_coverage(framework, service_id) takes it.';
COMMENT ON COLUMN kansa.projection_path.framework IS 'The target framework.';
COMMENT ON COLUMN kansa.projection_path.control IS 'The target control.';
COMMENT ON COLUMN kansa.projection_path.source_framework IS 'The framework the service''s current assessment answers.';
COMMENT ON COLUMN kansa.projection_path.source_control IS 'The control of that framework the path starts from.';
COMMENT ON COLUMN kansa.projection_path.source_assessment_id IS 'The current assessment whose answer is carried.';
COMMENT ON COLUMN kansa.projection_path.source_response_id IS 'The answer (kansa.response.id); NULL when the sheet does not answer the source control.';
COMMENT ON COLUMN kansa.projection_path.source_verdict IS 'The source answer''s verdict (answer text form), unanswered when there is none.';
COMMENT ON COLUMN kansa.projection_path.source_status IS 'The status of that verdict.';
COMMENT ON COLUMN kansa.projection_path.source_verdict_source IS 'Who gave that verdict: sheet, classifier, analyst or carried; NULL when unanswered.';
COMMENT ON COLUMN kansa.projection_path.hops IS 'Links on the path: 1 or 2.';
COMMENT ON COLUMN kansa.projection_path.via_control IS 'The control between the two links; NULL for one link.';
COMMENT ON COLUMN kansa.projection_path.relationship IS 'The source''s requirements against the target''s along the path (link_compose() of its links).';
COMMENT ON COLUMN kansa.projection_path.first_relationship IS 'The relationship of the first link.';
COMMENT ON COLUMN kansa.projection_path.second_relationship IS 'The relationship of the second link; NULL for one link.';
COMMENT ON COLUMN kansa.projection_path.carries IS 'True when the relationship carries the verdict (equal-to, equivalent-to, superset-of); false when an analyst must judge (subset-of, intersects-with).';
COMMENT ON COLUMN kansa.projection_path.path IS 'The path written out, each hop with its relationship.';

CREATE VIEW kansa.projected_coverage AS
WITH reach AS MATERIALIZED (SELECT DISTINCT p.source_framework, p.target_framework FROM kansa.control_path AS p)
SELECT o.name AS organization, v.name AS vendor, s.name AS service, tg.service_id,
	   tg.framework, t.id::text AS control, kansa.local_id(t.id) AS local_id, t.title, t.level,
	   t.position,
	   CASE WHEN x.carrying > 0 THEN 'projected' WHEN x.paths > 0 THEN 'needs_review'
			ELSE 'no_path' END AS projection,
	   x.verdict::text AS verdict, kansa.status(x.verdict) AS status,
	   kansa.responsibility(x.verdict) AS responsibility,
	   CASE WHEN x.carrying > 0 THEN 'projected' END AS verdict_source,
	   g.kind AS gap_kind, g.severity, g.rank AS severity_rank,
	   COALESCE(x.carried_from, x.review_sources) AS source_controls,
	   x.carried_from, x.carried_verdicts, x.review_sources, x.review_verdicts,
	   COALESCE(x.paths, 0)::integer AS paths, x.min_hops, x.path_list AS path,
	   x.source_frameworks
  FROM (SELECT DISTINCT a.organization_id, a.service_id, p.target_framework AS framework
		  FROM kansa.assessment AS a
		  JOIN reach AS p ON p.source_framework = a.framework
		 WHERE a.superseded_by IS NULL
		   AND p.target_framework <> a.framework) AS tg
  JOIN kansa.control AS t ON t.framework = tg.framework AND t.kind = 'control'
  JOIN kansa.service AS s ON s.id = tg.service_id
  JOIN kansa.vendor AS v ON v.id = s.vendor_id
  JOIN kansa.organization AS o ON o.id = tg.organization_id
  LEFT JOIN (
		SELECT pp.service_id, pp.control, pg_catalog.count(*) AS paths,
			   pg_catalog.count(*) FILTER (WHERE pp.carries) AS carrying,
			   -- the weakest of the answered sources that carry; unanswered
			   -- only when none of them is answered
			   COALESCE(kansa.worst(pp.source_verdict::kansa.answer)
							FILTER (WHERE pp.carries AND pp.source_status <> 'unanswered'),
						kansa.worst(pp.source_verdict::kansa.answer) FILTER (WHERE pp.carries)) AS verdict,
			   pg_catalog.string_agg(DISTINCT pp.source_control, ', ') FILTER (WHERE pp.carries) AS carried_from,
			   pg_catalog.string_agg(DISTINCT pp.source_control || ' ' || pp.source_verdict, ', ')
				   FILTER (WHERE pp.carries) AS carried_verdicts,
			   pg_catalog.string_agg(DISTINCT pp.source_control, ', ') FILTER (WHERE NOT pp.carries) AS review_sources,
			   pg_catalog.string_agg(DISTINCT pp.source_control || ' ' || pp.source_verdict, ', ')
				   FILTER (WHERE NOT pp.carries) AS review_verdicts,
			   pg_catalog.min(pp.hops) AS min_hops,
			   pg_catalog.string_agg(pp.path, '; ' ORDER BY pp.hops, pp.path) AS path_list,
			   pg_catalog.string_agg(DISTINCT pp.source_framework, ', ') AS source_frameworks
		  FROM kansa.projection_path AS pp
		 GROUP BY pp.service_id, pp.control) AS x
	ON x.service_id = tg.service_id AND x.control = t.id::text
  LEFT JOIN LATERAL kansa.gap_of(CASE WHEN x.carrying > 0 THEN x.verdict END, t.level) AS g
	ON x.carrying > 0;
COMMENT ON VIEW kansa.projected_coverage IS 'Answers projected across frameworks: for every service with a current assessment and every framework its answers reach through the crosswalks (one or two links of control_path), every control of that target framework with what the service''s current assessments of other frameworks say about it. projection: projected when a path of equal-to, equivalent-to or superset-of carries a verdict (the weakest of the answered sources that carry: verdict, verdict_source projected, with the paths); needs_review when only subset-of or intersects-with paths reach it (the source verdicts listed in review_verdicts, no verdict); no_path when no path does. The function form projected_coverage(framework, service_id) gives one service and target framework.';
COMMENT ON COLUMN kansa.projected_coverage.organization IS 'The assessing organisation.';
COMMENT ON COLUMN kansa.projected_coverage.vendor IS 'The vendor.';
COMMENT ON COLUMN kansa.projected_coverage.service IS 'The service.';
COMMENT ON COLUMN kansa.projected_coverage.service_id IS 'The service (kansa.service.id).';
COMMENT ON COLUMN kansa.projected_coverage.framework IS 'The target framework the answers are projected onto.';
COMMENT ON COLUMN kansa.projected_coverage.control IS 'A control of the target framework.';
COMMENT ON COLUMN kansa.projected_coverage.local_id IS 'Its local id.';
COMMENT ON COLUMN kansa.projected_coverage.title IS 'Its title.';
COMMENT ON COLUMN kansa.projected_coverage.level IS 'Its level (basic, recommended, or NULL).';
COMMENT ON COLUMN kansa.projected_coverage.position IS 'Its position in the framework''s document order.';
COMMENT ON COLUMN kansa.projected_coverage.projection IS 'projected (a verdict is carried), needs_review (only subset-of or intersects-with paths: an analyst must judge) or no_path (no crosswalk reaches the control).';
COMMENT ON COLUMN kansa.projected_coverage.verdict IS 'The projected verdict (answer text form): the weakest (worst()) of the answered sources whose path carries, unanswered when none of them is answered; NULL unless projected.';
COMMENT ON COLUMN kansa.projected_coverage.status IS 'The status of the projected verdict; NULL unless projected.';
COMMENT ON COLUMN kansa.projected_coverage.responsibility IS 'The responsibility of the projected verdict.';
COMMENT ON COLUMN kansa.projected_coverage.verdict_source IS 'projected when the verdict is carried from another framework''s answers; NULL otherwise.';
COMMENT ON COLUMN kansa.projected_coverage.gap_kind IS 'The gap the projected verdict leaves on the control (gap_of(verdict, level)); NULL when clean or not projected.';
COMMENT ON COLUMN kansa.projected_coverage.severity IS 'Its severity: high, medium, low.';
COMMENT ON COLUMN kansa.projected_coverage.severity_rank IS 'The severity as a number: 1 high, 2 medium, 3 low.';
COMMENT ON COLUMN kansa.projected_coverage.source_controls IS 'The source controls that decide: those whose path carries when projected, else those to review; comma-separated.';
COMMENT ON COLUMN kansa.projected_coverage.carried_from IS 'The source controls whose path carries a verdict, comma-separated.';
COMMENT ON COLUMN kansa.projected_coverage.carried_verdicts IS 'Each of them with its verdict (e.g. meti_cloud:4.3 implemented).';
COMMENT ON COLUMN kansa.projected_coverage.review_sources IS 'The source controls reached only by subset-of or intersects-with paths, comma-separated.';
COMMENT ON COLUMN kansa.projected_coverage.review_verdicts IS 'Each of them with its verdict: what an analyst reviews.';
COMMENT ON COLUMN kansa.projected_coverage.paths IS 'How many paths reach the control (0 for no_path).';
COMMENT ON COLUMN kansa.projected_coverage.min_hops IS 'Links on the shortest path: 1 or 2; NULL for no_path.';
COMMENT ON COLUMN kansa.projected_coverage.path IS 'Every path, each hop with its relationship, shortest first, separated by "; ".';
COMMENT ON COLUMN kansa.projected_coverage.source_frameworks IS 'The frameworks of the service''s assessments the paths start from.';

CREATE FUNCTION kansa.projected_coverage(framework text, service_id bigint)
	RETURNS SETOF kansa.projected_coverage
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		SELECT p.* FROM kansa.projected_coverage AS p
		 WHERE p.framework = projected_coverage.framework
		   AND p.service_id = projected_coverage.service_id
		 ORDER BY p.position;
	END;
COMMENT ON FUNCTION kansa.projected_coverage(text, bigint) IS 'projected_coverage for one target framework and one service (kansa.service.id), in the framework''s document order: what the service''s current assessments of other frameworks say about each of its controls. No rows when the service''s answers reach no control of the framework.';

CREATE VIEW kansa.crosswalk_reuse AS
WITH p AS MATERIALIZED (SELECT * FROM kansa.control_path AS c
						 WHERE c.relationship IN ('equal-to', 'equivalent-to'))
SELECT o.name AS organization, v.name AS vendor, s.name AS service, a.framework,
	   t.id::text AS control, kansa.local_id(t.id) AS local_id, t.title, t.level, t.position,
	   COALESCE(r.status, 'unanswered') AS status, r.clean_text AS answer_text,
	   a.id AS assessment_id, r.id AS response_id,
	   s2.name AS earlier_service, b.framework AS earlier_framework,
	   p.source_control AS earlier_control, t2.title AS earlier_title,
	   rb.clean_text AS earlier_text, rb.verdict::text AS earlier_verdict,
	   rb.status AS earlier_status, rb.verdict_source AS earlier_verdict_source,
	   rb.reviewed_by AS earlier_reviewed_by, rb.reviewed_at AS earlier_reviewed_at,
	   b.received_at AS earlier_received_at, b.imported_at AS earlier_imported_at,
	   b.id AS earlier_assessment_id, rb.id AS earlier_response_id,
	   p.relationship, p.hops, p.path
  FROM kansa.assessment AS a
  JOIN kansa.service AS s ON s.id = a.service_id
  JOIN kansa.vendor AS v ON v.id = s.vendor_id
  JOIN kansa.organization AS o ON o.id = a.organization_id
  JOIN kansa.control AS t ON t.framework = a.framework AND t.kind = 'control'
  LEFT JOIN kansa.response AS r ON r.assessment_id = a.id AND r.control = t.id
  JOIN p ON p.target_control = t.id::text
  -- the same vendor's services, the one assessed included
  JOIN kansa.service AS s2 ON s2.vendor_id = s.vendor_id AND s2.organization_id = a.organization_id
  JOIN kansa.assessment AS b
	ON b.service_id = s2.id AND b.organization_id = a.organization_id AND b.superseded_by IS NULL
   AND b.framework = p.source_framework AND b.id <> a.id
  JOIN kansa.response AS rb
	ON rb.assessment_id = b.id AND rb.control = p.source_control::kansa.control_id
  JOIN kansa.control AS t2 ON t2.id = p.source_control::kansa.control_id
 WHERE a.superseded_by IS NULL
   AND kansa.in_scope(a.scope, t.id::text)
   AND COALESCE(r.status, 'unanswered') IN ('unanswered', 'unclear')
   AND rb.status <> 'unanswered';
COMMENT ON VIEW kansa.crosswalk_reuse IS 'What a vendor said before, shown next to what its new sheet leaves open: for every control in scope of a current assessment that the sheet leaves unanswered or unclear, each answer of the same vendor (any of its services) in the organisation''s current assessment of another framework to a control linked by equal-to or equivalent-to (one link, or two that compose to one of them: control_path), with its verdict, who gave it and when the sheet came. Only shown: nothing is copied into the new assessment; an analyst who agrees records it with review().';
COMMENT ON COLUMN kansa.crosswalk_reuse.organization IS 'The assessing organisation.';
COMMENT ON COLUMN kansa.crosswalk_reuse.vendor IS 'The vendor.';
COMMENT ON COLUMN kansa.crosswalk_reuse.service IS 'The service of the new sheet.';
COMMENT ON COLUMN kansa.crosswalk_reuse.framework IS 'The framework the new sheet answers.';
COMMENT ON COLUMN kansa.crosswalk_reuse.control IS 'The control the new sheet leaves open.';
COMMENT ON COLUMN kansa.crosswalk_reuse.local_id IS 'Its local id.';
COMMENT ON COLUMN kansa.crosswalk_reuse.title IS 'Its title.';
COMMENT ON COLUMN kansa.crosswalk_reuse.level IS 'Its level (basic, recommended, or NULL).';
COMMENT ON COLUMN kansa.crosswalk_reuse.position IS 'Its position in the framework''s document order.';
COMMENT ON COLUMN kansa.crosswalk_reuse.status IS 'What the new sheet says: unanswered (blank or no row) or unclear.';
COMMENT ON COLUMN kansa.crosswalk_reuse.answer_text IS 'The new sheet''s text for it (clean_text); NULL when blank.';
COMMENT ON COLUMN kansa.crosswalk_reuse.assessment_id IS 'The new sheet''s assessment (current).';
COMMENT ON COLUMN kansa.crosswalk_reuse.response_id IS 'Its answer (kansa.response.id), for review(); NULL when the sheet has no row for the control.';
COMMENT ON COLUMN kansa.crosswalk_reuse.earlier_service IS 'The service the other sheet answers for (the same vendor''s).';
COMMENT ON COLUMN kansa.crosswalk_reuse.earlier_framework IS 'The framework the other sheet answers.';
COMMENT ON COLUMN kansa.crosswalk_reuse.earlier_control IS 'The linked control it answers.';
COMMENT ON COLUMN kansa.crosswalk_reuse.earlier_title IS 'That control''s title.';
COMMENT ON COLUMN kansa.crosswalk_reuse.earlier_text IS 'The other sheet''s answer (clean_text).';
COMMENT ON COLUMN kansa.crosswalk_reuse.earlier_verdict IS 'Its verdict (answer text form).';
COMMENT ON COLUMN kansa.crosswalk_reuse.earlier_status IS 'The status of that verdict.';
COMMENT ON COLUMN kansa.crosswalk_reuse.earlier_verdict_source IS 'Who gave it: sheet, classifier, analyst or carried.';
COMMENT ON COLUMN kansa.crosswalk_reuse.earlier_reviewed_by IS 'The analyst who reviewed it, if one did.';
COMMENT ON COLUMN kansa.crosswalk_reuse.earlier_reviewed_at IS 'When.';
COMMENT ON COLUMN kansa.crosswalk_reuse.earlier_received_at IS 'When the other sheet was received from the vendor, if recorded.';
COMMENT ON COLUMN kansa.crosswalk_reuse.earlier_imported_at IS 'When the other sheet was imported.';
COMMENT ON COLUMN kansa.crosswalk_reuse.earlier_assessment_id IS 'The other sheet''s assessment (current).';
COMMENT ON COLUMN kansa.crosswalk_reuse.earlier_response_id IS 'The other sheet''s answer (kansa.response.id).';
COMMENT ON COLUMN kansa.crosswalk_reuse.relationship IS 'equal-to or equivalent-to: how the linked control relates to this one along the path.';
COMMENT ON COLUMN kansa.crosswalk_reuse.hops IS 'Links on the path: 1 or 2.';
COMMENT ON COLUMN kansa.crosswalk_reuse.path IS 'The path written out, each hop with its relationship.';
