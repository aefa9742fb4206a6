#!/bin/bash
# The report in a real browser: kansa-report writes the page of every
# sample assessment (kansa.report_html()), Debian's headless Chromium loads
# it through the DevTools protocol (test/report/browse.js), takes a
# screenshot and prints a PDF; the page must load with no console error and
# no request, its heatmap must have one row per section with the counts of
# section_coverage, its gap rows must be those of the gaps view, and a
# sheet whose answers (and vendor and service names) hold <script>,
# <img onerror>, javascript: URLs and CSS breakouts must show them as text
# with no script run.  Also: --pdf, a missing Chromium, the option errors,
# and row-level security (another organisation's assessment does not exist).
# Prints "ok - ..." / "not ok - ..." lines for scripts/run-suite.
set -u
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
cd "$(dirname "$0")/../.."
K="$(pg_config --bindir)/kansa-import"
R="${KANSA_REPORT:-$(pg_config --bindir)/kansa-report}"
db=kansa_report_test
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; dropdb --if-exists $db > /dev/null 2>&1; psql -X -q -d postgres -c "DROP ROLE IF EXISTS rep_alice, rep_bank, rep_other" > /dev/null 2>&1' EXIT

check() {	# check NAME EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then
		echo "ok - report: $1"
	else
		echo "not ok - report: $1 (expected \"$2\", got \"$3\")"
	fi
}
q() { psql -X -At -d $db -c "$1"; }
# jget FILE EXPR: a value of the JSON object browse.js wrote (d)
jget() { node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); const v = eval(process.argv[2]); console.log(Array.isArray(v) ? v.join("\n") : v);' "$1" "$2"; }

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
	echo "not ok - report: chromium is installed (scripts/bootstrap installs it)"
	exit 0
fi
if ! command -v node > /dev/null; then
	echo "not ok - report: node is installed (scripts/bootstrap installs it)"
	exit 0
fi
# without a Japanese font Chromium draws Japanese text as nothing at all
check "a Japanese font is installed (fonts-noto-cjk)" yes \
	"$(fc-list :lang=ja family 2> /dev/null | grep -q . && echo yes || echo no)"

dropdb --if-exists $db > /dev/null 2>&1
createdb -E UTF8 -T template0 $db
psql -X -q -v ON_ERROR_STOP=1 -d $db -c 'CREATE EXTENSION kansa' > /dev/null
"$K" -d $db --no-progress -q --manifest test/fixtures/sheets/manifest.tsv > /dev/null
# a sheet and next year's, so that the report of the second has a trend
for f in asp_saas_example.csv asp_saas_example_2026.csv; do
	"$K" -d $db --no-progress -q --org 'Example Bank' --vendor 'Example Cloud' \
		--service 'Example SaaS' --framework asp_saas test/fixtures/sheets/$f > /dev/null
done
q "UPDATE kansa.service SET service_type = '文書管理', confidentiality = '高', availability = '高'
    WHERE name IN ('ものづくりコネクテッドクラウドサービス', 'Example SaaS')" > /dev/null
# hostile: the answers, the vendor's name and the service's name
hv="<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','vendor')\">株式会社</style>"
hs="</title><script>document.documentElement.setAttribute('data-pwned','service')</script>}{"
"$K" -d $db --no-progress -q --org 'Example Bank' --vendor "$hv" --service "$hs" \
	--framework asp_saas test/report/hostile.csv > /dev/null
check "the sample and hostile sheets load (five current assessments)" 5 "$(q 'SELECT count(*) FROM kansa.assessment_summary')"
hostile=$(q "SELECT assessment_id FROM kansa.assessment_summary WHERE file_name = 'hostile.csv'")
trend=$(q "SELECT assessment_id FROM kansa.assessment_summary WHERE file_name = 'asp_saas_example_2026.csv'")

# every current assessment, in the browser
for id in $(q 'SELECT assessment_id FROM kansa.assessment_summary ORDER BY assessment_id'); do
	name="assessment $id ($(q "SELECT framework || ', ' || file_name FROM kansa.assessment_summary WHERE assessment_id = $id"))"
	"$R" -d $db --assessment $id -o "$tmp/$id.html" 2> "$tmp/$id.err"
	check "$name: kansa-report writes the page (exit 0)" "0:" "$?:$(cat "$tmp/$id.err")"
	if ! node test/report/browse.js "$CHROMIUM" "$tmp/$id.html" "$tmp/$id.png" "$tmp/$id.pdf" \
			> "$tmp/$id.json" 2> "$tmp/$id.browse"; then
		echo "not ok - report: $name: Chromium loads the page ($(tail -3 "$tmp/$id.browse" | tr '\n' ' '))"
		continue
	fi
	check "$name: no console error or exception" "" "$(jget "$tmp/$id.json" 'd.errors')"
	check "$name: no request beyond the page (no external fetch)" "" "$(jget "$tmp/$id.json" 'd.requests')"
	check "$name: no script element, event handler or javascript: URL" "0 0 0" \
		"$(jget "$tmp/$id.json" '[d.scripts, d.handlers, d.jsLinks].join(" ")')"
	check "$name: the heatmap has one row per section of section_coverage" \
		"$(q "SELECT count(*) FROM kansa.section_coverage WHERE assessment_id = $id")" \
		"$(jget "$tmp/$id.json" 'd.heatmapRows')"
	expected=$(q "SELECT concat_ws('|', coalesce(section, ''), controls_in_scope,
						'implemented=' || implemented, 'partial=' || partial, 'planned=' || planned,
						'not_implemented=' || not_implemented, 'unclear=' || unclear,
						'unanswered=' || unanswered, 'not_applicable=' || not_applicable)
					FROM kansa.section_coverage WHERE assessment_id = $id
				   ORDER BY section_position NULLS LAST, section")
	check "$name: heatmap sections in document order with the counts of section_coverage, each cell labelled" \
		"$expected" "$(jget "$tmp/$id.json" 'd.heatmap')"
	check "$name: a legend of the seven statuses and five shades" 12 "$(jget "$tmp/$id.json" 'd.legend')"
	expected=$(q "SELECT control || '|' || severity || '|' || gap_kind FROM kansa.gaps
				   WHERE assessment_id = $id ORDER BY severity_rank, position, control")
	check "$name: the gap rows are the gaps view's, most severe first ($(echo "$expected" | grep -c .))" \
		"$expected" "$(jget "$tmp/$id.json" 'd.gaps')"
	check "$name: in print, each part after the first starts a page, and the long tables repeat their header (vendor and service)" \
		"$(jget "$tmp/$id.json" '[d.parts - 1, d.print.runningTotal > 0].join(" ")')" \
		"$(jget "$tmp/$id.json" '[d.print.breaks, d.print.running === d.print.runningTotal].join(" ")')"
	check "$name: a screenshot (PNG) and a PDF" "PNG %PDF" \
		"$(head -c 4 "$tmp/$id.png" | tail -c 3) $(head -c 4 "$tmp/$id.pdf")"
	if [ "$id" = "$trend" ]; then
		check "$name: a trend over the two sheets (score and coverage lines)" 2 "$(jget "$tmp/$id.json" 'd.trend')"
	elif [ "$id" = "$(q 'SELECT min(assessment_id) FROM kansa.assessment_summary')" ]; then
		check "$name: no trend for a first sheet" 0 "$(jget "$tmp/$id.json" 'd.trend')"
	fi
done

# the hostile sheet: every payload is text on the page, nothing ran
j="$tmp/$hostile.json"
check "hostile: no script ran (no data-pwned attribute set)" 0 "$(jget "$j" 'd.pwned')"
check "hostile: no element came from the answers (script, img, iframe, handlers, javascript: URLs)" \
	"0 0 0 0 0" "$(jget "$j" '[d.scripts, d.images, d.frames, d.handlers, d.jsLinks].join(" ")')"
check "hostile: the CSS breakouts changed no style (one style element, body shown)" "1 block" \
	"$(jget "$j" '[d.styles, d.bodyDisplay].join(" ")')"
check "hostile: the title shows the vendor's and service's names as text" \
	"委託先評価報告書 — $hv / $hs (asp_saas)" "$(jget "$j" 'd.title')"
# every hostile answer is a gap, so the page shows its words
q "SELECT r.raw_text FROM kansa.response AS r JOIN kansa.gaps AS g ON g.response_id = r.id
    WHERE r.assessment_id = $hostile ORDER BY r.id" > "$tmp/payloads"
printf '%s\n%s\n' "$hv" "$hs" >> "$tmp/payloads"
missing=$(node -e '
	const fs = require("fs");
	const d = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
	const p = fs.readFileSync(process.argv[2], "utf8").split("\n").filter((l) => l);
	const m = p.filter((l) => !d.text.includes(l));
	console.log(m.length + " of " + p.length + m.map((l) => " [" + l + "]").join(""));' "$j" "$tmp/payloads")
check "hostile: every answer and name shows on the page exactly as written" "0 of 9" "$missing"

# --pdf: Chromium prints the page; without Chromium it says so
"$R" -d $db --assessment "$trend" --lang en --pdf "$tmp/trend.pdf" 2> "$tmp/pdf.err"
check "--pdf prints the page with headless Chromium (exit 0, a PDF)" "0 %PDF" \
	"$? $(head -c 4 "$tmp/trend.pdf" 2> /dev/null)"
check "--pdf alone leaves no HTML file behind" "" "$(ls "$tmp" | grep 'trend.pdf.kansa-report' || true)"
KANSA_CHROMIUM=/nonexistent/chromium "$R" -d $db --assessment "$trend" -o "$tmp/x.html" \
	--pdf "$tmp/x.pdf" 2> "$tmp/nochrome.err"
check "--pdf without Chromium: exit 2, nothing written" "2 no no" \
	"$? $([ -e "$tmp/x.html" ] && echo yes || echo no) $([ -e "$tmp/x.pdf" ] && echo yes || echo no)"
check "--pdf without Chromium says so" 1 \
	"$(grep -c 'cannot print a PDF: Chromium is not installed at "/nonexistent/chromium"' "$tmp/nochrome.err")"
PATH=/nonexistent "$R" -d $db --assessment "$trend" --pdf "$tmp/y.pdf" 2> "$tmp/nochrome2.err"
check "--pdf with no Chromium on PATH says so and how to install it" "2 1" \
	"$? $(grep -c "Install Debian's chromium package" "$tmp/nochrome2.err")"

# errors: the server's, passed on
"$R" -d $db --assessment 0 -o "$tmp/0.html" 2> "$tmp/missing.err"
check "a missing assessment: exit 1 and the server's error" "1 1" \
	"$? $(grep -c 'assessment 0 does not exist' "$tmp/missing.err")"
"$R" -d $db --assessment "$trend" --lang fr 2> "$tmp/lang.err" > /dev/null
check "a bad --lang: exit 1 and the server's error" "1 1" \
	"$? $(grep -c 'invalid value for report option "lang": "fr"' "$tmp/lang.err")"
"$R" -d $db 2> "$tmp/usage.err"
check "no --assessment: exit 2" "2 1" "$? $(grep -c 'no assessment given' "$tmp/usage.err")"
check "English: lang=\"en\" and English headings" "en 1" \
	"$("$R" -d $db --assessment "$trend" --lang en | grep -o '<html lang="[a-z]*"' | cut -d'"' -f2) $("$R" -d $db --assessment "$trend" --lang en | grep -c '<h1>Vendor assessment report</h1>')"

# row-level security: a tenant's analyst sees its own report, and another
# organisation's assessment does not exist
"$K" -d $db --no-progress -q --org 'Other Bank' --vendor 'Other Vendor' --service 'Other Service' \
	--framework asp_saas test/fixtures/sheets/asp_saas_example.csv > /dev/null
other=$(q "SELECT assessment_id FROM kansa.assessment_summary WHERE organization = 'Other Bank'")
psql -X -q -d $db > /dev/null <<'SQL'
CREATE ROLE rep_bank NOLOGIN;
CREATE ROLE rep_other NOLOGIN;
CREATE ROLE rep_alice NOLOGIN IN ROLE kansa_analyst, rep_bank;
UPDATE kansa.organization SET tenant_role = 'rep_bank' WHERE name = 'Example Bank';
UPDATE kansa.organization SET tenant_role = 'rep_other' WHERE name = 'Other Bank';
SQL
PGOPTIONS="$PGOPTIONS -c role=rep_alice" "$R" -d $db --assessment "$trend" -o "$tmp/alice.html" 2> "$tmp/alice.err"
check "a tenant's analyst writes the report of its assessment" "0" "$?"
check "... with the same heatmap and gap rows as the superuser's" \
	"$(grep -o 'data-section="[^"]*" data-controls="[^"]*"\|data-status="[a-z_]*" data-count="[0-9]*"\|data-control="[^"]*" data-severity="[a-z]*"' "$tmp/$trend.html")" \
	"$(grep -o 'data-section="[^"]*" data-controls="[^"]*"\|data-status="[a-z_]*" data-count="[0-9]*"\|data-control="[^"]*" data-severity="[a-z]*"' "$tmp/alice.html")"
check "... and nothing of the other organisation's" 0 "$(grep -c 'Other Bank\|Other Vendor' "$tmp/alice.html")"
PGOPTIONS="$PGOPTIONS -c role=rep_alice" "$R" -d $db --assessment "$other" -o "$tmp/other.html" 2> "$tmp/other.err"
check "another organisation's assessment does not exist for it" "1 1" \
	"$? $(grep -c "assessment $other does not exist" "$tmp/other.err")"
check "a role without kansa_analyst or kansa_importer may not call report_html()" 42501 \
	"$(psql -X -q -d $db -v VERBOSITY=verbose -c "SET ROLE rep_bank" -c "SELECT kansa.report_html($trend)" 2>&1 |
		grep -o '42501' | head -1)"
