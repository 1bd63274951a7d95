import type { ElementKey } from '../appearance/appearance-types.js';
import type { ElementProps } from '../appearance/resolve-appearance.js';
import { useUI } from '../ui-context.js';

/**
 * The organization components' own element keys (Clerk's names), styled through `appearance.elements`
 * like the shared ones and carried as `latch-<key>` classes. They sit next to the shared keys (`card`,
 * `navbar`, `profileSection`, `formButtonPrimary`…), which these components use too.
 */
export const ORGANIZATION_ELEMENT_KEYS = [
  'organizationSwitcherBox',
  'organizationSwitcherTrigger',
  'organizationSwitcherTriggerIcon',
  'organizationSwitcherPopoverCard',
  'organizationSwitcherPopoverMain',
  'organizationSwitcherPopoverActions',
  'organizationSwitcherPopoverActionButton',
  'organizationSwitcherPreviewButton',
  'organizationSwitcherInvitations',
  'organizationSwitcherInvitationAcceptButton',
  'organizationPreview',
  'organizationPreviewAvatarBox',
  'organizationPreviewTextContainer',
  'organizationPreviewMainIdentifier',
  'organizationPreviewSecondaryIdentifier',
  'organizationListPreviewItems',
  'organizationListPreviewItem',
  'organizationListPreviewButton',
  'organizationListCreateOrganizationActionButton',
  'organizationProfileMembersTable',
  'organizationProfileMemberRow',
  'organizationProfileRoleSelect',
  'organizationProfileInviteForm',
  'paginationRow',
  'paginationButton',
] as const;

export type OrganizationElementKey = (typeof ORGANIZATION_ELEMENT_KEYS)[number];

/** `useUI()` plus `oel(key)` for the organization keys (the resolver reads any key of `elements`). */
export function useOrgUI() {
  const ui = useUI();
  const oel = (key: OrganizationElementKey, extraClassName?: string): ElementProps =>
    ui.el(key as unknown as ElementKey, extraClassName);
  return { ...ui, oel };
}

/**
 * Rules for the organization keys, in `:where()` (zero specificity, so any app class wins) and built on
 * the same `--latch-*` variables as the base stylesheet; React hoists and de-duplicates the tag.
 */
export const ORGANIZATION_STYLES = `
:where(.latch-organizationSwitcherBox) { position: relative; display: inline-flex; }
:where(.latch-organizationSwitcherTrigger) {
  display: inline-flex; align-items: center; gap: 0.5rem; padding: 0.25rem 0.5rem; font: inherit; color: var(--latch-color-text);
  background: none; border: 1px solid transparent; border-radius: var(--latch-radius); cursor: pointer; max-width: 16rem;
}
:where(.latch-organizationSwitcherTrigger:hover, .latch-organizationSwitcherTrigger[aria-expanded="true"]) { background: var(--latch-subtle); border-color: var(--latch-border); }
:where(.latch-organizationSwitcherTriggerIcon) { display: inline-flex; width: 1rem; height: 1rem; color: var(--latch-color-text-secondary); }
:where(.latch-organizationSwitcherPopoverCard) {
  position: absolute; top: calc(100% + 0.5rem); left: 0; z-index: 1000; width: 22rem; max-width: calc(100vw - 1rem);
  background: var(--latch-color-background); color: var(--latch-color-text);
  border: 1px solid var(--latch-border); border-radius: calc(var(--latch-radius) * 2);
  box-shadow: 0 5px 15px rgba(0, 0, 0, 0.08), 0 15px 35px -5px rgba(25, 28, 33, 0.2); overflow: hidden;
}
:where(.latch-organizationSwitcherPopoverMain) { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem; padding: var(--latch-spacing); }
:where(.latch-organizationSwitcherPopoverActions) { display: flex; flex-direction: column; border-top: 1px solid var(--latch-border); padding: 0.25rem 0; margin: 0; list-style: none; }
:where(.latch-organizationSwitcherPopoverActionButton, .latch-organizationSwitcherPreviewButton, .latch-organizationListPreviewButton, .latch-organizationListCreateOrganizationActionButton) {
  display: flex; align-items: center; gap: 0.75rem; width: 100%; padding: 0.625rem var(--latch-spacing);
  font: inherit; color: var(--latch-color-text); background: none; border: 0; text-align: left; cursor: pointer;
}
:where(.latch-organizationSwitcherPopoverActionButton) { color: var(--latch-color-text-secondary); }
:where(.latch-organizationSwitcherPopoverActionButton:hover, .latch-organizationSwitcherPopoverActionButton:focus-visible, .latch-organizationSwitcherPreviewButton:hover, .latch-organizationSwitcherPreviewButton:focus-visible, .latch-organizationListPreviewButton:hover, .latch-organizationListPreviewButton:focus-visible, .latch-organizationListCreateOrganizationActionButton:hover) { background: var(--latch-subtle); outline: none; }
:where(.latch-organizationSwitcherInvitations) { border-top: 1px solid var(--latch-border); padding: 0.5rem var(--latch-spacing); }
:where(.latch-organizationSwitcherInvitations h2) { margin: 0 0 0.25rem; font-size: 0.75rem; font-weight: var(--latch-font-weight-medium); color: var(--latch-color-text-secondary); }
:where(.latch-organizationSwitcherInvitations ul) { margin: 0; padding: 0; list-style: none; display: flex; flex-direction: column; gap: 0.25rem; }
:where(.latch-organizationSwitcherInvitations li) { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem; }
:where(.latch-organizationPreview) { display: flex; align-items: center; gap: 0.75rem; min-width: 0; }
:where(.latch-organizationPreviewAvatarBox) { border-radius: var(--latch-radius); }
:where(.latch-organizationPreviewTextContainer) { display: flex; flex-direction: column; min-width: 0; }
:where(.latch-organizationPreviewMainIdentifier) { font-weight: var(--latch-font-weight-medium); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
:where(.latch-organizationPreviewSecondaryIdentifier) { color: var(--latch-color-text-secondary); font-size: 0.75rem; }
:where(.latch-organizationListPreviewItems) { display: flex; flex-direction: column; margin: 0; padding: 0; list-style: none; border: 1px solid var(--latch-border); border-radius: calc(var(--latch-radius) * 1.5); overflow: hidden; }
:where(.latch-organizationListPreviewItem + .latch-organizationListPreviewItem) { border-top: 1px solid var(--latch-border); }
:where(.latch-organizationListPreviewItem) { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem; }
:where(.latch-organizationListPreviewItem > .latch-profileSectionItemButton) { margin-right: var(--latch-spacing); }
:where(.latch-organizationProfileMembersTable) { width: 100%; border-collapse: collapse; }
:where(.latch-organizationProfileMembersTable th) { text-align: left; font-size: 0.75rem; font-weight: var(--latch-font-weight-medium); color: var(--latch-color-text-secondary); padding: 0.25rem 0.5rem 0.25rem 0; }
:where(.latch-organizationProfileMemberRow td) { padding: 0.5rem 0.5rem 0.5rem 0; border-top: 1px solid var(--latch-border); vertical-align: middle; }
:where(.latch-organizationProfileRoleSelect) {
  font: inherit; color: var(--latch-color-input-text); background: var(--latch-color-input-background);
  border: 1px solid var(--latch-border); border-radius: var(--latch-radius); padding: 0.25rem 0.5rem; min-height: 2rem;
}
:where(.latch-organizationProfileInviteForm) { display: flex; flex-direction: column; gap: var(--latch-spacing); }
:where(.latch-paginationRow) { display: flex; align-items: center; justify-content: flex-end; gap: 0.5rem; font-size: 0.75rem; color: var(--latch-color-text-secondary); }
:where(.latch-organizationProfile .latch-cardBox) { max-width: 55rem; }
:where(.latch-organizationProfile .latch-card) { flex-direction: row; padding: 0; gap: 0; min-height: 36rem; overflow: hidden; }
@media (max-width: 40rem) { :where(.latch-organizationProfile .latch-card) { flex-direction: column; } }
`;
