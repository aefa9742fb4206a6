-- The kansa demo report (make demo), run after scripts/run-demo has
-- imported the sample sheets with kansa-import: the assessments, the most
-- severe gaps, LIGHT2's figures against the reference values of its
-- pattern, and three queries an analyst would type next.
\pset footer off
\pset border 2
SET search_path = public, kansa;

-- LIGHT2's service keeps manufacturers' drawings and technical documents
-- (文書管理, a type the ASP・SaaS guideline's figure 2 leaves to an individual decision): trade
-- secrets, so confidentiality is high; its users work on it all day, so
-- availability is high.  Pattern 1, the strictest reference values.
\o /dev/null
UPDATE kansa.service SET service_type = '文書管理', confidentiality = '高', availability = '高'
 WHERE name = 'ものづくりコネクテッドクラウドサービス';
\o

\echo
\echo '== Imported answer sheets (kansa.import_batch) =='
SELECT b.id AS batch, b.file_name, b.format, b.rows_read, b.responses, b.rejected, b.skipped,
       b.status, b.total_ms
  FROM kansa.import_batch b ORDER BY b.id;

\echo
\echo '== kansa.assessment_summary: one row per current assessment =='
SELECT vendor, framework, pattern, controls_in_scope AS scope, answered, implemented AS impl,
       partial, planned, not_implemented AS not_impl, not_applicable AS n_a, unclear,
       unanswered, coverage_pct AS "coverage %", score_pct AS "score %", gaps_high AS high,
       gaps_medium AS medium, gaps_low AS low, evidence_items AS evidence
  FROM kansa.assessment_summary ORDER BY vendor, framework;

\echo
\echo '== kansa.gaps: the 20 most severe =='
SELECT severity, vendor, control, gap_kind, responsibility AS resp, evidence_count AS ev,
       left(coalesce(title, ''), 24) AS title, left(coalesce(answer_excerpt, ''), 40) AS answer
  FROM kansa.gaps
 ORDER BY severity_rank, gap_kind = 'unanswered', framework, position LIMIT 20;

\echo
\echo '== kansa.reference_check: 株式会社LIGHT2 (pattern 1) through its meti_cloud answers =='
SELECT reference_control AS item, letter, left(item_title, 18) AS evaluates, required_value,
       control AS answered_by, stated_measure AS stated, satisfied, must_achieve AS "*"
  FROM kansa.reference_check WHERE vendor = '株式会社LIGHT2'
 ORDER BY reference_control, letter;

\echo
\echo '== Next query 1: who has no answer, or a "not implemented", on backup controls? =='
\echo 'SELECT vendor, control, status, severity FROM kansa.gaps'
\echo ' WHERE status IN (''unanswered'', ''not_implemented'') AND title ~ ''バックアップ|backup'';'
SELECT vendor, control, status, severity, left(title, 40) AS title FROM kansa.gaps
 WHERE status IN ('unanswered', 'not_implemented') AND title ~* 'バックアップ|backup'
 ORDER BY vendor, position;

\echo
\echo '== Next query 2: where does the answer say nothing but the sheet''s boilerplate? =='
\echo 'SELECT vendor, framework, section, count(*) FROM kansa.assessment_control WHERE boilerplate_only GROUP BY 1, 2, 3;'
SELECT vendor, framework, section, section_title, count(*) AS boilerplate_only_answers
  FROM kansa.assessment_control WHERE boilerplate_only
 GROUP BY vendor, framework, section, section_title ORDER BY count(*) DESC;

\echo
\echo '== Next query 3: a heatmap of FISC coverage by part (kansa.section_coverage) =='
\echo 'SELECT section, section_title, coverage_pct, score_pct, gaps_high FROM kansa.section_coverage WHERE framework = ''fisc8'';'
SELECT vendor, section, section_title, controls_in_scope AS scope, coverage_pct AS "coverage %",
       score_pct AS "score %", gaps_high AS high, gaps_medium AS medium, gaps_low AS low
  FROM kansa.section_coverage WHERE framework = 'fisc8' ORDER BY vendor, section_position;
