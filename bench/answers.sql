-- bench.answers: 1M answer texts made by repeating the answers of the
-- labelled development set (the three sample sheets).  Shared by the cases that
-- read answers; built once per bench database.
\ir ../test/fixtures/labels/load.sql
CREATE TEMP TABLE seed_answers AS
	SELECT row_number() OVER () - 1 AS k, txt FROM label;
CREATE UNLOGGED TABLE IF NOT EXISTS bench.answers AS
	SELECT s.txt FROM generate_series(0, 999999) g
	  JOIN seed_answers s ON s.k = g % (SELECT count(*) FROM seed_answers);
VACUUM ANALYZE bench.answers;
