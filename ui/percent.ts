/**
 * Progress as a whole percent. A module of its own, apart from `format.ts`: the Help Center
 * loader needs only this, and the words' chunk takes `format.ts` (a module both imported would
 * become a chunk the loader imports statically, which its pins cannot cover).
 *
 * @module
 */

/** Whole percent of `done` over `total`, between 0 and 100 (100 for an empty total). */
export function percent(done: number, total: number): number {
  if (total <= 0) return 100;
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)));
}
