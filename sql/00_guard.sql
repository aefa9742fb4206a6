\echo Use "CREATE EXTENSION kansa" to load this file. \quit

-- sql/00_guard.sql: the first part of kansa's install script: the guard
-- above, what the whole script keeps to (below), and the checks that come
-- before anything is made: a UTF8 database, a kansa schema nobody else
-- controls; then the schema's comment.
--
-- The install script is written in parts, sql/NN_*.sql, one per concern;
-- the Makefile joins them in the order of their numbers (its SQL_PARTS
-- list) through scripts/catalog2sql, which compiles the shipped catalogs
-- (data/*.tsv) in at the "@CATALOG_DATA@" line of 30_catalog.sql, and
-- writes sql/kansa--<version>.sql.  A part holds whole statements, after
-- the parts whose objects it uses.
--
-- House rules (see README): no CREATE OR REPLACE, no IF NOT EXISTS, every
-- object commented, built-ins qualified with pg_catalog in bodies.
--
-- Name resolution (CVE-2018-1058 and its kin); scripts/lint-sql checks the
-- rules, test/cli/trojan.sh tries to break them:
--   * Every function call is schema-qualified (pg_catalog.count(*),
--     kansa.local_id(id)), except keyword constructs such as COALESCE,
--     NULLIF, GREATEST, CAST and EXTRACT, which the grammar resolves.
--   * Every LANGUAGE sql or plpgsql function sets search_path = pg_catalog,
--     pg_temp: a plpgsql body is parsed when it runs, under the caller's
--     search_path otherwise.  A SET stops a SQL function from being inlined;
--     none of the SQL functions is used by a view.
--   * Operators are qualified (OPERATOR(pg_catalog.=)) in table definitions
--     and DO blocks; in function bodies and views they are not, on purpose.
--     Function bodies run with the search_path above.  A view's operators
--     are bound once, when CREATE EXTENSION creates it, and CREATE EXTENSION
--     runs this script with search_path = kansa, pg_temp whatever the
--     session's search_path: pg_catalog is searched first, then kansa, and
--     pg_temp is never searched for operators or functions.  A look-alike
--     planted in any other schema (public, or one first on the installing
--     role's search_path) is never seen.  What remains is the kansa schema
--     itself, so the guard below refuses to install into a kansa schema
--     that someone else owns or may create objects in.

DO $$
BEGIN
	IF pg_catalog.getdatabaseencoding() OPERATOR(pg_catalog.<>) 'UTF8' THEN
		RAISE EXCEPTION 'kansa requires a database with encoding UTF8, not %',
			pg_catalog.getdatabaseencoding()
			USING ERRCODE = 'feature_not_supported',
				  HINT = 'Create the database with ENCODING ''UTF8''.';
	END IF;
END
$$;

-- CREATE EXTENSION makes the schema kansa unless it exists, and then uses
-- it as it is.  One made beforehand is trusted like this script: it must
-- belong to the installing role or a superuser, and nobody else may own an
-- object in it or create one (its owner could rename it and put look-alikes
-- of kansa's functions in its place; anyone who may create in it could
-- plant better-matching operators for the views).
DO $$
DECLARE
	v_nsp pg_catalog.oid;
	v_who pg_catalog.oid;
	v_what text;
BEGIN
	SELECT n.oid INTO v_nsp FROM pg_catalog.pg_namespace AS n
	 WHERE n.nspname OPERATOR(pg_catalog.=) 'kansa';
	SELECT x.who, x.what INTO v_who, v_what
	  FROM (SELECT n.nspowner AS who, 'owns it' AS what
			  FROM pg_catalog.pg_namespace AS n WHERE n.oid OPERATOR(pg_catalog.=) v_nsp
			UNION ALL
			SELECT a.grantee, 'may create objects in it'
			  FROM pg_catalog.pg_namespace AS n, pg_catalog.aclexplode(n.nspacl) AS a
			 WHERE n.oid OPERATOR(pg_catalog.=) v_nsp
			   AND a.privilege_type OPERATOR(pg_catalog.=) 'CREATE'
			UNION ALL
			SELECT p.proowner, 'owns a function in it' FROM pg_catalog.pg_proc AS p
			 WHERE p.pronamespace OPERATOR(pg_catalog.=) v_nsp
			UNION ALL
			SELECT o.oprowner, 'owns an operator in it' FROM pg_catalog.pg_operator AS o
			 WHERE o.oprnamespace OPERATOR(pg_catalog.=) v_nsp
			UNION ALL
			SELECT t.typowner, 'owns a type in it' FROM pg_catalog.pg_type AS t
			 WHERE t.typnamespace OPERATOR(pg_catalog.=) v_nsp
			UNION ALL
			SELECT c.relowner, 'owns a relation in it' FROM pg_catalog.pg_class AS c
			 WHERE c.relnamespace OPERATOR(pg_catalog.=) v_nsp) AS x
	 WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_roles AS r
						WHERE r.oid OPERATOR(pg_catalog.=) x.who
						  AND (r.rolsuper OR r.rolname OPERATOR(pg_catalog.=) CURRENT_USER))
	 LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'schema "kansa" exists already and % %', CASE WHEN v_who OPERATOR(pg_catalog.=) '0'
			THEN 'PUBLIC' ELSE v_who::pg_catalog.regrole::pg_catalog.text END, v_what
			USING ERRCODE = 'insufficient_privilege',
				  DETAIL = 'CREATE EXTENSION kansa installs into the schema kansa as it finds it, so whoever owns it or may create in it could replace or shadow kansa''s functions and operators.',
				  HINT = 'Drop the schema kansa first (CREATE EXTENSION creates it), or give it and everything in it to the installing role and revoke CREATE on it from everyone else.';
	END IF;
END
$$;

COMMENT ON SCHEMA kansa IS
'kansa: vendor security assessments. Types for controls, answers, evidence and reference values; framework catalogs; imported vendor answer sheets and the views that show their gaps.';
