/*-------------------------------------------------------------------------
 *
 * evidence.c
 *	  The kansa.evidence type, a reference to verifiable evidence, and
 *	  extract_evidence(), which finds the references a vendor's answer cites.
 *
 * Kinds and canonical text forms (the stored value is the canonical text,
 * so byte equality is value equality):
 *	 url:https://host/path		scheme and host lower-cased, trailing
 *								punctuation and brackets stripped
 *	 cert:[STANDARD/]NUMBER		a certification registration number as
 *								issued, upper case, with the standard named
 *								next to it when there is one
 *								(cert:ISO27001/JQA-IM1944)
 *	 clause:framework:local		a cited clause, as a control_id
 *								(clause:iso27001:A.12.3)
 *	 doc:NAME[#ARTICLE]			a named document a customer can read, blanks
 *								removed (doc:利用規約#第11条)
 *	 report:NAME				an assurance report (report:SOC2-Type2)
 *
 * src/evidence.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "canon.h"
#include "control_id.h"
#include "evidence.h"
#include "kansa.h"
#include "normalize.h"

#define EVIDENCE_MAX_INPUT		4096
#define EVIDENCE_URL_MAXLEN		2048
#define EVIDENCE_NAME_MAXLEN	256

static const char *const evidence_kinds[] = {"url", "cert", "clause", "doc", "report"};

/* Standards a certification number may be tied to, as written in cert:. */
static const char *const cert_standards[] = {
	"ISO27001", "ISO27017", "ISO27018", "ISO27701", "ISO9001", "ISO14001",
	"ISO20000", "ISO22301", "PMARK", "ISMAP"
};

/* Characters stripped from the end of a URL: punctuation and brackets. */
static bool
url_trailing(unsigned char c)
{
	return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' ||
		c == '?' || c == ')' || c == ']' || c == '}' || c == '>' ||
		c == '\'' || c == '"';
}

/* Append the canonical URL of [s, s+len), or return false. */
static bool
canon_url(const char *s, int len, StringInfo out)
{
	int			i;
	int			hostend;
	int			start = out->len;

	/* strip trailing punctuation and CJK closing brackets and periods */
	for (;;)
	{
		if (len > 0 && url_trailing((unsigned char) s[len - 1]))
			len--;
		else if (len >= 3 && (unsigned char) s[len - 3] == 0xE3 &&
				 (unsigned char) s[len - 2] == 0x80 &&
				 ((unsigned char) s[len - 1] == 0x82 ||	/* 。 */
				  (unsigned char) s[len - 1] == 0x81 ||	/* 、 */
				  (unsigned char) s[len - 1] == 0x8D ||	/* 」 */
				  (unsigned char) s[len - 1] == 0x8F ||	/* 』 */
				  (unsigned char) s[len - 1] == 0x91))	/* 】 */
			len -= 3;
		else
			break;
	}
	if (len > EVIDENCE_URL_MAXLEN)
		return false;
	if (len > 8 && pg_strncasecmp(s, "https://", 8) == 0)
		i = 8;
	else if (len > 7 && pg_strncasecmp(s, "http://", 7) == 0)
		i = 7;
	else
		return false;
	for (hostend = i; hostend < len && s[hostend] != '/' && s[hostend] != '?' &&
		 s[hostend] != '#'; hostend++)
	{
		char		c = s[hostend];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			  (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':'))
			return false;
	}
	if (hostend == i)
		return false;
	for (int k = 0; k < hostend; k++)
		appendStringInfoChar(out, pg_ascii_tolower((unsigned char) s[k]));
	for (int k = hostend; k < len; k++)
	{
		unsigned char c = s[k];

		if (c <= 0x20 || c == 0x7F || c == '<' || c == '>' || c == '"')
		{
			out->len = start;
			out->data[start] = '\0';
			return false;
		}
		appendStringInfoChar(out, c);
	}
	return true;
}

/* Append the canonical certification reference of [s, s+len). */
static bool
canon_cert(const char *s, int len, StringInfo out)
{
	StringInfoData buf;
	char	   *slash;
	int			i;
	bool		ok = true;

	initStringInfo(&buf);
	for (i = 0; i < len; i++)
	{
		char		c = s[i];

		if (c == ' ')
			continue;
		c = pg_ascii_toupper((unsigned char) c);
		if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
			  c == '/' || c == '_' || c == '.'))
			ok = false;
		appendStringInfoChar(&buf, c);
	}
	if (!ok || buf.len == 0 || buf.len > 64 || buf.data[0] == '/' ||
		buf.data[buf.len - 1] == '/')
		return false;
	/* a leading standard must be one we know, else it is part of the number */
	slash = strchr(buf.data, '/');
	if (slash != NULL)
	{
		for (i = 0; i < (int) lengthof(cert_standards); i++)
			if ((int) strlen(cert_standards[i]) == slash - buf.data &&
				memcmp(cert_standards[i], buf.data, slash - buf.data) == 0)
				break;
		/* an unknown "standard" made only of letters is an error */
		if (i == (int) lengthof(cert_standards) &&
			strspn(buf.data, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == (size_t) (slash - buf.data))
			return false;
	}
	appendBinaryStringInfo(out, buf.data, buf.len);
	return true;
}

/*
 * Append the document reference of [s, s+len) with blanks removed, except
 * one between two ASCII words (one pass of canon_doc).
 */
static bool
canon_doc_once(const char *s, int len, StringInfo out)
{
	int			i;
	int			start = out->len;
	int			hashes = 0;

	for (i = 0; i < len; i++)
	{
		unsigned char c = s[i];

		/* blanks go, except between two ASCII words ("Terms of Service") */
		if (c == ' ')
		{
			if (i > 0 && i + 1 < len && (unsigned char) s[i - 1] < 0x80 &&
				(unsigned char) s[i + 1] < 0x80 && s[i - 1] != ' ' &&
				s[i + 1] != ' ' && s[i - 1] != '#' && s[i + 1] != '#')
				appendStringInfoChar(out, ' ');
			continue;
		}
		if (c < 0x20 || c == 0x7F)
			return false;
		if (c == '#')
			hashes++;
		appendStringInfoChar(out, c);
	}
	if (out->len == start || out->data[start] == '#' || hashes > 1 ||
		out->data[out->len - 1] == '#' || out->len - start > EVIDENCE_NAME_MAXLEN)
		return false;
	return true;
}

/*
 * Append the canonical document reference of [s, s+len).  A blank removed
 * before a combining mark (NFKC makes "¨" a space and U+0308) leaves the
 * mark to compose with the letter before it, so the name is put through
 * NFKC again, and its blanks removed again, until it no longer changes:
 * the canonical text then reads back as itself.  Each further pass removes
 * a blank, so this ends.
 */
static bool
canon_doc(const char *s, int len, StringInfo out)
{
	int			start = out->len;

	for (;;)
	{
		char	   *folded;
		int			flen;

		if (!canon_doc_once(s, len, out))
			return false;
		folded = kansa_fold(out->data + start, out->len - start, 0, true, &flen);
		if (flen == out->len - start &&
			memcmp(folded, out->data + start, flen) == 0)
			return true;
		s = folded;
		len = flen;
		out->len = start;
		out->data[start] = '\0';
	}
}

/* Append the canonical report name of [s, s+len): SOC2-Type2 and the like. */
static bool
canon_report(const char *s, int len, StringInfo out)
{
	char		buf[64];
	int			n = 0;
	int			i;
	int			base;
	const char *type;

	for (i = 0; i < len; i++)
	{
		char		c = s[i];

		if (c == ' ' || c == '-' || c == '_')
			continue;
		if (n >= (int) sizeof(buf) - 1)
			return false;
		buf[n++] = pg_ascii_toupper((unsigned char) c);
	}
	buf[n] = '\0';
	if (n >= 4 && memcmp(buf, "SOC", 3) == 0 && buf[3] >= '1' && buf[3] <= '3')
		base = 4;
	else if (n >= 8 && memcmp(buf, "ISAE", 4) == 0 &&
			 strspn(buf + 4, "0123456789") == 4)
		base = 8;
	else if (n >= 6 && memcmp(buf, "SSAE", 4) == 0 &&
			 strspn(buf + 4, "0123456789") == 2)
		base = 6;
	else
		return false;
	type = buf + base;
	if (*type == '\0')
	{
		appendBinaryStringInfo(out, buf, base);
		return true;
	}
	if (strcmp(type, "TYPE1") == 0 || strcmp(type, "TYPEI") == 0)
		type = "-Type1";
	else if (strcmp(type, "TYPE2") == 0 || strcmp(type, "TYPEII") == 0)
		type = "-Type2";
	else
		return false;
	appendBinaryStringInfo(out, buf, base);
	appendStringInfoString(out, type);
	return true;
}

/*
 * Parse the text form "kind:ref" of evidence.  Returns the canonical value
 * (an Evidence), or NULL (when throw_error is false) after a failure.  It
 * is the type's parser for canon.c, hence the void pointer.
 */
static void *
evidence_parse(const char *str, size_t len, bool throw_error)
{
	char	   *norm;
	int			normlen;
	StringInfoData out;
	const char *colon;
	int			kind;
	bool		ok = false;
	const char *detail = NULL;
	Evidence   *result;

	kansa_check_text_size(len);
	if (len > EVIDENCE_MAX_INPUT)
	{
		detail = psprintf("The input is longer than %d bytes.", EVIDENCE_MAX_INPUT);
		goto fail;
	}
	norm = kansa_fold(str, len, 0, throw_error, &normlen);
	if (norm == NULL)
		return NULL;

	colon = strchr(norm, ':');
	if (colon == NULL)
	{
		detail = "Evidence is a kind (url, cert, clause, doc, report), a colon and a reference, as in \"doc:利用規約#第11条\".";
		goto fail;
	}
	for (kind = 0; kind < (int) lengthof(evidence_kinds); kind++)
		if ((int) strlen(evidence_kinds[kind]) == colon - norm &&
			pg_strncasecmp(evidence_kinds[kind], norm, colon - norm) == 0)
			break;
	if (kind == (int) lengthof(evidence_kinds))
	{
		detail = psprintf("\"%.*s\" is not a kind of evidence; the kinds are url, cert, clause, doc and report.",
						  (int) (colon - norm), norm);
		goto fail;
	}

	initStringInfo(&out);
	appendStringInfo(&out, "%s:", evidence_kinds[kind]);
	{
		const char *ref = colon + 1;
		int			reflen = normlen - (ref - norm);

		while (reflen > 0 && *ref == ' ')
			ref++, reflen--;
		switch (kind)
		{
			case 0:
				ok = canon_url(ref, reflen, &out);
				if (!ok)
					detail = "A url reference is an http or https URL with a host name and no blanks.";
				break;
			case 1:
				ok = canon_cert(ref, reflen, &out);
				if (!ok)
					detail = "A cert reference is a registration number (letters, digits, - / _ .), optionally after a known standard and a slash, as in ISO27001/JQA-IM1944.";
				break;
			case 2:
				{
					ControlId  *cid = control_id_from_string(ref, reflen, false);

					ok = (cid != NULL);
					if (ok)
						appendBinaryStringInfo(&out, VARDATA_ANY(cid), VARSIZE_ANY_EXHDR(cid));
					else
						detail = "A clause reference is a control_id, as in iso27001:A.12.3.";
					break;
				}
			case 3:
				ok = canon_doc(ref, reflen, &out);
				if (!ok)
					detail = psprintf("A doc reference is a document name, optionally followed by # and an article, at most %d bytes.",
									  EVIDENCE_NAME_MAXLEN);
				break;
			case 4:
				ok = canon_report(ref, reflen, &out);
				if (!ok)
					detail = "A report reference is SOC1, SOC2, SOC3 (optionally Type1 or Type2), ISAE followed by four digits, or SSAE followed by two.";
				break;
		}
	}
	if (ok)
	{
		result = (Evidence *) palloc(VARHDRSZ + out.len);
		SET_VARSIZE(result, VARHDRSZ + out.len);
		memcpy(VARDATA(result), out.data, out.len);
		return result;
	}

fail:
	if (throw_error)
		kansa_invalid_input("evidence", str, len, detail);
	return NULL;
}

/* The canonical text is the payload, sent after the format byte. */
static const CanonType evidence_canon = {
	.name = "evidence",
	.format = KANSA_EVIDENCE_FORMAT,
	.parse = evidence_parse,
};

CANON_IO_FUNCTIONS(&evidence_canon, evidence_in, evidence_out, evidence_recv,
				   evidence_send, evidence_from_text, evidence_is_valid);

/* Byte order of two canonical values: by kind name, then reference. */
static int
evidence_compare(const Evidence *a, const Evidence *b)
{
	int			la = VARSIZE_ANY_EXHDR(a);
	int			lb = VARSIZE_ANY_EXHDR(b);
	int			c = memcmp(VARDATA_ANY(a), VARDATA_ANY(b), Min(la, lb));

	if (c != 0)
		return c < 0 ? -1 : 1;
	return la < lb ? -1 : la > lb ? 1 : 0;
}

/* btree support function 1 and the order operators */
CANON_ORDER_FUNCTIONS(evidence_compare, evidence_cmp, evidence_lt, evidence_le,
					  evidence_gt, evidence_ge);

/* = and <>, and the hashes, of the canonical bytes */
CANON_EQUALITY_FUNCTIONS(evidence_eq, evidence_ne, evidence_hash,
						 evidence_hash_extended);

PG_FUNCTION_INFO_V1(evidence_kind);

/* kind(evidence): url, cert, clause, doc or report. */
Datum
evidence_kind(PG_FUNCTION_ARGS)
{
	Evidence   *e = PG_GETARG_EVIDENCE_PP(0);
	const char *p = VARDATA_ANY(e);
	const char *colon = memchr(p, ':', VARSIZE_ANY_EXHDR(e));

	PG_RETURN_TEXT_P(cstring_to_text_with_len(p, colon - p));
}

PG_FUNCTION_INFO_V1(evidence_ref);

/* ref(evidence): the reference after the kind. */
Datum
evidence_ref(PG_FUNCTION_ARGS)
{
	Evidence   *e = PG_GETARG_EVIDENCE_PP(0);
	const char *p = VARDATA_ANY(e);
	int			len = VARSIZE_ANY_EXHDR(e);
	const char *colon = memchr(p, ':', len);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(colon + 1, len - (colon + 1 - p)));
}

PG_FUNCTION_INFO_V1(evidence_to_control_id);

/* Cast clause evidence to the control_id it cites. */
Datum
evidence_to_control_id(PG_FUNCTION_ARGS)
{
	Evidence   *e = PG_GETARG_EVIDENCE_PP(0);
	const char *p = VARDATA_ANY(e);
	int			len = VARSIZE_ANY_EXHDR(e);

	if (len < 7 || memcmp(p, "clause:", 7) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("only clause evidence can be cast to control_id"),
				 errdetail("The evidence is \"%s\".", pnstrdup(p, len))));
	PG_RETURN_POINTER(control_id_from_string(p + 7, len - 7, true));
}

/* Is len bytes of text a valid evidence literal? */
bool
kansa_evidence_valid(const char *str, size_t len)
{
	return evidence_parse(str, len, false) != NULL;
}

/* The canonical text of a valid evidence literal (palloc'd). */
char *
kansa_evidence_canonical(const char *str)
{
	Evidence   *e = evidence_parse(str, strlen(str), true);

	return pnstrdup(VARDATA_ANY(e), VARSIZE_ANY_EXHDR(e));
}
