/*-------------------------------------------------------------------------
 *
 * fuzz_extract_evidence.c
 *	  libFuzzer target: extract_evidence(), which finds the references an
 *	  answer cites (URLs, certification numbers, clauses, documents,
 *	  assurance reports).
 *
 * Properties, on every input:
 *	- every item is a canonical evidence literal: the type accepts it and
 *	  reads it as itself (kansa_evidence_canonical(x) = x), so the values
 *	  extract_evidence() returns without the input function are values
 *	  the type could hold;
 *	- items are valid UTF-8 and appear once each;
 *	- extraction is deterministic.
 *
 * test/fuzz/fuzz_extract_evidence.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fuzz.h"
#include "evidence.h"

int			LLVMFuzzerTestOneInput(const uint8 *data, size_t size);

typedef struct ExtractArgs
{
	const char *s;
	size_t		len;
	char	  **items;
	int			n;
	char	  **items2;
	int			n2;
} ExtractArgs;

/* Extract twice. */
static void
run_extract(void *arg)
{
	ExtractArgs *a = (ExtractArgs *) arg;

	a->n = kansa_extract_evidence(a->s, a->len, &a->items);
	a->n2 = kansa_extract_evidence(a->s, a->len, &a->items2);
}

/* kansa_evidence_canonical of an item, for fuzz_must. */
static void
canonical(void *arg)
{
	char	  **s = (char **) arg;

	*s = kansa_evidence_canonical(*s);
}

/* One input: answer text. */
int
LLVMFuzzerTestOneInput(const uint8 *data, size_t size)
{
	ExtractArgs a = {(const char *) data, size, NULL, 0, NULL, 0};
	int			i,
				j;

	fuzz_begin();
	fuzz_input_is_text = fuzz_utf8_valid(a.s, a.len);
	if (fuzz_try(run_extract, &a))
	{
		FUZZ_ASSERT(a.n == a.n2);
		for (i = 0; i < a.n; i++)
		{
			char	   *item = a.items[i];
			char	   *canon = item;

			FUZZ_ASSERT(strcmp(item, a.items2[i]) == 0);
			FUZZ_ASSERT(fuzz_utf8_valid(item, strlen(item)));
			if (!kansa_evidence_valid(item, strlen(item)))
				fuzz_fail("extract_evidence returned \"%s\", which is not valid evidence", item);
			fuzz_must(canonical, &canon, "kansa_evidence_canonical");
			if (strcmp(canon, item) != 0)
				fuzz_fail("extract_evidence returned \"%s\", which reads as \"%s\"", item, canon);
			for (j = 0; j < i; j++)
				FUZZ_ASSERT(strcmp(a.items[j], item) != 0);
		}
	}

	fuzz_end();
	return 0;
}
