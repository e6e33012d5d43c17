/**
 * The waits between attempts of uploads and downloads whose caller sets none: the production
 * defaults, which the browser tests' global can only shorten, and never to nothing.
 */
import assert from "node:assert/strict";
import { DEFAULT_RETRY_TIMING, defaultRetryTiming, RETRY_TIMING_GLOBAL } from "../../src/_retry.ts";

function withGlobal(value: unknown, test: () => void): void {
  const target = globalThis as Record<string, unknown>;
  target[RETRY_TIMING_GLOBAL] = value;
  try {
    test();
  } finally {
    delete target[RETRY_TIMING_GLOBAL];
  }
}

Deno.test("retry timing: 1 s doubling up to 10 s unless a page sets shorter waits", () => {
  assert.deepEqual(DEFAULT_RETRY_TIMING, { retryDelay: 1000, maxRetryDelay: 10_000 });
  assert.deepEqual(defaultRetryTiming(), { retryDelay: 1000, maxRetryDelay: 10_000 });
  withGlobal({ retryDelay: 100, maxRetryDelay: 1000 }, () => {
    assert.deepEqual(defaultRetryTiming(), { retryDelay: 100, maxRetryDelay: 1000 });
  });
  withGlobal({ maxRetryDelay: 2000 }, () => {
    assert.deepEqual(defaultRetryTiming(), { retryDelay: 1000, maxRetryDelay: 2000 });
  });
  assert.deepEqual(defaultRetryTiming(), DEFAULT_RETRY_TIMING, "the global is read on each call");
});

Deno.test("retry timing: the global never lengthens a wait, nor sets one under 50 ms or not whole", () => {
  withGlobal({ retryDelay: 60_000, maxRetryDelay: 600_000 }, () => {
    assert.deepEqual(defaultRetryTiming(), DEFAULT_RETRY_TIMING);
  });
  withGlobal({ retryDelay: 0, maxRetryDelay: 49 }, () => {
    assert.deepEqual(defaultRetryTiming(), DEFAULT_RETRY_TIMING);
  });
  withGlobal({ retryDelay: 100.5, maxRetryDelay: "1000" }, () => {
    assert.deepEqual(defaultRetryTiming(), DEFAULT_RETRY_TIMING);
  });
  for (const value of [null, 100, "fast", [100, 1000]]) {
    withGlobal(value, () => assert.deepEqual(defaultRetryTiming(), DEFAULT_RETRY_TIMING));
  }
});
