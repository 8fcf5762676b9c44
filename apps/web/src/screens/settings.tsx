import { heartRateZones } from '@runningcoach/engine';
import { Download, Trash2 } from 'lucide-react';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { PageHeader } from '../components/app-shell.tsx';
import { SignOutButton } from '../components/sign-out.tsx';
import { WeatherLocation } from '../components/weather-location.tsx';
import { Badge } from '../components/ui/badge.tsx';
import { Button } from '../components/ui/button.tsx';
import { Card, CardTitle } from '../components/ui/card.tsx';
import { Input } from '../components/ui/field.tsx';
import { ApiError, apiFetch, API_BASE } from '../lib/api.ts';
import { cn } from '../lib/cn.ts';
import { navigate } from '../lib/router.tsx';
import { setUnits } from '../state/actions.ts';
import { destroyRunnerData } from '../state/data.ts';
import { useUnits } from '../state/selectors.ts';
import { useSession } from '../state/session.ts';

interface Integration {
  provider: string;
  connected?: boolean;
  status?: string;
}

const PROVIDERS = ['garmin', 'strava', 'apple'];

export function SettingsScreen() {
  const session = useSession((s) => s.session)!;
  const units = useUnits();
  const user = session.user;
  const [integrations, setIntegrations] = useState<Integration[] | 'offline' | 'unsupported' | null>(null);
  const [password, setPassword] = useState('');
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    void useSession
      .getState()
      .accessToken()
      .then((token) => apiFetch<{ integrations?: Integration[] } | Integration[]>('/integrations', { token }))
      .then((r) => setIntegrations(Array.isArray(r) ? r : (r.integrations ?? [])))
      .catch((err: unknown) =>
        // No answer at all: offline; an error answer: this server does not offer integrations yet.
        setIntegrations(err instanceof ApiError && err.status === 0 ? 'offline' : 'unsupported'),
      );
  }, []);

  const zones = useMemo(() => {
    const maxHr = user.baselines.maxHr ?? user.profile.maxHr;
    const restingHr = user.baselines.restingHr ?? user.profile.restingHr;
    if (!maxHr) return null;
    try {
      return heartRateZones({ maxHr, ...(restingHr && { restingHr }) });
    } catch {
      return null;
    }
  }, [user]);

  async function exportData() {
    setExporting(true);
    try {
      const token = await useSession.getState().accessToken();
      const res = await fetch(`${API_BASE}/account/export`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!res.ok) throw new Error(`export failed (${res.status})`);
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = `runningcoach-export-${new Date().toISOString().slice(0, 10)}.json`;
      a.click();
      URL.revokeObjectURL(url);
    } catch {
      alert('Export needs a connection to the server. Try again when you are online.');
    } finally {
      setExporting(false);
    }
  }

  async function deleteAccount(e: FormEvent) {
    e.preventDefault();
    setDeleteError(null);
    try {
      const token = await useSession.getState().accessToken();
      await apiFetch('/account', { method: 'DELETE', body: { password }, token });
      await destroyRunnerData();
      useSession.setState({ session: null });
      localStorage.removeItem('rc.session');
      navigate('/signin', { replace: true });
    } catch (err) {
      setDeleteError((err as Error).message);
    }
  }

  return (
    <div className="space-y-5">
      <PageHeader title="Settings" subtitle={`${user.name ?? ''} ${user.email}`.trim()} />
      <div className="grid gap-5 lg:grid-cols-2">
        <Card>
          <CardTitle>Units</CardTitle>
          <div
            role="radiogroup"
            aria-label="Distance units"
            className="mt-3 inline-flex rounded-xl border border-slate-200 p-1"
          >
            {(['km', 'mi'] as const).map((u) => (
              <button
                key={u}
                role="radio"
                type="button"
                aria-checked={units === u}
                onClick={() => void setUnits(u)}
                className={cn(
                  'rounded-lg px-5 py-1.5 text-sm font-semibold',
                  units === u ? 'bg-slate-900 text-white' : 'text-slate-600 hover:bg-slate-100',
                )}
              >
                {u === 'km' ? 'Kilometres' : 'Miles'}
              </button>
            ))}
          </div>
        </Card>
        <Card>
          <CardTitle>Heart-rate zones</CardTitle>
          {zones ? (
            <table className="mt-3 w-full text-sm">
              <caption className="sr-only">Heart-rate zones</caption>
              <tbody>
                {zones.map((z) => (
                  <tr key={z.zone} className="border-b border-slate-100 last:border-0">
                    <th scope="row" className="py-1.5 text-left font-semibold">
                      Z{z.zone} <span className="font-normal text-slate-500">{z.name}</span>
                    </th>
                    <td className="py-1.5 text-right tabular-nums">
                      {Math.round(z.minBpm)}–{Math.round(z.maxBpm)} bpm
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="mt-3 text-sm text-slate-600">
              Add your max heart rate to your profile to see your zones.
            </p>
          )}
        </Card>
        <WeatherLocation />
        <Card>
          <CardTitle>Integrations</CardTitle>
          <ul className="mt-3 divide-y divide-slate-100">
            {PROVIDERS.map((p) => {
              const found = Array.isArray(integrations)
                ? integrations.find((i) => i.provider === p)
                : undefined;
              const connected = found?.connected ?? found?.status === 'connected';
              return (
                <li key={p} className="flex items-center justify-between py-2 text-sm">
                  <span className="font-medium capitalize">{p === 'apple' ? 'Apple Health' : p}</span>
                  {integrations === 'unsupported' ? (
                    <Badge>Not available on this server</Badge>
                  ) : integrations === 'offline' ? (
                    <Badge>Unavailable offline</Badge>
                  ) : connected ? (
                    <Badge tone="green">Connected</Badge>
                  ) : (
                    <Badge>Not connected</Badge>
                  )}
                </li>
              );
            })}
          </ul>
        </Card>
        <Card>
          <CardTitle>Your data</CardTitle>
          <p className="mt-2 text-sm text-slate-600">Everything we hold about you, as one JSON file.</p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button variant="outline" onClick={() => void exportData()} disabled={exporting}>
              <Download className="size-4" aria-hidden /> {exporting ? 'Exporting…' : 'Export my data'}
            </Button>
            <SignOutButton />
          </div>
        </Card>
        <Card className="border-red-200 lg:col-span-2">
          <CardTitle className="text-red-700">Delete my account</CardTitle>
          <form onSubmit={deleteAccount} className="mt-3 flex flex-wrap items-end gap-3">
            <p className="w-full text-sm text-slate-600">
              Deletes your account and every record of yours on the server and this device. This cannot be
              undone.
            </p>
            <Input
              label="Confirm with your password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              className="min-w-64 flex-1"
            />
            <Button type="submit" variant="danger">
              <Trash2 className="size-4" aria-hidden /> Delete account
            </Button>
            {deleteError && (
              <p role="alert" className="w-full text-sm text-red-700">
                {deleteError}
              </p>
            )}
          </form>
        </Card>
      </div>
    </div>
  );
}
