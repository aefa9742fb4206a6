/*-------------------------------------------------------------------------
 *
 * kansa.c
 *	  Module entry point of the kansa extension, and what its types share.
 *
 * src/kansa.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/guc.h"
#include "utils/memutils.h"

#include "kansa.h"
#include "sheet.h"
#include "summary.h"
#include "tokens.h"

PG_MODULE_MAGIC;

/*
 * Raise the core error for a literal a type's input function refuses,
 * invalid_text_representation with core's wording, quoting the input (its
 * first 40 characters and "..." when it is longer than 200 bytes) and a
 * detail sentence saying what is wrong.
 */
void
kansa_invalid_input(const char *type, const char *str, size_t len,
					const char *detail)
{
	const char *quoted = len > 200 ?
		psprintf("%.*s...", pg_mbcliplen(str, len, 40), str) :
		pnstrdup(str, len);

	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"", type, quoted),
			 detail ? errdetail("%s", detail) : 0));
}

/* Limits of what an imported file may hold (sheet.h); see _PG_init. */
int			kansa_import_max_rows = KANSA_SHEET_MAX_ROWS;
int			kansa_import_max_columns = KANSA_SHEET_MAX_COLUMNS;
int			kansa_import_max_cell_size = KANSA_SHEET_MAX_CELL_BYTES;
int			kansa_import_max_file_size = KANSA_MAX_FILE_KB;
int			kansa_import_max_inflated_size = KANSA_MAX_INFLATED_KB;

/* The dictionary MeCab reads Japanese with (mecab.c); see _PG_init. */
char	   *kansa_mecab_dictionary = NULL;

void		_PG_init(void);

/*
 * Settings.  The import caps bound what one untrusted file may cost the
 * server; they are superuser settings (PGC_SUSET), which an administrator
 * can delegate with GRANT SET ON PARAMETER.
 */
void
_PG_init(void)
{
	DefineCustomIntVariable("kansa.import_max_file_size",
							"Largest answer sheet file kansa reads.",
							NULL,
							&kansa_import_max_file_size,
							KANSA_MAX_FILE_KB, 1, MaxAllocSize / 1024,
							PGC_SUSET, GUC_UNIT_KB,
							NULL, NULL, NULL);
	DefineCustomIntVariable("kansa.import_max_inflated_size",
							"Most bytes an xlsx workbook may inflate to, all parts together.",
							NULL,
							&kansa_import_max_inflated_size,
							KANSA_MAX_INFLATED_KB, 1, MaxAllocSize / 1024,
							PGC_SUSET, GUC_UNIT_KB,
							NULL, NULL, NULL);
	DefineCustomIntVariable("kansa.import_max_rows",
							"Most rows a sheet may have.",
							NULL,
							&kansa_import_max_rows,
							KANSA_SHEET_MAX_ROWS, 1, 1048576,
							PGC_SUSET, 0,
							NULL, NULL, NULL);
	DefineCustomIntVariable("kansa.import_max_columns",
							"Most columns a sheet may have.",
							NULL,
							&kansa_import_max_columns,
							KANSA_SHEET_MAX_COLUMNS, 1, 16384,
							PGC_SUSET, 0,
							NULL, NULL, NULL);
	DefineCustomIntVariable("kansa.import_max_cell_size",
							"Longest cell, in bytes of UTF-8.",
							NULL,
							&kansa_import_max_cell_size,
							KANSA_SHEET_MAX_CELL_BYTES, 1, KANSA_MAX_TEXT_BYTES,
							PGC_SUSET, GUC_UNIT_BYTE,
							NULL, NULL, NULL);
	DefineCustomStringVariable("kansa.mecab_dictionary",
							   "Directory of the MeCab dictionary kansa reads Japanese with.",
							   "A compiled MeCab dictionary, e.g. /var/lib/mecab/dic/ipadic-utf8 (Debian mecab-ipadic-utf8).",
							   &kansa_mecab_dictionary,
							   "/var/lib/mecab/dic/ipadic-utf8",
							   PGC_SUSET, 0,
							   NULL, NULL, NULL);
	DefineCustomStringVariable("kansa.today",
							   "The day the summaries judge evidence validity against.",
							   "A date, YYYY-MM-DD; empty (the default) for CURRENT_DATE. kansa.today() returns it.",
							   &kansa_today_setting,
							   "",
							   PGC_USERSET, 0,
							   kansa_check_today, kansa_assign_today, NULL);
	DefineCustomBoolVariable("kansa.maintain_summaries",
							 "Keep kansa's summaries up to date as their inputs change.",
							 "Off, the summary triggers do nothing: for a bulk load, after which kansa.summary_rebuild() must be called.",
							 &kansa_maintain_summaries,
							 true,
							 PGC_SUSET, 0,
							 NULL, NULL, NULL);
	MarkGUCPrefixReserved("kansa");
}
