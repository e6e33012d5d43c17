/**
 * Finds every Secure Link in a ticket: the description and every comment, read through ZAF
 * (`ticket.comments`, with `ticket.conversation` as the fallback where Zendesk offers only that),
 * each link with who posted it and when.
 *
 * @module
 */
import { findLinks } from "../src/link.ts";
import { uploadKeysIn } from "./request_files.ts";
import {
  type ZafClient,
  type ZafComment,
  type ZafConversationEntry,
  ZafError,
  type ZafUser,
} from "../src/zaf.ts";

/** One Secure Link found in the ticket. */
export interface FoundLink {
  /** The whole link, with its `#keyCode=` fragment (a secret: never log it). */
  url: string;
  /** Who posted the comment carrying the link. */
  author: string;
  /** The author's role (`end-user`, `agent`, …) when known. */
  authorRole?: string;
  /** When the comment was posted (ISO 8601) when known. */
  createdAt?: string;
}

/** One comment of the ticket as the scan reads it. */
export interface TicketText {
  /** The comment's text or HTML. */
  text: string;
  /** Who wrote it. */
  author: string;
  /** The author's role, when known. */
  authorRole?: string;
  /** When it was written (ISO 8601), when known. */
  createdAt?: string;
}

function fromComment(comment: ZafComment): TicketText {
  return {
    text: typeof comment.value === "string" ? comment.value : "",
    author: comment.author?.name ?? "",
    authorRole: comment.author?.role,
    createdAt: comment.createdAt ?? comment.created_at,
  };
}

function fromConversation(entry: ZafConversationEntry): TicketText {
  return {
    text: typeof entry.message?.content === "string" ? entry.message.content : "",
    author: entry.author?.name ?? "",
    authorRole: entry.author?.role,
    createdAt: entry.timestamp,
  };
}

/**
 * The Secure Links in `texts`, each once (where it first appears), in the order of the texts.
 */
export function linksInTexts(texts: readonly TicketText[]): FoundLink[] {
  const seen = new Set<string>();
  const found: FoundLink[] = [];
  for (const entry of texts) {
    for (const url of findLinks(entry.text)) {
      if (seen.has(url)) continue;
      seen.add(url);
      found.push({
        url,
        author: entry.author,
        authorRole: entry.authorRole,
        createdAt: entry.createdAt,
      });
    }
  }
  return found;
}

function byTime(a: TicketText, b: TicketText): number {
  const left = a.createdAt ? Date.parse(a.createdAt) : NaN;
  const right = b.createdAt ? Date.parse(b.createdAt) : NaN;
  if (Number.isNaN(left) || Number.isNaN(right)) return 0;
  return left - right;
}

/**
 * Reads the ticket through `zaf` and returns its Secure Links, oldest first.
 *
 * @throws {ZafError} when Zendesk answers none of the paths.
 */
export async function scanTicket(
  zaf: ZafClient,
  uploadKeys?: Map<string, string>,
): Promise<FoundLink[]> {
  const result = await zaf.get([
    "ticket.comments",
    "ticket.conversation",
    "ticket.description",
    "ticket.requester",
  ]);
  const comments = Array.isArray(result["ticket.comments"]) ? result["ticket.comments"] : [];
  const conversation = Array.isArray(result["ticket.conversation"])
    ? result["ticket.conversation"]
    : [];
  const texts: TicketText[] = comments.length > 0
    ? comments.map(fromComment)
    : conversation.map(fromConversation);
  // Sort a copy by time; entries without a time keep their order (the sort is stable).
  texts.sort(byTime);
  const description = result["ticket.description"];
  if (typeof description === "string" && description) {
    // The description is the first comment: last here, so that a comment's author and time win
    // when both carry the link; it matters only when Zendesk gave no comment list.
    const requester = result["ticket.requester"] as ZafUser | undefined;
    texts.push({ text: description, author: requester?.name ?? "", authorRole: "end-user" });
  }
  if (
    comments.length === 0 && conversation.length === 0 && !description &&
    Object.keys(result.errors).length > 0
  ) {
    const first = Object.values(result.errors)[0];
    throw new ZafError(
      "HOST_ERROR",
      `Zendesk did not give the ticket's comments: ${first.message}`,
    );
  }
  // The keyCodes of file requests' upload links (request_files.ts).
  for (const entry of texts) if (uploadKeys) uploadKeysIn(entry.text, uploadKeys);
  return linksInTexts(texts);
}
