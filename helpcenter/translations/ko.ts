/** The widget's words in Korean. @module */
import type { WidgetMessages } from "../messages.ts";

const ko: WidgetMessages = {
  "dropzone.legacy.action": "파일 추가",
  "dropzone.legacy.text": "또는 여기에 파일 놓기",
  "dropzone.v4": "파일을 선택하거나 여기로 끌어다 놓으세요",
  "dropzone.label": "첨부 파일",
  "dropzone.hint": "파일은 업로드되기 전에 브라우저에서 암호화됩니다.",
  "files.label": "첨부한 파일",
  "file.remove": "제거",
  "file.removeName": "{name} 제거",
  "file.cancel": "업로드 취소",
  "file.cancelName": "{name} 업로드 취소",
  "file.retry": "다시 시도",
  "file.retryName": "{name} 업로드 다시 시도",
  "file.progressName": "{name} 업로드",
  "file.reconnecting": "다시 연결하는 중… {percent}%",
  "file.uploading": "암호화 및 업로드 중… {percent}%",
  "file.uploaded": "암호화 및 업로드 완료",
  "file.failed": "업로드 실패: {reason}.",
  "file.quoted": "‘{name}’",
  "list.separator": ", ",
  "submit.finishing": "업로드를 마무리하는 중…",
  "submit.securing": "첨부 파일을 보호하는 중…",
  "submit.submitting": "제출하는 중…",
  "submit.failed": "첨부 파일을 보호하지 못했습니다. 다시 시도하세요.",
  "submit.failedReason": "첨부 파일을 보호하지 못했습니다: {reason}. 다시 시도하세요.",
  "submit.notReadyOne":
    "{name}을(를) 업로드하지 못했습니다: {reason}. 다시 시도하거나 제거한 후 다시 제출하세요.",
  "submit.notReadyMany":
    "{names}을(를) 업로드하지 못했습니다. 다시 시도하거나 제거한 후 다시 제출하세요.",
  "link.label": "보호된 첨부 파일(Padlock):",
  "link.hyperlink": "이 링크를 사용하여 첨부 파일에 액세스하세요",
  "error.unknown": "알 수 없는 오류",
  "error.unreachable": "보안 업로드 서비스에 연결할 수 없음",
  "error.timeout": "보안 업로드 서비스가 제때 응답하지 않음",
  "error.down": "보안 업로드 서비스가 응답하지 않음(HTTP {status})",
  "error.refusedStatus": "보안 업로드 서비스가 파일을 거부함(HTTP {status})",
  "error.tooLarge": "파일이 서비스에서 허용하는 크기보다 큼",
  "error.fileName": "서비스에서 이 파일 이름 또는 형식을 허용하지 않음",
  "error.refusedCode": "보안 업로드 서비스가 파일을 거부함({code})",
  "error.unreadable": "파일을 읽을 수 없음",
  "error.failed": "업로드 실패",
  "size.B": "{size}B",
  "size.KB": "{size}KB",
  "size.MB": "{size}MB",
  "size.GB": "{size}GB",
  "size.TB": "{size}TB",
  // Issue 15: refusals of changed code and abuse limits.
  "guard.integrity": "보호할 수 없음: 암호화 코드가 변경됨",
  "guard.rateLimited": "여기에서 보낸 파일이 일시적으로 너무 많음. 잠시 후 다시 시도하세요",
  "guard.storageFull":
    "보안 업로드 서비스에 현재 파일을 더 저장할 공간이 없음. 잠시 후 다시 시도하세요",
  // Issue 13: a file the dropzone does not take, refused before it is encrypted.
  "dropzoneRules.extension": "여기에는 확장자가 {extensions}인 파일만 첨부할 수 있습니다",
  "dropzoneRules.size": "여기에는 {size} 이하의 파일만 첨부할 수 있습니다",
};

export default ko;
