#!/bin/bash
# The classifier on each blind label set of test/fixtures/labels/blind/
# (bench/blind.sql), one section per set.  Run by bench/run.
set -eu
cd "$(dirname "$0")/.."
for f in test/fixtures/labels/blind/*.tsv; do
	echo "#### $(basename "$f" .tsv)"
	echo ""
	if [ -f "${f%.tsv}.baseline.txt" ]; then
		echo "Blind figure (first measured): $(cat "${f%.tsv}.baseline.txt")"
		echo ""
	fi
	psql -X -q -At -v ON_ERROR_STOP=1 -d "${KANSA_BENCH_DB:-kansa_bench}" \
		-f bench/common.sql -f bench/blind.sql < "$f"
	echo ""
done
