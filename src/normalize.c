/*-------------------------------------------------------------------------
 *
 * normalize.c
 *	  Unicode helpers shared by kansa's parsers: NFKC through PostgreSQL's
 *	  own normaliser, and the character classes the parsers agree on.
 *
 * src/normalize.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/unicode_norm.h"
#include "mb/pg_wchar.h"

#include "kansa.h"
#include "unicode_letters.h"

/*
 * Decode UTF-8 bytes into a palloc'd, zero-terminated array of code points
 * in Unicode normalisation form NFKC, and store its length in *nchars.
 *
 * Invalid UTF-8 raises the core "invalid byte sequence" error, or returns
 * NULL when throw_error is false.  kansa's texts are Japanese; in a database
 * whose encoding is not UTF8 only ASCII input can be accepted.
 */
pg_wchar *
kansa_nfkc(const char *str, size_t len, size_t *nchars, bool throw_error)
{
	const unsigned char *p = (const unsigned char *) str;
	const unsigned char *end = p + len;
	pg_wchar   *buf;
	size_t		n = 0;
	bool		ascii = true;

	buf = (pg_wchar *) palloc((len + 1) * sizeof(pg_wchar));
	while (p < end)
	{
		int			l;

		if (*p < 0x80)
		{
			if (*p == '\0')
				goto bad;
			buf[n++] = *p++;
			continue;
		}
		ascii = false;
		l = pg_utf_mblen(p);
		if (l > end - p || !pg_utf8_islegal(p, l))
			goto bad;
		buf[n++] = utf8_to_unicode(p);
		p += l;
	}
	buf[n] = 0;

	if (!ascii)
	{
		if (GetDatabaseEncoding() != PG_UTF8)
		{
			pfree(buf);
			if (!throw_error)
				return NULL;
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("kansa requires a database with encoding UTF8 for non-ASCII text"),
					 errhint("Create the database with ENCODING 'UTF8'.")));
		}
		if (unicode_is_normalized_quickcheck(UNICODE_NFKC, buf) != UNICODE_NORM_QC_YES)
		{
			pg_wchar   *norm = unicode_normalize(UNICODE_NFKC, buf);

			pfree(buf);
			buf = norm;
			for (n = 0; buf[n] != 0; n++)
				;
		}
	}
	*nchars = n;
	return buf;

bad:
	pfree(buf);
	if (!throw_error)
		return NULL;
	report_invalid_encoding(PG_UTF8, (const char *) p, (int) (end - p));
	return NULL;				/* keep compiler quiet */
}

/*
 * Is c white space?  The Unicode White_Space property, so that the ideographic
 * space U+3000 and no-break spaces count as well as ASCII blanks.
 */
bool
kansa_is_space(pg_wchar c)
{
	return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 ||
		c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
		c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
		c == 0x3000;
}

/*
 * Is c a dash-like character that vendors type where an ASCII hyphen is
 * meant?  (Hyphen, non-breaking hyphen, figure dash, en and em dash,
 * horizontal bar, minus sign, small and full-width hyphen-minus, two- and
 * three-em dash.)  The katakana prolonged sound mark is a letter, not a dash.
 */
bool
kansa_is_dash(pg_wchar c)
{
	return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 ||
		c == 0xFE58 || c == 0xFE63 || c == 0xFF0D || c == 0x2E3A ||
		c == 0x2E3B;
}

/*
 * Is c a letter (or combining mark) of any script?  ASCII letters, or a
 * code point in the generated table of general categories L* and M*.
 */
bool
kansa_is_letter(pg_wchar c)
{
	int			lo = 0;
	int			hi = lengthof(kansa_letter_ranges) - 1;

	if (c < 0x80)
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;

		if (c < kansa_letter_ranges[mid].first)
			hi = mid - 1;
		else if (c > kansa_letter_ranges[mid].last)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}
