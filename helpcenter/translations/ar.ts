/** The widget's words in Arabic (right to left). @module */
import type { WidgetMessages } from "../messages.ts";

const ar: WidgetMessages = {
  "dropzone.legacy.action": "إضافة ملف",
  "dropzone.legacy.text": "أو أفلت الملفات هنا",
  "dropzone.v4": "اختر ملفًا أو اسحبه وأفلته هنا",
  "dropzone.label": "المرفقات",
  "dropzone.hint": "تُشفَّر الملفات في متصفحك قبل تحميلها.",
  "files.label": "الملفات المرفقة",
  "file.remove": "إزالة",
  "file.removeName": "إزالة {name}",
  "file.cancel": "إلغاء التحميل",
  "file.cancelName": "إلغاء تحميل {name}",
  "file.retry": "إعادة المحاولة",
  "file.retryName": "إعادة محاولة تحميل {name}",
  "file.progressName": "تحميل {name}",
  "file.reconnecting": "جارٍ إعادة الاتصال… {percent}٪",
  "file.uploading": "جارٍ التشفير والتحميل… {percent}٪",
  "file.uploaded": "تم التشفير والتحميل",
  "file.failed": "تعذّر التحميل: {reason}.",
  "file.quoted": "«{name}»",
  "list.separator": "، ",
  "submit.finishing": "جارٍ إنهاء التحميل…",
  "submit.securing": "جارٍ تأمين المرفقات…",
  "submit.submitting": "جارٍ الإرسال…",
  "submit.failed": "تعذّر تأمين مرفقاتك. يُرجى المحاولة مرة أخرى.",
  "submit.failedReason": "تعذّر تأمين مرفقاتك: {reason}. يُرجى المحاولة مرة أخرى.",
  "submit.notReadyOne":
    "تعذّر تحميل {name}: {reason}. أعد المحاولة أو أزل الملف، ثم أرسل الطلب مرة أخرى.",
  "submit.notReadyMany": "تعذّر تحميل {names}. أعد المحاولة أو أزل الملفات، ثم أرسل الطلب مرة أخرى.",
  "link.label": "مرفقات آمنة (Padlock):",
  "link.hyperlink": "استخدم هذا الرابط للوصول إلى الملفات المرفقة",
  "error.unknown": "خطأ غير معروف",
  "error.unreachable": "تعذّر الوصول إلى خدمة التحميل الآمن",
  "error.timeout": "لم تستجب خدمة التحميل الآمن في الوقت المحدد",
  "error.down": "خدمة التحميل الآمن لا تستجيب (HTTP {status})",
  "error.refusedStatus": "رفضت خدمة التحميل الآمن الملف (HTTP {status})",
  "error.tooLarge": "حجم الملف أكبر مما تسمح به الخدمة",
  "error.fileName": "لا تقبل الخدمة اسم الملف هذا أو نوعه",
  "error.refusedCode": "رفضت خدمة التحميل الآمن الملف ({code})",
  "error.unreadable": "تعذّرت قراءة الملف",
  "error.failed": "فشل التحميل",
  "size.B": "{size} بايت",
  "size.KB": "{size} ك.ب",
  "size.MB": "{size} م.ب",
  "size.GB": "{size} ج.ب",
  "size.TB": "{size} ت.ب",
  // Issue 15: refusals of changed code and abuse limits.
  "guard.integrity": "لا يمكن تأمينه: تم تغيير رمز التشفير",
  "guard.rateLimited":
    "أُرسل من هنا عدد كبير جدًا من الملفات في الوقت الحالي؛ يُرجى المحاولة مرة أخرى لاحقًا",
  "guard.storageFull":
    "لا توجد في خدمة الرفع الآمن مساحة لملفات أخرى في الوقت الحالي؛ يُرجى المحاولة مرة أخرى لاحقًا",
  // Issue 13: a file the dropzone does not take, refused before it is encrypted.
  "dropzoneRules.extension": "لا يمكن هنا إرفاق سوى الملفات التي تنتهي بـ {extensions}",
  "dropzoneRules.size": "لا يمكن هنا إرفاق سوى الملفات التي لا يتجاوز حجمها {size}",
};

export default ar;
