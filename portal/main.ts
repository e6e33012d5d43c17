/// <reference lib="dom" />
/**
 * Entry of the portal script (`dist/portal/portal.js`), loaded by the pages the service renders.
 * Each page says what it is in `<body data-page>`; pages without a script need none.
 *
 * @module
 */
import { closeThisTab } from "./close_tab.ts";
import { startReceivePage } from "./receive.ts";
import { startUploadPage } from "./upload.ts";
import { pin } from "../src/pins.ts";
import { readPageWords } from "./strings.ts";

// First: the hashes of the workers this script starts, written here by the build (the page
// pins this script with its `integrity`).
pin("__PADLOCK_PINS__", import.meta.url);

readPageWords(document);
const card = document.getElementById("app");

// The language menu: on the receive page the link's key is in the fragment, which a form's
// navigation would drop; the choice goes in the background and the page reloads as it is.
const menu = document.querySelector<HTMLFormElement>('[data-role="language-menu"]');
if (menu && document.body.dataset.page === "receive") {
  menu.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = new URLSearchParams(new FormData(menu) as unknown as Record<string, string>);
    void fetch(`/language?${query}`, { credentials: "same-origin", redirect: "manual" })
      .finally(() => location.reload());
  });
}
switch (document.body.dataset.page) {
  case "receive":
    if (card) void startReceivePage(card);
    break;
  case "upload":
    if (card) startUploadPage(card);
    break;
  case "close":
    closeThisTab();
    break;
}
