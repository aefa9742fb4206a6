-- classify and extract_evidence on 1M answer texts made by repeating the
-- answers of the labelled development set (the three sample sheets), against
-- the classifier a user would write in SQL (the issue's CASE of regular
-- expressions) and against the floor sum(octet_length(txt)).
\ir answers.sql
SET max_parallel_workers_per_gather = 0;
-- 326 distinct texts: keep the planner from memoizing per-text results
SET enable_memoize = off;

SELECT format('1M answers, %s MB of text, %s distinct texts.',
              round(sum(octet_length(txt)) / 1048576.0, 1), (SELECT count(*) FROM seed_answers))
  FROM bench.answers;
SELECT '';
SELECT '| case (1M answers) | baseline, ms | kansa, ms | ratio | target | |';
SELECT '|---|---:|---:|---:|---:|---|';

SELECT set_config('bench.floor', bench.median_ms($$SELECT sum(octet_length(txt)) FROM bench.answers$$, 3)::text, false) \gset
SELECT set_config('bench.classify', bench.median_ms($$SELECT count(*) FROM bench.answers WHERE kansa.classify(txt) IS NOT NULL$$, 3)::text, false) \gset
SELECT set_config('bench.sqlcase', bench.median_ms($$SELECT count(*) FROM bench.answers WHERE (
 case when txt ~ '^\s*$' then 'unanswered'
  when txt ~ '(対象外|該当なし|該当しません)' then 'not_applicable'
  when txt ~ '(予定|検討中|計画中|準備中)' then 'planned'
  when txt ~ 'ただし.*(ません|ない|おりません)' then 'partial'
  when txt ~ '(一部|部分的)' then 'partial'
  when txt ~ '(ございません|ありません|いません|おりません|未実施|ない。)' then 'not_implemented'
  when txt ~ '(Microsoft|AWS|Azure|クラウド事業者|クラウドサービスプロバイダ|データセンター)' then 'implemented/inherited'
  when txt ~ '(ISO ?27001|ISMS).{0,40}(認証|規定)' and length(txt) < 200 then 'unclear'
  else 'implemented' end) IS NOT NULL$$, 3)::text, false) \gset
-- the floor of any structural reader: MeCab's analysis of the same texts
-- (kansa.tokens, which also returns each token as a row: an upper bound)
SELECT set_config('bench.tokens', bench.median_ms($$SELECT count(*) FROM bench.answers, kansa.tokens(txt)$$, 3)::text, false) \gset
SELECT set_config('bench.extract', bench.median_ms($$SELECT count(*) FROM bench.answers, kansa.extract_evidence(txt)$$, 3)::text, false) \gset

-- the SQL CASE classifier and the floor sum(octet_length(txt)) are kept for
-- reference: since the structural reader (issue 16) the target is MeCab's
-- tokenisation of the same texts, no more than 1.5 times it
SELECT format('| classify vs the SQL CASE classifier (reference, not a target) | %s | %s | %s | — | |',
              round(current_setting('bench.sqlcase')::numeric, 1), round(current_setting('bench.classify')::numeric, 1),
              round(current_setting('bench.classify')::numeric / current_setting('bench.sqlcase')::numeric, 2));
SELECT bench.row('classify vs MeCab''s tokenisation alone (kansa.tokens)',
                 current_setting('bench.tokens')::float8, current_setting('bench.classify')::float8, 1.5);
SELECT format('| classify vs the floor sum(octet_length(txt)) (reference, not a target) | %s | %s | %s | — | |',
              round(current_setting('bench.floor')::numeric, 1), round(current_setting('bench.classify')::numeric, 1),
              round(current_setting('bench.classify')::numeric / current_setting('bench.floor')::numeric, 2));
SELECT format('| extract_evidence, 1M answers | %s | %s | %s | (throughput %s answers/s) | |',
              round(current_setting('bench.floor')::numeric, 1), round(current_setting('bench.extract')::numeric, 1),
              round(current_setting('bench.extract')::numeric / current_setting('bench.floor')::numeric, 2),
              round(1000000 / (current_setting('bench.extract')::numeric / 1000)));
