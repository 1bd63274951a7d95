import { afterAll, beforeAll, describe } from 'vitest';
import { organizationsScenario } from './scenarios/organizations.js';
import { sdkScenario } from './scenarios/sdk.js';
import { uiScenario } from './scenarios/ui.js';
import { buildApp } from './support/example-app.js';
import { createExampleContext, type ExampleContext, startExample, stopExample } from './support/example-context.js';

/**
 * examples/nextjs — a real Next.js 16 app on @latch/nextjs, written like the product description's
 * samples — against a running Latch, in Debian's Chromium. The browser only ever talks to the app:
 * `@latch/js` reaches Latch's Frontend API through the middleware's `/__latch` proxy, and the app
 * server calls Latch's Backend API.
 *
 * This is the ONLY test file of the example: it builds the app once (`next build` into `.next`, two
 * test files building it at the same time would clobber each other; a lock directory also serializes
 * the builds of two concurrent runs), then, per database, starts Latch,
 * its SMTP sink, `next start` and Chromium once and runs every scenario module against them. A new
 * scenario is a file in ./scenarios exporting `(context: ExampleContext) => void` that registers its
 * `it(...)`s, plus one line in SCENARIOS below.
 */
const SCENARIOS: Array<[name: string, register: (context: ExampleContext) => void]> = [
  ['SDK: middleware, server helpers, token refresh (issue #4)', sdkScenario],
  ['UI: SignIn, SignUp, UserButton, UserProfile (issue #5)', uiScenario],
  ['Organizations: switcher, profile, roles and permissions (issue #6)', organizationsScenario],
];

beforeAll(async () => {
  // The build inlines nothing per run, so it is shared by both databases (and cached between runs).
  await buildApp();
}, 300_000);

describe.each(['sqlite', 'postgres'] as const)('examples/nextjs against Latch (%s)', (kind) => {
  const context = createExampleContext(kind);

  beforeAll(() => startExample(context), 120_000);
  afterAll(() => stopExample(context));

  for (const [name, register] of SCENARIOS) describe(name, () => register(context));
});
