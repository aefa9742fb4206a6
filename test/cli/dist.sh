#!/bin/bash
# The PGXN bundle (README, "Installing from PGXN"): `make dist` writes
# kansa-<version>.zip from git (HEAD).  Its META.json must be valid under the
# PGXN Meta Spec 1.0.0 and name the version of kansa.control; the zip must
# hold, under kansa-<version>/, what make and make install need (a build
# from the unpacked zip installs the same files as one from the tree, with
# the same install and upgrade scripts) and what make installcheck reads
# (every test/sql file, its expected output and the fixtures it names), and
# nothing of the test fixtures that no regression test reads, nor the tests
# that need the source tree (test/cli, test/fuzz, test/bi, test/pgtap),
# the benchmarks or the Debian packaging.
# Prints "ok - ..." / "not ok - ..." lines for scripts/run-suite.
set -u
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() {	# check NAME EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then
		echo "ok - dist: $1"
	else
		echo "not ok - dist: $1 (expected \"$2\", got \"$(echo "$3" | head -c 1500)\")"
	fi
}

v=$(sed -n "s/^default_version[[:space:]]*=[[:space:]]*'\([^']*\)'.*/\1/p" kansa.control)
if ! git rev-parse --git-dir > /dev/null 2>&1; then
	echo "ok - dist: not a git checkout, make dist not tested # SKIP"
	exit 0
fi

# META.json against the PGXN Meta Spec 1.0.0 (https://pgxn.org/spec/): the
# required keys, the types and vocabularies of the optional ones
check "META.json is valid under the PGXN Meta Spec 1.0.0" "" "$(perl -MJSON::PP -0 -e '
	my $m = eval { decode_json(<STDIN>) } or do { print "not JSON: $@"; exit };
	my @e;
	my $semver = qr/^(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-[0-9A-Za-z-]+)?$/;
	my $range = qr/^\s*(?:(?:==|!=|>=|<=|>|<)\s*)?(?:0|(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-[0-9A-Za-z-]+)?)\s*$/;
	my %license = map { $_ => 1 } qw(agpl_3 apache_1_1 apache_2_0 artistic_1 artistic_2 bsd freebsd gfdl_1_2
		gfdl_1_3 gpl_1 gpl_2 gpl_3 lgpl_2_1 lgpl_3_0 mit mozilla_1_0 mozilla_1_1 openssl perl_5 postgresql
		qpl_1_0 ssleay sun zlib open_source restricted unrestricted unknown);
	for my $k (qw(name abstract version maintainer license provides meta-spec)) {
		push @e, "no $k" unless exists $m->{$k};
	}
	push @e, "name" unless defined $m->{name} && !ref $m->{name} && $m->{name} =~ /^[^\/\\\\\s]+$/;
	push @e, "version not semver" unless ($m->{version} // "") =~ $semver;
	push @e, "abstract" unless defined $m->{abstract} && !ref $m->{abstract} && length $m->{abstract};
	my $mt = $m->{maintainer};
	push @e, "maintainer" unless defined $mt && (!ref $mt || (ref $mt eq "ARRAY" && @$mt));
	my $l = $m->{license};
	push @e, "license" unless defined $l && ((!ref $l && $license{$l}) || (ref $l eq "ARRAY" && !grep { !$license{$_} } @$l) || ref $l eq "HASH");
	push @e, "meta-spec" unless ref $m->{"meta-spec"} eq "HASH" && ($m->{"meta-spec"}{version} // "") eq "1.0.0";
	if (ref $m->{provides} eq "HASH" && %{$m->{provides}}) {
		for my $p (keys %{$m->{provides}}) {
			my $x = $m->{provides}{$p};
			push @e, "provides.$p.file" unless ref $x eq "HASH" && defined $x->{file} && -f $x->{file};
			push @e, "provides.$p.version" unless ref $x eq "HASH" && ($x->{version} // "") =~ $semver;
			push @e, "provides.$p.docfile" if ref $x eq "HASH" && exists $x->{docfile} && !-f $x->{docfile};
			push @e, "provides.$p: unknown key $_" for grep { !/^(file|version|abstract|docfile|x_.*|X_.*)$/ } keys %$x;
		}
	} else { push @e, "provides" }
	if (exists $m->{release_status}) {
		push @e, "release_status" unless ($m->{release_status} // "") =~ /^(stable|testing|unstable)$/;
	} else { push @e, "no release_status" }
	if (ref $m->{prereqs} eq "HASH") {
		for my $ph (keys %{$m->{prereqs}}) {
			push @e, "prereqs phase $ph" unless $ph =~ /^(configure|build|test|runtime|develop)$/;
			for my $rel (keys %{$m->{prereqs}{$ph}}) {
				push @e, "prereqs relation $rel" unless $rel =~ /^(requires|recommends|suggests|conflicts)$/;
				for my $n (keys %{$m->{prereqs}{$ph}{$rel}}) {
					my $r = $m->{prereqs}{$ph}{$rel}{$n};
					push @e, "prereqs $ph $rel $n: $r" if grep { $_ !~ $range } split /,/, $r;
				}
			}
		}
	} else { push @e, "no prereqs" }
	if (ref $m->{resources} eq "HASH") {
		for my $k (keys %{$m->{resources}}) {
			push @e, "resources.$k" unless $k =~ /^(homepage|bugtracker|repository|x_.*|X_.*)$/;
		}
		push @e, "resources.homepage" if exists $m->{resources}{homepage} && $m->{resources}{homepage} !~ m{^https?://};
	} else { push @e, "no resources" }
	push @e, "tags" if exists $m->{tags} && (ref $m->{tags} ne "ARRAY" || grep { ref $_ || !length $_ || length $_ > 255 } @{$m->{tags}});
	if (exists $m->{no_index}) {
		push @e, "no_index" unless ref $m->{no_index} eq "HASH" && !grep { !/^(file|directory)$/ || ref $m->{no_index}{$_} ne "ARRAY" } keys %{$m->{no_index}};
	}
	print join(", ", @e);' < META.json)"
check "META.json names kansa.control's version ($v)" "$v $v" \
	"$(perl -MJSON::PP -0 -e 'my $m = decode_json(<STDIN>); print $m->{version}, " ", $m->{provides}{kansa}{version}' < META.json)"

zip="$tmp/kansa-$v.zip"
make -s --no-print-directory dist DIST_ZIP="$zip" > "$tmp/dist.out" 2>&1
check "make dist writes the zip" "0" "$?$(head -3 "$tmp/dist.out")"
unzip -Z1 "$zip" > "$tmp/list" 2> /dev/null
check "everything in it is under kansa-$v/" "" "$(grep -v "^kansa-$v/" "$tmp/list" | head -3)"
sed -i "s|^kansa-$v/||; /^$/d; /\/$/d" "$tmp/list"
check "it is what HEAD holds (git archive)" "$(git rev-parse HEAD)" "$(unzip -z "$zip" | tail -n 1)"

# what the build and install need
need="Makefile kansa.control META.json README.md CHANGELOG.md LICENSE sql/kansa--0.1.0.sql cli/Makefile cli/kansa-import.c"
need="$need $(make -s --no-print-directory --eval 'kansa-print-need: ; @echo $(SQL_PARTS) $(OBJS:.o=.c)' kansa-print-need)"
need="$need $(git ls-files sql/upgrade data src scripts/catalog2sql scripts/calibration2h scripts/upgrade2sql | tr '\n' ' ')"
missing=""
for f in $need; do grep -qxF "$f" "$tmp/list" || missing="$missing $f"; done
check "it holds the sources, parts, data and scripts the build reads" "" "$missing"

# what make installcheck reads: the tests, their expected output, and the
# fixtures they name; a fixture no regression test reads stays out
missing=""
for f in $(git ls-files test/sql test/expected); do grep -qxF "$f" "$tmp/list" || missing="$missing $f"; done
check "it holds every regression test and its expected output" "" "$missing"
named() {	# is fixture $1 (a path under test/) read by a regression test?
	grep -qF "${1#test/}" test/sql/*.sql test/expected/*.out test/fixtures/labels/load.sql && return 0
	case "$(basename "$1")" in README*) return 1 ;; esac
	grep -qF "$(basename "$1")" test/sql/*.sql test/fixtures/labels/load.sql
}
extra=""
for f in $(grep '^test/fixtures/' "$tmp/list"); do named "$f" || extra="$extra $f"; done
check "no fixture that no regression test reads" "" "$extra"
missing=""
for f in $(git ls-files test/fixtures); do
	if named "$f" && ! grep -qxF "$f" "$tmp/list"; then missing="$missing $f"; fi
done
check "every fixture a regression test reads" "" "$missing"
check "none of the tests that need the tree, the benchmarks or the Debian packaging" "" \
	"$(grep -E '^(test/(cli|fuzz|bi|pgtap|deb)/|bench/|debian/|\.ci/)' "$tmp/list" | head -5)"

# built from the zip, it installs what the tree installs
mkdir -p "$tmp/src" "$tmp/root.zip" "$tmp/root.tree"
(cd "$tmp/src" && unzip -q "$zip")
out=$(make -s -C "$tmp/src/kansa-$v" -j2 > "$tmp/build.out" 2>&1 &&
	make -s -C "$tmp/src/kansa-$v" install DESTDIR="$tmp/root.zip" KANSA_IMPORT_LINKDIR= > "$tmp/install.out" 2>&1; echo $?)
check "make and make install from the unpacked zip" "0" "$out$(grep -iE 'error|warning' "$tmp/build.out" "$tmp/install.out" | head -3)"
make -s install DESTDIR="$tmp/root.tree" KANSA_IMPORT_LINKDIR= > /dev/null 2>&1
files() { (cd "$1" && find . -type f -o -type l | LC_ALL=C sort); }
check "it installs the same files as the tree ($(files "$tmp/root.tree" | grep -c .))" "$(files "$tmp/root.tree")" "$(files "$tmp/root.zip")"
diffs=""
for f in $(cd "$tmp/root.tree" && find . -name 'kansa*.sql' -o -name 'kansa.control'); do
	cmp -s "$tmp/root.tree/$f" "$tmp/root.zip/$f" || diffs="$diffs $f"
done
check "the same install and upgrade scripts and control file" "" "$diffs"
