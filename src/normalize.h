/*-------------------------------------------------------------------------
 *
 * normalize.h
 *	  Unicode helpers shared by kansa's parsers: NFKC through PostgreSQL's
 *	  own normaliser, folding, and the character classes the parsers agree
 *	  on.
 *
 * src/normalize.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef KANSA_NORMALIZE_H
#define KANSA_NORMALIZE_H

#include "mb/pg_wchar.h"

extern pg_wchar *kansa_nfkc(const char *str, size_t len, size_t *nchars,
							bool throw_error, pg_wchar *buf, size_t bufsize);
extern bool kansa_is_letter(pg_wchar c);

#define KANSA_FOLD_LOWER	0x01	/* ASCII letters to lower case */
#define KANSA_FOLD_DASH		0x02	/* dash-like characters to '-' */
#define KANSA_FOLD_BREAKS	0x04	/* keep line breaks apart from blanks */
#define KANSA_FOLD_CONTROLS 0x08	/* drop other control characters */
extern char *kansa_fold(const char *str, size_t len, int flags,
						bool throw_error, int *outlen);
extern char *kansa_ascii_lower(const char *s, int len);

/*
 * Is c a code point that NFKC leaves alone whatever surrounds it?  Kana
 * without combining marks and the CJK Unified Ideographs block are stable
 * and never compose with a neighbour that is itself in this set or ASCII.
 * They are all letters, too.
 */
static inline bool
kansa_nfkc_stable(pg_wchar c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3041 && c <= 0x3096) ||
		(c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC;
}

/*
 * Is c white space?  The Unicode White_Space property, so that the ideographic
 * space U+3000 and no-break spaces count as well as ASCII blanks.
 */
static inline bool
kansa_is_space(pg_wchar c)
{
	if (c < 0x80)
		return (c >= 0x09 && c <= 0x0D) || c == 0x20;
	return c == 0x85 || c == 0xA0 || c == 0x1680 ||
		(c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
		c == 0x202F || c == 0x205F || c == 0x3000;
}

/*
 * Is c a dash-like character that vendors type where an ASCII hyphen is
 * meant?  (Hyphen, non-breaking hyphen, figure dash, en and em dash,
 * horizontal bar, minus sign, small and full-width hyphen-minus, two- and
 * three-em dash.)  The katakana prolonged sound mark is a letter, not a dash.
 */
static inline bool
kansa_is_dash(pg_wchar c)
{
	if (c < 0x80)
		return c == '-';
	return (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 ||
		c == 0xFE63 || c == 0xFF0D || c == 0x2E3A || c == 0x2E3B;
}

#endif							/* KANSA_NORMALIZE_H */
