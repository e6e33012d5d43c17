/** The widget's words in Japanese. @module */
import type { WidgetMessages } from "../messages.ts";

const ja: WidgetMessages = {
  "dropzone.legacy.action": "ファイルを追加",
  "dropzone.legacy.text": "またはここにファイルをドロップ",
  "dropzone.v4": "ファイルを選択するか、ここにドラッグ＆ドロップしてください",
  "dropzone.label": "添付ファイル",
  "dropzone.hint": "ファイルはアップロードの前にブラウザ内で暗号化されます。",
  "files.label": "添付済みのファイル",
  "file.remove": "削除",
  "file.removeName": "{name}を削除",
  "file.cancel": "アップロードをキャンセル",
  "file.cancelName": "{name}のアップロードをキャンセル",
  "file.retry": "再試行",
  "file.retryName": "{name}のアップロードを再試行",
  "file.progressName": "{name}のアップロード",
  "file.reconnecting": "再接続しています… {percent}%",
  "file.uploading": "暗号化してアップロードしています… {percent}%",
  "file.uploaded": "暗号化してアップロードしました",
  "file.failed": "アップロードに失敗しました：{reason}。",
  "file.quoted": "「{name}」",
  "list.separator": "、",
  "submit.finishing": "アップロードを完了しています…",
  "submit.securing": "添付ファイルを保護しています…",
  "submit.submitting": "送信しています…",
  "submit.failed": "添付ファイルを保護できませんでした。もう一度お試しください。",
  "submit.failedReason": "添付ファイルを保護できませんでした：{reason}。もう一度お試しください。",
  "submit.notReadyOne":
    "{name}をアップロードできませんでした：{reason}。再試行するか削除してから、もう一度送信してください。",
  "submit.notReadyMany":
    "{names}をアップロードできませんでした。再試行するか削除してから、もう一度送信してください。",
  "link.label": "保護された添付ファイル（Padlock）：",
  "link.hyperlink": "添付ファイルにアクセスするには、このリンクを使用してください",
  "error.unknown": "不明なエラー",
  "error.unreachable": "セキュアアップロードサービスに接続できません",
  "error.timeout": "セキュアアップロードサービスが時間内に応答しませんでした",
  "error.down": "セキュアアップロードサービスが応答していません（HTTP {status}）",
  "error.refusedStatus": "セキュアアップロードサービスがファイルを拒否しました（HTTP {status}）",
  "error.tooLarge": "ファイルがサービスの上限を超えています",
  "error.fileName": "このファイル名または種類はサービスで受け付けられません",
  "error.refusedCode": "セキュアアップロードサービスがファイルを拒否しました（{code}）",
  "error.unreadable": "ファイルを読み込めませんでした",
  "error.failed": "アップロードに失敗しました",
  "size.B": "{size} B",
  "size.KB": "{size} KB",
  "size.MB": "{size} MB",
  "size.GB": "{size} GB",
  "size.TB": "{size} TB",
  // Issue 15: refusals of changed code and abuse limits.
  "guard.integrity": "保護できません: 暗号化コードが変更されています",
  "guard.rateLimited":
    "ここからのファイル送信が上限に達しました。しばらくしてからもう一度お試しください",
  "guard.storageFull":
    "安全なアップロードサービスに現在ファイルを保存する空きがありません。しばらくしてからもう一度お試しください",
  // Issue 13: a file the dropzone does not take, refused before it is encrypted.
  "dropzoneRules.extension": "ここで添付できるのは拡張子が {extensions} のファイルだけです",
  "dropzoneRules.size": "ここで添付できるのは {size} までのファイルだけです",
};

export default ja;
