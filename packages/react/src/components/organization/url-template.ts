/**
 * `afterSelectOrganizationUrl="/org/:slug"` → `/org/acme`: Clerk's `:id` and `:slug` placeholders filled
 * from the organization (URL-encoded; a missing slug falls back to the id).
 */
export function organizationUrl(template: string, organization: { id: string; slug?: string | null }): string {
  return template
    .replaceAll(':slug', encodeURIComponent(organization.slug || organization.id))
    .replaceAll(':id', encodeURIComponent(organization.id));
}
