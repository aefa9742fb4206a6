-- kansa.classify: cleaning, cues in Japanese and English, boilerplate, explanations.
SET search_path = kansa, public;

SELECT clean_text('<p>ＩＳＯ２７００１　認証&amp;取得</p><p>第二段落&#x3002;</p> <https://example.com/a>');

SELECT t, (classify_explain(t)).*
  FROM (VALUES
    (NULL), (''), ('   '), ('<p></p>'), ('未記入'),
    ('○'), ('×'), ('－'), ('N/A'), ('対象外'), ('Yes'),
    ('ファイアウォールを設置して、不要なポートを遮断しています。'),
    ('UPSを設置しております。'),
    ('専用の空調設備は設置されておりません。'),
    ('現在、多要素認証は提供していません。'),
    ('対策は講じておりません。'),
    ('ログを取得しています。ただし、利用者へのログ提供は行っておりません。'),
    ('パスワードの定期変更を強制する機能はないが、複雑性の要件を設けています。'),
    ('一部のサーバのみ冗長化しています。'),
    ('原則として日次でバックアップを取得しますが、メンテナンス日は取得しません。'),
    ('来年度にWAFを導入する予定です。'),
    ('脆弱性診断の実施を検討中です。'),
    ('当サービスではATMを運用・管理していません。'),
    ('LiveOnに関する業務の外部委託は、一切行っていません。'),
    ('本基準は当社サービスには該当しません。'),
    ('当社はISMS（ISO27001）認証を受けています。'),
    ('当社はISMS（ISO27001）認証を受けています。この基準では、「アクセス制御」（ISO27001：2013、附属書A.9）が規定されています。'),
    ('利用規約に従って取り扱っております。'),
    ('詳細はホワイトペーパーをご参照ください。'),
    ('Microsoftのクラウドサービスコンポーネントを利用し実施しています。'),
    ('サーバを設置しているデータセンターは、震度7に耐える構造です。'),
    ('入居するオフィス運営会社にて入退室を管理しています。'),
    ('パスワードの管理は利用者側の責任となります。'),
    ('アカウントの棚卸しはお客様のセキュリティポリシーに基づいて実施してください。'),
    ('サーバの監視は当社、アカウント管理はお客様の責任となります。当社は24時間監視を行っています。'),
    ('外部からアクセスできないよう制御しています。'),
    ('We encrypt all data at rest with AES-256.'),
    ('Backups are taken daily and kept for 30 days.'),
    ('Yes, we perform annual penetration tests.'),
    ('We do not currently offer SSO.'),
    ('MFA is planned for Q3.'),
    ('Not applicable: the service does not operate any ATMs.'),
    ('Access reviews are performed quarterly, except for service accounts.'),
    ('Physical security is provided by our cloud provider (AWS).'),
    ('Customers are responsible for managing their own user accounts.'),
    ('We are ISO 27001 certified.'),
    ('Please refer to our security whitepaper.'),
    -- confidence: lower where rules conflict, lowest where nothing matched
    ('ログを取得しています。今後、保存期間の延長を予定しています。'),
    ('ファイアウォール'),
    ('Firewall.')
  ) AS v (t);

-- boilerplate: sentences repeated across a sheet are set aside
SELECT boilerplate(ARRAY[
  'LiveOnは、ISMS（ISO27001）認証を受けています。UPSを設置しています。',
  'LiveOnは、ISMS (ISO27001) 認証を受けています。 監視しています。',
  'LiveOnは、ISMS（ISO27001）認証を受けています。',
  'LiveOnは、ISMS（ISO27001）認証を受けています。暗号化しています。',
  'LiveOnは、ISMS（ISO27001）認証を受けています。ログを取得しています。',
  '対象外', '対象外', '対象外', NULL, '']);
SELECT boilerplate(ARRAY['同じ文です。これは長めの文章の例です。', '同じ文です。これは長めの文章の例です。']) AS too_few_answers;
SELECT boilerplate(ARRAY['a','b','c','d','e'], 1.5);
SELECT (classify_explain('LiveOnは、ISMS（ISO27001）認証を受けています。サポートは平日のみです。',
                         ARRAY['LiveOnは、ISMS（ISO27001）認証を受けています。'])).*;
SELECT (classify_explain('弊社の標準文言です、これは繰り返されます。',
                         ARRAY['弊社の標準文言です、これは繰り返されます。'])).*;
-- A call site keeps the texts it has read in a statement (its memo), and
-- starts again when the boilerplate or context changes: the same text read
-- with, without and again with the boilerplate, by one call site, and a
-- text repeated (its second reading from the memo, the same row).
SELECT x.n, c.verdict::text, c.rule, c.specific_text
  FROM (VALUES (1, '暗号化しています。', '["暗号化しています。"]'::jsonb),
               (2, '暗号化しています。', '[]'),
               (3, '暗号化しています。', '["暗号化しています。"]'),
               (4, 'ログを取得しています。', '[]'),
               (5, 'ログを取得しています。', '[]')) AS x (n, t, b),
       LATERAL kansa.classify_explain(x.t, jsonb_build_object('boilerplate', x.b)) AS c
 ORDER BY x.n;
SELECT x.n, c.verdict::text, c.rule
  FROM (VALUES (1, '暗号化しています。', ARRAY['暗号化しています。']),
               (2, '暗号化しています。', NULL),
               (3, '暗号化しています。', ARRAY['暗号化しています。'])) AS x (n, t, b),
       LATERAL kansa.classify_explain(x.t, x.b) AS c
 ORDER BY x.n;
-- Past its 4,096 texts the memo starts again: 5,000 distinct texts, then
-- the first ones again, read by one call site, every row as read alone
SELECT count(*) AS readings,
       count(*) FILTER (WHERE c.verdict::text = 'implemented' AND c.rule = 'affirmed') AS as_alone
  FROM (SELECT 'ログを取得しています。' || (g % 5000) || '件。' AS t
          FROM generate_series(1, 5100) AS g) AS x,
       LATERAL kansa.classify_explain(x.t, '{}'::jsonb) AS c;
SELECT c.verdict::text, c.rule FROM kansa.classify_explain('ログを取得しています。1件。', '{}'::jsonb) AS c;
-- an answer that opens with an answer word: the word decides where the
-- reading went the other way, a reading that refines it stands
SELECT t, c.verdict::text, c.rule
  FROM unnest(ARRAY['No. The admin console exists, but sessions are never locked after inactivity.',
                    'N/A. The service uses no paper, tape or optical media at any stage.',
                    'Planned: MFA for all administrators in Q3 2026.',
                    'No. Hardware-bound keys are on our roadmap for H2 2025.',
                    'Yes, for employees. Contractors are not screened.']) AS t,
       LATERAL kansa.classify_explain(t) AS c;
