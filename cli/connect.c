/*-------------------------------------------------------------------------
 *
 * connect.c
 *	  The connection of kansa's clients, made as PostgreSQL's own clients
 *	  make it: -d may be a connection string or URI, whose settings win
 *	  over -h, -p and -U; libpq reads the PG* environment variables; a
 *	  password is asked for when the server wants one, unless -w.
 *
 * cli/connect.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres_fe.h"

#include "common/logging.h"
#include "common/string.h"
#include "connect.h"

/*
 * Connect, or exit with KANSA_EXIT_USAGE saying why.  client_encoding is
 * the encoding to ask for, or NULL for libpq's default (PGCLIENTENCODING).
 */
PGconn *
kansa_connect(const KansaConnOptions *opts, const char *progname,
			  const char *client_encoding)
{
	const char *keywords[8];
	const char *values[8];
	char	   *password = NULL;
	PGconn	   *conn;

	if (opts->prompt == KANSA_PROMPT_ALWAYS)
		password = simple_prompt("Password: ", false);

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
		keywords[n] = "client_encoding";
		values[n++] = client_encoding;
		keywords[n] = NULL;
		values[n] = NULL;

		conn = PQconnectdbParams(keywords, values, 1);
		if (conn == NULL)
		{
			pg_log_error("could not connect to the database: out of memory");
			exit(KANSA_EXIT_USAGE);
		}
		if (PQstatus(conn) == CONNECTION_BAD &&
			PQconnectionNeedsPassword(conn) &&
			password == NULL &&
			opts->prompt != KANSA_PROMPT_NEVER)
		{
			char	   *prompt = psprintf("Password for user %s: ", PQuser(conn));

			PQfinish(conn);
			password = simple_prompt(prompt, false);
			free(prompt);
			continue;
		}
		break;
	}

	if (password != NULL)
	{
		explicit_bzero(password, strlen(password));
		free(password);
	}

	if (PQstatus(conn) != CONNECTION_OK)
	{
		char	   *msg = kansa_trimmed_message(PQerrorMessage(conn));

		pg_log_error("%s", msg);
		free(msg);
		PQfinish(conn);
		exit(KANSA_EXIT_USAGE);
	}
	return conn;
}

/* A copy of a message (NULL: none) without its trailing blanks and newlines. */
char *
kansa_trimmed_message(const char *msg)
{
	size_t		len;

	if (msg == NULL)
		msg = "";
	len = strlen(msg);
	while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == ' ' ||
					   msg[len - 1] == '\t' || msg[len - 1] == '\r'))
		len--;
	return pnstrdup(msg, len);
}
