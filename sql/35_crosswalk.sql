-- sql/35_crosswalk.sql: crosswalks between frameworks: the relationship
-- algebra of the OSCAL 1.2 mapping model (link_inverse, link_compose,
-- link_carries), every link in both directions (control_link_both), the
-- paths of one and two links between controls (control_path), and
-- import_links(), which reads an OSCAL mapping collection or a CSV of links.

-----------------------------------------------------------------------------
-- Relationships.  A row of control_link says how the requirements of its
-- source (from_control) relate to those of its target (to_control):
-- equal-to, equivalent-to, subset-of, superset-of, intersects-with or
-- no-relationship (OSCAL 1.2).  The same two controls are linked once; the
-- other direction is derived, never stored.
-----------------------------------------------------------------------------

CREATE FUNCTION kansa.link_inverse(relationship text) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	RETURN CASE relationship WHEN 'subset-of' THEN 'superset-of'
							 WHEN 'superset-of' THEN 'subset-of'
							 ELSE relationship END;
COMMENT ON FUNCTION kansa.link_inverse(text) IS 'The relationship of a link read from its target to its source: subset-of and superset-of swap; equal-to, equivalent-to, intersects-with and no-relationship are their own inverse.';

CREATE FUNCTION kansa.link_compose(first text, second text) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	RETURN CASE
		WHEN 'no-relationship' IN (first, second) THEN 'no-relationship'
		WHEN 'intersects-with' IN (first, second) THEN 'intersects-with'
		WHEN first = 'equal-to' AND second = 'equal-to' THEN 'equal-to'
		WHEN first IN ('equal-to', 'equivalent-to') AND second IN ('equal-to', 'equivalent-to')
			THEN 'equivalent-to'
		WHEN first IN ('equal-to', 'equivalent-to', 'superset-of')
			 AND second IN ('equal-to', 'equivalent-to', 'superset-of') THEN 'superset-of'
		WHEN first IN ('equal-to', 'equivalent-to', 'subset-of')
			 AND second IN ('equal-to', 'equivalent-to', 'subset-of') THEN 'subset-of'
		-- a ⊇ b ⊆ c or a ⊆ b ⊇ c: nothing sure but some common ground
		ELSE 'intersects-with' END;
COMMENT ON FUNCTION kansa.link_compose(text, text) IS 'The relationship of a to c through a link a–b of the first relationship and a link b–c of the second: equal-to twice is equal-to; equal-to and equivalent-to give equivalent-to; superset-of with either or itself gives superset-of, subset-of likewise subset-of; any intersects-with, or superset-of meeting subset-of, gives intersects-with; any no-relationship gives no-relationship.';

CREATE FUNCTION kansa.link_carries(relationship text) RETURNS boolean
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	RETURN relationship IN ('equal-to', 'equivalent-to', 'superset-of');
COMMENT ON FUNCTION kansa.link_carries(text) IS 'Whether an answer to the source of a link of this relationship answers its target: true for equal-to, equivalent-to and superset-of (the source asks all the target asks); false for subset-of and intersects-with (an analyst must judge) and no-relationship.';

CREATE VIEW kansa.control_link_both AS
SELECT l.from_control::text AS from_control, l.to_control::text AS to_control,
	   kansa.framework(l.from_control) AS from_framework, kansa.framework(l.to_control) AS to_framework,
	   l.relationship, false AS derived, l.rationale, l.confidence, l.method, l.made_by, l.made_at,
	   l.source, l.note, l.builtin
  FROM kansa.control_link AS l
UNION ALL
SELECT l.to_control::text, l.from_control::text, kansa.framework(l.to_control),
	   kansa.framework(l.from_control), kansa.link_inverse(l.relationship), true, l.rationale,
	   l.confidence, l.method, l.made_by, l.made_at, l.source, l.note, l.builtin
  FROM kansa.control_link AS l;
COMMENT ON VIEW kansa.control_link_both IS 'Every link of control_link in both directions: the row as stored, and its inverse (target to source, link_inverse() of the relationship), marked derived. Controls as text (cast to control_id to join kansa.control).';
COMMENT ON COLUMN kansa.control_link_both.from_control IS 'The source control of this direction.';
COMMENT ON COLUMN kansa.control_link_both.to_control IS 'The target control of this direction.';
COMMENT ON COLUMN kansa.control_link_both.from_framework IS 'The source control''s framework.';
COMMENT ON COLUMN kansa.control_link_both.to_framework IS 'The target control''s framework.';
COMMENT ON COLUMN kansa.control_link_both.relationship IS 'How the source''s requirements relate to the target''s in this direction (OSCAL 1.2 vocabulary).';
COMMENT ON COLUMN kansa.control_link_both.derived IS 'True for the inverse of a stored row; false for the row as stored.';
COMMENT ON COLUMN kansa.control_link_both.rationale IS 'The stored link''s rationale (syntactic, semantic, functional).';
COMMENT ON COLUMN kansa.control_link_both.confidence IS 'The stored link''s confidence (high, medium, low).';
COMMENT ON COLUMN kansa.control_link_both.method IS 'How the stored link was made (human, automation, hybrid).';
COMMENT ON COLUMN kansa.control_link_both.made_by IS 'Who or what made the stored link.';
COMMENT ON COLUMN kansa.control_link_both.made_at IS 'When the stored link was made.';
COMMENT ON COLUMN kansa.control_link_both.source IS 'What the stored link was taken from.';
COMMENT ON COLUMN kansa.control_link_both.note IS 'Why the two controls are linked.';
COMMENT ON COLUMN kansa.control_link_both.builtin IS 'True when the stored link is shipped with kansa.';

CREATE VIEW kansa.control_path AS
SELECT b.from_control AS source_control, b.to_control AS target_control,
	   b.from_framework AS source_framework, b.to_framework AS target_framework, 1 AS hops,
	   NULL::text AS via_control, b.relationship,
	   b.relationship AS first_relationship, NULL::text AS second_relationship,
	   b.from_control || ' -[' || b.relationship || ']-> ' || b.to_control AS path
  FROM kansa.control_link_both AS b
 WHERE b.relationship <> 'no-relationship'
UNION ALL
SELECT b1.from_control, b2.to_control, b1.from_framework, b2.to_framework, 2, b1.to_control,
	   kansa.link_compose(b1.relationship, b2.relationship), b1.relationship, b2.relationship,
	   b1.from_control || ' -[' || b1.relationship || ']-> ' || b1.to_control
	   || ' -[' || b2.relationship || ']-> ' || b2.to_control
  FROM kansa.control_link_both AS b1
  JOIN kansa.control_link_both AS b2 ON b2.from_control = b1.to_control
 WHERE b1.relationship <> 'no-relationship' AND b2.relationship <> 'no-relationship'
   AND b2.to_framework <> b1.from_framework;
COMMENT ON VIEW kansa.control_path IS 'Every way from a control of one framework to a control of another along one or two links (control_link_both, no-relationship links left out), with the relationship of the whole path (link_compose() of its links) and each hop: what projected_coverage and crosswalk_reuse follow. Controls as text.';
COMMENT ON COLUMN kansa.control_path.source_control IS 'Where the path starts: the control whose answer is carried.';
COMMENT ON COLUMN kansa.control_path.target_control IS 'Where it ends, in another framework than the source.';
COMMENT ON COLUMN kansa.control_path.source_framework IS 'The source control''s framework.';
COMMENT ON COLUMN kansa.control_path.target_framework IS 'The target control''s framework.';
COMMENT ON COLUMN kansa.control_path.hops IS 'Links on the path: 1 or 2.';
COMMENT ON COLUMN kansa.control_path.via_control IS 'The control between the two links of a 2-link path; NULL for one link.';
COMMENT ON COLUMN kansa.control_path.relationship IS 'The source''s requirements against the target''s along the whole path (link_compose()).';
COMMENT ON COLUMN kansa.control_path.first_relationship IS 'The relationship of the first link (source to via_control, or to the target).';
COMMENT ON COLUMN kansa.control_path.second_relationship IS 'The relationship of the second link (via_control to the target); NULL for one link.';
COMMENT ON COLUMN kansa.control_path.path IS 'The path written out, each hop with its relationship: fisc8:運27 -[intersects-with]-> iso27001:A.12.3.1 -[subset-of]-> iso27017:12.3.1.';

-----------------------------------------------------------------------------
-- import_links(): crosswalks in, from an OSCAL 1.2 mapping collection (JSON)
-- or a CSV.  The whole input is read and checked before anything is written,
-- and the function is one statement: an error stores nothing.
-----------------------------------------------------------------------------

-- The error of an input import_links() cannot take, naming where in it.
CREATE FUNCTION kansa.import_links_fail(location text, detail text, hint text DEFAULT NULL)
	RETURNS void
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	IF detail IS NULL THEN
		RETURN;					-- nothing is wrong
	END IF;
	IF hint IS NULL THEN
		RAISE EXCEPTION 'invalid crosswalk at %', location
			USING ERRCODE = 'data_exception', DETAIL = detail;
	END IF;
	RAISE EXCEPTION 'invalid crosswalk at %', location
		USING ERRCODE = 'data_exception', DETAIL = detail, HINT = hint;
END;
$$;
COMMENT ON FUNCTION kansa.import_links_fail(text, text, text) IS 'Raises the error of import_links() for bad input: "invalid crosswalk at" the JSON path or CSV row and column, with a detail sentence (SQLSTATE 22000); returns when detail is NULL (nothing is wrong).';

-- A member of a JSON object that must be a string (or absent when optional).
CREATE FUNCTION kansa.import_links_text(obj jsonb, member text, location text, required boolean DEFAULT false)
	RETURNS text
	LANGUAGE plpgsql IMMUTABLE
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	IF obj IS NULL OR NOT obj ? member OR pg_catalog.jsonb_typeof(obj -> member) = 'null' THEN
		IF required THEN
			PERFORM kansa.import_links_fail(location, pg_catalog.format('The member "%s" is missing.', member));
		END IF;
		RETURN NULL;
	END IF;
	IF pg_catalog.jsonb_typeof(obj -> member) <> 'string' THEN
		PERFORM kansa.import_links_fail(location || '.' || member,
			pg_catalog.format('A string was expected, not %s.', pg_catalog.jsonb_typeof(obj -> member)));
	END IF;
	RETURN obj ->> member;
END;
$$;
COMMENT ON FUNCTION kansa.import_links_text(jsonb, text, text, boolean) IS 'import_links(): the string member of a JSON object, NULL when absent; an error naming its path when it is not a string, or is required and missing.';

-- A member that must be a JSON object or array (or absent when optional).
CREATE FUNCTION kansa.import_links_node(obj jsonb, member text, kind text, location text, required boolean DEFAULT false)
	RETURNS jsonb
	LANGUAGE plpgsql IMMUTABLE
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	IF obj IS NULL OR NOT obj ? member OR pg_catalog.jsonb_typeof(obj -> member) = 'null' THEN
		IF required THEN
			PERFORM kansa.import_links_fail(location, pg_catalog.format('The member "%s" is missing.', member));
		END IF;
		RETURN NULL;
	END IF;
	IF pg_catalog.jsonb_typeof(obj -> member) <> kind THEN
		PERFORM kansa.import_links_fail(location || '.' || member,
			pg_catalog.format('An %s was expected, not %s.', kind, pg_catalog.jsonb_typeof(obj -> member)));
	END IF;
	IF kind = 'array' AND required AND pg_catalog.jsonb_array_length(obj -> member) = 0 THEN
		PERFORM kansa.import_links_fail(location || '.' || member, 'The array is empty.');
	END IF;
	RETURN obj -> member;
END;
$$;
COMMENT ON FUNCTION kansa.import_links_node(jsonb, text, text, text, boolean) IS 'import_links(): the object or array member of a JSON object, NULL when absent; an error naming its path when it is of another type, or is required and missing or empty.';

-- A word of one of the OSCAL vocabularies, checked.
CREATE FUNCTION kansa.import_links_word(value text, allowed text[], location text)
	RETURNS text
	LANGUAGE plpgsql IMMUTABLE
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	IF value IS NOT NULL AND NOT value = ANY (allowed) THEN
		PERFORM kansa.import_links_fail(location,
			pg_catalog.format('"%s" is not one of %s.', pg_catalog.left(value, 100), pg_catalog.array_to_string(allowed, ', ')));
	END IF;
	RETURN value;
END;
$$;
COMMENT ON FUNCTION kansa.import_links_word(text, text[], text) IS 'import_links(): the value when it is NULL or one of the allowed words; else an error naming its place.';

-- The category of an OSCAL confidence-score (unspecified is NULL).
CREATE FUNCTION kansa.import_links_confidence(obj jsonb, location text)
	RETURNS text
	LANGUAGE plpgsql IMMUTABLE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	score jsonb := kansa.import_links_node(obj, 'confidence-score', 'object', location);
	v text;
BEGIN
	IF score IS NULL THEN
		RETURN NULL;
	END IF;
	v := kansa.import_links_word(kansa.import_links_text(score, 'category', location || '.confidence-score'),
								 ARRAY['unspecified', 'high', 'medium', 'low'],
								 location || '.confidence-score.category');
	RETURN NULLIF(v, 'unspecified');
END;
$$;
COMMENT ON FUNCTION kansa.import_links_confidence(jsonb, text) IS 'import_links(): the category of the confidence-score of an OSCAL object (high, medium, low; NULL when absent or unspecified).';

-- The framework code a mapping's source-resource or target-resource names.
CREATE FUNCTION kansa.import_links_framework(resource jsonb, location text)
	RETURNS text
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	props jsonb := kansa.import_links_node(resource, 'props', 'array', location);
	href text := kansa.import_links_text(resource, 'href', location);
	p record;
	v text;
BEGIN
	FOR p IN SELECT e.value, e.ordinality - 1 AS i
			   FROM pg_catalog.jsonb_array_elements(COALESCE(props, '[]')) WITH ORDINALITY AS e
	LOOP
		IF pg_catalog.jsonb_typeof(p.value) <> 'object' THEN
			PERFORM kansa.import_links_fail(pg_catalog.format('%s.props[%s]', location, p.i), 'An object was expected.');
		END IF;
		IF kansa.import_links_text(p.value, 'name', pg_catalog.format('%s.props[%s]', location, p.i), true) = 'framework' THEN
			v := kansa.import_links_text(p.value, 'value', pg_catalog.format('%s.props[%s]', location, p.i), true);
			PERFORM FROM kansa.framework AS f WHERE f.code = v;
			IF NOT FOUND THEN
				PERFORM kansa.import_links_fail(pg_catalog.format('%s.props[%s].value', location, p.i),
					pg_catalog.format('"%s" is not a framework of kansa.framework.', pg_catalog.left(v, 100)));
			END IF;
			RETURN v;
		END IF;
	END LOOP;
	SELECT f.code INTO v FROM kansa.framework AS f WHERE href IN (f.code, f.url) ORDER BY f.code LIMIT 1;
	RETURN v;
END;
$$;
COMMENT ON FUNCTION kansa.import_links_framework(jsonb, text) IS 'import_links(): the framework a mapping resource names: its prop "framework", else the framework whose code or url is its href; NULL when it names none (the id-refs must then be control ids).';

-- A control id of a source or target: an id-ref of the resource's
-- framework, or a whole control id.
CREATE FUNCTION kansa.import_links_control(framework text, id_ref text, location text)
	RETURNS kansa.control_id
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	v kansa.control_id;
BEGIN
	IF id_ref IS NULL OR id_ref = '' THEN
		PERFORM kansa.import_links_fail(location, 'The control is not named.');
	END IF;
	IF kansa.is_valid_control_id(id_ref)
	   AND (framework IS NULL OR kansa.framework(kansa.control_id(id_ref)) = framework) THEN
		-- a whole control id (of the resource's framework, if one is named)
		v := kansa.control_id(id_ref);
	ELSIF framework IS NOT NULL AND kansa.is_valid_control_id(framework || ':' || id_ref) THEN
		v := kansa.control_id(framework, id_ref);
	ELSE
		PERFORM kansa.import_links_fail(location,
			pg_catalog.format('"%s" is not a control id%s.', pg_catalog.left(id_ref, 100),
				   CASE WHEN framework IS NULL THEN ' (framework:local, as no framework is named for it)'
						ELSE ' of framework ' || framework END));
	END IF;
	PERFORM FROM kansa.control AS c WHERE c.id OPERATOR(kansa.=) v AND c.kind = 'control';
	IF NOT FOUND THEN
		PERFORM kansa.import_links_fail(location,
			pg_catalog.format('%s is not a control of kansa.control.', v::text),
			'Load the framework''s catalog first; links join controls, not sections.');
	END IF;
	RETURN v;
END;
$$;
COMMENT ON FUNCTION kansa.import_links_control(text, text, text) IS 'import_links(): the control a source or target names: a whole control id (of the framework given, if one is), else an id local to the framework given; an error naming its place unless it is a control of kansa.control.';

CREATE FUNCTION kansa.import_links(content bytea, format text, options jsonb DEFAULT '{}')
	RETURNS integer
	LANGUAGE plpgsql
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	v_max_bytes bigint;
	v_max_links integer;
	v_fmt text;
	v_doc jsonb;
	v_mc jsonb;
	v_meta jsonb;
	v_prov jsonb;
	v_maps jsonb;
	v_title text;
	v_version text;
	v_uuid text;
	v_made_by text;
	v_made_at date;
	v_method text;
	v_rationale text;
	v_confidence text;
	v_src_base text;
	m record;
	mp record;
	e record;
	s record;
	t record;
	v_loc text;
	v_mloc text;
	v_sfw text;
	v_tfw text;
	v_rel text;
	v_pair_rel text;
	v_m_method text;
	v_m_rationale text;
	v_m_confidence text;
	v_rationale_map text;
	v_conf_map text;
	v_note text;
	v_sources kansa.control_id[];
	v_targets kansa.control_id[];
	v_sloc text[];
	v_tloc text[];
	v_cols text[];
	v_col integer;
	v_header_row integer;
	v_row record;
	-- the links read, in parallel arrays
	l_from kansa.control_id[] := '{}';
	l_to kansa.control_id[] := '{}';
	l_rel text[] := '{}';
	l_rat text[] := '{}';
	l_conf text[] := '{}';
	l_method text[] := '{}';
	l_by text[] := '{}';
	l_at date[] := '{}';
	l_src text[] := '{}';
	l_note text[] := '{}';
	l_loc text[] := '{}';
	n integer := 0;
	bad record;
	v_iloc text;
	v_ns text;
	c_row integer[];
	c_col integer[];
	c_val text[];
BEGIN
	IF content IS NULL OR format IS NULL OR options IS NULL THEN
		RAISE EXCEPTION 'import_links: content, format and options must not be null'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF pg_catalog.jsonb_typeof(options) <> 'object' THEN
		RAISE EXCEPTION 'import_links: options must be a JSON object' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	-- the caps of the sheet imports (the library defines them: load it)
	PERFORM kansa.is_valid_control_id('x:1');
	v_max_bytes := pg_catalog.pg_size_bytes(pg_catalog.current_setting('kansa.import_max_file_size'));
	v_max_links := pg_catalog.current_setting('kansa.import_max_rows')::integer;
	IF pg_catalog.octet_length(content) > v_max_bytes THEN
		RAISE EXCEPTION 'crosswalk of % bytes exceeds kansa.import_max_file_size (% bytes)',
			pg_catalog.octet_length(content), v_max_bytes USING ERRCODE = 'program_limit_exceeded';
	END IF;
	v_fmt := pg_catalog.lower(pg_catalog.btrim(format));
	v_made_by := COALESCE(kansa.import_links_text(options, 'made_by', '$options'), NULL);
	v_src_base := kansa.import_links_text(options, 'source', '$options');
	v_method := kansa.import_links_word(kansa.import_links_text(options, 'method', '$options'),
										ARRAY['human', 'automation', 'hybrid'], '$options.method');
	IF kansa.import_links_text(options, 'made_at', '$options') IS NOT NULL THEN
		BEGIN
			v_made_at := (options ->> 'made_at')::date;
		EXCEPTION WHEN OTHERS THEN
			PERFORM kansa.import_links_fail('$options.made_at', 'A date (YYYY-MM-DD) was expected.');
		END;
	END IF;

	IF v_fmt IN ('oscal-json', 'oscal', 'json') THEN
		-- 1. the document: UTF-8 JSON whose root is a mapping-collection
		v_doc := pg_catalog.convert_from(content, 'UTF8')::jsonb;
		IF pg_catalog.jsonb_typeof(v_doc) <> 'object' THEN
			PERFORM kansa.import_links_fail('$', 'A JSON object with the member "mapping-collection" was expected.');
		END IF;
		v_mc := kansa.import_links_node(v_doc, 'mapping-collection', 'object', '$', true);
		v_uuid := kansa.import_links_text(v_mc, 'uuid', '$.mapping-collection');
		v_meta := kansa.import_links_node(v_mc, 'metadata', 'object', '$.mapping-collection');
		v_title := kansa.import_links_text(v_meta, 'title', '$.mapping-collection.metadata');
		v_version := kansa.import_links_text(v_meta, 'version', '$.mapping-collection.metadata');
		IF v_made_at IS NULL AND kansa.import_links_text(v_meta, 'last-modified', '$.mapping-collection.metadata') IS NOT NULL THEN
			BEGIN
				-- the day as written, wherever the time zone puts it
				PERFORM (v_meta ->> 'last-modified')::timestamptz;
				v_made_at := pg_catalog.left(v_meta ->> 'last-modified', 10)::date;
			EXCEPTION WHEN OTHERS THEN
				PERFORM kansa.import_links_fail('$.mapping-collection.metadata.last-modified',
					'A date and time (RFC 3339) was expected.');
			END;
		END IF;
		IF v_made_by IS NULL AND pg_catalog.jsonb_typeof(v_meta -> 'parties') = 'array' THEN
			SELECT pg_catalog.string_agg(p.value ->> 'name', ', ' ORDER BY p.ordinality) INTO v_made_by
			  FROM pg_catalog.jsonb_array_elements(v_meta -> 'parties') WITH ORDINALITY AS p
			 WHERE pg_catalog.jsonb_typeof(p.value -> 'name') = 'string';
		END IF;
		v_prov := kansa.import_links_node(v_mc, 'provenance', 'object', '$.mapping-collection');
		v_method := COALESCE(v_method, kansa.import_links_word(
			kansa.import_links_text(v_prov, 'method', '$.mapping-collection.provenance'),
			ARRAY['human', 'automation', 'hybrid'], '$.mapping-collection.provenance.method'));
		v_rationale := kansa.import_links_word(
			kansa.import_links_text(v_prov, 'matching-rationale', '$.mapping-collection.provenance'),
			ARRAY['syntactic', 'semantic', 'functional'], '$.mapping-collection.provenance.matching-rationale');
		v_confidence := kansa.import_links_confidence(v_prov, '$.mapping-collection.provenance');
		v_src_base := COALESCE(v_src_base,
			'OSCAL mapping collection' || COALESCE(' "' || v_title || '"', '')
			|| COALESCE(' version ' || v_version, '') || COALESCE(' (uuid ' || v_uuid || ')', ''));
		v_maps := kansa.import_links_node(v_mc, 'mappings', 'array', '$.mapping-collection', true);

		-- 2. every mapping, every map, every source × target
		FOR m IN SELECT x.value, x.ordinality - 1 AS i FROM pg_catalog.jsonb_array_elements(v_maps) WITH ORDINALITY AS x
		LOOP
			v_mloc := pg_catalog.format('$.mapping-collection.mappings[%s]', m.i);
			IF pg_catalog.jsonb_typeof(m.value) <> 'object' THEN
				PERFORM kansa.import_links_fail(v_mloc, 'An object was expected.');
			END IF;
			v_sfw := kansa.import_links_framework(
				kansa.import_links_node(m.value, 'source-resource', 'object', v_mloc, true), v_mloc || '.source-resource');
			v_tfw := kansa.import_links_framework(
				kansa.import_links_node(m.value, 'target-resource', 'object', v_mloc, true), v_mloc || '.target-resource');
			v_m_method := COALESCE(kansa.import_links_word(kansa.import_links_text(m.value, 'method', v_mloc),
								   ARRAY['human', 'automation', 'hybrid'], v_mloc || '.method'), v_method);
			v_m_rationale := COALESCE(kansa.import_links_word(kansa.import_links_text(m.value, 'matching-rationale', v_mloc),
									  ARRAY['syntactic', 'semantic', 'functional'], v_mloc || '.matching-rationale'),
									  v_rationale);
			v_m_confidence := COALESCE(kansa.import_links_confidence(m.value, v_mloc), v_confidence);
			FOR mp IN SELECT x.value, x.ordinality - 1 AS i
						FROM pg_catalog.jsonb_array_elements(kansa.import_links_node(m.value, 'maps', 'array', v_mloc, true))
							 WITH ORDINALITY AS x
			LOOP
				v_loc := pg_catalog.format('%s.maps[%s]', v_mloc, mp.i);
				IF pg_catalog.jsonb_typeof(mp.value) <> 'object' THEN
					PERFORM kansa.import_links_fail(v_loc, 'An object was expected.');
				END IF;
				-- the relationship: a string, or {"type": …} with the OSCAL namespace
				IF pg_catalog.jsonb_typeof(mp.value -> 'relationship') = 'object' THEN
					v_ns := kansa.import_links_text(mp.value -> 'relationship', 'ns', v_loc || '.relationship');
					IF v_ns <> 'http://csrc.nist.gov/ns/oscal' THEN
						PERFORM kansa.import_links_fail(v_loc || '.relationship.ns',
							pg_catalog.format('Relationships of the namespace "%s" are not known; kansa reads the OSCAL vocabulary.',
								   pg_catalog.left(v_ns, 200)));
					END IF;
					v_rel := kansa.import_links_text(mp.value -> 'relationship', 'type', v_loc || '.relationship', true);
					v_rel := kansa.import_links_word(v_rel, ARRAY['equal-to', 'equivalent-to', 'subset-of',
										'superset-of', 'intersects-with', 'no-relationship'], v_loc || '.relationship.type');
				ELSE
					v_rel := kansa.import_links_word(kansa.import_links_text(mp.value, 'relationship', v_loc, true),
										ARRAY['equal-to', 'equivalent-to', 'subset-of', 'superset-of',
											  'intersects-with', 'no-relationship'], v_loc || '.relationship');
				END IF;
				v_rationale_map := COALESCE(kansa.import_links_word(
					kansa.import_links_text(mp.value, 'matching-rationale', v_loc),
					ARRAY['syntactic', 'semantic', 'functional'], v_loc || '.matching-rationale'), v_m_rationale);
				v_conf_map := COALESCE(kansa.import_links_confidence(mp.value, v_loc), v_m_confidence);
				v_note := kansa.import_links_text(mp.value, 'remarks', v_loc);
				-- its sources and targets
				v_sources := '{}';
				v_targets := '{}';
				v_sloc := '{}';
				v_tloc := '{}';
				FOR e IN SELECT 's' AS side, x.value, x.ordinality - 1 AS i
						   FROM pg_catalog.jsonb_array_elements(kansa.import_links_node(mp.value, 'sources', 'array', v_loc, true))
								WITH ORDINALITY AS x
						 UNION ALL
						 SELECT 't', x.value, x.ordinality - 1
						   FROM pg_catalog.jsonb_array_elements(kansa.import_links_node(mp.value, 'targets', 'array', v_loc, true))
								WITH ORDINALITY AS x
				LOOP
					v_iloc := pg_catalog.format('%s.%s[%s]', v_loc, CASE e.side WHEN 's' THEN 'sources' ELSE 'targets' END, e.i);
					IF pg_catalog.jsonb_typeof(e.value) <> 'object' THEN
						PERFORM kansa.import_links_fail(v_iloc, 'An object was expected.');
					END IF;
					IF kansa.import_links_text(e.value, 'type', v_iloc, true) <> 'control' THEN
						PERFORM kansa.import_links_fail(v_iloc || '.type',
							pg_catalog.format('"%s" items are not read: kansa links whole controls (type "control").',
								   pg_catalog.left(e.value ->> 'type', 100)));
					END IF;
					IF e.side = 's' THEN
						v_sources := v_sources || kansa.import_links_control(v_sfw,
							kansa.import_links_text(e.value, 'id-ref', v_iloc, true), v_iloc || '.id-ref');
						v_sloc := v_sloc || (v_iloc || '.id-ref');
					ELSE
						v_targets := v_targets || kansa.import_links_control(v_tfw,
							kansa.import_links_text(e.value, 'id-ref', v_iloc, true), v_iloc || '.id-ref');
						v_tloc := v_tloc || (v_iloc || '.id-ref');
					END IF;
					IF n + pg_catalog.cardinality(v_sources) * GREATEST(pg_catalog.cardinality(v_targets), 1) > v_max_links THEN
						RAISE EXCEPTION 'crosswalk has more than % links at %', v_max_links, v_iloc
							USING ERRCODE = 'program_limit_exceeded',
								  HINT = 'kansa.import_max_rows caps the links of one import (each source × target of a map counts).';
					END IF;
				END LOOP;
				-- a map of several sources or targets relates their union: a
				-- pair gets what holds for it alone
				v_pair_rel := CASE
					WHEN v_rel = 'no-relationship' THEN v_rel
					WHEN pg_catalog.cardinality(v_sources) = 1 AND pg_catalog.cardinality(v_targets) = 1 THEN v_rel
					WHEN v_rel IN ('equal-to', 'equivalent-to', 'superset-of') AND pg_catalog.cardinality(v_sources) = 1
						THEN 'superset-of'
					WHEN v_rel IN ('equal-to', 'equivalent-to', 'subset-of') AND pg_catalog.cardinality(v_targets) = 1
						THEN 'subset-of'
					ELSE 'intersects-with' END;
				FOR s IN SELECT x.c, x.i FROM pg_catalog.unnest(v_sources) WITH ORDINALITY AS x (c, i)
				LOOP
					FOR t IN SELECT x.c, x.i FROM pg_catalog.unnest(v_targets) WITH ORDINALITY AS x (c, i)
					LOOP
						n := n + 1;
						l_from[n] := s.c;
						l_to[n] := t.c;
						l_rel[n] := v_pair_rel;
						l_rat[n] := v_rationale_map;
						l_conf[n] := v_conf_map;
						l_method[n] := v_m_method;
						l_by[n] := COALESCE(v_made_by, current_user::text);
						l_at[n] := COALESCE(v_made_at, current_date);
						l_src[n] := v_src_base || ', ' || v_loc;
						l_note[n] := CASE WHEN v_pair_rel = v_rel THEN v_note
							ELSE pg_catalog.concat_ws(' ', v_note, pg_catalog.format('(a map of %s sources and %s targets, %s: %s for this pair)',
										   pg_catalog.cardinality(v_sources), pg_catalog.cardinality(v_targets), v_rel, v_pair_rel)) END;
						l_loc[n] := v_sloc[s.i] || ' and ' || v_tloc[t.i];
					END LOOP;
				END LOOP;
			END LOOP;
		END LOOP;

	ELSIF v_fmt = 'csv' THEN
		-- 1. the cells, read as the sheet imports read a CSV
		IF pg_catalog.octet_length(content) = 0 THEN
			PERFORM kansa.import_links_fail('row 1', 'The CSV is empty: a header line source, target, relationship, rationale, confidence, note was expected.');
		END IF;
		SELECT COALESCE(pg_catalog.array_agg(c.row_number ORDER BY c.row_number, c.column_number), '{}'),
			   COALESCE(pg_catalog.array_agg(c.column_number ORDER BY c.row_number, c.column_number), '{}'),
			   COALESCE(pg_catalog.array_agg(NULLIF(pg_catalog.btrim(c.value), '') ORDER BY c.row_number, c.column_number), '{}')
		  INTO c_row, c_col, c_val
		  FROM kansa.read_sheet(content, '{"format": "csv"}') AS c;
		v_header_row := c_row[1];
		IF v_header_row IS NULL THEN
			PERFORM kansa.import_links_fail('row 1', 'The CSV is empty: a header line source, target, relationship, rationale, confidence, note was expected.');
		END IF;
		v_cols := ARRAY(SELECT COALESCE((SELECT pg_catalog.lower(c.v) FROM ROWS FROM (pg_catalog.unnest(c_row), pg_catalog.unnest(c_col), pg_catalog.unnest(c_val)) AS c (r, k, v)
										  WHERE c.r = v_header_row AND c.k = g.k), '')
						  FROM pg_catalog.generate_series(1, (SELECT pg_catalog.max(c.k) FROM ROWS FROM (pg_catalog.unnest(c_row), pg_catalog.unnest(c_col)) AS c (r, k)
													WHERE c.r = v_header_row)) AS g (k));
		FOR v_col IN 1 .. pg_catalog.cardinality(v_cols)
		LOOP
			IF NOT v_cols[v_col] = ANY (ARRAY['source', 'target', 'relationship', 'rationale', 'confidence', 'note'])
			   OR pg_catalog.array_position(v_cols, v_cols[v_col]) <> v_col THEN
				PERFORM kansa.import_links_fail(pg_catalog.format('row %s, column %s', v_header_row, v_col),
					pg_catalog.format('"%s" is not a column of a crosswalk CSV, or comes twice.', pg_catalog.left(v_cols[v_col], 100)),
					'The header names the columns source, target, relationship, rationale, confidence, note (the last three may be left out).');
			END IF;
		END LOOP;
		IF NOT ARRAY['source', 'target', 'relationship'] <@ v_cols THEN
			PERFORM kansa.import_links_fail(pg_catalog.format('row %s', v_header_row),
				'The header must name the columns source, target and relationship.');
		END IF;
		IF (SELECT pg_catalog.count(DISTINCT c.r) FROM pg_catalog.unnest(c_row) AS c (r)) - 1 > v_max_links THEN
			RAISE EXCEPTION 'crosswalk has more than % links', v_max_links
				USING ERRCODE = 'program_limit_exceeded',
					  HINT = 'kansa.import_max_rows caps the links of one import.';
		END IF;
		v_src_base := COALESCE(v_src_base, 'a CSV crosswalk imported with import_links()');
		FOR v_row IN SELECT c.r AS row_number,
							pg_catalog.max(c.v) FILTER (WHERE c.k = pg_catalog.array_position(v_cols, 'source')) AS source,
							pg_catalog.max(c.v) FILTER (WHERE c.k = pg_catalog.array_position(v_cols, 'target')) AS target,
							pg_catalog.max(c.v) FILTER (WHERE c.k = pg_catalog.array_position(v_cols, 'relationship')) AS relationship,
							pg_catalog.max(c.v) FILTER (WHERE c.k = pg_catalog.array_position(v_cols, 'rationale')) AS rationale,
							pg_catalog.max(c.v) FILTER (WHERE c.k = pg_catalog.array_position(v_cols, 'confidence')) AS confidence,
							pg_catalog.max(c.v) FILTER (WHERE c.k = pg_catalog.array_position(v_cols, 'note')) AS note,
							pg_catalog.max(c.k) AS last_column
					   FROM ROWS FROM (pg_catalog.unnest(c_row), pg_catalog.unnest(c_col), pg_catalog.unnest(c_val)) AS c (r, k, v)
					  WHERE c.r > v_header_row
					  GROUP BY c.r ORDER BY c.r
		LOOP
			v_loc := pg_catalog.format('row %s', v_row.row_number);
			IF v_row.last_column > pg_catalog.cardinality(v_cols) THEN
				PERFORM kansa.import_links_fail(pg_catalog.format('%s, column %s', v_loc, v_row.last_column),
					'The row has more fields than the header names.');
			END IF;
			n := n + 1;
			l_from[n] := kansa.import_links_control(NULL, v_row.source,
				pg_catalog.format('%s, column %s (source)', v_loc, pg_catalog.array_position(v_cols, 'source')));
			l_to[n] := kansa.import_links_control(NULL, v_row.target,
				pg_catalog.format('%s, column %s (target)', v_loc, pg_catalog.array_position(v_cols, 'target')));
			IF v_row.relationship IS NULL THEN
				PERFORM kansa.import_links_fail(pg_catalog.format('%s, column %s (relationship)', v_loc,
					pg_catalog.array_position(v_cols, 'relationship')), 'The relationship is missing.');
			END IF;
			l_rel[n] := kansa.import_links_word(pg_catalog.lower(v_row.relationship),
				ARRAY['equal-to', 'equivalent-to', 'subset-of', 'superset-of', 'intersects-with', 'no-relationship'],
				pg_catalog.format('%s, column %s (relationship)', v_loc, pg_catalog.array_position(v_cols, 'relationship')));
			l_rat[n] := kansa.import_links_word(pg_catalog.lower(v_row.rationale), ARRAY['syntactic', 'semantic', 'functional'],
				pg_catalog.format('%s, column %s (rationale)', v_loc, pg_catalog.array_position(v_cols, 'rationale')));
			l_conf[n] := kansa.import_links_word(pg_catalog.lower(v_row.confidence), ARRAY['high', 'medium', 'low'],
				pg_catalog.format('%s, column %s (confidence)', v_loc, pg_catalog.array_position(v_cols, 'confidence')));
			l_method[n] := v_method;
			l_by[n] := COALESCE(v_made_by, current_user::text);
			l_at[n] := COALESCE(v_made_at, current_date);
			l_src[n] := v_src_base || ', ' || v_loc;
			l_note[n] := v_row.note;
			l_loc[n] := v_loc;
		END LOOP;
	ELSE
		RAISE EXCEPTION 'unknown crosswalk format "%"', format
			USING ERRCODE = 'invalid_parameter_value', HINT = 'Use oscal-json or csv.';
	END IF;

	IF n = 0 THEN
		PERFORM kansa.import_links_fail(CASE WHEN v_fmt = 'csv' THEN 'row ' || (v_header_row + 1) ELSE '$' END,
			'The input holds no link.');
	END IF;

	-- 3. the links together: no control linked to its own framework, no
	-- pair twice (either way round), none a shipped link or a user link the
	-- other way round already holds; a user link the same way is replaced
	SELECT x.i, x.f, x.t INTO bad
	  FROM ROWS FROM (pg_catalog.unnest(l_from), pg_catalog.unnest(l_to)) WITH ORDINALITY AS x (f, t, i)
	 WHERE kansa.framework(x.f) = kansa.framework(x.t) ORDER BY x.i LIMIT 1;
	IF FOUND THEN
		PERFORM kansa.import_links_fail(l_loc[bad.i],
			pg_catalog.format('%s and %s are of the same framework; a crosswalk links two frameworks.', bad.f::text, bad.t::text));
	END IF;
	SELECT x.i, x.first_i INTO bad
	  FROM (SELECT y.i, pg_catalog.first_value(y.i) OVER (PARTITION BY LEAST(y.f, y.t), GREATEST(y.f, y.t) ORDER BY y.i) AS first_i
			  FROM ROWS FROM (pg_catalog.unnest(l_from), pg_catalog.unnest(l_to)) WITH ORDINALITY AS y (f, t, i)) AS x
	 WHERE x.i <> x.first_i ORDER BY x.i LIMIT 1;
	IF FOUND THEN
		PERFORM kansa.import_links_fail(l_loc[bad.i],
			pg_catalog.format('%s and %s are linked already at %s; two controls are linked once (the other direction is derived).',
				   l_from[bad.i]::text, l_to[bad.i]::text, l_loc[bad.first_i]));
	END IF;
	SELECT x.i, l.builtin, l.from_control OPERATOR(kansa.=) x.f AS same_way INTO bad
	  FROM ROWS FROM (pg_catalog.unnest(l_from), pg_catalog.unnest(l_to)) WITH ORDINALITY AS x (f, t, i)
	  JOIN kansa.control_link AS l
		ON (l.from_control OPERATOR(kansa.=) x.f AND l.to_control OPERATOR(kansa.=) x.t)
		OR (l.from_control OPERATOR(kansa.=) x.t AND l.to_control OPERATOR(kansa.=) x.f)
	 WHERE l.builtin OR l.from_control OPERATOR(kansa.<>) x.f
	 ORDER BY x.i LIMIT 1;
	IF FOUND THEN
		PERFORM kansa.import_links_fail(l_loc[bad.i],
			pg_catalog.format('%s and %s are linked already by %s.', l_from[bad.i]::text, l_to[bad.i]::text,
				   CASE WHEN bad.builtin THEN 'a link shipped with kansa' ELSE 'a link the other way round' END),
			'Delete that link first to replace it.');
	END IF;

	-- 4. written at once
	DELETE FROM kansa.control_link AS l
	 USING ROWS FROM (pg_catalog.unnest(l_from), pg_catalog.unnest(l_to)) AS x (f, t)
	 WHERE l.from_control OPERATOR(kansa.=) x.f AND l.to_control OPERATOR(kansa.=) x.t AND NOT l.builtin;
	INSERT INTO kansa.control_link (from_control, to_control, relationship, rationale, confidence, method,
									made_by, made_at, source, note)
	SELECT x.f, x.t, x.r, x.ra, x.c, x.me, x.b, x.a, x.s, x.no
	  FROM ROWS FROM (pg_catalog.unnest(l_from), pg_catalog.unnest(l_to), pg_catalog.unnest(l_rel),
					  pg_catalog.unnest(l_rat), pg_catalog.unnest(l_conf), pg_catalog.unnest(l_method),
					  pg_catalog.unnest(l_by), pg_catalog.unnest(l_at), pg_catalog.unnest(l_src),
					  pg_catalog.unnest(l_note))
		   AS x (f, t, r, ra, c, me, b, a, s, no);
	RETURN n;
END;
$$;
COMMENT ON FUNCTION kansa.import_links(bytea, text, jsonb) IS 'Loads crosswalk links into kansa.control_link and returns how many. format oscal-json: an OSCAL 1.2 mapping collection (UTF-8 JSON); each mapping''s source-resource and target-resource name their framework by a prop "framework" or by an href equal to a framework''s code or url (else the id-refs must be whole control ids), every map''s relationship, matching-rationale, confidence-score and remarks become the links of its sources × targets (a map of several sources or targets gives each pair only what holds for it: superset-of, subset-of or intersects-with), provenance from the collection (method, rationale, confidence, metadata parties, last-modified, title, version, uuid and the JSON path of the map). format csv: a header line naming source, target, relationship (required) and rationale, confidence, note, then one link per line with whole control ids. options (all optional): source, made_by, made_at, method, which take precedence. Everything is checked before anything is written; an error names the JSON path or the CSV row and column and stores nothing. A user link of the same pair the same way round is replaced; a pair a shipped link or a link the other way round holds is an error. Caps: kansa.import_max_file_size (bytes) and kansa.import_max_rows (links).';
