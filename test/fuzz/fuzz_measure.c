/*-------------------------------------------------------------------------
 *
 * fuzz_measure.c
 *	  libFuzzer target: the measure type.  measure.c is included, so that
 *	  its static parts (measure_well_formed, the comparison behind the
 *	  operators, satisfies) can be checked against the rest.
 *
 * Properties, on every input:
 *	- is_valid_measure(text) agrees with measure_in (the bytes up to a NUL)
 *	  and with the text cast (all the bytes);
 *	- an accepted value v is well formed, and in(out(v)) = v (byte for
 *	  byte), recv(send(v)) = v;
 *	- recv accepts exactly the 13-byte messages of a well-formed value, and
 *	  such a value also round-trips through its text form;
 *	- for two values (text a NUL b, or two 13-byte messages): the order is
 *	  antisymmetric, = agrees with it, equal values hash alike (both
 *	  hashes), and satisfies() runs in every direction.
 *
 * test/fuzz/fuzz_measure.c
 *
 *-------------------------------------------------------------------------
 */
#include "../../src/measure.c"

#include "fuzz.h"

#define MEASURE_WIRE_SIZE 13

int			LLVMFuzzerTestOneInput(const uint8 *data, size_t size);

/* Round trips of a value the type accepted. */
static void
check_value(const Measure *v)
{
	char	   *out;
	Measure    *back;
	bytea	   *sent;
	StringInfo	buf;

	out = DatumGetCString(fuzz_must_call1(measure_out, PointerGetDatum(v)));
	if (!measure_well_formed(v))
		fuzz_fail("accepted value not well formed: \"%s\": kind %d bound %d unit %d flags %d a %d b %d",
				  out, v->kind, v->bound, v->unit, v->flags, v->a, v->b);
	FUZZ_ASSERT(fuzz_utf8_valid(out, strlen(out)));
	back = (Measure *) DatumGetPointer(fuzz_must_call1(measure_in,
													   CStringGetDatum(out)));
	if (memcmp(back, v, sizeof(Measure)) != 0)
		fuzz_fail("in(out(v)) != v for \"%s\": kind %d bound %d unit %d flags %d a %d b %d, read back as kind %d bound %d unit %d flags %d a %d b %d",
				  out, v->kind, v->bound, v->unit, v->flags, v->a, v->b,
				  back->kind, back->bound, back->unit, back->flags, back->a,
				  back->b);
	FUZZ_ASSERT(measure_cmp_internal(v, back) == 0);

	sent = DatumGetByteaPP(fuzz_must_call1(measure_send, PointerGetDatum(v)));
	FUZZ_ASSERT(VARSIZE_ANY_EXHDR(sent) == MEASURE_WIRE_SIZE);
	buf = fuzz_message(VARDATA_ANY(sent), VARSIZE_ANY_EXHDR(sent));
	back = (Measure *) DatumGetPointer(fuzz_must_call1(measure_recv,
													   PointerGetDatum(buf)));
	FUZZ_ASSERT(memcmp(back, v, sizeof(Measure)) == 0);
	FUZZ_ASSERT(buf->cursor == buf->len);
}

/* Whether two measures are the same value, byte for byte. */
static bool
measure_same(Datum a, Datum b)
{
	return memcmp(DatumGetPointer(a), DatumGetPointer(b), sizeof(Measure)) == 0;
}

static const FuzzLiteral measure_literal = {
	measure_is_valid, measure_from_text_sql, measure_in, measure_same
};

/* The value of the text cast of [s, s+len), or NULL; checks agreement. */
static Measure *
check_text(const char *s, size_t len)
{
	Datum		v;

	if (!fuzz_check_literal(&measure_literal, s, len, &v))
		return NULL;
	check_value((Measure *) DatumGetPointer(v));
	return (Measure *) DatumGetPointer(v);
}

/* The value recv reads from [s, s+len), or NULL; checks it. */
static Measure *
check_recv(const char *s, size_t len)
{
	StringInfo	buf = fuzz_message(s, len);
	Datum		v;
	bytea	   *sent;

	if (!fuzz_try_call1(measure_recv, PointerGetDatum(buf), &v) ||
		buf->cursor != buf->len)
		return NULL;
	FUZZ_ASSERT(len == MEASURE_WIRE_SIZE);
	check_value((Measure *) DatumGetPointer(v));
	sent = DatumGetByteaPP(fuzz_must_call1(measure_send, v));
	FUZZ_ASSERT(memcmp(VARDATA_ANY(sent), s, len) == 0);
	return (Measure *) DatumGetPointer(v);
}

/* Sign of an int. */
static int
sign(int x)
{
	return (x > 0) - (x < 0);
}

/* Arguments of measure_satisfies, for fuzz_must. */
typedef struct SatArgs
{
	const Measure *s;
	const Measure *r;
	const char *direction;
} SatArgs;

/* Run measure_satisfies and check its explanation. */
static void
run_satisfies(void *arg)
{
	SatArgs    *a = (SatArgs *) arg;
	char	   *why = NULL;
	Sat			r = measure_satisfies(a->s, a->r, a->direction, &why);

	FUZZ_ASSERT(r == SAT_TRUE || r == SAT_FALSE || r == SAT_NULL);
	FUZZ_ASSERT(why != NULL && fuzz_utf8_valid(why, strlen(why)));
}

/* Order, equality, hashing and satisfies of two values. */
static void
check_pair(const Measure *a, const Measure *b)
{
	int			c = measure_cmp_internal(a, b);
	static const char *const directions[] = {NULL, "min", "max"};
	int			i;

	FUZZ_ASSERT(sign(c) == -sign(measure_cmp_internal(b, a)));
	FUZZ_ASSERT(DatumGetBool(fuzz_must_call2(measure_eq, PointerGetDatum(a),
											 PointerGetDatum(b))) == (c == 0));
	if (c == 0)
	{
		FUZZ_ASSERT(DatumGetUInt32(fuzz_must_call1(measure_hash, PointerGetDatum(a))) ==
					DatumGetUInt32(fuzz_must_call1(measure_hash, PointerGetDatum(b))));
		FUZZ_ASSERT(DatumGetUInt64(fuzz_must_call2(measure_hash_extended,
												   PointerGetDatum(a),
												   Int64GetDatum(42))) ==
					DatumGetUInt64(fuzz_must_call2(measure_hash_extended,
												   PointerGetDatum(b),
												   Int64GetDatum(42))));
	}
	for (i = 0; i < (int) lengthof(directions); i++)
	{
		SatArgs		args = {a, b, directions[i]};

		fuzz_must(run_satisfies, &args, "measure_satisfies");
		args.s = b;
		args.r = a;
		fuzz_must(run_satisfies, &args, "measure_satisfies");
	}
}

/* One input: as text, as a binary message, and as pairs. */
int
LLVMFuzzerTestOneInput(const uint8 *data, size_t size)
{
	const char *s = (const char *) data;
	const char *nul = memchr(s, '\0', size);

	fuzz_begin();
	fuzz_input_is_text = fuzz_utf8_valid(s, size);
	(void) check_text(s, size);

	fuzz_input_is_text = false;
	(void) check_recv(s, size);
	if (size == 2 * MEASURE_WIRE_SIZE)
	{
		Measure    *a = check_recv(s, MEASURE_WIRE_SIZE);
		Measure    *b = check_recv(s + MEASURE_WIRE_SIZE, MEASURE_WIRE_SIZE);

		if (a != NULL && b != NULL)
			check_pair(a, b);
	}
	if (nul != NULL)
	{
		Measure    *a = check_text(s, nul - s);
		Measure    *b = check_text(nul + 1, size - (nul - s) - 1);

		if (a != NULL && b != NULL)
			check_pair(a, b);
	}

	fuzz_end();
	return 0;
}
