/*-------------------------------------------------------------------------
 *
 * fuzz_sheet_xlsx.c
 *	  libFuzzer target: the xlsx workbook reader (zip container through
 *	  zlib, parts through libxml2's streaming reader), as read_sheet() and
 *	  import_sheet() run it.
 *
 * Input, two ways:
 *	- a zip file (it starts with "PK\3\4"): read as it is, so the
 *	  container checks meet every mutation;
 *	- otherwise the parts of a workbook, which the harness packs into a
 *	  valid zip first, so that mutations reach the XML readers instead of
 *	  failing the CRC check: two header bytes, then name NUL content NUL
 *	  name NUL content ...  Header byte 0: bit 0 deflates the parts, bit 1
 *	  takes the content of a part named "*" as the sheet option (the one
 *	  sheet to read).  Header byte 1 picks the limits (the settings
 *	  kansa.import_max_*): the defaults, or a few rows, columns and bytes.
 *
 * Properties, on every input:
 *	- every sheet name and cell is valid UTF-8 without NULs, cells within
 *	  the cell limit and the grid within the row and column limits;
 *	- the libxml2 error handler and entity loader are restored after every
 *	  input, error or not (fuzz_end), and LeakSanitizer sees no memory of
 *	  libxml2 or zlib left behind on any path.
 *
 * test/fuzz/fuzz_sheet_xlsx.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <zlib.h>

#include "fuzz.h"
#include "sheet.h"

int			LLVMFuzzerTestOneInput(const uint8 *data, size_t size);

typedef struct XlsxArgs
{
	const char *data;
	size_t		len;
	const char *only_sheet;
	KansaSheetLimits limits;
	List	   *sheets;
} XlsxArgs;

/* Read the workbook. */
static void
run_read(void *arg)
{
	XlsxArgs   *a = (XlsxArgs *) arg;

	kansa_check_file_size(a->len);
	a->sheets = kansa_sheets_from_xlsx(a->data, a->len, a->only_sheet, &a->limits);
}

/* Append a little-endian 16-bit number. */
static void
put16(StringInfo buf, uint32 v)
{
	appendStringInfoChar(buf, v & 0xFF);
	appendStringInfoChar(buf, (v >> 8) & 0xFF);
}

/* Append a little-endian 32-bit number. */
static void
put32(StringInfo buf, uint32 v)
{
	put16(buf, v & 0xFFFF);
	put16(buf, v >> 16);
}

/* Raw deflate of [s, s+len) into buf (zlib's own allocator). */
static bool
deflate_raw(const char *s, size_t len, StringInfo buf)
{
	z_stream	zs;
	uLong		bound;
	char	   *out;
	bool		ok;

	memset(&zs, 0, sizeof(zs));
	if (deflateInit2(&zs, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return false;
	bound = deflateBound(&zs, len);
	out = palloc(bound);
	zs.next_in = (Bytef *) s;
	zs.avail_in = len;
	zs.next_out = (Bytef *) out;
	zs.avail_out = bound;
	ok = deflate(&zs, Z_FINISH) == Z_STREAM_END;
	if (ok)
		appendBinaryStringInfo(buf, out, zs.total_out);
	deflateEnd(&zs);
	return ok;
}

/*
 * Pack the parts description [p, end) into a zip: local headers and data,
 * then the central directory.
 */
static char *
pack_zip(const char *p, const char *end, bool deflated, const char **only_sheet,
		 size_t *outlen)
{
	StringInfoData zip;
	StringInfoData cd;
	int			n = 0;

	initStringInfo(&zip);
	initStringInfo(&cd);
	while (p < end)
	{
		const char *name = p;
		const char *nend = memchr(p, '\0', end - p);
		const char *content;
		const char *cend;
		StringInfoData data;
		uint32		crc;
		uint32		offset = zip.len;
		int			method = deflated ? 8 : 0;

		if (nend == NULL)
			break;
		content = nend + 1;
		cend = memchr(content, '\0', end - content);
		if (cend == NULL)
			cend = end;
		p = cend + 1;
		if (nend - name == 1 && name[0] == '*')
		{
			if (only_sheet != NULL)
				*only_sheet = pnstrdup(content, cend - content);
			continue;
		}
		if (nend == name || nend - name > 0xFFFF)
			continue;
		initStringInfo(&data);
		if (!deflated || !deflate_raw(content, cend - content, &data))
		{
			method = 0;
			resetStringInfo(&data);
			appendBinaryStringInfo(&data, content, cend - content);
		}
		crc = crc32(0L, (const Bytef *) content, cend - content);

		put32(&zip, 0x04034b50);
		put16(&zip, 20);
		put16(&zip, 0);
		put16(&zip, method);
		put16(&zip, 0);
		put16(&zip, 0);
		put32(&zip, crc);
		put32(&zip, data.len);
		put32(&zip, cend - content);
		put16(&zip, nend - name);
		put16(&zip, 0);
		appendBinaryStringInfo(&zip, name, nend - name);
		appendBinaryStringInfo(&zip, data.data, data.len);

		put32(&cd, 0x02014b50);
		put16(&cd, 20);
		put16(&cd, 20);
		put16(&cd, 0);
		put16(&cd, method);
		put16(&cd, 0);
		put16(&cd, 0);
		put32(&cd, crc);
		put32(&cd, data.len);
		put32(&cd, cend - content);
		put16(&cd, nend - name);
		put16(&cd, 0);
		put16(&cd, 0);
		put16(&cd, 0);
		put16(&cd, 0);
		put32(&cd, 0);
		put32(&cd, offset);
		appendBinaryStringInfo(&cd, name, nend - name);
		n++;
	}
	{
		uint32		cdoff = zip.len;

		appendBinaryStringInfo(&zip, cd.data, cd.len);
		put32(&zip, 0x06054b50);
		put16(&zip, 0);
		put16(&zip, 0);
		put16(&zip, n);
		put16(&zip, n);
		put32(&zip, cd.len);
		put32(&zip, cdoff);
		put16(&zip, 0);
	}
	*outlen = zip.len;
	return zip.data;
}

/* The invariants of one sheet read. */
static void
check_sheet(const KansaSheet *sheet, const KansaSheetLimits *limits)
{
	int			row,
				col;

	FUZZ_ASSERT(fuzz_utf8_valid(sheet->name, strlen(sheet->name)));
	FUZZ_ASSERT(sheet->nrows <= limits->max_rows);
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
			FUZZ_ASSERT((int) strlen(v) <= limits->max_cell_bytes);
			FUZZ_ASSERT(fuzz_utf8_valid(v, strlen(v)));
		}
	}
}

/* One input: a zip file, or the parts of one. */
int
LLVMFuzzerTestOneInput(const uint8 *data, size_t size)
{
	XlsxArgs	a;
	uint8		l = 0;

	fuzz_begin();
	memset(&a, 0, sizeof(a));
	if (size >= 4 && memcmp(data, "PK\003\004", 4) == 0)
	{
		a.data = (const char *) data;
		a.len = size;
	}
	else if (size >= 2)
	{
		uint8		h = data[0];

		l = data[1];
		a.data = pack_zip((const char *) data + 2, (const char *) data + size,
						  (h & 1) != 0, (h & 2) ? &a.only_sheet : NULL, &a.len);
	}
	else
	{
		fuzz_end();
		return 0;
	}
	if ((l & 3) == 0)
	{
		kansa_import_max_rows = KANSA_SHEET_MAX_ROWS;
		kansa_import_max_columns = KANSA_SHEET_MAX_COLUMNS;
		kansa_import_max_cell_size = KANSA_SHEET_MAX_CELL_BYTES;
		kansa_import_max_inflated_size = KANSA_MAX_INFLATED_KB;
	}
	else
	{
		kansa_import_max_rows = 1 + ((l >> 2) & 7);
		kansa_import_max_columns = 1 + ((l >> 5) & 7);
		kansa_import_max_cell_size = 16 << (2 * (l & 3));
		kansa_import_max_inflated_size = 4 << (l & 3);
	}
	kansa_import_max_file_size = KANSA_MAX_FILE_KB;
	kansa_sheet_limits(&a.limits);

	if (fuzz_try(run_read, &a))
	{
		ListCell   *lc;

		foreach(lc, a.sheets)
			check_sheet((KansaSheet *) lfirst(lc), &a.limits);
		if (a.only_sheet != NULL)
			FUZZ_ASSERT(list_length(a.sheets) <= 1);
	}

	fuzz_end();
	return 0;
}
