/*-------------------------------------------------------------------------
 *
 * fuzz_answer.c
 *	  libFuzzer target: the answer type's input, output, send and receive
 *	  functions and is_valid_answer.
 *
 * Properties, on every input:
 *	- is_valid_answer(text) agrees with answer_in (the bytes up to a NUL)
 *	  and with the text cast (all the bytes);
 *	- an accepted value v: in(out(v)) = v, recv(send(v)) = v, and
 *	  status/responsibility/score/is_gap run on it;
 *	- the input as binary: recv accepts exactly the three-byte messages of
 *	  a valid answer, and then send gives the same bytes back.
 *
 * test/fuzz/fuzz_answer.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "utils/builtins.h"

#include "fuzz.h"
#include "answer.h"

extern Datum answer_in(PG_FUNCTION_ARGS);
extern Datum answer_out(PG_FUNCTION_ARGS);
extern Datum answer_from_text(PG_FUNCTION_ARGS);
extern Datum answer_to_text(PG_FUNCTION_ARGS);
extern Datum answer_is_valid(PG_FUNCTION_ARGS);
extern Datum answer_recv(PG_FUNCTION_ARGS);
extern Datum answer_send(PG_FUNCTION_ARGS);
extern Datum answer_status(PG_FUNCTION_ARGS);
extern Datum answer_is_gap(PG_FUNCTION_ARGS);

int			LLVMFuzzerTestOneInput(const uint8 *data, size_t size);

/* Round trips and accessors of an accepted answer. */
static void
check_value(int16 v)
{
	char	   *out = DatumGetCString(fuzz_must_call1(answer_out, Int16GetDatum(v)));
	bytea	   *sent;
	StringInfo	buf;
	int16		back;
	text	   *t;

	FUZZ_ASSERT(fuzz_utf8_valid(out, strlen(out)));
	back = DatumGetInt16(fuzz_must_call1(answer_in, CStringGetDatum(out)));
	FUZZ_ASSERT(back == v);

	sent = DatumGetByteaPP(fuzz_must_call1(answer_send, Int16GetDatum(v)));
	buf = fuzz_message(VARDATA_ANY(sent), VARSIZE_ANY_EXHDR(sent));
	back = DatumGetInt16(fuzz_must_call1(answer_recv, PointerGetDatum(buf)));
	FUZZ_ASSERT(back == v);
	FUZZ_ASSERT(buf->cursor == buf->len);

	t = DatumGetTextPP(fuzz_must_call1(answer_to_text, Int16GetDatum(v)));
	back = DatumGetInt16(fuzz_must_call1(answer_from_text, PointerGetDatum(t)));
	FUZZ_ASSERT(back == v);

	(void) fuzz_must_call1(answer_status, Int16GetDatum(v));
	(void) fuzz_must_call1(answer_is_gap, Int16GetDatum(v));
	FUZZ_ASSERT(KANSA_ANSWER_STATUS(v) < KANSA_N_STATUS &&
				KANSA_ANSWER_RESP(v) < KANSA_N_RESP);
}

/* Whether two answers are the same value. */
static bool
answer_same(Datum a, Datum b)
{
	return DatumGetInt16(a) == DatumGetInt16(b);
}

static const FuzzLiteral answer_literal = {
	answer_is_valid, answer_from_text, answer_in, answer_same
};

/* One input: as text, then as a binary message. */
int
LLVMFuzzerTestOneInput(const uint8 *data, size_t size)
{
	const char *s = (const char *) data;
	bool		ok;
	Datum		v = (Datum) 0;
	StringInfo	buf;

	fuzz_begin();
	fuzz_input_is_text = fuzz_utf8_valid(s, size);

	ok = fuzz_check_literal(&answer_literal, s, size, &v);
	if (ok)
		check_value(DatumGetInt16(v));

	buf = fuzz_message(s, size);
	if (fuzz_try_call1(answer_recv, PointerGetDatum(buf), &v) &&
		buf->cursor == buf->len)
	{
		bytea	   *sent;

		check_value(DatumGetInt16(v));
		sent = DatumGetByteaPP(fuzz_must_call1(answer_send, v));
		FUZZ_ASSERT(VARSIZE_ANY_EXHDR(sent) == size &&
					memcmp(VARDATA_ANY(sent), s, size) == 0);
	}

	fuzz_end();
	return 0;
}
