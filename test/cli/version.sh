#!/bin/bash
# The version has one home, kansa.control (default_version); everything
# else that states it must agree: META.json (twice), the installed
# extension, and the client's --version (built with the version from the
# control file).  Prints "ok - ..." / "not ok - ..." lines; scripts/run-suite
# counts them.
set -u
cd "$(dirname "$0")/../.."

check() {
	if [ "$2" = "$3" ]; then
		echo "ok - $1"
	else
		echo "not ok - $1: expected '$2', got '$3'"
	fi
}

v=$(sed -n "s/^default_version[[:space:]]*=[[:space:]]*'\([^']*\)'.*/\1/p" kansa.control)
if [ -z "$v" ]; then
	echo "not ok - kansa.control states default_version"
	exit 0
fi
echo "ok - kansa.control states default_version ($v)"

meta=$(perl -MJSON::PP -0 -e 'my $m = decode_json(<STDIN>); print $m->{version}, " ", $m->{provides}{kansa}{version}' < META.json)
check "META.json's version and provides.kansa.version" "$v $v" "$meta"

installed=$(psql -X -At -d postgres -c "SELECT default_version FROM pg_available_extensions WHERE name = 'kansa'")
check "the installed extension's default_version" "$v" "$installed"

K="${KANSA_IMPORT:-$(pg_config --bindir)/kansa-import}"
check "kansa-import --version" "kansa-import (kansa) $v" "$("$K" --version 2>&1)"

# nothing else in the tree spells the version out: kansa.control, META.json
# and the README's release notes name it on purpose; the built install
# script and upgrade scripts carry it in their file names only
if git rev-parse --git-dir > /dev/null 2>&1; then
	stray=$(git grep -n -w -F "$v" -- ':!kansa.control' ':!META.json' ':!README.md' ':!test/fixtures' ':!bench/RESULTS.md' | grep -v 'kansa--' | head -5)
else
	stray=$(grep -rnI -w -F "$v" --exclude=kansa.control --exclude=META.json --exclude=README.md \
		--exclude=RESULTS.md --exclude='kansa--*.sql' --exclude-dir=fixtures --exclude-dir=.git . | grep -v 'kansa--' | head -5)
fi
check "no other file hard-codes $v" "" "$stray"
