import { createOperator } from '../../../domain/operators/create-operator.js';
import { operatorSignInUrl } from '../../../domain/operators/development-sign-in-link.js';
import { issueSignInLink, removeOperator, updateOperator } from '../../../domain/operators/manage-operators.js';
import { toOperatorJSON } from '../../../domain/operators/operator-json.js';
import { publicOrigin } from '../../public-origin.js';
import { type Route, route } from '../route.js';
import { callingOperatorId } from './calling-operator.js';
import {
  createOperatorEndpoint,
  createOperatorSignInLink,
  deleteOperatorEndpoint,
  listOperators,
  updateOperatorEndpoint,
} from './operator-endpoints.js';

/**
 * The link points at the origin the request came to: the dashboard calls the Backend API on its own
 * origin, so that is where the invited operator's browser reaches it too.
 */
const linkJSON = (baseUrl: string, operatorId: string, link: { token: string; expiresAt: number }) => ({
  object: 'operator_sign_in_link' as const,
  operator_id: operatorId,
  url: operatorSignInUrl(baseUrl, link.token),
  expires_at: link.expiresAt,
});

/** `/operators`: who runs the instance. Writes are for owners (operator-permissions.ts). */
export const OPERATOR_ROUTES: Route[] = [
  route(listOperators, async (_input, { store }) => (await store.operators.list()).map(toOperatorJSON)),
  route(createOperatorEndpoint, async ({ body, request }, context) => {
    const now = context.clock.now();
    const { operator } = await createOperator(context.store, body, now, {});
    const link = await issueSignInLink(context.store, operator.id, now);
    return {
      ...toOperatorJSON(operator),
      sign_in_link: linkJSON(publicOrigin(request, context.config.trustProxy), operator.id, link),
    };
  }),
  route(updateOperatorEndpoint, async ({ params, body, request }, context) => {
    const caller = await callingOperatorId(request, context);
    const updated = await updateOperator(context.store, params.operator_id, body, caller, context.clock.now());
    return toOperatorJSON(updated);
  }),
  route(deleteOperatorEndpoint, async ({ params, request }, context) => {
    const caller = await callingOperatorId(request, context);
    await removeOperator(context.store, params.operator_id, caller, context.clock.now());
    return { object: 'operator' as const, id: params.operator_id, deleted: true as const };
  }),
  route(createOperatorSignInLink, async ({ params, request }, context) => {
    const link = await issueSignInLink(context.store, params.operator_id, context.clock.now());
    return linkJSON(publicOrigin(request, context.config.trustProxy), link.operator.id, link);
  }),
];
