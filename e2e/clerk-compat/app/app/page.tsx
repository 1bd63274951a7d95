import { OrganizationSwitcher, UserButton } from '@clerk/nextjs';
import { auth } from '@clerk/nextjs/server';

/** Server-rendered: what `@clerk/nextjs` decided about this request, after verifying Latch's token. */
export default async function Home() {
  const state = await auth();
  return (
    <main>
      <header>
        <UserButton />
        {state.userId ? (
          // Back home after every switch, so the server renders auth() for the newly active organization.
          <OrganizationSwitcher
            afterCreateOrganizationUrl="/"
            afterSelectOrganizationUrl="/"
            afterSelectPersonalUrl="/"
            skipInvitationScreen
          />
        ) : null}
        <a href="/sign-in">Sign in</a> <a href="/sign-up">Sign up</a>
      </header>
      <pre id="auth">{JSON.stringify(state)}</pre>
    </main>
  );
}
