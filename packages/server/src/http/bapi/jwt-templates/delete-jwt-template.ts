import { jwtTemplatesEndpoints } from '@latch/protocol';
import { deleteJWTTemplate } from '../../../domain/jwt-templates/save-jwt-template.js';
import { auditChange } from '../audit-change.js';
import { route } from '../route.js';

export const deleteJWTTemplateRoute = route(
  jwtTemplatesEndpoints.deleteJWTTemplate,
  async ({ params }, { store, clock }) => {
    await deleteJWTTemplate(store, params.template_id);
    const deleted = { object: 'jwt_template', id: params.template_id, deleted: true };
    await auditChange(store, 'jwt_template.deleted', deleted, clock.now());
    return deleted;
  },
);
