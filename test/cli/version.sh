#!/bin/bash
# The version has one home, kansa.control (default_version); everything
# else that states it must agree: META.json (twice), the README's "This
# release", the newest entries of CHANGELOG.md and debian/changelog, the
# installed extension (with an update path from 0.1.0 to it), and the
# client's --version (built with the version from the control file).
# Prints "ok - ..." / "not ok - ..." lines; scripts/run-suite counts them.
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

check "the README's \"This release\"" "$v" "$(sed -n 's/^This release (\([0-9][0-9.]*\)[;,)].*/\1/p' README.md | head -n 1)"
check "CHANGELOG.md's newest entry" "$v" "$(sed -n 's/^## \([0-9][0-9.]*\)$/\1/p' CHANGELOG.md | head -n 1)"
check "debian/changelog's newest entry" "$v" "$(sed -n '1s/^kansa (\([0-9][0-9.]*\)\(-[^)]*\)\{0,1\}).*/\1/p' debian/changelog)"

installed=$(psql -X -At -d postgres -c "SELECT default_version FROM pg_available_extensions WHERE name = 'kansa'")
check "the installed extension's default_version" "$v" "$installed"

check "the installed extension updates from 0.1.0 to $v" "t" \
	"$(psql -X -At -d postgres -c "SELECT path IS NOT NULL FROM pg_extension_update_paths('kansa') WHERE source = '0.1.0' AND target = '$v'")"

K="${KANSA_IMPORT:-$(pg_config --bindir)/kansa-import}"
check "kansa-import --version" "kansa-import (kansa) $v" "$("$K" --version 2>&1)"

# nothing else in the tree spells the version out: kansa.control, META.json,
# the README's release notes, CHANGELOG.md and debian/changelog name it on
# purpose; the install and upgrade scripts carry it in their file names
# (and the hand-written part of an upgrade, sql/upgrade/A--B.sql, in its
# text: it is about that upgrade)
if git rev-parse --git-dir > /dev/null 2>&1; then
	stray=$(git grep -n -w -F "$v" -- ':!kansa.control' ':!META.json' ':!README.md' ':!CHANGELOG.md' ':!debian/changelog' ':!sql/upgrade' ':!test/fixtures' ':!bench/RESULTS.md' | grep -v 'kansa--' | head -5)
else
	stray=$(grep -rnI -w -F "$v" --exclude=kansa.control --exclude=META.json --exclude=README.md \
		--exclude=CHANGELOG.md --exclude=changelog --exclude=RESULTS.md --exclude='kansa--*.sql' --exclude-dir=upgrade \
		--exclude-dir=fixtures --exclude-dir=.git . | grep -v 'kansa--' | head -5)
fi
check "no other file hard-codes $v" "" "$stray"
