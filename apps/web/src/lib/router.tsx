import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { create } from 'zustand';

/** A tiny history-API router: the app has a handful of flat routes, a router library would be most of the bundle. */
export const useRoute = create<{ path: string }>(() => ({ path: location.pathname }));

addEventListener('popstate', () => useRoute.setState({ path: location.pathname }));

export function navigate(path: string, { replace = false } = {}): void {
  if (path === location.pathname) return;
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  useRoute.setState({ path });
  scrollTo(0, 0);
}

export function Link({
  href,
  onClick,
  ...props
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...props} />;
}
