/*-------------------------------------------------------------------------
 *
 * kansa.c
 *	  Module entry point of the kansa extension.
 *
 * src/kansa.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"

PG_MODULE_MAGIC;
