/**
 * Readiness of a running service: the database answers a query, the part store answers a
 * lookup, and the schema is the one this code migrates to. `GET /readyz` reports it; a load
 * balancer or an orchestrator takes the service out of rotation while it is not ready (and
 * while it stops).
 *
 * @module
 */
import type { Services } from "./context.ts";
import { migrationsFor } from "./db/migrations.ts";

/** The outcome of one check: `ok`, or what failed (an error name, never a message). */
export type CheckOutcome = "ok" | string;

/** What `GET /readyz` answers. */
export interface Readiness {
  /** Whether every check passed and the service is not stopping. */
  ready: boolean;
  /** Each check by name: `database`, `storage`, `schema`. */
  checks: Record<string, CheckOutcome>;
  /** Present while the service stops (it finishes transfers in flight, accepts no new ones). */
  stopping?: true;
}

/** How long one check may take before it counts as failed, in milliseconds. */
const CHECK_TIMEOUT_MS = 5_000;

/** A key no part ever has (ids are random): looking it up only asks the store to answer. */
const PROBE_KEY = { packageId: "readiness-probe", fileId: "readiness-probe", part: 1 };

/** Thrown when a check takes longer than {@linkcode CHECK_TIMEOUT_MS}. */
export class CheckTimeoutError extends Error {
  override name = "CheckTimeoutError";
}

async function outcome(check: () => Promise<string | void>): Promise<CheckOutcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new CheckTimeoutError(`no answer in ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    return (await Promise.race([check(), timeout])) ?? "ok";
  } catch (error) {
    // Messages can quote paths or hosts: only the error's name is reported.
    return `failed: ${error instanceof Error ? error.name : typeof error}`;
  } finally {
    clearTimeout(timer);
  }
}

/** The newest schema version this code knows (both dialects share the version numbers). */
export const CURRENT_SCHEMA_VERSION: number = migrationsFor("sqlite").at(-1)?.version ?? 0;

/** Runs the readiness checks (each bounded in time; they never throw). */
export async function checkReadiness(
  services: Services,
  stopping = false,
): Promise<Readiness> {
  const [database, storage, schema] = await Promise.all([
    outcome(async () => {
      await services.db.get("SELECT 1 AS one");
    }),
    outcome(async () => {
      await services.store.has(PROBE_KEY);
    }),
    outcome(async () => {
      const row = await services.db.get<{ version: number | null }>(
        "SELECT MAX(version) AS version FROM schema_migrations",
      );
      const version = row?.version ?? 0;
      if (version !== CURRENT_SCHEMA_VERSION) {
        return `version ${version}, expected ${CURRENT_SCHEMA_VERSION}`;
      }
    }),
  ]);
  const checks = { database, storage, schema };
  const ready = !stopping && Object.values(checks).every((value) => value === "ok");
  return stopping ? { ready, checks, stopping: true } : { ready, checks };
}
