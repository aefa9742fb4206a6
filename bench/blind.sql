-- The classifier on the blind label sets (test/fixtures/labels/blind/):
-- answers written, and labelled with the verdict rubric, by someone who had
-- seen neither the classifier nor the development set.  Status and
-- responsibility accuracy over the answered rows, precision and recall per
-- status, and the confusion matrix (rows: the label; columns: the verdict).
-- Each set's boilerplate is found per vendor sheet (the file column), as an
-- import finds it.  bench/blind.sh runs it with a set on standard input.
CREATE TEMP TABLE blind (file text, control text, status text, responsibility text, txt text);
\copy blind FROM pstdin WITH (FORMAT csv, DELIMITER E'\t', HEADER true, QUOTE E'\x01')
UPDATE blind SET txt = replace(replace(replace(replace(txt, '\\', E'\x02'), '\n', E'\n'),
                                                '\t', E'\t'), E'\x02', '\');
CREATE TEMP TABLE judged AS
	SELECT b.*, kansa.status(c.verdict) AS got_status, kansa.responsibility(c.verdict) AS got_resp,
		   c.confidence
	  FROM blind AS b
	  JOIN (SELECT file, kansa.boilerplate(array_agg(txt)) AS bp FROM blind GROUP BY file) AS s USING (file),
		   LATERAL kansa.classify_explain(b.txt, s.bp) AS c;

SELECT format('%s answers, %s vendors.', count(*), count(DISTINCT file)) FROM judged;
SELECT '';
SELECT '| measure | value |';
SELECT '|---|---:|';
SELECT format('| status accuracy | %s%% |', round(100.0 * avg((got_status = status)::int), 1)) FROM judged;
SELECT format('| responsibility accuracy | %s%% |',
			  round(100.0 * avg((coalesce(got_resp, '') = coalesce(responsibility, ''))::int), 1)) FROM judged;
SELECT format('| "everything implemented/provider" status accuracy | %s%% |',
			  round(100.0 * avg((status = 'implemented')::int), 1)) FROM judged;
SELECT format('| verdicts with confidence ≥ 0.9: share / right | %s%% / %s%% |',
			  round(100.0 * avg((confidence >= 0.9::real)::int), 1),
			  round(100.0 * avg((got_status = status AND coalesce(got_resp, '') = coalesce(responsibility, ''))::int)
						FILTER (WHERE confidence >= 0.9::real), 1)) FROM judged;
SELECT '';
SELECT '| status | labelled | precision | recall |';
SELECT '|---|---:|---:|---:|';
SELECT format('| %s | %s | %s%% | %s%% |', s,
			  count(*) FILTER (WHERE status = s),
			  coalesce(round(100.0 * count(*) FILTER (WHERE status = s AND got_status = s)
							 / nullif(count(*) FILTER (WHERE got_status = s), 0), 1)::text, '-'),
			  coalesce(round(100.0 * count(*) FILTER (WHERE status = s AND got_status = s)
							 / nullif(count(*) FILTER (WHERE status = s), 0), 1)::text, '-'))
  FROM judged, unnest(ARRAY['implemented', 'partial', 'planned', 'not_implemented', 'not_applicable', 'unclear']) AS s
 GROUP BY s ORDER BY array_position(ARRAY['implemented', 'partial', 'planned', 'not_implemented', 'not_applicable', 'unclear'], s);
SELECT '';
SELECT '| label \ verdict | implemented | partial | planned | not_implemented | not_applicable | unclear |';
SELECT '|---|---:|---:|---:|---:|---:|---:|';
SELECT format('| %s | %s |', a.s, string_agg(
			  (SELECT count(*) FROM judged AS j WHERE j.status = a.s AND j.got_status = b.g)::text, ' | ' ORDER BY b.k))
  FROM unnest(ARRAY['implemented', 'partial', 'planned', 'not_implemented', 'not_applicable', 'unclear']) WITH ORDINALITY AS a (s, o),
	   unnest(ARRAY['implemented', 'partial', 'planned', 'not_implemented', 'not_applicable', 'unclear']) WITH ORDINALITY AS b (g, k)
 GROUP BY a.s, a.o ORDER BY a.o;
