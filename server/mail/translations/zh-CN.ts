/** The mails in Simplified Chinese. @module */
import type { MailMessages } from "../messages.ts";

const zhCN: MailMessages = {
  "code.subject": "您的 {system} 验证码",
  "code.code": "您的验证码是 {code}",
  "code.enter": "请在 {system} 页面输入此验证码，以打开发送给您的文件。",
  "code.expires": "验证码将在 {minutes, plural, other {# 分钟}}后过期，且只能使用一次。",
  "code.ignore": "如果您没有请求验证码，请忽略此邮件：没有验证码，任何人都无法打开这些文件。",
  "activation.subject": "激活您的 {system} 帐户",
  "activation.open": "请打开此链接，为您的 {system} 帐户（{email}）设置密码：",
  "activation.expires": "此链接只能使用一次，将在 {days, plural, other {# 天}}后过期。",
  "activation.ignore": "如果您没有预料到此邮件，请忽略：您的帐户不会有任何变化。",
};

export default zhCN;
