/**
 * The requests a service is handling, for a graceful stop and for the transfers gauge.
 *
 * Deno's `HttpServer.shutdown()` closes the listener but also cuts request bodies still
 * arriving (an upload in flight fails with `BadResource`). So the service stops in two steps:
 * first it marks itself stopping (new requests get 503 with `Connection: close` and
 * `Retry-After`, which the clients treat as a restart to wait out) and waits here until the
 * requests in flight, part downloads included until their last byte, are done; only then, or when
 * the grace time is over, does it shut the listener down.
 *
 * @module
 */
import { CORS_HEADERS } from "./http.ts";

/** Counts requests in flight; one per service. */
export class InFlight {
  #requests = 0;
  #transfers = 0;
  #idle: (() => void)[] = [];
  #stopping = false;

  /** Whether the service is stopping (it answers new requests with 503). */
  get stopping(): boolean {
    return this.#stopping;
  }

  /** Marks the service as stopping. */
  stop(): void {
    this.#stopping = true;
  }

  /** Part uploads and downloads in flight. */
  get transfers(): number {
    return this.#transfers;
  }

  /** Requests in flight. */
  get requests(): number {
    return this.#requests;
  }

  /**
   * Counts a request in; call the returned function when it is over (calling it again does
   * nothing).
   *
   * @param transfer whether the request carries a part (upload or download).
   */
  begin(transfer: boolean): () => void {
    this.#requests++;
    if (transfer) this.#transfers++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.#requests--;
      if (transfer) this.#transfers--;
      if (this.#requests === 0) { for (const resolve of this.#idle.splice(0)) resolve(); }
    };
  }

  /**
   * Returns `response` with a body that calls `end` once its last byte was taken or the client
   * went away, or calls `end` at once when there is no body.
   *
   * @param completed settles when the server has sent the response or given up on it
   *   (`Deno.ServeHandlerInfo.completed`). Given, `response` is returned as it is: a body
   *   that is a file or a fetched response then goes to the socket without passing through
   *   JavaScript chunk by chunk, which a wrapping stream would force (most of the CPU of a
   *   part download). Absent (a handler called directly), the body is wrapped.
   */
  untilSent(response: Response, end: () => void, completed?: Promise<void>): Response {
    if (response.body === null) {
      end();
      return response;
    }
    if (completed) {
      completed.then(end, end);
      return response;
    }
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            controller.close();
            end();
          } else {
            controller.enqueue(value);
          }
        } catch (error) {
          end();
          controller.error(error);
        }
      },
      cancel(reason) {
        end();
        return reader.cancel(reason);
      },
    });
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  }

  /** Resolves once no request is in flight. */
  idle(): Promise<void> {
    if (this.#requests === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }
}

/** The answer to a request that arrives while the service stops. */
export function stoppingResponse(): Response {
  return new Response(
    JSON.stringify({
      response: "SERVICE_UNAVAILABLE",
      message: "The service is restarting; try again in a few seconds.",
    }),
    {
      status: 503,
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Retry-After": "5",
        "Connection": "close",
        "Cache-Control": "no-store",
        ...CORS_HEADERS,
      },
    },
  );
}
