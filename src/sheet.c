/*-------------------------------------------------------------------------
 *
 * sheet.c
 *	  The grid of cells a vendor's answer sheet is read into, and
 *	  read_sheet(content, options): what kansa sees in a file, cell by cell.
 *
 * src/sheet.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/tuplestore.h"

#include "kansa.h"
#include "sheet.h"

KansaSheet *
kansa_sheet_new(const char *name)
{
	KansaSheet *sheet = palloc0(sizeof(KansaSheet));

	sheet->name = pstrdup(name);
	return sheet;
}

/* Raise the limit error for a cell longer than the limit. */
void
kansa_sheet_check_cell(const KansaSheetLimits *limits, int len, int row, int col)
{
	if (len > limits->max_cell_bytes)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("cell in row %d, column %d is longer than %d bytes",
						row, col, limits->max_cell_bytes)));
}

/*
 * Store the text of a cell (len bytes of UTF-8); empty cells are not stored.
 * Rows and columns count from 1.
 */
void
kansa_sheet_set(KansaSheet *sheet, int row, int col, const char *value,
				int len, const KansaSheetLimits *limits)
{
	KansaSheetRow *r;

	if (row > limits->max_rows)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("sheet \"%s\" has more than %d rows", sheet->name, limits->max_rows)));
	if (col > limits->max_columns)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("sheet \"%s\" has more than %d columns", sheet->name, limits->max_columns)));
	kansa_sheet_check_cell(limits, len, row, col);
	if (len == 0)
		return;
	if (row > sheet->caprows)
	{
		int			cap = Max(row, sheet->caprows * 2);

		cap = Max(cap, 64);
		if (sheet->rows == NULL)
			sheet->rows = palloc0(cap * sizeof(KansaSheetRow));
		else
		{
			sheet->rows = repalloc(sheet->rows, cap * sizeof(KansaSheetRow));
			memset(sheet->rows + sheet->caprows, 0,
				   (cap - sheet->caprows) * sizeof(KansaSheetRow));
		}
		sheet->caprows = cap;
	}
	r = &sheet->rows[row - 1];
	if (col > r->ncells)
	{
		int			cap = Max(col, Max(r->ncells * 2, 8));

		if (r->cells == NULL)
			r->cells = palloc0(cap * sizeof(char *));
		else
		{
			r->cells = repalloc(r->cells, cap * sizeof(char *));
			memset(r->cells + r->ncells, 0, (cap - r->ncells) * sizeof(char *));
		}
		r->ncells = cap;
	}
	r->cells[col - 1] = pnstrdup(value, len);
	sheet->nrows = Max(sheet->nrows, row);
	sheet->ncols = Max(sheet->ncols, col);
}

/* The text of a cell, or NULL when it is empty. */
const char *
kansa_sheet_get(const KansaSheet *sheet, int row, int col)
{
	if (row < 1 || row > sheet->nrows || col < 1)
		return NULL;
	if (col > sheet->rows[row - 1].ncells)
		return NULL;
	return sheet->rows[row - 1].cells[col - 1];
}

/* The text value of a key of a jsonb object, or NULL. */
static char *
option_text(Jsonb *options, const char *key)
{
	JsonbValue	k;
	JsonbValue *v;

	if (options == NULL || !JB_ROOT_IS_OBJECT(options))
		return NULL;
	k.type = jbvString;
	k.val.string.val = (char *) key;
	k.val.string.len = strlen(key);
	v = findJsonbValueFromContainer(&options->root, JB_FOBJECT, &k);
	if (v == NULL || v->type == jbvNull)
		return NULL;
	if (v->type != jbvString)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("option \"%s\" must be a string", key)));
	return pnstrdup(v->val.string.val, v->val.string.len);
}

/* Is the file a zip container (xlsx, ods)? */
static bool
is_zip(const char *data, size_t len)
{
	return len >= 4 && memcmp(data, "PK\003\004", 4) == 0;
}

PG_FUNCTION_INFO_V1(kansa_read_sheet);

/*
 * read_sheet(content bytea, options jsonb) returns setof (sheet, row_number,
 * column_number, value): every non-empty cell kansa reads from a file, with
 * the options import_sheet takes (format, encoding, delimiter).
 */
Datum
kansa_read_sheet(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	bytea	   *content = PG_GETARG_BYTEA_PP(0);
	Jsonb	   *options = PG_ARGISNULL(1) ? NULL : PG_GETARG_JSONB_P(1);
	const char *data = VARDATA_ANY(content);
	size_t		len = VARSIZE_ANY_EXHDR(content);
	char	   *format = option_text(options, "format");
	char	   *encoding = option_text(options, "encoding");
	char	   *delimiter = option_text(options, "delimiter");
	KansaSheetLimits limits = {KANSA_SHEET_MAX_ROWS, KANSA_SHEET_MAX_COLUMNS,
	KANSA_SHEET_MAX_CELL_BYTES};
	KansaSheet *sheet;
	int			enc = SHEET_ENC_AUTO;
	int			detected;
	char		delim = 0;
	char	   *text;
	size_t		tlen;
	int			row,
				col;

	InitMaterializedSRF(fcinfo, 0);

	if (format == NULL)
		format = is_zip(data, len) ? "xlsx" : "text";
	if (strcmp(format, "xlsx") == 0)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("reading xlsx workbooks is not implemented yet"),
				 errhint("Save the sheet as CSV or tab-separated text.")));
	if (strcmp(format, "csv") == 0)
		delim = ',';
	else if (strcmp(format, "tsv") == 0)
		delim = '\t';
	else if (strcmp(format, "text") != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid format \"%s\"", format),
				 errhint("Use xlsx, csv, tsv or text (comma or tab, guessed).")));
	if (delimiter != NULL)
	{
		if (strcmp(delimiter, "\t") == 0 || strcmp(delimiter, "tab") == 0)
			delim = '\t';
		else if (strcmp(delimiter, ",") == 0 || strcmp(delimiter, "comma") == 0)
			delim = ',';
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid delimiter \"%s\"", delimiter),
					 errhint("Use \",\" (comma) or \"\\t\" (tab).")));
	}
	if (encoding != NULL)
	{
		for (enc = SHEET_UTF8; enc <= SHEET_CP932; enc++)
			if (pg_strcasecmp(encoding, kansa_sheet_encoding_name(enc)) == 0)
				break;
		if (pg_strcasecmp(encoding, "sjis") == 0 || pg_strcasecmp(encoding, "shift_jis") == 0)
			enc = SHEET_CP932;
		if (enc > SHEET_CP932)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid encoding \"%s\"", encoding),
					 errhint("Use utf8, utf8-bom, utf16le, utf16be or cp932 (also sjis, shift_jis).")));
	}

	text = kansa_sheet_decode(data, len, enc, &detected, &tlen);
	sheet = kansa_sheet_from_text(text, tlen, delim, &limits);
	for (row = 1; row <= sheet->nrows; row++)
		for (col = 1; col <= sheet->rows[row - 1].ncells; col++)
		{
			const char *v = sheet->rows[row - 1].cells[col - 1];
			Datum		values[4];
			bool		nulls[4] = {false, false, false, false};

			if (v == NULL)
				continue;
			values[0] = CStringGetTextDatum(sheet->name);
			values[1] = Int32GetDatum(row);
			values[2] = Int32GetDatum(col);
			values[3] = CStringGetTextDatum(v);
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	return (Datum) 0;
}
