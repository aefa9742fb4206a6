/*-------------------------------------------------------------------------
 *
 * cleantext.c
 *	  Reduce a vendor's answer cell to plain, normalised text, and cut it
 *	  into sentences.  Shared by the classifier, evidence extraction and
 *	  the importer, so that they all read the same text.
 *
 * Cleaning: HTML tags of the kinds sheets carry (<p>, <br>, <li> ...) are
 * removed, block-level ones becoming line breaks; character and entity
 * references are decoded; the text is put in NFKC (so full-width letters,
 * digits and brackets become ASCII); runs of blanks become one space and
 * runs of line breaks one line break.
 *
 * Comparing: answer_key() is the form in which two answers are "the same"
 * when a newer sheet supersedes an older one (reviews carry forward, the
 * sentence diff of assessment_change): NFKC (character width), without
 * blanks, control characters and punctuation (Unicode general category P*:
 * 、。・「」（）.,:;!? ※ and the like), keeping letters (case included),
 * digits and everything else (symbols such as ○ × ¥ +).  Two exceptions
 * keep figures whole: the percent and per-mille signs are kept, and
 * between two digits a run of blanks and punctuation is kept (its
 * punctuation, or one blank when it has none), so that 99.9 differs from
 * 999 and "10 20" from 1020.  A word or a figure changed is a change.
 *
 * src/cleantext.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "cleantext.h"
#include "kansa.h"
#include "normalize.h"
#include "unicode_punct.h"

/* HTML elements whose tags are markup in answer cells; others are text. */
static const struct
{
	const char *name;
	bool		block;			/* ends a line */
}			html_tags[] =
{
	{"a", false}, {"b", false}, {"blockquote", true}, {"br", true},
	{"div", true}, {"em", false}, {"font", false}, {"h1", true},
	{"h2", true}, {"h3", true}, {"h4", true}, {"h5", true}, {"h6", true},
	{"hr", true}, {"i", false}, {"li", true}, {"ol", true}, {"p", true},
	{"span", false}, {"strong", false}, {"sub", false}, {"sup", false},
	{"table", true}, {"td", false}, {"th", false}, {"tr", true},
	{"u", false}, {"ul", true},
};

/*
 * If s (at '<') starts a tag of a known element, return its length and set
 * *block; else 0, and the '<' is ordinary text (as in "<https://...>").
 */
static int
html_tag_len(const char *s, const char *end, bool *block)
{
	const char *p = s + 1;
	const char *name;
	int			namelen;
	int			i;

	if (p < end && *p == '/')
		p++;
	name = p;
	while (p < end && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
					   (*p >= '0' && *p <= '9')))
		p++;
	namelen = p - name;
	if (namelen == 0 || p >= end || !(*p == '>' || *p == ' ' || *p == '/' ||
									  *p == '\t' || *p == '\n'))
		return 0;
	for (i = 0; i < (int) lengthof(html_tags); i++)
	{
		if ((int) strlen(html_tags[i].name) == namelen &&
			pg_strncasecmp(html_tags[i].name, name, namelen) == 0)
			break;
	}
	if (i == (int) lengthof(html_tags))
		return 0;
	/* attributes up to the closing '>'; a tag never spans 1 kB */
	while (p < end && *p != '>' && *p != '<' && p - s < 1024)
		p++;
	if (p >= end || *p != '>')
		return 0;
	*block = html_tags[i].block;
	return p + 1 - s;
}

/*
 * If s (at '&') starts a character or entity reference, append the
 * character to buf and return the reference's length; else 0.
 */
static int
html_entity(const char *s, const char *end, StringInfo buf)
{
	static const struct
	{
		const char *name;
		const char *text;
	}			entities[] =
	{
		{"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"},
		{"nbsp", " "}, {"ensp", " "}, {"emsp", " "}, {"thinsp", " "},
		{"ndash", "-"}, {"mdash", "-"}, {"hellip", "..."}, {"yen", "¥"},
		{"copy", "©"}, {"reg", "®"}, {"middot", "・"}, {"times", "×"},
	};
	const char *p = s + 1;
	const char *semi;
	int			i;

	semi = memchr(p, ';', Min(end - p, 12));
	if (semi == NULL || semi == p)
		return 0;
	if (*p == '#')
	{
		long		cp = 0;
		bool		hex = (p + 1 < semi && (p[1] == 'x' || p[1] == 'X'));
		const char *d = p + (hex ? 2 : 1);
		unsigned char utf8[8];

		if (d == semi)
			return 0;
		for (; d < semi; d++)
		{
			int			v;

			if (*d >= '0' && *d <= '9')
				v = *d - '0';
			else if (hex && *d >= 'a' && *d <= 'f')
				v = *d - 'a' + 10;
			else if (hex && *d >= 'A' && *d <= 'F')
				v = *d - 'A' + 10;
			else
				return 0;
			cp = cp * (hex ? 16 : 10) + v;
			if (cp > 0x10FFFF)
				return 0;
		}
		/* no NUL, no surrogates, no C0 controls other than blanks */
		if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) ||
			(cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r'))
			return 0;
		unicode_to_utf8((pg_wchar) cp, utf8);
		appendBinaryStringInfo(buf, (char *) utf8, pg_utf_mblen(utf8));
		return semi + 1 - s;
	}
	for (i = 0; i < (int) lengthof(entities); i++)
	{
		if ((int) strlen(entities[i].name) == semi - p &&
			memcmp(entities[i].name, p, semi - p) == 0)
		{
			appendStringInfoString(buf, entities[i].text);
			return semi + 1 - s;
		}
	}
	return 0;
}

/*
 * Clean len bytes of UTF-8 answer text (see the file header).  Returns a
 * palloc'd, NUL-terminated string; invalid UTF-8 raises the core error.
 */
char *
kansa_clean_text(const char *str, size_t len)
{
	StringInfoData raw;
	const char *p = str;
	const char *end = str + len;
	const char *lt;				/* the next '<' at or after p; NULL: none */
	const char *amp;			/* likewise '&' */
	char	   *result;

	/*
	 * Markup first: tags and references are ASCII.  The next '<' and the
	 * next '&' are searched for again only once passed, so that the pass is
	 * linear however many of either the text holds.
	 */
	kansa_check_text_size(len);
	lt = memchr(str, '<', len);
	amp = memchr(str, '&', len);
	initStringInfo(&raw);
	while (p < end)
	{
		const char *stop;
		int			l;
		bool		block;

		CHECK_FOR_INTERRUPTS();
		if (lt != NULL && lt < p)
			lt = memchr(p, '<', end - p);
		if (amp != NULL && amp < p)
			amp = memchr(p, '&', end - p);
		stop = lt;
		if (stop == NULL || (amp != NULL && amp < stop))
			stop = amp;
		if (stop == NULL)
		{
			appendBinaryStringInfo(&raw, p, end - p);
			break;
		}
		appendBinaryStringInfo(&raw, p, stop - p);
		p = stop;
		if (*p == '<' && (l = html_tag_len(p, end, &block)) > 0)
			appendStringInfoChar(&raw, block ? '\n' : ' ');
		else if (*p == '&' && (l = html_entity(p, end, &raw)) > 0)
			;
		else
		{
			appendStringInfoChar(&raw, *p);
			l = 1;
		}
		p += l;
	}

	/* then NFKC and blanks */
	result = kansa_fold(raw.data, raw.len,
						KANSA_FOLD_BREAKS | KANSA_FOLD_CONTROLS, true, NULL);
	pfree(raw.data);
	return result;
}

/*
 * The bracket at text[i]: 1 for ( or （, -1 for ) or ）, 0 for anything else.
 */
static int
bracket_at(const char *text, int len, int i)
{
	unsigned char c = (unsigned char) text[i];

	if (c == '(')
		return 1;
	if (c == ')')
		return -1;
	if (c == 0xEF && i + 2 < len && (unsigned char) text[i + 1] == 0xBC)
	{
		if ((unsigned char) text[i + 2] == 0x88)	/* （ */
			return 1;
		if ((unsigned char) text[i + 2] == 0x89)	/* ） */
			return -1;
	}
	return 0;
}

/*
 * Does the line after the newline at nl close a bracket left open before it?
 * A line broken inside (…) in a cell is one sentence.
 */
static bool
closes_on_next_line(const char *text, int len, int nl)
{
	int			k;

	for (k = nl + 1; k < len && text[k] != '\n'; k++)
	{
		int			b = bracket_at(text, len, k);

		if (b != 0)
			return b < 0;
	}
	return false;
}

/*
 * Cut cleaned text into sentences: after 。 ！ ？ ! ?, at line breaks, and
 * after a '.' that is followed by a blank or the end and not preceded by a
 * digit (so that "A.12.3" and "99.5" stay whole).  Returns the number of
 * sentences and palloc'd arrays of their starts and lengths, blanks around
 * them trimmed, empty ones dropped.
 */
int
kansa_split_sentences(const char *text, int len, int **starts, int **lens)
{
	int			cap = 16;
	int			n = 0;
	int			begin = 0;
	int			i = 0;
	int			depth = 0;		/* open brackets */

	*starts = palloc(cap * sizeof(int));
	*lens = palloc(cap * sizeof(int));
	while (i <= len)
	{
		int			cut = -1;	/* index just past the sentence */
		int			next = i + 1;

		if (i == len)
			cut = len;
		else
		{
			unsigned char c = (unsigned char) text[i];

			depth = Max(depth + bracket_at(text, len, i), 0);
			if (c == '\n' && !(depth > 0 && closes_on_next_line(text, len, i)))
			{
				cut = i;
				next = i + 1;
			}
			else if (c == '\n')
				depth = 0;		/* (管理者\nオプション): one sentence */
			else if (c == '!' || c == '?' ||
					 (c == '.' && (i + 1 == len || text[i + 1] == ' ' ||
								   text[i + 1] == '\n') &&
					  !(i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9')))
				cut = i + 1;
			else if (c == 0xE3 && i + 2 < len &&
					 (unsigned char) text[i + 1] == 0x80 &&
					 (unsigned char) text[i + 2] == 0x82)	/* 。 */
			{
				cut = i + 3;
				next = i + 3;
			}
			else if (c == 0xEF && i + 2 < len &&
					 (((unsigned char) text[i + 1] == 0xBC &&
					   (unsigned char) text[i + 2] == 0x81) ||	/* ！ */
					  ((unsigned char) text[i + 1] == 0xBC &&
					   (unsigned char) text[i + 2] == 0x9F)))	/* ？ */
			{
				cut = i + 3;
				next = i + 3;
			}
		}
		if (cut >= 0)
		{
			int			s = begin;
			int			e = cut;

			while (s < e && (text[s] == ' ' || text[s] == '\n'))
				s++;
			while (e > s && (text[e - 1] == ' ' || text[e - 1] == '\n'))
				e--;
			if (e > s)
			{
				if (n == cap)
				{
					cap *= 2;
					*starts = repalloc(*starts, cap * sizeof(int));
					*lens = repalloc(*lens, cap * sizeof(int));
				}
				(*starts)[n] = s;
				(*lens)[n] = e - s;
				n++;
			}
			begin = (text[i < len ? i : len - 1] == '\n') ? i + 1 : cut;
			if (i == len)
				break;
		}
		i = next;
	}
	return n;
}

PG_FUNCTION_INFO_V1(kansa_clean_text_sql);

/* clean_text(text): the text the classifier reads. */
Datum
kansa_clean_text_sql(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	PG_RETURN_TEXT_P(cstring_to_text(kansa_clean_text(VARDATA_ANY(t),
													  VARSIZE_ANY_EXHDR(t))));
}

/*
 * Is c punctuation that answer_key() sets aside?  Unicode general category
 * P*, except the percent and per-mille signs, which belong to a figure.
 */
static bool
is_key_punct(pg_wchar c)
{
	int			lo = 0;
	int			hi = lengthof(kansa_punct_ranges) - 1;

	if (c == '%' || c == 0x2030 || c == 0x2031)
		return false;
	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;

		if (c < kansa_punct_ranges[mid].first)
			hi = mid - 1;
		else if (c > kansa_punct_ranges[mid].last)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* Append code point c to buf as UTF-8. */
static void
append_wchar(StringInfo buf, pg_wchar c)
{
	unsigned char u[8];

	if (c < 0x80)
		appendStringInfoChar(buf, (char) c);
	else
	{
		unicode_to_utf8(c, u);
		appendBinaryStringInfo(buf, (char *) u, pg_utf_mblen(u));
	}
}

/*
 * The comparison key of len bytes of UTF-8 text (see the file header), as
 * a palloc'd NUL-terminated string.
 */
char *
kansa_answer_key(const char *str, size_t len)
{
	size_t		n;
	size_t		i;
	pg_wchar   *w = kansa_nfkc(str, len, &n, true, NULL, 0);
	StringInfoData out;
	StringInfoData run;			/* punctuation set aside since the last kept */
	bool		blank = false;	/* the run held a blank */
	bool		after_digit = false;	/* the last kept character is a digit */

	initStringInfo(&out);
	initStringInfo(&run);
	for (i = 0; i < n; i++)
	{
		pg_wchar	c = w[i];
		bool		digit = (c >= '0' && c <= '9');

		if ((i & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
		if (kansa_is_space(c) || c < 0x20 || c == 0x7F)
		{
			blank = true;
			continue;
		}
		if (is_key_punct(c))
		{
			append_wchar(&run, c);
			continue;
		}
		/* between two digits the run stays, so figures never merge */
		if (digit && after_digit)
		{
			if (run.len > 0)
				appendBinaryStringInfo(&out, run.data, run.len);
			else if (blank)
				appendStringInfoChar(&out, ' ');
		}
		resetStringInfo(&run);
		blank = false;
		append_wchar(&out, c);
		after_digit = digit;
	}
	pfree(run.data);
	pfree(w);
	return out.data;
}

PG_FUNCTION_INFO_V1(kansa_answer_key_sql);

/* answer_key(text): the form two answers are compared in. */
Datum
kansa_answer_key_sql(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	PG_RETURN_TEXT_P(cstring_to_text(kansa_answer_key(VARDATA_ANY(t),
													  VARSIZE_ANY_EXHDR(t))));
}

/* qsort and bsearch comparator of C strings. */
static int
cmp_cstring(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/*
 * The answer keys of the sentences of a cleaned text: *n of them, palloc'd,
 * and the sentences' starts and lengths in *starts and *lens.
 */
static char **
sentence_keys(const char *text, int len, int *n, int **starts, int **lens)
{
	char	  **keys;
	int			i;

	*n = kansa_split_sentences(text, len, starts, lens);
	keys = palloc((*n + 1) * sizeof(char *));
	for (i = 0; i < *n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		keys[i] = kansa_answer_key(text + (*starts)[i], (*lens)[i]);
	}
	return keys;
}

PG_FUNCTION_INFO_V1(kansa_sentence_diff);

/*
 * sentence_diff(from_text, to_text): the sentences of to_text, in order,
 * whose answer key is no sentence of from_text's; sentences that are all
 * punctuation are left out.  A NULL text has no sentences.
 */
Datum
kansa_sentence_diff(PG_FUNCTION_ARGS)
{
	text	   *from = PG_ARGISNULL(0) ? NULL : PG_GETARG_TEXT_PP(0);
	text	   *to = PG_ARGISNULL(1) ? NULL : PG_GETARG_TEXT_PP(1);
	char	  **from_keys = NULL;
	int			nfrom = 0;
	int			nto;
	int		   *starts;
	int		   *lens;
	char	  **to_keys;
	const char *to_data;
	Datum	   *out;
	int			nout = 0;
	int			i;

	if (to == NULL)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(TEXTOID));
	if (from != NULL)
	{
		from_keys = sentence_keys(VARDATA_ANY(from), VARSIZE_ANY_EXHDR(from),
								  &nfrom, &starts, &lens);
		qsort(from_keys, nfrom, sizeof(char *), cmp_cstring);
	}
	to_data = VARDATA_ANY(to);
	to_keys = sentence_keys(to_data, VARSIZE_ANY_EXHDR(to), &nto, &starts, &lens);
	out = palloc((nto + 1) * sizeof(Datum));
	for (i = 0; i < nto; i++)
	{
		if (to_keys[i][0] == '\0')
			continue;
		if (nfrom > 0 &&
			bsearch(&to_keys[i], from_keys, nfrom, sizeof(char *), cmp_cstring) != NULL)
			continue;
		out[nout++] = PointerGetDatum(cstring_to_text_with_len(to_data + starts[i], lens[i]));
	}
	if (nout == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(TEXTOID));
	PG_RETURN_ARRAYTYPE_P(construct_array(out, nout, TEXTOID, -1, false, TYPALIGN_INT));
}
