\echo Use "CREATE EXTENSION kansa" to load this file. \quit

-- kansa install script source.  The build compiles the shipped catalogs
-- (data/*.tsv) into it at the "@CATALOG_DATA@" line and writes the result to
-- sql/kansa--<version>.sql.
--
-- House rules (see README): no CREATE OR REPLACE, no IF NOT EXISTS, every
-- object commented, built-ins qualified with pg_catalog in bodies.

DO $$
BEGIN
	IF pg_catalog.getdatabaseencoding() OPERATOR(pg_catalog.<>) 'UTF8' THEN
		RAISE EXCEPTION 'kansa requires a database with encoding UTF8, not %',
			pg_catalog.getdatabaseencoding()
			USING ERRCODE = 'feature_not_supported',
				  HINT = 'Create the database with ENCODING ''UTF8''.';
	END IF;
END
$$;

COMMENT ON SCHEMA kansa IS
'kansa: vendor security assessments. Types for controls, answers, evidence and reference values; framework catalogs; imported vendor answer sheets and the views that show their gaps.';

-----------------------------------------------------------------------------
-- control_id
-----------------------------------------------------------------------------

CREATE TYPE kansa.control_id;

CREATE FUNCTION kansa.control_id_in(cstring) RETURNS kansa.control_id
	AS 'MODULE_PATHNAME', 'control_id_in'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.control_id_out(kansa.control_id) RETURNS cstring
	AS 'MODULE_PATHNAME', 'control_id_out'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.control_id_recv(internal) RETURNS kansa.control_id
	AS 'MODULE_PATHNAME', 'control_id_recv'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.control_id_send(kansa.control_id) RETURNS bytea
	AS 'MODULE_PATHNAME', 'control_id_send'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE kansa.control_id (
	INPUT = kansa.control_id_in,
	OUTPUT = kansa.control_id_out,
	RECEIVE = kansa.control_id_recv,
	SEND = kansa.control_id_send,
	INTERNALLENGTH = VARIABLE,
	STORAGE = extended
);

COMMENT ON TYPE kansa.control_id IS
'A framework-qualified control identifier, framework:local (e.g. fisc8:運10-1, asp_saas:III.1.1.1). Input is normalised (NFKC, dashes, white space, case, dots); ordering is natural (運2 < 運10 < 運10-1, II < III < IX < X).';
COMMENT ON FUNCTION kansa.control_id_in(cstring) IS 'Input function of control_id: parses and normalises framework:local.';
COMMENT ON FUNCTION kansa.control_id_out(kansa.control_id) IS 'Output function of control_id: the canonical text form.';
COMMENT ON FUNCTION kansa.control_id_recv(internal) IS 'Binary input of control_id: a format-version byte, then the text form, validated again.';
COMMENT ON FUNCTION kansa.control_id_send(kansa.control_id) IS 'Binary output of control_id: a format-version byte, then the canonical text form.';

CREATE FUNCTION kansa.control_id(text) RETURNS kansa.control_id
	AS 'MODULE_PATHNAME', 'control_id_from_text'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.control_id(text) IS 'Parses text as a control_id (the cast from text).';

CREATE FUNCTION kansa.control_id(framework text, local text) RETURNS kansa.control_id
	AS 'MODULE_PATHNAME', 'control_id_make'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.control_id(text, text) IS 'Builds a control_id from a framework code and a local identifier given apart, normalising both.';

CREATE FUNCTION kansa.is_valid_control_id(text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'control_id_is_valid'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.is_valid_control_id(text) IS 'True when the text is a valid control_id literal; the input function''s parser, without raising an error.';

CREATE CAST (text AS kansa.control_id) WITH FUNCTION kansa.control_id(text) AS ASSIGNMENT;
COMMENT ON CAST (text AS kansa.control_id) IS 'Parses and normalises text as a control_id.';
-- The stored form of a control_id is its canonical text, so the cast to text
-- needs no function.
CREATE CAST (kansa.control_id AS text) WITHOUT FUNCTION AS ASSIGNMENT;
COMMENT ON CAST (kansa.control_id AS text) IS 'The canonical text form of a control_id.';

CREATE FUNCTION kansa.framework(kansa.control_id) RETURNS text
	AS 'MODULE_PATHNAME', 'control_id_framework'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.framework(kansa.control_id) IS 'The framework code of a control_id (fisc8 for fisc8:運10-1).';

CREATE FUNCTION kansa.local_id(kansa.control_id) RETURNS text
	AS 'MODULE_PATHNAME', 'control_id_local'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.local_id(kansa.control_id) IS 'The normalised local identifier of a control_id (運10-1 for fisc8:運10-1).';

CREATE FUNCTION kansa.parent(kansa.control_id) RETURNS kansa.control_id
	AS 'MODULE_PATHNAME', 'control_id_parent'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.parent(kansa.control_id) IS 'The id without its last dot-separated segment (asp_saas:III.1.1 for asp_saas:III.1.1.1); NULL for a single segment. Syntactic: the catalog''s control.parent column holds the document''s own tree.';

CREATE FUNCTION kansa.depth(kansa.control_id) RETURNS integer
	AS 'MODULE_PATHNAME', 'control_id_depth'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.depth(kansa.control_id) IS 'The number of dot-separated segments of the local identifier (4 for asp_saas:III.1.1.1).';

-- comparison

CREATE FUNCTION kansa.control_id_eq(kansa.control_id, kansa.control_id) RETURNS boolean
	AS 'MODULE_PATHNAME', 'control_id_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.control_id_ne(kansa.control_id, kansa.control_id) RETURNS boolean
	AS 'MODULE_PATHNAME', 'control_id_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.control_id_lt(kansa.control_id, kansa.control_id) RETURNS boolean
	AS 'MODULE_PATHNAME', 'control_id_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.control_id_le(kansa.control_id, kansa.control_id) RETURNS boolean
	AS 'MODULE_PATHNAME', 'control_id_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.control_id_gt(kansa.control_id, kansa.control_id) RETURNS boolean
	AS 'MODULE_PATHNAME', 'control_id_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.control_id_ge(kansa.control_id, kansa.control_id) RETURNS boolean
	AS 'MODULE_PATHNAME', 'control_id_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.control_id_cmp(kansa.control_id, kansa.control_id) RETURNS integer
	AS 'MODULE_PATHNAME', 'control_id_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.control_id_sortsupport(internal) RETURNS void
	AS 'MODULE_PATHNAME', 'control_id_sortsupport' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.control_id_hash(kansa.control_id) RETURNS integer
	AS 'MODULE_PATHNAME', 'control_id_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.control_id_hash_extended(kansa.control_id, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME', 'control_id_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.control_id_contains(kansa.control_id, kansa.control_id) RETURNS boolean
	AS 'MODULE_PATHNAME', 'control_id_contains' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.control_id_contained(kansa.control_id, kansa.control_id) RETURNS boolean
	AS 'MODULE_PATHNAME', 'control_id_contained' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION kansa.control_id_eq(kansa.control_id, kansa.control_id) IS 'Implements the control_id = operator.';
COMMENT ON FUNCTION kansa.control_id_ne(kansa.control_id, kansa.control_id) IS 'Implements the control_id <> operator.';
COMMENT ON FUNCTION kansa.control_id_lt(kansa.control_id, kansa.control_id) IS 'Implements the control_id < operator.';
COMMENT ON FUNCTION kansa.control_id_le(kansa.control_id, kansa.control_id) IS 'Implements the control_id <= operator.';
COMMENT ON FUNCTION kansa.control_id_gt(kansa.control_id, kansa.control_id) IS 'Implements the control_id > operator.';
COMMENT ON FUNCTION kansa.control_id_ge(kansa.control_id, kansa.control_id) IS 'Implements the control_id >= operator.';
COMMENT ON FUNCTION kansa.control_id_cmp(kansa.control_id, kansa.control_id) IS 'Natural-order comparison of two control_ids (-1, 0, 1); btree support.';
COMMENT ON FUNCTION kansa.control_id_sortsupport(internal) IS 'SortSupport for control_id, with abbreviated keys.';
COMMENT ON FUNCTION kansa.control_id_hash(kansa.control_id) IS 'Hash of a control_id''s canonical form; hash support.';
COMMENT ON FUNCTION kansa.control_id_hash_extended(kansa.control_id, bigint) IS 'Seeded 64-bit hash of a control_id''s canonical form; hash support.';
COMMENT ON FUNCTION kansa.control_id_contains(kansa.control_id, kansa.control_id) IS 'Implements @>: the left id is an ancestor of (or equal to) the right one, by whole segments.';
COMMENT ON FUNCTION kansa.control_id_contained(kansa.control_id, kansa.control_id) IS 'Implements <@: the left id is a descendant of (or equal to) the right one, by whole segments.';

CREATE OPERATOR kansa.= (
	LEFTARG = kansa.control_id, RIGHTARG = kansa.control_id,
	FUNCTION = kansa.control_id_eq,
	COMMUTATOR = OPERATOR(kansa.=), NEGATOR = OPERATOR(kansa.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR kansa.<> (
	LEFTARG = kansa.control_id, RIGHTARG = kansa.control_id,
	FUNCTION = kansa.control_id_ne,
	COMMUTATOR = OPERATOR(kansa.<>), NEGATOR = OPERATOR(kansa.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR kansa.< (
	LEFTARG = kansa.control_id, RIGHTARG = kansa.control_id,
	FUNCTION = kansa.control_id_lt,
	COMMUTATOR = OPERATOR(kansa.>), NEGATOR = OPERATOR(kansa.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR kansa.<= (
	LEFTARG = kansa.control_id, RIGHTARG = kansa.control_id,
	FUNCTION = kansa.control_id_le,
	COMMUTATOR = OPERATOR(kansa.>=), NEGATOR = OPERATOR(kansa.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR kansa.> (
	LEFTARG = kansa.control_id, RIGHTARG = kansa.control_id,
	FUNCTION = kansa.control_id_gt,
	COMMUTATOR = OPERATOR(kansa.<), NEGATOR = OPERATOR(kansa.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR kansa.>= (
	LEFTARG = kansa.control_id, RIGHTARG = kansa.control_id,
	FUNCTION = kansa.control_id_ge,
	COMMUTATOR = OPERATOR(kansa.<=), NEGATOR = OPERATOR(kansa.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);
CREATE OPERATOR kansa.@> (
	LEFTARG = kansa.control_id, RIGHTARG = kansa.control_id,
	FUNCTION = kansa.control_id_contains,
	COMMUTATOR = OPERATOR(kansa.<@),
	RESTRICT = contsel, JOIN = contjoinsel
);
CREATE OPERATOR kansa.<@ (
	LEFTARG = kansa.control_id, RIGHTARG = kansa.control_id,
	FUNCTION = kansa.control_id_contained,
	COMMUTATOR = OPERATOR(kansa.@>),
	RESTRICT = contsel, JOIN = contjoinsel
);

COMMENT ON OPERATOR kansa.= (kansa.control_id, kansa.control_id) IS 'equal (after normalisation)';
COMMENT ON OPERATOR kansa.<> (kansa.control_id, kansa.control_id) IS 'not equal';
COMMENT ON OPERATOR kansa.< (kansa.control_id, kansa.control_id) IS 'less than, in natural order';
COMMENT ON OPERATOR kansa.<= (kansa.control_id, kansa.control_id) IS 'less than or equal, in natural order';
COMMENT ON OPERATOR kansa.> (kansa.control_id, kansa.control_id) IS 'greater than, in natural order';
COMMENT ON OPERATOR kansa.>= (kansa.control_id, kansa.control_id) IS 'greater than or equal, in natural order';
COMMENT ON OPERATOR kansa.@> (kansa.control_id, kansa.control_id) IS 'is ancestor of or equal to (same framework, whole segments)';
COMMENT ON OPERATOR kansa.<@ (kansa.control_id, kansa.control_id) IS 'is descendant of or equal to (same framework, whole segments)';

CREATE OPERATOR CLASS kansa.control_id_ops
	DEFAULT FOR TYPE kansa.control_id USING btree AS
		OPERATOR 1 kansa.< ,
		OPERATOR 2 kansa.<= ,
		OPERATOR 3 kansa.= ,
		OPERATOR 4 kansa.>= ,
		OPERATOR 5 kansa.> ,
		FUNCTION 1 kansa.control_id_cmp(kansa.control_id, kansa.control_id),
		FUNCTION 2 kansa.control_id_sortsupport(internal);
COMMENT ON OPERATOR CLASS kansa.control_id_ops USING btree IS 'Natural order of control_ids.';

CREATE OPERATOR CLASS kansa.control_id_hash_ops
	DEFAULT FOR TYPE kansa.control_id USING hash AS
		OPERATOR 1 kansa.= ,
		FUNCTION 1 kansa.control_id_hash(kansa.control_id),
		FUNCTION 2 kansa.control_id_hash_extended(kansa.control_id, bigint);
COMMENT ON OPERATOR CLASS kansa.control_id_hash_ops USING hash IS 'Hashing of control_ids (hash joins, hash indexes, hash partitioning).';

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
CREATE OPERATOR CLASS kansa.answer_hash_ops
	DEFAULT FOR TYPE kansa.answer USING hash AS
		OPERATOR 1 kansa.= ,
		FUNCTION 1 kansa.answer_hash(kansa.answer),
		FUNCTION 2 kansa.answer_hash_extended(kansa.answer, bigint);
COMMENT ON OPERATOR CLASS kansa.answer_hash_ops USING hash IS 'Hashing of answers.';

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

-----------------------------------------------------------------------------
-- evidence
-----------------------------------------------------------------------------

CREATE TYPE kansa.evidence;

CREATE FUNCTION kansa.evidence_in(cstring) RETURNS kansa.evidence
	AS 'MODULE_PATHNAME', 'evidence_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.evidence_out(kansa.evidence) RETURNS cstring
	AS 'MODULE_PATHNAME', 'evidence_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.evidence_recv(internal) RETURNS kansa.evidence
	AS 'MODULE_PATHNAME', 'evidence_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.evidence_send(kansa.evidence) RETURNS bytea
	AS 'MODULE_PATHNAME', 'evidence_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE kansa.evidence (
	INPUT = kansa.evidence_in,
	OUTPUT = kansa.evidence_out,
	RECEIVE = kansa.evidence_recv,
	SEND = kansa.evidence_send,
	INTERNALLENGTH = VARIABLE,
	STORAGE = extended
);
COMMENT ON TYPE kansa.evidence IS
'A reference to verifiable evidence, kind:ref: url:https://…, cert:ISO27001/JQA-IM1944, clause:iso27001:A.12.3, doc:利用規約#第11条, report:SOC2-Type2. Stored in canonical form.';
COMMENT ON FUNCTION kansa.evidence_in(cstring) IS 'Input function of evidence: parses and canonicalises kind:ref.';
COMMENT ON FUNCTION kansa.evidence_out(kansa.evidence) IS 'Output function of evidence: the canonical text form.';
COMMENT ON FUNCTION kansa.evidence_recv(internal) IS 'Binary input of evidence: a format-version byte, then the text form, validated again.';
COMMENT ON FUNCTION kansa.evidence_send(kansa.evidence) IS 'Binary output of evidence: a format-version byte, then the canonical text form.';

CREATE FUNCTION kansa.evidence(text) RETURNS kansa.evidence
	AS 'MODULE_PATHNAME', 'evidence_from_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.evidence(text) IS 'Parses text as evidence (the cast from text).';
CREATE CAST (text AS kansa.evidence) WITH FUNCTION kansa.evidence(text) AS ASSIGNMENT;
COMMENT ON CAST (text AS kansa.evidence) IS 'Parses and canonicalises text as evidence.';
-- The stored form is the canonical text.
CREATE CAST (kansa.evidence AS text) WITHOUT FUNCTION AS ASSIGNMENT;
COMMENT ON CAST (kansa.evidence AS text) IS 'The canonical text form of evidence.';
CREATE FUNCTION kansa.is_valid_evidence(text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'evidence_is_valid' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.is_valid_evidence(text) IS 'True when the text is a valid evidence literal; the input function''s parser, without raising an error.';
CREATE FUNCTION kansa.kind(kansa.evidence) RETURNS text
	AS 'MODULE_PATHNAME', 'evidence_kind' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.kind(kansa.evidence) IS 'The kind of evidence: url, cert, clause, doc or report.';
CREATE FUNCTION kansa.ref(kansa.evidence) RETURNS text
	AS 'MODULE_PATHNAME', 'evidence_ref' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.ref(kansa.evidence) IS 'The reference of evidence, after its kind (JQA-IM1944 for cert:JQA-IM1944).';
CREATE FUNCTION kansa.control_id(kansa.evidence) RETURNS kansa.control_id
	AS 'MODULE_PATHNAME', 'evidence_to_control_id' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.control_id(kansa.evidence) IS 'The control a clause evidence cites; an error for other kinds.';
CREATE CAST (kansa.evidence AS kansa.control_id) WITH FUNCTION kansa.control_id(kansa.evidence);
COMMENT ON CAST (kansa.evidence AS kansa.control_id) IS 'The control a clause evidence cites.';

CREATE FUNCTION kansa.evidence_eq(kansa.evidence, kansa.evidence) RETURNS boolean
	AS 'MODULE_PATHNAME', 'evidence_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.evidence_ne(kansa.evidence, kansa.evidence) RETURNS boolean
	AS 'MODULE_PATHNAME', 'evidence_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.evidence_lt(kansa.evidence, kansa.evidence) RETURNS boolean
	AS 'MODULE_PATHNAME', 'evidence_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.evidence_le(kansa.evidence, kansa.evidence) RETURNS boolean
	AS 'MODULE_PATHNAME', 'evidence_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.evidence_gt(kansa.evidence, kansa.evidence) RETURNS boolean
	AS 'MODULE_PATHNAME', 'evidence_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.evidence_ge(kansa.evidence, kansa.evidence) RETURNS boolean
	AS 'MODULE_PATHNAME', 'evidence_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.evidence_cmp(kansa.evidence, kansa.evidence) RETURNS integer
	AS 'MODULE_PATHNAME', 'evidence_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.evidence_hash(kansa.evidence) RETURNS integer
	AS 'MODULE_PATHNAME', 'evidence_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION kansa.evidence_hash_extended(kansa.evidence, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME', 'evidence_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION kansa.evidence_eq(kansa.evidence, kansa.evidence) IS 'Implements the evidence = operator.';
COMMENT ON FUNCTION kansa.evidence_ne(kansa.evidence, kansa.evidence) IS 'Implements the evidence <> operator.';
COMMENT ON FUNCTION kansa.evidence_lt(kansa.evidence, kansa.evidence) IS 'Implements the evidence < operator.';
COMMENT ON FUNCTION kansa.evidence_le(kansa.evidence, kansa.evidence) IS 'Implements the evidence <= operator.';
COMMENT ON FUNCTION kansa.evidence_gt(kansa.evidence, kansa.evidence) IS 'Implements the evidence > operator.';
COMMENT ON FUNCTION kansa.evidence_ge(kansa.evidence, kansa.evidence) IS 'Implements the evidence >= operator.';
COMMENT ON FUNCTION kansa.evidence_cmp(kansa.evidence, kansa.evidence) IS 'Byte order of the canonical forms (-1, 0, 1); btree support.';
COMMENT ON FUNCTION kansa.evidence_hash(kansa.evidence) IS 'Hash of the canonical form; hash support.';
COMMENT ON FUNCTION kansa.evidence_hash_extended(kansa.evidence, bigint) IS 'Seeded 64-bit hash of the canonical form; hash support.';

CREATE OPERATOR kansa.= (
	LEFTARG = kansa.evidence, RIGHTARG = kansa.evidence, FUNCTION = kansa.evidence_eq,
	COMMUTATOR = OPERATOR(kansa.=), NEGATOR = OPERATOR(kansa.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR kansa.<> (
	LEFTARG = kansa.evidence, RIGHTARG = kansa.evidence, FUNCTION = kansa.evidence_ne,
	COMMUTATOR = OPERATOR(kansa.<>), NEGATOR = OPERATOR(kansa.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR kansa.< (
	LEFTARG = kansa.evidence, RIGHTARG = kansa.evidence, FUNCTION = kansa.evidence_lt,
	COMMUTATOR = OPERATOR(kansa.>), NEGATOR = OPERATOR(kansa.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR kansa.<= (
	LEFTARG = kansa.evidence, RIGHTARG = kansa.evidence, FUNCTION = kansa.evidence_le,
	COMMUTATOR = OPERATOR(kansa.>=), NEGATOR = OPERATOR(kansa.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR kansa.> (
	LEFTARG = kansa.evidence, RIGHTARG = kansa.evidence, FUNCTION = kansa.evidence_gt,
	COMMUTATOR = OPERATOR(kansa.<), NEGATOR = OPERATOR(kansa.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR kansa.>= (
	LEFTARG = kansa.evidence, RIGHTARG = kansa.evidence, FUNCTION = kansa.evidence_ge,
	COMMUTATOR = OPERATOR(kansa.<=), NEGATOR = OPERATOR(kansa.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR kansa.= (kansa.evidence, kansa.evidence) IS 'equal (canonical forms)';
COMMENT ON OPERATOR kansa.<> (kansa.evidence, kansa.evidence) IS 'not equal';
COMMENT ON OPERATOR kansa.< (kansa.evidence, kansa.evidence) IS 'less than (by kind, then reference, bytewise)';
COMMENT ON OPERATOR kansa.<= (kansa.evidence, kansa.evidence) IS 'less than or equal';
COMMENT ON OPERATOR kansa.> (kansa.evidence, kansa.evidence) IS 'greater than';
COMMENT ON OPERATOR kansa.>= (kansa.evidence, kansa.evidence) IS 'greater than or equal';

CREATE OPERATOR CLASS kansa.evidence_ops
	DEFAULT FOR TYPE kansa.evidence USING btree AS
		OPERATOR 1 kansa.< ,
		OPERATOR 2 kansa.<= ,
		OPERATOR 3 kansa.= ,
		OPERATOR 4 kansa.>= ,
		OPERATOR 5 kansa.> ,
		FUNCTION 1 kansa.evidence_cmp(kansa.evidence, kansa.evidence);
COMMENT ON OPERATOR CLASS kansa.evidence_ops USING btree IS 'Byte order of canonical evidence.';
CREATE OPERATOR CLASS kansa.evidence_hash_ops
	DEFAULT FOR TYPE kansa.evidence USING hash AS
		OPERATOR 1 kansa.= ,
		FUNCTION 1 kansa.evidence_hash(kansa.evidence),
		FUNCTION 2 kansa.evidence_hash_extended(kansa.evidence, bigint);
COMMENT ON OPERATOR CLASS kansa.evidence_hash_ops USING hash IS 'Hashing of evidence.';

CREATE FUNCTION kansa.extract_evidence(text) RETURNS SETOF kansa.evidence
	AS 'MODULE_PATHNAME', 'kansa_extract_evidence_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 3;
COMMENT ON FUNCTION kansa.extract_evidence(text) IS 'The evidence an answer cites (URLs, certification numbers, ISO 27001 Annex A and ISO 27017 clauses, terms-of-service articles and other customer-readable documents, SOC/ISAE reports), in order of first appearance, duplicates removed.';

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
'A quantity with an optional bound, as reference values and vendors state them: frequency (>=1/10min, 1/1d, 1/event), duration (<=20min, 5y), ratio (>=99.5%), count (5gen), coverage (24x365, weekdays 09:00-18:00), relative (service+1y), choice (biometric|ic_card, timestamp&signature), or - (none set). Input also takes the Japanese and English forms of seed 004 and of vendors (1回以上／5分, 日次, 20分以内, 24時間365日, 生体認証 又は IC カード).';
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
CREATE OPERATOR CLASS kansa.measure_hash_ops
	DEFAULT FOR TYPE kansa.measure USING hash AS
		OPERATOR 1 kansa.= ,
		FUNCTION 1 kansa.measure_hash(kansa.measure),
		FUNCTION 2 kansa.measure_hash_extended(kansa.measure, bigint);
COMMENT ON OPERATOR CLASS kansa.measure_hash_ops USING hash IS 'Hashing of measures, equal for equal values.';

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

-----------------------------------------------------------------------------
-- Reading free text: the classifier
-----------------------------------------------------------------------------

CREATE FUNCTION kansa.clean_text(text) RETURNS text
	AS 'MODULE_PATHNAME', 'kansa_clean_text_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.clean_text(text) IS 'The text as kansa reads it: HTML tags and entities reduced to text, NFKC, blanks collapsed.';

CREATE FUNCTION kansa.boilerplate(texts text[], min_share double precision DEFAULT 0.3,
								  min_answers integer DEFAULT 5) RETURNS text[]
	AS 'MODULE_PATHNAME', 'kansa_boilerplate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.boilerplate(text[], double precision, integer) IS 'The sentences a sheet repeats across its answers: found in at least min_share of at least min_answers non-empty answers (and in two). Verdict-like sentences (対象外, 実施しています。) and sentences under 12 characters never count.';

CREATE FUNCTION kansa.classify(text) RETURNS kansa.answer
	AS 'MODULE_PATHNAME', 'kansa_classify' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION kansa.classify(text) IS 'Reads a vendor''s free-text answer into a verdict (status and responsibility) with kansa''s rule engine; NULL or empty text is unanswered.';
CREATE FUNCTION kansa.classify(text, boilerplate text[]) RETURNS kansa.answer
	AS 'MODULE_PATHNAME', 'kansa_classify' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION kansa.classify(text, text[]) IS 'classify(text), judging only the sentences that are not in the sheet''s boilerplate (see boilerplate()).';

CREATE FUNCTION kansa.classify_explain(text, OUT verdict kansa.answer, OUT confidence real,
									   OUT rule text, OUT cue text, OUT specific_text text)
	AS 'MODULE_PATHNAME', 'kansa_classify_explain' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION kansa.classify_explain(text) IS 'classify(text) with its explanation: confidence (0-1, low where rules conflict or nothing matched), the rule that decided, the words that triggered it, and the text judged once boilerplate is set aside.';
CREATE FUNCTION kansa.classify_explain(text, boilerplate text[], OUT verdict kansa.answer,
									   OUT confidence real, OUT rule text, OUT cue text,
									   OUT specific_text text)
	AS 'MODULE_PATHNAME', 'kansa_classify_explain' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION kansa.classify_explain(text, text[]) IS 'classify(text, boilerplate) with its explanation (see classify_explain(text)).';

-----------------------------------------------------------------------------
-- Reading answer sheets
-----------------------------------------------------------------------------

CREATE FUNCTION kansa.read_sheet(content bytea, options jsonb DEFAULT '{}',
								 OUT sheet text, OUT row_number integer,
								 OUT column_number integer, OUT value text) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'kansa_read_sheet' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1000;
COMMENT ON FUNCTION kansa.read_sheet(bytea, jsonb) IS 'Every non-empty cell kansa reads from an answer sheet file, by row and column (from 1). Delimited text: comma or tab (guessed from the first line, or options format csv/tsv, delimiter), quoted fields with line breaks and doubled quotes; UTF-8 with or without BOM, UTF-16 with BOM, or CP932/Shift_JIS (guessed, or option encoding). At most 100000 rows, 1000 columns and 131068 bytes a cell. xlsx is not read yet.';

-----------------------------------------------------------------------------
-- Framework catalogs
-----------------------------------------------------------------------------

CREATE TABLE kansa.framework (
	code		text PRIMARY KEY
				CHECK (code OPERATOR(pg_catalog.~) '^[a-z][a-z0-9_]{0,31}$'),
	title		text NOT NULL,
	edition		text,
	publisher	text,
	language	text,
	source		text,
	url			text,
	builtin		boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE kansa.framework IS 'The frameworks vendors answer against: shipped ones (builtin) and any a user adds with INSERT.';
COMMENT ON COLUMN kansa.framework.code IS 'Short code used as the framework part of control_id (e.g. fisc8, asp_saas).';
COMMENT ON COLUMN kansa.framework.title IS 'Title of the framework as published.';
COMMENT ON COLUMN kansa.framework.edition IS 'Edition or version of the framework.';
COMMENT ON COLUMN kansa.framework.publisher IS 'Who publishes the framework.';
COMMENT ON COLUMN kansa.framework.language IS 'Language of the titles and texts in the catalog (ISO 639-1, e.g. ja).';
COMMENT ON COLUMN kansa.framework.source IS 'Where the catalog rows were taken from.';
COMMENT ON COLUMN kansa.framework.url IS 'Where the framework is published, if public.';
COMMENT ON COLUMN kansa.framework.builtin IS 'True for rows shipped with kansa; user rows are false and survive pg_dump.';

CREATE SEQUENCE kansa.control_position_seq START WITH 1000000;
COMMENT ON SEQUENCE kansa.control_position_seq IS 'Default document position of user-added controls, after every shipped one.';

CREATE TABLE kansa.control (
	id			kansa.control_id PRIMARY KEY,
	framework	text NOT NULL GENERATED ALWAYS AS (kansa.framework(id)) STORED
				REFERENCES kansa.framework (code),
	parent		kansa.control_id REFERENCES kansa.control (id),
	kind		text NOT NULL DEFAULT 'control'
				CHECK (kind OPERATOR(pg_catalog.=) ANY (ARRAY['section', 'control'])),
	level		text CHECK (level OPERATOR(pg_catalog.=) ANY (ARRAY['basic', 'recommended'])),
	title		text,
	body		text,
	position	integer NOT NULL DEFAULT pg_catalog.nextval('kansa.control_position_seq'),
	builtin		boolean NOT NULL DEFAULT false,
	CHECK (parent IS NULL OR kansa.framework(parent) OPERATOR(pg_catalog.=) framework),
	CHECK (parent OPERATOR(kansa.<>) id)
);
CREATE INDEX control_framework_position_idx ON kansa.control (framework, position);
CREATE INDEX control_parent_idx ON kansa.control (parent);
COMMENT ON TABLE kansa.control IS 'Every control and section of every framework, with the document''s own tree (parent) and order (position).';
COMMENT ON COLUMN kansa.control.id IS 'The control''s id, e.g. fisc8:運10-1.';
COMMENT ON COLUMN kansa.control.framework IS 'The framework code, taken from id.';
COMMENT ON COLUMN kansa.control.parent IS 'The enclosing section in the document; NULL at the top.';
COMMENT ON COLUMN kansa.control.kind IS 'section (a heading that groups controls) or control (something a vendor answers).';
COMMENT ON COLUMN kansa.control.level IS 'basic (基本) or recommended (推奨) where the framework says; else NULL.';
COMMENT ON COLUMN kansa.control.title IS 'Short title or heading.';
COMMENT ON COLUMN kansa.control.body IS 'Requirement text, where the framework''s text is public.';
COMMENT ON COLUMN kansa.control.position IS 'Document order within the framework.';
COMMENT ON COLUMN kansa.control.builtin IS 'True for rows shipped with kansa; user rows are false and survive pg_dump.';

CREATE TABLE kansa.quantity (
	name		text PRIMARY KEY
				CHECK (name OPERATOR(pg_catalog.~) '^[a-z][a-z0-9_]*$'),
	kinds		text[] NOT NULL,
	description	text NOT NULL,
	builtin		boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE kansa.quantity IS 'The vocabulary of quantities that reference values and vendors'' figures are about (backup_interval, uptime, notification_time, …): what reference_item.quantity and extract_measures() name.';
COMMENT ON COLUMN kansa.quantity.name IS 'The quantity''s name, e.g. backup_interval.';
COMMENT ON COLUMN kansa.quantity.kinds IS 'The kinds of measure that state it (kind(measure)): frequency, duration, ratio, count, coverage, relative, choice.';
COMMENT ON COLUMN kansa.quantity.description IS 'What it measures, with the asp_saas items that set reference values for it.';
COMMENT ON COLUMN kansa.quantity.builtin IS 'True for rows shipped with kansa; user rows are false and survive pg_dump.';

CREATE SEQUENCE kansa.reference_item_id_seq;
COMMENT ON SEQUENCE kansa.reference_item_id_seq IS 'Ids of reference_item rows.';

CREATE TABLE kansa.reference_item (
	id			integer PRIMARY KEY DEFAULT pg_catalog.nextval('kansa.reference_item_id_seq'),
	control		kansa.control_id NOT NULL REFERENCES kansa.control (id),
	letter		text NOT NULL CHECK (letter OPERATOR(pg_catalog.~) '^[a-z]$'),
	title		text NOT NULL,
	direction	text CHECK (direction OPERATOR(pg_catalog.=) ANY (ARRAY['min', 'max'])),
	quantity	text REFERENCES kansa.quantity (name),
	builtin		boolean NOT NULL DEFAULT false,
	UNIQUE (control, letter)
);
COMMENT ON TABLE kansa.reference_item IS 'Evaluation items (評価項目) of a control: a measurable aspect with a reference value per service pattern.';
COMMENT ON COLUMN kansa.reference_item.id IS 'Surrogate key.';
COMMENT ON COLUMN kansa.reference_item.control IS 'The control the item evaluates.';
COMMENT ON COLUMN kansa.reference_item.letter IS 'The item''s letter under its control (a, b, c).';
COMMENT ON COLUMN kansa.reference_item.title IS 'What is evaluated, as published (e.g. 死活監視インターバル).';
COMMENT ON COLUMN kansa.reference_item.direction IS 'min: the reference value is a floor (more, longer or more often is better); max: a ceiling (sooner is better); NULL: categorical.';
COMMENT ON COLUMN kansa.reference_item.quantity IS 'What the item measures, from the kansa.quantity vocabulary: the key that ties a vendor''s stated figures (extract_measures) to the item.';
COMMENT ON COLUMN kansa.reference_item.builtin IS 'True for rows shipped with kansa; user rows are false and survive pg_dump.';

CREATE TABLE kansa.reference_value (
	item		integer NOT NULL REFERENCES kansa.reference_item (id) ON DELETE CASCADE,
	pattern		integer NOT NULL CHECK (pattern OPERATOR(pg_catalog.>=) 1 AND pattern OPERATOR(pg_catalog.<=) 6),
	raw			text NOT NULL,
	must_achieve boolean NOT NULL
				GENERATED ALWAYS AS (raw OPERATOR(pg_catalog.~) '[*＊][[:space:]]*$') STORED,
	measure		kansa.measure NOT NULL GENERATED ALWAYS AS (kansa.measure(raw)) STORED,
	builtin		boolean NOT NULL DEFAULT false,
	PRIMARY KEY (item, pattern)
);
COMMENT ON TABLE kansa.reference_value IS 'Reference values (対策参照値) of each evaluation item for each service pattern 1-6.';
COMMENT ON COLUMN kansa.reference_value.item IS 'The evaluation item (reference_item.id).';
COMMENT ON COLUMN kansa.reference_value.pattern IS 'ASP・SaaS service pattern, 1 to 6.';
COMMENT ON COLUMN kansa.reference_value.raw IS 'The value exactly as published, including a trailing * and "-" for none set.';
COMMENT ON COLUMN kansa.reference_value.must_achieve IS 'True when the published value carries * (特に達成することが必要).';
COMMENT ON COLUMN kansa.reference_value.measure IS 'The value as a measure (raw read by the measure input function; a row whose raw value kansa cannot read is refused).';
COMMENT ON COLUMN kansa.reference_value.builtin IS 'True for rows shipped with kansa; user rows are false and survive pg_dump.';

-----------------------------------------------------------------------------
-- Service patterns (seed 004, I.7)
-----------------------------------------------------------------------------

CREATE FUNCTION kansa.saas_pattern(confidentiality text, availability text) RETURNS integer
	AS 'MODULE_PATHNAME', 'kansa_saas_pattern' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.saas_pattern(text, text) IS 'The ASP・SaaS service pattern (1-6, seed 004 figure 1) of a service from its confidentiality requirement (high or low) and availability requirement (high, medium or low; also 高/中/低, H/M/L); integrity is always high.';
CREATE FUNCTION kansa.saas_pattern(handles_personal_or_secret boolean, availability text) RETURNS integer
	AS 'MODULE_PATHNAME', 'kansa_saas_pattern_bool' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.saas_pattern(boolean, text) IS 'The ASP・SaaS service pattern (1-6): confidentiality is high when the service handles personal information or trade secrets (seed 004 I.7.1).';
CREATE FUNCTION kansa.service_type_key(text) RETURNS text
	AS 'MODULE_PATHNAME', 'kansa_service_type_key' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.service_type_key(text) IS 'The form service types are matched in: NFKC (width folded), ASCII lower case, blanks removed.';

CREATE TABLE kansa.service_type (
	name		text PRIMARY KEY,
	pattern		integer CHECK (pattern OPERATOR(pg_catalog.>=) 1 AND pattern OPERATOR(pg_catalog.<=) 6),
	individual_decision boolean NOT NULL DEFAULT false,
	match_key	text NOT NULL UNIQUE GENERATED ALWAYS AS (kansa.service_type_key(name)) STORED,
	short_key	text NOT NULL GENERATED ALWAYS AS
				(kansa.service_type_key(pg_catalog.regexp_replace(name, '[(（].*[)）][[:space:]]*$', ''))) STORED,
	builtin		boolean NOT NULL DEFAULT false,
	CHECK ((pattern IS NULL) OPERATOR(pg_catalog.=) individual_decision)
);
CREATE INDEX service_type_short_key_idx ON kansa.service_type (short_key);
COMMENT ON TABLE kansa.service_type IS 'Typical ASP・SaaS service types and their pattern (seed 004 figure 2); those marked ※ have no pattern and need an individual decision. Users may add rows.';
COMMENT ON COLUMN kansa.service_type.name IS 'The service type as published, e.g. ERP（財務会計等）.';
COMMENT ON COLUMN kansa.service_type.pattern IS 'Its service pattern 1-6; NULL for the ※ types.';
COMMENT ON COLUMN kansa.service_type.individual_decision IS 'True for the ※ types, whose pattern must be decided service by service (I.7.1).';
COMMENT ON COLUMN kansa.service_type.match_key IS 'service_type_key(name): what saas_pattern_of() matches.';
COMMENT ON COLUMN kansa.service_type.short_key IS 'The key of the name without its trailing parenthesis (ERP for ERP（財務会計等）), matched when no full name matches and only one type has it.';
COMMENT ON COLUMN kansa.service_type.builtin IS 'True for rows shipped with kansa; user rows are false and survive pg_dump.';

CREATE FUNCTION kansa.service_type_match(service_type text) RETURNS SETOF kansa.service_type
	LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 1
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		SELECT t.* FROM kansa.service_type AS t
		 WHERE t.match_key = kansa.service_type_key(service_type)
		UNION ALL
		SELECT t.* FROM kansa.service_type AS t
		 WHERE t.short_key = kansa.service_type_key(service_type)
		   AND NOT EXISTS (SELECT FROM kansa.service_type AS f
							WHERE f.match_key = kansa.service_type_key(service_type))
		   AND (SELECT count(*) FROM kansa.service_type AS s
				 WHERE s.short_key = kansa.service_type_key(service_type)) = 1;
	END;
COMMENT ON FUNCTION kansa.service_type_match(text) IS 'The service_type row a name means: the one whose name matches ignoring width, case and blanks, else the only one whose name without its parenthesis does; no row when unknown or ambiguous (金融業特化型サービス).';
CREATE FUNCTION kansa.saas_pattern_of(service_type text) RETURNS integer
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		SELECT m.pattern FROM kansa.service_type_match(service_type) AS m;
	END;
COMMENT ON FUNCTION kansa.saas_pattern_of(text) IS 'The pattern seed 004 figure 2 gives a service type (matched ignoring width, case and blanks); NULL for the ※ types that need an individual decision and for unknown types (service_type_known() tells them apart).';
CREATE FUNCTION kansa.service_type_known(service_type text) RETURNS boolean
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		SELECT EXISTS (SELECT FROM kansa.service_type_match(service_type));
	END;
COMMENT ON FUNCTION kansa.service_type_known(text) IS 'True when the service type is in kansa.service_type (with or without a pattern), so that a NULL saas_pattern_of() means "decide individually" rather than "unknown".';

-- Shipped rows are builtin; pg_dump keeps the rest.
SELECT pg_catalog.pg_extension_config_dump('kansa.framework', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('kansa.control', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('kansa.quantity', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('kansa.service_type', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('kansa.reference_item', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('kansa.reference_value', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('kansa.control_position_seq', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.reference_item_id_seq', '');

-- @CATALOG_DATA@

-- Catalog tables are readable by everyone; changing them is for their owner.
GRANT USAGE ON SCHEMA kansa TO PUBLIC;
GRANT SELECT ON kansa.framework, kansa.control, kansa.quantity, kansa.reference_item,
	kansa.reference_value, kansa.service_type TO PUBLIC;

-----------------------------------------------------------------------------
-- Assessments: who assesses which vendor's service, and what the vendor said
-----------------------------------------------------------------------------

CREATE TABLE kansa.organization (
	id			bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name		text NOT NULL UNIQUE CHECK (name OPERATOR(pg_catalog.<>) ''),
	created_at	timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE kansa.organization IS 'The assessing organisations (the clients whose analysts send questionnaires); each is a tenant of the database.';
COMMENT ON COLUMN kansa.organization.id IS 'Surrogate key.';
COMMENT ON COLUMN kansa.organization.name IS 'Name of the organisation, unique.';
COMMENT ON COLUMN kansa.organization.created_at IS 'When the row was created.';

CREATE TABLE kansa.vendor (
	id			bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name		text NOT NULL UNIQUE CHECK (name OPERATOR(pg_catalog.<>) ''),
	created_at	timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE kansa.vendor IS 'The vendors whose services are assessed; shared by every organisation.';
COMMENT ON COLUMN kansa.vendor.id IS 'Surrogate key.';
COMMENT ON COLUMN kansa.vendor.name IS 'Name of the vendor, unique.';
COMMENT ON COLUMN kansa.vendor.created_at IS 'When the row was created.';

CREATE TABLE kansa.service (
	id			bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	vendor_id	bigint NOT NULL REFERENCES kansa.vendor (id),
	name		text NOT NULL CHECK (name OPERATOR(pg_catalog.<>) ''),
	service_type text,
	confidentiality text,
	availability text,
	pattern_set	integer CHECK (pattern_set OPERATOR(pg_catalog.>=) 1 AND pattern_set OPERATOR(pg_catalog.<=) 6),
	pattern		integer GENERATED ALWAYS AS (COALESCE(pattern_set,
				CASE WHEN confidentiality IS NOT NULL AND availability IS NOT NULL
					 THEN kansa.saas_pattern(confidentiality, availability) END)) STORED,
	created_at	timestamptz NOT NULL DEFAULT pg_catalog.now(),
	UNIQUE (vendor_id, name)
);
COMMENT ON TABLE kansa.service IS 'A vendor''s service under assessment, with what sets its ASP・SaaS pattern.';
COMMENT ON COLUMN kansa.service.id IS 'Surrogate key.';
COMMENT ON COLUMN kansa.service.vendor_id IS 'The vendor providing the service.';
COMMENT ON COLUMN kansa.service.name IS 'Name of the service, unique per vendor.';
COMMENT ON COLUMN kansa.service.service_type IS 'Its type as in kansa.service_type (seed 004 figure 2), if known; saas_pattern_of() gives that type''s pattern.';
COMMENT ON COLUMN kansa.service.confidentiality IS 'Confidentiality of the data it handles: 高/中/低 (or H/M/L), as saas_pattern() reads it.';
COMMENT ON COLUMN kansa.service.availability IS 'Availability it must keep: 高/中/低 (or H/M/L).';
COMMENT ON COLUMN kansa.service.pattern_set IS 'A pattern (1-6) set explicitly by an analyst; overrides the one computed.';
COMMENT ON COLUMN kansa.service.pattern IS 'The service''s pattern: pattern_set if set, else saas_pattern(confidentiality, availability); NULL while unknown.';
COMMENT ON COLUMN kansa.service.created_at IS 'When the row was created.';

CREATE TABLE kansa.import_batch (
	id			bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organization_id bigint NOT NULL REFERENCES kansa.organization (id),
	service_id	bigint NOT NULL REFERENCES kansa.service (id),
	framework	text NOT NULL REFERENCES kansa.framework (code),
	assessment_id bigint,
	file_name	text NOT NULL,
	format		text,
	sha256		bytea NOT NULL,
	size_bytes	bigint NOT NULL,
	options		jsonb NOT NULL DEFAULT '{}',
	mode		text NOT NULL CHECK (mode OPERATOR(pg_catalog.=) ANY (ARRAY['strict', 'quarantine'])),
	layout		jsonb,
	rows_read	integer,
	responses	integer,
	rejected	integer,
	skipped		integer,
	skipped_by_reason jsonb,
	unknown_controls integer,
	status		text CHECK (status OPERATOR(pg_catalog.=) ANY (ARRAY['loaded', 'loaded_with_rejects'])),
	imported_by	text NOT NULL DEFAULT CURRENT_USER,
	started_at	timestamptz NOT NULL,
	finished_at	timestamptz,
	read_ms		numeric,
	total_ms	numeric
);
CREATE INDEX import_batch_file_idx ON kansa.import_batch (organization_id, service_id, framework, sha256);
COMMENT ON TABLE kansa.import_batch IS 'One row per answer sheet file imported: what was read, how, and what became of its rows (rows_read = rows loaded + rejected + skipped).';
COMMENT ON COLUMN kansa.import_batch.id IS 'Surrogate key; import_sheet() returns it.';
COMMENT ON COLUMN kansa.import_batch.organization_id IS 'The organisation the sheet was imported for.';
COMMENT ON COLUMN kansa.import_batch.service_id IS 'The service the sheet answers for.';
COMMENT ON COLUMN kansa.import_batch.framework IS 'The framework the sheet answers.';
COMMENT ON COLUMN kansa.import_batch.assessment_id IS 'The assessment the batch created.';
COMMENT ON COLUMN kansa.import_batch.file_name IS 'Name of the file as given to import_sheet().';
COMMENT ON COLUMN kansa.import_batch.format IS 'Format read: xlsx, csv or tsv.';
COMMENT ON COLUMN kansa.import_batch.sha256 IS 'SHA-256 of the file''s bytes; the same bytes for the same organisation, service and framework are not loaded twice.';
COMMENT ON COLUMN kansa.import_batch.size_bytes IS 'Size of the file.';
COMMENT ON COLUMN kansa.import_batch.options IS 'Options given to import_sheet().';
COMMENT ON COLUMN kansa.import_batch.mode IS 'strict (any reject aborts) or quarantine (rejects kept in import_reject).';
COMMENT ON COLUMN kansa.import_batch.layout IS 'What kansa found or was told: sheet, header_row, id_column, answer_column, mark_column, ownership_column (0: none).';
COMMENT ON COLUMN kansa.import_batch.rows_read IS 'Non-empty rows of the sheet read.';
COMMENT ON COLUMN kansa.import_batch.responses IS 'Responses stored (one per control; a row listing several controls gives several).';
COMMENT ON COLUMN kansa.import_batch.rejected IS 'Rows rejected (see import_reject).';
COMMENT ON COLUMN kansa.import_batch.skipped IS 'Rows skipped: titles, headers, section rows, duplicates.';
COMMENT ON COLUMN kansa.import_batch.skipped_by_reason IS 'Skipped rows counted by reason (a JSON object).';
COMMENT ON COLUMN kansa.import_batch.unknown_controls IS 'Rows rejected because their id is not a control of the framework.';
COMMENT ON COLUMN kansa.import_batch.status IS 'loaded, or loaded_with_rejects in quarantine mode.';
COMMENT ON COLUMN kansa.import_batch.imported_by IS 'The database role that imported the file.';
COMMENT ON COLUMN kansa.import_batch.started_at IS 'When the import started.';
COMMENT ON COLUMN kansa.import_batch.finished_at IS 'When the import finished.';
COMMENT ON COLUMN kansa.import_batch.read_ms IS 'Milliseconds spent reading the file and its layout.';
COMMENT ON COLUMN kansa.import_batch.total_ms IS 'Milliseconds the whole import took.';

CREATE TABLE kansa.assessment (
	id			bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organization_id bigint NOT NULL REFERENCES kansa.organization (id),
	service_id	bigint NOT NULL REFERENCES kansa.service (id),
	framework	text NOT NULL REFERENCES kansa.framework (code),
	batch_id	bigint NOT NULL REFERENCES kansa.import_batch (id),
	file_name	text NOT NULL,
	sha256		bytea NOT NULL,
	received_at	date,
	imported_at	timestamptz NOT NULL DEFAULT pg_catalog.now(),
	imported_by	text NOT NULL DEFAULT CURRENT_USER,
	superseded_by bigint REFERENCES kansa.assessment (id) DEFERRABLE INITIALLY DEFERRED,
	CHECK (superseded_by OPERATOR(pg_catalog.<>) id)
);
CREATE UNIQUE INDEX assessment_current_idx ON kansa.assessment (organization_id, service_id, framework)
	WHERE superseded_by IS NULL;
CREATE INDEX assessment_service_idx ON kansa.assessment (service_id);
ALTER TABLE kansa.import_batch ADD FOREIGN KEY (assessment_id) REFERENCES kansa.assessment (id)
	DEFERRABLE INITIALLY DEFERRED;
COMMENT ON TABLE kansa.assessment IS 'One vendor answer sheet as assessed by one organisation: a service against a framework. A newer sheet supersedes the current one; history is kept.';
COMMENT ON COLUMN kansa.assessment.id IS 'Surrogate key.';
COMMENT ON COLUMN kansa.assessment.organization_id IS 'The assessing organisation.';
COMMENT ON COLUMN kansa.assessment.service_id IS 'The service assessed.';
COMMENT ON COLUMN kansa.assessment.framework IS 'The framework answered.';
COMMENT ON COLUMN kansa.assessment.batch_id IS 'The import that created it.';
COMMENT ON COLUMN kansa.assessment.file_name IS 'The source file''s name.';
COMMENT ON COLUMN kansa.assessment.sha256 IS 'SHA-256 of the source file.';
COMMENT ON COLUMN kansa.assessment.received_at IS 'When the sheet was received from the vendor (option received, a date), if given.';
COMMENT ON COLUMN kansa.assessment.imported_at IS 'When it was imported.';
COMMENT ON COLUMN kansa.assessment.imported_by IS 'The database role that imported it.';
COMMENT ON COLUMN kansa.assessment.superseded_by IS 'The newer assessment of the same organisation, service and framework that replaced it; NULL for the current one.';

CREATE TABLE kansa.response (
	id			bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	assessment_id bigint NOT NULL REFERENCES kansa.assessment (id) ON DELETE CASCADE,
	control		kansa.control_id NOT NULL REFERENCES kansa.control (id),
	sheet		text,
	row_number	integer,
	cell		text,
	via			text NOT NULL CHECK (via OPERATOR(pg_catalog.=) ANY (ARRAY['row', 'list', 'inherit', 'range', 'blank'])),
	raw_text	text,
	clean_text	text,
	specific_text text,
	mark		text,
	ownership	text,
	sheet_verdict kansa.answer,
	classified	kansa.answer,
	verdict		kansa.answer NOT NULL,
	verdict_source text NOT NULL CHECK (verdict_source OPERATOR(pg_catalog.=) ANY (ARRAY['sheet', 'classifier', 'analyst'])),
	confidence	real,
	rule		text,
	reviewed_at	timestamptz,
	reviewed_by	text,
	UNIQUE (assessment_id, control)
);
COMMENT ON TABLE kansa.response IS 'A vendor''s answer to one control in one assessment, as read from the sheet, with its verdict.';
COMMENT ON COLUMN kansa.response.id IS 'Surrogate key; review() takes it.';
COMMENT ON COLUMN kansa.response.assessment_id IS 'The assessment (sheet) it belongs to.';
COMMENT ON COLUMN kansa.response.control IS 'The control answered.';
COMMENT ON COLUMN kansa.response.sheet IS 'Sheet name it was read from (csv or tsv for text files).';
COMMENT ON COLUMN kansa.response.row_number IS 'Row of the sheet that gave the answer (from 1).';
COMMENT ON COLUMN kansa.response.cell IS 'The answer cell, as a reference such as F12.';
COMMENT ON COLUMN kansa.response.via IS 'How the row gave the answer: row (naming the control alone), list (a cell listing several ids or a range), inherit (an empty answer repeating the one above, option blank = inherit), range (a row stating a range, e.g. 設84～設137 は対象外), blank (an empty answer).';
COMMENT ON COLUMN kansa.response.raw_text IS 'The answer cell exactly as read.';
COMMENT ON COLUMN kansa.response.clean_text IS 'clean_text(raw_text): HTML reduced, NFKC, blanks collapsed.';
COMMENT ON COLUMN kansa.response.specific_text IS 'The text without the sheet''s boilerplate (sentences repeated across its answers): what the classifier judged.';
COMMENT ON COLUMN kansa.response.mark IS 'The sheet''s own mark for the control (a CAIQ Yes/No column, ○/×), if it has one.';
COMMENT ON COLUMN kansa.response.ownership IS 'The sheet''s responsibility column (CAIQ SSRM Control Ownership), if it has one.';
COMMENT ON COLUMN kansa.response.sheet_verdict IS 'The verdict the sheet''s mark and ownership give, if any.';
COMMENT ON COLUMN kansa.response.classified IS 'The classifier''s verdict on the text (classify with the sheet''s boilerplate).';
COMMENT ON COLUMN kansa.response.verdict IS 'The verdict in force: the latest analyst review, else the sheet''s mark (a description stating a plan or exception lowers it), else the classifier''s.';
COMMENT ON COLUMN kansa.response.verdict_source IS 'Where the verdict comes from: sheet, classifier or analyst.';
COMMENT ON COLUMN kansa.response.confidence IS 'The classifier''s confidence (0-1); 1 for sheet marks and analyst reviews.';
COMMENT ON COLUMN kansa.response.rule IS 'The classifier rule that decided (classify_explain), or sheet_mark / analyst.';
COMMENT ON COLUMN kansa.response.reviewed_at IS 'When an analyst last reviewed the verdict.';
COMMENT ON COLUMN kansa.response.reviewed_by IS 'Who last reviewed it.';

CREATE TABLE kansa.response_evidence (
	response_id	bigint NOT NULL REFERENCES kansa.response (id) ON DELETE CASCADE,
	position	integer NOT NULL,
	evidence	kansa.evidence NOT NULL,
	PRIMARY KEY (response_id, position)
);
CREATE INDEX response_evidence_evidence_idx ON kansa.response_evidence (evidence);
COMMENT ON TABLE kansa.response_evidence IS 'The evidence a response cites (extract_evidence of its text), in order.';
COMMENT ON COLUMN kansa.response_evidence.response_id IS 'The response.';
COMMENT ON COLUMN kansa.response_evidence.position IS 'Order of the item in the text, from 1.';
COMMENT ON COLUMN kansa.response_evidence.evidence IS 'The evidence item.';

CREATE TABLE kansa.response_measure (
	response_id	bigint NOT NULL REFERENCES kansa.response (id) ON DELETE CASCADE,
	position	integer NOT NULL,
	quantity	text NOT NULL REFERENCES kansa.quantity (name),
	measure		kansa.measure NOT NULL,
	span		text,
	PRIMARY KEY (response_id, position)
);
CREATE INDEX response_measure_quantity_idx ON kansa.response_measure (quantity);
COMMENT ON TABLE kansa.response_measure IS 'The figures a response states (extract_measures of its text), in order.';
COMMENT ON COLUMN kansa.response_measure.response_id IS 'The response.';
COMMENT ON COLUMN kansa.response_measure.position IS 'Order of the figure in the text, from 1.';
COMMENT ON COLUMN kansa.response_measure.quantity IS 'What the figure is about (kansa.quantity).';
COMMENT ON COLUMN kansa.response_measure.measure IS 'The figure as a measure.';
COMMENT ON COLUMN kansa.response_measure.span IS 'The words of the text it was read from.';

CREATE TABLE kansa.response_review (
	id			bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	response_id	bigint NOT NULL REFERENCES kansa.response (id) ON DELETE CASCADE,
	reviewed_at	timestamptz NOT NULL DEFAULT pg_catalog.now(),
	reviewed_by	text NOT NULL DEFAULT CURRENT_USER,
	old_verdict	kansa.answer NOT NULL,
	old_source	text NOT NULL,
	new_verdict	kansa.answer NOT NULL,
	note		text
);
CREATE INDEX response_review_response_idx ON kansa.response_review (response_id);
COMMENT ON TABLE kansa.response_review IS 'Every analyst review of a verdict (review()): who, when, from what, to what, and why.';
COMMENT ON COLUMN kansa.response_review.id IS 'Surrogate key, in review order.';
COMMENT ON COLUMN kansa.response_review.response_id IS 'The response reviewed.';
COMMENT ON COLUMN kansa.response_review.reviewed_at IS 'When.';
COMMENT ON COLUMN kansa.response_review.reviewed_by IS 'The database role that reviewed.';
COMMENT ON COLUMN kansa.response_review.old_verdict IS 'The verdict before the review.';
COMMENT ON COLUMN kansa.response_review.old_source IS 'Where that verdict came from (sheet, classifier, analyst).';
COMMENT ON COLUMN kansa.response_review.new_verdict IS 'The verdict the analyst set.';
COMMENT ON COLUMN kansa.response_review.note IS 'The analyst''s reason.';

CREATE TABLE kansa.import_reject (
	batch_id	bigint NOT NULL REFERENCES kansa.import_batch (id) ON DELETE CASCADE,
	sheet		text,
	row_number	integer NOT NULL,
	column_number integer,
	cell		text,
	raw_value	text,
	reason		text NOT NULL,
	sqlstate	text NOT NULL,
	message		text NOT NULL,
	PRIMARY KEY (batch_id, row_number)
);
COMMENT ON TABLE kansa.import_reject IS 'Rows a quarantine-mode import could not load, each with why: nothing is dropped silently.';
COMMENT ON COLUMN kansa.import_reject.batch_id IS 'The import.';
COMMENT ON COLUMN kansa.import_reject.sheet IS 'Sheet name.';
COMMENT ON COLUMN kansa.import_reject.row_number IS 'Row of the sheet (from 1).';
COMMENT ON COLUMN kansa.import_reject.column_number IS 'Column of the offending cell (from 1).';
COMMENT ON COLUMN kansa.import_reject.cell IS 'The offending cell as a reference such as D12.';
COMMENT ON COLUMN kansa.import_reject.raw_value IS 'The offending cell''s value as read.';
COMMENT ON COLUMN kansa.import_reject.reason IS 'unknown control, no control id, or conflicting duplicate.';
COMMENT ON COLUMN kansa.import_reject.sqlstate IS 'SQLSTATE a strict import raises for it: 23503 unknown control, 23502 no control id, 23505 conflicting duplicate.';
COMMENT ON COLUMN kansa.import_reject.message IS 'The error message a strict import raises for it.';

-----------------------------------------------------------------------------
-- Importing answer sheets
-----------------------------------------------------------------------------

CREATE TYPE kansa.sheet_line AS (
	kind		text,
	sheet		text,
	row_number	integer,
	column_number integer,
	control		text,
	cell		text,
	answer		text,
	mark		text,
	ownership	text,
	via			text,
	reason		text,
	sqlstate	text
);
COMMENT ON TYPE kansa.sheet_line IS 'What sheet_answers() says of a row of an answer sheet: kind layout, response, skipped or rejected; the sheet, row and column; the control (local id) and the id cell as read; the answer, mark and ownership cells; via (row, list, inherit, range, blank); reason (the layout as JSON, the skip reason, or the reject message); sqlstate of a reject.';

COMMENT ON COLUMN kansa.sheet_line.kind IS 'layout, response, skipped or rejected.';
COMMENT ON COLUMN kansa.sheet_line.sheet IS 'The sheet read (csv or tsv for text files).';
COMMENT ON COLUMN kansa.sheet_line.row_number IS 'Row of the sheet, from 1 (for layout: the header row, 0 if none).';
COMMENT ON COLUMN kansa.sheet_line.column_number IS 'Column of the answer cell (responses), of the offending cell (rejects), or the answer column (layout).';
COMMENT ON COLUMN kansa.sheet_line.control IS 'Local id of the control answered (responses).';
COMMENT ON COLUMN kansa.sheet_line.cell IS 'The id cell as read (responses and rejects).';
COMMENT ON COLUMN kansa.sheet_line.answer IS 'The answer cell as read (responses).';
COMMENT ON COLUMN kansa.sheet_line.mark IS 'The mark cell (a CAIQ answer, ○/×), if the sheet has a mark column.';
COMMENT ON COLUMN kansa.sheet_line.ownership IS 'The ownership cell (CAIQ SSRM), if the sheet has one.';
COMMENT ON COLUMN kansa.sheet_line.via IS 'How the row answers the control: row, list, inherit, range or blank.';
COMMENT ON COLUMN kansa.sheet_line.reason IS 'layout: the layout as JSON; skipped: why (title, header, repeated header, section, duplicate); rejected: the error message.';
COMMENT ON COLUMN kansa.sheet_line.sqlstate IS 'SQLSTATE of a reject: 23503 unknown control, 23502 no control id, 23505 conflicting duplicate.';

CREATE FUNCTION kansa.sheet_answers(content bytea, framework text, controls text[],
									sections text[], section_titles text[],
									options jsonb DEFAULT '{}')
	RETURNS SETOF kansa.sheet_line
	AS 'MODULE_PATHNAME', 'kansa_sheet_answers' LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 500;
COMMENT ON FUNCTION kansa.sheet_answers(bytea, text, text[], text[], text[], jsonb) IS 'How kansa reads an answer sheet against a catalog (controls: local ids in document order; sections and their titles): a layout row (reason: JSON of sheet, header_row and columns), then per non-empty row its responses (control, answer, mark, ownership, via), or why it was skipped (reason) or rejected (reason: message; sqlstate). import_sheet() stores what this returns.';

CREATE FUNCTION kansa.sheet_answers(content bytea, framework text, options jsonb DEFAULT '{}')
	RETURNS SETOF kansa.sheet_line
	LANGUAGE sql STABLE PARALLEL SAFE ROWS 500
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		SELECT a.* FROM kansa.sheet_answers(content, framework,
			ARRAY(SELECT kansa.local_id(c.id) FROM kansa.control AS c
				   WHERE c.framework = sheet_answers.framework AND c.kind = 'control'
				   ORDER BY c.position, c.id),
			ARRAY(SELECT kansa.local_id(c.id) FROM kansa.control AS c
				   WHERE c.framework = sheet_answers.framework AND c.kind = 'section'
				   ORDER BY c.position, c.id),
			ARRAY(SELECT COALESCE(c.title, '') FROM kansa.control AS c
				   WHERE c.framework = sheet_answers.framework AND c.kind = 'section'
				   ORDER BY c.position, c.id),
			options) AS a;
	END;
COMMENT ON FUNCTION kansa.sheet_answers(bytea, text, jsonb) IS 'sheet_answers() against the catalog of a framework in kansa.control: a dry run of import_sheet() that stores nothing and shows what every row would become.';

CREATE FUNCTION kansa.column_name(column_number integer) RETURNS text
	AS 'MODULE_PATHNAME', 'kansa_column_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.column_name(integer) IS 'The spreadsheet letters of a column number (1 A, 27 AA, 16384 XFD); NULL outside 1-16384.';

CREATE FUNCTION kansa.sheet_verdict(mark text, ownership text, description kansa.answer)
	RETURNS kansa.answer
	LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	m kansa.answer;
	st text;
	resp text;
BEGIN
	IF mark IS NULL OR NOT kansa.is_valid_answer(mark) THEN
		RETURN NULL;
	END IF;
	m := kansa.answer(mark);
	st := kansa.status(m);
	resp := kansa.responsibility(m);
	IF ownership IS NOT NULL AND kansa.is_valid_answer('implemented/' || ownership) THEN
		resp := kansa.responsibility(kansa.answer('implemented/' || ownership));
	END IF;
	-- a "Yes" whose description states an exception or a plan is not a plain yes
	IF st = 'implemented' AND kansa.status(description) IN ('partial', 'planned') THEN
		st := kansa.status(description);
	END IF;
	IF st IN ('not_applicable', 'unanswered') THEN
		resp := NULL;
	END IF;
	RETURN kansa.answer(st, resp);
END;
$$;
COMMENT ON FUNCTION kansa.sheet_verdict(text, text, kansa.answer) IS 'The verdict of a sheet''s own mark (Yes/No/N/A, ○/△/×) with its ownership column (CAIQ SSRM ownership); a Yes whose description reads as partial or planned takes that status. NULL when there is no valid mark.';

CREATE FUNCTION kansa.import_sheet(organization text, vendor text, service text, framework text,
								   content bytea, file_name text, options jsonb DEFAULT '{}',
								   OUT batch_id bigint, OUT assessment_id bigint, OUT status text,
								   OUT format text, OUT sheet text, OUT rows_read integer,
								   OUT responses integer, OUT rejected integer,
								   OUT skipped integer, OUT unknown_controls integer)
	RETURNS record
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	v_started timestamptz := pg_catalog.clock_timestamp();
	v_read timestamptz;
	v_org bigint;
	v_vendor bigint;
	v_service bigint;
	v_sha bytea;
	v_mode text;
	v_lines kansa.sheet_line[];
	v_layout jsonb;
	v_prev bigint;
	v_boiler text[];
	v_bad record;
	v_key text;
	v_received date;
	v_skipped jsonb;
BEGIN
	IF organization IS NULL OR vendor IS NULL OR service IS NULL OR framework IS NULL
	   OR content IS NULL OR file_name IS NULL THEN
		RAISE EXCEPTION 'import_sheet arguments must not be null'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	options := COALESCE(options, '{}');
	IF jsonb_typeof(options) <> 'object' THEN
		RAISE EXCEPTION 'options must be a JSON object' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	FOR v_key IN SELECT k FROM jsonb_object_keys(options) AS k LOOP
		IF v_key <> ALL (ARRAY['mode', 'blank', 'format', 'encoding', 'delimiter', 'sheet',
							   'header_row', 'id_column', 'answer_column', 'mark_column',
							   'ownership_column', 'received', 'reload']) THEN
			RAISE EXCEPTION 'unknown option "%"', v_key
				USING ERRCODE = 'invalid_parameter_value',
					  HINT = 'Options are mode, blank, format, encoding, delimiter, sheet, header_row, id_column, answer_column, mark_column, ownership_column, received and reload.';
		END IF;
	END LOOP;
	v_mode := COALESCE(options->>'mode', 'strict');
	IF v_mode NOT IN ('strict', 'quarantine') THEN
		RAISE EXCEPTION 'invalid value "%" for option "mode"', v_mode
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Use strict (any rejected row aborts the import) or quarantine (good rows load, rejected rows go to kansa.import_reject).';
	END IF;
	v_received := (options->>'received')::date;
	PERFORM FROM kansa.framework AS f WHERE f.code = import_sheet.framework;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'framework "%" does not exist', framework
			USING ERRCODE = 'foreign_key_violation',
				  HINT = 'The frameworks are the rows of kansa.framework.';
	END IF;

	INSERT INTO kansa.organization (name) VALUES (organization) ON CONFLICT (name) DO NOTHING;
	SELECT o.id INTO STRICT v_org FROM kansa.organization AS o WHERE o.name = organization;
	INSERT INTO kansa.vendor (name) VALUES (vendor) ON CONFLICT (name) DO NOTHING;
	SELECT v.id INTO STRICT v_vendor FROM kansa.vendor AS v WHERE v.name = vendor;
	INSERT INTO kansa.service (vendor_id, name) VALUES (v_vendor, service)
		ON CONFLICT (vendor_id, name) DO NOTHING;
	-- one import at a time per service: the same file twice loads once
	SELECT s.id INTO STRICT v_service FROM kansa.service AS s
	 WHERE s.vendor_id = v_vendor AND s.name = service FOR UPDATE;

	v_sha := pg_catalog.sha256(content);
	IF NOT COALESCE((options->>'reload')::boolean, false) THEN
		SELECT b.id, b.assessment_id, b.format, b.layout->>'sheet', b.rows_read, b.responses,
			   b.rejected, b.skipped, b.unknown_controls
		  INTO batch_id, assessment_id, format, sheet, rows_read, responses, rejected,
			   skipped, unknown_controls
		  FROM kansa.import_batch AS b
		 WHERE b.organization_id = v_org AND b.service_id = v_service
		   AND b.framework = import_sheet.framework AND b.sha256 = v_sha
		 ORDER BY b.id DESC LIMIT 1;
		IF FOUND THEN
			status := 'already_loaded';
			RETURN;
		END IF;
	END IF;

	v_lines := ARRAY(SELECT a FROM kansa.sheet_answers(content, import_sheet.framework,
							options - 'mode' - 'received' - 'reload') AS a);
	v_read := pg_catalog.clock_timestamp();
	SELECT l.reason::jsonb INTO v_layout FROM unnest(v_lines) AS l WHERE l.kind = 'layout';
	format := v_layout->>'format';
	sheet := v_layout->>'sheet';

	IF v_mode = 'strict' THEN
		SELECT l.* INTO v_bad FROM unnest(v_lines) AS l WHERE l.kind = 'rejected'
		 ORDER BY l.row_number LIMIT 1;
		IF FOUND THEN
			RAISE EXCEPTION '%: sheet "%", row %, cell %: %', file_name, v_bad.sheet,
				v_bad.row_number,
				COALESCE(kansa.column_name(v_bad.column_number) || v_bad.row_number, '?'),
				v_bad.reason
				USING ERRCODE = v_bad.sqlstate,
					  DETAIL = format('%s rows of the file are rejected; nothing was loaded.',
									  (SELECT count(*) FROM unnest(v_lines) AS l
										WHERE l.kind = 'rejected')),
					  HINT = 'Correct the sheet, or import it with option mode = quarantine to load the good rows and keep the rejected ones in kansa.import_reject.';
		END IF;
	END IF;

	INSERT INTO kansa.import_batch (organization_id, service_id, framework, file_name, format,
									sha256, size_bytes, options, mode, layout, started_at)
	VALUES (v_org, v_service, framework, file_name, format, v_sha, pg_catalog.length(content),
			options, v_mode, v_layout, v_started)
	RETURNING id INTO batch_id;

	SELECT a.id INTO v_prev FROM kansa.assessment AS a
	 WHERE a.organization_id = v_org AND a.service_id = v_service
	   AND a.framework = import_sheet.framework AND a.superseded_by IS NULL
	   FOR UPDATE;
	assessment_id := pg_catalog.nextval(pg_catalog.pg_get_serial_sequence('kansa.assessment', 'id'));
	IF v_prev IS NOT NULL THEN
		UPDATE kansa.assessment AS a SET superseded_by = import_sheet.assessment_id
		 WHERE a.id = v_prev;
	END IF;
	INSERT INTO kansa.assessment (id, organization_id, service_id, framework, batch_id,
								  file_name, sha256, received_at)
		OVERRIDING SYSTEM VALUE
	VALUES (assessment_id, v_org, v_service, framework, batch_id, file_name, v_sha, v_received);

	-- boilerplate over distinct texts: an answer shared by merged cells, a
	-- list or a range is one answer, not many
	v_boiler := kansa.boilerplate(ARRAY(SELECT DISTINCT l.answer FROM unnest(v_lines) AS l
										 WHERE l.kind = 'response' AND l.answer IS NOT NULL));

	WITH lines AS (
		SELECT l.*, kansa.classify_explain(l.answer, v_boiler) AS ce
		  FROM unnest(v_lines) AS l
		 WHERE l.kind = 'response'
	), judged AS (
		SELECT l.*, CASE WHEN l.mark IS NOT NULL
						 THEN kansa.sheet_verdict(l.mark, l.ownership, (l.ce).verdict) END AS sv
		  FROM lines AS l
	), ins AS (
		INSERT INTO kansa.response (assessment_id, control, sheet, row_number, cell, via,
									raw_text, clean_text, specific_text, mark, ownership,
									sheet_verdict, classified, verdict, verdict_source,
									confidence, rule)
		SELECT import_sheet.assessment_id,
			   kansa.control_id(import_sheet.framework, j.control),
			   j.sheet, j.row_number,
			   kansa.column_name(j.column_number) || j.row_number,
			   j.via, j.answer, kansa.clean_text(j.answer), (j.ce).specific_text,
			   j.mark, j.ownership, j.sv, (j.ce).verdict,
			   COALESCE(j.sv, (j.ce).verdict),
			   CASE WHEN j.sv IS NOT NULL THEN 'sheet' ELSE 'classifier' END,
			   CASE WHEN j.sv IS NOT NULL THEN 1 ELSE (j.ce).confidence END,
			   CASE WHEN j.sv IS NOT NULL THEN 'sheet_mark' ELSE (j.ce).rule END
		  FROM judged AS j
		RETURNING id, clean_text
	), ev AS (
		INSERT INTO kansa.response_evidence (response_id, position, evidence)
		SELECT i.id, e.n, e.evidence
		  FROM ins AS i,
			   LATERAL kansa.extract_evidence(i.clean_text) WITH ORDINALITY AS e (evidence, n)
		 WHERE i.clean_text IS NOT NULL
	), ms AS (
		INSERT INTO kansa.response_measure (response_id, position, quantity, measure, span)
		SELECT i.id, m.n, m.quantity, m.measure, m.span
		  FROM ins AS i,
			   LATERAL kansa.extract_measures(i.clean_text) WITH ORDINALITY
					AS m (quantity, measure, span, n)
		 WHERE i.clean_text IS NOT NULL
	)
	SELECT pg_catalog.count(*)::integer INTO responses FROM ins;

	INSERT INTO kansa.import_reject (batch_id, sheet, row_number, column_number, cell,
									 raw_value, reason, sqlstate, message)
	SELECT import_sheet.batch_id, l.sheet, l.row_number, l.column_number,
		   kansa.column_name(l.column_number) || l.row_number, l.cell,
		   CASE l.sqlstate WHEN '23503' THEN 'unknown control'
						   WHEN '23502' THEN 'no control id'
						   ELSE 'conflicting duplicate' END,
		   l.sqlstate, l.reason
	  FROM unnest(v_lines) AS l
	 WHERE l.kind = 'rejected';

	SELECT pg_catalog.count(DISTINCT l.row_number) FILTER (WHERE l.kind <> 'layout')::integer,
		   pg_catalog.count(*) FILTER (WHERE l.kind = 'rejected')::integer,
		   pg_catalog.count(*) FILTER (WHERE l.kind = 'skipped')::integer,
		   pg_catalog.count(*) FILTER (WHERE l.kind = 'rejected' AND l.sqlstate = '23503')::integer
	  INTO rows_read, rejected, skipped, unknown_controls
	  FROM unnest(v_lines) AS l;
	SELECT COALESCE(pg_catalog.jsonb_object_agg(r.reason, r.n), '{}') INTO v_skipped
	  FROM (SELECT l.reason, pg_catalog.count(*) AS n FROM unnest(v_lines) AS l
			 WHERE l.kind = 'skipped' GROUP BY l.reason ORDER BY l.reason) AS r;
	status := CASE WHEN rejected > 0 THEN 'loaded_with_rejects' ELSE 'loaded' END;

	UPDATE kansa.import_batch AS b
	   SET assessment_id = import_sheet.assessment_id, rows_read = import_sheet.rows_read,
		   responses = import_sheet.responses, rejected = import_sheet.rejected,
		   skipped = import_sheet.skipped, skipped_by_reason = v_skipped,
		   unknown_controls = import_sheet.unknown_controls, status = import_sheet.status,
		   finished_at = pg_catalog.clock_timestamp(),
		   read_ms = pg_catalog.round((EXTRACT(epoch FROM v_read - v_started) * 1000)::numeric, 1),
		   total_ms = pg_catalog.round((EXTRACT(epoch FROM pg_catalog.clock_timestamp() - v_started) * 1000)::numeric, 1)
	 WHERE b.id = import_sheet.batch_id;
END;
$$;
COMMENT ON FUNCTION kansa.import_sheet(text, text, text, text, bytea, text, jsonb) IS 'Imports a vendor''s answer sheet (xlsx, csv or tsv; UTF-8, UTF-16 or CP932) for an organisation, vendor and service against a framework, creating them as needed: finds the sheet, header and columns, resolves ids leniently, gives every response a verdict, evidence and measures. Modes strict (default; any rejected row aborts with an error naming file, sheet, row and cell) and quarantine. The same bytes again return the earlier batch as already_loaded; a new file supersedes the current assessment. Options: mode, blank (gap|inherit), format, encoding, delimiter, sheet, header_row, id_column, answer_column, mark_column, ownership_column, received (date), reload (load the same bytes again).';

CREATE FUNCTION kansa.review(response_id bigint, verdict kansa.answer, note text DEFAULT NULL)
	RETURNS kansa.response
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	r kansa.response;
BEGIN
	IF verdict IS NULL THEN
		RAISE EXCEPTION 'verdict must not be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	SELECT * INTO r FROM kansa.response AS x WHERE x.id = review.response_id FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'response % does not exist', response_id
			USING ERRCODE = 'no_data_found';
	END IF;
	INSERT INTO kansa.response_review (response_id, old_verdict, old_source, new_verdict, note)
	VALUES (r.id, r.verdict, r.verdict_source, verdict, note);
	UPDATE kansa.response AS x
	   SET verdict = review.verdict, verdict_source = 'analyst', confidence = 1,
		   rule = 'analyst', reviewed_at = pg_catalog.now(), reviewed_by = CURRENT_USER
	 WHERE x.id = r.id
	RETURNING * INTO r;
	RETURN r;
END;
$$;
COMMENT ON FUNCTION kansa.review(bigint, kansa.answer, text) IS 'An analyst''s verdict on a response: recorded in response_review (who, when, from what, to what, note) and made the response''s verdict (source analyst).';

SELECT pg_catalog.pg_extension_config_dump('kansa.organization', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.vendor', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.service', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.import_batch', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.assessment', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.response', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.response_evidence', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.response_measure', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.response_review', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.import_reject', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.organization_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.vendor_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.service_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.import_batch_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.assessment_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.response_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.response_review_id_seq', '');

-- The operator families CREATE OPERATOR CLASS made for each type.
COMMENT ON OPERATOR FAMILY kansa.control_id_ops USING btree IS 'The btree operator family of control_id (its default operator class).';
COMMENT ON OPERATOR FAMILY kansa.control_id_hash_ops USING hash IS 'The hash operator family of control_id (its default operator class).';
COMMENT ON OPERATOR FAMILY kansa.answer_ops USING btree IS 'The btree operator family of answer (its default operator class).';
COMMENT ON OPERATOR FAMILY kansa.answer_hash_ops USING hash IS 'The hash operator family of answer (its default operator class).';
COMMENT ON OPERATOR FAMILY kansa.evidence_ops USING btree IS 'The btree operator family of evidence (its default operator class).';
COMMENT ON OPERATOR FAMILY kansa.evidence_hash_ops USING hash IS 'The hash operator family of evidence (its default operator class).';
COMMENT ON OPERATOR FAMILY kansa.measure_ops USING btree IS 'The btree operator family of measure (its default operator class).';
COMMENT ON OPERATOR FAMILY kansa.measure_hash_ops USING hash IS 'The hash operator family of measure (its default operator class).';
