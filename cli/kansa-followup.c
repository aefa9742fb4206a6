/*-------------------------------------------------------------------------
 *
 * kansa-followup.c
 *	  Writes the follow-up questionnaire (追加質問票) of an assessment, an
 *	  xlsx workbook made by kansa.followup_sheet() on the server, to a file;
 *	  optionally marks its open findings sent.
 *
 * The workbook comes back as a binary bytea result and is written as it is,
 * through a temporary file in the target's directory renamed into place, so
 * that a failure leaves no half-written file.  The connection options are
 * those of kansa-import and of PostgreSQL's own clients.  Built the PGXS way
 * by cli/followup.mk; usage in --help and cli/README.md.
 *
 * cli/kansa-followup.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres_fe.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog/pg_type_d.h"
#include "common/logging.h"
#include "common/string.h"
#include "getopt_long.h"
#include "libpq-fe.h"

#include "connect.h"

#ifndef KANSA_VERSION
#error "KANSA_VERSION must be defined; build kansa-followup with cli/followup.mk"
#endif

#define EXIT_FAILED		1			/* the server refused, or the file failed */
#define EXIT_USAGE		2			/* bad options, or no connection */

static const char *progname;

static void
usage(void)
{
	printf("%s writes the follow-up questionnaire of an assessment (an xlsx workbook\n"
		   "made by kansa.followup_sheet()) to a file.\n\n", progname);
	printf("Usage:\n  %s [OPTION]... --assessment N [-o FILE]\n\n", progname);
	printf("Options:\n");
	printf("  -a, --assessment=N       the assessment (kansa.assessment.id) whose open\n"
		   "                           and sent findings the sheet asks about\n");
	printf("  -o, --output=FILE        where to write it (default followup-N.xlsx; - for stdout)\n");
	printf("  -l, --language=ja|en     the sheet's language (default ja)\n");
	printf("      --mark-sent          mark the sheet's open findings sent (kansa.finding_send)\n");
	printf("  -V, --version            output version information, then exit\n");
	printf("  -?, --help               show this help, then exit\n");
	printf("\nConnection options:\n");
	printf("  -d, --dbname=DBNAME      database to connect to (or a connection string)\n");
	printf("  -h, --host=HOSTNAME      database server host or socket directory\n");
	printf("  -p, --port=PORT          database server port\n");
	printf("  -U, --username=USERNAME  user name to connect as\n");
	printf("  -w, --no-password        never prompt for password\n");
	printf("  -W, --password           force password prompt\n");
	printf("\nExit status: 0 when the file was written, 1 when the server refused or the\n"
		   "file could not be written, 2 for bad options or no connection.\n");
}

/* Report a failed statement with the server's message, detail and hint. */
static void
report_error(const PGresult *res)
{
	const char *detail = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL);
	const char *hint = PQresultErrorField(res, PG_DIAG_MESSAGE_HINT);

	pg_log_error("%s", PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY));
	if (detail)
		pg_log_error_detail("%s", detail);
	if (hint)
		pg_log_error_hint("%s", hint);
}

/* Write the bytes to path through a temporary file renamed into place. */
static bool
write_file(const char *path, const char *data, size_t len)
{
	char	   *tmp;
	int			fd;
	size_t		done = 0;

	if (strcmp(path, "-") == 0)
		return fwrite(data, 1, len, stdout) == len && fflush(stdout) == 0;
	tmp = psprintf("%s.tmp%d", path, (int) getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | PG_BINARY, 0644);
	if (fd < 0)
	{
		pg_log_error("could not create file \"%s\": %m", tmp);
		return false;
	}
	while (done < len)
	{
		ssize_t		n = write(fd, data + done, len - done);

		if (n <= 0)
		{
			pg_log_error("could not write file \"%s\": %m", tmp);
			close(fd);
			unlink(tmp);
			return false;
		}
		done += n;
	}
	if (fsync(fd) != 0 || close(fd) != 0 || rename(tmp, path) != 0)
	{
		pg_log_error("could not write file \"%s\": %m", path);
		unlink(tmp);
		return false;
	}
	free(tmp);
	return true;
}

int
main(int argc, char **argv)
{
	static struct option long_options[] = {
		{"assessment", required_argument, NULL, 'a'},
		{"output", required_argument, NULL, 'o'},
		{"language", required_argument, NULL, 'l'},
		{"mark-sent", no_argument, NULL, 1},
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
	const char *assessment = NULL;
	const char *output = NULL;
	const char *language = "ja";
	const char *dbname = NULL;
	const char *host = NULL;
	const char *port = NULL;
	const char *username = NULL;
	KansaPrompt prompt = KANSA_PROMPT_IF_NEEDED;
	bool		mark_sent = false;
	PGconn	   *conn;
	PGresult   *res;
	const char *params[2];
	int			c;
	int			optindex;
	char	   *end;

	pg_logging_init(argv[0]);
	progname = get_progname(argv[0]);
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-?") == 0))
	{
		usage();
		exit(0);
	}
	if (argc > 1 && (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0))
	{
		printf("%s (kansa) %s\n", progname, KANSA_VERSION);
		exit(0);
	}
	while ((c = getopt_long(argc, argv, "a:o:l:d:h:p:U:wWV?", long_options, &optindex)) != -1)
	{
		switch (c)
		{
			case 'a':
				assessment = optarg;
				break;
			case 'o':
				output = optarg;
				break;
			case 'l':
				language = optarg;
				break;
			case 1:
				mark_sent = true;
				break;
			case 'd':
				dbname = optarg;
				break;
			case 'h':
				host = optarg;
				break;
			case 'p':
				port = optarg;
				break;
			case 'U':
				username = optarg;
				break;
			case 'w':
				prompt = KANSA_PROMPT_NEVER;
				break;
			case 'W':
				prompt = KANSA_PROMPT_ALWAYS;
				break;
			case 'V':
				printf("%s (kansa) %s\n", progname, KANSA_VERSION);
				exit(0);
			default:
				pg_log_error_hint("Try \"%s --help\" for more information.", progname);
				exit(EXIT_USAGE);
		}
	}
	if (optind < argc)
	{
		pg_log_error("too many command-line arguments (first is \"%s\")", argv[optind]);
		pg_log_error_hint("Try \"%s --help\" for more information.", progname);
		exit(EXIT_USAGE);
	}
	if (assessment == NULL)
	{
		pg_log_error("no assessment given");
		pg_log_error_hint("Give the assessment with --assessment N (kansa.assessment_summary lists them).");
		exit(EXIT_USAGE);
	}
	errno = 0;
	if (strtoll(assessment, &end, 10) <= 0 || *end != '\0' || errno != 0)
	{
		pg_log_error("invalid assessment \"%s\": a positive integer was expected", assessment);
		exit(EXIT_USAGE);
	}
	if (strcmp(language, "ja") != 0 && strcmp(language, "en") != 0)
	{
		pg_log_error("invalid language \"%s\": ja or en was expected", language);
		exit(EXIT_USAGE);
	}
	if (output == NULL)
		output = psprintf("followup-%s.xlsx", assessment);

	{
		KansaConnOptions conn_opts = {dbname, host, port, username, prompt};

		/* UTF-8, unless PGCLIENTENCODING says otherwise */
		conn = kansa_connect(&conn_opts, progname,
							 getenv("PGCLIENTENCODING") == NULL ? "UTF8" : NULL);
	}
	params[0] = assessment;
	params[1] = language;
	/* the workbook in binary: the bytes as the server made them */
	res = PQexecParams(conn, "SELECT kansa.followup_sheet($1::pg_catalog.int8, $2)",
					   2, NULL, params, NULL, NULL, 1);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
	{
		report_error(res);
		PQclear(res);
		PQfinish(conn);
		exit(EXIT_FAILED);
	}
	if (PQntuples(res) != 1 || PQgetisnull(res, 0, 0))
		pg_fatal("the server returned no workbook");
	if (!write_file(output, PQgetvalue(res, 0, 0), PQgetlength(res, 0, 0)))
	{
		PQclear(res);
		PQfinish(conn);
		exit(EXIT_FAILED);
	}
	PQclear(res);

	if (mark_sent)
	{
		const char *sparams[2];

		sparams[0] = assessment;
		sparams[1] = output;
		res = PQexecParams(conn,
						   "SELECT pg_catalog.count(*) FROM kansa.findings AS f, "
						   "LATERAL kansa.finding_send(f.finding_id, 'follow-up sheet ' OPERATOR(pg_catalog.||) $2) AS s "
						   "WHERE f.assessment_id OPERATOR(pg_catalog.=) $1::pg_catalog.int8 "
						   "AND f.state OPERATOR(pg_catalog.=) 'open'",
						   2, NULL, sparams, NULL, NULL, 0);
		if (PQresultStatus(res) != PGRES_TUPLES_OK)
		{
			report_error(res);
			pg_log_error_detail("The sheet was written to \"%s\"; no finding was marked sent.", output);
			PQclear(res);
			PQfinish(conn);
			exit(EXIT_FAILED);
		}
		if (strcmp(output, "-") != 0)
			printf("%s: %s findings marked sent\n", output, PQgetvalue(res, 0, 0));
		PQclear(res);
	}
	else if (strcmp(output, "-") != 0)
		printf("%s\n", output);
	PQfinish(conn);
	return 0;
}
