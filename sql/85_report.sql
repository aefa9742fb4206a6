-- sql/85_report.sql: the report of an assessment as one self-contained
-- HTML page, for a committee that reads pictures rather than SQL:
-- html_escape(), the one place text becomes markup (src/report.c), and
-- report_html(), which reads the gap views as its caller (row-level
-- security applies) and writes the page: header, score and trend, the
-- section heatmap, the gaps, the reference check and the evidence register.

CREATE FUNCTION kansa.html_escape(text) RETURNS text
	AS 'MODULE_PATHNAME', 'kansa_html_escape' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.html_escape(text) IS 'The text made safe to place between HTML tags or inside a quoted attribute value: & < > " and '' become character references (&amp; &lt; &gt; &quot; &#39;), control characters (U+0000-U+001F but tab, line feed and carriage return; U+007F-U+009F) are dropped. Every value report_html() writes passes through it.';

-- The page's words in Japanese and English, by key.
CREATE FUNCTION kansa.report_labels(lang text) RETURNS jsonb
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	RETURN CASE lang WHEN 'en' THEN jsonb '{
	"title": "Vendor assessment report",
	"organization": "Assessing organisation", "vendor": "Vendor", "service": "Service",
	"pattern": "ASP・SaaS pattern", "framework": "Framework", "file": "Answer sheet",
	"received": "Received", "imported": "Imported", "verdicts": "Verdicts by source",
	"reviewers": "Reviewers", "awaiting": "awaiting review", "as_of": "Judged as of",
	"generated": "Generated", "none": "none", "sep": "; ",
	"pattern_set": "set outright by the organisation",
	"pattern_from": "from confidentiality %s and availability %s",
	"pattern_type": "service type %s",
	"pattern_unknown": "unknown: no confidentiality and availability recorded, so no reference values are checked",
	"src_sheet": "sheet mark", "src_classifier": "read from the text", "src_analyst": "analyst",
	"src_carried": "carried from last year''s review",
	"summary": "Score and gaps", "score": "Score", "coverage": "Coverage",
	"answered_of": "%s of %s controls answered", "gaps": "Gaps",
	"high": "high", "medium": "medium", "low": "low",
	"boilerplate": "answers that are only boilerplate", "evidence_items": "evidence items cited",
	"trend": "Trend over the sheets of this service and framework",
	"trend_note": "Earlier sheets are judged by their verdicts alone (service_history); the current sheet''s gaps above also count the reference check, expired evidence and inherited answers.",
	"sheet": "Sheet", "date": "Date",
	"heatmap": "Sections: status of the controls",
	"heatmap_note": "Each cell counts the section''s controls of one status; the shade is their share of the section. The numbers carry the picture in black and white.",
	"section": "Section", "controls": "Controls", "score_pct": "Score %", "coverage_pct": "Coverage %",
	"legend": "Legend", "share": "share of the section",
	"implemented": "implemented", "partial": "partial", "planned": "planned",
	"not_implemented": "not implemented", "not_applicable": "not applicable",
	"unclear": "unclear", "unanswered": "unanswered",
	"gap_list": "Gaps, most severe first",
	"severity": "Severity", "control": "Control", "gap": "Gap", "words": "The vendor''s words",
	"decided": "Decided by", "evidence": "Evidence cited", "no_answer": "(no answer)",
	"no_gaps": "No gaps.", "more_gaps": "%s more gaps not shown (option max_gaps).",
	"rule": "rule", "clause": "clause",
	"kind_unanswered": "unanswered", "kind_not_implemented": "not implemented",
	"kind_below_reference": "below the reference value", "kind_planned": "planned",
	"kind_partial": "partial", "kind_unclear": "unclear",
	"kind_evidence_expired": "evidence expired", "kind_inherited": "inherited, provider not assessed",
	"reference": "Reference values of the service''s pattern",
	"reference_none": "No reference values apply: the service''s pattern is unknown, or the framework does not restate the ASP・SaaS evaluation items.",
	"item": "Evaluation item", "required": "Reference value", "stated": "Stated by the vendor",
	"answered_by": "Answered in", "result": "Result", "met": "met", "short": "short", "open": "open",
	"must": "* must be achieved",
	"register": "Evidence register",
	"register_none": "The answers cite no evidence.",
	"valid_until": "Valid until", "valid_from": "Valid from", "status": "Status",
	"expired": "expired", "expires_soon": "expires within 90 days", "valid": "valid",
	"no_validity": "validity not recorded", "days_left": "%s days left", "cited_by": "Cited by",
	"footer": "Written by kansa %s from the views assessment_summary, section_coverage, gaps, reference_check and evidence_register, as %s may read them."
}' ELSE jsonb '{
	"title": "委託先評価報告書",
	"organization": "評価組織", "vendor": "委託先", "service": "サービス",
	"pattern": "ASP・SaaS パターン", "framework": "基準", "file": "回答シート",
	"received": "受領日", "imported": "取込日時", "verdicts": "判定の出所",
	"reviewers": "レビュー担当", "awaiting": "レビュー待ち", "as_of": "判定基準日",
	"generated": "作成日時", "none": "なし", "sep": "、",
	"pattern_set": "組織が直接設定",
	"pattern_from": "機密性 %s・可用性 %s から",
	"pattern_type": "サービス種別 %s",
	"pattern_unknown": "未設定: 機密性・可用性が記録されていないため、基準値は照合していません",
	"src_sheet": "シートの記号", "src_classifier": "回答文から判定", "src_analyst": "分析者",
	"src_carried": "前回のレビューを引継ぎ",
	"summary": "スコアとギャップ", "score": "スコア", "coverage": "回答率",
	"answered_of": "%2$s 項目中 %1$s 項目に回答", "gaps": "ギャップ",
	"high": "高", "medium": "中", "low": "低",
	"boilerplate": "定型文のみの回答", "evidence_items": "引用された証跡",
	"trend": "このサービス・基準の回答シートの推移",
	"trend_note": "過去のシートは判定のみで数えています (service_history)。上の現行シートのギャップには基準値照合・証跡期限切れ・継承も含まれます。",
	"sheet": "シート", "date": "日付",
	"heatmap": "章別の対策状況",
	"heatmap_note": "各セルはその章で該当する状況の項目数、濃さは章内の割合です。数字があるので白黒でも読めます。",
	"section": "章", "controls": "項目数", "score_pct": "スコア %", "coverage_pct": "回答率 %",
	"legend": "凡例", "share": "章内の割合",
	"implemented": "実施", "partial": "一部実施", "planned": "予定",
	"not_implemented": "未実施", "not_applicable": "対象外",
	"unclear": "不明確", "unanswered": "未回答",
	"gap_list": "ギャップ (重要度順)",
	"severity": "重要度", "control": "項目", "gap": "ギャップ", "words": "委託先の回答",
	"decided": "判定の根拠", "evidence": "引用された証跡", "no_answer": "(回答なし)",
	"no_gaps": "ギャップはありません。", "more_gaps": "ほか %s 件は省略しました (オプション max_gaps)。",
	"rule": "規則", "clause": "該当箇所",
	"kind_unanswered": "未回答", "kind_not_implemented": "未実施",
	"kind_below_reference": "基準値未達", "kind_planned": "予定",
	"kind_partial": "一部実施", "kind_unclear": "不明確",
	"kind_evidence_expired": "証跡の期限切れ", "kind_inherited": "継承 (提供元未評価)",
	"reference": "サービスのパターンの基準値との照合",
	"reference_none": "照合する基準値はありません: サービスのパターンが未設定か、基準が ASP・SaaS の評価項目に対応していません。",
	"item": "評価項目", "required": "基準値", "stated": "委託先の記載",
	"answered_by": "回答項目", "result": "結果", "met": "達成", "short": "未達", "open": "判定不能",
	"must": "* 特に達成することが必要",
	"register": "証跡一覧",
	"register_none": "回答に引用された証跡はありません。",
	"valid_until": "有効期限", "valid_from": "有効開始", "status": "状態",
	"expired": "期限切れ", "expires_soon": "90日以内に期限", "valid": "有効",
	"no_validity": "有効期間未記録", "days_left": "残り %s 日", "cited_by": "引用した項目",
	"footer": "kansa %s が assessment_summary・section_coverage・gaps・reference_check・evidence_register の各ビューから、%s が読める範囲で作成しました。"
}' END;
COMMENT ON FUNCTION kansa.report_labels(text) IS 'The words of report_html()''s page by key, in Japanese (lang ja) or English (lang en): headings, column names, status, severity and gap-kind names.';

-- The page's style sheet: screen and print (A4, each part on a new page,
-- table headers repeated on every page), colour kept in print.
CREATE FUNCTION kansa.report_css() RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	RETURN $css$
:root { color-scheme: light; }
body { font-family: "Noto Sans CJK JP", "IPAexGothic", "Hiragino Sans", "Yu Gothic", sans-serif;
  color: #1a1a1a; background: #fff; margin: 2em auto; max-width: 72em; padding: 0 1.5em;
  font-size: 14px; line-height: 1.5; }
h1 { font-size: 1.7em; margin: 0 0 .3em; border-bottom: 3px solid #0072b2; padding-bottom: .2em; }
h2 { font-size: 1.3em; margin: 1.6em 0 .5em; border-left: 6px solid #0072b2; padding-left: .4em; }
.part { margin-bottom: 2em; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: .2em 1.2em; margin: 0; }
dl.facts dt { font-weight: bold; color: #444; }
dl.facts dd { margin: 0; }
.cards { display: flex; flex-wrap: wrap; gap: .8em; margin: .5em 0 1em; }
.card { border: 1px solid #bbb; border-radius: 6px; padding: .5em 1em; min-width: 8em; }
.card .big { font-size: 2em; font-weight: bold; line-height: 1.1; }
.card .sub { color: #555; font-size: .9em; }
.sev { display: inline-block; white-space: nowrap; border-radius: 3px; padding: 0 .4em; font-weight: bold; border: 1px solid; }
.sev-high { background: #d55e00; border-color: #a04500; color: #fff; }
.sev-medium { background: #f0e442; border-color: #b0a400; color: #000; }
.sev-low { background: #fff; border-color: #777; color: #333; border-style: dashed; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; }
th, td { border: 1px solid #c8c8c8; padding: .25em .45em; vertical-align: top; text-align: left; }
thead th { background: #eef2f6; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.heatmap td.cell { text-align: center; font-variant-numeric: tabular-nums; min-width: 3.2em; }
table.heatmap td.cell .pct { display: block; font-size: .75em; opacity: .85; }
table.heatmap td.cell.zero { color: #9a9a9a; }
table.heatmap td.cell.dark { color: #fff; }
.legend { display: flex; flex-wrap: wrap; gap: .4em 1.2em; align-items: center; font-size: .9em; }
.legend .sw { display: inline-block; width: 1.1em; height: 1.1em; border: 1px solid #888; vertical-align: middle; margin-right: .3em; }
table.gaps, table.reference, table.register { table-layout: fixed; }
table.gaps col.c-sev { width: 4.5em; } table.gaps col.c-control { width: 25%; }
table.gaps col.c-gap { width: 8%; } table.gaps col.c-words { width: 31%; }
table.gaps col.c-decided { width: 19%; } table.gaps col.c-evidence { width: 13%; }
td { overflow-wrap: anywhere; }
tr.running { display: none; }
tr.running th { background: #fff; border: none; border-bottom: 2px solid #0072b2; font-weight: normal; color: #444; font-size: .85em; }
.words { white-space: pre-wrap; }
.muted { color: #666; font-size: .9em; }
.ok { font-weight: bold; }
.bad { font-weight: bold; text-decoration: underline; }
footer { margin-top: 2em; color: #666; font-size: .85em; border-top: 1px solid #ccc; padding-top: .5em; }
svg text { font-family: inherit; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .part + .part { break-before: page; }
  thead { display: table-header-group; }
  tr.running { display: table-row; }
  tr, .card, svg { break-inside: avoid; }
  h2 { break-after: avoid; }
}
$css$;
COMMENT ON FUNCTION kansa.report_css() IS 'The style sheet report_html() writes into its page: constant text, no value of a sheet in it. Print rules: A4, every part of the report on a new page, table headers repeated on every page, colours kept.';

CREATE FUNCTION kansa.report_html(assessment_id bigint, options jsonb DEFAULT '{}')
	RETURNS text
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
	AS $$
#variable_conflict use_column
DECLARE
	v_id bigint := report_html.assessment_id;
	v_opts jsonb := COALESCE(report_html.options, '{}');
	v_lang text := 'ja';
	v_max_gaps integer;
	k text;
	L jsonb;
	a record;
	sv record;
	s record;
	v_framework_title text;
	v_pattern_why text;
	v_sources text;
	v_reviewers text;
	v_awaiting integer;
	v_head text;
	v_summary text;
	v_trend text := '';
	v_heat text;
	v_gaps text;
	v_ref text;
	v_reg text;
	v_gap_count integer;
	v_status text[] := ARRAY['implemented', 'partial', 'planned', 'not_implemented', 'unclear',
							 'unanswered', 'not_applicable'];
	-- Okabe-Ito colours, which colour-blind readers tell apart, one per status
	v_colour text[] := ARRAY['0,114,178', '86,180,233', '230,159,0', '213,94,0', '204,121,167',
							 '120,120,120', '190,190,190'];
	v_version text;
	v_running text;				-- the first header row of every long table, shown in print
BEGIN
	IF v_id IS NULL THEN
		RAISE EXCEPTION 'assessment_id must not be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;

	-- the options: every key known, every value checked
	IF pg_catalog.jsonb_typeof(v_opts) <> 'object' THEN
		RAISE EXCEPTION 'report options must be a JSON object'
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Pass {} or an object with the keys lang and max_gaps.';
	END IF;
	FOR k IN SELECT pg_catalog.jsonb_object_keys(v_opts) LOOP
		IF k NOT IN ('lang', 'max_gaps') THEN
			RAISE EXCEPTION 'unrecognized report option "%"', k
				USING ERRCODE = 'invalid_parameter_value',
					  HINT = 'The options are lang (ja or en) and max_gaps (a number of rows, or null for all).';
		END IF;
	END LOOP;
	IF v_opts ? 'lang' THEN
		IF pg_catalog.jsonb_typeof(v_opts -> 'lang') IS DISTINCT FROM 'string'
		   OR v_opts ->> 'lang' NOT IN ('ja', 'en') THEN
			RAISE EXCEPTION 'invalid value for report option "lang": %', v_opts -> 'lang'
				USING ERRCODE = 'invalid_parameter_value', HINT = 'lang is "ja" or "en".';
		END IF;
		v_lang := v_opts ->> 'lang';
	END IF;
	IF v_opts ? 'max_gaps' AND pg_catalog.jsonb_typeof(v_opts -> 'max_gaps') <> 'null' THEN
		IF pg_catalog.jsonb_typeof(v_opts -> 'max_gaps') <> 'number'
		   OR (v_opts ->> 'max_gaps') !~ '^[0-9]{1,9}$' THEN
			RAISE EXCEPTION 'invalid value for report option "max_gaps": %', v_opts -> 'max_gaps'
				USING ERRCODE = 'invalid_parameter_value',
					  HINT = 'max_gaps is a whole number of rows from 0, or null for every gap.';
		END IF;
		v_max_gaps := (v_opts ->> 'max_gaps')::integer;
	END IF;
	L := kansa.report_labels(v_lang);

	-- the assessment, as the caller may see it: another organisation's
	-- "does not exist", like a missing one
	SELECT x.id, x.framework, x.superseded_by, x.organization_id, x.service_id
	  INTO a
	  FROM kansa.assessment AS x
	 WHERE x.id = v_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'assessment % does not exist', v_id USING ERRCODE = 'no_data_found';
	END IF;
	IF a.superseded_by IS NOT NULL THEN
		RAISE EXCEPTION 'assessment % is superseded by assessment %', v_id, a.superseded_by
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'The gap views judge current assessments only; an earlier sheet shows in the trend of the current one.',
				  HINT = pg_catalog.format('Ask for the report of assessment %s.', a.superseded_by);
	END IF;
	SELECT * INTO sv FROM kansa.assessment_summary AS q WHERE q.assessment_id = v_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'assessment % does not exist', v_id USING ERRCODE = 'no_data_found';
	END IF;
	SELECT f.title INTO v_framework_title FROM kansa.framework AS f WHERE f.code = sv.framework;
	v_running := kansa.html_escape(pg_catalog.format('%s / %s — %s (%s)', sv.vendor, sv.service,
													  sv.framework, sv.file_name));
	SELECT e.extversion INTO v_version FROM pg_catalog.pg_extension AS e WHERE e.extname = 'kansa';

	-- why the service has its pattern
	SELECT CASE WHEN sr.pattern IS NULL THEN L ->> 'pattern_unknown'
				WHEN sr.pattern_set IS NOT NULL THEN L ->> 'pattern_set'
				ELSE pg_catalog.format(L ->> 'pattern_from', sr.confidentiality, sr.availability) END
		   || CASE WHEN sr.service_type IS NOT NULL
				   THEN (L ->> 'sep') || pg_catalog.format(L ->> 'pattern_type', sr.service_type) ELSE '' END
	  INTO v_pattern_why
	  FROM kansa.service AS sr WHERE sr.id = a.service_id;

	-- who decided the verdicts: the sheet, the classifier, analysts
	SELECT pg_catalog.string_agg(pg_catalog.format('%s %s', kansa.html_escape(L ->> ('src_' || c.src)),
												   c.n), kansa.html_escape(L ->> 'sep') ORDER BY c.ord)
	  INTO v_sources
	  FROM (SELECT r.verdict_source AS src, pg_catalog.count(*) AS n,
				   pg_catalog.array_position(ARRAY['sheet', 'classifier', 'analyst', 'carried'],
											 r.verdict_source) AS ord
			  FROM kansa.response AS r WHERE r.assessment_id = v_id
			 GROUP BY r.verdict_source) AS c;
	SELECT pg_catalog.string_agg(pg_catalog.format('%s %s', kansa.html_escape(c.reviewed_by), c.n),
								 kansa.html_escape(L ->> 'sep') ORDER BY c.n DESC, c.reviewed_by)
	  INTO v_reviewers
	  FROM (SELECT r.reviewed_by, pg_catalog.count(*) AS n
			  FROM kansa.response AS r
			 WHERE r.assessment_id = v_id AND r.reviewed_by IS NOT NULL
			 GROUP BY r.reviewed_by) AS c;
	SELECT pg_catalog.count(*) INTO v_awaiting FROM kansa.review_queue AS q WHERE q.assessment_id = v_id;

	-- 1. the header
	v_head := pg_catalog.concat(
		'<section class="part" id="header"><h1>', kansa.html_escape(L ->> 'title'), '</h1>',
		'<dl class="facts">',
		'<dt>', kansa.html_escape(L ->> 'organization'), '</dt><dd id="organization">', kansa.html_escape(sv.organization), '</dd>',
		'<dt>', kansa.html_escape(L ->> 'vendor'), '</dt><dd id="vendor">', kansa.html_escape(sv.vendor), '</dd>',
		'<dt>', kansa.html_escape(L ->> 'service'), '</dt><dd id="service">', kansa.html_escape(sv.service), '</dd>',
		'<dt>', kansa.html_escape(L ->> 'pattern'), '</dt><dd id="pattern">',
		COALESCE(kansa.html_escape(sv.pattern::text) || ' — ', ''), kansa.html_escape(v_pattern_why), '</dd>',
		'<dt>', kansa.html_escape(L ->> 'framework'), '</dt><dd id="framework">',
		kansa.html_escape(v_framework_title), ' (', kansa.html_escape(sv.framework), ')</dd>',
		'<dt>', kansa.html_escape(L ->> 'file'), '</dt><dd id="file">', kansa.html_escape(sv.file_name), '</dd>',
		'<dt>', kansa.html_escape(L ->> 'received'), '</dt><dd>',
		COALESCE(kansa.html_escape(pg_catalog.to_char(sv.received_at, 'YYYY-MM-DD')), '—'), '</dd>',
		'<dt>', kansa.html_escape(L ->> 'imported'), '</dt><dd>',
		kansa.html_escape(pg_catalog.to_char(sv.imported_at, 'YYYY-MM-DD HH24:MI TZ')), '</dd>',
		'<dt>', kansa.html_escape(L ->> 'verdicts'), '</dt><dd id="verdict-sources">',
		COALESCE(v_sources, kansa.html_escape(L ->> 'none')), '</dd>',
		'<dt>', kansa.html_escape(L ->> 'reviewers'), '</dt><dd id="reviewers">',
		COALESCE(v_reviewers, kansa.html_escape(L ->> 'none')), kansa.html_escape(L ->> 'sep'),
		kansa.html_escape(L ->> 'awaiting'), ' ', kansa.html_escape(v_awaiting::text), '</dd>',
		'<dt>', kansa.html_escape(L ->> 'as_of'), '</dt><dd>',
		kansa.html_escape(pg_catalog.to_char(kansa.today(), 'YYYY-MM-DD')), '</dd>',
		'</dl></section>');

	-- 2. the score, the gaps by severity, and the trend
	v_summary := pg_catalog.concat(
		'<section class="part" id="summary"><h2>', kansa.html_escape(L ->> 'summary'), '</h2>',
		'<div class="cards">',
		'<div class="card"><div class="sub">', kansa.html_escape(L ->> 'score'), '</div><div class="big" id="score">',
		COALESCE(kansa.html_escape(sv.score_pct::text) || '%', '—'), '</div></div>',
		'<div class="card"><div class="sub">', kansa.html_escape(L ->> 'coverage'), '</div><div class="big" id="coverage">',
		kansa.html_escape(sv.coverage_pct::text), '%</div><div class="sub">',
		kansa.html_escape(pg_catalog.format(L ->> 'answered_of', sv.answered, sv.controls_in_scope)), '</div></div>',
		'<div class="card"><div class="sub">', kansa.html_escape(L ->> 'gaps'), '</div><div class="big">',
		'<span class="sev sev-high" data-severity="high" data-count="', kansa.html_escape(sv.gaps_high::text), '">',
		kansa.html_escape(L ->> 'high'), ' ', kansa.html_escape(sv.gaps_high::text), '</span> ',
		'<span class="sev sev-medium" data-severity="medium" data-count="', kansa.html_escape(sv.gaps_medium::text), '">',
		kansa.html_escape(L ->> 'medium'), ' ', kansa.html_escape(sv.gaps_medium::text), '</span> ',
		'<span class="sev sev-low" data-severity="low" data-count="', kansa.html_escape(sv.gaps_low::text), '">',
		kansa.html_escape(L ->> 'low'), ' ', kansa.html_escape(sv.gaps_low::text), '</span></div></div>',
		'<div class="card"><div class="big">', kansa.html_escape(sv.evidence_items::text), '</div><div class="sub">',
		kansa.html_escape(L ->> 'evidence_items'), '</div></div>',
		'<div class="card"><div class="big">', kansa.html_escape(sv.boilerplate_only::text), '</div><div class="sub">',
		kansa.html_escape(L ->> 'boilerplate'), '</div></div>',
		'</div>');

	-- the trend: every sheet of the organisation, service and framework,
	-- drawn when there is more than one (score solid, coverage dashed)
	SELECT pg_catalog.concat(
			   '<div id="trend"><h3>', kansa.html_escape(L ->> 'trend'), '</h3>',
			   '<svg xmlns="http://www.w3.org/2000/svg" role="img" width="640" height="220" viewBox="0 0 640 220">',
			   '<title>', kansa.html_escape(L ->> 'trend'), '</title>',
			   '<rect x="50" y="10" width="560" height="160" fill="none" stroke="#999"/>',
			   '<line x1="50" y1="90" x2="610" y2="90" stroke="#ddd"/>',
			   '<text x="44" y="14" text-anchor="end" font-size="11">100%</text>',
			   '<text x="44" y="94" text-anchor="end" font-size="11">50%</text>',
			   '<text x="44" y="174" text-anchor="end" font-size="11">0%</text>',
			   '<polyline fill="none" stroke="#0072b2" stroke-width="3" points="',
			   pg_catalog.string_agg(pg_catalog.format('%s,%s', t.x, t.y_score), ' ' ORDER BY t.n), '"/>',
			   '<polyline fill="none" stroke="#d55e00" stroke-width="2" stroke-dasharray="6 4" points="',
			   pg_catalog.string_agg(pg_catalog.format('%s,%s', t.x, t.y_cov), ' ' ORDER BY t.n), '"/>',
			   pg_catalog.string_agg(pg_catalog.format(
				   '<circle cx="%s" cy="%s" r="4" fill="#0072b2"/><text x="%s" y="192" text-anchor="middle" font-size="11">%s</text>',
				   t.x, t.y_score, t.x, kansa.html_escape(pg_catalog.to_char(t.assessed_on, 'YYYY-MM-DD'))), '' ORDER BY t.n),
			   '<line x1="60" y1="210" x2="90" y2="210" stroke="#0072b2" stroke-width="3"/>',
			   '<text x="96" y="214" font-size="11">', kansa.html_escape(L ->> 'score'), '</text>',
			   '<line x1="200" y1="210" x2="230" y2="210" stroke="#d55e00" stroke-width="2" stroke-dasharray="6 4"/>',
			   '<text x="236" y="214" font-size="11">', kansa.html_escape(L ->> 'coverage'), '</text>',
			   '</svg>',
			   '<table class="trend"><thead><tr><th>', kansa.html_escape(L ->> 'sheet'), '</th><th>',
			   kansa.html_escape(L ->> 'date'), '</th><th>', kansa.html_escape(L ->> 'file'),
			   '</th><th class="num">', kansa.html_escape(L ->> 'score_pct'), '</th><th class="num">',
			   kansa.html_escape(L ->> 'coverage_pct'), '</th><th class="num">', kansa.html_escape(L ->> 'high'),
			   '</th><th class="num">', kansa.html_escape(L ->> 'medium'), '</th><th class="num">',
			   kansa.html_escape(L ->> 'low'), '</th></tr></thead><tbody>',
			   pg_catalog.string_agg(pg_catalog.format(
				   '<tr data-assessment="%s"><td class="num">%s</td><td>%s</td><td>%s</td><td class="num">%s</td><td class="num">%s</td><td class="num">%s</td><td class="num">%s</td><td class="num">%s</td></tr>',
				   kansa.html_escape(t.assessment_id::text), kansa.html_escape(t.sheet_number::text),
				   kansa.html_escape(pg_catalog.to_char(t.assessed_on, 'YYYY-MM-DD')),
				   kansa.html_escape(t.file_name), COALESCE(kansa.html_escape(t.score_pct::text), '—'),
				   COALESCE(kansa.html_escape(t.coverage_pct::text), '—'), kansa.html_escape(t.gaps_high::text),
				   kansa.html_escape(t.gaps_medium::text), kansa.html_escape(t.gaps_low::text)), '' ORDER BY t.n),
			   '</tbody></table><p class="muted">', kansa.html_escape(L ->> 'trend_note'), '</p></div>')
	  INTO v_trend
	  FROM (SELECT h.*, h.sheet_number AS n,
				   50 + pg_catalog.round(560.0 * (h.sheet_number - 1)
										 / NULLIF(pg_catalog.count(*) OVER () - 1, 0))::integer
					   + CASE WHEN pg_catalog.count(*) OVER () = 1 THEN 280 ELSE 0 END AS x,
				   170 - pg_catalog.round(1.6 * COALESCE(h.score_pct, 0))::integer AS y_score,
				   170 - pg_catalog.round(1.6 * COALESCE(h.coverage_pct, 0))::integer AS y_cov,
				   pg_catalog.count(*) OVER () AS sheets
			  FROM kansa.service_history AS h
			 WHERE h.organization = sv.organization AND h.vendor = sv.vendor
			   AND h.service = sv.service AND h.framework = sv.framework) AS t
	HAVING pg_catalog.count(*) > 1;
	v_summary := v_summary || COALESCE(v_trend, '') || '</section>';

	-- 3. the heatmap: sections in document order × status
	v_heat := pg_catalog.concat(
		'<section class="part" id="heatmap"><h2>', kansa.html_escape(L ->> 'heatmap'), '</h2>',
		'<p class="muted">', kansa.html_escape(L ->> 'heatmap_note'), '</p>',
		'<table class="heatmap"><thead>', '<tr class="running"><th colspan="12">', v_running, '</th></tr>', '<tr><th>', kansa.html_escape(L ->> 'section'), '</th>',
		'<th class="num">', kansa.html_escape(L ->> 'controls'), '</th>',
		(SELECT pg_catalog.string_agg(pg_catalog.format('<th class="num" data-status="%s">%s</th>',
														kansa.html_escape(st), kansa.html_escape(L ->> st)), '' ORDER BY i)
		   FROM pg_catalog.unnest(v_status) WITH ORDINALITY AS u (st, i)),
		'<th class="num">', kansa.html_escape(L ->> 'coverage_pct'), '</th>',
		'<th class="num">', kansa.html_escape(L ->> 'score_pct'), '</th>',
		'<th>', kansa.html_escape(L ->> 'gaps'), '</th></tr></thead><tbody>',
		(SELECT pg_catalog.string_agg(pg_catalog.concat(
					'<tr class="section" data-section="', kansa.html_escape(COALESCE(c.section, '')),
					'" data-controls="', kansa.html_escape(c.controls_in_scope::text), '">',
					'<th scope="row">', kansa.html_escape(COALESCE(c.section, '—')),
					COALESCE(' ' || kansa.html_escape(c.section_title), ''), '</th>',
					'<td class="num">', kansa.html_escape(c.controls_in_scope::text), '</td>',
					(SELECT pg_catalog.string_agg(pg_catalog.format(
								'<td class="cell%s" data-status="%s" data-count="%s" style="background-color: rgba(%s, %s)">%s<span class="pct">%s%%</span></td>',
								CASE WHEN x.n = 0 THEN ' zero' WHEN x.alpha > 0.55 THEN ' dark' ELSE '' END,
								kansa.html_escape(x.st), kansa.html_escape(x.n::text), v_colour[x.i],
								CASE WHEN x.n = 0 THEN '0' ELSE x.alpha::text END,
								kansa.html_escape(x.n::text), kansa.html_escape(x.pct::text)), '' ORDER BY x.i)
					   FROM (SELECT u.st, u.i, u.n,
									pg_catalog.round(100.0 * u.n / NULLIF(c.controls_in_scope, 0)) AS pct,
									pg_catalog.round(0.12 + 0.88 * u.n / NULLIF(c.controls_in_scope, 0)::numeric, 2) AS alpha
							   FROM ROWS FROM (pg_catalog.unnest(v_status),
											   pg_catalog.unnest(ARRAY[c.implemented, c.partial, c.planned,
																	   c.not_implemented, c.unclear,
																	   c.unanswered, c.not_applicable]))
										WITH ORDINALITY AS u (st, n, i)) AS x),
					'<td class="num">', kansa.html_escape(c.coverage_pct::text), '</td>',
					'<td class="num">', COALESCE(kansa.html_escape(c.score_pct::text), '—'), '</td>',
					'<td>', pg_catalog.concat_ws(' ',
						CASE WHEN c.gaps_high > 0 THEN '<span class="sev sev-high">' || kansa.html_escape(L ->> 'high') || ' '
														|| kansa.html_escape(c.gaps_high::text) || '</span>' END,
						CASE WHEN c.gaps_medium > 0 THEN '<span class="sev sev-medium">' || kansa.html_escape(L ->> 'medium') || ' '
														  || kansa.html_escape(c.gaps_medium::text) || '</span>' END,
						CASE WHEN c.gaps_low > 0 THEN '<span class="sev sev-low">' || kansa.html_escape(L ->> 'low') || ' '
													   || kansa.html_escape(c.gaps_low::text) || '</span>' END),
					'</td></tr>'), '' ORDER BY c.section_position NULLS LAST, c.section)
		   FROM kansa.section_coverage AS c WHERE c.assessment_id = v_id),
		'</tbody></table>',
		-- the legend: one swatch per status, and the shades of one status by share
		'<div class="legend" id="legend"><strong>', kansa.html_escape(L ->> 'legend'), '</strong>',
		(SELECT pg_catalog.string_agg(pg_catalog.format(
					'<span><span class="sw" style="background-color: rgb(%s)"></span>%s</span>',
					v_colour[i], kansa.html_escape(L ->> st)), '' ORDER BY i)
		   FROM pg_catalog.unnest(v_status) WITH ORDINALITY AS u (st, i)),
		'<span>', kansa.html_escape(L ->> 'share'), ':',
		(SELECT pg_catalog.string_agg(pg_catalog.format(
					' <span class="sw" style="background-color: rgba(%s, %s)"></span>%s%%',
					v_colour[1], pg_catalog.round(0.12 + 0.88 * p / 100.0, 2), p), '' ORDER BY p)
		   FROM pg_catalog.unnest(ARRAY[0, 25, 50, 75, 100]) AS p),
		'</span></div></section>');

	-- 4. the gaps, most severe first, with the vendor's words, the rule and
	-- clause that decided the verdict, and the evidence cited
	SELECT pg_catalog.count(*) INTO v_gap_count FROM kansa.gaps AS g WHERE g.assessment_id = v_id;
	SELECT pg_catalog.concat(
			   '<section class="part" id="gaps"><h2>', kansa.html_escape(L ->> 'gap_list'), '</h2>',
			   CASE WHEN v_gap_count = 0 THEN '<p>' || kansa.html_escape(L ->> 'no_gaps') || '</p>' ELSE
			   pg_catalog.concat(
				   '<table class="gaps"><colgroup><col class="c-sev"><col class="c-control"><col class="c-gap">',
				   '<col class="c-words"><col class="c-decided"><col class="c-evidence"></colgroup><thead>',
				   '<tr class="running"><th colspan="6">', v_running, '</th></tr>', '<tr><th>', kansa.html_escape(L ->> 'severity'), '</th><th>',
				   kansa.html_escape(L ->> 'control'), '</th><th>', kansa.html_escape(L ->> 'gap'), '</th><th>',
				   kansa.html_escape(L ->> 'words'), '</th><th>', kansa.html_escape(L ->> 'decided'), '</th><th>',
				   kansa.html_escape(L ->> 'evidence'), '</th></tr></thead><tbody>',
				   pg_catalog.string_agg(pg_catalog.concat(
					   '<tr class="gap" data-control="', kansa.html_escape(g.control), '" data-severity="',
					   kansa.html_escape(g.severity), '" data-gap-kind="', kansa.html_escape(g.gap_kind), '">',
					   '<td><span class="sev sev-', kansa.html_escape(g.severity), '">',
					   kansa.html_escape(L ->> g.severity), '</span></td>',
					   '<td><strong>', kansa.html_escape(kansa.local_id(g.control::kansa.control_id)), '</strong> ',
					   kansa.html_escape(g.title), '</td>',
					   '<td>', kansa.html_escape((SELECT pg_catalog.string_agg(COALESCE(L ->> ('kind_' || kk), kk), ', ')
													FROM pg_catalog.unnest(pg_catalog.string_to_array(g.gap_kinds, ', ')) AS kk)),
					   '</td>',
					   '<td class="words">', COALESCE(kansa.html_escape(NULLIF(r.raw_text, '')),
													 '<span class="muted">' || kansa.html_escape(L ->> 'no_answer') || '</span>'), '</td>',
					   '<td>', CASE WHEN r.id IS NOT NULL THEN pg_catalog.concat(
						   kansa.html_escape(L ->> ('src_' || r.verdict_source)),
						   COALESCE(' (' || kansa.html_escape(r.reviewed_by) || ')', ''),
						   COALESCE('<br><span class="muted">' || kansa.html_escape(L ->> 'rule') || ':</span> '
									|| kansa.html_escape(r.rule), ''),
						   COALESCE('<br><span class="muted">' || kansa.html_escape(L ->> 'clause') || ':</span> 「'
									|| kansa.html_escape(r.cue) || '」', '')) ELSE '—' END, '</td>',
					   '<td>', COALESCE((SELECT pg_catalog.string_agg(kansa.html_escape(re.evidence::text), '<br>' ORDER BY re.position)
										   FROM kansa.response_evidence AS re WHERE re.response_id = g.response_id), '—'),
					   '</td></tr>'), '' ORDER BY g.severity_rank, g.position, g.control),
				   '</tbody></table>',
				   CASE WHEN v_gap_count > pg_catalog.count(*)
						THEN '<p class="muted" id="gaps-omitted">'
							 || kansa.html_escape(pg_catalog.format(L ->> 'more_gaps', v_gap_count - pg_catalog.count(*)))
							 || '</p>' END) END,
			   '</section>')
	  INTO v_gaps
	  FROM (SELECT q.* FROM kansa.gaps AS q WHERE q.assessment_id = v_id
			 ORDER BY q.severity_rank, q.position, q.control LIMIT v_max_gaps) AS g
	  LEFT JOIN kansa.response AS r ON r.id = g.response_id;

	-- 5. the reference check: each figure against the pattern's value
	SELECT pg_catalog.concat(
			   '<section class="part" id="reference"><h2>', kansa.html_escape(L ->> 'reference'), '</h2>',
			   CASE WHEN pg_catalog.count(q.reference_control) = 0
					THEN '<p>' || kansa.html_escape(L ->> 'reference_none') || '</p>' ELSE
			   pg_catalog.concat(
				   '<table class="reference"><thead>', '<tr class="running"><th colspan="5">', v_running, '</th></tr>', '<tr><th>', kansa.html_escape(L ->> 'item'), '</th><th>',
				   kansa.html_escape(L ->> 'required'), '</th><th>', kansa.html_escape(L ->> 'stated'), '</th><th>',
				   kansa.html_escape(L ->> 'answered_by'), '</th><th>', kansa.html_escape(L ->> 'result'),
				   '</th></tr></thead><tbody>',
				   pg_catalog.string_agg(pg_catalog.concat(
					   '<tr class="check" data-item="', kansa.html_escape(q.reference_control || ' ' || q.letter),
					   '" data-result="', CASE q.satisfied WHEN true THEN 'met' WHEN false THEN 'short' ELSE 'open' END, '">',
					   '<td><strong>', kansa.html_escape(kansa.local_id(q.reference_control::kansa.control_id)), ' ',
					   kansa.html_escape(q.letter), '</strong> ', kansa.html_escape(q.item_title), '</td>',
					   '<td>', kansa.html_escape(q.required_value), '</td>',
					   '<td>', COALESCE(kansa.html_escape(q.stated_span) || ' <span class="muted">('
										|| kansa.html_escape(q.stated_measure) || ')</span>', '—'),
					   COALESCE('<br><span class="muted">' || kansa.html_escape(q.explanation) || '</span>', ''), '</td>',
					   '<td>', COALESCE(kansa.html_escape(kansa.local_id(q.control::kansa.control_id)), '—'), '</td>',
					   '<td class="', CASE q.satisfied WHEN true THEN 'ok' WHEN false THEN 'bad' ELSE 'muted' END, '">',
					   kansa.html_escape(L ->> CASE q.satisfied WHEN true THEN 'met' WHEN false THEN 'short' ELSE 'open' END),
					   '</td></tr>'), '' ORDER BY q.reference_control, q.letter),
				   '</tbody></table><p class="muted">', kansa.html_escape(L ->> 'must'), '</p>') END,
			   '</section>')
	  INTO v_ref
	  FROM kansa.reference_check AS q WHERE q.assessment_id = v_id;

	-- 6. the evidence register: what the answers cite, with its validity
	SELECT pg_catalog.concat(
			   '<section class="part" id="register"><h2>', kansa.html_escape(L ->> 'register'), '</h2>',
			   CASE WHEN pg_catalog.count(e.evidence) = 0
					THEN '<p>' || kansa.html_escape(L ->> 'register_none') || '</p>' ELSE
			   pg_catalog.concat(
				   '<table class="register"><thead>', '<tr class="running"><th colspan="5">', v_running, '</th></tr>', '<tr><th>', kansa.html_escape(L ->> 'evidence'), '</th><th>',
				   kansa.html_escape(L ->> 'cited_by'), '</th><th>', kansa.html_escape(L ->> 'valid_from'), '</th><th>',
				   kansa.html_escape(L ->> 'valid_until'), '</th><th>', kansa.html_escape(L ->> 'status'),
				   '</th></tr></thead><tbody>',
				   pg_catalog.string_agg(pg_catalog.concat(
					   '<tr class="evidence" data-evidence="', kansa.html_escape(e.evidence), '">',
					   '<td>', kansa.html_escape(e.evidence), '</td>',
					   '<td>', kansa.html_escape(e.cited_by), '</td>',
					   '<td>', COALESCE(kansa.html_escape(pg_catalog.to_char(e.valid_from, 'YYYY-MM-DD')), '—'), '</td>',
					   '<td>', COALESCE(kansa.html_escape(pg_catalog.to_char(e.valid_until, 'YYYY-MM-DD')), '—'), '</td>',
					   '<td', CASE WHEN e.expired THEN ' class="bad"' END, '>',
					   kansa.html_escape(CASE WHEN e.valid_until IS NULL THEN L ->> 'no_validity'
											  WHEN e.expired THEN L ->> 'expired'
											  WHEN e.valid_until - kansa.today() <= 90
											  THEN (L ->> 'expires_soon') || ' — '
												   || pg_catalog.format(L ->> 'days_left', e.valid_until - kansa.today())
											  ELSE L ->> 'valid' END),
					   '</td></tr>'),
					   '' ORDER BY e.expired DESC NULLS LAST, e.valid_until NULLS LAST, e.evidence),
				   '</tbody></table>') END,
			   '</section>')
	  INTO v_reg
	  FROM (SELECT er.evidence, er.valid_from, er.valid_until, er.expired,
				   (SELECT pg_catalog.string_agg(DISTINCT kansa.local_id(r.control), ', ')
					  FROM kansa.response_evidence AS re
					  JOIN kansa.response AS r ON r.id = re.response_id
					 WHERE re.assessment_id = v_id AND re.evidence::text = er.evidence) AS cited_by
			  FROM kansa.evidence_register AS er
			 WHERE er.organization = sv.organization AND er.vendor = sv.vendor
			   AND EXISTS (SELECT FROM kansa.response_evidence AS re
							WHERE re.assessment_id = v_id AND re.evidence::text = er.evidence)) AS e;

	RETURN pg_catalog.concat(
		'<!DOCTYPE html>', E'\n',
		'<html lang="', v_lang, '"><head><meta charset="utf-8">',
		'<meta http-equiv="Content-Security-Policy" content="default-src ''none''; style-src ''unsafe-inline''; img-src data:; base-uri ''none''; form-action ''none''">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		'<meta name="generator" content="kansa ', kansa.html_escape(v_version), '">',
		'<title>', kansa.html_escape(pg_catalog.format('%s — %s / %s (%s)', L ->> 'title', sv.vendor, sv.service,
														 sv.framework)), '</title>',
		'<style>', kansa.report_css(), '</style></head>', E'\n',
		'<body data-assessment="', kansa.html_escape(v_id::text), '">', E'\n',
		v_head, E'\n', v_summary, E'\n', v_heat, E'\n', v_gaps, E'\n', v_ref, E'\n', v_reg, E'\n',
		'<footer>', kansa.html_escape(pg_catalog.format(L ->> 'footer', v_version, CURRENT_USER)), ' ',
		kansa.html_escape(L ->> 'generated'), ': ',
		kansa.html_escape(pg_catalog.to_char(pg_catalog.now(), 'YYYY-MM-DD HH24:MI TZ')),
		'</footer></body></html>', E'\n');
END;
$$;
COMMENT ON FUNCTION kansa.report_html(bigint, jsonb) IS 'The report of a current assessment as one self-contained HTML5 page (UTF-8, inline CSS and SVG, no script, no external fetch; a Content-Security-Policy that forbids scripts): the header (organisation, vendor, service, pattern and why, framework, sheet received and imported, verdicts by source and reviewers), score, coverage and gaps by severity with a trend over the earlier sheets of the service and framework, a heatmap of section × status (rows in document order with data-section as in section_coverage, cells with data-status and data-count, shaded by share and labelled with counts, a legend), the gaps most severe first (the vendor''s words, the rule and clause that decided, the evidence cited), the reference check and the evidence register. Prints on A4, each part on a new page. Reads the views as the caller: row-level security applies, and another organisation''s assessment does not exist. Every value passes through html_escape(). Options: lang (ja, the default, or en), max_gaps (rows of the gap list; null, the default, for all); others are an error.';

-- The report reads an organisation's rows under row-level security, as its
-- caller: those who read the tables (analysts, importers) may ask for it.
REVOKE EXECUTE ON FUNCTION kansa.report_html(bigint, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kansa.report_html(bigint, jsonb) TO kansa_analyst, kansa_importer;
