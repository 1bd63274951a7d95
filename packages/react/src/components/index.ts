/**
 * Latch's visual components (Clerk's prebuilt components): `<SignIn/>`, `<SignUp/>`, `<UserButton/>`,
 * `<UserProfile/>` and the sign-in/up/out buttons, styled through `appearance` and translated through
 * `localization` (both on `<LatchProvider>` or per component).
 */
export type {
  Appearance,
  AppearanceLayout,
  AppearanceVariables,
  ElementKey,
  ElementStyle,
} from './appearance/appearance-types.js';
export { ELEMENT_KEYS } from './appearance/appearance-types.js';
export {
  SignInButton,
  type SignInButtonProps,
  SignUpButton,
  type SignUpButtonProps,
} from './buttons/sign-in-button.js';
export { SignOutButton, type SignOutButtonProps } from './buttons/sign-out-button.js';
export * from './organization/index.js';
export { SignIn } from './sign-in/sign-in.js';
export type { SignInProps } from './sign-in/sign-in-types.js';
export { SignUp, type SignUpProps } from './sign-up/sign-up.js';
export type { UserButtonActionProps, UserButtonLinkProps } from './user-button/menu-items.js';
export { UserButton, type UserButtonProps } from './user-button/user-button.js';
export type { UserProfileLinkProps, UserProfilePageProps } from './user-profile/custom-pages.js';
export { UserProfile, type UserProfileProps } from './user-profile/user-profile.js';
