'use client';
import type { ElementKey } from '../appearance/appearance-types.js';
import { useUI } from '../ui-context.js';

export interface AvatarPerson {
  firstName?: string | null;
  lastName?: string | null;
  imageUrl?: string | null;
  hasImage?: boolean;
  identifier?: string | null;
}

/** Initials from the name (or the identifier's first letter): what shows when there is no uploaded image. */
export function initialsOf(person: AvatarPerson): string {
  const fromName = [person.firstName, person.lastName]
    .filter((part): part is string => Boolean(part))
    .map((part) => part.trim()[0] ?? '')
    .join('');
  return (fromName || person.identifier?.trim()[0] || '?').toUpperCase();
}

/** The avatar: the user's image when they uploaded one, else initials. Decorative (the name is nearby). */
export function Avatar({
  person,
  boxKey = 'avatarBox',
  size,
}: {
  person: AvatarPerson;
  boxKey?: ElementKey;
  size?: string;
}) {
  const { el } = useUI();
  const box = el(boxKey, boxKey === 'avatarBox' ? undefined : 'latch-avatarBox');
  const style = size ? { ...box.style, width: size, height: size } : box.style;
  return (
    <span className={box.className} style={style} aria-hidden="true">
      {person.hasImage && person.imageUrl ? (
        <img {...el('avatarImage')} src={person.imageUrl} alt="" />
      ) : (
        <span {...el('avatarInitials')}>{initialsOf(person)}</span>
      )}
    </span>
  );
}
