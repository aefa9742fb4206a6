/*-------------------------------------------------------------------------
 *
 * control_id.c
 *	  The kansa.control_id type: a framework-qualified control identifier
 *	  such as "fisc8:運10-1", "asp_saas:III.1.1.1" or "iso27017:CLD.9.5.1".
 *
 * Input is normalised (NFKC, dashes, white space, case, dots) and only the
 * canonical text is stored, so byte equality is value equality.  Ordering is
 * "natural": by framework, then by dot-separated segments, comparing digit
 * runs as numbers and Roman-numeral segments as their value.
 *
 * src/control_id.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "catalog/pg_type.h"
#include "lib/hyperloglog.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/sortsupport.h"

#include "canon.h"
#include "control_id.h"
#include "kansa.h"
#include "normalize.h"

/* ----------------------------------------------------------------
 * Parsing and normalisation
 * ----------------------------------------------------------------
 */

/* Why a string is not a control_id; each has a detail sentence below. */
typedef enum
{
	CID_OK,
	CID_TOO_LONG_INPUT,
	CID_NO_COLON,
	CID_BAD_FRAMEWORK,
	CID_EMPTY_LOCAL,
	CID_BAD_CHAR,
	CID_TOO_LONG
} CidError;

/* Canonical form under construction. */
typedef struct
{
	char		buf[KANSA_CONTROL_ID_MAXLEN];
	int			fwlen;			/* bytes of the framework code */
	int			len;			/* total bytes, framework ':' local */
	pg_wchar	badchar;		/* for CID_BAD_CHAR */
	int			locallen;		/* for CID_TOO_LONG: bytes seen so far */
} CidBuild;

/*
 * Normalise a framework code from code points [s, e) into b: white space
 * around it is dropped, ASCII letters are lower-cased, and the result must
 * match [a-z][a-z0-9_]{0,31}.
 */
static CidError
build_framework(const pg_wchar *s, const pg_wchar *e, CidBuild *b)
{
	while (s < e && kansa_is_space(*s))
		s++;
	while (e > s && kansa_is_space(e[-1]))
		e--;
	if (s == e || e - s > KANSA_FRAMEWORK_MAXLEN)
		return CID_BAD_FRAMEWORK;
	b->fwlen = 0;
	for (; s < e; s++)
	{
		pg_wchar	c = *s;

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (!((c >= 'a' && c <= 'z') ||
			  (b->fwlen > 0 && ((c >= '0' && c <= '9') || c == '_'))))
			return CID_BAD_FRAMEWORK;
		b->buf[b->fwlen++] = (char) c;
	}
	b->buf[b->fwlen] = ':';
	b->len = b->fwlen + 1;
	return CID_OK;
}

/*
 * Normalise a local identifier from code points [s, e) and append it to b:
 * white space removed, dash-like characters made '-', ASCII letters
 * upper-cased, runs of '.' collapsed and leading or trailing '.' dropped.
 * What remains may hold letters of any script, ASCII digits and . - & ( ) / _
 * and must be 1 to KANSA_LOCAL_MAXLEN bytes long.
 */
static CidError
build_local(const pg_wchar *s, const pg_wchar *e, CidBuild *b)
{
	int			start = b->len;
	bool		pending_dot = false;
	int			locallen = 0;

	for (; s < e; s++)
	{
		pg_wchar	c = *s;
		unsigned char utf8[8];
		int			clen;

		if (kansa_is_space(c))
			continue;
		if (c == '.')
		{
			if (locallen > 0)
				pending_dot = true;
			continue;
		}
		if (c >= 'a' && c <= 'z')
			c -= 'a' - 'A';
		else if (kansa_is_dash(c))
			c = '-';
		else if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
				   c == '&' || c == '(' || c == ')' || c == '/' || c == '_' ||
				   kansa_is_letter(c)))
		{
			b->badchar = c;
			return CID_BAD_CHAR;
		}

		if (c < 0x80)
		{
			utf8[0] = (unsigned char) c;
			clen = 1;
		}
		else
		{
			unicode_to_utf8(c, utf8);
			clen = pg_utf_mblen(utf8);
		}
		if (locallen + pending_dot + clen > KANSA_LOCAL_MAXLEN)
		{
			/* keep counting so that the detail can say how long it is */
			b->locallen = locallen + pending_dot + clen;
			for (s++; s < e; s++)
				if (!kansa_is_space(*s))
				{
					unicode_to_utf8(*s, utf8);
					b->locallen += pg_utf_mblen(utf8);
				}
			return CID_TOO_LONG;
		}
		if (pending_dot)
		{
			b->buf[start + locallen++] = '.';
			pending_dot = false;
		}
		memcpy(b->buf + start + locallen, utf8, clen);
		locallen += clen;
	}
	if (locallen == 0)
		return CID_EMPTY_LOCAL;
	b->len = start + locallen;
	return CID_OK;
}

/*
 * Make the local part of b stable under NFKC.  Blanks are dropped and
 * dashes and case folded after NFKC, which can leave a combining mark next
 * to a letter it composes with ("p ́" and "p´", whose NFKC is a space and
 * U+0301, become "P" U+0301), so the canonical text would not read back as
 * itself.  Normalise the local part once more and build it again: NFKC
 * gives back no blanks, dashes or lower-case ASCII letters to fold, so the
 * result of the second build reads back as itself.
 */
static CidError
control_id_renormalize(CidBuild *b)
{
	int			start = b->fwlen + 1;
	pg_wchar	wbuf[KANSA_LOCAL_MAXLEN + 1];
	pg_wchar   *w;
	size_t		n;
	int			i;
	CidError	err;

	for (i = start; i < b->len; i++)
		if ((unsigned char) b->buf[i] >= 0x80)
			break;
	if (i == b->len)
		return CID_OK;			/* ASCII: nothing composes */
	w = kansa_nfkc(b->buf + start, b->len - start, &n, true, wbuf,
				   lengthof(wbuf));
	b->len = start;
	err = build_local(w, w + n, b);
	if (w != wbuf)
		pfree(w);
	return err;
}

/*
 * Report a parse failure of the input "orig" as core does for bad literals.
 */
static void
report_control_id_error(CidError err, const CidBuild *b, const char *orig)
{
	const char *detail = NULL;

	switch (err)
	{
		case CID_OK:
			return;
		case CID_TOO_LONG_INPUT:
			detail = psprintf("The input is longer than %d bytes.",
							  KANSA_CONTROL_ID_MAX_INPUT);
			break;
		case CID_NO_COLON:
			detail = "A control_id is a framework code, a colon and a local identifier, as in \"fisc8:運10-1\".";
			break;
		case CID_BAD_FRAMEWORK:
			detail = psprintf("A framework code starts with a letter and holds only letters, digits and underscores, at most %d characters.",
							  KANSA_FRAMEWORK_MAXLEN);
			break;
		case CID_EMPTY_LOCAL:
			detail = "The local identifier after the colon is empty.";
			break;
		case CID_BAD_CHAR:
			{
				unsigned char utf8[8] = {0};

				unicode_to_utf8(b->badchar, utf8);
				utf8[pg_utf_mblen(utf8)] = '\0';
				if (b->badchar < 0x20 || b->badchar == 0x7F)
					detail = psprintf("The character U+%04X is not allowed in a local identifier, which may hold letters, digits and . - & ( ) / _ only.",
									  (unsigned int) b->badchar);
				else
					detail = psprintf("The character \"%s\" (U+%04X) is not allowed in a local identifier, which may hold letters, digits and . - & ( ) / _ only.",
									  (char *) utf8, (unsigned int) b->badchar);
				break;
			}
		case CID_TOO_LONG:
			detail = psprintf("The local identifier is %d bytes long after normalization; the maximum is %d.",
							  b->locallen, KANSA_LOCAL_MAXLEN);
			break;
	}
	kansa_invalid_input("control_id", orig, strlen(orig), detail);
}

/* Make the varlena value from a finished build. */
static ControlId *
control_id_finish(const CidBuild *b)
{
	ControlId  *result = (ControlId *) palloc(VARHDRSZ + b->len);

	SET_VARSIZE(result, VARHDRSZ + b->len);
	memcpy(VARDATA(result), b->buf, b->len);
	return result;
}

/*
 * Is [str, str+len) already a canonical control_id?  A quick byte scan that
 * accepts the common case (ASCII, kana and CJK ideographs, no blanks, no
 * lower-case local letters, single inner dots) and leaves anything else to
 * the full parser, whose result for such input would be the input itself.
 */
static bool
control_id_is_canonical(const char *str, size_t len)
{
	const unsigned char *p = (const unsigned char *) str;
	const unsigned char *end = p + len;
	const unsigned char *local;
	int			fw = 0;

	if (len == 0 || !(*p >= 'a' && *p <= 'z'))
		return false;
	while (p < end && *p != ':')
	{
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			return false;
		p++;
		fw++;
	}
	if (p == end || fw > KANSA_FRAMEWORK_MAXLEN)
		return false;
	local = ++p;
	if (end - local == 0 || end - local > KANSA_LOCAL_MAXLEN ||
		*local == '.' || end[-1] == '.')
		return false;
	while (p < end)
	{
		unsigned char c = *p;

		if (c < 0x80)
		{
			if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
				  c == '-' || c == '&' || c == '(' || c == ')' || c == '/' ||
				  c == '_' || (c == '.' && p[-1] != '.')))
				return false;
			p++;
		}
		else if (c >= 0xE3 && c <= 0xE9 && end - p >= 3 &&
				 (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
		{
			pg_wchar	w = ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);

			if (!kansa_nfkc_stable(w))
				return false;
			p += 3;
		}
		else
			return false;
	}
	return true;
}

/*
 * Parse "framework:local" from len bytes at str (not necessarily
 * NUL-terminated).  Returns the canonical value; on bad input raises
 * 22P02, or returns NULL when throw_error is false.
 */
ControlId *
control_id_from_string(const char *str, size_t len, bool throw_error)
{
	CidBuild	b;
	CidError	err;
	pg_wchar	wbuf[KANSA_CONTROL_ID_MAX_INPUT + 1];
	pg_wchar   *w;
	size_t		n;
	size_t		colon;

	kansa_check_text_size(len);
	if (len <= KANSA_CONTROL_ID_MAXLEN && control_id_is_canonical(str, len))
	{
		ControlId  *result = (ControlId *) palloc(VARHDRSZ + len);

		SET_VARSIZE(result, VARHDRSZ + len);
		memcpy(VARDATA(result), str, len);
		return result;
	}
	if (len > KANSA_CONTROL_ID_MAX_INPUT)
		err = CID_TOO_LONG_INPUT;
	else
	{
		w = kansa_nfkc(str, len, &n, throw_error, wbuf, lengthof(wbuf));
		if (w == NULL)
			return NULL;
		for (colon = 0; colon < n && w[colon] != ':'; colon++)
			;
		if (colon == n)
			err = CID_NO_COLON;
		else
		{
			err = build_framework(w, w + colon, &b);
			if (err == CID_OK)
				err = build_local(w + colon + 1, w + n, &b);
			if (err == CID_OK)
				err = control_id_renormalize(&b);
		}
		if (w != wbuf)
			pfree(w);
	}

	if (err == CID_OK)
		return control_id_finish(&b);
	if (throw_error)
		report_control_id_error(err, &b, pnstrdup(str, len));
	return NULL;
}

/*
 * Build a control_id from a framework code and a local identifier given
 * apart, normalising each as the input function does.
 */
ControlId *
control_id_from_parts(const char *framework, size_t fwlen,
					  const char *local, size_t locallen, bool throw_error)
{
	CidBuild	b;
	CidError	err;
	pg_wchar   *w;
	size_t		n;

	kansa_check_text_size(fwlen);
	kansa_check_text_size(locallen);
	if (fwlen + locallen + 1 > KANSA_CONTROL_ID_MAX_INPUT)
		err = CID_TOO_LONG_INPUT;
	else
	{
		w = kansa_nfkc(framework, fwlen, &n, throw_error, NULL, 0);
		if (w == NULL)
			return NULL;
		err = build_framework(w, w + n, &b);
		pfree(w);
		if (err == CID_OK)
		{
			w = kansa_nfkc(local, locallen, &n, throw_error, NULL, 0);
			if (w == NULL)
				return NULL;
			/* a colon inside the local part is a bad character here */
			err = build_local(w, w + n, &b);
			pfree(w);
			if (err == CID_OK)
				err = control_id_renormalize(&b);
		}
	}

	if (err == CID_OK)
		return control_id_finish(&b);
	if (throw_error)
		report_control_id_error(err, &b,
								psprintf("%.*s:%.*s", (int) fwlen, framework,
										 (int) locallen, local));
	return NULL;
}

/* ----------------------------------------------------------------
 * I/O functions
 * ----------------------------------------------------------------
 */

/* control_id_from_string, as canon.c calls a parser. */
static void *
control_id_canon_parse(const char *str, size_t len, bool throw_error)
{
	return control_id_from_string(str, len, throw_error);
}

/* The canonical text is the payload, sent after the format byte. */
static const CanonType control_id_canon = {
	.name = "control_id",
	.format = KANSA_CONTROL_ID_FORMAT,
	.parse = control_id_canon_parse,
};

CANON_IO_FUNCTIONS(&control_id_canon, control_id_in, control_id_out,
				   control_id_recv, control_id_send, control_id_from_text,
				   control_id_is_valid);

PG_FUNCTION_INFO_V1(control_id_make);

/* control_id(framework text, local text): build from the two parts. */
Datum
control_id_make(PG_FUNCTION_ARGS)
{
	text	   *fw = PG_GETARG_TEXT_PP(0);
	text	   *local = PG_GETARG_TEXT_PP(1);

	PG_RETURN_CONTROLID_P(control_id_from_parts(VARDATA_ANY(fw),
												VARSIZE_ANY_EXHDR(fw),
												VARDATA_ANY(local),
												VARSIZE_ANY_EXHDR(local),
												true));
}

/* ----------------------------------------------------------------
 * Accessors
 * ----------------------------------------------------------------
 */

/* Length of the framework code of a canonical payload. */
static inline int
framework_len(const char *p, int len)
{
	const char *colon = memchr(p, ':', len);

	Assert(colon != NULL);
	return colon - p;
}

PG_FUNCTION_INFO_V1(control_id_framework);

/* framework(control_id): the framework code. */
Datum
control_id_framework(PG_FUNCTION_ARGS)
{
	ControlId  *id = PG_GETARG_CONTROLID_PP(0);
	const char *p = VARDATA_ANY(id);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(p,
											  framework_len(p, VARSIZE_ANY_EXHDR(id))));
}

PG_FUNCTION_INFO_V1(control_id_local);

/* local_id(control_id): the normalised local identifier. */
Datum
control_id_local(PG_FUNCTION_ARGS)
{
	ControlId  *id = PG_GETARG_CONTROLID_PP(0);
	const char *p = VARDATA_ANY(id);
	int			len = VARSIZE_ANY_EXHDR(id);
	int			fwlen = framework_len(p, len);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(p + fwlen + 1, len - fwlen - 1));
}

PG_FUNCTION_INFO_V1(control_id_parent);

/* parent(control_id): the id without its last segment; NULL at the top. */
Datum
control_id_parent(PG_FUNCTION_ARGS)
{
	ControlId  *id = PG_GETARG_CONTROLID_PP(0);
	const char *p = VARDATA_ANY(id);
	int			len = VARSIZE_ANY_EXHDR(id);
	int			fwlen = framework_len(p, len);
	int			i;
	ControlId  *result;

	for (i = len - 1; i > fwlen; i--)
		if (p[i] == '.')
			break;
	if (i == fwlen)
		PG_RETURN_NULL();
	result = (ControlId *) palloc(VARHDRSZ + i);
	SET_VARSIZE(result, VARHDRSZ + i);
	memcpy(VARDATA(result), p, i);
	PG_RETURN_CONTROLID_P(result);
}

PG_FUNCTION_INFO_V1(control_id_depth);

/* depth(control_id): the number of dot-separated segments. */
Datum
control_id_depth(PG_FUNCTION_ARGS)
{
	ControlId  *id = PG_GETARG_CONTROLID_PP(0);
	const char *p = VARDATA_ANY(id);
	int			len = VARSIZE_ANY_EXHDR(id);
	int			depth = 1;
	int			i;

	for (i = framework_len(p, len) + 1; i < len; i++)
		if (p[i] == '.')
			depth++;
	PG_RETURN_INT32(depth);
}

/*
 * Body of a two-argument control_id function returning what expr computes
 * from a and b (of type rettype, returned with retmacro); frees any
 * detoasted copies, as btree support functions must.
 */
#define CONTROL_ID_BINARY(rettype, retmacro, expr) \
	do { \
		ControlId  *a = PG_GETARG_CONTROLID_PP(0); \
		ControlId  *b = PG_GETARG_CONTROLID_PP(1); \
		rettype		result_ = (expr); \
		PG_FREE_IF_COPY(a, 0); \
		PG_FREE_IF_COPY(b, 1); \
		retmacro(result_); \
	} while (0)

/*
 * Is a an ancestor of b, or equal to it?  Same framework, and a's segments
 * are a prefix of b's, by whole segments: III.2 is an ancestor of III.2.3.1
 * but not of III.21.
 */
static bool
control_id_is_ancestor(const ControlId *a, const ControlId *b)
{
	const char *pa = VARDATA_ANY(a);
	const char *pb = VARDATA_ANY(b);
	int			la = VARSIZE_ANY_EXHDR(a);
	int			lb = VARSIZE_ANY_EXHDR(b);

	/* the framework and its colon are part of the compared prefix */
	if (la > lb || memcmp(pa, pb, la) != 0)
		return false;
	return la == lb || pb[la] == '.';
}

PG_FUNCTION_INFO_V1(control_id_contains);

/* control_id @> control_id */
Datum
control_id_contains(PG_FUNCTION_ARGS)
{
	CONTROL_ID_BINARY(bool, PG_RETURN_BOOL, control_id_is_ancestor(a, b));
}

PG_FUNCTION_INFO_V1(control_id_contained);

/* control_id <@ control_id */
Datum
control_id_contained(PG_FUNCTION_ARGS)
{
	CONTROL_ID_BINARY(bool, PG_RETURN_BOOL, control_id_is_ancestor(b, a));
}

/* ----------------------------------------------------------------
 * Natural order
 * ----------------------------------------------------------------
 */

/*
 * Value of a segment made only of I, V and X if it is a canonical Roman
 * numeral from 1 to 39 (I … XXXIX), else 0.
 */
static int
roman_value(const char *s, int len)
{
	static const char *const units[] = {"", "I", "II", "III", "IV", "V",
	"VI", "VII", "VIII", "IX"};
	int			tens = 0;
	int			u;

	while (tens < 3 && tens < len && s[tens] == 'X')
		tens++;
	s += tens;
	len -= tens;
	for (u = 0; u < 10; u++)
		if ((int) strlen(units[u]) == len && memcmp(units[u], s, len) == 0)
			break;
	if (u == 10 || (tens == 0 && u == 0))
		return 0;
	return tens * 10 + u;
}

/* One token of a segment: a number (digit run or Roman numeral) or text. */
typedef enum
{
	TOK_END = 0,
	TOK_NUM = 1,
	TOK_TEXT = 2
} TokType;

typedef struct
{
	TokType		type;
	const char *s;				/* TOK_NUM: significant digits; TOK_TEXT: bytes */
	int			len;
	int			zeros;			/* TOK_NUM: leading zeros of a digit run */
	bool		roman;			/* TOK_NUM: came from a Roman numeral */
	char		digits[4];		/* TOK_NUM from a Roman numeral */
} Token;

typedef struct
{
	const char *p;
	const char *end;
	int			roman;			/* value of the whole segment, or 0 */
} TokIter;

static void
tok_init(TokIter *it, const char *s, const char *end)
{
	it->p = s;
	it->end = end;
	it->roman = roman_value(s, end - s);
}

/* Return the next token of the segment. */
static void
tok_next(TokIter *it, Token *t)
{
	const char *p = it->p;

	t->roman = false;
	t->zeros = 0;
	if (p >= it->end)
	{
		t->type = TOK_END;
		return;
	}
	if (it->roman)
	{
		t->type = TOK_NUM;
		t->roman = true;
		t->len = snprintf(t->digits, sizeof(t->digits), "%d", it->roman);
		t->s = t->digits;
		it->p = it->end;
		return;
	}
	if (*p >= '0' && *p <= '9')
	{
		t->type = TOK_NUM;
		while (p < it->end - 1 && *p == '0' && p[1] >= '0' && p[1] <= '9')
		{
			t->zeros++;
			p++;
		}
		t->s = p;
		while (p < it->end && *p >= '0' && *p <= '9')
			p++;
		t->len = p - t->s;
	}
	else
	{
		t->type = TOK_TEXT;
		t->s = p;
		while (p < it->end && !(*p >= '0' && *p <= '9'))
			p++;
		t->len = p - t->s;
	}
	it->p = p;
}

/* Compare two segments token by token. */
static int
segment_cmp(const char *a, const char *ae, const char *b, const char *be)
{
	TokIter		ia,
				ib;
	Token		ta,
				tb;

	tok_init(&ia, a, ae);
	tok_init(&ib, b, be);
	for (;;)
	{
		int			c;

		tok_next(&ia, &ta);
		tok_next(&ib, &tb);
		if (ta.type != tb.type)
			return ta.type < tb.type ? -1 : 1;
		if (ta.type == TOK_END)
			return 0;
		if (ta.type == TOK_NUM)
		{
			if (ta.len != tb.len)
				return ta.len < tb.len ? -1 : 1;
			c = memcmp(ta.s, tb.s, ta.len);
			if (c != 0)
				return c < 0 ? -1 : 1;
			if (ta.roman != tb.roman)
				return ta.roman ? 1 : -1;
			if (ta.zeros != tb.zeros)
				return ta.zeros < tb.zeros ? -1 : 1;
		}
		else
		{
			c = memcmp(ta.s, tb.s, Min(ta.len, tb.len));
			if (c != 0)
				return c < 0 ? -1 : 1;
			if (ta.len != tb.len)
				return ta.len < tb.len ? -1 : 1;
		}
	}
}

/* Compare two canonical local identifiers in natural order. */
static int
local_cmp(const char *a, int alen, const char *b, int blen)
{
	const char *ae = a + alen;
	const char *be = b + blen;

	for (;;)
	{
		const char *sa = memchr(a, '.', ae - a);
		const char *sb = memchr(b, '.', be - b);
		int			c;

		if (sa == NULL)
			sa = ae;
		if (sb == NULL)
			sb = be;
		c = segment_cmp(a, sa, b, sb);
		if (c != 0)
			return c;
		/* a shorter list of segments comes first */
		if (sa == ae || sb == be)
			return (sa == ae ? 0 : 1) - (sb == be ? 0 : 1);
		a = sa + 1;
		b = sb + 1;
	}
}

/* Compare two canonical payloads: framework bytewise, then local naturally. */
static int
payload_cmp(const char *a, int alen, const char *b, int blen)
{
	int			fa = framework_len(a, alen);
	int			fb = framework_len(b, blen);
	int			c;

	c = memcmp(a, b, Min(fa, fb));
	if (c != 0)
		return c < 0 ? -1 : 1;
	if (fa != fb)
		return fa < fb ? -1 : 1;
	c = local_cmp(a + fa + 1, alen - fa - 1, b + fb + 1, blen - fb - 1);
	if (c != 0)
		return c;
	/* the natural order is total already; this only guards the invariant */
	if (alen != blen)
		return alen < blen ? -1 : 1;
	return memcmp(a, b, alen);
}

/* Compare two control_ids: <0, 0 or >0. */
int
control_id_compare(const ControlId *a, const ControlId *b)
{
	return payload_cmp(VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a),
					   VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b));
}

/* btree support function 1 and the order operators, in natural order */
CANON_ORDER_FUNCTIONS(control_id_compare, control_id_cmp, control_id_lt,
					  control_id_le, control_id_gt, control_id_ge);

/* Equality needs no natural order: canonical values are equal as bytes. */
CANON_EQUALITY_FUNCTIONS(control_id_eq, control_id_ne, control_id_hash,
						 control_id_hash_extended);

/* ----------------------------------------------------------------
 * SortSupport with abbreviated keys
 *
 * The abbreviated key is the first 64 bits of a bit string whose unsigned
 * order is the natural order:
 *
 *	 class (4 bits)		position of the framework among a few well-known
 *						codes: 2i+1 when equal to known[i], 2i when it sorts
 *						between known[i-1] and known[i]
 *	 framework			only for the even (unknown) classes: 6 bits a
 *						character, then a 6-bit zero terminator
 *	 local part			per token a 2-bit tag, END_ALL 0 < SEP 1 < NUM 2 <
 *						TEXT 3;
 *						NUM: 5-bit bit length of the value, the value's bits
 *						below its leading one, then a 2-bit tiebreak (digit
 *						run without, with one, with more leading zeros: 0,
 *						1, 2; Roman numeral: 3);
 *						TEXT: each byte as a 1 bit and its 8 bits, then a 0
 *
 * Where a field saturates (numbers of ten or more digits, two or more
 * leading zeros) encoding stops there; since whether it stops depends only
 * on bits already written, the truncated key still orders correctly.  Keys
 * shorter than 64 bits are padded with zeros; ties go to the full compare.
 * ----------------------------------------------------------------
 */

static const char *const known_frameworks[] = {
	"asp_saas", "fisc10", "fisc8", "iso27001", "iso27017", "meti_cloud"
};

typedef struct
{
	uint64		key;
	int			left;			/* bits still free */
	bool		stopped;
} KeyBits;

static inline void
kb_put(KeyBits *kb, uint64 bits, int n)
{
	if (kb->stopped || n == 0)
		return;
	if (n > kb->left)
	{
		bits >>= n - kb->left;
		n = kb->left;
		kb->stopped = true;
	}
	kb->left -= n;
	kb->key |= (bits & ((UINT64CONST(1) << n) - 1)) << kb->left;
	if (kb->left == 0)
		kb->stopped = true;
}

/* Framework character as a 6-bit symbol in ASCII order, 0 reserved. */
static inline int
fw_symbol(char c)
{
	if (c >= '0' && c <= '9')
		return 1 + (c - '0');
	if (c == '_')
		return 11;
	return 12 + (c - 'a');
}

/* Compute the abbreviated key of a canonical payload. */
static uint64
control_id_abbrev_key(const char *p, int len)
{
	KeyBits		kb = {0, 64, false};
	int			fwlen = framework_len(p, len);
	int			lo = 0,
				hi = lengthof(known_frameworks);
	int			cls = -1;
	const char *s = p + fwlen + 1;
	const char *end = p + len;

	/* binary search for the framework's class */
	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;
		int			kl = strlen(known_frameworks[mid]);
		int			c = memcmp(p, known_frameworks[mid], Min(kl, fwlen));

		if (c == 0)
			c = fwlen - kl;
		if (c == 0)
		{
			cls = 2 * mid + 1;
			break;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	if (cls < 0)
	{
		int			i;

		cls = 2 * lo;
		kb_put(&kb, cls, 4);
		for (i = 0; i < fwlen; i++)
			kb_put(&kb, fw_symbol(p[i]), 6);
		kb_put(&kb, 0, 6);
	}
	else
		kb_put(&kb, cls, 4);

	while (!kb.stopped)
	{
		const char *segend = memchr(s, '.', end - s);
		TokIter		it;
		Token		t;

		if (segend == NULL)
			segend = end;
		tok_init(&it, s, segend);
		for (tok_next(&it, &t); t.type != TOK_END && !kb.stopped; tok_next(&it, &t))
		{
			if (t.type == TOK_NUM)
			{
				uint64		v = 0;
				int			bits = 0;
				int			i;

				kb_put(&kb, 2, 2);
				if (t.len >= 10)
				{
					kb_put(&kb, 31, 5);
					kb.stopped = true;
					break;
				}
				for (i = 0; i < t.len; i++)
					v = v * 10 + (t.s[i] - '0');
				while ((v >> bits) != 0)
					bits++;
				kb_put(&kb, bits, 5);
				if (bits > 1)
					kb_put(&kb, v, bits - 1);
				if (t.roman)
					kb_put(&kb, 3, 2);
				else
				{
					kb_put(&kb, Min(t.zeros, 2), 2);
					if (t.zeros >= 2)
						kb.stopped = true;
				}
			}
			else
			{
				int			i;

				kb_put(&kb, 3, 2);
				for (i = 0; i < t.len && !kb.stopped; i++)
					kb_put(&kb, 0x100 | (unsigned char) t.s[i], 9);
				kb_put(&kb, 0, 1);
			}
		}
		if (segend == end)
		{
			kb_put(&kb, 0, 2);	/* END_ALL */
			break;
		}
		kb_put(&kb, 1, 2);		/* SEP */
		s = segend + 1;
	}
	return kb.key;
}

typedef struct
{
	bool		estimating;
	double		input_count;
	hyperLogLogState abbr_card;
} ControlIdSortState;

/* Full comparator for sorting. */
static int
control_id_fastcmp(Datum x, Datum y, SortSupport ssup)
{
	ControlId  *a = DatumGetControlIdPP(x);
	ControlId  *b = DatumGetControlIdPP(y);
	int			c = control_id_compare(a, b);

	if ((Pointer) a != DatumGetPointer(x))
		pfree(a);
	if ((Pointer) b != DatumGetPointer(y))
		pfree(b);
	return c;
}

/* Turn a datum into its abbreviated key, counting distinct keys. */
static Datum
control_id_abbrev_convert(Datum original, SortSupport ssup)
{
	ControlIdSortState *st = (ControlIdSortState *) ssup->ssup_extra;
	ControlId  *id = DatumGetControlIdPP(original);
	uint64		key = control_id_abbrev_key(VARDATA_ANY(id),
											VARSIZE_ANY_EXHDR(id));

	if (st->estimating)
	{
		uint32		h = DatumGetUInt32(hash_uint32((uint32) (key ^ (key >> 32))));

		addHyperLogLog(&st->abbr_card, h);
	}
	st->input_count += 1;
	if ((Pointer) id != DatumGetPointer(original))
		pfree(id);
	return UInt64GetDatum(key);
}

/*
 * Give up on abbreviation when the keys are nearly all alike: comparing
 * them would only add work to every full comparison.
 */
static bool
control_id_abbrev_abort(int memtupcount, SortSupport ssup)
{
	ControlIdSortState *st = (ControlIdSortState *) ssup->ssup_extra;
	double		card;

	if (memtupcount < 10000 || st->input_count < 10000 || !st->estimating)
		return false;
	card = estimateHyperLogLog(&st->abbr_card);
	if (card > 100000.0)
	{
		/* plenty of distinct keys: stop paying for the estimate */
		st->estimating = false;
		return false;
	}
	return card < st->input_count / 2000.0 + 1.0;
}

PG_FUNCTION_INFO_V1(control_id_sortsupport);

/* btree support function 2: SortSupport. */
Datum
control_id_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = control_id_fastcmp;
#if SIZEOF_DATUM >= 8
	if (ssup->abbreviate)
	{
		ControlIdSortState *st;
		MemoryContext oldcontext = MemoryContextSwitchTo(ssup->ssup_cxt);

		st = palloc(sizeof(ControlIdSortState));
		st->estimating = true;
		st->input_count = 0;
		initHyperLogLog(&st->abbr_card, 10);
		MemoryContextSwitchTo(oldcontext);

		ssup->ssup_extra = st;
		ssup->comparator = ssup_datum_unsigned_cmp;
		ssup->abbrev_converter = control_id_abbrev_convert;
		ssup->abbrev_abort = control_id_abbrev_abort;
		ssup->abbrev_full_comparator = control_id_fastcmp;
	}
#endif
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(kansa_in_scope);

/*
 * in_scope(scope control_id[], control text): is the control, in its text
 * form, one of the scope's?  A NULL scope is the whole framework (true).
 * The views filter by it: an opaque function the planner estimates as a
 * third of the rows, where "scope IS NULL OR control = ANY (scope)" on a
 * column without statistics was estimated at half a percent and gave
 * nested loops over every response.
 */
Datum
kansa_in_scope(PG_FUNCTION_ARGS)
{
	ArrayType  *scope;
	text	   *control;
	Datum	   *elems;
	bool	   *nulls;
	int			n,
				i;
	bool		found = false;

	if (PG_ARGISNULL(0))
		PG_RETURN_BOOL(true);
	if (PG_ARGISNULL(1))
		PG_RETURN_NULL();
	scope = PG_GETARG_ARRAYTYPE_P(0);
	control = PG_GETARG_TEXT_PP(1);
	deconstruct_array(scope, ARR_ELEMTYPE(scope), -1, false, TYPALIGN_INT,
					  &elems, &nulls, &n);
	for (i = 0; i < n && !found; i++)
	{
		ControlId  *c;

		if (nulls[i])
			continue;
		c = DatumGetControlIdPP(elems[i]);
		found = canon_bytes_eq(c, control);
	}
	PG_RETURN_BOOL(found);
}
