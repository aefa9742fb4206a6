-- sql/10_control_id.sql: the type control_id (framework:local, which control
-- of which framework), its constructors, accessors and casts, its comparison
-- and containment operators and its btree and hash operator classes.

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
	AS 'MODULE_PATHNAME', 'control_id_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.control_id_ne(kansa.control_id, kansa.control_id) RETURNS boolean
	AS 'MODULE_PATHNAME', 'control_id_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.control_id_lt(kansa.control_id, kansa.control_id) RETURNS boolean
	AS 'MODULE_PATHNAME', 'control_id_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.control_id_le(kansa.control_id, kansa.control_id) RETURNS boolean
	AS 'MODULE_PATHNAME', 'control_id_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.control_id_gt(kansa.control_id, kansa.control_id) RETURNS boolean
	AS 'MODULE_PATHNAME', 'control_id_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.control_id_ge(kansa.control_id, kansa.control_id) RETURNS boolean
	AS 'MODULE_PATHNAME', 'control_id_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.control_id_cmp(kansa.control_id, kansa.control_id) RETURNS integer
	AS 'MODULE_PATHNAME', 'control_id_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.control_id_sortsupport(internal) RETURNS void
	AS 'MODULE_PATHNAME', 'control_id_sortsupport' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.control_id_hash(kansa.control_id) RETURNS integer
	AS 'MODULE_PATHNAME', 'control_id_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.control_id_hash_extended(kansa.control_id, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME', 'control_id_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.control_id_contains(kansa.control_id, kansa.control_id) RETURNS boolean
	AS 'MODULE_PATHNAME', 'control_id_contains' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.control_id_contained(kansa.control_id, kansa.control_id) RETURNS boolean
	AS 'MODULE_PATHNAME', 'control_id_contained' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

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

-- Not LEAKPROOF (nor evidence's below), although they raise no error that
-- depends on their arguments: tenant tables have indexes on control_id and
-- evidence columns, and a LEAKPROOF operator lets the planner use such an
-- index for a tenant's own condition ahead of row-level security, where
-- EXPLAIN ANALYZE's "Rows Removed by Filter" counts the other
-- organisations' rows that match (which controls they answer, which
-- certificates their vendors cite).  answer and measure stay LEAKPROOF: no
-- tenant table indexes them.

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
COMMENT ON OPERATOR FAMILY kansa.control_id_ops USING btree IS 'The btree operator family of control_id (its default operator class).';

CREATE OPERATOR CLASS kansa.control_id_hash_ops
	DEFAULT FOR TYPE kansa.control_id USING hash AS
		OPERATOR 1 kansa.= ,
		FUNCTION 1 kansa.control_id_hash(kansa.control_id),
		FUNCTION 2 kansa.control_id_hash_extended(kansa.control_id, bigint);
COMMENT ON OPERATOR CLASS kansa.control_id_hash_ops USING hash IS 'Hashing of control_ids (hash joins, hash indexes, hash partitioning).';
COMMENT ON OPERATOR FAMILY kansa.control_id_hash_ops USING hash IS 'The hash operator family of control_id (its default operator class).';
