-- sql/13_measure.sql: the type measure (a quantity with an optional bound),
-- its constructors, accessors and casts, its comparison operators and
-- operator classes, and what compares and finds figures: satisfies(),
-- satisfies_explain(), extract_measures() and measure_cues().

-----------------------------------------------------------------------------
-- measure: reference values and the figures vendors state
-----------------------------------------------------------------------------

CREATE TYPE kansa.measure;

CREATE FUNCTION kansa.measure_in(cstring) RETURNS kansa.measure
	AS 'MODULE_PATHNAME', 'measure_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.measure_out(kansa.measure) RETURNS cstring
	AS 'MODULE_PATHNAME', 'measure_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.measure_recv(internal) RETURNS kansa.measure
	AS 'MODULE_PATHNAME', 'measure_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.measure_send(kansa.measure) RETURNS bytea
	AS 'MODULE_PATHNAME', 'measure_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE kansa.measure (
	INPUT = kansa.measure_in,
	OUTPUT = kansa.measure_out,
	RECEIVE = kansa.measure_recv,
	SEND = kansa.measure_send,
	INTERNALLENGTH = 12,
	ALIGNMENT = int4,
	STORAGE = plain
);
COMMENT ON TYPE kansa.measure IS
'A quantity with an optional bound, as reference values and vendors state them: frequency (>=1/10min, 1/1d, 1/event), duration (<=20min, 5y), ratio (>=99.5%), count (5gen), coverage (24x365, weekdays 09:00-18:00), relative (service+1y), choice (biometric|ic_card, timestamp&signature), or - (none set). Input also takes the Japanese and English forms of the ASP・SaaS guideline and of vendors (1回以上／5分, 日次, 20分以内, 24時間365日, 生体認証 又は IC カード).';
COMMENT ON FUNCTION kansa.measure_in(cstring) IS 'Input function of measure: the canonical form, or the published Japanese and English forms.';
COMMENT ON FUNCTION kansa.measure_out(kansa.measure) IS 'Output function of measure: the canonical text form.';
COMMENT ON FUNCTION kansa.measure_recv(internal) IS 'Binary input of measure: a format-version byte, then kind, bound, unit, flags and two int4 fields, validated.';
COMMENT ON FUNCTION kansa.measure_send(kansa.measure) IS 'Binary output of measure: a format-version byte, then kind, bound, unit, flags and two int4 fields.';

CREATE FUNCTION kansa.measure(text) RETURNS kansa.measure
	AS 'MODULE_PATHNAME', 'measure_from_text_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.measure(text) IS 'Parses text as a measure (the cast from text).';
CREATE CAST (text AS kansa.measure) WITH FUNCTION kansa.measure(text) AS ASSIGNMENT;
COMMENT ON CAST (text AS kansa.measure) IS 'Parses text as a measure.';
CREATE CAST (kansa.measure AS text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (kansa.measure AS text) IS 'The canonical text form of a measure.';
CREATE FUNCTION kansa.is_valid_measure(text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'measure_is_valid' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.is_valid_measure(text) IS 'True when the text is a measure; the input function''s parser, without raising an error.';
CREATE FUNCTION kansa.kind(kansa.measure) RETURNS text
	AS 'MODULE_PATHNAME', 'measure_kind' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.kind(kansa.measure) IS 'The kind of a measure: frequency, duration, ratio, count, coverage, relative, choice or none.';
CREATE FUNCTION kansa.bound(kansa.measure) RETURNS text
	AS 'MODULE_PATHNAME', 'measure_bound' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.bound(kansa.measure) IS 'The stated bound: <= (以内, within, at most), >= (以上, at least), or NULL when none is stated.';

CREATE FUNCTION kansa.measure_eq(kansa.measure, kansa.measure) RETURNS boolean
	AS 'MODULE_PATHNAME', 'measure_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.measure_ne(kansa.measure, kansa.measure) RETURNS boolean
	AS 'MODULE_PATHNAME', 'measure_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.measure_lt(kansa.measure, kansa.measure) RETURNS boolean
	AS 'MODULE_PATHNAME', 'measure_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.measure_le(kansa.measure, kansa.measure) RETURNS boolean
	AS 'MODULE_PATHNAME', 'measure_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.measure_gt(kansa.measure, kansa.measure) RETURNS boolean
	AS 'MODULE_PATHNAME', 'measure_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.measure_ge(kansa.measure, kansa.measure) RETURNS boolean
	AS 'MODULE_PATHNAME', 'measure_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.measure_cmp(kansa.measure, kansa.measure) RETURNS integer
	AS 'MODULE_PATHNAME', 'measure_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.measure_hash(kansa.measure) RETURNS integer
	AS 'MODULE_PATHNAME', 'measure_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.measure_hash_extended(kansa.measure, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME', 'measure_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION kansa.measure_eq(kansa.measure, kansa.measure) IS 'Implements the measure = operator.';
COMMENT ON FUNCTION kansa.measure_ne(kansa.measure, kansa.measure) IS 'Implements the measure <> operator.';
COMMENT ON FUNCTION kansa.measure_lt(kansa.measure, kansa.measure) IS 'Implements the measure < operator.';
COMMENT ON FUNCTION kansa.measure_le(kansa.measure, kansa.measure) IS 'Implements the measure <= operator.';
COMMENT ON FUNCTION kansa.measure_gt(kansa.measure, kansa.measure) IS 'Implements the measure > operator.';
COMMENT ON FUNCTION kansa.measure_ge(kansa.measure, kansa.measure) IS 'Implements the measure >= operator.';
COMMENT ON FUNCTION kansa.measure_cmp(kansa.measure, kansa.measure) IS 'Order of measures (-1, 0, 1): by kind, then magnitude in common units, then bound; btree support.';
COMMENT ON FUNCTION kansa.measure_hash(kansa.measure) IS 'Hash of a measure, equal for equal values (60min and 1h); hash support.';
COMMENT ON FUNCTION kansa.measure_hash_extended(kansa.measure, bigint) IS 'Seeded 64-bit hash of a measure; hash support.';

CREATE OPERATOR kansa.= (
	LEFTARG = kansa.measure, RIGHTARG = kansa.measure, FUNCTION = kansa.measure_eq,
	COMMUTATOR = OPERATOR(kansa.=), NEGATOR = OPERATOR(kansa.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR kansa.<> (
	LEFTARG = kansa.measure, RIGHTARG = kansa.measure, FUNCTION = kansa.measure_ne,
	COMMUTATOR = OPERATOR(kansa.<>), NEGATOR = OPERATOR(kansa.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR kansa.< (
	LEFTARG = kansa.measure, RIGHTARG = kansa.measure, FUNCTION = kansa.measure_lt,
	COMMUTATOR = OPERATOR(kansa.>), NEGATOR = OPERATOR(kansa.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR kansa.<= (
	LEFTARG = kansa.measure, RIGHTARG = kansa.measure, FUNCTION = kansa.measure_le,
	COMMUTATOR = OPERATOR(kansa.>=), NEGATOR = OPERATOR(kansa.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR kansa.> (
	LEFTARG = kansa.measure, RIGHTARG = kansa.measure, FUNCTION = kansa.measure_gt,
	COMMUTATOR = OPERATOR(kansa.<), NEGATOR = OPERATOR(kansa.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR kansa.>= (
	LEFTARG = kansa.measure, RIGHTARG = kansa.measure, FUNCTION = kansa.measure_ge,
	COMMUTATOR = OPERATOR(kansa.<=), NEGATOR = OPERATOR(kansa.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR kansa.= (kansa.measure, kansa.measure) IS 'equal in meaning (60min = 1h, 2/20min = 1/10min)';
COMMENT ON OPERATOR kansa.<> (kansa.measure, kansa.measure) IS 'not equal';
COMMENT ON OPERATOR kansa.< (kansa.measure, kansa.measure) IS 'less than (by kind, then magnitude, then bound); for "is it good enough" use satisfies()';
COMMENT ON OPERATOR kansa.<= (kansa.measure, kansa.measure) IS 'less than or equal';
COMMENT ON OPERATOR kansa.> (kansa.measure, kansa.measure) IS 'greater than';
COMMENT ON OPERATOR kansa.>= (kansa.measure, kansa.measure) IS 'greater than or equal';

CREATE OPERATOR CLASS kansa.measure_ops
	DEFAULT FOR TYPE kansa.measure USING btree AS
		OPERATOR 1 kansa.< ,
		OPERATOR 2 kansa.<= ,
		OPERATOR 3 kansa.= ,
		OPERATOR 4 kansa.>= ,
		OPERATOR 5 kansa.> ,
		FUNCTION 1 kansa.measure_cmp(kansa.measure, kansa.measure);
COMMENT ON OPERATOR CLASS kansa.measure_ops USING btree IS 'Order of measures: kind, magnitude in common units, bound.';
COMMENT ON OPERATOR FAMILY kansa.measure_ops USING btree IS 'The btree operator family of measure (its default operator class).';
CREATE OPERATOR CLASS kansa.measure_hash_ops
	DEFAULT FOR TYPE kansa.measure USING hash AS
		OPERATOR 1 kansa.= ,
		FUNCTION 1 kansa.measure_hash(kansa.measure),
		FUNCTION 2 kansa.measure_hash_extended(kansa.measure, bigint);
COMMENT ON OPERATOR CLASS kansa.measure_hash_ops USING hash IS 'Hashing of measures, equal for equal values.';
COMMENT ON OPERATOR FAMILY kansa.measure_hash_ops USING hash IS 'The hash operator family of measure (its default operator class).';

CREATE FUNCTION kansa.satisfies(stated kansa.measure, required kansa.measure,
								direction text DEFAULT NULL) RETURNS boolean
	AS 'MODULE_PATHNAME', 'measure_satisfies_sql' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION kansa.satisfies(kansa.measure, kansa.measure, text) IS 'Does the stated measure meet the required one? direction min (more, longer, more often is better) or max (less, sooner); NULL takes it from the required bound, else the kind. Frequencies and intervals compare with each other (月次 meets "1ヶ月" max); NULL when the two cannot be compared (see satisfies_explain).';
CREATE FUNCTION kansa.satisfies_explain(stated kansa.measure, required kansa.measure,
										direction text DEFAULT NULL) RETURNS text
	AS 'MODULE_PATHNAME', 'measure_satisfies_explain' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION kansa.satisfies_explain(kansa.measure, kansa.measure, text) IS 'Why satisfies() says what it says, in a sentence: met, falls short, left open by a bound, or which kinds cannot be compared.';

CREATE FUNCTION kansa.extract_measures(text, OUT quantity text, OUT measure kansa.measure,
									   OUT span text) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'kansa_extract_measures_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2;
COMMENT ON FUNCTION kansa.extract_measures(text) IS 'The figures a vendor states, in order of appearance, each tied to the quantity it is about (see kansa.quantity) by cue words in the same sentence (see measure_cues()), with the words that state it. Dates, years and figures with no cue are not returned.';
CREATE FUNCTION kansa.measure_cues(OUT cue text, OUT quantity text, OUT kinds text[],
								   OUT generic boolean) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'kansa_measure_cues' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION kansa.measure_cues() IS 'The cue words extract_measures() ties figures to quantities with: a figure of one of the kinds near the cue is about the quantity; a generic cue loses to a specific one close by.';
