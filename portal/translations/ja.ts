/** The receive page in Japanese. @module */
import type { PortalCatalogue } from "../messages.ts";

const ja: PortalCatalogue = {
  "frame.account": "アカウント",
  "frame.signOut": "サインアウト",
  "frame.footer": "エンドツーエンド暗号化：ファイルはブラウザ内で復号されます。",
  "frame.language": "言語",
  "frame.change": "変更",
  "receive.title": "保護されたファイル",
  "receive.opening": "パッケージを開いています…",
  "receive.decrypted": "ファイルはこのブラウザ内で復号されます。",
  "receive.noscript": "このページには JavaScript が必要です。ファイルはブラウザ内で復号されます。",
  "api.tooMany": "リクエストが多すぎます。数分待ってください。",
  "api.unknownPackage": "このパッケージは期限切れか削除されているか、リンクが正しくありません。",
  "api.wrongKey":
    "リンクのキーがこのパッケージと一致しません。リンクが不完全か、変更されています。",
  "api.noCode": "このパッケージはコードで開くものではありません。",
  "api.enterEmail": "メールアドレスを入力してください。",
  "api.tooManyCodes":
    "コードのリクエストが多すぎます。{minutes, plural, other {#分}}後にもう一度お試しください。",
  "api.codeSent":
    "{email} がこれらのファイルを開けるアドレスであれば、6桁の確認コードをそのアドレスに送信しました。コードの有効期限は{minutes, plural, other {#分}}です。",
  "api.tooManyTries": "試行回数が多すぎます。数分待ってください。",
  "api.codeWrong": "このコードは正しくありません。最新のメールを確認して、もう一度お試しください。",
  "api.codeVoid":
    "間違ったコードが多すぎたため、このコードは使用できなくなりました。新しいコードをリクエストしてください。",
  "api.codeExpired": "このコードは有効期限が切れています。新しいコードをリクエストしてください。",
  "api.codeMissing": "このコードは使用できなくなりました。新しいコードをリクエストしてください。",
  "state.incomplete": "リンクが不完全です",
  "state.invalid": "このリンクは無効です",
  "state.missingKey":
    "ファイルを復号するキーがリンクにありません。キーは #keyCode= の後の部分です。受け取ったメッセージからリンク全体をコピーして、もう一度開いてください。",
  "state.badLink":
    "このリンクは壊れています。受け取ったメッセージからリンク全体をコピーして、もう一度開いてください。",
  "state.gone": "これらのファイルは利用できなくなりました",
  "state.goneText":
    "パッケージは期限切れか、送信者によって削除されました。送信者にファイルをもう一度送ってもらってください。",
  "state.wrongKey": "このリンクではファイルを開けません",
  "state.wrongKeyText":
    "リンクのキーがパッケージと一致しません。リンクが不完全か、変更されています。受け取ったメッセージからリンク全体をコピーして、もう一度開いてください。",
  "state.error": "問題が発生しました",
  "state.tryAgain": "再試行",
  "state.signin": "サインインしてファイルを開く",
  "state.signinText":
    "これらのファイルはヘルプセンターのフォームから送信されました。開けるのは、そのフォームで許可されたエージェントだけです。Padlock アカウントでサインインしてください。",
  "state.signinButton": "サインイン",
  "state.forbidden": "これらのファイルを開く権限がありません",
  "state.forbiddenText":
    "{email} としてサインインしていますが、このパッケージを開く権限がありません。別のエージェントとしてサインインするか、送信者にアクセス権を依頼してください。",
  "state.anAgent": "エージェント",
  "state.switchUser": "別のユーザーとしてサインイン",
  "files.download": "ダウンロード",
  "files.cancel": "キャンセル",
  "files.downloading": "ダウンロードして復号しています…",
  "files.downloadingPercent": "ダウンロードして復号しています… {percent}%",
  "files.reconnecting": "再接続しています…",
  "files.saved": "ダウンロードフォルダに保存しました。",
  "files.cancelled": "キャンセルしました。",
  "files.downloadAgain": "もう一度ダウンロード",
  "files.downloadAll": "すべてダウンロード",
  "files.cancelAll": "すべてキャンセル",
  "files.count": "{count, plural, other {#件のファイルが送信されました}}",
  "files.until": "{date}まで利用できます。",
  "files.decrypted":
    "ファイルはこのブラウザ内で復号されます。サーバーが保持するのは常に暗号化されたファイルだけです。",
  "files.empty": "このパッケージにはファイルがありません。",
  "verify.sendCode": "コードを送信",
  "verify.email": "メールアドレス",
  "verify.emailHint": "ファイルの送信先のアドレスを入力してください。",
  "verify.enterEmail": "メールアドレスを入力してください。",
  "verify.title": "メールアドレスを確認してください",
  "verify.intro": "送信者は受信者に本人確認を求めています。6桁の確認コードをメールでお送りします。",
  "verify.verify": "確認",
  "verify.resend": "新しいコードを送信",
  "verify.other": "別のアドレスを使用",
  "verify.code": "確認コード",
  "verify.remember": "このブラウザを30日間記憶する",
  "verify.enterCode": "メールに記載された6桁の数字を入力してください。",
  "verify.codeTitle": "コードを入力してください",
  "api.unreachable": "サービスに接続できませんでした。接続を確認して、もう一度お試しください。",
  "api.unreadable": "サービスの応答を読み取れませんでした。",
  "api.refused": "サービスがリクエストを拒否しました。",
  "size.B": "{size} B",
  "size.KB": "{size} KB",
  "size.MB": "{size} MB",
  "size.GB": "{size} GB",
  "size.TB": "{size} TB",
  // Issue 15: refusal of changed code.
  "guard.integrityTitle": "これらのファイルはここでは安全に開けません",
  "guard.integrity":
    "ここにある Padlock のコードは公開されているビルドと異なるため、実行されませんでした。",
  "sso.signInWith": "{provider} でサインイン",
  "sso.orPassword": "または Padlock のパスワードでサインイン:",
  "sso.onlyProvider": "お勤め先では {provider} でサインインします。",
  "sso.passwordsOff":
    "このサービスではパスワードが無効になっています。{provider} でサインインしてください。",
  "sso.refusedTitle": "サインインが拒否されました",
  "sso.stateUsed":
    "このサインインは使用済みか、期限切れか、別のブラウザーで開始されたものです。もう一度やり直してください。",
  "sso.providerRefused":
    "{provider} でサインインできませんでした。会社のアカウントが無効化された場合、Padlock にはアクセスできなくなります。",
  "sso.tokenInvalid":
    "{provider} からの応答を検証できなかったため、サインインしていません。もう一度お試しください。失敗が続く場合は管理者に連絡してください。",
  "sso.unavailable": "{provider} に接続できません。数分後にもう一度お試しください。",
  "sso.noAccount": "{email} の Padlock アカウントはありません。管理者に追加を依頼してください。",
  "sso.unverified":
    "{provider} がメールアドレスを確認していないため、Padlock アカウントと照合できません。",
  "sso.deactivated":
    "{email} の Padlock アカウントは無効化されています。管理者に問い合わせてください。",
  "sso.otherSubject":
    "{email} は別の {provider} アカウントに関連付けられています。管理者に問い合わせてください。",
  "sso.startAgain": "もう一度サインイン",
  "page.refused": "リクエストが拒否されました",
  "page.refusedForeign": "このフォームは別のサイトから送信されたため、拒否されました。",
  "page.refusedExpired":
    "フォームの有効期限が切れました。ページを再読み込みして、もう一度お試しください。",
  "page.signin.title": "サインイン",
  "page.signin.heading": "Padlock にサインイン",
  "page.signin.intro":
    "エージェントは、ヘルプセンターから送信されたファイルを開いたり、Zendesk アプリを接続したりするためにサインインします。",
  "page.signin.newHere":
    "初めてですか? 管理者が登録したメールアドレスで{link}。その後、このページに戻ってください。",
  "page.signin.activateLink": "アカウントを有効にしてください",
  "page.signin.email": "メールアドレス",
  "page.signin.password": "パスワード",
  "page.signin.submit": "サインイン",
  "page.signin.activateOrReset": "アカウントを有効にする、またはパスワードをリセットする",
  "page.signin.throttled":
    "サインインの失敗が多すぎます。{minutes, plural, other {#分}}後にもう一度お試しください。",
  "page.signin.wrong": "メールアドレスまたはパスワードが正しくありません。",
  "page.account.title": "アカウント",
  "page.account.signedInAs": "{email} としてサインインしています。",
  "page.account.revoked":
    "キーを取り消しました。このキーを使っていたアプリはサインアウトされます。",
  "page.account.keys": "API キー",
  "page.account.keysIntro":
    "キーがあると、アプリがあなたとして操作できます (たとえば、許可した後の Zendesk アプリ)。使わなくなったキーは取り消してください。",
  "page.account.noKeys": "API キーはありません。",
  "page.account.description": "説明",
  "page.account.created": "作成日",
  "page.account.noDescription": "(説明なし)",
  "page.account.revoke": "取り消す",
  "page.account.keyNotFound": "キーが見つかりません",
  "page.account.keyNotFoundText": "このキーは存在しないか、すでに取り消されています。",
  "page.activate.title": "アカウントの有効化",
  "page.activate.intro":
    "Padlock アカウントは管理者が作成しました。そのメールアドレスを入力すると、パスワードを設定するためのリンクをお送りします。パスワードを忘れた場合も、同じリンクでリセットできます。",
  "page.activate.send": "リンクを送信",
  "page.activate.back": "サインインに戻る",
  "page.activate.used":
    "この有効化リンクはすでに使用されたか、有効期限が切れています。下から新しいリンクをリクエストしてください。",
  "page.activate.tooMany":
    "リンクのリクエストが多すぎます。しばらく待ってから、もう一度お試しください。",
  "page.activate.sent":
    "{email} に Padlock アカウントがある場合は、パスワードを設定するためのリンクを送信しました。メールを確認してください。",
  "page.password.title": "パスワードの設定",
  "page.password.intro":
    "{email} のパスワードです。{min, plural, other {#文字}}以上にしてください。関連のない単語をいくつか並べると、覚えやすく推測されにくいパスワードになります。",
  "page.password.new": "新しいパスワード",
  "page.password.repeat": "パスワード (確認)",
  "page.password.submit": "パスワードを設定してサインイン",
  "page.password.differ": "2 つのパスワードが一致しません。",
  "page.password.tooShort": "{min, plural, other {#文字}}以上のパスワードを設定してください。",
  "page.password.tooLong": "{max, plural, other {#文字}}以下のパスワードを設定してください。",
  "page.connect.title": "Zendesk アプリの許可",
  "page.connect.heading": "「{name}」にアカウントの使用を許可しますか?",
  "page.connect.checkCode": "Zendesk アプリに同じコードが表示されていることを確認してください:",
  "page.connect.explain":
    "許可すると、アカウントページでキーを取り消すまで、アプリは {email} として暗号化されたファイルを送信したり開いたりできます。Zendesk アプリでご自身が「ログイン」または「新しいアカウントを有効にする」をクリックした直後の場合にのみ許可してください。",
  "page.connect.allow": "許可",
  "page.connect.deny": "拒否",
  "page.connect.badCode": "このコードは使用できません",
  "page.connect.badCodeText":
    "コードが間違っているか、すでに使用されたか、有効期限が切れています (コードの有効期間は 10 分です)。Zendesk アプリからやり直してください。",
  "page.connect.tooMany": "間違ったコードが多すぎます",
  "page.connect.tooManyText": "10 分待ってから、Zendesk アプリでやり直してください。",
  "page.connect.connectedTitle": "Zendesk アプリを接続しました",
  "page.connect.connected": "Zendesk アプリが接続されました",
  "page.connect.connectedText": "Zendesk に戻ってください。アプリは自動的にサインインします。",
  "page.connect.deniedTitle": "アクセスを拒否しました",
  "page.connect.denied": "アクセスを拒否しました",
  "page.connect.deniedText":
    "Zendesk アプリにアクセスは許可されませんでした。Zendesk に戻ってください。",
  "page.connect.closeHint": "このタブは自動的に閉じます。閉じない場合は手動で閉じてください。",
  "page.outbox.title": "送信トレイ",
  "page.outbox.intro":
    "開発専用: サービスが送信するはずだったメールです (SMTP サーバーは設定されていません)。",
  "page.outbox.empty": "まだメールはありません。",
  "page.outbox.to": "宛先: {to} · {date}",
  // Issue 13: the account page's dropzone settings.
  "page.dropzones.heading": "ドロップゾーン",
  "page.dropzones.intro":
    "ドロップゾーン（ヘルプセンターのフォームなど）にアップロードされたファイルには、次の設定が適用されます。サービスの上限のままにする場合は、欄を空にしてください。",
  "page.dropzones.name": "ドロップゾーン {id}",
  "page.dropzones.extensions": "許可するファイル拡張子",
  "page.dropzones.extensionsHint": "カンマ区切り（例: pdf, png）。空欄の場合はすべてのファイル。",
  "page.dropzones.maxFileSize": "ファイルの最大サイズ",
  "page.dropzones.maxFileSizeHint": "例: 25 MB。空欄の場合はサービスの上限。",
  "page.dropzones.lifeDays": "パッケージの保存期間（日）",
  "page.dropzones.lifeDaysHint": "1～365。空欄の場合はサービスの既定値。",
  "page.dropzones.senderDomainAccess":
    "送信者ドメインアクセス: 送信者と同じドメインのメールアドレスを持つ人は、メールアドレスを確認した後にファイルを開けます",
  "page.dropzones.save": "設定を保存",
  "page.dropzones.saved": "ドロップゾーンの設定を保存しました。",
  "page.dropzones.badExtensions":
    "拡張子は英字と数字だけで入力してください（例: pdf, png）。何も変更されていません。",
  "page.dropzones.badSize":
    "最大サイズはサイズで入力してください（例: 25 MB）。何も変更されていません。",
  "page.dropzones.badLife":
    "保存期間は 1～365 の整数の日数にしてください。何も変更されていません。",
  "page.dropzones.notFound": "ドロップゾーンが見つかりません",
  "page.dropzones.notFoundText": "ドロップゾーンの設定を変更できるのは所有者だけです。",
  "upload.title": "ファイルを安全に送信",
  "upload.intro":
    "選択したファイルは送信前にこのブラウザーで暗号化されます。開けるのはサポートチームだけです。",
  "upload.noscript": "このページには JavaScript が必要です。ファイルはブラウザーで暗号化されます。",
  "upload.choose": "ファイルを選択するか、ここにドロップしてください",
  "upload.send": "ファイルを送信",
  "upload.sending": "ファイルを暗号化して送信しています…",
  "upload.sentTitle": "ファイルを送信しました",
  "upload.sent": "ファイルは安全に送信されました。このページは閉じてかまいません。",
  "upload.failed": "ファイルを送信できませんでした。接続を確認して、もう一度お試しください。",
  "upload.goneTitle": "このリンクは使用できなくなりました",
  "upload.gone":
    "このアップロードリンクは期限切れか、正しくありません。サポートチームに新しいリンクを依頼してください。",
  "upload.badLink":
    "このアップロードリンクは不完全です。メッセージのリンク全体をアドレスバーにコピーしてください。",
  // Issue 13: a keyless link from a ticket note; files the upload page refuses.
  "state.keyInAppTitle": "これらのファイルはチケットから開いてください",
  "state.keyInApp":
    "このリンクには意図的にキーが含まれていません。サービスはキーを持ちません。キーを持つチケット #{ticket} のサイドバーのアプリからファイルを開いてください。",
  "upload.refusedExtension":
    "追加されませんでした: ここで送信できるのは拡張子が {extensions} のファイルだけです。",
  "upload.refusedSize":
    "追加されませんでした: ここで送信できるのは {size} までのファイルだけです。",
  "upload.listSeparator": "、",
  // Issue 13: the upload notice setting.
  "page.dropzones.notifyUploads":
    "メールで通知: 新しいアップロードのたびにドロップゾーンのエージェントにメールが届きます (チケットを示し、キーは含みません)",
};

export default ja;
