-- Re-assessment: next year's sheet supersedes this year's.  Reviews carry
-- forward to the answers that are the same (answer_key(): blanks, width and
-- punctuation aside, never words or figures), each with a row in the review
-- history; assessment_change shows every change kind, the sentences added
-- and removed, and the earlier verdict and reviewer beside a changed answer.
SET client_min_messages = warning;
\set SHOW_CONTEXT never
\set VERBOSITY terse
-- the fixtures, read by the server as the superuser (pg_regress sets
-- PG_ABS_SRCDIR): asp_saas_example.csv and its next version, with an answer
-- of every kind of change (see test/fixtures/sheets/README.md)
\getenv abs_srcdir PG_ABS_SRCDIR
\set v1_file :abs_srcdir '/fixtures/sheets/asp_saas_example.csv'
\set v2_file :abs_srcdir '/fixtures/sheets/asp_saas_example_2026.csv'
SELECT pg_read_binary_file(:'v1_file') AS v1, pg_read_binary_file(:'v2_file') AS v2 \gset

--
-- 1. answer_key(): the rules of "the same answer", one by one
--
-- blanks (ASCII and ideographic), character width (NFKC) and punctuation
-- (、。・「」（）.,!? ※ -) are set aside
SELECT kansa.answer_key('死活監視は、1時間ごとに実施しています。') AS key;
SELECT kansa.answer_key(' 死活監視は １時間ごとに　実施しています ')
     = kansa.answer_key('死活監視は、1時間ごとに実施しています。') AS blanks_width_punctuation;
SELECT kansa.answer_key('「ＡＥＳ」（256bit）・※暗号化!') = kansa.answer_key('AES256bit暗号化') AS brackets_marks;
SELECT kansa.answer_key('- ・ログ取得。') = kansa.answer_key('ログ取得') AS bullets;
-- words and figures always count
SELECT kansa.answer_key('2025年度に実施') = kansa.answer_key('2026年度に実施') AS year_changed;
SELECT kansa.answer_key('２０２５年度に実施') = kansa.answer_key('2025年度に実施') AS width_of_digits;
SELECT kansa.answer_key('実施しています') = kansa.answer_key('実施していません') AS word_changed;
-- a point, comma or blank between two digits stays: figures never merge
SELECT kansa.answer_key('99.9%を保証') AS key, kansa.answer_key('99.9%') = kansa.answer_key('999%') AS point_dropped;
SELECT kansa.answer_key('1,000件') AS key, kansa.answer_key('10 20') AS blank_between_digits,
       kansa.answer_key('10 20') = kansa.answer_key('1020') AS digits_merged;
-- the percent sign belongs to the figure; symbols and letters' case stay
SELECT kansa.answer_key('50%以上') = kansa.answer_key('50以上') AS percent_dropped,
       kansa.answer_key('○') = kansa.answer_key('×') AS marks_same,
       kansa.answer_key('AES') = kansa.answer_key('aes') AS case_folded;
SELECT kansa.answer_key('。、・') AS only_punctuation, kansa.answer_key(NULL) IS NULL AS strict;

-- sentence_diff(): the sentences of the second text the first lacks, by key
SELECT kansa.sentence_diff('方針を定めています。年1回見直します。', '方針を 定めています。年2回見直します。監査を受けています') AS added;
SELECT kansa.sentence_diff('方針を 定めています。年2回見直します。', '方針を定めています。年1回見直します。') AS removed;
SELECT kansa.sentence_diff(NULL, 'A. B!') AS all_new, kansa.sentence_diff('A', NULL) AS none,
       kansa.sentence_diff('x', E'。\n・') AS punctuation_only;

--
-- 2. This year's sheet, reviewed
--
CREATE ROLE reassess_org_a NOLOGIN;
CREATE ROLE reassess_org_b NOLOGIN;
CREATE ROLE reassess_importer_a NOLOGIN IN ROLE kansa_importer, reassess_org_a;
CREATE ROLE reassess_analyst_a NOLOGIN IN ROLE kansa_analyst, reassess_org_a;
CREATE ROLE reassess_bi_a NOLOGIN IN ROLE kansa_bi, reassess_org_a;
CREATE ROLE reassess_analyst_b NOLOGIN IN ROLE kansa_analyst, reassess_org_b;
INSERT INTO kansa.organization (name, tenant_role)
VALUES ('Reassess Bank', 'reassess_org_a'), ('Other Bank', 'reassess_org_b');

SET ROLE reassess_importer_a;
SELECT status, responses
  FROM kansa.import_sheet('Reassess Bank', 'Example Cloud', 'Example SaaS', 'asp_saas',
                          :'v1'::bytea, 'asp_saas_example.csv', '{"received": "2025-04-01"}');
RESET ROLE;
SELECT kansa.local_id(r.control) AS control, r.verdict::text, r.verdict_source
  FROM kansa.response AS r JOIN kansa.assessment AS a ON a.id = r.assessment_id
 WHERE a.file_name = 'asp_saas_example.csv' AND a.organization_id =
       (SELECT id FROM kansa.organization WHERE name = 'Reassess Bank')
 ORDER BY r.control;

-- the analyst reviews five answers (one twice: the latest counts)
SET ROLE reassess_analyst_a;
CREATE TEMP VIEW v1_answer AS
SELECT kansa.local_id(r.control) AS control, r.id
  FROM kansa.response AS r JOIN kansa.assessment AS a ON a.id = r.assessment_id
 WHERE a.file_name = 'asp_saas_example.csv';
SELECT kansa.local_id(x.control) AS control, x.verdict::text, x.verdict_source
  FROM v1_answer AS v,
       LATERAL kansa.review(v.id,
                            CASE v.control WHEN 'II.1.1.1' THEN 'implemented/shared'
                                           WHEN 'III.1.1.1' THEN 'partial/provider'
                                           WHEN 'III.1.1.2' THEN 'implemented/provider'
                                           WHEN 'III.4.4.1' THEN 'unclear'
                                           WHEN 'III.2.1.1' THEN 'planned/provider' END::kansa.answer,
                            'checked ' || v.control) AS x
 WHERE v.control IN ('II.1.1.1', 'III.1.1.1', 'III.1.1.2', 'III.4.4.1', 'III.2.1.1')
 ORDER BY 1;
SELECT (kansa.review(v.id, 'partial/provider', 'the monitoring covers some servers only')).verdict::text
  FROM v1_answer AS v WHERE v.control = 'III.1.1.1';
RESET ROLE;

--
-- 3. Next year's sheet supersedes it
--
-- asp_saas_example_2026.csv, against the 2025 sheet:
--   II.1.1.1   the same text                       reviewed: carried, unchanged
--   II.1.1.2   a control answered for the first time          added
--   III.1.1.1  reworded only by blanks, width and punctuation (、１ 。)
--                                                  reviewed: carried, unchanged
--   III.1.1.2  a figure changed (15分 → 30分)     reviewed: not carried, text_changed
--   III.1.1.3  not implemented → partly                        better
--   III.2.1.1  planned → not implemented           reviewed: not carried, worse
--   III.2.3.1  implemented → planned                          new_gap
--   III.4.2.1  not answered any more                           dropped
--   III.4.4.1  a figure changed (3年間 → 5年間)    reviewed unclear: not carried, closed_gap
SET ROLE reassess_importer_a;
SELECT status, responses
  FROM kansa.import_sheet('Reassess Bank', 'Example Cloud', 'Example SaaS', 'asp_saas',
                          :'v2'::bytea, 'asp_saas_example_2026.csv', '{"received": "2026-04-01"}');
RESET ROLE;
SELECT a.file_name, a.superseded_by IS NULL AS current
  FROM kansa.assessment AS a JOIN kansa.organization AS o ON o.id = a.organization_id
 WHERE o.name = 'Reassess Bank' ORDER BY a.id;

-- carried and not: the new sheet's verdicts
SELECT kansa.local_id(r.control) AS control, r.verdict::text, r.verdict_source, r.rule,
       r.reviewed_by, r.reviewed_at IS NOT NULL AS reviewed
  FROM kansa.response AS r JOIN kansa.assessment AS a ON a.id = r.assessment_id
 WHERE a.file_name = 'asp_saas_example_2026.csv' ORDER BY r.control;

-- the review history: a row for each carried verdict, by the importer,
-- linked to the review it came from (the latest of the earlier answer's)
SELECT kansa.local_id(r.control) AS control, rr.reviewed_by, rr.old_source,
       rr.old_verdict::text, rr.new_verdict::text,
       rr.carried_from = (SELECT max(e.id) FROM kansa.response_review AS e
                           JOIN kansa.response AS p ON p.id = e.response_id
                           JOIN kansa.assessment AS pa ON pa.id = p.assessment_id
                          WHERE pa.file_name = 'asp_saas_example.csv'
                            AND pa.organization_id = a.organization_id
                            AND p.control::text = r.control::text) AS links_latest_review,
       rr.note LIKE 'carried from review ' || rr.carried_from || ' of assessment %: the answer is the same' AS note_says_so
  FROM kansa.response_review AS rr
  JOIN kansa.response AS r ON r.id = rr.response_id
  JOIN kansa.assessment AS a ON a.id = r.assessment_id
 WHERE a.file_name = 'asp_saas_example_2026.csv' ORDER BY r.control;
-- and the earlier reviews are all still there
SELECT count(*) AS earlier_reviews FROM kansa.response_review AS rr
  JOIN kansa.response AS r ON r.id = rr.response_id
  JOIN kansa.assessment AS a ON a.id = r.assessment_id
  JOIN kansa.organization AS o ON o.id = a.organization_id
 WHERE a.file_name = 'asp_saas_example.csv' AND o.name = 'Reassess Bank';

-- the summaries count the carried verdicts (the refresh ran after the carry)
SELECT s.partial, s.implemented, s.gaps_high, s.gaps_medium,
       s.partial = (SELECT count(*) FROM kansa.assessment_control AS ac
                     WHERE ac.assessment_id = s.assessment_id AND ac.status = 'partial') AS partial_agrees
  FROM kansa.assessment_summary AS s WHERE s.organization = 'Reassess Bank';
SELECT count(*) AS mismatches FROM (
  SELECT * FROM kansa.assessment_summary WHERE organization = 'Reassess Bank'
  EXCEPT SELECT * FROM kansa.assessment_summary_recomputed WHERE organization = 'Reassess Bank') AS d;

-- the carried verdicts are reviewed: they do not return to the review queue
SELECT control FROM kansa.review_queue WHERE organization = 'Reassess Bank' ORDER BY control;

--
-- 4. assessment_change: every change kind, the most severe new gaps first
--
SELECT local_id, change_kind, change_rank, same_answer, previous_verdict, previous_verdict_source,
       previous_reviewed_by, current_verdict, current_verdict_source, current_reviewed_by,
       carried_from_review IS NOT NULL AS carried, previous_severity, severity
  FROM kansa.assessment_change WHERE organization = 'Reassess Bank';
SELECT local_id, previous_text, current_text, sentences_added, sentences_removed
  FROM kansa.assessment_change WHERE organization = 'Reassess Bank' ORDER BY position;
SELECT array_agg(DISTINCT change_kind ORDER BY change_kind) AS kinds
  FROM kansa.assessment_change WHERE organization = 'Reassess Bank';

-- a third sheet, the same as the second: carried verdicts carry again
-- (verdict_source carried → carried), linked to the carry row before
SET ROLE reassess_importer_a;
SELECT status FROM kansa.import_sheet('Reassess Bank', 'Example Cloud', 'Example SaaS', 'asp_saas',
                                      :'v2'::bytea || '\x0a'::bytea, 'asp_saas_example_2027.csv');
RESET ROLE;
SELECT local_id, change_kind, previous_verdict_source, current_verdict, current_verdict_source
  FROM kansa.assessment_change
 WHERE organization = 'Reassess Bank' AND current_verdict_source = 'carried' ORDER BY local_id;
SELECT count(*) AS chained FROM kansa.response_review AS rr
  JOIN kansa.response_review AS e ON e.id = rr.carried_from
 WHERE e.carried_from IS NOT NULL;
-- the verdict still changes only through review() or a carry
UPDATE kansa.response SET verdict = 'implemented'
 WHERE id = (SELECT response_id FROM kansa.assessment_change
              WHERE organization = 'Reassess Bank' AND local_id = 'III.1.1.1');

--
-- 5. service_history: every sheet of the service over time
--
SELECT sheet_number, assessed_on = COALESCE(received_at, imported_at::date) AS dated,
       received_at, file_name, current, superseded_by IS NULL AS last, controls_in_scope,
       answered, coverage_pct, score_pct, gaps_high, gaps_medium, gaps_low
  FROM kansa.service_history WHERE organization = 'Reassess Bank' ORDER BY sheet_number;
-- the current sheet's coverage and score are assessment_summary's; its gaps
-- can only be more there (the reference check, inherited answers, evidence)
SELECT h.coverage_pct = s.coverage_pct AS same_coverage, h.score_pct = s.score_pct AS same_score,
       h.gaps_high <= s.gaps_high AND h.gaps_medium <= s.gaps_medium AS gaps_within
  FROM kansa.service_history AS h JOIN kansa.assessment_summary AS s USING (assessment_id)
 WHERE h.organization = 'Reassess Bank';

--
-- 6. Row-level security: the views show only the organisation's rows
--
SET ROLE reassess_analyst_a;
SELECT count(*) AS own_rows FROM kansa.assessment_change;
SELECT count(*) AS own_history FROM kansa.service_history;
RESET ROLE;
SET ROLE reassess_bi_a;
SELECT count(*) AS bi_rows FROM kansa.assessment_change;
SELECT count(*) AS bi_history FROM kansa.service_history;
RESET ROLE;
SET ROLE reassess_analyst_b;
SELECT count(*) AS other_org_rows FROM kansa.assessment_change;
SELECT count(*) AS other_org_history FROM kansa.service_history;
SELECT count(*) AS other_org_reviews FROM kansa.response_review;
RESET ROLE;
SELECT c.relname, pg_get_userbyid(c.relowner) AS owner,
       has_table_privilege('kansa_bi', c.oid, 'SELECT') AS bi_reads
  FROM pg_class AS c WHERE c.oid IN ('kansa.assessment_change'::regclass, 'kansa.service_history'::regclass)
 ORDER BY c.relname;

-- the tests after this one see none of its rows
DROP VIEW v1_answer;
DELETE FROM kansa.assessment WHERE organization_id IN
       (SELECT id FROM kansa.organization WHERE name IN ('Reassess Bank', 'Other Bank'));
DELETE FROM kansa.import_batch WHERE organization_id IN
       (SELECT id FROM kansa.organization WHERE name IN ('Reassess Bank', 'Other Bank'));
DELETE FROM kansa.service WHERE organization_id IN
       (SELECT id FROM kansa.organization WHERE name IN ('Reassess Bank', 'Other Bank'));
DELETE FROM kansa.vendor WHERE organization_id IN
       (SELECT id FROM kansa.organization WHERE name IN ('Reassess Bank', 'Other Bank'));
DELETE FROM kansa.organization WHERE name IN ('Reassess Bank', 'Other Bank');
SELECT count(*) AS organizations_left FROM kansa.organization
 WHERE name IN ('Reassess Bank', 'Other Bank');
DROP ROLE reassess_importer_a, reassess_analyst_a, reassess_bi_a, reassess_analyst_b,
          reassess_org_a, reassess_org_b;
