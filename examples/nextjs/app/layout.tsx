import { LatchProvider } from '@latch/nextjs';
import type { ReactNode } from 'react';

export const metadata = { title: 'Latch + Next.js example' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <LatchProvider>
      <html lang="en">
        <body>
          <header>
            <a href="/">Home</a> · <a href="/dashboard">Dashboard</a>
          </header>
          <main>{children}</main>
        </body>
      </html>
    </LatchProvider>
  );
}
