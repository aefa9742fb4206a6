\echo Use "CREATE EXTENSION kansa" to load this file. \quit

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
	AS 'MODULE_PATHNAME', 'kansa_classify' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION kansa.classify(text) IS 'Reads a vendor''s free-text answer into a verdict (status and responsibility): Japanese sentences with the structural reader (MeCab, kansa.lexicon), English ones with cue words; NULL or empty text is unanswered.  STABLE: the verdict depends on kansa.lexicon and kansa.mecab_dictionary.';
CREATE FUNCTION kansa.classify(text, boilerplate text[]) RETURNS kansa.answer
	AS 'MODULE_PATHNAME', 'kansa_classify' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION kansa.classify(text, text[]) IS 'classify(text), judging only the sentences that are not in the sheet''s boilerplate (see boilerplate()).';
CREATE FUNCTION kansa.classify(text, context jsonb) RETURNS kansa.answer
	AS 'MODULE_PATHNAME', 'kansa_classify' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION kansa.classify(text, jsonb) IS 'classify(text) with what is known of the answer, a JSON object with the keys service and vendor (their names: a sentence about them is the vendor speaking of itself), framework, control (a control id as text) and boilerplate (an array of the sheet''s boilerplate sentences); any other key is an error.';

CREATE FUNCTION kansa.classify_explain(text, OUT verdict kansa.answer, OUT confidence real,
									   OUT rule text, OUT cue text, OUT specific_text text,
									   OUT reading text, OUT confidence_class text)
	AS 'MODULE_PATHNAME', 'kansa_classify_explain' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION kansa.classify_explain(text) IS 'classify(text) with its explanation: confidence (0-1: the share of labelled answers of the same confidence_class that the classifier read right; 0.9 or more only where at least 98% were), the rule that decided, the words that triggered it, the text judged once boilerplate is set aside, the structural reading of its Japanese sentences, one line a clause: [role] clause | kind and predicate | agent | rule | whether it counted, and the confidence class: language:rule/responsibility/clauses counted (1-3)/c when they name a safeguard, asset or hazard or v when not (/x when clauses conflict).';
CREATE FUNCTION kansa.classify_explain(text, boilerplate text[], OUT verdict kansa.answer,
									   OUT confidence real, OUT rule text, OUT cue text,
									   OUT specific_text text, OUT reading text,
									   OUT confidence_class text)
	AS 'MODULE_PATHNAME', 'kansa_classify_explain' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION kansa.classify_explain(text, text[]) IS 'classify(text, boilerplate) with its explanation (see classify_explain(text)).';
CREATE FUNCTION kansa.classify_explain(text, context jsonb, OUT verdict kansa.answer,
									   OUT confidence real, OUT rule text, OUT cue text,
									   OUT specific_text text, OUT reading text,
									   OUT confidence_class text)
	AS 'MODULE_PATHNAME', 'kansa_classify_explain' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION kansa.classify_explain(text, jsonb) IS 'classify(text, context) with its explanation (see classify_explain(text)).';

CREATE FUNCTION kansa.tokens(text, OUT "position" integer, OUT "offset" integer, OUT surface text,
							 OUT lemma text, OUT part_of_speech text, OUT pos_detail text,
							 OUT conjugation_type text, OUT conjugation_form text, OUT known boolean)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'kansa_tokens_sql' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 50;
COMMENT ON FUNCTION kansa.tokens(text) IS 'The morphological analysis of a text by MeCab with the dictionary kansa.mecab_dictionary names: per token its position (from 1), byte offset, surface form, lemma (dictionary form), part of speech and its subdivisions, conjugation type and form, and whether the dictionary knows the word. STABLE: the result depends on the setting.';

-----------------------------------------------------------------------------
-- Reading answer sheets
-----------------------------------------------------------------------------

CREATE FUNCTION kansa.read_sheet(content bytea, options jsonb DEFAULT '{}',
								 OUT sheet text, OUT row_number integer,
								 OUT column_number integer, OUT value text) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'kansa_read_sheet' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 1000;
COMMENT ON FUNCTION kansa.read_sheet(bytea, jsonb) IS 'Every non-empty cell kansa reads from an answer sheet file, by row and column (from 1). Delimited text: comma or tab (guessed from the first line, or options format csv/tsv, delimiter), quoted fields with line breaks and doubled quotes; UTF-8 with or without BOM, UTF-16 with BOM, or CP932/Shift_JIS (guessed, or option encoding). xlsx workbooks: every sheet, or only the one option sheet names; shared and inline strings, numbers, booleans, cached formula values, merged ranges filled with their top-left value. Caps: the settings kansa.import_max_* (so STABLE: the result depends on them).';

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

CREATE TABLE kansa.lexicon (
	term		text NOT NULL
				CHECK (term OPERATOR(pg_catalog.<>) '' AND pg_catalog.length(term) OPERATOR(pg_catalog.<=) 200
					   AND term OPERATOR(pg_catalog.=) pg_catalog.lower(term)),
	class		text NOT NULL
				CHECK (class OPERATOR(pg_catalog.=) ANY (ARRAY['self', 'third_party', 'building', 'owned',
						'customer', 'asset', 'safeguard', 'hazard', 'unauthorized', 'person', 'past_event',
						'plan', 'limitation', 'not_applicable', 'scope_verb'])),
	builtin		boolean NOT NULL DEFAULT false,
	PRIMARY KEY (term, class)
);
COMMENT ON TABLE kansa.lexicon IS 'The word classes the structural reader of classify() reads: who acts (self, third_party, building, customer), what a clause is about (asset, safeguard, hazard), what makes a negation protective (unauthorized, person, past_event), plans, limitations, not-applicable words and the predicates of scope statements (scope_verb, matched against the predicate''s lemma). Administrators add rows: a vendor''s product names as self, a platform''s name as third_party.';
COMMENT ON COLUMN kansa.lexicon.term IS 'The word as it appears after classify() cleans a text (NFKC, ASCII lower case); Japanese terms match whole MeCab tokens, not parts of a token.';
COMMENT ON COLUMN kansa.lexicon.class IS 'The word''s class (see the table''s comment and README "How kansa reads an answer").';
COMMENT ON COLUMN kansa.lexicon.builtin IS 'True for rows shipped with kansa; user rows are false and survive pg_dump.';

CREATE FUNCTION kansa.lexicon_changed() RETURNS trigger
	AS 'MODULE_PATHNAME', 'kansa_lexicon_changed' LANGUAGE C;
COMMENT ON FUNCTION kansa.lexicon_changed() IS 'Trigger function: tells every session that kansa.lexicon changed, so that the next classify() reads it again.';
CREATE TRIGGER lexicon_changed
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kansa.lexicon
	FOR EACH STATEMENT EXECUTE FUNCTION kansa.lexicon_changed();

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
		-- the key once (folding is linear in the name, but not free)
		WITH k AS MATERIALIZED (SELECT kansa.service_type_key(service_type) AS key),
			 part AS MATERIALIZED (
				-- figure 2 names several types in one: 人事給与・勤怠管理・経理
				SELECT t.name, kansa.service_type_key(p) AS key
				  FROM kansa.service_type AS t,
					   pg_catalog.regexp_split_to_table(t.name, '[・/]') AS p
				 WHERE t.name ~ '[・/]')
		SELECT t.* FROM kansa.service_type AS t, k
		 WHERE t.match_key = k.key
		UNION ALL
		SELECT t.* FROM kansa.service_type AS t, k
		 WHERE t.short_key = k.key
		   AND NOT EXISTS (SELECT FROM kansa.service_type AS f WHERE f.match_key = k.key)
		   AND (SELECT pg_catalog.count(*) FROM kansa.service_type AS s WHERE s.short_key = k.key) = 1
		UNION ALL
		SELECT t.* FROM kansa.service_type AS t, k
		 WHERE t.name IN (SELECT pt.name FROM part AS pt WHERE pt.key = k.key)
		   AND NOT EXISTS (SELECT FROM kansa.service_type AS f WHERE f.match_key = k.key OR f.short_key = k.key)
		   AND (SELECT pg_catalog.count(*) FROM part AS pt WHERE pt.key = k.key) = 1;
	END;
COMMENT ON FUNCTION kansa.service_type_match(text) IS 'The service_type row a name means: the one whose name matches ignoring width, case and blanks, else the only one whose name without its parenthesis does, else the only one that lists it among several types joined by ・ or / (勤怠管理 in 人事給与・勤怠管理・経理, Web会議 in 電話会議・TV 会議・Web 会議); no row when unknown or ambiguous (金融業特化型サービス).';
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
SELECT pg_catalog.pg_extension_config_dump('kansa.lexicon', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('kansa.control_position_seq', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.reference_item_id_seq', '');

-- @CATALOG_DATA@

-- Catalog tables are readable by everyone; changing them is for their owner.
GRANT USAGE ON SCHEMA kansa TO PUBLIC;
GRANT SELECT ON kansa.framework, kansa.control, kansa.quantity, kansa.reference_item,
	kansa.reference_value, kansa.service_type, kansa.control_link, kansa.lexicon TO PUBLIC;

-----------------------------------------------------------------------------
-- Tenancy primitives (src/tenant.c): the key names are unique under, the
-- policy every tenant table has
-----------------------------------------------------------------------------

CREATE FUNCTION kansa.name_key(text) RETURNS text
	AS 'MODULE_PATHNAME', 'kansa_name_key' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.name_key(text) IS 'The form names of organisations, vendors and services are unique under and looked up by: NFKC (full-width letters and digits made ASCII), blanks trimmed and collapsed. Not LEAKPROOF, so that the unique indexes on it never serve a tenant''s condition ahead of row-level security.';
CREATE FUNCTION kansa.name_distance(text, text) RETURNS integer
	AS 'MODULE_PATHNAME', 'kansa_name_distance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.name_distance(text, text) IS 'The edit distance (Levenshtein, in characters) between the name keys (name_key) of two names: how an import finds the names a typo was meant to be ("did you mean"). NULL for names over 255 characters.';
CREATE FUNCTION kansa.tenant_visible(organization_id bigint) RETURNS boolean
	AS 'MODULE_PATHNAME', 'kansa_tenant_visible' LANGUAGE C STABLE PARALLEL SAFE COST 0.001;
COMMENT ON FUNCTION kansa.tenant_visible(bigint) IS 'True when the current user may see rows of the organisation: a member of its tenant role (pg_has_role MEMBER), a superuser, or kansa_owner (kansa''s writer functions). The row-level security policy of every tenant table: a per-row call with no subquery, costed below any operator so that it runs before any condition of the user''s.';

-----------------------------------------------------------------------------
-- Assessments: who assesses which vendor's service, and what the vendor said
-----------------------------------------------------------------------------

CREATE TABLE kansa.organization (
	id			bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name		text NOT NULL CHECK (kansa.name_key(name) OPERATOR(pg_catalog.<>) ''),
	tenant_role	text,
	created_at	timestamptz NOT NULL DEFAULT pg_catalog.now()
);
-- Unique under name_key(), which is not LEAKPROOF, so that no condition of
-- a tenant's can use the index ahead of row-level security (see tenant.c);
-- and through hash indexes, which keep no order: an ordered scan of a
-- btree index would step over other organisations' names before the
-- tenant's own, and "Rows Removed by Filter" would count them.
ALTER TABLE kansa.organization ADD CONSTRAINT organization_name_key
	EXCLUDE USING hash (kansa.name_key(name) WITH OPERATOR(pg_catalog.=));
ALTER TABLE kansa.organization ADD CONSTRAINT organization_tenant_role_key
	EXCLUDE USING hash (kansa.name_key(tenant_role) WITH OPERATOR(pg_catalog.=));
COMMENT ON CONSTRAINT organization_name_key ON kansa.organization IS 'Organisation names are unique under name_key(), through a hash index, which keeps no order another tenant could probe.';
COMMENT ON CONSTRAINT organization_tenant_role_key ON kansa.organization IS 'One organisation per tenant role (under name_key()), through a hash index.';
COMMENT ON TABLE kansa.organization IS 'The assessing organisations (the clients whose analysts send questionnaires); each is a tenant of the database, mapped to a role: the members of that role see the organisation''s rows and nothing of the others''. Created and mapped by a superuser.';
COMMENT ON COLUMN kansa.organization.id IS 'Surrogate key.';
COMMENT ON COLUMN kansa.organization.name IS 'Name of the organisation, unique under name_key() (width and blanks folded).';
COMMENT ON COLUMN kansa.organization.tenant_role IS 'The role whose members act for the organisation (a NOLOGIN group role; grant it to the organisation''s login roles). NULL: no tenant role yet, so only superusers see its rows.';
COMMENT ON COLUMN kansa.organization.created_at IS 'When the row was created.';

CREATE TABLE kansa.vendor (
	id			bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organization_id bigint NOT NULL REFERENCES kansa.organization (id),
	name		text NOT NULL CHECK (kansa.name_key(name) OPERATOR(pg_catalog.<>) ''),
	created_at	timestamptz NOT NULL DEFAULT pg_catalog.now(),
	UNIQUE (id, organization_id)
);
CREATE UNIQUE INDEX vendor_name_key ON kansa.vendor (organization_id, kansa.name_key(name));
COMMENT ON TABLE kansa.vendor IS 'The vendors an organisation assesses. Each organisation keeps its own rows: a row another organisation could create or hold locked would let it block this one''s imports or change its results.';
COMMENT ON COLUMN kansa.vendor.id IS 'Surrogate key.';
COMMENT ON COLUMN kansa.vendor.organization_id IS 'The organisation (the tenant) that assesses the vendor.';
COMMENT ON COLUMN kansa.vendor.name IS 'Name of the vendor, unique in the organisation under name_key() (width and blanks folded).';
COMMENT ON COLUMN kansa.vendor.created_at IS 'When the row was created.';

CREATE TABLE kansa.service (
	id			bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organization_id bigint NOT NULL,
	vendor_id	bigint NOT NULL,
	name		text NOT NULL CHECK (kansa.name_key(name) OPERATOR(pg_catalog.<>) ''),
	service_type text,
	confidentiality text,
	availability text,
	pattern_set	integer CHECK (pattern_set OPERATOR(pg_catalog.>=) 1 AND pattern_set OPERATOR(pg_catalog.<=) 6),
	pattern		integer GENERATED ALWAYS AS (COALESCE(pattern_set,
				CASE WHEN confidentiality IS NOT NULL AND availability IS NOT NULL
					 THEN kansa.saas_pattern(confidentiality, availability) END)) STORED,
	created_at	timestamptz NOT NULL DEFAULT pg_catalog.now(),
	UNIQUE (id, organization_id),
	FOREIGN KEY (vendor_id, organization_id) REFERENCES kansa.vendor (id, organization_id)
);
CREATE UNIQUE INDEX service_name_key ON kansa.service (organization_id, vendor_id, kansa.name_key(name));
COMMENT ON TABLE kansa.service IS 'A vendor''s service as one organisation assesses it, with what sets its ASP・SaaS pattern: the organisation''s own judgement, which no other organisation can change.';
COMMENT ON COLUMN kansa.service.id IS 'Surrogate key.';
COMMENT ON COLUMN kansa.service.organization_id IS 'The organisation (the tenant) that assesses the service.';
COMMENT ON COLUMN kansa.service.vendor_id IS 'The vendor providing the service.';
COMMENT ON COLUMN kansa.service.name IS 'Name of the service, unique per vendor under name_key() (width and blanks folded).';
COMMENT ON COLUMN kansa.service.service_type IS 'Its type as in kansa.service_type (the ASP・SaaS guideline''s figure 2), if known; saas_pattern_of() gives that type''s pattern.';
COMMENT ON COLUMN kansa.service.confidentiality IS 'Confidentiality of the data it handles: 高/中/低 (or H/M/L), as saas_pattern() reads it.';
COMMENT ON COLUMN kansa.service.availability IS 'Availability it must keep: 高/中/低 (or H/M/L).';
COMMENT ON COLUMN kansa.service.pattern_set IS 'A pattern (1-6) set explicitly by an analyst; overrides the one computed.';
COMMENT ON COLUMN kansa.service.pattern IS 'The service''s pattern: pattern_set if set, else saas_pattern(confidentiality, availability); NULL while unknown.';
COMMENT ON COLUMN kansa.service.created_at IS 'When the row was created.';

CREATE TABLE kansa.import_batch (
	id			bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organization_id bigint NOT NULL REFERENCES kansa.organization (id),
	service_id	bigint NOT NULL,
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
	conflicts	integer,
	status		text CHECK (status OPERATOR(pg_catalog.=) ANY (ARRAY['loaded', 'loaded_with_rejects'])),
	imported_by	text NOT NULL DEFAULT CURRENT_USER,
	started_at	timestamptz NOT NULL,
	finished_at	timestamptz,
	read_ms		numeric,
	total_ms	numeric,
	UNIQUE (id, organization_id),
	FOREIGN KEY (service_id, organization_id) REFERENCES kansa.service (id, organization_id)
);
-- no text or bytea column in the index: a tenant's condition on a file's
-- hash or framework must not be able to use it ahead of row-level security
CREATE INDEX import_batch_file_idx ON kansa.import_batch (organization_id, service_id);
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
COMMENT ON COLUMN kansa.import_batch.conflicts IS 'Responses whose sheet mark and text disagree (response.conflict): the verdict is the weaker of the two, and they lead the review queue.';
COMMENT ON COLUMN kansa.import_batch.unknown_controls IS 'Rows rejected because their id is not a control of the framework.';
COMMENT ON COLUMN kansa.import_batch.status IS 'loaded, or loaded_with_rejects in quarantine mode.';
COMMENT ON COLUMN kansa.import_batch.imported_by IS 'The role that imported the file, as import_sheet() recorded it: the role the call ran as.';
COMMENT ON COLUMN kansa.import_batch.started_at IS 'When the import started.';
COMMENT ON COLUMN kansa.import_batch.finished_at IS 'When the import finished.';
COMMENT ON COLUMN kansa.import_batch.read_ms IS 'Milliseconds spent reading the file and its layout.';
COMMENT ON COLUMN kansa.import_batch.total_ms IS 'Milliseconds the whole import took.';

CREATE TABLE kansa.assessment (
	id			bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organization_id bigint NOT NULL REFERENCES kansa.organization (id),
	service_id	bigint NOT NULL,
	framework	text NOT NULL REFERENCES kansa.framework (code),
	batch_id	bigint NOT NULL,
	file_name	text NOT NULL,
	sha256		bytea NOT NULL,
	received_at	date,
	imported_at	timestamptz NOT NULL DEFAULT pg_catalog.now(),
	imported_by	text NOT NULL DEFAULT CURRENT_USER,
	superseded_by bigint,
	scope_name	text,
	scope		kansa.control_id[],
	CHECK (superseded_by OPERATOR(pg_catalog.<>) id),
	UNIQUE (id, organization_id),
	FOREIGN KEY (service_id, organization_id) REFERENCES kansa.service (id, organization_id),
	-- a tenant's rows point only at the same tenant's rows
	FOREIGN KEY (batch_id, organization_id) REFERENCES kansa.import_batch (id, organization_id),
	FOREIGN KEY (superseded_by, organization_id) REFERENCES kansa.assessment (id, organization_id)
		DEFERRABLE INITIALLY DEFERRED
);
CREATE UNIQUE INDEX assessment_current_idx
	ON kansa.assessment (organization_id, service_id, kansa.name_key(framework))
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
COMMENT ON COLUMN kansa.assessment.imported_by IS 'The role that imported it (recorded by import_sheet()).';
COMMENT ON COLUMN kansa.assessment.scope_name IS 'The named scope (kansa.scope) the sheet was imported with, if one; NULL for a scope given as a list, or none.';
COMMENT ON COLUMN kansa.assessment.scope IS 'The controls asked (option scope), sorted; NULL when the whole framework was asked. Controls outside it are no gaps and are not counted in the summaries; answers to them are kept.';
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
	cue			text,
	confidence_class text,
	conflict	boolean NOT NULL DEFAULT false,
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
COMMENT ON COLUMN kansa.response.cue IS 'The words of the answer that decided the classifier''s verdict (classify_explain''s cue): the clause an analyst checks first.';
COMMENT ON COLUMN kansa.response.confidence_class IS 'The class of answer whose measured accuracy gave the confidence (classify_explain); NULL when the sheet''s mark decided.';
COMMENT ON COLUMN kansa.response.conflict IS 'True when the sheet''s mark and the classifier''s reading of the text disagree (○ beside 「ただし一部拠点は未対応」, × beside a description of the safeguard, a Yes with a planned date): the verdict is the weaker of the two (sheet_verdict), and the answer leads the review queue.';
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
-- every index of a tenant table leads with the organisation or an id of a
-- tenant's row: an ordered scan then never steps over another
-- organisation's values between a tenant's own
CREATE INDEX response_evidence_evidence_idx ON kansa.response_evidence (organization_id, evidence);
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
COMMENT ON COLUMN kansa.response_review.reviewed_by IS 'The role that reviewed, as review() recorded it: the role the call ran as.';
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
	service_id	bigint NOT NULL,
	provider_service_id bigint NOT NULL,
	organization_id bigint NOT NULL,
	note		text,
	PRIMARY KEY (service_id, provider_service_id),
	CHECK (service_id OPERATOR(pg_catalog.<>) provider_service_id),
	FOREIGN KEY (service_id, organization_id)
		REFERENCES kansa.service (id, organization_id) ON DELETE CASCADE,
	FOREIGN KEY (provider_service_id, organization_id)
		REFERENCES kansa.service (id, organization_id)
);
CREATE INDEX service_dependency_provider_idx ON kansa.service_dependency (provider_service_id);
COMMENT ON TABLE kansa.service_dependency IS 'The services a service runs on (its cloud platform, data centre, building operator): where the safeguards it answers as inherited are really kept. An inherited answer is a gap (kind inherited) until the organisation has a current assessment of one of these providers.';
COMMENT ON COLUMN kansa.service_dependency.service_id IS 'The service assessed.';
COMMENT ON COLUMN kansa.service_dependency.organization_id IS 'The organisation whose judgement this is (the tenant); both services are its own.';
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
COMMENT ON TABLE kansa.evidence_validity IS 'How long a certificate or report vendors cite stays valid, as an organisation''s analysts have checked it (e.g. cert:JQA-IM1944 valid until 2026-03-31). evidence_register shows it; a current answer citing evidence past valid_until is a gap (kind evidence_expired).';
COMMENT ON COLUMN kansa.evidence_validity.organization_id IS 'The organisation whose analysts recorded it.';
COMMENT ON COLUMN kansa.evidence_validity.evidence IS 'The evidence item as extract_evidence() gives it (kind:ref).';
COMMENT ON COLUMN kansa.evidence_validity.valid_from IS 'First day of validity (issue date), if known.';
COMMENT ON COLUMN kansa.evidence_validity.valid_until IS 'Last day of validity (certificate expiry, end of a report''s period plus the organisation''s tolerance).';
COMMENT ON COLUMN kansa.evidence_validity.note IS 'Where the analyst checked it.';
COMMENT ON COLUMN kansa.evidence_validity.recorded_at IS 'When the row was recorded.';
COMMENT ON COLUMN kansa.evidence_validity.recorded_by IS 'The role that recorded it (recorded by evidence_validity_set()).';

CREATE TABLE kansa.scope (
	id			bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organization_id bigint NOT NULL REFERENCES kansa.organization (id),
	framework	text NOT NULL REFERENCES kansa.framework (code),
	name		text NOT NULL CHECK (name OPERATOR(pg_catalog.<>) ''),
	items		text[] NOT NULL,
	controls	kansa.control_id[] NOT NULL,
	note		text,
	recorded_at	timestamptz NOT NULL DEFAULT pg_catalog.now(),
	recorded_by	text NOT NULL DEFAULT CURRENT_USER
);
-- names are unique as name_key() folds them, and the index has no text key
-- a LEAKPROOF condition could use (name_key() is not LEAKPROOF)
CREATE UNIQUE INDEX scope_name_key ON kansa.scope (organization_id, kansa.name_key(framework), kansa.name_key(name));
COMMENT ON TABLE kansa.scope IS 'The controls an organisation asks its vendors about, when it asks fewer than the whole framework (a bank that sends 34 of the 86 METI items): named lists that import_sheet''s option scope and kansa-import --scope refer to. Controls outside an assessment''s scope are no gaps and are not counted in the summaries.';
COMMENT ON COLUMN kansa.scope.id IS 'Surrogate key.';
COMMENT ON COLUMN kansa.scope.organization_id IS 'The organisation whose questionnaire it is.';
COMMENT ON COLUMN kansa.scope.framework IS 'The framework whose controls it lists.';
COMMENT ON COLUMN kansa.scope.name IS 'Its name, unique per organisation and framework (e.g. 2025年度 委託先調査).';
COMMENT ON COLUMN kansa.scope.items IS 'The controls and sections as the analyst gave them (local ids: 4.9, 4(4), 統, III.1).';
COMMENT ON COLUMN kansa.scope.controls IS 'The controls the items stand for: a section stands for every control under it (scope_controls()).';
COMMENT ON COLUMN kansa.scope.note IS 'Free text: why these controls.';
COMMENT ON COLUMN kansa.scope.recorded_at IS 'When the row was recorded.';
COMMENT ON COLUMN kansa.scope.recorded_by IS 'The role that recorded it (recorded by scope_set()).';

-- The controls a list of ids and sections stands for.  Ids are local
-- (4.9) or whole (meti_cloud:4.9), in any width and spacing (control_id's
-- own normalisation); a section stands for every control below it.
-- Unknown items are an error naming them all.
CREATE FUNCTION kansa.scope_controls(framework text, items text[])
	RETURNS kansa.control_id[]
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	v_item text;
	v_id kansa.control_id;
	v_found kansa.control_id[];
	v_out kansa.control_id[] := '{}';
	v_bad text[] := '{}';
BEGIN
	IF framework IS NULL OR items IS NULL THEN
		RAISE EXCEPTION 'scope_controls arguments must not be null'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	FOREACH v_item IN ARRAY items LOOP
		CONTINUE WHEN pg_catalog.btrim(COALESCE(v_item, '')) = '';
		v_found := NULL;
		v_id := CASE WHEN kansa.is_valid_control_id(v_item)
					  AND kansa.framework(v_item::kansa.control_id) = framework
					 THEN v_item::kansa.control_id
					 WHEN kansa.is_valid_control_id(framework || ':' || v_item)
					 THEN kansa.control_id(framework, v_item) END;
		IF v_id IS NOT NULL THEN
			WITH RECURSIVE below AS (
				SELECT c.id, c.kind FROM kansa.control AS c WHERE c.id OPERATOR(kansa.=) v_id
				UNION ALL
				SELECT c.id, c.kind FROM kansa.control AS c
				  JOIN below AS b ON c.parent OPERATOR(kansa.=) b.id
			)
			SELECT pg_catalog.array_agg(b.id) FILTER (WHERE b.kind = 'control') INTO v_found
			  FROM below AS b;
		END IF;
		IF v_found IS NULL THEN
			v_bad := v_bad || v_item;
		ELSE
			v_out := v_out || v_found;
		END IF;
	END LOOP;
	IF pg_catalog.cardinality(v_bad) > 0 THEN
		RAISE EXCEPTION 'scope names % not in framework "%": %',
			CASE WHEN pg_catalog.cardinality(v_bad) = 1 THEN 'a control or section' ELSE 'controls or sections' END,
			framework, pg_catalog.array_to_string(v_bad, ', ')
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'List local ids of the framework''s controls or sections (as in kansa.control), e.g. 4.9 or 4(4).';
	END IF;
	IF pg_catalog.cardinality(v_out) = 0 THEN
		RAISE EXCEPTION 'scope lists no controls' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	RETURN ARRAY(SELECT DISTINCT c FROM pg_catalog.unnest(v_out) AS c ORDER BY 1);
END;
$$;
COMMENT ON FUNCTION kansa.scope_controls(text, text[]) IS 'The controls a list of control ids and sections of a framework stands for (a section: every control below it), sorted and without duplicates; an error names every item the framework does not have.';
CREATE FUNCTION kansa.in_scope(scope kansa.control_id[], control text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'kansa_in_scope' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION kansa.in_scope(kansa.control_id[], text) IS 'Is the control (its text form, e.g. meti_cloud:4.9) one of the scope''s? A NULL scope is the whole framework (true). The views judge and count only the controls in an assessment''s scope with it.';

CREATE FUNCTION kansa.scope_set_by(caller oid, organization text, framework text, name text,
								   items text[], note text DEFAULT NULL)
	RETURNS kansa.scope
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	AS $$
#variable_conflict use_column
DECLARE
	v_org bigint := kansa.caller_organization(caller, organization);
	r kansa.scope;
BEGIN
	IF framework IS NULL OR name IS NULL OR items IS NULL THEN
		RAISE EXCEPTION 'framework, name and items must not be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF pg_catalog.btrim(name) = '' THEN
		RAISE EXCEPTION 'a scope''s name must not be empty' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	PERFORM FROM kansa.framework AS f WHERE f.code = scope_set_by.framework;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'framework "%" does not exist', framework
			USING ERRCODE = 'foreign_key_violation',
				  HINT = 'The frameworks are the rows of kansa.framework.';
	END IF;
	INSERT INTO kansa.scope AS s (organization_id, framework, name, items, controls, note,
								  recorded_at, recorded_by)
	VALUES (v_org, framework, pg_catalog.btrim(name), items, kansa.scope_controls(framework, items),
			note, pg_catalog.now(), pg_catalog.pg_get_userbyid(caller))
	ON CONFLICT (organization_id, kansa.name_key(framework), kansa.name_key(name)) DO UPDATE
	   SET name = EXCLUDED.name, items = EXCLUDED.items, controls = EXCLUDED.controls, note = EXCLUDED.note,
		   recorded_at = EXCLUDED.recorded_at, recorded_by = EXCLUDED.recorded_by
	RETURNING * INTO r;
	RETURN r;
END;
$$;
COMMENT ON FUNCTION kansa.scope_set_by(oid, text, text, text, text[], text) IS 'The body of scope_set(): SECURITY DEFINER, owned by kansa_owner, callable by no other role; caller is the role the entry point ran as.';
CREATE FUNCTION kansa.scope_set(organization text, framework text, name text, items text[],
								note text DEFAULT NULL)
	RETURNS kansa.scope
	AS 'MODULE_PATHNAME', 'kansa_writer' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kansa.scope_set(text, text, text, text[], text) IS 'Keeps a named scope of the organisation: the controls and sections of a framework its questionnaire asks (replacing one of the same name), with the caller and the time. Imports refer to it by name (option scope). For kansa_analyst.';

CREATE FUNCTION kansa.scope_delete_by(caller oid, organization text, framework text, name text)
	RETURNS boolean
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	AS $$
#variable_conflict use_column
DECLARE
	v_org bigint := kansa.caller_organization(caller, organization);
BEGIN
	DELETE FROM kansa.scope AS s
	 WHERE s.organization_id = v_org AND s.framework = scope_delete_by.framework
	   AND kansa.name_key(s.name) = kansa.name_key(scope_delete_by.name);
	RETURN FOUND;
END;
$$;
COMMENT ON FUNCTION kansa.scope_delete_by(oid, text, text, text) IS 'The body of scope_delete(): SECURITY DEFINER, owned by kansa_owner, callable by no other role; caller is the role the entry point ran as.';
CREATE FUNCTION kansa.scope_delete(organization text, framework text, name text)
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'kansa_writer' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kansa.scope_delete(text, text, text) IS 'Removes a named scope of the organisation; true when there was one. Assessments imported with it keep their controls. For kansa_analyst.';

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
	sqlstate	text,
	reject		text,
	verdict		kansa.answer,
	conflict	boolean
);
COMMENT ON TYPE kansa.sheet_line IS 'What sheet_answers() says of a row of an answer sheet: kind layout, response, skipped or rejected; the sheet, row and column; the control (local id) and the id cell as read; the answer, mark and ownership cells; via (row, list, inherit, range, blank); reason (the layout as JSON, the skip reason, or the reject message); sqlstate and reject (its category) of a reject; the verdict a response will get and whether its mark and text disagree.';

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
COMMENT ON COLUMN kansa.sheet_line.reason IS 'layout: the layout as JSON; skipped: why (title, header, repeated header, repeated title, section, note, duplicate); rejected: the error message.';
COMMENT ON COLUMN kansa.sheet_line.sqlstate IS 'SQLSTATE of a reject: 23503 unknown control, 23502 no control id, 23505 conflicting duplicate.';
COMMENT ON COLUMN kansa.sheet_line.reject IS 'Why a row is rejected: unknown control, no control id or conflicting duplicate (import_reject.reason).';
COMMENT ON COLUMN kansa.sheet_line.verdict IS 'The verdict a response will get (sheet_answers(content, framework, options) only): the mark reconciled with the reading of the text, as import_sheet() gives it, read without the service''s and vendor''s names.';
COMMENT ON COLUMN kansa.sheet_line.conflict IS 'True when the response''s mark and text disagree (mark_conflict()); sheet_answers(content, framework, options) only.';

CREATE FUNCTION kansa.sheet_answers(content bytea, framework text, controls text[],
									sections text[], section_titles text[],
									options jsonb DEFAULT '{}')
	RETURNS SETOF kansa.sheet_line
	AS 'MODULE_PATHNAME', 'kansa_sheet_answers' LANGUAGE C STABLE PARALLEL SAFE ROWS 500;
COMMENT ON FUNCTION kansa.sheet_answers(bytea, text, text[], text[], text[], jsonb) IS 'How kansa reads an answer sheet against a catalog (controls: local ids in document order; sections and their titles): a layout row (reason: JSON of sheet, header_row and columns), then per non-empty row its responses (control, answer, mark, ownership, via), or why it was skipped (reason) or rejected (reason: message; sqlstate). import_sheet() stores what this returns.';

-- The rows of a sheet read against a framework's catalog in kansa.control,
-- without verdicts: what import_sheet() and sheet_frameworks() work from.
CREATE FUNCTION kansa.sheet_lines(content bytea, framework text, options jsonb DEFAULT '{}')
	RETURNS SETOF kansa.sheet_line
	LANGUAGE sql STABLE PARALLEL SAFE ROWS 500
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		SELECT a.* FROM kansa.sheet_answers(content, framework,
			ARRAY(SELECT kansa.local_id(c.id) FROM kansa.control AS c
				   WHERE c.framework = sheet_lines.framework AND c.kind = 'control'
				   ORDER BY c.position, c.id),
			ARRAY(SELECT kansa.local_id(c.id) FROM kansa.control AS c
				   WHERE c.framework = sheet_lines.framework AND c.kind = 'section'
				   ORDER BY c.position, c.id),
			ARRAY(SELECT COALESCE(c.title, '') FROM kansa.control AS c
				   WHERE c.framework = sheet_lines.framework AND c.kind = 'section'
				   ORDER BY c.position, c.id),
			options) AS a;
	END;
COMMENT ON FUNCTION kansa.sheet_lines(bytea, text, jsonb) IS 'sheet_answers() against the catalog of a framework in kansa.control, without the verdicts (verdict and conflict are NULL): what import_sheet() reads a sheet with.';


-- Which frameworks' catalogs a sheet answers, for "did you mean" when it is
-- imported against another: per framework, the rows that answer one of its
-- controls and the id-like rows that answer none.
CREATE FUNCTION kansa.sheet_frameworks(content bytea, options jsonb DEFAULT '{}',
									   OUT framework text, OUT answered integer,
									   OUT unknown integer)
	RETURNS SETOF record
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	v_code text;
BEGIN
	IF content IS NULL THEN
		RAISE EXCEPTION 'content must not be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	FOR v_code IN SELECT f.code FROM kansa.framework AS f ORDER BY f.code LOOP
		BEGIN
			SELECT v_code, pg_catalog.count(DISTINCT (a.sheet, a.row_number)) FILTER (WHERE a.kind = 'response'),
				   pg_catalog.count(*) FILTER (WHERE a.kind = 'rejected' AND a.sqlstate = '23503')
			  INTO framework, answered, unknown
			  FROM kansa.sheet_lines(content, v_code, COALESCE(options, '{}')) AS a;
			IF answered > 0 THEN
				RETURN NEXT;
			END IF;
		EXCEPTION WHEN bad_copy_file_format OR invalid_parameter_value THEN
			NULL;			-- no ids of this framework at all
		END;
	END LOOP;
END;
$$;
COMMENT ON FUNCTION kansa.sheet_frameworks(bytea, jsonb) IS 'The frameworks whose controls a sheet answers: per framework of kansa.framework with at least one, the rows that answer one of its controls (answered) and the id-like rows with an answer that name none (unknown). import_sheet() names the best of them when a sheet is imported against another framework.';

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
	-- mark and text disagree: the weaker of the two (implemented > partial >
	-- planned > not_implemented); a not_applicable mark or text stays as marked
	IF kansa.status(description) IN ('implemented', 'partial', 'planned', 'not_implemented')
	   AND st IN ('implemented', 'partial', 'planned', 'not_implemented')
	   AND pg_catalog.array_position(ARRAY['not_implemented', 'planned', 'partial', 'implemented'],
									 kansa.status(description))
		   < pg_catalog.array_position(ARRAY['not_implemented', 'planned', 'partial', 'implemented'], st) THEN
		st := kansa.status(description);
	END IF;
	IF st IN ('not_applicable', 'unanswered') THEN
		resp := NULL;
	END IF;
	RETURN kansa.answer(st, resp);
END;
$$;
COMMENT ON FUNCTION kansa.sheet_verdict(text, text, kansa.answer) IS 'The verdict of a sheet''s own mark (Yes/No/N/A, ○/△/×) with its ownership column (CAIQ SSRM ownership); where the description (the classifier''s reading of the text) is weaker (implemented > partial > planned > not_implemented), that status: ○ with 「ただし一部は未対応」 is partial. NULL when there is no valid mark.';

CREATE FUNCTION kansa.mark_conflict(mark text, description kansa.answer)
	RETURNS boolean
	LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	IF mark IS NULL OR description IS NULL OR NOT kansa.is_valid_answer(mark) THEN
		RETURN false;
	END IF;
	RETURN kansa.status(description) NOT IN ('unclear', 'unanswered')
		AND kansa.status(kansa.answer(mark)) NOT IN ('unclear', 'unanswered')
		AND kansa.status(kansa.answer(mark)) OPERATOR(pg_catalog.<>) kansa.status(description);
END;
$$;
COMMENT ON FUNCTION kansa.mark_conflict(text, kansa.answer) IS 'Do a sheet''s mark and the reading of its text disagree on the status (neither unclear)?  ○ beside a plan or an exception, × beside a description of the safeguard, － beside one.';

CREATE FUNCTION kansa.sheet_answers(content bytea, framework text, options jsonb DEFAULT '{}')
	RETURNS SETOF kansa.sheet_line
	LANGUAGE sql STABLE PARALLEL SAFE ROWS 500
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		WITH lines AS (
			SELECT l.* FROM kansa.sheet_lines(content, framework, options)
				 WITH ORDINALITY AS l (kind, sheet, row_number, column_number, control, cell,
									   answer, mark, ownership, via, reason, sqlstate, reject,
									   verdict, conflict, n)
		), texts AS (
			-- each distinct text read once, as import_sheet() reads it
			SELECT t.answer,
				   (kansa.classify_explain(t.answer,
						pg_catalog.jsonb_build_object('framework', framework, 'boilerplate',
							pg_catalog.to_jsonb(kansa.boilerplate(ARRAY(
								SELECT DISTINCT b.answer FROM lines AS b
								 WHERE b.kind = 'response' AND b.answer IS NOT NULL)))))).verdict AS read
			  FROM (SELECT DISTINCT l.answer FROM lines AS l WHERE l.kind = 'response') AS t
		)
		SELECT l.kind, l.sheet, l.row_number, l.column_number, l.control, l.cell, l.answer,
			   l.mark, l.ownership, l.via, l.reason, l.sqlstate, l.reject,
			   CASE WHEN l.kind = 'response'
					THEN COALESCE(CASE WHEN l.mark IS NOT NULL
									   THEN kansa.sheet_verdict(l.mark, l.ownership, t.read) END,
								  t.read) END,
			   CASE WHEN l.kind = 'response' THEN kansa.mark_conflict(l.mark, t.read) END
		  FROM lines AS l
		  LEFT JOIN texts AS t ON l.kind = 'response' AND t.answer IS NOT DISTINCT FROM l.answer
		 ORDER BY l.n;
	END;
COMMENT ON FUNCTION kansa.sheet_answers(bytea, text, jsonb) IS 'sheet_answers() against the catalog of a framework in kansa.control: a dry run of import_sheet() that stores nothing and shows what every row would become, with the verdict each response will get and whether its mark and text disagree.';

-- The views join a dozen tables.  Planned on statistics that are missing
-- or stale (a table analysed at 300 rows that now holds 80,000), they can
-- take minutes where they need milliseconds: estimates of one row make
-- nested loops re-run whole subqueries per row.  A dashboard's query right
-- after a batch of imports would come before autovacuum's next round; so
-- an import ends by analysing the tables that autovacuum's own rule (50
-- rows plus a tenth of the table changed since the last ANALYZE, or never
-- analysed) says are due.  One import at a time does it (the others skip),
-- as the tables' owner, since importers may not ANALYZE.
-- The lock that lets one session at a time analyse: a row of a table that
-- only kansa's functions may lock (an advisory lock's key can be computed,
-- and pg_advisory_lock is open to every role).
CREATE TABLE kansa.maintenance_lock (
	name		text PRIMARY KEY
);
INSERT INTO kansa.maintenance_lock (name) VALUES ('analyze');
COMMENT ON TABLE kansa.maintenance_lock IS 'Rows that kansa''s own functions lock to run one at a time (analyze: analyze_stale_tables()); no other role holds any privilege on it.';
COMMENT ON COLUMN kansa.maintenance_lock.name IS 'What the row serialises.';
REVOKE ALL ON kansa.maintenance_lock FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('kansa.maintenance_lock', 'WHERE false');

CREATE FUNCTION kansa.analyze_stale_tables() RETURNS void
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	AS $$
DECLARE
	t regclass;
BEGIN
	PERFORM FROM kansa.maintenance_lock AS l WHERE l.name = 'analyze' FOR UPDATE SKIP LOCKED;
	IF NOT FOUND THEN
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

-----------------------------------------------------------------------------
-- Writers.  Tenant roles write no table: import_sheet(), review() and the
-- functions below write for them.  Each is an entry point in C
-- (kansa_writer, src/tenant.c), SECURITY INVOKER, that passes the role it
-- runs as to its body, <name>_by(caller oid, ...): SECURITY DEFINER, owned
-- by kansa_owner (NOLOGIN, neither superuser nor BYPASSRLS; row-level
-- security shows it every organisation's rows, see tenant_visible()), and
-- callable by no other role, so the caller cannot be made up.  The body
-- checks that the caller acts for the organisation before it reads or
-- writes anything of it, and records the caller itself: no identity,
-- reviewer, timestamp or verdict source comes from outside.  An
-- organisation the caller does not act for "does not exist", with the same
-- error and SQLSTATE as one never created.
-----------------------------------------------------------------------------

-- The organisations the caller acts for: every one for a superuser, else
-- those of whose tenant role it is a member.  Worked out over all the
-- organisations whatever the writer goes on to look for, so that the work
-- (and its time) never depends on whether an organisation the caller may
-- not see exists.
CREATE FUNCTION kansa.caller_organizations(caller oid) RETURNS bigint[]
	LANGUAGE sql STABLE
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		SELECT COALESCE(pg_catalog.array_agg(o.id ORDER BY o.id), '{}')
		  FROM kansa.organization AS o
		  LEFT JOIN pg_catalog.pg_roles AS t ON t.rolname = o.tenant_role
		 WHERE EXISTS (SELECT FROM pg_catalog.pg_roles AS r
						WHERE r.oid = caller_organizations.caller AND r.rolsuper)
			OR (t.oid IS NOT NULL AND pg_catalog.pg_has_role(caller_organizations.caller, t.oid, 'MEMBER'));
	END;
COMMENT ON FUNCTION kansa.caller_organizations(oid) IS 'The ids of the organisations the caller (a role''s oid, as kansa_writer passes it) acts for: all for a superuser, else those of whose tenant role it is a member. What the writer functions check, computed over every organisation alike.';

-- The id of the organisation the caller acts for, by name (width and blanks
-- folded); a superuser may have it created.  Anything else is an error that
-- does not tell a hidden organisation from a missing one: the name is only
-- ever looked for among the caller's own organisations.
CREATE FUNCTION kansa.caller_organization(caller oid, organization text,
										  create_missing boolean DEFAULT false)
	RETURNS bigint
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	v_mine bigint[] := kansa.caller_organizations(caller);
	v_org bigint;
BEGIN
	IF organization IS NULL OR kansa.name_key(organization) = '' THEN
		RAISE EXCEPTION 'organization must not be empty' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	SELECT o.id INTO v_org FROM kansa.organization AS o
	 WHERE o.id = ANY (v_mine) AND kansa.name_key(o.name) = kansa.name_key(organization);
	IF FOUND THEN
		RETURN v_org;
	END IF;
	IF COALESCE(create_missing, false)
	   AND EXISTS (SELECT FROM pg_catalog.pg_roles AS r WHERE r.oid = caller AND r.rolsuper) THEN
		INSERT INTO kansa.organization (name) VALUES (pg_catalog.btrim(organization)) RETURNING id INTO v_org;
		RAISE NOTICE 'created organization "%"', pg_catalog.btrim(organization)
			USING HINT = 'Map it to the role whose members act for it (kansa.organization.tenant_role).';
		RETURN v_org;
	END IF;
	RAISE EXCEPTION 'organization "%" does not exist', organization
		USING ERRCODE = 'undefined_object',
			  HINT = 'A superuser creates an organisation and maps it to the role whose members act for it (kansa.organization.tenant_role); you must be a member of that role.';
END;
$$;
COMMENT ON FUNCTION kansa.caller_organization(oid, text, boolean) IS 'The id of the organisation of that name (name_key) if the caller acts for it; a superuser''s call may create it. Otherwise the error "organization does not exist" (42704), the same whether the organisation is missing or another tenant''s.';

-- The organisation's vendor and service of those names, made when missing.
CREATE FUNCTION kansa.organization_service(organization_id bigint, vendor text, service text,
										   create_missing boolean DEFAULT true)
	RETURNS bigint
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
#variable_conflict use_column
DECLARE
	v_vendor bigint;
	v_service bigint;
	v_near text;
	v_found boolean;
BEGIN
	IF vendor IS NULL OR kansa.name_key(vendor) = '' OR service IS NULL OR kansa.name_key(service) = '' THEN
		RAISE EXCEPTION 'vendor and service must not be empty' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	SELECT v.id INTO v_vendor FROM kansa.vendor AS v
	 WHERE v.organization_id = organization_service.organization_id
	   AND kansa.name_key(v.name) = kansa.name_key(vendor);
	v_found := FOUND;
	IF NOT v_found THEN
		-- names near the new one: a typo more likely than a new vendor
		SELECT pg_catalog.string_agg(pg_catalog.format('"%s"', v.name), ', ' ORDER BY v.name)
		  INTO v_near
		  FROM kansa.vendor AS v
		 WHERE v.organization_id = organization_service.organization_id
		   AND kansa.name_distance(v.name, vendor)
			   <= GREATEST(1, pg_catalog.length(kansa.name_key(vendor)) / 5);
	END IF;
	IF NOT v_found AND create_missing THEN
		INSERT INTO kansa.vendor (organization_id, name)
		VALUES (organization_service.organization_id, pg_catalog.btrim(vendor))
		ON CONFLICT (organization_id, kansa.name_key(name)) DO NOTHING;
		SELECT v.id INTO STRICT v_vendor FROM kansa.vendor AS v
		 WHERE v.organization_id = organization_service.organization_id
		   AND kansa.name_key(v.name) = kansa.name_key(vendor);
		RAISE NOTICE 'created vendor "%"%', pg_catalog.btrim(vendor),
			COALESCE(' (did you mean ' || v_near || '?)', '')
			USING HINT = 'Option create = false refuses names that do not exist yet.';
	ELSIF NOT v_found THEN
		RAISE EXCEPTION 'vendor "%" does not exist', vendor
			USING ERRCODE = 'undefined_object',
				  HINT = COALESCE('Perhaps you meant ' || v_near || '.', 'Drop option create = false to create it.');
	END IF;
	SELECT s.id INTO v_service FROM kansa.service AS s
	 WHERE s.organization_id = organization_service.organization_id AND s.vendor_id = v_vendor
	   AND kansa.name_key(s.name) = kansa.name_key(service);
	v_found := FOUND;
	IF NOT v_found THEN
		SELECT pg_catalog.string_agg(pg_catalog.format('"%s"', s.name), ', ' ORDER BY s.name)
		  INTO v_near
		  FROM kansa.service AS s
		 WHERE s.organization_id = organization_service.organization_id AND s.vendor_id = v_vendor
		   AND kansa.name_distance(s.name, service)
			   <= GREATEST(1, pg_catalog.length(kansa.name_key(service)) / 5);
	END IF;
	IF NOT v_found AND create_missing THEN
		INSERT INTO kansa.service (organization_id, vendor_id, name)
		VALUES (organization_service.organization_id, v_vendor, pg_catalog.btrim(service))
		ON CONFLICT (organization_id, vendor_id, kansa.name_key(name)) DO NOTHING;
		SELECT s.id INTO STRICT v_service FROM kansa.service AS s
		 WHERE s.organization_id = organization_service.organization_id AND s.vendor_id = v_vendor
		   AND kansa.name_key(s.name) = kansa.name_key(service);
		RAISE NOTICE 'created service "%" of vendor "%"%', pg_catalog.btrim(service), pg_catalog.btrim(vendor),
			COALESCE(' (did you mean ' || v_near || '?)', '')
			USING HINT = 'Option create = false refuses names that do not exist yet.';
	ELSIF NOT v_found THEN
		RAISE EXCEPTION 'service "%" of vendor "%" does not exist', service, vendor
			USING ERRCODE = 'undefined_object',
				  HINT = COALESCE('Perhaps you meant ' || v_near || '.', 'Drop option create = false to create it.');
	END IF;
	RETURN v_service;
END;
$$;
COMMENT ON FUNCTION kansa.organization_service(bigint, text, text, boolean) IS 'The id of the organisation''s service of that vendor and name (name_key), vendor and service made when missing (or an error, create_missing false). For kansa''s writer functions, which have checked the caller.';

CREATE FUNCTION kansa.service_set_by(caller oid, organization text, vendor text, service text,
								  service_type text DEFAULT NULL, confidentiality text DEFAULT NULL,
								  availability text DEFAULT NULL, pattern integer DEFAULT NULL)
	RETURNS kansa.service
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	AS $$
#variable_conflict use_column
DECLARE
	v_service bigint;
	r kansa.service;
BEGIN
	v_service := kansa.organization_service(kansa.caller_organization(caller, organization), vendor, service);
	UPDATE kansa.service AS s
	   SET service_type = service_set_by.service_type, confidentiality = service_set_by.confidentiality,
		   availability = service_set_by.availability, pattern_set = service_set_by.pattern
	 WHERE s.id = v_service
	RETURNING * INTO r;
	RETURN r;
END;
$$;
COMMENT ON FUNCTION kansa.service_set_by(oid, text, text, text, text, text, text, integer) IS 'The body of service_set(): SECURITY DEFINER, owned by kansa_owner, callable by no other role; caller is the role the entry point ran as.';
CREATE FUNCTION kansa.service_set(organization text, vendor text, service text,
								  service_type text DEFAULT NULL, confidentiality text DEFAULT NULL,
								  availability text DEFAULT NULL, pattern integer DEFAULT NULL)
	RETURNS kansa.service
	AS 'MODULE_PATHNAME', 'kansa_writer' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kansa.service_set(text, text, text, text, text, text, integer) IS 'Records an organisation''s judgement of a service, creating the vendor and service if needed: its service type (kansa.service_type), confidentiality and availability (which give its ASP・SaaS pattern), or a pattern set outright. Each call sets all four (NULL clears). For kansa_analyst members of the organisation''s tenant role; the judgement is the organisation''s own.';

CREATE FUNCTION kansa.service_dependency_set_by(caller oid, organization text, vendor text, service text,
											 provider_vendor text, provider_service text,
											 note text DEFAULT NULL)
	RETURNS void
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	AS $$
#variable_conflict use_column
DECLARE
	v_org bigint := kansa.caller_organization(caller, organization);
	v_service bigint := kansa.organization_service(v_org, vendor, service);
	v_provider bigint := kansa.organization_service(v_org, provider_vendor, provider_service);
BEGIN
	INSERT INTO kansa.service_dependency (service_id, provider_service_id, organization_id, note)
	VALUES (v_service, v_provider, v_org, note)
	ON CONFLICT (service_id, provider_service_id) DO UPDATE SET note = EXCLUDED.note;
END;
$$;
COMMENT ON FUNCTION kansa.service_dependency_set_by(oid, text, text, text, text, text, text) IS 'The body of service_dependency_set(): SECURITY DEFINER, owned by kansa_owner, callable by no other role; caller is the role the entry point ran as.';
CREATE FUNCTION kansa.service_dependency_set(organization text, vendor text, service text,
											 provider_vendor text, provider_service text,
											 note text DEFAULT NULL)
	RETURNS void
	AS 'MODULE_PATHNAME', 'kansa_writer' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kansa.service_dependency_set(text, text, text, text, text, text) IS 'Records that an organisation''s service relies on another service (its cloud platform, data centre, building operator), creating either if needed; with a current assessment of the provider, the service''s inherited answers stop being gaps. For kansa_analyst.';

CREATE FUNCTION kansa.service_dependency_delete_by(caller oid, organization text, vendor text, service text,
												provider_vendor text, provider_service text)
	RETURNS boolean
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	AS $$
#variable_conflict use_column
DECLARE
	v_org bigint := kansa.caller_organization(caller, organization);
	v_service bigint := kansa.organization_service(v_org, vendor, service, false);
	v_provider bigint := kansa.organization_service(v_org, provider_vendor, provider_service, false);
BEGIN
	DELETE FROM kansa.service_dependency AS d
	 WHERE d.service_id = v_service AND d.provider_service_id = v_provider;
	RETURN FOUND;
END;
$$;
COMMENT ON FUNCTION kansa.service_dependency_delete_by(oid, text, text, text, text, text) IS 'The body of service_dependency_delete(): SECURITY DEFINER, owned by kansa_owner, callable by no other role; caller is the role the entry point ran as.';
CREATE FUNCTION kansa.service_dependency_delete(organization text, vendor text, service text,
												provider_vendor text, provider_service text)
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'kansa_writer' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kansa.service_dependency_delete(text, text, text, text, text) IS 'Removes a dependency recorded by service_dependency_set(); true when there was one. For kansa_analyst.';

CREATE FUNCTION kansa.evidence_validity_set_by(caller oid, organization text, evidence kansa.evidence,
											valid_until date, valid_from date DEFAULT NULL,
											note text DEFAULT NULL)
	RETURNS kansa.evidence_validity
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	AS $$
#variable_conflict use_column
DECLARE
	v_org bigint := kansa.caller_organization(caller, organization);
	r kansa.evidence_validity;
BEGIN
	IF evidence IS NULL OR valid_until IS NULL THEN
		RAISE EXCEPTION 'evidence and valid_until must not be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	INSERT INTO kansa.evidence_validity AS v (organization_id, evidence, valid_from, valid_until, note,
											  recorded_at, recorded_by)
	VALUES (v_org, evidence, valid_from, valid_until, note, pg_catalog.now(), pg_catalog.pg_get_userbyid(caller))
	ON CONFLICT (organization_id, evidence) DO UPDATE
	   SET valid_from = EXCLUDED.valid_from, valid_until = EXCLUDED.valid_until,
		   note = EXCLUDED.note, recorded_at = EXCLUDED.recorded_at, recorded_by = EXCLUDED.recorded_by
	RETURNING * INTO r;
	RETURN r;
END;
$$;
COMMENT ON FUNCTION kansa.evidence_validity_set_by(oid, text, kansa.evidence, date, date, text) IS 'The body of evidence_validity_set(): SECURITY DEFINER, owned by kansa_owner, callable by no other role; caller is the role the entry point ran as.';
CREATE FUNCTION kansa.evidence_validity_set(organization text, evidence kansa.evidence,
											valid_until date, valid_from date DEFAULT NULL,
											note text DEFAULT NULL)
	RETURNS kansa.evidence_validity
	AS 'MODULE_PATHNAME', 'kansa_writer' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kansa.evidence_validity_set(text, kansa.evidence, date, date, text) IS 'Records how long a certificate or report stays valid as the organisation''s analysts checked it (replacing an earlier record), with the caller and the time. For kansa_analyst.';

CREATE FUNCTION kansa.evidence_validity_delete_by(caller oid, organization text, evidence kansa.evidence)
	RETURNS boolean
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	AS $$
#variable_conflict use_column
DECLARE
	v_org bigint := kansa.caller_organization(caller, organization);
BEGIN
	DELETE FROM kansa.evidence_validity AS v
	 WHERE v.organization_id = v_org AND v.evidence OPERATOR(kansa.=) evidence_validity_delete_by.evidence;
	RETURN FOUND;
END;
$$;
COMMENT ON FUNCTION kansa.evidence_validity_delete_by(oid, text, kansa.evidence) IS 'The body of evidence_validity_delete(): SECURITY DEFINER, owned by kansa_owner, callable by no other role; caller is the role the entry point ran as.';
CREATE FUNCTION kansa.evidence_validity_delete(organization text, evidence kansa.evidence)
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'kansa_writer' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kansa.evidence_validity_delete(text, kansa.evidence) IS 'Removes the organisation''s record of an evidence item''s validity; true when there was one. For kansa_analyst.';

CREATE FUNCTION kansa.import_sheet_by(caller oid, organization text, vendor text, service text, framework text,
								   content bytea, file_name text, options jsonb DEFAULT '{}',
								   OUT batch_id bigint, OUT assessment_id bigint, OUT status text,
								   OUT format text, OUT sheet text, OUT rows_read integer,
								   OUT responses integer, OUT rejected integer,
								   OUT skipped integer, OUT unknown_controls integer,
								   OUT conflicts integer)
	RETURNS record
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	AS $$
DECLARE
	v_started timestamptz := pg_catalog.clock_timestamp();
	v_read timestamptz;
	v_org bigint;
	v_service bigint;
	v_sha bytea;
	v_mode text;
	v_lines kansa.sheet_line[];
	v_layout jsonb;
	v_prev bigint;
	v_boiler text[];
	v_context jsonb;
	v_prev_options jsonb;
	v_changed text;
	v_msg text;
	v_hint text;
	v_n bigint;
	v_better text;
	v_bad record;
	v_key text;
	v_received date;
	v_skipped jsonb;
	v_scope kansa.control_id[];
	v_scope_name text;
	v_items text[];
	v_answered integer;
	v_unknown integer;
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
							   'ownership_column', 'received', 'reload', 'create', 'scope']) THEN
			RAISE EXCEPTION 'unknown option "%"', v_key
				USING ERRCODE = 'invalid_parameter_value',
					  HINT = 'Options are mode, blank, format, encoding, delimiter, sheet, header_row, id_column, answer_column, mark_column, ownership_column, received, reload, create and scope.';
		END IF;
	END LOOP;
	v_mode := COALESCE(options->>'mode', 'strict');
	IF v_mode NOT IN ('strict', 'quarantine') THEN
		RAISE EXCEPTION 'invalid value "%" for option "mode"', v_mode
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Use strict (any rejected row aborts the import) or quarantine (good rows load, rejected rows go to kansa.import_reject).';
	END IF;
	v_received := (options->>'received')::date;
	PERFORM FROM kansa.framework AS f WHERE f.code = import_sheet_by.framework;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'framework "%" does not exist', framework
			USING ERRCODE = 'foreign_key_violation',
				  HINT = 'The frameworks are the rows of kansa.framework.';
	END IF;

	-- The organisation, checked against the caller; another tenant's
	-- organisation "does not exist", exactly as one never created.  Only a
	-- superuser's import creates an organisation (its tenant_role is then
	-- for the superuser to set).  Vendor and service are the organisation's
	-- own rows, made on first sight.
	v_org := kansa.caller_organization(caller, organization,
									   COALESCE((options->>'create')::boolean, true));
	v_service := kansa.organization_service(v_org, vendor, service,
											COALESCE((options->>'create')::boolean, true));

	-- The controls asked: a scope kept by name, or a list of ids and
	-- sections (a JSON array, or a text of them separated by commas).
	IF options ? 'scope' THEN
		IF pg_catalog.jsonb_typeof(options->'scope') = 'array' THEN
			v_items := ARRAY(SELECT pg_catalog.jsonb_array_elements_text(options->'scope'));
		ELSIF pg_catalog.jsonb_typeof(options->'scope') = 'string' THEN
			SELECT s.name, s.controls INTO v_scope_name, v_scope
			  FROM kansa.scope AS s
			 WHERE s.organization_id = v_org AND s.framework = import_sheet_by.framework
			   AND kansa.name_key(s.name) = kansa.name_key(options->>'scope');
			IF NOT FOUND THEN
				v_items := pg_catalog.regexp_split_to_array(options->>'scope', '\s*[,、，]\s*');
				-- one word that is no kept scope and no control: a name mistyped
				IF pg_catalog.cardinality(v_items) = 1 THEN
					BEGIN
						v_scope := kansa.scope_controls(framework, v_items);
					EXCEPTION WHEN invalid_parameter_value THEN
						RAISE EXCEPTION 'scope "%" does not exist', options->>'scope'
							USING ERRCODE = 'undefined_object',
								  DETAIL = pg_catalog.format('It is neither a scope that organization "%s" keeps for framework %s nor a control or section of it.',
															 organization, framework),
								  HINT = 'Keep the scope with kansa.scope_set(), or list the controls and sections asked, separated by commas.';
					END;
					v_items := NULL;
				END IF;
			END IF;
		ELSE
			RAISE EXCEPTION 'invalid value for option "scope"'
				USING ERRCODE = 'invalid_parameter_value',
					  HINT = 'Give the name of a scope kept in kansa.scope, or the controls and sections asked as a JSON array or a text separated by commas.';
		END IF;
		IF v_items IS NOT NULL THEN
			v_scope := kansa.scope_controls(framework, v_items);
		END IF;
	END IF;
	-- One import at a time per organisation and service, so that the same
	-- file twice loads once and supersession sees the current assessment:
	-- a lock on the organisation's own service row, which no tenant role
	-- can lock (FOR UPDATE needs UPDATE on the table) and no other
	-- organisation's transaction ever writes.
	PERFORM FROM kansa.service AS s WHERE s.id = v_service FOR UPDATE;

	v_sha := pg_catalog.sha256(content);
	IF NOT COALESCE((options->>'reload')::boolean, false) THEN
		SELECT b.id, b.assessment_id, b.format, b.layout->>'sheet', b.rows_read, b.responses,
			   b.rejected, b.skipped, b.unknown_controls, b.conflicts, b.options
		  INTO batch_id, assessment_id, format, sheet, rows_read, responses, rejected,
			   skipped, unknown_controls, conflicts, v_prev_options
		  FROM kansa.import_batch AS b
		 WHERE b.organization_id = v_org AND b.service_id = v_service
		   AND b.framework = import_sheet_by.framework AND b.sha256 = v_sha
		 ORDER BY b.id DESC LIMIT 1;
		IF FOUND THEN
			status := 'already_loaded';
			-- the same bytes with other options: say so, the options are not used
			SELECT pg_catalog.string_agg(k, ', ' ORDER BY k) INTO v_changed
			  FROM (SELECT pg_catalog.jsonb_object_keys(options) AS k
					UNION SELECT pg_catalog.jsonb_object_keys(COALESCE(v_prev_options, '{}'))) AS keys
			 WHERE (options->k) IS DISTINCT FROM (v_prev_options->k);
			IF v_changed IS NOT NULL THEN
				RAISE NOTICE '%: the same file was loaded before (batch %) with other options; the options given now (%) were not used', file_name, batch_id, v_changed
					USING HINT = 'Import it with option reload = true to load it again with these options.';
			END IF;
			RETURN;
		END IF;
	END IF;

	BEGIN
		v_lines := ARRAY(SELECT a FROM kansa.sheet_lines(content, import_sheet_by.framework,
								options - 'mode' - 'received' - 'reload' - 'create' - 'scope') AS a);
	EXCEPTION WHEN bad_copy_file_format THEN
		GET STACKED DIAGNOSTICS v_msg = MESSAGE_TEXT, v_hint = PG_EXCEPTION_HINT;
		IF v_msg NOT LIKE 'no column of the file holds control ids%' THEN
			RAISE;
		END IF;
		-- the sheet answers another framework?  Name the ones whose ids it holds
		SELECT pg_catalog.string_agg(pg_catalog.format('%s (%s %s)', sf.framework, sf.answered,
													   CASE WHEN sf.answered = 1 THEN 'answer' ELSE 'answers' END),
									 ', ' ORDER BY sf.answered DESC, sf.framework)
		  INTO v_better
		  FROM kansa.sheet_frameworks(content, options - 'mode' - 'received' - 'reload' - 'create' - 'scope') AS sf
		 WHERE sf.framework <> import_sheet_by.framework;
		RAISE EXCEPTION '%', v_msg
			USING ERRCODE = 'bad_copy_file_format',
				  HINT = COALESCE('The file holds ids of ' || v_better
								  || ': import it against the framework it answers.', v_hint);
	END;
	v_read := pg_catalog.clock_timestamp();
	-- one layout per sheet read; a workbook that splits its answers over
	-- sheets keeps them all under "sheets"
	SELECT CASE WHEN pg_catalog.count(*) = 1 THEN (pg_catalog.array_agg(l.reason::jsonb))[1]
				ELSE pg_catalog.jsonb_build_object(
						'format', pg_catalog.min(l.reason::jsonb->>'format'),
						'sheet', pg_catalog.string_agg(l.reason::jsonb->>'sheet', ', '),
						'sheets', pg_catalog.jsonb_agg(l.reason::jsonb)) END
	  INTO v_layout
	  FROM pg_catalog.unnest(v_lines) AS l WHERE l.kind = 'layout';
	format := v_layout->>'format';
	sheet := v_layout->>'sheet';

	-- Most rows with an id name no control of this framework: the sheet
	-- answers another one (or another edition).  Refused in every mode,
	-- naming the frameworks whose catalogs match it better.
	SELECT pg_catalog.count(DISTINCT (l.sheet, l.row_number)) FILTER (WHERE l.kind = 'response'),
		   pg_catalog.count(*) FILTER (WHERE l.kind = 'rejected' AND l.sqlstate = '23503')
	  INTO v_answered, v_unknown
	  FROM pg_catalog.unnest(v_lines) AS l;
	IF v_unknown > v_answered THEN
		SELECT pg_catalog.string_agg(pg_catalog.format('%s (%s of the rows)', sf.framework, sf.answered),
									 ', ' ORDER BY sf.answered DESC, sf.framework)
		  INTO v_better
		  FROM kansa.sheet_frameworks(content, options - 'mode' - 'received' - 'reload' - 'create' - 'scope') AS sf
		 WHERE sf.framework <> import_sheet_by.framework AND sf.answered > v_answered;
		RAISE EXCEPTION '%: only % of the % rows with a control id name a control of framework "%"',
			file_name, v_answered, v_answered + v_unknown, framework
			USING ERRCODE = 'bad_copy_file_format',
				  DETAIL = 'A sheet where most ids are unknown is refused in every mode; nothing was loaded.',
				  HINT = COALESCE('The sheet matches ' || v_better || ' better: import it against the framework it answers.',
								  'Check the framework (and its edition), or the id column (option id_column).');
	END IF;

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
									sha256, size_bytes, options, mode, layout, started_at,
									imported_by)
	VALUES (v_org, v_service, framework, file_name, format, v_sha, pg_catalog.length(content),
			options, v_mode, v_layout, v_started, pg_catalog.pg_get_userbyid(caller))
	RETURNING id INTO batch_id;

	SELECT a.id INTO v_prev FROM kansa.assessment AS a
	 WHERE a.organization_id = v_org AND a.service_id = v_service
	   AND a.framework = import_sheet_by.framework AND a.superseded_by IS NULL
	   FOR UPDATE;
	assessment_id := pg_catalog.nextval(pg_catalog.pg_get_serial_sequence('kansa.assessment', 'id'));
	IF v_prev IS NOT NULL THEN
		UPDATE kansa.assessment AS a SET superseded_by = import_sheet_by.assessment_id
		 WHERE a.id = v_prev;
	END IF;
	INSERT INTO kansa.assessment (id, organization_id, service_id, framework, batch_id,
								  file_name, sha256, received_at, imported_by, scope_name, scope)
		OVERRIDING SYSTEM VALUE
	VALUES (assessment_id, v_org, v_service, framework, batch_id, file_name, v_sha, v_received,
			pg_catalog.pg_get_userbyid(caller), v_scope_name, v_scope);

	-- boilerplate over distinct texts: an answer shared by merged cells, a
	-- list or a range is one answer, not many
	v_boiler := kansa.boilerplate(ARRAY(SELECT DISTINCT l.answer FROM pg_catalog.unnest(v_lines) AS l
										 WHERE l.kind = 'response' AND l.answer IS NOT NULL));

	-- what the importer knows of the answers; every distinct text is read
	-- once, however many rows share it (merged cells, lists, ranges)
	v_context := pg_catalog.jsonb_build_object('service', service, 'vendor', vendor,
											   'framework', framework,
											   'boilerplate', pg_catalog.to_jsonb(v_boiler));
	WITH texts AS (
		SELECT t.answer, kansa.classify_explain(t.answer, v_context) AS ce
		  FROM (SELECT DISTINCT l.answer FROM pg_catalog.unnest(v_lines) AS l
				 WHERE l.kind = 'response') AS t
	), lines AS (
		SELECT l.*, t.ce
		  FROM pg_catalog.unnest(v_lines) AS l
		  JOIN texts AS t ON t.answer IS NOT DISTINCT FROM l.answer
		 WHERE l.kind = 'response'
	), judged AS (
		SELECT l.*, CASE WHEN l.mark IS NOT NULL
						 THEN kansa.sheet_verdict(l.mark, l.ownership, (l.ce).verdict) END AS sv
		  FROM lines AS l
	), ins AS (
		INSERT INTO kansa.response (assessment_id, organization_id, control, sheet, row_number,
									cell, via, raw_text, clean_text, specific_text, mark,
									ownership, sheet_verdict, classified, verdict,
									verdict_source, confidence, rule, cue, confidence_class,
									conflict)
		SELECT import_sheet_by.assessment_id, v_org,
			   kansa.control_id(import_sheet_by.framework, j.control),
			   j.sheet, j.row_number,
			   kansa.column_name(j.column_number) || j.row_number,
			   j.via, j.answer, kansa.clean_text(j.answer), (j.ce).specific_text,
			   j.mark, j.ownership, j.sv, (j.ce).verdict,
			   COALESCE(j.sv, (j.ce).verdict),
			   CASE WHEN j.sv IS NOT NULL THEN 'sheet' ELSE 'classifier' END,
			   CASE WHEN j.sv IS NOT NULL THEN 1 ELSE (j.ce).confidence END,
			   CASE WHEN j.sv IS NOT NULL THEN 'sheet_mark' ELSE (j.ce).rule END,
			   (j.ce).cue,
			   CASE WHEN j.sv IS NULL THEN (j.ce).confidence_class END,
			   kansa.mark_conflict(j.mark, (j.ce).verdict)
		  FROM judged AS j
		RETURNING id, clean_text
	), ev AS (
		INSERT INTO kansa.response_evidence (response_id, position, evidence, assessment_id,
											 organization_id)
		SELECT i.id, e.n, e.evidence, import_sheet_by.assessment_id, v_org
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
	SELECT import_sheet_by.batch_id, v_org, l.sheet, l.row_number, l.column_number,
		   kansa.column_name(l.column_number) || l.row_number, l.cell,
		   l.reject,
		   l.sqlstate, l.reason
	  FROM pg_catalog.unnest(v_lines) AS l
	 WHERE l.kind = 'rejected';

	SELECT pg_catalog.count(DISTINCT (l.sheet, l.row_number)) FILTER (WHERE l.kind <> 'layout')::integer,
		   pg_catalog.count(*) FILTER (WHERE l.kind = 'rejected')::integer,
		   pg_catalog.count(*) FILTER (WHERE l.kind = 'skipped')::integer,
		   pg_catalog.count(*) FILTER (WHERE l.kind = 'rejected' AND l.sqlstate = '23503')::integer
	  INTO rows_read, rejected, skipped, unknown_controls
	  FROM pg_catalog.unnest(v_lines) AS l;
	SELECT COALESCE(pg_catalog.jsonb_object_agg(r.reason, r.n), '{}') INTO v_skipped
	  FROM (SELECT l.reason, pg_catalog.count(*) AS n FROM pg_catalog.unnest(v_lines) AS l
			 WHERE l.kind = 'skipped' GROUP BY l.reason ORDER BY l.reason) AS r;
	status := CASE WHEN rejected > 0 THEN 'loaded_with_rejects' ELSE 'loaded' END;
	SELECT pg_catalog.count(*)::integer INTO conflicts FROM kansa.response AS r
	 WHERE r.assessment_id = import_sheet_by.assessment_id AND r.conflict;

	UPDATE kansa.import_batch AS b
	   SET assessment_id = import_sheet_by.assessment_id, rows_read = import_sheet_by.rows_read,
		   responses = import_sheet_by.responses, rejected = import_sheet_by.rejected,
		   skipped = import_sheet_by.skipped, skipped_by_reason = v_skipped,
		   unknown_controls = import_sheet_by.unknown_controls, status = import_sheet_by.status,
		   conflicts = import_sheet_by.conflicts,
		   finished_at = pg_catalog.clock_timestamp(),
		   read_ms = pg_catalog.round((EXTRACT(epoch FROM v_read - v_started) * 1000)::numeric, 1),
		   total_ms = pg_catalog.round((EXTRACT(epoch FROM pg_catalog.clock_timestamp() - v_started) * 1000)::numeric, 1)
	 WHERE b.id = import_sheet_by.batch_id;

	PERFORM kansa.analyze_stale_tables();
END;
$$;
COMMENT ON FUNCTION kansa.import_sheet_by(oid, text, text, text, text, bytea, text, jsonb) IS 'The body of import_sheet(): SECURITY DEFINER, owned by kansa_owner, callable by no other role; caller is the role the entry point ran as.';
CREATE FUNCTION kansa.import_sheet(organization text, vendor text, service text, framework text,
								   content bytea, file_name text, options jsonb DEFAULT '{}',
								   OUT batch_id bigint, OUT assessment_id bigint, OUT status text,
								   OUT format text, OUT sheet text, OUT rows_read integer,
								   OUT responses integer, OUT rejected integer,
								   OUT skipped integer, OUT unknown_controls integer,
								   OUT conflicts integer)
	RETURNS record
	AS 'MODULE_PATHNAME', 'kansa_writer' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kansa.import_sheet(text, text, text, text, bytea, text, jsonb) IS 'Imports a vendor''s answer sheet (xlsx, csv or tsv; UTF-8, UTF-16 or CP932) for an organisation, vendor and service against a framework, creating them as needed: finds the sheet, header and columns, resolves ids leniently, gives every response a verdict, evidence and measures. Modes strict (default; any rejected row aborts with an error naming file, sheet, row and cell) and quarantine. The same bytes again return the earlier batch as already_loaded; a new file supersedes the current assessment. Options: mode, blank (gap|inherit), format, encoding, delimiter, sheet, header_row, id_column, answer_column, mark_column, ownership_column, received (date), reload (load the same bytes again), create (false: refuse an organisation, vendor or service name that does not exist yet, with the names it may have meant), scope (the controls asked: the name of a scope in kansa.scope, or ids and sections as a JSON array or a text separated by commas). A sheet where most id-like rows name no control of the framework is refused in every mode, naming the frameworks it matches better. conflicts counts the responses whose mark and text disagree.';

CREATE FUNCTION kansa.review_by(caller oid, response_id bigint, verdict kansa.answer, note text DEFAULT NULL)
	RETURNS kansa.response
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	AS $$
DECLARE
	r kansa.response;
BEGIN
	IF verdict IS NULL THEN
		RAISE EXCEPTION 'verdict must not be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	-- another organisation's response "does not exist", like a missing one
	SELECT * INTO r FROM kansa.response AS x
	 WHERE x.id = review_by.response_id AND x.organization_id = ANY (kansa.caller_organizations(caller))
	   FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'response % does not exist', response_id
			USING ERRCODE = 'no_data_found';
	END IF;
	INSERT INTO kansa.response_review (response_id, organization_id, reviewed_at, reviewed_by,
									   old_verdict, old_source, new_verdict, note)
	VALUES (r.id, r.organization_id, pg_catalog.now(), pg_catalog.pg_get_userbyid(caller), r.verdict,
			r.verdict_source, verdict, note);
	UPDATE kansa.response AS x
	   SET verdict = review_by.verdict, verdict_source = 'analyst', confidence = 1,
		   rule = 'analyst', reviewed_at = pg_catalog.now(), reviewed_by = pg_catalog.pg_get_userbyid(caller)
	 WHERE x.id = r.id
	RETURNING * INTO r;
	RETURN r;
END;
$$;
COMMENT ON FUNCTION kansa.review_by(oid, bigint, kansa.answer, text) IS 'The body of review(): SECURITY DEFINER, owned by kansa_owner, callable by no other role; caller is the role the entry point ran as.';
CREATE FUNCTION kansa.review(response_id bigint, verdict kansa.answer, note text DEFAULT NULL)
	RETURNS kansa.response
	AS 'MODULE_PATHNAME', 'kansa_writer' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION kansa.review(bigint, kansa.answer, text) IS 'An analyst''s verdict on a response of an organisation the caller acts for: recorded in response_review (who: the role the call ran as, when, from what, to what, note) and made the response''s verdict (source analyst). The only way a verdict, a reviewer or a review changes.';

-- The history of verdicts is the audit trail: a verdict changes only
-- through review(), which records who, when, from what and why.  No tenant
-- role may UPDATE response at all; this trigger also holds the table's
-- owner and superusers to review().
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
	   (SELECT pg_catalog.string_agg(o.measure::text, ', ' ORDER BY o.position)
		  FROM kansa.response_measure AS o
		 WHERE o.response_id = r.id AND o.quantity = ap.quantity
		   AND o.position <> m.position) AS other_measures,
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
			   ri.direction, rv.raw, rv.measure AS required, rv.must_achieve, a.scope
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
   -- only through the controls the organisation asked
   AND kansa.in_scope(ap.scope, lk.via_control::text)
  LEFT JOIN kansa.response AS r
	ON r.assessment_id = ap.assessment_id AND r.control = lk.via_control
  LEFT JOIN kansa.response_measure AS m
	ON m.response_id = r.id AND m.quantity = ap.quantity
 ORDER BY ap.assessment_id, ap.item_id,
		  -- the weakest figure stated decides: one that falls short first
		  CASE kansa.satisfies(m.measure, ap.required, ap.direction)
			  WHEN false THEN 0 WHEN true THEN 1
			  ELSE CASE WHEN m.measure IS NOT NULL THEN 2 WHEN r.id IS NOT NULL THEN 3 ELSE 4 END
		  END,
		  lk.link, lk.via_control, m.position;
COMMENT ON VIEW kansa.reference_check IS 'For every current assessment of a service whose pattern is known, every evaluation item whose reference value applies to that pattern (values "-" set nothing) and that the assessment''s framework answers, directly (asp_saas) or through an equivalent control_link (meti_cloud): the value required, the vendor''s weakest stated figure for the item''s quantity (a figure that falls short decides; the others are listed), and whether it satisfies it. Frameworks with no link to asp_saas have no rows.';
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
COMMENT ON COLUMN kansa.reference_check.stated_measure IS 'The vendor''s figure judged, in canonical text: the weakest stated — one that falls short of the value if any does, else one that satisfies it, else one left open; NULL when no figure for the quantity is stated.';
COMMENT ON COLUMN kansa.reference_check.stated_span IS 'The words of the answer that state that figure.';
COMMENT ON COLUMN kansa.reference_check.other_measures IS 'The other figures the same answer states for the quantity, comma-separated, NULL when none: the weakest (stated_measure) decides.';
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
		 WHERE a.superseded_by IS NULL
		   -- an answer to a control the organisation did not ask is kept, not judged
		   AND kansa.in_scope(a.scope, r.control::text)) AS k;

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
 WHERE a.superseded_by IS NULL
   AND kansa.in_scope(a.scope, c.control);

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

CREATE VIEW kansa.review_queue AS
SELECT ac.organization, ac.vendor, ac.service, ac.framework, ac.control, ac.title, ac.level,
	   ac.status, ac.responsibility,
	   r.confidence::numeric(3,2) AS confidence, r.conflict,
	   w.weight AS severity_if_wrong,
	   pg_catalog.round(w.weight * CASE WHEN r.conflict THEN 1
									  ELSE 1 - r.confidence::numeric END, 3) AS priority,
	   r.rule, r.cue AS deciding_text, r.confidence_class,
	   CASE WHEN pg_catalog.length(ac.answer_text) > 200 THEN pg_catalog.left(ac.answer_text, 199) || '…'
			ELSE ac.answer_text END AS answer_excerpt,
	   ac.file_name, r.row_number, r.cell, ac.assessment_id, ac.response_id
  FROM kansa.assessment_control AS ac
  JOIN kansa.response AS r ON r.id = ac.response_id
  -- how bad a wrong verdict would be: a hidden gap costs what the gap
  -- would have cost (its severity had the safeguard been missing); a false
  -- alarm or a misjudged gap costs an analyst's look
  CROSS JOIN LATERAL (SELECT CASE WHEN ac.status IN ('implemented', 'not_applicable')
								  THEN CASE kansa.gap_severity('not_implemented', ac.level)
										   WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END
								  ELSE 1 END AS weight) AS w
 WHERE r.reviewed_at IS NULL
   AND (r.conflict OR (r.verdict_source = 'classifier' AND r.confidence < 1));

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
  -- the controls per section: of the whole framework (scope_key 0), or of
  -- an assessment's scope (scope_key its id)
  JOIN (SELECT c.framework, 0::bigint AS scope_key, c.section, c.section_title, c.section_position,
			   pg_catalog.count(*)::integer AS controls,
			   pg_catalog.count(*) FILTER (WHERE kansa.gap_severity('unanswered', c.level) = 'high')::integer
				   AS unanswered_high,
			   pg_catalog.count(*) FILTER (WHERE kansa.gap_severity('unanswered', c.level) = 'medium')::integer
				   AS unanswered_medium
		  FROM kansa.control_section AS c
		 GROUP BY c.framework, c.section, c.section_title, c.section_position
		UNION ALL
		SELECT c.framework, sa.id, c.section, c.section_title, c.section_position,
			   pg_catalog.count(*)::integer,
			   pg_catalog.count(*) FILTER (WHERE kansa.gap_severity('unanswered', c.level) = 'high')::integer,
			   pg_catalog.count(*) FILTER (WHERE kansa.gap_severity('unanswered', c.level) = 'medium')::integer
		  FROM kansa.assessment AS sa
		  JOIN kansa.control_section AS c
			ON c.framework = sa.framework AND kansa.in_scope(sa.scope, c.control)
		 WHERE sa.scope IS NOT NULL AND sa.superseded_by IS NULL
		 GROUP BY c.framework, sa.id, c.section, c.section_title, c.section_position) AS cs
	ON cs.framework = a.framework
   AND cs.scope_key = CASE WHEN a.scope IS NULL THEN 0 ELSE a.id END
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

COMMENT ON VIEW kansa.assessment_control IS 'Every control in scope of every current assessment (all controls of its framework, or those of the assessment''s scope), answered or not, with its status and, when it is not clean, its gap kind and severity: the row-level base of gaps, section_coverage and assessment_summary, for dashboards that drill down to controls.';
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

COMMENT ON VIEW kansa.review_queue IS 'The verdicts an analyst should check first, one row per unreviewed answer of a current assessment whose verdict the classifier gave, or whose sheet mark and text disagree: priority = severity_if_wrong × (1 − confidence), or severity_if_wrong for a conflict; highest first. Reviewing an answer (review()) takes it off the queue.';
COMMENT ON COLUMN kansa.review_queue.organization IS 'The assessing organisation.';
COMMENT ON COLUMN kansa.review_queue.vendor IS 'The vendor.';
COMMENT ON COLUMN kansa.review_queue.service IS 'The service assessed.';
COMMENT ON COLUMN kansa.review_queue.framework IS 'The framework answered.';
COMMENT ON COLUMN kansa.review_queue.control IS 'The control, e.g. fisc8:設62.';
COMMENT ON COLUMN kansa.review_queue.title IS 'Title of the control.';
COMMENT ON COLUMN kansa.review_queue.level IS 'basic, recommended, or NULL where the framework has no levels.';
COMMENT ON COLUMN kansa.review_queue.status IS 'The status the classifier gave.';
COMMENT ON COLUMN kansa.review_queue.responsibility IS 'The responsibility the classifier gave, if any.';
COMMENT ON COLUMN kansa.review_queue.confidence IS 'The classifier''s confidence: the share of labelled answers of the same class it read right (see classify_explain).';
COMMENT ON COLUMN kansa.review_queue.conflict IS 'True when the sheet''s mark and its text disagree (response.conflict): such an answer ranks as if its confidence were 0.';
COMMENT ON COLUMN kansa.review_queue.severity_if_wrong IS '3, 2 or 1: for an answer judged implemented or not_applicable, the weight of the gap it would hide (high 3, medium 2, low 1 — the severity of a missing safeguard for the control''s level); 1 for an answer already shown as a gap.';
COMMENT ON COLUMN kansa.review_queue.priority IS 'severity_if_wrong × (1 − confidence): sort by it, highest first.';
COMMENT ON COLUMN kansa.review_queue.rule IS 'The classifier rule that decided.';
COMMENT ON COLUMN kansa.review_queue.deciding_text IS 'The words of the answer that decided the verdict.';
COMMENT ON COLUMN kansa.review_queue.confidence_class IS 'The class of answer whose measured accuracy gave the confidence.';
COMMENT ON COLUMN kansa.review_queue.answer_excerpt IS 'The first 200 characters of the answer (… when cut).';
COMMENT ON COLUMN kansa.review_queue.file_name IS 'The sheet''s file.';
COMMENT ON COLUMN kansa.review_queue.row_number IS 'The row of the sheet that gave the answer.';
COMMENT ON COLUMN kansa.review_queue.cell IS 'The answer cell, e.g. F12.';
COMMENT ON COLUMN kansa.review_queue.assessment_id IS 'The assessment.';
COMMENT ON COLUMN kansa.review_queue.response_id IS 'The response: pass it to review() once checked.';

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
COMMENT ON COLUMN kansa.section_coverage.controls_in_scope IS 'Controls of the section the organisation asked: all of them, or those of the assessment''s scope (import option scope). A section with none in scope has no row.';
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
COMMENT ON COLUMN kansa.assessment_summary.controls_in_scope IS 'Controls asked: every control of the framework, or those of the assessment''s scope (import option scope).';
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
-- Six group roles of the cluster, NOLOGIN, made here where they do not
-- exist yet and kept if the extension is dropped (roles are not objects of
-- a database):
--   kansa_admin      catalogs (frameworks, controls, reference values...)
--                    and the import caps; no tenant's rows;
--   kansa_importer   import_sheet(), its dry runs, review();
--   kansa_analyst    reads everything of its organisations; review(),
--                    service_set(), the dependency and evidence-validity
--                    writers;
--   kansa_bi         SELECT on the views only;
--   kansa_view_owner owns the views; has no members;
--   kansa_owner      owns the writer functions (SECURITY DEFINER) and alone
--                    writes the tenant tables; has no members.
--
-- Tenancy is row-level security keyed on role membership: an organisation
-- names a tenant role, and the members of that role (pg_has_role MEMBER)
-- see its rows; nothing depends on a setting a user can change.  Every
-- tenant table has FORCE ROW LEVEL SECURITY and one policy,
-- tenant_visible(organization_id) (see src/tenant.c for why it is a per-row
-- C call costed below any operator).  Tenant roles hold SELECT and nothing
-- else on the tables: every write goes through a writer function, which
-- checks the caller and records it.  The views run with the rights of
-- kansa_view_owner, which is neither superuser nor BYPASSRLS nor a table
-- owner: the tables' policies apply inside them, evaluated for the user who
-- runs the query, so kansa_bi needs SELECT on the views and nothing else.
-----------------------------------------------------------------------------

DO $$
DECLARE
	r record;
BEGIN
	FOR r IN SELECT v.name, v.note, x.rolname, x.rolsuper, x.rolbypassrls, x.rolcanlogin
			   FROM (VALUES ('kansa_admin', 'kansa: administrators. Write the catalogs (frameworks, controls, reference values, service types, links); set the import caps (kansa.import_max_*). No tenant''s rows.'),
							('kansa_importer', 'kansa: importers. Run import_sheet() and its dry runs (read_sheet, sheet_answers) and review(), for the organisations whose tenant role they are also a member of.'),
							('kansa_analyst', 'kansa: analysts. Read every table and view, for the organisations whose tenant role they are also a member of; review() verdicts, record services'' patterns and dependencies and evidence validity through kansa''s functions.'),
							('kansa_bi', 'kansa: BI dashboards. SELECT on kansa''s views only, showing the organisations whose tenant role the dashboard''s login is also a member of.'),
							('kansa_view_owner', 'kansa: owns kansa''s views, so that the tables'' row-level security applies inside them. Has no members and must get none.'),
							('kansa_owner', 'kansa: owns kansa''s writer functions (SECURITY DEFINER) and alone writes the tenant tables; sees every organisation''s rows. Has no members and must get none.'))
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
	-- kansa_owner sees every tenant's rows: nobody may act as it
	IF EXISTS (SELECT FROM pg_catalog.pg_auth_members AS m
				WHERE m.roleid OPERATOR(pg_catalog.=) 'kansa_owner'::pg_catalog.regrole) THEN
		RAISE EXCEPTION 'role "kansa_owner" has members'
			USING ERRCODE = 'invalid_role_specification',
				  HINT = 'kansa_owner sees every organisation''s rows; revoke it from every role before installing kansa.';
	END IF;
END
$$;

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
					  'kansa_analyst', 'kansa_bi', 'kansa_view_owner', 'kansa_owner', 'public']) THEN
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

-- Row-level security: one policy per tenant table, the same per-row test.
-- The composite foreign keys (…, organization_id) keep a row from pointing
-- at another tenant's rows.
ALTER TABLE kansa.organization ENABLE ROW LEVEL SECURITY;
ALTER TABLE kansa.organization FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON kansa.organization USING (kansa.tenant_visible(id));
COMMENT ON POLICY tenant ON kansa.organization IS 'An organisation is seen only by the members of its tenant role (and superusers, and kansa''s writer functions): tenant_visible(id).';

DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['vendor', 'service', 'service_dependency', 'import_batch', 'assessment',
							 'response', 'response_evidence', 'response_measure', 'response_review',
							 'import_reject', 'evidence_validity', 'scope']
	LOOP
		EXECUTE pg_catalog.format('ALTER TABLE kansa.%I ENABLE ROW LEVEL SECURITY', t);
		EXECUTE pg_catalog.format('ALTER TABLE kansa.%I FORCE ROW LEVEL SECURITY', t);
		EXECUTE pg_catalog.format(
			'CREATE POLICY tenant ON kansa.%I USING (kansa.tenant_visible(organization_id))', t);
		EXECUTE pg_catalog.format(
			'COMMENT ON POLICY tenant ON kansa.%I IS %L', t,
			'Rows of the organisations the current user may see (tenant_visible(organization_id)), and only those; new and changed rows must belong to one of them.');
	END LOOP;
END
$$;

-- No statistics on what a tenant's rows hold.  The planner estimates a
-- condition with a LEAKPROOF operator (text =, <, ...) from a column's most
-- common values and histogram even under row-level security, and a
-- different estimate can give a different plan, which EXPLAIN shows: so
-- another organisation's values could be told apart without one row being
-- read.  Only the id columns, which joins need, keep statistics (and
-- superseded_by, an id whose NULLs mark the current assessments); the
-- expression indexes on names none.
DO $$
DECLARE
	c record;
BEGIN
	FOR c IN SELECT k.oid::regclass AS rel, a.attname
			   FROM pg_catalog.pg_class AS k
			   JOIN pg_catalog.pg_attribute AS a
				 ON a.attrelid OPERATOR(pg_catalog.=) k.oid AND a.attnum OPERATOR(pg_catalog.>) 0
			  WHERE k.relnamespace OPERATOR(pg_catalog.=) 'kansa'::pg_catalog.regnamespace
				AND k.relkind OPERATOR(pg_catalog.=) 'r' AND k.relrowsecurity AND NOT a.attisdropped
				AND a.attname OPERATOR(pg_catalog.!~) '(^id|_id|^superseded_by)$'
	LOOP
		EXECUTE pg_catalog.format('ALTER TABLE %s ALTER COLUMN %I SET STATISTICS 0', c.rel, c.attname);
	END LOOP;
END
$$;
ALTER INDEX kansa.organization_name_key ALTER COLUMN 1 SET STATISTICS 0;
ALTER INDEX kansa.organization_tenant_role_key ALTER COLUMN 1 SET STATISTICS 0;
ALTER INDEX kansa.vendor_name_key ALTER COLUMN 2 SET STATISTICS 0;
ALTER INDEX kansa.scope_name_key ALTER COLUMN 2 SET STATISTICS 0;
ALTER INDEX kansa.scope_name_key ALTER COLUMN 3 SET STATISTICS 0;
ALTER INDEX kansa.service_name_key ALTER COLUMN 3 SET STATISTICS 0;
ALTER INDEX kansa.assessment_current_idx ALTER COLUMN 3 SET STATISTICS 0;

-- Privileges.  Nothing of a tenant's is PUBLIC; the catalogs stay readable
-- by everyone (above).  Tenant roles read; only kansa_owner writes.
REVOKE ALL ON kansa.organization, kansa.vendor, kansa.service, kansa.service_dependency,
	kansa.import_batch, kansa.assessment, kansa.response, kansa.response_evidence,
	kansa.response_measure, kansa.response_review, kansa.import_reject,
	kansa.evidence_validity, kansa.scope FROM PUBLIC;
GRANT SELECT ON kansa.organization, kansa.vendor, kansa.service, kansa.service_dependency,
	kansa.import_batch, kansa.assessment, kansa.response, kansa.response_evidence,
	kansa.response_measure, kansa.response_review, kansa.import_reject,
	kansa.evidence_validity, kansa.scope TO kansa_analyst, kansa_importer, kansa_view_owner;
GRANT SELECT, INSERT, UPDATE, DELETE ON kansa.organization, kansa.vendor, kansa.service,
	kansa.service_dependency, kansa.import_batch, kansa.assessment, kansa.response,
	kansa.response_evidence, kansa.response_measure, kansa.response_review,
	kansa.import_reject, kansa.evidence_validity, kansa.scope TO kansa_owner;
GRANT USAGE ON SEQUENCE kansa.assessment_id_seq, kansa.scope_id_seq TO kansa_owner;
GRANT SELECT ON kansa.framework, kansa.control TO kansa_owner;

-- administrators keep the catalogs
GRANT INSERT, UPDATE, DELETE ON kansa.framework, kansa.control, kansa.quantity, kansa.lexicon,
	kansa.reference_item, kansa.reference_value, kansa.service_type, kansa.control_link
	TO kansa_admin;
GRANT USAGE ON SEQUENCE kansa.control_position_seq, kansa.reference_item_id_seq TO kansa_admin;
GRANT SET ON PARAMETER kansa.import_max_file_size, kansa.import_max_inflated_size,
	kansa.import_max_rows, kansa.import_max_columns, kansa.import_max_cell_size TO kansa_admin;

-- The bodies of the writer functions belong to kansa_owner and run with its
-- rights; no other role may call them or their helpers (the entry points
-- call them through the function manager, which checks no privilege).
ALTER FUNCTION kansa.import_sheet_by(oid, text, text, text, text, bytea, text, jsonb) OWNER TO kansa_owner;
ALTER FUNCTION kansa.review_by(oid, bigint, kansa.answer, text) OWNER TO kansa_owner;
ALTER FUNCTION kansa.service_set_by(oid, text, text, text, text, text, text, integer) OWNER TO kansa_owner;
ALTER FUNCTION kansa.service_dependency_set_by(oid, text, text, text, text, text, text) OWNER TO kansa_owner;
ALTER FUNCTION kansa.service_dependency_delete_by(oid, text, text, text, text, text) OWNER TO kansa_owner;
ALTER FUNCTION kansa.evidence_validity_set_by(oid, text, kansa.evidence, date, date, text) OWNER TO kansa_owner;
ALTER FUNCTION kansa.evidence_validity_delete_by(oid, text, kansa.evidence) OWNER TO kansa_owner;
ALTER FUNCTION kansa.scope_set_by(oid, text, text, text, text[], text) OWNER TO kansa_owner;
ALTER FUNCTION kansa.scope_delete_by(oid, text, text, text) OWNER TO kansa_owner;

REVOKE EXECUTE ON FUNCTION kansa.import_sheet(text, text, text, text, bytea, text, jsonb),
	kansa.sheet_answers(bytea, text, text[], text[], text[], jsonb),
	kansa.sheet_answers(bytea, text, jsonb), kansa.read_sheet(bytea, jsonb),
	kansa.review(bigint, kansa.answer, text), kansa.control_tree_refresh(),
	kansa.organization_check(), kansa.analyze_stale_tables(), kansa.response_verdict_guard(),
	kansa.caller_organization(oid, text, boolean),
	kansa.caller_organizations(oid), kansa.organization_service(bigint, text, text, boolean),
	kansa.service_set(text, text, text, text, text, text, integer),
	kansa.service_dependency_set(text, text, text, text, text, text),
	kansa.service_dependency_delete(text, text, text, text, text),
	kansa.evidence_validity_set(text, kansa.evidence, date, date, text),
	kansa.evidence_validity_delete(text, kansa.evidence),
	kansa.scope_set(text, text, text, text[], text), kansa.scope_delete(text, text, text),
	kansa.sheet_frameworks(bytea, jsonb), kansa.sheet_lines(bytea, text, jsonb),
	kansa.import_sheet_by(oid, text, text, text, text, bytea, text, jsonb),
	kansa.review_by(oid, bigint, kansa.answer, text),
	kansa.service_set_by(oid, text, text, text, text, text, text, integer),
	kansa.service_dependency_set_by(oid, text, text, text, text, text, text),
	kansa.service_dependency_delete_by(oid, text, text, text, text, text),
	kansa.evidence_validity_set_by(oid, text, kansa.evidence, date, date, text),
	kansa.evidence_validity_delete_by(oid, text, kansa.evidence),
	kansa.scope_set_by(oid, text, text, text, text[], text),
	kansa.scope_delete_by(oid, text, text, text)
	FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kansa.sheet_answers(bytea, text, text[], text[], text[], jsonb),
	kansa.sheet_answers(bytea, text, jsonb), kansa.read_sheet(bytea, jsonb),
	kansa.sheet_frameworks(bytea, jsonb), kansa.sheet_lines(bytea, text, jsonb),
	kansa.caller_organization(oid, text, boolean),
	kansa.caller_organizations(oid), kansa.organization_service(bigint, text, text, boolean),
	kansa.analyze_stale_tables()
	TO kansa_owner;
GRANT EXECUTE ON FUNCTION kansa.import_sheet(text, text, text, text, bytea, text, jsonb),
	kansa.sheet_answers(bytea, text, text[], text[], text[], jsonb),
	kansa.sheet_answers(bytea, text, jsonb), kansa.read_sheet(bytea, jsonb),
	kansa.sheet_frameworks(bytea, jsonb), kansa.sheet_lines(bytea, text, jsonb) TO kansa_importer;
GRANT EXECUTE ON FUNCTION kansa.review(bigint, kansa.answer, text)
	TO kansa_importer, kansa_analyst;
GRANT EXECUTE ON FUNCTION kansa.service_set(text, text, text, text, text, text, integer),
	kansa.service_dependency_set(text, text, text, text, text, text),
	kansa.service_dependency_delete(text, text, text, text, text),
	kansa.evidence_validity_set(text, kansa.evidence, date, date, text),
	kansa.evidence_validity_delete(text, kansa.evidence),
	kansa.scope_set(text, text, text, text[], text), kansa.scope_delete(text, text, text) TO kansa_analyst;
GRANT EXECUTE ON FUNCTION kansa.control_tree_refresh() TO kansa_admin;

-- The views: owned by kansa_view_owner (see above), read by the tenants.
DO $$
DECLARE
	v text;
BEGIN
	FOREACH v IN ARRAY ARRAY['control_section', 'response_gap', 'assessment_control', 'gaps',
							 'review_queue',
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
SELECT pg_catalog.pg_extension_config_dump('kansa.scope', '');
SELECT pg_catalog.pg_extension_config_dump('kansa.scope_id_seq', '');
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
