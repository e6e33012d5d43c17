/// <reference lib="dom" />
/**
 * Entry of the Zendesk app (`dist/agent/assets/app.js`, loaded by `assets/iframe.html` with its
 * `integrity`): installs the hashes of every file the app can load, which the build writes here,
 * then imports the app (`main.ts`, a chunk) checked against them. It imports nothing statically:
 * a page's `integrity` covers its script only, not what that script imports before it runs, so
 * the app itself and OpenPGP.js come through the checked import.
 *
 * @module
 */
import { pin } from "../src/pins.ts";

pin("__PADLOCK_PINS__", import.meta.url);

import("./main.ts").catch((error) => {
  const app = document.getElementById("app");
  if (app) {
    // Kept here (not imported from `src/_pinned.ts`, which is in the chunks this could not load).
    app.textContent = error?.name === "IntegrityError"
      ? "Padlock's code here differs from its published build, so it was not run."
      : "Padlock could not start. Reload the app.";
  }
  throw error;
});
