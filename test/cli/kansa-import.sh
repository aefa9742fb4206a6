#!/bin/bash
# Tests of kansa-import, the batch client, against the cluster of the test
# run (PG* variables set by pg_virtualenv).  TAP-like lines "ok - ..." and
# "not ok - ..."; scripts/run-suite counts them.
set -u
# New organisations, vendors and services are announced with a NOTICE; these
# checks read psql's and kansa-import's output, so notices stay out of it.
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
cd "$(dirname "$0")/../.."
K="${KANSA_IMPORT:-$(pg_config --bindir)/kansa-import}"
db=kansa_cli
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; dropdb --if-exists $db > /dev/null 2>&1; dropdb --if-exists ${db}_an > /dev/null 2>&1; psql -X -q -d postgres -c "DROP ROLE IF EXISTS kcli_importer, kcli_org" > /dev/null 2>&1' EXIT
dropdb --if-exists $db > /dev/null 2>&1
createdb -E UTF8 -T template0 $db
psql -X -q -d $db -c 'CREATE EXTENSION kansa'

check() {	# check NAME EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then
		echo "ok - kansa-import: $1"
	else
		echo "not ok - kansa-import: $1 (expected \"$2\", got \"$3\")"
	fi
}
q() { PGOPTIONS='-c client_min_messages=warning' psql -X -At -d $db -c "$1"; }

# the bundled sample sheets through the manifest
"$K" -d $db --no-progress --manifest test/fixtures/sheets/manifest.tsv > "$tmp/out1" 2>&1
check "the sample sheets load (exit 0)" 0 $?
check "three loaded lines" 3 "$(grep -c '^loaded ' "$tmp/out1")"
# the imports leave ANALYZE to the batch, which runs it once at its end
check "the imports were asked not to analyse" "false" \
	"$(q "SELECT string_agg(DISTINCT options->>'analyze', ',') FROM kansa.import_batch")"
check "the batch analysed the tables at its end" "t" \
	"$(q "SELECT last_analyze IS NOT NULL FROM pg_stat_all_tables WHERE relid = 'kansa.response'::regclass")"
check "responses stored" "311 40 86" "$(q "SELECT string_agg(responses::text, ' ' ORDER BY id) FROM kansa.import_batch")"
check "received date from the manifest options" 2024-04-01 \
	"$(q "SELECT received_at FROM kansa.assessment WHERE framework = 'meti_cloud'")"

# the same files again: already loaded, still exit 0, nothing new
"$K" -d $db --no-progress --manifest test/fixtures/sheets/manifest.tsv > "$tmp/out2" 2>&1
check "again: exit 0" 0 $?
check "again: three already_loaded lines" 3 "$(grep -c '^already_loaded ' "$tmp/out2")"
check "again: no new batch" 3 "$(q "SELECT count(*) FROM kansa.import_batch")"

# next year's sheet: a line of what changed since the sheet it supersedes
# (iso27017_liveon_2026.csv: 12.4.4 a new gap, 8.2.2 closed, 12.1.2 and
# 16.1.7 changed and dropped; 6.1.3 reworded only, its review carried);
# --json carries the same counts, and null for a first or already loaded sheet
q "SELECT (kansa.review(r.id, 'implemented', 'checked')).verdict FROM kansa.response r
    WHERE r.control::text = 'iso27017:6.1.3'" > /dev/null
prev=$(q "SELECT id FROM kansa.assessment WHERE framework = 'iso27017' AND superseded_by IS NULL")
"$K" -d $db --no-progress --org 'Example Bank' --vendor 'ジャパンメディアシステム株式会社' --service LiveOn \
	--framework iso27017 test/fixtures/sheets/iso27017_liveon_2026.csv > "$tmp/out_ny" 2>&1
check "a superseding sheet: exit 0" 0 $?
check "a superseding sheet: one line of changes under its own" \
	"                    supersedes assessment $prev: 1 new gaps, 1 closed, 1 reviews carried, 4 changed" \
	"$(grep -A1 '^loaded ' "$tmp/out_ny" | sed -n 2p)"
"$K" -d $db --json --org 'Example Bank' --vendor 'ジャパンメディアシステム株式会社' --service LiveOn \
	--framework fisc8 test/fixtures/sheets/fisc8_liveon_2026.xlsx test/fixtures/sheets/fisc8_liveon_2026.xlsx \
	> "$tmp/out_ny2" 2>&1
check "--json: the changes of a superseding sheet, null when already loaded" \
	"loaded 1 1 0 6 1 0 1 1 1 305 true;already_loaded null;" \
	"$(perl -CO -MJSON::PP -ne '$j = decode_json($_); next unless $j->{type} eq "file"; $c = $j->{changes};
		print "$j->{status} ", ($c ? join(" ", @$c{qw(new_gaps closed_gaps reviews_carried changed worse better text_changed added dropped unchanged)}, $c->{previous_assessment_id} =~ /^\d+$/ ? "true" : "false") : "null"), ";"' "$tmp/out_ny2")"
check "the line and --json agree with kansa.change_summary()" "1 1 1 4" \
	"$(q "SELECT concat_ws(' ', new_gaps, closed_gaps, reviews_carried, changed) FROM kansa.change_summary(
		(SELECT id FROM kansa.assessment WHERE framework = 'iso27017' AND superseded_by IS NULL))")"
check "a first sheet shows no change line" 0 "$(grep -c 'supersedes assessment' "$tmp/out1")"

# files on the command line, JSON output; a strict reject fails its file only
printf '項番\t回答\n設1\t実施しています。\n' > "$tmp/good.tsv"
printf '項番\t回答\n設1\t実施しています。\n設 999\t実施しています。\n' > "$tmp/bad.tsv"
"$K" -d $db --json --org 'Bank B' --vendor V --service S --framework fisc8 \
	"$tmp/good.tsv" "$tmp/bad.tsv" "$tmp/missing.tsv" > "$tmp/out3" 2> "$tmp/err3"
check "a failed file makes exit 1" 1 $?
check "JSON: one object a line, four lines" 4 "$(wc -l < "$tmp/out3")"
check "JSON: statuses" "loaded error error" \
	"$(perl -CO -MJSON::PP -ne '$j = decode_json($_); print $j->{status}, " " if $j->{type} eq "file"' "$tmp/out3" | sed 's/ $//')"
check "JSON: the reject's SQLSTATE and message" "23503 bad.tsv: sheet \"tsv\", row 3, cell A3: unknown control \"設999\" (in \"設 999\") for framework fisc8" \
	"$(perl -CO -MJSON::PP -ne '$j = decode_json($_); print "$j->{error}{sqlstate} $j->{error}{message}" if ($j->{file_name} // "") eq "bad.tsv"' "$tmp/out3")"
check "JSON: a first sheet's changes are null" "null" \
	"$(perl -CO -MJSON::PP -ne '$j = decode_json($_); print defined $j->{changes} ? "set" : "null" if ($j->{file_name} // "") eq "good.tsv"' "$tmp/out3")"
check "JSON: summary" "3 1 2 1" \
	"$(perl -CO -MJSON::PP -ne '$j = decode_json($_); print "$j->{files} $j->{loaded} $j->{failed} $j->{exit_status}" if $j->{type} eq "summary"' "$tmp/out3")"
check "strict reject stored nothing" 0 "$(q "SELECT count(*) FROM kansa.import_batch WHERE file_name = 'bad.tsv'")"

# --no-create: an unknown vendor is refused, naming the one it may have meant;
# --reload: the same bytes load again
"$K" -d $db --json --no-create --org 'Bank B' --vendor W --service S --framework fisc8 \
	"$tmp/good.tsv" > "$tmp/out3b" 2> "$tmp/err3b"
check "--no-create: an unknown vendor fails the file (exit 1)" 1 $?
check "--no-create: vendor \"W\" refused with SQLSTATE 42704" "42704 vendor \"W\" does not exist" \
	"$(perl -CO -MJSON::PP -ne '$j = decode_json($_); print "$j->{error}{sqlstate} $j->{error}{message}" if ($j->{file_name} // "") eq "good.tsv"' "$tmp/out3b")"
"$K" -d $db --no-progress --reload --org 'Bank B' --vendor V --service S --framework fisc8 \
	"$tmp/good.tsv" > "$tmp/out3c" 2>&1
check "--reload: the same file loads again" "1 2" \
	"$(grep -c '^loaded ' "$tmp/out3c") $(q "SELECT count(*) FROM kansa.import_batch WHERE file_name = 'good.tsv'")"

# --scope: the controls asked, by a kept name or as a list; the others are
# no gaps; the per-file line counts conflicts
q "SELECT name FROM kansa.scope_set('Bank B', 'fisc8', 'Q3 設備', ARRAY['設1', '設2'])" > /dev/null
printf '項番\t回答\t備考\n設1\t○\tただし一部拠点は未対応です。\n設3\t○\t\n' > "$tmp/scoped.tsv"
"$K" -d $db --no-progress --scope 'Q3 設備' --org 'Bank B' --vendor V --service S3 --framework fisc8 \
	"$tmp/scoped.tsv" > "$tmp/out3d" 2>&1
check "--scope NAME: the file loads (exit 0)" 0 $?
check "--scope NAME: the line counts the conflict" 1 "$(grep -c ', 1 conflicts (batch' "$tmp/out3d")"
check "--scope NAME: two controls asked, one unanswered" "2 1 1" \
	"$(q "SELECT controls_in_scope || ' ' || answered || ' ' || unanswered FROM kansa.assessment_summary WHERE service = 'S3'")"
"$K" -d $db --no-progress --scope '設3, 設4' --org 'Bank B' --vendor V --service S4 --framework fisc8 \
	"$tmp/scoped.tsv" > /dev/null 2>&1
check "--scope LIST: the controls listed" "2 1" \
	"$(q "SELECT controls_in_scope || ' ' || answered FROM kansa.assessment_summary WHERE service = 'S4'")"
"$K" -d $db --json --scope 'Q4' --org 'Bank B' --vendor V --service S5 --framework fisc8 \
	"$tmp/scoped.tsv" > "$tmp/out3e" 2>&1
check "--scope: an unknown scope fails the file with 42704" "42704" \
	"$(perl -CO -MJSON::PP -ne '$j = decode_json($_); print $j->{error}{sqlstate} if ($j->{file_name} // "") eq "scoped.tsv"' "$tmp/out3e")"

# quarantine: loaded with rejects is not a full load (exit 1), rejects kept
"$K" -d $db --no-progress --mode quarantine --org 'Bank B' --vendor V --service S2 --framework fisc8 \
	"$tmp/bad.tsv" > "$tmp/out4" 2>&1
check "quarantine with rejects: exit 1" 1 $?
check "quarantine: the reject is in import_reject" "A3 23503" \
	"$(q "SELECT cell || ' ' || sqlstate FROM kansa.import_reject")"

# the server's limit: a file larger than kansa.import_max_file_size is refused
# before it is sent (no SQLSTATE: the server was not asked), naming the setting
printf '項番\t回答\n設1\t%s\n' "$(for i in $(seq 1 60); do printf '実施しています。'; done)" > "$tmp/big.tsv"
PGOPTIONS="$PGOPTIONS -c kansa.import_max_file_size=1kB" "$K" -d $db --json \
	--org 'Bank B' --vendor V --service S6 --framework fisc8 "$tmp/big.tsv" > "$tmp/out6" 2>&1
rc=$?
check "a file over kansa.import_max_file_size is refused unsent (exit 1, no SQLSTATE, the setting named)" \
	"1 null file of $(wc -c < "$tmp/big.tsv") bytes is larger than kansa.import_max_file_size (1kB)" \
	"$rc $(perl -CO -MJSON::PP -ne '$j = decode_json($_); print(($j->{error}{sqlstate} // "null") . " $j->{error}{message}") if ($j->{file_name} // "") eq "big.tsv"' "$tmp/out6")"
check "the same file under the default limit loads" "0" \
	"$("$K" -d $db --no-progress -q --org 'Bank B' --vendor V --service S6 --framework fisc8 "$tmp/big.tsv" > /dev/null 2>&1; echo $?)"

# where the setting cannot be read (here: an importer who may not execute the
# function that loads kansa's library), a warning, and the server's own
# limit still holds
q "CREATE ROLE kcli_org NOLOGIN; CREATE ROLE kcli_importer LOGIN PASSWORD '${PGPASSWORD:-}' IN ROLE kansa_importer, kcli_org;
   INSERT INTO kansa.organization (name, tenant_role) VALUES ('Bank L', 'kcli_org');
   REVOKE EXECUTE ON FUNCTION kansa.is_valid_control_id(text) FROM PUBLIC" > /dev/null
"$K" -d $db -U kcli_importer --no-progress -q --org 'Bank L' --vendor V --service S1 --framework fisc8 \
	"$tmp/big.tsv" > "$tmp/out_lim" 2>&1
check "a limit that cannot be read: a warning, and the file is sent and loads (exit 0)" "0 1" \
	"$? $(grep -c 'warning: could not read the setting kansa.import_max_file_size' "$tmp/out_lim")"
q "ALTER ROLE kcli_importer SET kansa.import_max_file_size = '1kB'" > /dev/null
"$K" -d $db -U kcli_importer --no-progress -q \
	--org 'Bank L' --vendor V --service S2 --framework fisc8 "$tmp/big.tsv" > "$tmp/out_lim2" 2>&1
check "a limit that cannot be read: the server still refuses a file over its limit (exit 1)" "1 1" \
	"$? $(grep -c 'larger than the limit of 1 kB' "$tmp/out_lim2")"
q "GRANT EXECUTE ON FUNCTION kansa.is_valid_control_id(text) TO PUBLIC" > /dev/null

# option values are the server's to judge: a bad one fails each file with
# the server's error, and nothing is imported
"$K" -d $db --json --mode bogus --blank gap --org 'Bank B' --vendor V --service S7 --framework fisc8 \
	"$tmp/good.tsv" > "$tmp/out7" 2>&1
rc=$?
check "--mode bogus: the server's error for the file (exit 1)" "1 22023 invalid value \"bogus\" for option \"mode\"" \
	"$rc $(perl -CO -MJSON::PP -ne '$j = decode_json($_); print "$j->{error}{sqlstate} $j->{error}{message}" if ($j->{file_name} // "") eq "good.tsv"' "$tmp/out7")"
"$K" -d $db --no-progress --blank bogus --org 'Bank B' --vendor V --service S7 --framework fisc8 \
	"$tmp/good.tsv" > "$tmp/out8" 2>&1
rc=$?
check "--blank bogus: the server's error names the file (exit 1)" "1 1" \
	"$rc $(grep -c "^error  *$tmp/good.tsv: invalid value \"bogus\" for option \"blank\"" "$tmp/out8")"
check "bad option values imported nothing" 0 "$(q "SELECT count(*) FROM kansa.assessment_summary WHERE service = 'S7'")"

# --jobs N: the files spread over N connections give the same rows, the
# same per-file lines (in the order they finish) and the same summary as one
# connection; a failing file stops no other, and the exit status is the same
for i in 1 2 3 4; do
	printf '項番\t回答\n設%d\t実施しています。\n設%d\t実施していません。\n' $i $((i + 4)) > "$tmp/jobs$i.tsv"
done
jobs_manifest() {	# jobs_manifest ORG
	local f
	for f in fisc8_liveon.xlsx iso27017_liveon.csv meti_cloud_light2.xlsx; do
		printf '%s\t%s\tJV\tJS\t%s\t\n' "$PWD/test/fixtures/sheets/$f" "$1" "${f%%_*}"
	done
	for f in jobs1 jobs2 bad jobs3 jobs4; do
		printf '%s\t%s\tJV\tJS-%s\tfisc8\t\n' "$tmp/$f.tsv" "$1" "$f"
	done
}
jobs_manifest 'Jobs One' | sed 's/\tmeti\t/\tmeti_cloud\t/' > "$tmp/jobs1.manifest"
jobs_manifest 'Jobs Two' | sed 's/\tmeti\t/\tmeti_cloud\t/' > "$tmp/jobs2.manifest"
"$K" -d $db --no-progress --jobs 1 --manifest "$tmp/jobs1.manifest" > "$tmp/outj1" 2>&1
rc1=$?
"$K" -d $db --no-progress --jobs 2 --manifest "$tmp/jobs2.manifest" > "$tmp/outj2" 2>&1
rc2=$?
check "--jobs 2 with a failing file: exit 1, as with one job" "1 1" "$rc1 $rc2"
jobs_lines() {	# the per-file lines, sorted, without ids and the temporary dir
	grep -E '^(loaded|error|already_loaded) ' "$1" | sed -e 's/ (batch [0-9]*, assessment [0-9]*)$//' \
		-e "s|$tmp/||" -e "s|$PWD/||" | sort
}
check "--jobs 2: the same per-file lines as one job (8 files, 7 loaded)" "8 7 same" \
	"$(jobs_lines "$tmp/outj2" | wc -l) $(grep -c '^loaded ' "$tmp/outj2") $(cmp -s <(jobs_lines "$tmp/outj1") <(jobs_lines "$tmp/outj2") && echo same)"
check "--jobs 2: the same summary as one job" "$(sed -n '/^$/,$p' "$tmp/outj1")" "$(sed -n '/^$/,$p' "$tmp/outj2")"
jobs_rows() {	# the responses stored for an organization, file by file
	q "SELECT string_agg(b.file_name || ':' || b.responses || ':' ||
			(SELECT count(*) FROM kansa.response r WHERE r.assessment_id = b.assessment_id), ' ' ORDER BY b.file_name)
		 FROM kansa.import_batch b JOIN kansa.organization o ON o.id = b.organization_id WHERE o.name = '$1'"
}
check "--jobs 2: the same rows imported as one job" "$(jobs_rows 'Jobs One')" "$(jobs_rows 'Jobs Two')"
"$K" -d $db --json --jobs 3 --manifest "$tmp/jobs2.manifest" > "$tmp/outj3" 2>&1
rc=$?
check "--jobs 3 again, JSON: 7 already loaded, the failure again, exit 1" "8 7 1 1" \
	"$(perl -CO -MJSON::PP -ne '$j = decode_json($_); print "$j->{files} $j->{already_loaded} $j->{failed} " if $j->{type} eq "summary"' "$tmp/outj3")$rc"
check "--jobs more than files: one connection a file" 0 \
	"$("$K" -d $db --no-progress -q --jobs 64 --org 'Jobs Two' --vendor JV --service JS-jobs1 --framework fisc8 "$tmp/jobs1.tsv" > /dev/null 2>&1; echo $?)"
"$K" -d $db --jobs 0 "$tmp/jobs1.tsv" > /dev/null 2> "$tmp/errj0"
check "--jobs 0: usage error (exit 2)" "2 1" "$? $(grep -c 'invalid --jobs "0": must be an integer from 1 to 64' "$tmp/errj0")"
"$K" -d $db --jobs abc "$tmp/jobs1.tsv" > /dev/null 2>&1
check "--jobs abc: usage error (exit 2)" 2 $?

# --jobs 2 and Ctrl-C: both running imports are cancelled (each waits on a
# lock a "gate" session holds), the other files are not attempted, exit 1
psql -X -q -d $db -c "SET application_name = 'jobs_gate'" -c "BEGIN" \
	-c "LOCK TABLE kansa.import_batch IN ACCESS EXCLUSIVE MODE" -c "SELECT pg_sleep(120)" > /dev/null 2>&1 &
gate=$!
waited() { q "SELECT count(*) FROM pg_stat_activity WHERE application_name = '$1' AND wait_event_type = 'Lock'"; }
for i in $(seq 1 100); do [ "$(q "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE a.application_name = 'jobs_gate' AND l.mode = 'AccessExclusiveLock' AND l.granted")" -ge 1 ] && break; sleep 0.1; done
PGAPPNAME=jobs_cancel "$K" -d $db --json --jobs 2 --reload --manifest "$tmp/jobs2.manifest" > "$tmp/outjc" 2>&1 &
kpid=$!
for i in $(seq 1 100); do [ "$(waited jobs_cancel)" -ge 2 ] && break; sleep 0.1; done
check "--jobs 2: two imports wait on the gate at once" 2 "$(waited jobs_cancel)"
kill -INT $kpid
wait $kpid
rc=$?
q "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'jobs_gate'" > /dev/null
wait $gate 2> /dev/null
check "--jobs 2, Ctrl-C: exit 1, both running imports cancelled (57014), the other 6 not attempted" "1 2 6 true" \
	"$rc $(perl -CO -MJSON::PP -ne 'next unless /^\{/; $j = decode_json($_); $c++ if $j->{type} eq "file" && ($j->{error}{sqlstate} // "") eq "57014"; $s = "$j->{not_attempted} " . ($j->{interrupted} ? "true" : "false") if $j->{type} eq "summary"; END { print "$c $s" }' "$tmp/outjc")"

# usage and manifest errors: exit 2 before importing anything
"$K" -d $db --org O > /dev/null 2>&1
check "missing options: exit 2" 2 $?
printf 'a.tsv\tO\tV\n' > "$tmp/broken.tsv"
"$K" -d $db --manifest "$tmp/broken.tsv" > /dev/null 2> "$tmp/err5"
check "malformed manifest: exit 2" 2 $?
check "malformed manifest: file and line named" 1 "$(grep -c 'broken.tsv:1' "$tmp/err5")"
"$K" -d "postgresql:///nosuchdb" --manifest test/fixtures/sheets/manifest.tsv > /dev/null 2>&1
check "no such database: exit 2" 2 $?
# make install linked it onto PATH (KANSA_IMPORT_LINKDIR, /usr/local/bin)
ctl=$(sed -n "s/^default_version[[:space:]]*=[[:space:]]*'\([^']*\)'.*/\1/p" kansa.control)
check "kansa-import is on PATH and prints the extension's version" "kansa-import (kansa) $ctl" \
	"$(PATH=/usr/local/bin:/usr/bin:/bin kansa-import --version 2>&1)"

# --quiet: no notices (a new service, and the names near it)
"$K" -d $db --quiet --no-progress --org "Quiet Bank" --vendor "Quiet Vendor" --service "Quiet service" \
	--framework asp_saas test/fixtures/sheets/asp_saas_example.csv > "$tmp/outq" 2>&1
check "--quiet loads (exit 0)" 0 $?
check "--quiet prints no notice" 0 "$(grep -c 'NOTICE' "$tmp/outq")"

# Statistics during a batch into a young database: analyze_stale_tables(1)
# after the 1st, 2nd and 4th file (of 8) and at the end: the tables never
# analysed or doubled since (by 4 pages more).  kansa.response (300
# responses a file, some 25 pages) is analysed after the 1st (never
# analysed) and the 4th (1200 rows, four times as many; the change counts
# lag, the size does not), not after the 2nd nor at the end (twice as many
# rows, not 4 pages more): twice, so plans made on a table of one sheet
# do not outlive its growth.  With the option set by the user
# (analyze=false), only the ANALYZE at the end (never analysed).
# analyze_count counts manual ANALYZEs only (autovacuum's are apart); a
# backend's counts reach the statistics when it exits, hence the wait.
an_count() {	# the manual ANALYZEs of kansa.response in DB, once settled
	local n last=-1 i
	for i in $(seq 1 50); do
		n=$(psql -X -At -d "$1" -c "SELECT analyze_count FROM pg_stat_all_tables WHERE relid = 'kansa.response'::regclass")
		[ "$n" = "$2" ] && break
		[ "$n" = "$last" ] && [ "$i" -gt 10 ] && break
		last=$n
		sleep 0.2
	done
	echo "$n"
}
mkdir "$tmp/an"
ids=$(q "SELECT kansa.local_id(id) FROM kansa.control WHERE framework = 'fisc8' AND kind = 'control' ORDER BY position LIMIT 300")
printf 'path\torganization\tvendor\tservice\tframework\toptions\n' > "$tmp/an/manifest"
for i in $(seq 1 8); do
	{ printf '項番\t回答\n'; echo "$ids" | sed 's/$/\t実施しています。/'; } > "$tmp/an/s$i.tsv"
	printf '%s\tStats Bank\tStats Vendor\tservice %d\tfisc8\t\n' "$tmp/an/s$i.tsv" $i >> "$tmp/an/manifest"
done
for opt in default analyze=false; do
	dropdb --if-exists ${db}_an > /dev/null 2>&1
	createdb -E UTF8 -T template0 ${db}_an
	# (autovacuum kept off the table: its ANALYZE would move the counts)
	psql -X -q -d ${db}_an -c 'CREATE EXTENSION kansa' \
		-c 'ALTER TABLE kansa.response SET (autovacuum_enabled = false)'
	if [ $opt = default ]; then
		"$K" -d ${db}_an --quiet --no-progress --manifest "$tmp/an/manifest" > "$tmp/out_an" 2>&1
	else
		"$K" -d ${db}_an --quiet --no-progress --option $opt --manifest "$tmp/an/manifest" > "$tmp/out_an" 2>&1
	fi
	check "8 files into a new database ($opt): exit 0, 2400 responses" "0 2400" \
		"$? $(psql -X -At -d ${db}_an -c 'SELECT count(*) FROM kansa.response')"
	want=2
	[ $opt = default ] || want=1
	check "8 files into a new database ($opt): kansa.response analysed $want times" $want "$(an_count ${db}_an $want)"
done
dropdb --if-exists ${db}_an > /dev/null 2>&1
