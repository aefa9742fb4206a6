-- kansa.evidence: canonical forms, accessors, invalid input, indexes, I/O,
-- and extract_evidence on answers of many shapes.
SET search_path = kansa, public;

SELECT s, s::evidence AS canonical, kind(s::evidence), ref(s::evidence)
  FROM (VALUES ('url:HTTPS://Web.LiveOn.ne.jp/support/kiyaku/'),
               ('url:https://example.com/a?b=1#c).'),
               ('url:ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ／'),
               ('cert:jqa-im1944'), ('cert:ISO27001/JQA-IM1944'), ('cert:JP15/080358'),
               ('CERT: iso27017 / jqa-ic0112'),
               ('clause:iso27001:a.12.3'), ('clause:ISO27017:cld 9.5.1'),
               ('doc:利用規約#第11条'), ('doc:LiveOn サービス利用規約'),
               ('report:soc 2 type ii'), ('report:SOC1'), ('report:isae 3402'),
               ('report:SSAE18')) AS t (s);

-- a blank dropped before a combining mark leaves it to compose: the
-- canonical form reads back as itself (found by fuzzing; NFKC makes "¨" a
-- space and U+0308)
SELECT s, s::evidence AS canonical, s::evidence::text::evidence = s::evidence AS reads_back
  FROM (VALUES ('doc:si¨to'), ('doc:x o ¨ y'), ('clause:x:i¨to')) AS t (s);

SELECT 'clause:iso27001:A.12.3'::evidence::control_id;
SELECT 'doc:利用規約'::evidence::control_id;

SELECT s, is_valid_evidence(s)
  FROM (VALUES ('url:https://a.b'), ('url:ftp://a.b'), ('url:https://'), ('url:https://a b'),
               ('cert:'), ('cert:FOO/123'), ('cert:ISO27001/'), ('clause:nope'),
               ('doc:'), ('doc:#第1条'), ('doc:a#b#c'), ('report:SOC4'), ('report:SOC2 Type3'),
               ('nokind'), ('memo:hello')) AS t (s);

-- invalid input
SELECT 'nokind'::evidence;
SELECT 'memo:hello'::evidence;
SELECT 'url:ftp://example.com'::evidence;
SELECT 'cert:FOO/123'::evidence;
SELECT 'clause:iso27001'::evidence;
SELECT 'report:SOC9'::evidence;
SELECT ('doc:' || repeat('長', 200))::evidence;

-- order, opclasses, indexes
SELECT e FROM unnest('{url:https://b.example,cert:JQA-IM1944,doc:利用規約,clause:iso27001:A.9,report:SOC1}'::evidence[]) e ORDER BY e;
SELECT amvalidate(oid) FROM pg_opclass WHERE opcname IN ('evidence_ops', 'evidence_hash_ops') ORDER BY opcname;
CREATE TEMP TABLE ev (e evidence);
INSERT INTO ev SELECT ('doc:規約#第' || g || '条')::evidence FROM generate_series(1, 500) g;
CREATE INDEX ev_btree ON ev (e);
CREATE INDEX ev_hash ON ev USING hash (e);
ANALYZE ev;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM ev WHERE e = 'doc:規約#第7条';
SELECT * FROM ev WHERE e = 'doc: 規約 #第7条';
DROP INDEX ev_btree;
EXPLAIN (COSTS OFF) SELECT * FROM ev WHERE e = 'doc:規約#第7条';
RESET enable_seqscan;
RESET enable_bitmapscan;
\copy ev TO 'results/evidence.bin' WITH (FORMAT binary)
CREATE TEMP TABLE ev2 (e evidence);
\copy ev2 FROM 'results/evidence.bin' WITH (FORMAT binary)
SELECT (SELECT array_agg(e ORDER BY e) FROM ev) = (SELECT array_agg(e ORDER BY e) FROM ev2) AS round_trip;
-- recv checks the version and validates the text
\! test/fixtures/pgcopy-binary results/ev_ok.bin '#1' 'DOC:LiveOn サービス利用規約'
\! test/fixtures/pgcopy-binary results/ev_badver.bin '#2' 'doc:x'
\! test/fixtures/pgcopy-binary results/ev_badkind.bin '#1' 'memo:x'
CREATE TEMP TABLE ev_recv (e evidence);
\copy ev_recv FROM 'results/ev_ok.bin' WITH (FORMAT binary)
SELECT e FROM ev_recv;
\copy ev_recv FROM 'results/ev_badver.bin' WITH (FORMAT binary)
\copy ev_recv FROM 'results/ev_badkind.bin' WITH (FORMAT binary)

-- extraction
SELECT t, array(SELECT extract_evidence(t)) AS evidence
  FROM (VALUES
    ('当社はISO/IEC27001:2013/JIS Q 27001:2014の要求事項に適合し、認証登録番号 JQA-IM1944 を保有しています。'),
    ('ISO/IEC 27017 の要求事項に適合し、認証登録番号 JQA-IC0112 を保有しています。'),
    ('ISMS認証（JP15/080358）を取得しています。'),
    ('この基準では、「バックアップ」（ISO27001：2013、附属書A.12.3）が規定されています。'),
    ('■利用規約(第12条、第13条) https://example.com/terms.pdf 詳細は利用規約をご確認ください。'),
    ('詳細は「10.1.1 暗号による管理策の利用方針」およびCLD9.5.1を参照。'),
    ('SOC2 Type II報告書およびSOC 1レポートを提供可能です。ISAE 3402にも対応しています。'),
    ('See our Terms of Service and Privacy Policy at <https://example.com/legal>.'),
    ('We hold ISO 27001 certificate number IS 123456.'),
    ('ソフトウェアの利用規約、契約書等を確認しています。'),
    ('ISMS（ISO27001）認証を受けています。'),
    ('社内規程に従い管理しています。'),
    ('バージョン1.2.3を利用しています。'),
    ('<p>詳しくは<a href="https://example.com/x">こちら</a>。</p>'),
    ('')
  ) AS v (t);

-- a clause number too long for a control_id is not cited evidence, and
-- every item extracted reads back as itself (found by fuzzing: the long
-- CLD number came out as a value the type refuses)
SELECT e, e::text::evidence = e AS reads_back
  FROM extract_evidence('CLD.9.5.' || repeat('4', 80) || '、附属書A.' || repeat('1', 70)
                        || '、CLD.9.5.1 と附属書A.12.3 を参照。') AS e;
