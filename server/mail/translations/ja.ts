/** The mails in Japanese. @module */
import type { MailMessages } from "../messages.ts";

const ja: MailMessages = {
  "code.subject": "{system} の確認コード",
  "code.code": "確認コードは {code} です",
  "code.enter": "{system} のページでこのコードを入力すると、送信されたファイルを開けます。",
  "code.expires":
    "このコードの有効期限は{minutes, plural, other {#分}}で、使用できるのは1回だけです。",
  "code.ignore":
    "コードをリクエストしていない場合は、このメールを無視してください。コードがなければ誰もファイルを開けません。",
  "activation.subject": "{system} アカウントを有効にしてください",
  "activation.open":
    "次のリンクを開いて、{system} アカウント（{email}）のパスワードを設定してください：",
  "activation.expires":
    "このリンクは1回だけ使用でき、{days, plural, other {#日}}後に期限切れになります。",
  "activation.ignore":
    "このメールに心当たりがない場合は無視してください。アカウントは変更されません。",
};

export default ja;
