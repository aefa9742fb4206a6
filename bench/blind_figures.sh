#!/bin/bash
# extract_measures() on each blind set of test/fixtures/labels/figures_blind/:
# how many of the figures an analyst records it finds.  Run by bench/run.
set -eu
cd "$(dirname "$0")/.."
. bench/common.sh
one_set() {
	psql -X -q -At -v ON_ERROR_STOP=1 -d "${KANSA_BENCH_DB:-kansa_bench}" <<SQL
\\i bench/common.sql
CREATE TEMP TABLE bf (id text, text text, quantity text, measure text, note text);
\\copy bf FROM '$1' WITH (FORMAT csv, DELIMITER E'\\t', HEADER, QUOTE E'\\x01')
CREATE TEMP TABLE answer AS
SELECT DISTINCT id, replace(text, '\\n', E'\\n') AS text FROM bf;
CREATE TEMP TABLE expected AS
SELECT id, quantity, measure, note LIKE 'UNSURE%' AS unsure FROM bf WHERE quantity <> '-';
CREATE TEMP TABLE found AS
SELECT a.id, e.quantity, e.measure, e.span FROM answer AS a, kansa.extract_measures(a.text) AS e;
-- a figure is right when answer, quantity and value (by meaning) agree
CREATE TEMP TABLE paired AS
SELECT coalesce(x.id, f.id) AS id, x.quantity AS expected_quantity, x.measure AS expected_measure,
       x.unsure, f.quantity AS found_quantity, f.measure::text AS found_measure
  FROM expected AS x FULL JOIN found AS f
    ON f.id = x.id AND f.quantity = x.quantity
   AND kansa.is_valid_measure(x.measure) AND f.measure OPERATOR(kansa.=) kansa.measure(x.measure);
SELECT '| figures | count | share |';
SELECT '|---|---:|---:|';
SELECT format('| expected (settled) | %s (%s) | |', (SELECT count(*) FROM expected),
              (SELECT count(*) FROM expected WHERE NOT unsure));
SELECT format('| found right (settled) | %s (%s) | %s%% of expected (%s%% of settled) |', r, rs,
              round(100.0 * r / (SELECT count(*) FROM expected), 1),
              round(100.0 * rs / (SELECT count(*) FROM expected WHERE NOT unsure), 1))
  FROM (SELECT count(*) FILTER (WHERE expected_quantity IS NOT NULL AND found_quantity IS NOT NULL) AS r,
               count(*) FILTER (WHERE expected_quantity IS NOT NULL AND found_quantity IS NOT NULL
                                AND NOT unsure) AS rs
          FROM paired) AS c;
SELECT format('| returned | %s | %s%% right |', n,
              round(100.0 * (SELECT count(*) FROM paired
                              WHERE expected_quantity IS NOT NULL AND found_quantity IS NOT NULL) / n, 1))
  FROM (SELECT count(*) AS n FROM found) AS c;
SELECT format('| answers read exactly | %s of %s | %s%% |', e, n, round(100.0 * e / n, 1))
  FROM (SELECT count(*) AS n,
               count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM paired AS p WHERE p.id = a.id
                                  AND (p.expected_quantity IS NULL OR p.found_quantity IS NULL))) AS e
          FROM answer AS a) AS c;
SELECT '';
SELECT 'Missed: ' || coalesce(string_agg(format('%s%s %s %s', CASE WHEN unsure THEN 'unsure: ' ELSE '' END,
                                                id, expected_quantity, expected_measure), '; ' ORDER BY id), 'none')
  FROM paired WHERE found_quantity IS NULL;
SELECT '';
SELECT 'Returned wrongly: ' || coalesce(string_agg(format('%s %s %s', id, found_quantity, found_measure),
                                                 '; ' ORDER BY id), 'none')
  FROM paired WHERE expected_quantity IS NULL;
SQL
}
blind_sets test/fixtures/labels/figures_blind one_set
