-- Importing answer sheets: import_sheet(), sheet_answers(), review().
-- The sample sheets are files in test/fixtures/sheets (made from the published sheets
-- 001 and 002, see its README); other sheets are written here.
SET client_min_messages = warning;
-- error contexts name plpgsql line numbers: not part of what is tested
\set SHOW_CONTEXT never
-- the fixtures, read by the server from the test directory (pg_regress sets
-- PG_ABS_SRCDIR; scripts/run-suite sets it for pgTAP too)
\getenv abs_srcdir PG_ABS_SRCDIR
\set fisc :abs_srcdir '/fixtures/sheets/fisc8_liveon.xlsx'
\set meti :abs_srcdir '/fixtures/sheets/meti_cloud_light2.xlsx'
\set iso :abs_srcdir '/fixtures/sheets/iso27017_liveon.csv'

-- a helper: text as a file in UTF-8
CREATE FUNCTION f(t text) RETURNS bytea LANGUAGE sql AS $$ SELECT convert_to(t, 'UTF8') $$;

--
-- 1. The sample sheets: every row accounted for, no rejects
--
SELECT status, format, sheet, rows_read, responses, rejected, skipped, unknown_controls
  FROM kansa.import_sheet('Bank A', 'ジャパンメディアシステム', 'LiveOn', 'fisc8',
                          pg_read_binary_file(:'fisc'), 'fisc8_liveon.xlsx');
SELECT status, format, sheet, rows_read, responses, rejected, skipped, unknown_controls
  FROM kansa.import_sheet('Bank A', 'ジャパンメディアシステム', 'LiveOn', 'iso27017',
                          pg_read_binary_file(:'iso'), 'iso27017_liveon.csv');
SELECT status, format, sheet, rows_read, responses, rejected, skipped, unknown_controls
  FROM kansa.import_sheet('Bank A', '株式会社LIGHT2', 'ものづくりコネクテッドクラウドサービス',
                          'meti_cloud', pg_read_binary_file(:'meti'), 'meti_cloud_light2.xlsx');
SELECT file_name, format, layout, skipped_by_reason, status
  FROM kansa.import_batch ORDER BY id;

-- merged answer cells: 設2's answer is every answer of 設2-設9 (F8:F15)
SELECT r.control, r.row_number, r.cell, r.via, left(r.raw_text, 30) AS answer
  FROM kansa.response r
 WHERE r.control::text IN ('fisc8:設2', 'fisc8:設3', 'fisc8:設9', 'fisc8:設10', 'fisc8:設11')
 ORDER BY r.row_number;
SELECT count(DISTINCT r.raw_text) AS distinct_answers, count(*) AS controls
  FROM kansa.response r JOIN kansa.assessment a ON a.id = r.assessment_id
 WHERE a.framework = 'fisc8' AND r.row_number BETWEEN 8 AND 15;
-- the rows the seed leaves empty are unanswered, not lost
SELECT r.via, kansa.status(r.verdict), count(*) FROM kansa.response r
  JOIN kansa.assessment a ON a.id = r.assessment_id
 WHERE a.framework = 'fisc8' GROUP BY 1, 2 ORDER BY 1, 2;
-- METI item numbers within sections (and 8's sub-sections) resolve
SELECT r.control, r.row_number, r.cell FROM kansa.response r
 WHERE r.control::text IN ('meti_cloud:1.1', 'meti_cloud:2.3', 'meti_cloud:8.1.1',
                           'meti_cloud:8.2.5', 'meti_cloud:15.2')
 ORDER BY r.row_number;
-- the CP932 CSV: ids as printed (CLD6.3.1) resolve leniently
SELECT r.control, r.cell, left(r.raw_text, 20) FROM kansa.response r
 WHERE r.control::text IN ('iso27017:CLD.6.3.1', 'iso27017:5.1.1') ORDER BY r.row_number;
-- every answer text arrives exactly, and verdicts, evidence and measures are there
\i test/fixtures/labels/load.sql
SELECT l.file, count(*) AS labels, count(r.id) AS found,
       count(*) FILTER (WHERE r.raw_text = l.txt) AS same_text
  FROM label l LEFT JOIN kansa.response r ON r.control::text = l.control
 GROUP BY 1 ORDER BY 1;
SELECT r.control, r.verdict, r.verdict_source, r.rule, r.confidence > 0.5 AS confident
  FROM kansa.response r WHERE r.control::text IN ('fisc8:設85', 'meti_cloud:1.1')
 ORDER BY r.control::text COLLATE "C";
SELECT e.evidence FROM kansa.response_evidence e JOIN kansa.response r ON r.id = e.response_id
 WHERE r.control::text = 'fisc8:設1' ORDER BY e.position;
SELECT m.quantity, m.measure, m.span FROM kansa.response_measure m
  JOIN kansa.response r ON r.id = m.response_id
 WHERE r.control::text = 'meti_cloud:4.3' ORDER BY m.position;

--
-- 2. Idempotency and supersession
--
SELECT batch_id, assessment_id, status, rows_read, responses
  FROM kansa.import_sheet('Bank A', 'ジャパンメディアシステム', 'LiveOn', 'iso27017',
                          pg_read_binary_file(:'iso'), 'copy of iso27017_liveon.csv');
SELECT count(*) AS batches FROM kansa.import_batch;
-- another organisation loading the same bytes gets its own assessment
SELECT status, responses
  FROM kansa.import_sheet('Insurer B', 'ジャパンメディアシステム', 'LiveOn', 'iso27017',
                          pg_read_binary_file(:'iso'), 'iso27017_liveon.csv');
-- a newer sheet supersedes the current one; history is kept
SELECT status, responses
  FROM kansa.import_sheet('Bank A', 'ジャパンメディアシステム', 'LiveOn', 'iso27017',
                          f(E'管理策番号\t実施状況\n5.1.1\t方針を定めています。\n'), 'iso-v2.tsv');
SELECT o.name, a.file_name, a.superseded_by IS NULL AS current,
       (SELECT count(*) FROM kansa.response r WHERE r.assessment_id = a.id) AS responses
  FROM kansa.assessment a JOIN kansa.organization o ON o.id = a.organization_id
 WHERE a.framework = 'iso27017' ORDER BY a.id;
-- option reload loads the same bytes again
SELECT status FROM kansa.import_sheet('Bank A', 'ジャパンメディアシステム', 'LiveOn', 'iso27017',
                                      pg_read_binary_file(:'iso'), 'iso27017_liveon.csv',
                                      '{"reload": true}');
SELECT a.file_name, a.superseded_by IS NULL AS current FROM kansa.assessment a
  JOIN kansa.organization o ON o.id = a.organization_id
 WHERE a.framework = 'iso27017' AND o.name = 'Bank A' ORDER BY a.id;

--
-- 3. Formats, encodings and column detection
--
-- tab-separated UTF-8 with a BOM, header words, lenient ids (設 83－1, full width)
SELECT status, format, rows_read, responses, rejected, skipped
  FROM kansa.import_sheet('Bank A', 'V1', 'S1', 'fisc8',
       '\xefbbbf'::bytea || f(E'項番\t基準\t対応状況\n設 83－1\t...\t対応しています。\n設１\t...\t対象外\nfisc8:設2\t...\t実施しています。\n'),
       'bom.tsv');
SELECT r.control, r.cell, r.verdict FROM kansa.response r
  JOIN kansa.assessment a ON a.id = r.assessment_id AND a.file_name = 'bom.tsv' ORDER BY r.row_number;
-- CP932 is detected; the answer column is found by its heading (回答), not by position
SELECT status, format, responses
  FROM kansa.import_sheet('Bank A', 'V2', 'S2', 'fisc8',
       convert_to(E'回答,項番\r\n"当社は対応済みです。\n詳細は別紙。",設3\r\n対象外,設4\r\n', 'SJIS'),
       'sjis.csv');
SELECT r.control, r.raw_text, r.verdict FROM kansa.response r
  JOIN kansa.assessment a ON a.id = r.assessment_id AND a.file_name = 'sjis.csv' ORDER BY r.row_number;
-- no heading: the rightmost column of long texts is the answer; options override
SELECT status, responses FROM kansa.import_sheet('Bank A', 'V3', 'S3', 'fisc8',
       f(E'設1,耐震,データセンターは震度7の耐震性を備えています。\n設2,立地,立地調査を行い対策しています。\n'),
       'noheader.csv');
SELECT status, responses FROM kansa.import_sheet('Bank A', 'V3', 'S4', 'fisc8',
       f(E'設1,耐震,データセンターは震度7の耐震性を備えています。\n'),
       'forced.csv', '{"answer_column": "B", "id_column": 1}');
SELECT b.file_name, b.layout->>'header_row' AS header_row, b.layout->>'answer_column' AS answer_column,
       r.raw_text
  FROM kansa.import_batch b JOIN kansa.response r ON r.assessment_id = b.assessment_id
 WHERE b.file_name IN ('noheader.csv', 'forced.csv') ORDER BY b.id, r.row_number;
-- the dry run says what import_sheet would do, storing nothing
SELECT kind, row_number, control, via, reason
  FROM kansa.sheet_answers(f(E'項番\t回答\n設1\t実施しています。\n設 X\t?\n'), 'fisc8');
-- a rejected row claims nothing, and takes nothing from the rows before it
SELECT kind, row_number, control, via, reason
  FROM kansa.sheet_answers(f(E'項番\t回答\n設3\t\n設1、設2\t規程で対応しています。\n設2、設3\t一部対応しています。\n'), 'fisc8')
 WHERE kind <> 'layout';
-- options name the header row and the columns when the headings say nothing
SELECT kind, row_number, control, answer, mark, reason
  FROM kansa.sheet_answers(f(E'No\tItem\tStatus\tNotes\n設1\tx\t○\t詳細は別紙\n'), 'fisc8',
                           '{"header_row": 1, "answer_column": "D", "mark_column": 3}');
-- option sheet picks the sheet of a workbook
SELECT count(*) FILTER (WHERE kind = 'response') AS responses
  FROM kansa.sheet_answers(pg_read_binary_file(:'fisc'), 'fisc8', '{"sheet": "対応状況"}');
SELECT count(*) FROM kansa.sheet_answers(pg_read_binary_file(:'fisc'), 'fisc8', '{"sheet": "Sheet2"}');
-- HTML fragments of an answer are kept as read and reduced in clean_text
SELECT r.raw_text LIKE '<p>%' AS raw_has_html, r.clean_text LIKE '%<p>%' AS clean_has_html
  FROM kansa.response r JOIN kansa.assessment a ON a.id = r.assessment_id
 WHERE r.control::text = 'fisc8:設2' AND a.file_name = 'fisc8_liveon.xlsx';
-- a file whose ids are of another framework
SELECT * FROM kansa.import_sheet('Bank A', 'V3', 'S3', 'iso27017',
       f(E'設1,耐震,データセンターは震度7の耐震性を備えています。\n'), 'wrong.csv');
-- bad options
SELECT * FROM kansa.import_sheet('Bank A', 'V3', 'S3', 'fisc8', f('x'), 'x.csv', '{"mode": "lenient"}');
SELECT * FROM kansa.import_sheet('Bank A', 'V3', 'S3', 'fisc8', f('x'), 'x.csv', '{"colum": 3}');
SELECT * FROM kansa.import_sheet('Bank A', 'V3', 'S3', 'fisc8', f('x'), 'x.csv', '{"blank": "fill"}');
SELECT * FROM kansa.import_sheet('Bank A', 'V3', 'S3', 'nist', f('x'), 'x.csv');

--
-- 4. Sheet shapes: repeated headers, sections, lists, ranges, blanks, duplicates
--
CREATE TABLE shapes AS SELECT f(
E'金融機関等コンピュータシステムの安全対策基準 対応表\n' ||
E'\n' ||
E'大項目\t項番\t基準\t対策実施状況\n' ||
E'設備基準\t設 1\t立地\tデータセンターは震度7の耐震性を備えています。\n' ||
E'\t設 2\t周囲\t\n' ||
E'\t設 3 設 4\t通路・間隔\t対象外\n' ||
E'大項目\t項番\t基準\t対策実施状況\n' ||
E'\t設5～設7\t塀・看板・避雷\t対応しています。\n' ||
E'\t設 8\t専用区画\t専用区画としています。\n' ||
E'\t設 8\t専用区画\t専用区画としています。\n' ||
E'\t\t設備基準84～137 は本サービスの対象外です。\t\n' ||
E'運用基準\t運92-98\t店舗\t対象外\n' ||
E'\t運1、2\t体制\t体制を整備しています。\n' ||
E'\t設 999\t存在しない\t実施しています。\n' ||
E'\t\t\t項番のない回答です。\n' ||
E'\t設 8\t専用区画\t一部のみ実施しています。\n') AS content;
SELECT kind, row_number, column_number, control, cell, via, reason, sqlstate
  FROM kansa.sheet_answers((SELECT content FROM shapes), 'fisc8',
       ARRAY(SELECT kansa.local_id(id) FROM kansa.control WHERE framework = 'fisc8' AND kind = 'control' ORDER BY position),
       ARRAY(SELECT kansa.local_id(id) FROM kansa.control WHERE framework = 'fisc8' AND kind = 'section' ORDER BY position),
       ARRAY(SELECT coalesce(title, '') FROM kansa.control WHERE framework = 'fisc8' AND kind = 'section' ORDER BY position))
 WHERE kind <> 'response' OR control IN ('設1', '設2', '設3', '設4', '設5', '設7', '設8', '設84', '設137', '設99', '運92', '運98', '運1', '運2')
 ORDER BY row_number, control;
-- strict: the first rejected row aborts everything, naming file, sheet, row and cell
\set VERBOSITY default
SELECT * FROM kansa.import_sheet('Bank A', 'V4', 'S4', 'fisc8', (SELECT content FROM shapes), 'shapes.tsv');
SELECT count(*) AS batches_of_shapes FROM kansa.import_batch WHERE file_name = 'shapes.tsv';
\set VERBOSITY terse
-- quarantine: the good rows load, every bad row is in import_reject;
-- rows read = rows loaded + rejected + skipped
SELECT status, rows_read, responses, rejected, skipped, unknown_controls
  FROM kansa.import_sheet('Bank A', 'V4', 'S4', 'fisc8', (SELECT content FROM shapes), 'shapes.tsv',
                          '{"mode": "quarantine"}');
SELECT rows_read = (SELECT count(DISTINCT row_number) FROM kansa.response r WHERE r.assessment_id = b.assessment_id)
                   + rejected + skipped AS adds_up, skipped_by_reason
  FROM kansa.import_batch b WHERE file_name = 'shapes.tsv';
SELECT j.row_number, j.cell, j.raw_value, j.reason, j.sqlstate, j.message
  FROM kansa.import_reject j JOIN kansa.import_batch b ON b.id = j.batch_id
 WHERE b.file_name = 'shapes.tsv' ORDER BY j.row_number;
SELECT r.control, r.row_number, r.via, r.verdict FROM kansa.response r
  JOIN kansa.assessment a ON a.id = r.assessment_id AND a.file_name = 'shapes.tsv'
 WHERE r.control::text IN ('fisc8:設2', 'fisc8:設4', 'fisc8:設6', 'fisc8:設8', 'fisc8:設84',
                           'fisc8:設100', 'fisc8:設137', 'fisc8:運95', 'fisc8:運2')
 ORDER BY r.control;
SELECT count(*) AS range_84_137 FROM kansa.response r
  JOIN kansa.assessment a ON a.id = r.assessment_id AND a.file_name = 'shapes.tsv'
 WHERE r.via = 'range';
-- blank = inherit: an empty answer inside a group repeats the one above it
SELECT status, responses FROM kansa.import_sheet('Bank A', 'V5', 'S5', 'fisc8',
       f(E'大項目\t項番\t回答\n建物\t設1\t対応しています。\n\t設2\t\n\t設3\t\n開口部\t設14\t\n\t設15\t対象外\n\t設16\t\n'),
       'inherit.tsv', '{"blank": "inherit"}');
SELECT r.control, r.via, r.verdict FROM kansa.response r
  JOIN kansa.assessment a ON a.id = r.assessment_id AND a.file_name = 'inherit.tsv'
 ORDER BY r.row_number;

--
-- 5. A CAIQ sheet: the explicit answer and ownership make the verdict; the
--    description still speaks of exceptions and plans
--
INSERT INTO kansa.framework (code, title) VALUES ('ccm_test', 'CCM v4 excerpt (test)');
INSERT INTO kansa.control (id, kind, title) VALUES
  ('ccm_test:A&A-01.1', 'control', 'Audit policy'), ('ccm_test:A&A-02.1', 'control', 'Independent assessments'),
  ('ccm_test:AIS-01.1', 'control', 'Application security policy'), ('ccm_test:BCR-08.1', 'control', 'Backup'),
  ('ccm_test:DSP-07.1', 'control', 'Data protection by design');
SELECT status, responses FROM kansa.import_sheet('Bank A', 'CloudCo', 'Cloud', 'ccm_test',
       f(E'Question ID,Question,CSP CAIQ Answer,SSRM Control Ownership,CSP Implementation Description (Optional/Recommended)\n' ||
         E'A&A-01.1,Are audit policies established?,Yes,CSP-owned,Audit policies are reviewed annually.\n' ||
         E'A&A-02.1,Are independent audits conducted?,Yes,Shared CSP and CSC,"Independent audits are conducted yearly, except for the legacy region which is planned for next year."\n' ||
         E'AIS-01.1,Is an application security policy in place?,No,CSP-owned,\n' ||
         E'BCR-08.1,Are backups taken?,NA,,\n' ||
         E'DSP-07.1,Is data protection by design applied?,Yes,3rd-party outsourced,Provided by our IaaS provider.\n'),
       'caiq.csv');
SELECT r.control, r.mark, r.ownership, r.sheet_verdict, r.classified, r.verdict, r.verdict_source
  FROM kansa.response r JOIN kansa.assessment a ON a.id = r.assessment_id AND a.file_name = 'caiq.csv'
 ORDER BY r.row_number;
SELECT layout FROM kansa.import_batch WHERE file_name = 'caiq.csv';

--
-- 6. Reviews: the latest verdict shows, history keeps every step
--
SELECT (kansa.review(r.id, 'partial', 'Seen the DC audit: only one site covered.')).verdict
  FROM kansa.response r WHERE r.control::text = 'fisc8:設1' AND r.assessment_id = 1;
SELECT (kansa.review(r.id, 'implemented/inherited', 'Second site certificate received.')).verdict_source
  FROM kansa.response r WHERE r.control::text = 'fisc8:設1' AND r.assessment_id = 1;
SELECT r.verdict, r.verdict_source, r.reviewed_by IS NOT NULL AS who FROM kansa.response r
 WHERE r.control::text = 'fisc8:設1' AND r.assessment_id = 1;
SELECT old_verdict, old_source, new_verdict, note, reviewed_by = current_user AS who
  FROM kansa.response_review ORDER BY id;
SELECT kansa.review(-1, 'implemented');
SELECT kansa.review(1, NULL);

--
-- 7. read_sheet on a workbook, and files that are not what they claim
--
SELECT sheet, row_number, column_number, left(value, 20) FROM kansa.read_sheet(pg_read_binary_file(:'fisc'))
 WHERE row_number IN (6, 8, 15) ORDER BY 2, 3;
SELECT count(*) FROM kansa.read_sheet(pg_read_binary_file(:'fisc'), '{"sheet": "対応状況"}');
SELECT count(*) FROM kansa.read_sheet(pg_read_binary_file(:'fisc'), '{"sheet": "Sheet9"}');
SELECT count(*) FROM kansa.read_sheet('\x504b0304deadbeef'::bytea);
SELECT count(*) FROM kansa.read_sheet(substr(pg_read_binary_file(:'fisc'), 1, 20000));
SET kansa.import_max_inflated_size = '64kB';
SELECT count(*) FROM kansa.read_sheet(pg_read_binary_file(:'fisc'));
RESET kansa.import_max_inflated_size;
SET kansa.import_max_file_size = '8kB';
SELECT count(*) FROM kansa.read_sheet(pg_read_binary_file(:'fisc'));
RESET kansa.import_max_file_size;
SET kansa.import_max_rows = 100;
SELECT * FROM kansa.import_sheet('Bank A', 'V9', 'S9', 'fisc8', pg_read_binary_file(:'fisc'), 'f.xlsx');
RESET kansa.import_max_rows;
SELECT kansa.column_name(n) FROM unnest(ARRAY[1, 26, 27, 52, 702, 703, 16384]) n;
-- rows whose id cell resolves to nothing: rejected only when they carry an
-- answer; a heading, a page title printed again or a note is skipped
SELECT kind, row_number, control, reason, reject
  FROM kansa.sheet_answers(convert_to(E'4.3 安全対策対応表\n項番,回答\n12,\n1.6.2 アクセス権限の管理,\n'
                                      || E'設1,実施しています。\n4.3 安全対策対応表\n※ 本表は2024年10月1日時点の状況です。\n'
                                      || E'設999,実施しています。\n', 'UTF8'), 'fisc8')
 WHERE kind <> 'layout' ORDER BY row_number;
-- range statements in the id column, in the words sheets use: the sections'
-- full names, から…まで, to, blanks around the mark
SELECT a.row_number, a.via, count(*) AS controls, min(a.control) AS first, a.answer
  FROM kansa.sheet_answers(convert_to(E'項番,回答\n設1,実施しています。\n'
                                      || E'設備基準84～137は当社の対象外です（設備を保有しないため）。\n'
                                      || E'運用基準 10 から 20 まで 該当なし\n技1 to 技5: N/A\n', 'UTF8'), 'fisc8') AS a
 WHERE a.kind = 'response'
 GROUP BY a.row_number, a.via, a.answer ORDER BY a.row_number;
-- the header is the row of labels, not a cover line above it that mentions
-- 対応状況 (merged over the columns); 対応 heads the marks, 備考 the text
SELECT l.row_number, l.kind, l.control, l.mark, l.answer, l.reason
  FROM kansa.sheet_answers(convert_to(E'4.3 安全対策対応表,,,\n'
                                      || E'株式会社サンプル FISC安全対策基準 対応状況（2024年5月）,株式会社サンプル FISC安全対策基準 対応状況（2024年5月）,株式会社サンプル FISC安全対策基準 対応状況（2024年5月）,株式会社サンプル FISC安全対策基準 対応状況（2024年5月）\n'
                                      || E'項番,基準項目,対応,備考\n設1,耐震,○,震度7に耐える建物です。\n'
                                      || E'※対応欄：○＝対応済、×＝未対応\n', 'UTF8'), 'fisc8') AS l
 WHERE l.kind <> 'layout' ORDER BY l.row_number;
-- a header of labels with no answer heading (Control ID … Compliance …
-- Remarks) is still the header; the range under it is read
SELECT l.row_number, l.kind, count(*) AS controls, min(l.mark) AS mark, min(l.reason) AS reason
  FROM kansa.sheet_answers(convert_to(E'FISC Security Guidelines\nControl ID,Requirement,Compliance,Remarks\n'
                                      || E'技1 to 技3: N/A,,,No such equipment is used.\n技4,Spare terminals,Yes,Kept on site.\n'
                                      || E'Answers: Yes / No / N/A\n', 'UTF8'), 'fisc8') AS l
 WHERE l.kind <> 'layout' GROUP BY l.row_number, l.kind ORDER BY l.row_number;
-- a section's number with its title and no answer is its heading, though
-- "2" under section 1 or "4(4)" could be read as a control; page titles
-- printed again are said to be so
SELECT l.row_number, l.kind, l.control, l.reason
  FROM kansa.sheet_answers(convert_to(E'チェックシート\n項番,項目,回答,補足\n1,情報セキュリティへの組織的取組の基本方針,,\n'
                                      || E'1.1,方針の策定,○,策定済みです。\n2,情報セキュリティのための組織,,\n'
                                      || E'2.1,責任の割当,○,\n4(4),アクセス管理,,\n4.9,アクセス制御方針,○,\n'
                                      || E'チェックシート\n'
                                      || E'Confidential - for customer due diligence only\n', 'UTF8'), 'meti_cloud') AS l
 WHERE l.kind <> 'layout' ORDER BY l.row_number;
-- an id of the sheet's own numbering with a title (CLD.9.5, II.1) is a
-- heading
SELECT l.row_number, l.kind, l.reason
  FROM kansa.sheet_answers(convert_to(E'管理策番号,管理策,対応,説明\n9.2.1,利用者登録,○,提供しています。\n'
                                      || E'CLD.9.5 共有する仮想環境におけるアクセス制御,,,\n', 'UTF8'), 'iso27017') AS l
 WHERE l.kind <> 'layout' ORDER BY l.row_number;
-- ids behind a prefix (FISC-統1, No.4.1, A.5.1.1), a range of them, a
-- header of two rows and a row of the columns' numbers, a total at the
-- bottom: read, and none rejected
SELECT l.row_number, l.kind, count(*) AS controls, min(l.control) AS first, min(l.mark) AS mark,
       min(l.reason) AS reason
  FROM kansa.sheet_answers(convert_to(E'区分,基準,回答,回答\n,管理番号,対応状況,コメント\n(1),(2),(3),(4)\n'
                                      || E'統制基準,FISC-統1,対応,方針を定めています。\n'
                                      || E'統制基準,FISC-統10～FISC-統12,対象外,金融機関の統制です。\n'
                                      || E'実務基準,FISC-実1,一部対応,2025年度に全社へ展開します。\n'
                                      || E'合計,,対応 1／一部対応 1,\n', 'UTF8'), 'fisc10') AS l
 WHERE l.kind <> 'layout' GROUP BY l.row_number, l.kind ORDER BY l.row_number;
SELECT l.row_number, l.kind, l.control, l.mark, l.reason
  FROM kansa.sheet_answers(convert_to(E'Control ID,Control,Applicable,Implemented,Justification\n'
                                      || E'A.5,Information security policies,,,\n'
                                      || E'A.5.1.1,Policies for information security,Yes,Yes,Approved by the board.\n'
                                      || E'CLD.6.3.1,Shared roles,Yes,Partially compliant,Matrix published.\n'
                                      || E'Total,2 controls,,,\n', 'UTF8'), 'iso27017') AS l
 WHERE l.kind <> 'layout' ORDER BY l.row_number;
-- a range in words in the id column; several columns of text joined to the
-- answer (the customer's part is not); the marks vendors write
SELECT l.row_number, count(*) AS controls, min(l.mark) AS mark, min(l.answer) AS answer
  FROM kansa.sheet_answers(convert_to(E'箇条,管理策,実施状況,当社の実施内容,利用者の責任範囲,関連文書\n'
                                      || E'9.2.1,利用者登録,○,登録機能を提供。,登録は利用者が実施。,仕様書 4.2\n'
                                      || E'9.2.2,アクセスの提供,△,ロール単位で提供。,,\n', 'UTF8'), 'iso27017') AS l
 WHERE l.kind = 'response' GROUP BY l.row_number ORDER BY l.row_number;
SELECT l.reason::jsonb->'text_columns' AS text_columns
  FROM kansa.sheet_answers(convert_to(E'箇条,管理策,実施状況,当社の実施内容,利用者の責任範囲,関連文書\n9.2.1,利用者登録,○,登録機能を提供。,,仕様書\n', 'UTF8'), 'iso27017') AS l
 WHERE l.kind = 'layout';
SELECT l.row_number, count(*) AS controls, min(l.control) AS first, max(l.control) AS last
  FROM kansa.sheet_answers(convert_to(E'Control ID,Answer,Comments\n設84 to 設137,N/A,No branches.\n', 'UTF8'), 'fisc10') AS l
 WHERE l.kind = 'response' GROUP BY l.row_number;
SELECT w, kansa.answer(w)::text
  FROM unnest(ARRAY['対応', '一部対応', '未対応', '対応予定', '可', '不可', '適用外', 'Compliant',
                    'Partially compliant', 'Not implemented', 'Not applicable', 'Partially']) AS w;
-- a workbook that splits its answers over two sheets: both are read, each
-- with its own layout (a blind layout corpus sheet)
\set split :abs_srcdir '/fixtures/layouts/blind3/t05_fisc10_workbook_multiline.xlsx'
SELECT l.sheet, count(*) FILTER (WHERE l.kind = 'response') AS responses,
       count(*) FILTER (WHERE l.kind = 'layout') AS layouts,
       count(*) FILTER (WHERE l.kind = 'rejected') AS rejected
  FROM kansa.sheet_lines(pg_read_binary_file(:'split'), 'fisc10') AS l
 GROUP BY l.sheet ORDER BY l.sheet;
-- import_sheet keeps both layouts in the batch and counts rows per sheet
SELECT i.status, i.sheet, i.responses, i.rejected
  FROM kansa.import_sheet('Bank A', 'V40', 'S40', 'fisc10', pg_read_binary_file(:'split'), 'split.xlsx') AS i;
SELECT jsonb_array_length(b.layout->'sheets') AS layouts, b.rows_read = b.skipped + b.rejected
       + (SELECT count(DISTINCT (r.sheet, r.row_number)) FROM kansa.response AS r
           WHERE r.assessment_id = b.assessment_id) AS rows_add_up
  FROM kansa.import_batch AS b WHERE b.file_name = 'split.xlsx';
-- an id listed again (統3（再掲）) yields to the row that answers it; a
-- wrapped answer's second row joins it; a hyphen between two whole ids in
-- a sentence is a range; 以上 closes the document
SELECT l.row_number, l.kind, count(*) AS controls, min(l.control) AS first,
       min(replace(l.answer, E'\n', ' / ')) AS answer, min(l.reason) AS reason
  FROM kansa.sheet_lines(convert_to(E'項番,基準,対応,備考\n統3,計画,○,中期計画を策定しています。\n'
                                    || E'統4,体制,○,CISOを任命し、\n,,,委員会を四半期ごとに開催しています。\n'
                                    || E'統3（再掲）,計画,○,統3に同じ\n'
                                    || E'設84-設86：本部の設備は対象外です。\n以上\n', 'UTF8'), 'fisc10') AS l
 WHERE l.kind <> 'layout' GROUP BY l.row_number, l.kind ORDER BY l.row_number;
-- in_scope: a NULL scope is every control
SELECT kansa.in_scope(NULL, 'fisc8:設1'), kansa.in_scope('{fisc8:設1,fisc8:設2}', 'fisc8:設2'),
       kansa.in_scope('{fisc8:設1}', 'fisc8:設2'), kansa.in_scope('{}', 'fisc8:設1');
-- an id column forced beyond the 200 columns kansa scans by itself is read;
-- one that holds no ids is named in the error
SELECT kind, row_number, control, answer
  FROM kansa.sheet_answers(convert_to(repeat(',', 204) || E'ID,回答\n' || repeat(',', 204) || E'設1,実施しています。\n', 'UTF8'),
                           'fisc8', '{"id_column": 205, "answer_column": 206}')
 WHERE kind <> 'layout';
SELECT count(*) FROM kansa.sheet_answers(convert_to(repeat(',', 204) || E'ID,回答\n' || repeat(',', 204) || E'設1,実施しています。\n', 'UTF8'),
                           'fisc8', '{"id_column": 206}');

--
-- Mark + remarks: a 回答 column of ○/×/△/－ beside a 備考 column is read as
-- the mark and the answer's text; where they disagree the verdict is the
-- weaker, the response carries conflict, the batch counts it, and the
-- review queue puts it first.  Text in the mark column is an answer.
--
\set marks 'convert_to(E''項番,項目,回答,備考\n1.1,方針,○,情報セキュリティ基本方針を定め、全社員に周知しています。\n1.2,配布,○,ただし一部の拠点では未配布です。\n2.1,見直し,×,年1回、方針を見直しています。\n2.2,承認,実施しています（取締役会で承認）,\n2.3,公開,－,\n'', ''UTF8'')'
SELECT l.reason::jsonb->>'mark_column' AS mark_column, l.reason::jsonb->>'answer_column' AS answer_column
  FROM kansa.sheet_answers(:marks, 'meti_cloud') AS l WHERE l.kind = 'layout';
-- the dry run tells the verdict each row will get, and the conflicts
SELECT l.row_number, l.control, l.mark, l.verdict::text, l.conflict
  FROM kansa.sheet_answers(:marks, 'meti_cloud') AS l WHERE l.kind = 'response' ORDER BY l.row_number;
SELECT status, responses, rejected
  FROM kansa.import_sheet('Bank A', 'V20', 'S20', 'meti_cloud', :marks, 'marks.csv');
SELECT r.control, r.mark, left(r.raw_text, 16) AS text, r.classified, r.verdict, r.verdict_source, r.conflict
  FROM kansa.response AS r JOIN kansa.assessment AS a ON a.id = r.assessment_id
 WHERE a.file_name = 'marks.csv' ORDER BY r.row_number;
SELECT conflicts FROM kansa.import_batch WHERE file_name = 'marks.csv';
SELECT control, status, conflict, priority FROM kansa.review_queue
 WHERE file_name = 'marks.csv' ORDER BY priority DESC, control;
-- the same bytes again: already loaded; with other options, a notice says
-- which were not used and points at reload
SET client_min_messages = notice;
SELECT status FROM kansa.import_sheet('Bank A', 'V20', 'S20', 'meti_cloud', :marks, 'marks.csv', '{"answer_column": 4}');
SELECT status FROM kansa.import_sheet('Bank A', 'V20', 'S20', 'meti_cloud', :marks, 'marks.csv');
-- a new name is created with a notice (and the names it may have meant);
-- with create = false it is refused
\set VERBOSITY default
SELECT status FROM kansa.import_sheet('Bank A', 'V20 ', 'S21', 'meti_cloud', :marks, 'marks2.csv');
SELECT status FROM kansa.import_sheet('Bank A', 'V2O', 'S20', 'meti_cloud', :marks, 'marks3.csv', '{"create": false}');
SELECT status FROM kansa.import_sheet('Bank A', 'V20', 'S2l', 'meti_cloud', :marks, 'marks3.csv', '{"create": false}');
-- many near names: the three nearest are named, and how many more there are
SELECT (kansa.service_set('Bank A', 'V20', s)).name FROM unnest(ARRAY['S22', 'S23', 'S24']) AS s;
SELECT status FROM kansa.import_sheet('Bank A', 'V20', 'S2x', 'meti_cloud', :marks, 'marks3.csv', '{"create": false}');
-- a sheet imported against the wrong framework: the error names the ones
-- whose ids it holds
SELECT status FROM kansa.import_sheet('Bank A', 'V20', 'S20', 'iso27017',
       convert_to(E'項番,回答\n設1,実施しています。\n設2,実施しています。\n', 'UTF8'), 'wrong.csv');
\set VERBOSITY terse
SELECT kansa.name_distance('株式会社ＬＩＧＨＴ２', '株式会社LIGHT2'), kansa.name_distance('Example Co', 'Exmaple Co');
SET client_min_messages = warning;
SELECT kansa.mark_conflict('○', 'partial'), kansa.mark_conflict('○', 'implemented'),
       kansa.mark_conflict('×', 'implemented'), kansa.mark_conflict('○', 'unclear'),
       kansa.mark_conflict('not a mark', 'implemented');
SELECT kansa.sheet_verdict('Yes', 'CSP-owned', 'not_implemented'),
       kansa.sheet_verdict('No', NULL, 'implemented'),
       kansa.sheet_verdict('△', NULL, 'planned'),
       kansa.sheet_verdict('N/A', NULL, 'implemented');

--
-- Scope: the controls an organisation asked.  Kept by name (scope_set) or
-- given as a list; a section stands for the controls below it; the others
-- are no gaps and are not counted, though the answers to them are kept.
--
\set VERBOSITY default
SELECT name, items, controls FROM kansa.scope_set('Bank A', 'meti_cloud', ' 2025 委託先 ',
                                                  ARRAY['1', '４（４）', 'meti_cloud:11.3'], 'the 2025 questionnaire');
SELECT kansa.scope_controls('meti_cloud', ARRAY['1.1', 'x9', '99']);
SELECT kansa.scope_controls('meti_cloud', ARRAY['', NULL]);
SELECT status, responses, conflicts
  FROM kansa.import_sheet('Bank A', 'V30', 'S30', 'meti_cloud', :marks, 'scoped.csv', '{"scope": "2025 委託先"}');
SELECT a.scope_name, a.scope::text[] FROM kansa.assessment AS a WHERE a.file_name = 'scoped.csv';
SELECT controls_in_scope, answered, implemented, partial, unanswered, gaps_high, gaps_medium
  FROM kansa.assessment_summary WHERE file_name = 'scoped.csv';
SELECT section, controls_in_scope, answered FROM kansa.section_coverage
 WHERE service = 'S30' ORDER BY section_position;
SELECT control, gap_kind FROM kansa.gaps WHERE service = 'S30' ORDER BY position;
-- the reference check follows only the controls asked: with the same
-- pattern, the scoped assessment has fewer items to check than the whole
-- framework, and none through a control outside its scope
SELECT count(kansa.service_set('Bank A', v, s, NULL, NULL, NULL, 3))
  FROM (VALUES ('V20', 'S20'), ('V30', 'S30')) AS x (v, s);
SELECT (SELECT count(*) FROM kansa.reference_check WHERE service = 'S30')
       < (SELECT count(*) FROM kansa.reference_check WHERE service = 'S20') AS fewer_items,
       (SELECT count(*) FROM kansa.reference_check AS q JOIN kansa.assessment AS a ON a.id = q.assessment_id
         WHERE q.service = 'S30' AND q.control IS NOT NULL
           AND NOT kansa.in_scope(a.scope, q.control)) AS outside_scope;
-- the answers outside the scope are kept
SELECT count(*) AS responses_kept FROM kansa.response AS r
  JOIN kansa.assessment AS a ON a.id = r.assessment_id WHERE a.file_name = 'scoped.csv';
-- a list, as text or a JSON array; an unknown name or id is an error
SELECT status FROM kansa.import_sheet('Bank A', 'V30', 'S31', 'meti_cloud', :marks, 'scoped2.csv', '{"scope": "2.1, 2.2、4(4)"}');
SELECT status FROM kansa.import_sheet('Bank A', 'V30', 'S32', 'meti_cloud', :marks, 'scoped3.csv', '{"scope": ["1"]}');
SELECT file_name, controls_in_scope, answered, unanswered FROM kansa.assessment_summary
 WHERE file_name IN ('scoped2.csv', 'scoped3.csv') ORDER BY file_name;
SELECT status FROM kansa.import_sheet('Bank A', 'V30', 'S33', 'meti_cloud', :marks, 'scoped4.csv', '{"scope": "2024 委託先"}');
SELECT status FROM kansa.import_sheet('Bank A', 'V30', 'S33', 'meti_cloud', :marks, 'scoped4.csv', '{"scope": "1.1, 1.99"}');
SELECT status FROM kansa.import_sheet('Bank A', 'V30', 'S33', 'meti_cloud', :marks, 'scoped4.csv', '{"scope": 5}');
SELECT kansa.scope_delete('Bank A', 'meti_cloud', '2025 委託先'), kansa.scope_delete('Bank A', 'meti_cloud', '2025 委託先');
-- the assessment keeps its controls when the scope is gone
SELECT controls_in_scope FROM kansa.assessment_summary WHERE file_name = 'scoped.csv';

--
-- A sheet where most rows with an id name no control of the framework
-- answers another one: refused in every mode, naming the better match.
--
SELECT status FROM kansa.import_sheet('Bank A', 'V31', 'S31', 'fisc8',
       convert_to(E'項番,回答\n1.1,方針を定めています。\n1.2,変更時に見直します。\n2.1,体制を整えています。\n設1,耐震です。\n', 'UTF8'),
       'mostly_meti.csv', '{"mode": "quarantine"}');
SELECT framework, answered, unknown FROM kansa.sheet_frameworks(
       convert_to(E'項番,回答\n1.1,方針を定めています。\n1.2,変更時に見直します。\n2.1,体制を整えています。\n設1,耐震です。\n', 'UTF8'))
 ORDER BY framework;
SET client_min_messages = warning;

--
-- Statistics: the install script analysed the shipped catalogs, and the
-- imports above analysed the assessment tables as they filled
-- (analyze_stale_tables; last_analyze is set by ANALYZE, not autovacuum).
--
SELECT c.relname, c.reltuples >= 0 AS has_statistics
  FROM pg_class AS c
 WHERE c.relnamespace = 'kansa'::regnamespace
   AND c.relname IN ('framework', 'control', 'reference_item', 'reference_value')
 ORDER BY c.relname;
SELECT relname, last_analyze IS NOT NULL AS analysed_by_import
  FROM pg_stat_user_tables
 WHERE schemaname = 'kansa' AND relname IN ('assessment', 'response', 'response_evidence')
 ORDER BY relname;
-- its scale_factor: a share of 0 or more, finite, not null
SELECT kansa.analyze_stale_tables(1);
SELECT kansa.analyze_stale_tables(NULL);
SELECT kansa.analyze_stale_tables(-0.5);
SELECT kansa.analyze_stale_tables('NaN');
SELECT kansa.analyze_stale_tables('Infinity');

--
-- Each distinct text of a sheet is read once, however many rows share it:
-- classify_explain() is called once per row (four rows; not once per field
-- taken from its result, as when the statement inlined the call) and
-- answers the rows whose text it has read from its memo (classify.sql).
-- track_functions counts the calls (the count is taken before and after
-- inside one transaction, since counts not yet flushed carry over from the
-- last one).
--
\set twice `printf '項番,回答\n設1,耐震構造の建物です。\n設2,耐震構造の建物です。\n設3,消火設備を備えています。\n設4,耐震構造の建物です。\n'`
CREATE FUNCTION readings() RETURNS bigint LANGUAGE sql AS $$
	SELECT COALESCE(sum(calls), 0) FROM pg_stat_xact_user_functions
	 WHERE schemaname = 'kansa' AND funcname = 'classify_explain' $$;
BEGIN;
SET LOCAL track_functions = 'all';
SELECT readings() AS before \gset
SELECT count(*) AS rows, count(DISTINCT verdict) AS verdicts
  FROM kansa.sheet_answers(convert_to(:'twice', 'UTF8'), 'fisc8') WHERE kind = 'response';
SELECT readings() - :before AS readings;
SELECT readings() AS before \gset
SELECT status, responses FROM kansa.import_sheet('Bank A', 'V41', 'S41', 'fisc8', convert_to(:'twice', 'UTF8'), 'twice.csv');
SELECT readings() - :before AS readings;
COMMIT;
