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
  // Issue 13: the mail to a dropzone's agents on each new upload.
  "notice.subjectTicket": "チケット #{ticket} の新しいファイル",
  "notice.subjectHelpCenter": "ヘルプセンターのリクエストの新しいファイル",
  "notice.uploaded":
    "{system} のドロップゾーンに {count, plural, other {# 件のファイル}}がアップロードされました:",
  "notice.ticket":
    "チケット #{ticket} のアップロードリンクから送信されました。そのチケットのサイドバーにある {system} アプリで開いてください。",
  "notice.helpCenter":
    "{sender} からのヘルプセンターのリクエストに添付されていました。セキュアリンクはリクエストの最初のコメントにあります。そのチケットのサイドバーにある {system} アプリで開いてください。",
  "notice.package": "パッケージ {id}",
  "notice.noKey": "このメールにはファイルを開くキーは含まれていません。キーはチケットに残ります。",
  // Issue 13: the internal note on a ticket when its file request brings files.
  "note.uploaded":
    "このチケットのファイルリクエストから {count, plural, other {# 件のファイル}}がアップロードされました:",
  "note.open":
    "このチケットのサイドバーにある {system} アプリで開いてください。キーはアプリが持っています。下のリンクにはキーが含まれていないため (サービスはキーを持ちません)、リンクだけではファイルを開けません。",
};

export default ja;
