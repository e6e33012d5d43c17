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
};

export default ko;
