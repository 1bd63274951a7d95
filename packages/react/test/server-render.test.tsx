import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  buildRedirectUrl,
  type InitialAuthState,
  LatchProvider,
  Protect,
  SIGNED_OUT_STATE,
  SignedIn,
  SignedOut,
  useAuth,
  useSession,
  useUser,
} from '../src/index.js';

/**
 * The provider's first render — what the server sends and what the browser hydrates before
 * `@latch/js` has loaded (its effects never run during server rendering). With the server's auth state
 * the page must already be signed in; without it, everything waits and `has()` answers false.
 */

const PUBLISHABLE_KEY = 'pk_live_Y2xlcmsuYXBwLnRlc3Qk';
const SIGNED_IN: InitialAuthState = {
  userId: 'user_1',
  sessionId: 'sess_1',
  sessionStatus: 'active',
  sessionClaims: { sub: 'user_1', sid: 'sess_1' },
  actor: null,
  orgId: 'org_1',
  orgRole: 'org:admin',
  orgSlug: 'acme',
  orgPermissions: ['org:reports:read'],
};

function AuthProbe() {
  const { isLoaded, isSignedIn, userId, orgRole, has } = useAuth();
  const user = useUser();
  const session = useSession();
  return (
    <pre>
      {JSON.stringify({
        isLoaded,
        isSignedIn: isSignedIn ?? 'undefined',
        userId: userId ?? 'undefined',
        orgRole: orgRole ?? 'undefined',
        admin: has({ role: 'org:admin' }),
        reports: has({ permission: 'org:reports:read' }),
        member: has({ role: 'org:member' }),
        userLoaded: user.isLoaded,
        sessionLoaded: session.isLoaded,
      })}
    </pre>
  );
}

function render(initialState: InitialAuthState | null, children: React.ReactNode): string {
  return renderToString(
    <LatchProvider publishableKey={PUBLISHABLE_KEY} proxyUrl="/__latch" initialState={initialState}>
      {children}
    </LatchProvider>,
  );
}

const probe = (html: string) => JSON.parse(html.replace(/^<pre>|<\/pre>$/g, '').replace(/&quot;/g, '"'));

describe('@latch/react first render', () => {
  it('is signed in from the server state, with the organization role and permissions', () => {
    expect(probe(render(SIGNED_IN, <AuthProbe />))).toEqual({
      isLoaded: true,
      isSignedIn: true,
      userId: 'user_1',
      orgRole: 'org:admin',
      admin: true,
      reports: true,
      member: false,
      // The user and session resources only exist once the browser SDK has loaded.
      userLoaded: false,
      sessionLoaded: false,
    });
  });

  it('is signed out from a signed-out server state, without waiting for the SDK', () => {
    expect(probe(render(SIGNED_OUT_STATE, <AuthProbe />))).toMatchObject({
      isLoaded: true,
      isSignedIn: false,
      userId: 'undefined',
      admin: false,
      userLoaded: true,
      sessionLoaded: true,
    });
  });

  it('is loading without a server state, and has() answers false instead of throwing', () => {
    expect(probe(render(null, <AuthProbe />))).toEqual({
      isLoaded: false,
      isSignedIn: 'undefined',
      userId: 'undefined',
      orgRole: 'undefined',
      admin: false,
      reports: false,
      member: false,
      userLoaded: false,
      sessionLoaded: false,
    });
  });

  it('renders SignedIn / SignedOut / Protect from the same state', () => {
    const tree = (
      <>
        <SignedIn>[in]</SignedIn>
        <SignedOut>[out]</SignedOut>
        {/* biome-ignore lint/a11y/useValidAriaRole: Protect's role is an organization role, not an ARIA one */}
        <Protect role="org:admin" fallback="[not admin]">
          [admin]
        </Protect>
        <Protect permission="org:billing:manage" fallback="[no billing]">
          [billing]
        </Protect>
        <Protect condition={(has) => has({ role: 'org:admin' })}>[condition]</Protect>
      </>
    );
    // React separates adjacent text nodes with `<!-- -->`; only the text matters here.
    const text = (state: InitialAuthState | null) => render(state, tree).replace(/<!-- -->/g, '');
    expect(text(SIGNED_IN)).toBe('[in][admin][no billing][condition]');
    expect(text(SIGNED_OUT_STATE)).toBe('[out][not admin][no billing]');
    // While loading, nothing is shown: neither branch can be trusted yet.
    expect(text(null)).toBe('');
  });

  it('fails loudly when a hook is used outside the provider', () => {
    expect(() => renderToString(<AuthProbe />)).toThrow(/inside <LatchProvider>/);
  });
});

describe('buildRedirectUrl', () => {
  it('builds the sign-in and sign-up URLs with the way back', () => {
    expect(buildRedirectUrl('/sign-in', { redirectUrl: 'http://app.test/dashboard' })).toBe(
      '/sign-in?redirect_url=http%3A%2F%2Fapp.test%2Fdashboard',
    );
    expect(buildRedirectUrl('/sign-up?ref=x', { target: 'signUp', fallback: '/onboarding' })).toBe(
      '/sign-up?ref=x&sign_up_fallback_redirect_url=%2Fonboarding',
    );
    expect(buildRedirectUrl('/sign-in', {})).toBe('/sign-in');
  });
});
