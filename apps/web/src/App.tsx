import { useEffect } from 'react';
import { AppShell } from './components/app-shell.tsx';
import { preloadable } from './lib/preloadable.tsx';
import { navigate, useRoute } from './lib/router.tsx';
import { activePlan } from './state/actions.ts';
import { startRunner, stopRunner, useData } from './state/data.ts';
import { useSession } from './state/session.ts';
import { AuthScreen } from './screens/auth.tsx';
import { CheckInScreen } from './screens/check-in.tsx';
import { OnboardingScreen } from './screens/onboarding.tsx';
import { PlanScreen } from './screens/plan.tsx';
import { TodayScreen } from './screens/today.tsx';
import { ActivitiesScreen } from './screens/activities.tsx';
import { SettingsScreen } from './screens/settings.tsx';

function Loading() {
  return (
    <div className="flex items-center justify-center py-20 text-sm text-slate-500" role="status">
      Loading…
    </div>
  );
}

// Recharts lives only in these chunks: the first screen loads without it.
const AnalyticsScreen = preloadable(() => import('./screens/analytics.tsx'), <Loading />);
const ActivityDetailScreen = preloadable(() => import('./screens/activity-detail.tsx'), <Loading />);

/** Once the first screen is drawn, the chart chunks load and compile while the main thread is idle. */
function prefetchChartScreens(): void {
  const idle = window.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
  idle(() => void Promise.all([AnalyticsScreen.preload(), ActivityDetailScreen.preload()]).catch(() => {}));
}

export function App() {
  const session = useSession((s) => s.session);
  const path = useRoute((s) => s.path);
  const loaded = useData((s) => s.loaded);
  const hasPlan = useData((s) => !!activePlan(s.plans));
  const everSynced = useData((s) => s.lastPulledAt !== null);

  useEffect(() => {
    if (session) startRunner(session.userId);
    else stopRunner();
  }, [session]);

  useEffect(() => {
    if (loaded) prefetchChartScreens();
  }, [loaded]);

  // Signed out: the auth screens; signed in but never onboarded (the first sync brought no plan): the wizard.
  useEffect(() => {
    if (!session && path !== '/signin' && path !== '/signup') navigate('/signin', { replace: true });
    if (session && (path === '/signin' || path === '/signup')) navigate('/', { replace: true });
  }, [session, path]);

  if (!session) return <AuthScreen mode={path === '/signup' ? 'signup' : 'signin'} />;
  if (!loaded) return <Loading />;
  if (path === '/onboarding' || (everSynced && !hasPlan && path === '/')) return <OnboardingScreen />;

  let screen;
  if (path === '/checkin') screen = <CheckInScreen />;
  else if (path === '/plan') screen = <PlanScreen />;
  else if (path === '/analytics') screen = <AnalyticsScreen />;
  else if (path.startsWith('/activities/'))
    screen = <ActivityDetailScreen id={decodeURIComponent(path.slice(12))} />;
  else if (path === '/activities') screen = <ActivitiesScreen />;
  else if (path === '/settings') screen = <SettingsScreen />;
  else screen = <TodayScreen />;
  return <AppShell>{screen}</AppShell>;
}
