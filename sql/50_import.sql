-- sql/50_import.sql: reading a sheet against a catalog: the type sheet_line,
-- sheet_answers(), sheet_lines(), sheet_frameworks() and their helpers; and
-- analyze_stale_tables(), which an import calls, with its lock table.

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
		), context AS MATERIALIZED (
			-- what the reading knows of the sheet, made once
			SELECT pg_catalog.jsonb_build_object('framework', framework, 'boilerplate',
					   pg_catalog.to_jsonb(kansa.boilerplate(ARRAY(
						   SELECT DISTINCT b.answer FROM lines AS b
							WHERE b.kind = 'response' AND b.answer IS NOT NULL)))) AS c
		), texts AS MATERIALIZED (
			-- each distinct text read once (not inlined, which would read
			-- it again for every row and use; sheet_lines() declares its
			-- rows, so the join below is hashed)
			SELECT t.answer, (kansa.classify_explain(t.answer, x.c)).verdict AS read
			  FROM (SELECT DISTINCT l.answer FROM lines AS l WHERE l.kind = 'response') AS t,
				   context AS x
		)
		SELECT l.kind, l.sheet, l.row_number, l.column_number, l.control, l.cell, l.answer,
			   l.mark, l.ownership, l.via, l.reason, l.sqlstate, l.reject,
			   CASE WHEN l.kind = 'response'
					THEN COALESCE(CASE WHEN l.mark IS NOT NULL
									   THEN kansa.sheet_verdict(l.mark, l.ownership, t.read) END,
								  t.read) END,
			   CASE WHEN l.kind = 'response' THEN kansa.mark_conflict(l.mark, t.read) END
		  FROM lines AS l
		  -- two equalities a hash join can use, where IS NOT DISTINCT FROM is none
		  LEFT JOIN texts AS t ON l.kind = 'response'
						 AND COALESCE(t.answer, '') = COALESCE(l.answer, '')
						 AND (t.answer IS NULL) = (l.answer IS NULL)
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

CREATE FUNCTION kansa.analyze_stale_tables(scale_factor real DEFAULT 0.1) RETURNS void
	LANGUAGE plpgsql VOLATILE SECURITY DEFINER
	SET search_path = pg_catalog, pg_temp
	SET debug_print_plan = off SET debug_print_parse = off SET debug_print_rewritten = off
	AS $$
DECLARE
	t regclass;
BEGIN
	IF scale_factor IS NULL THEN
		RAISE EXCEPTION 'parameter "scale_factor" must not be null'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF NOT (scale_factor OPERATOR(pg_catalog.>=) 0
			AND scale_factor OPERATOR(pg_catalog.<) 'Infinity'::real) THEN
		RAISE EXCEPTION 'invalid value for parameter "scale_factor": %', scale_factor
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Give the share of its rows by which a table must have changed, a finite number of 0 or more (0.1 as autovacuum''s default).';
	END IF;
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
						(50 OPERATOR(pg_catalog.+) (scale_factor OPERATOR(pg_catalog.*) c.reltuples))
					 -- grown by as much (and 4 pages) since: the counts
					 -- above lag the caller's own recent imports, which a
					 -- backend reports at most once a second; the size
					 -- does not
					 OR pg_catalog.pg_relation_size(c.oid) OPERATOR(pg_catalog.>)
						(pg_catalog.current_setting('block_size')::bigint
						 OPERATOR(pg_catalog.*) (4 OPERATOR(pg_catalog.+)
												 ((1 OPERATOR(pg_catalog.+) scale_factor)
												  OPERATOR(pg_catalog.*) c.relpages))))
			  ORDER BY c.relname
	LOOP
		EXECUTE pg_catalog.format('ANALYZE %s', t);
	END LOOP;
END;
$$;
COMMENT ON FUNCTION kansa.analyze_stale_tables(real) IS 'Analyses those of kansa''s tables that have never been analysed, have changed by more than 50 rows plus scale_factor of their rows since (autovacuum''s rule; a tenth by default), or have grown by more than scale_factor of their pages plus 4 (which the change counts, reported by each backend at most once a second, can miss). import_sheet() calls it, so that the views are not planned on missing or stale statistics right after imports; kansa-import calls it with scale_factor 1 (the tables that have doubled) during and after a batch, and leaves the last tenth to autovacuum. Runs as the extension''s owner; one session at a time, the others skip.';
