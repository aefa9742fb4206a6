/*-------------------------------------------------------------------------
 *
 * extract_evidence.c
 *	  extract_evidence(text): the verifiable references an answer cites,
 *	  as kansa.evidence values in order of first appearance.
 *
 * What is recognised, on the cleaned text (cleantext.c):
 *	 - http and https URLs, ended by blanks, brackets or non-ASCII text;
 *	 - ISO/IEC 27001 Annex A clauses ("附属書A.12.3", "Annex A.9");
 *	 - ISO/IEC 27017 clauses: "CLD.9.5.1" or "CLD9.5.1", and a three-level
 *	   clause number quoted at the start of 「…」 whose first level is 5 to 18
 *	   (27017 follows ISO/IEC 27002:2013's numbering);
 *	 - certification registration numbers of the usual issuers' formats
 *	   (JQA-IM1944, JP15/080358, ...) or after 登録番号 / certificate number,
 *	   tied to the standard named last before them in the same sentence;
 *	 - assurance reports: SOC 1/2/3 (Type I/II), ISAE 3402, SSAE 16/18;
 *	 - documents a customer can read: terms of service, privacy policy,
 *	   published security policies, SLA, whitepaper, service specification,
 *	   online help, FAQ, with a product name written just before them and
 *	   the articles cited after them ("利用規約(第11条、第12条)" gives one
 *	   reference per article, and then the bare name is not repeated).
 * Internal rules ("社内規程") and certification claims without a number are
 * not evidence.
 *
 * src/extract_evidence.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "cleantext.h"
#include "evidence.h"
#include "normalize.h"

typedef struct
{
	int			pos;
	char	   *ev;				/* canonical "kind:ref" */
	char	   *docname;		/* doc evidence: the name without article */
	bool		article;
	bool		dropped;		/* a repeat, or a bare name with articles */
} Found;

typedef struct
{
	Found	   *items;
	int			n;
	int			cap;
} FoundList;

static void
add_found(FoundList *fl, int pos, const char *ev, const char *docname, bool article)
{
	if (fl->n == fl->cap)
	{
		fl->cap = fl->cap ? fl->cap * 2 : 16;
		fl->items = fl->items ? repalloc(fl->items, fl->cap * sizeof(Found))
			: palloc(fl->cap * sizeof(Found));
	}
	fl->items[fl->n].pos = pos;
	fl->items[fl->n].ev = pstrdup(ev);
	fl->items[fl->n].docname = docname ? pstrdup(docname) : NULL;
	fl->items[fl->n].article = article;
	fl->items[fl->n].dropped = false;
	fl->n++;
}

/* Is the evidence text valid?  (Uses the type's own parser.) */
static bool
valid_evidence(const char *ev)
{
	return kansa_evidence_valid(ev, strlen(ev));
}

/*
 * Add a cited clause found at pos, when it is one the type accepts (a
 * clause number too long for a control_id is not).
 */
static void
add_clause(FoundList *fl, int pos, const char *ev)
{
	if (valid_evidence(ev))
		add_found(fl, pos, kansa_evidence_canonical(ev), NULL, false);
}

static inline bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static inline bool
is_alnum(char c)
{
	return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Does [s, s+len) hold a digit? */
static bool
has_digit(const char *s, int len)
{
	int			i;

	for (i = 0; i < len; i++)
		if (is_digit(s[i]))
			return true;
	return false;
}

/* Length of "d+(.d+)*" at s, at most maxlevels levels; 0 if none. */
static int
dotted_number(const char *s, const char *end, int *levels)
{
	const char *p = s;

	*levels = 0;
	while (p < end && is_digit(*p))
	{
		while (p < end && is_digit(*p))
			p++;
		(*levels)++;
		if (p + 1 < end && *p == '.' && is_digit(p[1]))
			p++;
		else
			break;
	}
	return p - s;
}

/* URLs. */
static void
find_urls(const char *t, const char *lower, int len, FoundList *fl)
{
	const char *m;
	int			next = 0;

	for (m = strstr(lower, "http"); m != NULL; m = strstr(lower + next, "http"))
	{
		int			i = m - lower;
		int			start = i;
		int			j;
		char	   *ev;

		next = i + 4;

		if (!((i + 7 < len && pg_strncasecmp(t + i, "http://", 7) == 0) ||
			  (i + 8 < len && pg_strncasecmp(t + i, "https://", 8) == 0)))
			continue;
		if (i > 0 && is_alnum(t[i - 1]))
			continue;
		for (j = i; j < len; j++)
		{
			unsigned char c = t[j];

			if (c <= 0x20 || c >= 0x80 || c == '<' || c == '>' || c == '"' ||
				c == '(' || c == '[' || c == '{')
				break;
		}
		ev = psprintf("url:%.*s", j - start, t + start);
		if (valid_evidence(ev))
			add_found(fl, start, kansa_evidence_canonical(ev), NULL, false);
		next = j;
	}
}

/* Annex A clauses of ISO/IEC 27001. */
static void
find_annex(const char *t, const char *lower, int len, FoundList *fl)
{
	static const char *const heads[] = {"附属書", "annex"};
	int			h;

	for (h = 0; h < (int) lengthof(heads); h++)
	{
		int			hl = strlen(heads[h]);
		const char *m;

		for (m = strstr(lower, heads[h]); m != NULL; m = strstr(m + hl, heads[h]))
		{
			int			i = m - lower;
			int			p = i + hl;
			int			nl;
			int			levels;

			while (p < len && t[p] == ' ')
				p++;
			if (p + 2 >= len || t[p] != 'A' || t[p + 1] != '.')
				continue;
			nl = dotted_number(t + p + 2, t + len, &levels);
			if (nl == 0)
				continue;
			add_clause(fl, i, psprintf("clause:iso27001:A.%.*s", nl, t + p + 2));
		}
	}
}

/* ISO/IEC 27017 clauses: CLD.x.y.z, and 「x.y.z title」. */
static void
find_27017(const char *t, int len, FoundList *fl)
{
	int			i;

	for (i = 0; i + 3 < len; i++)
	{
		int			p;
		int			nl;
		int			levels;

		if (memcmp(t + i, "CLD", 3) == 0 && !(i > 0 && is_alnum(t[i - 1])))
		{
			p = i + 3;
			if (p < len && (t[p] == '.' || t[p] == ' '))
				p++;
			nl = dotted_number(t + p, t + len, &levels);
			if (nl > 0 && levels == 3)
				add_clause(fl, i, psprintf("clause:iso27017:CLD.%.*s", nl, t + p));
			continue;
		}
		/*
		 * A clause number with its title, quoted or listed: 「10.1.1 暗号…」,
		 * (9.4.1 情報へのアクセス制限、…).  Opening 「 is E3 80 8C, 、 is
		 * E3 80 81.
		 */
		p = -1;
		if ((unsigned char) t[i] == 0xE3 && (unsigned char) t[i + 1] == 0x80 &&
			((unsigned char) t[i + 2] == 0x8C || (unsigned char) t[i + 2] == 0x81))
			p = i + 3;
		else if (t[i] == '(')
			p = i + 1;
		if (p >= 0)
		{
			int			first;

			while (p < len && t[p] == ' ')
				p++;
			nl = dotted_number(t + p, t + len, &levels);
			/* then a blank and a title in Japanese */
			if (nl == 0 || levels != 3 || p + nl + 1 >= len || t[p + nl] != ' ' ||
				(unsigned char) t[p + nl + 1] < 0x80)
				continue;
			first = atoi(t + p);
			if (first >= 5 && first <= 18)
				add_clause(fl, p, psprintf("clause:iso27017:%.*s", nl, t + p));
		}
	}
}

/* How far back standard_before() looks for the name of a standard. */
#define STANDARD_LOOKBACK	512

/*
 * The standard named last before pos in the same sentence (within
 * STANDARD_LOOKBACK bytes), or NULL.
 */
static const char *
standard_before(const char *t, int pos)
{
	static const struct
	{
		const char *digits;
		const char *name;
	}			stds[] =
	{
		{"27001", "ISO27001"}, {"27017", "ISO27017"}, {"27018", "ISO27018"},
		{"27701", "ISO27701"}, {"9001", "ISO9001"}, {"14001", "ISO14001"},
		{"20000", "ISO20000"}, {"22301", "ISO22301"}
	};
	int			best = -1;
	const char *name = NULL;
	int			start = pos;
	int			i,
				k;

	/*
	 * Back to the start of the sentence, at most STANDARD_LOOKBACK bytes, so
	 * that a sentence of many numbers costs linear time.
	 */
	while (start > 0 && pos - start < STANDARD_LOOKBACK && t[start - 1] != '\n' &&
		   !(start >= 3 && (unsigned char) t[start - 3] == 0xE3 &&
			 (unsigned char) t[start - 2] == 0x80 &&
			 (unsigned char) t[start - 1] == 0x82))
		start--;
	/* one pass; the standards' numbers start with 1, 2 or 9 */
	for (i = start; i < pos; i++)
	{
		if (t[i] != '1' && t[i] != '2' && t[i] != '9')
			continue;
		if (i > 0 && is_digit(t[i - 1]))
			continue;
		for (k = 0; k < (int) lengthof(stds); k++)
		{
			int			dl = strlen(stds[k].digits);

			if (i + dl <= pos && memcmp(t + i, stds[k].digits, dl) == 0 &&
				!(i + dl < pos && is_digit(t[i + dl])) && i > best)
			{
				best = i;
				name = stds[k].name;
			}
		}
	}
	return name;
}

/* Add a certification number found at [start, end). */
static void
add_cert(const char *t, int start, int end, FoundList *fl)
{
	const char *std = standard_before(t, start);
	char	   *ev = std ? psprintf("cert:%s/%.*s", std, end - start, t + start)
		: psprintf("cert:%.*s", end - start, t + start);

	if (valid_evidence(ev))
		add_found(fl, start, kansa_evidence_canonical(ev), NULL, false);
}

/*
 * Certification registration numbers: the usual issuers' formats, and a
 * number written after a label.  A number found both ways is one item
 * (duplicates are removed by the caller).
 */
static void
find_certs(const char *t, const char *lower, int len, FoundList *fl)
{
	static const char *const issuers[] = {
		"JQA-", "JUSE-", "MSA-", "JSA-", "ISA-", "JACO-", "LRQA-", "DNV-", "BV-"
	};
	static const char *const labels[] = {
		"認証登録番号", "登録番号", "certificate number", "certificate no",
		"certificate #", "registration number"
	};
	const char *m;
	int			k;

	for (k = 0; k < (int) lengthof(issuers); k++)
	{
		int			il = strlen(issuers[k]);
		int			scanned = 0;	/* the number read last ends here */

		for (m = strstr(t, issuers[k]); m != NULL; m = strstr(m + il, issuers[k]))
		{
			int			i = m - t;
			int			p = i + il;

			/* inside a number read already ("JQA-JQA-..."): one number */
			if ((i > 0 && is_alnum(t[i - 1])) || i < scanned)
				continue;
			while (p < len && (is_alnum(t[p]) || t[p] == '-'))
				p++;
			scanned = p;
			while (p > i + il && t[p - 1] == '-')
				p--;
			if (p > i + il && is_digit(t[p - 1]))
				add_cert(t, i, p, fl);
		}
	}

	/* JP15/080358 */
	for (m = strstr(t, "JP"); m != NULL; m = strstr(m + 2, "JP"))
	{
		int			i = m - t;

		if (i + 11 <= len && !(i > 0 && is_alnum(t[i - 1])) &&
			is_digit(t[i + 2]) && is_digit(t[i + 3]) && t[i + 4] == '/' &&
			strspn(t + i + 5, "0123456789") >= 6 &&
			!(i + 11 < len && is_alnum(t[i + 11])))
			add_cert(t, i, i + 11, fl);
	}

	for (k = 0; k < (int) lengthof(labels); k++)
	{
		int			ll = strlen(labels[k]);

		for (m = strstr(lower, labels[k]); m != NULL; m = strstr(m + ll, labels[k]))
		{
			int			p = (m - lower) + ll;
			int			q;

			while (p < len && (t[p] == ' ' || t[p] == ':' || t[p] == '.'))
				p++;
			q = p;
			/* BSI writes "IS 123456" */
			if (q + 3 < len && t[q] >= 'A' && t[q] <= 'Z' && t[q + 1] >= 'A' &&
				t[q + 1] <= 'Z' && t[q + 2] == ' ' && is_digit(t[q + 3]))
				q += 3;
			while (q < len && (is_alnum(t[q]) || t[q] == '-' || t[q] == '/'))
				q++;
			while (q > p && (t[q - 1] == '-' || t[q - 1] == '/'))
				q--;
			if (q - p >= 4 && has_digit(t + p, q - p))
				add_cert(t, p, q, fl);
		}
	}
}

/* Assurance reports. */
/* A report named at offset i, if it is one. */
static void
find_report_at(const char *t, int i, int len, FoundList *fl)
{
	int			p;
	int			q;
	char	   *ev;

	if (i > 0 && is_alnum(t[i - 1]))
		return;
	if (pg_strncasecmp(t + i, "SOC", 3) == 0)
	{
		p = i + 3;
		if (p < len && t[p] == ' ')
			p++;
		if (!(p < len && t[p] >= '1' && t[p] <= '3') ||
			(p + 1 < len && is_alnum(t[p + 1])))
			return;
		q = p + 1;
		/* an optional Type 1 / Type II */
		{
			int			r = q;

			while (r < len && (t[r] == ' ' || t[r] == '-'))
				r++;
			if (r + 4 < len && pg_strncasecmp(t + r, "type", 4) == 0)
			{
				int			s = r + 4;

				while (s < len && t[s] == ' ')
					s++;
				if (s < len && (t[s] == '1' || t[s] == '2'))
					q = s + 1;
				else if (s + 1 < len && t[s] == 'I' && t[s + 1] == 'I')
					q = s + 2;
				else if (s < len && t[s] == 'I')
					q = s + 1;
			}
		}
	}
	else if (pg_strncasecmp(t + i, "ISAE", 4) == 0 ||
			 pg_strncasecmp(t + i, "SSAE", 4) == 0)
	{
		p = i + 4;
		if (p < len && t[p] == ' ')
			p++;
		q = p;
		while (q < len && is_digit(t[q]))
			q++;
		if (q == p)
			return;
	}
	else
		return;
	ev = psprintf("report:%.*s", q - i, t + i);
	if (valid_evidence(ev))
		add_found(fl, i, kansa_evidence_canonical(ev), NULL, false);
}

static void
find_reports(const char *t, const char *lower, int len, FoundList *fl)
{
	static const char *const heads[] = {"soc", "isae", "ssae"};
	int			h;

	for (h = 0; h < (int) lengthof(heads); h++)
	{
		const char *m;

		for (m = strstr(lower, heads[h]); m != NULL; m = strstr(m + 3, heads[h]))
			find_report_at(t, m - lower, len, fl);
	}
}

/* Is the UTF-8 character ending just before t+p katakana (U+30A0-30FF)? */
static bool
katakana_before(const char *t, int p)
{
	return p >= 3 && (unsigned char) t[p - 3] == 0xE3 &&
		(((unsigned char) t[p - 2] == 0x82 && (unsigned char) t[p - 1] >= 0xA0) ||
		 ((unsigned char) t[p - 2] == 0x83 && (unsigned char) t[p - 1] <= 0xBF));
}

/*
 * Where a document's name at t[start] begins with what is written just
 * before it: a katakana word and a product name (LiveOn サービス利用規約).
 */
static int
doc_name_start(const char *t, int start)
{
	int			p;

	while (katakana_before(t, start))
		start -= 3;
	p = start;
	if (p > 1 && t[p - 1] == ' ' && is_alnum(t[p - 2]))
		p--;
	if (p > 0 && is_alnum(t[p - 1]))
	{
		while (p > 0 && is_alnum(t[p - 1]))
			p--;
		start = p;
	}
	return start;
}

/*
 * Does the name ending at t[end] begin an enumeration that ends in 等 or
 * など before the sentence does ("利用規約、契約書等"): a kind of document,
 * not one to read?
 */
static bool
names_kind_of_document(const char *t, int end, int len)
{
	const char *stop = t + Min(len, end + 40);
	const char *r;

	if (!(end + 3 <= len && memcmp(t + end, "、", 3) == 0))
		return false;
	for (r = t + end; r + 3 <= stop; r++)
	{
		if (memcmp(r, "。", 3) == 0)
			break;
		if (memcmp(r, "等", 3) == 0 ||
			(r + 6 <= t + len && memcmp(r, "など", 6) == 0))
			return true;
	}
	return false;
}

/*
 * The articles named after the document ending at t[end], in brackets
 * ("(第11条、第12条)"), each found as doc:name#第N条; false when there is
 * none.
 */
static bool
find_articles(const char *t, int end, int len, const char *name, FoundList *fl)
{
	bool		articles = false;
	int			p = end;
	int			q;

	while (p < len && t[p] == ' ')
		p++;
	if (!(p < len && t[p] == '('))
		return false;
	q = p + 1;
	for (;;)
	{
		int			a0;
		char	   *ev;

		while (q < len && t[q] == ' ')
			q++;
		/* 第 is E7 AC AC, 条 is E6 9D A1 */
		if (!(q + 3 <= len && memcmp(t + q, "第", 3) == 0))
			break;
		a0 = q;
		q += 3;
		while (q < len && is_digit(t[q]))
			q++;
		if (!(q + 3 <= len && memcmp(t + q, "条", 3) == 0) ||
			q == a0 + 3)
			break;
		q += 3;
		ev = psprintf("doc:%s#%.*s", name, q - a0, t + a0);
		if (valid_evidence(ev))
		{
			add_found(fl, a0, kansa_evidence_canonical(ev), name, true);
			articles = true;
		}
		while (q < len && t[q] == ' ')
			q++;
		/* 、 is E3 80 81 */
		if (q + 3 <= len && memcmp(t + q, "、", 3) == 0)
			q += 3;
		else if (q < len && t[q] == ',')
			q++;
		else
			break;
	}
	return articles;
}

/*
 * Documents a customer can read (利用規約, SLA, privacy policy), with the
 * product name before them and the articles after; an ASCII name stands as
 * a whole word, and a name inside a longer one found first does not count.
 */
static void
find_docs(const char *t, const char *lower, int len, FoundList *fl)
{
	static const char *const names[] = {
		"利用規約", "利用約款", "サービス約款", "プライバシーポリシー",
		"個人情報保護方針", "情報セキュリティ基本方針",
		"クラウドセキュリティ基本方針", "ホワイトペーパー", "サービス仕様書",
		"サービスレベル合意書", "オンラインヘルプ", "sla", "faq",
		"terms of service", "terms of use", "privacy policy", "whitepaper",
		"white paper"
	};
	int			k;

	for (k = 0; k < (int) lengthof(names); k++)
	{
		int			nl = strlen(names[k]);
		bool		ascii = (unsigned char) names[k][0] < 0x80;
		const char *m;
		int			covered = -1;	/* a longer name matched up to here */

		for (m = strstr(lower, names[k]); m != NULL; m = strstr(m + nl, names[k]))
		{
			int			i = m - lower;
			int			start = i;
			int			end = i + nl;
			char	   *name;

			if (i < covered)
				continue;
			if (ascii &&
				((i > 0 && is_alnum(t[i - 1])) || (end < len && is_alnum(t[end]))))
				continue;
			if (!ascii)
				start = doc_name_start(t, start);
			name = pnstrdup(t + start, end - start);
			if (names_kind_of_document(t, end, len))
				continue;
			if (!find_articles(t, end, len, name, fl))
			{
				char	   *ev = psprintf("doc:%s", name);

				if (valid_evidence(ev))
					add_found(fl, start, kansa_evidence_canonical(ev), name, false);
			}
			covered = end;
		}
	}
}

static int
found_cmp(const void *a, const void *b)
{
	const Found *x = a;
	const Found *y = b;

	return x->pos - y->pos;
}

/* Order of pointers to found items by text, then position. */
static int
found_ev_cmp(const void *a, const void *b)
{
	const Found *x = *(Found *const *) a;
	const Found *y = *(Found *const *) b;
	int			c = strcmp(x->ev, y->ev);

	return c != 0 ? c : x->pos - y->pos;
}

/* Order of pointers to found documents by name. */
static int
found_doc_cmp(const void *a, const void *b)
{
	const Found *x = *(Found *const *) a;
	const Found *y = *(Found *const *) b;

	return strcmp(x->docname, y->docname);
}

/*
 * Mark what is not reported: an item found again later (only its first
 * appearance counts), and a bare document name when an article of the same
 * document is cited.  Sorting makes it O(n log n) however many items a text
 * holds.
 */
static void
drop_repeats(FoundList *fl)
{
	Found	  **by = palloc(Max(fl->n, 1) * sizeof(Found *));
	int			nd = 0;
	int			i,
				j;

	for (i = 0; i < fl->n; i++)
		if (fl->items[i].docname != NULL)
			by[nd++] = &fl->items[i];
	if (nd > 1)
		qsort(by, nd, sizeof(Found *), found_doc_cmp);
	for (i = 0; i < nd; i = j)
	{
		bool		article = false;
		int			k;

		for (j = i; j < nd && strcmp(by[j]->docname, by[i]->docname) == 0; j++)
			article |= by[j]->article;
		if (article)
			for (k = i; k < j; k++)
				if (!by[k]->article)
					by[k]->dropped = true;
	}

	for (i = 0; i < fl->n; i++)
		by[i] = &fl->items[i];
	if (fl->n > 1)
		qsort(by, fl->n, sizeof(Found *), found_ev_cmp);
	for (i = 1; i < fl->n; i++)
		if (strcmp(by[i]->ev, by[i - 1]->ev) == 0)
			by[i]->dropped = true;
	pfree(by);
}

/*
 * Find the evidence len bytes of answer text cite; returns the number of
 * items and a palloc'd array of canonical texts, in order of first
 * appearance, duplicates removed.
 */
int
kansa_extract_evidence(const char *str, size_t len, char ***out)
{
	char	   *t = kansa_clean_text(str, len);
	int			tl = strlen(t);
	FoundList	fl = {NULL, 0, 0};
	int			i;
	int			n = 0;
	char	   *lower = kansa_ascii_lower(t, tl);

	find_urls(t, lower, tl, &fl);
	find_annex(t, lower, tl, &fl);
	find_27017(t, tl, &fl);
	find_certs(t, lower, tl, &fl);
	find_reports(t, lower, tl, &fl);
	find_docs(t, lower, tl, &fl);
	CHECK_FOR_INTERRUPTS();

	if (fl.n > 1)
		qsort(fl.items, fl.n, sizeof(Found), found_cmp);
	drop_repeats(&fl);
	*out = palloc(Max(fl.n, 1) * sizeof(char *));
	for (i = 0; i < fl.n; i++)
		if (!fl.items[i].dropped)
			(*out)[n++] = fl.items[i].ev;
	return n;
}

PG_FUNCTION_INFO_V1(kansa_extract_evidence_sql);

/* extract_evidence(text) returns setof evidence */
Datum
kansa_extract_evidence_sql(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	char	  **items;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext oldcontext;
		text	   *t = PG_GETARG_TEXT_PP(0);
		int			n;

		funcctx = SRF_FIRSTCALL_INIT();
		oldcontext = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		n = kansa_extract_evidence(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &items);
		funcctx->user_fctx = items;
		funcctx->max_calls = n;
		MemoryContextSwitchTo(oldcontext);
	}
	funcctx = SRF_PERCALL_SETUP();
	items = funcctx->user_fctx;
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		const char *ev = items[funcctx->call_cntr];
		int			l = strlen(ev);
		struct varlena *v = palloc(VARHDRSZ + l);

		SET_VARSIZE(v, VARHDRSZ + l);
		memcpy(VARDATA(v), ev, l);
		SRF_RETURN_NEXT(funcctx, PointerGetDatum(v));
	}
	SRF_RETURN_DONE(funcctx);
}
