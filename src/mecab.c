/*-------------------------------------------------------------------------
 *
 * mecab.c
 *	  Japanese morphological analysis with MeCab: one tagger per backend,
 *	  made on first use from the dictionary the setting
 *	  kansa.mecab_dictionary names (MeCab maps the dictionary's files, so
 *	  every backend shares them through the page cache), and the tokens of
 *	  a text as kansa reads them.
 *
 * MeCab allocates with malloc.  What it holds is per backend and lives as
 * long as the backend (the model, the tagger, one lattice that every call
 * reuses), so an ERROR between two calls leaves nothing behind: the next
 * call resets the lattice.  The tokens are copied into palloc'd memory
 * before anything that can raise an ERROR runs.
 *
 * src/mecab.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <mecab.h>

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "kansa.h"
#include "tokens.h"

static mecab_model_t *model = NULL;
static mecab_t *tagger = NULL;
static mecab_lattice_t *lattice = NULL;
static char *model_dictionary = NULL;	/* malloc'd: what model was made from */

/* Let go of the tagger, so that the next use makes one anew. */
static void
mecab_release(void)
{
	if (lattice)
		mecab_lattice_destroy(lattice);
	if (tagger)
		mecab_destroy(tagger);
	if (model)
		mecab_model_destroy(model);
	lattice = NULL;
	tagger = NULL;
	model = NULL;
	free(model_dictionary);
	model_dictionary = NULL;
}

/*
 * The backend's lattice, made (or made again, when the setting names
 * another dictionary) on first use.  A dictionary MeCab cannot open is an
 * ERROR naming it and MeCab's own message.
 */
static mecab_lattice_t *
kansa_mecab_lattice(void)
{
	const char *dict = kansa_mecab_dictionary ? kansa_mecab_dictionary : "";

	if (model != NULL && strcmp(model_dictionary, dict) != 0)
		mecab_release();
	if (model == NULL)
	{
		char	   *argv[] = {"kansa", "-r", "/dev/null", "-d", (char *) dict};

		model = mecab_model_new(lengthof(argv), argv);
		if (model == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_FILE),
					 errmsg("could not load the MeCab dictionary \"%s\"", dict),
					 errdetail("%s", mecab_strerror(NULL)),
					 errhint("Set kansa.mecab_dictionary to a directory holding a compiled MeCab dictionary, such as /var/lib/mecab/dic/ipadic-utf8 (Debian package mecab-ipadic-utf8).")));
		tagger = mecab_model_new_tagger(model);
		lattice = tagger ? mecab_model_new_lattice(model) : NULL;
		model_dictionary = strdup(dict);
		if (tagger == NULL || lattice == NULL || model_dictionary == NULL)
		{
			mecab_release();
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("could not make a MeCab tagger for dictionary \"%s\"", dict)));
		}
	}
	return lattice;
}

/*
 * Split a MeCab feature string (comma-separated, a field with a comma in it
 * quoted) into at most max palloc'd fields; returns how many.
 */
static int
split_features(const char *f, char **fields, int max)
{
	int			n = 0;

	while (*f && n < max)
	{
		StringInfoData b;

		initStringInfo(&b);
		if (*f == '"')
		{
			for (f++; *f; f++)
			{
				if (*f == '"' && f[1] == '"')
					appendStringInfoChar(&b, *f++);
				else if (*f == '"')
				{
					f++;
					break;
				}
				else
					appendStringInfoChar(&b, *f);
			}
		}
		else
			for (; *f && *f != ','; f++)
				appendStringInfoChar(&b, *f);
		fields[n++] = b.data;
		if (*f == ',')
			f++;
	}
	return n;
}

/*
 * MeCab refuses a sentence whose lattice grows too large ("too long
 * sentence": 200,000 bytes of "a." fail, while a few hundred kilobytes of
 * other text pass), so text is analysed in pieces of at most
 * MECAB_CHUNK_BYTES, each cut after a line break, a full stop or a blank
 * near its end when there is one (else between two characters).  A word is
 * cut in two only in a run of that length with no such break.
 */
#define MECAB_CHUNK_BYTES 65536
#define MECAB_CHUNK_LOOKBACK 4096

/* Where to end the piece of str[start, len) that is analysed next. */
static size_t
chunk_end(const char *str, size_t start, size_t len)
{
	size_t		end = start + MECAB_CHUNK_BYTES;
	size_t		p;

	if (end >= len)
		return len;
	for (p = end; p > end - MECAB_CHUNK_LOOKBACK; p--)
	{
		const unsigned char *u = (const unsigned char *) str + p;

		if (u[-1] == '\n' || u[-1] == ' ' || u[-1] == '.' || u[-1] == '\t')
			return p;
		/* 。 (E3 80 82) and 、 (E3 80 81) */
		if (p >= start + 3 && u[-3] == 0xE3 && u[-2] == 0x80 &&
			(u[-1] == 0x82 || u[-1] == 0x81))
			return p;
	}
	/* no break near: between two characters */
	while (end > start && (((const unsigned char *) str)[end] & 0xC0) == 0x80)
		end--;
	return end > start ? end : start + MECAB_CHUNK_BYTES;
}

/*
 * Analyse len bytes of UTF-8 text; returns the number of tokens and a
 * palloc'd array of them in *out.
 */
int
kansa_tokens(const char *str, size_t len, KansaToken **out)
{
	mecab_lattice_t *lat;
	const mecab_node_t *node;
	int			n = 0;
	int			cap = 16;
	KansaToken *toks;
	size_t		start = 0;

	kansa_check_text_size(len);
	lat = kansa_mecab_lattice();
	toks = palloc(cap * sizeof(KansaToken));
	do
	{
		size_t		end = chunk_end(str, start, len);

		CHECK_FOR_INTERRUPTS();
		mecab_lattice_set_sentence2(lat, str + start, end - start);
		if (!mecab_parse_lattice(tagger, lat))
			ereport(ERROR,
					(errcode(ERRCODE_INTERNAL_ERROR),
					 errmsg("MeCab could not analyse the text"),
					 errdetail("%s", mecab_lattice_strerror(lat))));

		/* copy everything out first: nothing below raises until it is done */
		for (node = mecab_lattice_get_bos_node(lat); node != NULL; node = node->next)
		{
			char	   *fields[KANSA_TOKEN_MAX_FIELDS];
			int			nf;
			KansaToken *t;

			if (node->stat != MECAB_NOR_NODE && node->stat != MECAB_UNK_NODE)
				continue;
			if (n == cap)
			{
				cap *= 2;
				toks = repalloc(toks, cap * sizeof(KansaToken));
			}
			t = &toks[n];
			t->offset = node->surface - str;
			t->surface = pnstrdup(node->surface, node->length);
			nf = split_features(node->feature ? node->feature : "", fields,
								KANSA_TOKEN_MAX_FIELDS);
			t->nfields = nf;
			memcpy(t->fields, fields, nf * sizeof(char *));
			t->unknown = node->stat == MECAB_UNK_NODE;
			n++;
		}
		mecab_lattice_clear(lat);
		start = end;
	} while (start < len);
	*out = toks;
	return n;
}

/* A feature field, or NULL when it is missing or MeCab's "*". */
static const char *
field(const KansaToken *t, int i)
{
	return i < t->nfields && strcmp(t->fields[i], "*") != 0 ? t->fields[i] : NULL;
}

/*
 * The parts of a token in the layout of its dictionary: IPAdic and
 * NAIST-jdic give part of speech (4 levels), conjugation type and form, base
 * form; UniDic (more than 12 fields) part of speech (4), conjugation type
 * and form, then the lemma's reading and the lemma.
 */
void
kansa_token_parts(const KansaToken *t, const char **lemma, const char **pos,
				  char **pos_detail, const char **ctype, const char **cform)
{
	bool		unidic = t->nfields > 12;
	StringInfoData d;
	int			i;

	*pos = field(t, 0);
	initStringInfo(&d);
	for (i = 1; i <= 3; i++)
		if (field(t, i))
			appendStringInfo(&d, "%s%s", d.len ? "-" : "", field(t, i));
	*pos_detail = d.len ? d.data : NULL;
	*ctype = field(t, 4);
	*cform = field(t, 5);
	*lemma = field(t, unidic ? 7 : 6);
	if (*lemma == NULL)
		*lemma = t->surface;
}

PG_FUNCTION_INFO_V1(kansa_tokens_sql);

/*
 * tokens(text) returns setof (position, offset, surface, lemma,
 * part_of_speech, pos_detail, conjugation_type, conjugation_form, known):
 * the morphological analysis of a text, token by token.
 */
Datum
kansa_tokens_sql(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *t = PG_GETARG_TEXT_PP(0);
	KansaToken *toks;
	int			n;
	int			i;

	InitMaterializedSRF(fcinfo, 0);
	n = kansa_tokens(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &toks);
	for (i = 0; i < n; i++)
	{
		Datum		values[9];
		bool		nulls[9] = {0};
		const char *lemma,
				   *pos,
				   *ctype,
				   *cform;
		char	   *detail;
		const char *texts[6];
		int			k;

		CHECK_FOR_INTERRUPTS();
		kansa_token_parts(&toks[i], &lemma, &pos, &detail, &ctype, &cform);
		values[0] = Int32GetDatum(i + 1);
		values[1] = Int32GetDatum(toks[i].offset);
		texts[0] = toks[i].surface;
		texts[1] = lemma;
		texts[2] = pos;
		texts[3] = detail;
		texts[4] = ctype;
		texts[5] = cform;
		for (k = 0; k < 6; k++)
		{
			nulls[k + 2] = texts[k] == NULL;
			values[k + 2] = texts[k] ? CStringGetTextDatum(texts[k]) : (Datum) 0;
		}
		values[8] = BoolGetDatum(!toks[i].unknown);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
