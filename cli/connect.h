/*-------------------------------------------------------------------------
 *
 * connect.h
 *	  What kansa's clients (kansa-import, kansa-report, kansa-followup)
 *	  share: their connection options, the connection made the way
 *	  PostgreSQL's own clients make it, and server messages trimmed for
 *	  one line.
 *
 * cli/connect.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef KANSA_CLI_CONNECT_H
#define KANSA_CLI_CONNECT_H

#include "libpq-fe.h"

/* Exit status of every client for bad options or no connection. */
#define KANSA_EXIT_USAGE	2

typedef enum KansaPrompt
{
	KANSA_PROMPT_IF_NEEDED,		/* ask when the server wants a password */
	KANSA_PROMPT_ALWAYS,		/* -W */
	KANSA_PROMPT_NEVER			/* -w */
} KansaPrompt;

/* -d, -h, -p, -U, -w and -W, as psql takes them */
typedef struct KansaConnOptions
{
	const char *dbname;
	const char *host;
	const char *port;
	const char *username;
	KansaPrompt prompt;
} KansaConnOptions;

extern PGconn *kansa_connect(const KansaConnOptions *opts, const char *progname,
							 const char *client_encoding);
extern char *kansa_trimmed_message(const char *msg);

#endif							/* KANSA_CLI_CONNECT_H */
