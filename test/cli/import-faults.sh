#!/bin/bash
# Imports lose nothing (the hostile-input test plan (README, Security model)): strict and quarantine
# accounting on a 10,000-row sheet with one bad row, a backend terminated in
# the middle of an import (through psql and through kansa-import), the same
# file twice (one after the other and at the same time), four imports in
# parallel with readers.
#
# To be sure an import is mid-way when it is terminated, or that imports
# truly overlap, a test trigger on kansa.response stops an import before it
# stores the response of sheet row 5002 (control C-5001): it records how many responses the
# import has stored so far in a sequence (which no rollback undoes), then
# waits for an advisory lock that a "gate" session holds until the test
# lets go.  The test polls pg_stat_activity until the import waits there.
# Prints "ok - ..." / "not ok - ..." lines; scripts/run-suite counts them.
set -u
# New organisations, vendors and services are announced with a NOTICE; these
# checks read psql's and kansa-import's output, so notices stay out of it.
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
cd "$(dirname "$0")/../.."
K="${KANSA_IMPORT:-$(pg_config --bindir)/kansa-import}"
db=kansa_import_faults
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
}
trap cleanup EXIT
dropdb --if-exists --force $db > /dev/null 2>&1
createdb -E UTF8 -T template0 $db
q() { PGOPTIONS='-c client_min_messages=warning' psql -X -At -d $db -c "$1" 2>&1; }
check() {	# check NAME EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then
		echo "ok - import faults: $1"
	else
		echo "not ok - import faults: $1 (expected \"$2\", got \"$3\")"
	fi
}

psql -X -q -d $db <<'SQL'
CREATE EXTENSION kansa;
INSERT INTO kansa.framework (code, title) VALUES ('fault', 'Fault test, 10,000 controls');
INSERT INTO kansa.control (id, kind, title)
	SELECT kansa.control_id('fault', 'C-' || n), 'control', 'Control ' || n FROM generate_series(1, 10000) n;
-- the gate: see the head of this file
CREATE SEQUENCE fault_progress;
CREATE FUNCTION fault_gate() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
	SET search_path = public, pg_catalog AS $$
BEGIN
	PERFORM setval('fault_progress', (SELECT count(*) FROM kansa.response AS r
									  WHERE r.assessment_id = NEW.assessment_id));
	PERFORM pg_advisory_xact_lock_shared(4242);
	RETURN NEW;
END $$;
SQL

perl -Itest/cli/lib - "$tmp" <<'PERL'
use strict;
use warnings;
use TestZip;
my $dir = shift;
my @answers = ('Implemented: data is encrypted at rest (AES-256) and keys are rotated yearly.',
	'Partly implemented; the remaining sites are planned for next year.',
	'Not applicable: no such systems are operated.',
	'Implemented and audited (ISO/IEC 27001 certificate JQA-IM1944).');
# rows: [id, answer]; $bad replaces the id of C-5001 (sheet row 5002)
sub rows {
	my ($tag, $bad) = @_;
	my @r = (['ID', 'Answer']);
	for my $n (1 .. 10000) {
		push @r, [$n == 5001 && defined $bad ? $bad : "C-$n", "$answers[$n % 4] ($tag)"];
	}
	return \@r;
}
sub csv {
	my ($file, $rows) = @_;
	open my $f, '>:utf8', "$dir/$file" or die;
	print $f join(',', map { my $v = $_; $v =~ /[,"]/ ? do { $v =~ s/"/""/g; qq{"$v"} } : $v } @$_), "\n" for @$rows;
	close $f;
}
csv('bad.csv', rows('bad', 'C-99999'));
workbook("$dir/bad.xlsx", sheet_xml(rows('bad', 'C-99999')));
csv('good.csv', rows('good'));
csv('kill.csv', rows('kill'));
csv('kill2.csv', rows('kill2'));
csv('after.csv', rows('after'));
csv('same.csv', rows('same'));
csv("par$_.csv", rows("parallel $_")) for 1 .. 4;
PERL

# 1. strict: one bad row of 10,000 fails the file, naming file, sheet, row, cell
for f in bad.csv bad.xlsx; do
	sheet=csv
	[ "$f" = bad.xlsx ] && sheet=S
	out=$(psql -X -At -d $db -v VERBOSITY=verbose -c "SELECT status FROM kansa.import_sheet('Org', 'Vendor', 'Strict', 'fault', pg_read_binary_file('$tmp/$f'), '$f')" 2>&1)
	check "strict, $f: ERROR 23503 naming file, sheet, row and cell" \
		"ERROR:  23503: $f: sheet \"$sheet\", row 5002, cell A5002: unknown control \"C-99999\" for framework fault" \
		"$(echo "$out" | head -1)"
	check "strict, $f: the detail counts the rejected rows" \
		"DETAIL:  1 rows of the file are rejected; nothing was loaded." "$(echo "$out" | grep '^DETAIL')"
	check "strict, $f: 0 rows loaded (no service, batch, assessment, response, reject)" "0 0 0 0 0" \
		"$(q "SELECT (SELECT count(*) FROM kansa.service WHERE name = 'Strict') || ' ' ||
			(SELECT count(*) FROM kansa.import_batch) || ' ' || (SELECT count(*) FROM kansa.assessment) || ' ' ||
			(SELECT count(*) FROM kansa.response) || ' ' || (SELECT count(*) FROM kansa.import_reject)")"
done

# 2. quarantine: 9,999 loaded, 1 reject with everything about it
for f in bad.csv bad.xlsx; do
	sheet=csv
	[ "$f" = bad.xlsx ] && sheet=S
	svc="Quarantine $f"
	out=$(q "SELECT status, rows_read, responses, rejected, skipped, unknown_controls
			   FROM kansa.import_sheet('Org', 'Vendor', '$svc', 'fault', pg_read_binary_file('$tmp/$f'), '$f', '{\"mode\": \"quarantine\"}')")
	check "quarantine, $f: status, rows read, responses, rejected, skipped, unknown" \
		"loaded_with_rejects|10001|9999|1|1|1" "$out"
	check "quarantine, $f: the reject row: file, sheet, row, column, cell, raw value, reason, SQLSTATE, message" \
		"$f|$sheet|5002|1|A5002|C-99999|unknown control|23503|unknown control \"C-99999\" for framework fault" \
		"$(q "SELECT b.file_name, j.sheet, j.row_number, j.column_number, j.cell, j.raw_value, j.reason, j.sqlstate, j.message
				FROM kansa.import_reject j JOIN kansa.import_batch b ON b.id = j.batch_id
				JOIN kansa.service s ON s.id = b.service_id WHERE s.name = '$svc'")"
	check "quarantine, $f: stored responses = 9,999, every control but C-5001, one per sheet row" "9999|9999|t|0" \
		"$(q "SELECT count(*), count(DISTINCT r.row_number),
					 bool_and(r.row_number = substr(kansa.local_id(r.control), 3)::int + 1),
					 (SELECT count(*) FROM generate_series(1, 10000) n WHERE n <> 5001 AND NOT EXISTS
						(SELECT FROM kansa.response r2 WHERE r2.assessment_id = b.assessment_id
						   AND r2.control::text = 'fault:C-' || n))
				FROM kansa.response r JOIN kansa.import_batch b ON b.assessment_id = r.assessment_id
				JOIN kansa.service s ON s.id = b.service_id WHERE s.name = '$svc' GROUP BY b.assessment_id")"
	check "quarantine, $f: loaded + rejected = data rows read, loaded + rejected + skipped = rows_read" "10000|t" \
		"$(q "SELECT b.responses + b.rejected, b.responses + b.rejected + b.skipped = b.rows_read
				FROM kansa.import_batch b JOIN kansa.service s ON s.id = b.service_id WHERE s.name = '$svc'")"
done

# 3. the same file twice: the second time is the first batch, already loaded
first=$(q "SELECT batch_id || ' ' || status FROM kansa.import_sheet('Org', 'Vendor', 'Twice', 'fault', pg_read_binary_file('$tmp/good.csv'), 'good.csv')")
second=$(q "SELECT batch_id || ' ' || status || ' ' || responses FROM kansa.import_sheet('Org', 'Vendor', 'Twice', 'fault', pg_read_binary_file('$tmp/good.csv'), 'good.csv')")
check "the same file twice: the second import returns the first batch, already loaded" \
	"${first% *} already_loaded 10000" "$second"
out=$("$K" -d $db --no-progress --org Org --vendor Vendor --service Twice --framework fault "$tmp/good.csv" 2>&1)
check "the same file a third time through kansa-import: already_loaded, exit 0" "0 already_loaded" "$? $(echo "$out" | awk 'NR == 1 { print $1 }')"
check "the same file three times: one batch, one assessment, 10,000 responses" "1 1 10000" \
	"$(q "SELECT count(DISTINCT b.id) || ' ' || count(DISTINCT a.id) || ' ' || count(r.id)
			FROM kansa.service s JOIN kansa.import_batch b ON b.service_id = s.id
			JOIN kansa.assessment a ON a.batch_id = b.id JOIN kansa.response r ON r.assessment_id = a.id
		   WHERE s.name = 'Twice'")"

# the gate: gate_close holds advisory lock 4242 in a session of its own
# (application_name fault_gate); gate_open ends that session
gate_close() {
	psql -X -q -d $db -c "SET application_name = 'fault_gate'" -c "SELECT pg_advisory_lock(4242)" \
		-c "SELECT pg_sleep(600)" > /dev/null 2>&1 &
	pids+=($!)
	wait_for "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
			   WHERE a.application_name = 'fault_gate' AND l.locktype = 'advisory' AND l.granted" 1
}
gate_open() {
	q "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'fault_gate'" > /dev/null
}
# wait_for SQL VALUE: poll (up to 120 s) until SQL returns VALUE
wait_for() {
	local i
	for i in $(seq 1200); do
		[ "$(q "$1")" = "$2" ] && return 0
		sleep 0.1
	done
	return 1
}
waiting_at_gate="SELECT count(*) FROM pg_stat_activity WHERE datname = '$db' AND application_name LIKE 'fault_import%'
				  AND wait_event_type = 'Lock' AND wait_event = 'advisory'"
q "CREATE TRIGGER fault_gate BEFORE INSERT ON kansa.response FOR EACH ROW WHEN (NEW.row_number = 5002)
	EXECUTE FUNCTION fault_gate()" > /dev/null
q "INSERT INTO kansa.organization (name) VALUES ('Org') ON CONFLICT DO NOTHING" > /dev/null

# 4. pg_terminate_backend in the middle of an import: nothing of it remains
gate_close
PGAPPNAME=fault_import psql -X -At -d $db -c "SELECT status FROM kansa.import_sheet('Org', 'Vendor', 'Killed', 'fault', pg_read_binary_file('$tmp/kill.csv'), 'kill.csv')" > "$tmp/kill.out" 2>&1 &
importer=$!
pids+=($importer)
if wait_for "$waiting_at_gate" 1; then
	stored=$(q "SELECT last_value FROM fault_progress")
	killed=$(q "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'fault_import'")
	wait $importer
	rc=$?
	gate_open
	check "terminated mid-import (after $stored of its responses were stored): the client lost its connection" \
		"t 2 1" "$killed $rc $(grep -c 'terminating connection due to administrator command' "$tmp/kill.out")"
	check "terminated mid-import: 0 partial rows (no service, batch, assessment, response)" "0 0 0 0" \
		"$(q "SELECT (SELECT count(*) FROM kansa.service WHERE name = 'Killed') || ' ' ||
			(SELECT count(*) FROM kansa.import_batch WHERE file_name = 'kill.csv') || ' ' ||
			(SELECT count(*) FROM kansa.assessment WHERE file_name = 'kill.csv') || ' ' ||
			(SELECT count(*) FROM kansa.response r JOIN kansa.assessment a ON a.id = r.assessment_id
			  WHERE a.file_name = 'kill.csv')")"
	check "the stopped import had stored responses when terminated" t "$([ "${stored:-0}" -gt 1000 ] && echo t || echo "$stored")"
	check "terminated mid-import: the same file imports afterwards, in full" "loaded 10000" \
		"$(q "SELECT status || ' ' || responses FROM kansa.import_sheet('Org', 'Vendor', 'Killed', 'fault', pg_read_binary_file('$tmp/kill.csv'), 'kill.csv')")"
else
	gate_open
	echo "not ok - import faults: terminate mid-import: the import never reached the gate ($(cat "$tmp/kill.out"))"
fi

# the same through kansa-import with two files: it reconnects and loads the second
q "SELECT setval('fault_progress', 1, false)" > /dev/null
gate_close
PGAPPNAME=fault_import "$K" -d $db --no-progress --org Org --vendor Vendor --service KilledCli --framework fault \
	"$tmp/kill2.csv" "$tmp/after.csv" > "$tmp/kill2.out" 2>&1 &
importer=$!
pids+=($importer)
if wait_for "$waiting_at_gate" 1; then
	stored=$(q "SELECT last_value FROM fault_progress")
	q "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'fault_import'" > /dev/null
	# the second file stops at the gate too: let it through
	gate_open
	wait $importer
	rc=$?
	check "kansa-import terminated mid-file (after $stored responses): exit 1, error for that file, the next one loaded" \
		"1 error loaded" "$rc $(awk '/^(error|loaded|already_loaded) / { printf "%s ", $1 }' "$tmp/kill2.out" | sed 's/ $//')"
	check "kansa-import terminated mid-file: 0 rows of that file, all of the next" "0 0 10000" \
		"$(q "SELECT (SELECT count(*) FROM kansa.import_batch WHERE file_name = 'kill2.csv') || ' ' ||
			(SELECT count(*) FROM kansa.response r JOIN kansa.assessment a ON a.id = r.assessment_id WHERE a.file_name = 'kill2.csv') || ' ' ||
			(SELECT count(*) FROM kansa.response r JOIN kansa.assessment a ON a.id = r.assessment_id WHERE a.file_name = 'after.csv')")"
else
	gate_open
	echo "not ok - import faults: kansa-import terminate mid-file: never reached the gate ($(cat "$tmp/kill2.out"))"
fi

# 5. the same file twice at the same time: one loads, the other waits for it
# and then finds it already loaded
gate_close
PGAPPNAME=fault_import1 psql -X -At -d $db -c "SELECT batch_id || ' ' || status FROM kansa.import_sheet('Org', 'Vendor', 'Race', 'fault', pg_read_binary_file('$tmp/same.csv'), 'same.csv')" > "$tmp/race1.out" 2>&1 &
r1=$!
pids+=($r1)
if wait_for "$waiting_at_gate" 1; then
	PGAPPNAME=fault_import2 psql -X -At -d $db -c "SELECT batch_id || ' ' || status FROM kansa.import_sheet('Org', 'Vendor', 'Race', 'fault', pg_read_binary_file('$tmp/same.csv'), 'same.csv')" > "$tmp/race2.out" 2>&1 &
	r2=$!
	pids+=($r2)
	# the second waits for the first's transaction (the service row it inserted)
	wait_for "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'fault_import2' AND wait_event_type = 'Lock'" 1
	w=$?
	gate_open
	wait $r1 $r2
	b=$(cut -d' ' -f1 "$tmp/race1.out")
	check "the same file twice at once: the second waited, then found the first's batch" \
		"0 $b loaded $b already_loaded" "$w $(cat "$tmp/race1.out") $(cat "$tmp/race2.out")"
	check "the same file twice at once: one batch, 10,000 responses" "1 10000" \
		"$(q "SELECT count(DISTINCT b.id) || ' ' || count(r.id) FROM kansa.import_batch b
				JOIN kansa.response r ON r.assessment_id = b.assessment_id WHERE b.file_name = 'same.csv'")"
else
	gate_open
	echo "not ok - import faults: the same file twice at once: never reached the gate ($(cat "$tmp/race1.out"))"
fi

# 6. four imports in parallel (four services), all held at the gate until
# all four are there, with two readers going the whole time: a reader must
# only ever see whole assessments
gate_close
rm -f "$tmp/stop"
for r in 1 2; do
	(
		n=0
		while [ ! -e "$tmp/stop" ]; do
			psql -X -At -d $db -c "SELECT 'partial ' || a.id || ' ' || count(r.id) FROM kansa.assessment a
									 LEFT JOIN kansa.response r ON r.assessment_id = a.id
									WHERE a.file_name LIKE 'par%' GROUP BY a.id HAVING count(r.id) <> 10000" \
				-c "SELECT 'summary ' || count(*) FROM kansa.assessment_summary" \
				-c "SELECT 'gaps ' || count(*) FROM kansa.gaps" >> "$tmp/reader$r.out" 2>&1
			n=$((n + 1))
			echo $n > "$tmp/reader$r.n"
		done
	) &
	pids+=($!)
done
par=()
for i in 1 2 3 4; do
	PGAPPNAME=fault_import$i "$K" -d $db --no-progress --org Org --vendor Vendor --service "Parallel $i" \
		--framework fault "$tmp/par$i.csv" > "$tmp/par$i.out" 2>&1 &
	par+=($!)
	pids+=($!)
done
if wait_for "$waiting_at_gate" 4; then
	# the readers are not held up by four imports in the middle of their work
	# (two more rounds of reader 1 while all four wait: polled, up to 120 s)
	n0=$(cat "$tmp/reader1.n" 2> /dev/null || echo 0)
	n1=$n0
	for _ in $(seq 1200); do
		n1=$(cat "$tmp/reader1.n" 2> /dev/null || echo 0)
		[ "$n1" -ge $((n0 + 2)) ] && break
		sleep 0.1
	done
	held=$(q "$waiting_at_gate")
	gate_open
	rc=0
	for p in "${par[@]}"; do
		wait "$p" || rc=$?
	done
	touch "$tmp/stop"
	sleep 0.5
	check "four imports in parallel: all four loaded (exit 0)" "0 4" "$rc $(cat "$tmp"/par?.out | grep -c '^loaded ')"
	check "readers ran while the four imports were held mid-way" "t 4" "$([ "$n1" -ge $((n0 + 2)) ] && echo t || echo "$n0 -> $n1") $held"
	check "readers never saw part of an assessment, and never failed" "0 0" \
		"$(cat "$tmp"/reader?.out | grep -c '^partial') $(cat "$tmp"/reader?.out | grep -c 'ERROR')"
	check "four imports in parallel: no lost row (4 x 10,000 responses, counts add up)" "4|40000|40000|t|4" \
		"$(q "SELECT count(*), sum(b.responses), sum((SELECT count(*) FROM kansa.response r WHERE r.assessment_id = b.assessment_id)),
					 bool_and(b.rows_read = b.responses + b.rejected + b.skipped),
					 (SELECT count(*) FROM kansa.assessment a WHERE a.file_name LIKE 'par%' AND a.superseded_by IS NULL)
				FROM kansa.import_batch b WHERE b.file_name LIKE 'par%'")"
	check "four imports in parallel: no deadlock" 0 "$(q "SELECT deadlocks FROM pg_stat_database WHERE datname = '$db'")"
else
	gate_open
	touch "$tmp/stop"
	echo "not ok - import faults: four parallel imports never all reached the gate ($(cat "$tmp"/par?.out))"
fi
q "DROP TRIGGER fault_gate ON kansa.response" > /dev/null
