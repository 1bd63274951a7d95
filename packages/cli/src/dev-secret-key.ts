import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { authenticateSecretKey, createSecretKey, type Store } from '@latch/server';

/**
 * Development only: the database keeps secret keys as hashes, yet `latch dev` should print a working
 * key on every start. So the plaintext of one development key is kept in the data directory
 * (git-ignored, mode 0600) — never for production instances, whose keys are shown once.
 */
export async function developmentSecretKey(
  store: Store,
  dataDir: string,
  created: string | null,
  now: number,
): Promise<string> {
  const file = join(dataDir, 'dev-secret-key');
  if (created) {
    save(file, created);
    return created;
  }
  if (existsSync(file)) {
    const saved = readFileSync(file, 'utf8').trim();
    if (await authenticateSecretKey(store, saved)) return saved;
  }
  const { secret } = await createSecretKey(store, 'development', now, 'Development key');
  save(file, secret);
  return secret;
}

function save(file: string, secret: string): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}
