import { currentUser } from '@latch/nextjs/server';
import { redirect } from 'next/navigation';
import { AuthStatus } from '../components/auth-status';
import { ProtectedAction } from '../components/protected-action';
import { SignOutButton } from '../components/sign-out-button';
import { WhoAmI } from '../components/who-am-i';

export default async function DashboardPage() {
  const user = await currentUser();
  if (!user) {
    redirect('/sign-in');
  }
  return (
    <div>
      <h1 id="welcome">Welcome, {user.firstName}!</h1>
      <p id="email">Email: {user.emailAddresses[0]?.emailAddress}</p>
      <p id="user-id">ID: {user.id}</p>
      {/* User metadata */}
      <pre id="metadata">{JSON.stringify(user.publicMetadata, null, 2)}</pre>
      <AuthStatus />
      <ProtectedAction />
      <WhoAmI />
      <SignOutButton />
    </div>
  );
}
