import { auth } from '@latch/nextjs/server';
import { notFound } from 'next/navigation';

// Admins only: `auth.protect({ role: 'org:admin' })` answers 404 to everyone else (as Clerk does), and
// the active organization must be the one in the URL.
export default async function OrganizationAdminPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { orgSlug, orgRole } = await auth.protect({ role: 'org:admin' });
  if (orgSlug !== slug) notFound();
  return (
    <div>
      <h1 id="org-admin">Admin of {slug}</h1>
      <p id="org-admin-role">{orgRole}</p>
    </div>
  );
}
