/*-------------------------------------------------------------------------
 *
 * evidence.h
 *	  The kansa.evidence type, a reference to verifiable evidence, and
 *	  extract_evidence(), which finds the references an answer cites.
 *
 * src/evidence.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef KANSA_EVIDENCE_H
#define KANSA_EVIDENCE_H

#include "fmgr.h"

/*
 * Evidence is a varlena whose payload is the canonical text "kind:ref", so
 * byte equality is value equality.
 */
typedef struct varlena Evidence;

#define PG_GETARG_EVIDENCE_PP(n)	((Evidence *) PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(n)))

/* First byte of the binary send/recv format of evidence. */
#define KANSA_EVIDENCE_FORMAT 1

/* evidence.c */
extern bool kansa_evidence_valid(const char *str, size_t len);
extern char *kansa_evidence_canonical(const char *str);

/* extract_evidence.c */
extern int	kansa_extract_evidence(const char *str, size_t len, char ***out);

#endif							/* KANSA_EVIDENCE_H */
