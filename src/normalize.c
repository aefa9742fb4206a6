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

/* see kansa.h */
#define nfkc_stable(c) kansa_nfkc_stable(c)

/*
 * NFKC of a code point that maps to one code point on its own and neither
 * composes nor reorders with its neighbours: the stable set above, CJK
 * punctuation and brackets, ・, general-punctuation dashes and quotes,
 * geometric shapes (■ □ ○ △), ×, and the full-width forms of ASCII and the
 * ideographic space, which map to ASCII.  0 for any other code point, which
 * sends the whole string through the full normaliser.
 */
static inline pg_wchar
nfkc_simple(pg_wchar c)
{
	if (nfkc_stable(c))
		return c;
	if (c >= 0xFF01 && c <= 0xFF5E)
		return c - 0xFEE0;
	if (c == 0x3000)
		return 0x20;
	if ((c >= 0x3001 && c <= 0x3003) || (c >= 0x3005 && c <= 0x3007) ||
		(c >= 0x3008 && c <= 0x301C) || c == 0x30FB ||
		c == 0x2010 || (c >= 0x2012 && c <= 0x2015) ||
		(c >= 0x2018 && c <= 0x201D) || (c >= 0x25A0 && c <= 0x25FF) ||
		c == 0xD7 || c == 0xF7)
		return c;
	return 0;
}

/*
 * Decode UTF-8 bytes into a zero-terminated array of code points in Unicode
 * normalisation form NFKC, and store its length in *nchars.
 *
 * The array is written to buf when buf is not NULL and holds bufsize code
 * points (at least len + 1 are needed), else palloc'd; when normalisation
 * changes the text the result is a new palloc'd array.  Callers pfree the
 * result when it is not their buf.
 *
 * Invalid UTF-8 raises the core "invalid byte sequence" error, or returns
 * NULL when throw_error is false.  kansa's texts are Japanese; in a database
 * whose encoding is not UTF8 only ASCII input can be accepted.
 */
pg_wchar *
kansa_nfkc(const char *str, size_t len, size_t *nchars, bool throw_error,
		   pg_wchar *buf, size_t bufsize)
{
	const unsigned char *p = (const unsigned char *) str;
	const unsigned char *end = p + len;
	pg_wchar   *w;
	size_t		n = 0;
	bool		ascii = true;
	bool		stable = true;

	if (buf != NULL && bufsize > len)
		w = buf;
	else
		w = (pg_wchar *) palloc((len + 1) * sizeof(pg_wchar));
	while (p < end)
	{
		int			l;

		if (*p < 0x80)
		{
			if (*p == '\0')
				goto bad;
			w[n++] = *p++;
			continue;
		}
		ascii = false;
		l = pg_utf_mblen(p);
		if (l > end - p || !pg_utf8_islegal(p, l))
			goto bad;
		w[n] = utf8_to_unicode(p);
		if (stable)
		{
			pg_wchar	m = nfkc_simple(w[n]);

			if (m != 0)
				w[n] = m;
			else
				stable = false;
		}
		n++;
		p += l;
	}
	w[n] = 0;

	if (!ascii)
	{
		if (GetDatabaseEncoding() != PG_UTF8)
		{
			if (w != buf)
				pfree(w);
			if (!throw_error)
				return NULL;
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("kansa requires a database with encoding UTF8 for non-ASCII text"),
					 errhint("Create the database with ENCODING 'UTF8'.")));
		}
		/*
		 * Outside the simple set, normalise the original text: the simple
		 * mappings made so far are part of NFKC anyway.
		 */
		if (!stable &&
			unicode_is_normalized_quickcheck(UNICODE_NFKC, w) != UNICODE_NORM_QC_YES)
		{
			pg_wchar   *norm = unicode_normalize(UNICODE_NFKC, w);

			if (w != buf)
				pfree(w);
			w = norm;
			for (n = 0; w[n] != 0; n++)
				;
		}
	}
	*nchars = n;
	return w;

bad:
	if (w != buf)
		pfree(w);
	if (!throw_error)
		return NULL;
	report_invalid_encoding(PG_UTF8, (const char *) p, (int) (end - p));
	return NULL;				/* keep compiler quiet */
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
	if (nfkc_stable(c))
		return true;			/* ideographs and kana: the common case */
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
