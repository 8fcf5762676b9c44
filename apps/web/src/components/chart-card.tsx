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
  children,
}: {
  title: ReactNode;
  note?: ReactNode;
  className?: string;
  /** A Tailwind height class. */
  height?: string;
  children: ReactElement;
}) {
  return (
    <Card className={className}>
      <CardTitle>{title}</CardTitle>
      {note && <p className="mt-1 text-xs text-slate-500">{note}</p>}
      <div className={cn('mt-3', height)}>
        <ResponsiveContainer initialDimension={{ width: 600, height: 240 }}>{children}</ResponsiveContainer>
      </div>
    </Card>
  );
}
