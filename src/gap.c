/*-------------------------------------------------------------------------
 *
 * gap.c
 *	  The rules that turn an answer into a compliance gap: gap_of() returns a
 *	  kansa.gap, (kind, kinds, severity, rank): every kind of gap the answer
 *	  leaves, the one that counts and how severe it is.  The views of
 *	  sql/60_gaps.sql (response_gap, assessment_control, section_coverage,
 *	  review_queue) call it once for every control of every current
 *	  assessment, so the rules live in one place.
 *
 *	  Kinds, in the order ties are broken when several hold:
 *	    the status, unless implemented or not_applicable (is_gap):
 *	      unanswered, not_implemented  high (medium on a recommended control)
 *	      planned, partial, unclear    medium (low on a recommended control)
 *	    below_reference                high when the failed value is marked *,
 *	                                   else medium
 *	    evidence_expired               medium
 *	    inherited                      low (no assessment of the provider)
 *	  A control of a framework without levels counts as basic.  The kind
 *	  reported is the most severe one.
 *
 * src/gap.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"

#include "answer.h"

/* Severities, from none to the worst; rank is SEV_HIGH + 1 - severity (1 high). */
typedef enum GapSeverity
{
	SEV_NONE = 0,
	SEV_LOW,
	SEV_MEDIUM,
	SEV_HIGH
} GapSeverity;

static const char *const severity_names[] = {NULL, "low", "medium", "high"};

/*
 * How a kind's severity follows from the control: fixed, lowered one step
 * on a recommended control, or raised to high on a failed * value.
 */
typedef enum SeverityRule
{
	RULE_FIXED,
	RULE_LOWER_IF_RECOMMENDED,
	RULE_HIGH_IF_MUST_ACHIEVE
} SeverityRule;

/* The kinds that are not a status, in tie-break order after the status. */
typedef enum GapFlag
{
	FLAG_BELOW_REFERENCE,
	FLAG_EVIDENCE_EXPIRED,
	FLAG_INHERITED,
	N_FLAGS
} GapFlag;

typedef struct GapKindRule
{
	const char *name;			/* NULL: the status's own name */
	SeverityRule rule;
	GapSeverity severity;		/* on a basic control, of a value not marked * */
} GapKindRule;

/* The kinds a status leaves, by status; SEV_NONE: no gap (is_gap false). */
static const GapKindRule status_kinds[KANSA_N_STATUS] = {
	[KANSA_UNANSWERED] = {NULL, RULE_LOWER_IF_RECOMMENDED, SEV_HIGH},
	[KANSA_NOT_IMPLEMENTED] = {NULL, RULE_LOWER_IF_RECOMMENDED, SEV_HIGH},
	[KANSA_PLANNED] = {NULL, RULE_LOWER_IF_RECOMMENDED, SEV_MEDIUM},
	[KANSA_UNCLEAR] = {NULL, RULE_LOWER_IF_RECOMMENDED, SEV_MEDIUM},
	[KANSA_PARTIAL] = {NULL, RULE_LOWER_IF_RECOMMENDED, SEV_MEDIUM},
	[KANSA_IMPLEMENTED] = {NULL, RULE_FIXED, SEV_NONE},
	[KANSA_NOT_APPLICABLE] = {NULL, RULE_FIXED, SEV_NONE},
};

/* The kinds the flags raise. */
static const GapKindRule flag_kinds[N_FLAGS] = {
	[FLAG_BELOW_REFERENCE] = {"below_reference", RULE_HIGH_IF_MUST_ACHIEVE, SEV_MEDIUM},
	[FLAG_EVIDENCE_EXPIRED] = {"evidence_expired", RULE_FIXED, SEV_MEDIUM},
	[FLAG_INHERITED] = {"inherited", RULE_FIXED, SEV_LOW},
};

/* At most one kind from the status, and one per flag. */
#define MAX_KINDS (1 + N_FLAGS)

/* Attributes of kansa.gap. */
enum
{
	GAP_ATTR_KIND,
	GAP_ATTR_KINDS,
	GAP_ATTR_SEVERITY,
	GAP_ATTR_RANK,
	GAP_NATTS
};

/* Arguments of gap_of. */
enum
{
	ARG_VERDICT,
	ARG_LEVEL,
	ARG_BELOW_REFERENCE,
	ARG_BELOW_MUST_ACHIEVE,
	ARG_EXPIRED_EVIDENCE,
	ARG_INHERITED_UNASSESSED
};

/* Does a text datum equal a C string? */
static bool
text_is(text *t, const char *s)
{
	size_t		len = strlen(s);

	return VARSIZE_ANY_EXHDR(t) == len && memcmp(VARDATA_ANY(t), s, len) == 0;
}

/* Is the control recommended (推奨)?  basic and NULL (no levels) are not. */
static bool
is_recommended(FunctionCallInfo fcinfo)
{
	text	   *level;

	if (PG_ARGISNULL(ARG_LEVEL))
		return false;
	level = PG_GETARG_TEXT_PP(ARG_LEVEL);
	if (text_is(level, "recommended"))
		return true;
	if (text_is(level, "basic"))
		return false;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid control level \"%s\"", text_to_cstring(level)),
			 errhint("A level is basic, recommended or NULL.")));
	return false;				/* keep compiler quiet */
}

/* A boolean argument, NULL read as false. */
static bool
bool_arg(FunctionCallInfo fcinfo, int argno)
{
	return !PG_ARGISNULL(argno) && PG_GETARG_BOOL(argno);
}

/* The severity a kind's rule gives on this control. */
static GapSeverity
severity_of(const GapKindRule *k, bool recommended, bool must_achieve)
{
	switch (k->rule)
	{
		case RULE_LOWER_IF_RECOMMENDED:
			return recommended ? k->severity - 1 : k->severity;
		case RULE_HIGH_IF_MUST_ACHIEVE:
			return must_achieve ? SEV_HIGH : k->severity;
		case RULE_FIXED:
			break;
	}
	return k->severity;
}

/*
 * The row descriptor of kansa.gap, looked up and blessed once per call
 * site (kept in fn_extra for the rest of the query).
 */
static TupleDesc
gap_tupdesc(FunctionCallInfo fcinfo)
{
	TupleDesc	tupdesc = (TupleDesc) fcinfo->flinfo->fn_extra;

	if (tupdesc == NULL)
	{
		MemoryContext oldcxt = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "return type must be a row type");
		if (tupdesc->natts != GAP_NATTS)
			elog(ERROR, "kansa.gap has %d attributes, expected %d",
				 tupdesc->natts, GAP_NATTS);
		tupdesc = BlessTupleDesc(tupdesc);
		MemoryContextSwitchTo(oldcxt);
		fcinfo->flinfo->fn_extra = tupdesc;
	}
	return tupdesc;
}

/*
 * gap_of(verdict answer, level text, below_reference boolean,
 *		  below_must_achieve boolean, expired_evidence integer,
 *		  inherited_unassessed boolean) returns kansa.gap
 *
 * Collects the kinds that hold in tie-break order; the most severe (the
 * earliest at equal severity) is the kind.  A NULL verdict is unanswered, a
 * NULL level basic, a NULL flag false.  All four attributes are NULL when
 * the answer leaves no gap.
 */
PG_FUNCTION_INFO_V1(kansa_gap_of);
Datum
kansa_gap_of(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc = gap_tupdesc(fcinfo);
	bool		recommended = is_recommended(fcinfo);
	bool		must = bool_arg(fcinfo, ARG_BELOW_MUST_ACHIEVE);
	int			status = KANSA_UNANSWERED;
	bool		flags[N_FLAGS];
	const GapKindRule *rules[MAX_KINDS];
	const char *names[MAX_KINDS];
	int			n = 0;
	int			best = -1;
	GapSeverity best_sev = SEV_NONE;
	Datum		values[GAP_NATTS];
	bool		nulls[GAP_NATTS] = {true, true, true, true};

	/* the kinds that hold, in tie-break order */
	if (!PG_ARGISNULL(ARG_VERDICT))
		status = KANSA_ANSWER_STATUS(PG_GETARG_INT16(ARG_VERDICT));
	/* every way into the type checks the status; a bad one is corruption */
	if (status < 0 || status >= KANSA_N_STATUS)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid answer: status %d", status)));
	if (KANSA_STATUS_IS_GAP(status))
	{
		rules[n] = &status_kinds[status];
		names[n++] = kansa_status_names[status];
	}
	flags[FLAG_BELOW_REFERENCE] = bool_arg(fcinfo, ARG_BELOW_REFERENCE);
	flags[FLAG_EVIDENCE_EXPIRED] = !PG_ARGISNULL(ARG_EXPIRED_EVIDENCE) &&
		PG_GETARG_INT32(ARG_EXPIRED_EVIDENCE) > 0;
	flags[FLAG_INHERITED] = bool_arg(fcinfo, ARG_INHERITED_UNASSESSED);
	for (int f = 0; f < N_FLAGS; f++)
		if (flags[f])
		{
			rules[n] = &flag_kinds[f];
			names[n++] = flag_kinds[f].name;
		}

	/* the most severe decides; the earliest at equal severity */
	for (int i = 0; i < n; i++)
	{
		GapSeverity sev = severity_of(rules[i], recommended, must);

		if (sev > best_sev)
		{
			best = i;
			best_sev = sev;
		}
	}

	if (best >= 0)
	{
		StringInfoData buf;

		initStringInfo(&buf);
		for (int i = 0; i < n; i++)
			appendStringInfo(&buf, "%s%s", i > 0 ? ", " : "", names[i]);
		values[GAP_ATTR_KIND] = CStringGetTextDatum(names[best]);
		values[GAP_ATTR_KINDS] = PointerGetDatum(cstring_to_text_with_len(buf.data, buf.len));
		values[GAP_ATTR_SEVERITY] = CStringGetTextDatum(severity_names[best_sev]);
		values[GAP_ATTR_RANK] = Int32GetDatum(SEV_HIGH + 1 - best_sev);
		memset(nulls, false, sizeof(nulls));
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
