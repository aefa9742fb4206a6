#!/bin/bash
# ALTER EXTENSION kansa UPDATE from 0.1.0 (README, "Upgrading"): 0.1.0 is
# installed from its frozen install script (sql/kansa--0.1.0.sql) and used
# through its own functions: the bundled sample sheets imported for two
# organisations (each with a tenant role; the same vendors and services,
# which 0.1.0 shared), reviews, a service dependency, evidence validity,
# user rows in the catalogs (a framework with controls, a quantity, a
# reference item, reference values of the user's own and on a shipped item,
# a service type, a crosswalk link) and a user table with btree and hash
# indexes on the four kansa types.  Then the update, and:
#   * every row is still there: per table, the count and a checksum of the
#     columns 0.1.0 had (the shipped catalog rows and the split vendors and
#     services checked their own way, below);
#   * every btree index of kansa's tables and of the user table passes
#     amcheck (bt_index_check with heapallindexed), the hash indexes find
#     what a sequential scan finds;
#   * each view of 0.1.0 gives the same rows as before on the columns it
#     still has, and each organisation sees the same assessments with the
#     same vendor and service names;
#   * the new features work on the old data: the maintained summaries are
#     filled and agree with the from-scratch views, the next year's sheet
#     carries the analysts' reviews, the upgraded database takes imports;
#   * the shipped catalogs are those of a fresh install, and a schema dump
#     of the upgraded database (kansa's objects included) is that of a fresh
#     CREATE EXTENSION kansa, statement for statement in any order and with
#     the columns of a table in any order (ALTER TABLE ADD COLUMN puts new
#     ones last).
# Prints "ok - ..." / "not ok - ..." lines for scripts/run-suite.
set -u
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
cd "$(dirname "$0")/../.."
K="${KANSA_IMPORT:-$(pg_config --bindir)/kansa-import}"
db=kansa_upgrade
fresh=kansa_upgrade_fresh
role_a=kansa_upgrade_tenant_a
role_b=kansa_upgrade_tenant_b
from=0.1.0
to=$(sed -n "s/^default_version[[:space:]]*=[[:space:]]*'\([^']*\)'.*/\1/p" kansa.control)
tmp=$(mktemp -d)
cleanup() {
	rm -rf "$tmp"
	for d in $db $fresh ${db}_flat ${fresh}_flat; do
		dropdb --if-exists $d > /dev/null 2>&1
	done
	psql -X -q -d postgres -c "DROP ROLE IF EXISTS $role_a" -c "DROP ROLE IF EXISTS $role_b" > /dev/null 2>&1
}
trap cleanup EXIT
cleanup
tmp=$(mktemp -d)

q() { local d=$1; shift; PGOPTIONS="$PGOPTIONS -c search_path=public,kansa" psql -X -At -q -v ON_ERROR_STOP=1 -d "$d" "$@"; }
check() {	# check NAME EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then
		echo "ok - upgrade: $1"
	else
		echo "not ok - upgrade: $1 (expected \"$2\", got \"$(echo "$3" | head -c 2000)\")"
	fi
}

psql -X -q -d postgres -c "CREATE ROLE $role_a NOLOGIN" -c "CREATE ROLE $role_b NOLOGIN"
createdb -E UTF8 -T template0 $db
createdb -E UTF8 -T template0 $fresh
check "CREATE EXTENSION kansa VERSION '$from' (the frozen script, under this module)" "" \
	"$(q $db -c "CREATE EXTENSION kansa VERSION '$from'" 2>&1)"
check "$from is installed" "$from" "$(q $db -c "SELECT extversion FROM pg_extension WHERE extname = 'kansa'")"
q $fresh -c 'CREATE EXTENSION kansa'
q $db -c 'CREATE EXTENSION amcheck' > /dev/null 2>&1

sheets=test/fixtures/sheets
b64() { base64 -w0 "$sheets/$1"; }

# A database still at 0.1.0 under the new module (between the package's
# upgrade and ALTER EXTENSION kansa UPDATE) reads, but does not import:
# the module's reader needs kansa.lexicon, which 0.1.0 has not.  It says so.
out=$(q $db -v iso="$(b64 iso27017_liveon.csv)" 2>&1 <<'SQL'
\set VERBOSITY default
SELECT status FROM kansa.import_sheet('Example Bank', 'ジャパンメディアシステム株式会社', 'LiveOn', 'iso27017',
	decode(:'iso', 'base64'), 'iso27017_liveon.csv');
SQL
)
check "before the update, an import under the $to module stops and says to update" \
	'ERROR:  relation "kansa.lexicon" does not exist|HINT:  The extension'"'"'s objects in this database may be older than its module: run ALTER EXTENSION kansa UPDATE.' \
	"$(echo "$out" | grep -E '^(ERROR|HINT):' | tr '\n' '|' | sed 's/|$//')"

# 0.1.0 in use, through its own functions.  They run under this module,
# whose reader needs the word classes of kansa.lexicon: for the setup, and
# only for it, the test lends the 0.1.0 database a copy of the shipped
# lexicon (data/lexicon.tsv), outside the extension, and drops it before the
# update.  The rows are 0.1.0's: its tables, its import_sheet() and
# review(); the verdicts the reader gives are this module's.
q $db -c "CREATE TABLE kansa.lexicon (term text NOT NULL, class text NOT NULL)" \
	-c "\\copy kansa.lexicon FROM 'data/lexicon.tsv' WITH (FORMAT text, HEADER true)"
q $db -v fisc="$(b64 fisc8_liveon.xlsx)" -v iso="$(b64 iso27017_liveon.csv)" \
	-v meti="$(b64 meti_cloud_light2.xlsx)" -v asp="$(b64 asp_saas_example.csv)" \
	-v role_a=$role_a -v role_b=$role_b > "$tmp/setup.out" 2>&1 <<'SQL'
\o /dev/null
SELECT i.* FROM unnest(ARRAY['Example Bank', 'Example Insurance']) AS o,
	LATERAL kansa.import_sheet(o, 'ジャパンメディアシステム株式会社', 'LiveOn', 'fisc8',
							   decode(:'fisc', 'base64'), 'fisc8_liveon.xlsx') AS i;
SELECT i.* FROM unnest(ARRAY['Example Bank', 'Example Insurance']) AS o,
	LATERAL kansa.import_sheet(o, 'ジャパンメディアシステム株式会社', 'LiveOn', 'iso27017',
							   decode(:'iso', 'base64'), 'iso27017_liveon.csv') AS i;
SELECT * FROM kansa.import_sheet('Example Bank', '株式会社LIGHT2', 'ものづくりコネクテッドクラウドサービス', 'meti_cloud',
	decode(:'meti', 'base64'), 'meti_cloud_light2.xlsx', '{"received": "2024-04-01"}');
SELECT * FROM kansa.import_sheet('Example Insurance', 'Example Cloud', 'Example SaaS', 'asp_saas',
	decode(:'asp', 'base64'), 'asp_saas_example.csv');
UPDATE kansa.organization SET tenant_role = :'role_a' WHERE name = 'Example Bank';
UPDATE kansa.organization SET tenant_role = :'role_b' WHERE name = 'Example Insurance';
UPDATE kansa.service SET pattern_set = 1 WHERE name = 'Example SaaS';
-- a provider nobody assessed, and a dependency on it
INSERT INTO kansa.vendor (name) VALUES ('Example IaaS Provider');
INSERT INTO kansa.service (vendor_id, name) SELECT id, 'Example IaaS' FROM kansa.vendor WHERE name = 'Example IaaS Provider';
INSERT INTO kansa.service_dependency (service_id, provider_service_id, note)
SELECT s.id, p.id, 'runs on it' FROM kansa.service AS s, kansa.service AS p
 WHERE s.name = 'LiveOn' AND p.name = 'Example IaaS';
-- reviews: the first five iso27017 responses of each organisation, and one asp_saas
SELECT kansa.review(r.id, 'implemented/provider', 'checked on site, ' || o.name)
  FROM kansa.response AS r JOIN kansa.assessment AS a ON a.id = r.assessment_id
  JOIN kansa.organization AS o ON o.id = a.organization_id
 WHERE a.framework = 'iso27017'
   AND r.id IN (SELECT r2.id FROM kansa.response AS r2 WHERE r2.assessment_id = a.id ORDER BY r2.id LIMIT 5);
SELECT kansa.review(r.id, 'partial', 'only for production')
  FROM kansa.response AS r JOIN kansa.assessment AS a ON a.id = r.assessment_id
 WHERE a.framework = 'asp_saas' AND r.control = 'asp_saas:III.2.1.1';
INSERT INTO kansa.evidence_validity (organization_id, evidence, valid_until, note)
SELECT id, 'cert:JQA-IM9999', DATE '2020-03-31', 'expired' FROM kansa.organization;
-- a sheet's mark at odds with the text beside it (× beside a description
-- of the safeguard), as 0.1.0 stored it without comparing the two: one
-- response of each organisation
UPDATE kansa.response SET mark = '×'
 WHERE id IN (SELECT DISTINCT ON (r.organization_id) r.id FROM kansa.response AS r
			   WHERE status(r.classified) = 'implemented' AND r.mark IS NULL ORDER BY r.organization_id, r.id);
INSERT INTO kansa.evidence_validity (organization_id, evidence, valid_from, valid_until, note)
SELECT id, 'cert:JQA-IM1944', DATE '2024-01-01', DATE '2099-12-31', 'current' FROM kansa.organization
 WHERE name = 'Example Bank';

-- user rows in the catalogs
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
-- a user's own value on a shipped item, for a pattern it has none for
INSERT INTO kansa.reference_value (item, pattern, raw)
SELECT i.id, p, '1回/1日' FROM kansa.reference_item AS i, generate_series(1, 6) AS p
 WHERE i.builtin AND NOT EXISTS (SELECT FROM kansa.reference_value AS v WHERE v.item = i.id AND v.pattern = p)
 ORDER BY i.id, p LIMIT 1;
INSERT INTO kansa.service_type (name, pattern) VALUES ('ACME 部品発注ポータル', 2);
INSERT INTO kansa.control_link (from_control, to_control, relation, source, note) VALUES
	('acme_sec:B.1', 'asp_saas:III.2.3.1', 'related', 'ACME', 'both ask for backups'),
	('acme_sec:A.1', 'iso27017:5.1.1', 'equivalent', 'ACME', 'policy first');
SELECT * FROM kansa.import_sheet('Example Bank', 'Example Cloud', 'Example SaaS', 'acme_sec',
	convert_to(E'項番,回答\nA.1,管理者には多要素認証を必須としています。\nB.1,バックアップは毎日取得しています。\n', 'UTF8'),
	'acme.csv');

-- a user table with btree and hash indexes on the four kansa types
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
ANALYZE public.finding;
SQL
check "0.1.0 in use: imports for two organisations, reviews, evidence validity, user catalog rows, a user table" \
	"0" "$?$(grep -v '^$' "$tmp/setup.out" | head -3)"
q $db -c "DROP TABLE kansa.lexicon"
check "not vacuous: two organisations, assessments of both, reviews, user rows" "2|7|11|5|2" \
	"$(q $db -c "SELECT concat_ws('|', (SELECT count(*) FROM kansa.organization), (SELECT count(*) FROM kansa.assessment),
		(SELECT count(*) FROM kansa.response_review), (SELECT count(*) FROM kansa.control WHERE NOT builtin),
		(SELECT count(*) FROM kansa.control_link WHERE NOT builtin))")"
# 0.1.0's views run under this module (its gap functions are kept for them)
check "0.1.0's views run under the $to module before the update" "t" \
	"$(q $db -c "SELECT (SELECT count(*) FROM kansa.gaps) > 0 AND (SELECT count(*) FROM kansa.assessment_summary) = 7")"

# What is compared across the update.  Tables: the columns 0.1.0 had, all
# rows, but for the shipped catalog rows (replaced by the new ones, compared
# with a fresh install below), the crosswalk's relation (renamed and
# mapped, below) and the vendors and services (made per organisation:
# compared by name, below).
q $db > "$tmp/tables.sql" <<'SQL'
SET search_path = pg_catalog;
SELECT format('SELECT %L, count(*), md5(string_agg(x::text, E''\n'' ORDER BY x::text)) FROM (SELECT %s FROM %s%s) AS x;',
			  t.rel, string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum), t.rel,
			  CASE WHEN t.catalog THEN ' WHERE NOT builtin' ELSE '' END)
  FROM (SELECT c.oid, c.oid::regclass::text AS rel,
			   c.relname IN ('framework', 'control', 'quantity', 'reference_item', 'reference_value',
							 'service_type', 'control_link') AS catalog
		  FROM pg_class AS c
		 WHERE (c.relnamespace = 'kansa'::regnamespace AND c.relkind = 'r'
				AND c.relname NOT IN ('vendor', 'service', 'service_dependency'))
			OR c.oid = 'public.finding'::regclass) AS t
  JOIN pg_attribute AS a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
 WHERE NOT (t.rel IN ('kansa.assessment', 'kansa.import_batch') AND a.attname = 'service_id')
   AND NOT (t.rel = 'kansa.control_link' AND a.attname = 'relation')
 GROUP BY t.rel, t.catalog ORDER BY t.rel;
SQL
cat >> "$tmp/tables.sql" <<'SQL'
SELECT 'assessments by name', count(*), md5(string_agg(x::text, E'\n' ORDER BY x::text)) FROM (
	SELECT a.id, o.name AS organization, v.name AS vendor, s.name AS service, s.service_type, s.pattern_set, s.pattern
	  FROM kansa.assessment AS a JOIN kansa.organization AS o ON o.id = a.organization_id
	  JOIN kansa.service AS s ON s.id = a.service_id JOIN kansa.vendor AS v ON v.id = s.vendor_id) AS x;
SELECT 'batches by name', count(*), md5(string_agg(x::text, E'\n' ORDER BY x::text)) FROM (
	SELECT b.id, o.name AS organization, v.name AS vendor, s.name AS service
	  FROM kansa.import_batch AS b JOIN kansa.organization AS o ON o.id = b.organization_id
	  JOIN kansa.service AS s ON s.id = b.service_id JOIN kansa.vendor AS v ON v.id = s.vendor_id) AS x;
SELECT 'vendors by name', count(*), md5(string_agg(x::text, E'\n' ORDER BY x::text)) FROM (
	SELECT DISTINCT v.name FROM kansa.vendor AS v) AS x;
SELECT 'services by name', count(*), md5(string_agg(x::text, E'\n' ORDER BY x::text)) FROM (
	SELECT DISTINCT v.name AS vendor, s.name, s.service_type, s.confidentiality, s.availability, s.pattern_set, s.pattern
	  FROM kansa.service AS s JOIN kansa.vendor AS v ON v.id = s.vendor_id) AS x;
SELECT 'dependencies by name', count(*), md5(string_agg(x::text, E'\n' ORDER BY x::text)) FROM (
	SELECT DISTINCT s.name AS service, p.name AS provider, d.note
	  FROM kansa.service_dependency AS d JOIN kansa.service AS s ON s.id = d.service_id
	  JOIN kansa.service AS p ON p.id = d.provider_service_id) AS x;
SQL

# Views: those of 0.1.0, on the columns they keep now (taken from the
# fresh install), every row
q $fresh -F '|' -c "SELECT c.relname, a.attname FROM pg_class AS c JOIN pg_attribute AS a ON a.attrelid = c.oid AND a.attnum > 0
	WHERE c.relnamespace = 'kansa'::regnamespace AND c.relkind = 'v'" > "$tmp/fresh_view_cols"
q $db -F '|' -c "SELECT c.relname, a.attname, a.attnum FROM pg_class AS c JOIN pg_attribute AS a ON a.attrelid = c.oid AND a.attnum > 0
	WHERE c.relnamespace = 'kansa'::regnamespace AND c.relkind = 'v' ORDER BY 1, 3" |
	awk -F'|' 'NR == FNR { keep[$1 "|" $2] = 1; next } ($1 "|" $2) in keep { cols[$1] = cols[$1] (cols[$1] ? ", " : "") $2 }
		END { for (v in cols) printf "%s\tSELECT %c%s%c, md5(x::text), translate(left(x::text, 100), E%c\\n\\r\\t%c, %c   %c) FROM (SELECT %s FROM kansa.%s) AS x;\n", v, 39, v, 39, 39, 39, 39, 39, cols[v], v }' \
	"$tmp/fresh_view_cols" - | LC_ALL=C sort > "$tmp/views.list"
nviews=$(wc -l < "$tmp/views.list")
cut -f2 "$tmp/views.list" > "$tmp/views.sql"
views_rows() { q $db -F ' ' -f "$tmp/views.sql" | LC_ALL=C sort; }
views_rows > "$tmp/views.before"

q $db -F ' ' -f "$tmp/tables.sql" > "$tmp/tables.before"
q $db -c "SELECT c.oid::regclass FROM pg_class AS c WHERE c.relkind = 'i' AND c.relnamespace IN ('kansa'::regnamespace, 'public'::regnamespace) ORDER BY 1" > "$tmp/indexes.before"

# What stops the update, changing nothing: an object in the schema kansa
# that is not kansa's, a view of the user's over a view of kansa's
out=$(q $db -c "CREATE FUNCTION kansa.my_helper() RETURNS int LANGUAGE sql AS 'SELECT 1'" \
	-c 'ALTER EXTENSION kansa UPDATE' 2>&1 | grep '^ERROR')
check "an object of the user's in schema kansa stops the update" \
	'ERROR:  schema "kansa" holds function my_helper(), which is not part of the extension kansa|0.1.0' \
	"$out|$(q $db -c "SELECT extversion FROM pg_extension WHERE extname = 'kansa'")"
q $db -c "DROP FUNCTION kansa.my_helper()"
out=$(q $db -c "CREATE VIEW public.my_gaps AS SELECT * FROM kansa.gaps" -c 'ALTER EXTENSION kansa UPDATE' 2>&1 | grep '^ERROR')
check "a view of the user's over kansa's views stops the update, nothing changed" \
	"ERROR:  cannot drop desired object(s) because other objects depend on them|$from|$(cat "$tmp/tables.before" | md5sum)" \
	"$out|$(q $db -c "SELECT extversion FROM pg_extension WHERE extname = 'kansa'")|$(q $db -F ' ' -f "$tmp/tables.sql" | md5sum)"
q $db -c "DROP VIEW public.my_gaps"

# the update
out=$(q $db -c 'ALTER EXTENSION kansa UPDATE' 2>&1)
check "ALTER EXTENSION kansa UPDATE runs and says nothing" "" "$out"
check "$to is installed" "$to" "$(q $db -c "SELECT extversion FROM pg_extension WHERE extname = 'kansa'")"

q $db -F ' ' -f "$tmp/tables.sql" > "$tmp/tables.after" 2>&1
check "every table ($(grep -c '^kansa\.' "$tmp/tables.before") of kansa's, the user table) holds the same rows in the columns it had" \
	"" "$(diff "$tmp/tables.before" "$tmp/tables.after")"
check "not vacuous: responses, evidence, measures, reviews, rejects, user rows were compared" "0" \
	"$(grep -E '^(kansa\.(response|response_evidence|response_measure|response_review|evidence_validity|control|framework|reference_value|quantity|service_type)|public\.finding) ' "$tmp/tables.before" | awk '$2 == 0' | wc -l)"
check "vendors and services: each organisation has its own copy of those it used" "2|4|3|4|7|2" \
	"$(q $db -c "SELECT concat_ws('|', (SELECT count(*) FROM kansa.vendor WHERE name = 'ジャパンメディアシステム株式会社'),
		(SELECT count(*) FROM kansa.vendor WHERE organization_id = (SELECT id FROM kansa.organization WHERE name = 'Example Bank')),
		(SELECT count(*) FROM kansa.vendor WHERE organization_id = (SELECT id FROM kansa.organization WHERE name = 'Example Insurance')),
		(SELECT count(*) FROM kansa.service WHERE organization_id = (SELECT id FROM kansa.organization WHERE name = 'Example Bank')),
		(SELECT count(*) FROM kansa.service), (SELECT count(*) FROM kansa.service_dependency))")"
check "every assessment and batch points at its own organisation's service" "0" \
	"$(q $db -c "SELECT count(*) FROM kansa.assessment AS a JOIN kansa.service AS s ON s.id = a.service_id
		WHERE s.organization_id <> a.organization_id")"
check "user crosswalk links kept, relations in the OSCAL vocabulary" \
	"acme_sec:A.1 iso27017:5.1.1 equivalent-to policy first|acme_sec:B.1 asp_saas:III.2.3.1 intersects-with both ask for backups" \
	"$(q $db -c "SELECT string_agg(concat_ws(' ', from_control, to_control, relationship, note), '|' ORDER BY from_control)
		FROM kansa.control_link WHERE NOT builtin")"
n=$(q $db -c "SELECT count(*) FROM kansa.response WHERE conflict")
check "response.conflict backfilled from what 0.1.0 stored (mark and reading: $n responses), and counted per batch" "2|true|true" \
	"$n|$(q $db -c "SELECT (SELECT count(*) FILTER (WHERE conflict) = count(*) FILTER (WHERE mark IS NOT NULL AND classified IS NOT NULL
								AND kansa.mark_conflict(mark, classified)) FROM kansa.response)
		|| '|' || (SELECT bool_and(b.conflicts = (SELECT count(*) FROM kansa.response AS r WHERE r.assessment_id = b.assessment_id AND r.conflict))
			   FROM kansa.import_batch AS b WHERE b.assessment_id IS NOT NULL)")"
check "tenant roles kept" "Example Bank $role_a|Example Insurance $role_b" \
	"$(q $db -c "SELECT string_agg(name || ' ' || tenant_role, '|' ORDER BY name) FROM kansa.organization")"

# the shipped catalogs are a fresh install's
shipped="SELECT string_agg(t || ' ' || n || ' ' || h, '|' ORDER BY t) FROM (
	SELECT 'framework' AS t, count(*) AS n, md5(string_agg(to_jsonb(x)::text, ',' ORDER BY to_jsonb(x)::text)) AS h FROM kansa.framework AS x WHERE builtin
	UNION ALL SELECT 'control', count(*), md5(string_agg(to_jsonb(x)::text, ',' ORDER BY to_jsonb(x)::text)) FROM kansa.control AS x WHERE builtin
	UNION ALL SELECT 'quantity', count(*), md5(string_agg(to_jsonb(x)::text, ',' ORDER BY to_jsonb(x)::text)) FROM kansa.quantity AS x WHERE builtin
	UNION ALL SELECT 'reference_item', count(*), md5(string_agg(to_jsonb(x)::text, ',' ORDER BY to_jsonb(x)::text)) FROM kansa.reference_item AS x WHERE builtin
	UNION ALL SELECT 'reference_value', count(*), md5(string_agg(to_jsonb(x)::text, ',' ORDER BY to_jsonb(x)::text)) FROM kansa.reference_value AS x WHERE builtin
	UNION ALL SELECT 'service_type', count(*), md5(string_agg(to_jsonb(x)::text, ',' ORDER BY to_jsonb(x)::text)) FROM kansa.service_type AS x WHERE builtin
	UNION ALL SELECT 'control_link', count(*), md5(string_agg(to_jsonb(x)::text, ',' ORDER BY to_jsonb(x)::text)) FROM kansa.control_link AS x WHERE builtin
	UNION ALL SELECT 'lexicon', count(*), md5(string_agg(to_jsonb(x)::text, ',' ORDER BY to_jsonb(x)::text)) FROM kansa.lexicon AS x WHERE builtin) AS s"
check "the shipped catalog rows are those of a fresh install of $to" "$(q $fresh -c "$shipped")" "$(q $db -c "$shipped")"
# the tables pg_dump dumps with the extension (pg_extension_config_dump),
# and with which rows: a fresh install's (the schema dump below leaves the
# extension's own row out, so it is compared here)
dumped="SELECT string_agg(c.relnamespace::regnamespace || '.' || c.relname || ' ' || COALESCE(e.cond, ''), ', ' ORDER BY c.relname)
	FROM pg_extension AS x, unnest(x.extconfig, x.extcondition) AS e (rel, cond)
	JOIN pg_class AS c ON c.oid = e.rel WHERE x.extname = 'kansa'"
check "the tables and rows pg_dump keeps are a fresh install's (pg_extension_config_dump)" "$(q $fresh -c "$dumped")" "$(q $db -c "$dumped")"
check "not vacuous: user-editable tables are registered" "t" "$(q $fresh -c "SELECT cardinality(extconfig) > 5 FROM pg_extension WHERE extname = 'kansa'")"

# indexes
check "the same indexes as before (but three that $to no longer has), and more" "" \
	"$(q $db -c "SELECT c.oid::regclass FROM pg_class AS c WHERE c.relkind = 'i' AND c.relnamespace IN ('kansa'::regnamespace, 'public'::regnamespace) ORDER BY 1" |
		LC_ALL=C sort | LC_ALL=C comm -23 <(LC_ALL=C sort "$tmp/indexes.before") - | grep -Ev '^(kansa\.)?(evidence_validity_evidence_idx|response_measure_quantity_idx|service_vendor_id_name_key)$')"
check "every index is valid" "0" "$(q $db -c "SELECT count(*) FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid
	WHERE c.relnamespace IN ('kansa'::regnamespace, 'public'::regnamespace) AND NOT (i.indisvalid AND i.indisready)")"
if q $db -c "SELECT 1 FROM pg_extension WHERE extname = 'amcheck'" | grep -q .; then
	n=$(q $db -c "SELECT count(*) FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid JOIN pg_am AS am ON am.oid = c.relam
		WHERE c.relnamespace IN ('kansa'::regnamespace, 'public'::regnamespace) AND am.amname = 'btree'")
	out=$(q $db -c "SELECT bt_index_check(c.oid, true) FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid
		JOIN pg_am AS am ON am.oid = c.relam WHERE c.relnamespace IN ('kansa'::regnamespace, 'public'::regnamespace) AND am.amname = 'btree'" 2>&1 | grep -v '^$')
	check "amcheck: every btree index ($n) of kansa's tables and the user table agrees with its heap" "" "$out"
else
	echo "not ok - upgrade: amcheck is not available (postgresql-contrib)"
fi
# each distinct value looked up through the hash index alone (the btree
# index dropped in a transaction rolled back)
for c in control verdict evidence figure; do
	p=$(q $db 2>&1 <<SQL | tr '\n' ' '
BEGIN;
SET LOCAL enable_seqscan = off;
SET LOCAL enable_bitmapscan = off;
DROP INDEX public.finding_${c}_idx;
EXPLAIN (COSTS OFF) SELECT (SELECT count(*) FROM public.finding AS f WHERE f.$c = d.$c)
	FROM (SELECT DISTINCT $c FROM public.finding) AS d;
SELECT sum((SELECT count(*) FROM public.finding AS f WHERE f.$c = d.$c))
  FROM (SELECT DISTINCT $c FROM public.finding) AS d;
ROLLBACK;
SQL
)
	s=$(q $db -c "SELECT count(*) FROM public.finding WHERE $c IS NOT NULL")
	check "the hash index on $c finds every row ($s)" "yes $s" \
		"$(echo "$p" | grep -q "Index Scan using finding_${c}_hash" && echo yes) $(echo "$p" | awk '{print $NF}')"
done

# views
views_rows > "$tmp/views.after" 2>&1
# control_section lists the catalogs' controls: kansa ships more now (its rows
# of 0.1.0 are all there); every other view of 0.1.0 shows the same rows
check "each view of $from ($nviews) still gives every row it gave, on the columns it keeps" "" \
	"$(LC_ALL=C comm -23 "$tmp/views.before" "$tmp/views.after" | head -5)"
check "and no more, but for control_section (the controls of the new catalogs)" "" \
	"$(LC_ALL=C comm -13 "$tmp/views.before" "$tmp/views.after" | grep -v '^control_section ' | head -5)"
check "not vacuous: every view of $from had rows" "$(cut -f1 "$tmp/views.list" | tr '\n' ' ')" \
	"$(cut -d' ' -f1 "$tmp/views.before" | uniq | tr '\n' ' ')"

# the new features on the old data
check "the maintained summaries are filled: one row per current assessment, as recomputed" "7|7|t|t|t" \
	"$(q $db -c "SELECT concat_ws('|', (SELECT count(*) FROM kansa.assessment_summary), (SELECT count(*) FROM kansa.assessment WHERE superseded_by IS NULL),
		(SELECT count(*) = 0 FROM ((SELECT * FROM kansa.assessment_summary EXCEPT SELECT * FROM kansa.assessment_summary_recomputed)
			UNION ALL (SELECT * FROM kansa.assessment_summary_recomputed EXCEPT SELECT * FROM kansa.assessment_summary)) AS d),
		(SELECT count(*) = 0 FROM ((SELECT * FROM kansa.section_coverage EXCEPT SELECT * FROM kansa.section_coverage_recomputed)
			UNION ALL (SELECT * FROM kansa.section_coverage_recomputed EXCEPT SELECT * FROM kansa.section_coverage)) AS d),
		(SELECT count(DISTINCT organization) = 2 FROM kansa.organization_summary))")"
check "the maintained gaps are the recomputed ones" "t" \
	"$(q $db -c "SELECT count(*) = 0 FROM ((SELECT * FROM kansa.response_gap EXCEPT SELECT * FROM kansa.response_gap_recomputed)
		UNION ALL (SELECT * FROM kansa.response_gap_recomputed EXCEPT SELECT * FROM kansa.response_gap)) AS d")"
# next year's sheet: the reviews of 0.1.0 carry to the answers that did not change
out=$(q $db -v iso="$(b64 iso27017_liveon_2026.csv)" 2>&1 <<'SQL'
\o /dev/null
SELECT * FROM kansa.import_sheet('Example Bank', 'ジャパンメディアシステム株式会社', 'LiveOn', 'iso27017',
	decode(:'iso', 'base64'), 'iso27017_liveon_2026.csv');
SQL
)
check "next year's sheet imports into the upgraded database" "" "$out"
check "0.1.0's reviews carry to the new sheet's unchanged answers, with their verdicts" "true|0" \
	"$(q $db -c "SELECT (SELECT count(*) > 0 FROM kansa.response WHERE verdict_source = 'carried') || '|' ||
		(SELECT count(*) FROM kansa.response AS n JOIN kansa.response_review AS rr ON rr.response_id = n.id AND rr.carried_from IS NOT NULL
		   JOIN kansa.response_review AS o ON o.id = rr.carried_from
		  WHERE n.verdict_source <> 'carried' OR n.verdict::text <> o.new_verdict::text)")"
check "change_summary counts the carried reviews" "t" \
	"$(q $db -c "SELECT c.reviews_carried > 0 FROM kansa.assessment AS a, kansa.change_summary(a.id) AS c
		WHERE a.file_name = 'iso27017_liveon_2026.csv'")"
# findings on an assessment imported by 0.1.0 (the lowest current id with
# a gap of medium severity or more), counted by assessment_summary
old_a=$(q $db -c "SELECT min(g.assessment_id) FROM kansa.gaps AS g WHERE g.severity IN ('high', 'medium')")
check "findings are raised on an assessment 0.1.0 imported, and assessment_summary counts them" "t|true|true" \
	"$(q $db -c "SELECT count(*) > 0 FROM kansa.raise_findings($old_a)")|$(q $db -c "SELECT
		(SELECT count(*) > 0 FROM kansa.finding WHERE assessment_id = $old_a) || '|' ||
		(SELECT s.findings_open = (SELECT count(*) FROM kansa.finding WHERE assessment_id = $old_a AND state = 'open')
		   FROM kansa.assessment_summary AS s WHERE s.assessment_id = $old_a)")"
check "not vacuous: that assessment was imported before the update" "t" \
	"$(q $db -c "SELECT $old_a < (SELECT min(id) FROM kansa.assessment WHERE file_name = 'iso27017_liveon_2026.csv')")"
"$K" -d $db --no-progress --org='Example Insurance' --vendor=株式会社LIGHT2 \
	--service='ものづくりコネクテッドクラウドサービス' --framework=meti_cloud "$sheets/meti_cloud_light2.xlsx" > "$tmp/k.out" 2>&1
check "kansa-import loads a sheet into the upgraded database" "0" "$?$(grep -i error "$tmp/k.out" | head -2)"

# the schema: a fresh install's.  pg_dump leaves out an extension's members,
# so each database is copied and, in the copy, kansa's objects are made
# ordinary objects (its pg_depend, pg_init_privs and pg_extension rows
# deleted) and dumped.
flat() {
	createdb -T "$1" "$1_flat" &&
	q "$1_flat" -c "DELETE FROM pg_depend WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
						AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'kansa')" \
		-c "DELETE FROM pg_init_privs AS p WHERE p.privtype = 'e'" \
		-c "DELETE FROM pg_extension WHERE extname = 'kansa'" \
		-c "DROP TABLE IF EXISTS public.finding" -c "DROP EXTENSION IF EXISTS amcheck" &&
	pg_dump --schema-only -d "$1_flat" | perl -0777 -ne '
		for my $s (split /^--\n(?=-- (?:Name|Data for Name): )/m) {
			$s =~ s/^(?:SET |SELECT pg_catalog\.set_config|\\(?:un)?restrict )[^\n]*\n//mg;
			$s =~ s/^--\n//mg; $s =~ s/^\n+//mg; $s =~ s/\s+\z//;
			next unless $s =~ /^-- (?:Name|Data for Name): /;
			# a table: its lines (columns, then its ALTER ... SET STATISTICS) in any order
			if ($s =~ /^-- Name: \S+; Type: TABLE;/) {
				my ($h, @l) = split /\n/, $s;
				$s = join("\n", $h, sort map { s/,$//r } @l);
			}
			$s =~ s/\\/\\\\/g; $s =~ s/\n/\\n/g; print "$s\n";
		}' | LC_ALL=C sort
	dropdb "$1_flat"
}
flat $db > "$tmp/schema.upgraded"
flat $fresh > "$tmp/schema.fresh"
check "not vacuous: the schema dumps hold kansa's tables, views, functions, policies and grants" "yes" \
	"$(for k in TABLE VIEW FUNCTION POLICY ACL TRIGGER; do grep -aq "; Type: $k;" "$tmp/schema.fresh" || echo "no $k"; done | head -1)$([ "$(wc -l < "$tmp/schema.fresh")" -gt 1000 ] && echo yes)"
d=$(diff "$tmp/schema.upgraded" "$tmp/schema.fresh" | grep -a '^[<>]' | cut -c1-300)
check "the upgraded schema is a fresh install's ($(wc -l < "$tmp/schema.fresh") objects)" "" "$d"
