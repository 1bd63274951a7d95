import { parseArgs } from 'node:util';
import {
  configFromEnv,
  createOperator,
  createSignInLink,
  createStore,
  type OperatorRole,
  operatorSignInUrl,
  parseDatabaseUrl,
  totpUri,
} from '@latch/server';
import { bold, dim, green, print, printError, printRows } from '../output.js';

const USAGE = `Usage:
  latch operators                          List the people who can sign in to the dashboard
  latch operators create --email E [--role owner|admin|support] [--name N] [--password-stdin] [--totp]
                                           Create an operator. Production requires a password (read from
                                           stdin) and enrols TOTP; the secret is printed once.
  latch operators link <email>             Print a one-time sign-in link (development instances)

Operators are not app users: they run the instance. Roles: owner and admin change anything; support
reads, unlocks users and resends messages.`;

const ROLES = ['owner', 'admin', 'support'];

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing newline is the terminal's, not the password's.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** `latch operators …`: works directly on the database, with or without a running server. */
export async function runOperators(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      role: { type: 'string', default: 'owner' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      totp: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
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
      printError(`No instance in ${config.databaseUrl} yet. Start Latch once (\`latch dev\` or \`latch start\`).`);
      return 1;
    }
    const production = instance.environmentType === 'production';
    const [command, ...rest] = positionals;
    const now = Date.now();
    switch (command) {
      case undefined:
      case 'list': {
        const operators = await store.operators.list();
        if (operators.length === 0) print(dim('  No operators yet: latch operators create --email you@example.com'));
        printRows(
          operators.map((operator) => [
            operator.id,
            `${operator.email} ${dim(operator.role)}${operator.totpSecret ? dim(' · TOTP') : ''}`,
          ]),
        );
        return 0;
      }
      case 'create': {
        if (!values.email) {
          printError('Say who: latch operators create --email you@example.com');
          return 2;
        }
        if (!ROLES.includes(values.role as string)) {
          printError('--role must be owner, admin or support.');
          return 2;
        }
        const password = values['password-stdin'] ? await readStdin() : null;
        if (production && !password) {
          printError('Production operators need a password: echo "…" | latch operators create --password-stdin …');
          return 2;
        }
        const { operator, totpSecret } = await createOperator(
          store,
          {
            email: values.email,
            name: values.name ?? null,
            role: values.role as OperatorRole,
            password,
            totp: production || values.totp === true,
          },
          now,
        );
        print(`${green('✔')} Created operator ${operator.id} (${operator.email}, ${operator.role}).`);
        if (totpSecret) {
          print();
          print(`  ${bold('Add this to an authenticator app now — it is not shown again:')}`);
          printRows([
            ['Secret', totpSecret],
            ['URI', totpUri(totpSecret, operator.email)],
          ]);
        }
        if (!production) {
          const { token } = await createSignInLink(store, operator.id, now);
          print();
          print(`  One-time sign-in link (15 minutes): ${operatorSignInUrl(config.frontendApiUrl, token)}`);
        }
        return 0;
      }
      case 'link': {
        if (production) {
          printError('Sign-in links are for development instances; production operators use password + TOTP.');
          return 1;
        }
        const [email] = rest;
        const operator = email ? await store.operators.findByEmail(email.toLowerCase()) : null;
        if (!operator) {
          printError(email ? `No operator ${email}.` : 'Say who: latch operators link <email>');
          return email ? 1 : 2;
        }
        const { token } = await createSignInLink(store, operator.id, now);
        print(operatorSignInUrl(config.frontendApiUrl, token));
        return 0;
      }
      default:
        printError(`Unknown operators command: ${command}`);
        print(USAGE);
        return 2;
    }
  } finally {
    await store.close();
  }
}
