/// <reference lib="dom" />
/**
 * Entry of the portal script (`dist/portal/portal.js`), loaded by the pages the service renders.
 * Each page says what it is in `<body data-page>`; pages without a script need none.
 *
 * @module
 */
import { closeThisTab } from "./close_tab.ts";
import { startReceivePage } from "./receive.ts";
import { pin } from "../src/pins.ts";

// First: the hashes of the workers this script starts, written here by the build (the page
// pins this script with its `integrity`).
pin("__PADLOCK_PINS__", import.meta.url);

const card = document.getElementById("app");
switch (document.body.dataset.page) {
  case "receive":
    if (card) void startReceivePage(card);
    break;
  case "close":
    closeThisTab();
    break;
}
