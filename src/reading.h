/*-------------------------------------------------------------------------
 *
 * reading.h
 *	  The structural reader of Japanese answers: a sentence read into
 *	  clauses, each with its role, kind of statement and agent.
 *
 * src/reading.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef KANSA_READING_H
#define KANSA_READING_H

typedef enum KansaRole
{
	KR_MAIN,					/* a clause that states something */
	KR_CONCESSIVE,				/* conceded: 〜が、〜けれども、〜ものの */
	KR_PROVISO,					/* ただし… */
	KR_TRIGGER,					/* when it happens: 〜場合は、〜際に */
	KR_SCOPE_CONDITION,			/* where or for what: 一部の〜の場合、〜の高い拠点では */
	KR_REASON					/* 〜ため、〜ので */
} KansaRole;

typedef enum KansaKind
{
	KK_NONE,					/* no predicate to judge */
	KK_AFFIRM,					/* the safeguard is in place */
	KK_NEG,						/* the safeguard is not in place */
	KK_NA,						/* the governed thing does not exist here */
	KK_PLAN,					/* planned, under consideration */
	KK_PROTECT,					/* a negation stating a safeguard working */
	KK_BACKGROUND				/* says nothing about a safeguard */
} KansaKind;

typedef enum KansaAgent
{
	KA_NONE,					/* nobody named */
	KA_SELF,					/* the vendor or its service */
	KA_THIRD,					/* a platform, data-centre or building operator */
	KA_CUSTOMER,				/* the customer */
	KA_SHARED					/* the vendor and the customer, both named */
} KansaAgent;

typedef struct KansaReadClause
{
	int			start;			/* byte offsets in the sentence */
	int			len;
	KansaRole	role;
	KansaKind	kind;
	KansaAgent	agent;
	bool		limited;		/* a limitation of scope (一部, のみ, 原則…) */
	bool		third_mentioned;	/* a third party or building named */
	bool		customer_cue;	/* お客様の責任, 〜してください */
	bool		concrete;		/* names a safeguard, asset or hazard of the lexicon */
	bool		agent_is_topic; /* the agent is a は-topic (it carries on) */
	char	   *predicate;		/* the predicate's lemma, or NULL */
	char	   *agent_text;		/* the words naming the agent, or NULL */
	const char *rule;			/* what decided the kind */
} KansaReadClause;

typedef struct KansaReadContext
{
	char	  **self_names;		/* the service's and vendor's names, lower case */
	int			nself;
	bool		facilities;		/* the control is about facilities */
} KansaReadContext;

extern bool kansa_has_japanese(const char *s, int len);
extern int	kansa_read_sentence(const char *s, int len,
								const KansaReadContext *ctx,
								KansaReadClause **out);
extern const char *kansa_role_name(KansaRole r);
extern const char *kansa_kind_name(KansaKind k);
extern const char *kansa_agent_name(KansaAgent a);

#endif							/* KANSA_READING_H */
