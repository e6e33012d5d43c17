/**
 * The mails in the recipient's language: English unchanged, German and Arabic with their
 * plurals, an unknown language in English, and in the pseudo-locale no line of either mail left
 * untranslated (every line is a wrapped message or the data it carries: the link).
 */
import assert from "node:assert/strict";
import { activationMail, verificationCodeMail } from "../../server/mail/templates.ts";
import { requestLocale } from "../../server/portal/locale.ts";

const code = { to: "r@example.com", code: "123456", systemName: "Padlock", minutes: 10 };
const activation = {
  to: "a@example.com",
  link: "https://padlock.example/activate?token=t",
  systemName: "Padlock",
  days: 7,
};

Deno.test("mails: English as before, German and Arabic in their words and plurals", () => {
  const english = verificationCodeMail(code);
  assert.equal(english.subject, "Your Padlock verification code");
  assert.equal(
    english.text,
    "Your verification code is 123456\n\nEnter it on the Padlock page to open the files that " +
      "were sent to you.\nIt expires in 10 minutes and works once.\n\nIf you did not ask for a " +
      "code, ignore this mail: nobody can open the files without it.",
  );
  assert.equal(verificationCodeMail({ ...code, locale: "sv" }).text, english.text);
  const german = verificationCodeMail({ ...code, locale: "de-CH" });
  assert.equal(german.subject, "Ihr Bestätigungscode für Padlock");
  assert.match(german.text, /Er ist 10 Minuten lang gültig/);
  assert.match(activationMail({ ...activation, locale: "de" }).text, /läuft in 7 Tagen ab/);
  assert.match(activationMail({ ...activation, days: 1, locale: "de" }).text, /in 1 Tag ab/);
  const arabic = verificationCodeMail({ ...code, minutes: 2, locale: "ar" });
  assert.match(arabic.text, /بعد دقيقتين/);
  assert.match(activationMail({ ...activation, locale: "ar" }).text, /7 أيام/);
  assert.match(activationMail({ ...activation, locale: "ja" }).text, /7日後/);
});

Deno.test("mails in the pseudo-locale: nothing left untranslated", () => {
  for (
    const mail of [
      verificationCodeMail({ ...code, locale: "en-XA" }),
      activationMail({ ...activation, locale: "en-XA" }),
    ]
  ) {
    for (const line of [mail.subject, ...mail.text.split("\n")]) {
      if (line === "" || line === activation.link) continue;
      assert.match(line, /^⟦.*⟧$/, `untranslated: ${line}`);
    }
  }
});

Deno.test("requestLocale: the remembered choice, then Accept-Language, then English", () => {
  const req = (headers: Record<string, string>) => new Request("http://x/", { headers });
  assert.equal(requestLocale(req({ "accept-language": "fr-CA,fr;q=0.9" })), "fr");
  assert.equal(
    requestLocale(req({ "accept-language": "fr", cookie: "padlock_locale=ar" })),
    "ar",
  );
  assert.equal(requestLocale(req({ cookie: "padlock_locale=xx" })), "en");
  assert.equal(requestLocale(req({})), "en");
});
