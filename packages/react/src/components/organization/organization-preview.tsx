'use client';
import { Avatar } from '../primitives/avatar.js';
import { useOrgUI } from './org-elements.js';

/** An organization's (or the personal account's) avatar, name and a secondary line (role, members). */
export function OrganizationPreview({
  name,
  imageUrl,
  hasImage,
  secondary,
}: {
  name: string;
  imageUrl?: string | null;
  hasImage?: boolean;
  secondary?: string | null;
}) {
  const { oel } = useOrgUI();
  return (
    <span {...oel('organizationPreview')}>
      <Avatar
        person={{ firstName: name, imageUrl: imageUrl ?? null, hasImage: hasImage ?? false }}
        boxKey={'organizationPreviewAvatarBox' as never}
      />
      <span {...oel('organizationPreviewTextContainer')}>
        <span {...oel('organizationPreviewMainIdentifier')}>{name}</span>
        {secondary ? <span {...oel('organizationPreviewSecondaryIdentifier')}>{secondary}</span> : null}
      </span>
    </span>
  );
}
