import { Activity, BarChart3, CalendarDays, Settings, Sun } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '../lib/cn.ts';
import { Link, useRoute } from '../lib/router.tsx';
import { SyncIndicator } from './sync-indicator.tsx';

const NAV = [
  { href: '/', label: 'Today', icon: Sun },
  { href: '/plan', label: 'Plan', icon: CalendarDays },
  { href: '/analytics', label: 'Analytics', icon: BarChart3 },
  { href: '/activities', label: 'Activities', icon: Activity },
  { href: '/settings', label: 'Settings', icon: Settings },
];

function active(path: string, href: string) {
  return href === '/' ? path === '/' || path === '/checkin' : path.startsWith(href);
}

export function Logo({ className }: { className?: string }) {
  return (
    <span className={cn('flex items-center gap-2 font-bold tracking-tight text-slate-900', className)}>
      <img src="/icon.svg" alt="" className="size-7" />
      RunningCoach
    </span>
  );
}

const NAV_STYLE = {
  sidebar: {
    nav: 'flex flex-col gap-1',
    link: 'flex items-center gap-3 rounded-xl px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100',
    current: 'bg-slate-900 text-white hover:bg-slate-900',
    icon: 'size-4',
  },
  tabs: {
    nav: 'fixed inset-x-0 bottom-0 z-20 grid grid-cols-5 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] lg:hidden',
    link: 'flex flex-col items-center gap-0.5 py-2 text-[11px] font-medium text-slate-500',
    current: 'text-emerald-700',
    icon: 'size-5',
  },
};

/** The main screens: a sidebar on desktop, bottom tabs on a phone (one list, two looks). */
function MainNav({ variant }: { variant: keyof typeof NAV_STYLE }) {
  const path = useRoute((s) => s.path);
  const style = NAV_STYLE[variant];
  return (
    <nav aria-label="Main" className={style.nav}>
      {NAV.map(({ href, label, icon: Icon }) => (
        <Link
          key={href}
          href={href}
          aria-current={active(path, href) ? 'page' : undefined}
          className={cn(style.link, active(path, href) && style.current)}
        >
          <Icon className={style.icon} aria-hidden />
          {label}
        </Link>
      ))}
    </nav>
  );
}

/** Sidebar on desktop, bottom tabs on a phone; the sync indicator is on every screen. */
export function AppShell({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-dvh lg:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <aside className="hidden w-60 shrink-0 flex-col gap-6 border-r border-slate-200 bg-white px-4 py-6 lg:flex">
        <Logo className="px-2" />
        <MainNav variant="sidebar" />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-20 flex items-center justify-between gap-2 border-b border-slate-200 bg-white/90 px-4 py-2 backdrop-blur lg:justify-end">
          <Logo className="lg:hidden" />
          <SyncIndicator />
        </header>
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 pb-28 pt-5 lg:px-8 lg:pb-10">
          {children}
        </main>
      </div>
      <MainNav variant="tabs" />
    </div>
  );
}

export function PageHeader({
  title,
  subtitle,
  actions,
}: {
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{title}</h1>
        {subtitle && <p className="mt-1 text-sm text-slate-600">{subtitle}</p>}
      </div>
      {actions}
    </div>
  );
}
