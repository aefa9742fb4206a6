-- kansa.control_id: normalisation, natural order, operators, indexes, I/O.
SET search_path = kansa, public;
SET client_min_messages = warning;

-- canonical forms
SELECT 'FISC8:運 10-1'::control_id, 'fisc8:運１０－１'::control_id,
       'fisc8:運10‐1'::control_id, 'asp_saas:Ⅲ. 1. 1. 1'::control_id,
       'iso27017:cld.9.5.1'::control_id;

-- the issue's equalities
SELECT 'FISC8:運 10-1'::control_id = 'fisc8:運10-1' AS a,
       'fisc8:運１０－１'::control_id = 'fisc8:運10-1' AS b,
       'fisc8:運10‐1'::control_id = 'fisc8:運10-1' AS c,
       'asp_saas:Ⅲ. 1. 1. 1'::control_id = 'asp_saas:III.1.1.1' AS d,
       'iso27017:cld.9.5.1'::control_id = 'iso27017:CLD.9.5.1' AS e;

-- more normalisation: every dash, ideographic and other spaces, dots,
-- full-width letters, surrounding blanks, a full-width colon
SELECT s, s::control_id AS canonical
  FROM (VALUES ('fisc8:運10‑1'), ('fisc8:運10‒1'), ('fisc8:運10–1'),
               ('fisc8:運10—1'), ('fisc8:運10―1'), ('fisc8:運10−1'),
               ('fisc8:運10﹣1'), ('fisc8:設　83－1'), ('  fisc8 : 設 83 - 1  '),
               ('fisc8：設８３'), ('asp_saas:..III..1...1.'),
               ('ISO27017:ＣＬＤ６．３．１'), ('iso27017:CLD 6.3.1'),
               ('meti_cloud:8.2(1)'), ('x:a&b/c_d(e)'), ('x:ä'),
               (E'x:a\tb\nc'), ('x:운영'), ('x:①.⑵')) AS t (s);

-- a blank dropped between a letter and a combining mark leaves them to
-- compose: the canonical form is NFKC again, and reads back as itself
-- (found by fuzzing; "´" and "¨" are a space and a combining mark in NFKC)
SELECT s, s::control_id AS canonical,
       s::control_id::text::control_id = s::control_id AS reads_back
  FROM (VALUES ('x:p´'), (E'x:p \u0301'), ('x:I¨TO07'), ('x:ﾊﾞ ゙')) AS t (s);
SELECT control_id('x', 'p´') = 'x:p´'::control_id AS make_agrees;

-- natural order
SELECT x FROM unnest(ARRAY[
  'fisc8:運11', 'fisc8:運10-1', 'fisc8:運2', 'fisc8:運10', 'fisc8:設84',
  'fisc8:設83-1', 'fisc8:設83', 'asp_saas:X.1', 'asp_saas:IX.1',
  'asp_saas:III.1.1.1', 'asp_saas:II.8.1.1', 'asp_saas:III.1',
  'asp_saas:III.1.1', 'iso27017:10.1.1', 'iso27017:9.4.1',
  'iso27017:CLD.9.5.1', 'iso27017:A.12.3', 'x:1', 'x:01', 'x:001', 'x:I',
  'x:XL', 'x:XXXIX', 'x:IIII', 'x:V', 'x:4', 'x:5', 'x:A', 'x:a1',
  'x:A2', 'x:A10', 'x:A10B', 'x:A10.1', 'x:1.A', 'x:1.1',
  'x:12345678901234567890', 'x:9999999999', 'fisc10:統1', 'aaa:1'
]::control_id[]) AS x ORDER BY x;

-- the ids imported catalogs bring: CSA CCM/CAIQ (A&A-01.1 under A&A-01
-- under A&A), OSCAL (ac-2.1, a control enhancement of ac-2; label AC-2(1))
-- and ISMAP's 管理基準 style (5.1.1.P): read, made canonical, and in natural
-- order (numbers as numbers, digits before letters in a segment's place)
SELECT s, s::control_id AS canonical, parent(s::control_id), depth(s::control_id),
       s::control_id::text::control_id = s::control_id AS reads_back
  FROM (VALUES ('caiq:A&A-01.1'), ('caiq:a&a-01'), ('caiq:A&A'), ('caiq:ＡＩＳ－１０．２'),
               ('caiq: DSP-05 . 3'), ('nist:ac-2.1'), ('nist:AC-2(1)'), ('nist:ac-2_smt.a'),
               ('nist:si-4.10'), ('ismap:5.1.1.P'), ('ismap:5.1.1.1.PB'), ('ismap:５．１．１．Ｂ')) AS t (s);
SELECT x FROM unnest(ARRAY[
  'caiq:AIS-01.1', 'caiq:A&A-10.1', 'caiq:A&A-02.1', 'caiq:A&A-01.10', 'caiq:A&A-01.2',
  'caiq:A&A-01.1', 'caiq:A&A-01', 'caiq:A&A', 'caiq:AIS-10.1', 'caiq:AIS-02.1', 'caiq:BCR-01.1',
  'caiq:UEM-14.1', 'nist:ac-2.1', 'nist:ac-10', 'nist:ac-2', 'nist:ac-2.10', 'nist:ac-2.2',
  'nist:ac-1', 'nist:at-1', 'nist:ac-20', 'ismap:5.1.1.P', 'ismap:5.1.1.1', 'ismap:5.1.1',
  'ismap:5.1.10.P', 'ismap:5.1.2.P', 'ismap:5.1.1.10.B', 'ismap:5.1.1.2.B', 'ismap:5.1.1.B',
  'ismap:6.1.1.P', 'ismap:5.10.1.P'
]::control_id[]) AS x ORDER BY x;
SELECT 'caiq:A&A-01'::control_id @> 'caiq:A&A-01.1' AS ccm_control_holds_question,
       'caiq:A&A-01'::control_id @> 'caiq:A&A-010.1' AS not_by_prefix,
       'nist:ac-2'::control_id @> 'nist:AC-2.1' AS control_holds_enhancement,
       'ismap:5.1.1'::control_id @> 'ismap:5.1.1.P' AS clause_holds_part,
       'caiq:A&A-01.1'::control_id = 'caiq:a&a-01.1' AS case_folded,
       'caiq:A&A-01.1'::control_id = 'caiq:A&A-1.1' AS leading_zero_kept,
       'caiq:A&A-1.1'::control_id < 'caiq:A&A-01.1' AS unpadded_first;

-- the comparison operators agree with each other
SELECT a, b, a < b AS lt, a <= b AS le, a = b AS eq, a <> b AS ne,
       a >= b AS ge, a > b AS gt, control_id_cmp(a, b) AS cmp
  FROM (VALUES ('fisc8:運2'::control_id, 'fisc8:運10'::control_id),
               ('fisc8:運10', 'fisc8:運10-1'),
               ('asp_saas:III.1', 'asp_saas:III.1.1'),
               ('asp_saas:IX.1', 'asp_saas:X.1'),
               ('x:1', 'x:01'), ('x:3', 'x:III'),
               ('fisc10:設1', 'fisc8:設1'),
               ('fisc8:設1', 'fisc8:設 1')) AS t (a, b);

-- hierarchy
SELECT 'asp_saas:III.2'::control_id @> 'asp_saas:III.2.3.1' AS anc,
       'asp_saas:III.2'::control_id @> 'asp_saas:III.21' AS not_anc,
       'asp_saas:III.2'::control_id @> 'asp_saas:III.2' AS self,
       'asp_saas:III.2.3.1'::control_id <@ 'asp_saas:III.2' AS desc,
       'asp_saas:III.2'::control_id @> 'fisc8:III.2.1' AS other_framework;
SELECT id, parent(id), depth(id), framework(id), local_id(id)
  FROM unnest(ARRAY['asp_saas:III.1.1.1', 'asp_saas:III', 'fisc8:設83-1',
                    'iso27017:CLD.9.5.1']::control_id[]) AS id;
SELECT control_id('FISC8', '運 10－1'), control_id(' iso27017 ', 'cld6.3.1');

-- casts
SELECT 'fisc8:運1'::text::control_id::text, pg_typeof('fisc8:運1'::control_id::text);
CREATE TEMP TABLE cid_assign (c control_id, t text);
INSERT INTO cid_assign SELECT 'fisc8:設 1'::text, 'fisc8:設 2'::control_id;
SELECT * FROM cid_assign;

-- is_valid_control_id
SELECT left(s, 24) AS s, length(s), is_valid_control_id(s)
  FROM (VALUES ('fisc8:運10-1'), ('fisc8'), ('fisc8:'), ('8x:1'), ('x:a#b'),
               ('x:' || repeat('a', 64)), ('x:' || repeat('a', 65)),
               ('x:' || repeat('字', 21)), ('x:' || repeat('字', 22)),
               ('x:' || repeat('a', 2000)), ('x:...')) AS t (s);

-- invalid input
SELECT 'fisc8'::control_id;
SELECT 'fisc8:'::control_id;
SELECT 'fisc8:  . . '::control_id;
SELECT ':a'::control_id;
SELECT '8fisc:a'::control_id;
SELECT 'fi sc:a'::control_id;
SELECT 'fisc-8:a'::control_id;
SELECT 'abcdefghijklmnopqrstuvwxyzabcdefg:1'::control_id;
SELECT 'fisc8:a#b'::control_id;
SELECT 'fisc8:設1:2'::control_id;
SELECT 'fisc8:設1〜3'::control_id;
SELECT 'fisc8:😀'::control_id;
SELECT E'fisc8:a\u200Bb'::control_id;
SELECT ('fisc8:' || repeat('a', 70))::control_id;
SELECT ('x:' || repeat('a', 2000))::control_id;
SELECT control_id('fisc8', 'a:b');
SELECT control_id('', 'a');

-- catalogs of the opclasses are consistent
SELECT amvalidate(oid) FROM pg_opclass
 WHERE opcname IN ('control_id_ops', 'control_id_hash_ops')
 ORDER BY opcname;

-- indexes are used
CREATE TEMP TABLE cid (id control_id);
INSERT INTO cid SELECT control_id('x', 'A.' || g || '.' || (g % 7)) FROM generate_series(1, 2000) g;
CREATE INDEX cid_btree ON cid USING btree (id);
CREATE INDEX cid_hash ON cid USING hash (id);
ANALYZE cid;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
DROP INDEX cid_hash;
EXPLAIN (COSTS OFF) SELECT * FROM cid WHERE id = 'x:A.10.3';
EXPLAIN (COSTS OFF) SELECT * FROM cid WHERE id < 'x:A.10' ORDER BY id;
SELECT * FROM cid WHERE id < 'x:A.10' ORDER BY id;
CREATE INDEX cid_hash ON cid USING hash (id);
DROP INDEX cid_btree;
EXPLAIN (COSTS OFF) SELECT * FROM cid WHERE id = 'x:A.10.3';
SELECT * FROM cid WHERE id = 'x: a . 10 . 3';
RESET enable_seqscan;
RESET enable_bitmapscan;

-- hash join, merge join and sort agree
SET enable_mergejoin = off;
SELECT count(*) FROM cid a JOIN cid b ON a.id = b.id;
RESET enable_mergejoin;
SET enable_hashjoin = off;
SELECT count(*) FROM cid a JOIN cid b ON a.id = b.id;
RESET enable_hashjoin;
-- an in-memory sort with abbreviated keys agrees with the btree order
SELECT count(*) AS out_of_order FROM (
  SELECT id, lag(id) OVER (ORDER BY id) AS prev FROM cid
) s WHERE prev >= id;

-- hash functions agree with equality across spellings
SELECT control_id_hash('fisc8:運 10-1') = control_id_hash('fisc8:運10－1') AS h32,
       control_id_hash_extended('fisc8:運 10-1', 42) = control_id_hash_extended('fisc8:運10－1', 42) AS h64,
       (control_id_hash_extended('fisc8:運 10-1', 0) & 4294967295) =
       (control_id_hash('fisc8:運 10-1')::bigint & 4294967295) AS seed0_low32,
       control_id_hash_extended('fisc8:運 10-1', 0) <> control_id_hash_extended('fisc8:運 10-1', 1) AS seeded;

-- binary send/recv round trip through \copy
CREATE TEMP TABLE cid_copy (id control_id);
INSERT INTO cid_copy VALUES ('fisc8:運10-1'), ('asp_saas:III.1.1.1'), ('x:ä字');
\copy cid_copy TO 'results/control_id.bin' WITH (FORMAT binary)
CREATE TEMP TABLE cid_copy2 (id control_id);
\copy cid_copy2 FROM 'results/control_id.bin' WITH (FORMAT binary)
SELECT a.id, b.id IS NOT NULL AS round_trip FROM cid_copy a LEFT JOIN cid_copy2 b ON a.id = b.id ORDER BY a.id;
SELECT control_id_send('fisc8:運10-1');

-- recv validates: hand-made binary COPY files with one control_id each
\! test/fixtures/pgcopy-binary results/cid_ok.bin '#1' 'FISC8:運 10-1'
\! test/fixtures/pgcopy-binary results/cid_badver.bin '#2' 'fisc8:1'
\! test/fixtures/pgcopy-binary results/cid_badchar.bin '#1' 'fisc8:a#b'
\! test/fixtures/pgcopy-binary results/cid_badutf8.bin '#1' 'fisc8:' '#255'
CREATE TEMP TABLE cid_recv (id control_id);
\copy cid_recv FROM 'results/cid_ok.bin' WITH (FORMAT binary)
SELECT id FROM cid_recv;
\copy cid_recv FROM 'results/cid_badver.bin' WITH (FORMAT binary)
\copy cid_recv FROM 'results/cid_badchar.bin' WITH (FORMAT binary)
\copy cid_recv FROM 'results/cid_badutf8.bin' WITH (FORMAT binary)
SELECT count(*) FROM cid_recv;
