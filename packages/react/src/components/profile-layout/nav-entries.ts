import { Children, type ComponentType, isValidElement, type ReactNode } from 'react';

/** `<UserProfile.Page>` / `<OrganizationProfile.Page>`: a custom page in a profile's navbar. */
export interface ProfilePageProps {
  /** The navbar label, or a built-in page's id (`'account'`, `'members'`…) to place it among custom ones. */
  label: string;
  /** The page's path segment (`<path>/<url>` with path routing). */
  url?: string;
  labelIcon?: ReactNode;
  children?: ReactNode;
}

/** `<UserProfile.Link>` / `<OrganizationProfile.Link>`: a navbar entry that leaves the profile for another URL. */
export interface ProfileLinkProps {
  label: string;
  url: string;
  labelIcon?: ReactNode;
}

/** One navbar entry of a profile: a built-in page (`Id` names them), a custom page or a link. */
export type NavEntry<Id extends string> =
  | { kind: 'builtIn'; id: Id }
  | { kind: 'page'; id: string; label: string; icon: ReactNode; content: ReactNode }
  | { kind: 'link'; label: string; icon: ReactNode; url: string };

/** The marker components a profile reads from its children, and the ids of its built-in pages. */
export interface NavVocabulary<Id extends string> {
  page: ComponentType<ProfilePageProps>;
  link: ComponentType<ProfileLinkProps>;
  builtIns: readonly Id[];
}

/**
 * The entries the app wrote, in its order: a Page labelled with a built-in id places that built-in
 * page there. Wrappers are looked through by `Children.toArray`, so `<UserButton>` can hand its
 * `<UserButton.UserProfilePage>` children straight on.
 */
export function collectNavEntries<Id extends string>(
  children: ReactNode,
  vocabulary: NavVocabulary<Id>,
): NavEntry<Id>[] {
  const entries: NavEntry<Id>[] = [];
  for (const child of Children.toArray(children)) {
    if (!isValidElement(child)) continue;
    if (child.type === vocabulary.page) {
      const props = child.props as ProfilePageProps;
      const builtIn = vocabulary.builtIns.find((id) => id === props.label);
      if (builtIn) entries.push({ kind: 'builtIn', id: builtIn });
      else
        entries.push({
          kind: 'page',
          id: props.url ?? slug(props.label),
          label: props.label,
          icon: props.labelIcon,
          content: props.children,
        });
    } else if (child.type === vocabulary.link) {
      const props = child.props as ProfileLinkProps;
      entries.push({ kind: 'link', label: props.label, icon: props.labelIcon, url: props.url });
    }
  }
  return entries;
}

/** The built-in pages the app did not place, first and in their usual order, then the app's entries. */
export function withBuiltIns<Id extends string>(entries: NavEntry<Id>[], builtIns: readonly Id[]): NavEntry<Id>[] {
  const placed = new Set(entries.flatMap((entry) => (entry.kind === 'builtIn' ? [entry.id] : [])));
  const missing = builtIns.filter((id) => !placed.has(id)).map((id): NavEntry<Id> => ({ kind: 'builtIn', id }));
  return [...missing, ...entries];
}

/** The page id an entry opens; null for links, which leave the profile. */
export function navEntryId(entry: NavEntry<string>): string | null {
  return entry.kind === 'link' ? null : entry.id;
}

function slug(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
