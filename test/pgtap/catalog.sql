-- The shipped framework catalogs: counts, shape, order and dump registration.
BEGIN;
CREATE EXTENSION pgtap;
CREATE EXTENSION kansa;
SET search_path = kansa, public;
SELECT plan(52);

SELECT set_eq($$SELECT code FROM kansa.framework WHERE builtin$$,
	ARRAY['asp_saas', 'fisc8', 'fisc10', 'iso27001', 'iso27017', 'meti_cloud'], 'shipped frameworks');
SELECT is((SELECT count(*) FROM kansa.framework WHERE source IS NULL OR title IS NULL)::int, 0,
	'every shipped framework names its source');

-- controls per framework (sections not counted)
CREATE TEMP VIEW n AS
	SELECT framework, count(*) FILTER (WHERE kind = 'control')::int AS controls,
	       count(*) FILTER (WHERE kind = 'section')::int AS sections
	  FROM kansa.control GROUP BY framework;
SELECT is((SELECT controls FROM n WHERE framework = 'asp_saas'), 68, 'asp_saas: 68 items');
SELECT is((SELECT count(*)::int FROM kansa.control WHERE kind = 'control' AND id OPERATOR(kansa.<@) 'asp_saas:II'), 22, 'asp_saas: 22 items under II');
SELECT is((SELECT count(*)::int FROM kansa.control WHERE kind = 'control' AND id OPERATOR(kansa.<@) 'asp_saas:III'), 46, 'asp_saas: 46 items under III');
SELECT is((SELECT count(*)::int FROM kansa.control WHERE framework = 'asp_saas' AND kind = 'control' AND level = 'basic'), 50, 'asp_saas: 50 basic items');
SELECT is((SELECT count(*)::int FROM kansa.control WHERE framework = 'asp_saas' AND kind = 'control' AND level = 'recommended'), 18, 'asp_saas: 18 recommended items');
SELECT is((SELECT count(*)::int FROM kansa.control WHERE framework = 'asp_saas' AND kind = 'control' AND coalesce(body, '') = ''), 0, 'asp_saas: every item has its requirement text');
SELECT is((SELECT controls FROM n WHERE framework = 'fisc8'), 311, 'fisc8: 311 controls');
SELECT is((SELECT count(*)::int FROM kansa.control WHERE framework = 'fisc8' AND kind = 'control' AND local_id(id) LIKE '設%'), 138, 'fisc8: 設 138');
SELECT is((SELECT count(*)::int FROM kansa.control WHERE framework = 'fisc8' AND kind = 'control' AND local_id(id) LIKE '運%'), 120, 'fisc8: 運 120');
SELECT is((SELECT count(*)::int FROM kansa.control WHERE framework = 'fisc8' AND kind = 'control' AND local_id(id) LIKE '技%'), 53, 'fisc8: 技 53');
SELECT set_eq($$SELECT local_id(id) FROM kansa.control WHERE framework = 'fisc8' AND local_id(id) LIKE '%-%'$$,
	ARRAY['設83-1', '運10-1', '運44-1', '運51-1', '運53-1', '運87-1', '運90-1', '運105-1', '技35-1', '技42-1'],
	'fisc8: the -1 controls');
SELECT is((SELECT count(*)::int FROM kansa.control WHERE framework = 'fisc8' AND kind = 'control' AND coalesce(title, '') = ''), 0, 'fisc8: every control has its short title');
SELECT is((SELECT title FROM kansa.control WHERE id OPERATOR(kansa.=) 'fisc8:設1'), '各種災害、障害が発生しやすい地域を避けること', 'fisc8:設1 title');
SELECT is((SELECT controls FROM n WHERE framework = 'fisc10'), 315, 'fisc10: 315 controls');
SELECT set_eq($$SELECT regexp_replace(local_id(id), '[0-9-]', '', 'g'), count(*)::int FROM kansa.control WHERE framework = 'fisc10' AND kind = 'control' GROUP BY 1$$,
	$$VALUES ('統', 27), ('実', 149), ('設', 138), ('監', 1)$$, 'fisc10: 統 27, 実 149, 設 138, 監 1');
SELECT set_eq($$SELECT local_id(id) FROM kansa.control WHERE framework = 'fisc10' AND kind = 'section'$$,
	ARRAY['統', '実', '設', '監'], 'fisc10: sections 統 実 設 監');
SELECT is((SELECT controls FROM n WHERE framework = 'iso27017'), 40, 'iso27017: 40 clauses');
SELECT set_eq($$SELECT local_id(id) FROM kansa.control WHERE framework = 'iso27017' AND local_id(id) LIKE 'CLD%'$$,
	ARRAY['CLD.6.3.1', 'CLD.8.1.5', 'CLD.9.5.1', 'CLD.9.5.2', 'CLD.12.1.5', 'CLD.12.4.5', 'CLD.13.1.4'],
	'iso27017: the CLD clauses');
SELECT is((SELECT controls FROM n WHERE framework = 'meti_cloud'), 86, 'meti_cloud: 86 items');
SELECT is((SELECT controls FROM n WHERE framework = 'iso27001'), 114, 'iso27001: 114 Annex A controls');
SELECT is((SELECT sections FROM n WHERE framework = 'iso27001'), 49, 'iso27001: 14 clauses and 35 categories');
SELECT is((SELECT count(*)::int FROM kansa.control c WHERE c.framework = 'iso27001'
            AND c.parent IS DISTINCT FROM kansa.parent(c.id)), 14, 'iso27001: the tree follows the numbering below the clauses');
SELECT is((SELECT count(*)::int FROM kansa.control WHERE framework = 'meti_cloud' AND kind = 'control' AND coalesce(body, '') = ''), 0, 'meti_cloud: every item has its requirement');
SELECT is((SELECT title FROM kansa.control WHERE id OPERATOR(kansa.=) 'meti_cloud:4.3'), 'バックアップ', 'meti_cloud:4.3 is バックアップ');

-- reference values
SELECT is((SELECT count(*)::int FROM kansa.reference_item), 37, '37 evaluation items');
SELECT is((SELECT count(*)::int FROM kansa.reference_value), 222, '222 reference values');
SELECT is((SELECT count(*)::int FROM kansa.reference_item i
            WHERE (SELECT array_agg(pattern ORDER BY pattern) FROM kansa.reference_value v WHERE v.item = i.id)
                  IS DISTINCT FROM ARRAY[1, 2, 3, 4, 5, 6]), 0, 'every item has a value for each of the 6 patterns');
SELECT is((SELECT count(*)::int FROM kansa.reference_value WHERE must_achieve), 48, '48 values carry *');
SELECT is((SELECT count(DISTINCT raw)::int FROM kansa.reference_value), 64, '64 distinct published strings');
SELECT is((SELECT count(*)::int FROM kansa.reference_value WHERE raw = '-'), 22, '"-" kept as published');
SELECT results_eq($$SELECT v.pattern, v.raw, v.must_achieve FROM kansa.reference_value v JOIN kansa.reference_item i ON i.id = v.item
                    WHERE i.control OPERATOR(kansa.=) 'asp_saas:III.1.1.1' AND i.letter = 'a' ORDER BY 1$$,
	$$VALUES (1, '1回以上／5分*', true), (2, '1回以上／10分*', true), (3, '1回以上／20分*', true),
	         (4, '1回以上／5分*', true), (5, '1回以上／10分*', true), (6, '1回以上／20分*', true)$$,
	'III.1.1.1 a: liveness interval per pattern');
SELECT is((SELECT count(*)::int FROM kansa.reference_item i JOIN kansa.control c ON c.id OPERATOR(kansa.=) i.control
            WHERE c.kind <> 'control' OR c.framework <> 'asp_saas'), 0, 'evaluation items hang on asp_saas items');

-- the tree
SELECT is((SELECT count(*)::int FROM kansa.control c JOIN kansa.control p ON p.id OPERATOR(kansa.=) c.parent
            WHERE p.kind <> 'section'), 0, 'parents are sections');
SELECT is((SELECT count(*)::int FROM kansa.control WHERE kind = 'control' AND parent IS NULL), 0, 'every control has a section');
SELECT is((WITH RECURSIVE up (id, top, steps) AS (
              SELECT id, parent, 0 FROM kansa.control
              UNION ALL
              SELECT up.id, p.parent, steps + 1 FROM up JOIN kansa.control p ON p.id OPERATOR(kansa.=) up.top
               WHERE steps < 20)
           SELECT count(*)::int FROM up WHERE top IS NOT NULL AND steps >= 19), 0, 'parent links have no cycle (every path reaches a root)');
SELECT is((SELECT count(*)::int FROM kansa.control c JOIN kansa.control p ON p.id OPERATOR(kansa.=) c.parent
            WHERE p.position >= c.position), 0, 'a section comes before its members');
SELECT is((SELECT count(*)::int FROM kansa.control c WHERE c.framework = 'asp_saas'
            AND c.parent IS DISTINCT FROM kansa.parent(c.id)), 0, 'asp_saas: the tree follows the numbering');

-- ordering by id equals document order where the documents are numbered
CREATE TEMP VIEW order_check AS
	SELECT framework, id, position,
	       row_number() OVER (PARTITION BY framework ORDER BY id) AS by_id,
	       row_number() OVER (PARTITION BY framework ORDER BY position) AS by_doc
	  FROM kansa.control
	 WHERE kind = 'control' AND local_id(id) NOT LIKE 'CLD%';
SELECT is((SELECT count(*)::int FROM order_check WHERE framework = 'asp_saas' AND by_id <> by_doc), 0, 'asp_saas: id order = document order');
SELECT is((SELECT count(*)::int FROM order_check WHERE framework = 'meti_cloud' AND by_id <> by_doc), 0, 'meti_cloud: id order = document order');
SELECT is((SELECT count(*)::int FROM order_check WHERE framework = 'iso27017' AND by_id <> by_doc), 0, 'iso27017: id order = document order (numbered clauses)');
SELECT is((SELECT count(*)::int FROM order_check WHERE framework = 'iso27001' AND by_id <> by_doc), 0, 'iso27001: id order = document order');
-- FISC's parts come in the document as 設, 運, 技 (fisc10: 統, 実, 設, 監),
-- which is not the byte order of those characters; within a part it holds.
CREATE TEMP VIEW part_order_check AS
	SELECT framework,
	       row_number() OVER (PARTITION BY framework, left(local_id(id), 1) ORDER BY id) AS by_id,
	       row_number() OVER (PARTITION BY framework, left(local_id(id), 1) ORDER BY position) AS by_doc
	  FROM kansa.control WHERE kind = 'control' AND framework IN ('fisc8', 'fisc10');
SELECT is((SELECT count(*)::int FROM part_order_check WHERE framework = 'fisc8' AND by_id <> by_doc), 0,
	'fisc8: id order = document order within 設, 運 and 技');
SELECT is((SELECT count(*)::int FROM part_order_check WHERE framework = 'fisc10' AND by_id <> by_doc), 0,
	'fisc10: id order = document order within 統, 実, 設 and 監');

-- user rows: plain INSERTs, kept by pg_dump
INSERT INTO kansa.framework (code, title) VALUES ('caiq4', 'CSA CAIQ v4');
INSERT INTO kansa.control (id, kind, title) VALUES ('caiq4:A&A', 'section', 'Audit & Assurance');
INSERT INTO kansa.control (id, parent, title) VALUES ('caiq4:A&A-01.1', 'caiq4:A&A', 'Audit and assurance policy');
SELECT results_eq($$SELECT framework, kind, builtin, position > 1000 FROM kansa.control WHERE framework = 'caiq4' ORDER BY position$$,
	$$VALUES ('caiq4', 'section', false, true), ('caiq4', 'control', false, true)$$, 'a user adds a framework with plain INSERTs');
SELECT throws_ok($$INSERT INTO kansa.control (id) VALUES ('nosuch:1')$$, '23503', NULL, 'a control needs a known framework');
SELECT throws_ok($$INSERT INTO kansa.control (id, parent) VALUES ('caiq4:X', 'fisc8:設')$$, '23514', NULL, 'a parent belongs to the same framework');
SELECT set_eq($$SELECT unnest(extconfig) FROM pg_extension WHERE extname = 'kansa'$$,
	$$SELECT c.oid FROM pg_class AS c
	    JOIN pg_depend AS d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
	    JOIN pg_extension AS e ON e.oid = d.refobjid AND e.extname = 'kansa'
	   WHERE c.relkind IN ('r', 'S')
	     AND c.relname NOT IN ('control_gap', 'section_tally', 'assessment_tally')$$,
	'every table and sequence of the extension is registered with pg_extension_config_dump, but the summaries (derived, rebuilt on restore)');
SELECT ok(ARRAY['kansa.control_link', 'kansa.evidence_validity', 'kansa.service_dependency',
	'kansa.response', 'kansa.reference_value']::regclass[]::oid[]
	<@ (SELECT extconfig FROM pg_extension WHERE extname = 'kansa'),
	'the tables of links, evidence validity and service dependencies are among them');

-- Volatility: a function whose result depends on a setting may not be
-- IMMUTABLE (it could be folded into a plan or an index and go on using the
-- setting it saw).  SQL and plpgsql bodies are read here; for C functions,
-- test/cli/lint.sh derives the ones that read a setting from src/ with
-- scripts/settings-readers, and the two it finds today are named here.
SELECT is_empty($$SELECT p.oid::regprocedure FROM pg_proc AS p
				   JOIN pg_depend AS d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
				   JOIN pg_extension AS e ON e.oid = d.refobjid AND e.extname = 'kansa'
				  WHERE p.provolatile = 'i'
				    AND p.prolang IN (SELECT oid FROM pg_language WHERE lanname IN ('sql', 'plpgsql'))
				    AND (p.prosrc ~* '(current_setting|set_config|pg_settings)'
				         OR EXISTS (SELECT FROM pg_settings AS s WHERE s.name LIKE 'kansa.%'
				                     AND strpos(p.prosrc, s.name) > 0)
				         OR CASE WHEN p.prokind = 'f' AND p.prosqlbody IS NOT NULL
				                 THEN pg_get_function_sqlbody(p.oid) ~* '(current_setting|set_config|pg_settings|kansa\.import_max)'
				                 ELSE false END)$$,
				'no SQL or plpgsql function that reads a setting is IMMUTABLE');
SELECT is_empty($$SELECT p.oid::regprocedure FROM pg_proc AS p
				  WHERE p.pronamespace = 'kansa'::regnamespace AND p.provolatile = 'i'
				    AND p.prosrc IN ('kansa_read_sheet', 'kansa_sheet_answers')$$,
				'read_sheet and sheet_answers, whose results depend on the kansa.import_max_* settings, are not IMMUTABLE');

SELECT * FROM finish();
ROLLBACK;
