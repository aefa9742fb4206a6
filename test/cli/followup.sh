#!/bin/bash
# Asking the vendor, end to end, against the cluster of the test run (PG*
# variables set by pg_virtualenv): findings raised on the bundled METI sheet
# (株式会社LIGHT2's filled check sheet of クラウドサービス利用のための情報
# セキュリティマネジメントガイドライン); the follow-up sheet written by
# kansa-followup and read by LibreOffice (converted to CSV, every cell
# compared with the findings); the vendor's replies filled in as a vendor
# would, in the .fods LibreOffice makes of it, converted back to xlsx by
# LibreOffice and imported with kansa-import; the findings and verdicts
# moved as expected, nothing else of the assessment changed; a sheet whose
# hidden part was altered, and another organisation's sheet, refused with
# nothing stored.  TAP-like lines "ok - ..." and "not ok - ..."; scripts/
# run-suite counts them.
set -u
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
cd "$(dirname "$0")/../.."
K="${KANSA_IMPORT:-$(pg_config --bindir)/kansa-import}"
F="${KANSA_FOLLOWUP:-$(pg_config --bindir)/kansa-followup}"
FILL="$PWD/test/cli/lib/fill-replies.pl"
db=kansa_followup
tmp=$(mktemp -d)
cleanup() {
	rm -rf "$tmp"
	dropdb --if-exists $db > /dev/null 2>&1
	psql -X -q -d postgres -c "DROP ROLE IF EXISTS fu_analyst_a, fu_analyst_b, fu_org_a, fu_org_b" > /dev/null 2>&1
}
trap cleanup EXIT

check() {	# check NAME EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then
		echo "ok - followup: $1"
	else
		echo "not ok - followup: $1 (expected \"$2\", got \"$3\")"
	fi
}
q() { psql -X -At -d $db -c "$1"; }
qa() { psql -X -At -d $db -U fu_analyst_a -c "$1"; }
# import_as ROLE ORG FRAMEWORK FILE: import_sheet() in psql, errors as SQLSTATE only
import_as() {
	echo "SELECT status FROM kansa.import_sheet(:'org', :'vendor', :'service', :'fw', decode(:'content', 'base64'), 'x.xlsx')" |
		psql -X -At -d $db -U "$1" -v VERBOSITY=sqlstate -v org="$2" -v vendor="$vendor" -v service="$service" \
			-v fw="$3" -v content="$(base64 -w0 "$4")"
}
# LibreOffice, headless, with a profile of its own (tests may run at once)
lo() { soffice "-env:UserInstallation=file://$tmp/lo-profile" --headless "$@" > "$tmp/lo.log" 2>&1; }
# every sheet of a workbook as CSV (UTF-8, comma, "), one file per sheet
lo_csv() { lo --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' --outdir "$2" "$1"; }

if ! command -v soffice > /dev/null 2>&1; then
	echo "not ok - followup: LibreOffice (soffice, Debian's libreoffice-calc) is not installed; make bootstrap installs it"
	exit 0
fi

dropdb --if-exists $db > /dev/null 2>&1
createdb -E UTF8 -T template0 $db
q 'CREATE EXTENSION kansa' > /dev/null
q "CREATE ROLE fu_org_a NOLOGIN; CREATE ROLE fu_org_b NOLOGIN;
   CREATE ROLE fu_analyst_a LOGIN PASSWORD '${PGPASSWORD:-}' IN ROLE kansa_importer, kansa_analyst, fu_org_a;
   CREATE ROLE fu_analyst_b LOGIN PASSWORD '${PGPASSWORD:-}' IN ROLE kansa_importer, kansa_analyst, fu_org_b;
   INSERT INTO kansa.organization (name, tenant_role) VALUES ('Bank A', 'fu_org_a'), ('Bank B', 'fu_org_b')" > /dev/null
vendor='株式会社LIGHT2'
service='ものづくりコネクテッドクラウドサービス'
"$K" -d $db -U fu_analyst_a --no-progress -q --org 'Bank A' --vendor "$vendor" --service "$service" \
	--framework meti_cloud test/fixtures/sheets/meti_cloud_light2.xlsx > "$tmp/imp" 2>&1
check "the METI sheet loads" 0 $?
# pattern 1 (文書管理 of manufacturers' drawings: confidentiality and availability high)
qa "SELECT kansa.service_set('Bank A', '$vendor', '$service', '文書管理', '高', '高')" > /dev/null
a=$(qa "SELECT assessment_id FROM kansa.assessment_summary WHERE framework = 'meti_cloud'")

# Findings: every gap of medium severity or more (2 not_implemented, 1
# below_reference, 5 partial, 1 planned, 6 unclear), once
check "raise_findings raises one per gap of medium or more" 15 "$(qa "SELECT kansa.raise_findings($a)")"
check "raise_findings again raises nothing" 0 "$(qa "SELECT kansa.raise_findings($a)")"

# The sheet, by the client; open findings marked sent
"$F" -d $db -U fu_analyst_a --assessment $a -o "$tmp/followup.xlsx" --mark-sent > "$tmp/fu.out" 2>&1
check "kansa-followup writes the sheet (exit 0)" 0 $?
check "kansa-followup marks the open findings sent" "$tmp/followup.xlsx: 15 findings marked sent" "$(cat "$tmp/fu.out")"
check "the findings are sent, each with its event" "15 15" \
	"$(qa "SELECT count(*) FILTER (WHERE f.state = 'sent') || ' ' || (SELECT count(*) FROM kansa.finding_event WHERE to_state = 'sent')
	         FROM kansa.finding AS f WHERE f.assessment_id = $a")"
"$F" -d $db -U fu_analyst_b --assessment $a -o "$tmp/other.xlsx" > "$tmp/fu_b.out" 2>&1
check "another organisation's analyst gets no sheet (exit 1)" "1 no file" "$? $([ -e "$tmp/other.xlsx" ] && echo file || echo no file)"
check "and is told the assessment does not exist" "kansa-followup: error: assessment $a does not exist" "$(head -1 "$tmp/fu_b.out")"
"$F" -d $db -U fu_analyst_a > /dev/null 2>&1
check "kansa-followup without --assessment: exit 2" 2 $?

# LibreOffice reads it: every sheet converts, the cells are the findings'
mkdir "$tmp/csv"
lo_csv "$tmp/followup.xlsx" "$tmp/csv"
check "LibreOffice converts the sheet (three sheets)" 3 "$(ls "$tmp/csv" | wc -l)"
q "CREATE TABLE lo_cells (n integer GENERATED ALWAYS AS IDENTITY, c1 text, c2 text, c3 text, c4 text, c5 text,
                          c6 text, c7 text, c8 text, c9 text, c10 text, c11 text)" > /dev/null
psql -X -q -d $db -c "\\copy lo_cells (c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11) FROM '$tmp/csv/followup-指摘事項.csv' WITH (FORMAT csv)"
check "the header row" "番号|管理策|項目|重要度|貴社のご回答|指摘の理由|ご質問|回答期限|対応状況|ご回答|根拠資料" \
	"$(q "SELECT concat_ws('|', c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11) FROM lo_cells WHERE n = 1")"
check "one row per sent finding, in control order, every cell as in kansa.findings" "15 0" \
	"$(q "SELECT (SELECT count(*) FROM lo_cells WHERE n > 1) || ' ' ||
	             (SELECT count(*) FROM (
	                SELECT (n - 1)::text, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11 FROM lo_cells WHERE n > 1
	                EXCEPT
	                SELECT (row_number() OVER (ORDER BY c.position, f.finding_id))::text, f.finding_id::text,
	                       f.local_id, f.title, CASE f.severity WHEN 'high' THEN '高' WHEN 'medium' THEN '中' ELSE '低' END,
	                       coalesce(fi.answer_text, ''), f.reason_ja, f.question_ja, to_char(f.due, 'YYYY-MM-DD'),
	                       NULL, NULL, NULL
	                  FROM kansa.findings AS f JOIN kansa.finding AS fi ON fi.id = f.finding_id
	                  JOIN kansa.control AS c ON c.id::text = f.control
	                 WHERE f.assessment_id = $a) AS d)")"
check "the cover names who asks whom, how many and by when" \
	"依頼元,Bank A|宛先,$vendor 御中|対象サービス,$service|指摘事項の件数,15|回答期限,$(q "SELECT to_char(min(due), 'YYYY-MM-DD') FROM kansa.finding")" \
	"$(grep -E '^(依頼元|宛先|対象サービス|指摘事項の件数|回答期限),' "$tmp/csv/followup-表紙.csv" | paste -sd'|')"
check "the hidden sheet names the organisation and the assessment" \
	"organization,$(q "SELECT id FROM kansa.organization WHERE name = 'Bank A'")|assessment,$a" \
	"$(grep -E '^(organization|assessment),' "$tmp/csv/followup-_kansa.csv" | paste -sd'|')"
check "the hidden sheet lists the 15 findings" 15 "$(grep -c '^finding,' "$tmp/csv/followup-_kansa.csv")"
# the file's own structure, as libxlsxwriter wrote it
unzip -p "$tmp/followup.xlsx" xl/workbook.xml > "$tmp/wb.xml"
unzip -p "$tmp/followup.xlsx" xl/worksheets/sheet2.xml > "$tmp/s2.xml"
check "the hidden sheet is hidden" 1 "$(grep -c 'name="_kansa" sheetId="3" state="hidden"' "$tmp/wb.xml")"
check "the header repeats on every printed page" 1 "$(grep -c '_xlnm.Print_Titles' "$tmp/wb.xml")"
check "the findings sheet is protected, A4 landscape, frozen below the header" "1 1 1" \
	"$(grep -c '<sheetProtection' "$tmp/s2.xml") $(grep '<pageSetup' "$tmp/s2.xml" | grep 'paperSize="9"' | grep -c 'orientation="landscape"') $(grep -c 'ySplit="1"' "$tmp/s2.xml")"
check "the status column has its list" 1 "$(grep -c '<dataValidation type="list"' "$tmp/s2.xml")"

# The vendor fills in replies in LibreOffice: a .fods of the sheet, edited,
# converted back to xlsx by LibreOffice
fid() { q "SELECT finding_id FROM kansa.findings WHERE assessment_id = $a AND local_id = '$1' AND gap_kind = '$2'"; }
f_ni=$(fid 5.1 not_implemented)
f_br=$(fid 4.3 below_reference)
f_pa=$(fid 4.2 partial)
f_pl=$(fid 8.2.1 planned)
r_ni=$(q "SELECT response_id FROM kansa.findings WHERE finding_id = $f_ni")
mkdir "$tmp/fods" "$tmp/reply"
lo --convert-to fods --outdir "$tmp/fods" "$tmp/followup.xlsx"
cp "$tmp/fods/followup.fods" "$tmp/reply/reply.fods"
perl "$FILL" "$tmp/reply/reply.fods" 指摘事項 \
	"$(printf '%s\t実施\t2025年4月より、採用予定者全員に対して機密保持に関する説明を行い、誓約書を取得しています。\t情報セキュリティ規程 第5条' "$f_ni")" \
	"$(printf '%s\t実施\t2025年6月より、データベースを含め日次バックアップ（1日1回）を取得しています。\t' "$f_br")" \
	"$(printf '%s\t一部実施\tひろめるフリープランはデータ移行の対象外です。有料プランへの変更で移行できます。\t' "$f_pa")" \
	"$(printf '%s\t予定\t2026年3月までに文書化する予定です。\t' "$f_pl")"
check "the replies are written into the .fods" 0 $?
lo --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$tmp/reply" "$tmp/reply/reply.fods"
check "LibreOffice converts the replies back to xlsx" yes "$([ -s "$tmp/reply/reply.xlsx" ] && echo yes)"

# what must not change
snapshot() {
	q "SELECT count(*), string_agg(r.id || ':' || r.verdict::text || ':' || r.verdict_source, ',' ORDER BY r.id)
	     FROM kansa.response AS r WHERE r.assessment_id = $a AND r.id <> $r_ni"
	q "SELECT count(*) FROM kansa.assessment"
	q "SELECT count(*) FROM kansa.import_batch"
}
snapshot > "$tmp/before"
events_before=$(q "SELECT count(*) FROM kansa.finding_event")
high_before=$(q "SELECT gaps_high FROM kansa.assessment_summary WHERE assessment_id = $a")

# Another organisation's analyst imports Bank A's reply: refused, nothing stored
"$K" -d $db -U fu_analyst_b --no-progress --org 'Bank B' --vendor "$vendor" --service "$service" \
	--framework meti_cloud "$tmp/reply/reply.xlsx" > "$tmp/imp_b" 2>&1
check "another organisation's reply is refused (exit 1)" 1 $?
check "with a clear error" 1 "$(grep -c 'follow-up sheet "reply.xlsx" is not for organization "Bank B"' "$tmp/imp_b")"
check "and nothing stored" "$events_before 0" \
	"$(q "SELECT count(*) FROM kansa.finding_event") $(q "SELECT count(*) FROM kansa.finding WHERE reply_text IS NOT NULL")"
check "with the right SQLSTATE (42501)" "ERROR:  42501" \
	"$(import_as fu_analyst_b 'Bank B' meti_cloud "$tmp/reply/reply.xlsx" 2>&1)"

# A reply whose hidden sheet was altered (a finding of another assessment
# slipped into its list): refused, nothing stored
cp "$tmp/reply/reply.fods" "$tmp/reply/tampered.fods"
perl -0pi -e "s{(<text:p>finding</text:p>\s*</table:table-cell>\s*<table:table-cell[^>]*>\s*<text:p>)$f_pl(</text:p>)}{\${1}999\${2}}" \
	"$tmp/reply/tampered.fods"
check "the hidden sheet is altered" 1 "$(grep -c '<text:p>999</text:p>' "$tmp/reply/tampered.fods")"
lo --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$tmp/reply" "$tmp/reply/tampered.fods"
"$K" -d $db -U fu_analyst_a --no-progress --org 'Bank A' --vendor "$vendor" --service "$service" \
	--framework meti_cloud "$tmp/reply/tampered.xlsx" > "$tmp/imp_t" 2>&1
check "a tampered reply is refused (exit 1)" 1 $?
check "with a clear error" 1 "$(grep -c 'follow-up sheet "tampered.xlsx" has been altered: its seal does not match' "$tmp/imp_t")"
check "with the right SQLSTATE (22000)" "ERROR:  22000" \
	"$(import_as fu_analyst_a 'Bank A' meti_cloud "$tmp/reply/tampered.xlsx" 2>&1)"
check "and nothing stored" "$events_before 0" \
	"$(q "SELECT count(*) FROM kansa.finding_event") $(q "SELECT count(*) FROM kansa.finding WHERE reply_text IS NOT NULL")"
# the sheet's own vendor, service and framework only
"$K" -d $db -U fu_analyst_a --no-progress --org 'Bank A' --vendor "$vendor" --service "$service" \
	--framework iso27017 "$tmp/reply/reply.xlsx" > "$tmp/imp_f" 2>&1
check "a reply imported against another framework is refused" "1 1" \
	"$? $(grep -c 'is about another vendor, service or framework' "$tmp/imp_f")"

# The reply itself
"$K" -d $db -U fu_analyst_a --no-progress --org 'Bank A' --vendor "$vendor" --service "$service" \
	--framework meti_cloud "$tmp/reply/reply.xlsx" > "$tmp/imp_r" 2>&1
check "the reply loads (exit 0)" 0 $?
check "kansa-import reports it" \
	"reply_loaded        $tmp/reply/reply.xlsx: 15 findings listed, 1 verdicts changed by the replies, 11 without a new reply (assessment $a)" \
	"$(grep '^reply_loaded' "$tmp/imp_r")"
check "the findings moved: two closed, two answered, the rest still sent" \
	"$f_ni:closed $f_br:closed $f_pa:answered $f_pl:answered sent:11" \
	"$(q "SELECT string_agg(id || ':' || state, ' ' ORDER BY array_position(ARRAY[$f_ni, $f_br, $f_pa, $f_pl]::bigint[], id))
	        FROM kansa.finding WHERE id IN ($f_ni, $f_br, $f_pa, $f_pl)") sent:$(q "SELECT count(*) FROM kansa.finding WHERE assessment_id = $a AND state = 'sent'")"
check "each reply is recorded with what kansa read from it" \
	"$f_ni|実施|implemented|情報セキュリティ規程 第5条 $f_br|実施|implemented|backup_interval=1/1d $f_pa|一部実施|partial| $f_pl|予定|planned|" \
	"$(q "SELECT string_agg(concat_ws('|', id, reply_status, reply_verdict::text, coalesce(reply_evidence, reply_figures, '')), ' '
	                    ORDER BY array_position(ARRAY[$f_ni, $f_br, $f_pa, $f_pl]::bigint[], id))
	        FROM kansa.finding WHERE id IN ($f_ni, $f_br, $f_pa, $f_pl)")"
check "the not_implemented answer's verdict comes from the reply" "implemented|vendor_reply|fu_analyst_a" \
	"$(q "SELECT verdict::text || '|' || verdict_source || '|' || reviewed_by FROM kansa.response WHERE id = $r_ni")"
check "recorded in the review history as review() records it" "not_implemented|implemented|fu_analyst_a|1" \
	"$(q "SELECT concat_ws('|', kansa.status(old_verdict), new_verdict::text, reviewed_by,
	                       (note LIKE 'vendor reply to finding $f_ni (file reply.xlsx)%')::int)
	        FROM kansa.response_review WHERE response_id = $r_ni")"
check "the history of the findings names who imported the reply" "4 fu_analyst_a" \
	"$(q "SELECT count(*) || ' ' || string_agg(DISTINCT by, ',') FROM kansa.finding_event
	       WHERE note LIKE 'reply imported from reply.xlsx%'")"
check "the summary has one high gap less, and agrees with the one recomputed" "$((high_before - 1)) 0" \
	"$(q "SELECT gaps_high FROM kansa.assessment_summary WHERE assessment_id = $a") $(q "SELECT count(*) FROM (
	      (SELECT * FROM kansa.assessment_summary EXCEPT ALL SELECT * FROM kansa.assessment_summary_recomputed)
	      UNION ALL (SELECT * FROM kansa.assessment_summary_recomputed EXCEPT ALL SELECT * FROM kansa.assessment_summary)) AS d")"
check "the findings counts of the summary" "11 0 2 2 0" \
	"$(q "SELECT concat_ws(' ', findings_open, findings_overdue, findings_answered, findings_closed, findings_risk_accepted)
	        FROM kansa.assessment_summary WHERE assessment_id = $a")"
snapshot > "$tmp/after"
check "nothing else of the assessment changed" "" "$(diff "$tmp/before" "$tmp/after")"

# The same file again: already loaded, nothing new
"$K" -d $db -U fu_analyst_a --no-progress --org 'Bank A' --vendor "$vendor" --service "$service" \
	--framework meti_cloud "$tmp/reply/reply.xlsx" > "$tmp/imp_r2" 2>&1
check "the same reply again: already loaded (exit 0)" "0 1" "$? $(grep -c '^already_loaded' "$tmp/imp_r2")"
check "and nothing new" "$((events_before + 4)) 1" \
	"$(q "SELECT count(*) FROM kansa.finding_event") $(q "SELECT count(*) FROM kansa.response_review WHERE response_id = $r_ni")"

# An analyst can still override the verdict the reply gave
check "review() overrides the reply's verdict" "partial|analyst" \
	"$(qa "SELECT verdict::text || '|' || verdict_source FROM kansa.review($r_ni, 'partial', 'the pledge covers new hires only')")"
# and reopen the finding
check "and reopen the finding" open "$(qa "SELECT state FROM kansa.finding_reopen($f_ni, 'see review')")"

# The English sheet, read by LibreOffice too
"$F" -d $db -U fu_analyst_a --assessment $a --language en -o "$tmp/followup_en.xlsx" > /dev/null 2>&1
mkdir "$tmp/csv_en"
lo_csv "$tmp/followup_en.xlsx" "$tmp/csv_en"
check "the English sheet: its header and one row per open or sent finding" "No.,Control,Title,Severity,Your answer,Why we ask,Question,Reply by,Status,Reply,Evidence 12" \
	"$(head -1 "$tmp/csv_en/followup_en-Findings.csv") $(($(grep -c '^[0-9]' "$tmp/csv_en/followup_en-Findings.csv")))"
