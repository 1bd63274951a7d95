import { CreateOrganization } from '@latch/nextjs';

// Creating an organization: the creator becomes its admin, it becomes active, and `:slug` is filled in.
export default function CreateOrganizationPage() {
  return (
    <div className="auth-page">
      <CreateOrganization afterCreateOrganizationUrl="/org/:slug" />
    </div>
  );
}
