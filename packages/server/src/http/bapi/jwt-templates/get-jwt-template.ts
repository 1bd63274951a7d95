import { jwtTemplatesEndpoints } from '@latch/protocol';
import { requireJWTTemplate } from '../../../domain/jwt-templates/save-jwt-template.js';
import { route } from '../route.js';
import { toJWTTemplateJSON } from './jwt-template-json.js';

export const getJWTTemplateRoute = route(jwtTemplatesEndpoints.getJWTTemplate, async ({ params }, { store }) =>
  toJWTTemplateJSON(await requireJWTTemplate(store, params.template_id)),
);
