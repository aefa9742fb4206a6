-- The maintained summaries: kansa.assessment_summary, kansa.section_coverage
-- and kansa.organization_summary are read from tables that triggers and the
-- writer functions keep up to date in the same transaction.  This test proves
-- that they always equal what the views compute from scratch
-- (assessment_summary_recomputed, section_coverage_recomputed, and an
-- organisation aggregate written here from the recomputed ones): a few
-- targeted checks, then a deterministic random walk of 300 writes of every
-- kind (imports, reviews, patterns, dependencies, evidence validity, the day
-- evidence expiry is judged against, catalog edits, scoped imports), compared
-- after every step.
--
-- It runs in a database of its own, dropped at the end, so that its imports
-- and catalog edits reach no other test.
SET client_min_messages = warning;
\set SHOW_CONTEXT never
\set VERBOSITY terse
-- the fixtures, read by the server from the test directory (pg_regress sets
-- PG_ABS_SRCDIR)
\getenv abs_srcdir PG_ABS_SRCDIR
\set fisc_file :abs_srcdir '/fixtures/sheets/fisc8_liveon.xlsx'
\set meti_file :abs_srcdir '/fixtures/sheets/meti_cloud_light2.xlsx'
\set iso_file :abs_srcdir '/fixtures/sheets/iso27017_liveon.csv'
\set asp_file :abs_srcdir '/fixtures/sheets/asp_saas_example.csv'
SELECT current_database() AS regress_db \gset
DROP DATABASE IF EXISTS kansa_summaries;
CREATE DATABASE kansa_summaries TEMPLATE template0 ENCODING 'UTF8';
-- kansa's operators on the path, as the README suggests
ALTER DATABASE kansa_summaries SET search_path = public, kansa;
\c kansa_summaries
SET client_min_messages = warning;
CREATE EXTENSION kansa;

-- the sample sheets, as files, and as the cells read_sheet finds in them
CREATE TABLE sample_file (framework text PRIMARY KEY, file_name text, content bytea,
                          id_column int, answer_column int, header_row int);
INSERT INTO sample_file VALUES
    ('fisc8', 'fisc8_liveon.xlsx', pg_read_binary_file(:'fisc_file'), 4, 6, 6),
    ('iso27017', 'iso27017_liveon.csv', pg_read_binary_file(:'iso_file'), 1, 3, 1),
    ('meti_cloud', 'meti_cloud_light2.xlsx', pg_read_binary_file(:'meti_file'), 1, 4, 9),
    ('asp_saas', 'asp_saas_example.csv', pg_read_binary_file(:'asp_file'), 1, 3, 1);

--
-- 1. An import's summary rows appear in the same transaction; a rollback
--    leaves nothing.
--
BEGIN;
SELECT status, responses FROM kansa.import_sheet('Org A', 'Example Co', 'Example SaaS', 'asp_saas',
       (SELECT content FROM sample_file WHERE framework = 'asp_saas'), 'asp_saas_example.csv');
SELECT organization, vendor, service, framework, controls_in_scope, answered, implemented,
       not_implemented, planned, unanswered, coverage_pct, score_pct, gaps_high, gaps_medium, gaps_low
  FROM kansa.assessment_summary;
SELECT count(*) AS sections, sum(controls_in_scope) AS controls, sum(answered) AS answered
  FROM kansa.section_coverage;
SELECT organization, framework, vendors, assessments, controls_in_scope, answered, coverage_pct,
       score_pct, gaps_high, gaps_medium, gaps_low, assessments_with_high_gaps,
       oldest_sheet = current_date AS oldest_sheet_is_import_day
  FROM kansa.organization_summary;
ROLLBACK;
SELECT (SELECT count(*) FROM kansa.assessment_summary) AS assessment_rows,
       (SELECT count(*) FROM kansa.section_coverage) AS section_rows,
       (SELECT count(*) FROM kansa.organization_summary) AS organization_rows,
       (SELECT count(*) FROM kansa.assessment) AS assessments;

--
-- The comparison used everywhere: every row of a maintained view against the
-- recomputed one, both ways, duplicates counted (EXCEPT ALL on whole rows as
-- jsonb, so that a column the two disagree on shows by name).  The
-- recomputed views are read once per comparison, into snapshots, one current
-- assessment at a time: read whole, they are planned as a nested loop over
-- the sections of every assessment, hundreds of milliseconds here, where one
-- assessment takes a few.
--
CREATE TABLE recomputed_assessment AS
SELECT * FROM kansa.assessment_summary_recomputed WITH NO DATA;
CREATE TABLE recomputed_section AS
SELECT * FROM kansa.section_coverage_recomputed WITH NO DATA;
-- organization_summary as the issue defines it, from the snapshots: one row
-- per organisation and framework over its current assessments; score_pct
-- pooled, 100 * sum(score points) / sum(controls - not_applicable)
CREATE VIEW organization_summary_expected AS
SELECT s.organization, s.framework,
       count(DISTINCT sv.vendor_id)::integer AS vendors,
       count(*)::integer AS assessments,
       sum(s.controls_in_scope)::integer AS controls_in_scope,
       sum(s.answered)::integer AS answered,
       sum(s.implemented)::integer AS implemented,
       sum(s.partial)::integer AS partial,
       sum(s.planned)::integer AS planned,
       sum(s.not_implemented)::integer AS not_implemented,
       sum(s.not_applicable)::integer AS not_applicable,
       sum(s.unclear)::integer AS unclear,
       sum(s.unanswered)::integer AS unanswered,
       round(100.0 * sum(s.answered) / NULLIF(sum(s.controls_in_scope), 0), 1) AS coverage_pct,
       round(100.0 * sum(p.points) / NULLIF(sum(s.controls_in_scope - s.not_applicable), 0), 1)
           AS score_pct,
       sum(s.gaps_high)::integer AS gaps_high,
       sum(s.gaps_medium)::integer AS gaps_medium,
       sum(s.gaps_low)::integer AS gaps_low,
       (count(*) FILTER (WHERE s.gaps_high > 0))::integer AS assessments_with_high_gaps,
       min(COALESCE(a.received_at, a.imported_at::date)) AS oldest_sheet,
       max(a.imported_at) AS last_imported_at
  FROM recomputed_assessment AS s
  JOIN kansa.assessment AS a ON a.id = s.assessment_id
  JOIN kansa.service AS sv ON sv.id = a.service_id
  LEFT JOIN (SELECT assessment_id, sum(score_points) AS points
               FROM recomputed_section GROUP BY assessment_id) AS p
    ON p.assessment_id = s.assessment_id
 GROUP BY s.organization, s.framework;
-- the issue's columns of organization_summary
CREATE VIEW organization_summary_maintained AS
SELECT organization, framework, vendors, assessments, controls_in_scope, answered, implemented,
       partial, planned, not_implemented, not_applicable, unclear, unanswered, coverage_pct,
       score_pct, gaps_high, gaps_medium, gaps_low, assessments_with_high_gaps, oldest_sheet,
       last_imported_at
  FROM kansa.organization_summary;

CREATE TABLE walk_diff (step int, kind text, view text, side text, row jsonb);
-- the rows that differ now, recorded under a step and kind; returns how many
CREATE FUNCTION compare_now(p_step int, p_kind text) RETURNS int LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    n int;
    total int := 0;
    aid bigint;
BEGIN
    DELETE FROM recomputed_assessment;
    DELETE FROM recomputed_section;
    FOR aid IN SELECT a.id FROM kansa.assessment AS a WHERE a.superseded_by IS NULL LOOP
        INSERT INTO recomputed_assessment
        SELECT * FROM kansa.assessment_summary_recomputed AS v WHERE v.assessment_id = aid;
        INSERT INTO recomputed_section
        SELECT * FROM kansa.section_coverage_recomputed AS v WHERE v.assessment_id = aid;
    END LOOP;
    WITH m AS (SELECT to_jsonb(v) AS j FROM kansa.assessment_summary AS v),
         r AS (SELECT to_jsonb(v) AS j FROM recomputed_assessment AS v)
    INSERT INTO walk_diff
    SELECT p_step, p_kind, 'assessment_summary', d.side, d.j
      FROM ((SELECT 'maintained only' AS side, j FROM m EXCEPT ALL SELECT 'maintained only', j FROM r)
            UNION ALL
            (SELECT 'recomputed only', j FROM r EXCEPT ALL SELECT 'recomputed only', j FROM m)) AS d;
    GET DIAGNOSTICS n = ROW_COUNT;
    total := total + n;
    WITH m AS (SELECT to_jsonb(v) AS j FROM kansa.section_coverage AS v),
         r AS (SELECT to_jsonb(v) AS j FROM recomputed_section AS v)
    INSERT INTO walk_diff
    SELECT p_step, p_kind, 'section_coverage', d.side, d.j
      FROM ((SELECT 'maintained only' AS side, j FROM m EXCEPT ALL SELECT 'maintained only', j FROM r)
            UNION ALL
            (SELECT 'recomputed only', j FROM r EXCEPT ALL SELECT 'recomputed only', j FROM m)) AS d;
    GET DIAGNOSTICS n = ROW_COUNT;
    total := total + n;
    WITH m AS (SELECT to_jsonb(v) AS j FROM organization_summary_maintained AS v),
         r AS (SELECT to_jsonb(v) AS j FROM organization_summary_expected AS v)
    INSERT INTO walk_diff
    SELECT p_step, p_kind, 'organization_summary', d.side, d.j
      FROM ((SELECT 'maintained only' AS side, j FROM m EXCEPT ALL SELECT 'maintained only', j FROM r)
            UNION ALL
            (SELECT 'recomputed only', j FROM r EXCEPT ALL SELECT 'recomputed only', j FROM m)) AS d;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN total + n;
END
$$;

-- the maintained views have the recomputed views' columns, in their order
SELECT m.table_name, array_agg(m.column_name::text ORDER BY m.ordinal_position) AS columns
  FROM information_schema.columns AS m
 WHERE m.table_schema = 'kansa'
   AND m.table_name IN ('assessment_summary', 'section_coverage', 'organization_summary')
 GROUP BY m.table_name ORDER BY m.table_name;
SELECT m.table_name, m.column_name, m.data_type, r.column_name AS recomputed_column,
       r.data_type AS recomputed_type
  FROM information_schema.columns AS m
  FULL JOIN information_schema.columns AS r
    ON r.table_schema = m.table_schema AND r.table_name = m.table_name || '_recomputed'
   AND r.ordinal_position = m.ordinal_position
 WHERE COALESCE(m.table_schema, r.table_schema) = 'kansa'
   AND (m.table_name IN ('assessment_summary', 'section_coverage')
        OR r.table_name IN ('assessment_summary_recomputed', 'section_coverage_recomputed'))
   AND (m.column_name IS DISTINCT FROM r.column_name OR m.data_type IS DISTINCT FROM r.data_type);

-- evidence expiry is judged against a day of the test's own (section 3 moves it)
SET kansa.today = '2026-06-01';

--
-- Two organisations, five services each (one vendor with two), every
-- service's pattern set; Org A imports the sample sheets as they are.
--
CREATE TABLE walk_service (n int PRIMARY KEY, vendor text, service text);
INSERT INTO walk_service VALUES
    (0, 'ジャパンメディアシステム株式会社', 'LiveOn'),
    (1, 'ジャパンメディアシステム株式会社', 'LiveOn Mobile'),
    (2, '株式会社LIGHT2', 'ものづくりコネクテッドクラウドサービス'),
    (3, 'Example Co', 'Example SaaS'),
    (4, 'DC Corp', 'DC Hosting');
-- what each service is assessed against (fisc8, the largest, once)
CREATE TABLE walk_pair (n int PRIMARY KEY, service int, framework text);
INSERT INTO walk_pair VALUES (0, 0, 'fisc8'), (1, 0, 'iso27017'), (2, 1, 'iso27017'),
    (3, 2, 'meti_cloud'), (4, 3, 'asp_saas'), (5, 4, 'asp_saas');
INSERT INTO kansa.organization (name) VALUES ('Org A'), ('Org B');
SELECT o.name AS organization, s.service, x.pattern
  FROM (VALUES ('Org A'), ('Org B')) AS o (name)
 CROSS JOIN walk_service AS s
 CROSS JOIN LATERAL kansa.service_set(o.name, s.vendor, s.service,
                                      pattern => 1 + (s.n + length(o.name)) % 6) AS x
 ORDER BY 1, s.n;
SELECT f.framework, i.status, i.responses, i.rejected
  FROM sample_file AS f
  JOIN walk_service AS s
    ON s.n = CASE f.framework WHEN 'fisc8' THEN 0 WHEN 'iso27017' THEN 0
                              WHEN 'meti_cloud' THEN 2 ELSE 3 END
 CROSS JOIN LATERAL kansa.import_sheet('Org A', s.vendor, s.service, f.framework, f.content, f.file_name)
       AS i
 ORDER BY f.framework;
-- the LiveOn service relies on DC Hosting
SELECT kansa.service_dependency_set('Org A', 'ジャパンメディアシステム株式会社', 'LiveOn',
                                    'DC Corp', 'DC Hosting', 'data centre');
-- the evidence the sample sheets cite
SELECT count(DISTINCT evidence) > 40 AS many_evidence_items,
       bool_or(evidence = 'cert:JQA-IM9999') AS asp_cert,
       bool_or(evidence = 'clause:iso27001:A.11') AS fisc_clause,
       bool_or(evidence = 'doc:LiveOnサービス利用規約') AS iso_doc,
       bool_or(evidence = 'url:https://www.monocone.com') AS meti_url
  FROM kansa.response_evidence;
SELECT (kansa.evidence_validity_set('Org A', e, DATE '2026-06-01' + d)).valid_until
  FROM (VALUES ('cert:JQA-IM9999'::kansa.evidence, 400), ('clause:iso27001:A.11', -30),
               ('doc:LiveOnサービス利用規約', 10), ('url:https://www.monocone.com', -400)) AS v (e, d);
SELECT compare_now(0, 'setup') AS mismatching_rows;

--
-- 2. A review moves the counts at once.
--
CREATE FUNCTION asp_counts(OUT view text, OUT implemented int, OUT not_implemented int,
                           OUT score_pct numeric, OUT gaps_high int, OUT gaps_medium int)
RETURNS SETOF record LANGUAGE sql AS $$
    SELECT 'maintained', implemented, not_implemented, score_pct, gaps_high, gaps_medium
      FROM kansa.assessment_summary WHERE organization = 'Org A' AND framework = 'asp_saas'
    UNION ALL
    SELECT 'recomputed', implemented, not_implemented, score_pct, gaps_high, gaps_medium
      FROM kansa.assessment_summary_recomputed WHERE organization = 'Org A' AND framework = 'asp_saas'
$$;
SELECT * FROM asp_counts();
BEGIN;
SELECT (kansa.review(r.id, 'implemented', 'checked on site')).verdict
  FROM kansa.response AS r JOIN kansa.assessment AS a ON a.id = r.assessment_id
 WHERE a.framework = 'asp_saas' AND r.control = 'asp_saas:III.1.1.3';
SELECT * FROM asp_counts();
SELECT section, implemented, not_implemented, gaps_high
  FROM kansa.section_coverage WHERE organization = 'Org A' AND framework = 'asp_saas'
   AND section = 'III.1';
COMMIT;
SELECT compare_now(0, 'review') AS mismatching_rows;

--
-- 3. Evidence expiry follows kansa.today, with no write: valid_until the day
--    before today is expired, the day after is not; moving the day across it
--    moves the gap.
--
SET kansa.today = '2027-04-01';
SELECT kansa.today();
SHOW kansa.today;
SET kansa.today = '2026-06-01';
CREATE FUNCTION cert_gap(OUT valid_until date, OUT expired boolean, OUT gap_kinds text,
                         OUT gaps_medium int, OUT gaps_medium_recomputed int, OUT same boolean)
LANGUAGE sql AS $$
    SELECT (SELECT valid_until FROM kansa.evidence_validity WHERE evidence = 'cert:JQA-IM9999'),
           (SELECT expired FROM kansa.evidence_register
             WHERE organization = 'Org A' AND evidence = 'cert:JQA-IM9999'),
           (SELECT gap_kinds FROM kansa.gaps
             WHERE organization = 'Org A' AND control = 'asp_saas:II.1.1.1'),
           (SELECT gaps_medium FROM kansa.assessment_summary
             WHERE organization = 'Org A' AND framework = 'asp_saas'),
           (SELECT gaps_medium FROM kansa.assessment_summary_recomputed
             WHERE organization = 'Org A' AND framework = 'asp_saas'),
           compare_now(0, 'today') = 0
$$;
SELECT (kansa.evidence_validity_set('Org A', 'cert:JQA-IM9999', kansa.today() - 1)).valid_until;
SELECT * FROM cert_gap();
SELECT (kansa.evidence_validity_set('Org A', 'cert:JQA-IM9999', kansa.today() + 1)).valid_until;
SELECT * FROM cert_gap();
-- no write from here: only the day moves
SET kansa.today = '2026-06-03';
SELECT * FROM cert_gap();
SET kansa.today = '2026-06-02';      -- valid until today: not expired yet
SELECT * FROM cert_gap();
SET kansa.today = '2025-01-01';
SELECT * FROM cert_gap();
BEGIN;
SET LOCAL kansa.today = '2030-01-01';
SELECT kansa.today(), (cert_gap()).gaps_medium, (cert_gap()).same;
ROLLBACK;
SELECT kansa.today();
SET kansa.today = '';
SELECT kansa.today() = current_date AS today_is_current_date, (cert_gap()).same;
-- bad days are refused, and the day stays what it was
SET kansa.today = '2027-03-15';
SET kansa.today = '2027-02-30';
SET kansa.today = 'tomorrow';
SELECT set_config('kansa.today', '2027-13-01', false);
SELECT kansa.today();
SET kansa.today = '';
SELECT compare_now(0, 'today') AS mismatching_rows;

--
-- 4. The random walk.
--
-- A sheet the walk imports is a sample sheet's cells (as read_sheet reads
-- them, from xlsx and CP932 CSV alike) written back as UTF-8 CSV, with some
-- answers replaced.  The rows of each sample sheet that answer a control, and
-- answers to put in them (the marks and words of kansa.answer, an empty
-- answer, English, figures the reference values judge, evidence of the
-- sheets, an inherited safeguard, a limitation):
CREATE TABLE sample_cell AS
SELECT f.framework, c.row_number, c.column_number, c.value
  FROM sample_file AS f, kansa.read_sheet(f.content) AS c;
ALTER TABLE sample_cell ADD PRIMARY KEY (framework, row_number, column_number);
CREATE TABLE sample_row AS
SELECT f.framework, c.row_number
  FROM sample_file AS f JOIN sample_cell AS c
    ON c.framework = f.framework AND c.column_number = f.id_column AND c.row_number > f.header_row
 WHERE f.framework <> 'meti_cloud' OR c.value ~ '^[0-9]+$';
SELECT framework, count(*) AS answer_rows FROM sample_row GROUP BY 1 ORDER BY 1;
CREATE TABLE replacement (n int PRIMARY KEY, answer text);
INSERT INTO replacement VALUES
    (0, '未実施'), (1, '実施済み'), (2, '対象外'), (3, '今後対応予定'), (4, ''),
    (5, 'Not implemented.'),
    (6, 'バックアップは週次で取得し、2世代保持しています。'),
    (7, 'バックアップは日次で取得し、7世代保持しています。'),
    (8, '死活監視は1時間ごとに実施しています。'),
    (9, 'データセンター事業者が対策しています。'),
    (10, 'ISMS認証(認証登録番号 JQA-IM9999)を取得しています。'),
    (11, '利用規約(第11条)に定めています。'),
    (12, 'ISO/IEC27001 附属書A.11 に準拠し、入退室はデータセンター事業者が管理しています。'),
    (13, 'ログは一部のシステムのみ取得しています。'),
    (14, '入退室記録は1年間保存しています。'),
    (15, '稼働率は99.9%以上です。');
-- asp_saas controls the sample sheet does not answer, for rows to add
CREATE TABLE asp_extra AS
SELECT row_number() OVER (ORDER BY c.position) - 1 AS n, kansa.local_id(c.id) AS id
  FROM kansa.control AS c
 WHERE c.framework = 'asp_saas' AND c.kind = 'control'
   AND NOT EXISTS (SELECT FROM sample_cell AS s
                    WHERE s.framework = 'asp_saas' AND s.column_number = 1
                      AND s.value = kansa.local_id(c.id));
CREATE TABLE evidence_pool (n int PRIMARY KEY, evidence kansa.evidence);
INSERT INTO evidence_pool VALUES
    (0, 'cert:JQA-IM9999'), (1, 'clause:iso27001:A.11'), (2, 'doc:LiveOnサービス利用規約'),
    (3, 'url:https://www.monocone.com'), (4, 'doc:利用規約#第11条'),
    (5, 'clause:iso27001:A.17.2'), (6, 'doc:クラウドセキュリティ基本方針'),
    (7, 'url:https://www.jm-s.co.jp/security/');

-- a sample sheet as CSV (UTF-8, every field quoted), with some answers replaced
-- and, for asp_saas, rows added
CREATE FUNCTION render_sheet(fw text, edits jsonb, extra jsonb) RETURNS bytea LANGUAGE sql AS $$
    WITH f AS (SELECT * FROM sample_file WHERE framework = fw),
         dims AS (SELECT max(row_number) AS nrows, max(column_number) AS ncols
                    FROM sample_cell WHERE framework = fw),
         grid AS (SELECT r, c, CASE WHEN c = f.answer_column AND edits ? r::text THEN edits ->> r::text
                                    ELSE s.value END AS value
                    FROM dims CROSS JOIN f
                   CROSS JOIN generate_series(1, dims.nrows) AS r
                   CROSS JOIN generate_series(1, dims.ncols) AS c
                    LEFT JOIN sample_cell AS s
                      ON s.framework = fw AND s.row_number = r AND s.column_number = c),
         lines AS (SELECT r::bigint AS r,
                          string_agg(COALESCE('"' || replace(value, '"', '""') || '"', ''), ',' ORDER BY c)
                              AS line
                     FROM grid GROUP BY r
                   UNION ALL
                   SELECT 100000 + row_number() OVER (ORDER BY e.key),
                          '"' || e.key || '",,"' || replace(e.value, '"', '""') || '"'
                     FROM jsonb_each_text(extra) AS e)
    SELECT convert_to(string_agg(line, E'\n' ORDER BY r) || E'\n', 'UTF8') FROM lines
$$;
-- n edits of a sample sheet, drawn with random() one call after another
-- (never inside a query, where the plan would decide how often it is called)
CREATE FUNCTION edited_sheet(fw text, n int) RETURNS bytea LANGUAGE plpgsql AS $$
DECLARE
    edits jsonb := '{}';
    extra jsonb := '{}';
    cand int[] := ARRAY(SELECT row_number FROM sample_row WHERE framework = fw ORDER BY row_number);
    nrep int := (SELECT count(*) FROM replacement);
    nextra int := (SELECT count(*) FROM asp_extra);
    r int;
    k int;
    t text;
    add_row boolean;
BEGIN
    FOR i IN 1 .. n LOOP
        r := cand[1 + floor(random() * cardinality(cand))::int];
        k := floor(random() * nrep)::int;
        t := (SELECT answer FROM replacement WHERE replacement.n = k);
        edits := edits || jsonb_build_object(r::text, t);
        -- asp_saas: now and then a row for a control the sample does not answer
        add_row := random() < 0.5;
        IF add_row AND fw = 'asp_saas' THEN
            r := floor(random() * nextra)::int;
            k := floor(random() * nrep)::int;
            extra := extra || jsonb_build_object((SELECT id FROM asp_extra WHERE asp_extra.n = r),
                                                 (SELECT answer FROM replacement WHERE replacement.n = k));
        END IF;
    END LOOP;
    RETURN render_sheet(fw, edits, extra);
END
$$;
-- the sample sheets as CSV, unedited, read as the originals are
SELECT f.framework, i.status, i.format, i.responses, i.rejected
  FROM sample_file AS f
  JOIN walk_service AS s
    ON s.n = CASE f.framework WHEN 'fisc8' THEN 0 WHEN 'iso27017' THEN 1
                              WHEN 'meti_cloud' THEN 2 ELSE 4 END
 CROSS JOIN LATERAL kansa.import_sheet('Org B', s.vendor, s.service, f.framework,
                                       render_sheet(f.framework, '{}', '{}'), f.framework || '.csv') AS i
 ORDER BY f.framework;
SELECT compare_now(0, 'setup') AS mismatching_rows;

-- what each step did and found
-- (step_ms and check_ms: how long the step and its comparison took, for
-- whoever makes the walk longer; never printed)
CREATE TABLE walk_log (step int PRIMARY KEY, kind text, detail text, error text, mismatches int,
                       gaps_changed boolean, summary_changed boolean,
                       gaps_changed_before_undo boolean, summary_changed_before_undo boolean,
                       gaps_high bigint, gaps_medium bigint, gaps_low bigint,
                       step_ms numeric, check_ms numeric);
-- the state of the recomputed summary as compare_now last read it: a key of
-- every assessment's gap counts, a key of every row, the gaps
CREATE FUNCTION summary_state(OUT gap_key text, OUT row_key text, OUT gaps_high bigint,
                              OUT gaps_medium bigint, OUT gaps_low bigint)
LANGUAGE sql AS $$
    SELECT md5(COALESCE(string_agg(s.assessment_id || ':' || s.gaps_high || '/' || s.gaps_medium
                                   || '/' || s.gaps_low, ',' ORDER BY s.assessment_id), '')),
           md5(COALESCE(string_agg(to_jsonb(s)::text, ',' ORDER BY s.assessment_id), '')),
           sum(s.gaps_high), sum(s.gaps_medium), sum(s.gaps_low)
      FROM recomputed_assessment AS s
$$;

CREATE TABLE link_candidate (from_control kansa.control_id, to_control kansa.control_id);
-- a meti_cloud item of a current assessment answered implemented, with a
-- figure that falls short of the reference value of an asp_saas item of the
-- same quantity for the service's pattern: an equivalent link between the two
-- is a new gap
CREATE VIEW figure_below_reference AS
SELECT DISTINCT r.control AS from_control, i.control AS to_control
  FROM kansa.response_measure AS m
  JOIN kansa.response AS r ON r.id = m.response_id
  JOIN kansa.assessment AS a ON a.id = r.assessment_id AND a.superseded_by IS NULL
  JOIN kansa.service AS s ON s.id = a.service_id
  JOIN kansa.reference_item AS i ON i.quantity = m.quantity
  JOIN kansa.reference_value AS v ON v.item = i.id AND v.pattern = s.pattern
 WHERE kansa.framework(r.control) = 'meti_cloud' AND r.status = 'implemented'
   AND kansa.in_scope(a.scope, r.control::text)
   AND kansa.satisfies(m.measure, v.measure, i.direction) IS FALSE;
-- one step of the walk, of the kind given: what it does is decided by the
-- random numbers x (eight per step, drawn before); returns what it did
CREATE FUNCTION walk_step(p_step int, p_kind text, x float8[]) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    org text := (ARRAY['Org A', 'Org B'])[1 + floor(x[2] * 2)::int];
    fw text := (ARRAY['fisc8', 'iso27017', 'meti_cloud', 'asp_saas'])[1 + floor(x[3] * 4)::int];
    svc walk_service;
    svc2 walk_service;
    opts jsonb := '{}';
    d date;
    res record;
    rid bigint;
    cnt int;
    pat int;
    rows_done int;
    v text;
    items text[];
BEGIN
    SELECT * INTO svc FROM walk_service WHERE walk_service.n = floor(x[4] * 5)::int;
    IF p_kind = 'import_failing' THEN
        -- an asp_saas sheet with a row for a control that does not exist:
        -- refused (strict mode), then, in the same transaction, a review
        BEGIN
            PERFORM kansa.import_sheet(org, 'Example Co', 'Example SaaS', 'asp_saas',
                                       render_sheet('asp_saas', '{}', '{"III.99.9": "実施しています。"}'),
                                       format('step %s.csv', p_step));
            v := 'loaded';
        EXCEPTION WHEN OTHERS THEN
            v := 'refused ' || SQLSTATE;
        END;
        RETURN format('%s, then %s', v, walk_step(p_step, 'review', x));
    END IF;
    IF p_kind IN ('import', 'import_scope', 'import_rollback') THEN
        -- an edited sample sheet, for a service of either organisation and a
        -- framework it is assessed against: the first of its kind, or one that
        -- supersedes the current assessment (or the same bytes again: already
        -- loaded, unless reloaded)
        SELECT s.*, p.framework INTO svc.n, svc.vendor, svc.service, fw
          FROM walk_pair AS p JOIN walk_service AS s ON s.n = p.service
         WHERE p.n = floor(x[3] * 6)::int;
        IF x[5] < 0.3 THEN
            opts := opts || jsonb_build_object('received',
                                               to_char(DATE '2026-06-01' + floor((x[6] - 0.5) * 1460)::int,
                                                       'YYYY-MM-DD'));
        END IF;
        IF x[7] < 0.2 THEN
            opts := opts || '{"mode": "quarantine"}';
        ELSIF x[7] > 0.9 THEN
            opts := opts || '{"reload": true}';
        END IF;
        IF p_kind = 'import_scope' THEN
            -- a section and a control of the framework, listed or kept as a scope
            SELECT ARRAY[kansa.local_id(c.id)] INTO items FROM kansa.control AS c
             WHERE c.framework = fw AND c.kind = 'section'
             ORDER BY c.position
            OFFSET floor(x[8] * (SELECT count(*) FROM kansa.control AS c2
                                  WHERE c2.framework = fw AND c2.kind = 'section'))
             LIMIT 1;
            SELECT items || kansa.local_id(c.id) INTO items FROM kansa.control AS c
             WHERE c.framework = fw AND c.kind = 'control'
             ORDER BY c.position
            OFFSET floor(x[6] * (SELECT count(*) FROM kansa.control AS c2
                                  WHERE c2.framework = fw AND c2.kind = 'control'))
             LIMIT 1;
            IF x[5] < 0.5 THEN
                PERFORM kansa.scope_set(org, fw, 'walk scope', items);
                opts := opts || '{"scope": "walk scope"}';
            ELSE
                opts := opts || jsonb_build_object('scope', to_jsonb(items));
            END IF;
        END IF;
        SELECT * INTO res FROM kansa.import_sheet(org, svc.vendor, svc.service, fw,
                                                  edited_sheet(fw, floor(x[8] * 6)::int),
                                                  format('step %s.csv', p_step), opts);
        RETURN format('%s, %s, %s, %s: %s', org, svc.service, fw, opts, res.status);
    ELSIF p_kind = 'review' THEN
        -- a response of a current assessment (now and then of any assessment)
        SELECT count(*) INTO cnt
          FROM kansa.response AS r JOIN kansa.assessment AS a ON a.id = r.assessment_id
         WHERE x[2] > 0.85 OR a.superseded_by IS NULL;
        SELECT r.id INTO rid
          FROM kansa.response AS r JOIN kansa.assessment AS a ON a.id = r.assessment_id
         WHERE x[2] > 0.85 OR a.superseded_by IS NULL
         ORDER BY r.id OFFSET floor(x[5] * cnt) LIMIT 1;
        v := (ARRAY['implemented', 'not_implemented', 'partial/shared', 'implemented/inherited',
                    'planned', 'unclear', 'not_applicable', 'partial'])[1 + floor(x[6] * 8)::int];
        IF x[7] < 0.25 THEN
            -- five responses in one statement
            PERFORM kansa.review(r.id, v::kansa.answer, 'walk')
               FROM (SELECT r.id FROM kansa.response AS r
                       JOIN kansa.assessment AS a ON a.id = r.assessment_id
                      WHERE x[2] > 0.85 OR a.superseded_by IS NULL
                      ORDER BY r.id OFFSET floor(x[5] * cnt) LIMIT 5) AS r;
            RETURN format('responses %s and the next four: %s', rid, v);
        END IF;
        PERFORM kansa.review(rid, v::kansa.answer, 'walk');
        RETURN format('response %s: %s', rid, v);
    ELSIF p_kind = 'service_pattern' THEN
        IF x[5] < 0.2 THEN
            SELECT * INTO res FROM kansa.service_set(org, svc.vendor, svc.service,
                confidentiality => (ARRAY['高', '低'])[1 + floor(x[6] * 2)::int],
                availability => (ARRAY['高', '中', '低'])[1 + floor(x[7] * 3)::int]);
        ELSE
            pat := floor(x[6] * 7)::int;
            SELECT * INTO res FROM kansa.service_set(org, svc.vendor, svc.service,
                                                     pattern => NULLIF(pat, 0));
        END IF;
        RETURN format('%s, %s: pattern %s', org, svc.service, res.pattern);
    ELSIF p_kind = 'dependency' THEN
        SELECT * INTO svc2 FROM walk_service
         WHERE walk_service.n = (floor(x[5] * 4)::int + 1 + svc.n) % 5;
        IF x[6] < 0.35 THEN
            PERFORM kansa.service_dependency_delete(org, svc.vendor, svc.service, svc2.vendor, svc2.service);
            RETURN format('%s, %s: no longer on %s', org, svc.service, svc2.service);
        END IF;
        PERFORM kansa.service_dependency_set(org, svc.vendor, svc.service, svc2.vendor, svc2.service);
        RETURN format('%s, %s: on %s', org, svc.service, svc2.service);
    ELSIF p_kind = 'evidence_validity' THEN
        SELECT e.evidence INTO v FROM evidence_pool AS e WHERE e.n = floor(x[5] * 8)::int;
        IF x[6] < 0.25 THEN
            PERFORM kansa.evidence_validity_delete(org, v::kansa.evidence);
            RETURN format('%s, %s: deleted', org, v);
        END IF;
        d := DATE '2026-06-01' + floor((x[7] - 0.5) * 1460)::int;
        PERFORM kansa.evidence_validity_set(org, v::kansa.evidence, d,
                                            CASE WHEN x[8] < 0.3 THEN d - 365 END);
        RETURN format('%s, %s: until %s', org, v, d);
    ELSIF p_kind = 'move_today' THEN
        IF x[5] < 0.15 THEN
            PERFORM set_config('kansa.today', '', false);
        ELSE
            PERFORM set_config('kansa.today',
                               to_char(DATE '2026-06-01' + floor((x[6] - 0.5) * 1460)::int, 'YYYY-MM-DD'),
                               false);
        END IF;
        RETURN format('today: %s', current_setting('kansa.today'));
    ELSIF p_kind = 'control_level' THEN
        -- a control of the framework; mostly one a current assessment leaves a gap
        IF x[7] < 0.3 THEN
            SELECT c.id::text INTO v FROM kansa.control AS c
             WHERE c.framework = fw AND c.kind = 'control'
             ORDER BY c.position
            OFFSET floor(x[5] * (SELECT count(*) FROM kansa.control AS c2
                                  WHERE c2.framework = fw AND c2.kind = 'control'))
             LIMIT 1;
        ELSE
            -- (a gap of a kind whose severity the level decides)
            SELECT count(DISTINCT g.control) INTO cnt FROM kansa.gaps AS g
             WHERE g.framework = fw AND g.gap_kind IN ('unanswered', 'not_implemented', 'planned', 'partial', 'unclear');
            SELECT g.control INTO v
              FROM (SELECT DISTINCT g2.control FROM kansa.gaps AS g2
                     WHERE g2.framework = fw
                       AND g2.gap_kind IN ('unanswered', 'not_implemented', 'planned', 'partial', 'unclear')) AS g
             ORDER BY g.control OFFSET floor(x[5] * cnt) LIMIT 1;
        END IF;
        -- recommended, or back to basic (or none, which counts as basic)
        UPDATE kansa.control AS c
           SET level = CASE WHEN c.level = 'recommended' THEN (ARRAY[NULL, 'basic'])[1 + floor(x[6] * 2)::int]
                            ELSE 'recommended' END
         WHERE c.id = v::kansa.control_id;
        RETURN format('%s: level %s', v,
                      (SELECT c.level FROM kansa.control AS c WHERE c.id = v::kansa.control_id));
    ELSIF p_kind = 'reference_value' THEN
        -- another value the guideline gives the same item (another pattern's),
        -- now and then with its * added or taken away, or none at all; for an
        -- item and pattern a current assessment states a figure for, mostly
        IF x[2] < 0.3 THEN
            SELECT i.id INTO rid FROM kansa.reference_item AS i ORDER BY i.id
            OFFSET floor(x[5] * (SELECT count(*) FROM kansa.reference_item)) LIMIT 1;
            pat := 1 + floor(x[7] * 6)::int;
        ELSE
            SELECT count(*) INTO cnt FROM kansa.reference_check AS q WHERE q.stated_measure IS NOT NULL;
            SELECT i.id, q.pattern INTO rid, pat
              FROM kansa.reference_check AS q
              JOIN kansa.reference_item AS i ON i.control::text = q.reference_control AND i.letter = q.letter
             WHERE q.stated_measure IS NOT NULL
             ORDER BY q.assessment_id, q.reference_control, q.letter, q.control
            OFFSET floor(x[5] * cnt) LIMIT 1;
        END IF;
        SELECT rv.raw INTO v FROM kansa.reference_value AS rv
         WHERE rv.item = rid AND rv.pattern = 1 + floor(x[6] * 6)::int;
        IF x[8] < 0.1 THEN
            v := '-';
        ELSIF x[8] > 0.8 THEN
            v := CASE WHEN v ~ '\*$' THEN rtrim(v, '*') WHEN v = '-' THEN v ELSE v || '*' END;
        END IF;
        UPDATE kansa.reference_value AS rv SET raw = v WHERE rv.item = rid AND rv.pattern = pat;
        RETURN format('item %s, pattern %s: %s', rid, pat, v);
    ELSIF p_kind = 'control_link' THEN
        IF x[5] < 0.2 THEN
            -- any meti_cloud item to any asp_saas item
            INSERT INTO kansa.control_link (from_control, to_control, relationship, source)
            SELECT m.id, a.id, 'equivalent-to', 'summaries test'
              FROM (SELECT c.id FROM kansa.control AS c
                     WHERE c.framework = 'meti_cloud' AND c.kind = 'control'
                     ORDER BY c.position OFFSET floor(x[6] * 86) LIMIT 1) AS m,
                   (SELECT c.id FROM kansa.control AS c
                     WHERE c.framework = 'asp_saas' AND c.kind = 'control'
                     ORDER BY c.position OFFSET floor(x[7] * 68) LIMIT 1) AS a
            ON CONFLICT DO NOTHING;
            GET DIAGNOSTICS cnt = ROW_COUNT;
            RETURN format('links added: %s', cnt);
        ELSIF x[5] < 0.55 THEN
            -- a meti_cloud item answered with a figure below the reference
            -- value of its service's pattern, to that asp_saas item
            DELETE FROM link_candidate;
            INSERT INTO link_candidate
            SELECT c.from_control, c.to_control FROM figure_below_reference AS c
             WHERE NOT EXISTS (SELECT FROM kansa.control_link AS l
                                WHERE l.from_control = c.from_control AND l.to_control = c.to_control);
            SELECT count(*) INTO cnt FROM link_candidate;
            INSERT INTO kansa.control_link (from_control, to_control, relationship, source)
            SELECT c.from_control, c.to_control, 'equivalent-to', 'summaries test'
              FROM link_candidate AS c
             ORDER BY c.from_control, c.to_control
            OFFSET floor(x[6] * cnt) LIMIT 1
            ON CONFLICT DO NOTHING;
            GET DIAGNOSTICS rows_done = ROW_COUNT;
            RETURN format('links added: %s (of %s candidates)', rows_done, cnt);
        END IF;
        IF x[5] < 0.8 THEN
            -- equivalent-to to intersects-with or back: any link, the shipped ones
            -- included; mostly one from a meti_cloud item answered with a
            -- figure below the reference value of its asp_saas item
            DELETE FROM link_candidate;
            INSERT INTO link_candidate
            SELECT l.from_control, l.to_control FROM kansa.control_link AS l
             WHERE x[7] < 0.3
                OR EXISTS (SELECT FROM figure_below_reference AS c
                            WHERE c.from_control = l.from_control AND c.to_control = l.to_control);
            SELECT count(*) INTO cnt FROM link_candidate;
            UPDATE kansa.control_link AS l
               SET relationship = CASE l.relationship WHEN 'equivalent-to' THEN 'intersects-with' ELSE 'equivalent-to' END
             WHERE (l.from_control, l.to_control) =
                   (SELECT c.from_control, c.to_control FROM link_candidate AS c
                     ORDER BY c.from_control, c.to_control OFFSET floor(x[6] * cnt) LIMIT 1);
            GET DIAGNOSTICS rows_done = ROW_COUNT;
            RETURN format('link relations flipped: %s (of %s candidates)', rows_done, cnt);
        END IF;
        SELECT count(*) INTO cnt FROM kansa.control_link AS l WHERE NOT l.builtin;
        DELETE FROM kansa.control_link AS l
         WHERE (l.from_control, l.to_control) =
               (SELECT l2.from_control, l2.to_control FROM kansa.control_link AS l2 WHERE NOT l2.builtin
                 ORDER BY l2.from_control, l2.to_control OFFSET floor(x[6] * cnt) LIMIT 1);
        GET DIAGNOSTICS cnt = ROW_COUNT;
        RETURN format('links deleted: %s', cnt);
    END IF;
    RAISE EXCEPTION 'unknown kind %', p_kind;
END
$$;

-- the walk: each step its own transaction, but every third one shares it
-- with the next; an import_rollback step's import is compared, then rolled
-- back and compared again
CREATE PROCEDURE walk(steps int) LANGUAGE plpgsql AS $$
DECLARE
    x float8[];
    k text;
    what text;
    err text;
    bad int;
    bad_before_undo int;
    before record;
    mid_gap_key text;
    mid_row_key text;
    after record;
    kept jsonb;
    t0 timestamptz;
    t1 timestamptz;
BEGIN
    ANALYZE kansa.assessment, kansa.response, kansa.response_evidence, kansa.response_measure,
        kansa.service, kansa.service_dependency, kansa.evidence_validity;
    PERFORM compare_now(0, 'before the walk');
    SELECT * INTO before FROM summary_state();
    FOR i IN 1 .. steps LOOP
        x := ARRAY[random(), random(), random(), random(), random(), random(), random(), random()];
        k := CASE WHEN x[1] < 0.20 THEN 'import'
                  WHEN x[1] < 0.26 THEN 'import_scope'
                  WHEN x[1] < 0.29 THEN 'import_rollback'
                  WHEN x[1] < 0.32 THEN 'import_failing'
                  WHEN x[1] < 0.36 THEN 'undone'
                  WHEN x[1] < 0.52 THEN 'review'
                  WHEN x[1] < 0.59 THEN 'service_pattern'
                  WHEN x[1] < 0.66 THEN 'dependency'
                  WHEN x[1] < 0.74 THEN 'evidence_validity'
                  WHEN x[1] < 0.84 THEN 'move_today'
                  WHEN x[1] < 0.88 THEN 'control_level'
                  WHEN x[1] < 0.93 THEN 'reference_value'
                  ELSE 'control_link' END;
        IF k = 'import_rollback' THEN
            COMMIT;
        END IF;
        what := NULL;
        err := NULL;
        bad_before_undo := 0;
        mid_gap_key := NULL;
        mid_row_key := NULL;
        kept := NULL;
        t0 := clock_timestamp();
        BEGIN
            IF k = 'undone' THEN
                -- a step of another kind, undone by an error (a subtransaction
                -- rolled back)
                BEGIN
                    what := walk_step(i, (ARRAY['import', 'review', 'service_pattern', 'dependency',
                                                'evidence_validity', 'control_level', 'reference_value',
                                                'control_link'])[1 + (x[1] * 10000)::int % 8], x);
                    bad_before_undo := compare_now(i, k || ' (before the undo)');
                    SELECT gap_key, row_key INTO mid_gap_key, mid_row_key FROM summary_state();
                    SELECT jsonb_agg(to_jsonb(w)) INTO kept FROM walk_diff AS w WHERE w.step = i;
                    RAISE EXCEPTION USING ERRCODE = 'U0001', MESSAGE = 'undo';
                EXCEPTION WHEN SQLSTATE 'U0001' THEN
                    what := what || ' (undone)';
                END;
            ELSE
                what := walk_step(i, k, x);
            END IF;
        EXCEPTION WHEN OTHERS THEN
            err := SQLSTATE || ' ' || SQLERRM;
        END;
        t1 := clock_timestamp();
        IF k = 'import_rollback' THEN
            -- what differed before the rollback is kept through it
            bad_before_undo := compare_now(i, k || ' (before the rollback)');
            SELECT gap_key, row_key INTO mid_gap_key, mid_row_key FROM summary_state();
            SELECT jsonb_agg(to_jsonb(w)) INTO kept FROM walk_diff AS w WHERE w.step = i;
            ROLLBACK;
        END IF;
        IF k IN ('import_rollback', 'undone') THEN
            INSERT INTO walk_diff SELECT * FROM jsonb_populate_recordset(NULL::walk_diff, kept);
        END IF;
        bad := compare_now(i, k) + bad_before_undo;
        SELECT * INTO after FROM summary_state();
        INSERT INTO walk_log VALUES (i, k, what, err, bad, before.gap_key <> after.gap_key,
                                     before.row_key <> after.row_key, before.gap_key <> mid_gap_key,
                                     before.row_key <> mid_row_key,
                                     after.gaps_high,
                                     after.gaps_medium, after.gaps_low,
                                     extract(epoch FROM t1 - t0) * 1000,
                                     extract(epoch FROM clock_timestamp() - t1) * 1000);
        before := after;
        -- statistics as autovacuum would keep them (the recomputed views
        -- are planned badly without)
        IF i % 20 = 0 THEN
            ANALYZE kansa.assessment, kansa.response, kansa.response_evidence, kansa.response_measure,
                kansa.service, kansa.service_dependency, kansa.evidence_validity;
        END IF;
        IF i % 3 <> 0 THEN
            COMMIT;
        END IF;
    END LOOP;
    COMMIT;
END
$$;

-- 300 steps (psql -v walk_steps=N for another walk of the same seed)
\if :{?walk_steps}
\else
\set walk_steps 300
\endif
SET kansa.today = '2026-06-01';
SELECT setseed(0.42);
CALL walk(:walk_steps);

-- the steps of each kind the walk took, how many failed (none), whether some
-- step of the kind changed a row of the summary (for import_rollback and
-- undone: before the rollback) and a gap count
SELECT kind, count(*) AS steps, count(*) FILTER (WHERE error IS NOT NULL) AS failed,
       count(*) FILTER (WHERE summary_changed OR summary_changed_before_undo) > 0 AS changed_summary,
       count(*) FILTER (WHERE gaps_changed OR gaps_changed_before_undo) > 0 AS changed_gaps
  FROM walk_log GROUP BY kind ORDER BY kind;
-- and the steps rolled back changed nothing
SELECT kind, count(*) FILTER (WHERE summary_changed) AS changed_after_rollback
  FROM walk_log WHERE kind IN ('import_rollback', 'undone') GROUP BY kind ORDER BY kind;
-- steps after which a maintained view differed from the recomputed one: none
SELECT count(*) AS steps, count(*) FILTER (WHERE mismatches > 0) AS steps_with_mismatch
  FROM walk_log;
-- the first differing rows, if any, with the step that made them
SELECT d.step, d.kind, l.detail, d.view, d.side, d.row
  FROM walk_diff AS d LEFT JOIN walk_log AS l ON l.step = d.step
 ORDER BY d.step, d.view, d.side, d.row::text LIMIT 12;
-- the steps that failed, if any
SELECT step, kind, detail, error FROM walk_log WHERE error IS NOT NULL ORDER BY step LIMIT 10;
-- the walk made real data: gaps of every severity, expired evidence, scoped
-- and superseded assessments, gap counts moved by most kinds of step, and by
-- the day alone
SELECT max(gaps_high) > 0 AS high_gaps, max(gaps_medium) > 0 AS medium_gaps, max(gaps_low) > 0 AS low_gaps,
       count(*) FILTER (WHERE gaps_changed) > 50 AS steps_moving_gaps,
       count(*) FILTER (WHERE gaps_changed AND kind = 'move_today') > 3 AS days_moving_gaps
  FROM walk_log;
SELECT count(*) FILTER (WHERE superseded_by IS NULL) AS current,
       count(*) FILTER (WHERE superseded_by IS NOT NULL) > 20 AS many_superseded,
       count(*) FILTER (WHERE scope IS NOT NULL AND superseded_by IS NULL) > 0 AS scoped_current,
       count(DISTINCT organization_id) AS organizations
  FROM kansa.assessment;
SELECT count(*) FILTER (WHERE detail LIKE '%: already_loaded') > 0 AS already_loaded,
       count(*) FILTER (WHERE detail LIKE '%"reload": true%: loaded') > 0 AS reloaded,
       count(*) FILTER (WHERE detail LIKE '%"mode": "quarantine"%') > 0 AS quarantine,
       count(*) FILTER (WHERE detail LIKE '%"received"%') > 0 AS received,
       count(*) FILTER (WHERE detail LIKE '%"scope": "walk scope"%') > 0 AS kept_scope,
       count(*) FILTER (WHERE detail LIKE '%"scope": [%') > 0 AS listed_scope,
       count(*) FILTER (WHERE detail LIKE 'refused 23503, then %') AS refused
  FROM walk_log;
SELECT count(*) FILTER (WHERE detail LIKE 'responses % and the next four: %') > 0 AS reviews_of_five,
       count(*) FILTER (WHERE detail LIKE 'links added: 1%') > 0 AS links_added,
       count(*) FILTER (WHERE detail LIKE 'links deleted: 1%') > 0 AS links_deleted,
       count(*) FILTER (WHERE detail LIKE 'link relations flipped: 1%') > 0 AS relations_flipped,
       count(*) FILTER (WHERE detail LIKE 'today: ') > 0 AS today_reset
  FROM walk_log;

--
-- 5. Edits the walk does not make, each compared and undone: a framework's
--    section depth, a section's title, a control moved to another section, a
--    control added to an assessed framework, names, and a write with the
--    summaries' maintenance off (for bulk loads) until summary_rebuild().
--
-- (changed: the edit changed the recomputed summaries; restored: the undo
-- brought them back; after_edit, after_undo: rows differing then)
CREATE FUNCTION snapshot_key() RETURNS text LANGUAGE sql AS $$
    SELECT md5((SELECT string_agg(to_jsonb(a)::text, ',' ORDER BY to_jsonb(a)::text)
                  FROM recomputed_assessment AS a)
               || (SELECT string_agg(to_jsonb(s)::text, ',' ORDER BY to_jsonb(s)::text)
                     FROM recomputed_section AS s))
$$;
CREATE FUNCTION edit_check(label text, edit text, undo text, OUT check_name text,
                           OUT changed boolean, OUT after_edit int, OUT restored boolean,
                           OUT after_undo int)
LANGUAGE plpgsql AS $$
DECLARE
    k text;
BEGIN
    check_name := label;
    PERFORM compare_now(-1, label || ' (before)');
    k := snapshot_key();
    EXECUTE edit;
    after_edit := compare_now(-1, label);
    changed := snapshot_key() <> k;
    EXECUTE undo;
    after_undo := compare_now(-1, label || ' (undone)');
    restored := snapshot_key() = k;
END
$$;
SELECT * FROM edit_check('section depth',
    $e$UPDATE kansa.framework SET section_depth = 2 WHERE code = 'fisc8'$e$,
    $e$UPDATE kansa.framework SET section_depth = 1 WHERE code = 'fisc8'$e$);
SELECT * FROM edit_check('section title',
    $e$UPDATE kansa.control SET title = title || ' (edited)' WHERE id = 'meti_cloud:4'$e$,
    $e$UPDATE kansa.control SET title = left(title, -9) WHERE id = 'meti_cloud:4'$e$);
SELECT * FROM edit_check('control moved',
    $e$UPDATE kansa.control SET parent = 'meti_cloud:5' WHERE id = 'meti_cloud:4.3'$e$,
    $e$UPDATE kansa.control SET parent = 'meti_cloud:4' WHERE id = 'meti_cloud:4.3'$e$);
SELECT * FROM edit_check('control added',
    $e$INSERT INTO kansa.control (id, parent, title) VALUES ('iso27017:CLD.99.1', 'iso27017:9', 'added')$e$,
    $e$DELETE FROM kansa.control WHERE id = 'iso27017:CLD.99.1'$e$);
SELECT * FROM edit_check('names',
    $e$UPDATE kansa.vendor SET name = name || ' (renamed)';
       UPDATE kansa.service SET name = name || ' (renamed)';
       UPDATE kansa.organization SET name = name || ' (renamed)'$e$,
    $e$UPDATE kansa.vendor SET name = left(name, -10);
       UPDATE kansa.service SET name = left(name, -10);
       UPDATE kansa.organization SET name = left(name, -10)$e$);
SELECT * FROM edit_check('control withdrawn',
    $e$UPDATE kansa.control SET withdrawn = true WHERE id = 'meti_cloud:4.3'$e$,
    $e$UPDATE kansa.control SET withdrawn = false WHERE id = 'meti_cloud:4.3'$e$);
CREATE TABLE saved_evidence AS SELECT * FROM kansa.response_evidence WITH NO DATA;
SELECT * FROM edit_check('evidence rows',
    $e$INSERT INTO saved_evidence SELECT * FROM kansa.response_evidence
        WHERE evidence = 'clause:iso27001:A.11';
       DELETE FROM kansa.response_evidence WHERE evidence = 'clause:iso27001:A.11'$e$,
    $e$INSERT INTO kansa.response_evidence SELECT * FROM saved_evidence$e$);
CREATE TABLE saved_received AS SELECT id, received_at FROM kansa.assessment;
SELECT * FROM edit_check('received dates',
    $e$UPDATE kansa.assessment SET received_at = DATE '2020-02-02' WHERE id % 2 = 0$e$,
    $e$UPDATE kansa.assessment AS a SET received_at = s.received_at
         FROM saved_received AS s WHERE s.id = a.id$e$);
SET kansa.maintain_summaries = off;
SELECT count(*) AS reviewed
  FROM (SELECT kansa.review(r.id, 'not_implemented', 'bulk')
          FROM kansa.response AS r JOIN kansa.assessment AS a ON a.id = r.assessment_id
         WHERE a.superseded_by IS NULL AND kansa.status(r.verdict) = 'implemented'
         ORDER BY r.id LIMIT 5) AS x;
SELECT compare_now(-1, 'maintenance off') > 0 AS summaries_behind;
RESET kansa.maintain_summaries;
SELECT kansa.summary_rebuild() AS assessments_rebuilt;
SELECT compare_now(-1, 'rebuilt') AS mismatching_rows;
-- the rows that differed, if any (but for the ones maintenance off leaves)
SELECT kind, view, side, row FROM walk_diff WHERE step = -1 AND kind <> 'maintenance off'
 ORDER BY kind, view, side, row::text LIMIT 12;

-- the same in a new session (nothing kept in the session that wrote), on a
-- day of its own and on the real one
\c kansa_summaries
-- (before kansa's library is loaded in a session, SET cannot check a day:
-- PostgreSQL keeps the text, and loading the library warns and drops it, so
-- that the day is CURRENT_DATE)
SET kansa.today = 'tomorrow';
SHOW kansa.today;
SELECT kansa.today() = current_date AS today_is_current_date;
SHOW kansa.today;
SET client_min_messages = warning;
SET kansa.today = '2026-09-30';
SELECT compare_now(1000, 'new session') AS mismatching_rows;
SET kansa.today = '';
SELECT compare_now(1001, 'new session') AS mismatching_rows;
SELECT count(*) AS organization_rows, sum(assessments) AS assessments
  FROM kansa.organization_summary;

\c :regress_db
DROP DATABASE kansa_summaries WITH (FORCE);

-- expired_change(): the calendar's change to a gap count, from a tally
-- row's parallel arrays; only the days before "today" count.
SELECT kansa.expired_change('{2026-01-31,2026-03-31,2026-06-30}', '{1,2,-1}', '2026-04-01') AS two_days_past,
       kansa.expired_change('{2026-01-31,2026-03-31}', '{1,2}', '2026-03-31') AS last_day_still_valid,
       kansa.expired_change('{2026-01-31}', '{5}', '2026-01-01') AS none_past,
       kansa.expired_change('{}', '{}', '2026-01-01') AS empty,
       kansa.expired_change(NULL, '{1}', '2026-01-01') AS no_days;
SELECT kansa.expired_change('{2026-01-31,2026-03-31}', '{1}', '2026-04-01');
SELECT kansa.expired_change('{2026-01-31,NULL}', '{1,2}', '2026-04-01');
SELECT kansa.expired_change('{{2026-01-31},{2026-03-31}}', '{{1},{2}}', '2026-04-01');
SELECT kansa.expired_change('{2026-01-31,2026-02-28}', '{2147483647,1}', '2026-04-01');
