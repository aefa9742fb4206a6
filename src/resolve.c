/*-------------------------------------------------------------------------
 *
 * resolve.c
 *	  Control ids as answer sheets write them, resolved against a
 *	  framework's catalog: whole ids, lenient keys (case, width, blanks and
 *	  punctuation aside), bare numbers under a numbered section, lists and
 *	  ranges, prefixes (FISC-統1, No.4.1, A.9.2.1), range statements in
 *	  free text (設備基準84～137 は…対象外), and section headings.  Used by
 *	  sheet_answers() (import.c); the rules are described there.
 *
 * src/resolve.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"

#include "control_id.h"
#include "import.h"
#include "normalize.h"

static Catalog *sort_catalog;

static int
cmp_by_id(const void *a, const void *b)
{
	return strcmp(sort_catalog->ids[*(const int *) a],
				  sort_catalog->ids[*(const int *) b]);
}

static int
cmp_by_key(const void *a, const void *b)
{
	int			c = strcmp(sort_catalog->keys[*(const int *) a],
						   sort_catalog->keys[*(const int *) b]);

	return c != 0 ? c : *(const int *) a - *(const int *) b;
}

/*
 * The lenient key of an id: NFKC, ASCII lower case, only letters and digits
 * kept, except that blanks or punctuation between two digits become one
 * "." ("設 83－1" and "設83-1" are 設83.1; "1.1" never matches "11").
 */
char *
kansa_id_key(const char *s, size_t len)
{
	int			flen;
	char	   *f = kansa_fold(s, len, KANSA_FOLD_LOWER, false, &flen);
	char	   *out;
	char	   *o;
	const unsigned char *p;
	bool		dropped = false;

	if (f == NULL)
		return pstrdup("");
	out = o = palloc(flen + 1);
	p = (const unsigned char *) f;
	while (*p)
	{
		int			l = pg_utf_mblen(p);
		bool		digit = *p >= '0' && *p <= '9';

		if (digit || (*p >= 'a' && *p <= 'z') ||
			(*p >= 0x80 && kansa_is_letter(utf8_to_unicode(p))))
		{
			if (digit && dropped && o > out && o[-1] >= '0' && o[-1] <= '9')
				*o++ = '.';
			memcpy(o, p, l);
			o += l;
			dropped = false;
		}
		else
			dropped = true;
		p += l;
	}
	*o = '\0';
	pfree(f);
	return out;
}

static char **
text_array(ArrayType *arr, int *n)
{
	Datum	   *elems;
	bool	   *nulls;
	char	  **out;
	int			i;

	deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, n);
	out = palloc(Max(*n, 1) * sizeof(char *));
	for (i = 0; i < *n; i++)
		out[i] = nulls[i] ? pstrdup("") : TextDatumGetCString(elems[i]);
	return out;
}

Catalog *
kansa_catalog_build(const char *framework, ArrayType *controls,
					ArrayType *sections, ArrayType *section_titles)
{
	Catalog    *cat = palloc0(sizeof(Catalog));
	int			i,
				nt;
	char	  **titles;

	cat->framework = framework;
	cat->ids = text_array(controls, &cat->n);
	cat->keys = palloc(Max(cat->n, 1) * sizeof(char *));
	cat->by_id = palloc(Max(cat->n, 1) * sizeof(int));
	cat->by_key = palloc(Max(cat->n, 1) * sizeof(int));
	for (i = 0; i < cat->n; i++)
	{
		cat->keys[i] = kansa_id_key(cat->ids[i], strlen(cat->ids[i]));
		cat->by_id[i] = cat->by_key[i] = i;
	}
	sort_catalog = cat;
	qsort(cat->by_id, cat->n, sizeof(int), cmp_by_id);
	qsort(cat->by_key, cat->n, sizeof(int), cmp_by_key);
	sort_catalog = NULL;

	cat->sec_ids = text_array(sections, &cat->nsections);
	titles = text_array(section_titles, &nt);
	if (nt != cat->nsections)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("sections and section_titles must have the same length")));
	cat->sec_keys = palloc(Max(nt, 1) * sizeof(char *));
	for (i = 0; i < nt; i++)
		cat->sec_keys[i] = kansa_id_key(titles[i], strlen(titles[i]));
	return cat;
}

/* Index of the control with local id s, or -1. */
int
kansa_find_exact(Catalog *cat, const char *s)
{
	int			lo = 0,
				hi = cat->n - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;
		int			c = strcmp(s, cat->ids[cat->by_id[mid]]);

		if (c == 0)
			return cat->by_id[mid];
		if (c < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return -1;
}

/* Index of the one control with lenient key k, -1 for none, -2 for several. */
static int
find_key(Catalog *cat, const char *k)
{
	int			lo = 0,
				hi = cat->n - 1,
				first = -1;

	if (k[0] == '\0')
		return -1;
	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;
		int			c = strcmp(k, cat->keys[cat->by_key[mid]]);

		if (c == 0)
			first = mid;
		if (c <= 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	if (first < 0)
		return -1;
	if (first + 1 < cat->n && strcmp(k, cat->keys[cat->by_key[first + 1]]) == 0)
		return -2;
	return cat->by_key[first];
}

/*
 * Resolve one id written on its own; -1 unknown, -2 ambiguous.  First as
 * control_id's input function reads it (full width, blanks, dashes and the
 * "framework:" prefix handled as for any control_id literal), then by the
 * lenient key.
 */
static int
resolve_one(Catalog *cat, const char *s)
{
	size_t		fl = strlen(cat->framework);
	size_t		len;
	ControlId  *id;
	int			i;
	char	   *k;

	while (*s == ' ')
		s++;
	if (*s == '\0')
		return -1;
	if (pg_strncasecmp(s, cat->framework, fl) == 0 && s[fl] == ':')
		s += fl + 1;
	len = strlen(s);
	id = control_id_from_parts(cat->framework, fl, s, len, false);
	if (id != NULL)
	{
		/* the canonical text is "framework:local" */
		char	   *local = pnstrdup(VARDATA_ANY(id) + fl + 1,
									 VARSIZE_ANY_EXHDR(id) - fl - 1);

		i = kansa_find_exact(cat, local);
		pfree(local);
		if (i >= 0)
			return i;
	}
	k = kansa_id_key(s, len);
	i = find_key(cat, k);
	pfree(k);
	return i;
}

/* ----- lists and ranges ----- */

static void
idlist_add(IdList *l, int i)
{
	int			j;

	for (j = 0; j < l->n; j++)
		if (l->idx[j] == i)
			return;
	if (l->n == l->cap)
	{
		l->cap = Max(8, l->cap * 2);
		l->idx = l->idx ? repalloc(l->idx, l->cap * sizeof(int)) :
			palloc(l->cap * sizeof(int));
	}
	l->idx[l->n++] = i;
}

static bool
is_digit_start(const char *s)
{
	return *s >= '0' && *s <= '9';
}

/* Length of the part of an id before its first digit. */
static size_t
prefix_len(const char *s)
{
	const char *p = s;

	while (*p && !(*p >= '0' && *p <= '9'))
		p++;
	return p - s;
}

/*
 * Resolve one end of a range or one list item; prev is the id written
 * before it, whose prefix a bare number takes ("運92、93").  A prefix that
 * is the title of a top-level section stands for that section's id
 * ("設備基準84" is 設84 when 設 is titled 設備基準).
 */
static int
resolve_item(Catalog *cat, const char *s, const char *prev)
{
	int			i = resolve_one(cat, s);
	size_t		pl;

	if (i >= 0 || i == -2)
		return i;
	if (prev != NULL && is_digit_start(s) && (pl = prefix_len(prev)) > 0)
	{
		char	   *t = psprintf("%.*s%s", (int) pl, prev, s);

		i = resolve_one(cat, t);
		if (i >= 0)
			return i;
	}
	pl = prefix_len(s);
	if (pl > 0 && s[pl] != '\0')
	{
		char	   *k = kansa_id_key(s, pl);
		int			j;

		for (j = 0; j < cat->nsections; j++)
			if (k[0] != '\0' && strcmp(k, cat->sec_keys[j]) == 0)
			{
				char	   *t = psprintf("%s%s", cat->sec_ids[j], s + pl);

				i = resolve_one(cat, t);
				if (i >= 0)
					return i;
			}
	}
	return -1;
}

/* Add every control from a to b (document order) to the list. */
static bool
add_range(IdList *l, int a, int b)
{
	int			i;

	if (a < 0 || b < 0 || a >= b)
		return false;
	for (i = a; i <= b; i++)
		idlist_add(l, i);
	return true;
}

/*
 * Split a range "A~B" at its marker; false when s holds none.  The marker
 * is ~ (also 〜 and ～ after NFKC) or から, or with dash_ranges a hyphen.
 */
static bool
split_range(const char *s, char **a, char **b, bool dash_ranges)
{
	const char *m = NULL;
	int			ml = 0;

	if ((m = strstr(s, "~")) != NULL)
		ml = 1;
	else if ((m = strstr(s, "\xe3\x80\x9c")) != NULL)	/* 〜 */
		ml = 3;
	else if ((m = strstr(s, "\xe3\x81\x8b\xe3\x82\x89")) != NULL)	/* から */
		ml = 6;
	else if (dash_ranges && (m = strrchr(s, '-')) != NULL)
		ml = 1;
	if (m == NULL || m == s || m[ml] == '\0')
		return false;
	*a = pnstrdup(s, m - s);
	*b = pstrdup(m + ml);
	return true;
}

/* Resolve a range "A~B"; false when it is none or does not resolve. */
static bool
resolve_range(Catalog *cat, const char *s, const char *prev, IdList *out,
			  bool dash_ranges)
{
	char	   *a,
			   *b;
	int			ia,
				ib;
	char	   *pa;

	if (!split_range(s, &a, &b, dash_ranges))
		return false;
	ia = resolve_item(cat, a, prev);
	if (ia < 0)
		return false;
	/* B may be written whole or as a bare number taking A's prefix */
	pa = psprintf("%.*s", (int) prefix_len(cat->ids[ia]), cat->ids[ia]);
	ib = resolve_item(cat, b, is_digit_start(b) ? pa : NULL);
	if (ib < 0 && is_digit_start(b))
		ib = resolve_item(cat, b, a);
	return add_range(out, ia, ib);
}

/*
 * Resolve an id cell into controls.  Returns the number of controls, 0 when
 * the cell does not resolve (then *bad points at the piece that failed), and
 * sets *single when the cell names one control on its own.
 */
static char *range_words(char *f);

/* Does s hold word, case aside? */
static bool
contains_nocase(const char *s, const char *word)
{
	size_t		wl = strlen(word);

	for (; *s; s++)
		if (pg_strncasecmp(s, word, wl) == 0)
			return true;
	return false;
}

static int	resolve_written(Catalog *cat, const char *cell, const char *section,
							IdList *out, const char *subsection, bool *single,
							char **bad);

/*
 * The cell without the prefixes sheets put before ids: a framework's name
 * (FISC-統1), a number sign (No.4.1, No 4.1, #4.1), Annex A's letter
 * (A.9.2.1).  An ASCII word of up to 8 letters followed by - . : or a blank,
 * or a #, where an id starts (at the start, or after a blank, a range mark
 * or a list separator), before a digit or a Japanese letter.  NULL when
 * there is none.
 */
char *
kansa_strip_id_prefixes(const char *cell)
{
	StringInfoData o;
	int			flen;
	const char *p = kansa_fold(cell, strlen(cell), 0, false, &flen);
	bool		at_start = true;
	bool		any = false;

	if (p == NULL)
		return NULL;
	initStringInfo(&o);
	while (*p)
	{
		if (at_start)
		{
			const char *q = p;
			const char *r;

			while ((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z'))
				q++;
			r = q;
			if (q - p <= 8 && (q > p || *q == '#') &&
				(*q == '-' || *q == '.' || *q == ':' || *q == ' ' || *q == '#'))
			{
				r = q + 1;
				while (*r == ' ')
					r++;
				if ((*r >= '0' && *r <= '9') || (unsigned char) *r >= 0x80)
				{
					p = r;
					any = true;
					continue;	/* "Annex A.5": look again */
				}
			}
		}
		at_start = *p == ' ' || *p == '~' || *p == ',' ||
			strncmp(p, "\xe3\x80\x9c", 3) == 0 ||	/* 〜 */
			strncmp(p, "\xef\xbd\x9e", 3) == 0 ||	/* ～ */
			strncmp(p, "\xe3\x80\x81", 3) == 0;	/* 、 */
		if ((unsigned char) *p >= 0x80)
		{
			int			l = pg_utf_mblen((const unsigned char *) p);

			appendBinaryStringInfo(&o, p, l);
			p += l;
		}
		else
			appendStringInfoChar(&o, *p++);
	}
	/* 統3（再掲）: an id listed again */
	if (o.len > 8 && strcmp(o.data + o.len - 8, "(\xe5\x86\x8d\xe6\x8e\xb2)") == 0)
	{
		o.len -= 8;
		o.data[o.len] = '\0';
		while (o.len > 0 && o.data[o.len - 1] == ' ')
			o.data[--o.len] = '\0';
		any = true;
	}
	if (!any)
	{
		pfree(o.data);
		return NULL;
	}
	return o.data;
}

/*
 * The controls an id cell names: as written, or, failing that, without the
 * prefixes sheets put before ids.
 */
int
kansa_resolve_cell(Catalog *cat, const char *cell, const char *section,
				   IdList *out, const char *subsection, bool *single, char **bad)
{
	int			n = resolve_written(cat, cell, section, out, subsection, single, bad);
	char	   *stripped;

	if (n == 0 && (stripped = kansa_strip_id_prefixes(cell)) != NULL)
	{
		char	   *bad2;
		bool		single2;
		int			n2 = resolve_written(cat, stripped, section, out, subsection,
										 &single2, &bad2);

		if (n2 > 0)
		{
			*single = single2;
			*bad = NULL;
			return n2;
		}
		out->n = 0;
	}
	return n;
}

/*
 * A bare item number within a numbered section: "2" under section 1 is
 * 1.2, and within a numbered sub-section "8(2)" item 8.2.2; or -1.
 */
static int
resolve_section_item(Catalog *cat, const char *f, int flen, const char *section,
					 const char *subsection)
{
	char	   *t;
	int			i;
	int			k;
	size_t		sl;

	if (section == NULL || strspn(f, "0123456789") != (size_t) flen)
		return -1;
	t = psprintf("%s.%s", section, f);
	if ((i = kansa_find_exact(cat, t)) >= 0)
		return i;
	if (subsection == NULL)
		return -1;
	sl = strlen(section);
	if (strncmp(subsection, section, sl) == 0 && subsection[sl] == '(' &&
		sscanf(subsection + sl + 1, "%d", &k) == 1)
	{
		t = psprintf("%s.%d.%s", section, k, f);
		if ((i = kansa_find_exact(cat, t)) >= 0)
			return i;
	}
	return -1;
}

/*
 * Split a folded id cell into pieces at blanks and list separators (, ; /
 * 、 ・ 。 及び, line breaks).  A blank is no separator next to a range
 * marker ("設 2 ～ 設 4") or between a prefix and its number ("設 2").
 */
static List *
split_pieces(const char *f)
{
	List	   *pieces = NIL;
	StringInfoData cur;
	const char *p;

	initStringInfo(&cur);
	for (p = f; *p;)
	{
		bool		sep = false;
		int			l = pg_utf_mblen((const unsigned char *) p);

		if (*p == ' ')
		{
			char		before = cur.len > 0 ? cur.data[cur.len - 1] : '\0';
			bool		glue = before == '~' || p[1] == '~' ||
				before == '-' || p[1] == '-' ||
				(p[1] >= '0' && p[1] <= '9' && cur.len > 0 &&
				 !(before >= '0' && before <= '9'));

			if (glue)
			{
				p++;
				continue;
			}
			sep = true;
		}
		else if (*p == ',' || *p == ';' || *p == '/' || *p == '\n')
			sep = true;
		else if (strncmp(p, "\xe3\x80\x81", 3) == 0 ||	/* 、 */
				 strncmp(p, "\xe3\x83\xbb", 3) == 0 ||	/* ・ */
				 strncmp(p, "\xe3\x80\x82", 3) == 0)	/* 。 */
			sep = true;
		else if (strncmp(p, "\xe5\x8f\x8a\xe3\x81\xb3", 6) == 0)	/* 及び */
		{
			sep = true;
			l = 6;
		}
		if (sep)
		{
			if (cur.len > 0)
				pieces = lappend(pieces, pstrdup(cur.data));
			resetStringInfo(&cur);
		}
		else
			appendBinaryStringInfo(&cur, p, l);
		p += l;
	}
	if (cur.len > 0)
		pieces = lappend(pieces, pstrdup(cur.data));
	return pieces;
}

/*
 * The controls the pieces of a cell name, each an id or a range (a number
 * alone takes the prefix of the id before it; a digitless piece, "設", is
 * glued to the piece after it).  All or nothing: 0, with *bad the first
 * piece not understood.
 */
static int
resolve_pieces(Catalog *cat, List *pieces, IdList *out, char **bad)
{
	ListCell   *lc;
	const char *prev = NULL;
	char	   *pending = NULL;

	foreach(lc, pieces)
	{
		char	   *piece = (char *) lfirst(lc);
		int			n0 = out->n;
		int			i;

		CHECK_FOR_INTERRUPTS();
		if (pending != NULL)
		{
			piece = psprintf("%s%s", pending, piece);
			pending = NULL;
		}
		if (strpbrk(piece, "0123456789") == NULL && lnext(pieces, lc) != NULL)
		{
			pending = piece;	/* "設" before "3" */
			continue;
		}
		i = resolve_item(cat, piece, prev);
		if (i >= 0)
			idlist_add(out, i);
		else if (!resolve_range(cat, piece, prev, out, true) || out->n == n0)
		{
			*bad = piece;
			out->n = 0;
			return 0;
		}
		prev = i >= 0 ? cat->ids[i] : cat->ids[out->idx[out->n - 1]];
	}
	if (pending != NULL)
	{
		*bad = pending;
		out->n = 0;
		return 0;
	}
	return out->n;
}

/*
 * The controls an id cell names as written: the whole cell as one id (or a
 * bare item number of the section), else a list of ids and ranges.
 */
static int
resolve_written(Catalog *cat, const char *cell, const char *section, IdList *out,
				const char *subsection, bool *single, char **bad)
{
	int			flen;
	char	   *f;
	int			i;
	int			n;

	out->n = 0;
	*single = false;
	*bad = NULL;
	f = kansa_fold(cell, strlen(cell), KANSA_FOLD_DASH, false, &flen);
	if (f == NULL || flen == 0)
		return 0;
	/* "設84 to 設137", "運10 から 運20": a range in words */
	if (contains_nocase(f, " to ") || strstr(f, "\xe3\x81\x8b\xe3\x82\x89") != NULL)
	{
		f = range_words(f);
		flen = strlen(f);
	}
	/* a bare item number within a numbered section: before anything else */
	if ((i = resolve_section_item(cat, f, flen, section, subsection)) >= 0 ||
		(i = resolve_one(cat, f)) >= 0)
	{
		idlist_add(out, i);
		*single = true;
		return 1;
	}
	if (flen > 1000)
	{
		*bad = pnstrdup(f, 40);
		return 0;
	}
	n = resolve_pieces(cat, split_pieces(f), out, bad);
	*single = n == 1;
	return n;
}

/*
 * The words a range statement is written in, made the forms text_range
 * reads: the full names of FISC's sections (設備基準 84～137) their short
 * ones (設84～137), " to " and blanks around 〜 or から dropped, and a blank
 * between a section's name and a number (運用基準 10 から 20 まで).
 */
static char *
range_words(char *f)
{
	static const char *const names[][2] = {
		{"統制基準", "統"}, {"実務基準", "実"}, {"設備基準", "設"},
		{"監査基準", "監"}, {"運用基準", "運"}, {"技術基準", "技"},
	};
	StringInfoData o;
	const char *p = f;
	int			i;

	initStringInfo(&o);
	while (*p)
	{
		bool		done = false;

		for (i = 0; i < (int) lengthof(names) && !done; i++)
		{
			size_t		nl = strlen(names[i][0]);

			if (strncmp(p, names[i][0], nl) == 0)
			{
				appendStringInfoString(&o, names[i][1]);
				p += nl;
				done = true;
			}
		}
		if (done)
			continue;
		if (pg_strncasecmp(p, " to ", 4) == 0)
		{
			appendStringInfoChar(&o, '~');
			p += 4;
			continue;
		}
		if (*p == ' ')
		{
			const char *q = p + 1;
			bool		before_mark = *q == '~' || strncmp(q, "\xe3\x81\x8b\xe3\x82\x89", 6) == 0 ||
				strncmp(q, "\xe3\x80\x9c", 3) == 0;
			bool		after_mark = o.len > 0 &&
				(o.data[o.len - 1] == '~' ||
				 (o.len >= 6 && strncmp(o.data + o.len - 6, "\xe3\x81\x8b\xe3\x82\x89", 6) == 0) ||
				 (o.len >= 3 && strncmp(o.data + o.len - 3, "\xe3\x80\x9c", 3) == 0));
			bool		name_number = o.len > 0 && (unsigned char) o.data[o.len - 1] >= 0x80 &&
				*q >= '0' && *q <= '9';

			if (before_mark || after_mark || name_number)
			{
				p++;
				continue;
			}
		}
		appendStringInfoChar(&o, *p++);
	}
	return o.data;
}

/*
 * Is the hyphen at p one between two whole ids of the same prefix
 * (設84-設136), a range even in free text?  A bare "84-136" is not.
 */
static bool
hyphen_range(const char *f, const char *p)
{
	const char *d = p;
	const char *a;

	while (d > f && d[-1] >= '0' && d[-1] <= '9')
		d--;
	if (d == p)
		return false;			/* no digit before the hyphen */
	a = d;
	while (a > f && !(a[-1] >= '0' && a[-1] <= '9') && a[-1] != ' ' &&
		   (unsigned char) a[-1] >= 0x80)
		a--;
	/* a is at the start of a UTF-8 character: the prefix is [a, d) */
	if (a == d)
		return false;
	return strncmp(p + 1, a, d - a) == 0 && p[1 + (d - a)] >= '0' &&
		p[1 + (d - a)] <= '9';
}

/*
 * Does the text state a range of controls ("設備基準84～137 は…対象外")?
 * Only ~-style markers count in free text, and a hyphen between two whole
 * ids (設84-設136), never one between bare numbers.
 */
int
kansa_text_range(Catalog *cat, const char *text, IdList *out)
{
	int			flen;
	char	   *f = kansa_fold(text, strlen(text), KANSA_FOLD_DASH, false, &flen);
	char	   *p;

	out->n = 0;
	if (f == NULL || flen > 100000)
		return 0;
	f = range_words(f);
	for (p = f; *p; p++)
	{
		int			ml = 0;
		char	   *a,
				   *b;

		if (*p == '~')
			ml = 1;
		else if (strncmp(p, "\xe3\x80\x9c", 3) == 0)
			ml = 3;
		else if (strncmp(p, "\xe3\x81\x8b\xe3\x82\x89", 6) == 0)
			ml = 6;
		else if (*p == '-' && hyphen_range(f, p))
			ml = 1;
		if (ml == 0)
			continue;
		/* the id before: letters and digits back to a blank or punctuation */
		a = p;
		while (a > f && a[-1] != ' ' && a[-1] != '(' && a[-1] != '[' &&
			   !(a - f >= 3 && (strncmp(a - 3, "\xe3\x80\x81", 3) == 0 ||
								strncmp(a - 3, "\xe3\x80\x8c", 3) == 0 ||
								strncmp(a - 3, "\xe3\x81\xaf", 3) == 0)) &&
			   p - a < 60)
			a--;
		b = p + ml;
		while (*b && ((*b >= '0' && *b <= '9') || *b == '-' || *b == '.' ||
					  (*b >= 'A' && *b <= 'Z') || (*b >= 'a' && *b <= 'z') ||
					  (unsigned char) *b >= 0x80) &&
			   strncmp(b, "\xe3\x81\xaf", 3) != 0 &&	/* は */
			   strncmp(b, "\xe3\x81\xae", 3) != 0 &&	/* の */
			   strncmp(b, "\xe3\x81\xbe", 3) != 0 &&	/* ま(で) */
			   strncmp(b, "\xe3\x80\x81", 3) != 0 && b - (p + ml) < 60)
			b += ((unsigned char) *b >= 0x80) ? pg_utf_mblen((unsigned char *) b) : 1;
		if (a < p && b > p + ml)
		{
			char	   *s = psprintf("%.*s", (int) (b - a), a);

			/* trim letters after the last digit of B ("137は") */
			size_t		sl = strlen(s);

			while (sl > 0 && !(s[sl - 1] >= '0' && s[sl - 1] <= '9'))
				sl--;
			s[sl] = '\0';
			if (resolve_range(cat, s, NULL, out, *p == '-') && out->n >= 2)
				return out->n;
			out->n = 0;
		}
		p += ml - 1;
	}
	return 0;
}

static char *section_id_written(Catalog *cat, const char *cell);

/*
 * The section a cell names by its local id, written whole (blanks and width
 * folded: "統", "1(1)", "１２"), or failing that without the prefixes sheets
 * put before ids ("A.5"), as resolve_cell() reads controls; or NULL.
 */
char *
kansa_section_id(Catalog *cat, const char *cell)
{
	char	   *sec = section_id_written(cat, cell);
	char	   *stripped;

	if (sec == NULL && (stripped = kansa_strip_id_prefixes(cell)) != NULL)
		sec = section_id_written(cat, stripped);
	return sec;
}

static char *
section_id_written(Catalog *cat, const char *cell)
{
	int			flen;
	char	   *f;
	char	   *o;
	char	   *p;
	int			j;

	if (cat->nsections == 0 || strlen(cell) > 64)
		return NULL;
	f = kansa_fold(cell, strlen(cell), 0, false, &flen);
	if (f == NULL)
		return NULL;
	for (o = p = f; *p; p++)
		if (*p != ' ')
			*o++ = *p;
	*o = '\0';
	for (j = 0; j < cat->nsections; j++)
		if (strcmp(cat->sec_ids[j], f) == 0)
			return f;
	return NULL;
}

/* Does a cell of the row, beside the id, hold the title of section sec? */
bool
kansa_section_titled(Catalog *cat, const char *sec, KansaSheet *sheet,
					 int row, int id_column)
{
	int			j,
				c;

	for (j = 0; j < cat->nsections; j++)
		if (strcmp(cat->sec_ids[j], sec) == 0)
			break;
	if (j == cat->nsections || cat->sec_keys[j][0] == '\0')
		return false;
	for (c = 1; c <= sheet->rows[row - 1].ncells; c++)
	{
		const char *v = sheet->rows[row - 1].cells[c - 1];
		char	   *k;
		bool		same;

		if (c == id_column || v == NULL || strlen(v) > 400)
			continue;
		k = kansa_id_key(v, strlen(v));
		same = strcmp(k, cat->sec_keys[j]) == 0;
		pfree(k);
		if (same)
			return true;
	}
	return false;
}

/* The section number a row starts ("2. 情報セキュリティのための組織"), or NULL. */
char *
kansa_row_section(Catalog *cat, const char *cell)
{
	int			flen;
	char	   *f;
	size_t		n;
	int			j;

	if (cell == NULL || cat->nsections == 0)
		return NULL;
	f = kansa_fold(cell, Min(strlen(cell), 200), 0, false, &flen);
	if (f == NULL)
		return NULL;
	n = strspn(f, "0123456789");
	if (n == 0 || f[n] != '.' || (f[n + 1] != ' ' && (unsigned char) f[n + 1] < 0x80))
		return NULL;
	f[n] = '\0';
	for (j = 0; j < cat->nsections; j++)
		if (strcmp(cat->sec_ids[j], f) == 0)
			return f;
	return NULL;
}

/*
 * The sub-section a heading row names within section ("利用者への責任" is
 * 8(1) under 8), or NULL.
 */
char *
kansa_row_subsection(Catalog *cat, const char *cell, const char *section)
{
	char	   *k;
	int			j;
	size_t		sl;

	if (cell == NULL || section == NULL || strlen(cell) > 200)
		return NULL;
	sl = strlen(section);
	k = kansa_id_key(cell, strlen(cell));
	for (j = 0; j < cat->nsections; j++)
		if (strncmp(cat->sec_ids[j], section, sl) == 0 &&
			cat->sec_ids[j][sl] == '(' && strcmp(cat->sec_keys[j], k) == 0)
			return cat->sec_ids[j];
	return NULL;
}

