-- Catalogs in and results out: import_catalog() (oscal-json, caiq, csv),
-- oscal_catalog() and its round trip, oscal_assessment_results(), and
-- hostile catalogs (clean errors, nothing stored).  The catalogs are small
-- hand-written files in test/fixtures/catalogs; the CAIQ questions there are
-- this test's own text, not CSA's.  Runs in a database of its own, so that
-- the frameworks it loads are seen by no other test.
SET client_min_messages = warning;
\set SHOW_CONTEXT never
\getenv abs_srcdir PG_ABS_SRCDIR
\set oscal :abs_srcdir '/fixtures/catalogs/oscal_small.json'
\set caiq_csv :abs_srcdir '/fixtures/catalogs/caiq_small.csv'
\set caiq_xlsx :abs_srcdir '/fixtures/catalogs/caiq_small.xlsx'
\set bank :abs_srcdir '/fixtures/catalogs/bank_questionnaire.csv'
DROP DATABASE IF EXISTS kansa_catalog_io;
CREATE DATABASE kansa_catalog_io TEMPLATE template0 ENCODING 'UTF8';
\c kansa_catalog_io
SET client_min_messages = warning;
CREATE EXTENSION kansa;
SET search_path = kansa, public;
CREATE FUNCTION f(t text) RETURNS bytea LANGUAGE sql AS $$ SELECT convert_to(t, 'UTF8') $$;
-- a framework's rows as they are compared below
CREATE FUNCTION rows_of(fw text) RETURNS TABLE (local_id text, parent text, kind text, level text,
		title text, body text, label text, withdrawn boolean, n bigint)
	LANGUAGE sql AS $$
	SELECT local_id(id), local_id(parent), kind, level, title, body, label, withdrawn,
	       row_number() OVER (ORDER BY position, id)
	  FROM kansa.control WHERE framework = fw $$;

--
-- 1. OSCAL catalog: groups in groups, controls in controls, label and
--    sort-id props, statement items, params, withdrawn, back-matter
--
SELECT * FROM import_catalog('exoscal', pg_read_binary_file(:'oscal'), 'oscal-json');
SELECT code, title, edition, builtin, section_depth FROM framework WHERE code = 'exoscal';
-- sort-id orders AC-1 before AC-2 and AC-2(1) before AC-2(2) (written the
-- other way round); the group without an id is named by its place; the
-- ISMAP-style ids come from kansa's local-id prop
SELECT local_id(id) AS id, local_id(parent) AS parent, kind, level, title, label, withdrawn, depth, section
  FROM control WHERE framework = 'exoscal' ORDER BY position;
-- the statement with its items, params inserted as their labels (a select
-- as its choices, a param without a label and an undefined one as their ids);
-- guidance and group parts are no part of it
SELECT body FROM control WHERE id = 'exoscal:ac-2';
SELECT id, body FROM control WHERE framework = 'exoscal' AND body IS NOT NULL AND id <> 'exoscal:AC-2' ORDER BY position;
SELECT bool_and(NOT builtin) AS user_rows FROM control WHERE framework = 'exoscal';

--
-- 2. CAIQ v4: the framework from the file's own Question ID and Question
--    columns; the CCM title columns title the sections; CSV and xlsx alike
--
SELECT * FROM import_catalog('caiq_csv', pg_read_binary_file(:'caiq_csv'), 'caiq');
SELECT * FROM import_catalog('caiq_xlsx', pg_read_binary_file(:'caiq_xlsx'), 'caiq', '{"title": "CAIQ v4 (our copy)"}');
SELECT code, title, builtin FROM framework WHERE code LIKE 'caiq%' ORDER BY code;
SELECT local_id(id) AS id, local_id(parent) AS parent, kind, title, body, depth, section
  FROM control WHERE framework = 'caiq_csv' ORDER BY position;
SELECT count(*) AS differences FROM (
  (SELECT * FROM rows_of('caiq_csv') EXCEPT SELECT * FROM rows_of('caiq_xlsx'))
  UNION ALL
  (SELECT * FROM rows_of('caiq_xlsx') EXCEPT SELECT * FROM rows_of('caiq_csv'))) AS d;
-- the same files then import as answers: mark, SSRM ownership, description
SELECT kind, row_number, control, mark, ownership, verdict, reason
  FROM sheet_answers(pg_read_binary_file(:'caiq_xlsx'), 'caiq_xlsx') ORDER BY row_number, kind;
SELECT status, format, rows_read, responses, rejected, skipped, unknown_controls, conflicts
  FROM import_sheet('Bank A', 'Cloud Co', 'Cloud Service', 'caiq_csv',
                    pg_read_binary_file(:'caiq_csv'), 'caiq_small.csv');
SELECT local_id(control) AS control, mark, ownership, verdict, verdict_source, conflict
  FROM response ORDER BY control;

--
-- 3. CSV: id, title, parent, level, description (a parent may come later;
--    rows others name as parent are sections; levels in Japanese or English)
--
SELECT * FROM import_catalog('bank_q', pg_read_binary_file(:'bank'), 'csv', '{"title": "Bank A questionnaire", "edition": "2025", "section_depth": 1}');
SELECT code, title, edition, publisher, source ~ '^loaded by .* with import_catalog\(\) from a file in format csv$' AS source_said
  FROM framework WHERE code = 'bank_q';
SELECT local_id(id) AS id, local_id(parent) AS parent, kind, level, title, body, section
  FROM control WHERE framework = 'bank_q' ORDER BY position;
-- an explicit kind column, a label column and tab-separated text
SELECT * FROM import_catalog('tsv_q', f(E'ID\tTitle\tKind\tLabel\nA\tPart A\tsection\t第A部\nA.1\tfirst\t\t\n'), 'csv');
SELECT local_id(id), kind, label, title FROM control WHERE framework = 'tsv_q' ORDER BY position;

--
-- 4. oscal_catalog(): any framework as an OSCAL catalog
--
CREATE TEMP TABLE ex AS SELECT oscal_catalog('exoscal') AS doc;
SELECT jsonb_path_query_array(doc, '$.catalog.metadata.title') AS title,
       jsonb_path_query_array(doc, '$.catalog.metadata.version') AS version,
       jsonb_path_query_array(doc, '$.catalog.metadata."oscal-version"') AS oscal_version,
       doc -> 'catalog' ->> 'uuid' ~ '^[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' AS uuid_v3,
       doc #>> '{catalog,metadata,last-modified}' ~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$' AS last_modified
  FROM ex;
SELECT jsonb_path_query_array(doc, '$.catalog.groups[*].id') AS groups,
       jsonb_path_query_array(doc, '$.catalog.groups[0].controls[*].id') AS ac_controls,
       jsonb_path_query_array(doc, '$.catalog.groups[0].controls[1].controls[*].id') AS ac2_enhancements,
       jsonb_path_query_array(doc, '$.catalog.groups[0].groups[*].controls[*].id') AS nested_group_controls,
       jsonb_path_query_array(doc, '$.catalog.groups[1].controls[0].controls[*].id') AS ismap_children
  FROM ex;
SELECT jsonb_pretty(doc #> '{catalog,groups,0,controls,1,controls,1}') FROM ex;
-- the same content, the same uuid
SELECT (SELECT doc -> 'catalog' -> 'uuid' FROM ex) = oscal_catalog('exoscal') -> 'catalog' -> 'uuid' AS same_uuid;
-- ids that are no OSCAL token made one
SELECT oscal_token(x) FROM unnest(ARRAY['5.1.1', 'A&A-01.1', 'AC-2(1)', '設83-1', '-x', 'III.1']) AS x;
SELECT doc #>> '{catalog,groups,0,id}' AS first_group FROM (SELECT oscal_catalog('iso27017') AS doc) AS x;

--
-- 5. The round trip: every shipped catalog, exported and imported as a new
--    framework, gives the same controls, titles, bodies, tree and order
--
CREATE TEMP TABLE rt AS
SELECT f.code, r.sections, r.controls
  FROM framework AS f
  CROSS JOIN LATERAL import_catalog('rt_' || f.code, convert_to(oscal_catalog(f.code)::text, 'UTF8'), 'oscal-json') AS r
 WHERE f.builtin OR f.code IN ('exoscal', 'caiq_csv', 'bank_q');
SELECT rt.code, rt.sections, rt.controls,
       (SELECT count(*) FROM control WHERE framework = rt.code) AS rows,
       (SELECT count(*) FROM ((SELECT * FROM rows_of(rt.code) EXCEPT SELECT * FROM rows_of('rt_' || rt.code))
                              UNION ALL
                              (SELECT * FROM rows_of('rt_' || rt.code) EXCEPT SELECT * FROM rows_of(rt.code))) AS d) AS differences,
       (SELECT title FROM framework WHERE code = 'rt_' || rt.code) = f.title AS same_title,
       (SELECT edition FROM framework WHERE code = 'rt_' || rt.code) IS NOT DISTINCT FROM f.edition AS same_edition
  FROM rt JOIN framework AS f ON f.code = rt.code ORDER BY rt.code;
-- the CSV file put Q2.1 before its section Q2: stored in tree order, as
-- the catalog comes back
SELECT local_id(id) FROM control WHERE framework = 'rt_bank_q' ORDER BY position;

--
-- 6. oscal_assessment_results(): one result, an observation per response,
--    a finding per control
--
CREATE TEMP TABLE ar AS
SELECT oscal_assessment_results((SELECT id FROM assessment WHERE framework = 'caiq_csv')) AS doc;
SELECT jsonb_array_length(doc #> '{assessment-results,results}') AS results,
       jsonb_array_length(doc #> '{assessment-results,results,0,observations}') AS observations,
       (SELECT count(*) FROM response) AS responses,
       jsonb_array_length(doc #> '{assessment-results,results,0,findings}') AS findings,
       (SELECT count(*) FROM control WHERE framework = 'caiq_csv' AND kind = 'control') AS controls,
       doc #> '{assessment-results,results,0,reviewed-controls}' AS reviewed,
       doc #> '{assessment-results,import-ap,href}' AS import_ap
  FROM ar;
-- observations: EXAMINE, collected when the sheet was imported, the
-- evidence items the answer cites
SELECT o ->> 'title' AS control, o -> 'methods' AS methods,
       (o ->> 'collected')::timestamptz = (SELECT date_trunc('second', imported_at) FROM assessment WHERE framework = 'caiq_csv' ORDER BY id LIMIT 1) AS collected_is_import,
       jsonb_path_query_array(o, '$.props[*] ? (@.ns == "urn:kansa:oscal").value') AS kansa_props,
       jsonb_path_query_array(o, '$."relevant-evidence"[*].description') AS evidence,
       o ->> 'description' AS answer
  FROM ar, jsonb_array_elements(doc #> '{assessment-results,results,0,observations}') AS o;
-- findings: the status from the verdict, the implementation status mapped,
-- responsibility in kansa's namespace, the related observation
SELECT fi #>> '{target,target-id}' AS target, fi #>> '{target,type}' AS type,
       fi #>> '{target,status,state}' AS state,
       fi #>> '{target,implementation-status,state}' AS implementation,
       jsonb_path_query_first(fi, '$.props[*] ? (@.name == "verdict" && @.ns == "urn:kansa:oscal").value') AS verdict,
       jsonb_path_query_first(fi, '$.props[*] ? (@.name == "responsibility" && @.ns == "urn:kansa:oscal").value') AS responsibility,
       fi #>> '{related-observations,0,observation-uuid}' IN
         (SELECT o ->> 'uuid' FROM ar AS a2, jsonb_array_elements(a2.doc #> '{assessment-results,results,0,observations}') AS o) AS observed
  FROM ar, jsonb_array_elements(doc #> '{assessment-results,results,0,findings}') AS fi;
-- every target is an id of the exported catalog
SELECT count(*) AS targets_not_in_catalog
  FROM ar, jsonb_array_elements(doc #> '{assessment-results,results,0,findings}') AS fi
 WHERE NOT (fi #> '{target,target-id}') IN (SELECT jsonb_path_query(oscal_catalog('caiq_csv'), 'strict $.**.controls[*].id'));
-- a control the sheet does not answer is a not-satisfied finding with no observation
SELECT * FROM import_sheet('Bank A', 'Cloud Co', 'Cloud Service', 'caiq_csv',
                           f(E'Question ID,CSP CAIQ Answer,CSP Implementation Description\nA&A-01.1,Yes,方針は文書化しています。\n'),
                           'caiq-2.csv') \gset
SELECT fi #>> '{target,target-id}' AS target, fi #>> '{target,status,state}' AS state,
       fi -> 'related-observations' IS NULL AS no_observation, fi ->> 'description' AS description
  FROM jsonb_array_elements(oscal_assessment_results(:assessment_id) #> '{assessment-results,results,0,findings}') AS fi;
-- the superseded assessment is still exported, and says so
SELECT jsonb_path_query_first(oscal_assessment_results(min(id)), '$."assessment-results".results[0].props[*] ? (@.name == "current").value') AS current
  FROM assessment;
-- a scope: only the controls asked
SELECT assessment_id AS scoped_id FROM import_sheet('Bank A', 'Cloud Co', 'Cloud Service', 'caiq_csv',
       f(E'Question ID,CSP CAIQ Answer\nAIS-01.1,NA\n'), 'caiq-3.csv', '{"scope": ["AIS-01.1", "AIS-10.1"]}') \gset
SELECT jsonb_path_query_array(x, '$."assessment-results".results[0]."reviewed-controls"') AS reviewed,
       jsonb_path_query_array(x, '$."assessment-results".results[0].findings[*].target."target-id"') AS findings
  FROM oscal_assessment_results(:scoped_id) AS x;
SELECT oscal_assessment_results(0);
SELECT oscal_assessment_results(NULL);
SELECT oscal_catalog('no_such_framework');

--
-- 7. Privileges: kansa_admin loads catalogs; an analyst may not, and sees
--    only its organisation's results
--
SELECT pg_read_binary_file(:'caiq_csv') AS caiq_bytes \gset
CREATE ROLE catalog_io_admin NOLOGIN IN ROLE kansa_admin;
CREATE ROLE catalog_io_analyst NOLOGIN IN ROLE kansa_analyst;
SET ROLE catalog_io_admin;
SELECT * FROM import_catalog('admin_q', convert_to(E'id,title\nX1,one\n', 'UTF8'), 'csv');
SELECT * FROM import_catalog('admin_c', :'caiq_bytes'::bytea, 'caiq');
RESET ROLE;
SET ROLE catalog_io_analyst;
SELECT * FROM import_catalog('analyst_q', convert_to(E'id,title\nX1,one\n', 'UTF8'), 'csv');
SELECT oscal_assessment_results(:scoped_id);
SELECT count(*) FROM assessment;
SELECT jsonb_path_query_array(oscal_catalog('admin_q'), '$.catalog.controls[*].id') AS anyone_exports;
RESET ROLE;
SELECT code, builtin FROM framework WHERE code LIKE 'a%q' OR code = 'admin_c' ORDER BY code;
-- user rows are what pg_dump keeps
SELECT t.relname, c.condition
  FROM pg_extension AS e, unnest(e.extconfig, e.extcondition) AS c (oid, condition)
  JOIN pg_class AS t ON t.oid = c.oid
 WHERE e.extname = 'kansa' AND t.relname IN ('framework', 'control') ORDER BY 1;

--
-- 8. Hostile and broken catalogs: a clean error naming where, and nothing
--    stored
--
\set VERBOSITY default
-- OSCAL: not JSON, not a catalog, wrong types, each with its JSON path
SELECT import_catalog('bad1', '\xfffe'::bytea, 'oscal-json');
SELECT import_catalog('bad1', f('{"catalog": '), 'oscal-json');
SELECT import_catalog('bad1', f('[1, 2]'), 'oscal-json');
SELECT import_catalog('bad1', f('{"profile": {}}'), 'oscal-json');
SELECT import_catalog('bad1', f('{"catalog": {"metadata": {}}}'), 'oscal-json');
SELECT import_catalog('bad1', f('{"catalog": {"metadata": {"title": "t"}, "groups": {}}}'), 'oscal-json');
SELECT import_catalog('bad1', f('{"catalog": {"metadata": {"title": "t"}, "groups": [{"title": "g", "controls": [{"title": "c"}]}]}}'), 'oscal-json');
SELECT import_catalog('bad1', f('{"catalog": {"metadata": {"title": "t"}, "groups": [{"title": "g", "controls": [{"id": "c", "title": 7}]}]}}'), 'oscal-json');
SELECT import_catalog('bad1', f('{"catalog": {"metadata": {"title": "t"}, "controls": [{"id": "c", "title": "c", "props": [{"name": "label"}]}]}}'), 'oscal-json');
SELECT import_catalog('bad1', f('{"catalog": {"metadata": {"title": "t"}, "controls": [{"id": "c", "title": "c", "parts": [{"name": "statement", "prose": ["x"]}]}]}}'), 'oscal-json');
SELECT import_catalog('bad1', f('{"catalog": {"metadata": {"title": "t"}, "controls": [{"id": "c", "title": "c", "groups": []}]}}'), 'oscal-json');
SELECT import_catalog('bad1', f('{"catalog": {"metadata": {"title": "t"}, "controls": [1]}}'), 'oscal-json');
-- deep nesting: groups in groups, parts in parts, and JSON itself
SELECT import_catalog('bad1', f('{"catalog": {"metadata": {"title": "t"}, "groups": ['
       || repeat('{"title": "g", "groups": [', 40) || '{"title": "g"}' || repeat(']}', 40) || ']}}'), 'oscal-json');
SELECT import_catalog('bad1', f('{"catalog": {"metadata": {"title": "t"}, "controls": [{"id": "c", "title": "c", "parts": ['
       || '{"name": "statement", "parts": [' || repeat('{"name": "item", "parts": [', 30) || '{"name": "item"}' || repeat(']}', 30)
       || ']}]}]}}'), 'oscal-json');
SELECT import_catalog('bad1', f(repeat('[', 200000) || repeat(']', 200000)), 'oscal-json');
SELECT import_catalog('bad1', f(repeat('{"a":', 200000) || '1' || repeat('}', 200000)), 'oscal-json');
-- huge arrays: past kansa.import_max_rows, refused before they are walked
SET kansa.import_max_rows = 1000;
SELECT import_catalog('bad1', f('{"catalog": {"metadata": {"title": "t"}, "controls": ['
       || (SELECT string_agg(format('{"id": "c-%s", "title": "c"}', g), ',') FROM generate_series(1, 200000) AS g) || ']}}'), 'oscal-json');
SELECT import_catalog('bad1', f('{"catalog": {"metadata": {"title": "t"}, "groups": ['
       || (SELECT string_agg(format('{"id": "g-%s", "title": "g", "controls": [{"id": "c-%s", "title": "c"}]}', g, g), ',')
             FROM generate_series(1, 600) AS g) || ']}}'), 'oscal-json');
SELECT import_catalog('bad1', f(E'id,title\n' || (SELECT string_agg(format('Q%s,t', g), E'\n') FROM generate_series(1, 1001) AS g)), 'csv');
RESET kansa.import_max_rows;
-- duplicate ids (the same after normalisation too), in each format
SELECT import_catalog('bad1', f('{"catalog": {"metadata": {"title": "t"}, "controls": [{"id": "ac-1", "title": "a"}, {"id": "c", "title": "c", "controls": [{"id": "AC-1", "title": "b"}]}]}}'), 'oscal-json');
SELECT import_catalog('bad1', f(E'id,title\nQ1,a\nq 1,b\n'), 'csv');
SELECT import_catalog('bad1', f(E'Question ID,Question\nA&A-01.1,a\nA&A-01.1,b\n'), 'caiq');
-- a question id of another shape (three numbers)
SELECT import_catalog('bad1', f(E'Question ID,Question\nA&A-01.1,a\nA&A-01.1.1,b\n'), 'caiq');
-- cycles in parents, a self-parent, a missing parent
SELECT import_catalog('bad1', f(E'id,title,parent\nA,a,C\nB,b,A\nC,c,B\nD,d,\n'), 'csv');
SELECT import_catalog('bad1', f(E'id,title,parent\nA,a,A\n'), 'csv');
SELECT import_catalog('bad1', f(E'id,title,parent\nA,a,\nB,b,Z\n'), 'csv');
-- a tree deeper than 16
SELECT import_catalog('bad1', f(E'id,title,parent\n' || (SELECT string_agg(format('N%s,t,%s', g, CASE WHEN g > 1 THEN 'N' || (g - 1) END), E'\n') FROM generate_series(1, 20) AS g)), 'csv');
-- ids the control_id type refuses
SELECT import_catalog('bad1', f(E'id,title\nQ#1,a\n'), 'csv');
SELECT import_catalog('bad1', f(E'id,title,parent\nQ1,a,\nQ2,b,Q:1\n'), 'csv');
SELECT import_catalog('bad1', f('{"catalog": {"metadata": {"title": "t"}, "controls": [{"id": "' || repeat('x', 80) || '", "title": "c"}]}}'), 'oscal-json');
SELECT import_catalog('bad1', f('{"catalog": {"metadata": {"title": "t"}, "controls": [{"id": "a b 😀", "title": "c"}]}}'), 'oscal-json');
SELECT import_catalog('bad1', f(E'Question ID,Question\nA&A 01,a\n'), 'caiq');
-- broken sheets
SELECT import_catalog('bad1', f(E'code,name\nQ1,a\n'), 'csv');
SELECT import_catalog('bad1', f(E'id,title\nQ1,a\n,b\n'), 'csv');
SELECT import_catalog('bad1', f(E'id,title,level\nQ1,a,mandatory\n'), 'csv');
SELECT import_catalog('bad1', f(E'id,title,kind\nQ1,a,chapter\n'), 'csv');
SELECT import_catalog('bad1', f(E'id,title\n'), 'csv');
SELECT import_catalog('bad1', f(E'ID,Question\nA&A-01.1,a\n'), 'caiq');
SELECT import_catalog('bad1', '', 'csv');
SELECT import_catalog('bad1', f('%PDF-1.4'), 'caiq');
-- bad calls
SELECT import_catalog('fisc8', f(E'id,title\nQ1,a\n'), 'csv');
SELECT import_catalog('bank_q', f(E'id,title\nQ1,a\n'), 'csv');
SELECT import_catalog('Bad Code', f(E'id,title\nQ1,a\n'), 'csv');
SELECT import_catalog('bad1', f(E'id,title\nQ1,a\n'), 'xml');
SELECT import_catalog('bad1', f(E'id,title\nQ1,a\n'), 'csv', '[]');
SELECT import_catalog(NULL, f(E'id,title\nQ1,a\n'), 'csv');
SELECT import_catalog('bad1', NULL, 'csv');
SELECT import_catalog('bad1', f(E'id,title\nQ1,a\n'), NULL);
-- a user's own empty framework row is filled; NULL options are none
INSERT INTO framework (code, title, publisher) VALUES ('own_q', 'Our own questionnaire', 'Bank A');
SELECT * FROM import_catalog('own_q', f(E'id,title\nQ1,a\n'), 'csv', NULL);
SELECT code, title, publisher FROM framework WHERE code = 'own_q';
-- nothing of the failed imports was stored, and the backend is still here
SELECT count(*) AS bad_frameworks FROM framework WHERE code LIKE 'bad%';
SELECT count(*) AS bad_controls FROM control WHERE framework LIKE 'bad%';
SELECT count(*) AS temp_tables_left FROM pg_class WHERE relname LIKE 'kansa\_catalog\_%' AND relpersistence = 't';
\set VERBOSITY terse

\c contrib_regression
DROP DATABASE kansa_catalog_io;
DROP ROLE catalog_io_admin;
DROP ROLE catalog_io_analyst;
