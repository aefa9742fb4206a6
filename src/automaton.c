/*-------------------------------------------------------------------------
 *
 * automaton.c
 *	  Multi-pattern matching of byte strings (Aho-Corasick): one pass over
 *	  a text finds every occurrence of every pattern, whatever the size of
 *	  the vocabulary.  The classifier's cues and the reader's lexicon are
 *	  matched with it.
 *
 * src/automaton.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "utils/memutils.h"

#include "automaton.h"

struct KansaAutomaton
{
	int			npatterns;
	int			nstates;
	int32	   *delta;			/* nstates * 256 transitions */
	int32	   *own;			/* pattern ending at the state, or -1 */
	int32	   *dict;			/* nearest suffix state with a pattern, or -1 */
	int		   *patlen;
};

/*
 * Build the automaton of n patterns (non-empty byte strings) in the
 * current memory context.  A pattern given twice keeps its first index.
 */
KansaAutomaton *
kansa_automaton_build(const char *const *patterns, int n)
{
	KansaAutomaton *a = palloc0(sizeof(KansaAutomaton));
	int			maxstates = 1;
	int		   *trie;
	int32	   *fail;
	int		   *queue;
	int			head = 0,
				tail = 0;
	int			i;

	for (i = 0; i < n; i++)
		maxstates += strlen(patterns[i]);
	if ((Size) maxstates * 256 > MaxAllocSize / sizeof(int))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("vocabulary too large for kansa's matcher (%d bytes)", maxstates)));
	trie = palloc(sizeof(int) * maxstates * 256);
	memset(trie, -1, sizeof(int) * maxstates * 256);
	a->npatterns = n;
	a->own = palloc(sizeof(int32) * maxstates);
	a->dict = palloc(sizeof(int32) * maxstates);
	a->patlen = palloc(sizeof(int) * Max(n, 1));
	fail = palloc0(sizeof(int32) * maxstates);
	queue = palloc(sizeof(int) * maxstates);
	memset(a->own, -1, sizeof(int32) * maxstates);
	memset(a->dict, -1, sizeof(int32) * maxstates);
	a->nstates = 1;

	for (i = 0; i < n; i++)
	{
		const unsigned char *p = (const unsigned char *) patterns[i];
		int			st = 0;

		a->patlen[i] = strlen(patterns[i]);
		for (; *p; p++)
		{
			if (trie[st * 256 + *p] < 0)
				trie[st * 256 + *p] = a->nstates++;
			st = trie[st * 256 + *p];
		}
		if (a->own[st] < 0)
			a->own[st] = i;
	}

	/* breadth first: failure links, dictionary links, full transitions */
	a->delta = palloc(sizeof(int32) * a->nstates * 256);
	for (i = 0; i < 256; i++)
	{
		int			t = trie[i];

		if (t < 0)
			a->delta[i] = 0;
		else
		{
			a->delta[i] = t;
			fail[t] = 0;
			queue[tail++] = t;
		}
	}
	while (head < tail)
	{
		int			st = queue[head++];

		a->dict[st] = a->own[fail[st]] >= 0 ? fail[st] : a->dict[fail[st]];
		for (i = 0; i < 256; i++)
		{
			int			t = trie[st * 256 + i];

			if (t < 0)
				a->delta[st * 256 + i] = a->delta[fail[st] * 256 + i];
			else
			{
				a->delta[st * 256 + i] = t;
				fail[t] = a->delta[fail[st] * 256 + i];
				queue[tail++] = t;
			}
		}
	}
	pfree(trie);
	pfree(fail);
	pfree(queue);
	return a;
}

/* Length in bytes of pattern i. */
int
kansa_automaton_patlen(const KansaAutomaton *a, int i)
{
	return a->patlen[i];
}

static const KansaAutomaton *sort_automaton;

static int
match_cmp(const void *x, const void *y)
{
	const KansaMatch *a = x;
	const KansaMatch *b = y;

	if (a->start != b->start)
		return a->start - b->start;
	/* longer first at the same start */
	return sort_automaton->patlen[b->pattern] - sort_automaton->patlen[a->pattern];
}

/*
 * Every occurrence in text[0, len) of the patterns whose index is below
 * first_special, as a palloc'd array sorted by start (longer first at one
 * start), and the end offsets of the occurrences of the patterns at or
 * above first_special in *specials (when specials is not NULL).  With
 * longest true, an occurrence that starts where another one does, or lies
 * inside one found before it, is left out: the longest match starting
 * first wins.
 */
int
kansa_automaton_match(const KansaAutomaton *a, const char *text, int len,
					  bool longest, int first_special, KansaMatch **out,
					  int **specials, int *nspecials)
{
	KansaMatch *raw;
	int			nraw = 0,
				maxraw = 32;
	int			maxs = 8;
	int			st = 0;
	int			i;
	int			n = 0;
	int			covered_until = 0;

	raw = palloc(maxraw * sizeof(KansaMatch));
	if (specials)
	{
		*specials = palloc(maxs * sizeof(int));
		*nspecials = 0;
	}
	for (i = 0; i < len; i++)
	{
		int			m;

		st = a->delta[st * 256 + (unsigned char) text[i]];
		for (m = a->own[st] >= 0 ? st : a->dict[st]; m >= 0; m = a->dict[m])
		{
			int			pat = a->own[m];

			if (pat >= first_special)
			{
				if (specials == NULL)
					continue;
				if (*nspecials == maxs)
				{
					maxs *= 2;
					*specials = repalloc(*specials, maxs * sizeof(int));
				}
				(*specials)[(*nspecials)++] = i + 1;
				continue;
			}
			if (nraw == maxraw)
			{
				maxraw *= 2;
				raw = repalloc(raw, maxraw * sizeof(KansaMatch));
			}
			raw[nraw].start = i + 1 - a->patlen[pat];
			raw[nraw].end = i + 1;
			raw[nraw].pattern = pat;
			nraw++;
		}
	}
	sort_automaton = a;
	qsort(raw, nraw, sizeof(KansaMatch), match_cmp);
	if (!longest)
	{
		*out = raw;
		return nraw;
	}
	for (i = 0; i < nraw; i++)
	{
		if (i > 0 && raw[i].start == raw[i - 1].start)
			continue;			/* a shorter pattern at the same start */
		if (raw[i].start < covered_until && raw[i].end <= covered_until)
			continue;			/* inside a longer one */
		covered_until = Max(covered_until, raw[i].end);
		raw[n++] = raw[i];
	}
	*out = raw;
	return n;
}
