import { enUS, plPL } from '@latch/localizations';
import { cookies } from 'next/headers';
import { darkAppearance, lightAppearance } from './appearance';

/**
 * The visitor's theme and language: English and light unless the `example-theme=dark` /
 * `example-locale=pl` cookies say otherwise (set by the switcher in the footer, or by a test).
 * Read on the server, so the first render already has the right strings and colors.
 */
export async function readPreferences() {
  const jar = await cookies();
  const theme = jar.get('example-theme')?.value === 'dark' ? 'dark' : 'light';
  const locale = jar.get('example-locale')?.value === 'pl' ? 'pl' : 'en';
  return {
    theme,
    locale,
    appearance: theme === 'dark' ? darkAppearance : lightAppearance,
    localization: locale === 'pl' ? plPL : enUS,
  } as const;
}
