/*-------------------------------------------------------------------------
 *
 * measure.c
 *	  The measure type: reference values and the figures vendors state
 *	  (frequencies, durations, ratios, generations, hours of coverage,
 *	  periods relative to the service period, and choices among named
 *	  options), with the comparison satisfies().
 *
 * One scanner, kansa_measure_scan(), reads a figure at a position of folded
 * text (NFKC, ASCII lower case); the input function requires it to consume
 * the whole value, extract_measures() runs it over free text.
 *
 * Unit conventions, used for every comparison, equality and hashing:
 *	a month is 1/12 of a year and a year 365 days, so 12 months equal a year
 *	and 6 months equal 182.5 days; a business day is 7/5 of a calendar day
 *	(five business days make a week, and "within 1 business day" may span a
 *	weekend).  Every unit is then a whole number of seconds, so values are
 *	compared exactly in 64-bit integers.  Amounts are limited to
 *	MEASURE_MAX_AMOUNT so that no product overflows.
 *
 * src/measure.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "canon.h"
#include "kansa.h"
#include "measure.h"
#include "normalize.h"

enum
{
	U_NONE = 0,
	U_MIN,
	U_HOUR,
	U_DAY,
	U_BDAY,
	U_WEEK,
	U_MONTH,
	U_YEAR,
	U_N
};

static const int64 unit_seconds[U_N] = {
	0, 60, 3600, 86400, 120960, 604800, 2628000, 31536000
};

static const char *const unit_names[U_N] = {
	"", "min", "h", "d", "bd", "w", "mo", "y"
};

const char *const kansa_measure_kind_names[MEASURE_N_KINDS] = {
	"none", "frequency", "duration", "ratio", "count", "coverage",
	"relative", "choice"
};

/*
 * Unit words, longest first where one is a prefix of another.  ASCII words
 * must not be followed by another ASCII letter.
 */
static const struct
{
	const char *word;
	int			unit;
}			unit_words[] = {
	{"business days", U_BDAY}, {"business day", U_BDAY}, {"営業日", U_BDAY},
	{"bd", U_BDAY},
	{"minutes", U_MIN}, {"minute", U_MIN}, {"mins", U_MIN}, {"min", U_MIN},
	{"分間", U_MIN}, {"分", U_MIN},
	{"hours", U_HOUR}, {"hour", U_HOUR}, {"hrs", U_HOUR}, {"hr", U_HOUR},
	{"時間", U_HOUR}, {"h", U_HOUR},
	{"days", U_DAY}, {"day", U_DAY}, {"日間", U_DAY}, {"日", U_DAY},
	{"d", U_DAY},
	{"weeks", U_WEEK}, {"week", U_WEEK}, {"週間", U_WEEK}, {"週", U_WEEK},
	{"w", U_WEEK},
	{"months", U_MONTH}, {"month", U_MONTH}, {"mo", U_MONTH},
	{"ヶ月間", U_MONTH}, {"ヶ月", U_MONTH}, {"か月間", U_MONTH},
	{"か月", U_MONTH}, {"カ月間", U_MONTH}, {"カ月", U_MONTH},
	{"ケ月間", U_MONTH}, {"ケ月", U_MONTH}, {"ヵ月間", U_MONTH},
	{"ヵ月", U_MONTH}, {"箇月", U_MONTH},
	{"years", U_YEAR}, {"year", U_YEAR}, {"yrs", U_YEAR}, {"yr", U_YEAR},
	{"年間", U_YEAR}, {"年", U_YEAR}, {"y", U_YEAR},
};

/* Words that are a frequency by themselves: once per amount units. */
static const struct
{
	const char *word;
	int			amount;
	int			unit;
}			frequency_words[] = {
	{"毎時", 1, U_HOUR}, {"hourly", 1, U_HOUR},
	{"毎日", 1, U_DAY}, {"日次", 1, U_DAY}, {"日毎", 1, U_DAY},
	{"daily", 1, U_DAY}, {"every day", 1, U_DAY},
	{"毎週", 1, U_WEEK}, {"週次", 1, U_WEEK}, {"週毎", 1, U_WEEK},
	{"週ごと", 1, U_WEEK}, {"weekly", 1, U_WEEK}, {"every week", 1, U_WEEK},
	{"毎月", 1, U_MONTH}, {"月次", 1, U_MONTH}, {"月毎", 1, U_MONTH},
	{"月ごと", 1, U_MONTH}, {"monthly", 1, U_MONTH},
	{"every month", 1, U_MONTH},
	{"四半期ごと", 3, U_MONTH}, {"四半期毎", 3, U_MONTH},
	{"四半期", 3, U_MONTH}, {"quarterly", 3, U_MONTH},
	{"半期ごと", 6, U_MONTH}, {"半期毎", 6, U_MONTH}, {"半年ごと", 6, U_MONTH},
	{"半年毎", 6, U_MONTH},
	{"毎年", 1, U_YEAR}, {"年次", 1, U_YEAR}, {"annually", 1, U_YEAR},
	{"yearly", 1, U_YEAR}, {"every year", 1, U_YEAR},
};

/*
 * The options a choice can name, and the words that name them.  A part of a
 * choice names the first option one of whose words it contains, so the
 * specific come before the general (ホットスタンバイ before 可能, ワンタイム
 * パスワード before パスワード).  Words are folded and without blanks.  The
 * bit of an option is its index: never reorder, only append.
 */
static const struct
{
	const char *name;
	const char *words[8];
}			choice_options[] = {
	{"yes", {"実施済み", "実施済", "実施", "可能", "設置", "あり", "有り", "yes"}},
	{"hot_standby", {"ホットスタンバイ", "hotstandby"}},
	{"cold_standby", {"コールドスタンバイ", "coldstandby"}},
	{"warm_standby", {"ウォームスタンバイ", "warmstandby"}},
	{"mfa", {"多要素", "二要素", "2要素", "二段階", "2段階", "mfa", "2fa", "multi-factor"}},
	{"otp", {"ワンタイムパスワード", "otp", "one-timepassword"}},
	{"certificate", {"証明書", "certificate"}},
	{"biometric", {"生体", "biometric"}},
	{"ic_card", {"icカード", "スマートカード", "smartcard", "iccard"}},
	{"password", {"パスワード", "password"}},
	{"vpn", {"vpn", "ipsec", "ip暗号通信"}},
	{"tls", {"ssl", "tls", "https", "http暗号通信"}},
	{"ssh", {"ssh"}},
	{"timestamp", {"時刻認証", "タイムスタンプ", "timestamp"}},
	{"signature", {"署名", "signature"}},
	{"print_digitization", {"印刷データ電子化", "printdigitization"}},
	{"gas_extinguisher", {"ガス系消火", "汚損対策消火", "gasextinguisher"}},
};

#define N_CHOICE_OPTIONS lengthof(choice_options)

/* The order options are tried in: specific before general ("yes" last). */
static const int choice_try_order[] = {
	1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 0
};

StaticAssertDecl(lengthof(choice_try_order) == N_CHOICE_OPTIONS,
				 "every choice option is tried");

/* ---------- scanning helpers over folded, NUL-terminated text ---------- */

static inline bool
is_ascii_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline void
skip_blanks(const char **p)
{
	while (**p == ' ')
		(*p)++;
}

/* Consume w at *p; ASCII words only where no ASCII letter follows. */
static bool
eat(const char **p, const char *w)
{
	size_t		n = strlen(w);

	if (strncmp(*p, w, n) != 0)
		return false;
	if (is_ascii_alpha(w[n - 1]) && is_ascii_alpha((*p)[n]))
		return false;
	*p += n;
	return true;
}

/* Consume w at *p; where w has a space the text may have blanks or none. */
static bool
eat_phrase(const char **p, const char *w)
{
	const char *q = *p;

	while (*w)
	{
		if (*w == ' ')
		{
			skip_blanks(&q);
			w++;
			continue;
		}
		if (*q != *w)
			return false;
		q++;
		w++;
	}
	if (is_ascii_alpha(w[-1]) && is_ascii_alpha(*q))
		return false;
	/* nor does one that ends in a digit before another: 24/7 in 24/70分 */
	if (w[-1] >= '0' && w[-1] <= '9' && *q >= '0' && *q <= '9')
		return false;
	*p = q;
	return true;
}

/* A unit word at *p: its unit, or U_NONE. */
static int
scan_unit(const char **p)
{
	int			i;

	for (i = 0; i < (int) lengthof(unit_words); i++)
		if (eat_phrase(p, unit_words[i].word))
			return unit_words[i].unit;
	return U_NONE;
}

/*
 * A number at *p: decimal digits with an optional fraction of up to four
 * digits, or one kanji numeral 一 to 十.  Returns the value times 10000, or
 * -1 when there is none or it is too large.
 */
static int64
scan_number(const char **p)
{
	static const char *const kanji[] = {
		"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"
	};
	static const char *const english[] = {
		"one", "two", "three", "four", "five", "six", "seven", "eight",
		"nine", "ten", "eleven", "twelve"
	};
	const char *q = *p;
	int64		v = 0;
	int			digits = 0;
	int			i;

	if (!(*q >= '0' && *q <= '9'))
	{
		for (i = 0; i < (int) lengthof(kanji); i++)
			if (eat(p, kanji[i]))
				return (int64) (i + 1) * 10000;
		for (i = 0; i < (int) lengthof(english); i++)
			if (eat_phrase(p, english[i]))
				return (int64) (i + 1) * 10000;
		return -1;
	}
	while (*q >= '0' && *q <= '9')
	{
		if (++digits > 9)
			return -1;
		v = v * 10 + (*q++ - '0');
	}
	v *= 10000;
	if (*q == '.' && q[1] >= '0' && q[1] <= '9')
	{
		int64		scale = 1000;

		q++;
		while (*q >= '0' && *q <= '9')
		{
			if (scale == 0)
				return -1;
			v += (*q++ - '0') * scale;
			scale /= 10;
		}
	}
	*p = q;
	return v;
}

/* A whole amount from scan_number's result, or -1. */
static int32
whole(int64 v)
{
	if (v < 0 || v % 10000 != 0 || v / 10000 > MEASURE_MAX_AMOUNT)
		return -1;
	return (int32) (v / 10000);
}

/*
 * A time of day at *p (9:00, 09:30, 9時, 18時30分, 9am, 6:30 pm, 午後6時):
 * minutes, or -1.  With am/pm or 午前/午後 the hour is at most 12 (12am
 * and 午前0時 are midnight, 12pm and 午後0時 noon).
 */
static int
scan_clock(const char **p)
{
	const char *q = *p;
	int			h = 0,
				m = 0,
				n = 0;
	int			half = 0;		/* 1 am, 2 pm */

	if (eat(&q, "午前"))
		half = 1;
	else if (eat(&q, "午後"))
		half = 2;
	while (*q >= '0' && *q <= '9' && n < 2)
		h = h * 10 + (*q++ - '0'), n++;
	if (n == 0)
		return -1;
	if (*q == ':' && q[1] >= '0' && q[1] <= '9' && q[2] >= '0' && q[2] <= '9')
	{
		m = (q[1] - '0') * 10 + (q[2] - '0');
		q += 3;
	}
	else if (eat(&q, "時"))
	{
		const char *r = q;
		int			mm = 0,
					k = 0;

		while (*r >= '0' && *r <= '9' && k < 2)
			mm = mm * 10 + (*r++ - '0'), k++;
		if (k > 0 && eat(&r, "分"))
		{
			m = mm;
			q = r;
		}
		else if (eat(&r, "半"))
		{
			m = 30;
			q = r;
		}
	}
	else if (half == 0)
	{
		/* 9am, 6 pm: the hour alone, then the half of the day */
		const char *r = q;

		skip_blanks(&r);
		if (!(eat_phrase(&r, "am") || eat_phrase(&r, "a.m.") ||
			  eat_phrase(&r, "pm") || eat_phrase(&r, "p.m.")))
			return -1;
	}
	else
		return -1;
	if (half == 0)
	{
		const char *r = q;

		skip_blanks(&r);
		if (eat_phrase(&r, "am") || eat_phrase(&r, "a.m."))
			half = 1, q = r;
		else if (eat_phrase(&r, "pm") || eat_phrase(&r, "p.m."))
			half = 2, q = r;
	}
	if (half != 0)
	{
		if (h > 12)
			return -1;
		h = h % 12 + (half == 2 ? 12 : 0);
	}
	if (h > 24 || m > 59 || (h == 24 && m != 0))
		return -1;
	*p = q;
	return h * 60 + m;
}

/* Hours of coverage: 24時間365日, 365日24時間, 24/7, 24x365, 平日9:00-18:00 … */
static bool
scan_coverage(const char **p, Measure *m)
{
	const char *q = *p;
	bool		weekdays = false;
	int			from,
				to;

	if (eat_phrase(&q, "24 時間 365 日") || eat_phrase(&q, "365 日 24 時間") ||
		eat_phrase(&q, "24 時間 / 365 日") || eat_phrase(&q, "24 時間・365 日") ||
		eat_phrase(&q, "24 / 7") || eat_phrase(&q, "24 x 7") ||
		eat_phrase(&q, "24 x 365") || eat_phrase(&q, "24 × 7") ||
		eat_phrase(&q, "24 × 365") || eat_phrase(&q, "24h365d") ||
		eat_phrase(&q, "24 hours a day, 365 days a year") ||
		eat_phrase(&q, "24 hours a day, 7 days a week") ||
		eat_phrase(&q, "24 hours a day") || eat_phrase(&q, "around the clock") ||
		eat_phrase(&q, "round the clock") || eat_phrase(&q, "round-the-clock") ||
		eat_phrase(&q, "24 時間稼働") || eat_phrase(&q, "24 時間体制") ||
		eat_phrase(&q, "24 時間常駐") || eat_phrase(&q, "24 時間有人"))
	{
		m->a = 0;
		m->b = 1440;
		goto found;
	}
	if (eat_phrase(&q, "24 x 5") || eat_phrase(&q, "24 × 5") ||
		eat_phrase(&q, "平日 24 時間"))
	{
		weekdays = true;
		m->a = 0;
		m->b = 1440;
		goto found;
	}
	if (eat(&q, "平日") || eat(&q, "weekdays") || eat(&q, "mon-fri"))
		weekdays = true;
	else if (!(eat(&q, "毎日") || eat(&q, "daily") || eat(&q, "every day")))
		return false;
	skip_blanks(&q);
	if ((from = scan_clock(&q)) < 0)
		return false;
	skip_blanks(&q);
	if (!(eat(&q, "-") || eat(&q, "~") || eat(&q, "〜") || eat(&q, "から") ||
		  eat(&q, "to") || eat(&q, "–") || eat(&q, "—")))
		return false;
	skip_blanks(&q);
	if ((to = scan_clock(&q)) < 0 || to == from)
		return false;
	m->a = from;
	m->b = to;
found:
	m->kind = MEASURE_COVERAGE;
	m->flags = weekdays ? MEASURE_WEEKDAYS : 0;
	*p = q;
	return true;
}

/* A bound word after a figure: 以内/以下/未満 or 以上, and English ones. */
static int
scan_bound_suffix(const char **p)
{
	const char *q = *p;

	skip_blanks(&q);
	if (eat(&q, "以内") || eat(&q, "以下") || eat(&q, "未満") ||
		eat(&q, "までに") || eat(&q, "まで") ||
		eat_phrase(&q, "or less") || eat_phrase(&q, "or sooner") ||
		eat_phrase(&q, "at most"))
	{
		*p = q;
		return MEASURE_AT_MOST;
	}
	if (eat(&q, "以上") || eat_phrase(&q, "or more") ||
		eat_phrase(&q, "or longer") || eat_phrase(&q, "at least"))
	{
		*p = q;
		return MEASURE_AT_LEAST;
	}
	return MEASURE_UNBOUNDED;
}

/* "every N units", "N unitsごと": the period, with *amount defaulting to 1. */
static bool
scan_period(const char **p, int32 *amount, int *unit)
{
	const char *q = *p;
	int64		v;

	skip_blanks(&q);
	v = scan_number(&q);
	if (v >= 0)
	{
		if ((*amount = whole(v)) <= 0)
			return false;
		skip_blanks(&q);
	}
	else
		*amount = 1;
	if ((*unit = scan_unit(&q)) == U_NONE)
		return false;
	*p = q;
	return true;
}

/*
 * Fill in *m and read a bound word after the figure (以内, 以上 …), which
 * overrides a bound read in front of it.  Returns the end of the figure.
 */
static const char *
figure(Measure *m, int kind, int32 a, int32 b, int unit, int bound,
	   const char *q)
{
	int			suffix = scan_bound_suffix(&q);

	m->kind = kind;
	m->a = a;
	m->b = b;
	m->unit = unit;
	m->bound = suffix ? suffix : bound;
	return q;
}

/* A bound in front of a figure (>=, at least, within, up to …), or none. */
static int
scan_bound_prefix(const char **p)
{
	if (eat(p, ">=") || eat(p, "≥") || eat_phrase(p, "at least") ||
		eat_phrase(p, "no less than") || eat(p, "少なくとも") ||
		eat(p, "最低でも") || eat(p, "最低"))
		return MEASURE_AT_LEAST;
	if (eat(p, "<=") || eat(p, "≤") || eat(p, "within") ||
		eat_phrase(p, "at most") || eat_phrase(p, "up to") ||
		eat_phrase(p, "no more than") || eat_phrase(p, "no later than"))
		return MEASURE_AT_MOST;
	return MEASURE_UNBOUNDED;
}

/*
 * The scan_* steps below each try one form of figure at p.  They return
 * false when the form does not start there; true when it does, with *end
 * set to the end of the figure, or to NULL when the form is there but
 * malformed (nothing else is tried then).
 */

/* A frequency word (日次, weekly, 四半期ごと), optionally with a count (四半期に1回). */
static bool
scan_frequency_word(const char *p, Measure *m, int bound, const char **end)
{
	int			i;

	for (i = 0; i < (int) lengthof(frequency_words); i++)
	{
		const char *q = p;
		const char *r;
		int32		n = 1;
		int64		v;

		if (!eat_phrase(&q, frequency_words[i].word))
			continue;
		r = q;
		skip_blanks(&r);
		(void) eat(&r, "に");	/* 四半期に1回 */
		if ((v = scan_number(&r)) >= 0 && whole(v) > 0 &&
			(eat(&r, "回") || eat(&r, "度")))
		{
			n = whole(v);
			q = r;
		}
		*end = figure(m, MEASURE_FREQUENCY, n, frequency_words[i].amount,
					  frequency_words[i].unit, bound, q);
		return true;
	}
	return false;
}

/*
 * Each time something happens (都度, each time, every time): once per
 * event.  As a whole value, what happens may be named first (バックアップ
 * 実施の都度).
 */
static bool
scan_each_time(const char *p, Measure *m, int bound, bool in_text,
			   const char **end)
{
	const char *q = p;
	bool		named = false;

	while (!in_text && *q && *q != ' ' && q - p < 60 &&
		   strncmp(q, "の都度", strlen("の都度")) != 0)
		q++;
	if (!in_text && q > p && eat(&q, "の都度"))
	{
		named = true;
		p = q;
	}
	if (!(named || eat(&p, "都度") || eat_phrase(&p, "each time") ||
		  eat_phrase(&p, "every time")))
		return false;
	m->flags = MEASURE_EVENT;
	*end = figure(m, MEASURE_FREQUENCY, 1, 0, U_NONE, bound, p);
	return true;
}

/* A calendar period written before a count (年, 月, 週, 日), or U_NONE. */
static int
scan_calendar_unit(const char **p)
{
	if (eat(p, "年"))
		return U_YEAR;
	if (eat(p, "月"))
		return U_MONTH;
	if (eat(p, "週"))
		return U_WEEK;
	if (eat(p, "日"))
		return U_DAY;
	return U_NONE;
}

/* A count per period, the period first: 年1回, 月2回, 週1回, 1日3回, 年に1度. */
static bool
scan_count_per_period(const char *p, Measure *m, int bound, const char **end)
{
	const char *q = p;
	int32		per = 1;
	int32		n;
	int			unit;
	int64		v;

	if ((v = scan_number(&q)) >= 0)
	{
		if ((per = whole(v)) <= 0)
			return false;
		skip_blanks(&q);
	}
	if ((unit = scan_calendar_unit(&q)) == U_NONE)
		return false;
	skip_blanks(&q);
	(void) eat(&q, "に");		/* 年に1回 */
	if ((v = scan_number(&q)) < 0 || (n = whole(v)) <= 0)
		return false;
	skip_blanks(&q);
	if (!(eat(&q, "回") || eat(&q, "度")))
		return false;
	*end = figure(m, MEASURE_FREQUENCY, n, per, unit, bound, q);
	return true;
}

/* English "every N units": once per period; "every" without one is malformed. */
static bool
scan_every(const char *p, Measure *m, int bound, const char **end)
{
	int32		n;
	int			unit;

	if (!eat(&p, "every"))
		return false;
	*end = NULL;
	if (scan_period(&p, &n, &unit))
		*end = figure(m, MEASURE_FREQUENCY, 1, n, unit, bound, p);
	return true;
}

/* A period after the service's end: サービス提供期間+1年間, service+1y. */
static bool
scan_relative(const char *p, Measure *m, int bound, const char **end)
{
	int64		v;
	int32		n;
	int			unit;

	if (!(eat(&p, "サービス提供期間") || eat(&p, "サービス期間") ||
		  eat(&p, "service")))
		return false;
	*end = NULL;
	skip_blanks(&p);
	if (!eat(&p, "+"))
		return true;
	skip_blanks(&p);
	if ((v = scan_number(&p)) < 0 || (n = whole(v)) < 0)
		return true;
	skip_blanks(&p);
	if ((unit = scan_unit(&p)) == U_NONE)
		return true;
	*end = figure(m, MEASURE_RELATIVE, n, MEASURE_ANCHOR_SERVICE, unit,
				  bound, p);
	return true;
}

/* A frequency word at *p (daily, weekly, 四半期): its period, or false. */
static bool
scan_frequency_period(const char **p, int32 *amount, int *unit)
{
	int			i;

	for (i = 0; i < (int) lengthof(frequency_words); i++)
		if (eat_phrase(p, frequency_words[i].word))
		{
			*amount = frequency_words[i].amount;
			*unit = frequency_words[i].unit;
			return true;
		}
	return false;
}

/*
 * The period of a rate of n, at q past the count and its 回 or times word if
 * any (times): /M units, and after a times word also per, every, a or an M
 * units (3 times a day), or a frequency word (twice daily).  A bound word
 * after 回 (以上) overrides the one in front.  As the scan_* steps.
 */
static bool
scan_rate_period(const char *q, Measure *m, int32 n, int bound, bool times,
				 const char **end)
{
	int			suffix = MEASURE_UNBOUNDED;
	int32		amount;
	int			unit;

	if (times)
		suffix = scan_bound_suffix(&q);
	skip_blanks(&q);
	if (suffix)
		bound = suffix;
	if (times && n > 0 && scan_frequency_period(&q, &amount, &unit))
	{
		*end = figure(m, MEASURE_FREQUENCY, n, amount, unit, bound, q);
		return true;
	}
	if (!(eat(&q, "/") ||
		  (times && (eat_phrase(&q, "per") || eat_phrase(&q, "every") ||
					 eat_phrase(&q, "an") || eat_phrase(&q, "a")))))
		return false;
	*end = NULL;
	if (n <= 0)
		return true;
	skip_blanks(&q);
	if (eat(&q, "event"))
	{
		m->flags = MEASURE_EVENT;
		*end = figure(m, MEASURE_FREQUENCY, n, 0, U_NONE, bound, q);
	}
	else if (scan_period(&q, &amount, &unit))
		*end = figure(m, MEASURE_FREQUENCY, n, amount, unit, bound, q);
	return true;
}

/*
 * A rate after the count n (at p, past the number): N回/M units, N回以上／M
 * units, N times per M units, 3 times a day, the canonical N/M units and
 * N/event.
 */
static bool
scan_rate(const char *p, Measure *m, int32 n, int bound, const char **end)
{
	const char *q = p;
	bool		times = eat(&q, "回") || eat(&q, "度") ||
		eat_phrase(&q, "times") || eat_phrase(&q, "time");

	return scan_rate_period(q, m, n, bound, times, end);
}

/* English counts in words: once, twice, thrice a day (per, every) or daily. */
static bool
scan_times_word(const char *p, Measure *m, int bound, const char **end)
{
	int32		n;

	if (eat_phrase(&p, "once"))
		n = 1;
	else if (eat_phrase(&p, "twice"))
		n = 2;
	else if (eat_phrase(&p, "thrice"))
		n = 3;
	else
		return false;
	return scan_rate_period(p, m, n, bound, true, end);
}


static bool
eat_interval_word(const char **q)
{
	return eat(q, "ごと") || eat(q, "毎") || eat(q, "に1回") ||
		eat(q, "に一回") || eat(q, "に1度") || eat(q, "に一度") ||
		eat(q, "間隔") || eat(q, "隔") || eat(q, "おき") || eat(q, "置き") ||
		eat_phrase(q, "intervals") || eat_phrase(q, "interval");
}

/* Does an interval word follow at q, past blanks (24時間 5分間隔)? */
static bool
followed_by_interval(const char *q)
{
	skip_blanks(&q);
	return eat_interval_word(&q);
}

/*
 * n units at p, past the unit: a duration, or with ごと/毎/間隔/おき after
 * it an interval, which is a frequency (10分間隔 is once per 10 minutes).
 * Hours and minutes (1時間30分) are minutes, years and months (1年6ヶ月)
 * months; 分 after another unit is "worth of" (7日分).  In text, a
 * calendar year (2018年) is neither.
 */
static const char *
scan_duration(const char *p, Measure *m, int32 n, int unit, int bound,
			  bool in_text)
{
	const char *q = p;
	const char *r;
	int64		v;
	int			unit2;

	if (in_text && unit == U_YEAR && n >= 1000)
		return NULL;
	r = p;
	skip_blanks(&r);
	if ((unit == U_HOUR || unit == U_YEAR) && (v = scan_number(&r)) >= 0 &&
		whole(v) > 0)
	{
		int32		n2 = whole(v);

		skip_blanks(&r);
		unit2 = scan_unit(&r);
		if (((unit == U_HOUR && unit2 == U_MIN) ||
			 (unit == U_YEAR && unit2 == U_MONTH)) &&
			!followed_by_interval(r))
		{
			int64		total = (int64) n * (unit == U_HOUR ? 60 : 12) + n2;

			if (total > MEASURE_MAX_AMOUNT)
				return NULL;
			n = (int32) total;
			unit = unit2;
			p = q = r;
		}
	}
	r = p;
	skip_blanks(&r);
	if (unit != U_MIN && eat(&r, "分"))
		p = q = r;
	skip_blanks(&q);
	if (eat_interval_word(&q))
	{
		if (n <= 0)
			return NULL;
		return figure(m, MEASURE_FREQUENCY, 1, n, unit, bound, q);
	}
	return figure(m, MEASURE_DURATION, n, 0, unit, bound, p);
}

/*
 * A figure that starts with an amount: a ratio (99.5%), generations (5世代),
 * a rate (2回/月), a duration (20分) or an interval (10分ごと); 半年 is six
 * months.  Returns the end of the figure, or NULL.
 */
static const char *
scan_amount(const char *p, Measure *m, int bound, bool in_text)
{
	const char *numstart = p;
	const char *end;
	int64		v;
	int32		n;
	int			unit;

	if (eat(&p, "半年"))
		return scan_duration(p, m, 6, U_MONTH, bound, in_text);
	if ((v = scan_number(&p)) < 0)
		return NULL;
	skip_blanks(&p);
	if (eat(&p, "%"))
	{
		if (v > 100 * 10000)
			return NULL;
		/* v is in ten-thousandths of a percent */
		return figure(m, MEASURE_RATIO, (int32) v, 0, U_NONE, bound, p);
	}
	if ((n = whole(v)) < 0)
		return NULL;
	/*
	 * 5-minute, 24-hour: a hyphen before an English unit.  In text such a
	 * word is an adjective (a 24-hour desk, 14-day soft delete) unless an
	 * interval follows (5-minute intervals).
	 */
	if (*p == '-' && is_ascii_alpha(p[1]))
	{
		const char *r = p + 1;

		if (in_text && (scan_unit(&r) == U_NONE || !followed_by_interval(r)))
			return NULL;
		p++;
	}
	if (eat(&p, "世代") || eat(&p, "generations") || eat(&p, "generation") ||
		eat(&p, "gen"))
		return figure(m, MEASURE_COUNT, n, 0, U_NONE, bound, p);
	if (scan_rate(p, m, n, bound, &end))
		return end;
	if ((unit = scan_unit(&p)) == U_NONE)
		return NULL;
	if (in_text && unit == U_MIN && !(*numstart >= '0' && *numstart <= '9'))
		return NULL;			/* 十分 is "enough", not ten minutes */
	return scan_duration(p, m, n, unit, bound, in_text);
}

/*
 * Read one figure at s, which is folded text (NFKC, ASCII lower case, runs of
 * blanks single spaces).  Fills *m and returns the end of what was read, or
 * NULL when no figure starts at s.  Choices are not read here (see
 * measure_parse).  In text (in_text), what looks like a date or a calendar
 * year (2018年) is not a figure.  The forms are tried in this order, the
 * first one that starts at s deciding; hours of coverage are tried first
 * only when coverage is true.
 */
static const char *
measure_scan(const char *s, Measure *m, bool in_text, bool coverage)
{
	const char *p = s;
	const char *end;
	int			bound;

	memset(m, 0, sizeof(Measure));
	bound = scan_bound_prefix(&p);
	skip_blanks(&p);

	/* hours of coverage take no bound */
	if (coverage && scan_coverage(&p, m))
		return bound == MEASURE_UNBOUNDED ? p : NULL;
	if (scan_frequency_word(p, m, bound, &end) ||
		scan_times_word(p, m, bound, &end) ||
		scan_each_time(p, m, bound, in_text, &end) ||
		scan_count_per_period(p, m, bound, &end) ||
		scan_every(p, m, bound, &end) ||
		scan_relative(p, m, bound, &end))
		return end;
	/*
	 * The next business day is one (in text only as a deadline: within,
	 * 翌営業日までに; 翌営業日に取得 is not a period); as a whole value, so is
	 * the next day.
	 */
	{
		const char *q = p;
		const char *r;

		if ((eat(&q, "翌営業日") || eat_phrase(&q, "next business day")) &&
			(!in_text || bound != MEASURE_UNBOUNDED ||
			 scan_bound_suffix((r = q, &r)) != MEASURE_UNBOUNDED))
			return figure(m, MEASURE_DURATION, 1, 0, U_BDAY, bound, q);
		if (!in_text && (eat(&q, "翌日") || eat_phrase(&q, "next day")))
			return figure(m, MEASURE_DURATION, 1, 0, U_DAY, bound, q);
	}
	return scan_amount(p, m, bound, in_text);
}

/* One figure at s, hours of coverage first (see measure_scan). */
const char *
kansa_measure_scan(const char *s, Measure *m, bool in_text)
{
	return measure_scan(s, m, in_text, true);
}

/* One figure in text at s, hours of coverage not tried (24時間稼働 is 24h). */
const char *
kansa_measure_scan_no_coverage(const char *s, Measure *m)
{
	return measure_scan(s, m, true, false);
}

/* ---------- choices ---------- */

/* The option a part of a choice names (blanks removed), or -1. */
static int
choice_option(const char *part)
{
	int			i,
				j;

	for (i = 0; i < (int) N_CHOICE_OPTIONS; i++)
		if (strcmp(part, choice_options[i].name) == 0)
			return i;
	for (i = 0; i < (int) N_CHOICE_OPTIONS; i++)
	{
		int			o = choice_try_order[i];

		for (j = 0; j < (int) lengthof(choice_options[o].words) &&
			 choice_options[o].words[j] != NULL; j++)
			if (strstr(part, choice_options[o].words[j]) != NULL)
				return o;
	}
	return -1;
}

/*
 * Read folded text s as a choice: parts separated (outside brackets) by
 * 又は/または/or/| (any one of them) or 及び/および/and/&/、/, (all of them).
 * A list that has an "or" anywhere is a choice of any one (デジタル証明書に
 * よる認証、生体認証 又は IC カード); one option is a single value.
 */
static bool
scan_choice(const char *s, Measure *m, const char **detail)
{
	static const struct
	{
		const char *word;
		bool		any;
	}			separators[] = {
		{"又は", true}, {"または", true}, {"もしくは", true}, {"若しくは", true},
		{"あるいは", true}, {"或いは", true}, {"|", true}, {" or ", true},
		{"及び", false}, {"および", false}, {"並びに", false}, {"ならびに", false},
		{"&", false}, {" and ", false}, {"、", false}, {",", false}, {";", false},
	};
	StringInfoData part;
	const char *p = s;
	int			depth = 0;
	bool		any = false;
	uint32		mask = 0;

	initStringInfo(&part);
	for (;;)
	{
		int			sep = -1;
		int			i;

		if (*p != '\0' && depth == 0)
			for (i = 0; i < (int) lengthof(separators); i++)
				if (strncmp(p, separators[i].word, strlen(separators[i].word)) == 0)
				{
					sep = i;
					break;
				}
		if (*p == '\0' || sep >= 0)
		{
			int			o;

			if (part.len == 0)
			{
				*detail = "A choice has an empty option.";
				return false;
			}
			if ((o = choice_option(part.data)) < 0)
			{
				/* a lone unknown word is not a choice at all */
				if (mask != 0 || *p != '\0')
					*detail = psprintf("\"%s\" is not an option kansa knows (see the README for the options).",
									   part.data);
				return false;
			}
			mask |= (uint32) 1 << o;
			resetStringInfo(&part);
			if (*p == '\0')
				break;
			any |= separators[sep].any;
			p += strlen(separators[sep].word);
			continue;
		}
		if (*p == '(' || *p == '[')
			depth++;
		else if ((*p == ')' || *p == ']') && depth > 0)
			depth--;
		if (*p != ' ')
			appendStringInfoChar(&part, *p);
		p++;
	}
	pfree(part.data);
	/* nothing of a figure the scanner tried before may stay */
	memset(m, 0, sizeof(Measure));
	m->kind = MEASURE_CHOICE;
	m->a = (int32) mask;
	m->flags = (any && (mask & (mask - 1)) != 0) ? MEASURE_ANY : 0;
	return true;
}

/* ---------- the whole value ---------- */

/*
 * Drop footnote marks (superscript digits: ¹⁵ in 可能 (ホットスタンバイ ¹⁵))
 * from UTF-8 text, before NFKC would make them digits.
 */
static char *
drop_footnote_marks(const char *str, size_t len, size_t *outlen)
{
	char	   *o = palloc(len + 1);
	size_t		i,
				n = 0;

	for (i = 0; i < len; i++)
	{
		const unsigned char *u = (const unsigned char *) str + i;

		if (i + 1 < len && u[0] == 0xC2 && (u[1] == 0xB2 || u[1] == 0xB3 || u[1] == 0xB9))
		{
			i += 1;
			continue;
		}
		if (i + 2 < len && u[0] == 0xE2 && u[1] == 0x81 &&
			(u[2] == 0xB0 || (u[2] >= 0xB4 && u[2] <= 0xB9)))
		{
			i += 2;
			continue;
		}
		o[n++] = str[i];
	}
	o[n] = '\0';
	*outlen = n;
	return o;
}

/* What may stand before a published value and names only its context. */
static const char *const value_labels[] = {
	"ベンダリリースから", "ベンダーリリースから", "リリースから", "リリース後",
	"発見後", "検知後", "発生後", "保管期間:", "保存期間:", "保管期間", "保存期間",
	"保持期間", "月間稼働率", "年間稼働率", "稼働率", "可用性", "過去", "rpo:",
	"rto:", "rpo", "rto",
	"availability", "uptime", "retention"
};

#define MEASURE_MAX_INPUT 1024

/* Why the numbers of text that is not a measure may be the reason, or NULL. */
static const char *
number_problem(const char *f)
{
	const char *p = f;

	while (*p)
	{
		if (*p >= '0' && *p <= '9' && (p == f || !(p[-1] >= '0' && p[-1] <= '9')))
		{
			const char *q = p;
			int64		v = scan_number(&q);

			if (strchr(q, '%') != NULL && (v < 0 || v > 100 * 10000))
				return "A ratio is a percentage from 0 to 100 with at most four decimals.";
			if (v < 0 || v / 10000 > MEASURE_MAX_AMOUNT)
				return psprintf("Amounts, counts and periods are whole numbers up to %d.",
								MEASURE_MAX_AMOUNT);
			if (v % 10000 != 0 && strchr(q, '%') == NULL)
				return "Amounts, counts and periods are whole numbers: state 1.5時間 as 90分.";
			p = q;
			continue;
		}
		p++;
	}
	return NULL;
}

/*
 * Is folded text p, all of it, one figure (not a choice)?  A whole value
 * that starts like hours of coverage may be a rate: 24/7y (24 times in 7
 * years, the canonical text of 24回/7年) is not 24/7 and then a stray y.
 * So when the coverage reading leaves text over, the other forms are
 * tried.  In running text (extract_measures) 24/7 stays hours of coverage
 * whatever follows it.
 */
static bool
whole_figure(const char *p, Measure *m)
{
	const char *q = measure_scan(p, m, false, true);

	if (q != NULL)
		skip_blanks(&q);
	if (q == NULL || *q != '\0')
	{
		q = measure_scan(p, m, false, false);
		if (q != NULL)
			skip_blanks(&q);
	}
	return q != NULL && *q == '\0';
}

/*
 * Parse the text of a measure.  Returns false, with *detail set, for text
 * that is not one (invalid UTF-8 raises the core error when throw_error).
 */
static bool
measure_parse(const char *str, size_t len, Measure *m, bool throw_error,
			  const char **detail)
{
	size_t		clen;
	char	   *clean;
	char	   *f;
	int			flen;
	const char *p;
	bool		label;

	*detail = NULL;
	kansa_check_text_size(len);
	if (len > MEASURE_MAX_INPUT)
	{
		*detail = psprintf("A measure is at most %d bytes long.", MEASURE_MAX_INPUT);
		return false;
	}
	clean = drop_footnote_marks(str, len, &clen);
	f = kansa_fold(clean, clen, KANSA_FOLD_LOWER | KANSA_FOLD_DASH |
				   KANSA_FOLD_CONTROLS, throw_error, &flen);
	pfree(clean);
	if (f == NULL)
	{
		*detail = "The text is not valid UTF-8.";
		return false;
	}
	/* a trailing * marks a must-achieve value; it is not part of it */
	while (flen > 0 && (f[flen - 1] == '*' || f[flen - 1] == ' '))
		f[--flen] = '\0';
	if (flen == 0)
	{
		*detail = "The text is empty.";
		return false;
	}
	if (strcmp(f, "-") == 0)
	{
		memset(m, 0, sizeof(Measure));
		return true;
	}
	p = f;
	do
	{
		int			i;

		label = false;
		for (i = 0; i < (int) lengthof(value_labels); i++)
			if (eat(&p, value_labels[i]))
			{
				skip_blanks(&p);
				(void) eat(&p, ":");
				skip_blanks(&p);
				label = true;
			}
	} while (label);

	if (whole_figure(p, m))
		return true;

	/*
	 * A figure may come with a note after a reference mark (5年 ※法令による)
	 * or another label, text with no digit up to a colon (Retention: 90
	 * days, 取得頻度：日次; no figure has a colon before its first digit).
	 * Options are read from the whole text: the label may name the option
	 * (VPN: あり), and a note may stand between two (生体認証※1 又は IC カード).
	 */
	{
		char	   *g = pstrdup(p);
		char	   *r;
		int			glen;

		if ((r = strstr(g, "※")) != NULL && r > g)
			*r = '\0';
		glen = strlen(g);
		while (glen > 0 && (g[glen - 1] == '*' || g[glen - 1] == ' '))
			g[--glen] = '\0';
		for (r = g; *r != '\0' && *r != ':' && !(*r >= '0' && *r <= '9'); r++)
			;
		if (*r == ':' && r > g)
		{
			r++;
			skip_blanks((const char **) &r);
		}
		else
			r = g;
		if (strcmp(r, p) != 0 && *r != '\0' && whole_figure(r, m))
		{
			pfree(g);
			return true;
		}
		pfree(g);
	}
	if (scan_choice(p, m, detail))
		return true;
	if (*detail == NULL)
		*detail = number_problem(p);
	if (*detail == NULL)
		*detail = "Expected a frequency (1回/10分, 日次), a duration (20分以内), a ratio (99.5%以上), generations (5世代), hours (24時間365日), a period after the service (サービス提供期間+1年間), options (生体認証 又は IC カード), or \"-\".";
	return false;
}

/*
 * The measure in text, or NULL (when throw_error is false) if it is none.
 * It is the type's parser for canon.c, hence the void pointer.
 */
static void *
measure_from_text(const char *str, size_t len, bool throw_error)
{
	Measure    *m = palloc(sizeof(Measure));
	const char *detail;

	if (measure_parse(str, len, m, throw_error, &detail))
		return m;
	if (!throw_error)
	{
		pfree(m);
		return NULL;
	}
	kansa_invalid_input("measure", str, len, detail);
}

/* Does m hold a value the text form can state?  (For binary input.) */
static bool
measure_well_formed(const Measure *m)
{
	bool		amount_ok = m->a >= 0 && m->a <= MEASURE_MAX_AMOUNT;
	bool		unit_ok = m->unit > U_NONE && m->unit < U_N;

	if (m->bound > MEASURE_AT_LEAST)
		return false;
	switch (m->kind)
	{
		case MEASURE_NONE:
			return m->bound == 0 && m->unit == 0 && m->flags == 0 &&
				m->a == 0 && m->b == 0;
		case MEASURE_FREQUENCY:
			if (m->flags == MEASURE_EVENT)
				return m->a > 0 && amount_ok && m->b == 0 && m->unit == 0;
			return m->flags == 0 && m->a > 0 && amount_ok && unit_ok &&
				m->b > 0 && m->b <= MEASURE_MAX_AMOUNT;
		case MEASURE_DURATION:
			return m->flags == 0 && amount_ok && unit_ok && m->b == 0;
		case MEASURE_RELATIVE:
			return m->flags == 0 && amount_ok && unit_ok &&
				m->b == MEASURE_ANCHOR_SERVICE;
		case MEASURE_RATIO:
			return m->flags == 0 && m->unit == 0 && m->a >= 0 &&
				m->a <= 100 * 10000 && m->b == 0;
		case MEASURE_COUNT:
			return m->flags == 0 && m->unit == 0 && amount_ok && m->b == 0;
		case MEASURE_COVERAGE:
			return m->bound == 0 && m->unit == 0 &&
				(m->flags & ~MEASURE_WEEKDAYS) == 0 &&
				m->a >= 0 && m->a <= 1440 && m->b >= 0 && m->b <= 1440 &&
				m->a != m->b;
		case MEASURE_CHOICE:
			{
				uint32		mask = (uint32) m->a;

				return m->bound == 0 && m->unit == 0 && m->b == 0 &&
					mask != 0 && (mask >> N_CHOICE_OPTIONS) == 0 &&
					(m->flags == 0 ||
					 (m->flags == MEASURE_ANY && (mask & (mask - 1)) != 0));
			}
	}
	return false;
}

/* The canonical text of a measure, palloc'd. */
char *
kansa_measure_text(const Measure *m)
{
	StringInfoData s;

	initStringInfo(&s);
	if (m->bound == MEASURE_AT_MOST)
		appendStringInfoString(&s, "<=");
	else if (m->bound == MEASURE_AT_LEAST)
		appendStringInfoString(&s, ">=");
	switch (m->kind)
	{
		case MEASURE_NONE:
			appendStringInfoChar(&s, '-');
			break;
		case MEASURE_FREQUENCY:
			if (m->flags & MEASURE_EVENT)
				appendStringInfo(&s, "%d/event", m->a);
			else
				appendStringInfo(&s, "%d/%d%s", m->a, m->b, unit_names[m->unit]);
			break;
		case MEASURE_DURATION:
			appendStringInfo(&s, "%d%s", m->a, unit_names[m->unit]);
			break;
		case MEASURE_RELATIVE:
			appendStringInfo(&s, "service+%d%s", m->a, unit_names[m->unit]);
			break;
		case MEASURE_RATIO:
			{
				int			frac = m->a % 10000;
				int			digits = 4;

				appendStringInfo(&s, "%d", m->a / 10000);
				if (frac != 0)
				{
					while (frac % 10 == 0)
						frac /= 10, digits--;
					appendStringInfo(&s, ".%0*d", digits, frac);
				}
				appendStringInfoChar(&s, '%');
			}
			break;
		case MEASURE_COUNT:
			appendStringInfo(&s, "%dgen", m->a);
			break;
		case MEASURE_COVERAGE:
			if (m->a == 0 && m->b == 1440)
				appendStringInfoString(&s, (m->flags & MEASURE_WEEKDAYS) ? "24x5" : "24x365");
			else
				appendStringInfo(&s, "%s %02d:%02d-%02d:%02d",
								 (m->flags & MEASURE_WEEKDAYS) ? "weekdays" : "daily",
								 m->a / 60, m->a % 60, m->b / 60, m->b % 60);
			break;
		case MEASURE_CHOICE:
			{
				const char *names[N_CHOICE_OPTIONS];
				int			n = 0;
				int			i,
							j;

				/* option names in byte order: insertion sort of a few */
				for (i = 0; i < (int) N_CHOICE_OPTIONS; i++)
				{
					if (((uint32) m->a & ((uint32) 1 << i)) == 0)
						continue;
					for (j = n; j > 0 && strcmp(names[j - 1], choice_options[i].name) > 0; j--)
						names[j] = names[j - 1];
					names[j] = choice_options[i].name;
					n++;
				}
				for (i = 0; i < n; i++)
				{
					if (i > 0)
						appendStringInfoChar(&s, (m->flags & MEASURE_ANY) ? '|' : '&');
					appendStringInfoString(&s, names[i]);
				}
			}
			break;
	}
	return s.data;
}

/* ---------- I/O ---------- */

/* kansa_measure_text, as canon.c calls it. */
static char *
measure_canon_text(const void *value)
{
	return kansa_measure_text(value);
}

/* Write the fields of the binary form: kind, bound, unit, flags, a, b. */
static void
measure_send_fields(StringInfo buf, const void *value)
{
	const Measure *m = value;

	pq_sendbyte(buf, m->kind);
	pq_sendbyte(buf, m->bound);
	pq_sendbyte(buf, m->unit);
	pq_sendbyte(buf, m->flags);
	pq_sendint32(buf, m->a);
	pq_sendint32(buf, m->b);
}

/* Read the fields of the binary form; refuse what the text cannot state. */
static void *
measure_recv_fields(StringInfo buf)
{
	Measure    *m = palloc(sizeof(Measure));

	m->kind = pq_getmsgbyte(buf);
	m->bound = pq_getmsgbyte(buf);
	m->unit = pq_getmsgbyte(buf);
	m->flags = pq_getmsgbyte(buf);
	m->a = pq_getmsgint(buf, 4);
	m->b = pq_getmsgint(buf, 4);
	if (!measure_well_formed(m))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external measure value")));
	return m;
}

/*
 * Read the Japanese and English forms and the canonical text; write the
 * canonical text; send twelve bytes of fields after the format byte.
 */
static const CanonType measure_canon = {
	.name = "measure",
	.format = KANSA_MEASURE_FORMAT,
	.parse = measure_from_text,
	.text = measure_canon_text,
	.send = measure_send_fields,
	.recv = measure_recv_fields,
};

CANON_IO_FUNCTIONS(&measure_canon, measure_in, measure_out, measure_recv,
				   measure_send, measure_from_text_sql, measure_is_valid);

/* ---------- order and hashing ---------- */

static inline int64
seconds(int32 amount, int unit)
{
	return (int64) amount * unit_seconds[unit];
}

/* Minutes a week that coverage spans (a window past midnight wraps). */
static int
coverage_minutes(const Measure *m)
{
	int			per_day = m->b > m->a ? m->b - m->a : 1440 - m->a + m->b;

	return per_day * ((m->flags & MEASURE_WEEKDAYS) ? 5 : 7);
}

#define CMP(x, y) ((x) < (y) ? -1 : (x) > (y) ? 1 : 0)

/*
 * Total order consistent with equality of meaning: by kind, then magnitude
 * (60分 equals 1時間, 2回/20分 equals 1回/10分), then bound (none, at most,
 * at least).  Frequencies order by rate, per-event ones first; coverage by
 * hours per week; choices by "any" then the option set.
 */
static int
measure_cmp_internal(const Measure *x, const Measure *y)
{
	int			c = CMP(x->kind, y->kind);

	if (c != 0)
		return c;
	switch (x->kind)
	{
		case MEASURE_FREQUENCY:
			c = CMP(y->flags & MEASURE_EVENT, x->flags & MEASURE_EVENT);
			if (c == 0 && (x->flags & MEASURE_EVENT))
				c = CMP(x->a, y->a);
			else if (c == 0)
				c = CMP((int64) x->a * seconds(y->b, y->unit),
						(int64) y->a * seconds(x->b, x->unit));
			break;
		case MEASURE_DURATION:
			c = CMP(seconds(x->a, x->unit), seconds(y->a, y->unit));
			break;
		case MEASURE_RELATIVE:
			c = CMP(x->b, y->b);
			if (c == 0)
				c = CMP(seconds(x->a, x->unit), seconds(y->a, y->unit));
			break;
		case MEASURE_RATIO:
		case MEASURE_COUNT:
			c = CMP(x->a, y->a);
			break;
		case MEASURE_COVERAGE:
			c = CMP(coverage_minutes(x), coverage_minutes(y));
			if (c == 0)
				c = CMP(x->flags, y->flags);
			if (c == 0)
				c = CMP(x->a, y->a);
			break;
		case MEASURE_CHOICE:
			c = CMP(x->flags, y->flags);
			if (c == 0)
				c = CMP((uint32) x->a, (uint32) y->a);
			break;
	}
	if (c == 0)
		c = CMP(x->bound, y->bound);
	return c;
}

/* gcd of two positive numbers */
static int64
gcd64(int64 a, int64 b)
{
	while (b != 0)
	{
		int64		t = a % b;

		a = b;
		b = t;
	}
	return a;
}

/* The fields equality depends on, reduced so that equal values agree. */
static void
measure_key(const Measure *m, int64 key[4])
{
	key[0] = m->kind * 4 + m->bound;
	key[1] = key[2] = key[3] = 0;
	switch (m->kind)
	{
		case MEASURE_FREQUENCY:
			key[1] = m->flags;
			if (m->flags & MEASURE_EVENT)
				key[2] = m->a;
			else
			{
				int64		s = seconds(m->b, m->unit);
				int64		g = gcd64(m->a, s);

				key[2] = m->a / g;
				key[3] = s / g;
			}
			break;
		case MEASURE_DURATION:
			key[1] = seconds(m->a, m->unit);
			break;
		case MEASURE_RELATIVE:
			key[1] = seconds(m->a, m->unit);
			key[2] = m->b;
			break;
		case MEASURE_COVERAGE:
			key[1] = m->flags;
			key[2] = m->a;
			/* a window ending at 24:00 equals one ending at 00:00 */
			key[3] = m->b % 1440;
			break;
		default:
			key[1] = m->flags;
			key[2] = m->a;
			break;
	}
}

PG_FUNCTION_INFO_V1(measure_cmp);
PG_FUNCTION_INFO_V1(measure_eq);
PG_FUNCTION_INFO_V1(measure_ne);
PG_FUNCTION_INFO_V1(measure_lt);
PG_FUNCTION_INFO_V1(measure_le);
PG_FUNCTION_INFO_V1(measure_gt);
PG_FUNCTION_INFO_V1(measure_ge);

#define MEASURE_CMP_ARGS \
	measure_cmp_internal(PG_GETARG_MEASURE_P(0), PG_GETARG_MEASURE_P(1))

/* btree support and the comparison operators */
Datum
measure_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(MEASURE_CMP_ARGS);
}

Datum
measure_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(MEASURE_CMP_ARGS == 0);
}

Datum
measure_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(MEASURE_CMP_ARGS != 0);
}

Datum
measure_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(MEASURE_CMP_ARGS < 0);
}

Datum
measure_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(MEASURE_CMP_ARGS <= 0);
}

Datum
measure_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(MEASURE_CMP_ARGS > 0);
}

Datum
measure_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(MEASURE_CMP_ARGS >= 0);
}

PG_FUNCTION_INFO_V1(measure_hash);

/* Hash consistent with =: of the reduced key, not of the stated form. */
Datum
measure_hash(PG_FUNCTION_ARGS)
{
	int64		key[4];

	measure_key(PG_GETARG_MEASURE_P(0), key);
	return hash_any((const unsigned char *) key, sizeof(key));
}

PG_FUNCTION_INFO_V1(measure_hash_extended);

/* 64-bit seeded hash, for hash partitioning */
Datum
measure_hash_extended(PG_FUNCTION_ARGS)
{
	int64		key[4];

	measure_key(PG_GETARG_MEASURE_P(0), key);
	return hash_any_extended((const unsigned char *) key, sizeof(key),
							 PG_GETARG_INT64(1));
}

PG_FUNCTION_INFO_V1(measure_kind);

/* kind(measure): frequency, duration, ratio, count, coverage, relative, choice, none */
Datum
measure_kind(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(kansa_measure_kind_names[PG_GETARG_MEASURE_P(0)->kind]));
}

PG_FUNCTION_INFO_V1(measure_bound);

/* bound(measure): '<=', '>=' or NULL */
Datum
measure_bound(PG_FUNCTION_ARGS)
{
	Measure    *m = PG_GETARG_MEASURE_P(0);

	if (m->bound == MEASURE_UNBOUNDED)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(m->bound == MEASURE_AT_MOST ? "<=" : ">="));
}

/* ---------- satisfies ---------- */

typedef enum
{
	SAT_NULL = -1,
	SAT_FALSE = 0,
	SAT_TRUE = 1
} Sat;

/* The sign of stated - required, for values of the same kind. */
static int
magnitude_cmp(const Measure *s, const Measure *r)
{
	Measure		a = *s,
				b = *r;

	a.bound = b.bound = 0;
	return measure_cmp_internal(&a, &b);
}

/*
 * Compare a stated value with a required one when larger is better (min) or
 * smaller is (max), minding what the vendor's bound leaves open.
 */
static Sat
compare_bounded(const Measure *s, const Measure *r, bool min,
				const char *st, const char *rt, char **why)
{
	int			c = magnitude_cmp(s, r);
	bool		good = min ? c >= 0 : c <= 0;

	/* a vendor bound in the direction that helps is as good as the value */
	if (s->bound == MEASURE_UNBOUNDED ||
		s->bound == (min ? MEASURE_AT_LEAST : MEASURE_AT_MOST))
	{
		if (good)
		{
			*why = psprintf("%s meets %s (%s is better).", st, rt,
							min ? "more" : "less");
			return SAT_TRUE;
		}
		if (s->bound == MEASURE_UNBOUNDED)
		{
			*why = psprintf("%s falls short of %s (%s is better).", st, rt,
							min ? "more" : "less");
			return SAT_FALSE;
		}

		/*
		 * A looser commitment than required ("within 30 minutes" against
		 * "within 20", "99% or more" against "99.5% or more"): the vendor
		 * commits to less than is asked, which does not meet it, whatever
		 * it may do in practice.
		 */
		*why = psprintf("%s commits to less than %s asks for (%s is better).",
						st, rt, min ? "more" : "less");
		return SAT_FALSE;
	}
	/* a bound the other way: only failure can be certain */
	if (!good)
	{
		*why = psprintf("%s cannot meet %s (%s is better).", st, rt,
						min ? "more" : "less");
		return SAT_FALSE;
	}
	*why = psprintf("%s leaves open whether %s is met.", st, rt);
	return SAT_NULL;
}

/* Choices: the stated options against the required ones. */
static Sat
compare_choice(const Measure *s, const Measure *r, const char *st,
			   const char *rt, char **why)
{
	uint32		sm = (uint32) s->a;
	uint32		rm = (uint32) r->a;
	bool		ok;

	if (r->flags & MEASURE_ANY)
		/* one option of r is enough: every option of an "any" s must be one */
		ok = (s->flags & MEASURE_ANY) ? (sm & ~rm) == 0 : (sm & rm) != 0;
	else
		/* all options of r: s must provide each for certain */
		ok = (s->flags & MEASURE_ANY) ? false : (rm & ~sm) == 0;
	*why = psprintf(ok ? "%s provides what %s asks for." :
					"%s does not provide what %s asks for.", st, rt);
	return ok ? SAT_TRUE : SAT_FALSE;
}

/*
 * Does the stated measure satisfy the required one?  direction is "min"
 * (the required value is a floor), "max" (a ceiling) or NULL (from the
 * required value's bound, else from its kind).  Sets *why to a sentence.
 */
static Sat
measure_satisfies(const Measure *stated, const Measure *required,
				  const char *direction, char **why)
{
	Measure		s = *stated,
				r = *required;
	int			dir = 0;		/* 1 min, -1 max, 0 unknown */
	char	   *st = kansa_measure_text(stated);
	char	   *rt = kansa_measure_text(required);

	if (direction != NULL)
	{
		if (strcmp(direction, "min") == 0)
			dir = 1;
		else if (strcmp(direction, "max") == 0)
			dir = -1;
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid direction \"%s\"", direction),
					 errhint("Use \"min\" (more is better), \"max\" (less is better) or NULL.")));
	}
	else if (r.bound == MEASURE_AT_LEAST)
		dir = 1;
	else if (r.bound == MEASURE_AT_MOST)
		dir = -1;

	if (r.kind == MEASURE_NONE)
	{
		*why = pstrdup("Nothing is required (\"-\").");
		return SAT_TRUE;
	}
	if (s.kind == MEASURE_NONE)
	{
		*why = pstrdup("Nothing is stated (\"-\").");
		return SAT_NULL;
	}

	/*
	 * An interval and a frequency measure the same thing: "every 1 month at
	 * most" is "at least once a month".  Turn the duration into a frequency
	 * (the explanation still quotes both as stated).
	 */
	if (s.kind == MEASURE_FREQUENCY && r.kind == MEASURE_DURATION && dir <= 0 &&
		!(s.flags & MEASURE_EVENT) && r.a > 0)
	{
		r.kind = MEASURE_FREQUENCY;
		r.b = r.a;
		r.a = 1;
		r.bound = 0;
		dir = 1;
	}
	else if (s.kind == MEASURE_DURATION && r.kind == MEASURE_FREQUENCY &&
			 !(r.flags & MEASURE_EVENT) && s.a > 0 && dir >= 0)
	{
		s.kind = MEASURE_FREQUENCY;
		s.b = s.a;
		s.a = 1;
		s.bound = s.bound == MEASURE_AT_MOST ? MEASURE_AT_LEAST :
			s.bound == MEASURE_AT_LEAST ? MEASURE_AT_MOST : 0;
		dir = 1;
	}

	if (s.kind != r.kind)
	{
		*why = psprintf("A %s cannot be compared with a %s.",
						kansa_measure_kind_names[stated->kind],
						kansa_measure_kind_names[required->kind]);
		return SAT_NULL;
	}
	switch (r.kind)
	{
		case MEASURE_CHOICE:
			return compare_choice(&s, &r, st, rt, why);
		case MEASURE_FREQUENCY:
			if ((s.flags & MEASURE_EVENT) != (r.flags & MEASURE_EVENT))
			{
				*why = pstrdup("A frequency per event cannot be compared with one per period.");
				return SAT_NULL;
			}
			return compare_bounded(&s, &r, dir >= 0, st, rt, why);
		case MEASURE_RATIO:
		case MEASURE_COUNT:
		case MEASURE_COVERAGE:
		case MEASURE_RELATIVE:
			return compare_bounded(&s, &r, dir >= 0, st, rt, why);
		case MEASURE_DURATION:
			if (dir == 0)
			{
				*why = pstrdup("Whether a longer or a shorter duration is better is not known: give the direction (min or max).");
				return SAT_NULL;
			}
			return compare_bounded(&s, &r, dir > 0, st, rt, why);
	}
	*why = pstrdup("These measures cannot be compared.");
	return SAT_NULL;
}

PG_FUNCTION_INFO_V1(measure_satisfies_sql);

/* satisfies(stated, required, direction) */
Datum
measure_satisfies_sql(PG_FUNCTION_ARGS)
{
	char	   *why;
	Sat			r;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	r = measure_satisfies(PG_GETARG_MEASURE_P(0), PG_GETARG_MEASURE_P(1),
						  PG_ARGISNULL(2) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(2)),
						  &why);
	if (r == SAT_NULL)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(r == SAT_TRUE);
}

PG_FUNCTION_INFO_V1(measure_satisfies_explain);

/* satisfies_explain(stated, required, direction): the reason, in a sentence */
Datum
measure_satisfies_explain(PG_FUNCTION_ARGS)
{
	char	   *why;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	(void) measure_satisfies(PG_GETARG_MEASURE_P(0), PG_GETARG_MEASURE_P(1),
							 PG_ARGISNULL(2) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(2)),
							 &why);
	PG_RETURN_TEXT_P(cstring_to_text(why));
}
