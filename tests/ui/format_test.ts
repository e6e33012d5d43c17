import assert from "node:assert/strict";
import { formatDate, formatDateTime, formatSize } from "../../ui/format.ts";
import { percent } from "../../ui/percent.ts";

Deno.test("formatSize: decimal units as Zendesk shows them; nothing for a non-size", () => {
  assert.equal(formatSize(0), "0 B");
  assert.equal(formatSize(999), "999 B");
  assert.equal(formatSize(1_500), "1.5 KB");
  assert.equal(formatSize(150_000), "150 KB");
  assert.equal(formatSize(2_621_440), "2.6 MB");
  assert.equal(formatSize(6_000_000), "6.0 MB");
  assert.equal(formatSize(2_500_000_000), "2.5 GB");
  assert.equal(formatSize(-1), "");
  assert.equal(formatSize(Number.NaN), "");
});

Deno.test("percent: whole percent, clamped to 0..100, 100 for an empty total", () => {
  assert.equal(percent(1, 3), 33);
  assert.equal(percent(5, 0), 100);
  assert.equal(percent(7, 5), 100);
  assert.equal(percent(-1, 5), 0);
});

Deno.test("formatDate and formatDateTime: the year and day show; nothing for a non-date", () => {
  const value = "2026-11-25T14:05:00Z";
  assert.match(formatDate(value), /2026/);
  assert.match(formatDate(value), /25/);
  assert.match(formatDateTime(value), /2026/);
  assert.notEqual(formatDateTime(value), formatDate(value));
  for (const bad of [undefined, "", "not a date"]) {
    assert.equal(formatDate(bad), "");
    assert.equal(formatDateTime(bad), "");
  }
});
