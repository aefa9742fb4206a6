/*-------------------------------------------------------------------------
 *
 * kansa-import.c
 *	  The batch client: sends vendors' answer sheets to kansa.import_sheet(),
 *	  each file in its own transaction, and reports what became of each.
 *
 * The files are read whole and sent as a binary bytea parameter, so the
 * server sees exactly the bytes on disk.  Usage is in --help and in
 * cli/README.md.
 *
 * cli/kansa-import.c
 *
 *-------------------------------------------------------------------------
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "libpq-fe.h"

#define KANSA_IMPORT_VERSION "0.1.0"

/* Exit statuses. */
#define EXIT_ALL_LOADED		0	/* every file loaded or already loaded */
#define EXIT_INCOMPLETE		1	/* a file failed, had rejects, or we were
								 * interrupted */
#define EXIT_USAGE			2	/* bad arguments, bad manifest, no connection */

/*
 * The largest file we send.  The server must hold the file as one bytea
 * value, and a value with its 4-byte header must fit in its 1 GB allocation
 * limit (2^30 - 1 bytes).
 */
#define MAX_FILE_SIZE		((size_t) 0x3fffffff - 4)

/* OIDs of the built-in types of our parameters; they never change. */
#define BYTEA_OID			17
#define TEXT_OID			25
#define JSONB_OID			3802

/* Width of the bar in the progress line, and of the status column. */
#define BAR_WIDTH			30
#define STATUS_WIDTH		19

/* Reconnection attempts after the server closed the connection. */
#define RECONNECT_ATTEMPTS	5

/* The statement that imports one file; one row comes back per import. */
static const char *const import_sql =
"SELECT batch_id, assessment_id, status, format, sheet, rows_read,\n"
"       responses, rejected, skipped, unknown_controls, conflicts\n"
"  FROM kansa.import_sheet($1, $2, $3, $4, $5, $6, $7 OPERATOR(pg_catalog.||) $8)";

#define IMPORT_NPARAMS		8
#define IMPORT_NCOLUMNS		11

static const unsigned int import_param_types[IMPORT_NPARAMS] = {
	TEXT_OID,					/* organization */
	TEXT_OID,					/* vendor */
	TEXT_OID,					/* service */
	TEXT_OID,					/* framework */
	BYTEA_OID,					/* content */
	TEXT_OID,					/* file_name */
	JSONB_OID,					/* options from the command line */
	JSONB_OID					/* options from the manifest line; they win */
};

/* A growable NUL-terminated string. */
typedef struct StrBuf
{
	char	   *data;
	size_t		len;
	size_t		cap;
} StrBuf;

/* One import option, as --mode, --blank or --option gave it. */
typedef struct ImportOption
{
	char	   *key;
	char	   *value;
	bool		infer_type;		/* integers and booleans become JSON ones */
} ImportOption;

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
	COL_CONFLICTS
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

typedef enum PasswordPrompt
{
	PROMPT_IF_NEEDED,
	PROMPT_ALWAYS,
	PROMPT_NEVER
} PasswordPrompt;

typedef struct ConnOptions
{
	const char *dbname;
	const char *host;
	const char *port;
	const char *username;
	PasswordPrompt prompt;
} ConnOptions;

static const char *progname = "kansa-import";

/* Output settings, fixed once the arguments are read. */
static bool json_output = false;
static bool quiet = false;
static bool show_progress = false;

/* Whether the progress line is on the screen now. */
static bool progress_visible = false;

/* Set by the SIGINT handler; the handler cancels through cancel_handle. */
static volatile sig_atomic_t interrupted = 0;
static PGcancel *volatile cancel_handle = NULL;

static void sb_vprintf(StrBuf *buf, const char *fmt, va_list args)
			__attribute__((format(printf, 2, 0)));
static void sb_printf(StrBuf *buf, const char *fmt,...)
			__attribute__((format(printf, 2, 3)));
static char *psprintf(const char *fmt,...)
			__attribute__((format(printf, 1, 2)));
static void log_message(const char *level, const char *fmt, va_list args)
			__attribute__((format(printf, 2, 0)));
static void log_error(const char *fmt,...)
			__attribute__((format(printf, 1, 2)));
static void log_warning(const char *fmt,...)
			__attribute__((format(printf, 1, 2)));
static void usage_error(const char *fmt,...)
			__attribute__((format(printf, 1, 2), noreturn));


/*
 * Memory
 */

static void
out_of_memory(void)
{
	fprintf(stderr, "%s: error: out of memory\n", progname);
	exit(EXIT_INCOMPLETE);
}

static void *
xmalloc(size_t size)
{
	void	   *p = malloc(size > 0 ? size : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

static void *
xrealloc(void *old, size_t size)
{
	void	   *p = realloc(old, size > 0 ? size : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

static char *
xstrndup(const char *s, size_t len)
{
	char	   *p = xmalloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

static char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}


/*
 * Strings
 */

static void
sb_init(StrBuf *buf)
{
	buf->cap = 256;
	buf->len = 0;
	buf->data = xmalloc(buf->cap);
	buf->data[0] = '\0';
}

/* Make room for more bytes and the terminating NUL. */
static void
sb_reserve(StrBuf *buf, size_t more)
{
	size_t		newcap = buf->cap;

	if (buf->len + more + 1 <= buf->cap)
		return;
	while (buf->len + more + 1 > newcap)
		newcap *= 2;
	buf->data = xrealloc(buf->data, newcap);
	buf->cap = newcap;
}

static void
sb_append(StrBuf *buf, const char *s, size_t len)
{
	sb_reserve(buf, len);
	memcpy(buf->data + buf->len, s, len);
	buf->len += len;
	buf->data[buf->len] = '\0';
}

static void
sb_puts(StrBuf *buf, const char *s)
{
	sb_append(buf, s, strlen(s));
}

static void
sb_putc(StrBuf *buf, char c)
{
	sb_append(buf, &c, 1);
}

static void
sb_vprintf(StrBuf *buf, const char *fmt, va_list args)
{
	for (;;)
	{
		size_t		avail = buf->cap - buf->len;
		va_list		copy;
		int			needed;

		va_copy(copy, args);
		needed = vsnprintf(buf->data + buf->len, avail, fmt, copy);
		va_end(copy);
		if (needed < 0)
			out_of_memory();
		if ((size_t) needed < avail)
		{
			buf->len += needed;
			return;
		}
		sb_reserve(buf, needed);
	}
}

static void
sb_printf(StrBuf *buf, const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	sb_vprintf(buf, fmt, args);
	va_end(args);
}

/* A freshly allocated formatted string. */
static char *
psprintf(const char *fmt,...)
{
	StrBuf		buf;
	va_list		args;

	sb_init(&buf);
	va_start(args, fmt);
	sb_vprintf(&buf, fmt, args);
	va_end(args);
	return buf.data;
}

/* A copy of a message without its trailing newlines and spaces. */
static char *
trimmed_message(const char *msg)
{
	size_t		len = strlen(msg);

	while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == ' ' ||
					   msg[len - 1] == '\t' || msg[len - 1] == '\r'))
		len--;
	return xstrndup(msg, len);
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
	return xstrndup(path + start, end - start);
}

/*
 * The length of the valid UTF-8 sequence at p, or 0 when p does not start
 * one.  Reads no further than a NUL.
 */
static int
utf8_length(const unsigned char *p)
{
	unsigned char c = p[0];
	unsigned char lo = 0x80;
	unsigned char hi = 0xbf;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return (p[1] >= 0x80 && p[1] <= 0xbf) ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef)
	{
		if (c == 0xe0)
			lo = 0xa0;			/* no overlong forms */
		else if (c == 0xed)
			hi = 0x9f;			/* no surrogates */
		return (p[1] >= lo && p[1] <= hi &&
				p[2] >= 0x80 && p[2] <= 0xbf) ? 3 : 0;
	}
	if (c >= 0xf0 && c <= 0xf4)
	{
		if (c == 0xf0)
			lo = 0x90;			/* no overlong forms */
		else if (c == 0xf4)
			hi = 0x8f;			/* nothing past U+10FFFF */
		return (p[1] >= lo && p[1] <= hi &&
				p[2] >= 0x80 && p[2] <= 0xbf &&
				p[3] >= 0x80 && p[3] <= 0xbf) ? 4 : 0;
	}
	return 0;
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
json_string(StrBuf *buf, const char *s)
{
	const unsigned char *p = (const unsigned char *) s;

	if (s == NULL)
	{
		sb_puts(buf, "null");
		return;
	}
	sb_putc(buf, '"');
	while (*p)
	{
		int			n = utf8_length(p);

		if (n == 0)
		{
			sb_puts(buf, "\\ufffd");
			p++;
			continue;
		}
		if (n > 1)
		{
			sb_append(buf, (const char *) p, n);
			p += n;
			continue;
		}
		switch (*p)
		{
			case '"':
				sb_puts(buf, "\\\"");
				break;
			case '\\':
				sb_puts(buf, "\\\\");
				break;
			case '\b':
				sb_puts(buf, "\\b");
				break;
			case '\f':
				sb_puts(buf, "\\f");
				break;
			case '\n':
				sb_puts(buf, "\\n");
				break;
			case '\r':
				sb_puts(buf, "\\r");
				break;
			case '\t':
				sb_puts(buf, "\\t");
				break;
			default:
				if (*p < 0x20)
					sb_printf(buf, "\\u%04x", *p);
				else
					sb_putc(buf, (char) *p);
				break;
		}
		p++;
	}
	sb_putc(buf, '"');
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
json_number(StrBuf *buf, const char *s)
{
	if (s != NULL && is_json_integer(s))
		sb_puts(buf, s);
	else
		json_string(buf, s);
}

/* Append ,"key": and leave the value to the caller. */
static void
json_key(StrBuf *buf, const char *key)
{
	if (buf->len > 0 && buf->data[buf->len - 1] != '{')
		sb_putc(buf, ',');
	json_string(buf, key);
	sb_putc(buf, ':');
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
 * Columns a terminal gives the UTF-8 character at p, len bytes long: two for
 * the East Asian wide and fullwidth ranges (kanji, kana, hangul, fullwidth
 * forms), one for the rest.  Enough for a progress line.
 */
static int
char_width(const unsigned char *p, int len)
{
	unsigned int cp;

	if (len == 3)
		cp = ((p[0] & 0x0f) << 12) | ((p[1] & 0x3f) << 6) | (p[2] & 0x3f);
	else if (len == 4)
		cp = ((p[0] & 0x07) << 18) | ((p[1] & 0x3f) << 12) |
			((p[2] & 0x3f) << 6) | (p[3] & 0x3f);
	else
		return 1;

	if ((cp >= 0x1100 && cp <= 0x115f) ||
		(cp >= 0x2e80 && cp <= 0x303e) ||
		(cp >= 0x3041 && cp <= 0x33ff) ||
		(cp >= 0x3400 && cp <= 0x4dbf) ||
		(cp >= 0x4e00 && cp <= 0x9fff) ||
		(cp >= 0xa000 && cp <= 0xa4cf) ||
		(cp >= 0xac00 && cp <= 0xd7a3) ||
		(cp >= 0xf900 && cp <= 0xfaff) ||
		(cp >= 0xfe30 && cp <= 0xfe4f) ||
		(cp >= 0xff00 && cp <= 0xff60) ||
		(cp >= 0xffe0 && cp <= 0xffe6) ||
		(cp >= 0x1f300 && cp <= 0x1f64f) ||
		(cp >= 0x20000 && cp <= 0x3fffd))
		return 2;
	return 1;
}

/* Columns a string takes; bytes that are not UTF-8 take one each. */
static int
display_width(const char *s)
{
	const unsigned char *p = (const unsigned char *) s;
	int			width = 0;

	while (*p)
	{
		int			len = utf8_length(p);

		if (len == 0)
			len = 1;
		width += char_width(p, len);
		p += len;
	}
	return width;
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
	StrBuf		line;
	char		bar[BAR_WIDTH + 1];
	int			filled;
	int			width;
	int			room;
	int			shown;
	int			len;
	char	   *name;
	const char *p;
	const char *start;

	if (!show_progress)
		return;

	filled = total > 0 ? (int) ((long long) done * BAR_WIDTH / total) : 0;
	memset(bar, '#', filled);
	memset(bar + filled, '-', BAR_WIDTH - filled);
	bar[BAR_WIDTH] = '\0';

	sb_init(&line);
	sb_printf(&line, "%d/%d files [%s] %lld rows  ", done, total, bar, rows);

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
	name = base_name(path);
	start = name;
	shown = display_width(name);
	if (shown > room)
	{
		int			target = room > 3 ? room - 3 : 0;

		for (p = name; *p && shown > target; p += len)
		{
			len = utf8_length((const unsigned char *) p);
			if (len == 0)
				len = 1;
			shown -= char_width((const unsigned char *) p, len);
		}
		start = p;
		if (room > 3)
			sb_puts(&line, "...");
		else
			start = "";
	}
	/* Control characters and bytes that are not UTF-8 show as '?'. */
	for (p = start; *p; p += len)
	{
		len = utf8_length((const unsigned char *) p);
		if (len == 0 || (unsigned char) *p < 0x20)
		{
			sb_putc(&line, '?');
			len = 1;
		}
		else
			sb_append(&line, p, len);
	}
	free(name);

	fputs("\r", stderr);
	fputs(line.data, stderr);
	fputs("\033[K", stderr);
	fflush(stderr);
	free(line.data);
	progress_visible = true;
}


/*
 * Messages
 */

static void
log_message(const char *level, const char *fmt, va_list args)
{
	progress_clear();
	fflush(stdout);
	fprintf(stderr, "%s: %s: ", progname, level);
	vfprintf(stderr, fmt, args);
	fputc('\n', stderr);
}

static void
log_error(const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	log_message("error", fmt, args);
	va_end(args);
}

static void
log_warning(const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	log_message("warning", fmt, args);
	va_end(args);
}

static void
usage_error(const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	log_message("error", fmt, args);
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

typedef struct OptionList
{
	ImportOption *items;
	int			count;
	int			cap;
} OptionList;

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
			list->items[i].value = xstrdup(value);
			list->items[i].infer_type = infer_type;
			return;
		}
	}
	if (list->count == list->cap)
	{
		list->cap = list->cap > 0 ? list->cap * 2 : 8;
		list->items = xrealloc(list->items, list->cap * sizeof(ImportOption));
	}
	list->items[list->count].key = xstrndup(key, keylen);
	list->items[list->count].value = xstrdup(value);
	list->items[list->count].infer_type = infer_type;
	list->count++;
}

/* The options as a JSON object. */
static char *
options_json(const OptionList *list)
{
	StrBuf		buf;
	int			i;

	sb_init(&buf);
	sb_putc(&buf, '{');
	for (i = 0; i < list->count; i++)
	{
		const ImportOption *opt = &list->items[i];

		json_key(&buf, opt->key);
		if (opt->infer_type &&
			(is_json_integer(opt->value) ||
			 strcmp(opt->value, "true") == 0 ||
			 strcmp(opt->value, "false") == 0))
			sb_puts(&buf, opt->value);
		else
			json_string(&buf, opt->value);
	}
	sb_putc(&buf, '}');
	return buf.data;
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
 * Read a whole file (or standard input) into memory, NUL-terminated for the
 * benefit of text readers.  Returns NULL and sets *errmsg when the file
 * cannot be read or is larger than MAX_FILE_SIZE.
 */
static char *
read_file_contents(const char *path, bool use_stdin, size_t *len, char **errmsg)
{
	int			fd;
	struct stat st;
	size_t		cap;
	size_t		used = 0;
	char	   *buf = NULL;

	*errmsg = NULL;
	if (use_stdin)
		fd = STDIN_FILENO;
	else
	{
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
		{
			*errmsg = psprintf("could not open file: %s", strerror(errno));
			return NULL;
		}
	}

	if (fstat(fd, &st) < 0)
	{
		*errmsg = psprintf("could not stat file: %s", strerror(errno));
		goto fail;
	}
	if (S_ISDIR(st.st_mode))
	{
		*errmsg = psprintf("is a directory");
		goto fail;
	}
	if (S_ISREG(st.st_mode) && (unsigned long long) st.st_size > MAX_FILE_SIZE)
	{
		*errmsg = psprintf("file is too large (%lld bytes); the limit is 1 GB",
						   (long long) st.st_size);
		goto fail;
	}

	/* One byte more than the size, to see the end without growing. */
	cap = S_ISREG(st.st_mode) ? (size_t) st.st_size + 1 : 65536;
	buf = malloc(cap + 1);
	if (buf == NULL)
	{
		*errmsg = psprintf("out of memory reading file");
		goto fail;
	}

	for (;;)
	{
		ssize_t		n;

		if (used == cap)
		{
			size_t		newcap = cap * 2;
			char	   *newbuf;

			if (newcap > MAX_FILE_SIZE + 1)
				newcap = MAX_FILE_SIZE + 1;
			newbuf = realloc(buf, newcap + 1);
			if (newbuf == NULL)
			{
				*errmsg = psprintf("out of memory reading file");
				goto fail;
			}
			buf = newbuf;
			cap = newcap;
		}
		n = read(fd, buf + used, cap - used);
		if (n < 0)
		{
			if (errno == EINTR)
				continue;
			*errmsg = psprintf("could not read file: %s", strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		used += n;
		if (used > MAX_FILE_SIZE)
		{
			*errmsg = psprintf("file is too large (more than 1 GB)");
			goto fail;
		}
	}

	if (!use_stdin)
		close(fd);
	buf[used] = '\0';
	*len = used;
	return buf;

fail:
	if (!use_stdin)
		close(fd);
	free(buf);
	return NULL;
}


/*
 * Jobs and the manifest
 */

typedef struct JobList
{
	ImportJob  *items;
	int			count;
	int			cap;
} JobList;

static ImportJob *
jobs_add(JobList *jobs)
{
	ImportJob  *job;

	if (jobs->count == jobs->cap)
	{
		jobs->cap = jobs->cap > 0 ? jobs->cap * 2 : 16;
		jobs->items = xrealloc(jobs->items, jobs->cap * sizeof(ImportJob));
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
	char	   *dir = NULL;
	const char *slash;
	int			lineno = 0;
	int			errors = 0;
	bool		first = true;

	data = read_file_contents(manifest, use_stdin, &len, &errmsg);
	if (data == NULL)
	{
		log_error("manifest \"%s\": %s", manifest, errmsg);
		free(errmsg);
		return 1;
	}

	/* A byte order mark, as some editors write, is not part of the path. */
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		pos = 3;

	/* Relative paths are relative to the manifest's directory. */
	slash = use_stdin ? NULL : strrchr(manifest, '/');
	if (slash != NULL)
		dir = xstrndup(manifest, slash == manifest ? 1 : slash - manifest);

	while (pos < len)
	{
		char	   *line = data + pos;
		char	   *end = memchr(line, '\n', len - pos);
		size_t		linelen = end ? (size_t) (end - line) : len - pos;
		char	   *fields[MANIFEST_FIELDS];
		int			nfields = 0;
		char	   *p;
		int			i;
		bool		bad = false;
		ImportJob  *job;

		pos += linelen + (end ? 1 : 0);
		lineno++;
		if (linelen > 0 && line[linelen - 1] == '\r')
			linelen--;

		if (memchr(line, '\0', linelen) != NULL)
		{
			log_error("%s:%d: line contains a NUL byte; a manifest is UTF-8 text (not UTF-16)",
					  manifest, lineno);
			errors++;
			continue;
		}
		line[linelen] = '\0';
		if (line[0] == '#' || is_blank(line, linelen))
			continue;

		/* Cut the line into fields at the tabs. */
		fields[nfields++] = line;
		for (p = line; *p; p++)
		{
			if (*p != '\t')
				continue;
			*p = '\0';
			if (nfields == MANIFEST_FIELDS)
			{
				nfields++;
				break;
			}
			fields[nfields++] = p + 1;
		}

		if (first)
		{
			first = false;
			if (strcasecmp(fields[0], "path") == 0)
				continue;
		}

		if (nfields < MANIFEST_FIELDS - 1 || nfields > MANIFEST_FIELDS)
		{
			if (nfields > MANIFEST_FIELDS)
				log_error("%s:%d: more than %d tab-separated fields; expected path, organization, vendor, service, framework and optionally options",
						  manifest, lineno, MANIFEST_FIELDS);
			else
				log_error("%s:%d: %d tab-separated field%s; expected path, organization, vendor, service, framework and optionally options",
						  manifest, lineno, nfields, nfields == 1 ? "" : "s");
			errors++;
			continue;
		}
		for (i = 0; i < MANIFEST_FIELDS - 1; i++)
		{
			if (fields[i][0] == '\0')
			{
				log_error("%s:%d: the %s field is empty",
						  manifest, lineno, manifest_field_names[i]);
				bad = true;
			}
		}
		if (bad)
		{
			errors++;
			continue;
		}

		job = jobs_add(jobs);
		if (dir != NULL && fields[0][0] != '/')
			job->path = psprintf("%s%s%s", dir,
								 dir[strlen(dir) - 1] == '/' ? "" : "/",
								 fields[0]);
		else
			job->path = xstrdup(fields[0]);
		job->organization = xstrdup(fields[1]);
		job->vendor = xstrdup(fields[2]);
		job->service = xstrdup(fields[3]);
		job->framework = xstrdup(fields[4]);
		if (nfields == MANIFEST_FIELDS &&
			!is_blank(fields[5], strlen(fields[5])))
			job->line_options = xstrdup(fields[5]);
		job->manifest_line = lineno;
	}

	if (errors == 0 && jobs->count == 0)
	{
		log_error("manifest \"%s\" names no files", manifest);
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
 * Ask for a password on the terminal without echoing it, in the manner of
 * PostgreSQL's simple_prompt(); falls back to stdin and stderr when there is
 * no terminal.
 */
static char *
prompt_password(const char *prompt)
{
	FILE	   *in;
	FILE	   *out;
	bool		own_tty = true;
	struct termios saved;
	struct termios noecho;
	bool		echo_off = false;
	char		buf[1024];
	size_t		len;
	char	   *result;

	in = fopen("/dev/tty", "r");
	out = fopen("/dev/tty", "w");
	if (in == NULL || out == NULL)
	{
		if (in != NULL)
			fclose(in);
		if (out != NULL)
			fclose(out);
		in = stdin;
		out = stderr;
		own_tty = false;
	}

	if (tcgetattr(fileno(in), &saved) == 0)
	{
		noecho = saved;
		noecho.c_lflag &= ~ECHO;
		if (tcsetattr(fileno(in), TCSAFLUSH, &noecho) == 0)
			echo_off = true;
	}

	fputs(prompt, out);
	fflush(out);
	if (fgets(buf, sizeof(buf), in) == NULL)
		buf[0] = '\0';
	len = strlen(buf);
	if (len > 0 && buf[len - 1] == '\n')
		buf[--len] = '\0';
	else if (len == sizeof(buf) - 1)
	{
		int			c;

		/* Too long: drop the rest of the line. */
		while ((c = getc(in)) != EOF && c != '\n')
			;
	}

	if (echo_off)
	{
		tcsetattr(fileno(in), TCSAFLUSH, &saved);
		fputs("\n", out);
		fflush(out);
	}
	if (own_tty)
	{
		fclose(in);
		fclose(out);
	}

	result = xstrdup(buf);
	memset(buf, 0, sizeof(buf));
	return result;
}

/*
 * Connect as PostgreSQL's own clients do: -d may be a connection string or
 * URI, whose settings win over -h, -p and -U; libpq reads the PG*
 * environment variables; ask for a password when the server wants one,
 * unless -w.  Exits with EXIT_USAGE when no connection can be made.
 */
static PGconn *
connect_database(const ConnOptions *opts)
{
	const char *keywords[8];
	const char *values[8];
	char	   *password = NULL;
	PGconn	   *conn;

	if (opts->prompt == PROMPT_ALWAYS)
		password = prompt_password("Password: ");

	for (;;)
	{
		int			n = 0;

		keywords[n] = "host";
		values[n++] = opts->host;
		keywords[n] = "port";
		values[n++] = opts->port;
		keywords[n] = "user";
		values[n++] = opts->username;
		keywords[n] = "password";
		values[n++] = password;
		keywords[n] = "dbname";
		values[n++] = opts->dbname;
		keywords[n] = "fallback_application_name";
		values[n++] = progname;

		/*
		 * kansa's databases are UTF8, and so are its manifests: talk UTF-8
		 * unless PGCLIENTENCODING says otherwise.  JSON is UTF-8 always.
		 */
		keywords[n] = "client_encoding";
		values[n++] = (json_output || getenv("PGCLIENTENCODING") == NULL) ?
			"UTF8" : NULL;
		keywords[n] = NULL;
		values[n] = NULL;

		conn = PQconnectdbParams(keywords, values, 1);
		if (conn == NULL)
		{
			log_error("could not connect to the database: out of memory");
			exit(EXIT_USAGE);
		}
		if (PQstatus(conn) == CONNECTION_BAD &&
			PQconnectionNeedsPassword(conn) &&
			password == NULL &&
			opts->prompt != PROMPT_NEVER)
		{
			char	   *prompt = psprintf("Password for user %s: ", PQuser(conn));

			PQfinish(conn);
			password = prompt_password(prompt);
			free(prompt);
			continue;
		}
		break;
	}

	if (password != NULL)
	{
		memset(password, 0, strlen(password));
		free(password);
	}

	if (PQstatus(conn) != CONNECTION_OK)
	{
		char	   *msg = trimmed_message(PQerrorMessage(conn));

		log_error("%s", msg);
		free(msg);
		PQfinish(conn);
		exit(EXIT_USAGE);
	}
	return conn;
}

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

/* SIGINT: cancel the running statement; a second one ends us at once. */
static void
handle_sigint(int signo)
{
	int			save_errno = errno;
	char		errbuf[256];
	PGcancel   *cancel = cancel_handle;

	(void) signo;
	if (interrupted)
	{
		write_stderr("\ninterrupted again, exiting\n");
		_exit(EXIT_INCOMPLETE);
	}
	interrupted = 1;

	if (cancel != NULL)
	{
		/* Write over the progress line rather than after it. */
		if (show_progress)
			write_stderr("\r\033[K");
		if (PQcancel(cancel, errbuf, sizeof(errbuf)))
			write_stderr("cancel request sent\n");
		else
		{
			write_stderr("could not send cancel request: ");
			write_stderr(errbuf);
			write_stderr("\n");
		}
	}
	errno = save_errno;
}

/*
 * Replace the cancel handle the SIGINT handler uses with one for conn (or
 * none), with SIGINT blocked so the handler never sees a freed one.
 */
static void
set_cancel_handle(PGconn *conn)
{
	sigset_t	block;
	sigset_t	old;
	PGcancel   *previous;

	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigprocmask(SIG_BLOCK, &block, &old);
	previous = cancel_handle;
	cancel_handle = conn != NULL ? PQgetCancel(conn) : NULL;
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (previous != NULL)
		PQfreeCancel(previous);
}

/*
 * After the server closed the connection (a backend that crashed on one
 * file, a restart), try a few times to get it back, so that the remaining
 * files still get their chance.
 */
static bool
reconnect(PGconn *conn)
{
	int			attempt;
	char	   *msg;

	for (attempt = 1; attempt <= RECONNECT_ATTEMPTS && !interrupted; attempt++)
	{
		log_warning("the connection to the server was lost; reconnecting (attempt %d of %d)",
					attempt, RECONNECT_ATTEMPTS);
		sleep(attempt);
		if (interrupted)
			break;
		PQreset(conn);
		if (PQstatus(conn) == CONNECTION_OK)
		{
			set_cancel_handle(conn);
			return true;
		}
	}
	msg = trimmed_message(PQerrorMessage(conn));
	log_error("could not reconnect: %s", msg);
	free(msg);
	return false;
}

/*
 * Before importing anything: is kansa.import_sheet there, and is each
 * manifest line's options field a JSON object?  Reports every problem and
 * returns how many there were.
 */
static int
check_server(PGconn *conn, const JobList *jobs, const char *manifest)
{
	PGresult   *res;
	int			errors = 0;
	int			i;

	res = PQexec(conn,
				 "SELECT pg_catalog.to_regprocedure("
				 "'kansa.import_sheet(text, text, text, text, bytea, text, jsonb)')"
				 " IS NOT NULL");
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
	{
		char	   *msg = trimmed_message(PQerrorMessage(conn));

		log_error("could not look for kansa.import_sheet: %s", msg);
		free(msg);
		errors++;
	}
	else if (PQntuples(res) != 1 || strcmp(PQgetvalue(res, 0, 0), "t") != 0)
	{
		log_error("database \"%s\" has no function kansa.import_sheet(text, text, text, text, bytea, text, jsonb)",
				  PQdb(conn));
		fprintf(stderr, "Is the kansa extension installed there (CREATE EXTENSION kansa)?\n");
		errors++;
	}
	PQclear(res);

	for (i = 0; i < jobs->count; i++)
	{
		const ImportJob *job = &jobs->items[i];
		const char *values[1];

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
			char	   *msg = trimmed_message(primary != NULL ? primary :
											  PQerrorMessage(conn));

			log_error("%s:%d: options: %s%s%s%s", manifest, job->manifest_line,
					  msg, detail != NULL ? " (" : "", detail != NULL ? detail : "",
					  detail != NULL ? ")" : "");
			free(msg);
			errors++;
		}
		else if (PQntuples(res) != 1 ||
				 strcmp(PQgetvalue(res, 0, 0), "object") != 0)
		{
			log_error("%s:%d: options must be a JSON object such as {\"sheet\": \"Answers\"}, not a JSON %s",
					  manifest, job->manifest_line,
					  PQntuples(res) == 1 ? PQgetvalue(res, 0, 0) : "value");
			errors++;
		}
		PQclear(res);
	}
	return errors;
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
	if (strcmp(status, "loaded") == 0)
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

static void
print_record_text(const Record *rec, Outcome outcome)
{
	const char *const *c = rec->columns;

	if (quiet && (outcome == OUTCOME_LOADED ||
				  outcome == OUTCOME_ALREADY_LOADED))
		return;

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
	StrBuf		buf;
	static const char *const number_keys[] = {
		"rows_read", "responses", "rejected", "skipped", "unknown_controls",
		"conflicts"
	};
	int			i;

	sb_init(&buf);
	sb_putc(&buf, '{');
	json_key(&buf, "type");
	json_string(&buf, "file");
	json_key(&buf, "file");
	json_string(&buf, job->path);
	json_key(&buf, "file_name");
	json_string(&buf, rec->file_name);
	json_key(&buf, "manifest_line");
	if (job->manifest_line > 0)
		sb_printf(&buf, "%d", job->manifest_line);
	else
		sb_puts(&buf, "null");
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
		sb_printf(&buf, "%lld", rec->bytes);
	else
		sb_puts(&buf, "null");
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
	json_key(&buf, "error");
	if (rec->kind == RECORD_RESULT)
		sb_puts(&buf, "null");
	else
	{
		sb_putc(&buf, '{');
		json_key(&buf, "message");
		json_string(&buf, rec->message);
		json_key(&buf, "detail");
		json_string(&buf, rec->detail);
		json_key(&buf, "hint");
		json_string(&buf, rec->hint);
		json_key(&buf, "sqlstate");
		json_string(&buf, rec->sqlstate);
		sb_putc(&buf, '}');
	}
	sb_puts(&buf, "}\n");
	fputs(buf.data, stdout);
	free(buf.data);
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
		!interrupted)
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
			   interrupted ? "true" : "false", exit_status(totals));
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
		message = trimmed_message(primary);
	else if (res != NULL && PQresultErrorMessage(res)[0] != '\0')
		message = trimmed_message(PQresultErrorMessage(res));
	else
		message = trimmed_message(PQerrorMessage(conn));

	emit_error(job, file_name, bytes, message,
			   res ? PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL) : NULL,
			   res ? PQresultErrorField(res, PG_DIAG_MESSAGE_HINT) : NULL,
			   res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL,
			   totals);
	free(message);
}

/* Import one file, in a statement (and so a transaction) of its own. */
static void
import_file(PGconn *conn, const ImportJob *job, const char *cmd_options,
			Totals *totals)
{
	char	   *content;
	size_t		size;
	char	   *errmsg;
	char	   *file_name = base_name(job->path);
	const char *values[IMPORT_NPARAMS];
	int			lengths[IMPORT_NPARAMS];
	int			formats[IMPORT_NPARAMS];
	PGresult   *res;
	int			row;

	content = read_file_contents(job->path, false, &size, &errmsg);
	if (content == NULL)
	{
		emit_error(job, file_name, -1, errmsg, NULL, NULL, NULL, totals);
		free(errmsg);
		free(file_name);
		return;
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

	res = PQexecParams(conn, import_sql, IMPORT_NPARAMS, import_param_types,
					   values, lengths, formats, 0);
	free(content);

	if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK)
		emit_statement_error(conn, res, job, file_name, (long long) size,
							 totals);
	else if (PQnfields(res) != IMPORT_NCOLUMNS || PQntuples(res) == 0)
	{
		char	   *msg = psprintf("kansa.import_sheet returned %d row%s of %d column%s; expected one row of %d",
								   PQntuples(res), PQntuples(res) == 1 ? "" : "s",
								   PQnfields(res), PQnfields(res) == 1 ? "" : "s",
								   IMPORT_NCOLUMNS);

		emit_error(job, file_name, (long long) size, msg, NULL, NULL, NULL,
				   totals);
		free(msg);
	}
	else
	{
		/* One row per import; should a file ever give several, report each. */
		for (row = 0; row < PQntuples(res); row++)
		{
			Record		rec;
			int			col;

			memset(&rec, 0, sizeof(rec));
			rec.kind = RECORD_RESULT;
			rec.job = job;
			rec.file_name = file_name;
			rec.bytes = (long long) size;
			for (col = 0; col < IMPORT_NCOLUMNS; col++)
				rec.columns[col] = PQgetisnull(res, row, col) ? NULL :
					PQgetvalue(res, row, col);
			emit_record(&rec, totals);
		}
	}
	PQclear(res);
	free(file_name);
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
	{"help", no_argument, NULL, OPT_HELP},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0}
};

int
main(int argc, char **argv)
{
	ConnOptions conn_opts;
	const char *org = NULL;
	const char *vendor = NULL;
	const char *service = NULL;
	const char *framework = NULL;
	const char *manifest = NULL;
	bool		no_progress = false;
	OptionList	options;
	JobList		jobs;
	Totals		totals;
	char	   *cmd_options;
	PGconn	   *conn;
	struct sigaction sa;
	bool		connection_lost = false;
	int			status;
	int			c;
	int			i;

	if (argc > 0 && argv[0] != NULL && strrchr(argv[0], '/') != NULL)
		progname = strrchr(argv[0], '/') + 1;
	else if (argc > 0 && argv[0] != NULL && argv[0][0] != '\0')
		progname = argv[0];

	/* -? as the only argument means help, as in PostgreSQL's clients. */
	if (argc > 1 && strcmp(argv[1], "-?") == 0)
	{
		usage();
		exit(0);
	}

	memset(&conn_opts, 0, sizeof(conn_opts));
	conn_opts.prompt = PROMPT_IF_NEEDED;
	memset(&options, 0, sizeof(options));
	memset(&jobs, 0, sizeof(jobs));
	memset(&totals, 0, sizeof(totals));

	while ((c = getopt_long(argc, argv, "d:h:p:U:wWqV", long_options, NULL)) != -1)
	{
		switch (c)
		{
			case 'd':
				conn_opts.dbname = optarg;
				break;
			case 'h':
				conn_opts.host = optarg;
				break;
			case 'p':
				conn_opts.port = optarg;
				break;
			case 'U':
				conn_opts.username = optarg;
				break;
			case 'w':
				conn_opts.prompt = PROMPT_NEVER;
				break;
			case 'W':
				conn_opts.prompt = PROMPT_ALWAYS;
				break;
			case OPT_ORG:
				org = optarg;
				break;
			case OPT_VENDOR:
				vendor = optarg;
				break;
			case OPT_SERVICE:
				service = optarg;
				break;
			case OPT_FRAMEWORK:
				framework = optarg;
				break;
			case OPT_MODE:
				if (strcmp(optarg, "strict") != 0 &&
					strcmp(optarg, "quarantine") != 0)
					usage_error("invalid --mode \"%s\": use strict or quarantine",
								optarg);
				options_set(&options, "mode", 4, optarg, false);
				break;
			case OPT_NO_CREATE:
				options_set(&options, "create", 6, "false", true);
				break;
			case OPT_RELOAD:
				options_set(&options, "reload", 6, "true", true);
				break;
			case OPT_SCOPE:
				options_set(&options, "scope", 5, optarg, false);
				break;
			case OPT_BLANK:
				if (strcmp(optarg, "gap") != 0 &&
					strcmp(optarg, "inherit") != 0)
					usage_error("invalid --blank \"%s\": use gap or inherit",
								optarg);
				options_set(&options, "blank", 5, optarg, false);
				break;
			case OPT_OPTION:
				{
					const char *eq = strchr(optarg, '=');

					if (eq == NULL || eq == optarg)
						usage_error("invalid --option \"%s\": use KEY=VALUE",
									optarg);
					options_set(&options, optarg, eq - optarg, eq + 1, true);
					break;
				}
			case OPT_MANIFEST:
				manifest = optarg;
				break;
			case OPT_JSON:
				json_output = true;
				break;
			case 'q':
				quiet = true;
				break;
			case OPT_NO_PROGRESS:
				no_progress = true;
				break;
			case OPT_HELP:
				usage();
				exit(0);
			case 'V':
				printf("kansa-import (kansa) %s\n", KANSA_IMPORT_VERSION);
				exit(0);
			default:
				/* getopt_long has said what was wrong */
				fprintf(stderr, "Try \"%s --help\" for more information.\n",
						progname);
				exit(EXIT_USAGE);
		}
	}

	/* What to import: a manifest, or files and what they are. */
	if (manifest != NULL)
	{
		if (optind < argc)
			usage_error("--manifest cannot be combined with files on the command line");
		if (org != NULL || vendor != NULL || service != NULL || framework != NULL)
			usage_error("--org, --vendor, --service and --framework cannot be combined with --manifest, whose lines give them");
		if (read_manifest(manifest, &jobs) > 0)
		{
			jobs_free(&jobs);
			options_free(&options);
			exit(EXIT_USAGE);
		}
	}
	else
	{
		if (optind >= argc)
			usage_error("no files to import: name files or give --manifest");
		if (org == NULL || org[0] == '\0')
			usage_error("--org is required");
		if (vendor == NULL || vendor[0] == '\0')
			usage_error("--vendor is required");
		if (service == NULL || service[0] == '\0')
			usage_error("--service is required");
		if (framework == NULL || framework[0] == '\0')
			usage_error("--framework is required");
		for (i = optind; i < argc; i++)
		{
			ImportJob  *job = jobs_add(&jobs);

			job->path = xstrdup(argv[i]);
			job->organization = xstrdup(org);
			job->vendor = xstrdup(vendor);
			job->service = xstrdup(service);
			job->framework = xstrdup(framework);
		}
	}

	cmd_options = options_json(&options);
	options_free(&options);

	show_progress = isatty(STDERR_FILENO) && !json_output && !quiet &&
		!no_progress;

	conn = connect_database(&conn_opts);
	if (check_server(conn, &jobs, manifest) > 0)
	{
		PQfinish(conn);
		jobs_free(&jobs);
		free(cmd_options);
		exit(EXIT_USAGE);
	}

	/* From here on, ^C cancels the running import and stops the batch. */
	set_cancel_handle(conn);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handle_sigint;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	sigaction(SIGINT, &sa, NULL);

	for (i = 0; i < jobs.count; i++)
	{
		const ImportJob *job = &jobs.items[i];

		if (interrupted)
		{
			emit_not_attempted(job, "interrupted before this file", &totals);
			continue;
		}
		if (connection_lost)
		{
			emit_not_attempted(job, "the connection to the server was lost",
							   &totals);
			continue;
		}

		progress_draw(i, jobs.count, totals.rows_read, job->path);
		import_file(conn, job, cmd_options, &totals);

		if (PQstatus(conn) == CONNECTION_BAD && !interrupted &&
			i + 1 < jobs.count)
			connection_lost = !reconnect(conn);
	}
	progress_clear();

	status = exit_status(&totals);
	print_summary(&totals);

	if (interrupted)
		log_error("interrupted; %d file%s not attempted", totals.not_attempted,
				  totals.not_attempted == 1 ? "" : "s");

	/* Put SIGINT back before the cancel handle goes. */
	signal(SIGINT, SIG_DFL);
	set_cancel_handle(NULL);
	PQfinish(conn);
	jobs_free(&jobs);
	free(cmd_options);

	if (fflush(stdout) != 0 || ferror(stdout))
	{
		log_error("could not write to standard output: %s", strerror(errno));
		status = EXIT_INCOMPLETE;
	}
	return status;
}
