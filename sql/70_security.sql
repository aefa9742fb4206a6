-- sql/70_security.sql: roles and tenancy: the six group roles, the check on
-- an organisation's tenant role, row-level security on every tenant table,
-- no statistics on tenants' values, privileges, the owners of the writer
-- functions and of the views, pg_dump of the tenant tables; last, statistics
-- for the shipped catalogs.

-----------------------------------------------------------------------------
-- Roles and tenants
--
-- Six group roles of the cluster, NOLOGIN, made here where they do not
-- exist yet and kept if the extension is dropped (roles are not objects of
-- a database):
--   kansa_admin      catalogs (frameworks, controls, reference values...)
--                    and the import caps; no tenant's rows;
--   kansa_importer   import_sheet(), its dry runs, review();
--   kansa_analyst    reads everything of its organisations; review(),
--                    service_set(), the dependency and evidence-validity
--                    writers;
--   kansa_bi         SELECT on the views only;
--   kansa_view_owner owns the views; has no members;
--   kansa_owner      owns the writer functions (SECURITY DEFINER) and alone
--                    writes the tenant tables; has no members.
--
-- Tenancy is row-level security keyed on role membership: an organisation
-- names a tenant role, and the members of that role (pg_has_role MEMBER)
-- see its rows; nothing depends on a setting a user can change.  Every
-- tenant table has FORCE ROW LEVEL SECURITY and one policy,
-- tenant_visible(organization_id) (see src/tenant.c for why it is a per-row
-- C call costed below any operator).  Tenant roles hold SELECT and nothing
-- else on the tables: every write goes through a writer function, which
-- checks the caller and records it.  The views run with the rights of
-- kansa_view_owner, which is neither superuser nor BYPASSRLS nor a table
-- owner: the tables' policies apply inside them, evaluated for the user who
-- runs the query, so kansa_bi needs SELECT on the views and nothing else.
-----------------------------------------------------------------------------

DO $$
DECLARE
	r record;
BEGIN
	FOR r IN SELECT v.name, v.note, x.rolname, x.rolsuper, x.rolbypassrls, x.rolcanlogin
			   FROM (VALUES ('kansa_admin', 'kansa: administrators. Write the catalogs (frameworks, controls, reference values, service types, links); set the import caps (kansa.import_max_*). No tenant''s rows.'),
							('kansa_importer', 'kansa: importers. Run import_sheet() and its dry runs (read_sheet, sheet_answers) and review(), for the organisations whose tenant role they are also a member of.'),
							('kansa_analyst', 'kansa: analysts. Read every table and view, for the organisations whose tenant role they are also a member of; review() verdicts, record services'' patterns and dependencies and evidence validity through kansa''s functions.'),
							('kansa_bi', 'kansa: BI dashboards. SELECT on kansa''s views only, showing the organisations whose tenant role the dashboard''s login is also a member of.'),
							('kansa_view_owner', 'kansa: owns kansa''s views, so that the tables'' row-level security applies inside them. Has no members and must get none.'),
							('kansa_owner', 'kansa: owns kansa''s writer functions (SECURITY DEFINER) and alone writes the tenant tables; sees every organisation''s rows. Has no members and must get none.'))
					AS v (name, note)
			   LEFT JOIN pg_catalog.pg_roles AS x ON x.rolname OPERATOR(pg_catalog.=) v.name
	LOOP
		IF r.rolname IS NULL THEN
			EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', r.name);
		ELSIF r.rolsuper OR r.rolbypassrls OR r.rolcanlogin THEN
			RAISE EXCEPTION 'role "%" exists and is a superuser, BYPASSRLS or LOGIN role', r.name
				USING ERRCODE = 'invalid_role_specification',
					  HINT = 'kansa''s group roles must be NOLOGIN roles that are subject to row-level security.';
		END IF;
		EXECUTE pg_catalog.format('COMMENT ON ROLE %I IS %L', r.name, r.note);
	END LOOP;
	-- kansa_owner sees every tenant's rows: nobody may act as it
	IF EXISTS (SELECT FROM pg_catalog.pg_auth_members AS m
				WHERE m.roleid OPERATOR(pg_catalog.=) 'kansa_owner'::pg_catalog.regrole) THEN
		RAISE EXCEPTION 'role "kansa_owner" has members'
			USING ERRCODE = 'invalid_role_specification',
				  HINT = 'kansa_owner sees every organisation''s rows; revoke it from every role before installing kansa.';
	END IF;
END
$$;

-- An organisation's tenant role must be a role that membership can mean
-- something for: not a superuser, not BYPASSRLS, not one of kansa's group
-- roles (all importers would be the tenant), not PUBLIC.
CREATE FUNCTION kansa.organization_check() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	r record;
BEGIN
	IF NEW.tenant_role IS NULL THEN
		RETURN NEW;
	END IF;
	SELECT x.rolsuper, x.rolbypassrls INTO r FROM pg_catalog.pg_roles AS x
	 WHERE x.rolname OPERATOR(pg_catalog.=) NEW.tenant_role;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'role "%" does not exist', NEW.tenant_role
			USING ERRCODE = 'undefined_object';
	END IF;
	IF r.rolsuper OR r.rolbypassrls
	   OR NEW.tenant_role OPERATOR(pg_catalog.=) ANY (ARRAY['kansa_admin', 'kansa_importer',
					  'kansa_analyst', 'kansa_bi', 'kansa_view_owner', 'kansa_owner', 'public']) THEN
		RAISE EXCEPTION 'role "%" cannot be the tenant role of organization "%"',
			NEW.tenant_role, NEW.name
			USING ERRCODE = 'invalid_role_specification',
				  HINT = 'Use a NOLOGIN group role of its own for each organisation (neither superuser nor BYPASSRLS, nor one of kansa''s roles) and grant it to the organisation''s login roles.';
	END IF;
	RETURN NEW;
END;
$$;
COMMENT ON FUNCTION kansa.organization_check() IS 'Trigger function: refuses a tenant role that does not exist, is a superuser or BYPASSRLS role, or is one of kansa''s group roles or PUBLIC.';
CREATE TRIGGER organization_check BEFORE INSERT OR UPDATE OF tenant_role ON kansa.organization
	FOR EACH ROW EXECUTE FUNCTION kansa.organization_check();
COMMENT ON TRIGGER organization_check ON kansa.organization IS 'Checks the tenant role (organization_check()).';

-- Row-level security: one policy per tenant table, the same per-row test.
-- The composite foreign keys (…, organization_id) keep a row from pointing
-- at another tenant's rows.
ALTER TABLE kansa.organization ENABLE ROW LEVEL SECURITY;
ALTER TABLE kansa.organization FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON kansa.organization USING (kansa.tenant_visible(id));
COMMENT ON POLICY tenant ON kansa.organization IS 'An organisation is seen only by the members of its tenant role (and superusers, and kansa''s writer functions): tenant_visible(id).';

DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['vendor', 'service', 'service_dependency', 'import_batch', 'assessment',
							 'response', 'response_evidence', 'response_measure', 'response_review',
							 'import_reject', 'evidence_validity', 'scope', 'section_tally',
							 'assessment_tally', 'control_gap']
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

-- No statistics on what a tenant's rows hold.  The planner estimates a
-- condition with a LEAKPROOF operator (text =, <, ...) from a column's most
-- common values and histogram even under row-level security, and a
-- different estimate can give a different plan, which EXPLAIN shows: so
-- another organisation's values could be told apart without one row being
-- read.  Only the id columns, which joins need, keep statistics (and
-- superseded_by, an id whose NULLs mark the current assessments); the
-- expression indexes on names none.
DO $$
DECLARE
	c record;
BEGIN
	FOR c IN SELECT k.oid::regclass AS rel, a.attname
			   FROM pg_catalog.pg_class AS k
			   JOIN pg_catalog.pg_attribute AS a
				 ON a.attrelid OPERATOR(pg_catalog.=) k.oid AND a.attnum OPERATOR(pg_catalog.>) 0
			  WHERE k.relnamespace OPERATOR(pg_catalog.=) 'kansa'::pg_catalog.regnamespace
				AND k.relkind OPERATOR(pg_catalog.=) 'r' AND k.relrowsecurity AND NOT a.attisdropped
				AND a.attname OPERATOR(pg_catalog.!~) '(^id|_id|^superseded_by)$'
	LOOP
		EXECUTE pg_catalog.format('ALTER TABLE %s ALTER COLUMN %I SET STATISTICS 0', c.rel, c.attname);
	END LOOP;
END
$$;
ALTER INDEX kansa.organization_name_key ALTER COLUMN 1 SET STATISTICS 0;
ALTER INDEX kansa.organization_tenant_role_key ALTER COLUMN 1 SET STATISTICS 0;
ALTER INDEX kansa.vendor_name_key ALTER COLUMN 2 SET STATISTICS 0;
ALTER INDEX kansa.scope_name_key ALTER COLUMN 2 SET STATISTICS 0;
ALTER INDEX kansa.scope_name_key ALTER COLUMN 3 SET STATISTICS 0;
ALTER INDEX kansa.service_name_key ALTER COLUMN 3 SET STATISTICS 0;
ALTER INDEX kansa.assessment_current_idx ALTER COLUMN 3 SET STATISTICS 0;

-- Privileges.  Nothing of a tenant's is PUBLIC; the catalogs stay readable
-- by everyone (above).  Tenant roles read; only kansa_owner writes.
REVOKE ALL ON kansa.organization, kansa.vendor, kansa.service, kansa.service_dependency,
	kansa.import_batch, kansa.assessment, kansa.response, kansa.response_evidence,
	kansa.response_measure, kansa.response_review, kansa.import_reject,
	kansa.evidence_validity, kansa.scope, kansa.section_tally, kansa.assessment_tally,
	kansa.control_gap FROM PUBLIC;
GRANT SELECT ON kansa.organization, kansa.vendor, kansa.service, kansa.service_dependency,
	kansa.import_batch, kansa.assessment, kansa.response, kansa.response_evidence,
	kansa.response_measure, kansa.response_review, kansa.import_reject,
	kansa.evidence_validity, kansa.scope, kansa.section_tally, kansa.assessment_tally,
	kansa.control_gap TO kansa_analyst, kansa_importer, kansa_view_owner;
GRANT SELECT, INSERT, UPDATE, DELETE ON kansa.organization, kansa.vendor, kansa.service,
	kansa.service_dependency, kansa.import_batch, kansa.assessment, kansa.response,
	kansa.response_evidence, kansa.response_measure, kansa.response_review,
	kansa.import_reject, kansa.evidence_validity, kansa.scope, kansa.section_tally,
	kansa.assessment_tally, kansa.control_gap TO kansa_owner;
-- the import holds the summary triggers back and refreshes once at its end
GRANT SET ON PARAMETER kansa.maintain_summaries TO kansa_owner;
GRANT USAGE ON SEQUENCE kansa.assessment_id_seq, kansa.scope_id_seq TO kansa_owner;
GRANT SELECT ON kansa.framework, kansa.control TO kansa_owner;

-- administrators keep the catalogs
GRANT INSERT, UPDATE, DELETE ON kansa.framework, kansa.control, kansa.quantity, kansa.lexicon,
	kansa.reference_item, kansa.reference_value, kansa.service_type, kansa.control_link
	TO kansa_admin;
GRANT USAGE ON SEQUENCE kansa.control_position_seq, kansa.reference_item_id_seq TO kansa_admin;
GRANT SET ON PARAMETER kansa.import_max_file_size, kansa.import_max_inflated_size,
	kansa.import_max_rows, kansa.import_max_columns, kansa.import_max_cell_size TO kansa_admin;

-- The bodies of the writer functions belong to kansa_owner and run with its
-- rights; no other role may call them or their helpers (the entry points
-- call them through the function manager, which checks no privilege).
ALTER FUNCTION kansa.import_sheet_by(oid, text, text, text, text, bytea, text, jsonb) OWNER TO kansa_owner;
ALTER FUNCTION kansa.review_by(oid, bigint, kansa.answer, text) OWNER TO kansa_owner;
ALTER FUNCTION kansa.service_set_by(oid, text, text, text, text, text, text, integer) OWNER TO kansa_owner;
ALTER FUNCTION kansa.service_dependency_set_by(oid, text, text, text, text, text, text) OWNER TO kansa_owner;
ALTER FUNCTION kansa.service_dependency_delete_by(oid, text, text, text, text, text) OWNER TO kansa_owner;
ALTER FUNCTION kansa.evidence_validity_set_by(oid, text, kansa.evidence, date, date, text) OWNER TO kansa_owner;
ALTER FUNCTION kansa.evidence_validity_delete_by(oid, text, kansa.evidence) OWNER TO kansa_owner;
ALTER FUNCTION kansa.scope_set_by(oid, text, text, text, text[], text) OWNER TO kansa_owner;
ALTER FUNCTION kansa.scope_delete_by(oid, text, text, text) OWNER TO kansa_owner;
ALTER FUNCTION kansa.organization_review_interval_set_by(oid, text, interval) OWNER TO kansa_owner;
ALTER FUNCTION kansa.service_review_interval_set_by(oid, text, text, text, interval) OWNER TO kansa_owner;
ALTER FUNCTION kansa.summary_refresh(bigint[]) OWNER TO kansa_owner;
ALTER FUNCTION kansa.summary_rebuild() OWNER TO kansa_owner;
ALTER FUNCTION kansa.summary_changed() OWNER TO kansa_owner;

REVOKE EXECUTE ON FUNCTION kansa.import_sheet(text, text, text, text, bytea, text, jsonb),
	kansa.sheet_answers(bytea, text, text[], text[], text[], jsonb),
	kansa.sheet_answers(bytea, text, jsonb), kansa.read_sheet(bytea, jsonb),
	kansa.review(bigint, kansa.answer, text), kansa.control_tree_refresh(),
	kansa.organization_check(), kansa.analyze_stale_tables(real), kansa.response_verdict_guard(),
	kansa.caller_organization(oid, text, boolean),
	kansa.caller_organizations(oid), kansa.organization_service(bigint, text, text, boolean),
	kansa.service_set(text, text, text, text, text, text, integer),
	kansa.service_dependency_set(text, text, text, text, text, text),
	kansa.service_dependency_delete(text, text, text, text, text),
	kansa.evidence_validity_set(text, kansa.evidence, date, date, text),
	kansa.evidence_validity_delete(text, kansa.evidence),
	kansa.scope_set(text, text, text, text[], text), kansa.scope_delete(text, text, text),
	kansa.sheet_frameworks(bytea, jsonb), kansa.sheet_lines(bytea, text, jsonb),
	kansa.import_sheet_by(oid, text, text, text, text, bytea, text, jsonb),
	kansa.review_by(oid, bigint, kansa.answer, text),
	kansa.service_set_by(oid, text, text, text, text, text, text, integer),
	kansa.service_dependency_set_by(oid, text, text, text, text, text, text),
	kansa.service_dependency_delete_by(oid, text, text, text, text, text),
	kansa.evidence_validity_set_by(oid, text, kansa.evidence, date, date, text),
	kansa.evidence_validity_delete_by(oid, text, kansa.evidence),
	kansa.scope_set_by(oid, text, text, text, text[], text),
	kansa.scope_delete_by(oid, text, text, text),
	kansa.organization_review_interval_set(text, interval),
	kansa.service_review_interval_set(text, text, text, interval),
	kansa.organization_review_interval_set_by(oid, text, interval),
	kansa.service_review_interval_set_by(oid, text, text, text, interval),
	kansa.attention(interval), kansa.change_summary(bigint),
	kansa.summary_refresh(bigint[]), kansa.summary_rebuild(), kansa.summary_changed(),
	kansa.summary_dependents(bigint[])
	FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kansa.summary_dependents(bigint[]) TO kansa_owner;
GRANT EXECUTE ON FUNCTION kansa.summary_rebuild() TO kansa_admin;
GRANT EXECUTE ON FUNCTION kansa.sheet_answers(bytea, text, text[], text[], text[], jsonb),
	kansa.sheet_answers(bytea, text, jsonb), kansa.read_sheet(bytea, jsonb),
	kansa.sheet_frameworks(bytea, jsonb), kansa.sheet_lines(bytea, text, jsonb),
	kansa.caller_organization(oid, text, boolean),
	kansa.caller_organizations(oid), kansa.organization_service(bigint, text, text, boolean),
	kansa.analyze_stale_tables(real)
	TO kansa_owner;
GRANT EXECUTE ON FUNCTION kansa.import_sheet(text, text, text, text, bytea, text, jsonb),
	kansa.sheet_answers(bytea, text, text[], text[], text[], jsonb),
	kansa.sheet_answers(bytea, text, jsonb), kansa.read_sheet(bytea, jsonb),
	kansa.sheet_frameworks(bytea, jsonb), kansa.sheet_lines(bytea, text, jsonb),
	kansa.analyze_stale_tables(real) TO kansa_importer;
GRANT EXECUTE ON FUNCTION kansa.review(bigint, kansa.answer, text)
	TO kansa_importer, kansa_analyst;
GRANT EXECUTE ON FUNCTION kansa.service_set(text, text, text, text, text, text, integer),
	kansa.service_dependency_set(text, text, text, text, text, text),
	kansa.service_dependency_delete(text, text, text, text, text),
	kansa.evidence_validity_set(text, kansa.evidence, date, date, text),
	kansa.evidence_validity_delete(text, kansa.evidence),
	kansa.scope_set(text, text, text, text[], text), kansa.scope_delete(text, text, text),
	kansa.organization_review_interval_set(text, interval),
	kansa.service_review_interval_set(text, text, text, interval) TO kansa_analyst;
-- they read views as the caller (so the caller's row-level security applies)
GRANT EXECUTE ON FUNCTION kansa.attention(interval), kansa.change_summary(bigint)
	TO kansa_bi, kansa_analyst, kansa_importer;
GRANT EXECUTE ON FUNCTION kansa.control_tree_refresh() TO kansa_admin;
-- crosswalks in: administrators keep the catalogs (import_links() reads a
-- CSV with read_sheet(), as the caller)
REVOKE EXECUTE ON FUNCTION kansa.import_links(bytea, text, jsonb),
	kansa.import_links_fail(text, text, text), kansa.import_links_text(jsonb, text, text, boolean),
	kansa.import_links_node(jsonb, text, text, text, boolean), kansa.import_links_word(text, text[], text),
	kansa.import_links_confidence(jsonb, text), kansa.import_links_framework(jsonb, text),
	kansa.import_links_control(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kansa.import_links(bytea, text, jsonb),
	kansa.import_links_fail(text, text, text), kansa.import_links_text(jsonb, text, text, boolean),
	kansa.import_links_node(jsonb, text, text, text, boolean), kansa.import_links_word(text, text[], text),
	kansa.import_links_confidence(jsonb, text), kansa.import_links_framework(jsonb, text),
	kansa.import_links_control(text, text, text), kansa.read_sheet(bytea, jsonb) TO kansa_admin;
-- projected_coverage(framework, service_id) reads the view as its caller
GRANT EXECUTE ON FUNCTION kansa.projected_coverage(text, bigint) TO PUBLIC;

-- The views: owned by kansa_view_owner (see above), read by the tenants.
DO $$
DECLARE
	v text;
BEGIN
	FOREACH v IN ARRAY ARRAY['control_section', 'response_gap', 'assessment_control', 'gaps',
							 'review_queue',
							 'section_coverage', 'assessment_summary', 'assessment_findings',
							 'reference_check',
							 'evidence_register', 'organization_summary',
							 'section_coverage_recomputed', 'assessment_summary_recomputed',
							 'response_gap_recomputed', 'assessment_change', 'service_history',
							 'attention_calendar', 'attention',
							 'projection_path', 'projected_coverage', 'crosswalk_reuse',
							 'control_link_both', 'control_path']
	LOOP
		EXECUTE pg_catalog.format('ALTER VIEW kansa.%I OWNER TO kansa_view_owner', v);
		EXECUTE pg_catalog.format('GRANT SELECT ON kansa.%I TO kansa_bi, kansa_analyst, kansa_importer', v);
	END LOOP;
	-- summary_refresh() reads the reference check as kansa_owner
	GRANT SELECT ON kansa.reference_check TO kansa_owner;
	-- the crosswalks read the catalogs only: everyone's, as the catalogs
	GRANT SELECT ON kansa.control_link_both, kansa.control_path TO PUBLIC;
END
$$;

SELECT pg_catalog.pg_extension_config_dump('kansa.organization', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.vendor', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.service', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.import_batch', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.assessment', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.response', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.response_evidence', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.response_measure', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.response_review', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.import_reject', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.service_dependency', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.evidence_validity', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.scope', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.scope_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.organization_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.vendor_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.service_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.import_batch_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.assessment_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.response_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.response_review_id_seq', '');

-- The shipped catalogs have their statistics from the start, so that the
-- views are not planned on none (see analyze_stale_tables()).
ANALYZE kansa.framework, kansa.control, kansa.quantity, kansa.reference_item,
	kansa.reference_value, kansa.service_type, kansa.control_link;
