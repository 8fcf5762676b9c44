import { Inject, Injectable } from '@nestjs/common';
import type {
  CalendarTokenResponse,
  StepDuration,
  Units,
  WorkoutStep,
  WorkoutStructure,
  WorkoutType,
} from '@runningcoach/contracts';
import { CalendarRepository } from '../repositories/calendar.repository.ts';
import { AuditRepository } from '../repositories/audit.repository.ts';
import { CryptoRepository } from '../repositories/crypto.repository.ts';
import { DatabaseRepository } from '../repositories/database.repository.ts';
import { PlanRepository } from '../repositories/plan.repository.ts';
import { UserRepository } from '../repositories/user.repository.ts';
import type { ScheduledWorkoutRow } from '../schema/index.ts';
import { AppError } from '../utils/errors.ts';
import { AuthenticatorService } from './authenticator.service.ts';
import { type IcsEvent, renderCalendar } from './ics.ts';
import { noPlan } from './plan.service.ts';
import type { AppConfig } from '../config/config.ts';
import { APP_CONFIG } from '../utils/tokens.ts';

export const CALENDAR_FEED_PATH = '/api/v1/plan/calendar.ics';

const METERS_PER = { km: 1000, mi: 1609.344 } as const;

const LABELS: Record<WorkoutType, string> = {
  easy: 'Easy run',
  long: 'Long run',
  threshold: 'Threshold run',
  intervals: 'Intervals',
  marathon_pace: 'Marathon-pace run',
  recovery: 'Recovery run',
  rest: 'Rest',
  race: 'Race',
  strength: 'Strength',
};

const distance = (meters: number, units: Units) =>
  `${(meters / METERS_PER[units]).toFixed(1).replace(/\.0$/, '')} ${units}`;
const minutes = (sec: number) => `${Math.round(sec / 60)} min`;

/** `5:10-5:25 /km` (paces are stored per km; shown per mile for a runner in miles). */
function pace(range: { min: number; max: number }, units: Units): string {
  const f = METERS_PER[units] / 1000;
  const mmss = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;
  return `${mmss(range.min * f)}-${mmss(range.max * f)} /${units}`;
}

function durationText(d: StepDuration, units: Units): string {
  if (d.kind === 'time') return minutes(d.seconds);
  if (d.kind === 'distance') return distance(d.meters, units);
  return 'open';
}

function stepText(s: WorkoutStep, units: Units): string {
  const target = [
    s.target?.paceSecPerKm && pace(s.target.paceSecPerKm, units),
    s.target?.hrBpm && `${s.target.hrBpm.min}-${s.target.hrBpm.max} bpm`,
    s.target?.zone && `zone ${s.target.zone}`,
  ].filter(Boolean);
  return `${s.intent} ${durationText(s.duration, units)}${target.length ? ` @ ${target.join(', ')}` : ''}${s.note ? ` (${s.note})` : ''}`;
}

/** The structure as text lines, one per step; a repeat block as `4 x [...]`. */
export function structureText(structure: WorkoutStructure, units: Units): string[] {
  return structure.steps.map((s) =>
    s.type === 'repeat'
      ? `${s.count} x [${s.steps.map((x) => stepText(x, units)).join('; ')}]`
      : stepText(s, units),
  );
}

export function workoutSummary(w: ScheduledWorkoutRow, units: Units): string {
  const label = LABELS[w.type as WorkoutType] ?? w.type;
  const size =
    w.targetDistanceMeters != null && w.targetDistanceMeters > 0
      ? distance(w.targetDistanceMeters, units)
      : w.targetDurationSec != null && w.targetDurationSec > 0
        ? minutes(w.targetDurationSec)
        : null;
  const state = w.state === 'planned' ? '' : ` (${w.state})`;
  return `${label}${size ? ` · ${size}` : ''}${state}`;
}

/** `GET /plan/calendar.ics` and its subscription secret. */
@Injectable()
export class CalendarService {
  constructor(
    @Inject(DatabaseRepository) private readonly database: DatabaseRepository,
    @Inject(CalendarRepository) private readonly calendar: CalendarRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(CryptoRepository) private readonly crypto: CryptoRepository,
    @Inject(AuthenticatorService) private readonly authenticator: AuthenticatorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The feed for a calendar app (`?token=`) or the signed-in runner (Bearer). An unknown token is a 404 that
   * says nothing more, so the URL's secret cannot be probed for.
   */
  async feed(opts: { token?: string; authorization?: string | string[] }): Promise<string> {
    let userId: string | null;
    if (opts.token !== undefined) {
      const hash = this.crypto.sha256(opts.token);
      userId = await this.database.anonymous(() => this.calendar.findUserIdByTokenHash(hash));
      if (!userId) throw new AppError(404, 'NOT_FOUND', 'calendar feed not found');
    } else {
      userId = (await this.authenticator.authenticate(opts.authorization)).userId;
    }
    const id = userId;
    return this.database.asUser(id, async () => {
      const user = await this.users.findById(id);
      if (!user) throw new AppError(404, 'NOT_FOUND', 'calendar feed not found');
      const plan = await this.plans.findActive(id);
      if (!plan) throw noPlan();
      const units = user.settings.units;
      // Rest days are left out: a calendar full of "Rest" events is noise.
      const events: IcsEvent[] = (await this.plans.workoutsOf(id, plan.id))
        .filter((w) => w.type !== 'rest')
        .map((w) => ({
          uid: `${w.id}@runningcoach`,
          date: w.date,
          stamp: w.updatedAt,
          summary: workoutSummary(w, units),
          description: [w.description, '', ...structureText(w.structure, units)].join('\n'),
          categories: ['Running', LABELS[w.type as WorkoutType] ?? w.type],
        }));
      return renderCalendar({ name: `RunningCoach plan v${plan.version}`, events });
    });
  }

  /**
   * A new secret (the previous one stops working at once); only its hash is stored. The feed's URL starts
   * with PUBLIC_URL when set: behind a TLS proxy the request's own origin would say http.
   */
  rotateToken(userId: string, requestOrigin: string): Promise<CalendarTokenResponse> {
    const origin = this.config.publicUrl ?? requestOrigin;
    const token = this.crypto.randomToken(32);
    return this.database.asUser(userId, async () => {
      if (!(await this.calendar.setTokenHash(userId, this.crypto.sha256(token))))
        throw new AppError(404, 'NOT_FOUND', 'user not found');
      await this.audit.record(userId, 'calendar.token_rotate', 'user', userId);
      return { token, url: `${origin}${CALENDAR_FEED_PATH}?token=${token}` };
    });
  }

  revokeToken(userId: string): Promise<void> {
    return this.database.asUser(userId, async () => {
      if (!(await this.calendar.setTokenHash(userId, null)))
        throw new AppError(404, 'NOT_FOUND', 'user not found');
      await this.audit.record(userId, 'calendar.token_revoke', 'user', userId);
    });
  }
}
