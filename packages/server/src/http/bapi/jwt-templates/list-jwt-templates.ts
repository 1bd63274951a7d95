import { jwtTemplatesEndpoints } from '@latch/protocol';
import { route } from '../route.js';
import { listResponse } from '../sessions/list-response.js';
import { toJWTTemplateJSON } from './jwt-template-json.js';

/** `GET /jwt_templates`: oldest first; a bare array, or `{data, total_count}` with `paginated=true`. */
export const listJWTTemplatesRoute = route(jwtTemplatesEndpoints.listJWTTemplates, async ({ query }, { store }) => {
  // An instance has a handful of templates: the store returns them all and the page is cut here.
  const templates = await store.jwtTemplates.list();
  const page = templates.slice(query.offset, query.offset + query.limit).map(toJWTTemplateJSON);
  return listResponse(page, templates.length, query.paginated);
});
