/** The mails in Arabic. @module */
import type { MailMessages } from "../messages.ts";

const ar: MailMessages = {
  "code.subject": "رمز التحقق الخاص بك في {system}",
  "code.code": "رمز التحقق الخاص بك هو {code}",
  "code.enter": "أدخله في صفحة {system} لفتح الملفات المُرسلة إليك.",
  "code.expires":
    "تنتهي صلاحيته بعد {minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}} ويعمل مرة واحدة فقط.",
  "code.ignore": "إذا لم تطلب رمزًا، فتجاهل هذه الرسالة: لا يمكن لأحد فتح الملفات من دونه.",
  "activation.subject": "فعّل حسابك في {system}",
  "activation.open": "افتح هذا الرابط لاختيار كلمة مرور حسابك في {system} ({email}):",
  "activation.expires":
    "يعمل الرابط مرة واحدة وتنتهي صلاحيته بعد {days, plural, zero {# يوم} one {يوم واحد} two {يومين} few {# أيام} many {# يومًا} other {# يوم}}.",
  "activation.ignore": "إذا لم تكن تتوقع هذه الرسالة، فتجاهلها: سيبقى حسابك كما هو.",
  // Issue 13: the mail to a dropzone's agents on each new upload.
  "notice.subjectTicket": "ملفات جديدة للتذكرة رقم {ticket}",
  "notice.subjectHelpCenter": "ملفات جديدة من طلب في مركز المساعدة",
  "notice.uploaded":
    "{count, plural, zero {لم يُحمَّل أي ملف} one {حُمِّل ملف واحد} two {حُمِّل ملفان} few {حُمِّلت # ملفات} many {حُمِّل # ملفًا} other {حُمِّل # ملف}} إلى منطقة الإفلات الخاصة بك في {system}:",
  "notice.ticket":
    "أُرسلت عبر رابط التحميل الخاص بالتذكرة رقم {ticket}. افتحها من تطبيق {system} في الشريط الجانبي لتلك التذكرة.",
  "notice.helpCenter":
    "وصلت مع طلب في مركز المساعدة من {sender}؛ الرابط الآمن موجود في أول تعليق على الطلب. افتحها من تطبيق {system} في الشريط الجانبي لتلك التذكرة.",
  "notice.package": "الحزمة {id}",
  "notice.noKey": "لا تحمل هذه الرسالة المفتاح الذي يفتح الملفات: فهو يبقى في التذكرة.",
  // Issue 13: the internal note on a ticket when its file request brings files.
  "note.uploaded":
    "{count, plural, zero {لم يُحمَّل أي ملف} one {حُمِّل ملف واحد} two {حُمِّل ملفان} few {حُمِّلت # ملفات} many {حُمِّل # ملفًا} other {حُمِّل # ملف}} عبر طلب الملفات الخاص بهذه التذكرة:",
  "note.open":
    "افتحها من تطبيق {system} في الشريط الجانبي لهذه التذكرة: فهو يحمل المفتاح. الرابط أدناه لا يحمل المفتاح (فالخدمة لا تملكه أبدًا)، لذا لا يفتح الملفات وحده.",
};

export default ar;
