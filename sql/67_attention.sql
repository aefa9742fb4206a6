-- sql/67_attention.sql: what needs attention: how long an assessment stays
-- fresh (the review intervals of organisations and services, and their
-- writers), attention_calendar (every due date, due or not), and
-- attention(within) with its view attention (the duties due now: sheets
-- older than their interval, evidence expired or expiring within the
-- window, services never assessed, dependencies on unassessed providers).

-----------------------------------------------------------------------------
-- Review intervals: an organisation's default (kansa.organization.
-- review_interval, 1 year) and a service's own (kansa.service.
-- review_interval, NULL: the default).  Written through writer functions,
-- as everything of a tenant's is (see sql/55_writers.sql).
-----------------------------------------------------------------------------

CREATE FUNCTION kansa.organization_review_interval_set_by(caller oid, organization text,
														   review_interval interval)
	RETURNS kansa.organization
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	AS $$
#variable_conflict use_column
DECLARE
	v_org bigint := kansa.caller_organization(caller, organization);
	r kansa.organization;
BEGIN
	IF review_interval IS NOT NULL AND review_interval <= '0'::interval THEN
		RAISE EXCEPTION 'review interval must be positive: %', review_interval
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	UPDATE kansa.organization AS o
	   SET review_interval = COALESCE(organization_review_interval_set_by.review_interval, '1 year'::interval)
	 WHERE o.id = v_org
	RETURNING * INTO r;
	RETURN r;
END;
$$;
COMMENT ON FUNCTION kansa.organization_review_interval_set_by(oid, text, interval) IS 'The body of organization_review_interval_set(): SECURITY DEFINER, owned by kansa_owner, callable by no other role; caller is the role the entry point ran as.';
CREATE FUNCTION kansa.organization_review_interval_set(organization text, review_interval interval)
	RETURNS kansa.organization
	AS 'MODULE_PATHNAME', 'kansa_writer' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kansa.organization_review_interval_set(text, interval) IS 'Sets how long an assessment of the organisation''s services stays fresh unless a service sets its own (NULL: back to 1 year); a sheet older than that is due again in attention. The interval must be positive (22023). For kansa_analyst.';

CREATE FUNCTION kansa.service_review_interval_set_by(caller oid, organization text, vendor text, service text,
													  review_interval interval)
	RETURNS kansa.service
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	AS $$
#variable_conflict use_column
DECLARE
	v_service bigint;
	r kansa.service;
BEGIN
	IF review_interval IS NOT NULL AND review_interval <= '0'::interval THEN
		RAISE EXCEPTION 'review interval must be positive: %', review_interval
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	v_service := kansa.organization_service(kansa.caller_organization(caller, organization), vendor, service);
	UPDATE kansa.service AS s SET review_interval = service_review_interval_set_by.review_interval
	 WHERE s.id = v_service
	RETURNING * INTO r;
	RETURN r;
END;
$$;
COMMENT ON FUNCTION kansa.service_review_interval_set_by(oid, text, text, text, interval) IS 'The body of service_review_interval_set(): SECURITY DEFINER, owned by kansa_owner, callable by no other role; caller is the role the entry point ran as.';
CREATE FUNCTION kansa.service_review_interval_set(organization text, vendor text, service text,
												  review_interval interval)
	RETURNS kansa.service
	AS 'MODULE_PATHNAME', 'kansa_writer' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kansa.service_review_interval_set(text, text, text, interval) IS 'Sets how long an assessment of one service stays fresh before it is due again in attention (e.g. 6 months for a critical service), creating the vendor and service if needed; NULL: the organisation''s default (organization.review_interval). The interval must be positive (22023). For kansa_analyst.';

-----------------------------------------------------------------------------
-- The calendar: every duty with its due date, due or not
-----------------------------------------------------------------------------

-- Four kinds of duty, one row each:
--   reassessment         a current assessment: due again its assessed_on
--                        (received, else imported) plus the service's
--                        interval (else the organisation's);
--   evidence_expiry      a certificate or report a current sheet cites and
--                        whose validity the organisation recorded
--                        (evidence_validity): due on valid_until, per
--                        organisation x vendor x evidence item (the vendor
--                        is asked for the renewal once);
--   no_assessment        a service with no assessment at all, due since it
--                        was recorded -- unless a dependency names it as a
--                        provider: then its provider_unassessed rows say so;
--   provider_unassessed  a dependency (service_dependency) whose provider
--                        has no assessment, so the dependent's inherited
--                        answers count as gaps: due since the provider was
--                        recorded.
-- Each branch's kind is written as a CASE on a column of its rows, never a
-- bare constant: a condition on kind is then a filter on each branch's rows
-- rather than a branch the planner prunes, so that the plan (and EXPLAIN
-- ANALYZE's counts) is the same whatever kind is asked for, whether or not
-- another organisation has rows of it.
CREATE VIEW kansa.attention_calendar AS
SELECT o.name AS organization, v.name AS vendor, s.name AS service, a.framework,
	   CASE WHEN a.id IS NOT NULL THEN 'reassessment' END AS kind,
	   pg_catalog.format('the current %s sheet (%s) is of %s: a new one is due once it is older than the review interval',
						 a.framework, a.file_name,
						 pg_catalog.to_char(COALESCE(a.received_at, a.imported_at::date), 'YYYY-MM-DD')) AS reason,
	   (COALESCE(a.received_at, a.imported_at::date)
		+ COALESCE(s.review_interval, o.review_interval))::date AS due_on,
	   COALESCE(a.received_at, a.imported_at::date) AS assessed_on,
	   COALESCE(s.review_interval, o.review_interval)::text AS review_interval,
	   NULL::text AS evidence, NULL::integer AS answers_citing,
	   NULL::text AS provider_vendor, NULL::text AS provider_service,
	   a.id AS assessment_id, s.id AS service_id
  FROM kansa.assessment AS a
  JOIN kansa.service AS s ON s.id = a.service_id
  JOIN kansa.vendor AS v ON v.id = s.vendor_id
  JOIN kansa.organization AS o ON o.id = a.organization_id
 WHERE a.superseded_by IS NULL
UNION ALL
SELECT o.name, v.name,
	   pg_catalog.string_agg(DISTINCT s.name, ', ' ORDER BY s.name),
	   pg_catalog.string_agg(DISTINCT a.framework, ', ' ORDER BY a.framework),
	   CASE WHEN ev.evidence IS NOT NULL THEN 'evidence_expiry' END,
	   pg_catalog.format('%s, cited by %s answer%s of current sheets, is valid until %s',
						 ev.evidence, pg_catalog.count(DISTINCT re.response_id),
						 CASE WHEN pg_catalog.count(DISTINCT re.response_id) = 1 THEN '' ELSE 's' END,
						 pg_catalog.to_char(ev.valid_until, 'YYYY-MM-DD')),
	   ev.valid_until, NULL, NULL, ev.evidence::text,
	   pg_catalog.count(DISTINCT re.response_id)::integer, NULL, NULL, NULL,
	   CASE WHEN pg_catalog.count(DISTINCT s.id) = 1 THEN pg_catalog.min(s.id) END
  FROM kansa.response_evidence AS re
  JOIN kansa.assessment AS a ON a.id = re.assessment_id AND a.superseded_by IS NULL
  JOIN kansa.service AS s ON s.id = a.service_id
  JOIN kansa.vendor AS v ON v.id = s.vendor_id
  JOIN kansa.organization AS o ON o.id = a.organization_id
  JOIN kansa.evidence_validity AS ev
	ON ev.organization_id = a.organization_id AND ev.evidence = re.evidence
 GROUP BY o.id, o.name, v.id, v.name, ev.evidence, ev.valid_until
UNION ALL
SELECT o.name, v.name, s.name, NULL, CASE WHEN s.id IS NOT NULL THEN 'no_assessment' END,
	   'no sheet has been imported for this service', s.created_at::date, NULL,
	   COALESCE(s.review_interval, o.review_interval)::text, NULL, NULL, NULL, NULL, NULL, s.id
  FROM kansa.service AS s
  JOIN kansa.vendor AS v ON v.id = s.vendor_id
  JOIN kansa.organization AS o ON o.id = s.organization_id
 WHERE NOT EXISTS (SELECT FROM kansa.assessment AS a WHERE a.service_id = s.id)
   AND NOT EXISTS (SELECT FROM kansa.service_dependency AS d WHERE d.provider_service_id = s.id)
UNION ALL
SELECT o.name, v.name, s.name, NULL, CASE WHEN d.service_id IS NOT NULL THEN 'provider_unassessed' END,
	   pg_catalog.format('it relies on %s / %s (service_dependency%s), which has no assessment: its inherited answers count as gaps',
						 pv.name, ps.name, ': ' || d.note),
	   ps.created_at::date, NULL, NULL, NULL, NULL, pv.name, ps.name, NULL, s.id
  FROM kansa.service_dependency AS d
  JOIN kansa.service AS s ON s.id = d.service_id
  JOIN kansa.vendor AS v ON v.id = s.vendor_id
  JOIN kansa.organization AS o ON o.id = s.organization_id
  JOIN kansa.service AS ps ON ps.id = d.provider_service_id
  JOIN kansa.vendor AS pv ON pv.id = ps.vendor_id
 WHERE NOT EXISTS (SELECT FROM kansa.assessment AS a WHERE a.service_id = d.provider_service_id);
COMMENT ON VIEW kansa.attention_calendar IS 'Every duty of the assessing organisations with its due date, due or not (a re-assessment next year, a certificate valid until 2028): the current assessment of each service × framework, due again its assessed_on plus the review interval (the service''s, else the organisation''s); each certificate or report a current sheet cites with a recorded validity, due on valid_until (per vendor); each service with no assessment, due since it was recorded (a provider some dependency names is listed under that dependency instead); each service_dependency whose provider has no assessment. attention(within) picks from it what needs doing.';
COMMENT ON COLUMN kansa.attention_calendar.organization IS 'The assessing organisation.';
COMMENT ON COLUMN kansa.attention_calendar.vendor IS 'The vendor.';
COMMENT ON COLUMN kansa.attention_calendar.service IS 'The service (for evidence: the services whose current sheets cite it, comma-separated; for provider_unassessed: the service that relies on the provider).';
COMMENT ON COLUMN kansa.attention_calendar.framework IS 'The framework of the assessment (for evidence: those of the sheets citing it, comma-separated); NULL for no_assessment and provider_unassessed.';
COMMENT ON COLUMN kansa.attention_calendar.kind IS 'reassessment, evidence_expiry, no_assessment or provider_unassessed.';
COMMENT ON COLUMN kansa.attention_calendar.reason IS 'What the duty is, in a sentence.';
COMMENT ON COLUMN kansa.attention_calendar.due_on IS 'By when: assessed_on plus the review interval (reassessment), valid_until (evidence), the day the service (no_assessment) or the provider (provider_unassessed) was recorded.';
COMMENT ON COLUMN kansa.attention_calendar.assessed_on IS 'For reassessment: the day of the current sheet (received, else imported).';
COMMENT ON COLUMN kansa.attention_calendar.review_interval IS 'The review interval that applies to the service (the service''s, else the organisation''s), as text (e.g. 1 year, 6 mons).';
COMMENT ON COLUMN kansa.attention_calendar.evidence IS 'For evidence: the item (kind:ref), as evidence_validity keys it.';
COMMENT ON COLUMN kansa.attention_calendar.answers_citing IS 'For evidence: the answers of current sheets that cite it.';
COMMENT ON COLUMN kansa.attention_calendar.provider_vendor IS 'For provider_unassessed: the vendor of the provider relied on.';
COMMENT ON COLUMN kansa.attention_calendar.provider_service IS 'For provider_unassessed: the provider service relied on, which has no assessment.';
COMMENT ON COLUMN kansa.attention_calendar.assessment_id IS 'For reassessment: the current assessment (kansa.assessment.id).';
COMMENT ON COLUMN kansa.attention_calendar.service_id IS 'The service (kansa.service.id); for evidence only when one service cites it.';

-----------------------------------------------------------------------------
-- What needs attention: the duties due now, or within a window
-----------------------------------------------------------------------------

-- Reads attention_calendar as the caller, so that row-level security shows
-- the caller's organisations only (and kansa_bi may call it: it reads
-- views).  A re-assessment is due once the sheet is older than its
-- interval (due_on before today); evidence once it expires within the
-- window (valid_until up to today + within; expired evidence stays);
-- services and providers with no assessment always.
CREATE FUNCTION kansa.attention(within interval DEFAULT '90 days')
	RETURNS TABLE (organization text, vendor text, service text, framework text, kind text,
				   kind_rank integer, reason text, due_on date, days_left integer, overdue boolean,
				   assessed_on date, review_interval text, evidence text, answers_citing integer,
				   provider_vendor text, provider_service text, assessment_id bigint,
				   service_id bigint)
	LANGUAGE sql STABLE STRICT
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		SELECT c.organization, c.vendor, c.service, c.framework, k.kind,
			   CASE k.kind WHEN 'evidence_expired' THEN 1 WHEN 'reassessment_due' THEN 2
					WHEN 'provider_unassessed' THEN 3 WHEN 'no_assessment' THEN 4
					ELSE 5 END AS kind_rank,
			   c.reason, c.due_on, c.due_on - kansa.today() AS days_left,
			   c.due_on < kansa.today() AS overdue, c.assessed_on, c.review_interval, c.evidence,
			   c.answers_citing, c.provider_vendor, c.provider_service, c.assessment_id,
			   c.service_id
		  FROM kansa.attention_calendar AS c
		 CROSS JOIN LATERAL (SELECT CASE c.kind
									WHEN 'reassessment' THEN 'reassessment_due'
									WHEN 'evidence_expiry' THEN CASE WHEN c.due_on < kansa.today()
															  THEN 'evidence_expired'
															  ELSE 'evidence_expiring' END
									ELSE c.kind END AS kind) AS k
		 WHERE CASE c.kind
				WHEN 'reassessment' THEN c.due_on < kansa.today()
				WHEN 'evidence_expiry' THEN c.due_on <= (kansa.today() + attention.within)::date
				ELSE true END
		 ORDER BY c.due_on, 6, c.organization, c.vendor, c.service, c.framework, c.evidence;
	END;
COMMENT ON FUNCTION kansa.attention(interval) IS 'What needs attention as of kansa.today(), one row per thing to do, with why (reason) and by when (due_on): reassessment_due (a current sheet older than the service''s review interval, else the organisation''s), evidence_expired and evidence_expiring (a certificate or report a current sheet cites, expired, or expiring within the window: valid_until up to today + within), no_assessment (a service never assessed) and provider_unassessed (a service_dependency whose provider has no assessment). Ordered by due_on. The view attention is this with the default window of 90 days.';

CREATE VIEW kansa.attention AS
SELECT a.organization, a.vendor, a.service, a.framework, a.kind, a.kind_rank, a.reason,
	   a.due_on, a.days_left, a.overdue, a.assessed_on, a.review_interval, a.evidence,
	   a.answers_citing, a.provider_vendor, a.provider_service, a.assessment_id, a.service_id
  FROM kansa.attention('90 days'::interval) AS a
 ORDER BY a.due_on, a.kind_rank, a.organization, a.vendor, a.service, a.framework, a.evidence;
COMMENT ON VIEW kansa.attention IS 'What needs attention now (as of kansa.today()), one row per thing to do with why and by when: kansa.attention(''90 days''), see that function. Sheets older than their review interval, evidence expired or expiring within 90 days, services never assessed, dependencies on providers never assessed. Ordered by due_on: the most overdue first.';
COMMENT ON COLUMN kansa.attention.organization IS 'The assessing organisation.';
COMMENT ON COLUMN kansa.attention.vendor IS 'The vendor to ask.';
COMMENT ON COLUMN kansa.attention.service IS 'The service (for evidence: the services whose current sheets cite it, comma-separated; for provider_unassessed: the service relying on the provider).';
COMMENT ON COLUMN kansa.attention.framework IS 'The framework of the sheet due again (for evidence: of the sheets citing it); NULL for services and providers never assessed.';
COMMENT ON COLUMN kansa.attention.kind IS 'reassessment_due, evidence_expired, evidence_expiring, no_assessment or provider_unassessed.';
COMMENT ON COLUMN kansa.attention.kind_rank IS 'The kind as a number to sort by: 1 evidence_expired, 2 reassessment_due, 3 provider_unassessed, 4 no_assessment, 5 evidence_expiring.';
COMMENT ON COLUMN kansa.attention.reason IS 'Why, in a sentence.';
COMMENT ON COLUMN kansa.attention.due_on IS 'By when: the day the sheet became due again (assessed_on + review interval), the evidence''s last valid day, or the day the service or provider was recorded.';
COMMENT ON COLUMN kansa.attention.days_left IS 'due_on minus today (kansa.today()): negative when overdue.';
COMMENT ON COLUMN kansa.attention.overdue IS 'True when due_on is before today.';
COMMENT ON COLUMN kansa.attention.assessed_on IS 'For reassessment_due: the day of the current sheet (received, else imported).';
COMMENT ON COLUMN kansa.attention.review_interval IS 'The review interval that applies to the service, as text (e.g. 1 year).';
COMMENT ON COLUMN kansa.attention.evidence IS 'For evidence: the item (kind:ref).';
COMMENT ON COLUMN kansa.attention.answers_citing IS 'For evidence: the answers of current sheets that cite it.';
COMMENT ON COLUMN kansa.attention.provider_vendor IS 'For provider_unassessed: the provider''s vendor.';
COMMENT ON COLUMN kansa.attention.provider_service IS 'For provider_unassessed: the provider service, which has no assessment.';
COMMENT ON COLUMN kansa.attention.assessment_id IS 'For reassessment_due: the current assessment.';
COMMENT ON COLUMN kansa.attention.service_id IS 'The service (kansa.service.id); for evidence only when one service cites it.';
