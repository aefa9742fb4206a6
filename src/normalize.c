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
#include "normalize.h"
#include "unicode_letters.h"

/* see normalize.h */
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
 * Refuse a text longer than KANSA_MAX_TEXT_BYTES (see kansa.h), before any
 * work is spent on it.  Every reader of kansa's calls this, directly or
 * through kansa_nfkc; it raises whatever the caller's throw_error says,
 * since the limit is one of resources, not of syntax.
 */
void
kansa_check_text_size(size_t len)
{
	if (len > KANSA_MAX_TEXT_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("text is too long for kansa (%zu bytes, max %d bytes)",
						len, KANSA_MAX_TEXT_BYTES)));
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

	kansa_check_text_size(len);
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

/* Is c a line break (for KANSA_FOLD_BREAKS)? */
static inline bool
is_break(pg_wchar c)
{
	return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 ||
		c == 0x2028 || c == 0x2029;
}

/*
 * Fold len bytes of UTF-8 text for reading: NFKC, runs of blanks made one
 * ASCII space (or, with KANSA_FOLD_BREAKS, one line break where the run
 * holds one), blanks at both ends trimmed; with KANSA_FOLD_LOWER ASCII
 * letters lower-cased, with KANSA_FOLD_DASH dash-like characters made '-',
 * with KANSA_FOLD_CONTROLS other control characters dropped.  Returns a
 * palloc'd NUL-terminated string and its length in *outlen, or NULL on
 * invalid UTF-8 when throw_error is false.  The one normaliser that the
 * answer and evidence parsers and clean_text share.
 */
char *
kansa_fold(const char *str, size_t len, int flags, bool throw_error,
		   int *outlen)
{
	size_t		n;
	size_t		i;
	pg_wchar   *w = kansa_nfkc(str, len, &n, throw_error, NULL, 0);
	unsigned char *o;
	int			olen = 0;
	bool		pending_space = false;
	bool		pending_break = false;

	if (w == NULL)
		return NULL;
	o = palloc(n * 4 + 1);
	for (i = 0; i < n; i++)
	{
		pg_wchar	c = w[i];

		if ((flags & KANSA_FOLD_BREAKS) && is_break(c))
		{
			pending_break = olen > 0;
			continue;
		}
		if (kansa_is_space(c))
		{
			pending_space = olen > 0;
			continue;
		}
		if ((flags & KANSA_FOLD_CONTROLS) && (c < 0x20 || c == 0x7F))
			continue;
		if (pending_break)
			o[olen++] = '\n';
		else if (pending_space)
			o[olen++] = ' ';
		pending_break = pending_space = false;
		if ((flags & KANSA_FOLD_LOWER) && c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		else if ((flags & KANSA_FOLD_DASH) && kansa_is_dash(c))
			c = '-';
		if (c < 0x80)
			o[olen++] = (unsigned char) c;
		else
		{
			unicode_to_utf8(c, o + olen);
			olen += pg_utf_mblen(o + olen);
		}
	}
	o[olen] = '\0';
	pfree(w);
	if (outlen)
		*outlen = olen;
	return (char *) o;
}

/*
 * An ASCII lower-case copy of len bytes of s: same length, same offsets,
 * for matching lower-case cues against text whose case is kept for display.
 */
char *
kansa_ascii_lower(const char *s, int len)
{
	char	   *l = palloc(len + 1);
	int			i;

	for (i = 0; i < len; i++)
		l[i] = pg_ascii_tolower((unsigned char) s[i]);
	l[len] = '\0';
	return l;
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
