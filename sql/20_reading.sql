-- sql/20_reading.sql: reading free text and files: the classifier
-- (clean_text, boilerplate, classify, classify_explain), MeCab's tokens()
-- and read_sheet(), the cells of an answer sheet file.

-----------------------------------------------------------------------------
-- Reading free text: the classifier
-----------------------------------------------------------------------------

CREATE FUNCTION kansa.clean_text(text) RETURNS text
	AS 'MODULE_PATHNAME', 'kansa_clean_text_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.clean_text(text) IS 'The text as kansa reads it: HTML tags and entities reduced to text, NFKC, blanks collapsed.';
CREATE FUNCTION kansa.answer_key(text) RETURNS text
	AS 'MODULE_PATHNAME', 'kansa_answer_key_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kansa.answer_key(text) IS 'The form in which two answers are the same answer (a review carries forward to a newer sheet when the answers'' keys are equal): NFKC (character width), without blanks and punctuation (Unicode categories P*: 、。・「」（）.,:;!? and the like), keeping letters, digits and everything else. Words and figures always count: the percent and per-mille signs are kept, and between two digits the punctuation (or one blank) stays, so that 99.9 is not 999 and 2025年度 is not 2026年度.';
CREATE FUNCTION kansa.sentence_diff(from_text text, to_text text) RETURNS text[]
	AS 'MODULE_PATHNAME', 'kansa_sentence_diff' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION kansa.sentence_diff(text, text) IS 'The sentences of to_text (cut after 。．.!?！？ and at line breaks, as the classifier cuts them) that from_text does not have, compared by answer_key(), in order; sentences of punctuation alone are left out. sentence_diff(old, new) gives the sentences added, sentence_diff(new, old) those removed. A NULL text has no sentences; the result is never NULL.';

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
