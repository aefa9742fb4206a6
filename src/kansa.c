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

#include "kansa.h"

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
