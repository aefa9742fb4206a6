/*-------------------------------------------------------------------------
 *
 * summary.c
 *	  The calendar of the maintained summaries: kansa.today(), the day the
 *	  views judge evidence validity against, and the settings behind it.
 *
 *	  The summaries of sql/65_summary.sql are kept up to date by the
 *	  statements that change their inputs, except for what changes with the
 *	  calendar alone: evidence that expires.  That part is read when a view
 *	  is read, by comparing the dates that matter with kansa.today().  The
 *	  setting kansa.today fixes that day for a session (a report "as of" a
 *	  date, or a test that moves time); empty, it is CURRENT_DATE.
 *
 *	  kansa.maintain_summaries turns the summary triggers off for a bulk
 *	  load by a superuser, who then calls kansa.summary_rebuild(); the
 *	  import turns them off for itself and refreshes once at its end.
 *
 * src/summary.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "datatype/timestamp.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/guc.h"

#include "summary.h"

char	   *kansa_today_setting = NULL;
bool		kansa_maintain_summaries = true;

/* The day kansa.today names, once checked; valid when has_today is set. */
static DateADT today_override;
static bool has_today = false;

/*
 * Read an ISO date, YYYY-MM-DD, into a DateADT; false when the text is not
 * one or names no day of the calendar (2027-02-30).
 */
static bool
parse_iso_date(const char *str, DateADT *result)
{
	int			y,
				m,
				d,
				jd,
				y2,
				m2,
				d2;
	char		extra;

	if (sscanf(str, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3)
		return false;
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	jd = date2j(y, m, d);
	j2date(jd, &y2, &m2, &d2);
	if (y2 != y || m2 != m || d2 != d)
		return false;
	*result = jd - POSTGRES_EPOCH_JDATE;
	return true;
}

bool
kansa_check_today(char **newval, void **extra, GucSource source)
{
	DateADT		day;
	DateADT    *keep;

	if (*newval == NULL || (*newval)[0] == '\0')
		return true;
	if (!parse_iso_date(*newval, &day))
	{
		GUC_check_errdetail("A day is written YYYY-MM-DD, e.g. 2027-04-01; an empty value means CURRENT_DATE.");
		return false;
	}
	keep = (DateADT *) malloc(sizeof(DateADT));	/* freed by guc.c */
	if (keep == NULL)
		return false;
	*keep = day;
	*extra = keep;
	return true;
}

void
kansa_assign_today(const char *newval, void *extra)
{
	has_today = (extra != NULL);
	if (extra != NULL)
		today_override = *(DateADT *) extra;
}

/*
 * today() returns date
 *
 * The day set by kansa.today, or CURRENT_DATE (the transaction's start, in
 * the session's time zone) when it is empty.
 */
PG_FUNCTION_INFO_V1(kansa_today);
Datum
kansa_today(PG_FUNCTION_ARGS)
{
	if (has_today)
		PG_RETURN_DATEADT(today_override);
	PG_RETURN_DATEADT(GetSQLCurrentDate());
}

/*
 * expired_change(days date[], changes integer[], today date) returns integer
 *
 * The sum of the changes whose day is before today: how far the calendar
 * has moved one of a tally row's gap counts (expiry_days and expiry_high,
 * expiry_medium or expiry_low).  The views call it for every tally row they
 * read, so it walks the arrays in place rather than deconstructing them.
 * days is ascending as the summaries write it, but the sum does not rely on
 * that.
 */
PG_FUNCTION_INFO_V1(kansa_expired_change);
Datum
kansa_expired_change(PG_FUNCTION_ARGS)
{
	ArrayType  *days = PG_GETARG_ARRAYTYPE_P(0);
	ArrayType  *changes = PG_GETARG_ARRAYTYPE_P(1);
	DateADT		today = PG_GETARG_DATEADT(2);
	int			n = ArrayGetNItems(ARR_NDIM(days), ARR_DIMS(days));
	const DateADT *d;
	const int32 *c;
	int64		sum = 0;

	if (ARR_ELEMTYPE(days) != DATEOID || ARR_ELEMTYPE(changes) != INT4OID)
		elog(ERROR, "expired_change: unexpected array element types");
	if (ARR_NDIM(days) > 1 || ARR_NDIM(changes) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("multidimensional arrays are not supported")));
	if (ArrayGetNItems(ARR_NDIM(changes), ARR_DIMS(changes)) != n)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("arrays of days and changes must have the same length")));
	if (ARR_HASNULL(days) || ARR_HASNULL(changes))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("array must not contain nulls")));

	/* without a null bitmap the data follow the dimensions (ARR_DATA_PTR) */
	d = (const DateADT *) ((const char *) days +
						   ARR_OVERHEAD_NONULLS(ARR_NDIM(days)));
	c = (const int32 *) ((const char *) changes +
						 ARR_OVERHEAD_NONULLS(ARR_NDIM(changes)));
	for (int i = 0; i < n; i++)
	{
		if (d[i] < today)
			sum += c[i];
	}
	if (sum < PG_INT32_MIN || sum > PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("integer out of range")));
	PG_RETURN_INT32((int32) sum);
}
