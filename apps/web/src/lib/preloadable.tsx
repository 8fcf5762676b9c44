import { type ComponentType, type ReactNode, useEffect, useState } from 'react';

/**
 * A lazily loaded screen that can be fetched ahead of time, shown as soon as its chunk is there. Not
 * React.lazy: a lazy component suspends on its first render even when the chunk is already loaded, and
 * React then holds the reveal back for its fallback throttle (300 ms), longer than the screen takes to draw.
 */
export function preloadable<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
  fallback: ReactNode,
) {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (m) => (loaded = m.default),
      (err: unknown) => {
        loading = null; // offline before the service worker cached it: the next visit tries again
        throw err;
      },
    ));
  function Preloadable(props: P) {
    const [Screen, setScreen] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (!Screen)
        preload().then(
          (s) => setScreen(() => s),
          () => setFailed(true),
        );
    }, [Screen]);
    if (Screen) return <Screen {...props} />;
    return failed ? (
      <p role="alert" className="py-20 text-center text-sm text-slate-600">
        This screen could not be loaded. Check your connection and try again.
      </p>
    ) : (
      fallback
    );
  }
  return Object.assign(Preloadable, { preload });
}
