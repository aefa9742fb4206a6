/*-------------------------------------------------------------------------
 *
 * tenant.c
 *	  What row-level security and the writer functions need to keep the
 *	  organisations sharing one database apart: the policy test of a row's
 *	  organisation, the entry point that tells the writer functions who
 *	  calls them, and the key names are kept unique under.
 *
 * The policy of every tenant table is kansa.tenant_visible(organization_id),
 * a per-row call with no subquery: a subquery (an InitPlan) in a policy
 * shows in EXPLAIN ANALYZE as "never executed" or not, depending on whether
 * a hidden row passed the user's own condition, which a tenant can use to
 * read another organisation's rows a bit at a time.  The function is
 * declared with a cost below any operator's, so that the planner, which
 * sorts a relation's conditions by cost once a cheap leakproof condition of
 * the user has joined the security level of the policies, always evaluates
 * the policy first: no user condition ever sees a hidden row, and no count
 * or timing depends on what one holds.
 *
 * src/tenant.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/table.h"
#include "access/tableam.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "nodes/makefuncs.h"
#include "nodes/supportnodes.h"
#include "nodes/value.h"
#include "parser/parse_func.h"
#include "executor/tuptable.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/varlena.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"
#include "utils/snapmgr.h"

#include "normalize.h"

/* The organisations the current user may see, worked out once per query. */
typedef struct TenantCache
{
	Oid			userid;			/* for whom */
	bool		all;			/* superuser or kansa_owner: every one */
	int			n;
	int64	   *ids;			/* sorted */
} TenantCache;

static int
cmp_int64(const void *a, const void *b)
{
	int64		x = *(const int64 *) a;
	int64		y = *(const int64 *) b;

	return x < y ? -1 : x > y;
}

/*
 * Does the current user see every organisation's rows (a superuser, or
 * kansa_owner itself)?
 */
static bool
tenant_sees_all(void)
{
	Oid			userid = GetUserId();
	Oid			owner = get_role_oid("kansa_owner", true);

	return superuser_arg(userid) || (OidIsValid(owner) && userid == owner);
}

/*
 * Read kansa.organization (found in the schema of the calling function)
 * directly, without its own policy, and keep the ids of the organisations
 * whose tenant role the user is a member of (pg_has_role MEMBER: directly or
 * through other roles).  Rows without a tenant role are for superusers.
 */
static void
tenant_cache_fill(TenantCache *tc, Oid fn_oid, MemoryContext cxt)
{
	Oid			userid = GetUserId();
	Oid			nsp = get_func_namespace(fn_oid);
	Oid			relid = get_relname_relid("organization", nsp);
	Relation	rel;
	TableScanDesc scan;
	TupleTableSlot *slot;
	AttrNumber	att_id,
				att_role;
	int			cap = 16;

	tc->userid = userid;
	tc->n = 0;
	tc->ids = NULL;
	tc->all = tenant_sees_all();
	if (tc->all)
		return;
	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation \"%s.organization\" does not exist",
						get_namespace_name(nsp))));
	att_id = get_attnum(relid, "id");
	att_role = get_attnum(relid, "tenant_role");
	if (att_id == InvalidAttrNumber || att_role == InvalidAttrNumber)
		elog(ERROR, "kansa.organization lacks its id or tenant_role column");

	tc->ids = MemoryContextAlloc(cxt, cap * sizeof(int64));
	rel = table_open(relid, AccessShareLock);
	scan = table_beginscan(rel, ActiveSnapshotSet() ? GetActiveSnapshot() :
						   GetTransactionSnapshot(), 0, NULL);
	slot = table_slot_create(rel, NULL);
	while (table_scan_getnextslot(scan, ForwardScanDirection, slot))
	{
		bool		isnull;
		Datum		role = slot_getattr(slot, att_role, &isnull);
		Oid			roleid;
		char	   *rolename;

		CHECK_FOR_INTERRUPTS();
		if (isnull)
			continue;
		rolename = TextDatumGetCString(role);
		roleid = get_role_oid(rolename, true);
		pfree(rolename);
		if (!OidIsValid(roleid) || !is_member_of_role(userid, roleid))
			continue;
		if (tc->n == cap)
		{
			cap *= 2;
			tc->ids = repalloc(tc->ids, cap * sizeof(int64));
		}
		tc->ids[tc->n++] = DatumGetInt64(slot_getattr(slot, att_id, &isnull));
	}
	ExecDropSingleTupleTableSlot(slot);
	table_endscan(scan);
	table_close(rel, AccessShareLock);
	qsort(tc->ids, tc->n, sizeof(int64), cmp_int64);
}

PG_FUNCTION_INFO_V1(kansa_tenant_visible);

/*
 * tenant_visible(organization_id bigint): may the current user see rows of
 * this organisation?  The row-level security policy of every tenant table.
 * The answer is cached for the life of the calling expression (one query),
 * so a scan costs one binary search per row.
 */
Datum
kansa_tenant_visible(PG_FUNCTION_ARGS)
{
	TenantCache *tc = (TenantCache *) fcinfo->flinfo->fn_extra;
	int64		org;

	if (PG_ARGISNULL(0))
		PG_RETURN_BOOL(false);
	org = PG_GETARG_INT64(0);
	if (tc == NULL || tc->userid != GetUserId())
	{
		if (tc == NULL)
		{
			tc = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt,
										sizeof(TenantCache));
			fcinfo->flinfo->fn_extra = tc;
		}
		else if (tc->ids != NULL)
			pfree(tc->ids);
		tenant_cache_fill(tc, fcinfo->flinfo->fn_oid, fcinfo->flinfo->fn_mcxt);
	}
	if (tc->all)
		PG_RETURN_BOOL(true);
	PG_RETURN_BOOL(bsearch(&org, tc->ids, tc->n, sizeof(int64),
						   cmp_int64) != NULL);
}

PG_FUNCTION_INFO_V1(kansa_tenant_visible_support);

/*
 * tenant_visible_support(internal): for the planner, the policy's
 * simplification and its selectivity.
 *
 * Simplification: planned for a user who sees every row (a superuser, or
 * kansa_owner, as whom kansa's SECURITY DEFINER functions run: the imports,
 * reviews and the summaries' refresh), the policy is the constant true.
 * The planner then drops it, and with it the rule that keeps every
 * condition that is not LEAKPROOF behind the policy: kansa's functions can
 * find a service by its name_key() or a response by its control through
 * the unique indexes on them, where behind the policy they read the whole
 * table.  A tenant never runs such a plan: a cached plan of a query on a
 * table with row-level security is made again when the current user
 * changes (the plan cache's check of the role a query was rewritten for),
 * and tenant_visible() is used by the policies alone.  (A cursor a
 * superuser opens goes on as opened after SET ROLE, as it would for a role
 * with BYPASSRLS.)  A tenant's plan keeps the call, answered per row.
 *
 * Selectivity: the share of a tenant table's rows the policy lets
 * through.  Without it the planner takes a third for any boolean function,
 * for every relation of a view, and underestimates every join above them:
 * the summaries' views then ran as nested loops of index probes, twice as
 * slow as the hash joins the true row counts call for.
 *
 * A superuser or kansa_owner (whose SECURITY DEFINER functions keep the
 * summaries) sees every row: 1.  Any other user sees the rows of the
 * organisations whose tenant role they hold: estimated as that many
 * organisations out of the organisation table's row count in pg_class
 * (public to every user), each assumed to hold an equal share.  The column
 * statistics of organization_id would be closer, but they are hidden from
 * tenants (pg_stats leaves out tables with row-level security) and an
 * estimate built from them would show a tenant how the other organisations'
 * rows are spread.
 */
Datum
kansa_tenant_visible_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);
	SupportRequestSelectivity *req;
	TenantCache tc;
	Selectivity s = 1.0;

	if (IsA(rawreq, SupportRequestSimplify))
	{
		if (tenant_sees_all())
			PG_RETURN_POINTER(makeBoolConst(true, false));
		PG_RETURN_POINTER(NULL);
	}
	if (!IsA(rawreq, SupportRequestSelectivity))
		PG_RETURN_POINTER(NULL);
	req = (SupportRequestSelectivity *) rawreq;

	tenant_cache_fill(&tc, req->funcid, CurrentMemoryContext);
	if (!tc.all)
	{
		Oid			relid = get_relname_relid("organization",
											  get_func_namespace(req->funcid));
		HeapTuple	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
		double		orgs = 0;

		if (HeapTupleIsValid(tup))
		{
			orgs = ((Form_pg_class) GETSTRUCT(tup))->reltuples;
			ReleaseSysCache(tup);
		}
		if (tc.n == 0)
			s = 0.0;
		else if (orgs > tc.n)
			s = tc.n / orgs;
		if (tc.ids != NULL)
			pfree(tc.ids);
	}
	req->selectivity = s;
	PG_RETURN_POINTER(req);
}

/* The function a writer entry point calls, looked up once per call site. */
typedef struct WriterCache
{
	FmgrInfo	flinfo;
	int			nargs;
} WriterCache;

/*
 * Find the SECURITY DEFINER body of a writer: the function of the same
 * schema named <name>_by whose arguments are the caller (oid) and then the
 * entry point's own.
 */
static WriterCache *
writer_body(FunctionCallInfo fcinfo)
{
	Oid			fn = fcinfo->flinfo->fn_oid;
	Oid			nsp = get_func_namespace(fn);
	Oid		   *types;
	int			nargs;
	Oid		   *argtypes;
	Oid			body;
	WriterCache *wc;

	get_func_signature(fn, &types, &nargs);
	argtypes = palloc((nargs + 1) * sizeof(Oid));
	argtypes[0] = OIDOID;
	memcpy(argtypes + 1, types, nargs * sizeof(Oid));
	body = LookupFuncName(list_make2(makeString(get_namespace_name(nsp)),
									 makeString(psprintf("%s_by", get_func_name(fn)))),
						  nargs + 1, argtypes, false);
	wc = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(WriterCache));
	fmgr_info_cxt(body, &wc->flinfo, fcinfo->flinfo->fn_mcxt);
	wc->nargs = nargs;
	return wc;
}

PG_FUNCTION_INFO_V1(kansa_writer);

/*
 * The entry point of each of kansa's writer functions (import_sheet,
 * review, service_set, ...): a SECURITY INVOKER C function that takes the
 * role it runs as, GetUserId() -- the role whose EXECUTE privilege the call
 * was checked against, after any SET ROLE and any SECURITY DEFINER function
 * around it -- and passes it, first, to the body, a SECURITY DEFINER
 * function of kansa_owner that no other role may call.  The body checks
 * that this role acts for the organisation and records it.
 *
 * Not the session's "outer" user: a maintenance command (ANALYZE, VACUUM,
 * CREATE INDEX, REFRESH ...) run by a superuser executes the functions of a
 * table's index expressions as the table's owner while the outer user stays
 * the superuser, so a tenant's function there would pass for the
 * superuser.  Within such a security-restricted operation no writer runs at
 * all.
 */
Datum
kansa_writer(PG_FUNCTION_ARGS)
{
	WriterCache *wc = (WriterCache *) fcinfo->flinfo->fn_extra;
	FunctionCallInfo body;
	Datum		result;
	int			i;

	if (InSecurityRestrictedOperation())
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("kansa's writer functions cannot run within a security-restricted operation"),
				 errdetail("Maintenance commands such as ANALYZE and CREATE INDEX run index expressions as the table's owner.")));
	if (wc == NULL)
		fcinfo->flinfo->fn_extra = wc = writer_body(fcinfo);

	body = palloc0(SizeForFunctionCallInfo(wc->nargs + 1));
	InitFunctionCallInfoData(*body, &wc->flinfo, wc->nargs + 1,
							 fcinfo->fncollation, NULL, fcinfo->resultinfo);
	body->args[0].value = ObjectIdGetDatum(GetUserId());
	body->args[0].isnull = false;
	for (i = 0; i < wc->nargs; i++)
		body->args[i + 1] = fcinfo->args[i];
	result = FunctionCallInvoke(body);
	fcinfo->isnull = body->isnull;
	return result;
}

PG_FUNCTION_INFO_V1(kansa_name_key);

/*
 * name_key(text): the form names of organisations, vendors and services are
 * kept unique under, and looked up by: NFKC (full-width letters and digits
 * made ASCII), blanks trimmed and runs of them made one space.  Not
 * LEAKPROOF on purpose: a unique index on name_key(name) can then never
 * serve a condition a tenant writes ahead of row-level security.
 */
Datum
kansa_name_key(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int			len;
	char	   *f = kansa_fold(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), 0, true, &len);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(f, len));
}

PG_FUNCTION_INFO_V1(kansa_name_distance);

/*
 * name_distance(a text, b text): the edit distance (Levenshtein, in
 * characters) between the name keys of two names, for "did you mean" when
 * an import names an organisation, vendor or service that does not exist.
 * Names longer than 255 characters are not compared (NULL).
 */
Datum
kansa_name_distance(PG_FUNCTION_ARGS)
{
	text	   *a = PG_GETARG_TEXT_PP(0);
	text	   *b = PG_GETARG_TEXT_PP(1);
	int			alen,
				blen;
	char	   *ka = kansa_fold(VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a), 0, true, &alen);
	char	   *kb = kansa_fold(VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b), 0, true, &blen);

	if (pg_mbstrlen_with_len(ka, alen) > 255 || pg_mbstrlen_with_len(kb, blen) > 255)
		PG_RETURN_NULL();
	PG_RETURN_INT32(varstr_levenshtein(ka, alen, kb, blen, 1, 1, 1, true));
}

