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
  // Issue 13: the mail to a dropzone's agents on each new upload.
  "notice.subjectTicket": "工单 #{ticket} 的新文件",
  "notice.subjectHelpCenter": "来自帮助中心请求的新文件",
  "notice.uploaded": "有 {count, plural, other {# 个文件}}已上传到您的 {system} 拖放区：",
  "notice.ticket":
    "这些文件是通过工单 #{ticket} 的上传链接发送的。请在该工单侧边栏的 {system} 应用中打开。",
  "notice.helpCenter":
    "这些文件随 {sender} 的帮助中心请求一起提交；安全链接在该请求的第一条评论中。请在该工单侧边栏的 {system} 应用中打开。",
  "notice.package": "文件包 {id}",
  "notice.noKey": "此邮件不含打开文件的密钥：密钥保留在工单中。",
  // Issue 13: the internal note on a ticket when its file request brings files.
  "note.uploaded": "通过此工单的文件请求上传了 {count, plural, other {# 个文件}}：",
  "note.open":
    "请在此工单侧边栏的 {system} 应用中打开：密钥在应用中。下面的链接不含密钥（服务从不持有密钥），因此单凭链接无法打开文件。",
};

export default zhCN;
