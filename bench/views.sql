-- The compliance-gap views over maintained summaries, at 1M responses and
-- then at 10M: one assessment's gaps, the summaries of everything, one
-- organisation's summary as its analyst, and one review().  The data are
-- the three bundled sample sheets, imported once (the summaries maintained
-- as in use) and then copied straight into the tables for services of
-- their own (patterns 1-6 in turn), with summary maintenance off and one
-- summary_rebuild() after, as a bulk load is meant to be done: 2,289
-- services of Bench Bank (6,867 assessments, 1,000,293 responses with
-- their evidence and figures) and 10 of Bench Credit, a second, small
-- organisation.  The certificates, reports and documents the sheets cite
-- have expired; every 10th service's provider is assessed.  The 10M part
-- adds nine years of history: for every current assessment of Bench Bank,
-- nine earlier sheets, superseded by it, each a copy of its responses with
-- their evidence and figures (9M responses more, the current assessments
-- unchanged), as a database that has served for years holds them; it then
-- rebuilds the summaries and times every case again.  The summaries'
-- claim is that their cost follows the current assessments, not the
-- responses ever imported.  Skip that part with
--
--     KANSA_BENCH_10M=0 bench/run views
--
-- and have the plans (EXPLAIN ANALYZE) of the cases that miss their target
-- written to DIR/views-1M.txt and DIR/views-10M.txt with
--
--     KANSA_BENCH_PLANS=DIR bench/run views
\set fisc `base64 -w0 test/fixtures/sheets/fisc8_liveon.xlsx`
\set meti `base64 -w0 test/fixtures/sheets/meti_cloud_light2.xlsx`
\set iso `base64 -w0 test/fixtures/sheets/iso27017_liveon.csv`
\set copies 2289
\set small_copies 10
\set tenm `echo "${KANSA_BENCH_10M:-1}"`
\set plans_dir `echo "${KANSA_BENCH_PLANS:-}"`
\o /dev/null
SELECT kansa.import_sheet('Bench Bank', 'template', 'fisc8', 'fisc8', decode(:'fisc', 'base64'), 'fisc8.xlsx');
SELECT kansa.import_sheet('Bench Bank', 'template', 'iso27017', 'iso27017', decode(:'iso', 'base64'), 'iso.csv');
SELECT kansa.import_sheet('Bench Bank', 'template', 'meti', 'meti_cloud', decode(:'meti', 'base64'), 'meti.xlsx');
\o
CREATE UNLOGGED TABLE bench.tpl AS
	SELECT a.id AS tpl_id, a.framework FROM kansa.assessment AS a;
CREATE UNLOGGED TABLE bench.map (service_id bigint, tpl_id bigint, framework text, organization_id bigint,
                                 file_name text, assessment_id bigint);

-- Copy the three sample assessments for n new services of an organisation
-- (a vendor each), straight into the tables: batches, assessments,
-- responses, evidence, figures, and a provider for every 10th service.
CREATE FUNCTION bench.grow(org_name text, copies integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	org_id bigint := (SELECT o.id FROM kansa.organization AS o WHERE o.name = org_name);
	v0 bigint := (SELECT COALESCE(max(v.id), 0) FROM kansa.vendor AS v);
	s0 bigint := (SELECT COALESCE(max(s.id), 0) FROM kansa.service AS s);
	b0 bigint := (SELECT COALESCE(max(b.id), 0) FROM kansa.import_batch AS b);
BEGIN
	INSERT INTO kansa.vendor (organization_id, name)
		SELECT org_id, 'vendor ' || (v0 + g) FROM generate_series(1, copies) AS g;
	INSERT INTO kansa.service (organization_id, vendor_id, name, pattern_set)
		SELECT org_id, v.id, 'service of ' || v.name, 1 + v.id % 6 FROM kansa.vendor AS v WHERE v.id > v0;
	INSERT INTO bench.map (service_id, tpl_id, framework, organization_id, file_name)
		SELECT s.id, t.tpl_id, t.framework, org_id, 'copy ' || s.id || ' of ' || t.tpl_id
		  FROM kansa.service AS s CROSS JOIN bench.tpl AS t WHERE s.id > s0;
	INSERT INTO kansa.import_batch (organization_id, service_id, framework, file_name, format, sha256,
	                                size_bytes, mode, started_at, status)
		SELECT m.organization_id, m.service_id, m.framework, m.file_name, 'csv',
		       sha256(convert_to(m.file_name, 'UTF8')), 0, 'quarantine', now(), 'loaded'
		  FROM bench.map AS m WHERE m.service_id > s0;
	INSERT INTO kansa.assessment (organization_id, service_id, framework, batch_id, file_name, sha256)
		SELECT b.organization_id, b.service_id, b.framework, b.id, b.file_name, b.sha256
		  FROM kansa.import_batch AS b WHERE b.id > b0;
	UPDATE kansa.import_batch AS b SET assessment_id = a.id
	  FROM kansa.assessment AS a WHERE a.batch_id = b.id AND b.id > b0;
	UPDATE bench.map AS m SET assessment_id = a.id
	  FROM kansa.assessment AS a WHERE a.batch_id > b0 AND a.file_name = m.file_name AND m.service_id > s0;
	INSERT INTO kansa.response (assessment_id, organization_id, control, sheet, row_number, cell, via, raw_text,
	                            clean_text, specific_text, mark, ownership, sheet_verdict, classified, verdict,
	                            verdict_source, confidence, rule)
		SELECT m.assessment_id, m.organization_id, r.control, r.sheet, r.row_number, r.cell, r.via, r.raw_text,
		       r.clean_text, r.specific_text, r.mark, r.ownership, r.sheet_verdict, r.classified, r.verdict,
		       r.verdict_source, r.confidence, r.rule
		  FROM bench.map AS m JOIN kansa.response AS r ON r.assessment_id = m.tpl_id
		 WHERE m.service_id > s0;
	ANALYZE kansa.response;
	INSERT INTO kansa.response_evidence (response_id, position, evidence, assessment_id, organization_id)
		SELECT n.id, e.position, e.evidence, n.assessment_id, n.organization_id
		  FROM bench.map AS m
		  JOIN kansa.response AS t ON t.assessment_id = m.tpl_id
		  JOIN kansa.response_evidence AS e ON e.response_id = t.id
		  JOIN kansa.response AS n ON n.assessment_id = m.assessment_id AND n.control OPERATOR(kansa.=) t.control
		 WHERE m.service_id > s0;
	INSERT INTO kansa.response_measure (response_id, position, quantity, measure, span, organization_id)
		SELECT n.id, q.position, q.quantity, q.measure, q.span, n.organization_id
		  FROM bench.map AS m
		  JOIN kansa.response AS t ON t.assessment_id = m.tpl_id
		  JOIN kansa.response_measure AS q ON q.response_id = t.id
		  JOIN kansa.response AS n ON n.assessment_id = m.assessment_id AND n.control OPERATOR(kansa.=) t.control
		 WHERE m.service_id > s0;
	INSERT INTO kansa.service_dependency (service_id, provider_service_id, organization_id)
		SELECT s.id, s.id + 1, org_id FROM kansa.service AS s
		 WHERE s.id > s0 AND s.id % 10 = 0
		   AND EXISTS (SELECT FROM kansa.service AS p WHERE p.id = s.id + 1 AND p.organization_id = org_id);
END $$;

-- One earlier, superseded sheet for every current assessment of an
-- organisation: a batch and an assessment superseded by the current one,
-- with a copy of its responses, their evidence and their figures.
CREATE FUNCTION bench.grow_history(org_name text, round integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	org_id bigint := (SELECT o.id FROM kansa.organization AS o WHERE o.name = org_name);
	b0 bigint := (SELECT COALESCE(max(b.id), 0) FROM kansa.import_batch AS b);
	a0 bigint := (SELECT COALESCE(max(a.id), 0) FROM kansa.assessment AS a);
BEGIN
	INSERT INTO kansa.import_batch (organization_id, service_id, framework, file_name, format, sha256,
	                                size_bytes, mode, started_at, status)
		SELECT a.organization_id, a.service_id, a.framework,
		       format('earlier %s of %s', round, a.id), 'csv',
		       sha256(convert_to(format('earlier %s of %s', round, a.id), 'UTF8')), 0, 'quarantine', now(), 'loaded'
		  FROM kansa.assessment AS a
		 WHERE a.organization_id = org_id AND a.superseded_by IS NULL
		 ORDER BY a.id;
	INSERT INTO kansa.assessment (organization_id, service_id, framework, batch_id, file_name, sha256,
	                              superseded_by)
		SELECT b.organization_id, b.service_id, b.framework, b.id, b.file_name, b.sha256,
		       split_part(b.file_name, ' of ', 2)::bigint
		  FROM kansa.import_batch AS b WHERE b.id > b0;
	UPDATE kansa.import_batch AS b SET assessment_id = a.id
	  FROM kansa.assessment AS a WHERE a.batch_id = b.id AND b.id > b0;
	INSERT INTO kansa.response (assessment_id, organization_id, control, sheet, row_number, cell, via, raw_text,
	                            clean_text, specific_text, mark, ownership, sheet_verdict, classified, verdict,
	                            verdict_source, confidence, rule)
		SELECT n.id, n.organization_id, r.control, r.sheet, r.row_number, r.cell, r.via, r.raw_text,
		       r.clean_text, r.specific_text, r.mark, r.ownership, r.sheet_verdict, r.classified, r.verdict,
		       r.verdict_source, r.confidence, r.rule
		  FROM kansa.assessment AS n JOIN kansa.response AS r ON r.assessment_id = n.superseded_by
		 WHERE n.id > a0;
	INSERT INTO kansa.response_evidence (response_id, position, evidence, assessment_id, organization_id)
		SELECT o.id, e.position, e.evidence, o.assessment_id, o.organization_id
		  FROM kansa.assessment AS n
		  JOIN kansa.response AS o ON o.assessment_id = n.id
		  JOIN kansa.response AS c ON c.assessment_id = n.superseded_by AND c.control OPERATOR(kansa.=) o.control
		  JOIN kansa.response_evidence AS e ON e.response_id = c.id
		 WHERE n.id > a0;
	INSERT INTO kansa.response_measure (response_id, position, quantity, measure, span, organization_id)
		SELECT o.id, q.position, q.quantity, q.measure, q.span, o.organization_id
		  FROM kansa.assessment AS n
		  JOIN kansa.response AS o ON o.assessment_id = n.id
		  JOIN kansa.response AS c ON c.assessment_id = n.superseded_by AND c.control OPERATOR(kansa.=) o.control
		  JOIN kansa.response_measure AS q ON q.response_id = c.id
		 WHERE n.id > a0;
END $$;

-- Seconds since a clock_timestamp() taken before.
CREATE FUNCTION bench.since(t0 timestamptz) RETURNS numeric LANGUAGE sql AS $$
	SELECT round(extract(epoch FROM clock_timestamp() - t0)::numeric, 1)
$$;

-- The bulk load: summaries not maintained row by row, rebuilt once after.
SELECT clock_timestamp() AS build_t0 \gset
SET kansa.maintain_summaries = off;
INSERT INTO kansa.organization (name) VALUES ('Bench Credit');
\o /dev/null
SELECT bench.grow('Bench Bank', :copies);
SELECT bench.grow('Bench Credit', :small_copies);
\o
INSERT INTO kansa.evidence_validity (organization_id, evidence, valid_until)
	SELECT o.id, x.evidence, CURRENT_DATE - 30
	  FROM kansa.organization AS o,
	       (SELECT DISTINCT e.evidence
	          FROM bench.tpl AS t JOIN kansa.response AS r ON r.assessment_id = t.tpl_id
	          JOIN kansa.response_evidence AS e ON e.response_id = r.id
	         WHERE kansa.kind(e.evidence) IN ('cert', 'report', 'doc')) AS x;
SELECT bench.since(:'build_t0') AS load_s \gset
VACUUM ANALYZE;
SELECT clock_timestamp() AS rebuild_t0 \gset
\o /dev/null
SELECT kansa.summary_rebuild();
\o
SELECT bench.since(:'rebuild_t0') AS rebuild_s \gset
RESET kansa.maintain_summaries;
ANALYZE;
SELECT bench.since(:'build_t0') AS build_s \gset

-- Tenants: an analyst of each organisation.  (Roles belong to the cluster:
-- a run in a cluster kept from an earlier run, whose database is gone,
-- finds that run's.)
DROP ROLE IF EXISTS bench_credit_analyst, bench_analyst, bench_credit, bench_bank;
CREATE ROLE bench_bank NOLOGIN;
CREATE ROLE bench_analyst NOLOGIN IN ROLE kansa_analyst, bench_bank;
CREATE ROLE bench_credit NOLOGIN;
CREATE ROLE bench_credit_analyst NOLOGIN IN ROLE kansa_analyst, bench_credit;
UPDATE kansa.organization SET tenant_role = 'bench_bank' WHERE name = 'Bench Bank';
UPDATE kansa.organization SET tenant_role = 'bench_credit' WHERE name = 'Bench Credit';
GRANT USAGE ON SCHEMA bench TO bench_analyst, bench_credit_analyst;

-- The cases.  Each runs as role (NULL: the superuser running the bench);
-- kansa_sql and base_sql n and base_n times, median; or, where pick_sql is
-- set, once for each of the ids it picks (base_sql and kansa_sql are then
-- formats of an id), median.  target_ms: the target at 1M; at 10M the
-- target is 2× the 1M figure, and target_10m_ms where set.
CREATE UNLOGGED TABLE bench.views_case (
	ord integer PRIMARY KEY, label text, role text, base_sql text, kansa_sql text,
	base_n integer, n integer, pick_sql text, target_ms double precision,
	target_10m_ms double precision);
CREATE UNLOGGED TABLE bench.views_figure (
	ord integer, scale text, base_ms double precision, kansa_ms double precision, nrows bigint,
	copied_ms double precision, PRIMARY KEY (ord, scale));

SELECT id AS bank FROM kansa.organization WHERE name = 'Bench Bank' \gset
-- (the assessments timed are Bench Bank's, whose analyst also reads them)
\set per_assessment 'SELECT assessment_id, count(*) FROM kansa.response GROUP BY assessment_id'
INSERT INTO bench.views_case
SELECT 1, 'gaps of one fisc8 assessment (baseline: its responses by index)', NULL,
       format('SELECT * FROM kansa.response WHERE assessment_id = %s', a),
       format('SELECT * FROM kansa.gaps WHERE assessment_id = %s', a), 21, 21, NULL::text, 10, NULL::double precision
  FROM (SELECT max(assessment_id) AS a FROM bench.map WHERE framework = 'fisc8' AND organization_id = :bank) AS x
UNION ALL
SELECT 2, 'gaps of one meti_cloud assessment, pattern 1 (reference values checked)', NULL,
       format('SELECT * FROM kansa.response WHERE assessment_id = %s', a),
       format('SELECT * FROM kansa.gaps WHERE assessment_id = %s', a), 21, 21, NULL, 10, NULL
  FROM (SELECT max(m.assessment_id) AS a FROM bench.map AS m JOIN kansa.service AS s ON s.id = m.service_id
         WHERE m.framework = 'meti_cloud' AND s.pattern = 1 AND m.organization_id = :bank) AS x
UNION ALL
SELECT 3, 'assessment_summary, all assessments (baseline: responses counted per assessment)', NULL,
       :'per_assessment', 'SELECT * FROM kansa.assessment_summary', 5, 21, NULL, 50, NULL
UNION ALL
SELECT 4, 'section_coverage, all assessments (same baseline)', NULL,
       :'per_assessment', 'SELECT * FROM kansa.section_coverage', 5, 21, NULL, 100, NULL
UNION ALL
SELECT 5, 'organization_summary, all (same baseline)', NULL,
       :'per_assessment', 'SELECT * FROM kansa.organization_summary', 5, 21, NULL, 20, NULL
-- As an analyst of the organisation: the tables' row-level security
-- applies (it applies inside the views for every user, superusers
-- included, since kansa_view_owner owns them; here the policies also run
-- for the base-table baseline).
UNION ALL
SELECT 6, 'gaps of one fisc8 assessment, as an analyst of the organisation (row-level security)', 'bench_analyst',
       format('SELECT * FROM kansa.response WHERE assessment_id = %s', a),
       format('SELECT * FROM kansa.gaps WHERE assessment_id = %s', a), 21, 21, NULL, 10, NULL
  FROM (SELECT max(assessment_id) AS a FROM bench.map WHERE framework = 'fisc8' AND organization_id = :bank) AS x
UNION ALL
SELECT 7, 'assessment_summary as an analyst of Bench Bank: its own assessments (same baseline, as that analyst)',
       'bench_analyst', :'per_assessment', 'SELECT * FROM kansa.assessment_summary', 5, 21, NULL, 20, NULL
UNION ALL
SELECT 8, 'assessment_summary as an analyst of Bench Credit, the small organisation (same baseline, as that analyst)',
       'bench_credit_analyst', :'per_assessment', 'SELECT * FROM kansa.assessment_summary', 5, 21, NULL, 20, NULL
-- 21 random responses of as many assessments of Bench Bank, each reviewed
-- once by its analyst
UNION ALL
SELECT 9, 'review() of a response, as the analyst: 21 random responses of different assessments (baseline: the response read by its id)',
       'bench_analyst', 'SELECT * FROM kansa.response WHERE id = %s',
       $$SELECT kansa.review(%s, 'partial', 'bench')$$, 1, 1,
       $$SELECT array_agg((SELECT r.id FROM kansa.response AS r WHERE r.assessment_id = a.id
                            ORDER BY random() LIMIT 1))
           FROM (SELECT a.id FROM kansa.assessment AS a
                   JOIN kansa.organization AS o ON o.id = a.organization_id
                  WHERE o.name = 'Bench Bank' ORDER BY random() LIMIT 21) AS a$$, 5, 5;

-- Run sql n times through a cursor moved to its end (planned for all its
-- rows): every row is produced, its columns computed, and discarded; the
-- median wall-clock time in ms.  This is the statement's cost in the
-- server.  bench.median_ms (EXECUTE) also copies every row into the
-- function's memory, which for the 71,300 rows of section_coverage cost
-- more than the view (copying section_tally itself, with no join, took
-- 84 ms); that figure is shown beside, as "rows copied".
CREATE FUNCTION bench.median_run_ms(sql text, n integer) RETURNS double precision LANGUAGE plpgsql
	SET cursor_tuple_fraction = 1 AS $$
DECLARE
	t0 timestamptz;
	times double precision[] := '{}';
	c refcursor;
BEGIN
	FOR i IN 1 .. n LOOP
		t0 := clock_timestamp();
		OPEN c NO SCROLL FOR EXECUTE sql;
		MOVE FORWARD ALL FROM c;
		CLOSE c;
		times := times || extract(epoch FROM clock_timestamp() - t0) * 1000;
	END LOOP;
	RETURN (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(times) AS x);
END $$;

-- Run each statement once; the median of their wall-clock times in ms.
CREATE FUNCTION bench.median_each_ms(sqls text[]) RETURNS double precision LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	times double precision[] := '{}';
	s text;
BEGIN
	FOREACH s IN ARRAY sqls LOOP
		t0 := clock_timestamp();
		EXECUTE s;
		times := times || extract(epoch FROM clock_timestamp() - t0) * 1000;
	END LOOP;
	RETURN (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(times) AS x);
END $$;

-- With KANSA_BENCH_PLANS set to a directory, the plans (EXPLAIN ANALYZE) of
-- the cases that miss their target at a scale go to views-<scale>.txt
-- there, for whoever is to make them faster; these statements, for \gexec.
CREATE FUNCTION bench.views_missed_plans(scale text)
RETURNS TABLE (title text, set_role text, plan text, reset_role text) LANGUAGE sql AS $$
	SELECT format('SELECT %L', format('## %s, %s responses (%s ms)', c.label, views_missed_plans.scale, round(f.kansa_ms::numeric, 1))),
	       CASE WHEN c.role IS NULL THEN 'RESET ROLE' ELSE format('SET ROLE %I', c.role) END,
	       'EXPLAIN (ANALYZE, BUFFERS, SETTINGS) ' || c.kansa_sql, 'RESET ROLE'
	  FROM bench.views_case AS c
	  JOIN bench.views_figure AS f ON f.ord = c.ord AND f.scale = views_missed_plans.scale
	  LEFT JOIN bench.views_figure AS f1 ON f1.ord = c.ord AND f1.scale = '1M'
	 WHERE c.pick_sql IS NULL
	   AND CASE WHEN views_missed_plans.scale = '1M' THEN f.kansa_ms >= c.target_ms
	            ELSE f.kansa_ms / f1.kansa_ms > 2 OR f.kansa_ms >= c.target_10m_ms END
	 ORDER BY c.ord
$$;

-- Time every case at a scale ('1M', '10M') into bench.views_figure.
CREATE FUNCTION bench.views_run(scale text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	c record;
	ids bigint[];
	b double precision;
	k double precision;
	nrows bigint;
	copied double precision;
BEGIN
	FOR c IN SELECT * FROM bench.views_case ORDER BY ord LOOP
		IF c.pick_sql IS NOT NULL THEN
			EXECUTE c.pick_sql INTO ids;
		END IF;
		IF c.role IS NOT NULL THEN
			EXECUTE format('SET ROLE %I', c.role);
		END IF;
		IF c.pick_sql IS NULL THEN
			b := bench.median_run_ms(c.base_sql, c.base_n);
			k := bench.median_run_ms(c.kansa_sql, c.n);
			copied := bench.median_ms(c.kansa_sql, 5);
			EXECUTE format('SELECT count(*) FROM (%s) AS x', c.kansa_sql) INTO nrows;
		ELSE
			-- the rows read once before, so that both times are of rows in memory
			PERFORM bench.median_each_ms(ARRAY(SELECT format(c.base_sql, i) FROM unnest(ids) AS i));
			b := bench.median_each_ms(ARRAY(SELECT format(c.base_sql, i) FROM unnest(ids) AS i));
			k := bench.median_each_ms(ARRAY(SELECT format(c.kansa_sql, i) FROM unnest(ids) AS i));
			nrows := cardinality(ids);
			copied := NULL;
		END IF;
		RESET ROLE;
		INSERT INTO bench.views_figure VALUES (c.ord, scale, b, k, nrows, copied);
	END LOOP;
END $$;

SELECT format('Data: %s current assessments (Bench Bank %s, Bench Credit %s), %s responses, %s evidence items, %s figures; loaded straight into the tables with summary maintenance off in %s s, then VACUUM ANALYZE and kansa.summary_rebuild(), which took %s s (all: %s s).',
	(SELECT count(*) FROM kansa.assessment WHERE superseded_by IS NULL),
	(SELECT count(*) FROM kansa.assessment AS a JOIN kansa.organization AS o ON o.id = a.organization_id
	  WHERE o.name = 'Bench Bank' AND a.superseded_by IS NULL),
	(SELECT count(*) FROM kansa.assessment AS a JOIN kansa.organization AS o ON o.id = a.organization_id
	  WHERE o.name = 'Bench Credit' AND a.superseded_by IS NULL),
	(SELECT count(*) FROM kansa.response), (SELECT count(*) FROM kansa.response_evidence),
	(SELECT count(*) FROM kansa.response_measure), :'load_s', :'rebuild_s', :'build_s');
SELECT '';
\o /dev/null
SELECT bench.views_run('1M');
\o
SELECT 'Times: plan and run, every row produced and discarded (a cursor moved to its end), median; "rows copied": the same statement run by EXECUTE in PL/pgSQL, which also copies every row into memory (not the target''s measure; for scale).';
SELECT '';
SELECT '| case (1M responses) | baseline, ms | kansa, ms | ratio | target | | rows | rows copied, ms |';
SELECT '|---|---:|---:|---:|---:|---|---:|---:|';
SELECT bench.row_ms(c.label, f.base_ms, f.kansa_ms, c.target_ms)
       || format(' %s | %s |', f.nrows, COALESCE(round(f.copied_ms::numeric, 1)::text, ''))
  FROM bench.views_case AS c JOIN bench.views_figure AS f ON f.ord = c.ord AND f.scale = '1M'
 ORDER BY c.ord;
SELECT :'plans_dir' <> '' AS dump_plans, :'plans_dir' || '/views-1M.txt' AS plans_file \gset
\if :dump_plans
\o :plans_file
SELECT * FROM bench.views_missed_plans('1M') \gexec
\o
\endif

\if :tenm
-- 10M responses: nine earlier sheets of every current assessment of Bench
-- Bank, superseded by it (a transaction each round), with summary
-- maintenance off; then VACUUM ANALYZE and summary_rebuild() as above.
SELECT clock_timestamp() AS build_t0 \gset
SET kansa.maintain_summaries = off;
\o /dev/null
SELECT format('SELECT bench.grow_history(%L, %s)', 'Bench Bank', g) FROM generate_series(1, 9) AS g \gexec
ANALYZE kansa.response;
\o
SELECT bench.since(:'build_t0') AS load_s \gset
VACUUM ANALYZE;
SELECT clock_timestamp() AS rebuild_t0 \gset
\o /dev/null
SELECT kansa.summary_rebuild();
\o
SELECT bench.since(:'rebuild_t0') AS rebuild_s \gset
RESET kansa.maintain_summaries;
ANALYZE;
SELECT bench.since(:'build_t0') AS build_s \gset
SELECT '';
SELECT format('10M: %s current assessments (Bench Bank %s, Bench Credit %s) and %s superseded ones (nine earlier sheets of each of Bench Bank''s), %s responses, %s evidence items, %s figures; the history loaded in %s s, then VACUUM ANALYZE and kansa.summary_rebuild(), which took %s s (all: %s s).',
	(SELECT count(*) FROM kansa.assessment WHERE superseded_by IS NULL),
	(SELECT count(*) FROM kansa.assessment AS a JOIN kansa.organization AS o ON o.id = a.organization_id
	  WHERE o.name = 'Bench Bank' AND a.superseded_by IS NULL),
	(SELECT count(*) FROM kansa.assessment AS a JOIN kansa.organization AS o ON o.id = a.organization_id
	  WHERE o.name = 'Bench Credit' AND a.superseded_by IS NULL),
	(SELECT count(*) FROM kansa.assessment WHERE superseded_by IS NOT NULL),
	(SELECT count(*) FROM kansa.response), (SELECT count(*) FROM kansa.response_evidence),
	(SELECT count(*) FROM kansa.response_measure), :'load_s', :'rebuild_s', :'build_s');
SELECT '';
\o /dev/null
SELECT bench.views_run('10M');
\o
SELECT '| case (10M responses) | rows, 1M → 10M | 1M, ms | baseline at 10M, ms | kansa at 10M, ms | 10M / 1M | target | |';
SELECT '|---|---:|---:|---:|---:|---:|---|---|';
SELECT format('| %s | %s → %s | %s | %s | %s | %s× | ≤ 2×%s | %s |', c.label, f1.nrows, f10.nrows,
              round(f1.kansa_ms::numeric, 1), round(f10.base_ms::numeric, 1), round(f10.kansa_ms::numeric, 1),
              round((f10.kansa_ms / f1.kansa_ms)::numeric, 2),
              CASE WHEN c.target_10m_ms IS NOT NULL THEN format(' and < %s ms', c.target_10m_ms) ELSE '' END,
              CASE WHEN f10.kansa_ms / f1.kansa_ms <= 2
                        AND (c.target_10m_ms IS NULL OR f10.kansa_ms < c.target_10m_ms)
                   THEN 'met' ELSE 'MISSED' END)
  FROM bench.views_case AS c
  JOIN bench.views_figure AS f1 ON f1.ord = c.ord AND f1.scale = '1M'
  JOIN bench.views_figure AS f10 ON f10.ord = c.ord AND f10.scale = '10M'
 ORDER BY c.ord;
SELECT :'plans_dir' || '/views-10M.txt' AS plans_file \gset
\if :dump_plans
\o :plans_file
SELECT * FROM bench.views_missed_plans('10M') \gexec
\o
\endif
\else
SELECT '';
SELECT '10M responses: not run (KANSA_BENCH_10M=0).';
\endif
