/*-------------------------------------------------------------------------
 *
 * fuzz.h
 *	  What kansa's libFuzzer harnesses share: the per-input memory context,
 *	  running parser code with ereport(ERROR) caught, calling fmgr entry
 *	  points without a server, and the checks that turn a broken property
 *	  into a crash libFuzzer reports.
 *
 * The backend calls kansa's C sources make are provided by pgstub.c.
 *
 * test/fuzz/fuzz.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef KANSA_FUZZ_H
#define KANSA_FUZZ_H

#include "postgres.h"

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/memutils.h"

/* The context every input's allocations go to; reset after each input. */
extern MemoryContext fuzz_input_context;

/* What the last ERROR caught by fuzz_try() said (in fuzz_input_context). */
extern int	fuzz_errcode;
extern char *fuzz_errmsg;

/*
 * Whether the input being run is valid UTF-8 without NUL bytes, as every
 * string the server hands a parser is; error texts must then be valid
 * UTF-8 too.  Harnesses set it after fuzz_begin().
 */
extern bool fuzz_input_is_text;

typedef void (*FuzzFn) (void *arg);

extern void fuzz_setup(void);
extern void fuzz_begin(void);
extern void fuzz_end(void);
extern bool fuzz_try(FuzzFn fn, void *arg);
extern void fuzz_must(FuzzFn fn, void *arg, const char *what);
extern void fuzz_fail(const char *fmt,...) pg_attribute_printf(1, 2) pg_attribute_noreturn();

/* A property of the code under test; a violation aborts the fuzzer. */
#define FUZZ_ASSERT(cond) \
	((cond) ? (void) 0 : \
	 fuzz_fail("%s:%d: property violated: %s", __FILE__, __LINE__, #cond))

extern bool fuzz_try_call(PGFunction fn, int nargs, Datum arg1, Datum arg2,
						  Datum *result);
extern Datum fuzz_must_call(PGFunction fn, int nargs, Datum arg1, Datum arg2,
							bool *isnull, const char *what);

/* Call a V1 function, catching its ERROR (false) or requiring none. */
#define fuzz_try_call1(fn, a, res) fuzz_try_call((fn), 1, (a), (Datum) 0, (res))
#define fuzz_try_call2(fn, a, b, res) fuzz_try_call((fn), 2, (a), (b), (res))
#define fuzz_must_call1(fn, a) \
	fuzz_must_call((fn), 1, (a), (Datum) 0, NULL, #fn)
#define fuzz_must_call2(fn, a, b) \
	fuzz_must_call((fn), 2, (a), (b), NULL, #fn)
extern text *fuzz_text(const char *data, size_t len);
extern char *fuzz_cstring(const char *data, size_t len);
extern StringInfo fuzz_message(const char *data, size_t len);
extern bool fuzz_utf8_valid(const char *s, size_t len);
extern bool fuzz_bytes_eq(const struct varlena *a, const struct varlena *b);

/*
 * A type's three readers of a literal, and how to compare two of its
 * values: what fuzz_check_literal() needs.
 */
typedef struct FuzzLiteral
{
	PGFunction	is_valid;		/* is_valid_<type>(text) */
	PGFunction	from_text;		/* the text cast */
	PGFunction	in;				/* the input function */
	bool		(*same) (Datum a, Datum b);
} FuzzLiteral;

extern bool fuzz_check_literal(const FuzzLiteral *type, const char *s,
							   size_t len, Datum *value);

/* fuzz.c defines libFuzzer's set-up hook for every target */
extern int	LLVMFuzzerInitialize(int *argc, char ***argv);

/* pgstub.c: what the harnesses may check of the stand-ins */
extern bool fuzz_xml_state_clean(void);

#endif							/* KANSA_FUZZ_H */
