import { joinPaths, requireId } from './path.js';
import type { RequestFunction } from './request.js';
import type { DeletedObject, JwtTemplate, PaginatedResourceResponse } from './resources.js';

export interface CreateJWTTemplateParams {
  name: string;
  claims: Record<string, unknown>;
  lifetime?: number | null;
  allowedClockSkew?: number | null;
  customSigningKey?: boolean;
  signingAlgorithm?: string | null;
  signingKey?: string | null;
}

/** `latch.jwtTemplates`, named like `clerkClient.jwtTemplates` (`list`, `get`, `create`, `update`, `delete`). */
export function createJWTTemplatesAPI(request: RequestFunction) {
  const base = '/jwt_templates';
  return {
    list(params: { limit?: number; offset?: number } = {}): Promise<PaginatedResourceResponse<JwtTemplate>> {
      return request({ method: 'GET', path: base, queryParams: { ...params, paginated: true } });
    },
    get(templateId: string): Promise<JwtTemplate> {
      return request({ method: 'GET', path: joinPaths(base, requireId(templateId, 'templateId')) });
    },
    create(params: CreateJWTTemplateParams): Promise<JwtTemplate> {
      return request({ method: 'POST', path: base, bodyParams: { ...params } });
    },
    update(params: { templateId: string } & Partial<CreateJWTTemplateParams>): Promise<JwtTemplate> {
      const { templateId, ...body } = params;
      return request({ method: 'PATCH', path: joinPaths(base, requireId(templateId, 'templateId')), bodyParams: body });
    },
    delete(templateId: string): Promise<DeletedObject> {
      return request({ method: 'DELETE', path: joinPaths(base, requireId(templateId, 'templateId')) });
    },
  };
}

export type JWTTemplatesAPI = ReturnType<typeof createJWTTemplatesAPI>;
