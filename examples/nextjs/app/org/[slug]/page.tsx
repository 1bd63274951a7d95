import { Protect } from '@latch/nextjs';
import { auth } from '@latch/nextjs/server';

// The organization's home: what the session token says on the server, and content gated by a custom
// permission with <Protect> (the role that grants it is created through the Backend API).
export default async function OrganizationHomePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { orgId, orgRole, orgSlug } = await auth();
  return (
    <div>
      <h1 id="org-title">Organization {slug}</h1>
      <p id="org-server-auth">{JSON.stringify({ orgId, orgRole, orgSlug })}</p>
      <p>
        <a href={`/org/${slug}/settings`}>Settings</a> · <a href={`/org/${slug}/admin`}>Admin</a>
      </p>
      <Protect permission="org:reports:read" fallback={<p id="reports-denied">You cannot read reports.</p>}>
        <section id="reports" aria-label="Reports">
          <h2>Reports</h2>
          <p>Quarterly revenue: 42</p>
        </section>
      </Protect>
    </div>
  );
}
