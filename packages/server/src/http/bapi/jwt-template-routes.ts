import { createJWTTemplateRoute } from './jwt-templates/create-jwt-template.js';
import { deleteJWTTemplateRoute } from './jwt-templates/delete-jwt-template.js';
import { getJWTTemplateRoute } from './jwt-templates/get-jwt-template.js';
import { listJWTTemplatesRoute } from './jwt-templates/list-jwt-templates.js';
import { updateJWTTemplateRoute } from './jwt-templates/update-jwt-template.js';
import type { Route } from './route.js';

/** `/jwt_templates`: CRUD for the templates `…/tokens/{template_name}` mints from. */
export const JWT_TEMPLATE_ROUTES: Route[] = [
  listJWTTemplatesRoute,
  createJWTTemplateRoute,
  getJWTTemplateRoute,
  updateJWTTemplateRoute,
  deleteJWTTemplateRoute,
];
