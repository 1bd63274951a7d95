'use client';

/**
 * Switches the theme (light/dark) and the language (English/Polish) of Latch's components: a cookie
 * the root layout reads, then a reload so the server renders with the new provider settings.
 */
export function PreferenceSwitcher({ theme, locale }: { theme: 'light' | 'dark'; locale: 'en' | 'pl' }) {
  const set = (name: string, value: string) => {
    document.cookie = `${name}=${value}; path=/; max-age=31536000; samesite=lax`;
    window.location.reload();
  };
  return (
    <p>
      <button type="button" id="toggle-theme" onClick={() => set('example-theme', theme === 'dark' ? 'light' : 'dark')}>
        {theme === 'dark' ? 'Light theme' : 'Dark theme'}
      </button>{' '}
      <button type="button" id="toggle-locale" onClick={() => set('example-locale', locale === 'pl' ? 'en' : 'pl')}>
        {locale === 'pl' ? 'English' : 'Polski'}
      </button>
    </p>
  );
}
