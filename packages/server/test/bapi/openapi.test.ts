import { UserJSON } from '@latch/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BACKEND_API_ROUTES } from '../../src/http/bapi/routes.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// biome-ignore lint/suspicious/noExplicitAny: a JSON document, walked and asserted field by field.
type Doc = any;

/** Keys of a zod object schema, and which of them a request must include. */
function keysOf(schema: z.ZodType): { all: string[]; required: string[] } {
  expect(schema).toBeInstanceOf(z.ZodObject);
  const shape = (schema as z.ZodObject).shape as Record<string, z.ZodType>;
  const all = Object.keys(shape);
  return { all, required: all.filter((key) => !shape[key]?.safeParse(undefined).success) };
}

// Not per database: the document is built from the endpoint descriptions alone.
describe('OpenAPI document', () => {
  let t: TestServer;
  let doc: Doc;
  let response: Response;

  /** Follows a `#/components/schemas/…` reference (or returns the schema itself). */
  const resolve = (schema: Doc): Doc => {
    if (typeof schema?.$ref !== 'string') return schema;
    const name = schema.$ref.replace('#/components/schemas/', '');
    expect(doc.components.schemas[name], schema.$ref).toBeDefined();
    return doc.components.schemas[name];
  };

  beforeAll(async () => {
    t = await startTestServer('sqlite');
    response = await fetch(`${t.server.url}/openapi.json`);
    doc = await response.clone().json();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('is served publicly as application/json, an OpenAPI 3.1.0 document', () => {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(doc.openapi).toBe('3.1.0');
    expect(typeof doc.info.title).toBe('string');
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(doc.servers).toEqual([{ url: 'http://127.0.0.1:4000/api/v1' }]);
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('lists every Backend API route under its path and method, with its operationId, and nothing else', () => {
    const expected = BACKEND_API_ROUTES.map(({ endpoint }) => `${endpoint.method} ${endpoint.path}`).sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, operations]) => Object.keys(operations as object).map((method) => `${method} ${path}`))
      .sort();
    expect(documented).toEqual(expected);
    for (const { endpoint } of BACKEND_API_ROUTES) {
      const operation = doc.paths[endpoint.path]?.[endpoint.method];
      expect(operation?.operationId, `${endpoint.method} ${endpoint.path}`).toBe(endpoint.operationId);
      expect(operation.summary.length).toBeGreaterThan(0);
      expect(operation.tags).toEqual([endpoint.tag]);
    }
    const ids = BACKEND_API_ROUTES.map(({ endpoint }) => endpoint.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['GetUserList', 'GetUsersCount', 'CreateUser', 'GetUser', 'UpdateUser', 'DeleteUser', 'GetJWKS']) {
      expect(ids).toContain(id);
    }
  });

  it('declares every path parameter as required', () => {
    for (const { endpoint } of BACKEND_API_ROUTES) {
      const operation = doc.paths[endpoint.path][endpoint.method];
      const inPath = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = (operation.parameters ?? []).filter((parameter: Doc) => parameter.in === 'path');
      expect(declared.map((parameter: Doc) => parameter.name)).toEqual(inPath);
      for (const parameter of declared) {
        expect(parameter.required).toBe(true);
        expect(parameter.schema).toMatchObject({ type: 'string', maxLength: 128 });
      }
    }
  });

  it('gives request bodies the server’s own rules: same fields, same required ones, no unknown keys', () => {
    for (const { endpoint } of BACKEND_API_ROUTES) {
      const operation = doc.paths[endpoint.path][endpoint.method];
      const label = `${endpoint.method} ${endpoint.path}`;
      if (!endpoint.body) {
        expect(operation.requestBody, label).toBeUndefined();
        continue;
      }
      expect(operation.requestBody.required, label).toBe(true);
      const schema = resolve(operation.requestBody.content['application/json'].schema);
      const { all, required } = keysOf(endpoint.body);
      expect(schema.type, label).toBe('object');
      expect(schema.additionalProperties, label).toBe(false);
      expect(Object.keys(schema.properties).sort(), label).toEqual([...all].sort());
      expect([...(schema.required ?? [])].sort(), label).toEqual([...required].sort());
    }
  });

  it('describes CreateUserBody as Clerk’s create-user request', () => {
    const schema = doc.components.schemas.CreateUserBody;
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required ?? []).toEqual([]);
    expect(schema.properties.email_address).toMatchObject({ type: 'array', items: { type: 'string' }, maxItems: 20 });
    expect(schema.properties.public_metadata).toMatchObject({ type: 'object' });
    expect(JSON.stringify(schema.properties.password_hasher)).toContain('scrypt_werkzeug');
    expect(JSON.stringify(schema.properties.first_name)).toContain('"maxLength":256');
    expect(doc.components.schemas.VerifyPasswordBody).toMatchObject({
      required: ['password'],
      additionalProperties: false,
    });
    expect(doc.components.schemas.UserMetadataBody.additionalProperties).toBe(false);
  });

  it('documents the list query: bounds, pattern, repeatable filters', () => {
    const parameters = doc.paths['/users'].get.parameters.filter((parameter: Doc) => parameter.in === 'query');
    const byName = Object.fromEntries(parameters.map((parameter: Doc) => [parameter.name, parameter]));
    expect(Object.keys(byName).sort()).toEqual(
      keysOf(BACKEND_API_ROUTES.find((r) => r.endpoint.operationId === 'GetUserList')!.endpoint.query!).all.sort(),
    );
    expect(byName.limit.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 500, default: 10 });
    expect(byName.offset.schema).toMatchObject({ type: 'integer', minimum: 0, default: 0 });
    expect(byName.order_by.schema.default).toBe('-created_at');
    expect(new RegExp(byName.order_by.schema.pattern).test('-created_at')).toBe(true);
    expect(new RegExp(byName.order_by.schema.pattern).test('bogus')).toBe(false);
    for (const name of ['email_address', 'user_id', 'username', 'external_id', 'phone_number']) {
      expect(byName[name]).toMatchObject({ required: false, style: 'form', explode: true, schema: { type: 'array' } });
    }
    const countNames = doc.paths['/users/count'].get.parameters.map((parameter: Doc) => parameter.name);
    expect(countNames).not.toContain('limit');
    expect(countNames).toContain('email_address');
  });

  it('documents responses: the User shape, Clerk’s error envelope, and 404/413 where they happen', () => {
    const user = resolve(doc.paths['/users/{user_id}'].get.responses['200'].content['application/json'].schema);
    expect(Object.keys(user.properties).sort()).toEqual(Object.keys(UserJSON.shape).sort());
    expect(user.properties.object).toMatchObject({ const: 'user' });
    expect(user.properties.created_at.type).toBe('integer');
    expect(resolve(doc.paths['/users'].get.responses['200'].content['application/json'].schema).type).toBe('array');
    for (const { endpoint } of BACKEND_API_ROUTES) {
      const responses = doc.paths[endpoint.path][endpoint.method].responses;
      const label = `${endpoint.method} ${endpoint.path}`;
      for (const status of ['400', '401', '422']) expect(responses[status], `${label} ${status}`).toBeDefined();
      if (endpoint.path.includes('{user_id}')) expect(responses['404'], `${label} 404`).toBeDefined();
      if (endpoint.body) expect(responses['413'], `${label} 413`).toBeDefined();
      for (const [status, documented] of Object.entries(responses) as [string, Doc][]) {
        if (status === '200') continue;
        const errors = resolve(documented.content['application/json'].schema);
        expect(errors.properties.errors.items.required).toEqual(
          expect.arrayContaining(['code', 'message', 'long_message']),
        );
      }
    }
  });

  it('has no dangling $ref', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1] as string);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[ref.replace('#/components/schemas/', '')], ref).toBeDefined();
    }
  });
});
