/**
 * Inviting an agent from the command line (`deno task admin user invite --email …`): creates the
 * account when needed, makes a one-time activation link, and mails it (SMTP when configured,
 * else the outbox of the data directory). Safe while the service runs on the same directory.
 *
 * @module
 */
import { Accounts } from "../accounts/accounts.ts";
import { SecretBox } from "../accounts/secret_box.ts";
import { openDatabase } from "../db/open.ts";
import { createMailer, type MailSettings } from "../mail/mod.ts";
import { activationMail } from "../mail/templates.ts";
import { Activations, inviteAgent } from "./activations.ts";

/** Options of {@linkcode inviteFromDataDir}. */
export interface InviteOptions {
  /** The service's data directory. */
  dataDir: string;
  /** The key that seals API secrets, when not in `<dataDir>/secret.key`. */
  secretKey?: string;
  /** The PostgreSQL database, when the metadata is not in `<dataDir>/padlock.db`. */
  databaseUrl?: string;
  /** The agent's address. */
  email: string;
  /** The agent's name, for a new account. */
  name?: string;
  /** The origin agents reach the service at (the link points there). */
  publicUrl: string;
  /** How to send the mail; no SMTP host means the outbox. */
  mail: MailSettings;
  /** The name of the service in the mail. @default {"Padlock"} */
  systemName?: string;
}

/**
 * Invites an agent and mails the activation link.
 *
 * @returns the link (also for printing), whether the account was created, and how it was mailed.
 * @throws {import("../accounts/accounts.ts").AccountError} when the address is malformed.
 * @throws {import("../mail/message.ts").MailError} when the mail cannot be delivered.
 */
export async function inviteFromDataDir(
  options: InviteOptions,
): Promise<{ link: string; created: boolean; delivery: string }> {
  const { dataDir, email, name, publicUrl, systemName = "Padlock" } = options;
  await Deno.mkdir(dataDir, { recursive: true });
  const db = await openDatabase({ dataDir, databaseUrl: options.databaseUrl });
  const mailer = createMailer(options.mail, dataDir);
  try {
    const accounts = new Accounts(db, await SecretBox.open(dataDir, options.secretKey));
    const activations = new Activations(db, accounts);
    const { user, token, created } = await inviteAgent(accounts, activations, { email, name });
    const link = `${new URL(publicUrl).origin}/activate?${new URLSearchParams({ token })}`;
    await mailer.send(activationMail({ to: user.email, link, systemName, days: 7 }));
    return { link, created, delivery: mailer.description };
  } finally {
    await mailer.close();
    await db.close();
  }
}

/** Reads the mail settings from `PADLOCK_SMTP_*` and `PADLOCK_MAIL_FROM`, as the service does. */
export function mailSettingsFromEnv(env: (name: string) => string | undefined): MailSettings {
  const port = env("PADLOCK_SMTP_PORT");
  const tls = env("PADLOCK_SMTP_TLS");
  return {
    smtpHost: env("PADLOCK_SMTP_HOST") || undefined,
    smtpPort: port ? Number(port) : undefined,
    smtpUser: env("PADLOCK_SMTP_USER") || undefined,
    smtpPassword: env("PADLOCK_SMTP_PASSWORD") || undefined,
    smtpTls: tls === "implicit" || tls === "starttls" || tls === "none" ? tls : undefined,
    mailFrom: env("PADLOCK_MAIL_FROM") || undefined,
  };
}
