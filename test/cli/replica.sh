#!/bin/bash
# Dashboards on a read replica (README, "Dashboards on a read replica"):
# a physical streaming standby of the test cluster, made with
# pg_basebackup -R over a replication connection to localhost and started
# with hot_standby_feedback on, beside the primary.  After an import, a
# review and another organisation's import on the primary have replayed on
# the standby, a login role that is a member of kansa_bi and of one
# organisation's tenant role reads every view kansa_bi may SELECT (taken
# from the catalog) on both, and must get the same rows; on the standby it
# must still see nothing of the other organisation, and nothing can be
# written there.  The standby is stopped and removed on exit.
# Runs as the cluster's owner or as root (then the standby runs as the
# primary's owner).  Prints "ok - ..." / "not ok - ..." lines for
# scripts/run-suite.
set -u
# New organisations, vendors and services are announced with a NOTICE; these
# checks read psql's and kansa-import's output, so notices stay out of it.
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
cd "$(dirname "$0")/../.."
bindir=$(pg_config --bindir)
K="${KANSA_IMPORT:-$bindir/kansa-import}"
db=kansa_replica
reader=kansa_replica_reader
pass="rep-$$-$RANDOM"
slot="kansa_replica_$$"
org_a='Example Bank'
org_b='Replica Other Org'
tmp=$(mktemp -d)
standby="$tmp/standby"
hba=""

q() { psql -X -At -q -v ON_ERROR_STOP=1 "$@"; }	# the superuser, on the primary
check() {	# check NAME EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then
		echo "ok - replica: $1"
	else
		echo "not ok - replica: $1 (expected \"$2\", got \"$3\")"
	fi
}

# The server refuses to run as root: under root the standby is made and run
# by the primary's owner.
run_owner() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
	owner=$(stat -c %U "$(q -d postgres -c 'SHOW data_directory')")
	chown "$owner" "$tmp"
	run_owner() { runuser -u "$owner" -- "$@"; }
fi

cleanup() {
	if [ -f "$standby/postmaster.pid" ]; then
		run_owner "$bindir/pg_ctl" -D "$standby" -m fast -w -t 60 stop > /dev/null 2>&1 ||
			run_owner "$bindir/pg_ctl" -D "$standby" -m immediate -w stop > /dev/null 2>&1
	fi
	# the walsender goes away after the standby; the slot is dropped when it has
	for _ in $(seq 100); do
		[ "$(q -d postgres -c "SELECT count(*) FROM pg_catalog.pg_replication_slots WHERE slot_name = '$slot' AND active" 2> /dev/null)" = 0 ] && break
		sleep 0.1
	done
	q -d postgres -c "SELECT pg_catalog.pg_drop_replication_slot(slot_name) FROM pg_catalog.pg_replication_slots WHERE slot_name = '$slot'" > /dev/null 2>&1
	if [ -n "$hba" ] && [ -f "$tmp/pg_hba.conf.orig" ]; then
		cat "$tmp/pg_hba.conf.orig" > "$hba"
		q -d postgres -c 'SELECT pg_catalog.pg_reload_conf()' > /dev/null 2>&1
	fi
	dropdb --if-exists $db > /dev/null 2>&1
	q -d postgres -c "DROP ROLE IF EXISTS $reader" -c 'DROP ROLE IF EXISTS replica_bank_a, replica_org_b' > /dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

# --- the primary: two organisations, a dashboard login of the first, the sample sheets
dropdb --if-exists $db > /dev/null 2>&1
createdb -E UTF8 -T template0 $db
q -d $db > "$tmp/setup.out" 2>&1 <<SQL
SET client_min_messages = warning;
CREATE EXTENSION kansa;
DROP ROLE IF EXISTS $reader;
DROP ROLE IF EXISTS replica_bank_a;
DROP ROLE IF EXISTS replica_org_b;
CREATE ROLE replica_bank_a NOLOGIN;
CREATE ROLE replica_org_b NOLOGIN;
INSERT INTO kansa.organization (name, tenant_role) VALUES ('$org_a', 'replica_bank_a'), ('$org_b', 'replica_org_b');
CREATE ROLE $reader LOGIN PASSWORD '$pass' IN ROLE kansa_bi, replica_bank_a;
SQL
check "the primary's database, organisations and dashboard login are set up" "0" "$?$(head -3 "$tmp/setup.out")"
"$K" -d $db --no-progress -q --manifest test/fixtures/sheets/manifest.tsv > "$tmp/import.out" 2>&1
check "the sample sheets load on the primary" "0" "$?$(head -3 "$tmp/import.out")"

# --- a replication connection to localhost; pg_hba.conf gets a line if it refuses one
repl="host=127.0.0.1 port=$PGPORT user=$PGUSER"
if ! psql -X -At "$repl dbname=replication replication=true" -c IDENTIFY_SYSTEM > "$tmp/repl.out" 2>&1; then
	hba=$(q -d postgres -c 'SHOW hba_file')
	cp "$hba" "$tmp/pg_hba.conf.orig" && echo "host replication all 127.0.0.1/32 scram-sha-256" >> "$hba" &&
		q -d postgres -c 'SELECT pg_catalog.pg_reload_conf()' > /dev/null
	psql -X -At "$repl dbname=replication replication=true" -c IDENTIFY_SYSTEM > "$tmp/repl.out" 2>&1
fi
check "the primary accepts a replication connection on localhost${hba:+ (a line added to pg_hba.conf for the test)} (wal_level $(q -d postgres -c 'SHOW wal_level'), max_wal_senders $(q -d postgres -c 'SHOW max_wal_senders'))" \
	"0" "$?$(grep -m1 -i 'error\|fatal' "$tmp/repl.out")"

# --- the standby: pg_basebackup -R with a slot, its own port and socket directory
run_owner "$bindir/pg_basebackup" -d "$repl" -D "$standby" -R -X stream -c fast -C -S "$slot" > "$tmp/basebackup.out" 2>&1
check "pg_basebackup -R -X stream -c fast -C -S takes a base backup and writes standby.signal" "0 yes" \
	"$? $([ -f "$standby/standby.signal" ] && grep -q primary_conninfo "$standby/postgresql.auto.conf" && echo yes)$(head -3 "$tmp/basebackup.out")"

sport=""
for p in $(seq $((PGPORT + 1)) $((PGPORT + 100))); do
	if ! (exec 3<> "/dev/tcp/127.0.0.1/$p") 2> /dev/null; then
		sport=$p
		break
	fi
done
# A Debian cluster keeps postgresql.conf and pg_hba.conf outside its data
# directory, so the base backup has neither: the standby gets the primary's
# authentication rules and the settings of its configuration file that are
# not about files, addresses or logging (time zone, locale, memory,
# max_connections ...), with its own port, address and socket directory.
q -d postgres -c "SELECT pg_catalog.pg_read_file(pg_catalog.current_setting('hba_file'))" > "$tmp/hba.new"
q -d postgres -c "SELECT pg_catalog.pg_read_file(pg_catalog.current_setting('ident_file'))" > "$tmp/ident.new"
q -d postgres -c "SELECT pg_catalog.format('%s = ''%s''', name, pg_catalog.replace(setting, '''', ''''''))
	FROM pg_catalog.pg_settings
	WHERE source = 'configuration file'
	  AND category NOT IN ('File Locations', 'Connections and Authentication / SSL',
		'Reporting and Logging / Where to Log', 'Reporting and Logging / Process Title')
	  AND name NOT IN ('port', 'listen_addresses', 'unix_socket_directories', 'unix_socket_group',
		'unix_socket_permissions')
	ORDER BY name" > "$tmp/conf.new"
cat >> "$tmp/conf.new" <<CONF
port = $sport
listen_addresses = '127.0.0.1'
unix_socket_directories = '$tmp'
hot_standby = on
hot_standby_feedback = on
CONF
run_owner cp "$tmp/conf.new" "$standby/postgresql.conf"
run_owner cp "$tmp/hba.new" "$standby/pg_hba.conf"
run_owner cp "$tmp/ident.new" "$standby/pg_ident.conf"
run_owner "$bindir/pg_ctl" -D "$standby" -l "$tmp/standby.log" -w -t 120 start > "$tmp/pg_ctl.out" 2>&1
rc=$?
[ $rc -eq 0 ] || rc="$rc $(cat "$tmp/pg_ctl.out" "$tmp/standby.log" 2> /dev/null | tail -n 5 | tr '\n' ' ')"
check "the standby starts on 127.0.0.1 port $sport" "0" "$rc"

sq() { q "host=127.0.0.1 port=$sport dbname=$db" "$@"; }	# the superuser, on the standby
as_reader() {	# as_reader PORT psql-args: the dashboard's login, over TCP
	PGPASSWORD="$pass" psql -X -At -q -v ON_ERROR_STOP=1 "host=127.0.0.1 port=$1 dbname=$db user=$reader" "${@:2}"
}
check "the standby is in recovery, with hot_standby_feedback on" "t|on" \
	"$(sq -c 'SELECT pg_catalog.pg_is_in_recovery()')|$(sq -c 'SHOW hot_standby_feedback')"

# --- on the primary, after the base backup: another sheet, its service's
# pattern, a review, the other organisation's sheet
"$K" -d $db --no-progress -q --org "$org_a" --vendor 'Example Cloud' --service 'Example SaaS' \
	--framework asp_saas test/fixtures/sheets/asp_saas_example.csv > "$tmp/import2.out" 2>&1
check "a sheet loads on the primary while the standby runs" "0" "$?$(head -3 "$tmp/import2.out")"
"$K" -d $db --no-progress -q --org "$org_b" --vendor 'Other Vendor' --service 'Other Service' \
	--framework iso27017 test/fixtures/sheets/iso27017_liveon.csv > "$tmp/import3.out" 2>&1
check "a sheet of a second organisation loads on the primary" "0" "$?$(head -3 "$tmp/import3.out")"
check "a pattern for the new service and a review, on the primary" "1|implemented" \
	"$(q -d $db -c "SELECT pattern FROM kansa.service_set('$org_a', 'Example Cloud', 'Example SaaS', pattern => 1)" 2>&1)|$(q -d $db -c "SELECT (kansa.review(r.id, 'implemented/provider', 'checked on site')).verdict
		FROM kansa.response AS r JOIN kansa.assessment AS a ON a.id = r.assessment_id
		WHERE a.framework = 'asp_saas' AND r.control::text = 'asp_saas:III.2.1.1'" 2>&1)"

# --- wait until the standby has replayed all of it (a bound, not a timing assertion)
lsn=$(q -d postgres -c 'SELECT pg_catalog.pg_current_wal_lsn()')
replayed=""
for _ in $(seq 1200); do
	replayed=$(sq -c "SELECT pg_catalog.pg_last_wal_replay_lsn() >= '$lsn'::pg_catalog.pg_lsn" 2> /dev/null)
	[ "$replayed" = t ] && break
	sleep 0.1
done
check "the standby replays the primary's WAL up to $lsn" "t" "$replayed"
check "the standby's WAL receiver streams from the primary's slot" "streaming $slot" \
	"$(sq -c 'SELECT status, slot_name FROM pg_catalog.pg_stat_wal_receiver' -F ' ')"

# --- every view kansa_bi may read: the same rows on both, as the dashboard's login
views=$(q -d $db -c "SELECT c.relname FROM pg_catalog.pg_class AS c
	WHERE c.relnamespace = 'kansa'::regnamespace AND c.relkind = 'v'
	  AND pg_catalog.has_table_privilege('kansa_bi', c.oid, 'SELECT') ORDER BY 1")
check "kansa_bi may read the main views (of $(echo $views | wc -w) views)" "assessment_summary gaps organization_summary section_coverage" \
	"$(printf '%s\n' $views | grep -xE 'assessment_summary|gaps|organization_summary|section_coverage' | tr '\n' ' ' | sed 's/ $//')"
read_view() {	# read_view PORT VIEW FILE: its row count, then its rows in order
	as_reader "$1" -c "SELECT pg_catalog.count(*) FROM kansa.$2" \
		-c "SELECT x::text FROM kansa.$2 AS x ORDER BY 1" > "$3" 2>&1
}
for v in $views; do
	read_view "$PGPORT" "$v" "$tmp/$v.primary"
	read_view "$sport" "$v" "$tmp/$v.standby"
	n=$(head -1 "$tmp/$v.primary")
	case $v in
		assessment_summary | gaps | organization_summary | section_coverage) nonempty='[1-9][0-9]*' ;;
		*) nonempty='[0-9]+' ;;
	esac
	if ! [[ $n =~ ^$nonempty$ ]]; then
		echo "not ok - replica: $v on the primary gives rows ($(head -c 200 "$tmp/$v.primary"))"
	elif cmp -s "$tmp/$v.primary" "$tmp/$v.standby"; then
		echo "ok - replica: $v same as primary ($n rows)"
	else
		echo "not ok - replica: $v same as primary ($n rows; the standby: $(head -1 "$tmp/$v.standby" | head -c 200) rows," \
			"$(diff "$tmp/$v.primary" "$tmp/$v.standby" | grep -c '^[<>]') lines differ)"
	fi
done

# --- row-level security on the standby
check "the replayed import and review are there for the dashboard on the standby" "1|1" \
	"$(as_reader "$sport" -c "SELECT pg_catalog.count(*) FROM kansa.assessment_summary WHERE framework = 'asp_saas'")|$(sq -c \
		"SELECT pg_catalog.count(*) FROM kansa.response_review AS rr JOIN kansa.response AS r ON r.id = rr.response_id
		WHERE r.control::text = 'asp_saas:III.2.1.1'")"
check "RLS holds on the standby: the second organisation's assessment is there (superuser), the dashboard sees only its own organisation" \
	"1|$org_a|0" \
	"$(sq -c "SELECT pg_catalog.count(*) FROM kansa.assessment_summary WHERE organization = '$org_b'")|$(as_reader "$sport" -c \
		"SELECT pg_catalog.string_agg(DISTINCT organization, ',') FROM kansa.assessment_summary")|$(as_reader "$sport" -c \
		"SELECT (SELECT pg_catalog.count(*) FROM kansa.gaps WHERE organization = '$org_b') + (SELECT pg_catalog.count(*) FROM kansa.section_coverage WHERE organization = '$org_b')")"

# --- nothing can be written on the standby
check "the standby refuses writes (25006): a table, an import" "25006|25006" \
	"$(sq -v VERBOSITY=sqlstate -c 'CREATE TABLE public.replica_write_test (i integer)' 2>&1 | sed 's/^ERROR: *//')|$(sq -v VERBOSITY=sqlstate -c \
		"SELECT * FROM kansa.import_sheet('$org_a', 'Example Cloud', 'Example SaaS', 'asp_saas',
		pg_catalog.convert_to(E'項番,回答\nIII.2.1.1,実施しています。\n', 'UTF8'), 'standby.csv')" 2>&1 | sed 's/^ERROR: *//')"
