/**
 * The components' stylesheet. Every rule is wrapped in `:where()` (zero specificity), so any class an app
 * passes through `appearance.elements` wins without `!important`. Colors and sizes come from the
 * `--latch-*` custom properties the root element sets from `appearance.variables`; lighter/darker shades
 * are derived with `color-mix()` so one `colorPrimary` restyles hover, focus and borders too.
 */
export const BASE_STYLES = `
:where(.latch-root) {
  --latch-color-primary: #2f3037;
  --latch-color-on-primary: #ffffff;
  --latch-color-background: #ffffff;
  --latch-color-text: #212126;
  --latch-color-text-secondary: #5e5f6e;
  --latch-color-input-background: #ffffff;
  --latch-color-input-text: #131316;
  --latch-color-neutral: #000000;
  --latch-color-danger: #d0222b;
  --latch-color-success: #13773a;
  --latch-color-warning: #a14a0a;
  --latch-color-shimmer: rgba(255, 255, 255, 0.36);
  --latch-radius: 0.375rem;
  --latch-font-family: inherit;
  --latch-font-family-buttons: var(--latch-font-family);
  --latch-font-size: 0.8125rem;
  --latch-font-weight-normal: 400;
  --latch-font-weight-medium: 500;
  --latch-font-weight-bold: 700;
  --latch-spacing: 1rem;
  --latch-border: color-mix(in srgb, var(--latch-color-neutral) 14%, transparent);
  --latch-subtle: color-mix(in srgb, var(--latch-color-neutral) 5%, transparent);
  /* Links sit on the background, not on the primary: half-way to the text color keeps them readable
     (WCAG AA) whatever primary a theme picks, light or dark. */
  --latch-color-link: color-mix(in srgb, var(--latch-color-primary) 55%, var(--latch-color-text));
  font-family: var(--latch-font-family);
  font-size: var(--latch-font-size);
  color: var(--latch-color-text);
  line-height: 1.4;
  box-sizing: border-box;
}
:where(.latch-root *, .latch-root *::before, .latch-root *::after) { box-sizing: inherit; }
:where(.latch-rootBox) { display: flex; justify-content: center; width: 100%; }
:where(.latch-cardBox) { width: 100%; max-width: 25rem; container-type: inline-size; }
:where(.latch-card) {
  background: var(--latch-color-background);
  color: var(--latch-color-text);
  border: 1px solid var(--latch-border);
  border-radius: calc(var(--latch-radius) * 2);
  box-shadow: 0 5px 15px rgba(0, 0, 0, 0.08), 0 15px 35px -5px rgba(25, 28, 33, 0.2);
  padding: calc(var(--latch-spacing) * 2) calc(var(--latch-spacing) * 2.5);
  display: flex; flex-direction: column; gap: calc(var(--latch-spacing) * 1.5);
}
@media (max-width: 30rem) {
  :where(.latch-card) { padding: calc(var(--latch-spacing) * 1.5) var(--latch-spacing); border-radius: var(--latch-radius); }
}
:where(.latch-logoBox) { display: flex; justify-content: center; height: 2rem; }
:where(.latch-logoImage) { height: 100%; width: auto; }
:where(.latch-header) { display: flex; flex-direction: column; gap: 0.25rem; text-align: center; }
:where(.latch-headerTitle) { margin: 0; font-size: 1.0625rem; font-weight: var(--latch-font-weight-bold); color: var(--latch-color-text); }
:where(.latch-headerSubtitle) { margin: 0; color: var(--latch-color-text-secondary); }
:where(.latch-main, .latch-form) { display: flex; flex-direction: column; gap: var(--latch-spacing); }
:where(.latch-formField) { display: flex; flex-direction: column; gap: 0.375rem; }
:where(.latch-formFieldRow) { display: flex; gap: var(--latch-spacing); }
:where(.latch-formFieldRow > *) { flex: 1 1 0; min-width: 0; }
@container (max-width: 20rem) { :where(.latch-formFieldRow) { flex-direction: column; } }
:where(.latch-formFieldLabelRow) { display: flex; justify-content: space-between; align-items: baseline; gap: 0.5rem; }
:where(.latch-formFieldLabel) { font-weight: var(--latch-font-weight-medium); color: var(--latch-color-text); }
:where(.latch-formFieldHintText) { color: var(--latch-color-text-secondary); font-size: 0.75rem; }
:where(.latch-formFieldInput) {
  width: 100%; min-height: 2.25rem; padding: 0.375rem 0.75rem;
  font: inherit; color: var(--latch-color-input-text); background: var(--latch-color-input-background);
  border: 1px solid var(--latch-border); border-radius: var(--latch-radius);
  box-shadow: 0 1px 1px rgba(0, 0, 0, 0.04);
  transition: border-color 0.1s, box-shadow 0.1s;
}
:where(.latch-formFieldInput:hover) { border-color: color-mix(in srgb, var(--latch-color-neutral) 28%, transparent); }
:where(.latch-formFieldInput:focus-visible) {
  outline: none; border-color: var(--latch-color-primary);
  box-shadow: 0 0 0 3px color-mix(in srgb, var(--latch-color-primary) 25%, transparent);
}
:where(.latch-formFieldInput[aria-invalid="true"]) { border-color: var(--latch-color-danger); }
:where(.latch-formFieldInput[aria-invalid="true"]:focus-visible) {
  box-shadow: 0 0 0 3px color-mix(in srgb, var(--latch-color-danger) 25%, transparent);
}
:where(.latch-passwordInputBox) { position: relative; }
:where(.latch-passwordInputBox .latch-formFieldInput) { padding-right: 2.5rem; }
:where(.latch-formFieldInputShowPasswordButton) {
  position: absolute; right: 0.25rem; top: 50%; transform: translateY(-50%);
  display: inline-flex; align-items: center; justify-content: center; width: 2rem; height: 1.75rem;
  border: 0; background: transparent; color: var(--latch-color-text-secondary); border-radius: var(--latch-radius); cursor: pointer;
}
:where(.latch-formFieldErrorText, .latch-formFieldSuccessText) { margin: 0; font-size: 0.75rem; display: flex; gap: 0.25rem; }
:where(.latch-formFieldErrorText) { color: var(--latch-color-danger); }
:where(.latch-formFieldSuccessText) { color: var(--latch-color-success); }
:where(.latch-formFieldCheckboxLabel) { display: flex; align-items: flex-start; gap: 0.5rem; color: var(--latch-color-text-secondary); cursor: pointer; }
:where(.latch-formFieldCheckbox) { margin: 0.125rem 0 0; accent-color: var(--latch-color-primary); width: 1rem; height: 1rem; }
:where(.latch-formButtonPrimary, .latch-formButtonReset, .latch-socialButtonsBlockButton, .latch-alternativeMethodsBlockButton, .latch-profileSectionPrimaryButton, .latch-profileSectionItemButton) {
  position: relative; display: inline-flex; align-items: center; justify-content: center; gap: 0.5rem;
  min-height: 2.25rem; padding: 0.375rem 0.875rem; border-radius: var(--latch-radius);
  font: inherit; font-family: var(--latch-font-family-buttons); font-weight: var(--latch-font-weight-medium);
  cursor: pointer; transition: background-color 0.1s, box-shadow 0.1s, opacity 0.1s;
}
:where(.latch-formButtonPrimary) {
  width: 100%; border: 0; color: var(--latch-color-on-primary); background-color: var(--latch-color-primary);
  box-shadow: 0 1px 1px rgba(0, 0, 0, 0.08), inset 0 1px 0 rgba(255, 255, 255, 0.07);
}
:where(.latch-formButtonPrimary:hover) { background-color: color-mix(in srgb, var(--latch-color-primary) 88%, #000); }
:where(.latch-formButtonPrimary[aria-busy="true"]) { cursor: progress; }
:where(.latch-formButtonPrimary[aria-busy="true"] > .latch-buttonLabel) { visibility: hidden; }
:where(.latch-formButtonPrimary > .latch-spinner) { position: absolute; }
:where(.latch-formButtonReset, .latch-alternativeMethodsBlockButton, .latch-socialButtonsBlockButton, .latch-profileSectionItemButton) {
  border: 1px solid var(--latch-border); background: var(--latch-color-background); color: var(--latch-color-text);
}
:where(.latch-alternativeMethodsBlockButton, .latch-socialButtonsBlockButton) { width: 100%; justify-content: flex-start; }
:where(.latch-formButtonReset:hover, .latch-alternativeMethodsBlockButton:hover, .latch-socialButtonsBlockButton:hover, .latch-profileSectionItemButton:hover) { background: var(--latch-subtle); }
:where(.latch-profileSectionPrimaryButton) { border: 0; background: transparent; color: var(--latch-color-link); padding-left: 0.5rem; }
:where(.latch-profileSectionPrimaryButton:hover) { background: var(--latch-subtle); }
:where(.latch-root button:focus-visible, .latch-root a:focus-visible, .latch-formFieldCheckbox:focus-visible) {
  outline: 2px solid var(--latch-color-primary); outline-offset: 2px;
}
:where(.latch-root button:disabled:not([data-latch-hydrating])) { opacity: 0.6; cursor: not-allowed; }
:where(.latch-formResendCodeLink, .latch-footerActionLink, .latch-formFieldAction, .latch-identityPreviewEditButton, .latch-headerBackLink, .latch-footerPagesLink) {
  font: inherit; font-weight: var(--latch-font-weight-medium); color: var(--latch-color-link);
  background: none; border: 0; padding: 0; cursor: pointer; text-decoration: none;
}
:where(.latch-formResendCodeLink:hover, .latch-footerActionLink:hover, .latch-formFieldAction:hover, .latch-identityPreviewEditButton:hover, .latch-footerPagesLink:hover) { text-decoration: underline; }
:where(.latch-formFieldAction) { font-size: 0.75rem; }
:where(.latch-otpCodeFieldInput) { font-size: 1.25rem; letter-spacing: 0.5em; text-align: center; font-variant-numeric: tabular-nums; }
:where(.latch-passwordHints) { margin: 0; padding: 0; list-style: none; display: grid; gap: 0.125rem; font-size: 0.75rem; color: var(--latch-color-text-secondary); }
:where(.latch-passwordHint) { display: flex; gap: 0.375rem; align-items: center; }
:where(.latch-passwordHint[data-met="true"]) { color: var(--latch-color-success); }
:where(.latch-identityPreview) {
  display: flex; align-items: center; justify-content: center; gap: 0.5rem; align-self: center; max-width: 100%;
  padding: 0.25rem 0.75rem; border: 1px solid var(--latch-border); border-radius: 999px;
}
:where(.latch-identityPreviewText) { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
:where(.latch-alternativeMethods) { display: flex; flex-direction: column; gap: 0.5rem; }
:where(.latch-dividerRow) { display: flex; align-items: center; gap: var(--latch-spacing); }
:where(.latch-dividerLine) { flex: 1; height: 1px; background: var(--latch-border); }
:where(.latch-dividerText) { color: var(--latch-color-text-secondary); }
:where(.latch-alert) {
  display: flex; gap: 0.5rem; padding: 0.625rem 0.75rem; border-radius: var(--latch-radius);
  color: var(--latch-color-danger); background: color-mix(in srgb, var(--latch-color-danger) 8%, var(--latch-color-background));
  border: 1px solid color-mix(in srgb, var(--latch-color-danger) 30%, transparent);
}
:where(.latch-alert[data-variant="success"]) {
  color: var(--latch-color-success); background: color-mix(in srgb, var(--latch-color-success) 8%, var(--latch-color-background));
  border-color: color-mix(in srgb, var(--latch-color-success) 30%, transparent);
}
:where(.latch-alertText) { margin: 0; }
:where(.latch-spinner) {
  width: 1rem; height: 1rem; border-radius: 50%; border: 2px solid currentColor; border-right-color: transparent;
  animation: latch-spin 0.7s linear infinite;
}
@keyframes latch-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { :where(.latch-spinner) { animation-duration: 2s; } }
:where(.latch-footer) {
  display: flex; flex-direction: column; align-items: center; gap: 0.5rem;
  margin: calc(var(--latch-spacing) * -0.5) calc(var(--latch-spacing) * -2.5) calc(var(--latch-spacing) * -2);
  padding: var(--latch-spacing); border-top: 1px solid var(--latch-border);
  background: var(--latch-subtle); border-radius: 0 0 calc(var(--latch-radius) * 2) calc(var(--latch-radius) * 2);
}
:where(.latch-footerAction) { display: flex; gap: 0.25rem; flex-wrap: wrap; justify-content: center; }
:where(.latch-footerActionText) { color: var(--latch-color-text-secondary); }
:where(.latch-footerPages) { display: flex; gap: var(--latch-spacing); }
:where(.latch-footerPagesLink) { color: var(--latch-color-text-secondary); font-size: 0.75rem; }
:where(.latch-avatarBox) {
  display: inline-flex; align-items: center; justify-content: center; flex: none; overflow: hidden;
  width: 2rem; height: 2rem; border-radius: 50%;
  background: var(--latch-color-primary); color: var(--latch-color-on-primary); font-weight: var(--latch-font-weight-medium);
}
:where(.latch-avatarImage) { width: 100%; height: 100%; object-fit: cover; }
:where(.latch-userButtonBox) { position: relative; display: inline-flex; }
:where(.latch-userButtonTrigger) { display: inline-flex; padding: 0; border: 0; background: none; border-radius: 50%; cursor: pointer; }
:where(.latch-userButtonPopoverCard) {
  position: absolute; top: calc(100% + 0.5rem); right: 0; z-index: 1000; width: 20rem; max-width: calc(100vw - 1rem);
  background: var(--latch-color-background); color: var(--latch-color-text);
  border: 1px solid var(--latch-border); border-radius: calc(var(--latch-radius) * 2);
  box-shadow: 0 5px 15px rgba(0, 0, 0, 0.08), 0 15px 35px -5px rgba(25, 28, 33, 0.2); overflow: hidden;
}
:where(.latch-userButtonPopoverMain) { padding: var(--latch-spacing); }
:where(.latch-userButtonPopoverActions) { display: flex; flex-direction: column; border-top: 1px solid var(--latch-border); padding: 0.25rem 0; }
:where(.latch-userButtonPopoverActionButton) {
  display: flex; align-items: center; gap: 0.75rem; width: 100%; padding: 0.625rem var(--latch-spacing);
  font: inherit; color: var(--latch-color-text-secondary); background: none; border: 0; text-align: left; text-decoration: none; cursor: pointer;
}
:where(.latch-userButtonPopoverActionButton:hover, .latch-userButtonPopoverActionButton:focus-visible) { background: var(--latch-subtle); color: var(--latch-color-text); outline: none; }
:where(.latch-userButtonPopoverActionButtonIcon) { display: inline-flex; width: 1rem; height: 1rem; justify-content: center; }
:where(.latch-userPreview) { display: flex; align-items: center; gap: 0.75rem; min-width: 0; }
:where(.latch-userPreviewTextContainer) { display: flex; flex-direction: column; min-width: 0; }
:where(.latch-userPreviewMainIdentifier) { font-weight: var(--latch-font-weight-medium); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
:where(.latch-userPreviewSecondaryIdentifier) { color: var(--latch-color-text-secondary); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
:where(.latch-modalBackdrop) {
  position: fixed; inset: 0; z-index: 2000; display: flex; align-items: flex-start; justify-content: center;
  padding: 4rem 1rem; overflow-y: auto; background: rgba(0, 0, 0, 0.5); animation: latch-fade 0.12s ease-out;
}
@media (max-width: 30rem) { :where(.latch-modalBackdrop) { padding: 0.5rem; } }
@keyframes latch-fade { from { opacity: 0; } }
:where(.latch-modalContent) { position: relative; width: 100%; display: flex; justify-content: center; max-width: 25rem; }
:where(.latch-modalContent[data-wide="true"]) { max-width: 55rem; }
:where(.latch-modalCloseButton) {
  position: absolute; top: 0.75rem; right: 0.75rem; z-index: 1; width: 2rem; height: 2rem; display: inline-flex; align-items: center; justify-content: center;
  border: 0; border-radius: var(--latch-radius); background: none; color: var(--latch-color-text-secondary); cursor: pointer;
}
:where(.latch-modalCloseButton:hover) { background: var(--latch-subtle); }
:where(.latch-userProfile .latch-cardBox) { max-width: 55rem; }
:where(.latch-userProfile .latch-card) { flex-direction: row; padding: 0; gap: 0; min-height: 36rem; overflow: hidden; }
:where(.latch-navbar) {
  flex: 0 0 14rem; display: flex; flex-direction: column; gap: var(--latch-spacing);
  padding: calc(var(--latch-spacing) * 1.5) var(--latch-spacing); border-right: 1px solid var(--latch-border); background: var(--latch-subtle);
}
:where(.latch-navbarTitle) { margin: 0; font-size: 1.0625rem; font-weight: var(--latch-font-weight-bold); }
:where(.latch-navbarSubtitle) { margin: 0; color: var(--latch-color-text-secondary); }
:where(.latch-navbarButtons) { display: flex; flex-direction: column; gap: 0.125rem; margin: 0; padding: 0; list-style: none; }
:where(.latch-navbarButton) {
  display: flex; align-items: center; gap: 0.5rem; width: 100%; padding: 0.375rem 0.75rem; border: 0; border-radius: var(--latch-radius);
  font: inherit; color: var(--latch-color-text-secondary); background: none; text-align: left; text-decoration: none; cursor: pointer;
}
:where(.latch-navbarButton[aria-current="page"]) { color: var(--latch-color-text); background: var(--latch-subtle); font-weight: var(--latch-font-weight-medium); }
:where(.latch-navbarButton:hover) { color: var(--latch-color-text); }
:where(.latch-pageScrollBox) { flex: 1; min-width: 0; padding: calc(var(--latch-spacing) * 2) calc(var(--latch-spacing) * 2.5); overflow-y: auto; }
:where(.latch-page) { display: flex; flex-direction: column; gap: calc(var(--latch-spacing) * 1.5); }
:where(.latch-page > h2) { margin: 0; font-size: 1.0625rem; font-weight: var(--latch-font-weight-bold); padding-bottom: var(--latch-spacing); border-bottom: 1px solid var(--latch-border); }
:where(.latch-profileSection) { display: grid; grid-template-columns: 12rem 1fr; gap: var(--latch-spacing); padding-bottom: var(--latch-spacing); border-bottom: 1px solid var(--latch-border); }
:where(.latch-profileSectionTitle) { margin: 0; font-size: var(--latch-font-size); font-weight: var(--latch-font-weight-medium); padding-top: 0.5rem; }
:where(.latch-profileSectionContent) { display: flex; flex-direction: column; gap: 0.5rem; min-width: 0; }
:where(.latch-profileSectionItem) { display: flex; align-items: center; gap: 0.5rem; flex-wrap: wrap; min-height: 2.25rem; justify-content: space-between; }
:where(.latch-profileSectionItem > .latch-profileSectionItemMain) { display: flex; align-items: center; gap: 0.5rem; min-width: 0; flex-wrap: wrap; }
:where(.latch-profileSectionItemActions) { display: flex; gap: 0.5rem; flex-wrap: wrap; }
:where(.latch-profileSectionItemButton) { min-height: 1.75rem; padding: 0.125rem 0.625rem; font-size: 0.75rem; }
:where(.latch-profileSectionForm) { padding: var(--latch-spacing); border: 1px solid var(--latch-border); border-radius: calc(var(--latch-radius) * 1.5); }
:where(.latch-formButtonRow) { display: flex; justify-content: flex-end; gap: 0.5rem; }
:where(.latch-formButtonRow .latch-formButtonPrimary) { width: auto; }
:where(.latch-badge) {
  display: inline-flex; align-items: center; padding: 0 0.375rem; border-radius: var(--latch-radius); font-size: 0.6875rem; font-weight: var(--latch-font-weight-medium);
  border: 1px solid var(--latch-border); color: var(--latch-color-text-secondary); background: var(--latch-subtle);
}
:where(.latch-badge[data-variant="warning"]) { color: var(--latch-color-warning); border-color: color-mix(in srgb, var(--latch-color-warning) 40%, transparent); }
:where(.latch-activeDevice) { display: flex; align-items: flex-start; justify-content: space-between; gap: var(--latch-spacing); flex-wrap: wrap; padding: 0.5rem 0; }
:where(.latch-activeDeviceText) { display: flex; flex-direction: column; gap: 0.125rem; color: var(--latch-color-text-secondary); }
:where(.latch-activeDeviceText > strong) { color: var(--latch-color-text); font-weight: var(--latch-font-weight-medium); }
:where(.latch-visuallyHidden) { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
@media (max-width: 48rem) {
  :where(.latch-userProfile .latch-card) { flex-direction: column; min-height: 0; }
  :where(.latch-navbar) { flex: none; border-right: 0; border-bottom: 1px solid var(--latch-border); }
  :where(.latch-navbarButtons) { flex-direction: row; flex-wrap: wrap; }
  :where(.latch-navbarButton) { width: auto; }
  :where(.latch-profileSection) { grid-template-columns: 1fr; }
  :where(.latch-pageScrollBox) { padding: calc(var(--latch-spacing) * 1.25); }
}
`;
