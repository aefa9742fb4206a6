-- Compliance-gap views on the bundled sample sheets: gaps, assessment_summary,
-- section_coverage, reference_check, evidence_register.  The expected figures
-- were checked by hand against the published documents (see the comments).
SET client_min_messages = warning;
\set VERBOSITY terse
-- the fixtures, read by the server from the test directory (pg_regress sets
-- PG_ABS_SRCDIR; scripts/run-suite sets it for pgTAP too)
\getenv abs_srcdir PG_ABS_SRCDIR
\set fisc :abs_srcdir '/fixtures/sheets/fisc8_liveon.xlsx'
\set meti :abs_srcdir '/fixtures/sheets/meti_cloud_light2.xlsx'
\set iso :abs_srcdir '/fixtures/sheets/iso27017_liveon.csv'
\set asp :abs_srcdir '/fixtures/sheets/asp_saas_example.csv'

SELECT status, responses, rejected
  FROM kansa.import_sheet('Example Bank', 'ジャパンメディアシステム株式会社', 'LiveOn', 'fisc8',
                          pg_read_binary_file(:'fisc'), 'fisc8_liveon.xlsx');
SELECT status, responses, rejected
  FROM kansa.import_sheet('Example Bank', 'ジャパンメディアシステム株式会社', 'LiveOn', 'iso27017',
                          pg_read_binary_file(:'iso'), 'iso27017_liveon.csv');
SELECT status, responses, rejected
  FROM kansa.import_sheet('Example Bank', '株式会社LIGHT2', 'ものづくりコネクテッドクラウドサービス',
                          'meti_cloud', pg_read_binary_file(:'meti'), 'meti_cloud_light2.xlsx',
                          '{"received": "2024-04-01"}');

-- LIGHT2's pattern.  Its service keeps manufacturers' drawings and technical
-- documents (文書管理, a ※ type of figure 2: decided service by service).
-- Those are trade secrets, so confidentiality is high (I.7.1); the customers
-- run their daily design and ordering work on it, so a stop hits their core
-- business throughout operating hours: availability high.  Pattern 1.
-- (a service is each organisation's own row: Example Bank's judgement)
SELECT name, service_type, kansa.saas_pattern_of(service_type) AS figure_2,
       kansa.service_type_known(service_type) AS known, pattern
  FROM kansa.service_set('Example Bank', '株式会社LIGHT2', 'ものづくりコネクテッドクラウドサービス',
                         '文書管理', '高', '高');

-- One row per current assessment.  fisc8: 311 controls, 23 blank answers
-- (設62-66, 68-71, 84, 99, 運20-23, 技8, 9, 11-13, 17, 18, 32), 110 対象外;
-- score (160 + 0.5 + 0) / (311 - 110) = 79.9 %.  FISC has no levels, so every
-- blank is a high gap; 16 unclear + 1 partial + 1 planned are medium; the 72
-- answers left to the data centre (implemented/inherited, no assessment of the
-- data centre on file) are low.  iso27017: (34 + 2 × 0.5) / 40 = 87.5 %.
-- meti_cloud: (74 + 3 × 0.5) / (86 - 1) = 88.8 %.
SELECT framework, vendor, pattern, controls_in_scope AS scope, answered, implemented AS impl,
       partial, planned, not_implemented AS not_impl, not_applicable AS na, unclear,
       unanswered, coverage_pct, score_pct, gaps_high AS high, gaps_medium AS medium,
       gaps_low AS low, boilerplate_only AS boiler, boilerplate_only_pct AS boiler_pct,
       evidence_items, file_name, received_at
  FROM kansa.assessment_summary WHERE organization = 'Example Bank' ORDER BY assessment_id;

-- Heatmap rows: fisc8's three parts, and two of meti_cloud's sections.
SELECT section, section_title, controls_in_scope AS scope, answered, implemented AS impl,
       not_applicable AS na, unanswered, applicable, score_points, coverage_pct, score_pct,
       gaps_high AS high, gaps_medium AS medium, gaps_low AS low
  FROM kansa.section_coverage
 WHERE organization = 'Example Bank' AND framework = 'fisc8' ORDER BY section_position;
SELECT section, section_title, controls_in_scope AS scope, implemented AS impl, partial,
       not_implemented AS not_impl, score_pct, gaps_high AS high, gaps_medium AS medium
  FROM kansa.section_coverage
 WHERE organization = 'Example Bank' AND framework = 'meti_cloud' AND section IN ('7', '10')
 ORDER BY section_position;
-- the sections add up to the summary
SELECT s.framework, s.controls_in_scope = sum(c.controls_in_scope) AS scope_adds_up,
       s.gaps_low = sum(c.gaps_low) AS low_adds_up
  FROM kansa.assessment_summary AS s
  JOIN kansa.section_coverage AS c ON c.assessment_id = s.assessment_id
 WHERE s.organization = 'Example Bank'
 GROUP BY s.assessment_id, s.framework, s.controls_in_scope, s.gaps_low ORDER BY s.assessment_id;

-- Gaps of a few controls per vendor.
SELECT control, section, level, status, responsibility, gap_kind, severity, severity_rank,
       evidence_count, answer_excerpt
  FROM kansa.gaps
 WHERE organization = 'Example Bank'
   AND control IN ('fisc8:設61', 'fisc8:設62', 'fisc8:設1', 'fisc8:運20', 'fisc8:設85',
                   'iso27017:8.2.2', 'iso27017:12.3.1', 'meti_cloud:10.2', 'meti_cloud:4.3')
 ORDER BY severity_rank, control;
SELECT framework, gap_kind, severity, count(*)
  FROM kansa.gaps WHERE organization = 'Example Bank'
 GROUP BY framework, gap_kind, severity ORDER BY framework, gap_kind, severity;

-- Reference values for LIGHT2 (pattern 1), through the meti_cloud → asp_saas
-- links: 4.3 (and 12.5, 13.4) restate III.2.3.1, 11.11 restates III.2.1.3.
-- Weekly full, 12-hourly differential and 10-minute log backups: 12 hours
-- meets pattern 1's 1 a day (the first figure that does is shown); no number
-- of generations is stated, and 11.11 says logs are kept but not for how
-- long, so the log retention values (3 months, 5 years) stay open.
SELECT reference_control, letter, quantity, required_value, required_measure, must_achieve,
       control, link, stated_measure, stated_span, satisfied, explanation
  FROM kansa.reference_check
 WHERE organization = 'Example Bank' AND vendor = '株式会社LIGHT2' AND quantity IN ('backup_interval', 'backup_generations',
       'usage_log_retention', 'security_log_retention')
 ORDER BY reference_control, letter;
-- under pattern 3 (1 a month) the same answer still meets it
SELECT pattern FROM kansa.service_set('Example Bank', '株式会社LIGHT2', 'ものづくりコネクテッドクラウドサービス',
                                      '文書管理', '高', '高', 3);
SELECT pattern, required_value, stated_measure, satisfied
  FROM kansa.reference_check
 WHERE organization = 'Example Bank' AND vendor = '株式会社LIGHT2' AND quantity = 'backup_interval';
SELECT pattern FROM kansa.service_set('Example Bank', '株式会社LIGHT2', 'ものづくりコネクテッドクラウドサービス',
                                      '文書管理', '高', '高');
-- LiveOn has no pattern yet: no reference rows
SELECT count(*) FROM kansa.reference_check WHERE vendor = 'ジャパンメディアシステム株式会社';

-- An answer sheet against asp_saas itself (test/fixtures/sheets/asp_saas_example.csv),
-- for a pattern-1 service: every kind of gap and severity.
SELECT status, responses
  FROM kansa.import_sheet('Example Bank', 'Example Cloud', 'Example SaaS', 'asp_saas',
                          pg_read_binary_file(:'asp'), 'asp_saas_example.csv');
SELECT name, pattern FROM kansa.service_set('Example Bank', 'Example DC', 'Example DC Tokyo');
SELECT name, pattern FROM kansa.service_set('Example Bank', 'Example Cloud', 'Example SaaS', pattern => 1);
SELECT reference_control, letter, required_value, stated_measure, satisfied, must_achieve
  FROM kansa.reference_check
 WHERE service = 'Example SaaS' AND stated_measure IS NOT NULL ORDER BY reference_control, letter;
-- 1/1h misses III.1.1.1's 1/5min*: high; 1/1mo misses III.2.3.1's 1/1d: medium;
-- not implemented on a recommended item: medium; planned on a basic one:
-- medium; left to the data centre with no assessment of it: low.
SELECT control, level, status, gap_kind, gap_kinds, severity FROM kansa.gaps
 WHERE service = 'Example SaaS' AND status <> 'unanswered' ORDER BY severity_rank, control;
-- the certificate the basic policy answer cites expired last year
SELECT evidence::text FROM kansa.evidence_validity_set('Example Bank', 'cert:JQA-IM9999', CURRENT_DATE - 365,
                                                       '2022-01-01', 'checked on the JQA register');
SELECT control, status, gap_kind, severity FROM kansa.gaps
 WHERE service = 'Example SaaS' AND gap_kind = 'evidence_expired';
SELECT vendor, evidence_kind, evidence_ref, controls_citing, controls, assessments,
       valid_until = CURRENT_DATE - 365 AS until_last_year, expired, cited_now
  FROM kansa.evidence_register WHERE vendor = 'Example Cloud' ORDER BY evidence;
-- the data centre is assessed: the inherited answer is no longer a gap
SELECT kansa.service_dependency_set('Example Bank', 'Example Cloud', 'Example SaaS',
                                    'Example DC', 'Example DC Tokyo', 'hosted in its Tokyo data centre');
SELECT count(*) AS inherited_gaps FROM kansa.gaps
 WHERE service = 'Example SaaS' AND gap_kind = 'inherited';
SELECT status FROM kansa.import_sheet('Example Bank', 'Example DC', 'Example DC Tokyo', 'asp_saas',
                                      convert_to(E'項番,回答\nIII.4.2.1,UPSと自家発電設備を備えています。\n', 'UTF8'),
                                      'dc.csv');
SELECT control, gap_kind FROM kansa.gaps
 WHERE service = 'Example SaaS' AND control = 'asp_saas:III.4.2.1';
-- an analyst's review changes the gap at once
SELECT (kansa.review(response_id, 'implemented', 'plan delivered in March')).verdict
  FROM kansa.gaps WHERE service = 'Example SaaS' AND control = 'asp_saas:III.2.1.1';
SELECT count(*) FROM kansa.gaps WHERE service = 'Example SaaS' AND control = 'asp_saas:III.2.1.1';

-- Evidence register of LiveOn: what its answers cite most.
SELECT evidence, controls_citing, assessments, valid_until, expired, cited_now
  FROM kansa.evidence_register
 WHERE organization = 'Example Bank' AND vendor = 'ジャパンメディアシステム株式会社'
 ORDER BY controls_citing DESC, evidence LIMIT 5;

-- Dashboards see plain types only: text, integer (ids are bigint), numeric,
-- boolean, date, timestamptz; the one exception, asked for, is the sentences
-- added and removed of assessment_change (text[]).
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod)
  FROM pg_class AS c JOIN pg_attribute AS a ON a.attrelid = c.oid
 WHERE c.relnamespace = 'kansa'::regnamespace AND c.relkind = 'v' AND a.attnum > 0
   AND a.atttypid NOT IN ('text'::regtype, 'integer'::regtype, 'bigint'::regtype, 'numeric'::regtype,
                          'boolean'::regtype, 'date'::regtype, 'timestamptz'::regtype)
 ORDER BY 1, 2;
-- kansa_bi is granted the views and nothing else; it cannot read the tenant tables
SELECT array_agg(c.relname ORDER BY c.relname) AS granted_to_kansa_bi
  FROM pg_class AS c, aclexplode(c.relacl) AS x
 WHERE c.relnamespace = 'kansa'::regnamespace AND x.grantee = 'kansa_bi'::regrole;
SELECT array_agg(c.relname ORDER BY c.relname) AS views
  FROM pg_class AS c WHERE c.relnamespace = 'kansa'::regnamespace AND c.relkind = 'v';
SELECT has_table_privilege('kansa_bi', 'kansa.response', 'SELECT') AS reads_response,
       has_table_privilege('kansa_bi', 'kansa.assessment', 'SELECT') AS reads_assessment;
-- a dashboard's role: kansa_bi, and a member of the organisation's tenant role
CREATE ROLE views_example_bank NOLOGIN;
CREATE ROLE views_dashboard NOLOGIN IN ROLE kansa_bi;
SET ROLE views_dashboard;
SELECT count(*) > 0 AS bi_sees_gaps_of_no_organisation FROM kansa.gaps;
RESET ROLE;
UPDATE kansa.organization SET tenant_role = 'views_example_bank' WHERE name = 'Example Bank';
GRANT views_example_bank TO views_dashboard;
SET ROLE views_dashboard;
SELECT count(*) > 0 AS bi_sees_gaps FROM kansa.gaps;
SELECT count(*) FROM kansa.response;
RESET ROLE;
SELECT rolcanlogin FROM pg_roles WHERE rolname = 'kansa_bi';

-- One assessment's gaps are found through indexes, not by reading every response.
CREATE FUNCTION pg_temp.plan_of(query text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
		RETURN NEXT line;
	END LOOP;
END
$$;
SET enable_seqscan = off;
-- one assessment's gaps: its rows of control_gap by index, each answer by its key
SELECT bool_or(p LIKE '%control_gap_assessment_idx%') AS control_gap_by_index,
       bool_or(p ~ 'Index Scan using (response_pkey|response_assessment_id_control_key)') AS response_by_index,
       bool_and(p NOT LIKE '%Seq Scan on response %') AS no_response_scan
  FROM pg_temp.plan_of(format('SELECT * FROM kansa.gaps WHERE assessment_id = %s',
       (SELECT max(assessment_id) FROM kansa.assessment_summary WHERE framework = 'fisc8'))) AS p;
RESET enable_seqscan;

-- The gap rules themselves: gap_of(verdict, level, below_reference,
-- below_must_achieve, expired_evidence, inherited_unassessed).  Every kind,
-- basic against recommended, the tie-break, a NULL verdict (unanswered), a
-- NULL level (basic), * values (must_achieve).
SELECT v, lvl, below, must, expired, inh, (g).kind, (g).kinds, (g).severity, (g).rank
  FROM (SELECT t.*, kansa.gap_of(v::kansa.answer, lvl, below, must, expired, inh) AS g
          FROM (VALUES ('implemented', 'basic', false, false, 0, false),
                       ('implemented/inherited', 'basic', false, false, 0, false),
                       ('not_applicable', NULL, false, false, 0, false),
                       (NULL, NULL, false, false, 0, false),
                       (NULL, 'basic', false, false, 0, false),
                       (NULL, 'recommended', false, false, 0, false),
                       ('not_implemented', NULL, false, false, 0, false),
                       ('not_implemented/provider', 'recommended', false, false, 0, false),
                       ('planned', 'basic', false, false, 0, false),
                       ('partial/shared', NULL, false, false, 0, false),
                       ('unclear', 'recommended', false, false, 0, false),
                       ('implemented', 'basic', true, false, 0, false),
                       ('implemented', 'recommended', true, true, 0, false),
                       ('implemented', 'basic', false, true, 0, false),
                       ('implemented', NULL, false, false, 3, false),
                       ('implemented/inherited', NULL, false, false, 0, true),
                       ('partial', 'basic', true, false, 0, false),
                       ('partial', 'recommended', true, false, 0, true),
                       ('partial', 'basic', true, true, 0, false),
                       ('unclear', 'recommended', false, false, 2, true),
                       ('implemented', NULL, false, false, 1, true),
                       ('planned', 'recommended', false, false, 0, true),
                       ('not_implemented', 'basic', true, true, 1, true),
                       ('not_implemented', 'recommended', true, true, 1, true))
               AS t (v, lvl, below, must, expired, inh)) AS x;
-- the defaults, and NULL flags read as false / 0
SELECT kansa.gap_of('partial', 'basic') AS defaults,
       kansa.gap_of('implemented', NULL, NULL, NULL, NULL, NULL) AS null_flags,
       kansa.gap_of('partial', NULL, true, NULL, NULL, NULL) AS null_must,
       kansa.gap_of('implemented', 'basic', false, false, -1, false) AS negative_expired;
-- one call gives all four; a clean answer gives a row of NULLs, not NULL
SELECT g.*, g IS NULL AS all_null, g IS NOT DISTINCT FROM NULL::kansa.gap AS null_row
  FROM kansa.gap_of('not_applicable', 'recommended') AS g;
-- invalid input
SELECT kansa.gap_of('partial', 'optional');
SELECT kansa.gap_of(NULL, '');
SELECT kansa.gap_of('done', 'basic');
-- the function's signature and volatility
SELECT p.oid::regprocedure, p.prorettype::regtype, p.provolatile, p.proparallel, p.proisstrict,
       pg_get_function_arguments(p.oid)
  FROM pg_proc AS p WHERE p.proname = 'gap_of' AND p.pronamespace = 'kansa'::regnamespace;

-- The views carry gap_of()'s rank beside its word, NULL when clean, and
-- keep their columns in order (the new one last).
SELECT 'response_gap' AS view, count(*) > 0 AS has_rows,
       count(*) FILTER (WHERE severity_rank IS DISTINCT FROM
                        CASE severity WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 END) AS mismatched,
       count(*) FILTER (WHERE (gap_kind IS NULL) <> (severity_rank IS NULL)) AS null_mismatched
  FROM kansa.response_gap
UNION ALL
SELECT 'assessment_control', count(*) > 0,
       count(*) FILTER (WHERE severity_rank IS DISTINCT FROM
                        CASE severity WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 END),
       count(*) FILTER (WHERE (gap_kind IS NULL) <> (severity_rank IS NULL))
  FROM kansa.assessment_control;
SELECT c.relname, string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
  FROM pg_class AS c JOIN pg_attribute AS a ON a.attrelid = c.oid AND a.attnum > 0
 WHERE c.relnamespace = 'kansa'::regnamespace
   AND c.relname IN ('response_gap', 'assessment_control', 'gaps', 'review_queue', 'section_coverage')
 GROUP BY c.relname ORDER BY c.relname;

-- Sections follow the tree: a user framework two levels deep, reported at
-- the top level, then (section_depth 2) at the second.
INSERT INTO kansa.framework (code, title) VALUES ('acme', 'ACME vendor questionnaire');
INSERT INTO kansa.control (id, kind, title) VALUES ('acme:A', 'section', 'Access');
INSERT INTO kansa.control (id, parent, kind, title) VALUES ('acme:A.1', 'acme:A', 'section', 'Accounts');
INSERT INTO kansa.control (id, parent, title) VALUES ('acme:A.1.1', 'acme:A.1', 'Unique ids'),
                                                    ('acme:A.2', 'acme:A', 'Reviews');
SELECT control, section, section_title FROM kansa.control_section WHERE framework = 'acme'
 ORDER BY position;
UPDATE kansa.framework SET section_depth = 2 WHERE code = 'acme';
SELECT control, section, section_title FROM kansa.control_section WHERE framework = 'acme'
 ORDER BY position;
-- moving a control moves its section
UPDATE kansa.control SET parent = 'acme:A.1' WHERE id OPERATOR(kansa.=) 'acme:A.2';
SELECT id, depth, section FROM kansa.control WHERE framework = 'acme' ORDER BY position;

-- the roles of the dashboard test belong to the cluster: drop them
DROP ROLE views_dashboard;
DROP ROLE views_example_bank;
