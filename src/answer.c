/*-------------------------------------------------------------------------
 *
 * answer.c
 *	  The kansa.answer type: a vendor's verdict on one control, a status and
 *	  a responsibility (README, "How kansa reads an answer").
 *
 * An answer is a 16-bit integer, status * 8 + responsibility, so that its
 * order is the integer order and the SQL level reuses int2's comparison,
 * hashing and sort support.  Statuses are numbered from worst to best, with
 * not_applicable last; responsibilities provider < inherited < shared <
 * customer, and 0 (none) for not_applicable and unanswered.
 *
 * src/answer.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

#include "answer.h"
#include "canon.h"
#include "kansa.h"
#include "normalize.h"

const char *const kansa_status_names[KANSA_N_STATUS] = {
	"unanswered", "not_implemented", "planned", "unclear", "partial",
	"implemented", "not_applicable"
};

const char *const kansa_resp_names[KANSA_N_RESP] = {
	NULL, "provider", "inherited", "shared", "customer"
};

/* A word a sheet may hold, and what it means. */
typedef struct
{
	const char *word;			/* lower case, after NFKC */
	int			status;			/* or -1 */
	int			resp;			/* or -1 */
} AnswerWord;

/* Whole-cell words for a status, as vendors and CAIQ sheets write them. */
static const AnswerWord status_words[] = {
	{"○", KANSA_IMPLEMENTED, -1},
	{"◎", KANSA_IMPLEMENTED, -1},
	{"〇", KANSA_IMPLEMENTED, -1},
	{"△", KANSA_PARTIAL, -1},
	{"×", KANSA_NOT_IMPLEMENTED, -1},
	{"✕", KANSA_NOT_IMPLEMENTED, -1},
	{"✖", KANSA_NOT_IMPLEMENTED, -1},
	{"-", KANSA_NOT_APPLICABLE, -1},	/* any dash, folded */
	{"yes", KANSA_IMPLEMENTED, -1},
	{"no", KANSA_NOT_IMPLEMENTED, -1},
	{"na", KANSA_NOT_APPLICABLE, -1},
	{"n/a", KANSA_NOT_APPLICABLE, -1},
	{"はい", KANSA_IMPLEMENTED, -1},
	{"いいえ", KANSA_NOT_IMPLEMENTED, -1},
	{"実施", KANSA_IMPLEMENTED, -1},
	{"実施済", KANSA_IMPLEMENTED, -1},
	{"実施済み", KANSA_IMPLEMENTED, -1},
	{"一部実施", KANSA_PARTIAL, -1},
	{"未実施", KANSA_NOT_IMPLEMENTED, -1},
	{"予定", KANSA_PLANNED, -1},
	{"対象外", KANSA_NOT_APPLICABLE, -1},
	{"該当なし", KANSA_NOT_APPLICABLE, -1},
	{"適用外", KANSA_NOT_APPLICABLE, -1},
	{"非該当", KANSA_NOT_APPLICABLE, -1},
	{"対応", KANSA_IMPLEMENTED, -1},
	{"対応済", KANSA_IMPLEMENTED, -1},
	{"対応済み", KANSA_IMPLEMENTED, -1},
	{"一部対応", KANSA_PARTIAL, -1},
	{"未対応", KANSA_NOT_IMPLEMENTED, -1},
	{"対応予定", KANSA_PLANNED, -1},
	{"実施予定", KANSA_PLANNED, -1},
	{"済", KANSA_IMPLEMENTED, -1},
	{"未", KANSA_NOT_IMPLEMENTED, -1},
	{"可", KANSA_IMPLEMENTED, -1},	/* 対応可否 */
	{"一部可", KANSA_PARTIAL, -1},
	{"不可", KANSA_NOT_IMPLEMENTED, -1},
	{"有", KANSA_IMPLEMENTED, -1},	/* 実施有無 */
	{"無", KANSA_NOT_IMPLEMENTED, -1},
	{"適合", KANSA_IMPLEMENTED, -1},
	{"一部適合", KANSA_PARTIAL, -1},
	{"不適合", KANSA_NOT_IMPLEMENTED, -1},
	{"partial", KANSA_PARTIAL, -1},
	{"partially", KANSA_PARTIAL, -1},
	{"partially implemented", KANSA_PARTIAL, -1},
	{"not implemented", KANSA_NOT_IMPLEMENTED, -1},
	{"not applicable", KANSA_NOT_APPLICABLE, -1},
	{"compliant", KANSA_IMPLEMENTED, -1},
	{"partially compliant", KANSA_PARTIAL, -1},
	{"not compliant", KANSA_NOT_IMPLEMENTED, -1},
	{"non-compliant", KANSA_NOT_IMPLEMENTED, -1},
};

/* Words for a responsibility, including CAIQ v4's SSRM ownership names. */
static const AnswerWord resp_words[] = {
	{"csp-owned", -1, KANSA_RESP_PROVIDER},
	{"csc-owned", -1, KANSA_RESP_CUSTOMER},
	{"3rd-party outsourced", -1, KANSA_RESP_INHERITED},
	{"shared csp and csc", -1, KANSA_RESP_SHARED},
	{"shared csp and 3rd-party", -1, KANSA_RESP_INHERITED},
};

/* Find name in a table of nul-terminated names; -1 when absent. */
static int
name_index(const char *const *names, int n, const char *s)
{
	int			i;

	for (i = 0; i < n; i++)
		if (names[i] != NULL && strcmp(names[i], s) == 0)
			return i;
	return -1;
}

/*
 * Fold an answer word for matching: kansa_fold with ASCII lower case and
 * dashes made '-', and no blanks around a slash ("N / A", "Yes / CSP-owned").
 * Returns a palloc'd string, or NULL on invalid encoding when throw_error
 * is false.
 */
static char *
fold_word(const char *s, size_t len, bool throw_error)
{
	char	   *w = kansa_fold(s, len, KANSA_FOLD_LOWER | KANSA_FOLD_DASH,
							   throw_error, NULL);
	char	   *in;
	char	   *out;

	if (w == NULL)
		return NULL;
	for (in = out = w; *in; in++)
	{
		if (*in == ' ' && (in[1] == '/' || (out > w && out[-1] == '/')))
			continue;
		*out++ = *in;
	}
	*out = '\0';
	return w;
}

/* Look a folded word up as a status; -1 when it is none. */
static int
lookup_status(const char *w)
{
	int			i = name_index(kansa_status_names, KANSA_N_STATUS, w);

	if (i >= 0)
		return i;
	for (i = 0; i < (int) lengthof(status_words); i++)
		if (strcmp(status_words[i].word, w) == 0)
			return status_words[i].status;
	return -1;
}

/* Look a folded word up as a responsibility; -1 when it is none. */
static int
lookup_resp(const char *w)
{
	int			i = name_index(kansa_resp_names, KANSA_N_RESP, w);

	if (i >= 0)
		return i;
	for (i = 0; i < (int) lengthof(resp_words); i++)
		if (strcmp(resp_words[i].word, w) == 0)
			return resp_words[i].resp;
	return -1;
}

/*
 * Combine a status and a responsibility (-1: none given) into an answer, or
 * set *detail and return -1.  A responsibility defaults to provider, and
 * not_applicable and unanswered take none.
 */
int
kansa_answer_make(int status, int resp, const char **detail)
{
	if (status == KANSA_NOT_APPLICABLE || status == KANSA_UNANSWERED)
	{
		if (resp > 0)
		{
			*detail = "The statuses not_applicable and unanswered carry no responsibility.";
			return -1;
		}
		resp = KANSA_RESP_NONE;
	}
	else if (resp <= 0)
		resp = KANSA_RESP_PROVIDER;
	return KANSA_ANSWER(status, resp);
}

/*
 * Parse the text form of an answer: a status word or mark, optionally
 * followed by "/" and a responsibility word.  Returns the answer, or -1
 * after raising 22P02 (or, when throw_error is false, quietly).
 */
int
kansa_answer_parse(const char *str, size_t len, bool throw_error)
{
	char	   *w;
	int			status = -1;
	int			resp = -1;
	int			result = -1;
	const char *detail = NULL;

	w = fold_word(str, len, throw_error);
	if (w == NULL)
		return -1;
	if (w[0] == '\0')
		detail = "An empty answer is written unanswered.";
	else if ((status = lookup_status(w)) < 0)
	{
		char	   *slash = strrchr(w, '/');

		if (slash == NULL)
			detail = "Expected a status (implemented, partial, planned, not_implemented, not_applicable, unclear, unanswered) or a mark such as ○, △, ×, -, Yes, No, N/A.";
		else
		{
			char	   *left = pnstrdup(w, slash - w);
			char	   *right = slash + 1;

			status = lookup_status(left);
			resp = lookup_resp(right);
			if (status < 0)
				detail = psprintf("\"%s\" is not a status.", left);
			else if (resp < 0)
				detail = psprintf("\"%s\" is not a responsibility (provider, inherited, shared, customer, or a CAIQ ownership such as CSP-owned).", right);
		}
	}
	if (detail == NULL)
		result = kansa_answer_make(status, resp, &detail);
	if (result < 0 && throw_error)
		kansa_invalid_input("answer", str, len, detail);
	pfree(w);
	return result;
}

/* The text form: status, or status/responsibility unless it is provider. */
char *
kansa_answer_text(int answer)
{
	int			status = KANSA_ANSWER_STATUS(answer);
	int			resp = KANSA_ANSWER_RESP(answer);

	if (resp == KANSA_RESP_NONE || resp == KANSA_RESP_PROVIDER)
		return pstrdup(kansa_status_names[status]);
	return psprintf("%s/%s", kansa_status_names[status],
					kansa_resp_names[resp]);
}

/* Is a stored 16-bit value a valid answer? */
static bool
answer_valid(int v)
{
	const char *detail;
	int			status = KANSA_ANSWER_STATUS(v);
	int			resp = KANSA_ANSWER_RESP(v);

	if (v < 0 || status >= KANSA_N_STATUS || resp >= KANSA_N_RESP)
		return false;
	return kansa_answer_make(status, resp == 0 ? -1 : resp, &detail) == v;
}

PG_FUNCTION_INFO_V1(answer_in);

/* Read the text form of an answer. */
Datum
answer_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);

	PG_RETURN_INT16((int16) kansa_answer_parse(str, strlen(str), true));
}

PG_FUNCTION_INFO_V1(answer_out);

/* Write the canonical text form of an answer. */
Datum
answer_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(kansa_answer_text(PG_GETARG_INT16(0)));
}

PG_FUNCTION_INFO_V1(answer_from_text);

/* Cast text to answer. */
Datum
answer_from_text(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	PG_RETURN_INT16((int16) kansa_answer_parse(VARDATA_ANY(t),
											   VARSIZE_ANY_EXHDR(t), true));
}

PG_FUNCTION_INFO_V1(answer_to_text);

/* Cast answer to text. */
Datum
answer_to_text(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(kansa_answer_text(PG_GETARG_INT16(0))));
}

PG_FUNCTION_INFO_V1(answer_is_valid);

/* is_valid_answer(text): would the input function accept it? */
Datum
answer_is_valid(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	PG_RETURN_BOOL(kansa_answer_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t),
									  false) >= 0);
}

PG_FUNCTION_INFO_V1(answer_make);

/*
 * answer(status text, responsibility text): build from the two parts.  Not
 * STRICT, because a NULL responsibility means the default one; a NULL
 * status gives NULL.
 */
Datum
answer_make(PG_FUNCTION_ARGS)
{
	text	   *st;
	char	   *s;
	int			status;
	int			resp = -1;
	const char *detail = NULL;
	int			result = -1;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = PG_GETARG_TEXT_PP(0);
	s = fold_word(VARDATA_ANY(st), VARSIZE_ANY_EXHDR(st), true);
	status = lookup_status(s);
	if (!PG_ARGISNULL(1))
	{
		text	   *rt = PG_GETARG_TEXT_PP(1);
		char	   *r = fold_word(VARDATA_ANY(rt), VARSIZE_ANY_EXHDR(rt), true);

		if (r[0] != '\0' && (resp = lookup_resp(r)) < 0)
			detail = psprintf("\"%s\" is not a responsibility (provider, inherited, shared, customer, or a CAIQ ownership such as CSP-owned).", r);
	}
	if (status < 0)
		detail = psprintf("\"%s\" is not a status.", s);
	if (detail == NULL)
		result = kansa_answer_make(status, resp, &detail);
	if (result < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid answer"),
				 errdetail("%s", detail)));
	PG_RETURN_INT16((int16) result);
}

PG_FUNCTION_INFO_V1(answer_recv);

/* Binary input: a format-version byte, the status and the responsibility. */
Datum
answer_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			status;
	int			resp;
	int			v;

	canon_check_format(buf, "answer", KANSA_ANSWER_FORMAT);
	status = pq_getmsgbyte(buf);
	resp = pq_getmsgbyte(buf);
	v = KANSA_ANSWER(status, resp);
	if (status >= KANSA_N_STATUS || resp >= KANSA_N_RESP || !answer_valid(v))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid answer in binary input: status %d, responsibility %d",
						status, resp)));
	PG_RETURN_INT16((int16) v);
}

PG_FUNCTION_INFO_V1(answer_send);

/* Binary output: format-version byte, status, responsibility. */
Datum
answer_send(PG_FUNCTION_ARGS)
{
	int			v = PG_GETARG_INT16(0);
	StringInfoData buf;

	canon_begin_send(&buf, KANSA_ANSWER_FORMAT);
	pq_sendbyte(&buf, KANSA_ANSWER_STATUS(v));
	pq_sendbyte(&buf, KANSA_ANSWER_RESP(v));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(answer_status);

/* status(answer) */
Datum
answer_status(PG_FUNCTION_ARGS)
{
	int			v = PG_GETARG_INT16(0);

	PG_RETURN_TEXT_P(cstring_to_text(kansa_status_names[KANSA_ANSWER_STATUS(v)]));
}

PG_FUNCTION_INFO_V1(answer_responsibility);

/* responsibility(answer): NULL for not_applicable and unanswered. */
Datum
answer_responsibility(PG_FUNCTION_ARGS)
{
	int			resp = KANSA_ANSWER_RESP(PG_GETARG_INT16(0));

	if (resp == KANSA_RESP_NONE)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(kansa_resp_names[resp]));
}

PG_FUNCTION_INFO_V1(answer_score);

/*
 * score(answer): implemented 1, partial 0.5, not_applicable NULL, else 0.
 */
Datum
answer_score(PG_FUNCTION_ARGS)
{
	int			status = KANSA_ANSWER_STATUS(PG_GETARG_INT16(0));
	const char *s;

	switch (status)
	{
		case KANSA_IMPLEMENTED:
			s = "1";
			break;
		case KANSA_PARTIAL:
			s = "0.5";
			break;
		case KANSA_NOT_APPLICABLE:
			PG_RETURN_NULL();
		default:
			s = "0";
			break;
	}
	PG_RETURN_DATUM(DirectFunctionCall3(numeric_in, CStringGetDatum(s),
										ObjectIdGetDatum(InvalidOid),
										Int32GetDatum(-1)));
}

PG_FUNCTION_INFO_V1(answer_is_gap);

/*
 * is_gap(answer): does the answer leave the control open?  Every status but
 * implemented and not_applicable.
 */
Datum
answer_is_gap(PG_FUNCTION_ARGS)
{
	int			status = KANSA_ANSWER_STATUS(PG_GETARG_INT16(0));

	PG_RETURN_BOOL(KANSA_STATUS_IS_GAP(status));
}

/*
 * The worse (or better) of two answers, for the worst() and best()
 * aggregates: not_applicable yields to anything else; otherwise the lower
 * (or higher) one.
 */
static int
answer_pick(int a, int b, bool worse)
{
	if (KANSA_ANSWER_STATUS(a) == KANSA_NOT_APPLICABLE)
		return b;
	if (KANSA_ANSWER_STATUS(b) == KANSA_NOT_APPLICABLE)
		return a;
	return worse ? Min(a, b) : Max(a, b);
}

PG_FUNCTION_INFO_V1(answer_worse);

/* answer_worse(answer, answer): state function of worst(). */
Datum
answer_worse(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT16(answer_pick(PG_GETARG_INT16(0), PG_GETARG_INT16(1), true));
}

PG_FUNCTION_INFO_V1(answer_better);

/* answer_better(answer, answer): state function of best(). */
Datum
answer_better(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT16(answer_pick(PG_GETARG_INT16(0), PG_GETARG_INT16(1), false));
}
