-- sql/11_answer.sql: the type answer (a status and who is responsible), its
-- constructors, accessors and casts, its comparison operators, its btree and
-- hash operator classes, and the aggregates worst() and best().

-----------------------------------------------------------------------------
-- answer
-----------------------------------------------------------------------------

CREATE TYPE kansa.answer;

CREATE FUNCTION kansa.answer_in(cstring) RETURNS kansa.answer
	AS 'MODULE_PATHNAME', 'answer_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.answer_out(kansa.answer) RETURNS cstring
	AS 'MODULE_PATHNAME', 'answer_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.answer_recv(internal) RETURNS kansa.answer
	AS 'MODULE_PATHNAME', 'answer_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.answer_send(kansa.answer) RETURNS bytea
	AS 'MODULE_PATHNAME', 'answer_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- Stored as a 16-bit integer whose order is the answer order, so int2's
-- comparison, hashing and sort support serve as they are (as isn does).
CREATE TYPE kansa.answer (
	INPUT = kansa.answer_in,
	OUTPUT = kansa.answer_out,
	RECEIVE = kansa.answer_recv,
	SEND = kansa.answer_send,
	LIKE = pg_catalog.int2
);
COMMENT ON TYPE kansa.answer IS
'A vendor''s verdict on one control: a status (unanswered < not_implemented < planned < unclear < partial < implemented, then not_applicable) and a responsibility (provider, inherited, shared, customer; none for not_applicable and unanswered). Text form status or status/responsibility, e.g. implemented/inherited.';
COMMENT ON FUNCTION kansa.answer_in(cstring) IS 'Input function of answer: a status or a mark (○ △ × - Yes No N/A 実施 対象外 …), optionally /responsibility (or a CAIQ ownership).';
COMMENT ON FUNCTION kansa.answer_out(kansa.answer) IS 'Output function of answer: status, or status/responsibility unless provider.';
COMMENT ON FUNCTION kansa.answer_recv(internal) IS 'Binary input of answer: format-version byte, status, responsibility; validated.';
COMMENT ON FUNCTION kansa.answer_send(kansa.answer) IS 'Binary output of answer: format-version byte, status, responsibility.';

CREATE FUNCTION kansa.answer(text) RETURNS kansa.answer
	AS 'MODULE_PATHNAME', 'answer_from_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.answer(text) IS 'Parses text as an answer (the cast from text).';
CREATE FUNCTION kansa.answer(status text, responsibility text) RETURNS kansa.answer
	AS 'MODULE_PATHNAME', 'answer_make' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION kansa.answer(text, text) IS 'Builds an answer from a status word and a responsibility word (NULL or empty: provider, or none where the status takes none).';
CREATE FUNCTION kansa.answer_text(kansa.answer) RETURNS text
	AS 'MODULE_PATHNAME', 'answer_to_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.answer_text(kansa.answer) IS 'The text form of an answer (the cast to text).';
CREATE FUNCTION kansa.is_valid_answer(text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'answer_is_valid' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.is_valid_answer(text) IS 'True when the text is a valid answer literal; the input function''s parser, without raising an error.';

CREATE CAST (text AS kansa.answer) WITH FUNCTION kansa.answer(text) AS ASSIGNMENT;
COMMENT ON CAST (text AS kansa.answer) IS 'Parses text as an answer.';
CREATE CAST (kansa.answer AS text) WITH FUNCTION kansa.answer_text(kansa.answer) AS ASSIGNMENT;
COMMENT ON CAST (kansa.answer AS text) IS 'The text form of an answer.';

CREATE FUNCTION kansa.status(kansa.answer) RETURNS text
	AS 'MODULE_PATHNAME', 'answer_status' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.status(kansa.answer) IS 'The status of an answer: implemented, partial, planned, not_implemented, not_applicable, unclear or unanswered.';
CREATE FUNCTION kansa.responsibility(kansa.answer) RETURNS text
	AS 'MODULE_PATHNAME', 'answer_responsibility' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.responsibility(kansa.answer) IS 'The responsibility of an answer: provider, inherited, shared or customer; NULL for not_applicable and unanswered.';
CREATE FUNCTION kansa.score(kansa.answer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'answer_score' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.score(kansa.answer) IS 'implemented 1, partial 0.5, not_applicable NULL, any other status 0.';
CREATE FUNCTION kansa.is_gap(kansa.answer) RETURNS boolean
	AS 'MODULE_PATHNAME', 'answer_is_gap' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.is_gap(kansa.answer) IS 'True when the answer leaves the control open: any status but implemented and not_applicable.';

CREATE FUNCTION kansa.answer_eq(kansa.answer, kansa.answer) RETURNS boolean
	AS 'int2eq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.answer_ne(kansa.answer, kansa.answer) RETURNS boolean
	AS 'int2ne' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.answer_lt(kansa.answer, kansa.answer) RETURNS boolean
	AS 'int2lt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.answer_le(kansa.answer, kansa.answer) RETURNS boolean
	AS 'int2le' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.answer_gt(kansa.answer, kansa.answer) RETURNS boolean
	AS 'int2gt' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.answer_ge(kansa.answer, kansa.answer) RETURNS boolean
	AS 'int2ge' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.answer_cmp(kansa.answer, kansa.answer) RETURNS integer
	AS 'btint2cmp' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.answer_sortsupport(internal) RETURNS void
	AS 'btint2sortsupport' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.answer_hash(kansa.answer) RETURNS integer
	AS 'hashint2' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.answer_hash_extended(kansa.answer, bigint) RETURNS bigint
	AS 'hashint2extended' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION kansa.answer_eq(kansa.answer, kansa.answer) IS 'Implements the answer = operator.';
COMMENT ON FUNCTION kansa.answer_ne(kansa.answer, kansa.answer) IS 'Implements the answer <> operator.';
COMMENT ON FUNCTION kansa.answer_lt(kansa.answer, kansa.answer) IS 'Implements the answer < operator.';
COMMENT ON FUNCTION kansa.answer_le(kansa.answer, kansa.answer) IS 'Implements the answer <= operator.';
COMMENT ON FUNCTION kansa.answer_gt(kansa.answer, kansa.answer) IS 'Implements the answer > operator.';
COMMENT ON FUNCTION kansa.answer_ge(kansa.answer, kansa.answer) IS 'Implements the answer >= operator.';
COMMENT ON FUNCTION kansa.answer_cmp(kansa.answer, kansa.answer) IS 'Comparison of two answers (-1, 0, 1); btree support.';
COMMENT ON FUNCTION kansa.answer_sortsupport(internal) IS 'SortSupport for answer.';
COMMENT ON FUNCTION kansa.answer_hash(kansa.answer) IS 'Hash of an answer; hash support.';
COMMENT ON FUNCTION kansa.answer_hash_extended(kansa.answer, bigint) IS 'Seeded 64-bit hash of an answer; hash support.';

CREATE OPERATOR kansa.= (
	LEFTARG = kansa.answer, RIGHTARG = kansa.answer, FUNCTION = kansa.answer_eq,
	COMMUTATOR = OPERATOR(kansa.=), NEGATOR = OPERATOR(kansa.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR kansa.<> (
	LEFTARG = kansa.answer, RIGHTARG = kansa.answer, FUNCTION = kansa.answer_ne,
	COMMUTATOR = OPERATOR(kansa.<>), NEGATOR = OPERATOR(kansa.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR kansa.< (
	LEFTARG = kansa.answer, RIGHTARG = kansa.answer, FUNCTION = kansa.answer_lt,
	COMMUTATOR = OPERATOR(kansa.>), NEGATOR = OPERATOR(kansa.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR kansa.<= (
	LEFTARG = kansa.answer, RIGHTARG = kansa.answer, FUNCTION = kansa.answer_le,
	COMMUTATOR = OPERATOR(kansa.>=), NEGATOR = OPERATOR(kansa.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR kansa.> (
	LEFTARG = kansa.answer, RIGHTARG = kansa.answer, FUNCTION = kansa.answer_gt,
	COMMUTATOR = OPERATOR(kansa.<), NEGATOR = OPERATOR(kansa.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR kansa.>= (
	LEFTARG = kansa.answer, RIGHTARG = kansa.answer, FUNCTION = kansa.answer_ge,
	COMMUTATOR = OPERATOR(kansa.<=), NEGATOR = OPERATOR(kansa.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR kansa.= (kansa.answer, kansa.answer) IS 'equal';
COMMENT ON OPERATOR kansa.<> (kansa.answer, kansa.answer) IS 'not equal';
COMMENT ON OPERATOR kansa.< (kansa.answer, kansa.answer) IS 'worse than';
COMMENT ON OPERATOR kansa.<= (kansa.answer, kansa.answer) IS 'worse than or equal';
COMMENT ON OPERATOR kansa.> (kansa.answer, kansa.answer) IS 'better than';
COMMENT ON OPERATOR kansa.>= (kansa.answer, kansa.answer) IS 'better than or equal';

CREATE OPERATOR CLASS kansa.answer_ops
	DEFAULT FOR TYPE kansa.answer USING btree AS
		OPERATOR 1 kansa.< ,
		OPERATOR 2 kansa.<= ,
		OPERATOR 3 kansa.= ,
		OPERATOR 4 kansa.>= ,
		OPERATOR 5 kansa.> ,
		FUNCTION 1 kansa.answer_cmp(kansa.answer, kansa.answer),
		FUNCTION 2 kansa.answer_sortsupport(internal);
COMMENT ON OPERATOR CLASS kansa.answer_ops USING btree IS 'Order of answers, worst first, not_applicable last.';
COMMENT ON OPERATOR FAMILY kansa.answer_ops USING btree IS 'The btree operator family of answer (its default operator class).';
CREATE OPERATOR CLASS kansa.answer_hash_ops
	DEFAULT FOR TYPE kansa.answer USING hash AS
		OPERATOR 1 kansa.= ,
		FUNCTION 1 kansa.answer_hash(kansa.answer),
		FUNCTION 2 kansa.answer_hash_extended(kansa.answer, bigint);
COMMENT ON OPERATOR CLASS kansa.answer_hash_ops USING hash IS 'Hashing of answers.';
COMMENT ON OPERATOR FAMILY kansa.answer_hash_ops USING hash IS 'The hash operator family of answer (its default operator class).';

CREATE FUNCTION kansa.answer_worse(kansa.answer, kansa.answer) RETURNS kansa.answer
	AS 'MODULE_PATHNAME', 'answer_worse' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.answer_worse(kansa.answer, kansa.answer) IS 'The worse of two answers, not_applicable yielding to any other (state function of worst).';
CREATE FUNCTION kansa.answer_better(kansa.answer, kansa.answer) RETURNS kansa.answer
	AS 'MODULE_PATHNAME', 'answer_better' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.answer_better(kansa.answer, kansa.answer) IS 'The better of two answers, not_applicable yielding to any other (state function of best).';

CREATE AGGREGATE kansa.worst(kansa.answer) (
	SFUNC = kansa.answer_worse, STYPE = kansa.answer,
	COMBINEFUNC = kansa.answer_worse, PARALLEL = SAFE
);
COMMENT ON AGGREGATE kansa.worst(kansa.answer) IS 'The worst answer of a group (unanswered is the worst); not_applicable only when every answer is not_applicable.';
CREATE AGGREGATE kansa.best(kansa.answer) (
	SFUNC = kansa.answer_better, STYPE = kansa.answer,
	COMBINEFUNC = kansa.answer_better, PARALLEL = SAFE
);
COMMENT ON AGGREGATE kansa.best(kansa.answer) IS 'The best answer of a group; not_applicable only when every answer is not_applicable.';
