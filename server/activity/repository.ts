/**
 * Queries on the `package_activity` table: who opened a package or downloaded one of its files,
 * and when, with the client's address truncated. Never a key: the service has none to record.
 *
 * @module
 */
import type { Queryable } from "../db/database.ts";
import { newUuid } from "../ids.ts";

/** What happened. */
export type ActivityKind = "opened" | "downloaded";

/**
 * Who did it: a recipient who verified their email, an agent account (API key or signed in),
 * or someone holding the link of a package open to anyone with it.
 */
export type ActorKind = "recipient" | "agent" | "link";

/** One recorded event. */
export interface ActivityRecord {
  /** Random id. */
  id: string;
  /** The package. */
  packageId: string;
  /** The file, for downloads. */
  fileId?: string;
  kind: ActivityKind;
  /** The verified email or the agent's account email; `""` for a link holder. */
  actor: string;
  actorKind: ActorKind;
  /** The client's address, truncated (IPv4 /24, IPv6 /48); `""` when unknown. */
  address: string;
  /** When, ms since the epoch. */
  at: number;
}

interface ActivityRow {
  id: string;
  package_id: string;
  file_id: string | null;
  kind: ActivityKind;
  actor: string;
  actor_kind: ActorKind;
  address: string;
  at: number;
}

function toRecord(row: ActivityRow): ActivityRecord {
  return {
    id: row.id,
    packageId: row.package_id,
    ...(row.file_id === null ? {} : { fileId: row.file_id }),
    kind: row.kind,
    actor: row.actor,
    actorKind: row.actor_kind,
    address: row.address,
    at: Number(row.at),
  };
}

/** Queries on package activity. */
export class ActivityRepository {
  readonly #db: Queryable;

  /** Works on `db`. */
  constructor(db: Queryable) {
    this.#db = db;
  }

  /** Records one event. */
  async record(event: Omit<ActivityRecord, "id">): Promise<void> {
    await this.#db.run(
      `INSERT INTO package_activity (id, package_id, file_id, kind, actor, actor_kind, address, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        newUuid(),
        event.packageId,
        event.fileId ?? null,
        event.kind,
        event.actor,
        event.actorKind,
        event.address,
        event.at,
      ],
    );
  }

  /** A package's events, newest first. */
  async list(packageId: string): Promise<ActivityRecord[]> {
    const rows = await this.#db.all<ActivityRow>(
      "SELECT * FROM package_activity WHERE package_id = ? ORDER BY at DESC, id",
      [packageId],
    );
    return rows.map(toRecord);
  }

  /** Deletes the events older than `cutoff` (the retention); returns how many. */
  async deleteBefore(cutoff: number): Promise<number> {
    const result = await this.#db.run("DELETE FROM package_activity WHERE at < ?", [cutoff]);
    return result.changes;
  }
}

/**
 * A client address with its host part dropped: IPv4 to its /24 (`203.0.113.0`), IPv6 to its
 * /48 (`2001:db8:85a3::`); anything else to `""`.
 */
export function truncateAddress(address: string | undefined): string {
  if (!address) return "";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/.exec(mapped ? mapped[1] : address);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0`;
  if (!address.includes(":")) return "";
  const [head, tail = ""] = address.split("::");
  const groups = head === "" ? [] : head.split(":");
  if (address.includes("::")) {
    const rest = tail === "" ? [] : tail.split(":");
    while (groups.length + rest.length < 8) groups.push("0");
    groups.push(...rest);
  }
  if (groups.length !== 8 || groups.some((group) => !/^[0-9a-f]{1,4}$/i.test(group))) return "";
  return `${
    groups.slice(0, 3).map((group) => group.toLowerCase().replace(/^0+(?=.)/, "")).join(":")
  }::`;
}
