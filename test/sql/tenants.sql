-- Tenants: two organisations in one database, each mapped to a tenant role,
-- with real sheets imported by their own importers.  Every item of the
-- "Tenants" table of the hostile-input test plan (README, Security model): org A's analyst, BI and
-- importer roles read every table and view and see 0 rows of org B, also
-- after SETting what they can; a leaky function in WHERE sees no org-B
-- value; no tenant role is superuser, BYPASSRLS or table owner and every
-- tenant table has FORCE ROW LEVEL SECURITY; writes with org B's id fail.
SET client_min_messages = warning;
\set SHOW_CONTEXT never
\set VERBOSITY terse
-- the fixtures, read by the server from the test directory (pg_regress sets
-- PG_ABS_SRCDIR; scripts/run-suite sets it for pgTAP too), as the superuser:
-- the importers below may not read server files
\getenv abs_srcdir PG_ABS_SRCDIR
\set fisc_file :abs_srcdir '/fixtures/sheets/fisc8_liveon.xlsx'
\set meti_file :abs_srcdir '/fixtures/sheets/meti_cloud_light2.xlsx'
\set iso_file :abs_srcdir '/fixtures/sheets/iso27017_liveon.csv'
SELECT pg_read_binary_file(:'fisc_file') AS fisc, pg_read_binary_file(:'meti_file') AS meti,
       pg_read_binary_file(:'iso_file') AS iso \gset
\set vendor_1 'ジャパンメディアシステム株式会社 (tenants)'
\set vendor_2 '株式会社LIGHT2 (tenants)'

-- The roles: a NOLOGIN tenant role per organisation, and the people and
-- tools acting for it (NOLOGIN here so that SET ROLE can stand for a login).
CREATE ROLE tenants_org_a NOLOGIN;
CREATE ROLE tenants_org_b NOLOGIN;
CREATE ROLE tenants_importer_a NOLOGIN IN ROLE kansa_importer, tenants_org_a;
CREATE ROLE tenants_analyst_a NOLOGIN IN ROLE kansa_analyst, tenants_org_a;
CREATE ROLE tenants_bi_a NOLOGIN IN ROLE kansa_bi, tenants_org_a;
CREATE ROLE tenants_importer_b NOLOGIN IN ROLE kansa_importer, tenants_org_b;
CREATE ROLE tenants_analyst_b NOLOGIN IN ROLE kansa_analyst, tenants_org_b;
-- a person of org A who is no kansa role at all
CREATE ROLE tenants_nobody_a NOLOGIN IN ROLE tenants_org_a;

-- A superuser creates the organisations and maps them.
INSERT INTO kansa.organization (name, tenant_role)
VALUES ('Alpha Bank', 'tenants_org_a'), ('Beta Bank', 'tenants_org_b');
-- a tenant role must be one whose membership means something
INSERT INTO kansa.organization (name, tenant_role) VALUES ('Bank C', 'kansa_importer');
INSERT INTO kansa.organization (name, tenant_role) VALUES ('Bank C', 'no_such_role');
INSERT INTO kansa.organization (name, tenant_role) VALUES ('Bank C', CURRENT_USER);

-- Each importer imports for its own organisation.  Bank B imports the very
-- file Bank A imported: for B it is new, not "already loaded".
SET ROLE tenants_importer_a;
SELECT status, responses, rejected
  FROM kansa.import_sheet('Alpha Bank', :'vendor_1', 'LiveOn', 'fisc8',
                          :'fisc'::bytea, 'fisc8_liveon.xlsx');
SELECT status, responses, rejected
  FROM kansa.import_sheet('Alpha Bank', :'vendor_1', 'LiveOn', 'iso27017',
                          :'iso'::bytea, 'iso27017_liveon.csv');
-- org B's organisation does not exist for A, no more than one never made
SELECT status FROM kansa.import_sheet('Beta Bank', :'vendor_1', 'LiveOn',
                                      'fisc8', :'fisc'::bytea, 'fisc8_liveon.xlsx');
SELECT status FROM kansa.import_sheet('Bank Z', 'V', 'S', 'fisc8',
                                      :'fisc'::bytea, 'fisc8_liveon.xlsx');
RESET ROLE;
SET ROLE tenants_importer_b;
SELECT status, responses, rejected
  FROM kansa.import_sheet('Beta Bank', :'vendor_1', 'LiveOn', 'fisc8',
                          :'fisc'::bytea, 'fisc8_liveon.xlsx');
SELECT status, responses, rejected
  FROM kansa.import_sheet('Beta Bank', :'vendor_2', 'ものづくりコネクテッドクラウドサービス',
                          'meti_cloud', :'meti'::bytea, 'meti_cloud_light2.xlsx',
                          '{"received": "2024-04-01"}');
-- a quarantined reject, so that import_reject holds a row of B's
SELECT status, responses, rejected
  FROM kansa.import_sheet('Beta Bank', :'vendor_2', 'ものづくりコネクテッドクラウドサービス',
                          'iso27017', convert_to(E'ID,回答\n5.1.1,方針を定めています。\n99.9,不明な番号\n', 'UTF8'),
                          'iso_b.csv', '{"mode": "quarantine"}');
SELECT status FROM kansa.import_sheet('Beta Bank', :'vendor_1', 'LiveOn',
                                      'fisc8', :'fisc'::bytea, 'fisc8_liveon.xlsx');
RESET ROLE;

-- Analysts' data of both: a review each, evidence validity each.
SET ROLE tenants_analyst_a;
SELECT (kansa.review(r.id, 'partial/provider', 'A checked the log')).verdict::text
  FROM kansa.response AS r WHERE r.control OPERATOR(kansa.=) 'fisc8:設1';
SELECT count(kansa.evidence_validity_set('Alpha Bank', e.evidence, DATE '2030-03-31', NULL, 'A: checked'))
  FROM (SELECT DISTINCT re.evidence FROM kansa.response_evidence AS re) AS e;
RESET ROLE;
SET ROLE tenants_analyst_b;
SELECT (kansa.review(r.id, 'not_implemented/provider', 'B: secret finding')).verdict::text
  FROM kansa.response AS r WHERE r.control OPERATOR(kansa.=) 'fisc8:設1';
SELECT count(kansa.evidence_validity_set('Beta Bank', e.evidence, DATE '2020-01-31', NULL, 'B: expired'))
  FROM (SELECT DISTINCT re.evidence FROM kansa.response_evidence AS re) AS e;
-- B's judgement of its own copy of LiveOn, and a dependency: B's alone
SELECT pattern FROM kansa.service_set('Beta Bank', :'vendor_1', 'LiveOn', NULL, '高', '高');
SELECT kansa.service_dependency_set('Beta Bank', :'vendor_1', 'LiveOn', 'B: DC', 'B: DC Tokyo', 'B: hosted');
-- and the controls B asks: B's alone
SELECT name, cardinality(controls) FROM kansa.scope_set('Beta Bank', 'fisc8', 'B: secret scope', ARRAY['設1', '設2'], 'B: note');
RESET ROLE;

-- A plan made for a user who sees every row has no policy in it
-- (tenant_visible_support() simplifies it to true, so that kansa's own
-- functions use the indexes a policy would bar); the same statement run
-- as a tenant is planned again, with the policy.  A prepared statement
-- and a function's cached plan, made by the superuser, then used by A.
SET plan_cache_mode = force_generic_plan;
PREPARE tenants_responses AS
SELECT count(*) AS responses, count(DISTINCT organization_id) AS organizations FROM kansa.response;
EXECUTE tenants_responses;
EXPLAIN (COSTS OFF) EXECUTE tenants_responses;
CREATE FUNCTION public.tenants_services() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
	RETURN (SELECT count(*) FROM kansa.service AS s
			 WHERE kansa.name_key(s.name) = kansa.name_key('LiveOn'));
END
$$;
SELECT public.tenants_services() AS services_named_liveon;
SET ROLE tenants_analyst_a;
EXECUTE tenants_responses;
EXPLAIN (COSTS OFF) EXECUTE tenants_responses;
SELECT public.tenants_services() AS services_named_liveon;
RESET ROLE;
DEALLOCATE tenants_responses;
DROP FUNCTION public.tenants_services();
RESET plan_cache_mode;

-- What is org B's: as the superuser sees it.
CREATE TABLE public.org_b (kind text, id bigint);
INSERT INTO public.org_b
SELECT 'organization', id FROM kansa.organization WHERE name = 'Beta Bank'
UNION ALL SELECT 'assessment', a.id FROM kansa.assessment AS a
  JOIN kansa.organization AS o ON o.id = a.organization_id WHERE o.name = 'Beta Bank'
UNION ALL SELECT 'batch', b.id FROM kansa.import_batch AS b
  JOIN kansa.organization AS o ON o.id = b.organization_id WHERE o.name = 'Beta Bank'
UNION ALL SELECT 'response', r.id FROM kansa.response AS r
  JOIN kansa.organization AS o ON o.id = r.organization_id WHERE o.name = 'Beta Bank'
UNION ALL SELECT 'vendor', v.id FROM kansa.vendor AS v
  JOIN kansa.organization AS o ON o.id = v.organization_id WHERE o.name = 'Beta Bank'
UNION ALL SELECT 'service', s.id FROM kansa.service AS s
  JOIN kansa.organization AS o ON o.id = s.organization_id WHERE o.name = 'Beta Bank';
GRANT SELECT ON public.org_b TO PUBLIC;
SELECT kind, count(*) FROM public.org_b GROUP BY kind ORDER BY kind;
SELECT count(*) AS rejects_of_b FROM kansa.import_reject
 WHERE organization_id = (SELECT id FROM public.org_b WHERE kind = 'organization');

-- A row is org B's when any key of it names one of B's organisation,
-- assessments, batches or responses, or B's name or notes.
CREATE TABLE public.org_b_keys AS
SELECT kind || '_id' AS key, array_agg(id) AS ids FROM public.org_b GROUP BY kind;
GRANT SELECT ON public.org_b_keys TO PUBLIC;
CREATE FUNCTION public.is_org_b(j jsonb) RETURNS boolean LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT FROM public.org_b_keys AS k
	                WHERE (j->>k.key)::bigint = ANY (k.ids))
	    OR j->>'organization' = 'Beta Bank' OR j::text LIKE '%B: %' OR j::text LIKE '%iso_b.csv%'
$$;
-- Every kansa table and view the current role may read: its rows, and how
-- many of them are org B's (a view or table it may not read is left out).
CREATE FUNCTION public.tenant_scan() RETURNS TABLE (relation text, kind "char", visible bigint, of_b bigint)
LANGUAGE plpgsql AS $$
DECLARE
	c record;
BEGIN
	FOR c IN SELECT x.oid, x.relname, x.relkind FROM pg_class AS x
	          WHERE x.relnamespace = 'kansa'::regnamespace AND x.relkind IN ('r', 'v')
	            AND has_table_privilege(x.oid, 'SELECT') ORDER BY x.relname LOOP
		relation := c.relname;
		kind := c.relkind;
		EXECUTE format('SELECT count(*), count(*) FILTER (WHERE public.is_org_b(to_jsonb(t))) FROM %s AS t',
		               c.oid::regclass) INTO visible, of_b;
		RETURN NEXT;
	END LOOP;
END
$$;
-- the scan can fail: the superuser sees B's rows
SELECT relation, of_b FROM public.tenant_scan() WHERE of_b > 0 ORDER BY relation;

-- Org A's roles: 0 rows of org B in every table and view they may read, and
-- rows of their own where there are some.
SET ROLE tenants_analyst_a;
SELECT * FROM public.tenant_scan() WHERE kind = 'v' OR relation IN (
  'organization', 'vendor', 'service', 'service_dependency', 'import_batch', 'assessment',
  'response', 'response_evidence', 'response_measure', 'response_review', 'import_reject',
  'evidence_validity', 'scope', 'section_tally', 'assessment_tally', 'control_gap');
RESET ROLE;
SET ROLE tenants_bi_a;
SELECT * FROM public.tenant_scan() WHERE kind = 'v' OR relation IN (
  'organization', 'vendor', 'service', 'service_dependency', 'import_batch', 'assessment',
  'response', 'response_evidence', 'response_measure', 'response_review', 'import_reject',
  'evidence_validity', 'scope', 'section_tally', 'assessment_tally', 'control_gap');
-- the BI role reads the views and no tenant table
SELECT count(*) FROM kansa.response;
RESET ROLE;
SET ROLE tenants_importer_a;
SELECT sum(visible) > 0 AS sees_own, sum(of_b) AS of_b FROM public.tenant_scan();
RESET ROLE;
-- a member of org A's role with no kansa role reads nothing but the catalogs
SET ROLE tenants_nobody_a;
SELECT string_agg(relation, ', ') AS readable, sum(of_b) AS of_b FROM public.tenant_scan()
 WHERE relation IN ('organization', 'import_batch', 'assessment', 'response', 'gaps');
RESET ROLE;

-- The same roles after SETting what they can.  row_security = off makes a
-- query RLS would filter fail rather than show more; the kansa. prefix is
-- reserved; a made-up tenant setting means nothing; every user-settable
-- planner and boolean setting flipped changes no row.
SET ROLE tenants_analyst_a;
SET row_security = off;
SELECT count(*) FROM kansa.response;
SELECT count(*) FROM kansa.gaps;
RESET row_security;
SET kansa.organization = 'Beta Bank';
SET app.organization_id = '2';
SET search_path = public, kansa, pg_catalog;
SET application_name = 'Beta Bank';
DO $$
DECLARE
	s record;
BEGIN
	FOR s IN SELECT name, setting FROM pg_settings
	          WHERE context = 'user' AND vartype = 'bool'
	            AND name NOT IN ('row_security', 'transaction_read_only', 'transaction_deferrable',
	                             'default_transaction_read_only', 'check_function_bodies') LOOP
		PERFORM set_config(s.name, CASE s.setting WHEN 'on' THEN 'off' ELSE 'on' END, false);
	END LOOP;
END
$$;
SELECT count(*) > 5 AS flipped FROM pg_settings
 WHERE context = 'user' AND vartype = 'bool' AND setting <> reset_val;
SELECT sum(visible) > 0 AS sees_own, sum(of_b) AS of_b FROM public.tenant_scan();
RESET ALL;
SET ROLE kansa_analyst;
SELECT sum(visible) AS visible_tenant_rows, sum(of_b) AS of_b FROM public.tenant_scan()
 WHERE relation IN ('organization', 'import_batch', 'assessment', 'response', 'gaps');
RESET ROLE;
SET client_min_messages = warning;

-- A leaky function in WHERE, made as cheap as can be so that the planner
-- would like to run it first: it sees no value of org B.
CREATE TABLE public.leaked (value text);
GRANT INSERT, SELECT ON public.leaked TO PUBLIC;
CREATE FUNCTION public.leak(v text) RETURNS boolean LANGUAGE plpgsql COST 0.0000001 AS $$
BEGIN
	RAISE NOTICE 'leak: %', v;
	INSERT INTO public.leaked VALUES (v);
	RETURN true;
END
$$;
SET ROLE tenants_analyst_a;
SELECT count(*) FROM kansa.response WHERE public.leak('org=' || organization_id || ' ' || raw_text);
SELECT count(*) FROM kansa.response_review WHERE public.leak('org=' || organization_id || ' ' || note);
SELECT count(*) FROM kansa.evidence_validity WHERE public.leak('org=' || organization_id || ' ' || note);
SELECT count(*) FROM kansa.organization WHERE public.leak(name);
SELECT count(*) FROM kansa.import_batch WHERE public.leak('org=' || organization_id || ' ' || file_name);
RESET ROLE;
SET ROLE tenants_bi_a;
SELECT count(*) FROM kansa.gaps WHERE public.leak(organization || ' ' || coalesce(answer_excerpt, ''));
SELECT count(*) FROM kansa.assessment_summary WHERE public.leak(organization);
SELECT count(*) FROM kansa.evidence_register WHERE public.leak(organization || ' ' || coalesce(valid_until::text, ''));
SELECT count(*) FROM kansa.response_gap WHERE public.leak('asm=' || assessment_id || ' ' || coalesce(verdict, ''));
RESET ROLE;
SELECT count(*) > 0 AS leak_ran,
       count(*) FILTER (WHERE value LIKE 'Beta Bank%' OR value LIKE '%B: %' OR value LIKE '%2020-01-31%'
                           OR value LIKE '%iso_b.csv%'
                           OR split_part(value, ' ', 1) IN (SELECT 'org=' || id FROM public.org_b
                                                             WHERE kind = 'organization'
                                                            UNION ALL
                                                            SELECT 'asm=' || id FROM public.org_b
                                                             WHERE kind = 'assessment')) AS of_b
  FROM public.leaked;
-- the check can fail: the superuser's leak sees B
SELECT count(*) FROM kansa.organization WHERE public.leak(name) AND name = 'Beta Bank';
SELECT count(*) AS of_b FROM public.leaked WHERE value = 'Beta Bank';

-- Catalog check: no tenant role, nor any kansa role, is superuser or
-- BYPASSRLS or owns a table; every tenant table has row-level security,
-- forced; the tables without it are the shared catalogs and vendor data.
SELECT r.rolname, r.rolsuper, r.rolbypassrls, r.rolcanlogin,
       (SELECT count(*) FROM pg_class AS c WHERE c.relowner = r.oid AND c.relkind = 'r') AS owns_tables
  FROM pg_roles AS r
 WHERE r.rolname LIKE 'kansa\_%' OR r.rolname IN (SELECT tenant_role FROM kansa.organization)
 ORDER BY r.rolname;
SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
       (SELECT count(*) FROM pg_policy AS p WHERE p.polrelid = c.oid) AS policies
  FROM pg_class AS c
 WHERE c.relnamespace = 'kansa'::regnamespace AND c.relkind = 'r'
 ORDER BY c.relrowsecurity DESC, c.relname;
-- the views' owner is held to the policies
SELECT DISTINCT pg_get_userbyid(c.relowner) AS view_owner
  FROM pg_class AS c WHERE c.relnamespace = 'kansa'::regnamespace AND c.relkind = 'v';

-- Writes with org B's id by org A: rejected.  Tenant roles write no table
-- at all (only kansa's functions do), so every attempt fails alike.
SET ROLE tenants_importer_a;
-- a batch of B's
INSERT INTO kansa.import_batch (organization_id, service_id, framework, file_name, sha256,
                                size_bytes, mode, started_at)
SELECT (SELECT id FROM public.org_b WHERE kind = 'organization'), s.id, 'fisc8', 'x', '\x00', 1,
       'strict', now()
  FROM kansa.service AS s LIMIT 1;
-- a response of A's in B's assessment: the composite foreign key refuses it
INSERT INTO kansa.response (assessment_id, organization_id, control, via, verdict, verdict_source)
SELECT (SELECT min(id) FROM public.org_b WHERE kind = 'assessment'), o.id, 'iso27017:5.1.1', 'row',
       'implemented/provider', 'analyst'
  FROM kansa.organization AS o WHERE o.name = 'Alpha Bank';
-- a response of B's: row-level security refuses it
INSERT INTO kansa.response (assessment_id, organization_id, control, via, verdict, verdict_source)
SELECT (SELECT min(id) FROM public.org_b WHERE kind = 'assessment'),
       (SELECT id FROM public.org_b WHERE kind = 'organization'), 'fisc8:設1', 'row',
       'implemented/provider', 'analyst';
-- B's rows cannot be changed: they are not there
WITH u AS (UPDATE kansa.response SET verdict = 'implemented/provider'
            WHERE id IN (SELECT id FROM public.org_b WHERE kind = 'response') RETURNING 1)
SELECT count(*) AS updated FROM u;
WITH u AS (UPDATE kansa.import_batch SET status = 'loaded'
            WHERE organization_id = (SELECT id FROM public.org_b WHERE kind = 'organization')
           RETURNING 1)
SELECT count(*) AS updated FROM u;
-- a verdict of A's own, changed without review(): refused, as it would
-- leave no history
DO $$
BEGIN
	UPDATE kansa.response SET verdict = 'implemented/provider'
	 WHERE control OPERATOR(kansa.=) 'fisc8:設2'
	   AND organization_id = (SELECT id FROM kansa.organization WHERE name = 'Alpha Bank');
EXCEPTION WHEN object_not_in_prerequisite_state THEN
	RAISE WARNING 'direct update: %', regexp_replace(SQLERRM, '[0-9]+', 'N');
END
$$;
-- review() of B's response: it does not exist for A
DO $$
BEGIN
	PERFORM kansa.review((SELECT min(id) FROM public.org_b WHERE kind = 'response'), 'implemented/provider');
EXCEPTION WHEN no_data_found THEN
	RAISE WARNING 'review of B''s response: %', regexp_replace(SQLERRM, '[0-9]+', 'N');
END
$$;
RESET ROLE;
SET ROLE tenants_analyst_a;
-- through the functions: B "does not exist"
SELECT kansa.evidence_validity_set('Beta Bank', 'cert:X', '2030-01-01');
SELECT kansa.service_set('Beta Bank', :'vendor_1', 'LiveOn', NULL, NULL, NULL, 6);
SELECT kansa.scope_set('Beta Bank', 'fisc8', 'B: secret scope', ARRAY['設3']);
SELECT kansa.scope_delete('Beta Bank', 'fisc8', 'B: secret scope');
-- directly: evidence validity inserted for B, own row moved to B, upserted onto B's id
INSERT INTO kansa.evidence_validity (organization_id, evidence, valid_until)
VALUES ((SELECT id FROM public.org_b WHERE kind = 'organization'), 'cert:X', '2030-01-01');
UPDATE kansa.evidence_validity SET organization_id = (SELECT id FROM public.org_b WHERE kind = 'organization');
INSERT INTO kansa.evidence_validity (organization_id, evidence, valid_until)
SELECT o.id, e.evidence, '2031-01-01' FROM kansa.organization AS o, kansa.evidence_validity AS e
 WHERE o.name = 'Alpha Bank' LIMIT 1
ON CONFLICT (organization_id, evidence)
DO UPDATE SET organization_id = (SELECT id FROM public.org_b WHERE kind = 'organization');
WITH d AS (DELETE FROM kansa.evidence_validity
            WHERE organization_id = (SELECT id FROM public.org_b WHERE kind = 'organization')
           RETURNING 1)
SELECT count(*) AS deleted FROM d;
-- the organisation table is the superuser's to change
UPDATE kansa.organization SET tenant_role = 'tenants_org_a' WHERE name = 'Beta Bank';
INSERT INTO kansa.organization (name) VALUES ('Bank D');
-- direct writes outside review() are not an analyst's
INSERT INTO kansa.import_reject (batch_id, organization_id, row_number, reason, sqlstate, message)
VALUES (1, 1, 1, 'x', 'x', 'x');
RESET ROLE;
-- and B's data is as B left it
SELECT count(*) AS b_evidence_validity, min(valid_until) AS b_valid_until
  FROM kansa.evidence_validity AS v JOIN kansa.organization AS o ON o.id = v.organization_id
 WHERE o.name = 'Beta Bank';
SELECT o.name, r.verdict::text, r.verdict_source
  FROM kansa.response AS r JOIN kansa.organization AS o ON o.id = r.organization_id
 WHERE r.control OPERATOR(kansa.=) 'fisc8:設1' AND o.name IN ('Alpha Bank', 'Beta Bank')
 ORDER BY o.name;
SELECT count(*) AS b_batches FROM kansa.import_batch AS b
  JOIN kansa.organization AS o ON o.id = b.organization_id WHERE o.name = 'Beta Bank';

-- Functions: the import and admin functions are not PUBLIC's.
SELECT p.oid::regprocedure AS function,
       has_function_privilege('public', p.oid, 'EXECUTE') AS public,
       has_function_privilege('kansa_importer', p.oid, 'EXECUTE') AS importer,
       has_function_privilege('kansa_analyst', p.oid, 'EXECUTE') AS analyst,
       has_function_privilege('kansa_bi', p.oid, 'EXECUTE') AS bi,
       has_function_privilege('kansa_admin', p.oid, 'EXECUTE') AS admin
  FROM pg_proc AS p
 WHERE p.pronamespace = 'kansa'::regnamespace
   AND NOT has_function_privilege('public', p.oid, 'EXECUTE')
 ORDER BY p.oid::regprocedure::text;
SET ROLE tenants_bi_a;
SELECT count(*) FROM kansa.read_sheet('\x'::bytea);
RESET ROLE;

-- The planner's estimate of the rows the policy lets through
-- (tenant_visible_support): every row for a superuser; for a tenant, its
-- organisations' share of the organisation table's row count, never a
-- figure from the other organisations' rows.
-- (a table of 10,000 rows, filtered as the policies filter)
CREATE TABLE public.est AS SELECT g % 7 AS organization_id FROM generate_series(1, 10000) AS g;
GRANT SELECT ON public.est TO PUBLIC;
ANALYZE kansa.organization, public.est;
SELECT reltuples AS organisations FROM pg_class WHERE oid = 'kansa.organization'::regclass;
CREATE FUNCTION public.plan_rows(q text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE p json;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO p;
	RETURN (p -> 0 -> 'Plan' ->> 'Plan Rows')::numeric;
END $$;
SELECT public.plan_rows('SELECT * FROM public.est WHERE kansa.tenant_visible(organization_id)')
       AS superuser_rows;
SET ROLE tenants_analyst_a;
SELECT public.plan_rows('SELECT * FROM public.est WHERE kansa.tenant_visible(organization_id)')
       = round(10000 / (SELECT reltuples FROM pg_class WHERE oid = 'kansa.organization'::regclass)::numeric)
       AS analyst_one_organisation_share;
RESET ROLE;
CREATE ROLE tenants_stranger NOLOGIN;
SET ROLE tenants_stranger;
SELECT public.plan_rows('SELECT * FROM public.est WHERE kansa.tenant_visible(organization_id)')
       AS stranger_rows;
RESET ROLE;
DROP ROLE tenants_stranger;
DROP FUNCTION public.plan_rows(text);
DROP TABLE public.est;

-- Leave the database as it was for the tests after this one.
DELETE FROM kansa.service_dependency
 WHERE organization_id IN (SELECT id FROM kansa.organization WHERE name IN ('Alpha Bank', 'Beta Bank'));
UPDATE kansa.import_batch SET assessment_id = NULL
 WHERE organization_id IN (SELECT id FROM kansa.organization WHERE name IN ('Alpha Bank', 'Beta Bank'));
DELETE FROM kansa.assessment
 WHERE organization_id IN (SELECT id FROM kansa.organization WHERE name IN ('Alpha Bank', 'Beta Bank'));
DELETE FROM kansa.import_batch
 WHERE organization_id IN (SELECT id FROM kansa.organization WHERE name IN ('Alpha Bank', 'Beta Bank'));
DELETE FROM kansa.evidence_validity
 WHERE organization_id IN (SELECT id FROM kansa.organization WHERE name IN ('Alpha Bank', 'Beta Bank'));
DELETE FROM kansa.scope
 WHERE organization_id IN (SELECT id FROM kansa.organization WHERE name IN ('Alpha Bank', 'Beta Bank'));
DELETE FROM kansa.service
 WHERE organization_id IN (SELECT id FROM kansa.organization WHERE name IN ('Alpha Bank', 'Beta Bank'));
DELETE FROM kansa.vendor
 WHERE organization_id IN (SELECT id FROM kansa.organization WHERE name IN ('Alpha Bank', 'Beta Bank'));
DELETE FROM kansa.organization WHERE name IN ('Alpha Bank', 'Beta Bank');
-- kansa_admin: the catalogs and the import caps; no tenant's rows, and no
-- tenant's services
CREATE ROLE tenants_admin NOLOGIN IN ROLE kansa_admin;
SET ROLE tenants_admin;
SET kansa.import_max_rows = 10;
SHOW kansa.import_max_rows;
RESET kansa.import_max_rows;
INSERT INTO kansa.framework (code, title) VALUES ('tenants_fw', 'A framework of the admin''s');
DELETE FROM kansa.framework WHERE code = 'tenants_fw';
UPDATE kansa.service SET pattern_set = 2 WHERE name = 'no such service';
SELECT count(*) FROM kansa.organization;
SELECT count(*) FROM kansa.assessment;
RESET ROLE;
SET ROLE tenants_analyst_a;
SET kansa.import_max_rows = 10;
INSERT INTO kansa.framework (code, title) VALUES ('tenants_fw', 'An analyst''s framework');
RESET ROLE;


DROP TABLE public.org_b, public.org_b_keys, public.leaked;
DROP FUNCTION public.is_org_b(jsonb), public.tenant_scan(), public.leak(text);
DROP ROLE tenants_importer_a, tenants_analyst_a, tenants_bi_a, tenants_importer_b,
          tenants_analyst_b, tenants_nobody_a, tenants_admin, tenants_org_a, tenants_org_b;
