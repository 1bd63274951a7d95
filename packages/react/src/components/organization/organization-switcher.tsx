'use client';
import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useLatchContext } from '../../latch-context.js';
import type { Appearance } from '../appearance/appearance-types.js';
import { toDisplayErrors } from '../errors.js';
import { Alert } from '../primitives/alert.js';
import { GearIcon, PlusIcon, SwitchIcon } from '../primitives/icons.js';
import { Modal } from '../primitives/modal.js';
import { useResolvedUI } from '../ui-context.js';
import { CreateOrganizationForm } from './create-organization-form.js';
import { useOrgUI } from './org-elements.js';
import { refreshResources } from './org-fapi.js';
import { OrgRoot } from './org-root.js';
import { OrganizationPreview } from './organization-preview.js';
import { OrganizationProfile } from './organization-profile.js';
import { PendingInvitations } from './pending-invitations.js';
import { organizationUrl } from './url-template.js';
import { useMyOrganizations } from './use-my-organizations.js';

/** Props of `<OrganizationSwitcher/>` (Clerk's names). */
export interface OrganizationSwitcherProps {
  /** Hide the personal account: the user always works inside an organization. */
  hidePersonal?: boolean;
  /** Where to go after choosing an organization; `:slug` / `:id` are filled in. */
  afterSelectOrganizationUrl?: string;
  /** Where to go after choosing the personal account. */
  afterSelectPersonalUrl?: string;
  /** Where to go after creating one; `:slug` / `:id` are filled in. Default: `afterSelectOrganizationUrl`. */
  afterCreateOrganizationUrl?: string;
  /** Where to go after leaving the active organization from its profile. */
  afterLeaveOrganizationUrl?: string;
  /** `modal` (default) opens `<OrganizationProfile/>` over the page; `navigation` goes to the URL. */
  organizationProfileMode?: 'modal' | 'navigation';
  organizationProfileUrl?: string;
  /** `inline` (default: the form opens inside the switcher) or `navigation` to `createOrganizationUrl`. */
  createOrganizationMode?: 'inline' | 'modal' | 'navigation';
  createOrganizationUrl?: string;
  defaultOpen?: boolean;
  appearance?: Appearance;
  organizationProfileProps?: { appearance?: Appearance };
}

/**
 * The active organization (or the personal account) as a button; it opens a panel to switch, to manage
 * the organization, to create one in place, and to accept pending invitations. Renders nothing when
 * signed out.
 *
 * @example
 * <OrganizationSwitcher hidePersonal afterSelectOrganizationUrl="/org/:slug" afterCreateOrganizationUrl="/org/:slug" />
 */
export function OrganizationSwitcher(props: OrganizationSwitcherProps) {
  const ui = useResolvedUI(props.appearance);
  const { resources } = useLatchContext();
  if (resources && !resources.user) return null;
  if (!resources) {
    // Keeps the trigger's footprint while loading, so a header does not shift when it appears.
    return <span style={{ display: 'inline-block', width: '10rem', height: '2.25rem' }} aria-hidden="true" />;
  }
  return (
    <OrgRoot ui={ui} elementKey={'organizationSwitcherBox' as never}>
      <SwitcherPanel {...props} />
    </OrgRoot>
  );
}

function SwitcherPanel(props: OrganizationSwitcherProps) {
  const { el, oel, l } = useOrgUI();
  const { latch, resources, navigate } = useLatchContext();
  const [open, setOpen] = useState(props.defaultOpen ?? false);
  const [creating, setCreating] = useState(false);
  const [profileOpen, setProfileOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const profileTitleId = useId();
  const strings = l.organization.switcher;
  // Invitations and suggestions are fetched when the panel opens: every page shows the trigger, few open it.
  const mine = useMyOrganizations({ invitations: open, suggestions: open });
  const user = resources?.user ?? null;
  const personalName = user?.fullName || user?.primaryEmailAddress?.emailAddress || strings.personalAccount;
  const active = mine.memberships.find((membership) => membership.organization.id === mine.activeOrganizationId);
  const others = mine.memberships.filter((membership) => membership !== active);

  const close = useCallback((focusTrigger: boolean) => {
    setOpen(false);
    setCreating(false);
    if (focusTrigger) trigger.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    if (!creating) panel.current?.querySelector<HTMLElement>('[data-option]')?.focus();
    const onPointer = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !trigger.current?.contains(target)) {
        setOpen(false);
        setCreating(false);
      }
    };
    document.addEventListener('mousedown', onPointer);
    return () => document.removeEventListener('mousedown', onPointer);
  }, [open, creating]);

  // Arrow keys move between the panel's options; Escape closes and gives focus back to the trigger.
  const onPanelKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
      return;
    }
    if (creating) return;
    const options = Array.from(panel.current?.querySelectorAll<HTMLElement>('[data-option]') ?? []);
    const index = options.indexOf(document.activeElement as HTMLElement);
    if (index === -1) return;
    const move = (to: number) => {
      event.preventDefault();
      options[(to + options.length) % options.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(options.length - 1);
  };

  const select = async (organization: { id: string; slug: string | null } | null) => {
    if (!latch) return;
    setError(null);
    try {
      await latch.setActive({ organization: organization?.id ?? null });
      await refreshResources(latch);
      close(false);
      if (organization && props.afterSelectOrganizationUrl)
        navigate(organizationUrl(props.afterSelectOrganizationUrl, organization));
      else if (!organization && props.afterSelectPersonalUrl) navigate(props.afterSelectPersonalUrl);
    } catch (caught) {
      setError(toDisplayErrors(caught, l, []).global);
    }
  };

  const manage = () => {
    close(false);
    if (props.organizationProfileMode === 'navigation' && props.organizationProfileUrl) {
      navigate(
        active ? organizationUrl(props.organizationProfileUrl, active.organization) : props.organizationProfileUrl,
      );
    } else setProfileOpen(true);
  };

  const startCreate = () => {
    if (props.createOrganizationMode === 'navigation' && props.createOrganizationUrl) {
      close(false);
      navigate(props.createOrganizationUrl);
    } else setCreating(true);
  };

  return (
    <>
      <button
        ref={trigger}
        type="button"
        {...oel('organizationSwitcherTrigger')}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        {active ? (
          <OrganizationPreview
            name={active.organization.name}
            imageUrl={active.organization.image_url}
            hasImage={active.organization.has_image}
          />
        ) : props.hidePersonal ? (
          <span>{strings.noOrganization}</span>
        ) : (
          <OrganizationPreview
            name={personalName}
            imageUrl={user?.imageUrl ?? null}
            hasImage={Boolean(user?.hasImage)}
          />
        )}
        {/* The visible name leads the accessible name (WCAG 2.5.3); the purpose follows, for screen readers. */}
        <span className="latch-visuallyHidden">, {strings.triggerLabel}</span>
        <span {...oel('organizationSwitcherTriggerIcon')} aria-hidden="true">
          <SwitchIcon />
        </span>
      </button>
      {open ? (
        <div
          ref={panel}
          id={panelId}
          role="dialog"
          aria-label={strings.triggerLabel}
          {...oel('organizationSwitcherPopoverCard')}
          onKeyDown={onPanelKey}
        >
          {creating ? (
            <div {...oel('organizationSwitcherPopoverMain')} style={{ display: 'block' }}>
              <h2 {...el('headerTitle')} style={{ fontSize: '1rem', marginBottom: '0.75rem' }}>
                {l.organization.create.title}
              </h2>
              <CreateOrganizationForm
                onCancel={() => setCreating(false)}
                onCreated={(organization) => {
                  close(false);
                  const target = props.afterCreateOrganizationUrl ?? props.afterSelectOrganizationUrl;
                  if (target) navigate(organizationUrl(target, organization));
                }}
              />
            </div>
          ) : (
            <>
              <div {...oel('organizationSwitcherPopoverMain')}>
                {active ? (
                  <OrganizationPreview
                    name={active.organization.name}
                    imageUrl={active.organization.image_url}
                    hasImage={active.organization.has_image}
                    secondary={active.role_name ?? active.role}
                  />
                ) : (
                  <OrganizationPreview
                    name={props.hidePersonal ? strings.noOrganization : personalName}
                    secondary={props.hidePersonal ? null : strings.personalAccount}
                  />
                )}
                {active ? (
                  <button
                    type="button"
                    data-option
                    {...el(
                      'profileSectionItemButton',
                      'latch-organizationSwitcherPopoverActionButton__manageOrganization',
                    )}
                    onClick={manage}
                  >
                    <GearIcon /> {strings.manageOrganization}
                  </button>
                ) : null}
              </div>
              <Alert message={error} />
              <ul {...oel('organizationSwitcherPopoverActions')} aria-label={strings.listLabel}>
                {active && !props.hidePersonal ? (
                  <li>
                    <button
                      type="button"
                      data-option
                      {...oel('organizationSwitcherPreviewButton', 'latch-organizationSwitcherPreviewButton__personal')}
                      onClick={() => void select(null)}
                    >
                      <OrganizationPreview
                        name={personalName}
                        imageUrl={user?.imageUrl ?? null}
                        hasImage={Boolean(user?.hasImage)}
                        secondary={strings.personalAccount}
                      />
                    </button>
                  </li>
                ) : null}
                {others.map((membership) => (
                  <li key={membership.id}>
                    <button
                      type="button"
                      data-option
                      data-organization={membership.organization.id}
                      {...oel('organizationSwitcherPreviewButton')}
                      onClick={() => void select(membership.organization)}
                    >
                      <OrganizationPreview
                        name={membership.organization.name}
                        imageUrl={membership.organization.image_url}
                        hasImage={membership.organization.has_image}
                        secondary={membership.role_name ?? membership.role}
                      />
                    </button>
                  </li>
                ))}
                <li>
                  <button
                    type="button"
                    data-option
                    {...oel(
                      'organizationSwitcherPopoverActionButton',
                      'latch-organizationSwitcherPopoverActionButton__createOrganization',
                    )}
                    onClick={startCreate}
                  >
                    <PlusIcon /> {strings.createOrganization}
                  </button>
                </li>
              </ul>
              <PendingInvitations invitations={mine.invitations} suggestions={mine.suggestions} />
            </>
          )}
        </div>
      ) : null}
      {profileOpen ? (
        <Modal labelledBy={profileTitleId} wide onClose={() => setProfileOpen(false)}>
          <span id={profileTitleId} className="latch-visuallyHidden">
            {l.organization.profile.title}
          </span>
          <OrganizationProfile
            routing="virtual"
            {...(props.afterLeaveOrganizationUrl ? { afterLeaveOrganizationUrl: props.afterLeaveOrganizationUrl } : {})}
            {...(props.organizationProfileProps?.appearance
              ? { appearance: props.organizationProfileProps.appearance }
              : {})}
          />
        </Modal>
      ) : null}
    </>
  );
}
