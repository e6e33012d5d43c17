/**
 * Records who opened a package or downloaded a file, from the API calls that do it: the actor
 * (an agent's account, a recipient's verified email through the portal's session, or a link
 * holder), the client address truncated, the time. Never a key, never a checksum.
 *
 * @module
 */
import { clientAddress } from "../auth/client_address.ts";
import type { ApiContext } from "../context.ts";
import { now } from "../context.ts";
import type { PackageRecord } from "../packages/repository.ts";
import { type ActivityKind, type ActorKind, truncateAddress } from "./repository.ts";

/** The TCP peer of each request the service is answering (set by the request handler). */
const peers = new WeakMap<Request, Deno.Addr>();

/** Remembers the TCP peer of `req` while it is answered, for the activity record. */
export function rememberPeer(req: Request, addr: Deno.Addr | undefined): void {
  if (addr) peers.set(req, addr);
}

/**
 * Records that the caller opened `record` or downloaded its file `fileId`. A failure to record
 * is swallowed: the download itself must not fail for it.
 */
export async function recordActivity(
  context: ApiContext,
  record: PackageRecord,
  kind: ActivityKind,
  fileId?: string,
): Promise<void> {
  const { caller, services, req } = context;
  try {
    let actor = "";
    let actorKind: ActorKind = "link";
    if (caller.kind === "user") {
      actor = caller.user.email;
      actorKind = "agent";
    } else if (caller.kind === "session") {
      actor = await services.config.sessionActor?.(req, record.id) ?? "";
      actorKind = actor === "" ? "link" : "recipient";
    } else return;
    const peer = peers.get(req);
    const address = clientAddress(
      req,
      peer ? { remoteAddr: peer } : undefined,
      services.config.trustProxy,
    );
    await services.activity.record({
      packageId: record.id,
      fileId,
      kind,
      actor,
      actorKind,
      address: truncateAddress(address),
      at: now(context),
    });
  } catch {
    // Best effort: who-opened-what is information, not a condition of the download.
  }
}
