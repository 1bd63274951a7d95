/**
 * @latch/themes: base themes for Latch's components, used as `appearance.baseTheme`.
 *
 * @example
 * import { dark } from '@latch/themes';
 * <SignIn appearance={{ baseTheme: dark }} />
 */
export type { BaseTheme } from './base-theme.js';
export { dark } from './dark.js';
