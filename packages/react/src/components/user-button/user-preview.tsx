'use client';
import { Avatar, type AvatarPerson } from '../primitives/avatar.js';
import { useUI } from '../ui-context.js';

/** Avatar + name + email, as in the UserButton popover and the profile header. */
export function UserPreview({
  person,
  main,
  secondary,
}: {
  person: AvatarPerson;
  main: string;
  secondary?: string | null;
}) {
  const { el } = useUI();
  return (
    <div {...el('userPreview')}>
      <Avatar person={person} boxKey="userPreviewAvatarBox" size="2.5rem" />
      <div {...el('userPreviewTextContainer')}>
        <span {...el('userPreviewMainIdentifier')}>{main}</span>
        {secondary && secondary !== main ? <span {...el('userPreviewSecondaryIdentifier')}>{secondary}</span> : null}
      </div>
    </div>
  );
}
