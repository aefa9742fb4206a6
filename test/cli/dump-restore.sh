#!/bin/bash
# pg_dump / pg_restore of a database using kansa (the hostile-input test plan (README, Security model),
# "The install script"): the sample sheets imported, an analyst's review,
# user rows in every catalog table, a user table with btree and hash indexes
# on the four kansa types.  The restore into a fresh database must exit 0
# and say nothing; every kansa table and view must then hold the same rows,
# the user catalog rows must be back and the shipped ones not doubled, the
# indexes valid, checked and used, and the restored database must go on
# working (identity sequences where they were).
# Prints "ok - ..." / "not ok - ..." lines for scripts/run-suite.
set -u
# New organisations, vendors and services are announced with a NOTICE; these
# checks read psql's and kansa-import's output, so notices stay out of it.
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
cd "$(dirname "$0")/../.."
K="${KANSA_IMPORT:-$(pg_config --bindir)/kansa-import}"
db=kansa_dump
db2=kansa_restored
tmp=$(mktemp -d)
cleanup() {
	rm -rf "$tmp"
	dropdb --if-exists $db > /dev/null 2>&1
	dropdb --if-exists $db2 > /dev/null 2>&1
}
trap cleanup EXIT
dropdb --if-exists $db > /dev/null 2>&1
dropdb --if-exists $db2 > /dev/null 2>&1

q() { local d=$1; shift; PGOPTIONS='-c search_path=public,kansa -c client_min_messages=warning' psql -X -At -q -v ON_ERROR_STOP=1 -d "$d" "$@"; }
check() {	# check NAME EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then
		echo "ok - dump/restore: $1"
	else
		echo "not ok - dump/restore: $1 (expected \"$2\", got \"$3\")"
	fi
}

createdb -E UTF8 -T template0 $db
q $db -c 'CREATE EXTENSION kansa'
"$K" -d $db --no-progress --manifest test/fixtures/sheets/manifest.tsv > "$tmp/import.out" 2>&1
check "the sample sheets load" "0" "$?"
asp=$(base64 -w0 test/fixtures/sheets/asp_saas_example.csv)
q $db -v asp="$asp" > "$tmp/setup.out" 2>&1 <<'SQL'
\o /dev/null
SET search_path = public, kansa;
SELECT * FROM kansa.import_sheet('Example Bank', 'Example Cloud', 'Example SaaS', 'asp_saas',
	decode(:'asp', 'base64'), 'asp_saas_example.csv');
UPDATE kansa.service SET pattern_set = 1 WHERE name = 'Example SaaS';
SELECT kansa.review(r.id, 'implemented/provider', 'checked on site')
  FROM kansa.response AS r JOIN kansa.assessment AS a ON a.id = r.assessment_id
 WHERE a.framework = 'asp_saas' AND r.control = 'asp_saas:III.2.1.1';
INSERT INTO kansa.evidence_validity (organization_id, evidence, valid_until, note)
SELECT id, 'cert:JQA-IM9999', DATE '2020-03-31', 'expired' FROM kansa.organization;

-- user rows in every catalog table
INSERT INTO kansa.framework (code, title, publisher, section_depth)
VALUES ('acme_sec', 'ACME supplier security requirements', 'ACME', 1);
INSERT INTO kansa.control (id, parent, kind, level, title) VALUES
	('acme_sec:A', NULL, 'section', NULL, 'Access'),
	('acme_sec:A.1', 'acme_sec:A', 'control', 'basic', 'MFA for administrators'),
	('acme_sec:A.2', 'acme_sec:A', 'control', 'recommended', 'Quarterly access review'),
	('acme_sec:B', NULL, 'section', NULL, 'Backup'),
	('acme_sec:B.1', 'acme_sec:B', 'control', 'basic', 'Daily backup');
INSERT INTO kansa.quantity (name, kinds, description)
VALUES ('acme_restore_test', ARRAY['frequency'], 'How often restores are tested (ACME B.1).');
INSERT INTO kansa.reference_item (control, letter, title, direction, quantity)
VALUES ('acme_sec:B.1', 'a', 'restore test interval', 'min', 'acme_restore_test');
INSERT INTO kansa.reference_value (item, pattern, raw)
SELECT id, 1, '1回/1ヶ月*' FROM kansa.reference_item WHERE control = 'acme_sec:B.1';
INSERT INTO kansa.service_type (name, pattern) VALUES ('ACME 部品発注ポータル', 2);
INSERT INTO kansa.control_link (from_control, to_control, relationship, source, note)
VALUES ('acme_sec:B.1', 'asp_saas:III.2.3.1', 'intersects-with', 'ACME', 'both ask for backups');
SELECT * FROM kansa.import_sheet('Example Bank', 'Example Cloud', 'Example SaaS', 'acme_sec',
	convert_to(E'項番,回答\nA.1,管理者には多要素認証を必須としています。\nB.1,バックアップは毎日取得しています。\n', 'UTF8'),
	'acme.csv');

-- a user table with btree and hash indexes on the kansa types
CREATE TABLE public.finding (
	id			bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	control		kansa.control_id NOT NULL,
	verdict		kansa.answer NOT NULL,
	evidence	kansa.evidence,
	figure		kansa.measure
);
INSERT INTO public.finding (control, verdict, evidence, figure)
SELECT r.control, r.verdict, e.evidence, m.measure
  FROM kansa.response AS r
  LEFT JOIN kansa.response_evidence AS e ON e.response_id = r.id AND e.position = 1
  LEFT JOIN kansa.response_measure AS m ON m.response_id = r.id AND m.position = 1;
CREATE INDEX finding_control_idx ON public.finding (control);
CREATE INDEX finding_verdict_idx ON public.finding (verdict);
CREATE INDEX finding_evidence_idx ON public.finding (evidence);
CREATE INDEX finding_figure_idx ON public.finding (figure);
CREATE INDEX finding_control_hash ON public.finding USING hash (control);
CREATE INDEX finding_verdict_hash ON public.finding USING hash (verdict);
CREATE INDEX finding_evidence_hash ON public.finding USING hash (evidence);
CREATE INDEX finding_figure_hash ON public.finding USING hash (figure);
CREATE UNIQUE INDEX finding_control_id_key ON public.finding (control, id);
ANALYZE public.finding;
SQL
check "the setup runs" "0" "$?$(grep -v '^$' "$tmp/setup.out" | head -3)"

pg_dump -Fc -d $db -f "$tmp/kansa.dump" 2> "$tmp/dump.err"
rc=$?
# pg_dump orders the data of extension configuration tables by their foreign
# keys and warns of a table that references itself (control.parent,
# assessment.superseded_by), which one COPY restores; nothing else may come
check "pg_dump -Fc exits 0 and warns of nothing but self-references" "0" "$rc$(grep -Ev \
	'^pg_dump: (warning: there are circular foreign-key constraints on this table:|detail: (control|assessment)$|hint: You might not be able to restore the dump without using --disable-triggers or temporarily dropping the constraints\.$|hint: Consider using a full dump instead of a --data-only dump to avoid this problem\.$)' \
	"$tmp/dump.err" | head -3)"
createdb -E UTF8 -T template0 $db2
pg_restore -d $db2 "$tmp/kansa.dump" > "$tmp/restore.out" 2>&1
check "pg_restore into a fresh database exits 0 and says nothing" "0" "$?$(head -5 "$tmp/restore.out")"

# every kansa table holds the same rows (generated columns, depth and
# section included), the user table too
tables=$(q $db -c "SELECT string_agg(c.oid::regclass::text, ' ' ORDER BY c.relname) FROM pg_class AS c
	WHERE c.relnamespace = 'kansa'::regnamespace AND c.relkind = 'r'")
: > "$tmp/tables.sql"
for t in $tables public.finding; do
	echo "SELECT '$t', count(*), md5(string_agg(x::text, E'\\n' ORDER BY x::text)) FROM $t AS x;" >> "$tmp/tables.sql"
done
q $db -F ' ' -f "$tmp/tables.sql" > "$tmp/tables.1"
q $db2 -F ' ' -f "$tmp/tables.sql" > "$tmp/tables.2"
check "every kansa table ($(echo $tables | wc -w)) and the user table hold the same rows" "" "$(diff "$tmp/tables.1" "$tmp/tables.2")"
check "not vacuous: responses, reviews, evidence and findings were dumped" "0" \
	"$(grep -E '^(kansa\.(response|response_review|response_evidence)|public\.finding) ' "$tmp/tables.1" | awk '$2 == 0' | wc -l)"

# user catalog rows back, shipped rows once
check "the user framework, its controls (depth and section kept) and its assessment are back" \
	"acme_sec:A 1 A section|acme_sec:A.1 2 A control|acme_sec:A.2 2 A control|acme_sec:B 1 B section|acme_sec:B.1 2 B control|2" \
	"$(q $db2 -c "SELECT string_agg(id || ' ' || depth || ' ' || section || ' ' || kind, '|' ORDER BY id) FROM kansa.control WHERE framework = 'acme_sec'")|$(q $db2 -c "SELECT responses FROM kansa.import_batch WHERE framework = 'acme_sec'")"
check "user rows of quantity, reference_item, reference_value, service_type and control_link are back" "1 1 1 1 1" \
	"$(q $db2 -c "SELECT concat_ws(' ',
		(SELECT count(*) FROM kansa.quantity WHERE NOT builtin AND name = 'acme_restore_test'),
		(SELECT count(*) FROM kansa.reference_item WHERE NOT builtin AND control = 'acme_sec:B.1'),
		(SELECT count(*) FROM kansa.reference_value WHERE NOT builtin AND raw = '1回/1ヶ月*' AND must_achieve),
		(SELECT count(*) FROM kansa.service_type WHERE NOT builtin AND pattern = 2 AND name = 'ACME 部品発注ポータル'),
		(SELECT count(*) FROM kansa.control_link WHERE NOT builtin AND from_control = 'acme_sec:B.1'))")"
createdb -E UTF8 -T template0 ${db2}_fresh 2> /dev/null
q ${db2}_fresh -c 'CREATE EXTENSION kansa'
shipped="SELECT concat_ws(' ', (SELECT count(*) FROM kansa.framework WHERE builtin),
	(SELECT count(*) FROM kansa.control WHERE builtin), (SELECT count(*) FROM kansa.quantity WHERE builtin),
	(SELECT count(*) FROM kansa.reference_item WHERE builtin), (SELECT count(*) FROM kansa.reference_value WHERE builtin),
	(SELECT count(*) FROM kansa.service_type WHERE builtin), (SELECT count(*) FROM kansa.control_link WHERE builtin))"
fresh=$(q ${db2}_fresh -c "$shipped")
dropdb ${db2}_fresh
check "the shipped catalog rows are there once, as in a fresh CREATE EXTENSION ($fresh)" "$fresh" "$(q $db2 -c "$shipped")"

# the indexes on kansa types: valid, consistent with their opclasses, used
check "the user table's 9 indexes are restored and valid" "9 9" \
	"$(q $db2 -c "SELECT count(*) || ' ' || count(*) FILTER (WHERE i.indisvalid AND i.indisready)
		FROM pg_index AS i WHERE i.indrelid = 'public.finding'::regclass AND i.indexrelid <> 'public.finding_pkey'::regclass")"
if q $db2 -c 'CREATE EXTENSION amcheck' > /dev/null 2>&1; then
	out=$(q $db2 -c "SELECT bt_index_check(c.oid, true) FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid
		JOIN pg_am AS am ON am.oid = c.relam WHERE i.indrelid = 'public.finding'::regclass AND am.amname = 'btree'" 2>&1 | grep -v '^$')
	check "amcheck: every btree index on kansa types agrees with the restored heap" "" "$out"
fi
plan() { q $db2 -c "SET enable_seqscan = off" -c "SET enable_bitmapscan = $2" -c "EXPLAIN (COSTS OFF) $1" | tr '\n' ' '; }
for col in control:fisc8:設1 verdict:implemented evidence:cert:JQA-IM1944 figure:'>=1/1d'; do
	c=${col%%:*}; v=${col#*:}
	p=$(plan "SELECT id FROM public.finding WHERE $c >= '$v' ORDER BY $c" off)
	check "btree index on $c used after restore" yes "$(echo "$p" | grep -Eq "Index .*finding_${c}_(idx|id_key)" && echo yes)"
	p=$(q $db2 -c "SET enable_seqscan = off" -c "SET enable_bitmapscan = off" -c "DROP INDEX public.finding_${c}_idx" \
		-c "EXPLAIN (COSTS OFF) SELECT id FROM public.finding WHERE $c = '$v'" -c "ROLLBACK" --single-transaction 2>&1 | tr '\n' ' ')
	check "hash index on $c used after restore" yes "$(echo "$p" | grep -q "Index Scan using finding_${c}_hash" && echo yes)"
done
n=$(q $db -c "SELECT count(*) FROM public.finding WHERE control = 'fisc8:設1' OR verdict = 'implemented'")
check "an index lookup finds the same rows as in the original ($n)" \
	"$n" "$(q $db2 -c "SET enable_seqscan = off" -c "SELECT count(*) FROM public.finding WHERE control = 'fisc8:設1' OR verdict = 'implemented'" | grep -v '^0$')"

# every view gives the same rows
views=$(q $db -c "SELECT string_agg(c.oid::regclass::text, ' ' ORDER BY c.relname) FROM pg_class AS c
	WHERE c.relnamespace = 'kansa'::regnamespace AND c.relkind = 'v'")
: > "$tmp/views.sql"
for v in $views; do
	echo "SELECT '$v', count(*), md5(string_agg(x::text, E'\\n' ORDER BY x::text)) FROM $v AS x;" >> "$tmp/views.sql"
done
q $db -F ' ' -f "$tmp/views.sql" > "$tmp/views.1"
q $db2 -F ' ' -f "$tmp/views.sql" > "$tmp/views.2"
check "every view ($(echo $views | wc -w)) gives the same rows" "" "$(diff "$tmp/views.1" "$tmp/views.2")"
check "the user framework's gaps are in the restored views" "acme_sec:A.2 unanswered" \
	"$(q $db2 -c "SELECT control || ' ' || gap_kind FROM kansa.gaps WHERE framework = 'acme_sec' AND control = 'acme_sec:A.2'")"

# the restored database goes on: identities continue, imports and reviews work
out=$(q $db2 -c "SELECT status FROM kansa.import_sheet('Example Bank', 'Example Cloud', 'Example SaaS', 'acme_sec',
	convert_to(E'項番,回答\nA.2,四半期ごとに見直しています。\n', 'UTF8'), 'acme2.csv')" \
	-c "SELECT (kansa.review(r.id, 'partial', 'after restore')).verdict FROM kansa.response AS r WHERE r.control::text = 'acme_sec:A.2'" \
	-c "INSERT INTO kansa.control (id, parent, title) VALUES ('acme_sec:B.2', 'acme_sec:B', 'Offsite copy')" \
	-c "SELECT section, position > 1000000 FROM kansa.control WHERE id = 'acme_sec:B.2'" \
	-c "INSERT INTO public.finding (control, verdict) VALUES ('acme_sec:B.2', 'planned') RETURNING id > (SELECT max(id) FROM public.finding WHERE control <> 'acme_sec:B.2')" 2>&1)
check "after restore: an import, a review, a new control and a new finding work" \
	"$(printf 'loaded\npartial\nB|t\nt')" "$out"
