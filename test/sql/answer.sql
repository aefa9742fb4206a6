-- kansa.answer: text forms, sheet marks, CAIQ words, order, functions, aggregates.
SET search_path = kansa, public;

-- canonical forms and what sheets contain
SELECT s, s::answer AS a, status(s::answer), responsibility(s::answer),
       score(s::answer), is_gap(s::answer)
  FROM (VALUES ('implemented'), ('implemented/inherited'), ('partial/customer'),
               ('planned'), ('not_implemented'), ('not_applicable'), ('unclear'),
               ('unanswered'), ('implemented/provider'), ('partial/shared'),
               ('○'), ('◎'), ('〇'), ('△'), ('×'), ('✕'), ('－'), ('―'), ('-'),
               ('Yes'), ('NO'), ('na'), ('N/A'), ('n / a'), ('はい'), ('いいえ'),
               ('実施'), ('実施済'), ('一部実施'), ('未実施'), ('予定'), ('対象外'),
               ('該当なし'), ('  Implemented  '), ('ＹＥＳ'),
               ('Yes/CSP-owned'), ('Yes/CSC-owned'), ('Yes/3rd-party outsourced'),
               ('Yes/Shared CSP and CSC'), ('Yes/Shared CSP and 3rd-party'),
               ('No / csc-owned'), ('○/inherited')) AS t (s);

-- order: worst first, not_applicable last
SELECT a FROM unnest('{implemented,not_applicable,unanswered,partial,unclear,planned,not_implemented,implemented/customer,implemented/inherited,implemented/shared}'::answer[]) a
 ORDER BY a;

-- constructor from parts
SELECT answer('implemented', 'inherited'), answer('Yes', 'CSP-owned'),
       answer('partial', NULL), answer('not_applicable', ''), answer('△', 'shared');

-- aggregates
SELECT worst(a), best(a) FROM unnest('{implemented,partial/inherited,not_applicable}'::answer[]) a;
SELECT worst(a), best(a) FROM unnest('{not_applicable,n/a}'::answer[]) a;
SELECT worst(a), best(a) FROM unnest('{unanswered,implemented}'::answer[]) a;
SELECT worst(a) IS NULL AS empty FROM unnest('{}'::answer[]) a;

-- is_valid_answer
SELECT s, is_valid_answer(s) FROM (VALUES ('implemented'), ('○/shared'), ('foo'), (''),
  ('na/customer'), ('implemented/foo'), ('/'), ('implemented/')) AS t (s);

-- invalid input
SELECT 'foo'::answer;
SELECT ''::answer;
SELECT 'not_applicable/customer'::answer;
SELECT 'unanswered/provider'::answer;
SELECT 'implemented/nobody'::answer;
SELECT 'maybe/customer'::answer;
SELECT answer('sometimes', NULL);
SELECT answer('n/a', 'customer');
-- a long literal is a clean 22P02 up to kansa's text limit (8 MiB), even
-- where its NFKC form is 18 times its size; over the limit, a clean 54000
SELECT repeat('ﷺ', 512)::answer;
SELECT is_valid_answer(repeat('ﷺ', 2000000)) AS accepted;
SELECT is_valid_answer(repeat('ﷺ', 3000000)) AS accepted;
-- answer(status, responsibility) is not STRICT: a NULL status gives NULL,
-- a NULL responsibility the default one
SELECT answer(NULL, 'provider') IS NULL AS null_status, answer(NULL, NULL) IS NULL AS both_null,
	   answer('implemented', NULL) AS null_responsibility;

-- operator classes, indexes, binary round trip
SELECT amvalidate(oid) FROM pg_opclass WHERE opcname IN ('answer_ops', 'answer_hash_ops') ORDER BY opcname;
CREATE TEMP TABLE ans (a answer);
INSERT INTO ans SELECT (ARRAY['implemented','partial','planned','not_implemented','not_applicable','unclear','unanswered','implemented/inherited'])[1 + g % 8]::answer
  FROM generate_series(1, 800) g;
CREATE INDEX ans_btree ON ans (a);
ANALYZE ans;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM ans WHERE a = 'partial';
SELECT count(*) FROM ans WHERE a = 'partial';
DROP INDEX ans_btree;
CREATE INDEX ans_hash ON ans USING hash (a);
EXPLAIN (COSTS OFF) SELECT count(*) FROM ans WHERE a = 'partial';
SELECT count(*) FROM ans WHERE a = 'partial';
RESET enable_seqscan;
RESET enable_bitmapscan;
SELECT a, count(*) FROM ans GROUP BY a ORDER BY a;
\copy ans TO 'results/answer.bin' WITH (FORMAT binary)
CREATE TEMP TABLE ans2 (a answer);
\copy ans2 FROM 'results/answer.bin' WITH (FORMAT binary)
SELECT (SELECT array_agg(a ORDER BY a) FROM ans) = (SELECT array_agg(a ORDER BY a) FROM ans2) AS round_trip;
SELECT answer_send('implemented/inherited'), answer_send('not_applicable');
-- recv checks the version and the combination
\! test/fixtures/pgcopy-binary results/ans_ok.bin '#1' '#5' '#2'
\! test/fixtures/pgcopy-binary results/ans_badver.bin '#2' '#5' '#2'
\! test/fixtures/pgcopy-binary results/ans_badstatus.bin '#1' '#9' '#1'
\! test/fixtures/pgcopy-binary results/ans_nanoresp.bin '#1' '#6' '#1'
CREATE TEMP TABLE ans_recv (a answer);
\copy ans_recv FROM 'results/ans_ok.bin' WITH (FORMAT binary)
SELECT a FROM ans_recv;
\copy ans_recv FROM 'results/ans_badver.bin' WITH (FORMAT binary)
\copy ans_recv FROM 'results/ans_badstatus.bin' WITH (FORMAT binary)
\copy ans_recv FROM 'results/ans_nanoresp.bin' WITH (FORMAT binary)
