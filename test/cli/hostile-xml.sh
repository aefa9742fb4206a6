#!/bin/bash
# Hostile XML and zip parts, continued from hostile-xlsx.sh: every XML part a
# workbook has, through every path that reads one (read_sheet, sheet_answers,
# import_sheet, kansa-import), in encodings that hide a DOCTYPE from a byte
# scan; network fetches against a loopback listener; the backend's memory
# (VmHWM, VmRSS of /proc/self/status) around entity and zip bombs and 10,000
# malformed imports; statement_timeout on a huge sheet
# (the hostile-input test plan (README, Security model), "XML" and "Zip containers").
#
# kansa has one XML reader, sheet_xlsx.c (libxml2's streaming reader); the
# catalogs are TSV, so the xlsx parts are the only XML paths there are.
# Prints "ok - ..." / "not ok - ..." lines; scripts/run-suite counts them.
set -u
# New organisations, vendors and services are announced with a NOTICE; these
# checks read psql's and kansa-import's output, so notices stay out of it.
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
cd "$(dirname "$0")/../.."
K="${KANSA_IMPORT:-$(pg_config --bindir)/kansa-import}"
db=kansa_hostile_xml
tmp=$(mktemp -d)
chmod 755 "$tmp"
listener=
cleanup() {
	[ -n "$listener" ] && kill "$listener" 2> /dev/null
	rm -rf "$tmp"
	dropdb --if-exists $db > /dev/null 2>&1
}
trap cleanup EXIT
dropdb --if-exists $db > /dev/null 2>&1
createdb -E UTF8 -T template0 $db
psql -X -q -d $db -c 'CREATE EXTENSION kansa'
start=$(psql -X -At -d $db -c 'SELECT pg_postmaster_start_time()')

# the backend's memory in kB, from its own /proc/self/status
psql -X -q -d $db <<'SQL'
CREATE FUNCTION mem(field text) RETURNS bigint LANGUAGE sql
	AS $$ SELECT (regexp_match(pg_read_file('/proc/self/status'), field || ':\s+(\d+) kB'))[1]::bigint $$;
SQL
if ! memprobe=$(psql -X -At -d $db -c "SELECT mem('VmHWM') > 0 AND mem('VmRSS') > 0 AND mem('RssAnon') > 0" 2>&1) ||
	[ "$memprobe" != t ]; then
	memprobe="cannot read VmHWM/VmRSS/RssAnon from the backend's /proc/self/status: $memprobe"
else
	memprobe=
fi

# the server log, to look for leaked file contents in it later
log=$(pg_lsclusters -h 2> /dev/null | awk -v p="${PGPORT:-5432}" '$3 == p { print $7 }')
if [ -n "$log" ] && [ -r "$log" ]; then
	logstart=$(stat -c %s "$log")
else
	log=
fi

# a loopback HTTP listener that counts connections, and serves a leak if asked
perl -MIO::Socket::INET -e '
	my ($portfile, $countfile) = @ARGV;
	my $s = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => 0,
		Listen => 16, ReuseAddr => 1) or die "listen: $!\n";
	open my $c, ">", $countfile or die; close $c;
	open my $p, ">", "$portfile.tmp" or die; print $p $s->sockport, "\n"; close $p;
	rename "$portfile.tmp", $portfile;
	while (my $conn = $s->accept) {
		open my $l, ">>", $countfile or die; print $l "connection\n"; close $l;
		print $conn "HTTP/1.0 200 OK\r\nContent-Type: application/xml-dtd\r\n\r\n<!ENTITY leak \"root:x:0:0\">\n";
		close $conn;
	}' "$tmp/port" "$tmp/connections" &
listener=$!
for _ in $(seq 100); do
	[ -s "$tmp/port" ] && break
	sleep 0.1
done
port=$(cat "$tmp/port" 2> /dev/null)

perl -Itest/cli/lib - "$tmp" "${port:-9}" <<'PERL'
use strict;
use warnings;
use Encode;
use MIME::Base64;
use TestZip;
my ($dir, $port) = @ARGV;

my $ok = sheet_xml([['ID', 'Answer'], ['設1', '実施しています。']]);
workbook("$dir/ok.xlsx", $ok);

# A part in an encoding: the XML declaration names it, and for UTF-16 a BOM
# (or none: libxml2 detects "<?" in UTF-16LE) comes first.  In all but
# UTF-8 the bytes "<!DOCTYPE" never appear, so only libxml2 can see it.
my %enc = (
	utf8 => sub { '<?xml version="1.0" encoding="UTF-8"?>' . $_[0] },
	utf16le => sub { "\xFF\xFE" . encode('UTF-16LE', '<?xml version="1.0" encoding="UTF-16"?>' . $_[0]) },
	utf16be => sub { "\xFE\xFF" . encode('UTF-16BE', '<?xml version="1.0" encoding="UTF-16"?>' . $_[0]) },
	utf16nobom => sub { encode('UTF-16LE', '<?xml version="1.0" encoding="UTF-16"?>' . $_[0]) },
	utf7 => sub {
		my $x = $_[0];
		$x =~ s/<!/+ADwAIQ-/g;	# "<!" in UTF-7
		'<?xml version="1.0" encoding="UTF-7"?>' . $x;
	},
	ebcdic => sub { encode('cp37', '<?xml version="1.0" encoding="IBM037"?>' . $_[0]) },
);
open my $encs, '>', "$dir/encodings" or die;
print $encs join(' ', sort keys %enc), "\n";
close $encs;

# XXE in every part kansa parses, each with a root element of its kind
my %root = (
	'_rels/.rels' => ['Relationships', '<Relationship Id="r1" Type="x/officeDocument" Target="&e;"/>'],
	'xl/workbook.xml' => ['workbook', '<sheets><sheet name="&e;" sheetId="1" id="rId1"/></sheets>'],
	'xl/_rels/workbook.xml.rels' => ['Relationships', '<Relationship Id="rId1" Type="x/worksheet" Target="&e;"/>'],
	'xl/sharedStrings.xml' => ['sst', '<si><t>&e;</t></si>'],
	'xl/worksheets/sheet1.xml' => ['worksheet', '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData>'],
);
my $n = 0;
open my $parts, '>', "$dir/xxe-parts" or die;
for my $part (sort keys %root) {
	my ($el, $inner) = @{$root{$part}};
	$n++;
	print $parts "$n $part\n";
	for my $e (sort keys %enc) {
		my $doc = $enc{$e}->(qq{<!DOCTYPE $el [<!ENTITY e SYSTEM "file:///etc/passwd">]><$el>$inner</$el>});
		workbook("$dir/xxe-$n-$e.xlsx", $ok, { name => $part, data => $doc });
	}
}
close $parts;

# fetches over http to the listener: none may happen, whatever the encoding
my $url = "http://127.0.0.1:$port";
my %net = (
	'external DTD' => qq{<!DOCTYPE worksheet SYSTEM "$url/ext.dtd"><worksheet/>},
	'public DTD' => qq{<!DOCTYPE worksheet PUBLIC "-//K//DTD K//EN" "$url/pub.dtd"><worksheet/>},
	'parameter entity' => qq{<!DOCTYPE worksheet [<!ENTITY % p SYSTEM "$url/p.dtd"> %p;]><worksheet>&leak;</worksheet>},
	'external entity' => qq{<!DOCTYPE worksheet [<!ENTITY e SYSTEM "$url/e.xml">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>},
	'XInclude' => qq{<worksheet xmlns:xi="http://www.w3.org/2001/XInclude"><sheetData><row><c t="inlineStr"><is><t>x</t></is></c></row></sheetData><xi:include href="$url/xi.xml"/></worksheet>},
	'schema location' => qq{<worksheet xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:x $url/s.xsd"><sheetData/></worksheet>},
	'stylesheet PI' => qq{<?xml-stylesheet type="text/xsl" href="$url/s.xsl"?><worksheet><sheetData/></worksheet>},
);
$n = 0;
open my $nets, '>', "$dir/net-cases" or die;
for my $case (sort keys %net) {
	$n++;
	print $nets "$n $case\n";
	for my $e (sort keys %enc) {
		workbook("$dir/net-$n-$e.xlsx", $enc{$e}->($net{$case}));
	}
}
close $nets;
# an external relationship to the listener: a link out of the package, never followed
workbook("$dir/net-rel.xlsx", $ok,
	{ name => 'xl/workbook.xml', data => '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/><sheet name="T" sheetId="2" r:id="rId9"/></sheets></workbook>' },
	{ name => 'xl/_rels/workbook.xml.rels', data => qq{<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId9" Type="x/worksheet" Target="$url/sheet2.xml" TargetMode="External"/></Relationships>} });

# entity bombs: billion laughs (10 x 10) and quadratic blow-up (a 50,000
# character entity referenced 20,000 times: 1 GB), plain and hidden
my $laughs = '<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">' .
	join('', map { my $p = chr(96 + $_); my $c = chr(97 + $_); "<!ENTITY $c \"" . ("&$p;" x 10) . "\">" } 1 .. 9) .
	']><worksheet><sheetData><row><c t="inlineStr"><is><t>&j;</t></is></c></row></sheetData></worksheet>';
my $quad = '<!DOCTYPE q [<!ENTITY x "' . ('x' x 50000) . '">]><worksheet><sheetData><row><c t="inlineStr"><is><t>' .
	('&x;' x 20000) . '</t></is></c></row></sheetData></worksheet>';
for my $e ('utf8', 'utf16le') {
	workbook("$dir/laughs-$e.xlsx", $enc{$e}->($laughs));
	workbook("$dir/quad-$e.xlsx", $enc{$e}->($quad));
}

# zip bombs.  1 GB of zeros deflated (fast level: 4.7 MB, a ratio of 229),
# declared honestly: the inflated-bytes cap (256 MB) refuses it
my $i = 0;
my $mb = "\0" x (1 << 20);
my ($z1g, $z1glen, $z1gcrc) = pack_entry({ level => 1, gen => sub { $i++ < 1024 ? $mb : undef } });
workbook("$dir/zeros-1g.xlsx", $ok, { name => 'xl/worksheets/sheet1.xml', comp => $z1g, len => $z1glen, crc => $z1gcrc });
# the same part declared as 250 MB (ratio 53, under the cap): inflating must
# stop at 250 MB, so memory peaks about the cap and no further
workbook("$dir/zeros-250m.xlsx", $ok, { name => 'xl/worksheets/sheet1.xml', comp => $z1g, len => $z1glen, crc => $z1gcrc, usize => 250 << 20 });
# directory says 1 KB, the entry holds 500 MB
$i = 0;
my ($z500, $z500len, $z500crc) = pack_entry({ gen => sub { $i++ < 500 ? $mb : undef } });
workbook("$dir/zeros-lie.xlsx", $ok, { name => 'xl/worksheets/sheet1.xml', comp => $z500, len => $z500len, crc => $z500crc, usize => 1024 });
# two parts of 10 MB of incompressible text each, against a 16 MB cap
open my $ur, '<:raw', '/dev/urandom' or die;
my @si;
for (1 .. 120) {
	read $ur, my $r, 65536;
	push @si, '<si><t>' . encode_base64($r, '') . '</t></si>';
}
my @cells = map { "<c t=\"s\"><v>$_</v></c>" } 0 .. 119;
my $pad = '';
for (1 .. 120) {
	read $ur, my $r, 65536;
	$pad .= '<row><c t="inlineStr"><is><t>' . encode_base64($r, '') . '</t></is></c></row>';
}
close $ur;
workbook("$dir/sum.xlsx", '<worksheet><sheetData><row>' . join('', @cells) . "</row>$pad</sheetData></worksheet>",
	{ name => 'xl/sharedStrings.xml', data => '<sst>' . join('', @si) . '</sst>' });

# a huge sheet for statement_timeout: 100,000 rows of 100 numbers (10
# million cells, 150 MB of XML); a 1,000-row block repeated, which deflate
# cannot see across its 32 KB window
my $block = '';
for my $r (1 .. 1000) {
	$block .= '<row>' . join('', map { '<c><v>' . (($r * 7919 + $_ * 104729) % 1000003) . '</v></c>' } 1 .. 100) . '</row>';
}
workbook("$dir/huge.xlsx", '', { name => 'xl/worksheets/sheet1.xml', level => 1,
	data => '<worksheet><sheetData>' . ($block x 100) . '</sheetData></worksheet>' });

# malformed workbooks of ten kinds, for 10,000 imports in one session
my @bad = (
	['badxml', sub { workbook($_[0], '<worksheet><sheetData><row><c') }],
	['mismatch', sub { workbook($_[0], '<worksheet><sheetData></row></worksheet>') }],
	['doctype', sub { workbook($_[0], '<!DOCTYPE worksheet><worksheet/>') }],
	['hidden', sub { workbook($_[0], $enc{utf16le}->('<!DOCTYPE worksheet [<!ENTITY e "x">]><worksheet/>')) }],
	['badutf8', sub { workbook($_[0], "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>\xC0\x80\xFF</t></is></c></row></sheetData></worksheet>") }],
	['crc', sub { workbook($_[0], $ok, { name => 'xl/worksheets/sheet1.xml', data => $ok, crc => 12345 }) }],
	['lie', sub { workbook($_[0], $ok, { name => 'xl/worksheets/sheet1.xml', data => $ok . (' ' x 5000), usize => 100 }) }],
	['sst', sub { workbook($_[0], '<worksheet><sheetData><row><c t="s"><v>99</v></c></row></sheetData></worksheet>') }],
	['truncated', sub { workbook($_[0], $ok); truncate $_[0], 300 }],
	['bigtext', sub { workbook($_[0], '<worksheet><sheetData><row><c t="inlineStr"><is><t>' . ('ab' x 600000) . '</t></is></c></row></sheetData></worksheet>') }],
);
$n = 0;
for my $b (@bad) {
	$n++;
	$b->[1]->("$dir/bad-$n.xlsx");
}
PERL

# Run SQL in one session with verbose errors and every context line shown.
verbose() {
	psql -X -At -d $db -v VERBOSITY=verbose -v SHOW_CONTEXT=always -c "$1" 2>&1
}
# ERROR of class 22 (data exception) or 54 (program limit), nothing leaked
clean_error() {
	echo "$1" | grep -Eq '^ERROR:  (22|54)[0-9A-Z]{3}: ' && ! echo "$1" | grep -q 'root:'
}

# 1. XXE in every part, every encoding, every path
encodings=$(cat "$tmp/encodings")
while read -r n part; do
	bad=""
	for e in $encodings; do
		f="$tmp/xxe-$n-$e.xlsx"
		for sql in "SELECT count(*) FROM kansa.read_sheet(pg_read_binary_file('$f'))" \
			"SELECT count(*) FROM kansa.sheet_answers(pg_read_binary_file('$f'), 'fisc8')" \
			"SELECT status FROM kansa.import_sheet('O', 'V', 'S', 'fisc8', pg_read_binary_file('$f'), 'xxe.xlsx')"; do
			out=$(verbose "$sql")
			clean_error "$out" || bad="$bad [$e: ${sql%%(*}: $(echo "$out" | head -1)]"
		done
		out=$("$K" -d $db --no-progress --org O --vendor V --service S --framework fisc8 "$f" 2>&1)
		if [ $? -ne 1 ] || echo "$out" | grep -q 'root:' || ! echo "$out" | grep -q '^error '; then
			bad="$bad [$e: kansa-import: $(echo "$out" | head -1)]"
		fi
	done
	if [ -z "$bad" ]; then
		echo "ok - hostile xml: XXE in $part, in $encodings, through read_sheet, sheet_answers, import_sheet and kansa-import: clean ERROR, no root:"
	else
		echo "not ok - hostile xml: XXE in $part:$bad"
	fi
done < "$tmp/xxe-parts"
check=$(psql -X -At -d $db -c "SELECT count(*) FROM kansa.import_batch")
if [ "$check" = 0 ]; then
	echo "ok - hostile xml: no XXE workbook left a batch behind"
else
	echo "not ok - hostile xml: XXE workbooks left $check batches"
fi

# 2. network: nothing reaches the listener
if [ -z "$port" ]; then
	echo "not ok - hostile xml: the loopback listener did not start"
else
	while read -r n case; do
		bad=""
		for e in $encodings; do
			out=$(verbose "SELECT count(*) FROM kansa.read_sheet(pg_read_binary_file('$tmp/net-$n-$e.xlsx'))")
			if echo "$out" | grep -q 'root:' || echo "$out" | grep -Eq '^ERROR:  (XX|58|57)'; then
				bad="$bad [$e: $(echo "$out" | head -1)]"
			fi
		done
		conns=$(wc -l < "$tmp/connections")
		if [ -z "$bad" ] && [ "$conns" -eq 0 ]; then
			echo "ok - hostile xml: $case over http to 127.0.0.1:$port, in $encodings: the listener saw 0 connections"
		else
			echo "not ok - hostile xml: $case: $conns connections to the listener$bad"
		fi
	done < "$tmp/net-cases"
	out=$(verbose "SELECT string_agg(sheet || ':' || value, ',') FROM kansa.read_sheet(pg_read_binary_file('$tmp/net-rel.xlsx'))")
	conns=$(wc -l < "$tmp/connections")
	if [ "$out" = "S:ID,S:Answer,S:設1,S:実施しています。" ] && [ "$conns" -eq 0 ]; then
		echo "ok - hostile xml: an external relationship to the listener is never followed (0 connections)"
	else
		echo "not ok - hostile xml: external relationship: $out; $conns connections"
	fi
	# the listener does count: one connection of our own is seen
	perl -MIO::Socket::INET -e 'my $s = IO::Socket::INET->new("127.0.0.1:$ARGV[0]") or exit 1; print $s "GET / HTTP/1.0\r\n\r\n"; local $/; <$s>;' "$port"
	conns=$(wc -l < "$tmp/connections")
	if [ "$conns" -eq 1 ]; then
		echo "ok - hostile xml: the listener counts connections (one of the test's own seen)"
	else
		echo "not ok - hostile xml: the listener saw $conns connections of the test's one"
	fi
fi

# 3. memory.  memcase NAME FILE LIMIT_MB ERROR-SUBSTRING [SQL run first]:
# peak (VmHWM) growth of the backend across the import under LIMIT_MB.  The
# peak is reset first (5 into /proc/self/clear_refs, written by the backend
# itself through COPY), so that reading the file does not count.
memcase() {
	local out h0 r0 h1 r1 err
	if [ -n "$memprobe" ]; then
		echo "not ok - hostile xml: $1: skipped, $memprobe"
		return
	fi
	out=$(psql -X -At -F ' ' -d $db 2>&1 <<SQL
${5:-}
SELECT count(*) FROM kansa.read_sheet(pg_read_binary_file('$tmp/ok.xlsx'));
CREATE TEMP TABLE f AS SELECT pg_read_binary_file('$tmp/$2') AS content;
COPY (SELECT 5) TO '/proc/self/clear_refs';
SELECT 'before', mem('VmHWM'), mem('VmRSS');
SELECT count(*) FROM kansa.read_sheet((SELECT content FROM f));
SELECT 'after', mem('VmHWM'), mem('VmRSS');
SQL
)
	read -r _ h0 r0 <<< "$(echo "$out" | grep '^before ')"
	read -r _ h1 r1 <<< "$(echo "$out" | grep '^after ')"
	err=$(echo "$out" | grep '^ERROR:' | head -1)
	if echo "$out" | grep -q 'clear_refs'; then
		echo "not ok - hostile xml: $1: skipped, the backend could not reset its peak: $(echo "$out" | grep clear_refs)"
	elif [ -z "${h0:-}" ] || [ -z "${h1:-}" ]; then
		echo "not ok - hostile xml: $1: no memory figures ($out)"
	elif echo "$err" | grep -qF -- "$4" && [ $(((h1 - h0) / 1024)) -lt "$3" ]; then
		echo "ok - hostile xml: $1: ${err#ERROR:  }; peak grew $(((h1 - h0) / 1024)) MB (limit $3 MB; VmHWM $((h0 / 1024)) -> $((h1 / 1024)) MB, VmRSS $((r0 / 1024)) -> $((r1 / 1024)) MB)"
	else
		echo "not ok - hostile xml: $1: ${err:-no error}; peak grew $(((h1 - h0) / 1024)) MB (limit $3 MB)"
	fi
}
memcase "billion laughs" laughs-utf8.xlsx 50 "document type declaration"
memcase "billion laughs, DOCTYPE hidden in UTF-16 (libxml2 sees it)" laughs-utf16le.xlsx 50 "uses a document type or entity"
memcase "quadratic blow-up" quad-utf8.xlsx 50 "document type declaration"
memcase "quadratic blow-up, DOCTYPE hidden in UTF-16" quad-utf16le.xlsx 50 "uses a document type or entity"
memcase "1 GB of zeros deflated into sheet1.xml" zeros-1g.xlsx 50 "inflates to more than 268435456 bytes"
memcase "1 GB of zeros declared as 250 MB: inflating stops at 250 MB, peak about the cap" \
	zeros-250m.xlsx 300 "inflates to more than its declared size"
memcase "directory says 1 KB, entry holds 500 MB" zeros-lie.xlsx 50 "inflates to more than its declared size"
memcase "two 10 MB parts against a 16 MB cap: stops at the cap" sum.xlsx 66 "inflates to more than 16777216 bytes" \
	"SET kansa.import_max_inflated_size = '16MB';"

# 4. statement_timeout on a huge sheet: cancelled (57014), and the session goes on
for sql in "SELECT count(*) FROM kansa.read_sheet((SELECT content FROM f))" \
	"SELECT status FROM kansa.import_sheet('O', 'V', 'Huge', 'fisc8', (SELECT content FROM f), 'huge.xlsx', '{\"mode\": \"quarantine\"}')"; do
	out=$(psql -X -At -d $db -v VERBOSITY=verbose 2>&1 <<SQL
CREATE TEMP TABLE f AS SELECT pg_read_binary_file('$tmp/huge.xlsx') AS content;
SET statement_timeout = '2s';
SELECT clock_timestamp() AS t0 \gset
$sql;
SELECT 'elapsed', round(extract(epoch FROM clock_timestamp() - :'t0')::numeric, 1);
RESET statement_timeout;
SELECT 'alive', count(*) FROM kansa.read_sheet(pg_read_binary_file('$tmp/ok.xlsx'));
SQL
)
	what=${sql#SELECT * FROM }
	what=${what%%(*}
	elapsed=$(echo "$out" | sed -n 's/^elapsed|//p')
	if echo "$out" | grep -q '^ERROR:  57014: canceling statement due to statement timeout' &&
		echo "$out" | grep -q '^alive|4$'; then
		echo "ok - hostile xml: statement_timeout = 2s on a 10-million-cell sheet through ${what}: 57014 after ${elapsed}s, session usable"
	else
		echo "not ok - hostile xml: statement_timeout on a huge sheet through ${what}: $(echo "$out" | grep -v '^LOCATION' | head -3)"
	fi
done
check=$(psql -X -At -d $db -c "SELECT count(*) FROM kansa.import_batch")
if [ "$check" = 0 ]; then
	echo "ok - hostile xml: the cancelled import left no batch"
else
	echo "not ok - hostile xml: the cancelled import left $check batches"
fi

# 5. 10,000 malformed imports in one session (ten kinds, 1,000 each); the
# backend's private memory (RssAnon) after them is what it was after the
# first 100.  VmRSS also counts the pages of shared buffers the backend has
# touched, which grow with the tables (each failed import leaves dead
# organization/vendor/service tuples), so it is shown but not bounded.
{
	echo "\\set VERBOSITY terse"
	echo "CREATE TEMP TABLE bad AS SELECT n, pg_read_binary_file('$tmp/bad-' || n || '.xlsx') AS content FROM generate_series(1, 10) n;"
	echo "SELECT pg_backend_pid() AS pid0 \\gset"
	for i in $(seq 1 10000); do
		[ "$i" -eq 101 ] && echo "SELECT 'before', mem('RssAnon'), mem('VmRSS'), mem('VmHWM');"
		echo "SELECT kansa.import_sheet('O', 'V', 'S$((i % 7))', 'fisc8', content, 'bad.xlsx') FROM bad WHERE n = $((i % 10 + 1));"
	done
	echo "SELECT 'after', mem('RssAnon'), mem('VmRSS'), mem('VmHWM'), pg_backend_pid() = :pid0;"
} > "$tmp/bad.sql"
if [ -n "$memprobe" ]; then
	echo "not ok - hostile xml: 10,000 malformed imports: skipped, $memprobe"
else
	s0=$(date +%s)
	psql -X -At -F ' ' -d $db -f "$tmp/bad.sql" > "$tmp/bad.out" 2>&1
	s1=$(date +%s)
	errors=$(grep -c '^psql:.*ERROR:' "$tmp/bad.out")
	kinds=$(grep '^psql:.*ERROR:' "$tmp/bad.out" | sed 's/^psql:[^:]*:[0-9]*: ERROR:  //; s/"[^"]*"/"…"/g; s/[0-9][0-9]*/N/g' | sort -u | wc -l)
	read -r _ a0 r0 h0 <<< "$(grep '^before ' "$tmp/bad.out")"
	read -r _ a1 r1 h1 same <<< "$(grep '^after ' "$tmp/bad.out")"
	if [ -z "${a0:-}" ] || [ -z "${a1:-}" ]; then
		echo "not ok - hostile xml: 10,000 malformed imports: no memory figures ($(grep -v ERROR "$tmp/bad.out" | head -3))"
	elif [ "$errors" -eq 10000 ] && [ "$same" = t ] && [ $((a1 - a0)) -lt 4096 ]; then
		echo "ok - hostile xml: 10,000 malformed imports in one session ($kinds distinct ERRORs, $((s1 - s0)) s): RssAnon $a0 -> $a1 kB (growth limit 4 MB), VmRSS $r0 -> $r1 kB, VmHWM $h0 -> $h1 kB, same backend"
	else
		echo "not ok - hostile xml: 10,000 malformed imports: $errors errors, same backend: ${same:-?}, RssAnon $a0 -> $a1 kB, VmRSS $r0 -> $r1 kB, VmHWM $h0 -> $h1 kB"
	fi
fi

# 6. core's libxml2 state: xmlparse fails the same way before and after
# failing imports, and never warns that its error handling is out of sync
out=$(psql -X -At -d $db -v VERBOSITY=terse 2>&1 <<SQL
SELECT xmlparse(document '<bad');
SELECT count(*) FROM kansa.read_sheet(pg_read_binary_file('$tmp/bad-1.xlsx'));
SELECT xmlparse(document '<bad');
SELECT count(*) FROM kansa.read_sheet(pg_read_binary_file('$tmp/xxe-5-utf16le.xlsx'));
SELECT count(*) FROM kansa.read_sheet(pg_read_binary_file('$tmp/bad-10.xlsx'));
SELECT xmlparse(document '<bad');
SELECT xmlparse(document '<a>1</a>')::text;
SQL
)
if [ "$(echo "$out" | grep -c '^ERROR:  invalid XML document')" -eq 3 ] &&
	[ "$(echo "$out" | grep -c '^ERROR:')" -eq 6 ] &&
	! echo "$out" | grep -qi 'out of sync\|WARNING' && echo "$out" | grep -q '^<a>1</a>$'; then
	echo "ok - hostile xml: xmlparse('<bad') fails alike before and after failing imports, no libxml2 out-of-sync warning"
else
	echo "not ok - hostile xml: xmlparse around failing imports: $out"
fi

# 7. the server: never restarted, and its log holds no file contents
out=$(psql -X -At -d $db -c "SELECT pg_postmaster_start_time() = '$start'" 2>&1)
if [ "$out" = t ]; then
	echo "ok - hostile xml: the postmaster did not restart"
else
	echo "not ok - hostile xml: the postmaster restarted ($out)"
fi
if [ -z "$log" ]; then
	echo "not ok - hostile xml: server log: skipped, no readable log for port ${PGPORT:-5432} in pg_lsclusters"
else
	tail -c +$((logstart + 1)) "$log" > "$tmp/server.log"
	logged=$(grep -c 'uses a document type or entity' "$tmp/server.log")
	if [ "$logged" -gt 0 ] && ! grep -q 'root:' "$tmp/server.log"; then
		echo "ok - hostile xml: the server log holds the $logged refusals and no root:"
	else
		echo "not ok - hostile xml: server log: $logged refusals logged; $(grep -c 'root:' "$tmp/server.log") lines with root:"
	fi
fi
