/*-------------------------------------------------------------------------
 *
 * reading.c
 *	  The structural reader: a Japanese sentence of an answer, read with
 *	  MeCab into clauses, each with its role (main, concessive, proviso,
 *	  trigger, condition on scope, reason), its predicate and polarity, who
 *	  acts (the agent) and what kind of statement it makes (a safeguard in
 *	  place or missing, a scope statement, a protective negation, a plan).
 *
 * The words the rules read are data: kansa.lexicon, compiled from
 * data/lexicon.tsv and open to administrators' additions.  A session reads
 * the table on first use and again after any change to it (the table's
 * trigger sends an invalidation every session sees).  A lexicon term
 * counts only where it covers whole tokens, so 水 (water, a hazard) is not
 * found in 水準 (a level).
 *
 * The rules, in the order they are tried for a negated predicate:
 *	 - a past event denied (事例, 被害, 実績 … はありません): protective;
 *	 - an inability (〜できません, 〜不可) about the unauthorised, a hazard or
 *	   with no safeguard named: protective;
 *	 - a hazard or the unauthorised denied, no safeguard named: protective;
 *	 - an asset or activity the control governs denied, no safeguard named,
 *	   or a scope verb (行う, 提供, 取り扱う, 保有 …) denied by the vendor or
 *	   its service with no safeguard named: a scope statement;
 *	 - otherwise the safeguard is missing.
 * An affirmed predicate is a plan when a plan word stands in the clause,
 * and limited when a limitation word does (not のみ after a person: that
 * restricts who may act, it does not cut the scope).
 *
 * src/reading.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/namespace.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "automaton.h"
#include "normalize.h"
#include "reading.h"
#include "tokens.h"

/* The word classes of kansa.lexicon, as bits. */
#define LX_SELF			(1 << 0)
#define LX_THIRD		(1 << 1)
#define LX_BUILDING		(1 << 2)
#define LX_OWNED		(1 << 3)
#define LX_CUSTOMER		(1 << 4)
#define LX_ASSET		(1 << 5)
#define LX_SAFEGUARD	(1 << 6)
#define LX_HAZARD		(1 << 7)
#define LX_UNAUTH		(1 << 8)
#define LX_PERSON		(1 << 9)
#define LX_PAST			(1 << 10)
#define LX_PLAN			(1 << 11)
#define LX_LIMIT		(1 << 12)
#define LX_NA			(1 << 13)
#define LX_SCOPE_VERB	(1 << 14)

static const struct
{
	const char *name;
	int			bit;
}			lexicon_classes[] = {
	{"self", LX_SELF},
	{"third_party", LX_THIRD},
	{"building", LX_BUILDING},
	{"owned", LX_OWNED},
	{"customer", LX_CUSTOMER},
	{"asset", LX_ASSET},
	{"safeguard", LX_SAFEGUARD},
	{"hazard", LX_HAZARD},
	{"unauthorized", LX_UNAUTH},
	{"person", LX_PERSON},
	{"past_event", LX_PAST},
	{"plan", LX_PLAN},
	{"limitation", LX_LIMIT},
	{"not_applicable", LX_NA},
	{"scope_verb", LX_SCOPE_VERB},
};

/* The session's copy of kansa.lexicon. */
typedef struct
{
	MemoryContext cxt;
	KansaAutomaton *automaton;	/* over the terms */
	int			nterms;
	int		   *masks;			/* classes of term i */
	char	  **scope_verbs;	/* terms of class scope_verb (lemmas) */
	int			nscope_verbs;
} Lexicon;

static Lexicon *lexicon = NULL;
static Oid	lexicon_relid = InvalidOid;
static bool callback_registered = false;

static void
lexicon_invalidate(Datum arg, Oid relid)
{
	if (relid == InvalidOid || relid == lexicon_relid)
	{
		if (lexicon != NULL)
			MemoryContextDelete(lexicon->cxt);
		lexicon = NULL;
	}
}

static int
class_bit(const char *name)
{
	int			i;

	for (i = 0; i < (int) lengthof(lexicon_classes); i++)
		if (strcmp(lexicon_classes[i].name, name) == 0)
			return lexicon_classes[i].bit;
	return 0;
}

/* The session's lexicon, read from kansa.lexicon when it is not at hand. */
static const Lexicon *
get_lexicon(void)
{
	MemoryContext cxt;
	MemoryContext old;
	Lexicon    *lx;
	const char **terms;
	uint64		i;
	int			ret;

	if (lexicon != NULL)
		return lexicon;
	if (!callback_registered)
	{
		CacheRegisterRelcacheCallback(lexicon_invalidate, (Datum) 0);
		callback_registered = true;
	}
	lexicon_relid = get_relname_relid("lexicon", get_namespace_oid("kansa", false));
	if (!OidIsValid(lexicon_relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation \"kansa.lexicon\" does not exist"),
				 errhint("The extension's objects in this database may be older than its module: run ALTER EXTENSION kansa UPDATE.")));

	cxt = AllocSetContextCreate(CacheMemoryContext, "kansa lexicon",
								ALLOCSET_DEFAULT_SIZES);
	PG_TRY();
	{
		if ((ret = SPI_connect()) != SPI_OK_CONNECT)
			elog(ERROR, "SPI_connect failed: %s", SPI_result_code_string(ret));
		ret = SPI_execute("SELECT term, class FROM kansa.lexicon ORDER BY term, class",
						  true, 0);
		if (ret != SPI_OK_SELECT)
			elog(ERROR, "could not read kansa.lexicon: %s", SPI_result_code_string(ret));
		old = MemoryContextSwitchTo(cxt);
		lx = palloc0(sizeof(Lexicon));
		lx->cxt = cxt;
		terms = palloc(Max(SPI_processed, 1) * sizeof(char *));
		lx->masks = palloc0(Max(SPI_processed, 1) * sizeof(int));
		lx->scope_verbs = palloc(Max(SPI_processed, 1) * sizeof(char *));
		for (i = 0; i < SPI_processed; i++)
		{
			char	   *term = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1);
			char	   *cls = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2);
			int			bit;

			if (term == NULL || cls == NULL || term[0] == '\0')
				continue;
			bit = class_bit(cls);
			if (bit == LX_SCOPE_VERB)
			{
				lx->scope_verbs[lx->nscope_verbs++] = term;
				continue;
			}
			if (lx->nterms > 0 && strcmp(terms[lx->nterms - 1], term) == 0)
				lx->masks[lx->nterms - 1] |= bit;
			else
			{
				terms[lx->nterms] = term;
				lx->masks[lx->nterms] = bit;
				lx->nterms++;
			}
		}
		lx->automaton = kansa_automaton_build(terms, lx->nterms);
		MemoryContextSwitchTo(old);
		SPI_finish();
	}
	PG_CATCH();
	{
		MemoryContextDelete(cxt);
		PG_RE_THROW();
	}
	PG_END_TRY();
	lexicon = lx;
	return lexicon;
}

PG_FUNCTION_INFO_V1(kansa_lexicon_changed);

/* Trigger on kansa.lexicon: every session reads the table again. */
Datum
kansa_lexicon_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("function \"%s\" was not called by trigger manager",
						"lexicon_changed")));
	CacheInvalidateRelcache(trigdata->tg_relation);
	PG_RETURN_POINTER(NULL);
}

/* Does the text hold a kana or kanji character? */
bool
kansa_has_japanese(const char *s, int len)
{
	const unsigned char *p = (const unsigned char *) s;
	int			i;

	for (i = 0; i + 2 < len; i++)
	{
		/* U+3040..U+30FF (kana) and U+4E00..U+9FFF (CJK) in UTF-8 */
		if (p[i] == 0xE3 && p[i + 1] >= 0x81 && p[i + 1] <= 0x83)
			return true;
		if (p[i] >= 0xE4 && p[i] <= 0xE9)
			return true;
	}
	return false;
}

const char *
kansa_role_name(KansaRole r)
{
	static const char *const names[] = {"main", "concessive", "proviso",
	"trigger", "scope_condition", "reason"};

	return names[r];
}

const char *
kansa_kind_name(KansaKind k)
{
	static const char *const names[] = {"none", "affirmed", "negated",
	"not_applicable", "planned", "protective", "background"};

	return names[k];
}

const char *
kansa_agent_name(KansaAgent a)
{
	static const char *const names[] = {"none", "vendor", "third_party",
	"customer", "shared"};

	return names[a];
}

/* A token as the reader sees it. */
typedef struct
{
	const KansaToken *t;
	const char *pos;			/* part of speech */
	const char *pos1;			/* its first detail */
	const char *lemma;
	const char *cform;			/* conjugation form */
	int			start;			/* byte offsets in the sentence */
	int			end;
	int			mask;			/* lexicon classes of terms covering it */
} Tok;

static const char *
feature(const KansaToken *t, int i)
{
	return i < t->nfields && strcmp(t->fields[i], "*") != 0 ? t->fields[i] : "";
}

static bool
is(const Tok *t, const char *pos, const char *lemma)
{
	return (pos == NULL || strcmp(t->pos, pos) == 0) &&
		(lemma == NULL || strcmp(t->lemma, lemma) == 0);
}

/* Is s one of the n strings of set? */
static bool
str_in(const char *s, const char *const *set, int n)
{
	int			i;

	for (i = 0; i < n; i++)
		if (strcmp(s, set[i]) == 0)
			return true;
	return false;
}

static bool
lemma_in(const Tok *t, const char *const *set, int n)
{
	return str_in(t->lemma, set, n);
}

/* is the clause's predicate (pred, or the head's lemma) one of set? */
static bool
pred_in(const Tok *toks, int head, const char *pred,
		const char *const *set, int n)
{
	Tok			p = toks[head];

	if (pred)
		p.lemma = pred;
	return lemma_in(&p, set, n);
}

static bool
is_particle(const Tok *t)
{
	return strcmp(t->pos, "助詞") == 0;
}

static bool
is_punct(const Tok *t)
{
	return strcmp(t->pos, "記号") == 0 || strcmp(t->pos, "補助記号") == 0;
}

static bool
is_noun(const Tok *t)
{
	return strcmp(t->pos, "名詞") == 0 || strcmp(t->pos, "接頭詞") == 0 ||
		strcmp(t->pos, "接頭辞") == 0 || strcmp(t->pos, "接尾辞") == 0;
}

/* Nouns that are a negated predicate in themselves. */
static bool
is_negative_noun(const Tok *t)
{
	static const char *const nouns[] = {"不可", "未実施", "未対応", "未導入",
		"未整備", "未取得", "未設置", "未定", "無し", "なし", "未策定",
	"未構築"};

	return strcmp(t->pos, "名詞") == 0 && lemma_in(t, nouns, lengthof(nouns));
}

/* A content word that can head a predicate. */
static bool
is_content(const Tok *t)
{
	if (strcmp(t->pos, "動詞") == 0 || strcmp(t->pos, "形容詞") == 0)
		return strcmp(t->pos1, "非自立") != 0 && strcmp(t->pos1, "接尾") != 0;
	if (strcmp(t->pos, "名詞") == 0)
		return (strcmp(t->pos1, "非自立") != 0 && strcmp(t->pos1, "接尾") != 0 &&
				strcmp(t->pos1, "数") != 0) || is_negative_noun(t);
	return false;
}

/* The negations of a predicate's tail. */
static bool
is_negation(const Tok *t)
{
	static const char *const neg_aux[] = {"ない", "ぬ", "ん", "無い"};

	if (strcmp(t->pos, "助動詞") == 0 && lemma_in(t, neg_aux, lengthof(neg_aux)))
		return true;
	/* 〜なし, 〜ない after a noun: the thing does not exist */
	if (strcmp(t->pos, "形容詞") == 0 && (strcmp(t->lemma, "ない") == 0 ||
										strcmp(t->lemma, "無い") == 0))
		return true;
	return false;
}

/* 及び, または: a conjunction that joins words, not clauses */
static bool
joins_nouns(const Tok *t)
{
	static const char *const joiners[] = {"及び", "および", "並びに", "ならびに",
		"又は", "または", "若しくは", "もしくは", "或いは", "あるいは", "且つ",
	"かつ", "乃至", "ないし"};

	return lemma_in(t, joiners, lengthof(joiners));
}

/* ただし, 但し: what follows narrows what came before */
static bool
is_proviso(const Tok *t)
{
	return strcmp(t->lemma, "ただし") == 0 || strcmp(t->lemma, "但し") == 0;
}

/* Conjunctive particles that end a clause, and the role they give it. */
static bool
ends_clause(const Tok *toks, int n, int i, KansaRole *role, int *skip)
{
	const Tok  *t = &toks[i];
	static const char *const concessive[] = {"が", "けれども", "けれど", "けど",
	"ものの", "のに", "にもかかわらず"};
	static const char *const conditional[] = {"ば", "たら", "なら", "と"};
	static const char *const reason[] = {"ので", "から"};
	static const char *const when[] = {"場合", "際", "時", "とき", "折", "都度",
	"たび", "度", "ケース"};

	*skip = 0;
	if (is(t, "助詞", NULL) && strcmp(t->pos1, "接続助詞") == 0)
	{
		if (lemma_in(t, concessive, lengthof(concessive)))
		{
			*role = KR_CONCESSIVE;
			return true;
		}
		if (lemma_in(t, reason, lengthof(reason)))
		{
			*role = KR_REASON;
			return true;
		}
		if (lemma_in(t, conditional, lengthof(conditional)) &&
			strcmp(t->lemma, "と") != 0)
		{
			*role = KR_TRIGGER;
			return true;
		}
	}
	/* 〜たら (the conditional of た) */
	if (is(t, "助動詞", "た") && strcmp(t->cform, "仮定形") == 0)
	{
		*role = KR_TRIGGER;
		return true;
	}
	/* 〜場合は、〜際に、〜時には: when it happens */
	if (strcmp(t->pos, "名詞") == 0 && lemma_in(t, when, lengthof(when)) && i > 0 &&
		!is_particle(&toks[i - 1]) && i + 1 < n)
	{
		int			k = i + 1;

		while (k < n && is_particle(&toks[k]) &&
			   (is(&toks[k], NULL, "は") || is(&toks[k], NULL, "に") ||
				is(&toks[k], NULL, "も") || is(&toks[k], NULL, "で")))
			k++;
		if (k > i + 1 || (k < n && is_punct(&toks[k])))
		{
			*role = KR_TRIGGER;
			*skip = k - i - 1;
			return true;
		}
	}
	/* 〜ため、〜ために (reason or purpose) */
	if (strcmp(t->pos, "名詞") == 0 && strcmp(t->lemma, "ため") == 0 && i + 1 < n &&
		(is_punct(&toks[i + 1]) || is(&toks[i + 1], "助詞", "に")))
	{
		*role = KR_REASON;
		*skip = is_punct(&toks[i + 1]) ? 0 : 1;
		return true;
	}
	return false;
}

/* Does the token at i open a relative clause that modifies a noun? */
static bool
modifies_noun(const Tok *toks, int n, int i, int limit)
{
	int			k;

	/* from the particle at i, the next predicate and whether a noun follows */
	for (k = i + 1; k < limit; k++)
	{
		if (is_particle(&toks[k]) && (is(&toks[k], NULL, "は") || is(&toks[k], NULL, "が")))
			return false;		/* a new subject or topic first */
		if ((strcmp(toks[k].pos, "動詞") == 0 || strcmp(toks[k].pos, "形容詞") == 0) &&
			is_content(&toks[k]))
		{
			k++;
			/* 暗号化するなどの機能: など and の before the noun */
			while (k < limit && (strcmp(toks[k].pos, "助動詞") == 0 ||
								 (strcmp(toks[k].pos, "動詞") == 0 && !is_content(&toks[k])) ||
								 is(&toks[k], "助詞", "て") ||
								 is(&toks[k], "助詞", "など") || is(&toks[k], "助詞", "の")))
				k++;
			/* 利用金融機関が行うものとする: もの, こと only nominalise */
			return k < limit && is_noun(&toks[k]) && !is_punct(&toks[k]) &&
				strcmp(toks[k].pos1, "非自立") != 0;
		}
	}
	return false;
}

/* The agent a noun phrase's classes name. */
static KansaAgent
agent_of(int mask)
{
	if (mask & LX_OWNED)
		return KA_SELF;
	if ((mask & LX_SELF) && (mask & LX_CUSTOMER))
		return KA_SHARED;
	if (mask & LX_SELF)
		return KA_SELF;
	if (mask & LX_CUSTOMER)
		return KA_CUSTOMER;
	if (mask & (LX_THIRD | LX_BUILDING))
		return KA_THIRD;
	return KA_NONE;
}

/* What a particle makes of the noun phrase before it. */
typedef enum PhraseRole
{
	PHRASE_OTHER,
	PHRASE_DOER,				/* が, により/によって, にて, で */
	PHRASE_TOPIC				/* は, も, では, には */
} PhraseRole;

/*
 * The role the particle toks[k] gives the noun phrase before it, whose
 * agent is ag: the doer (が; に before よる/より; にて; で after the vendor
 * or the customer), a topic (は, も, では, には), or neither.
 */
static PhraseRole
phrase_role(const Tok *toks, int k, int head, KansaAgent ag)
{
	const Tok  *t = &toks[k];
	bool		next_is_yoru = k + 1 < head && (is(&toks[k + 1], "動詞", "よる") ||
											  is(&toks[k + 1], "助詞", "より"));

	if (is(t, NULL, "が") && strcmp(t->pos1, "格助詞") == 0)
		return PHRASE_DOER;
	if (is(t, NULL, "に") && next_is_yoru)
		return PHRASE_DOER;
	if (is(t, NULL, "にて"))
		return PHRASE_DOER;
	if (is(t, NULL, "で") && (ag == KA_SELF || ag == KA_CUSTOMER) &&
		!(k + 1 < head && is(&toks[k + 1], NULL, "は")))
		return PHRASE_DOER;
	if (is(t, NULL, "は") || is(t, NULL, "も") ||
		((is(t, NULL, "で") || is(t, NULL, "に")) && k + 1 < head &&
		 is(&toks[k + 1], NULL, "は")))
		return PHRASE_TOPIC;
	return PHRASE_OTHER;
}

/*
 * Is the place or thing before では/には at toks[k], back to the last
 * particle, narrowed by a limitation word or an adjective (地震リスクの高い
 * 地域の拠点では)?
 */
static bool
narrowed_topic(const Tok *toks, int a, int k)
{
	bool		limited = false;
	int			j;

	for (j = k - 1; j >= a; j--)
	{
		if (is_particle(&toks[j]) && !is(&toks[j], NULL, "の"))
			break;
		if (toks[j].mask & LX_LIMIT)
			limited = true;
		if (strcmp(toks[j].pos, "形容詞") == 0 && !is_negation(&toks[j]))
			limited = true;
	}
	return limited;
}

/* Note whether the vendor or the customer is named as a doer or a topic. */
static void
note_party(KansaAgent ag, bool *self_topic, bool *customer_topic)
{
	if (ag == KA_SELF)
		*self_topic = true;
	if (ag == KA_CUSTOMER)
		*customer_topic = true;
}

/*
 * Find the agent of the clause toks[a, head): the noun phrase marked as
 * the doer (が, により/によって, にて, で after the vendor or the customer)
 * nearest the predicate, else the topic (は, では, には); phrases inside a
 * relative clause (クラウド事業者が提供する管理画面) do not count.  Sets
 * *limited when the topic is a place or thing narrowed by a modifier
 * (地震リスクの高い地域の拠点では).
 */
static KansaAgent
find_agent(const Tok *toks, int a, int head, const char *s, char **agent_text,
		   bool *limited, bool *shared_topics, bool *is_topic)
{
	KansaAgent	doer = KA_NONE,
				topic = KA_NONE;
	int			np_start = -1;
	int			np_mask = 0;
	int			k;
	int			doer_s = -1,
				doer_e = -1,
				topic_s = -1,
				topic_e = -1;
	bool		self_topic = false,
				customer_topic = false;

	for (k = a; k < head; k++)
	{
		const Tok  *t = &toks[k];

		if (is_noun(t) && !is_punct(t))
		{
			if (np_start < 0)
			{
				np_start = k;
				np_mask = 0;
			}
			np_mask |= t->mask;
			continue;
		}
		/* AのB: one phrase */
		if (np_start >= 0 && is(t, "助詞", "の") && k + 1 < head && is_noun(&toks[k + 1]))
			continue;
		if (np_start >= 0 && is_particle(t))
		{
			KansaAgent	ag = agent_of(np_mask);
			PhraseRole	role = phrase_role(toks, k, head, ag);

			/* a は-topic is never inside a relative clause; が and により can be */
			if (role == PHRASE_DOER && modifies_noun(toks, head, k, head))
				role = PHRASE_OTHER;
			if (role == PHRASE_DOER && ag != KA_NONE)
			{
				note_party(ag, &self_topic, &customer_topic);
				doer = ag;
				doer_s = toks[np_start].start;
				doer_e = toks[k - 1].end;
			}
			else if (role == PHRASE_TOPIC && ag != KA_NONE && ag != KA_CUSTOMER)
			{
				topic = ag;
				topic_s = toks[np_start].start;
				topic_e = toks[k - 1].end;
				note_party(ag, &self_topic, &customer_topic);
			}
			if (role == PHRASE_TOPIC && (is(t, NULL, "で") || is(t, NULL, "に")) &&
				narrowed_topic(toks, a, k))
				*limited = true;
			np_start = -1;
			continue;
		}
		/* 当社、お客様が: a listing comma keeps the phrase's agent */
		if (np_start >= 0 && is_punct(t))
			note_party(agent_of(np_mask), &self_topic, &customer_topic);
		np_start = -1;
	}
	if (self_topic && customer_topic)
		*shared_topics = true;
	if (doer != KA_NONE)
	{
		*agent_text = pnstrdup(s + doer_s, doer_e - doer_s);
		return doer;
	}
	if (topic != KA_NONE)
	{
		*agent_text = pnstrdup(s + topic_s, topic_e - topic_s);
		*is_topic = true;
	}
	return topic;
}

/* Is the lemma a scope verb of the lexicon? */
static bool
is_scope_verb(const Lexicon *lx, const char *lemma)
{
	int			i;

	for (i = 0; i < lx->nscope_verbs; i++)
		if (strcmp(lx->scope_verbs[i], lemma) == 0)
			return true;
	return false;
}

/*
 * Is the predicate a plan?  A plan word at the predicate (導入を予定して
 * います, 検討中です, 対応予定) or a word of the future (今後, 将来) in the
 * clause; a plan named as a thing the vendor has (廃棄計画を策定しています)
 * is not one.
 */
static bool
plan_predicate(const Tok *toks, int a, int head, int b)
{
	static const char *const future[] = {"今後", "将来", "来期", "来年度", "年度内"};
	int			k;

	for (k = a; k < b; k++)
	{
		if (!(toks[k].mask & LX_PLAN))
			continue;
		if (lemma_in(&toks[k], future, lengthof(future)) || k >= head - 1)
			return true;
	}
	return false;
}

/* A noun that states a deed done in a terse note (暗号化済, KMS管理). */
static bool
done_noun(const Tok *t)
{
	static const char *const done[] = {"済", "済み", "完了", "実施", "対応", "導入",
		"設置", "取得", "有", "有り", "あり", "管理", "運用", "保管", "整備", "策定",
	"必須", "適用", "記録", "監視", "常駐"};

	return lemma_in(t, done, lengthof(done));
}

/*
 * Does a verb or an auxiliary follow the noun at head (past the nouns of
 * the same compound: 建築/物 です)?
 */
static bool
verb_follows(const Tok *toks, int head, int b)
{
	int			k = head + 1;

	while (k < b && (strcmp(toks[k].pos, "名詞") == 0 ||
					 is(&toks[k], "助詞", "のみ") || is(&toks[k], "助詞", "だけ")))
	{
		/* 冗長化, 暗号化済: a suffix that makes the noun a deed */
		if (done_noun(&toks[k]) ||
			(strcmp(toks[k].pos1, "接尾") == 0 &&
			 strcmp(feature(toks[k].t, 2), "サ変接続") == 0))
			return true;
		k++;
	}
	return k < b && (strcmp(toks[k].pos, "助動詞") == 0 ||
					 strcmp(toks[k].pos, "動詞") == 0);
}

/*
 * Does a limitation word at k follow a person (者のみ, 社員にのみ, 権限を
 * 付与された者に限定)?  Then it is the safeguard itself, not a gap in it.
 */
static bool
after_person(const Tok *toks, int a, int k)
{
	int			j;

	for (j = k - 1; j >= a && j >= k - 3; j--)
	{
		if (toks[j].mask & (LX_PERSON | LX_UNAUTH))
			return true;
		if (!is_particle(&toks[j]))
			return false;
	}
	return false;
}

/*
 * Is the limitation word at k an allowlist (許可されたプログラムのみ, 承認を
 * 得たものだけ, VPN経由のみ, レビューを受けたスクリプトでのみ)?  Letting
 * only vetted things through is the safeguard, not a gap in its scope.
 */
static bool
after_vetting(const Tok *toks, int a, int k)
{
	static const char *const vetting[] = {"許可", "承認", "認定", "認可", "登録",
		"経由", "レビュー", "審査", "検証", "問題", "必要", "指定", "所定", "正規",
	"暗号", "暗号化", "https", "HTTPS", "SSL", "TLS", "VPN"};
	int			j;

	for (j = k - 1; j >= a && j >= k - 8; j--)
	{
		if (lemma_in(&toks[j], vetting, lengthof(vetting)))
			return true;
		/* the allowlist is the phrase right before: stop at its start */
		if (is(&toks[j], "記号", NULL) || is(&toks[j], "助詞", "は"))
			return false;
	}
	return false;
}

/*
 * 〜の提供は行っていません, 〜の取扱いはありません: the activity itself made
 * the topic of a negated 行う/する/ある.  The doer goes unsaid because it is
 * the one answering.
 */
static bool
scope_noun_topic(const Lexicon *lx, const Tok *toks, int a, int head)
{
	int			k;

	for (k = a + 1; k < head; k++)
		if (is(&toks[k], "助詞", "は") && strcmp(toks[k - 1].pos, "名詞") == 0 &&
			is_scope_verb(lx, toks[k - 1].lemma))
			return true;
	return false;
}

/* Documents a vendor points to (法令, 規程, 契約書, SLA) and the item itself. */
static const char *const documents[] = {"法令", "関係法令", "法規", "関連法規", "法律",
	"条例", "基準", "安全対策基準", "規程", "規定", "規約", "利用規約", "契約書", "契約",
	"sla", "SLA", "ポリシー", "方針", "ガイドライン", "規格", "監督指針", "指針",
	"要求事項", "項目", "本項目", "当該項目", "本基準", "iso", "ISO", "fisc", "FISC",
"ISMS", "isms", "ホワイトペーパー", "約款", "取扱規程"};

static bool
has_lemma(const Tok *toks, int a, int b, const char *const *set, int n)
{
	int			k;

	for (k = a; k < b; k++)
		if (lemma_in(&toks[k], set, n))
			return true;
	return false;
}

/*
 * A duty word owned by the customer: 利用者の責任, お客様側の管理範囲,
 * 利用金融機関ご自身の責任 (not 責任者, not 当社の責任).
 */
static bool
customer_duty(const Tok *toks, int a, int b, const char *const *duty, int n)
{
	int			k,
				j;

	for (k = a; k < b; k++)
	{
		if (!lemma_in(&toks[k], duty, n))
			continue;
		if (k + 1 < b && strcmp(toks[k + 1].pos1, "接尾") == 0)
			continue;			/* 責任者 */
		for (j = k - 1; j >= a && j >= k - 4; j--)
		{
			if (toks[j].mask & LX_CUSTOMER)
				return true;
			if (!(is(&toks[j], "助詞", "の") || strcmp(toks[j].pos, "名詞") == 0 ||
				  toks[j].mask & LX_CUSTOMER || is(&toks[j], NULL, "自身") ||
				  is(&toks[j], NULL, "ご") || is(&toks[j], NULL, "各自") ||
				  is(&toks[j], NULL, "自ら")))
				break;
		}
	}
	return false;
}

/* Words of manner: 適切に, 厳重に */
static const char *const manner[] = {"適切", "適正", "厳重", "確実", "十分",
"必要", "適宜", "随時", "速やか", "的確"};

/*
 * Is there a content word in toks[a, b) besides the predicate's head (and
 * its noun before する) and words of manner (適切に, 厳重に)?
 */
static bool
has_other_content(const Tok *toks, int a, int b, int head)
{
	int			k;

	for (k = a; k < b; k++)
	{
		if (k == head || (k == head - 1 && strcmp(toks[k].pos, "名詞") == 0))
			continue;
		if (is_content(&toks[k]) && !lemma_in(&toks[k], manner, lengthof(manner)) &&
			!(strcmp(toks[k].pos, "動詞") == 0 && k > head))
			return true;
	}
	return false;
}

static bool
names_document(const Tok *toks, int a, int b)
{
	return has_lemma(toks, a, b, documents, lengthof(documents));
}

/* a safeguard word that is not itself a document (規程, 契約) */
static bool
real_safeguard(const Tok *toks, int a, int b)
{
	int			k;

	for (k = a; k < b; k++)
		if ((toks[k].mask & LX_SAFEGUARD) &&
			!lemma_in(&toks[k], documents, lengthof(documents)))
			return true;
	return false;
}

/*
 * The kinds of a negated clause that both languages read alike, in order: a
 * past event denied (浸水の被害を受けた事例はありません) → protective; an
 * inability about the unauthorised or a hazard, or with no safeguard named
 * (許可のない者は入室できません) → protective; a hazard denied with no
 * safeguard named (水を使う設備は置いていません) → protective; an asset denied
 * with no safeguard named (運搬車はありません) → scope statement.  False when
 * none applies.
 */
static bool
read_negation(KansaReadClause *c, int mask, bool potential)
{
	bool		safeguard = (mask & LX_SAFEGUARD) != 0;

	if (mask & LX_PAST)
	{
		c->kind = KK_PROTECT;
		c->rule = "past_event_denied";
	}
	else if (potential && ((mask & (LX_UNAUTH | LX_HAZARD | LX_PERSON)) || !safeguard))
	{
		c->kind = KK_PROTECT;
		c->rule = "inability_protects";
	}
	else if ((mask & (LX_HAZARD | LX_UNAUTH)) && !safeguard)
	{
		c->kind = KK_PROTECT;
		c->rule = "hazard_denied";
	}
	else if (!safeguard && (mask & LX_ASSET))
	{
		c->kind = KK_NA;
		c->rule = "scope_statement";
	}
	else
		return false;
	return true;
}

/* What reading one Japanese clause gathers on the way to its kind. */
typedef struct ClauseScan
{
	const Lexicon *lx;
	const Tok  *toks;
	int			a;				/* the clause is toks[a, b) */
	int			b;
	int			head;			/* its predicate's word */
	int			mask;			/* lexicon classes of its words */
	int			before;			/* ... of the words before the head */
	const char *pred;			/* the predicate's lemma */
	bool		neg;			/* the predicate is denied */
	bool		potential;		/* ... or said to be possible */
	bool		imperative;		/* 〜ください */
	bool		copula_only;	/* the head is a noun (…の会社です) */
	bool		limit;			/* a limitation (のみ, 一部の拠点では) */
} ClauseScan;

/*
 * The clause's head, its last content word (one inside brackets, …で確認,
 * only when there is none outside), and the lexicon classes of its words; a
 * not-applicable word that modifies a noun (不要なポート, 対象外のシステム)
 * is not the clause's verdict.
 */
static void
clause_head(ClauseScan *cs)
{
	const Tok  *toks = cs->toks;
	int			depth = 0;
	int			inner = -1;
	int			k;

	cs->head = -1;
	for (k = cs->a; k < cs->b; k++)
	{
		if (strcmp(toks[k].pos, "記号") == 0 && strcmp(toks[k].pos1, "括弧開") == 0)
			depth++;
		else if (strcmp(toks[k].pos, "記号") == 0 && strcmp(toks[k].pos1, "括弧閉") == 0)
			depth = Max(depth - 1, 0);
		else if (is_content(&toks[k]))
		{
			if (depth == 0)
				cs->head = k;
			else
				inner = k;
		}
		cs->mask |= toks[k].mask & ~LX_NA;
		if ((toks[k].mask & LX_NA) &&
			!(k + 1 < cs->b && (is(&toks[k + 1], "助詞", "の") ||
								(is(&toks[k + 1], "助動詞", "だ") &&
								 strcmp(toks[k + 1].t->surface, "な") == 0))))
			cs->mask |= LX_NA;
	}
	if (cs->head < 0)
		cs->head = inner;
}

/*
 * The predicate at the head: a verb of する takes the noun before it
 * (提供する), the verb before くださる is the one asked for (ご参照ください);
 * a negation after a noun (〜なし), the prefix 未 (未取得) or a negative noun
 * (不可) denies it, できる makes it a potential.
 */
static void
clause_predicate(ClauseScan *cs, KansaReadClause *c)
{
	const Tok  *toks = cs->toks;
	int			a = cs->a;
	int			head = cs->head;

	cs->pred = toks[head].lemma;
	if ((is(&toks[head], "動詞", "する") || is(&toks[head], "動詞", "できる") ||
		 is(&toks[head], "動詞", "為る") || is(&toks[head], "動詞", "出来る")) &&
		head > a && strcmp(toks[head - 1].pos, "名詞") == 0)
	{
		if (strcmp(toks[head].lemma, "できる") == 0 || strcmp(toks[head].lemma, "出来る") == 0)
			cs->potential = true;
		cs->pred = toks[head - 1].lemma;
	}
	else if (is(&toks[head], "動詞", "できる") || is(&toks[head], "動詞", "出来る"))
		cs->potential = true;
	/* 〜なし, 〜ない after a noun: the noun is what is denied */
	if (is_negation(&toks[head]) && head > a)
	{
		cs->neg = true;
		cs->pred = "ある";
	}
	/* 未取得, 未実装: the prefix 未 denies the deed */
	if (head > a && is(&toks[head - 1], "接頭詞", "未") &&
		strcmp(toks[head].pos, "名詞") == 0)
		cs->neg = true;
	if (is_negative_noun(&toks[head]))
	{
		cs->neg = true;
		if (strcmp(toks[head].lemma, "不可") == 0)
			cs->potential = true;
	}
	/* 〜してください, ご参照ください: the verb before くださる */
	if ((is(&toks[head], "動詞", "くださる") || is(&toks[head], "動詞", "下さる")) && head > a)
	{
		cs->imperative = true;
		cs->pred = toks[head - 1].lemma;
		if ((strcmp(cs->pred, "する") == 0 || strcmp(cs->pred, "て") == 0) && head > a + 1)
			cs->pred = toks[head - 2].lemma;
	}
	c->predicate = pstrdup(cs->pred);
	if (strcmp(toks[head].pos, "名詞") != 0)
		cs->copula_only = false;
}

/*
 * The words after the head: negations (each one turns the clause), a
 * potential (れる, できる, 〜にくい), an imperative (〜ください).  れる and
 * られる are passive as often as potential: a potential only with a negation.
 */
static void
clause_tail(ClauseScan *cs)
{
	int			k;

	for (k = cs->head + 1; k < cs->b; k++)
	{
		const Tok  *t = &cs->toks[k];

		if (is_negation(t))
			cs->neg = !cs->neg;
		else if (is(t, "動詞", "れる") || is(t, "動詞", "られる") ||
				 is(t, "動詞", "できる") || is(t, "動詞", "得る") ||
				 is(t, "動詞", "える"))
			cs->potential = true;
		else if (is(t, "動詞", "くださる") || is(t, "動詞", "下さる"))
			cs->imperative = true;
		else if (is(t, "形容詞", "にくい") || is(t, "形容詞", "づらい") ||
				 is(t, "形容詞", "難い"))
			cs->potential = cs->neg = true;
	}
	if (!cs->neg)
		cs->potential = false;
}

/*
 * Who acts in the clause: the agent find_agent() names, else the topic
 * carried from the clause before; the customer where its part is named as
 * such (〜は利用者の責任となります), both parties where each has a phrase
 * (〜は当社、〜はお客様。), a third party the vendor relies on; and whether
 * the clause asks the customer to act (〜してください, not ご参照ください).
 */
static void
clause_agent(ClauseScan *cs, KansaReadClause *c, const char *s,
			 const KansaReadClause *carried)
{
	const Tok  *toks = cs->toks;
	int			a = cs->a;
	int			b = cs->b;
	int			head = cs->head;
	bool		shared_topics = false;
	static const char *const relies[] = {"依存", "委ねる", "任せる", "依拠", "委託",
	"一任", "頼る"};
	static const char *const duty[] = {"責任", "責任範囲", "管理範囲", "責務",
	"範囲"};
	static const char *const request[] = {"いただく", "頂く", "たい", "願う",
	"ものとする"};
	static const char *const pointing[] = {"確認", "参照", "連絡", "問い合わせ",
	"問合せ", "覧", "ご覧", "相談"};
	Tok			p;

	c->agent = find_agent(toks, a, head, s, &c->agent_text, &cs->limit, &shared_topics,
						  &c->agent_is_topic);
	if (shared_topics)
		c->agent = KA_SHARED;
	/* 入居ビルは、停電時に…供給される構造です: the topic carries on */
	if (c->agent == KA_NONE && carried != NULL && carried->agent != KA_NONE)
	{
		c->agent = carried->agent;
		c->agent_text = carried->agent_text;
		c->agent_is_topic = true;
	}
	/*
	 * 〜は利用者の責任となります, 〜は利用者側の管理範囲です, 〜ご対応いただく:
	 * the customer's part named as such
	 */
	if ((cs->mask & LX_CUSTOMER) && c->agent != KA_THIRD &&
		(customer_duty(toks, a, b, duty, lengthof(duty)) ||
		 has_lemma(toks, a, b, request, lengthof(request))))
		c->agent = c->agent == KA_SHARED ? KA_SHARED : KA_CUSTOMER;
	/* 〜は当社、〜はお客様。: the last phrase names the other party */
	if (((toks[head].mask & LX_CUSTOMER) && (cs->before & LX_SELF)) ||
		((toks[head].mask & LX_SELF) && (cs->before & LX_CUSTOMER)))
		c->agent = KA_SHARED;
	/* 〜側の処分に依存しております: the vendor names who does it */
	if (!cs->neg && (cs->mask & (LX_THIRD | LX_BUILDING)) && !(cs->mask & LX_OWNED) &&
		pred_in(toks, head, cs->pred, relies, lengthof(relies)))
		c->agent = KA_THIRD;

	p = toks[head];
	p.lemma = cs->pred;
	c->customer_cue = cs->imperative && !lemma_in(&p, pointing, lengthof(pointing));
}

/*
 * The kind of a denied clause: the vendor keeping its hands off the
 * customer's data (閲覧しません) protects; so do the denials both languages
 * read alike (read_negation); a scope verb denied by the vendor, or its
 * activity as a topic, is a scope statement; else a safeguard (or a plan)
 * is missing.
 */
static void
clause_denied_kind(ClauseScan *cs, KansaReadClause *c)
{
	bool		safeguard = (cs->mask & LX_SAFEGUARD) != 0;
	static const char *const refrain[] = {"閲覧", "参照", "アクセス", "持ち出す",
	"持出", "取得", "収集", "二次利用", "目的外利用", "第三者提供", "売却",
	"譲渡", "開示"};

	if (c->agent == KA_SELF && (cs->mask & LX_CUSTOMER) && !(cs->mask & LX_PAST) &&
		pred_in(cs->toks, cs->head, cs->pred, refrain, lengthof(refrain)))
	{
		/* 当社はお客様データを閲覧しません: the vendor keeps its hands off */
		c->kind = KK_PROTECT;
		c->rule = "access_refrained";
	}
	else if (read_negation(c, cs->mask, cs->potential))
		return;
	else if (!safeguard && is_scope_verb(cs->lx, cs->pred) && !(cs->mask & LX_PLAN) &&
			 (c->agent == KA_SELF ||
			  (c->agent == KA_NONE && scope_noun_topic(cs->lx, cs->toks, cs->a, cs->head))))
	{
		c->kind = KK_NA;
		c->rule = "scope_statement";
	}
	else
	{
		c->kind = KK_NEG;
		c->rule = (cs->mask & LX_PLAN) ? "plan_denied" : "safeguard_missing";
	}
}

/*
 * The kind of the clause, from the first that applies: a not-applicable
 * word; a denial; a plan; a bare noun that states nothing; a claim of
 * compliance with a document that names nothing itself; a manner with
 * nothing named (適切に対応しています); who the vendor is (当社は…の会社
 * です); else an affirmation.
 */
static void
clause_kind(ClauseScan *cs, KansaReadClause *c)
{
	const Tok  *toks = cs->toks;
	int			a = cs->a;
	int			b = cs->b;
	int			head = cs->head;
	int			mask = cs->mask;
	static const char *const comply[] = {"遵守", "準拠", "踏まえる", "則る", "従う",
		"基づく", "沿う", "規定", "理解", "求める", "想定", "とおり", "通り"};
	static const char *const generic[] = {"取り扱う", "取扱う", "扱う", "対応", "実施",
	"運用", "管理", "行う", "処理", "対処", "措置"};

	if (mask & LX_NA)
	{
		c->kind = KK_NA;
		c->rule = "not_applicable_word";
	}
	else if (cs->neg)
		clause_denied_kind(cs, c);
	else if (plan_predicate(toks, a, head, b))
	{
		c->kind = KK_PLAN;
		c->rule = "plan";
	}
	else if (strcmp(toks[head].pos, "名詞") == 0 && !done_noun(&toks[head]) &&
			 !verb_follows(toks, head, b) &&
			 !(mask & (LX_SAFEGUARD | LX_HAZARD | LX_UNAUTH | LX_NA)) &&
			 c->agent != KA_CUSTOMER && c->agent != KA_SHARED)
	{
		/* a heading, a link, a bare name: nothing stated */
		c->kind = KK_NONE;
		c->rule = "no_predicate";
	}
	else if ((pred_in(toks, head, cs->pred, comply, lengthof(comply)) ||
			  (pred_in(toks, head, cs->pred, generic, lengthof(generic)) &&
			   has_lemma(toks, a, head, comply, lengthof(comply)))) &&
			 names_document(toks, a, b) && !real_safeguard(toks, a, b) &&
			 !(mask & (LX_ASSET | LX_HAZARD | LX_UNAUTH | LX_CUSTOMER)))
	{
		/*
		 * 関係法令を遵守しております, SLAに規定されています, 利用規約に従って
		 * 取り扱っております: says nothing itself
		 */
		c->kind = KK_BACKGROUND;
		c->rule = "compliance_claim";
	}
	else if (pred_in(toks, head, cs->pred, generic, lengthof(generic)) &&
			 !has_other_content(toks, a, b, head) && has_lemma(toks, a, head, manner, lengthof(manner)))
	{
		/*
		 * 適切に取り扱っております, 適切に対応しています: nothing named but the
		 * manner (a bare 実施しています still says the control is done)
		 */
		c->kind = KK_BACKGROUND;
		c->rule = "vague";
	}
	else if (cs->copula_only && !(mask & (LX_SAFEGUARD | LX_ASSET | LX_HAZARD)) &&
			 c->role == KR_MAIN && head + 1 < b &&
			 (is(&toks[head + 1], "助動詞", "です") || is(&toks[head + 1], "助動詞", "だ")) &&
			 (c->agent == KA_SELF || c->agent == KA_NONE) && c->agent_text != NULL)
	{
		/* 当社は…の会社です: who the vendor is, not what it does */
		c->kind = KK_BACKGROUND;
		c->rule = "background";
	}
	else
	{
		c->kind = KK_AFFIRM;
		c->rule = cs->limit ? "limited" : "affirmed";
	}
}

/*
 * Read the clause toks[a, b) into c: its head and predicate, whether it is
 * denied, who acts, whether it is limited, and so its kind.
 */
static void
read_clause(const Lexicon *lx, const Tok *toks, int a, int b, const char *s,
			KansaReadClause *c, const KansaReadClause *carried)
{
	ClauseScan	cs;
	int			k;

	memset(&cs, 0, sizeof(cs));
	cs.lx = lx;
	cs.toks = toks;
	cs.a = a;
	cs.b = b;
	cs.copula_only = true;
	clause_head(&cs);
	c->third_mentioned = (cs.mask & (LX_THIRD | LX_BUILDING)) != 0 && !(cs.mask & LX_OWNED);
	c->concrete = real_safeguard(toks, a, b) ||
		(cs.mask & (LX_ASSET | LX_HAZARD | LX_UNAUTH | LX_NA)) != 0;
	if (cs.head < 0)
	{
		c->kind = KK_NONE;
		c->rule = "no_predicate";
		return;
	}
	for (k = a; k < cs.head; k++)
		cs.before |= toks[k].mask;

	clause_predicate(&cs, c);
	clause_tail(&cs);
	clause_agent(&cs, c, s, carried);

	/* limitation words, except のみ/だけ/以外 after a person */
	for (k = a; k < b; k++)
	{
		if (!(toks[k].mask & LX_LIMIT))
			continue;
		if (after_person(toks, a, k) || after_vetting(toks, a, k))
			continue;
		cs.limit = true;
	}
	c->limited = cs.limit;

	clause_kind(&cs, c);
}

/*
 * A scope statement beside affirmations that name no safeguard, asset or
 * hazard (「全社員が本社で勤務しており、テレワークは行っていません」, "N/A - no
 * mobile devices used; desktop PCs only"): those affirmations describe the
 * service, they do not meet the control.
 */
static int
sentence_scope(KansaReadClause *cl, int ncl)
{
	int			i;
	bool		na = false;

	for (i = 0; i < ncl; i++)
		if (cl[i].kind == KK_NA)
			na = true;
	if (!na)
		return ncl;
	for (i = 0; i < ncl; i++)
		if (cl[i].kind == KK_AFFIRM && !cl[i].concrete &&
			(cl[i].agent == KA_NONE || cl[i].agent == KA_SELF))
		{
			cl[i].kind = KK_BACKGROUND;
			cl[i].rule = "beside_scope";
		}
	return ncl;
}

/*
 * English.  There is no morphological analyser for English in the project's
 * dependencies, and CAIQ-style answers are short: words are cut at
 * non-letters, clauses at ; : "but" "however" "instead" "although" and at a
 * comma after a leading "if/when/before/after" clause, and each clause is read
 * with the same lexicon classes and the same kinds as a Japanese clause.
 */
typedef struct
{
	int			start;			/* byte offsets in the sentence */
	int			end;
	char	   *w;				/* the word, lower case */
	int			mask;			/* lexicon classes of terms covering it */
} Word;

static bool
w_is(const Word *w, const char *s)
{
	return strcmp(w->w, s) == 0;
}

static bool
w_in(const Word *w, const char *const *set, int n)
{
	return str_in(w->w, set, n);
}

static bool
en_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		c == '\'' || c >= 0x80;
}

/* Cut s into words and the punctuation that cuts clauses (; : , ( )). */
static int
en_words(const char *s, const char *lower, int len, Word **out)
{
	Word	   *w = palloc(Max(len, 1) * sizeof(Word));
	int			n = 0;
	int			i = 0;

	while (i < len)
	{
		unsigned char c = (unsigned char) s[i];

		if (en_letter(c) || (c == '-' && i + 1 < len && en_letter((unsigned char) s[i + 1]) &&
							 n > 0 && w[n - 1].end == i))
		{
			int			j = i;

			while (j < len && (en_letter((unsigned char) s[j]) ||
							   (s[j] == '-' && j + 1 < len && en_letter((unsigned char) s[j + 1])) ||
							   (s[j] == '.' && j + 1 < len && s[j + 1] >= '0' && s[j + 1] <= '9')))
				j++;
			w[n].start = i;
			w[n].end = j;
			w[n].w = pnstrdup(lower + i, j - i);
			w[n].mask = 0;
			n++;
			i = j;
		}
		else if (c == ';' || c == ':' || c == ',' || c == '(' || c == ')' || c == '+')
		{
			w[n].start = i;
			w[n].end = i + 1;
			w[n].w = pnstrdup(lower + i, 1);
			w[n].mask = 0;
			n++;
			i++;
		}
		else
			i++;
	}
	*out = w;
	return n;
}

static const char *const en_neg[] = {"not", "no", "never", "none", "cannot", "can't",
	"don't", "doesn't", "isn't", "aren't", "won't", "wasn't", "weren't", "haven't",
"hasn't", "nobody", "nothing", "neither", "nor", "without"};
static const char *const en_plan[] = {"planned", "will", "scheduled",
	"roadmap", "target", "targeted", "drafting", "drafted", "preparing", "preparation",
	"considering", "evaluating", "upcoming", "pending", "q1", "q2", "q3", "q4", "1h",
"2h", "next"};
static const char *const en_self[] = {"we", "us", "our", "ours", "we're", "we've"};
static const char *const en_tool_prep[] = {"in", "via", "using", "with", "through", "on",
"from"};
static const char *const en_vetting[] = {"authorized", "authorised", "approved",
	"permitted", "allowed", "whitelisted", "allowlisted", "vpn", "https", "tls", "ssh",
	"signed", "vetted", "designated", "named", "registered", "staff", "employees",
"personnel"};
static const char *const en_pointer[] = {"accordance", "comply", "complies",
	"compliant", "compliance", "refer", "see", "according", "pursuant", "certified",
"certification", "requires", "require"};
static const char *const en_background[] = {"founded", "launched", "established",
"est", "serves", "headquartered", "employs", "company", "companies", "mainly"};
static const char *const en_months[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul",
	"aug", "sep", "sept", "oct", "nov", "dec", "january", "february", "march", "april",
	"june", "july", "august", "september", "october", "november", "december", "q1",
"q2", "q3", "q4", "1h", "2h", "h1", "h2", "end"};

/* A year (2026) or a fiscal year (fy2026, fy26): a date when it follows "by". */
static bool
en_year(const Word *w)
{
	const char *p = w->w;
	int			n = 0;

	if (strncmp(p, "fy", 2) == 0)
		p += 2;
	for (; *p; p++, n++)
		if (*p < '0' || *p > '9')
			return false;
	return n == 2 || (n == 4 && strncmp(p - 4, "20", 2) == 0);
}
static const char *const en_duty[] = {"responsibility", "responsible"};
static const char *const en_own_people[] = {"team", "teams", "engineers", "staff",
	"employees", "operations", "ops", "admins", "administrators", "developers", "sre",
"security", "personnel", "people", "on-call", "support", "it", "company"};
static const char *const en_det[] = {"the", "each", "every", "our", "their", "all"};
static const char *const en_objnoun[] = {"data", "database", "databases", "record",
	"records", "file", "files", "information", "content", "facing", "services",
"service", "environment", "environments", "traffic", "endpoints", "sites"};
static const char *const en_customer_roles[] = {"admins", "admin", "administrators",
"administrator", "owners", "owner", "side"};

/* What reading one English clause gathers from its words. */
typedef struct EnClauseScan
{
	int			mask;			/* lexicon classes of its words */
	int			content;		/* its words, not numbers or ids */
	bool		neg;
	bool		potential;
	bool		plan;
	bool		limited;
	bool		self;			/* the vendor acts: "we", "our team" */
	bool		third_agent;	/* a third party named, not as a tool */
	bool		third_tool;		/* "in AWS", "via the provider" */
	bool		customer;		/* the customer as the doer */
	bool		duty;			/* "responsibility", "responsible" */
	bool		without;
	bool		pointer;		/* "in accordance with", "see", "per policy" */
	bool		background;		/* "founded", "headquartered" */
	bool		by_third;		/* "by AWS" */
} EnClauseScan;

/*
 * Does word k of the clause w[a, b) state a plan: a plan word, a fiscal
 * year, "to be deployed", "being rolled out", or a date ahead ("by Mar
 * 2026", "effective April", "target: Q3")?
 */
static bool
en_plan_at(const Word *w, int b, int k)
{
	const Word *t = &w[k];

	if (w_in(t, en_plan, lengthof(en_plan)) || (t->mask & LX_PLAN) ||
		(strncmp(t->w, "fy", 2) == 0 && en_year(t)) ||
		(w_is(t, "to") && k + 1 < b && w_is(&w[k + 1], "be") && k + 2 < b &&
		 strlen(w[k + 2].w) > 2 && strcmp(w[k + 2].w + strlen(w[k + 2].w) - 2, "ed") == 0) ||
		(w_is(t, "being") && k + 1 < b && strlen(w[k + 1].w) > 2 &&
		 strcmp(w[k + 1].w + strlen(w[k + 1].w) - 2, "ed") == 0))
		return true;
	return (w_is(t, "by") || w_is(t, "effective") || w_is(t, "from") || w_is(t, "until") ||
			w_is(t, "target") || w_is(t, "in")) &&
		k + 1 < b && (w_in(&w[k + 1], en_months, lengthof(en_months)) ||
					  (en_year(&w[k + 1]) && !w_is(t, "in") && !w_is(t, "from"))) &&
		!(w_is(t, "in") && !(k + 2 < b && (w_in(&w[k + 2], en_months, lengthof(en_months)) ||
										   en_year(&w[k + 2]))));
}

/*
 * Does word k of the clause w[a, b) limit it ("some", "certain", a
 * limitation word of the lexicon)?  Not when it names an allowlist, which
 * is the safeguard ("only authorised staff", "VPN only").
 */
static bool
en_limits_at(const Word *w, int a, int b, int k)
{
	const Word *t = &w[k];
	bool		vetted;

	if (!((t->mask & LX_LIMIT) || w_is(t, "some") || w_is(t, "certain") ||
		  w_is(t, "selected") || w_is(t, "excluding")))
		return false;
	vetted = (k > a && w_in(&w[k - 1], en_vetting, lengthof(en_vetting))) ||
		(k + 1 < b && w_in(&w[k + 1], en_vetting, lengthof(en_vetting))) ||
		(k + 2 < b && w_in(&w[k + 2], en_vetting, lengthof(en_vetting)) &&
		 !w_in(&w[k + 1], en_neg, lengthof(en_neg))) ||
		(k + 3 < b && w_in(&w[k + 3], en_vetting, lengthof(en_vetting)) &&
		 (w_is(&w[k + 2], "an") || w_is(&w[k + 2], "a") || w_is(&w[k + 2], "the")));
	return !vetted;
}

/*
 * Is the customer word k of the clause w[a, b) the doer: "by the
 * customer", "customers label…", "customer admins", "the customer is
 * responsible"; not "customer data", "to customers"?
 */
static bool
en_customer_acts(const Word *w, int a, int b, int k)
{
	const Word *t = &w[k];

	return (k > a && w_is(&w[k - 1], "by")) ||
		(k > a + 1 && w_is(&w[k - 2], "by")) ||
		((k == a || (k == a + 1 && w_in(&w[a], en_det, lengthof(en_det)))) &&
		 !(k + 1 < b && w_in(&w[k + 1], en_objnoun, lengthof(en_objnoun)))) ||
		(k + 1 < b && w_in(&w[k + 1], en_customer_roles, lengthof(en_customer_roles))) ||
		(k + 1 < b && (w_is(&w[k + 1], "is") || w_is(&w[k + 1], "are")) && k + 2 < b &&
		 w_is(&w[k + 2], "responsible")) ||
		(k + 1 < b && w_is(&w[k + 1], "responsibility")) ||
		(strlen(t->w) > 2 && strcmp(t->w + strlen(t->w) - 2, "'s") == 0 && k + 1 < b &&
		 w_is(&w[k + 1], "responsibility"));
}

/* Note what word k of the clause w[a, b) says in cs. */
static void
en_scan_word(EnClauseScan *cs, const Word *w, int a, int b, int k)
{
	const Word *t = &w[k];

	cs->mask |= t->mask;
	/* a word, not a number or an id (JP-12345) */
	if (strpbrk(t->w, "abcdefghijklmnopqrstuvwxyz") != NULL &&
		strpbrk(t->w, "0123456789") == NULL)
		cs->content++;
	if (w_in(t, en_neg, lengthof(en_neg)) || (strlen(t->w) > 3 &&
											  strcmp(t->w + strlen(t->w) - 3, "n't") == 0))
	{
		if (w_is(t, "without"))
			cs->without = true;
		else
			cs->neg = true;
		if (w_is(t, "cannot") || w_is(t, "can't"))
			cs->potential = true;
	}
	if (w_is(t, "can") || w_is(t, "able") || w_is(t, "reachable") ||
		w_is(t, "accessible") || w_is(t, "exposed") || w_is(t, "possible"))
		cs->potential = true;
	if (en_plan_at(w, b, k))
		cs->plan = true;
	if (w_is(t, "described") && k > a && w_is(&w[k - 1], "as"))
		cs->pointer = true;
	if (en_limits_at(w, a, b, k))
		cs->limited = true;
	/* "by us", "we", "our team": the vendor acts; "our office" does not */
	if (w_in(t, en_self, lengthof(en_self)) &&
		(!w_is(t, "our") ||
		 (k + 1 < b && w_in(&w[k + 1], en_own_people, lengthof(en_own_people)))))
		cs->self = true;
	if ((t->mask & (LX_THIRD | LX_BUILDING)) && k > a &&
		(w_is(&w[k - 1], "by") || (k > a + 1 && w_is(&w[k - 2], "by"))))
		cs->by_third = true;
	if (w_is(t, "per") && k + 1 < b &&
		(w_is(&w[k + 1], "terms") || w_is(&w[k + 1], "policy") ||
		 w_is(&w[k + 1], "contract") || w_is(&w[k + 1], "agreement") ||
		 w_is(&w[k + 1], "our") || w_is(&w[k + 1], "the")))
		cs->pointer = true;
	if (t->mask & (LX_THIRD | LX_BUILDING))
	{
		if (k > a && w_in(&w[k - 1], en_tool_prep, lengthof(en_tool_prep)))
			cs->third_tool = true;
		else if (k > a + 1 && w_is(&w[k - 1], "the") &&
				 w_in(&w[k - 2], en_tool_prep, lengthof(en_tool_prep)))
			cs->third_tool = true;
		else
			cs->third_agent = true;
	}
	if ((t->mask & LX_CUSTOMER) && en_customer_acts(w, a, b, k))
		cs->customer = true;
	if (w_in(t, en_duty, lengthof(en_duty)))
		cs->duty = true;
	if (w_in(t, en_pointer, lengthof(en_pointer)))
		cs->pointer = true;
	if (w_in(t, en_background, lengthof(en_background)))
		cs->background = true;
}

/*
 * Who acts in an English clause: both parties, the customer (by duty or
 * alone), a third party, the vendor, else the agent carried from the clause
 * before.
 */
static KansaAgent
en_clause_agent(const EnClauseScan *cs, const KansaReadClause *carried)
{
	if (cs->customer && (cs->self || cs->third_agent) && !cs->duty)
		return KA_SHARED;
	if (cs->customer && (cs->duty || !cs->self))
		return KA_CUSTOMER;
	if (cs->by_third || (cs->third_agent && !cs->self))
		return KA_THIRD;
	if (cs->self)
		return KA_SELF;
	if (carried != NULL)
		return carried->agent;
	return KA_NONE;
}

/*
 * The kind of an English clause, from the first that applies: no
 * statement; a not-applicable word; a plan; a safeguard required ("no
 * login without MFA"); a denial; a pointer to a document; background about
 * the company; else an affirmation.
 */
static void
en_clause_kind(const EnClauseScan *cs, KansaReadClause *c)
{
	int			mask = cs->mask;

	if (cs->content == 0 ||
		(cs->content == 1 && !(mask & (LX_SAFEGUARD | LX_ASSET | LX_HAZARD | LX_UNAUTH | LX_NA |
									   LX_PLAN | LX_THIRD | LX_BUILDING | LX_CUSTOMER))))
	{
		/* nothing, or one word the lexicon does not know: no statement */
		c->kind = KK_NONE;
		c->rule = "no_predicate";
	}
	else if (mask & LX_NA)
	{
		c->kind = KK_NA;
		c->rule = "not_applicable_word";
	}
	else if (cs->plan)
	{
		c->kind = KK_PLAN;
		c->rule = "plan";
	}
	else if (cs->neg && cs->without && !cs->potential)
	{
		/* "no login without MFA": the safeguard is required */
		c->kind = KK_AFFIRM;
		c->rule = "required";
	}
	else if (cs->neg)
	{
		if (!read_negation(c, mask, cs->potential))
		{
			c->kind = KK_NEG;
			c->rule = "safeguard_missing";
		}
	}
	else if (cs->pointer && !(mask & (LX_SAFEGUARD | LX_ASSET | LX_HAZARD)))
	{
		c->kind = KK_BACKGROUND;
		c->rule = "compliance_claim";
	}
	else if (cs->background && !(mask & (LX_SAFEGUARD | LX_HAZARD)) && c->agent != KA_CUSTOMER)
	{
		c->kind = KK_BACKGROUND;
		c->rule = "background";
	}
	else
	{
		c->kind = KK_AFFIRM;
		c->rule = cs->limited ? "limited" : "affirmed";
	}
}

/* Read the English clause w[a, b) into c: what its words say, who acts, its kind. */
static void
read_clause_en(const Lexicon *lx, const Word *w, int a, int b, KansaReadClause *c,
			   const KansaReadClause *carried)
{
	EnClauseScan cs;
	int			k;

	memset(&cs, 0, sizeof(cs));
	for (k = a; k < b; k++)
		en_scan_word(&cs, w, a, b, k);
	c->limited = cs.limited;
	c->third_mentioned = cs.third_agent || cs.third_tool;
	c->concrete = (cs.mask & (LX_SAFEGUARD | LX_ASSET | LX_HAZARD | LX_UNAUTH | LX_NA)) != 0;
	c->predicate = NULL;
	c->agent = en_clause_agent(&cs, carried);
	c->customer_cue = c->agent == KA_CUSTOMER;
	en_clause_kind(&cs, c);
	(void) lx;
}

static const char *const en_concessive[] = {"although", "though", "while", "whilst"};
static const char *const en_but[] = {"but", "however", "instead", "yet", "otherwise"};
static const char *const en_trigger[] = {"if", "when", "whenever", "before", "after",
"upon", "once", "during"};

/* Read one English sentence into clauses (see above). */
static int
read_sentence_en(const Lexicon *lx, const char *s, int len, KansaReadClause **out)
{
	char	   *lower = kansa_ascii_lower(s, len);
	Word	   *w;
	int			nw = en_words(s, lower, len, &w);
	KansaMatch *m;
	int			nm;
	int			i;
	int			a = 0;
	int			ncl = 0;
	KansaReadClause *cl = palloc0(Max(nw, 1) * sizeof(KansaReadClause));
	KansaRole	role = KR_MAIN;
	const KansaReadClause *carried = NULL;

	/* lexicon terms covering whole words */
	nm = kansa_automaton_match(lx->automaton, lower, len, false, lx->nterms, &m, NULL, NULL);
	for (i = 0; i < nm; i++)
	{
		int			k;

		if ((m[i].start > 0 && en_letter((unsigned char) lower[m[i].start - 1])) ||
			(m[i].end < len && en_letter((unsigned char) lower[m[i].end])))
		{
			/* a plural or a possessive still counts: payments, AWS's */
			if (!(m[i].end < len && (lower[m[i].end] == 's' || lower[m[i].end] == '\'') &&
				  (m[i].end + 1 >= len || !en_letter((unsigned char) lower[m[i].end + 1]) ||
				   lower[m[i].end + 1] == 's')) ||
				(m[i].start > 0 && en_letter((unsigned char) lower[m[i].start - 1])))
				continue;
		}
		for (k = 0; k < nw; k++)
			if (w[k].start < m[i].end && w[k].end > m[i].start)
				w[k].mask |= lx->masks[m[i].pattern];
	}

	for (i = 0; i <= nw; i++)
	{
		bool		cut = false;
		KansaRole	next = KR_MAIN;
		int			b = i;

		CHECK_FOR_INTERRUPTS();
		if (i == nw)
			cut = true;
		else if (w_is(&w[i], ";"))
		{
			cut = true;
			b = i;
		}
		else if (w_in(&w[i], en_but, lengthof(en_but)) && i > a)
			cut = true;
		else if (w_in(&w[i], en_concessive, lengthof(en_concessive)) && i > a)
		{
			cut = true;
			next = KR_CONCESSIVE;
		}
		else if (w_is(&w[i], ",") && i > a && role == KR_TRIGGER)
			cut = true;
		else if (w_is(&w[i], ",") && i > a && i + 2 < nw && w_is(&w[i + 1], "and") &&
				 (w_in(&w[i + 2], en_self, lengthof(en_self)) || (w[i + 2].mask & LX_CUSTOMER) ||
				  w_in(&w[i + 2], en_det, lengthof(en_det))))
			cut = true;			/* "we back up…, and customers keep…" */
		if (!cut)
		{
			if (i == a && w_in(&w[i], en_trigger, lengthof(en_trigger)))
				role = KR_TRIGGER;
			if (i == a && w_in(&w[i], en_concessive, lengthof(en_concessive)))
				role = KR_CONCESSIVE;
			continue;
		}
		if (b > a)
		{
			KansaReadClause *c = &cl[ncl++];

			c->role = role;
			c->start = w[a].start;
			c->len = w[b - 1].end - w[a].start;
			read_clause_en(lx, w, a, b, c, carried);
			if (c->agent != KA_NONE)
				carried = c;
		}
		role = next;
		a = (i < nw && (w_is(&w[i], ";") || w_is(&w[i], ","))) ? i + 1 : i;
		if (a < nw && a == i + 1 && w_is(&w[i], ",") && w_is(&w[a], "and"))
			a++;
		if (i < nw && a == i && !w_in(&w[i], en_concessive, lengthof(en_concessive)))
			a = i + 1;			/* "but", "however" start the next clause */
	}
	*out = cl;
	return sentence_scope(cl, ncl);
}

/* A Japanese sentence as the reader sees it: its tokens and where they lie. */
typedef struct TokSentence
{
	const char *s;				/* the clean text, len bytes */
	int			len;
	char	   *lower;			/* s with ASCII in lower case */
	Tok		   *toks;
	int			nt;
	bool	   *tok_start;		/* per byte: a token starts here */
	bool	   *tok_end;		/* per byte: a token ends here */
} TokSentence;

/* Cut the sentence into tokens with MeCab: parts of speech, lemma, offsets. */
static void
tokenize_sentence(TokSentence *ts)
{
	KansaToken *kt;
	int			i;

	ts->nt = kansa_tokens(ts->s, ts->len, &kt);
	ts->toks = palloc0(Max(ts->nt, 1) * sizeof(Tok));
	ts->tok_start = palloc0(ts->len + 1);
	ts->tok_end = palloc0(ts->len + 1);
	for (i = 0; i < ts->nt; i++)
	{
		Tok		   *t = &ts->toks[i];
		bool		unidic = kt[i].nfields > 12;
		const char *lemma = feature(&kt[i], unidic ? 7 : 6);

		t->t = &kt[i];
		t->pos = feature(&kt[i], 0);
		t->pos1 = feature(&kt[i], 1);
		t->cform = feature(&kt[i], 5);
		t->lemma = lemma[0] ? lemma : kt[i].surface;
		t->start = kt[i].offset;
		t->end = kt[i].offset + strlen(kt[i].surface);
		if (t->end > ts->len)
			t->end = ts->len;
		ts->tok_start[t->start] = true;
		ts->tok_end[t->end] = true;
	}
	ts->lower = kansa_ascii_lower(ts->s, ts->len);
}

/*
 * Mark the tokens with lexicon classes: those of the terms that cover
 * whole tokens; the customer for the one addressed with 様 (信用金庫様,
 * 金融機関様); the vendor for the service's and the vendor's own names.
 */
static void
mark_token_classes(const Lexicon *lx, TokSentence *ts, const KansaReadContext *ctx)
{
	Tok		   *toks = ts->toks;
	int			nt = ts->nt;
	KansaMatch *m;
	int			nm;
	int			i,
				k;

	nm = kansa_automaton_match(lx->automaton, ts->lower, ts->len, false, lx->nterms,
							   &m, NULL, NULL);
	for (i = 0; i < nm; i++)
	{
		if (!ts->tok_start[m[i].start] || !ts->tok_end[m[i].end])
			continue;
		for (k = 0; k < nt; k++)
			if (toks[k].start >= m[i].start && toks[k].end <= m[i].end)
				toks[k].mask |= lx->masks[m[i].pattern];
	}
	for (i = 1; i < nt; i++)
	{
		if (!(is(&toks[i], "名詞", "様") && strcmp(toks[i].pos1, "接尾") == 0))
			continue;
		for (k = i; k >= 0 && strcmp(toks[k].pos, "名詞") == 0; k--)
			toks[k].mask |= LX_CUSTOMER;
	}
	if (ctx == NULL)
		return;
	for (i = 0; i < ctx->nself; i++)
	{
		const char *p = ts->lower;
		int			nl = strlen(ctx->self_names[i]);

		if (nl == 0)
			continue;
		while ((p = strstr(p, ctx->self_names[i])) != NULL)
		{
			int			st = p - ts->lower;

			for (k = 0; k < nt; k++)
				if (toks[k].start >= st && toks[k].end <= st + nl)
					toks[k].mask |= LX_SELF;
			p += nl;
		}
	}
}

/*
 * Cut the sentence into clauses, each read with read_clause(): at a
 * conjunction (one that opens a clause makes it a proviso when it says so:
 * ただし), where ends_clause() says a clause ends, and at a comma after a
 * verb's continuative form, ぬ or the particle て.  Returns the number of
 * clauses, in the palloc'd *out.
 */
static int
cut_clauses(const Lexicon *lx, const TokSentence *ts, KansaReadClause **out)
{
	const Tok  *toks = ts->toks;
	int			nt = ts->nt;
	KansaReadClause *cl = palloc0(Max(nt, 1) * sizeof(KansaReadClause));
	int			ncl = 0;
	int			a = 0;
	int			i;
	KansaRole	start_role = KR_MAIN;
	const KansaReadClause *carried = NULL;

	for (i = 0; i <= nt; i++)
	{
		KansaRole	end_role = KR_MAIN;
		int			skip = 0;
		int			b;
		bool		before = false;

		CHECK_FOR_INTERRUPTS();
		if (i < nt && strcmp(toks[i].pos, "接続詞") == 0 && !joins_nouns(&toks[i]))
		{
			if (i == a)
			{
				/* a clause opening with a conjunction */
				if (is_proviso(&toks[i]))
					start_role = KR_PROVISO;
				continue;
			}
			before = true;
		}
		else if (i < nt && !ends_clause(toks, nt, i, &end_role, &skip) &&
				 !(is_punct(&toks[i]) && i > a &&
				   (strcmp(toks[i].lemma, "、") == 0 || strcmp(toks[i].lemma, ",") == 0) &&
				   ((strcmp(toks[i - 1].pos, "動詞") == 0 &&
					 strncmp(toks[i - 1].cform, "連用", strlen("連用")) == 0) ||
					is(&toks[i - 1], "助動詞", "ぬ") ||
					(is(&toks[i - 1], "助詞", "て") && strcmp(toks[i - 1].pos1, "接続助詞") == 0))))
			continue;

		b = before ? i : Min(i + 1 + skip, nt);
		if (b > a)
		{
			KansaReadClause *c = &cl[ncl++];

			c->role = end_role != KR_MAIN ? end_role : start_role;
			c->start = toks[a].start;
			c->len = toks[b - 1].end - toks[a].start;
			read_clause(lx, toks, a, b, ts->s, c, carried);
			if (c->agent_is_topic && c->agent != KA_NONE)
				carried = c;
			/* a condition that narrows the scope, not a moment */
			if (c->role == KR_TRIGGER && c->limited)
				c->role = KR_SCOPE_CONDITION;
		}
		if (i >= nt)
			break;
		start_role = (before && is_proviso(&toks[i])) ? KR_PROVISO : KR_MAIN;
		if (before)
			a = i + 1;
		else
		{
			a = b;
			i = b - 1;
		}
	}
	*out = cl;
	return ncl;
}

/*
 * Read one sentence (len bytes of clean text) into clauses; returns their
 * number and a palloc'd array in *out.
 */
int
kansa_read_sentence(const char *s, int len, const KansaReadContext *ctx,
					KansaReadClause **out)
{
	const Lexicon *lx = get_lexicon();
	TokSentence ts;
	int			ncl;

	if (!kansa_has_japanese(s, len))
		return read_sentence_en(lx, s, len, out);

	memset(&ts, 0, sizeof(ts));
	ts.s = s;
	ts.len = len;
	tokenize_sentence(&ts);
	mark_token_classes(lx, &ts, ctx);
	ncl = cut_clauses(lx, &ts, out);
	return sentence_scope(*out, ncl);
}
