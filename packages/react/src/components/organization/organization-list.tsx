'use client';
import { useId, useState } from 'react';
import { useLatchContext } from '../../latch-context.js';
import type { Appearance } from '../appearance/appearance-types.js';
import { toDisplayErrors } from '../errors.js';
import { Alert } from '../primitives/alert.js';
import { Card } from '../primitives/card.js';
import { PlusIcon } from '../primitives/icons.js';
import { useResolvedUI } from '../ui-context.js';
import { CreateOrganizationForm } from './create-organization-form.js';
import { useOrgUI } from './org-elements.js';
import { refreshResources } from './org-fapi.js';
import { OrgRoot } from './org-root.js';
import { OrganizationPreview } from './organization-preview.js';
import { PendingInvitations } from './pending-invitations.js';
import { organizationUrl } from './url-template.js';
import { useMyOrganizations } from './use-my-organizations.js';

/** Props of `<OrganizationList/>` (Clerk's names). */
export interface OrganizationListProps {
  hidePersonal?: boolean;
  /** Where to go after choosing an organization; `:slug` / `:id` are filled in. */
  afterSelectOrganizationUrl?: string;
  afterSelectPersonalUrl?: string;
  /** Where to go after creating one; `:slug` / `:id` are filled in. Default: `afterSelectOrganizationUrl`. */
  afterCreateOrganizationUrl?: string;
  /** Accepted for compatibility. */
  skipInvitationScreen?: boolean;
  appearance?: Appearance;
}

/**
 * A card to choose where to work: the user's organizations (and the personal account unless
 * `hidePersonal`), pending invitations and suggestions to accept, and creating an organization in
 * place. Renders nothing when signed out.
 *
 * @example
 * <OrganizationList hidePersonal afterSelectOrganizationUrl="/org/:slug" afterCreateOrganizationUrl="/org/:slug" />
 */
export function OrganizationList(props: OrganizationListProps) {
  const ui = useResolvedUI(props.appearance);
  const { resources } = useLatchContext();
  if (resources && !resources.user) return null;
  return (
    <OrgRoot ui={ui} elementKey="rootBox" extraClassName="latch-organizationList">
      <OrganizationListCard {...props} />
    </OrgRoot>
  );
}

function OrganizationListCard(props: OrganizationListProps) {
  const { el, oel, l, fmt } = useOrgUI();
  const { latch, resources, navigate } = useLatchContext();
  const titleId = useId();
  const strings = l.organization;
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mine = useMyOrganizations();
  const user = resources?.user ?? null;
  const personalName = user?.fullName || user?.primaryEmailAddress?.emailAddress || strings.switcher.personalAccount;
  const applicationName = latch?.environment?.displayConfig?.applicationName ?? '';

  const select = async (organization: { id: string; slug: string | null } | null) => {
    if (!latch) return;
    setError(null);
    try {
      await latch.setActive({ organization: organization?.id ?? null });
      await refreshResources(latch);
      if (organization && props.afterSelectOrganizationUrl)
        navigate(organizationUrl(props.afterSelectOrganizationUrl, organization));
      else if (!organization && props.afterSelectPersonalUrl) navigate(props.afterSelectPersonalUrl);
    } catch (caught) {
      setError(toDisplayErrors(caught, l, []).global);
    }
  };

  if (creating) {
    return (
      <Card title={strings.create.title} subtitle={strings.create.subtitle} titleId={titleId}>
        <CreateOrganizationForm
          onCancel={() => setCreating(false)}
          onCreated={(organization) => {
            setCreating(false);
            const target = props.afterCreateOrganizationUrl ?? props.afterSelectOrganizationUrl;
            if (target) navigate(organizationUrl(target, organization));
          }}
        />
      </Card>
    );
  }

  return (
    <Card
      title={strings.list.title}
      subtitle={applicationName ? fmt(strings.list.subtitle, { applicationName }) : undefined}
      titleId={titleId}
    >
      <Alert message={error} />
      <ul {...oel('organizationListPreviewItems')} aria-label={strings.switcher.listLabel} aria-busy={mine.loading}>
        {props.hidePersonal ? null : (
          <li {...oel('organizationListPreviewItem')}>
            <button
              type="button"
              {...oel('organizationListPreviewButton', 'latch-organizationListPreviewButton__personal')}
              aria-current={mine.activeOrganizationId ? undefined : 'true'}
              onClick={() => void select(null)}
            >
              <OrganizationPreview
                name={personalName}
                imageUrl={user?.imageUrl ?? null}
                hasImage={Boolean(user?.hasImage)}
                secondary={strings.switcher.personalAccount}
              />
            </button>
          </li>
        )}
        {mine.memberships.map((membership) => (
          <li key={membership.id} {...oel('organizationListPreviewItem')}>
            <button
              type="button"
              {...oel('organizationListPreviewButton')}
              data-organization={membership.organization.id}
              aria-current={membership.organization.id === mine.activeOrganizationId ? 'true' : undefined}
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
        <li {...oel('organizationListPreviewItem')}>
          <button
            type="button"
            {...oel('organizationListCreateOrganizationActionButton')}
            onClick={() => setCreating(true)}
          >
            <PlusIcon /> {strings.switcher.createOrganization}
          </button>
        </li>
      </ul>
      {!mine.loading && mine.memberships.length === 0 && props.hidePersonal ? (
        <p {...el('headerSubtitle')}>{strings.list.empty}</p>
      ) : null}
      <PendingInvitations invitations={mine.invitations} suggestions={mine.suggestions} />
    </Card>
  );
}
