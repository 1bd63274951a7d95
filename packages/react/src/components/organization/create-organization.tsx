'use client';
import { useId } from 'react';
import { useLatchContext } from '../../latch-context.js';
import type { Appearance } from '../appearance/appearance-types.js';
import { Card } from '../primitives/card.js';
import { useResolvedUI, useUI } from '../ui-context.js';
import { CreateOrganizationForm } from './create-organization-form.js';
import { OrgRoot } from './org-root.js';
import { organizationUrl } from './url-template.js';

/** Props of `<CreateOrganization/>` (Clerk's names). */
export interface CreateOrganizationProps {
  /** Where to go once created; `:slug` / `:id` are filled in. Default: stay (the new org is active). */
  afterCreateOrganizationUrl?: string;
  /** Skips the invite step Clerk shows; accepted for compatibility (Latch has no such step here). */
  skipInvitationScreen?: boolean;
  /** Accepted for compatibility (the form lives on one page). */
  routing?: 'path' | 'hash' | 'virtual';
  path?: string;
  appearance?: Appearance;
}

/**
 * A card to create an organization (name, slug); the signed-in user becomes its admin and it becomes
 * the active organization. Renders nothing when signed out.
 *
 * @example
 * <CreateOrganization afterCreateOrganizationUrl="/org/:slug" />
 */
export function CreateOrganization(props: CreateOrganizationProps) {
  const ui = useResolvedUI(props.appearance);
  const { resources } = useLatchContext();
  if (resources && !resources.user) return null;
  return (
    <OrgRoot ui={ui} elementKey="rootBox" extraClassName="latch-createOrganization">
      <CreateOrganizationCard {...props} />
    </OrgRoot>
  );
}

function CreateOrganizationCard(props: CreateOrganizationProps) {
  const { l } = useUI();
  const { navigate } = useLatchContext();
  const titleId = useId();
  return (
    <Card title={l.organization.create.title} subtitle={l.organization.create.subtitle} titleId={titleId}>
      <CreateOrganizationForm
        onCreated={(organization) => {
          if (props.afterCreateOrganizationUrl)
            navigate(organizationUrl(props.afterCreateOrganizationUrl, organization));
        }}
      />
    </Card>
  );
}
