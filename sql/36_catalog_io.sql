-- sql/36_catalog_io.sql: catalogs in: import_catalog(), which loads the
-- catalog of a framework kansa does not ship from an OSCAL catalog (JSON), a
-- CSA CAIQ v4 workbook or CSV, or a plain CSV of id, title, parent, level
-- and description; the readers of each format, which turn a file into
-- catalog_entry rows, and catalog_store(), which checks them all and stores
-- them as user rows of kansa.framework and kansa.control.
--
-- Every reader checks what it reads as it reads it and names where a fault
-- is: the JSON path of an OSCAL catalog ($.catalog.groups[2].controls[0]),
-- the sheet, row and cell of a CAIQ or CSV file.  catalog_store() then
-- checks the whole before it stores anything: every id a control_id,
-- no id twice, every parent in the catalog, no cycle, no tree deeper than
-- 16, no more rows than kansa.import_max_rows.  An error stores nothing.

CREATE TYPE kansa.catalog_entry AS (
	local_id	text,
	parent		text,
	kind		text,
	level		text,
	title		text,
	body		text,
	label		text,
	withdrawn	boolean,
	ord			integer[],
	origin		text
);
COMMENT ON TYPE kansa.catalog_entry IS 'One control or section of a catalog as a reader of import_catalog() found it, before it is checked and stored.';
COMMENT ON COLUMN kansa.catalog_entry.local_id IS 'The id as the file writes it (made canonical when stored).';
COMMENT ON COLUMN kansa.catalog_entry.parent IS 'The id of the enclosing section or control, as the file writes it; NULL at the top.';
COMMENT ON COLUMN kansa.catalog_entry.kind IS 'section or control; NULL: a control, unless other rows name it as their parent.';
COMMENT ON COLUMN kansa.catalog_entry.level IS 'basic, recommended (also 基本, 推奨) or NULL.';
COMMENT ON COLUMN kansa.catalog_entry.title IS 'Short title or heading.';
COMMENT ON COLUMN kansa.catalog_entry.body IS 'Requirement text.';
COMMENT ON COLUMN kansa.catalog_entry.label IS 'The label the file prints for it, where it differs from the id.';
COMMENT ON COLUMN kansa.catalog_entry.withdrawn IS 'True for a withdrawn control.';
COMMENT ON COLUMN kansa.catalog_entry.ord IS 'Document order: entries are stored in the order of these arrays.';
COMMENT ON COLUMN kansa.catalog_entry.origin IS 'Where in the file it was read (a JSON path, or sheet and row), for error messages.';

-----------------------------------------------------------------------------
-- Limits
-----------------------------------------------------------------------------

CREATE FUNCTION kansa.catalog_max_rows() RETURNS integer
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		SELECT COALESCE(NULLIF(pg_catalog.current_setting('kansa.import_max_rows', true), '')::integer,
						100000);
	END;
COMMENT ON FUNCTION kansa.catalog_max_rows() IS 'The most controls and sections import_catalog() stores from one file: the setting kansa.import_max_rows (100,000 unless set).';

-----------------------------------------------------------------------------
-- OSCAL catalogs (JSON)
-----------------------------------------------------------------------------

-- One error shape for every fault of an OSCAL catalog: what is wrong and
-- the JSON path of where.
CREATE FUNCTION kansa.oscal_fault(path text, what text, code text DEFAULT '22000')
	RETURNS void
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	IF what IS NULL THEN
		RETURN;					-- nothing is wrong
	END IF;
	RAISE EXCEPTION 'invalid OSCAL catalog: % %', COALESCE(path, '$'), what
		USING ERRCODE = CASE WHEN code = '54000' THEN '54000' ELSE '22000' END,
			  HINT = 'import_catalog(framework, content, ''oscal-json'', options) reads an OSCAL catalog in JSON: {"catalog": {"metadata": {"title": ...}, "groups": [...], "controls": [...]}}.';
END;
$$;
COMMENT ON FUNCTION kansa.oscal_fault(text, text, text) IS 'Raises the error of import_catalog() for a fault in an OSCAL catalog: "invalid OSCAL catalog: <JSON path> <what is wrong>", SQLSTATE 22000, or 54000 when code says so (a limit); returns when what is NULL (no fault).';

-- The text a param stands for where prose inserts it: its label, else its
-- choices, else its id, in brackets.
CREATE FUNCTION kansa.oscal_param_labels(doc jsonb) RETURNS jsonb
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		SELECT COALESCE(pg_catalog.jsonb_object_agg(p.value ->> 'id',
			   CASE WHEN pg_catalog.jsonb_typeof(p.value -> 'label') = 'string'
					THEN p.value ->> 'label'
					WHEN pg_catalog.jsonb_typeof(p.value -> 'select' -> 'choice') = 'array'
					THEN '[' || (SELECT pg_catalog.string_agg(c.value, ' | ' ORDER BY c.n)
								   FROM pg_catalog.jsonb_array_elements_text(p.value -> 'select' -> 'choice')
										WITH ORDINALITY AS c (value, n)) || ']'
					ELSE '[' || (p.value ->> 'id') || ']' END), '{}')
		  FROM pg_catalog.jsonb_path_query(doc, 'strict $.catalog.**.params[*]') AS p (value)
		 WHERE pg_catalog.jsonb_typeof(p.value) = 'object'
		   AND pg_catalog.jsonb_typeof(p.value -> 'id') = 'string';
	END;
COMMENT ON FUNCTION kansa.oscal_param_labels(jsonb) IS 'Every param of an OSCAL catalog (wherever it is defined) with the text import_catalog() puts where prose inserts it: the param''s label, else its choices in brackets, else its id in brackets.';

-- Prose with every {{ insert: param, id }} replaced by the param's text.
CREATE FUNCTION kansa.oscal_insert_params(prose text, params jsonb) RETURNS text
	LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	v_id text;
	v_with text;
BEGIN
	IF prose IS NULL OR pg_catalog.strpos(prose, '{{') = 0 THEN
		RETURN prose;
	END IF;
	FOR v_id IN SELECT DISTINCT m[1]
				  FROM pg_catalog.regexp_matches(prose, '\{\{\s*insert:\s*param,\s*([^\s}]+)\s*\}\}', 'g') AS m
	LOOP
		v_with := COALESCE(params ->> v_id, '[' || v_id || ']');
		prose := pg_catalog.regexp_replace(prose,
			'\{\{\s*insert:\s*param,\s*' || pg_catalog.regexp_replace(v_id, '([^[:alnum:]_])', '\\\1', 'g') || '\s*\}\}',
			pg_catalog.replace(v_with, '\', '\\'), 'g');
	END LOOP;
	RETURN prose;
END;
$$;
COMMENT ON FUNCTION kansa.oscal_insert_params(text, jsonb) IS 'OSCAL prose with each {{ insert: param, id }} replaced by the param''s text (oscal_param_labels()); a param the catalog does not define becomes its id in brackets.';

-- The props of an OSCAL object, checked: an array of objects with string
-- name and value.
CREATE FUNCTION kansa.oscal_props(node jsonb, path text) RETURNS jsonb
	LANGUAGE plpgsql IMMUTABLE STRICT
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	p record;
BEGIN
	IF NOT node ? 'props' THEN
		RETURN '[]';
	END IF;
	IF pg_catalog.jsonb_typeof(node -> 'props') <> 'array' THEN
		PERFORM kansa.oscal_fault(path || '.props', 'is not an array');
	END IF;
	FOR p IN SELECT e.value, e.n FROM pg_catalog.jsonb_array_elements(node -> 'props') WITH ORDINALITY AS e (value, n) LOOP
		IF pg_catalog.jsonb_typeof(p.value) <> 'object'
		   OR pg_catalog.jsonb_typeof(p.value -> 'name') IS DISTINCT FROM 'string'
		   OR pg_catalog.jsonb_typeof(p.value -> 'value') IS DISTINCT FROM 'string' THEN
			PERFORM kansa.oscal_fault(pg_catalog.format('%s.props[%s]', path, p.n - 1),
									  'is not a prop (an object with string "name" and "value")');
		END IF;
	END LOOP;
	RETURN node -> 'props';
END;
$$;
COMMENT ON FUNCTION kansa.oscal_props(jsonb, text) IS 'The props array of an OSCAL object, checked (objects with string name and value); an empty array when it has none.';

-- The value of a prop: OSCAL's own (no ns, or OSCAL's namespace) or, with
-- ns, kansa's.
CREATE FUNCTION kansa.oscal_prop(props jsonb, name text, ns text DEFAULT NULL) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		SELECT p.value ->> 'value'
		  FROM pg_catalog.jsonb_array_elements(props) WITH ORDINALITY AS p (value, n)
		 WHERE p.value ->> 'name' = oscal_prop.name
		   AND CASE WHEN oscal_prop.ns IS NULL
					THEN COALESCE(p.value ->> 'ns', 'http://csrc.nist.gov/ns/oscal') = 'http://csrc.nist.gov/ns/oscal'
					ELSE p.value ->> 'ns' = oscal_prop.ns END
		 ORDER BY p.n
		 LIMIT 1;
	END;
COMMENT ON FUNCTION kansa.oscal_prop(jsonb, text, text) IS 'The value of the first prop of that name in an OSCAL props array: in OSCAL''s namespace when ns is NULL, else in the namespace ns (kansa''s is urn:kansa:oscal).';

CREATE FUNCTION kansa.oscal_ns() RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	RETURN 'urn:kansa:oscal';
COMMENT ON FUNCTION kansa.oscal_ns() IS 'The namespace of kansa''s own props in OSCAL documents (local-id, level, verdict, responsibility, ...): urn:kansa:oscal.';

-- The text of a part and its sub-parts, one line each, labels kept, params
-- inserted: "a. …\n  1. …".
CREATE FUNCTION kansa.oscal_part_text(part jsonb, path text, params jsonb, depth integer)
	RETURNS text
	LANGUAGE plpgsql IMMUTABLE STRICT
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	v_lines text[] := '{}';
	v_label text;
	v_props jsonb;
	v_child text;
	p record;
BEGIN
	IF depth > 16 THEN
		PERFORM kansa.oscal_fault(path, 'nests parts deeper than 16', '54000');
	END IF;
	IF pg_catalog.jsonb_typeof(part) <> 'object' THEN
		PERFORM kansa.oscal_fault(path, 'is not an object');
	END IF;
	IF pg_catalog.jsonb_typeof(part -> 'name') IS DISTINCT FROM 'string' THEN
		PERFORM kansa.oscal_fault(path || '.name', 'is missing or not a string');
	END IF;
	IF part ? 'prose' AND pg_catalog.jsonb_typeof(part -> 'prose') <> 'string' THEN
		PERFORM kansa.oscal_fault(path || '.prose', 'is not a string');
	END IF;
	v_props := kansa.oscal_props(part, path);
	v_label := kansa.oscal_prop(v_props, 'label');
	IF depth > 0 OR part ? 'prose' THEN
		v_lines := ARRAY[pg_catalog.repeat('  ', GREATEST(depth - 1, 0))
						 || pg_catalog.concat_ws(' ', CASE WHEN depth > 0 THEN v_label END,
												 kansa.oscal_insert_params(part ->> 'prose', params))];
	END IF;
	IF part ? 'parts' THEN
		IF pg_catalog.jsonb_typeof(part -> 'parts') <> 'array' THEN
			PERFORM kansa.oscal_fault(path || '.parts', 'is not an array');
		END IF;
		FOR p IN SELECT e.value, e.n FROM pg_catalog.jsonb_array_elements(part -> 'parts') WITH ORDINALITY AS e (value, n) LOOP
			v_child := kansa.oscal_part_text(p.value, pg_catalog.format('%s.parts[%s]', path, p.n - 1),
											 params, depth + 1);
			IF v_child IS NOT NULL AND v_child <> '' THEN
				v_lines := v_lines || v_child;
			END IF;
		END LOOP;
	END IF;
	RETURN NULLIF(pg_catalog.array_to_string(v_lines, E'\n'), '');
END;
$$;
COMMENT ON FUNCTION kansa.oscal_part_text(jsonb, text, jsonb, integer) IS 'The text of an OSCAL part and its sub-parts (statement items), one line each with its label, indented by level, params inserted; checks the part as it goes (path: its JSON path).';

-- The groups and controls under node (the catalog, a group or a control),
-- and everything under them, as catalog entries.
CREATE FUNCTION kansa.oscal_walk(node jsonb, path text, parent text, ord integer[],
								 depth integer, params jsonb, is_control boolean)
	RETURNS SETOF kansa.catalog_entry
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	v_max integer := kansa.catalog_max_rows();
	v_key text;
	v_sorted boolean;
	m record;
	v_props jsonb;
	v_id text;
	v_body text;
	v_label text;
	v_rank integer := 0;
	e kansa.catalog_entry;
BEGIN
	IF node IS NULL OR path IS NULL OR ord IS NULL OR depth IS NULL OR params IS NULL OR is_control IS NULL THEN
		RAISE EXCEPTION 'only parent may be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF is_control AND node ? 'groups' THEN
		PERFORM kansa.oscal_fault(path || '.groups', 'is not allowed in a control');
	END IF;
	FOREACH v_key IN ARRAY ARRAY['controls', 'groups'] LOOP
		IF node ? v_key THEN
			IF pg_catalog.jsonb_typeof(node -> v_key) <> 'array' THEN
				PERFORM kansa.oscal_fault(path || '.' || v_key, 'is not an array');
			END IF;
			IF pg_catalog.jsonb_array_length(node -> v_key) > v_max THEN
				PERFORM kansa.oscal_fault(path || '.' || v_key,
					pg_catalog.format('holds %s entries; at most %s are read (kansa.import_max_rows)',
									  pg_catalog.jsonb_array_length(node -> v_key), v_max), '54000');
			END IF;
		END IF;
	END LOOP;
	IF NOT (node ? 'controls' OR node ? 'groups') THEN
		RETURN;
	END IF;
	IF depth >= 16 THEN
		PERFORM kansa.oscal_fault(path, 'nests groups and controls deeper than 16', '54000');
	END IF;

	-- siblings (controls first, then groups) in the order of their sort-id
	-- props when every one has one, else as written
	SELECT NOT EXISTS (
		SELECT FROM (SELECT pg_catalog.jsonb_array_elements(COALESCE(node -> 'controls', '[]')) AS value
					 UNION ALL
					 SELECT pg_catalog.jsonb_array_elements(COALESCE(node -> 'groups', '[]'))) AS s
		 WHERE pg_catalog.jsonb_typeof(s.value -> 'props') IS DISTINCT FROM 'array'
			OR NOT pg_catalog.jsonb_path_exists(s.value, 'lax $.props[*] ? (@.name == "sort-id" && @.value.type() == "string")', '{}', true))
	  INTO v_sorted;

	FOR m IN
		SELECT s.value, s.key, s.n
		  FROM (SELECT c.value, 'controls' AS key, c.n, 0 AS k
				  FROM pg_catalog.jsonb_array_elements(COALESCE(node -> 'controls', '[]')) WITH ORDINALITY AS c (value, n)
				UNION ALL
				SELECT g.value, 'groups', g.n, 1
				  FROM pg_catalog.jsonb_array_elements(COALESCE(node -> 'groups', '[]')) WITH ORDINALITY AS g (value, n)) AS s
		 ORDER BY CASE WHEN v_sorted
					   THEN pg_catalog.jsonb_path_query_first(s.value, 'lax $.props[*] ? (@.name == "sort-id").value', '{}', true) #>> '{}'
				  END COLLATE "C",
				  s.k, s.n
	LOOP
		e := NULL;
		e.origin := pg_catalog.format('%s.%s[%s]', path, m.key, m.n - 1);
		v_rank := v_rank + 1;
		IF pg_catalog.jsonb_typeof(m.value) <> 'object' THEN
			PERFORM kansa.oscal_fault(e.origin, 'is not an object');
		END IF;
		IF m.value ? 'id' AND pg_catalog.jsonb_typeof(m.value -> 'id') <> 'string' THEN
			PERFORM kansa.oscal_fault(e.origin || '.id', 'is not a string');
		END IF;
		IF m.key = 'controls' AND NOT m.value ? 'id' THEN
			PERFORM kansa.oscal_fault(e.origin || '.id', 'is missing');
		END IF;
		IF pg_catalog.jsonb_typeof(m.value -> 'title') IS DISTINCT FROM 'string' THEN
			PERFORM kansa.oscal_fault(e.origin || '.title', 'is missing or not a string');
		END IF;
		v_props := kansa.oscal_props(m.value, e.origin);
		-- the id: kansa's own local-id prop (what oscal_catalog() writes),
		-- else OSCAL's id, else (a group may have none) its place
		v_id := COALESCE(kansa.oscal_prop(v_props, 'local-id', kansa.oscal_ns()), m.value ->> 'id',
						 CASE WHEN parent IS NULL THEN v_rank::text ELSE parent || '.' || v_rank END);
		v_label := kansa.oscal_prop(v_props, 'label');
		v_body := NULL;
		IF m.value ? 'parts' THEN
			IF pg_catalog.jsonb_typeof(m.value -> 'parts') <> 'array' THEN
				PERFORM kansa.oscal_fault(e.origin || '.parts', 'is not an array');
			END IF;
			SELECT pg_catalog.string_agg(kansa.oscal_part_text(p.value,
						pg_catalog.format('%s.parts[%s]', e.origin, p.n - 1), params, 0), E'\n' ORDER BY p.n)
			  INTO v_body
			  FROM pg_catalog.jsonb_array_elements(m.value -> 'parts') WITH ORDINALITY AS p (value, n)
			 WHERE p.value ->> 'name' = 'statement';
		END IF;
		IF m.value ? 'params' AND pg_catalog.jsonb_typeof(m.value -> 'params') <> 'array' THEN
			PERFORM kansa.oscal_fault(e.origin || '.params', 'is not an array');
		END IF;
		e.local_id := v_id;
		e.parent := parent;
		e.kind := CASE WHEN m.key = 'groups' THEN 'section' ELSE 'control' END;
		e.level := kansa.oscal_prop(v_props, 'level', kansa.oscal_ns());
		e.title := NULLIF(m.value ->> 'title', '');
		e.body := v_body;
		e.label := CASE WHEN v_label IS DISTINCT FROM v_id THEN v_label END;
		e.withdrawn := COALESCE(kansa.oscal_prop(v_props, 'status') = 'withdrawn', false);
		e.ord := ord || v_rank;
		RETURN NEXT e;
		RETURN QUERY SELECT * FROM kansa.oscal_walk(m.value, e.origin, v_id, e.ord, depth + 1, params,
													m.key = 'controls');
	END LOOP;
END;
$$;
COMMENT ON FUNCTION kansa.oscal_walk(jsonb, text, text, integer[], integer, jsonb, boolean) IS 'The groups (as sections) and controls under an OSCAL catalog, group or control, and everything under them, as catalog entries in document order, each checked where it is read (path: the JSON path of node).';

CREATE FUNCTION kansa.oscal_catalog_entries(content bytea, OUT title text, OUT version text,
											OUT entries kansa.catalog_entry[])
	LANGUAGE plpgsql STABLE STRICT
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	v_max_kb integer;
	v_doc jsonb;
	v_msg text;
	v_detail text;
BEGIN
	-- the setting, in kB, once kansa's library has defined it
	PERFORM kansa.is_valid_control_id('x:1');
	SELECT COALESCE(pg_catalog.max(s.setting::integer), 102400) INTO v_max_kb
	  FROM pg_catalog.pg_settings AS s WHERE s.name = 'kansa.import_max_file_size';
	IF pg_catalog.octet_length(content) > v_max_kb::bigint * 1024 THEN
		RAISE EXCEPTION 'file is too large: % bytes', pg_catalog.octet_length(content)
			USING ERRCODE = 'program_limit_exceeded',
				  HINT = 'The largest file kansa reads is kansa.import_max_file_size.';
	END IF;
	BEGIN
		v_doc := pg_catalog.convert_from(content, 'UTF8')::jsonb;
	EXCEPTION WHEN character_not_in_repertoire OR untranslatable_character
				OR invalid_text_representation OR invalid_parameter_value THEN
		GET STACKED DIAGNOSTICS v_msg = MESSAGE_TEXT, v_detail = PG_EXCEPTION_DETAIL;
		RAISE EXCEPTION 'invalid OSCAL catalog: the file is not JSON in UTF-8'
			USING ERRCODE = 'invalid_text_representation',
				  DETAIL = pg_catalog.concat_ws(' ', v_msg || '.', NULLIF(v_detail, ''));
	END;
	IF pg_catalog.jsonb_typeof(v_doc) <> 'object' THEN
		PERFORM kansa.oscal_fault('$', 'is not an object');
	END IF;
	IF pg_catalog.jsonb_typeof(v_doc -> 'catalog') IS DISTINCT FROM 'object' THEN
		PERFORM kansa.oscal_fault('$.catalog', 'is missing or not an object (is this an OSCAL catalog?)');
	END IF;
	IF pg_catalog.jsonb_typeof(v_doc -> 'catalog' -> 'metadata') IS DISTINCT FROM 'object' THEN
		PERFORM kansa.oscal_fault('$.catalog.metadata', 'is missing or not an object');
	END IF;
	IF pg_catalog.jsonb_typeof(v_doc -> 'catalog' -> 'metadata' -> 'title') IS DISTINCT FROM 'string' THEN
		PERFORM kansa.oscal_fault('$.catalog.metadata.title', 'is missing or not a string');
	END IF;
	title := v_doc -> 'catalog' -> 'metadata' ->> 'title';
	-- a catalog kansa wrote keeps its edition (or none) in a prop of its own
	version := CASE WHEN pg_catalog.jsonb_path_exists(v_doc, 'lax $.catalog.metadata.props[*] ? (@.name == "framework" && @.ns == "urn:kansa:oscal")', '{}', true)
					THEN pg_catalog.jsonb_path_query_first(v_doc, 'lax $.catalog.metadata.props[*] ? (@.name == "edition" && @.ns == "urn:kansa:oscal").value', '{}', true) #>> '{}'
					ELSE v_doc -> 'catalog' -> 'metadata' ->> 'version' END;
	entries := ARRAY(SELECT w FROM kansa.oscal_walk(v_doc -> 'catalog', '$.catalog', NULL, '{}', 0,
													kansa.oscal_param_labels(v_doc), false) AS w);
END;
$$;
COMMENT ON FUNCTION kansa.oscal_catalog_entries(bytea) IS 'Reads an OSCAL catalog (JSON) for import_catalog(): its title and version, and its groups (sections) and controls (controls within controls kept) as catalog entries; label, sort-id and status withdrawn props read, statement parts made the body with their items, params inserted as their labels, back-matter ignored. A fault raises an error naming its JSON path.';

-----------------------------------------------------------------------------
-- Sheets: CSA CAIQ and plain CSV catalogs
-----------------------------------------------------------------------------

-- The cells of a catalog file, with kansa.read_sheet(), keyed for heading
-- matches (ASCII lower case, letters and digits only).
CREATE FUNCTION kansa.catalog_cells(content bytea, options jsonb,
									OUT sheet text, OUT sheet_number integer, OUT row_number integer,
									OUT column_number integer, OUT value text, OUT key text)
	RETURNS SETOF record
	LANGUAGE sql STABLE STRICT
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		SELECT x.sheet, pg_catalog.dense_rank() OVER (ORDER BY x.first)::integer,
			   x.row_number, x.column_number, x.value,
			   pg_catalog.regexp_replace(pg_catalog.lower(x.value), '[^a-z0-9]', '', 'g')
		  FROM (SELECT c.sheet, c.row_number, c.column_number, c.value,
					   pg_catalog.min(c.n) OVER (PARTITION BY c.sheet) AS first
				  FROM kansa.read_sheet(content, options)
					   WITH ORDINALITY AS c (sheet, row_number, column_number, value, n)) AS x;
	END;
COMMENT ON FUNCTION kansa.catalog_cells(bytea, jsonb) IS 'The non-empty cells of a catalog file (read_sheet() with the same options), with each sheet''s number in the file and each value''s heading key (ASCII lower case, letters and digits only).';

CREATE FUNCTION kansa.caiq_catalog_entries(content bytea, options jsonb)
	RETURNS SETOF kansa.catalog_entry
	LANGUAGE plpgsql VOLATILE STRICT
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	h record;
	q record;
	v_m text[];
	v_seen_domain text[] := '{}';
	v_seen_control text[] := '{}';
	e kansa.catalog_entry;
BEGIN
	CREATE TEMP TABLE kansa_catalog_cells ON COMMIT DROP AS
	SELECT * FROM kansa.catalog_cells(content, options);
	-- the header: the first row of a sheet with a Question ID and a
	-- Question column (within its first 30 rows)
	SELECT c.sheet, c.sheet_number, c.row_number,
		   pg_catalog.min(c.column_number) FILTER (WHERE c.key = 'questionid') AS qid,
		   pg_catalog.min(c.column_number) FILTER (WHERE c.key = 'question') AS question,
		   pg_catalog.min(c.column_number) FILTER (WHERE c.key = 'ccmdomaintitle') AS domain_title,
		   pg_catalog.min(c.column_number) FILTER (WHERE c.key = 'ccmcontroltitle') AS control_title,
		   pg_catalog.min(c.column_number) FILTER (WHERE c.key = 'ccmcontrolspecification') AS control_spec
	  INTO h
	  FROM pg_temp.kansa_catalog_cells AS c
	 WHERE c.row_number <= 30
	 GROUP BY c.sheet, c.sheet_number, c.row_number
	HAVING pg_catalog.count(*) FILTER (WHERE c.key = 'questionid') > 0
	   AND pg_catalog.count(*) FILTER (WHERE c.key = 'question') > 0
	 ORDER BY c.sheet_number, c.row_number
	 LIMIT 1;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'no sheet of the file has the CAIQ columns "Question ID" and "Question"'
			USING ERRCODE = 'bad_copy_file_format',
				  HINT = 'Import the CAIQ workbook (or its questions sheet saved as CSV) as the vendor or CSA gives it; its header row names the columns Question ID and Question.';
	END IF;

	FOR q IN
		SELECT c.row_number,
			   pg_catalog.btrim(pg_catalog.max(c.value) FILTER (WHERE c.column_number = h.qid)) AS qid,
			   pg_catalog.max(c.value) FILTER (WHERE c.column_number = h.question) AS question,
			   pg_catalog.max(c.value) FILTER (WHERE c.column_number = h.domain_title) AS domain_title,
			   pg_catalog.max(c.value) FILTER (WHERE c.column_number = h.control_title) AS control_title,
			   pg_catalog.max(c.value) FILTER (WHERE c.column_number = h.control_spec) AS control_spec
		  FROM pg_temp.kansa_catalog_cells AS c
		 WHERE c.sheet = h.sheet AND c.row_number > h.row_number
		 GROUP BY c.row_number
		 ORDER BY c.row_number
	LOOP
		IF q.qid IS NULL OR q.qid = '' THEN
			CONTINUE;			-- a note or a blank id: no question
		END IF;
		-- A&A-01.1: question 1 of control A&A-01 of domain A&A
		v_m := pg_catalog.regexp_match(q.qid, '^(([^-.[:space:]]+)-[^.[:space:]]+)\.([^.[:space:]]+)$');
		IF v_m IS NULL THEN
			RAISE EXCEPTION 'Question ID "%" in sheet "%", cell % is not a CAIQ question id', q.qid, h.sheet,
				kansa.column_name(h.qid) || q.row_number
				USING ERRCODE = 'invalid_text_representation',
					  DETAIL = 'A CAIQ question id is the CCM control id, a dot and the question''s number, as in A&A-01.1.';
		END IF;
		IF NOT v_m[2] = ANY (v_seen_domain) THEN
			v_seen_domain := v_seen_domain || v_m[2];
			e := ROW(v_m[2], NULL, 'section', NULL, NULLIF(pg_catalog.btrim(q.domain_title), ''), NULL, NULL, false,
					 ARRAY[q.row_number, 0],
					 pg_catalog.format('sheet "%s", cell %s%s', h.sheet, kansa.column_name(h.qid), q.row_number));
			RETURN NEXT e;
		END IF;
		IF NOT v_m[1] = ANY (v_seen_control) THEN
			v_seen_control := v_seen_control || v_m[1];
			e := ROW(v_m[1], v_m[2], 'section', NULL, NULLIF(pg_catalog.btrim(q.control_title), ''),
					 NULLIF(pg_catalog.btrim(q.control_spec), ''), NULL, false, ARRAY[q.row_number, 1],
					 pg_catalog.format('sheet "%s", cell %s%s', h.sheet, kansa.column_name(h.qid), q.row_number));
			RETURN NEXT e;
		END IF;
		e := ROW(q.qid, v_m[1], 'control', NULL, NULLIF(pg_catalog.btrim(q.question), ''), NULL, NULL, false,
				 ARRAY[q.row_number, 2],
				 pg_catalog.format('sheet "%s", cell %s%s', h.sheet, kansa.column_name(h.qid), q.row_number));
		RETURN NEXT e;
	END LOOP;
	DROP TABLE pg_temp.kansa_catalog_cells;
END;
$$;
COMMENT ON FUNCTION kansa.caiq_catalog_entries(bytea, jsonb) IS 'Reads a CSA CAIQ v4 workbook or CSV for import_catalog(): the first sheet with the columns Question ID and Question gives a control per question (A&A-01.1, titled with its question) under a section per CCM control (A&A-01) under a section per domain (A&A); the CCM Control Title, CCM Control Specification and CCM Domain Title columns, where the file has them, title the sections.';

CREATE FUNCTION kansa.csv_catalog_entries(content bytea, options jsonb)
	RETURNS SETOF kansa.catalog_entry
	LANGUAGE plpgsql VOLATILE STRICT
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	h record;
	r record;
	e kansa.catalog_entry;
BEGIN
	CREATE TEMP TABLE kansa_catalog_cells ON COMMIT DROP AS
	SELECT * FROM kansa.catalog_cells(content, options);
	-- the header: the first row of the first sheet
	SELECT c.sheet, c.row_number,
		   pg_catalog.min(c.column_number) FILTER (WHERE c.key IN ('id', 'controlid')) AS id,
		   pg_catalog.min(c.column_number) FILTER (WHERE c.key = 'title') AS title,
		   pg_catalog.min(c.column_number) FILTER (WHERE c.key = 'parent') AS parent,
		   pg_catalog.min(c.column_number) FILTER (WHERE c.key = 'level') AS level,
		   pg_catalog.min(c.column_number) FILTER (WHERE c.key IN ('description', 'body')) AS description,
		   pg_catalog.min(c.column_number) FILTER (WHERE c.key = 'kind') AS kind,
		   pg_catalog.min(c.column_number) FILTER (WHERE c.key = 'label') AS label,
		   pg_catalog.string_agg(c.value, ', ' ORDER BY c.column_number) AS headings
	  INTO h
	  FROM pg_temp.kansa_catalog_cells AS c
	 WHERE c.sheet_number = 1
	   AND c.row_number = (SELECT pg_catalog.min(x.row_number) FROM pg_temp.kansa_catalog_cells AS x
						   WHERE x.sheet_number = 1)
	 GROUP BY c.sheet, c.row_number;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'the file holds no rows' USING ERRCODE = 'bad_copy_file_format';
	END IF;
	IF h.id IS NULL OR h.title IS NULL THEN
		RAISE EXCEPTION 'the first row of sheet "%" (row %) does not name the columns id and title', h.sheet, h.row_number
			USING ERRCODE = 'bad_copy_file_format',
				  DETAIL = pg_catalog.format('It holds: %s.', h.headings),
				  HINT = 'A catalog in CSV has a header row naming its columns: id, title, and any of parent, level, description (also kind, label).';
	END IF;

	FOR r IN
		SELECT c.row_number,
			   pg_catalog.btrim(pg_catalog.max(c.value) FILTER (WHERE c.column_number = h.id)) AS id,
			   pg_catalog.max(c.value) FILTER (WHERE c.column_number = h.title) AS title,
			   pg_catalog.btrim(pg_catalog.max(c.value) FILTER (WHERE c.column_number = h.parent)) AS parent,
			   pg_catalog.max(c.value) FILTER (WHERE c.column_number = h.level) AS level,
			   pg_catalog.max(c.value) FILTER (WHERE c.column_number = h.description) AS description,
			   pg_catalog.lower(pg_catalog.btrim(pg_catalog.max(c.value) FILTER (WHERE c.column_number = h.kind))) AS kind,
			   pg_catalog.max(c.value) FILTER (WHERE c.column_number = h.label) AS label
		  FROM pg_temp.kansa_catalog_cells AS c
		 WHERE c.sheet = h.sheet AND c.row_number > h.row_number
		 GROUP BY c.row_number
		 ORDER BY c.row_number
	LOOP
		e.origin := pg_catalog.format('sheet "%s", row %s', h.sheet, r.row_number);
		IF r.id IS NULL OR r.id = '' THEN
			RAISE EXCEPTION 'row % of sheet "%" has no id (column %)', r.row_number, h.sheet, kansa.column_name(h.id)
				USING ERRCODE = 'not_null_violation';
		END IF;
		IF r.kind IS NOT NULL AND r.kind <> '' AND r.kind NOT IN ('section', 'control') THEN
			RAISE EXCEPTION 'invalid kind "%" in sheet "%", cell %', r.kind, h.sheet, kansa.column_name(h.kind) || r.row_number
				USING ERRCODE = 'invalid_parameter_value',
					  HINT = 'kind is section, control or empty (a row other rows name as their parent is a section).';
		END IF;
		e.local_id := r.id;
		e.parent := NULLIF(r.parent, '');
		e.kind := NULLIF(r.kind, '');
		e.level := r.level;
		e.title := NULLIF(pg_catalog.btrim(r.title), '');
		e.body := NULLIF(pg_catalog.btrim(r.description), '');
		e.label := NULLIF(pg_catalog.btrim(r.label), '');
		e.withdrawn := false;
		e.ord := ARRAY[r.row_number];
		RETURN NEXT e;
	END LOOP;
	DROP TABLE pg_temp.kansa_catalog_cells;
END;
$$;
COMMENT ON FUNCTION kansa.csv_catalog_entries(bytea, jsonb) IS 'Reads a catalog in CSV (or tab-separated text, or the first sheet of an xlsx workbook) for import_catalog(): a header row naming id and title and any of parent, level, description (or body), kind and label, then one row per control or section in document order.';

-----------------------------------------------------------------------------
-- Checking and storing
-----------------------------------------------------------------------------

CREATE FUNCTION kansa.catalog_store(framework text, entries kansa.catalog_entry[], meta jsonb,
									OUT sections integer, OUT controls integer, OUT withdrawn integer)
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	v_max integer := kansa.catalog_max_rows();
	v_fw kansa.framework;
	v_n integer := COALESCE(pg_catalog.cardinality(entries), 0);
	r record;
	v_msg text;
	v_detail text;
	v_chain text[];
	v_at text;
BEGIN
	IF framework IS NULL THEN
		RAISE EXCEPTION 'framework must not be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF v_n = 0 THEN
		RAISE EXCEPTION 'the catalog holds no controls' USING ERRCODE = 'no_data_found';
	END IF;
	IF v_n > v_max THEN
		RAISE EXCEPTION 'the catalog holds % controls and sections; at most % are stored', v_n, v_max
			USING ERRCODE = 'program_limit_exceeded',
				  HINT = 'The limit is the setting kansa.import_max_rows.';
	END IF;

	-- the framework: new, or a user row with no controls yet
	SELECT * INTO v_fw FROM kansa.framework AS f WHERE f.code = catalog_store.framework;
	IF FOUND AND v_fw.builtin THEN
		RAISE EXCEPTION 'framework "%" is shipped with kansa', framework
			USING ERRCODE = 'duplicate_object',
				  HINT = 'Load the catalog under a code of its own (e.g. fisc11 for a newer FISC edition).';
	END IF;
	IF FOUND AND EXISTS (SELECT FROM kansa.control AS c WHERE c.framework = catalog_store.framework) THEN
		RAISE EXCEPTION 'framework "%" has a catalog already', framework
			USING ERRCODE = 'duplicate_object',
				  HINT = 'Load the catalog under a new code, or delete the framework''s controls first.';
	END IF;

	-- every id and parent a control_id of the framework
	FOR r IN SELECT e.local_id, e.parent, e.origin FROM pg_catalog.unnest(entries) AS e
			  WHERE e.local_id IS NULL OR NOT kansa.is_valid_control_id(framework || ':' || e.local_id)
				 OR (e.parent IS NOT NULL AND NOT kansa.is_valid_control_id(framework || ':' || e.parent))
			  LIMIT 1 LOOP
		IF r.local_id IS NULL THEN
			RAISE EXCEPTION 'the entry at % has no id', r.origin USING ERRCODE = 'not_null_violation';
		END IF;
		v_at := CASE WHEN kansa.is_valid_control_id(framework || ':' || r.local_id) THEN r.parent ELSE r.local_id END;
		BEGIN
			PERFORM kansa.control_id(framework, v_at);
		EXCEPTION WHEN OTHERS THEN
			GET STACKED DIAGNOSTICS v_msg = MESSAGE_TEXT, v_detail = PG_EXCEPTION_DETAIL;
		END;
		RAISE EXCEPTION 'invalid control id "%" at %', v_at, r.origin
			USING ERRCODE = 'invalid_text_representation',
				  DETAIL = pg_catalog.concat_ws(' ', NULLIF(v_detail, ''), '(' || v_msg || ')');
	END LOOP;

	CREATE TEMP TABLE kansa_catalog_load ON COMMIT DROP AS
	SELECT kansa.control_id(framework, e.local_id)::text AS id,
		   kansa.control_id(framework, e.parent)::text AS parent,
		   e.kind, e.level, e.title, e.body, e.label, COALESCE(e.withdrawn, false) AS withdrawn,
		   e.origin, pg_catalog.row_number() OVER (ORDER BY e.ord, e.n)::integer AS position
	  FROM pg_catalog.unnest(entries) WITH ORDINALITY AS e (local_id, parent, kind, level, title, body,
															 label, withdrawn, ord, origin, n);

	-- no id twice (after normalisation: ac-2 and AC-2 are one id)
	FOR r IN SELECT l.id, pg_catalog.array_agg(l.origin ORDER BY l.position) AS origins
			   FROM pg_temp.kansa_catalog_load AS l GROUP BY l.id HAVING pg_catalog.count(*) > 1
			  ORDER BY pg_catalog.min(l.position) LIMIT 1 LOOP
		RAISE EXCEPTION 'duplicate control id "%"', r.id
			USING ERRCODE = 'unique_violation',
				  DETAIL = pg_catalog.format('It is given at %s.', pg_catalog.array_to_string(r.origins, ' and at '));
	END LOOP;
	CREATE UNIQUE INDEX ON pg_temp.kansa_catalog_load (id);

	-- every parent in the catalog
	FOR r IN SELECT l.id, l.parent, l.origin FROM pg_temp.kansa_catalog_load AS l
			  WHERE l.parent IS NOT NULL
				AND NOT EXISTS (SELECT FROM pg_temp.kansa_catalog_load AS p WHERE p.id = l.parent)
			  ORDER BY l.position LIMIT 1 LOOP
		RAISE EXCEPTION 'parent "%" of "%" (at %) is not in the catalog', r.parent, r.id, r.origin
			USING ERRCODE = 'foreign_key_violation';
	END LOOP;

	-- a tree: every entry reached from a root, none deeper than 16; the
	-- path of each (its rank and its ancestors') gives the document order,
	-- sections before their members, siblings as the file orders them
	CREATE TEMP TABLE kansa_catalog_tree ON COMMIT DROP AS
	WITH RECURSIVE walk (id, depth, path) AS (
		SELECT l.id, 1, ARRAY[l.position] FROM pg_temp.kansa_catalog_load AS l WHERE l.parent IS NULL
		UNION ALL
		SELECT l.id, w.depth + 1, w.path || l.position
		  FROM walk AS w JOIN pg_temp.kansa_catalog_load AS l ON l.parent = w.id
		 WHERE w.depth <= 16
	)
	SELECT w.id, w.depth, w.path FROM walk AS w;
	FOR r IN SELECT t.id FROM pg_temp.kansa_catalog_tree AS t WHERE t.depth > 16 LIMIT 1 LOOP
		RAISE EXCEPTION 'the catalog nests deeper than 16 levels (at "%")', r.id
			USING ERRCODE = 'program_limit_exceeded';
	END LOOP;
	FOR r IN SELECT l.id, l.parent, l.origin FROM pg_temp.kansa_catalog_load AS l
			  WHERE NOT EXISTS (SELECT FROM pg_temp.kansa_catalog_tree AS t WHERE t.id = l.id)
			  ORDER BY l.position LIMIT 1 LOOP
		v_chain := ARRAY[r.id];
		v_at := r.parent;
		WHILE NOT v_at = ANY (v_chain) AND pg_catalog.cardinality(v_chain) < 20 LOOP
			v_chain := v_chain || v_at;
			SELECT l.parent INTO v_at FROM pg_temp.kansa_catalog_load AS l WHERE l.id = v_at;
		END LOOP;
		RAISE EXCEPTION 'the parents of "%" (at %) run in a cycle', r.id, r.origin
			USING ERRCODE = 'invalid_foreign_key',
				  DETAIL = pg_catalog.format('%s -> %s.', pg_catalog.array_to_string(v_chain, ' -> '), v_at);
	END LOOP;
	UPDATE pg_temp.kansa_catalog_load AS l SET position = o.position
	  FROM (SELECT t.id, pg_catalog.row_number() OVER (ORDER BY t.path)::integer AS position
			  FROM pg_temp.kansa_catalog_tree AS t) AS o
	 WHERE o.id = l.id;
	DROP TABLE pg_temp.kansa_catalog_tree;

	-- kinds, levels, and labels that only repeat the id
	UPDATE pg_temp.kansa_catalog_load AS l SET label = NULL
	 WHERE l.label = kansa.local_id(l.id::kansa.control_id);
	UPDATE pg_temp.kansa_catalog_load AS l
	   SET kind = CASE WHEN EXISTS (SELECT FROM pg_temp.kansa_catalog_load AS c WHERE c.parent = l.id)
					   THEN 'section' ELSE 'control' END
	 WHERE l.kind IS NULL;
	UPDATE pg_temp.kansa_catalog_load AS l
	   SET level = CASE WHEN pg_catalog.lower(pg_catalog.btrim(l.level)) IN ('basic', '基本') THEN 'basic'
						WHEN pg_catalog.lower(pg_catalog.btrim(l.level)) IN ('recommended', '推奨') THEN 'recommended'
						WHEN pg_catalog.btrim(l.level) = '' THEN NULL
						ELSE l.level END
	 WHERE l.level IS NOT NULL;
	FOR r IN SELECT l.level, l.origin FROM pg_temp.kansa_catalog_load AS l
			  WHERE l.level NOT IN ('basic', 'recommended') ORDER BY l.position LIMIT 1 LOOP
		RAISE EXCEPTION 'invalid level "%" at %', r.level, r.origin
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'A level is basic (基本), recommended (推奨) or empty.';
	END LOOP;

	-- store: the framework (unless the user made its row), then the rows
	IF v_fw.code IS NULL THEN
		INSERT INTO kansa.framework (code, title, edition, publisher, language, source, url, section_depth, builtin)
		VALUES (framework, COALESCE(meta ->> 'title', framework), meta ->> 'edition', meta ->> 'publisher',
				meta ->> 'language', meta ->> 'source', meta ->> 'url',
				COALESCE((meta ->> 'section_depth')::integer, 1), false);
	END IF;
	INSERT INTO kansa.control (id, parent, kind, level, title, body, position, builtin, label, withdrawn)
	SELECT l.id::kansa.control_id, l.parent::kansa.control_id, l.kind, l.level, l.title, l.body, l.position,
		   false, l.label, l.withdrawn
	  FROM pg_temp.kansa_catalog_load AS l
	 ORDER BY l.position;

	SELECT pg_catalog.count(*) FILTER (WHERE l.kind = 'section'),
		   pg_catalog.count(*) FILTER (WHERE l.kind = 'control'),
		   pg_catalog.count(*) FILTER (WHERE l.withdrawn)
	  INTO sections, controls, withdrawn
	  FROM pg_temp.kansa_catalog_load AS l;
	DROP TABLE pg_temp.kansa_catalog_load;
END;
$$;
COMMENT ON FUNCTION kansa.catalog_store(text, kansa.catalog_entry[], jsonb) IS 'Checks catalog entries as a whole and stores them as user rows (builtin false) of kansa.framework (made from meta: title, edition, publisher, language, source, url, section_depth, unless the user made the row) and kansa.control, in document order (each section before its members, siblings in the order of their ord); a label equal to the id is dropped. Checks: every id and parent a control_id, no id twice, every parent present, no cycle, at most 16 levels and kansa.import_max_rows rows; an entry without a kind is a section when others name it as their parent. Raises before storing anything.';

CREATE FUNCTION kansa.import_catalog(framework text, content bytea, format text, options jsonb DEFAULT '{}',
									 OUT sections integer, OUT controls integer, OUT withdrawn integer)
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	v_format text := pg_catalog.lower(pg_catalog.btrim(format));
	v_options jsonb := COALESCE(options, '{}');
	v_read jsonb;
	v_entries kansa.catalog_entry[];
	v_title text;
	v_version text;
	v_meta jsonb;
BEGIN
	IF framework IS NULL OR content IS NULL OR format IS NULL THEN
		RAISE EXCEPTION 'framework, content and format must not be null' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF pg_catalog.jsonb_typeof(v_options) <> 'object' THEN
		RAISE EXCEPTION 'options must be a JSON object' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF framework !~ '^[a-z][a-z0-9_]{0,31}$' THEN
		RAISE EXCEPTION 'invalid framework code "%"', framework
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'A framework code is a lower-case letter, then up to 31 lower-case letters, digits and underscores (e.g. ismap, fisc11, bank_q2025).';
	END IF;
	-- what read_sheet() takes of the options
	SELECT COALESCE(pg_catalog.jsonb_object_agg(o.key, o.value), '{}') INTO v_read
	  FROM pg_catalog.jsonb_each(v_options) AS o
	 WHERE o.key IN ('format', 'encoding', 'delimiter', 'sheet');

	IF v_format IN ('oscal-json', 'oscal') THEN
		SELECT x.title, x.version, x.entries INTO v_title, v_version, v_entries
		  FROM kansa.oscal_catalog_entries(content) AS x;
	ELSIF v_format = 'caiq' THEN
		v_entries := ARRAY(SELECT e FROM kansa.caiq_catalog_entries(content, v_read) AS e);
		v_title := 'CSA Consensus Assessments Initiative Questionnaire';
	ELSIF v_format = 'csv' THEN
		v_entries := ARRAY(SELECT e FROM kansa.csv_catalog_entries(content, v_read) AS e);
	ELSE
		RAISE EXCEPTION 'invalid catalog format "%"', format
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Use oscal-json (an OSCAL catalog in JSON), caiq (a CSA CAIQ v4 workbook or CSV) or csv (id, title, parent, level, description).';
	END IF;

	v_meta := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
		'title', COALESCE(v_options ->> 'title', v_title),
		'edition', COALESCE(v_options ->> 'edition', v_version),
		'publisher', v_options ->> 'publisher',
		'language', v_options ->> 'language',
		'url', v_options ->> 'url',
		'section_depth', v_options ->> 'section_depth',
		'source', COALESCE(v_options ->> 'source',
						   pg_catalog.format('loaded by %s with import_catalog() from a file in format %s',
											 CURRENT_USER, v_format))));
	SELECT s.sections, s.controls, s.withdrawn INTO sections, controls, withdrawn
	  FROM kansa.catalog_store(framework, v_entries, v_meta) AS s;
END;
$$;
COMMENT ON FUNCTION kansa.import_catalog(text, bytea, text, jsonb) IS 'Loads the catalog of a framework kansa does not ship, as user rows of kansa.framework and kansa.control (kept by pg_dump): format oscal-json (an OSCAL catalog), caiq (a CSA CAIQ v4 workbook or CSV: the questions as controls under their CCM controls and domains) or csv (id, title, parent, level, description). options: title, edition, publisher, language, source, url, section_depth for the framework row; format, encoding, delimiter, sheet for reading a sheet. Everything is checked before anything is stored; an error names where in the file. Returns the sections, controls and withdrawn controls stored.';
