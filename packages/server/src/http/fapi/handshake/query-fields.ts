/**
 * The request's query string as a flat object for `parseFields` (a repeated key keeps its last value).
 *
 * @example
 * parseFields(schema, queryFields(context.url))
 */
export function queryFields(url: URL): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const key of new Set(url.searchParams.keys())) fields[key] = url.searchParams.getAll(key).at(-1) as string;
  return fields;
}
