/*-------------------------------------------------------------------------
 *
 * sheet.h
 *	  A vendor's answer sheet as kansa reads it: a grid of text cells, from
 *	  delimited text (sheet_text.c) or an xlsx workbook (sheet_xlsx.c).
 *
 * src/sheet.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef KANSA_SHEET_H
#define KANSA_SHEET_H

#include "nodes/pg_list.h"
#include "utils/jsonb.h"

/* Encodings of text sheets. */
#define SHEET_ENC_AUTO	0
#define SHEET_UTF8		1
#define SHEET_UTF8_BOM	2
#define SHEET_UTF16LE	3
#define SHEET_UTF16BE	4
#define SHEET_CP932		5

/* What one sheet may hold; exceeding a limit is an error. */
typedef struct KansaSheetLimits
{
	int			max_rows;
	int			max_columns;
	int			max_cell_bytes;
	int64		max_inflated_bytes; /* what a workbook may inflate to */
} KansaSheetLimits;

/* Defaults of the settings kansa.import_max_* (see kansa.c). */
#define KANSA_SHEET_MAX_ROWS		100000
#define KANSA_SHEET_MAX_COLUMNS		1000
#define KANSA_SHEET_MAX_CELL_BYTES	(32767 * 4)	/* Excel's 32,767 characters */
#define KANSA_MAX_FILE_KB			(100 * 1024)
#define KANSA_MAX_INFLATED_KB		(256 * 1024)

extern int	kansa_import_max_rows;
extern int	kansa_import_max_columns;
extern int	kansa_import_max_cell_size;
extern int	kansa_import_max_file_size;
extern int	kansa_import_max_inflated_size;

typedef struct KansaSheetRow
{
	int			ncells;			/* columns allocated */
	char	  **cells;			/* cells[col - 1], NULL when empty */
} KansaSheetRow;

typedef struct KansaSheet
{
	char	   *name;			/* sheet name; "csv" or "tsv" for text files */
	char		delimiter;		/* of a text file, else 0 */
	int			nrows;			/* last row holding a cell */
	int			ncols;			/* last column holding a cell */
	int			caprows;
	KansaSheetRow *rows;		/* rows[row - 1] */
} KansaSheet;

extern KansaSheet *kansa_sheet_new(const char *name);
extern void kansa_sheet_set(KansaSheet *sheet, int row, int col,
							const char *value, int len,
							const KansaSheetLimits *limits);
extern void kansa_sheet_put(KansaSheet *sheet, int row, int col,
							const char *value, const KansaSheetLimits *limits);
extern const char *kansa_sheet_get(const KansaSheet *sheet, int row, int col);
extern void kansa_sheet_check_cell(const KansaSheetLimits *limits, int len,
								   int row, int col);

extern void kansa_sheet_limits(KansaSheetLimits *limits);
extern void kansa_check_file_size(size_t len);

extern const char *kansa_sheet_encoding_name(int enc);
extern char *kansa_sheet_decode(const char *data, size_t len, int enc,
								int *detected, size_t *outlen);
extern KansaSheet *kansa_sheet_from_text(const char *s, size_t len, char delim,
										 const KansaSheetLimits *limits);

extern char *kansa_option_text(Jsonb *options, const char *key);
extern int	kansa_option_position(Jsonb *options, const char *key, bool column,
								  int max);
extern List *kansa_read_file(bytea *content, Jsonb *options,
							 const char **format_out);
extern List *kansa_sheets_from_xlsx(const char *data, size_t len,
									const char *only_sheet,
									const KansaSheetLimits *limits);
extern List *kansa_xlsx_sheet_names(const char *data, size_t len,
									const KansaSheetLimits *limits);

#endif							/* KANSA_SHEET_H */
