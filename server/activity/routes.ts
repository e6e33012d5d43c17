/**
 * `GET /package/{packageId}/activity/` (Padlock's own call): who opened the package and who
 * downloaded which file, and when, newest first, for its sender or an agent of its dropzone. The
 * client addresses stay on the server (`deno task admin activity` prints them).
 *
 * @module
 */
import type { ApiContext, ApiRoute } from "../context.ts";
import { isBuilder, loadPackage, requireManager } from "../packages/access.ts";

async function listActivity(context: ApiContext): Promise<Record<string, unknown>> {
  const record = await loadPackage(context, context.params.packageId);
  if (!isBuilder(context, record)) await requireManager(context, record);
  const events = await context.services.activity.list(record.id);
  return {
    activity: events.map((event) => ({
      kind: event.kind,
      fileId: event.fileId ?? "",
      actor: event.actor,
      actorKind: event.actorKind,
      timestamp: new Date(event.at).toISOString(),
    })),
  };
}

/** The activity routes. */
export const activityRoutes: readonly ApiRoute[] = [
  {
    method: "GET",
    pattern: "/package/:packageId/activity/",
    callers: ["user"],
    handler: listActivity,
  },
];
