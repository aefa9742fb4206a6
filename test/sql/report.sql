-- The report of an assessment: html_escape(), the one place text becomes
-- markup, and report_html(): its parts, its options and their errors, the
-- hostile answers it must show as text, and row-level security.  (The page
-- in a real browser: test/cli/report.sh.)  Runs in a database of its own,
-- so that its organisations are seen by no other test.
SET client_min_messages = warning;
\set SHOW_CONTEXT never
DROP DATABASE IF EXISTS kansa_report;
CREATE DATABASE kansa_report TEMPLATE template0 ENCODING 'UTF8';
\c kansa_report
SET client_min_messages = warning;
CREATE EXTENSION kansa;
SET search_path = kansa, public;
CREATE FUNCTION f(t text) RETURNS bytea LANGUAGE sql AS $$ SELECT convert_to(t, 'UTF8') $$;
-- how often a string occurs in a page
CREATE FUNCTION occurrences(page text, s text) RETURNS integer LANGUAGE sql AS $$
	SELECT (length(page) - length(replace(page, s, ''))) / length(s) $$;

--
-- 1. html_escape(): the five characters, control characters, the rest as is
--
SELECT html_escape($$<a href="x" title='y'>Tom & Jerry</a>$$) AS escaped;
SELECT html_escape(E'tab\there\nline\r' || chr(1) || chr(27) || chr(127) || chr(133) || chr(159) || 'end') AS controls;
SELECT html_escape('設 1　ＡＢＣ ±é€😀') = '設 1　ＡＢＣ ±é€😀' AS multibyte_unchanged;
SELECT html_escape('&amp;') AS entity_escaped_again, html_escape('') AS empty, html_escape(NULL) IS NULL AS strict;
SELECT length(html_escape(repeat('<&"', 100000))) AS long_input;
SELECT html_escape('</style><script>') AS breakout, html_escape('javascript:alert(1)') AS url;

--
-- 2. A sheet whose answers are hostile, and next year's sheet
--
SELECT status, responses FROM import_sheet('Bank R', '<b>Vendor</b> & Co', 'Svc "quoted"', 'asp_saas',
       f(E'項番,回答\n'
         || E'II.1.1.1,"<script>alert(1)</script>基本方針は未策定です。"\n'
         || E'III.1.1.1,"<img src=x onerror=alert(2)>死活監視は実施していません。"\n'
         || E'III.2.3.1,"</style><a href=""javascript:alert(3)"">x</a>バックアップは週次で取得しています。"\n'),
       'r-2025.csv', '{"received": "2025-04-01"}');
SELECT status, responses FROM import_sheet('Bank R', '<b>Vendor</b> & Co', 'Svc "quoted"', 'asp_saas',
       f(E'項番,回答\n'
         || E'II.1.1.1,"<script>alert(1)</script>基本方針は策定を予定しています。"\n'
         || E'III.1.1.1,"<img src=x onerror=alert(2)>死活監視は実施していません。"\n'
         || E'III.2.3.1,"</style><a href=""javascript:alert(3)"">x</a>バックアップは週次で取得しています。"\n'),
       'r-2026.csv', '{"received": "2026-04-01"}');
SELECT pattern FROM service_set('Bank R', '<b>Vendor</b> & Co', 'Svc "quoted"', confidentiality => '高', availability => '高');
SELECT min(id) AS old_id, max(id) AS cur_id FROM assessment \gset

--
-- 3. The page
--
CREATE TEMP TABLE page AS SELECT report_html(:cur_id) AS p;
SELECT left(p, 16) AS doctype, p LIKE '%<html lang="ja">%' AS ja, p LIKE '%<meta charset="utf-8">%' AS utf8,
       p LIKE '%Content-Security-Policy" content="default-src ''none''; style-src ''unsafe-inline''%' AS csp,
       right(p, 8) AS ends
  FROM page;
-- no script, no handler, no link or external reference: every < of the
-- answers escaped, so the page's only tags are its own
SELECT occurrences(lower(p), '<script') AS scripts, occurrences(lower(p), '<img') AS images,
       (SELECT count(*) FROM regexp_matches(p, '<[^>]*\s(on[a-z]+|href|src|action)=', 'gi')) AS tag_attributes,
       occurrences(p, 'http://') - occurrences(p, 'xmlns="http://www.w3.org/2000/svg"') AS http,
       occurrences(p, 'https://') AS https,
       occurrences(p, '<style>') AS style_open, occurrences(p, '</style>') AS style_close
  FROM page;
SELECT occurrences(p, '&lt;script&gt;alert(1)&lt;/script&gt;') AS script_as_text,
       occurrences(p, '&lt;img src=x onerror=alert(2)&gt;') AS img_as_text,
       occurrences(p, '&lt;/style&gt;&lt;a href=&quot;javascript:alert(3)&quot;&gt;') AS breakout_as_text,
       occurrences(p, '&lt;b&gt;Vendor&lt;/b&gt; &amp; Co') AS vendor_as_text,
       occurrences(p, 'Svc &quot;quoted&quot;') AS service_as_text
  FROM page;
-- in print, every long table repeats its header rows, the first naming the
-- vendor, service and sheet (shown in print only)
SELECT occurrences(p, '<tr class="running"><th colspan="') AS running_headers,
       occurrences(p, 'thead { display: table-header-group; }') AS repeated,
       occurrences(p, '.part + .part { break-before: page; }') AS page_breaks,
       occurrences(p, '@page { size: A4;') AS a4
  FROM page;
-- the parts, in order
SELECT (regexp_matches(p, '<section class="part" id="([a-z]+)"', 'g'))[1] AS part FROM page;
-- the header: pattern and why, the sheet, the day it was received
SELECT (regexp_match(p, '<dd id="pattern">([^<]*)</dd>'))[1] AS pattern,
       (regexp_match(p, '<dd id="file">([^<]*)</dd>'))[1] AS file,
       p LIKE '%<dd>2026-04-01</dd>%' AS received
  FROM page;
-- the score and the gaps by severity are assessment_summary's
SELECT (regexp_match(p, '<div class="big" id="score">([^<]*)</div>'))[1] = score_pct || '%' AS score,
       (regexp_match(p, 'data-severity="high" data-count="([0-9]+)"'))[1]::int = gaps_high AS high,
       (regexp_match(p, 'data-severity="medium" data-count="([0-9]+)"'))[1]::int = gaps_medium AS medium,
       (regexp_match(p, 'data-severity="low" data-count="([0-9]+)"'))[1]::int = gaps_low AS low
  FROM page, assessment_summary WHERE assessment_id = :cur_id;
-- the trend: both sheets, oldest first
SELECT ARRAY(SELECT m[1]::bigint FROM regexp_matches(p, '<tr data-assessment="([0-9]+)">', 'g') AS m)
       = ARRAY[:old_id, :cur_id]::bigint[] AS both_sheets_oldest_first
  FROM page;
SELECT occurrences(p, '<polyline') AS trend_lines FROM page;
-- the heatmap: one row per section of section_coverage, in document order,
-- each cell with the count of its status
SELECT (SELECT array_agg(m[1] ORDER BY n) FROM regexp_matches(p, '<tr class="section" data-section="([^"]*)"', 'g')
          WITH ORDINALITY AS x (m, n))
       = (SELECT array_agg(section ORDER BY section_position) FROM section_coverage WHERE assessment_id = :cur_id)
       AS sections_in_order
  FROM page;
SELECT (regexp_match(p, '<tr class="section" data-section="III.1" data-controls="([0-9]+)">'))[1] AS iii1_controls,
       (regexp_match(p, 'data-section="III.1"[^\n]*?data-status="not_implemented" data-count="([0-9]+)"'))[1] AS iii1_not_implemented,
       (regexp_match(p, 'data-section="III.1"[^\n]*?data-status="unanswered" data-count="([0-9]+)"'))[1] AS iii1_unanswered
  FROM page;
SELECT controls_in_scope, not_implemented, unanswered FROM section_coverage
 WHERE assessment_id = :cur_id AND section = 'III.1';
-- the gaps: those of the gaps view, most severe first
SELECT (SELECT array_agg(m[1] || ' ' || m[2] ORDER BY n)
          FROM regexp_matches(p, '<tr class="gap" data-control="([^"]*)" data-severity="([a-z]+)"', 'g')
               WITH ORDINALITY AS x (m, n))
       = (SELECT array_agg(control || ' ' || severity ORDER BY severity_rank, position, control)
            FROM gaps WHERE assessment_id = :cur_id) AS gaps_match,
       (SELECT count(*) FROM gaps WHERE assessment_id = :cur_id) AS gaps
  FROM page;
-- the reference check: weekly backups fall short of pattern 1's daily
SELECT (regexp_match(p, '<tr class="check" data-item="asp_saas:III.2.3.1 a" data-result="([a-z]+)">'))[1] AS backup
  FROM page;
-- English, and a cut gap list
SELECT p LIKE '%<html lang="en">%' AS en, p LIKE '%<h1>Vendor assessment report</h1>%' AS english,
       occurrences(p, '<tr class="gap" ') AS gap_rows, p LIKE '%<p class="muted" id="gaps-omitted">%' AS omitted_note
  FROM report_html(:cur_id, '{"lang": "en", "max_gaps": 2}') AS p;
SELECT occurrences(p, '<tr class="gap" ') AS all_gap_rows FROM report_html(:cur_id, '{"max_gaps": null}') AS p;
SELECT report_html(:cur_id, NULL) = report_html(:cur_id) AS null_options_are_none;

--
-- 4. Errors
--
SELECT report_html(:cur_id, '{"language": "en"}');
SELECT report_html(:cur_id, '{"lang": "fr"}');
SELECT report_html(:cur_id, '{"lang": 1}');
SELECT report_html(:cur_id, '{"max_gaps": -1}');
SELECT report_html(:cur_id, '{"max_gaps": "10"}');
SELECT report_html(:cur_id, '{"max_gaps": 1.5}');
SELECT report_html(:cur_id, '[]');
SELECT report_html(0);
SELECT report_html(NULL);
SELECT report_html(:old_id);

--
-- 5. Row-level security: another organisation's assessment does not exist;
--    a tenant's own report is the superuser's
--
SELECT status FROM import_sheet('Bank S', 'Other Co', 'Other Svc', 'asp_saas',
       f(E'項番,回答\nII.1.1.1,方針を策定しています。\n'), 's.csv');
SELECT id AS other_id FROM assessment WHERE file_name = 's.csv' \gset
CREATE ROLE report_bank_r NOLOGIN;
CREATE ROLE report_bank_s NOLOGIN;
CREATE ROLE report_analyst NOLOGIN IN ROLE kansa_analyst, report_bank_r;
CREATE ROLE report_bi NOLOGIN IN ROLE kansa_bi, report_bank_r;
UPDATE organization SET tenant_role = 'report_bank_r' WHERE name = 'Bank R';
UPDATE organization SET tenant_role = 'report_bank_s' WHERE name = 'Bank S';
SELECT regexp_replace(report_html(:cur_id), '<footer>.*</footer>', '') AS superuser_page \gset
SET ROLE report_analyst;
SELECT regexp_replace(report_html(:cur_id), '<footer>.*</footer>', '') = :'superuser_page' AS same_page;
SELECT report_html(:other_id);
RESET ROLE;
SET ROLE report_bi;
SELECT report_html(:cur_id);
RESET ROLE;

\c contrib_regression
DROP DATABASE kansa_report;
DROP ROLE report_bank_r, report_bank_s, report_analyst, report_bi;
