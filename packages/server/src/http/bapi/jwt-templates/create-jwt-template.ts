import { jwtTemplatesEndpoints } from '@latch/protocol';
import { createJWTTemplate } from '../../../domain/jwt-templates/save-jwt-template.js';
import { auditChange } from '../audit-change.js';
import { route } from '../route.js';
import { toJWTTemplateJSON } from './jwt-template-json.js';

export const createJWTTemplateRoute = route(
  jwtTemplatesEndpoints.createJWTTemplate,
  async ({ body }, { store, clock }) => {
    const now = clock.now();
    const json = toJWTTemplateJSON(await createJWTTemplate(store, body, now));
    await auditChange(store, 'jwt_template.created', json, now);
    return json;
  },
);
