#!/bin/bash
# The Debian package (README, "Installing from a Debian package"):
# postgresql-15-kansa is built with dpkg-buildpackage -us -uc -b from a copy
# of the tree (debian/: pg_buildext, debian/pgversions), checked (what it
# installs, what it depends on), installed with apt from the local file,
# and the regression suite is run against what it installed (make
# installcheck, from the copy); kansa-import is on PATH through
# postgresql-common's pg_wrapper and loads a sheet.  Then the package is
# purged and `make install` run again, so that the machine is left with
# the files make install put there (the package and make install write the
# same files), which is checked.
#
# It replaces the installed extension, so it runs where nothing else uses
# it: scripts/run-suite calls it last, inside the suite's cluster
# (PGHOST, PGPORT... set), with the install lock held by whoever runs the
# suite (see README, "Development").  Needs root (apt; scripts/as-root
# uses sudo otherwise) and the Build-Depends of debian/control
# (scripts/bootstrap installs them).
# Prints "ok - ..." / "not ok - ..." lines for scripts/run-suite.
set -u
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
cd "$(dirname "$0")/../.."
top=$PWD
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT
pkg=postgresql-15-kansa
db=kansa_deb

check() {	# check NAME EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then
		echo "ok - deb: $1"
	else
		echo "not ok - deb: $1 (expected \"$2\", got \"$(echo "$3" | head -c 1500)\")"
	fi
}
as_root() { "$top/scripts/as-root" "$@"; }
apt_get() { as_root flock /tmp/kansa-apt.lock env DEBIAN_FRONTEND=noninteractive apt-get -y -q "$@"; }

v=$(sed -n "s/^default_version[[:space:]]*=[[:space:]]*'\([^']*\)'.*/\1/p" kansa.control)
arch=$(dpkg --print-architecture)
deb="$tmp/${pkg}_${v}_$arch.deb"
libdir=$(pg_config --pkglibdir)
sharedir=$(pg_config --sharedir)/extension
bindir=$(pg_config --bindir)

if dpkg-query -W -f='${Status}' $pkg 2> /dev/null | grep -q 'install ok installed'; then
	echo "not ok - deb: $pkg is installed already; purge it first (apt-get purge $pkg) and run make install"
	exit 0
fi

# 1. the build, from a copy of the tree (the files git tracks or would)
mkdir "$tmp/src"
git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$tmp/src"
(cd "$tmp/src" && DEB_BUILD_OPTIONS=parallel=2 dpkg-buildpackage -us -uc -b) > "$tmp/build.log" 2>&1
rc=$?
check "dpkg-buildpackage -us -uc -b builds $(basename "$deb")" "0 yes" "$rc $([ -f "$deb" ] && echo yes)$([ $rc -ne 0 ] && tail -5 "$tmp/build.log")"
if [ ! -f "$deb" ]; then
	exit 0
fi
contents=$(dpkg-deb -c "$deb" | awk '{print $6 ($7 ? " " $7 " " $8 : "")}' | sed 's|^\./|/|')
want="$libdir/kansa.so
$sharedir/kansa.control
$sharedir/kansa--$v.sql
$sharedir/kansa--0.1.0.sql
$sharedir/kansa--0.1.0--$v.sql
$bindir/kansa-import
$bindir/kansa-report
$bindir/kansa-followup
/usr/bin/kansa-import -> ../share/postgresql-common/pg_wrapper
/usr/bin/kansa-report -> ../share/postgresql-common/pg_wrapper
/usr/bin/kansa-followup -> ../share/postgresql-common/pg_wrapper"
missing=""
while read -r f; do echo "$contents" | grep -qxF "$f" || missing="$missing|$f"; done <<< "$want"
check "it holds the module, the control file, the install and upgrade scripts, and the clients kansa-import, kansa-report and kansa-followup (in $bindir, on PATH through pg_wrapper)" "" "$missing"
check "nothing in /usr/local" "" "$(echo "$contents" | grep '^/usr/local' | head -3)"
depends=$(dpkg-deb -f "$deb" Depends)
missing=""
for d in libxml2 zlib1g libmecab2 mecab-ipadic-utf8 libxlsxwriter4 postgresql-15 postgresql-common libpq5; do
	echo "$depends" | tr ',' '\n' | grep -qE "^ *$d( |$)" || missing="$missing $d"
done
check "it depends on libxml2, zlib, MeCab and its dictionary, libxlsxwriter, PostgreSQL 15, postgresql-common and libpq" "" "$missing"

# 2. installed with apt from the local file
apt_get install --no-install-recommends "$deb" > "$tmp/apt.log" 2>&1
check "apt-get install ./$(basename "$deb")" "install ok installed $v" \
	"$(dpkg-query -W -f='${Status} ${Version}' $pkg 2>&1)$(grep -E '^E:' "$tmp/apt.log" | head -2)"
check "the installed files are the package's" "" "$(dpkg -V $pkg 2>&1 | head -3)"
check "the installed install script is the one this tree builds" "yes" \
	"$(make -s --no-print-directory sql/kansa--$v.sql > /dev/null 2>&1; cmp -s "$sharedir/kansa--$v.sql" sql/kansa--$v.sql && echo yes)"
check "kansa-import is on PATH through pg_wrapper" \
	"/usr/share/postgresql-common/pg_wrapper|kansa-import (kansa) $v" \
	"$(readlink -f /usr/bin/kansa-import)|$(env PATH=/usr/bin:/bin kansa-import --version 2>&1)"

# 3. the regression suite against the package, from the copy (its tests and
# Makefile; nothing built there)
(cd "$tmp/src" && make -s installcheck) > "$tmp/installcheck.log" 2>&1
rc=$?
n=$(grep -Ec '\.\.\. ok( |$)' "$tmp/installcheck.log")
bad=$(grep -E '\.\.\. (FAILED|failed)' "$tmp/installcheck.log" | awk '{print $1, $2}' | tr '\n' ' ')
check "make installcheck against the installed package ($n tests)" "0 " "$rc $bad$([ "$n" -gt 0 ] || echo 'no tests ran')"
if [ -s "$tmp/src/regression.diffs" ]; then
	head -50 "$tmp/src/regression.diffs"
fi
dropdb --if-exists $db > /dev/null 2>&1
createdb -E UTF8 -T template0 $db && psql -X -q -d $db -c 'CREATE EXTENSION kansa'
out=$(env PATH=/usr/bin:/bin kansa-import -d $db --no-progress --org='Example Bank' --vendor='ジャパンメディアシステム株式会社' \
	--service=LiveOn --framework=iso27017 test/fixtures/sheets/iso27017_liveon.csv 2>&1)
check "kansa-import through pg_wrapper loads a sheet" "0 t" \
	"$? $(psql -X -At -d $db -c "SELECT count(*) > 0 FROM kansa.response")$(echo "$out" | grep -i error | head -2)"
dropdb --if-exists $db > /dev/null 2>&1

# 4. the machine as make install left it
apt_get purge $pkg > "$tmp/purge.log" 2>&1
check "apt-get purge $pkg" "" "$(dpkg-query -W -f='${Status}' $pkg 2> /dev/null | grep 'installed')$(grep -E '^E:' "$tmp/purge.log" | head -2)"
as_root make -s install > "$tmp/install.log" 2>&1
check "make install puts its files back" "0|yes|yes|yes" \
	"$?|$(cmp -s "$libdir/kansa.so" kansa.so && echo yes)|$(cmp -s "$sharedir/kansa--$v.sql" sql/kansa--$v.sql && echo yes)|$(cmp -s "$bindir/kansa-import" cli/kansa-import && echo yes)"
