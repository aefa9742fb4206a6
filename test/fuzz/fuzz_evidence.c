/*-------------------------------------------------------------------------
 *
 * fuzz_evidence.c
 *	  libFuzzer target: the evidence type's input, output, send, receive
 *	  and is_valid_evidence.
 *
 * Properties, on every input:
 *	- is_valid_evidence(text) agrees with evidence_in (the bytes up to a
 *	  NUL), with the text cast (all the bytes) and with
 *	  kansa_evidence_valid, which extract_evidence() uses;
 *	- an accepted value v: in(out(v)) = v, recv(send(v)) = v,
 *	  kind(v) || ':' || ref(v) = out(v), clause evidence casts to a
 *	  control_id, and kansa_evidence_canonical(out(v)) = out(v);
 *	- recv accepts a format byte 1 and text exactly when the text cast
 *	  accepts the text, with the same value.
 *
 * test/fuzz/fuzz_evidence.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "utils/builtins.h"

#include "fuzz.h"
#include "evidence.h"

#define DatumGetVarlena(d) ((struct varlena *) DatumGetPointer(d))

extern Datum evidence_in(PG_FUNCTION_ARGS);
extern Datum evidence_out(PG_FUNCTION_ARGS);
extern Datum evidence_from_text(PG_FUNCTION_ARGS);
extern Datum evidence_is_valid(PG_FUNCTION_ARGS);
extern Datum evidence_recv(PG_FUNCTION_ARGS);
extern Datum evidence_send(PG_FUNCTION_ARGS);
extern Datum evidence_kind(PG_FUNCTION_ARGS);
extern Datum evidence_ref(PG_FUNCTION_ARGS);
extern Datum evidence_to_control_id(PG_FUNCTION_ARGS);
extern Datum evidence_cmp(PG_FUNCTION_ARGS);

int			LLVMFuzzerTestOneInput(const uint8 *data, size_t size);

/* kansa_evidence_canonical of a literal, for fuzz_must. */
static void
canonical(void *arg)
{
	char	  **s = (char **) arg;

	*s = kansa_evidence_canonical(*s);
}

/* Round trips and accessors of an accepted value. */
static void
check_value(struct varlena *v)
{
	char	   *out = DatumGetCString(fuzz_must_call1(evidence_out, PointerGetDatum(v)));
	struct varlena *back;
	bytea	   *sent;
	StringInfo	buf;
	char	   *kind;
	char	   *ref;
	char	   *canon = out;

	FUZZ_ASSERT(fuzz_utf8_valid(out, strlen(out)));
	FUZZ_ASSERT(strlen(out) == VARSIZE_ANY_EXHDR(v));
	back = DatumGetVarlena(fuzz_must_call1(evidence_in, CStringGetDatum(out)));
	if (!fuzz_bytes_eq(back, v))
		fuzz_fail("in(out(v)) != v: out(v) = \"%s\", in(out(v)) = \"%.*s\"",
				  out, (int) VARSIZE_ANY_EXHDR(back), VARDATA_ANY(back));
	FUZZ_ASSERT(kansa_evidence_valid(out, strlen(out)));
	fuzz_must(canonical, &canon, "kansa_evidence_canonical");
	FUZZ_ASSERT(strcmp(canon, out) == 0);

	sent = DatumGetByteaPP(fuzz_must_call1(evidence_send, PointerGetDatum(v)));
	buf = fuzz_message(VARDATA_ANY(sent), VARSIZE_ANY_EXHDR(sent));
	back = DatumGetVarlena(fuzz_must_call1(evidence_recv, PointerGetDatum(buf)));
	FUZZ_ASSERT(fuzz_bytes_eq(back, v));
	FUZZ_ASSERT(buf->cursor == buf->len);
	FUZZ_ASSERT(DatumGetInt32(fuzz_must_call2(evidence_cmp, PointerGetDatum(v),
											  PointerGetDatum(back))) == 0);

	kind = text_to_cstring(DatumGetTextPP(fuzz_must_call1(evidence_kind, PointerGetDatum(v))));
	ref = text_to_cstring(DatumGetTextPP(fuzz_must_call1(evidence_ref, PointerGetDatum(v))));
	FUZZ_ASSERT(strcmp(psprintf("%s:%s", kind, ref), out) == 0);
	if (strcmp(kind, "clause") == 0)
		(void) fuzz_must_call1(evidence_to_control_id, PointerGetDatum(v));
}

/* Whether two evidence values are the same (byte equality is equality). */
static bool
evidence_same(Datum a, Datum b)
{
	return fuzz_bytes_eq(DatumGetVarlena(a), DatumGetVarlena(b));
}

static const FuzzLiteral evidence_literal = {
	evidence_is_valid, evidence_from_text, evidence_in, evidence_same
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

	ok = fuzz_check_literal(&evidence_literal, s, size, &v);
	FUZZ_ASSERT(kansa_evidence_valid(s, size) == ok);
	if (ok)
		check_value(DatumGetVarlena(v));

	buf = fuzz_message(s, size);
	fuzz_input_is_text = false;
	ok = fuzz_try_call1(evidence_recv, PointerGetDatum(buf), &v);
	if (size >= 1 && s[0] == KANSA_EVIDENCE_FORMAT)
	{
		bool		textok = fuzz_utf8_valid(s + 1, size - 1) &&
		kansa_evidence_valid(s + 1, size - 1);

		FUZZ_ASSERT(ok == textok);
		if (ok)
		{
			Datum		v3;

			FUZZ_ASSERT(fuzz_try_call1(evidence_from_text,
									   PointerGetDatum(fuzz_text(s + 1, size - 1)),
									   &v3));
			FUZZ_ASSERT(fuzz_bytes_eq(DatumGetVarlena(v), DatumGetVarlena(v3)));
		}
	}
	else
		FUZZ_ASSERT(!ok);

	fuzz_end();
	return 0;
}
