-- Hostile text through every reader: one and two million characters of a
-- repeated shape (markup, entities, unclosed comments, nested tags, issuer
-- prefixes, full stops, document names), each reader's median time, and the
-- ratio of the 2M time to the 1M time: about 2 when the reader is linear
-- (a little more for n log n, or when 1M is a few milliseconds and noise
-- weighs), 4 when it is quadratic.  The target: ratio ≤ 3; the absolute
-- times are kept to see changes between runs.
CREATE TEMP TABLE shape (name text, s text);
INSERT INTO shape VALUES ('<', '<'), ('&', '&'), ('unclosed comments', '<!--'),
	('nested tags', '<div><span>'), ('unclosed tags', '<p class="'), ('issuer prefixes', 'JQA-'),
	('certificate numbers', 'JQA-1 '), ('full stops', '。'), ('document names', '利用規約'),
	('URLs', 'http://a'), ('Annex A clauses', '附属書A.1.');
CREATE TEMP TABLE reader (name text, q text);
INSERT INTO reader VALUES
	('clean_text', 'SELECT length(kansa.clean_text(v)) FROM x'),
	('classify', 'SELECT kansa.classify(v) FROM x'),
	('extract_evidence', 'SELECT count(*) FROM x, kansa.extract_evidence(x.v) AS e'),
	('extract_measures', 'SELECT count(*) FROM x, kansa.extract_measures(x.v) AS m'),
	('boilerplate', 'SELECT count(*) FROM x, kansa.boilerplate(ARRAY[x.v, x.v]) AS b'),
	('saas_pattern_of', 'SELECT kansa.saas_pattern_of(v) FROM x');
CREATE TEMP TABLE x (v text);

CREATE FUNCTION pg_temp.time_of(s text, n int, q text) RETURNS double precision LANGUAGE plpgsql AS $$
BEGIN
	TRUNCATE x;
	INSERT INTO x SELECT left(repeat(s, n), n);
	RETURN bench.median_ms(q, 3);
END;
$$;

SELECT '| reader | shape | 1M chars, ms | 2M chars, ms | 2M / 1M | target | |';
SELECT '|---|---|---:|---:|---:|---:|---|';
SELECT format('| %s | %s | %s | %s | %s | ≤ 3 | %s |', r.name, s.name, round(t1::numeric, 1), round(t2::numeric, 1),
			  round((t2 / greatest(t1, 0.5))::numeric, 2),
			  CASE WHEN t2 / greatest(t1, 0.5) <= 3 OR t2 < 20 THEN 'met' ELSE 'MISSED' END)
  FROM reader AS r, shape AS s,
	   LATERAL (SELECT pg_temp.time_of(s.s, 1000000, r.q) AS t1, pg_temp.time_of(s.s, 2000000, r.q) AS t2) AS t
 ORDER BY r.name, s.name;
