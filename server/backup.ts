/**
 * Online backup and restore of a data directory on SQLite and the file-system part store
 * (`admin backup --to DIR`, `admin restore --from DIR`). For PostgreSQL and an S3 bucket use
 * `pg_dump` and bucket versioning instead (see `docs/DEPLOY.md`).
 *
 * Order matters while uploads continue. The database is snapshotted first (`VACUUM INTO`, one
 * read transaction, so a consistent copy even while the service writes), then exactly the parts
 * that snapshot records are copied. The service stores a part before it records it, so every
 * part the snapshot knows was already on disk: the pair is consistent. (Parts first would miss
 * parts recorded after their copy.) A package deleted between the two steps (the sweeper, its
 * sender) has parts missing from the copy: it is removed from the backup's database, so it is
 * cleanly absent after a restore rather than half there. Parts stored after the snapshot are not
 * copied; an upload in progress restores with the parts the snapshot had and resumes.
 *
 * The backup holds `secret.key` (it unseals the API secrets) and `portal.key` when the data
 * directory has them: keep it as safe as the data directory.
 *
 * @module
 */
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";

/** Thrown when a backup or a restore cannot be made (the message says why). */
export class BackupError extends Error {
  override name = "BackupError";
}

/** The backup's description file; a folder without it is not a finished backup. */
export const MANIFEST = "backup.json";

/** Version of the backup layout. */
const FORMAT = 1;

/** Files of a data directory besides the database and the parts. */
const KEY_FILES = ["secret.key", "portal.key"];

const DATABASE = "padlock.db";
const PARTS = "parts";

/** What a backup holds, written to {@linkcode MANIFEST}. */
export interface BackupManifest {
  /** Layout version. */
  format: number;
  /** ISO time of the database snapshot. */
  createdAt: string;
  /** Schema version of the snapshot. */
  schemaVersion: number;
  /** Packages in the backup. */
  packages: number;
  /** Parts copied. */
  parts: number;
  /** Ciphertext bytes copied. */
  bytes: number;
  /** Packages deleted while the backup ran, left out of it. */
  droppedPackages: number;
  /** Key files copied. */
  keyFiles: string[];
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.lstat(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

async function requireEmpty(dir: string, what: string): Promise<void> {
  if (!(await exists(dir))) {
    await Deno.mkdir(dir, { recursive: true, mode: 0o700 });
    return;
  }
  for await (const _ of Deno.readDir(dir)) {
    throw new BackupError(`The ${what} ${dir} is not empty; give an empty or new folder.`);
  }
}

function partPath(root: string, packageId: string, fileId: string, part: number): string {
  return join(root, PARTS, packageId, fileId, `${part}.pgp`);
}

async function copyKeys(from: string, to: string): Promise<string[]> {
  const copied: string[] = [];
  for (const name of KEY_FILES) {
    if (!(await exists(join(from, name)))) continue;
    await Deno.copyFile(join(from, name), join(to, name));
    await Deno.chmod(join(to, name), 0o600);
    copied.push(name);
  }
  return copied;
}

function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare("SELECT MAX(version) AS version FROM schema_migrations").get() as
    | { version: number | null }
    | undefined;
  return row?.version ?? 0;
}

/**
 * Backs up `dataDir` into `to` (new or empty) while the service may run on it.
 *
 * @throws {BackupError} when `dataDir` has no database or `to` is not empty.
 */
export async function backupDataDir(dataDir: string, to: string): Promise<BackupManifest> {
  const source = join(dataDir, DATABASE);
  if (!(await exists(source))) throw new BackupError(`No database at ${source}.`);
  await requireEmpty(to, "backup folder");
  const createdAt = new Date().toISOString();
  const target = join(to, DATABASE);
  const live = new DatabaseSync(source);
  try {
    live.exec("PRAGMA busy_timeout = 5000");
    live.prepare("VACUUM INTO ?").run(target);
  } finally {
    live.close();
  }

  const snapshot = new DatabaseSync(target);
  try {
    snapshot.exec("PRAGMA foreign_keys = ON");
    const rows = snapshot.prepare(
      `SELECT files.package_id AS packageId, parts.file_id AS fileId, parts.part AS part,
        parts.size AS size
       FROM parts JOIN files ON files.id = parts.file_id ORDER BY packageId, fileId, part`,
    ).all() as { packageId: string; fileId: string; part: number; size: number }[];
    const dropped = new Set<string>();
    for (const row of rows) {
      if (dropped.has(row.packageId)) continue;
      const copy = partPath(to, row.packageId, row.fileId, row.part);
      await Deno.mkdir(join(to, PARTS, row.packageId, row.fileId), { recursive: true });
      try {
        await Deno.copyFile(partPath(dataDir, row.packageId, row.fileId, row.part), copy);
      } catch (error) {
        if (!(error instanceof Deno.errors.NotFound)) throw error;
        dropped.add(row.packageId);
        continue;
      }
      // A size other than the record's: replaced by a re-upload since the snapshot.
      if ((await Deno.stat(copy)).size !== row.size) dropped.add(row.packageId);
    }
    for (const packageId of dropped) {
      snapshot.prepare("DELETE FROM packages WHERE id = ?").run(packageId);
      await Deno.remove(join(to, PARTS, packageId), { recursive: true }).catch(() => {});
    }
    const kept = rows.filter((row) => !dropped.has(row.packageId));
    const parts = kept.length;
    const bytes = kept.reduce((sum, row) => sum + row.size, 0);
    const packages = (snapshot.prepare("SELECT COUNT(*) AS n FROM packages").get() as {
      n: number;
    }).n;
    const manifest: BackupManifest = {
      format: FORMAT,
      createdAt,
      schemaVersion: schemaVersion(snapshot),
      packages,
      parts,
      bytes,
      droppedPackages: dropped.size,
      keyFiles: await copyKeys(dataDir, to),
    };
    snapshot.close();
    await Deno.writeTextFile(join(to, MANIFEST), JSON.stringify(manifest, null, 2) + "\n");
    return manifest;
  } catch (error) {
    if (snapshot.isOpen) snapshot.close();
    throw error;
  }
}

/**
 * Fills the empty (or new) data directory `dataDir` from the backup in `from`. Start the service
 * on it afterwards; it migrates an older schema.
 *
 * @throws {BackupError} when `from` is not a finished backup, a part is missing from it, or
 *   `dataDir` is not empty.
 */
export async function restoreDataDir(from: string, dataDir: string): Promise<BackupManifest> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await Deno.readTextFile(join(from, MANIFEST)));
  } catch (cause) {
    throw new BackupError(
      `${from} is not a finished backup (no readable ${MANIFEST}).`,
      { cause },
    );
  }
  if (manifest.format !== FORMAT) {
    throw new BackupError(
      `The backup has layout ${manifest.format}; this service reads ${FORMAT}.`,
    );
  }
  await requireEmpty(dataDir, "data directory");
  const backupDb = new DatabaseSync(join(from, DATABASE), { readOnly: true });
  let rows: { packageId: string; fileId: string; part: number; size: number }[];
  try {
    const check = backupDb.prepare("PRAGMA integrity_check").get() as Record<string, string>;
    if (Object.values(check)[0] !== "ok") {
      throw new BackupError(`The backup's database is damaged: ${Object.values(check)[0]}`);
    }
    rows = backupDb.prepare(
      `SELECT files.package_id AS packageId, parts.file_id AS fileId, parts.part AS part,
        parts.size AS size FROM parts JOIN files ON files.id = parts.file_id`,
    ).all() as typeof rows;
  } finally {
    backupDb.close();
  }
  for (const row of rows) {
    const source = partPath(from, row.packageId, row.fileId, row.part);
    const size = await Deno.stat(source).then((info) => info.size, () => -1);
    if (size !== row.size) {
      throw new BackupError(
        `The backup lacks part ${row.part} of file ${row.fileId} (package ${row.packageId}); nothing was restored.`,
      );
    }
  }
  for (const row of rows) {
    await Deno.mkdir(join(dataDir, PARTS, row.packageId, row.fileId), { recursive: true });
    const target = partPath(dataDir, row.packageId, row.fileId, row.part);
    await Deno.copyFile(partPath(from, row.packageId, row.fileId, row.part), target);
    await Deno.chmod(target, 0o600);
  }
  await copyKeys(from, dataDir);
  // The database last: a data directory with a database is one the service may start on.
  await Deno.copyFile(join(from, DATABASE), join(dataDir, DATABASE));
  await Deno.chmod(join(dataDir, DATABASE), 0o600);
  return manifest;
}
