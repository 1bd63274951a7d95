import { LatchProvider } from '@latch/nextjs';
import type { ReactNode } from 'react';
import { Header } from './components/header';
import { PreferenceSwitcher } from './components/preference-switcher';
import './globals.css';
import { readPreferences } from './preferences';

export const metadata = { title: 'Latch + Next.js example' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { theme, locale, appearance, localization } = await readPreferences();
  return (
    <LatchProvider appearance={appearance} localization={localization}>
      <html lang={locale}>
        <body data-theme={theme}>
          <Header />
          <main>{children}</main>
          <footer className="site-footer">
            <PreferenceSwitcher theme={theme} locale={locale} />
          </footer>
        </body>
      </html>
    </LatchProvider>
  );
}
