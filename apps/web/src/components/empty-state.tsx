import type { ReactNode } from 'react';

export function EmptyState({
  icon,
  title,
  children,
}: {
  icon: ReactNode;
  title: string;
  children?: ReactNode;
}) {
  return (
    <div className="flex flex-col items-center gap-2 rounded-2xl border border-dashed border-slate-300 bg-white/60 px-6 py-10 text-center">
      <div className="text-slate-400" aria-hidden>
        {icon}
      </div>
      <h3 className="font-semibold text-slate-800">{title}</h3>
      {children && <div className="max-w-sm text-sm text-slate-600">{children}</div>}
    </div>
  );
}
