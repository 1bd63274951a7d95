import { z } from 'zod';
import { WEBHOOK_CONFIG_ENV, WebhookConfigSchema } from './domain/webhooks/webhook-config.js';
import { MAIL_CONFIG_ENV, MailConfigSchema } from './mail/mail-config.js';
import { parseDatabaseUrl } from './store/open-database.js';

/**
 * Server settings, read once at startup from the environment (`LATCH_*`, `DATABASE_URL`, `PORT`).
 * Every invalid key is reported with its name before anything starts; the result is frozen.
 */
const ServerConfigSchema = z.object({
  instanceType: z.enum(['development', 'production']),
  port: z.coerce.number().int().min(0).max(65535).default(4000),
  host: z.string().min(1).default('127.0.0.1'),
  databaseUrl: z
    .string()
    .optional()
    .refine(
      (url) => url === undefined || parseDatabaseUrl(url) !== null,
      'must be postgres://…, sqlite:<path> or a file path',
    ),
  /** Public URL of the Frontend API; its host (with port) is what the publishable key encodes. */
  frontendApiUrl: z
    .url({ protocol: /^https?$/ })
    .optional()
    .refine((url) => url === undefined || new URL(url).host.includes('.'), {
      message: "host must contain a dot (Clerk's SDKs reject keys for hosts like localhost); use 127.0.0.1 or a domain",
    }),
  logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  logFormat: z.enum(['json', 'pretty']).default('json'),
  maxBodyBytes: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(512 * 1024),
  /** How long a rotated-in signing key is published before it signs (Clerk's SDKs cache JWKS for 5 minutes). */
  signingKeyPublishDelaySeconds: z.coerce.number().int().min(0).default(300),
  /** Believe `X-Forwarded-For` (only behind a proxy that sets it: it decides per-IP rate limits). */
  trustProxy: z.union([z.boolean(), z.stringbool()]).default(false),
  /** Where development keys and the default SQLite file live. */
  dataDir: z.string().min(1).default('.latch'),
  /** Milliseconds in-flight requests get to finish on SIGTERM. */
  shutdownGraceMs: z.coerce.number().int().min(0).default(10_000),
});

export const ConfigSchema = z.object({
  ...ServerConfigSchema.shape,
  ...MailConfigSchema.shape,
  ...WebhookConfigSchema.shape,
});

export type ServerConfig = Readonly<z.output<typeof ConfigSchema> & { frontendApiUrl: string; databaseUrl: string }>;

/** Environment variable name for each config key, so errors name what the operator actually sets. */
export const CONFIG_ENV: Record<keyof z.input<typeof ConfigSchema>, string> = {
  instanceType: 'LATCH_INSTANCE_TYPE',
  port: 'PORT',
  host: 'LATCH_HOST',
  databaseUrl: 'DATABASE_URL',
  frontendApiUrl: 'LATCH_FRONTEND_API_URL',
  logLevel: 'LATCH_LOG_LEVEL',
  logFormat: 'LATCH_LOG_FORMAT',
  maxBodyBytes: 'LATCH_MAX_BODY_BYTES',
  signingKeyPublishDelaySeconds: 'LATCH_SIGNING_KEY_PUBLISH_DELAY_SECONDS',
  shutdownGraceMs: 'LATCH_SHUTDOWN_GRACE_MS',
  dataDir: 'LATCH_DATA_DIR',
  trustProxy: 'LATCH_TRUST_PROXY',
  ...MAIL_CONFIG_ENV,
  ...WEBHOOK_CONFIG_ENV,
};

/** Thrown at startup with one line per bad setting. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates raw settings (already keyed by config name) and freezes them.
 *
 * @example
 * parseConfig({ instanceType: 'development', port: '4000' })
 */
export function parseConfig(raw: Record<string, unknown>): ServerConfig {
  const defined = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''));
  const result = ConfigSchema.safeParse(defined);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '');
        const env = CONFIG_ENV[key as keyof typeof CONFIG_ENV];
        return `${env ?? key}${env ? ` (${key})` : ''}: ${issue.message}`;
      }),
    );
  }
  // Unset, the Frontend API is this server itself; 127.0.0.1 rather than localhost because Clerk's
  // SDKs reject publishable keys whose host has no dot.
  const databaseUrl = result.data.databaseUrl ?? `${result.data.dataDir}/latch.db`;
  const frontendApiUrl = (result.data.frontendApiUrl ?? `http://127.0.0.1:${result.data.port}`).replace(/\/+$/, '');
  return Object.freeze({ ...result.data, databaseUrl, frontendApiUrl });
}

/** Reads config from environment variables (used by the CLI and main.ts only). */
export function configFromEnv(
  env: Record<string, string | undefined>,
  overrides: Record<string, unknown> = {},
): ServerConfig {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(CONFIG_ENV)) raw[key] = env[name];
  raw.port = env.PORT ?? env.LATCH_PORT;
  return parseConfig({ ...raw, ...overrides });
}
