/*-------------------------------------------------------------------------
 *
 * layout.c
 *	  The layout of an answer sheet (its id column, header row, answer,
 *	  mark, ownership and text columns) and the kinds of rows that are no
 *	  answer: headers of one or two rows, column numbers, notes, legends,
 *	  totals, merged bands, page titles printed again.  Used by
 *	  sheet_answers() (import.c); the rules are described there.
 *
 * src/layout.c
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

#include "answer.h"
#include "import.h"
#include "normalize.h"

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
bool
kansa_note_like(const char *text, bool below)
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
bool
kansa_column_numbers(KansaSheet *sheet, int row)
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
bool
kansa_numbered_title(const char *text)
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
	k = kansa_id_key(cell, strlen(cell));
	for (i = 0; i < n; i++)
		if (strstr(k, h[i].key) != NULL && h[i].rank > best)
			best = h[i].rank;
	pfree(k);
	return best;
}

/* ----- layout ----- */

/* The first non-empty cell of a row, or NULL. */
const char *
kansa_first_cell(KansaSheet *sheet, int row, int *col)
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
void
kansa_find_id_column(Catalog *cat, KansaSheet *sheet, Layout *lay, int forced)
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

	/*
	 * Each cell's trial reading (NFKC, folding, candidate ids) in a context
	 * of its own, emptied after the cell: up to SCAN_ROWS x SCAN_COLUMNS
	 * readings would otherwise hold memory until the statement ends (and,
	 * growing, fault in fresh pages as they go).
	 */
	MemoryContext trial = AllocSetContextCreate(CurrentMemoryContext,
												"kansa id column trial",
												ALLOCSET_DEFAULT_SIZES);
	MemoryContext outer = CurrentMemoryContext;

	for (r = 1; r <= nrows; r++)
	{
		const char *fc = kansa_first_cell(sheet, r, NULL);
		char	   *s;
		char	   *sub = NULL;

		CHECK_FOR_INTERRUPTS();
		/* a heading's section is kept (copied out), the rest emptied */
		MemoryContextSwitchTo(trial);
		s = kansa_row_section(cat, fc);
		if (s == NULL)
			sub = kansa_row_subsection(cat, fc, section);
		MemoryContextSwitchTo(outer);
		if (s != NULL)
			section = pstrdup(s);
		else if (sub != NULL)
			subsection = pstrdup(sub);
		MemoryContextReset(trial);
		if (s != NULL)
		{
			subsection = NULL;
			continue;
		}
		if (sub != NULL)
			continue;
		for (c = lo; c <= ncols; c++)
		{
			const char *v = kansa_sheet_get(sheet, r, c);
			bool		single;
			char	   *bad;

			if (v == NULL || strlen(v) > 200)
				continue;
			MemoryContextSwitchTo(trial);
			memset(&l, 0, sizeof(l));
			if (kansa_resolve_cell(cat, v, section, &l, subsection, &single, &bad) > 0)
			{
				hits[c]++;
				if (first[c] == 0)
					first[c] = r;
				if (v[strspn(v, " 0123456789")] == '\0')
					bare[c]++;
			}
			MemoryContextSwitchTo(outer);
			MemoryContextReset(trial);
		}
	}
	MemoryContextDelete(trial);
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

/*
 * Is this row, above the first id, the header: a row of several cells (not
 * a merged band) with the heading of an answer beside the id column, or
 * with headings of two kinds (項番 … 対応可否, Control ID … Remarks)?
 */
static bool
is_header_row(KansaSheet *sheet, int row, int id_column)
{
	int			kinds;

	if (kansa_row_is_band(sheet, row))
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
bool
kansa_group_labels(KansaSheet *sheet, int row)
{
	int			c,
				n = 0;
	bool		heading = false;

	if (row < 1 || kansa_row_is_band(sheet, row))
		return false;
	for (c = 1; c <= sheet->rows[row - 1].ncells; c++)
	{
		const char *v = sheet->rows[row - 1].cells[c - 1];

		if (v == NULL)
			continue;
		if (pg_mbstrlen(v) > 20 || kansa_note_like(v, false))
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

		if (v == NULL || kansa_row_is_band(sheet, r))
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

/*
 * The header row: the nearest row above the first row with an id that
 * holds headings (is_header_row); 0 when none does.
 */
static int
header_above(KansaSheet *sheet, const Layout *lay)
{
	int			r;

	for (r = lay->first_id_row - 1; r >= 1; r--)
		if (is_header_row(sheet, r, lay->id_column))
			return r;
	return 0;
}

/*
 * The commonest Japanese layout: a 回答 column of ○/△/×/－ beside a 備考
 * column, or beside a second answer column of text (実施状況 ○ beside 実施
 * 内容).  When there is such a column of text, the marks are the mark and
 * the text is the answer: *mark and *answer change.
 */
static void
marks_beside_remarks(KansaSheet *sheet, const Layout *lay, int header, int owner,
					 int *answer, int *mark)
{
	int			remarks = find_heading(sheet, header, remarks_headings,
									   lengthof(remarks_headings),
									   lay->id_column, *answer);

	if (remarks == 0 || remarks == owner ||
		column_reads_as_answers(sheet, remarks, header + 1, false))
		remarks = find_heading(sheet, header, answer_headings,
							   lengthof(answer_headings), lay->id_column, *answer);
	if (remarks > 0 && remarks != owner &&
		!column_reads_as_answers(sheet, remarks, header + 1, false))
	{
		*mark = *answer;
		*answer = remarks;
	}
}

/*
 * With no answer heading: the rightmost of the columns whose texts (in rows
 * with an id) are, on average, at least half as long as the longest; 0
 * when no column holds text.
 */
static int
longest_text_column(KansaSheet *sheet, const Layout *lay, int header, int mark,
					int owner)
{
	int			ncols = Min(sheet->ncols, SCAN_COLUMNS);
	double	   *avg = palloc0((ncols + 1) * sizeof(double));
	double		best = 0;
	int			c,
				r;

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
	for (c = ncols; c >= 1; c--)
		if (avg[c] > 0 && avg[c] * 2 >= best)
			return c;
	return 0;
}

/*
 * More columns of the answer's text, joined to it in column order:
 * remarks, evidence, documents (関連文書, 補足, Evidence) right of the
 * answer, never the control's title or question, the customer's part, or
 * marks.
 */
static void
find_text_columns(KansaSheet *sheet, Layout *lay)
{
	int			header = lay->header_row;
	int			answer = lay->answer_column;
	int			mark = lay->mark_column;
	int			owner = lay->ownership_column;
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

/*
 * The layout of a sheet whose id column is known: its header row, answer,
 * mark and ownership columns and more columns of the answer's text, each
 * found by its heading (see import.c) unless an option sets it.  An error
 * when there is neither an answer nor a mark column.
 */
void
kansa_find_layout(Catalog *cat, Layout *lay, Jsonb *options)
{
	KansaSheet *sheet = lay->sheet;
	int			header = kansa_option_position(options, "header_row", false, sheet->nrows);
	int			answer = kansa_option_position(options, "answer_column", true, sheet->ncols);
	int			mark = kansa_option_position(options, "mark_column", true, sheet->ncols);
	int			owner = kansa_option_position(options, "ownership_column", true, sheet->ncols);
	bool		answer_forced = answer > 0;
	bool		mark_forced = mark > 0;

	if (header == 0 && lay->first_id_row > 0)
		header = header_above(sheet, lay);
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
	if (!answer_forced && !mark_forced && answer > 0 &&
		(mark == 0 || mark == answer) &&
		column_reads_as_answers(sheet, answer, header + 1, false))
		marks_beside_remarks(sheet, lay, header, owner, &answer, &mark);
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
		answer = longest_text_column(sheet, lay, header, mark, owner);
	lay->answer_column = answer;
	lay->mark_column = mark;
	lay->ownership_column = owner;
	lay->ntext = 0;
	if (header > 0 && answer > 0 && !answer_forced)
		find_text_columns(sheet, lay);
	if (answer == 0 && mark == 0)
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("could not find the answer column of sheet \"%s\"", sheet->name),
				 errhint("Set option answer_column (a number from 1 or a letter).")));
}

bool
kansa_same_text(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Is the cell an Excel error value (#N/A of a failed VLOOKUP, #REF! …)? */
bool
kansa_excel_error(const char *v)
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
bool
kansa_only_text_cells(KansaSheet *sheet, int row, const Layout *lay)
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
bool
kansa_row_is_band(KansaSheet *sheet, int row)
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

bool
kansa_row_empty(KansaSheet *sheet, int row)
{
	return kansa_first_cell(sheet, row, NULL) == NULL;
}

/*
 * Does an earlier row hold this text in the same column: a title printed at
 * the top of every page?  The first rows of the sheet and the last ones
 * before this row are looked at (SEEN_TOP, SEEN_BACK), which holds every
 * page title while keeping the work per row bounded.
 */
#define SEEN_TOP	60
#define SEEN_BACK	500

bool
kansa_seen_before(KansaSheet *sheet, int row, int column, const char *text)
{
	int			r;

	for (r = 1; r < row; r++)
	{
		if (r > SEEN_TOP && r < row - SEEN_BACK)
			r = row - SEEN_BACK;
		if (kansa_same_text(kansa_sheet_get(sheet, r, column), text))
			return true;
	}
	return false;
}

