import { ClerkProvider } from '@clerk/nextjs';
import type { ReactNode } from 'react';

export const metadata = { title: 'Latch × @clerk/nextjs' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <ClerkProvider>
      <html lang="en">
        <body>{children}</body>
      </html>
    </ClerkProvider>
  );
}
