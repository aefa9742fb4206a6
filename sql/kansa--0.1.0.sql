\echo Use "CREATE EXTENSION kansa" to load this file. \quit
-- Generated from sql/kansa.sql and data/*.tsv by scripts/catalog2sql; do not edit.
-- Frozen as 0.1.0 released it (commit 9d4a338), but for its citations of
-- published documents, which name the documents themselves (comments and
-- the shipped catalogs' source texts; no object or behaviour changed).

-- kansa install script source.  The build compiles the shipped catalogs
-- (data/*.tsv) into it at the "@CATALOG_DATA@" line and writes the result to
-- sql/kansa--<version>.sql.
--
-- House rules (see README): no CREATE OR REPLACE, no IF NOT EXISTS, every
-- object commented, built-ins qualified with pg_catalog in bodies.
--
-- Name resolution (CVE-2018-1058 and its kin); scripts/lint-sql checks the
-- rules, test/cli/trojan.sh tries to break them:
--   * Every function call is schema-qualified (pg_catalog.count(*),
--     kansa.local_id(id)), except keyword constructs such as COALESCE,
--     NULLIF, GREATEST, CAST and EXTRACT, which the grammar resolves.
--   * Every LANGUAGE sql or plpgsql function sets search_path = pg_catalog,
--     pg_temp: a plpgsql body is parsed when it runs, under the caller's
--     search_path otherwise.  A SET stops a SQL function from being inlined;
--     none of the SQL functions is used by a view.
--   * Operators are qualified (OPERATOR(pg_catalog.=)) in table definitions
--     and DO blocks; in function bodies and views they are not, on purpose.
--     Function bodies run with the search_path above.  A view's operators
--     are bound once, when CREATE EXTENSION creates it, and CREATE EXTENSION
--     runs this script with search_path = kansa, pg_temp whatever the
--     session's search_path: pg_catalog is searched first, then kansa, and
--     pg_temp is never searched for operators or functions.  A look-alike
--     planted in any other schema (public, or one first on the installing
--     role's search_path) is never seen.  What remains is the kansa schema
--     itself, so the guard below refuses to install into a kansa schema
--     that someone else owns or may create objects in.

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

-- CREATE EXTENSION makes the schema kansa unless it exists, and then uses
-- it as it is.  One made beforehand is trusted like this script: it must
-- belong to the installing role or a superuser, and nobody else may own an
-- object in it or create one (its owner could rename it and put look-alikes
-- of kansa's functions in its place; anyone who may create in it could
-- plant better-matching operators for the views).
DO $$
DECLARE
	v_nsp pg_catalog.oid;
	v_who pg_catalog.oid;
	v_what text;
BEGIN
	SELECT n.oid INTO v_nsp FROM pg_catalog.pg_namespace AS n
	 WHERE n.nspname OPERATOR(pg_catalog.=) 'kansa';
	SELECT x.who, x.what INTO v_who, v_what
	  FROM (SELECT n.nspowner AS who, 'owns it' AS what
			  FROM pg_catalog.pg_namespace AS n WHERE n.oid OPERATOR(pg_catalog.=) v_nsp
			UNION ALL
			SELECT a.grantee, 'may create objects in it'
			  FROM pg_catalog.pg_namespace AS n, pg_catalog.aclexplode(n.nspacl) AS a
			 WHERE n.oid OPERATOR(pg_catalog.=) v_nsp
			   AND a.privilege_type OPERATOR(pg_catalog.=) 'CREATE'
			UNION ALL
			SELECT p.proowner, 'owns a function in it' FROM pg_catalog.pg_proc AS p
			 WHERE p.pronamespace OPERATOR(pg_catalog.=) v_nsp
			UNION ALL
			SELECT o.oprowner, 'owns an operator in it' FROM pg_catalog.pg_operator AS o
			 WHERE o.oprnamespace OPERATOR(pg_catalog.=) v_nsp
			UNION ALL
			SELECT t.typowner, 'owns a type in it' FROM pg_catalog.pg_type AS t
			 WHERE t.typnamespace OPERATOR(pg_catalog.=) v_nsp
			UNION ALL
			SELECT c.relowner, 'owns a relation in it' FROM pg_catalog.pg_class AS c
			 WHERE c.relnamespace OPERATOR(pg_catalog.=) v_nsp) AS x
	 WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_roles AS r
						WHERE r.oid OPERATOR(pg_catalog.=) x.who
						  AND (r.rolsuper OR r.rolname OPERATOR(pg_catalog.=) CURRENT_USER))
	 LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'schema "kansa" exists already and % %', CASE WHEN v_who OPERATOR(pg_catalog.=) '0'
			THEN 'PUBLIC' ELSE v_who::pg_catalog.regrole::pg_catalog.text END, v_what
			USING ERRCODE = 'insufficient_privilege',
				  DETAIL = 'CREATE EXTENSION kansa installs into the schema kansa as it finds it, so whoever owns it or may create in it could replace or shadow kansa''s functions and operators.',
				  HINT = 'Drop the schema kansa first (CREATE EXTENSION creates it), or give it and everything in it to the installing role and revoke CREATE on it from everyone else.';
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
COMMENT ON FUNCTION kansa.read_sheet(bytea, jsonb) IS 'Every non-empty cell kansa reads from an answer sheet file, by row and column (from 1). Delimited text: comma or tab (guessed from the first line, or options format csv/tsv, delimiter), quoted fields with line breaks and doubled quotes; UTF-8 with or without BOM, UTF-16 with BOM, or CP932/Shift_JIS (guessed, or option encoding). xlsx workbooks: every sheet, or only the one option sheet names; shared and inline strings, numbers, booleans, cached formula values, merged ranges filled with their top-left value. Caps: the settings kansa.import_max_*.';

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
	section_depth integer NOT NULL DEFAULT 1
				CHECK (section_depth OPERATOR(pg_catalog.>=) 1 AND section_depth OPERATOR(pg_catalog.<=) 9),
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
COMMENT ON COLUMN kansa.framework.section_depth IS 'Which level of the section tree section_coverage reports (1: the top level, e.g. fisc8 設/運/技; 2 for asp_saas, whose top level is only its two parts II and III).';
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
	depth		integer,
	section		text,
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
COMMENT ON COLUMN kansa.control.depth IS 'Level in the document tree (1 at the top); kept by a trigger.';
COMMENT ON COLUMN kansa.control.section IS 'Local id of the section the control is reported under in section_coverage: its ancestor (or itself, for a section) at the framework''s section_depth, e.g. 設 or III.2; NULL outside any section. Kept by a trigger.';

-- depth and section follow parent, kind and framework.section_depth: every
-- statement that changes those recomputes them (a catalog has ~1,000 rows)
CREATE FUNCTION kansa.control_tree_refresh() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	WITH RECURSIVE walk (id, depth, section) AS (
		SELECT t.id, 1, CASE WHEN t.kind = 'section' THEN kansa.local_id(t.id) END
		  FROM kansa.control AS t
		 WHERE t.parent IS NULL
		UNION ALL
		SELECT t.id, w.depth + 1,
			   CASE WHEN t.kind = 'section' AND w.depth < f.section_depth
					THEN kansa.local_id(t.id) ELSE w.section END
		  FROM walk AS w
		  JOIN kansa.control AS t ON t.parent OPERATOR(kansa.=) w.id
		  JOIN kansa.framework AS f ON f.code = t.framework
	)
	UPDATE kansa.control AS c SET depth = w.depth, section = w.section
	  FROM walk AS w
	 WHERE c.id OPERATOR(kansa.=) w.id
	   AND (c.depth IS DISTINCT FROM w.depth OR c.section IS DISTINCT FROM w.section);
	RETURN NULL;
END;
$$;
COMMENT ON FUNCTION kansa.control_tree_refresh() IS 'Trigger function: recomputes control.depth and control.section from the tree and each framework''s section_depth.';
CREATE TRIGGER control_tree_refresh
	AFTER INSERT OR DELETE OR UPDATE OF parent, kind ON kansa.control
	FOR EACH STATEMENT EXECUTE FUNCTION kansa.control_tree_refresh();
CREATE TRIGGER framework_section_depth_refresh
	AFTER UPDATE OF section_depth ON kansa.framework
	FOR EACH STATEMENT EXECUTE FUNCTION kansa.control_tree_refresh();

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

CREATE TABLE kansa.control_link (
	from_control kansa.control_id NOT NULL REFERENCES kansa.control (id),
	to_control	kansa.control_id NOT NULL REFERENCES kansa.control (id),
	relation	text NOT NULL CHECK (relation OPERATOR(pg_catalog.=) ANY (ARRAY['equivalent', 'related'])),
	source		text,
	note		text,
	builtin		boolean NOT NULL DEFAULT false,
	PRIMARY KEY (from_control, to_control),
	CHECK (kansa.framework(from_control) OPERATOR(pg_catalog.<>) kansa.framework(to_control))
);
CREATE INDEX control_link_to_idx ON kansa.control_link (to_control);
COMMENT ON TABLE kansa.control_link IS 'Controls of one framework that restate controls of another (e.g. a meti_cloud item and the asp_saas item it copies), so that an answer to one counts for the other: reference_check follows equivalent links from the answered control to the asp_saas item with reference values. Users may add rows.';
COMMENT ON COLUMN kansa.control_link.from_control IS 'The control answered (e.g. meti_cloud:4.3).';
COMMENT ON COLUMN kansa.control_link.to_control IS 'The control it restates (e.g. asp_saas:III.2.3.1).';
COMMENT ON COLUMN kansa.control_link.relation IS 'equivalent: the same requirement, so an answer to one is an answer to the other; related: the same safeguard, narrower, broader or in part (shown, not followed).';
COMMENT ON COLUMN kansa.control_link.source IS 'Who established the link and how.';
COMMENT ON COLUMN kansa.control_link.note IS 'Why the two controls are linked.';
COMMENT ON COLUMN kansa.control_link.builtin IS 'True for rows shipped with kansa; user rows are false and survive pg_dump.';

-----------------------------------------------------------------------------
-- Service patterns (the ASP・SaaS guideline, I.7)
-----------------------------------------------------------------------------

CREATE FUNCTION kansa.saas_pattern(confidentiality text, availability text) RETURNS integer
	AS 'MODULE_PATHNAME', 'kansa_saas_pattern' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.saas_pattern(text, text) IS 'The ASP・SaaS service pattern (1-6, the ASP・SaaS guideline''s figure 1) of a service from its confidentiality requirement (high or low) and availability requirement (high, medium or low; also 高/中/低, H/M/L); integrity is always high.';
CREATE FUNCTION kansa.saas_pattern(handles_personal_or_secret boolean, availability text) RETURNS integer
	AS 'MODULE_PATHNAME', 'kansa_saas_pattern_bool' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.saas_pattern(boolean, text) IS 'The ASP・SaaS service pattern (1-6): confidentiality is high when the service handles personal information or trade secrets (ASP・SaaS guideline I.7.1).';
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
COMMENT ON TABLE kansa.service_type IS 'Typical ASP・SaaS service types and their pattern (the ASP・SaaS guideline''s figure 2); those marked ※ have no pattern and need an individual decision. Users may add rows.';
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
		   AND (SELECT pg_catalog.count(*) FROM kansa.service_type AS s
				 WHERE s.short_key = kansa.service_type_key(service_type)) = 1;
	END;
COMMENT ON FUNCTION kansa.service_type_match(text) IS 'The service_type row a name means: the one whose name matches ignoring width, case and blanks, else the only one whose name without its parenthesis does; no row when unknown or ambiguous (金融業特化型サービス).';
CREATE FUNCTION kansa.saas_pattern_of(service_type text) RETURNS integer
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		SELECT m.pattern FROM kansa.service_type_match(service_type) AS m;
	END;
COMMENT ON FUNCTION kansa.saas_pattern_of(text) IS 'The pattern figure 2 of the ASP・SaaS guideline gives a service type (matched ignoring width, case and blanks); NULL for the ※ types that need an individual decision and for unknown types (service_type_known() tells them apart).';
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
SELECT pg_catalog.pg_extension_config_dump('kansa.control_link', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('kansa.control_position_seq', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.reference_item_id_seq', '');

INSERT INTO kansa.quantity (name, kinds, description, builtin) VALUES
  ('liveness_interval', ARRAY['frequency'], 'How often the service''s liveness is checked (死活監視インターバル, asp_saas III.1.1.1).', true),
  ('fault_interval', ARRAY['frequency'], 'How often faults are monitored for (障害監視インターバル, III.1.1.2).', true),
  ('performance_interval', ARRAY['frequency'], 'How often performance is monitored (パフォーマンス監視インターバル, III.1.1.3).', true),
  ('notification_time', ARRAY['duration'], 'Time from detecting an outage, fault or anomaly to telling the users or the person in charge (通知時間, 通報時間).', true),
  ('followup_report_time', ARRAY['duration'], 'When further reports follow the first report of an incident (追加報告のタイミング, III.1.1.8).', true),
  ('periodic_report_interval', ARRAY['duration', 'frequency'], 'Interval of periodic reports to users (定期報告の間隔, III.1.1.7).', true),
  ('patch_start_time', ARRAY['duration', 'frequency'], 'Time from a vendor''s release of a patch to starting to apply it (パッチ更新作業の着手までの時間).', true),
  ('pattern_file_update', ARRAY['duration', 'frequency'], 'How soon or how often anti-malware pattern files are updated (パターンファイルの更新間隔).', true),
  ('ids_signature_update', ARRAY['frequency', 'duration'], 'How often IDS/IPS signatures are updated (シグニチャの更新間隔, III.3.1.5).', true),
  ('vuln_scan_interval', ARRAY['frequency'], 'How often vulnerability scans or penetration tests are run (ぜい弱性診断の実施間隔, III.2.1.4).', true),
  ('uptime', ARRAY['ratio'], 'Availability of the service (稼働率, III.2.1.1).', true),
  ('capacity_doc_retention', ARRAY['relative', 'duration'], 'How long documents recording capacity requirements are kept (III.2.1.2).', true),
  ('usage_log_retention', ARRAY['duration', 'relative'], 'How long records of users'' use (logs) are kept (利用状況の記録の保存期間, III.2.1.3 a).', true),
  ('security_log_retention', ARRAY['duration', 'relative'], 'How long records of exceptions and security events are kept (III.2.1.3 b).', true),
  ('standby', ARRAY['choice'], 'Restarting on a standby system: hot or cold standby (スタンバイ機による運転再開, III.2.1.3 c).', true),
  ('backup_interval', ARRAY['frequency'], 'How often backups are taken (バックアップ実施インターバル, III.2.3.1 a).', true),
  ('backup_generations', ARRAY['count'], 'How many backup generations are kept (世代バックアップ, III.2.3.1 b).', true),
  ('backup_retention', ARRAY['duration'], 'How long backups are kept.', true),
  ('backup_check', ARRAY['frequency'], 'How often backups are checked or restored to test them (バックアップ確認の実施インターバル, III.2.3.2).', true),
  ('auth_method_user', ARRAY['choice'], 'How users authenticate (利用者のアクセス認証方法, III.3.1.3 a).', true),
  ('auth_method_admin', ARRAY['choice'], 'How administrators authenticate (管理者のアクセス認証方法, III.3.1.3 b).', true),
  ('encryption', ARRAY['choice'], 'How communication is encrypted (通信の暗号化, III.3.2.2).', true),
  ('ups_minutes', ARRAY['duration'], 'How long uninterruptible power supplies carry the load (III.4.2.1 a).', true),
  ('dual_power', ARRAY['choice'], 'Power from more than one feed (複数給電, III.4.2.1 b).', true),
  ('generator', ARRAY['choice'], 'An emergency generator is installed (非常用発電機の設置, III.4.2.1 c).', true),
  ('generator_hours', ARRAY['duration'], 'How long the emergency generator can supply power.', true),
  ('extinguisher', ARRAY['choice'], 'Fire extinguishing that does not damage equipment (汚損対策, III.4.3.1).', true),
  ('entry_log_retention', ARRAY['duration'], 'How long records of entering and leaving the facility are kept (入退室記録の保存, III.4.4.1).', true),
  ('camera_hours', ARRAY['coverage'], 'Hours the surveillance cameras run (監視カメラの稼働時間, III.4.4.2 a).', true),
  ('camera_retention', ARRAY['duration'], 'How long surveillance footage is kept (監視映像保存期間, III.4.4.2 b).', true),
  ('guard_hours', ARRAY['coverage'], 'Hours guards are on site (警備員の常駐時間, III.4.4.5).', true),
  ('authenticity', ARRAY['choice'], 'Level of assurance that records are original (原本性確認レベル, III.5.1.1).', true),
  ('rpo', ARRAY['duration'], 'Recovery point objective: how much recent data a failure may lose.', true),
  ('rto', ARRAY['duration'], 'Recovery time objective: how soon the service is restored after a failure.', true),
  ('training_interval', ARRAY['frequency'], 'How often staff receive security training.', true),
  ('audit_interval', ARRAY['frequency'], 'How often internal or external audits are held.', true),
  ('review_interval', ARRAY['frequency'], 'How often policies and controls are reviewed.', true),
  ('change_notice', ARRAY['duration'], 'How long before a change users are told of it.', true);

INSERT INTO kansa.service_type (name, pattern, individual_decision, builtin) VALUES
  ('受発注', 1, false, true),
  ('人事給与・勤怠管理・経理', 1, false, true),
  ('ERP（財務会計等）', 1, false, true),
  ('EC サポート（電子商取引のアウトソーシング）', 1, false, true),
  ('ネットショッピング支援（仮想店舗貸しサービス）', 1, false, true),
  ('コールセンター支援', 1, false, true),
  ('金融業特化型サービス（地銀・信金共同アウトソーシング）', 1, false, true),
  ('医療・介護・福祉業特化型サービス', 1, false, true),
  ('電子入札', 1, false, true),
  ('公共住民情報', 1, false, true),
  ('決済サービス', 1, false, true),
  ('不正アクセス監視', 1, false, true),
  ('販売管理・売掛金管理', 2, false, true),
  ('公共窓口業務', 2, false, true),
  ('在庫管理', 2, false, true),
  ('建設業特化型サービス', 2, false, true),
  ('卸売・小売・飲食業特化型サービス', 2, false, true),
  ('保険業特化型サービス（生命保険見積）', 2, false, true),
  ('宿泊業特化型サービス', 2, false, true),
  ('公共電子申請', 2, false, true),
  ('公共個別部門業務', 2, false, true),
  ('グループウェア', 2, false, true),
  ('アドレス帳サービス', 2, false, true),
  ('位置時間証明サービス', 2, false, true),
  ('購買支援', 3, false, true),
  ('CRM（顧客管理）・営業支援', 3, false, true),
  ('販売支援', 3, false, true),
  ('契約', 3, false, true),
  ('採用管理', 3, false, true),
  ('資産管理', 3, false, true),
  ('ネットショッピング（自らの売買支援）', 3, false, true),
  ('金融業特化型サービス（信用情報提供）', 3, false, true),
  ('保険業特化型サービス（自賠責保険見積）', 3, false, true),
  ('アフィリエイト', 3, false, true),
  ('メール配信', 3, false, true),
  ('ネットワーク監視', 4, false, true),
  ('EC サポート（産地直送等、物流・決済を一括で提供）', 5, false, true),
  ('広告', 6, false, true),
  ('IT 資産管理', 6, false, true),
  ('ニュースリリース業務', 6, false, true),
  ('運輸業特化型サービス', 6, false, true),
  ('電話会議・TV 会議・Web 会議', 6, false, true),
  ('乗り換え', 6, false, true),
  ('不動産物件検索', 6, false, true),
  ('検索サービス（一般向け）', 6, false, true),
  ('e ラーニング・LMS', NULL, true, true),
  ('文書管理', NULL, true, true),
  ('オンラインストレージ', NULL, true, true),
  ('ワークフロー', NULL, true, true),
  ('Web サイトのホスティング', NULL, true, true),
  ('ブログ・コミュニティコーディネート', NULL, true, true),
  ('コンテンツデリバリー・ストリーミングサービス', NULL, true, true),
  ('GIS（地図情報システム）/GIS 応用', NULL, true, true),
  ('映像監視', NULL, true, true),
  ('メディア・言語変換サービス', NULL, true, true),
  ('検索サービス（個別用途）', NULL, true, true),
  ('認証サービス', NULL, true, true),
  ('セキュリティサービス', NULL, true, true);

INSERT INTO kansa.framework (code, title, edition, publisher, language, source, url, section_depth, builtin) VALUES ('asp_saas', 'ASP・SaaSにおける情報セキュリティ対策ガイドライン', '最終案 (2008)', '総務省 ASP・SaaS の情報セキュリティ対策に関する研究会 (MIC)', 'ja', 'the guideline as published by MIC (2008): items II.x and III.x, levels, requirement texts, evaluation items and reference values', NULL, 2, true);

INSERT INTO kansa.framework (code, title, edition, publisher, language, source, url, section_depth, builtin) VALUES ('fisc8', '金融機関等コンピュータシステムの安全対策基準', '第8版追補改訂', '公益財団法人 金融情報システムセンター (FISC)', 'ja', 'a vendor''s published answer sheet to the standard: control ids, short titles and their grouping', NULL, 1, true);

INSERT INTO kansa.framework (code, title, edition, publisher, language, source, url, section_depth, builtin) VALUES ('fisc10', '金融機関等コンピュータシステムの安全対策基準・解説書', '第10版', '公益財団法人 金融情報システムセンター (FISC)', 'ja', 'ids only; FISC sells the texts', NULL, 1, true);

INSERT INTO kansa.framework (code, title, edition, publisher, language, source, url, section_depth, builtin) VALUES ('iso27017', 'ISO/IEC 27017 クラウドサービスのための情報セキュリティ管理策の実践の規範 (JIS Q 27017)', '2015 (JIS Q 27017:2016)', 'ISO/IEC, JISC', 'ja', 'a vendor''s published ISO/IEC 27017 whitepaper: the clauses it answers, with their titles', NULL, 1, true);

INSERT INTO kansa.framework (code, title, edition, publisher, language, source, url, section_depth, builtin) VALUES ('meti_cloud', 'クラウドサービス利用のための情報セキュリティマネジメントガイドライン チェックシート', '2013年度版', '経済産業省 (METI)', 'ja', 'a vendor''s published filled check sheet: items, titles and requirements', 'https://www.meti.go.jp/policy/netsecurity/downloadfiles/cloudsec2013fy.pdf', 1, true);

INSERT INTO kansa.control (id, parent, kind, level, title, body, position, builtin) VALUES
  ('asp_saas:II', NULL, 'section', NULL, '組織・運用編', NULL, 1, true),
  ('asp_saas:II.1', 'asp_saas:II', 'section', NULL, '情報セキュリティへの組織的取組の基本方針', NULL, 2, true),
  ('asp_saas:II.1.1', 'asp_saas:II.1', 'section', NULL, '組織の基本的な方針を定めた文書', NULL, 3, true),
  ('asp_saas:II.1.1.1', 'asp_saas:II.1.1', 'control', 'basic', '経営陣は、情報セキュリティに関する組織的取組についての基本的な方針を定めた文書を作成すること。', '経営陣は、情報セキュリティに関する組織的取組についての基本的な方針を定めた文書を作成すること。また、当該文書には、経営陣が承認の署名等を行い、情報セキュリティに関する経営陣の責任を明確にすること。', 4, true),
  ('asp_saas:II.1.1.2', 'asp_saas:II.1.1', 'control', 'basic', '情報セキュリティに関する基本的な方針を定めた文書は、定期的又は ASP・SaaS サービスの提供に係る重大な変更が生じた場合（組織環境、業務環境、法的環境、技術的環境等）に見直しを行うこと。', '情報セキュリティに関する基本的な方針を定めた文書は、定期的又は ASP・SaaS サービスの提供に係る重大な変更が生じた場合（組織環境、業務環境、法的環境、技術的環境等）に見直しを行うこと。この見直しの結果、変更の必要性が生じた場合には、経営陣の承認の下で改定等を実施すること。', 5, true),
  ('asp_saas:II.2', 'asp_saas:II', 'section', NULL, '情報セキュリティのための組織', NULL, 6, true),
  ('asp_saas:II.2.1', 'asp_saas:II.2', 'section', NULL, '内部組織', NULL, 7, true),
  ('asp_saas:II.2.1.1', 'asp_saas:II.2.1', 'control', 'basic', '経営陣は、情報セキュリティに関する取組についての責任と関与を明示し、人員・資産・予算の面での積極的な支援・支持を行うこと。', '経営陣は、情報セキュリティに関する取組についての責任と関与を明示し、人員・資産・予算の面での積極的な支援・支持を行うこと。', 8, true),
  ('asp_saas:II.2.1.2', 'asp_saas:II.2.1', 'control', 'basic', '従業員に対する秘密保持又は守秘義務についての要求を明確にし、文書化すること。', '従業員に対する秘密保持又は守秘義務についての要求を明確にし、文書化すること。当該文書は、定期的又は ASP・SaaS サービスの提供に係る重大な変更が生じた場合（組織環境、業務環境、法的環境、技術的環境等）に見直しを行うこと。', 9, true),
  ('asp_saas:II.2.1.3', 'asp_saas:II.2.1', 'control', 'basic', '情報セキュリティ対策における具体的な実施基準や手順等を明確化し、文書化すること。', '情報セキュリティ対策における具体的な実施基準や手順等を明確化し、文書化すること。当該文書は、定期的又は ASP・SaaS サービスの提供に係る重大な変更が生じた場合（組織環境、業務環境、法的環境、技術的環境等）に見直しを行うこと。', 10, true),
  ('asp_saas:II.2.2', 'asp_saas:II.2', 'section', NULL, '外部組織（データセンタを含む）', NULL, 11, true),
  ('asp_saas:II.2.2.1', 'asp_saas:II.2.2', 'control', 'basic', '外部組織が関わる業務プロセスにおける、情報資産に対するリスクを識別し、適切な対策を実施すること。', '外部組織が関わる業務プロセスにおける、情報資産に対するリスクを識別し、適切な対策を実施すること。', 12, true),
  ('asp_saas:II.2.2.2', 'asp_saas:II.2.2', 'control', 'basic', '情報資産へのアクセスが可能となる外部組織との契約においては、想定される全てのアクセスについて、その範囲を規定すること。', '情報資産へのアクセスが可能となる外部組織との契約においては、想定される全てのアクセスについて、その範囲を規定すること。', 13, true),
  ('asp_saas:II.3', 'asp_saas:II', 'section', NULL, '連携 ASP・SaaS 事業者に関する管理', NULL, 14, true),
  ('asp_saas:II.3.1', 'asp_saas:II.3', 'section', NULL, '連携 ASP・SaaS 事業者から組み込む ASP・SaaS サービスの管理', NULL, 15, true),
  ('asp_saas:II.3.1.1', 'asp_saas:II.3.1', 'control', 'basic', '連携 ASP・SaaS 事業者が提供する ASP・SaaS サービスについて、事業者間で合意された情報セキュリティ対策及びサービスレベルが、連携 ASP・SaaS 事業者によって確実に実施されることを担保すること。', '連携 ASP・SaaS 事業者が提供する ASP・SaaS サービスについて、事業者間で合意された情報セキュリティ対策及びサービスレベルが、連携 ASP・SaaS 事業者によって確実に実施されることを担保すること。', 16, true),
  ('asp_saas:II.3.1.2', 'asp_saas:II.3.1', 'control', 'basic', '連携 ASP・SaaS 事業者が提供する ASP・SaaS サービスの運用に関する報告及び記録を常に確認し、レビューすること。', '連携 ASP・SaaS 事業者が提供する ASP・SaaS サービスの運用に関する報告及び記録を常に確認し、レビューすること。また、定期的に監査を実施すること。', 17, true),
  ('asp_saas:II.4', 'asp_saas:II', 'section', NULL, '情報資産の管理', NULL, 18, true),
  ('asp_saas:II.4.1', 'asp_saas:II.4', 'section', NULL, '情報資産に対する責任', NULL, 19, true),
  ('asp_saas:II.4.1.1', 'asp_saas:II.4.1', 'control', 'basic', '取り扱う各情報資産について、管理責任者を定めると共に、その利用の許容範囲（利用可能者、利用目的、利用方法、返却方法等）を明確にし、文書化すること。', '取り扱う各情報資産について、管理責任者を定めると共に、その利用の許容範囲（利用可能者、利用目的、利用方法、返却方法等）を明確にし、文書化すること。', 20, true),
  ('asp_saas:II.4.2', 'asp_saas:II.4', 'section', NULL, '情報の分類', NULL, 21, true),
  ('asp_saas:II.4.2.1', 'asp_saas:II.4.2', 'control', 'basic', '組織における情報資産の価値や、法的要求（個人情報の保護等）等に基づき、取扱いの慎重さの度合いや重要性の観点から情報資産を分類すること。', '組織における情報資産の価値や、法的要求（個人情報の保護等）等に基づき、取扱いの慎重さの度合いや重要性の観点から情報資産を分類すること。', 22, true),
  ('asp_saas:II.4.3', 'asp_saas:II.4', 'section', NULL, '情報セキュリティポリシーの遵守、点検及び監査', NULL, 23, true),
  ('asp_saas:II.4.3.1', 'asp_saas:II.4.3', 'control', 'basic', '各情報資産の管理責任者は、自らの責任範囲における全ての情報セキュリティ対策が、情報セキュリティポリシーに則り正しく確実に実施されるよう、定期的にレビュー及び見直しを行うこと。', '各情報資産の管理責任者は、自らの責任範囲における全ての情報セキュリティ対策が、情報セキュリティポリシーに則り正しく確実に実施されるよう、定期的にレビュー及び見直しを行うこと。', 24, true),
  ('asp_saas:II.4.3.2', 'asp_saas:II.4.3', 'control', 'basic', 'ASP・SaaSサービスの提供に用いる情報システムが、情報セキュリティポリシー上の要求を遵守していることを確認するため、定期的に点検・監査すること。', 'ASP・SaaSサービスの提供に用いる情報システムが、情報セキュリティポリシー上の要求を遵守していることを確認するため、定期的に点検・監査すること。', 25, true),
  ('asp_saas:II.5', 'asp_saas:II', 'section', NULL, '従業員に係る情報セキュリティ', NULL, 26, true),
  ('asp_saas:II.5.1', 'asp_saas:II.5', 'section', NULL, '雇用前', NULL, 27, true),
  ('asp_saas:II.5.1.1', 'asp_saas:II.5.1', 'control', 'basic', '雇用予定の従業員に対して、機密性・完全性・可用性に係る情報セキュリティ上の要求及び責任の分界点を提示・説明するとともに、この要求等に対する明確な同意をもって雇用契約を締結すること。', '雇用予定の従業員に対して、機密性・完全性・可用性に係る情報セキュリティ上の要求及び責任の分界点を提示・説明するとともに、この要求等に対する明確な同意をもって雇用契約を締結すること。', 28, true),
  ('asp_saas:II.5.2', 'asp_saas:II.5', 'section', NULL, '雇用期間中', NULL, 29, true),
  ('asp_saas:II.5.2.1', 'asp_saas:II.5.2', 'control', 'basic', '全ての従業員に対して、情報セキュリティポリシーに関する意識向上のための適切な教育・訓練を実施すること。', '全ての従業員に対して、情報セキュリティポリシーに関する意識向上のための適切な教育・訓練を実施すること。', 30, true),
  ('asp_saas:II.5.2.2', 'asp_saas:II.5.2', 'control', 'basic', '従業員が、情報セキュリティポリシーもしくはASP・SaaS サービス提供上の契約に違反した場合の対応手続を備えること。', '従業員が、情報セキュリティポリシーもしくはASP・SaaS サービス提供上の契約に違反した場合の対応手続を備えること。', 31, true),
  ('asp_saas:II.5.3', 'asp_saas:II.5', 'section', NULL, '雇用の終了又は変更', NULL, 32, true),
  ('asp_saas:II.5.3.1', 'asp_saas:II.5.3', 'control', 'basic', '従業員の雇用が終了又は変更となった場合のアクセス権や情報資産等の扱いについて、実施すべき事項や手続き、確認項目等を明確にすること。', '従業員の雇用が終了又は変更となった場合のアクセス権や情報資産等の扱いについて、実施すべき事項や手続き、確認項目等を明確にすること。', 33, true),
  ('asp_saas:II.6', 'asp_saas:II', 'section', NULL, '情報セキュリティインシデントの管理', NULL, 34, true),
  ('asp_saas:II.6.1', 'asp_saas:II.6', 'section', NULL, '情報セキュリティインシデント及びぜい弱性の報告', NULL, 35, true),
  ('asp_saas:II.6.1.1', 'asp_saas:II.6.1', 'control', 'basic', '全ての従業員に対し、業務において発見あるいは疑いをもった情報システムのぜい弱性や情報セキュリティインシデント（サービス停止、情報の漏えい・改ざん・破壊・紛失、ウイルス感染等）について、どのようなものでも記録し、できるだけ速やかに管理責任者に報告できるよう手続きを定め、実施を要求すること。', '全ての従業員に対し、業務において発見あるいは疑いをもった情報システムのぜい弱性や情報セキュリティインシデント（サービス停止、情報の漏えい・改ざん・破壊・紛失、ウイルス感染等）について、どのようなものでも記録し、できるだけ速やかに管理責任者に報告できるよう手続きを定め、実施を要求すること。
報告を受けた後に、迅速に整然と効果的な対応ができるよう、責任体制及び手順を確立すること。', 36, true),
  ('asp_saas:II.7', 'asp_saas:II', 'section', NULL, 'コンプライアンス', NULL, 37, true),
  ('asp_saas:II.7.1', 'asp_saas:II.7', 'section', NULL, '法令と規則の遵守', NULL, 38, true),
  ('asp_saas:II.7.1.1', 'asp_saas:II.7.1', 'control', 'basic', '個人情報、機密情報、知的財産等、法令又は契約上適切な管理が求められている情報については、該当する法令又は契約を特定した上で、その要求に基づき適切な情報セキュリティ対策を実施すること。', '個人情報、機密情報、知的財産等、法令又は契約上適切な管理が求められている情報については、該当する法令又は契約を特定した上で、その要求に基づき適切な情報セキュリティ対策を実施すること。', 39, true),
  ('asp_saas:II.7.1.2', 'asp_saas:II.7.1', 'control', 'basic', 'ASP・SaaSサービスの提供及び継続上重要な記録（会計記録、データベース記録、取引ログ、監査ログ、運用手順等）については、法令又は契約及び情報セキュリティポリシー等の要求事項に従って、適切に管理すること。', 'ASP・SaaSサービスの提供及び継続上重要な記録（会計記録、データベース記録、取引ログ、監査ログ、運用手順等）については、法令又は契約及び情報セキュリティポリシー等の要求事項に従って、適切に管理すること。', 40, true),
  ('asp_saas:II.7.1.3', 'asp_saas:II.7.1', 'control', 'basic', '利用可否範囲（対象区画・施設、利用が許可される者等）の明示、認可手続の制定、監視、警告等により、認可されていない目的のための情報システム及び情報処理施設の利用を行わせないこと。', '利用可否範囲（対象区画・施設、利用が許可される者等）の明示、認可手続の制定、監視、警告等により、認可されていない目的のための情報システム及び情報処理施設の利用を行わせないこと。', 41, true),
  ('asp_saas:II.8', 'asp_saas:II', 'section', NULL, 'ユーザサポートの責任', NULL, 42, true),
  ('asp_saas:II.8.1', 'asp_saas:II.8', 'section', NULL, '利用者への責任', NULL, 43, true),
  ('asp_saas:II.8.1.1', 'asp_saas:II.8.1', 'control', 'basic', 'ASP・SaaSサービスの提供に支障が生じた場合には、その原因が連携ASP・SaaS事業者に起因するものであったとしても、利用者と直接契約を結ぶASP・SaaS事業者が、その責任において一元的にユーザサポートを実施すること。', 'ASP・SaaSサービスの提供に支障が生じた場合には、その原因が連携ASP・SaaS事業者に起因するものであったとしても、利用者と直接契約を結ぶASP・SaaS事業者が、その責任において一元的にユーザサポートを実施すること。', 44, true),
  ('asp_saas:III', NULL, 'section', NULL, '物理的・技術的対策編', NULL, 45, true),
  ('asp_saas:III.1', 'asp_saas:III', 'section', NULL, 'アプリケーション、プラットフォーム、サーバ・ストレージ、ネットワークに共通する情報セキュリティ対策', NULL, 46, true),
  ('asp_saas:III.1.1', 'asp_saas:III.1', 'section', NULL, '運用管理に関する共通対策', NULL, 47, true),
  ('asp_saas:III.1.1.1', 'asp_saas:III.1.1', 'control', 'basic', 'ASP・SaaSサービスの提供に用いるアプリケーション、プラットフォーム、サーバ・ストレージ、情報セキュリティ対策機器、通信機器の稼働監視（応答確認等）を行うこと。', 'ASP・SaaSサービスの提供に用いるアプリケーション、プラットフォーム、サーバ・ストレージ、情報セキュリティ対策機器、通信機器の稼働監視（応答確認等）を行うこと。
稼働停止を検知した場合は、利用者に速報を通知すること。', 48, true),
  ('asp_saas:III.1.1.2', 'asp_saas:III.1.1', 'control', 'basic', 'ASP・SaaSサービスの提供に用いるアプリケーション、プラットフォーム、サーバ・ストレージ、情報セキュリティ対策機器、通信機器の障害監視（サービスが正常に動作していることの確認）を行うこと。', 'ASP・SaaSサービスの提供に用いるアプリケーション、プラットフォーム、サーバ・ストレージ、情報セキュリティ対策機器、通信機器の障害監視（サービスが正常に動作していることの確認）を行うこと。
障害を検知した場合は、利用者に速報を通知すること。', 49, true),
  ('asp_saas:III.1.1.3', 'asp_saas:III.1.1', 'control', 'recommended', 'ASP・SaaSサービスの提供に用いるアプリケーション、プラットフォーム、サーバ、ストレージ、ネットワークに対し一定間隔でパフォーマンス監視（サービスのレスポンス時間の監視）を行うこと。', 'ASP・SaaSサービスの提供に用いるアプリケーション、プラットフォーム、サーバ、ストレージ、ネットワークに対し一定間隔でパフォーマンス監視（サービスのレスポンス時間の監視）を行うこと。
また、利用者との取決めに基づいて、監視結果を利用者に通知すること。', 50, true),
  ('asp_saas:III.1.1.4', 'asp_saas:III.1.1', 'control', 'recommended', 'ASP・SaaSサービスの提供に用いるアプリケーション、プラットフォーム、サーバ・ストレージ等の稼働監視、障害監視、パフォーマンス監視の結果を評価・総括して、管理責任者に報告すること。', 'ASP・SaaSサービスの提供に用いるアプリケーション、プラットフォーム、サーバ・ストレージ等の稼働監視、障害監視、パフォーマンス監視の結果を評価・総括して、管理責任者に報告すること。', 51, true),
  ('asp_saas:III.1.1.5', 'asp_saas:III.1.1', 'control', 'basic', 'ASP・SaaSサービスの提供に用いるアプリケーション、プラットフォーム、サーバ・ストレージ等（情報セキュリティ対策機器、通信機器等）の時刻同期の方法を規定し、実施すること。', 'ASP・SaaSサービスの提供に用いるアプリケーション、プラットフォーム、サーバ・ストレージ等（情報セキュリティ対策機器、通信機器等）の時刻同期の方法を規定し、実施すること。', 52, true),
  ('asp_saas:III.1.1.6', 'asp_saas:III.1.1', 'control', 'basic', 'ASP・SaaSサービスの提供に用いるプラットフォーム、サーバ・ストレージ、情報セキュリティ対策機器、通信機器についての技術的ぜい弱性に関する情報（OS、その他ソフトウェアのパッチ発行情報等）を定期的に収集し、随時パッチによる更新を行うこと。', 'ASP・SaaSサービスの提供に用いるプラットフォーム、サーバ・ストレージ、情報セキュリティ対策機器、通信機器についての技術的ぜい弱性に関する情報（OS、その他ソフトウェアのパッチ発行情報等）を定期的に収集し、随時パッチによる更新を行うこと。', 53, true),
  ('asp_saas:III.1.1.7', 'asp_saas:III.1.1', 'control', 'recommended', 'ASP・SaaSサービスの提供に用いるアプリケーション、プラットフォーム、サーバ・ストレージ等（情報セキュリティ対策機器、通信機器等）の監視結果（障害監視、死活監視、パフォーマンス監視）について、定期報告書を作成して利用者等に報告すること。', 'ASP・SaaSサービスの提供に用いるアプリケーション、プラットフォーム、サーバ・ストレージ等（情報セキュリティ対策機器、通信機器等）の監視結果（障害監視、死活監視、パフォーマンス監視）について、定期報告書を作成して利用者等に報告すること。', 54, true),
  ('asp_saas:III.1.1.8', 'asp_saas:III.1.1', 'control', 'basic', 'ASP・SaaSサービスの提供に用いるアプリケーション、プラットフォーム、サーバ・ストレージ等（情報セキュリティ対策機器、通信機器等）に係る稼働停止、障害、パフォーマンス低下等について、速報をフォローアップする追加報告を利用者に対して行うこと。', 'ASP・SaaSサービスの提供に用いるアプリケーション、プラットフォーム、サーバ・ストレージ等（情報セキュリティ対策機器、通信機器等）に係る稼働停止、障害、パフォーマンス低下等について、速報をフォローアップする追加報告を利用者に対して行うこと。', 55, true),
  ('asp_saas:III.1.1.9', 'asp_saas:III.1.1', 'control', 'basic', '情報セキュリティ監視（稼働監視、障害監視、パフォーマンス監視等）の実施基準・手順等を定めること。', '情報セキュリティ監視（稼働監視、障害監視、パフォーマンス監視等）の実施基準・手順等を定めること。
また、ASP・SaaSサービスの提供に用いるアプリケーション、プラットフォーム、サーバ、ストレージ、ネットワークの運用・管理に関する手順書を作成すること。', 56, true),
  ('asp_saas:III.2', 'asp_saas:III', 'section', NULL, 'アプリケーション、プラットフォーム、サーバ・ストレージ', NULL, 57, true),
  ('asp_saas:III.2.1', 'asp_saas:III.2', 'section', NULL, 'アプリケーション、プラットフォーム、サーバ・ストレージの運用・管理', NULL, 58, true),
  ('asp_saas:III.2.1.1', 'asp_saas:III.2.1', 'control', 'basic', 'ASP・SaaS サービスを利用者に提供する時間帯を定め、この時間帯における ASP・SaaS サービスの稼働率を規定すること。', 'ASP・SaaS サービスを利用者に提供する時間帯を定め、この時間帯における ASP・SaaS サービスの稼働率を規定すること。
また、アプリケーション、プラットフォーム、サーバ・ストレージの定期保守時間を規定すること。', 59, true),
  ('asp_saas:III.2.1.2', 'asp_saas:III.2.1', 'control', 'basic', 'ASP・SaaS サービスの提供に用いるアプリケーション、プラットフォーム、サーバ・ストレージに対し、利用者の利用状況の予測に基づいて設計した容量・能力等の要求事項を記録した文書を作成し、保存すること。', 'ASP・SaaS サービスの提供に用いるアプリケーション、プラットフォーム、サーバ・ストレージに対し、利用者の利用状況の予測に基づいて設計した容量・能力等の要求事項を記録した文書を作成し、保存すること。', 60, true),
  ('asp_saas:III.2.1.3', 'asp_saas:III.2.1', 'control', 'basic', '利用者の利用状況、例外処理及び情報セキュリティ事象の記録（ログ等）を取得し、記録（ログ等）の保存期間を明示すること。', '利用者の利用状況、例外処理及び情報セキュリティ事象の記録（ログ等）を取得し、記録（ログ等）の保存期間を明示すること。', 61, true),
  ('asp_saas:III.2.1.4', 'asp_saas:III.2.1', 'control', 'recommended', 'ASP・SaaS サービスの提供に用いるアプリケーション、プラットフォーム、サーバ・ストレージについて定期的にぜい弱性診断を行い、その結果に基づいて対策を行うこと。', 'ASP・SaaS サービスの提供に用いるアプリケーション、プラットフォーム、サーバ・ストレージについて定期的にぜい弱性診断を行い、その結果に基づいて対策を行うこと。', 62, true),
  ('asp_saas:III.2.2', 'asp_saas:III.2', 'section', NULL, 'アプリケーション、プラットフォーム、サーバ・ストレージの情報セキュリティ対策', NULL, 63, true),
  ('asp_saas:III.2.2.1', 'asp_saas:III.2.2', 'control', 'basic', 'ASP・SaaSサービスの提供に用いるプラットフォーム、サーバ・ストレージ（データ・プログラム、電子メール、データベース等）についてウイルス等に対する対策を講じること。', 'ASP・SaaSサービスの提供に用いるプラットフォーム、サーバ・ストレージ（データ・プログラム、電子メール、データベース等）についてウイルス等に対する対策を講じること。', 64, true),
  ('asp_saas:III.2.2.2', 'asp_saas:III.2.2', 'control', 'recommended', 'データベースに格納されたデータの暗号化を行うこと', 'データベースに格納されたデータの暗号化を行うこと', 65, true),
  ('asp_saas:III.2.3', 'asp_saas:III.2', 'section', NULL, 'サービスデータの保護', NULL, 66, true),
  ('asp_saas:III.2.3.1', 'asp_saas:III.2.3', 'control', 'basic', '利用者のサービスデータ、アプリケーションやサーバ・ストレージ等の管理情報及びシステム構成情報の定期的なバックアップを実施すること。', '利用者のサービスデータ、アプリケーションやサーバ・ストレージ等の管理情報及びシステム構成情報の定期的なバックアップを実施すること。', 67, true),
  ('asp_saas:III.2.3.2', 'asp_saas:III.2.3', 'control', 'recommended', 'バックアップされた情報が正常に記録され、正しく読み出すことができるかどうかについて定期的に確認すること。', 'バックアップされた情報が正常に記録され、正しく読み出すことができるかどうかについて定期的に確認すること。', 68, true),
  ('asp_saas:III.3', 'asp_saas:III', 'section', NULL, 'ネットワーク', NULL, 69, true),
  ('asp_saas:III.3.1', 'asp_saas:III.3', 'section', NULL, '外部ネットワークからの不正アクセス防止', NULL, 70, true),
  ('asp_saas:III.3.1.1', 'asp_saas:III.3.1', 'control', 'basic', 'ネットワーク構成図を作成すること（ネットワークをアウトソーシングする場合を除く）。', 'ネットワーク構成図を作成すること（ネットワークをアウトソーシングする場合を除く）。
また、利用者の接続回線も含めてサービスを提供するかどうかを明確に区別し、提供する場合は利用者の接続回線も含めてアクセス制御の責任を負うこと。
また、アクセス制御方針を策定し、これに基づいて、アクセス制御を許可又は無効とするための正式な手順を策定すること。', 71, true),
  ('asp_saas:III.3.1.2', 'asp_saas:III.3.1', 'control', 'basic', '情報システム管理者及びネットワーク管理者の権限の割当及び使用を制限すること。', '情報システム管理者及びネットワーク管理者の権限の割当及び使用を制限すること。', 72, true),
  ('asp_saas:III.3.1.3', 'asp_saas:III.3.1', 'control', 'basic', '利用者及び管理者（情報システム管理者、ネットワーク管理者等）等のアクセスを管理するための適切な認証方法、特定の場所及び装置からの接続を認証する方法等により、アクセス制御となりすまし対策を行うこと。', '利用者及び管理者（情報システム管理者、ネットワーク管理者等）等のアクセスを管理するための適切な認証方法、特定の場所及び装置からの接続を認証する方法等により、アクセス制御となりすまし対策を行うこと。
また、運用管理規定を作成すること。ID・パスワードを用いる場合は、その運用管理方法と、パスワードの有効期限を規定に含めること。', 73, true),
  ('asp_saas:III.3.1.4', 'asp_saas:III.3.1', 'control', 'basic', '外部及び内部からの不正アクセスを防止する措置（ファイアウォール、リバースプロキシの導入等）を講じること。', '外部及び内部からの不正アクセスを防止する措置（ファイアウォール、リバースプロキシの導入等）を講じること。', 74, true),
  ('asp_saas:III.3.1.5', 'asp_saas:III.3.1', 'control', 'recommended', '不正な通過パケットを自動的に発見、もしくは遮断する措置（IDS/IPSの導入等）を講じること。', '不正な通過パケットを自動的に発見、もしくは遮断する措置（IDS/IPSの導入等）を講じること。', 75, true),
  ('asp_saas:III.3.2', 'asp_saas:III.3', 'section', NULL, '外部ネットワークにおける情報セキュリティ対策', NULL, 76, true),
  ('asp_saas:III.3.2.1', 'asp_saas:III.3.2', 'control', 'basic', '外部ネットワークを利用した情報交換において、情報を盗聴、改ざん、誤った経路での通信、破壊等から保護するため、情報交換の実施基準・手順等を備えること。', '外部ネットワークを利用した情報交換において、情報を盗聴、改ざん、誤った経路での通信、破壊等から保護するため、情報交換の実施基準・手順等を備えること。', 77, true),
  ('asp_saas:III.3.2.2', 'asp_saas:III.3.2', 'control', 'recommended', '外部ネットワークを利用した情報交換において、情報を盗聴、改ざん、誤った経路での通信、破壊等から保護するため、通信の暗号化を行うこと。', '外部ネットワークを利用した情報交換において、情報を盗聴、改ざん、誤った経路での通信、破壊等から保護するため、通信の暗号化を行うこと。', 78, true),
  ('asp_saas:III.3.2.3', 'asp_saas:III.3.2', 'control', 'basic', '第三者が当該事業者のサーバになりすますこと（フィッシング等）を防止するため、サーバ証明書の取得等の必要な対策を実施すること。', '第三者が当該事業者のサーバになりすますこと（フィッシング等）を防止するため、サーバ証明書の取得等の必要な対策を実施すること。', 79, true),
  ('asp_saas:III.3.2.4', 'asp_saas:III.3.2', 'control', 'basic', '利用する全ての外部ネットワーク接続について、情報セキュリティ特性、サービスレベル（特に、通信容量とトラフィック変動が重要）及び管理上の要求事項を特定すること。', '利用する全ての外部ネットワーク接続について、情報セキュリティ特性、サービスレベル（特に、通信容量とトラフィック変動が重要）及び管理上の要求事項を特定すること。', 80, true),
  ('asp_saas:III.3.2.5', 'asp_saas:III.3.2', 'control', 'recommended', '外部ネットワークの障害を監視し、障害を検知した場合は管理責任者に通報すること。', '外部ネットワークの障害を監視し、障害を検知した場合は管理責任者に通報すること。', 81, true),
  ('asp_saas:III.4', 'asp_saas:III', 'section', NULL, '建物、電源(空調等)', NULL, 82, true),
  ('asp_saas:III.4.1', 'asp_saas:III.4', 'section', NULL, '建物の災害対策', NULL, 83, true),
  ('asp_saas:III.4.1.1', 'asp_saas:III.4.1', 'control', 'recommended', 'ASP・SaaSサービスの提供に用いるサーバ・ストレージ、情報セキュリティ対策機器等の情報システムが設置されている建物（情報処理施設）については、地震・水害に対する対策が行われていること。', 'ASP・SaaSサービスの提供に用いるサーバ・ストレージ、情報セキュリティ対策機器等の情報システムが設置されている建物（情報処理施設）については、地震・水害に対する対策が行われていること。', 84, true),
  ('asp_saas:III.4.2', 'asp_saas:III.4', 'section', NULL, '電源・空調の維持と災害対策', NULL, 85, true),
  ('asp_saas:III.4.2.1', 'asp_saas:III.4.2', 'control', 'basic', 'ASP・SaaSサービスの提供に用いるサーバ・ストレージ、情報セキュリティ対策機器等の情報システムを設置する場所には、停電や電力障害が生じた場合に電源を確保するための対策を講じること。', 'ASP・SaaSサービスの提供に用いるサーバ・ストレージ、情報セキュリティ対策機器等の情報システムを設置する場所には、停電や電力障害が生じた場合に電源を確保するための対策を講じること。', 86, true),
  ('asp_saas:III.4.2.2', 'asp_saas:III.4.2', 'control', 'recommended', 'ASP・SaaSサービスの提供に用いるサーバ・ストレージ、情報セキュリティ対策機器等の情報システムを設置する場所では、設置されている機器等による発熱を抑えるのに十分な容量の空調を提供すること。', 'ASP・SaaSサービスの提供に用いるサーバ・ストレージ、情報セキュリティ対策機器等の情報システムを設置する場所では、設置されている機器等による発熱を抑えるのに十分な容量の空調を提供すること。', 87, true),
  ('asp_saas:III.4.3', 'asp_saas:III.4', 'section', NULL, '火災、逃雷、静電気から情報システムを防護するための対策', NULL, 88, true),
  ('asp_saas:III.4.3.1', 'asp_saas:III.4.3', 'control', 'recommended', 'サーバールームに設置されている ASP・SaaS サービスの提供に用いるサーバ・ストレージ、情報セキュリティ対策機器等の情報システムについて、放水等の消火設備の使用に伴う汚損に対する対策を講じること。', 'サーバールームに設置されている ASP・SaaS サービスの提供に用いるサーバ・ストレージ、情報セキュリティ対策機器等の情報システムについて、放水等の消火設備の使用に伴う汚損に対する対策を講じること。', 89, true),
  ('asp_saas:III.4.3.2', 'asp_saas:III.4.3', 'control', 'basic', 'ASP・SaaS サービスの提供に用いるサーバ・ストレージ、情報セキュリティ対策機器等の情報システムを設置するサーバールームには、火災検知・通報システム及び消火設備を備えること。', 'ASP・SaaS サービスの提供に用いるサーバ・ストレージ、情報セキュリティ対策機器等の情報システムを設置するサーバールームには、火災検知・通報システム及び消火設備を備えること。', 90, true),
  ('asp_saas:III.4.3.3', 'asp_saas:III.4.3', 'control', 'basic', '情報処理施設に雷が直撃した場合を想定した対策を講じること。', '情報処理施設に雷が直撃した場合を想定した対策を講じること。', 91, true),
  ('asp_saas:III.4.3.4', 'asp_saas:III.4.3', 'control', 'recommended', '情報処理施設付近に誘導雷が発生した場合を想定した対策を講じること。', '情報処理施設付近に誘導雷が発生した場合を想定した対策を講じること。', 92, true),
  ('asp_saas:III.4.3.5', 'asp_saas:III.4.3', 'control', 'recommended', 'ASP・SaaSサービスの提供に用いるサーバ・ストレージ、情報セキュリティ対策機器等の情報システムについて、作業に伴う静電気対策を講じること。', 'ASP・SaaSサービスの提供に用いるサーバ・ストレージ、情報セキュリティ対策機器等の情報システムについて、作業に伴う静電気対策を講じること。', 93, true),
  ('asp_saas:III.4.4', 'asp_saas:III.4', 'section', NULL, '建物の情報セキュリティ対策', NULL, 94, true),
  ('asp_saas:III.4.4.1', 'asp_saas:III.4.4', 'control', 'basic', '重要な物理的セキュリティ境界（カード制御による出入口、有人の受付等）に対し、個人認証システムを用いて、従業員及び出入りを許可された外部組織等に対する入退室記録を作成し、適切な期間保存すること。', '重要な物理的セキュリティ境界（カード制御による出入口、有人の受付等）に対し、個人認証システムを用いて、従業員及び出入りを許可された外部組織等に対する入退室記録を作成し、適切な期間保存すること。', 95, true),
  ('asp_saas:III.4.4.2', 'asp_saas:III.4.4', 'control', 'recommended', '重要な物理的セキュリティ境界に対して監視カメラを設置し、その稼働時間と監視範囲を定めて監視を行うこと。', '重要な物理的セキュリティ境界に対して監視カメラを設置し、その稼働時間と監視範囲を定めて監視を行うこと。また、監視カメラの映像を予め定められた期間保存すること。', 96, true),
  ('asp_saas:III.4.4.3', 'asp_saas:III.4.4', 'control', 'basic', '重要な物理的セキュリティ境界からの入退室等を管理するための手順書を作成すること。', '重要な物理的セキュリティ境界からの入退室等を管理するための手順書を作成すること。', 97, true),
  ('asp_saas:III.4.4.4', 'asp_saas:III.4.4', 'control', 'recommended', '重要な物理的セキュリティ境界の出入口に破壊対策ドアを設置すること。', '重要な物理的セキュリティ境界の出入口に破壊対策ドアを設置すること。', 98, true),
  ('asp_saas:III.4.4.5', 'asp_saas:III.4.4', 'control', 'recommended', '重要な物理的セキュリティ境界に警備員を常駐させること。', '重要な物理的セキュリティ境界に警備員を常駐させること。', 99, true),
  ('asp_saas:III.4.4.6', 'asp_saas:III.4.4', 'control', 'basic', 'サーバールームやラックの鍵管理を行うこと。', 'サーバールームやラックの鍵管理を行うこと。', 100, true),
  ('asp_saas:III.5', 'asp_saas:III', 'section', NULL, 'その他', NULL, 101, true),
  ('asp_saas:III.5.1', 'asp_saas:III.5', 'section', NULL, '機密性・完全性を保持するための対策', NULL, 102, true),
  ('asp_saas:III.5.1.1', 'asp_saas:III.5.1', 'control', 'recommended', '電子データの原本性確保を行うこと。', '電子データの原本性確保を行うこと。', 103, true),
  ('asp_saas:III.5.1.2', 'asp_saas:III.5.1', 'control', 'basic', '個人情報に関連する法令に基づいて適切に取り扱うこと。', '個人情報に関連する法令に基づいて適切に取り扱うこと。', 104, true),
  ('asp_saas:III.5.2', 'asp_saas:III.5', 'section', NULL, 'ASP・SaaS 事業者の運用管理端末における情報セキュリティ対策', NULL, 105, true),
  ('asp_saas:III.5.2.1', 'asp_saas:III.5.2', 'control', 'basic', '運用管理端末に、許可されていないプログラム等のインストールを行わせないこと。', '運用管理端末に、許可されていないプログラム等のインストールを行わせないこと。
従業員等が用いる運用管理端末の全てのファイルのウイルスチェックを行うこと。
技術的ぜい弱性に関する情報（OS、その他ソフトウェアのパッチ発行情報等）を定期的に収集し、随時パッチによる更新を行うこと。', 106, true),
  ('asp_saas:III.5.3', 'asp_saas:III.5', 'section', NULL, '媒体の保管と廃棄', NULL, 107, true),
  ('asp_saas:III.5.3.1', 'asp_saas:III.5.3', 'control', 'basic', '紙、磁気テープ、光メディア等の媒体の保管管理を適切に行うこと。', '紙、磁気テープ、光メディア等の媒体の保管管理を適切に行うこと。', 108, true),
  ('asp_saas:III.5.3.2', 'asp_saas:III.5.3', 'control', 'basic', '機器及び媒体を正式な手順に基づいて廃棄すること。', '機器及び媒体を正式な手順に基づいて廃棄すること。', 109, true);

INSERT INTO kansa.reference_item (control, letter, title, direction, quantity, builtin) VALUES
  ('asp_saas:III.1.1.1', 'a', '死活監視インターバル（応答確認）', 'min', 'liveness_interval', true),
  ('asp_saas:III.1.1.1', 'b', '通知時間（稼働停止検知後、利用者に通知するまでの時間）', 'max', 'notification_time', true),
  ('asp_saas:III.1.1.2', 'a', '障害監視インターバル', 'min', 'fault_interval', true),
  ('asp_saas:III.1.1.2', 'b', '通知時間（障害検知後、利用者に通知するまでの時間）', 'max', 'notification_time', true),
  ('asp_saas:III.1.1.3', 'a', 'パフォーマンス監視インターバル', 'min', 'performance_interval', true),
  ('asp_saas:III.1.1.3', 'b', '通知時間（異常検知後、利用者に通知するまでの時間）', 'max', 'notification_time', true),
  ('asp_saas:III.1.1.6', 'a', 'OS、その他ソフトウェアに対するパッチ更新作業の着手までの時間', 'max', 'patch_start_time', true),
  ('asp_saas:III.1.1.7', 'a', '定期報告の間隔（Web 等による報告も含む）', 'max', 'periodic_report_interval', true),
  ('asp_saas:III.1.1.8', 'a', '第一報（速報）に続く追加報告のタイミング', 'max', 'followup_report_time', true),
  ('asp_saas:III.2.1.1', 'a', 'ASP・SaaS サービスの稼働率', 'min', 'uptime', true),
  ('asp_saas:III.2.1.2', 'a', '容量・能力等の要求事項を記録した文書の保存期間', 'min', 'capacity_doc_retention', true),
  ('asp_saas:III.2.1.3', 'a', '利用者の利用状況の記録（ログ等）の保存期間', 'min', 'usage_log_retention', true),
  ('asp_saas:III.2.1.3', 'b', '例外処理及び情報セキュリティ事象の記録（ログ等）の保存期間', 'min', 'security_log_retention', true),
  ('asp_saas:III.2.1.3', 'c', 'スタンバイ機による運転再開', NULL, 'standby', true),
  ('asp_saas:III.2.1.4', 'a', 'ぜい弱性診断の実施間隔（サーバ等への外部からの侵入に関する簡易自動診断（ポートスキャン等））', 'min', 'vuln_scan_interval', true),
  ('asp_saas:III.2.1.4', 'b', 'ぜい弱性診断の実施間隔（サーバ等への外部からの侵入に関する詳細診断（ネットワーク関係、外部委託を含む））', 'min', 'vuln_scan_interval', true),
  ('asp_saas:III.2.1.4', 'c', 'ぜい弱性診断の実施間隔（アプリケーションの脆弱性の詳細診断（外部委託を含む））', 'min', 'vuln_scan_interval', true),
  ('asp_saas:III.2.2.1', 'a', 'パターンファイルの更新間隔', 'max', 'pattern_file_update', true),
  ('asp_saas:III.2.3.1', 'a', 'バックアップ実施インターバル', 'min', 'backup_interval', true),
  ('asp_saas:III.2.3.1', 'b', '世代バックアップ', 'min', 'backup_generations', true),
  ('asp_saas:III.2.3.2', 'a', 'バックアップ確認の実施インターバル（ディスクに戻してファイルサイズを確認する等）', NULL, 'backup_check', true),
  ('asp_saas:III.3.1.3', 'a', '利用者のアクセス認証方法', NULL, 'auth_method_user', true),
  ('asp_saas:III.3.1.3', 'b', '情報システム管理者、ネットワーク管理者等のアクセス認証方法', NULL, 'auth_method_admin', true),
  ('asp_saas:III.3.1.5', 'a', 'シグニチャ（パターンファイル）の更新間隔', 'min', 'ids_signature_update', true),
  ('asp_saas:III.3.2.2', 'a', '通信の暗号化', NULL, 'encryption', true),
  ('asp_saas:III.3.2.5', 'a', '通報時間（障害が発生してから通報するまでの時間）', 'max', 'notification_time', true),
  ('asp_saas:III.4.2.1', 'a', '非常用無停電電源（UPS等）による電力供給時間', 'min', 'ups_minutes', true),
  ('asp_saas:III.4.2.1', 'b', '複数給電の実施', NULL, 'dual_power', true),
  ('asp_saas:III.4.2.1', 'c', '非常用発電機の設置', NULL, 'generator', true),
  ('asp_saas:III.4.3.1', 'a', '汚損対策の実施', NULL, 'extinguisher', true),
  ('asp_saas:III.4.4.1', 'a', '入退室記録の保存', 'min', 'entry_log_retention', true),
  ('asp_saas:III.4.4.2', 'a', '監視カメラの稼働時間', 'min', 'camera_hours', true),
  ('asp_saas:III.4.4.2', 'b', '監視映像保存期間', 'min', 'camera_retention', true),
  ('asp_saas:III.4.4.5', 'a', '警備員の常駐時間', 'min', 'guard_hours', true),
  ('asp_saas:III.5.1.1', 'a', '原本性（真正性）確認レベル', NULL, 'authenticity', true),
  ('asp_saas:III.5.2.1', 'a', 'パターンファイルの更新間隔', 'max', 'pattern_file_update', true),
  ('asp_saas:III.5.2.1', 'b', 'OS、その他ソフトウェアに対するパッチ更新作業の着手までの時間', 'max', 'patch_start_time', true);

INSERT INTO kansa.reference_value (item, pattern, raw, builtin)
SELECT i.id, v.pattern, v.raw, true
  FROM (VALUES
  ('asp_saas:III.1.1.1', 'a', 1, '1回以上／5分*'),
  ('asp_saas:III.1.1.1', 'a', 2, '1回以上／10分*'),
  ('asp_saas:III.1.1.1', 'a', 3, '1回以上／20分*'),
  ('asp_saas:III.1.1.1', 'a', 4, '1回以上／5分*'),
  ('asp_saas:III.1.1.1', 'a', 5, '1回以上／10分*'),
  ('asp_saas:III.1.1.1', 'a', 6, '1回以上／20分*'),
  ('asp_saas:III.1.1.1', 'b', 1, '20分以内*'),
  ('asp_saas:III.1.1.1', 'b', 2, '60分以内*'),
  ('asp_saas:III.1.1.1', 'b', 3, '5時間以内*'),
  ('asp_saas:III.1.1.1', 'b', 4, '20分以内*'),
  ('asp_saas:III.1.1.1', 'b', 5, '60分以内*'),
  ('asp_saas:III.1.1.1', 'b', 6, '5時間以内*'),
  ('asp_saas:III.1.1.2', 'a', 1, '1回/10分'),
  ('asp_saas:III.1.1.2', 'a', 2, '1回/30分'),
  ('asp_saas:III.1.1.2', 'a', 3, '1回/60分'),
  ('asp_saas:III.1.1.2', 'a', 4, '1回/10分'),
  ('asp_saas:III.1.1.2', 'a', 5, '1回/30分'),
  ('asp_saas:III.1.1.2', 'a', 6, '1回/60分'),
  ('asp_saas:III.1.1.2', 'b', 1, '20分'),
  ('asp_saas:III.1.1.2', 'b', 2, '60分'),
  ('asp_saas:III.1.1.2', 'b', 3, '5時間'),
  ('asp_saas:III.1.1.2', 'b', 4, '20分'),
  ('asp_saas:III.1.1.2', 'b', 5, '60分'),
  ('asp_saas:III.1.1.2', 'b', 6, '5時間'),
  ('asp_saas:III.1.1.3', 'a', 1, '1回/10分'),
  ('asp_saas:III.1.1.3', 'a', 2, '1回/30分'),
  ('asp_saas:III.1.1.3', 'a', 3, '1回/60分'),
  ('asp_saas:III.1.1.3', 'a', 4, '1回/10分'),
  ('asp_saas:III.1.1.3', 'a', 5, '1回/30分'),
  ('asp_saas:III.1.1.3', 'a', 6, '1回/60分'),
  ('asp_saas:III.1.1.3', 'b', 1, '20分'),
  ('asp_saas:III.1.1.3', 'b', 2, '60分'),
  ('asp_saas:III.1.1.3', 'b', 3, '5時間'),
  ('asp_saas:III.1.1.3', 'b', 4, '20分'),
  ('asp_saas:III.1.1.3', 'b', 5, '60分'),
  ('asp_saas:III.1.1.3', 'b', 6, '5時間'),
  ('asp_saas:III.1.1.6', 'a', 1, 'ベンダリリースから 24 時間以内*'),
  ('asp_saas:III.1.1.6', 'a', 2, 'ベンダリリースから 24 時間以内*'),
  ('asp_saas:III.1.1.6', 'a', 3, 'ベンダリリースから 24 時間以内*'),
  ('asp_saas:III.1.1.6', 'a', 4, 'ベンダリリースから 3 日以内*'),
  ('asp_saas:III.1.1.6', 'a', 5, 'ベンダリリースから 3 日以内*'),
  ('asp_saas:III.1.1.6', 'a', 6, 'ベンダリリースから 3 日以内*'),
  ('asp_saas:III.1.1.7', 'a', 1, '1ヶ月'),
  ('asp_saas:III.1.1.7', 'a', 2, '3ヶ月'),
  ('asp_saas:III.1.1.7', 'a', 3, '6ヶ月'),
  ('asp_saas:III.1.1.7', 'a', 4, '1ヶ月'),
  ('asp_saas:III.1.1.7', 'a', 5, '3ヶ月'),
  ('asp_saas:III.1.1.7', 'a', 6, '6ヶ月'),
  ('asp_saas:III.1.1.8', 'a', 1, '発見後 1 時間'),
  ('asp_saas:III.1.1.8', 'a', 2, '発見後 1 時間'),
  ('asp_saas:III.1.1.8', 'a', 3, '発見後 12 時間'),
  ('asp_saas:III.1.1.8', 'a', 4, '発見後 1 時間'),
  ('asp_saas:III.1.1.8', 'a', 5, '発見後 12 時間'),
  ('asp_saas:III.1.1.8', 'a', 6, '発見後 12 時間'),
  ('asp_saas:III.2.1.1', 'a', 1, '99.5%以上*'),
  ('asp_saas:III.2.1.1', 'a', 2, '99%以上*'),
  ('asp_saas:III.2.1.1', 'a', 3, '95%以上*'),
  ('asp_saas:III.2.1.1', 'a', 4, '99.5%以上*'),
  ('asp_saas:III.2.1.1', 'a', 5, '99%以上*'),
  ('asp_saas:III.2.1.1', 'a', 6, '95%以上*'),
  ('asp_saas:III.2.1.2', 'a', 1, 'サービス提供期間+1年間'),
  ('asp_saas:III.2.1.2', 'a', 2, 'サービス提供期間+6ヶ月'),
  ('asp_saas:III.2.1.2', 'a', 3, 'サービス提供期間+3ヶ月'),
  ('asp_saas:III.2.1.2', 'a', 4, 'サービス提供期間+1年間'),
  ('asp_saas:III.2.1.2', 'a', 5, 'サービス提供期間+6ヶ月'),
  ('asp_saas:III.2.1.2', 'a', 6, 'サービス提供期間+3ヶ月'),
  ('asp_saas:III.2.1.3', 'a', 1, '3ヶ月'),
  ('asp_saas:III.2.1.3', 'a', 2, '1ヶ月'),
  ('asp_saas:III.2.1.3', 'a', 3, '1週間'),
  ('asp_saas:III.2.1.3', 'a', 4, '3ヶ月'),
  ('asp_saas:III.2.1.3', 'a', 5, '1ヶ月'),
  ('asp_saas:III.2.1.3', 'a', 6, '1週間'),
  ('asp_saas:III.2.1.3', 'b', 1, '5年'),
  ('asp_saas:III.2.1.3', 'b', 2, '1年'),
  ('asp_saas:III.2.1.3', 'b', 3, '6ヶ月'),
  ('asp_saas:III.2.1.3', 'b', 4, '5年'),
  ('asp_saas:III.2.1.3', 'b', 5, '1年'),
  ('asp_saas:III.2.1.3', 'b', 6, '6ヶ月'),
  ('asp_saas:III.2.1.3', 'c', 1, '可能 (ホットスタンバイ ¹⁵)'),
  ('asp_saas:III.2.1.3', 'c', 2, '可能 (コールドスタンバイ ¹⁶)'),
  ('asp_saas:III.2.1.3', 'c', 3, '-'),
  ('asp_saas:III.2.1.3', 'c', 4, '可能 (ホットスタンバイ)'),
  ('asp_saas:III.2.1.3', 'c', 5, '可能 (コールドスタンバイ)'),
  ('asp_saas:III.2.1.3', 'c', 6, '-'),
  ('asp_saas:III.2.1.4', 'a', 1, '1回/1ヶ月'),
  ('asp_saas:III.2.1.4', 'a', 2, '1回/1ヶ月'),
  ('asp_saas:III.2.1.4', 'a', 3, '1回/1ヶ月'),
  ('asp_saas:III.2.1.4', 'a', 4, '1回/1ヶ月'),
  ('asp_saas:III.2.1.4', 'a', 5, '1回/1ヶ月'),
  ('asp_saas:III.2.1.4', 'a', 6, '1回/1ヶ月'),
  ('asp_saas:III.2.1.4', 'b', 1, '1回/6ヶ月'),
  ('asp_saas:III.2.1.4', 'b', 2, '1回/1年'),
  ('asp_saas:III.2.1.4', 'b', 3, '1回/1年'),
  ('asp_saas:III.2.1.4', 'b', 4, '1回/6ヶ月'),
  ('asp_saas:III.2.1.4', 'b', 5, '1回/1年'),
  ('asp_saas:III.2.1.4', 'b', 6, '1回/1年'),
  ('asp_saas:III.2.1.4', 'c', 1, '1回／1年'),
  ('asp_saas:III.2.1.4', 'c', 2, '1回／1年'),
  ('asp_saas:III.2.1.4', 'c', 3, '1回／1年'),
  ('asp_saas:III.2.1.4', 'c', 4, '1回／1年'),
  ('asp_saas:III.2.1.4', 'c', 5, '1回／1年'),
  ('asp_saas:III.2.1.4', 'c', 6, '1回／1年'),
  ('asp_saas:III.2.2.1', 'a', 1, 'ベンダリリースから24時間以内*'),
  ('asp_saas:III.2.2.1', 'a', 2, 'ベンダリリースから24時間以内*'),
  ('asp_saas:III.2.2.1', 'a', 3, 'ベンダリリースから3日以内*'),
  ('asp_saas:III.2.2.1', 'a', 4, 'ベンダリリースから24時間以内*'),
  ('asp_saas:III.2.2.1', 'a', 5, 'ベンダリリースから3日以内*'),
  ('asp_saas:III.2.2.1', 'a', 6, 'ベンダリリースから3日以内*'),
  ('asp_saas:III.2.3.1', 'a', 1, '1回/1日'),
  ('asp_saas:III.2.3.1', 'a', 2, '1回/1週間'),
  ('asp_saas:III.2.3.1', 'a', 3, '1回/1ヶ月'),
  ('asp_saas:III.2.3.1', 'a', 4, '1回/1日'),
  ('asp_saas:III.2.3.1', 'a', 5, '1回/1週間'),
  ('asp_saas:III.2.3.1', 'a', 6, '1回/1ヶ月'),
  ('asp_saas:III.2.3.1', 'b', 1, '5世代'),
  ('asp_saas:III.2.3.1', 'b', 2, '2世代'),
  ('asp_saas:III.2.3.1', 'b', 3, '1世代'),
  ('asp_saas:III.2.3.1', 'b', 4, '5世代'),
  ('asp_saas:III.2.3.1', 'b', 5, '2世代'),
  ('asp_saas:III.2.3.1', 'b', 6, '1世代'),
  ('asp_saas:III.2.3.2', 'a', 1, 'バックアップ実施の都度'),
  ('asp_saas:III.2.3.2', 'a', 2, 'バックアップ実施の都度'),
  ('asp_saas:III.2.3.2', 'a', 3, 'バックアップ実施の都度'),
  ('asp_saas:III.2.3.2', 'a', 4, 'バックアップ実施の都度'),
  ('asp_saas:III.2.3.2', 'a', 5, 'バックアップ実施の都度'),
  ('asp_saas:III.2.3.2', 'a', 6, 'バックアップ実施の都度'),
  ('asp_saas:III.3.1.3', 'a', 1, '生体認証 又は IC カード'),
  ('asp_saas:III.3.1.3', 'a', 2, 'IC カード 又は ID・パスワード'),
  ('asp_saas:III.3.1.3', 'a', 3, 'ID・パスワード'),
  ('asp_saas:III.3.1.3', 'a', 4, 'ID・パスワード'),
  ('asp_saas:III.3.1.3', 'a', 5, 'ID・パスワード'),
  ('asp_saas:III.3.1.3', 'a', 6, 'ID・パスワード'),
  ('asp_saas:III.3.1.3', 'b', 1, 'デジタル証明書による認証、 生体認証 又は IC カード'),
  ('asp_saas:III.3.1.3', 'b', 2, '生体認証 又は IC カード'),
  ('asp_saas:III.3.1.3', 'b', 3, 'IC カード 又は ID・パスワード'),
  ('asp_saas:III.3.1.3', 'b', 4, '生体認証 又は IC カード'),
  ('asp_saas:III.3.1.3', 'b', 5, 'IC カード 又は ID・パスワード'),
  ('asp_saas:III.3.1.3', 'b', 6, 'IC カード 又は ID・パスワード'),
  ('asp_saas:III.3.1.5', 'a', 1, '1回／1日'),
  ('asp_saas:III.3.1.5', 'a', 2, '1回／3週間'),
  ('asp_saas:III.3.1.5', 'a', 3, '1回／3週間'),
  ('asp_saas:III.3.1.5', 'a', 4, '1回／1日'),
  ('asp_saas:III.3.1.5', 'a', 5, '1回／3週間'),
  ('asp_saas:III.3.1.5', 'a', 6, '1回／3週間'),
  ('asp_saas:III.3.2.2', 'a', 1, 'IP 暗号通信 (VPN(IPsec) ²⁰ 等) 又は HTTP 暗号通信 (SSL (TLS) ²¹ 等)'),
  ('asp_saas:III.3.2.2', 'a', 2, 'IP 暗号通信 (VPN(IPsec)等) 又は HTTP 暗号通信 (SSL(TLS)等)'),
  ('asp_saas:III.3.2.2', 'a', 3, 'IP 暗号通信 (VPN(IPsec)等) 又は HTTP 暗号通信 (SSL(TLS)等)'),
  ('asp_saas:III.3.2.2', 'a', 4, 'HTTP 暗号通信 (SSL(TLS)等)'),
  ('asp_saas:III.3.2.2', 'a', 5, 'HTTP 暗号通信 (SSL(TLS)等)'),
  ('asp_saas:III.3.2.2', 'a', 6, 'HTTP 暗号通信 (SSL(TLS)等)'),
  ('asp_saas:III.3.2.5', 'a', 1, '検知後 60 分以内'),
  ('asp_saas:III.3.2.5', 'a', 2, '-'),
  ('asp_saas:III.3.2.5', 'a', 3, '-'),
  ('asp_saas:III.3.2.5', 'a', 4, '検知後 60 分以内'),
  ('asp_saas:III.3.2.5', 'a', 5, '-'),
  ('asp_saas:III.3.2.5', 'a', 6, '-'),
  ('asp_saas:III.4.2.1', 'a', 1, '10分'),
  ('asp_saas:III.4.2.1', 'a', 2, '10分'),
  ('asp_saas:III.4.2.1', 'a', 3, '10分'),
  ('asp_saas:III.4.2.1', 'a', 4, '10分'),
  ('asp_saas:III.4.2.1', 'a', 5, '10分'),
  ('asp_saas:III.4.2.1', 'a', 6, '10分'),
  ('asp_saas:III.4.2.1', 'b', 1, '実施'),
  ('asp_saas:III.4.2.1', 'b', 2, '実施'),
  ('asp_saas:III.4.2.1', 'b', 3, '-'),
  ('asp_saas:III.4.2.1', 'b', 4, '実施'),
  ('asp_saas:III.4.2.1', 'b', 5, '実施'),
  ('asp_saas:III.4.2.1', 'b', 6, '-'),
  ('asp_saas:III.4.2.1', 'c', 1, '実施'),
  ('asp_saas:III.4.2.1', 'c', 2, '-'),
  ('asp_saas:III.4.2.1', 'c', 3, '-'),
  ('asp_saas:III.4.2.1', 'c', 4, '実施'),
  ('asp_saas:III.4.2.1', 'c', 5, '-'),
  ('asp_saas:III.4.2.1', 'c', 6, '-'),
  ('asp_saas:III.4.3.1', 'a', 1, '汚損対策消火設備（ガス系消火設備等）の使用'),
  ('asp_saas:III.4.3.1', 'a', 2, '汚損対策消火設備（ガス系消火設備等）の使用'),
  ('asp_saas:III.4.3.1', 'a', 3, '-'),
  ('asp_saas:III.4.3.1', 'a', 4, '汚損対策消火設備（ガス系消火設備等）の使用'),
  ('asp_saas:III.4.3.1', 'a', 5, '汚損対策消火設備（ガス系消火設備等）の使用'),
  ('asp_saas:III.4.3.1', 'a', 6, '-'),
  ('asp_saas:III.4.4.1', 'a', 1, '2年以上*'),
  ('asp_saas:III.4.4.1', 'a', 2, '2年以上*'),
  ('asp_saas:III.4.4.1', 'a', 3, '2年以上*'),
  ('asp_saas:III.4.4.1', 'a', 4, '2年以上*'),
  ('asp_saas:III.4.4.1', 'a', 5, '2年以上*'),
  ('asp_saas:III.4.4.1', 'a', 6, '2年以上*'),
  ('asp_saas:III.4.4.2', 'a', 1, '365日24時間'),
  ('asp_saas:III.4.4.2', 'a', 2, '365日24時間'),
  ('asp_saas:III.4.4.2', 'a', 3, '365日24時間'),
  ('asp_saas:III.4.4.2', 'a', 4, '-'),
  ('asp_saas:III.4.4.2', 'a', 5, '-'),
  ('asp_saas:III.4.4.2', 'a', 6, '-'),
  ('asp_saas:III.4.4.2', 'b', 1, '6ヶ月'),
  ('asp_saas:III.4.4.2', 'b', 2, '1ヶ月'),
  ('asp_saas:III.4.4.2', 'b', 3, '1週間'),
  ('asp_saas:III.4.4.2', 'b', 4, '-'),
  ('asp_saas:III.4.4.2', 'b', 5, '-'),
  ('asp_saas:III.4.4.2', 'b', 6, '-'),
  ('asp_saas:III.4.4.5', 'a', 1, '365 日 24 時間'),
  ('asp_saas:III.4.4.5', 'a', 2, '365 日 24 時間'),
  ('asp_saas:III.4.4.5', 'a', 3, '-'),
  ('asp_saas:III.4.4.5', 'a', 4, '365 日 24 時間'),
  ('asp_saas:III.4.4.5', 'a', 5, '365 日 24 時間'),
  ('asp_saas:III.4.4.5', 'a', 6, '-'),
  ('asp_saas:III.5.1.1', 'a', 1, '時刻認証、署名 及び 印刷データ電子化・管理'),
  ('asp_saas:III.5.1.1', 'a', 2, '署名 及び 印刷データ電子化・管理'),
  ('asp_saas:III.5.1.1', 'a', 3, '印刷データ電子化・管理'),
  ('asp_saas:III.5.1.1', 'a', 4, '時刻認証、署名 及び 印刷データ電子化・管理'),
  ('asp_saas:III.5.1.1', 'a', 5, '署名 及び 印刷データ電子化・管理'),
  ('asp_saas:III.5.1.1', 'a', 6, '印刷データ電子化・管理'),
  ('asp_saas:III.5.2.1', 'a', 1, 'ベンダリリースから 24 時間以内*'),
  ('asp_saas:III.5.2.1', 'a', 2, 'ベンダリリースから 24 時間以内*'),
  ('asp_saas:III.5.2.1', 'a', 3, 'ベンダリリースから 3 日以内*'),
  ('asp_saas:III.5.2.1', 'a', 4, 'ベンダリリースから 24 時間以内*'),
  ('asp_saas:III.5.2.1', 'a', 5, 'ベンダリリースから 3 日以内*'),
  ('asp_saas:III.5.2.1', 'a', 6, 'ベンダリリースから 3 日以内*'),
  ('asp_saas:III.5.2.1', 'b', 1, 'ベンダリリースから 24 時間以内*'),
  ('asp_saas:III.5.2.1', 'b', 2, 'ベンダリリースから 24 時間以内*'),
  ('asp_saas:III.5.2.1', 'b', 3, 'ベンダリリースから 24 時間以内*'),
  ('asp_saas:III.5.2.1', 'b', 4, 'ベンダリリースから 3 日以内*'),
  ('asp_saas:III.5.2.1', 'b', 5, 'ベンダリリースから 3 日以内*'),
  ('asp_saas:III.5.2.1', 'b', 6, 'ベンダリリースから 3 日以内*')) AS v (control, letter, pattern, raw)
  JOIN kansa.reference_item AS i
    ON i.control OPERATOR(kansa.=) v.control::kansa.control_id
   AND i.letter OPERATOR(pg_catalog.=) v.letter;

INSERT INTO kansa.control (id, parent, kind, level, title, body, position, builtin) VALUES
  ('fisc8:設', NULL, 'section', NULL, '設備基準', NULL, 1, true),
  ('fisc8:設.1', 'fisc8:設', 'section', NULL, '設備基準（コンピュータセンター）', NULL, 2, true),
  ('fisc8:設.1.1', 'fisc8:設.1', 'section', NULL, '建物', NULL, 3, true),
  ('fisc8:設.1.1.1', 'fisc8:設.1.1', 'section', NULL, '環境', NULL, 4, true),
  ('fisc8:設1', 'fisc8:設.1.1.1', 'control', NULL, '各種災害、障害が発生しやすい地域を避けること', NULL, 5, true),
  ('fisc8:設.1.1.2', 'fisc8:設.1.1', 'section', NULL, '周囲', NULL, 6, true),
  ('fisc8:設2', 'fisc8:設.1.1.2', 'control', NULL, '立地環境の変化に伴う災害および障害の発生の可能性を調査し、防止対策を講ずること', NULL, 7, true),
  ('fisc8:設3', 'fisc8:設.1.1.2', 'control', NULL, '敷地には通路を確保すること', NULL, 8, true),
  ('fisc8:設4', 'fisc8:設.1.1.2', 'control', NULL, '隣接物との間隔を十分にとること', NULL, 9, true),
  ('fisc8:設5', 'fisc8:設.1.1.2', 'control', NULL, '塀または柵および侵入防止装置を設けること', NULL, 10, true),
  ('fisc8:設6', 'fisc8:設.1.1.2', 'control', NULL, '看板等を外部に出さないこと', NULL, 11, true),
  ('fisc8:設7', 'fisc8:設.1.1.2', 'control', NULL, '建物には避雷設備を設置すること', NULL, 12, true),
  ('fisc8:設8', 'fisc8:設.1.1.2', 'control', NULL, '建物にはコンピュータシステム関連業務専用、または建物内においてコンピュータシステム関連業務専用の独立区画とすること', NULL, 13, true),
  ('fisc8:設9', 'fisc8:設.1.1.2', 'control', NULL, '敷地内の通信回線・電力線は、切断・延焼の防止措置を講ずること', NULL, 14, true),
  ('fisc8:設.1.1.3', 'fisc8:設.1.1', 'section', NULL, '構造', NULL, 15, true),
  ('fisc8:設10', 'fisc8:設.1.1.3', 'control', NULL, '耐火建造物であること', NULL, 16, true),
  ('fisc8:設11', 'fisc8:設.1.1.3', 'control', NULL, '構造の安全性を有すること', NULL, 17, true),
  ('fisc8:設12', 'fisc8:設.1.1.3', 'control', NULL, '外壁、屋根等は十分な防水性能を有すること', NULL, 18, true),
  ('fisc8:設13', 'fisc8:設.1.1.3', 'control', NULL, '外壁等に強度を持たせること', NULL, 19, true),
  ('fisc8:設.1.1.4', 'fisc8:設.1.1', 'section', NULL, '開口部', NULL, 20, true),
  ('fisc8:設14', 'fisc8:設.1.1.4', 'control', NULL, '窓には防火措置を講ずること', NULL, 21, true),
  ('fisc8:設15', 'fisc8:設.1.1.4', 'control', NULL, '防犯措置を講ずること', NULL, 22, true),
  ('fisc8:設16', 'fisc8:設.1.1.4', 'control', NULL, '常時利用する出入口は1カ所とし、出入管理設備、防犯設備を設置すること', NULL, 23, true),
  ('fisc8:設17', 'fisc8:設.1.1.4', 'control', NULL, '非常口を設けること', NULL, 24, true),
  ('fisc8:設18', 'fisc8:設.1.1.4', 'control', NULL, '防水措置を講ずること', NULL, 25, true),
  ('fisc8:設19', 'fisc8:設.1.1.4', 'control', NULL, '出入口の扉は、十分な強度を持たせるとともに、錠を付けること', NULL, 26, true),
  ('fisc8:設.1.1.5', 'fisc8:設.1.1', 'section', NULL, '内装等', NULL, 27, true),
  ('fisc8:設20', 'fisc8:設.1.1.5', 'control', NULL, '不燃材料および防災性能を有するものを使用すること', NULL, 28, true),
  ('fisc8:設21', 'fisc8:設.1.1.5', 'control', NULL, '地震による内装等の落下・損壊の防止措置を講ずること', NULL, 29, true),
  ('fisc8:設.1.2', 'fisc8:設.1', 'section', NULL, 'コンピュータ室・データ保管室', NULL, 30, true),
  ('fisc8:設.1.2.1', 'fisc8:設.1.2', 'section', NULL, '位置', NULL, 31, true),
  ('fisc8:設22', 'fisc8:設.1.2.1', 'control', NULL, '災害を受けるおそれの少ない位置に設置すること', NULL, 32, true),
  ('fisc8:設23', 'fisc8:設.1.2.1', 'control', NULL, '外部から容易に入れない位置に設置すること', NULL, 33, true),
  ('fisc8:設24', 'fisc8:設.1.2.1', 'control', NULL, '室名等の表示は付さないこと', NULL, 34, true),
  ('fisc8:設25', 'fisc8:設.1.2.1', 'control', NULL, '必要空間を確保すること', NULL, 35, true),
  ('fisc8:設26', 'fisc8:設.1.2.1', 'control', NULL, '専用の独立した室とすること', NULL, 36, true),
  ('fisc8:設.1.2.2', 'fisc8:設.1.2', 'section', NULL, '開口部', NULL, 37, true),
  ('fisc8:設27', 'fisc8:設.1.2.2', 'control', NULL, '常時利用する出入口は1カ所とし、前室を設けること', NULL, 38, true),
  ('fisc8:設28', 'fisc8:設.1.2.2', 'control', NULL, '出入口の扉は、十分な強度を持たせるとともに、錠を付けること', NULL, 39, true),
  ('fisc8:設29', 'fisc8:設.1.2.2', 'control', NULL, '窓に防火、防水、破損防止措置を講じ、外部から室内の機器等が見えない措置を講ずること', NULL, 40, true),
  ('fisc8:設30', 'fisc8:設.1.2.2', 'control', NULL, '非常口、避難器具、誘導灯等を設置すること', NULL, 41, true),
  ('fisc8:設.1.2.3', 'fisc8:設.1.2', 'section', NULL, '構造・内装等', NULL, 42, true),
  ('fisc8:設31', 'fisc8:設.1.2.3', 'control', NULL, '独立した防火区画とすること', NULL, 43, true),
  ('fisc8:設32', 'fisc8:設.1.2.3', 'control', NULL, '漏水防止対策を講ずること', NULL, 44, true),
  ('fisc8:設33', 'fisc8:設.1.2.3', 'control', NULL, '静電気の防止措置を講ずること', NULL, 45, true),
  ('fisc8:設34', 'fisc8:設.1.2.3', 'control', NULL, '内装等には不燃材料および防災性能を有するものを使用すること', NULL, 46, true),
  ('fisc8:設35', 'fisc8:設.1.2.3', 'control', NULL, '地震による内装等の落下・損壊の防止措置を講ずること', NULL, 47, true),
  ('fisc8:設36', 'fisc8:設.1.2.3', 'control', NULL, 'フリーアクセス床は地震時に損壊しない構造とすること', NULL, 48, true),
  ('fisc8:設.1.2.4', 'fisc8:設.1.2', 'section', NULL, '設備', NULL, 49, true),
  ('fisc8:設37', 'fisc8:設.1.2.4', 'control', NULL, '自動火災報知設備を設置すること', NULL, 50, true),
  ('fisc8:設38', 'fisc8:設.1.2.4', 'control', NULL, '非常時の連絡装置を設置すること', NULL, 51, true),
  ('fisc8:設39', 'fisc8:設.1.2.4', 'control', NULL, '消火設備を設置すること', NULL, 52, true),
  ('fisc8:設40', 'fisc8:設.1.2.4', 'control', NULL, 'ケーブルの難燃化、延焼防止措置を講ずること', NULL, 53, true),
  ('fisc8:設41', 'fisc8:設.1.2.4', 'control', NULL, '排煙設備を設置すること', NULL, 54, true),
  ('fisc8:設42', 'fisc8:設.1.2.4', 'control', NULL, '非常用照明設備、携帯用照明器具を設置すること', NULL, 55, true),
  ('fisc8:設43', 'fisc8:設.1.2.4', 'control', NULL, '水使用設備を設置しないこと', NULL, 56, true),
  ('fisc8:設44', 'fisc8:設.1.2.4', 'control', NULL, '地震感知器を設置すること', NULL, 57, true),
  ('fisc8:設45', 'fisc8:設.1.2.4', 'control', NULL, '出入口には出入管理設備、防犯設備を設置すること', NULL, 58, true),
  ('fisc8:設46', 'fisc8:設.1.2.4', 'control', NULL, '温湿度自動記録装置または温湿度警報装置を設置すること', NULL, 59, true),
  ('fisc8:設47', 'fisc8:設.1.2.4', 'control', NULL, 'ネズミの害を防止する措置を講ずること', NULL, 60, true),
  ('fisc8:設.1.2.5', 'fisc8:設.1.2', 'section', NULL, 'コンピュータ機器、什器、備品', NULL, 61, true),
  ('fisc8:設48', 'fisc8:設.1.2.5', 'control', NULL, '什器・備品は不燃性とすること', NULL, 62, true),
  ('fisc8:設49', 'fisc8:設.1.2.5', 'control', NULL, '静電気防止措置を講ずること', NULL, 63, true),
  ('fisc8:設50', 'fisc8:設.1.2.5', 'control', NULL, '耐震措置を講ずること', NULL, 64, true),
  ('fisc8:設51', 'fisc8:設.1.2.5', 'control', NULL, '運搬車等に固定装置を取り付けること', NULL, 65, true),
  ('fisc8:設.1.3', 'fisc8:設.1', 'section', NULL, '電源室・空調機械室', NULL, 66, true),
  ('fisc8:設52', 'fisc8:設.1.3', 'control', NULL, '災害を受けるおそれの少ない位置に設置すること', NULL, 67, true),
  ('fisc8:設53', 'fisc8:設.1.3', 'control', NULL, '保守点検に必要な空間を確保すること', NULL, 68, true),
  ('fisc8:設54', 'fisc8:設.1.3', 'control', NULL, '専用の独立した室とすること', NULL, 69, true),
  ('fisc8:設55', 'fisc8:設.1.3', 'control', NULL, '無窓とし、錠を付けた扉を設置すること', NULL, 70, true),
  ('fisc8:設56', 'fisc8:設.1.3', 'control', NULL, '耐火構造とすること', NULL, 71, true),
  ('fisc8:設57', 'fisc8:設.1.3', 'control', NULL, '自動火災報知設備を設置すること', NULL, 72, true),
  ('fisc8:設58', 'fisc8:設.1.3', 'control', NULL, 'ガス系消火設備を設置すること', NULL, 73, true),
  ('fisc8:設59', 'fisc8:設.1.3', 'control', NULL, '空調設備の漏水防止措置を講ずること', NULL, 74, true),
  ('fisc8:設60', 'fisc8:設.1.3', 'control', NULL, 'ケーブル、ダクトからの延焼防止措置を講ずること', NULL, 75, true),
  ('fisc8:設.1.4', 'fisc8:設.1', 'section', NULL, '電源設備', NULL, 76, true),
  ('fisc8:設61', 'fisc8:設.1.4', 'control', NULL, '電源設備の容量には余裕を持たせること', NULL, 77, true),
  ('fisc8:設62', 'fisc8:設.1.4', 'control', NULL, '電源は複数回線で引き込むこと', NULL, 78, true),
  ('fisc8:設63', 'fisc8:設.1.4', 'control', NULL, '良質な電力を供給する設備を設置すること', NULL, 79, true),
  ('fisc8:設64', 'fisc8:設.1.4', 'control', NULL, '自家発電設備、蓄電池設備を設置すること', NULL, 80, true),
  ('fisc8:設65', 'fisc8:設.1.4', 'control', NULL, '電源設備には避雷設備を設置すること', NULL, 81, true),
  ('fisc8:設66', 'fisc8:設.1.4', 'control', NULL, '電源設備には耐震措置を講ずること', NULL, 82, true),
  ('fisc8:設67', 'fisc8:設.1.4', 'control', NULL, '分電盤からコンピュータ機器への電源の引込みは専用とすること', NULL, 83, true),
  ('fisc8:設68', 'fisc8:設.1.4', 'control', NULL, '負荷変動の激しい機器との共用を避けること', NULL, 84, true),
  ('fisc8:設69', 'fisc8:設.1.4', 'control', NULL, 'コンピュータシステムのアースは適切に施工すること', NULL, 85, true),
  ('fisc8:設70', 'fisc8:設.1.4', 'control', NULL, '過電流、漏電により各機器に障害を及ぼさないよう措置を講ずること', NULL, 86, true),
  ('fisc8:設71', 'fisc8:設.1.4', 'control', NULL, '防災、防犯設備用の予備電源を設置すること', NULL, 87, true),
  ('fisc8:設.1.5', 'fisc8:設.1', 'section', NULL, '空調設備', NULL, 88, true),
  ('fisc8:設72', 'fisc8:設.1.5', 'control', NULL, '空調設備の能力には余裕を持たせること', NULL, 89, true),
  ('fisc8:設73', 'fisc8:設.1.5', 'control', NULL, '空調設備は安定的に空気調和できる措置を講ずること', NULL, 90, true),
  ('fisc8:設74', 'fisc8:設.1.5', 'control', NULL, '空調設備はコンピュータ室専用とすること', NULL, 91, true),
  ('fisc8:設75', 'fisc8:設.1.5', 'control', NULL, '空調設備の予備を設置すること', NULL, 92, true),
  ('fisc8:設76', 'fisc8:設.1.5', 'control', NULL, '空調設備には自動制御装置、異常警報装置を設置すること', NULL, 93, true),
  ('fisc8:設77', 'fisc8:設.1.5', 'control', NULL, '空調設備には侵入、破壊防止対策を講ずること', NULL, 94, true),
  ('fisc8:設78', 'fisc8:設.1.5', 'control', NULL, '空調設備には耐震措置を講ずること', NULL, 95, true),
  ('fisc8:設79', 'fisc8:設.1.5', 'control', NULL, '空調設備の断熱材料、給排気口は不燃材料とすること', NULL, 96, true),
  ('fisc8:設.1.6', 'fisc8:設.1', 'section', NULL, '監視制御設備', NULL, 97, true),
  ('fisc8:設80', 'fisc8:設.1.6', 'control', NULL, '監視制御設備を設置すること', NULL, 98, true),
  ('fisc8:設81', 'fisc8:設.1.6', 'control', NULL, '中央管理室を設置すること', NULL, 99, true),
  ('fisc8:設.1.7', 'fisc8:設.1', 'section', NULL, '回線関連設備', NULL, 100, true),
  ('fisc8:設82', 'fisc8:設.1.7', 'control', NULL, '回線関連設備には錠をつけること', NULL, 101, true),
  ('fisc8:設83', 'fisc8:設.1.7', 'control', NULL, '回線関連設備の設置場所の表示は付さないこと', NULL, 102, true),
  ('fisc8:設83-1', 'fisc8:設.1.7', 'control', NULL, '回線は、専用の配線スペースに設けること', NULL, 103, true),
  ('fisc8:設.2', 'fisc8:設', 'section', NULL, '設備基準（本部・営業店等）', NULL, 104, true),
  ('fisc8:設.2.1', 'fisc8:設.2', 'section', NULL, '建物', NULL, 105, true),
  ('fisc8:設.2.1.1', 'fisc8:設.2.1', 'section', NULL, '周囲', NULL, 106, true),
  ('fisc8:設84', 'fisc8:設.2.1.1', 'control', NULL, '敷地内の通信回線・電力線の切断・延焼の防止措置を講ずること', NULL, 107, true),
  ('fisc8:設.2.1.2', 'fisc8:設.2.1', 'section', NULL, '構造', NULL, 108, true),
  ('fisc8:設85', 'fisc8:設.2.1.2', 'control', NULL, '耐火建築物であること', NULL, 109, true),
  ('fisc8:設86', 'fisc8:設.2.1.2', 'control', NULL, '構造の安全性を有すること', NULL, 110, true),
  ('fisc8:設87', 'fisc8:設.2.1.2', 'control', NULL, '外壁、屋根等は十分な防水性能を有すること', NULL, 111, true),
  ('fisc8:設88', 'fisc8:設.2.1.2', 'control', NULL, '外壁等の強度を確保すること', NULL, 112, true),
  ('fisc8:設.2.1.3', 'fisc8:設.2.1', 'section', NULL, '開口部', NULL, 113, true),
  ('fisc8:設89', 'fisc8:設.2.1.3', 'control', NULL, '窓には防火措置を講ずること', NULL, 114, true),
  ('fisc8:設90', 'fisc8:設.2.1.3', 'control', NULL, '窓・扉には防犯措置を講ずること', NULL, 115, true),
  ('fisc8:設91', 'fisc8:設.2.1.3', 'control', NULL, '出入口の扉は十分な強度を持たせるとともに、錠を付けること', NULL, 116, true),
  ('fisc8:設92', 'fisc8:設.2.1.3', 'control', NULL, '通用口には、入室者の識別設備を設置すること', NULL, 117, true),
  ('fisc8:設93', 'fisc8:設.2.1.3', 'control', NULL, '出入口には防水措置を講ずること', NULL, 118, true),
  ('fisc8:設.2.1.4', 'fisc8:設.2.1', 'section', NULL, '内装等', NULL, 119, true),
  ('fisc8:設94', 'fisc8:設.2.1.4', 'control', NULL, '天井および壁は、遮熱、吸音機能を持たせること', NULL, 120, true),
  ('fisc8:設95', 'fisc8:設.2.1.4', 'control', NULL, '地震による内装等の落下・損壊の防止措置を講ずること', NULL, 121, true),
  ('fisc8:設96', 'fisc8:設.2.1.4', 'control', NULL, '床表面は、塵埃や静電気が発生しにくい材質のものとする', NULL, 122, true),
  ('fisc8:設97', 'fisc8:設.2.1.4', 'control', NULL, '端末機器への回線等は、切断のおそれのない措置を講ずること', NULL, 123, true),
  ('fisc8:設98', 'fisc8:設.2.1.4', 'control', NULL, '端末機器に接続している回線、電源ケーブル等への漏水防止対策を講ずること', NULL, 124, true),
  ('fisc8:設.2.1.5', 'fisc8:設.2.1', 'section', NULL, '設備', NULL, 125, true),
  ('fisc8:設99', 'fisc8:設.2.1.5', 'control', NULL, '自動火災報知設備および消火器を設置すること', NULL, 126, true),
  ('fisc8:設100', 'fisc8:設.2.1.5', 'control', NULL, '設備等の耐震措置を講ずること', NULL, 127, true),
  ('fisc8:設101', 'fisc8:設.2.1.5', 'control', NULL, '耐火金庫を設置すること', NULL, 128, true),
  ('fisc8:設102', 'fisc8:設.2.1.5', 'control', NULL, '避雷設備を設置すること', NULL, 129, true),
  ('fisc8:設103', 'fisc8:設.2.1.5', 'control', NULL, '防犯措置を講ずること', NULL, 130, true),
  ('fisc8:設.2.2', 'fisc8:設.2', 'section', NULL, '回線関連設備', NULL, 131, true),
  ('fisc8:設104', 'fisc8:設.2.2', 'control', NULL, '回線関連設備の設置場所の表示は付さないこと', NULL, 132, true),
  ('fisc8:設105', 'fisc8:設.2.2', 'control', NULL, '回線関連設備には錠を付けること', NULL, 133, true),
  ('fisc8:設106', 'fisc8:設.2.2', 'control', NULL, '回線関連設備から各端末機器までの配線を二重化すること', NULL, 134, true),
  ('fisc8:設.2.3', 'fisc8:設.2', 'section', NULL, '電源設備', NULL, 135, true),
  ('fisc8:設107', 'fisc8:設.2.3', 'control', NULL, '電源ケーブルは、端末機器等に支障を来さないよう布設すること', NULL, 136, true),
  ('fisc8:設108', 'fisc8:設.2.3', 'control', NULL, '防災、防犯設備用の予備電源を設置すること', NULL, 137, true),
  ('fisc8:設109', 'fisc8:設.2.3', 'control', NULL, '自家発電設備等を設置すること', NULL, 138, true),
  ('fisc8:設.2.4', 'fisc8:設.2', 'section', NULL, '空調設備', NULL, 139, true),
  ('fisc8:設110', 'fisc8:設.2.4', 'control', NULL, '空調設備を設置すること', NULL, 140, true),
  ('fisc8:設.2.5', 'fisc8:設.2', 'section', NULL, '自動機器室', NULL, 141, true),
  ('fisc8:設111', 'fisc8:設.2.5', 'control', NULL, '通話装置を設置すること', NULL, 142, true),
  ('fisc8:設112', 'fisc8:設.2.5', 'control', NULL, '非常通報装置を設置すること', NULL, 143, true),
  ('fisc8:設113', 'fisc8:設.2.5', 'control', NULL, '防犯措置を講ずること', NULL, 144, true),
  ('fisc8:設114', 'fisc8:設.2.5', 'control', NULL, '照明設備および非常用照明設備を設置すること', NULL, 145, true),
  ('fisc8:設115', 'fisc8:設.2.5', 'control', NULL, '扉は、一部を素通しにすること', NULL, 146, true),
  ('fisc8:設116', 'fisc8:設.2.5', 'control', NULL, '自動機器の現金の装填と保守のための必要な空間を確保すること', NULL, 147, true),
  ('fisc8:設117', 'fisc8:設.2.5', 'control', NULL, '自動運行設備を設置すること', NULL, 148, true),
  ('fisc8:設.2.6', 'fisc8:設.2', 'section', NULL, '端末機器', NULL, 149, true),
  ('fisc8:設118', 'fisc8:設.2.6', 'control', NULL, '端末機器には耐震措置を講ずること', NULL, 150, true),
  ('fisc8:設119', 'fisc8:設.2.6', 'control', NULL, '機器のアースを確実に取ること', NULL, 151, true),
  ('fisc8:設120', 'fisc8:設.2.6', 'control', NULL, '漏水および塵埃等に対する保護措置をとること', NULL, 152, true),
  ('fisc8:設.2.7', 'fisc8:設.2', 'section', NULL, 'サーバー設置場所', NULL, 153, true),
  ('fisc8:設.2.7.1', 'fisc8:設.2.7', 'section', NULL, '位置', NULL, 154, true),
  ('fisc8:設121', 'fisc8:設.2.7.1', 'control', NULL, '災害を受けるおそれの少ない位置に設置すること', NULL, 155, true),
  ('fisc8:設122', 'fisc8:設.2.7.1', 'control', NULL, '外部から容易に入れない位置とすること', NULL, 156, true),
  ('fisc8:設123', 'fisc8:設.2.7.1', 'control', NULL, '室名等の表示は付さないこと', NULL, 157, true),
  ('fisc8:設.2.7.2', 'fisc8:設.2.7', 'section', NULL, '構造・内装等', NULL, 158, true),
  ('fisc8:設124', 'fisc8:設.2.7.2', 'control', NULL, '専用の区画とすること', NULL, 159, true),
  ('fisc8:設125', 'fisc8:設.2.7.2', 'control', NULL, '防火区画に設置すること', NULL, 160, true),
  ('fisc8:設126', 'fisc8:設.2.7.2', 'control', NULL, '漏水防止対策を講ずること', NULL, 161, true),
  ('fisc8:設127', 'fisc8:設.2.7.2', 'control', NULL, 'フリーアクセス床は地震に備えて耐震措置を講ずること', NULL, 162, true),
  ('fisc8:設.2.7.3', 'fisc8:設.2.7', 'section', NULL, '設備', NULL, 163, true),
  ('fisc8:設128', 'fisc8:設.2.7.3', 'control', NULL, '消防設備を有すること', NULL, 164, true),
  ('fisc8:設129', 'fisc8:設.2.7.3', 'control', NULL, '地震感知器を設置すること', NULL, 165, true),
  ('fisc8:設130', 'fisc8:設.2.7.3', 'control', NULL, 'サーバーを設置した室の出入口には出入管理設備、防犯設備を設置すること', NULL, 166, true),
  ('fisc8:設131', 'fisc8:設.2.7.3', 'control', NULL, '温湿度自動記録装置または温湿度警報装置を設置すること', NULL, 167, true),
  ('fisc8:設132', 'fisc8:設.2.7.3', 'control', NULL, '空調設備を設置すること', NULL, 168, true),
  ('fisc8:設133', 'fisc8:設.2.7.3', 'control', NULL, 'ネズミの害を防止する措置を講ずること', NULL, 169, true),
  ('fisc8:設.2.8', 'fisc8:設.2', 'section', NULL, 'インストアブランチ', NULL, 170, true),
  ('fisc8:設134', 'fisc8:設.2.8', 'control', NULL, '電源コンセントの抜け防止対策を講ずること', NULL, 171, true),
  ('fisc8:設135', 'fisc8:設.2.8', 'control', NULL, '他の区画からの侵入防止措置を講ずること', NULL, 172, true),
  ('fisc8:設136', 'fisc8:設.2.8', 'control', NULL, '使用するストアの設備状況に応じて、適切な補強策を講ずること', NULL, 173, true),
  ('fisc8:設.3', 'fisc8:設', 'section', NULL, '設備基準（流通・小売店舗との連携チャネル）', NULL, 174, true),
  ('fisc8:設.3.1', 'fisc8:設.3', 'section', NULL, 'コンビニATM', NULL, 175, true),
  ('fisc8:設137', 'fisc8:設.3.1', 'control', NULL, '防犯措置を講ずること', NULL, 176, true),
  ('fisc8:運', NULL, 'section', NULL, '運用基準', NULL, 177, true),
  ('fisc8:運.1', 'fisc8:運', 'section', NULL, '運用基準', NULL, 178, true),
  ('fisc8:運.1.1', 'fisc8:運.1', 'section', NULL, '管理体制の確立', NULL, 179, true),
  ('fisc8:運1', 'fisc8:運.1.1', 'control', NULL, 'セキュリティ管理方法を具体的に定めた文書を整備すること', NULL, 180, true),
  ('fisc8:運2', 'fisc8:運.1.1', 'control', NULL, 'セキュリティ管理方法を具体的に定めた文書の評価と改訂を行うこと', NULL, 181, true),
  ('fisc8:運3', 'fisc8:運.1.1', 'control', NULL, 'セキュリティ管理体制を整備すること', NULL, 182, true),
  ('fisc8:運4', 'fisc8:運.1.1', 'control', NULL, 'システム管理体制を整備すること', NULL, 183, true),
  ('fisc8:運5', 'fisc8:運.1.1', 'control', NULL, 'データ管理体制を整備すること', NULL, 184, true),
  ('fisc8:運6', 'fisc8:運.1.1', 'control', NULL, 'ネットワーク管理体制を整備すること', NULL, 185, true),
  ('fisc8:運.1.2', 'fisc8:運.1', 'section', NULL, '組織の整備', NULL, 186, true),
  ('fisc8:運7', 'fisc8:運.1.2', 'control', NULL, '防災組織を整備すること', NULL, 187, true),
  ('fisc8:運8', 'fisc8:運.1.2', 'control', NULL, '防犯組織を整備すること', NULL, 188, true),
  ('fisc8:運9', 'fisc8:運.1.2', 'control', NULL, '業務規定を整備すること', NULL, 189, true),
  ('fisc8:運.1.3', 'fisc8:運.1', 'section', NULL, '各種規定の整備', NULL, 190, true),
  ('fisc8:運10', 'fisc8:運.1.3', 'control', NULL, '各種規定を整備すること', NULL, 191, true),
  ('fisc8:運.1.4', 'fisc8:運.1', 'section', NULL, 'セキュリティ遵守状況の確認', NULL, 192, true),
  ('fisc8:運10-1', 'fisc8:運.1.4', 'control', NULL, 'セキュリティ遵守状況を確認すること', NULL, 193, true),
  ('fisc8:運.1.5', 'fisc8:運.1', 'section', NULL, '入退管理', NULL, 194, true),
  ('fisc8:運.1.5.1', 'fisc8:運.1.5', 'section', NULL, '入退館(室)管理', NULL, 195, true),
  ('fisc8:運11', 'fisc8:運.1.5.1', 'control', NULL, '資格付与および鍵の管理を行うこと', NULL, 196, true),
  ('fisc8:運12', 'fisc8:運.1.5.1', 'control', NULL, '入退館管理を行うこと', NULL, 197, true),
  ('fisc8:運13', 'fisc8:運.1.5.1', 'control', NULL, '入退室管理を行うこと', NULL, 198, true),
  ('fisc8:運.1.6', 'fisc8:運.1', 'section', NULL, '運用管理', NULL, 199, true),
  ('fisc8:運.1.6.1', 'fisc8:運.1.6', 'section', NULL, 'マニュアルの整備', NULL, 200, true),
  ('fisc8:運14', 'fisc8:運.1.6.1', 'control', NULL, '通常時マニュアルを整備すること', NULL, 201, true),
  ('fisc8:運15', 'fisc8:運.1.6.1', 'control', NULL, '障害時・災害時マニュアルを整備すること', NULL, 202, true),
  ('fisc8:運.1.6.2', 'fisc8:運.1.6', 'section', NULL, 'アクセス権限の管理', NULL, 203, true),
  ('fisc8:運16', 'fisc8:運.1.6.2', 'control', NULL, '各種資源、システムへのアクセス権限を明確にすること', NULL, 204, true),
  ('fisc8:運17', 'fisc8:運.1.6.2', 'control', NULL, 'パスワードが他人に知られないための措置を講じておくこと', NULL, 205, true),
  ('fisc8:運18', 'fisc8:運.1.6.2', 'control', NULL, '各種資源、システムへのアクセス権限の付与、見直し手続きを明確化すること', NULL, 206, true),
  ('fisc8:運19', 'fisc8:運.1.6.2', 'control', NULL, 'オペレータの資格確認を行うこと', NULL, 207, true),
  ('fisc8:運20', 'fisc8:運.1.6.2', 'control', NULL, 'オペレーションの依頼・承認手続きを明確にすること', NULL, 208, true),
  ('fisc8:運21', 'fisc8:運.1.6.2', 'control', NULL, 'オペレーション実行体制を明確にすること', NULL, 209, true),
  ('fisc8:運22', 'fisc8:運.1.6.2', 'control', NULL, 'オペレーションの記録、確認を行うこと', NULL, 210, true),
  ('fisc8:運23', 'fisc8:運.1.6.2', 'control', NULL, 'クライアントサーバー・システムにおける作業の管理を行うこと', NULL, 211, true),
  ('fisc8:運.1.6.3', 'fisc8:運.1.6', 'section', NULL, '入力管理', NULL, 212, true),
  ('fisc8:運24', 'fisc8:運.1.6.3', 'control', NULL, 'データの入力管理を行うこと', NULL, 213, true),
  ('fisc8:運.1.6.4', 'fisc8:運.1.6', 'section', NULL, 'データファイル管理', NULL, 214, true),
  ('fisc8:運25', 'fisc8:運.1.6.4', 'control', NULL, '授受・管理方法を定めること', NULL, 215, true),
  ('fisc8:運26', 'fisc8:運.1.6.4', 'control', NULL, '修正管理方法を明確にすること', NULL, 216, true),
  ('fisc8:運27', 'fisc8:運.1.6.4', 'control', NULL, 'バックアップを確保すること', NULL, 217, true),
  ('fisc8:運.1.6.5', 'fisc8:運.1.6', 'section', NULL, 'プログラムファイル管理', NULL, 218, true),
  ('fisc8:運28', 'fisc8:運.1.6.5', 'control', NULL, '管理方法を明確にすること', NULL, 219, true),
  ('fisc8:運29', 'fisc8:運.1.6.5', 'control', NULL, 'バックアップを確保すること', NULL, 220, true),
  ('fisc8:運.1.6.6', 'fisc8:運.1.6', 'section', NULL, 'コンピュータウイルス対策', NULL, 221, true),
  ('fisc8:運30', 'fisc8:運.1.6.6', 'control', NULL, 'コンピュータウイルス対策を講ずること', NULL, 222, true),
  ('fisc8:運.1.6.7', 'fisc8:運.1.6', 'section', NULL, 'ネットワーク設定情報管理', NULL, 223, true),
  ('fisc8:運31', 'fisc8:運.1.6.7', 'control', NULL, '設定情報の管理を行うこと', NULL, 224, true),
  ('fisc8:運32', 'fisc8:運.1.6.7', 'control', NULL, '設定情報のバックアップを確保すること', NULL, 225, true),
  ('fisc8:運.1.6.8', 'fisc8:運.1.6', 'section', NULL, 'ドキュメント管理', NULL, 226, true),
  ('fisc8:運33', 'fisc8:運.1.6.8', 'control', NULL, '保管管理方法を明確にすること', NULL, 227, true),
  ('fisc8:運34', 'fisc8:運.1.6.8', 'control', NULL, 'バックアップを確保すること', NULL, 228, true),
  ('fisc8:運.1.6.9', 'fisc8:運.1.6', 'section', NULL, '帳票管理', NULL, 229, true),
  ('fisc8:運35', 'fisc8:運.1.6.9', 'control', NULL, '未使用重要帳票の管理方法を明確にすること', NULL, 230, true),
  ('fisc8:運36', 'fisc8:運.1.6.9', 'control', NULL, '重要な印字済帳票の取扱方法を明確にすること', NULL, 231, true),
  ('fisc8:運.1.6.10', 'fisc8:運.1.6', 'section', NULL, '出力管理', NULL, 232, true),
  ('fisc8:運37', 'fisc8:運.1.6.10', 'control', NULL, '出力情報の作成、取扱いについて、不正防止および機密保護対策を講ずること', NULL, 233, true),
  ('fisc8:運.1.6.11', 'fisc8:運.1.6', 'section', NULL, '取引の管理', NULL, 234, true),
  ('fisc8:運38', 'fisc8:運.1.6.11', 'control', NULL, '各取引の操作権限を明確にすること', NULL, 235, true),
  ('fisc8:運39', 'fisc8:運.1.6.11', 'control', NULL, 'オペレータカードの管理を行うこと', NULL, 236, true),
  ('fisc8:運40', 'fisc8:運.1.6.11', 'control', NULL, '取引の操作内容を記録・検証すること', NULL, 237, true),
  ('fisc8:運41', 'fisc8:運.1.6.11', 'control', NULL, '顧客からの届出の受付体制を整備し、事故口座の管理を行うこと', NULL, 238, true),
  ('fisc8:運42', 'fisc8:運.1.6.11', 'control', NULL, '機器および媒体の盗難、破損等に伴い、利用者が被る可能性がある損失および責任を明示すること', NULL, 239, true),
  ('fisc8:運.1.6.12', 'fisc8:運.1.6', 'section', NULL, '暗号鍵の管理', NULL, 240, true),
  ('fisc8:運43', 'fisc8:運.1.6.12', 'control', NULL, '暗号鍵の利用において運用管理方法を明確にすること', NULL, 241, true),
  ('fisc8:運.1.6.13', 'fisc8:運.1.6', 'section', NULL, '厳正な本人確認の実施', NULL, 242, true),
  ('fisc8:運44', 'fisc8:運.1.6.13', 'control', NULL, '本人確認を行うこと', NULL, 243, true),
  ('fisc8:運44-1', 'fisc8:運.1.6.13', 'control', NULL, 'CD・ATM等の機械式預貯金取引における正当な権限者の取引を確保すること', NULL, 244, true),
  ('fisc8:運.1.6.14', 'fisc8:運.1.6', 'section', NULL, 'CD・ATM等および無人店舗の管理', NULL, 245, true),
  ('fisc8:運45', 'fisc8:運.1.6.14', 'control', NULL, '運用管理方法を明確にし、かつ不正払戻防止の措置を講ずること', NULL, 246, true),
  ('fisc8:運46', 'fisc8:運.1.6.14', 'control', NULL, '監視体制を明確にすること', NULL, 247, true),
  ('fisc8:運47', 'fisc8:運.1.6.14', 'control', NULL, '防犯体制を明確にすること', NULL, 248, true),
  ('fisc8:運48', 'fisc8:運.1.6.14', 'control', NULL, '障害時・災害時の対応方法を明確にすること', NULL, 249, true),
  ('fisc8:運49', 'fisc8:運.1.6.14', 'control', NULL, '関係マニュアルの整備を行うこと', NULL, 250, true),
  ('fisc8:運.1.6.15', 'fisc8:運.1.6', 'section', NULL, '渉外端末の管理', NULL, 251, true),
  ('fisc8:運50', 'fisc8:運.1.6.15', 'control', NULL, '運用管理方法を明確にすること', NULL, 252, true),
  ('fisc8:運.1.6.16', 'fisc8:運.1.6', 'section', NULL, 'カード管理', NULL, 253, true),
  ('fisc8:運51', 'fisc8:運.1.6.16', 'control', NULL, 'カードの管理方法を明確にすること', NULL, 254, true),
  ('fisc8:運51-1', 'fisc8:運.1.6.16', 'control', NULL, '顧客に対して犯罪に関する注意喚起を行うこと', NULL, 255, true),
  ('fisc8:運52', 'fisc8:運.1.6.16', 'control', NULL, '指定された口座のカード取引監視方法を明確にすること', NULL, 256, true),
  ('fisc8:運.1.6.17', 'fisc8:運.1.6', 'section', NULL, '顧客データ保護', NULL, 257, true),
  ('fisc8:運53', 'fisc8:運.1.6.17', 'control', NULL, '顧客データの保護策を講ずること', NULL, 258, true),
  ('fisc8:運53-1', 'fisc8:運.1.6.17', 'control', NULL, '生体認証における生体認証情報の安全管理措置を講ずること', NULL, 259, true),
  ('fisc8:運.1.6.18', 'fisc8:運.1.6', 'section', NULL, '資源管理', NULL, 260, true),
  ('fisc8:運54', 'fisc8:運.1.6.18', 'control', NULL, '能力および使用状況の確認を行うこと', NULL, 261, true),
  ('fisc8:運.1.6.19', 'fisc8:運.1.6', 'section', NULL, '外部接続管理', NULL, 262, true),
  ('fisc8:運55', 'fisc8:運.1.6.19', 'control', NULL, '接続契約内容を明確にすること', NULL, 263, true),
  ('fisc8:運56', 'fisc8:運.1.6.19', 'control', NULL, '外部接続における運用管理方法を明確にすること', NULL, 264, true),
  ('fisc8:運.1.6.20', 'fisc8:運.1.6', 'section', NULL, '機器の管理', NULL, 265, true),
  ('fisc8:運57', 'fisc8:運.1.6.20', 'control', NULL, '管理方法を明確にすること', NULL, 266, true),
  ('fisc8:運58', 'fisc8:運.1.6.20', 'control', NULL, 'ネットワーク関連機器の保護措置を講ずること', NULL, 267, true),
  ('fisc8:運59', 'fisc8:運.1.6.20', 'control', NULL, '保守方法を明確にすること', NULL, 268, true),
  ('fisc8:運.1.6.21', 'fisc8:運.1.6', 'section', NULL, '運行監視', NULL, 269, true),
  ('fisc8:運60', 'fisc8:運.1.6.21', 'control', NULL, '監視体制を整備すること', NULL, 270, true),
  ('fisc8:運.1.6.22', 'fisc8:運.1.6', 'section', NULL, 'コンピュータ室・データ保管室の管理', NULL, 271, true),
  ('fisc8:運61', 'fisc8:運.1.6.22', 'control', NULL, '入室後の作業を管理すること', NULL, 272, true),
  ('fisc8:運.1.6.23', 'fisc8:運.1.6', 'section', NULL, '障害時・災害時対応策', NULL, 273, true),
  ('fisc8:運62', 'fisc8:運.1.6.23', 'control', NULL, '関係者への連絡手順を明確にすること', NULL, 274, true),
  ('fisc8:運63', 'fisc8:運.1.6.23', 'control', NULL, '障害時・災害時復旧手順を明確にすること', NULL, 275, true),
  ('fisc8:運64', 'fisc8:運.1.6.23', 'control', NULL, '障害の原因を調査・分析すること', NULL, 276, true),
  ('fisc8:運.1.6.24', 'fisc8:運.1.6', 'section', NULL, 'コンティンジェンシープランの策定', NULL, 277, true),
  ('fisc8:運65', 'fisc8:運.1.6.24', 'control', NULL, 'コンティンジェンシープランを策定すること', NULL, 278, true),
  ('fisc8:運.1.7', 'fisc8:運.1', 'section', NULL, 'システム開発・変更', NULL, 279, true),
  ('fisc8:運.1.7.1', 'fisc8:運.1.7', 'section', NULL, 'ハードウェア・ソフトウェア管理', NULL, 280, true),
  ('fisc8:運66', 'fisc8:運.1.7.1', 'control', NULL, 'ハードウェア、ソフトウェアの管理を行うこと', NULL, 281, true),
  ('fisc8:運.1.7.2', 'fisc8:運.1.7', 'section', NULL, 'システム開発・変更管理', NULL, 282, true),
  ('fisc8:運67', 'fisc8:運.1.7.2', 'control', NULL, '開発・変更手順を明確にすること', NULL, 283, true),
  ('fisc8:運68', 'fisc8:運.1.7.2', 'control', NULL, 'テスト環境を整備すること', NULL, 284, true),
  ('fisc8:運69', 'fisc8:運.1.7.2', 'control', NULL, '本番への移行手順を明確にすること', NULL, 285, true),
  ('fisc8:運.1.7.3', 'fisc8:運.1.7', 'section', NULL, 'ドキュメント管理', NULL, 286, true),
  ('fisc8:運70', 'fisc8:運.1.7.3', 'control', NULL, '作成手順を定めること', NULL, 287, true),
  ('fisc8:運71', 'fisc8:運.1.7.3', 'control', NULL, '保管管理方法を明確にすること', NULL, 288, true),
  ('fisc8:運.1.7.4', 'fisc8:運.1.7', 'section', NULL, 'パッケージの導入', NULL, 289, true),
  ('fisc8:運72', 'fisc8:運.1.7.4', 'control', NULL, '評価体制を整備すること', NULL, 290, true),
  ('fisc8:運73', 'fisc8:運.1.7.4', 'control', NULL, '運用・管理体制を明確にすること', NULL, 291, true),
  ('fisc8:運.1.7.5', 'fisc8:運.1.7', 'section', NULL, 'システムの廃棄', NULL, 292, true),
  ('fisc8:運74', 'fisc8:運.1.7.5', 'control', NULL, '廃棄計画・手順を策定すること', NULL, 293, true),
  ('fisc8:運75', 'fisc8:運.1.7.5', 'control', NULL, '情報漏洩防止対策を講ずること', NULL, 294, true),
  ('fisc8:運.1.8', 'fisc8:運.1', 'section', NULL, '各種設備管理', NULL, 295, true),
  ('fisc8:運.1.8.1', 'fisc8:運.1.8', 'section', NULL, '保守管理', NULL, 296, true),
  ('fisc8:運76', 'fisc8:運.1.8.1', 'control', NULL, '管理方法を明確にすること', NULL, 297, true),
  ('fisc8:運77', 'fisc8:運.1.8.1', 'control', NULL, '保守方法を明確にすること', NULL, 298, true),
  ('fisc8:運.1.8.2', 'fisc8:運.1.8', 'section', NULL, '資源管理', NULL, 299, true),
  ('fisc8:運78', 'fisc8:運.1.8.2', 'control', NULL, '能力および使用状況の確認を行うこと', NULL, 300, true),
  ('fisc8:運.1.8.3', 'fisc8:運.1.8', 'section', NULL, '監視', NULL, 301, true),
  ('fisc8:運79', 'fisc8:運.1.8.3', 'control', NULL, '監視体制を整備すること', NULL, 302, true),
  ('fisc8:運.1.9', 'fisc8:運.1', 'section', NULL, '教育・訓練', NULL, 303, true),
  ('fisc8:運.1.9.1', 'fisc8:運.1.9', 'section', NULL, '教育・訓練', NULL, 304, true),
  ('fisc8:運80', 'fisc8:運.1.9.1', 'control', NULL, 'セキュリティ教育を行うこと', NULL, 305, true),
  ('fisc8:運81', 'fisc8:運.1.9.1', 'control', NULL, '要員に対するスキルアップ教育を行うこと', NULL, 306, true),
  ('fisc8:運82', 'fisc8:運.1.9.1', 'control', NULL, 'オペレーション習熟のための教育および訓練を行うこと', NULL, 307, true),
  ('fisc8:運83', 'fisc8:運.1.9.1', 'control', NULL, '障害時・災害時に備えた教育・訓練を行うこと', NULL, 308, true),
  ('fisc8:運84', 'fisc8:運.1.9.1', 'control', NULL, '防災・防犯訓練を行うこと', NULL, 309, true),
  ('fisc8:運.1.10', 'fisc8:運.1', 'section', NULL, '要員管理', NULL, 310, true),
  ('fisc8:運.1.10.1', 'fisc8:運.1.10', 'section', NULL, '要員管理', NULL, 311, true),
  ('fisc8:運85', 'fisc8:運.1.10.1', 'control', NULL, '要員の人事管理を適切に行うこと', NULL, 312, true),
  ('fisc8:運86', 'fisc8:運.1.10.1', 'control', NULL, '要員の健康管理を行うこと', NULL, 313, true),
  ('fisc8:運.1.11', 'fisc8:運.1', 'section', NULL, '外部委託管理', NULL, 314, true),
  ('fisc8:運.1.11.1', 'fisc8:運.1.11', 'section', NULL, '外部委託に関する計画', NULL, 315, true),
  ('fisc8:運87', 'fisc8:運.1.11.1', 'control', NULL, 'システムの開発や運用等で外部委託を行う場合は、事前に目的や範囲を明確にすること', NULL, 316, true),
  ('fisc8:運87-1', 'fisc8:運.1.11.1', 'control', NULL, '外部委託先の選定手続きを明確にすること', NULL, 317, true),
  ('fisc8:運88', 'fisc8:運.1.11.1', 'control', NULL, '安全対策に関する項目を盛り込んだ委託契約を締結すること', NULL, 318, true),
  ('fisc8:運.1.12', 'fisc8:運.1', 'section', NULL, '外部委託業務管理', NULL, 319, true),
  ('fisc8:運.1.12.1', 'fisc8:運.1.12', 'section', NULL, '外部委託業務管理', NULL, 320, true),
  ('fisc8:運89', 'fisc8:運.1.12.1', 'control', NULL, '外部委託先の要員にルールを遵守させ、その遵守状況を管理、検証すること', NULL, 321, true),
  ('fisc8:運90', 'fisc8:運.1.12.1', 'control', NULL, '外部委託における業務組織の整備と業務の管理、検証を行うこと', NULL, 322, true),
  ('fisc8:運90-1', 'fisc8:運.1.12.1', 'control', NULL, '金融機関相互のシステム・ネットワークのサービス利用にあたっては、適切なリスク管理を行うこと', NULL, 323, true),
  ('fisc8:運.1.13', 'fisc8:運.1', 'section', NULL, 'システム監査', NULL, 324, true),
  ('fisc8:運.1.13.1', 'fisc8:運.1.13', 'section', NULL, 'システム監査', NULL, 325, true),
  ('fisc8:運91', 'fisc8:運.1.13.1', 'control', NULL, 'システム監査体制を整備すること', NULL, 326, true),
  ('fisc8:運.1.14', 'fisc8:運.1', 'section', NULL, 'インストアブランチ', NULL, 327, true),
  ('fisc8:運92', 'fisc8:運.1.14', 'control', NULL, '出店先の選定基準を明確にすること', NULL, 328, true),
  ('fisc8:運.1.15', 'fisc8:運.1', 'section', NULL, 'コンビニATM', NULL, 329, true),
  ('fisc8:運93', 'fisc8:運.1.15', 'control', NULL, '出店先の選定基準を明確にすること', NULL, 330, true),
  ('fisc8:運94', 'fisc8:運.1.15', 'control', NULL, '現金装填等メンテナンス時の防犯対策を講じること', NULL, 331, true),
  ('fisc8:運95', 'fisc8:運.1.15', 'control', NULL, '障害時・災害時対応手順を明確にすること', NULL, 332, true),
  ('fisc8:運96', 'fisc8:運.1.15', 'control', NULL, 'ネットワーク関連機器、伝送データの安全対策を講ずること', NULL, 333, true),
  ('fisc8:運97', 'fisc8:運.1.15', 'control', NULL, '所轄の警察および警備会社等関係者との連絡体制を確立すること', NULL, 334, true),
  ('fisc8:運98', 'fisc8:運.1.15', 'control', NULL, '顧客に対して犯罪に関する注意喚起を行うこと', NULL, 335, true),
  ('fisc8:運.1.16', 'fisc8:運.1', 'section', NULL, 'デビットカード', NULL, 336, true),
  ('fisc8:運.1.16.1', 'fisc8:運.1.16', 'section', NULL, 'デビットカード・サービスの安全性確保', NULL, 337, true),
  ('fisc8:運99', 'fisc8:運.1.16.1', 'control', NULL, 'デビットカード・サービスにおける安全対策を講ずること', NULL, 338, true),
  ('fisc8:運100', 'fisc8:運.1.16.1', 'control', NULL, '口座番号、暗証番号等の安全性を確保すること', NULL, 339, true),
  ('fisc8:運.1.16.2', 'fisc8:運.1.16', 'section', NULL, '顧客保護', NULL, 340, true),
  ('fisc8:運101', 'fisc8:運.1.16.2', 'control', NULL, 'デビットカード利用時の顧客保護の措置を講ずること', NULL, 341, true),
  ('fisc8:運.1.16.3', 'fisc8:運.1.16', 'section', NULL, '顧客への注意喚起', NULL, 342, true),
  ('fisc8:運102', 'fisc8:運.1.16.3', 'control', NULL, 'デビットカード利用上の留意事項を顧客に注意喚起すること', NULL, 343, true),
  ('fisc8:運.1.17', 'fisc8:運.1', 'section', NULL, 'オープンネットワークを利用した金融サービス', NULL, 344, true),
  ('fisc8:運.1.17.1', 'fisc8:運.1.17', 'section', NULL, 'インターネット、モバイル', NULL, 345, true),
  ('fisc8:運103', 'fisc8:運.1.17.1', 'control', NULL, '不正使用を防止すること', NULL, 346, true),
  ('fisc8:運104', 'fisc8:運.1.17.1', 'control', NULL, '不正使用を早期発見すること', NULL, 347, true),
  ('fisc8:運105', 'fisc8:運.1.17.1', 'control', NULL, '安全対策に関する情報開示をすること', NULL, 348, true),
  ('fisc8:運105-1', 'fisc8:運.1.17.1', 'control', NULL, '顧客対応方法を明確にすること', NULL, 349, true),
  ('fisc8:運106', 'fisc8:運.1.17.1', 'control', NULL, 'インターネットやモバイル等を用いた金融サービスの運用管理方法を明確化すること', NULL, 350, true),
  ('fisc8:運.1.17.2', 'fisc8:運.1.17', 'section', NULL, '電子メール', NULL, 351, true),
  ('fisc8:運107', 'fisc8:運.1.17.2', 'control', NULL, '電子メールの運用方針を明確にすること', NULL, 352, true),
  ('fisc8:運.1.18', 'fisc8:運.1', 'section', NULL, 'クラウドサービスの利用', NULL, 353, true),
  ('fisc8:運108', 'fisc8:運.1.18', 'control', NULL, 'クラウドサービスの利用を行う場合は、事前に利用目的や範囲等を明確にするとともに、事業者選定の手続きを明確にすること', NULL, 354, true),
  ('fisc8:運109', 'fisc8:運.1.18', 'control', NULL, 'クラウド事業者と安全対策に関する項目を盛り込んだ契約を締結すること', NULL, 355, true),
  ('fisc8:運110', 'fisc8:運.1.18', 'control', NULL, 'クラウドサービス利用にあたって、データ漏洩防止策を講ずること', NULL, 356, true),
  ('fisc8:運111', 'fisc8:運.1.18', 'control', NULL, 'クラウド契約終了時のデータ漏洩防止策を講ずること', NULL, 357, true),
  ('fisc8:運112', 'fisc8:運.1.18', 'control', NULL, 'クラウド事業者に対する立入監査・モニタリング態勢を整備すること', NULL, 358, true),
  ('fisc8:運.1.19', 'fisc8:運.1', 'section', NULL, 'サイバー攻撃対応態勢の整備', NULL, 359, true),
  ('fisc8:運113', 'fisc8:運.1.19', 'control', NULL, 'サイバー攻撃対応態勢を整備すること', NULL, 360, true),
  ('fisc8:技', NULL, 'section', NULL, '技術基準', NULL, 361, true),
  ('fisc8:技.1', 'fisc8:技', 'section', NULL, '技術基準（システム信頼性向上対策）', NULL, 362, true),
  ('fisc8:技.1.1', 'fisc8:技.1', 'section', NULL, 'ハードウェアの信頼性向上対策', NULL, 363, true),
  ('fisc8:技.1.1.1', 'fisc8:技.1.1', 'section', NULL, 'ハードウェアの障害予防策', NULL, 364, true),
  ('fisc8:技1', 'fisc8:技.1.1.1', 'control', NULL, '予防保守を実施すること', NULL, 365, true),
  ('fisc8:技.1.1.2', 'fisc8:技.1.1', 'section', NULL, 'ハードウェアの予備', NULL, 366, true),
  ('fisc8:技2', 'fisc8:技.1.1.2', 'control', NULL, '本体装置の予備を設けること', NULL, 367, true),
  ('fisc8:技3', 'fisc8:技.1.1.2', 'control', NULL, '周辺装置の予備を設けること', NULL, 368, true),
  ('fisc8:技4', 'fisc8:技.1.1.2', 'control', NULL, '通信系装置の予備を設けること', NULL, 369, true),
  ('fisc8:技5', 'fisc8:技.1.1.2', 'control', NULL, '回線の予備を設けること', NULL, 370, true),
  ('fisc8:技6', 'fisc8:技.1.1.2', 'control', NULL, '端末系装置の予備を設けること', NULL, 371, true),
  ('fisc8:技.1.2', 'fisc8:技.1', 'section', NULL, 'ソフトウェアの信頼性向上対策', NULL, 372, true),
  ('fisc8:技.1.2.1', 'fisc8:技.1.2', 'section', NULL, '開発時の品質向上対策', NULL, 373, true),
  ('fisc8:技7', 'fisc8:技.1.2.1', 'control', NULL, 'システム開発計画は中長期計画との整合性を確認するとともに、承認を得ること', NULL, 374, true),
  ('fisc8:技8', 'fisc8:技.1.2.1', 'control', NULL, '必要となるセキュリティ機能を取り込むこと', NULL, 375, true),
  ('fisc8:技9', 'fisc8:技.1.2.1', 'control', NULL, '設計段階でのソフトウェアの品質を確保すること', NULL, 376, true),
  ('fisc8:技10', 'fisc8:技.1.2.1', 'control', NULL, 'プログラム作成段階での品質を確保すること', NULL, 377, true),
  ('fisc8:技11', 'fisc8:技.1.2.1', 'control', NULL, 'テスト段階でのソフトウェアの品質を確保すること', NULL, 378, true),
  ('fisc8:技12', 'fisc8:技.1.2.1', 'control', NULL, 'プログラムの配布を考慮したソフトウェアの信頼性を確保すること', NULL, 379, true),
  ('fisc8:技13', 'fisc8:技.1.2.1', 'control', NULL, 'パッケージ導入にあたり、ソフトウェアの品質を確保すること', NULL, 380, true),
  ('fisc8:技.1.2.2', 'fisc8:技.1.2', 'section', NULL, 'メンテナンス時の品質向上対策', NULL, 381, true),
  ('fisc8:技14', 'fisc8:技.1.2.2', 'control', NULL, '定型的変更作業時の正確性を確保すること', NULL, 382, true),
  ('fisc8:技15', 'fisc8:技.1.2.2', 'control', NULL, '機能の変更、追加作業時の品質を確保すること', NULL, 383, true),
  ('fisc8:技.1.3', 'fisc8:技.1', 'section', NULL, '運用時の信頼性向上対策', NULL, 384, true),
  ('fisc8:技.1.3.1', 'fisc8:技.1.3', 'section', NULL, '運用時の信頼性向上対策', NULL, 385, true),
  ('fisc8:技16', 'fisc8:技.1.3.1', 'control', NULL, 'オペレーションの自動化、簡略化を図ること', NULL, 386, true),
  ('fisc8:技17', 'fisc8:技.1.3.1', 'control', NULL, 'オペレーションのチェック機能を充実すること', NULL, 387, true),
  ('fisc8:技18', 'fisc8:技.1.3.1', 'control', NULL, '負荷状態の監視制御機能を充実すること', NULL, 388, true),
  ('fisc8:技19', 'fisc8:技.1.3.1', 'control', NULL, 'CD・ATM等の遠隔制御機能を設けること', NULL, 389, true),
  ('fisc8:技.1.4', 'fisc8:技.1', 'section', NULL, '障害の早期発見・早期回復', NULL, 390, true),
  ('fisc8:技.1.4.1', 'fisc8:技.1.4', 'section', NULL, '障害の早期発見', NULL, 391, true),
  ('fisc8:技20', 'fisc8:技.1.4.1', 'control', NULL, 'システム運用状況の監視機能を設けること', NULL, 392, true),
  ('fisc8:技21', 'fisc8:技.1.4.1', 'control', NULL, '障害の検出および障害箇所の切り分け機能を設けること', NULL, 393, true),
  ('fisc8:技.1.4.2', 'fisc8:技.1.4', 'section', NULL, '障害の早期回復', NULL, 394, true),
  ('fisc8:技22', 'fisc8:技.1.4.2', 'control', NULL, '障害時の縮退・再構成機能を設けること', NULL, 395, true),
  ('fisc8:技23', 'fisc8:技.1.4.2', 'control', NULL, '取引制限機能を設けること', NULL, 396, true),
  ('fisc8:技24', 'fisc8:技.1.4.2', 'control', NULL, 'リカバリ機能を設けること', NULL, 397, true),
  ('fisc8:技.1.5', 'fisc8:技.1', 'section', NULL, '災害時対策', NULL, 398, true),
  ('fisc8:技.1.5.1', 'fisc8:技.1.5', 'section', NULL, 'バックアップサイト', NULL, 399, true),
  ('fisc8:技25', 'fisc8:技.1.5.1', 'control', NULL, 'バックアップサイトを保有すること', NULL, 400, true),
  ('fisc8:技.2', 'fisc8:技', 'section', NULL, '技術基準（安全性侵害対策）', NULL, 401, true),
  ('fisc8:技.2.1', 'fisc8:技.2', 'section', NULL, 'データ保護', NULL, 402, true),
  ('fisc8:技.2.1.1', 'fisc8:技.2.1', 'section', NULL, '漏洩防止', NULL, 403, true),
  ('fisc8:技26', 'fisc8:技.2.1.1', 'control', NULL, '暗証番号・パスワード等は他人に知られないための対策を講ずること', NULL, 404, true),
  ('fisc8:技27', 'fisc8:技.2.1.1', 'control', NULL, '相手端末確認機能を設けること', NULL, 405, true),
  ('fisc8:技28', 'fisc8:技.2.1.1', 'control', NULL, '蓄積データの漏洩防止策を講ずること', NULL, 406, true),
  ('fisc8:技29', 'fisc8:技.2.1.1', 'control', NULL, '伝送データの漏洩防止策を講ずること', NULL, 407, true),
  ('fisc8:技.2.1.2', 'fisc8:技.2.1', 'section', NULL, '破壊・改ざん防止', NULL, 408, true),
  ('fisc8:技30', 'fisc8:技.2.1.2', 'control', NULL, 'ファイルに対する排他制御機能を設けること', NULL, 409, true),
  ('fisc8:技31', 'fisc8:技.2.1.2', 'control', NULL, 'ファイルに対するアクセス制御機能を設けること', NULL, 410, true),
  ('fisc8:技32', 'fisc8:技.2.1.2', 'control', NULL, '不良データ検出機能を充実すること', NULL, 411, true),
  ('fisc8:技.2.1.3', 'fisc8:技.2.1', 'section', NULL, '検知策', NULL, 412, true),
  ('fisc8:技33', 'fisc8:技.2.1.3', 'control', NULL, '伝送データの改ざん検知策を講ずること', NULL, 413, true),
  ('fisc8:技34', 'fisc8:技.2.1.3', 'control', NULL, 'ファイル突合機能を設けること', NULL, 414, true),
  ('fisc8:技.2.2', 'fisc8:技.2', 'section', NULL, '不正使用防止', NULL, 415, true),
  ('fisc8:技.2.2.1', 'fisc8:技.2.2', 'section', NULL, '予防策（アクセス権限確認）', NULL, 416, true),
  ('fisc8:技35', 'fisc8:技.2.2.1', 'control', NULL, '本人確認機能を設けること', NULL, 417, true),
  ('fisc8:技35-1', 'fisc8:技.2.2.1', 'control', NULL, '生体認証の特性を考慮し、必要な安全対策を検討すること', NULL, 418, true),
  ('fisc8:技36', 'fisc8:技.2.2.1', 'control', NULL, 'IDの不正使用防止機能を設けること', NULL, 419, true),
  ('fisc8:技37', 'fisc8:技.2.2.1', 'control', NULL, 'アクセス履歴を管理すること', NULL, 420, true),
  ('fisc8:技.2.2.2', 'fisc8:技.2.2', 'section', NULL, '予防策（利用範囲の制限）', NULL, 421, true),
  ('fisc8:技38', 'fisc8:技.2.2.2', 'control', NULL, '取引制限機能を設けること', NULL, 422, true),
  ('fisc8:技39', 'fisc8:技.2.2.2', 'control', NULL, '事故時の取引禁止機能を設けること', NULL, 423, true),
  ('fisc8:技.2.2.3', 'fisc8:技.2.2', 'section', NULL, '予防策（不正・偽造防止対策）', NULL, 424, true),
  ('fisc8:技40', 'fisc8:技.2.2.3', 'control', NULL, 'カードの偽造防止対策のための技術的措置を講ずること', NULL, 425, true),
  ('fisc8:技41', 'fisc8:技.2.2.3', 'control', NULL, '電子的価値の保護機能、または不正検知の仕組みを設けること', NULL, 426, true),
  ('fisc8:技42', 'fisc8:技.2.2.3', 'control', NULL, '電子化された暗号鍵を蓄積する機器、媒体、またはそこに含まれるソフトウェアには、暗号鍵の保護機能を設けること', NULL, 427, true),
  ('fisc8:技42-1', 'fisc8:技.2.2.3', 'control', NULL, '電子メール送受信、ホームページ閲覧等の不正使用防止機能を設けること', NULL, 428, true),
  ('fisc8:技.2.2.4', 'fisc8:技.2.2', 'section', NULL, '外部ネットワークからのアクセス制限', NULL, 429, true),
  ('fisc8:技43', 'fisc8:技.2.2.4', 'control', NULL, '外部ネットワークからの不正侵入防止機能を設けること', NULL, 430, true),
  ('fisc8:技44', 'fisc8:技.2.2.4', 'control', NULL, '外部ネットワークからアクセス可能な接続機器は必要最小限にすること', NULL, 431, true),
  ('fisc8:技.2.2.5', 'fisc8:技.2.2', 'section', NULL, '検知策', NULL, 432, true),
  ('fisc8:技45', 'fisc8:技.2.2.5', 'control', NULL, '不正アクセスの監視機能を設けること', NULL, 433, true),
  ('fisc8:技46', 'fisc8:技.2.2.5', 'control', NULL, '異常な取引状況を把握するための機能を設けること', NULL, 434, true),
  ('fisc8:技47', 'fisc8:技.2.2.5', 'control', NULL, '異例取引の監視機能を設けること', NULL, 435, true),
  ('fisc8:技.2.2.6', 'fisc8:技.2.2', 'section', NULL, '対応策', NULL, 436, true),
  ('fisc8:技48', 'fisc8:技.2.2.6', 'control', NULL, '不正アクセスの発生に備えて対応策、復旧策を講じておくこと', NULL, 437, true),
  ('fisc8:技.2.3', 'fisc8:技.2', 'section', NULL, '不正プログラム防止', NULL, 438, true),
  ('fisc8:技.2.3.1', 'fisc8:技.2.3', 'section', NULL, '防御策', NULL, 439, true),
  ('fisc8:技49', 'fisc8:技.2.3.1', 'control', NULL, 'コンピュータウイルス等不正プログラムへの防御対策を講ずること', NULL, 440, true),
  ('fisc8:技.2.3.2', 'fisc8:技.2.3', 'section', NULL, '検知策', NULL, 441, true),
  ('fisc8:技50', 'fisc8:技.2.3.2', 'control', NULL, 'コンピュータウイルス等不正プログラムの検知対策を講ずること', NULL, 442, true),
  ('fisc8:技.2.3.3', 'fisc8:技.2.3', 'section', NULL, '復旧策', NULL, 443, true),
  ('fisc8:技51', 'fisc8:技.2.3.3', 'control', NULL, 'コンピュータウイルス等不正プログラムによる被害時対策を講ずること', NULL, 444, true);

INSERT INTO kansa.control (id, parent, kind, level, title, body, position, builtin) VALUES
  ('fisc10:統', NULL, 'section', NULL, '統制基準', NULL, 1, true),
  ('fisc10:統1', 'fisc10:統', 'control', NULL, NULL, NULL, 2, true),
  ('fisc10:統2', 'fisc10:統', 'control', NULL, NULL, NULL, 3, true),
  ('fisc10:統3', 'fisc10:統', 'control', NULL, NULL, NULL, 4, true),
  ('fisc10:統4', 'fisc10:統', 'control', NULL, NULL, NULL, 5, true),
  ('fisc10:統5', 'fisc10:統', 'control', NULL, NULL, NULL, 6, true),
  ('fisc10:統6', 'fisc10:統', 'control', NULL, NULL, NULL, 7, true),
  ('fisc10:統7', 'fisc10:統', 'control', NULL, NULL, NULL, 8, true),
  ('fisc10:統8', 'fisc10:統', 'control', NULL, NULL, NULL, 9, true),
  ('fisc10:統9', 'fisc10:統', 'control', NULL, NULL, NULL, 10, true),
  ('fisc10:統10', 'fisc10:統', 'control', NULL, NULL, NULL, 11, true),
  ('fisc10:統11', 'fisc10:統', 'control', NULL, NULL, NULL, 12, true),
  ('fisc10:統12', 'fisc10:統', 'control', NULL, NULL, NULL, 13, true),
  ('fisc10:統13', 'fisc10:統', 'control', NULL, NULL, NULL, 14, true),
  ('fisc10:統14', 'fisc10:統', 'control', NULL, NULL, NULL, 15, true),
  ('fisc10:統15', 'fisc10:統', 'control', NULL, NULL, NULL, 16, true),
  ('fisc10:統16', 'fisc10:統', 'control', NULL, NULL, NULL, 17, true),
  ('fisc10:統17', 'fisc10:統', 'control', NULL, NULL, NULL, 18, true),
  ('fisc10:統18', 'fisc10:統', 'control', NULL, NULL, NULL, 19, true),
  ('fisc10:統19', 'fisc10:統', 'control', NULL, NULL, NULL, 20, true),
  ('fisc10:統20', 'fisc10:統', 'control', NULL, NULL, NULL, 21, true),
  ('fisc10:統21', 'fisc10:統', 'control', NULL, NULL, NULL, 22, true),
  ('fisc10:統22', 'fisc10:統', 'control', NULL, NULL, NULL, 23, true),
  ('fisc10:統23', 'fisc10:統', 'control', NULL, NULL, NULL, 24, true),
  ('fisc10:統24', 'fisc10:統', 'control', NULL, NULL, NULL, 25, true),
  ('fisc10:統25', 'fisc10:統', 'control', NULL, NULL, NULL, 26, true),
  ('fisc10:統26', 'fisc10:統', 'control', NULL, NULL, NULL, 27, true),
  ('fisc10:統27', 'fisc10:統', 'control', NULL, NULL, NULL, 28, true),
  ('fisc10:実', NULL, 'section', NULL, '実務基準', NULL, 29, true),
  ('fisc10:実1', 'fisc10:実', 'control', NULL, NULL, NULL, 30, true),
  ('fisc10:実2', 'fisc10:実', 'control', NULL, NULL, NULL, 31, true),
  ('fisc10:実3', 'fisc10:実', 'control', NULL, NULL, NULL, 32, true),
  ('fisc10:実4', 'fisc10:実', 'control', NULL, NULL, NULL, 33, true),
  ('fisc10:実5', 'fisc10:実', 'control', NULL, NULL, NULL, 34, true),
  ('fisc10:実6', 'fisc10:実', 'control', NULL, NULL, NULL, 35, true),
  ('fisc10:実7', 'fisc10:実', 'control', NULL, NULL, NULL, 36, true),
  ('fisc10:実8', 'fisc10:実', 'control', NULL, NULL, NULL, 37, true),
  ('fisc10:実9', 'fisc10:実', 'control', NULL, NULL, NULL, 38, true),
  ('fisc10:実10', 'fisc10:実', 'control', NULL, NULL, NULL, 39, true),
  ('fisc10:実11', 'fisc10:実', 'control', NULL, NULL, NULL, 40, true),
  ('fisc10:実12', 'fisc10:実', 'control', NULL, NULL, NULL, 41, true),
  ('fisc10:実13', 'fisc10:実', 'control', NULL, NULL, NULL, 42, true),
  ('fisc10:実14', 'fisc10:実', 'control', NULL, NULL, NULL, 43, true),
  ('fisc10:実15', 'fisc10:実', 'control', NULL, NULL, NULL, 44, true),
  ('fisc10:実16', 'fisc10:実', 'control', NULL, NULL, NULL, 45, true),
  ('fisc10:実17', 'fisc10:実', 'control', NULL, NULL, NULL, 46, true),
  ('fisc10:実18', 'fisc10:実', 'control', NULL, NULL, NULL, 47, true),
  ('fisc10:実19', 'fisc10:実', 'control', NULL, NULL, NULL, 48, true),
  ('fisc10:実20', 'fisc10:実', 'control', NULL, NULL, NULL, 49, true),
  ('fisc10:実21', 'fisc10:実', 'control', NULL, NULL, NULL, 50, true),
  ('fisc10:実22', 'fisc10:実', 'control', NULL, NULL, NULL, 51, true),
  ('fisc10:実23', 'fisc10:実', 'control', NULL, NULL, NULL, 52, true),
  ('fisc10:実24', 'fisc10:実', 'control', NULL, NULL, NULL, 53, true),
  ('fisc10:実25', 'fisc10:実', 'control', NULL, NULL, NULL, 54, true),
  ('fisc10:実26', 'fisc10:実', 'control', NULL, NULL, NULL, 55, true),
  ('fisc10:実27', 'fisc10:実', 'control', NULL, NULL, NULL, 56, true),
  ('fisc10:実28', 'fisc10:実', 'control', NULL, NULL, NULL, 57, true),
  ('fisc10:実29', 'fisc10:実', 'control', NULL, NULL, NULL, 58, true),
  ('fisc10:実30', 'fisc10:実', 'control', NULL, NULL, NULL, 59, true),
  ('fisc10:実31', 'fisc10:実', 'control', NULL, NULL, NULL, 60, true),
  ('fisc10:実32', 'fisc10:実', 'control', NULL, NULL, NULL, 61, true),
  ('fisc10:実33', 'fisc10:実', 'control', NULL, NULL, NULL, 62, true),
  ('fisc10:実34', 'fisc10:実', 'control', NULL, NULL, NULL, 63, true),
  ('fisc10:実35', 'fisc10:実', 'control', NULL, NULL, NULL, 64, true),
  ('fisc10:実36', 'fisc10:実', 'control', NULL, NULL, NULL, 65, true),
  ('fisc10:実37', 'fisc10:実', 'control', NULL, NULL, NULL, 66, true),
  ('fisc10:実38', 'fisc10:実', 'control', NULL, NULL, NULL, 67, true),
  ('fisc10:実39', 'fisc10:実', 'control', NULL, NULL, NULL, 68, true),
  ('fisc10:実40', 'fisc10:実', 'control', NULL, NULL, NULL, 69, true),
  ('fisc10:実41', 'fisc10:実', 'control', NULL, NULL, NULL, 70, true),
  ('fisc10:実42', 'fisc10:実', 'control', NULL, NULL, NULL, 71, true),
  ('fisc10:実43', 'fisc10:実', 'control', NULL, NULL, NULL, 72, true),
  ('fisc10:実44', 'fisc10:実', 'control', NULL, NULL, NULL, 73, true),
  ('fisc10:実45', 'fisc10:実', 'control', NULL, NULL, NULL, 74, true),
  ('fisc10:実46', 'fisc10:実', 'control', NULL, NULL, NULL, 75, true),
  ('fisc10:実47', 'fisc10:実', 'control', NULL, NULL, NULL, 76, true),
  ('fisc10:実48', 'fisc10:実', 'control', NULL, NULL, NULL, 77, true),
  ('fisc10:実49', 'fisc10:実', 'control', NULL, NULL, NULL, 78, true),
  ('fisc10:実50', 'fisc10:実', 'control', NULL, NULL, NULL, 79, true),
  ('fisc10:実51', 'fisc10:実', 'control', NULL, NULL, NULL, 80, true),
  ('fisc10:実52', 'fisc10:実', 'control', NULL, NULL, NULL, 81, true),
  ('fisc10:実53', 'fisc10:実', 'control', NULL, NULL, NULL, 82, true),
  ('fisc10:実54', 'fisc10:実', 'control', NULL, NULL, NULL, 83, true),
  ('fisc10:実55', 'fisc10:実', 'control', NULL, NULL, NULL, 84, true),
  ('fisc10:実56', 'fisc10:実', 'control', NULL, NULL, NULL, 85, true),
  ('fisc10:実57', 'fisc10:実', 'control', NULL, NULL, NULL, 86, true),
  ('fisc10:実58', 'fisc10:実', 'control', NULL, NULL, NULL, 87, true),
  ('fisc10:実59', 'fisc10:実', 'control', NULL, NULL, NULL, 88, true),
  ('fisc10:実60', 'fisc10:実', 'control', NULL, NULL, NULL, 89, true),
  ('fisc10:実61', 'fisc10:実', 'control', NULL, NULL, NULL, 90, true),
  ('fisc10:実62', 'fisc10:実', 'control', NULL, NULL, NULL, 91, true),
  ('fisc10:実63', 'fisc10:実', 'control', NULL, NULL, NULL, 92, true),
  ('fisc10:実64', 'fisc10:実', 'control', NULL, NULL, NULL, 93, true),
  ('fisc10:実65', 'fisc10:実', 'control', NULL, NULL, NULL, 94, true),
  ('fisc10:実66', 'fisc10:実', 'control', NULL, NULL, NULL, 95, true),
  ('fisc10:実67', 'fisc10:実', 'control', NULL, NULL, NULL, 96, true),
  ('fisc10:実68', 'fisc10:実', 'control', NULL, NULL, NULL, 97, true),
  ('fisc10:実69', 'fisc10:実', 'control', NULL, NULL, NULL, 98, true),
  ('fisc10:実70', 'fisc10:実', 'control', NULL, NULL, NULL, 99, true),
  ('fisc10:実71', 'fisc10:実', 'control', NULL, NULL, NULL, 100, true),
  ('fisc10:実72', 'fisc10:実', 'control', NULL, NULL, NULL, 101, true),
  ('fisc10:実73', 'fisc10:実', 'control', NULL, NULL, NULL, 102, true),
  ('fisc10:実74', 'fisc10:実', 'control', NULL, NULL, NULL, 103, true),
  ('fisc10:実75', 'fisc10:実', 'control', NULL, NULL, NULL, 104, true),
  ('fisc10:実76', 'fisc10:実', 'control', NULL, NULL, NULL, 105, true),
  ('fisc10:実77', 'fisc10:実', 'control', NULL, NULL, NULL, 106, true),
  ('fisc10:実78', 'fisc10:実', 'control', NULL, NULL, NULL, 107, true),
  ('fisc10:実79', 'fisc10:実', 'control', NULL, NULL, NULL, 108, true),
  ('fisc10:実80', 'fisc10:実', 'control', NULL, NULL, NULL, 109, true),
  ('fisc10:実81', 'fisc10:実', 'control', NULL, NULL, NULL, 110, true),
  ('fisc10:実82', 'fisc10:実', 'control', NULL, NULL, NULL, 111, true),
  ('fisc10:実83', 'fisc10:実', 'control', NULL, NULL, NULL, 112, true),
  ('fisc10:実84', 'fisc10:実', 'control', NULL, NULL, NULL, 113, true),
  ('fisc10:実85', 'fisc10:実', 'control', NULL, NULL, NULL, 114, true),
  ('fisc10:実86', 'fisc10:実', 'control', NULL, NULL, NULL, 115, true),
  ('fisc10:実87', 'fisc10:実', 'control', NULL, NULL, NULL, 116, true),
  ('fisc10:実88', 'fisc10:実', 'control', NULL, NULL, NULL, 117, true),
  ('fisc10:実89', 'fisc10:実', 'control', NULL, NULL, NULL, 118, true),
  ('fisc10:実90', 'fisc10:実', 'control', NULL, NULL, NULL, 119, true),
  ('fisc10:実91', 'fisc10:実', 'control', NULL, NULL, NULL, 120, true),
  ('fisc10:実92', 'fisc10:実', 'control', NULL, NULL, NULL, 121, true),
  ('fisc10:実93', 'fisc10:実', 'control', NULL, NULL, NULL, 122, true),
  ('fisc10:実94', 'fisc10:実', 'control', NULL, NULL, NULL, 123, true),
  ('fisc10:実95', 'fisc10:実', 'control', NULL, NULL, NULL, 124, true),
  ('fisc10:実96', 'fisc10:実', 'control', NULL, NULL, NULL, 125, true),
  ('fisc10:実97', 'fisc10:実', 'control', NULL, NULL, NULL, 126, true),
  ('fisc10:実98', 'fisc10:実', 'control', NULL, NULL, NULL, 127, true),
  ('fisc10:実99', 'fisc10:実', 'control', NULL, NULL, NULL, 128, true),
  ('fisc10:実100', 'fisc10:実', 'control', NULL, NULL, NULL, 129, true),
  ('fisc10:実101', 'fisc10:実', 'control', NULL, NULL, NULL, 130, true),
  ('fisc10:実102', 'fisc10:実', 'control', NULL, NULL, NULL, 131, true),
  ('fisc10:実103', 'fisc10:実', 'control', NULL, NULL, NULL, 132, true),
  ('fisc10:実103-1', 'fisc10:実', 'control', NULL, NULL, NULL, 133, true),
  ('fisc10:実104', 'fisc10:実', 'control', NULL, NULL, NULL, 134, true),
  ('fisc10:実105', 'fisc10:実', 'control', NULL, NULL, NULL, 135, true),
  ('fisc10:実106', 'fisc10:実', 'control', NULL, NULL, NULL, 136, true),
  ('fisc10:実107', 'fisc10:実', 'control', NULL, NULL, NULL, 137, true),
  ('fisc10:実108', 'fisc10:実', 'control', NULL, NULL, NULL, 138, true),
  ('fisc10:実109', 'fisc10:実', 'control', NULL, NULL, NULL, 139, true),
  ('fisc10:実110', 'fisc10:実', 'control', NULL, NULL, NULL, 140, true),
  ('fisc10:実111', 'fisc10:実', 'control', NULL, NULL, NULL, 141, true),
  ('fisc10:実112', 'fisc10:実', 'control', NULL, NULL, NULL, 142, true),
  ('fisc10:実113', 'fisc10:実', 'control', NULL, NULL, NULL, 143, true),
  ('fisc10:実114', 'fisc10:実', 'control', NULL, NULL, NULL, 144, true),
  ('fisc10:実115', 'fisc10:実', 'control', NULL, NULL, NULL, 145, true),
  ('fisc10:実116', 'fisc10:実', 'control', NULL, NULL, NULL, 146, true),
  ('fisc10:実117', 'fisc10:実', 'control', NULL, NULL, NULL, 147, true),
  ('fisc10:実118', 'fisc10:実', 'control', NULL, NULL, NULL, 148, true),
  ('fisc10:実119', 'fisc10:実', 'control', NULL, NULL, NULL, 149, true),
  ('fisc10:実120', 'fisc10:実', 'control', NULL, NULL, NULL, 150, true),
  ('fisc10:実121', 'fisc10:実', 'control', NULL, NULL, NULL, 151, true),
  ('fisc10:実122', 'fisc10:実', 'control', NULL, NULL, NULL, 152, true),
  ('fisc10:実123', 'fisc10:実', 'control', NULL, NULL, NULL, 153, true),
  ('fisc10:実124', 'fisc10:実', 'control', NULL, NULL, NULL, 154, true),
  ('fisc10:実125', 'fisc10:実', 'control', NULL, NULL, NULL, 155, true),
  ('fisc10:実126', 'fisc10:実', 'control', NULL, NULL, NULL, 156, true),
  ('fisc10:実127', 'fisc10:実', 'control', NULL, NULL, NULL, 157, true),
  ('fisc10:実128', 'fisc10:実', 'control', NULL, NULL, NULL, 158, true),
  ('fisc10:実129', 'fisc10:実', 'control', NULL, NULL, NULL, 159, true),
  ('fisc10:実130', 'fisc10:実', 'control', NULL, NULL, NULL, 160, true),
  ('fisc10:実131', 'fisc10:実', 'control', NULL, NULL, NULL, 161, true),
  ('fisc10:実132', 'fisc10:実', 'control', NULL, NULL, NULL, 162, true),
  ('fisc10:実133', 'fisc10:実', 'control', NULL, NULL, NULL, 163, true),
  ('fisc10:実134', 'fisc10:実', 'control', NULL, NULL, NULL, 164, true),
  ('fisc10:実135', 'fisc10:実', 'control', NULL, NULL, NULL, 165, true),
  ('fisc10:実136', 'fisc10:実', 'control', NULL, NULL, NULL, 166, true),
  ('fisc10:実137', 'fisc10:実', 'control', NULL, NULL, NULL, 167, true),
  ('fisc10:実138', 'fisc10:実', 'control', NULL, NULL, NULL, 168, true),
  ('fisc10:実139', 'fisc10:実', 'control', NULL, NULL, NULL, 169, true),
  ('fisc10:実140', 'fisc10:実', 'control', NULL, NULL, NULL, 170, true),
  ('fisc10:実141', 'fisc10:実', 'control', NULL, NULL, NULL, 171, true),
  ('fisc10:実142', 'fisc10:実', 'control', NULL, NULL, NULL, 172, true),
  ('fisc10:実143', 'fisc10:実', 'control', NULL, NULL, NULL, 173, true),
  ('fisc10:実144', 'fisc10:実', 'control', NULL, NULL, NULL, 174, true),
  ('fisc10:実145', 'fisc10:実', 'control', NULL, NULL, NULL, 175, true),
  ('fisc10:実146', 'fisc10:実', 'control', NULL, NULL, NULL, 176, true),
  ('fisc10:実147', 'fisc10:実', 'control', NULL, NULL, NULL, 177, true),
  ('fisc10:実148', 'fisc10:実', 'control', NULL, NULL, NULL, 178, true),
  ('fisc10:設', NULL, 'section', NULL, '設備基準', NULL, 179, true),
  ('fisc10:設1', 'fisc10:設', 'control', NULL, NULL, NULL, 180, true),
  ('fisc10:設2', 'fisc10:設', 'control', NULL, NULL, NULL, 181, true),
  ('fisc10:設3', 'fisc10:設', 'control', NULL, NULL, NULL, 182, true),
  ('fisc10:設4', 'fisc10:設', 'control', NULL, NULL, NULL, 183, true),
  ('fisc10:設5', 'fisc10:設', 'control', NULL, NULL, NULL, 184, true),
  ('fisc10:設6', 'fisc10:設', 'control', NULL, NULL, NULL, 185, true),
  ('fisc10:設7', 'fisc10:設', 'control', NULL, NULL, NULL, 186, true),
  ('fisc10:設8', 'fisc10:設', 'control', NULL, NULL, NULL, 187, true),
  ('fisc10:設9', 'fisc10:設', 'control', NULL, NULL, NULL, 188, true),
  ('fisc10:設10', 'fisc10:設', 'control', NULL, NULL, NULL, 189, true),
  ('fisc10:設11', 'fisc10:設', 'control', NULL, NULL, NULL, 190, true),
  ('fisc10:設12', 'fisc10:設', 'control', NULL, NULL, NULL, 191, true),
  ('fisc10:設13', 'fisc10:設', 'control', NULL, NULL, NULL, 192, true),
  ('fisc10:設14', 'fisc10:設', 'control', NULL, NULL, NULL, 193, true),
  ('fisc10:設15', 'fisc10:設', 'control', NULL, NULL, NULL, 194, true),
  ('fisc10:設16', 'fisc10:設', 'control', NULL, NULL, NULL, 195, true),
  ('fisc10:設17', 'fisc10:設', 'control', NULL, NULL, NULL, 196, true),
  ('fisc10:設18', 'fisc10:設', 'control', NULL, NULL, NULL, 197, true),
  ('fisc10:設19', 'fisc10:設', 'control', NULL, NULL, NULL, 198, true),
  ('fisc10:設20', 'fisc10:設', 'control', NULL, NULL, NULL, 199, true),
  ('fisc10:設21', 'fisc10:設', 'control', NULL, NULL, NULL, 200, true),
  ('fisc10:設22', 'fisc10:設', 'control', NULL, NULL, NULL, 201, true),
  ('fisc10:設23', 'fisc10:設', 'control', NULL, NULL, NULL, 202, true),
  ('fisc10:設24', 'fisc10:設', 'control', NULL, NULL, NULL, 203, true),
  ('fisc10:設25', 'fisc10:設', 'control', NULL, NULL, NULL, 204, true),
  ('fisc10:設26', 'fisc10:設', 'control', NULL, NULL, NULL, 205, true),
  ('fisc10:設27', 'fisc10:設', 'control', NULL, NULL, NULL, 206, true),
  ('fisc10:設28', 'fisc10:設', 'control', NULL, NULL, NULL, 207, true),
  ('fisc10:設29', 'fisc10:設', 'control', NULL, NULL, NULL, 208, true),
  ('fisc10:設30', 'fisc10:設', 'control', NULL, NULL, NULL, 209, true),
  ('fisc10:設31', 'fisc10:設', 'control', NULL, NULL, NULL, 210, true),
  ('fisc10:設32', 'fisc10:設', 'control', NULL, NULL, NULL, 211, true),
  ('fisc10:設33', 'fisc10:設', 'control', NULL, NULL, NULL, 212, true),
  ('fisc10:設34', 'fisc10:設', 'control', NULL, NULL, NULL, 213, true),
  ('fisc10:設35', 'fisc10:設', 'control', NULL, NULL, NULL, 214, true),
  ('fisc10:設36', 'fisc10:設', 'control', NULL, NULL, NULL, 215, true),
  ('fisc10:設37', 'fisc10:設', 'control', NULL, NULL, NULL, 216, true),
  ('fisc10:設38', 'fisc10:設', 'control', NULL, NULL, NULL, 217, true),
  ('fisc10:設39', 'fisc10:設', 'control', NULL, NULL, NULL, 218, true),
  ('fisc10:設40', 'fisc10:設', 'control', NULL, NULL, NULL, 219, true),
  ('fisc10:設41', 'fisc10:設', 'control', NULL, NULL, NULL, 220, true),
  ('fisc10:設42', 'fisc10:設', 'control', NULL, NULL, NULL, 221, true),
  ('fisc10:設43', 'fisc10:設', 'control', NULL, NULL, NULL, 222, true),
  ('fisc10:設44', 'fisc10:設', 'control', NULL, NULL, NULL, 223, true),
  ('fisc10:設45', 'fisc10:設', 'control', NULL, NULL, NULL, 224, true),
  ('fisc10:設46', 'fisc10:設', 'control', NULL, NULL, NULL, 225, true),
  ('fisc10:設47', 'fisc10:設', 'control', NULL, NULL, NULL, 226, true),
  ('fisc10:設48', 'fisc10:設', 'control', NULL, NULL, NULL, 227, true),
  ('fisc10:設49', 'fisc10:設', 'control', NULL, NULL, NULL, 228, true),
  ('fisc10:設50', 'fisc10:設', 'control', NULL, NULL, NULL, 229, true),
  ('fisc10:設51', 'fisc10:設', 'control', NULL, NULL, NULL, 230, true),
  ('fisc10:設52', 'fisc10:設', 'control', NULL, NULL, NULL, 231, true),
  ('fisc10:設53', 'fisc10:設', 'control', NULL, NULL, NULL, 232, true),
  ('fisc10:設54', 'fisc10:設', 'control', NULL, NULL, NULL, 233, true),
  ('fisc10:設55', 'fisc10:設', 'control', NULL, NULL, NULL, 234, true),
  ('fisc10:設56', 'fisc10:設', 'control', NULL, NULL, NULL, 235, true),
  ('fisc10:設57', 'fisc10:設', 'control', NULL, NULL, NULL, 236, true),
  ('fisc10:設58', 'fisc10:設', 'control', NULL, NULL, NULL, 237, true),
  ('fisc10:設59', 'fisc10:設', 'control', NULL, NULL, NULL, 238, true),
  ('fisc10:設60', 'fisc10:設', 'control', NULL, NULL, NULL, 239, true),
  ('fisc10:設61', 'fisc10:設', 'control', NULL, NULL, NULL, 240, true),
  ('fisc10:設62', 'fisc10:設', 'control', NULL, NULL, NULL, 241, true),
  ('fisc10:設63', 'fisc10:設', 'control', NULL, NULL, NULL, 242, true),
  ('fisc10:設64', 'fisc10:設', 'control', NULL, NULL, NULL, 243, true),
  ('fisc10:設65', 'fisc10:設', 'control', NULL, NULL, NULL, 244, true),
  ('fisc10:設66', 'fisc10:設', 'control', NULL, NULL, NULL, 245, true),
  ('fisc10:設67', 'fisc10:設', 'control', NULL, NULL, NULL, 246, true),
  ('fisc10:設68', 'fisc10:設', 'control', NULL, NULL, NULL, 247, true),
  ('fisc10:設69', 'fisc10:設', 'control', NULL, NULL, NULL, 248, true),
  ('fisc10:設70', 'fisc10:設', 'control', NULL, NULL, NULL, 249, true),
  ('fisc10:設71', 'fisc10:設', 'control', NULL, NULL, NULL, 250, true),
  ('fisc10:設72', 'fisc10:設', 'control', NULL, NULL, NULL, 251, true),
  ('fisc10:設73', 'fisc10:設', 'control', NULL, NULL, NULL, 252, true),
  ('fisc10:設74', 'fisc10:設', 'control', NULL, NULL, NULL, 253, true),
  ('fisc10:設75', 'fisc10:設', 'control', NULL, NULL, NULL, 254, true),
  ('fisc10:設76', 'fisc10:設', 'control', NULL, NULL, NULL, 255, true),
  ('fisc10:設77', 'fisc10:設', 'control', NULL, NULL, NULL, 256, true),
  ('fisc10:設78', 'fisc10:設', 'control', NULL, NULL, NULL, 257, true),
  ('fisc10:設79', 'fisc10:設', 'control', NULL, NULL, NULL, 258, true),
  ('fisc10:設80', 'fisc10:設', 'control', NULL, NULL, NULL, 259, true),
  ('fisc10:設81', 'fisc10:設', 'control', NULL, NULL, NULL, 260, true),
  ('fisc10:設82', 'fisc10:設', 'control', NULL, NULL, NULL, 261, true),
  ('fisc10:設83', 'fisc10:設', 'control', NULL, NULL, NULL, 262, true),
  ('fisc10:設83-1', 'fisc10:設', 'control', NULL, NULL, NULL, 263, true),
  ('fisc10:設84', 'fisc10:設', 'control', NULL, NULL, NULL, 264, true),
  ('fisc10:設85', 'fisc10:設', 'control', NULL, NULL, NULL, 265, true),
  ('fisc10:設86', 'fisc10:設', 'control', NULL, NULL, NULL, 266, true),
  ('fisc10:設87', 'fisc10:設', 'control', NULL, NULL, NULL, 267, true),
  ('fisc10:設88', 'fisc10:設', 'control', NULL, NULL, NULL, 268, true),
  ('fisc10:設89', 'fisc10:設', 'control', NULL, NULL, NULL, 269, true),
  ('fisc10:設90', 'fisc10:設', 'control', NULL, NULL, NULL, 270, true),
  ('fisc10:設91', 'fisc10:設', 'control', NULL, NULL, NULL, 271, true),
  ('fisc10:設92', 'fisc10:設', 'control', NULL, NULL, NULL, 272, true),
  ('fisc10:設93', 'fisc10:設', 'control', NULL, NULL, NULL, 273, true),
  ('fisc10:設94', 'fisc10:設', 'control', NULL, NULL, NULL, 274, true),
  ('fisc10:設95', 'fisc10:設', 'control', NULL, NULL, NULL, 275, true),
  ('fisc10:設96', 'fisc10:設', 'control', NULL, NULL, NULL, 276, true),
  ('fisc10:設97', 'fisc10:設', 'control', NULL, NULL, NULL, 277, true),
  ('fisc10:設98', 'fisc10:設', 'control', NULL, NULL, NULL, 278, true),
  ('fisc10:設99', 'fisc10:設', 'control', NULL, NULL, NULL, 279, true),
  ('fisc10:設100', 'fisc10:設', 'control', NULL, NULL, NULL, 280, true),
  ('fisc10:設101', 'fisc10:設', 'control', NULL, NULL, NULL, 281, true),
  ('fisc10:設102', 'fisc10:設', 'control', NULL, NULL, NULL, 282, true),
  ('fisc10:設103', 'fisc10:設', 'control', NULL, NULL, NULL, 283, true),
  ('fisc10:設104', 'fisc10:設', 'control', NULL, NULL, NULL, 284, true),
  ('fisc10:設105', 'fisc10:設', 'control', NULL, NULL, NULL, 285, true),
  ('fisc10:設106', 'fisc10:設', 'control', NULL, NULL, NULL, 286, true),
  ('fisc10:設107', 'fisc10:設', 'control', NULL, NULL, NULL, 287, true),
  ('fisc10:設108', 'fisc10:設', 'control', NULL, NULL, NULL, 288, true),
  ('fisc10:設109', 'fisc10:設', 'control', NULL, NULL, NULL, 289, true),
  ('fisc10:設110', 'fisc10:設', 'control', NULL, NULL, NULL, 290, true),
  ('fisc10:設111', 'fisc10:設', 'control', NULL, NULL, NULL, 291, true),
  ('fisc10:設112', 'fisc10:設', 'control', NULL, NULL, NULL, 292, true),
  ('fisc10:設113', 'fisc10:設', 'control', NULL, NULL, NULL, 293, true),
  ('fisc10:設114', 'fisc10:設', 'control', NULL, NULL, NULL, 294, true),
  ('fisc10:設115', 'fisc10:設', 'control', NULL, NULL, NULL, 295, true),
  ('fisc10:設116', 'fisc10:設', 'control', NULL, NULL, NULL, 296, true),
  ('fisc10:設117', 'fisc10:設', 'control', NULL, NULL, NULL, 297, true),
  ('fisc10:設118', 'fisc10:設', 'control', NULL, NULL, NULL, 298, true),
  ('fisc10:設119', 'fisc10:設', 'control', NULL, NULL, NULL, 299, true),
  ('fisc10:設120', 'fisc10:設', 'control', NULL, NULL, NULL, 300, true),
  ('fisc10:設121', 'fisc10:設', 'control', NULL, NULL, NULL, 301, true),
  ('fisc10:設122', 'fisc10:設', 'control', NULL, NULL, NULL, 302, true),
  ('fisc10:設123', 'fisc10:設', 'control', NULL, NULL, NULL, 303, true),
  ('fisc10:設124', 'fisc10:設', 'control', NULL, NULL, NULL, 304, true),
  ('fisc10:設125', 'fisc10:設', 'control', NULL, NULL, NULL, 305, true),
  ('fisc10:設126', 'fisc10:設', 'control', NULL, NULL, NULL, 306, true),
  ('fisc10:設127', 'fisc10:設', 'control', NULL, NULL, NULL, 307, true),
  ('fisc10:設128', 'fisc10:設', 'control', NULL, NULL, NULL, 308, true),
  ('fisc10:設129', 'fisc10:設', 'control', NULL, NULL, NULL, 309, true),
  ('fisc10:設130', 'fisc10:設', 'control', NULL, NULL, NULL, 310, true),
  ('fisc10:設131', 'fisc10:設', 'control', NULL, NULL, NULL, 311, true),
  ('fisc10:設132', 'fisc10:設', 'control', NULL, NULL, NULL, 312, true),
  ('fisc10:設133', 'fisc10:設', 'control', NULL, NULL, NULL, 313, true),
  ('fisc10:設134', 'fisc10:設', 'control', NULL, NULL, NULL, 314, true),
  ('fisc10:設135', 'fisc10:設', 'control', NULL, NULL, NULL, 315, true),
  ('fisc10:設136', 'fisc10:設', 'control', NULL, NULL, NULL, 316, true),
  ('fisc10:設137', 'fisc10:設', 'control', NULL, NULL, NULL, 317, true),
  ('fisc10:監', NULL, 'section', NULL, '監査基準', NULL, 318, true),
  ('fisc10:監1', 'fisc10:監', 'control', NULL, NULL, NULL, 319, true);

INSERT INTO kansa.control (id, parent, kind, level, title, body, position, builtin) VALUES
  ('iso27017:5', NULL, 'section', NULL, '情報セキュリティのための方針群', NULL, 1, true),
  ('iso27017:5.1.1', 'iso27017:5', 'control', NULL, '情報セキュリティのための方針群', NULL, 2, true),
  ('iso27017:6', NULL, 'section', NULL, '情報セキュリティのための組織', NULL, 3, true),
  ('iso27017:6.1.1', 'iso27017:6', 'control', NULL, '情報セキュリティの役割及び責任', NULL, 4, true),
  ('iso27017:6.1.3', 'iso27017:6', 'control', NULL, '関係当局との連絡', NULL, 5, true),
  ('iso27017:CLD.6.3.1', 'iso27017:6', 'control', NULL, 'クラウドコンピューティング環境における役割及び責任の共有及び分担', NULL, 6, true),
  ('iso27017:7', NULL, 'section', NULL, '人的資源のセキュリティ', NULL, 7, true),
  ('iso27017:7.2.2', 'iso27017:7', 'control', NULL, '情報セキュリティの意識向上、教育及び訓練', NULL, 8, true),
  ('iso27017:8', NULL, 'section', NULL, '資産の管理', NULL, 9, true),
  ('iso27017:8.1.1', 'iso27017:8', 'control', NULL, '資産目録', NULL, 10, true),
  ('iso27017:CLD.8.1.5', 'iso27017:8', 'control', NULL, 'クラウドサービス利用者の資産の除去', NULL, 11, true),
  ('iso27017:8.2.2', 'iso27017:8', 'control', NULL, '情報のラベル付け', NULL, 12, true),
  ('iso27017:9', NULL, 'section', NULL, 'アクセス制御', NULL, 13, true),
  ('iso27017:9.2.1', 'iso27017:9', 'control', NULL, '利用者登録及び登録削除', NULL, 14, true),
  ('iso27017:9.2.2', 'iso27017:9', 'control', NULL, '利用者アクセスの提供', NULL, 15, true),
  ('iso27017:9.2.3', 'iso27017:9', 'control', NULL, '特権的アクセス権の管理', NULL, 16, true),
  ('iso27017:9.2.4', 'iso27017:9', 'control', NULL, '利用者の秘密認証情報の管理', NULL, 17, true),
  ('iso27017:9.4.1', 'iso27017:9', 'control', NULL, '情報へのアクセス制限', NULL, 18, true),
  ('iso27017:9.4.4', 'iso27017:9', 'control', NULL, '特権的なユーティリティプログラムの利用', NULL, 19, true),
  ('iso27017:CLD.9.5.1', 'iso27017:9', 'control', NULL, '仮想コンピューティング環境における分離', NULL, 20, true),
  ('iso27017:CLD.9.5.2', 'iso27017:9', 'control', NULL, '仮想マシンの要塞化', NULL, 21, true),
  ('iso27017:10', NULL, 'section', NULL, '暗号', NULL, 22, true),
  ('iso27017:10.1.1', 'iso27017:10', 'control', NULL, '暗号による管理策の利用方針', NULL, 23, true),
  ('iso27017:11', NULL, 'section', NULL, '物理的及び環境的セキュリティ', NULL, 24, true),
  ('iso27017:11.2.7', 'iso27017:11', 'control', NULL, '装置のセキュリティを保った処分又は再利用', NULL, 25, true),
  ('iso27017:12', NULL, 'section', NULL, '運用のセキュリティ', NULL, 26, true),
  ('iso27017:12.1.2', 'iso27017:12', 'control', NULL, '変更管理', NULL, 27, true),
  ('iso27017:12.1.3', 'iso27017:12', 'control', NULL, '容量・能力の管理', NULL, 28, true),
  ('iso27017:CLD.12.1.5', 'iso27017:12', 'control', NULL, '実務管理者の運用のセキュリティ', NULL, 29, true),
  ('iso27017:12.3.1', 'iso27017:12', 'control', NULL, '情報のバックアップ', NULL, 30, true),
  ('iso27017:12.4.1', 'iso27017:12', 'control', NULL, 'イベントログ取得', NULL, 31, true),
  ('iso27017:12.4.4', 'iso27017:12', 'control', NULL, 'クロックの同期', NULL, 32, true),
  ('iso27017:CLD.12.4.5', 'iso27017:12', 'control', NULL, 'クラウドサービスの監視', NULL, 33, true),
  ('iso27017:12.6.1', 'iso27017:12', 'control', NULL, '技術的ぜい弱性の管理', NULL, 34, true),
  ('iso27017:13', NULL, 'section', NULL, '通信のセキュリティ', NULL, 35, true),
  ('iso27017:13.1.3', 'iso27017:13', 'control', NULL, 'ネットワークの分離', NULL, 36, true),
  ('iso27017:CLD.13.1.4', 'iso27017:13', 'control', NULL, '仮想及び物理ネットワークのセキュリティ管理の整合', NULL, 37, true),
  ('iso27017:14', NULL, 'section', NULL, 'システムの取得、開発及び保守', NULL, 38, true),
  ('iso27017:14.1.1', 'iso27017:14', 'control', NULL, '情報セキュリティ要求事項の分析及び仕様化', NULL, 39, true),
  ('iso27017:14.2.1', 'iso27017:14', 'control', NULL, 'セキュリティに配慮した開発のための方針', NULL, 40, true),
  ('iso27017:15', NULL, 'section', NULL, '供給者関係', NULL, 41, true),
  ('iso27017:15.1.2', 'iso27017:15', 'control', NULL, '供給者との合意におけるセキュリティの取扱い', NULL, 42, true),
  ('iso27017:15.1.3', 'iso27017:15', 'control', NULL, 'ICT サプライチェーン', NULL, 43, true),
  ('iso27017:16', NULL, 'section', NULL, '情報セキュリティインシデント管理', NULL, 44, true),
  ('iso27017:16.1.1', 'iso27017:16', 'control', NULL, '責任および手順', NULL, 45, true),
  ('iso27017:16.1.2', 'iso27017:16', 'control', NULL, '情報セキュリティ事象の報告', NULL, 46, true),
  ('iso27017:16.1.7', 'iso27017:16', 'control', NULL, '証拠の収集', NULL, 47, true),
  ('iso27017:18', NULL, 'section', NULL, '順守', NULL, 48, true),
  ('iso27017:18.1.1', 'iso27017:18', 'control', NULL, '適用法令及び契約上の要求事項の特定', NULL, 49, true),
  ('iso27017:18.1.2', 'iso27017:18', 'control', NULL, '知的財産権', NULL, 50, true),
  ('iso27017:18.1.3', 'iso27017:18', 'control', NULL, '記録の保護', NULL, 51, true),
  ('iso27017:18.1.5', 'iso27017:18', 'control', NULL, '暗号化機能に対する規制', NULL, 52, true),
  ('iso27017:18.2.1', 'iso27017:18', 'control', NULL, '情報セキュリティの独立したレビュー', NULL, 53, true);

INSERT INTO kansa.control (id, parent, kind, level, title, body, position, builtin) VALUES
  ('meti_cloud:1', NULL, 'section', NULL, '情報セキュリティへの組織的取組の基本方針', NULL, 1, true),
  ('meti_cloud:1(1)', 'meti_cloud:1', 'section', NULL, '組織の基本的な方針を定めた文書', NULL, 2, true),
  ('meti_cloud:1.1', 'meti_cloud:1(1)', 'control', NULL, '方針の作成・承認・配布', 'クラウドサービス事業者は、組織全体での情報セキュリティに関する取組についての基本的な方針、役割、責任等を定めた文書を作成し、経営陣の承認及び署名を経て、組織内及び関係する組織に配布すること。', 3, true),
  ('meti_cloud:1.2', 'meti_cloud:1(1)', 'control', NULL, '方針の変更', '情報セキュリティに関する基本的な方針を定めた文書は、定期的又はクラウドサービスの提供に係る重大な変更や不適合が生じた場合(組織環境、業務環境、法的環境、技術的環境等)に見直しを行うこと。事業者は、経営陣の承認の下で方針の改定等を実施し、組織内及び関係する組織に通知すること。', 4, true),
  ('meti_cloud:2', NULL, 'section', NULL, '情報セキュリティのための組織', NULL, 5, true),
  ('meti_cloud:2(1)', 'meti_cloud:2', 'section', NULL, '内部組織', NULL, 6, true),
  ('meti_cloud:2.1', 'meti_cloud:2(1)', 'control', NULL, '情報セキュリティ責任者', '経営陣は、情報セキュリティに関する取組についての責任と関与を明示する。更に、組織全体にわたる情報セキュリティに責任を持つ情報セキュリティ責任者を任命し、人員・資産・予算等のリソース面で積極的な支援・支持を行うこと。', 7, true),
  ('meti_cloud:2.2', 'meti_cloud:2(1)', 'control', NULL, 'システム一覧', '情報セキュリティ責任者は、組織が保有、提供するシステム、アプリケーション及びクラウドサービスの一覧を作成し、全ての責任者を定めるとともに、個々の組織の職務記述書にセキュリティとプライバシーに関する役割と責任を記載すること。', 8, true),
  ('meti_cloud:2.3', 'meti_cloud:2(1)', 'control', NULL, 'テスト、トレーニング及び監視', '組織全体にわたって実施されるセキュリティテスト、プライバシーテスト、トレーニングを監視すること。', 9, true),
  ('meti_cloud:2(2)', 'meti_cloud:2', 'section', NULL, 'モバイル機器及びテレワーク', NULL, 10, true),
  ('meti_cloud:2.4', 'meti_cloud:2(2)', 'control', NULL, 'モバイル機器の利用方針', 'モバイル機器を業務で用いることによって生じるリスクを管理するために、モバイル機器の利用方針を策定し、その方針を実施するために必要な情報セキュリティ対策を講じること。', 11, true),
  ('meti_cloud:2.5', 'meti_cloud:2(2)', 'control', NULL, 'テレワーク中の情報保護', 'テレワーク中でのアクセス、処理及び保存される情報を保護するために、方針及びその方針を支援するセキュリティ対策を実施すること。', 12, true),
  ('meti_cloud:3', NULL, 'section', NULL, 'サプライチェーンに関する管理', NULL, 13, true),
  ('meti_cloud:3(1)', 'meti_cloud:3', 'section', NULL, 'サプライチェーン事業者間の合意', NULL, 14, true),
  ('meti_cloud:3.1', 'meti_cloud:3(1)', 'control', NULL, 'リスク対策と文書化', 'サプライチェーン事業者が提供するクラウドサービスについて、事業者間で合意された情報セキュリティリスク対策及びサービスレベルを文書化するとともに、サプライチェーン事業者によって確実に実施されることを担保すること。', 15, true),
  ('meti_cloud:4', NULL, 'section', NULL, '情報資産の管理', NULL, 16, true),
  ('meti_cloud:4(1)', 'meti_cloud:4', 'section', NULL, '情報資産に対する責任', NULL, 17, true),
  ('meti_cloud:4.1', 'meti_cloud:4(1)', 'control', NULL, '管理責任者', '取り扱う各情報資産について管理責任者を定めるとともに、その利用の許容範囲(利用可能者、利用目的、利用方法、返却方法等)を明確にした上で管理するとともに、文書化すること。', 18, true),
  ('meti_cloud:4.2', 'meti_cloud:4(1)', 'control', NULL, '事業者間の引継ぎ', 'クラウドサービス利用者がクラウドサービスの利用を終了するにあたり、他のクラウドサービスへの乗換を行うことが想定される。クラウドサービス利用者によるクラウドサービス選定の自由を守るため、事業者は預託された情報を他のクラウドサービスに引き継ぐか否かに関して、予め利用者と合意し、文書化すること。', 19, true),
  ('meti_cloud:4.3', 'meti_cloud:4(1)', 'control', NULL, 'バックアップ', '情報、ソフトウェア及びシステムのバックアップは、利用者と合意されたバックアップ方針に従って、事業者が定期的実施し、バックアップ内容を確認すること。また、事業者は、利用者にバックアップ機能の仕様を提供すること。', 20, true),
  ('meti_cloud:4(2)', 'meti_cloud:4', 'section', NULL, '情報の分類', NULL, 21, true),
  ('meti_cloud:4.4', 'meti_cloud:4(2)', 'control', NULL, '資産目録', '組織における情報資産の価値や、法的要求(個人情報保護等)等に基づき、機密性や重要性の観点から情報資産を分類した上で、資産目録を作成し、維持すること。', 22, true),
  ('meti_cloud:4.5', 'meti_cloud:4(2)', 'control', NULL, 'データ識別', '事業者は、利用者のデータ及びクラウドサービスから派生したデータを明確に識別すること。', 23, true),
  ('meti_cloud:4.6', 'meti_cloud:4(2)', 'control', NULL, '情報資産の取扱い', '情報資産の取扱いに関する手順は、組織が採用した情報分類体系に従って策定し、実施すること。', 24, true),
  ('meti_cloud:4(3)', 'meti_cloud:4', 'section', NULL, '情報セキュリティポリシーの遵守、点検及び監査', NULL, 25, true),
  ('meti_cloud:4.7', 'meti_cloud:4(3)', 'control', NULL, 'レビュー', '各情報資産の管理責任者は、自らの責任範囲における全ての情報セキュリティ対策が、情報セキュリティポリシーに則り正しく確実に実施されるように、定期的なレビュー及び見直しを行うこと。また、組織の情報セキュリティのための方針群及び標準率に関し、システムや提供するクラウドサービスが、定めに従って技術的に順守されていることをレビューすること。', 26, true),
  ('meti_cloud:4.8', 'meti_cloud:4(3)', 'control', NULL, '点検・監査', 'クラウドサービスの提供に用いるシステムが、情報セキュリティポリシー上の要求を遵守していることを確認するため、定期的に検証・監査すること。システムの検証を伴う監査要求事項及び監査活動は、業務プロセスの中断を最小限に抑えるために、慎重に計画し、実施すること。', 27, true),
  ('meti_cloud:4(4)', 'meti_cloud:4', 'section', NULL, 'アクセス管理', NULL, 28, true),
  ('meti_cloud:4.9', 'meti_cloud:4(4)', 'control', NULL, 'アクセス制御方針', 'アクセス制御方針は、業務及び情報セキュリティの要求事項に基づいて確立し、文書化し、レビューすること。また、情報及びシステム機能へのアクセスは、アクセス制御方針に従って、制限すること。', 29, true),
  ('meti_cloud:4.10', 'meti_cloud:4(4)', 'control', NULL, 'アクセス制御', '事業者は、クラウドサービスへのアクセス、クラウドサービス機能へのアクセス及び利用者データへのアクセスを、利用者が制限できるようにアクセス制御を提供すること。', 30, true),
  ('meti_cloud:4.11', 'meti_cloud:4(4)', 'control', NULL, 'ユーティリティプログラムの使用', 'システム及びアプリケーションによる制御を無効にすることができるユーティリティプログラム(データベースの身を強制的に書き換えることが出来る機能や一時的にポートを開放する機能等)の使用は、制限し、厳しく管理すること。また、事業者は、クラウドサービス内で利用される全てのユーティリティプログラムのための要求事項を特定すること。', 31, true),
  ('meti_cloud:4.12', 'meti_cloud:4(4)', 'control', NULL, 'プログラムソースコードへのアクセス', 'プログラムソースコードへのアクセスは、制限すること。', 32, true),
  ('meti_cloud:4.13', 'meti_cloud:4(4)', 'control', NULL, 'アクセス制御となすまし対策', '利用者及びシステム管理者等のアクセスを管理するために、適切な認証方法、特定の場所や装置からの接続を認証する方法等によって、アクセス制御となすまし対策を行うこと。また、運用管理規定を作成すること。ID・パスワードを用いる場合は、その運用方法とパスワードの有効期限を規定に含めること。', 33, true),
  ('meti_cloud:4(5)', 'meti_cloud:4', 'section', NULL, '構成管理', NULL, 34, true),
  ('meti_cloud:4.14', 'meti_cloud:4(5)', 'control', NULL, '構成管理のポリシーと手順', '目的・適用範囲・役割・責任・経営コミットメント・組織間の調整・コンプライアンスを取り扱う構成管理ポリシー及び構成管理ポリシーと関連する対応策の実施手順を策定・文書化すること。', 35, true),
  ('meti_cloud:5', NULL, 'section', NULL, '従業員に係る情報セキュリティ', NULL, 36, true),
  ('meti_cloud:5(1)', 'meti_cloud:5', 'section', NULL, '雇用前', NULL, 37, true),
  ('meti_cloud:5.1', 'meti_cloud:5(1)', 'control', NULL, '雇用契約', '雇用予定の従業員(就業形態に関わらず)に対して、機密性・完全性・可用性に係る情報セキュリティ上の要求及び責任の分界点を提示・説明するとともに、この要求等に対する明確な同意をもって雇用契約を締結すること。', 38, true),
  ('meti_cloud:5(2)', 'meti_cloud:5', 'section', NULL, '雇用期間中', NULL, 39, true),
  ('meti_cloud:5.2', 'meti_cloud:5(2)', 'control', NULL, '教育・訓練', '全ての従業員に対して、情報セキュリティポリシーに関する意識向上のための適切な教育・訓練を実施すること。', 40, true),
  ('meti_cloud:5.3', 'meti_cloud:5(2)', 'control', NULL, '契約違反', '従業員が、情報セキュリティポリシー又はクラウドサービス提供上の契約に違反した場合の対応手順を備えること。', 41, true),
  ('meti_cloud:5(3)', 'meti_cloud:5', 'section', NULL, '雇用の終了又は変更', NULL, 42, true),
  ('meti_cloud:5.4', 'meti_cloud:5(3)', 'control', NULL, 'アクセス権・資産の取扱い', '従業員の雇用が終了又は変更となった場合のアクセス権や情報資産等の扱いについて、実施すべき事項や手続、確認項目等を明確にすること。', 43, true),
  ('meti_cloud:6', NULL, 'section', NULL, '情報セキュリティインシデントの管理', NULL, 44, true),
  ('meti_cloud:6(1)', 'meti_cloud:6', 'section', NULL, '情報セキュリティインシデント及びぜい弱性の報告', NULL, 45, true),
  ('meti_cloud:6.1', 'meti_cloud:6(1)', 'control', NULL, '組織内報告', '全ての従業員に対し、業務において発見あるいは疑いをもったシステムのぜい弱性や情報セキュリティインシデント(サービス停止、情報の漏えい・改ざん・破壊・紛失、ウイルス感染等)について、どのようなものでも記録し、できるだけ速やかに管理責任者に報告できるよう手続を定め、実施を要求すること。報告を受けた後に、迅速に効果的な対応ができるよう、責任体制及び手順を確立すること。', 46, true),
  ('meti_cloud:6.2', 'meti_cloud:6(1)', 'control', NULL, 'クラウドサービス事業者とクラウドサービス利用者間の報告', '事業者は、利用者が情報セキュリティ事象を事業者に報告する仕組み、事業者が情報セキュリティ事象を利用者に報告する仕組み及び利用者が報告を受けた情報セキュリティ事象の状況を追跡する仕組みを提供すること。', 47, true),
  ('meti_cloud:6.3', 'meti_cloud:6(1)', 'control', NULL, 'インシデントの評価と分類', '情報セキュリティ事象は、これを評価し、情報セキュリティインシデントに分類するか否かを決定すること。', 48, true),
  ('meti_cloud:6.4', 'meti_cloud:6(1)', 'control', NULL, 'フィードバック', '情報セキュリティインシデントの分析及び解決から得られた知識は、情報セキュリティインシデントが再発起こる可能性又はその影響を低減するために用いること。', 49, true),
  ('meti_cloud:7', NULL, 'section', NULL, 'コンプライアンス', NULL, 50, true),
  ('meti_cloud:7(1)', 'meti_cloud:7', 'section', NULL, '法令と規則の遵守', NULL, 51, true),
  ('meti_cloud:7.1', 'meti_cloud:7(1)', 'control', NULL, '関連法規と記録', '個人情報、要配慮個人情報、プライバシー情報、機密情報、知的財産等、法令又は契約上適切な管理が求められる情報については、該当する法令又は契約を特定した上で、その要求に基づき適切な情報セキュリティ対策を実施すること。また、クラウドサービスの提供及び継続上重要な記録(会計記録、データベース記録、取引ログ、監査ログ、運用手順等)について、法令、契約及び情報セキュリティポリシー等の要求事項に従って、適切に管理するとともに、利用者から求められたときには提供すること。', 52, true),
  ('meti_cloud:7.2', 'meti_cloud:7(1)', 'control', NULL, '利用可否', '利用可否範囲(対象区画・施設、利用が許可される者等)の明示、認可手続の制定、監視、警告等により、認可されていない目的のためにシステム及び情報処理施設を利用させないこと。', 53, true),
  ('meti_cloud:7.3', 'meti_cloud:7(1)', 'control', NULL, 'ソフトウェア製品', '知的財産権及び権利関係のあるソフトウェア製品の利用に関連する、法令、規制及び契約上の要求事項の順守を確実にするための適切な手順を実施すること。', 54, true),
  ('meti_cloud:7.4', 'meti_cloud:7(1)', 'control', NULL, '不正アクセス・流出からの保護', '記録は、法令、規制、契約及び事業上の要求事項に従って、消失、破壊、改ざん、認可されていないアクセス及び不正な流出から保護すること。また、事業者は、利用者によるクラウドサービスの利用に関連して、事業者が収集し、保存する記録の保護に関する情報を、利用者に提供すること。', 55, true),
  ('meti_cloud:7.5', 'meti_cloud:7(1)', 'control', NULL, '匿名化', '匿名化機能は、関連する全ての協定、法令及び規制を順守して用いるとともに、利用者が法令及び規制の順守をレビューできるようにするために、事業者は実施している匿名による対応策を記載すること。', 56, true),
  ('meti_cloud:8', NULL, 'section', NULL, 'ユーザサポートの責任', NULL, 57, true),
  ('meti_cloud:8(1)', 'meti_cloud:8', 'section', NULL, '利用者への責任', NULL, 58, true),
  ('meti_cloud:8.1.1', 'meti_cloud:8(1)', 'control', NULL, 'SLA', '事業者自身の責任範囲をSLA等により文書化し、クラウド利用者に明確に示すこと。', 59, true),
  ('meti_cloud:8(2)', 'meti_cloud:8', 'section', NULL, '保守', NULL, 60, true),
  ('meti_cloud:8.2.1', 'meti_cloud:8(2)', 'control', NULL, 'システム保守ポリシーと手順', 'システム保守の目的、適用範囲、役割、責任、経営コミットメント、組織間の調整及び保守ポリシーを策定、文書化し、関係する組織に配布すること。', 61, true),
  ('meti_cloud:8.2.2', 'meti_cloud:8(2)', 'control', NULL, '保守ツール', 'システムの保守ツールを承認・管理し、モニタリングするとともに、以前の保守ツール使用状況レビューすること。', 62, true),
  ('meti_cloud:8.2.3', 'meti_cloud:8(2)', 'control', NULL, 'リモート保守', 'リモート保守及び診断を承認のうえモニタリングする。リモート保守及び診断ツールは、組織のポリシーに沿い、かつシステムのセキュリティ計画に記載されている通りである場合のみ、使用を許可すること。また、リモート保守及び診断のためのセッションを確立する際には、厳格な認証機能を使用するのに加え、リモート保守及び診断の記録を保管すること。リモート保守が完了したら、セッションとネットワーク接続を終了すること。', 63, true),
  ('meti_cloud:8.2.4', 'meti_cloud:8(2)', 'control', NULL, '保守要員', '保守要員の認可手順を確立し、認可された保守組織又は要員の一覧を維持すること。', 64, true),
  ('meti_cloud:8.2.5', 'meti_cloud:8(2)', 'control', NULL, 'タイムリーな保守', 'システムコンポーネントに障害が発生した場合、保守サポート契約に基づき、保守サポートを行うこと。', 65, true),
  ('meti_cloud:9', NULL, 'section', NULL, '事業継続マネジメントにおける情報セキュリティ', NULL, 66, true),
  ('meti_cloud:9(1)', 'meti_cloud:9', 'section', NULL, '緊急時対応計画', NULL, 67, true),
  ('meti_cloud:9.2', 'meti_cloud:9(1)', 'control', NULL, '緊急時対応計画の策定と手順', '目的・適用範囲・役割・責任・経営コミットメント、組織間の調整及びコンプライアンスを取り扱う緊急時対応計画を策定するとともに、「緊急時対応計画」の実施手順を策定・文書化すること。', 68, true),
  ('meti_cloud:10', NULL, 'section', NULL, 'その他', NULL, 69, true),
  ('meti_cloud:10(1)', 'meti_cloud:10', 'section', NULL, '番号と認証', NULL, 70, true),
  ('meti_cloud:10.1', 'meti_cloud:10(1)', 'control', NULL, '方針', '情報を保護するための暗号利用に関する方針を、策定し、実施すること。', 71, true),
  ('meti_cloud:10.2', 'meti_cloud:10(1)', 'control', NULL, '情報提供', '事業者は、利用者に、事業者が処理する情報を保護するために、暗号を利用する環境に関する情報を提供すること。また、事業者は、利用者自らの暗号による保護を適用することを支援するために、事業者が提供する能力についても利用者に情報を提供すること。', 72, true),
  ('meti_cloud:10.3', 'meti_cloud:10(1)', 'control', NULL, '暗号鍵の作成と管理', '組織が定めた方針に従って、システム内で使用する暗号鍵を生成・配布・保管・アクセス・廃棄すること。', 73, true),
  ('meti_cloud:11', NULL, 'section', NULL, '運用における情報セキュリティ', NULL, 74, true),
  ('meti_cloud:11(1)', 'meti_cloud:11', 'section', NULL, '運用管理', NULL, 75, true),
  ('meti_cloud:11.1', 'meti_cloud:11(1)', 'control', NULL, '情報セキュリティ監視手順の策定', '情報セキュリティ監視（稼働監視、障害監視、パフォーマンス監視等）の実施基準・手順等を定めること。また、クラウドサービスの提供に用いるアプリケーションの運用・管理に関する手順書を作成すること。', 76, true),
  ('meti_cloud:11.2', 'meti_cloud:11(1)', 'control', NULL, '運用管理端末', '運用管理端末に、許可されていないプログラム等のインストールを行わないこと。従業員等が用いる運用管理端末の全ファイルのウイルスチェックを行うこと。', 77, true),
  ('meti_cloud:11.3', 'meti_cloud:11(1)', 'control', NULL, '稼働・障害監視', 'クラウドサービスの稼働監視、障害監視、パフォーマンス監視及びセキュリティインシデント監視を行うこと。稼働停止や異常を検知した場合は、クラウドサービス利用者に速報すること。また、結果を評価・総括して、管理責任者に報告すること。', 78, true),
  ('meti_cloud:11.4', 'meti_cloud:11(1)', 'control', NULL, '追加報告', 'クラウドサービスの提供に用いるアプリケーションに係る稼働停止、障害、パフォーマンス低下等について、速報をフォローアップする追加報告をクラウドサービス利用者に対して行うこと。', 79, true),
  ('meti_cloud:11.5', 'meti_cloud:11(1)', 'control', NULL, '時刻同期', 'クラウドサービスの提供に用いるアプリケーションの時刻同期の方法を規定し、実施すること。', 80, true),
  ('meti_cloud:11.6', 'meti_cloud:11(1)', 'control', NULL, 'パスワード管理', 'パスワード管理システムは、対話式とすること。また、良質なパスワードを確実にすること。', 81, true),
  ('meti_cloud:11.7', 'meti_cloud:11(1)', 'control', NULL, 'クラウドサービスの変更管理', '情報セキュリティに影響を与える組織、業務プロセス及びシステムの変更を管理すること。また、事業者は、クラウドサービスに影響を与える可能性のあるクラウドサービスの変更について、利用者に情報を提供すること。', 82, true),
  ('meti_cloud:11.8', 'meti_cloud:11(1)', 'control', NULL, 'リソース監視', '要求されたシステム性能を満たすことを確実にするために、資源の利用を監視・調整し、また、将来必要とする容量・能力を予測すること。また、事業者は、資源不足による情報セキュリティインシデントの発生を防ぐため、資源全体の容量・能力を監視すること。', 83, true),
  ('meti_cloud:11.9', 'meti_cloud:11(1)', 'control', NULL, '環境分離', '開発環境、試験環境及び運用環境は、運用環境への認可されていないアクセス又は変更によるリスクを低減するために分離すること。', 84, true),
  ('meti_cloud:11.10', 'meti_cloud:11(1)', 'control', NULL, 'マルウェア対策', 'マルウェアから保護するために、検出、予防及び回復のための対策を実施すること。', 85, true),
  ('meti_cloud:11.11', 'meti_cloud:11(1)', 'control', NULL, 'イベントログの取得', '利用者の活動、例外処理、過失及び情報セキュリティ事象を記録したイベントログを取得し、保持し、定期的にレビューすること。また、事業者は、利用者に、ログ取得機能を提供すること。', 86, true),
  ('meti_cloud:11.12', 'meti_cloud:11(1)', 'control', NULL, 'ログの保護', 'ログ機能及びログ情報は、改ざん及び認可されていないアクセスから保護すること。', 87, true),
  ('meti_cloud:11.13', 'meti_cloud:11(1)', 'control', NULL, '技術的脆弱性', '利用中のシステムの技術的脆弱性に関する情報は、時機を失わずに獲得すること。また、そのような脆弱性に組織がさらされている状況の評価すること。さらに、それらに関連するリスクに対処するために、適切な手段をとること。また、事業者は、提供するクラウドサービスに影響し得る技術的脆弱性の管理に関する情報を利用者が利用できるようにすること。', 88, true),
  ('meti_cloud:11(2)', 'meti_cloud:11', 'section', NULL, 'システム及び情報の完全性', NULL, 89, true),
  ('meti_cloud:11.14', 'meti_cloud:11(2)', 'control', NULL, 'セキュリティ侵害の検知', 'システム又はシステムコンポーネントにデータ又は機能を埋め込み、データが盗み出されたり、不適切に変更、削除されたりしたかを検知すること。', 90, true),
  ('meti_cloud:12', NULL, 'section', NULL, 'アプリケーション', NULL, 91, true),
  ('meti_cloud:12(1)', 'meti_cloud:12', 'section', NULL, 'アプリケーションの情報セキュリティ対策', NULL, 92, true),
  ('meti_cloud:12.1', 'meti_cloud:12(1)', 'control', NULL, 'ウイルス対策', 'クラウドサービスの提供に用いるアプリケーション（データ・プログラム等）についてウイルス等に対する対策を講じること。', 93, true),
  ('meti_cloud:12.2', 'meti_cloud:12(1)', 'control', NULL, '公衆ネットワーク上のアプリケーションサービスのセキュリティの考慮', '公衆ネットワークを経由するアプリケーションサービスに含まれる情報は、不正行為、契約紛争、並びに認可されていない開示及び変更から保護すること。', 94, true),
  ('meti_cloud:12.3', 'meti_cloud:12(1)', 'control', NULL, 'アプリケーションサービスのトランザクションの保護', 'アプリケーションサービスのトランザクションに含まれる情報は、次の事項を未然に防止するために、保護すること。 ・不完全な通信 ・誤った通信経路設定 ・認可されていないメッセージの変更 ・認可されていない開示 ・認可されていないメッセージの複製又は再生', 95, true),
  ('meti_cloud:12.4', 'meti_cloud:12(1)', 'control', NULL, 'プラットフォーム変更後のアプリケーションの技術的レビュー', 'プラットフォームを変更するときは、組織の運用又はセキュリティに悪影響がないことを確実にするために、重要なアプリケーションをレビューし、試験すること。', 96, true),
  ('meti_cloud:12(2)', 'meti_cloud:12', 'section', NULL, 'データの保護', NULL, 97, true),
  ('meti_cloud:12.5', 'meti_cloud:12(2)', 'control', NULL, 'バックアップ', '利用者のデータ、アプリケーションの管理情報及びシステム構成情報の定期的なバックアップを実施すること。', 98, true),
  ('meti_cloud:12(3)', 'meti_cloud:12', 'section', NULL, 'セッション管理', NULL, 99, true),
  ('meti_cloud:12.6', 'meti_cloud:12(3)', 'control', NULL, 'セッションのライフサイクル管理', 'セッションのライフサイクルの制御(生成、破壊、タイムアウト検知)を行うこと。', 100, true),
  ('meti_cloud:12.7', 'meti_cloud:12(3)', 'control', NULL, 'セッションの真正性', '通信セッションの真正性を保護すること。', 101, true),
  ('meti_cloud:12.8', 'meti_cloud:12(3)', 'control', NULL, '同時セッションの制御', '同時処理されるアカウントの割り当て数、又はアカウントタイプの割り当て数は、システムが定めた各セッションの割り当て数まで制限すること。', 102, true),
  ('meti_cloud:12.9', 'meti_cloud:12(3)', 'control', NULL, 'セッションのロック', '定められたアイドル時間を経過した場合、又は利用者から要求された場合、システムがセッションをロックすることによって以降のアクセスを遮断すること。', 103, true),
  ('meti_cloud:13', NULL, 'section', NULL, 'プラットフォーム、サーバ・ストレージ', NULL, 104, true),
  ('meti_cloud:13(1)', 'meti_cloud:13', 'section', NULL, 'プラットフォーム、サーバ・ストレージの情報セキュリティ対策', NULL, 105, true),
  ('meti_cloud:13.1', 'meti_cloud:13(1)', 'control', NULL, 'ウイルス対策', 'クラウドサービスの提供に用いるプラットフォーム、サーバ・ストレージについてウイルス等に対する対策を講じること。', 106, true),
  ('meti_cloud:13(2)', 'meti_cloud:13', 'section', NULL, 'プラットフォーム、サーバ・ストレージの運用・管理', NULL, 107, true),
  ('meti_cloud:13.2', 'meti_cloud:13(2)', 'control', NULL, '可用性', 'クラウドサービスを利用者に提供する時間帯を定め、この時間帯におけるクラウドサービスの稼働率を規定すること。また、プラットフォーム、サーバ・ストレージの定期保守時間を規定すること。', 108, true),
  ('meti_cloud:13.3', 'meti_cloud:13(2)', 'control', NULL, 'リソース', 'クラウドサービスの提供に用いるプラットフォーム、サーバ・ストレージに対し、利用者の利用状況の予測に基づいて設計した容量・能力等の要求事項を記録した文書を作成し、保存すること。', 109, true),
  ('meti_cloud:13(3)', 'meti_cloud:13', 'section', NULL, 'データの保護', NULL, 110, true),
  ('meti_cloud:13.4', 'meti_cloud:13(3)', 'control', NULL, 'バックアップ', '利用者のサーバ・ストレージ等の管理情報及びシステム構成情報の定期的なバックアップを実施すること。', 111, true),
  ('meti_cloud:14', NULL, 'section', NULL, 'ネットワーク', NULL, 112, true),
  ('meti_cloud:14(1)', 'meti_cloud:14', 'section', NULL, 'ネットワークにおける情報セキュリティ対策', NULL, 113, true),
  ('meti_cloud:14.1', 'meti_cloud:14(1)', 'control', NULL, 'ネットワーク構成', 'ネットワーク構成図を作成すること(ネットワークをアドホック化する場合を除く)。また、利用者の接続履歴も含めてサービスを提供するかどうかを明確に区別し、提供される場合は利用者の接続履歴も含めてアクセス制御の責任を負うこと。また、アクセス制御方針を策定し、これに基づいて、アクセス制御を許可又は無効とするための正式な手順を策定すること。', 114, true),
  ('meti_cloud:14.2', 'meti_cloud:14(1)', 'control', NULL, '管理者の権限', '情報セキュリティ責任者は、システム管理者及びネットワーク管理者の権限の割当及び使用を制限すること。', 115, true),
  ('meti_cloud:14.3', 'meti_cloud:14(1)', 'control', NULL, '不正アクセス防止', '外部及び内部からの不正アクセスを防止する措置(ファイアウォール、リバースプロキシの導入等)を講じること。', 116, true),
  ('meti_cloud:14.5', 'meti_cloud:14(1)', 'control', NULL, '実施基準', '外部ネットワークを利用した情報交換において、情報を盗聴、改ざん、誤った経路での通信、破壊等から保護するため、情報交換の実施基準・手順等を備えること。', 117, true),
  ('meti_cloud:14.6', 'meti_cloud:14(1)', 'control', NULL, '通信の暗号化', '外部ネットワークを利用した情報交換において、情報を盗聴、改ざん、誤った経路での通信、破壊等から保護するため、通信の暗号化を行うこと。', 118, true),
  ('meti_cloud:14.7', 'meti_cloud:14(1)', 'control', NULL, 'サーバ証明書', '第三者が当該事業者のサーバになりますこと(フィッシング等)を防止するため、サーバ証明書の取得等の必要な対策を実施すること。', 119, true),
  ('meti_cloud:14(2)', 'meti_cloud:14', 'section', NULL, 'セッション管理', NULL, 120, true),
  ('meti_cloud:14.9', 'meti_cloud:14(2)', 'control', NULL, 'セッションのライフサイクル管理', 'セッションのライフサイクルの制御(生成、破壊、タイムアウト検知)を行うこと。', 121, true),
  ('meti_cloud:14.10', 'meti_cloud:14(2)', 'control', NULL, 'セッションの真正性', 'システムは、通信セッションの真正性を保護すること。', 122, true),
  ('meti_cloud:14.11', 'meti_cloud:14(2)', 'control', NULL, '同時セッションの制御', '同時処理されるアカウントの割り当て数、又はアカウントタイプの割り当て数は、システムが定めた各セッションの割り当て数まで制限すること。', 123, true),
  ('meti_cloud:14.12', 'meti_cloud:14(2)', 'control', NULL, 'セッションのロック', '定められたアイドル時間を経過した場合、又は利用者から要求された場合、システムがセッションをロックすることによって以降のアクセスを遮断すること。', 124, true),
  ('meti_cloud:15', NULL, 'section', NULL, '建物、電源(空調等)', NULL, 125, true),
  ('meti_cloud:15(1)', 'meti_cloud:15', 'section', NULL, '装置の対策', NULL, 126, true),
  ('meti_cloud:15.1', 'meti_cloud:15(1)', 'control', NULL, '構外にある装置及び情報資産のセキュリティ', '構外にある情報資産に対しては、構外での作業に伴った、構内での作業とは異なるリスクを考慮に入れて、セキュリティを適用すること。', 127, true),
  ('meti_cloud:15.2', 'meti_cloud:15(1)', 'control', NULL, 'クリアデスク・クリアスクリーン方針', '書類及び取外し可能な記憶媒体に対するクリアデスク方針、並びに情報処理設備に対するクリアスクリーン方針を適用すること。', 128, true),
  ('meti_cloud:15(2)', 'meti_cloud:15', 'section', NULL, '建物の情報セキュリティ対策', NULL, 129, true),
  ('meti_cloud:15.3', 'meti_cloud:15(2)', 'control', NULL, 'オフィス、部屋及び施設のセキュリティ', 'オフィス、部屋及び施設に対する物理的セキュリティを設計し、適用すること。', 130, true),
  ('meti_cloud:15.4', 'meti_cloud:15(2)', 'control', NULL, '入退室記録', '重要な物理的セキュリティ境界(カード制御による出入口、有人の受付等)に対し、個人認証システムを用いて、従業員及び出入りを許可された外部組織等に対する入退室の手順書と記録を作成し、適切な期間保存すること。', 131, true);

INSERT INTO kansa.control_link (from_control, to_control, relation, source, note, builtin) VALUES
  ('meti_cloud:1.1', 'asp_saas:II.1.1.1', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same obligation: management-approved and signed basic security policy document; METI adds roles and distribution', true),
  ('meti_cloud:1.2', 'asp_saas:II.1.1.2', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: review the policy periodically or on significant change, revise under management approval; METI adds notification', true),
  ('meti_cloud:2.1', 'asp_saas:II.2.1.1', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: management shows commitment and supports with people, assets and budget; METI adds appointing a security officer', true),
  ('meti_cloud:3.1', 'asp_saas:II.3.1.1', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: ensure partner providers implement the agreed security measures and service levels; METI adds documenting them', true),
  ('meti_cloud:4.1', 'asp_saas:II.4.1.1', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: owner and acceptable use defined and documented for each information asset', true),
  ('meti_cloud:4.3', 'asp_saas:III.2.3.1', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same obligation in ISO wording (both from the ISO backup control): regular backup of information, software and systems', true),
  ('meti_cloud:4.3', 'asp_saas:III.2.3.2', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same obligation: check the backups taken (asp: recorded and readable); METI adds agreed policy and backup specs for users', true),
  ('meti_cloud:4.4', 'asp_saas:II.4.2.1', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: classify information assets by value and legal requirements; METI adds an asset inventory', true),
  ('meti_cloud:4.7', 'asp_saas:II.4.3.1', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: asset owners periodically review that all measures follow the security policy; METI adds technical compliance review', true),
  ('meti_cloud:4.8', 'asp_saas:II.4.3.2', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: periodically check and audit systems for compliance with the security policy; METI adds audit planning', true),
  ('meti_cloud:4.9', 'asp_saas:III.3.1.1', 'related', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'both require an access control policy and access restricted under it; asp item is the network access-control item', true),
  ('meti_cloud:4.13', 'asp_saas:III.3.1.3', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: authentication and connection-origin checks against spoofing, admin rules incl. ID/password expiry', true),
  ('meti_cloud:5.1', 'asp_saas:II.5.1.1', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: security requirements and responsibilities explained and agreed in the employment contract', true),
  ('meti_cloud:5.2', 'asp_saas:II.5.2.1', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: security awareness education and training for all employees', true),
  ('meti_cloud:5.3', 'asp_saas:II.5.2.2', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: procedure for employees violating the security policy or service contract', true),
  ('meti_cloud:5.4', 'asp_saas:II.5.3.1', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: access rights and assets on termination or change of employment', true),
  ('meti_cloud:6.1', 'asp_saas:II.6.1.1', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: employees record and report vulnerabilities and incidents quickly; response responsibilities and procedures', true),
  ('meti_cloud:7.1', 'asp_saas:II.7.1.1', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text (first sentence): identify laws/contracts for personal, confidential, IP information and apply measures', true),
  ('meti_cloud:7.1', 'asp_saas:II.7.1.2', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text (second sentence): manage important records per laws, contracts and policy; METI adds providing them on request', true),
  ('meti_cloud:7.1', 'asp_saas:III.5.1.2', 'related', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'METI item covers handling personal information per law as part of a broader legal-compliance requirement', true),
  ('meti_cloud:7.2', 'asp_saas:II.7.1.3', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: prevent use of systems and facilities for unauthorised purposes', true),
  ('meti_cloud:7.4', 'asp_saas:II.7.1.2', 'related', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'both protect important records per legal and contractual requirements; METI names threats and adds informing users', true),
  ('meti_cloud:11.1', 'asp_saas:III.1.1.9', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: standards and procedures for security monitoring, plus operating procedure manuals (METI names applications only)', true),
  ('meti_cloud:11.2', 'asp_saas:III.5.2.1', 'related', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'restates first two sentences (no unauthorised installs, virus check of admin terminals); omits the patching sentence', true),
  ('meti_cloud:11.3', 'asp_saas:III.1.1.1', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'restates: availability monitoring and prompt notice to users when a stoppage is detected', true),
  ('meti_cloud:11.3', 'asp_saas:III.1.1.2', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'restates: fault monitoring and prompt notice to users when a fault/anomaly is detected', true),
  ('meti_cloud:11.3', 'asp_saas:III.1.1.3', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'restates: performance monitoring and notice to users on anomaly (the asp item''s evaluation items); less explicit on reporting results', true),
  ('meti_cloud:11.3', 'asp_saas:III.1.1.4', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: evaluate and summarise monitoring results and report to the responsible manager', true),
  ('meti_cloud:11.3', 'asp_saas:III.3.2.5', 'related', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'general fault monitoring with report to manager; asp item is external-network fault monitoring with notice to manager', true),
  ('meti_cloud:11.4', 'asp_saas:III.1.1.8', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: follow-up report to users after the first notice of stoppage, fault or slowdown (METI names applications only)', true),
  ('meti_cloud:11.5', 'asp_saas:III.1.1.5', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: define and implement time synchronisation (METI names applications only)', true),
  ('meti_cloud:11.6', 'asp_saas:III.3.1.3', 'related', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'password management; asp item requires ID/password rules incl. expiry, METI requires interactive system and good passwords', true),
  ('meti_cloud:11.8', 'asp_saas:III.2.1.2', 'related', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'capacity management: METI monitors and forecasts resource use, asp item documents capacity requirements from forecast', true),
  ('meti_cloud:11.10', 'asp_saas:III.2.2.1', 'related', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'malware protection in general; asp item is virus countermeasures for platforms, servers and storage', true),
  ('meti_cloud:11.11', 'asp_saas:III.2.1.3', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same obligation (ISO event logging): collect and keep logs of user activity, exceptions and security events; METI adds review', true),
  ('meti_cloud:11.13', 'asp_saas:III.1.1.6', 'related', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'technical vulnerability management; asp item collects patch information and applies patches', true),
  ('meti_cloud:11.13', 'asp_saas:III.2.1.4', 'related', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'METI evaluates exposure to vulnerabilities; asp item requires periodic vulnerability assessment and fixes', true),
  ('meti_cloud:11.13', 'asp_saas:III.5.2.1', 'related', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'vulnerability information and countermeasures; asp item''s third sentence requires patching admin terminals', true),
  ('meti_cloud:12.1', 'asp_saas:III.2.2.1', 'related', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same wording (virus countermeasures) applied to applications; asp item covers platforms, servers and storage', true),
  ('meti_cloud:12.2', 'asp_saas:III.3.2.2', 'related', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'protect information over public networks from disclosure and modification; asp item requires encryption for this', true),
  ('meti_cloud:12.3', 'asp_saas:III.3.2.2', 'related', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'protect transactions from misrouting, alteration, disclosure; asp item requires encryption against the same threats', true),
  ('meti_cloud:12.5', 'asp_saas:III.2.3.1', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: regular backup of user data, application management information and system configuration', true),
  ('meti_cloud:13.1', 'asp_saas:III.2.2.1', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: virus countermeasures for platforms, servers and storage', true),
  ('meti_cloud:13.2', 'asp_saas:III.2.1.1', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: service hours, uptime within them, and scheduled maintenance windows', true),
  ('meti_cloud:13.3', 'asp_saas:III.2.1.2', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: document capacity requirements designed from forecast usage and keep it', true),
  ('meti_cloud:13.4', 'asp_saas:III.2.3.1', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: regular backup of server/storage management information and system configuration', true),
  ('meti_cloud:14.1', 'asp_saas:III.3.1.1', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: network diagram, access-control responsibility incl. user lines, access control policy and procedures (sheet garbles some words)', true),
  ('meti_cloud:14.2', 'asp_saas:III.3.1.2', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: restrict allocation and use of system and network administrator privileges', true),
  ('meti_cloud:14.3', 'asp_saas:III.3.1.4', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: measures against external and internal unauthorised access (firewall, reverse proxy)', true),
  ('meti_cloud:14.5', 'asp_saas:III.3.2.1', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: standards and procedures for information exchange over external networks', true),
  ('meti_cloud:14.6', 'asp_saas:III.3.2.2', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: encrypt communication over external networks', true),
  ('meti_cloud:14.7', 'asp_saas:III.3.2.3', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: server certificates against impersonation (phishing)', true),
  ('meti_cloud:15.4', 'asp_saas:III.4.4.1', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'same text: entry/exit records via personal authentication at key perimeters, kept for a suitable period', true),
  ('meti_cloud:15.4', 'asp_saas:III.4.4.3', 'equivalent', 'kansa, by reading the METI check sheet and the ASP・SaaS guideline side by side', 'METI adds the entry/exit procedure manual of III.4.4.3 to the same sentence', true);

-- Catalog tables are readable by everyone; changing them is for their owner.
GRANT USAGE ON SCHEMA kansa TO PUBLIC;
GRANT SELECT ON kansa.framework, kansa.control, kansa.quantity, kansa.reference_item,
	kansa.reference_value, kansa.service_type, kansa.control_link TO PUBLIC;

-----------------------------------------------------------------------------
-- Assessments: who assesses which vendor's service, and what the vendor said
-----------------------------------------------------------------------------

CREATE TABLE kansa.organization (
	id			bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name		text NOT NULL UNIQUE CHECK (name OPERATOR(pg_catalog.<>) ''),
	tenant_role	text UNIQUE,
	created_at	timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE kansa.organization IS 'The assessing organisations (the clients whose analysts send questionnaires); each is a tenant of the database, mapped to a role: the members of that role see the organisation''s rows and nothing of the others''. Created and mapped by a superuser.';
COMMENT ON COLUMN kansa.organization.id IS 'Surrogate key.';
COMMENT ON COLUMN kansa.organization.name IS 'Name of the organisation, unique.';
COMMENT ON COLUMN kansa.organization.tenant_role IS 'The role whose members act for the organisation (a NOLOGIN group role; grant it to the organisation''s login roles). NULL: no tenant role yet, so only superusers see its rows.';
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
COMMENT ON COLUMN kansa.service.service_type IS 'Its type as in kansa.service_type (the ASP・SaaS guideline''s figure 2), if known; saas_pattern_of() gives that type''s pattern.';
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
	total_ms	numeric,
	UNIQUE (id, organization_id)
);
CREATE INDEX import_batch_file_idx ON kansa.import_batch (organization_id, service_id, framework, sha256);
COMMENT ON TABLE kansa.import_batch IS 'One row per answer sheet file imported: what was read, how, and what became of its rows (rows_read = rows loaded + rejected + skipped).';
COMMENT ON COLUMN kansa.import_batch.id IS 'Surrogate key; import_sheet() returns it.';
COMMENT ON COLUMN kansa.import_batch.organization_id IS 'The organisation the sheet was imported for.';
COMMENT ON COLUMN kansa.import_batch.service_id IS 'The service the sheet answers for.';
COMMENT ON COLUMN kansa.import_batch.framework IS 'The framework the sheet answers.';
COMMENT ON COLUMN kansa.import_batch.assessment_id IS 'The assessment the batch created (its assessment.batch_id is this batch; not a foreign key, so that pg_dump output restores).';
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
	batch_id	bigint NOT NULL,
	file_name	text NOT NULL,
	sha256		bytea NOT NULL,
	received_at	date,
	imported_at	timestamptz NOT NULL DEFAULT pg_catalog.now(),
	imported_by	text NOT NULL DEFAULT CURRENT_USER,
	superseded_by bigint,
	CHECK (superseded_by OPERATOR(pg_catalog.<>) id),
	UNIQUE (id, organization_id),
	-- a tenant's rows point only at the same tenant's rows
	FOREIGN KEY (batch_id, organization_id) REFERENCES kansa.import_batch (id, organization_id),
	FOREIGN KEY (superseded_by, organization_id) REFERENCES kansa.assessment (id, organization_id)
		DEFERRABLE INITIALLY DEFERRED
);
CREATE UNIQUE INDEX assessment_current_idx ON kansa.assessment (organization_id, service_id, framework)
	WHERE superseded_by IS NULL;
CREATE INDEX assessment_service_idx ON kansa.assessment (service_id);
-- import_batch.assessment_id has no foreign key: with one, the two tables
-- would reference each other, and pg_restore, which loads one table at a
-- time in foreign-key order, could load neither.  assessment.batch_id is
-- the enforced link.
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
	assessment_id bigint NOT NULL,
	organization_id bigint NOT NULL,
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
	status		text NOT NULL GENERATED ALWAYS AS (kansa.status(verdict)) STORED,
	responsibility text GENERATED ALWAYS AS (kansa.responsibility(verdict)) STORED,
	score		numeric GENERATED ALWAYS AS (kansa.score(verdict)) STORED,
	boilerplate_only boolean NOT NULL
				GENERATED ALWAYS AS (COALESCE(clean_text OPERATOR(pg_catalog.<>) ''
								 AND specific_text OPERATOR(pg_catalog.=) '', false)) STORED,
	UNIQUE (assessment_id, control),
	UNIQUE (id, organization_id),
	FOREIGN KEY (assessment_id, organization_id)
		REFERENCES kansa.assessment (id, organization_id) ON DELETE CASCADE
);
COMMENT ON TABLE kansa.response IS 'A vendor''s answer to one control in one assessment, as read from the sheet, with its verdict.';
COMMENT ON COLUMN kansa.response.id IS 'Surrogate key; review() takes it.';
COMMENT ON COLUMN kansa.response.assessment_id IS 'The assessment (sheet) it belongs to.';
COMMENT ON COLUMN kansa.response.organization_id IS 'The assessment''s organisation (the tenant), kept with the row for row-level security.';
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
COMMENT ON COLUMN kansa.response.status IS 'status(verdict), kept with the row for the views: implemented, partial, planned, not_implemented, not_applicable, unclear or unanswered.';
COMMENT ON COLUMN kansa.response.responsibility IS 'responsibility(verdict), kept with the row for the views: provider, inherited, shared or customer; NULL for not_applicable and unanswered.';
COMMENT ON COLUMN kansa.response.score IS 'score(verdict), kept with the row for the views: implemented 1, partial 0.5, not_applicable NULL, others 0.';
COMMENT ON COLUMN kansa.response.boilerplate_only IS 'True when the answer has text but all of it is the sheet''s boilerplate (specific_text is empty): it says nothing specific to the control.';

CREATE TABLE kansa.response_evidence (
	response_id	bigint NOT NULL,
	position	integer NOT NULL,
	evidence	kansa.evidence NOT NULL,
	assessment_id bigint NOT NULL,
	organization_id bigint NOT NULL,
	PRIMARY KEY (response_id, position),
	FOREIGN KEY (response_id, organization_id)
		REFERENCES kansa.response (id, organization_id) ON DELETE CASCADE
);
CREATE INDEX response_evidence_evidence_idx ON kansa.response_evidence (evidence);
CREATE INDEX response_evidence_assessment_idx ON kansa.response_evidence (assessment_id, evidence);
COMMENT ON TABLE kansa.response_evidence IS 'The evidence a response cites (extract_evidence of its text), in order.';
COMMENT ON COLUMN kansa.response_evidence.response_id IS 'The response.';
COMMENT ON COLUMN kansa.response_evidence.position IS 'Order of the item in the text, from 1.';
COMMENT ON COLUMN kansa.response_evidence.evidence IS 'The evidence item.';
COMMENT ON COLUMN kansa.response_evidence.organization_id IS 'The response''s organisation (the tenant), for row-level security.';
COMMENT ON COLUMN kansa.response_evidence.assessment_id IS 'The response''s assessment, copied from it when the response is stored, so that one assessment''s evidence is found by index (the views'' evidence counts and expiry checks).';

CREATE TABLE kansa.response_measure (
	response_id	bigint NOT NULL,
	position	integer NOT NULL,
	quantity	text NOT NULL REFERENCES kansa.quantity (name),
	measure		kansa.measure NOT NULL,
	span		text,
	organization_id bigint NOT NULL,
	PRIMARY KEY (response_id, position),
	FOREIGN KEY (response_id, organization_id)
		REFERENCES kansa.response (id, organization_id) ON DELETE CASCADE
);
CREATE INDEX response_measure_quantity_idx ON kansa.response_measure (quantity);
COMMENT ON TABLE kansa.response_measure IS 'The figures a response states (extract_measures of its text), in order.';
COMMENT ON COLUMN kansa.response_measure.response_id IS 'The response.';
COMMENT ON COLUMN kansa.response_measure.position IS 'Order of the figure in the text, from 1.';
COMMENT ON COLUMN kansa.response_measure.quantity IS 'What the figure is about (kansa.quantity).';
COMMENT ON COLUMN kansa.response_measure.measure IS 'The figure as a measure.';
COMMENT ON COLUMN kansa.response_measure.span IS 'The words of the text it was read from.';
COMMENT ON COLUMN kansa.response_measure.organization_id IS 'The response''s organisation (the tenant), for row-level security.';

CREATE TABLE kansa.response_review (
	id			bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	response_id	bigint NOT NULL,
	organization_id bigint NOT NULL,
	reviewed_at	timestamptz NOT NULL DEFAULT pg_catalog.now(),
	reviewed_by	text NOT NULL DEFAULT CURRENT_USER,
	old_verdict	kansa.answer NOT NULL,
	old_source	text NOT NULL,
	new_verdict	kansa.answer NOT NULL,
	note		text,
	FOREIGN KEY (response_id, organization_id)
		REFERENCES kansa.response (id, organization_id) ON DELETE CASCADE
);
CREATE INDEX response_review_response_idx ON kansa.response_review (response_id);
COMMENT ON TABLE kansa.response_review IS 'Every analyst review of a verdict (review()): who, when, from what, to what, and why.';
COMMENT ON COLUMN kansa.response_review.id IS 'Surrogate key, in review order.';
COMMENT ON COLUMN kansa.response_review.response_id IS 'The response reviewed.';
COMMENT ON COLUMN kansa.response_review.organization_id IS 'The response''s organisation (the tenant), for row-level security.';
COMMENT ON COLUMN kansa.response_review.reviewed_at IS 'When.';
COMMENT ON COLUMN kansa.response_review.reviewed_by IS 'The database role that reviewed.';
COMMENT ON COLUMN kansa.response_review.old_verdict IS 'The verdict before the review.';
COMMENT ON COLUMN kansa.response_review.old_source IS 'Where that verdict came from (sheet, classifier, analyst).';
COMMENT ON COLUMN kansa.response_review.new_verdict IS 'The verdict the analyst set.';
COMMENT ON COLUMN kansa.response_review.note IS 'The analyst''s reason.';

CREATE TABLE kansa.import_reject (
	batch_id	bigint NOT NULL,
	organization_id bigint NOT NULL,
	sheet		text,
	row_number	integer NOT NULL,
	column_number integer,
	cell		text,
	raw_value	text,
	reason		text NOT NULL,
	sqlstate	text NOT NULL,
	message		text NOT NULL,
	PRIMARY KEY (batch_id, row_number),
	FOREIGN KEY (batch_id, organization_id)
		REFERENCES kansa.import_batch (id, organization_id) ON DELETE CASCADE
);
COMMENT ON TABLE kansa.import_reject IS 'Rows a quarantine-mode import could not load, each with why: nothing is dropped silently.';
COMMENT ON COLUMN kansa.import_reject.batch_id IS 'The import.';
COMMENT ON COLUMN kansa.import_reject.organization_id IS 'The import''s organisation (the tenant), for row-level security.';
COMMENT ON COLUMN kansa.import_reject.sheet IS 'Sheet name.';
COMMENT ON COLUMN kansa.import_reject.row_number IS 'Row of the sheet (from 1).';
COMMENT ON COLUMN kansa.import_reject.column_number IS 'Column of the offending cell (from 1).';
COMMENT ON COLUMN kansa.import_reject.cell IS 'The offending cell as a reference such as D12.';
COMMENT ON COLUMN kansa.import_reject.raw_value IS 'The offending cell''s value as read.';
COMMENT ON COLUMN kansa.import_reject.reason IS 'unknown control, no control id, or conflicting duplicate.';
COMMENT ON COLUMN kansa.import_reject.sqlstate IS 'SQLSTATE a strict import raises for it: 23503 unknown control, 23502 no control id, 23505 conflicting duplicate.';
COMMENT ON COLUMN kansa.import_reject.message IS 'The error message a strict import raises for it.';

CREATE TABLE kansa.service_dependency (
	service_id	bigint NOT NULL REFERENCES kansa.service (id) ON DELETE CASCADE,
	provider_service_id bigint NOT NULL REFERENCES kansa.service (id),
	note		text,
	PRIMARY KEY (service_id, provider_service_id),
	CHECK (service_id OPERATOR(pg_catalog.<>) provider_service_id)
);
CREATE INDEX service_dependency_provider_idx ON kansa.service_dependency (provider_service_id);
COMMENT ON TABLE kansa.service_dependency IS 'The services a service runs on (its cloud platform, data centre, building operator): where the safeguards it answers as inherited are really kept. An inherited answer is a gap (kind inherited) until the organisation has a current assessment of one of these providers.';
COMMENT ON COLUMN kansa.service_dependency.service_id IS 'The service assessed.';
COMMENT ON COLUMN kansa.service_dependency.provider_service_id IS 'A service it relies on (e.g. the IaaS it is hosted on), itself a kansa.service.';
COMMENT ON COLUMN kansa.service_dependency.note IS 'What it relies on the provider for.';

CREATE TABLE kansa.evidence_validity (
	organization_id bigint NOT NULL REFERENCES kansa.organization (id),
	evidence	kansa.evidence NOT NULL,
	valid_from	date,
	valid_until	date NOT NULL,
	note		text,
	recorded_at	timestamptz NOT NULL DEFAULT pg_catalog.now(),
	recorded_by	text NOT NULL DEFAULT CURRENT_USER,
	PRIMARY KEY (organization_id, evidence),
	CHECK (valid_from IS NULL OR valid_from OPERATOR(pg_catalog.<=) valid_until)
);
CREATE INDEX evidence_validity_evidence_idx ON kansa.evidence_validity (evidence);
COMMENT ON TABLE kansa.evidence_validity IS 'How long a certificate or report vendors cite stays valid, as an organisation''s analysts have checked it (e.g. cert:JQA-IM1944 valid until 2026-03-31). evidence_register shows it; a current answer citing evidence past valid_until is a gap (kind evidence_expired).';
COMMENT ON COLUMN kansa.evidence_validity.organization_id IS 'The organisation whose analysts recorded it.';
COMMENT ON COLUMN kansa.evidence_validity.evidence IS 'The evidence item as extract_evidence() gives it (kind:ref).';
COMMENT ON COLUMN kansa.evidence_validity.valid_from IS 'First day of validity (issue date), if known.';
COMMENT ON COLUMN kansa.evidence_validity.valid_until IS 'Last day of validity (certificate expiry, end of a report''s period plus the organisation''s tolerance).';
COMMENT ON COLUMN kansa.evidence_validity.note IS 'Where the analyst checked it.';
COMMENT ON COLUMN kansa.evidence_validity.recorded_at IS 'When the row was recorded.';
COMMENT ON COLUMN kansa.evidence_validity.recorded_by IS 'The database role that recorded it.';

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

-- The views join a dozen tables.  Planned on statistics that are missing
-- or stale (a table analysed at 300 rows that now holds 80,000), they can
-- take minutes where they need milliseconds: estimates of one row make
-- nested loops re-run whole subqueries per row.  A dashboard's query right
-- after a batch of imports would come before autovacuum's next round; so
-- an import ends by analysing the tables that autovacuum's own rule (50
-- rows plus a tenth of the table changed since the last ANALYZE, or never
-- analysed) says are due.  One import at a time does it (the others skip),
-- as the tables' owner, since importers may not ANALYZE.
CREATE FUNCTION kansa.analyze_stale_tables() RETURNS void
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	t regclass;
BEGIN
	IF NOT pg_catalog.pg_try_advisory_xact_lock(pg_catalog.hashtextextended('kansa.analyze_stale_tables', 0)) THEN
		RETURN;
	END IF;
	FOR t IN SELECT c.oid::regclass FROM pg_catalog.pg_class AS c
			   JOIN pg_catalog.pg_stat_all_tables AS st ON st.relid OPERATOR(pg_catalog.=) c.oid
			  WHERE c.relnamespace OPERATOR(pg_catalog.=) 'kansa'::regnamespace
				AND c.relkind OPERATOR(pg_catalog.=) 'r'
				AND (c.reltuples OPERATOR(pg_catalog.<) 0
					 OR st.n_mod_since_analyze OPERATOR(pg_catalog.>)
						(50 OPERATOR(pg_catalog.+) (0.1 OPERATOR(pg_catalog.*) c.reltuples)))
			  ORDER BY c.relname
	LOOP
		EXECUTE pg_catalog.format('ANALYZE %s', t);
	END LOOP;
END;
$$;
COMMENT ON FUNCTION kansa.analyze_stale_tables() IS 'Analyses those of kansa''s tables that have never been analysed or have changed by more than 50 rows plus a tenth since (autovacuum''s rule). import_sheet() calls it, so that the views are not planned on missing or stale statistics right after imports. Runs as the extension''s owner; one session at a time, the others skip.';

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
	IF pg_catalog.jsonb_typeof(options) <> 'object' THEN
		RAISE EXCEPTION 'options must be a JSON object' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	FOR v_key IN SELECT k FROM pg_catalog.jsonb_object_keys(options) AS k LOOP
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

	-- The organisation: row-level security shows only those whose tenant
	-- role the caller is a member of, so another tenant's organisation
	-- "does not exist" here, exactly as one that was never created.  Only a
	-- superuser (who may map organisations to roles) creates one on first
	-- sight; its tenant_role is left for the superuser to set.
	SELECT o.id INTO v_org FROM kansa.organization AS o WHERE o.name = organization;
	IF NOT FOUND THEN
		IF NOT pg_catalog.has_table_privilege('kansa.organization', 'INSERT') THEN
			RAISE EXCEPTION 'organization "%" does not exist', organization
				USING ERRCODE = 'undefined_object',
					  HINT = 'A superuser creates an organisation and maps it to the role whose members act for it (kansa.organization.tenant_role); you must be a member of that role.';
		END IF;
		INSERT INTO kansa.organization (name) VALUES (organization) ON CONFLICT (name) DO NOTHING;
		SELECT o.id INTO STRICT v_org FROM kansa.organization AS o WHERE o.name = organization;
	END IF;
	INSERT INTO kansa.vendor (name) VALUES (vendor) ON CONFLICT (name) DO NOTHING;
	SELECT v.id INTO STRICT v_vendor FROM kansa.vendor AS v WHERE v.name = vendor;
	INSERT INTO kansa.service (vendor_id, name) VALUES (v_vendor, service)
		ON CONFLICT (vendor_id, name) DO NOTHING;
	SELECT s.id INTO STRICT v_service FROM kansa.service AS s
	 WHERE s.vendor_id = v_vendor AND s.name = service;
	-- One import at a time per organisation, service and framework, so the
	-- same file twice loads once and supersession sees the current
	-- assessment.  An advisory lock, because importers may not lock the
	-- shared service row (FOR UPDATE needs UPDATE on it).
	PERFORM pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended(
		pg_catalog.concat_ws(':', 'kansa.import_sheet', v_org, v_service, framework), 0));

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
	SELECT l.reason::jsonb INTO v_layout FROM pg_catalog.unnest(v_lines) AS l WHERE l.kind = 'layout';
	format := v_layout->>'format';
	sheet := v_layout->>'sheet';

	IF v_mode = 'strict' THEN
		SELECT l.* INTO v_bad FROM pg_catalog.unnest(v_lines) AS l WHERE l.kind = 'rejected'
		 ORDER BY l.row_number LIMIT 1;
		IF FOUND THEN
			RAISE EXCEPTION '%: sheet "%", row %, cell %: %', file_name, v_bad.sheet,
				v_bad.row_number,
				COALESCE(kansa.column_name(v_bad.column_number) || v_bad.row_number, '?'),
				v_bad.reason
				USING ERRCODE = v_bad.sqlstate,
					  DETAIL = pg_catalog.format('%s rows of the file are rejected; nothing was loaded.',
									  (SELECT pg_catalog.count(*) FROM pg_catalog.unnest(v_lines) AS l
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
	v_boiler := kansa.boilerplate(ARRAY(SELECT DISTINCT l.answer FROM pg_catalog.unnest(v_lines) AS l
										 WHERE l.kind = 'response' AND l.answer IS NOT NULL));

	WITH lines AS (
		SELECT l.*, kansa.classify_explain(l.answer, v_boiler) AS ce
		  FROM pg_catalog.unnest(v_lines) AS l
		 WHERE l.kind = 'response'
	), judged AS (
		SELECT l.*, CASE WHEN l.mark IS NOT NULL
						 THEN kansa.sheet_verdict(l.mark, l.ownership, (l.ce).verdict) END AS sv
		  FROM lines AS l
	), ins AS (
		INSERT INTO kansa.response (assessment_id, organization_id, control, sheet, row_number,
									cell, via, raw_text, clean_text, specific_text, mark,
									ownership, sheet_verdict, classified, verdict,
									verdict_source, confidence, rule)
		SELECT import_sheet.assessment_id, v_org,
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
		INSERT INTO kansa.response_evidence (response_id, position, evidence, assessment_id,
											 organization_id)
		SELECT i.id, e.n, e.evidence, import_sheet.assessment_id, v_org
		  FROM ins AS i,
			   LATERAL kansa.extract_evidence(i.clean_text) WITH ORDINALITY AS e (evidence, n)
		 WHERE i.clean_text IS NOT NULL
	), ms AS (
		INSERT INTO kansa.response_measure (response_id, position, quantity, measure, span,
											organization_id)
		SELECT i.id, m.n, m.quantity, m.measure, m.span, v_org
		  FROM ins AS i,
			   LATERAL kansa.extract_measures(i.clean_text) WITH ORDINALITY
					AS m (quantity, measure, span, n)
		 WHERE i.clean_text IS NOT NULL
	)
	SELECT pg_catalog.count(*)::integer INTO responses FROM ins;

	INSERT INTO kansa.import_reject (batch_id, organization_id, sheet, row_number,
									 column_number, cell, raw_value, reason, sqlstate,
									 message)
	SELECT import_sheet.batch_id, v_org, l.sheet, l.row_number, l.column_number,
		   kansa.column_name(l.column_number) || l.row_number, l.cell,
		   CASE l.sqlstate WHEN '23503' THEN 'unknown control'
						   WHEN '23502' THEN 'no control id'
						   ELSE 'conflicting duplicate' END,
		   l.sqlstate, l.reason
	  FROM pg_catalog.unnest(v_lines) AS l
	 WHERE l.kind = 'rejected';

	SELECT pg_catalog.count(DISTINCT l.row_number) FILTER (WHERE l.kind <> 'layout')::integer,
		   pg_catalog.count(*) FILTER (WHERE l.kind = 'rejected')::integer,
		   pg_catalog.count(*) FILTER (WHERE l.kind = 'skipped')::integer,
		   pg_catalog.count(*) FILTER (WHERE l.kind = 'rejected' AND l.sqlstate = '23503')::integer
	  INTO rows_read, rejected, skipped, unknown_controls
	  FROM pg_catalog.unnest(v_lines) AS l;
	SELECT COALESCE(pg_catalog.jsonb_object_agg(r.reason, r.n), '{}') INTO v_skipped
	  FROM (SELECT l.reason, pg_catalog.count(*) AS n FROM pg_catalog.unnest(v_lines) AS l
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

	PERFORM kansa.analyze_stale_tables();
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
	INSERT INTO kansa.response_review (response_id, organization_id, old_verdict, old_source,
									   new_verdict, note)
	VALUES (r.id, r.organization_id, r.verdict, r.verdict_source, verdict, note);
	UPDATE kansa.response AS x
	   SET verdict = review.verdict, verdict_source = 'analyst', confidence = 1,
		   rule = 'analyst', reviewed_at = pg_catalog.now(), reviewed_by = CURRENT_USER
	 WHERE x.id = r.id
	RETURNING * INTO r;
	RETURN r;
END;
$$;
COMMENT ON FUNCTION kansa.review(bigint, kansa.answer, text) IS 'An analyst''s verdict on a response: recorded in response_review (who, when, from what, to what, note) and made the response''s verdict (source analyst).';

-- The history of verdicts is the audit trail: a verdict changes only
-- through review(), which records who, when, from what and why.  Reviewers
-- hold UPDATE on the verdict columns (review() runs with their rights, so
-- that row-level security and reviewed_by are theirs); this trigger refuses
-- an UPDATE of a verdict that review() has not recorded.
CREATE FUNCTION kansa.response_verdict_guard() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	-- (IS DISTINCT FROM would look for = on the search_path; verdict is NOT NULL)
	IF NEW.verdict OPERATOR(kansa.<>) OLD.verdict THEN
		PERFORM FROM kansa.response_review AS rr
		 WHERE rr.response_id OPERATOR(pg_catalog.=) NEW.id
		   AND rr.reviewed_at OPERATOR(pg_catalog.=) pg_catalog.now()
		   AND rr.new_verdict OPERATOR(kansa.=) NEW.verdict;
		IF NOT FOUND THEN
			RAISE EXCEPTION 'the verdict of response % can only be changed by kansa.review()', OLD.id
				USING ERRCODE = 'object_not_in_prerequisite_state',
					  HINT = 'Call kansa.review(response_id, verdict, note): it records who changed the verdict, when, from what and why.';
		END IF;
	END IF;
	RETURN NEW;
END;
$$;
COMMENT ON FUNCTION kansa.response_verdict_guard() IS 'Trigger function: refuses a change of response.verdict that review() has not recorded in response_review in the same transaction.';
CREATE TRIGGER response_verdict_guard BEFORE UPDATE OF verdict ON kansa.response
	FOR EACH ROW EXECUTE FUNCTION kansa.response_verdict_guard();
COMMENT ON TRIGGER response_verdict_guard ON kansa.response IS 'Verdicts change only through review() (response_verdict_guard()).';

-----------------------------------------------------------------------------
-- Compliance gaps: what analysts query and BI dashboards read.  Every column
-- is text, integer, numeric, boolean, date or timestamptz.
-----------------------------------------------------------------------------

CREATE FUNCTION kansa.gap_kind(status text, level text, below_reference boolean,
							   below_must_achieve boolean, expired_evidence integer,
							   inherited_unassessed boolean) RETURNS text
	AS 'MODULE_PATHNAME', 'kansa_gap_kind' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION kansa.gap_kind(text, text, boolean, boolean, integer, boolean) IS 'The gap an answer leaves, or NULL when clean: of the kinds that hold (its status unless implemented or not_applicable, below_reference, evidence_expired, inherited), the most severe; ties go to the status, then below_reference, evidence_expired, inherited. A NULL status is unanswered; a NULL level counts as basic.';
CREATE FUNCTION kansa.gap_kinds(status text, level text, below_reference boolean,
								below_must_achieve boolean, expired_evidence integer,
								inherited_unassessed boolean) RETURNS text
	AS 'MODULE_PATHNAME', 'kansa_gap_kinds' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION kansa.gap_kinds(text, text, boolean, boolean, integer, boolean) IS 'Every gap kind that holds, comma-separated in gap_kind()''s tie-break order (e.g. partial, inherited); NULL when the answer is clean. Takes gap_kind()''s arguments.';
CREATE FUNCTION kansa.gap_severity(gap_kind text, level text, below_must_achieve boolean DEFAULT false)
	RETURNS text
	AS 'MODULE_PATHNAME', 'kansa_gap_severity' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION kansa.gap_severity(text, text, boolean) IS 'high: unanswered or not_implemented on a basic control (or one of a framework without levels), below_reference on a * value; medium: those on a recommended control, planned/partial/unclear on a basic one, below_reference otherwise, evidence_expired; low: planned/partial/unclear on a recommended control, inherited. NULL for no gap.';

CREATE VIEW kansa.reference_check AS
SELECT DISTINCT ON (ap.assessment_id, ap.item_id)
	   ap.assessment_id, ap.organization, ap.vendor, ap.service, ap.pattern, ap.framework,
	   ap.reference_control::text AS reference_control, ap.letter, ap.item_title, ap.quantity,
	   ap.raw AS required_value, ap.required::text AS required_measure, ap.direction,
	   ap.must_achieve, r.control::text AS control, lk.link,
	   m.measure::text AS stated_measure, m.span AS stated_span,
	   kansa.satisfies(m.measure, ap.required, ap.direction) AS satisfied,
	   CASE WHEN r.id IS NULL
			THEN 'No answer to ' || kansa.local_id(lk.via_control) || '.'
			WHEN m.measure IS NULL
			THEN 'The answer to ' || kansa.local_id(lk.via_control) || ' states no figure for '
				 || ap.quantity || '.'
			ELSE kansa.satisfies_explain(m.measure, ap.required, ap.direction) END AS explanation,
	   r.clean_text AS answer_text, r.id AS response_id
  FROM (SELECT a.id AS assessment_id, o.name AS organization, v.name AS vendor,
			   s.name AS service, s.pattern, a.framework, ri.id AS item_id,
			   ri.control AS reference_control, ri.letter, ri.title AS item_title, ri.quantity,
			   ri.direction, rv.raw, rv.measure AS required, rv.must_achieve
		  FROM kansa.assessment AS a
		  JOIN kansa.service AS s ON s.id = a.service_id
		  JOIN kansa.vendor AS v ON v.id = s.vendor_id
		  JOIN kansa.organization AS o ON o.id = a.organization_id
		  JOIN kansa.reference_value AS rv ON rv.pattern = s.pattern
		  JOIN kansa.reference_item AS ri ON ri.id = rv.item
		 WHERE a.superseded_by IS NULL AND kansa.kind(rv.measure) <> 'none') AS ap
  JOIN (SELECT ri.id AS item_id, ri.control AS via_control, 'direct' AS link
		  FROM kansa.reference_item AS ri
		UNION ALL
		SELECT ri.id, l.from_control, 'equivalent'
		  FROM kansa.reference_item AS ri
		  JOIN kansa.control_link AS l ON l.to_control = ri.control
		 WHERE l.relation = 'equivalent') AS lk
	ON lk.item_id = ap.item_id AND kansa.framework(lk.via_control) = ap.framework
  LEFT JOIN kansa.response AS r
	ON r.assessment_id = ap.assessment_id AND r.control = lk.via_control
  LEFT JOIN kansa.response_measure AS m
	ON m.response_id = r.id AND m.quantity = ap.quantity
 ORDER BY ap.assessment_id, ap.item_id,
		  CASE kansa.satisfies(m.measure, ap.required, ap.direction)
			  WHEN true THEN 0 WHEN false THEN 2
			  ELSE CASE WHEN m.measure IS NOT NULL THEN 1 WHEN r.id IS NOT NULL THEN 3 ELSE 4 END
		  END,
		  lk.link, lk.via_control, m.position;
COMMENT ON VIEW kansa.reference_check IS 'For every current assessment of a service whose pattern is known, every evaluation item whose reference value applies to that pattern (values "-" set nothing) and that the assessment''s framework answers, directly (asp_saas) or through an equivalent control_link (meti_cloud): the value required, the vendor''s best stated figure for the item''s quantity, and whether it satisfies it. Frameworks with no link to asp_saas have no rows.';
COMMENT ON COLUMN kansa.reference_check.assessment_id IS 'The assessment (kansa.assessment.id).';
COMMENT ON COLUMN kansa.reference_check.organization IS 'The assessing organisation.';
COMMENT ON COLUMN kansa.reference_check.vendor IS 'The vendor.';
COMMENT ON COLUMN kansa.reference_check.service IS 'The service assessed.';
COMMENT ON COLUMN kansa.reference_check.pattern IS 'The service''s ASP・SaaS pattern (1-6), which selects the reference values.';
COMMENT ON COLUMN kansa.reference_check.framework IS 'The framework the vendor answered.';
COMMENT ON COLUMN kansa.reference_check.reference_control IS 'The asp_saas item that sets the reference value, e.g. asp_saas:III.2.3.1.';
COMMENT ON COLUMN kansa.reference_check.letter IS 'The evaluation item''s letter under that item (a, b, c).';
COMMENT ON COLUMN kansa.reference_check.item_title IS 'What is evaluated, as published (e.g. バックアップ実施インターバル).';
COMMENT ON COLUMN kansa.reference_check.quantity IS 'The quantity the item measures (kansa.quantity), matched against the vendor''s figures.';
COMMENT ON COLUMN kansa.reference_check.required_value IS 'The reference value for the pattern exactly as published (a trailing * means it must be achieved).';
COMMENT ON COLUMN kansa.reference_check.required_measure IS 'The reference value as a measure in canonical text (e.g. >=1/1d).';
COMMENT ON COLUMN kansa.reference_check.direction IS 'min (more or more often is better), max (less or sooner is better), or NULL (categorical).';
COMMENT ON COLUMN kansa.reference_check.must_achieve IS 'True when the published value carries * (特に達成することが必要).';
COMMENT ON COLUMN kansa.reference_check.control IS 'The answered control whose answer was judged (e.g. meti_cloud:4.3); NULL when the vendor answered none of the controls that restate the item.';
COMMENT ON COLUMN kansa.reference_check.link IS 'direct (the item itself was answered) or equivalent (answered through a control_link).';
COMMENT ON COLUMN kansa.reference_check.stated_measure IS 'The vendor''s figure judged, in canonical text: the one that satisfies the value if any does, else one left open, else one that falls short; NULL when no figure for the quantity is stated.';
COMMENT ON COLUMN kansa.reference_check.stated_span IS 'The words of the answer that state that figure.';
COMMENT ON COLUMN kansa.reference_check.satisfied IS 'satisfies(stated, required, direction): true, false, or NULL when nothing comparable is stated.';
COMMENT ON COLUMN kansa.reference_check.explanation IS 'Why: satisfies_explain() of the figure, or which answer states no figure.';
COMMENT ON COLUMN kansa.reference_check.answer_text IS 'The whole answer judged (clean_text).';
COMMENT ON COLUMN kansa.reference_check.response_id IS 'The response judged (kansa.response.id), for review().';

CREATE VIEW kansa.control_section AS
SELECT t.framework, t.id::text AS control, kansa.local_id(t.id) AS local_id, t.title, t.level,
	   t.position, t.section, st.title AS section_title, st.position AS section_position
  FROM kansa.control AS t
  LEFT JOIN kansa.control AS st ON st.id = kansa.control_id(t.framework, t.section)
 WHERE t.kind = 'control';

-- The gap rules are gap_kind() and gap_severity(): response_gap applies them
-- to every answer; assessment_control and section_coverage add the controls
-- a sheet does not answer at all (gap_kind unanswered).
CREATE VIEW kansa.response_gap AS
SELECT k.*,
	   kansa.gap_kind(k.status, k.level, k.below_reference, k.below_must_achieve,
					  k.expired_evidence, k.inherited_unassessed) AS gap_kind,
	   kansa.gap_kinds(k.status, k.level, k.below_reference, k.below_must_achieve,
					   k.expired_evidence, k.inherited_unassessed) AS gap_kinds,
	   kansa.gap_severity(kansa.gap_kind(k.status, k.level, k.below_reference,
										 k.below_must_achieve, k.expired_evidence,
										 k.inherited_unassessed),
						  k.level, k.below_must_achieve) AS severity
  FROM (SELECT r.id AS response_id, r.assessment_id, t.framework, t.id::text AS control,
			   t.section, t.level, r.status, r.responsibility,
			   r.verdict::text AS verdict, r.verdict_source, r.score, r.boilerplate_only,
			   COALESCE(x.expired, 0) AS expired_evidence,
			   rc.assessment_id IS NOT NULL AS below_reference,
			   COALESCE(rc.below_must_achieve, false) AS below_must_achieve,
			   (r.responsibility IS NOT DISTINCT FROM 'inherited' AND pf.service_id IS NULL)
				   AS inherited_unassessed,
			   r.clean_text AS answer_text
		  FROM kansa.response AS r
		  JOIN kansa.assessment AS a ON a.id = r.assessment_id
		  JOIN kansa.control AS t ON t.id = r.control
		  LEFT JOIN (SELECT re.assessment_id, re.response_id, pg_catalog.count(*)::integer AS expired
					   FROM kansa.evidence_validity AS ev
					   JOIN kansa.response_evidence AS re ON re.evidence = ev.evidence
					   JOIN kansa.assessment AS a2
						 ON a2.id = re.assessment_id AND a2.organization_id = ev.organization_id
					  WHERE ev.valid_until < CURRENT_DATE
					  GROUP BY re.assessment_id, re.response_id) AS x
			ON x.assessment_id = r.assessment_id AND x.response_id = r.id
		  LEFT JOIN (SELECT q.assessment_id, q.control,
							pg_catalog.bool_or(q.must_achieve) AS below_must_achieve
					   FROM kansa.reference_check AS q
					  WHERE NOT q.satisfied
					  GROUP BY q.assessment_id, q.control) AS rc
			ON rc.assessment_id = r.assessment_id AND rc.control = r.control::text
		  LEFT JOIN (SELECT DISTINCT d.service_id, pa.organization_id
					   FROM kansa.service_dependency AS d
					   JOIN kansa.assessment AS pa ON pa.service_id = d.provider_service_id
					  WHERE pa.superseded_by IS NULL) AS pf
			ON pf.service_id = a.service_id AND pf.organization_id = a.organization_id
		 WHERE a.superseded_by IS NULL) AS k;

CREATE VIEW kansa.assessment_control AS
SELECT a.id AS assessment_id, o.name AS organization, v.name AS vendor, s.name AS service,
	   s.pattern, a.framework, c.control, c.local_id, c.section, c.section_title,
	   c.section_position, c.title, c.level, c.position, g.response_id,
	   COALESCE(g.status, 'unanswered') AS status, g.responsibility, g.verdict, g.verdict_source,
	   COALESCE(g.score, CASE WHEN g.response_id IS NULL THEN 0 END) AS score,
	   COALESCE(g.boilerplate_only, false) AS boilerplate_only,
	   COALESCE(g.expired_evidence, 0) AS expired_evidence,
	   COALESCE(g.below_reference, false) AS below_reference,
	   COALESCE(g.below_must_achieve, false) AS below_must_achieve,
	   COALESCE(g.inherited_unassessed, false) AS inherited_unassessed,
	   g.answer_text, a.file_name, a.received_at, a.imported_at,
	   CASE WHEN g.response_id IS NULL THEN 'unanswered' ELSE g.gap_kind END AS gap_kind,
	   CASE WHEN g.response_id IS NULL THEN 'unanswered' ELSE g.gap_kinds END AS gap_kinds,
	   CASE WHEN g.response_id IS NULL THEN kansa.gap_severity('unanswered', c.level)
			ELSE g.severity END AS severity
  FROM kansa.assessment AS a
  JOIN kansa.service AS s ON s.id = a.service_id
  JOIN kansa.vendor AS v ON v.id = s.vendor_id
  JOIN kansa.organization AS o ON o.id = a.organization_id
  JOIN kansa.control_section AS c ON c.framework = a.framework
  LEFT JOIN kansa.response_gap AS g ON g.assessment_id = a.id AND g.control = c.control
 WHERE a.superseded_by IS NULL;

CREATE VIEW kansa.gaps AS
SELECT ac.organization, ac.vendor, ac.service, ac.pattern, ac.framework, ac.control,
	   ac.section, ac.section_title, ac.title, ac.level, ac.status, ac.responsibility,
	   ac.gap_kind, ac.gap_kinds, ac.severity,
	   CASE ac.severity WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END AS severity_rank,
	   CASE WHEN pg_catalog.length(ac.answer_text) > 80 THEN pg_catalog.left(ac.answer_text, 79) || '…'
			ELSE ac.answer_text END AS answer_excerpt,
	   (SELECT pg_catalog.count(*)::integer FROM kansa.response_evidence AS re
		 WHERE re.response_id = ac.response_id) AS evidence_count,
	   ac.assessment_id, ac.response_id, ac.position
  FROM kansa.assessment_control AS ac
 WHERE ac.gap_kind IS NOT NULL;

CREATE VIEW kansa.section_coverage AS
SELECT a.id AS assessment_id, o.name AS organization, v.name AS vendor, s.name AS service,
	   s.pattern, a.framework, cs.section, cs.section_title, cs.section_position,
	   cs.controls AS controls_in_scope,
	   COALESCE(n.answered, 0) AS answered,
	   COALESCE(n.implemented, 0) AS implemented,
	   COALESCE(n.partial, 0) AS partial,
	   COALESCE(n.planned, 0) AS planned,
	   COALESCE(n.not_implemented, 0) AS not_implemented,
	   COALESCE(n.not_applicable, 0) AS not_applicable,
	   COALESCE(n.unclear, 0) AS unclear,
	   cs.controls - COALESCE(n.answered, 0) AS unanswered,
	   cs.controls - COALESCE(n.not_applicable, 0) AS applicable,
	   COALESCE(n.score_points, 0) AS score_points,
	   pg_catalog.round(100.0 * COALESCE(n.answered, 0) / cs.controls, 1) AS coverage_pct,
	   pg_catalog.round(100.0 * COALESCE(n.score_points, 0)
			 / NULLIF(cs.controls - COALESCE(n.not_applicable, 0), 0), 1) AS score_pct,
	   -- the controls with no response at all are unanswered gaps
	   COALESCE(n.gaps_high, 0) + cs.unanswered_high - COALESCE(n.unanswered_high, 0) AS gaps_high,
	   COALESCE(n.gaps_medium, 0) + cs.unanswered_medium - COALESCE(n.unanswered_medium, 0)
		   AS gaps_medium,
	   COALESCE(n.gaps_low, 0) AS gaps_low,
	   COALESCE(n.boilerplate_only, 0) AS boilerplate_only
  FROM kansa.assessment AS a
  JOIN kansa.service AS s ON s.id = a.service_id
  JOIN kansa.vendor AS v ON v.id = s.vendor_id
  JOIN kansa.organization AS o ON o.id = a.organization_id
  JOIN (SELECT c.framework, c.section, c.section_title, c.section_position,
			   pg_catalog.count(*)::integer AS controls,
			   pg_catalog.count(*) FILTER (WHERE kansa.gap_severity('unanswered', c.level) = 'high')::integer
				   AS unanswered_high,
			   pg_catalog.count(*) FILTER (WHERE kansa.gap_severity('unanswered', c.level) = 'medium')::integer
				   AS unanswered_medium
		  FROM kansa.control_section AS c
		 GROUP BY c.framework, c.section, c.section_title, c.section_position) AS cs
	ON cs.framework = a.framework
  -- answers counted per kind of row first (few groups), then pivoted
  LEFT JOIN (SELECT g.assessment_id, g.section,
					pg_catalog.sum(g.n) FILTER (WHERE g.status <> 'unanswered')::integer AS answered,
					pg_catalog.sum(g.n) FILTER (WHERE g.status = 'implemented')::integer AS implemented,
					pg_catalog.sum(g.n) FILTER (WHERE g.status = 'partial')::integer AS partial,
					pg_catalog.sum(g.n) FILTER (WHERE g.status = 'planned')::integer AS planned,
					pg_catalog.sum(g.n) FILTER (WHERE g.status = 'not_implemented')::integer AS not_implemented,
					pg_catalog.sum(g.n) FILTER (WHERE g.status = 'not_applicable')::integer AS not_applicable,
					pg_catalog.sum(g.n) FILTER (WHERE g.status = 'unclear')::integer AS unclear,
					COALESCE(pg_catalog.sum(g.points), 0) AS score_points,
					pg_catalog.sum(g.n) FILTER (WHERE g.severity = 'high')::integer AS gaps_high,
					pg_catalog.sum(g.n) FILTER (WHERE g.severity = 'medium')::integer AS gaps_medium,
					pg_catalog.sum(g.n) FILTER (WHERE g.severity = 'low')::integer AS gaps_low,
					pg_catalog.sum(g.n) FILTER (WHERE g.boilerplate_only)::integer AS boilerplate_only,
					pg_catalog.sum(g.n) FILTER (WHERE kansa.gap_severity('unanswered', g.level) = 'high')::integer
						AS unanswered_high,
					pg_catalog.sum(g.n) FILTER (WHERE kansa.gap_severity('unanswered', g.level) = 'medium')::integer
						AS unanswered_medium
			   FROM (SELECT rg.assessment_id, rg.section, rg.level, rg.status, rg.severity,
							rg.boilerplate_only, pg_catalog.count(*) AS n, pg_catalog.sum(rg.score) AS points
					   FROM kansa.response_gap AS rg
					  GROUP BY rg.assessment_id, rg.section, rg.level, rg.status, rg.severity,
							   rg.boilerplate_only) AS g
			  GROUP BY g.assessment_id, g.section) AS n
	ON n.assessment_id = a.id AND COALESCE(n.section, '') = COALESCE(cs.section, '')
 WHERE a.superseded_by IS NULL;

CREATE VIEW kansa.assessment_summary AS
SELECT sc.assessment_id, sc.organization, sc.vendor, sc.service, sc.pattern, sc.framework,
	   pg_catalog.sum(sc.controls_in_scope)::integer AS controls_in_scope,
	   pg_catalog.sum(sc.answered)::integer AS answered,
	   pg_catalog.sum(sc.implemented)::integer AS implemented,
	   pg_catalog.sum(sc.partial)::integer AS partial,
	   pg_catalog.sum(sc.planned)::integer AS planned,
	   pg_catalog.sum(sc.not_implemented)::integer AS not_implemented,
	   pg_catalog.sum(sc.not_applicable)::integer AS not_applicable,
	   pg_catalog.sum(sc.unclear)::integer AS unclear,
	   pg_catalog.sum(sc.unanswered)::integer AS unanswered,
	   pg_catalog.round(100.0 * pg_catalog.sum(sc.answered) / pg_catalog.sum(sc.controls_in_scope), 1) AS coverage_pct,
	   pg_catalog.round(100.0 * pg_catalog.sum(sc.score_points) / NULLIF(pg_catalog.sum(sc.applicable), 0), 1) AS score_pct,
	   pg_catalog.sum(sc.gaps_high)::integer AS gaps_high,
	   pg_catalog.sum(sc.gaps_medium)::integer AS gaps_medium,
	   pg_catalog.sum(sc.gaps_low)::integer AS gaps_low,
	   pg_catalog.sum(sc.boilerplate_only)::integer AS boilerplate_only,
	   pg_catalog.round(100.0 * pg_catalog.sum(sc.boilerplate_only) / NULLIF(pg_catalog.sum(sc.answered), 0), 1)
		   AS boilerplate_only_pct,
	   COALESCE(pg_catalog.max(ei.items), 0) AS evidence_items,
	   a.file_name, a.received_at, a.imported_at
  FROM kansa.section_coverage AS sc
  JOIN kansa.assessment AS a ON a.id = sc.assessment_id
  LEFT JOIN (SELECT d.assessment_id, pg_catalog.count(*)::integer AS items
			   FROM (SELECT DISTINCT re.assessment_id, re.evidence
					   FROM kansa.response_evidence AS re) AS d
			  GROUP BY d.assessment_id) AS ei ON ei.assessment_id = sc.assessment_id
 GROUP BY sc.assessment_id, sc.organization, sc.vendor, sc.service, sc.pattern, sc.framework,
		  a.id;

CREATE VIEW kansa.evidence_register AS
SELECT o.name AS organization, v.name AS vendor, kansa.kind(re.evidence) AS evidence_kind,
	   kansa.ref(re.evidence) AS evidence_ref, re.evidence::text AS evidence,
	   pg_catalog.count(DISTINCT r.control) FILTER (WHERE a.superseded_by IS NULL)::integer
		   AS controls_citing,
	   pg_catalog.array_to_string((pg_catalog.array_agg(DISTINCT r.control)
						FILTER (WHERE a.superseded_by IS NULL))::text[], ', ') AS controls,
	   pg_catalog.count(DISTINCT a.id)::integer AS assessments,
	   pg_catalog.min(COALESCE(a.received_at, a.imported_at::date)) AS first_seen,
	   pg_catalog.max(COALESCE(a.received_at, a.imported_at::date)) AS last_seen,
	   ev.valid_from, ev.valid_until, ev.valid_until < CURRENT_DATE AS expired,
	   pg_catalog.bool_or(a.superseded_by IS NULL) AS cited_now
  FROM kansa.response_evidence AS re
  JOIN kansa.response AS r ON r.id = re.response_id
  JOIN kansa.assessment AS a ON a.id = r.assessment_id
  JOIN kansa.organization AS o ON o.id = a.organization_id
  JOIN kansa.service AS s ON s.id = a.service_id
  JOIN kansa.vendor AS v ON v.id = s.vendor_id
  LEFT JOIN kansa.evidence_validity AS ev
	ON ev.organization_id = a.organization_id AND ev.evidence = re.evidence
 GROUP BY o.name, v.name, re.evidence, ev.valid_from, ev.valid_until;

COMMENT ON VIEW kansa.control_section IS 'Every control of every framework with the section it is reported under (the ancestor at the framework''s section_depth: fisc8 設/運/技, asp_saas II.1 … III.5): the control dimension of dashboards.';
COMMENT ON COLUMN kansa.control_section.framework IS 'The framework code.';
COMMENT ON COLUMN kansa.control_section.control IS 'The control, e.g. fisc8:設1.';
COMMENT ON COLUMN kansa.control_section.local_id IS 'Its id within the framework, e.g. 設1.';
COMMENT ON COLUMN kansa.control_section.title IS 'Title of the control.';
COMMENT ON COLUMN kansa.control_section.level IS 'basic, recommended, or NULL where the framework has no levels.';
COMMENT ON COLUMN kansa.control_section.position IS 'Document position, for ordering.';
COMMENT ON COLUMN kansa.control_section.section IS 'Local id of its section, e.g. 設 or III.2; NULL outside any section.';
COMMENT ON COLUMN kansa.control_section.section_title IS 'Title of the section.';
COMMENT ON COLUMN kansa.control_section.section_position IS 'Document position of the section, for ordering.';

COMMENT ON VIEW kansa.response_gap IS 'Every answer of every current assessment with its status and, when it is not clean, its gap kind and severity (the rules of assessment_control.severity, applied here once).';
COMMENT ON COLUMN kansa.response_gap.response_id IS 'The response (kansa.response.id), for review().';
COMMENT ON COLUMN kansa.response_gap.assessment_id IS 'The assessment (kansa.assessment.id).';
COMMENT ON COLUMN kansa.response_gap.framework IS 'The framework answered.';
COMMENT ON COLUMN kansa.response_gap.control IS 'The control answered, e.g. fisc8:設1.';
COMMENT ON COLUMN kansa.response_gap.section IS 'Local id of its section (control_section.section).';
COMMENT ON COLUMN kansa.response_gap.level IS 'basic, recommended, or NULL where the framework has no levels.';
COMMENT ON COLUMN kansa.response_gap.status IS 'The answer''s status.';
COMMENT ON COLUMN kansa.response_gap.responsibility IS 'The answer''s responsibility, if any.';
COMMENT ON COLUMN kansa.response_gap.verdict IS 'The verdict in force in the answer type''s text form.';
COMMENT ON COLUMN kansa.response_gap.verdict_source IS 'sheet, classifier or analyst.';
COMMENT ON COLUMN kansa.response_gap.score IS 'implemented 1, partial 0.5, not_applicable NULL, others 0.';
COMMENT ON COLUMN kansa.response_gap.boilerplate_only IS 'True when the answer is only the sheet''s boilerplate.';
COMMENT ON COLUMN kansa.response_gap.expired_evidence IS 'Evidence items cited that the organisation''s evidence_validity says expired before today.';
COMMENT ON COLUMN kansa.response_gap.below_reference IS 'True when a figure stated falls short of a reference value for the service''s pattern.';
COMMENT ON COLUMN kansa.response_gap.below_must_achieve IS 'True when such a failed value is marked * (must be achieved).';
COMMENT ON COLUMN kansa.response_gap.inherited_unassessed IS 'True when the answer is inherited and no provider listed in service_dependency has a current assessment by the organisation.';
COMMENT ON COLUMN kansa.response_gap.answer_text IS 'The answer as kansa read it (clean_text).';
COMMENT ON COLUMN kansa.response_gap.gap_kind IS 'NULL when clean; else the gap that sets the severity (see assessment_control.gap_kind).';
COMMENT ON COLUMN kansa.response_gap.gap_kinds IS 'Every gap kind that holds, comma-separated.';
COMMENT ON COLUMN kansa.response_gap.severity IS 'high, medium or low (see assessment_control.severity).';

COMMENT ON VIEW kansa.assessment_control IS 'Every control in scope of every current assessment (all controls of its framework), answered or not, with its status and, when it is not clean, its gap kind and severity: the row-level base of gaps, section_coverage and assessment_summary, for dashboards that drill down to controls.';
COMMENT ON COLUMN kansa.assessment_control.assessment_id IS 'The assessment (kansa.assessment.id).';
COMMENT ON COLUMN kansa.assessment_control.organization IS 'The assessing organisation.';
COMMENT ON COLUMN kansa.assessment_control.vendor IS 'The vendor.';
COMMENT ON COLUMN kansa.assessment_control.service IS 'The service assessed.';
COMMENT ON COLUMN kansa.assessment_control.pattern IS 'The service''s ASP・SaaS pattern (1-6), NULL while unknown.';
COMMENT ON COLUMN kansa.assessment_control.framework IS 'The framework answered.';
COMMENT ON COLUMN kansa.assessment_control.control IS 'The control, e.g. fisc8:設1.';
COMMENT ON COLUMN kansa.assessment_control.local_id IS 'The control''s id within its framework, e.g. 設1.';
COMMENT ON COLUMN kansa.assessment_control.section IS 'Local id of the section it is reported under (the framework''s section_depth level, e.g. 設, III.2); NULL for a control outside any section.';
COMMENT ON COLUMN kansa.assessment_control.section_title IS 'Title of that section.';
COMMENT ON COLUMN kansa.assessment_control.section_position IS 'Document position of that section, for ordering.';
COMMENT ON COLUMN kansa.assessment_control.title IS 'Title of the control.';
COMMENT ON COLUMN kansa.assessment_control.level IS 'basic or recommended where the framework says; NULL where it has no levels (then every control counts as basic for severity).';
COMMENT ON COLUMN kansa.assessment_control.position IS 'Document position of the control, for ordering.';
COMMENT ON COLUMN kansa.assessment_control.response_id IS 'The response (kansa.response.id); NULL when the sheet has no answer for the control.';
COMMENT ON COLUMN kansa.assessment_control.status IS 'implemented, partial, planned, not_implemented, not_applicable, unclear or unanswered (also when the sheet has no row for the control).';
COMMENT ON COLUMN kansa.assessment_control.responsibility IS 'provider, inherited, shared or customer; NULL for not_applicable and unanswered.';
COMMENT ON COLUMN kansa.assessment_control.verdict IS 'The verdict in force in the answer type''s text form (e.g. implemented/inherited).';
COMMENT ON COLUMN kansa.assessment_control.verdict_source IS 'sheet, classifier or analyst.';
COMMENT ON COLUMN kansa.assessment_control.score IS 'implemented 1, partial 0.5, not_applicable NULL, anything else (unanswered included) 0.';
COMMENT ON COLUMN kansa.assessment_control.boilerplate_only IS 'True when the answer has text but all of it is the sheet''s boilerplate (nothing specific to the control).';
COMMENT ON COLUMN kansa.assessment_control.expired_evidence IS 'How many evidence items the answer cites that the organisation''s evidence_validity says expired before today.';
COMMENT ON COLUMN kansa.assessment_control.below_reference IS 'True when a figure the answer states falls short of a reference value that applies to the service''s pattern (reference_check.satisfied is false).';
COMMENT ON COLUMN kansa.assessment_control.below_must_achieve IS 'True when such a failed reference value is marked * (must be achieved).';
COMMENT ON COLUMN kansa.assessment_control.inherited_unassessed IS 'True when the answer leaves the safeguard to another provider (responsibility inherited) and the organisation has no current assessment of any service listed for it in service_dependency.';
COMMENT ON COLUMN kansa.assessment_control.answer_text IS 'The answer as kansa read it (clean_text); NULL when unanswered.';
COMMENT ON COLUMN kansa.assessment_control.file_name IS 'The answer sheet the assessment came from.';
COMMENT ON COLUMN kansa.assessment_control.received_at IS 'When the sheet was received, if given at import.';
COMMENT ON COLUMN kansa.assessment_control.imported_at IS 'When the sheet was imported.';
COMMENT ON COLUMN kansa.assessment_control.gap_kind IS 'NULL when clean; else the gap that decides the severity (the most severe; ties in this order): unanswered, not_implemented, below_reference, planned, partial, unclear, evidence_expired, inherited.';
COMMENT ON COLUMN kansa.assessment_control.gap_kinds IS 'Every gap kind that holds, comma-separated (e.g. partial, inherited).';
COMMENT ON COLUMN kansa.assessment_control.severity IS 'high: unanswered or not_implemented on a basic control (or one of a framework without levels), or a failed * reference value; medium: those on a recommended control, planned/partial/unclear on a basic one, another failed reference value, expired evidence; low: planned/partial/unclear on a recommended control, inherited with no assessment of the provider on file.';

COMMENT ON VIEW kansa.gaps IS 'One row per current assessment × control in scope that is not clean: what is missing, how badly (severity by the rules of assessment_control.severity), what the vendor said, and how much evidence it cited. Sort by severity_rank for the most severe first.';
COMMENT ON COLUMN kansa.gaps.organization IS 'The assessing organisation.';
COMMENT ON COLUMN kansa.gaps.vendor IS 'The vendor.';
COMMENT ON COLUMN kansa.gaps.service IS 'The service assessed.';
COMMENT ON COLUMN kansa.gaps.pattern IS 'The service''s ASP・SaaS pattern (1-6), NULL while unknown.';
COMMENT ON COLUMN kansa.gaps.framework IS 'The framework answered.';
COMMENT ON COLUMN kansa.gaps.control IS 'The control, e.g. fisc8:設62.';
COMMENT ON COLUMN kansa.gaps.section IS 'Local id of its section (see assessment_control.section).';
COMMENT ON COLUMN kansa.gaps.section_title IS 'Title of that section.';
COMMENT ON COLUMN kansa.gaps.title IS 'Title of the control.';
COMMENT ON COLUMN kansa.gaps.level IS 'basic, recommended, or NULL where the framework has no levels.';
COMMENT ON COLUMN kansa.gaps.status IS 'The answer''s status (unanswered when the sheet has none).';
COMMENT ON COLUMN kansa.gaps.responsibility IS 'The answer''s responsibility (provider, inherited, shared, customer), if any.';
COMMENT ON COLUMN kansa.gaps.gap_kind IS 'unanswered, not_implemented, planned, partial, unclear, inherited (no assessment of the provider on file), below_reference or evidence_expired: the one that sets the severity.';
COMMENT ON COLUMN kansa.gaps.gap_kinds IS 'Every gap kind that holds, comma-separated.';
COMMENT ON COLUMN kansa.gaps.severity IS 'high, medium or low (rules in the comment on assessment_control.severity and in README).';
COMMENT ON COLUMN kansa.gaps.severity_rank IS '1 high, 2 medium, 3 low: sort by it for the most severe first.';
COMMENT ON COLUMN kansa.gaps.answer_excerpt IS 'The first 80 characters of the answer (… when cut); NULL when unanswered.';
COMMENT ON COLUMN kansa.gaps.evidence_count IS 'Evidence items the answer cites (certificates, reports, documents, clauses, URLs).';
COMMENT ON COLUMN kansa.gaps.assessment_id IS 'The assessment (kansa.assessment.id).';
COMMENT ON COLUMN kansa.gaps.response_id IS 'The response (kansa.response.id) for review(); NULL when the sheet has no answer.';
COMMENT ON COLUMN kansa.gaps.position IS 'Document position of the control, for ordering.';

COMMENT ON VIEW kansa.section_coverage IS 'Per current assessment × section (the framework''s section_depth level: fisc8 設/運/技, asp_saas II.1 … III.5, meti_cloud 1 … 15): the figures of assessment_summary, for heatmaps.';
COMMENT ON COLUMN kansa.section_coverage.assessment_id IS 'The assessment (kansa.assessment.id).';
COMMENT ON COLUMN kansa.section_coverage.organization IS 'The assessing organisation.';
COMMENT ON COLUMN kansa.section_coverage.vendor IS 'The vendor.';
COMMENT ON COLUMN kansa.section_coverage.service IS 'The service assessed.';
COMMENT ON COLUMN kansa.section_coverage.pattern IS 'The service''s ASP・SaaS pattern (1-6), NULL while unknown.';
COMMENT ON COLUMN kansa.section_coverage.framework IS 'The framework answered.';
COMMENT ON COLUMN kansa.section_coverage.section IS 'Local id of the section, e.g. 設 or III.2; NULL for controls outside any section.';
COMMENT ON COLUMN kansa.section_coverage.section_title IS 'Title of the section.';
COMMENT ON COLUMN kansa.section_coverage.section_position IS 'Document position of the section, for ordering.';
COMMENT ON COLUMN kansa.section_coverage.controls_in_scope IS 'Controls of the section (every control of the framework is in scope).';
COMMENT ON COLUMN kansa.section_coverage.answered IS 'Controls with an answer (any status but unanswered).';
COMMENT ON COLUMN kansa.section_coverage.implemented IS 'Controls answered implemented.';
COMMENT ON COLUMN kansa.section_coverage.partial IS 'Controls answered partial.';
COMMENT ON COLUMN kansa.section_coverage.planned IS 'Controls answered planned.';
COMMENT ON COLUMN kansa.section_coverage.not_implemented IS 'Controls answered not_implemented.';
COMMENT ON COLUMN kansa.section_coverage.not_applicable IS 'Controls answered not_applicable.';
COMMENT ON COLUMN kansa.section_coverage.unclear IS 'Controls whose answer kansa could not read into a status (unclear).';
COMMENT ON COLUMN kansa.section_coverage.unanswered IS 'Controls with no answer (no row, or an empty one).';
COMMENT ON COLUMN kansa.section_coverage.applicable IS 'Controls in scope less those answered not_applicable: what score_pct divides by.';
COMMENT ON COLUMN kansa.section_coverage.score_points IS 'Sum of the controls'' scores (implemented 1, partial 0.5).';
COMMENT ON COLUMN kansa.section_coverage.coverage_pct IS 'answered / controls_in_scope, in percent, one decimal.';
COMMENT ON COLUMN kansa.section_coverage.score_pct IS 'score_points / applicable, in percent, one decimal; NULL when nothing applies.';
COMMENT ON COLUMN kansa.section_coverage.gaps_high IS 'Gaps of severity high.';
COMMENT ON COLUMN kansa.section_coverage.gaps_medium IS 'Gaps of severity medium.';
COMMENT ON COLUMN kansa.section_coverage.gaps_low IS 'Gaps of severity low.';
COMMENT ON COLUMN kansa.section_coverage.boilerplate_only IS 'Answers made only of the sheet''s boilerplate.';

COMMENT ON VIEW kansa.assessment_summary IS 'One row per current assessment: counts per status, coverage, score, gaps by severity, boilerplate-only answers and evidence items.';
COMMENT ON COLUMN kansa.assessment_summary.assessment_id IS 'The assessment (kansa.assessment.id).';
COMMENT ON COLUMN kansa.assessment_summary.organization IS 'The assessing organisation.';
COMMENT ON COLUMN kansa.assessment_summary.vendor IS 'The vendor.';
COMMENT ON COLUMN kansa.assessment_summary.service IS 'The service assessed.';
COMMENT ON COLUMN kansa.assessment_summary.pattern IS 'The service''s ASP・SaaS pattern (1-6), NULL while unknown.';
COMMENT ON COLUMN kansa.assessment_summary.framework IS 'The framework answered.';
COMMENT ON COLUMN kansa.assessment_summary.controls_in_scope IS 'Controls of the framework (all are in scope).';
COMMENT ON COLUMN kansa.assessment_summary.answered IS 'Controls with an answer (any status but unanswered).';
COMMENT ON COLUMN kansa.assessment_summary.implemented IS 'Controls answered implemented.';
COMMENT ON COLUMN kansa.assessment_summary.partial IS 'Controls answered partial.';
COMMENT ON COLUMN kansa.assessment_summary.planned IS 'Controls answered planned.';
COMMENT ON COLUMN kansa.assessment_summary.not_implemented IS 'Controls answered not_implemented.';
COMMENT ON COLUMN kansa.assessment_summary.not_applicable IS 'Controls answered not_applicable.';
COMMENT ON COLUMN kansa.assessment_summary.unclear IS 'Controls whose answer kansa could not read into a status.';
COMMENT ON COLUMN kansa.assessment_summary.unanswered IS 'Controls with no answer.';
COMMENT ON COLUMN kansa.assessment_summary.coverage_pct IS 'answered / controls_in_scope, in percent, one decimal.';
COMMENT ON COLUMN kansa.assessment_summary.score_pct IS 'Sum of scores (implemented 1, partial 0.5, unanswered and others 0) over the controls not answered not_applicable, in percent, one decimal.';
COMMENT ON COLUMN kansa.assessment_summary.gaps_high IS 'Gaps of severity high.';
COMMENT ON COLUMN kansa.assessment_summary.gaps_medium IS 'Gaps of severity medium.';
COMMENT ON COLUMN kansa.assessment_summary.gaps_low IS 'Gaps of severity low.';
COMMENT ON COLUMN kansa.assessment_summary.boilerplate_only IS 'Answers made only of the sheet''s boilerplate (text repeated across its answers, nothing specific).';
COMMENT ON COLUMN kansa.assessment_summary.boilerplate_only_pct IS 'boilerplate_only / answered, in percent, one decimal.';
COMMENT ON COLUMN kansa.assessment_summary.evidence_items IS 'Distinct evidence items the assessment''s answers cite.';
COMMENT ON COLUMN kansa.assessment_summary.file_name IS 'The answer sheet the assessment came from.';
COMMENT ON COLUMN kansa.assessment_summary.received_at IS 'When the sheet was received, if given at import.';
COMMENT ON COLUMN kansa.assessment_summary.imported_at IS 'When the sheet was imported.';

COMMENT ON VIEW kansa.evidence_register IS 'Per organisation × vendor × evidence item (certificate, report, document, clause, URL) its answers cite: which controls cite it now, when it was first and last seen, and how long it is valid where the organisation recorded it in evidence_validity.';
COMMENT ON COLUMN kansa.evidence_register.organization IS 'The assessing organisation.';
COMMENT ON COLUMN kansa.evidence_register.vendor IS 'The vendor citing it.';
COMMENT ON COLUMN kansa.evidence_register.evidence_kind IS 'cert, report, doc, clause or url.';
COMMENT ON COLUMN kansa.evidence_register.evidence_ref IS 'What identifies it within its kind (certificate number, report name, URL, …).';
COMMENT ON COLUMN kansa.evidence_register.evidence IS 'The evidence item in its text form (kind:ref), as evidence_validity keys it.';
COMMENT ON COLUMN kansa.evidence_register.controls_citing IS 'Controls of the vendor''s current assessments whose answers cite it.';
COMMENT ON COLUMN kansa.evidence_register.controls IS 'Those controls, in control order, comma-separated.';
COMMENT ON COLUMN kansa.evidence_register.assessments IS 'Assessments (current or superseded) citing it.';
COMMENT ON COLUMN kansa.evidence_register.first_seen IS 'Earliest date a sheet citing it was received (import date when not given).';
COMMENT ON COLUMN kansa.evidence_register.last_seen IS 'Latest such date.';
COMMENT ON COLUMN kansa.evidence_register.valid_from IS 'First day of validity from evidence_validity, if recorded.';
COMMENT ON COLUMN kansa.evidence_register.valid_until IS 'Last day of validity from evidence_validity; NULL when nobody recorded it.';
COMMENT ON COLUMN kansa.evidence_register.expired IS 'True when valid_until is before today; NULL when unknown.';
COMMENT ON COLUMN kansa.evidence_register.cited_now IS 'True when a current assessment cites it (false: only superseded sheets did).';

-----------------------------------------------------------------------------
-- Roles and tenants
--
-- Four group roles of the cluster, NOLOGIN, made here where they do not
-- exist yet and kept if the extension is dropped (roles are not objects of
-- a database):
--   kansa_admin     catalogs (frameworks, controls, reference values...),
--                   vendors, services and their dependencies, import caps;
--   kansa_importer  import_sheet(), its dry runs, review();
--   kansa_analyst   reads everything of its organisations, review(),
--                   records evidence validity;
--   kansa_bi        SELECT on the views only.
-- and kansa_view_owner, which owns the views and has no members.
--
-- Tenancy is row-level security keyed on role membership: an organisation
-- names a tenant role, and the members of that role (pg_has_role MEMBER)
-- see its rows; nothing depends on a setting a user can change.  Every
-- tenant table has FORCE ROW LEVEL SECURITY, so that even an owner who is
-- not a superuser is held to the policies.  The views run with the rights
-- of kansa_view_owner, which is neither superuser nor BYPASSRLS nor a table
-- owner: the tables' policies therefore apply inside the views, and they are
-- evaluated for the user who runs the query (current_user), so kansa_bi
-- needs SELECT on the views and nothing else.  (security_invoker views would
-- apply the same policies but would need kansa_bi to read the tables too.)
-----------------------------------------------------------------------------

DO $$
DECLARE
	r record;
BEGIN
	FOR r IN SELECT v.name, v.note, x.rolname, x.rolsuper, x.rolbypassrls, x.rolcanlogin
			   FROM (VALUES ('kansa_admin', 'kansa: administrators. Write the catalogs (frameworks, controls, reference values, service types, links), vendors, services and service dependencies; set the import caps (kansa.import_max_*). No tenant''s assessments.'),
							('kansa_importer', 'kansa: importers. Run import_sheet() and its dry runs (read_sheet, sheet_answers) and review(), for the organisations whose tenant role they are also a member of.'),
							('kansa_analyst', 'kansa: analysts. Read every table and view, for the organisations whose tenant role they are also a member of; review() verdicts and record evidence validity.'),
							('kansa_bi', 'kansa: BI dashboards. SELECT on kansa''s views only, showing the organisations whose tenant role the dashboard''s login is also a member of.'),
							('kansa_view_owner', 'kansa: owns kansa''s views, so that the tables'' row-level security applies inside them. Has no members and must get none.'))
					AS v (name, note)
			   LEFT JOIN pg_catalog.pg_roles AS x ON x.rolname OPERATOR(pg_catalog.=) v.name
	LOOP
		IF r.rolname IS NULL THEN
			EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', r.name);
		ELSIF r.rolsuper OR r.rolbypassrls OR r.rolcanlogin THEN
			RAISE EXCEPTION 'role "%" exists and is a superuser, BYPASSRLS or LOGIN role', r.name
				USING ERRCODE = 'invalid_role_specification',
					  HINT = 'kansa''s group roles must be NOLOGIN roles that are subject to row-level security.';
		END IF;
		EXECUTE pg_catalog.format('COMMENT ON ROLE %I IS %L', r.name, r.note);
	END LOOP;
END
$$;

-- The members of an organisation's tenant role see it.  A superuser sees
-- every organisation, those with no tenant role yet included.
CREATE FUNCTION kansa.is_tenant_member(tenant_role text) RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	RETURN CASE WHEN tenant_role IS NULL
				THEN EXISTS (SELECT FROM pg_catalog.pg_roles AS r
							  WHERE r.rolname OPERATOR(pg_catalog.=) CURRENT_USER AND r.rolsuper)
				ELSE EXISTS (SELECT FROM pg_catalog.pg_roles AS r
							  WHERE r.rolname OPERATOR(pg_catalog.=) tenant_role
								AND pg_catalog.pg_has_role(r.oid, 'MEMBER')) END;
COMMENT ON FUNCTION kansa.is_tenant_member(text) IS 'True when the current user is a member of the tenant role (directly or through other roles, as pg_has_role MEMBER tells), or is a superuser; false for a role that does not exist. The row-level security of every tenant table rests on it.';

-- An organisation's tenant role must be a role that membership can mean
-- something for: not a superuser, not BYPASSRLS, not one of kansa's group
-- roles (all importers would be the tenant), not PUBLIC.
CREATE FUNCTION kansa.organization_check() RETURNS trigger
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	r record;
BEGIN
	IF NEW.tenant_role IS NULL THEN
		RETURN NEW;
	END IF;
	SELECT x.rolsuper, x.rolbypassrls INTO r FROM pg_catalog.pg_roles AS x
	 WHERE x.rolname OPERATOR(pg_catalog.=) NEW.tenant_role;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'role "%" does not exist', NEW.tenant_role
			USING ERRCODE = 'undefined_object';
	END IF;
	IF r.rolsuper OR r.rolbypassrls
	   OR NEW.tenant_role OPERATOR(pg_catalog.=) ANY (ARRAY['kansa_admin', 'kansa_importer',
					  'kansa_analyst', 'kansa_bi', 'kansa_view_owner', 'public']) THEN
		RAISE EXCEPTION 'role "%" cannot be the tenant role of organization "%"',
			NEW.tenant_role, NEW.name
			USING ERRCODE = 'invalid_role_specification',
				  HINT = 'Use a NOLOGIN group role of its own for each organisation (neither superuser nor BYPASSRLS, nor one of kansa''s roles) and grant it to the organisation''s login roles.';
	END IF;
	RETURN NEW;
END;
$$;
COMMENT ON FUNCTION kansa.organization_check() IS 'Trigger function: refuses a tenant role that does not exist, is a superuser or BYPASSRLS role, or is one of kansa''s group roles or PUBLIC.';
CREATE TRIGGER organization_check BEFORE INSERT OR UPDATE OF tenant_role ON kansa.organization
	FOR EACH ROW EXECUTE FUNCTION kansa.organization_check();
COMMENT ON TRIGGER organization_check ON kansa.organization IS 'Checks the tenant role (organization_check()).';

-- Row-level security.  An organisation is visible to its members; every
-- other tenant table is visible, and writable, only for visible
-- organisations.  The composite foreign keys (…, organization_id) keep a
-- row from pointing at another tenant's rows.
ALTER TABLE kansa.organization ENABLE ROW LEVEL SECURITY;
ALTER TABLE kansa.organization FORCE ROW LEVEL SECURITY;
CREATE POLICY organization_member ON kansa.organization
	USING (kansa.is_tenant_member(tenant_role));
COMMENT ON POLICY organization_member ON kansa.organization IS 'An organisation is seen (and, with the privilege, changed) only by the members of its tenant role.';

DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['import_batch', 'assessment', 'response', 'response_evidence',
							 'response_measure', 'response_review', 'import_reject',
							 'evidence_validity']
	LOOP
		EXECUTE pg_catalog.format('ALTER TABLE kansa.%I ENABLE ROW LEVEL SECURITY', t);
		EXECUTE pg_catalog.format('ALTER TABLE kansa.%I FORCE ROW LEVEL SECURITY', t);
		EXECUTE pg_catalog.format(
			'CREATE POLICY tenant ON kansa.%I USING (organization_id OPERATOR(pg_catalog.=) ANY '
			'(ARRAY(SELECT o.id FROM kansa.organization AS o)))', t);
		EXECUTE pg_catalog.format(
			'COMMENT ON POLICY tenant ON kansa.%I IS %L', t,
			'Rows of the organisations the current user may see (organization_member), and only those; new and changed rows must belong to one of them.');
	END LOOP;
END
$$;

-- Privileges.  Nothing of a tenant's is PUBLIC; the catalogs stay readable
-- by everyone (above).
REVOKE ALL ON kansa.organization, kansa.vendor, kansa.service, kansa.service_dependency,
	kansa.import_batch, kansa.assessment, kansa.response, kansa.response_evidence,
	kansa.response_measure, kansa.response_review, kansa.import_reject,
	kansa.evidence_validity FROM PUBLIC;
GRANT SELECT ON kansa.organization, kansa.vendor, kansa.service, kansa.service_dependency,
	kansa.import_batch, kansa.assessment, kansa.response, kansa.response_evidence,
	kansa.response_measure, kansa.response_review, kansa.import_reject,
	kansa.evidence_validity TO kansa_analyst, kansa_importer, kansa_view_owner;
GRANT SELECT ON kansa.organization, kansa.vendor, kansa.service, kansa.service_dependency
	TO kansa_admin;

-- importers write what import_sheet() writes
GRANT INSERT ON kansa.vendor, kansa.service, kansa.import_batch, kansa.assessment,
	kansa.response, kansa.response_evidence, kansa.response_measure, kansa.import_reject
	TO kansa_importer;
GRANT UPDATE (assessment_id, rows_read, responses, rejected, skipped, skipped_by_reason,
			  unknown_controls, status, finished_at, read_ms, total_ms)
	ON kansa.import_batch TO kansa_importer;
GRANT UPDATE (superseded_by) ON kansa.assessment TO kansa_importer;
GRANT USAGE ON SEQUENCE kansa.assessment_id_seq TO kansa_importer;

-- reviewers write what review() writes
GRANT UPDATE (verdict, verdict_source, confidence, rule, reviewed_at, reviewed_by)
	ON kansa.response TO kansa_importer, kansa_analyst;
GRANT INSERT ON kansa.response_review TO kansa_importer, kansa_analyst;
GRANT INSERT, UPDATE, DELETE ON kansa.evidence_validity TO kansa_analyst;

-- administrators keep the catalogs and the shared vendor data
GRANT INSERT, UPDATE, DELETE ON kansa.framework, kansa.control, kansa.quantity,
	kansa.reference_item, kansa.reference_value, kansa.service_type, kansa.control_link,
	kansa.vendor, kansa.service, kansa.service_dependency TO kansa_admin;
GRANT USAGE ON SEQUENCE kansa.control_position_seq, kansa.reference_item_id_seq TO kansa_admin;
GRANT SET ON PARAMETER kansa.import_max_file_size, kansa.import_max_inflated_size,
	kansa.import_max_rows, kansa.import_max_columns, kansa.import_max_cell_size TO kansa_admin;

-- Import and admin functions are not for PUBLIC.
REVOKE EXECUTE ON FUNCTION kansa.import_sheet(text, text, text, text, bytea, text, jsonb),
	kansa.sheet_answers(bytea, text, text[], text[], text[], jsonb),
	kansa.sheet_answers(bytea, text, jsonb), kansa.read_sheet(bytea, jsonb),
	kansa.review(bigint, kansa.answer, text), kansa.control_tree_refresh(),
	kansa.organization_check(), kansa.analyze_stale_tables(), kansa.response_verdict_guard()
	FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kansa.import_sheet(text, text, text, text, bytea, text, jsonb),
	kansa.sheet_answers(bytea, text, text[], text[], text[], jsonb),
	kansa.sheet_answers(bytea, text, jsonb), kansa.read_sheet(bytea, jsonb),
	kansa.analyze_stale_tables() TO kansa_importer;
GRANT EXECUTE ON FUNCTION kansa.review(bigint, kansa.answer, text)
	TO kansa_importer, kansa_analyst;
GRANT EXECUTE ON FUNCTION kansa.control_tree_refresh() TO kansa_admin;

-- The views: owned by kansa_view_owner (see above), read by the tenants.
DO $$
DECLARE
	v text;
BEGIN
	FOREACH v IN ARRAY ARRAY['control_section', 'response_gap', 'assessment_control', 'gaps',
							 'section_coverage', 'assessment_summary', 'reference_check',
							 'evidence_register']
	LOOP
		EXECUTE pg_catalog.format('ALTER VIEW kansa.%I OWNER TO kansa_view_owner', v);
		EXECUTE pg_catalog.format('GRANT SELECT ON kansa.%I TO kansa_bi, kansa_analyst, kansa_importer', v);
	END LOOP;
END
$$;

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
SELECT pg_catalog.pg_extension_config_dump('kansa.service_dependency', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.evidence_validity', '');
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

-- The shipped catalogs have their statistics from the start, so that the
-- views are not planned on none (see analyze_stale_tables()).
ANALYZE kansa.framework, kansa.control, kansa.quantity, kansa.reference_item,
	kansa.reference_value, kansa.service_type, kansa.control_link;
