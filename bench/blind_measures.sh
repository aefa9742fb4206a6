#!/bin/bash
# The measure type on each blind set of test/fixtures/labels/measures/:
# how many values read as the README says.  Run by bench/run.
set -eu
cd "$(dirname "$0")/.."
. bench/common.sh
one_set() {
	psql -X -q -At -v ON_ERROR_STOP=1 -d "${KANSA_BENCH_DB:-kansa_bench}" <<SQL
\i bench/common.sql
CREATE TEMP TABLE blind_measure (input text, expected text, note text);
\copy blind_measure FROM '$1' WITH (FORMAT csv, DELIMITER E'\t', HEADER, QUOTE E'\x01')
CREATE TEMP VIEW blind_read AS
SELECT input, expected, note NOT LIKE 'UNSURE%' AS settled,
       CASE WHEN kansa.is_valid_measure(input) THEN kansa.measure(input)::text ELSE 'ERROR' END AS got
  FROM blind_measure;
SELECT '| rows | read as expected |';
SELECT '|---|---:|';
SELECT format('| settled (%s) | %s (%s%%) |', count(*), count(*) FILTER (WHERE got = expected),
              round(100.0 * count(*) FILTER (WHERE got = expected) / count(*), 1))
  FROM blind_read WHERE settled;
SELECT format('| all (%s) | %s (%s%%) |', count(*), count(*) FILTER (WHERE got = expected),
              round(100.0 * count(*) FILTER (WHERE got = expected) / count(*), 1))
  FROM blind_read;
SELECT '';
SELECT 'Read otherwise: ' || coalesce(string_agg(format('%s\`%s\` → \`%s\` (expected \`%s\`)',
                                                       CASE WHEN settled THEN '' ELSE 'unsure: ' END,
                                                       input, got, expected), '; '), 'none')
  FROM blind_read WHERE got <> expected;
SQL
}
blind_sets test/fixtures/labels/measures one_set
