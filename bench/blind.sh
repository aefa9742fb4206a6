#!/bin/bash
# The classifier on each blind label set of test/fixtures/labels/blind/
# (bench/blind.sql), one section per set.  Run by bench/run.
set -eu
cd "$(dirname "$0")/.."
. bench/common.sh
one_set() {
	psql -X -q -At -v ON_ERROR_STOP=1 -d "${KANSA_BENCH_DB:-kansa_bench}" \
		-f bench/common.sql -f bench/blind.sql < "$1"
}
blind_sets test/fixtures/labels/blind one_set
