-- sql/12_evidence.sql: the type evidence (kind:ref, what an answer cites),
-- its constructors, accessors and casts, its comparison operators and
-- operator classes, and extract_evidence(), which finds it in a text.

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
	AS 'MODULE_PATHNAME', 'evidence_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.evidence_ne(kansa.evidence, kansa.evidence) RETURNS boolean
	AS 'MODULE_PATHNAME', 'evidence_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.evidence_lt(kansa.evidence, kansa.evidence) RETURNS boolean
	AS 'MODULE_PATHNAME', 'evidence_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.evidence_le(kansa.evidence, kansa.evidence) RETURNS boolean
	AS 'MODULE_PATHNAME', 'evidence_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.evidence_gt(kansa.evidence, kansa.evidence) RETURNS boolean
	AS 'MODULE_PATHNAME', 'evidence_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.evidence_ge(kansa.evidence, kansa.evidence) RETURNS boolean
	AS 'MODULE_PATHNAME', 'evidence_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.evidence_cmp(kansa.evidence, kansa.evidence) RETURNS integer
	AS 'MODULE_PATHNAME', 'evidence_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.evidence_hash(kansa.evidence) RETURNS integer
	AS 'MODULE_PATHNAME', 'evidence_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION kansa.evidence_hash_extended(kansa.evidence, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME', 'evidence_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
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
COMMENT ON OPERATOR FAMILY kansa.evidence_ops USING btree IS 'The btree operator family of evidence (its default operator class).';
CREATE OPERATOR CLASS kansa.evidence_hash_ops
	DEFAULT FOR TYPE kansa.evidence USING hash AS
		OPERATOR 1 kansa.= ,
		FUNCTION 1 kansa.evidence_hash(kansa.evidence),
		FUNCTION 2 kansa.evidence_hash_extended(kansa.evidence, bigint);
COMMENT ON OPERATOR CLASS kansa.evidence_hash_ops USING hash IS 'Hashing of evidence.';
COMMENT ON OPERATOR FAMILY kansa.evidence_hash_ops USING hash IS 'The hash operator family of evidence (its default operator class).';

CREATE FUNCTION kansa.extract_evidence(text) RETURNS SETOF kansa.evidence
	AS 'MODULE_PATHNAME', 'kansa_extract_evidence_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 3;
COMMENT ON FUNCTION kansa.extract_evidence(text) IS 'The evidence an answer cites (URLs, certification numbers, ISO 27001 Annex A and ISO 27017 clauses, terms-of-service articles and other customer-readable documents, SOC/ISAE reports), in order of first appearance, duplicates removed.';
