/*-------------------------------------------------------------------------
 *
 * extract_measures.c
 *	  extract_measures(text): the figures a vendor states (日次バックアップ,
 *	  保管期間：1年間, 24時間365日監視カメラ稼働), each tied to the quantity it
 *	  is about by the words around it.
 *
 * The text is read as clean_text() gives it.  Every position where a figure
 * may start is offered to kansa_measure_scan() in text mode (dates and
 * calendar years are not figures).  A figure is then tied to a quantity by
 * its cue words (バックアップ, ログ, 稼働率, 監視カメラ …): of the cues that
 * accept the figure's kind and stand in the same sentence (as
 * kansa_split_sentences() cuts the text), the nearest in
 * the figure's own clause wins, else the nearest before it in the sentence,
 * else the nearest after it.  Generic cues (ログ, 記録, 通知, 報告) lose to a
 * specific one nearby (入退室記録 is an entry log, not a usage log).  A
 * figure with no cue is not returned: kansa reports what a vendor states
 * about a quantity, never a number without a subject.  Sentences and cues
 * are looked for within REACH bytes of a figure, and at most MAX_FIGURES
 * figures are read from one text, so hostile input costs linear time.
 *
 * src/extract_measures.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type_d.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "cleantext.h"
#include "measure.h"
#include "normalize.h"

#define K(kind) (1 << (kind))
#define F K(MEASURE_FREQUENCY)
#define D K(MEASURE_DURATION)
#define R K(MEASURE_RATIO)
#define C K(MEASURE_COUNT)
#define V K(MEASURE_COVERAGE)
#define L K(MEASURE_RELATIVE)

/* Penalty, in bytes of distance, of a generic cue against a specific one. */
#define GENERIC_PENALTY 30

/* How far (bytes) from a figure its sentence and cues are looked for. */
#define REACH 300

/* Figures read (found or not, repeated or not) from one text at most. */
#define MAX_FIGURES 200

/*
 * Cue words (folded, ASCII lower case), the quantity a figure of the given
 * kinds near them is about, and whether the word is generic.  Quantity
 * names are those of the kansa.quantity table; a test checks they agree.
 */
static const struct
{
	const char *word;
	const char *quantity;
	int			kinds;
	bool		generic;
}			cues[] = {
	{"死活監視", "liveness_interval", F, false},
	{"障害監視", "fault_interval", F, false},
	/* 障害を10分間隔で監視: the words apart */
	{"障害", "fault_interval", F, true},
	{"死活", "liveness_interval", F, true},
	{"パフォーマンス監視", "performance_interval", F, false},
	{"性能監視", "performance_interval", F, false},
	{"リソース監視", "performance_interval", F, false},
	{"performance monitoring", "performance_interval", F, false},
	{"resource monitoring", "performance_interval", F, false},
	{"外形監視", "liveness_interval", F, false},
	{"health check", "liveness_interval", F, false},
	{"health-check", "liveness_interval", F, false},
	{"health-checked", "liveness_interval", F, false},
	{"heartbeat", "liveness_interval", F, false},
	{"dead monitoring", "liveness_interval", F, false},
	{"dead-monitoring", "liveness_interval", F, false},
	{"alive monitoring", "liveness_interval", F, false},
	{"死活確認", "liveness_interval", F, false},
	{"ping", "liveness_interval", F, false},
	{"liveness", "liveness_interval", F, false},
	{"fault monitoring", "fault_interval", F, false},
	{"異常監視", "fault_interval", F, false},
	{"バックアップ", "backup_interval", F, false},
	{"backup", "backup_interval", F, false},
	{"backed up", "backup_interval", F, false},
	{"snapshot", "backup_interval", F, false},
	{"スナップショット", "backup_interval", F, false},
	{"バックアップ", "backup_generations", C, false},
	{"backup", "backup_generations", C, false},
	{"世代", "backup_generations", C, false},
	{"バックアップ", "backup_retention", D, false},
	{"backup", "backup_retention", D, false},
	{"snapshot", "backup_retention", D, false},
	{"スナップショット", "backup_retention", D, false},
	{"リストアテスト", "backup_check", F, false},
	{"リストア試験", "backup_check", F, false},
	{"復元テスト", "backup_check", F, false},
	{"復元試験", "backup_check", F, false},
	{"リストア確認", "backup_check", F, false},
	{"restore test", "backup_check", F, false},
	{"restoration test", "backup_check", F, false},
	{"restore testing", "backup_check", F, false},
	{"リストア訓練", "backup_check", F, false},
	{"復元訓練", "backup_check", F, false},
	{"稼働率", "uptime", R, false},
	{"可用性", "uptime", R, false},
	{"uptime", "uptime", R, false},
	{"availability", "uptime", R, false},
	{"sla", "uptime", R, false},
	{"稼動率", "uptime", R, false},
	{"サービスレベル", "uptime", R, false},
	{"service level", "uptime", R, false},
	{"セキュリティログ", "security_log_retention", D, false},
	{"監査ログ", "security_log_retention", D, false},
	{"セキュリティイベント", "security_log_retention", D, false},
	{"例外処理", "security_log_retention", D, false},
	{"audit log", "security_log_retention", D, false},
	{"security log", "security_log_retention", D, false},
	{"セキュリティ事象", "security_log_retention", D | L, true},
	{"security event", "security_log_retention", D | L, true},
	{"siem", "security_log_retention", D | L, false},
	{"incident log", "security_log_retention", D | L, false},
	{"アクセスログ", "usage_log_retention", D | L, true},
	{"キャパシティ管理", "capacity_doc_retention", D | L, false},
	{"キャパシティ計画", "capacity_doc_retention", D | L, false},
	{"容量管理", "capacity_doc_retention", D | L, false},
	{"容量計画", "capacity_doc_retention", D | L, false},
	{"capacity planning", "capacity_doc_retention", D | L, false},
	{"capacity plan", "capacity_doc_retention", D | L, false},
	{"capacity management", "capacity_doc_retention", D | L, false},
	{"capacity requirement", "capacity_doc_retention", D | L, false},
	{"利用状況", "usage_log_retention", D | L, false},
	{"操作ログ", "usage_log_retention", D | L, false},
	{"操作履歴", "usage_log_retention", D | L, false},
	{"利用履歴", "usage_log_retention", D | L, false},
	{"access log", "usage_log_retention", D | L, true},
	{"usage log", "usage_log_retention", D | L, false},
	{"activity log", "usage_log_retention", D | L, false},
	{"ログ", "usage_log_retention", D, true},
	{"log", "usage_log_retention", D, true},
	{"履歴", "usage_log_retention", D, true},
	{"記録", "usage_log_retention", D, true},
	{"証跡", "usage_log_retention", D, true},
	{"入退室", "entry_log_retention", D, false},
	{"入退館", "entry_log_retention", D, false},
	{"入館", "entry_log_retention", D, false},
	{"入退出", "entry_log_retention", D, false},
	{"入室記録", "entry_log_retention", D, false},
	{"entry and exit", "entry_log_retention", D, false},
	{"entry/exit", "entry_log_retention", D, false},
	{"entry log", "entry_log_retention", D, false},
	{"data center access", "entry_log_retention", D, false},
	{"datacenter access", "entry_log_retention", D, false},
	{"facility access", "entry_log_retention", D, false},
	{"physical access", "entry_log_retention", D, false},
	{"access log of the data", "entry_log_retention", D, false},
	{"監視カメラ", "camera_hours", V, false},
	{"カメラ", "camera_hours", V, false},
	{"camera", "camera_hours", V, false},
	{"cctv", "camera_hours", V, false},
	{"防犯カメラ", "camera_hours", V, false},
	{"監視カメラ", "camera_retention", D, false},
	{"カメラ", "camera_retention", D, false},
	{"映像", "camera_retention", D, false},
	{"録画", "camera_retention", D, false},
	{"camera", "camera_retention", D, false},
	{"cctv", "camera_retention", D, false},
	{"防犯カメラ", "camera_retention", D, false},
	{"footage", "camera_retention", D, false},
	{"警備員", "guard_hours", V, false},
	{"警備", "guard_hours", V, false},
	{"有人", "guard_hours", V, false},
	{"guard", "guard_hours", V, false},
	{"security guard", "guard_hours", V, false},
	{"追加報告", "followup_report_time", D, false},
	{"続報", "followup_report_time", D, false},
	{"経過報告", "followup_report_time", D, false},
	{"進捗報告", "followup_report_time", D, false},
	{"再発防止", "followup_report_time", D, false},
	{"follow-up report", "followup_report_time", D, false},
	{"status update", "followup_report_time", D, false},
	{"detailed report", "followup_report_time", D, false},
	{"詳細な報告", "followup_report_time", D, false},
	{"詳細報告", "followup_report_time", D, false},
	{"final report", "followup_report_time", D, false},
	{"定期報告", "periodic_report_interval", F | D, false},
	{"報告", "periodic_report_interval", F, true},
	{"report", "periodic_report_interval", F, true},
	{"通知", "notification_time", D, true},
	{"通報", "notification_time", D, true},
	{"連絡", "notification_time", D, true},
	{"報告", "notification_time", D, true},
	{"notify", "notification_time", D, true},
	{"notification", "notification_time", D, true},
	{"notified", "notification_time", D, true},
	{"inform", "notification_time", D, true},
	{"informed", "notification_time", D, true},
	{"alert", "notification_time", D, true},
	{"alerted", "notification_time", D, true},
	{"paged", "notification_time", D, true},
	{"escalated", "notification_time", D, true},
	{"contacted", "notification_time", D, true},
	{"エスカレーション", "notification_time", D, true},
	{"パッチ", "patch_start_time", D | F, false},
	{"patch", "patch_start_time", D | F, false},
	{"修正プログラム", "patch_start_time", D | F, false},
	{"セキュリティ更新", "patch_start_time", D | F, false},
	{"patches", "patch_start_time", D | F, false},
	{"patched", "patch_start_time", D | F, false},
	{"patching", "patch_start_time", D | F, false},
	{"security update", "patch_start_time", D | F, false},
	{"hotfix", "patch_start_time", D | F, false},
	{"セキュリティアップデート", "patch_start_time", D | F, false},
	{"パターンファイル", "pattern_file_update", D | F, false},
	{"定義ファイル", "pattern_file_update", D | F, false},
	{"シグネチャ", "pattern_file_update", D | F, false},
	{"シグニチャ", "pattern_file_update", D | F, false},
	{"signature", "pattern_file_update", D | F, false},
	{"pattern file", "pattern_file_update", D | F, false},
	{"ウイルス定義", "pattern_file_update", D | F, false},
	{"ウィルス定義", "pattern_file_update", D | F, false},
	{"virus definition", "pattern_file_update", D | F, false},
	{"malware definition", "pattern_file_update", D | F, false},
	{"definition file", "pattern_file_update", D | F, false},
	{"脆弱性診断", "vuln_scan_interval", F, false},
	{"ぜい弱性診断", "vuln_scan_interval", F, false},
	{"脆弱性検査", "vuln_scan_interval", F, false},
	{"脆弱性スキャン", "vuln_scan_interval", F, false},
	{"ペネトレーション", "vuln_scan_interval", F, false},
	{"侵入テスト", "vuln_scan_interval", F, false},
	{"ポートスキャン", "vuln_scan_interval", F, false},
	{"vulnerability", "vuln_scan_interval", F, false},
	{"penetration", "vuln_scan_interval", F, false},
	{"pen test", "vuln_scan_interval", F, false},
	{"pentest", "vuln_scan_interval", F, false},
	{"vulnerability scan", "vuln_scan_interval", F, false},
	{"脆弱性", "vuln_scan_interval", F, true},
	{"ups", "ups_minutes", D, false},
	{"無停電", "ups_minutes", D, false},
	{"uninterruptible", "ups_minutes", D, false},
	{"発電機", "generator_hours", D, false},
	{"generator", "generator_hours", D, false},
	{"自家発電", "generator_hours", D, false},
	{"非常用発電", "generator_hours", D, false},
	{"発電設備", "generator_hours", D, false},
	{"rpo", "rpo", D, false},
	{"目標復旧時点", "rpo", D, false},
	{"復旧時点", "rpo", D, false},
	{"recovery point", "rpo", D, false},
	{"rto", "rto", D, false},
	{"目標復旧時間", "rto", D, false},
	{"復旧時間", "rto", D, false},
	{"recovery time", "rto", D, false},
	{"サービス再開", "rto", D, false},
	{"運転再開", "rto", D, false},
	{"restore service", "rto", D, false},
	{"service restoration", "rto", D, false},
	{"service is restored", "rto", D, false},
	{"教育", "training_interval", F, false},
	{"研修", "training_interval", F, false},
	{"訓練", "training_interval", F, false},
	{"training", "training_interval", F, false},
	{"講習", "training_interval", F, false},
	{"eラーニング", "training_interval", F, false},
	{"e-learning", "training_interval", F, false},
	{"awareness", "training_interval", F, false},
	{"内部監査", "audit_interval", F, false},
	{"監査", "audit_interval", F, true},
	{"audit", "audit_interval", F, true},
	{"外部監査", "audit_interval", F, false},
	{"審査", "audit_interval", F, true},
	{"audited", "audit_interval", F, true},
	{"見直し", "review_interval", F, false},
	{"レビュー", "review_interval", F, false},
	{"review", "review_interval", F, false},
	{"reviewed", "review_interval", F, true},
	{"改訂", "review_interval", F, true},
	{"改定", "review_interval", F, true},
};

/* Words in a sentence that make a pattern-file figure an IDS signature one. */
static const char *const ids_words[] = {"ids", "ips", "侵入検知", "不正侵入"};

/* Words that make "N in advance" an advance notice (whole words). */
static const char *const english_notice_words[] = {
	"notice", "notify", "notified", "notification", "notifications",
	"announce", "announced", "announcement", "inform", "informed"
};

/* Words that make "N before" an advance notice of a change. */
static const char *const notice_words[] = {
	"通知", "告知", "周知", "連絡", "案内", "notice", "notif"
};

typedef struct
{
	int			start;
	int			end;
	int			cue;
} CueHit;

/* Is the byte before pos an ASCII letter (for cue words in ASCII)? */
static inline bool
ascii_letter_at(const char *t, int pos, int len)
{
	return pos >= 0 && pos < len &&
		((t[pos] >= 'a' && t[pos] <= 'z') || (t[pos] >= 'A' && t[pos] <= 'Z'));
}

/* Length of the clause separator at t[pos], or 0. */
static int
clause_end_at(const char *t, int pos)
{
	static const char *const clause_ends[] = {"、", ",", ";", "・", "■", "●", "◆", "※"};
	int			i;

	for (i = 0; i < (int) lengthof(clause_ends); i++)
		if (strncmp(t + pos, clause_ends[i], strlen(clause_ends[i])) == 0)
			return strlen(clause_ends[i]);
	return 0;
}

/*
 * The sentence holding the figure t[fs..fe), as kansa_split_sentences() cut
 * the text, narrowed to REACH bytes either side of the figure (a cue further
 * away is not about it), into [*ss, *se); and the clause within it, cut at
 * 、 , ; ・ and bullets, into [*cs, *ce).
 */
static void
figure_context(const char *t, const int *starts, const int *lens, int nsent,
			   int fs, int fe, int *ss, int *se, int *cs, int *ce)
{
	int			lo = 0,
				hi = nsent;
	int			i;

	/* the last sentence that starts at or before the figure */
	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (starts[mid] <= fs)
			lo = mid + 1;
		else
			hi = mid;
	}
	*ss = lo > 0 ? starts[lo - 1] : 0;
	*se = lo > 0 ? Max(starts[lo - 1] + lens[lo - 1], fe) : fe;
	*ss = Max(*ss, fs - REACH);
	*se = Min(*se, fe + REACH);

	*cs = *ss;
	for (i = fs - 1; i >= *ss; i--)
	{
		int			b = clause_end_at(t, i);

		if (b > 0 && i + b <= fs)
		{
			*cs = i + b;
			break;
		}
	}
	*ce = *se;
	for (i = fe; i < *se; i++)
		if (clause_end_at(t, i) > 0)
		{
			*ce = i;
			break;
		}
}

/* Does t[from..to) contain any of the words? */
static bool
contains_any(const char *t, int from, int to, const char *const *words, int n)
{
	int			i;

	for (i = 0; i < n; i++)
	{
		const char *w = words[i];
		const char *hit = strstr(t + from, w);

		if (hit != NULL && hit - t + (int) strlen(w) <= to)
			return true;
	}
	return false;
}

/*
 * Could a figure start at p?  A digit, a bound sign, the first letter of an
 * English word that starts one (daily, every, once, no later than, one …
 * twelve, round the clock, service+ …), or one of the few ideographs and
 * kana that do (年1回, 毎日, 週次, 四半期, 半年, 平日, 都度, 一 … 十,
 * サービス提供期間, 翌営業日, 少なくとも, 最低).  Not inside a word or a
 * number, a version (v1.2) or a time (9:00).
 */
static bool
may_start(const char *t, int pos)
{
	/* 一 二 三 四 五 六 七 八 九 十 毎 日 週 月 年 半 平 都 ≥ ≤ サ 翌 少 最 */
	static const pg_wchar starters[] = {
		0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B,
		0x4E5D, 0x5341, 0x6BCE, 0x65E5, 0x9031, 0x6708, 0x5E74, 0x534A,
		0x5E73, 0x90FD, 0x2265, 0x2264, 0x30B5, 0x7FCC, 0x5C11, 0x6700
	};
	const unsigned char *u = (const unsigned char *) t + pos;
	unsigned char prev = pos > 0 ? (unsigned char) t[pos - 1] : ' ';
	pg_wchar	c;
	int			i;

	if ((prev >= '0' && prev <= '9') || (prev >= 'a' && prev <= 'z') ||
		(prev >= 'A' && prev <= 'Z') || prev == '.')
		return false;
	/* twenty-one: a word after a hyphen is part of the one before */
	if (prev == '-' && u[0] >= 'a' && u[0] <= 'z')
		return false;
	/* 9:00, 24/7 and 1/2 go on; 保管期間:1年間 starts one */
	if ((prev == ':' || prev == '/') && pos >= 2 && t[pos - 2] >= '0' && t[pos - 2] <= '9')
		return false;
	if ((u[0] >= '0' && u[0] <= '9') || u[0] == '>' || u[0] == '<')
		return true;
	if (u[0] >= 'a' && u[0] <= 'z')
		return strchr("adefhmnoqrstuwy", u[0]) != NULL;
	if ((u[0] & 0xF0) != 0xE0 || u[1] == 0 || u[2] == 0)
		return false;			/* every starter is a three-byte character */
	c = utf8_to_unicode(u);
	for (i = 0; i < (int) lengthof(starters); i++)
		if (c == starters[i])
			return true;
	return false;
}

/* Does a date or a time of day end just before pos (5月25日, 2023年 11月 14日)? */
static bool
after_date_part(const char *t, int pos)
{
	while (pos > 0 && t[pos - 1] == ' ')
		pos--;
	return (pos >= 3 && strncmp(t + pos - 3, "月", 3) == 0) ||
		(pos >= 3 && strncmp(t + pos - 3, "年", 3) == 0 && pos >= 4 &&
		 t[pos - 4] >= '0' && t[pos - 4] <= '9');
}

/* Order of cue hits: by start, then by cue (so that ties are stable). */
static int
cue_hit_cmp(const void *a, const void *b)
{
	const CueHit *x = a;
	const CueHit *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->cue < y->cue ? -1 : x->cue > y->cue ? 1 : 0;
}

/*
 * Every occurrence of every cue word in the lower-cased text, found only
 * once a figure turns up (most answers state none).
 */
static CueHit *
find_cues(const char *lower, int tl, int *nhits)
{
	int			cap = 16;
	int			n = 0;
	CueHit	   *hits = palloc(cap * sizeof(CueHit));
	int			i;

	for (i = 0; i < (int) lengthof(cues); i++)
	{
		const char *w = cues[i].word;
		int			wl = strlen(w);
		bool		ascii = (unsigned char) w[0] < 0x80;
		const char *h = lower;

		while ((h = strstr(h, w)) != NULL)
		{
			int			s = h - lower;

			h += wl;
			/* an ASCII cue is a word of its own (a plural s allowed) */
			if (ascii && (ascii_letter_at(lower, s - 1, tl) ||
						  (ascii_letter_at(lower, s + wl, tl) && lower[s + wl] != 's')))
				continue;
			if (n == cap)
				hits = repalloc(hits, (cap *= 2) * sizeof(CueHit));
			hits[n].start = s;
			hits[n].end = s + wl;
			hits[n].cue = i;
			n++;
		}
	}
	*nhits = n;
	qsort(hits, n, sizeof(CueHit), cue_hit_cmp);
	return hits;
}

/* Index of the first hit that starts at or after pos. */
static int
first_hit_from(const CueHit *hits, int nhits, int pos)
{
	int			lo = 0,
				hi = nhits;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (hits[mid].start < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A text being read for figures, and the figures found so far. */
typedef struct FigureScan
{
	const char *text;			/* the clean text */
	char	   *lower;			/* ... with ASCII in lower case */
	int			tl;				/* their length */
	CueHit	   *hits;			/* every cue in it, once a figure turns up */
	int			nhits;
	int		   *sent_starts;	/* its sentences, once a figure turns up */
	int		   *sent_lens;
	int			nsent;
	KansaFigure *figs;
	int			nfigs;
	int			capfigs;
} FigureScan;

/*
 * The cue nearest the figure lower[fs, fe) among those of its kind in its
 * sentence [ss, se): one in the same clause [cs, ce) before one outside, a
 * specific one before a generic one, the longer of two as near.  Returns
 * its index in the hits, or -1.
 */
static int
nearest_cue(const FigureScan *fsc, const Measure *m, int fs, int fe, int ss, int se,
			int cs, int ce)
{
	const CueHit *hits = fsc->hits;
	int			best = -1;
	long		best_score = LONG_MAX;
	int			i;

	for (i = first_hit_from(hits, fsc->nhits, ss); i < fsc->nhits && hits[i].start < se; i++)
	{
		const CueHit *h = &hits[i];
		long		score;

		if (h->end > se ||
			(cues[h->cue].kinds & K(m->kind)) == 0 ||
			(h->start < fe && h->end > fs))
			continue;
		if (h->end <= fs)
			score = fs - h->end + (h->start >= cs ? 0 : 1000);
		else
			score = h->start - fe + (h->end <= ce ? 0 : 2000);
		if (cues[h->cue].generic)
			score += GENERIC_PENALTY;
		if (score < best_score ||
			(score == best_score && h->end - h->start > hits[best].end - hits[best].start))
		{
			best = i;
			best_score = score;
		}
	}
	return best;
}

/* Does the ASCII word (or phrase) w stand at q, no letter after it? */
static bool
word_at(const char *q, const char *w)
{
	size_t		wl = strlen(w);

	return strncmp(q, w, wl) == 0 &&
		!((q[wl] >= 'a' && q[wl] <= 'z') || (q[wl] >= 'A' && q[wl] <= 'Z'));
}

/* Does lower[ss, se) hold one of the ASCII words, each a word of its own? */
static bool
contains_word(const char *lower, int ss, int se, const char *const *words,
			  int nwords)
{
	int			i;

	for (i = 0; i < nwords; i++)
	{
		int			wl = strlen(words[i]);
		int			pos;

		for (pos = ss; pos + wl <= se; pos++)
			if (word_at(lower + pos, words[i]) &&
				!ascii_letter_at(lower, pos - 1, se))
				return true;
	}
	return false;
}

/*
 * The quantity the figure lower[fs, fe) is about: an advance notice of a
 * change ("1 か月前にユーザー通知"), else the quantity of the nearest cue
 * (IDS signatures where a pattern file is about an IDS); NULL when nothing
 * near says.
 */
static const char *
figure_quantity(FigureScan *fsc, const Measure *m, int fs, int fe)
{
	const char *lower = fsc->lower;
	int			ss,
				se,
				cs,
				ce;
	int			after;
	int			best;
	const char *quantity;

	if (fsc->hits == NULL)
		fsc->hits = find_cues(lower, fsc->tl, &fsc->nhits);
	if (fsc->sent_starts == NULL)
		fsc->nsent = kansa_split_sentences(lower, fsc->tl, &fsc->sent_starts,
										   &fsc->sent_lens);
	figure_context(lower, fsc->sent_starts, fsc->sent_lens, fsc->nsent, fs, fe,
				   &ss, &se, &cs, &ce);

	after = fe;
	while (after < fsc->tl && lower[after] == ' ')
		after++;
	if (strncmp(lower + after, "前", strlen("前")) == 0)
	{
		if (m->kind != MEASURE_DURATION ||
			!contains_any(lower, ss, se, notice_words, lengthof(notice_words)))
			return NULL;
		return "change_notice";
	}
	/* 7 days' notice, 7 days prior notice; 14 days in advance of a notice */
	if (m->kind == MEASURE_DURATION)
	{
		const char *q = lower + after;

		if (strncmp(q, "'s", 2) == 0)
			q += 2;
		else if (*q == '\'')
			q++;
		else if (strncmp(q, "’s", strlen("’s")) == 0)
			q += strlen("’s");
		else if (strncmp(q, "’", strlen("’")) == 0)
			q += strlen("’");
		while (*q == ' ')
			q++;
		if (word_at(q, "notice") || word_at(q, "advance notice") ||
			word_at(q, "prior notice"))
			return "change_notice";
		if (word_at(q, "in advance") &&
			contains_word(lower, ss, se, english_notice_words,
						  lengthof(english_notice_words)))
			return "change_notice";
	}

	best = nearest_cue(fsc, m, fs, fe, ss, se, cs, ce);
	if (best < 0)
		return NULL;
	quantity = cues[fsc->hits[best].cue].quantity;
	if (strcmp(quantity, "pattern_file_update") == 0 &&
		contains_any(lower, ss, se, ids_words, lengthof(ids_words)))
		quantity = "ids_signature_update";
	return quantity;
}

/* Add the figure text[fs, fe) unless the same (quantity, measure) is there. */
static void
add_figure(FigureScan *fsc, const char *quantity, const Measure *m, int fs, int fe)
{
	int			i;

	for (i = 0; i < fsc->nfigs; i++)
		if (strcmp(fsc->figs[i].quantity, quantity) == 0 &&
			memcmp(&fsc->figs[i].measure, m, sizeof(Measure)) == 0)
			return;
	if (fsc->nfigs == fsc->capfigs)
		fsc->figs = repalloc(fsc->figs, (fsc->capfigs *= 2) * sizeof(KansaFigure));
	fsc->figs[fsc->nfigs].quantity = quantity;
	fsc->figs[fsc->nfigs].measure = *m;
	fsc->figs[fsc->nfigs].span = pnstrdup(fsc->text + fs, fe - fs);
	fsc->nfigs++;
}

/*
 * The figures of len bytes of str, in order of appearance, each (quantity,
 * measure) once.  Returns how many, with the palloc'd array in *out.
 */
int
kansa_extract_measures(const char *str, size_t len, KansaFigure **out)
{
	FigureScan	fsc;
	int			nread = 0;
	int			pos = 0;

	*out = NULL;
	memset(&fsc, 0, sizeof(fsc));
	fsc.text = kansa_clean_text(str, len);
	fsc.tl = strlen(fsc.text);
	fsc.lower = kansa_ascii_lower(fsc.text, fsc.tl);
	if (fsc.tl == 0)
		return 0;

	fsc.capfigs = 4;
	fsc.figs = palloc(fsc.capfigs * sizeof(KansaFigure));
	while (pos < fsc.tl && nread < MAX_FIGURES)
	{
		const char *lower = fsc.lower;
		Measure		m;
		const char *q;
		const char *quantity;
		int			fs,
					fe;

		CHECK_FOR_INTERRUPTS();
		if (!may_start(lower, pos) ||
			after_date_part(lower, pos) ||
			(q = kansa_measure_scan(lower + pos, &m, true)) == NULL)
		{
			pos += pg_utf_mblen((const unsigned char *) lower + pos);
			continue;
		}
		nread++;
		fs = pos;
		fe = q - lower;
		while (fe > fs && lower[fe - 1] == ' ')
			fe--;
		pos = fe;
		quantity = figure_quantity(&fsc, &m, fs, fe);
		if (quantity == NULL && m.kind == MEASURE_COVERAGE)
		{
			/*
			 * 24時間稼働, 24 hours a day: hours of coverage beside a camera,
			 * how long power lasts beside a generator or a UPS.
			 */
			Measure		m2;
			const char *q2 = kansa_measure_scan_no_coverage(lower + fs, &m2);

			if (q2 != NULL)
			{
				int			fe2 = q2 - lower;

				while (fe2 > fs && lower[fe2 - 1] == ' ')
					fe2--;
				quantity = figure_quantity(&fsc, &m2, fs, fe2);
				if (quantity != NULL && strcmp(quantity, "generator_hours") != 0 &&
					strcmp(quantity, "ups_minutes") != 0)
					quantity = NULL;
				if (quantity != NULL)
				{
					m = m2;
					fe = pos = fe2;
				}
			}
		}
		if (quantity != NULL)
			add_figure(&fsc, quantity, &m, fs, fe);
	}
	if (fsc.hits)
		pfree(fsc.hits);
	if (fsc.sent_starts)
	{
		pfree(fsc.sent_starts);
		pfree(fsc.sent_lens);
	}
	pfree(fsc.lower);
	pfree((char *) fsc.text);
	*out = fsc.figs;
	return fsc.nfigs;
}

PG_FUNCTION_INFO_V1(kansa_extract_measures_sql);

/* extract_measures(text) returns setof (quantity text, measure measure, span text) */
Datum
kansa_extract_measures_sql(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *t = PG_GETARG_TEXT_PP(0);
	KansaFigure *figs;
	int			n;
	int			i;

	InitMaterializedSRF(fcinfo, 0);
	n = kansa_extract_measures(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &figs);
	for (i = 0; i < n; i++)
	{
		Datum		values[3];
		bool		nulls[3] = {false, false, false};
		Measure    *m = palloc(sizeof(Measure));

		*m = figs[i].measure;
		values[0] = CStringGetTextDatum(figs[i].quantity);
		values[1] = PointerGetDatum(m);
		values[2] = CStringGetTextDatum(figs[i].span);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(kansa_measure_cues);

/* measure_cues() returns setof (cue text, quantity text, kinds text[], generic bool) */
Datum
kansa_measure_cues(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			i;

	InitMaterializedSRF(fcinfo, 0);
	for (i = 0; i < (int) lengthof(cues); i++)
	{
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};
		Datum		kinds[MEASURE_N_KINDS];
		int			nk = 0;
		int			k;

		for (k = 0; k < MEASURE_N_KINDS; k++)
			if (cues[i].kinds & K(k))
				kinds[nk++] = CStringGetTextDatum(kansa_measure_kind_names[k]);
		values[0] = CStringGetTextDatum(cues[i].word);
		values[1] = CStringGetTextDatum(cues[i].quantity);
		values[2] = PointerGetDatum(construct_array(kinds, nk, TEXTOID, -1, false,
													TYPALIGN_INT));
		values[3] = BoolGetDatum(cues[i].generic);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
