/**
 * Starts an engine for the cross-engine journeys by name.
 *
 * @module
 */
import { launchChromium } from "./chromium.ts";
import type { Engine, EngineName } from "./driver.ts";
import { launchFirefox } from "./firefox.ts";
import { launchWebKit } from "./webkit.ts";
export * from "./driver.ts";

/**
 * Starts `name` with one tab.
 *
 * @throws {Error} when the engine is not installed or does not start.
 */
export function launchEngine(name: EngineName): Promise<Engine> {
  if (name === "chromium") return launchChromium();
  if (name === "firefox") return launchFirefox();
  return launchWebKit();
}
