/**
 * The texts of the mails the portal sends, in the recipient's language. Plain text only:
 * nothing a recipient reads is HTML, so no name or address can inject markup.
 *
 * @module
 */
import { type Locale, matchLocale, type Translate, translator } from "../../ui/i18n.ts";
import { pseudoMessages } from "../../ui/pseudo.ts";
import type { MailMessage } from "./message.ts";
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
