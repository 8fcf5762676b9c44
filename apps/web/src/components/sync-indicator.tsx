import { CloudOff, Loader2, RefreshCw, TriangleAlert, CheckCircle2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import { timeAgo } from '../lib/dates.ts';
import { cn } from '../lib/cn.ts';
import { useData } from '../state/data.ts';

/** Synced / syncing / failed-will-retry, "synced 2 minutes ago", pending count; a click syncs now. */
export function SyncIndicator({ className }: { className?: string }) {
  const status = useData((s) => s.status);
  const online = useData((s) => s.online);
  const syncNow = useData((s) => s.syncNow);
  const [, tick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => tick((n) => n + 1), 15_000);
    return () => clearInterval(t);
  }, []);
  const pending = status.pendingCount;
  let icon = <CheckCircle2 className="size-4 text-emerald-600" aria-hidden />;
  let label = status.lastSyncedAt ? `Synced ${timeAgo(status.lastSyncedAt)}` : 'Not synced yet';
  let tone = 'text-slate-600';
  if (status.state === 'syncing') {
    icon = <Loader2 className="size-4 animate-spin text-sky-600" aria-hidden />;
    label = 'Syncing…';
  } else if (!online) {
    icon = <CloudOff className="size-4 text-slate-500" aria-hidden />;
    label = 'Offline — changes are kept on this device';
  } else if (status.state === 'failed') {
    icon = <TriangleAlert className="size-4 text-amber-600" aria-hidden />;
    label = status.nextRetryAt
      ? `Sync failed — retrying in ${Math.max(1, Math.round((status.nextRetryAt - Date.now()) / 1000))} s`
      : 'Sync failed — will retry';
    tone = 'text-amber-800';
  }
  return (
    <button
      type="button"
      onClick={() => void syncNow()}
      className={cn(
        'flex items-center gap-2 rounded-full px-3 py-1.5 text-xs font-medium hover:bg-slate-100',
        tone,
        className,
      )}
      title="Sync now"
      data-testid="sync-indicator"
      data-state={
        !online ? 'offline' : status.state === 'synced' && !status.lastSyncedAt ? 'unsynced' : status.state
      }
      data-pending={pending}
    >
      {icon}
      <span role="status" aria-live="polite">
        {label}
        {pending > 0 && <span className="ml-1 text-slate-500">· {pending} pending</span>}
      </span>
      <RefreshCw className="size-3 text-slate-400" aria-hidden />
    </button>
  );
}
