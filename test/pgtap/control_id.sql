-- kansa.control_id: error codes and properties, as pgTAP assertions.
BEGIN;
CREATE EXTENSION pgtap;
CREATE EXTENSION kansa;
SET search_path = kansa, public;
SELECT plan(24);

SELECT throws_ok($$SELECT 'fisc8'::kansa.control_id$$, '22P02',
	'invalid input syntax for type control_id: "fisc8"', 'no colon');
SELECT throws_ok($$SELECT 'fisc8:'::kansa.control_id$$, '22P02',
	'invalid input syntax for type control_id: "fisc8:"', 'empty local part');
SELECT throws_ok($$SELECT '1x:a'::kansa.control_id$$, '22P02',
	'invalid input syntax for type control_id: "1x:a"', 'bad framework code');
SELECT throws_ok($$SELECT 'x:a%b'::kansa.control_id$$, '22P02',
	'invalid input syntax for type control_id: "x:a%b"', 'forbidden character');
SELECT throws_ok($$SELECT ('x:' || repeat('字', 22))::kansa.control_id$$, '22P02',
	NULL, 'local part over 64 bytes');
SELECT throws_ok($$SELECT kansa.control_id('x', '')$$, '22P02',
	'invalid input syntax for type control_id: "x:"', 'constructor checks too');

-- equality is byte equality of the canonical form
SELECT is('FISC8:運 10-1'::kansa.control_id::text, 'fisc8:運10-1', 'canonical text');
SELECT ok('fisc8:運１０－１'::kansa.control_id OPERATOR(kansa.=) 'fisc8:運10-1', 'full-width digits and dash');
SELECT ok('asp_saas:Ⅲ. 1. 1. 1'::kansa.control_id OPERATOR(kansa.=) 'asp_saas:III.1.1.1', 'Roman numeral sign');
SELECT ok('iso27017:cld.9.5.1'::kansa.control_id OPERATOR(kansa.=) 'iso27017:CLD.9.5.1', 'case');

-- in(out(x)) = x and is_valid agrees with the input function over the catalogs
SELECT is((SELECT count(*) FROM kansa.control
            WHERE kansa.control_id(id::text) OPERATOR(kansa.<>) id)::int, 0,
	'in(out(x)) = x for every catalog id');
SELECT is((SELECT count(*) FROM kansa.control WHERE NOT kansa.is_valid_control_id(id::text))::int, 0,
	'is_valid_control_id accepts every catalog id');

CREATE TEMP TABLE probe (s text);
INSERT INTO probe VALUES ('fisc8'), ('fisc8:'), (':'), ('x:.'), ('x:#'), ('x: ㈱'),
	('x:Ⅻ'), ('x:ｶﾞ'), ('x:a‐b'), ('X_Y:z'), ('x_:1'), ('_x:1'), (''),
	('x:' || repeat('a', 64)), ('x:' || repeat('a', 65)), (E'x:\u00AD'),
	('x:(1)/2&3_4'), ('x:①'), ('x:¹'), ('x:½'), ('x:١'), ('x:Ⅱ.Ⅲ'), ('a:b:c');
CREATE FUNCTION pg_temp.parses(s text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
	PERFORM s::kansa.control_id;
	RETURN true;
EXCEPTION WHEN invalid_text_representation THEN
	RETURN false;
END $$;
SELECT is((SELECT count(*) FROM probe WHERE pg_temp.parses(s) <> kansa.is_valid_control_id(s))::int, 0,
	'is_valid_control_id agrees with the input function on odd input');
SELECT is((SELECT count(*) FROM probe
            WHERE CASE WHEN pg_temp.parses(s)
                       THEN kansa.control_id(s)::text::kansa.control_id::text <> kansa.control_id(s)::text
                  END)::int, 0,
	'normalisation is idempotent');

-- natural order is a total order consistent with equality (on the catalogs)
SELECT is((SELECT count(*) FROM kansa.control a JOIN kansa.control b
            ON kansa.control_id_cmp(a.id, b.id) = 0 AND a.id::text <> b.id::text)::int, 0,
	'cmp = 0 only for equal values');
SELECT is((SELECT count(*) FROM kansa.control a JOIN kansa.control b
            ON kansa.control_id_cmp(a.id, b.id) <> -kansa.control_id_cmp(b.id, a.id))::int, 0,
	'cmp is antisymmetric');
SELECT is((SELECT count(*) FROM (SELECT id, lead(id) OVER (ORDER BY id) AS nxt FROM kansa.control) s
            WHERE nxt IS NOT NULL AND NOT (id OPERATOR(kansa.<) nxt))::int, 0,
	'ORDER BY agrees with <');

-- a large sort with abbreviated keys agrees with pairwise comparison
CREATE TEMP TABLE many AS
	SELECT kansa.control_id(f, l) AS id
	  FROM (SELECT (ARRAY['fisc8', 'asp_saas', 'x', 'fisc10', 'zz'])[1 + g % 5] AS f,
	               (ARRAY['運', '設', 'III.', 'CLD.', 'A', '0'])[1 + g % 6] || (g % 997) ||
	               (CASE WHEN g % 3 = 0 THEN '-' || (g % 13) ELSE '.' || (g % 11) END) AS l
	          FROM generate_series(1, 60000) g) s;
SET LOCAL work_mem = '64kB';
SELECT is((SELECT count(*) FROM (SELECT id, lag(id) OVER (ORDER BY id) AS prev FROM many) s
            WHERE prev IS NOT NULL AND kansa.control_id_cmp(prev, id) > 0)::int, 0,
	'external sort with abbreviated keys is in natural order');
RESET work_mem;
CREATE INDEX ON many (id);
SELECT is((SELECT count(*) FROM many m WHERE NOT EXISTS (
            SELECT 1 FROM many n WHERE n.id OPERATOR(kansa.=) m.id))::int, 0,
	'btree built with SortSupport finds every row');

-- canonical input takes a fast path; a leading blank forces the full parser
SELECT is((SELECT count(*) FROM many
            WHERE kansa.control_id(id::text) OPERATOR(kansa.<>) kansa.control_id(' ' || id::text))::int, 0,
	'the fast path for canonical input agrees with the full parser');
SELECT is(kansa.parent('asp_saas:III.1.1.1')::text, 'asp_saas:III.1.1', 'parent');
SELECT is(kansa.parent('fisc8:設1'), NULL, 'parent at the top is NULL');
SELECT is(kansa.depth('asp_saas:III.1.1.1'), 4, 'depth');
SELECT ok(NOT ('asp_saas:III.2'::kansa.control_id OPERATOR(kansa.@>) 'asp_saas:III.21'), '@> by whole segments');

SELECT * FROM finish();
ROLLBACK;
