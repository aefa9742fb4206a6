-- The hard cases of the verdict rubric (README, "How the classifier reads an
-- answer"), one example each or more, read by the structural reader: scope
-- statements, the same thing with its safeguard missing, protective negations,
-- concessions and equivalents, conditions on scope against triggers, the agent
-- of the clause (a platform's operator, the vendor using a platform's tool, the
-- building, the customer, both), plans, and text that says nothing; the same
-- for English answers.
BEGIN;
CREATE EXTENSION pgtap;
CREATE EXTENSION kansa;
SET search_path = kansa, public;

CREATE TEMP TABLE example (txt text, expected text, why text);
INSERT INTO example VALUES
  ('本サービスではお客様へのメール送信は行っておりません。', 'not_applicable', 'scope: the activity is not done'),
  ('当サービスは決済機能を提供していません。', 'not_applicable', 'scope: the function is not offered'),
  ('運搬車はありません。', 'not_applicable', 'scope: the asset does not exist'),
  ('当社は現金を取り扱いません。', 'not_applicable', 'scope: the vendor does not handle it'),
  ('当サービスではATMを運用・管理していません。', 'not_applicable', 'scope: a bank asset the vendor lacks'),
  ('業務の外部委託は一切行っていません。', 'not_applicable', 'scope: no outsourcing'),
  ('ユーティリティプログラムの提供は行っていません。', 'not_applicable', 'scope: the activity as a topic, doer unsaid'),
  ('サーバ室に専用の空調はありません。', 'not_implemented', 'contrast: the room exists, its safeguard does not'),
  ('多要素認証は提供していません。', 'not_implemented', 'contrast: a safeguard not offered'),
  ('ネットワーク機器の設定バックアップ、未取得。', 'not_implemented', 'contrast: 未 denies the deed'),
  ('許可のない者は入室できません。', 'implemented', 'protective: what the safeguard prevents'),
  ('外から画面をのぞき込むことはできません。', 'implemented', 'protective: a hazard made impossible'),
  ('過去に浸水の被害を受けた事例はありません。', 'implemented', 'protective: no past event'),
  ('水を使う設備は室内に置いていません。', 'implemented', 'protective: the hazard source kept out'),
  ('弊社は、お客様データを閲覧しません。', 'implemented', 'protective: the vendor keeps its hands off'),
  ('未登録者の入室不可。', 'implemented', 'protective: a terse 不可'),
  ('バックアップは取得していますが、遠隔地保管はしていません。', 'partial', 'concession'),
  ('規程は定めていませんが、手順書に沿って実施しています。', 'partial', 'concession, the other way round'),
  ('冗長化はしていませんが、自動復旧で対応しています。', 'partial', 'an equivalent in place of the safeguard'),
  ('地震リスクの高い地域の拠点では固定しています。', 'partial', 'a condition on scope'),
  ('一部のシステムでは通信を暗号化しています。', 'partial', 'a limited scope'),
  ('ログの取得は本番環境のサーバに限り実施しています。', 'partial', 'に限り limits the scope'),
  ('運用端末には許可されたプログラムのみをインストールしています。', 'implemented', 'のみ after a vetting word is an allowlist'),
  ('各機器へのアクセスは、権限を付与された者に限定しています。', 'implemented', '限定 after a person is the safeguard'),
  ('障害が発生した場合は24時間以内に報告します。', 'implemented', 'a trigger says when, not where'),
  ('変更する際は承認を得ています。', 'implemented', 'a trigger'),
  ('クラウド事業者により暗号化されています。', 'implemented/inherited', 'agent: the platform''s operator'),
  ('データセンター事業者が24時間監視しています。', 'implemented/inherited', 'agent: the data-centre operator'),
  ('クラウド事業者が提供する管理画面で当社が設定を変更しています。', 'implemented', 'agent: the vendor, the platform a tool'),
  ('当社はクラウド事業者の設備を利用し、当社が設定を管理しています。', 'implemented', 'agent: the vendor named last'),
  ('当社ではサーバの処分を行わず、クラウド事業者側の処分に依存しております。', 'implemented/inherited', 'reliance names the operator'),
  ('当社が入居する建物は耐火構造です。', 'implemented/inherited', 'building: a property of the building'),
  ('運用室がある建物には避雷設備があります。', 'implemented/inherited', 'building'),
  ('入居ビルは、停電時に非常用発電機から防災設備へ電力が供給される構造です。', 'implemented/inherited', 'building: the topic carries across clauses'),
  ('サーバの監視は当社、アカウント管理はお客様が実施します。', 'implemented/shared', 'both named'),
  ('システムバックアップは当社、エクスポートデータの保管はお客様。', 'implemented/shared', 'both named, terse'),
  ('お客様の責任で設定してください。', 'implemented/customer', 'the customer''s part'),
  ('パスワードの管理は利用者側の責任となります。', 'implemented/customer', 'a duty word'),
  ('帳票の閲覧権限は、利用金融機関が自らの規程に従って設定するものとする。', 'implemented/customer', 'the customer as the doer'),
  ('注意喚起は、信用金庫様の責任において実施いただくものでございます。', 'implemented/customer', 'the honorific 様 marks the customer'),
  ('来年度にWAFを導入する予定です。', 'planned', 'a plan'),
  ('脆弱性診断の実施を検討中です。', 'planned', 'under consideration'),
  ('緊急時対応計画を現在策定中です。', 'planned', 'in progress'),
  ('廃棄計画を策定しています。', 'implemented', 'a plan as a thing the vendor has'),
  ('利用規約に従って取り扱っております。', 'unclear', 'a pointer with no substance'),
  ('関係法令を遵守いたしております。', 'unclear', 'compliance claimed, nothing said'),
  ('当社はISMS(ISO27001)認証を取得しています。', 'unclear', 'a certificate only'),
  ('詳細はホワイトペーパーをご参照ください。', 'unclear', 'a pointer'),
  ('ファイアウォールを設置して、不要なポートを遮断しています。', 'implemented', '不要な modifies, it is no verdict'),
  -- English, read clause by clause with the same kinds
  ('No one outside our corporate network can reach the management interfaces.', 'implemented', 'en: an inability protects'),
  ('Daily snapshots are taken by us; they are not copied to another region.', 'partial', 'en: a concession'),
  ('Disks are wiped and destroyed by AWS in its data centres.', 'implemented/inherited', 'en: by the platform''s operator'),
  ('We configure the firewall rules in the Azure portal.', 'implemented', 'en: the platform is a tool'),
  ('Customers manage their own user accounts; this is the customer''s responsibility.', 'implemented/customer', 'en: the customer''s part'),
  ('We back up the database daily, and customers keep their own copies of exports.', 'implemented/shared', 'en: both named'),
  ('The service does not process payments.', 'not_applicable', 'en: scope'),
  ('Crypto policy to be issued by Mar 2027.', 'planned', 'en: a date ahead'),
  ('Automated vulnerability scanning planned for FY2027.', 'planned', 'en: planned'),
  ('Event logging on the API servers only.', 'partial', 'en: only limits the scope'),
  ('Only authorised staff can enter the server room.', 'implemented', 'en: only before a person is an allowlist'),
  ('No login without MFA.', 'implemented', 'en: no … without requires the safeguard'),
  ('Handled per Terms of Service.', 'unclear', 'en: a pointer');

SELECT plan((SELECT count(*)::int FROM example) + 3);
SELECT is(classify(txt)::text, expected, format('%s: %s', why, txt)) FROM example;

-- the reading names who acts
SELECT matches((classify_explain('クラウド事業者が提供する管理画面で当社が設定を変更しています。')).reading,
               'agent vendor \(当社\)', 'the reading shows the vendor as the agent');
SELECT matches((classify_explain('入居ビルは、停電時に非常用発電機から防災設備へ電力が供給される構造です。')).reading,
               '^\[trigger\]', 'a condition of time is a trigger clause');
SELECT is((classify_explain('運搬車はありません。')).confidence_class, 'ja:scope_statement/none/1/c',
          'the confidence class names language, rule, responsibility, clauses and content');

SELECT * FROM finish();
ROLLBACK;
