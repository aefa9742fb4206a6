-- The compliance-gap views at 1M responses: one assessment's gaps, and
-- assessment_summary over everything.  The data are the three bundled
-- sample sheets, imported once and then copied for 2,289 services of their
-- own (patterns 1-6 in turn): 6,867 current assessments, 1,000,293 responses
-- with their evidence and figures; some certificates expired, some services
-- with an assessed provider.
\set fisc `base64 -w0 test/fixtures/sheets/fisc8_liveon.xlsx`
\set meti `base64 -w0 test/fixtures/sheets/meti_cloud_light2.xlsx`
\set iso `base64 -w0 test/fixtures/sheets/iso27017_liveon.csv`
\set copies 2289
\o /dev/null
SELECT kansa.import_sheet('Bench Bank', 'template', 'fisc8', 'fisc8', decode(:'fisc', 'base64'), 'fisc8.xlsx');
SELECT kansa.import_sheet('Bench Bank', 'template', 'iso27017', 'iso27017', decode(:'iso', 'base64'), 'iso.csv');
SELECT kansa.import_sheet('Bench Bank', 'template', 'meti', 'meti_cloud', decode(:'meti', 'base64'), 'meti.xlsx');
\o
CREATE UNLOGGED TABLE bench.tpl AS
	SELECT a.id AS tpl_id, a.framework, a.organization_id FROM kansa.assessment AS a;
INSERT INTO kansa.vendor (organization_id, name)
	SELECT (SELECT DISTINCT organization_id FROM bench.tpl), 'vendor ' || g FROM generate_series(1, :copies) AS g;
INSERT INTO kansa.service (organization_id, vendor_id, name, pattern_set)
	SELECT v.organization_id, v.id, 'service of ' || v.name, 1 + v.id % 6 FROM kansa.vendor AS v WHERE v.name LIKE 'vendor %';
CREATE UNLOGGED TABLE bench.map AS
	SELECT s.id AS service_id, t.tpl_id, t.framework, t.organization_id,
	       'copy ' || s.id || ' of ' || t.tpl_id AS file_name, NULL::bigint AS assessment_id
	  FROM kansa.service AS s CROSS JOIN bench.tpl AS t WHERE s.name LIKE 'service of %';
INSERT INTO kansa.import_batch (organization_id, service_id, framework, file_name, format, sha256,
                                size_bytes, mode, started_at, status)
	SELECT m.organization_id, m.service_id, m.framework, m.file_name, 'csv',
	       sha256(convert_to(m.file_name, 'UTF8')), 0, 'quarantine', now(), 'loaded'
	  FROM bench.map AS m;
BEGIN;
INSERT INTO kansa.assessment (organization_id, service_id, framework, batch_id, file_name, sha256)
	SELECT b.organization_id, b.service_id, b.framework, b.id, b.file_name, b.sha256
	  FROM kansa.import_batch AS b WHERE b.file_name LIKE 'copy %';
UPDATE kansa.import_batch AS b SET assessment_id = a.id
  FROM kansa.assessment AS a WHERE a.batch_id = b.id AND b.file_name LIKE 'copy %';
COMMIT;
UPDATE bench.map AS m SET assessment_id = a.id FROM kansa.assessment AS a WHERE a.file_name = m.file_name;
INSERT INTO kansa.response (assessment_id, organization_id, control, sheet, row_number, cell, via, raw_text, clean_text,
                            specific_text, mark, ownership, sheet_verdict, classified, verdict,
                            verdict_source, confidence, rule)
	SELECT m.assessment_id, m.organization_id, r.control, r.sheet, r.row_number, r.cell, r.via, r.raw_text, r.clean_text,
	       r.specific_text, r.mark, r.ownership, r.sheet_verdict, r.classified, r.verdict,
	       r.verdict_source, r.confidence, r.rule
	  FROM bench.map AS m JOIN kansa.response AS r ON r.assessment_id = m.tpl_id;
INSERT INTO kansa.response_evidence (response_id, position, evidence, assessment_id, organization_id)
	SELECT n.id, e.position, e.evidence, n.assessment_id, n.organization_id
	  FROM bench.map AS m
	  JOIN kansa.response AS t ON t.assessment_id = m.tpl_id
	  JOIN kansa.response_evidence AS e ON e.response_id = t.id
	  JOIN kansa.response AS n ON n.assessment_id = m.assessment_id AND n.control OPERATOR(kansa.=) t.control;
INSERT INTO kansa.response_measure (response_id, position, quantity, measure, span, organization_id)
	SELECT n.id, q.position, q.quantity, q.measure, q.span, n.organization_id
	  FROM bench.map AS m
	  JOIN kansa.response AS t ON t.assessment_id = m.tpl_id
	  JOIN kansa.response_measure AS q ON q.response_id = t.id
	  JOIN kansa.response AS n ON n.assessment_id = m.assessment_id AND n.control OPERATOR(kansa.=) t.control;
-- the evidence every 20th service cites has expired; every 10th service's
-- provider is assessed
INSERT INTO kansa.evidence_validity (organization_id, evidence, valid_until)
	SELECT DISTINCT t.organization_id, e.evidence, CURRENT_DATE - 30
	  FROM bench.tpl AS t JOIN kansa.response AS r ON r.assessment_id = t.tpl_id
	  JOIN kansa.response_evidence AS e ON e.response_id = r.id
	 WHERE kansa.kind(e.evidence) IN ('cert', 'report', 'doc');
INSERT INTO kansa.service_dependency (service_id, provider_service_id, organization_id)
	SELECT s.id, s.id + 1, s.organization_id FROM kansa.service AS s
	 WHERE s.name LIKE 'service of %' AND s.id % 10 = 0
	   AND EXISTS (SELECT FROM kansa.service AS p WHERE p.id = s.id + 1);
VACUUM ANALYZE;

SELECT format('Data: %s current assessments, %s responses, %s evidence items, %s figures.',
	(SELECT count(*) FROM kansa.assessment WHERE superseded_by IS NULL),
	(SELECT count(*) FROM kansa.response), (SELECT count(*) FROM kansa.response_evidence),
	(SELECT count(*) FROM kansa.response_measure));
SELECT '';
SELECT '| case (1M responses) | baseline, ms | kansa, ms | ratio | target | |';
SELECT '|---|---:|---:|---:|---:|---|';

-- One assessment's gaps, against reading its responses by index.
SELECT bench.row_ms('gaps of one fisc8 assessment (baseline: its responses by index)',
	bench.median_ms(format('SELECT * FROM kansa.response WHERE assessment_id = %s', a), 21),
	bench.median_ms(format('SELECT * FROM kansa.gaps WHERE assessment_id = %s', a), 21), 20)
  FROM (SELECT max(assessment_id) AS a FROM bench.map WHERE framework = 'fisc8') AS x;
SELECT bench.row_ms('gaps of one meti_cloud assessment, pattern 1 (reference values checked)',
	bench.median_ms(format('SELECT * FROM kansa.response WHERE assessment_id = %s', a), 21),
	bench.median_ms(format('SELECT * FROM kansa.gaps WHERE assessment_id = %s', a), 21), 20)
  FROM (SELECT max(m.assessment_id) AS a FROM bench.map AS m JOIN kansa.service AS s ON s.id = m.service_id
         WHERE m.framework = 'meti_cloud' AND s.pattern = 1) AS x;
-- The summary of everything, against counting the responses per assessment.
SELECT bench.row_ms('assessment_summary, all assessments (baseline: responses counted per assessment)',
	bench.median_ms('SELECT assessment_id, count(*) FROM kansa.response GROUP BY assessment_id', 5),
	bench.median_ms('SELECT * FROM kansa.assessment_summary', 5), 1000);
SELECT bench.row_ms('section_coverage, all assessments',
	bench.median_ms('SELECT assessment_id, count(*) FROM kansa.response GROUP BY assessment_id', 5),
	bench.median_ms('SELECT * FROM kansa.section_coverage', 5), 1000);
-- The same, as an analyst of the organisation: the tables' row-level
-- security applies (it applies inside the views for every user, superusers
-- included, since kansa_view_owner owns them; here the policies also run for
-- the base-table baseline).
CREATE ROLE bench_bank NOLOGIN;
CREATE ROLE bench_analyst NOLOGIN IN ROLE kansa_analyst, bench_bank;
UPDATE kansa.organization SET tenant_role = 'bench_bank' WHERE name = 'Bench Bank';
GRANT USAGE ON SCHEMA bench TO bench_analyst;
GRANT SELECT ON bench.map TO bench_analyst;
SET ROLE bench_analyst;
SELECT bench.row_ms('gaps of one fisc8 assessment, as an analyst of the organisation (row-level security)',
	bench.median_ms(format('SELECT * FROM kansa.response WHERE assessment_id = %s', a), 21),
	bench.median_ms(format('SELECT * FROM kansa.gaps WHERE assessment_id = %s', a), 21), 20)
  FROM (SELECT max(assessment_id) AS a FROM bench.map WHERE framework = 'fisc8') AS x;
SELECT bench.row_ms('assessment_summary, all assessments, as that analyst',
	bench.median_ms('SELECT assessment_id, count(*) FROM kansa.response GROUP BY assessment_id', 5),
	bench.median_ms('SELECT * FROM kansa.assessment_summary', 5), 1000);
RESET ROLE;
