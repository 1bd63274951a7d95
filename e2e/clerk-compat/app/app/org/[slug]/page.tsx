import { auth } from '@clerk/nextjs/server';

/** An organization's page: `organizationSyncOptions` makes the organization in the URL active before this renders. */
export default async function OrganizationPage() {
  return <pre id="auth">{JSON.stringify(await auth())}</pre>;
}
