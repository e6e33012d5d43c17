/**
 * The sandbox's stand-in for the part of Zendesk's REST API that the service calls with an API
 * token: `PUT /api/v2/tickets/{id}.json` with a comment (an internal note when
 * `"public": false`), checked against basic auth `email/token:apiToken` as Zendesk does. The note
 * is added to the ticket store, so the agent view shows it (marked internal); every call is
 * recorded for the tests. Dev-only; never deployed.
 *
 * @module
 */
import { timingSafeEqual } from "../src/keys.ts";
import { textToHtml, type TicketStore } from "./tickets.ts";

/** One call the stand-in received. */
export interface ZendeskApiCall {
  /** The ticket in the path. */
  ticketId: string;
  /** HTTP status answered. */
  status: number;
  /** The comment's HTML as stored (when one was added). */
  html?: string;
  /** Whether the comment was public. */
  public?: boolean;
}

/** Options of {@linkcode zendeskApiRoutes}. */
export interface ZendeskApiOptions {
  tickets: TicketStore;
  /** The email of the agent the token belongs to. */
  email: string;
  /** The API token. */
  apiToken: string;
  /** Where each call is recorded. */
  calls?: ZendeskApiCall[];
  /** A status to answer instead of doing the work (a failing Zendesk), asked at each call. */
  failWith?: () => number | undefined;
}

/** The handler: a response for the API paths it serves, `undefined` for any other. */
export function zendeskApiRoutes(
  options: ZendeskApiOptions,
): (request: Request) => Promise<Response | undefined> {
  const { tickets, email, apiToken, calls = [] } = options;
  return async (request) => {
    const match = /^\/api\/v2\/tickets\/(\d+)\.json$/.exec(new URL(request.url).pathname);
    if (!match || request.method !== "PUT") return undefined;
    const ticketId = match[1];
    const answer = (status: number, body: unknown, added?: Partial<ZendeskApiCall>) => {
      calls.push({ ticketId, status, ...added });
      return Response.json(body, { status });
    };
    const expected = `Basic ${btoa(`${email}/token:${apiToken}`)}`;
    if (!timingSafeEqual(request.headers.get("authorization") ?? "", expected)) {
      return answer(401, { error: "Couldn't authenticate you" });
    }
    const failure = options.failWith?.();
    if (failure !== undefined) return answer(failure, { error: "Sandbox failure" });
    let comment: { html_body?: unknown; body?: unknown; public?: unknown } | undefined;
    try {
      comment = (await request.json())?.ticket?.comment;
    } catch {
      return answer(400, { error: "Body must be JSON" });
    }
    const html = typeof comment?.html_body === "string"
      ? comment.html_body
      : typeof comment?.body === "string"
      ? textToHtml(comment.body)
      : "";
    if (html.trim() === "") {
      return answer(422, { error: "RecordInvalid", description: "Comment: cannot be blank" });
    }
    const isPublic = comment?.public !== false;
    try {
      const added = await tickets.addComment(Number(ticketId), {
        authorName: email.split("@")[0],
        authorEmail: email,
        role: "agent",
        html,
        public: isPublic,
      });
      return answer(200, { ticket: { id: Number(ticketId) }, audit: { id: added.id } }, {
        html,
        public: isPublic,
      });
    } catch {
      return answer(404, { error: "RecordNotFound", description: "Not found" });
    }
  };
}
