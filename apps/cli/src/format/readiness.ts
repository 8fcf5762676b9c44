import type { Readiness } from '@runningcoach/contracts';

// What each light asks of the runner; the reasons say why.
const ADVICE: Record<Readiness['color'], string> = {
  green: 'train as planned',
  yellow: 'train, but keep it controlled: consider an easier session',
  red: 'rest or run very easy today',
};

export function renderReadiness(r: Readiness, today: string): string[] {
  return [
    `Readiness ${today}: ${r.color.toUpperCase()} (${ADVICE[r.color]})`,
    `Score ${Math.round(r.score)}/100, confidence ${Math.round(r.confidence * 100)}%`,
    ...(r.reasons.length ? ['', 'Reasons', ...r.reasons.map((x) => `  - ${x.message} [${x.code}]`)] : []),
  ];
}
