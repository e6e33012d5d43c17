/**
 * The texts of the mails the portal sends. Plain text only: nothing a recipient reads is HTML,
 * so no name or address can inject markup.
 *
 * @module
 */
import type { MailMessage } from "./message.ts";

/**
 * The mail with a 6-digit code that lets a recipient open a package.
 *
 * @example
 * ```ts
 * verificationCodeMail({ to: "r@example.com", code: "123456", systemName: "Padlock", minutes: 10 });
 * ```
 */
export function verificationCodeMail(
  options: { to: string; code: string; systemName: string; minutes: number },
): MailMessage {
  const { to, code, systemName, minutes } = options;
  return {
    to,
    subject: `Your ${systemName} verification code`,
    text: [
      `Your verification code is ${code}`,
      "",
      `Enter it on the ${systemName} page to open the files that were sent to you.`,
      `It expires in ${minutes} minutes and works once.`,
      "",
      "If you did not ask for a code, ignore this mail: nobody can open the files without it.",
    ].join("\n"),
  };
}

/** The mail with a link that sets (or resets) an agent's password. */
export function activationMail(
  options: { to: string; link: string; systemName: string; days: number },
): MailMessage {
  const { to, link, systemName, days } = options;
  return {
    to,
    subject: `Activate your ${systemName} account`,
    text: [
      `Open this link to choose the password of your ${systemName} account (${to}):`,
      "",
      link,
      "",
      `The link works once and expires in ${days} days.`,
      "If you did not expect this mail, ignore it: your account stays as it is.",
    ].join("\n"),
  };
}
