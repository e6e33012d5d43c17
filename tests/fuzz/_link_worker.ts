/**
 * Worker side of the Secure Link fuzzer: runs the cases it is told to and reports each case's
 * seed before running it, so the test can name the case that hangs.
 *
 * @module
 */
/// <reference lib="deno.worker" />
import { caseSeed, Rng } from "../_helpers/fuzz.ts";
import { checkFind, pathologicalInputs, runLinkCase } from "./_link_cases.ts";

/** What the test asks the worker to do. */
export interface LinkJob {
  seed: number;
  cases: number;
  replay: boolean;
}

self.onmessage = (event: MessageEvent<LinkJob>) => {
  const { seed, cases, replay } = event.data;
  let checks = 0;
  try {
    for (let index = 0; index < cases; index++) {
      const current = replay && index === 0 ? seed : caseSeed(seed, index);
      self.postMessage({ kind: "case", index, seed: current });
      checks += runLinkCase(new Rng(current));
    }
    const inputs = pathologicalInputs();
    for (let index = 0; index < inputs.length; index++) {
      self.postMessage({ kind: "pathological", index });
      checkFind(inputs[index], []);
      checks++;
    }
    self.postMessage({ kind: "done", checks });
  } catch (error) {
    self.postMessage({
      kind: "failed",
      message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      cause: error instanceof Error && error.cause instanceof Error
        ? `${error.cause.name}: ${error.cause.message}\n${error.cause.stack}`
        : undefined,
    });
  }
};
