import type { Appearance } from '@latch/nextjs';
import { dark } from '@latch/themes';

/**
 * The provider's `appearance`, as in the product description: global `variables` and `elements` (class
 * names work as with Tailwind; style objects too). Plain data, so it crosses the server → client boundary.
 */
export const lightAppearance: Appearance = {
  variables: { colorPrimary: '#4338ca', borderRadius: '0.5rem' },
  elements: { card: 'example-card', formButtonPrimary: 'example-button-primary' },
};

/** The same app in the dark base theme, with its own primary color and a bordered card. */
export const darkAppearance: Appearance = {
  baseTheme: dark,
  variables: { colorPrimary: '#0f766e', borderRadius: '0.5rem' },
  elements: {
    card: { border: '2px solid #14b8a6', boxShadow: 'none' },
    formButtonPrimary: 'example-button-primary',
  },
};
