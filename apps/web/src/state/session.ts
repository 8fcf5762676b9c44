import type { User } from '@runningcoach/contracts';
import { create } from 'zustand';
import { apiFetch } from '../lib/api.ts';
import { readShared, writeShared } from './shared-session.ts';

/** What sign-in returns and what the app keeps across reloads (localStorage): tokens and the runner's profile. */
export interface Session {
  userId: string;
  accessToken: string;
  refreshToken: string;
  /** Device-clock ms after which the access token is refreshed before use. */
  accessExpiresAt: number;
  user: User;
}

interface AuthResponse {
  user: User;
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresIn: number;
}

const SESSION_KEY = 'rc.session';
const DEVICE_KEY = 'rc.deviceId';

interface SessionState {
  session: Session | null;
  signIn(email: string, password: string): Promise<void>;
  signUp(email: string, password: string, name?: string): Promise<void>;
  signOut(): Promise<void>;
  setUser(user: User): void;
  /** A valid access token (refreshed when stale or when `refresh` is asked after a 401). */
  accessToken(opts?: { refresh?: boolean }): Promise<string>;
}

export function deviceId(): string {
  let id = localStorage.getItem(DEVICE_KEY);
  if (!id) {
    id = `web-${crypto.randomUUID()}`;
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}

function load(): Session | null {
  try {
    const raw = localStorage.getItem(SESSION_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

function toSession(r: AuthResponse): Session {
  return {
    userId: r.user.id,
    user: r.user,
    accessToken: r.accessToken,
    refreshToken: r.refreshToken,
    accessExpiresAt: Date.now() + (r.accessTokenExpiresIn - 30) * 1000,
  };
}

let refreshing: Promise<string> | null = null;

/**
 * The tabs of one browser share the session (localStorage), so one refresh token: a second use of it is taken
 * as a leak and signs the device out. Refreshes therefore run one at a time across tabs (Web Locks), and each
 * first re-reads the shared session (shared-session.ts): a tab that waited uses the tokens the other just got.
 */
function acrossTabs<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? (locks.request('rc.session.refresh', fn) as Promise<T>) : fn();
}

export const useSession = create<SessionState>((set, get) => {
  /** Resolves when the other tabs can read it (the refresh lock is held until then). */
  const save = (session: Session | null): Promise<void> => {
    if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(session));
    else localStorage.removeItem(SESSION_KEY);
    set({ session });
    // Without IndexedDB (some private modes) localStorage alone carries it, as before.
    return writeShared(session).catch(() => undefined);
  };
  return {
    session: load(),
    async signIn(email, password) {
      const r = await apiFetch<AuthResponse>('/auth/login', {
        body: { email, password, deviceId: deviceId() },
      });
      save(toSession(r));
    },
    async signUp(email, password, name) {
      const r = await apiFetch<AuthResponse>('/auth/register', {
        body: { email, password, deviceId: deviceId(), ...(name ? { name } : {}) },
      });
      const session = toSession(r);
      // The runner's calendar day follows this browser's time zone.
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const user = await apiFetch<User>('/me', {
        method: 'PATCH',
        body: { settings: { timeZone } },
        token: session.accessToken,
      }).catch(() => session.user);
      save({ ...session, user });
    },
    async signOut() {
      const s = get().session;
      if (s)
        await apiFetch('/auth/logout', { body: { refreshToken: s.refreshToken } }).catch(() => undefined);
      save(null);
    },
    setUser(user) {
      const s = get().session;
      if (s) save({ ...s, user });
    },
    async accessToken({ refresh = false } = {}) {
      const s = get().session;
      if (!s) throw new Error('signed out');
      if (!refresh && Date.now() < s.accessExpiresAt) return s.accessToken;
      refreshing ??= acrossTabs(async () => {
        const stored = (await readShared().catch(() => undefined)) ?? load();
        if (!stored) {
          await save(null); // signed out in another tab
          throw new Error('signed out');
        }
        if (stored.accessToken !== s.accessToken && Date.now() < stored.accessExpiresAt) {
          set({ session: stored });
          return stored.accessToken;
        }
        try {
          const r = await apiFetch<AuthResponse>('/auth/refresh', {
            body: { refreshToken: stored.refreshToken },
          });
          const next = toSession(r);
          await save({ ...next, user: get().session?.user ?? next.user });
          return next.accessToken;
        } catch (err) {
          // A refused refresh (revoked, replayed) ends the session; offline keeps it for later.
          if ((err as { status?: number }).status === 401) await save(null);
          throw err;
        }
      }).finally(() => {
        refreshing = null;
      });
      return refreshing;
    },
  };
});

// Another tab signed in, out or refreshed the tokens: this one follows.
if (typeof window !== 'undefined')
  addEventListener('storage', (e) => {
    if (e.key === SESSION_KEY || e.key === null) useSession.setState({ session: load() });
  });
