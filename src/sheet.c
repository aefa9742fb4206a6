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

#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"
#include "utils/tuplestore.h"

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
						row, col, limits->max_cell_bytes),
				 errhint("The limit is the setting kansa.import_max_cell_size.")));
}

/* Make room for cell (row, col) and return where its pointer lives. */
static char **
sheet_slot(KansaSheet *sheet, int row, int col, const KansaSheetLimits *limits)
{
	KansaSheetRow *r;

	if (row > limits->max_rows)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("sheet \"%s\" has more than %d rows", sheet->name, limits->max_rows),
				 errhint("The limit is the setting kansa.import_max_rows.")));
	if (col > limits->max_columns)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("sheet \"%s\" has more than %d columns", sheet->name, limits->max_columns),
				 errhint("The limit is the setting kansa.import_max_columns.")));
	if (row > sheet->caprows)
	{
		int			cap = Max(row, sheet->caprows * 2);

		cap = Min(Max(cap, 64), limits->max_rows);
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
		int			cap = Min(Max(col, Max(r->ncells * 2, 8)), limits->max_columns);

		if (r->cells == NULL)
			r->cells = palloc0(cap * sizeof(char *));
		else
		{
			r->cells = repalloc(r->cells, cap * sizeof(char *));
			memset(r->cells + r->ncells, 0, (cap - r->ncells) * sizeof(char *));
		}
		r->ncells = cap;
	}
	sheet->nrows = Max(sheet->nrows, row);
	sheet->ncols = Max(sheet->ncols, col);
	return &r->cells[col - 1];
}

/*
 * Store the text of a cell (len bytes of UTF-8); empty cells are not stored.
 * Rows and columns count from 1.
 */
void
kansa_sheet_set(KansaSheet *sheet, int row, int col, const char *value,
				int len, const KansaSheetLimits *limits)
{
	kansa_sheet_check_cell(limits, len, row, col);
	if (len == 0)
		return;
	*sheet_slot(sheet, row, col, limits) = pnstrdup(value, len);
}

/*
 * Store a value already held by another cell of the sheet (merged ranges):
 * the cells share the string.
 */
void
kansa_sheet_put(KansaSheet *sheet, int row, int col, const char *value,
				const KansaSheetLimits *limits)
{
	*sheet_slot(sheet, row, col, limits) = (char *) value;
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

/* The limits in force: the settings kansa.import_max_*. */
void
kansa_sheet_limits(KansaSheetLimits *limits)
{
	limits->max_rows = kansa_import_max_rows;
	limits->max_columns = kansa_import_max_columns;
	limits->max_cell_bytes = kansa_import_max_cell_size;
	limits->max_inflated_bytes = (int64) kansa_import_max_inflated_size * 1024;
}

/* Refuse a file larger than kansa.import_max_file_size. */
void
kansa_check_file_size(size_t len)
{
	if ((int64) len > (int64) kansa_import_max_file_size * 1024)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("file of %zu bytes is larger than the limit of %d kB", len,
						kansa_import_max_file_size),
				 errhint("The limit is the setting kansa.import_max_file_size.")));
}

/* The value of a key of a jsonb object, or NULL when absent or null. */
static JsonbValue *
option_value(Jsonb *options, const char *key)
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
	return v;
}

/* The text value of a key of a jsonb object, or NULL. */
char *
kansa_option_text(Jsonb *options, const char *key)
{
	JsonbValue *v = option_value(options, key);

	if (v == NULL)
		return NULL;
	/* a sheet named 2024 may come as a number */
	if (v->type == jbvNumeric)
		return DatumGetCString(DirectFunctionCall1(numeric_out,
												   NumericGetDatum(v->val.numeric)));
	if (v->type != jbvString)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("option \"%s\" must be a string", key)));
	return pnstrdup(v->val.string.val, v->val.string.len);
}

/*
 * A column or row option: a number from 1, or for columns a letter
 * reference such as "E"; 0 when absent.
 */
int
kansa_option_position(Jsonb *options, const char *key, bool column, int max)
{
	JsonbValue *v = option_value(options, key);
	int			n = 0;

	if (v == NULL)
		return 0;
	if (v->type == jbvNumeric)
		n = DatumGetInt32(DirectFunctionCall1(numeric_int4,
											  NumericGetDatum(v->val.numeric)));
	else if (v->type == jbvString)
	{
		char	   *s = pnstrdup(v->val.string.val, v->val.string.len);
		char	   *end;
		long		l;
		int			i;

		l = strtol(s, &end, 10);
		if (end != s && *end == '\0')
			n = (l > 0 && l <= max) ? (int) l : -1;
		else if (column && s[0] != '\0')
		{
			for (i = 0; s[i] != '\0' && n >= 0; i++)
			{
				char		c = pg_ascii_toupper((unsigned char) s[i]);

				if (c < 'A' || c > 'Z' || n > max)
					n = -1;
				else
					n = n * 26 + (c - 'A' + 1);
			}
		}
		else
			n = -1;
	}
	else
		n = -1;
	if (n < 1 || n > max)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for option \"%s\"", key),
				 column ? errhint("Give a column number from 1 or a column letter such as \"E\".") :
				 errhint("Give a row number from 1.")));
	return n;
}

/* Is the file a zip container (xlsx, ods)? */
static bool
is_zip(const char *data, size_t len)
{
	return len >= 4 && memcmp(data, "PK\003\004", 4) == 0;
}

/*
 * Refuse, with what the file is and what to do, a file that is plainly no
 * answer sheet: empty, a PDF, a legacy binary Office file, an HTML page.
 * (Zip containers that are not xlsx workbooks are told apart in
 * sheet_xlsx.c, which reads their directory.)
 */
static void
refuse_non_sheet(const char *data, size_t len)
{
	const char *p = data;
	const char *end = data + len;

	if (len == 0)
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("file is empty"),
				 errhint("Import the vendor's answer sheet itself, saved as .xlsx or CSV.")));
	if (len >= 5 && memcmp(data, "%PDF-", 5) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("file is a PDF document, not an answer sheet"),
				 errhint("Copy the answer table out of the PDF into a spreadsheet and save it as .xlsx or CSV, then import that.")));
	if (len >= 8 && memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("file is a legacy Office document (.xls or .doc), which kansa does not read"),
				 errhint("Open it in Excel or LibreOffice and save it as .xlsx (Excel workbook) or CSV.")));
	/* HTML, also what Excel writes as a "web page" .xls */
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	if ((end - p >= 9 && pg_strncasecmp(p, "<!doctype", 9) == 0) ||
		(end - p >= 5 && pg_strncasecmp(p, "<html", 5) == 0) ||
		(end - p >= 6 && pg_strncasecmp(p, "<table", 6) == 0))
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("file is an HTML page, not an answer sheet"),
				 errhint("Excel's \"web page\" files (.htm, or .xls saved as a web page) are HTML: open the file in Excel or LibreOffice and save it as .xlsx or CSV.")));
}

/*
 * Read an answer sheet file into a List of KansaSheet, with the options
 * read_sheet and import_sheet take (format, encoding, delimiter, sheet);
 * *format receives the format read ("xlsx", "csv" or "tsv").
 */
List *
kansa_read_file(bytea *content, Jsonb *options, const char **format_out)
{
	const char *data = VARDATA_ANY(content);
	size_t		len = VARSIZE_ANY_EXHDR(content);
	char	   *format = kansa_option_text(options, "format");
	char	   *encoding = kansa_option_text(options, "encoding");
	char	   *delimiter = kansa_option_text(options, "delimiter");
	char	   *only_sheet = kansa_option_text(options, "sheet");
	KansaSheetLimits limits;
	KansaSheet *sheet;
	int			enc = SHEET_ENC_AUTO;
	int			detected;
	char		delim = 0;
	char	   *text;
	size_t		tlen;

	kansa_sheet_limits(&limits);
	kansa_check_file_size(len);
	refuse_non_sheet(data, len);
	if (format == NULL)
		format = is_zip(data, len) ? "xlsx" : "text";
	if (strcmp(format, "xlsx") == 0)
	{
		*format_out = "xlsx";
		return kansa_sheets_from_xlsx(data, len, only_sheet, &limits);
	}
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
	*format_out = sheet->delimiter == '\t' ? "tsv" : "csv";
	if (only_sheet != NULL && strcmp(only_sheet, sheet->name) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a text file has one sheet, named \"%s\"", sheet->name),
				 errdetail("Option sheet is \"%s\".", only_sheet)));
	return list_make1(sheet);
}

PG_FUNCTION_INFO_V1(kansa_read_sheet);

/*
 * read_sheet(content bytea, options jsonb) returns setof (sheet, row_number,
 * column_number, value): every non-empty cell kansa reads from a file, with
 * the options import_sheet takes (format, encoding, delimiter, sheet).
 */
Datum
kansa_read_sheet(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	bytea	   *content = PG_GETARG_BYTEA_PP(0);
	Jsonb	   *options = PG_ARGISNULL(1) ? NULL : PG_GETARG_JSONB_P(1);
	const char *format;
	List	   *sheets;
	ListCell   *lc;

	InitMaterializedSRF(fcinfo, 0);
	sheets = kansa_read_file(content, options, &format);
	foreach(lc, sheets)
	{
		KansaSheet *sheet = (KansaSheet *) lfirst(lc);
		int			row,
					col;

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
	}
	return (Datum) 0;
}
