/// <reference lib="dom" />
/**
 * Requesting files from a customer: "Request files" asks the service for an upload link made
 * for this ticket and puts it in the reply, with a keyCode made here in its fragment (the service
 * never sees it); the packages the customer drops through it are listed by the service to the
 * agents of its dropzone, and opened in "Files on this ticket" with the keyCode the ticket holds.
 *
 * @module
 */
import type { SendSafelyClient } from "../src/api.ts";
import { generateKeyCode } from "../src/keys.ts";
import { formatLink } from "../src/link.ts";
import type { ZafClient } from "../src/zaf.ts";
import { h } from "../ui/dom.ts";
import { describeServiceError } from "./messages.ts";
import { appendToReply, replyAddition } from "./send_view.ts";
import { agentLocale, t } from "./strings.ts";
import type { FoundLink } from "./ticket_scan.ts";

/** An upload link in a ticket's text: its keyCode and the id of its request. */
const UPLOAD_LINK =
  /\/upload\/[A-Za-z0-9_-]{43}#keyCode=([A-Za-z0-9_-]+)&(?:amp;)?request=([0-9a-f-]{36})/g;

/** The keyCodes of the upload links in `text`, by request id (added to `into`). */
export function uploadKeysIn(text: string, into: Map<string, string>): void {
  for (const match of text.matchAll(UPLOAD_LINK)) into.set(match[2], match[1]);
}

async function ticketId(zaf: ZafClient): Promise<string> {
  return String(await zaf.getValue("ticket.id"));
}

/** The "Request files" button and its status line. */
export function requestFilesView(zaf: ZafClient, client: SendSafelyClient): HTMLElement {
  const status = h("p", { class: "muted", attrs: { "data-role": "request-status" } });
  const button = h("button", {
    class: "button",
    attrs: { type: "button", "data-role": "request-files" },
    on: {
      click: async () => {
        button.setAttribute("disabled", "");
        try {
          const keyCode = generateKeyCode();
          const made = await client.request("PUT", "/upload-request/", {
            ticketId: await ticketId(zaf),
            // The ticket's note about the upload is written in the agent's language.
            locale: agentLocale(),
          });
          const link = `${made.uploadUrl}#keyCode=${keyCode}&request=${made.requestId}`;
          const current = await zaf.getValue("comment.text").then(String, () => "");
          await appendToReply(zaf, replyAddition(current, link, t("request.replyLabel")));
          status.className = "muted";
          status.textContent = t("request.added");
        } catch (error) {
          status.className = "message error";
          status.textContent = describeServiceError(error);
        } finally {
          button.removeAttribute("disabled");
        }
      },
    },
  }, t("request.button"));
  return h("section", { class: "section request" }, button, status);
}

/**
 * The ticket's requested packages the agent may read, as links for "Files on this ticket": each
 * opened with the keyCode of the upload link (in `keys`) it came through.
 */
export async function requestedLinks(
  zaf: ZafClient,
  client: SendSafelyClient,
  keys: ReadonlyMap<string, string>,
): Promise<FoundLink[]> {
  if (keys.size === 0) return [];
  const listed = await client.request("GET", `/ticket/${await ticketId(zaf)}/packages/`);
  const links: FoundLink[] = [];
  for (const item of Array.isArray(listed.packages) ? listed.packages : []) {
    const keyCode = keys.get(String(item?.requestId));
    if (keyCode && typeof item.url === "string") {
      links.push({
        url: formatLink(item.url, keyCode),
        author: "",
        createdAt: item.packageTimestamp,
      });
    }
  }
  return links;
}
