#!/bin/bash
# A hostile tenant's locks (the rest of the hostile-tenant suite is
# test/pgtap/hostile_tenant.sql): while a session of org A holds every
# advisory lock it can compute, or keeps open a transaction that has
# written rows named like org B's vendor and service, org B's import still
# completes.  The lock that serialises imports is on a row only kansa's
# functions can lock, so a second import of the same organisation and
# service does wait; that is checked too (else the test could not fail).
# Then the residual channels are measured and printed.
# Prints "ok - ..." / "not ok - ..." lines; scripts/run-suite counts them.
set -u
# New organisations, vendors and services are announced with a NOTICE; these
# checks read psql's and kansa-import's output, so notices stay out of it.
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
cd "$(dirname "$0")/../.."
db=kansa_hostile_tenant
tmp=$(mktemp -d)
chmod 755 "$tmp"
pids=()
cleanup() {
	for p in "${pids[@]}"; do
		kill "$p" 2> /dev/null
	done
	wait 2> /dev/null
	rm -rf "$tmp"
	dropdb --if-exists --force $db > /dev/null 2>&1
	psql -X -q -d postgres -c 'DROP ROLE IF EXISTS hx_importer_a, hx_bi_a, hx_importer_b, hx_importer_b2, hx_org_a, hx_org_b' > /dev/null 2>&1
}
trap cleanup EXIT
dropdb --if-exists --force $db > /dev/null 2>&1
createdb -E UTF8 -T template0 $db
q() { PGOPTIONS='-c client_min_messages=warning' psql -X -At -q -d $db -c "$1" 2>&1; }
check() {	# check NAME EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then
		echo "ok - hostile tenant: $1"
	else
		echo "not ok - hostile tenant: $1 (expected \"$2\", got \"$3\")"
	fi
}
# wait until a session with this application_name is running its sleep
wait_for() {
	local i
	for i in $(seq 1 100); do
		[ "$(q "SELECT count(*) FROM pg_stat_activity WHERE application_name = '$1' AND query LIKE '%pg_sleep%' AND state = 'active'")" = "1" ] && return 0
		sleep 0.2
	done
	return 1
}

psql -X -q -d $db > /dev/null 2>&1 <<'SQL'
DROP ROLE IF EXISTS hx_importer_a, hx_bi_a, hx_importer_b, hx_importer_b2, hx_org_a, hx_org_b;
CREATE EXTENSION kansa;
CREATE ROLE hx_org_a NOLOGIN;
CREATE ROLE hx_org_b NOLOGIN;
CREATE ROLE hx_importer_a NOLOGIN IN ROLE kansa_importer, hx_org_a;
CREATE ROLE hx_bi_a NOLOGIN IN ROLE kansa_bi, hx_org_a;
CREATE ROLE hx_importer_b NOLOGIN IN ROLE kansa_importer, hx_org_b;
CREATE ROLE hx_importer_b2 NOLOGIN IN ROLE kansa_importer, hx_org_b;
INSERT INTO kansa.organization (name, tenant_role) VALUES ('Org A', 'hx_org_a'), ('Org B', 'hx_org_b');
SQL
sheet="convert_to(E'ID,回答\n設1,実施しています。\n設2,実施しています。\n', 'UTF8')"
import_b() {	# import_b ROLE FILE-NAME: org B's import of Shared V / Shared S, 15 s at most
	q "SET ROLE $1; SET statement_timeout = '15s'; SELECT status FROM kansa.import_sheet('Org B', 'Shared V', 'Shared S', 'fisc8', $sheet, '$2')" | tail -1
}

# 1. org A's BI login holds every advisory lock it could compute: the keys
# the old import took for each organisation, service and framework, and
# the first 500 of both key spaces besides (the lock table holds some
# thousands in all)
cat > "$tmp/locks.sql" <<SQL
SET application_name = 'hx_locks';
SET ROLE hx_bi_a;
SELECT count(pg_advisory_lock(hashtextextended(concat_ws(':', 'kansa.import_sheet', o, s, f), 0)))
  FROM generate_series(1, 4) AS o, generate_series(1, 20) AS s,
       unnest(ARRAY['fisc8', 'fisc10', 'iso27017', 'meti_cloud', 'asp_saas']) AS f;
SELECT count(pg_advisory_lock(k)) FROM generate_series(0, 500) AS k;
SELECT count(pg_advisory_lock(0, k)) FROM generate_series(0, 500) AS k;
SELECT count(pg_advisory_lock(hashtextextended('kansa.analyze_stale_tables', 0)));
SELECT pg_sleep(60);
SQL
psql -X -q -d $db -f "$tmp/locks.sql" > /dev/null 2>&1 &
pids+=($!)
if wait_for hx_locks; then
	check "org B's import completes while org A holds every advisory lock it can compute" "loaded" "$(import_b hx_importer_b b1.csv)"
else
	echo "not ok - hostile tenant: the lock-holding session did not start"
fi
q "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'hx_locks'" > /dev/null

# 2. org A's importer keeps open a transaction that imported rows named like
# org B's vendor and service (and would be first to create them, were they
# shared)
cat > "$tmp/open.sql" <<SQL
SET application_name = 'hx_open';
SET ROLE hx_importer_a;
BEGIN;
SELECT status FROM kansa.import_sheet('Org A', 'Shared V', 'Shared S 2', 'fisc8', $sheet, 'a.csv');
SELECT status FROM kansa.import_sheet('Org A', 'Shared V 3', 'Shared S 3', 'fisc8', $sheet, 'a.csv');
SELECT pg_sleep(8);
COMMIT;
SQL
psql -X -q -d $db -f "$tmp/open.sql" > /dev/null 2>&1 &
open_pid=$!
pids+=($open_pid)
if wait_for hx_open; then
	b2=$(q "SET ROLE hx_importer_b; SET statement_timeout = '15s'; SELECT status FROM kansa.import_sheet('Org B', 'Shared V', 'Shared S 2', 'fisc8', $sheet, 'b2.csv')" | tail -1)
	b3=$(q "SET ROLE hx_importer_b; SET statement_timeout = '15s'; SELECT status FROM kansa.import_sheet('Org B', 'Shared V 3', 'Shared S 3', 'fisc8', $sheet, 'b3.csv')" | tail -1)
	check "org B's imports complete while org A's uncommitted imports of the same names are open" "loaded loaded" "$b2 $b3"
else
	echo "not ok - hostile tenant: the open-transaction session did not start"
fi
wait $open_pid		# org A's transaction commits after B's imports are done

# 3. the import lock still serialises one organisation's imports of one
# service: a second importer of org B waits (lock_timeout) while the first
# is open, and the shared-looking names never made one row for two tenants
cat > "$tmp/b_open.sql" <<SQL
SET application_name = 'hx_b_open';
SET ROLE hx_importer_b;
BEGIN;
SELECT status FROM kansa.import_sheet('Org B', 'Shared V', 'Shared S', 'fisc8',
	convert_to(E'ID,回答\n設1,一部実施しています。\n', 'UTF8'), 'b4.csv');
SELECT pg_sleep(60);
COMMIT;
SQL
psql -X -q -d $db -f "$tmp/b_open.sql" > /dev/null 2>&1 &
pids+=($!)
if wait_for hx_b_open; then
	got=$(q "SET ROLE hx_importer_b2; SET lock_timeout = '1s'; SELECT status FROM kansa.import_sheet('Org B', 'Shared V', 'Shared S', 'fisc8', $sheet, 'b5.csv')" | grep -o 'canceling statement due to lock timeout' | head -1)
	check "a second import of the same organisation and service waits for the first" "canceling statement due to lock timeout" "$got"
else
	echo "not ok - hostile tenant: org B's open import did not start"
fi
q "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'hx_b_open'" > /dev/null
check "vendors and services of the same names are each organisation's own rows" "2 2" \
	"$(q "SELECT count(DISTINCT organization_id) FROM kansa.vendor WHERE name = 'Shared V'") $(q "SELECT count(DISTINCT organization_id) FROM kansa.service WHERE name = 'Shared S 2'")"

# 4. the writers do the same work for an organisation the caller may not
# see as for one that does not exist: with the statements' plans printed to
# the client (debug_print_plan, any user's setting), the two calls print
# alike (the bodies turn the printing off), and fail alike
plans() {	# plans ORG: the LOG lines and the error of org A's call naming ORG
	printf "SET ROLE hx_bi_a;\nRESET ROLE;\nSET ROLE hx_importer_a;\nSET client_min_messages = log;\nSET debug_print_plan = on;\nSELECT kansa.import_sheet('%s', 'v', 's', 'fisc8', '\\x41'::bytea, 'x.csv');\n" "$1" |
		psql -X -q -d $db 2>&1 | sed -e "s/$1/ORG/g" | grep -E '^(LOG|ERROR):' | sed -e 's/^LOG:  plan:.*/LOG:  plan/'
}
hit=$(plans 'Org B')
miss=$(plans 'Org Q')
check "org A's writer call prints the same plans, and fails alike, for org B's name and an unused one" \
	"$(echo "$miss" | md5sum)" "$(echo "$hit" | md5sum)"
check "the writers' own statements print no plan to the client" "0" "$(echo "$hit" | grep -c 'kansa\.organization')"

# 5. the residual channels, measured (README, Security model): what a
# tenant can still learn, printed for the record
res_reltuples=$(q "SET ROLE hx_bi_a; SELECT reltuples::bigint FROM pg_class WHERE oid = 'kansa.response'::regclass")
res_stat=$(q "SET ROLE hx_bi_a; SELECT coalesce(n_tup_ins, 0) FROM pg_stat_all_tables WHERE relid = 'kansa.response'::regclass")
res_seq=$(q "SET ROLE hx_bi_a; SELECT nextval('kansa.response_id_seq')" | grep -c 'permission denied')
res_ids=$(q "SET ROLE hx_importer_a; SELECT max(id) FROM kansa.response")
echo "# residual: pg_class.reltuples of kansa.response read by a BI role: $res_reltuples (every tenant's rows, as of the last ANALYZE)"
echo "# residual: pg_stat_all_tables.n_tup_ins of kansa.response: $res_stat (inserts by every tenant)"
echo "# residual: the largest response id org A sees: $res_ids (ids are drawn from one sequence for all tenants)"
check "a tenant role cannot draw from the identity sequences (nextval refused)" "1" "$res_seq"
