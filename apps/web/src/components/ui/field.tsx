import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useId } from 'react';
import { cn } from '../../lib/cn.ts';

const control =
  'w-full rounded-xl border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-400 focus:border-emerald-600 focus:outline-none focus:ring-2 focus:ring-emerald-600/30';

interface FieldProps {
  label: string;
  hint?: ReactNode;
  className?: string;
}

/** The label, the control (given the id that ties them) and an optional hint under it. */
function Labelled({ label, hint, className, control }: FieldProps & { control: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className={cn('flex flex-col gap-1', className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {control(id)}
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
    </div>
  );
}

export function Input({
  label,
  hint,
  className,
  ...props
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Labelled
      label={label}
      hint={hint}
      className={className}
      control={(id) => <input id={id} className={control} {...props} />}
    />
  );
}

export function Select({
  label,
  hint,
  className,
  children,
  ...props
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Labelled
      label={label}
      hint={hint}
      className={className}
      control={(id) => (
        <select id={id} className={control} {...props}>
          {children}
        </select>
      )}
    />
  );
}

export function TextArea({
  label,
  hint,
  className,
  ...props
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Labelled
      label={label}
      hint={hint}
      className={className}
      control={(id) => <textarea id={id} className={cn(control, 'min-h-20')} {...props} />}
    />
  );
}

/** A 1-5 (or 1-10) choice as a row of radio buttons: big targets on a phone, arrow keys on a keyboard. */
export function Scale({
  label,
  name,
  value,
  onChange,
  min = 1,
  max = 5,
  low,
  high,
}: {
  label: string;
  name: string;
  value: number | undefined;
  onChange(v: number): void;
  min?: number;
  max?: number;
  low?: string;
  high?: string;
}) {
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="mb-1 text-sm font-medium text-slate-700">{label}</legend>
      <div className="flex gap-0.5 sm:gap-1">
        {values.map((v) => (
          <label
            key={v}
            className={cn(
              'flex h-10 min-w-0 flex-1 cursor-pointer items-center justify-center rounded-lg border text-sm font-semibold has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-emerald-600',
              value === v
                ? 'border-slate-900 bg-slate-900 text-white'
                : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50',
            )}
          >
            <input
              type="radio"
              className="sr-only"
              name={name}
              value={v}
              checked={value === v}
              onChange={() => onChange(v)}
              aria-label={`${label} ${v}`}
            />
            {v}
          </label>
        ))}
      </div>
      {(low || high) && (
        <div className="flex justify-between text-xs text-slate-500">
          <span>{low}</span>
          <span>{high}</span>
        </div>
      )}
    </fieldset>
  );
}
