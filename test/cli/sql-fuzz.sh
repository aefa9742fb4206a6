#!/bin/bash
# The SQL-level half of fuzzing (FUZZING.md, "Inside the server"): a bounded,
# seeded random-call driver that feeds the fuzz corpus to every function of
# the extension through SQL, in a real backend.  The seeds of every fuzz
# target (test/fuzz/make-corpus), the inputs that once crashed a target
# (test/fuzz/regress) and, when a fuzz run has left one, its kept corpus
# (test/fuzz/build/corpus) are loaded into a table; then each call takes one
# function of pg_proc and puts a corpus value (as text, bytea, cstring or a
# text[] of it) in one argument position, the others at their typical
# values.  Passes when no call crashed the backend, none raised an internal
# error, and the postmaster did not restart.
#   KANSA_SQL_FUZZ_CALLS (default 4000) and KANSA_SQL_FUZZ_SEED (0.42)
# Prints "ok - ..." / "not ok - ..." lines; scripts/run-suite counts them.
set -u
cd "$(dirname "$0")/../.."
db=kansa_sql_fuzz
calls=${KANSA_SQL_FUZZ_CALLS:-4000}
seed=${KANSA_SQL_FUZZ_SEED:-0.42}
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"; dropdb --if-exists --force $db > /dev/null 2>&1' EXIT
dropdb --if-exists --force $db > /dev/null 2>&1
createdb -E UTF8 -T template0 $db

if ! test/fuzz/make-corpus . "$tmp/seeds" > /dev/null 2>&1; then
	echo "not ok - sql-fuzz: test/fuzz/make-corpus failed"
	exit 0
fi
# one INSERT per corpus file, its bytes in hex (at most 64 kB of each)
perl -e '
	use strict; use warnings;
	print "CREATE TABLE corpus (target text, name text, bytes bytea);\n";
	for my $f (@ARGV) {
		my ($target, $name) = $f =~ m{([^/]+)/([^/]+)$} or next;
		open my $h, "<:raw", $f or next;
		local $/;
		my $b = <$h> // "";
		close $h;
		$b = substr($b, 0, 65536);
		printf "INSERT INTO corpus VALUES (%s, %s, %s);\n", map({ "\x27$_\x27" } $target, $name),
			"\x27\\x" . unpack("H*", $b) . "\x27";
	}' $(find "$tmp/seeds" test/fuzz/regress test/fuzz/build/corpus -type f 2>/dev/null | sort) > "$tmp/corpus.sql"
n=$(grep -c '^INSERT' "$tmp/corpus.sql")

out=$(psql -X -q -At -v ON_ERROR_STOP=1 -d $db 2>&1 <<SQL
CREATE EXTENSION kansa;
SET search_path = kansa, public;
CREATE TEMP TABLE started AS SELECT pg_postmaster_start_time() AS t;
\i $tmp/corpus.sql
\i test/fixtures/call_probe.sql
-- a corpus value as an argument of a type, or NULL where it cannot be one
CREATE FUNCTION pg_temp.as_arg(b bytea, t regtype) RETURNS text LANGUAGE plpgsql AS \$\$
DECLARE
	s text;
BEGIN
	IF t = 'bytea'::regtype THEN
		RETURN format('%L::bytea', b);
	END IF;
	BEGIN
		s := convert_from(b, 'UTF8');
	EXCEPTION WHEN OTHERS THEN
		RETURN NULL;			-- not UTF-8: only bytea takes it
	END;
	RETURN CASE t WHEN 'text'::regtype THEN format('%L::text', s)
				  WHEN 'cstring'::regtype THEN format('%L::cstring', s)
				  WHEN 'text[]'::regtype THEN format('ARRAY[%L, %L]::text[]', s, left(s, 40))
				  WHEN 'jsonb'::regtype THEN
					  CASE WHEN s ~ '^\s*[{\[]' AND pg_temp.is_json(s) THEN format('%L::jsonb', s) END
			 END;
END;
\$\$;
CREATE FUNCTION pg_temp.is_json(s text) RETURNS boolean LANGUAGE plpgsql AS \$\$
BEGIN
	PERFORM s::jsonb;
	RETURN true;
EXCEPTION WHEN OTHERS THEN
	RETURN false;
END;
\$\$;
CREATE TEMP TABLE slot AS
	SELECT f.fn, f.types, f.n, i AS pos
	  FROM pg_temp.kansa_functions() AS f, generate_series(1, f.n) AS i
	 WHERE f.types[i - 1] IN ('text', 'bytea', 'cstring', 'text[]', 'jsonb');
SELECT setseed($seed);
DO \$\$
DECLARE
	k int;
	s record;
	c record;
	args text[];
	a text;
BEGIN
	FOR k IN 1 .. $calls LOOP
		SELECT * INTO s FROM slot ORDER BY random() LIMIT 1;
		SELECT * INTO c FROM corpus ORDER BY random() LIMIT 1;
		a := pg_temp.as_arg(c.bytes, s.types[s.pos - 1]);
		CONTINUE WHEN a IS NULL;
		args := pg_temp.typical_args(s.types);
		args[s.pos] := a;
		PERFORM pg_temp.try(s.fn, args);
	END LOOP;
END
\$\$;
SELECT 'calls', count(*), count(DISTINCT fn), count(*) FILTER (WHERE sqlstate = '00000') FROM outcome;
SELECT 'internal', fn || ': ' || left(args, 200) || ': ' || sqlstate || ' ' || left(message, 200)
  FROM outcome WHERE sqlstate LIKE 'XX%';
SELECT 'restarted', (SELECT t FROM started) <> pg_postmaster_start_time();
SQL
)
rc=$?
if [ "$rc" -ne 0 ]; then
	echo "$out" | tail -5
	echo "not ok - sql-fuzz: the driver ran to its end (psql exit $rc: a crash ends the session)"
	exit 0
fi
read -r _ made fns ok <<< "$(echo "$out" | grep '^calls|' | tr '|' ' ')"
echo "ok - sql-fuzz: $made calls of $fns functions with $n corpus inputs returned ($ok) or raised an ordinary error, seed $seed"
internal=$(echo "$out" | grep '^internal|' | cut -d'|' -f2-)
if [ -z "$internal" ]; then
	echo "ok - sql-fuzz: no call raised an internal error (XX000)"
else
	echo "$internal" | head -20
	echo "not ok - sql-fuzz: no call raised an internal error (XX000)"
fi
if echo "$out" | grep -q '^restarted|f$'; then
	echo "ok - sql-fuzz: the postmaster did not restart"
else
	echo "not ok - sql-fuzz: the postmaster did not restart"
fi
