-- control_id against text (C collation) on 1M ids drawn from the shipped
-- catalogs' shapes: every catalog control id, and ids of the same shapes
-- with a further numbered segment or sub-number (as vendors' own sub-items).
CREATE UNLOGGED TABLE bench.ids_src AS
	SELECT CASE g % 3
	         WHEN 0 THEN c.id::text
	         WHEN 1 THEN c.id::text || '.' || (g / n.cnt)
	         ELSE c.id::text || '-' || (g / n.cnt)
	       END AS t
	  FROM generate_series(1, 1000000) g
	  CROSS JOIN (SELECT count(*) AS cnt FROM kansa.control WHERE kind = 'control') n
	  JOIN (SELECT id, row_number() OVER (ORDER BY random()) - 1 AS k
	          FROM kansa.control WHERE kind = 'control') c ON c.k = g % n.cnt;
\o /dev/null
SELECT setseed(0.42);
\o
COPY bench.ids_src TO '/tmp/kansa_bench_ids.txt';
CREATE UNLOGGED TABLE bench.ids_text (t text COLLATE "C");
CREATE UNLOGGED TABLE bench.ids_cid (t kansa.control_id);

SELECT '| case (1M ids) | text, ms | control_id, ms | ratio | target | |';
SELECT '|---|---:|---:|---:|---:|---|';

-- parse: COPY of the same file into a text and a control_id column
SELECT bench.row('parse (COPY FROM)',
	bench.median_ms($$COPY bench.ids_text FROM '/tmp/kansa_bench_ids.txt'$$, 5, 'TRUNCATE bench.ids_text'),
	bench.median_ms($$COPY bench.ids_cid FROM '/tmp/kansa_bench_ids.txt'$$, 5, 'TRUNCATE bench.ids_cid'),
	1.5);
VACUUM ANALYZE bench.ids_text;
VACUUM ANALYZE bench.ids_cid;

-- sort: a full in-memory sort
SELECT bench.row('sort (ORDER BY)',
	bench.median_ms($$SELECT max(r) FROM (SELECT row_number() OVER (ORDER BY t) AS r FROM bench.ids_text) s$$),
	bench.median_ms($$SELECT max(r) FROM (SELECT row_number() OVER (ORDER BY t) AS r FROM bench.ids_cid) s$$),
	1.5);

-- btree build
SELECT bench.row('btree build (CREATE INDEX)',
	bench.median_ms($$CREATE INDEX ids_text_idx ON bench.ids_text (t)$$, 5, 'DROP INDEX IF EXISTS bench.ids_text_idx'),
	bench.median_ms($$CREATE INDEX ids_cid_idx ON bench.ids_cid (t)$$, 5, 'DROP INDEX IF EXISTS bench.ids_cid_idx'),
	1.5);
DROP INDEX bench.ids_text_idx;
DROP INDEX bench.ids_cid_idx;

-- hash join of the 1M ids with their distinct values
CREATE UNLOGGED TABLE bench.ids_text_d AS SELECT DISTINCT t FROM bench.ids_text;
CREATE UNLOGGED TABLE bench.ids_cid_d AS SELECT DISTINCT t FROM bench.ids_cid;
ANALYZE bench.ids_text_d;
ANALYZE bench.ids_cid_d;
SET enable_mergejoin = off;
SET enable_nestloop = off;
SELECT bench.row('hash join (1M x distinct)',
	bench.median_ms($$SELECT count(*) FROM bench.ids_text a JOIN bench.ids_text_d b USING (t)$$),
	bench.median_ms($$SELECT count(*) FROM bench.ids_cid a JOIN bench.ids_cid_d b ON a.t OPERATOR(kansa.=) b.t$$),
	1.5);
RESET enable_mergejoin;
RESET enable_nestloop;
\! rm -f /tmp/kansa_bench_ids.txt
