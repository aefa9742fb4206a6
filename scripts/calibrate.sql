-- The confidence table of the classifier (data/calibration.tsv), measured on
-- the labelled answers of test/fixtures/labels: the sample sheets, the
-- development corpus and the blind sets already measured and folded into it
-- (1, 3, 4 and 5; blind2 is the corpus).  Run by
-- scripts/calibrate from the repository root; writes the TSV to stdout.
--
-- An answer's confidence class is what classify_explain reports (language,
-- rule, responsibility, clauses counted, whether they name a safeguard,
-- asset or hazard); the table holds, per class and per coarser class
-- (language:rule/responsibility, language:rule) with at least 20 labelled
-- answers, the share read right (status and responsibility both), smoothed:
-- (right + 1) / (answers + 2).  A class reaches 0.9 only when at least 98% of
-- its answers were right; others are held at 0.89 at most, so that 0.9 is the
-- line above which a verdict can be trusted without a look.
\set QUIET on
SET client_min_messages = warning;
\ir ../test/fixtures/labels/load.sql
CREATE TEMP TABLE corpus (file text, control text, status text, responsibility text, hcase text, txt text);
\copy corpus FROM 'test/fixtures/labels/dev/corpus2.tsv' WITH (FORMAT csv, DELIMITER E'\t', HEADER true, QUOTE E'\x01')
INSERT INTO label SELECT file, control, status, responsibility, NULL, txt FROM corpus;
CREATE TEMP TABLE blind_in (file text, control text, status text, responsibility text, txt text);
\copy blind_in FROM 'test/fixtures/labels/blind/blind1.tsv' WITH (FORMAT csv, DELIMITER E'\t', HEADER true, QUOTE E'\x01')
\copy blind_in FROM 'test/fixtures/labels/blind/blind3.tsv' WITH (FORMAT csv, DELIMITER E'\t', HEADER true, QUOTE E'\x01')
\copy blind_in FROM 'test/fixtures/labels/blind/blind4.tsv' WITH (FORMAT csv, DELIMITER E'\t', HEADER true, QUOTE E'\x01')
\copy blind_in FROM 'test/fixtures/labels/blind/blind5.tsv' WITH (FORMAT csv, DELIMITER E'\t', HEADER true, QUOTE E'\x01')
INSERT INTO label SELECT file, control, status, responsibility, NULL, txt FROM blind_in;
UPDATE label SET txt = replace(txt, '\n', E'\n') WHERE evidence IS NULL;
UPDATE label SET responsibility = NULLIF(responsibility, '');

CREATE TEMP TABLE judged AS
	SELECT c.confidence_class AS kind,
		   kansa.status(c.verdict) = l.status AND
		   coalesce(kansa.responsibility(c.verdict), '') = coalesce(l.responsibility, '') AS ok
	  FROM label AS l
	  JOIN (SELECT file, kansa.boilerplate(array_agg(txt)) AS bp FROM label GROUP BY file) AS b USING (file),
		   LATERAL kansa.classify_explain(l.txt, b.bp) AS c
	 WHERE l.status IS DISTINCT FROM 'unanswered';

\pset format unaligned
\pset fieldsep '\t'
\pset tuples_only off
\pset footer off
WITH levels AS (
	SELECT kind AS k, ok FROM judged WHERE kind LIKE '%:%'
	UNION ALL
	SELECT split_part(kind, '/', 1) || '/' || split_part(kind, '/', 2), ok FROM judged WHERE kind LIKE '%:%/%'
	UNION ALL
	SELECT split_part(kind, '/', 1), ok FROM judged WHERE kind LIKE '%:%/%'
), measured AS (
	SELECT k, count(*) AS n, count(*) FILTER (WHERE ok) AS r FROM levels GROUP BY k
)
SELECT k AS kind, n AS answers, r AS right,
	   CASE WHEN r >= 0.98 * n THEN (floor(100 * (r + 1.0) / (n + 2)) / 100)::numeric(3,2)
			ELSE least(floor(100 * (r + 1.0) / (n + 2)) / 100, 0.89)::numeric(3,2) END AS confidence
  FROM measured
 WHERE n >= 20
 ORDER BY k COLLATE "C";
