/*-------------------------------------------------------------------------
 *
 * control_id.h
 *	  The kansa.control_id type: a framework-qualified control identifier.
 *
 * src/control_id.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef KANSA_CONTROL_ID_H
#define KANSA_CONTROL_ID_H

#include "fmgr.h"

/*
 * A control_id is a varlena whose payload is the canonical text form
 * "framework:local" (no terminating NUL).  Because only canonical text is
 * ever stored, byte equality is value equality, and hashing the payload
 * agrees with the = operator.
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

extern ControlId *control_id_from_string(const char *str, size_t len,
										 bool throw_error);
extern ControlId *control_id_from_parts(const char *framework, size_t fwlen,
										const char *local, size_t locallen,
										bool throw_error);
extern int	control_id_compare(const ControlId *a, const ControlId *b);

#endif							/* KANSA_CONTROL_ID_H */
