-- Every function of the extension, called with NULL in each argument
-- position, with NULL in all of them, and with empty and boundary values of
-- each argument type, one position at a time.  Each call must return or
-- raise an ordinary error: never crash the backend (the postmaster would
-- restart, and pg_postmaster_start_time() would move), and never raise an
-- internal error (XX000, an elog: "can't happen").  The functions come from
-- pg_proc, so a new function or overload is swept without editing this file.
BEGIN;
CREATE EXTENSION pgtap;
CREATE EXTENSION kansa;
SET search_path = kansa, public;

CREATE TEMP TABLE started AS SELECT pg_postmaster_start_time() AS t;

\ir ../fixtures/call_probe.sql

CREATE FUNCTION pg_temp.sweep() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
	f record;
	typical text[];
	args text[];
	i int;
	v record;
	calls int := 0;
BEGIN
	FOR f IN SELECT * FROM pg_temp.kansa_functions() LOOP
		typical := pg_temp.typical_args(f.types);
		-- all NULL, then the typical call
		PERFORM pg_temp.try(f.fn, ARRAY(SELECT format('NULL::%s', t) FROM unnest(f.types) AS t));
		PERFORM pg_temp.try(f.fn, typical);
		calls := calls + 2;
		FOR i IN 1 .. f.n LOOP
			-- NULL in this position alone
			args := typical;
			args[i] := format('NULL::%s', f.types[i - 1]);
			PERFORM pg_temp.try(f.fn, args);
			calls := calls + 1;
			-- each boundary value of the type in this position
			FOR v IN SELECT lit FROM probe WHERE typ = f.types[i - 1] AND n > 1 ORDER BY n LOOP
				args := typical;
				args[i] := format('(%s)::%s', v.lit, f.types[i - 1]);
				PERFORM pg_temp.try(f.fn, args);
				calls := calls + 1;
			END LOOP;
		END LOOP;
	END LOOP;
	RETURN calls;
END;
$$;

SELECT plan(6);

SELECT cmp_ok((SELECT count(*)::int FROM pg_depend d JOIN pg_proc p ON d.objid = p.oid
				WHERE d.classid = 'pg_proc'::regclass AND d.deptype = 'e'
				  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'kansa')),
			  '>=', 100, 'the sweep covers every function of the extension (100 and more)');
CREATE TEMP TABLE made AS SELECT pg_temp.sweep() AS calls;
SELECT cmp_ok((SELECT calls FROM made), '>=', 800, 'the sweep made its calls');
SELECT is((SELECT count(*)::int FROM outcome), (SELECT calls FROM made),
		  'every call returned or raised an ordinary error, and left its outcome (the session is still here)');
SELECT is_empty($$SELECT fn, args, sqlstate, message FROM outcome
				  WHERE sqlstate LIKE 'XX%' ORDER BY fn, args$$,
				'no call raised an internal error (XX000) or a corruption error');
-- an argument type the sweep has no value for would only ever be tried as NULL
SELECT is_empty($$SELECT DISTINCT t::regtype FROM pg_proc p
				   JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
				   AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'kansa'),
				   unnest(p.proargtypes::regtype[]) AS t
				  WHERE t NOT IN (SELECT typ FROM probe)$$,
				'the sweep has values for every argument type the functions take');
SELECT is((SELECT t FROM started), pg_postmaster_start_time(),
		  'the postmaster did not restart during the sweep');

SELECT * FROM finish();
ROLLBACK;
