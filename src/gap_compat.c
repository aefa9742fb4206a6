/*-------------------------------------------------------------------------
 *
 * gap_compat.c
 *	  The gap rules of kansa 0.1.0, gap_kind(), gap_kinds() and
 *	  gap_severity() on text arguments, kept in the module for the SQL
 *	  objects of 0.1.0 only.
 *
 *	  The releases after 0.1.0 replaced them with gap_of() on kansa.answer
 *	  (src/gap.c), and the upgrade script from 0.1.0 drops the three
 *	  functions.  They stay in kansa.so because the module is replaced before
 *	  the upgrade runs: a database still at 0.1.0 when a newer package is
 *	  installed keeps calling them through its views (response_gap,
 *	  assessment_control, gaps) until ALTER EXTENSION kansa UPDATE, and
 *	  CREATE EXTENSION kansa VERSION '0.1.0' (which the upgrade test runs)
 *	  declares them and needs their symbols.  The code is 0.1.0's,
 *	  unchanged.
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
 * src/gap_compat.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"

#include "answer.h"

typedef enum GapSeverity
{
	SEV_NONE = 0,
	SEV_LOW,
	SEV_MEDIUM,
	SEV_HIGH
} GapSeverity;

static const char *const severity_names[] = {NULL, "low", "medium", "high"};

/* At most one kind from the status, and the three flags. */
#define MAX_KINDS 4

/* Does a text datum equal a C string? */
static bool
text_is(text *t, const char *s)
{
	size_t		len = strlen(s);

	return VARSIZE_ANY_EXHDR(t) == len && memcmp(VARDATA_ANY(t), s, len) == 0;
}

/* Is the control recommended (推奨)?  basic and NULL (no levels) are not. */
static bool
is_recommended(FunctionCallInfo fcinfo, int argno)
{
	text	   *level;

	if (PG_ARGISNULL(argno))
		return false;
	level = PG_GETARG_TEXT_PP(argno);
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

static bool
bool_arg(FunctionCallInfo fcinfo, int argno)
{
	return !PG_ARGISNULL(argno) && PG_GETARG_BOOL(argno);
}

/* The severity of one gap kind; SEV_NONE for an unknown kind. */
static GapSeverity
severity_of(const char *kind, size_t len, bool recommended, bool must_achieve)
{
#define KIND_IS(s) (len == strlen(s) && memcmp(kind, s, len) == 0)
	if (KIND_IS("unanswered") || KIND_IS("not_implemented"))
		return recommended ? SEV_MEDIUM : SEV_HIGH;
	if (KIND_IS("below_reference"))
		return must_achieve ? SEV_HIGH : SEV_MEDIUM;
	if (KIND_IS("planned") || KIND_IS("partial") || KIND_IS("unclear"))
		return recommended ? SEV_LOW : SEV_MEDIUM;
	if (KIND_IS("evidence_expired"))
		return SEV_MEDIUM;
	if (KIND_IS("inherited"))
		return SEV_LOW;
#undef KIND_IS
	return SEV_NONE;
}

/*
 * Every kind of gap that holds, in tie-break order, from the arguments
 * shared by gap_kind and gap_kinds: (status, level, below_reference,
 * below_must_achieve, expired_evidence, inherited_unassessed).  A NULL
 * status is unanswered; a status is read by its name (status(answer)).
 */
static int
collect_kinds(FunctionCallInfo fcinfo, const char *kinds[MAX_KINDS])
{
	int			status = KANSA_UNANSWERED;
	int			n = 0;

	if (!PG_ARGISNULL(0))
	{
		text	   *st = PG_GETARG_TEXT_PP(0);

		for (status = 0; status < KANSA_N_STATUS; status++)
			if (text_is(st, kansa_status_names[status]))
				break;
		if (status == KANSA_N_STATUS)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid answer status \"%s\"", text_to_cstring(st)),
					 errhint("See status(answer) for the statuses.")));
	}
	if (KANSA_STATUS_IS_GAP(status))
		kinds[n++] = kansa_status_names[status];
	if (bool_arg(fcinfo, 2))
		kinds[n++] = "below_reference";
	if (!PG_ARGISNULL(4) && PG_GETARG_INT32(4) > 0)
		kinds[n++] = "evidence_expired";
	if (bool_arg(fcinfo, 5))
		kinds[n++] = "inherited";
	return n;
}

/*
 * gap_kind(status, level, below_reference, below_must_achieve,
 *			expired_evidence, inherited_unassessed) returns text
 *
 * The most severe kind that holds (the earliest at equal severity); NULL
 * when the answer leaves no gap.
 */
PG_FUNCTION_INFO_V1(kansa_gap_kind);
Datum
kansa_gap_kind(PG_FUNCTION_ARGS)
{
	bool		recommended = is_recommended(fcinfo, 1);
	bool		must = bool_arg(fcinfo, 3);
	const char *kinds[MAX_KINDS];
	int			n = collect_kinds(fcinfo, kinds);
	const char *best = NULL;
	GapSeverity best_sev = SEV_NONE;

	for (int i = 0; i < n; i++)
	{
		GapSeverity sev = severity_of(kinds[i], strlen(kinds[i]),
									  recommended, must);

		if (sev > best_sev)
		{
			best = kinds[i];
			best_sev = sev;
		}
	}
	if (best == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(best));
}

/*
 * gap_kinds(status, level, below_reference, below_must_achieve,
 *			 expired_evidence, inherited_unassessed) returns text
 *
 * Every kind that holds, comma-separated in tie-break order; NULL for none.
 * Takes gap_kind's arguments (level is checked, not used).
 */
PG_FUNCTION_INFO_V1(kansa_gap_kinds);
Datum
kansa_gap_kinds(PG_FUNCTION_ARGS)
{
	const char *kinds[MAX_KINDS];
	int			n;
	StringInfoData buf;

	(void) is_recommended(fcinfo, 1);
	n = collect_kinds(fcinfo, kinds);
	if (n == 0)
		PG_RETURN_NULL();
	initStringInfo(&buf);
	for (int i = 0; i < n; i++)
		appendStringInfo(&buf, "%s%s", i > 0 ? ", " : "", kinds[i]);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf.data, buf.len));
}

/*
 * gap_severity(gap_kind, level, below_must_achieve) returns text
 *
 * high, medium or low; NULL for a NULL kind (no gap).
 */
PG_FUNCTION_INFO_V1(kansa_gap_severity);
Datum
kansa_gap_severity(PG_FUNCTION_ARGS)
{
	text	   *kind;
	GapSeverity sev;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	kind = PG_GETARG_TEXT_PP(0);
	sev = severity_of(VARDATA_ANY(kind), VARSIZE_ANY_EXHDR(kind),
					  is_recommended(fcinfo, 1), bool_arg(fcinfo, 2));
	if (sev == SEV_NONE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid gap kind \"%s\"", text_to_cstring(kind)),
				 errhint("A gap kind is unanswered, not_implemented, below_reference, planned, partial, unclear, evidence_expired or inherited.")));
	PG_RETURN_TEXT_P(cstring_to_text(severity_names[sev]));
}
