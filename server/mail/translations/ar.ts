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
};

export default ar;
