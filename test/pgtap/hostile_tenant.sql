-- A hostile tenant: two organisations with real sheets, and org A's roles
-- trying every way found to read, squat, forge or skew org B's data (the
-- locks, which need two sessions, are in test/cli/hostile-tenant.sh).
--
-- The plan oracle: for every tenant table and every view, and every text
-- column of it, EXPLAIN ANALYZE a query whose condition equals a value of a
-- row only org B has, and the same query with a value no row has; the two
-- plans must be identical once the literal is masked ("never executed", row
-- counts, "Rows Removed by Filter" alike).  With enable_seqscan off, so
-- that an index would be used if one could serve the condition.
BEGIN;
CREATE EXTENSION pgtap;
CREATE EXTENSION kansa;
SET search_path = kansa, public;
SET client_min_messages = warning;

CREATE ROLE ht_org_a NOLOGIN;
CREATE ROLE ht_org_b NOLOGIN;
CREATE ROLE ht_importer_a NOLOGIN IN ROLE kansa_importer, ht_org_a;
CREATE ROLE ht_analyst_a NOLOGIN IN ROLE kansa_analyst, ht_org_a;
CREATE ROLE ht_bi_a NOLOGIN IN ROLE kansa_bi, ht_org_a;
CREATE ROLE ht_importer_b NOLOGIN IN ROLE kansa_importer, ht_org_b;
CREATE ROLE ht_analyst_b NOLOGIN IN ROLE kansa_analyst, ht_org_b;
INSERT INTO organization (name, tenant_role) VALUES ('Org A', 'ht_org_a'), ('Org B 秘密銀行', 'ht_org_b');

-- the fixtures, read by the server from the test directory (pg_regress sets
-- PG_ABS_SRCDIR; scripts/run-suite sets it for pgTAP too: by hand, run
-- PG_ABS_SRCDIR=$PWD/test pg_prove ...), as the superuser:
-- the importers below may not read server files
\getenv abs_srcdir PG_ABS_SRCDIR
\set fisc_file :abs_srcdir '/fixtures/sheets/fisc8_liveon.xlsx'
\set meti_file :abs_srcdir '/fixtures/sheets/meti_cloud_light2.xlsx'
SELECT pg_read_binary_file(:'fisc_file') AS fisc, pg_read_binary_file(:'meti_file') AS meti \gset
SET ROLE ht_importer_a;
SELECT status FROM import_sheet('Org A', 'ジャパンメディアシステム', 'LiveOn', 'fisc8', :'fisc'::bytea, 'a.xlsx');
RESET ROLE;
SET ROLE ht_importer_b;
SELECT status FROM import_sheet('Org B 秘密銀行', 'ジャパンメディアシステム', 'LiveOn', 'fisc8', :'fisc'::bytea, 'a.xlsx');
SELECT status FROM import_sheet('Org B 秘密銀行', 'B秘密ベンダー', 'B秘密サービス', 'iso27017',
	convert_to(E'ID,回答\n5.1.1,B社だけの秘密の回答 JQA-IM7777 を参照。毎日バックアップを取得しています。\n9.9.9,B社の不明な番号\n', 'UTF8'),
	'b-secret.csv', '{"mode": "quarantine"}');
RESET ROLE;
SET ROLE ht_analyst_b;
SELECT count(review(r.id, 'not_implemented', 'B: 秘密の所見')) FROM response AS r WHERE r.control = 'fisc8:設1';
SELECT count(evidence_validity_set('Org B 秘密銀行', 'cert:JQA-IM7777', '2020-01-31', NULL, 'B: 期限切れ'));
SELECT count(service_set('Org B 秘密銀行', 'B秘密ベンダー', 'B秘密サービス', NULL, '高', '高'));
SELECT count(service_dependency_set('Org B 秘密銀行', 'B秘密ベンダー', 'B秘密サービス', 'B秘密DC', 'B秘密DC東京', 'B: 秘密の依存'));
-- B's findings, a reply recorded and a risk accepted: their texts are probes too
SELECT count(raise_findings(a.id, 'low')) FROM assessment AS a;
SELECT count(finding_answer(f.id, 'B社だけの秘密の回答: 2026年に導入予定。', 'B秘密資料', 'B: 秘密のメモ'))
  FROM (SELECT min(id) AS id FROM finding) AS f;
SELECT count(finding_accept_risk(f.id, 'B: 秘密の受容理由', 'B秘密CISO', '2099-12-31'))
  FROM (SELECT max(id) AS id FROM finding) AS f;
RESET ROLE;
SET ROLE ht_analyst_a;
SELECT count(review(r.id, 'partial', 'A: note')) FROM response AS r WHERE r.control = 'fisc8:設1';
RESET ROLE;

SELECT plan(44);

-- The relations each role may read, and their columns a condition can test.
CREATE TEMP TABLE target AS
SELECT r.rolname AS who, c.oid::regclass AS rel, a.attname AS col
  FROM pg_class AS c
  JOIN pg_attribute AS a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  JOIN (VALUES ('ht_analyst_a'), ('ht_bi_a')) AS r (rolname) ON has_table_privilege(r.rolname, c.oid, 'SELECT')
 WHERE c.relnamespace = 'kansa'::regnamespace AND c.relkind IN ('r', 'v')
   AND a.atttypid IN ('text'::regtype, 'bytea'::regtype, 'kansa.control_id'::regtype, 'kansa.evidence'::regtype)
   AND c.relname NOT IN (SELECT relname FROM pg_class AS k
						  WHERE k.relnamespace = 'kansa'::regnamespace AND k.relkind = 'r'
						    AND NOT k.relrowsecurity);		-- the public catalogs
GRANT SELECT ON target TO PUBLIC;

-- A value of the column that rows only org B has (as the superuser sees
-- them, minus what the role sees), or NULL where there is none.
CREATE FUNCTION pg_temp.hidden_value(who text, rel regclass, col name) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	v text;
BEGIN
	EXECUTE format('CREATE TEMP TABLE seen ON COMMIT DROP AS SELECT DISTINCT %I::text AS v FROM %s WHERE false', col, rel);
	GRANT ALL ON seen TO PUBLIC;
	PERFORM set_config('role', who, true);
	EXECUTE format('INSERT INTO seen SELECT DISTINCT %I::text FROM %s', col, rel);
	PERFORM set_config('role', 'none', true);
	EXECUTE format('SELECT %I::text FROM %s WHERE %I IS NOT NULL AND %I::text NOT IN (SELECT v FROM seen WHERE v IS NOT NULL) ORDER BY 1 LIMIT 1',
				   col, rel, col, col) INTO v;
	DROP TABLE seen;
	RETURN v;
END;
$$;

-- The plan of "SELECT 1 FROM rel WHERE col = value", as the role runs it
-- with EXPLAIN ANALYZE.
CREATE FUNCTION pg_temp.plan_of(who text, rel regclass, col name, value text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	line text;
	plan text := '';
BEGIN
	PERFORM set_config('role', who, true);
	PERFORM set_config('enable_seqscan', 'off', true);
	FOR line IN EXECUTE format('EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT 1 FROM %s WHERE %I::text = %L',
							   rel, col, value) LOOP
		plan := plan || line || E'\n';
	END LOOP;
	PERFORM set_config('enable_seqscan', 'on', true);
	PERFORM set_config('role', 'none', true);
	RETURN plan;
END;
$$;

-- Every text the public catalogs hold (framework codes, control ids and
-- titles, ...): a view column whose value comes from a catalog plans
-- differently for a value the catalog has than for one it has not, which
-- tells nothing about org B; such values are not probes.
CREATE TEMP TABLE public_text (v text);
DO $$
DECLARE
	c record;
BEGIN
	FOR c IN SELECT k.oid::regclass AS rel, a.attname
			   FROM pg_class AS k JOIN pg_attribute AS a ON a.attrelid = k.oid AND a.attnum > 0
			  WHERE k.relnamespace = 'kansa'::regnamespace AND k.relkind = 'r' AND NOT k.relrowsecurity
			    AND NOT a.attisdropped LOOP
		EXECUTE format('INSERT INTO public_text SELECT DISTINCT %I::text FROM %s', c.attname, c.rel);
	END LOOP;
	INSERT INTO public_text SELECT kansa.local_id(id) FROM kansa.control;
	-- and the paths of links between controls (control_path, readable by
	-- everyone): projection_path shows them for the answers they carry
	INSERT INTO public_text SELECT DISTINCT p.path FROM kansa.control_path AS p;
	-- and every literal written in a view's definition (a kind such as
	-- evidence_expiry shows in the plan as the view's own text, whatever
	-- org B holds): anyone may read pg_views
	INSERT INTO public_text
	SELECT DISTINCT m[1] FROM pg_views AS v, regexp_matches(v.definition, '''([^'']+)''', 'g') AS m
	 WHERE v.schemaname = 'kansa';
END
$$;

-- The probes: a value of a row only org B has, not in any catalog, and a
-- value of the same length that no row has (its reverse, or one more
-- character where the reverse is the same).  An attacker compares exactly
-- such queries, on the same data.
CREATE TEMP TABLE oracle AS
SELECT t.who, t.rel, t.col, h.v AS hidden,
	   CASE WHEN reverse(h.v) <> h.v THEN reverse(h.v) ELSE h.v || '〆' END AS absent,
	   NULL::text AS plan_hit, NULL::text AS plan_miss
  FROM target AS t, LATERAL (SELECT pg_temp.hidden_value(t.who, t.rel, t.col) AS v) AS h
 WHERE h.v IS NOT NULL AND h.v NOT IN (SELECT v FROM public_text WHERE v IS NOT NULL);
DELETE FROM oracle WHERE absent IN (SELECT v FROM public_text WHERE v IS NOT NULL);
UPDATE oracle SET plan_hit = replace(pg_temp.plan_of(who, rel, col, hidden), hidden, '<value>'),
				  plan_miss = replace(pg_temp.plan_of(who, rel, col, absent), absent, '<value>');

SELECT cmp_ok((SELECT count(DISTINCT rel)::int FROM oracle), '>=', 15,
			  'the oracle probes every tenant table and view with a hidden value (15 and more relations)');
SELECT cmp_ok((SELECT count(*)::int FROM oracle), '>=', 60, 'and 60 and more columns of them');
SELECT is_empty($$SELECT c.oid::regclass, a.attname FROM pg_class AS c JOIN pg_attribute AS a ON a.attrelid = c.oid AND a.attnum > 0
				   WHERE c.relnamespace = 'kansa'::regnamespace AND c.relkind = 'r' AND c.relrowsecurity AND NOT a.attisdropped
				     AND a.attname !~ '(^id|_id|^superseded_by)$' AND a.attstattarget <> 0$$,
				'no column of a tenant table but its ids keeps statistics the planner could estimate another tenant''s values from');
SELECT is_empty($$SELECT who, rel, col FROM oracle WHERE plan_hit IS DISTINCT FROM plan_miss$$,
				'EXPLAIN ANALYZE of a condition matching a hidden row of org B is identical to one matching no row, for every text column of every table and view');
SELECT is_empty($$SELECT DISTINCT c.relname, i.indexrelid::regclass, a.atttypid::regtype
				   FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indrelid
				   JOIN pg_attribute AS a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
				  WHERE c.relnamespace = 'kansa'::regnamespace AND c.relrowsecurity
				    AND a.atttypid NOT IN ('bigint'::regtype, 'integer'::regtype,
				                           'kansa.control_id'::regtype, 'kansa.evidence'::regtype)$$,
				'no index of a tenant table has a key a leakproof condition on text could use (only ids, and kansa types whose operators are not LEAKPROOF)');
SELECT is_empty($$SELECT o.oprname, o.oprleft::regtype FROM pg_operator AS o JOIN pg_proc AS p ON p.oid = o.oprcode
				  WHERE o.oprleft IN ('kansa.control_id'::regtype, 'kansa.evidence'::regtype) AND p.proleakproof$$,
				'control_id and evidence operators are not LEAKPROOF');
-- the policy runs before the user's condition: EXPLAIN VERBOSE's order
SELECT ok((SELECT pg_temp.plan_of('ht_analyst_a', 'kansa.response', 'raw_text', 'x') IS NOT NULL), 'plans are read');
CREATE FUNCTION pg_temp.filter_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	PERFORM set_config('role', 'ht_analyst_a', true);
	PERFORM set_config('enable_seqscan', 'off', true);
	FOR line IN EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF) ' || q LOOP
		IF line ~ 'Filter:' THEN
			PERFORM set_config('role', 'none', true);
			RETURN btrim(line);
		END IF;
	END LOOP;
	PERFORM set_config('role', 'none', true);
	RETURN NULL;
END;
$$;
SELECT matches(pg_temp.filter_of($$SELECT 1 FROM kansa.response WHERE id = 5 AND raw_text COLLATE "C" >= 'B社'$$),
			'^Filter: \((kansa\.)?tenant_visible\(response\.organization_id\) AND ',
			'the policy is evaluated before the cheapest leakproof condition (issue''s own probe)');
SELECT matches(pg_temp.filter_of($$SELECT 1 FROM kansa.organization WHERE name = 'Org B 秘密銀行'$$),
			'^Filter: \((kansa\.)?tenant_visible\(organization\.id\) AND ',
			'and before a condition on an organisation''s name, which no index serves');

-- Error codes: an importer's write with org B's key fails exactly as with a
-- key nobody has (tenant roles write no table at all).
CREATE FUNCTION pg_temp.error_of(who text, q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	PERFORM set_config('role', who, true);
	EXECUTE q;
	PERFORM set_config('role', 'none', true);
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	PERFORM set_config('role', 'none', true);
	RETURN SQLSTATE || ' ' || regexp_replace(SQLERRM, '[0-9]+', 'N', 'g');
END;
$$;
CREATE TEMP TABLE b_keys AS
SELECT (SELECT min(a.id) FROM assessment AS a JOIN organization AS o ON o.id = a.organization_id
		 WHERE o.name LIKE 'Org B%') AS b_assessment,
	   (SELECT max(id) + 1000 FROM assessment) AS unused_assessment,
	   (SELECT id FROM organization WHERE name LIKE 'Org B%') AS b_org,
	   (SELECT max(id) + 1000 FROM organization) AS unused_org,
	   (SELECT min(r.id) FROM response AS r JOIN organization AS o ON o.id = r.organization_id
		 WHERE o.name LIKE 'Org B%') AS b_response,
	   (SELECT max(id) + 1000 FROM response) AS unused_response;
GRANT SELECT ON b_keys TO PUBLIC;
SELECT is(pg_temp.error_of('ht_importer_a', format($$INSERT INTO kansa.response (assessment_id, organization_id, control, via, verdict, verdict_source)
			VALUES (%s, %s, 'fisc8:設1', 'row', 'implemented', 'sheet')$$, b_assessment, b_org)),
		  pg_temp.error_of('ht_importer_a', format($$INSERT INTO kansa.response (assessment_id, organization_id, control, via, verdict, verdict_source)
			VALUES (%s, %s, 'fisc8:設1', 'row', 'implemented', 'sheet')$$, unused_assessment, unused_org)),
		  'a response written into org B''s assessment fails as one into no assessment')
  FROM b_keys;
SELECT is(pg_temp.error_of('ht_importer_a', format($$INSERT INTO kansa.response (assessment_id, organization_id, control, via, verdict, verdict_source)
			VALUES (%s, %s, 'fisc8:設1', 'row', 'implemented', 'sheet') ON CONFLICT DO NOTHING$$, b_assessment, b_org)),
		  '42501 permission denied for table response', 'ON CONFLICT DO NOTHING counts nothing either: the write is refused')
  FROM b_keys;
SELECT is(pg_temp.error_of('ht_analyst_a', format('SELECT kansa.review(%s, ''implemented'')', b_response)),
		  pg_temp.error_of('ht_analyst_a', format('SELECT kansa.review(%s, ''implemented'')', unused_response)),
		  'review() of org B''s response fails as of a response that does not exist')
  FROM b_keys;
SELECT is(pg_temp.error_of('ht_analyst_a', $$SELECT kansa.evidence_validity_set('Org B 秘密銀行', 'cert:X', '2030-01-01')$$),
		  replace(pg_temp.error_of('ht_analyst_a', $$SELECT kansa.evidence_validity_set('Org Q 秘密銀行', 'cert:X', '2030-01-01')$$), 'Q', 'B'),
		  'a writer naming org B fails as one naming an organisation never created');
SELECT is(pg_temp.error_of('ht_importer_a', format($$SELECT kansa.import_sheet('Org B 秘密銀行', 'V', 'S', 'fisc8', '\x'::bytea, 'x')$$)),
		  replace(pg_temp.error_of('ht_importer_a', format($$SELECT kansa.import_sheet('Org Q 秘密銀行', 'V', 'S', 'fisc8', '\x'::bytea, 'x')$$)), 'Q', 'B'),
		  'import_sheet naming org B fails as one naming an organisation never created');

-- Id squatting: no tenant role can insert at all, OVERRIDING SYSTEM VALUE
-- included, nor draw from the identity sequences.
SELECT is(pg_temp.error_of(who, format($$INSERT INTO kansa.%I (id) OVERRIDING SYSTEM VALUE VALUES (9000000)$$, t)),
		  '42501 permission denied for table ' || t,
		  format('%s cannot reserve ids of %s', who, t))
  FROM (VALUES ('import_batch'), ('response_review'), ('assessment')) AS x (t),
	   (VALUES ('ht_importer_a'), ('ht_analyst_a')) AS y (who)
 ORDER BY t, who;
SELECT is_empty($$SELECT s.oid::regclass, r.r FROM pg_class AS s, (VALUES ('kansa_importer'), ('kansa_analyst'), ('kansa_bi'), ('kansa_admin')) AS r (r)
				   WHERE s.relnamespace = 'kansa'::regnamespace AND s.relkind = 'S'
				     AND (has_sequence_privilege(r.r, s.oid, 'USAGE') OR has_sequence_privilege(r.r, s.oid, 'UPDATE')
				          OR has_sequence_privilege(r.r, s.oid, 'SELECT'))
				     AND s.relname NOT IN ('control_position_seq', 'reference_item_id_seq')$$,
				'no tenant role may draw from or read the identity sequences of tenant tables');

-- Audit forgery: the history, reviewer, timestamps and verdict sources are
-- written by review() alone, which records the true caller.
SELECT is(pg_temp.error_of('ht_analyst_a', format($$INSERT INTO kansa.response_review (response_id, organization_id, reviewed_at, reviewed_by, old_verdict, old_source, new_verdict)
			SELECT id, organization_id, '2020-01-01', 'someone_else', verdict, verdict_source, verdict FROM kansa.response LIMIT 1$$)),
		  '42501 permission denied for table response_review', 'an analyst cannot write a backdated review in anyone''s name');
SELECT is(pg_temp.error_of('ht_analyst_a', $$UPDATE kansa.response SET reviewed_by = 'someone_else', reviewed_at = '2020-01-01'$$),
		  '42501 permission denied for table response', 'nor set reviewed_by or reviewed_at');
SELECT is(pg_temp.error_of('ht_analyst_a', $$UPDATE kansa.response SET verdict_source = 'sheet', confidence = 1$$),
		  '42501 permission denied for table response', 'nor a verdict source or a confidence');
SELECT is(pg_temp.error_of('ht_importer_a', $$UPDATE kansa.response_review SET reviewed_by = 'x'$$),
		  '42501 permission denied for table response_review', 'an importer cannot rewrite the review history');
SELECT is(pg_temp.error_of('ht_importer_a', $$DELETE FROM kansa.response_review$$),
		  '42501 permission denied for table response_review', 'nor delete it');
SELECT is(pg_temp.error_of('ht_importer_a', $$UPDATE kansa.import_batch SET imported_by = 'x'$$),
		  '42501 permission denied for table import_batch', 'nor say who imported');
SELECT results_eq($$SELECT rr.reviewed_by, r.reviewed_by, r.verdict_source FROM kansa.response_review AS rr
					 JOIN kansa.response AS r ON r.id = rr.response_id
					 JOIN kansa.organization AS o ON o.id = r.organization_id
					WHERE o.name = 'Org A'$$,
				  $$VALUES ('ht_analyst_a'::text, 'ht_analyst_a'::text, 'analyst'::text)$$,
				  'review() recorded the role that called it, not the function''s owner');
SELECT results_eq($$SELECT DISTINCT b.imported_by, a.imported_by FROM kansa.import_batch AS b
					 JOIN kansa.assessment AS a ON a.batch_id = b.id
					 JOIN kansa.organization AS o ON o.id = b.organization_id WHERE o.name = 'Org A'$$,
				  $$VALUES ('ht_importer_a'::text, 'ht_importer_a'::text)$$,
				  'import_sheet() recorded its caller as the importer');
SELECT ok(NOT pg_has_role('ht_analyst_a', 'kansa_owner', 'MEMBER') AND NOT pg_has_role('ht_importer_a', 'kansa_owner', 'MEMBER')
		  AND NOT pg_has_role('ht_bi_a', 'kansa_owner', 'MEMBER'), 'no tenant role can act as kansa_owner');
SELECT is_empty($$SELECT m.member::regrole FROM pg_auth_members AS m WHERE m.roleid = 'kansa_owner'::regrole$$,
				'kansa_owner has no members');
SELECT results_eq($$SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = 'kansa_owner'$$,
				  $$VALUES (false, false, false)$$, 'kansa_owner is neither superuser nor BYPASSRLS nor LOGIN');
SELECT is_empty($$SELECT p.oid::regprocedure FROM pg_proc AS p WHERE p.pronamespace = 'kansa'::regnamespace AND p.prosecdef
				   AND (p.proowner <> 'kansa_owner'::regrole AND p.proname <> 'analyze_stale_tables'
				        OR p.proconfig IS NULL)$$,
				'every SECURITY DEFINER writer belongs to kansa_owner and fixes its search_path');

-- Shared-row skew: org A creating or editing rows of the same names cannot
-- change org B's services, patterns or gaps.
CREATE TEMP TABLE b_before AS
SELECT (SELECT count(*) FROM gaps WHERE organization LIKE 'Org B%') AS gaps,
	   (SELECT string_agg(coalesce(pattern::text, '-'), ',' ORDER BY name) FROM service AS s
		 WHERE s.organization_id = (SELECT id FROM organization WHERE name LIKE 'Org B%')) AS patterns;
SET ROLE ht_analyst_a;
SELECT is((service_set('Org A', 'ジャパンメディアシステム', 'LiveOn', NULL, NULL, NULL, 1)).pattern, 1,
		  'org A sets a pattern on a service of the same vendor and name as org B''s');
SELECT lives_ok($$SELECT service_set('Org A', 'B秘密ベンダー', 'B秘密サービス', NULL, NULL, NULL, 3)$$,
				'and creates a service named like org B''s secret one, in org A');
RESET ROLE;
SELECT results_eq($$SELECT (SELECT count(*) FROM gaps WHERE organization LIKE 'Org B%'),
						   (SELECT string_agg(coalesce(pattern::text, '-'), ',' ORDER BY name) FROM service AS s
							 WHERE s.organization_id = (SELECT id FROM organization WHERE name LIKE 'Org B%'))$$,
				  $$SELECT gaps, patterns FROM b_before$$,
				  'org B''s gaps and patterns are unchanged');

-- The caller cannot be borrowed.  A maintenance command a superuser runs
-- executes a table's index expressions as the table's owner, the session
-- still the superuser's: org A's function there calls the writers for org
-- B, and is refused.  A SECURITY DEFINER function of org A's that a
-- superuser calls acts as org A.  The writers' bodies cannot be called
-- with a made-up caller.
CREATE SCHEMA ht_sandbox AUTHORIZATION ht_analyst_a;
-- the outcome, kept where a maintenance command cannot take it back:
-- sequences counting the calls refused as expected and the others
CREATE SEQUENCE public.ht_refused;
CREATE SEQUENCE public.ht_other;
GRANT ALL ON public.ht_refused, public.ht_other TO PUBLIC;
SET ROLE ht_analyst_a;
CREATE FUNCTION ht_sandbox.borrow(x int) RETURNS int LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
	BEGIN
		PERFORM kansa.service_set('Org B 秘密銀行', 'B秘密ベンダー', 'B秘密サービス', NULL, NULL, NULL, 6);
		PERFORM nextval('public.ht_other');
	EXCEPTION WHEN insufficient_privilege THEN
		PERFORM nextval('public.ht_refused');
	WHEN OTHERS THEN
		PERFORM nextval('public.ht_other');
	END;
	RETURN x;
END $$;
CREATE TABLE ht_sandbox.t (x int);
INSERT INTO ht_sandbox.t SELECT generate_series(1, 5);
CREATE FUNCTION ht_sandbox.as_me() RETURNS text LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
	PERFORM kansa.evidence_validity_set('Org B 秘密銀行', 'cert:BORROWED', '2030-01-01');
	RETURN 'done';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ' ' || SQLERRM;
END $$;
RESET ROLE;
CREATE INDEX ON ht_sandbox.t (ht_sandbox.borrow(x));
ANALYZE ht_sandbox.t;
SELECT ok((SELECT is_called FROM public.ht_refused) AND NOT (SELECT is_called FROM public.ht_other),
		  'a tenant''s index function run by a superuser''s ANALYZE cannot write for another organisation (refused, 42501)');
SELECT is(ht_sandbox.as_me(), '42704 organization "Org B 秘密銀行" does not exist',
		  'a tenant''s SECURITY DEFINER function called by a superuser acts as the tenant');
SELECT results_eq($$SELECT s.pattern_set FROM service AS s JOIN organization AS o ON o.id = s.organization_id
					 WHERE o.name LIKE 'Org B%' AND s.name = 'B秘密サービス'$$,
				  $$VALUES (NULL::integer)$$, 'org B''s service is as org B left it');
SELECT is(pg_temp.error_of('ht_analyst_a', $$SELECT kansa.service_set_by(10, 'Org B 秘密銀行', 'V', 'S')$$),
		  '42501 permission denied for function service_set_by',
		  'the writers'' bodies cannot be called with a made-up caller');

-- Ordered scans: ORDER BY a column an index keeps in order walks the index,
-- and "Rows Removed by Filter" counts the hidden rows before the tenant's
-- first own one: a rank oracle.  Every tenant index leads with the
-- organisation or an id of a tenant's row, and names are unique through
-- hash indexes, so the plan is the same whether org B's value sorts before
-- org A's or after it.
SELECT is_empty($$SELECT i.indexrelid::regclass
				   FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indrelid
				   JOIN pg_class AS ic ON ic.oid = i.indexrelid
				   JOIN pg_am AS am ON am.oid = ic.relam AND am.amname = 'btree'
				  WHERE c.relnamespace = 'kansa'::regnamespace AND c.relrowsecurity
				    AND NOT EXISTS (SELECT FROM pg_attribute AS a WHERE a.attrelid = i.indrelid
				                     AND a.attnum = i.indkey[0] AND a.attname ~ '(^id|_id)$')$$,
				'every btree index of a tenant table leads with organization_id or an id');
CREATE FUNCTION pg_temp.ordered_plan(who text, q text, b_value text, rewrite text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	plan text := '';
	line text;
BEGIN
	BEGIN
		EXECUTE rewrite USING b_value;
		PERFORM set_config('role', who, true);
		PERFORM set_config('enable_seqscan', 'off', true);
		PERFORM set_config('enable_sort', 'off', true);
		PERFORM set_config('enable_bitmapscan', 'off', true);
		FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || q LOOP
			-- heap fetches count the dead versions the rewrite itself leaves
			CONTINUE WHEN line ~ 'Heap Fetches:';
			plan := plan || line || E'\n';
		END LOOP;
		RAISE EXCEPTION 'undo' USING ERRCODE = 'P0001';
	EXCEPTION WHEN raise_exception THEN
		NULL;
	END;
	PERFORM set_config('role', 'none', true);
	RETURN plan;
END $$;
SET ROLE ht_analyst_a;
SELECT count(evidence_validity_set('Org A', 'cert:MMMM-0001', '2030-01-01'));
RESET ROLE;
SELECT is(pg_temp.ordered_plan('ht_analyst_a', 'SELECT evidence FROM kansa.evidence_validity ORDER BY evidence LIMIT 1', 'cert:AAAA-0001',
		  $$UPDATE kansa.evidence_validity SET evidence = $1 WHERE organization_id = (SELECT id FROM kansa.organization WHERE name LIKE 'Org B%')$$),
		  pg_temp.ordered_plan('ht_analyst_a', 'SELECT evidence FROM kansa.evidence_validity ORDER BY evidence LIMIT 1', 'cert:ZZZZ-0001',
		  $$UPDATE kansa.evidence_validity SET evidence = $1 WHERE organization_id = (SELECT id FROM kansa.organization WHERE name LIKE 'Org B%')$$),
		  'ORDER BY evidence on evidence_validity: the same plan whether org B''s certificate sorts before org A''s or after');
SELECT is(pg_temp.ordered_plan('ht_analyst_a', 'SELECT evidence FROM kansa.response_evidence ORDER BY evidence LIMIT 1', 'cert:AAAA-0001',
		  $$UPDATE kansa.response_evidence SET evidence = $1 WHERE organization_id = (SELECT id FROM kansa.organization WHERE name LIKE 'Org B%') AND evidence::text LIKE 'cert:%'$$),
		  pg_temp.ordered_plan('ht_analyst_a', 'SELECT evidence FROM kansa.response_evidence ORDER BY evidence LIMIT 1', 'cert:ZZZZ-0001',
		  $$UPDATE kansa.response_evidence SET evidence = $1 WHERE organization_id = (SELECT id FROM kansa.organization WHERE name LIKE 'Org B%') AND evidence::text LIKE 'cert:%'$$),
		  'ORDER BY evidence on response_evidence: the same plan whether org B''s citation sorts before org A''s or after');
SELECT is(pg_temp.ordered_plan('ht_analyst_a', 'SELECT name FROM kansa.organization ORDER BY kansa.name_key(name) LIMIT 1', 'AAA Bank',
		  $$UPDATE kansa.organization SET name = $1 WHERE name LIKE 'Org B%'$$),
		  pg_temp.ordered_plan('ht_analyst_a', 'SELECT name FROM kansa.organization ORDER BY kansa.name_key(name) LIMIT 1', 'zzz Bank',
		  $$UPDATE kansa.organization SET name = $1 WHERE name LIKE 'Org B%'$$),
		  'ORDER BY name_key(name) on organization: the same plan whether org B''s name sorts before org A''s or after');

-- Linear-time text reduction is in test/pgtap/size_policy.sql.
SELECT * FROM finish();
ROLLBACK;
