#!/bin/bash
# The fuzz smoke run: build the libFuzzer targets of test/fuzz (clang,
# ASan, UBSan; no server needed) and run each for KANSA_FUZZ_SECONDS
# seconds (default 20), replaying the inputs that once crashed a target.
# Prints one "ok - fuzz: <target> ..." or "not ok - ..." line per target;
# scripts/run-suite counts them.  `make fuzz` runs the same targets longer.
set -u
cd "$(dirname "$0")/../fuzz"

if ! command -v "${CLANG:-clang}" > /dev/null 2>&1; then
	echo "not ok - fuzz: clang not found (make bootstrap installs clang and libclang-rt-14-dev)"
	exit 0
fi
if ! out=$(make -s -j2 all seeds 2>&1); then
	echo "$out" | tail -20
	echo "not ok - fuzz: the fuzz targets do not build"
	exit 0
fi
FUZZ_SECONDS=${KANSA_FUZZ_SECONDS:-20} ./run
exit 0
