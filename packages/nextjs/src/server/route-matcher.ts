import type { NextRequest } from 'next/server';

export type RouteMatcherParam = string | RegExp | Array<string | RegExp> | ((request: NextRequest) => boolean);

/**
 * A predicate over requests from path patterns, as Clerk's `createRouteMatcher`: `'/sign-in(.*)'`
 * (a regex group), `'/org/:slug(.*)'` (a named segment with its own pattern), `'/users/:id'` (one
 * segment), or RegExps. A trailing slash is optional, like path-to-regexp's non-strict mode.
 *
 * @example
 * const isPublicRoute = createRouteMatcher(['/', '/sign-in(.*)']);
 * if (!isPublicRoute(request)) await auth.protect();
 */
export function createRouteMatcher(routes: RouteMatcherParam): (request: NextRequest) => boolean {
  if (typeof routes === 'function') return (request) => routes(request);
  const patterns = (Array.isArray(routes) ? routes : [routes]).map((route) =>
    typeof route === 'string' ? patternToRegExp(route) : route,
  );
  return (request) => {
    const pathname = request.nextUrl?.pathname ?? new URL(request.url).pathname;
    return patterns.some((pattern) => pattern.test(pathname));
  };
}

/**
 * Compiles the path-to-regexp subset Clerk's docs use: literals, `:name`, `:name(regex)`, `(regex)`,
 * each optionally followed by `?`, `*` or `+`.
 *
 * @example
 * patternToRegExp('/org/:slug/admin(.*)').test('/org/acme/admin/users') // true
 */
export function patternToRegExp(pattern: string): RegExp {
  let source = '';
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index] as string;
    if (char === ':') {
      const name = /^[A-Za-z0-9_]+/.exec(pattern.slice(index + 1))?.[0];
      if (!name) throw new TypeError(`createRouteMatcher: missing parameter name at ${index} in "${pattern}"`);
      index += 1 + name.length;
      if (pattern[index] === '(') {
        const group = readGroup(pattern, index);
        source += `(${group})`;
        index += group.length + 2;
      } else {
        source += '([^/#?]+?)';
      }
    } else if (char === '(') {
      const group = readGroup(pattern, index);
      source += `(?:${group})`;
      index += group.length + 2;
    } else if ((char === '?' || char === '*' || char === '+') && source.endsWith(')')) {
      source += char;
      index += 1;
    } else {
      source += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      index += 1;
    }
  }
  return new RegExp(`^${source}[/#?]?$`, 'i');
}

/** The text inside the parenthesis group starting at `start` (nested groups allowed). */
function readGroup(pattern: string, start: number): string {
  let depth = 0;
  for (let index = start; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\') {
      index++;
      continue;
    }
    if (char === '(') depth++;
    if (char === ')' && --depth === 0) return pattern.slice(start + 1, index);
  }
  throw new TypeError(`createRouteMatcher: unbalanced "(" in "${pattern}"`);
}
