/** The mails in Korean. @module */
import type { MailMessages } from "../messages.ts";

const ko: MailMessages = {
  "code.subject": "{system} 인증 코드",
  "code.code": "인증 코드는 {code}입니다",
  "code.enter": "{system} 페이지에 이 코드를 입력하면 받은 파일을 열 수 있습니다.",
  "code.expires":
    "이 코드는 {minutes, plural, other {#분}} 후에 만료되며 한 번만 사용할 수 있습니다.",
  "code.ignore":
    "코드를 요청하지 않았다면 이 메일을 무시하세요. 코드가 없으면 누구도 파일을 열 수 없습니다.",
  "activation.subject": "{system} 계정을 활성화하세요",
  "activation.open": "이 링크를 열어 {system} 계정({email})의 비밀번호를 설정하세요.",
  "activation.expires":
    "이 링크는 한 번만 사용할 수 있으며 {days, plural, other {#일}} 후에 만료됩니다.",
  "activation.ignore": "이 메일을 예상하지 못했다면 무시하세요. 계정은 그대로 유지됩니다.",
  // Issue 13: the mail to a dropzone's agents on each new upload.
  "notice.subjectTicket": "티켓 #{ticket}의 새 파일",
  "notice.subjectHelpCenter": "헬프 센터 요청의 새 파일",
  "notice.uploaded":
    "{system} 끌어서 놓기 영역에 {count, plural, other {파일 #개가}} 업로드되었습니다:",
  "notice.ticket":
    "티켓 #{ticket}의 업로드 링크로 보낸 파일입니다. 해당 티켓 사이드바의 {system} 앱에서 여세요.",
  "notice.helpCenter":
    "{sender}의 헬프 센터 요청과 함께 도착한 파일입니다. 보안 링크는 요청의 첫 번째 댓글에 있습니다. 해당 티켓 사이드바의 {system} 앱에서 여세요.",
  "notice.package": "패키지 {id}",
  "notice.noKey": "이 메일에는 파일을 여는 키가 없습니다. 키는 티켓에 남아 있습니다.",
  // Issue 13: the internal note on a ticket when its file request brings files.
  "note.uploaded": "이 티켓의 파일 요청으로 {count, plural, other {파일 #개가}} 업로드되었습니다:",
  "note.open":
    "이 티켓 사이드바의 {system} 앱에서 여세요. 키는 앱에 있습니다. 아래 링크에는 키가 없으므로(서비스는 키를 가지지 않습니다) 링크만으로는 파일을 열 수 없습니다.",
};

export default ko;
