/**
 * A small path router for the API: patterns such as `/package/:packageId/file/`,
 * matched with or without the trailing slash (SDKs use both forms, spec 1.1).
 *
 * @module
 */

/** A compiled route: method, pattern and whatever the caller attaches (`T`). */
export interface RouteEntry<T> {
  /** HTTP method in upper case. */
  method: string;
  /** Path pattern below the API prefix; `:name` captures one segment. */
  pattern: string;
  /** What the app needs to run the route. */
  value: T;
}

/** The outcome of matching a path. */
export interface RouteMatch<T> {
  /** The matching entry. */
  entry: RouteEntry<T>;
  /** Captured segments, still percent-encoded exactly as received. */
  params: Record<string, string>;
}

function segmentsOf(path: string): string[] {
  return path.split("/").filter((segment, index, all) =>
    // Drop the empty segment before the leading slash and after a trailing slash.
    !(segment === "" && (index === 0 || index === all.length - 1))
  );
}

/**
 * Matches request paths against routes in the order they were added, so literal
 * routes (`/package/received/`) must come before captures (`/package/:id/`).
 */
export class Router<T> {
  #routes: { entry: RouteEntry<T>; segments: string[] }[] = [];

  /** Adds a route. */
  add(method: string, pattern: string, value: T): this {
    this.#routes.push({ entry: { method, pattern, value }, segments: segmentsOf(pattern) });
    return this;
  }

  /**
   * Finds the route for a method and path.
   *
   * @returns the match, `"method"` when the path exists for another method only, or `undefined`.
   */
  match(method: string, path: string): RouteMatch<T> | "method" | undefined {
    const segments = segmentsOf(path);
    let pathExists = false;
    for (const route of this.#routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.entry.method === method) return { entry: route.entry, params };
      pathExists = true;
    }
    return pathExists ? "method" : undefined;
  }
}

function matchSegments(pattern: string[], path: string[]): Record<string, string> | undefined {
  if (pattern.length !== path.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i].startsWith(":")) {
      if (path[i] === "") return undefined;
      params[pattern[i].slice(1)] = path[i];
    } else if (pattern[i] !== path[i]) {
      return undefined;
    }
  }
  return params;
}
