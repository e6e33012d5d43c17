/**
 * A real SMTP server on loopback for the mail tests (`smtp-server`, in tests only): it accepts
 * every message (AUTH as padlock / "smtp secret" when asked) and keeps it raw.
 *
 * @module
 */
import { SMTPServer } from "smtp-server";

/** A message the test SMTP server accepted. */
export interface ReceivedMail {
  from: string;
  to: string[];
  user?: string;
  raw: string;
}

/** Starts an SMTP server on 127.0.0.1 that keeps every message it accepts. */
export async function startSmtp(options: { offerStartTls: boolean }): Promise<{
  port: number;
  mails: ReceivedMail[];
  close(): Promise<void>;
}> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    logger: false,
    // No certificate here: without STARTTLS on offer the client must refuse or go plain.
    disabledCommands: options.offerStartTls ? [] : ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: true,
    onAuth(auth, _session, callback) {
      if (auth.username === "padlock" && auth.password === "smtp secret") {
        callback(null, { user: auth.username });
      } else {
        callback(new Error("Invalid username or password"));
      }
    },
    onData(stream, session, callback) {
      (async () => {
        let raw = "";
        const decoder = new TextDecoder();
        for await (const chunk of stream) raw += decoder.decode(chunk, { stream: true });
        const { mailFrom, rcptTo } = session.envelope;
        mails.push({
          from: mailFrom ? mailFrom.address : "",
          to: rcptTo.map((rcpt) => rcpt.address),
          user: typeof session.user === "string" ? session.user : undefined,
          raw: raw + decoder.decode(),
        });
        callback();
      })().catch((error) => callback(error));
    },
  });
  const port = await new Promise<number>((resolve) => {
    server.listen(
      0,
      "127.0.0.1",
      () => resolve((server.server.address() as { port: number }).port),
    );
  });
  return {
    port,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The text of a single-part mail as a reader sees it: its body decoded from quoted-printable or
 * base64 (so that a search for a secret in it cannot miss one cut by a soft line break).
 */
export function mailBody(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = raw.slice(0, split);
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const encoding = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(headers)?.[1].toLowerCase();
  if (encoding === "base64") {
    const bytes = Uint8Array.from(atob(body.replace(/\s+/g, "")), (c) => c.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  }
  if (encoding === "quoted-printable") {
    const joined = body.replace(/=\r?\n/g, "");
    const bytes: number[] = [];
    for (let index = 0; index < joined.length; index++) {
      const hex = joined[index] === "=" ? /^[0-9A-F]{2}/i.exec(joined.slice(index + 1)) : null;
      if (hex) {
        bytes.push(parseInt(hex[0], 16));
        index += 2;
      } else bytes.push(joined.charCodeAt(index));
    }
    return new TextDecoder().decode(new Uint8Array(bytes));
  }
  return body;
}
