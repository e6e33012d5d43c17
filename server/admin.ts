/**
 * Administration from the command line (`deno task admin …`): create and list
 * agents, API keys and dropzones in a data directory. Safe to run while the
 * service runs on the same directory.
 *
 * ```sh
 * deno task admin user add --email agent@example.com --password '…'   # or the password on stdin
 * deno task admin user list
 * deno task admin user invite --email agent@example.com --public-url https://padlock.example.com
 * deno task admin key add --email agent@example.com --description "Zendesk app"
 * deno task admin key list --email agent@example.com
 * deno task admin key revoke --key <apiKey>
 * deno task admin dropzone add --owner agent@example.com --allow a@example.com,b@example.com
 * deno task admin dropzone list
 * deno task admin migrate --to-database-url postgres://… [--to-data-dir <dir>] [--to-secret-key <key>]
 * ```
 * Options: `--data-dir` (env `PADLOCK_DATA_DIR`, default `.data`), `--secret-key`
 * (env `PADLOCK_SECRET_KEY`), `--database-url` (env `PADLOCK_DATABASE_URL`, PostgreSQL).
 *
 * @module
 */
import { parseArgs } from "node:util";
import { AccountError, type Accounts, openAccounts } from "./mod.ts";
import { inviteFromDataDir, mailSettingsFromEnv } from "./auth/invite.ts";
import { join } from "node:path";
import { DatabaseUnavailableError, SchemaError } from "./db/database.ts";

/** Thrown for a command line the admin tool does not understand. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The usage text. */
export const ADMIN_USAGE = `Usage: deno task admin <command> [options]
  user add --email <email> [--password <password>] [--name <name>]   (password from stdin if absent)
  user list
  user invite --email <email> [--name <name>] [--public-url <url>]   (mails an activation link)
  key add --email <email> [--description <text>]
  key list --email <email>
  key revoke --key <apiKey>
  dropzone add --owner <email> [--allow <email>,<email>]
  dropzone list
  migrate --to-database-url <postgres://…> [--to-data-dir <dir>] [--to-secret-key <key>]
    (copies this SQLite data directory's metadata into an empty PostgreSQL database and its
    parts into the part store of --to-data-dir; the target key defaults to this one)
Options: --data-dir <dir> (env PADLOCK_DATA_DIR, default .data), --secret-key (env PADLOCK_SECRET_KEY),
  --database-url <postgres://…> (env PADLOCK_DATABASE_URL)`;

function required(values: Record<string, string | undefined>, name: string): string {
  const value = values[name];
  if (!value) throw new UsageError(`--${name} is required.\n${ADMIN_USAGE}`);
  return value;
}

async function userByEmail(accounts: Accounts, email: string) {
  const user = await accounts.findUserByEmail(email);
  if (!user) throw new AccountError(`No user has email ${email}.`);
  return user;
}

async function readStdin(): Promise<string> {
  const text = await new Response(Deno.stdin.readable).text();
  return text.replace(/\r?\n$/, "");
}

/**
 * Runs one admin command and returns the lines to print.
 *
 * @throws {UsageError} for an unknown command or a missing option.
 * @throws {AccountError} when the account store refuses (duplicate email, unknown user…).
 */
export async function runAdmin(
  args: string[],
  env: (name: string) => string | undefined,
  readPassword: () => Promise<string> = readStdin,
): Promise<string[]> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        "data-dir": { type: "string" },
        "secret-key": { type: "string" },
        "database-url": { type: "string" },
        email: { type: "string" },
        password: { type: "string" },
        name: { type: "string" },
        description: { type: "string" },
        key: { type: "string" },
        owner: { type: "string" },
        allow: { type: "string" },
        "public-url": { type: "string" },
        "to-database-url": { type: "string" },
        "to-data-dir": { type: "string" },
        "to-secret-key": { type: "string" },
      },
    });
  } catch (cause) {
    throw new UsageError(`${(cause as Error).message}\n${ADMIN_USAGE}`, { cause });
  }
  const values = parsed.values as Record<string, string | undefined>;
  const command = parsed.positionals.join(" ");
  const known = [
    "user add",
    "user list",
    "user invite",
    "key add",
    "key list",
    "key revoke",
    "dropzone add",
    "dropzone list",
    "migrate",
  ];
  if (!known.includes(command)) throw new UsageError(ADMIN_USAGE);
  const dataDir = values["data-dir"] ?? env("PADLOCK_DATA_DIR") ?? ".data";
  const databaseUrl = values["database-url"] ?? env("PADLOCK_DATABASE_URL");
  if (command === "migrate") {
    const sourceKey = values["secret-key"] ?? env("PADLOCK_SECRET_KEY");
    // The instances on PostgreSQL must share a configured key; by default the one of this
    // directory (its key file when none is configured), so nothing needs sealing anew.
    const targetKey = values["to-secret-key"] ?? sourceKey ??
      (await Deno.readTextFile(join(dataDir, "secret.key")).catch(() => "")).trim();
    if (!targetKey) throw new UsageError(`--to-secret-key is required.\n${ADMIN_USAGE}`);
    const lines: string[] = [];
    // Loaded here: the PostgreSQL driver is needed by this command only.
    const { moveUp } = await import("./db/move_up.ts");
    const result = await moveUp({
      from: { dataDir, secretKey: sourceKey },
      to: {
        databaseUrl: required(values, "to-database-url"),
        dataDir: values["to-data-dir"] ?? dataDir,
        secretKey: targetKey,
      },
      progress: (line) => lines.push(line),
    });
    lines.push(`copied: ${result.parts} parts, ${result.rows.packages} packages`);
    if (!values["to-secret-key"] && !sourceKey) {
      lines.push(
        `Start every instance with PADLOCK_SECRET_KEY set to the key in ${
          join(dataDir, "secret.key")
        }.`,
      );
    }
    return lines;
  }
  if (command === "user invite") {
    const invited = await inviteFromDataDir({
      dataDir,
      secretKey: values["secret-key"] ?? env("PADLOCK_SECRET_KEY"),
      databaseUrl,
      email: required(values, "email"),
      name: values.name,
      publicUrl: values["public-url"] ?? env("PADLOCK_PUBLIC_URL") ?? "http://127.0.0.1:8080",
      mail: mailSettingsFromEnv(env),
    });
    return [
      `created: ${invited.created}`,
      `activation link (sent by ${invited.delivery}): ${invited.link}`,
    ];
  }
  const { accounts, close } = await openAccounts(
    dataDir,
    values["secret-key"] ?? env("PADLOCK_SECRET_KEY"),
    databaseUrl,
  );
  try {
    switch (command) {
      case "user add": {
        const email = required(values, "email");
        const password = values.password ?? await readPassword();
        const user = await accounts.createUser({ email, password, name: values.name });
        return [`userId: ${user.id}`, `email: ${user.email}`];
      }
      case "user list":
        return (await accounts.listUsers()).map((user) =>
          `${user.id}\t${user.email}\t${user.name}`
        );
      case "key add": {
        const user = await userByEmail(accounts, required(values, "email"));
        const key = await accounts.createApiKey(user.id, values.description ?? "");
        return [`apiKey: ${key.apiKey}`, `apiSecret: ${key.apiSecret}`];
      }
      case "key list": {
        const user = await userByEmail(accounts, required(values, "email"));
        return (await accounts.listApiKeys(user.id)).map((key) =>
          `${key.apiKey}\t${key.revokedAt === undefined ? "active" : "revoked"}\t${key.description}`
        );
      }
      case "key revoke": {
        const apiKey = required(values, "key");
        if (!(await accounts.revokeApiKey(apiKey))) {
          throw new AccountError(`No active API key ${apiKey}.`);
        }
        return [`revoked: ${apiKey}`];
      }
      case "dropzone add": {
        const owner = await userByEmail(accounts, required(values, "owner"));
        const allowed = [];
        for (const email of (values.allow ?? "").split(",").map((email) => email.trim())) {
          if (email) allowed.push((await userByEmail(accounts, email)).id);
        }
        const { dropzoneId } = await accounts.createDropzone(owner.id, { allowedUserIds: allowed });
        return [`dropzoneId: ${dropzoneId}`];
      }
      default: {
        const emails = new Map((await accounts.listUsers()).map((user) => [user.id, user.email]));
        const emailOf = (id: string) => emails.get(id) ?? id;
        return (await accounts.listDropzones()).map((dropzone) =>
          `${dropzone.dropzoneId}\towner=${emailOf(dropzone.ownerId)}\tallowed=${
            dropzone.allowedUserIds.map(emailOf).join(",")
          }`
        );
      }
    }
  } finally {
    await close();
  }
}

if (import.meta.main) {
  try {
    const lines = await runAdmin(Deno.args, (name) => Deno.env.get(name));
    for (const line of lines) console.log(line);
  } catch (error) {
    // Refusals the operator can act on: one line, no stack.
    const expected = error instanceof UsageError || error instanceof AccountError ||
      error instanceof DatabaseUnavailableError || error instanceof SchemaError ||
      (error instanceof Error && error.name === "MoveError");
    if (expected) {
      console.error((error as Error).message);
      Deno.exit(error instanceof UsageError ? 2 : 1);
    }
    throw error;
  }
}
