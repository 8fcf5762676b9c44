import { type FormEvent, useState } from 'react';
import { Logo } from '../components/app-shell.tsx';
import { Button } from '../components/ui/button.tsx';
import { Input } from '../components/ui/field.tsx';
import { Link, navigate } from '../lib/router.tsx';
import { useSession } from '../state/session.ts';

export function AuthScreen({ mode }: { mode: 'signin' | 'signup' }) {
  const { signIn, signUp } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signup = mode === 'signup';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (signup) await signUp(email, password, name);
      else await signIn(email, password);
      navigate(signup ? '/onboarding' : '/', { replace: true });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="grid min-h-dvh lg:grid-cols-2">
      <div className="hidden flex-col justify-between bg-slate-900 p-12 text-white lg:flex">
        <span className="flex items-center gap-2 text-lg font-bold">
          <img src="/icon.svg" alt="" className="size-8" /> RunningCoach
        </span>
        <div>
          <p className="text-4xl font-bold leading-tight">
            A plan that listens
            <br />
            to how you actually feel.
          </p>
          <p className="mt-4 max-w-md text-slate-300">
            Your morning check-in, your runs and your load shape every day of training — on the trail with no
            signal, too. Everything works offline and syncs when you are back.
          </p>
        </div>
        <p className="text-sm text-slate-400">Open source · self-hostable · your data stays yours</p>
      </div>
      <div className="flex items-center justify-center p-6">
        <form onSubmit={submit} className="w-full max-w-sm space-y-5" aria-labelledby="auth-title">
          <Logo className="lg:hidden" />
          <div>
            <h1 id="auth-title" className="text-2xl font-bold tracking-tight">
              {signup ? 'Create your account' : 'Welcome back'}
            </h1>
            <p className="mt-1 text-sm text-slate-600">
              {signup ? 'Two minutes to your first adaptive plan.' : 'Sign in to see today’s workout.'}
            </p>
          </div>
          {signup && (
            <Input
              label="Name"
              name="name"
              autoComplete="name"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
          <Input
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <Input
            label="Password"
            name="password"
            type="password"
            autoComplete={signup ? 'new-password' : 'current-password'}
            required
            minLength={8}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            hint={signup ? 'At least 8 characters.' : undefined}
          />
          {error && (
            <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
              {error}
            </p>
          )}
          <Button type="submit" size="lg" className="w-full" disabled={busy}>
            {busy ? 'Please wait…' : signup ? 'Create account' : 'Sign in'}
          </Button>
          <p className="text-center text-sm text-slate-600">
            {signup ? 'Already have an account? ' : 'New to RunningCoach? '}
            <Link
              href={signup ? '/signin' : '/signup'}
              className="font-semibold text-emerald-700 underline-offset-2 hover:underline"
            >
              {signup ? 'Sign in' : 'Create an account'}
            </Link>
          </p>
        </form>
      </div>
    </div>
  );
}
