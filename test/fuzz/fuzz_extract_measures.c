/*-------------------------------------------------------------------------
 *
 * fuzz_extract_measures.c
 *	  libFuzzer target: extract_measures(), which finds the figures an
 *	  answer states (frequencies, durations, ratios, generations, hours)
 *	  and what each is about.  measure.c is included for
 *	  measure_well_formed(): extract_measures() returns its Measure values
 *	  without the input function, so they must be values the type accepts.
 *
 * Properties, on every input:
 *	- every figure's measure is well formed, its text form reads back as
 *	  the same value (in(out(m)) = m) and recv(send(m)) = m;
 *	- every figure has a quantity and a span of valid UTF-8 (the input
 *	  being valid) that occurs in the cleaned text;
 *	- no (quantity, measure) pair appears twice; extraction is
 *	  deterministic.
 *
 * test/fuzz/fuzz_extract_measures.c
 *
 *-------------------------------------------------------------------------
 */
#include "../../src/measure.c"
#include "cleantext.h"

#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8 *data, size_t size);

typedef struct ExtractArgs
{
	const char *s;
	size_t		len;
	KansaFigure *figs;
	int			n;
	KansaFigure *figs2;
	int			n2;
	char	   *clean;
} ExtractArgs;

/* Extract twice, and clean the text as extract_measures() does. */
static void
run_extract(void *arg)
{
	ExtractArgs *a = (ExtractArgs *) arg;

	a->n = kansa_extract_measures(a->s, a->len, &a->figs);
	a->n2 = kansa_extract_measures(a->s, a->len, &a->figs2);
	a->clean = kansa_clean_text(a->s, a->len);
}

/* One input: answer text. */
int
LLVMFuzzerTestOneInput(const uint8 *data, size_t size)
{
	ExtractArgs a = {(const char *) data, size, NULL, 0, NULL, 0, NULL};
	int			i,
				j;

	fuzz_begin();
	fuzz_input_is_text = fuzz_utf8_valid(a.s, a.len);
	if (fuzz_try(run_extract, &a))
	{
		FUZZ_ASSERT(a.n == a.n2);
		for (i = 0; i < a.n; i++)
		{
			KansaFigure *f = &a.figs[i];
			char	   *out;
			Measure    *back;
			bytea	   *sent;

			FUZZ_ASSERT(strcmp(f->quantity, a.figs2[i].quantity) == 0 &&
						strcmp(f->span, a.figs2[i].span) == 0 &&
						memcmp(&f->measure, &a.figs2[i].measure, sizeof(Measure)) == 0);
			FUZZ_ASSERT(f->quantity != NULL && f->quantity[0] != '\0');
			FUZZ_ASSERT(fuzz_utf8_valid(f->span, strlen(f->span)));
			FUZZ_ASSERT(strstr(a.clean, f->span) != NULL);
			out = DatumGetCString(fuzz_must_call1(measure_out,
												  PointerGetDatum(&f->measure)));
			if (!measure_well_formed(&f->measure))
				fuzz_fail("extract_measures returned a measure that is not well formed: \"%s\" (kind %d bound %d unit %d flags %d a %d b %d) from \"%s\"",
						  out, f->measure.kind, f->measure.bound, f->measure.unit,
						  f->measure.flags, f->measure.a, f->measure.b, f->span);
			back = (Measure *) DatumGetPointer(fuzz_must_call1(measure_in,
															   CStringGetDatum(out)));
			if (memcmp(back, &f->measure, sizeof(Measure)) != 0)
				fuzz_fail("extract_measures returned \"%s\" from \"%s\", which reads back as another value",
						  out, f->span);
			sent = DatumGetByteaPP(fuzz_must_call1(measure_send,
												   PointerGetDatum(&f->measure)));
			back = (Measure *) DatumGetPointer(fuzz_must_call1(measure_recv,
															   PointerGetDatum(fuzz_message(VARDATA_ANY(sent),
																							VARSIZE_ANY_EXHDR(sent)))));
			FUZZ_ASSERT(memcmp(back, &f->measure, sizeof(Measure)) == 0);
			for (j = 0; j < i; j++)
				FUZZ_ASSERT(strcmp(a.figs[j].quantity, f->quantity) != 0 ||
							memcmp(&a.figs[j].measure, &f->measure, sizeof(Measure)) != 0);
		}
	}

	fuzz_end();
	return 0;
}
