import { auth } from '@clerk/nextjs/server';

/** A personal-account page: `organizationSyncOptions` leaves any active organization before this renders. */
export default async function PersonalPage() {
  return <pre id="auth">{JSON.stringify(await auth())}</pre>;
}
