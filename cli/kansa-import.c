/*-------------------------------------------------------------------------
 *
 * kansa-import.c
 *	  The batch client: sends vendors' answer sheets to kansa.import_sheet(),
 *	  each file in its own transaction, and reports what became of each.
 *
 * The files are read whole and sent as a binary bytea parameter, so the
 * server sees exactly the bytes on disk.  Usage is in --help and in
 * cli/README.md.  The client checks only what the server cannot (its own
 * flags, the files, the manifest's syntax); import options are the server's
 * to judge, and the largest file it sends is the server's setting
 * kansa.import_max_file_size.
 *
 * It is built the PGXS way (cli/Makefile) and uses PostgreSQL's front-end
 * libraries: PQExpBuffer, pg_malloc and psprintf, simple_prompt, pg_logging,
 * and fe_utils' cancel handler and character widths.
 *
 * cli/kansa-import.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres_fe.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog/pg_type_d.h"
#include "common/logging.h"
#include "common/string.h"
#include "fe_utils/cancel.h"
#include "fe_utils/mbprint.h"
#include "getopt_long.h"
#include "libpq-fe.h"
#include "mb/pg_wchar.h"
#include "pqexpbuffer.h"

#include "connect.h"

/* cli/Makefile passes kansa.control's default_version. */
#ifndef KANSA_VERSION
#error "KANSA_VERSION must be defined; build kansa-import with cli/Makefile"
#endif

/* Exit statuses. */
#define EXIT_ALL_LOADED		0	/* every file loaded or already loaded */
#define EXIT_INCOMPLETE		1	/* a file failed, had rejects, or we were
								 * interrupted */
#define EXIT_USAGE			2	/* bad arguments, bad manifest, no connection */

/*
 * The largest manifest we read: no list of files comes near it, but a
 * manifest read from a pipe that never ends must stop somewhere.  (The
 * largest answer sheet is the server's setting, read after connecting.)
 */
#define MAX_MANIFEST_SIZE	((size_t) 1 << 30)
#define MAX_MANIFEST_SHOWN	"1 GB"

/* Width of the bar in the progress line, and of the status column. */
#define BAR_WIDTH			30
#define STATUS_WIDTH		19

/* Reconnection attempts after the server closed the connection. */
#define RECONNECT_ATTEMPTS	5

/*
 * The statement that imports one file; one row comes back per import, with
 * what the new assessment changed against the one it superseded, if any
 * (kansa.change_summary, which runs after the import and sees its rows).
 */
static const char *const import_sql =
"SELECT i.batch_id, i.assessment_id, i.status, i.format, i.sheet, i.rows_read,\n"
"       i.responses, i.rejected, i.skipped, i.unknown_controls, i.conflicts,\n"
"       c.previous_assessment_id, c.new_gaps, c.closed_gaps, c.reviews_carried,\n"
"       c.changed, c.worse, c.better, c.text_changed, c.added, c.dropped,\n"
"       c.unchanged\n"
"  FROM kansa.import_sheet($1, $2, $3, $4, $5, $6, $7 OPERATOR(pg_catalog.||) $8) AS i\n"
"  LEFT JOIN LATERAL kansa.change_summary(i.assessment_id) AS c ON true";

#define IMPORT_NPARAMS		8
#define IMPORT_NCOLUMNS		22

static const Oid import_param_types[IMPORT_NPARAMS] = {
	TEXTOID,					/* organization */
	TEXTOID,					/* vendor */
	TEXTOID,					/* service */
	TEXTOID,					/* framework */
	BYTEAOID,					/* content */
	TEXTOID,					/* file_name */
	JSONBOID,					/* options from the command line */
	JSONBOID					/* options from the manifest line; they win */
};

/*
 * The server's largest file, in bytes and as its setting shows it.  Calling
 * one of kansa's C functions loads its library, which defines the setting.
 */
#define FILE_LIMIT_SETTING	"kansa.import_max_file_size"

static const char *const load_library_sql =
"SELECT kansa.is_valid_control_id('')";

static const char *const file_limit_sql =
"SELECT pg_catalog.pg_size_bytes(pg_catalog.current_setting('" FILE_LIMIT_SETTING "', true)),\n"
"       pg_catalog.current_setting('" FILE_LIMIT_SETTING "', true)";

/* Where the setting cannot be read: the largest value a bytea can hold. */
#define FILE_LIMIT_FALLBACK ((size_t) 1024 * 1024 * 1024 - 1)

/* One import option, as --mode, --blank or --option gave it. */
typedef struct ImportOption
{
	char	   *key;
	char	   *value;
	bool		infer_type;		/* integers and booleans become JSON ones */
} ImportOption;

typedef struct OptionList
{
	ImportOption *items;
	int			count;
	int			cap;
} OptionList;

/* One file to import and what to import it as. */
typedef struct ImportJob
{
	char	   *path;			/* the path we open and show */
	char	   *organization;
	char	   *vendor;
	char	   *service;
	char	   *framework;
	char	   *line_options;	/* JSON object text from the manifest, or
								 * NULL */
	int			manifest_line;	/* 0 when named on the command line */
} ImportJob;

typedef struct JobList
{
	ImportJob  *items;
	int			count;
	int			cap;
} JobList;

typedef enum RecordKind
{
	RECORD_RESULT,				/* a row kansa.import_sheet returned */
	RECORD_ERROR,				/* the file could not be imported */
	RECORD_NOT_ATTEMPTED		/* we stopped before reaching the file */
} RecordKind;

/* What became of one file, as reported on stdout. */
typedef struct Record
{
	RecordKind	kind;
	const ImportJob *job;
	const char *file_name;		/* base name sent to the server, or NULL */
	long long	bytes;			/* size of the file, -1 when not read */
	/* the columns of the result row; NULL for SQL NULL or no row */
	const char *columns[IMPORT_NCOLUMNS];
	/* the error, for RECORD_ERROR and RECORD_NOT_ATTEMPTED */
	const char *message;
	const char *detail;
	const char *hint;
	const char *sqlstate;
} Record;

/* Column numbers in import_sql's result, and so in Record.columns. */
enum
{
	COL_BATCH_ID,
	COL_ASSESSMENT_ID,
	COL_STATUS,
	COL_FORMAT,
	COL_SHEET,
	COL_ROWS_READ,
	COL_RESPONSES,
	COL_REJECTED,
	COL_SKIPPED,
	COL_UNKNOWN_CONTROLS,
	COL_CONFLICTS,
	COL_PREVIOUS_ASSESSMENT_ID,
	COL_NEW_GAPS,				/* then the other counts of change_summary */
	COL_CLOSED_GAPS,
	COL_REVIEWS_CARRIED,
	COL_CHANGED,
	COL_WORSE,
	COL_BETTER,
	COL_TEXT_CHANGED,
	COL_ADDED,
	COL_DROPPED,
	COL_UNCHANGED
};

/* Counts for the summary. */
typedef struct Totals
{
	int			files;
	int			loaded;
	int			already_loaded;
	int			loaded_with_rejects;
	int			failed;
	int			other_status;
	int			not_attempted;
	long long	rows_read;
	long long	responses;
	long long	rejected;
	long long	skipped;
	long long	unknown_controls;
} Totals;

/* Everything the command line says. */
typedef struct Settings
{
	KansaConnOptions conn;
	const char *org;
	const char *vendor;
	const char *service;
	const char *framework;
	const char *manifest;
	bool		no_progress;
	int			jobs;			/* connections, --jobs */
	OptionList	options;		/* --mode, --blank, --option, ... */
	char	  **files;			/* the files named, files[0 .. nfiles - 1] */
	int			nfiles;
} Settings;

/* The largest file the server takes, as read_file_limit found it. */
typedef struct FileLimit
{
	size_t		bytes;
	char	   *shown;			/* how messages name it */
} FileLimit;

static const char *progname = "kansa-import";

/* Output settings, fixed once the arguments are read. */
static bool json_output = false;
static bool quiet = false;
static bool show_progress = false;

/* Whether the progress line is on the screen now. */
static bool progress_visible = false;

/*
 * Set by our part of the SIGINT handler (fe_utils/cancel.c's calls it), so
 * that a second ^C ends us at once.  CancelRequested says we were
 * interrupted.
 */
static volatile sig_atomic_t sigint_seen = false;

static void usage_error(const char *fmt,...)
			pg_attribute_printf(1, 2) pg_attribute_noreturn();

/*
 * The cancel handles of the connections after the first, for the SIGINT
 * handler; fe_utils/cancel.c's handler cancels the first (SetCancelConn).
 * A handle is set to NULL before it is freed, as cancel.c does.
 */
#define MAX_JOBS			64
static PGcancel *volatile extra_cancel[MAX_JOBS];
static volatile sig_atomic_t extra_count = 0;

/*
 * Give slot i a cancel handle for its connection: the first through
 * fe_utils/cancel.c, the others in extra_cancel.
 */
static void
set_slot_cancel(int i, PGconn *conn)
{
	PGcancel   *old;

	if (i == 0)
	{
		SetCancelConn(conn);
		return;
	}
	old = extra_cancel[i];
	extra_cancel[i] = NULL;
	if (old != NULL)
		PQfreeCancel(old);
	extra_cancel[i] = PQgetCancel(conn);
}

/* Cancel the statements of the connections after the first. */
static void
cancel_extra_connections(void)
{
	char		errbuf[256];
	int			i;

	for (i = 1; i < extra_count; i++)
	{
		PGcancel   *cancel = extra_cancel[i];

		if (cancel != NULL)
			(void) PQcancel(cancel, errbuf, sizeof(errbuf));
	}
}

static void
free_extra_cancels(void)
{
	int			n = extra_count;
	int			i;

	extra_count = 0;
	for (i = 1; i < n; i++)
	{
		PGcancel   *old = extra_cancel[i];

		extra_cancel[i] = NULL;
		if (old != NULL)
			PQfreeCancel(old);
	}
}


/*
 * Strings
 */

/* The text a buffer holds, now the caller's; out of memory ends us. */
static char *
buffer_text(PQExpBuffer buf)
{
	if (PQExpBufferBroken(buf))
	{
		pg_log_error("out of memory");
		exit(EXIT_INCOMPLETE);
	}
	return buf->data;
}

/* The last component of a path, ignoring trailing slashes. */
static char *
base_name(const char *path)
{
	size_t		end = strlen(path);
	size_t		start;

	while (end > 1 && path[end - 1] == '/')
		end--;
	start = end;
	while (start > 0 && path[start - 1] != '/')
		start--;
	return pnstrdup(path + start, end - start);
}

/*
 * The length of the valid UTF-8 character at p, or 0 when p does not start
 * one.  Reads no further than a NUL.
 */
static int
utf8_length(const unsigned char *p)
{
	int			len = pg_utf_mblen(p);

	if (strnlen((const char *) p, len) < (size_t) len ||
		!pg_utf8_islegal(p, len))
		return 0;
	return len;
}


/*
 * JSON output
 */

/*
 * Append s as a JSON string, or null for NULL.  Bytes that are not valid
 * UTF-8 (a file name can hold any) become U+FFFD, so the output is always
 * valid JSON.
 */
static void
json_string(PQExpBuffer buf, const char *s)
{
	const unsigned char *p = (const unsigned char *) s;

	if (s == NULL)
	{
		appendPQExpBufferStr(buf, "null");
		return;
	}
	appendPQExpBufferChar(buf, '"');
	while (*p)
	{
		int			n = utf8_length(p);

		if (n == 0)
		{
			appendPQExpBufferStr(buf, "\\ufffd");
			p++;
			continue;
		}
		if (n > 1)
		{
			appendBinaryPQExpBuffer(buf, (const char *) p, n);
			p += n;
			continue;
		}
		switch (*p)
		{
			case '"':
				appendPQExpBufferStr(buf, "\\\"");
				break;
			case '\\':
				appendPQExpBufferStr(buf, "\\\\");
				break;
			case '\b':
				appendPQExpBufferStr(buf, "\\b");
				break;
			case '\f':
				appendPQExpBufferStr(buf, "\\f");
				break;
			case '\n':
				appendPQExpBufferStr(buf, "\\n");
				break;
			case '\r':
				appendPQExpBufferStr(buf, "\\r");
				break;
			case '\t':
				appendPQExpBufferStr(buf, "\\t");
				break;
			default:
				if (*p < 0x20)
					appendPQExpBuffer(buf, "\\u%04x", *p);
				else
					appendPQExpBufferChar(buf, (char) *p);
				break;
		}
		p++;
	}
	appendPQExpBufferChar(buf, '"');
}

/* Whether s is an integer as JSON writes one: -?(0|[1-9][0-9]*). */
static bool
is_json_integer(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '0')
		return s[1] == '\0';
	if (*s < '1' || *s > '9')
		return false;
	while (*s >= '0' && *s <= '9')
		s++;
	return *s == '\0';
}

/* Append a number the server sent as text, null for NULL. */
static void
json_number(PQExpBuffer buf, const char *s)
{
	if (s != NULL && is_json_integer(s))
		appendPQExpBufferStr(buf, s);
	else
		json_string(buf, s);
}

/* Append ,"key": and leave the value to the caller. */
static void
json_key(PQExpBuffer buf, const char *key)
{
	if (buf->len > 0 && buf->data[buf->len - 1] != '{')
		appendPQExpBufferChar(buf, ',');
	json_string(buf, key);
	appendPQExpBufferChar(buf, ':');
}


/*
 * The progress line
 */

static int
terminal_width(void)
{
	struct winsize ws;

	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/*
 * A path's last component as the progress line shows it: control
 * characters and bytes that are not UTF-8 become '?', so that every
 * character has a width on the terminal.
 */
static char *
printable_name(const char *path)
{
	char	   *name = base_name(path);
	PQExpBufferData buf;
	const char *p;
	int			len;

	initPQExpBuffer(&buf);
	for (p = name; *p; p += len)
	{
		len = utf8_length((const unsigned char *) p);
		if (len > 0 && PQdsplen(p, PG_UTF8) >= 0)
			appendBinaryPQExpBuffer(&buf, p, len);
		else
		{
			appendPQExpBufferChar(&buf, '?');
			if (len == 0)
				len = 1;
		}
	}
	free(name);
	return buffer_text(&buf);
}

/* Take the progress line off the screen, if it is there. */
static void
progress_clear(void)
{
	if (!progress_visible)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	progress_visible = false;
}

/*
 * Draw the progress line in place: files done out of all, rows read so far,
 * the bar, and the file being imported, shortened from the left to fit.
 */
static void
progress_draw(int done, int total, long long rows, const char *path)
{
	PQExpBufferData line;
	char		bar[BAR_WIDTH + 1];
	int			filled;
	int			width;
	int			room;
	int			shown;
	char	   *name;
	const char *start;

	if (!show_progress)
		return;

	filled = total > 0 ? (int) ((long long) done * BAR_WIDTH / total) : 0;
	memset(bar, '#', filled);
	memset(bar + filled, '-', BAR_WIDTH - filled);
	bar[BAR_WIDTH] = '\0';

	initPQExpBuffer(&line);
	appendPQExpBuffer(&line, "%d/%d files [%s] %lld rows  ",
					  done, total, bar, rows);

	/* Leave the last column free, lest the terminal wrap the line. */
	width = terminal_width() - 1;
	if (width < 0)
		width = 0;
	if (line.len > (size_t) width)
	{
		line.len = width;
		line.data[line.len] = '\0';
	}
	room = width - (int) line.len;

	/* Drop characters from the left until the rest fits: the end differs. */
	name = printable_name(path);
	start = name;
	shown = pg_wcswidth(name, strlen(name), PG_UTF8);
	if (shown > room)
	{
		int			target = room > 3 ? room - 3 : 0;

		while (*start && shown > target)
		{
			shown -= PQdsplen(start, PG_UTF8);
			start += PQmblen(start, PG_UTF8);
		}
		if (room > 3)
			appendPQExpBufferStr(&line, "...");
		else
			start = "";
	}
	appendPQExpBufferStr(&line, start);
	free(name);

	fputs("\r", stderr);
	fputs(buffer_text(&line), stderr);
	fputs("\033[K", stderr);
	fflush(stderr);
	termPQExpBuffer(&line);
	progress_visible = true;
}


/*
 * Messages
 */

/* Report a usage error, point to --help, and exit. */
static void
usage_error(const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	pg_log_generic_v(PG_LOG_ERROR, PG_LOG_PRIMARY, fmt, args);
	va_end(args);
	fprintf(stderr, "Try \"%s --help\" for more information.\n", progname);
	exit(EXIT_USAGE);
}

static void
usage(void)
{
	printf("%s sends vendors' answer sheets to a kansa database through\n"
		   "kansa.import_sheet(), each file in its own transaction.\n\n",
		   progname);
	printf("Usage:\n");
	printf("  %s [OPTION]... --org=ORG --vendor=VENDOR --service=SERVICE \\\n"
		   "      --framework=FRAMEWORK FILE...\n", progname);
	printf("  %s [OPTION]... --manifest=MANIFEST\n", progname);
	printf("\nWhat to import:\n");
	printf("      --org=ORG              organization the assessment belongs to\n");
	printf("      --vendor=VENDOR        vendor that answered the sheet\n");
	printf("      --service=SERVICE      the vendor's service being assessed\n");
	printf("      --framework=FRAMEWORK  framework the sheet answers\n");
	printf("      --manifest=MANIFEST    a TSV file naming the files and what they are\n"
		   "                             (path, organization, vendor, service,\n"
		   "                             framework, options); \"-\" reads standard input\n");
	printf("\nHow to import:\n");
	printf("      --mode=MODE            strict (default: a rejected row fails the\n"
		   "                             file) or quarantine (the good rows load, the\n"
		   "                             rejected ones are kept in kansa.import_reject)\n");
	printf("      --blank=POLICY         what a blank answer means: gap or inherit\n");
	printf("      --no-create            refuse an organization, vendor or service\n"
		   "                             name that does not exist yet (the error\n"
		   "                             names the ones it may have meant)\n");
	printf("      --reload               load a file again even if the same bytes\n"
		   "                             were loaded before (with other options)\n");
	printf("      --scope=SCOPE          the controls the organization asked: the\n"
		   "                             name of a scope kept with kansa.scope_set(),\n"
		   "                             or ids and sections separated by commas\n"
		   "                             (4(4),11.3); the others are no gaps\n");
	printf("      --option=KEY=VALUE     another import_sheet option, such as sheet,\n"
		   "                             header_row, id_column, answer_column, format,\n"
		   "                             encoding or delimiter; may be repeated;\n"
		   "                             integers and true/false are sent as such\n");
	printf("\nOutput:\n");
	printf("      --json                 one JSON object per file on stdout, then a\n"
		   "                             summary object\n");
	printf("  -q, --quiet                report only the files that did not fully load\n");
	printf("      --no-progress          no progress line on the terminal\n");
	printf("  -j, --jobs=N               import N files at a time, on N connections\n"
		   "                             (1 to %d, default 1); the per-file lines come\n"
		   "                             in the order the files finish\n", MAX_JOBS);
	printf("  -V, --version              output version information, then exit\n");
	printf("  -?, --help                 show this help, then exit\n");
	printf("\nConnection options:\n");
	printf("  -d, --dbname=DBNAME        database name, connection string or URI\n");
	printf("  -h, --host=HOSTNAME        database server host or socket directory\n");
	printf("  -p, --port=PORT            database server port\n");
	printf("  -U, --username=USERNAME    database user name\n");
	printf("  -w, --no-password          never prompt for password\n");
	printf("  -W, --password             force password prompt\n");
	printf("\nThe PG* environment variables (PGHOST, PGDATABASE, ...) apply as usual.\n");
	printf("\nExit status: 0 when every file loaded (or was already loaded), 1 when a\n"
		   "file failed or loaded with rejects, or on interrupt, 2 on usage, manifest\n"
		   "or connection errors.\n");
}


/*
 * Import options
 */

/* Set an option; a later setting of the same key replaces the earlier. */
static void
options_set(OptionList *list, const char *key, size_t keylen,
			const char *value, bool infer_type)
{
	int			i;

	for (i = 0; i < list->count; i++)
	{
		if (strlen(list->items[i].key) == keylen &&
			strncmp(list->items[i].key, key, keylen) == 0)
		{
			free(list->items[i].value);
			list->items[i].value = pg_strdup(value);
			list->items[i].infer_type = infer_type;
			return;
		}
	}
	if (list->count == list->cap)
	{
		list->cap = list->cap > 0 ? list->cap * 2 : 8;
		list->items = pg_realloc(list->items, list->cap * sizeof(ImportOption));
	}
	list->items[list->count].key = pnstrdup(key, keylen);
	list->items[list->count].value = pg_strdup(value);
	list->items[list->count].infer_type = infer_type;
	list->count++;
}

/* The options as a JSON object. */
static char *
options_json(const OptionList *list)
{
	PQExpBufferData buf;
	int			i;

	initPQExpBuffer(&buf);
	appendPQExpBufferChar(&buf, '{');
	for (i = 0; i < list->count; i++)
	{
		const ImportOption *opt = &list->items[i];

		json_key(&buf, opt->key);
		if (opt->infer_type &&
			(is_json_integer(opt->value) ||
			 strcmp(opt->value, "true") == 0 ||
			 strcmp(opt->value, "false") == 0))
			appendPQExpBufferStr(&buf, opt->value);
		else
			json_string(&buf, opt->value);
	}
	appendPQExpBufferChar(&buf, '}');
	return buffer_text(&buf);
}

static void
options_free(OptionList *list)
{
	int			i;

	for (i = 0; i < list->count; i++)
	{
		free(list->items[i].key);
		free(list->items[i].value);
	}
	free(list->items);
}


/*
 * Files
 */

/*
 * Read fd to its end into a buffer of cap bytes at first, NUL-terminated.
 * Returns NULL and sets *errmsg when it cannot be read or holds more than
 * max_size bytes.  Running out of memory fails the file, not the batch, so
 * the buffer is malloc'd rather than pg_malloc'd.
 */
static char *
read_to_end(int fd, size_t cap, size_t max_size, const char *limit,
			size_t *len, char **errmsg)
{
	size_t		used = 0;
	char	   *buf;

	if (cap > max_size + 1)
		cap = max_size + 1;
	buf = malloc(cap + 1);
	if (buf == NULL)
	{
		*errmsg = psprintf("out of memory reading file");
		return NULL;
	}

	for (;;)
	{
		ssize_t		n;

		if (used == cap)
		{
			size_t		newcap = Min(cap * 2, max_size + 1);
			char	   *newbuf = realloc(buf, newcap + 1);

			if (newbuf == NULL)
			{
				*errmsg = psprintf("out of memory reading file");
				break;
			}
			buf = newbuf;
			cap = newcap;
		}
		n = read(fd, buf + used, cap - used);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
		{
			*errmsg = psprintf("could not read file: %m");
			break;
		}
		if (n == 0)
		{
			buf[used] = '\0';
			*len = used;
			return buf;
		}
		used += n;
		if (used > max_size)
		{
			*errmsg = psprintf("file is larger than %s", limit);
			break;
		}
	}
	free(buf);
	return NULL;
}

/*
 * Read a whole file (or standard input) into memory, NUL-terminated for the
 * benefit of text readers.  Returns NULL and sets *errmsg when the file
 * cannot be read or is larger than max_size bytes (limit names that limit in
 * the message); a regular file's size is known before it is read.
 */
static char *
read_file_contents(const char *path, bool use_stdin, size_t max_size,
				   const char *limit, size_t *len, char **errmsg)
{
	int			fd;
	struct stat st;
	char	   *buf = NULL;

	*errmsg = NULL;
	if (use_stdin)
		fd = STDIN_FILENO;
	else
	{
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
		{
			*errmsg = psprintf("could not open file: %m");
			return NULL;
		}
	}

	if (fstat(fd, &st) < 0)
		*errmsg = psprintf("could not stat file: %m");
	else if (S_ISDIR(st.st_mode))
		*errmsg = psprintf("is a directory");
	else if (S_ISREG(st.st_mode) && (unsigned long long) st.st_size > max_size)
		*errmsg = psprintf("file of %lld bytes is larger than %s",
						   (long long) st.st_size, limit);
	else
	{
		/* One byte more than the size, to see the end without growing. */
		buf = read_to_end(fd,
						  S_ISREG(st.st_mode) ? (size_t) st.st_size + 1 : 65536,
						  max_size, limit, len, errmsg);
	}

	if (!use_stdin)
		close(fd);
	return buf;
}


/*
 * Jobs and the manifest
 */

static ImportJob *
jobs_add(JobList *jobs)
{
	ImportJob  *job;

	if (jobs->count == jobs->cap)
	{
		jobs->cap = jobs->cap > 0 ? jobs->cap * 2 : 16;
		jobs->items = pg_realloc(jobs->items, jobs->cap * sizeof(ImportJob));
	}
	job = &jobs->items[jobs->count++];
	memset(job, 0, sizeof(ImportJob));
	return job;
}

static void
jobs_free(JobList *jobs)
{
	int			i;

	for (i = 0; i < jobs->count; i++)
	{
		ImportJob  *job = &jobs->items[i];

		free(job->path);
		free(job->organization);
		free(job->vendor);
		free(job->service);
		free(job->framework);
		free(job->line_options);
	}
	free(jobs->items);
}

/* Whether a line holds nothing but spaces and tabs. */
static bool
is_blank(const char *s, size_t len)
{
	size_t		i;

	for (i = 0; i < len; i++)
	{
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	}
	return true;
}

#define MANIFEST_FIELDS		6

static const char *const manifest_field_names[MANIFEST_FIELDS] = {
	"path", "organization", "vendor", "service", "framework", "options"
};

/*
 * The directory a manifest's relative paths are relative to, or NULL for the
 * current one.
 */
static char *
manifest_dir(const char *manifest, bool use_stdin)
{
	const char *slash = use_stdin ? NULL : strrchr(manifest, '/');

	if (slash == NULL)
		return NULL;
	return pnstrdup(manifest, slash == manifest ? 1 : slash - manifest);
}

/*
 * Cut the next line out of data[*pos .. len - 1]: the line ends at a newline
 * (a CR before it is dropped) or at the end of the data.  Sets *linelen and
 * moves *pos past the line.  The line is not yet NUL-terminated.
 */
static char *
scan_line(char *data, size_t len, size_t *pos, size_t *linelen)
{
	char	   *line = data + *pos;
	char	   *end = memchr(line, '\n', len - *pos);

	*linelen = end ? (size_t) (end - line) : len - *pos;
	*pos += *linelen + (end ? 1 : 0);
	if (*linelen > 0 && line[*linelen - 1] == '\r')
		(*linelen)--;
	return line;
}

/*
 * Cut a NUL-terminated line into fields at its tabs, in place.  Returns the
 * number of fields, or MANIFEST_FIELDS + 1 when there are more than
 * MANIFEST_FIELDS.
 */
static int
scan_fields(char *line, char *fields[MANIFEST_FIELDS])
{
	int			nfields = 0;
	char	   *p;

	fields[nfields++] = line;
	for (p = line; *p; p++)
	{
		if (*p != '\t')
			continue;
		*p = '\0';
		if (nfields == MANIFEST_FIELDS)
			return MANIFEST_FIELDS + 1;
		fields[nfields++] = p + 1;
	}
	return nfields;
}

/*
 * Whether a line's fields name a file and what it is: five or six fields,
 * the first five not empty.  Reports every problem, as file:line.
 */
static bool
scan_check_fields(const char *manifest, int lineno, char *fields[], int nfields)
{
	bool		good = true;
	int			i;

	if (nfields > MANIFEST_FIELDS)
	{
		pg_log_error("%s:%d: more than %d tab-separated fields; expected path, organization, vendor, service, framework and optionally options",
					 manifest, lineno, MANIFEST_FIELDS);
		return false;
	}
	if (nfields < MANIFEST_FIELDS - 1)
	{
		pg_log_error("%s:%d: %d tab-separated field%s; expected path, organization, vendor, service, framework and optionally options",
					 manifest, lineno, nfields, nfields == 1 ? "" : "s");
		return false;
	}
	for (i = 0; i < MANIFEST_FIELDS - 1; i++)
	{
		if (fields[i][0] == '\0')
		{
			pg_log_error("%s:%d: the %s field is empty",
						 manifest, lineno, manifest_field_names[i]);
			good = false;
		}
	}
	return good;
}

/* Add the job a good manifest line names; its path joined to dir. */
static void
add_manifest_job(JobList *jobs, const char *dir, char *fields[], int nfields,
				 int lineno)
{
	ImportJob  *job = jobs_add(jobs);

	if (dir != NULL && fields[0][0] != '/')
		job->path = psprintf("%s%s%s", dir,
							 dir[strlen(dir) - 1] == '/' ? "" : "/",
							 fields[0]);
	else
		job->path = pg_strdup(fields[0]);
	job->organization = pg_strdup(fields[1]);
	job->vendor = pg_strdup(fields[2]);
	job->service = pg_strdup(fields[3]);
	job->framework = pg_strdup(fields[4]);
	if (nfields == MANIFEST_FIELDS &&
		!is_blank(fields[5], strlen(fields[5])))
		job->line_options = pg_strdup(fields[5]);
	job->manifest_line = lineno;
}

/*
 * Read a manifest into jobs.  Reports every error it finds, with file and
 * line, and returns how many there were; jobs are added only for good
 * lines.
 */
static int
read_manifest(const char *manifest, JobList *jobs)
{
	bool		use_stdin = strcmp(manifest, "-") == 0;
	char	   *data;
	char	   *errmsg;
	size_t		len;
	size_t		pos = 0;
	char	   *dir;
	int			lineno = 0;
	int			errors = 0;
	bool		first = true;

	data = read_file_contents(manifest, use_stdin, MAX_MANIFEST_SIZE,
							  MAX_MANIFEST_SHOWN, &len, &errmsg);
	if (data == NULL)
	{
		pg_log_error("manifest \"%s\": %s", manifest, errmsg);
		free(errmsg);
		return 1;
	}

	/* A byte order mark, as some editors write, is not part of the path. */
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		pos = 3;
	dir = manifest_dir(manifest, use_stdin);

	while (pos < len)
	{
		size_t		linelen;
		char	   *line = scan_line(data, len, &pos, &linelen);
		char	   *fields[MANIFEST_FIELDS];
		int			nfields;

		lineno++;
		if (memchr(line, '\0', linelen) != NULL)
		{
			pg_log_error("%s:%d: line contains a NUL byte; a manifest is UTF-8 text (not UTF-16)",
						 manifest, lineno);
			errors++;
			continue;
		}
		line[linelen] = '\0';

		/* Comments, blank lines and a header line name no file. */
		if (line[0] == '#' || is_blank(line, linelen))
			continue;
		nfields = scan_fields(line, fields);
		if (first)
		{
			first = false;
			if (pg_strcasecmp(fields[0], "path") == 0)
				continue;
		}

		if (scan_check_fields(manifest, lineno, fields, nfields))
			add_manifest_job(jobs, dir, fields, nfields, lineno);
		else
			errors++;
	}

	if (errors == 0 && jobs->count == 0)
	{
		pg_log_error("manifest \"%s\" names no files", manifest);
		errors++;
	}

	free(dir);
	free(data);
	return errors;
}



/*
 * The connection
 */

/*
 * Write a message to stderr from the signal handler, where stdio is not
 * safe.  There is nothing to do if it fails.
 */
static void
write_stderr(const char *msg)
{
	if (write(STDERR_FILENO, msg, strlen(msg)) < 0)
		return;
}

/*
 * Our part of SIGINT, which fe_utils/cancel.c's handler calls before it
 * cancels the running statement: a second ^C ends us at once; the first
 * clears the progress line for the handler's message.
 */
static void
on_sigint(void)
{
	if (sigint_seen)
	{
		write_stderr("\ninterrupted again, exiting\n");
		_exit(EXIT_INCOMPLETE);
	}
	sigint_seen = true;
	cancel_extra_connections();
	if (show_progress)
		write_stderr("\r\033[K");
}

/*
 * Is kansa.import_sheet in the database?  Reports it when not and returns
 * false.
 */
static bool
check_import_sheet(PGconn *conn)
{
	PGresult   *res;
	bool		found = false;

	res = PQexec(conn,
				 "SELECT pg_catalog.to_regprocedure("
				 "'kansa.import_sheet(text, text, text, text, bytea, text, jsonb)')"
				 " IS NOT NULL");
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
	{
		char	   *msg = kansa_trimmed_message(PQerrorMessage(conn));

		pg_log_error("could not look for kansa.import_sheet: %s", msg);
		free(msg);
	}
	else if (PQntuples(res) != 1 || strcmp(PQgetvalue(res, 0, 0), "t") != 0)
	{
		pg_log_error("database \"%s\" has no function kansa.import_sheet(text, text, text, text, bytea, text, jsonb)",
					 PQdb(conn));
		fprintf(stderr, "Is the kansa extension installed there (CREATE EXTENSION kansa)?\n");
	}
	else
		found = true;
	PQclear(res);
	return found;
}

/*
 * Is each manifest line's options field a JSON object?  That is the
 * manifest's syntax, so it is checked for every line before anything is
 * imported, by the server's JSON parser.  Reports every problem and returns
 * how many there were.
 */
static int
check_line_options(PGconn *conn, const JobList *jobs, const char *manifest)
{
	int			errors = 0;
	int			i;

	for (i = 0; i < jobs->count; i++)
	{
		const ImportJob *job = &jobs->items[i];
		const char *values[1];
		PGresult   *res;

		if (job->line_options == NULL)
			continue;
		values[0] = job->line_options;
		res = PQexecParams(conn,
						   "SELECT pg_catalog.jsonb_typeof($1::pg_catalog.jsonb)",
						   1, NULL, values, NULL, NULL, 0);
		if (PQresultStatus(res) != PGRES_TUPLES_OK)
		{
			const char *primary = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
			const char *detail = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL);
			char	   *msg = kansa_trimmed_message(primary != NULL ? primary :
											  PQerrorMessage(conn));

			pg_log_error("%s:%d: options: %s%s%s%s", manifest, job->manifest_line,
						 msg, detail != NULL ? " (" : "", detail != NULL ? detail : "",
						 detail != NULL ? ")" : "");
			free(msg);
			errors++;
		}
		else if (PQntuples(res) != 1 ||
				 strcmp(PQgetvalue(res, 0, 0), "object") != 0)
		{
			pg_log_error("%s:%d: options must be a JSON object such as {\"sheet\": \"Answers\"}, not a JSON %s",
						 manifest, job->manifest_line,
						 PQntuples(res) == 1 ? PQgetvalue(res, 0, 0) : "value");
			errors++;
		}
		PQclear(res);
	}
	return errors;
}

/*
 * Ask the server for the largest file it takes, kansa.import_max_file_size,
 * so that a larger file is refused before it is sent.  Where the setting
 * cannot be read (kansa's functions not executable by this role, a library
 * without the setting), warn and fall back to the largest bytea: the server
 * still refuses a file over its own limit.
 */
static void
read_file_limit(PGconn *conn, FileLimit *limit)
{
	PGresult   *res;

	res = PQexec(conn, load_library_sql);
	if (PQresultStatus(res) == PGRES_TUPLES_OK)
	{
		PQclear(res);
		res = PQexec(conn, file_limit_sql);
	}
	if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1 ||
		PQgetisnull(res, 0, 0) || PQgetisnull(res, 0, 1))
	{
		char	   *msg = kansa_trimmed_message(PQerrorMessage(conn));

		pg_log_warning("could not read the setting %s%s%s; files up to 1 GB are sent and the server applies its limit",
					   FILE_LIMIT_SETTING, *msg ? ": " : " (not defined)",
					   msg);
		free(msg);
		limit->bytes = FILE_LIMIT_FALLBACK;
		limit->shown = pg_strdup("the largest bytea value (1 GB)");
	}
	else
	{
		limit->bytes = (size_t) strtoull(PQgetvalue(res, 0, 0), NULL, 10);
		limit->shown = psprintf("%s (%s)", FILE_LIMIT_SETTING,
								PQgetvalue(res, 0, 1));
	}
	PQclear(res);
}

/*
 * Connect, and see that the server can take the batch: the function is
 * there, the manifest's options are JSON objects, and the file limit is
 * known.  Exits with EXIT_USAGE when not.
 */
static PGconn *
open_session(const Settings *settings, const JobList *jobs, FileLimit *limit)
{
	/*
	 * kansa's databases are UTF8, and so are its manifests: talk UTF-8
	 * unless PGCLIENTENCODING says otherwise.  JSON is UTF-8 always.
	 */
	PGconn	   *conn = kansa_connect(&settings->conn, progname,
									   (json_output || getenv("PGCLIENTENCODING") == NULL) ?
									   "UTF8" : NULL);
	int			errors = 0;

	memset(limit, 0, sizeof(FileLimit));
	if (!check_import_sheet(conn))
		errors++;
	errors += check_line_options(conn, jobs, settings->manifest);
	if (errors == 0)
		read_file_limit(conn, limit);
	if (errors > 0)
	{
		PQfinish(conn);
		exit(EXIT_USAGE);
	}
	return conn;
}



/*
 * Reporting
 */

typedef enum Outcome
{
	OUTCOME_LOADED,
	OUTCOME_ALREADY_LOADED,
	OUTCOME_LOADED_WITH_REJECTS,
	OUTCOME_FAILED,
	OUTCOME_OTHER_STATUS,
	OUTCOME_NOT_ATTEMPTED
} Outcome;

static Outcome
record_outcome(const Record *rec)
{
	const char *status = rec->columns[COL_STATUS];

	if (rec->kind == RECORD_ERROR)
		return OUTCOME_FAILED;
	if (rec->kind == RECORD_NOT_ATTEMPTED)
		return OUTCOME_NOT_ATTEMPTED;
	if (status == NULL)
		return OUTCOME_OTHER_STATUS;
	/* a follow-up sheet's replies (kansa.import_reply_by) count as loaded */
	if (strcmp(status, "loaded") == 0 || strcmp(status, "reply_loaded") == 0)
		return OUTCOME_LOADED;
	if (strcmp(status, "already_loaded") == 0)
		return OUTCOME_ALREADY_LOADED;
	if (strcmp(status, "loaded_with_rejects") == 0)
		return OUTCOME_LOADED_WITH_REJECTS;
	return OUTCOME_OTHER_STATUS;
}

static long long
count_value(const char *s)
{
	return s != NULL ? strtoll(s, NULL, 10) : 0;
}

/* Print text, its lines after the first indented under the message column. */
static void
print_indented(const char *text)
{
	const char *p;

	for (p = text; *p; p++)
	{
		putchar(*p);
		if (*p == '\n' && p[1] != '\0')
		{
			/* libpq indents its continuation lines with a tab; we indent */
			while (p[1] == '\t' || p[1] == ' ')
				p++;
			printf("%*s", STATUS_WIDTH + 1, "");
		}
	}
}

/*
 * Did this run make an assessment that supersedes another?  (An
 * already_loaded file made nothing: its earlier changes are not this run's.)
 */
static bool
has_changes(const Record *rec)
{
	const char *status = rec->columns[COL_STATUS];

	return rec->kind == RECORD_RESULT &&
		rec->columns[COL_PREVIOUS_ASSESSMENT_ID] != NULL &&
		status != NULL && strcmp(status, "already_loaded") != 0 &&
		strcmp(status, "reply_loaded") != 0;
}

static void
print_record_text(const Record *rec, Outcome outcome)
{
	const char *const *c = rec->columns;

	if (quiet && (outcome == OUTCOME_LOADED ||
				  outcome == OUTCOME_ALREADY_LOADED))
		return;

	if (rec->kind == RECORD_RESULT && c[COL_STATUS] != NULL &&
		strcmp(c[COL_STATUS], "reply_loaded") == 0)
	{
		/* the replies of a returned follow-up sheet */
		printf("%-*s %s: %s findings listed, %s verdicts changed by the replies, %s without a new reply (assessment %s)\n",
			   STATUS_WIDTH, c[COL_STATUS], rec->job->path,
			   c[COL_ROWS_READ] ? c[COL_ROWS_READ] : "-",
			   c[COL_RESPONSES] ? c[COL_RESPONSES] : "-",
			   c[COL_SKIPPED] ? c[COL_SKIPPED] : "-",
			   c[COL_ASSESSMENT_ID] ? c[COL_ASSESSMENT_ID] : "-");
		return;
	}
	if (rec->kind == RECORD_RESULT)
	{
		printf("%-*s %s: %s rows, %s responses, %s rejected, %s skipped, %s unknown controls, %s conflicts (batch %s, assessment %s)\n",
			   STATUS_WIDTH, c[COL_STATUS] ? c[COL_STATUS] : "-",
			   rec->job->path,
			   c[COL_ROWS_READ] ? c[COL_ROWS_READ] : "-",
			   c[COL_RESPONSES] ? c[COL_RESPONSES] : "-",
			   c[COL_REJECTED] ? c[COL_REJECTED] : "-",
			   c[COL_SKIPPED] ? c[COL_SKIPPED] : "-",
			   c[COL_UNKNOWN_CONTROLS] ? c[COL_UNKNOWN_CONTROLS] : "-",
			   c[COL_CONFLICTS] ? c[COL_CONFLICTS] : "-",
			   c[COL_BATCH_ID] ? c[COL_BATCH_ID] : "-",
			   c[COL_ASSESSMENT_ID] ? c[COL_ASSESSMENT_ID] : "-");
		if (has_changes(rec))
			printf("%*ssupersedes assessment %s: %s new gaps, %s closed, %s reviews carried, %s changed\n",
				   STATUS_WIDTH + 1, "", c[COL_PREVIOUS_ASSESSMENT_ID],
				   c[COL_NEW_GAPS] ? c[COL_NEW_GAPS] : "-",
				   c[COL_CLOSED_GAPS] ? c[COL_CLOSED_GAPS] : "-",
				   c[COL_REVIEWS_CARRIED] ? c[COL_REVIEWS_CARRIED] : "-",
				   c[COL_CHANGED] ? c[COL_CHANGED] : "-");
		return;
	}

	printf("%-*s %s: ", STATUS_WIDTH,
		   rec->kind == RECORD_ERROR ? "error" : "not_attempted",
		   rec->job->path);
	print_indented(rec->message);
	putchar('\n');
	if (rec->detail != NULL)
	{
		printf("%*sDETAIL:  ", STATUS_WIDTH + 1, "");
		print_indented(rec->detail);
		putchar('\n');
	}
	if (rec->hint != NULL)
	{
		printf("%*sHINT:  ", STATUS_WIDTH + 1, "");
		print_indented(rec->hint);
		putchar('\n');
	}
}

static void
print_record_json(const Record *rec)
{
	const ImportJob *job = rec->job;
	PQExpBufferData buf;
	static const char *const number_keys[] = {
		"rows_read", "responses", "rejected", "skipped", "unknown_controls",
		"conflicts"
	};
	static const char *const change_keys[] = {
		"new_gaps", "closed_gaps", "reviews_carried", "changed", "worse",
		"better", "text_changed", "added", "dropped", "unchanged"
	};
	int			i;

	initPQExpBuffer(&buf);
	appendPQExpBufferChar(&buf, '{');
	json_key(&buf, "type");
	json_string(&buf, "file");
	json_key(&buf, "file");
	json_string(&buf, job->path);
	json_key(&buf, "file_name");
	json_string(&buf, rec->file_name);
	json_key(&buf, "manifest_line");
	if (job->manifest_line > 0)
		appendPQExpBuffer(&buf, "%d", job->manifest_line);
	else
		appendPQExpBufferStr(&buf, "null");
	json_key(&buf, "organization");
	json_string(&buf, job->organization);
	json_key(&buf, "vendor");
	json_string(&buf, job->vendor);
	json_key(&buf, "service");
	json_string(&buf, job->service);
	json_key(&buf, "framework");
	json_string(&buf, job->framework);
	json_key(&buf, "bytes");
	if (rec->bytes >= 0)
		appendPQExpBuffer(&buf, "%lld", rec->bytes);
	else
		appendPQExpBufferStr(&buf, "null");
	json_key(&buf, "status");
	if (rec->kind == RECORD_RESULT)
		json_string(&buf, rec->columns[COL_STATUS]);
	else
		json_string(&buf, rec->kind == RECORD_ERROR ? "error" : "not_attempted");
	json_key(&buf, "batch_id");
	json_number(&buf, rec->columns[COL_BATCH_ID]);
	json_key(&buf, "assessment_id");
	json_number(&buf, rec->columns[COL_ASSESSMENT_ID]);
	json_key(&buf, "format");
	json_string(&buf, rec->columns[COL_FORMAT]);
	json_key(&buf, "sheet");
	json_string(&buf, rec->columns[COL_SHEET]);
	for (i = 0; i < (int) (sizeof(number_keys) / sizeof(number_keys[0])); i++)
	{
		json_key(&buf, number_keys[i]);
		json_number(&buf, rec->columns[COL_ROWS_READ + i]);
	}
	json_key(&buf, "changes");
	if (!has_changes(rec))
		appendPQExpBufferStr(&buf, "null");
	else
	{
		appendPQExpBufferChar(&buf, '{');
		json_key(&buf, "previous_assessment_id");
		json_number(&buf, rec->columns[COL_PREVIOUS_ASSESSMENT_ID]);
		for (i = 0; i < (int) (sizeof(change_keys) / sizeof(change_keys[0])); i++)
		{
			json_key(&buf, change_keys[i]);
			json_number(&buf, rec->columns[COL_NEW_GAPS + i]);
		}
		appendPQExpBufferChar(&buf, '}');
	}
	json_key(&buf, "error");
	if (rec->kind == RECORD_RESULT)
		appendPQExpBufferStr(&buf, "null");
	else
	{
		appendPQExpBufferChar(&buf, '{');
		json_key(&buf, "message");
		json_string(&buf, rec->message);
		json_key(&buf, "detail");
		json_string(&buf, rec->detail);
		json_key(&buf, "hint");
		json_string(&buf, rec->hint);
		json_key(&buf, "sqlstate");
		json_string(&buf, rec->sqlstate);
		appendPQExpBufferChar(&buf, '}');
	}
	appendPQExpBufferStr(&buf, "}\n");
	fputs(buffer_text(&buf), stdout);
	termPQExpBuffer(&buf);
}

/* Count a record in the totals and print it. */
static void
emit_record(const Record *rec, Totals *totals)
{
	Outcome		outcome = record_outcome(rec);

	totals->files++;
	switch (outcome)
	{
		case OUTCOME_LOADED:
			totals->loaded++;
			break;
		case OUTCOME_ALREADY_LOADED:
			totals->already_loaded++;
			break;
		case OUTCOME_LOADED_WITH_REJECTS:
			totals->loaded_with_rejects++;
			break;
		case OUTCOME_FAILED:
			totals->failed++;
			break;
		case OUTCOME_OTHER_STATUS:
			totals->other_status++;
			break;
		case OUTCOME_NOT_ATTEMPTED:
			totals->not_attempted++;
			break;
	}
	if (rec->kind == RECORD_RESULT)
	{
		totals->rows_read += count_value(rec->columns[COL_ROWS_READ]);
		totals->responses += count_value(rec->columns[COL_RESPONSES]);
		totals->rejected += count_value(rec->columns[COL_REJECTED]);
		totals->skipped += count_value(rec->columns[COL_SKIPPED]);
		totals->unknown_controls += count_value(rec->columns[COL_UNKNOWN_CONTROLS]);
	}

	progress_clear();
	if (json_output)
		print_record_json(rec);
	else
		print_record_text(rec, outcome);
	fflush(stdout);
}

static void
emit_error(const ImportJob *job, const char *file_name, long long bytes,
		   const char *message, const char *detail, const char *hint,
		   const char *sqlstate, Totals *totals)
{
	Record		rec;

	memset(&rec, 0, sizeof(rec));
	rec.kind = RECORD_ERROR;
	rec.job = job;
	rec.file_name = file_name;
	rec.bytes = bytes;
	rec.message = message;
	rec.detail = detail;
	rec.hint = hint;
	rec.sqlstate = sqlstate;
	emit_record(&rec, totals);
}

static void
emit_not_attempted(const ImportJob *job, const char *reason, Totals *totals)
{
	Record		rec;
	char	   *file_name = base_name(job->path);

	memset(&rec, 0, sizeof(rec));
	rec.kind = RECORD_NOT_ATTEMPTED;
	rec.job = job;
	rec.file_name = file_name;
	rec.bytes = -1;
	rec.message = reason;
	emit_record(&rec, totals);
	free(file_name);
}

static int
exit_status(const Totals *totals)
{
	if (totals->files == totals->loaded + totals->already_loaded &&
		!CancelRequested)
		return EXIT_ALL_LOADED;
	return EXIT_INCOMPLETE;
}

static void
print_summary(const Totals *totals)
{
	if (json_output)
	{
		printf("{\"type\":\"summary\",\"files\":%d,\"loaded\":%d,"
			   "\"already_loaded\":%d,\"loaded_with_rejects\":%d,"
			   "\"failed\":%d,\"other_status\":%d,\"not_attempted\":%d,"
			   "\"rows_read\":%lld,\"responses\":%lld,\"rejected\":%lld,"
			   "\"skipped\":%lld,\"unknown_controls\":%lld,"
			   "\"interrupted\":%s,\"exit_status\":%d}\n",
			   totals->files, totals->loaded, totals->already_loaded,
			   totals->loaded_with_rejects, totals->failed,
			   totals->other_status, totals->not_attempted,
			   totals->rows_read, totals->responses, totals->rejected,
			   totals->skipped, totals->unknown_controls,
			   CancelRequested ? "true" : "false", exit_status(totals));
		return;
	}
	if (quiet)
		return;

	printf("\n");
	printf("%-28s %12d\n", "files loaded", totals->loaded);
	printf("%-28s %12d\n", "files already loaded", totals->already_loaded);
	printf("%-28s %12d\n", "files loaded with rejects", totals->loaded_with_rejects);
	printf("%-28s %12d\n", "files failed", totals->failed);
	if (totals->other_status > 0)
		printf("%-28s %12d\n", "files with another status", totals->other_status);
	if (totals->not_attempted > 0)
		printf("%-28s %12d\n", "files not attempted", totals->not_attempted);
	printf("%-28s %12lld\n", "total rows", totals->rows_read);
	printf("%-28s %12lld\n", "responses", totals->responses);
	printf("%-28s %12lld\n", "rejected", totals->rejected);
	printf("%-28s %12lld\n", "skipped", totals->skipped);
	printf("%-28s %12lld\n", "unknown controls", totals->unknown_controls);
}


/*
 * Importing
 */

/* Report a failed statement, with the server's message when it sent one. */
static void
emit_statement_error(PGconn *conn, PGresult *res, const ImportJob *job,
					 const char *file_name, long long bytes, Totals *totals)
{
	const char *primary = NULL;
	char	   *message;

	if (res != NULL)
		primary = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
	if (primary != NULL)
		message = kansa_trimmed_message(primary);
	else if (res != NULL && PQresultErrorMessage(res)[0] != '\0')
		message = kansa_trimmed_message(PQresultErrorMessage(res));
	else
		message = kansa_trimmed_message(PQerrorMessage(conn));

	emit_error(job, file_name, bytes, message,
			   res ? PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL) : NULL,
			   res ? PQresultErrorField(res, PG_DIAG_MESSAGE_HINT) : NULL,
			   res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL,
			   totals);
	free(message);
}

/* Report the rows import_sheet returned: one, or an error when not. */
static void
emit_result(PGresult *res, const ImportJob *job, const char *file_name,
			long long bytes, Totals *totals)
{
	int			row;

	if (PQnfields(res) != IMPORT_NCOLUMNS || PQntuples(res) == 0)
	{
		char	   *msg = psprintf("kansa.import_sheet returned %d row%s of %d column%s; expected one row of %d",
								   PQntuples(res), PQntuples(res) == 1 ? "" : "s",
								   PQnfields(res), PQnfields(res) == 1 ? "" : "s",
								   IMPORT_NCOLUMNS);

		emit_error(job, file_name, bytes, msg, NULL, NULL, NULL, totals);
		free(msg);
		return;
	}

	/* One row per import; should a file ever give several, report each. */
	for (row = 0; row < PQntuples(res); row++)
	{
		Record		rec;
		int			col;

		memset(&rec, 0, sizeof(rec));
		rec.kind = RECORD_RESULT;
		rec.job = job;
		rec.file_name = file_name;
		rec.bytes = bytes;
		for (col = 0; col < IMPORT_NCOLUMNS; col++)
			rec.columns[col] = PQgetisnull(res, row, col) ? NULL :
				PQgetvalue(res, row, col);
		emit_record(&rec, totals);
	}
}

/*
 * One connection of the batch and the file it is importing, if any.  With
 * --jobs N there are N of them; each takes the next file of the batch when
 * its last one is done.
 */
typedef struct Slot
{
	PGconn	   *conn;
	const ImportJob *job;		/* the file being imported, or NULL */
	char	   *file_name;		/* its base name, sent to the server */
	long long	bytes;			/* its size */
	PGresult   *result;			/* the statement's result, once it came */
	bool		lost;			/* the connection is gone for good */
} Slot;

/*
 * Another connection like the first: the same parameters, password
 * included, so that nobody is asked for it again.  Exits with EXIT_USAGE
 * when it cannot be made.
 */
static PGconn *
connect_like(PGconn *first)
{
	PQconninfoOption *info = PQconninfo(first);
	PQconninfoOption *opt;
	const char **keywords;
	const char **values;
	int			n = 0;
	PGconn	   *conn;

	if (info == NULL)
	{
		pg_log_error("could not connect to the database: out of memory");
		exit(EXIT_USAGE);
	}
	for (opt = info; opt->keyword != NULL; opt++)
		n++;
	keywords = pg_malloc0((n + 1) * sizeof(char *));
	values = pg_malloc0((n + 1) * sizeof(char *));
	n = 0;
	for (opt = info; opt->keyword != NULL; opt++)
	{
		if (opt->val == NULL)
			continue;
		keywords[n] = opt->keyword;
		values[n++] = opt->val;
	}
	conn = PQconnectdbParams(keywords, values, 0);
	free(keywords);
	free(values);
	PQconninfoFree(info);

	if (conn == NULL || PQstatus(conn) != CONNECTION_OK)
	{
		char	   *msg = kansa_trimmed_message(conn ? PQerrorMessage(conn) :
										  "out of memory");

		pg_log_error("could not open another connection for --jobs: %s", msg);
		free(msg);
		PQfinish(conn);
		exit(EXIT_USAGE);
	}
	return conn;
}

/*
 * Start importing a file on a slot's connection: read it and send the
 * statement without waiting for its result.  Returns false when the file
 * was reported already (it could not be read, or could not be sent).
 */
static bool
start_import(Slot *slot, const ImportJob *job, const char *cmd_options,
			 const FileLimit *limit, Totals *totals)
{
	char	   *content;
	size_t		size;
	char	   *errmsg;
	char	   *file_name = base_name(job->path);
	const char *values[IMPORT_NPARAMS];
	int			lengths[IMPORT_NPARAMS];
	int			formats[IMPORT_NPARAMS];
	int			sent;

	content = read_file_contents(job->path, false, limit->bytes, limit->shown,
								 &size, &errmsg);
	if (content == NULL)
	{
		emit_error(job, file_name, -1, errmsg, NULL, NULL, NULL, totals);
		free(errmsg);
		free(file_name);
		return false;
	}

	memset(lengths, 0, sizeof(lengths));
	memset(formats, 0, sizeof(formats));
	values[0] = job->organization;
	values[1] = job->vendor;
	values[2] = job->service;
	values[3] = job->framework;
	values[4] = content;
	lengths[4] = (int) size;
	formats[4] = 1;				/* binary: the bytes as they are */
	values[5] = file_name;
	values[6] = cmd_options;
	values[7] = job->line_options != NULL ? job->line_options : "{}";

	sent = PQsendQueryParams(slot->conn, import_sql, IMPORT_NPARAMS,
							 import_param_types, values, lengths, formats, 0);
	free(content);
	if (!sent)
	{
		emit_statement_error(slot->conn, NULL, job, file_name,
							 (long long) size, totals);
		free(file_name);
		return false;
	}
	slot->job = job;
	slot->file_name = file_name;
	slot->bytes = (long long) size;
	slot->result = NULL;
	return true;
}

/*
 * Take what the server sent on a busy slot.  Returns true when the
 * statement is over, its result (the last error, if any, as PQexec keeps)
 * in slot->result.
 */
static bool
collect_result(Slot *slot)
{
	bool		broken = !PQconsumeInput(slot->conn);

	/* On a broken connection PQgetResult reports the loss, not waiting. */
	while (broken || !PQisBusy(slot->conn))
	{
		PGresult   *res = PQgetResult(slot->conn);

		if (res == NULL)
			return true;
		if (slot->result == NULL)
			slot->result = res;
		else if (PQresultStatus(res) != PGRES_TUPLES_OK)
		{
			PQclear(slot->result);
			slot->result = res;
		}
		else
			PQclear(res);
	}
	return false;
}

/* Report the file a slot imported, and make it idle. */
static void
finish_import(Slot *slot, Totals *totals)
{
	PGresult   *res = slot->result;

	if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK)
		emit_statement_error(slot->conn, res, slot->job, slot->file_name,
							 slot->bytes, totals);
	else
		emit_result(res, slot->job, slot->file_name, slot->bytes, totals);
	PQclear(res);
	free(slot->file_name);
	slot->file_name = NULL;
	slot->result = NULL;
	slot->job = NULL;
}

/*
 * After the server closed the connection (a backend that crashed on one
 * file, a restart), try a few times to get it back, so that the remaining
 * files still get their chance.
 */
static bool
reconnect(PGconn *conn, int slotno)
{
	int			attempt;
	char	   *msg;

	for (attempt = 1; attempt <= RECONNECT_ATTEMPTS && !CancelRequested; attempt++)
	{
		pg_log_warning("the connection to the server was lost; reconnecting (attempt %d of %d)",
					   attempt, RECONNECT_ATTEMPTS);
		sleep(attempt);
		if (CancelRequested)
			break;
		PQreset(conn);
		if (PQstatus(conn) == CONNECTION_OK)
		{
			set_slot_cancel(slotno, conn);
			return true;
		}
	}
	msg = kansa_trimmed_message(PQerrorMessage(conn));
	pg_log_error("could not reconnect: %s", msg);
	free(msg);
	return false;
}

/*
 * During the batch: analyse the tables that have grown stale, on an idle
 * connection, after the batch's 1st, 2nd, 4th, 8th ... file.  The imports
 * are asked not to analyse (see main), and autovacuum comes by once a
 * minute at best; but every connection keeps its plans for the session
 * (summary_refresh()'s generic plan among them), and a plan made while the
 * statistics describe a table of one or two sheets reads all of it where
 * an index would read one sheet's rows: a cost that grew with every sheet
 * of a batch into a young database (bench/RESULTS.md, "import").  An
 * ANALYZE invalidates those plans in every session.  What matters to a
 * plan is the order of magnitude of a table, not its last tenth: during
 * the batch only the tables that have doubled since their last ANALYZE
 * are analysed (scale_factor 1), which with the doubling interval keeps
 * the statistics within a factor of four of the tables, for a total cost
 * about that of the last ANALYZE; a batch into a database that already
 * holds more than the batch analyses nothing here.  A failure is a
 * warning: the imports go on.
 */
static void
analyze_during_batch(PGconn *conn)
{
	PGresult   *res = PQexec(conn, "SELECT kansa.analyze_stale_tables(1)");

	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		pg_log_warning("could not analyse the tables during the batch: %s",
					   PQerrorMessage(conn));
	PQclear(res);
}

/*
 * Import every file, on as many connections as there are slots: a work
 * queue, each idle connection taking the next file, the results reported
 * as they come.  Decides what happens after a file: ^C marks the rest not
 * attempted; a lost connection is sought again, and when it cannot be had
 * it takes no more files (when no connection is left, the rest are not
 * attempted either).
 */
static void
run_batch(Slot *slots, int nslots, const JobList *jobs,
		  const char *cmd_options, const FileLimit *limit, Totals *totals,
		  bool analyze)
{
	struct pollfd pfds[MAX_JOBS];
	int			next = 0;		/* the next file to start */
	int			done = 0;		/* files reported */
	int			analyze_at = 1; /* analyse once this many are reported */
	int			i;

	/* From here on, ^C cancels the running imports and stops the batch. */
	for (i = 0; i < nslots; i++)
		set_slot_cancel(i, slots[i].conn);
	extra_count = nslots;
	setup_cancel_handler(on_sigint);

	for (;;)
	{
		int			busy = 0;
		int			live = 0;

		/* Give each idle connection the next file. */
		for (i = 0; i < nslots; i++)
		{
			Slot	   *slot = &slots[i];

			if (slot->lost)
				continue;
			live++;
			if (analyze && slot->job == NULL && done >= analyze_at &&
				next < jobs->count && !CancelRequested &&
				totals->loaded + totals->loaded_with_rejects > 0)
			{
				analyze_during_batch(slot->conn);
				while (analyze_at <= done)
					analyze_at *= 2;
			}
			while (slot->job == NULL && next < jobs->count && !CancelRequested)
			{
				const ImportJob *job = &jobs->items[next++];

				progress_draw(done, jobs->count, totals->rows_read, job->path);
				if (!start_import(slot, job, cmd_options, limit, totals))
					done++;
			}
			if (slot->job != NULL)
				busy++;
		}
		if (busy == 0 && (live == 0 || next >= jobs->count || CancelRequested))
			break;
		if (busy == 0)
			continue;

		/*
		 * Wait for a result; ^C interrupts the wait, not the imports.  A
		 * result reported cleared the progress line: show a file running.
		 */
		for (i = 0; i < nslots; i++)
		{
			if (!progress_visible && slots[i].job != NULL)
				progress_draw(done, jobs->count, totals->rows_read,
							  slots[i].job->path);
			pfds[i].fd = slots[i].job != NULL ? PQsocket(slots[i].conn) : -1;
			pfds[i].events = POLLIN;
			pfds[i].revents = 0;
		}
		if (poll(pfds, nslots, -1) < 0)
		{
			if (errno == EINTR)
				continue;
			pg_log_error("could not wait for the server: %m");
			exit(EXIT_INCOMPLETE);
		}

		for (i = 0; i < nslots; i++)
		{
			Slot	   *slot = &slots[i];

			if (slot->job == NULL || pfds[i].revents == 0 ||
				!collect_result(slot))
				continue;
			finish_import(slot, totals);
			done++;
			if (PQstatus(slot->conn) == CONNECTION_BAD && !CancelRequested &&
				next < jobs->count)
				slot->lost = !reconnect(slot->conn, i);
			else if (PQstatus(slot->conn) == CONNECTION_BAD)
				slot->lost = true;
		}
	}

	for (; next < jobs->count; next++)
	{
		const ImportJob *job = &jobs->items[next];

		if (CancelRequested)
			emit_not_attempted(job, "interrupted before this file", totals);
		else
			emit_not_attempted(job, "the connection to the server was lost",
							   totals);
	}
	progress_clear();

	/* Put SIGINT back before the cancel handles go. */
	pqsignal(SIGINT, SIG_DFL);
	ResetCancelConn();
	free_extra_cancels();
}



/*
 * Main
 */

enum
{
	OPT_ORG = 256,
	OPT_VENDOR,
	OPT_SERVICE,
	OPT_FRAMEWORK,
	OPT_MODE,
	OPT_BLANK,
	OPT_OPTION,
	OPT_MANIFEST,
	OPT_JSON,
	OPT_NO_PROGRESS,
	OPT_NO_CREATE,
	OPT_RELOAD,
	OPT_SCOPE,
	OPT_HELP
};

static const struct option long_options[] = {
	{"dbname", required_argument, NULL, 'd'},
	{"host", required_argument, NULL, 'h'},
	{"port", required_argument, NULL, 'p'},
	{"username", required_argument, NULL, 'U'},
	{"no-password", no_argument, NULL, 'w'},
	{"password", no_argument, NULL, 'W'},
	{"org", required_argument, NULL, OPT_ORG},
	{"vendor", required_argument, NULL, OPT_VENDOR},
	{"service", required_argument, NULL, OPT_SERVICE},
	{"framework", required_argument, NULL, OPT_FRAMEWORK},
	{"mode", required_argument, NULL, OPT_MODE},
	{"blank", required_argument, NULL, OPT_BLANK},
	{"option", required_argument, NULL, OPT_OPTION},
	{"manifest", required_argument, NULL, OPT_MANIFEST},
	{"json", no_argument, NULL, OPT_JSON},
	{"quiet", no_argument, NULL, 'q'},
	{"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
	{"no-create", no_argument, NULL, OPT_NO_CREATE},
	{"reload", no_argument, NULL, OPT_RELOAD},
	{"scope", required_argument, NULL, OPT_SCOPE},
	{"jobs", required_argument, NULL, 'j'},
	{"help", no_argument, NULL, OPT_HELP},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0}
};

/*
 * Take an option that becomes an import option (--mode, --blank, --scope,
 * --no-create, --reload, --option); returns false for any other.  Their
 * values are the server's to judge; only --option's KEY=VALUE shape is ours.
 */
static bool
parse_import_option(int c, const char *arg, OptionList *options)
{
	const char *eq;

	switch (c)
	{
		case OPT_MODE:
			options_set(options, "mode", 4, arg, false);
			return true;
		case OPT_BLANK:
			options_set(options, "blank", 5, arg, false);
			return true;
		case OPT_SCOPE:
			options_set(options, "scope", 5, arg, false);
			return true;
		case OPT_NO_CREATE:
			options_set(options, "create", 6, "false", true);
			return true;
		case OPT_RELOAD:
			options_set(options, "reload", 6, "true", true);
			return true;
		case OPT_OPTION:
			eq = strchr(arg, '=');
			if (eq == NULL || eq == arg)
				usage_error("invalid --option \"%s\": use KEY=VALUE", arg);
			options_set(options, arg, eq - arg, eq + 1, true);
			return true;
		default:
			return false;
	}
}

/* The value of --jobs: an integer from 1 to MAX_JOBS, or a usage error. */
static int
parse_jobs(const char *arg)
{
	char	   *end;
	long		n;

	errno = 0;
	n = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || n < 1 || n > MAX_JOBS)
		usage_error("invalid --jobs \"%s\": must be an integer from 1 to %d",
					arg, MAX_JOBS);
	return (int) n;
}

/*
 * Read the command line into settings and the output flags.  Decides help,
 * version and usage errors, which end the program here.
 */
static void
parse_options(int argc, char **argv, Settings *settings)
{
	int			c;

	memset(settings, 0, sizeof(Settings));
	settings->conn.prompt = KANSA_PROMPT_IF_NEEDED;
	settings->jobs = 1;

	/* -? as the only argument means help, as in PostgreSQL's clients. */
	if (argc > 1 && strcmp(argv[1], "-?") == 0)
	{
		usage();
		exit(0);
	}

	while ((c = getopt_long(argc, argv, "d:h:p:U:wWqVj:", long_options, NULL)) != -1)
	{
		if (parse_import_option(c, optarg, &settings->options))
			continue;
		switch (c)
		{
			case 'd':
				settings->conn.dbname = optarg;
				break;
			case 'h':
				settings->conn.host = optarg;
				break;
			case 'p':
				settings->conn.port = optarg;
				break;
			case 'U':
				settings->conn.username = optarg;
				break;
			case 'w':
				settings->conn.prompt = KANSA_PROMPT_NEVER;
				break;
			case 'W':
				settings->conn.prompt = KANSA_PROMPT_ALWAYS;
				break;
			case OPT_ORG:
				settings->org = optarg;
				break;
			case OPT_VENDOR:
				settings->vendor = optarg;
				break;
			case OPT_SERVICE:
				settings->service = optarg;
				break;
			case OPT_FRAMEWORK:
				settings->framework = optarg;
				break;
			case OPT_MANIFEST:
				settings->manifest = optarg;
				break;
			case OPT_JSON:
				json_output = true;
				break;
			case 'q':
				quiet = true;
				break;
			case OPT_NO_PROGRESS:
				settings->no_progress = true;
				break;
			case 'j':
				settings->jobs = parse_jobs(optarg);
				break;
			case OPT_HELP:
				usage();
				exit(0);
			case 'V':
				printf("kansa-import (kansa) %s\n", KANSA_VERSION);
				exit(0);
			default:
				/* getopt_long has said what was wrong */
				fprintf(stderr, "Try \"%s --help\" for more information.\n",
						progname);
				exit(EXIT_USAGE);
		}
	}
	settings->files = argv + optind;
	settings->nfiles = argc - optind;

	show_progress = isatty(STDERR_FILENO) && !json_output && !quiet &&
		!settings->no_progress;
}

/*
 * The files to import and what to import each as: a manifest's lines, or
 * the files named with --org, --vendor, --service and --framework.  Decides
 * that one or the other is given whole; exits with EXIT_USAGE when not, or
 * when the manifest is malformed.
 */
static void
collect_jobs(const Settings *settings, JobList *jobs)
{
	int			i;

	memset(jobs, 0, sizeof(JobList));
	if (settings->manifest != NULL)
	{
		if (settings->nfiles > 0)
			usage_error("--manifest cannot be combined with files on the command line");
		if (settings->org != NULL || settings->vendor != NULL ||
			settings->service != NULL || settings->framework != NULL)
			usage_error("--org, --vendor, --service and --framework cannot be combined with --manifest, whose lines give them");
		if (read_manifest(settings->manifest, jobs) > 0)
			exit(EXIT_USAGE);
		return;
	}

	if (settings->nfiles == 0)
		usage_error("no files to import: name files or give --manifest");
	if (settings->org == NULL || settings->org[0] == '\0')
		usage_error("--org is required");
	if (settings->vendor == NULL || settings->vendor[0] == '\0')
		usage_error("--vendor is required");
	if (settings->service == NULL || settings->service[0] == '\0')
		usage_error("--service is required");
	if (settings->framework == NULL || settings->framework[0] == '\0')
		usage_error("--framework is required");
	for (i = 0; i < settings->nfiles; i++)
	{
		ImportJob  *job = jobs_add(jobs);

		job->path = pg_strdup(settings->files[i]);
		job->organization = pg_strdup(settings->org);
		job->vendor = pg_strdup(settings->vendor);
		job->service = pg_strdup(settings->service);
		job->framework = pg_strdup(settings->framework);
	}
}

/*
 * After the batch: analyse the tables the imports have left stale (the
 * imports were asked not to, see main), so that dashboards read right after
 * the batch are not planned on statistics of another order of magnitude:
 * the tables never analysed or doubled since, as during the batch.  The
 * last tenth is autovacuum's to catch, as for any table, a minute or so
 * later: an ANALYZE of kansa.response samples 30,000 rows, some 0.2 to 0.5
 * s, which after every batch of a hundred sheets would be 5% of it.  Only
 * when something was loaded; a failure here is a warning, since every
 * sheet is already in.
 */
static void
analyze_after_batch(PGconn *conn, const Totals *totals)
{
	PGresult   *res;

	if (totals->loaded + totals->loaded_with_rejects == 0 || CancelRequested)
		return;
	if (PQstatus(conn) != CONNECTION_OK)
		return;
	res = PQexec(conn, "SELECT kansa.analyze_stale_tables(1)");
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		pg_log_warning("could not analyse the tables after the batch: %s",
					   PQerrorMessage(conn));
	PQclear(res);
}

/*
 * Print the summary and say whether the batch was interrupted; returns the
 * exit status, which a failed write to stdout makes EXIT_INCOMPLETE.
 */
static int
finish_report(const Totals *totals)
{
	int			status = exit_status(totals);

	print_summary(totals);
	if (CancelRequested)
		pg_log_error("interrupted; %d file%s not attempted",
					 totals->not_attempted,
					 totals->not_attempted == 1 ? "" : "s");
	if (fflush(stdout) != 0 || ferror(stdout))
	{
		pg_log_error("could not write to standard output: %m");
		status = EXIT_INCOMPLETE;
	}
	return status;
}

/* A batch: the options, the files, the server, the imports, the report. */
int
main(int argc, char **argv)
{
	const char *argv0 = argc > 0 && argv[0] != NULL && argv[0][0] != '\0' ?
		argv[0] : "kansa-import";
	Settings	settings;
	JobList		jobs;
	Totals		totals;
	FileLimit	limit;
	char	   *cmd_options;
	Slot	   *slots;
	int			nslots;
	int			i;
	int			status;
	bool		batch_analyzes;

	pg_logging_init(argv0);
	pg_logging_set_pre_callback(progress_clear);
	progname = get_progname(argv0);

	parse_options(argc, argv, &settings);
	collect_jobs(&settings, &jobs);

	/*
	 * Each import_sheet() would end by analysing the tables an import has
	 * made stale; in a batch that is an ANALYZE of the growing tables every
	 * few sheets, most of it thrown away by the next.  The batch asks the
	 * imports not to, and analyses at doubling intervals during it
	 * (analyze_during_batch) and once at its end (below), unless the user
	 * set the option (--option analyze=true or false).
	 */
	for (i = 0; i < settings.options.count; i++)
		if (strcmp(settings.options.items[i].key, "analyze") == 0)
			break;
	batch_analyzes = (i == settings.options.count);
	if (batch_analyzes)
		options_set(&settings.options, "analyze", 7, "false", true);
	cmd_options = options_json(&settings.options);
	options_free(&settings.options);

	/* No more connections than files; the others are like the first. */
	nslots = Min(settings.jobs, jobs.count);
	slots = pg_malloc0(nslots * sizeof(Slot));
	slots[0].conn = open_session(&settings, &jobs, &limit);
	for (i = 1; i < nslots; i++)
		slots[i].conn = connect_like(slots[0].conn);

	/*
	 * --quiet reports only the files that did not fully load: the server's
	 * notices (a vendor or service created, and the names near it) are left
	 * unsent, and then unmade.
	 */
	for (i = 0; quiet && i < nslots; i++)
	{
		PGresult   *res = PQexec(slots[i].conn, "SET client_min_messages = warning");

		if (PQresultStatus(res) != PGRES_COMMAND_OK)
			pg_log_warning("could not turn notices off: %s", PQerrorMessage(slots[i].conn));
		PQclear(res);
	}

	memset(&totals, 0, sizeof(totals));
	run_batch(slots, nslots, &jobs, cmd_options, &limit, &totals, batch_analyzes);
	analyze_after_batch(slots[0].conn, &totals);
	for (i = 0; i < nslots; i++)
		PQfinish(slots[i].conn);
	free(slots);

	status = finish_report(&totals);
	jobs_free(&jobs);
	free(cmd_options);
	free(limit.shown);
	return status;
}
