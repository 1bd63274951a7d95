import { useEffect, useState } from 'react';
import { currentOperator, type Operator, signOut } from './api.js';
import { Link, Loading } from './components.js';
import { APIKeysPage } from './pages/api-keys.js';
import { AuditLogPage } from './pages/audit-log.js';
import { EmailPage } from './pages/email.js';
import { JWTTemplatesPage } from './pages/jwt-templates.js';
import { OperatorsPage } from './pages/operators.js';
import { OrganizationPage, type OrganizationTab } from './pages/organization.js';
import { OrganizationRolesPage } from './pages/organization-roles.js';
import { OrganizationsPage } from './pages/organizations.js';
import { OverviewPage } from './pages/overview.js';
import { SettingsPage } from './pages/settings.js';
import { SignInPage } from './pages/sign-in.js';
import { UserPage } from './pages/user.js';
import { UsersPage } from './pages/users.js';
import { WebhooksPage } from './pages/webhooks.js';
import { navigate, usePath } from './router.js';

const NAV = [
  { to: '/overview', label: 'Overview' },
  { to: '/users', label: 'Users' },
  { to: '/organizations', label: 'Organizations' },
  { to: '/webhooks', label: 'Webhooks' },
  { to: '/jwt-templates', label: 'JWT templates' },
  { to: '/settings', label: 'Settings' },
  { to: '/api-keys', label: 'API keys' },
  { to: '/email', label: 'Email' },
  { to: '/audit-log', label: 'Audit log' },
  { to: '/operators', label: 'Operators' },
];

export function App() {
  const path = usePath();
  const [operator, setOperator] = useState<Operator | null | undefined>(undefined);

  useEffect(() => {
    // Only the first answer counts, and only while nobody has signed in meanwhile: a slow "who am I"
    // must not sign out an operator whose link sign-in finished first.
    let current = true;
    const settle = (found: Operator | null) => {
      if (current) setOperator((previous) => previous ?? found);
    };
    currentOperator().then(settle, () => settle(null));
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    const page = NAV.find((item) => path.startsWith(item.to))?.label ?? (path === '/sign-in' ? 'Sign in' : 'Dashboard');
    document.title = `${page} · Latch`;
  }, [path]);

  if (operator === undefined) return <Loading />;
  if (path === '/sign-in' || operator === null) {
    return (
      <SignInPage
        onSignedIn={(signedIn) => {
          setOperator(signedIn);
          navigate('/users', { replace: true });
        }}
      />
    );
  }

  let page = <UsersPage operator={operator} />;
  const userMatch = /^\/users\/([^/]+)$/.exec(path);
  const organizationMatch = /^\/organizations\/([^/]+)(?:\/(members|invitations|domains))?$/.exec(path);
  const organizationPage = organizationMatch?.[1] ? (
    <OrganizationPage
      operator={operator}
      organizationId={decodeURIComponent(organizationMatch[1])}
      tab={(organizationMatch[2] ?? 'settings') as OrganizationTab}
    />
  ) : null;
  if (userMatch?.[1]) page = <UserPage operator={operator} userId={decodeURIComponent(userMatch[1])} />;
  else if (path === '/organizations') page = <OrganizationsPage operator={operator} />;
  else if (path === '/organizations/roles') page = <OrganizationRolesPage operator={operator} />;
  else if (organizationPage) page = organizationPage;
  else if (path.startsWith('/jwt-templates')) page = <JWTTemplatesPage operator={operator} />;
  else if (path.startsWith('/settings')) page = <SettingsPage operator={operator} />;
  else if (path.startsWith('/api-keys')) page = <APIKeysPage operator={operator} />;
  else if (path.startsWith('/email')) page = <EmailPage operator={operator} />;
  else if (path.startsWith('/audit-log')) page = <AuditLogPage />;
  else if (path.startsWith('/overview')) page = <OverviewPage />;
  else if (path.startsWith('/webhooks')) page = <WebhooksPage operator={operator} />;
  else if (path.startsWith('/operators')) page = <OperatorsPage operator={operator} />;

  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Latch</span>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                <Link to={item.to} className={path.startsWith(item.to) ? 'active' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="operator">
          <span>
            {operator.email} <span className="badge">{operator.role}</span>
          </span>
          <button
            type="button"
            className="secondary"
            onClick={async () => {
              await signOut();
              setOperator(null);
              navigate('/sign-in', { replace: true });
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <main id="main">{page}</main>
    </div>
  );
}
