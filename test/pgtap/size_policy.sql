-- One input-size policy for every text reader: a text over 8 MiB
-- (8,388,608 bytes) is refused with program_limit_exceeded (54000) by the
-- shared normaliser, whichever public reader it is given to; a text at the
-- limit is read.  Hostile shapes of two million characters are read whole.
BEGIN;
CREATE EXTENSION pgtap;
CREATE EXTENSION kansa;
SET search_path = kansa, public;

CREATE TEMP TABLE big AS SELECT repeat('a', 8 * 1024 * 1024 + 1) AS over,
								repeat('a', 8 * 1024 * 1024) AS at;

SELECT plan(31);

SELECT throws_ok(format('SELECT %s FROM big', e), '54000',
				 'text is too long for kansa (8388609 bytes, max 8388608 bytes)',
				 e || ' refuses a text over the limit')
  FROM unnest(ARRAY[
	'classify(over)', 'classify(over, ARRAY[''x''])', 'classify(''x'', ARRAY[over])',
	'classify_explain(over)', 'classify_explain(over, ARRAY[''x''])',
	'clean_text(over)', 'boilerplate(ARRAY[over, over])',
	'extract_evidence(over)', 'extract_measures(over)',
	'over::kansa.control_id', 'over::kansa.answer', 'over::kansa.evidence', 'over::kansa.measure',
	'is_valid_control_id(over)', 'is_valid_answer(over)', 'is_valid_evidence(over)',
	'is_valid_measure(over)', 'control_id(''fisc8'', over)',
	'answer(over, ''provider'')', 'answer(''implemented'', over)',
	'saas_pattern_of(over)', 'service_type_key(over)']) AS e;

SELECT is((SELECT length(clean_text(at)) FROM big), 8 * 1024 * 1024, 'clean_text reads a text at the limit');
SELECT is((SELECT status(classify(at)) FROM big), 'unclear', 'classify reads a text at the limit');
-- hostile markup, two million characters of each shape, read whole
SELECT is(length(clean_text(repeat('<', 2000000))), 2000000, '2M characters of < read as text');
SELECT is(length(clean_text(repeat('&', 2000000))), 2000000, '2M characters of & read as text');
SELECT is(length(clean_text(repeat('<!--', 500000))), 2000000, 'half a million unclosed comments read as text');
SELECT is(clean_text(repeat('<div><span>', 200000)), '', 'nested tags, two million characters, read as markup');
SELECT is(length(clean_text(repeat('<p class="', 200000))), 2000000, 'unclosed tags read as text');
-- Text longer than MeCab takes at once (it refused 200 KB of "a." as "too
-- long sentence") is analysed in pieces: the tokens cover every byte, each
-- where the one before ends
SELECT is((SELECT count(*) FILTER (WHERE "offset" <> prev_end) + count(*) FILTER (WHERE nothing)
             FROM (SELECT "offset", octet_length(surface) = 0 AS nothing,
                          coalesce(lag("offset" + octet_length(surface)) OVER (ORDER BY "position"), 0) AS prev_end
                     FROM tokens(repeat('a.', 100000))) AS t), 0::bigint,
          'tokens of 200 KB of a. stand each where the one before ends');
SELECT is((SELECT sum(octet_length(surface)) FROM tokens(repeat('a.', 100000))), 200000::bigint,
          'and cover every byte');
SELECT * FROM finish();
ROLLBACK;
