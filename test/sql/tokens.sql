--
-- tokens(): MeCab's analysis, with the dictionary kansa.mecab_dictionary
-- names (default: Debian's IPAdic in UTF-8)
--
SELECT "position", "offset", surface, lemma, part_of_speech, pos_detail, conjugation_type,
       conjugation_form, known
  FROM kansa.tokens('運搬車はありません。');
SELECT string_agg(lemma, ' ' ORDER BY "position") AS lemmas
  FROM kansa.tokens('本サービスではお客様への電子メール送信は行っておりません。');
SELECT string_agg(surface || '/' || part_of_speech, ' ' ORDER BY "position") AS tokens
  FROM kansa.tokens('クラウド事業者の管理画面で当社が設定を変更しています。');
-- English and mixed text; an empty text has no tokens
SELECT string_agg(surface, '|' ORDER BY "position") AS tokens, bool_and(known) AS all_known
  FROM kansa.tokens('Data at rest is encrypted with AWS KMS（鍵管理）.');
SELECT count(*) FROM kansa.tokens('');
SHOW kansa.mecab_dictionary;
-- offsets are bytes of the text as given
SELECT bool_and(substr(convert_to(t, 'UTF8'), "offset" + 1, octet_length(surface)) = convert_to(surface, 'UTF8')) AS offsets_right
  FROM (VALUES ('許可のない者は入室できません。 外部委託は一切行っていません。')) AS v (t),
       kansa.tokens(v.t);
-- a dictionary that cannot be opened is an error that names it; the
-- setting is a superuser's
SET kansa.mecab_dictionary = '/nonexistent/dic';
SELECT count(*) FROM kansa.tokens('テスト');
RESET kansa.mecab_dictionary;
SELECT count(*) FROM kansa.tokens('テスト');
CREATE ROLE tokens_user NOLOGIN;
SET ROLE tokens_user;
SET kansa.mecab_dictionary = '/tmp';
SELECT count(*) > 0 AS analysed FROM kansa.tokens('暗号化しています。');
RESET ROLE;
DROP ROLE tokens_user;
-- another dictionary
SET kansa.mecab_dictionary = '/var/lib/mecab/dic/naist-jdic';
SELECT string_agg(lemma, ' ' ORDER BY "position") AS lemmas FROM kansa.tokens('バックアップは取得していますが、遠隔地保管はしていません。');
RESET kansa.mecab_dictionary;
SELECT string_agg(lemma, ' ' ORDER BY "position") AS lemmas FROM kansa.tokens('バックアップは取得していますが、遠隔地保管はしていません。');

