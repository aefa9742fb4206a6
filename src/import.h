/*-------------------------------------------------------------------------
 *
 * import.h
 *	  What the parts of sheet_answers() share: the catalog an answer sheet
 *	  is read against and how its ids resolve (resolve.c), the layout of a
 *	  sheet and the kinds of its rows (layout.c), and the row loop that
 *	  turns rows into responses, skips and rejects (import.c).
 *
 * src/import.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef KANSA_IMPORT_H
#define KANSA_IMPORT_H

#include "utils/array.h"
#include "utils/jsonb.h"

#include "sheet.h"

#define SCAN_ROWS		3000	/* rows looked at to find the layout */
#define SCAN_COLUMNS	200
#define MAX_TEXT_COLUMNS	4	/* text columns joined to the answer */
#define MIN_SHEET_IDS	5		/* ids that make a second sheet of answers */
#define HEADING_MAX_CHARS	80	/* a heading is a short label; a longer
									 * cell is a title or a note */


/* A framework's catalog, as sheet_answers() was given it. */
typedef struct Catalog
{
	const char *framework;
	int			n;
	char	  **ids;			/* local ids, document order */
	char	  **keys;			/* lenient keys */
	int		   *by_id;			/* indexes sorted by id */
	int		   *by_key;			/* indexes sorted by key */
	int			nsections;
	char	  **sec_ids;
	char	  **sec_keys;		/* lenient keys of section titles */
} Catalog;

/* Controls a cell names, as indexes into the catalog. */
typedef struct IdList
{
	int			n;
	int			cap;
	int		   *idx;
} IdList;

/* Where a sheet keeps what: its header row and columns. */
typedef struct Layout
{
	KansaSheet *sheet;
	int			id_hits;
	int			first_id_row;
	int			header_row;
	int			id_column;
	int			answer_column;
	int			mark_column;
	int			ownership_column;
	bool		dotted;			/* ids written whole ("1.2"), not "2" under "1" */
	int			ntext;			/* more columns of the answer's text */
	int			text_columns[MAX_TEXT_COLUMNS];
} Layout;

/* resolve.c: the catalog and control ids */
extern char *kansa_id_key(const char *s, size_t len);
extern Catalog *kansa_catalog_build(const char *framework, ArrayType *controls,
				ArrayType *sections, ArrayType *section_titles);
extern int kansa_find_exact(Catalog *cat, const char *s);
extern char *kansa_strip_id_prefixes(const char *cell);
extern int kansa_resolve_cell(Catalog *cat, const char *cell,
				const char *section, IdList *out, const char *subsection,
				bool *single, char **bad);
extern int kansa_text_range(Catalog *cat, const char *text, IdList *out);
extern char *kansa_section_id(Catalog *cat, const char *cell);
extern bool kansa_section_titled(Catalog *cat, const char *sec,
				KansaSheet *sheet, int row, int id_column);
extern char *kansa_row_section(Catalog *cat, const char *cell);
extern char *kansa_row_subsection(Catalog *cat, const char *cell,
				const char *section);

/* layout.c: the sheet's layout and the kinds of its rows */
extern bool kansa_note_like(const char *text, bool below);
extern bool kansa_column_numbers(KansaSheet *sheet, int row);
extern bool kansa_numbered_title(const char *text);
extern const char *kansa_first_cell(KansaSheet *sheet, int row, int *col);
extern void kansa_find_id_column(Catalog *cat, KansaSheet *sheet, Layout *lay,
				int forced);
extern bool kansa_group_labels(KansaSheet *sheet, int row);
extern void kansa_find_layout(Catalog *cat, Layout *lay, Jsonb *options);
extern bool kansa_same_text(const char *a, const char *b);
extern bool kansa_excel_error(const char *v);
extern bool kansa_only_text_cells(KansaSheet *sheet, int row,
				const Layout *lay);
extern bool kansa_row_is_band(KansaSheet *sheet, int row);
extern bool kansa_row_empty(KansaSheet *sheet, int row);
extern bool kansa_seen_before(KansaSheet *sheet, int row, int column,
				const char *text);

#endif							/* KANSA_IMPORT_H */
