/*-------------------------------------------------------------------------
 *
 * import.c
 *	  sheet_answers(): how kansa reads an answer sheet against a framework's
 *	  catalog.  It finds the sheet, the header row and the columns, resolves
 *	  the control ids, and says for every non-empty row what became of it:
 *	  the responses it gives, or why it was skipped or rejected.
 *	  import_sheet() (SQL) stores what this function reads.
 *
 * Finding the layout, by content (options override each step):
 *
 * - The id column is the column whose cells resolve to the most controls of
 *	 the framework (the first 3000 rows are looked at); the sheet is the one
 *	 where that count is highest.
 * - The header row is the nearest row above the first row with an id that
 *	 holds an answer heading (回答, 対応状況, 対策実施状況, 実施内容,
 *	 Answer, Implementation Description ...).  The answer column is the one
 *	 under the best such heading; without one, the rightmost of the columns
 *	 whose texts are, on average, at least half as long as the longest.
 * - A mark column (CAIQ's "CSP CAIQ Answer", 対応可否, ○/×) and an
 *	 ownership column (CAIQ's "SSRM Control Ownership", 責任分界) are taken
 *	 when a heading names them and most of their cells read as kansa.answer
 *	 words.
 *
 * Resolving ids ("lenient but safe"): a cell is first taken whole, as the
 * local id, the canonical control_id text, or, failing both, the one
 * control whose id is the same once case, width, blanks and punctuation
 * are ignored ("CLD6.3.1" -> CLD.6.3.1, "設 83－1" -> 設83-1); two controls
 * with the same key match neither.  A bare number in a sheet whose section
 * rows say "2. ..." is item 2.N when the framework has such an id (the
 * METI check sheet numbers items within sections).  Else the cell is read
 * as a list ("実26 実27", "運92、運93", "設 3, 4": a number alone takes the
 * prefix of the id before it) of ids and ranges ("設3～設9", "設84～137",
 * "運92-98" when 運92-98 is not itself an id): a range is every control
 * between its ends in document order.  Anything else is an unknown control.
 *
 * What wins when several rows speak of one control, from strongest: a row
 * naming the control alone with an answer; a row naming it in a list or
 * range; an answer inherited from the row above (option blank = inherit);
 * a row stating a range in its text ("設備基準84～137 は…対象外"); a row
 * naming it with an empty answer (unanswered).  Rows of the same strength
 * that agree are duplicates (skipped); rows that disagree are a conflict
 * (the later one is rejected).
 *
 * src/import.c
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

#include "kansa.h"
#include "sheet.h"

#define SCAN_ROWS		3000	/* rows looked at to find the layout */
#define SCAN_COLUMNS	200
#define MAX_TEXT_COLUMNS	4	/* text columns joined to the answer */
#define MIN_SHEET_IDS	5		/* ids that make a second sheet of answers */
#define HEADING_MAX_CHARS	80	/* a heading is a short label; a longer
									 * cell is a title or a note */

/* Strength of a row's claim on a control (see the header comment). */
#define VIA_BLANK		1
#define VIA_RANGE		2
#define VIA_INHERIT		3
#define VIA_LIST		4
#define VIA_ROW			5

static const char *const via_names[] = {
	NULL, "blank", "range", "inherit", "list", "row"
};

/* ----- the catalog ----- */

typedef struct Catalog
{
	const char *framework;
	int			n;
	char	  **ids;			/* local ids, document order */
	char	  **keys;			/* lenient keys */
	int		   *by_id;			/* indexes sorted by id */
	int		   *by_key;			/* indexes sorted by key */
	int			nsections;
	char	  **sec_ids;
	char	  **sec_keys;		/* lenient keys of section titles */
} Catalog;

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
static char *
id_key(const char *s, size_t len)
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

static Catalog *
catalog_build(const char *framework, ArrayType *controls, ArrayType *sections,
			  ArrayType *section_titles)
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
		cat->keys[i] = id_key(cat->ids[i], strlen(cat->ids[i]));
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
		cat->sec_keys[i] = id_key(titles[i], strlen(titles[i]));
	return cat;
}

/* Index of the control with local id s, or -1. */
static int
find_exact(Catalog *cat, const char *s)
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

		i = find_exact(cat, local);
		pfree(local);
		if (i >= 0)
			return i;
	}
	k = id_key(s, len);
	i = find_key(cat, k);
	pfree(k);
	return i;
}

/* ----- lists and ranges ----- */

typedef struct IdList
{
	int			n;
	int			cap;
	int		   *idx;
} IdList;

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
		char	   *k = id_key(s, pl);
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
static char *
strip_id_prefixes(const char *cell)
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
static int
resolve_cell(Catalog *cat, const char *cell, const char *section, IdList *out,
			 const char *subsection, bool *single, char **bad)
{
	int			n = resolve_written(cat, cell, section, out, subsection, single, bad);
	char	   *stripped;

	if (n == 0 && (stripped = strip_id_prefixes(cell)) != NULL)
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

static int
resolve_written(Catalog *cat, const char *cell, const char *section, IdList *out,
				const char *subsection, bool *single, char **bad)
{
	int			flen;
	char	   *f;
	int			i;
	char	   *p;
	List	   *pieces = NIL;
	ListCell   *lc;
	StringInfoData cur;
	const char *prev = NULL;
	char	   *pending = NULL;

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
	if (section != NULL && strspn(f, "0123456789") == (size_t) flen)
	{
		char	   *t = psprintf("%s.%s", section, f);

		if ((i = find_exact(cat, t)) >= 0)
		{
			idlist_add(out, i);
			*single = true;
			return 1;
		}
		/* within a numbered sub-section "8(2)": item 8.2.N */
		if (subsection != NULL)
		{
			int			k;
			size_t		sl = strlen(section);

			if (strncmp(subsection, section, sl) == 0 && subsection[sl] == '(' &&
				sscanf(subsection + sl + 1, "%d", &k) == 1)
			{
				t = psprintf("%s.%d.%s", section, k, f);
				if ((i = find_exact(cat, t)) >= 0)
				{
					idlist_add(out, i);
					*single = true;
					return 1;
				}
			}
		}
	}
	if ((i = resolve_one(cat, f)) >= 0)
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

	/*
	 * Split into pieces at blanks and list separators.  A blank is no
	 * separator next to a range marker ("設 2 ～ 設 4") or between a prefix
	 * and its number ("設 2"); a digitless piece left over ("設") is glued to
	 * the piece after it below.
	 */
	initStringInfo(&cur);
	for (p = f; *p;)
	{
		bool		sep = false;
		int			l = pg_utf_mblen((unsigned char *) p);

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

	foreach(lc, pieces)
	{
		char	   *piece = (char *) lfirst(lc);
		int			n0 = out->n;

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
	*single = out->n == 1;
	return out->n;
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
static int
text_range(Catalog *cat, const char *text, IdList *out)
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

/*
 * The section a cell names by its local id, written whole (blanks and width
 * folded: "統", "1(1)", "１２"), or NULL.
 */
static char *
section_id(Catalog *cat, const char *cell)
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

/* Does the text hold the word at a word's start, case aside? */
static bool
has_word(const char *text, const char *word)
{
	size_t		wl = strlen(word);
	const char *p;

	for (p = text; *p; p++)
		if ((p == text || !isalpha((unsigned char) p[-1])) &&
			pg_strncasecmp(p, word, wl) == 0 && !isalpha((unsigned char) p[wl]))
			return true;
	return false;
}

/*
 * How many of the parts of a list separated by ／ or " / " read as answers
 * ("評価：対応／一部対応／未対応" has three; a label before a colon is
 * set aside).
 */
static int
answers_listed(const char *text)
{
	const char *p = text;
	int			n = 0;

	if (strstr(text, "\xef\xbc\x8f") == NULL && strstr(text, " / ") == NULL)
		return 0;
	while (*p)
	{
		const char *end = p;
		const char *colon;
		size_t		sep = 0;

		while (*end)
		{
			if (strncmp(end, "\xef\xbc\x8f", 3) == 0)
			{
				sep = 3;
				break;
			}
			if (strncmp(end, " / ", 3) == 0)
			{
				sep = 3;
				break;
			}
			end++;
		}
		/* the part after a label: "評価：対応", "Answers: Yes" */
		for (colon = p; colon < end; colon++)
		{
			if (strncmp(colon, "\xef\xbc\x9a", 3) == 0 && colon + 3 <= end)
				p = colon + 3;
			else if (*colon == ':')
				p = colon + 1;
		}
		while (p < end && *p == ' ')
			p++;
		if (end > p && end - p <= 40 &&
			kansa_answer_parse(p, end - p, false) >= 0)
			n++;
		if (sep == 0)
			break;
		p = end + sep;
	}
	return n;
}

/*
 * Is the text a note rather than a heading: a remark marked as one (※,
 * 注, *, Note, Legend), a legend of the marks (○＝対応済, ○ 実施 △ 一部
 * 実施, Yes = …), a total, a confidentiality line, an instruction, or a
 * sentence?  Below the header (below) a label and its value (回答日：…)
 * and a line in brackets (（次頁へ続く）) are notes too; above it they are
 * the title's.
 */
static bool
note_like(const char *text, bool below)
{
	static const char *const starts[] = {
		"\xe2\x80\xbb",			/* ※ */
		"\xef\xbc\x8a",			/* ＊ */
		"*", "\xe6\xb3\xa8",		/* 注 */
		"(\xe6\xb3\xa8", "\xef\xbc\x88\xe6\xb3\xa8", /* (注 （注 */
		"\xe5\x87\xa1\xe4\xbe\x8b", /* 凡例 */
		"\xe5\x82\x99\xe8\x80\x83\xef\xbc\x9a",	/* 備考： */
		"\xe8\xa8\x98\xe5\x85\xa5\xe8\xa6\x81\xe9\xa0\x98",	/* 記入要領 */
		"\xe6\xb3\xa8\xe6\x84\x8f\xe4\xba\x8b\xe9\xa0\x85",	/* 注意事項 */
		"\xe5\x90\x88\xe8\xa8\x88",	/* 合計 */
		"\xe9\x9b\x86\xe8\xa8\x88",	/* 集計 */
		"\xe8\xa8\x98\xe5\x85\xa5",	/* 記入 (要領, 上の注意, 方法) */
		"\xe5\xb0\x8f\xe8\xa8\x88",	/* 小計 */
		"\xe7\xb7\x8f\xe8\xa8\x88",	/* 総計 */
		"note", "legend", "answer legend", "answer:", "answers:", "key:",
		"total", "subtotal", "instruction",
		"confidential", "copyright", "\xc2\xa9",	/* © */
		"\xe6\xa9\x9f\xe5\xaf\x86",	/* 機密 */
		"\xe7\xa4\xbe\xe5\xa4\x96\xe7\xa7\x98",	/* 社外秘 */
	};
	static const char *const marks[] = {
		"\xe2\x97\x8b", "\xe2\x97\xaf", "\xe2\x96\xb3", "\xc3\x97",	/* ○ ◯ △ × */
		"\xef\xbc\x8d", "\xe2\x97\x8e",	/* － ◎ */
	};
	size_t		len;
	int			i,
				nmarks = 0;
	const char *last;

	if (text == NULL)
		return false;
	while (*text == ' ' || strncmp(text, "\xe3\x80\x80", 3) == 0)
		text += *text == ' ' ? 1 : 3;
	for (i = 0; i < (int) lengthof(starts); i++)
		if (pg_strncasecmp(text, starts[i], strlen(starts[i])) == 0)
			return true;
	/* 以上: the end of a document */
	if (strcmp(text, "\xe4\xbb\xa5\xe4\xb8\x8a") == 0 ||
		strcmp(text, "\xe4\xbb\xa5\xe4\xb8\x8a\xe3\x80\x82") == 0)
		return true;
	if (strstr(text, "\xef\xbc\x9d") != NULL || strstr(text, " = ") != NULL)
		return true;			/* ＝, " = ": a legend */
	for (i = 0; i < (int) lengthof(marks); i++)
		if (strstr(text, marks[i]) != NULL)
			nmarks++;
	if (nmarks >= 2)
		return true;			/* ○ 実施 △ 一部実施 × 未実施 */
	/* 対応／一部対応／未対応, Yes / Partial / No: the answers' legend */
	if (answers_listed(text) >= 2)
		return true;
	len = strlen(text);
	if (len >= 3 && strcmp(text + len - 3, "\xe3\x80\x82") == 0)	/* 。 */
		return true;
	/* an English sentence: four words and more, ending in a full stop that
	 * ends no abbreviation (K.K., Ltd., ed.) */
	last = strrchr(text, ' ');
	if (len >= 1 && text[len - 1] == '.' && last != NULL &&
		memchr(last + 1, '.', strlen(last + 1) - 1) == NULL &&
		!has_word(last + 1, "ltd") && !has_word(last + 1, "inc") &&
		!has_word(last + 1, "co") && !has_word(last + 1, "corp") &&
		!has_word(last + 1, "ed"))
	{
		int			words = 1;
		const char *p;

		for (p = text; *p; p++)
			if (*p == ' ' && p[1] != ' ' && p[1] != '\0')
				words++;
		if (words >= 4)
			return true;
	}
	if (below)
	{
		/* 回答日：2024年12月2日, （次頁へ続く） */
		if (strstr(text, "\xef\xbc\x9a") != NULL)
			return true;
		if ((strncmp(text, "\xef\xbc\x88", 3) == 0 || text[0] == '(') &&
			len >= 3 && (strcmp(text + len - 3, "\xef\xbc\x89") == 0 || text[len - 1] == ')'))
			return true;
	}
	return false;
}

/*
 * A row of column numbers under the header ((1) (2) (3), 1 2 3, ①②③):
 * three cells and more, each a number of one or two digits, bracketed or
 * circled or bare.
 */
static bool
column_numbers(KansaSheet *sheet, int row)
{
	int			c,
				n = 0;

	for (c = 1; c <= sheet->rows[row - 1].ncells; c++)
	{
		const char *v = sheet->rows[row - 1].cells[c - 1];
		int			flen;
		char	   *f;
		size_t		d;
		bool		ok;

		if (v == NULL)
			continue;
		if (strlen(v) > 12)
			return false;
		if (strncmp(v, "\xe2\x91", 2) == 0 && strlen(v) == 3)
		{
			n++;				/* ① … ⑳ */
			continue;
		}
		f = kansa_fold(v, strlen(v), 0, false, &flen);
		if (f == NULL)
			return false;
		if (f[0] == '(')
		{
			d = strspn(f + 1, "0123456789");
			ok = d >= 1 && d <= 2 && f[1 + d] == ')' && f[2 + d] == '\0';
		}
		else
		{
			d = strspn(f, "0123456789");
			ok = d >= 1 && d <= 2 && f[d] == '\0';
		}
		if (!ok)
			return false;
		n++;
	}
	return n >= 3;
}

/*
 * A number of the document's own and a title ("12 運用管理", "CLD.9.5 共有す
 * る仮想環境…", "II.1 基本方針"): the first word holds a digit and a title
 * follows it.
 */
static bool
numbered_title(const char *text)
{
	const char *p = text;
	bool		digit = false;

	while (*p && *p != ' ' && strncmp(p, "\xe3\x80\x80", 3) != 0)
	{
		if (*p >= '0' && *p <= '9')
			digit = true;
		p++;
	}
	if (!digit)
		return false;
	if (*p == '\0')
		return p - text <= 12;	/* a number alone: "12", "A.5" */
	while (*p == ' ' || strncmp(p, "\xe3\x80\x80", 3) == 0)
		p += *p == ' ' ? 1 : 3;
	return *p != '\0';
}

/* Does a cell of the row, beside the id, hold the title of section sec? */
static bool
section_titled(Catalog *cat, const char *sec, KansaSheet *sheet, int row,
			   int id_column)
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
		k = id_key(v, strlen(v));
		same = strcmp(k, cat->sec_keys[j]) == 0;
		pfree(k);
		if (same)
			return true;
	}
	return false;
}

/* The section number a row starts ("2. 情報セキュリティのための組織"), or NULL. */
static char *
row_section(Catalog *cat, const char *cell)
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
static char *
row_subsection(Catalog *cat, const char *cell, const char *section)
{
	char	   *k;
	int			j;
	size_t		sl;

	if (cell == NULL || section == NULL || strlen(cell) > 200)
		return NULL;
	sl = strlen(section);
	k = id_key(cell, strlen(cell));
	for (j = 0; j < cat->nsections; j++)
		if (strncmp(cat->sec_ids[j], section, sl) == 0 &&
			cat->sec_ids[j][sl] == '(' && strcmp(cat->sec_keys[j], k) == 0)
			return cat->sec_ids[j];
	return NULL;
}

/* ----- headings ----- */

typedef struct Heading
{
	const char *key;			/* lenient key (see id_key) */
	int			rank;			/* higher is better */
} Heading;

static const Heading answer_headings[] = {
	{"implementationdescription", 9},
	{"対策実施状況", 8},
	{"実施状況", 7},
	{"対応状況", 7},
	{"実施内容", 7},
	{"対応内容", 7},
	{"当社回答", 6},
	{"対策状況", 6},
	{"回答内容", 6},
	{"回答", 5},
	{"answer", 4},
	{"response", 4},
	{"対応", 3},
	{"コメント", 2},
	{"comment", 2},
	{"状況", 1},
};

static const Heading mark_headings[] = {
	{"caiqanswer", 9},
	{"yesno", 8},
	{"対応可否", 8},
	{"実施有無", 8},
	{"対応有無", 8},
	{"可否", 6},
	{"有無", 5},
	{"判定", 5},
	{"適合", 4},
	{"compliance", 4},
	{"評価", 4},
	{"rating", 4},
	{"回答", 3},
	{"implemented", 3},
	{"answer", 2},
	{"status", 2},
	{"実施", 2},
	{"対応", 2},
};

/* A column of remarks beside a column of marks: the text of the answer. */
static const Heading remarks_headings[] = {
	{"補足説明", 9},
	{"対策内容", 7},
	{"備考", 8},
	{"補足", 8},
	{"remarks", 8},
	{"説明", 7},
	{"具体的", 7},
	{"詳細", 6},
	{"根拠", 6},
	{"コメント", 5},
	{"comments", 5},
	{"comment", 5},
	{"notes", 5},
	{"explanation", 5},
	{"justification", 5},
	{"implementation", 5},
	{"description", 4},
};

static const Heading ownership_headings[] = {
	{"controlownership", 9},
	{"ownership", 8},
	{"責任分界", 8},
	{"責任主体", 8},
	{"実施主体", 7},
	{"責任", 3},
};

/* Columns of evidence beside the answer: joined to its text. */
static const Heading evidence_headings[] = {
	{"関連文書", 8},
	{"参照文書", 8},
	{"根拠資料", 8},
	{"証跡", 8},
	{"エビデンス", 8},
	{"evidence", 8},
	{"reference", 6},
	{"document", 6},
};

/* Headings of columns that are no part of the answer's text. */
static const Heading not_text_headings[] = {
	{"control", 1},
	{"question", 1},
	{"requirement", 1},
	{"項目", 1},
	{"管理策", 1},
	{"基準", 1},
	{"利用者", 1},
	{"お客様", 1},
	{"customer", 1},
	{"確認欄", 1},
	{"bank", 1},
	{"金融機関", 1},
};

/* The heading of the id column: only tells a header row from a title. */
static const Heading id_headings[] = {
	{"controlid", 9},
	{"管理策番号", 9},
	{"項番", 9},
	{"番号", 7},
	{"control", 5},
	{"ref", 3},
};

static int
heading_rank(const char *cell, const Heading *h, int n)
{
	char	   *k;
	int			i,
				best = 0;

	if (cell == NULL || strlen(cell) > 4 * HEADING_MAX_CHARS ||
		pg_mbstrlen(cell) > HEADING_MAX_CHARS)
		return 0;
	k = id_key(cell, strlen(cell));
	for (i = 0; i < n; i++)
		if (strstr(k, h[i].key) != NULL && h[i].rank > best)
			best = h[i].rank;
	pfree(k);
	return best;
}

/* ----- layout ----- */

typedef struct Layout
{
	KansaSheet *sheet;
	int			id_hits;
	int			first_id_row;
	int			header_row;
	int			id_column;
	int			answer_column;
	int			mark_column;
	int			ownership_column;
	bool		dotted;			/* ids written whole ("1.2"), not "2" under "1" */
	int			ntext;			/* more columns of the answer's text */
	int			text_columns[MAX_TEXT_COLUMNS];
} Layout;

/* The first non-empty cell of a row, or NULL. */
static const char *
first_cell(KansaSheet *sheet, int row, int *col)
{
	int			c;

	for (c = 1; c <= sheet->rows[row - 1].ncells; c++)
		if (sheet->rows[row - 1].cells[c - 1] != NULL)
		{
			if (col)
				*col = c;
			return sheet->rows[row - 1].cells[c - 1];
		}
	return NULL;
}

/*
 * How many of the first rows resolve as ids in each column: the first
 * SCAN_COLUMNS columns, or only the forced one, wherever it is.
 */
static void
find_id_column(Catalog *cat, KansaSheet *sheet, Layout *lay, int forced)
{
	int			lo = forced > 0 ? forced : 1;
	int			ncols = forced > 0 ? Min(forced, sheet->ncols) :
		Min(sheet->ncols, SCAN_COLUMNS);
	int			nrows = Min(sheet->nrows, SCAN_ROWS);
	int		   *hits = palloc0((Max(ncols, lo) + 1) * sizeof(int));
	int		   *first = palloc0((Max(ncols, lo) + 1) * sizeof(int));
	int		   *bare = palloc0((Max(ncols, lo) + 1) * sizeof(int));
	int			r,
				c;
	char	   *section = NULL;
	char	   *subsection = NULL;
	IdList		l = {0};

	for (r = 1; r <= nrows; r++)
	{
		const char *fc = first_cell(sheet, r, NULL);
		char	   *s = row_section(cat, fc);

		CHECK_FOR_INTERRUPTS();
		if (s != NULL)
		{
			section = s;
			subsection = NULL;
			continue;
		}
		if ((s = row_subsection(cat, fc, section)) != NULL)
		{
			subsection = s;
			continue;
		}
		for (c = lo; c <= ncols; c++)
		{
			const char *v = kansa_sheet_get(sheet, r, c);
			bool		single;
			char	   *bad;

			if (v == NULL || strlen(v) > 200)
				continue;
			if (resolve_cell(cat, v, section, &l, subsection, &single, &bad) > 0)
			{
				hits[c]++;
				if (first[c] == 0)
					first[c] = r;
				if (v[strspn(v, " 0123456789")] == '\0')
					bare[c]++;
			}
		}
	}
	lay->id_column = forced;
	lay->id_hits = forced > 0 ? hits[forced] : 0;
	if (forced == 0)
		for (c = 1; c <= ncols; c++)
			if (hits[c] > lay->id_hits)
			{
				lay->id_hits = hits[c];
				lay->id_column = c;
			}
	lay->first_id_row = lay->id_column > 0 && lay->id_column <= ncols ?
		first[lay->id_column] : 0;
	/* most ids written whole: a bare number there is no id under a section */
	lay->dotted = lay->id_column > 0 && lay->id_column <= ncols &&
		bare[lay->id_column] * 2 < hits[lay->id_column];
}

/* The column with the best heading of a kind in the header row; 0 if none. */
static int
find_heading(KansaSheet *sheet, int header, const Heading *h, int n,
			 int exclude1, int exclude2)
{
	int			c,
				best = 0,
				bestrank = 0;

	if (header == 0)
		return 0;
	for (c = 1; c <= sheet->rows[header - 1].ncells; c++)
	{
		int			rank;

		if (c == exclude1 || c == exclude2)
			continue;
		rank = heading_rank(kansa_sheet_get(sheet, header, c), h, n);
		if (rank > bestrank)
		{
			bestrank = rank;
			best = c;
		}
	}
	return best;
}

static bool row_is_band(KansaSheet *sheet, int row);

/*
 * Is this row, above the first id, the header: a row of several cells (not
 * a merged band) with the heading of an answer beside the id column, or
 * with headings of two kinds (項番 … 対応可否, Control ID … Remarks)?
 */
static bool
is_header_row(KansaSheet *sheet, int row, int id_column)
{
	int			kinds;

	if (row_is_band(sheet, row))
		return false;
	if (find_heading(sheet, row, answer_headings, lengthof(answer_headings),
					 id_column, 0) > 0)
		return true;
	kinds = (find_heading(sheet, row, mark_headings, lengthof(mark_headings), id_column, 0) > 0) +
		(find_heading(sheet, row, remarks_headings, lengthof(remarks_headings), id_column, 0) > 0) +
		(find_heading(sheet, row, ownership_headings, lengthof(ownership_headings), id_column, 0) > 0) +
		(heading_rank(kansa_sheet_get(sheet, row, id_column), id_headings,
					  lengthof(id_headings)) > 0);
	return kinds >= 2;
}

/*
 * The first row of a header of two (管理策 | 管理策 | 回答 | 回答, No. |
 * 運用基準項目 | 回答 above 実施状況 | 実施内容): short labels, not one merged
 * band, one of them a heading kansa knows.
 */
static bool
group_labels(KansaSheet *sheet, int row)
{
	int			c,
				n = 0;
	bool		heading = false;

	if (row < 1 || row_is_band(sheet, row))
		return false;
	for (c = 1; c <= sheet->rows[row - 1].ncells; c++)
	{
		const char *v = sheet->rows[row - 1].cells[c - 1];

		if (v == NULL)
			continue;
		if (pg_mbstrlen(v) > 20 || note_like(v, false))
			return false;
		n++;
		if (heading_rank(v, answer_headings, lengthof(answer_headings)) > 0 ||
			heading_rank(v, mark_headings, lengthof(mark_headings)) > 0 ||
			heading_rank(v, remarks_headings, lengthof(remarks_headings)) > 0 ||
			heading_rank(v, id_headings, lengthof(id_headings)) > 0)
			heading = true;
	}
	return n >= 2 && heading;
}

/*
 * Does a column below the header hold marks: do most of its cells in rows
 * with an id (not a merged band) read as answers, or are nearly all short
 * and half of them answers (対応 / 一部対応 / 対応予定 / 2025年度予定)?
 */
static bool
column_reads_as_answers(KansaSheet *sheet, int col, int from, bool ownership)
{
	int			r,
				yes = 0,
				shortish = 0,
				all = 0;

	for (r = from; r <= Min(sheet->nrows, from + SCAN_ROWS); r++)
	{
		const char *v = kansa_sheet_get(sheet, r, col);

		if (v == NULL || row_is_band(sheet, r))
			continue;
		all++;
		if (pg_mbstrlen(v) <= 12)
			shortish++;
		if (strlen(v) <= 100)
		{
			if (ownership)
			{
				char	   *t = psprintf("implemented/%s", v);

				if (kansa_answer_parse(t, strlen(t), false) >= 0)
					yes++;
			}
			else if (kansa_answer_parse(v, strlen(v), false) >= 0)
				yes++;
		}
	}
	return all > 0 && (yes * 5 >= all * 4 ||
					   (!ownership && shortish * 10 >= all * 9 && yes * 2 >= all));
}

static void
find_layout(Catalog *cat, Layout *lay, Jsonb *options)
{
	KansaSheet *sheet = lay->sheet;
	int			header = kansa_option_position(options, "header_row", false, sheet->nrows);
	int			answer = kansa_option_position(options, "answer_column", true, sheet->ncols);
	int			mark = kansa_option_position(options, "mark_column", true, sheet->ncols);
	int			owner = kansa_option_position(options, "ownership_column", true, sheet->ncols);
	bool		answer_forced = answer > 0;
	bool		mark_forced = mark > 0;
	int			r;

	if (header == 0 && lay->first_id_row > 0)
	{
		for (r = lay->first_id_row - 1; r >= 1 && header == 0; r--)
			if (is_header_row(sheet, r, lay->id_column))
				header = r;
	}
	lay->header_row = header;
	if (answer == 0)
		answer = find_heading(sheet, header, answer_headings,
							  lengthof(answer_headings), lay->id_column, 0);
	if (mark == 0)
	{
		mark = find_heading(sheet, header, mark_headings, lengthof(mark_headings),
							lay->id_column, answer);
		if (mark > 0 && !column_reads_as_answers(sheet, mark, header + 1, false))
			mark = 0;
	}
	/*
	 * The commonest Japanese layout: a 回答 column of ○/△/×/－ beside a 備考
	 * column.  The marks are the mark, the remarks the answer's text.
	 */
	if (!answer_forced && !mark_forced && answer > 0 &&
		(mark == 0 || mark == answer) &&
		column_reads_as_answers(sheet, answer, header + 1, false))
	{
		int			remarks = find_heading(sheet, header, remarks_headings,
										   lengthof(remarks_headings),
										   lay->id_column, answer);

		/* or a second answer column of text (実施状況 ○ beside 実施内容) */
		if (remarks == 0 || remarks == owner ||
			column_reads_as_answers(sheet, remarks, header + 1, false))
			remarks = find_heading(sheet, header, answer_headings,
								   lengthof(answer_headings), lay->id_column, answer);
		if (remarks > 0 && remarks != owner &&
			!column_reads_as_answers(sheet, remarks, header + 1, false))
		{
			mark = answer;
			answer = remarks;
		}
	}
	else if (!answer_forced && mark > 0 && answer == 0)
		answer = find_heading(sheet, header, remarks_headings, lengthof(remarks_headings),
							  lay->id_column, mark);
	if (owner == 0)
	{
		owner = find_heading(sheet, header, ownership_headings,
							 lengthof(ownership_headings), lay->id_column, answer);
		if (owner == mark ||
			(owner > 0 && !column_reads_as_answers(sheet, owner, header + 1, true)))
			owner = 0;
	}
	if (answer == 0)
	{
		/* no heading: the rightmost of the columns of long texts */
		int			ncols = Min(sheet->ncols, SCAN_COLUMNS);
		double	   *avg = palloc0((ncols + 1) * sizeof(double));
		double		best = 0;
		int			c;

		for (c = 1; c <= ncols; c++)
		{
			int64		total = 0;
			int			n = 0;

			if (c == lay->id_column || c == mark || c == owner)
				continue;
			for (r = Max(header + 1, lay->first_id_row);
				 r <= Min(sheet->nrows, lay->first_id_row + SCAN_ROWS); r++)
			{
				const char *v = kansa_sheet_get(sheet, r, c);

				if (v != NULL && kansa_sheet_get(sheet, r, lay->id_column) != NULL)
				{
					total += strlen(v);
					n++;
				}
			}
			avg[c] = n > 0 ? (double) total / n : 0;
			best = Max(best, avg[c]);
		}
		for (c = ncols; c >= 1 && answer == 0; c--)
			if (avg[c] > 0 && avg[c] * 2 >= best)
				answer = c;
	}
	lay->answer_column = answer;
	lay->mark_column = mark;
	lay->ownership_column = owner;
	/*
	 * More columns of the answer's text, joined to it in column order:
	 * remarks, evidence, documents (関連文書, 補足, Evidence), never the
	 * control's title or question, the customer's part, or marks.
	 */
	lay->ntext = 0;
	if (header > 0 && answer > 0 && !answer_forced)
	{
		int			c;

		for (c = 1; c <= Min(sheet->rows[header - 1].ncells, SCAN_COLUMNS) &&
			 lay->ntext < MAX_TEXT_COLUMNS; c++)
		{
			const char *h = kansa_sheet_get(sheet, header, c);

			/* right of the answer: a title or question stands left of it */
			if (c == lay->id_column || c == answer || c == mark || c == owner ||
				h == NULL || c < (mark > 0 ? Min(mark, answer) : answer))
				continue;
			if ((heading_rank(h, remarks_headings, lengthof(remarks_headings)) > 0 ||
				 heading_rank(h, evidence_headings, lengthof(evidence_headings)) > 0) &&
				heading_rank(h, not_text_headings, lengthof(not_text_headings)) == 0 &&
				heading_rank(h, ownership_headings, lengthof(ownership_headings)) == 0 &&
				!column_reads_as_answers(sheet, c, header + 1, false))
				lay->text_columns[lay->ntext++] = c;
		}
	}
	if (answer == 0 && mark == 0)
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("could not find the answer column of sheet \"%s\"", sheet->name),
				 errhint("Set option answer_column (a number from 1 or a letter).")));
}

/* ----- rows ----- */

typedef struct Claim
{
	int			sheetno;		/* which of the sheets read */
	int			row;
	int			via;
	const char *answer;
	const char *mark;
	const char *ownership;
} Claim;

/*
 * Why a row is rejected: the category import_reject.reason stores, and the
 * SQLSTATE a strict import raises for it.
 */
typedef enum RejectKind
{
	REJECT_NO_ID,
	REJECT_UNKNOWN,
	REJECT_DUPLICATE
} RejectKind;

static const struct
{
	const char *category;
	const char *sqlstate;
}			reject_kinds[] =
{
	[REJECT_NO_ID] = {"no control id", "23502"},
	[REJECT_UNKNOWN] = {"unknown control", "23503"},
	[REJECT_DUPLICATE] = {"conflicting duplicate", "23505"},
};

typedef struct RowFate
{
	int			state;			/* 0 none, 1 claims, 2 skipped, 3 rejected */
	const char *reason;			/* why it was skipped */
	RejectKind	reject;			/* why it was rejected */
	char	   *message;		/* why it was rejected (the strict error) */
	int			column;
	const char *cell;
	int			won;			/* claims that won */
} RowFate;

static bool
same_text(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static bool
same_claim(const Claim *a, const Claim *b)
{
	return same_text(a->answer, b->answer) && same_text(a->mark, b->mark) &&
		same_text(a->ownership, b->ownership);
}

static const char *
nonempty(const char *s)
{
	return (s != NULL && s[0] != '\0') ? s : NULL;
}

/* Is the cell an Excel error value (#N/A of a failed VLOOKUP, #REF! …)? */
static bool
excel_error(const char *v)
{
	static const char *const errors[] = {
		"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!",
		"#SPILL!", "#CALC!", "#GETTING_DATA",
	};
	int			i;

	for (i = 0; i < (int) lengthof(errors); i++)
		if (strcmp(v, errors[i]) == 0)
			return true;
	return false;
}

/* Does the row hold text only in the answer's columns (a wrapped answer)? */
static bool
only_text_cells(KansaSheet *sheet, int row, const Layout *lay)
{
	int			c,
				k;

	for (c = 1; c <= sheet->rows[row - 1].ncells; c++)
	{
		bool		text = c == lay->answer_column;

		if (sheet->rows[row - 1].cells[c - 1] == NULL)
			continue;
		for (k = 0; k < lay->ntext; k++)
			if (c == lay->text_columns[k])
				text = true;
		if (!text)
			return false;
	}
	return true;
}

/* Are all non-empty cells of the row the same text (a merged band)? */
static bool
row_is_band(KansaSheet *sheet, int row)
{
	const char *v = NULL;
	int			c,
				n = 0;

	for (c = 1; c <= sheet->rows[row - 1].ncells; c++)
	{
		const char *w = sheet->rows[row - 1].cells[c - 1];

		if (w == NULL)
			continue;
		if (v != NULL && strcmp(v, w) != 0)
			return false;
		v = w;
		n++;
	}
	return n >= 2;
}

static bool
row_empty(KansaSheet *sheet, int row)
{
	return first_cell(sheet, row, NULL) == NULL;
}

/*
 * Does an earlier row hold this text in the same column: a title printed at
 * the top of every page?  The first rows of the sheet and the last ones
 * before this row are looked at (SEEN_TOP, SEEN_BACK), which holds every
 * page title while keeping the work per row bounded.
 */
#define SEEN_TOP	60
#define SEEN_BACK	500

static bool
seen_before(KansaSheet *sheet, int row, int column, const char *text)
{
	int			r;

	for (r = 1; r < row; r++)
	{
		if (r > SEEN_TOP && r < row - SEEN_BACK)
			r = row - SEEN_BACK;
		if (same_text(kansa_sheet_get(sheet, r, column), text))
			return true;
	}
	return false;
}

/* Mark a row rejected, with the error a strict import raises for it. */
static void
reject_row(RowFate *f, RejectKind kind, int column, const char *cell,
		   char *message)
{
	f->state = 3;
	f->reject = kind;
	f->column = column;
	f->cell = cell;
	f->message = message;
}

typedef struct Out
{
	ReturnSetInfo *rsinfo;
	const char *sheet;
} Out;

/*
 * The columns of sheet_line; the last two (verdict, conflict) stay NULL here:
 * sheet_answers(bytea, text, jsonb) adds them.
 */
#define OUT_COLS 15

/* One row of sheet_answers(); reject is NULL but for a rejected row. */
static void
emit(Out *o, const char *kind, int row, int column, const char *control,
	 const char *cell, const Claim *claim, const char *reason,
	 const RejectKind *reject)
{
	Datum		values[OUT_COLS];
	bool		nulls[OUT_COLS];
	const char *texts[OUT_COLS] = {
		kind, o->sheet, NULL, NULL, control, cell,
		claim ? claim->answer : NULL, claim ? claim->mark : NULL,
		claim ? claim->ownership : NULL, claim ? via_names[claim->via] : NULL,
		reason, reject ? reject_kinds[*reject].sqlstate : NULL,
		reject ? reject_kinds[*reject].category : NULL
	};
	int			i;

	for (i = 0; i < OUT_COLS; i++)
	{
		nulls[i] = texts[i] == NULL;
		values[i] = nulls[i] ? (Datum) 0 : CStringGetTextDatum(texts[i]);
	}
	nulls[2] = row <= 0;
	values[2] = Int32GetDatum(row);
	nulls[3] = column <= 0;
	values[3] = Int32GetDatum(column);
	tuplestore_putvalues(o->rsinfo->setResult, o->rsinfo->setDesc, values, nulls);
}

PG_FUNCTION_INFO_V1(kansa_sheet_answers);

/*
 * sheet_answers(content bytea, framework text, controls text[],
 *				 sections text[], section_titles text[], options jsonb)
 * returns setof (kind, sheet, row_number, column_number, control, cell,
 *				  answer, mark, ownership, via, reason, sqlstate, reject)
 *
 * controls are the framework's control local ids in document order;
 * sections and section_titles its sections.  One 'layout' row first (reason
 * holds a JSON object: format, sheet, header_row, id_column, answer_column,
 * mark_column, ownership_column), then for every non-empty row of the sheet
 * either one 'response' row per control it answers (that won), or one
 * 'skipped' row (reason: title, header, repeated header, section, empty,
 * duplicate, superseded) or one 'rejected' row (reason: the message;
 * sqlstate and reject: 23503 unknown control, 23502 no control id, 23505
 * conflicting duplicate).  Range statements answer controls that no
 * row of the sheet names, too.
 */
Datum
kansa_sheet_answers(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	bytea	   *content;
	char	   *framework;
	Jsonb	   *options = PG_ARGISNULL(5) ? NULL : PG_GETARG_JSONB_P(5);
	Catalog    *cat;
	const char *format;
	List	   *sheets;
	ListCell   *lc;
	Layout		lay;
	int			id_forced;
	char	   *blank;
	bool		inherit = false;
	KansaSheet *sheet;
	Claim	   *best;			/* per control */
	RowFate    *fates;
	char	   *section = NULL;
	char	   *subsection = NULL;
	int			r;
	IdList		l = {0};
	Claim		last = {0};
	bool		have_last = false;
	bool		others = false;
	Out			o;
	StringInfoData js;
	Layout	   *cands;			/* every sheet, with its id column */
	Layout	   *reads;			/* the sheets read */
	RowFate   **fates_of;		/* per sheet read */
	int			ncands = 0,
				nreads = 0,
				best_hits,
				si,
				prev_row = 0,
				before;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2) ||
		PG_ARGISNULL(3) || PG_ARGISNULL(4))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("sheet_answers arguments must not be null")));
	content = PG_GETARG_BYTEA_PP(0);
	framework = text_to_cstring(PG_GETARG_TEXT_PP(1));
	cat = catalog_build(framework, PG_GETARG_ARRAYTYPE_P(2),
						PG_GETARG_ARRAYTYPE_P(3), PG_GETARG_ARRAYTYPE_P(4));
	if (cat->n == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("framework \"%s\" has no controls", framework)));
	blank = kansa_option_text(options, "blank");
	if (blank != NULL)
	{
		if (strcmp(blank, "inherit") == 0)
			inherit = true;
		else if (strcmp(blank, "gap") != 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid value \"%s\" for option \"blank\"", blank),
					 errhint("Use gap (an empty answer is unanswered) or inherit (it repeats the answer above it in its group).")));
	}

	InitMaterializedSRF(fcinfo, 0);
	sheets = kansa_read_file(content, options, &format);

	/* the sheets and their id columns */
	memset(&lay, 0, sizeof(lay));
	cands = palloc0(Max(list_length(sheets), 1) * sizeof(Layout));
	foreach(lc, sheets)
	{
		Layout	   *cand = &cands[ncands++];

		cand->sheet = (KansaSheet *) lfirst(lc);
		if (cand->sheet->nrows == 0)
			continue;
		id_forced = kansa_option_position(options, "id_column", true,
										  Max(cand->sheet->ncols, 1));
		find_id_column(cat, cand->sheet, cand, id_forced);
		if (lay.sheet == NULL || cand->id_hits > lay.id_hits)
			lay = *cand;
	}
	if (lay.sheet != NULL && lay.id_hits == 0 && lay.id_column > 0)
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("column %d (option id_column) of sheet \"%s\" holds no control ids of framework \"%s\"",
						lay.id_column, lay.sheet->name, framework),
				 errhint("Check the framework, or the options sheet and id_column.")));
	if (lay.sheet == NULL || lay.id_hits == 0)
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("no column of the file holds control ids of framework \"%s\"",
						framework),
				 errhint("Check the framework, or set options sheet and id_column.")));
	/*
	 * Every sheet of answers is read: the one with most ids, and any other
	 * with many (MIN_SHEET_IDS, and a quarter of the best): a workbook may
	 * split a framework over sheets (統制・実務, 設備・監査).  A cover or a
	 * legend that quotes an id or two is not read.
	 */
	best_hits = lay.id_hits;
	reads = palloc0(Max(ncands, 1) * sizeof(Layout));
	for (si = 0; si < ncands; si++)
		if (cands[si].sheet->nrows > 0 &&
			(cands[si].sheet == lay.sheet ||
			 (cands[si].id_hits >= MIN_SHEET_IDS && cands[si].id_hits * 4 >= best_hits)))
			reads[nreads++] = cands[si];
	fates_of = palloc0(nreads * sizeof(RowFate *));
	best = palloc0(cat->n * sizeof(Claim));
	o.rsinfo = rsinfo;

	for (si = 0; si < nreads; si++)
	{
		lay = reads[si];
		sheet = lay.sheet;
		find_layout(cat, &lay, options);
		reads[si] = lay;
		section = NULL;
		subsection = NULL;
		have_last = false;
		others = false;
		prev_row = 0;
		o.sheet = sheet->name;
		initStringInfo(&js);
		appendStringInfo(&js, "{\"format\": \"%s\", \"sheet\": ", format);
		escape_json(&js, sheet->name);
		appendStringInfo(&js, ", \"header_row\": %d, \"id_column\": %d, \"answer_column\": %d, \"mark_column\": %d, \"ownership_column\": %d",
						 lay.header_row, lay.id_column, lay.answer_column,
						 lay.mark_column, lay.ownership_column);
		for (r = 0; r < lay.ntext; r++)
			appendStringInfo(&js, "%s%d", r == 0 ? ", \"text_columns\": [" : ", ",
							 lay.text_columns[r]);
		if (lay.ntext > 0)
			appendStringInfoChar(&js, ']');
		/* the other sheets of a workbook (a cover, a legend) are not read */
		foreach(lc, sheets)
		{
			KansaSheet *other = (KansaSheet *) lfirst(lc);
			bool		read = false;
			int			k;

			for (k = 0; k < nreads; k++)
				if (reads[k].sheet == other)
					read = true;
			if (read || other->nrows == 0)
				continue;
			appendStringInfoString(&js, others ? ", " : ", \"other_sheets\": [");
			escape_json(&js, other->name);
			others = true;
		}
		appendStringInfoString(&js, others ? "]}" : "}");
		emit(&o, "layout", lay.header_row, lay.answer_column, NULL, NULL, NULL,
			 js.data, NULL);

		fates = fates_of[si] = palloc0((sheet->nrows + 1) * sizeof(RowFate));

		for (r = 1; r <= sheet->nrows; r++)
		{
			RowFate    *f = &fates[r];
			const char *idcell = kansa_sheet_get(sheet, r, lay.id_column);
			const char *first;
			int			firstcol = 0;
			char	   *sec;
			char	   *stripped;
			Claim		claim;
			bool		single = false;
			char	   *bad = NULL;
			int			n = 0,
						i,
						c;
			bool		group_start = false;

			CHECK_FOR_INTERRUPTS();
			if (row_empty(sheet, r))
				continue;
			before = prev_row;
			prev_row = r;
			first = first_cell(sheet, r, &firstcol);
			if (r < lay.header_row || (lay.header_row == 0 && r < lay.first_id_row))
			{
				f->state = 2;
				f->reason = (r == lay.header_row - 1 && group_labels(sheet, r)) ? "header" :
					note_like(first, false) ? "note" : "title";
				continue;
			}
			if (r == lay.header_row)
			{
				f->state = 2;
				f->reason = "header";
				continue;
			}
			/* the columns' numbers under the header, or a header's second row */
			if (lay.header_row > 0 && column_numbers(sheet, r))
			{
				f->state = 2;
				f->reason = "header";
				continue;
			}
			/* a header repeated on every printed page */
			if (lay.header_row > 0 && lay.answer_column > 0 &&
				same_text(kansa_sheet_get(sheet, r, lay.answer_column),
						  kansa_sheet_get(sheet, lay.header_row, lay.answer_column)) &&
				same_text(idcell, kansa_sheet_get(sheet, lay.header_row, lay.id_column)))
			{
				f->state = 2;
				f->reason = "repeated header";
				continue;
			}
			if ((sec = row_section(cat, first)) != NULL &&
				(idcell == NULL || firstcol == lay.id_column))
			{
				section = sec;
				subsection = NULL;
				have_last = false;
				f->state = 2;
				f->reason = "section";
				continue;
			}
			if (idcell != NULL && firstcol == lay.id_column &&
				(sec = row_subsection(cat, idcell, section)) != NULL)
			{
				subsection = sec;
				have_last = false;
				f->state = 2;
				f->reason = "section";
				continue;
			}

			memset(&claim, 0, sizeof(claim));
			claim.sheetno = si;
			claim.row = r;
			claim.answer = lay.answer_column ?
				nonempty(kansa_sheet_get(sheet, r, lay.answer_column)) : NULL;
			for (c = 0; c < lay.ntext; c++)
			{
				const char *t = nonempty(kansa_sheet_get(sheet, r, lay.text_columns[c]));

				if (t != NULL && !excel_error(t))
					claim.answer = claim.answer == NULL ? t :
						psprintf("%s\n%s", claim.answer, t);
			}
			claim.mark = lay.mark_column ?
				nonempty(kansa_sheet_get(sheet, r, lay.mark_column)) : NULL;
			claim.ownership = lay.ownership_column ?
				nonempty(kansa_sheet_get(sheet, r, lay.ownership_column)) : NULL;
			/* text, not a mark, in the mark column: it is the answer */
			if (claim.mark != NULL &&
				(strlen(claim.mark) > 64 ||
				 kansa_answer_parse(claim.mark, strlen(claim.mark), false) < 0))
			{
				if (claim.answer == NULL)
					claim.answer = claim.mark;
				else
					claim.answer = psprintf("%s\n%s", claim.mark, claim.answer);
				claim.mark = NULL;
			}

			/* a hierarchy cell (left of the ids) starts a group */
			for (c = 1; c < lay.id_column; c++)
				if (kansa_sheet_get(sheet, r, c) != NULL)
					group_start = true;

			/*
			 * A section's number with the section's own title and no answer
			 * ("2 | 情報セキュリティのための組織", "4(4) | アクセス管理") is its
			 * heading, though "2" under section 1 or "4(4)" could also be read
			 * as a control (1.2, 4.4).
			 */
			if (idcell != NULL && claim.answer == NULL && claim.mark == NULL &&
				firstcol == lay.id_column &&
				(sec = section_id(cat, idcell)) != NULL &&
				(section_titled(cat, sec, sheet, r, lay.id_column) ||
				 (lay.dotted && find_exact(cat, sec) < 0)))
			{
				section = sec;
				subsection = NULL;
				have_last = false;
				f->state = 2;
				f->reason = "section";
				continue;
			}

			if (idcell != NULL)
				n = resolve_cell(cat, idcell, section, &l, subsection, &single, &bad);
			if (n == 0)
			{
				int			cc;

				/* no id: a range statement, a heading, or a lost answer */
				for (cc = 1; cc <= sheet->rows[r - 1].ncells && n == 0; cc++)
				{
					const char *v = kansa_sheet_get(sheet, r, cc);

					if (v != NULL)
						n = text_range(cat, v, &l);
					if (n > 0 && claim.answer == NULL && claim.mark == NULL)
						claim.answer = v;
				}
				if (n > 0)
				{
					claim.via = VIA_RANGE;
					f->column = lay.answer_column;
				}
				else if (idcell != NULL &&
						 ((sec = section_id(cat, idcell)) != NULL ||
						  ((stripped = strip_id_prefixes(idcell)) != NULL &&
						   (sec = section_id(cat, stripped)) != NULL)))
				{
					/*
					 * An id cell that names a section of the catalog (統,
					 * 1(1)) and no control: a heading, whatever stands beside
					 * it (a merged title reaches the answer column).
					 */
					section = sec;
					subsection = NULL;
					have_last = false;
					f->state = 2;
					f->reason = "section";
					continue;
				}
				else if (row_is_band(sheet, r) ||
						 (claim.answer == NULL && claim.mark == NULL &&
						  (idcell == NULL || strpbrk(idcell, "0123456789") == NULL)))
				{
					f->state = 2;
					f->reason = seen_before(sheet, r, firstcol, first) ? "repeated title" :
						note_like(first, true) ? "note" : "section";
					have_last = false;
					continue;
				}
				else if (claim.answer == NULL && claim.mark == NULL)
				{
					/*
					 * An id-like cell that resolves to nothing and no answer: not
					 * an answer lost, but a heading ("12", "1.6.2 アクセス権限の
					 * 管理"), a page title printed again, or a note.  Only a row
					 * that has an answer is rejected.
					 */
					f->state = 2;
					f->reason = seen_before(sheet, r, lay.id_column, idcell) ? "repeated title" :
						note_like(idcell, true) ? "note" :
						numbered_title(idcell) ? "section" : "note";
					have_last = false;
					continue;
				}
				else if ((idcell != NULL && strpbrk(idcell, "0123456789") == NULL &&
						  note_like(idcell, true)) ||
						 (idcell == NULL && note_like(first, true) &&
						  (firstcol != lay.answer_column || row_is_band(sheet, r))))
				{
					/* a total, a legend, a line signed at the bottom */
					f->state = 2;
					f->reason = "note";
					have_last = false;
					continue;
				}
				else if (idcell == NULL && claim.mark == NULL && have_last &&
						 before == last.row && only_text_cells(sheet, r, &lay))
				{
					/*
					 * The rest of the answer above, wrapped into a row of its
					 * own: joined to it.
					 */
					int			k;

					for (k = 0; k < cat->n; k++)
						if (best[k].sheetno == si && best[k].row == last.row &&
							best[k].answer != NULL)
							best[k].answer = psprintf("%s\n%s", best[k].answer, claim.answer);
					last.answer = last.answer ? psprintf("%s\n%s", last.answer, claim.answer) :
						claim.answer;
					f->state = 2;
					f->reason = "continuation";
					continue;
				}
				else if (idcell == NULL)
				{
					reject_row(f, REJECT_NO_ID, lay.id_column, NULL,
							   psprintf("row %d has an answer but no control id in column %d",
										r, lay.id_column));
					continue;
				}
				else
				{
					reject_row(f, REJECT_UNKNOWN, lay.id_column, idcell,
							   (bad != NULL && strcmp(bad, idcell) != 0) ?
							   psprintf("unknown control \"%s\" (in \"%s\") for framework %s",
										bad, idcell, framework) :
							   psprintf("unknown control \"%s\" for framework %s",
										idcell, framework));
					continue;
				}
			}
			else
			{
				f->column = lay.answer_column;
				if (claim.answer == NULL && claim.mark == NULL)
				{
					if (inherit && have_last && !group_start)
					{
						claim.answer = last.answer;
						claim.mark = last.mark;
						claim.ownership = claim.ownership ? claim.ownership : last.ownership;
						claim.via = VIA_INHERIT;
					}
					else
					{
						claim.via = VIA_BLANK;
						have_last = false;
					}
				}
				else
				{
					claim.via = single ? VIA_ROW : VIA_LIST;
					/* 統3（再掲）: listed again, as weak as a range statement */
					if (strstr(idcell, "\xe5\x86\x8d\xe6\x8e\xb2") != NULL)
						claim.via = VIA_RANGE;
					last = claim;
					have_last = true;
				}
			}
			if (claim.via == VIA_BLANK && group_start)
				have_last = false;

			/*
			 * A row that contradicts an equally strong row before it is rejected
			 * and claims nothing; otherwise it takes every control where it is
			 * the strongest so far.
			 */
			f->state = 1;
			for (i = 0; i < n && f->state == 1; i++)
			{
				Claim	   *b = &best[l.idx[i]];

				if (b->via == claim.via && claim.via != VIA_RANGE &&
					!same_claim(b, &claim))
				{
					reject_row(f, REJECT_DUPLICATE, lay.id_column, idcell,
							   b->sheetno == si ?
							   psprintf("control %s is answered in row %d and, differently, in row %d",
										cat->ids[l.idx[i]], b->row, r) :
							   psprintf("control %s is answered in sheet \"%s\" row %d and, differently, in sheet \"%s\" row %d",
										cat->ids[l.idx[i]], reads[b->sheetno].sheet->name,
										b->row, sheet->name, r));
				}
			}
			if (f->state == 1)
				for (i = 0; i < n; i++)
					if (best[l.idx[i]].via < claim.via)
						best[l.idx[i]] = claim;
		}
	}

	/* responses, in document order of the controls */
	{
		int			i;

		for (i = 0; i < cat->n; i++)
		{
			Claim	   *b = &best[i];
			Layout	   *bl = &reads[b->sheetno];

			if (b->via == 0)
				continue;
			fates_of[b->sheetno][b->row].won++;
			o.sheet = bl->sheet->name;
			emit(&o, "response", b->row, bl->answer_column,
				 cat->ids[i], kansa_sheet_get(bl->sheet, b->row, bl->id_column),
				 b, NULL, NULL);
		}
	}
	for (si = 0; si < nreads; si++)
	{
		for (r = 1; r <= reads[si].sheet->nrows; r++)
		{
			RowFate    *f = &fates_of[si][r];

			o.sheet = reads[si].sheet->name;
			if (f->state == 2)
				emit(&o, "skipped", r, 0, NULL, NULL, NULL, f->reason, NULL);
			else if (f->state == 3)
				/* a reject's reason column holds the error message */
				emit(&o, "rejected", r, f->column, NULL, f->cell, NULL, f->message,
					 &f->reject);
			else if (f->state == 1 && f->won == 0)
				emit(&o, "skipped", r, 0, NULL, NULL, NULL, "duplicate", NULL);
		}
	}
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(kansa_column_name);

/* column_name(int): the spreadsheet letters of a column number (27 -> AA). */
Datum
kansa_column_name(PG_FUNCTION_ARGS)
{
	int32		n = PG_GETARG_INT32(0);
	char		buf[8];
	int			i = sizeof(buf) - 1;

	if (n < 1 || n > 16384)
		PG_RETURN_NULL();
	buf[i] = '\0';
	while (n > 0)
	{
		n--;
		buf[--i] = 'A' + n % 26;
		n /= 26;
	}
	PG_RETURN_TEXT_P(cstring_to_text(buf + i));
}
