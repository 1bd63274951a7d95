import type { AppContext } from '../../../app-context.js';
import { ORGANIZATION_SETTINGS_CHANGE } from '../../../store/store-changes.js';
import { type EnvironmentOrganizationSettings, toEnvironmentJSON } from '../environment-json.js';
import { fapiRoute } from '../fapi-route.js';

/**
 * How long a built environment body is served, in ms, when nothing this process can see has
 * changed: organization settings or roles changed by *another* Latch process show within it (this
 * process's own writes rebuild it at once; instance settings changed elsewhere arrive through
 * `watchInstanceSettings`, which replaces the settings object and so rebuilds it too).
 */
export const ENVIRONMENT_FRESH_MS = 1_000;

/** What a body was built from: the settings object, and `store.changes.seq` before the reads. */
interface BuildStamp {
  settings: AppContext['instance']['settings'];
  seq: number;
}

/** Per running app (tests run several in one process). */
const built = new WeakMap<AppContext, BuildStamp & { text: string; builtAt: number }>();
/**
 * A build under way: requests arriving meanwhile wait for it rather than each reading the store —
 * unless something it shows changed after it started (then they start their own).
 */
const building = new WeakMap<AppContext, BuildStamp & { text: Promise<string> }>();

/**
 * `GET /v1/environment` (production keys) and `PATCH` (development keys send it on every load).
 * clerk-js asks for it on every page load, beside `GET /v1/client`; building it meant three queries
 * and serializing ~4 KB, so the body is kept until the instance's settings, its organization
 * settings or its roles change (or `ENVIRONMENT_FRESH_MS` passes). It never depends on the browser.
 */
const environment = fapiRoute(
  'GET',
  '/environment',
  async ({ app }) => ({ response: undefined, responseText: await environmentText(app), envelope: false }),
  { clientFree: true },
);

/** Whether nothing the body shows has changed in this process since `stamp`. */
const unchangedSince = (app: AppContext, stamp: BuildStamp) =>
  stamp.settings === app.instance.settings &&
  !app.store.changes.changedSince([ORGANIZATION_SETTINGS_CHANGE], stamp.seq);

async function environmentText(app: AppContext): Promise<string> {
  const now = performance.now();
  const cached = built.get(app);
  if (cached && now - cached.builtAt < ENVIRONMENT_FRESH_MS && unchangedSince(app, cached)) return cached.text;
  const inFlight = building.get(app);
  if (inFlight && unchangedSince(app, inFlight)) return inFlight.text;
  const stamp: BuildStamp = { settings: app.instance.settings, seq: app.store.changes.seq };
  const build = { ...stamp, text: buildEnvironment(app, stamp, now) };
  building.set(app, build);
  const done = () => building.get(app) === build && building.delete(app);
  build.text.then(done, done);
  return build.text;
}

async function buildEnvironment(app: AppContext, stamp: BuildStamp, now: number): Promise<string> {
  const text = JSON.stringify(
    toEnvironmentJSON(app.instance, {
      frontendApiUrl: app.config.frontendApiUrl,
      organizations: await organizationSettingsOf(app),
    }),
  );
  built.set(app, { ...stamp, text, builtAt: now });
  return text;
}

/** The organization settings as clerk-js reads them: role keys, not ids (one page load, a few reads). */
async function organizationSettingsOf({ store }: AppContext): Promise<EnvironmentOrganizationSettings> {
  const settings = await store.organizations.getSettings();
  const [creatorRole, defaultRole] = await Promise.all([
    store.organizations.roles.findById(settings.creatorRoleId),
    store.organizations.roles.findById(settings.domainsDefaultRoleId),
  ]);
  return {
    enabled: settings.enabled,
    maxAllowedMemberships: settings.maxAllowedMemberships,
    adminDeleteEnabled: settings.adminDeleteEnabled,
    domainsEnabled: settings.domainsEnabled,
    enrollmentModes: settings.domainsEnrollmentModes,
    creatorRole: creatorRole?.key ?? 'org:admin',
    defaultRole: defaultRole?.key ?? null,
  };
}

export const ENVIRONMENT_ROUTES = [environment, { ...environment, method: 'PATCH' as const }];
