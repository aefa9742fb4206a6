-- Helpers shared by the bench cases: timing of a statement, and a Markdown
-- row comparing kansa with its baseline.
\set QUIET on
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS kansa;
CREATE SCHEMA IF NOT EXISTS bench;

-- Run sql n times; return the median wall-clock time in milliseconds.
CREATE OR REPLACE FUNCTION bench.median_ms(sql text, n int DEFAULT 5, setup text DEFAULT NULL)
RETURNS double precision LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	times double precision[] := '{}';
BEGIN
	FOR i IN 1 .. n LOOP
		IF setup IS NOT NULL THEN
			EXECUTE setup;
		END IF;
		t0 := clock_timestamp();
		EXECUTE sql;
		times := times || extract(epoch FROM clock_timestamp() - t0) * 1000;
	END LOOP;
	RETURN (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(times) x);
END $$;

-- One Markdown row: case, baseline ms, kansa ms, ratio, target, verdict.
CREATE OR REPLACE FUNCTION bench.row(label text, base_ms double precision, kansa_ms double precision,
                                     target double precision)
RETURNS text LANGUAGE sql AS $$
	SELECT format('| %s | %s | %s | %s | ≤ %s | %s |', label,
	              round(base_ms::numeric, 1), round(kansa_ms::numeric, 1),
	              round((kansa_ms / base_ms)::numeric, 2), target,
	              CASE WHEN kansa_ms / base_ms <= target THEN 'met' ELSE 'MISSED' END)
$$;

-- One Markdown row for a latency target in milliseconds: case, baseline ms,
-- kansa ms, ratio, target, verdict (met when kansa's median is under it).
CREATE OR REPLACE FUNCTION bench.row_ms(label text, base_ms double precision, kansa_ms double precision,
                                        target_ms double precision)
RETURNS text LANGUAGE sql AS $$
	SELECT format('| %s | %s | %s | %s | < %s ms | %s |', label,
	              round(base_ms::numeric, 2), round(kansa_ms::numeric, 1),
	              round((kansa_ms / base_ms)::numeric, 1), target_ms,
	              CASE WHEN kansa_ms < target_ms THEN 'met' ELSE 'MISSED' END)
$$;
