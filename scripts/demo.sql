-- The kansa demo report (make demo), run after scripts/run-demo has
-- imported the sample sheets: what was imported and what the vendors said,
-- then the shipped catalogs and what the types do.
\pset footer off
\pset border 2
SET search_path = public, kansa;

\echo
\echo '== Imported answer sheets (kansa.import_batch) =='
SELECT b.id AS batch, b.file_name, b.format, b.layout->>'sheet' AS sheet,
       b.rows_read, b.responses, b.rejected, b.skipped, b.status, b.total_ms
  FROM kansa.import_batch b ORDER BY b.id;

\echo
\echo '== What the vendors said: verdicts per assessment =='
SELECT v.name AS vendor, a.framework,
       count(*) FILTER (WHERE status(r.verdict) = 'implemented') AS implemented,
       count(*) FILTER (WHERE status(r.verdict) = 'partial') AS partial,
       count(*) FILTER (WHERE status(r.verdict) = 'planned') AS planned,
       count(*) FILTER (WHERE status(r.verdict) = 'not_implemented') AS not_impl,
       count(*) FILTER (WHERE status(r.verdict) = 'unclear') AS unclear,
       count(*) FILTER (WHERE status(r.verdict) = 'not_applicable') AS n_a,
       count(*) FILTER (WHERE status(r.verdict) = 'unanswered') AS unanswered,
       count(*) FILTER (WHERE responsibility(r.verdict) = 'inherited') AS inherited,
       (SELECT count(*) FROM kansa.response_evidence e JOIN kansa.response x ON x.id = e.response_id
         WHERE x.assessment_id = a.id) AS evidence,
       (SELECT count(*) FROM kansa.response_measure m JOIN kansa.response x ON x.id = m.response_id
         WHERE x.assessment_id = a.id) AS figures
  FROM kansa.assessment a JOIN kansa.service s ON s.id = a.service_id
  JOIN kansa.vendor v ON v.id = s.vendor_id JOIN kansa.response r ON r.assessment_id = a.id
 WHERE a.superseded_by IS NULL
 GROUP BY v.name, a.framework, a.id ORDER BY a.id;

\echo
\echo '== Answers that are not clean, with why (first 12) =='
SELECT r.control, r.cell, r.verdict, r.rule, left(coalesce(r.specific_text, ''), 50) AS judged_text
  FROM kansa.response r
 WHERE status(r.verdict) IN ('partial', 'planned', 'not_implemented', 'unclear')
 ORDER BY r.verdict, r.control LIMIT 12;

\echo
\echo '== LIGHT2''s backup and log figures against pattern 1 reference values =='
SELECT r.control, m.quantity, m.measure::text AS stated, v.raw AS required,
       satisfies(m.measure, v.measure, i.direction) AS satisfied
  FROM kansa.response_measure m JOIN kansa.response r ON r.id = m.response_id
  JOIN kansa.assessment a ON a.id = r.assessment_id AND a.framework = 'meti_cloud'
  JOIN kansa.reference_item i ON i.quantity = m.quantity
  JOIN kansa.reference_value v ON v.item = i.id AND v.pattern = 1
 ORDER BY r.control, m.position;

\echo
\echo '== Shipped framework catalogs =='
SELECT f.code AS framework, f.title, f.edition,
       count(*) FILTER (WHERE c.kind = 'control') AS controls,
       count(*) FILTER (WHERE c.kind = 'section') AS sections,
       (SELECT count(*) FROM kansa.reference_item i
          JOIN kansa.control ic ON ic.id = i.control WHERE ic.framework = f.code) AS ref_items,
       (SELECT count(*) FROM kansa.reference_value v JOIN kansa.reference_item i ON i.id = v.item
          JOIN kansa.control ic ON ic.id = i.control WHERE ic.framework = f.code) AS ref_values
  FROM kansa.framework f JOIN kansa.control c ON c.framework = f.code
 GROUP BY f.code, f.title, f.edition
 ORDER BY f.code;

\echo
\echo '== Query 1: ids as vendors write them, normalised and in natural order =='
\echo 'SELECT raw, raw::control_id AS id FROM (VALUES (''fisc8:運 10－1''), ...) ORDER BY 2;'
SELECT raw, raw::control_id AS id, left(c.title, 40) AS title
  FROM (VALUES ('fisc8:運 10－1'), ('FISC8:運２'), ('fisc8:運10'), ('fisc8:設 83-1'),
               ('asp_saas:Ⅲ. 1. 1. 1'), ('asp_saas:II.8.1.1'), ('iso27017:cld.9.5.1'),
               ('meti_cloud:4.3')) AS v (raw)
  LEFT JOIN kansa.control c ON c.id = v.raw::control_id
 ORDER BY 2;

\echo
\echo '== Query 2: everything under ASP・SaaS III.2 (applications, platforms, servers and storage), with @> =='
\echo 'SELECT id, kind, level, title FROM kansa.control WHERE ''asp_saas:III.2'' @> id ORDER BY id;'
SELECT id, kind, level, left(title, 50) AS title
  FROM kansa.control WHERE 'asp_saas:III.2' @> id ORDER BY id;

\echo
\echo '== Query 3: reference values a pattern-1 service must achieve (*), per evaluation item =='
\echo 'SELECT i.control, i.quantity, v.raw, v.measure, kansa.satisfies(...) FROM kansa.reference_item i JOIN kansa.reference_value v ... WHERE v.pattern = 1 AND v.must_achieve;'
\echo '(last column: does a vendor stating "24時間以内" (durations) or "99.9%" (ratios) meet it? empty: cannot tell, see satisfies_explain)'
SELECT i.control, i.letter, i.quantity, v.raw AS pattern_1, v.measure,
       CASE kansa.kind(v.measure)
            WHEN 'duration' THEN kansa.satisfies('24時間以内', v.measure, i.direction)
            WHEN 'ratio' THEN kansa.satisfies('99.9%', v.measure, i.direction)
       END AS "vendor: 24時間以内 / 99.9%"
  FROM kansa.reference_item i JOIN kansa.reference_value v ON v.item = i.id
 WHERE v.pattern = 1 AND v.must_achieve
 ORDER BY i.control, i.letter;
