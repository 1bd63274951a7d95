import type { Endpoint } from '@latch/protocol';
import fc from 'fast-check';
import { z } from 'zod';

/**
 * Generators for random Backend API requests. They are derived from each endpoint's own zod schemas
 * (field names, types, limits), so an endpoint added to BACKEND_API_ROUTES is fuzzed without edits here.
 *
 * Values the generator cannot know in advance (ids of users that exist right now, their emails…) are
 * written as tokens, `@@user_id:3`, which the harness swaps for live values just before sending.
 */

/** The plaintext password of every seeded user. */
export const SEED_PASSWORD = 'correct horse battery staple';

export type TokenKind = 'user_id' | 'email' | 'email_id' | 'phone' | 'phone_id' | 'username' | 'external_id';
export const TOKEN_PATTERN = /@@(user_id|email_id|email|phone_id|phone|username|external_id):(\d+)/g;

export type PathId =
  /** The `index`-th user that exists when the request is sent (modulo the count). */
  | { kind: 'existing'; index: number }
  /** A literal segment, percent-encoded (`component`) or pasted into the URL as is (`raw`). */
  | { kind: 'literal'; value: string; encoding: 'component' | 'raw' };

export type FuzzBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; bytes: number[] };

export const AUTH_VARIANTS = [
  'valid',
  'valid-lowercase-scheme',
  'missing',
  'empty',
  'no-scheme',
  'basic',
  'wrong-key',
  'malformed-key',
  'two-tokens',
  'live-prefix',
] as const;
export type AuthVariant = (typeof AUTH_VARIANTS)[number];

export interface FuzzRequest {
  pathIds: Record<string, PathId>;
  /** Raw query string without `?`; may hold tokens and deliberately broken percent-encoding. */
  query: string;
  body: FuzzBody;
  contentType: string | null;
  auth: AuthVariant;
}

/** Lone surrogates become U+FFFD (as UTF-8 encoding would make them); pairs stay. `encodeURIComponent` needs this. */
export const wellFormed = (text: string) =>
  text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

const token = (kind: TokenKind) => fc.nat(40).map((index) => `@@${kind}:${index}`);

// ─── Scalars ─────────────────────────────────────────────────────────────────────────────────────

const NASTY_STRINGS = [
  '',
  ' ',
  '   ',
  '\u0000',
  'a\u0000b',
  '\u0000\u0000\u0000\u0000',
  '\ud800',
  'x\udc00y',
  '💥',
  '👩‍👩‍👧‍👦',
  'İstanbul',
  'ß',
  'ǅ',
  '\u202eevil',
  '\ufeff',
  '\u2028',
  '\u00a0',
  '%',
  '%00',
  '%2F',
  '%2e%2e',
  '%zz',
  '%E0%A4%A',
  '..',
  '../',
  '/',
  '\\',
  '_',
  '%_',
  '*',
  "'",
  '"',
  '`',
  "' OR 1=1 --",
  "'; drop table user; --",
  '--',
  ';',
  'null',
  'undefined',
  'true',
  'false',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e999',
  '0x10',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent literally
  '${7*7}',
  '{{7*7}}',
  '\r\n',
  '\t',
  'Bearer',
  'user_',
  'user_0000000000000000000000',
  'user_zzzzzzzzzzzzzzzzzzzzzz',
  'idn_0000000000000000000000',
  'a@b',
  'a@b.c',
  'no-at-sign.example.com',
  '@example.com',
  'x@@example.com',
  '+14155550100',
  '+0',
  'count',
];

const LONG_LENGTHS = [
  4, 33, 35, 36, 63, 64, 65, 72, 73, 128, 129, 256, 257, 320, 321, 512, 513, 1024, 1025, 8200, 20_000,
];
const longString = fc
  .tuple(fc.constantFrom('a', 'A', 'é', '💥', '\u0000', '%', '_', 'x@y.zz'), fc.constantFrom(...LONG_LENGTHS))
  .map(([unit, count]) => unit.repeat(count));

export const anyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string() },
  { weight: 2, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii' }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme' }) },
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: longString },
);

export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    0.5,
    -0.5,
    1.5,
    2 ** 15,
    2 ** 31 - 1,
    2 ** 31,
    2 ** 32,
    2 ** 53 - 1,
    2 ** 53,
    2 ** 63,
    1e21,
    1e308,
    -1e308,
    Number.MIN_VALUE,
    -(2 ** 31),
    -(2 ** 53),
  ),
  fc.integer(),
  fc.maxSafeInteger(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const scalar = fc.oneof(anyString, anyNumber, fc.boolean(), fc.constant(null));

/** Objects whose keys try to reach prototypes; built with JSON.parse so `__proto__` stays an own key. */
const PROTO_OBJECTS = [
  '{"__proto__":{"polluted":true}}',
  '{"__proto__":null}',
  '{"__proto__":[]}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"a":{"__proto__":{"isAdmin":true}}}',
  '{"hasOwnProperty":1,"toString":"x","valueOf":null,"toJSON":"y"}',
  '{"__proto__":{"toString":null},"x":null}',
];
export const protoObject = fc.constantFrom(...PROTO_OBJECTS).map((text) => JSON.parse(text) as Record<string, unknown>);

/**
 * `{"a":{"a":…}}` nested `depth` levels, as a value (JSON.stringify, here too, fails past a few
 * thousand levels); deeper bodies are generated as text by `malformedText`.
 */
function nested(depth: number, leaf: unknown = 1, key = 'a'): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { [key]: value };
  return value;
}
const deepObject = fc
  .tuple(fc.constantFrom(10, 100, 1000, 2500), fc.constantFrom<unknown>(1, null, 'x'))
  .map(([depth, leaf]) => nested(depth, leaf));

export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>([], {}, [[]], [{}], { '': '' }, [null], { a: null }) },
  { weight: 1, arbitrary: protoObject },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2, stringUnit: 'binary' }) },
  { weight: 1, arbitrary: fc.object({ maxDepth: 2 }) },
  { weight: 1, arbitrary: deepObject },
);

// ─── Field-aware values ──────────────────────────────────────────────────────────────────────────

const emailish = fc.oneof(
  { weight: 3, arbitrary: token('email') },
  { weight: 3, arbitrary: fc.emailAddress() },
  { weight: 2, arbitrary: fc.uuid().map((id) => `fuzz-${id}@example.com`) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'UPPER@EXAMPLE.COM',
      ' padded@example.com ',
      'noatsign',
      'a@b',
      'a@b.c',
      'two@@example.com',
      'space in@example.com',
      'x@example.com\u0000',
      'ünïcødé@exämple.com',
      `${'a'.repeat(310)}@example.com`,
      `${'a'.repeat(320)}@example.com`,
      '"quoted"@example.com',
      'a@[127.0.0.1]',
    ),
  },
  { weight: 1, arbitrary: anyString },
);

const phoneish = fc.oneof(
  { weight: 3, arbitrary: token('phone') },
  { weight: 3, arbitrary: fc.stringMatching(/^\+1[2-9]\d{9}$/) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '+14155550100',
      '+1 (415) 555-0100',
      '+1.415.555.0100',
      '14155550100',
      '+0123456789',
      '+123456',
      '+1234567',
      '+123456789012345',
      '+1234567890123456',
      '+١٢٣٤٥٦٧٨',
      '+1415555010\u0000',
    ),
  },
  { weight: 1, arbitrary: anyString },
);

const usernameish = fc.oneof(
  { weight: 3, arbitrary: token('username') },
  { weight: 3, arbitrary: fc.stringMatching(/^[a-z0-9_.-]{4,20}$/) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'abc',
      'abcd',
      'ABCD',
      ' abcd ',
      'a b c d',
      'ünïcode',
      'a'.repeat(64),
      'a'.repeat(65),
      'abc\u0000',
    ),
  },
  { weight: 1, arbitrary: anyString },
);

/** Mostly passwords the policy rejects: a valid one costs an argon2 hash (~25 ms). */
const passwordish = fc.oneof(
  { weight: 1, arbitrary: fc.constant(SEED_PASSWORD) },
  { weight: 1, arbitrary: fc.string({ minLength: 8, maxLength: 20 }) },
  {
    weight: 4,
    arbitrary: fc.constantFrom('', ' ', 'short', '1234567', 'x'.repeat(73), '💥'.repeat(73), '\u0000'.repeat(8)),
  },
  { weight: 3, arbitrary: fc.string({ maxLength: 7 }) },
  { weight: 1, arbitrary: longString },
);

const digestish = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA',
      '$argon2i$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo',
      `$2b$04$${'a'.repeat(53)}`,
      `$2y$10$${'./'.repeat(26)}a`,
      'scrypt:32768:8:1$salt$abcdef0123',
      'scrypt:1048576:64:1$salt$abcdef0123',
      'scrypt:3:8:1$salt$abcdef0123',
      'pbkdf2_sha256$1000$salt$aGFzaA==',
      'pbkdf2_sha256$0$salt$aGFzaA==',
      'pbkdf2_sha256$99999999999$salt$aGFzaA==',
      'pbkdf2_sha256$1000$salt$',
      '$argon2id$',
      'plaintext',
      '',
    ),
  },
  { weight: 1, arbitrary: anyString },
);

const datetimeish = fc.oneof(
  {
    weight: 2,
    arbitrary: fc
      .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
      .map((date) => date.toISOString()),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '2024-01-01T00:00:00Z',
      '2024-01-01T00:00:00.123456789+05:30',
      '1970-01-01T00:00:00Z',
      '1969-12-31T23:59:59Z',
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:59:59.999-12:00',
      '+275760-09-13T00:00:00Z',
      '2024-02-30T00:00:00Z',
      '2024-13-01T00:00:00Z',
      '2024-01-01T24:00:00Z',
      '2024-01-01T00:00:60Z',
      '2024-01-01',
      '2024-01-01T00:00:00',
      '1704067200000',
    ),
  },
  { weight: 1, arbitrary: anyString },
);

const metadataish: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }) },
  {
    weight: 2,
    arbitrary: fc.dictionary(
      fc.constantFrom('a', 'b', 'role', 'nested', '__proto__', 'constructor', ''),
      fc.oneof(fc.constant(null), fc.jsonValue({ maxDepth: 2 }), fc.constantFrom({ b: null }, { c: { d: null } })),
      { maxKeys: 4 },
    ),
  },
  { weight: 1, arbitrary: protoObject },
  { weight: 1, arbitrary: fc.constantFrom(4000, 8150, 8200, 20_000).map((size) => ({ big: 'x'.repeat(size) })) },
  { weight: 1, arbitrary: deepObject },
  { weight: 1, arbitrary: anyValue },
);

/** Peels optional/nullable/default/transform wrappers off a zod field. */
function unwrap(schema: z.ZodType): z.ZodType {
  let inner: z.ZodType = schema;
  for (;;) {
    if (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable || inner instanceof z.ZodDefault) {
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodPipe) {
      inner = inner.in as z.ZodType;
    } else {
      return inner;
    }
  }
}

/** A plausible value for a field, by name first and then by zod type; often valid, often just off. */
function plausibleValue(name: string, field: z.ZodType): fc.Arbitrary<unknown> {
  const schema = unwrap(field);
  const listOf = (item: fc.Arbitrary<unknown>) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.array(item, { maxLength: 3 }) },
      { weight: 1, arbitrary: fc.array(item, { maxLength: 25 }) },
    );
  const many = schema instanceof z.ZodArray;
  const one = (): fc.Arbitrary<unknown> => {
    if (/^email_address$/.test(name)) return emailish;
    if (/^phone_number$/.test(name)) return phoneish;
    if (name === 'username') return usernameish;
    if (name === 'external_id') return fc.oneof(token('external_id'), fc.uuid(), anyString);
    if (name === 'user_id') return fc.oneof(token('user_id'), anyString);
    if (name === 'password') return passwordish;
    if (name === 'password_digest') return digestish;
    if (name === 'primary_email_address_id') return fc.oneof(token('email_id'), token('phone_id'), anyString);
    if (name === 'primary_phone_number_id') return fc.oneof(token('phone_id'), token('email_id'), anyString);
    if (name.endsWith('_metadata')) return metadataish;
    const element = many ? unwrap((schema as z.ZodArray<z.ZodType>).element) : schema;
    if (element instanceof z.ZodEnum) {
      return fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...(element.options as unknown[])) },
        { weight: 1, arbitrary: anyString },
      );
    }
    if (element instanceof z.ZodString) {
      if ((element._zod.def as { format?: string }).format === 'datetime') return datetimeish;
      const max = element.maxLength ?? 64;
      return fc.oneof(
        { weight: 3, arbitrary: fc.string({ maxLength: Math.min(max, 40) }) },
        {
          weight: 1,
          arbitrary: fc.constantFrom('x'.repeat(max), 'x'.repeat(max + 1), 'é'.repeat(max), '💥'.repeat(max)),
        },
        { weight: 2, arbitrary: anyString },
      );
    }
    if (element instanceof z.ZodNumber) {
      return fc.oneof(fc.integer({ min: -5, max: 1000 }), anyNumber);
    }
    if (element instanceof z.ZodBoolean) return fc.boolean();
    if (element instanceof z.ZodRecord) return metadataish;
    return anyValue;
  };
  return many ? listOf(one()) : one();
}

/** Either a plausible value or a wrong one (wrong type, null, edge case). */
function fieldValue(name: string, field: z.ZodType): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: plausibleValue(name, field) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: anyValue },
  );
}

function shapeOf(schema: z.ZodType | undefined): Record<string, z.ZodType> {
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {};
}

// ─── Bodies ──────────────────────────────────────────────────────────────────────────────────────

const unknownKey = fc.oneof(
  fc.string(),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'object', 'banned', ''),
);

/** An object of the endpoint's real fields (a random subset), sometimes with extra keys. */
function fieldObject(shape: Record<string, z.ZodType>): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys(shape);
  const known =
    names.length === 0
      ? fc.constant<[string, unknown][]>([])
      : fc
          .subarray(names, { minLength: 0, maxLength: Math.min(names.length, 6) })
          .chain((picked) =>
            fc.tuple(
              ...picked.map((name) =>
                fieldValue(name, shape[name] as z.ZodType).map((value) => [name, value] as [string, unknown]),
              ),
            ),
          );
  const extra = fc.oneof(
    { weight: 6, arbitrary: fc.constant<[string, unknown][]>([]) },
    { weight: 1, arbitrary: fc.array(fc.tuple(unknownKey, anyValue), { minLength: 1, maxLength: 2 }) },
  );
  return fc.tuple(known, extra).map(([fields, extras]) => {
    const object: Record<string, unknown> = {};
    // defineProperty: a plain assignment to `__proto__` would set the prototype, not a key.
    for (const [key, value] of [...fields, ...extras]) {
      Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return object;
  });
}

const MAX_BODY_BYTES = 512 * 1024;

function malformedText(shape: Record<string, z.ZodType>): fc.Arbitrary<string> {
  const field = Object.keys(shape)[0] ?? 'x';
  return fc.oneof(
    // Valid JSON cut short.
    fc.json({ maxDepth: 3 }).chain((text) => fc.nat(text.length).map((cut) => text.slice(0, cut))),
    // Random text.
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.constantFrom(
      '{',
      '}',
      '{"a":1}}',
      '{"a":1},',
      '{,}',
      "{'a':1}",
      '{a:1}',
      '{"a":NaN}',
      '{"a":Infinity}',
      '{"a":-Infinity}',
      '{"a":undefined}',
      '{"a":1 /* comment */}',
      '\ufeff{}',
      '{}\u0000',
      '\u0000',
      '[]',
      '[{}]',
      '1',
      '-0',
      '"string"',
      'null',
      'true',
      '  \n\t ',
      `{"${field}":1e999}`,
      `{"${field}":-1e999}`,
      `{"${field}":123456789012345678901234567890}`,
      `{"${field}":"a","${field}":null}`,
      `{"${field}":"\\ud800"}`,
      `{"${field}":"\\u0000"}`,
      `{"${field}":"\\x41"}`,
      `{"${field}"\u0000:1}`,
      '{"__proto__":{"polluted":true}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
      'a=1&b=2',
      '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
    ),
    // Very deep nesting, valid and invalid.
    fc.constantFrom(1_000, 10_000, 100_000).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
    fc.constantFrom(1_000, 100_000).map((depth) => '['.repeat(depth)),
    fc
      .tuple(fc.constantFrom(...Object.keys(shape), 'x'), fc.constantFrom(2_000, 6_000, 20_000, 50_000))
      .map(([key, depth]) => `{"${key}":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`),
    // Over the size limit.
    fc.constantFrom(MAX_BODY_BYTES + 1, MAX_BODY_BYTES + 100_000).map((size) => `{"${field}":"${'x'.repeat(size)}"}`),
  );
}

/** A well-formed body of the right size limit but full of invalid UTF-8. */
const invalidUtf8 = fc
  .array(fc.constantFrom(0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0xe0), { minLength: 1, maxLength: 8 })
  .map((junk) => [...Buffer.from('{"first_name":"'), ...junk, ...Buffer.from('"}')]);

function bodyArbitrary(endpoint: Endpoint): fc.Arbitrary<FuzzBody> {
  if (endpoint.method === 'get') return fc.constant({ kind: 'none' });
  const shape = shapeOf(endpoint.body);
  // Endpoints without a body schema ignore the body; still send one now and then.
  const weights = endpoint.body
    ? { none: 1, random: 3, fields: 8, text: 3, bytes: 1 }
    : { none: 6, random: 1, fields: 0, text: 1, bytes: 0 };
  return fc.oneof(
    { weight: weights.none, arbitrary: fc.constant<FuzzBody>({ kind: 'none' }) },
    {
      weight: weights.random,
      arbitrary: fc
        .oneof(
          fc.jsonValue(),
          fc.jsonValue({ stringUnit: 'binary' }),
          fc.object(),
          fc.array(anyValue, { maxLength: 4 }),
          anyValue,
        )
        .map((value): FuzzBody => ({ kind: 'json', value })),
    },
    { weight: weights.fields, arbitrary: fieldObject(shape).map((value): FuzzBody => ({ kind: 'json', value })) },
    { weight: weights.text, arbitrary: malformedText(shape).map((text): FuzzBody => ({ kind: 'text', text })) },
    { weight: weights.bytes, arbitrary: invalidUtf8.map((bytes): FuzzBody => ({ kind: 'bytes', bytes })) },
  );
}

// ─── Query strings ───────────────────────────────────────────────────────────────────────────────

/** Node answers 431 (not the app) once the request line and headers pass 16 KiB: stay below. */
const fitsInURL = (text: string) => Buffer.byteLength(text) <= 700;

function queryValue(name: string, field: z.ZodType | undefined): fc.Arbitrary<string> {
  return rawQueryValue(name, field).filter(fitsInURL);
}

function rawQueryValue(name: string, field: z.ZodType | undefined): fc.Arbitrary<string> {
  const asText = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
  const special: Record<string, fc.Arbitrary<string>> = {
    limit: fc.constantFrom(
      '1',
      '10',
      '500',
      '501',
      '0',
      '-1',
      '1.5',
      '1e2',
      '1e3',
      '0x10',
      ' 5',
      '5abc',
      'Infinity',
      '',
      '9007199254740993',
      '1e400',
    ),
    offset: fc.constantFrom(
      '0',
      '1',
      '3',
      '-1',
      '1.5',
      '1e20',
      '9007199254740991',
      '9007199254740992',
      '2147483648',
      'abc',
      '',
    ),
    order_by: fc.oneof(
      fc
        .tuple(
          fc.constantFrom('', '+', '-', '++', ' '),
          fc.constantFrom(
            'created_at',
            'updated_at',
            'email_address',
            'phone_number',
            'username',
            'first_name',
            'last_name',
            'last_sign_in_at',
            'last_active_at',
            'id',
            'password',
            '"user"."id"',
          ),
        )
        .map(([sign, column]) => sign + column),
      anyString,
    ),
  };
  const own = Object.hasOwn(special, name) ? special[name] : undefined;
  if (own) return fc.oneof({ weight: 4, arbitrary: own }, { weight: 1, arbitrary: anyString });
  if (/(_before|_after)$/.test(name)) {
    return fc.oneof(
      fc.nat().map(String),
      fc.constantFrom('0', '-1', '1.5', '1e3', '9007199254740991', '9007199254740992', '1e308', '-0', 'NaN', '', 'now'),
      fc.date({ noInvalidDate: true }).map((date) => String(date.getTime())),
      anyString,
    );
  }
  if (name === 'banned' || name === 'locked') return fc.constantFrom('true', 'false', 'TRUE', '1', '0', 'yes', '');
  if (!field) return anyString;
  return plausibleValue(
    name,
    unwrap(field) instanceof z.ZodArray ? (unwrap(field) as z.ZodArray<z.ZodType>).element : field,
  ).map(asText);
}

const BROKEN_ENCODINGS = [
  '%',
  '%zz',
  '%E0%A4%A',
  '%C0%AF',
  '%00',
  '%FF',
  '%u0041',
  '+',
  '%2B',
  '%26',
  '%3D',
  '&&',
  '=',
  '==',
  '%',
];

function encodeQueryPart(text: string, style: 'component' | 'raw' | 'broken', junk: string): string {
  if (style === 'component') return encodeURIComponent(wellFormed(text));
  // `raw` pastes the text in: fetch percent-encodes what it must, the rest (`%`, `&`, `=`, `+`) stays.
  if (style === 'raw') return text.replace(/[#]/g, '%23');
  return encodeURIComponent(wellFormed(text)) + junk;
}

function queryArbitrary(endpoint: Endpoint): fc.Arbitrary<string> {
  const shape = shapeOf(endpoint.query);
  const names = Object.keys(shape);
  const key = fc.oneof(
    { weight: names.length > 0 ? 8 : 0, arbitrary: names.length > 0 ? fc.constantFrom(...names) : fc.constant('x') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '__proto__',
        'constructor',
        'toString',
        'user_id[]',
        'limit[0]',
        '',
        'LIMIT',
        'unknown_param',
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
  );
  const pair = key.chain((name) =>
    fc
      .tuple(
        queryValue(name, Object.hasOwn(shape, name) ? shape[name] : undefined),
        fc.constantFrom<'component' | 'raw' | 'broken'>('component', 'component', 'component', 'raw', 'broken'),
        fc.constantFrom(...BROKEN_ENCODINGS),
        fc.constantFrom('=', '=', '=', '', '=='),
      )
      .map(
        ([value, style, junk, equals]) =>
          `${encodeQueryPart(name, style === 'broken' ? 'component' : style, junk)}${equals}${encodeQueryPart(value, style, junk)}`,
      ),
  );
  const repeatedList = fc
    .tuple(
      fc.constantFrom('user_id', 'email_address', 'username', 'external_id', 'phone_number'),
      fc.constantFrom(2, 100, 101, 500),
    )
    .chain(([name, count]) =>
      fc.constant(
        Array.from({ length: count }, (_, i) => `${name}=${i % 3 === 0 ? `@@user_id:${i}` : `v${i}`}`).join('&'),
      ),
    );
  const pairs = fc.array(pair, { maxLength: endpoint.query ? 5 : 2 }).map((parts) => parts.join('&'));
  return fc.oneof(
    { weight: endpoint.query ? 2 : 6, arbitrary: fc.constant('') },
    { weight: endpoint.query ? 10 : 2, arbitrary: pairs },
    { weight: endpoint.query ? 1 : 0, arbitrary: repeatedList },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '&',
        '&&&',
        '=',
        '==&==',
        '%',
        '?',
        '??a=b',
        'a=%',
        '#frag',
        `x=${'y'.repeat(10_000)}`,
      ),
    },
  );
}

// ─── Path ids ────────────────────────────────────────────────────────────────────────────────────

const pathIdArbitrary: fc.Arbitrary<PathId> = fc.oneof(
  { weight: 5, arbitrary: fc.nat(40).map((index): PathId => ({ kind: 'existing', index })) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc
          .oneof(
            anyString,
            fc.constantFrom(
              '.',
              '..',
              '%2F',
              '%2f..%2f',
              'a/b',
              '?',
              '#',
              'x'.repeat(128),
              'x'.repeat(129),
              'count',
              'ban',
              'metadata',
            ),
            fc.stringMatching(/^user_[0-9A-Za-z]{22}$/),
          )
          .filter(fitsInURL),
        fc.constantFrom<'component' | 'raw'>('component', 'component', 'component', 'raw'),
      )
      .map(([value, encoding]): PathId => ({ kind: 'literal', value, encoding })),
  },
);

// ─── Requests ────────────────────────────────────────────────────────────────────────────────────

const contentTypeArbitrary = fc.oneof(
  { weight: 12, arbitrary: fc.constant<string | null>('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom<string | null>(
      null,
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=utf-16',
      'application/xml',
      '*/*',
    ),
  },
);

const authArbitrary = fc.oneof(
  { weight: 40, arbitrary: fc.constant<AuthVariant>('valid') },
  { weight: 1, arbitrary: fc.constantFrom(...AUTH_VARIANTS.filter((variant) => variant !== 'valid')) },
);

/** A random request to `endpoint`: path ids, query, body, content type and credentials. */
export function requestArbitrary(endpoint: Endpoint): fc.Arbitrary<FuzzRequest> {
  const paramNames = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
  const pathIds = fc
    .tuple(...paramNames.map(() => pathIdArbitrary))
    .map((ids) => Object.fromEntries(paramNames.map((name, i) => [name, ids[i] as PathId])));
  return fc.record({
    pathIds,
    query: queryArbitrary(endpoint),
    body: bodyArbitrary(endpoint),
    contentType: contentTypeArbitrary,
    auth: authArbitrary,
  });
}

const clip = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);

/** A short form for fast-check's counterexample report (bodies can be megabytes or thousands of levels deep). */
export function describeRequest(request: FuzzRequest): string {
  const body = request.body;
  let shown: string;
  if (body.kind === 'none') shown = 'none';
  else if (body.kind === 'text') shown = `text ${JSON.stringify(clip(body.text))}`;
  else if (body.kind === 'bytes') shown = `bytes ${Buffer.from(body.bytes).toString('hex')}`;
  else {
    let text: string;
    try {
      text = JSON.stringify(body.value) ?? 'undefined';
    } catch (error) {
      text = `<unserialisable: ${(error as Error).message}>`;
    }
    shown = `json ${clip(text)}`;
  }
  return `{pathIds: ${JSON.stringify(request.pathIds)}, query: ${JSON.stringify(clip(request.query))}, body: ${shown}, contentType: ${request.contentType}, auth: ${request.auth}}`;
}

/** requestArbitrary with readable counterexamples. */
export function printableRequestArbitrary(endpoint: Endpoint): fc.Arbitrary<FuzzRequest> {
  return requestArbitrary(endpoint).map((request) =>
    Object.defineProperty(request, fc.toStringMethod, { value: () => describeRequest(request), enumerable: false }),
  );
}
