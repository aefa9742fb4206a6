-- The kansa demo report (make demo).  Until the importer lands this shows
-- the shipped catalogs and what control_id does with the ids vendors write.
\pset footer off
\pset border 2
CREATE EXTENSION kansa;
SET search_path = public, kansa;

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
