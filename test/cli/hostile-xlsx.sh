#!/bin/bash
# Hostile workbooks: zip containers and XML parts built here (no binaries
# from elsewhere) that read_sheet must refuse with a clean error, leaving the
# server up (the hostile-input test plan (README, Security model), "XML" and "Zip containers").
# Prints "ok - ..." / "not ok - ..." lines; scripts/run-suite counts them.
set -u
cd "$(dirname "$0")/../.."
db=kansa_hostile
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"; dropdb --if-exists $db > /dev/null 2>&1' EXIT
dropdb --if-exists $db > /dev/null 2>&1
createdb -E UTF8 -T template0 $db
psql -X -q -d $db -c 'CREATE EXTENSION kansa'
start=$(psql -X -At -d $db -c 'SELECT pg_postmaster_start_time()')

perl - "$tmp" <<'PERL'
use strict;
use warnings;
use Compress::Zlib;
my $dir = shift;

# A zip writer with every field in our hands: entries are
# [name, data, method (0 stored, 8 deflated), usize (declared), crc, local name, offset].
sub zipfile {
	my ($file, @entries) = @_;
	my ($body, $cd) = ('', '');
	for my $e (@entries) {
		my ($name, $data, $method, $usize, $crc, $lname, $offset) = @$e;
		my $raw = $data;
		my $comp = $method == 8 ? do {
			my ($d) = deflateInit(-WindowBits => -MAX_WBITS);
			my ($o1) = $d->deflate($raw); my ($o2) = $d->flush; $o1 . $o2 } : $raw;
		$usize //= length $raw;
		$crc //= crc32($raw);
		$lname //= $name;
		my $off = $offset // length $body;
		if (!defined $offset) {
			$body .= pack('VvvvvvVVVvv', 0x04034b50, 20, 0, $method, 0, 0, $crc,
				length $comp, $usize, length $lname, 0) . $lname . $comp;
		}
		$cd .= pack('VvvvvvvVVVvvvvvVV', 0x02014b50, 20, 20, 0, $method, 0, 0, $crc,
			length $comp, $usize, length $name, 0, 0, 0, 0, 0, $off) . $name;
	}
	my $n = @entries > 0xFFFE ? 0xFFFE : scalar @entries;
	open my $f, '>:raw', "$dir/$file" or die $!;
	print $f $body, $cd, pack('VvvvvVVv', 0x06054b50, 0, 0, $n, $n, length $cd, length $body, 0);
	close $f;
}
# a minimal workbook around a sheet part
sub workbook {
	my ($file, $sheet, @more) = @_;
	zipfile($file,
		['_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>', 8],
		['xl/workbook.xml', '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="r1"/></sheets></workbook>', 8],
		['xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>', 8],
		['xl/worksheets/sheet1.xml', $sheet, 8], @more);
}
my $ok = '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>設1</t></is></c></row></sheetData></worksheet>';
workbook('ok.xlsx', $ok);
workbook('xxe.xlsx', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>');
workbook('dtd.xlsx', '<!DOCTYPE worksheet SYSTEM "http://127.0.0.1:9/x.dtd"><worksheet/>');
workbook('laughs.xlsx', '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">' .
	join('', map { my $p = chr(97 + $_ - 1); my $c = chr(97 + $_); "<!ENTITY $c \"" . ("&$p;" x 10) . "\">" } 1 .. 9) .
	']><worksheet><sheetData><row><c t="inlineStr"><is><t>&j;</t></is></c></row></sheetData></worksheet>');
workbook('deep.xlsx', '<worksheet>' . ('<a>' x 100000) . ('</a>' x 100000) . '</worksheet>');
{
	# random letters, so that the part does not trip the ratio guard first
	srand(42);
	my $text = join '', map { chr(97 + int rand 26) } 1 .. 11 * 1024 * 1024;
	workbook('bigtext.xlsx', '<worksheet><sheetData><row><c t="inlineStr"><is><t>' . $text . '</t></is></c></row></sheetData></worksheet>');
}
workbook('bigname.xlsx', '<worksheet><' . ('n' x 60000) . '/></worksheet>');
workbook('zeros.xlsx', '<worksheet>' . (' ' x (200 * 1024 * 1024)) . '</worksheet>');
workbook('dup.xlsx', $ok, ['xl/worksheets/sheet1.xml', $ok, 8]);
workbook('lie.xlsx', $ok, ['xl/sharedStrings.xml', '<sst>' . ('<si><t>x</t></si>' x 50000) . '</sst>', 8, 1024]);
workbook('crc.xlsx', $ok, ['xl/sharedStrings.xml', '<sst/>', 8, undef, 12345]);
workbook('names.xlsx', $ok, ['xl/sharedStrings.xml', '<sst/>', 8, undef, undef, 'xl/sharedstrings.xml']);
# overlapping entries: a second entry whose local header sits inside the first's data
{
	my $inner = pack('VvvvvvVVVvv', 0x04034b50, 20, 0, 0, 0, 0, crc32('<sst/>'), 6, 6, 1, 0) . 'y' . '<sst/>';
	zipfile('overlap.xlsx', ['x', $inner . $inner, 0], ['y', '<sst/>', 0, undef, undef, undef, 0 + 30 + 1 + 0]);
}
zipfile('many.xlsx', map { ["f$_", '', 0] } 1 .. 100000);
# a workbook holding a nested zip: never opened
workbook('nested.xlsx', $ok, ['xl/embeddings/inner.zip', 'PK' . ("\0" x 100), 0]);
PERL

check() {	# check NAME FILE EXPECTED-ERROR-SUBSTRING
	local out
	out=$(psql -X -At -d $db -c "SELECT count(*) FROM kansa.read_sheet(pg_read_binary_file('$tmp/$2'))" 2>&1)
	if [ -z "$3" ] && [ "$out" = "1" ]; then
		echo "ok - hostile xlsx: $1"
	elif [ -n "$3" ] && echo "$out" | grep -q -- "$3" && ! echo "$out" | grep -q 'root:'; then
		echo "ok - hostile xlsx: $1"
	else
		echo "not ok - hostile xlsx: $1 (got: $out)"
	fi
}
check "a plain workbook reads" ok.xlsx ""
check "XXE through a DOCTYPE is refused" xxe.xlsx "document type declaration"
check "an external DTD is refused, never fetched" dtd.xlsx "document type declaration"
check "billion laughs is refused" laughs.xlsx "document type declaration"
check "100,000 nested elements" deep.xlsx "could not parse xlsx part"
check "an 11 MB text node hits kansa's cap" bigtext.xlsx "holds a text longer than"
check "a 60 KB element name hits kansa's cap" bigname.xlsx "holds a name longer than"
check "200 MB of blanks deflated: ratio guard" zeros.xlsx "inflates more than 100 times"
check "duplicate sheet1.xml" dup.xlsx "duplicate entry"
check "directory says 1 KB, entry holds more" lie.xlsx "inflates to more than its declared size"
check "CRC mismatch" crc.xlsx "CRC-32 mismatch"
check "local and central names differ" names.xlsx "local and central directory names differ"
check "overlapping entries" overlap.xlsx "entries overlap"
check "100,000 entries" many.xlsx "more than 10000 zip entries"
check "a nested zip is never opened" nested.xlsx ""
psql -X -q -d $db -c "SET kansa.import_max_inflated_size = '1MB'" \
	-c "SELECT count(*) FROM kansa.read_sheet(pg_read_binary_file('$tmp/lie.xlsx'))" > "$tmp/cap.out" 2>&1
if grep -q "inflates to more than 1048576 bytes\|inflates to more than its declared size" "$tmp/cap.out"; then
	echo "ok - hostile xlsx: the inflated-bytes cap is a setting"
else
	echo "not ok - hostile xlsx: the inflated-bytes cap is a setting ($(cat "$tmp/cap.out"))"
fi
# core's libxml2 state is intact after the failures, and the server never restarted
out=$(psql -X -At -d $db -c "SELECT xmlparse(document '<a>1</a>')::text" -c "SELECT pg_postmaster_start_time() = '$start'" 2>&1)
if [ "$out" = "$(printf '<a>1</a>\nt')" ]; then
	echo "ok - hostile xlsx: xmlparse works afterwards and the postmaster did not restart"
else
	echo "not ok - hostile xlsx: after the failures: $out"
fi
