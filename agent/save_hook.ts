/**
 * "Block unencrypted attachments": a `ticket.save` hook that refuses a reply carrying Zendesk's
 * own attachments (which are not encrypted) and points the agent to the cloud button.
 *
 * @module
 */
import type { ZafClient } from "../src/zaf.ts";
import en from "./assets/locales/en.json" with { type: "json" };
import { t } from "./strings.ts";

/** What the agent reads when the save is refused, in English (`t("blocked")` in theirs). */
export const BLOCKED_MESSAGE: string = en.blocked;

/**
 * Decides one save: the refusal message when the reply being saved has Zendesk attachments,
 * `true` otherwise. When Zendesk cannot say (the path is unknown to it), the save goes through:
 * an app that blocked every save on a glitch would stop the agent's work.
 */
export async function checkAttachments(zaf: ZafClient): Promise<true | string> {
  let attachments: unknown;
  try {
    attachments = await zaf.getValue("comment.attachments");
  } catch {
    return true;
  }
  return Array.isArray(attachments) && attachments.length > 0 ? t("blocked") : true;
}

/** Registers the hook on `ticket.save`; returns a function that removes it. */
export function installAttachmentGuard(zaf: ZafClient): () => void {
  const handler = () => checkAttachments(zaf);
  zaf.on("ticket.save", handler);
  return () => zaf.off("ticket.save", handler);
}
