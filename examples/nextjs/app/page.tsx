import { SignedIn, SignedOut } from '@latch/nextjs';
import { auth } from '@latch/nextjs/server';
import { AuthStatus } from './components/auth-status';
import { WhoAmI } from './components/who-am-i';

export default async function HomePage() {
  const { userId } = await auth();
  return (
    <div>
      <h1>Latch example</h1>
      <p id="server-user">{userId ? `Server sees ${userId}` : 'Server sees nobody'}</p>
      <SignedIn>
        <p id="signed-in">You are signed in!</p>
      </SignedIn>
      <SignedOut>
        <p id="signed-out">
          You are signed out. <a href="/sign-in">Sign in</a>
        </p>
      </SignedOut>
      <AuthStatus />
      <WhoAmI />
    </div>
  );
}
