#!/bin/bash
# Type input functions against hostile bytes (the hostile-input test plan (README, Security model),
# "Type input functions": invalid UTF-8, NUL bytes in recv, 1 GB lengths →
# clean ERROR).  test/sql/*.sql already feed recv a bad version byte, bad
# values and one invalid byte; here every receive function gets NUL bytes,
# each kind of invalid UTF-8, truncated and over-long messages and field
# lengths of 1 GB and more in binary COPY, the text input functions get
# 100 MB literals, and the sheet reader NUL bytes and invalid UTF-8.
# Prints "ok - ..." / "not ok - ..." lines; scripts/run-suite counts them.
set -u
cd "$(dirname "$0")/../.."
db=kansa_hostile_types
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"; dropdb --if-exists --force $db > /dev/null 2>&1' EXIT
dropdb --if-exists --force $db > /dev/null 2>&1
createdb -E UTF8 -T template0 $db
psql -X -q -d $db -c 'CREATE EXTENSION kansa' \
	-c 'CREATE TABLE t_control_id (v kansa.control_id)' -c 'CREATE TABLE t_evidence (v kansa.evidence)' \
	-c 'CREATE TABLE t_answer (v kansa.answer)' -c 'CREATE TABLE t_measure (v kansa.measure)'
start=$(psql -X -At -d $db -c 'SELECT pg_postmaster_start_time()')

# binary COPY files of one row, one field: NAME TYPE then the field's bytes
# (or, with a length, a field that claims that length and holds the bytes)
perl - "$tmp" <<'PERL'
use strict;
use warnings;
my $dir = shift;
open my $list, '>', "$dir/cases" or die;
sub copyfile {
	my ($name, $type, $data, $len) = @_;
	open my $f, '>:raw', "$dir/$name.bin" or die;
	print $f "PGCOPY\n\xff\r\n\0", pack('NN', 0, 0), pack('nN', 1, $len // length $data), $data, pack('n', 0xffff);
	close $f;
	print $list "$name $type\n";
}
my %utf8 = (
	'nul' => "a\x00b",
	'lone-continuation' => "a\x80b",
	'overlong-nul' => "a\xC0\x80b",
	'overlong-slash' => "a\xE0\x80\xAFb",
	'surrogate' => "a\xED\xA0\x80b",
	'beyond-U+10FFFF' => "a\xF4\x90\x80\x80b",
	'five-byte' => "a\xF8\x88\x80\x80\x80b",
	'truncated' => "a\xE3\x81",
	'byte-FF' => "a\xFFb",
);
for my $type ('control_id', 'evidence') {
	my $prefix = $type eq 'control_id' ? 'fisc8:' : 'doc:';
	for my $k (sort keys %utf8) {
		copyfile("$type-$k", $type, "\x01$prefix$utf8{$k}");
	}
	copyfile("$type-empty", $type, '');
	copyfile("$type-version-only", $type, "\x01");
}
copyfile('answer-trailing', 'answer', "\x01\x05\x02\x00");
copyfile('answer-short', 'answer', "\x01\x05");
copyfile('measure-trailing', 'measure', "\x01\x02\x01\x02\x00\x00\x00\x00\x00\x00\x00\x18\x00\x00\x00\x00\x00");
copyfile('measure-empty', 'measure', '');
for my $type ('control_id', 'evidence', 'answer', 'measure') {
	copyfile("$type-almost-1GB", $type, "\x01fisc8:1", (1 << 30) - 16);
	copyfile("$type-1GB", $type, "\x01fisc8:1", 1 << 30);
	copyfile("$type-2GB", $type, "\x01fisc8:1", 0x7FFFFFFF);
	copyfile("$type-negative", $type, "\x01fisc8:1", 0xFFFFFFFE);
}
close $list;

# sheets: NUL bytes and invalid UTF-8 in a text sheet
open my $s, '>:raw', "$dir/nul.csv" or die;
print $s "ID,Answer\n設1,a\x00b\n";
close $s;
open $s, '>:raw', "$dir/badutf8.csv" or die;
print $s "ID,Answer\n設1,a\xC0\x80b\xED\xA0\x80\n";
close $s;
PERL

# every case: an ERROR of class 22 (data exception) or 54 (program limit),
# or for a message too short 08P01 "no data left in message" (what
# pq_getmsgbyte raises for core's own receive functions too), and nothing
# stored
while read -r name type; do
	out=$(psql -X -At -d $db -v VERBOSITY=verbose -c "\\copy t_$type FROM '$tmp/$name.bin' WITH (FORMAT binary)" \
		-c "SELECT count(*) FROM t_$type" 2>&1)
	err=$(echo "$out" | grep '^ERROR:' | head -1)
	if echo "$err" | grep -Eq '^ERROR:  ((22|54)[0-9A-Z]{3}|08P01): ' && [ "$(echo "$out" | tail -1)" = 0 ]; then
		echo "ok - hostile types: ${type}_recv, $name: ${err#ERROR:  }"
	else
		echo "not ok - hostile types: ${type}_recv, $name: $out"
	fi
done < "$tmp/cases"

# text input of 100 MB literals: a clean ERROR, not an attempt to use them
for type in control_id evidence answer measure; do
	out=$(psql -X -At -d $db -v VERBOSITY=verbose -c "SELECT length(repeat('a', 100000000)::kansa.$type::text)" 2>&1)
	err=$(echo "$out" | grep '^ERROR:' | head -1)
	if echo "$err" | grep -Eq '^ERROR:  (22|54)[0-9A-Z]{3}: '; then
		echo "ok - hostile types: a 100 MB literal for $type: ${err#ERROR:  }" | cut -c1-200
	else
		echo "not ok - hostile types: a 100 MB literal for $type: $(echo "$out" | head -2)"
	fi
done

# the sheet reader: NUL bytes and invalid UTF-8 named as such
for f in nul.csv badutf8.csv; do
	out=$(psql -X -At -d $db -v VERBOSITY=verbose \
		-c "SELECT count(*) FROM kansa.read_sheet(pg_read_binary_file('$tmp/$f'), '{\"encoding\": \"utf8\"}')" 2>&1)
	err=$(echo "$out" | grep '^ERROR:' | head -1)
	if echo "$err" | grep -Eq '^ERROR:  22[0-9A-Z]{3}: '; then
		echo "ok - hostile types: read_sheet of $f (encoding utf8): ${err#ERROR:  }"
	else
		echo "not ok - hostile types: read_sheet of $f (encoding utf8): $(echo "$out" | head -2)"
	fi
done

out=$(psql -X -At -d $db -c "SELECT pg_postmaster_start_time() = '$start'" 2>&1)
if [ "$out" = t ]; then
	echo "ok - hostile types: the postmaster did not restart"
else
	echo "not ok - hostile types: the postmaster restarted ($out)"
fi
