/*-------------------------------------------------------------------------
 *
 * sheet_text.c
 *	  Reading vendors' answer sheets saved as delimited text: comma or tab
 *	  separated, quoted fields with embedded newlines and doubled quotes, in
 *	  UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order
 *	  mark (Excel's "Unicode text"), or CP932/Shift_JIS (what Japanese Excel
 *	  writes for CSV).  CP932 goes through PostgreSQL's own conversion
 *	  (its SJIS tables are Microsoft's CP932).
 *
 * src/sheet_text.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"

#include "sheet.h"

/* Name of an encoding option or detection result. */
const char *
kansa_sheet_encoding_name(int enc)
{
	switch (enc)
	{
		case SHEET_UTF8:
			return "utf8";
		case SHEET_UTF8_BOM:
			return "utf8-bom";
		case SHEET_UTF16LE:
			return "utf16le";
		case SHEET_UTF16BE:
			return "utf16be";
		case SHEET_CP932:
			return "cp932";
	}
	return "unknown";
}

/* UTF-16 text (after its byte-order mark) as UTF-8. */
static char *
utf16_to_utf8(const unsigned char *p, size_t len, bool little, size_t *outlen)
{
	StringInfoData s;
	size_t		i;

	initStringInfo(&s);
	for (i = 0; i + 1 < len; i += 2)
	{
		pg_wchar	c = little ? (p[i] | (p[i + 1] << 8)) : ((p[i] << 8) | p[i + 1]);
		unsigned char buf[8];

		if (c >= 0xD800 && c <= 0xDBFF && i + 3 < len)
		{
			pg_wchar	lo = little ? (p[i + 2] | (p[i + 3] << 8)) :
				((p[i + 2] << 8) | p[i + 3]);

			if (lo >= 0xDC00 && lo <= 0xDFFF)
			{
				c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
				i += 2;
			}
		}
		if (c == 0 || (c >= 0xD800 && c <= 0xDFFF))
			ereport(ERROR,
					(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
					 errmsg("invalid UTF-16 text at byte %zu", i)));
		unicode_to_utf8(c, buf);
		appendBinaryStringInfo(&s, (char *) buf, pg_utf_mblen(buf));
		if ((i & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	if (len % 2 != 0)
		ereport(ERROR,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("invalid UTF-16 text: odd number of bytes")));
	*outlen = s.len;
	return s.data;
}

/* Context of a CP932 conversion error: why the file was read as CP932. */
static void
cp932_context(void *arg)
{
	errcontext("reading the sheet as CP932 (Shift_JIS), since it is not valid UTF-8");
}

/*
 * Decode the bytes of a text sheet to UTF-8.  enc is SHEET_ENC_AUTO or the
 * encoding to use; *detected is set to the one used.  Detection: a
 * byte-order mark decides; else text that is valid UTF-8 is UTF-8; else it
 * is read as CP932, and an invalid CP932 byte sequence raises PostgreSQL's
 * conversion error.
 */
char *
kansa_sheet_decode(const char *data, size_t len, int enc, int *detected,
				   size_t *outlen)
{
	const unsigned char *u = (const unsigned char *) data;
	char	   *out;

	if (enc == SHEET_ENC_AUTO)
	{
		if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
			enc = SHEET_UTF8_BOM;
		else if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
			enc = SHEET_UTF16LE;
		else if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
			enc = SHEET_UTF16BE;
		else if (pg_verify_mbstr(PG_UTF8, data, len, true))
			enc = SHEET_UTF8;
		else
			enc = SHEET_CP932;
	}
	*detected = enc;
	switch (enc)
	{
		case SHEET_UTF8_BOM:
			if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
			{
				data += 3;
				len -= 3;
			}
			/* FALLTHROUGH */
		case SHEET_UTF8:
			(void) pg_verify_mbstr(PG_UTF8, data, len, false);
			out = palloc(len + 1);
			memcpy(out, data, len);
			out[len] = '\0';
			*outlen = len;
			return out;
		case SHEET_UTF16LE:
		case SHEET_UTF16BE:
			if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
				return utf16_to_utf8(u + 2, len - 2, enc == SHEET_UTF16LE, outlen);
			return utf16_to_utf8(u, len, enc == SHEET_UTF16LE, outlen);
		case SHEET_CP932:
			{
				char	   *copy = palloc(len + 1);
				ErrorContextCallback callback;

				/* the conversion wants a NUL-terminated string without NULs */
				memcpy(copy, data, len);
				copy[len] = '\0';
				if (memchr(data, '\0', len) != NULL)
					ereport(ERROR,
							(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
							 errmsg("invalid byte sequence for encoding \"%s\": 0x00", "SJIS")));
				callback.callback = cp932_context;
				callback.arg = NULL;
				callback.previous = error_context_stack;
				error_context_stack = &callback;
				out = (char *) pg_do_encoding_conversion((unsigned char *) copy, len,
														 PG_SJIS, PG_UTF8);
				error_context_stack = callback.previous;
				*outlen = strlen(out);
				return out;
			}
	}
	elog(ERROR, "unknown sheet encoding %d", enc);
	return NULL;				/* keep compiler quiet */
}

/*
 * The delimiter of delimited text: a tab when the first line (outside
 * quotes) has at least as many tabs as commas and one tab, else a comma.
 */
static char
guess_delimiter(const char *s, size_t len)
{
	int			tabs = 0,
				commas = 0;
	bool		quoted = false;
	size_t		i;

	for (i = 0; i < len; i++)
	{
		char		c = s[i];

		if (c == '"')
			quoted = !quoted;
		else if (!quoted && (c == '\n' || c == '\r'))
		{
			if (tabs + commas > 0)
				break;
		}
		else if (!quoted && c == '\t')
			tabs++;
		else if (!quoted && c == ',')
			commas++;
	}
	return (tabs > 0 && tabs >= commas) ? '\t' : ',';
}

/*
 * Split UTF-8 delimited text into a sheet: fields separated by delim (0 to
 * guess), records by CRLF, LF or CR; a field that starts with a double
 * quote runs to the matching quote, "" standing for one quote, and may hold
 * delimiters and line breaks.  Limits are checked as rows are read.
 */
KansaSheet *
kansa_sheet_from_text(const char *s, size_t len, char delim,
					  const KansaSheetLimits *limits)
{
	KansaSheet *sheet;
	StringInfoData field;
	size_t		i = 0;
	int			row = 1,
				col = 1;
	bool		any = false;

	if (delim == 0)
		delim = guess_delimiter(s, len);
	/* a text file has one sheet, named after its format */
	sheet = kansa_sheet_new(delim == '\t' ? "tsv" : "csv");
	sheet->delimiter = delim;
	initStringInfo(&field);
	while (i < len)
	{
		char		c = s[i];

		CHECK_FOR_INTERRUPTS();
		if (c == '"' && field.len == 0)
		{
			int			start_row = row;

			/* a quoted field */
			i++;
			for (;;)
			{
				if (i >= len)
					ereport(ERROR,
							(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
							 errmsg("unterminated quoted field in row %d, column %d", start_row, col),
							 errhint("A field that starts with \" ends with \"; a quote inside it is written \"\".")));
				if (s[i] == '"')
				{
					if (i + 1 < len && s[i + 1] == '"')
					{
						appendStringInfoChar(&field, '"');
						i += 2;
						continue;
					}
					i++;
					break;
				}
				appendStringInfoChar(&field, s[i]);
				i++;
				kansa_sheet_check_cell(limits, field.len, start_row, col);
			}
			/* text after the closing quote joins the field, as Excel reads it */
			any = true;
			continue;
		}
		if (c == delim)
		{
			kansa_sheet_set(sheet, row, col, field.data, field.len, limits);
			resetStringInfo(&field);
			col++;
			i++;
			any = true;
			continue;
		}
		if (c == '\r' || c == '\n')
		{
			kansa_sheet_set(sheet, row, col, field.data, field.len, limits);
			resetStringInfo(&field);
			i += (c == '\r' && i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
			row++;
			col = 1;
			any = false;
			continue;
		}
		appendStringInfoChar(&field, c);
		kansa_sheet_check_cell(limits, field.len, row, col);
		i++;
		any = true;
	}
	if (any)
		kansa_sheet_set(sheet, row, col, field.data, field.len, limits);
	pfree(field.data);
	return sheet;
}
