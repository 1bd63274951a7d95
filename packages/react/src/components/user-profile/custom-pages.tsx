'use client';
import type { ReactNode } from 'react';
import {
  collectNavEntries,
  type NavEntry,
  type NavVocabulary,
  type ProfileLinkProps,
  type ProfilePageProps,
} from '../profile-layout/nav-entries.js';

/** `<UserProfile.Page>`'s props; `label="account"` / `"security"` places a built-in page. */
export type UserProfilePageProps = ProfilePageProps;
export type UserProfileLinkProps = ProfileLinkProps;

/** `<UserProfile.Page label url labelIcon>`: a custom page in the profile's navbar. Read by `<UserProfile>`. */
export function UserProfilePage(_props: UserProfilePageProps) {
  return null;
}

/** `<UserProfile.Link label url labelIcon>`: a navbar entry that leaves the profile for another URL. */
export function UserProfileLink(_props: UserProfileLinkProps) {
  return null;
}

export const USER_PROFILE_PAGES = ['account', 'security'] as const;
export type ProfileNavEntry = NavEntry<(typeof USER_PROFILE_PAGES)[number]>;

const VOCABULARY: NavVocabulary<(typeof USER_PROFILE_PAGES)[number]> = {
  page: UserProfilePage,
  link: UserProfileLink,
  builtIns: USER_PROFILE_PAGES,
};

/** The app's `<UserProfile.Page>` / `<UserProfile.Link>` entries (also inside `<UserButton>`), in order. */
export function collectProfilePages(children: ReactNode): ProfileNavEntry[] {
  return collectNavEntries(children, VOCABULARY);
}
