/*-------------------------------------------------------------------------
 *
 * automaton.h
 *	  Multi-pattern matching: every occurrence of a set of words in a text,
 *	  in one pass.
 *
 * src/automaton.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef KANSA_AUTOMATON_H
#define KANSA_AUTOMATON_H

typedef struct KansaAutomaton KansaAutomaton;

typedef struct KansaMatch
{
	int			start;			/* byte offsets of the occurrence */
	int			end;
	int			pattern;		/* index of the pattern */
} KansaMatch;

extern KansaAutomaton *kansa_automaton_build(const char *const *patterns, int n);
extern int	kansa_automaton_patlen(const KansaAutomaton *a, int i);
extern int	kansa_automaton_match(const KansaAutomaton *a, const char *text,
								  int len, bool longest, int first_special,
								  KansaMatch **out, int **specials,
								  int *nspecials);

#endif							/* KANSA_AUTOMATON_H */
