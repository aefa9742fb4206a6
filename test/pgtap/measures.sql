-- The measure type against the ASP・SaaS guideline's published reference values, the
-- quantity vocabulary, the service-pattern tables, and extract_measures
-- against every figure stated in the three sample sheets (a FISC 8 answer sheet, an ISO 27017 whitepaper, a METI check sheet) (the labelled
-- development set; test/fixtures/labels/figures.tsv, written by reading).
BEGIN;
CREATE EXTENSION pgtap;
CREATE EXTENSION kansa;
SET search_path = kansa, public;

\ir ../fixtures/labels/load.sql

CREATE TEMP TABLE expected_figure (file text, control text, quantity text, measure text, span text);
\copy expected_figure FROM 'test/fixtures/labels/figures.tsv' WITH (FORMAT csv, DELIMITER E'\t', HEADER true, QUOTE E'\x01')

CREATE TEMP TABLE found_figure AS
	SELECT l.file, l.control, x.quantity, x.measure::text AS measure, x.span
	  FROM label l, extract_measures(l.txt) x;

SELECT plan(32);

-- the ASP・SaaS guideline: 222 reference values, 64 distinct strings
SELECT is((SELECT count(*)::int FROM reference_value), 222, '222 reference values of asp_saas');
SELECT is((SELECT count(DISTINCT raw)::int FROM reference_value), 64, '64 distinct published strings');
SELECT is((SELECT count(*)::int FROM (SELECT DISTINCT raw FROM reference_value) v WHERE is_valid_measure(raw)), 64,
	'every published string parses');
SELECT is((SELECT count(*)::int FROM (SELECT DISTINCT raw FROM reference_value) v
            WHERE raw::measure::text::measure <> raw::measure
               OR raw::measure::text <> raw::measure::text::measure::text), 0,
	'every published string prints canonically and re-parses to an equal value');
SELECT is((SELECT count(*)::int FROM reference_value WHERE measure <> raw::measure), 0,
	'reference_value.measure is filled at install from raw');
SELECT results_eq(
	$$SELECT kind(measure), count(*)::int FROM reference_value GROUP BY 1 ORDER BY 1$$,
	$$VALUES ('choice', 38), ('count', 6), ('coverage', 7), ('duration', 83), ('frequency', 54),
	         ('none', 22), ('ratio', 6), ('relative', 6)$$,
	'the published values by kind');
SELECT is((SELECT count(*)::int FROM reference_value WHERE must_achieve), 48, 'values marked * (must achieve)');
SELECT is((SELECT count(*)::int FROM reference_value v JOIN reference_item i ON i.id = v.item
            WHERE satisfies(v.measure, v.measure, i.direction) IS NOT TRUE), 0,
	'every reference value satisfies itself');
SELECT is((SELECT count(*)::int FROM reference_value v JOIN reference_item i ON i.id = v.item
            WHERE v.pattern BETWEEN 2 AND 3 AND i.direction IS NOT NULL
              AND satisfies((SELECT w.measure FROM reference_value w WHERE w.item = v.item AND w.pattern = 1),
                            v.measure, i.direction) IS FALSE), 0,
	'pattern 1''s value satisfies patterns 2 and 3 (the stricter pattern) wherever it is a bound');

-- quantity vocabulary
SELECT is((SELECT count(*)::int FROM reference_item WHERE quantity IS NULL), 0, 'every reference item has a quantity');
SELECT is((SELECT count(*)::int FROM reference_value v JOIN reference_item i ON i.id = v.item
             JOIN quantity q ON q.name = i.quantity
            WHERE kind(v.measure) <> 'none' AND NOT kind(v.measure) = ANY (q.kinds)), 0,
	'every reference value is of a kind its quantity allows');
SELECT is((SELECT count(*)::int FROM measure_cues() c LEFT JOIN quantity q ON q.name = c.quantity
            WHERE q.name IS NULL), 0, 'every quantity extract_measures names is in kansa.quantity');
SELECT is((SELECT count(*)::int FROM measure_cues() c JOIN quantity q ON q.name = c.quantity
            WHERE NOT c.kinds <@ q.kinds), 0, 'cues tie only kinds their quantity allows');

-- extraction against the development set
SELECT cmp_ok((SELECT count(*)::int FROM expected_figure), '>=', 20, 'the development set states 20+ figures');
SELECT is((SELECT count(*)::int FROM expected_figure WHERE NOT is_valid_measure(measure)), 0,
	'every expected measure is a valid literal');
SELECT set_eq('SELECT file, control, quantity, measure::measure::text, span FROM expected_figure',
              'SELECT file, control, quantity, measure, span FROM found_figure',
	'every figure stated in the three sample sheets, tied to its quantity, with its words');
SELECT is((SELECT count(*)::int FROM found_figure f WHERE NOT EXISTS (
             SELECT 1 FROM expected_figure e WHERE e.file = f.file AND e.control = f.control)), 0,
	'no figure found in answers that state none');
SELECT is((SELECT count(*)::int FROM label l, extract_measures(l.txt) x
            WHERE x.measure::text::measure <> x.measure), 0, 'extracted measures are canonical');

-- service patterns: the ASP・SaaS guideline's figures 1 and 2
SELECT results_eq(
	$$SELECT saas_pattern(c, a) FROM (VALUES ('高', '高'), ('高', '中'), ('高', '低'),
	                                          ('低', '高'), ('低', '中'), ('低', '低')) v (c, a)$$,
	$$VALUES (1), (2), (3), (4), (5), (6)$$, 'figure 1: patterns 1-6');
SELECT results_eq(
	$$SELECT pattern, count(*)::int FROM service_type GROUP BY 1 ORDER BY 1 NULLS LAST$$,
	$$VALUES (1, 12), (2, 12), (3, 11), (4, 1), (5, 1), (6, 8), (NULL, 13)$$,
	'figure 2: 58 service types, 13 needing an individual decision');
SELECT is((SELECT count(*)::int FROM service_type WHERE saas_pattern_of(name) IS DISTINCT FROM pattern
             OR NOT service_type_known(name)), 0, 'every service type finds its own pattern');
SELECT is((SELECT count(*)::int FROM service_type
            WHERE saas_pattern_of(pg_catalog.upper(replace(name, ' ', ''))) IS DISTINCT FROM pattern), 0,
	'matching ignores case and blanks');

-- the SQLSTATEs the issue names for bad input
SELECT throws_ok($$SELECT 'foo'::measure$$, '22P02', NULL, 'a measure that is none: invalid_text_representation');
SELECT throws_ok($$SELECT '1.5時間'::measure$$, '22P02', NULL, 'a fractional amount: invalid_text_representation');
SELECT throws_ok($$SELECT saas_pattern('medium', 'high')$$, '22023', NULL, 'confidentiality is high or low: invalid_parameter_value');
SELECT throws_ok($$SELECT saas_pattern('high', 'very')$$, '22023', NULL, 'an unknown availability: invalid_parameter_value');
SELECT throws_ok($$SELECT saas_pattern(true, '')$$, '22023', NULL, 'an empty availability: invalid_parameter_value');
SELECT throws_ok($$SELECT satisfies('1d', '1d', 'sideways')$$, '22023', NULL, 'an unknown direction: invalid_parameter_value');

-- intervals: 間隔, おき, 置き make a frequency of the quantity they follow
SELECT is((SELECT string_agg(quantity || ' ' || measure::text, ', ' ORDER BY quantity)
             FROM extract_measures('障害を10分間隔で監視し、検知後30分以内に通知します。')),
          'fault_interval 1/10min, notification_time <=30min',
          '10分間隔 is the monitoring interval, not the next clause''s notification time');
SELECT is((SELECT string_agg(quantity || ' ' || measure::text, ', ')
             FROM extract_measures('死活監視は5分おきに実施しています。')),
          'liveness_interval 1/5min', '5分おき is an interval');
SELECT is('10分間隔'::measure::text, '1/10min', '10分間隔 as a measure');
SELECT is('1時間置き'::measure::text, '1/1h', '1時間置き as a measure');

SELECT * FROM finish();
ROLLBACK;
