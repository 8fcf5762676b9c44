import { beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, skipBackend } from './helpers/backends.ts';
import { onboardingBody } from './helpers/domain.ts';
import { apiRoutes } from './helpers/routes.ts';
import { client, type Reply } from './helpers/http.ts';
import { snapshot, register, uniqueEmail, useServer } from './helpers/suite.ts';
import { SHORT_RUN_FIT, upload } from './helpers/upload.ts';

type Case = [name: string, body: unknown, field: string];
const long = (n: number) => 'x'.repeat(n);
const ok = { email: 'valid@example.com', password: 'correct horse' };
const onboarding = onboardingBody();
const activity = { date: '2026-03-01', type: 'run', durationSec: 1800 };

// [endpoint, method, needs an access token, cases]
const TABLE: [string, 'POST' | 'PUT' | 'PATCH' | 'DELETE', boolean, Case[]][] = [
  [
    '/sync/check',
    'POST',
    true,
    [
      ['since not a number', { since: 'yesterday' }, 'since'],
      ['unknown key', { since: 0, tables: [] }, 'tables'],
    ],
  ],
  ['/sync/upload', 'POST', true, [['no changes', {}, 'changes']]],
  [
    '/sync/complete',
    'POST',
    true,
    [
      ['missing deviceId', { cursor: 1 }, 'deviceId'],
      ['negative cursor', { deviceId: 'phone', cursor: -1 }, 'cursor'],
    ],
  ],
  [
    '/sync',
    'POST',
    true,
    [
      ['no changes', {}, 'changes'],
      ['changes not an object', { changes: [] }, 'changes'],
      ['unknown change kind', { changes: { activities: { moved: [] } } }, 'changes.activities.moved'],
    ],
  ],
  [
    '/auth/register',
    'POST',
    false,
    [
      ['missing email', { password: 'correct horse' }, 'email'],
      ['email not an email', { ...ok, email: 'runner' }, 'email'],
      ['email a number', { ...ok, email: 42 }, 'email'],
      ['password too short', { ...ok, password: 'short' }, 'password'],
      ['password too long', { ...ok, password: long(257) }, 'password'],
      ['name empty', { ...ok, name: '  ' }, 'name'],
      ['deviceId too long', { ...ok, deviceId: long(129) }, 'deviceId'],
      ['unknown key', { ...ok, admin: true }, 'admin'],
      ['array body', [ok], 'body'],
      ['null body', null, 'body'],
    ],
  ],
  [
    '/auth/login',
    'POST',
    false,
    [
      ['missing password', { email: ok.email }, 'password'],
      ['empty password', { ...ok, password: '' }, 'password'],
      ['email object', { ...ok, email: { $ne: '' } }, 'email'],
      ['deviceId number', { ...ok, deviceId: 7 }, 'deviceId'],
    ],
  ],
  [
    '/auth/refresh',
    'POST',
    false,
    [
      ['missing refreshToken', {}, 'refreshToken'],
      ['refreshToken empty', { refreshToken: '' }, 'refreshToken'],
      ['refreshToken too long', { refreshToken: long(513) }, 'refreshToken'],
      ['string body', 'token', 'body'],
    ],
  ],
  [
    '/auth/logout',
    'POST',
    false,
    [
      ['missing refreshToken', {}, 'refreshToken'],
      ['refreshToken number', { refreshToken: 1 }, 'refreshToken'],
    ],
  ],
  [
    '/me',
    'PATCH',
    true,
    [
      ['profile weight out of range', { profile: { weightKg: 10 } }, 'profile.weightKg'],
      ['profile not a calendar date', { profile: { birthDate: '1990-02-30' } }, 'profile.birthDate'],
      ['profile sex unknown', { profile: { sex: 'x' } }, 'profile.sex'],
      ['profile unknown key', { profile: { shoeSize: 44 } }, 'profile.shoeSize'],
      ['settings units', { settings: { units: 'furlongs' } }, 'settings.units'],
      ['settings time zone', { settings: { timeZone: 'Mars/Olympus' } }, 'settings.timeZone'],
      ['location latitude', { settings: { location: { lat: 91, lon: 0 } } }, 'settings.location.lat'],
      ['location without lon', { settings: { location: { lat: 10 } } }, 'settings.location.lon'],
      [
        'notifications not boolean',
        { settings: { notifications: { push: 'yes' } } },
        'settings.notifications.push',
      ],
      ['baseline maxHr too low', { baselines: { maxHr: 90 } }, 'baselines.maxHr'],
      ['baseline restingHr fractional', { baselines: { restingHr: 50.5 } }, 'baselines.restingHr'],
      ['unknown section', { email: 'new@example.com' }, 'email'],
      ['name too long', { name: long(101) }, 'name'],
    ],
  ],
  [
    '/onboarding',
    'POST',
    true,
    [
      ['missing profile', { ...onboarding, profile: undefined }, 'profile'],
      ['profile sex unknown', { ...onboarding, profile: { ...onboarding.profile, sex: 'x' } }, 'profile.sex'],
      [
        'goal date not a date',
        { ...onboarding, goal: { ...onboarding.goal, raceDate: 'soon' } },
        'goal.raceDate',
      ],
      [
        'goal shorter than 1 km',
        { ...onboarding, goal: { ...onboarding.goal, distanceMeters: 400 } },
        'goal.distanceMeters',
      ],
      [
        'recent race time a string',
        {
          ...onboarding,
          fitness: { recentRace: { distanceMeters: 5000, timeSec: '20:00', date: '2026-01-01' } },
        },
        'fitness.recentRace.timeSec',
      ],
      [
        'run day unknown',
        { ...onboarding, availability: { runDays: ['tue', 'funday'], longRunDay: 'tue' } },
        'availability.runDays.1',
      ],
      [
        'long run day not a run day',
        { ...onboarding, availability: { runDays: ['tue', 'thu'], longRunDay: 'sun' } },
        'availability.longRunDay',
      ],
      ['unknown key', { ...onboarding, coach: 'me' }, 'coach'],
      ['unknown nested key', { ...onboarding, goal: { ...onboarding.goal, city: 'Berlin' } }, 'goal.city'],
    ],
  ],
  [
    '/daily-metrics',
    'POST',
    true,
    [
      ['missing date', { restingHr: 50 }, 'date'],
      ['date not on the calendar', { date: '2026-02-30' }, 'date'],
      ['resting HR out of range', { date: '2026-03-01', restingHr: 400 }, 'restingHr'],
      ['HRV a string', { date: '2026-03-01', hrvRmssd: '60' }, 'hrvRmssd'],
      ['sleep quality beyond 5', { date: '2026-03-01', sleepQuality: 9 }, 'sleepQuality'],
      ['sleep longer than a day', { date: '2026-03-01', sleepDurationMinutes: 1441 }, 'sleepDurationMinutes'],
      ['soreness fractional', { date: '2026-03-01', soreness: 2.5 }, 'soreness'],
      ['unknown key', { date: '2026-03-01', steps: 10_000 }, 'steps'],
    ],
  ],
  [
    '/activities',
    'POST',
    true,
    [
      ['missing type', { date: '2026-03-01', durationSec: 1800 }, 'type'],
      ['type unknown', { ...activity, type: 'teleport' }, 'type'],
      ['duration zero', { ...activity, durationSec: 0 }, 'durationSec'],
      ['distance negative', { ...activity, distanceMeters: -5 }, 'distanceMeters'],
      ['RPE beyond 10', { ...activity, rpe: 11 }, 'rpe'],
      ['max HR below average', { ...activity, avgHr: 150, maxHr: 140 }, 'maxHr'],
      ['start time without offset', { ...activity, startTime: '2026-03-01T07:00:00' }, 'startTime'],
      ['notes too long', { ...activity, notes: long(5001) }, 'notes'],
      ['source is the server’s to set', { ...activity, source: 'garmin' }, 'source'],
    ],
  ],
  [
    '/activities/00000000-0000-4000-8000-000000000000',
    'PATCH',
    true,
    [
      ['empty', {}, 'rpe'],
      ['RPE beyond 10', { rpe: 12 }, 'rpe'],
      ['feeling fractional', { feeling: 2.5 }, 'feeling'],
      ['objective fields are not editable', { distanceMeters: 42_195 }, 'distanceMeters'],
    ],
  ],
  [
    '/races/lakeside-42k/select',
    'POST',
    true,
    [
      ['target time negative', { targetTimeSec: -1 }, 'targetTimeSec'],
      ['goal fields are the race’s to set', { raceDate: '2027-01-01' }, 'raceDate'],
    ],
  ],
  [
    '/nutrition/days/2027-03-01',
    'PUT',
    true,
    [
      ['missing intakeKcal', { proteinGrams: 100 }, 'intakeKcal'],
      ['intake beyond 20000', { intakeKcal: 25_000 }, 'intakeKcal'],
      ['protein negative', { intakeKcal: 2000, proteinGrams: -1 }, 'proteinGrams'],
      ['unknown key', { intakeKcal: 2000, alcohol: 2 }, 'alcohol'],
    ],
  ],
  ['/nutrition/days/2027-02-30', 'PUT', true, [['date not on the calendar', { intakeKcal: 2000 }, 'date']]],
  [
    '/nutrition/import',
    'POST',
    true,
    [
      ['missing csv', {}, 'csv'],
      ['csv not a string', { csv: 42 }, 'csv'],
      ['csv without a calories column', { csv: 'date,protein\n2027-01-01,90' }, 'csv'],
      ['csv row with a bad date', { csv: 'date,calories\n01/02/2027,2000' }, 'csv'],
    ],
  ],
  [
    '/integrations/garmin/workouts',
    'POST',
    true,
    [
      ['from not a date', { from: 'monday' }, 'from'],
      ['from after to', { from: '2026-03-02', to: '2026-03-01' }, 'from'],
      ['unknown key', { all: true }, 'all'],
    ],
  ],
  [
    '/integrations/myfitnesspal/sync',
    'POST',
    true,
    [
      ['from not a date', { from: 'monday' }, 'from'],
      ['to not on the calendar', { to: '2027-02-30' }, 'to'],
      ['from after to', { from: '2026-03-02', to: '2026-03-01' }, 'from'],
      ['unknown key', { days: 30 }, 'days'],
    ],
  ],
  [
    '/integrations/apple/devices',
    'POST',
    true,
    [
      ['missing deviceName', {}, 'deviceName'],
      ['deviceName too long', { deviceName: long(101) }, 'deviceName'],
      ['unknown key', { deviceName: 'phone', admin: true }, 'admin'],
    ],
  ],
  [
    '/account',
    'DELETE',
    true,
    [
      ['unknown key', { force: 1 }, 'force'],
      ['empty password', { password: '' }, 'password'],
      ['password a number', { password: 1234 }, 'password'],
    ],
  ],
];

/** Query strings: [path, field named]. */
const QUERIES: [string, string][] = [
  ['/activities?from=yesterday', 'from'],
  ['/activities?from=2026-03-02&to=2026-03-01', 'from'],
  ['/activities?page=2', 'page'],
  ['/stats/load?to=2026-13-01', 'to'],
  ['/stats/load?from=2026-03-02&to=2026-03-01', 'from'],
  ['/notifications?unread=maybe', 'unread'],
  ['/notifications?limit=0', 'limit'],
  ['/alerts?active=2', 'active'],
  ['/alerts?limit=abc', 'limit'],
  ['/plan/calendar.ics?token=short', 'token'],
  ['/sync?last_pulled_at=yesterday', 'last_pulled_at'],
  ['/sync?limit=0', 'limit'],
  ['/sync/download?since=yesterday', 'since'],
  ['/races?from=yesterday', 'from'],
  ['/races?from=2027-03-02&to=2027-03-01', 'from'],
  ['/races?distance=ultra', 'distance'],
  ['/races?near=north', 'near'],
  ['/races?near=91,10', 'near'],
  ['/races?radiusKm=10', 'radiusKm'],
  ['/races?city=Berlin', 'city'],
  ['/weather/forecast?lat=95&lon=1', 'lat'],
  ['/weather/forecast?lat=1', 'lon'],
  ['/activities/x/effort?lat=1', 'lat'],
  ['/activities/x/effort?lon=abc', 'lon'],
  ['/nutrition/days?from=2027-02-30', 'from'],
  ['/nutrition/days?to=soon', 'to'],
];

/** Path ids: [method, path, field named]. */
const IDS: [string, string, string][] = [
  ['POST', '/notifications/not-a-uuid/read', 'id'],
  ['POST', '/alerts/x/dismiss', 'id'],
  ['POST', '/sync/conflicts/x/undo', 'id'],
  ['POST', '/races/bad%20id/select', 'id'],
];

/** Multipart and file routes: [route, request, status, field or code named]. */
const FILE_ROUTES: [string, (c: { token: string; base: string }) => Promise<Reply>, number, RegExp][] = [
  [
    'POST /activities/import',
    ({ token, base }) => upload(base, token, SHORT_RUN_FIT, 'run.fit', 'attachment'),
    400,
    /^file: is missing/,
  ],
  [
    'POST /activities/import',
    ({ token, base }) => upload(base, token, new Uint8Array(0)),
    400,
    /^file: is empty/,
  ],
  [
    'POST /activities/import',
    ({ token, base }) => upload(base, token, new TextEncoder().encode('<kml/>')),
    415,
    /^file: .*<kml>/,
  ],
  [
    'POST /activities/import',
    ({ token, base }) => client(base).post('/activities/import', { file: 'x' }, token),
    415,
    /multipart/,
  ],
  [
    'GET /workouts/:id.fit',
    ({ token, base }) => client(base).get('/workouts/not-a-workout.fit', token),
    404,
    /not found/,
  ],
];

/** Provider routes: [route, method, path, field named] (an unknown provider, a bad flag or state). */
const PROVIDER_ROUTES: [string, string, string, string][] = [
  ['POST /integrations/:provider/connect', 'POST', '/integrations/polar/connect', 'provider'],
  ['DELETE /integrations/:provider', 'DELETE', '/integrations/polar', 'provider'],
  ['DELETE /integrations/:provider', 'DELETE', '/integrations/strava?deleteData=maybe', 'deleteData'],
  [
    'GET /integrations/:provider/callback',
    'GET',
    `/integrations/strava/callback?state=${long(201)}`,
    'state',
  ],
  ['GET /integrations/:provider/callback', 'GET', '/integrations/apple/callback?state=x', 'provider'],
  ['GET /integrations/myfitnesspal/sync/:id', 'GET', '/integrations/myfitnesspal/sync/not-a-uuid', 'id'],
];

/** Routes without a body or query to get wrong (their only input is the token, tested in auth.test.ts). */
const NO_INPUT = [
  'GET /me',
  'GET /plan/current',
  'POST /plan/regenerate',
  'GET /dashboard/today',
  'GET /activities/:id',
  'GET /account/export',
  'POST /plan/calendar-token',
  'DELETE /plan/calendar-token',
  'GET /sync/status',
  'GET /integrations',
];

describe.each(BACKENDS)('bad input on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  const s = useServer(backend);
  let token = '';
  // The sync routes' cases run as a second runner: one runner's ~100 requests would meet the rate limit.
  let syncToken = '';
  // Race, weather and effort cases run as a third runner, the integrations' as a fourth, for the same reason.
  let contextToken = '';
  let integrationsToken = '';
  const tokenFor = (path: string) =>
    path.startsWith('/sync')
      ? syncToken
      : path.startsWith('/integrations')
        ? integrationsToken
        : /^\/(races|weather|nutrition)|\/effort/.test(path)
          ? contextToken
          : token;
  beforeAll(async () => {
    if (!s.api) return; // the setup error fails each test
    token = (await register(s.api, { email: ok.email })).accessToken;
    syncToken = (await register(s.api)).accessToken;
    contextToken = (await register(s.api)).accessToken;
    integrationsToken = (await register(s.api)).accessToken;
  });

  describe.each(TABLE)('%s %s', (path, method, authed, cases) => {
    it.each(cases)('%s → 400 naming %j, nothing written', async (_name, body, field) => {
      const before = await snapshot(s.server.db);
      const res = await s.api.request(method, path, {
        json: body,
        token: authed ? tokenFor(path) : undefined,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.message.startsWith(`${field}: `)).toBe(true);
      expect(res.body.error.details.issues).toContainEqual(expect.objectContaining({ path: field }));
      expect(await snapshot(s.server.db)).toEqual(before);
    });

    it.each([
      ['malformed JSON', '{"email": "a@b.c",', 'application/json', 400, 'INVALID_JSON'],
      ['empty JSON body', '', 'application/json', 400, 'INVALID_JSON'],
      ['prototype poisoning', '{"__proto__": {"admin": true}}', 'application/json', 400, 'INVALID_JSON'],
      [
        'oversized body',
        JSON.stringify({ name: long(1024 * 1024 + 1) }),
        'application/json',
        413,
        'PAYLOAD_TOO_LARGE',
      ],
      [
        'form-encoded body',
        'email=a%40b.co&password=12345678',
        'application/x-www-form-urlencoded',
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      ['text body', JSON.stringify(ok), 'text/plain', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ])('%s (%s) → %i %s', async (_name, raw, contentType, status, code) => {
      const before = await snapshot(s.server.db);
      const res = await s.api.request(method, path, {
        raw,
        contentType,
        token: authed ? tokenFor(path) : undefined,
      });
      expect(res.status).toBe(status);
      expect(res.body).toEqual({ error: { code, message: expect.any(String), details: null } });
      expect(await snapshot(s.server.db)).toEqual(before);
    });
  });

  it.each(QUERIES)('GET %s → 400 naming %j, nothing written', async (path, field) => {
    const before = await snapshot(s.server.db);
    const res = await s.api.get(path, tokenFor(path));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message.startsWith(`${field}: `)).toBe(true);
    expect(await snapshot(s.server.db)).toEqual(before);
  });

  it.each(IDS)('%s %s → 400 naming %j, nothing written', async (method, path, field) => {
    const before = await snapshot(s.server.db);
    const res = await s.api.request(method, path, { token: tokenFor(path) });
    expect(res.status).toBe(400);
    expect(res.body.error.message.startsWith(`${field}: `)).toBe(true);
    expect(await snapshot(s.server.db)).toEqual(before);
  });

  it.each(PROVIDER_ROUTES)(
    '%s (%s %s) → 400 naming %j, nothing written',
    async (_route, method, path, field) => {
      const before = await snapshot(s.server.db);
      const res = await s.api.request(method, path, { token: tokenFor(path) });
      expect(res.status).toBe(400);
      expect(res.body.error.message.startsWith(`${field}: `)).toBe(true);
      expect(await snapshot(s.server.db)).toEqual(before);
    },
  );

  it.each(FILE_ROUTES)(
    '%s (case %#) → %i naming the input, nothing written',
    async (_route, send, status, message) => {
      const before = await snapshot(s.server.db);
      const res = await send({ token, base: `${s.server.url}/api/v1` });
      expect(res.status).toBe(status);
      expect(res.body.error.message).toMatch(message);
      expect(await snapshot(s.server.db)).toEqual(before);
    },
  );

  it('covers every route the server serves', async () => {
    const covered = new Set([
      ...TABLE.map(
        ([path, method]) =>
          `${method} ${path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}$/, ':id').replace(/\/nutrition\/days\/[\d-]+$/, '/nutrition/days/:date')}`,
      ),
      ...QUERIES.map(
        ([path]) => `GET ${path.split('?')[0]!.replace(/^\/activities\/x\//, '/activities/:id/')}`,
      ),
      ...IDS.map(
        ([method, path]) => `${method} ${path.replace(/\/[^/]+\/(read|dismiss|undo|select)$/, '/:id/$1')}`,
      ),
      ...NO_INPUT,
      ...FILE_ROUTES.map(([route]) => route),
      ...PROVIDER_ROUTES.map(([route]) => route),
    ]);
    expect((await apiRoutes(s.root)).filter((r) => !covered.has(r))).toEqual([]);
  });

  it('valid bodies do write (so the checks above have teeth)', async () => {
    const before = await snapshot(s.server.db);
    expect((await s.api.patch('/me', { baselines: { maxHr: 190 } }, token)).status).toBe(200);
    const afterPatch = await snapshot(s.server.db);
    expect(afterPatch.users).not.toBe(before.users);
    expect(
      (await s.api.post('/auth/register', { email: uniqueEmail(), password: 'correct horse' })).status,
    ).toBe(201);
    expect(await snapshot(s.server.db)).not.toEqual(afterPatch);
  });

  it('unknown routes are 404 in the same error shape', async () => {
    const res = await s.api.get('/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});
