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
 * deno task admin deactivate --email agent@example.com   # left the company: no sign-in, keys revoked
 * deno task admin reactivate --email agent@example.com
 * deno task admin dropzone add --owner agent@example.com --allow a@example.com,b@example.com
 * deno task admin dropzone list
 * deno task admin backup --to /backups/padlock-2026-01-31     # online: the service may run
 * deno task admin restore --from /backups/padlock-2026-01-31 --data-dir /var/lib/padlock-new
 * deno task admin migrate --to-database-url postgres://… [--to-data-dir <dir>] [--to-secret-key <key>]
 *   [--to-s3-endpoint <url> --to-s3-bucket <name> --to-s3-access-key-id <id> --to-s3-secret-access-key <key>
 *    [--to-s3-region <region>] [--to-s3-prefix <prefix/>]]
 * ```
 * Options: `--data-dir` (env `PADLOCK_DATA_DIR`, default `.data`; `deno task start` keeps its
 * service's data in `.data/service`), `--secret-key` (env `PADLOCK_SECRET_KEY`), `--create` (start
 * a new database where there is none; without it a directory without one is refused), `--database-url` (env `PADLOCK_DATABASE_URL`, PostgreSQL), `--help`.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { join } from "node:path";
import { AccountError, type Accounts, DATA_LAYOUT, openAccounts } from "./mod.ts";
import { ActivityRepository } from "./activity/repository.ts";
import { FileRepository } from "./files/repository.ts";
import {
  type DropzoneSettings,
  DropzoneSettingsError,
  parseExtensions,
  parseFileSize,
  parseLifeDays,
  parseSwitch,
} from "./dropzones/settings.ts";
import { inviteFromDataDir, mailSettingsFromEnv } from "./auth/invite.ts";
import { backupDataDir, BackupError, restoreDataDir } from "./backup.ts";
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
  deactivate --email <email>   (the agent signs in no more; API keys revoked, sessions ended)
  reactivate --email <email>   (may sign in again; the revoked keys stay revoked)
  dropzone add --owner <email> [--allow <email>,<email>]
  dropzone list
  dropzone set --id <dropzoneId> [--extensions pdf,png,…] [--max-file-size <25 MB>]
    [--life-days <1-365>] [--sender-domain-access on|off] [--notify-uploads on|off]
    (an empty value clears a limit)
  activity --package <packageId>   (who opened and downloaded what, when, from which network)
  backup --to <dir>          (online snapshot of the database and the parts into a new folder)
  restore --from <dir>       (fills an empty --data-dir from a backup)
  migrate --to-database-url <postgres://…> [--to-data-dir <dir>] [--to-secret-key <key>]
    [--to-s3-endpoint <url> --to-s3-bucket <name> --to-s3-access-key-id <id>
     --to-s3-secret-access-key <key> [--to-s3-region <region>] [--to-s3-prefix <prefix/>]]
    (copies this SQLite data directory's metadata into an empty PostgreSQL database and its
    parts into the bucket of the --to-s3-* options, or into --to-data-dir without them; a run
    that stopped half-way can be run again: parts already copied whole are skipped. The target
    key defaults to this one. Each --to-* option can be given as a variable PADLOCK_TO_*, e.g.
    PADLOCK_TO_DATABASE_URL, PADLOCK_TO_S3_SECRET_ACCESS_KEY)
Options:
  --data-dir <dir>    the service's data directory (env PADLOCK_DATA_DIR, default .data;
                      \`deno task start\` keeps its service's data in .data/service)
  --secret-key <key>  (env PADLOCK_SECRET_KEY)
  --database-url <url> (env PADLOCK_DATABASE_URL, PostgreSQL)
  --create            start a new database in a directory that has none
  --help              this text`;

/** The bucket options of `migrate`: flag, variable, and the service setting each fills. */
const MIGRATE_S3_OPTIONS = [
  ["to-s3-endpoint", "PADLOCK_TO_S3_ENDPOINT", "s3Endpoint"],
  ["to-s3-bucket", "PADLOCK_TO_S3_BUCKET", "s3Bucket"],
  ["to-s3-region", "PADLOCK_TO_S3_REGION", "s3Region"],
  ["to-s3-access-key-id", "PADLOCK_TO_S3_ACCESS_KEY_ID", "s3AccessKeyId"],
  ["to-s3-secret-access-key", "PADLOCK_TO_S3_SECRET_ACCESS_KEY", "s3SecretAccessKey"],
  ["to-s3-prefix", "PADLOCK_TO_S3_PREFIX", "s3Prefix"],
] as const;

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
 * Refuses a directory without a database unless `create`: a mistyped or default `--data-dir`
 * would otherwise get a new, empty database and answer "No user has email …".
 *
 * @throws {UsageError} when there is no database and `create` is false.
 */
async function requireDatabase(dataDir: string, create: boolean): Promise<void> {
  if (create) return;
  const path = join(dataDir, DATA_LAYOUT.database);
  const found = await Deno.stat(path).then((info) => info.isFile, () => false);
  if (!found) {
    throw new UsageError(
      `No Padlock database in ${dataDir} (${path} does not exist). Give the service's data ` +
        "directory with --data-dir or PADLOCK_DATA_DIR (`deno task start` keeps it in " +
        ".data/service), or add --create to start a new database there.",
    );
  }
}

/**
 * Runs one admin command and returns the lines to print.
 *
 * @throws {UsageError} for an unknown command or a missing option, or a data directory without a
 *   database (unless `--create`). `--help` returns the usage.
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
        create: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        to: { type: "string" },
        from: { type: "string" },
        "to-database-url": { type: "string" },
        "to-data-dir": { type: "string" },
        "to-secret-key": { type: "string" },
        ...Object.fromEntries(
          MIGRATE_S3_OPTIONS.map(([flag]) => [flag, { type: "string" as const }]),
        ),
        package: { type: "string" },
        id: { type: "string" },
        extensions: { type: "string" },
        "max-file-size": { type: "string" },
        "life-days": { type: "string" },
        "sender-domain-access": { type: "string" },
        "notify-uploads": { type: "string" },
      },
    });
  } catch (cause) {
    throw new UsageError(`${(cause as Error).message}\n${ADMIN_USAGE}`, { cause });
  }
  if (parsed.values.help) return ADMIN_USAGE.split("\n");
  const values = parsed.values as Record<string, string | undefined>;
  const command = parsed.positionals.join(" ");
  const known = [
    "user add",
    "user list",
    "user invite",
    "key add",
    "key list",
    "key revoke",
    "deactivate",
    "reactivate",
    "dropzone add",
    "dropzone list",
    "dropzone set",
    "activity",
    "backup",
    "restore",
    "migrate",
  ];
  if (!known.includes(command)) throw new UsageError(ADMIN_USAGE);
  const dataDir = values["data-dir"] ?? env("PADLOCK_DATA_DIR") ?? ".data";
  if (command === "backup" || command === "restore") {
    // A restore fills a directory that has no database yet; a backup needs one.
    if (command === "backup") await requireDatabase(dataDir, false);
    const manifest = command === "backup"
      ? await backupDataDir(dataDir, required(values, "to"))
      : await restoreDataDir(required(values, "from"), dataDir);
    return [
      `${
        command === "backup" ? "backed up" : "restored"
      }: ${manifest.packages} packages, ${manifest.parts} parts, ${manifest.bytes} bytes`,
      `snapshot: ${manifest.createdAt} (schema ${manifest.schemaVersion})`,
      ...(manifest.droppedPackages > 0
        ? [`left out: ${manifest.droppedPackages} packages deleted while the backup ran`]
        : []),
    ];
  }
  const databaseUrl = values["database-url"] ?? env("PADLOCK_DATABASE_URL");
  if (command === "migrate") {
    await requireDatabase(dataDir, false);
    const sourceKey = values["secret-key"] ?? env("PADLOCK_SECRET_KEY");
    // The instances on PostgreSQL must share a configured key; by default the one of this
    // directory (its key file when none is configured), so nothing needs sealing anew.
    const targetKey = values["to-secret-key"] ?? sourceKey ??
      (await Deno.readTextFile(join(dataDir, "secret.key")).catch(() => "")).trim();
    if (!targetKey) throw new UsageError(`--to-secret-key is required.\n${ADMIN_USAGE}`);
    const lines: string[] = [];
    // Loaded here: the PostgreSQL driver is needed by this command only.
    const { moveUp } = await import("./db/move_up.ts");
    const targetUrl = values["to-database-url"] ?? env("PADLOCK_TO_DATABASE_URL");
    if (!targetUrl) throw new UsageError(`--to-database-url is required.\n${ADMIN_USAGE}`);
    const bucket = Object.fromEntries(
      MIGRATE_S3_OPTIONS.flatMap(([flag, variable, setting]) => {
        const value = values[flag] ?? env(variable);
        return value === undefined ? [] : [[setting, value]];
      }),
    );
    // Named here with the migrate flags (the service's own check would name --s3-*).
    const missing = MIGRATE_S3_OPTIONS.filter(([flag, , setting]) =>
      !["to-s3-region", "to-s3-prefix"].includes(flag) && bucket[setting] === undefined
    );
    if (Object.keys(bucket).length > 0 && missing.length > 0) {
      throw new UsageError(
        `A bucket as target needs ${
          missing.map(([flag, variable]) => `--${flag} (${variable})`).join(", ")
        } as well.\n${ADMIN_USAGE}`,
      );
    }
    const result = await moveUp({
      from: { dataDir, secretKey: sourceKey },
      to: {
        databaseUrl: targetUrl,
        dataDir: values["to-data-dir"] ?? dataDir,
        secretKey: targetKey,
        ...bucket,
      },
      progress: (line) => lines.push(line),
    });
    lines.push(`copied: ${result.parts} parts, ${result.rows.packages} packages`);
    if (Object.keys(bucket).length > 0) {
      lines.push(
        "Start every instance with the same --s3-* settings (PADLOCK_S3_*) as the --to-s3-* ones.",
      );
    }
    if (!values["to-secret-key"] && !sourceKey) {
      lines.push(
        `Start every instance with PADLOCK_SECRET_KEY set to the key in ${
          join(dataDir, "secret.key")
        }.`,
      );
    }
    return lines;
  }
  // With PostgreSQL the data directory holds no database file.
  if (databaseUrl === undefined) await requireDatabase(dataDir, parsed.values.create === true);
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
  const { accounts, db, close } = await openAccounts(
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
          `${user.id}\t${user.email}\t${user.name}${
            user.deactivatedAt === undefined ? "" : "\tdeactivated"
          }`
        );
      case "deactivate": {
        const user = await userByEmail(accounts, required(values, "email"));
        const changed = await accounts.deactivate(user.id);
        return [`${changed ? "deactivated" : "already deactivated"}: ${user.email}`];
      }
      case "reactivate": {
        const user = await userByEmail(accounts, required(values, "email"));
        const changed = await accounts.reactivate(user.id);
        return [`${changed ? "reactivated" : "not deactivated"}: ${user.email}`];
      }
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
      case "dropzone set": {
        const dropzoneId = required(values, "id");
        const dropzone = await accounts.findDropzone(dropzoneId);
        if (!dropzone) throw new AccountError(`No dropzone has id ${dropzoneId}.`);
        const settings = changedSettings(dropzone.settings, values);
        await accounts.setDropzoneSettings(dropzoneId, settings);
        return [`${dropzoneId}\t${describeSettings(settings)}`];
      }
      case "activity": {
        const packageId = required(values, "package");
        const names = new Map(
          (await new FileRepository(db).list(packageId)).map((file) => [file.id, file.name]),
        );
        const events = await new ActivityRepository(db).list(packageId);
        if (events.length === 0) return [`No activity recorded for package ${packageId}.`];
        return events.map((event) =>
          [
            new Date(event.at).toISOString(),
            event.kind,
            event.fileId === undefined ? "-" : names.get(event.fileId) ?? event.fileId,
            event.actor || "(anyone with the link)",
            event.actorKind,
            event.address || "-",
          ].join("\t")
        );
      }
      default: {
        const emails = new Map((await accounts.listUsers()).map((user) => [user.id, user.email]));
        const emailOf = (id: string) => emails.get(id) ?? id;
        return (await accounts.listDropzones()).map((dropzone) =>
          `${dropzone.dropzoneId}\towner=${emailOf(dropzone.ownerId)}\tallowed=${
            dropzone.allowedUserIds.map(emailOf).join(",")
          }\t${describeSettings(dropzone.settings)}`
        );
      }
    }
  } finally {
    await close();
  }
}

/** Runs one admin command from the command line: prints its lines, exits 2 on a usage error, 1 on a refusal. */
export async function adminMain(args: string[]): Promise<void> {
  try {
    const lines = await runAdmin(args, (name) => Deno.env.get(name));
    for (const line of lines) console.log(line);
  } catch (error) {
    // Refusals the operator can act on: one line, no stack.
    const expected = error instanceof UsageError || error instanceof AccountError ||
      error instanceof DatabaseUnavailableError || error instanceof SchemaError ||
      (error instanceof Error &&
        ["MoveError", "StorageUnavailableError", "ConfigError", "DropzoneSettingsError"].includes(
          error.name,
        ));
    if (expected) {
      console.error((error as Error).message);
      Deno.exit(error instanceof UsageError ? 2 : 1);
    }
    if (error instanceof BackupError) {
      console.error(error.message);
      Deno.exit(1);
    }
    throw error;
  }
}

if (import.meta.main) await adminMain(Deno.args);

/**
 * The settings after the `dropzone set` options: each option given replaces its setting, the
 * others stay.
 *
 * @throws {DropzoneSettingsError} when a value is not acceptable.
 */
function changedSettings(
  settings: DropzoneSettings,
  values: Record<string, string | undefined>,
): DropzoneSettings {
  const next: DropzoneSettings = { ...settings };
  if (values.extensions !== undefined) next.allowedExtensions = parseExtensions(values.extensions);
  if (values["max-file-size"] !== undefined) {
    next.maxFileBytes = parseFileSize(values["max-file-size"]);
  }
  if (values["life-days"] !== undefined) next.lifeDays = parseLifeDays(values["life-days"]);
  const access = values["sender-domain-access"];
  if (access !== undefined) {
    if (!["on", "off"].includes(access)) {
      throw new DropzoneSettingsError(`--sender-domain-access is on or off, not "${access}".`);
    }
    next.senderDomainAccess = access === "on";
  }
  const notify = values["notify-uploads"];
  if (notify !== undefined) next.notifyUploads = parseSwitch("notify-uploads", notify);
  return next;
}

/** One line of a dropzone's settings, for `dropzone list` and `dropzone set`. */
function describeSettings(settings: DropzoneSettings): string {
  return [
    `extensions=${settings.allowedExtensions.join(",") || "any"}`,
    `max-file-size=${settings.maxFileBytes ?? "service"}`,
    `life-days=${settings.lifeDays ?? "service"}`,
    `sender-domain-access=${settings.senderDomainAccess ? "on" : "off"}`,
    `notify-uploads=${settings.notifyUploads ? "on" : "off"}`,
  ].join("\t");
}
