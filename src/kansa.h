/*-------------------------------------------------------------------------
 *
 * kansa.h
 *	  Shared declarations of the kansa extension.
 *
 * src/kansa.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef KANSA_H
#define KANSA_H

#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"

/*
 * control_id
 *
 * A framework-qualified control identifier.  The value is a varlena whose
 * payload is the canonical text form "framework:local" (no terminating NUL).
 * Because only canonical text is ever stored, byte equality is value
 * equality, and hashing the payload agrees with the = operator.
 */
typedef struct varlena ControlId;

#define KANSA_FRAMEWORK_MAXLEN	32	/* bytes of the framework code */
#define KANSA_LOCAL_MAXLEN		64	/* bytes of the normalised local part */
#define KANSA_CONTROL_ID_MAXLEN (KANSA_FRAMEWORK_MAXLEN + 1 + KANSA_LOCAL_MAXLEN)

/* Raw input longer than this is rejected before any normalisation work. */
#define KANSA_CONTROL_ID_MAX_INPUT	1024

/* First byte of the binary send/recv format of control_id. */
#define KANSA_CONTROL_ID_FORMAT 1

#define DatumGetControlIdPP(X)	((ControlId *) PG_DETOAST_DATUM_PACKED(X))
#define PG_GETARG_CONTROLID_PP(n)	DatumGetControlIdPP(PG_GETARG_DATUM(n))
#define PG_RETURN_CONTROLID_P(x)	PG_RETURN_POINTER(x)

/*
 * answer
 *
 * A status and a responsibility packed into an int16, status * 8 +
 * responsibility, so that integer order is the type's order.  Statuses run
 * from worst to best with not_applicable last.
 */
typedef enum
{
	KANSA_UNANSWERED = 0,
	KANSA_NOT_IMPLEMENTED,
	KANSA_PLANNED,
	KANSA_UNCLEAR,
	KANSA_PARTIAL,
	KANSA_IMPLEMENTED,
	KANSA_NOT_APPLICABLE,
	KANSA_N_STATUS
} KansaStatus;

typedef enum
{
	KANSA_RESP_NONE = 0,		/* not_applicable, unanswered */
	KANSA_RESP_PROVIDER,
	KANSA_RESP_INHERITED,
	KANSA_RESP_SHARED,
	KANSA_RESP_CUSTOMER,
	KANSA_N_RESP
} KansaResp;

#define KANSA_ANSWER(status, resp)	((status) * 8 + (resp))
#define KANSA_ANSWER_STATUS(a)		((a) / 8)
#define KANSA_ANSWER_RESP(a)		((a) % 8)

/* First byte of the binary send/recv format of answer. */
#define KANSA_ANSWER_FORMAT 1

/* Does a status leave the control open (is_gap)?  All but two do. */
#define KANSA_STATUS_IS_GAP(st) \
	((st) != KANSA_IMPLEMENTED && (st) != KANSA_NOT_APPLICABLE)

extern const char *const kansa_status_names[KANSA_N_STATUS];
extern const char *const kansa_resp_names[KANSA_N_RESP];

/* kansa.c */
extern void kansa_invalid_input(const char *type, const char *str, size_t len,
								const char *detail) pg_attribute_noreturn();

/* answer.c */
extern int	kansa_answer_make(int status, int resp, const char **detail);
extern int	kansa_answer_parse(const char *str, size_t len, bool throw_error);
extern char *kansa_answer_text(int answer);

/* cleantext.c */
extern char *kansa_clean_text(const char *str, size_t len);
extern int	kansa_split_sentences(const char *text, int len, int **starts,
								  int **lens);

/* evidence.c, extract_evidence.c */
#define KANSA_EVIDENCE_FORMAT 1
extern bool kansa_evidence_valid(const char *str, size_t len);
extern char *kansa_evidence_canonical(const char *str);
extern int	kansa_extract_evidence(const char *str, size_t len, char ***out);

/*
 * measure
 *
 * A quantity with an optional bound, as reference values and vendors state
 * them: fixed length, twelve bytes.  What a and b hold depends on the kind:
 *
 *	frequency	a occurrences per b units (unit); with MEASURE_EVENT, a per
 *				event (バックアップ実施の都度) and b, unit zero
 *	duration	a units
 *	relative	the anchor's period (b, MEASURE_ANCHOR_SERVICE) plus a units
 *	ratio		a in ten-thousandths of a percent (99.5% is 995000)
 *	count		a generations
 *	coverage	a and b the first and last minute of the day (0..1440), every
 *				day, or weekdays only with MEASURE_WEEKDAYS
 *	choice		a is a bit set of options (measure.c's vocabulary); with
 *				MEASURE_ANY one of them is enough, else all are meant
 *	none		"-", no value set
 */
typedef struct Measure
{
	uint8		kind;
	uint8		bound;
	uint8		unit;
	uint8		flags;
	int32		a;
	int32		b;
} Measure;

typedef enum
{
	MEASURE_NONE = 0,
	MEASURE_FREQUENCY,
	MEASURE_DURATION,
	MEASURE_RATIO,
	MEASURE_COUNT,
	MEASURE_COVERAGE,
	MEASURE_RELATIVE,
	MEASURE_CHOICE,
	MEASURE_N_KINDS
} MeasureKind;

#define MEASURE_UNBOUNDED	0
#define MEASURE_AT_MOST		1
#define MEASURE_AT_LEAST	2

#define MEASURE_EVENT		0x01
#define MEASURE_ANY			0x02
#define MEASURE_WEEKDAYS	0x04

#define MEASURE_ANCHOR_SERVICE	1

/* Largest amount, count or period a measure holds (see measure.c). */
#define MEASURE_MAX_AMOUNT	100000

/* First byte of the binary send/recv format of measure. */
#define KANSA_MEASURE_FORMAT 1

#define PG_GETARG_MEASURE_P(n)	((Measure *) PG_GETARG_POINTER(n))

/* measure.c, extract_measures.c */
extern const char *const kansa_measure_kind_names[MEASURE_N_KINDS];
extern const char *kansa_measure_scan(const char *s, Measure *m, bool in_text);
extern char *kansa_measure_text(const Measure *m);

/* One figure extract_measures() found: what it is about, its value, its words. */
typedef struct KansaFigure
{
	const char *quantity;
	Measure		measure;
	char	   *span;
} KansaFigure;

extern int	kansa_extract_measures(const char *str, size_t len, KansaFigure **out);

/* control_id.c */
extern ControlId *control_id_from_string(const char *str, size_t len,
										 bool throw_error);
extern ControlId *control_id_from_parts(const char *framework, size_t fwlen,
										const char *local, size_t locallen,
										bool throw_error);
extern int	control_id_compare(const ControlId *a, const ControlId *b);

/*
 * Is c a code point that NFKC leaves alone whatever surrounds it?  Kana
 * without combining marks and the CJK Unified Ideographs block are stable
 * and never compose with a neighbour that is itself in this set or ASCII.
 * They are all letters, too.
 */
static inline bool
kansa_nfkc_stable(pg_wchar c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3041 && c <= 0x3096) ||
		(c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC;
}

/*
 * The most bytes of text any of kansa's readers takes (answers, literals,
 * service types): one policy for all of them, applied by the shared
 * normaliser (kansa_nfkc, and so kansa_fold) and by the parsers that look
 * at their input before normalising it.  8 MiB holds two million Japanese
 * characters, sixty times the longest cell Excel can hold (32,767
 * characters); the readers are linear in their input, and even the
 * characters NFKC expands eighteen-fold keep the folded form far below the
 * 1 GB allocation limit.  A longer text is refused with
 * program_limit_exceeded.
 */
#define KANSA_MAX_TEXT_BYTES	(8 * 1024 * 1024)

/* normalize.c */
extern void kansa_check_text_size(size_t len);
extern pg_wchar *kansa_nfkc(const char *str, size_t len, size_t *nchars,
							bool throw_error, pg_wchar *buf, size_t bufsize);
extern bool kansa_is_letter(pg_wchar c);

#define KANSA_FOLD_LOWER	0x01	/* ASCII letters to lower case */
#define KANSA_FOLD_DASH		0x02	/* dash-like characters to '-' */
#define KANSA_FOLD_BREAKS	0x04	/* keep line breaks apart from blanks */
#define KANSA_FOLD_CONTROLS 0x08	/* drop other control characters */
extern char *kansa_fold(const char *str, size_t len, int flags,
						bool throw_error, int *outlen);
extern char *kansa_ascii_lower(const char *s, int len);

/*
 * Is c white space?  The Unicode White_Space property, so that the ideographic
 * space U+3000 and no-break spaces count as well as ASCII blanks.
 */
static inline bool
kansa_is_space(pg_wchar c)
{
	if (c < 0x80)
		return (c >= 0x09 && c <= 0x0D) || c == 0x20;
	return c == 0x85 || c == 0xA0 || c == 0x1680 ||
		(c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
		c == 0x202F || c == 0x205F || c == 0x3000;
}

/*
 * Is c a dash-like character that vendors type where an ASCII hyphen is
 * meant?  (Hyphen, non-breaking hyphen, figure dash, en and em dash,
 * horizontal bar, minus sign, small and full-width hyphen-minus, two- and
 * three-em dash.)  The katakana prolonged sound mark is a letter, not a dash.
 */
static inline bool
kansa_is_dash(pg_wchar c)
{
	if (c < 0x80)
		return c == '-';
	return (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 ||
		c == 0xFE63 || c == 0xFF0D || c == 0x2E3A || c == 0x2E3B;
}

/* mecab.c: Japanese morphological analysis */
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

extern char *kansa_mecab_dictionary;
extern int	kansa_tokens(const char *str, size_t len, KansaToken **out);
extern void kansa_token_parts(const KansaToken *t, const char **lemma,
							  const char **pos, char **pos_detail,
							  const char **ctype, const char **cform);

/* automaton.c: multi-pattern matching */
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

/* reading.c: the structural reader of Japanese answers */
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

#endif							/* KANSA_H */
