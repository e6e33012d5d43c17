/**
 * Fuzzing of the Secure Link finder and parser (`src/link.ts`) with generated links in text and
 * HTML and random mutations of them. The cases run in a worker so that a hang (a scanner gone
 * quadratic on hostile ticket text) ends the run with the seed of the case, instead of stalling it.
 */
import assert from "node:assert/strict";
import { caseCount } from "../_helpers/fuzz.ts";
import type { LinkJob } from "./_link_worker.ts";

const SEED = 0x11_4e_c0_de;
const CASES = 3000;
/** Far beyond what the cases need (about a second); only a hang gets near it. */
const WATCHDOG_MS = 40_000;

Deno.test(`fuzz: findLinks/parseLink/formatLink keep their invariants (${CASES} cases, seed ${SEED})`, async () => {
  const override = Deno.env.get("FUZZ_SEED");
  const job: LinkJob = {
    seed: override !== undefined ? Number(override) >>> 0 : SEED,
    cases: caseCount(CASES),
    replay: override !== undefined,
  };
  const worker = new Worker(new URL("./_link_worker.ts", import.meta.url), { type: "module" });
  let last = "before the first case";
  const outcome = await new Promise<{ kind: string; checks?: number; message?: string }>(
    (resolve) => {
      const timer = setTimeout(
        () => resolve({ kind: "hang", message: `no answer in ${WATCHDOG_MS} ms; last: ${last}` }),
        WATCHDOG_MS,
      );
      worker.onmessage = (event) => {
        const data = event.data;
        if (data.kind === "case") {
          last = `case ${data.index}, replay it with FUZZ_SEED=${data.seed} FUZZ_CASES=1`;
        } else if (data.kind === "pathological") {
          last = `pathological input ${data.index}`;
        } else {
          clearTimeout(timer);
          resolve(
            data.kind === "failed"
              ? { kind: "failed", message: `${data.message} (${last})\n${data.cause ?? ""}` }
              : data,
          );
        }
      };
      worker.onerror = (event) => {
        event.preventDefault();
        clearTimeout(timer);
        resolve({ kind: "failed", message: `worker error: ${event.message} (${last})` });
      };
      worker.postMessage(job);
    },
  );
  worker.terminate();
  if (outcome.kind !== "done") {
    console.error(`link fuzz (base seed ${SEED}): ${outcome.message}`);
  }
  assert.equal(outcome.kind, "done", outcome.message);
  assert.ok((outcome.checks ?? 0) > job.cases * 5, `only ${outcome.checks} checks`);
});
