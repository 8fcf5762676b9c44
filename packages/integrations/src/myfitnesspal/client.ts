import type { DailyNutrition, NutritionProvider } from '../nutrition/provider.ts';
import { type ProviderFetchOptions, ProviderError, getJson } from '../provider-fetch.ts';
import { dailyTotals } from './mapping.ts';
import type { MfpDiaryResponse } from './payload.ts';

export interface MyFitnessPalOptions extends Pick<
  ProviderFetchOptions,
  'fetch' | 'timeoutMs' | 'retryDelayMs'
> {
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
      throw new ProviderError(
        'myfitnesspal',
        'rejected',
        `asks for 1 to ${MAX_DAYS} days, got ${dates.length}`,
      );
    }
    const out: DailyNutrition[] = [];
    for (const date of dates) {
      const body = await getJson<MfpDiaryResponse>(this.url(date), {
        provider: 'myfitnesspal',
        headers: {
          'mfp-client-id': this.options.clientId,
          'mfp-user-id': this.options.userId,
          authorization: `Bearer ${this.options.accessToken}`,
        },
        ...(this.options.fetch && { fetch: this.options.fetch }),
        ...(this.options.timeoutMs !== undefined && { timeoutMs: this.options.timeoutMs }),
        ...(this.options.retryDelayMs !== undefined && { retryDelayMs: this.options.retryDelayMs }),
      });
      if (!Array.isArray(body?.items))
        throw new ProviderError('myfitnesspal', 'bad_payload', 'diary has no items');
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
