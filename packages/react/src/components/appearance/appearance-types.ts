import type { CSSProperties } from 'react';

/**
 * Theme variables (Clerk's names). Each becomes a `--latch-*` CSS custom property on the component's
 * root, which every element's style reads, so one value restyles the whole component.
 */
export interface AppearanceVariables {
  colorPrimary?: string;
  colorTextOnPrimaryBackground?: string;
  colorBackground?: string;
  colorText?: string;
  colorTextSecondary?: string;
  colorInputBackground?: string;
  colorInputText?: string;
  colorNeutral?: string;
  colorDanger?: string;
  colorSuccess?: string;
  colorWarning?: string;
  colorShimmer?: string;
  borderRadius?: string;
  fontFamily?: string;
  fontFamilyButtons?: string;
  fontSize?: string;
  fontWeight?: { normal?: number; medium?: number; bold?: number };
  spacingUnit?: string;
}

/** What an element key accepts: class names (Tailwind works) or a style object applied inline. */
export type ElementStyle = string | CSSProperties;

export interface AppearanceLayout {
  socialButtonsPlacement?: 'top' | 'bottom';
  socialButtonsVariant?: 'auto' | 'iconButton' | 'blockButton';
  logoImageUrl?: string;
  logoLinkUrl?: string;
  logoPlacement?: 'inside' | 'outside' | 'none';
  termsPageUrl?: string;
  privacyPageUrl?: string;
  helpPageUrl?: string;
  showOptionalFields?: boolean;
  shimmer?: boolean;
}

/** A prebuilt theme such as `dark` from `@latch/themes` (structurally typed, so any package can ship one). */
export interface BaseThemeLike {
  __type?: 'prebuilt_appearance';
  variables?: Record<string, unknown>;
  elements?: Record<string, unknown>;
}

/**
 * `appearance` on `<LatchProvider>` (global) or on one component (overrides the global one).
 *
 * @example
 * <SignIn appearance={{ baseTheme: dark, variables: { colorPrimary: '#0f766e' }, elements: { card: 'shadow-none' } }} />
 */
export interface Appearance {
  baseTheme?: BaseThemeLike | BaseThemeLike[];
  variables?: AppearanceVariables;
  elements?: Partial<Record<ElementKey, ElementStyle>> & Record<string, ElementStyle | undefined>;
  layout?: AppearanceLayout;
}

/**
 * Every stable element key. Each element renders the class `latch-<key>` and accepts
 * `appearance.elements[key]`. Documented in packages/react/README.md.
 */
export const ELEMENT_KEYS = [
  'rootBox',
  'cardBox',
  'card',
  'logoBox',
  'logoImage',
  'header',
  'headerTitle',
  'headerSubtitle',
  'headerBackLink',
  'main',
  'socialButtons',
  'socialButtonsBlockButton',
  'socialButtonsBlockButtonText',
  'dividerRow',
  'dividerLine',
  'dividerText',
  'form',
  'formField',
  'formFieldRow',
  'formFieldLabelRow',
  'formFieldLabel',
  'formFieldHintText',
  'formFieldInput',
  'formFieldInputShowPasswordButton',
  'formFieldAction',
  'formFieldErrorText',
  'formFieldSuccessText',
  'formFieldCheckbox',
  'formFieldCheckboxLabel',
  'formButtonPrimary',
  'formButtonReset',
  'formResendCodeLink',
  'otpCodeField',
  'otpCodeFieldInput',
  'passwordHints',
  'passwordHint',
  'identityPreview',
  'identityPreviewText',
  'identityPreviewEditButton',
  'alternativeMethods',
  'alternativeMethodsBlockButton',
  'alert',
  'alertText',
  'spinner',
  'footer',
  'footerAction',
  'footerActionText',
  'footerActionLink',
  'footerPages',
  'footerPagesLink',
  'avatarBox',
  'avatarImage',
  'avatarInitials',
  'userButtonBox',
  'userButtonTrigger',
  'userButtonAvatarBox',
  'userButtonPopoverCard',
  'userButtonPopoverMain',
  'userButtonPopoverActions',
  'userButtonPopoverActionButton',
  'userButtonPopoverActionButtonIcon',
  'userButtonPopoverActionButtonText',
  'userButtonPopoverCustomItemButton',
  'userPreview',
  'userPreviewAvatarBox',
  'userPreviewTextContainer',
  'userPreviewMainIdentifier',
  'userPreviewSecondaryIdentifier',
  'modalBackdrop',
  'modalContent',
  'modalCloseButton',
  'navbar',
  'navbarTitle',
  'navbarSubtitle',
  'navbarButtons',
  'navbarButton',
  'navbarButtonIcon',
  'pageScrollBox',
  'page',
  'profilePage',
  'profileSection',
  'profileSectionHeader',
  'profileSectionTitle',
  'profileSectionContent',
  'profileSectionItem',
  'profileSectionPrimaryButton',
  'profileSectionItemButton',
  'badge',
  'activeDevice',
  'activeDeviceText',
  'signInButton',
  'signUpButton',
  'signOutButton',
] as const;

export type ElementKey = (typeof ELEMENT_KEYS)[number];
