import { CliError } from '../errors.ts';

/** The server's JSON error body (API.md), or whatever came back. */
interface ErrorBody {
  error?: { code?: string; message?: string };
}

export interface ImportAnswer {
  status: number;
  created: number;
  /** Activities the file merged into (the same run recorded before, by hand or in another format). */
  merged: number;
  /** These exact bytes had been imported before: nothing changed. */
  alreadyImported: boolean;
  activities: { id: string; type: string; date: string; distanceMeters?: number; durationSec: number }[];
  error?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A RunningCoach server at `base` (e.g. http://localhost:3000), spoken to over /api/v1. */
export class ApiClient {
  constructor(
    private readonly base: string,
    private token?: string,
  ) {}

  private url(path: string): string {
    return `${this.base.replace(/\/+$/, '')}/api/v1${path}`;
  }

  /** Rate-limited (429) requests wait the server's Retry-After and go again, a few times. */
  private async send(path: string, init: RequestInit): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(this.url(path), init);
      } catch (err) {
        throw new CliError(`cannot reach ${this.base}: ${(err as Error).message}`, 1);
      }
      if (res.status !== 429 || attempt >= 5) return res;
      const wait = Number(res.headers.get('retry-after') ?? '1');
      await res.body?.cancel();
      await sleep(Math.min(Math.max(wait, 1), 60) * 1000);
    }
  }

  async login(email: string, password: string): Promise<void> {
    const res = await this.send('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const body = (await res.json().catch(() => ({}))) as { accessToken?: string } & ErrorBody;
    if (res.status !== 200 || !body.accessToken) {
      throw new CliError(`sign-in failed (${res.status}): ${body.error?.message ?? 'no access token'}`, 1);
    }
    this.token = body.accessToken;
  }

  /** POST /activities/import with the file as multipart/form-data. */
  async importFile(name: string, bytes: Uint8Array): Promise<ImportAnswer> {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name.split(/[\\/:]/).pop());
    const res = await this.send('/activities/import', {
      method: 'POST',
      headers: this.token ? { authorization: `Bearer ${this.token}` } : {},
      body: form,
    });
    const body = (await res.json().catch(() => ({}))) as Partial<ImportAnswer> & ErrorBody;
    if (res.status === 401) throw new CliError(`not signed in: ${body.error?.message ?? 'token refused'}`, 1);
    return {
      status: res.status,
      created: body.created ?? 0,
      merged: body.merged ?? 0,
      alreadyImported: body.alreadyImported ?? false,
      activities: body.activities ?? [],
      ...(res.status >= 300 && { error: body.error?.message ?? `HTTP ${res.status}` }),
    };
  }
}
