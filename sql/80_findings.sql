-- sql/80_findings.sql: findings and the vendor's replies: the questions'
-- text (finding_text), raise_findings(), the state changes (finding_send,
-- finding_answer, finding_close, finding_accept_risk, finding_reopen), the
-- view kansa.findings, the follow-up sheet (followup_sheet(), written in C
-- with libxlsxwriter, src/followup.c) and its seal, the import of the
-- replies a returned sheet holds (import_reply_by(), which import_sheet()
-- hands a follow-up sheet to), and the security of all of it.  The tables
-- are in sql/57_finding.sql.

-----------------------------------------------------------------------------
-- The text of a finding
-----------------------------------------------------------------------------

CREATE FUNCTION kansa.finding_text(template text, facts jsonb) RETURNS text
	LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	v_out text := template;
	v_key text;
	v_value text;
BEGIN
	IF template IS NULL THEN
		RETURN NULL;
	END IF;
	FOR v_key, v_value IN SELECT e.key, e.value FROM pg_catalog.jsonb_each_text(COALESCE(facts, '{}')) AS e
	LOOP
		v_out := pg_catalog.replace(v_out, '{' || v_key || '}', COALESCE(v_value, ''));
	END LOOP;
	-- a placeholder the facts do not fill says so instead of vanishing
	RETURN pg_catalog.regexp_replace(v_out, '\{[a-z_]+\}', '—', 'g');
END;
$$;
COMMENT ON FUNCTION kansa.finding_text(text, jsonb) IS 'A finding template (finding_template.reason or .question) with its placeholders {name} replaced by the facts'' values (a JSON object of text); a placeholder the facts lack becomes —.';

-- The facts of every gap of an assessment: what the templates' placeholders
-- are filled with.  Read as kansa_owner by raise_findings_by().
CREATE FUNCTION kansa.finding_facts(assessment_id bigint,
									OUT control text, OUT response_id bigint, OUT gap_kind text,
									OUT gap_kinds text, OUT severity text, OUT severity_rank integer,
									OUT answer_text text, OUT facts jsonb)
	RETURNS SETOF record
	LANGUAGE sql STABLE
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		SELECT ac.control, ac.response_id, ac.gap_kind, ac.gap_kinds, ac.severity, ac.severity_rank,
			   ac.answer_text,
			   pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
				   'control', ac.local_id,
				   'title', ac.title,
				   'answer', CASE WHEN pg_catalog.length(ac.answer_text) > 120
								  THEN pg_catalog.left(ac.answer_text, 119) || '…'
								  ELSE ac.answer_text END,
				   'reference', (SELECT pg_catalog.string_agg(rc.item_title || ' ' || rc.required_value, '; '
															   ORDER BY rc.reference_control, rc.letter)
								   FROM kansa.reference_check AS rc
								  WHERE rc.assessment_id = ac.assessment_id AND rc.control = ac.control
									AND NOT rc.satisfied),
				   'stated', (SELECT pg_catalog.string_agg(COALESCE(rc.stated_span, rc.stated_measure), '; '
															ORDER BY rc.reference_control, rc.letter)
								FROM kansa.reference_check AS rc
							   WHERE rc.assessment_id = ac.assessment_id AND rc.control = ac.control
								 AND NOT rc.satisfied),
				   'evidence', (SELECT pg_catalog.string_agg(kansa.ref(ev.evidence) || ': ' || pg_catalog.to_char(ev.valid_until, 'YYYY-MM-DD'), ', '
															  ORDER BY re.position)
								  FROM kansa.response_evidence AS re
								  JOIN kansa.evidence_validity AS ev
									ON ev.organization_id = a.organization_id
								   AND ev.evidence OPERATOR(kansa.=) re.evidence
								 WHERE re.response_id = ac.response_id AND ev.valid_until < kansa.today()),
				   'provider', (SELECT pg_catalog.string_agg(pv.name || ' ' || ps.name, ', ' ORDER BY pv.name, ps.name)
								  FROM kansa.service_dependency AS d
								  JOIN kansa.service AS ps ON ps.id = d.provider_service_id
								  JOIN kansa.vendor AS pv ON pv.id = ps.vendor_id
								 WHERE d.service_id = a.service_id)))
		  FROM kansa.assessment_control AS ac
		  JOIN kansa.assessment AS a ON a.id = ac.assessment_id
		 WHERE ac.assessment_id = finding_facts.assessment_id AND ac.gap_kind IS NOT NULL
		 ORDER BY ac.position;
	END;
COMMENT ON FUNCTION kansa.finding_facts(bigint) IS 'Every gap of a current assessment (assessment_control) with the facts a finding''s question is written from: control (local id), title, answer (shortened to 120 characters), reference and stated (the failed reference values of the service''s pattern and the vendor''s figures, from reference_check), evidence (expired certificates or reports with their last valid day), provider (the services relied on, from service_dependency). For raise_findings().';

-----------------------------------------------------------------------------
-- Raising findings
-----------------------------------------------------------------------------

-- The assessment of that id if the caller acts for its organisation; any
-- other "does not exist", as review() says of a response.
CREATE FUNCTION kansa.caller_assessment(caller oid, assessment_id bigint) RETURNS kansa.assessment
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	r kansa.assessment;
BEGIN
	IF assessment_id IS NULL THEN
		RAISE EXCEPTION 'assessment_id must not be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	SELECT * INTO r FROM kansa.assessment AS a
	 WHERE a.id = caller_assessment.assessment_id
	   AND a.organization_id = ANY (kansa.caller_organizations(caller));
	IF NOT FOUND THEN
		RAISE EXCEPTION 'assessment % does not exist', assessment_id USING ERRCODE = 'no_data_found';
	END IF;
	RETURN r;
END;
$$;
COMMENT ON FUNCTION kansa.caller_assessment(oid, bigint) IS 'The assessment of that id when the caller acts for its organisation; otherwise the error "assessment does not exist" (P0002), the same for another tenant''s assessment and a missing one. For kansa''s writer functions.';

CREATE FUNCTION kansa.raise_findings_by(caller oid, assessment_id bigint, min_severity text DEFAULT 'medium',
										due interval DEFAULT '30 days')
	RETURNS integer
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	AS $$
#variable_conflict use_column
DECLARE
	a kansa.assessment := kansa.caller_assessment(caller, raise_findings_by.assessment_id);
	v_rank integer;
	v_due date;
	v_who text := pg_catalog.pg_get_userbyid(caller);
	v_n integer;
BEGIN
	IF min_severity IS NULL OR due IS NULL THEN
		RAISE EXCEPTION 'min_severity and due must not be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	v_rank := CASE min_severity WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 END;
	IF v_rank IS NULL THEN
		RAISE EXCEPTION 'invalid value "%" for min_severity', min_severity
			USING ERRCODE = 'invalid_parameter_value', HINT = 'Use high, medium or low.';
	END IF;
	IF due < '0'::interval THEN
		RAISE EXCEPTION 'due must not be negative' USING ERRCODE = 'invalid_parameter_value',
			HINT = 'due is how long the vendor has to reply, e.g. ''30 days''.';
	END IF;
	IF a.superseded_by IS NOT NULL THEN
		RAISE EXCEPTION 'assessment % is superseded by assessment %', a.id, a.superseded_by
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'Findings are raised on the current sheet of a service.';
	END IF;
	v_due := (kansa.today() + due)::date;

	WITH t AS (
		-- a user's template of a kind and language before the shipped one
		SELECT DISTINCT ON (ft.gap_kind, ft.language) ft.gap_kind, ft.language, ft.reason, ft.question
		  FROM kansa.finding_template AS ft
		 ORDER BY ft.gap_kind, ft.language, ft.builtin
	), g AS (
		SELECT f.*, f.facts || pg_catalog.jsonb_build_object('due', pg_catalog.to_char(v_due, 'YYYY-MM-DD')) AS all_facts
		  FROM kansa.finding_facts(a.id) AS f
		 WHERE f.severity_rank <= v_rank
	), ins AS (
		INSERT INTO kansa.finding AS fi (organization_id, assessment_id, control, response_id, gap_kind,
										 gap_kinds, severity, answer_text, facts, reason_ja, reason_en,
										 question_ja, question_en, due, state, raised_at, raised_by,
										 state_changed_at, state_changed_by)
		SELECT a.organization_id, a.id, g.control::kansa.control_id, g.response_id, g.gap_kind, g.gap_kinds,
			   g.severity, g.answer_text, g.all_facts,
			   kansa.finding_text(tj.reason, g.all_facts), kansa.finding_text(te.reason, g.all_facts),
			   kansa.finding_text(tj.question, g.all_facts), kansa.finding_text(te.question, g.all_facts),
			   v_due, 'open', pg_catalog.now(), v_who, pg_catalog.now(), v_who
		  FROM g
		  JOIN t AS tj ON tj.gap_kind = g.gap_kind AND tj.language = 'ja'
		  JOIN t AS te ON te.gap_kind = g.gap_kind AND te.language = 'en'
		ON CONFLICT (assessment_id, control, kansa.name_key(gap_kind)) DO NOTHING
		RETURNING fi.id, fi.organization_id, fi.gap_kind, fi.severity
	), ev AS (
		INSERT INTO kansa.finding_event (finding_id, organization_id, at, by, from_state, to_state, note)
		SELECT i.id, i.organization_id, pg_catalog.now(), v_who, NULL, 'open',
			   pg_catalog.format('raised: %s gap, severity %s, due %s', i.gap_kind, i.severity,
								 pg_catalog.to_char(v_due, 'YYYY-MM-DD'))
		  FROM ins AS i
	)
	SELECT pg_catalog.count(*)::integer INTO v_n FROM ins;
	RETURN v_n;
END;
$$;
COMMENT ON FUNCTION kansa.raise_findings_by(oid, bigint, text, interval) IS 'The body of raise_findings(): SECURITY DEFINER, owned by kansa_owner, callable by no other role; caller is the role the entry point ran as.';
CREATE FUNCTION kansa.raise_findings(assessment_id bigint, min_severity text DEFAULT 'medium',
									 due interval DEFAULT '30 days')
	RETURNS integer
	AS 'MODULE_PATHNAME', 'kansa_writer' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kansa.raise_findings(bigint, text, interval) IS 'Raises a finding (kansa.finding, state open) for every gap of a current assessment of at least min_severity (high, medium or low; default medium) that no finding covers yet (one per assessment, control and gap kind, whatever its state: calling it again raises nothing twice), with the reason and the question in Japanese and English from finding_template, due today + due (default 30 days); records the caller and the time (finding.raised_by, finding_event). Returns how many it raised. For kansa_analyst.';

-----------------------------------------------------------------------------
-- State changes.  Each is an entry point and a SECURITY DEFINER body, as
-- the other writers; the moves allowed:
--   open -> sent, answered, closed, risk_accepted
--   sent -> answered, closed, risk_accepted
--   answered -> sent (asked again), closed, risk_accepted, open
--   closed, risk_accepted -> open (reopen)
-----------------------------------------------------------------------------

-- Locks the caller's finding and moves it, recording who, when and why.
CREATE FUNCTION kansa.finding_move(caller oid, finding_id bigint, to_state text, allowed_from text[],
								   verb text, note text, risk_reason text DEFAULT NULL,
								   risk_approver text DEFAULT NULL, risk_expires date DEFAULT NULL)
	RETURNS kansa.finding
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	r kansa.finding;
	v_who text := pg_catalog.pg_get_userbyid(caller);
BEGIN
	IF finding_id IS NULL OR to_state IS NULL OR allowed_from IS NULL OR verb IS NULL THEN
		RAISE EXCEPTION 'finding_id, to_state, allowed_from and verb must not be null'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	-- another organisation's finding "does not exist", like a missing one
	SELECT * INTO r FROM kansa.finding AS f
	 WHERE f.id = finding_move.finding_id AND f.organization_id = ANY (kansa.caller_organizations(caller))
	   FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'finding % does not exist', finding_id USING ERRCODE = 'no_data_found';
	END IF;
	IF NOT r.state = ANY (allowed_from) THEN
		RAISE EXCEPTION 'finding % is %: it cannot be %', r.id, r.state, verb
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = pg_catalog.format('Only a finding that is %s can be %s.',
											 pg_catalog.array_to_string(allowed_from, ', '), verb),
				  HINT = CASE r.state
							 WHEN 'closed' THEN 'Reopen it first (kansa.finding_reopen()).'
							 WHEN 'risk_accepted' THEN 'Reopen it first (kansa.finding_reopen()).'
							 WHEN 'open' THEN 'An open finding can be sent, answered, closed or have its risk accepted.'
							 WHEN 'sent' THEN 'A sent finding can be answered, closed or have its risk accepted.'
							 ELSE 'An answered finding can be sent again, closed, reopened or have its risk accepted.' END;
	END IF;
	INSERT INTO kansa.finding_event (finding_id, organization_id, at, by, from_state, to_state, note)
	VALUES (r.id, r.organization_id, pg_catalog.now(), v_who, r.state, to_state, note);
	UPDATE kansa.finding AS f
	   SET state = to_state, state_changed_at = pg_catalog.now(), state_changed_by = v_who,
		   sent_at = CASE WHEN to_state = 'sent' THEN COALESCE(f.sent_at, pg_catalog.now()) ELSE f.sent_at END,
		   risk_reason = CASE WHEN to_state = 'risk_accepted' THEN finding_move.risk_reason
							  WHEN to_state = 'open' THEN NULL ELSE f.risk_reason END,
		   risk_approver = CASE WHEN to_state = 'risk_accepted' THEN finding_move.risk_approver
								WHEN to_state = 'open' THEN NULL ELSE f.risk_approver END,
		   risk_expires = CASE WHEN to_state = 'risk_accepted' THEN finding_move.risk_expires
							   WHEN to_state = 'open' THEN NULL ELSE f.risk_expires END
	 WHERE f.id = r.id
	RETURNING * INTO r;
	RETURN r;
END;
$$;
COMMENT ON FUNCTION kansa.finding_move(oid, bigint, text, text[], text, text, text, text, date) IS 'Moves a finding of the caller''s organisations to a state if its state is one of allowed_from (else the error "finding N is S: it cannot be <verb>", 55000), recording the caller, the time, the states and the note in finding_event. A move to risk_accepted records the acceptance''s reason, approver and expiry; reopening clears them (finding_event keeps them). For the finding_* functions.';

CREATE FUNCTION kansa.finding_send_by(caller oid, finding_id bigint, note text DEFAULT NULL)
	RETURNS kansa.finding
	LANGUAGE sql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	BEGIN ATOMIC
		SELECT kansa.finding_move(caller, finding_id, 'sent', ARRAY['open', 'answered'], 'sent', note);
	END;
COMMENT ON FUNCTION kansa.finding_send_by(oid, bigint, text) IS 'The body of finding_send(): SECURITY DEFINER, owned by kansa_owner, callable by no other role; caller is the role the entry point ran as.';
CREATE FUNCTION kansa.finding_send(finding_id bigint, note text DEFAULT NULL)
	RETURNS kansa.finding
	AS 'MODULE_PATHNAME', 'kansa_writer' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kansa.finding_send(bigint, text) IS 'Marks a finding sent to the vendor (from open, or from answered to ask again), recording the caller, the time and the note. For kansa_analyst.';

CREATE FUNCTION kansa.finding_close_by(caller oid, finding_id bigint, note text DEFAULT NULL)
	RETURNS kansa.finding
	LANGUAGE sql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	BEGIN ATOMIC
		SELECT kansa.finding_move(caller, finding_id, 'closed', ARRAY['open', 'sent', 'answered'], 'closed', note);
	END;
COMMENT ON FUNCTION kansa.finding_close_by(oid, bigint, text) IS 'The body of finding_close(): SECURITY DEFINER, owned by kansa_owner, callable by no other role; caller is the role the entry point ran as.';
CREATE FUNCTION kansa.finding_close(finding_id bigint, note text DEFAULT NULL)
	RETURNS kansa.finding
	AS 'MODULE_PATHNAME', 'kansa_writer' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kansa.finding_close(bigint, text) IS 'Closes a finding (from open, sent or answered): the gap is resolved to the analyst''s satisfaction; records the caller, the time and the note. The response''s verdict is review()''s to change. For kansa_analyst.';

CREATE FUNCTION kansa.finding_reopen_by(caller oid, finding_id bigint, note text DEFAULT NULL)
	RETURNS kansa.finding
	LANGUAGE sql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	BEGIN ATOMIC
		SELECT kansa.finding_move(caller, finding_id, 'open', ARRAY['closed', 'risk_accepted', 'answered'], 'reopened', note);
	END;
COMMENT ON FUNCTION kansa.finding_reopen_by(oid, bigint, text) IS 'The body of finding_reopen(): SECURITY DEFINER, owned by kansa_owner, callable by no other role; caller is the role the entry point ran as.';
CREATE FUNCTION kansa.finding_reopen(finding_id bigint, note text DEFAULT NULL)
	RETURNS kansa.finding
	AS 'MODULE_PATHNAME', 'kansa_writer' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kansa.finding_reopen(bigint, text) IS 'Reopens a finding that was closed, had its risk accepted, or was answered unsatisfactorily (state open again; a risk acceptance is cleared, finding_event keeps it); records the caller, the time and the note. For kansa_analyst.';

CREATE FUNCTION kansa.finding_accept_risk_by(caller oid, finding_id bigint, reason text, approver text,
											 expires date)
	RETURNS kansa.finding
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	AS $$
BEGIN
	IF reason IS NULL OR approver IS NULL OR expires IS NULL THEN
		RAISE EXCEPTION 'reason, approver and expires must not be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF pg_catalog.btrim(reason) = '' OR pg_catalog.btrim(approver) = '' THEN
		RAISE EXCEPTION 'a risk acceptance needs a reason and an approver' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF expires < kansa.today() THEN
		RAISE EXCEPTION 'a risk acceptance cannot expire in the past (%)', pg_catalog.to_char(expires, 'YYYY-MM-DD')
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'expires is the last day the acceptance holds; after it the finding is overdue again.';
	END IF;
	RETURN kansa.finding_move(caller, finding_id, 'risk_accepted', ARRAY['open', 'sent', 'answered'],
							  'risk accepted',
							  pg_catalog.format('risk accepted by %s until %s: %s', pg_catalog.btrim(approver),
												pg_catalog.to_char(expires, 'YYYY-MM-DD'), pg_catalog.btrim(reason)),
							  pg_catalog.btrim(reason), pg_catalog.btrim(approver), expires);
END;
$$;
COMMENT ON FUNCTION kansa.finding_accept_risk_by(oid, bigint, text, text, date) IS 'The body of finding_accept_risk(): SECURITY DEFINER, owned by kansa_owner, callable by no other role; caller is the role the entry point ran as.';
CREATE FUNCTION kansa.finding_accept_risk(finding_id bigint, reason text, approver text, expires date)
	RETURNS kansa.finding
	AS 'MODULE_PATHNAME', 'kansa_writer' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kansa.finding_accept_risk(bigint, text, text, date) IS 'Accepts a finding''s risk (リスク受容; from open, sent or answered): the reason, the person with the authority who approved it, and the last day it holds (not in the past), recorded with the caller and the time. After expires the finding counts as overdue (kansa.findings). For kansa_analyst.';

-- What kansa reads from a reply: the verdict (the classifier on the text,
-- lowered by the status chosen as a sheet's mark lowers it), the evidence
-- items and the figures.
CREATE FUNCTION kansa.reply_reading(reply_status text, reply_text text, reply_evidence text, context jsonb,
									OUT verdict kansa.answer, OUT items text, OUT figures text,
									OUT evidence kansa.evidence[])
	RETURNS record
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	v_text text := NULLIF(pg_catalog.concat_ws(E'\n', NULLIF(pg_catalog.btrim(reply_text), ''),
											   NULLIF(pg_catalog.btrim(reply_evidence), '')), '');
	v_clean text := kansa.clean_text(v_text);
	v_classified kansa.answer := (kansa.classify_explain(reply_text, COALESCE(context, '{}'))).verdict;
BEGIN
	verdict := COALESCE(CASE WHEN NULLIF(pg_catalog.btrim(reply_status), '') IS NOT NULL
							 THEN kansa.sheet_verdict(pg_catalog.btrim(reply_status), NULL, v_classified) END,
						v_classified);
	IF v_clean IS NOT NULL THEN
		evidence := ARRAY(SELECT e FROM kansa.extract_evidence(v_clean) AS e);
		items := pg_catalog.array_to_string(evidence::text[], ', ');
		SELECT pg_catalog.string_agg(m.quantity || '=' || m.measure::text, ', ') INTO figures
		  FROM kansa.extract_measures(v_clean) AS m;
	END IF;
	items := NULLIF(items, '');
END;
$$;
COMMENT ON FUNCTION kansa.reply_reading(text, text, text, jsonb) IS 'What kansa reads from a vendor''s reply to a finding: the verdict (classify_explain() of the reply text; a status chosen from the sheet''s list lowers it as a sheet''s mark does, sheet_verdict()), and the evidence items (extract_evidence()) and figures (extract_measures(), quantity=measure) of the reply and its evidence reference.';

CREATE FUNCTION kansa.finding_answer_by(caller oid, finding_id bigint, reply text, evidence text DEFAULT NULL,
										note text DEFAULT NULL)
	RETURNS kansa.finding
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	AS $$
DECLARE
	r kansa.finding;
	rd record;
BEGIN
	IF reply IS NULL OR pg_catalog.btrim(reply) = '' THEN
		RAISE EXCEPTION 'reply must not be empty' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	r := kansa.finding_move(caller, finding_id, 'answered', ARRAY['open', 'sent'], 'answered',
							COALESCE(note, 'reply recorded by hand'));
	rd := kansa.reply_reading(NULL, reply, evidence, '{}');
	UPDATE kansa.finding AS f
	   SET reply_status = NULL, reply_text = reply, reply_evidence = finding_answer_by.evidence,
		   reply_verdict = rd.verdict, reply_items = rd.items, reply_figures = rd.figures,
		   reply_file = NULL, reply_sha256 = NULL, replied_at = pg_catalog.now(),
		   replied_by = pg_catalog.pg_get_userbyid(caller)
	 WHERE f.id = r.id
	RETURNING * INTO r;
	RETURN r;
END;
$$;
COMMENT ON FUNCTION kansa.finding_answer_by(oid, bigint, text, text, text) IS 'The body of finding_answer(): SECURITY DEFINER, owned by kansa_owner, callable by no other role; caller is the role the entry point ran as.';
CREATE FUNCTION kansa.finding_answer(finding_id bigint, reply text, evidence text DEFAULT NULL,
									 note text DEFAULT NULL)
	RETURNS kansa.finding
	AS 'MODULE_PATHNAME', 'kansa_writer' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kansa.finding_answer(bigint, text, text, text) IS 'Records a vendor''s reply received outside a follow-up sheet (a mail, a meeting) on an open or sent finding, which becomes answered: the text and evidence reference, what kansa reads from them (reply_verdict, reply_items, reply_figures), the caller and the time. The verdict of the response is left to review(). For kansa_analyst.';

-----------------------------------------------------------------------------
-- The view
-----------------------------------------------------------------------------

CREATE VIEW kansa.findings AS
SELECT f.id AS finding_id, o.name AS organization, v.name AS vendor, s.name AS service,
	   a.framework, f.control::text AS control, kansa.local_id(f.control) AS local_id, c.title,
	   f.gap_kind, f.severity,
	   CASE f.severity WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END AS severity_rank,
	   f.state, f.due,
	   x.overdue,
	   CASE WHEN x.overdue THEN kansa.today() - COALESCE(f.risk_expires, f.due) ELSE 0 END AS days_overdue,
	   kansa.today() - f.raised_at::date AS age_days,
	   f.reason_en, f.reason_ja, f.question_en, f.question_ja,
	   CASE WHEN pg_catalog.length(f.answer_text) > 80 THEN pg_catalog.left(f.answer_text, 79) || '…'
			ELSE f.answer_text END AS answer_excerpt,
	   f.reply_status, f.reply_text, f.reply_evidence, f.reply_verdict::text AS reply_verdict,
	   f.replied_at, f.risk_reason, f.risk_approver, f.risk_expires,
	   f.raised_at, f.raised_by, f.state_changed_at, f.state_changed_by,
	   a.superseded_by IS NULL AS assessment_current,
	   f.assessment_id, f.response_id
  FROM kansa.finding AS f
  JOIN kansa.assessment AS a ON a.id = f.assessment_id
  JOIN kansa.service AS s ON s.id = a.service_id
  JOIN kansa.vendor AS v ON v.id = s.vendor_id
  JOIN kansa.organization AS o ON o.id = f.organization_id
  JOIN kansa.control AS c ON c.id OPERATOR(kansa.=) f.control
  CROSS JOIN LATERAL (SELECT (f.state IN ('open', 'sent') AND f.due < kansa.today())
							 OR (f.state = 'risk_accepted' AND f.risk_expires < kansa.today()) AS overdue) AS x
 ORDER BY f.state NOT IN ('open', 'sent'), NOT x.overdue, f.state IN ('closed', 'risk_accepted'),
		  f.due, CASE f.severity WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, f.id;
COMMENT ON VIEW kansa.findings IS 'Every finding of the organisations the user may see, with its vendor, service, control, state, due day, whether it is overdue and its age: open and sent first (overdue first among them), then answered, then closed and risk accepted; within each, by due day and severity.';
COMMENT ON COLUMN kansa.findings.finding_id IS 'The finding (kansa.finding.id), as numbered in the follow-up sheet; for the finding_* functions.';
COMMENT ON COLUMN kansa.findings.organization IS 'The assessing organisation.';
COMMENT ON COLUMN kansa.findings.vendor IS 'The vendor asked.';
COMMENT ON COLUMN kansa.findings.service IS 'The service assessed.';
COMMENT ON COLUMN kansa.findings.framework IS 'The framework answered.';
COMMENT ON COLUMN kansa.findings.control IS 'The control, e.g. fisc8:設1.';
COMMENT ON COLUMN kansa.findings.local_id IS 'Its id within the framework, e.g. 設1.';
COMMENT ON COLUMN kansa.findings.title IS 'Title of the control.';
COMMENT ON COLUMN kansa.findings.gap_kind IS 'The gap''s kind when raised.';
COMMENT ON COLUMN kansa.findings.severity IS 'high, medium or low, when raised.';
COMMENT ON COLUMN kansa.findings.severity_rank IS '1 high, 2 medium, 3 low: to sort by.';
COMMENT ON COLUMN kansa.findings.state IS 'open, sent, answered, closed or risk_accepted.';
COMMENT ON COLUMN kansa.findings.due IS 'The day the vendor is to reply by.';
COMMENT ON COLUMN kansa.findings.overdue IS 'True when open or sent past the due day, or a risk acceptance past its expiry (as of kansa.today()).';
COMMENT ON COLUMN kansa.findings.days_overdue IS 'Days past the due day (or the acceptance''s expiry) when overdue, else 0.';
COMMENT ON COLUMN kansa.findings.age_days IS 'Days since it was raised.';
COMMENT ON COLUMN kansa.findings.reason_en IS 'Why it is a finding, in English.';
COMMENT ON COLUMN kansa.findings.reason_ja IS 'Why it is a finding, in Japanese.';
COMMENT ON COLUMN kansa.findings.question_en IS 'The question asked, in English.';
COMMENT ON COLUMN kansa.findings.question_ja IS 'The question asked, in Japanese.';
COMMENT ON COLUMN kansa.findings.answer_excerpt IS 'The vendor''s answer as received, cut at 80 characters.';
COMMENT ON COLUMN kansa.findings.reply_status IS 'The status the vendor chose in the follow-up sheet, if any.';
COMMENT ON COLUMN kansa.findings.reply_text IS 'The vendor''s reply.';
COMMENT ON COLUMN kansa.findings.reply_evidence IS 'The evidence the reply refers to.';
COMMENT ON COLUMN kansa.findings.reply_verdict IS 'The verdict kansa read from the reply (text form of kansa.answer).';
COMMENT ON COLUMN kansa.findings.replied_at IS 'When the reply was recorded.';
COMMENT ON COLUMN kansa.findings.risk_reason IS 'Why the risk was accepted.';
COMMENT ON COLUMN kansa.findings.risk_approver IS 'Who approved the acceptance.';
COMMENT ON COLUMN kansa.findings.risk_expires IS 'The last day the acceptance holds.';
COMMENT ON COLUMN kansa.findings.raised_at IS 'When it was raised.';
COMMENT ON COLUMN kansa.findings.raised_by IS 'Who raised it.';
COMMENT ON COLUMN kansa.findings.state_changed_at IS 'When the state last changed.';
COMMENT ON COLUMN kansa.findings.state_changed_by IS 'Who last changed it.';
COMMENT ON COLUMN kansa.findings.assessment_current IS 'False when a newer sheet has superseded the assessment the finding was raised on.';
COMMENT ON COLUMN kansa.findings.assessment_id IS 'The assessment (kansa.assessment.id).';
COMMENT ON COLUMN kansa.findings.response_id IS 'The vendor''s answer (kansa.response.id), for review(); NULL when the sheet had none.';

-----------------------------------------------------------------------------
-- The follow-up sheet and its seal
-----------------------------------------------------------------------------

CREATE FUNCTION kansa.hmac_sha256(key bytea, message bytea) RETURNS bytea
	AS 'MODULE_PATHNAME', 'kansa_hmac_sha256' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.hmac_sha256(bytea, bytea) IS 'HMAC-SHA-256 (RFC 2104) of the message under the key, with the server''s own implementation (common/hmac.h): what seals a follow-up sheet.';

-- The seal of a follow-up sheet: HMAC-SHA-256 under the database's secret
-- (made on first use) over the organisation, the assessment and the
-- findings, in hex.
CREATE FUNCTION kansa.followup_mac(organization_id bigint, assessment_id bigint, finding_ids bigint[])
	RETURNS text
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	v_secret bytea;
BEGIN
	IF organization_id IS NULL OR assessment_id IS NULL OR finding_ids IS NULL THEN
		RAISE EXCEPTION 'followup_mac arguments must not be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	SELECT s.secret INTO v_secret FROM kansa.followup_secret AS s;
	IF NOT FOUND THEN
		-- 256 bits from pg_strong_random(), through gen_random_uuid()
		INSERT INTO kansa.followup_secret AS s (secret)
		SELECT pg_catalog.sha256(pg_catalog.convert_to(pg_catalog.string_agg(pg_catalog.gen_random_uuid()::text, ''), 'UTF8'))
		  FROM pg_catalog.generate_series(1, 4)
		ON CONFLICT (id) DO NOTHING;
		SELECT s.secret INTO STRICT v_secret FROM kansa.followup_secret AS s;
	END IF;
	RETURN pg_catalog.encode(kansa.hmac_sha256(v_secret, pg_catalog.convert_to(
		pg_catalog.format('kansa follow-up 1|%s|%s|%s', organization_id, assessment_id,
						  pg_catalog.array_to_string(ARRAY(SELECT DISTINCT i FROM pg_catalog.unnest(finding_ids) AS i
															ORDER BY 1), ',')), 'UTF8')), 'hex');
END;
$$;
COMMENT ON FUNCTION kansa.followup_mac(bigint, bigint, bigint[]) IS 'The seal of a follow-up sheet: HMAC-SHA-256 (hex) under the database''s secret (kansa.followup_secret, made on first use) over the organisation, the assessment and the findings'' ids (sorted, duplicates removed). Runs as kansa_owner only.';

CREATE FUNCTION kansa.followup_seal_by(caller oid, assessment_id bigint, finding_ids bigint[])
	RETURNS text
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	AS $$
DECLARE
	a kansa.assessment := kansa.caller_assessment(caller, assessment_id);
	v_n integer;
BEGIN
	IF finding_ids IS NULL THEN
		RAISE EXCEPTION 'finding_ids must not be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	-- only the assessment's own findings are sealed
	SELECT pg_catalog.count(*)::integer INTO v_n FROM kansa.finding AS f
	 WHERE f.id = ANY (finding_ids) AND f.assessment_id = a.id;
	IF v_n <> (SELECT pg_catalog.count(DISTINCT i) FROM pg_catalog.unnest(finding_ids) AS i) THEN
		RAISE EXCEPTION 'a finding to seal is not one of assessment %', a.id USING ERRCODE = 'no_data_found';
	END IF;
	RETURN kansa.followup_mac(a.organization_id, a.id, finding_ids);
END;
$$;
COMMENT ON FUNCTION kansa.followup_seal_by(oid, bigint, bigint[]) IS 'The seal followup_sheet() writes in a sheet''s hidden part (followup_mac()), for an assessment of the caller''s organisations and findings of it. SECURITY DEFINER, owned by kansa_owner, callable by no other role: followup_sheet() calls it through the function manager, with the role it runs as.';

CREATE FUNCTION kansa.followup_rows(assessment_id bigint, language text,
									OUT finding_id bigint, OUT local_id text, OUT title text,
									OUT severity text, OUT answer_text text, OUT reason text,
									OUT question text, OUT due date, OUT state text)
	RETURNS SETOF record
	LANGUAGE sql STABLE
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		-- (a cell holds 32,767 characters at most)
		SELECT f.id, kansa.local_id(f.control), c.title, f.severity,
			   CASE WHEN pg_catalog.length(f.answer_text) > 32000
					THEN pg_catalog.left(f.answer_text, 31999) || '…' ELSE f.answer_text END,
			   CASE WHEN followup_rows.language = 'en' THEN f.reason_en ELSE f.reason_ja END,
			   CASE WHEN followup_rows.language = 'en' THEN f.question_en ELSE f.question_ja END,
			   f.due, f.state
		  FROM kansa.finding AS f
		  JOIN kansa.control AS c ON c.id OPERATOR(kansa.=) f.control
		 WHERE f.assessment_id = followup_rows.assessment_id AND f.state IN ('open', 'sent')
		 ORDER BY c.position, f.id;
	END;
COMMENT ON FUNCTION kansa.followup_rows(bigint, text) IS 'The findings a follow-up sheet asks about: those of the assessment still waiting for the vendor (open or sent), in control order, with the answer as received (cut at 32,000 characters, what a cell holds), the reason and the question in the language (ja, en). Read as the caller, so that row-level security shows only its organisations'' findings.';

CREATE FUNCTION kansa.followup_cover(assessment_id bigint,
									 OUT organization_id bigint, OUT organization text,
									 OUT vendor text, OUT service text,
									 OUT framework text, OUT framework_title text, OUT file_name text,
									 OUT received_at date, OUT today date)
	RETURNS SETOF record
	LANGUAGE sql STABLE
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		SELECT o.id, o.name, v.name, s.name, a.framework, fw.title, a.file_name, a.received_at, kansa.today()
		  FROM kansa.assessment AS a
		  JOIN kansa.organization AS o ON o.id = a.organization_id
		  JOIN kansa.service AS s ON s.id = a.service_id
		  JOIN kansa.vendor AS v ON v.id = s.vendor_id
		  JOIN kansa.framework AS fw ON fw.code = a.framework
		 WHERE a.id = followup_cover.assessment_id;
	END;
COMMENT ON FUNCTION kansa.followup_cover(bigint) IS 'What a follow-up sheet''s cover says: who asks (organisation) whom (vendor, service) about what (framework, the sheet answered) and the day. Read as the caller (row-level security): no row for an assessment it may not see.';

CREATE FUNCTION kansa.followup_sheet(assessment_id bigint, language text DEFAULT 'ja') RETURNS bytea
	AS 'MODULE_PATHNAME', 'kansa_followup_sheet' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kansa.followup_sheet(bigint, text) IS 'The follow-up questionnaire (追加質問票) of an assessment as an xlsx workbook (written with libxlsxwriter), in Japanese (ja, default) or English (en): a cover sheet (who asks whom about what, by when); one row per finding waiting for the vendor (open or sent): number, control and title, severity, the answer as received, why it is a finding, the question, the due day, and the reply columns (status from a list, reply, evidence reference), the only cells not locked; header frozen and printed on every page, A4 landscape, one page wide; and a hidden sheet (_kansa) naming the organisation, the assessment and the findings, sealed with an HMAC under the database''s secret, by which import_sheet() recognises the returned file. Reads as the caller: only its organisations'' findings. An assessment with no finding waiting is an error. For kansa_analyst.';

-----------------------------------------------------------------------------
-- Replies read back
-----------------------------------------------------------------------------

CREATE FUNCTION kansa.is_followup_sheet(content bytea) RETURNS boolean
	AS 'MODULE_PATHNAME', 'kansa_is_followup_sheet' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.is_followup_sheet(bytea) IS 'True when the content is an xlsx workbook with a sheet named _kansa (hidden or not): a follow-up sheet written by followup_sheet(), as import_sheet() recognises it. Reads the workbook''s sheet list only.';

CREATE FUNCTION kansa.import_reply_by(caller oid, organization text, vendor text, service text, framework text,
									  content bytea, file_name text,
									  OUT batch_id bigint, OUT assessment_id bigint, OUT status text,
									  OUT format text, OUT sheet text, OUT rows_read integer,
									  OUT responses integer, OUT rejected integer,
									  OUT skipped integer, OUT unknown_controls integer,
									  OUT conflicts integer)
	RETURNS record
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	AS $$
#variable_conflict use_column
DECLARE
	v_who text := pg_catalog.pg_get_userbyid(caller);
	v_org bigint := kansa.caller_organization(caller, organization);
	v_sha bytea := pg_catalog.sha256(content);
	v_kv jsonb;
	v_ids bigint[];
	v_file_org bigint;
	v_seal text;
	a kansa.assessment;
	v_fcol integer;
	v_scol integer;
	v_rcol integer;
	v_ecol integer;
	v_context jsonb;
	f kansa.finding;
	rep record;
	rd record;
	v_level text;
	v_resolves boolean;
	v_new text;
	v_note text;
	v_gap text;
	v_old kansa.answer;
	v_fresh integer := 0;
	v_already integer := 0;
BEGIN
	IF organization IS NULL OR content IS NULL OR file_name IS NULL THEN
		RAISE EXCEPTION 'import_sheet arguments must not be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	-- the hidden sheet: key in column A, value in column B; the findings'
	-- ids under the key "finding"
	SELECT pg_catalog.jsonb_object_agg(k.value, COALESCE(v.value, ''))
	  INTO v_kv
	  FROM kansa.read_sheet(content, '{"sheet": "_kansa"}') AS k
	  LEFT JOIN kansa.read_sheet(content, '{"sheet": "_kansa"}') AS v
		ON v.row_number = k.row_number AND v.column_number = 2
	 WHERE k.column_number = 1 AND k.value <> 'finding';
	SELECT pg_catalog.array_agg(CASE WHEN v.value ~ '^[0-9]{1,18}$' THEN v.value::bigint END ORDER BY v.row_number)
	  INTO v_ids
	  FROM kansa.read_sheet(content, '{"sheet": "_kansa"}') AS k
	  JOIN kansa.read_sheet(content, '{"sheet": "_kansa"}') AS v
		ON v.row_number = k.row_number AND v.column_number = 2
	 WHERE k.column_number = 1 AND k.value = 'finding';
	IF v_kv IS NULL OR v_kv->>'kansa follow-up sheet' IS DISTINCT FROM '1'
	   OR COALESCE(v_kv->>'organization', '') !~ '^[0-9]{1,18}$'
	   OR COALESCE(v_kv->>'assessment', '') !~ '^[0-9]{1,18}$'
	   OR COALESCE(v_kv->>'seal', '') = '' OR v_ids IS NULL OR NULL = ANY (v_ids)
	   OR COALESCE(v_kv->>'finding_column', '') !~ '^[0-9]{1,3}$'
	   OR COALESCE(v_kv->>'status_column', '') !~ '^[0-9]{1,3}$'
	   OR COALESCE(v_kv->>'reply_column', '') !~ '^[0-9]{1,3}$'
	   OR COALESCE(v_kv->>'evidence_column', '') !~ '^[0-9]{1,3}$'
	   OR COALESCE(v_kv->>'sheet', '') = '' THEN
		RAISE EXCEPTION 'follow-up sheet "%" has been altered: its hidden sheet _kansa is incomplete', file_name
			USING ERRCODE = 'data_exception',
				  DETAIL = 'A follow-up sheet names its organisation, assessment, findings and layout in the hidden sheet _kansa, with a seal over them.',
				  HINT = 'Import the file as the vendor returned it, or write a new follow-up sheet with kansa.followup_sheet().';
	END IF;
	v_file_org := (v_kv->>'organization')::bigint;
	v_seal := kansa.followup_mac(v_file_org, (v_kv->>'assessment')::bigint, v_ids);
	IF v_seal <> pg_catalog.lower(v_kv->>'seal') THEN
		RAISE EXCEPTION 'follow-up sheet "%" has been altered: its seal does not match', file_name
			USING ERRCODE = 'data_exception',
				  DETAIL = 'The organisation, assessment or findings named in its hidden sheet _kansa are not those this database sealed, or the sheet comes from another database.',
				  HINT = 'Import the file as the vendor returned it, or write a new follow-up sheet with kansa.followup_sheet().';
	END IF;
	-- sealed here: for the caller's organisation?
	IF v_file_org <> v_org THEN
		RAISE EXCEPTION 'follow-up sheet "%" is not for organization "%"', file_name, organization
			USING ERRCODE = 'insufficient_privilege',
				  DETAIL = 'It asks about findings of another organisation; nothing was read from it.';
	END IF;
	SELECT * INTO STRICT a FROM kansa.assessment AS x WHERE x.id = (v_kv->>'assessment')::bigint;
	-- the names given must be the assessment's
	PERFORM FROM kansa.service AS s JOIN kansa.vendor AS v ON v.id = s.vendor_id
	 WHERE s.id = a.service_id AND kansa.name_key(v.name) = kansa.name_key(COALESCE(vendor, ''))
	   AND kansa.name_key(s.name) = kansa.name_key(COALESCE(service, ''))
	   AND a.framework = framework;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'follow-up sheet "%" is about another vendor, service or framework', file_name
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = (SELECT pg_catalog.format('It asks about assessment %s: vendor "%s", service "%s", framework %s.',
													 a.id, v.name, s.name, a.framework)
							  FROM kansa.service AS s JOIN kansa.vendor AS v ON v.id = s.vendor_id
							 WHERE s.id = a.service_id),
				  HINT = 'Name the vendor, service and framework of the assessment the sheet was written for.';
	END IF;

	assessment_id := a.id;
	format := 'xlsx';
	sheet := v_kv->>'sheet';
	v_fcol := (v_kv->>'finding_column')::integer;
	v_scol := (v_kv->>'status_column')::integer;
	v_rcol := (v_kv->>'reply_column')::integer;
	v_ecol := (v_kv->>'evidence_column')::integer;
	rows_read := pg_catalog.cardinality(v_ids);
	responses := 0;
	rejected := 0;
	skipped := 0;
	unknown_controls := 0;
	conflicts := 0;
	v_context := (SELECT pg_catalog.jsonb_build_object('vendor', v.name, 'service', s.name,
													   'framework', a.framework)
					FROM kansa.service AS s JOIN kansa.vendor AS v ON v.id = s.vendor_id
				   WHERE s.id = a.service_id);

	FOR rep IN
		SELECT i.id,
			   pg_catalog.max(c.value) FILTER (WHERE c.column_number = v_scol) AS reply_status,
			   pg_catalog.max(c.value) FILTER (WHERE c.column_number = v_rcol) AS reply_text,
			   pg_catalog.max(c.value) FILTER (WHERE c.column_number = v_ecol) AS reply_evidence
		  FROM pg_catalog.unnest(v_ids) AS i (id)
		  LEFT JOIN kansa.read_sheet(content, pg_catalog.jsonb_build_object('sheet', v_kv->>'sheet')) AS k
			ON k.column_number = v_fcol AND pg_catalog.btrim(k.value) = i.id::text
		  LEFT JOIN kansa.read_sheet(content, pg_catalog.jsonb_build_object('sheet', v_kv->>'sheet')) AS c
			ON c.row_number = k.row_number
		 GROUP BY i.id
		 ORDER BY i.id
	LOOP
		SELECT * INTO STRICT f FROM kansa.finding AS x WHERE x.id = rep.id FOR UPDATE;
		IF COALESCE(pg_catalog.btrim(rep.reply_status), '') = '' AND COALESCE(pg_catalog.btrim(rep.reply_text), '') = ''
		   AND COALESCE(pg_catalog.btrim(rep.reply_evidence), '') = '' THEN
			skipped := skipped + 1;
			CONTINUE;
		END IF;
		IF f.reply_sha256 = v_sha THEN
			v_already := v_already + 1;
			CONTINUE;
		END IF;
		IF f.state NOT IN ('open', 'sent') THEN
			RAISE NOTICE 'finding % is %: its reply in "%" is not read', f.id, f.state, file_name
				USING HINT = 'Reopen the finding (kansa.finding_reopen()) to have the reply read.';
			skipped := skipped + 1;
			CONTINUE;
		END IF;
		v_fresh := v_fresh + 1;
		rd := kansa.reply_reading(rep.reply_status, rep.reply_text, rep.reply_evidence, v_context);
		SELECT c.level INTO v_level FROM kansa.control AS c WHERE c.id OPERATOR(kansa.=) f.control;

		-- does the reply resolve the gap?
		IF f.gap_kind IN ('unanswered', 'not_implemented', 'planned', 'partial', 'unclear') THEN
			v_gap := (kansa.gap_of(rd.verdict, v_level)).kind;
			v_resolves := v_gap IS NULL AND COALESCE(pg_catalog.btrim(rep.reply_text), '') <> '';
			v_note := pg_catalog.format('reply read as %s', rd.verdict);
		ELSIF f.gap_kind = 'below_reference' THEN
			-- every reference value the answer failed is met by a figure of the reply
			SELECT pg_catalog.bool_and(EXISTS (SELECT FROM kansa.extract_measures(kansa.clean_text(pg_catalog.concat_ws(E'\n', rep.reply_text, rep.reply_evidence))) AS m
												WHERE m.quantity = rc.quantity
												  AND kansa.satisfies(m.measure, rc.required_measure::kansa.measure, rc.direction))),
				   pg_catalog.string_agg(rc.item_title || ' ' || rc.required_value, '; ')
			  INTO v_resolves, v_note
			  FROM kansa.reference_check AS rc
			 WHERE rc.assessment_id = f.assessment_id AND rc.control = f.control::text AND NOT rc.satisfied;
			v_resolves := COALESCE(v_resolves, false) AND rd.figures IS NOT NULL;
			v_note := pg_catalog.format('reply states %s against %s', COALESCE(rd.figures, 'no figure'),
										COALESCE(v_note, 'the reference value'));
		ELSE
			-- an expired certificate or an unassessed provider: the analyst
			-- checks the document the reply names
			v_resolves := false;
			v_note := pg_catalog.format('reply cites %s', COALESCE(rd.items, 'no document'));
		END IF;

		v_new := CASE WHEN v_resolves THEN 'closed' ELSE 'answered' END;
		IF v_resolves AND f.gap_kind IN ('unanswered', 'not_implemented', 'planned', 'partial', 'unclear') THEN
			IF f.response_id IS NULL OR a.superseded_by IS NOT NULL THEN
				-- no answer of the current sheet to give the verdict to
				v_new := 'answered';
				v_note := v_note || CASE WHEN f.response_id IS NULL
										 THEN '; the sheet has no row for the control, so no verdict changed'
										 ELSE '; the assessment is superseded, so no verdict changed' END;
			ELSE
				-- the verdict, recorded as review() records it
				SELECT r.verdict INTO STRICT v_old FROM kansa.response AS r WHERE r.id = f.response_id FOR UPDATE;
				INSERT INTO kansa.response_review (response_id, organization_id, reviewed_at, reviewed_by,
												   old_verdict, old_source, new_verdict, note)
				SELECT r.id, r.organization_id, pg_catalog.now(), v_who, r.verdict, r.verdict_source, rd.verdict,
					   pg_catalog.format('vendor reply to finding %s (file %s): %s', f.id, file_name,
										 pg_catalog.left(rep.reply_text, 200))
				  FROM kansa.response AS r WHERE r.id = f.response_id;
				UPDATE kansa.response AS r
				   SET verdict = rd.verdict, verdict_source = 'vendor_reply', confidence = 1,
					   rule = 'vendor_reply', reviewed_at = pg_catalog.now(), reviewed_by = v_who
				 WHERE r.id = f.response_id;
				responses := responses + 1;
				v_note := v_note || pg_catalog.format('; verdict %s -> %s (source vendor_reply)', v_old, rd.verdict);
			END IF;
		END IF;

		INSERT INTO kansa.finding_event (finding_id, organization_id, at, by, from_state, to_state, note)
		VALUES (f.id, f.organization_id, pg_catalog.now(), v_who, f.state, v_new,
				pg_catalog.format('reply imported from %s: %s', file_name, v_note));
		UPDATE kansa.finding AS x
		   SET state = v_new, state_changed_at = pg_catalog.now(), state_changed_by = v_who,
			   reply_status = NULLIF(pg_catalog.btrim(rep.reply_status), ''),
			   reply_text = NULLIF(pg_catalog.btrim(rep.reply_text), ''),
			   reply_evidence = NULLIF(pg_catalog.btrim(rep.reply_evidence), ''),
			   reply_verdict = rd.verdict, reply_items = rd.items, reply_figures = rd.figures,
			   reply_file = file_name, reply_sha256 = v_sha, replied_at = pg_catalog.now(), replied_by = v_who
		 WHERE x.id = f.id;
	END LOOP;

	-- the summaries count the verdicts changed
	IF responses > 0 THEN
		PERFORM kansa.summary_refresh(ARRAY[a.id]);
	END IF;
	status := CASE WHEN v_fresh = 0 AND v_already > 0 THEN 'already_loaded' ELSE 'reply_loaded' END;
	skipped := skipped + v_already;
END;
$$;
COMMENT ON FUNCTION kansa.import_reply_by(oid, text, text, text, text, bytea, text) IS 'What import_sheet() does with a follow-up sheet (is_followup_sheet()): checks the seal of its hidden sheet (a file altered there, or sealed by another database, is refused: 22000) and that it is the caller''s organisation''s (else 42501) and of the vendor, service and framework named (else 22023), with nothing stored on any error; then for each finding listed with a reply, if the finding is open or sent: records the reply (status, text, evidence reference, what reply_reading() reads from them, the file, the caller, the time), and when the reply resolves the gap (an unanswered, not_implemented, planned, partial or unclear gap whose reply reads implemented or not_applicable; a below_reference gap whose reply states figures meeting every failed reference value) closes the finding and, for the former, makes the reply''s verdict the response''s through response_review as review() does (source vendor_reply); otherwise the finding is answered, for an analyst to judge. Nothing else of the assessment changes. Returns status reply_loaded (already_loaded when the same file''s replies are all recorded already), rows_read (findings listed), responses (verdicts changed), skipped (findings without a reply, closed or already recorded); batch_id NULL.';

-----------------------------------------------------------------------------
-- Security: as for the other tenant tables (sql/70_security.sql)
-----------------------------------------------------------------------------

-- Shipped templates stay as shipped (an edit would not survive pg_dump,
-- which carries only users' rows): a user's row of the same kind and
-- language takes precedence instead.
CREATE FUNCTION kansa.finding_template_guard() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	IF OLD.builtin AND NOT EXISTS (SELECT FROM pg_catalog.pg_roles AS r
									WHERE r.rolname OPERATOR(pg_catalog.=) CURRENT_USER AND r.rolsuper) THEN
		RAISE EXCEPTION 'the shipped template for % in % cannot be changed', OLD.gap_kind, OLD.language
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'Insert a row of your own for the same gap_kind and language (builtin false): it takes precedence and survives pg_dump.';
	END IF;
	IF TG_OP OPERATOR(pg_catalog.=) 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END;
$$;
COMMENT ON FUNCTION kansa.finding_template_guard() IS 'Trigger function: refuses a change or deletion of a shipped (builtin) finding template by anyone but a superuser.';
CREATE TRIGGER finding_template_guard BEFORE UPDATE OR DELETE ON kansa.finding_template
	FOR EACH ROW EXECUTE FUNCTION kansa.finding_template_guard();
COMMENT ON TRIGGER finding_template_guard ON kansa.finding_template IS 'Shipped templates stay as shipped (finding_template_guard()).';

DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['finding', 'finding_event']
	LOOP
		EXECUTE pg_catalog.format('ALTER TABLE kansa.%I ENABLE ROW LEVEL SECURITY', t);
		EXECUTE pg_catalog.format('ALTER TABLE kansa.%I FORCE ROW LEVEL SECURITY', t);
		EXECUTE pg_catalog.format(
			'CREATE POLICY tenant ON kansa.%I USING (kansa.tenant_visible(organization_id))', t);
		EXECUTE pg_catalog.format(
			'COMMENT ON POLICY tenant ON kansa.%I IS %L', t,
			'Rows of the organisations the current user may see (tenant_visible(organization_id)), and only those; new and changed rows must belong to one of them.');
	END LOOP;
END
$$;

ALTER INDEX kansa.finding_gap_key ALTER COLUMN 3 SET STATISTICS 0;
-- no statistics on what a tenant's rows hold (see sql/70_security.sql)
DO $$
DECLARE
	c record;
BEGIN
	FOR c IN SELECT k.oid::regclass AS rel, a.attname
			   FROM pg_catalog.pg_class AS k
			   JOIN pg_catalog.pg_attribute AS a
				 ON a.attrelid OPERATOR(pg_catalog.=) k.oid AND a.attnum OPERATOR(pg_catalog.>) 0
			  WHERE k.oid OPERATOR(pg_catalog.=) ANY (ARRAY['kansa.finding'::pg_catalog.regclass,
															'kansa.finding_event'::pg_catalog.regclass])
				AND NOT a.attisdropped
				AND a.attname OPERATOR(pg_catalog.!~) '(^id|_id)$'
	LOOP
		EXECUTE pg_catalog.format('ALTER TABLE %s ALTER COLUMN %I SET STATISTICS 0', c.rel, c.attname);
	END LOOP;
END
$$;

REVOKE ALL ON kansa.finding, kansa.finding_event, kansa.followup_secret FROM PUBLIC;
GRANT SELECT ON kansa.finding, kansa.finding_event TO kansa_analyst, kansa_importer, kansa_view_owner;
GRANT SELECT, INSERT, UPDATE, DELETE ON kansa.finding, kansa.finding_event TO kansa_owner;
GRANT SELECT, INSERT ON kansa.followup_secret TO kansa_owner;
-- the templates are a catalog: readable by everyone, kept by administrators
GRANT SELECT ON kansa.finding_template TO PUBLIC;
GRANT INSERT, UPDATE, DELETE ON kansa.finding_template TO kansa_admin;
-- raise_findings() reads the gaps as kansa_owner
GRANT SELECT ON kansa.assessment_control TO kansa_owner;

ALTER FUNCTION kansa.raise_findings_by(oid, bigint, text, interval) OWNER TO kansa_owner;
ALTER FUNCTION kansa.finding_send_by(oid, bigint, text) OWNER TO kansa_owner;
ALTER FUNCTION kansa.finding_close_by(oid, bigint, text) OWNER TO kansa_owner;
ALTER FUNCTION kansa.finding_reopen_by(oid, bigint, text) OWNER TO kansa_owner;
ALTER FUNCTION kansa.finding_accept_risk_by(oid, bigint, text, text, date) OWNER TO kansa_owner;
ALTER FUNCTION kansa.finding_answer_by(oid, bigint, text, text, text) OWNER TO kansa_owner;
ALTER FUNCTION kansa.followup_seal_by(oid, bigint, bigint[]) OWNER TO kansa_owner;
ALTER FUNCTION kansa.import_reply_by(oid, text, text, text, text, bytea, text) OWNER TO kansa_owner;

REVOKE EXECUTE ON FUNCTION kansa.finding_facts(bigint), kansa.caller_assessment(oid, bigint),
	kansa.raise_findings_by(oid, bigint, text, interval), kansa.raise_findings(bigint, text, interval),
	kansa.finding_move(oid, bigint, text, text[], text, text, text, text, date),
	kansa.finding_send_by(oid, bigint, text), kansa.finding_send(bigint, text),
	kansa.finding_close_by(oid, bigint, text), kansa.finding_close(bigint, text),
	kansa.finding_reopen_by(oid, bigint, text), kansa.finding_reopen(bigint, text),
	kansa.finding_accept_risk_by(oid, bigint, text, text, date),
	kansa.finding_accept_risk(bigint, text, text, date),
	kansa.finding_answer_by(oid, bigint, text, text, text), kansa.finding_answer(bigint, text, text, text),
	kansa.hmac_sha256(bytea, bytea), kansa.followup_mac(bigint, bigint, bigint[]),
	kansa.followup_seal_by(oid, bigint, bigint[]), kansa.followup_sheet(bigint, text),
	kansa.followup_rows(bigint, text), kansa.followup_cover(bigint),
	kansa.import_reply_by(oid, text, text, text, text, bytea, text),
	kansa.finding_template_guard(), kansa.is_followup_sheet(bytea)
	FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kansa.finding_facts(bigint), kansa.caller_assessment(oid, bigint),
	kansa.finding_move(oid, bigint, text, text[], text, text, text, text, date), kansa.hmac_sha256(bytea, bytea),
	kansa.followup_mac(bigint, bigint, bigint[]), kansa.is_followup_sheet(bytea)
	TO kansa_owner;
GRANT EXECUTE ON FUNCTION kansa.raise_findings(bigint, text, interval), kansa.finding_send(bigint, text),
	kansa.finding_close(bigint, text), kansa.finding_reopen(bigint, text),
	kansa.finding_accept_risk(bigint, text, text, date), kansa.finding_answer(bigint, text, text, text),
	kansa.followup_sheet(bigint, text), kansa.followup_rows(bigint, text), kansa.followup_cover(bigint)
	TO kansa_analyst;
-- it reads a workbook's sheet list, as read_sheet() reads its cells
GRANT EXECUTE ON FUNCTION kansa.is_followup_sheet(bytea) TO kansa_importer, kansa_analyst;

ALTER VIEW kansa.findings OWNER TO kansa_view_owner;
GRANT SELECT ON kansa.findings TO kansa_bi, kansa_analyst, kansa_importer;

SELECT pg_catalog.pg_extension_config_dump('kansa.finding', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.finding_event', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.finding_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.finding_event_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.finding_template', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('kansa.followup_secret', '');
