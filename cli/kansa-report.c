/*-------------------------------------------------------------------------
 *
 * kansa-report.c
 *	  Writes the report of an assessment: the HTML page kansa.report_html()
 *	  makes, to a file or to standard output, and with --pdf a PDF of it
 *	  printed by headless Chromium.
 *
 * The page is the server's work, read as the connecting role (row-level
 * security decides what it shows); the client checks only what the server
 * cannot: its own flags, the files it writes, and whether Chromium is
 * there to print.  Usage is in --help and in cli/README.md.
 *
 * It is built the PGXS way (cli/kansa-report.mk), as kansa-import is, with
 * PostgreSQL's front-end libraries: pg_malloc and psprintf, simple_prompt
 * and pg_logging.
 *
 * cli/kansa-report.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres_fe.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "common/logging.h"
#include "common/string.h"
#include "getopt_long.h"
#include "libpq-fe.h"

#include "connect.h"

/* cli/kansa-report.mk passes kansa.control's default_version. */
#ifndef KANSA_VERSION
#error "KANSA_VERSION must be defined; build kansa-report with cli/kansa-report.mk"
#endif

/* Exit statuses, as kansa-import's. */
#define EXIT_WRITTEN		0	/* the report was written */
#define EXIT_FAILED			1	/* the server refused, a file could not be
								 * written, or Chromium failed to print */
#define EXIT_USAGE			2	/* bad arguments, no connection, no Chromium */

/* How long Chromium may take to print one page, in seconds. */
#define PRINT_TIMEOUT		120

/*
 * The statement: the options the flags gave, as report_html() reads them
 * (absent flags are no keys, so the server's defaults apply).
 */
static const char *const report_sql =
"SELECT kansa.report_html($1::pg_catalog.int8,\n"
"       pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(\n"
"           'lang', $2::pg_catalog.text, 'max_gaps', $3::pg_catalog.int4)))";

static const char *progname;

/* The Chromium names looked for on PATH, in this order. */
static const char *const chromium_names[] = {
	"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", NULL
};

static void
usage(void)
{
	printf("%s writes the report of a kansa assessment: one self-contained HTML\n"
		   "page made by kansa.report_html(), and on request a PDF of it.\n\n",
		   progname);
	printf("Usage:\n");
	printf("  %s [OPTION]... --assessment=ID [-o FILE.html] [--pdf=FILE.pdf]\n", progname);
	printf("\nWhat to write:\n");
	printf("      --assessment=ID        the assessment (kansa.assessment_summary.assessment_id)\n");
	printf("  -o, --output=FILE          write the HTML page to FILE (default: standard\n"
		   "                             output, unless --pdf is given)\n");
	printf("      --pdf=FILE             print the page to FILE as PDF (A4) with headless\n"
		   "                             Chromium, which must be installed (Debian's\n"
		   "                             chromium; KANSA_CHROMIUM names another binary)\n");
	printf("      --lang=LANG            the page's language: ja (default) or en\n");
	printf("      --max-gaps=N           list at most N gaps (default: all)\n");
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
	printf("\nExit status: 0 when the report was written, 1 when the server refused\n"
		   "it or a file could not be written or printed, 2 on usage or connection\n"
		   "errors, or when --pdf is asked for and Chromium is not installed.\n");
}

/* Report a usage error with a pointer to --help, and exit. */
static void
usage_error(const char *msg)
{
	pg_log_error("%s", msg);
	pg_log_error_hint("Try \"%s --help\" for more information.", progname);
	exit(EXIT_USAGE);
}

/*
 * The Chromium to print with: KANSA_CHROMIUM when set (it must be an
 * executable file), else the first of chromium_names found on PATH; NULL
 * when there is none.  The result is malloc'd.
 */
static char *
find_chromium(void)
{
	const char *env = getenv("KANSA_CHROMIUM");
	const char *path = getenv("PATH");
	int			i;

	if (env != NULL && env[0] != '\0')
		return access(env, X_OK) == 0 ? pg_strdup(env) : NULL;
	if (path == NULL || path[0] == '\0')
		return NULL;

	for (i = 0; chromium_names[i] != NULL; i++)
	{
		const char *dir = path;

		while (*dir != '\0')
		{
			size_t		len = strcspn(dir, ":");
			char	   *candidate;

			candidate = psprintf("%.*s/%s", (int) (len > 0 ? len : 1),
								 len > 0 ? dir : ".", chromium_names[i]);
			if (access(candidate, X_OK) == 0)
				return candidate;
			free(candidate);
			dir += len;
			if (*dir == ':')
				dir++;
		}
	}
	return NULL;
}

/*
 * A file: URL for an absolute path, every byte other than the unreserved
 * characters and "/" percent-encoded (RFC 3986), so that a space, "#" or
 * "?" in a directory name stays part of the path.
 */
static char *
file_url(const char *abspath)
{
	size_t		len = strlen(abspath);
	char	   *url = pg_malloc(strlen("file://") + 3 * len + 1);
	char	   *p = url;
	const unsigned char *s;

	p += sprintf(p, "file://");
	for (s = (const unsigned char *) abspath; *s != '\0'; s++)
	{
		if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
			(*s >= '0' && *s <= '9') || strchr("-._~/", *s) != NULL)
			*p++ = (char) *s;
		else
			p += sprintf(p, "%%%02X", *s);
	}
	*p = '\0';
	return url;
}

/* The absolute form of a path that may not exist yet (its directory must). */
static char *
absolute_path(const char *path)
{
	char		cwd[MAXPGPATH];

	if (is_absolute_path(path))
		return pg_strdup(path);
	if (getcwd(cwd, sizeof(cwd)) == NULL)
	{
		pg_log_error("could not identify current directory: %m");
		exit(EXIT_FAILED);
	}
	return psprintf("%s/%s", cwd, path);
}

/* Write len bytes to path (or to stdout when path is NULL); false on error. */
static bool
write_file(const char *path, const char *data, size_t len)
{
	FILE	   *f = path ? fopen(path, "wb") : stdout;

	if (f == NULL)
	{
		pg_log_error("could not open file \"%s\" for writing: %m", path);
		return false;
	}
	if (fwrite(data, 1, len, f) != len || fflush(f) != 0)
	{
		pg_log_error("could not write file \"%s\": %m", path ? path : "stdout");
		if (path)
			fclose(f);
		return false;
	}
	if (path && fclose(f) != 0)
	{
		pg_log_error("could not write file \"%s\": %m", path);
		return false;
	}
	return true;
}

/* Print the last lines Chromium wrote, to help whoever reads the error. */
static void
show_log(const char *log_path)
{
	FILE	   *f = fopen(log_path, "r");
	char		line[1024];
	char		tail[8][1024];
	int			n = 0,
				i;

	if (f == NULL)
		return;
	while (fgets(line, sizeof(line), f) != NULL)
		strlcpy(tail[n++ % 8], line, sizeof(line));
	fclose(f);
	for (i = n > 8 ? n - 8 : 0; i < n; i++)
		fprintf(stderr, "  chromium: %s", tail[i % 8]);
}

/*
 * Print the page at html_path to pdf_path with headless Chromium, its
 * profile and log in a directory of its own under TMPDIR; true when the
 * PDF was written.  Chromium runs as root only without its sandbox.
 */
static bool
print_pdf(const char *chromium, const char *html_path, const char *pdf_path)
{
	const char *tmp = getenv("TMPDIR");
	char	   *workdir = psprintf("%s/kansa-report-XXXXXX",
								   tmp && tmp[0] ? tmp : "/tmp");
	char	   *profile,
			   *log_path,
			   *print_arg,
			   *profile_arg,
			   *url;
	const char *args[12];
	int			n = 0;
	pid_t		pid;
	int			status = 0;
	time_t		deadline;
	struct stat st;
	bool		ok = false;
	char		head[5] = {0};
	FILE	   *f;

	if (mkdtemp(workdir) == NULL)
	{
		pg_log_error("could not create a directory under \"%s\": %m",
					 tmp && tmp[0] ? tmp : "/tmp");
		return false;
	}
	profile = psprintf("%s/profile", workdir);
	log_path = psprintf("%s/chromium.log", workdir);
	print_arg = psprintf("--print-to-pdf=%s", pdf_path);
	profile_arg = psprintf("--user-data-dir=%s", profile);
	url = file_url(html_path);

	args[n++] = chromium;
	args[n++] = "--headless";
	if (geteuid() == 0)
		args[n++] = "--no-sandbox";
	args[n++] = "--disable-gpu";
	args[n++] = "--no-first-run";
	args[n++] = "--no-pdf-header-footer";
	args[n++] = profile_arg;
	args[n++] = print_arg;
	args[n++] = url;
	args[n] = NULL;

	unlink(pdf_path);
	fflush(NULL);
	pid = fork();
	if (pid < 0)
	{
		pg_log_error("could not fork: %m");
		goto done;
	}
	if (pid == 0)
	{
		int			fd = open(log_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

		if (fd >= 0)
		{
			dup2(fd, STDOUT_FILENO);
			dup2(fd, STDERR_FILENO);
			close(fd);
		}
		execv(chromium, (char *const *) args);
		fprintf(stderr, "could not execute \"%s\": %s\n", chromium, strerror(errno));
		_exit(127);
	}

	deadline = time(NULL) + PRINT_TIMEOUT;
	for (;;)
	{
		pid_t		r = waitpid(pid, &status, WNOHANG);

		if (r == pid)
			break;
		if (r < 0 && errno != EINTR)
		{
			pg_log_error("could not wait for chromium: %m");
			goto done;
		}
		if (time(NULL) > deadline)
		{
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			pg_log_error("chromium did not print \"%s\" within %d seconds",
						 html_path, PRINT_TIMEOUT);
			show_log(log_path);
			goto done;
		}
		pg_usleep(100000L);
	}

	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
		stat(pdf_path, &st) != 0 || st.st_size == 0 ||
		(f = fopen(pdf_path, "rb")) == NULL)
	{
		pg_log_error("chromium could not print \"%s\" to \"%s\"", html_path, pdf_path);
		show_log(log_path);
		goto done;
	}
	if (fread(head, 1, 4, f) != 4 || strcmp(head, "%PDF") != 0)
	{
		fclose(f);
		pg_log_error("chromium wrote \"%s\", but it is not a PDF", pdf_path);
		show_log(log_path);
		goto done;
	}
	fclose(f);
	ok = true;

done:
	/* the profile directory Chromium filled, then ours */
	{
		pid_t		rm;

		fflush(NULL);
		rm = fork();
		if (rm == 0)
		{
			execl("/bin/rm", "rm", "-rf", workdir, (char *) NULL);
			_exit(127);
		}
		if (rm > 0)
			waitpid(rm, NULL, 0);
	}
	free(url);
	free(profile_arg);
	free(print_arg);
	free(log_path);
	free(profile);
	free(workdir);
	return ok;
}

int
main(int argc, char **argv)
{
	static struct option long_options[] = {
		{"assessment", required_argument, NULL, 1},
		{"output", required_argument, NULL, 'o'},
		{"pdf", required_argument, NULL, 2},
		{"lang", required_argument, NULL, 3},
		{"max-gaps", required_argument, NULL, 4},
		{"dbname", required_argument, NULL, 'd'},
		{"host", required_argument, NULL, 'h'},
		{"port", required_argument, NULL, 'p'},
		{"username", required_argument, NULL, 'U'},
		{"no-password", no_argument, NULL, 'w'},
		{"password", no_argument, NULL, 'W'},
		{"version", no_argument, NULL, 'V'},
		{"help", no_argument, NULL, '?'},
		{NULL, 0, NULL, 0}
	};
	KansaConnOptions conn_opts = {0};
	const char *assessment = NULL;
	const char *output = NULL;
	const char *pdf = NULL;
	const char *lang = NULL;
	const char *max_gaps = NULL;
	char	   *chromium = NULL;
	char	   *html_path = NULL;
	char	   *tmp_html = NULL;
	const char *params[3];
	PGconn	   *conn;
	PGresult   *res;
	int			c;
	int			rc = EXIT_WRITTEN;

	pg_logging_init(argv[0]);
	progname = get_progname(argv[0]);

	if (argc > 1)
	{
		if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-?") == 0)
		{
			usage();
			exit(0);
		}
		if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)
		{
			printf("kansa-report (kansa) %s\n", KANSA_VERSION);
			exit(0);
		}
	}

	while ((c = getopt_long(argc, argv, "d:h:o:p:U:wWV?", long_options, NULL)) != -1)
	{
		switch (c)
		{
			case 1:
				assessment = optarg;
				break;
			case 'o':
				output = optarg;
				break;
			case 2:
				pdf = optarg;
				break;
			case 3:
				lang = optarg;
				break;
			case 4:
				max_gaps = optarg;
				break;
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
				conn_opts.prompt = KANSA_PROMPT_NEVER;
				break;
			case 'W':
				conn_opts.prompt = KANSA_PROMPT_ALWAYS;
				break;
			case 'V':
				printf("kansa-report (kansa) %s\n", KANSA_VERSION);
				exit(0);
			case '?':
				if (optopt == 0 && strcmp(argv[optind - 1], "-?") == 0)
				{
					usage();
					exit(0);
				}
				pg_log_error_hint("Try \"%s --help\" for more information.", progname);
				exit(EXIT_USAGE);
			default:
				usage_error("unexpected option");
		}
	}
	if (optind < argc)
	{
		pg_log_error("too many command-line arguments (first is \"%s\")", argv[optind]);
		pg_log_error_hint("Try \"%s --help\" for more information.", progname);
		exit(EXIT_USAGE);
	}
	if (assessment == NULL)
		usage_error("no assessment given (--assessment)");
	if (output != NULL && pdf != NULL && strcmp(output, pdf) == 0)
		usage_error("--output and --pdf name the same file");

	/* Chromium first: say it is missing before any work is done */
	if (pdf != NULL)
	{
		chromium = find_chromium();
		if (chromium == NULL)
		{
			if (getenv("KANSA_CHROMIUM") != NULL && getenv("KANSA_CHROMIUM")[0] != '\0')
				pg_log_error("cannot print a PDF: Chromium is not installed at \"%s\" (KANSA_CHROMIUM)",
							 getenv("KANSA_CHROMIUM"));
			else
				pg_log_error("cannot print a PDF: Chromium is not installed (no chromium, chromium-browser or google-chrome on PATH)");
			pg_log_error_hint("Install Debian's chromium package (apt-get install chromium), set KANSA_CHROMIUM to a Chromium binary, or leave out --pdf and print the HTML page from a browser.");
			exit(EXIT_USAGE);
		}
	}

	/* the page is UTF-8, as its <meta charset> says */
	conn = kansa_connect(&conn_opts, progname, "UTF8");
	params[0] = assessment;
	params[1] = lang;
	params[2] = max_gaps;
	res = PQexecParams(conn, report_sql, 3, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1 ||
		PQgetisnull(res, 0, 0))
	{
		char	   *msg = kansa_trimmed_message(PQresultErrorMessage(res));

		pg_log_error("could not write the report of assessment %s: %s", assessment,
					 msg[0] ? msg : "no page came back");
		free(msg);
		PQclear(res);
		PQfinish(conn);
		exit(EXIT_FAILED);
	}

	/* the page: to -o, to stdout, or (for --pdf alone) to a file to print */
	if (output != NULL)
	{
		if (!write_file(output, PQgetvalue(res, 0, 0), PQgetlength(res, 0, 0)))
			rc = EXIT_FAILED;
		else
			html_path = absolute_path(output);
	}
	else if (pdf == NULL)
	{
		if (!write_file(NULL, PQgetvalue(res, 0, 0), PQgetlength(res, 0, 0)))
			rc = EXIT_FAILED;
	}
	else
	{
		char	   *pdf_abs = absolute_path(pdf);

		tmp_html = psprintf("%s.kansa-report-%d.html", pdf_abs, (int) getpid());
		free(pdf_abs);
		if (!write_file(tmp_html, PQgetvalue(res, 0, 0), PQgetlength(res, 0, 0)))
			rc = EXIT_FAILED;
		else
			html_path = pg_strdup(tmp_html);
	}
	PQclear(res);
	PQfinish(conn);

	if (pdf != NULL && rc == EXIT_WRITTEN)
	{
		char	   *pdf_abs = absolute_path(pdf);

		if (!print_pdf(chromium, html_path, pdf_abs))
			rc = EXIT_FAILED;
		free(pdf_abs);
	}
	if (tmp_html != NULL)
	{
		unlink(tmp_html);
		free(tmp_html);
	}
	free(html_path);
	free(chromium);
	return rc;
}
