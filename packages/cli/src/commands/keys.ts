import { parseArgs } from 'node:util';
import { encodePublishableKey } from '@latch/protocol';
import {
  configFromEnv,
  createSecretKey,
  createStore,
  LatchAPIError,
  parseDatabaseUrl,
  pickSigningKey,
  publicKeyPem,
  revokeSecretKey,
  rotateInstanceSigningKey,
  type ServerConfig,
  type Store,
} from '@latch/server';
import { bold, dim, green, print, printError, printRows, yellow } from '../output.js';

const USAGE = `Usage:
  latch keys                     Show the publishable key, secret keys and signing keys
  latch keys create [--name N]   Create a secret key (shown once)
  latch keys revoke <sak_id>     Revoke a secret key
  latch keys rotate [--now]      Rotate the signing key (published now, signs after the publish delay;
                                 --now, for a compromised key: signs at once and drops the old key)
  latch keys pem                 Print the signing key's public PEM (networkless token verification)`;

/** `latch keys …`: works directly on the database, with or without a running server. */
export async function runKeys(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, now: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    print(USAGE);
    return 0;
  }
  const config = configFromEnv(env, { instanceType: 'development' });
  const location = parseDatabaseUrl(config.databaseUrl);
  if (!location) throw new Error(`Unsupported DATABASE_URL: ${config.databaseUrl}`);
  const store = await createStore(location);
  try {
    const instance = await store.instance.get();
    if (!instance) {
      printError(
        `No instance in ${config.databaseUrl} yet. Start Latch once (\`latch dev\` or \`latch start\`) to create it.`,
      );
      return 1;
    }
    const [command, ...rest] = positionals;
    const now = Date.now();
    switch (command) {
      case undefined:
      case 'list':
        await showKeys(
          store,
          config,
          encodePublishableKey(new URL(config.frontendApiUrl).host, instance.environmentType),
          now,
        );
        return 0;
      case 'create': {
        const { secret, record } = await createSecretKey(
          store,
          instance.environmentType,
          now,
          values.name ?? 'Secret key',
        );
        print(`${green('✔')} Created ${record.id} (${record.name}). Store it now — it is not shown again:`);
        print();
        print(`  ${secret}`);
        return 0;
      }
      case 'revoke': {
        const [id] = rest;
        if (!id) {
          printError('Say which key: latch keys revoke <sak_id> (ids are listed by `latch keys`).');
          return 2;
        }
        try {
          // The same rules as the Backend API: never the last active key; audited as secret_key.revoked.
          await revokeSecretKey(store, id, null, now);
        } catch (error) {
          if (!(error instanceof LatchAPIError)) throw error;
          printError(error.status === 404 ? `No secret key with id ${id}.` : error.message);
          return 1;
        }
        print(`${green('✔')} Revoked ${id}. Requests using it now get 401 clerk_key_invalid.`);
        return 0;
      }
      case 'rotate': {
        // Planned: the previous key stays published as long as the longest-lived token it signed.
        // --now (compromised): it goes at once.
        const { key, previousRetiresAt } = await rotateInstanceSigningKey(store, now, {
          publishDelayMs: config.signingKeyPublishDelaySeconds * 1000,
          sessionTokenLifetimeSeconds: instance.settings.sessions.tokenLifetimeSeconds,
          compromised: values.now === true,
        });
        print(`${green('✔')} New signing key ${key.kid} is published in the JWKS now.`);
        print(
          values.now
            ? '  It signs now; the previous key has left the JWKS. Tokens it signed stop verifying once verifiers refetch the JWKS.'
            : `  It signs from ${new Date(key.activatesAt).toISOString()}; the previous key leaves the JWKS at ${new Date(previousRetiresAt).toISOString()}.`,
        );
        return 0;
      }
      case 'pem': {
        const signing = pickSigningKey(await store.signingKeys.listPublished(now), now);
        if (!signing) {
          printError('No signing key is active.');
          return 1;
        }
        process.stdout.write(publicKeyPem(signing));
        return 0;
      }
      default:
        printError(`Unknown keys command: ${command}`);
        print(USAGE);
        return 2;
    }
  } finally {
    await store.close();
  }
}

async function showKeys(store: Store, config: ServerConfig, publishableKey: string, now: number): Promise<void> {
  print(bold('Publishable key'));
  printRows([[config.frontendApiUrl, publishableKey]]);
  print();
  print(bold('Secret keys') + dim('  (only hashes are stored; the last four characters identify each)'));
  const secretKeys = await store.secretKeys.list();
  printRows(
    secretKeys.map((key) => [
      key.id,
      `…${key.hint}  ${key.name}  ${dim(`created ${new Date(key.createdAt).toISOString()}`)}${key.revokedAt ? `  ${yellow('revoked')}` : ''}`,
    ]),
  );
  print();
  print(bold('Signing keys') + dim('  (RS256, published at /.well-known/jwks.json)'));
  const published = await store.signingKeys.listPublished(now);
  const signing = pickSigningKey(published, now);
  printRows(
    published.map((key) => {
      const status =
        key === signing
          ? green('signing')
          : key.activatesAt > now
            ? `published, signs from ${new Date(key.activatesAt).toISOString()}`
            : `retiring at ${new Date(key.retiresAt ?? now).toISOString()}`;
      return [key.kid, status];
    }),
  );
}
