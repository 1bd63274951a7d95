/**
 * The test page: one React app whose path picks the screen (like an app's routes) and whose query picks
 * the provider's appearance/localization, so each browser test can ask for exactly what it checks.
 */

import * as locales from '@latch/localizations';
import {
  LatchProvider,
  SignedIn,
  SignedOut,
  SignIn,
  SignInButton,
  SignUp,
  UserButton,
  UserProfile,
} from '@latch/react';
import { dark } from '@latch/themes';
import { createRoot } from 'react-dom/client';

declare global {
  interface Window {
    LATCH_PUBLISHABLE_KEY: string;
  }
}

const query = new URLSearchParams(window.location.search);
const localeName = query.get('locale');
const localization = localeName ? (locales as unknown as Record<string, object>)[localeName] : undefined;
const appearance = {
  ...(query.get('theme') === 'dark' ? { baseTheme: dark } : {}),
  variables: query.get('primary') ? { colorPrimary: query.get('primary') as string } : {},
  layout: query.get('layout')
    ? { logoImageUrl: '/logo.svg', helpPageUrl: '/help', privacyPageUrl: '/privacy', termsPageUrl: '/terms' }
    : {},
  elements: {
    ...(query.get('cardBackground') ? { card: { backgroundColor: query.get('cardBackground') as string } } : {}),
    ...(query.get('cardClass') ? { formButtonPrimary: query.get('cardClass') as string } : {}),
  },
};

function Screen() {
  const path = window.location.pathname;
  if (path.startsWith('/sign-in') && query.get('routing') === 'hash') {
    return (
      <main>
        <SignIn routing="hash" fallbackRedirectUrl="/home" />
      </main>
    );
  }
  if (path.startsWith('/sign-in')) {
    return (
      <main>
        <SignIn routing="path" path="/sign-in" signUpUrl="/sign-up" fallbackRedirectUrl="/home" />
      </main>
    );
  }
  if (path.startsWith('/sign-up')) {
    return (
      <main>
        <SignUp
          routing="path"
          path="/sign-up"
          signInUrl="/sign-in"
          fallbackRedirectUrl="/home"
          unsafeMetadata={{ plan: 'free' }}
        />
      </main>
    );
  }
  if (path.startsWith('/user')) {
    return (
      <main>
        <UserProfile routing="path" path="/user">
          <UserProfile.Page label="Terms" url="terms" labelIcon={<span>§</span>}>
            <p>Custom terms page</p>
          </UserProfile.Page>
        </UserProfile>
      </main>
    );
  }
  return (
    <>
      <header style={{ display: 'flex', justifyContent: 'space-between', padding: 16 }}>
        <strong>Test app</strong>
        <SignedIn>
          <UserButton afterSignOutUrl="/sign-in">
            <UserButton.MenuItems>
              <UserButton.Link label="Help center" labelIcon={<span>?</span>} href="/help" />
              <UserButton.Action label="manageAccount" />
              <UserButton.Action label="Ping" labelIcon={<span>!</span>} onClick={() => (document.title = 'pinged')} />
              <UserButton.Action label="Open terms" labelIcon={<span>§</span>} open="terms" />
              <UserButton.Action label="signOut" />
            </UserButton.MenuItems>
            <UserButton.UserProfilePage label="Terms" url="terms" labelIcon={<span>§</span>}>
              <p>Terms shown in the modal</p>
            </UserButton.UserProfilePage>
          </UserButton>
        </SignedIn>
        <SignedOut>
          <SignInButton mode="modal" />
        </SignedOut>
      </header>
      <main id="home-state">
        <SignedIn>signed-in</SignedIn>
        <SignedOut>signed-out</SignedOut>
      </main>
    </>
  );
}

const root = document.getElementById('root') as HTMLElement;
createRoot(root).render(
  <LatchProvider
    publishableKey={window.LATCH_PUBLISHABLE_KEY}
    proxyUrl="/__latch"
    signInUrl="/sign-in"
    signUpUrl="/sign-up"
    afterSignOutUrl="/sign-in"
    appearance={appearance}
    localization={localization}
  >
    <Screen />
  </LatchProvider>,
);
