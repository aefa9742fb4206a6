/*-------------------------------------------------------------------------
 *
 * fuzz_classify.c
 *	  libFuzzer target: the answer classifier (classify, classify_explain)
 *	  and the text cleaning and sentence splitting it reads through.
 *	  classify.c is included to call classify_text() with boilerplate, which
 *	  the SQL functions take as a text[] (arrays need the server).
 *
 * Input: answer text, then optionally NUL and boilerplate sentences
 * separated by NULs (cleaned as get_boilerplate() cleans them).
 *
 * Properties, on every input:
 *	- the verdict is a valid answer whose text form reads back as itself;
 *	  the confidence is in [0, 1]; the rule is set; the cue and specific
 *	  texts are valid UTF-8 (the input being valid);
 *	- classification is deterministic (a second run agrees in every field);
 *	- kansa_split_sentences cuts clean text into ordered, non-empty,
 *	  trimmed sentences that start and end on character boundaries.
 *
 * test/fuzz/fuzz_classify.c
 *
 *-------------------------------------------------------------------------
 */
#include "../../src/classify.c"

#include "fuzz.h"

#define MAX_BOILERPLATE 16

/*
 * The structural reader (reading.c) needs MeCab and kansa.lexicon, that is
 * the server: here every sentence takes the cue-word path, and the reader
 * is fuzzed through SQL (test/cli/sql-fuzz.sh feeds the corpus to
 * classify and classify_explain).
 */
bool
kansa_has_japanese(const char *s, int len)
{
	return false;
}

int
kansa_read_sentence(const char *s, int len, const KansaReadContext *ctx,
					KansaReadClause **out)
{
	*out = NULL;
	return 0;
}

/* classify's SQL entry points are not called here; the linker wants them */
Oid
get_fn_expr_argtype(FmgrInfo *flinfo, int argnum)
{
	abort();
}

JsonbIterator *
JsonbIteratorInit(JsonbContainer *container)
{
	abort();
}

TupleDesc
BlessTupleDesc(TupleDesc tupdesc)
{
	abort();
}

JsonbIteratorToken
JsonbIteratorNext(JsonbIterator **it, JsonbValue *val, bool skipNested)
{
	abort();
}

const char *
kansa_role_name(KansaRole r)
{
	return "";
}

const char *
kansa_kind_name(KansaKind k)
{
	return "";
}

const char *
kansa_agent_name(KansaAgent a)
{
	return "";
}

int			LLVMFuzzerTestOneInput(const uint8 *data, size_t size);

typedef struct ClassifyArgs
{
	const char *s;
	size_t		len;
	char	   *bp[MAX_BOILERPLATE];
	const char *raw_bp[MAX_BOILERPLATE];
	size_t		raw_bplen[MAX_BOILERPLATE];
	int			nbp;
	Verdict		v1;
	Verdict		v2;
	char	   *clean;
} ClassifyArgs;

/* Clean the boilerplate and the text, classify twice. */
static void
run_classify(void *arg)
{
	ClassifyArgs *a = (ClassifyArgs *) arg;
	int			i;

	for (i = 0; i < a->nbp; i++)
		a->bp[i] = kansa_clean_text(a->raw_bp[i], a->raw_bplen[i]);
	a->clean = kansa_clean_text(a->s, a->len);
	classify_text(a->s, a->len, a->bp, a->nbp, NULL, &a->v1);
	classify_text(a->s, a->len, a->bp, a->nbp, NULL, &a->v2);
}

/* The checks on one verdict. */
static void
check_verdict(const Verdict *v, bool text)
{
	char	   *t;
	int			back;

	FUZZ_ASSERT(v->verdict >= 0 &&
				KANSA_ANSWER_STATUS(v->verdict) < KANSA_N_STATUS &&
				KANSA_ANSWER_RESP(v->verdict) < KANSA_N_RESP);
	t = kansa_answer_text(v->verdict);
	back = kansa_answer_parse(t, strlen(t), false);
	FUZZ_ASSERT(back == v->verdict);
	FUZZ_ASSERT(v->confidence >= 0.0f && v->confidence <= 1.0f);
	FUZZ_ASSERT(v->rule != NULL && v->rule[0] != '\0');
	FUZZ_ASSERT(strlen(v->cue.data) == (size_t) v->cue.len);
	FUZZ_ASSERT(strlen(v->specific.data) == (size_t) v->specific.len);
	if (text)
	{
		FUZZ_ASSERT(fuzz_utf8_valid(v->cue.data, v->cue.len));
		FUZZ_ASSERT(fuzz_utf8_valid(v->specific.data, v->specific.len));
	}
}

/* The checks on the sentences of a clean text. */
static void
check_sentences(const char *clean)
{
	int			len = strlen(clean);
	int		   *starts;
	int		   *lens;
	int			n = kansa_split_sentences(clean, len, &starts, &lens);
	int			i;
	int			prev_end = 0;

	FUZZ_ASSERT(fuzz_utf8_valid(clean, len));
	for (i = 0; i < n; i++)
	{
		const char *p = clean + starts[i];
		int			l = lens[i];

		FUZZ_ASSERT(l > 0 && starts[i] >= prev_end && starts[i] + l <= len);
		FUZZ_ASSERT(p[0] != ' ' && p[0] != '\n' && p[l - 1] != ' ' && p[l - 1] != '\n');
		FUZZ_ASSERT(fuzz_utf8_valid(p, l));
		prev_end = starts[i] + l;
	}
}

/* One input: answer text and boilerplate. */
int
LLVMFuzzerTestOneInput(const uint8 *data, size_t size)
{
	const char *s = (const char *) data;
	const char *end = s + size;
	const char *nul = memchr(s, '\0', size);
	ClassifyArgs a;

	fuzz_begin();
	memset(&a, 0, sizeof(a));
	a.s = s;
	a.len = nul ? (size_t) (nul - s) : size;
	if (nul != NULL)
	{
		const char *p = nul + 1;

		while (p <= end && a.nbp < MAX_BOILERPLATE)
		{
			const char *q = memchr(p, '\0', end - p);

			if (q == NULL)
				q = end;
			a.raw_bp[a.nbp] = p;
			a.raw_bplen[a.nbp] = q - p;
			a.nbp++;
			p = q + 1;
		}
	}
	fuzz_input_is_text = fuzz_utf8_valid(a.s, a.len);
	if (fuzz_try(run_classify, &a))
	{
		check_verdict(&a.v1, fuzz_input_is_text);
		FUZZ_ASSERT(a.v1.verdict == a.v2.verdict &&
					a.v1.confidence == a.v2.confidence &&
					strcmp(a.v1.rule, a.v2.rule) == 0 &&
					strcmp(a.v1.cue.data, a.v2.cue.data) == 0 &&
					strcmp(a.v1.specific.data, a.v2.specific.data) == 0);
		check_sentences(a.clean);
	}

	fuzz_end();
	return 0;
}
