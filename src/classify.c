/*-------------------------------------------------------------------------
 *
 * classify.c
 *	  Read a vendor's free-text answer into a verdict (kansa.answer), with
 *	  the rule that decided, the words that triggered it and a confidence.
 *
 * The engine is deterministic and explainable.  The text is cleaned
 * (cleantext.c), cut into sentences, and sentences that say nothing about
 * the control are set aside: the sheet's boilerplate when the caller gives
 * it, restatements of the standard ("この基準では…が規定されています"), and
 * bare certification claims.  What remains is cut into clauses at
 * contrastive joints (が、 ものの ただし but ...), and each clause gets a
 * polarity from its predicate (…しています / …していません) and the cues it
 * holds: not-applicable statements, plans, exceptions, pointers elsewhere,
 * delegation to a cloud or building operator, the customer's part.  The
 * answer's status and responsibility follow from those clauses by the
 * precedence written in decide() below.
 *
 * Cues are written as they appear after cleaning: NFKC (so full-width
 * letters and brackets are ASCII) and, for matching, ASCII lower case.
 *
 * src/classify.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "answer.h"
#include "automaton.h"
#include "cleantext.h"
#include "control_id.h"
#include "normalize.h"
#include "reading.h"
#include "calibration.h"

/* What a cue says about the clause it is in. */
typedef enum
{
	CUE_NA,						/* the governed thing does not exist here */
	CUE_PLAN,					/* planned, under consideration */
	CUE_EXCEPT,					/* an exception or a scope cut */
	CUE_NEG,					/* the safeguard is not in place */
	CUE_AFFIRM,					/* the safeguard is in place */
	CUE_POINTER,				/* a pointer elsewhere, no content */
	CUE_CAPABLE,				/* "can be done": a capability, not a fact */
	CUE_INHERIT,				/* relies on a cloud/DC/building operator */
	CUE_CUSTOMER,				/* the customer's responsibility */
	CUE_PROVIDER,				/* the vendor names itself as the actor */
	CUE_CERT,					/* a certification claim */
	CUE_RESTATE,				/* a restatement of the standard */
	CUE_NEUTRAL,				/* words that look negative but are not */
	CUE_AUDIT,					/* an independent audit or review */
	N_CUE_KINDS
} CueKind;

typedef struct
{
	const char *text;
	CueKind		kind;
} Cue;

/*
 * The cue vocabulary.  Longer cues win over the shorter cues they contain
 * (see match_text), so "ていません" is a negation even though it holds no
 * affirmative ending, and "該当しません" is not-applicable, not a negation.
 */
static const Cue cues[] = {
	/* not applicable */
	{"対象外", CUE_NA},
	{"該当なし", CUE_NA},
	{"該当しません", CUE_NA},
	{"該当しない", CUE_NA},
	{"該当いたしません", CUE_NA},
	{"該当する業務はありません", CUE_NA},
	{"適用外", CUE_NA},
	{"適用されません", CUE_NA},
	{"一切行っていません", CUE_NA},
	{"一切行っておりません", CUE_NA},
	{"一切行いません", CUE_NA},
	{"運用・管理していません", CUE_NA},
	{"運用・管理しておりません", CUE_NA},
	{"保有していません", CUE_NA},
	{"保有しておりません", CUE_NA},
	{"所有していません", CUE_NA},
	{"所有しておりません", CUE_NA},
	{"存在しません", CUE_NA},
	{"取り扱っていません", CUE_NA},
	{"取り扱っておりません", CUE_NA},
	{"取扱いはありません", CUE_NA},
	{"利用していません", CUE_NA},
	{"利用しておりません", CUE_NA},
	{"使用していません", CUE_NA},
	{"使用しておりません", CUE_NA},
	{"の利用はありません", CUE_NA},
	{"の使用はありません", CUE_NA},
	{"の利用はございません", CUE_NA},
	{"not applicable", CUE_NA},
	{"n/a", CUE_NA},
	{"does not apply", CUE_NA},
	{"do not operate", CUE_NA},
	{"does not operate", CUE_NA},
	{"do not have any", CUE_NA},
	{"does not have any", CUE_NA},
	{"do not use any", CUE_NA},

	/* plans */
	{"予定です", CUE_PLAN},
	{"予定しています", CUE_PLAN},
	{"予定しております", CUE_PLAN},
	{"予定となっております", CUE_PLAN},
	{"予定である", CUE_PLAN},
	{"作成予定", CUE_PLAN},
	{"導入予定", CUE_PLAN},
	{"実施予定", CUE_PLAN},
	{"対応予定", CUE_PLAN},
	{"検討中", CUE_PLAN},
	{"検討しています", CUE_PLAN},
	{"検討しております", CUE_PLAN},
	{"検討を進めて", CUE_PLAN},
	{"準備中", CUE_PLAN},
	{"準備を進めて", CUE_PLAN},
	{"計画中", CUE_PLAN},
	{"計画しています", CUE_PLAN},
	{"計画しております", CUE_PLAN},
	{"今後対応", CUE_PLAN},
	{"今後実施", CUE_PLAN},
	{"今後導入", CUE_PLAN},
	{"対応中", CUE_PLAN},
	{"will be implemented", CUE_PLAN},
	{"is planned", CUE_PLAN},
	{"are planned", CUE_PLAN},
	{"we plan to", CUE_PLAN},
	{"in progress", CUE_PLAN},
	{"under consideration", CUE_PLAN},

	/* exceptions and scope cuts */
	{"ただし", CUE_EXCEPT},
	{"但し", CUE_EXCEPT},
	{"一部", CUE_EXCEPT},
	{"部分的", CUE_EXCEPT},
	{"この限りではありません", CUE_EXCEPT},
	{"この限りでは", CUE_EXCEPT},
	{"を除き", CUE_EXCEPT},
	{"原則として", CUE_EXCEPT},
	{"原則、", CUE_EXCEPT},
	{"を除いて", CUE_EXCEPT},
	{"のみ対応", CUE_EXCEPT},
	{"except", CUE_EXCEPT},
	{"partially", CUE_EXCEPT},
	{"partly", CUE_EXCEPT},
	{"limited to", CUE_EXCEPT},

	/* negations of a safeguard */
	{"ていません", CUE_NEG},
	{"ておりません", CUE_NEG},
	{"てはいません", CUE_NEG},
	{"ではありません", CUE_NEG},
	{"しません", CUE_NEG},
	{"いたしません", CUE_NEG},
	{"ございません", CUE_NEG},
	{"ありません", CUE_NEG},
	{"されません", CUE_NEG},
	{"できません", CUE_NEG},
	{"未実施", CUE_NEG},
	{"未対応", CUE_NEG},
	{"未整備", CUE_NEG},
	{"未導入", CUE_NEG},
	{"実施なし", CUE_NEG},
	{"はない", CUE_NEG},
	{"がない", CUE_NEG},
	{"ていない", CUE_NEG},
	{"しない", CUE_NEG},
	{"not ", CUE_NEG},
	{"n't ", CUE_NEG},
	{"no ", CUE_NEG},
	{"none", CUE_NEG},

	/* negative-looking words that state a safeguard working */
	{"ないよう", CUE_NEUTRAL},
	{"ないように", CUE_NEUTRAL},
	{"できないよう", CUE_NEUTRAL},
	{"させない", CUE_NEUTRAL},
	{"されないよう", CUE_NEUTRAL},
	{"ない場合", CUE_NEUTRAL},
	{"なされません", CUE_NEUTRAL},
	{"閲覧しません", CUE_NEUTRAL},
	{"参照しません", CUE_NEUTRAL},
	{"保存しません", CUE_NEUTRAL},
	{"保存されません", CUE_NEUTRAL},
	{"受け付けません", CUE_NEUTRAL},
	{"アクセスできません", CUE_NEUTRAL},
	{"閲覧できません", CUE_NEUTRAL},
	{"参照できません", CUE_NEUTRAL},
	{"利用できません", CUE_NEUTRAL},
	{"ことはありません", CUE_NEUTRAL},
	{"ことはございません", CUE_NEUTRAL},
	{"no longer", CUE_NEUTRAL},
	{"not be accessed", CUE_NEUTRAL},
	{"cannot be accessed", CUE_NEUTRAL},

	/* affirmative predicates */
	{"ています", CUE_AFFIRM},
	{"ております", CUE_AFFIRM},
	{"てあります", CUE_AFFIRM},
	{"ている", CUE_AFFIRM},
	{"ておる", CUE_AFFIRM},
	{"しています", CUE_AFFIRM},
	{"します", CUE_AFFIRM},
	{"いたします", CUE_AFFIRM},
	{"行います", CUE_AFFIRM},
	{"行う", CUE_AFFIRM},
	{"行っている", CUE_AFFIRM},
	{"実施済", CUE_AFFIRM},
	{"作成済", CUE_AFFIRM},
	{"導入済", CUE_AFFIRM},
	{"対応済", CUE_AFFIRM},
	{"しました", CUE_AFFIRM},
	{"されます", CUE_AFFIRM},
	{"なります", CUE_AFFIRM},
	{"あります", CUE_AFFIRM},
	{"がございます", CUE_AFFIRM},
	{"ございます", CUE_AFFIRM},
	{"です", CUE_AFFIRM},
	{"である", CUE_AFFIRM},
	{"頂けます", CUE_AFFIRM},
	{"いただけます", CUE_AFFIRM},
	{"させていただきます", CUE_AFFIRM},
	{"ております。", CUE_AFFIRM},
	{"we ", CUE_AFFIRM},
	{" is ", CUE_AFFIRM},
	{" are ", CUE_AFFIRM},
	{"yes", CUE_AFFIRM},
	{"in place", CUE_AFFIRM},
	{"implemented", CUE_AFFIRM},

	/* pointers elsewhere */
	{"に従って取り扱って", CUE_POINTER},
	{"に従い取り扱って", CUE_POINTER},
	{"にて定めております", CUE_POINTER},
	{"にて定めています", CUE_POINTER},
	{"に定めております", CUE_POINTER},
	{"に定めています", CUE_POINTER},
	{"に則って管理", CUE_POINTER},
	{"に則り管理", CUE_POINTER},
	{"をご参照ください", CUE_POINTER},
	{"をご確認ください", CUE_POINTER},
	{"ご参照下さい", CUE_POINTER},
	{"ご確認下さい", CUE_POINTER},
	{"規格に準拠しています", CUE_POINTER},
	{"規格に準拠しております", CUE_POINTER},
	{"please refer to", CUE_POINTER},
	{"see our", CUE_POINTER},

	/* capability rather than fact */
	{"することが可能です", CUE_CAPABLE},
	{"することができます", CUE_CAPABLE},

	/* delegation to a platform, data-centre or building operator */
	{"データセンター", CUE_INHERIT},
	{"データセンタ", CUE_INHERIT},
	{"クラウド事業者", CUE_INHERIT},
	{"クラウドサービス事業者", CUE_INHERIT},
	{"クラウドプロバイダ", CUE_INHERIT},
	{"クラウドサービスプロバイダ", CUE_INHERIT},
	{"クラウド環境", CUE_INHERIT},
	{"クラウドサービスコンポーネント", CUE_INHERIT},
	{"microsoft", CUE_INHERIT},
	{"azure", CUE_INHERIT},
	{"aws", CUE_INHERIT},
	{"amazon web services", CUE_INHERIT},
	{"google cloud", CUE_INHERIT},
	{"gcp", CUE_INHERIT},
	{"iaas", CUE_INHERIT},
	{"paas", CUE_INHERIT},
	{"オフィス運営会社", CUE_INHERIT},
	{"ビル管理", CUE_INHERIT},
	{"建物管理", CUE_INHERIT},
	{"入居するビル", CUE_INHERIT},
	{"入居しているビル", CUE_INHERIT},
	{"data center", CUE_INHERIT},
	{"datacenter", CUE_INHERIT},
	{"cloud provider", CUE_INHERIT},
	{"hosting provider", CUE_INHERIT},

	/* the customer's part */
	{"利用者側の責任", CUE_CUSTOMER},
	{"利用者の責任", CUE_CUSTOMER},
	{"お客様の責任", CUE_CUSTOMER},
	{"お客様側の責任", CUE_CUSTOMER},
	{"ご自身で", CUE_CUSTOMER},
	{"ご自身にて", CUE_CUSTOMER},
	{"利用者自身で", CUE_CUSTOMER},
	{"利用者自身が", CUE_CUSTOMER},
	{"お客様にて", CUE_CUSTOMER},
	{"利用者にて", CUE_CUSTOMER},
	{"お客様側で", CUE_CUSTOMER},
	{"利用者側で", CUE_CUSTOMER},
	{"利用者の管理範囲", CUE_CUSTOMER},
	{"お客様の管理範囲", CUE_CUSTOMER},
	{"お客様のセキュリティポリシーに基づいて", CUE_CUSTOMER},
	{"実施してください", CUE_CUSTOMER},
	{"管理してください", CUE_CUSTOMER},
	{"customer's responsibility", CUE_CUSTOMER},
	{"responsibility of the customer", CUE_CUSTOMER},
	{"customer is responsible", CUE_CUSTOMER},
	{"customers are responsible", CUE_CUSTOMER},

	/* the vendor as actor */
	{"弊社", CUE_PROVIDER},
	{"当社", CUE_PROVIDER},
	{"弊社所管", CUE_PROVIDER},

	/* an independent audit: substance, even beside a certification */
	{"審査を受け", CUE_AUDIT},
	{"監査を受け", CUE_AUDIT},
	{"外部監査", CUE_AUDIT},
	{"内部監査", CUE_AUDIT},
	{"independent audit", CUE_AUDIT},
	{"audited by", CUE_AUDIT},

	/* certification claims */
	{"認証を受けて", CUE_CERT},
	{"認証を取得", CUE_CERT},
	{"認証取得", CUE_CERT},
	{"認証登録", CUE_CERT},
	{"認定を取得", CUE_CERT},
	{"認定を受けて", CUE_CERT},
	{"に適合し", CUE_CERT},
	{"certified", CUE_CERT},
	{"certification", CUE_CERT},

	/* restatements of the standard */
	{"が規定されています", CUE_RESTATE},
	{"が規定されております", CUE_RESTATE},
	{"が求められています", CUE_RESTATE},
	{"が求められております", CUE_RESTATE},
	{"が要求されています", CUE_RESTATE},
};

/* Contrastive joints that end a clause (after cleaning). */
static const char *const clause_joints[] = {
	"ないが、", "ないが", "ますが、", "ますが", "ですが、", "ですが", "ものの",
	"けれども", "けれど", "一方、", "一方で", "、ただし", "。ただし",
	"; however", ", but ", " but ", " however"
};

/* A cue found in the text. */
typedef struct
{
	int			cue;			/* index into cues[] */
	int			pos;			/* byte offset in the clean text */
} CueHit;

/*
 * The most sentences of one answer the classifier reads: far more than any
 * answer cell holds, and a bound on the work and memory an 8 MiB text of
 * nothing but full stops could ask for.
 */
#define MAX_SENTENCES	10000

/* One clause with what was found in it. */
typedef struct
{
	int			start;			/* byte offsets into the clean text */
	int			len;
	int			nkind[N_CUE_KINDS];
	int			first[N_CUE_KINDS]; /* first hit of each kind, or -1 */
	int			firstlen[N_CUE_KINDS];
	int			polarity;		/* +1 affirmative, -1 negative, 0 neither */
	bool		shared;			/* the vendor and the customer both act */
	bool		concrete;		/* the reader found a safeguard, asset or hazard */
	bool		proviso;		/* ただし…, a clause that narrows another */
	const char *rule;			/* the structural reader's rule, or NULL */
} Clause;

/* The outcome, with its explanation. */
typedef struct
{
	int			verdict;
	float		confidence;
	const char *rule;
	StringInfoData cue;
	StringInfoData specific;
	StringInfoData reading;		/* the structural reading, clause by clause */
	char		kind[80];		/* the confidence class (calibration.h) */
} Verdict;

/*
 * Cue matching: one automaton over every cue and clause joint, built once
 * per backend, so that a text is scanned once whatever the size of the
 * vocabulary.
 */
static KansaAutomaton *automaton = NULL;

#define N_PATTERNS ((int) (lengthof(cues) + lengthof(clause_joints)))

/*
 * Find the cues and the clause joints in the lower-cased text.  Among cues
 * that overlap, the longest starting first wins, so "ていません" is a
 * negation although it holds no affirmative ending, and "該当しません" is
 * not-applicable, not a negation.  Joints are kept apart (their end
 * offsets, ascending).
 */
static void
match_text(const char *lower, int len, CueHit **hits, int *nhits,
		   int **joints, int *njoints)
{
	KansaMatch *m;
	int			n;
	int			i;

	if (automaton == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);
		const char **patterns = palloc(N_PATTERNS * sizeof(char *));

		for (i = 0; i < N_PATTERNS; i++)
			patterns[i] = i < (int) lengthof(cues) ? cues[i].text
				: clause_joints[i - lengthof(cues)];
		automaton = kansa_automaton_build(patterns, N_PATTERNS);
		pfree(patterns);
		MemoryContextSwitchTo(old);
	}
	n = kansa_automaton_match(automaton, lower, len, true, lengthof(cues),
							  &m, joints, njoints);
	*hits = palloc(Max(n, 1) * sizeof(CueHit));
	for (i = 0; i < n; i++)
	{
		(*hits)[i].cue = m[i].pattern;
		(*hits)[i].pos = m[i].start;
	}
	*nhits = n;
	pfree(m);
}

/* Does the sentence say nothing about the control, on its own terms? */
static bool
sentence_is_generic(const Clause *cl, int nclauses)
{
	int			k;
	int			restate = 0,
				cert = 0,
				substance = 0;

	for (k = 0; k < nclauses; k++)
	{
		restate += cl[k].nkind[CUE_RESTATE];
		cert += cl[k].nkind[CUE_CERT];
		substance += cl[k].nkind[CUE_NA] + cl[k].nkind[CUE_PLAN] +
			cl[k].nkind[CUE_NEG] + cl[k].nkind[CUE_EXCEPT] +
			cl[k].nkind[CUE_INHERIT] + cl[k].nkind[CUE_CUSTOMER] +
			cl[k].nkind[CUE_AUDIT];
	}
	if (restate > 0)
		return true;
	return cert > 0 && substance == 0;
}

/* Is the whole of [s, s+len) one of the boilerplate sentences? */
static bool
is_boilerplate(const char *s, int len, char **bp, int nbp)
{
	int			i;

	for (i = 0; i < nbp; i++)
		if ((int) strlen(bp[i]) == len && memcmp(bp[i], s, len) == 0)
			return true;
	return false;
}

/* Append a quoted cue to the explanation. */
static void
note_cue(Verdict *v, const char *text, int pos, int len)
{
	if (v->cue.len > 0)
		appendStringInfoString(&v->cue, "; ");
	appendBinaryStringInfo(&v->cue, text + pos, len);
}

/*
 * The confidence of a verdict: the share of labelled answers of the same
 * kind that the classifier read right (calibration.h, made from
 * data/calibration.tsv by scripts/calibrate).  The kind is the language
 * read, the rule that decided, the responsibility, how many clauses counted
 * and whether they name a safeguard, asset or hazard; a kind with too few
 * labelled answers falls back to its rule and responsibility, then to its
 * rule, then to a fixed guess below the line of 0.9.
 */
static float
calibrated(Verdict *v, const char *text, const Clause *cl, int ncl, int resp,
		   int conflicts)
{
	bool		ja = kansa_has_japanese(text, strlen(text)),
				concrete = false;
	int			k;
	int			level;
	static const char *const resp_names[] = {"none", "provider", "inherited",
	"shared", "customer"};
	char		key[lengthof(v->kind)];

	for (k = 0; k < ncl; k++)
		if (cl[k].concrete)
			concrete = true;
	Assert(resp >= 0 && resp < (int) lengthof(resp_names));
	snprintf(v->kind, sizeof(v->kind), "%s:%s/%s/%d/%s%s", ja ? "ja" : "en", v->rule,
			 resp_names[resp], Min(ncl, 3), concrete ? "c" : "v",
			 conflicts > 0 ? "/x" : "");
	for (level = 0; level < 3; level++)
	{
		int			lo = 0,
					hi = lengthof(calibration) - 1;

		if (level == 0)
			strlcpy(key, v->kind, sizeof(key));
		else if (level == 1)
			snprintf(key, sizeof(key), "%s:%s/%s", ja ? "ja" : "en", v->rule,
					 resp_names[resp]);
		else
			snprintf(key, sizeof(key), "%s:%s", ja ? "ja" : "en", v->rule);
		/* calibration[] is sorted by key (strcmp order) */
		while (lo <= hi)
		{
			int			mid = (lo + hi) / 2;
			int			c = strcmp(calibration[mid].kind, key);

			if (c == 0)
				return calibration[mid].confidence;
			if (c < 0)
				lo = mid + 1;
			else
				hi = mid - 1;
		}
	}
	/* a kind never measured: below the line an analyst trusts */
	if (strcmp(v->rule, "no_cue") == 0)
		return 0.3f;
	if (conflicts > 0)
		return 0.55f;
	return 0.7f;
}

/* The specific clauses counted by what they say, for decide(). */
typedef struct ClauseTally
{
	int			na;
	int			plan;
	int			neg;
	int			provisos;		/* negations in a proviso (ただし…) */
	int			pointer;
	int			capable;
	int			affirm;
	int			provider_affirm;	/* affirmations with no customer cue */
	int			except;
	int			inherit;
	int			customer;
	int			shared;
} ClauseTally;

/*
 * Count the clauses: each by the first of not-applicable, plan, negation,
 * pointer, capability and affirmation it says, and beside that by its
 * exceptions, delegation and customer cues, and whether both parties act.
 */
static void
tally_clauses(ClauseTally *t, const Clause *cl, int ncl)
{
	int			k;

	memset(t, 0, sizeof(*t));
	for (k = 0; k < ncl; k++)
	{
		const Clause *c = &cl[k];

		if (c->nkind[CUE_NA])
			t->na++;
		else if (c->nkind[CUE_PLAN])
			t->plan++;
		else if (c->polarity < 0)
		{
			t->neg++;
			if (c->proviso)
				t->provisos++;
		}
		else if (c->nkind[CUE_POINTER])
			t->pointer++;
		else if (c->nkind[CUE_CAPABLE])
			t->capable++;
		else if (c->polarity > 0)
		{
			t->affirm++;
			if (!c->nkind[CUE_CUSTOMER])
				t->provider_affirm++;
		}
		if (c->nkind[CUE_EXCEPT])
			t->except++;
		if (c->nkind[CUE_INHERIT])
			t->inherit++;
		if (c->nkind[CUE_CUSTOMER])
			t->customer++;
		if (c->shared)
			t->shared++;
	}
}

/*
 * The status of the counted clauses, by the precedence decide() tells, with
 * its rule in v, the kind of cue that explains it in *whykind, and in
 * *conflicts the clauses that say otherwise.
 */
static int
tally_status(const ClauseTally *t, Verdict *v, CueKind *whykind, int *conflicts)
{
	if (t->na > 0 && t->affirm == 0)
	{
		v->rule = "not_applicable";
		*whykind = CUE_NA;
		*conflicts = t->neg + t->plan;
		return KANSA_NOT_APPLICABLE;
	}
	if (t->plan > 0 && t->affirm == 0)
	{
		v->rule = "planned";
		*whykind = CUE_PLAN;
		*conflicts = t->na;
		return KANSA_PLANNED;
	}
	if (t->neg > 0 && t->affirm == 0 && t->neg == t->provisos)
	{
		/*
		 * only an exception (ただし一部の拠点では未配布です), as a remarks
		 * column holds beside a ○: the rest is in place
		 */
		v->rule = "exception_only";
		*whykind = CUE_NEG;
		return KANSA_PARTIAL;
	}
	if (t->neg > 0 && t->affirm == 0)
	{
		v->rule = "negated";
		*whykind = CUE_NEG;
		*conflicts = t->na + t->plan;
		return KANSA_NOT_IMPLEMENTED;
	}
	if (t->neg > 0)
	{
		v->rule = "negated_beside_affirmed";
		*whykind = CUE_NEG;
		return KANSA_PARTIAL;
	}
	if (t->except > 0 && t->affirm > 0)
	{
		v->rule = "exception";
		*whykind = CUE_EXCEPT;
		return KANSA_PARTIAL;
	}
	if (t->affirm > 0)
	{
		v->rule = "affirmed";
		*whykind = CUE_AFFIRM;
		*conflicts = t->na + t->plan;
		return KANSA_IMPLEMENTED;
	}
	if (t->pointer > 0)
	{
		v->rule = "pointer_only";
		*whykind = CUE_POINTER;
		return KANSA_UNCLEAR;
	}
	if (t->capable > 0)
	{
		v->rule = "capability_only";
		*whykind = CUE_CAPABLE;
		return KANSA_UNCLEAR;
	}
	v->rule = "no_cue";
	return KANSA_UNCLEAR;
}

/*
 * The explanation of the status: the first cue of the kind that decided,
 * or, where a clause of the structural reader decided, that clause and its
 * rule (concession for a denial beside an affirmation); then the first
 * customer or delegation cue.
 */
static void
explain_status(Verdict *v, const char *text, const Clause *cl, int ncl,
			   const ClauseTally *t, int status, CueKind whykind)
{
	const Clause *why = NULL;
	int			k;

	for (k = 0; k < ncl && why == NULL; k++)
		if (cl[k].first[whykind] >= 0)
			why = &cl[k];
	if (why != NULL)
		note_cue(v, text, why->first[whykind], why->firstlen[whykind]);
	for (k = 0; k < ncl; k++)
	{
		const Clause *c = &cl[k];
		bool		decisive;

		if (c->rule == NULL)
			continue;
		decisive = (status == KANSA_NOT_APPLICABLE && c->nkind[CUE_NA]) ||
			(status == KANSA_PLANNED && c->nkind[CUE_PLAN]) ||
			((status == KANSA_NOT_IMPLEMENTED || status == KANSA_PARTIAL) && c->polarity < 0) ||
			(status == KANSA_PARTIAL && c->nkind[CUE_EXCEPT]) ||
			(status == KANSA_IMPLEMENTED && c->polarity > 0);
		if (decisive)
		{
			if (status == KANSA_PARTIAL && t->neg > 0 && t->affirm > 0)
				v->rule = "concession";
			else if (strcmp(v->rule, "exception_only") != 0)
				v->rule = c->rule;
			/* the clause the reader judged, not a cue word inside it */
			resetStringInfo(&v->cue);
			note_cue(v, text, c->start, c->len);
			break;
		}
	}
	if (t->inherit > 0 || t->customer > 0)
	{
		for (k = 0; k < ncl; k++)
		{
			if (cl[k].first[CUE_CUSTOMER] >= 0)
				note_cue(v, text, cl[k].first[CUE_CUSTOMER], cl[k].firstlen[CUE_CUSTOMER]);
			else if (cl[k].first[CUE_INHERIT] >= 0)
				note_cue(v, text, cl[k].first[CUE_INHERIT], cl[k].firstlen[CUE_INHERIT]);
			else
				continue;
			break;
		}
	}
}

/*
 * The responsibility of a status: shared when both parties act (or the
 * customer beside the vendor), the customer's, inherited from a delegate,
 * else the provider's; none for not applicable.
 */
static int
tally_responsibility(const ClauseTally *t, int status)
{
	if (status == KANSA_NOT_APPLICABLE || status == KANSA_UNANSWERED)
		return KANSA_RESP_NONE;
	if (t->shared > 0 || (t->customer > 0 && t->provider_affirm > 0))
		return KANSA_RESP_SHARED;
	if (t->customer > 0)
		return KANSA_RESP_CUSTOMER;
	if (t->inherit > 0)
		return KANSA_RESP_INHERITED;
	return KANSA_RESP_PROVIDER;
}

/*
 * Decide the verdict from the specific clauses.  Precedence:
 *  1. nothing specific left: unclear (boilerplate or certification only);
 *  2. a not-applicable statement and nothing affirmed: not_applicable;
 *  3. a plan and nothing else affirmed: planned;
 *  4. a negated safeguard: not_implemented, or partial beside an
 *	   affirmed one;
 *  5. an exception beside an affirmed safeguard: partial;
 *  6. an affirmed safeguard: implemented;
 *  7. only pointers, capabilities or nothing recognisable: unclear.
 * Responsibility: customer cues with a vendor clause make it shared,
 * customer cues alone customer; delegation cues make it inherited.
 */
static void
decide(Verdict *v, const char *text, Clause *cl, int ncl)
{
	ClauseTally t;
	int			status;
	int			resp;
	int			conflicts = 0;
	CueKind		whykind = CUE_AFFIRM;

	tally_clauses(&t, cl, ncl);
	if (ncl == 0)
	{
		v->verdict = KANSA_ANSWER(KANSA_UNCLEAR, KANSA_RESP_PROVIDER);
		v->rule = "boilerplate_only";
		v->confidence = calibrated(v, text, cl, 0, KANSA_RESP_PROVIDER, 0);
		return;
	}
	status = tally_status(&t, v, &whykind, &conflicts);
	explain_status(v, text, cl, ncl, &t, status, whykind);
	resp = tally_responsibility(&t, status);
	v->verdict = KANSA_ANSWER(status, resp);
	v->confidence = calibrated(v, text, cl, ncl, resp, conflicts);
}

/* Build one clause of [start, end) of the clean text from the text's hits. */
static void
scan_clause(Clause *c, const CueHit *hits, int nhits, int start, int end)
{
	int			h;
	int			last_pred = -1;

	memset(c, 0, sizeof(Clause));
	c->start = start;
	c->len = end - start;
	for (h = 0; h < N_CUE_KINDS; h++)
		c->first[h] = -1;
	for (h = 0; h < nhits; h++)
	{
		CueKind		k;

		if (hits[h].pos < start)
			continue;
		if (hits[h].pos >= end)
			break;
		k = cues[hits[h].cue].kind;
		c->nkind[k]++;
		if (c->first[k] < 0)
		{
			c->first[k] = hits[h].pos;
			c->firstlen[k] = strlen(cues[hits[h].cue].text);
		}
		if (k == CUE_AFFIRM || k == CUE_NEG || k == CUE_NEUTRAL)
			last_pred = k;
	}
	/* the predicate that ends the clause decides its polarity */
	c->polarity = last_pred == CUE_NEG ? -1 : last_pred >= 0 ? 1 : 0;
	/* "the customer is responsible / please do X": states who does it */
	if (c->polarity == 0 && c->nkind[CUE_CUSTOMER] > 0)
		c->polarity = 1;
}

/*
 * Where does the clause that starts at pos end, within [pos, end)?  After
 * the first contrastive joint that ends inside it, or at end.
 */
static int
clause_end(const int *joints, int njoints, int pos, int end)
{
	int			j;

	for (j = 0; j < njoints; j++)
		if (joints[j] > pos && joints[j] < end)
			return joints[j];
	return end;
}

/*
 * Read a Japanese sentence [start, start + len) of the clean text with the
 * structural reader (reading.c) and append its clauses to *clauses: the
 * clauses that state something about the control, each with what the
 * reader found (kind, agent, limitation) in place of the cue words'
 * reading; pointers, capabilities and the customer's part still come from
 * the cues.  Triggers, reasons and background clauses do not count; a
 * condition on scope limits the clause after it.  The reading is written
 * to v->reading for classify_explain.
 */
static void
read_structurally(Verdict *v, const char *text, int start, int len,
				  const CueHit *hits, int nhits, const KansaReadContext *ctx,
				  Clause **clauses, int *ncl, int *maxcl)
{
	KansaReadClause *rc;
	int			n = kansa_read_sentence(text + start, len, ctx, &rc);
	int			i;
	bool		narrowed = false;

	for (i = 0; i < n; i++)
	{
		KansaReadClause *r = &rc[i];
		Clause	   *c;
		bool		counts;

		counts = r->kind != KK_NONE && r->kind != KK_BACKGROUND &&
			(r->role == KR_MAIN || r->role == KR_CONCESSIVE || r->role == KR_PROVISO ||
			 r->kind == KK_NA);
		if (v->reading.len > 0)
			appendStringInfoChar(&v->reading, '\n');
		appendStringInfo(&v->reading, "[%s] %.*s | %s%s%s | agent %s%s%s%s | %s | %s",
						 kansa_role_name(r->role), r->len, text + start + r->start,
						 kansa_kind_name(r->kind),
						 r->predicate ? " " : "", r->predicate ? r->predicate : "",
						 kansa_agent_name(r->agent),
						 r->agent_text ? " (" : "", r->agent_text ? r->agent_text : "",
						 r->agent_text ? ")" : "",
						 r->rule, counts ? "counted" : "not counted");
		if (r->role == KR_SCOPE_CONDITION)
			narrowed = true;
		if (!counts)
			continue;
		if (*ncl == *maxcl)
		{
			*maxcl *= 2;
			*clauses = repalloc(*clauses, *maxcl * sizeof(Clause));
		}
		c = &(*clauses)[(*ncl)++];
		scan_clause(c, hits, nhits, start + r->start, start + r->start + r->len);
		c->rule = r->rule;
		c->nkind[CUE_NA] = r->kind == KK_NA;
		c->nkind[CUE_PLAN] = r->kind == KK_PLAN;
		c->nkind[CUE_NEG] = r->kind == KK_NEG;
		c->nkind[CUE_AFFIRM] = r->kind == KK_AFFIRM || r->kind == KK_PROTECT;
		c->polarity = r->kind == KK_NEG ? -1 :
			(r->kind == KK_AFFIRM || r->kind == KK_PROTECT) ? 1 : 0;
		c->nkind[CUE_EXCEPT] = (r->limited || narrowed) && r->kind == KK_AFFIRM;
		c->nkind[CUE_INHERIT] = r->agent == KA_THIRD ||
			(r->agent == KA_NONE && r->third_mentioned);
		c->nkind[CUE_CUSTOMER] = c->nkind[CUE_CUSTOMER] || r->agent == KA_CUSTOMER ||
			r->customer_cue;
		c->shared = r->agent == KA_SHARED;
		c->concrete = r->concrete;
		c->proviso = r->role == KR_PROVISO;
		c->first[CUE_NA] = c->first[CUE_PLAN] = c->first[CUE_NEG] = -1;
		c->first[CUE_EXCEPT] = c->first[CUE_INHERIT] = -1;
		if (c->polarity == 0 && c->nkind[CUE_CUSTOMER] > 0)
			c->polarity = 1;
		narrowed = false;
	}
}

/* Placeholders that mean the cell was left empty. */
static const char *const placeholders[] = {
	"未記入", "未回答", "記入なし", "回答なし", "tbd", "tba", "?", "-?"
};


/*
 * An answer that opens with a word of the answer vocabulary and goes on
 * ("No. The console keeps sessions open…", "N/A – we own no laptops",
 * "Yes, every laptop…", "Planned: …"): the answer the word stands for, or
 * -1.  The separator is a full stop, comma, colon or
 * dash (or 。、) within the first 24 bytes.
 */
static int
leading_mark(const char *text, int tlen)
{
	int			i;

	for (i = 1; i < Min(tlen, 24); i++)
	{
		bool		sep = text[i] == '.' || text[i] == ',' || text[i] == ':' ||
			text[i] == ';' || (text[i] == ' ' && i + 1 < tlen && text[i + 1] == '-') ||
			strncmp(text + i, "\xe3\x80\x82", 3) == 0 ||	/* 。 */
			strncmp(text + i, "\xe3\x80\x81", 3) == 0 ||	/* 、 */
			strncmp(text + i, " \xe2\x80\x93", 4) == 0 ||	/* en dash */
			strncmp(text + i, " \xe2\x80\x94", 4) == 0;	/* em dash */

		if (!sep)
			continue;
		/* a full stop inside a word (N.B., 4.1) separates nothing */
		if (i + 1 < tlen && text[i] == '.' && text[i + 1] != ' ' &&
			text[i + 1] != '\0')
			continue;
		return kansa_answer_parse(text, i, false);
	}
	return -1;
}

/*
 * The answer word an answer opens with decides where the reading of what
 * follows went the other way: "No. X exists, but no Y" is not_implemented
 * (the reader saw a concession), "N/A. We use no paper at any stage"
 * not_applicable (the reader saw a missing safeguard), "Planned: …"
 * planned.  A reading that refines the word stands: "No. … planned for
 * H2 2025" is planned, "No. The service has no card-payment function" not
 * applicable, and a Yes never overrides the reading ("Yes, for employees;
 * contractors are not screened" is partial).
 */
static void
apply_leading_mark(Verdict *v, int lead)
{
	int			ls = KANSA_ANSWER_STATUS(lead);
	int			vs = KANSA_ANSWER_STATUS(v->verdict);
	int			resp = KANSA_ANSWER_RESP(v->verdict);
	bool		over;

	switch (ls)
	{
		case KANSA_NOT_IMPLEMENTED:
			over = vs == KANSA_IMPLEMENTED || vs == KANSA_PARTIAL || vs == KANSA_UNCLEAR;
			break;
		case KANSA_NOT_APPLICABLE:
			over = vs == KANSA_NOT_IMPLEMENTED || vs == KANSA_PARTIAL ||
				vs == KANSA_UNCLEAR || vs == KANSA_PLANNED;
			break;
		case KANSA_PLANNED:
			over = vs != KANSA_PLANNED && vs != KANSA_NOT_APPLICABLE;
			break;
		case KANSA_PARTIAL:
			over = vs == KANSA_IMPLEMENTED || vs == KANSA_UNCLEAR;
			break;
		default:
			over = false;
	}
	if (!over)
		return;
	if (ls == KANSA_NOT_APPLICABLE)
		resp = KANSA_RESP_NONE;
	else if (resp == KANSA_RESP_NONE)
		resp = KANSA_RESP_PROVIDER;
	v->verdict = KANSA_ANSWER(ls, resp);
	v->rule = "leading_mark";
	v->confidence = Min(v->confidence, 0.85f);
	strlcpy(v->kind, "leading_mark", sizeof(v->kind));
}

/*
 * Classify len bytes of answer text, judging only what is not in the nbp
 * boilerplate sentences bp (clean text, as boilerplate() returns them).
 */
static void
classify_text(const char *str, size_t len, char **bp, int nbp,
			  const KansaReadContext *ctx, Verdict *v)
{
	char	   *text;
	char	   *lower;
	int			tlen;
	int		   *starts;
	int		   *lens;
	int			nsent;
	int			s;
	Clause	   *clauses;
	int			ncl = 0;
	int			maxcl;
	int			mark;
	int			lead;
	int			i;
	CueHit	   *hits;
	int			nhits;
	int		   *joints;
	int			njoints;

	initStringInfo(&v->cue);
	initStringInfo(&v->specific);
	initStringInfo(&v->reading);
	v->confidence = 1.0f;
	v->kind[0] = '\0';

	text = kansa_clean_text(str, len);
	tlen = strlen(text);
	lower = kansa_ascii_lower(text, tlen);

	if (tlen == 0)
	{
		v->verdict = KANSA_ANSWER(KANSA_UNANSWERED, KANSA_RESP_NONE);
		v->rule = "empty";
		return;
	}
	for (i = 0; i < (int) lengthof(placeholders); i++)
	{
		if (strcmp(lower, placeholders[i]) == 0)
		{
			v->verdict = KANSA_ANSWER(KANSA_UNANSWERED, KANSA_RESP_NONE);
			v->rule = "placeholder";
			appendStringInfoString(&v->cue, text);
			return;
		}
	}
	/* a cell holding only a mark or a word of the answer vocabulary */
	if (tlen <= 64 && (mark = kansa_answer_parse(text, tlen, false)) >= 0)
	{
		v->verdict = mark;
		v->rule = "mark";
		appendStringInfoString(&v->cue, text);
		appendStringInfoString(&v->specific, text);
		v->confidence = 0.99f;
		return;
	}

	lead = leading_mark(text, tlen);

	match_text(lower, tlen, &hits, &nhits, &joints, &njoints);
	nsent = kansa_split_sentences(text, tlen, &starts, &lens);
	/* an answer is judged on its first MAX_SENTENCES sentences */
	nsent = Min(nsent, MAX_SENTENCES);
	maxcl = 64;
	clauses = palloc(maxcl * sizeof(Clause));
	for (s = 0; s < nsent; s++)
	{
		int			first = ncl;
		int			pos = starts[s];
		int			end = starts[s] + lens[s];

		CHECK_FOR_INTERRUPTS();
		if (nbp > 0 && is_boilerplate(text + starts[s], lens[s], bp, nbp))
			continue;
		while (pos < end)
		{
			int			ce = clause_end(joints, njoints, pos, end);

			if (ncl == maxcl)
			{
				maxcl *= 2;
				clauses = repalloc(clauses, maxcl * sizeof(Clause));
			}
			scan_clause(&clauses[ncl++], hits, nhits, pos, ce);
			pos = ce;
		}
		if (sentence_is_generic(&clauses[first], ncl - first))
		{
			ncl = first;
			continue;
		}
		/* Japanese with MeCab, English word by word (reading.c) */
		ncl = first;
		read_structurally(v, text, starts[s], lens[s], hits, nhits, ctx,
						  &clauses, &ncl, &maxcl);
		if (v->specific.len > 0)
			appendStringInfoChar(&v->specific, ' ');
		appendBinaryStringInfo(&v->specific, text + starts[s], lens[s]);
	}
	decide(v, text, clauses, ncl);
	if (lead >= 0)
		apply_leading_mark(v, lead);
}

/* Read an optional text[] argument of boilerplate sentences. */
static int
get_boilerplate(FunctionCallInfo fcinfo, int argno, char ***bp)
{
	ArrayType  *arr;
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	int			i;
	int			m = 0;

	*bp = NULL;
	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
		return 0;
	arr = PG_GETARG_ARRAYTYPE_P(argno);
	deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	*bp = palloc(Max(n, 1) * sizeof(char *));
	for (i = 0; i < n; i++)
	{
		text	   *t;

		if (nulls[i])
			continue;
		t = DatumGetTextPP(elems[i]);
		/* boilerplate is compared with clean sentences: clean it alike */
		(*bp)[m++] = kansa_clean_text(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
	}
	return m;
}

/* A string of the classify context, or an error naming the key. */
static char *
context_string(JsonbValue *v, const char *key)
{
	if (v->type != jbvString)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("classify context key \"%s\" must be a string", key)));
	return pnstrdup(v->val.string.val, v->val.string.len);
}

/*
 * Read the classify context (a jsonb object): service and vendor (their
 * names: a sentence about them is about the vendor), framework and control
 * (a control_id as text; a FISC facilities control marks the answer as
 * about facilities), boilerplate (an array of strings).  Any other key is
 * an error, so that a misspelt key does not go unnoticed.
 */
static void
get_context(Jsonb *jb, KansaReadContext *ctx, char ***bp, int *nbp)
{
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	char	   *key = NULL;
	char	   *framework = NULL;
	char	   *control = NULL;

	memset(ctx, 0, sizeof(KansaReadContext));
	ctx->self_names = palloc(2 * sizeof(char *));
	*bp = NULL;
	*nbp = 0;
	if (!JB_ROOT_IS_OBJECT(jb) || JB_ROOT_IS_SCALAR(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("classify context must be a JSON object")));
	it = JsonbIteratorInit(&jb->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (tok == WJB_KEY)
		{
			key = pnstrdup(v.val.string.val, v.val.string.len);
			continue;
		}
		if (tok != WJB_VALUE || key == NULL)
			continue;
		if (v.type == jbvNull)
			continue;
		if (strcmp(key, "service") == 0 || strcmp(key, "vendor") == 0)
		{
			char	   *name = context_string(&v, key);
			char	   *clean = kansa_clean_text(name, strlen(name));

			if (clean[0] != '\0')
				ctx->self_names[ctx->nself++] = kansa_ascii_lower(clean, strlen(clean));
		}
		else if (strcmp(key, "framework") == 0)
			framework = context_string(&v, key);
		else if (strcmp(key, "control") == 0)
		{
			control = context_string(&v, key);
			(void) control_id_from_string(control, strlen(control), true);
		}
		else if (strcmp(key, "boilerplate") == 0)
		{
			JsonbIterator *ai;
			JsonbValue	e;
			JsonbIteratorToken at;
			int			cap = 8;

			if (v.type != jbvBinary || !JsonContainerIsArray(v.val.binary.data))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("classify context key \"boilerplate\" must be an array of strings")));
			*bp = palloc(cap * sizeof(char *));
			ai = JsonbIteratorInit(v.val.binary.data);
			while ((at = JsonbIteratorNext(&ai, &e, true)) != WJB_DONE)
			{
				if (at != WJB_ELEM || e.type == jbvNull)
					continue;
				if (e.type != jbvString)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("classify context key \"boilerplate\" must be an array of strings")));
				if (*nbp == cap)
				{
					cap *= 2;
					*bp = repalloc(*bp, cap * sizeof(char *));
				}
				(*bp)[(*nbp)++] = kansa_clean_text(e.val.string.val, e.val.string.len);
			}
		}
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown classify context key \"%s\"", key),
					 errhint("The keys are service, vendor, framework, control and boilerplate.")));
	}
	/* FISC's facilities standards (設備基準) */
	if (control != NULL)
	{
		char	   *c = kansa_clean_text(control, strlen(control));

		ctx->facilities = strncmp(c, "fisc", 4) == 0 && strstr(c, ":設") != NULL;
	}
	else if (framework != NULL)
		ctx->facilities = false;
}

/*
 * The optional second argument: boilerplate (text[]) or a context (jsonb).
 * Returns the context, or NULL when there is none.
 */
static KansaReadContext *
get_second_arg(FunctionCallInfo fcinfo, char ***bp, int *nbp)
{
	KansaReadContext *ctx;

	*bp = NULL;
	*nbp = 0;
	if (PG_NARGS() < 2 || PG_ARGISNULL(1))
		return NULL;
	if (get_fn_expr_argtype(fcinfo->flinfo, 1) != JSONBOID)
	{
		*nbp = get_boilerplate(fcinfo, 1, bp);
		return NULL;
	}
	ctx = palloc(sizeof(KansaReadContext));
	get_context(PG_GETARG_JSONB_P(1), ctx, bp, nbp);
	return ctx;
}

PG_FUNCTION_INFO_V1(kansa_classify);

/* classify(text [, boilerplate text[]]) returns answer */
Datum
kansa_classify(PG_FUNCTION_ARGS)
{
	text	   *t;
	char	  **bp;
	int			nbp;
	KansaReadContext *ctx;
	Verdict		v;

	if (PG_ARGISNULL(0))
		PG_RETURN_INT16(KANSA_ANSWER(KANSA_UNANSWERED, KANSA_RESP_NONE));
	t = PG_GETARG_TEXT_PP(0);
	ctx = get_second_arg(fcinfo, &bp, &nbp);
	classify_text(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), bp, nbp, ctx, &v);
	PG_RETURN_INT16((int16) v.verdict);
}

/*
 * classify_explain()'s memo of the texts a call site has read.  An import
 * reads a sheet's rows in one statement, and many rows share a text
 * (merged cells, lists, ranges, the same stock answer): each distinct text
 * is read once per statement, the other rows get a copy of its result.
 * The memo lives in the call site's fn_extra (the statement's lifetime),
 * keyed on the text; it also keeps the second argument (boilerplate or
 * context) parsed, and starts afresh when that argument changes.  Results
 * are the same with or without it: classify_explain is STABLE.  It holds
 * at most CLASSIFY_MEMO_MAX texts and CLASSIFY_MEMO_BYTES of memory, then
 * starts again.
 */
#define CLASSIFY_MEMO_MAX	4096	/* texts kept before the memo starts again */
#define CLASSIFY_MEMO_BYTES (8 * 1024 * 1024)	/* or this much memory */

typedef struct
{
	const char *s;
	Size		len;
} MemoKey;

typedef struct
{
	MemoKey		key;			/* the text, copied into the memo */
	HeapTuple	result;
} MemoEntry;

typedef struct
{
	MemoryContext argcxt;		/* the second argument, parsed */
	MemoryContext rescxt;		/* the texts and their results */
	bool		valid;			/* argument parsed (an error leaves it not) */
	bool		hasarg;
	Oid			argtype;
	char	   *arg;			/* its bytes, to know it again */
	Size		arglen;
	KansaReadContext *ctx;
	char	  **bp;
	int			nbp;
	HTAB	   *results;
	long		nresults;
} ClassifyMemo;

static uint32
memo_hash(const void *key, Size keysize)
{
	const MemoKey *k = key;

	return hash_bytes((const unsigned char *) k->s, (int) k->len);
}

static int
memo_match(const void *a, const void *b, Size keysize)
{
	const MemoKey *x = a;
	const MemoKey *y = b;

	return !(x->len == y->len && memcmp(x->s, y->s, x->len) == 0);
}

static void
memo_start_results(ClassifyMemo *m)
{
	HASHCTL		hctl;

	MemoryContextReset(m->rescxt);
	hctl.keysize = sizeof(MemoKey);
	hctl.entrysize = sizeof(MemoEntry);
	hctl.hash = memo_hash;
	hctl.match = memo_match;
	hctl.hcxt = m->rescxt;
	/* small at first: a call site whose argument changes at every call */
	m->results = hash_create("kansa classify memo", 16, &hctl,
							 HASH_ELEM | HASH_FUNCTION | HASH_COMPARE | HASH_CONTEXT);
	m->nresults = 0;
}

/*
 * The call site's memo, its second argument parsed: made on the first
 * call, started afresh when the argument is not the one it was made with.
 */
static ClassifyMemo *
classify_memo(FunctionCallInfo fcinfo)
{
	ClassifyMemo *m = (ClassifyMemo *) fcinfo->flinfo->fn_extra;
	bool		hasarg = PG_NARGS() >= 2 && !PG_ARGISNULL(1);
	struct varlena *arg = NULL;
	const char *bytes = NULL;
	Size		len = 0;
	Oid			argtype = InvalidOid;
	MemoryContext old;

	if (m == NULL)
	{
		m = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(ClassifyMemo));
		m->argcxt = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt, "kansa classify memo argument",
										  ALLOCSET_SMALL_SIZES);
		m->rescxt = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt, "kansa classify memo",
										  ALLOCSET_DEFAULT_SIZES);
		fcinfo->flinfo->fn_extra = m;
	}
	if (hasarg)
	{
		arg = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(1));
		bytes = VARDATA_ANY(arg);
		len = VARSIZE_ANY_EXHDR(arg);
		argtype = get_fn_expr_argtype(fcinfo->flinfo, 1);
	}
	if (m->valid && m->hasarg == hasarg && m->argtype == argtype &&
		m->arglen == len && (len == 0 || memcmp(m->arg, bytes, len) == 0))
		return m;

	m->valid = false;
	MemoryContextReset(m->argcxt);
	old = MemoryContextSwitchTo(m->argcxt);
	m->hasarg = hasarg;
	m->argtype = argtype;
	m->arglen = len;
	m->arg = palloc(Max(len, 1));
	if (len > 0)
		memcpy(m->arg, bytes, len);
	m->ctx = get_second_arg(fcinfo, &m->bp, &m->nbp);
	MemoryContextSwitchTo(old);
	memo_start_results(m);
	m->valid = true;
	return m;
}

/* classify_explain()'s row of a reading */
static HeapTuple
explain_tuple(TupleDesc tupdesc, const Verdict *v)
{
	Datum		values[7];
	bool		nulls[7] = {false, false, false, false, false, false, false};

	values[0] = Int16GetDatum((int16) v->verdict);
	values[1] = Float4GetDatum(v->confidence);
	values[2] = CStringGetTextDatum(v->rule);
	values[3] = CStringGetTextDatum(v->cue.data);
	values[4] = CStringGetTextDatum(v->specific.data);
	values[5] = CStringGetTextDatum(v->reading.data);
	/* a mark, an empty cell: the rule is the class */
	values[6] = CStringGetTextDatum(v->kind[0] ? v->kind : v->rule);
	nulls[3] = (v->cue.len == 0);
	nulls[5] = (v->reading.len == 0);
	return heap_form_tuple(tupdesc, values, nulls);
}

PG_FUNCTION_INFO_V1(kansa_classify_explain);

/*
 * classify_explain(text [, boilerplate text[] | context jsonb]) returns
 * (verdict answer, confidence real, rule text, cue text, specific_text
 * text, reading text, confidence_class text); a text the call site has
 * read before in the statement is answered from its memo.
 */
Datum
kansa_classify_explain(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	Verdict		v;
	ClassifyMemo *m;
	text	   *t;
	MemoKey		key;
	MemoEntry  *e;
	HeapTuple	tuple;
	MemoryContext old;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	/* a record datum must carry a registered type: it may be stored (a CTE) */
	tupdesc = BlessTupleDesc(tupdesc);
	if (PG_ARGISNULL(0))
	{
		initStringInfo(&v.cue);
		initStringInfo(&v.specific);
		initStringInfo(&v.reading);
		v.verdict = KANSA_ANSWER(KANSA_UNANSWERED, KANSA_RESP_NONE);
		v.confidence = 1.0f;
		v.rule = "empty";
		v.kind[0] = '\0';
		PG_RETURN_DATUM(HeapTupleGetDatum(explain_tuple(tupdesc, &v)));
	}

	m = classify_memo(fcinfo);
	t = PG_GETARG_TEXT_PP(0);
	key.s = VARDATA_ANY(t);
	key.len = VARSIZE_ANY_EXHDR(t);
	e = hash_search(m->results, &key, HASH_FIND, NULL);
	if (e != NULL)
		PG_RETURN_DATUM(heap_copy_tuple_as_datum(e->result, tupdesc));

	classify_text(key.s, key.len, m->bp, m->nbp, m->ctx, &v);
	tuple = explain_tuple(tupdesc, &v);

	/* kept for the rows to come: the text and the result, in the memo */
	if (m->nresults >= CLASSIFY_MEMO_MAX ||
		MemoryContextMemAllocated(m->rescxt, false) > CLASSIFY_MEMO_BYTES)
		memo_start_results(m);
	old = MemoryContextSwitchTo(m->rescxt);
	{
		char	   *copy = palloc(Max(key.len, 1));
		HeapTuple	kept = heap_copytuple(tuple);
		bool		found;

		memcpy(copy, key.s, key.len);
		key.s = copy;
		e = hash_search(m->results, &key, HASH_ENTER, &found);
		e->result = kept;
		m->nresults++;
	}
	MemoryContextSwitchTo(old);
	PG_RETURN_DATUM(HeapTupleGetDatum(tuple));
}

/* A sentence and the answer it came from, for boilerplate counting. */
typedef struct
{
	char	   *s;
	int			answer;
} SentenceRef;

static int
sentence_ref_cmp(const void *a, const void *b)
{
	const SentenceRef *x = a;
	const SentenceRef *y = b;
	int			c = strcmp(x->s, y->s);

	if (c != 0)
		return c;
	return x->answer - y->answer;
}

typedef struct
{
	char	   *s;
	int			count;
} SentenceCount;

static int
sentence_count_cmp(const void *a, const void *b)
{
	const SentenceCount *x = a;
	const SentenceCount *y = b;

	if (x->count != y->count)
		return y->count - x->count;
	return strcmp(x->s, y->s);
}

/* Shortest sentence, in characters, that may count as boilerplate. */
#define BOILERPLATE_MIN_CHARS 12

PG_FUNCTION_INFO_V1(kansa_boilerplate);

/*
 * boilerplate(texts text[], min_share float8, min_answers int) returns
 * text[]: the clean sentences found in at least min_share of the non-empty
 * answers (and in two at least), when there are at least min_answers of
 * them; most frequent first.  A sentence that is itself a verdict ("対象外",
 * "実施しています。") or shorter than BOILERPLATE_MIN_CHARS characters is
 * never boilerplate: repeating a verdict is answering.
 */
Datum
kansa_boilerplate(PG_FUNCTION_ARGS)
{
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(0);
	double		min_share = PG_GETARG_FLOAT8(1);
	int32		min_answers = PG_GETARG_INT32(2);
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	int			i;
	int			nanswers = 0;
	SentenceRef *refs;
	int			nrefs = 0;
	int			maxrefs = 64;
	SentenceCount *counts;
	int			ncounts = 0;
	Datum	   *out;
	int			threshold;

	if (min_share < 0 || min_share > 1 || isnan(min_share))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("min_share must be between 0 and 1")));
	deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	refs = palloc(maxrefs * sizeof(SentenceRef));
	for (i = 0; i < n; i++)
	{
		text	   *t;
		char	   *clean;
		int		   *starts;
		int		   *lens;
		int			ns;
		int			k;

		CHECK_FOR_INTERRUPTS();
		if (nulls[i])
			continue;
		t = DatumGetTextPP(elems[i]);
		clean = kansa_clean_text(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
		if (clean[0] == '\0')
			continue;
		nanswers++;
		ns = kansa_split_sentences(clean, strlen(clean), &starts, &lens);
		for (k = 0; k < ns; k++)
		{
			char	   *sent = pnstrdup(clean + starts[k], lens[k]);

			if (pg_mbstrlen(sent) < BOILERPLATE_MIN_CHARS ||
				kansa_answer_parse(sent, lens[k], false) >= 0)
				continue;
			if (nrefs == maxrefs)
			{
				maxrefs *= 2;
				refs = repalloc(refs, maxrefs * sizeof(SentenceRef));
			}
			refs[nrefs].s = sent;
			refs[nrefs].answer = nanswers;
			nrefs++;
		}
	}

	threshold = (int) ceil(min_share * nanswers);
	if (threshold < 2)
		threshold = 2;
	counts = palloc(Max(nrefs, 1) * sizeof(SentenceCount));
	if (nanswers >= min_answers && nrefs > 0)
	{
		qsort(refs, nrefs, sizeof(SentenceRef), sentence_ref_cmp);
		for (i = 0; i < nrefs;)
		{
			int			j = i;
			int			distinct = 0;
			int			last = -1;

			for (; j < nrefs && strcmp(refs[j].s, refs[i].s) == 0; j++)
			{
				if (refs[j].answer != last)
					distinct++;
				last = refs[j].answer;
			}
			if (distinct >= threshold)
			{
				counts[ncounts].s = refs[i].s;
				counts[ncounts].count = distinct;
				ncounts++;
			}
			i = j;
		}
		qsort(counts, ncounts, sizeof(SentenceCount), sentence_count_cmp);
	}
	out = palloc(Max(ncounts, 1) * sizeof(Datum));
	for (i = 0; i < ncounts; i++)
		out[i] = CStringGetTextDatum(counts[i].s);
	PG_RETURN_ARRAYTYPE_P(construct_array(out, ncounts, TEXTOID, -1, false,
										  TYPALIGN_INT));
}
