import { LogOut } from 'lucide-react';
import { useState } from 'react';
import { destroyRunnerData, useData } from '../state/data.ts';
import { useSession } from '../state/session.ts';
import { Button } from './ui/button.tsx';

async function signOutNow(): Promise<void> {
  await destroyRunnerData();
  await useSession.getState().signOut();
}

/**
 * Sign-out deletes this device's copy of the runner's data, so changes the server has not acknowledged would
 * be lost: it sends them first and, when that is not possible (offline), asks before discarding them.
 */
export function SignOutButton() {
  const [unsynced, setUnsynced] = useState(0);
  const [busy, setBusy] = useState(false);
  const pending = () => useData.getState().status.pendingCount;

  async function attempt() {
    setBusy(true);
    try {
      if (pending() > 0) await useData.getState().syncNow();
      if (pending() > 0) setUnsynced(pending());
      else await signOutNow();
    } finally {
      setBusy(false);
    }
  }

  if (!unsynced)
    return (
      <Button variant="ghost" onClick={() => void attempt()} disabled={busy}>
        <LogOut className="size-4" aria-hidden /> {busy ? 'Syncing…' : 'Sign out'}
      </Button>
    );
  const changes = unsynced === 1 ? '1 change' : `${unsynced} changes`;
  return (
    <div
      role="alertdialog"
      aria-labelledby="sign-out-title"
      aria-describedby="sign-out-body"
      className="w-full rounded-xl border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
    >
      <p id="sign-out-title" className="font-semibold">
        {changes} on this device {unsynced === 1 ? 'has' : 'have'} not reached the server yet
      </p>
      <p id="sign-out-body" className="mt-1">
        Signing out deletes {unsynced === 1 ? 'it' : 'them'} from this device. Stay signed in until you are
        online and the sync indicator says synced, or sign out and lose {unsynced === 1 ? 'it' : 'them'}.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        {/* The safe choice has the focus: Enter keeps the data. */}
        <Button size="sm" autoFocus onClick={() => setUnsynced(0)}>
          Keep me signed in
        </Button>
        <Button size="sm" variant="danger" onClick={() => void signOutNow()}>
          Sign out and discard
        </Button>
      </div>
    </div>
  );
}
