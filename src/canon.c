/*-------------------------------------------------------------------------
 *
 * canon.c
 *	  The I/O, equality, hashing and order functions of kansa's
 *	  canonical-text types, written once and driven by each type's
 *	  description (canon.h).
 *
 * src/canon.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "canon.h"

/* Read the text form of a value: the input function. */
Datum
canon_in(FunctionCallInfo fcinfo, const CanonType *type)
{
	char	   *str = PG_GETARG_CSTRING(0);

	PG_RETURN_POINTER(type->parse(str, strlen(str), true));
}

/* Write the canonical text form of a value: the output function. */
Datum
canon_out(FunctionCallInfo fcinfo, const CanonType *type)
{
	struct varlena *v;

	if (type->text != NULL)
		PG_RETURN_CSTRING(type->text(PG_GETARG_POINTER(0)));
	v = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));
	PG_RETURN_CSTRING(pnstrdup(VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v)));
}

/*
 * Read the binary form: a format-version byte, then the type's own fields
 * or the text form in UTF-8.  Everything is validated again, as for text
 * input.
 */
Datum
canon_recv(FunctionCallInfo fcinfo, const CanonType *type)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			nbytes;
	char	   *data;

	canon_check_format(buf, type->name, type->format);
	if (type->recv != NULL)
		PG_RETURN_POINTER(type->recv(buf));
	/* converted from the client encoding and verified, as textrecv does */
	data = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
	PG_RETURN_POINTER(type->parse(data, nbytes, true));
}

/* Write the binary form: format-version byte, then fields or canonical text. */
Datum
canon_send(FunctionCallInfo fcinfo, const CanonType *type)
{
	StringInfoData buf;

	canon_begin_send(&buf, type->format);
	if (type->send != NULL)
		type->send(&buf, PG_GETARG_POINTER(0));
	else
	{
		struct varlena *v = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));

		pq_sendbytes(&buf, VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v));
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Cast text to the type. */
Datum
canon_from_text(FunctionCallInfo fcinfo, const CanonType *type)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	PG_RETURN_POINTER(type->parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), true));
}

/* is_valid_<type>(text): would the input function accept it? */
Datum
canon_is_valid(FunctionCallInfo fcinfo, const CanonType *type)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	PG_RETURN_BOOL(type->parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t),
							   false) != NULL);
}

/* Start a binary form with its format-version byte. */
void
canon_begin_send(StringInfo buf, int format)
{
	pq_begintypsend(buf);
	pq_sendbyte(buf, format);
}

/* Read the format-version byte of a binary form; refuse any but format. */
void
canon_check_format(StringInfo buf, const char *name, int format)
{
	int			version = pq_getmsgbyte(buf);

	if (version != format)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported %s binary format version %d",
						name, version)));
}

/* Byte equality of two payloads (of canonical values, value equality). */
bool
canon_bytes_eq(const struct varlena *a, const struct varlena *b)
{
	return VARSIZE_ANY_EXHDR(a) == VARSIZE_ANY_EXHDR(b) &&
		memcmp(VARDATA_ANY(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(a)) == 0;
}

/*
 * Compare the two varlena arguments with compare: <0, 0 or >0.  Frees any
 * detoasted copies, as btree and hash support functions must.
 */
int
canon_compare_args(FunctionCallInfo fcinfo, CanonCompare compare)
{
	struct varlena *a = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));
	struct varlena *b = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(1));
	int			result = compare(a, b);

	PG_FREE_IF_COPY(a, 0);
	PG_FREE_IF_COPY(b, 1);
	return result;
}

/* 0 for the same bytes, else 1: the comparator of = and <>. */
static int
bytes_differ(const struct varlena *a, const struct varlena *b)
{
	return canon_bytes_eq(a, b) ? 0 : 1;
}

/* Are the two varlena arguments the same bytes? */
bool
canon_equal_args(FunctionCallInfo fcinfo)
{
	return canon_compare_args(fcinfo, bytes_differ) == 0;
}

/*
 * Hash of the canonical bytes: hash support function 1, or with extended
 * function 2, the seeded 64-bit hash.
 */
Datum
canon_hash(FunctionCallInfo fcinfo, bool extended)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));
	const unsigned char *bytes = (const unsigned char *) VARDATA_ANY(v);
	int			len = VARSIZE_ANY_EXHDR(v);
	Datum		result;

	if (extended)
		result = hash_any_extended(bytes, len, PG_GETARG_INT64(1));
	else
		result = hash_any(bytes, len);
	PG_FREE_IF_COPY(v, 0);
	return result;
}
