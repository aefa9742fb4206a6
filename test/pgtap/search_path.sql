-- Every SQL, plpgsql and SECURITY DEFINER function of the extension runs
-- with its own search_path (the hostile-input test plan (README, Security model), "The install
-- script"): pg_proc.proconfig sets it, to trusted schemas only, pg_temp last.
BEGIN;
CREATE EXTENSION pgtap;
CREATE EXTENSION kansa;
SELECT plan(5);

CREATE TEMP VIEW kansa_fn AS
SELECT p.oid::regprocedure::text AS fn, l.lanname, p.prosecdef,
	   (SELECT pg_catalog.split_part(c, '=', 2) FROM pg_catalog.unnest(p.proconfig) AS c
		 WHERE c LIKE 'search_path=%') AS search_path
  FROM pg_depend AS d
  JOIN pg_proc AS p ON d.classid = 'pg_proc'::regclass AND p.oid = d.objid
  JOIN pg_language AS l ON l.oid = p.prolang
 WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
   AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'kansa')
   AND (l.lanname IN ('sql', 'plpgsql') OR p.prosecdef);

-- not vacuous: import_sheet, review, sheet_verdict, control_tree_refresh,
-- sheet_answers, service_type_match, saas_pattern_of, service_type_known
SELECT cmp_ok((SELECT count(*)::integer FROM kansa_fn), '>=', 8,
	'kansa has at least 8 SQL, plpgsql or SECURITY DEFINER functions');
SELECT ok((SELECT bool_and(fn IN (SELECT k.fn FROM kansa_fn AS k)) FROM (VALUES
	('kansa.import_sheet_by(oid,text,text,text,text,bytea,text,jsonb)'),
	('kansa.review_by(oid,bigint,kansa.answer,text)'),
	('kansa.control_tree_refresh()'),
	('kansa.service_type_match(text)')) AS v (fn)),
	'the functions checked include import_sheet, review, the trigger and a SQL function');
SELECT is_empty($$SELECT fn FROM kansa_fn WHERE search_path IS NULL$$,
	'every SQL, plpgsql and SECURITY DEFINER function of kansa has search_path in proconfig');
SELECT is_empty($$
	SELECT fn || ': ' || search_path FROM kansa_fn
	 WHERE search_path IS NOT NULL
	   AND (NOT (pg_catalog.string_to_array(search_path, ', ') <@ ARRAY['pg_catalog', 'kansa', 'pg_temp'])
			OR (pg_catalog.string_to_array(search_path, ', '))[pg_catalog.cardinality(pg_catalog.string_to_array(search_path, ', '))] <> 'pg_temp'
			OR pg_catalog.strpos(search_path, 'pg_catalog') = 0)$$,
	'each of those search_paths names only pg_catalog, kansa and pg_temp, with pg_temp last');

-- a SECURITY DEFINER function runs as kansa's own roles, which see every
-- tenant: none may print its statements' plans to the caller
SELECT is_empty($$
	SELECT p.oid::regprocedure FROM pg_proc AS p
	  JOIN pg_depend AS d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
	   AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'kansa')
	 WHERE p.prosecdef
	   AND NOT (p.proconfig @> ARRAY['debug_print_plan=off', 'debug_print_parse=off', 'debug_print_rewritten=off'])$$,
	'every SECURITY DEFINER function of kansa turns debug_print_plan, _parse and _rewritten off');

SELECT * FROM finish();
ROLLBACK;
