-- sql/55_writers.sql: the writer functions: how the caller's organisations
-- are found (caller_organizations, caller_organization, organization_service);
-- each writer as an entry point and its SECURITY DEFINER body <name>_by
-- (service_set, service_dependency_*, evidence_validity_*, import_sheet,
-- review); and the trigger that lets verdicts change only through review().

-----------------------------------------------------------------------------
-- Writers.  Tenant roles write no table: import_sheet(), review() and the
-- functions below write for them.  Each is an entry point in C
-- (kansa_writer, src/tenant.c), SECURITY INVOKER, that passes the role it
-- runs as to its body, <name>_by(caller oid, ...): SECURITY DEFINER, owned
-- by kansa_owner (NOLOGIN, neither superuser nor BYPASSRLS; row-level
-- security shows it every organisation's rows, see tenant_visible()), and
-- callable by no other role, so the caller cannot be made up.  The body
-- checks that the caller acts for the organisation before it reads or
-- writes anything of it, and records the caller itself: no identity,
-- reviewer, timestamp or verdict source comes from outside.  An
-- organisation the caller does not act for "does not exist", with the same
-- error and SQLSTATE as one never created.
-----------------------------------------------------------------------------

-- The organisations the caller acts for: every one for a superuser, else
-- those of whose tenant role it is a member.  Worked out over all the
-- organisations whatever the writer goes on to look for, so that the work
-- (and its time) never depends on whether an organisation the caller may
-- not see exists.
CREATE FUNCTION kansa.caller_organizations(caller oid) RETURNS bigint[]
	LANGUAGE sql STABLE
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		SELECT COALESCE(pg_catalog.array_agg(o.id ORDER BY o.id), '{}')
		  FROM kansa.organization AS o
		  LEFT JOIN pg_catalog.pg_roles AS t ON t.rolname = o.tenant_role
		 WHERE EXISTS (SELECT FROM pg_catalog.pg_roles AS r
						WHERE r.oid = caller_organizations.caller AND r.rolsuper)
			OR (t.oid IS NOT NULL AND pg_catalog.pg_has_role(caller_organizations.caller, t.oid, 'MEMBER'));
	END;
COMMENT ON FUNCTION kansa.caller_organizations(oid) IS 'The ids of the organisations the caller (a role''s oid, as kansa_writer passes it) acts for: all for a superuser, else those of whose tenant role it is a member. What the writer functions check, computed over every organisation alike.';

-- The id of the organisation the caller acts for, by name (width and blanks
-- folded); a superuser may have it created.  Anything else is an error that
-- does not tell a hidden organisation from a missing one: the name is only
-- ever looked for among the caller's own organisations.
CREATE FUNCTION kansa.caller_organization(caller oid, organization text,
										  create_missing boolean DEFAULT false)
	RETURNS bigint
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	v_mine bigint[] := kansa.caller_organizations(caller);
	v_org bigint;
BEGIN
	IF organization IS NULL OR kansa.name_key(organization) = '' THEN
		RAISE EXCEPTION 'organization must not be empty' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	SELECT o.id INTO v_org FROM kansa.organization AS o
	 WHERE o.id = ANY (v_mine) AND kansa.name_key(o.name) = kansa.name_key(organization);
	IF FOUND THEN
		RETURN v_org;
	END IF;
	IF COALESCE(create_missing, false)
	   AND EXISTS (SELECT FROM pg_catalog.pg_roles AS r WHERE r.oid = caller AND r.rolsuper) THEN
		-- an import running beside this one (kansa-import --jobs) may create
		-- the same name first: then it is the one to use
		INSERT INTO kansa.organization (name) VALUES (pg_catalog.btrim(organization))
		ON CONFLICT ON CONSTRAINT organization_name_key DO NOTHING
		RETURNING id INTO v_org;
		IF v_org IS NULL THEN
			SELECT o.id INTO STRICT v_org FROM kansa.organization AS o
			 WHERE kansa.name_key(o.name) = kansa.name_key(organization);
			RETURN v_org;
		END IF;
		RAISE NOTICE 'created organization "%"', pg_catalog.btrim(organization)
			USING HINT = 'Map it to the role whose members act for it (kansa.organization.tenant_role).';
		RETURN v_org;
	END IF;
	RAISE EXCEPTION 'organization "%" does not exist', organization
		USING ERRCODE = 'undefined_object',
			  HINT = 'A superuser creates an organisation and maps it to the role whose members act for it (kansa.organization.tenant_role); you must be a member of that role.';
END;
$$;
COMMENT ON FUNCTION kansa.caller_organization(oid, text, boolean) IS 'The id of the organisation of that name (name_key) if the caller acts for it; a superuser''s call may create it. Otherwise the error "organization does not exist" (42704), the same whether the organisation is missing or another tenant''s.';

-- The organisation's vendor and service of those names, made when missing.
CREATE FUNCTION kansa.organization_service(organization_id bigint, vendor text, service text,
										   create_missing boolean DEFAULT true)
	RETURNS bigint
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
#variable_conflict use_column
DECLARE
	v_vendor bigint;
	v_service bigint;
	v_near text;
	v_found boolean;
	-- the names near a new one go into the error, or into the NOTICE of its
	-- creation when anyone will read it: worked out against every name of
	-- the organisation (8 ms at 2,300 services), so not for a NOTICE that a
	-- batch client or the settings drop
	v_suggest boolean := NOT create_missing
		OR pg_catalog.current_setting('client_min_messages')
		   IN ('debug5', 'debug4', 'debug3', 'debug2', 'debug1', 'log', 'notice')
		OR pg_catalog.current_setting('log_min_messages')
		   IN ('debug5', 'debug4', 'debug3', 'debug2', 'debug1', 'info', 'notice');
BEGIN
	IF vendor IS NULL OR kansa.name_key(vendor) = '' OR service IS NULL OR kansa.name_key(service) = '' THEN
		RAISE EXCEPTION 'vendor and service must not be empty' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	SELECT v.id INTO v_vendor FROM kansa.vendor AS v
	 WHERE v.organization_id = organization_service.organization_id
	   AND kansa.name_key(v.name) = kansa.name_key(vendor);
	v_found := FOUND;
	IF NOT v_found AND v_suggest THEN
		-- names near the new one: a typo more likely than a new vendor
		v_near := kansa.near_names(vendor, ARRAY(SELECT v.name FROM kansa.vendor AS v
												  WHERE v.organization_id = organization_service.organization_id));
	END IF;
	IF NOT v_found AND create_missing THEN
		INSERT INTO kansa.vendor (organization_id, name)
		VALUES (organization_service.organization_id, pg_catalog.btrim(vendor))
		ON CONFLICT (organization_id, kansa.name_key(name)) DO NOTHING;
		SELECT v.id INTO STRICT v_vendor FROM kansa.vendor AS v
		 WHERE v.organization_id = organization_service.organization_id
		   AND kansa.name_key(v.name) = kansa.name_key(vendor);
		RAISE NOTICE 'created vendor "%"%', pg_catalog.btrim(vendor),
			COALESCE(' (did you mean ' || v_near || '?)', '')
			USING HINT = 'Option create = false refuses names that do not exist yet.';
	ELSIF NOT v_found THEN
		RAISE EXCEPTION 'vendor "%" does not exist', vendor
			USING ERRCODE = 'undefined_object',
				  HINT = COALESCE('Perhaps you meant ' || v_near || '.', 'Drop option create = false to create it.');
	END IF;
	SELECT s.id INTO v_service FROM kansa.service AS s
	 WHERE s.organization_id = organization_service.organization_id AND s.vendor_id = v_vendor
	   AND kansa.name_key(s.name) = kansa.name_key(service);
	v_found := FOUND;
	IF NOT v_found AND v_suggest THEN
		v_near := kansa.near_names(service, ARRAY(SELECT s.name FROM kansa.service AS s
												   WHERE s.organization_id = organization_service.organization_id
													 AND s.vendor_id = v_vendor));
	END IF;
	IF NOT v_found AND create_missing THEN
		INSERT INTO kansa.service (organization_id, vendor_id, name)
		VALUES (organization_service.organization_id, v_vendor, pg_catalog.btrim(service))
		ON CONFLICT (organization_id, vendor_id, kansa.name_key(name)) DO NOTHING;
		SELECT s.id INTO STRICT v_service FROM kansa.service AS s
		 WHERE s.organization_id = organization_service.organization_id AND s.vendor_id = v_vendor
		   AND kansa.name_key(s.name) = kansa.name_key(service);
		RAISE NOTICE 'created service "%" of vendor "%"%', pg_catalog.btrim(service), pg_catalog.btrim(vendor),
			COALESCE(' (did you mean ' || v_near || '?)', '')
			USING HINT = 'Option create = false refuses names that do not exist yet.';
	ELSIF NOT v_found THEN
		RAISE EXCEPTION 'service "%" of vendor "%" does not exist', service, vendor
			USING ERRCODE = 'undefined_object',
				  HINT = COALESCE('Perhaps you meant ' || v_near || '.', 'Drop option create = false to create it.');
	END IF;
	RETURN v_service;
END;
$$;
COMMENT ON FUNCTION kansa.organization_service(bigint, text, text, boolean) IS 'The id of the organisation''s service of that vendor and name (name_key), vendor and service made when missing (or an error, create_missing false). For kansa''s writer functions, which have checked the caller.';

CREATE FUNCTION kansa.service_set_by(caller oid, organization text, vendor text, service text,
								  service_type text DEFAULT NULL, confidentiality text DEFAULT NULL,
								  availability text DEFAULT NULL, pattern integer DEFAULT NULL)
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
	v_service := kansa.organization_service(kansa.caller_organization(caller, organization), vendor, service);
	UPDATE kansa.service AS s
	   SET service_type = service_set_by.service_type, confidentiality = service_set_by.confidentiality,
		   availability = service_set_by.availability, pattern_set = service_set_by.pattern
	 WHERE s.id = v_service
	RETURNING * INTO r;
	RETURN r;
END;
$$;
COMMENT ON FUNCTION kansa.service_set_by(oid, text, text, text, text, text, text, integer) IS 'The body of service_set(): SECURITY DEFINER, owned by kansa_owner, callable by no other role; caller is the role the entry point ran as.';
CREATE FUNCTION kansa.service_set(organization text, vendor text, service text,
								  service_type text DEFAULT NULL, confidentiality text DEFAULT NULL,
								  availability text DEFAULT NULL, pattern integer DEFAULT NULL)
	RETURNS kansa.service
	AS 'MODULE_PATHNAME', 'kansa_writer' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kansa.service_set(text, text, text, text, text, text, integer) IS 'Records an organisation''s judgement of a service, creating the vendor and service if needed: its service type (kansa.service_type), confidentiality and availability (which give its ASP・SaaS pattern), or a pattern set outright. Each call sets all four (NULL clears). For kansa_analyst members of the organisation''s tenant role; the judgement is the organisation''s own.';

CREATE FUNCTION kansa.service_dependency_set_by(caller oid, organization text, vendor text, service text,
											 provider_vendor text, provider_service text,
											 note text DEFAULT NULL)
	RETURNS void
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	AS $$
#variable_conflict use_column
DECLARE
	v_org bigint := kansa.caller_organization(caller, organization);
	v_service bigint := kansa.organization_service(v_org, vendor, service);
	v_provider bigint := kansa.organization_service(v_org, provider_vendor, provider_service);
BEGIN
	INSERT INTO kansa.service_dependency (service_id, provider_service_id, organization_id, note)
	VALUES (v_service, v_provider, v_org, note)
	ON CONFLICT (service_id, provider_service_id) DO UPDATE SET note = EXCLUDED.note;
END;
$$;
COMMENT ON FUNCTION kansa.service_dependency_set_by(oid, text, text, text, text, text, text) IS 'The body of service_dependency_set(): SECURITY DEFINER, owned by kansa_owner, callable by no other role; caller is the role the entry point ran as.';
CREATE FUNCTION kansa.service_dependency_set(organization text, vendor text, service text,
											 provider_vendor text, provider_service text,
											 note text DEFAULT NULL)
	RETURNS void
	AS 'MODULE_PATHNAME', 'kansa_writer' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kansa.service_dependency_set(text, text, text, text, text, text) IS 'Records that an organisation''s service relies on another service (its cloud platform, data centre, building operator), creating either if needed; with a current assessment of the provider, the service''s inherited answers stop being gaps. For kansa_analyst.';

CREATE FUNCTION kansa.service_dependency_delete_by(caller oid, organization text, vendor text, service text,
												provider_vendor text, provider_service text)
	RETURNS boolean
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	AS $$
#variable_conflict use_column
DECLARE
	v_org bigint := kansa.caller_organization(caller, organization);
	v_service bigint := kansa.organization_service(v_org, vendor, service, false);
	v_provider bigint := kansa.organization_service(v_org, provider_vendor, provider_service, false);
BEGIN
	DELETE FROM kansa.service_dependency AS d
	 WHERE d.service_id = v_service AND d.provider_service_id = v_provider;
	RETURN FOUND;
END;
$$;
COMMENT ON FUNCTION kansa.service_dependency_delete_by(oid, text, text, text, text, text) IS 'The body of service_dependency_delete(): SECURITY DEFINER, owned by kansa_owner, callable by no other role; caller is the role the entry point ran as.';
CREATE FUNCTION kansa.service_dependency_delete(organization text, vendor text, service text,
												provider_vendor text, provider_service text)
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'kansa_writer' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kansa.service_dependency_delete(text, text, text, text, text) IS 'Removes a dependency recorded by service_dependency_set(); true when there was one. For kansa_analyst.';

CREATE FUNCTION kansa.evidence_validity_set_by(caller oid, organization text, evidence kansa.evidence,
											valid_until date, valid_from date DEFAULT NULL,
											note text DEFAULT NULL)
	RETURNS kansa.evidence_validity
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	AS $$
#variable_conflict use_column
DECLARE
	v_org bigint := kansa.caller_organization(caller, organization);
	r kansa.evidence_validity;
BEGIN
	IF evidence IS NULL OR valid_until IS NULL THEN
		RAISE EXCEPTION 'evidence and valid_until must not be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	INSERT INTO kansa.evidence_validity AS v (organization_id, evidence, valid_from, valid_until, note,
											  recorded_at, recorded_by)
	VALUES (v_org, evidence, valid_from, valid_until, note, pg_catalog.now(), pg_catalog.pg_get_userbyid(caller))
	ON CONFLICT (organization_id, evidence) DO UPDATE
	   SET valid_from = EXCLUDED.valid_from, valid_until = EXCLUDED.valid_until,
		   note = EXCLUDED.note, recorded_at = EXCLUDED.recorded_at, recorded_by = EXCLUDED.recorded_by
	RETURNING * INTO r;
	RETURN r;
END;
$$;
COMMENT ON FUNCTION kansa.evidence_validity_set_by(oid, text, kansa.evidence, date, date, text) IS 'The body of evidence_validity_set(): SECURITY DEFINER, owned by kansa_owner, callable by no other role; caller is the role the entry point ran as.';
CREATE FUNCTION kansa.evidence_validity_set(organization text, evidence kansa.evidence,
											valid_until date, valid_from date DEFAULT NULL,
											note text DEFAULT NULL)
	RETURNS kansa.evidence_validity
	AS 'MODULE_PATHNAME', 'kansa_writer' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kansa.evidence_validity_set(text, kansa.evidence, date, date, text) IS 'Records how long a certificate or report stays valid as the organisation''s analysts checked it (replacing an earlier record), with the caller and the time. For kansa_analyst.';

CREATE FUNCTION kansa.evidence_validity_delete_by(caller oid, organization text, evidence kansa.evidence)
	RETURNS boolean
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	AS $$
#variable_conflict use_column
DECLARE
	v_org bigint := kansa.caller_organization(caller, organization);
BEGIN
	DELETE FROM kansa.evidence_validity AS v
	 WHERE v.organization_id = v_org AND v.evidence OPERATOR(kansa.=) evidence_validity_delete_by.evidence;
	RETURN FOUND;
END;
$$;
COMMENT ON FUNCTION kansa.evidence_validity_delete_by(oid, text, kansa.evidence) IS 'The body of evidence_validity_delete(): SECURITY DEFINER, owned by kansa_owner, callable by no other role; caller is the role the entry point ran as.';
CREATE FUNCTION kansa.evidence_validity_delete(organization text, evidence kansa.evidence)
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'kansa_writer' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kansa.evidence_validity_delete(text, kansa.evidence) IS 'Removes the organisation''s record of an evidence item''s validity; true when there was one. For kansa_analyst.';

CREATE FUNCTION kansa.import_sheet_by(caller oid, organization text, vendor text, service text, framework text,
								   content bytea, file_name text, options jsonb DEFAULT '{}',
								   OUT batch_id bigint, OUT assessment_id bigint, OUT status text,
								   OUT format text, OUT sheet text, OUT rows_read integer,
								   OUT responses integer, OUT rejected integer,
								   OUT skipped integer, OUT unknown_controls integer,
								   OUT conflicts integer)
	RETURNS record
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	-- the summary triggers would refresh once per table written; the import
	-- refreshes once, at its end (kansa.summary_refresh())
	SET kansa.maintain_summaries = off
	-- every statement reads one sheet's rows; JIT compilation, which the
	-- estimates of the joins over kansa.response can call for at a million
	-- rows, would cost more than the statement (see change_summary())
	SET jit = off
	AS $$
DECLARE
	v_started timestamptz := pg_catalog.clock_timestamp();
	v_read timestamptz;
	v_summary timestamptz;
	v_summary_ms numeric;
	v_org bigint;
	v_service bigint;
	v_sha bytea;
	v_mode text;
	v_lines kansa.sheet_line[];
	v_layout jsonb;
	v_prev bigint;
	v_boiler text[];
	v_context jsonb;
	v_prev_options jsonb;
	v_changed text;
	v_msg text;
	v_hint text;
	v_n bigint;
	v_better text;
	v_bad record;
	v_key text;
	v_received date;
	v_skipped jsonb;
	v_scope kansa.control_id[];
	v_scope_name text;
	v_items text[];
	v_answered integer;
BEGIN
	IF organization IS NULL OR vendor IS NULL OR service IS NULL OR framework IS NULL
	   OR content IS NULL OR file_name IS NULL THEN
		RAISE EXCEPTION 'import_sheet arguments must not be null'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	options := COALESCE(options, '{}');
	IF pg_catalog.jsonb_typeof(options) <> 'object' THEN
		RAISE EXCEPTION 'options must be a JSON object' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	FOR v_key IN SELECT k FROM pg_catalog.jsonb_object_keys(options) AS k LOOP
		IF v_key <> ALL (ARRAY['mode', 'blank', 'format', 'encoding', 'delimiter', 'sheet',
							   'header_row', 'id_column', 'answer_column', 'mark_column',
							   'ownership_column', 'received', 'reload', 'create', 'scope',
							   'analyze']) THEN
			RAISE EXCEPTION 'unknown option "%"', v_key
				USING ERRCODE = 'invalid_parameter_value',
					  HINT = 'Options are mode, blank, format, encoding, delimiter, sheet, header_row, id_column, answer_column, mark_column, ownership_column, received, reload, create, scope and analyze.';
		END IF;
	END LOOP;
	-- a follow-up sheet coming back with the vendor's replies (sql/80_findings.sql)
	IF kansa.is_followup_sheet(content) THEN
		SELECT r.* INTO batch_id, assessment_id, status, format, sheet, rows_read, responses, rejected,
						skipped, unknown_controls, conflicts
		  FROM kansa.import_reply_by(caller, organization, vendor, service, framework, content,
									 file_name) AS r;
		RETURN;
	END IF;
	v_mode := COALESCE(options->>'mode', 'strict');
	IF v_mode NOT IN ('strict', 'quarantine') THEN
		RAISE EXCEPTION 'invalid value "%" for option "mode"', v_mode
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Use strict (any rejected row aborts the import) or quarantine (good rows load, rejected rows go to kansa.import_reject).';
	END IF;
	v_received := (options->>'received')::date;
	PERFORM FROM kansa.framework AS f WHERE f.code = import_sheet_by.framework;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'framework "%" does not exist', framework
			USING ERRCODE = 'foreign_key_violation',
				  HINT = 'The frameworks are the rows of kansa.framework.';
	END IF;

	-- The organisation, checked against the caller; another tenant's
	-- organisation "does not exist", exactly as one never created.  Only a
	-- superuser's import creates an organisation (its tenant_role is then
	-- for the superuser to set).  Vendor and service are the organisation's
	-- own rows, made on first sight.
	v_org := kansa.caller_organization(caller, organization,
									   COALESCE((options->>'create')::boolean, true));
	v_service := kansa.organization_service(v_org, vendor, service,
											COALESCE((options->>'create')::boolean, true));

	-- The controls asked: a scope kept by name, or a list of ids and
	-- sections (a JSON array, or a text of them separated by commas).
	IF options ? 'scope' THEN
		IF pg_catalog.jsonb_typeof(options->'scope') = 'array' THEN
			v_items := ARRAY(SELECT pg_catalog.jsonb_array_elements_text(options->'scope'));
		ELSIF pg_catalog.jsonb_typeof(options->'scope') = 'string' THEN
			SELECT s.name, s.controls INTO v_scope_name, v_scope
			  FROM kansa.scope AS s
			 WHERE s.organization_id = v_org AND s.framework = import_sheet_by.framework
			   AND kansa.name_key(s.name) = kansa.name_key(options->>'scope');
			IF NOT FOUND THEN
				v_items := pg_catalog.regexp_split_to_array(options->>'scope', '\s*[,、，]\s*');
				-- one word that is no kept scope and no control: a name mistyped
				IF pg_catalog.cardinality(v_items) = 1 THEN
					BEGIN
						v_scope := kansa.scope_controls(framework, v_items);
					EXCEPTION WHEN invalid_parameter_value THEN
						RAISE EXCEPTION 'scope "%" does not exist', options->>'scope'
							USING ERRCODE = 'undefined_object',
								  DETAIL = pg_catalog.format('It is neither a scope that organization "%s" keeps for framework %s nor a control or section of it.',
															 organization, framework),
								  HINT = 'Keep the scope with kansa.scope_set(), or list the controls and sections asked, separated by commas.';
					END;
					v_items := NULL;
				END IF;
			END IF;
		ELSE
			RAISE EXCEPTION 'invalid value for option "scope"'
				USING ERRCODE = 'invalid_parameter_value',
					  HINT = 'Give the name of a scope kept in kansa.scope, or the controls and sections asked as a JSON array or a text separated by commas.';
		END IF;
		IF v_items IS NOT NULL THEN
			v_scope := kansa.scope_controls(framework, v_items);
		END IF;
	END IF;
	-- One import at a time per organisation and service, so that the same
	-- file twice loads once and supersession sees the current assessment:
	-- a lock on the organisation's own service row, which no tenant role
	-- can lock (FOR UPDATE needs UPDATE on the table) and no other
	-- organisation's transaction ever writes.
	PERFORM FROM kansa.service AS s WHERE s.id = v_service FOR UPDATE;

	v_sha := pg_catalog.sha256(content);
	IF NOT COALESCE((options->>'reload')::boolean, false) THEN
		SELECT b.id, b.assessment_id, b.format, b.layout->>'sheet', b.rows_read, b.responses,
			   b.rejected, b.skipped, b.unknown_controls, b.conflicts, b.options
		  INTO batch_id, assessment_id, format, sheet, rows_read, responses, rejected,
			   skipped, unknown_controls, conflicts, v_prev_options
		  FROM kansa.import_batch AS b
		 WHERE b.organization_id = v_org AND b.service_id = v_service
		   AND b.framework = import_sheet_by.framework AND b.sha256 = v_sha
		 ORDER BY b.id DESC LIMIT 1;
		IF FOUND THEN
			status := 'already_loaded';
			-- the same bytes with other options: say so, the options are not used
			SELECT pg_catalog.string_agg(k, ', ' ORDER BY k) INTO v_changed
			  FROM (SELECT pg_catalog.jsonb_object_keys(options) AS k
					UNION SELECT pg_catalog.jsonb_object_keys(COALESCE(v_prev_options, '{}'))) AS keys
			 WHERE (options->k) IS DISTINCT FROM (v_prev_options->k);
			IF v_changed IS NOT NULL THEN
				RAISE NOTICE '%: the same file was loaded before (batch %) with other options; the options given now (%) were not used', file_name, batch_id, v_changed
					USING HINT = 'Import it with option reload = true to load it again with these options.';
			END IF;
			RETURN;
		END IF;
	END IF;

	BEGIN
		v_lines := ARRAY(SELECT a FROM kansa.sheet_lines(content, import_sheet_by.framework,
								options - 'mode' - 'received' - 'reload' - 'create' - 'scope' - 'analyze') AS a);
	EXCEPTION WHEN bad_copy_file_format THEN
		GET STACKED DIAGNOSTICS v_msg = MESSAGE_TEXT, v_hint = PG_EXCEPTION_HINT;
		IF v_msg NOT LIKE 'no column of the file holds control ids%' THEN
			RAISE;
		END IF;
		-- the sheet answers another framework?  Name the ones whose ids it holds
		SELECT pg_catalog.string_agg(pg_catalog.format('%s (%s %s)', sf.framework, sf.answered,
													   CASE WHEN sf.answered = 1 THEN 'answer' ELSE 'answers' END),
									 ', ' ORDER BY sf.answered DESC, sf.framework)
		  INTO v_better
		  FROM kansa.sheet_frameworks(content, options - 'mode' - 'received' - 'reload' - 'create' - 'scope' - 'analyze') AS sf
		 WHERE sf.framework <> import_sheet_by.framework;
		RAISE EXCEPTION '%', v_msg
			USING ERRCODE = 'bad_copy_file_format',
				  HINT = COALESCE('The file holds ids of ' || v_better
								  || ': import it against the framework it answers.', v_hint);
	END;
	v_read := pg_catalog.clock_timestamp();
	-- one layout per sheet read; a workbook that splits its answers over
	-- sheets keeps them all under "sheets"
	SELECT CASE WHEN pg_catalog.count(*) = 1 THEN (pg_catalog.array_agg(l.reason::jsonb))[1]
				ELSE pg_catalog.jsonb_build_object(
						'format', pg_catalog.min(l.reason::jsonb->>'format'),
						'sheet', pg_catalog.string_agg(l.reason::jsonb->>'sheet', ', '),
						'sheets', pg_catalog.jsonb_agg(l.reason::jsonb)) END
	  INTO v_layout
	  FROM pg_catalog.unnest(v_lines) AS l WHERE l.kind = 'layout';
	format := v_layout->>'format';
	sheet := v_layout->>'sheet';

	-- The counts, in one pass over the lines: rows read (a row of a list or
	-- a range answers several controls), rows answering a control, and
	-- lines rejected, skipped and naming no control of the framework.
	SELECT pg_catalog.count(*)::integer, pg_catalog.count(*) FILTER (WHERE r.answers)::integer,
		   COALESCE(pg_catalog.sum(r.rejected), 0)::integer,
		   COALESCE(pg_catalog.sum(r.skipped), 0)::integer,
		   COALESCE(pg_catalog.sum(r.unknown), 0)::integer
	  INTO rows_read, v_answered, rejected, skipped, unknown_controls
	  FROM (SELECT pg_catalog.bool_or(l.kind = 'response') AS answers,
				   pg_catalog.count(*) FILTER (WHERE l.kind = 'rejected') AS rejected,
				   pg_catalog.count(*) FILTER (WHERE l.kind = 'skipped') AS skipped,
				   pg_catalog.count(*) FILTER (WHERE l.kind = 'rejected' AND l.sqlstate = '23503') AS unknown
			  FROM pg_catalog.unnest(v_lines) AS l
			 WHERE l.kind <> 'layout'
			 GROUP BY l.sheet, l.row_number) AS r;

	-- Most rows with an id name no control of this framework: the sheet
	-- answers another one (or another edition).  Refused in every mode,
	-- naming the frameworks whose catalogs match it better.
	IF unknown_controls > v_answered THEN
		SELECT pg_catalog.string_agg(pg_catalog.format('%s (%s of the rows)', sf.framework, sf.answered),
									 ', ' ORDER BY sf.answered DESC, sf.framework)
		  INTO v_better
		  FROM kansa.sheet_frameworks(content, options - 'mode' - 'received' - 'reload' - 'create' - 'scope' - 'analyze') AS sf
		 WHERE sf.framework <> import_sheet_by.framework AND sf.answered > v_answered;
		RAISE EXCEPTION '%: only % of the % rows with a control id name a control of framework "%"',
			file_name, v_answered, v_answered + unknown_controls, framework
			USING ERRCODE = 'bad_copy_file_format',
				  DETAIL = 'A sheet where most ids are unknown is refused in every mode; nothing was loaded.',
				  HINT = COALESCE('The sheet matches ' || v_better || ' better: import it against the framework it answers.',
								  'Check the framework (and its edition), or the id column (option id_column).');
	END IF;

	IF v_mode = 'strict' THEN
		SELECT l.* INTO v_bad FROM pg_catalog.unnest(v_lines) AS l WHERE l.kind = 'rejected'
		 ORDER BY l.row_number LIMIT 1;
		IF FOUND THEN
			RAISE EXCEPTION '%: sheet "%", row %, cell %: %', file_name, v_bad.sheet,
				v_bad.row_number,
				COALESCE(kansa.column_name(v_bad.column_number) || v_bad.row_number, '?'),
				v_bad.reason
				USING ERRCODE = v_bad.sqlstate,
					  DETAIL = pg_catalog.format('%s rows of the file are rejected; nothing was loaded.',
											 rejected),
					  HINT = 'Correct the sheet, or import it with option mode = quarantine to load the good rows and keep the rejected ones in kansa.import_reject.';
		END IF;
	END IF;

	INSERT INTO kansa.import_batch (organization_id, service_id, framework, file_name, format,
									sha256, size_bytes, options, mode, layout, started_at,
									imported_by)
	VALUES (v_org, v_service, framework, file_name, format, v_sha, pg_catalog.length(content),
			options, v_mode, v_layout, v_started, pg_catalog.pg_get_userbyid(caller))
	RETURNING id INTO batch_id;

	SELECT a.id INTO v_prev FROM kansa.assessment AS a
	 WHERE a.organization_id = v_org AND a.service_id = v_service
	   AND a.framework = import_sheet_by.framework AND a.superseded_by IS NULL
	   FOR UPDATE;
	assessment_id := pg_catalog.nextval(pg_catalog.pg_get_serial_sequence('kansa.assessment', 'id'));
	IF v_prev IS NOT NULL THEN
		UPDATE kansa.assessment AS a SET superseded_by = import_sheet_by.assessment_id
		 WHERE a.id = v_prev;
	END IF;
	INSERT INTO kansa.assessment (id, organization_id, service_id, framework, batch_id,
								  file_name, sha256, received_at, imported_by, scope_name, scope)
		OVERRIDING SYSTEM VALUE
	VALUES (assessment_id, v_org, v_service, framework, batch_id, file_name, v_sha, v_received,
			pg_catalog.pg_get_userbyid(caller), v_scope_name, v_scope);

	-- boilerplate over distinct texts: an answer shared by merged cells, a
	-- list or a range is one answer, not many
	v_boiler := kansa.boilerplate(ARRAY(SELECT DISTINCT l.answer FROM pg_catalog.unnest(v_lines) AS l
										 WHERE l.kind = 'response' AND l.answer IS NOT NULL));

	-- what the importer knows of the answers; every distinct text is read
	-- once, however many rows share it (merged cells, lists, ranges):
	-- classify_explain() answers a text it has read in the statement from
	-- its memo.  (A join of the rows with their distinct texts did the same
	-- by hand, but the planner, which cannot count the rows of an array,
	-- made it a nested loop comparing every row with every text: 5 ms of
	-- a 40 ms sheet.)
	v_context := pg_catalog.jsonb_build_object('service', service, 'vendor', vendor,
											   'framework', framework,
											   'boilerplate', pg_catalog.to_jsonb(v_boiler));
	-- MATERIALIZED: inlined, the call would be made again for every field
	-- taken from it ((j.ce).verdict, (j.ce).rule, ...)
	WITH lines AS MATERIALIZED (
		SELECT l.*, kansa.classify_explain(l.answer, v_context) AS ce
		  FROM pg_catalog.unnest(v_lines) AS l
		 WHERE l.kind = 'response'
	), judged AS (
		SELECT l.*, CASE WHEN l.mark IS NOT NULL
						 THEN kansa.sheet_verdict(l.mark, l.ownership, (l.ce).verdict) END AS sv
		  FROM lines AS l
	), ins AS (
		INSERT INTO kansa.response (assessment_id, organization_id, control, sheet, row_number,
									cell, via, raw_text, clean_text, specific_text, mark,
									ownership, sheet_verdict, classified, verdict,
									verdict_source, confidence, rule, cue, confidence_class,
									conflict)
		SELECT import_sheet_by.assessment_id, v_org,
			   kansa.control_id(import_sheet_by.framework, j.control),
			   j.sheet, j.row_number,
			   kansa.column_name(j.column_number) || j.row_number,
			   j.via, j.answer, kansa.clean_text(j.answer), (j.ce).specific_text,
			   j.mark, j.ownership, j.sv, (j.ce).verdict,
			   COALESCE(j.sv, (j.ce).verdict),
			   CASE WHEN j.sv IS NOT NULL THEN 'sheet' ELSE 'classifier' END,
			   CASE WHEN j.sv IS NOT NULL THEN 1 ELSE (j.ce).confidence END,
			   CASE WHEN j.sv IS NOT NULL THEN 'sheet_mark' ELSE (j.ce).rule END,
			   (j.ce).cue,
			   CASE WHEN j.sv IS NULL THEN (j.ce).confidence_class END,
			   -- (false without a mark, as mark_conflict() says, without a
			   -- call of it for every row of a sheet that has none)
			   j.mark IS NOT NULL AND kansa.mark_conflict(j.mark, (j.ce).verdict)
		  FROM judged AS j
		RETURNING id, clean_text, conflict
	), ev AS (
		INSERT INTO kansa.response_evidence (response_id, position, evidence, assessment_id,
											 organization_id)
		SELECT i.id, e.n, e.evidence, import_sheet_by.assessment_id, v_org
		  FROM ins AS i,
			   LATERAL kansa.extract_evidence(i.clean_text) WITH ORDINALITY AS e (evidence, n)
		 WHERE i.clean_text IS NOT NULL
	), ms AS (
		INSERT INTO kansa.response_measure (response_id, position, quantity, measure, span,
											organization_id)
		SELECT i.id, m.n, m.quantity, m.measure, m.span, v_org
		  FROM ins AS i,
			   LATERAL kansa.extract_measures(i.clean_text) WITH ORDINALITY
					AS m (quantity, measure, span, n)
		 WHERE i.clean_text IS NOT NULL
	)
	SELECT pg_catalog.count(*)::integer, pg_catalog.count(*) FILTER (WHERE i.conflict)::integer
	  INTO responses, conflicts
	  FROM ins AS i;

	INSERT INTO kansa.import_reject (batch_id, organization_id, sheet, row_number,
									 column_number, cell, raw_value, reason, sqlstate,
									 message)
	SELECT import_sheet_by.batch_id, v_org, l.sheet, l.row_number, l.column_number,
		   kansa.column_name(l.column_number) || l.row_number, l.cell,
		   l.reject,
		   l.sqlstate, l.reason
	  FROM pg_catalog.unnest(v_lines) AS l
	 WHERE l.kind = 'rejected';

	SELECT COALESCE(pg_catalog.jsonb_object_agg(r.reason, r.n), '{}') INTO v_skipped
	  FROM (SELECT l.reason, pg_catalog.count(*) AS n FROM pg_catalog.unnest(v_lines) AS l
			 WHERE l.kind = 'skipped' GROUP BY l.reason ORDER BY l.reason) AS r;
	status := CASE WHEN rejected > 0 THEN 'loaded_with_rejects' ELSE 'loaded' END;

	-- Reviews carry forward.  An answer the same as the superseded
	-- assessment's answer to the control keeps the analyst's verdict on it
	-- (source analyst, or carried from the one before), with source carried.
	-- The same: equal answer_key() of the text without the sheet's
	-- boilerplate (specific_text), of the mark and of the ownership; blanks,
	-- width and punctuation aside, every word and figure counts.  Each
	-- carried verdict is first a row of response_review (by the importing
	-- role, carried_from the review it came from), which is what
	-- response_verdict_guard() looks for; the response keeps the reviewer
	-- and time of that review.  Before summary_refresh(), which counts the
	-- carried verdicts.
	IF v_prev IS NOT NULL THEN
		INSERT INTO kansa.response_review (response_id, organization_id, reviewed_at, reviewed_by,
										   old_verdict, old_source, new_verdict, note, carried_from)
		SELECT n.id, n.organization_id, pg_catalog.now(), pg_catalog.pg_get_userbyid(caller),
			   n.verdict, n.verdict_source, p.verdict,
			   pg_catalog.format('carried from review %s of assessment %s: the answer is the same',
								 lr.id, v_prev),
			   lr.id
		  FROM kansa.response AS n
		  JOIN kansa.response AS p ON p.assessment_id = v_prev
								  AND p.control OPERATOR(kansa.=) n.control
		  CROSS JOIN LATERAL (SELECT rr.id FROM kansa.response_review AS rr
							   WHERE rr.response_id = p.id ORDER BY rr.id DESC LIMIT 1) AS lr
		 WHERE n.assessment_id = import_sheet_by.assessment_id
		   AND p.verdict_source IN ('analyst', 'carried')
		   AND COALESCE(kansa.answer_key(n.specific_text), '') = COALESCE(kansa.answer_key(p.specific_text), '')
		   AND COALESCE(kansa.answer_key(n.mark), '') = COALESCE(kansa.answer_key(p.mark), '')
		   AND COALESCE(kansa.answer_key(n.ownership), '') = COALESCE(kansa.answer_key(p.ownership), '')
		 ORDER BY n.id;
		UPDATE kansa.response AS n
		   SET verdict = p.verdict, verdict_source = 'carried', confidence = 1, rule = 'carried',
			   reviewed_at = p.reviewed_at, reviewed_by = p.reviewed_by
		  FROM kansa.response_review AS rr, kansa.response AS p
		 WHERE n.assessment_id = import_sheet_by.assessment_id
		   AND rr.response_id = n.id AND rr.carried_from IS NOT NULL
		   AND p.assessment_id = v_prev AND p.control OPERATOR(kansa.=) n.control;
	END IF;

	-- the summaries: this assessment, the one it supersedes, and where it is
	-- the organisation's first of its service, the assessments relying on
	-- that service (their inherited gaps close)
	v_summary := pg_catalog.clock_timestamp();
	PERFORM kansa.summary_refresh(ARRAY[assessment_id, v_prev]
								  || CASE WHEN v_prev IS NULL
										  THEN kansa.summary_dependents(ARRAY[v_service]) END);
	v_summary_ms := pg_catalog.round((EXTRACT(epoch FROM pg_catalog.clock_timestamp() - v_summary) * 1000)::numeric, 1);

	UPDATE kansa.import_batch AS b
	   SET assessment_id = import_sheet_by.assessment_id, rows_read = import_sheet_by.rows_read,
		   responses = import_sheet_by.responses, rejected = import_sheet_by.rejected,
		   skipped = import_sheet_by.skipped, skipped_by_reason = v_skipped,
		   unknown_controls = import_sheet_by.unknown_controls, status = import_sheet_by.status,
		   conflicts = import_sheet_by.conflicts,
		   finished_at = pg_catalog.clock_timestamp(),
		   read_ms = pg_catalog.round((EXTRACT(epoch FROM v_read - v_started) * 1000)::numeric, 1),
		   total_ms = pg_catalog.round((EXTRACT(epoch FROM pg_catalog.clock_timestamp() - v_started) * 1000)::numeric, 1),
		   summary_ms = v_summary_ms
	 WHERE b.id = import_sheet_by.batch_id;

	-- (a batch client passes analyze false and analyses once at its end)
	IF COALESCE((options->>'analyze')::boolean, true) THEN
		PERFORM kansa.analyze_stale_tables();
	END IF;
END;
$$;
COMMENT ON FUNCTION kansa.import_sheet_by(oid, text, text, text, text, bytea, text, jsonb) IS 'The body of import_sheet(): SECURITY DEFINER, owned by kansa_owner, callable by no other role; caller is the role the entry point ran as.';
CREATE FUNCTION kansa.import_sheet(organization text, vendor text, service text, framework text,
								   content bytea, file_name text, options jsonb DEFAULT '{}',
								   OUT batch_id bigint, OUT assessment_id bigint, OUT status text,
								   OUT format text, OUT sheet text, OUT rows_read integer,
								   OUT responses integer, OUT rejected integer,
								   OUT skipped integer, OUT unknown_controls integer,
								   OUT conflicts integer)
	RETURNS record
	AS 'MODULE_PATHNAME', 'kansa_writer' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kansa.import_sheet(text, text, text, text, bytea, text, jsonb) IS 'Imports a vendor''s answer sheet (xlsx, csv or tsv; UTF-8, UTF-16 or CP932) for an organisation, vendor and service against a framework, creating them as needed: finds the sheet, header and columns, resolves ids leniently, gives every response a verdict, evidence and measures. Modes strict (default; any rejected row aborts with an error naming file, sheet, row and cell) and quarantine. The same bytes again return the earlier batch as already_loaded; a new file supersedes the current assessment, and the analysts'' verdicts on the answers it repeats (the same under answer_key(): blanks, width and punctuation aside) carry forward with source carried (see assessment_change). Options: mode, blank (gap|inherit), format, encoding, delimiter, sheet, header_row, id_column, answer_column, mark_column, ownership_column, received (date), reload (load the same bytes again), create (false: refuse an organisation, vendor or service name that does not exist yet, with the names it may have meant), scope (the controls asked: the name of a scope in kansa.scope, or ids and sections as a JSON array or a text separated by commas). A sheet where most id-like rows name no control of the framework is refused in every mode, naming the frameworks it matches better. conflicts counts the responses whose mark and text disagree. A follow-up sheet written by followup_sheet() and returned with the vendor''s replies is recognised by its hidden sheet and read as replies to its findings instead (import_reply_by(): status reply_loaded; the vendor, service and framework must be the assessment''s; a sheet altered or of another organisation is refused).';

CREATE FUNCTION kansa.review_by(caller oid, response_id bigint, verdict kansa.answer, note text DEFAULT NULL)
	RETURNS kansa.response
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	AS $$
DECLARE
	r kansa.response;
BEGIN
	IF verdict IS NULL THEN
		RAISE EXCEPTION 'verdict must not be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	-- another organisation's response "does not exist", like a missing one
	SELECT * INTO r FROM kansa.response AS x
	 WHERE x.id = review_by.response_id AND x.organization_id = ANY (kansa.caller_organizations(caller))
	   FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'response % does not exist', response_id
			USING ERRCODE = 'no_data_found';
	END IF;
	INSERT INTO kansa.response_review (response_id, organization_id, reviewed_at, reviewed_by,
									   old_verdict, old_source, new_verdict, note)
	VALUES (r.id, r.organization_id, pg_catalog.now(), pg_catalog.pg_get_userbyid(caller), r.verdict,
			r.verdict_source, verdict, note);
	UPDATE kansa.response AS x
	   SET verdict = review_by.verdict, verdict_source = 'analyst', confidence = 1,
		   rule = 'analyst', reviewed_at = pg_catalog.now(), reviewed_by = pg_catalog.pg_get_userbyid(caller)
	 WHERE x.id = r.id
	RETURNING * INTO r;
	RETURN r;
END;
$$;
COMMENT ON FUNCTION kansa.review_by(oid, bigint, kansa.answer, text) IS 'The body of review(): SECURITY DEFINER, owned by kansa_owner, callable by no other role; caller is the role the entry point ran as.';
CREATE FUNCTION kansa.review(response_id bigint, verdict kansa.answer, note text DEFAULT NULL)
	RETURNS kansa.response
	AS 'MODULE_PATHNAME', 'kansa_writer' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kansa.review(bigint, kansa.answer, text) IS 'An analyst''s verdict on a response of an organisation the caller acts for: recorded in response_review (who: the role the call ran as, when, from what, to what, note) and made the response''s verdict (source analyst). The only way a verdict, a reviewer or a review changes, besides the import of a newer sheet carrying a review forward to the same answer (source carried, recorded in response_review too).';

-- The history of verdicts is the audit trail: a verdict changes only
-- through review(), which records who, when, from what and why (or through
-- the import of a newer sheet carrying a review forward, which records it
-- the same way).  No tenant
-- role may UPDATE response at all; this trigger also holds the table's
-- owner and superusers to review().
CREATE FUNCTION kansa.response_verdict_guard() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	-- (IS DISTINCT FROM would look for = on the search_path; verdict is NOT NULL)
	IF NEW.verdict OPERATOR(kansa.<>) OLD.verdict THEN
		PERFORM FROM kansa.response_review AS rr
		 WHERE rr.response_id OPERATOR(pg_catalog.=) NEW.id
		   AND rr.reviewed_at OPERATOR(pg_catalog.=) pg_catalog.now()
		   AND rr.new_verdict OPERATOR(kansa.=) NEW.verdict;
		IF NOT FOUND THEN
			RAISE EXCEPTION 'the verdict of response % can only be changed by kansa.review()', OLD.id
				USING ERRCODE = 'object_not_in_prerequisite_state',
					  HINT = 'Call kansa.review(response_id, verdict, note): it records who changed the verdict, when, from what and why.';
		END IF;
	END IF;
	RETURN NEW;
END;
$$;
COMMENT ON FUNCTION kansa.response_verdict_guard() IS 'Trigger function: refuses a change of response.verdict that review() has not recorded in response_review in the same transaction.';
CREATE TRIGGER response_verdict_guard BEFORE UPDATE OF verdict ON kansa.response
	FOR EACH ROW EXECUTE FUNCTION kansa.response_verdict_guard();
COMMENT ON TRIGGER response_verdict_guard ON kansa.response IS 'Verdicts change only through review() (response_verdict_guard()).';
