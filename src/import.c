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

/*
 * A heading row of a section: the rows below it are read within the
 * section (bare numbers are its items), and no answer carries over it.
 */
static void
enter_section(RowFate *f, char *sec, char **section, char **subsection,
			  bool *have_last)
{
	*section = sec;
	*subsection = NULL;
	*have_last = false;
	f->state = 2;
	f->reason = "section";
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
	cat = kansa_catalog_build(framework, PG_GETARG_ARRAYTYPE_P(2),
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
		kansa_find_id_column(cat, cand->sheet, cand, id_forced);
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
		kansa_find_layout(cat, &lay, options);
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
			Claim		claim;
			bool		single = false;
			char	   *bad = NULL;
			int			n = 0,
						i,
						c;
			bool		group_start = false;

			CHECK_FOR_INTERRUPTS();
			if (kansa_row_empty(sheet, r))
				continue;
			before = prev_row;
			prev_row = r;
			first = kansa_first_cell(sheet, r, &firstcol);
			if (r < lay.header_row || (lay.header_row == 0 && r < lay.first_id_row))
			{
				f->state = 2;
				f->reason = (r == lay.header_row - 1 && kansa_group_labels(sheet, r)) ? "header" :
					kansa_note_like(first, false) ? "note" : "title";
				continue;
			}
			if (r == lay.header_row)
			{
				f->state = 2;
				f->reason = "header";
				continue;
			}
			/* the columns' numbers under the header, or a header's second row */
			if (lay.header_row > 0 && kansa_column_numbers(sheet, r))
			{
				f->state = 2;
				f->reason = "header";
				continue;
			}
			/* a header repeated on every printed page */
			if (lay.header_row > 0 && lay.answer_column > 0 &&
				kansa_same_text(kansa_sheet_get(sheet, r, lay.answer_column),
								kansa_sheet_get(sheet, lay.header_row, lay.answer_column)) &&
				kansa_same_text(idcell, kansa_sheet_get(sheet, lay.header_row, lay.id_column)))
			{
				f->state = 2;
				f->reason = "repeated header";
				continue;
			}
			if ((sec = kansa_row_section(cat, first)) != NULL &&
				(idcell == NULL || firstcol == lay.id_column))
			{
				enter_section(f, sec, &section, &subsection, &have_last);
				continue;
			}
			if (idcell != NULL && firstcol == lay.id_column &&
				(sec = kansa_row_subsection(cat, idcell, section)) != NULL)
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

				if (t != NULL && !kansa_excel_error(t))
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
				(sec = kansa_section_id(cat, idcell)) != NULL &&
				(kansa_section_titled(cat, sec, sheet, r, lay.id_column) ||
				 (lay.dotted && kansa_find_exact(cat, sec) < 0)))
			{
				enter_section(f, sec, &section, &subsection, &have_last);
				continue;
			}

			if (idcell != NULL)
				n = kansa_resolve_cell(cat, idcell, section, &l, subsection, &single, &bad);
			if (n == 0)
			{
				int			cc;

				/* no id: a range statement, a heading, or a lost answer */
				for (cc = 1; cc <= sheet->rows[r - 1].ncells && n == 0; cc++)
				{
					const char *v = kansa_sheet_get(sheet, r, cc);

					if (v != NULL)
						n = kansa_text_range(cat, v, &l);
					if (n > 0 && claim.answer == NULL && claim.mark == NULL)
						claim.answer = v;
				}
				if (n > 0)
				{
					claim.via = VIA_RANGE;
					f->column = lay.answer_column;
				}
				else if (idcell != NULL && (sec = kansa_section_id(cat, idcell)) != NULL)
				{
					/*
					 * An id cell that names a section of the catalog (統,
					 * 1(1)) and no control: a heading, whatever stands beside
					 * it (a merged title reaches the answer column).
					 */
					enter_section(f, sec, &section, &subsection, &have_last);
					continue;
				}
				else if (kansa_row_is_band(sheet, r) ||
						 (claim.answer == NULL && claim.mark == NULL &&
						  (idcell == NULL || strpbrk(idcell, "0123456789") == NULL)))
				{
					f->state = 2;
					f->reason = kansa_seen_before(sheet, r, firstcol, first) ? "repeated title" :
						kansa_note_like(first, true) ? "note" : "section";
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
					f->reason = kansa_seen_before(sheet, r, lay.id_column, idcell) ? "repeated title" :
						kansa_note_like(idcell, true) ? "note" :
						kansa_numbered_title(idcell) ? "section" : "note";
					have_last = false;
					continue;
				}
				else if ((idcell != NULL && strpbrk(idcell, "0123456789") == NULL &&
						  kansa_note_like(idcell, true)) ||
						 (idcell == NULL && kansa_note_like(first, true) &&
						  (firstcol != lay.answer_column || kansa_row_is_band(sheet, r))))
				{
					/* a total, a legend, a line signed at the bottom */
					f->state = 2;
					f->reason = "note";
					have_last = false;
					continue;
				}
				else if (idcell == NULL && claim.mark == NULL && have_last &&
						 before == last.row && kansa_only_text_cells(sheet, r, &lay))
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
