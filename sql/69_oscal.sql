-- sql/69_oscal.sql: results out: oscal_catalog(), any framework's catalog
-- as an OSCAL catalog (JSON), and oscal_assessment_results(), an
-- assessment as OSCAL assessment results: one result, an observation per
-- answer, a finding per control.  kansa's own facts (local ids, levels,
-- verdicts, responsibility) go in props of the namespace urn:kansa:oscal
-- (oscal_ns()), so that import_catalog() reads an exported catalog back as
-- it was.

-- An OSCAL token (a letter or _ first, then letters, digits, . - _) made
-- from a local id: other ASCII characters become _, and a leading digit,
-- dot or dash gets a _ in front (5.1.1 -> _5.1.1, A&A-01.1 -> A_A-01.1).
CREATE FUNCTION kansa.oscal_token(local_id text) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	RETURN (SELECT CASE WHEN t.v ~ '^[0-9.-]' OR t.v = '' THEN '_' || t.v ELSE t.v END
			  FROM (SELECT pg_catalog.regexp_replace(local_id, '[\x01-\x2c/\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]', '_', 'g') AS v) AS t);
COMMENT ON FUNCTION kansa.oscal_token(text) IS 'The OSCAL id (a token) oscal_catalog() and oscal_assessment_results() give a control: its local id with ASCII characters other than letters, digits, ., - and _ made _, and a _ in front when it starts with a digit, . or -.';

-- The OSCAL id of every control and section of a framework: its token,
-- with -<position> after it where two would be the same.
CREATE FUNCTION kansa.oscal_ids(framework text, OUT id kansa.control_id, OUT oscal_id text)
	RETURNS SETOF record
	LANGUAGE sql STABLE STRICT
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		SELECT t.id, CASE WHEN t.n = 1 THEN t.token ELSE t.token || '-' || t.position END
		  FROM (SELECT c.id, c.position, kansa.oscal_token(kansa.local_id(c.id)) AS token,
					   pg_catalog.row_number() OVER (PARTITION BY kansa.oscal_token(kansa.local_id(c.id))
													 ORDER BY c.position, c.id) AS n
				  FROM kansa.control AS c
				 WHERE c.framework = oscal_ids.framework) AS t;
	END;
COMMENT ON FUNCTION kansa.oscal_ids(text) IS 'The OSCAL id of every control and section of a framework: oscal_token() of its local id, with -<position> appended to all but the first where two tokens are the same.';

-- A uuid that is the same for the same text (a name-based uuid from its
-- MD5, version 3 bits set), so that an export of unchanged data is the same
-- document.
CREATE FUNCTION kansa.oscal_uuid(name text) RETURNS uuid
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	RETURN (SELECT (pg_catalog.substr(h.m, 1, 12) || '3' || pg_catalog.substr(h.m, 14, 3)
					|| pg_catalog.substr('89ab', (('x' || pg_catalog.substr(h.m, 17, 1))::bit(4)::integer % 4) + 1, 1)
					|| pg_catalog.substr(h.m, 18))::uuid
			  FROM (SELECT pg_catalog.md5('kansa ' || name) AS m) AS h);
COMMENT ON FUNCTION kansa.oscal_uuid(text) IS 'A name-based uuid (version 3: the MD5 of the name) for the OSCAL documents kansa writes, so that the same content gets the same uuid.';

-- The groups and controls under parent (NULL: the top) of a framework, as
-- OSCAL: sections are groups, controls controls; anything under a control
-- is a control (OSCAL nests no group in a control).
CREATE FUNCTION kansa.oscal_children(framework text, parent kansa.control_id, in_control boolean,
									 ids jsonb, OUT controls jsonb, OUT groups jsonb)
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	c record;
	v_node jsonb;
	v_sub record;
	v_props jsonb;
BEGIN
	IF framework IS NULL OR in_control IS NULL OR ids IS NULL THEN
		RAISE EXCEPTION 'only parent may be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	controls := '[]';
	groups := '[]';
	FOR c IN
		SELECT t.id, t.kind, t.level, t.title, t.body, t.label, t.withdrawn, t.position,
			   kansa.local_id(t.id) AS local_id, ids ->> t.id::text AS oscal_id
		  FROM kansa.control AS t
		 WHERE t.framework = oscal_children.framework
		   AND CASE WHEN oscal_children.parent IS NULL THEN t.parent IS NULL
					ELSE t.parent OPERATOR(kansa.=) oscal_children.parent END
		 ORDER BY t.position, t.id
	LOOP
		v_props := pg_catalog.jsonb_build_array(
			pg_catalog.jsonb_build_object('name', 'label', 'value', COALESCE(c.label, c.local_id)),
			pg_catalog.jsonb_build_object('name', 'sort-id', 'value', pg_catalog.lpad(c.position::text, 10, '0')),
			pg_catalog.jsonb_build_object('name', 'local-id', 'ns', kansa.oscal_ns(), 'value', c.local_id));
		IF c.level IS NOT NULL THEN
			v_props := v_props || pg_catalog.jsonb_build_object('name', 'level', 'ns', kansa.oscal_ns(), 'value', c.level);
		END IF;
		IF c.withdrawn THEN
			v_props := v_props || pg_catalog.jsonb_build_object('name', 'status', 'value', 'withdrawn');
		END IF;
		v_node := pg_catalog.jsonb_build_object('id', c.oscal_id, 'title', COALESCE(c.title, ''), 'props', v_props);
		IF c.body IS NOT NULL THEN
			v_node := v_node || pg_catalog.jsonb_build_object('parts', pg_catalog.jsonb_build_array(
				pg_catalog.jsonb_build_object('id', c.oscal_id || '_smt', 'name', 'statement', 'prose', c.body)));
		END IF;
		SELECT * INTO v_sub FROM kansa.oscal_children(framework, c.id, in_control OR c.kind = 'control', ids);
		IF in_control OR c.kind = 'control' THEN
			v_sub.controls := v_sub.controls || v_sub.groups;
			v_sub.groups := '[]';
		END IF;
		IF pg_catalog.jsonb_array_length(v_sub.controls) > 0 THEN
			v_node := v_node || pg_catalog.jsonb_build_object('controls', v_sub.controls);
		END IF;
		IF pg_catalog.jsonb_array_length(v_sub.groups) > 0 THEN
			v_node := v_node || pg_catalog.jsonb_build_object('groups', v_sub.groups);
		END IF;
		IF c.kind = 'section' AND NOT in_control THEN
			groups := groups || pg_catalog.jsonb_build_array(v_node);
		ELSE
			controls := controls || pg_catalog.jsonb_build_array(v_node);
		END IF;
	END LOOP;
END;
$$;
COMMENT ON FUNCTION kansa.oscal_children(text, kansa.control_id, boolean, jsonb) IS 'The OSCAL groups (sections) and controls under a control or section of a framework (parent NULL: the top), with everything under them; in_control: under a control, where sections are written as controls too; ids: the OSCAL id of each control (control_id as text to oscal_id, from oscal_ids()). Used by oscal_catalog().';

CREATE FUNCTION kansa.oscal_catalog(framework text) RETURNS jsonb
	LANGUAGE plpgsql STABLE STRICT
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	f kansa.framework;
	v_top record;
	v_catalog jsonb;
BEGIN
	SELECT * INTO f FROM kansa.framework AS x WHERE x.code = oscal_catalog.framework;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'framework "%" does not exist', framework USING ERRCODE = 'undefined_object';
	END IF;
	SELECT * INTO v_top FROM kansa.oscal_children(framework, NULL, false,
		(SELECT pg_catalog.jsonb_object_agg(i.id::text, i.oscal_id) FROM kansa.oscal_ids(framework) AS i));
	v_catalog := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
		'metadata', pg_catalog.jsonb_build_object(
			'title', f.title,
			'last-modified', pg_catalog.to_char(pg_catalog.now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
			'version', COALESCE(f.edition, 'unversioned'),
			'oscal-version', '1.1.2',
			'props', pg_catalog.jsonb_build_array(
				pg_catalog.jsonb_build_object('name', 'framework', 'ns', kansa.oscal_ns(), 'value', f.code))
				|| CASE WHEN f.edition IS NOT NULL THEN pg_catalog.jsonb_build_array(
					   pg_catalog.jsonb_build_object('name', 'edition', 'ns', kansa.oscal_ns(), 'value', f.edition))
				   ELSE '[]' END,
			'remarks', pg_catalog.concat_ws(E'\n',
				'Written by kansa (oscal_catalog) from its catalog of the framework ' || f.code || '.',
				'Publisher: ' || f.publisher, 'Source: ' || f.source, 'URL: ' || f.url))))
		|| pg_catalog.jsonb_build_object('controls', NULLIF(v_top.controls, '[]'),
										 'groups', NULLIF(v_top.groups, '[]'));
	v_catalog := pg_catalog.jsonb_strip_nulls(v_catalog);
	RETURN pg_catalog.jsonb_build_object('catalog',
		pg_catalog.jsonb_build_object('uuid', kansa.oscal_uuid('catalog ' || f.code || ' '
									  || (v_catalog - 'metadata')::text)) || v_catalog);
END;
$$;
COMMENT ON FUNCTION kansa.oscal_catalog(text) IS 'A framework''s catalog as an OSCAL catalog (JSON, OSCAL 1.1.2): sections as groups, controls as controls (nested as the tree is), the title, the body as a statement part, props label, sort-id (document order), status withdrawn, and in kansa''s namespace (urn:kansa:oscal) local-id and level; import_catalog(code, content, ''oscal-json'') reads it back as it was. The uuid is derived from the content; last-modified is now().';

-- The OSCAL states of a verdict: the finding's status (satisfied or
-- not-satisfied) and implementation status (none for not_implemented,
-- unclear and unanswered, which OSCAL's vocabulary has no word for).
CREATE FUNCTION kansa.oscal_states(verdict kansa.answer, OUT state text, OUT implementation text)
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		SELECT CASE WHEN kansa.status(verdict) IN ('implemented', 'not_applicable')
					THEN 'satisfied' ELSE 'not-satisfied' END,
			   CASE kansa.status(verdict)
					WHEN 'implemented' THEN 'implemented'
					WHEN 'partial' THEN 'partial'
					WHEN 'planned' THEN 'planned'
					WHEN 'not_applicable' THEN 'not-applicable' END;
	END;
COMMENT ON FUNCTION kansa.oscal_states(kansa.answer) IS 'The OSCAL finding status of a verdict (satisfied for implemented and not_applicable, else not-satisfied; a NULL verdict is unanswered) and its implementation-status state: implemented, partial, planned, not-applicable, or NULL for not_implemented, unclear and unanswered.';

CREATE FUNCTION kansa.oscal_assessment_results(assessment_id bigint) RETURNS jsonb
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	a record;
	v_observations jsonb;
	v_findings jsonb;
	v_result jsonb;
	v_ns text := kansa.oscal_ns();
	v_ids jsonb;
BEGIN
	IF assessment_id IS NULL THEN
		RAISE EXCEPTION 'assessment_id must not be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	-- another organisation's assessment "does not exist", like a missing one
	SELECT x.*, o.name AS organization, v.name AS vendor, s.name AS service, f.title AS framework_title
	  INTO a
	  FROM kansa.assessment AS x
	  JOIN kansa.organization AS o ON o.id = x.organization_id
	  JOIN kansa.service AS s ON s.id = x.service_id
	  JOIN kansa.vendor AS v ON v.id = s.vendor_id
	  JOIN kansa.framework AS f ON f.code = x.framework
	 WHERE x.id = oscal_assessment_results.assessment_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'assessment % does not exist', assessment_id USING ERRCODE = 'no_data_found';
	END IF;

	SELECT pg_catalog.jsonb_object_agg(i.id::text, i.oscal_id) INTO v_ids FROM kansa.oscal_ids(a.framework) AS i;

	-- one observation per response: what the vendor wrote, examined
	SELECT COALESCE(pg_catalog.jsonb_agg(pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
			   'uuid', kansa.oscal_uuid(pg_catalog.format('observation %s %s', a.id, r.id)),
			   'title', kansa.local_id(r.control),
			   'description', COALESCE(NULLIF(r.raw_text, ''), '(no answer)'),
			   'props', pg_catalog.jsonb_build_array(
				   pg_catalog.jsonb_build_object('name', 'verdict', 'ns', v_ns, 'value', r.verdict::text),
				   pg_catalog.jsonb_build_object('name', 'verdict-source', 'ns', v_ns, 'value', r.verdict_source))
				   || CASE WHEN r.responsibility IS NOT NULL THEN pg_catalog.jsonb_build_array(
						  pg_catalog.jsonb_build_object('name', 'responsibility', 'ns', v_ns, 'value', r.responsibility))
					  ELSE '[]' END
				   || CASE WHEN r.cell IS NOT NULL THEN pg_catalog.jsonb_build_array(
						  pg_catalog.jsonb_build_object('name', 'cell', 'ns', v_ns, 'value',
														pg_catalog.concat_ws('!', r.sheet, r.cell)))
					  ELSE '[]' END,
			   'methods', pg_catalog.jsonb_build_array('EXAMINE'),
			   'types', pg_catalog.jsonb_build_array('finding'),
			   'subjects', pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
				   'subject-uuid', kansa.oscal_uuid(pg_catalog.format('service %s', a.service_id)),
				   'type', 'component', 'title', a.vendor || ' / ' || a.service)),
			   'relevant-evidence', (SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
										  'href', CASE WHEN kansa.kind(re.evidence) = 'url' THEN kansa.ref(re.evidence) END,
										  'description', re.evidence::text,
										  'props', pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
											  'name', 'evidence-kind', 'ns', v_ns, 'value', kansa.kind(re.evidence)))))
										  ORDER BY re.position)
									   FROM kansa.response_evidence AS re WHERE re.response_id = r.id),
			   'collected', pg_catalog.to_char(a.imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')))
			   ORDER BY t.position, r.control), '[]')
	  INTO v_observations
	  FROM kansa.response AS r
	  JOIN kansa.control AS t ON t.id OPERATOR(kansa.=) r.control
	 WHERE r.assessment_id = a.id;

	-- one finding per control asked (every control of the framework, or
	-- the assessment's scope), answered or not
	SELECT COALESCE(pg_catalog.jsonb_agg(pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
			   'uuid', kansa.oscal_uuid(pg_catalog.format('finding %s %s', a.id, t.id)),
			   'title', kansa.local_id(t.id) || COALESCE(' ' || t.title, ''),
			   'description', CASE WHEN r.id IS NULL THEN 'The sheet does not answer this control.'
								   ELSE pg_catalog.format('The vendor''s answer reads as %s (%s).', r.verdict, r.verdict_source) END,
			   'props', pg_catalog.jsonb_build_array(
				   pg_catalog.jsonb_build_object('name', 'verdict', 'ns', v_ns, 'value', COALESCE(r.verdict::text, 'unanswered')))
				   || CASE WHEN r.responsibility IS NOT NULL THEN pg_catalog.jsonb_build_array(
						  pg_catalog.jsonb_build_object('name', 'responsibility', 'ns', v_ns, 'value', r.responsibility))
					  ELSE '[]' END,
			   'target', pg_catalog.jsonb_build_object(
				   'type', 'objective-id',
				   'target-id', v_ids ->> t.id::text,
				   'props', pg_catalog.jsonb_build_array(
					   pg_catalog.jsonb_build_object('name', 'local-id', 'ns', v_ns, 'value', kansa.local_id(t.id))),
				   'status', pg_catalog.jsonb_build_object('state', st.state),
				   'implementation-status', CASE WHEN st.implementation IS NOT NULL
												 THEN pg_catalog.jsonb_build_object('state', st.implementation) END),
			   'related-observations', CASE WHEN r.id IS NOT NULL THEN pg_catalog.jsonb_build_array(
				   pg_catalog.jsonb_build_object('observation-uuid',
												 kansa.oscal_uuid(pg_catalog.format('observation %s %s', a.id, r.id)))) END))
			   ORDER BY t.position, t.id), '[]')
	  INTO v_findings
	  FROM kansa.control AS t
	  LEFT JOIN kansa.response AS r ON r.assessment_id = a.id AND r.control OPERATOR(kansa.=) t.id
	  CROSS JOIN LATERAL kansa.oscal_states(r.verdict) AS st
	 WHERE t.framework = a.framework AND t.kind = 'control'
	   AND kansa.in_scope(a.scope, t.id::text);

	v_result := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
		'uuid', kansa.oscal_uuid(pg_catalog.format('result %s', a.id)),
		'title', pg_catalog.format('%s / %s against %s', a.vendor, a.service, a.framework),
		'description', pg_catalog.format('The answers of %s''s sheet %s for %s, imported %s, as kansa read them.',
										 a.vendor, a.file_name, a.service,
										 pg_catalog.to_char(a.imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')),
		'start', pg_catalog.to_char(a.imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
		'props', pg_catalog.jsonb_build_array(
			pg_catalog.jsonb_build_object('name', 'assessment-id', 'ns', v_ns, 'value', a.id::text),
			pg_catalog.jsonb_build_object('name', 'current', 'ns', v_ns, 'value',
										  CASE WHEN a.superseded_by IS NULL THEN 'true' ELSE 'false' END)),
		'reviewed-controls', pg_catalog.jsonb_build_object('control-selections', pg_catalog.jsonb_build_array(
			CASE WHEN a.scope IS NULL THEN pg_catalog.jsonb_build_object('include-all', '{}'::jsonb)
				 ELSE pg_catalog.jsonb_build_object('include-controls',
						  (SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('control-id', v_ids ->> c.id::text)
													   ORDER BY c.position)
							 FROM kansa.control AS c
							WHERE c.framework = a.framework AND c.kind = 'control'
							  AND kansa.in_scope(a.scope, c.id::text))) END)),
		'observations', NULLIF(v_observations, '[]'),
		'findings', NULLIF(v_findings, '[]')));

	RETURN pg_catalog.jsonb_build_object('assessment-results', pg_catalog.jsonb_build_object(
		'uuid', kansa.oscal_uuid(pg_catalog.format('assessment-results %s %s', a.id, a.imported_at)),
		'metadata', pg_catalog.jsonb_build_object(
			'title', pg_catalog.format('%s: %s / %s against %s', a.organization, a.vendor, a.service, a.framework_title),
			'last-modified', pg_catalog.to_char(pg_catalog.now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
			'version', a.id::text,
			'oscal-version', '1.1.2',
			'remarks', 'Written by kansa (oscal_assessment_results). Verdicts and responsibility are in props of the namespace ' || v_ns || '.'),
		'import-ap', pg_catalog.jsonb_build_object('href', '#',
			'remarks', 'kansa keeps no assessment plan: the plan was the questionnaire sent to the vendor.'),
		'results', pg_catalog.jsonb_build_array(v_result)));
END;
$$;
COMMENT ON FUNCTION kansa.oscal_assessment_results(bigint) IS 'An assessment as OSCAL assessment results (JSON, OSCAL 1.1.2): one result; one observation per response (method EXAMINE, collected = the import time, the answer as description, its evidence items as relevant-evidence); one finding per control asked, targeting the control''s OSCAL id as oscal_catalog() writes it, status satisfied (implemented, not_applicable) or not-satisfied, implementation-status from the verdict (oscal_states()); verdict, verdict source and responsibility in props of kansa''s namespace (urn:kansa:oscal). Reads as the caller: another organisation''s assessment does not exist.';
