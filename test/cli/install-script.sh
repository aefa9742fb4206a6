#!/bin/bash
# The install script's parts (sql/NN_*.sql) and what the build makes of
# them: the Makefile's SQL_PARTS holds every part, in the order of their
# numbers; each part opens with a comment that names it, only the first
# carries the \echo guard, and exactly one holds the @CATALOG_DATA@ line;
# the built sql/kansa--<version>.sql is the parts joined (one empty line
# between two) with catalog INSERTs in place of that line, and is the
# script that is installed.
# Prints "ok - ..." / "not ok - ..." lines for scripts/run-suite.
set -u
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() {	# check NAME EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then
		echo "ok - install script: $1"
	else
		echo "not ok - install script: $1 (expected \"$2\", got \"$3\")"
	fi
}

guard='\echo Use "CREATE EXTENSION kansa" to load this file. \quit'
marker='-- @CATALOG_DATA@'
version=$(sed -n "s/^default_version[[:space:]]*=[[:space:]]*'\([^']*\)'.*/\1/p" kansa.control)
built=sql/kansa--$version.sql

# the Makefile's list against the files, both in order
listed=$(make -s --no-print-directory --eval 'kansa-print-sql-parts: ; @echo $(SQL_PARTS)' \
	kansa-print-sql-parts | tr ' ' '\n' | grep -v '^$')
found=$(ls sql/[0-9]*.sql | LC_ALL=C sort)
check "SQL_PARTS lists every sql/[0-9]*.sql, in the order of their numbers" \
	"$(echo $found)" "$(echo $listed)"
check "there is more than one part" yes "$([ "$(echo "$listed" | wc -l)" -gt 1 ] && echo yes)"

# each part: whole lines, an opening comment that names it, no guard but
# in the first
bad=""
first=$(echo "$listed" | head -n 1)
for p in $listed; do
	[ -s "$p" ] && [ "$(tail -c 1 "$p" | od -An -c | tr -d ' ')" = '\n' ] || { bad="$bad $p:no-final-newline"; continue; }
	if [ "$p" = "$first" ]; then
		[ "$(head -n 1 "$p")" = "$guard" ] || bad="$bad $p:no-guard"
		opening=$(sed -n '2,3{/^--/p}' "$p" | head -n 1)
	else
		grep -qxF "$guard" "$p" && bad="$bad $p:guard"
		opening=$(head -n 1 "$p")
	fi
	case "$opening" in
	"-- $p: "*) ;;
	*) bad="$bad $p:opening-comment" ;;
	esac
done
check "each part ends in a newline, opens with a comment naming it, and only the first has the guard" \
	"" "$bad"
check "exactly one part holds the line \"$marker\"" 1 \
	"$(cat $listed | grep -cxF -- "$marker")"

# the built script: the parts joined, with the catalogs where the marker was
if [ ! -f "$built" ]; then
	echo "not ok - install script: $built is built (run make)"
else
	n=0
	for p in $listed; do
		[ "$n" -gt 0 ] && echo
		cat "$p"
		n=$((n + 1))
	done > "$tmp/joined.sql"
	m=$(grep -nxF -- "$marker" "$tmp/joined.sql" | head -n 1 | cut -d: -f1)
	m=${m:-1}
	head -n $((m - 1)) "$tmp/joined.sql" > "$tmp/before.sql"
	tail -n +$((m + 1)) "$tmp/joined.sql" > "$tmp/after.sql"
	sed 2d "$built" > "$tmp/built.sql"	# line 2: "-- Generated from ..."
	b=$(wc -l < "$tmp/before.sql")
	a=$(wc -l < "$tmp/after.sql")
	t=$(wc -l < "$tmp/built.sql")
	head -n "$b" "$tmp/built.sql" > "$tmp/built-before.sql"
	tail -n "$a" "$tmp/built.sql" > "$tmp/built-after.sql"
	sed -n "$((b + 1)),$((t - a))p" "$tmp/built.sql" > "$tmp/built-data.sql"
	check "$built is the parts up to the marker, as they are" yes \
		"$(cmp -s "$tmp/before.sql" "$tmp/built-before.sql" && echo yes)"
	check "$built is the parts after the marker, as they are" yes \
		"$(cmp -s "$tmp/after.sql" "$tmp/built-after.sql" && echo yes)"
	check "line 2 of $built says it is generated" yes \
		"$(sed -n 2p "$built" | grep -q '^-- Generated from .* by scripts/catalog2sql; do not edit\.$' && echo yes)"
	# in between, INSERT statements (INSERT ... SELECT for reference_value) into
	# the eight catalog tables and nothing else
	tables=$(grep -o '^INSERT INTO kansa\.[a-z_]*' "$tmp/built-data.sql" | sort -u | sed 's/^INSERT INTO kansa\.//' | tr '\n' ' ')
	check "in place of the marker, the catalogs' INSERTs" \
		"control control_link framework lexicon quantity reference_item reference_value service_type " "$tables"
	check "in place of the marker, INSERT statements only" yes \
		"$(head -n 1 "$tmp/built-data.sql" | grep -q '^INSERT INTO kansa\.' \
			&& tail -n 1 "$tmp/built-data.sql" | grep -q ';$' \
			&& ! grep -Eq '^(CREATE|ALTER|GRANT|REVOKE|DROP|DO|COMMENT|UPDATE|DELETE)[[:space:]]' "$tmp/built-data.sql" \
			&& echo yes)"
	# what the suite tests is this script
	installed="$(pg_config --sharedir)/extension/kansa--$version.sql"
	check "the installed kansa--$version.sql is $built (make install after make)" yes \
		"$(cmp -s "$installed" "$built" && echo yes)"
fi
