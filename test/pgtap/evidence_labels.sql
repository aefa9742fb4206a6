-- extract_evidence against the labelled development set: for every answer
-- the expected evidence (written by reading the text), in order; nothing on
-- answers that cite nothing.
BEGIN;
CREATE EXTENSION pgtap;
CREATE EXTENSION kansa;
SET search_path = kansa, public;

\ir ../fixtures/labels/load.sql

CREATE TEMP TABLE got AS
	SELECT file, control, coalesce(evidence, '') AS expected,
	       coalesce((SELECT string_agg(e::text, ' | ' ORDER BY n)
	                   FROM extract_evidence(txt) WITH ORDINALITY AS x (e, n)), '') AS found
	  FROM label;

SELECT plan(5);
SELECT cmp_ok((SELECT count(*)::int FROM got WHERE expected <> ''), '>=', 100, 'the development set cites evidence in 100+ answers');
SELECT is((SELECT count(*)::int FROM label WHERE evidence <> '' AND EXISTS (
             SELECT 1 FROM unnest(string_to_array(evidence, ' | ')) s WHERE NOT is_valid_evidence(s))), 0,
	'every expected item is a valid evidence literal');
SELECT is((SELECT count(*)::int FROM got WHERE expected = '' AND found <> ''), 0,
	'no evidence found in answers that cite nothing');
SELECT is((SELECT count(*)::int FROM got WHERE expected <> found), 0,
	'the expected evidence, in order, for every answer');
SELECT diag(coalesce(string_agg(format('%s: expected [%s] found [%s]', control, expected, found), E'\n'), 'no misses'))
  FROM got WHERE expected <> found;
SELECT is((SELECT count(*)::int FROM label l, LATERAL extract_evidence(l.txt) e
            WHERE e::text::evidence <> e), 0, 'extracted evidence is canonical (in(out(x)) = x)');

SELECT * FROM finish();
ROLLBACK;
