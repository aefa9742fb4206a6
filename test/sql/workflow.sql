-- The analyst's work after the gaps: findings raised from the gaps of the
-- bundled METI sheet (株式会社LIGHT2's filled クラウドサービス利用のための
-- 情報セキュリティマネジメントガイドライン check sheet), idempotently; their
-- questions from the templates (shipped and a user's own); the states and
-- the moves allowed, each recorded with who and when; the findings view and
-- assessment_summary's counts; the follow-up sheet's shape; and two
-- organisations kept apart.
SET client_min_messages = warning;
\set SHOW_CONTEXT never
\set VERBOSITY terse
\getenv abs_srcdir PG_ABS_SRCDIR
\set meti_file :abs_srcdir '/fixtures/sheets/meti_cloud_light2.xlsx'
\set iso_file :abs_srcdir '/fixtures/sheets/iso27017_liveon.csv'
SELECT pg_read_binary_file(:'meti_file') AS meti, pg_read_binary_file(:'iso_file') AS iso \gset
\set vendor '株式会社LIGHT2 (findings)'
\set service 'ものづくりコネクテッドクラウドサービス'

CREATE ROLE findings_org_a NOLOGIN;
CREATE ROLE findings_org_b NOLOGIN;
CREATE ROLE findings_importer_a NOLOGIN IN ROLE kansa_importer, findings_org_a;
CREATE ROLE findings_analyst_a NOLOGIN IN ROLE kansa_analyst, findings_org_a;
CREATE ROLE findings_bi_a NOLOGIN IN ROLE kansa_bi, findings_org_a;
CREATE ROLE findings_analyst_b NOLOGIN IN ROLE kansa_analyst, findings_org_b;
CREATE ROLE findings_admin NOLOGIN IN ROLE kansa_admin;
INSERT INTO kansa.organization (name, tenant_role)
VALUES ('Findings Bank A', 'findings_org_a'), ('Findings Bank B', 'findings_org_b');

SET ROLE findings_importer_a;
SELECT status, responses FROM kansa.import_sheet('Findings Bank A', :'vendor', :'service', 'meti_cloud',
                                                 :'meti'::bytea, 'meti_cloud_light2.xlsx');
RESET ROLE;
SET ROLE findings_analyst_a;
-- pattern 1 (see views.sql): the reference values of the ASP・SaaS guideline apply
SELECT pattern FROM kansa.service_set('Findings Bank A', :'vendor', :'service', '文書管理', '高', '高');
SELECT assessment_id AS a_meti FROM kansa.assessment_summary
 WHERE organization = 'Findings Bank A' AND framework = 'meti_cloud' \gset

-- The gaps, as the gaps view has them, and the findings raised from them:
-- every gap of severity medium or more, one finding each
SELECT gap_kind, severity, count(*) FROM kansa.gaps WHERE assessment_id = :a_meti
 GROUP BY 1, 2 ORDER BY 2, 1;
SELECT kansa.raise_findings(:a_meti) AS raised;
-- again: nothing new
SELECT kansa.raise_findings(:a_meti) AS raised_again;
SELECT f.gap_kind, f.severity, f.state, count(*), min(f.due) = kansa.today() + 30 AS due_in_30_days,
       bool_and(f.raised_by = 'findings_analyst_a') AS raised_by_caller
  FROM kansa.finding AS f WHERE f.assessment_id = :a_meti GROUP BY 1, 2, 3 ORDER BY 2, 1;
-- every gap of medium or more has its finding, and nothing else does
SELECT count(*) AS gaps_without_finding
  FROM kansa.gaps AS g
 WHERE g.assessment_id = :a_meti AND g.severity_rank <= 2
   AND NOT EXISTS (SELECT FROM kansa.finding AS f
                    WHERE f.assessment_id = g.assessment_id AND f.control::text = g.control
                      AND f.gap_kind = g.gap_kind);
-- low gaps too, with a due of 14 days: only those are new
SELECT kansa.raise_findings(:a_meti, 'low', '14 days') AS raised_low;
SELECT severity, count(*) FROM kansa.finding WHERE assessment_id = :a_meti GROUP BY 1 ORDER BY 1;

-- The questions fit the gap: a figure below the reference value states both
SELECT local_id, gap_kind, reason_ja, question_en
  FROM kansa.findings WHERE assessment_id = :a_meti AND gap_kind = 'below_reference'
 ORDER BY finding_id;
SELECT local_id, gap_kind, reason_en, question_ja
  FROM kansa.findings WHERE assessment_id = :a_meti AND gap_kind = 'partial'
 ORDER BY finding_id LIMIT 1;
-- the event of every raise names the caller
SELECT count(*) AS events, bool_and(e.by = 'findings_analyst_a' AND e.from_state IS NULL
                                    AND e.to_state = 'open') AS all_raised_by_caller
  FROM kansa.finding_event AS e JOIN kansa.finding AS f ON f.id = e.finding_id
 WHERE f.assessment_id = :a_meti;

-- Wrong arguments
SELECT kansa.raise_findings(:a_meti, 'severe');
SELECT kansa.raise_findings(:a_meti, 'high', '-1 day');
SELECT kansa.raise_findings(NULL);
SELECT kansa.raise_findings(-1);

-- States: the moves allowed and refused
SELECT min(finding_id) AS f1, min(finding_id) + 1 AS f2, min(finding_id) + 2 AS f3,
       min(finding_id) + 3 AS f4
  FROM kansa.findings WHERE assessment_id = :a_meti \gset
SELECT id = :f1 AS f1, state, sent_at IS NOT NULL AS sent FROM kansa.finding_send(:f1, 'mailed with the sheet');
SELECT state FROM kansa.finding_send(:f1);
SELECT state, reply_verdict, reply_items
  FROM kansa.finding_answer(:f1, '2025年4月よりISO/IEC 27017の認証（認証登録番号 JQA-IC0123）を取得し、実施しています。', NULL, 'by phone');
SELECT state FROM kansa.finding_answer(:f1, 'again');
SELECT state FROM kansa.finding_close(:f1, 'satisfied');
SELECT state FROM kansa.finding_close(:f1);
SELECT state FROM kansa.finding_reopen(:f1, 'the certificate is for another service');
SELECT state, risk_approver, risk_expires = kansa.today() + 180 AS expires_in_180_days
  FROM kansa.finding_accept_risk(:f2, 'compensated by our own monitoring', 'CISO 山田', kansa.today() + 180);
SELECT state FROM kansa.finding_accept_risk(:f3, '', 'CISO', kansa.today() + 1);
SELECT state FROM kansa.finding_accept_risk(:f3, 'reason', 'CISO', '2000-01-01');
SELECT state FROM kansa.finding_accept_risk(:f3, 'reason', NULL, kansa.today());
SELECT state FROM kansa.finding_send(:f2);
SELECT state, risk_reason IS NULL AS cleared FROM kansa.finding_reopen(:f2, 'the acceptance is withdrawn');
SELECT state FROM kansa.finding_send(:f2);
SELECT state FROM kansa.finding_answer(:f3, '   ');
SELECT state FROM kansa.finding_send(-1);
-- the history, in order, with who (the acceptance's last day, today + 180,
-- shown as such: the expected output must not depend on the day it runs)
SELECT e.from_state, e.to_state, e.by,
       replace(e.note, to_char(kansa.today() + 180, 'YYYY-MM-DD'), '<today + 180>') AS note
  FROM kansa.finding_event AS e WHERE e.finding_id IN (:f1, :f2) AND e.from_state IS NOT NULL
 ORDER BY e.id;

-- Nobody writes the findings or their history but kansa's functions
UPDATE kansa.finding SET state = 'closed' WHERE id = :f3;
INSERT INTO kansa.finding_event (finding_id, organization_id, at, by, to_state)
SELECT :f3, organization_id, now(), 'someone else', 'closed' FROM kansa.finding WHERE id = :f3;
DELETE FROM kansa.finding_event;
SELECT * FROM kansa.followup_secret;

-- The view: open and sent first, the overdue among them first; counts in
-- the assessment's summary
SELECT state, overdue, count(*) FROM kansa.findings WHERE assessment_id = :a_meti
 GROUP BY 1, 2 ORDER BY min(finding_id);
SELECT findings_open, findings_overdue, findings_answered, findings_closed, findings_risk_accepted
  FROM kansa.assessment_summary WHERE assessment_id = :a_meti;
-- assessment_findings counts what kansa.findings lists, overdue alike (read
-- again below on another day)
CREATE TEMP VIEW findings_agree AS
SELECT af.findings = x.n AND af.findings_open = x.open AND af.findings_overdue = x.overdue
       AND af.findings_answered = x.answered AND af.findings_closed = x.closed
       AND af.findings_risk_accepted = x.risk_accepted
       AS counts_agree_with_findings, af.findings
  FROM kansa.assessment_findings AS af,
       (SELECT count(*) AS n, count(*) FILTER (WHERE state IN ('open', 'sent')) AS open,
               count(*) FILTER (WHERE overdue) AS overdue,
               count(*) FILTER (WHERE state = 'answered') AS answered,
               count(*) FILTER (WHERE state = 'closed') AS closed,
               count(*) FILTER (WHERE state = 'risk_accepted') AS risk_accepted
          FROM kansa.findings WHERE assessment_id = :a_meti) AS x
 WHERE af.assessment_id = :a_meti;
SELECT * FROM findings_agree;
-- in 40 days the findings due in 30 are overdue, and lead the view
SET kansa.today = '2099-01-01';
SELECT state, overdue, days_overdue > 0 AS late FROM kansa.findings
 WHERE assessment_id = :a_meti LIMIT 1;
SELECT findings_open = findings_overdue AS all_overdue
  FROM kansa.assessment_summary WHERE assessment_id = :a_meti;
SELECT * FROM findings_agree;
DROP VIEW findings_agree;
RESET kansa.today;
-- the summary agrees with the one computed from scratch
SELECT count(*) AS differences FROM (
  (SELECT * FROM kansa.assessment_summary WHERE organization = 'Findings Bank A'
   EXCEPT ALL SELECT * FROM kansa.assessment_summary_recomputed WHERE organization = 'Findings Bank A')
  UNION ALL
  (SELECT * FROM kansa.assessment_summary_recomputed WHERE organization = 'Findings Bank A'
   EXCEPT ALL SELECT * FROM kansa.assessment_summary WHERE organization = 'Findings Bank A')) AS d;

-- The follow-up sheet: an xlsx workbook, recognised as one, with its hidden
-- sheet naming the assessment and the findings waiting for the vendor
SELECT kansa.followup_sheet(:a_meti) AS sheet_ja, kansa.followup_sheet(:a_meti, 'en') AS sheet_en \gset
SELECT kansa.followup_sheet(:a_meti, 'fr');
SELECT kansa.followup_sheet(NULL);
RESET ROLE;
-- (read as the superuser: analysts have no read_sheet())
SELECT substr(:'sheet_ja'::bytea, 1, 2) = 'PK'::bytea AS zip,
       kansa.is_followup_sheet(:'sheet_ja'::bytea) AS followup,
       kansa.is_followup_sheet(:'meti'::bytea) AS answer_sheet_is_not;
SELECT sheet, count(*) FROM kansa.read_sheet(:'sheet_ja'::bytea) GROUP BY 1 ORDER BY 1;
SELECT row_number, value FROM kansa.read_sheet(:'sheet_ja'::bytea)
 WHERE sheet = '_kansa' AND column_number = 1 AND row_number <= 11 ORDER BY 1;
SELECT value = :'a_meti' AS names_assessment FROM kansa.read_sheet(:'sheet_ja'::bytea)
 WHERE sheet = '_kansa' AND row_number = 3 AND column_number = 2;
-- one row per finding open or sent, in the order of the controls
SELECT (SELECT count(*) FROM kansa.read_sheet(:'sheet_ja'::bytea)
         WHERE sheet = '指摘事項' AND column_number = 1 AND row_number > 1)
       = (SELECT count(*) FROM kansa.findings WHERE assessment_id = :a_meti AND state IN ('open', 'sent'))
       AS one_row_per_finding;
SELECT column_number, value FROM kansa.read_sheet(:'sheet_ja'::bytea)
 WHERE sheet = '指摘事項' AND row_number = 1 ORDER BY 1;
SELECT column_number, value FROM kansa.read_sheet(:'sheet_en'::bytea)
 WHERE sheet = 'Findings' AND row_number = 1 ORDER BY 1;

-- A user's template takes precedence over the shipped one; the shipped one
-- stays as shipped
SET ROLE findings_admin;
UPDATE kansa.finding_template SET question = 'x' WHERE gap_kind = 'unclear' AND language = 'en';
INSERT INTO kansa.finding_template (gap_kind, language, reason, question)
VALUES ('partial', 'en', 'Partial: {control}.', 'What exactly do you do for {control} ({title})? Due {due}.');
RESET ROLE;
SET ROLE findings_importer_a;
SELECT status FROM kansa.import_sheet('Findings Bank A', 'ジャパンメディアシステム株式会社 (findings)', 'LiveOn',
                                      'iso27017', :'iso'::bytea, 'iso27017_liveon.csv');
RESET ROLE;
SET ROLE findings_analyst_a;
SELECT assessment_id AS a_iso FROM kansa.assessment_summary
 WHERE organization = 'Findings Bank A' AND framework = 'iso27017' \gset
SELECT kansa.raise_findings(:a_iso, 'medium', '7 days') > 0 AS raised;
SELECT question_en = format('What exactly do you do for %s (%s)? Due %s.', local_id, title, to_char(due, 'YYYY-MM-DD')) AS users_text,
       question_ja LIKE '%対象外となっている範囲%' AS shipped_ja
  FROM kansa.findings WHERE assessment_id = :a_iso AND gap_kind = 'partial' LIMIT 1;
RESET ROLE;
DELETE FROM kansa.finding_template WHERE NOT builtin;

-- Another organisation sees none of it, and cannot act on it
SET ROLE findings_analyst_b;
SELECT count(*) AS findings, (SELECT count(*) FROM kansa.finding_event) AS events,
       (SELECT count(*) FROM kansa.finding) AS rows
  FROM kansa.findings;
-- (the assessment's number depends on the tests run before: SQLSTATEs only)
\set VERBOSITY sqlstate
SELECT kansa.raise_findings(:a_meti);
SELECT kansa.followup_sheet(:a_meti);
\set VERBOSITY terse
SELECT state FROM kansa.finding_close(:f3);
RESET ROLE;
SET ROLE findings_bi_a;
SELECT count(*) > 0 AS bi_reads_view FROM kansa.findings;
SELECT count(*) FROM kansa.finding;
\set VERBOSITY sqlstate
SELECT kansa.raise_findings(:a_meti);
\set VERBOSITY terse
RESET ROLE;
SELECT state FROM kansa.finding WHERE id = :f3;

-- roles are the cluster's, not the database's: leave none behind (the
-- package test runs the suite again in the same cluster)
DROP ROLE findings_importer_a, findings_analyst_a, findings_bi_a, findings_analyst_b,
		  findings_admin, findings_org_a, findings_org_b;
