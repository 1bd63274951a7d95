/**
 * Thrown by `auth.protect()` and `redirectToSignIn()` inside the middleware handler and turned into a
 * response by `latchMiddleware`: a thrown value stops the app's handler at the call, as Clerk's does.
 */
export class MiddlewareSignal extends Error {
  constructor(
    readonly kind: 'redirect' | 'not-found' | 'unauthorized',
    readonly location: string | null = null,
  ) {
    super(`latch-middleware-${kind}`);
    this.name = 'MiddlewareSignal';
  }
}

export function isMiddlewareSignal(error: unknown): error is MiddlewareSignal {
  return error instanceof MiddlewareSignal;
}
