-- sql/30_catalog.sql: the framework catalogs (framework, control, quantity,
-- lexicon, reference_item, reference_value, control_link) and the service
-- patterns of the ASP・SaaS guideline (service_type and its functions); the
-- shipped rows, compiled in from data/*.tsv at the marker line below; and
-- read access to the catalogs for everyone.

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
	label		text,
	withdrawn	boolean NOT NULL DEFAULT false,
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
COMMENT ON COLUMN kansa.control.label IS 'The label the framework itself prints for the control where it differs from the id (an OSCAL catalog''s label, e.g. AC-2(1) for ac-2.1); NULL when the id is the label.';
COMMENT ON COLUMN kansa.control.withdrawn IS 'True for a control the framework has withdrawn (an OSCAL catalog''s status withdrawn): kept so that old answers still resolve.';
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
	relationship text NOT NULL
				CHECK (relationship OPERATOR(pg_catalog.=) ANY (ARRAY['equal-to', 'equivalent-to',
						'subset-of', 'superset-of', 'intersects-with', 'no-relationship'])),
	rationale	text CHECK (rationale OPERATOR(pg_catalog.=) ANY (ARRAY['syntactic', 'semantic', 'functional'])),
	confidence	text CHECK (confidence OPERATOR(pg_catalog.=) ANY (ARRAY['high', 'medium', 'low'])),
	method		text CHECK (method OPERATOR(pg_catalog.=) ANY (ARRAY['human', 'automation', 'hybrid'])),
	made_by		text,
	made_at		date,
	source		text,
	note		text,
	builtin		boolean NOT NULL DEFAULT false,
	PRIMARY KEY (from_control, to_control),
	CHECK (kansa.framework(from_control) OPERATOR(pg_catalog.<>) kansa.framework(to_control))
);
CREATE INDEX control_link_to_idx ON kansa.control_link (to_control);
-- a link holds for both directions (control_link_both derives the other):
-- the same two controls are linked once, whichever way round
CREATE UNIQUE INDEX control_link_pair_key ON kansa.control_link
	(LEAST(from_control, to_control), GREATEST(from_control, to_control));
COMMENT ON INDEX kansa.control_link_pair_key IS 'Two controls are linked at most once, in one direction: the inverse is derived (control_link_both), never stored.';
COMMENT ON TABLE kansa.control_link IS 'Crosswalks: how the requirements of a control of one framework relate to those of a control of another, in the relationship vocabulary of the OSCAL 1.2 mapping model, with why (rationale), how sure (confidence) and where the link comes from (method, made_by, made_at, source). One row per pair, in one direction; control_link_both adds the inverse of every row. reference_check follows equal-to and equivalent-to links to the asp_saas items with reference values; projected_coverage carries verdicts along them. Administrators add rows, by hand or with import_links().';
COMMENT ON COLUMN kansa.control_link.from_control IS 'The source control (e.g. meti_cloud:4.3).';
COMMENT ON COLUMN kansa.control_link.to_control IS 'The target control (e.g. asp_saas:III.2.3.1).';
COMMENT ON COLUMN kansa.control_link.relationship IS 'How the source''s requirements relate to the target''s (OSCAL 1.2): equal-to (the same requirement, the same words), equivalent-to (the same effective requirement, in other words), subset-of (the source asks less: part of the target), superset-of (the source asks more: all of the target and more), intersects-with (they overlap, neither contains the other), no-relationship (checked and found unrelated). The inverse of subset-of is superset-of; the others are their own inverse.';
COMMENT ON COLUMN kansa.control_link.rationale IS 'What the relationship rests on (OSCAL matching-rationale): syntactic (the wording), semantic (the meaning), functional (the result: the same safeguard achieves both); NULL when not said.';
COMMENT ON COLUMN kansa.control_link.confidence IS 'How sure whoever made the link is: high, medium or low (OSCAL confidence-score category); NULL when not said.';
COMMENT ON COLUMN kansa.control_link.method IS 'How the link was made (OSCAL provenance method): human, automation or hybrid; NULL when not said.';
COMMENT ON COLUMN kansa.control_link.made_by IS 'Who or what made the link: a person, an organisation, a tool, kansa for the shipped rows.';
COMMENT ON COLUMN kansa.control_link.made_at IS 'When the link was made (for an import, the mapping collection''s last-modified date, else the day of the import).';
COMMENT ON COLUMN kansa.control_link.source IS 'What the link was taken from: the published documents read, or the mapping collection imported (title, version, uuid, and the JSON path or CSV line of the row).';
COMMENT ON COLUMN kansa.control_link.note IS 'Why the two controls are linked, in a few words.';
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
