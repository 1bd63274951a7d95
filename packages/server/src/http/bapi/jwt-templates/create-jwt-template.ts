import { jwtTemplatesEndpoints } from '@latch/protocol';
import { createJWTTemplate } from '../../../domain/jwt-templates/save-jwt-template.js';
import { route } from '../route.js';
import { toJWTTemplateJSON } from './jwt-template-json.js';

export const createJWTTemplateRoute = route(
  jwtTemplatesEndpoints.createJWTTemplate,
  async ({ body }, { store, clock }) => toJWTTemplateJSON(await createJWTTemplate(store, body, clock.now())),
);
