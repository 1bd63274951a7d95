import { OrganizationProfile } from '@latch/nextjs';

// The active organization's settings (General, Members) with path routing under /org/<slug>/settings.
export default async function OrganizationSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return (
    <div className="auth-page">
      <OrganizationProfile routing="path" path={`/org/${slug}/settings`} afterLeaveOrganizationUrl="/dashboard" />
    </div>
  );
}
