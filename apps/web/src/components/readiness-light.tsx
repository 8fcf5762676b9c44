import type { Readiness } from '@runningcoach/contracts';
import { cn } from '../lib/cn.ts';

const COLORS = {
  green: {
    ring: 'bg-emerald-500',
    soft: 'bg-emerald-50 border-emerald-200',
    text: 'text-emerald-800',
    label: 'Ready to train',
  },
  yellow: {
    ring: 'bg-amber-400',
    soft: 'bg-amber-50 border-amber-200',
    text: 'text-amber-900',
    label: 'Take it a bit easier',
  },
  red: { ring: 'bg-red-500', soft: 'bg-red-50 border-red-200', text: 'text-red-800', label: 'Recover today' },
};

export function ReadinessLight({ readiness }: { readiness: Readiness }) {
  const c = COLORS[readiness.color];
  return (
    <div
      className={cn('rounded-2xl border p-5', c.soft)}
      data-testid="readiness"
      data-color={readiness.color}
    >
      <div className="flex items-center gap-4">
        <div className="relative flex size-16 shrink-0 items-center justify-center" aria-hidden>
          <span className={cn('absolute inset-0 rounded-full opacity-25', c.ring)} />
          <span className={cn('size-10 rounded-full shadow-inner', c.ring)} />
        </div>
        <div>
          <p className={cn('text-lg font-bold', c.text)}>
            <span className="sr-only">Readiness {readiness.color}: </span>
            {c.label}
          </p>
          <p className="text-sm text-slate-700">
            Score {Math.round(readiness.score)}/100 · confidence {Math.round(readiness.confidence * 100)}%
          </p>
        </div>
      </div>
      {readiness.reasons.length > 0 && (
        <ul className="mt-4 space-y-1.5 text-sm text-slate-700" aria-label="Why">
          {readiness.reasons.slice(0, 5).map((r, i) => (
            <li key={i} className="flex gap-2">
              <span aria-hidden className="mt-1.5 size-1.5 shrink-0 rounded-full bg-slate-400" />
              {r.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
