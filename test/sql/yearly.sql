-- Next year's sheet, on every sample sheet: the second version of each
-- (test/fixtures/sheets/*_2026.*, made by scripts/make-second-sheets from
-- the first: some answers unchanged, some reworded with the same meaning,
-- new gaps, closed gaps, a control answered for the first time, one
-- dropped) supersedes the first.  Checked: every change kind of
-- assessment_change, reviews carried and not, change_summary() (what
-- kansa-import prints), what needs attention (attention, attention(within),
-- attention_calendar) on chosen days, and row-level security on each of
-- them, as two organisations' analysts.
--
-- The expected rows were written from the issue and the verdict rubric
-- before the code was run: see the comments above each query.
SET client_min_messages = warning;
\set SHOW_CONTEXT never
\set VERBOSITY terse
\getenv abs_srcdir PG_ABS_SRCDIR
\set d :abs_srcdir '/fixtures/sheets/'
\set f1 :d 'fisc8_liveon.xlsx'
\set f2 :d 'fisc8_liveon_2026.xlsx'
\set i1 :d 'iso27017_liveon.csv'
\set i2 :d 'iso27017_liveon_2026.csv'
\set m1 :d 'meti_cloud_light2.xlsx'
\set m2 :d 'meti_cloud_light2_2026.xlsx'
\set a1 :d 'asp_saas_example.csv'
\set a2 :d 'asp_saas_example_2026.csv'
SELECT pg_read_binary_file(:'f1') AS f1, pg_read_binary_file(:'f2') AS f2,
       pg_read_binary_file(:'i1') AS i1, pg_read_binary_file(:'i2') AS i2,
       pg_read_binary_file(:'m1') AS m1, pg_read_binary_file(:'m2') AS m2,
       pg_read_binary_file(:'a1') AS a1, pg_read_binary_file(:'a2') AS a2 \gset

CREATE ROLE ny_org_a NOLOGIN;
CREATE ROLE ny_org_b NOLOGIN;
CREATE ROLE ny_importer_a NOLOGIN IN ROLE kansa_importer, ny_org_a;
CREATE ROLE ny_analyst_a NOLOGIN IN ROLE kansa_analyst, ny_org_a;
CREATE ROLE ny_bi_a NOLOGIN IN ROLE kansa_bi, ny_org_a;
CREATE ROLE ny_importer_b NOLOGIN IN ROLE kansa_importer, ny_org_b;
CREATE ROLE ny_analyst_b NOLOGIN IN ROLE kansa_analyst, ny_org_b;
INSERT INTO kansa.organization (name, tenant_role)
VALUES ('Next Year Bank', 'ny_org_a'), ('Other Year Bank', 'ny_org_b');

--
-- 1. This year's sheets, and an analyst's reviews of some answers
--
SET ROLE ny_importer_a;
SELECT framework, status, responses
  FROM (VALUES ('fisc8', 'LiveOn', 'ジャパンメディアシステム株式会社', :'f1'::bytea, 'fisc8_liveon.xlsx'),
               ('iso27017', 'LiveOn', 'ジャパンメディアシステム株式会社', :'i1'::bytea, 'iso27017_liveon.csv'),
               ('meti_cloud', 'ものづくりコネクテッドクラウドサービス', '株式会社LIGHT2', :'m1'::bytea, 'meti_cloud_light2.xlsx'),
               ('asp_saas', 'Example SaaS', 'Example Cloud', :'a1'::bytea, 'asp_saas_example.csv'))
       AS f (framework, service, vendor, content, file_name),
       LATERAL kansa.import_sheet('Next Year Bank', f.vendor, f.service, f.framework, f.content,
                                  f.file_name, '{"received": "2025-04-01"}') AS i
 ORDER BY 1;
RESET ROLE;

-- the analyst's reviews: of answers the new sheets repeat (設1, 技44 of
-- fisc8; 6.1.3 of iso27017; 10.3, an unclear one, and 11.14 of meti_cloud;
-- II.1.1.1 and III.1.1.1 of asp_saas) and of answers they change (技24,
-- 12.1.2, III.1.1.2)
SET ROLE ny_analyst_a;
CREATE TEMP VIEW ny_2025 AS
SELECT a.framework, kansa.local_id(r.control) AS control, r.id
  FROM kansa.response AS r JOIN kansa.assessment AS a ON a.id = r.assessment_id
 WHERE a.superseded_by IS NULL;
SELECT v.framework, v.control, x.verdict::text
  FROM ny_2025 AS v
  JOIN (VALUES ('fisc8', '設1', 'implemented/inherited'), ('fisc8', '技44', 'partial'),
               ('fisc8', '技24', 'implemented'), ('iso27017', '6.1.3', 'implemented'),
               ('iso27017', '12.1.2', 'implemented/shared'), ('meti_cloud', '10.3', 'implemented'),
               ('meti_cloud', '11.14', 'implemented'), ('asp_saas', 'II.1.1.1', 'implemented/shared'),
               ('asp_saas', 'III.1.1.1', 'partial'), ('asp_saas', 'III.1.1.2', 'implemented'))
       AS w (framework, control, verdict) USING (framework, control),
       LATERAL kansa.review(v.id, w.verdict::kansa.answer, 'checked') AS x
 ORDER BY 1, 2;
RESET ROLE;

--
-- 2. Next year's sheets supersede them
--
SET ROLE ny_importer_a;
SELECT framework, status, responses
  FROM (VALUES ('fisc8', 'LiveOn', 'ジャパンメディアシステム株式会社', :'f2'::bytea, 'fisc8_liveon_2026.xlsx', '2026-04-01'),
               ('iso27017', 'LiveOn', 'ジャパンメディアシステム株式会社', :'i2'::bytea, 'iso27017_liveon_2026.csv', '2026-04-01'),
               ('meti_cloud', 'ものづくりコネクテッドクラウドサービス', '株式会社LIGHT2', :'m2'::bytea, 'meti_cloud_light2_2026.xlsx', '2026-05-15'),
               ('asp_saas', 'Example SaaS', 'Example Cloud', :'a2'::bytea, 'asp_saas_example_2026.csv', '2026-06-01'))
       AS f (framework, service, vendor, content, file_name, received),
       LATERAL kansa.import_sheet('Next Year Bank', f.vendor, f.service, f.framework, f.content,
                                  f.file_name, jsonb_build_object('received', f.received)) AS i
 ORDER BY 1;
RESET ROLE;

--
-- 3. assessment_change: every change kind, sheet by sheet
--
-- Expected (the edits of scripts/make-second-sheets, read by the rubric):
--   fisc8     技25 new_gap (implemented → "保有していません": not_implemented)
--             技34 worse (unclear → "定めていません": not_implemented, medium → high)
--             技45 dropped (its row is gone)
--             技32 added (blank in 2025, an answer in 2026)
--             技24 text_changed (日次 → 週次: a word changed, still implemented)
--             技26 closed_gap (partial "機能はないが" → "機能を備え": implemented)
--             技44 unchanged (a blank for "、", no "。"): same answer, review carried
--   iso27017  12.4.4 new_gap, 16.1.7 dropped, 12.1.2 text_changed (1 か月 → 2 週間),
--             8.2.2 closed_gap (機能は提供していません → 提供しております),
--             6.1.3 unchanged (blanks, ( ) → （ ）, ､, no final 。): carried
--   meti_cloud 11.9 new_gap, 14.7 dropped, 4.8 text_changed (定期的に → 年2回),
--             8.2.1 closed_gap (planned → implemented), 11.14 unchanged (､ and
--             no final 。): carried; 10.3 unchanged: carried
--   asp_saas  as in reassessment.sql: new_gap, worse, dropped, added,
--             text_changed ×2, better, unchanged ×2
SET ROLE ny_analyst_a;
SELECT framework, local_id, change_kind, change_rank, same_answer, previous_verdict,
       previous_verdict_source, current_verdict, current_verdict_source,
       carried_from_review IS NOT NULL AS carried, previous_severity, severity
  FROM kansa.assessment_change
 WHERE change_kind <> 'unchanged' OR current_verdict_source = 'carried'
    OR (same_answer AND previous_text <> current_text)
 ORDER BY framework, change_rank, position;
-- every kind, in every framework's order of severity: new gaps first
SELECT framework, array_agg(change_kind ORDER BY ord) AS kinds_in_view_order
  FROM (SELECT framework, change_kind, row_number() OVER () AS ord
          FROM kansa.assessment_change WHERE change_kind <> 'unchanged') AS c
 GROUP BY framework ORDER BY framework;
SELECT framework, change_kind, count(*)
  FROM kansa.assessment_change GROUP BY 1, 2 ORDER BY 1, 2;
-- the sentences that changed, where the text did
SELECT framework, local_id, sentences_added, sentences_removed
  FROM kansa.assessment_change
 WHERE change_kind IN ('new_gap', 'worse', 'text_changed', 'closed_gap') AND framework <> 'asp_saas'
 ORDER BY framework, position;
-- a reworded answer with the same meaning has no sentence added or removed
SELECT framework, local_id, sentences_added, sentences_removed
  FROM kansa.assessment_change
 WHERE same_answer AND previous_text <> current_text ORDER BY framework, position;
-- a changed answer keeps the earlier verdict and reviewer beside the new one
SELECT framework, local_id, previous_verdict, previous_verdict_source,
       previous_reviewed_by, current_verdict, current_verdict_source, current_reviewed_by
  FROM kansa.assessment_change
 WHERE previous_verdict_source = 'analyst' AND current_verdict_source <> 'carried'
 ORDER BY framework, position;
-- the carried verdicts: reviewed (so off the review queue), each a row of
-- the review history linked to the review it came from
SELECT c.framework, c.local_id, r.verdict::text, r.rule, r.reviewed_by,
       rr.reviewed_by AS carried_by, rr.old_source, p.reviewed_by AS first_reviewer,
       e.id = rr.carried_from AS links_the_review
  FROM kansa.assessment_change AS c
  JOIN kansa.response AS r ON r.id = c.response_id
  JOIN kansa.response_review AS rr ON rr.response_id = r.id
  JOIN kansa.response AS p ON p.id = c.previous_response_id
  JOIN kansa.response_review AS e ON e.response_id = p.id
 WHERE c.current_verdict_source = 'carried' ORDER BY c.framework, c.position;
SELECT count(*) AS carried_in_queue FROM kansa.review_queue AS q
  JOIN kansa.assessment_change AS c ON c.response_id = q.response_id
 WHERE c.current_verdict_source = 'carried';
RESET ROLE;

-- added and dropped by blanks: a control listed with an empty answer is
-- not answered (a sheet that leaves 設2 blank, then answers it, and the
-- reverse for 設3; 設4 blank both times stays unchanged)
SET ROLE ny_importer_a;
SELECT status FROM kansa.import_sheet('Next Year Bank', 'Blank Co', 'Blank Service', 'fisc8',
       convert_to(E'項番\t回答\n設1\t実施しています。\n設2\t\n設3\t実施しています。\n設4\t\n', 'UTF8'), 'blank-2025.tsv');
SELECT status FROM kansa.import_sheet('Next Year Bank', 'Blank Co', 'Blank Service', 'fisc8',
       convert_to(E'項番\t回答\n設1\t実施しています。\n設2\t実施しています。\n設3\t\n設4\t\n', 'UTF8'), 'blank-2026.tsv');
RESET ROLE;
SELECT local_id, change_kind, previous_verdict, current_verdict, previous_response_id IS NOT NULL AS was_listed,
       response_id IS NOT NULL AS is_listed
  FROM kansa.assessment_change WHERE service = 'Blank Service' ORDER BY position;
DELETE FROM kansa.assessment AS a USING kansa.service AS s
 WHERE s.id = a.service_id AND s.name = 'Blank Service';
DELETE FROM kansa.import_batch AS b USING kansa.service AS s
 WHERE s.id = b.service_id AND s.name = 'Blank Service';
DELETE FROM kansa.service WHERE name = 'Blank Service';
DELETE FROM kansa.vendor WHERE name = 'Blank Co';

--
-- 4. change_summary(): what kansa-import prints for a superseding sheet
--
-- Expected: fisc8 1 new gap, 1 closed, 2 carried (設1, 技44), 6 changed;
-- iso27017 1, 1, 1 (6.1.3), 4; meti_cloud 1, 1, 2 (10.3, 11.14), 4;
-- asp_saas 1, 0, 2 (II.1.1.1, III.1.1.1), 7
SET ROLE ny_analyst_a;
SELECT s.framework, c.previous_assessment_id IS NOT NULL AS supersedes, c.new_gaps, c.closed_gaps,
       c.reviews_carried, c.changed, c.worse, c.better, c.text_changed, c.added, c.dropped, c.unchanged
  FROM kansa.assessment_summary AS s, LATERAL kansa.change_summary(s.assessment_id) AS c
 ORDER BY 1;
-- the first sheet of a service superseded none: no row
SELECT count(*) AS first_sheet FROM kansa.assessment AS a, LATERAL kansa.change_summary(a.id)
 WHERE a.superseded_by IS NOT NULL;
SELECT count(*) FROM kansa.change_summary(NULL);
RESET ROLE;

--
-- 5. What needs attention, on chosen days
--
-- Example SaaS is re-assessed every 6 months; LiveOn relies on AWS, never
-- assessed; a new service has no sheet yet; the certificate the ASP・SaaS
-- sheet cites is valid until 2026-12-31, the terms of service the METI
-- sheet cites until 2026-09-30.
SET ROLE ny_analyst_a;
SELECT name, review_interval FROM kansa.organization;
SELECT name, review_interval
  FROM kansa.service_review_interval_set('Next Year Bank', 'Example Cloud', 'Example SaaS', '6 months');
SELECT kansa.service_dependency_set('Next Year Bank', 'ジャパンメディアシステム株式会社', 'LiveOn',
                                    'Amazon', 'AWS', 'hosting');
SELECT name FROM kansa.service_set('Next Year Bank', 'New Vendor', 'New Service');
SELECT DISTINCT re.evidence::text FROM kansa.response_evidence AS re
  JOIN kansa.assessment AS a ON a.id = re.assessment_id
 WHERE a.superseded_by IS NULL AND kansa.kind(re.evidence) IN ('cert', 'doc')
   AND a.framework IN ('asp_saas', 'meti_cloud') ORDER BY 1;
SELECT evidence::text, valid_until
  FROM kansa.evidence_validity_set('Next Year Bank', 'cert:JQA-IM9999', '2026-12-31');
SELECT evidence::text, valid_until
  FROM kansa.evidence_validity_set('Next Year Bank', 'doc:利用規約#第11条', '2026-09-30');
-- bad intervals are refused
SELECT kansa.service_review_interval_set('Next Year Bank', 'Example Cloud', 'Example SaaS', '0 days');
SELECT kansa.organization_review_interval_set('Next Year Bank', '-1 year');

-- the calendar: every due date, due or not (the superseded sheets not);
-- a service with no assessment, or relying on an unassessed provider, is
-- due since the day it was recorded (today: due_since_recorded, not shown,
-- so that the expected output does not depend on the day it runs)
SELECT kind, vendor, service, framework,
       CASE WHEN kind NOT IN ('no_assessment', 'provider_unassessed') THEN due_on END AS due_on,
       assessed_on, review_interval, evidence,
       answers_citing, provider_vendor, provider_service,
       CASE WHEN kind IN ('no_assessment', 'provider_unassessed') THEN due_on = current_date END AS due_since_recorded
  FROM kansa.attention_calendar
 ORDER BY kind, vendor, service, framework;

-- 2026-08-01.  Expected: nothing due again (the newest sheets are of
-- 2026-04-01 and later; Example SaaS's is due 2026-12-01); the terms of
-- service expire within 90 days (60 days left), the certificate not (152);
-- LiveOn relies on AWS, never assessed (AWS itself is not listed again
-- as a service with no assessment); New Service has no sheet.
SET kansa.today = '2026-08-01';
SELECT kind, kind_rank, vendor, service, framework, days_left, overdue, evidence, provider_service, reason
  FROM kansa.attention WHERE kind NOT IN ('no_assessment', 'provider_unassessed')
 ORDER BY due_on, kind_rank;
SELECT kind, vendor, service, provider_vendor, provider_service, reason,
       due_on = current_date AS due_since_recorded
  FROM kansa.attention WHERE kind IN ('no_assessment', 'provider_unassessed') ORDER BY kind_rank;
-- a window of 30 days: the terms of service drop out; of 180: the certificate joins
SELECT kind, evidence, days_left FROM kansa.attention('30 days') WHERE kind LIKE 'evidence%';
SELECT kind, evidence, days_left FROM kansa.attention('180 days') WHERE kind LIKE 'evidence%' ORDER BY due_on;
SELECT count(*) AS same_as_view FROM (
  (SELECT * FROM kansa.attention EXCEPT ALL SELECT * FROM kansa.attention('90 days'))
  UNION ALL
  (SELECT * FROM kansa.attention('90 days') EXCEPT ALL SELECT * FROM kansa.attention)) AS d;
SELECT count(*) FROM kansa.attention(NULL);

-- 2026-12-15.  Expected: Example SaaS's sheet of 2026-06-01 is older than
-- its 6 months (due 2026-12-01, 14 days overdue); the terms of service
-- expired (76 days ago); the certificate expires in 16 days.
SET kansa.today = '2026-12-15';
SELECT kind, vendor, service, framework, due_on, days_left, overdue, assessed_on, review_interval, evidence
  FROM kansa.attention WHERE kind NOT IN ('no_assessment', 'provider_unassessed')
 ORDER BY due_on, kind_rank;
-- the organisation's default of 6 months: the LiveOn sheets of 2026-04-01
-- (due 2026-10-01) and the METI sheet of 2026-05-15 (due 2026-11-15) are
-- due too; Example SaaS keeps its own 6 months
SELECT name, review_interval FROM kansa.organization_review_interval_set('Next Year Bank', '6 months');
SELECT kind, service, framework, due_on, days_left, review_interval
  FROM kansa.attention WHERE kind = 'reassessment_due' ORDER BY due_on, framework;
-- back to the default (NULL: 1 year), and Example SaaS to it (NULL)
SELECT review_interval FROM kansa.organization_review_interval_set('Next Year Bank', NULL);
SELECT review_interval IS NULL AS uses_default
  FROM kansa.service_review_interval_set('Next Year Bank', 'Example Cloud', 'Example SaaS', NULL);
-- a year after 2026-04-01 the LiveOn sheets are exactly 1 year old: not yet
-- older than their interval; the next day they are
SET kansa.today = '2027-04-01';
SELECT kind, service, framework FROM kansa.attention WHERE kind = 'reassessment_due' ORDER BY framework;
SET kansa.today = '2027-04-02';
SELECT kind, service, framework, due_on, days_left FROM kansa.attention
 WHERE kind = 'reassessment_due' ORDER BY framework;
-- once AWS has a sheet, the dependency needs nothing
RESET ROLE;
SET ROLE ny_importer_a;
SELECT status FROM kansa.import_sheet('Next Year Bank', 'Amazon', 'AWS', 'asp_saas',
       convert_to(E'項番,回答\nII.1.1.1,基本方針を定めています。\n', 'UTF8'), 'aws.csv');
RESET ROLE;
SET ROLE ny_analyst_a;
SELECT count(*) AS provider_rows FROM kansa.attention WHERE kind = 'provider_unassessed';
RESET ROLE;
RESET kansa.today;

--
-- 6. Row-level security on every new view and function, as two tenants'
-- analysts (and org A's dashboard)
--
SET ROLE ny_importer_b;
SELECT status FROM kansa.import_sheet('Other Year Bank', 'Example Cloud', 'Example SaaS', 'asp_saas',
                                      :'a1'::bytea, 'asp_saas_example.csv', '{"received": "2024-01-01"}');
SELECT status FROM kansa.import_sheet('Other Year Bank', 'Example Cloud', 'Example SaaS', 'asp_saas',
                                      :'a2'::bytea, 'asp_saas_example_2026.csv', '{"received": "2025-01-01"}');
RESET ROLE;
SET ROLE ny_analyst_b;
SELECT name FROM kansa.service_set('Other Year Bank', 'B Vendor', 'B Service');
RESET ROLE;
SELECT assessment_id AS a_fisc8 FROM kansa.assessment_summary
 WHERE organization = 'Next Year Bank' AND framework = 'fisc8' AND service = 'LiveOn' \gset
SELECT count(*) AS summary_by_id FROM kansa.change_summary(:a_fisc8);
SET kansa.today = '2026-08-01';
CREATE TEMP TABLE ny_seen (who text, relation text, organization text, n bigint);
GRANT INSERT, SELECT ON ny_seen TO PUBLIC;
SET ROLE ny_analyst_a;
INSERT INTO ny_seen
SELECT 'analyst_a', 'assessment_change', organization, count(*) FROM kansa.assessment_change GROUP BY 3
UNION ALL SELECT 'analyst_a', 'service_history', organization, count(*) FROM kansa.service_history GROUP BY 3
UNION ALL SELECT 'analyst_a', 'attention', organization, count(*) FROM kansa.attention GROUP BY 3
UNION ALL SELECT 'analyst_a', 'attention()', organization, count(*) FROM kansa.attention('10 years') GROUP BY 3
UNION ALL SELECT 'analyst_a', 'attention_calendar', organization, count(*) FROM kansa.attention_calendar GROUP BY 3;
RESET ROLE;
SET ROLE ny_bi_a;
INSERT INTO ny_seen
SELECT 'bi_a', 'assessment_change', organization, count(*) FROM kansa.assessment_change GROUP BY 3
UNION ALL SELECT 'bi_a', 'service_history', organization, count(*) FROM kansa.service_history GROUP BY 3
UNION ALL SELECT 'bi_a', 'attention', organization, count(*) FROM kansa.attention GROUP BY 3
UNION ALL SELECT 'bi_a', 'attention()', organization, count(*) FROM kansa.attention('10 years') GROUP BY 3
UNION ALL SELECT 'bi_a', 'attention_calendar', organization, count(*) FROM kansa.attention_calendar GROUP BY 3;
RESET ROLE;
SET ROLE ny_analyst_b;
INSERT INTO ny_seen
SELECT 'analyst_b', 'assessment_change', organization, count(*) FROM kansa.assessment_change GROUP BY 3
UNION ALL SELECT 'analyst_b', 'service_history', organization, count(*) FROM kansa.service_history GROUP BY 3
UNION ALL SELECT 'analyst_b', 'attention', organization, count(*) FROM kansa.attention GROUP BY 3
UNION ALL SELECT 'analyst_b', 'attention()', organization, count(*) FROM kansa.attention('10 years') GROUP BY 3
UNION ALL SELECT 'analyst_b', 'attention_calendar', organization, count(*) FROM kansa.attention_calendar GROUP BY 3;
-- org B's analyst: its own sheet's change summary, none of org A's
SELECT a.received_at, c.new_gaps, c.changed
  FROM kansa.assessment AS a, LATERAL kansa.change_summary(a.id) AS c;
SELECT count(*) AS other_org_summary_by_id FROM kansa.change_summary(:a_fisc8);
-- and cannot set org A's intervals ("does not exist", as for a missing one)
SELECT kansa.organization_review_interval_set('Next Year Bank', '2 years');
SELECT kansa.service_review_interval_set('Next Year Bank', 'Example Cloud', 'Example SaaS', '2 years');
RESET ROLE;
SELECT who, relation, organization, n FROM ny_seen ORDER BY who, relation, organization;
-- what org B's analyst sees needs attention: its own sheet of 2025-01-01
-- (due 2026-01-01; it recorded no evidence validity) and B Service
SET ROLE ny_analyst_b;
SELECT kind, service, framework, due_on, days_left FROM kansa.attention WHERE kind <> 'no_assessment';
SELECT kind, service FROM kansa.attention WHERE kind = 'no_assessment';
RESET ROLE;
RESET kansa.today;
-- the new views are commented, column by column, in plain types, read by kansa_bi
SELECT c.relname, obj_description(c.oid, 'pg_class') IS NOT NULL AS commented,
       bool_and(col_description(c.oid, a.attnum) IS NOT NULL) AS columns_commented,
       array_agg(DISTINCT format_type(a.atttypid, a.atttypmod) ORDER BY format_type(a.atttypid, a.atttypmod)) AS types,
       pg_get_userbyid(c.relowner) AS owner, has_table_privilege('kansa_bi', c.oid, 'SELECT') AS bi_reads
  FROM pg_class AS c JOIN pg_attribute AS a ON a.attrelid = c.oid AND a.attnum > 0
 WHERE c.oid IN ('kansa.attention'::regclass, 'kansa.attention_calendar'::regclass)
 GROUP BY c.oid, c.relname ORDER BY c.relname;

-- the tests after this one see none of its rows
DROP VIEW ny_2025;
DROP TABLE ny_seen;
DELETE FROM kansa.evidence_validity WHERE organization_id IN
       (SELECT id FROM kansa.organization WHERE name IN ('Next Year Bank', 'Other Year Bank'));
DELETE FROM kansa.service_dependency WHERE organization_id IN
       (SELECT id FROM kansa.organization WHERE name IN ('Next Year Bank', 'Other Year Bank'));
DELETE FROM kansa.assessment WHERE organization_id IN
       (SELECT id FROM kansa.organization WHERE name IN ('Next Year Bank', 'Other Year Bank'));
DELETE FROM kansa.import_batch WHERE organization_id IN
       (SELECT id FROM kansa.organization WHERE name IN ('Next Year Bank', 'Other Year Bank'));
DELETE FROM kansa.service WHERE organization_id IN
       (SELECT id FROM kansa.organization WHERE name IN ('Next Year Bank', 'Other Year Bank'));
DELETE FROM kansa.vendor WHERE organization_id IN
       (SELECT id FROM kansa.organization WHERE name IN ('Next Year Bank', 'Other Year Bank'));
DELETE FROM kansa.organization WHERE name IN ('Next Year Bank', 'Other Year Bank');
DROP ROLE ny_importer_a, ny_analyst_a, ny_bi_a, ny_importer_b, ny_analyst_b, ny_org_a, ny_org_b;
