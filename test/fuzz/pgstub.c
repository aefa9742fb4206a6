/*-------------------------------------------------------------------------
 *
 * pgstub.c
 *	  Stand-ins for the few backend facilities kansa's parsers call, so that
 *	  the same C sources the server runs can be fuzzed in a plain process,
 *	  as OSS-Fuzz's PostgreSQL harnesses do.
 *
 * What is here, and how close it is to the server:
 *
 * - Memory contexts: palloc and friends, MemoryContextReset/Delete.  Every
 *	 chunk is its own malloc() (so AddressSanitizer sees the exact size
 *	 asked for, stricter than aset.c's rounding), kept on a list of its
 *	 context and freed when the context is reset.  Request-size checks and
 *	 the MCXT_ALLOC_* flags are the backend's.
 * - Errors: errstart/errfinish and the err*() helpers fill an ErrorData
 *	 stack as elog.c does, run the error_context_stack callbacks, and
 *	 siglongjmp to PG_exception_stack for ERROR; WARNING and below are
 *	 formatted and dropped; FATAL and PANIC abort.
 * - Encodings: the database encoding is UTF8.  pg_verify_mbstr,
 *	 report_invalid_encoding, pg_mbcliplen and pg_mbstrlen do what
 *	 mbutils.c does, on src/common's wchar.c.  pg_do_encoding_conversion
 *	 (only SJIS to UTF8 is asked for) checks the SJIS byte sequences with
 *	 wchar.c's verifier and reports them as the server's conversion does,
 *	 maps ASCII and half-width katakana exactly, but maps every double-byte
 *	 character to U+3013: the server's CP932 tables live in a conversion
 *	 module that needs a running backend.
 * - NFKC: unicode_normalize is src/common's (frontend build, copied from
 *	 libpgcommon.a with malloc/free renamed to palloc/pfree by the
 *	 Makefile); unicode_is_normalized_quickcheck, which only the backend
 *	 build of that file has, is rebuilt here from the same generated
 *	 tables, and the harness checks on every input that a "yes" from it
 *	 agrees with unicode_normalize.
 * - libpq's pqformat (pq_getmsg*, pq_send*) as the backend has it, with
 *	 pq_getmsgtext verifying the text as the server does for a UTF8 client.
 * - libxml2 glue: pg_xml_init/pg_xml_done/xml_ereport with core xml.c's
 *	 structured error handler and entity loader, minus the file context
 *	 lines core adds to a message.
 * - lists (lappend, list_make1), text <-> cstring, detoasting of plain
 *	 (never toasted) values.
 *
 * Everything else the sources reference (fmgr's DirectFunctionCall,
 * numeric, jsonb, arrays, tuples, set-returning functions, GUCs,
 * HyperLogLog) is reached only from SQL-level wrappers the harnesses do not
 * call; those stubs abort, so that reaching one shows up as a crash.
 *
 * test/fuzz/pgstub.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "access/htup_details.h"
#include "common/unicode_norm.h"
#include "common/unicode_norm_table.h"
#include "common/unicode_normprops_table.h"
#include "funcapi.h"
#include "lib/hyperloglog.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "nodes/pg_list.h"
#include "port/pg_bitutils.h"
#include "port/pg_bswap.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/guc.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/sortsupport.h"
#include "utils/tuplestore.h"
#include "utils/xml.h"

#include "fuzz.h"

/* Report a stub the harnesses must never reach, and abort. */
static void
stub_unreachable(const char *name)
{
	fprintf(stderr, "pgstub: %s() called; no fuzz harness should reach it\n",
			name);
	abort();
}

/* ----------------------------------------------------------------
 * Memory contexts
 * ----------------------------------------------------------------
 */

#define CHUNK_MAGIC UINT64CONST(0x6b616e7361636b21)

/* The header of a chunk; the context comes last, as aset.c lays it out. */
typedef struct StubChunk
{
	struct StubChunk *prev;
	struct StubChunk *next;
	Size		size;
	uint64		magic;
	MemoryContext context;
} StubChunk;

StaticAssertDecl(sizeof(StubChunk) % MAXIMUM_ALIGNOF == 0,
				 "chunk data is maximally aligned");

typedef struct StubContext
{
	MemoryContextData header;
	StubChunk  *chunks;
} StubContext;

MemoryContext CurrentMemoryContext = NULL;
MemoryContext TopMemoryContext = NULL;
MemoryContext ErrorContext = NULL;

/* Make a context, a child of parent (NULL for the top one). */
MemoryContext
AllocSetContextCreateInternal(MemoryContext parent, const char *name,
							  Size minContextSize, Size initBlockSize,
							  Size maxBlockSize)
{
	StubContext *c = calloc(1, sizeof(StubContext));

	if (c == NULL)
		stub_unreachable("AllocSetContextCreateInternal (out of memory)");
	c->header.type = T_AllocSetContext;
	c->header.isReset = true;
	c->header.name = name;
	c->header.parent = parent;
	if (parent != NULL)
	{
		c->header.nextchild = parent->firstchild;
		if (parent->firstchild != NULL)
			parent->firstchild->prevchild = &c->header;
		parent->firstchild = &c->header;
	}
	return &c->header;
}

/* Create TopMemoryContext and ErrorContext, as the postmaster does. */
void
MemoryContextInit(void)
{
	TopMemoryContext = AllocSetContextCreateInternal(NULL, "TopMemoryContext",
													 0, 0, 0);
	CurrentMemoryContext = TopMemoryContext;
	ErrorContext = AllocSetContextCreateInternal(TopMemoryContext,
												 "ErrorContext", 0, 0, 0);
}

/* Free the chunks of one context, leaving its children alone. */
void
MemoryContextResetOnly(MemoryContext context)
{
	StubContext *c = (StubContext *) context;

	while (c->chunks != NULL)
	{
		StubChunk  *ch = c->chunks;

		c->chunks = ch->next;
		ch->magic = 0;
		free(ch);
	}
	context->mem_allocated = 0;
	context->isReset = true;
}

/* Delete the children of a context and free its chunks. */
void
MemoryContextReset(MemoryContext context)
{
	while (context->firstchild != NULL)
		MemoryContextDelete(context->firstchild);
	MemoryContextResetOnly(context);
}

/* Delete a context, its children and its chunks. */
void
MemoryContextDelete(MemoryContext context)
{
	MemoryContextReset(context);
	if (context->parent != NULL)
	{
		if (context->prevchild != NULL)
			context->prevchild->nextchild = context->nextchild;
		else
			context->parent->firstchild = context->nextchild;
		if (context->nextchild != NULL)
			context->nextchild->prevchild = context->prevchild;
	}
	if (CurrentMemoryContext == context)
		CurrentMemoryContext = context->parent;
	free(context);
}

/* The chunk header of a palloc'd pointer, checked. */
static StubChunk *
chunk_of(void *pointer)
{
	StubChunk  *ch = (StubChunk *) ((char *) pointer - sizeof(StubChunk));

	if (ch->magic != CHUNK_MAGIC)
		fuzz_fail("pfree or repalloc of %p, which palloc did not return",
				  pointer);
	return ch;
}

/* Allocate in a context with the backend's checks and flags. */
static void *
stub_alloc(MemoryContext context, Size size, int flags)
{
	StubContext *c = (StubContext *) context;
	StubChunk  *ch;

	if (((flags & MCXT_ALLOC_HUGE) != 0 && !AllocHugeSizeIsValid(size)) ||
		((flags & MCXT_ALLOC_HUGE) == 0 && !AllocSizeIsValid(size)))
		elog(ERROR, "invalid memory alloc request size %zu", size);
	ch = malloc(sizeof(StubChunk) + size);
	if (ch == NULL)
	{
		if ((flags & MCXT_ALLOC_NO_OOM) != 0)
			return NULL;
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory"),
				 errdetail("Failed on request of size %zu in memory context \"%s\".",
						   size, context->name)));
	}
	ch->size = size;
	ch->magic = CHUNK_MAGIC;
	ch->context = context;
	ch->prev = NULL;
	ch->next = c->chunks;
	if (c->chunks != NULL)
		c->chunks->prev = ch;
	c->chunks = ch;
	context->isReset = false;
	context->mem_allocated += size;
	if ((flags & MCXT_ALLOC_ZERO) != 0)
		memset(ch + 1, 0, size);
	return ch + 1;
}

/* palloc in a given context. */
void *
MemoryContextAlloc(MemoryContext context, Size size)
{
	return stub_alloc(context, size, 0);
}

/* palloc0 in a given context. */
void *
MemoryContextAllocZero(MemoryContext context, Size size)
{
	return stub_alloc(context, size, MCXT_ALLOC_ZERO);
}

/* palloc_extended in a given context. */
void *
MemoryContextAllocExtended(MemoryContext context, Size size, int flags)
{
	return stub_alloc(context, size, flags);
}

/* Allocate a chunk that may exceed MaxAllocSize. */
void *
MemoryContextAllocHuge(MemoryContext context, Size size)
{
	return stub_alloc(context, size, MCXT_ALLOC_HUGE);
}

/* Allocate in CurrentMemoryContext. */
void *
palloc(Size size)
{
	return stub_alloc(CurrentMemoryContext, size, 0);
}

/* Allocate zeroed memory in CurrentMemoryContext. */
void *
palloc0(Size size)
{
	return stub_alloc(CurrentMemoryContext, size, MCXT_ALLOC_ZERO);
}

/* Allocate in CurrentMemoryContext with MCXT_ALLOC_* flags. */
void *
palloc_extended(Size size, int flags)
{
	return stub_alloc(CurrentMemoryContext, size, flags);
}

/* Free a chunk. */
void
pfree(void *pointer)
{
	StubChunk  *ch = chunk_of(pointer);
	StubContext *c = (StubContext *) ch->context;

	if (ch->prev != NULL)
		ch->prev->next = ch->next;
	else
		c->chunks = ch->next;
	if (ch->next != NULL)
		ch->next->prev = ch->prev;
	ch->context->mem_allocated -= ch->size;
	ch->magic = 0;
	free(ch);
}

/*
 * Resize a chunk within its context.  Always a new chunk, so that a stale
 * pointer to the old one is a use after free AddressSanitizer reports.
 */
static void *
stub_realloc(void *pointer, Size size, int flags)
{
	StubChunk  *ch = chunk_of(pointer);
	void	   *n = stub_alloc(ch->context, size, flags);

	memcpy(n, pointer, Min(size, ch->size));
	pfree(pointer);
	return n;
}

/* Resize a chunk (at most MaxAllocSize). */
void *
repalloc(void *pointer, Size size)
{
	return stub_realloc(pointer, size, 0);
}

/* Resize a chunk (at most MaxAllocHugeSize). */
void *
repalloc_huge(void *pointer, Size size)
{
	return stub_realloc(pointer, size, MCXT_ALLOC_HUGE);
}

/* Copy a string into a context. */
char *
MemoryContextStrdup(MemoryContext context, const char *string)
{
	Size		len = strlen(string) + 1;
	char	   *nstr = MemoryContextAlloc(context, len);

	memcpy(nstr, string, len);
	return nstr;
}

/* Copy a string into CurrentMemoryContext. */
char *
pstrdup(const char *in)
{
	return MemoryContextStrdup(CurrentMemoryContext, in);
}

/* Copy at most len bytes of a string, stopping at a NUL, as mcxt.c does. */
char *
pnstrdup(const char *in, Size len)
{
	char	   *out;

	len = strnlen(in, len);
	out = palloc(len + 1);
	memcpy(out, in, len);
	out[len] = '\0';
	return out;
}

/*
 * src/common/unicode_norm.c, frontend build, calls malloc and free; the
 * Makefile renames them to these, which is what its backend build uses.
 */
void	   *fuzz_norm_alloc(size_t size);
void		fuzz_norm_free(void *pointer);

/* ALLOC() of unicode_norm.c. */
void *
fuzz_norm_alloc(size_t size)
{
	return palloc_extended(size, MCXT_ALLOC_NO_OOM);
}

/* FREE() of unicode_norm.c. */
void
fuzz_norm_free(void *pointer)
{
	pfree(pointer);
}

/* ----------------------------------------------------------------
 * Errors
 * ----------------------------------------------------------------
 */

#define STUB_ERRORDATA_STACK_SIZE 5

static ErrorData errordata[STUB_ERRORDATA_STACK_SIZE];
static int	errordata_depth = -1;

ErrorContextCallback *error_context_stack = NULL;
sigjmp_buf *PG_exception_stack = NULL;
volatile sig_atomic_t InterruptPending = false;
volatile uint32 InterruptHoldoffCount = 0;

/* The error being built. */
static ErrorData *
current_error(void)
{
	if (errordata_depth < 0)
		fuzz_fail("err*() called outside ereport()");
	return &errordata[errordata_depth];
}

/* Begin an error report (every level is formatted; see the file header). */
bool
errstart(int elevel, const char *domain)
{
	ErrorData  *edata;

	if (errordata_depth + 1 >= STUB_ERRORDATA_STACK_SIZE)
		fuzz_fail("ERRORDATA_STACK_SIZE exceeded");
	edata = &errordata[++errordata_depth];
	memset(edata, 0, sizeof(ErrorData));
	edata->elevel = elevel;
	edata->domain = domain;
	edata->context_domain = domain;
	if (elevel >= ERROR)
		edata->sqlerrcode = ERRCODE_INTERNAL_ERROR;
	else if (elevel >= WARNING)
		edata->sqlerrcode = ERRCODE_WARNING;
	else
		edata->sqlerrcode = ERRCODE_SUCCESSFUL_COMPLETION;
	edata->saved_errno = errno;
	edata->assoc_context = ErrorContext;
	return true;
}

/* errstart for levels known at compile time to be ERROR or above. */
bool
errstart_cold(int elevel, const char *domain)
{
	return errstart(elevel, domain);
}

/* Format a message into ErrorContext, as elog.c's EVALUATE_MESSAGE does. */
static char *
format_message(const char *fmt, va_list args)
{
	MemoryContext old = MemoryContextSwitchTo(ErrorContext);
	StringInfoData buf;

	initStringInfo(&buf);
	for (;;)
	{
		va_list		copy;
		int			needed;

		va_copy(copy, args);
		errno = current_error()->saved_errno;
		needed = appendStringInfoVA(&buf, fmt, copy);
		va_end(copy);
		if (needed == 0)
			break;
		enlargeStringInfo(&buf, needed);
	}
	MemoryContextSwitchTo(old);
	return buf.data;
}

/* Set the SQLSTATE of the error being built. */
int
errcode(int sqlerrcode)
{
	current_error()->sqlerrcode = sqlerrcode;
	return 0;
}

/* Primary message. */
int
errmsg(const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	current_error()->message = format_message(fmt, args);
	va_end(args);
	current_error()->message_id = fmt;
	return 0;
}

/* Primary message, not translated. */
int
errmsg_internal(const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	current_error()->message = format_message(fmt, args);
	va_end(args);
	current_error()->message_id = fmt;
	return 0;
}

/* Detail message. */
int
errdetail(const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	current_error()->detail = format_message(fmt, args);
	va_end(args);
	return 0;
}

/* Detail message, not translated. */
int
errdetail_internal(const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	current_error()->detail = format_message(fmt, args);
	va_end(args);
	return 0;
}

/* Hint message. */
int
errhint(const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	current_error()->hint = format_message(fmt, args);
	va_end(args);
	return 0;
}

/* Message domain of the context line that follows. */
int
set_errcontext_domain(const char *domain)
{
	current_error()->context_domain = domain;
	return 0;
}

/* A context line, appended to those already there (one per line). */
int
errcontext_msg(const char *fmt,...)
{
	ErrorData  *edata = current_error();
	va_list		args;
	char	   *line;

	va_start(args, fmt);
	line = format_message(fmt, args);
	va_end(args);
	if (edata->context == NULL)
		edata->context = line;
	else
		edata->context = MemoryContextStrdup(ErrorContext,
											 psprintf("%s\n%s", edata->context, line));
	return 0;
}

/*
 * Finish an error report: run the context callbacks, then throw an ERROR
 * to the innermost PG_TRY, abort on FATAL or PANIC, drop anything less.
 */
void
errfinish(const char *filename, int lineno, const char *funcname)
{
	ErrorData  *edata = current_error();
	ErrorContextCallback *econtext;
	MemoryContext old;

	edata->filename = filename;
	edata->lineno = lineno;
	edata->funcname = funcname;
	old = MemoryContextSwitchTo(ErrorContext);
	for (econtext = error_context_stack; econtext != NULL;
		 econtext = econtext->previous)
		econtext->callback(econtext->arg);
	MemoryContextSwitchTo(old);

	if (edata->elevel >= FATAL)
		fuzz_fail("%s reported at %s:%d: %s",
				  edata->elevel == FATAL ? "FATAL" : "PANIC", filename,
				  lineno, edata->message ? edata->message : "");
	if (edata->elevel >= ERROR)
	{
		InterruptHoldoffCount = 0;
		PG_RE_THROW();
	}
	errordata_depth--;
	if (errordata_depth < 0)
		MemoryContextReset(ErrorContext);
}

/* Jump to the innermost PG_TRY. */
void
pg_re_throw(void)
{
	if (PG_exception_stack != NULL)
		siglongjmp(*PG_exception_stack, 1);
	fuzz_fail("ERROR raised outside PG_TRY: %s",
			  errordata_depth >= 0 && errordata[errordata_depth].message ?
			  errordata[errordata_depth].message : "");
}

/* Copy of the current error, in CurrentMemoryContext. */
ErrorData *
CopyErrorData(void)
{
	ErrorData  *edata = current_error();
	ErrorData  *copy = palloc(sizeof(ErrorData));

	memcpy(copy, edata, sizeof(ErrorData));
	if (copy->message)
		copy->message = pstrdup(copy->message);
	if (copy->detail)
		copy->detail = pstrdup(copy->detail);
	if (copy->hint)
		copy->hint = pstrdup(copy->hint);
	if (copy->context)
		copy->context = pstrdup(copy->context);
	copy->assoc_context = CurrentMemoryContext;
	return copy;
}

/* Forget the error being handled. */
void
FlushErrorState(void)
{
	errordata_depth = -1;
	MemoryContextReset(ErrorContext);
}

/* SQLSTATE of the error being built. */
int
geterrcode(void)
{
	return current_error()->sqlerrcode;
}

/* Interrupts are never pending outside the server. */
void
ProcessInterrupts(void)
{
	stub_unreachable("ProcessInterrupts");
}

/* ----------------------------------------------------------------
 * Encodings (the database encoding is UTF8)
 * ----------------------------------------------------------------
 */

/* The database encoding. */
int
GetDatabaseEncoding(void)
{
	return PG_UTF8;
}

/* The error for an invalid byte sequence, worded as mbutils.c words it. */
void
report_invalid_encoding(int encoding, const char *mbstr, int len)
{
	int			l = pg_encoding_mblen_or_incomplete(encoding, mbstr, len);
	char		buf[8 * 5 + 1];
	char	   *p = buf;
	int			j,
				jlimit;

	jlimit = Min(l, len);
	jlimit = Min(jlimit, 8);
	for (j = 0; j < jlimit; j++)
	{
		p += sprintf(p, "0x%02x", (unsigned char) mbstr[j]);
		if (j < jlimit - 1)
			p += sprintf(p, " ");
	}
	ereport(ERROR,
			(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
			 errmsg("invalid byte sequence for encoding \"%s\": %s",
					pg_enc2name_tbl[encoding].name, buf)));
}

/* Verify a string in an encoding; report or return false when invalid. */
bool
pg_verify_mbstr(int encoding, const char *mbstr, int len, bool noError)
{
	int			oklen = pg_encoding_verifymbstr(encoding, mbstr, len);

	if (oklen != len)
	{
		if (noError)
			return false;
		report_invalid_encoding(encoding, mbstr + oklen, len - oklen);
	}
	return true;
}

/* Bytes of at most limit bytes of a UTF-8 string that end on a character. */
int
pg_mbcliplen(const char *mbstr, int len, int limit)
{
	int			clen = 0;
	int			l;

	while (len > 0 && *mbstr)
	{
		l = pg_utf_mblen((const unsigned char *) mbstr);
		if ((clen + l) > limit)
			break;
		clen += l;
		if (clen == limit)
			break;
		len -= l;
		mbstr += l;
	}
	return clen;
}

/* Characters of a NUL-terminated UTF-8 string. */
int
pg_mbstrlen(const char *mbstr)
{
	int			len = 0;

	while (*mbstr)
	{
		mbstr += pg_utf_mblen((const unsigned char *) mbstr);
		len++;
	}
	return len;
}

/*
 * SJIS to UTF8, the one conversion kansa asks for (see the file header):
 * byte sequences checked as the server's conversion checks them, ASCII and
 * half-width katakana mapped exactly, double-byte characters to U+3013.
 */
unsigned char *
pg_do_encoding_conversion(unsigned char *src, int len, int src_encoding,
						  int dest_encoding)
{
	StringInfoData out;
	const char *p = (const char *) src;

	if (len <= 0 || src_encoding == dest_encoding)
		return src;
	if (src_encoding != PG_SJIS || dest_encoding != PG_UTF8)
		stub_unreachable("pg_do_encoding_conversion (other than SJIS to UTF8)");
	initStringInfo(&out);
	while (len > 0)
	{
		unsigned char c = (unsigned char) *p;
		int			l;

		if (c == 0)
			report_invalid_encoding(PG_SJIS, p, len);
		if (c < 0x80)
		{
			appendStringInfoChar(&out, (char) c);
			p++;
			len--;
			continue;
		}
		l = pg_encoding_verifymbchar(PG_SJIS, p, len);
		if (l < 0)
			report_invalid_encoding(PG_SJIS, p, len);
		if (l == 1 && c >= 0xA1 && c <= 0xDF)
		{
			unsigned char u[4];

			unicode_to_utf8(0xFF61 + (c - 0xA1), u);
			appendBinaryStringInfo(&out, (char *) u, 3);
		}
		else
			appendStringInfoString(&out, "\xE3\x80\x93");
		p += l;
		len -= l;
	}
	return (unsigned char *) out.data;
}

/* The canonical combining class of a code point (UnicodeDecompMain). */
static uint8
canonical_class(pg_wchar code)
{
	int			lo = 0;
	int			hi = lengthof(UnicodeDecompMain) - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;

		if (code < UnicodeDecompMain[mid].codepoint)
			hi = mid - 1;
		else if (code > UnicodeDecompMain[mid].codepoint)
			lo = mid + 1;
		else
			return UnicodeDecompMain[mid].comb_class;
	}
	return 0;
}

/* The NFC or NFKC quick-check property of a code point. */
static UnicodeNormalizationQC
qc_is_allowed(UnicodeNormalizationForm form, pg_wchar ch)
{
	const pg_unicode_norminfo *info = form == UNICODE_NFC ?
	&UnicodeNormInfo_NFC_QC : &UnicodeNormInfo_NFKC_QC;
	uint32		hashkey = pg_hton32(ch);
	int			h = info->hash(&hashkey);

	if (h < 0 || h >= info->num_normprops ||
		ch != info->normprops[h].codepoint)
		return UNICODE_NORM_QC_YES;
	return info->normprops[h].quickcheck;
}

/*
 * UAX #15 quick check, as the backend build of src/common/unicode_norm.c
 * does it (see the file header).
 */
UnicodeNormalizationQC
unicode_is_normalized_quickcheck(UnicodeNormalizationForm form,
								 const pg_wchar *input)
{
	uint8		last = 0;
	UnicodeNormalizationQC result = UNICODE_NORM_QC_YES;
	const pg_wchar *p;

	if (form == UNICODE_NFD || form == UNICODE_NFKD)
		return UNICODE_NORM_QC_MAYBE;
	for (p = input; *p; p++)
	{
		uint8		cls = canonical_class(*p);
		UnicodeNormalizationQC check;

		if (last > cls && cls != 0)
			return UNICODE_NORM_QC_NO;
		check = qc_is_allowed(form, *p);
		if (check == UNICODE_NORM_QC_NO)
			return UNICODE_NORM_QC_NO;
		else if (check == UNICODE_NORM_QC_MAYBE)
			result = UNICODE_NORM_QC_MAYBE;
		last = cls;
	}
	if (result == UNICODE_NORM_QC_YES)
	{
		/* "yes" must mean what unicode_normalize says: check it here */
		pg_wchar   *norm = unicode_normalize(form, input);
		int			i;

		for (i = 0; norm != NULL && norm[i] == input[i] && input[i] != 0; i++)
			;
		if (norm != NULL && norm[i] != input[i])
			fuzz_fail("quick check says normalized, unicode_normalize differs at %d", i);
		if (norm != NULL)
			pfree(norm);
	}
	return result;
}

/* ----------------------------------------------------------------
 * pqformat
 * ----------------------------------------------------------------
 */

/* Start a binary send buffer, with room for the varlena header. */
void
pq_begintypsend(StringInfo buf)
{
	initStringInfo(buf);
	appendStringInfoCharMacro(buf, '\0');
	appendStringInfoCharMacro(buf, '\0');
	appendStringInfoCharMacro(buf, '\0');
	appendStringInfoCharMacro(buf, '\0');
}

/* Finish a binary send buffer: it becomes a bytea. */
bytea *
pq_endtypsend(StringInfo buf)
{
	bytea	   *result = (bytea *) buf->data;

	SET_VARSIZE(result, buf->len);
	return result;
}

/* Append raw bytes. */
void
pq_sendbytes(StringInfo buf, const char *data, int datalen)
{
	appendBinaryStringInfo(buf, data, datalen);
}

/* Next byte of a message. */
int
pq_getmsgbyte(StringInfo msg)
{
	if (msg->cursor >= msg->len)
		ereport(ERROR,
				(errcode(ERRCODE_PROTOCOL_VIOLATION),
				 errmsg("no data left in message")));
	return (unsigned char) msg->data[msg->cursor++];
}

/* Copy the next datalen bytes of a message. */
void
pq_copymsgbytes(StringInfo msg, char *buf, int datalen)
{
	if (datalen < 0 || datalen > (msg->len - msg->cursor))
		ereport(ERROR,
				(errcode(ERRCODE_PROTOCOL_VIOLATION),
				 errmsg("insufficient data left in message")));
	memcpy(buf, &msg->data[msg->cursor], datalen);
	msg->cursor += datalen;
}

/* Next b-byte integer of a message, in network order. */
unsigned int
pq_getmsgint(StringInfo msg, int b)
{
	unsigned char n8;
	uint16		n16;
	uint32		n32;

	switch (b)
	{
		case 1:
			pq_copymsgbytes(msg, (char *) &n8, 1);
			return n8;
		case 2:
			pq_copymsgbytes(msg, (char *) &n16, 2);
			return pg_ntoh16(n16);
		case 4:
			pq_copymsgbytes(msg, (char *) &n32, 4);
			return pg_ntoh32(n32);
		default:
			elog(ERROR, "unsupported integer size %d", b);
	}
	return 0;
}

/*
 * Next rawbytes bytes of a message as text in the database encoding: the
 * client encoding is UTF8 too, so the bytes are verified (NULs and invalid
 * sequences are errors) and copied, as pg_client_to_server does.
 */
char *
pq_getmsgtext(StringInfo msg, int rawbytes, int *nbytes)
{
	char	   *str;
	char	   *p;

	if (rawbytes < 0 || rawbytes > (msg->len - msg->cursor))
		ereport(ERROR,
				(errcode(ERRCODE_PROTOCOL_VIOLATION),
				 errmsg("insufficient data left in message")));
	str = &msg->data[msg->cursor];
	msg->cursor += rawbytes;
	if (rawbytes > 0)
		(void) pg_verify_mbstr(PG_UTF8, str, rawbytes, false);
	p = palloc(rawbytes + 1);
	memcpy(p, str, rawbytes);
	p[rawbytes] = '\0';
	*nbytes = rawbytes;
	return p;
}

/* ----------------------------------------------------------------
 * libxml2 glue, after core's xml.c
 * ----------------------------------------------------------------
 */

#define ERRCXT_MAGIC	68275028

struct PgXmlErrorContext
{
	int			magic;
	PgXmlStrictness strictness;
	bool		err_occurred;
	StringInfoData err_buf;
	xmlStructuredErrorFunc saved_errfunc;
	void	   *saved_errcxt;
	xmlExternalEntityLoader saved_entityfunc;
};

/* Every external entity is an empty string: nothing is ever fetched. */
static xmlParserInputPtr
xmlPgEntityLoader(const char *URL, const char *ID, xmlParserCtxtPtr ctxt)
{
	return xmlNewStringInputStream(ctxt, (const xmlChar *) "");
}

/* Drop trailing newlines of a message. */
static void
chop_newlines(StringInfo str)
{
	while (str->len > 0 && str->data[str->len - 1] == '\n')
		str->data[--str->len] = '\0';
}

/*
 * libxml2's structured error handler: errors are collected for
 * xml_ereport, warnings and notices reported at once (as core does).
 */
static void
xml_errorHandler(void *data, xmlErrorPtr error)
{
	PgXmlErrorContext *xmlerrcxt = (PgXmlErrorContext *) data;
	xmlNodePtr	node = error->node;
	const xmlChar *name = (node != NULL && node->type == XML_ELEMENT_NODE) ?
	node->name : NULL;
	int			domain = error->domain;
	int			level = error->level;
	StringInfoData msg;

	if (xmlerrcxt->magic != ERRCXT_MAGIC)
		fuzz_fail("xml_errorHandler called with invalid PgXmlErrorContext");
	if (error->domain == XML_FROM_PARSER &&
		(error->code == XML_NS_ERR_UNDEFINED_NAMESPACE ||
		 error->code == XML_NS_ERR_QNAME ||
		 error->code == XML_NS_ERR_ATTRIBUTE_REDEFINED))
	{
		level = XML_ERR_ERROR;
		domain = XML_FROM_NAMESPACE;
	}
	switch (domain)
	{
		case XML_FROM_PARSER:
		case XML_FROM_NONE:
		case XML_FROM_MEMORY:
		case XML_FROM_IO:
			if (error->code == XML_WAR_UNDECLARED_ENTITY)
				return;
			break;
		default:
			if (xmlerrcxt->strictness == PG_XML_STRICTNESS_WELLFORMED)
				return;
			break;
	}
	initStringInfo(&msg);
	if (error->line > 0)
		appendStringInfo(&msg, "line %d: ", error->line);
	if (name != NULL)
		appendStringInfo(&msg, "element %s: ", name);
	if (error->message != NULL)
		appendStringInfoString(&msg, error->message);
	else
		appendStringInfoString(&msg, "(no message provided)");
	chop_newlines(&msg);
	if (level >= XML_ERR_ERROR)
	{
		if (xmlerrcxt->err_buf.len > 0)
			appendStringInfoChar(&xmlerrcxt->err_buf, '\n');
		appendBinaryStringInfo(&xmlerrcxt->err_buf, msg.data, msg.len);
		xmlerrcxt->err_occurred = true;
	}
	else if (level >= XML_ERR_WARNING)
		ereport(WARNING, (errmsg_internal("%s", msg.data)));
	else
		ereport(NOTICE, (errmsg_internal("%s", msg.data)));
	pfree(msg.data);
}

/* Check libxml2's version once. */
void
pg_xml_init_library(void)
{
	static bool first_time = true;

	if (first_time)
	{
		LIBXML_TEST_VERSION;
		first_time = false;
	}
}

/* Install kansa's error handler and entity loader for one parse. */
PgXmlErrorContext *
pg_xml_init(PgXmlStrictness strictness)
{
	PgXmlErrorContext *errcxt;

	pg_xml_init_library();
	errcxt = palloc(sizeof(PgXmlErrorContext));
	errcxt->magic = ERRCXT_MAGIC;
	errcxt->strictness = strictness;
	errcxt->err_occurred = false;
	initStringInfo(&errcxt->err_buf);
	errcxt->saved_errfunc = xmlStructuredError;
	errcxt->saved_errcxt = xmlStructuredErrorContext;
	xmlSetStructuredErrorFunc((void *) errcxt, xml_errorHandler);
	if (xmlStructuredErrorContext != errcxt)
		ereport(ERROR,
				(errcode(ERRCODE_EXTERNAL_ROUTINE_EXCEPTION),
				 errmsg("could not set up XML error handler")));
	errcxt->saved_entityfunc = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(xmlPgEntityLoader);
	return errcxt;
}

/*
 * Restore libxml2's handlers.  Core warns when the state is out of sync;
 * outside the server that is a bug the fuzzer must report.
 */
void
pg_xml_done(PgXmlErrorContext *errcxt, bool isError)
{
	if (errcxt->magic != ERRCXT_MAGIC)
		fuzz_fail("pg_xml_done called with invalid PgXmlErrorContext");
	if (xmlStructuredErrorContext != errcxt)
		fuzz_fail("libxml error handling state is out of sync with xml.c");
	xmlSetStructuredErrorFunc(errcxt->saved_errcxt, errcxt->saved_errfunc);
	xmlSetExternalEntityLoader(errcxt->saved_entityfunc);
	errcxt->magic = 0;
	pfree(errcxt->err_buf.data);
	pfree(errcxt);
}

/* Has libxml2 reported an error since pg_xml_init? */
bool
pg_xml_error_occurred(PgXmlErrorContext *errcxt)
{
	return errcxt->err_occurred;
}

/* Raise an error with libxml2's collected messages as the detail. */
void
xml_ereport(PgXmlErrorContext *errcxt, int level, int sqlcode, const char *msg)
{
	char	   *detail;

	if (errcxt->magic != ERRCXT_MAGIC)
		elog(ERROR, "xml_ereport called with invalid PgXmlErrorContext");
	errcxt->err_occurred = false;
	detail = errcxt->err_buf.len > 0 ? errcxt->err_buf.data : NULL;
	ereport(level,
			(errcode(sqlcode),
			 errmsg_internal("%s", msg),
			 detail ? errdetail_internal("%s", detail) : 0));
}

/*
 * Are libxml2's error handler and entity loader what they were before the
 * first input?  The first call records them.
 */
bool
fuzz_xml_state_clean(void)
{
	static bool recorded = false;
	static xmlStructuredErrorFunc errfunc;
	static void *errcxt;
	static xmlExternalEntityLoader loader;

	if (!recorded)
	{
		errfunc = xmlStructuredError;
		errcxt = xmlStructuredErrorContext;
		loader = xmlGetExternalEntityLoader();
		recorded = true;
		return true;
	}
	return xmlStructuredError == errfunc &&
		xmlStructuredErrorContext == errcxt &&
		xmlGetExternalEntityLoader() == loader;
}

/* ----------------------------------------------------------------
 * Lists, text, detoasting
 * ----------------------------------------------------------------
 */

/* A list of n cells, room for a few more in the same chunk. */
static List *
new_list(NodeTag type, int n)
{
	int			max = Max(n, 5);
	List	   *list = palloc(offsetof(List, initial_elements) +
							  max * sizeof(ListCell));

	list->type = type;
	list->length = n;
	list->max_length = max;
	list->elements = list->initial_elements;
	return list;
}

/* A one-cell list. */
List *
list_make1_impl(NodeTag t, ListCell datum1)
{
	List	   *list = new_list(t, 1);

	list->elements[0] = datum1;
	return list;
}

/* Append a pointer to a list, growing it as list.c does. */
List *
lappend(List *list, void *datum)
{
	if (list == NIL)
		list = new_list(T_List, 1);
	else
	{
		if (list->length >= list->max_length)
		{
			int			max = pg_nextpower2_32(Max(16, list->length + 1));

			if (list->elements == list->initial_elements)
			{
				list->elements = MemoryContextAlloc(GetMemoryChunkContext(list),
													max * sizeof(ListCell));
				memcpy(list->elements, list->initial_elements,
					   list->length * sizeof(ListCell));
			}
			else
				list->elements = repalloc(list->elements, max * sizeof(ListCell));
			list->max_length = max;
		}
		list->length++;
	}
	lfirst(list_last_cell(list)) = datum;
	return list;
}

/* A text datum of len bytes. */
text *
cstring_to_text_with_len(const char *s, int len)
{
	text	   *result = (text *) palloc(len + VARHDRSZ);

	SET_VARSIZE(result, len + VARHDRSZ);
	memcpy(VARDATA(result), s, len);
	return result;
}

/* A text datum of a C string. */
text *
cstring_to_text(const char *s)
{
	return cstring_to_text_with_len(s, strlen(s));
}

/* A C string of a text datum. */
char *
text_to_cstring(const text *t)
{
	text	   *tunpacked = pg_detoast_datum_packed(unconstify(text *, t));
	int			len = VARSIZE_ANY_EXHDR(tunpacked);
	char	   *result = palloc(len + 1);

	memcpy(result, VARDATA_ANY(tunpacked), len);
	result[len] = '\0';
	return result;
}

/* Harness values are never compressed or external: check, pass through. */
struct varlena *
pg_detoast_datum_packed(struct varlena *datum)
{
	if (VARATT_IS_COMPRESSED(datum) || VARATT_IS_EXTERNAL(datum))
		stub_unreachable("pg_detoast_datum_packed (toasted value)");
	return datum;
}

/* A 4-byte-header copy of a short-header value, as detoast_attr makes. */
struct varlena *
pg_detoast_datum(struct varlena *datum)
{
	if (VARATT_IS_COMPRESSED(datum) || VARATT_IS_EXTERNAL(datum))
		stub_unreachable("pg_detoast_datum (toasted value)");
	if (VARATT_IS_SHORT(datum))
	{
		Size		data_size = VARSIZE_SHORT(datum) - VARHDRSZ_SHORT;
		struct varlena *result = palloc(data_size + VARHDRSZ);

		SET_VARSIZE(result, data_size + VARHDRSZ);
		memcpy(VARDATA(result), VARDATA_SHORT(datum), data_size);
		return result;
	}
	return datum;
}

/* ----------------------------------------------------------------
 * Never reached from the harnesses (SQL-level wrappers only)
 * ----------------------------------------------------------------
 */

/* DirectFunctionCall1Coll: aborts (see above). */
Datum
DirectFunctionCall1Coll(PGFunction func, Oid collation, Datum arg1)
{
	stub_unreachable("DirectFunctionCall1Coll");
	return (Datum) 0;
}

/* DirectFunctionCall3Coll: aborts (see above). */
Datum
DirectFunctionCall3Coll(PGFunction func, Oid collation, Datum arg1,
						Datum arg2, Datum arg3)
{
	stub_unreachable("DirectFunctionCall3Coll");
	return (Datum) 0;
}

/* numeric_in: aborts (see above). */
Datum
numeric_in(PG_FUNCTION_ARGS)
{
	stub_unreachable("numeric_in");
	return (Datum) 0;
}

/* numeric_out: aborts (see above). */
Datum
numeric_out(PG_FUNCTION_ARGS)
{
	stub_unreachable("numeric_out");
	return (Datum) 0;
}

/* numeric_int4: aborts (see above). */
Datum
numeric_int4(PG_FUNCTION_ARGS)
{
	stub_unreachable("numeric_int4");
	return (Datum) 0;
}

/* findJsonbValueFromContainer: aborts (see above). */
JsonbValue *
findJsonbValueFromContainer(JsonbContainer *container, uint32 flags,
							JsonbValue *key)
{
	stub_unreachable("findJsonbValueFromContainer");
	return NULL;
}

/* InitMaterializedSRF: aborts (see above). */
void
InitMaterializedSRF(FunctionCallInfo fcinfo, bits32 flags)
{
	stub_unreachable("InitMaterializedSRF");
}

/* tuplestore_putvalues: aborts (see above). */
void
tuplestore_putvalues(Tuplestorestate *state, TupleDesc tdesc,
					 Datum *values, bool *isnull)
{
	stub_unreachable("tuplestore_putvalues");
}

/* init_MultiFuncCall: aborts (see above). */
FuncCallContext *
init_MultiFuncCall(PG_FUNCTION_ARGS)
{
	stub_unreachable("init_MultiFuncCall");
	return NULL;
}

/* per_MultiFuncCall: aborts (see above). */
FuncCallContext *
per_MultiFuncCall(PG_FUNCTION_ARGS)
{
	stub_unreachable("per_MultiFuncCall");
	return NULL;
}

/* end_MultiFuncCall: aborts (see above). */
void
end_MultiFuncCall(PG_FUNCTION_ARGS, FuncCallContext *funcctx)
{
	stub_unreachable("end_MultiFuncCall");
}

/* get_call_result_type: aborts (see above). */
TypeFuncClass
get_call_result_type(FunctionCallInfo fcinfo, Oid *resultTypeId,
					 TupleDesc *resultTupleDesc)
{
	stub_unreachable("get_call_result_type");
	return TYPEFUNC_OTHER;
}

/* heap_form_tuple: aborts (see above). */
HeapTuple
heap_form_tuple(TupleDesc tupleDescriptor, Datum *values, bool *isnull)
{
	stub_unreachable("heap_form_tuple");
	return NULL;
}

/* HeapTupleHeaderGetDatum: aborts (see above). */
Datum
HeapTupleHeaderGetDatum(HeapTupleHeader tuple)
{
	stub_unreachable("HeapTupleHeaderGetDatum");
	return (Datum) 0;
}

/* construct_array: aborts (see above). */
ArrayType *
construct_array(Datum *elems, int nelems, Oid elmtype, int elmlen,
				bool elmbyval, char elmalign)
{
	stub_unreachable("construct_array");
	return NULL;
}

/* construct_empty_array: aborts (see above). */
ArrayType *
construct_empty_array(Oid elmtype)
{
	stub_unreachable("construct_empty_array");
	return NULL;
}

/* deconstruct_array: aborts (see above). */
void
deconstruct_array(ArrayType *array, Oid elmtype, int elmlen, bool elmbyval,
				  char elmalign, Datum **elemsp, bool **nullsp, int *nelemsp)
{
	stub_unreachable("deconstruct_array");
}

/* ArrayGetNItems: aborts (see above). */
int
ArrayGetNItems(int ndim, const int *dims)
{
	stub_unreachable("ArrayGetNItems");
	return 0;
}

/* escape_json: aborts (see above). */
void
escape_json(StringInfo buf, const char *str)
{
	stub_unreachable("escape_json");
}

/* DefineCustomIntVariable: aborts (see above). */
void
DefineCustomIntVariable(const char *name, const char *short_desc,
						const char *long_desc, int *valueAddr, int bootValue,
						int minValue, int maxValue, GucContext context,
						int flags, GucIntCheckHook check_hook,
						GucIntAssignHook assign_hook, GucShowHook show_hook)
{
	stub_unreachable("DefineCustomIntVariable");
}

/* DefineCustomStringVariable: aborts (see above). */
void
DefineCustomStringVariable(const char *name, const char *short_desc,
						   const char *long_desc, char **valueAddr,
						   const char *bootValue, GucContext context, int flags,
						   GucStringCheckHook check_hook,
						   GucStringAssignHook assign_hook,
						   GucShowHook show_hook)
{
	stub_unreachable("DefineCustomStringVariable");
}

/* DefineCustomBoolVariable: aborts (see above). */
void
DefineCustomBoolVariable(const char *name, const char *short_desc,
						 const char *long_desc, bool *valueAddr, bool bootValue,
						 GucContext context, int flags,
						 GucBoolCheckHook check_hook,
						 GucBoolAssignHook assign_hook, GucShowHook show_hook)
{
	stub_unreachable("DefineCustomBoolVariable");
}

/* The settings' check hooks (kansa.today) never run in the harness. */
char	   *GUC_check_errdetail_string;

/* pre_format_elog_string: aborts (see above). */
void
pre_format_elog_string(int errnumber, const char *domain)
{
	stub_unreachable("pre_format_elog_string");
}

/* format_elog_string: aborts (see above). */
char *
format_elog_string(const char *fmt,...)
{
	stub_unreachable("format_elog_string");
	return NULL;
}

/* GetSQLCurrentDate: aborts (see above). */
DateADT
GetSQLCurrentDate(void)
{
	stub_unreachable("GetSQLCurrentDate");
	return 0;
}

/* date2j: aborts (see above). */
int
date2j(int year, int month, int day)
{
	stub_unreachable("date2j");
	return 0;
}

/* j2date: aborts (see above). */
void
j2date(int jd, int *year, int *month, int *day)
{
	stub_unreachable("j2date");
}

/* MarkGUCPrefixReserved: aborts (see above). */
void
MarkGUCPrefixReserved(const char *className)
{
	stub_unreachable("MarkGUCPrefixReserved");
}

/* initHyperLogLog: aborts (see above). */
void
initHyperLogLog(hyperLogLogState *cState, uint8 bwidth)
{
	stub_unreachable("initHyperLogLog");
}

/* addHyperLogLog: aborts (see above). */
void
addHyperLogLog(hyperLogLogState *cState, uint32 hash)
{
	stub_unreachable("addHyperLogLog");
}

/* estimateHyperLogLog: aborts (see above). */
double
estimateHyperLogLog(hyperLogLogState *cState)
{
	stub_unreachable("estimateHyperLogLog");
	return 0;
}

/* ssup_datum_unsigned_cmp: aborts (see above). */
int
ssup_datum_unsigned_cmp(Datum x, Datum y, SortSupport ssup)
{
	stub_unreachable("ssup_datum_unsigned_cmp");
	return 0;
}
