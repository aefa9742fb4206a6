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
 * The catalog and id resolution are in resolve.c, the layout and the kinds
 * of rows in layout.c; this file holds the row loop and the function.
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

#include "answer.h"
#include "import.h"

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
same_claim(const Claim *a, const Claim *b)
{
	return kansa_same_text(a->answer, b->answer) && kansa_same_text(a->mark, b->mark) &&
		kansa_same_text(a->ownership, b->ownership);
}

static const char *
nonempty(const char *s)
{
	return (s != NULL && s[0] != '\0') ? s : NULL;
}

/* Mark a row skipped, and why. */
static void
skip_row(RowFate *f, const char *reason)
{
	f->state = 2;
	f->reason = reason;
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

/*
 * What reading a file shares from row to row and from sheet to sheet: the
 * catalog, the sheets read and the fate of each of their rows, the strongest
 * claim on every control so far, and where the row loop stands in the sheet
 * being read (its section, the answer above).
 */
typedef struct SheetRead
{
	Catalog    *cat;
	const char *framework;
	bool		inherit;		/* option blank = inherit */
	Layout	   *reads;			/* the sheets read, with their layouts */
	int			nreads;
	RowFate   **fates_of;		/* per sheet read, per row */
	Claim	   *best;			/* per control: the strongest claim so far */
	IdList		l;				/* the controls the current row names */
	Out			o;
	/* the sheet being read */
	int			si;				/* its index in reads */
	Layout	   *lay;
	KansaSheet *sheet;
	RowFate    *fates;			/* fates_of[si] */
	char	   *section;
	char	   *subsection;
	Claim		last;			/* the last row above that gave an answer */
	bool		have_last;		/* whether that answer still carries over */
	int			prev_row;		/* the last non-empty row */
} SheetRead;

/* One non-empty row being read: its cells and what it claims. */
typedef struct RowRead
{
	int			r;
	RowFate    *f;
	const char *idcell;
	const char *first;			/* its first non-empty cell */
	int			firstcol;
	int			before;			/* the non-empty row above it */
	Claim		claim;
	bool		group_start;	/* a hierarchy cell left of the ids */
	int			n;				/* the controls it names, in l */
	bool		single;			/* one control, named alone */
	char	   *bad;			/* the piece of the id cell not understood */
} RowRead;

/*
 * A heading row of a section: the rows below it are read within the
 * section (bare numbers are its items), and no answer carries over it.
 */
static void
enter_section(SheetRead *st, RowFate *f, char *sec)
{
	st->section = sec;
	st->subsection = NULL;
	st->have_last = false;
	skip_row(f, "section");
}

/* The option blank: does an empty answer inherit the answer above it? */
static bool
blank_inherits(Jsonb *options)
{
	char	   *blank = kansa_option_text(options, "blank");

	if (blank == NULL || strcmp(blank, "gap") == 0)
		return false;
	if (strcmp(blank, "inherit") != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value \"%s\" for option \"blank\"", blank),
				 errhint("Use gap (an empty answer is unanswered) or inherit (it repeats the answer above it in its group).")));
	return true;
}

/*
 * The sheets to read: the one whose id column resolves to most controls,
 * and any other with many (MIN_SHEET_IDS, and a quarter of the best): a
 * workbook may split a framework over sheets (統制・実務, 設備・監査).  A
 * cover or a legend that quotes an id or two is not read.  An error when no
 * sheet holds ids of the framework.
 */
static void
choose_sheets(SheetRead *st, List *sheets, Jsonb *options)
{
	Layout		lay;			/* the sheet with most ids */
	Layout	   *cands;			/* every sheet, with its id column */
	int			ncands = 0;
	ListCell   *lc;
	int			si;

	memset(&lay, 0, sizeof(lay));
	cands = palloc0(Max(list_length(sheets), 1) * sizeof(Layout));
	foreach(lc, sheets)
	{
		Layout	   *cand = &cands[ncands++];
		int			id_forced;

		cand->sheet = (KansaSheet *) lfirst(lc);
		if (cand->sheet->nrows == 0)
			continue;
		id_forced = kansa_option_position(options, "id_column", true,
										  Max(cand->sheet->ncols, 1));
		kansa_find_id_column(st->cat, cand->sheet, cand, id_forced);
		if (lay.sheet == NULL || cand->id_hits > lay.id_hits)
			lay = *cand;
	}
	if (lay.sheet != NULL && lay.id_hits == 0 && lay.id_column > 0)
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("column %d (option id_column) of sheet \"%s\" holds no control ids of framework \"%s\"",
						lay.id_column, lay.sheet->name, st->framework),
				 errhint("Check the framework, or the options sheet and id_column.")));
	if (lay.sheet == NULL || lay.id_hits == 0)
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("no column of the file holds control ids of framework \"%s\"",
						st->framework),
				 errhint("Check the framework, or set options sheet and id_column.")));
	st->reads = palloc0(Max(ncands, 1) * sizeof(Layout));
	for (si = 0; si < ncands; si++)
		if (cands[si].sheet->nrows > 0 &&
			(cands[si].sheet == lay.sheet ||
			 (cands[si].id_hits >= MIN_SHEET_IDS && cands[si].id_hits * 4 >= lay.id_hits)))
			st->reads[st->nreads++] = cands[si];
}

/* Find the layout of the sheet read si, and start reading it at its top. */
static void
start_sheet(SheetRead *st, int si, Jsonb *options)
{
	st->si = si;
	st->lay = &st->reads[si];
	st->sheet = st->lay->sheet;
	kansa_find_layout(st->cat, st->lay, options);
	st->fates = st->fates_of[si] = palloc0((st->sheet->nrows + 1) * sizeof(RowFate));
	st->section = NULL;
	st->subsection = NULL;
	st->have_last = false;
	st->prev_row = 0;
	st->o.sheet = st->sheet->name;
}

/*
 * The layout row of the sheet being read: reason holds its format, header
 * row and columns as JSON, and the other sheets of the workbook, which are
 * not read (a cover, a legend).
 */
static void
emit_layout(SheetRead *st, List *sheets, const char *format)
{
	const Layout *lay = st->lay;
	StringInfoData js;
	ListCell   *lc;
	bool		others = false;
	int			i;

	initStringInfo(&js);
	appendStringInfo(&js, "{\"format\": \"%s\", \"sheet\": ", format);
	escape_json(&js, lay->sheet->name);
	appendStringInfo(&js, ", \"header_row\": %d, \"id_column\": %d, \"answer_column\": %d, \"mark_column\": %d, \"ownership_column\": %d",
					 lay->header_row, lay->id_column, lay->answer_column,
					 lay->mark_column, lay->ownership_column);
	for (i = 0; i < lay->ntext; i++)
		appendStringInfo(&js, "%s%d", i == 0 ? ", \"text_columns\": [" : ", ",
						 lay->text_columns[i]);
	if (lay->ntext > 0)
		appendStringInfoChar(&js, ']');
	foreach(lc, sheets)
	{
		KansaSheet *other = (KansaSheet *) lfirst(lc);
		bool		read = false;
		int			k;

		for (k = 0; k < st->nreads; k++)
			if (st->reads[k].sheet == other)
				read = true;
		if (read || other->nrows == 0)
			continue;
		appendStringInfoString(&js, others ? ", " : ", \"other_sheets\": [");
		escape_json(&js, other->name);
		others = true;
	}
	appendStringInfoString(&js, others ? "]}" : "}");
	emit(&st->o, "layout", lay->header_row, lay->answer_column, NULL, NULL, NULL,
		 js.data, NULL);
}

/*
 * Is the row, before its ids are read, a title or a note above the table, a
 * header (its second row, a header printed again on every page), or the
 * heading of a section or a sub-section?  Then it is skipped.
 */
static bool
heading_row(SheetRead *st, RowRead *row)
{
	const Layout *lay = st->lay;
	KansaSheet *sheet = st->sheet;
	int			r = row->r;
	char	   *sec;

	if (r < lay->header_row || (lay->header_row == 0 && r < lay->first_id_row))
		skip_row(row->f,
				 (r == lay->header_row - 1 && kansa_group_labels(sheet, r)) ? "header" :
				 kansa_note_like(row->first, false) ? "note" : "title");
	else if (r == lay->header_row)
		skip_row(row->f, "header");
	/* the columns' numbers under the header, or a header's second row */
	else if (lay->header_row > 0 && kansa_column_numbers(sheet, r))
		skip_row(row->f, "header");
	/* a header repeated on every printed page */
	else if (lay->header_row > 0 && lay->answer_column > 0 &&
			 kansa_same_text(kansa_sheet_get(sheet, r, lay->answer_column),
							 kansa_sheet_get(sheet, lay->header_row, lay->answer_column)) &&
			 kansa_same_text(row->idcell, kansa_sheet_get(sheet, lay->header_row, lay->id_column)))
		skip_row(row->f, "repeated header");
	else if ((sec = kansa_row_section(st->cat, row->first)) != NULL &&
			 (row->idcell == NULL || row->firstcol == lay->id_column))
		enter_section(st, row->f, sec);
	else if (row->idcell != NULL && row->firstcol == lay->id_column &&
			 (sec = kansa_row_subsection(st->cat, row->idcell, st->section)) != NULL)
	{
		st->subsection = sec;
		st->have_last = false;
		skip_row(row->f, "section");
	}
	else
		return false;
	return true;
}

/*
 * What the row answers: the answer column with the text columns joined to
 * it, the mark (text in the mark column is the answer) and the ownership;
 * and whether a hierarchy cell left of the ids starts a group.
 */
static void
read_claim(SheetRead *st, RowRead *row)
{
	const Layout *lay = st->lay;
	KansaSheet *sheet = st->sheet;
	Claim	   *claim = &row->claim;
	int			r = row->r;
	int			c;

	claim->sheetno = st->si;
	claim->row = r;
	claim->answer = lay->answer_column ?
		nonempty(kansa_sheet_get(sheet, r, lay->answer_column)) : NULL;
	for (c = 0; c < lay->ntext; c++)
	{
		const char *t = nonempty(kansa_sheet_get(sheet, r, lay->text_columns[c]));

		if (t != NULL && !kansa_excel_error(t))
			claim->answer = claim->answer == NULL ? t :
				psprintf("%s\n%s", claim->answer, t);
	}
	claim->mark = lay->mark_column ?
		nonempty(kansa_sheet_get(sheet, r, lay->mark_column)) : NULL;
	claim->ownership = lay->ownership_column ?
		nonempty(kansa_sheet_get(sheet, r, lay->ownership_column)) : NULL;
	/* text, not a mark, in the mark column: it is the answer */
	if (claim->mark != NULL &&
		(strlen(claim->mark) > 64 ||
		 kansa_answer_parse(claim->mark, strlen(claim->mark), false) < 0))
	{
		if (claim->answer == NULL)
			claim->answer = claim->mark;
		else
			claim->answer = psprintf("%s\n%s", claim->mark, claim->answer);
		claim->mark = NULL;
	}

	for (c = 1; c < lay->id_column; c++)
		if (kansa_sheet_get(sheet, r, c) != NULL)
			row->group_start = true;
}

/*
 * Is the row a section's number with the section's own title and no answer
 * ("2 | 情報セキュリティのための組織", "4(4) | アクセス管理")?  Then it is
 * the section's heading, though "2" under section 1 or "4(4)" could also be
 * read as a control (1.2, 4.4).
 */
static bool
section_number_heading(SheetRead *st, RowRead *row)
{
	char	   *sec;

	if (row->idcell == NULL || row->claim.answer != NULL || row->claim.mark != NULL ||
		row->firstcol != st->lay->id_column ||
		(sec = kansa_section_id(st->cat, row->idcell)) == NULL)
		return false;
	if (!kansa_section_titled(st->cat, sec, st->sheet, row->r, st->lay->id_column) &&
		!(st->lay->dotted && kansa_find_exact(st->cat, sec) < 0))
		return false;
	enter_section(st, row->f, sec);
	return true;
}

/*
 * Does a row that names no control state a range in one of its cells
 * ("設備基準84～137は当社の対象外")?  Then it claims the controls of the
 * range, with that cell as its answer when it has none.
 */
static void
text_range_claim(SheetRead *st, RowRead *row)
{
	int			cc;

	for (cc = 1; cc <= st->sheet->rows[row->r - 1].ncells && row->n == 0; cc++)
	{
		const char *v = kansa_sheet_get(st->sheet, row->r, cc);

		if (v != NULL)
			row->n = kansa_text_range(st->cat, v, &st->l);
		if (row->n > 0 && row->claim.answer == NULL && row->claim.mark == NULL)
			row->claim.answer = v;
	}
	if (row->n > 0)
	{
		row->claim.via = VIA_RANGE;
		row->f->column = st->lay->answer_column;
	}
}

/*
 * The rest of the answer above, wrapped into a row of its own: joined to
 * that answer, in the controls it won and in what a blank row inherits.
 */
static void
join_answer_above(SheetRead *st, RowRead *row)
{
	const char *more = row->claim.answer;
	int			k;

	for (k = 0; k < st->cat->n; k++)
		if (st->best[k].sheetno == st->si && st->best[k].row == st->last.row &&
			st->best[k].answer != NULL)
			st->best[k].answer = psprintf("%s\n%s", st->best[k].answer, more);
	st->last.answer = st->last.answer ? psprintf("%s\n%s", st->last.answer, more) :
		more;
	skip_row(row->f, "continuation");
}

/*
 * The fate of a row that names no control and states no range: a heading
 * (by its id cell, or a row without an answer), a note, the rest of the
 * answer above, or a reject for want of an id or for an unknown one.
 */
static void
settle_unnamed_row(SheetRead *st, RowRead *row)
{
	const Layout *lay = st->lay;
	KansaSheet *sheet = st->sheet;
	RowFate    *f = row->f;
	int			r = row->r;
	const char *idcell = row->idcell;
	bool		answered = row->claim.answer != NULL || row->claim.mark != NULL;
	char	   *sec;

	if (idcell != NULL && (sec = kansa_section_id(st->cat, idcell)) != NULL)
	{
		/*
		 * An id cell that names a section of the catalog (統, 1(1)) and no
		 * control: a heading, whatever stands beside it (a merged title
		 * reaches the answer column).
		 */
		enter_section(st, f, sec);
	}
	else if (kansa_row_is_band(sheet, r) ||
			 (!answered && (idcell == NULL || strpbrk(idcell, "0123456789") == NULL)))
	{
		skip_row(f, kansa_seen_before(sheet, r, row->firstcol, row->first) ? "repeated title" :
				 kansa_note_like(row->first, true) ? "note" : "section");
		st->have_last = false;
	}
	else if (!answered)
	{
		/*
		 * An id-like cell that resolves to nothing and no answer: not an
		 * answer lost, but a heading ("12", "1.6.2 アクセス権限の管理"), a
		 * page title printed again, or a note.  Only a row that has an answer
		 * is rejected.
		 */
		skip_row(f, kansa_seen_before(sheet, r, lay->id_column, idcell) ? "repeated title" :
				 kansa_note_like(idcell, true) ? "note" :
				 kansa_numbered_title(idcell) ? "section" : "note");
		st->have_last = false;
	}
	else if ((idcell != NULL && strpbrk(idcell, "0123456789") == NULL &&
			  kansa_note_like(idcell, true)) ||
			 (idcell == NULL && kansa_note_like(row->first, true) &&
			  (row->firstcol != lay->answer_column || kansa_row_is_band(sheet, r))))
	{
		/* a total, a legend, a line signed at the bottom */
		skip_row(f, "note");
		st->have_last = false;
	}
	else if (idcell == NULL && row->claim.mark == NULL && st->have_last &&
			 row->before == st->last.row && kansa_only_text_cells(sheet, r, lay))
		join_answer_above(st, row);
	else if (idcell == NULL)
		reject_row(f, REJECT_NO_ID, lay->id_column, NULL,
				   psprintf("row %d has an answer but no control id in column %d",
							r, lay->id_column));
	else
		reject_row(f, REJECT_UNKNOWN, lay->id_column, idcell,
				   (row->bad != NULL && strcmp(row->bad, idcell) != 0) ?
				   psprintf("unknown control \"%s\" (in \"%s\") for framework %s",
							row->bad, idcell, st->framework) :
				   psprintf("unknown control \"%s\" for framework %s",
							idcell, st->framework));
}

/*
 * How strongly a row that names its controls claims them: alone or in a
 * list with an answer, which then carries over to the rows below; as weakly
 * as a range when it lists them again (再掲); inheriting the answer above
 * when it has none (option blank = inherit); else as an unanswered blank.
 */
static void
claim_strength(SheetRead *st, RowRead *row)
{
	Claim	   *claim = &row->claim;

	row->f->column = st->lay->answer_column;
	if (claim->answer != NULL || claim->mark != NULL)
	{
		claim->via = row->single ? VIA_ROW : VIA_LIST;
		/* 統3（再掲）: listed again, as weak as a range statement */
		if (strstr(row->idcell, "\xe5\x86\x8d\xe6\x8e\xb2") != NULL)
			claim->via = VIA_RANGE;
		st->last = *claim;
		st->have_last = true;
	}
	else if (st->inherit && st->have_last && !row->group_start)
	{
		claim->answer = st->last.answer;
		claim->mark = st->last.mark;
		claim->ownership = claim->ownership ? claim->ownership : st->last.ownership;
		claim->via = VIA_INHERIT;
	}
	else
	{
		claim->via = VIA_BLANK;
		st->have_last = false;
	}
}

/*
 * A row that contradicts an equally strong row before it is rejected and
 * claims nothing; otherwise it takes every control where it is the
 * strongest so far.
 */
static void
claim_controls(SheetRead *st, RowRead *row)
{
	const Claim *claim = &row->claim;
	RowFate    *f = row->f;
	int			i;

	f->state = 1;
	for (i = 0; i < row->n && f->state == 1; i++)
	{
		Claim	   *b = &st->best[st->l.idx[i]];

		if (b->via == claim->via && claim->via != VIA_RANGE && !same_claim(b, claim))
			reject_row(f, REJECT_DUPLICATE, st->lay->id_column, row->idcell,
					   b->sheetno == st->si ?
					   psprintf("control %s is answered in row %d and, differently, in row %d",
								st->cat->ids[st->l.idx[i]], b->row, row->r) :
					   psprintf("control %s is answered in sheet \"%s\" row %d and, differently, in sheet \"%s\" row %d",
								st->cat->ids[st->l.idx[i]], st->reads[b->sheetno].sheet->name,
								b->row, st->sheet->name, row->r));
	}
	if (f->state == 1)
		for (i = 0; i < row->n; i++)
			if (st->best[st->l.idx[i]].via < claim->via)
				st->best[st->l.idx[i]] = *claim;
}

/*
 * Read row r of the sheet: skip it as a heading, or read what it answers,
 * resolve the controls it names (or a range it states) and claim them.
 */
static void
read_row(SheetRead *st, int r)
{
	RowRead		row;

	CHECK_FOR_INTERRUPTS();
	if (kansa_row_empty(st->sheet, r))
		return;
	memset(&row, 0, sizeof(row));
	row.r = r;
	row.f = &st->fates[r];
	row.idcell = kansa_sheet_get(st->sheet, r, st->lay->id_column);
	row.before = st->prev_row;
	st->prev_row = r;
	row.first = kansa_first_cell(st->sheet, r, &row.firstcol);
	if (heading_row(st, &row))
		return;
	read_claim(st, &row);
	if (section_number_heading(st, &row))
		return;
	if (row.idcell != NULL)
		row.n = kansa_resolve_cell(st->cat, row.idcell, st->section, &st->l,
								   st->subsection, &row.single, &row.bad);
	if (row.n > 0)
		claim_strength(st, &row);
	else
	{
		/* no id: a range statement, a heading, or a lost answer */
		text_range_claim(st, &row);
		if (row.n == 0)
		{
			settle_unnamed_row(st, &row);
			return;
		}
	}
	claim_controls(st, &row);
}

/* The responses: every control's strongest claim, in document order. */
static void
emit_responses(SheetRead *st)
{
	int			i;

	for (i = 0; i < st->cat->n; i++)
	{
		Claim	   *b = &st->best[i];
		Layout	   *bl = &st->reads[b->sheetno];

		if (b->via == 0)
			continue;
		st->fates_of[b->sheetno][b->row].won++;
		st->o.sheet = bl->sheet->name;
		emit(&st->o, "response", b->row, bl->answer_column,
			 st->cat->ids[i], kansa_sheet_get(bl->sheet, b->row, bl->id_column),
			 b, NULL, NULL);
	}
}

/*
 * The rows that gave no response: skipped (and why), rejected, or outdone
 * by stronger rows on all their controls (duplicate).
 */
static void
emit_fates(SheetRead *st)
{
	int			si,
				r;

	for (si = 0; si < st->nreads; si++)
	{
		for (r = 1; r <= st->reads[si].sheet->nrows; r++)
		{
			RowFate    *f = &st->fates_of[si][r];

			st->o.sheet = st->reads[si].sheet->name;
			if (f->state == 2)
				emit(&st->o, "skipped", r, 0, NULL, NULL, NULL, f->reason, NULL);
			else if (f->state == 3)
				/* a reject's reason column holds the error message */
				emit(&st->o, "rejected", r, f->column, NULL, f->cell, NULL, f->message,
					 &f->reject);
			else if (f->state == 1 && f->won == 0)
				emit(&st->o, "skipped", r, 0, NULL, NULL, NULL, "duplicate", NULL);
		}
	}
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
	Jsonb	   *options = PG_ARGISNULL(5) ? NULL : PG_GETARG_JSONB_P(5);
	bytea	   *content;
	SheetRead	st;
	const char *format;
	List	   *sheets;
	int			si,
				r;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2) ||
		PG_ARGISNULL(3) || PG_ARGISNULL(4))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("sheet_answers arguments must not be null")));
	memset(&st, 0, sizeof(st));
	content = PG_GETARG_BYTEA_PP(0);
	st.framework = text_to_cstring(PG_GETARG_TEXT_PP(1));
	st.cat = kansa_catalog_build(st.framework, PG_GETARG_ARRAYTYPE_P(2),
								 PG_GETARG_ARRAYTYPE_P(3), PG_GETARG_ARRAYTYPE_P(4));
	if (st.cat->n == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("framework \"%s\" has no controls", st.framework)));
	st.inherit = blank_inherits(options);

	InitMaterializedSRF(fcinfo, 0);
	st.o.rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	sheets = kansa_read_file(content, options, &format);
	choose_sheets(&st, sheets, options);
	st.fates_of = palloc0(st.nreads * sizeof(RowFate *));
	st.best = palloc0(st.cat->n * sizeof(Claim));

	for (si = 0; si < st.nreads; si++)
	{
		start_sheet(&st, si, options);
		emit_layout(&st, sheets, format);
		for (r = 1; r <= st.sheet->nrows; r++)
			read_row(&st, r);
	}
	emit_responses(&st);
	emit_fates(&st);
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
