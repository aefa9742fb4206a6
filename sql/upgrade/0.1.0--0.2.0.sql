\echo Use "ALTER EXTENSION kansa UPDATE TO '0.2.0'" to load this file. \quit

-- sql/upgrade/0.1.0--0.2.0.sql: the hand-written part of the upgrade from
-- 0.1.0 to 0.2.0.  scripts/upgrade2sql builds sql/kansa--0.1.0--0.2.0.sql
-- from it (see the Makefile): the line "-- @PARTS@" becomes the install
-- script's parts, less what 0.1.0 has and this part does not drop; the
-- line "-- @CATALOG_DATA@" the shipped catalogs, into temporary tables.
--
-- The order: (1) the guard; (2) what is made again from the parts is
-- dropped (every view, every policy, the functions nothing but views and
-- functions depend on, the indexes and constraints whose definitions
-- changed); (3) the tables of 0.1.0 are altered in place, every row kept:
-- new columns, vendors and services made per organisation, crosswalk
-- relationships in the OSCAL vocabulary, names unique under name_key()
-- (made ahead of the parts for that); (4) the parts, and the support
-- functions they make added to the operator families; (5) the shipped
-- catalogs merged; (6) the backfills and the summaries built.
--
-- Kept as they are, because user objects may depend on them: the four
-- types, their operators, operator classes and casts, and the functions
-- behind those, behind column defaults and generated columns, and behind
-- the triggers of 0.1.0.  Rules of the install script hold here too (see
-- sql/00_guard.sql): everything qualified, no CREATE OR REPLACE, no
-- IF [NOT] EXISTS.  Views of your own over kansa's views must be dropped
-- before the upgrade (DROP VIEW refuses otherwise, and the upgrade stops
-- with nothing changed) and made again after.

-- (1) The schema kansa holds only kansa's objects: a function, operator,
-- type or relation in it that is not a member of the extension could
-- shadow what the new views and functions are bound to, as the install
-- script's guard (sql/00_guard.sql) says; and nobody but superusers and
-- the upgrading role may create in it.
DO $$
DECLARE
	v_what text;
BEGIN
	SELECT x.what INTO v_what
	  FROM (SELECT 'function ' || p.oid::pg_catalog.regprocedure::text AS what, 'pg_catalog.pg_proc'::pg_catalog.regclass AS cls, p.oid
			  FROM pg_catalog.pg_proc AS p WHERE p.pronamespace OPERATOR(pg_catalog.=) 'kansa'::pg_catalog.regnamespace
			UNION ALL
			SELECT 'operator ' || o.oid::pg_catalog.regoperator::text, 'pg_catalog.pg_operator'::pg_catalog.regclass, o.oid
			  FROM pg_catalog.pg_operator AS o WHERE o.oprnamespace OPERATOR(pg_catalog.=) 'kansa'::pg_catalog.regnamespace
			UNION ALL
			SELECT 'type ' || t.oid::pg_catalog.regtype::text, 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid
			  FROM pg_catalog.pg_type AS t WHERE t.typnamespace OPERATOR(pg_catalog.=) 'kansa'::pg_catalog.regnamespace
			   AND t.typrelid OPERATOR(pg_catalog.=) 0 AND t.typcategory OPERATOR(pg_catalog.<>) 'A'
			UNION ALL
			SELECT 'relation ' || c.oid::pg_catalog.regclass::text, 'pg_catalog.pg_class'::pg_catalog.regclass, c.oid
			  FROM pg_catalog.pg_class AS c WHERE c.relnamespace OPERATOR(pg_catalog.=) 'kansa'::pg_catalog.regnamespace
			   AND c.relkind OPERATOR(pg_catalog.=) ANY (ARRAY['r', 'v', 'm', 'f', 'p'])) AS x
	 WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_depend AS d
						WHERE d.classid OPERATOR(pg_catalog.=) x.cls AND d.objid OPERATOR(pg_catalog.=) x.oid
						  AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
						  AND d.deptype OPERATOR(pg_catalog.=) 'e')
	 LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'schema "kansa" holds %, which is not part of the extension kansa', v_what
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'Move it out of the schema kansa (or drop it), then run ALTER EXTENSION kansa UPDATE again.';
	END IF;
	SELECT a.grantee::pg_catalog.regrole::text INTO v_what
	  FROM pg_catalog.pg_namespace AS n, pg_catalog.aclexplode(n.nspacl) AS a
	 WHERE n.oid OPERATOR(pg_catalog.=) 'kansa'::pg_catalog.regnamespace
	   AND a.privilege_type OPERATOR(pg_catalog.=) 'CREATE'
	   AND NOT EXISTS (SELECT FROM pg_catalog.pg_roles AS r WHERE r.oid OPERATOR(pg_catalog.=) a.grantee
						  AND (r.rolsuper OR r.rolname OPERATOR(pg_catalog.=) CURRENT_USER))
	 LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'role % may create objects in schema "kansa"', COALESCE(v_what, 'PUBLIC')
			USING ERRCODE = 'insufficient_privilege',
				  HINT = 'Revoke CREATE on the schema kansa, then run ALTER EXTENSION kansa UPDATE again.';
	END IF;
END
$$;

-- (2) What is made again from the parts.  The views of 0.1.0 (all changed or
-- reading what changed) and its policies:
DROP VIEW kansa.assessment_control, kansa.assessment_summary, kansa.control_section, kansa.evidence_register, kansa.gaps, kansa.reference_check, kansa.response_gap, kansa.section_coverage;
DROP POLICY tenant ON kansa.assessment;
DROP POLICY tenant ON kansa.evidence_validity;
DROP POLICY tenant ON kansa.import_batch;
DROP POLICY tenant ON kansa.import_reject;
DROP POLICY organization_member ON kansa.organization;
DROP POLICY tenant ON kansa.response;
DROP POLICY tenant ON kansa.response_evidence;
DROP POLICY tenant ON kansa.response_measure;
DROP POLICY tenant ON kansa.response_review;

-- the functions that nothing but views and functions depend on (0.1.0's
-- gap_kind, gap_kinds and gap_severity go for good: gap_of() replaced them;
-- src/gap_compat.c keeps their C code for databases still at 0.1.0):
DROP AGGREGATE kansa.best(kansa.answer), kansa.worst(kansa.answer);
DROP FUNCTION kansa.analyze_stale_tables(),
	kansa.answer(text,text),
	kansa.answer_better(kansa.answer,kansa.answer),
	kansa.answer_hash_extended(kansa.answer,bigint),
	kansa.answer_sortsupport(internal),
	kansa.answer_worse(kansa.answer,kansa.answer),
	kansa.boilerplate(text[],double precision,integer),
	kansa.bound(kansa.measure),
	kansa.classify(text),
	kansa.classify(text,text[]),
	kansa.classify_explain(text),
	kansa.classify_explain(text,text[]),
	kansa.clean_text(text),
	kansa.column_name(integer),
	kansa.control_id(text,text),
	kansa.control_id_hash_extended(kansa.control_id,bigint),
	kansa.control_id_sortsupport(internal),
	kansa.depth(kansa.control_id),
	kansa.evidence_hash_extended(kansa.evidence,bigint),
	kansa.extract_evidence(text),
	kansa.extract_measures(text),
	kansa.gap_kind(text,text,boolean,boolean,integer,boolean),
	kansa.gap_kinds(text,text,boolean,boolean,integer,boolean),
	kansa.gap_severity(text,text,boolean),
	kansa.import_sheet(text,text,text,text,bytea,text,jsonb),
	kansa.is_gap(kansa.answer),
	kansa.is_valid_answer(text),
	kansa.is_valid_control_id(text),
	kansa.is_valid_evidence(text),
	kansa.is_valid_measure(text),
	kansa.kind(kansa.evidence),
	kansa.kind(kansa.measure),
	kansa.local_id(kansa.control_id),
	kansa.measure_cues(),
	kansa.measure_hash_extended(kansa.measure,bigint),
	kansa.parent(kansa.control_id),
	kansa.read_sheet(bytea,jsonb),
	kansa.ref(kansa.evidence),
	kansa.review(bigint,kansa.answer,text),
	kansa.saas_pattern(boolean,text),
	kansa.saas_pattern_of(text),
	kansa.satisfies(kansa.measure,kansa.measure,text),
	kansa.satisfies_explain(kansa.measure,kansa.measure,text),
	kansa.service_type_known(text),
	kansa.service_type_match(text),
	kansa.sheet_answers(bytea,text,jsonb),
	kansa.sheet_answers(bytea,text,text[],text[],text[],jsonb),
	kansa.sheet_verdict(text,text,kansa.answer);
-- the trigger function that checks a tenant role, changed (the trigger goes
-- with it and is made again)
DROP TRIGGER organization_check ON kansa.organization;
DROP FUNCTION kansa.organization_check();
-- is_tenant_member() served the policy organization_member only
DROP FUNCTION kansa.is_tenant_member(text);
-- a type the sheet readers return, changed
DROP TYPE kansa.sheet_line;
-- indexes whose definitions changed, and two that went
DROP INDEX kansa.assessment_current_idx, kansa.import_batch_file_idx, kansa.response_evidence_evidence_idx,
	kansa.evidence_validity_evidence_idx, kansa.response_measure_quantity_idx;

-- The comparison functions of control_id and evidence are no longer
-- LEAKPROOF: a leakproof operator lets the planner test a condition on a
-- tenant's rows ahead of row-level security and estimate it from the
-- column's statistics, which another tenant could read off EXPLAIN.
ALTER FUNCTION kansa.control_id_cmp(kansa.control_id, kansa.control_id) NOT LEAKPROOF;
ALTER FUNCTION kansa.control_id_contained(kansa.control_id, kansa.control_id) NOT LEAKPROOF;
ALTER FUNCTION kansa.control_id_contains(kansa.control_id, kansa.control_id) NOT LEAKPROOF;
ALTER FUNCTION kansa.control_id_eq(kansa.control_id, kansa.control_id) NOT LEAKPROOF;
ALTER FUNCTION kansa.control_id_ge(kansa.control_id, kansa.control_id) NOT LEAKPROOF;
ALTER FUNCTION kansa.control_id_gt(kansa.control_id, kansa.control_id) NOT LEAKPROOF;
ALTER FUNCTION kansa.control_id_hash(kansa.control_id) NOT LEAKPROOF;
ALTER FUNCTION kansa.control_id_le(kansa.control_id, kansa.control_id) NOT LEAKPROOF;
ALTER FUNCTION kansa.control_id_lt(kansa.control_id, kansa.control_id) NOT LEAKPROOF;
ALTER FUNCTION kansa.control_id_ne(kansa.control_id, kansa.control_id) NOT LEAKPROOF;
ALTER FUNCTION kansa.evidence_cmp(kansa.evidence, kansa.evidence) NOT LEAKPROOF;
ALTER FUNCTION kansa.evidence_eq(kansa.evidence, kansa.evidence) NOT LEAKPROOF;
ALTER FUNCTION kansa.evidence_ge(kansa.evidence, kansa.evidence) NOT LEAKPROOF;
ALTER FUNCTION kansa.evidence_gt(kansa.evidence, kansa.evidence) NOT LEAKPROOF;
ALTER FUNCTION kansa.evidence_hash(kansa.evidence) NOT LEAKPROOF;
ALTER FUNCTION kansa.evidence_le(kansa.evidence, kansa.evidence) NOT LEAKPROOF;
ALTER FUNCTION kansa.evidence_lt(kansa.evidence, kansa.evidence) NOT LEAKPROOF;
ALTER FUNCTION kansa.evidence_ne(kansa.evidence, kansa.evidence) NOT LEAKPROOF;

-- Privileges are granted anew by the parts: what 0.1.0 granted kansa's
-- roles and PUBLIC on its tables, sequences and their columns is revoked
-- first (0.2.0 grants less: importers write through kansa's functions
-- only).  Grants to other roles are left as they are.
DO $$
DECLARE
	r record;
BEGIN
	FOR r IN SELECT DISTINCT c.oid::pg_catalog.regclass AS rel, c.relkind, x.grantee, NULL::name AS col
			   FROM pg_catalog.pg_class AS c, pg_catalog.aclexplode(c.relacl) AS x
			  WHERE c.relnamespace OPERATOR(pg_catalog.=) 'kansa'::pg_catalog.regnamespace
				AND x.grantee OPERATOR(pg_catalog.<>) c.relowner
			 UNION
			 SELECT DISTINCT c.oid::pg_catalog.regclass, c.relkind, x.grantee, a.attname
			   FROM pg_catalog.pg_class AS c
			   JOIN pg_catalog.pg_attribute AS a ON a.attrelid OPERATOR(pg_catalog.=) c.oid,
					pg_catalog.aclexplode(a.attacl) AS x
			  WHERE c.relnamespace OPERATOR(pg_catalog.=) 'kansa'::pg_catalog.regnamespace
				AND x.grantee OPERATOR(pg_catalog.<>) c.relowner
	LOOP
		CONTINUE WHEN r.grantee OPERATOR(pg_catalog.<>) 0
			AND NOT (SELECT o.rolname FROM pg_catalog.pg_roles AS o WHERE o.oid OPERATOR(pg_catalog.=) r.grantee)
				OPERATOR(pg_catalog.=) ANY (ARRAY['kansa_admin', 'kansa_importer', 'kansa_analyst', 'kansa_bi',
												  'kansa_view_owner', 'kansa_owner']);
		EXECUTE pg_catalog.format('REVOKE ALL %s ON %s %s FROM %s',
			CASE WHEN r.col IS NOT NULL THEN pg_catalog.format('(%I)', r.col) ELSE '' END,
			CASE WHEN r.relkind OPERATOR(pg_catalog.=) 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, r.rel,
			CASE WHEN r.grantee OPERATOR(pg_catalog.=) 0 THEN 'PUBLIC'
				 ELSE pg_catalog.quote_ident(r.grantee::pg_catalog.regrole::text) END);
	END LOOP;
END
$$;

-- (3) The tables of 0.1.0, altered in place.
ALTER TABLE kansa.organization
	ADD COLUMN review_interval interval NOT NULL DEFAULT '1 year'
		CHECK (review_interval OPERATOR(pg_catalog.>) '0'::interval),
	DROP CONSTRAINT organization_name_key,
	DROP CONSTRAINT organization_tenant_role_key,
	DROP CONSTRAINT organization_name_check;
ALTER TABLE kansa.control
	ADD COLUMN label text,
	ADD COLUMN withdrawn boolean NOT NULL DEFAULT false;
ALTER TABLE kansa.import_batch
	ADD COLUMN conflicts integer,
	ADD COLUMN summary_ms numeric,
	DROP CONSTRAINT import_batch_service_id_fkey;
ALTER TABLE kansa.assessment
	ADD COLUMN scope_name text,
	ADD COLUMN scope kansa.control_id[],
	DROP CONSTRAINT assessment_service_id_fkey;
ALTER TABLE kansa.response
	ADD COLUMN cue text,
	ADD COLUMN confidence_class text,
	ADD COLUMN conflict boolean NOT NULL DEFAULT false,
	DROP CONSTRAINT response_verdict_source_check,
	ADD CONSTRAINT response_verdict_source_check
		CHECK (verdict_source OPERATOR(pg_catalog.=) ANY (ARRAY['sheet', 'classifier', 'analyst', 'carried', 'vendor_reply']));
ALTER TABLE kansa.response_review
	ADD COLUMN carried_from bigint;

-- Crosswalks: 0.1.0's two relations in the OSCAL 1.2 vocabulary
-- (equivalent is equivalent-to; related, an overlap, intersects-with) and
-- the columns of a link's provenance.  The shipped links are replaced in
-- (5).
ALTER TABLE kansa.control_link DROP CONSTRAINT control_link_relation_check;
ALTER TABLE kansa.control_link RENAME COLUMN relation TO relationship;
UPDATE kansa.control_link
   SET relationship = CASE relationship WHEN 'equivalent' THEN 'equivalent-to' ELSE 'intersects-with' END;
ALTER TABLE kansa.control_link
	ADD CONSTRAINT control_link_relationship_check
		CHECK (relationship OPERATOR(pg_catalog.=) ANY (ARRAY['equal-to', 'equivalent-to',
				'subset-of', 'superset-of', 'intersects-with', 'no-relationship'])),
	ADD COLUMN rationale text
		CHECK (rationale OPERATOR(pg_catalog.=) ANY (ARRAY['syntactic', 'semantic', 'functional'])),
	ADD COLUMN confidence text CHECK (confidence OPERATOR(pg_catalog.=) ANY (ARRAY['high', 'medium', 'low'])),
	ADD COLUMN method text CHECK (method OPERATOR(pg_catalog.=) ANY (ARRAY['human', 'automation', 'hybrid'])),
	ADD COLUMN made_by text,
	ADD COLUMN made_at date;

-- Vendors and services belong to an organisation in 0.2.0 (0.1.0 shared
-- them among all).  Each organisation gets its own copy of every vendor
-- and service it used (its assessments and import batches, and the
-- providers of the services it used); a service or vendor no organisation
-- used goes to every organisation, which all saw it before.  The
-- organisation with the lowest id keeps the original row and id, the
-- others get copies under new ids, and the rows that point at a service
-- follow their organisation's copy.  Service dependencies are copied to
-- every organisation that has the dependent service.
ALTER TABLE kansa.vendor
	ADD COLUMN organization_id bigint,
	DROP CONSTRAINT vendor_name_key,
	DROP CONSTRAINT vendor_name_check;
ALTER TABLE kansa.service
	ADD COLUMN organization_id bigint,
	ADD COLUMN review_interval interval CHECK (review_interval OPERATOR(pg_catalog.>) '0'::interval),
	DROP CONSTRAINT service_vendor_id_fkey,
	DROP CONSTRAINT service_vendor_id_name_key,
	DROP CONSTRAINT service_name_check;
ALTER TABLE kansa.service_dependency
	ADD COLUMN organization_id bigint,
	DROP CONSTRAINT service_dependency_service_id_fkey,
	DROP CONSTRAINT service_dependency_provider_service_id_fkey;

DO $$
DECLARE
	r record;
	v_new bigint;
BEGIN
	CREATE TEMPORARY TABLE kansa_upgrade_service_org AS
		SELECT x.service_id, x.organization_id
		  FROM (SELECT a.service_id, a.organization_id FROM kansa.assessment AS a
				UNION
				SELECT b.service_id, b.organization_id FROM kansa.import_batch AS b) AS x;
	ALTER EXTENSION kansa DROP TABLE pg_temp.kansa_upgrade_service_org;
	LOOP	-- the providers of the services an organisation has, to the end of the chain
		INSERT INTO pg_temp.kansa_upgrade_service_org (service_id, organization_id)
		SELECT DISTINCT d.provider_service_id, so.organization_id
		  FROM kansa.service_dependency AS d
		  JOIN pg_temp.kansa_upgrade_service_org AS so
			ON so.service_id OPERATOR(pg_catalog.=) d.service_id
		EXCEPT
		SELECT so.service_id, so.organization_id FROM pg_temp.kansa_upgrade_service_org AS so;
		EXIT WHEN NOT FOUND;
	END LOOP;
	INSERT INTO pg_temp.kansa_upgrade_service_org (service_id, organization_id)
	SELECT s.id, o.id FROM kansa.service AS s CROSS JOIN kansa.organization AS o
	 WHERE NOT EXISTS (SELECT FROM pg_temp.kansa_upgrade_service_org AS so
						WHERE so.service_id OPERATOR(pg_catalog.=) s.id);
	CREATE TEMPORARY TABLE kansa_upgrade_vendor_org AS
		SELECT DISTINCT s.vendor_id, so.organization_id
		  FROM pg_temp.kansa_upgrade_service_org AS so
		  JOIN kansa.service AS s ON s.id OPERATOR(pg_catalog.=) so.service_id;
	ALTER EXTENSION kansa DROP TABLE pg_temp.kansa_upgrade_vendor_org;
	INSERT INTO pg_temp.kansa_upgrade_vendor_org (vendor_id, organization_id)
	SELECT v.id, o.id FROM kansa.vendor AS v CROSS JOIN kansa.organization AS o
	 WHERE NOT EXISTS (SELECT FROM pg_temp.kansa_upgrade_vendor_org AS vo
						WHERE vo.vendor_id OPERATOR(pg_catalog.=) v.id);
	IF EXISTS (SELECT FROM kansa.vendor AS v
				WHERE NOT EXISTS (SELECT FROM pg_temp.kansa_upgrade_vendor_org AS vo
								   WHERE vo.vendor_id OPERATOR(pg_catalog.=) v.id)) THEN
		RAISE EXCEPTION 'kansa 0.2.0 keeps vendors per organisation, and there is no organisation to give the vendors to'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'Create an organisation (INSERT INTO kansa.organization (name) ...) or delete the vendors and services, then run ALTER EXTENSION kansa UPDATE again.';
	END IF;

	-- vendors: the first organisation keeps the row, the others get copies
	CREATE TEMPORARY TABLE kansa_upgrade_vendor_map (old_id bigint, organization_id bigint, new_id bigint);
	ALTER EXTENSION kansa DROP TABLE pg_temp.kansa_upgrade_vendor_map;
	FOR r IN SELECT vo.vendor_id, vo.organization_id,
					pg_catalog.row_number() OVER (PARTITION BY vo.vendor_id ORDER BY vo.organization_id) AS n
			   FROM pg_temp.kansa_upgrade_vendor_org AS vo ORDER BY vo.vendor_id, vo.organization_id
	LOOP
		IF r.n OPERATOR(pg_catalog.=) 1 THEN
			UPDATE kansa.vendor SET organization_id = r.organization_id WHERE id OPERATOR(pg_catalog.=) r.vendor_id;
			v_new := r.vendor_id;
		ELSE
			INSERT INTO kansa.vendor (organization_id, name, created_at)
			SELECT r.organization_id, v.name, v.created_at FROM kansa.vendor AS v
			 WHERE v.id OPERATOR(pg_catalog.=) r.vendor_id
			RETURNING id INTO v_new;
		END IF;
		INSERT INTO pg_temp.kansa_upgrade_vendor_map VALUES (r.vendor_id, r.organization_id, v_new);
	END LOOP;

	-- services likewise, each under its organisation's copy of its vendor
	CREATE TEMPORARY TABLE kansa_upgrade_service_map (old_id bigint, organization_id bigint, new_id bigint);
	ALTER EXTENSION kansa DROP TABLE pg_temp.kansa_upgrade_service_map;
	FOR r IN SELECT so.service_id, so.organization_id, vm.new_id AS vendor_id,
					pg_catalog.row_number() OVER (PARTITION BY so.service_id ORDER BY so.organization_id) AS n
			   FROM pg_temp.kansa_upgrade_service_org AS so
			   JOIN kansa.service AS s ON s.id OPERATOR(pg_catalog.=) so.service_id
			   JOIN pg_temp.kansa_upgrade_vendor_map AS vm
				 ON vm.old_id OPERATOR(pg_catalog.=) s.vendor_id
				AND vm.organization_id OPERATOR(pg_catalog.=) so.organization_id
			  ORDER BY so.service_id, so.organization_id
	LOOP
		IF r.n OPERATOR(pg_catalog.=) 1 THEN
			UPDATE kansa.service SET organization_id = r.organization_id, vendor_id = r.vendor_id
			 WHERE id OPERATOR(pg_catalog.=) r.service_id;
			v_new := r.service_id;
		ELSE
			INSERT INTO kansa.service (organization_id, vendor_id, name, service_type, confidentiality,
									   availability, pattern_set, created_at)
			SELECT r.organization_id, r.vendor_id, s.name, s.service_type, s.confidentiality,
				   s.availability, s.pattern_set, s.created_at
			  FROM kansa.service AS s WHERE s.id OPERATOR(pg_catalog.=) r.service_id
			RETURNING id INTO v_new;
		END IF;
		INSERT INTO pg_temp.kansa_upgrade_service_map VALUES (r.service_id, r.organization_id, v_new);
	END LOOP;

	UPDATE kansa.assessment AS a SET service_id = m.new_id
	  FROM pg_temp.kansa_upgrade_service_map AS m
	 WHERE m.old_id OPERATOR(pg_catalog.=) a.service_id
	   AND m.organization_id OPERATOR(pg_catalog.=) a.organization_id
	   AND m.new_id OPERATOR(pg_catalog.<>) m.old_id;
	UPDATE kansa.import_batch AS b SET service_id = m.new_id
	  FROM pg_temp.kansa_upgrade_service_map AS m
	 WHERE m.old_id OPERATOR(pg_catalog.=) b.service_id
	   AND m.organization_id OPERATOR(pg_catalog.=) b.organization_id
	   AND m.new_id OPERATOR(pg_catalog.<>) m.old_id;
	-- dependencies: one row per organisation that has the dependent service
	CREATE TEMPORARY TABLE kansa_upgrade_dependency AS
		SELECT ms.new_id AS service_id, mp.new_id AS provider_service_id, ms.organization_id, d.note
		  FROM kansa.service_dependency AS d
		  JOIN pg_temp.kansa_upgrade_service_map AS ms ON ms.old_id OPERATOR(pg_catalog.=) d.service_id
		  JOIN pg_temp.kansa_upgrade_service_map AS mp ON mp.old_id OPERATOR(pg_catalog.=) d.provider_service_id
														AND mp.organization_id OPERATOR(pg_catalog.=) ms.organization_id;
	ALTER EXTENSION kansa DROP TABLE pg_temp.kansa_upgrade_dependency;
	DELETE FROM kansa.service_dependency;
	INSERT INTO kansa.service_dependency (service_id, provider_service_id, organization_id, note)
	SELECT d.service_id, d.provider_service_id, d.organization_id, d.note FROM pg_temp.kansa_upgrade_dependency AS d;
	DROP TABLE pg_temp.kansa_upgrade_service_org, pg_temp.kansa_upgrade_vendor_org, pg_temp.kansa_upgrade_vendor_map,
		pg_temp.kansa_upgrade_service_map, pg_temp.kansa_upgrade_dependency;
END
$$;

ALTER TABLE kansa.vendor
	ALTER COLUMN organization_id SET NOT NULL,
	ADD CONSTRAINT vendor_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES kansa.organization (id),
	ADD CONSTRAINT vendor_id_organization_id_key UNIQUE (id, organization_id);
ALTER TABLE kansa.service
	ALTER COLUMN organization_id SET NOT NULL,
	ADD CONSTRAINT service_id_organization_id_key UNIQUE (id, organization_id),
	ADD CONSTRAINT service_vendor_id_organization_id_fkey FOREIGN KEY (vendor_id, organization_id)
		REFERENCES kansa.vendor (id, organization_id);
ALTER TABLE kansa.service_dependency
	ALTER COLUMN organization_id SET NOT NULL,
	ADD CONSTRAINT service_dependency_service_id_organization_id_fkey FOREIGN KEY (service_id, organization_id)
		REFERENCES kansa.service (id, organization_id) ON DELETE CASCADE,
	ADD CONSTRAINT service_dependency_provider_service_id_organization_id_fkey
		FOREIGN KEY (provider_service_id, organization_id) REFERENCES kansa.service (id, organization_id);
ALTER TABLE kansa.import_batch
	ADD CONSTRAINT import_batch_service_id_organization_id_fkey FOREIGN KEY (service_id, organization_id)
		REFERENCES kansa.service (id, organization_id);
ALTER TABLE kansa.assessment
	ADD CONSTRAINT assessment_service_id_organization_id_fkey FOREIGN KEY (service_id, organization_id)
		REFERENCES kansa.service (id, organization_id);

-- Names are unique under name_key() in 0.2.0 (src/tenant.c; sql/40_assessment.sql
-- has its comment): made here, ahead of the parts, for the constraints.
CREATE FUNCTION kansa.name_key(text) RETURNS text
	AS 'MODULE_PATHNAME', 'kansa_name_key' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
ALTER TABLE kansa.organization
	ADD CONSTRAINT organization_name_check CHECK (kansa.name_key(name) OPERATOR(pg_catalog.<>) ''),
	ADD CONSTRAINT organization_name_key
		EXCLUDE USING hash (kansa.name_key(name) WITH OPERATOR(pg_catalog.=)),
	ADD CONSTRAINT organization_tenant_role_key
		EXCLUDE USING hash (kansa.name_key(tenant_role) WITH OPERATOR(pg_catalog.=));
ALTER INDEX kansa.organization_name_key ALTER COLUMN 1 SET STATISTICS 0;
ALTER INDEX kansa.organization_tenant_role_key ALTER COLUMN 1 SET STATISTICS 0;
ALTER TABLE kansa.vendor
	ADD CONSTRAINT vendor_name_check CHECK (kansa.name_key(name) OPERATOR(pg_catalog.<>) '');
ALTER TABLE kansa.service
	ADD CONSTRAINT service_name_check CHECK (kansa.name_key(name) OPERATOR(pg_catalog.<>) '');

-- (4) The parts of the install script, less what is there.
-- @PARTS@

-- The operator classes of 0.1.0 stay (indexes of users' tables use them);
-- they gain the support functions 0.2.0's have: sortsupport for the
-- btree classes of answer and control_id, the 64-bit hash for the hash
-- classes.
ALTER OPERATOR FAMILY kansa.answer_ops USING btree ADD
	FUNCTION 2 (kansa.answer, kansa.answer) kansa.answer_sortsupport(internal);
ALTER OPERATOR FAMILY kansa.control_id_ops USING btree ADD
	FUNCTION 2 (kansa.control_id, kansa.control_id) kansa.control_id_sortsupport(internal);
ALTER OPERATOR FAMILY kansa.answer_hash_ops USING hash ADD
	FUNCTION 2 (kansa.answer, kansa.answer) kansa.answer_hash_extended(kansa.answer, bigint);
ALTER OPERATOR FAMILY kansa.control_id_hash_ops USING hash ADD
	FUNCTION 2 (kansa.control_id, kansa.control_id) kansa.control_id_hash_extended(kansa.control_id, bigint);
ALTER OPERATOR FAMILY kansa.evidence_hash_ops USING hash ADD
	FUNCTION 2 (kansa.evidence, kansa.evidence) kansa.evidence_hash_extended(kansa.evidence, bigint);
ALTER OPERATOR FAMILY kansa.measure_hash_ops USING hash ADD
	FUNCTION 2 (kansa.measure, kansa.measure) kansa.measure_hash_extended(kansa.measure, bigint);

-- (5) The shipped catalogs: quantities, reference items and values and
-- service types are those of 0.1.0; frameworks and controls are brought to
-- 0.2.0's (new ones added, shipped rows updated), the shipped crosswalks
-- replaced, the lexicon filled.  User rows are left alone.
SET LOCAL kansa.maintain_summaries = off;
-- The install script's INSERTs go into these temporary tables (which would
-- be members of the extension, as everything the script makes, but for
-- ALTER EXTENSION ... DROP).
CREATE TEMPORARY TABLE framework (LIKE kansa.framework INCLUDING DEFAULTS INCLUDING GENERATED);
ALTER EXTENSION kansa DROP TABLE pg_temp.framework;
CREATE TEMPORARY TABLE control (LIKE kansa.control INCLUDING DEFAULTS INCLUDING GENERATED);
ALTER EXTENSION kansa DROP TABLE pg_temp.control;
CREATE TEMPORARY TABLE quantity (LIKE kansa.quantity INCLUDING DEFAULTS INCLUDING GENERATED);
ALTER EXTENSION kansa DROP TABLE pg_temp.quantity;
CREATE TEMPORARY TABLE reference_item (LIKE kansa.reference_item INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING IDENTITY);
ALTER EXTENSION kansa DROP TABLE pg_temp.reference_item;
CREATE TEMPORARY TABLE reference_value (LIKE kansa.reference_value INCLUDING DEFAULTS INCLUDING GENERATED);
ALTER EXTENSION kansa DROP TABLE pg_temp.reference_value;
CREATE TEMPORARY TABLE service_type (LIKE kansa.service_type INCLUDING DEFAULTS INCLUDING GENERATED);
ALTER EXTENSION kansa DROP TABLE pg_temp.service_type;
CREATE TEMPORARY TABLE control_link (LIKE kansa.control_link INCLUDING DEFAULTS INCLUDING GENERATED);
ALTER EXTENSION kansa DROP TABLE pg_temp.control_link;
CREATE TEMPORARY TABLE lexicon (LIKE kansa.lexicon INCLUDING DEFAULTS INCLUDING GENERATED);
ALTER EXTENSION kansa DROP TABLE pg_temp.lexicon;

-- @CATALOG_DATA@
UPDATE kansa.framework AS f
   SET title = t.title, edition = t.edition, publisher = t.publisher, language = t.language,
	   source = t.source, url = t.url, section_depth = t.section_depth
  FROM pg_temp.framework AS t
 WHERE f.code OPERATOR(pg_catalog.=) t.code AND f.builtin;
INSERT INTO kansa.framework
SELECT t.* FROM pg_temp.framework AS t
 WHERE NOT EXISTS (SELECT FROM kansa.framework AS f WHERE f.code OPERATOR(pg_catalog.=) t.code);
UPDATE kansa.control AS c
   SET parent = t.parent, kind = t.kind, level = t.level, title = t.title, body = t.body,
	   position = t.position, label = t.label, withdrawn = t.withdrawn
  FROM pg_temp.control AS t
 WHERE c.id OPERATOR(kansa.=) t.id AND c.builtin;
INSERT INTO kansa.control (id, parent, kind, level, title, body, position, builtin, label, withdrawn)
SELECT t.id, t.parent, t.kind, t.level, t.title, t.body, t.position, t.builtin, t.label, t.withdrawn
  FROM pg_temp.control AS t
 WHERE NOT EXISTS (SELECT FROM kansa.control AS c WHERE c.id OPERATOR(kansa.=) t.id);
DELETE FROM kansa.control_link WHERE builtin;
INSERT INTO kansa.control_link
SELECT t.* FROM pg_temp.control_link AS t
ON CONFLICT DO NOTHING;
INSERT INTO kansa.lexicon SELECT t.* FROM pg_temp.lexicon AS t;
DROP TABLE pg_temp.framework, pg_temp.control, pg_temp.quantity, pg_temp.reference_item,
	pg_temp.reference_value, pg_temp.service_type, pg_temp.control_link, pg_temp.lexicon;

-- (6) Backfills: whether a sheet's mark and the reading of its text
-- disagree (0.1.0 kept both, not the comparison), and its count per batch;
-- cue, confidence_class and summary_ms stay NULL (0.1.0 did not record
-- them).  Then the summaries of every current assessment, from scratch.
UPDATE kansa.response SET conflict = kansa.mark_conflict(mark, classified)
 WHERE mark IS NOT NULL AND classified IS NOT NULL AND kansa.mark_conflict(mark, classified);
UPDATE kansa.import_batch AS b
   SET conflicts = (SELECT pg_catalog.count(*)::integer FROM kansa.response AS r
					 WHERE r.assessment_id OPERATOR(pg_catalog.=) b.assessment_id AND r.conflict)
 WHERE b.assessment_id IS NOT NULL;
RESET kansa.maintain_summaries;
SELECT kansa.summary_rebuild();
