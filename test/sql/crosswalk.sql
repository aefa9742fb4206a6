-- Crosswalks: typed links (the OSCAL 1.2 relationship vocabulary) with
-- their provenance, the shipped crosswalks, the inverse derived and never
-- stored, paths of one and two links, answers projected across frameworks
-- on the sample sheets (projected_coverage), a vendor's earlier answers next
-- to what its new sheet leaves open (crosswalk_reuse), and import_links()
-- with hostile inputs.
SET client_min_messages = warning;
SET search_path = public, kansa;
\set SHOW_CONTEXT never
\set VERBOSITY terse
\getenv abs_srcdir PG_ABS_SRCDIR
\set fisc :abs_srcdir '/fixtures/sheets/fisc8_liveon.xlsx'
\set meti :abs_srcdir '/fixtures/sheets/meti_cloud_light2.xlsx'
\set iso :abs_srcdir '/fixtures/sheets/iso27017_liveon.csv'
\set asp :abs_srcdir '/fixtures/sheets/asp_saas_example.csv'

-- Everything this file makes is rolled back at its end, and the sequences
-- are set back, so that the files after it find the database as it was.
CREATE TEMP TABLE crosswalk_sequences AS
SELECT format('%I.%I', schemaname, sequencename) AS seq, last_value, start_value
  FROM pg_sequences WHERE schemaname = 'kansa';
CREATE TEMP TABLE crosswalk_rows AS
SELECT (SELECT count(*) FROM kansa.organization) AS organizations, (SELECT count(*) FROM kansa.response) AS responses,
       (SELECT count(*) FROM kansa.control_link) AS links;
\set ON_ERROR_ROLLBACK on
BEGIN;

--
-- 1. The shipped crosswalks
--
-- per pair of frameworks and relationship; every row says where it came from
SELECT kansa.framework(from_control) AS source, kansa.framework(to_control) AS target,
       relationship, rationale, confidence, count(*)
  FROM kansa.control_link GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5;
SELECT count(*) AS without_provenance FROM kansa.control_link
 WHERE source IS NULL OR made_by IS NULL OR made_at IS NULL OR method IS NULL OR note IS NULL;
-- the 54 METI → ASP・SaaS links migrated: equivalent became equivalent-to
-- (40), related intersects-with (14); the notes are kept
SELECT relationship, count(*) FROM kansa.control_link
 WHERE kansa.framework(from_control) = 'meti_cloud' GROUP BY 1 ORDER BY 1;
SELECT relationship, rationale, confidence, note FROM kansa.control_link
 WHERE from_control = 'meti_cloud:4.3' ORDER BY to_control;
-- ISO/IEC 27001:2013 Annex A: 14 clauses, 35 categories, 114 controls;
-- every numbered ISO/IEC 27017 clause links to the Annex A control of its
-- number, none of the CLD clauses does
SELECT kind, count(*) FROM kansa.control WHERE framework = 'iso27001' GROUP BY 1 ORDER BY 1;
SELECT count(*) FILTER (WHERE kansa.local_id(c.id) NOT LIKE 'CLD%') AS numbered,
       count(l.to_control) AS linked,
       count(*) FILTER (WHERE l.to_control = kansa.control_id('iso27001', 'A.' || kansa.local_id(c.id))) AS same_number
  FROM kansa.control AS c LEFT JOIN kansa.control_link AS l ON l.from_control = c.id
 WHERE c.framework = 'iso27017' AND c.kind = 'control';
SELECT to_control::text, relationship, title FROM kansa.control_link
  JOIN kansa.control ON id = to_control WHERE from_control = 'iso27017:12.3.1';
-- FISC 8 → Annex A: only what the vendor's answers cite, each citation of a
-- clause or category linked to each of its controls
SELECT to_control::text, confidence, note FROM kansa.control_link
 WHERE from_control = 'fisc8:運27' ORDER BY to_control;
SELECT confidence, count(*), count(DISTINCT from_control) AS fisc_controls
  FROM kansa.control_link WHERE kansa.framework(from_control) = 'fisc8' GROUP BY 1 ORDER BY 1;

--
-- 2. One row per pair; the inverse is derived
--
SELECT count(*) = 2 * (SELECT count(*) FROM kansa.control_link) AS both_ways,
       count(*) FILTER (WHERE derived) AS derived
  FROM kansa.control_link_both;
SELECT from_control::text, to_control::text, relationship, derived FROM kansa.control_link_both
 WHERE 'iso27017:12.3.1' IN (from_control, to_control) ORDER BY derived;
-- the inverse pair cannot be stored, nor the same pair twice
INSERT INTO kansa.control_link (from_control, to_control, relationship, source)
VALUES ('iso27001:A.12.3.1', 'iso27017:12.3.1', 'subset-of', 'test');
INSERT INTO kansa.control_link (from_control, to_control, relationship, source)
VALUES ('iso27017:12.3.1', 'iso27001:A.12.3.1', 'equal-to', 'test');
INSERT INTO kansa.control_link (from_control, to_control, relationship, source)
VALUES ('iso27017:12.3.1', 'asp_saas:III.2.3.1', 'equals', 'test');
INSERT INTO kansa.control_link (from_control, to_control, relationship, confidence, source)
VALUES ('iso27017:12.3.1', 'asp_saas:III.2.3.1', 'equal-to', 'certain', 'test');
INSERT INTO kansa.control_link (from_control, to_control, relationship, source)
VALUES ('fisc8:運27', 'fisc8:運28', 'equal-to', 'test');

-- the algebra: inverse, composition, what carries a verdict
SELECT r, kansa.link_inverse(r) AS inverse, kansa.link_carries(r) AS carries
  FROM unnest(ARRAY['equal-to', 'equivalent-to', 'subset-of', 'superset-of', 'intersects-with',
                    'no-relationship']) AS r;
SELECT a AS first, string_agg(kansa.link_compose(a, b), ' | ' ORDER BY o) AS "then equal | equivalent | subset | superset | intersects | none"
  FROM unnest(ARRAY['equal-to', 'equivalent-to', 'subset-of', 'superset-of', 'intersects-with',
                    'no-relationship']) WITH ORDINALITY AS x (a, p),
       unnest(ARRAY['equal-to', 'equivalent-to', 'subset-of', 'superset-of', 'intersects-with',
                    'no-relationship']) WITH ORDINALITY AS y (b, o)
 GROUP BY a, p ORDER BY p;

-- paths: one link, or two, never three; each hop written out
SELECT hops, relationship, path FROM kansa.control_path
 WHERE source_control = 'iso27017:12.3.1' AND target_control = 'fisc8:運27';
SELECT hops, count(*) FROM kansa.control_path GROUP BY 1 ORDER BY 1;

--
-- 3. Answers projected across frameworks, on the sample sheets
--
SELECT status, responses
  FROM kansa.import_sheet('Example Bank', 'ジャパンメディアシステム株式会社', 'LiveOn', 'fisc8',
                          pg_read_binary_file(:'fisc'), 'fisc8_liveon.xlsx');
SELECT status, responses
  FROM kansa.import_sheet('Example Bank', 'ジャパンメディアシステム株式会社', 'LiveOn', 'iso27017',
                          pg_read_binary_file(:'iso'), 'iso27017_liveon.csv');
SELECT status, responses
  FROM kansa.import_sheet('Example Bank', '株式会社LIGHT2', 'ものづくりコネクテッドクラウドサービス',
                          'meti_cloud', pg_read_binary_file(:'meti'), 'meti_cloud_light2.xlsx',
                          '{"received": "2024-04-01"}');
SELECT id AS light2 FROM kansa.service WHERE name = 'ものづくりコネクテッドクラウドサービス' \gset
SELECT id AS liveon FROM kansa.service WHERE name = 'LiveOn' \gset

-- which frameworks each service's answers reach, and how
SELECT service, framework, projection, count(*)
  FROM kansa.projected_coverage GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;

-- the METI sheet projected onto ASP・SaaS: the 68 items, each projected
-- (equivalent-to: the verdict carried, the weakest when several), to review
-- (only intersects-with: the METI verdicts listed, none carried) or with no
-- path at all
SELECT local_id, projection, verdict, verdict_source, carried_verdicts, review_verdicts, min_hops
  FROM kansa.projected_coverage('asp_saas', :light2)
 WHERE projection <> 'no_path';
SELECT count(*) AS no_path, string_agg(local_id, ' ' ORDER BY position) AS items
  FROM kansa.projected_coverage('asp_saas', :light2) WHERE projection = 'no_path';
-- the function form is the view's rows of one service and target framework
SELECT (SELECT count(*) FROM kansa.projected_coverage('asp_saas', :light2))
     = (SELECT count(*) FROM kansa.projected_coverage WHERE framework = 'asp_saas' AND service_id = :light2)
       AS same_rows,
       (SELECT count(*) FROM kansa.control WHERE framework = 'asp_saas' AND kind = 'control') AS items;
SELECT count(*) AS none_for_a_framework_not_reached FROM kansa.projected_coverage('fisc10', :light2);

-- several sources combine as the weakest: III.2.3.1 (backup) restates
-- three METI items; an analyst finds one of them not implemented
SELECT carried_verdicts, verdict, gap_kind FROM kansa.projected_coverage('asp_saas', :light2)
 WHERE local_id = 'III.2.3.1';
SELECT kansa.local_id(x.control) AS control, x.verdict::text, x.verdict_source
  FROM kansa.review((SELECT source_response_id FROM kansa.projection_path
                      WHERE service_id = :light2 AND control = 'asp_saas:III.2.3.1'
                        AND source_control = 'meti_cloud:13.4'),
                    'planned', 'crosswalk test: to be done next quarter') AS x;
SELECT carried_verdicts, verdict, verdict_source, gap_kind, severity FROM kansa.projected_coverage('asp_saas', :light2)
 WHERE local_id = 'III.2.3.1';
-- the projection writes nothing: the asp_saas sheet the service does not have
-- stays absent
SELECT count(*) AS asp_saas_assessments FROM kansa.assessment
 WHERE service_id = :light2 AND framework = 'asp_saas';

-- the ISO/IEC 27017 whitepaper projected onto Annex A (superset-of: carried)
-- and, through Annex A, onto FISC 8 (two links, the second intersects-with:
-- to review, with the source verdicts and each hop)
SELECT local_id, projection, verdict, carried_verdicts, path
  FROM kansa.projected_coverage('iso27001', :liveon)
 WHERE local_id IN ('A.12.3.1', 'A.9.2.3', 'A.12.1.1') ORDER BY position;
SELECT local_id, projection, verdict, review_verdicts, min_hops, path
  FROM kansa.projected_coverage('fisc8', :liveon)
 WHERE local_id IN ('運27', '運33', '設1') ORDER BY position;
-- the FISC sheet reaches Annex A only by intersects-with: nothing is carried
-- from it, so each control reached by the 27017 whitepaper and the FISC
-- sheet both is carried from the whitepaper alone
SELECT count(*) FILTER (WHERE projection = 'projected' AND source_frameworks = 'fisc8') AS carried_from_fisc,
       count(*) FILTER (WHERE projection = 'projected' AND source_frameworks = 'fisc8, iso27017') AS both_reach,
       count(*) FILTER (WHERE projection = 'projected' AND carried_from LIKE '%fisc8%') AS fisc_carried
  FROM kansa.projected_coverage('iso27001', :liveon);

-- chains of two links carry when both carry; a third link is never followed
INSERT INTO kansa.control_link (from_control, to_control, relationship, rationale, confidence, method, made_by, source, note)
VALUES ('asp_saas:III.2.3.1', 'iso27001:A.12.3.1', 'equivalent-to', 'semantic', 'medium', 'human', 'test',
        'crosswalk test', 'both ask for regular backups');
SELECT local_id, projection, verdict, carried_verdicts, min_hops, path
  FROM kansa.projected_coverage('iso27001', :light2) WHERE local_id = 'A.12.3.1';
SELECT count(*) AS three_links_away
  FROM kansa.projected_coverage('iso27017', :light2) WHERE control = 'iso27017:12.3.1';
-- a subset-of path asks for review; it does not carry, and the verdict
-- carried stays the weakest of the carrying sources
INSERT INTO kansa.control_link (from_control, to_control, relationship, source)
VALUES ('meti_cloud:9.2', 'iso27001:A.12.3.1', 'subset-of', 'crosswalk test');
SELECT projection, verdict, carried_verdicts, review_verdicts
  FROM kansa.projected_coverage('iso27001', :light2) WHERE local_id = 'A.12.3.1';
DELETE FROM kansa.control_link WHERE source = 'crosswalk test';
SELECT count(*) AS gone FROM kansa.projected_coverage('iso27001', :light2);

--
-- 4. A vendor's earlier answers next to what its new sheet leaves open
--
-- LIGHT2 sends a small ASP・SaaS sheet for another of its services: the
-- items it leaves blank or unclear that a METI item of the current METI
-- sheet restates (equivalent-to) show that answer, never copied
SELECT status, responses
  FROM kansa.import_sheet('Example Bank', '株式会社LIGHT2', 'LIGHT2 ポータル', 'asp_saas',
                          pg_read_binary_file(:'asp'), 'asp_saas_example.csv');
SELECT local_id, status, earlier_service, earlier_control, earlier_verdict, earlier_verdict_source,
       relationship, hops
  FROM kansa.crosswalk_reuse WHERE framework = 'asp_saas' ORDER BY position, earlier_control;
-- the unclear answer keeps its text beside the earlier one
SELECT local_id, answer_text, left(earlier_text, 40) AS earlier_text FROM kansa.crosswalk_reuse
 WHERE status = 'unclear' ORDER BY position;
-- and the METI sheet's own open items, with the new ASP・SaaS answers
SELECT local_id, status, earlier_control, earlier_verdict FROM kansa.crosswalk_reuse
 WHERE framework = 'meti_cloud' ORDER BY position;
-- never copied: the new sheet's verdicts are its own
SELECT count(*) FILTER (WHERE r.verdict_source NOT IN ('sheet', 'classifier')) AS not_own
  FROM kansa.response AS r JOIN kansa.assessment AS a ON a.id = r.assessment_id
 WHERE a.file_name = 'asp_saas_example.csv';
-- another vendor's answers are not offered
SELECT count(*) AS other_vendor FROM kansa.crosswalk_reuse WHERE vendor <> '株式会社LIGHT2';

--
-- 5. Row-level security: each organisation sees its own projections only
--
CREATE ROLE crosswalk_org_a NOLOGIN;
CREATE ROLE crosswalk_org_b NOLOGIN;
CREATE ROLE crosswalk_bi_a NOLOGIN IN ROLE kansa_bi, crosswalk_org_a;
CREATE ROLE crosswalk_analyst_b NOLOGIN IN ROLE kansa_analyst, crosswalk_org_b;
CREATE ROLE crosswalk_admin NOLOGIN IN ROLE kansa_admin;
UPDATE kansa.organization SET tenant_role = 'crosswalk_org_a' WHERE name = 'Example Bank';
INSERT INTO kansa.organization (name, tenant_role) VALUES ('Other Bank', 'crosswalk_org_b');
SET ROLE crosswalk_bi_a;
SELECT (SELECT count(*) FROM kansa.projected_coverage) AS coverage, (SELECT count(*) FROM kansa.projection_path) AS paths,
       (SELECT count(*) FROM kansa.crosswalk_reuse) AS reuse,
       (SELECT count(*) FROM kansa.projected_coverage('asp_saas', :light2)) AS function_form;
SET ROLE crosswalk_analyst_b;
SELECT (SELECT count(*) FROM kansa.projected_coverage) AS coverage, (SELECT count(*) FROM kansa.projection_path) AS paths,
       (SELECT count(*) FROM kansa.crosswalk_reuse) AS reuse,
       (SELECT count(*) FROM kansa.projected_coverage('asp_saas', :light2)) AS function_form;
-- the catalog views are everyone's
SELECT count(*) > 0 AS links_readable FROM kansa.control_link_both;
-- only administrators load links
SELECT kansa.import_links(convert_to('source,target,relationship', 'UTF8'), 'csv');
RESET ROLE;

--
-- 6. import_links(): an OSCAL 1.2 mapping collection, a CSV
--
SET ROLE crosswalk_admin;
CREATE TEMP TABLE links_before AS SELECT count(*) AS n FROM kansa.control_link;
-- OSCAL: resources name their framework by a prop or by their href; a map
-- of two sources to one target gives each pair what holds for it alone
SELECT kansa.import_links(convert_to($j${"mapping-collection": {
  "uuid": "9f4c1a8e-0d55-4a4e-9c1b-3b1e2f6a7d10",
  "metadata": {"title": "METI to FISC 8 (test)", "version": "1", "last-modified": "2026-03-01T09:00:00+09:00",
               "oscal-version": "1.2.0", "parties": [{"uuid": "p1", "type": "organization", "name": "Example Bank"}]},
  "provenance": {"method": "human", "matching-rationale": "semantic", "status": "complete",
                 "confidence-score": {"category": "medium"}},
  "mappings": [{"uuid": "m1",
    "source-resource": {"type": "catalog", "href": "https://example.org/meti.json",
                        "props": [{"name": "framework", "value": "meti_cloud"}]},
    "target-resource": {"type": "catalog", "href": "fisc8"},
    "maps": [
      {"uuid": "a1", "relationship": "equivalent-to", "matching-rationale": "syntactic",
       "sources": [{"type": "control", "id-ref": "4.3"}], "targets": [{"type": "control", "id-ref": "運27"}],
       "remarks": "both ask for backups"},
      {"uuid": "a2", "relationship": {"type": "equivalent-to"}, "confidence-score": {"category": "low", "percentage": 0.3},
       "sources": [{"type": "control", "id-ref": "12.5"}, {"type": "control", "id-ref": "13.4"}],
       "targets": [{"type": "control", "id-ref": "運29"}]},
      {"uuid": "a3", "relationship": "no-relationship",
       "sources": [{"type": "control", "id-ref": "15.4"}], "targets": [{"type": "control", "id-ref": "運27"}]}]}]}}$j$, 'UTF8'),
  'oscal-json') AS loaded;
SELECT from_control::text, to_control::text, relationship, rationale, confidence, method, made_by,
       to_char(made_at, 'YYYY-MM-DD') AS made_at, source, note
  FROM kansa.control_link WHERE NOT builtin ORDER BY from_control, to_control;
-- no-relationship links are kept, never followed
SELECT count(*) AS paths_over_no_relationship FROM kansa.control_path
 WHERE source_control = 'meti_cloud:15.4' AND target_control = 'fisc8:運27';
-- CSV: whole control ids; options give the provenance; a user link of the
-- same pair the same way round is replaced
SELECT kansa.import_links(convert_to(E'Source,Target,Relationship,Rationale,Confidence,Note\r\n'
    'meti_cloud:4.3,fisc8:運27,superset-of,functional,high,"restated, with a comma"\r\n'
    'iso27017:CLD.12.4.5,asp_saas:III.1.1.1,intersects-with,,,\r\n', 'UTF8'), 'csv',
    '{"source": "Example Bank crosswalk 2026.csv", "made_by": "Example Bank vendor-risk desk", "made_at": "2026-04-01", "method": "human"}') AS loaded;
SELECT from_control::text, to_control::text, relationship, rationale, confidence, made_by,
       to_char(made_at, 'YYYY-MM-DD') AS made_at, source, note
  FROM kansa.control_link WHERE NOT builtin AND made_by LIKE 'Example Bank v%' ORDER BY from_control;
SELECT count(*) - (SELECT n FROM links_before) AS added FROM kansa.control_link;

-- bad input: an error naming where (and saying what, in its detail), and
-- nothing stored
\set VERBOSITY default
CREATE TEMP TABLE links_now AS SELECT count(*) AS n FROM kansa.control_link;
CREATE FUNCTION pg_temp.links_changed() RETURNS boolean LANGUAGE sql
    AS $$SELECT (SELECT count(*) FROM kansa.control_link) <> (SELECT n FROM links_now)$$;
CREATE FUNCTION pg_temp.oscal(maps text, src text DEFAULT 'meti_cloud', tgt text DEFAULT 'asp_saas')
    RETURNS bytea LANGUAGE sql
    AS $$SELECT convert_to('{"mapping-collection": {"uuid": "u", "metadata": {"title": "t"}, "mappings": [{"uuid": "m", '
                            || '"source-resource": {"type": "catalog", "href": "' || src || '"}, '
                            || '"target-resource": {"type": "catalog", "href": "' || tgt || '"}, "maps": '
                            || maps || '}]}}', 'UTF8')$$;
SELECT kansa.import_links(pg_temp.oscal('[{"uuid": "x", "relationship": "equals", "sources": [{"type": "control", "id-ref": "4.3"}], "targets": [{"type": "control", "id-ref": "III.2.3.1"}]}]'), 'oscal-json');
SELECT kansa.import_links(pg_temp.oscal('[{"uuid": "x", "relationship": {"type": "equal-to", "ns": "https://example.org/ns"}, "sources": [{"type": "control", "id-ref": "4.3"}], "targets": [{"type": "control", "id-ref": "III.2.3.1"}]}]'), 'oscal-json');
SELECT kansa.import_links(pg_temp.oscal('[{"uuid": "x", "sources": [{"type": "control", "id-ref": "4.3"}], "targets": [{"type": "control", "id-ref": "III.2.3.1"}]}]'), 'oscal-json');
SELECT kansa.import_links(pg_temp.oscal('[{"uuid": "x", "relationship": "equal-to", "sources": [], "targets": [{"type": "control", "id-ref": "III.2.3.1"}]}]'), 'oscal-json');
SELECT kansa.import_links(pg_temp.oscal('[{"uuid": "x", "relationship": "equal-to", "sources": [{"type": "control", "id-ref": 43}], "targets": [{"type": "control", "id-ref": "III.2.3.1"}]}]'), 'oscal-json');
SELECT kansa.import_links(pg_temp.oscal('[{"uuid": "x", "relationship": "equal-to", "sources": [{"type": "statement", "id-ref": "4.3_smt"}], "targets": [{"type": "control", "id-ref": "III.2.3.1"}]}]'), 'oscal-json');
SELECT kansa.import_links(pg_temp.oscal('[{"uuid": "x", "relationship": "equal-to", "sources": [{"type": "control", "id-ref": "4.99"}], "targets": [{"type": "control", "id-ref": "III.2.3.1"}]}]'), 'oscal-json');
SELECT kansa.import_links(pg_temp.oscal('[{"uuid": "x", "relationship": "equal-to", "sources": [{"type": "control", "id-ref": "4"}], "targets": [{"type": "control", "id-ref": "III.2.3.1"}]}]'), 'oscal-json');
SELECT kansa.import_links(pg_temp.oscal('[{"uuid": "x", "relationship": "equal-to", "sources": [{"type": "control", "id-ref": "4:3"}], "targets": [{"type": "control", "id-ref": "III.2.3.1"}]}]'), 'oscal-json');
SELECT kansa.import_links(pg_temp.oscal('[{"uuid": "x", "relationship": "equal-to", "matching-rationale": "gut", "sources": [{"type": "control", "id-ref": "4.3"}], "targets": [{"type": "control", "id-ref": "III.2.3.1"}]}]'), 'oscal-json');
SELECT kansa.import_links(pg_temp.oscal('[{"uuid": "x", "relationship": "equal-to", "confidence-score": {"category": "sure"}, "sources": [{"type": "control", "id-ref": "4.3"}], "targets": [{"type": "control", "id-ref": "III.2.3.1"}]}]'), 'oscal-json');
-- the first map is good, the second repeats its pair: nothing of either is
-- stored
SELECT kansa.import_links(pg_temp.oscal('[{"uuid": "x", "relationship": "equal-to", "sources": [{"type": "control", "id-ref": "1.1"}], "targets": [{"type": "control", "id-ref": "III.3.2.4"}]}, {"uuid": "y", "relationship": "equal-to", "sources": [{"type": "control", "id-ref": "1.1"}, {"type": "control", "id-ref": "1.2"}], "targets": [{"type": "control", "id-ref": "III.3.2.4"}]}]'), 'oscal-json');
SELECT kansa.import_links(pg_temp.oscal('[{"uuid": "x", "relationship": "equal-to", "sources": [{"type": "control", "id-ref": "4.3"}], "targets": [{"type": "control", "id-ref": "III.2.3.1"}]}]'), 'oscal-json');
-- resources kansa does not know: the id-refs must be whole control ids
SELECT kansa.import_links(pg_temp.oscal('[{"uuid": "x", "relationship": "equal-to", "sources": [{"type": "control", "id-ref": "fisc8:運27"}], "targets": [{"type": "control", "id-ref": "fisc8:運28"}]}]',
                                        'https://example.org/a.json', 'https://example.org/b.json'), 'oscal-json');
SELECT kansa.import_links(pg_temp.oscal('[{"uuid": "x", "relationship": "equal-to", "sources": [{"type": "control", "id-ref": "運27"}], "targets": [{"type": "control", "id-ref": "III.2.3.2"}]}]',
                                        'https://example.org/a.json'), 'oscal-json');
SELECT kansa.import_links(pg_temp.oscal('[{"uuid": "x", "relationship": "equal-to", "sources": [{"type": "control", "id-ref": "fisc8:運27"}], "targets": [{"type": "control", "id-ref": "III.2.3.2"}]}]'), 'oscal-json');
SELECT kansa.import_links(convert_to('{"mapping-collection": {"mappings": [{"source-resource": {"type": "catalog", "href": "x", "props": [{"name": "framework", "value": "nist80053"}]}}]}}', 'UTF8'), 'oscal-json');
SELECT kansa.import_links(pg_temp.oscal('{"uuid": "x"}'), 'oscal-json');
SELECT kansa.import_links(pg_temp.oscal('[]'), 'oscal-json');
SELECT kansa.import_links(pg_temp.oscal('["map"]'), 'oscal-json');
SELECT kansa.import_links(convert_to('{"catalog": {}}', 'UTF8'), 'oscal-json');
SELECT kansa.import_links(convert_to('[1, 2]', 'UTF8'), 'oscal-json');
SELECT kansa.import_links(convert_to('{"mapping-collection": {"mappings": [{"uuid": "m"}]}}', 'UTF8'), 'oscal-json');
SELECT kansa.import_links(convert_to('{"mapping-collection": {"metadata": {"last-modified": "March 2026"}, "mappings": []}}', 'UTF8'), 'oscal-json');
SELECT kansa.import_links(convert_to('{"mapping-collection": ', 'UTF8'), 'oscal-json');
SELECT kansa.import_links('\xfffe7b'::bytea, 'oscal-json');
SELECT kansa.import_links(convert_to('{}', 'UTF8'), 'xml');
SELECT kansa.import_links(NULL, 'csv');
SELECT kansa.import_links(convert_to('{}', 'UTF8'), NULL);
SELECT kansa.import_links(convert_to('{}', 'UTF8'), 'csv', NULL);
SELECT kansa.import_links(convert_to('{}', 'UTF8'), 'csv', '{"made_at": "soon"}');
-- CSV: the row and column
SELECT kansa.import_links(convert_to(E'source,target,relationship\nmeti_cloud:4.3,asp_saas:III.2.3.1,equal\n', 'UTF8'), 'csv');
SELECT kansa.import_links(convert_to(E'source,target,relationship\nmeti_cloud:4.3,asp_saas:III.9.9.9,equal-to\n', 'UTF8'), 'csv');
SELECT kansa.import_links(convert_to(E'source,target,relationship\n4.3,asp_saas:III.2.3.1,equal-to\n', 'UTF8'), 'csv');
SELECT kansa.import_links(convert_to(E'source,target,relationship\nmeti_cloud:1.1,asp_saas:III.3.2.4,equal-to\n,asp_saas:III.3.2.5,equal-to\n', 'UTF8'), 'csv');
SELECT kansa.import_links(convert_to(E'source,target,relationship\nmeti_cloud:1.1,asp_saas:III.3.2.4,equal-to,extra\n', 'UTF8'), 'csv');
SELECT kansa.import_links(convert_to(E'source,target,kind\nmeti_cloud:1.1,asp_saas:III.3.2.4,equal-to\n', 'UTF8'), 'csv');
SELECT kansa.import_links(convert_to(E'source,target\nmeti_cloud:1.1,asp_saas:III.3.2.4\n', 'UTF8'), 'csv');
SELECT kansa.import_links(convert_to(E'source,target,relationship\nmeti_cloud:1.1,asp_saas:III.3.2.4,equal-to\nasp_saas:III.3.2.4,meti_cloud:1.1,equal-to\n', 'UTF8'), 'csv');
SELECT kansa.import_links(convert_to(E'source,target,relationship\n', 'UTF8'), 'csv');
SELECT kansa.import_links(''::bytea, 'csv');
SELECT pg_temp.links_changed() AS changed_by_a_failure;

-- hostile: deep nesting, a huge cross product, a file over the cap
DO $$
BEGIN
    PERFORM kansa.import_links(convert_to(repeat('[', 100000) || repeat(']', 100000), 'UTF8'), 'oscal-json');
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'deep nesting: SQLSTATE %', SQLSTATE;
END
$$;
SELECT kansa.import_links(pg_temp.oscal(
    '[{"uuid": "x", "relationship": "intersects-with", "sources": '
    || (SELECT jsonb_agg(jsonb_build_object('type', 'control', 'id-ref', c.id::text))::text
          FROM kansa.control AS c, generate_series(1, 4) WHERE c.framework = 'fisc8' AND c.kind = 'control')
    || ', "targets": '
    || (SELECT jsonb_agg(jsonb_build_object('type', 'control', 'id-ref', c.id::text))::text
          FROM kansa.control AS c, generate_series(1, 2) WHERE c.framework = 'asp_saas' AND c.kind = 'control')
    || '}]', '#whole-ids', '#whole-ids'), 'oscal-json');
SELECT pg_size_pretty(octet_length(pg_temp.oscal('[' || repeat('{"uuid": "x"}, ', 100000) || '{}]'))::bigint) AS size;
RESET ROLE;
SET kansa.import_max_file_size = '1MB';
SET ROLE crosswalk_admin;
SELECT kansa.import_links(pg_temp.oscal('[' || repeat('{"uuid": "x"}, ', 100000) || '{}]'), 'oscal-json');
SELECT pg_temp.links_changed() AS changed_by_a_failure;
RESET ROLE;
RESET kansa.import_max_file_size;
\set VERBOSITY terse

-- links imported feed the projection at once
SELECT local_id, projection, verdict, review_verdicts, path
  FROM kansa.projected_coverage('fisc8', :light2) WHERE local_id IN ('運27', '運29') ORDER BY position;

-- reference_check follows equal-to and equivalent-to links either way round:
-- the METI backup item checked against III.2.3.1's reference values of
-- pattern 1, then the same link stored the other way round
SELECT pattern FROM kansa.service_set('Example Bank', '株式会社LIGHT2', 'ものづくりコネクテッドクラウドサービス',
                                      pattern => 1);
CREATE TEMP VIEW backup_check AS
SELECT letter, control, link, required_value, stated_measure, satisfied FROM kansa.reference_check
 WHERE service = 'ものづくりコネクテッドクラウドサービス' AND reference_control = 'asp_saas:III.2.3.1'
 ORDER BY letter;
SELECT * FROM backup_check;
DELETE FROM kansa.control_link WHERE from_control = 'meti_cloud:4.3' AND to_control = 'asp_saas:III.2.3.1';
INSERT INTO kansa.control_link (from_control, to_control, relationship, source)
VALUES ('asp_saas:III.2.3.1', 'meti_cloud:4.3', 'equivalent-to', 'crosswalk test: stored the other way round');
SELECT * FROM backup_check;
-- an intersects-with link is not followed: 4.3 gives way to 12.5, which
-- restates the item too
UPDATE kansa.control_link SET relationship = 'intersects-with'
 WHERE from_control = 'asp_saas:III.2.3.1' AND kansa.framework(to_control) = 'meti_cloud';
SELECT * FROM backup_check;
-- the maintained summaries followed every link change (a link stored either
-- way round moves the assessments of both its frameworks)
SELECT count(*) AS mismatched
  FROM ((SELECT * FROM kansa.assessment_summary EXCEPT ALL SELECT * FROM kansa.assessment_summary_recomputed)
        UNION ALL
        (SELECT * FROM kansa.assessment_summary_recomputed EXCEPT ALL SELECT * FROM kansa.assessment_summary)) AS d;

ROLLBACK;
\set ON_ERROR_ROLLBACK off
SELECT count(setval(seq, COALESCE(last_value, start_value), last_value IS NOT NULL)) = count(*) AS sequences_set_back
  FROM crosswalk_sequences;
SELECT (SELECT count(*) FROM kansa.organization) AS organizations, (SELECT count(*) FROM kansa.response) AS responses,
       (SELECT count(*) FROM kansa.control_link) AS links
EXCEPT SELECT * FROM crosswalk_rows;
SELECT count(*) AS roles_left FROM pg_roles WHERE rolname LIKE 'crosswalk%';
