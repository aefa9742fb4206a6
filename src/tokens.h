/*-------------------------------------------------------------------------
 *
 * tokens.h
 *	  The tokens of a Japanese text, as MeCab reads it (mecab.c).
 *
 * src/tokens.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef KANSA_TOKENS_H
#define KANSA_TOKENS_H

#define KANSA_TOKEN_MAX_FIELDS	32

/* One token of a text as MeCab reads it. */
typedef struct KansaToken
{
	int			offset;			/* byte offset of the surface in the text */
	char	   *surface;
	bool		unknown;		/* not in the dictionary */
	int			nfields;
	char	   *fields[KANSA_TOKEN_MAX_FIELDS];	/* the dictionary's features */
} KansaToken;

/* The setting kansa.mecab_dictionary (kansa.c). */
extern char *kansa_mecab_dictionary;

extern int	kansa_tokens(const char *str, size_t len, KansaToken **out);
extern void kansa_token_parts(const KansaToken *t, const char **lemma,
							  const char **pos, char **pos_detail,
							  const char **ctype, const char **cform);

#endif							/* KANSA_TOKENS_H */
