/*-------------------------------------------------------------------------
 *
 * canon.h
 *	  What kansa's canonical-text types share: one parser per type drives
 *	  the input function, the cast from text and is_valid_<type>(text);
 *	  one canonical text form is the output; the binary form starts with a
 *	  format-version byte that recv checks.
 *
 * A type describes itself in a CanonType (its name, its format byte, its
 * parser and, for a fixed-length type, its text and binary forms), and
 * canon.c drives the I/O functions from that description, as pg-semver
 * drives semver_in and is_valid_semver from one parser.  PostgreSQL 15 has
 * no soft input errors, so the parser takes a throw_error flag: true
 * raises the core error for a bad literal, false returns NULL quietly.
 *
 * For control_id and evidence the stored value is a varlena whose payload
 * is the canonical text, so byte equality is value equality and the hash
 * of the payload agrees with =; equality, hashing and the order operators
 * over a type's comparator are written here once as well.  answer (an
 * int2) shares only the format byte; measure (twelve bytes, with an
 * equality of meaning) shares the I/O but keeps its own equality.
 *
 * The CANON_*_FUNCTIONS macros define a type's SQL-callable C functions,
 * under the names its install script gives, each a call of one of the
 * drivers here (as core's pseudotypes.c defines its I/O functions).
 *
 * src/canon.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef KANSA_CANON_H
#define KANSA_CANON_H

#include "fmgr.h"
#include "lib/stringinfo.h"

/* How a canonical-text type reads and writes itself. */
typedef struct CanonType
{
	const char *name;			/* the SQL type's name, for messages */
	int			format;			/* first byte of the binary form */

	/*
	 * Read len bytes at str (not necessarily NUL-terminated) into a palloc'd
	 * value.  Bad input raises 22P02 when throw_error, else gives NULL.
	 */
	void	   *(*parse) (const char *str, size_t len, bool throw_error);

	/*
	 * A fixed-length type's canonical text (palloc'd), and its binary form
	 * after the format byte, written and read back (recv validates all it
	 * reads).  All three are NULL for a varlena whose payload is the
	 * canonical text: out copies the payload, send sends it, and recv
	 * reads text and parses it again.
	 */
	char	   *(*text) (const void *value);
	void		(*send) (StringInfo buf, const void *value);
	void	   *(*recv) (StringInfo buf);
} CanonType;

/* The I/O functions of a type, driven by its description. */
extern Datum canon_in(FunctionCallInfo fcinfo, const CanonType *type);
extern Datum canon_out(FunctionCallInfo fcinfo, const CanonType *type);
extern Datum canon_recv(FunctionCallInfo fcinfo, const CanonType *type);
extern Datum canon_send(FunctionCallInfo fcinfo, const CanonType *type);
extern Datum canon_from_text(FunctionCallInfo fcinfo, const CanonType *type);
extern Datum canon_is_valid(FunctionCallInfo fcinfo, const CanonType *type);

/* The format-version byte, for a type with its own binary form (answer). */
extern void canon_begin_send(StringInfo buf, int format);
extern void canon_check_format(StringInfo buf, const char *name, int format);

/* Varlena values whose payload is their canonical text. */
typedef int (*CanonCompare) (const struct varlena *a, const struct varlena *b);

extern bool canon_bytes_eq(const struct varlena *a, const struct varlena *b);
extern bool canon_equal_args(FunctionCallInfo fcinfo);
extern int	canon_compare_args(FunctionCallInfo fcinfo, CanonCompare compare);
extern Datum canon_hash(FunctionCallInfo fcinfo, bool extended);

/*
 * Define the SQL-callable C function fn, returning the Datum result.  The
 * trailing declaration takes the semicolon after the macro's use.
 */
#define CANON_FUNCTION(fn, result) \
PG_FUNCTION_INFO_V1(fn); \
Datum \
fn(PG_FUNCTION_ARGS) \
{ \
	return (result); \
} \
extern int no_such_variable

/* in, out, recv, send, the cast from text and is_valid_<type>(text) */
#define CANON_IO_FUNCTIONS(type, in, out, recv, send, from_text, is_valid) \
	CANON_FUNCTION(in, canon_in(fcinfo, (type))); \
	CANON_FUNCTION(out, canon_out(fcinfo, (type))); \
	CANON_FUNCTION(recv, canon_recv(fcinfo, (type))); \
	CANON_FUNCTION(send, canon_send(fcinfo, (type))); \
	CANON_FUNCTION(from_text, canon_from_text(fcinfo, (type))); \
	CANON_FUNCTION(is_valid, canon_is_valid(fcinfo, (type)))

/* = and <> as byte equality, and hash support functions 1 and 2 */
#define CANON_EQUALITY_FUNCTIONS(eq, ne, hash, hash_extended) \
	CANON_FUNCTION(eq, BoolGetDatum(canon_equal_args(fcinfo))); \
	CANON_FUNCTION(ne, BoolGetDatum(!canon_equal_args(fcinfo))); \
	CANON_FUNCTION(hash, canon_hash(fcinfo, false)); \
	CANON_FUNCTION(hash_extended, canon_hash(fcinfo, true))

/* btree support function 1 and <, <=, >, >= from a comparator */
#define CANON_ORDER_FUNCTIONS(compare, cmp, lt, le, gt, ge) \
	CANON_FUNCTION(cmp, Int32GetDatum(canon_compare_args(fcinfo, (compare)))); \
	CANON_FUNCTION(lt, BoolGetDatum(canon_compare_args(fcinfo, (compare)) < 0)); \
	CANON_FUNCTION(le, BoolGetDatum(canon_compare_args(fcinfo, (compare)) <= 0)); \
	CANON_FUNCTION(gt, BoolGetDatum(canon_compare_args(fcinfo, (compare)) > 0)); \
	CANON_FUNCTION(ge, BoolGetDatum(canon_compare_args(fcinfo, (compare)) >= 0))

#endif							/* KANSA_CANON_H */
