import { jwtTemplatesEndpoints } from '@latch/protocol';
import { updateJWTTemplate } from '../../../domain/jwt-templates/save-jwt-template.js';
import { auditChange } from '../audit-change.js';
import { route } from '../route.js';
import { toJWTTemplateJSON } from './jwt-template-json.js';

export const updateJWTTemplateRoute = route(
  jwtTemplatesEndpoints.updateJWTTemplate,
  async ({ params, body }, { store, clock }) => {
    const now = clock.now();
    const json = toJWTTemplateJSON(await updateJWTTemplate(store, params.template_id, body, now));
    await auditChange(store, 'jwt_template.updated', json, now);
    return json;
  },
);
