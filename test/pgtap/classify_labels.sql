-- The classifier against the labelled development set (test/fixtures/labels):
-- every non-empty answer of the three sample sheets (a FISC 8 answer sheet, an ISO 27017 whitepaper, a METI check sheet), labelled by reading
-- against the verdict rubric (README, "How kansa reads an answer").  Accuracy per file must be at least 95%
-- for status and for responsibility; every miss is printed.
BEGIN;
CREATE EXTENSION pgtap;
CREATE EXTENSION kansa;
SET search_path = kansa, public;

\ir ../fixtures/labels/load.sql

-- each file is one sheet: its boilerplate is found across its answers
CREATE TEMP TABLE sheet_bp AS
	SELECT file, boilerplate(array_agg(txt)) AS bp FROM label GROUP BY file;
CREATE TEMP TABLE judged AS
	SELECT l.*, e.*
	  FROM label l JOIN sheet_bp b USING (file),
	       LATERAL classify_explain(l.txt, b.bp) e;

SELECT plan(8);
SELECT is((SELECT count(*)::int FROM label), (SELECT count(*)::int FROM judged), 'every label was judged');
SELECT cmp_ok((SELECT count(*)::int FROM label), '>=', 300, 'the development set has its ~350 rows');

CREATE FUNCTION pg_temp.accuracy(f text, dim text) RETURNS numeric LANGUAGE sql AS $$
	SELECT round(avg(CASE WHEN dim = 'status' THEN (status(verdict) = status)::int
	                      ELSE (coalesce(responsibility(verdict), '') = coalesce(responsibility, ''))::int END), 4)
	  FROM judged WHERE file = f
$$;
CREATE FUNCTION pg_temp.misses(f text, dim text) RETURNS text LANGUAGE sql AS $$
	SELECT coalesce(string_agg(format('%s: expected %s, got %s (rule %s, cue %s) %s', control,
	         CASE WHEN dim = 'status' THEN status ELSE coalesce(responsibility, '-') END,
	         CASE WHEN dim = 'status' THEN status(verdict) ELSE coalesce(responsibility(verdict), '-') END,
	         rule, coalesce(cue, '-'), left(specific_text, 120)), E'\n'), 'none')
	  FROM judged WHERE file = f AND
	       CASE WHEN dim = 'status' THEN status(verdict) <> status
	            ELSE coalesce(responsibility(verdict), '') <> coalesce(responsibility, '') END
$$;

SELECT cmp_ok(pg_temp.accuracy(f, d), '>=', 0.95, format('%s %s accuracy %s', f, d, pg_temp.accuracy(f, d)))
  FROM (VALUES ('fisc8_liveon'), ('iso27017_liveon'), ('meti_cloud_light2')) AS fs (f),
       (VALUES ('status'), ('responsibility')) AS ds (d)
 ORDER BY f, d;
SELECT diag(format(E'misses in %s (%s):\n%s', f, d, pg_temp.misses(f, d)))
  FROM (VALUES ('fisc8_liveon'), ('iso27017_liveon'), ('meti_cloud_light2')) AS fs (f),
       (VALUES ('status'), ('responsibility')) AS ds (d)
 ORDER BY f, d;

SELECT * FROM finish();
ROLLBACK;
