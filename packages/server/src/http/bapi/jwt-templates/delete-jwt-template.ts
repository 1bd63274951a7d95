import { jwtTemplatesEndpoints } from '@latch/protocol';
import { deleteJWTTemplate } from '../../../domain/jwt-templates/save-jwt-template.js';
import { route } from '../route.js';

export const deleteJWTTemplateRoute = route(jwtTemplatesEndpoints.deleteJWTTemplate, async ({ params }, { store }) => {
  await deleteJWTTemplate(store, params.template_id);
  return { object: 'jwt_template', id: params.template_id, deleted: true };
});
