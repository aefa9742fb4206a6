/*-------------------------------------------------------------------------
 *
 * report.c
 *	  HTML escaping for kansa.report_html(), the one place where text
 *	  becomes markup.
 *
 *	  Every value the report shows -- a vendor's answer above all, which is
 *	  hostile input, but also names, titles and numbers -- passes through
 *	  kansa.html_escape() before it is placed between tags or inside a
 *	  quoted attribute.  The five characters that can end a text node or an
 *	  attribute value (& < > " ') become character references, so nothing a
 *	  value holds can open a tag, close an attribute, start a comment or a
 *	  CDATA section, or end the page's <style>.  Control characters, which
 *	  HTML does not allow in text (the WHATWG parser reports them as errors
 *	  and a NUL is replaced), are dropped, but for tab, line feed and
 *	  carriage return.
 *
 * src/report.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

/* How many input bytes between checks for a cancel request. */
#define ESCAPE_CHUNK	65536

PG_FUNCTION_INFO_V1(kansa_html_escape);

/*
 * Append the escaped form of len bytes of UTF-8 text to buf.
 */
static void
append_html_escaped(StringInfo buf, const char *s, int len)
{
	const unsigned char *p = (const unsigned char *) s;
	const unsigned char *end = p + len;
	const unsigned char *run = p;	/* start of bytes copied as they are */

	while (p < end)
	{
		const char *ref = NULL;
		int			skip = 1;

		if (((p - (const unsigned char *) s) % ESCAPE_CHUNK) == 0)
			CHECK_FOR_INTERRUPTS();

		switch (*p)
		{
			case '&':
				ref = "&amp;";
				break;
			case '<':
				ref = "&lt;";
				break;
			case '>':
				ref = "&gt;";
				break;
			case '"':
				ref = "&quot;";
				break;
			case '\'':
				ref = "&#39;";
				break;
			case '\t':
			case '\n':
			case '\r':
				break;
			default:
				if (*p < 0x20 || *p == 0x7f)
					ref = "";	/* C0 control or DEL: dropped */
				else if (*p == 0xc2 && p + 1 < end && p[1] >= 0x80 && p[1] <= 0x9f)
				{
					ref = "";	/* C1 control (U+0080..U+009F): dropped */
					skip = 2;
				}
				break;
		}

		if (ref != NULL)
		{
			appendBinaryStringInfo(buf, (const char *) run, p - run);
			appendStringInfoString(buf, ref);
			p += skip;
			run = p;
		}
		else
			p++;
	}
	appendBinaryStringInfo(buf, (const char *) run, p - run);
}

/*
 * kansa.html_escape(text) returns text: the text made safe to place between
 * HTML tags or inside a quoted attribute value.
 */
Datum
kansa_html_escape(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	int			len = VARSIZE_ANY_EXHDR(in);
	StringInfoData buf;
	text	   *result;

	/* &quot; is the longest reference: six bytes for one */
	if ((Size) len * 6 + VARHDRSZ + 1 > MaxAllocSize)
	{
		/* the worst case may not arise: count what the text needs */
		Size		need = 0;
		const char *p = VARDATA_ANY(in);
		int			i;

		for (i = 0; i < len; i++)
		{
			if ((i % ESCAPE_CHUNK) == 0)
				CHECK_FOR_INTERRUPTS();
			switch (p[i])
			{
				case '&':
				case '\'':
					need += 5;
					break;
				case '<':
				case '>':
					need += 4;
					break;
				case '"':
					need += 6;
					break;
				default:
					need += 1;
					break;
			}
		}
		if (need + VARHDRSZ + 1 > MaxAllocSize)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("escaped text would be too long"),
					 errdetail("The text of %d bytes would need %zu bytes escaped; at most %zu are allowed.",
							   len, need, (Size) (MaxAllocSize - VARHDRSZ - 1))));
	}

	initStringInfo(&buf);
	append_html_escaped(&buf, VARDATA_ANY(in), len);
	result = cstring_to_text_with_len(buf.data, buf.len);
	pfree(buf.data);
	PG_FREE_IF_COPY(in, 0);
	PG_RETURN_TEXT_P(result);
}
