-- extract_measures on 1M answer texts made by repeating the answers of the
-- labelled development set (the three sample sheets), with its throughput; and
-- reading 1M published reference values (the ASP・SaaS guideline) as measures, against
-- reading them as text.  No target is set for these: the figures are kept
-- to see changes between runs.
\ir answers.sql
CREATE TEMP TABLE seed_values AS
	SELECT row_number() OVER () - 1 AS k, raw FROM kansa.reference_value;
CREATE UNLOGGED TABLE bench.m_values AS
	SELECT v.raw FROM generate_series(0, 999999) g
	  JOIN seed_values v ON v.k = g % (SELECT count(*) FROM seed_values);
VACUUM ANALYZE bench.m_values;
SET max_parallel_workers_per_gather = 0;
SET enable_memoize = off;

SELECT '| case (1M rows) | baseline, ms | kansa, ms | ratio | throughput | |';
SELECT '|---|---:|---:|---:|---:|---|';

SELECT set_config('bench.floor', bench.median_ms($$SELECT sum(octet_length(txt)) FROM bench.answers$$, 3)::text, false) \gset
SELECT set_config('bench.extract', bench.median_ms($$SELECT count(*) FROM bench.answers, kansa.extract_measures(txt)$$, 3)::text, false) \gset
SELECT set_config('bench.vtext', bench.median_ms($$SELECT count(DISTINCT raw::text) FROM bench.m_values$$, 3)::text, false) \gset
SELECT set_config('bench.vmeasure', bench.median_ms($$SELECT count(*) FROM bench.m_values WHERE kansa.measure(raw) IS NOT NULL$$, 3)::text, false) \gset

SELECT format('| extract_measures vs the floor sum(octet_length(txt)) | %s | %s | %s | %s answers/s | |',
              round(current_setting('bench.floor')::numeric, 1), round(current_setting('bench.extract')::numeric, 1),
              round(current_setting('bench.extract')::numeric / current_setting('bench.floor')::numeric, 2),
              round(1000000 / (current_setting('bench.extract')::numeric / 1000)));
SELECT format('| reading published values as measure vs count(DISTINCT raw) | %s | %s | %s | %s values/s | |',
              round(current_setting('bench.vtext')::numeric, 1), round(current_setting('bench.vmeasure')::numeric, 1),
              round(current_setting('bench.vmeasure')::numeric / current_setting('bench.vtext')::numeric, 2),
              round(1000000 / (current_setting('bench.vmeasure')::numeric / 1000)));
