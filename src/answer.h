/*-------------------------------------------------------------------------
 *
 * answer.h
 *	  The kansa.answer type: a vendor's verdict on one control.
 *
 * src/answer.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef KANSA_ANSWER_H
#define KANSA_ANSWER_H

/*
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

extern int	kansa_answer_make(int status, int resp, const char **detail);
extern int	kansa_answer_parse(const char *str, size_t len, bool throw_error);
extern char *kansa_answer_text(int answer);

#endif							/* KANSA_ANSWER_H */
