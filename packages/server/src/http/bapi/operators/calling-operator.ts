import type { AppContext } from '../../../app-context.js';
import { operatorForAccessToken } from '../../../domain/operators/operator-sessions.js';
import { isOperatorAccessToken } from '../../../domain/operators/operator-tokens.js';

/**
 * The id of the operator behind a Backend API call, or null for a secret-key call. The request
 * was authenticated already (operator-auth.ts); this re-reads the bearer for the few routes that
 * must know who is asking (an owner may not remove themselves).
 */
export async function callingOperatorId(request: Request, { store, clock }: AppContext): Promise<string | null> {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!bearer || !isOperatorAccessToken(bearer)) return null;
  return (await operatorForAccessToken(store, bearer, clock.now()))?.id ?? null;
}
