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
  children,
}: {
  title: ReactNode;
  note?: ReactNode;
  className?: string;
  /** A Tailwind height class. */
  height?: string;
  /** Why there is nothing to draw yet: shown instead of an empty chart. */
  empty?: ReactNode;
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
          <ResponsiveContainer initialDimension={{ width: 600, height: 240 }}>{children}</ResponsiveContainer>
        )}
      </div>
    </Card>
  );
}
