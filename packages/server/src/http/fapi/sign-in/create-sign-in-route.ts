import { z } from 'zod';
import { assertSignInIdentifierAllowed } from '../../../domain/instance-settings-restrictions.js';
import { createSignIn } from '../../../domain/sign-in/create-sign-in.js';
import { newClientState } from '../../../domain/sign-in/new-client-state.js';
import { fapiRoute, parseFields } from '../fapi-route.js';
import { limitCredentialAttempt } from '../rate-limit.js';
import { limitCodeSends } from './limit-code-sends.js';
import { signInDeps, signInResponse } from './own-sign-in.js';

const CreateSignInBody = z.object({
  identifier: z.string().max(320).optional(),
  strategy: z.enum(['password', 'email_code', 'reset_password_email_code']).optional(),
  password: z.string().max(1024).optional(),
  // Sent by clerk-js with every creation; Latch reads the locale from the user record instead.
  locale: z.string().max(64).optional(),
  timezone: z.string().max(64).optional(),
});

/**
 * `POST /v1/client/sign_ins` — `identifier`, optionally `strategy=password` + `password` (what the
 * sign-in UI sends when it shows the password field on its first screen), or a code strategy that
 * sends the code at once. A password is rate-limited by IP and identifier before it is hashed.
 */
export const createSignInRoute = fapiRoute('POST', '/client/sign_ins', async (context) => {
  const body = parseFields(CreateSignInBody, context.body);
  // A new client is stored with the attempt (one commit); a refused attempt leaves none behind.
  const client = await context.requireClient({ deferInsert: true });
  assertSignInIdentifierAllowed(context.app.instance.settings.restrictions, body.identifier);
  if (body.strategy === 'password' && body.identifier)
    limitCredentialAttempt(context, 'sign_in', body.identifier.trim());
  if (body.strategy && body.strategy !== 'password' && body.identifier) limitCodeSends(context, body.identifier);
  const progress = await createSignIn(signInDeps(context), client, {
    identifier: body.identifier,
    strategy: body.strategy,
    password: body.password,
  });
  // A client stored by this very step: its state is known, only its users are read.
  if (context.clientIsNew)
    await context.app.clientStates.remember(context.app.store, newClientState(client, progress, context.now));
  return signInResponse(context, progress.signIn);
});
