-- sql/40_assessment.sql: the tenancy primitives (name_key, name_distance,
-- tenant_visible) and the tenant tables: organisations, vendors, services,
-- import batches, assessments, responses with their evidence, measures and
-- reviews, rejected rows, service dependencies, evidence validity and scopes,
-- with the scope functions.

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
CREATE FUNCTION kansa.near_names(name text, candidates text[]) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	BEGIN ATOMIC
		SELECT pg_catalog.string_agg(pg_catalog.format('"%s"', n.c), ', ' ORDER BY n.d, n.c)
			   || CASE WHEN pg_catalog.max(n.total) > 3
					   THEN pg_catalog.format(' and %s more', pg_catalog.max(n.total) - 3) ELSE '' END
		  FROM (SELECT d.c, d.d, pg_catalog.count(*) OVER () AS total
				  FROM (SELECT c.c, kansa.name_distance(c.c, name) AS d
						  FROM pg_catalog.unnest(candidates) AS c (c)) AS d
				 WHERE d.d <= GREATEST(1, pg_catalog.length(kansa.name_key(name)) / 5)
				 ORDER BY d.d, d.c LIMIT 3) AS n;
	END;
COMMENT ON FUNCTION kansa.near_names(text, text[]) IS 'The candidates a name may have been meant to be (a typo more likely than a new name): those within an edit distance (name_distance) of a fifth of its length, at least 1; the three nearest, quoted, and how many more there are. NULL when none is near. For the "did you mean" of imports.';
CREATE FUNCTION kansa.tenant_visible_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'kansa_tenant_visible_support' LANGUAGE C STRICT;
COMMENT ON FUNCTION kansa.tenant_visible_support(internal) IS 'Planner support of tenant_visible(): the share of a tenant table''s rows the policy lets through (all of them for a superuser or kansa_owner; for a tenant, its organisations out of the organisation table''s row count), so that joins over tenant tables are planned for their true size.';
CREATE FUNCTION kansa.tenant_visible(organization_id bigint) RETURNS boolean
	AS 'MODULE_PATHNAME', 'kansa_tenant_visible' LANGUAGE C STABLE PARALLEL SAFE COST 0.001
	SUPPORT kansa.tenant_visible_support;
COMMENT ON FUNCTION kansa.tenant_visible(bigint) IS 'True when the current user may see rows of the organisation: a member of its tenant role (pg_has_role MEMBER), a superuser, or kansa_owner (kansa''s writer functions). The row-level security policy of every tenant table: a per-row call with no subquery, costed below any operator so that it runs before any condition of the user''s.';

-----------------------------------------------------------------------------
-- Assessments: who assesses which vendor's service, and what the vendor said
-----------------------------------------------------------------------------

CREATE TABLE kansa.organization (
	id			bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name		text NOT NULL CHECK (kansa.name_key(name) OPERATOR(pg_catalog.<>) ''),
	tenant_role	text,
	review_interval interval NOT NULL DEFAULT '1 year'
		CHECK (review_interval OPERATOR(pg_catalog.>) '0'::interval),
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
COMMENT ON COLUMN kansa.organization.review_interval IS 'How long an assessment of one of its services stays fresh unless the service sets its own (kansa.service.review_interval): a sheet older than this is due again (kansa.attention). 1 year unless set (organization_review_interval_set()).';
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
	review_interval interval CHECK (review_interval OPERATOR(pg_catalog.>) '0'::interval),
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
COMMENT ON COLUMN kansa.service.review_interval IS 'How long an assessment of the service stays fresh before it is due again (kansa.attention); NULL: the organisation''s default (kansa.organization.review_interval, 1 year unless set). Set by service_review_interval_set().';
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
	summary_ms	numeric,
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
COMMENT ON COLUMN kansa.import_batch.summary_ms IS 'Of those, milliseconds spent bringing the summaries up to date (summary_refresh()).';

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
-- the assessment another superseded: the earlier sheet beside the current
-- one (assessment_change, change_summary()'s gate), and the foreign key's
-- check when an assessment is deleted.  Only ever probed for equality;
-- hash, so that no ordered scan of it can rank another tenant's rows (see
-- organization_name_key)
CREATE INDEX assessment_superseded_by_idx ON kansa.assessment USING hash (superseded_by);
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
	verdict_source text NOT NULL CHECK (verdict_source OPERATOR(pg_catalog.=) ANY (ARRAY['sheet', 'classifier', 'analyst', 'carried', 'vendor_reply'])),
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
COMMENT ON COLUMN kansa.response.verdict IS 'The verdict in force: the latest analyst review (or the one carried from the assessment this one superseded, when the answer is the same), else the sheet''s mark (a description stating a plan or exception lowers it), else the classifier''s.';
COMMENT ON COLUMN kansa.response.verdict_source IS 'Where the verdict comes from: sheet, classifier, analyst, carried (an analyst''s verdict on the same answer in the assessment this one superseded, kept by the import; response_review records it, with carried_from), or vendor_reply (the vendor''s reply to a finding, read from a returned follow-up sheet, resolved the gap; response_review records it).';
COMMENT ON COLUMN kansa.response.confidence IS 'The classifier''s confidence (0-1); 1 for sheet marks and analyst reviews.';
COMMENT ON COLUMN kansa.response.rule IS 'The classifier rule that decided (classify_explain), or sheet_mark / analyst.';
COMMENT ON COLUMN kansa.response.cue IS 'The words of the answer that decided the classifier''s verdict (classify_explain''s cue): the clause an analyst checks first.';
COMMENT ON COLUMN kansa.response.confidence_class IS 'The class of answer whose measured accuracy gave the confidence (classify_explain); NULL when the sheet''s mark decided.';
COMMENT ON COLUMN kansa.response.conflict IS 'True when the sheet''s mark and the classifier''s reading of the text disagree (○ beside 「ただし一部拠点は未対応」, × beside a description of the safeguard, a Yes with a planned date): the verdict is the weaker of the two (sheet_verdict), and the answer leads the review queue.';
COMMENT ON COLUMN kansa.response.reviewed_at IS 'When an analyst last reviewed the verdict (for a carried verdict, the review it was carried from).';
COMMENT ON COLUMN kansa.response.reviewed_by IS 'Who last reviewed it (for a carried verdict, the analyst of the review it was carried from).';
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
	carried_from bigint,
	FOREIGN KEY (response_id, organization_id)
		REFERENCES kansa.response (id, organization_id) ON DELETE CASCADE
);
CREATE INDEX response_review_response_idx ON kansa.response_review (response_id);
COMMENT ON TABLE kansa.response_review IS 'Every analyst review of a verdict (review()): who, when, from what, to what, and why; and every verdict an import carried forward from the assessment it superseded (carried_from set).';
COMMENT ON COLUMN kansa.response_review.id IS 'Surrogate key, in review order.';
COMMENT ON COLUMN kansa.response_review.response_id IS 'The response reviewed.';
COMMENT ON COLUMN kansa.response_review.organization_id IS 'The response''s organisation (the tenant), for row-level security.';
COMMENT ON COLUMN kansa.response_review.reviewed_at IS 'When.';
COMMENT ON COLUMN kansa.response_review.reviewed_by IS 'The role that reviewed, as review() recorded it: the role the call ran as; for a carried verdict, the role that ran the import.';
COMMENT ON COLUMN kansa.response_review.old_verdict IS 'The verdict before the review.';
COMMENT ON COLUMN kansa.response_review.old_source IS 'Where that verdict came from (sheet, classifier, analyst, carried).';
COMMENT ON COLUMN kansa.response_review.new_verdict IS 'The verdict the analyst set (or the import carried).';
COMMENT ON COLUMN kansa.response_review.note IS 'The analyst''s reason; for a carried verdict, "carried from review N of assessment M: the answer is the same".';
COMMENT ON COLUMN kansa.response_review.carried_from IS 'For a verdict an import carried forward: the review (response_review.id) of the earlier assessment''s answer it was carried from, itself carried or an analyst''s; NULL for a review by review(). Not a foreign key: the earlier assessment may be deleted.';

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
