/**
 * The main journeys (tests/engines/_journeys.ts) in firefox.
 */
import { registerJourneys } from "./_journeys.ts";

registerJourneys("firefox");
