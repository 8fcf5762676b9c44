import type { ReactElement, ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';
import { cn } from '../lib/cn.ts';
import { Card, CardTitle } from './ui/card.tsx';

/** One analytics chart: its title, an optional note on how to read it, and the chart filling its height. */
export function ChartCard({
  title,
  note,
  className,
  height = 'h-60',
  empty,
  legend,
  children,
}: {
  title: ReactNode;
  note?: ReactNode;
  className?: string;
  /** A Tailwind height class. */
  height?: string;
  /** Why there is nothing to draw yet: shown instead of an empty chart. */
  empty?: ReactNode;
  /**
   * The series' names and colours, drawn as plain HTML: Recharts' Legend measures itself in the DOM and was a
   * third of the Analytics screen's render time.
   */
  legend?: { name: string; color: string }[];
  children: ReactElement;
}) {
  return (
    <Card className={className}>
      <CardTitle>{title}</CardTitle>
      {note && <p className="mt-1 text-xs text-slate-500">{note}</p>}
      <div className={cn('mt-3', height)}>
        {empty ? (
          <p className="flex h-full items-center justify-center rounded-xl bg-slate-50 px-6 text-center text-sm text-slate-500">
            {empty}
          </p>
        ) : (
          <ResponsiveContainer>{children}</ResponsiveContainer>
        )}
      </div>
      {legend && !empty && (
        <ul className="mt-2 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-slate-600">
          {legend.map((l) => (
            <li key={l.name} className="flex items-center gap-1.5">
              <span className="size-2.5 rounded-sm" style={{ background: l.color }} aria-hidden />
              {l.name}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
