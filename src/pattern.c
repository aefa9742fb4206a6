/*-------------------------------------------------------------------------
 *
 * pattern.c
 *	  The ASP・SaaS guideline's service patterns 1–6 (the ASP・SaaS guideline, I.7): from
 *	  the confidentiality and availability a service requires (integrity is
 *	  always high), and the key service types are matched by.
 *
 *	  pattern  confidentiality  availability
 *	     1         high            high
 *	     2         high            medium
 *	     3         high            low
 *	     4         low             high
 *	     5         low             medium
 *	     6         low             low
 *
 * src/pattern.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "utils/builtins.h"

#include "normalize.h"

#define LEVEL_HIGH		1
#define LEVEL_MEDIUM	2
#define LEVEL_LOW		3

/*
 * A requirement level: high/medium/low, 高/中/低, H/M/L in any case and
 * width.  0 when the text is none of them.
 */
static int
parse_level(text *t)
{
	int			len;
	char	   *f = kansa_fold(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t),
							   KANSA_FOLD_LOWER, true, &len);

	if (strcmp(f, "high") == 0 || strcmp(f, "高") == 0 || strcmp(f, "h") == 0)
		return LEVEL_HIGH;
	if (strcmp(f, "medium") == 0 || strcmp(f, "中") == 0 || strcmp(f, "m") == 0)
		return LEVEL_MEDIUM;
	if (strcmp(f, "low") == 0 || strcmp(f, "低") == 0 || strcmp(f, "l") == 0)
		return LEVEL_LOW;
	return 0;
}

/* The pattern of a high or low confidentiality and an availability level. */
static int
pattern_of(bool confidential, text *availability)
{
	int			a = parse_level(availability);

	if (a == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid availability requirement \"%s\"",
						text_to_cstring(availability)),
				 errhint("Use high, medium or low (also 高, 中, 低 or H, M, L).")));
	return (confidential ? 0 : 3) + a;
}

PG_FUNCTION_INFO_V1(kansa_saas_pattern);

/* saas_pattern(confidentiality text, availability text) */
Datum
kansa_saas_pattern(PG_FUNCTION_ARGS)
{
	text	   *c = PG_GETARG_TEXT_PP(0);
	int			level = parse_level(c);

	if (level != LEVEL_HIGH && level != LEVEL_LOW)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid confidentiality requirement \"%s\"",
						text_to_cstring(c)),
				 errhint("Use high or low (also 高, 低 or H, L): the guideline rates confidentiality high whenever personal information or trade secrets are handled.")));
	PG_RETURN_INT32(pattern_of(level == LEVEL_HIGH, PG_GETARG_TEXT_PP(1)));
}

PG_FUNCTION_INFO_V1(kansa_saas_pattern_bool);

/* saas_pattern(handles_personal_or_secret boolean, availability text) */
Datum
kansa_saas_pattern_bool(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(pattern_of(PG_GETARG_BOOL(0), PG_GETARG_TEXT_PP(1)));
}

PG_FUNCTION_INFO_V1(kansa_service_type_key);

/*
 * service_type_key(text): the text service types are matched by: NFKC
 * (full-width letters and brackets made ASCII), ASCII lower case, no
 * blanks.  "EC サポート（電子商取引…）" and "ecサポート(電子商取引…)" agree.
 */
Datum
kansa_service_type_key(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int			len;
	char	   *f = kansa_fold(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t),
							   KANSA_FOLD_LOWER | KANSA_FOLD_DASH |
							   KANSA_FOLD_CONTROLS, true, &len);
	char	   *o = f;
	char	   *p;

	for (p = f; *p; p++)
		if (*p != ' ')
			*o++ = *p;
	*o = '\0';
	PG_RETURN_TEXT_P(cstring_to_text_with_len(f, o - f));
}
