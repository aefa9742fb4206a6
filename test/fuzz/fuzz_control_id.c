/*-------------------------------------------------------------------------
 *
 * fuzz_control_id.c
 *	  libFuzzer target: the control_id type.  control_id.c is included, so
 *	  that its static parts (the canonical-form fast path, the abbreviated
 *	  sort key) can be checked against the rest.
 *
 * Properties, on every input:
 *	- is_valid_control_id(text) agrees with control_id_in (the bytes up to
 *	  a NUL) and with the text cast (all the bytes);
 *	- the fast path agrees with the full parser: a string the byte scan
 *	  calls canonical parses, through NFKC, to itself;
 *	- an accepted value v: in(out(v)) = v, recv(send(v)) = v,
 *	  control_id(framework(v), local_id(v)) = v, parent(v) is a value whose
 *	  depth is one less and which contains v;
 *	- recv accepts a format byte 1 and text exactly when the text cast
 *	  accepts the text, with the same value;
 *	- with inputs a NUL b [NUL c]: control_id(a, b) = (a || ':' || b)::
 *	  control_id when it is accepted, and the order is a total order that
 *	  agrees with byte equality and with the abbreviated keys.
 *
 * test/fuzz/fuzz_control_id.c
 *
 *-------------------------------------------------------------------------
 */
#include "../../src/control_id.c"

#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8 *data, size_t size);

/*
 * The full parser without the fast path (control_id_from_string's slow
 * path, step by step): NULL when it refuses.
 */
static ControlId *
slow_parse(const char *str, size_t len)
{
	CidBuild	b;
	CidError	err;
	pg_wchar   *w;
	size_t		n;
	size_t		colon;

	w = kansa_nfkc(str, len, &n, false, NULL, 0);
	if (w == NULL)
		return NULL;
	for (colon = 0; colon < n && w[colon] != ':'; colon++)
		;
	if (colon == n)
		return NULL;
	err = build_framework(w, w + colon, &b);
	if (err == CID_OK)
		err = build_local(w + colon + 1, w + n, &b);
	if (err == CID_OK)
		err = control_id_renormalize(&b);
	return err == CID_OK ? control_id_finish(&b) : NULL;
}

/* Round trips and accessors of an accepted value. */
static void
check_value(ControlId *v)
{
	char	   *out = DatumGetCString(fuzz_must_call1(control_id_out,
													  PointerGetDatum(v)));
	ControlId  *back;
	bytea	   *sent;
	StringInfo	buf;
	text	   *fw;
	text	   *local;
	Datum		parent;
	bool		isnull;

	FUZZ_ASSERT(fuzz_utf8_valid(out, strlen(out)));
	FUZZ_ASSERT(strlen(out) <= KANSA_CONTROL_ID_MAXLEN);
	back = (ControlId *) DatumGetPointer(fuzz_must_call1(control_id_in,
														 CStringGetDatum(out)));
	if (!fuzz_bytes_eq(back, v))
		fuzz_fail("in(out(v)) != v: out(v) = \"%s\", in(out(v)) = \"%.*s\"",
				  out, (int) VARSIZE_ANY_EXHDR(back), VARDATA_ANY(back));
	back = slow_parse(out, strlen(out));
	FUZZ_ASSERT(back != NULL && fuzz_bytes_eq(back, v));

	sent = DatumGetByteaPP(fuzz_must_call1(control_id_send, PointerGetDatum(v)));
	buf = fuzz_message(VARDATA_ANY(sent), VARSIZE_ANY_EXHDR(sent));
	back = (ControlId *) DatumGetPointer(fuzz_must_call1(control_id_recv,
														 PointerGetDatum(buf)));
	FUZZ_ASSERT(fuzz_bytes_eq(back, v));
	FUZZ_ASSERT(buf->cursor == buf->len);

	fw = DatumGetTextPP(fuzz_must_call1(control_id_framework, PointerGetDatum(v)));
	local = DatumGetTextPP(fuzz_must_call1(control_id_local, PointerGetDatum(v)));
	back = (ControlId *) DatumGetPointer(fuzz_must_call2(control_id_make,
														 PointerGetDatum(fw),
														 PointerGetDatum(local)));
	FUZZ_ASSERT(fuzz_bytes_eq(back, v));
	FUZZ_ASSERT(control_id_compare(v, v) == 0);

	parent = fuzz_must_call(control_id_parent, 1, PointerGetDatum(v),
							(Datum) 0, &isnull, "control_id_parent");
	if (!isnull)
	{
		ControlId  *p = (ControlId *) DatumGetPointer(parent);
		char	   *pout = DatumGetCString(fuzz_must_call1(control_id_out, parent));

		back = (ControlId *) DatumGetPointer(fuzz_must_call1(control_id_in,
															 CStringGetDatum(pout)));
		FUZZ_ASSERT(fuzz_bytes_eq(back, p));
		FUZZ_ASSERT(DatumGetInt32(fuzz_must_call1(control_id_depth, parent)) + 1 ==
					DatumGetInt32(fuzz_must_call1(control_id_depth, PointerGetDatum(v))));
		FUZZ_ASSERT(control_id_is_ancestor(p, v) && !control_id_is_ancestor(v, p));
		FUZZ_ASSERT(control_id_compare(p, v) < 0);
	}
	else
		FUZZ_ASSERT(DatumGetInt32(fuzz_must_call1(control_id_depth,
												  PointerGetDatum(v))) == 1);
}

/* Whether two control ids are the same (byte equality is equality). */
static bool
control_id_same(Datum a, Datum b)
{
	return fuzz_bytes_eq((ControlId *) DatumGetPointer(a),
						 (ControlId *) DatumGetPointer(b));
}

static const FuzzLiteral control_id_literal = {
	control_id_is_valid, control_id_from_text, control_id_in, control_id_same
};

/* The value of the text cast of [s, s+len), or NULL; checks agreement. */
static ControlId *
check_text(const char *s, size_t len)
{
	Datum		v;
	bool		ok = fuzz_check_literal(&control_id_literal, s, len, &v);

	if (len <= KANSA_CONTROL_ID_MAXLEN && control_id_is_canonical(s, len))
	{
		ControlId  *slow = slow_parse(s, len);

		FUZZ_ASSERT(slow != NULL);
		FUZZ_ASSERT(VARSIZE_ANY_EXHDR(slow) == len &&
					memcmp(VARDATA_ANY(slow), s, len) == 0);
	}
	if (!ok)
		return NULL;
	check_value((ControlId *) DatumGetPointer(v));
	return (ControlId *) DatumGetPointer(v);
}

/* Sign of an int. */
static int
sign(int x)
{
	return (x > 0) - (x < 0);
}

/* Order properties of two accepted values. */
static void
check_order(ControlId *a, ControlId *b)
{
	int			c = control_id_compare(a, b);
	uint64		ka = control_id_abbrev_key(VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a));
	uint64		kb = control_id_abbrev_key(VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b));

	FUZZ_ASSERT(sign(c) == -sign(control_id_compare(b, a)));
	FUZZ_ASSERT((c == 0) == canon_bytes_eq(a, b));
	if (ka < kb)
		FUZZ_ASSERT(c < 0);
	else if (ka > kb)
		FUZZ_ASSERT(c > 0);
	if (control_id_is_ancestor(a, b) && !canon_bytes_eq(a, b))
		FUZZ_ASSERT(c < 0);
}

/* One input: as text, as a binary message, and split at NULs. */
int
LLVMFuzzerTestOneInput(const uint8 *data, size_t size)
{
	const char *s = (const char *) data;
	const char *nul = memchr(s, '\0', size);
	ControlId  *v;
	StringInfo	buf;
	Datum		r = (Datum) 0;
	bool		ok;

	fuzz_begin();
	fuzz_input_is_text = fuzz_utf8_valid(s, size);
	(void) check_text(s, size);

	/* binary: format byte 1, then what the text cast reads */
	buf = fuzz_message(s, size);
	ok = fuzz_try_call1(control_id_recv, PointerGetDatum(buf), &r);
	if (size >= 1 && s[0] == KANSA_CONTROL_ID_FORMAT)
	{
		fuzz_input_is_text = false;
		v = control_id_from_string(s + 1, size - 1, false);
		FUZZ_ASSERT(ok == (v != NULL && fuzz_utf8_valid(s + 1, size - 1)));
		if (ok)
			FUZZ_ASSERT(fuzz_bytes_eq((ControlId *) DatumGetPointer(r), v));
	}
	else
		FUZZ_ASSERT(!ok);

	if (nul != NULL)
	{
		size_t		alen = nul - s;
		const char *b = nul + 1;
		size_t		blen = size - alen - 1;
		const char *nul2 = memchr(b, '\0', blen);
		ControlId  *va;
		ControlId  *vb;
		ControlId  *parts;
		char	   *joined;

		if (nul2 != NULL)
			blen = nul2 - b;
		fuzz_input_is_text = false;
		va = check_text(s, alen);
		vb = check_text(b, blen);

		/* control_id(a, b) is what 'a:b' reads */
		parts = control_id_from_parts(s, alen, b, blen, false);
		FUZZ_ASSERT(fuzz_try_call2(control_id_make,
								   PointerGetDatum(fuzz_text(s, alen)),
								   PointerGetDatum(fuzz_text(b, blen)),
								   &r) == (parts != NULL));
		if (parts != NULL)
		{
			joined = psprintf("%.*s:%.*s", (int) alen, s, (int) blen, b);
			v = control_id_from_string(joined, alen + blen + 1, false);
			FUZZ_ASSERT(v != NULL && fuzz_bytes_eq(v, parts));
		}

		if (va != NULL && vb != NULL)
		{
			check_order(va, vb);
			if (nul2 != NULL)
			{
				const char *c = nul2 + 1;
				ControlId  *vc = check_text(c, size - (c - s));

				if (vc != NULL)
				{
					check_order(va, vc);
					check_order(vb, vc);
					/* transitivity of <= */
					if (control_id_compare(va, vb) <= 0 &&
						control_id_compare(vb, vc) <= 0)
						FUZZ_ASSERT(control_id_compare(va, vc) <= 0);
				}
			}
		}
	}

	fuzz_end();
	return 0;
}
