-- sql/57_finding.sql: the tables of findings (指摘事項): kansa.finding, the
-- history of its states (finding_event), the questions asked per gap kind
-- and language (finding_template, shipped rows and users' own), and the
-- secret that seals a follow-up sheet (followup_secret).  Before the gap
-- views, whose assessment summaries count the findings; the functions,
-- the findings view and their security are in sql/80_findings.sql.

-----------------------------------------------------------------------------
-- Findings: a gap an analyst takes up with the vendor
-----------------------------------------------------------------------------

CREATE TABLE kansa.finding (
	id			bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organization_id bigint NOT NULL,
	assessment_id bigint NOT NULL,
	control		kansa.control_id NOT NULL REFERENCES kansa.control (id),
	response_id	bigint,
	gap_kind	text NOT NULL CHECK (gap_kind OPERATOR(pg_catalog.=) ANY (ARRAY[
					'unanswered', 'not_implemented', 'planned', 'partial', 'unclear',
					'below_reference', 'evidence_expired', 'inherited'])),
	gap_kinds	text,
	severity	text NOT NULL CHECK (severity OPERATOR(pg_catalog.=) ANY (ARRAY['high', 'medium', 'low'])),
	answer_text	text,
	facts		jsonb NOT NULL DEFAULT '{}',
	reason_ja	text NOT NULL,
	reason_en	text NOT NULL,
	question_ja	text NOT NULL,
	question_en	text NOT NULL,
	due			date NOT NULL,
	state		text NOT NULL DEFAULT 'open' CHECK (state OPERATOR(pg_catalog.=) ANY (ARRAY[
					'open', 'sent', 'answered', 'closed', 'risk_accepted'])),
	raised_at	timestamptz NOT NULL,
	raised_by	text NOT NULL,
	state_changed_at timestamptz NOT NULL,
	state_changed_by text NOT NULL,
	sent_at		timestamptz,
	reply_status text,
	reply_text	text,
	reply_evidence text,
	reply_verdict kansa.answer,
	reply_items	text,
	reply_figures text,
	reply_file	text,
	reply_sha256 bytea,
	replied_at	timestamptz,
	replied_by	text,
	risk_reason	text,
	risk_approver text,
	risk_expires date,
	UNIQUE (id, organization_id),
	FOREIGN KEY (assessment_id, organization_id)
		REFERENCES kansa.assessment (id, organization_id) ON DELETE CASCADE,
	FOREIGN KEY (response_id, organization_id)
		REFERENCES kansa.response (id, organization_id) ON DELETE CASCADE,
	CHECK (state OPERATOR(pg_catalog.<>) 'risk_accepted'
		   OR (risk_reason IS NOT NULL AND risk_approver IS NOT NULL AND risk_expires IS NOT NULL))
);
-- one finding per assessment, control and gap kind, whatever became of it:
-- what makes raise_findings() idempotent.  The kind through name_key(),
-- which is not LEAKPROOF, so that no condition of a tenant's on it can use
-- the index ahead of row-level security (see src/tenant.c).
CREATE UNIQUE INDEX finding_gap_key ON kansa.finding (assessment_id, control, kansa.name_key(gap_kind));
CREATE INDEX finding_organization_idx ON kansa.finding (organization_id, assessment_id);
CREATE INDEX finding_response_idx ON kansa.finding (response_id);
COMMENT ON TABLE kansa.finding IS 'Findings (指摘事項): a gap of a current assessment that the organisation takes up with the vendor, with the question asked (Japanese and English, from finding_template), a due date and a state: open, sent (in a follow-up sheet), answered (a reply is in, for an analyst to judge), closed, or risk_accepted (with reason, approver and expiry). Raised by raise_findings(), moved only by the finding_* functions and by the import of a follow-up sheet''s replies, each change recorded in finding_event.';
COMMENT ON COLUMN kansa.finding.id IS 'Surrogate key: the finding''s number, shown in the follow-up sheet.';
COMMENT ON COLUMN kansa.finding.organization_id IS 'The organisation (the tenant) whose finding it is.';
COMMENT ON COLUMN kansa.finding.assessment_id IS 'The assessment (sheet) whose gap it is.';
COMMENT ON COLUMN kansa.finding.control IS 'The control the gap is on.';
COMMENT ON COLUMN kansa.finding.response_id IS 'The vendor''s answer to the control (kansa.response.id); NULL when the sheet had no row for it.';
COMMENT ON COLUMN kansa.finding.gap_kind IS 'The gap''s kind when raised (gaps.gap_kind): unanswered, not_implemented, planned, partial, unclear, below_reference, evidence_expired or inherited.';
COMMENT ON COLUMN kansa.finding.gap_kinds IS 'Every kind that held when raised (gaps.gap_kinds), comma-separated.';
COMMENT ON COLUMN kansa.finding.severity IS 'The gap''s severity when raised: high, medium or low.';
COMMENT ON COLUMN kansa.finding.answer_text IS 'The vendor''s answer as received (clean_text), when raised; NULL when there was none.';
COMMENT ON COLUMN kansa.finding.facts IS 'What the question was written from: the values of the template''s placeholders (control, title, reference, stated, evidence, answer, provider, due) as a JSON object.';
COMMENT ON COLUMN kansa.finding.reason_ja IS 'Why it is a finding, in plain Japanese (finding_template.reason with the facts filled in).';
COMMENT ON COLUMN kansa.finding.reason_en IS 'Why it is a finding, in plain English.';
COMMENT ON COLUMN kansa.finding.question_ja IS 'The question asked of the vendor, in Japanese (finding_template.question with the facts filled in), fixed when raised.';
COMMENT ON COLUMN kansa.finding.question_en IS 'The question asked of the vendor, in English.';
COMMENT ON COLUMN kansa.finding.due IS 'The day by which the vendor is to reply.';
COMMENT ON COLUMN kansa.finding.state IS 'open, sent, answered, closed or risk_accepted; changed only by the finding_* functions and reply imports (see finding_event).';
COMMENT ON COLUMN kansa.finding.raised_at IS 'When raise_findings() raised it.';
COMMENT ON COLUMN kansa.finding.raised_by IS 'The role that raised it, as raise_findings() recorded it.';
COMMENT ON COLUMN kansa.finding.state_changed_at IS 'When the state last changed.';
COMMENT ON COLUMN kansa.finding.state_changed_by IS 'The role that last changed the state.';
COMMENT ON COLUMN kansa.finding.sent_at IS 'When it was first marked sent (finding_send()).';
COMMENT ON COLUMN kansa.finding.reply_status IS 'The status the vendor chose in the follow-up sheet''s dropdown (or finding_answer()''s), as written.';
COMMENT ON COLUMN kansa.finding.reply_text IS 'The vendor''s reply text.';
COMMENT ON COLUMN kansa.finding.reply_evidence IS 'The evidence the vendor referred to (the sheet''s evidence column).';
COMMENT ON COLUMN kansa.finding.reply_verdict IS 'The verdict kansa read from the reply: the classifier on the reply text and evidence, lowered by the status chosen as a sheet''s mark lowers it (sheet_verdict()).';
COMMENT ON COLUMN kansa.finding.reply_items IS 'The evidence items extract_evidence() read from the reply, comma-separated.';
COMMENT ON COLUMN kansa.finding.reply_figures IS 'The figures extract_measures() read from the reply (quantity=measure), comma-separated.';
COMMENT ON COLUMN kansa.finding.reply_file IS 'The file the reply came in (its name as imported), NULL for one recorded by finding_answer().';
COMMENT ON COLUMN kansa.finding.reply_sha256 IS 'SHA-256 of that file: the same file imported again changes nothing.';
COMMENT ON COLUMN kansa.finding.replied_at IS 'When the reply was recorded.';
COMMENT ON COLUMN kansa.finding.replied_by IS 'The role that recorded the reply (imported the file, or called finding_answer()).';
COMMENT ON COLUMN kansa.finding.risk_reason IS 'Why the risk was accepted (リスク受容), for state risk_accepted.';
COMMENT ON COLUMN kansa.finding.risk_approver IS 'Who has the authority and approved the acceptance (a person, as the organisation names them).';
COMMENT ON COLUMN kansa.finding.risk_expires IS 'The last day the acceptance holds; after it the finding is due again (kansa.findings.overdue).';

CREATE TABLE kansa.finding_event (
	id			bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	finding_id	bigint NOT NULL,
	organization_id bigint NOT NULL,
	at			timestamptz NOT NULL,
	by			text NOT NULL,
	from_state	text,
	to_state	text NOT NULL,
	note		text,
	FOREIGN KEY (finding_id, organization_id)
		REFERENCES kansa.finding (id, organization_id) ON DELETE CASCADE
);
CREATE INDEX finding_event_finding_idx ON kansa.finding_event (finding_id);
COMMENT ON TABLE kansa.finding_event IS 'The history of every finding''s state: raised (from_state NULL), sent, answered, closed, risk accepted, reopened; who, when, from what, to what and why. Written only by kansa''s finding functions and reply imports, which record the true caller; no tenant role writes it.';
COMMENT ON COLUMN kansa.finding_event.id IS 'Surrogate key, in order of events.';
COMMENT ON COLUMN kansa.finding_event.finding_id IS 'The finding.';
COMMENT ON COLUMN kansa.finding_event.organization_id IS 'The finding''s organisation (the tenant), for row-level security.';
COMMENT ON COLUMN kansa.finding_event.at IS 'When.';
COMMENT ON COLUMN kansa.finding_event.by IS 'The role that made the change (the role the call ran as).';
COMMENT ON COLUMN kansa.finding_event.from_state IS 'The state before; NULL when the finding was raised.';
COMMENT ON COLUMN kansa.finding_event.to_state IS 'The state after.';
COMMENT ON COLUMN kansa.finding_event.note IS 'The caller''s note, the reason of a risk acceptance, or what a reply import read.';

-----------------------------------------------------------------------------
-- The questions: one per gap kind and language, shipped and users' own
-----------------------------------------------------------------------------

CREATE TABLE kansa.finding_template (
	gap_kind	text NOT NULL CHECK (gap_kind OPERATOR(pg_catalog.=) ANY (ARRAY[
					'unanswered', 'not_implemented', 'planned', 'partial', 'unclear',
					'below_reference', 'evidence_expired', 'inherited'])),
	language	text NOT NULL CHECK (language OPERATOR(pg_catalog.=) ANY (ARRAY['ja', 'en'])),
	reason		text NOT NULL CHECK (reason OPERATOR(pg_catalog.<>) ''),
	question	text NOT NULL CHECK (question OPERATOR(pg_catalog.<>) ''),
	builtin		boolean NOT NULL DEFAULT false,
	PRIMARY KEY (gap_kind, language, builtin)
);
COMMENT ON TABLE kansa.finding_template IS 'What a finding says and asks, per gap kind and language (ja, en): the reason (why it is a finding) and the question to the vendor, with placeholders {control} (local id), {title}, {answer} (the answer as received, shortened), {reference} (the reference value of the service''s pattern), {stated} (the vendor''s stated figure), {evidence} (the expired certificates or reports, with their last valid day), {provider} (the providers the service relies on) and {due}. Shipped rows (builtin) are kept as shipped; to change one, insert a row of your own for the same kind and language (builtin false), which takes precedence and survives pg_dump. For kansa_admin.';
COMMENT ON COLUMN kansa.finding_template.gap_kind IS 'The gap kind the text is for.';
COMMENT ON COLUMN kansa.finding_template.language IS 'ja or en.';
COMMENT ON COLUMN kansa.finding_template.reason IS 'Why it is a finding, in plain words, with placeholders.';
COMMENT ON COLUMN kansa.finding_template.question IS 'The question to the vendor, with placeholders.';
COMMENT ON COLUMN kansa.finding_template.builtin IS 'True for rows shipped with kansa (not to be changed); user rows are false, take precedence, and survive pg_dump.';

INSERT INTO kansa.finding_template (gap_kind, language, reason, question, builtin) VALUES
('unanswered', 'ja', '{control}「{title}」について回答がありません。',
 '{control}「{title}」について、貴社の対策の実施状況をご回答ください。実施している場合はその具体的な内容を、実施していない場合はその理由と代替策をご記入ください。', true),
('unanswered', 'en', 'There is no answer to {control} "{title}".',
 'Please state whether and how you meet {control} "{title}": if you do, describe the measure; if not, explain why and what you do instead.', true),
('not_implemented', 'ja', '{control}「{title}」の対策が実施されていないとの回答です（回答：「{answer}」）。',
 '{control}「{title}」について、現在講じている代替策（補完的な対策）と、本対策の実施予定時期をご回答ください。', true),
('not_implemented', 'en', 'The answer to {control} "{title}" says the safeguard is not in place ("{answer}").',
 'For {control} "{title}", please describe the compensating controls in place now and the date by which the safeguard will be implemented.', true),
('planned', 'ja', '{control}「{title}」の対策は計画中・検討中との回答で、現時点では実施されていません（回答：「{answer}」）。',
 '{control}「{title}」について、実施予定時期（年月）と、実施までの間の暫定的な対策をご回答ください。', true),
('planned', 'en', 'The answer to {control} "{title}" says the safeguard is planned, not in place yet ("{answer}").',
 'For {control} "{title}", please give the date (month and year) the safeguard will be in place and the interim measure until then.', true),
('partial', 'ja', '{control}「{title}」の対策は一部のみ実施との回答です（回答：「{answer}」）。',
 '{control}「{title}」について、対策の対象外となっている範囲（システム・拠点・業務等）とその理由、および対象外範囲への対応予定をご回答ください。', true),
('partial', 'en', 'The answer to {control} "{title}" says the safeguard is only partly in place ("{answer}").',
 'For {control} "{title}", please state what is excluded (systems, sites, operations) and why, and whether and when the exclusion will be closed.', true),
('unclear', 'ja', '{control}「{title}」への回答から、対策が実施されているかどうかが読み取れません（回答：「{answer}」）。',
 '{control}「{title}」について、認証の取得状況や規程の存在ではなく、実際に講じている具体的な対策（方法・頻度・担当・対象）をご回答ください。', true),
('unclear', 'en', 'The answer to {control} "{title}" does not say whether the safeguard is in place ("{answer}").',
 'For {control} "{title}", please describe the concrete measure you take (how, how often, by whom, for what), not a certification or a policy in general.', true),
('below_reference', 'ja', '{control}「{title}」について、貴社の記載値（{stated}）が、本サービスのパターンの対策参照値（{reference}）を満たしていません。',
 '{control}「{title}」について、対策参照値（{reference}）を満たす計画の有無と時期、満たせない場合はその理由と代替策をご回答ください。', true),
('below_reference', 'en', 'For {control} "{title}" the figure you state ({stated}) falls short of the reference value for this service''s pattern ({reference}).',
 'For {control} "{title}", please state whether and when you plan to meet the reference value ({reference}); if you cannot, explain why and what compensates.', true),
('evidence_expired', 'ja', '{control}「{title}」の回答で根拠とされている認証・報告書の有効期限が切れています（{evidence}）。',
 '{control}「{title}」について、現在有効な認証書または保証報告書（発行日・有効期限・対象範囲が分かるもの）をご提出ください。', true),
('evidence_expired', 'en', 'The answer to {control} "{title}" relies on a certificate or report that has expired ({evidence}).',
 'For {control} "{title}", please send the current certificate or assurance report, showing its issue date, validity and scope.', true),
('inherited', 'ja', '{control}「{title}」の対策は委託先・基盤事業者（{provider}）に依拠するとの回答ですが、当該事業者の評価が当方にありません。',
 '{control}「{title}」について、依拠している事業者（{provider}）の保証報告書（SOC 2 Type II 報告書、ISMS 認証の適用範囲等）をご提出ください。', true),
('inherited', 'en', 'The answer to {control} "{title}" relies on another provider ({provider}), which we have not assessed.',
 'For {control} "{title}", please send the assurance report of the provider you rely on ({provider}): a SOC 2 Type II report, the scope of its ISO/IEC 27001 certificate, or the like.', true);

-----------------------------------------------------------------------------
-- The seal of follow-up sheets
-----------------------------------------------------------------------------

CREATE TABLE kansa.followup_secret (
	id			boolean PRIMARY KEY DEFAULT true CHECK (id),
	secret		bytea NOT NULL CHECK (pg_catalog.length(secret) OPERATOR(pg_catalog.>=) 32),
	created_at	timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE kansa.followup_secret IS 'The database''s key for sealing follow-up sheets: an HMAC-SHA-256 under it over the organisation, the assessment and the findings of a sheet is written in the sheet''s hidden part, and a reply is read only when it verifies. One row, made from the server''s strong random source when the first sheet is sealed (so that pg_dump carries it and a restored database still reads the replies to sheets sent before); readable by kansa_owner alone. Replacing it (by a superuser) invalidates every sheet sent before.';
COMMENT ON COLUMN kansa.followup_secret.id IS 'Always true: the table holds one row.';
COMMENT ON COLUMN kansa.followup_secret.secret IS 'The key, at least 32 bytes.';
COMMENT ON COLUMN kansa.followup_secret.created_at IS 'When it was made.';
