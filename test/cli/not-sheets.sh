#!/bin/bash
# Files that are not answer sheets are refused with what they are and what
# to do (issue: "say it, don't guess silently"): empty, PDF, legacy Office
# (OLE2 .xls/.doc), HTML (also Excel's "web page" .xls), and zip containers
# that are no xlsx workbook (.docx, .pptx, OpenDocument).  Each through
# read_sheet and import_sheet, with SQLSTATE 22P04 and the kind named.
# Prints "ok - ..." / "not ok - ..." lines; scripts/run-suite counts them.
set -u
# New organisations, vendors and services are announced with a NOTICE; these
# checks read psql's and kansa-import's output, so notices stay out of it.
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
cd "$(dirname "$0")/../.."
db=kansa_not_sheets
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"; dropdb --if-exists --force $db > /dev/null 2>&1' EXIT
dropdb --if-exists --force $db > /dev/null 2>&1
createdb -E UTF8 -T template0 $db
psql -X -q -d $db -c 'CREATE EXTENSION kansa'

perl -Itest/cli/lib -MTestZip - "$tmp" <<'PERL'
use strict;
use warnings;
my $dir = shift;
sub put { my ($name, $bytes) = @_; open my $f, '>:raw', "$dir/$name" or die; print $f $bytes; close $f; }
put('empty.xlsx', '');
put('report.pdf', "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj <<>> endobj\n");
put('legacy.xls', "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" . ("\0" x 504));
put('webpage.xls', "\xEF\xBB\xBF\r\n<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><body><table><tr><td>設1</td></tr></table></body></html>");
put('table.html', "<table><tr><td>ID</td><td>回答</td></tr></table>");
zipfile("$dir/answers.docx",
	{name => '[Content_Types].xml', data => '<Types/>'},
	{name => 'word/document.xml', data => '<w:document/>'});
zipfile("$dir/slides.pptx",
	{name => '[Content_Types].xml', data => '<Types/>'},
	{name => 'ppt/presentation.xml', data => '<p:presentation/>'});
zipfile("$dir/sheet.ods",
	{name => 'mimetype', data => 'application/vnd.oasis.opendocument.spreadsheet', method => 0},
	{name => 'content.xml', data => '<office:document-content/>'});
PERL

check() {	# check FILE KIND-WORDS
	local f=$1 words=$2 out
	out=$(psql -X -At -q -d $db -v ON_ERROR_STOP=0 -v VERBOSITY=verbose 2>&1 <<SQL
\set VERBOSITY verbose
SELECT count(*) FROM kansa.read_sheet(pg_read_binary_file('$tmp/$f'));
SELECT status FROM kansa.import_sheet('Bank N', 'V', 'S', 'fisc8', pg_read_binary_file('$tmp/$f'), '$f');
SQL
)
	if [ "$(echo "$out" | grep -c "ERROR:  22P04: .*$words")" = 2 ] && echo "$out" | grep -q 'HINT: .*\(xlsx\|answer sheet\)'; then
		echo "ok - not a sheet: $f is refused as $words, with what to do"
	else
		echo "not ok - not a sheet: $f is refused as $words (got: $(echo "$out" | grep -m1 ERROR))"
	fi
}
check empty.xlsx "file is empty"
check report.pdf "a PDF document"
check legacy.xls "legacy Office document"
check webpage.xls "an HTML page"
check table.html "an HTML page"
check answers.docx "a Word document"
check slides.pptx "a PowerPoint presentation"
check sheet.ods "an OpenDocument file"
