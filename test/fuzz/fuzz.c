/*-------------------------------------------------------------------------
 *
 * fuzz.c
 *	  The harness side of kansa's fuzz targets (see fuzz.h).
 *
 * An ERROR a parser raises is a clean rejection: fuzz_try() catches it
 * with PG_TRY, as the server's error recovery would, and records its
 * SQLSTATE.  It is a failure when it is not one a parser may raise: XX000
 * (elog, "can't happen") or a message that is not valid UTF-8 for text
 * input.  Memory is reset after every input, so LeakSanitizer only sees
 * what escaped palloc: libxml2's and zlib's own allocations.
 *
 * test/fuzz/fuzz.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <stdarg.h>

#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/elog.h"

#include "fuzz.h"

MemoryContext fuzz_input_context = NULL;
int			fuzz_errcode = 0;
char	   *fuzz_errmsg = NULL;
bool		fuzz_input_is_text = false;

/* KANSA_FUZZ_VERBOSE set: print every ERROR caught (to see why seeds fail). */
static bool fuzz_verbose = false;

/* Report a failed property and abort, so that libFuzzer saves the input. */
void
fuzz_fail(const char *fmt,...)
{
	va_list		args;

	fprintf(stderr, "kansa fuzz: ");
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	fprintf(stderr, "\n");
	abort();
}

/* libFuzzer calls this once, before the first input: fuzz_setup(). */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_setup();
	return 0;
}

/*
 * Read the literal [s, s+len) the three ways SQL can: is_valid_<type>(text),
 * the text cast and, when the bytes hold no NUL, the input function.  Fail
 * unless all three accept or all three refuse, and unless the cast and the
 * input function give the same value.  Returns whether the literal was
 * accepted, with the cast's value in *value.
 */
bool
fuzz_check_literal(const FuzzLiteral *type, const char *s, size_t len,
				   Datum *value)
{
	text	   *t = fuzz_text(s, len);
	char	   *cstr = fuzz_cstring(s, len);
	bool		valid;
	bool		ok;
	Datum		v2;

	*value = (Datum) 0;
	valid = DatumGetBool(fuzz_must_call1(type->is_valid, PointerGetDatum(t)));
	ok = fuzz_try_call1(type->from_text, PointerGetDatum(t), value);
	FUZZ_ASSERT(ok == valid);
	if (strlen(cstr) == len)
	{
		FUZZ_ASSERT(fuzz_try_call1(type->in, CStringGetDatum(cstr), &v2) == ok);
		if (ok)
			FUZZ_ASSERT(type->same(*value, v2));
	}
	return ok;
}

/* Once per process: memory contexts and the libxml2 baseline. */
void
fuzz_setup(void)
{
	MemoryContextInit();
	fuzz_verbose = getenv("KANSA_FUZZ_VERBOSE") != NULL;
	fuzz_input_context = AllocSetContextCreate(TopMemoryContext,
											   "fuzz input",
											   ALLOCSET_DEFAULT_SIZES);
	(void) fuzz_xml_state_clean();
}

/* Before an input: run it in the per-input context. */
void
fuzz_begin(void)
{
	MemoryContextSwitchTo(fuzz_input_context);
	fuzz_errcode = 0;
	fuzz_errmsg = NULL;
	fuzz_input_is_text = false;
}

/* After an input: check that nothing is left behind, free its memory. */
void
fuzz_end(void)
{
	if (CurrentMemoryContext != fuzz_input_context)
		fuzz_fail("CurrentMemoryContext not restored after the input");
	if (PG_exception_stack != NULL || error_context_stack != NULL)
		fuzz_fail("error handling state not restored after the input");
	if (!fuzz_xml_state_clean())
		fuzz_fail("libxml2 error handler or entity loader not restored");
	MemoryContextSwitchTo(TopMemoryContext);
	MemoryContextReset(fuzz_input_context);
}

/*
 * Run fn(arg); true when it returns, false when it raises an ERROR, which
 * must be a clean one (see the file header).
 */
bool
fuzz_try(FuzzFn fn, void *arg)
{
	MemoryContext oldcxt = CurrentMemoryContext;
	ErrorContextCallback *save_context = error_context_stack;
	volatile bool ok = true;

	PG_TRY();
	{
		fn(arg);
	}
	PG_CATCH();
	{
		ErrorData  *edata;

		ok = false;
		MemoryContextSwitchTo(oldcxt);
		edata = CopyErrorData();
		FlushErrorState();
		fuzz_errcode = edata->sqlerrcode;
		fuzz_errmsg = edata->message ? edata->message : "";
		if (fuzz_verbose)
			fprintf(stderr, "kansa fuzz: ERROR %c%c%c%c%c: %s\n",
					PGUNSIXBIT(edata->sqlerrcode),
					PGUNSIXBIT(edata->sqlerrcode >> 6),
					PGUNSIXBIT(edata->sqlerrcode >> 12),
					PGUNSIXBIT(edata->sqlerrcode >> 18),
					PGUNSIXBIT(edata->sqlerrcode >> 24), fuzz_errmsg);
		if (edata->elevel != ERROR)
			fuzz_fail("error of level %d caught", edata->elevel);
		if (edata->sqlerrcode == ERRCODE_INTERNAL_ERROR)
			fuzz_fail("internal error (elog) reached at %s:%d: %s",
					  edata->filename, edata->lineno, fuzz_errmsg);
		if (edata->message == NULL || edata->message[0] == '\0')
			fuzz_fail("ERROR without a message at %s:%d", edata->filename,
					  edata->lineno);
		if (fuzz_input_is_text &&
			(!fuzz_utf8_valid(edata->message, strlen(edata->message)) ||
			 (edata->detail &&
			  !fuzz_utf8_valid(edata->detail, strlen(edata->detail))) ||
			 (edata->hint &&
			  !fuzz_utf8_valid(edata->hint, strlen(edata->hint)))))
			fuzz_fail("error text not valid UTF-8 for valid input: %s",
					  fuzz_errmsg);
	}
	PG_END_TRY();
	if (error_context_stack != save_context)
		fuzz_fail("error_context_stack not restored");
	if (ok && CurrentMemoryContext != oldcxt)
		fuzz_fail("CurrentMemoryContext not restored by the code under test");
	return ok;
}

/* Run fn(arg), which must not raise an error: a property of valid values. */
void
fuzz_must(FuzzFn fn, void *arg, const char *what)
{
	bool		save = fuzz_input_is_text;

	fuzz_input_is_text = false;
	if (!fuzz_try(fn, arg))
		fuzz_fail("%s raised an error: %s", what, fuzz_errmsg);
	fuzz_input_is_text = save;
}

/* A call of a V1 function, for fuzz_try. */
typedef struct FuzzCall
{
	PGFunction	fn;
	int			nargs;
	Datum		args[2];
	Datum		result;
	bool		isnull;
} FuzzCall;

/* Call a V1 function of one or two arguments, as the executor would. */
static void
fuzz_call(void *arg)
{
	FuzzCall   *c = (FuzzCall *) arg;
	LOCAL_FCINFO(fcinfo, 2);
	int			i;

	InitFunctionCallInfoData(*fcinfo, NULL, c->nargs, InvalidOid, NULL, NULL);
	for (i = 0; i < c->nargs; i++)
	{
		fcinfo->args[i].value = c->args[i];
		fcinfo->args[i].isnull = false;
	}
	c->result = c->fn(fcinfo);
	c->isnull = fcinfo->isnull;
}

/*
 * Call fn; true with *result set when it returns a value, false when it
 * raises a (clean) ERROR.  A NULL result from a strict function of
 * non-NULL arguments is a failure.
 */
bool
fuzz_try_call(PGFunction fn, int nargs, Datum arg1, Datum arg2, Datum *result)
{
	FuzzCall	c = {fn, nargs, {arg1, arg2}, (Datum) 0, false};

	if (!fuzz_try(fuzz_call, &c))
		return false;
	if (c.isnull)
		fuzz_fail("function returned NULL");
	*result = c.result;
	return true;
}

/*
 * Call fn, which must not raise an error; a NULL result is allowed when
 * isnull is given to receive it.
 */
Datum
fuzz_must_call(PGFunction fn, int nargs, Datum arg1, Datum arg2,
			   bool *isnull, const char *what)
{
	FuzzCall	c = {fn, nargs, {arg1, arg2}, (Datum) 0, false};

	fuzz_must(fuzz_call, &c, what);
	if (isnull != NULL)
		*isnull = c.isnull;
	else if (c.isnull)
		fuzz_fail("%s returned NULL", what);
	return c.result;
}

/* A text datum holding exactly len bytes (NULs included). */
text *
fuzz_text(const char *data, size_t len)
{
	text	   *t = palloc(VARHDRSZ + len);

	SET_VARSIZE(t, VARHDRSZ + len);
	memcpy(VARDATA(t), data, len);
	return t;
}

/* The C string an input function would get: the bytes up to a NUL. */
char *
fuzz_cstring(const char *data, size_t len)
{
	return pnstrdup(data, len);
}

/*
 * A message buffer for a receive function, NUL-terminated as
 * exec_bind_message leaves it.
 */
StringInfo
fuzz_message(const char *data, size_t len)
{
	StringInfo	buf = palloc(sizeof(StringInfoData));

	buf->data = palloc(len + 1);
	memcpy(buf->data, data, len);
	buf->data[len] = '\0';
	buf->len = len;
	buf->maxlen = len + 1;
	buf->cursor = 0;
	return buf;
}

/* Is [s, s+len) valid UTF-8 without NUL bytes? */
bool
fuzz_utf8_valid(const char *s, size_t len)
{
	return pg_encoding_verifymbstr(PG_UTF8, s, len) == (int) len;
}

/* Do two varlenas hold the same bytes? */
bool
fuzz_bytes_eq(const struct varlena *a, const struct varlena *b)
{
	return VARSIZE_ANY_EXHDR(a) == VARSIZE_ANY_EXHDR(b) &&
		memcmp(VARDATA_ANY(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(a)) == 0;
}
