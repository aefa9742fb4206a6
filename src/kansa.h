/*-------------------------------------------------------------------------
 *
 * kansa.h
 *	  Shared declarations of the kansa extension.
 *
 * src/kansa.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef KANSA_H
#define KANSA_H

#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"

/*
 * control_id
 *
 * A framework-qualified control identifier.  The value is a varlena whose
 * payload is the canonical text form "framework:local" (no terminating NUL).
 * Because only canonical text is ever stored, byte equality is value
 * equality, and hashing the payload agrees with the = operator.
 */
typedef struct varlena ControlId;

#define KANSA_FRAMEWORK_MAXLEN	32	/* bytes of the framework code */
#define KANSA_LOCAL_MAXLEN		64	/* bytes of the normalised local part */
#define KANSA_CONTROL_ID_MAXLEN (KANSA_FRAMEWORK_MAXLEN + 1 + KANSA_LOCAL_MAXLEN)

/* Raw input longer than this is rejected before any normalisation work. */
#define KANSA_CONTROL_ID_MAX_INPUT	1024

/* First byte of the binary send/recv format of control_id. */
#define KANSA_CONTROL_ID_FORMAT 1

#define DatumGetControlIdPP(X)	((ControlId *) PG_DETOAST_DATUM_PACKED(X))
#define PG_GETARG_CONTROLID_PP(n)	DatumGetControlIdPP(PG_GETARG_DATUM(n))
#define PG_RETURN_CONTROLID_P(x)	PG_RETURN_POINTER(x)

/* control_id.c */
extern ControlId *control_id_from_string(const char *str, size_t len,
										 bool throw_error);
extern ControlId *control_id_from_parts(const char *framework, size_t fwlen,
										const char *local, size_t locallen,
										bool throw_error);
extern int	control_id_compare(const ControlId *a, const ControlId *b);

/* normalize.c */
extern pg_wchar *kansa_nfkc(const char *str, size_t len, size_t *nchars,
							bool throw_error);
extern bool kansa_is_space(pg_wchar c);
extern bool kansa_is_dash(pg_wchar c);
extern bool kansa_is_letter(pg_wchar c);

#endif							/* KANSA_H */
