import { Suspense, type ReactNode } from 'react';
import { Skeleton } from '../ui/skeleton';
import { NavLink, Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from '../ui/error-boundary';
import { lazyComponent } from '../lib/lazy-component';
import { OfflineBanner } from './offline-banner';
import { RoutePending } from './route-pending';
import './layout.css';

/** Update and install offers: not needed for the first paint (first-load JS budget). */
const AppBanners = lazyComponent(
  () => import('./app-banners'),
  (m) => m.AppBanners,
);

/** Destinations grow with the app; each one is a real screen. */
const destinations = [
  { to: '/playlists', label: 'Playlists', icon: '≣' },
  { to: '/library', label: 'Library', icon: '♫' },
  { to: '/search', label: 'Search', icon: '⌕' },
  { to: '/downloads', label: 'Downloads', icon: '↓' },
  { to: '/servers', label: 'Servers', icon: '⌂' },
];

function ScreenSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading">
      <Skeleton width="40%" height="2.2rem" />
      <Skeleton height="10rem" />
    </div>
  );
}

export function Layout({ account }: { account: ReactNode }) {
  const location = useLocation();
  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">
          <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width={28} height={28} />
          <span>PlexM8</span>
        </div>
        <nav aria-label="Main">
          <ul>
            {destinations.map((d) => (
              <li key={d.to}>
                <NavLink to={d.to}>
                  <span aria-hidden="true">{d.icon}</span> {d.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="sidebar-account">{account}</div>
      </aside>
      <main id="main" className="content" tabIndex={-1}>
        <RoutePending />
        <OfflineBanner />
        <ErrorBoundary what="this screen" resetKey={location.pathname}>
          <Suspense fallback={<ScreenSkeleton />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      <ErrorBoundary what="the app's notices">
        <Suspense fallback={null}>
          <AppBanners />
        </Suspense>
      </ErrorBoundary>
      <nav className="tabbar" aria-label="Main (tabs)">
        {destinations.map((d) => (
          <NavLink key={d.to} to={d.to}>
            <span aria-hidden="true" className="tab-icon">
              {d.icon}
            </span>
            <span>{d.label}</span>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
