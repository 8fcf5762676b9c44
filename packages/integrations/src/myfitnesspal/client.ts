import type { DailyNutrition, NutritionProvider } from '../nutrition/provider.ts';
import { badPayload, providerJson, type TransportOptions } from '../core/http.ts';
import { dailyTotals } from './mapping.ts';
import type { MfpDiaryResponse } from './payload.ts';

export interface MyFitnessPalOptions extends TransportOptions {
  baseUrl: string;
  clientId: string;
  /** The runner's MyFitnessPal user id and access token (from the partner OAuth flow). */
  userId: string;
  accessToken: string;
}

const MAX_DAYS = 92;

/** The MyFitnessPal adapter of the nutrition provider interface: one diary request per day. */
export class MyFitnessPalProvider implements NutritionProvider {
  readonly name = 'myfitnesspal' as const;

  constructor(private readonly options: MyFitnessPalOptions) {}

  async days(from: string, to: string): Promise<DailyNutrition[]> {
    const dates: string[] = [];
    for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
      dates.push(new Date(t).toISOString().slice(0, 10));
    }
    if (dates.length === 0 || dates.length > MAX_DAYS) {
      // The caller's mistake, found before any request.
      throw new RangeError(`myfitnesspal: asks for 1 to ${MAX_DAYS} days, got ${dates.length}`);
    }
    const { baseUrl: _, clientId, userId, accessToken, ...transport } = this.options;
    const out: DailyNutrition[] = [];
    for (const date of dates) {
      // Diary reads are idempotent: one retry after an outage by default.
      const body = await providerJson<MfpDiaryResponse>('myfitnesspal', this.url(date).toString(), {
        retries: 1,
        ...transport,
        headers: {
          'mfp-client-id': clientId,
          'mfp-user-id': userId,
          authorization: `Bearer ${accessToken}`,
        },
      });
      if (!Array.isArray(body?.items)) throw badPayload('myfitnesspal', 'diary has no items');
      const day = dailyTotals(date, body.items);
      if (day) out.push(day);
    }
    return out;
  }

  private url(date: string): URL {
    const url = new URL('v2/diary', this.options.baseUrl.replace(/\/*$/, '/'));
    url.searchParams.set('entry_date', date);
    url.searchParams.append('fields[]', 'nutritional_contents');
    url.searchParams.set('types', 'diary_meal');
    return url;
  }
}
