# TestZip: zip containers and xlsx workbooks built by the tests themselves
# (no binaries from elsewhere), with every field in the test's hands.
#
#   use lib 'test/cli/lib'; use TestZip;
#   zipfile($path, \%entry, ...);    workbook($path, $sheet_xml, \%more, ...);
#
# An entry is a hash: name; data (bytes) or gen (a sub returning the next
# chunk, undef at the end, for parts too large to hold: 1 GB of zeros);
# method (8 deflated, the default, or 0 stored); and lies: usize (declared
# size), crc, lname (local header name), lusize / lcrc (local header size
# and CRC, when they should differ from the central directory's).  An
# entry may also carry its part already compressed: comp, len (inflated
# length) and crc, as pack_entry() returns them.
package TestZip;

use strict;
use warnings;
use Compress::Zlib;
use Exporter 'import';

our @EXPORT = qw(zipfile workbook sheet_xml pack_entry);

# Compress an entry: (compressed bytes, uncompressed length, CRC-32).
sub pack_entry {
	my ($e) = @_;
	return ($e->{comp}, $e->{len}, $e->{crc}) if defined $e->{comp};
	my $method = $e->{method} // 8;
	my $gen = $e->{gen};
	if (!$gen) {
		my $data = $e->{data};
		my $done = 0;
		$gen = sub { return undef if $done++; return $data; };
	}
	my ($comp, $len, $crc) = ('', 0, 0);
	my $d;
	if ($method == 8) {
		($d) = deflateInit(-WindowBits => -MAX_WBITS, -Level => $e->{level} // 6);
	}
	while (defined(my $chunk = $gen->())) {
		$len += length $chunk;
		$crc = crc32($chunk, $crc);
		if ($d) {
			my ($o) = $d->deflate($chunk);
			$comp .= $o;
		} else {
			$comp .= $chunk;
		}
	}
	if ($d) {
		my ($o) = $d->flush;
		$comp .= $o;
	}
	return ($comp, $len, $crc);
}

# Write a zip file of the given entries.
sub zipfile {
	my ($file, @entries) = @_;
	my ($body, $cd) = ('', '');
	for my $e (@entries) {
		my $method = $e->{method} // 8;
		my ($comp, $len, $crc) = pack_entry($e);
		my $usize = $e->{usize} // $len;
		$crc = $e->{crc} // $crc;
		my $lname = $e->{lname} // $e->{name};
		my $off = length $body;
		$body .= pack('VvvvvvVVVvv', 0x04034b50, 20, 0, $method, 0, 0,
			$e->{lcrc} // $crc, length $comp, $e->{lusize} // $usize,
			length $lname, 0) . $lname . $comp;
		$cd .= pack('VvvvvvvVVVvvvvvVV', 0x02014b50, 20, 20, 0, $method, 0, 0,
			$crc, length $comp, $usize, length $e->{name}, 0, 0, 0, 0, 0, $off)
		  . $e->{name};
	}
	my $n = @entries;
	open my $f, '>:raw', $file or die "$file: $!\n";
	print $f $body, $cd,
	  pack('VvvvvVVv', 0x06054b50, 0, 0, $n, $n, length $cd, length $body, 0);
	close $f or die "$file: $!\n";
}

# The parts of a minimal workbook of one sheet "S".
sub workbook_parts {
	my ($sheet) = @_;
	return (
		{ name => '[Content_Types].xml', data => '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
		{ name => '_rels/.rels', data => '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>' },
		{ name => 'xl/workbook.xml', data => '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>' },
		{ name => 'xl/_rels/workbook.xml.rels', data => '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>' },
		{ name => 'xl/sharedStrings.xml', data => '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>ID</t></si></sst>' },
		{ name => 'xl/worksheets/sheet1.xml', data => $sheet },
	);
}

# Write a workbook around a sheet part; a hash of more entries replaces the
# part of the same name or is added.
sub workbook {
	my ($file, $sheet, @more) = @_;
	my @parts = workbook_parts($sheet);
	for my $m (@more) {
		my ($i) = grep { $parts[$_]{name} eq $m->{name} } 0 .. $#parts;
		if (defined $i) {
			$parts[$i] = $m;
		} else {
			push @parts, $m;
		}
	}
	zipfile($file, @parts);
}

# A worksheet of rows of inline strings: sheet_xml([[cell, ...], ...]).
sub sheet_xml {
	my ($rows) = @_;
	my $x = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
	my $r = 0;
	for my $row (@$rows) {
		$r++;
		$x .= qq{<row r="$r">};
		my $c = 0;
		for my $v (@$row) {
			my $ref = chr(65 + $c++) . $r;
			(my $t = $v) =~ s/&/&amp;/g;
			$t =~ s/</&lt;/g;
			$x .= qq{<c r="$ref" t="inlineStr"><is><t>$t</t></is></c>};
		}
		$x .= '</row>';
	}
	return $x . '</sheetData></worksheet>';
}

1;
