import { type Endpoint, ErrorsJSON } from '@latch/protocol';
import { z } from 'zod';
import { BACKEND_API_ROUTES } from './bapi/routes.js';

type JSONSchema = Record<string, unknown>;

/**
 * Builds the Backend API's OpenAPI 3.1 document from the endpoint descriptions the server validates
 * requests with — there is no second, hand-written copy to drift.
 */
export function buildOpenAPIDocument(serverUrl: string, version: string): JSONSchema {
  const components: Record<string, JSONSchema> = {};
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { endpoint } of BACKEND_API_ROUTES) {
    paths[endpoint.path] ??= {};
    (paths[endpoint.path] as Record<string, unknown>)[endpoint.method] = operation(endpoint, components);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Latch Backend API',
      version,
      description:
        "Server-to-server API of a Latch instance, wire-compatible with Clerk's Backend API. " +
        'Authenticate with `Authorization: Bearer <secret key>`.',
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'sk_<environment>_<secret>' } },
      schemas: components,
    },
  };
}

function operation(endpoint: Endpoint, components: Record<string, JSONSchema>): JSONSchema {
  const parameters = [
    ...parametersOf(endpoint.params, 'path', components),
    ...parametersOf(endpoint.query, 'query', components),
  ];
  // Any endpoint that reads a body can refuse one over the size limit.
  const errorStatuses = [400, 401, 422, ...(endpoint.body ? [413] : []), ...(endpoint.errors ?? [])];
  const responses: Record<string, unknown> = {
    200: {
      description: 'Success',
      content: { 'application/json': { schema: toSchema(endpoint.response, 'output', components) } },
    },
  };
  for (const status of errorStatuses.sort()) {
    responses[status] = {
      description: ERROR_DESCRIPTIONS[status] ?? 'Error',
      content: { 'application/json': { schema: toSchema(ErrorsJSON, 'output', components) } },
    };
  }
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    tags: [endpoint.tag],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(endpoint.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toSchema(endpoint.body, 'input', components) } },
          },
        }
      : {}),
    responses,
  };
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request body',
  401: 'Missing or invalid secret key',
  404: 'Resource not found',
  413: 'Request body too large',
  422: 'Invalid parameters',
};

function parametersOf(
  schema: z.ZodType | undefined,
  location: 'path' | 'query',
  components: Record<string, JSONSchema>,
) {
  if (!schema) return [];
  const json = toSchema(schema, 'input', components, { inline: true });
  const properties = (json.properties ?? {}) as Record<string, JSONSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    schema: property,
    ...(property.type === 'array' ? { style: 'form', explode: true } : {}),
  }));
}

/**
 * zod → JSON Schema 2020-12 (OpenAPI 3.1's dialect). Named schemas (`.meta({ id })`) are hoisted into
 * `components.schemas` and referenced, the way hand-written specs do it.
 */
function toSchema(
  schema: z.ZodType,
  io: 'input' | 'output',
  components: Record<string, JSONSchema>,
  options: { inline?: boolean } = {},
): JSONSchema {
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JSONSchema;
  const rewrite = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/'));
  const { $defs, $schema: _ignored, ...root } = generated as JSONSchema & { $defs?: Record<string, JSONSchema> };
  for (const [name, definition] of Object.entries($defs ?? {})) {
    components[name] = rewrite(definition) as JSONSchema;
  }
  const rewritten = rewrite(root) as JSONSchema;
  if (options.inline && typeof rewritten.$ref === 'string') {
    return components[rewritten.$ref.replace('#/components/schemas/', '')] ?? rewritten;
  }
  return rewritten;
}
