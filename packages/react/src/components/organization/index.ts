/** The organization components: switcher, profile, create form and list (Clerk's names and props). */
export { CreateOrganization, type CreateOrganizationProps } from './create-organization.js';
export type { OrganizationProfileLinkProps, OrganizationProfilePageProps } from './custom-pages.js';
export { ORGANIZATION_ELEMENT_KEYS, type OrganizationElementKey } from './org-elements.js';
export { OrganizationList, type OrganizationListProps } from './organization-list.js';
export {
  OrganizationProfile,
  OrganizationProfileLink,
  OrganizationProfilePage,
  type OrganizationProfileProps,
} from './organization-profile.js';
export { OrganizationSwitcher, type OrganizationSwitcherProps } from './organization-switcher.js';
