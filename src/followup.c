/*-------------------------------------------------------------------------
 *
 * followup.c
 *	  The follow-up questionnaire (追加質問票) of an assessment as an xlsx
 *	  workbook, written with libxlsxwriter; the seal its hidden sheet
 *	  carries (HMAC-SHA-256 with the server's common/hmac.h); and the test
 *	  by which import_sheet() recognises one coming back.
 *
 * The workbook has three sheets: a cover (who asks whom about what, by
 * when), the findings (one row per finding waiting for the vendor, the
 * question columns locked and the reply columns not, a status list by data
 * validation, the header frozen and printed on every page, A4 landscape,
 * one page wide), and a hidden sheet, _kansa, naming the organisation, the
 * assessment, the findings, the layout of the findings sheet and the seal
 * over them.  The data are read through SPI as the caller, so row-level
 * security shows it only its organisations' findings; the seal comes from
 * kansa.followup_seal_by(), a SECURITY DEFINER function of kansa_owner
 * that no tenant may call, called here through the function manager with
 * the role this function runs as (as kansa_writer() calls the writers).
 *
 * libxlsxwriter 1.1.4 (Debian 12) writes only to a named file: the
 * workbook is written to a file in the backend's temporary directory
 * (base/pgsql_tmp, whose pgsql_tmp* files the server removes at a restart
 * should the backend die), read back and removed, on the error path too.
 * Its own scratch files go to the same directory.  Every value is read
 * before the first libxlsxwriter call, and the library allocates with
 * malloc: an error frees its workbook in PG_CATCH.
 *
 * src/followup.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "catalog/pg_tablespace_d.h"
#include "catalog/pg_type.h"
#include "common/hmac.h"
#include "common/sha2.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/value.h"
#include "parser/parse_func.h"
#include "storage/fd.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "sheet.h"

/* The hidden sheet's name, which import_sheet() looks for. */
#define FOLLOWUP_SHEET	"_kansa"

/* Columns of the findings sheet, from 0. */
enum
{
	COL_NUMBER,
	COL_CONTROL,
	COL_TITLE,
	COL_SEVERITY,
	COL_ANSWER,
	COL_REASON,
	COL_QUESTION,
	COL_DUE,
	COL_STATUS,
	COL_REPLY,
	COL_EVIDENCE,
	NCOLS
};

/* One finding as the sheet shows it (UTF-8). */
typedef struct FollowupRow
{
	int64		id;
	char	   *local_id;
	char	   *title;
	char	   *severity;
	char	   *answer;
	char	   *reason;
	char	   *question;
	char	   *due;
} FollowupRow;

/* Everything the workbook says, read before it is written. */
typedef struct Followup
{
	bool		en;
	int64		assessment_id;
	int64		organization_id;
	char	   *organization;
	char	   *vendor;
	char	   *service;
	char	   *framework;
	char	   *file_name;
	char	   *received;
	char	   *today;
	char	   *first_due;
	char	   *seal;
	int			nrows;
	FollowupRow *rows;
} Followup;

/* The words of the sheet, per language. */
typedef struct FollowupWords
{
	const char *cover_sheet;
	const char *findings_sheet;
	const char *title;
	const char *from;
	const char *to;
	const char *to_suffix;
	const char *service;
	const char *framework;
	const char *source;
	const char *count;
	const char *due;
	const char *made;
	const char *instructions;
	const char *headers[NCOLS];
	const char *severity[3];	/* high, medium, low */
	const char *statuses[6];	/* the status list, NULL-terminated */
	const char *status_prompt;
	double		widths[NCOLS];
} FollowupWords;

static const FollowupWords words_ja = {
	"表紙", "指摘事項", "追加質問票（指摘事項へのご回答のお願い）",
	"依頼元", "宛先", " 御中", "対象サービス", "評価基準", "ご回答いただいた回答票",
	"指摘事項の件数", "回答期限", "作成日",
	"先日ご回答いただいたセキュリティチェックシートについて、追加でお伺いしたい事項を「指摘事項」シートにまとめました。"
	"各行の「対応状況」を一覧から選び、「ご回答」欄に具体的な内容を、「根拠資料」欄に資料名・認証番号・URL等をご記入のうえ、"
	"回答期限までに本ファイルのままご返送ください。灰色の列は変更できません。シートの追加・削除や行の並べ替えはなさらないでください。",
	{"番号", "管理策", "項目", "重要度", "貴社のご回答", "指摘の理由", "ご質問", "回答期限", "対応状況", "ご回答", "根拠資料"},
	{"高", "中", "低"},
	{"実施", "一部実施", "予定", "未実施", "対象外", NULL},
	"一覧から選択してください",
	{6, 9, 22, 7, 40, 36, 48, 11, 11, 48, 28}
};

static const FollowupWords words_en = {
	"Cover", "Findings", "Follow-up questionnaire: our questions on your answers",
	"From", "To", "", "Service", "Framework", "Your answer sheet",
	"Findings", "Reply by", "Prepared on",
	"We have questions on some of the answers in the security questionnaire you returned; they are listed in the sheet Findings. "
	"For each row please choose a status from the list, write your reply in Reply and the documents it rests on (report, certificate number, URL) in Evidence, "
	"and return this file as it is by the date given. The grey columns cannot be changed. Please do not add or remove sheets or re-order the rows.",
	{"No.", "Control", "Title", "Severity", "Your answer", "Why we ask", "Question", "Reply by", "Status", "Reply", "Evidence"},
	{"high", "medium", "low"},
	{"implemented", "partial", "planned", "not_implemented", "not_applicable", NULL},
	"Choose from the list",
	{6, 10, 24, 9, 40, 36, 48, 11, 14, 48, 28}
};

PG_FUNCTION_INFO_V1(kansa_hmac_sha256);

/*
 * hmac_sha256(key bytea, message bytea) returns bytea: RFC 2104 with
 * SHA-256, computed by the server's own implementation.
 */
Datum
kansa_hmac_sha256(PG_FUNCTION_ARGS)
{
	bytea	   *key = PG_GETARG_BYTEA_PP(0);
	bytea	   *msg = PG_GETARG_BYTEA_PP(1);
	bytea	   *result = palloc(VARHDRSZ + PG_SHA256_DIGEST_LENGTH);
	pg_hmac_ctx *ctx = pg_hmac_create(PG_SHA256);

	if (ctx == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory")));
	if (pg_hmac_init(ctx, (const uint8 *) VARDATA_ANY(key), VARSIZE_ANY_EXHDR(key)) < 0 ||
		pg_hmac_update(ctx, (const uint8 *) VARDATA_ANY(msg), VARSIZE_ANY_EXHDR(msg)) < 0 ||
		pg_hmac_final(ctx, (uint8 *) VARDATA(result), PG_SHA256_DIGEST_LENGTH) < 0)
	{
		const char *why = pg_hmac_error(ctx);

		pg_hmac_free(ctx);
		elog(ERROR, "could not compute HMAC-SHA-256: %s", why);
	}
	pg_hmac_free(ctx);
	SET_VARSIZE(result, VARHDRSZ + PG_SHA256_DIGEST_LENGTH);
	PG_RETURN_BYTEA_P(result);
}

PG_FUNCTION_INFO_V1(kansa_is_followup_sheet);

/*
 * is_followup_sheet(content bytea): is it an xlsx workbook with a sheet
 * named _kansa?  Only the workbook's sheet list is read.
 */
Datum
kansa_is_followup_sheet(PG_FUNCTION_ARGS)
{
	bytea	   *content = PG_GETARG_BYTEA_PP(0);
	const char *data = VARDATA_ANY(content);
	size_t		len = VARSIZE_ANY_EXHDR(content);
	KansaSheetLimits limits;
	List	   *names;
	ListCell   *lc;

	if (len < 4 || memcmp(data, "PK\003\004", 4) != 0)
		PG_RETURN_BOOL(false);
	kansa_sheet_limits(&limits);
	kansa_check_file_size(len);
	names = kansa_xlsx_sheet_names(data, len, &limits);
	foreach(lc, names)
	{
		if (strcmp((const char *) lfirst(lc), FOLLOWUP_SHEET) == 0)
			PG_RETURN_BOOL(true);
	}
	PG_RETURN_BOOL(false);
}

/* A value of an SPI result as UTF-8 in the given context; NULL stays NULL. */
static char *
spi_utf8(int row, int col, MemoryContext cxt)
{
	char	   *v = SPI_getvalue(SPI_tuptable->vals[row], SPI_tuptable->tupdesc, col);
	char	   *u;

	if (v == NULL)
		return NULL;
	u = pg_server_to_any(v, strlen(v), PG_UTF8);
	return MemoryContextStrdup(cxt, u);
}

/* An int8 column of an SPI result. */
static int64
spi_int8(int row, int col)
{
	bool		isnull;
	Datum		d = SPI_getbinval(SPI_tuptable->vals[row], SPI_tuptable->tupdesc, col, &isnull);

	return isnull ? 0 : DatumGetInt64(d);
}

/*
 * Read the cover and the findings through SPI, as the caller: an
 * assessment it may not see does not exist.
 */
static void
followup_read(Followup *fu, MemoryContext cxt)
{
	Oid			types[2] = {INT8OID, TEXTOID};
	Datum		values[2];
	int			i;

	values[0] = Int64GetDatum(fu->assessment_id);
	values[1] = CStringGetTextDatum(fu->en ? "en" : "ja");

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute_with_args("SELECT c.organization_id, c.organization, c.vendor, c.service, "
							  "pg_catalog.format('%s (%s)', c.framework_title, c.framework), c.file_name, "
							  "c.received_at::text, c.today::text "
							  "FROM kansa.followup_cover($1) AS c",
							  1, types, values, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "reading the cover of a follow-up sheet failed");
	if (SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_NO_DATA_FOUND),
				 errmsg("assessment " INT64_FORMAT " does not exist", fu->assessment_id)));
	fu->organization_id = spi_int8(0, 1);
	fu->organization = spi_utf8(0, 2, cxt);
	fu->vendor = spi_utf8(0, 3, cxt);
	fu->service = spi_utf8(0, 4, cxt);
	fu->framework = spi_utf8(0, 5, cxt);
	fu->file_name = spi_utf8(0, 6, cxt);
	fu->received = spi_utf8(0, 7, cxt);
	fu->today = spi_utf8(0, 8, cxt);

	if (SPI_execute_with_args("SELECT r.finding_id, r.local_id, r.title, r.severity, r.answer_text, "
							  "r.reason, r.question, r.due::text "
							  "FROM kansa.followup_rows($1, $2) AS r",
							  2, types, values, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "reading the findings of a follow-up sheet failed");
	if (SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_NO_DATA_FOUND),
				 errmsg("assessment " INT64_FORMAT " has no finding waiting for the vendor",
						fu->assessment_id),
				 errhint("A follow-up sheet asks about findings that are open or sent: raise them with kansa.raise_findings(), or reopen them with kansa.finding_reopen().")));
	fu->nrows = (int) SPI_processed;
	fu->rows = MemoryContextAllocZero(cxt, sizeof(FollowupRow) * fu->nrows);
	for (i = 0; i < fu->nrows; i++)
	{
		FollowupRow *r = &fu->rows[i];
		char	   *sev;

		r->id = spi_int8(i, 1);
		r->local_id = spi_utf8(i, 2, cxt);
		r->title = spi_utf8(i, 3, cxt);
		sev = spi_utf8(i, 4, cxt);
		r->severity = sev;
		r->answer = spi_utf8(i, 5, cxt);
		r->reason = spi_utf8(i, 6, cxt);
		r->question = spi_utf8(i, 7, cxt);
		r->due = spi_utf8(i, 8, cxt);
		if (fu->first_due == NULL || strcmp(r->due, fu->first_due) < 0)
			fu->first_due = r->due;
	}
	SPI_finish();
}

/*
 * The seal over the organisation, the assessment and the findings, from
 * kansa.followup_seal_by(caller, assessment_id, finding_ids), called
 * through the function manager (no tenant holds EXECUTE on it).
 */
static void
followup_seal(Followup *fu, Oid fn_oid)
{
	Oid			argtypes[3] = {OIDOID, INT8OID, INT8ARRAYOID};
	char	   *nsp = get_namespace_name(get_func_namespace(fn_oid));
	Oid			body = LookupFuncName(list_make2(makeString(nsp), makeString("followup_seal_by")),
									  3, argtypes, false);
	Datum	   *ids = palloc(sizeof(Datum) * fu->nrows);
	ArrayType  *arr;
	int			i;

	for (i = 0; i < fu->nrows; i++)
		ids[i] = Int64GetDatum(fu->rows[i].id);
	arr = construct_array(ids, fu->nrows, INT8OID, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
	fu->seal = TextDatumGetCString(OidFunctionCall3(body, ObjectIdGetDatum(GetUserId()),
													Int64GetDatum(fu->assessment_id),
													PointerGetDatum(arr)));
}

/* Raise the error of a failed libxlsxwriter call. */
static void
xlsx_check(lxw_error err, const char *what)
{
	if (err != LXW_NO_ERROR)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not write the follow-up sheet: %s: %s", what, lxw_strerror(err))));
}

/* The cover sheet: who asks whom about what, by when. */
static void
write_cover(lxw_workbook *wb, const Followup *fu, const FollowupWords *w)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, w->cover_sheet);
	lxw_format *title = workbook_add_format(wb);
	lxw_format *label = workbook_add_format(wb);
	lxw_format *text = workbook_add_format(wb);
	lxw_format *note = workbook_add_format(wb);
	char		count[16];
	char	   *to;
	char	   *source;
	int			row = 2;

	if (ws == NULL || title == NULL || label == NULL || text == NULL || note == NULL)
		xlsx_check(LXW_ERROR_MEMORY_MALLOC_FAILED, "cover sheet");
	format_set_bold(title);
	format_set_font_size(title, 16);
	format_set_bold(label);
	format_set_bg_color(label, 0xD9D9D9);
	format_set_border(label, LXW_BORDER_THIN);
	format_set_align(label, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(text, LXW_BORDER_THIN);
	format_set_text_wrap(text);
	format_set_align(text, LXW_ALIGN_VERTICAL_TOP);
	format_set_text_wrap(note);
	format_set_align(note, LXW_ALIGN_VERTICAL_TOP);

	xlsx_check(worksheet_set_column(ws, 0, 0, 26, NULL), "cover column");
	xlsx_check(worksheet_set_column(ws, 1, 1, 70, NULL), "cover column");
	xlsx_check(worksheet_write_string(ws, 0, 0, w->title, title), "cover title");

	to = psprintf("%s%s", fu->vendor, w->to_suffix);
	source = fu->received ? psprintf("%s (%s)", fu->file_name, fu->received) : fu->file_name;
	snprintf(count, sizeof(count), "%d", fu->nrows);
	{
		const char *labels[] = {w->from, w->to, w->service, w->framework, w->source, w->count, w->due, w->made};
		const char *values[] = {fu->organization, to, fu->service, fu->framework, source, count,
		fu->first_due, fu->today};
		int			i;

		for (i = 0; i < (int) lengthof(labels); i++, row++)
		{
			xlsx_check(worksheet_write_string(ws, row, 0, labels[i], label), "cover label");
			xlsx_check(worksheet_write_string(ws, row, 1, values[i], text), "cover value");
		}
	}
	row++;
	xlsx_check(worksheet_set_row(ws, row, 110, NULL), "cover row");
	xlsx_check(worksheet_merge_range(ws, row, 0, row, 1, w->instructions, note), "cover note");

	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_protect(ws, NULL, NULL);
	worksheet_activate(ws);
}

/* The findings sheet: one row per finding, the reply columns open. */
static void
write_findings(lxw_workbook *wb, const Followup *fu, const FollowupWords *w)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, w->findings_sheet);
	lxw_format *head = workbook_add_format(wb);
	lxw_format *locked = workbook_add_format(wb);
	lxw_format *number = workbook_add_format(wb);
	lxw_format *open = workbook_add_format(wb);
	lxw_data_validation dv;
	lxw_protection prot;
	int			i;

	if (ws == NULL || head == NULL || locked == NULL || number == NULL || open == NULL)
		xlsx_check(LXW_ERROR_MEMORY_MALLOC_FAILED, "findings sheet");
	format_set_bold(head);
	format_set_text_wrap(head);
	format_set_align(head, LXW_ALIGN_CENTER);
	format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_bg_color(head, 0x1F4E78);
	format_set_font_color(head, LXW_COLOR_WHITE);
	format_set_border(head, LXW_BORDER_THIN);
	/* the question columns: grey, locked (the default), wrapped */
	format_set_text_wrap(locked);
	format_set_align(locked, LXW_ALIGN_VERTICAL_TOP);
	format_set_bg_color(locked, 0xF2F2F2);
	format_set_border(locked, LXW_BORDER_THIN);
	format_set_align(number, LXW_ALIGN_VERTICAL_TOP);
	format_set_align(number, LXW_ALIGN_CENTER);
	format_set_bg_color(number, 0xF2F2F2);
	format_set_border(number, LXW_BORDER_THIN);
	/* the reply columns: white, unlocked */
	format_set_text_wrap(open);
	format_set_align(open, LXW_ALIGN_VERTICAL_TOP);
	format_set_unlocked(open);
	format_set_border(open, LXW_BORDER_THIN);

	for (i = 0; i < NCOLS; i++)
	{
		xlsx_check(worksheet_set_column(ws, i, i, w->widths[i],
										i >= COL_STATUS ? open : NULL), "findings column");
		xlsx_check(worksheet_write_string(ws, 0, i, w->headers[i], head), "findings header");
	}
	xlsx_check(worksheet_set_row(ws, 0, 32, NULL), "findings header row");

	for (i = 0; i < fu->nrows; i++)
	{
		const FollowupRow *r = &fu->rows[i];
		int			row = i + 1;
		const char *sev = strcmp(r->severity, "high") == 0 ? w->severity[0] :
		strcmp(r->severity, "medium") == 0 ? w->severity[1] : w->severity[2];

		xlsx_check(worksheet_write_number(ws, row, COL_NUMBER, (double) r->id, number), "finding number");
		xlsx_check(worksheet_write_string(ws, row, COL_CONTROL, r->local_id, locked), "finding control");
		xlsx_check(worksheet_write_string(ws, row, COL_TITLE, r->title ? r->title : "", locked), "finding title");
		xlsx_check(worksheet_write_string(ws, row, COL_SEVERITY, sev, locked), "finding severity");
		xlsx_check(worksheet_write_string(ws, row, COL_ANSWER, r->answer ? r->answer : "", locked), "finding answer");
		xlsx_check(worksheet_write_string(ws, row, COL_REASON, r->reason, locked), "finding reason");
		xlsx_check(worksheet_write_string(ws, row, COL_QUESTION, r->question, locked), "finding question");
		xlsx_check(worksheet_write_string(ws, row, COL_DUE, r->due, locked), "finding due");
		xlsx_check(worksheet_write_blank(ws, row, COL_STATUS, open), "finding status");
		xlsx_check(worksheet_write_blank(ws, row, COL_REPLY, open), "finding reply");
		xlsx_check(worksheet_write_blank(ws, row, COL_EVIDENCE, open), "finding evidence");
	}

	memset(&dv, 0, sizeof(dv));
	dv.validate = LXW_VALIDATION_TYPE_LIST;
	dv.value_list = (char **) w->statuses;
	dv.input_title = (char *) w->headers[COL_STATUS];
	dv.input_message = (char *) w->status_prompt;
	dv.show_input = LXW_VALIDATION_ON;
	dv.show_error = LXW_VALIDATION_ON;
	dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
	xlsx_check(worksheet_data_validation_range(ws, 1, COL_STATUS, fu->nrows, COL_STATUS, &dv),
			   "status list");

	worksheet_freeze_panes(ws, 1, COL_TITLE);
	xlsx_check(worksheet_repeat_rows(ws, 0, 0), "print titles");
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	xlsx_check(worksheet_set_footer(ws, "&C&P / &N"), "footer");

	memset(&prot, 0, sizeof(prot));
	prot.format_columns = 1;	/* the vendor may widen columns */
	prot.format_rows = 1;		/* and rows, to read long replies */
	worksheet_protect(ws, NULL, &prot);
}

/* The hidden sheet: what the reply is matched and verified by. */
static void
write_hidden(lxw_workbook *wb, const Followup *fu, const FollowupWords *w)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, FOLLOWUP_SHEET);
	char		buf[32];
	int			row = 0;
	int			i;

	if (ws == NULL)
		xlsx_check(LXW_ERROR_MEMORY_MALLOC_FAILED, "hidden sheet");
#define KV(k, v) do { \
		xlsx_check(worksheet_write_string(ws, row, 0, (k), NULL), "hidden sheet"); \
		xlsx_check(worksheet_write_string(ws, row, 1, (v), NULL), "hidden sheet"); \
		row++; \
	} while (0)
	KV("kansa follow-up sheet", "1");
	snprintf(buf, sizeof(buf), INT64_FORMAT, fu->organization_id);
	KV("organization", buf);
	snprintf(buf, sizeof(buf), INT64_FORMAT, fu->assessment_id);
	KV("assessment", buf);
	KV("language", fu->en ? "en" : "ja");
	KV("sheet", w->findings_sheet);
	KV("header_row", "1");
	snprintf(buf, sizeof(buf), "%d", COL_NUMBER + 1);
	KV("finding_column", buf);
	snprintf(buf, sizeof(buf), "%d", COL_STATUS + 1);
	KV("status_column", buf);
	snprintf(buf, sizeof(buf), "%d", COL_REPLY + 1);
	KV("reply_column", buf);
	snprintf(buf, sizeof(buf), "%d", COL_EVIDENCE + 1);
	KV("evidence_column", buf);
	KV("seal", fu->seal);
	for (i = 0; i < fu->nrows; i++)
	{
		snprintf(buf, sizeof(buf), INT64_FORMAT, fu->rows[i].id);
		KV("finding", buf);
	}
#undef KV
	worksheet_protect(ws, NULL, NULL);
	worksheet_hide(ws);
}

/* Read a file whole into a bytea. */
static bytea *
read_whole_file(const char *path)
{
	int			fd = OpenTransientFile(path, O_RDONLY | PG_BINARY);
	struct stat st;
	bytea	   *result;
	size_t		done = 0;

	if (fd < 0)
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not open file \"%s\": %m", path)));
	if (fstat(fd, &st) < 0)
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not stat file \"%s\": %m", path)));
	if ((Size) st.st_size > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("follow-up sheet is too large")));
	result = palloc(VARHDRSZ + st.st_size);
	while (done < (size_t) st.st_size)
	{
		ssize_t		n = read(fd, VARDATA(result) + done, st.st_size - done);

		if (n < 0)
			ereport(ERROR,
					(errcode_for_file_access(),
					 errmsg("could not read file \"%s\": %m", path)));
		if (n == 0)
			break;
		done += n;
	}
	CloseTransientFile(fd);
	SET_VARSIZE(result, VARHDRSZ + done);
	return result;
}

PG_FUNCTION_INFO_V1(kansa_followup_sheet);

/*
 * followup_sheet(assessment_id bigint, language text DEFAULT 'ja') returns
 * bytea: the follow-up questionnaire of the assessment's findings that wait
 * for the vendor, as an xlsx workbook.
 */
Datum
kansa_followup_sheet(PG_FUNCTION_ARGS)
{
	static unsigned int counter = 0;
	Followup	fu;
	const FollowupWords *w;
	char		tmpdir[MAXPGPATH];
	char	   *path;
	char	   *language;
	lxw_workbook *volatile wb = NULL;
	lxw_workbook_options opts;
	bytea	   *volatile result = NULL;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("assessment_id and language must not be null")));
	if (InSecurityRestrictedOperation())
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("followup_sheet cannot run within a security-restricted operation")));
	memset(&fu, 0, sizeof(fu));
	fu.assessment_id = PG_GETARG_INT64(0);
	language = text_to_cstring(PG_GETARG_TEXT_PP(1));
	if (strcmp(language, "ja") == 0)
		fu.en = false;
	else if (strcmp(language, "en") == 0)
		fu.en = true;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value \"%s\" for language", language),
				 errhint("Use ja or en.")));
	w = fu.en ? &words_en : &words_ja;

	followup_read(&fu, CurrentMemoryContext);
	followup_seal(&fu, fcinfo->flinfo->fn_oid);

	/* a file of the backend's temporary directory, removed on every path */
	TempTablespacePath(tmpdir, DEFAULTTABLESPACE_OID);
	PathNameCreateTemporaryDir(tmpdir, tmpdir);
	path = psprintf("%s/%s%d.kansa_followup.%u.xlsx", tmpdir, PG_TEMP_FILE_PREFIX,
					MyProcPid, counter++);

	PG_TRY();
	{
		lxw_error	err;

		memset(&opts, 0, sizeof(opts));
		opts.tmpdir = tmpdir;
		wb = workbook_new_opt(path, &opts);
		if (wb == NULL)
			xlsx_check(LXW_ERROR_MEMORY_MALLOC_FAILED, "workbook");
		write_cover(wb, &fu, w);
		write_findings(wb, &fu, w);
		write_hidden(wb, &fu, w);
		/* closing writes the file and frees the workbook, whatever it returns */
		err = workbook_close(wb);
		wb = NULL;
		xlsx_check(err, "workbook");
		result = read_whole_file(path);
	}
	PG_FINALLY();
	{
		if (wb != NULL)
			lxw_workbook_free(wb);
		if (unlink(path) < 0 && errno != ENOENT)
			ereport(WARNING,
					(errcode_for_file_access(),
					 errmsg("could not remove file \"%s\": %m", path)));
	}
	PG_END_TRY();

	PG_RETURN_BYTEA_P(result);
}
