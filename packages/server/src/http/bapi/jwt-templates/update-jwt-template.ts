import { jwtTemplatesEndpoints } from '@latch/protocol';
import { updateJWTTemplate } from '../../../domain/jwt-templates/save-jwt-template.js';
import { route } from '../route.js';
import { toJWTTemplateJSON } from './jwt-template-json.js';

export const updateJWTTemplateRoute = route(
  jwtTemplatesEndpoints.updateJWTTemplate,
  async ({ params, body }, { store, clock }) =>
    toJWTTemplateJSON(await updateJWTTemplate(store, params.template_id, body, clock.now())),
);
