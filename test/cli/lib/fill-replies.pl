#!/usr/bin/perl
# fill-replies.pl FILE.fods TABLE ID<TAB>STATUS<TAB>REPLY<TAB>EVIDENCE ...
#
# What a vendor does with a follow-up sheet, done to its flat OpenDocument
# form (.fods, as LibreOffice writes it): in the table TABLE, in the row whose
# first cell is the finding number ID, writes STATUS, REPLY and EVIDENCE into
# columns 9, 10 and 11 (an empty one is left alone).  The file is rewritten
# in place; LibreOffice then converts it back to xlsx.  Cells LibreOffice has
# folded into one (table:number-columns-repeated) are unfolded as far as
# column 11.  Core Perl only.
use strict;
use warnings;
use Encode qw(decode_utf8);

my ($file, $table, @fills) = map { decode_utf8($_) } @ARGV;
die "usage: fill-replies.pl FILE.fods TABLE ID<TAB>STATUS<TAB>REPLY<TAB>EVIDENCE ...\n"
  unless defined $table && @fills;
my %fill;
for (@fills) {
	my ($id, @v) = split /\t/, $_, -1;
	$fill{$id} = [@v[0 .. 2]];
}

open my $in, '<:encoding(UTF-8)', $file or die "$file: $!\n";
my $s = do { local $/; <$in> };
close $in;

sub esc {
	my $t = shift;
	$t =~ s/&/&amp;/g;
	$t =~ s/</&lt;/g;
	$t =~ s/>/&gt;/g;
	return $t;
}

# the cells of a row, unfolded as far as column 11
sub cells {
	my $body = shift;
	my @cells;
	while ($body =~ m{\G\s*(<table:(covered-)?table-cell\b[^>]*?/>|<table:(covered-)?table-cell\b[^>]*>.*?</table:(?:covered-)?table-cell>)}gs) {
		my $c = $1;
		if (@cells < 11 && $c =~ /table:number-columns-repeated="(\d+)"/) {
			my $n = $1;
			(my $one = $c) =~ s/\s*table:number-columns-repeated="\d+"//;
			my $take = $n < 11 - @cells ? $n : 11 - @cells;
			push @cells, ($one) x $take;
			if ($n > $take) {
				(my $rest = $c) =~ s/table:number-columns-repeated="\d+"/'table:number-columns-repeated="' . ($n - $take) . '"'/e;
				push @cells, $rest;
			}
		} else {
			push @cells, $c;
		}
	}
	return @cells;
}

# a cell holding text, keeping the style and validation of the one replaced
sub text_cell {
	my ($old, $text) = @_;
	my ($attrs) = $old =~ /^<table:table-cell\b([^>]*?)\/?>/;
	$attrs = '' unless defined $attrs;
	$attrs =~ s/\s*(office|calcext):value(-type)?="[^"]*"//g;
	$attrs =~ s/\s*table:number-columns-repeated="\d+"//;
	$attrs =~ s/\s*\/$//;
	return "<table:table-cell$attrs office:value-type=\"string\" calcext:value-type=\"string\"><text:p>"
	  . esc($text) . "</text:p></table:table-cell>";
}

my $start = index($s, "<table:table table:name=\"$table\"");
die "$file: no table \"$table\"\n" if $start < 0;
my $end = index($s, '</table:table>', $start);
my $part = substr($s, $start, $end - $start);
my $done = 0;
$part =~ s{(<table:table-row\b[^>]*>)(.*?)(</table:table-row>)}{
	my ($open, $body, $close) = ($1, $2, $3);
	my @c = cells($body);
	my ($id) = @c ? $c[0] =~ /office:value="(\d+)"/ : ();
	if (defined $id && $fill{$id}) {
		for my $k (0 .. 2) {
			my $v = $fill{$id}[$k];
			next unless defined $v && $v ne '';
			$c[8 + $k] = text_cell($c[8 + $k] // '<table:table-cell/>', $v);
		}
		$done++;
		$open . join("\n", @c) . $close;
	} else {
		$open . $body . $close;
	}
}gse;
die "$file: filled $done of " . scalar(keys %fill) . " rows\n" unless $done == keys %fill;
substr($s, $start, $end - $start) = $part;

open my $out, '>:encoding(UTF-8)', $file or die "$file: $!\n";
print $out $s;
close $out;
