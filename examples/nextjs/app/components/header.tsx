'use client';
import { OrganizationSwitcher, SignedIn, SignedOut, SignInButton, UserButton } from '@latch/nextjs';
import { useState } from 'react';

/**
 * The site header from the product description: the UserButton with custom menu items for signed-in
 * visitors, a modal SignInButton for signed-out ones. A client component, because the custom action's
 * `onClick` cannot cross the server → client boundary.
 */
export function Header() {
  const [helpOpen, setHelpOpen] = useState(false);
  return (
    <header className="site-header">
      <nav aria-label="Main">
        <a href="/">Home</a>
        <a href="/dashboard">Dashboard</a>
        <a href="/user-profile">Profile</a>
      </nav>
      <div className="site-header-auth">
        <SignedIn>
          <OrganizationSwitcher afterSelectOrganizationUrl="/org/:slug" afterCreateOrganizationUrl="/org/:slug" />
          <UserButton afterSignOutUrl="/">
            {/* Custom menu items */}
            <UserButton.MenuItems>
              <UserButton.Link label="Dashboard" labelIcon={<DashboardIcon />} href="/dashboard" />
              <UserButton.Action label="manageAccount" />
              <UserButton.Action label="Help" labelIcon={<HelpIcon />} onClick={() => setHelpOpen(true)} />
              <UserButton.Action label="signOut" />
            </UserButton.MenuItems>
          </UserButton>
        </SignedIn>
        <SignedOut>
          <SignInButton mode="modal">
            <button type="button" className="header-sign-in">
              Sign in
            </button>
          </SignInButton>
        </SignedOut>
      </div>
      {helpOpen ? (
        <p id="help-note" role="status">
          Need help? Write to help@example.test.{' '}
          <button type="button" onClick={() => setHelpOpen(false)}>
            Close help
          </button>
        </p>
      ) : null}
    </header>
  );
}

function DashboardIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" fill="currentColor">
      <path d="M1 1h6v8H1zM9 1h6v5H9zM9 8h6v7H9zM1 11h6v4H1z" />
    </svg>
  );
}

function HelpIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" fill="currentColor">
      <path d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 11.5a1 1 0 1 1 0-2 1 1 0 0 1 0 2zm1.1-4.2c-.5.3-.6.5-.6 1V10h-1.5v-.8c0-1 .4-1.5 1.1-1.9.5-.3.8-.6.8-1.1 0-.6-.5-1-1.1-1-.7 0-1.1.4-1.2 1.1H5.2C5.3 4.9 6.4 4 8 4c1.5 0 2.6.9 2.6 2.2 0 .9-.5 1.6-1.5 2.1z" />
    </svg>
  );
}
