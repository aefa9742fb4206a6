#!/bin/bash
# Workbooks in the shape Microsoft Excel (365 / 2016, Japanese locale) saves
# them, built here part by part (no binaries from elsewhere), must read with
# 0 false rejects and the values Excel shows (the hostile-input test plan (README, Security model),
# "Zip containers": real workbooks saved by LibreOffice and Excel).  The
# LibreOffice side is test/fixtures/sheets.
#
# The parts are what Excel writes: [Content_Types].xml first, docProps,
# workbook.xml with mc:Ignorable, x15ac:absPath, xr:revisionPtr, defined
# names (_xlnm.Print_Area, a hidden _xlnm._FilterDatabase), calcPr and
# extLst; scrambled relationship ids; styles and theme; shared strings with
# count/uniqueCount, rich-text runs, phonetic runs (rPh, phoneticPr),
# xml:space="preserve", line breaks and _xHHHH_ escapes; worksheets with
# sheetPr, dimension, frozen panes, dyDescent, cols, spans, styled empty
# cells, shared formulas, cached formula results (str, e, b), numbers with
# Excel's 17 digits (1.1000000000000001), merges, autoFilter, conditional
# formatting, data validations (also x14 in extLst), hyperlinks, page setup
# with a printerSettings part, comments with a VML drawing, calcChain; a
# cover sheet, the answer sheet and a hidden list sheet.  The zip is
# Excel's: deflated, 1980-01-01 timestamps, no data descriptors; variants
# use absolute relationship targets, data descriptors with zero sizes in
# the local headers (streaming writers), and Strict Open XML namespaces.
#
# Prints "ok - excel: ..." / "not ok - excel: ..." lines; scripts/run-suite
# counts them.
set -u
# New organisations, vendors and services are announced with a NOTICE; these
# checks read psql's and kansa-import's output, so notices stay out of it.
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
cd "$(dirname "$0")/../.."
db=kansa_excel
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"; dropdb --if-exists $db > /dev/null 2>&1' EXIT
dropdb --if-exists $db > /dev/null 2>&1
createdb -E UTF8 -T template0 $db
psql -X -q -d $db <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION kansa;
-- one value a line: backslash, line breaks and tabs written as \\, \n, \r, \t
CREATE FUNCTION esc(t text) RETURNS text LANGUAGE sql IMMUTABLE
	AS $$ SELECT replace(replace(replace(replace(t, '\', '\\'), E'\n', '\n'), E'\r', '\r'), E'\t', '\t') $$;
SQL

perl -I test/cli/lib - "$tmp" <<'PERL'
use strict;
use warnings;
use utf8;
use Encode qw(encode);
use TestZip qw(pack_entry);

my $dir = shift;
my $XD = qq{<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n};
my $NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
my $NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
my $NS_PR = 'http://schemas.openxmlformats.org/package/2006/relationships';
my $MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
my $CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

sub esc {
	my ($s) = @_;
	$s =~ s/&/&amp;/g;
	$s =~ s/</&lt;/g;
	$s =~ s/>/&gt;/g;
	return $s;
}

# for the expected files: one line per value
sub line_esc {
	my ($s) = @_;
	$s =~ s/\\/\\\\/g;
	$s =~ s/\n/\\n/g;
	$s =~ s/\r/\\r/g;
	$s =~ s/\t/\\t/g;
	return $s;
}

sub col_num {
	my ($letters) = @_;
	my $n = 0;
	$n = $n * 26 + ord($_) - 64 for split //, $letters;
	return $n;
}

sub col_letters {
	my ($n) = @_;
	my $s = '';
	while ($n > 0) {
		my $m = ($n - 1) % 26;
		$s = chr(65 + $m) . $s;
		$n = int(($n - 1) / 26);
	}
	return $s;
}

# ----- a workbook being built -----
#
# Shared strings go into $book->{sst} in order of first use, as Excel writes
# them; count is every use, uniqueCount the distinct ones.

sub new_book { return { sst => [], sst_index => {}, sst_uses => 0, sheets => [] }; }

# a shared string item; returns its index
sub si_index {
	my ($book, $xml) = @_;
	$book->{sst_uses}++;
	my $i = $book->{sst_index}{$xml};
	if (!defined $i) {
		push @{ $book->{sst} }, $xml;
		$i = $book->{sst_index}{$xml} = $#{ $book->{sst} };
	}
	return $i;
}

# Cells: hashes of the XML inside <c> (t, body) and the value Excel shows.
#   S(text, phonetic runs...): a shared string as Excel writes a typed one
#   RS(si body, shown): a shared string item written by hand
#   N(text in <v>, shown): a number
#   STR(formula, cached), ERR(formula, value), BOOL(0|1): formula results
#   EMPTY: a styled empty cell (borders, fill)
my $book;

sub t_elem {
	my ($text) = @_;
	my $sp = $text =~ /^\s|\s$/ ? ' xml:space="preserve"' : '';
	return "<t$sp>" . esc($text) . '</t>';
}

sub S {
	my ($text, @rph) = @_;
	my $x = t_elem($text);
	$x .= qq{<rPh sb="$_->[0]" eb="$_->[1]"><t>$_->[2]</t></rPh>} for @rph;
	$x .= '<phoneticPr fontId="1"/>';
	return { t => 's', si => $x, shown => $text };
}

sub RS { my ($x, $shown) = @_; return { t => 's', si => $x, shown => $shown }; }
sub N { my ($v, $shown) = @_; return { body => "<v>$v</v>", shown => $shown // $v }; }
sub STR {
	my ($f, $cached) = @_;
	return { t => 'str', body => '<f>' . esc($f) . '</f><v>' . esc($cached) . '</v>', shown => $cached };
}
sub ERR {
	my ($f, $v) = @_;
	return { t => 'e', body => '<f>' . esc($f) . "</f><v>$v</v>", shown => $v };
}
sub BOOL { my ($v) = @_; return { t => 'b', body => "<v>$v</v>", shown => $v ? 'TRUE' : 'FALSE' }; }
sub EMPTY { return { }; }

# A worksheet: name, rows ([r, {attrs}, [ref, style, cell], ...]), merges,
# the XML between sheetData and the merges (autoFilter), and after them.
sub add_sheet {
	my (%o) = @_;
	my (@cells, %shown);
	my $x = '';
	my ($maxr, $maxc) = (1, 1);
	for my $row (@{ $o{rows} }) {
		my ($r, $attrs, @cs) = @$row;
		my ($lo, $hi) = (16384, 1);
		for my $c (@cs) {
			my ($ref) = $c->[0] =~ /^([A-Z]+)/;
			my $n = col_num($ref);
			$lo = $n if $n < $lo;
			$hi = $n if $n > $hi;
		}
		my $spans = @cs ? qq{ spans="$lo:$hi"} : '';
		$x .= qq{<row r="$r"$spans$attrs x14ac:dyDescent="0.4">};
		for my $c (@cs) {
			my ($ref, $s, $cell) = @$c;
			my ($cl, $rn) = $ref =~ /^([A-Z]+)(\d+)$/ or die "ref $ref";
			$maxr = $rn if $rn > $maxr;
			$maxc = col_num($cl) if col_num($cl) > $maxc;
			my $sa = defined $s ? qq{ s="$s"} : '';
			my $ta = defined $cell->{t} ? qq{ t="$cell->{t}"} : '';
			my $body = $cell->{body};
			if (defined $cell->{si}) {
				$body = '<v>' . si_index($book, $cell->{si}) . '</v>';
			}
			if (defined $body) {
				$x .= qq{<c r="$ref"$sa$ta>$body</c>};
			} else {
				$x .= qq{<c r="$ref"$sa/>};
			}
			$shown{$rn}{ col_num($cl) } = $cell->{shown}
			  if defined $cell->{shown} && $cell->{shown} ne '';
		}
		$x .= '</row>';
	}
	# merged ranges show their top-left value in every cell
	for my $m (@{ $o{merges} // [] }) {
		my ($c1, $r1, $c2, $r2) = $m =~ /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/ or die "merge $m";
		my $v = $shown{$r1}{ col_num($c1) };
		next unless defined $v;
		for my $r ($r1 .. $r2) {
			$shown{$r}{$_} = $v for col_num($c1) .. col_num($c2);
		}
	}
	for my $r (sort { $a <=> $b } keys %shown) {
		push @cells, [$o{name}, $r, $_, $shown{$r}{$_}] for sort { $a <=> $b } keys %{ $shown{$r} };
	}
	my $dim = 'A1:' . col_letters($maxc) . $maxr;
	my $merges = '';
	if (@{ $o{merges} // [] }) {
		$merges = '<mergeCells count="' . scalar(@{ $o{merges} }) . '">'
		  . join('', map { qq{<mergeCell ref="$_"/>} } @{ $o{merges} }) . '</mergeCells>';
	}
	my $xml = $XD
	  . qq{<worksheet xmlns="$NS_MAIN" xmlns:r="$NS_R" xmlns:mc="$MC" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xr:uid="{$o{uid}}">}
	  . ($o{sheetpr} // '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>')
	  . qq{<dimension ref="$dim"/>}
	  . ($o{views} // '<sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews>')
	  . '<sheetFormatPr defaultRowHeight="18.75" x14ac:dyDescent="0.4"/>'
	  . ($o{cols} // '')
	  . "<sheetData>$x</sheetData>"
	  . ($o{before_merges} // '')
	  . $merges
	  . '<phoneticPr fontId="1"/>'
	  . ($o{after} // '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>')
	  . '</worksheet>';
	push @{ $book->{sheets} }, { name => $o{name}, xml => $xml, cells => \@cells,
		hidden => $o{hidden}, rels => $o{rels} };
}

sub sst_xml {
	my ($b) = @_;
	return $XD . qq{<sst xmlns="$NS_MAIN" count="$b->{sst_uses}" uniqueCount="}
	  . scalar(@{ $b->{sst} }) . '">' . join('', map { "<si>$_</si>" } @{ $b->{sst} }) . '</sst>';
}

my $STYLES = $XD . qq{<styleSheet xmlns="$NS_MAIN" xmlns:mc="$MC" mc:Ignorable="x14ac x16r2 xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">}
  . '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/></numFmts>'
  . '<fonts count="4" x14ac:knownFonts="1">'
  . '<font><sz val="11"/><color theme="1"/><name val="游ゴシック"/><family val="2"/><charset val="128"/><scheme val="minor"/></font>'
  . '<font><sz val="6"/><name val="游ゴシック"/><family val="2"/><charset val="128"/><scheme val="minor"/></font>'
  . '<font><b/><sz val="14"/><color theme="1"/><name val="游ゴシック"/><family val="3"/><charset val="128"/><scheme val="minor"/></font>'
  . '<font><u/><sz val="11"/><color theme="10"/><name val="游ゴシック"/><family val="2"/><charset val="128"/><scheme val="minor"/></font>'
  . '</fonts>'
  . '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
  . '<fill><patternFill patternType="solid"><fgColor theme="4" tint="0.79998168889431442"/><bgColor indexed="64"/></patternFill></fill></fills>'
  . '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
  . '<border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>'
  . '<cellStyleXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf>'
  . '<xf numFmtId="0" fontId="3" fillId="0" borderId="0" applyNumberFormat="0" applyFill="0" applyBorder="0" applyAlignment="0" applyProtection="0"><alignment vertical="center"/></xf></cellStyleXfs>'
  . '<cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf>'
  . '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
  . '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>'
  . '<xf numFmtId="0" fontId="0" fillId="2" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>'
  . '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
  . '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1" applyProtection="1"><alignment vertical="top" wrapText="1"/><protection locked="0"/></xf>'
  . '<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment horizontal="left" vertical="center"/></xf>'
  . '<xf numFmtId="0" fontId="3" fillId="0" borderId="1" xfId="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>'
  . '<cellStyles count="2"><cellStyle name="ハイパーリンク" xfId="1" builtinId="8"/><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles>'
  . '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>'
  . '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>'
  . '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext>'
  . '<ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst>'
  . '</styleSheet>';

my $THEME = $XD . '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office テーマ"><a:themeElements>'
  . '<a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>'
  . '<a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1>'
  . '<a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4>'
  . '<a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink>'
  . '<a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme>'
  . '<a:fontScheme name="Office"><a:majorFont><a:latin typeface="游ゴシック Light" panose="020B0300000000000000"/><a:ea typeface=""/><a:cs typeface=""/>'
  . '<a:font script="Jpan" typeface="游ゴシック Light"/></a:majorFont><a:minorFont><a:latin typeface="游ゴシック" panose="020B0400000000000000"/>'
  . '<a:ea typeface=""/><a:cs typeface=""/><a:font script="Jpan" typeface="游ゴシック"/></a:minorFont></a:fontScheme>'
  . '<a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
  . '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>'
  . '<a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst>'
  . '<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>'
  . '<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst>'
  . '</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/>'
  . '<a:extLst><a:ext uri="{05A4C25C-085E-4340-85A3-A5531E510DB2}"><thm15:themeFamily xmlns:thm15="http://schemas.microsoft.com/office/thememl/2012/main" name="Office Theme" id="{62F939B6-93AF-4DB8-9C6B-D6C7DFDC589F}" vid="{4A3C46E8-61CC-4603-A589-7422A47A8E4A}"/></a:ext></a:extLst></a:theme>';

# A DEVMODE as Excel stores it for the page setup: the printer's name in
# UTF-16LE, then binary fields.
my $PRINTER = encode('UTF-16LE', 'Microsoft Print to PDF') . ("\0" x 20)
  . pack('vvvvV', 0x0401, 0x0401, 220, 0, 0x5fff) . pack('C*', map { ($_ * 37) & 255 } 0 .. 199);

sub rel { my ($id, $type, $target, $mode) = @_;
	return qq{<Relationship Id="$id" Type="$type" Target="$target"} . ($mode ? qq{ TargetMode="$mode"} : '') . '/>'; }
sub rels { return $XD . qq{<Relationships xmlns="$NS_PR">} . join('', @_) . '</Relationships>'; }

# The package of a book: a list of [part name, bytes] in Excel's order.
# Options: abs (absolute targets in workbook.xml.rels), strict (Strict Open
# XML namespaces), defined (definedNames XML), active (active tab).
sub package_parts {
	my ($b, %o) = @_;
	my $R = "$NS_R";
	my $ws = "$R/worksheet";
	my @sheets = @{ $b->{sheets} };
	my $pre = $o{abs} ? '/xl/' : '';
	my $n = @sheets;
	my @wbrels;
	# Excel numbers the sheets first (rId1..n), then theme, styles, sharedStrings, calcChain
	push @wbrels, rel('rId' . ($n + 1), "$R/theme", "${pre}theme/theme1.xml");
	for my $i (reverse 1 .. $n) {
		push @wbrels, rel("rId$i", $ws, "${pre}worksheets/sheet$i.xml");
	}
	push @wbrels, rel('rId' . ($n + 4), "$R/calcChain", "${pre}calcChain.xml") if $b->{calcchain};
	push @wbrels, rel('rId' . ($n + 3), "$R/sharedStrings", "${pre}sharedStrings.xml");
	push @wbrels, rel('rId' . ($n + 2), "$R/styles", "${pre}styles.xml");
	my $wb = $XD
	  . qq{<workbook xmlns="$NS_MAIN" xmlns:r="$R" xmlns:mc="$MC" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2">}
	  . '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27425"/>'
	  . '<workbookPr defaultThemeVersion="166925"/>'
	  . qq{<mc:AlternateContent xmlns:mc="$MC"><mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\yamada\\Documents\\セキュリティチェック\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>}
	  . '<xr:revisionPtr revIDLastSave="0" documentId="13_ncr:1_{5D2C8A4E-1B7F-4C3A-9E21-6F0B3D8A7C15}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/>'
	  . '<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15720" activeTab="'
	  . ($o{active} // 0) . '" xr2:uid="{A1B2C3D4-0000-4000-8000-000000000001}"/></bookViews><sheets>'
	  . join('', map {
			my $s = $sheets[$_ - 1];
			qq{<sheet name="} . esc($s->{name}) . qq{" sheetId="$_"} . ($s->{hidden} ? qq{ state="$s->{hidden}"} : '') . qq{ r:id="rId$_"/>}
		} 1 .. $n)
	  . '</sheets>' . ($o{defined} // '') . '<calcPr calcId="191029"/>'
	  . '<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext>'
	  . '<ext uri="{B58B0392-4F1F-4190-BB64-5DF3571DCE5F}" xmlns:xcalcf="http://schemas.microsoft.com/office/spreadsheetml/2018/calcfeatures"><xcalcf:calcFeatures>'
	  . join('', map { qq{<xcalcf:feature name="microsoft.com:$_"/>} } qw(RD Single FV CNMTM LET_WF LAMBDA_WF ARRAYTEXT_WF))
	  . '</xcalcf:calcFeatures></ext></extLst></workbook>';

	my @ct = (
		'<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/>',
		'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
		'<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>',
		'<Default Extension="xml" ContentType="application/xml"/>',
		qq{<Override PartName="/xl/workbook.xml" ContentType="$CT.sheet.main+xml"/>},
		(map { qq{<Override PartName="/xl/worksheets/sheet$_.xml" ContentType="$CT.worksheet+xml"/>} } 1 .. $n),
		'<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>',
		qq{<Override PartName="/xl/styles.xml" ContentType="$CT.styles+xml"/>},
		qq{<Override PartName="/xl/sharedStrings.xml" ContentType="$CT.sharedStrings+xml"/>},
		($b->{comments} ? qq{<Override PartName="/xl/comments1.xml" ContentType="$CT.comments+xml"/>} : ()),
		($b->{calcchain} ? qq{<Override PartName="/xl/calcChain.xml" ContentType="$CT.calcChain+xml"/>} : ()),
		'<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
		'<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>',
	);
	my @visible = map { $_->{name} } @sheets;
	my $app = $XD . '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
	  . '<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>'
	  . '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>ワークシート</vt:lpstr></vt:variant><vt:variant><vt:i4>'
	  . scalar(@visible) . '</vt:i4></vt:variant></vt:vector></HeadingPairs>'
	  . '<TitlesOfParts><vt:vector size="' . scalar(@visible) . '" baseType="lpstr">'
	  . join('', map { '<vt:lpstr>' . esc($_) . '</vt:lpstr>' } @visible) . '</vt:vector></TitlesOfParts>'
	  . '<Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>';
	my $core = $XD . '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
	  . '<dc:creator>山田 太郎</dc:creator><cp:lastModifiedBy>佐藤 花子</cp:lastModifiedBy><cp:lastPrinted>2024-03-29T02:15:00Z</cp:lastPrinted>'
	  . '<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-01T00:30:12Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2024-04-01T06:45:33Z</dcterms:modified></cp:coreProperties>';

	my @parts = (
		['[Content_Types].xml', $XD . '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' . join('', @ct) . '</Types>'],
		['_rels/.rels', rels(rel('rId3', "$R/extended-properties", 'docProps/app.xml'),
			rel('rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'),
			rel('rId1', "$R/officeDocument", 'xl/workbook.xml'))],
		['xl/workbook.xml', $wb],
		['xl/_rels/workbook.xml.rels', rels(@wbrels)],
		(map { ["xl/worksheets/sheet$_.xml", $sheets[$_ - 1]{xml}] } 1 .. $n),
		['xl/theme/theme1.xml', $THEME],
		['xl/styles.xml', $STYLES],
		['xl/sharedStrings.xml', sst_xml($b)],
	);
	push @parts, ['xl/drawings/vmlDrawing1.vml', $b->{vml}] if $b->{vml};
	push @parts, ['xl/comments1.xml', $b->{comments}] if $b->{comments};
	for my $i (1 .. $n) {
		push @parts, ["xl/worksheets/_rels/sheet$i.xml.rels", rels(@{ $sheets[$i - 1]{rels} })]
		  if $sheets[$i - 1]{rels};
	}
	push @parts, ['xl/printerSettings/printerSettings1.bin', $PRINTER] if $b->{printer};
	push @parts, ['xl/calcChain.xml', $b->{calcchain}] if $b->{calcchain};
	push @parts, ['docProps/core.xml', $core], ['docProps/app.xml', $app];

	if ($o{strict}) {
		# Excel's "Strict Open XML Spreadsheet": ISO/IEC 29500 Strict namespaces
		for my $p (@parts) {
			next if $p->[0] =~ /\.bin$/;
			$p->[1] =~ s{http://schemas\.openxmlformats\.org/spreadsheetml/2006/main}{http://purl.oclc.org/ooxml/spreadsheetml/main}g;
			$p->[1] =~ s{http://schemas\.openxmlformats\.org/officeDocument/2006/relationships}{http://purl.oclc.org/ooxml/officeDocument/relationships}g;
			$p->[1] =~ s{http://schemas\.openxmlformats\.org/drawingml/2006/main}{http://purl.oclc.org/ooxml/drawingml/main}g;
			$p->[1] =~ s{<workbook xmlns=}{<workbook conformance="strict" xmlns=};
		}
	}
	return @parts;
}

# The zip as Excel writes it: deflated, version 2.0, DOS time 1980-01-01
# 00:00, sizes and CRC in the local headers, no data descriptors, no extra
# fields.  Option stream: general purpose bit 3 (data descriptors with a
# signature; local CRC and sizes zero), bit 11 (UTF-8 names) and extended
# timestamp extra fields, as streaming writers do.
sub write_zip {
	my ($file, $parts, %o) = @_;
	my ($body, $cd) = ('', '');
	for my $p (@$parts) {
		my ($name, $data) = @$p;
		$data = encode('UTF-8', $data) if utf8::is_utf8($data);
		my ($comp, $len, $crc) = pack_entry({ name => $name, data => $data });
		my $off = length $body;
		my ($flags, $date, $time, $lx, $cx) = (0, 0x0021, 0, '', '');
		if ($o{stream}) {
			$flags = 0x0808;
			($date, $time) = (0x5881, 0x6d6f);	# 2024-04-01 13:43:30
			$lx = $cx = pack('vvCV', 0x5455, 5, 1, 1711946610);
		}
		$body .= pack('VvvvvvVVVvv', 0x04034b50, 20, $flags, 8, $time, $date,
			$o{stream} ? (0, 0, 0) : ($crc, length $comp, $len),
			length $name, length $lx) . $name . $lx . $comp;
		$body .= pack('VVVV', 0x08074b50, $crc, length $comp, $len) if $o{stream};
		$cd .= pack('VvvvvvvVVVvvvvvVV', 0x02014b50, $o{stream} ? 0x031e : 20, 20, $flags, 8,
			$time, $date, $crc, length $comp, $len, length $name, length $cx, 0, 0, 0, 0, $off)
		  . $name . $cx;
	}
	my $n = @$parts;
	open my $f, '>:raw', "$dir/$file" or die "$file: $!\n";
	print $f $body, $cd, pack('VvvvvVVv', 0x06054b50, 0, 0, $n, $n, length $cd, length $body, 0);
	close $f or die "$file: $!\n";
}

sub write_expected {
	my ($name, $b) = @_;
	open my $f, '>:utf8', "$dir/$name.cells" or die $!;
	for my $s (@{ $b->{sheets} }) {
		print $f join("\t", $_->[0], $_->[1], $_->[2], line_esc($_->[3])), "\n" for @{ $s->{cells} };
	}
	close $f;
	open $f, '>:utf8', "$dir/$name.answers" or die $!;
	print $f join("\t", map { line_esc($_ // '') } @$_), "\n" for @{ $b->{answers} };
	close $f;
}

# ========== 1. FISC (fisc8): cover, answer sheet, hidden list ==========

$book = new_book();
my %T = (
	'設1' => '各種災害、障害が発生しやすい地域を避けること',
	'設2' => '立地環境の変化に伴う災害および障害の発生の可能性を調査し、防止対策を講ずること',
	'設3' => '敷地には通路を確保すること',
	'設4' => '隣接物との間隔を十分にとること',
	'設5' => '塀または柵および侵入防止装置を設けること',
	'設6' => '看板等を外部に出さないこと',
	'設7' => '建物には避雷設備を設置すること',
	'設8' => '建物にはコンピュータシステム関連業務専用、または建物内においてコンピュータシステム関連業務専用の独立区画とすること',
	'設9' => '敷地内の通信回線・電力線は、切断・延焼の防止措置を講ずること',
	'設10' => '耐火建造物であること',
	'設11' => '構造の安全性を有すること',
	'設12' => '外壁、屋根等は十分な防水性能を有すること',
);
my $company = S('株式会社サンプルクラウド', [0, 4, 'ｶﾌﾞｼｷｶﾞｲｼｬ']);
$company->{si} =~ s{<phoneticPr fontId="1"/>}{<phoneticPr fontId="1" type="halfwidthKatakana"/>};

add_sheet(name => '表紙', uid => '{3C1D6E2A-7B44-4F0E-9D1A-2E5C8B7F6A01}',
	cols => '<cols><col min="1" max="1" width="3.625" customWidth="1"/><col min="2" max="2" width="18.625" customWidth="1"/><col min="3" max="3" width="50.625" customWidth="1"/></cols>',
	rows => [
		[2, ' ht="30" customHeight="1"', ['B2', 2, S('セキュリティチェックシート　回答書', [0, 6, 'セキュリティ'])], ['C2', 2, EMPTY]],
		[4, '', ['B4', 4, S('会社名', [0, 2, 'カイシャ'], [2, 3, 'メイ'])], ['C4', 5, $company]],
		[5, '', ['B5', 4, S('サービス名')], ['C5', 5, S('SampleCloud IaaS')]],
		[6, '', ['B6', 4, S('回答日', [0, 2, 'カイトウ'], [2, 3, 'ビ'])], ['C6', 6, N('45383')]],
		[7, '', ['B7', 4, S('版数', [0, 2, 'ハンスウ'])], ['C7', 5, N('1.1000000000000001', '1.1')]],
		[8, '', ['B8', 4, S('担当者')], ['C8', 5, S('情報セキュリティ部　山田 太郎')]],
		[9, '', ['B9', 4, S('連絡先')], ['C9', 7, S('security@example.jp')]],
	],
	merges => ['B2:C2'],
	after => '<hyperlinks><hyperlink ref="C9" r:id="rId1" xr:uid="{8E0A1F2B-3C4D-4E5F-8A9B-0C1D2E3F4A5B}"/></hyperlinks>'
	  . '<pageMargins left="0.70866141732283472" right="0.70866141732283472" top="0.74803149606299213" bottom="0.74803149606299213" header="0.31496062992125984" footer="0.31496062992125984"/>'
	  . '<pageSetup paperSize="9" orientation="portrait" r:id="rId2"/>',
	rels => [rel('rId2', "$NS_R/printerSettings", '../printerSettings/printerSettings1.bin'),
		rel('rId1', "$NS_R/hyperlink", 'mailto:security@example.jp', 'External')],
);
$book->{printer} = 1;

my $hdr = 3;
my @rows;
my @answers;					# row, control, cell, answer, mark, via
my $title = RS('<r><rPr><b/><sz val="14"/><color theme="1"/><rFont val="游ゴシック"/><family val="3"/><charset val="128"/><scheme val="minor"/></rPr>'
	  . '<t>金融機関等コンピュータシステムの安全対策基準</t></r><r><rPr><b/><sz val="11"/><color theme="1"/><rFont val="游ゴシック"/><family val="3"/><charset val="128"/><scheme val="minor"/></rPr>'
	  . '<t xml:space="preserve">（第8版追補改訂）　チェックシート</t></r>'
	  . '<rPh sb="0" eb="4"><t>キンユウキカン</t></rPh><rPh sb="4" eb="5"><t>トウ</t></rPh><rPh sb="17" eb="19"><t>アンゼン</t></rPh><rPh sb="19" eb="21"><t>タイサク</t></rPh><rPh sb="21" eb="23"><t>キジュン</t></rPh>'
	  . '<phoneticPr fontId="1"/>',
	'金融機関等コンピュータシステムの安全対策基準（第8版追補改訂）　チェックシート');
push @rows, [1, ' ht="30" customHeight="1"', ['A1', 2, $title], map { ["${_}1", 2, EMPTY] } qw(B C D E F)];
push @rows, [2, '', ['A2', undef, S('※回答欄（D列・E列）のみご記入ください。', [1, 4, 'カイトウラン'], [14, 16, 'キニュウ'])]];
push @rows, [$hdr, ' ht="37.5" customHeight="1"',
	['A3', 3, S('No.')], ['B3', 3, S('項番', [0, 2, 'コウバン'])], ['C3', 3, S('基準', [0, 2, 'キジュン'])],
	['D3', 3, S('対策実施状況', [0, 2, 'タイサク'], [2, 4, 'ジッシ'], [4, 6, 'ジョウキョウ'])],
	['E3', 3, S('回答', [0, 2, 'カイトウ'])], ['F3', 3, S('備考', [0, 2, 'ビコウ'])]];

my %ans = (
	'設1' => S('データセンターは、地震・水害等の災害リスクが低い地域を選定しています。',
		[6, 8, 'ジシン'], [9, 11, 'スイガイ']),
	'設2' => RS('<r><rPr><sz val="11"/><color theme="1"/><rFont val="游ゴシック"/><family val="3"/><charset val="128"/><scheme val="minor"/></rPr><t>立地環境の変化を</t></r>'
		  . '<r><rPr><b/><u/><sz val="11"/><color rgb="FFFF0000"/><rFont val="游ゴシック"/><family val="3"/><charset val="128"/><scheme val="minor"/></rPr><t>年1回</t></r>'
		  . '<r><rPr><sz val="11"/><color theme="1"/><rFont val="游ゴシック"/><family val="3"/><charset val="128"/><scheme val="minor"/></rPr><t>調査し、対策を講じています。</t></r>'
		  . '<rPh sb="0" eb="2"><t>リッチ</t></rPh><rPh sb="2" eb="4"><t>カンキョウ</t></rPh><rPh sb="5" eb="7"><t>ヘンカ</t></rPh><phoneticPr fontId="1"/>',
		'立地環境の変化を年1回調査し、対策を講じています。'),
	'設3' => S("敷地内に通路を確保しています。\n詳細は別紙1を参照してください。"),
	# a CR (pasted from Windows text) is written _x000D_, the LF as is
	'設4' => RS('<t>隣接する建物との間隔を十分に確保しています。_x000D_
（2023年度点検済み）</t><phoneticPr fontId="1"/>',
		"隣接する建物との間隔を十分に確保しています。\r\n（2023年度点検済み）"),
	'設5' => S('塀、柵および侵入防止装置（赤外線センサー）を設置しています（設5～設7共通）。'),
	'設8' => S('専用の独立区画としています。 '),	# trailing blank: xml:space="preserve"
	'設9' => STR('"通信回線・電力線は"&"地中化し、延焼防止措置を講じています。"', '通信回線・電力線は地中化し、延焼防止措置を講じています。'),
	'設10' => S('耐火建造物です。', [0, 2, 'タイカ'], [2, 5, 'ケンゾウブツ']),
	'設11' => S('新耐震基準（1981年）に適合 & 免震構造 <RC造>'),
);
my %note = (
	'設2' => ERR('VLOOKUP(B5,リスト!$C$1:$D$3,2,FALSE)', '#N/A'),
	'設3' => S('https://example.jp/security/whitepaper'),
	'設4' => N('1.1000000000000001', '1.1'),
	'設5' => BOOL(1),
	# a literal "_x2024_" is escaped as _x005F_x2024_
	'設6' => RS('<t>別紙: audit_x005F_x2024_.pdf</t><phoneticPr fontId="1"/>', '別紙: audit_x2024_.pdf'),
	'設7' => N('0.10000000000000001', '0.1'),
	'設8' => BOOL(0),
	'設9' => N('20240401'),
);
my $r = $hdr;
for my $i (1 .. 12) {
	my $id = "設$i";
	$r++;
	my $no = $i == 1 ? N('1') : $i == 2
	  ? { body => '<f t="shared" ref="A5:A15" si="0">A4+1</f><v>2</v>', shown => '2' }
	  : { body => "<f t=\"shared\" si=\"0\"/><v>$i</v>", shown => "$i" };
	my $idcell = $i == 3 ? S('設 3') : S($id);
	my $a = $ans{$id} // EMPTY;
	my $mark = $i == 12 ? EMPTY : $i == 9 ? STR('IF(D12<>"","○","")', '○') : S('○');
	my @cs = (['A' . $r, 4, $no], ['B' . $r, 4, $idcell], ['C' . $r, 4, S($T{$id})],
		['D' . $r, 5, $a], ['E' . $r, 5, $mark]);
	push @cs, ['F' . $r, $id eq '設3' ? 7 : 4, $note{$id} // EMPTY];
	push @rows, [$r, '', @cs];
	my $shown = $ans{$id} ? $ans{$id}{shown} : $i == 6 || $i == 7 ? $ans{'設5'}{shown} : undef;
	# the remarks (備考) are joined to the answer, but for an Excel error
	my $nshown = $note{$id} ? $note{$id}{shown} : undef;
	$shown = defined $shown ? "$shown\n$nshown" : $nshown
	  if defined $nshown && $nshown ne '' && $nshown !~ /^#/;
	push @answers, [$r, $id, $idcell->{shown}, $shown, $mark->{shown}];
}
add_sheet(name => '回答', uid => '{7F4B2D1C-9A8E-4B6C-A1D3-5E2F0C9B8A77}',
	sheetpr => '<sheetPr><tabColor rgb="FF00B050"/><pageSetUpPr fitToPage="1"/></sheetPr>',
	views => '<sheetViews><sheetView tabSelected="1" zoomScale="85" zoomScaleNormal="85" workbookViewId="0"><pane xSplit="3" ySplit="3" topLeftCell="D4" activePane="bottomRight" state="frozen"/><selection pane="topRight" activeCell="D1" sqref="D1"/><selection pane="bottomLeft" activeCell="A4" sqref="A4"/><selection pane="bottomRight" activeCell="D5" sqref="D5"/></sheetView></sheetViews>',
	cols => '<cols><col min="1" max="1" width="5.625" style="1" customWidth="1"/><col min="2" max="2" width="8.625" style="1" customWidth="1"/><col min="3" max="3" width="40.625" style="1" customWidth="1"/><col min="4" max="4" width="60.625" style="1" customWidth="1"/><col min="5" max="5" width="8.625" style="1" customWidth="1"/><col min="6" max="6" width="20.625" style="1" customWidth="1"/><col min="7" max="16384" width="9" style="1"/></cols>',
	rows => \@rows,
	merges => ['A1:F1', 'D8:D10'],
	before_merges => '<autoFilter ref="A3:F15" xr:uid="{2B6A9C3D-4E5F-4A1B-8C7D-9E0F1A2B3C4D}"/>',
	after => '<conditionalFormatting sqref="E4:E15"><cfRule type="cellIs" dxfId="0" priority="2" operator="equal"><formula>"×"</formula></cfRule></conditionalFormatting>'
	  . '<conditionalFormatting sqref="D4:D15"><cfRule type="containsBlanks" dxfId="0" priority="1"><formula>LEN(TRIM(D4))=0</formula></cfRule></conditionalFormatting>'
	  . '<dataValidations count="1"><dataValidation type="textLength" operator="lessThanOrEqual" allowBlank="1" showInputMessage="1" showErrorMessage="1" promptTitle="入力" prompt="1,000文字以内でご記入ください。" sqref="D4:D15" xr:uid="{0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9}"><formula1>1000</formula1></dataValidation></dataValidations>'
	  . '<hyperlinks><hyperlink ref="F6" r:id="rId1" display="https://example.jp/security/whitepaper" xr:uid="{5C6D7E8F-9A0B-4C1D-8E2F-3A4B5C6D7E8F}"/></hyperlinks>'
	  . '<pageMargins left="0.70866141732283472" right="0.70866141732283472" top="0.74803149606299213" bottom="0.74803149606299213" header="0.31496062992125984" footer="0.31496062992125984"/>'
	  . '<pageSetup paperSize="9" scale="62" fitToHeight="0" orientation="landscape" r:id="rId2"/>'
	  . '<headerFooter><oddFooter>&amp;P / &amp;N ページ</oddFooter></headerFooter>'
	  . '<legacyDrawing r:id="rId3"/>'
	  . '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
	  . '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" xr:uid="{9F8E7D6C-5B4A-4392-8170-6F5E4D3C2B1A}"><x14:formula1><xm:f>リスト!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>E4:E15</xm:sqref></x14:dataValidation>'
	  . '</x14:dataValidations></ext></extLst>',
	rels => [rel('rId3', "$NS_R/vmlDrawing", '../drawings/vmlDrawing1.vml'),
		rel('rId2', "$NS_R/printerSettings", '../printerSettings/printerSettings1.bin'),
		rel('rId1', "$NS_R/hyperlink", 'https://example.jp/security/whitepaper', 'External'),
		rel('rId4', "$NS_R/comments", '../comments1.xml')],
);
# the drop-down's choices, on a hidden sheet
add_sheet(name => 'リスト', uid => '{C0D1E2F3-A4B5-4C6D-8E7F-901A2B3C4D5E}', hidden => 'hidden',
	rows => [[1, '', ['A1', undef, S('○')], ['C1', undef, S('A')], ['D1', undef, S('対応')]],
		[2, '', ['A2', undef, S('×')], ['C2', undef, S('B')], ['D2', undef, S('未対応')]],
		[3, '', ['A3', undef, S('－')], ['C3', undef, S('C')], ['D3', undef, S('対象外')]],
		# escapes of a tab and (lower case) a CR decode; of a NUL or a lone surrogate, which
		# no text can hold, stay as written
		[5, '', ['A5', undef, RS('<t>タブ_x0009_区切り_x000d_ _x0000_ _xD800_ _x41_</t>', "タブ\t区切り\r _x0000_ _xD800_ _x41_")]]]);
$book->{comments} = $XD . qq{<comments xmlns="$NS_MAIN" xmlns:mc="$MC" mc:Ignorable="xr" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"><authors><author>佐藤 花子</author></authors><commentList>}
  . '<comment ref="D5" authorId="0" shapeId="0" xr:uid="{00000000-0006-0000-0100-000001000000}"><text><r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="MS P ゴシック"/><family val="3"/><charset val="128"/></rPr><t>佐藤 花子:</t></r>'
  . '<r><rPr><sz val="9"/><color indexed="81"/><rFont val="MS P ゴシック"/><family val="3"/><charset val="128"/></rPr><t xml:space="preserve">
調査記録は2023年度版を添付。</t></r></text></comment></commentList></comments>';
$book->{vml} = qq{<xml xmlns:v="urn:schemas-microsoft-com:vml"\r\n xmlns:o="urn:schemas-microsoft-com:office:office"\r\n xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n}
  . qq{ <o:shapelayout v:ext="edit">\r\n  <o:idmap v:ext="edit" data="1"/>\r\n </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\r\n  path="m,l,21600r21600,l21600,xe">\r\n  <v:stroke joinstyle="miter"/>\r\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\r\n </v:shapetype>}
  . qq{<v:shape id="_x0000_s1025" type="#_x0000_t202" style='position:absolute;margin-left:400pt;margin-top:60pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden' fillcolor="infoBackground [80]" o:insetmode="auto">\r\n}
  . qq{  <v:fill color2="infoBackground [80]"/>\r\n  <v:shadow color="none [81]" obscured="t"/>\r\n  <v:path o:connecttype="none"/>\r\n  <v:textbox style='mso-direction-alt:auto'>\r\n   <div style='text-align:left'></div>\r\n  </v:textbox>\r\n}
  . qq{  <x:ClientData ObjectType="Note">\r\n   <x:MoveWithCells/>\r\n   <x:SizeWithCells/>\r\n   <x:AutoFill>False</x:AutoFill>\r\n   <x:Row>4</x:Row>\r\n   <x:Column>3</x:Column>\r\n  </x:ClientData>\r\n </v:shape></xml>};
$book->{calcchain} = $XD . qq{<calcChain xmlns="$NS_MAIN"><c r="F5" i="2" l="1"/><c r="D12"/><c r="E12"/>}
  . join('', map { qq{<c r="A$_"/>} } 5 .. 15) . '</calcChain>';
$book->{answers} = \@answers;
my $defined = '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">回答!$A$3:$F$15</definedName>'
  . '<definedName name="_xlnm.Print_Area" localSheetId="1">回答!$A$1:$F$15</definedName>'
  . '<definedName name="_xlnm.Print_Titles" localSheetId="1">回答!$3:$3</definedName>'
  . '<definedName name="選択肢">リスト!$A$1:$A$3</definedName></definedNames>';
my @fisc = package_parts($book, defined => $defined, active => 1);
write_zip('fisc8_excel.xlsx', \@fisc);
write_expected('fisc8_excel', $book);
write_zip('fisc8_abs.xlsx', [package_parts($book, defined => $defined, active => 1, abs => 1)]);
write_expected('fisc8_abs', $book);
write_zip('fisc8_stream.xlsx', \@fisc, stream => 1);
write_expected('fisc8_stream', $book);
write_zip('fisc8_strict.xlsx', [package_parts($book, defined => $defined, active => 1, strict => 1)]);
write_expected('fisc8_strict', $book);

# ========== 2. ISO/IEC 27017: instructions and the control sheet ==========

$book = new_book();
add_sheet(name => '記入要領', uid => '{11111111-2222-4333-8444-555555555555}',
	rows => [[1, '', ['A1', 2, S('記入要領')]],
		[3, '', ['A3', 1, S("1. 「実施状況」欄に、管理策ごとの実施状況を記入してください。\n2. 該当しない管理策は「対象外」と記入してください。")]],
		[5, '', ['A5', 1, S('ISMSクラウドセキュリティ認証（ISO/IEC 27017）取得済み')]]]);
my @iso = (
	# [row, id cell, title, answer, note]
	[4, S('5.1.1'), '情報セキュリティのための方針群',
		S("情報セキュリティ基本方針およびクラウドサービス固有の方針を策定し、\n年1回見直しています。", [0, 4, 'ジョウホウ'])],
	[6, S('6.1.1'), '情報セキュリティの役割及び責任',
		RS('<r><t>役割と責任を</t></r><r><rPr><b/><sz val="11"/><rFont val="游ゴシック"/><family val="3"/><charset val="128"/></rPr><t>利用規約</t></r><r><rPr><sz val="11"/><rFont val="游ゴシック"/><family val="3"/><charset val="128"/></rPr><t>に定めています。</t></r><phoneticPr fontId="1"/>',
		'役割と責任を利用規約に定めています。')],
	[7, S('6.1.3'), '関係当局との連絡', S('所管官庁等の連絡先を一覧化し、定期的に更新しています。')],
	[8, S('CLD.6.3.1'), 'クラウドコンピューティング環境における役割及び責任の共有及び分担',
		S("責任分界表（別紙2）で明示しています。\n\n・物理基盤：当社\n・OS以上：利用者")],
	[10, S('7.2.2'), '情報セキュリティの意識向上、教育及び訓練', STR("記入要領!A5&\"の要員に年2回教育を実施しています。\"", 'ISMSクラウドセキュリティ認証（ISO/IEC 27017）取得済みの要員に年2回教育を実施しています。')],
	[12, S('8.1.1'), '資産目録', S('資産管理台帳で管理しています。')],
	[13, S('CLD8.1.5'), 'クラウドサービス利用者の資産の除去', S('契約終了後30日以内にデータを消去し、消去証明書を発行します。')],
	[14, S('8.2.2'), '情報のラベル付け', S('対象外')],
	[16, S('9.2.1'), '利用者登録及び登録削除', RS('<t xml:space="preserve">  管理者画面から登録・削除できます。_x000D_
_x000D_
手順はマニュアル参照。</t><phoneticPr fontId="1"/>', "  管理者画面から登録・削除できます。\r\n\r\n手順はマニュアル参照。")],
);
@rows = ([1, ' ht="24" customHeight="1"', ['A1', 2, S('ISO/IEC 27017:2015 管理策への対応状況')], map { ["${_}1", 2, EMPTY] } qw(B C D)],
	[2, '', ['A2', 3, S('管理策番号')], ['B2', 3, S('管理策')], ['C2', 3, S('実施状況')], ['D2', 3, S('確認日')]]);
my %sections = (3 => ['5', '情報セキュリティのための方針群'], 5 => ['6', '情報セキュリティのための組織'],
	9 => ['7', '人的資源のセキュリティ'], 11 => ['8', '資産の管理'], 15 => ['9', 'アクセス制御']);
my @merges = ('A1:D1');
@answers = ();
for my $r (sort { $a <=> $b } (keys %sections, map { $_->[0] } @iso)) {
	if (my $s = $sections{$r}) {
		# a section row: "5. title" merged over A:D
		push @rows, [$r, ' ht="22.5" customHeight="1"', ['A' . $r, 3, S("$s->[0]. $s->[1]")],
			['B' . $r, 3, EMPTY], ['C' . $r, 3, EMPTY], ['D' . $r, 3, EMPTY]];
		push @merges, "A$r:D$r";
		next;
	}
	my ($x) = grep { $_->[0] == $r } @iso;
	push @rows, [$r, '', ['A' . $r, 4, $x->[1]], ['B' . $r, 4, S($x->[2])], ['C' . $r, 5, $x->[3]],
		['D' . $r, 6, $r == 4 ? N('45383') : EMPTY]];
	(my $id = $x->[1]{shown}) =~ s/^CLD(?=\d)/CLD./;
	push @answers, [$r, $id, $x->[1]{shown}, $x->[3]{shown}, undef];
}
add_sheet(name => '管理策', uid => '{66666666-7777-4888-9999-AAAAAAAAAAAA}', rows => \@rows, merges => \@merges,
	views => '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="C4" sqref="C4"/></sheetView></sheetViews>');
$book->{answers} = \@answers;
write_zip('iso27017_excel.xlsx', [package_parts($book, active => 1,
	defined => '<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">管理策!$1:$2</definedName></definedNames>')]);
write_expected('iso27017_excel', $book);

# ========== 3. METI cloud: item numbers typed as numbers ==========

$book = new_book();
my @meti = (
	# [id, what Excel writes in <v> or a string typed with a quote]
	['1.1', N('1.1000000000000001', '1.1')],
	['1.2', N('1.2')],
	['2.3', N('2.2999999999999998', '2.3')],
	['4.1', N('4.0999999999999996', '4.1')],
	['4.3', N('4.2999999999999998', '4.3')],
	['4.10', S('4.10')],	# '4.10: text, or Excel would make it 4.1
	['5.1', N('5.0999999999999996', '5.1')],
	['11.14', N('11.140000000000001', '11.14')],
);
@rows = ([1, '', ['A1', 3, S('項番')], ['B1', 3, S('対策項目')], ['C1', 3, S('実施内容')]]);
@answers = ();
$r = 1;
for my $m (@meti) {
	$r++;
	my $a = S("項目$m->[0]について、規程に基づき実施しています。");
	push @rows, [$r, '', ['A' . $r, 4, $m->[1]], ['B' . $r, 4, S("対策$m->[0]")], ['C' . $r, 5, $a]];
	push @answers, [$r, $m->[0], $m->[1]{shown}, $a->{shown}, undef];
}
add_sheet(name => 'チェックシート', uid => '{BBBBBBBB-CCCC-4DDD-8EEE-FFFFFFFFFFFF}', rows => \@rows,
	after => '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
	  . '<ignoredErrors><ignoredError sqref="A7" numberStoredAsText="1"/></ignoredErrors>');
$book->{answers} = \@answers;
write_zip('meti_excel.xlsx', [package_parts($book)]);
write_expected('meti_excel', $book);
PERL
[ $? -eq 0 ] || { echo "not ok - excel: the workbooks could not be built"; exit 1; }

q() { PGOPTIONS='-c client_min_messages=warning' psql -X -At -F$'\t' -d $db -v ON_ERROR_STOP=1 "$@"; }
e() { echo "esc($1)"; }

# check_book FILE FRAMEWORK SHEET LAYOUT RESPONSES
check_book() {
	local f=$1 fw=$2 sheet=$3 layout=$4 n=$5 name=${1%.xlsx} out
	local file="pg_read_binary_file('$tmp/$f')"

	# every cell as Excel shows it
	if q -c "SELECT sheet, row_number, column_number, $(e value) FROM kansa.read_sheet($file)" \
		> "$tmp/$name.got" 2>&1 && diff "$tmp/$name.cells" "$tmp/$name.got" > "$tmp/$name.diff"; then
		echo "ok - excel: $f: read_sheet gives every cell as Excel shows it"
	else
		echo "not ok - excel: $f: read_sheet: $(head -c 1500 "$tmp/$name.diff" "$tmp/$name.got" | tr '\n' ' ')"
	fi

	# the dry run finds the sheet, header and columns, and rejects nothing
	out=$(q -c "SELECT reason FROM kansa.sheet_answers($file, '$fw') WHERE kind = 'layout'" 2>&1)
	if [ "$out" = "$layout" ]; then
		echo "ok - excel: $f: sheet_answers finds sheet $sheet and its columns"
	else
		echo "not ok - excel: $f: sheet_answers layout: $out"
	fi
	out=$(q -c "SELECT row_number, control, $(e cell), $(e answer), mark, via, reason FROM kansa.sheet_answers($file, '$fw') WHERE kind = 'rejected'" 2>&1)
	if [ -z "$out" ]; then
		echo "ok - excel: $f: sheet_answers rejects no row"
	else
		echo "not ok - excel: $f: sheet_answers rejects: $out"
	fi
	q -c "SELECT row_number, control, $(e cell), $(e answer), mark FROM kansa.sheet_answers($file, '$fw') WHERE kind = 'response' ORDER BY row_number" \
		> "$tmp/$name.ans.got" 2>&1
	if diff "$tmp/$name.answers" "$tmp/$name.ans.got" > "$tmp/$name.ans.diff"; then
		echo "ok - excel: $f: sheet_answers gives every control its answer"
	else
		echo "not ok - excel: $f: sheet_answers responses: $(head -c 1500 "$tmp/$name.ans.diff" | tr '\n' ' ')"
	fi

	# the import loads it with 0 rejects, and stores the answers as read
	out=$(q -c "SELECT status, format, sheet, responses, rejected FROM kansa.import_sheet('Bank A', 'サンプルクラウド', '$name', '$fw', $file, '$f')" 2>&1)
	if [ "$out" = "$(printf 'loaded\txlsx\t%s\t%s\t0' "$sheet" "$n")" ]; then
		echo "ok - excel: $f: import_sheet loads $n responses, 0 rejected"
	else
		echo "not ok - excel: $f: import_sheet: $out"
	fi
	out=$(q -c "SELECT count(*) FILTER (WHERE r.raw_text IS NOT DISTINCT FROM NULLIF(x.answer, '')), count(*)
		  FROM kansa.import_batch b JOIN kansa.response r ON r.assessment_id = b.assessment_id
		  JOIN kansa.sheet_answers($file, '$fw') x ON x.kind = 'response' AND x.row_number = r.row_number
		   AND kansa.local_id(r.control) = x.control
		 WHERE b.file_name = '$f'" 2>&1)
	if [ "$out" = "$(printf '%s\t%s' "$n" "$n")" ]; then
		echo "ok - excel: $f: the stored answers are the texts read"
	else
		echo "not ok - excel: $f: stored answers: $out"
	fi
}

lay() { printf '{"format": "xlsx", "sheet": "%s", "header_row": %s, "id_column": %s, "answer_column": %s, "mark_column": %s, "ownership_column": 0%s}' "$@"; }
# 備考 (F) is joined to the answer (text_columns); the cover and the hidden
# list are the other sheets
for v in excel abs stream strict; do
	check_book fisc8_$v.xlsx fisc8 回答 "$(lay 回答 3 2 4 5 ', "text_columns": [6], "other_sheets": ["表紙", "リスト"]')" 12
done
check_book iso27017_excel.xlsx iso27017 管理策 "$(lay 管理策 2 1 3 0 ', "other_sheets": ["記入要領"]')" 9
check_book meti_excel.xlsx meti_cloud チェックシート "$(lay チェックシート 1 1 3 0 '')" 8
