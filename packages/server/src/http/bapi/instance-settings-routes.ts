import { instanceSettingsEndpoints } from '@latch/protocol';
import { applySettingsPatch, toInstanceSettingsJSON } from '../../domain/instance-settings-json.js';
import { updateInstanceSettings } from '../../domain/instance-settings-update.js';
import type { InstanceRecord } from '../../store/records.js';
import { type Route, route } from './route.js';

const toInstanceJSON = (instance: InstanceRecord) => ({
  object: 'instance' as const,
  id: instance.id,
  environment_type: instance.environmentType,
  allowed_origins: [...instance.settings.allowedOrigins],
  workspace_id: null,
});

const toRestrictionsJSON = ({ settings: { restrictions } }: InstanceRecord) => ({
  object: 'instance_restrictions' as const,
  allowlist: restrictions.allowlist,
  blocklist: restrictions.blocklist,
  allowlist_blocklist_disabled_on_sign_in: restrictions.allowlistBlocklistDisabledOnSignIn,
  block_email_subaddresses: restrictions.blockEmailSubaddresses,
  // Latch has no list of disposable domains: always off.
  block_disposable_email_domains: false,
});

/**
 * `/instance…`: Clerk's instance endpoints (`GET`/`PATCH /instance`, `PATCH /instance/restrictions`)
 * and Latch's `/instance/settings`, which carries every run-time setting. Every change applies to
 * this process at once and to the others within a second (`instance-settings-watch.ts`).
 */
export const INSTANCE_SETTINGS_ROUTES: Route[] = [
  route(instanceSettingsEndpoints.getInstance, async (_input, { instance }) => toInstanceJSON(instance)),
  route(instanceSettingsEndpoints.updateInstance, async ({ body }, { store, instance, clock }) => {
    const saved = await updateInstanceSettings(
      store,
      instance,
      (current) =>
        applySettingsPatch(current, {
          allowed_origins: body.allowed_origins,
          protection: body.hibp == null ? undefined : { reject_breached_passwords: body.hibp },
        }),
      clock.now(),
    );
    return toInstanceJSON(saved);
  }),
  route(instanceSettingsEndpoints.updateInstanceRestrictions, async ({ body }, { store, instance, clock }) => {
    const saved = await updateInstanceSettings(
      store,
      instance,
      (current) =>
        applySettingsPatch(current, {
          restrictions: {
            allowlist: body.allowlist ?? undefined,
            blocklist: body.blocklist ?? undefined,
            allowlist_blocklist_disabled_on_sign_in: body.allowlist_blocklist_disabled_on_sign_in ?? undefined,
            block_email_subaddresses: body.block_email_subaddresses ?? undefined,
          },
        }),
      clock.now(),
    );
    return toRestrictionsJSON(saved);
  }),
  route(instanceSettingsEndpoints.getInstanceSettings, async (_input, { instance }) =>
    toInstanceSettingsJSON(instance),
  ),
  route(instanceSettingsEndpoints.updateInstanceSettings, async ({ body }, { store, instance, clock }) =>
    toInstanceSettingsJSON(
      await updateInstanceSettings(store, instance, (current) => applySettingsPatch(current, body), clock.now()),
    ),
  ),
];
