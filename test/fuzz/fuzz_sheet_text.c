/*-------------------------------------------------------------------------
 *
 * fuzz_sheet_text.c
 *	  libFuzzer target: the delimited-text sheet reader (CSV and TSV in
 *	  UTF-8, UTF-8 with a byte-order mark, UTF-16 and CP932), as
 *	  read_sheet() and import_sheet() run it.
 *
 * Input: one header byte, then the file.  The header picks the options
 * read_sheet would be given: encoding (auto, utf8, utf8-bom, utf16le,
 * utf16be, cp932) and delimiter (guessed, comma, tab); auto with a guessed
 * delimiter goes through kansa_read_file() itself.  A second header byte
 * picks the limits (the settings kansa.import_max_*): the defaults, or a
 * few rows, columns and bytes, so that the limit checks are reached.
 *
 * Properties, on every input:
 *	- every cell is valid UTF-8 without NULs, within the cell limit, and
 *	  the grid is within the row and column limits, with nrows and ncols
 *	  the last row and column holding a cell;
 *	- decoding loses nothing: UTF-8 input is the decoded text itself (less
 *	  a byte-order mark), UTF-16 input is the decoded text encoded back;
 *	- the grid written back as fully quoted delimited text reads back as
 *	  the same grid.
 *
 * test/fuzz/fuzz_sheet_text.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "mb/pg_wchar.h"

#include "fuzz.h"
#include "sheet.h"

int			LLVMFuzzerTestOneInput(const uint8 *data, size_t size);

typedef struct TextArgs
{
	const char *data;
	size_t		len;
	int			enc;
	char		delim;
	KansaSheetLimits limits;
	char	   *text;
	size_t		tlen;
	int			detected;
	KansaSheet *sheet;
} TextArgs;

/* Decode and split as kansa_read_file does with explicit options. */
static void
run_read(void *arg)
{
	TextArgs   *a = (TextArgs *) arg;

	if (a->enc == SHEET_ENC_AUTO && a->delim == 0)
	{
		bytea	   *content = (bytea *) fuzz_text(a->data, a->len);
		const char *format;
		List	   *sheets = kansa_read_file(content, NULL, &format);

		if (strcmp(format, "xlsx") == 0)
			return;				/* a zip: the sheet_xlsx target's business */
		FUZZ_ASSERT(list_length(sheets) == 1);
		a->sheet = (KansaSheet *) linitial(sheets);
		FUZZ_ASSERT(strcmp(format, a->sheet->name) == 0);
		a->text = kansa_sheet_decode(a->data, a->len, SHEET_ENC_AUTO,
									 &a->detected, &a->tlen);
		return;
	}
	kansa_check_file_size(a->len);
	a->text = kansa_sheet_decode(a->data, a->len, a->enc, &a->detected, &a->tlen);
	a->sheet = kansa_sheet_from_text(a->text, a->tlen, a->delim, &a->limits);
}

/* Read the grid back from its written form. */
static void
run_reread(void *arg)
{
	TextArgs   *a = (TextArgs *) arg;

	a->sheet = kansa_sheet_from_text(a->text, a->tlen, a->delim, &a->limits);
}

/* The grid as fully quoted delimited text. */
static char *
write_sheet(const KansaSheet *sheet, char delim, size_t *len)
{
	StringInfoData buf;
	int			row,
				col;

	initStringInfo(&buf);
	for (row = 1; row <= sheet->nrows; row++)
	{
		int			last = 0;

		for (col = 1; col <= sheet->rows[row - 1].ncells; col++)
			if (sheet->rows[row - 1].cells[col - 1] != NULL)
				last = col;
		for (col = 1; col <= last; col++)
		{
			const char *v = kansa_sheet_get(sheet, row, col);

			if (col > 1)
				appendStringInfoChar(&buf, delim);
			if (v == NULL)
				continue;
			appendStringInfoChar(&buf, '"');
			for (; *v; v++)
			{
				if (*v == '"')
					appendStringInfoChar(&buf, '"');
				appendStringInfoChar(&buf, *v);
			}
			appendStringInfoChar(&buf, '"');
		}
		appendStringInfoChar(&buf, '\n');
	}
	*len = buf.len;
	return buf.data;
}

/* The grid's invariants. */
static void
check_sheet(const KansaSheet *sheet, const KansaSheetLimits *limits)
{
	int			row,
				col;
	int			lastrow = 0,
				lastcol = 0;

	FUZZ_ASSERT(sheet->nrows <= limits->max_rows && sheet->nrows <= sheet->caprows);
	FUZZ_ASSERT(sheet->ncols <= limits->max_columns);
	for (row = 1; row <= sheet->nrows; row++)
	{
		const KansaSheetRow *r = &sheet->rows[row - 1];

		FUZZ_ASSERT(r->ncells <= limits->max_columns);
		for (col = 1; col <= r->ncells; col++)
		{
			const char *v = r->cells[col - 1];

			if (v == NULL)
				continue;
			FUZZ_ASSERT(v[0] != '\0');
			FUZZ_ASSERT((int) strlen(v) <= limits->max_cell_bytes);
			FUZZ_ASSERT(fuzz_utf8_valid(v, strlen(v)));
			lastrow = row;
			lastcol = Max(lastcol, col);
		}
	}
	FUZZ_ASSERT(lastrow == sheet->nrows && lastcol == sheet->ncols);
}

/* Do two grids hold the same cells? */
static bool
same_sheet(const KansaSheet *a, const KansaSheet *b)
{
	int			row,
				col;

	if (a->nrows != b->nrows || a->ncols != b->ncols)
		return false;
	for (row = 1; row <= a->nrows; row++)
		for (col = 1; col <= a->ncols; col++)
		{
			const char *x = kansa_sheet_get(a, row, col);
			const char *y = kansa_sheet_get(b, row, col);

			if ((x == NULL) != (y == NULL) || (x && strcmp(x, y) != 0))
				return false;
		}
	return true;
}

/* UTF-8 text as UTF-16. */
static char *
to_utf16(const char *s, size_t len, bool little, size_t *outlen)
{
	StringInfoData buf;
	const unsigned char *p = (const unsigned char *) s;
	const unsigned char *end = p + len;

	initStringInfo(&buf);
	while (p < end)
	{
		pg_wchar	c = utf8_to_unicode(p);
		uint16		units[2];
		int			n = 1;
		int			i;

		p += pg_utf_mblen(p);
		if (c >= 0x10000)
		{
			units[0] = 0xD800 + ((c - 0x10000) >> 10);
			units[1] = 0xDC00 + ((c - 0x10000) & 0x3FF);
			n = 2;
		}
		else
			units[0] = c;
		for (i = 0; i < n; i++)
		{
			appendStringInfoChar(&buf, little ? units[i] & 0xFF : units[i] >> 8);
			appendStringInfoChar(&buf, little ? units[i] >> 8 : units[i] & 0xFF);
		}
	}
	*outlen = buf.len;
	return buf.data;
}

/* One input: header bytes, then a text file. */
int
LLVMFuzzerTestOneInput(const uint8 *data, size_t size)
{
	static const char delims[] = {0, ',', '\t'};
	TextArgs	a;
	uint8		h,
				l;

	if (size < 2)
		return 0;
	fuzz_begin();
	memset(&a, 0, sizeof(a));
	h = data[0];
	l = data[1];
	a.data = (const char *) data + 2;
	a.len = size - 2;
	a.enc = h % 6;
	a.delim = delims[(h / 6) % 3];
	if ((l & 3) == 0)
	{
		kansa_import_max_rows = KANSA_SHEET_MAX_ROWS;
		kansa_import_max_columns = KANSA_SHEET_MAX_COLUMNS;
		kansa_import_max_cell_size = KANSA_SHEET_MAX_CELL_BYTES;
	}
	else
	{
		kansa_import_max_rows = 1 + ((l >> 2) & 7);
		kansa_import_max_columns = 1 + ((l >> 5) & 7);
		kansa_import_max_cell_size = 16 << (2 * (l & 3));
	}
	kansa_import_max_file_size = KANSA_MAX_FILE_KB;
	kansa_sheet_limits(&a.limits);
	fuzz_input_is_text = fuzz_utf8_valid(a.data, a.len);

	if (fuzz_try(run_read, &a) && a.sheet != NULL)
	{
		KansaSheet *first = a.sheet;
		const char *raw = a.data;
		size_t		rawlen = a.len;

		check_sheet(first, &a.limits);
		if (a.detected == SHEET_UTF8 || a.detected == SHEET_UTF8_BOM)
		{
			if (a.detected == SHEET_UTF8_BOM && rawlen >= 3 &&
				memcmp(raw, "\xEF\xBB\xBF", 3) == 0)
				raw += 3, rawlen -= 3;
			FUZZ_ASSERT(a.tlen == rawlen && memcmp(a.text, raw, rawlen) == 0);
		}
		else if (a.detected == SHEET_UTF16LE || a.detected == SHEET_UTF16BE)
		{
			bool		little = a.detected == SHEET_UTF16LE;
			size_t		n;
			char	   *back = to_utf16(a.text, a.tlen, little, &n);

			if (rawlen >= 2 && (memcmp(raw, "\xFF\xFE", 2) == 0 ||
								memcmp(raw, "\xFE\xFF", 2) == 0))
				raw += 2, rawlen -= 2;
			FUZZ_ASSERT(n == rawlen && memcmp(back, raw, n) == 0);
		}

		a.delim = first->delimiter;
		a.text = write_sheet(first, a.delim, &a.tlen);
		fuzz_input_is_text = false;
		fuzz_must(run_reread, &a, "reading back the written sheet");
		if (!same_sheet(first, a.sheet))
			fuzz_fail("the sheet written as quoted text reads back as another sheet");
	}

	fuzz_end();
	return 0;
}
