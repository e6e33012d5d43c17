/**
 * The texts of the mails the portal sends, in the recipient's language. Plain text only:
 * nothing a recipient reads is HTML, so no name or address can inject markup.
 *
 * @module
 */
import { type Locale, matchLocale, type Translate, translator } from "../../ui/i18n.ts";
import { pseudoMessages } from "../../ui/pseudo.ts";
import type { MailMessage } from "./message.ts";
import { escapeHtml } from "../portal/html.ts";
import en, { type MailMessages } from "./messages.ts";
import ar from "./translations/ar.ts";
import de from "./translations/de.ts";
import es from "./translations/es.ts";
import fr from "./translations/fr.ts";
import it from "./translations/it.ts";
import ja from "./translations/ja.ts";
import ko from "./translations/ko.ts";
import nl from "./translations/nl.ts";
import pl from "./translations/pl.ts";
import ptBR from "./translations/pt-BR.ts";
import zhCN from "./translations/zh-CN.ts";

const TRANSLATIONS: Record<Locale, MailMessages> = {
  en,
  de,
  fr,
  es,
  it,
  "pt-BR": ptBR,
  nl,
  pl,
  ja,
  "zh-CN": zhCN,
  ko,
  ar,
  "en-XA": pseudoMessages(en) as MailMessages,
};

/** The mails' words in `locale` (a language tag; English when Padlock does not speak it). */
function mailWords(locale: string | undefined): Translate {
  const matched = matchLocale(locale) ?? "en";
  return translator(matched, TRANSLATIONS[matched], en);
}

/**
 * The mail with a 6-digit code that lets a recipient open a package, in `locale` (English when
 * missing or not one Padlock speaks).
 *
 * @example
 * ```ts
 * verificationCodeMail({ to: "r@example.com", code: "123456", systemName: "Padlock", minutes: 10 });
 * ```
 */
export function verificationCodeMail(
  options: { to: string; code: string; systemName: string; minutes: number; locale?: string },
): MailMessage {
  const { to, code, systemName: system, minutes } = options;
  const t = mailWords(options.locale);
  return {
    to,
    subject: t("code.subject", { system }),
    text: [
      t("code.code", { code }),
      "",
      t("code.enter", { system }),
      t("code.expires", { minutes }),
      "",
      t("code.ignore"),
    ].join("\n"),
  };
}

/** The mail with a link that sets (or resets) an agent's password, in `locale`. */
export function activationMail(
  options: { to: string; link: string; systemName: string; days: number; locale?: string },
): MailMessage {
  const { to, link, systemName: system, days } = options;
  const t = mailWords(options.locale);
  return {
    to,
    subject: t("activation.subject", { system }),
    text: [
      t("activation.open", { system, email: to }),
      "",
      link,
      "",
      t("activation.expires", { days }),
      t("activation.ignore"),
    ].join("\n"),
  };
}

/**
 * The mail to a dropzone's agent on a new upload: the ticket it was requested for (`ticketId`),
 * or, for a Help Center upload whose ticket does not exist yet when the files arrive, the
 * submitter's email and where the Secure Link is. It names the files and the package; it never
 * holds a link with the keyCode (the service never has it).
 */
export function uploadNoticeMail(
  options: {
    to: string;
    systemName: string;
    packageId: string;
    fileNames: readonly string[];
    ticketId?: string;
    sender?: string;
    locale?: string;
  },
): MailMessage {
  const { to, systemName: system, packageId, fileNames, ticketId: ticket } = options;
  const t = mailWords(options.locale);
  return {
    to,
    subject: ticket === undefined
      ? t("notice.subjectHelpCenter")
      : t("notice.subjectTicket", { ticket }),
    text: [
      t("notice.uploaded", { count: fileNames.length, system }),
      ...fileNames.map((name) => `- ${name}`),
      "",
      ticket === undefined
        ? t("notice.helpCenter", { sender: options.sender || "?", system })
        : t("notice.ticket", { ticket, system }),
      "",
      t("notice.package", { id: packageId }),
      t("notice.noKey"),
    ].join("\n"),
  };
}

/**
 * The internal note on a ticket whose file request brought files (HTML for Zendesk's
 * `html_body`, every value escaped): the files, and the package's link WITHOUT its keyCode (the
 * service never has it), saying that the app in the ticket's sidebar opens them.
 */
export function uploadNoteHtml(
  options: { link: string; systemName: string; fileNames: readonly string[]; locale?: string },
): string {
  const { link, systemName: system, fileNames } = options;
  const t = mailWords(options.locale);
  const items = fileNames.map((name) => `<li>${escapeHtml(name)}</li>`).join("");
  return `<p>${escapeHtml(t("note.uploaded", { count: fileNames.length }))}</p><ul>${items}</ul>` +
    `<p>${escapeHtml(t("note.open", { system }))}</p>` +
    `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`;
}
