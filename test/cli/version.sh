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

# nothing else in the tree spells the version out (upgrade scripts and the
# README's release notes name versions on purpose)
stray=$(git grep -n -F "\"$v\"" -- ':!META.json' ':!test/fixtures' 2>/dev/null | head -5)
check "no other file hard-codes \"$v\"" "" "$stray"
