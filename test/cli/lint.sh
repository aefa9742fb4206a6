#!/bin/bash
# The install script's house rules (the house style (README, Development) "SQL scripts",
# hostile-input.md "The install script"), checked by scripts/lint-sql over
# every script of sql/: the \echo guard first, no CREATE OR REPLACE, no
# IF NOT EXISTS, no quoted @extschema@, SET search_path on every SQL,
# plpgsql and SECURITY DEFINER function, and no unqualified function call.
# Then the linter itself: planted faults are caught, tricky but correct SQL
# is not.  Prints "ok - ..." / "not ok - ..." lines for scripts/run-suite.
set -u
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
lint=scripts/lint-sql

# the parts of the install script (sql/NN_*.sql), the upgrade scripts and the
# built script, as they are
scripts=$(ls sql/*.sql)
out=$("$lint" $scripts 2>&1)
rc=$?
echo "$out"
if [ "$rc" -eq 0 ]; then
	echo "ok - lint: sql/ passes every rule (exit 0)"
else
	echo "not ok - lint: sql/ passes every rule (exit $rc)"
fi
# the linter saw what is there: every part, and the views and the plpgsql
# bodies of the parts
parts=$(ls sql/[0-9]*.sql)
nparts=$(echo "$parts" | wc -l)
views=$(cat $parts | grep -c '^CREATE VIEW ')
bodies=$(cat $parts | grep -Eic '^[[:space:]]*LANGUAGE plpgsql')
got=$("$lint" $parts | sed -n 's/^# checked \([0-9]*\) files, .* (\([0-9]*\) SQL or plpgsql bodies), \([0-9]*\) views.*/\1 \2 \3/p')
if [ "$got" = "$nparts $bodies $views" ] && [ "$views" -gt 0 ] && [ "$nparts" -gt 1 ]; then
	echo "ok - lint: it read all $nparts parts of the install script, their $views views and $bodies plpgsql bodies"
else
	echo "not ok - lint: it read all parts of the install script, their views and plpgsql bodies (expected \"$nparts $bodies $views\", got \"$got\")"
fi

guard='\echo Use "CREATE EXTENSION kansa" to load this file. \quit'
# plant NAME RULE-TEXT LINE: a script with one fault must fail that rule at that line
plant() {
	local name=$1 rule=$2 line=$3 out rc
	out=$("$lint" "$tmp/$name.sql" 2>&1)
	rc=$?
	if [ "$rc" -ne 0 ] && echo "$out" | grep -qF "not ok - lint: $rule" \
		&& echo "$out" | grep -qE "^#   $tmp/$name.sql:$line: " \
		&& [ "$(echo "$out" | grep -c '^not ok')" -eq 1 ]; then
		echo "ok - lint self-test: $name is caught (line $line, exit $rc)"
	else
		echo "not ok - lint self-test: $name is caught at line $line by \"$rule\" alone (exit $rc): $(echo "$out" | grep -v '^ok' | tr '\n' ' ')"
	fi
}

printf '%s\n' '-- kansa' "$guard" 'SELECT 1;' > "$tmp/no-guard.sql"
plant no-guard 'the \echo guard' 1

# the first part of the install script carries the guard too
printf '%s\n' '-- the first part' 'SELECT 1;' > "$tmp/00_first-part.sql"
plant 00_first-part 'the \echo guard' 1

printf '%s\n' "$guard" 'CREATE TABLE kansa.t (a int);' \
	'CREATE OR REPLACE FUNCTION kansa.f(integer) RETURNS integer' \
	'	LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp RETURN $1;' > "$tmp/or-replace.sql"
plant or-replace 'no CREATE OR REPLACE' 3

printf '%s\n' "$guard" '' 'CREATE TABLE IF NOT EXISTS kansa.t (a int);' > "$tmp/if-not-exists.sql"
plant if-not-exists 'no IF NOT EXISTS' 3

printf '%s\n' "$guard" 'CREATE TABLE kansa.t (a int);' \
	"COMMENT ON TABLE kansa.t IS 'see @extschema@.f';" > "$tmp/extschema-string.sql"
plant extschema-string 'no quoted @extschema@' 3

printf '%s\n' "$guard" 'CREATE FUNCTION kansa.f() RETURNS integer LANGUAGE plpgsql' \
	'	SET search_path = pg_catalog, pg_temp AS $$' \
	'BEGIN RETURN pg_catalog.length("@extschema@".g()); END $$;' > "$tmp/extschema-body.sql"
plant extschema-body 'no quoted @extschema@' 4

printf '%s\n' "$guard" '' 'CREATE FUNCTION kansa.f(t text) RETURNS integer LANGUAGE plpgsql AS $$' \
	'BEGIN RETURN pg_catalog.length(t); END $$;' > "$tmp/no-search-path.sql"
plant no-search-path 'every SQL, plpgsql and SECURITY DEFINER function' 3

printf '%s\n' "$guard" 'CREATE FUNCTION kansa.f(text) RETURNS integer' \
	"	AS 'MODULE_PATHNAME', 'f' LANGUAGE C STABLE SECURITY DEFINER;" > "$tmp/definer-c.sql"
plant definer-c 'every SQL, plpgsql and SECURITY DEFINER function' 2

printf '%s\n' "$guard" 'CREATE FUNCTION kansa.f(t text) RETURNS integer LANGUAGE sql' \
	'	SET search_path = pg_catalog RETURN pg_catalog.length(t);' > "$tmp/no-pg-temp.sql"
plant no-pg-temp 'every SQL, plpgsql and SECURITY DEFINER function' 2

printf '%s\n' "$guard" 'CREATE VIEW kansa.v AS' \
	'SELECT pg_catalog.upper(c.title) AS a,' '       lower(c.title) AS b FROM kansa.control AS c;' > "$tmp/view-lower.sql"
plant view-lower 'function calls in statements' 4

printf '%s\n' "$guard" 'CREATE FUNCTION kansa.f(a text[]) RETURNS bigint LANGUAGE plpgsql' \
	'	SET search_path = pg_catalog, pg_temp AS $$' 'DECLARE n bigint;' 'BEGIN' \
	'	SELECT pg_catalog.count(*) INTO n FROM unnest(a) AS x;' '	RETURN n;' 'END $$;' > "$tmp/body-unnest.sql"
plant body-unnest 'function calls in statements' 6

printf '%s\n' "$guard" 'CREATE FUNCTION kansa.f(a text) RETURNS integer LANGUAGE sql' \
	'	SET search_path = pg_catalog, pg_temp' 'BEGIN ATOMIC' \
	'	SELECT CASE WHEN a IS NULL THEN 0 ELSE octet_length(a) END;' 'END;' > "$tmp/atomic-octet-length.sql"
plant atomic-octet-length 'function calls in statements' 5

printf '%s\n' "$guard" 'CREATE TABLE kansa.t (a text DEFAULT now()::text);' > "$tmp/default-now.sql"
plant default-now 'function calls in statements' 2

printf '%s\n' "$guard" 'DO $$' 'BEGIN' '	PERFORM set_config('"'a.b'"', '"'c'"', true);' 'END $$;' > "$tmp/do-set-config.sql"
plant do-set-config 'function calls in statements' 4

printf '%s\n' "$guard" 'CREATE POLICY t_org ON kansa.t' \
	"	USING (a OPERATOR(pg_catalog.=) current_setting('kansa.organization'));" > "$tmp/policy-current-setting.sql"
plant policy-current-setting 'function calls in statements' 3

# correct SQL that looks like the faults: no rule may fire
cat > "$tmp/good.sql" <<'SQL'
\echo Use "CREATE EXTENSION kansa" to load this file. \quit
-- comments may say CREATE OR REPLACE, IF NOT EXISTS, "@extschema@" and count(*)
/* nested /* comments */ with lower(x) */
CREATE FUNCTION kansa.f(t text, OUT n numeric(10, 2)) RETURNS numeric
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
	AS $body$
DECLARE
	v varchar(20) := 'lower(x) in a string';
BEGIN
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_class) THEN
		RETURN;
	END IF;
	WITH RECURSIVE walk (i) AS (SELECT 1 UNION ALL SELECT w.i + 1 FROM walk AS w WHERE w.i < 3)
	SELECT CAST(pg_catalog.sum(w.i) AS numeric(10, 2)) INTO n FROM walk AS w;
	n := COALESCE(NULLIF(n, 0), GREATEST(1, LEAST(2, 3)))
		+ EXTRACT(epoch FROM pg_catalog.now()) * 0 + pg_catalog.length(TRIM(v))
		+ POSITION('a' IN v) + pg_catalog.length(SUBSTRING(v FROM 1 FOR 2));
	INSERT INTO kansa.t (a) VALUES (n::text) ON CONFLICT (a) DO NOTHING;
	RAISE NOTICE '%', $$a dollar quote in a dollar quote: lower(x)$$;
END;
$body$;
CREATE FUNCTION kansa.g(a text[]) RETURNS bigint LANGUAGE sql STABLE
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		SELECT pg_catalog.count(*) FILTER (WHERE x.v OPERATOR(pg_catalog.<>) '')
		  FROM pg_catalog.unnest(a) WITH ORDINALITY AS x (v, n)
		 WHERE CASE WHEN x.n > 1 THEN true ELSE false END;
	END;
CREATE FUNCTION kansa.h(text) RETURNS integer AS 'MODULE_PATHNAME', 'h' LANGUAGE C IMMUTABLE STRICT;
CREATE TABLE kansa.t (a text PRIMARY KEY CHECK (a OPERATOR(pg_catalog.<>) ''),
	b integer GENERATED ALWAYS AS (kansa.h(a)) STORED, UNIQUE (a, b));
CREATE INDEX t_b_idx ON kansa.t (b) INCLUDE (a);
CREATE VIEW kansa.v AS
SELECT t.a, x.n, EXISTS (SELECT FROM kansa.t AS u WHERE u.a IN ('x', 'y')) AS e,
	   t.b = ANY (ARRAY[1, 2]) AS any_b, ROW(t.a, t.b) AS r
  FROM kansa.t AS t
  LEFT JOIN LATERAL (SELECT pg_catalog.count(*) AS n FROM kansa.t) AS x ON (true)
  JOIN pg_catalog.generate_series(1, 2) g (i) ON g.i = t.b;
ALTER VIEW kansa.v SET (security_invoker = true);
GRANT SELECT (a), UPDATE (b), INSERT (a, b) ON kansa.t TO PUBLIC;
CREATE POLICY t_own ON kansa.t USING (a OPERATOR(pg_catalog.=) CURRENT_USER)
	WITH CHECK (pg_catalog.pg_has_role(CURRENT_USER, 'kansa_bi', 'MEMBER'));
SQL
# the same text as an upgrade script: its guard says ALTER EXTENSION
{ echo "\\echo Use \"ALTER EXTENSION kansa UPDATE TO '0.2.0'\" to load this file. \\quit"; tail -n +2 "$tmp/good.sql"; } > "$tmp/kansa--0.1.0--0.2.0.sql"
# and as a later part of the install script, which carries no guard
tail -n +2 "$tmp/good.sql" > "$tmp/40_later-part.sql"
out=$("$lint" "$tmp/good.sql" "$tmp/kansa--0.1.0--0.2.0.sql" "$tmp/40_later-part.sql" 2>&1)
rc=$?
if [ "$rc" -eq 0 ] && [ "$(echo "$out" | grep -c '^ok - lint: ')" -eq 6 ]; then
	echo "ok - lint self-test: correct SQL with keyword constructs, column lists and quoted look-alikes passes (as a script, an upgrade script and a later part)"
else
	echo "not ok - lint self-test: correct SQL passes (exit $rc): $(echo "$out" | grep -v '^ok' | tr '\n' ' ')"
fi

# Volatility: the C functions whose result depends on a setting (read from
# src/ by scripts/settings-readers) are declared STABLE or VOLATILE, never
# IMMUTABLE.  The reader itself must see the import caps' readers.
readers=$(scripts/settings-readers src)
if echo "$readers" | grep -qx kansa_read_sheet && echo "$readers" | grep -qx kansa_sheet_answers; then
	echo "ok - settings-readers: read_sheet and sheet_answers read the import caps"
else
	echo "not ok - settings-readers: read_sheet and sheet_answers read the import caps (found: $(echo $readers))"
fi
bad=""
for sym in $readers; do
	decl=$(awk -v sym="'$sym'" 'index($0, "CREATE FUNCTION") == 1 { buf = "" } { buf = buf " " $0 } index($0, sym) && /MODULE_PATHNAME/ { getline more; print buf " " more }' $parts)
	if [ -z "$decl" ] || echo "$decl" | grep -q IMMUTABLE; then
		bad="$bad $sym"
	fi
done
if [ -z "$bad" ]; then
	echo "ok - volatility: no C function that reads a setting is IMMUTABLE ($(echo $readers | wc -w) of them)"
else
	echo "not ok - volatility: declared IMMUTABLE (or not found) although they read a setting:$bad"
fi
