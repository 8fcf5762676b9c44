import {
  AccountExportSchema,
  ActivityFeedbackSchema,
  ActivitySchema,
  DailyMetricsSchema,
  ManualActivitySchema,
  OnboardingSchema,
  TrainingPlanSchema,
  AlertListSchema,
  AlertSchema,
  CalendarTokenResponseSchema,
  DeleteAccountSchema,
  NotificationListSchema,
  NotificationSchema,
  AuthResponseSchema,
  LoginSchema,
  LogoutSchema,
  RefreshSchema,
  RegisterSchema,
  UpdateMeSchema,
  UserSchema,
} from '@runningcoach/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

export const OPENAPI_JSON_PATH = '/api/docs/openapi.json';

interface Operation {
  summary: string;
  public?: boolean;
  request?: z.ZodType;
  /** Success status and its body schema (none for 204). */
  status: number;
  response?: z.ZodType;
}

/** Request/response schemas for the REST routes, by `METHOD /path` (Fastify's path syntax). */
const OPERATIONS: Record<string, Operation> = {
  'POST /api/v1/auth/register': {
    summary: 'Create an account and sign in',
    public: true,
    request: RegisterSchema,
    status: 201,
    response: AuthResponseSchema,
  },
  'POST /api/v1/auth/login': {
    summary: 'Sign in',
    public: true,
    request: LoginSchema,
    status: 200,
    response: AuthResponseSchema,
  },
  'POST /api/v1/auth/refresh': {
    summary: 'Rotate the refresh token (one use; a replay revokes the device)',
    public: true,
    request: RefreshSchema,
    status: 200,
    response: AuthResponseSchema,
  },
  'POST /api/v1/auth/logout': {
    summary: "Sign out this refresh token's device",
    public: true,
    request: LogoutSchema,
    status: 204,
  },
  'GET /api/v1/me': { summary: 'The signed-in runner', status: 200, response: UserSchema },
  'PATCH /api/v1/me': {
    summary: 'Update profile, settings and baselines (merged)',
    request: UpdateMeSchema,
    status: 200,
    response: UserSchema,
  },
  'GET /api/v1/account/export': {
    summary: "Everything of the runner's as a JSON attachment (streamed)",
    status: 200,
    response: AccountExportSchema,
  },
  'DELETE /api/v1/account': {
    summary: 'Erase the runner: rows, files, tokens (body: the password of a local account)',
    request: DeleteAccountSchema,
    status: 204,
  },
  'GET /api/v1/plan/calendar.ics': {
    summary: 'The active plan as iCalendar (Bearer, or ?token= from POST /plan/calendar-token)',
    public: true,
    status: 200,
  },
  'POST /api/v1/plan/calendar-token': {
    summary: 'Create or rotate the calendar feed secret (extension)',
    status: 201,
    response: CalendarTokenResponseSchema,
  },
  'DELETE /api/v1/plan/calendar-token': {
    summary: 'Revoke the calendar feed secret (extension)',
    status: 204,
  },
  'GET /api/v1/notifications': {
    summary: 'Notifications, newest first (?unread, ?limit) (extension)',
    status: 200,
    response: NotificationListSchema,
  },
  'POST /api/v1/notifications/:id/read': {
    summary: 'Mark a notification read (extension)',
    status: 200,
    response: NotificationSchema,
  },
  'GET /api/v1/alerts': {
    summary: 'Alerts, most recent day first (?active, ?limit) (extension)',
    status: 200,
    response: AlertListSchema,
  },
  'POST /api/v1/alerts/:id/dismiss': {
    summary: 'Dismiss an alert (extension)',
    status: 200,
    response: AlertSchema,
  },
  'POST /api/v1/onboarding': {
    summary: 'Profile, goal, fitness and availability → the first plan, built by the engine',
    request: OnboardingSchema,
    status: 201,
    response: z.object({ plan: TrainingPlanSchema }),
  },
  'GET /api/v1/plan/current': { summary: 'The active plan and its workouts', status: 200 },
  'POST /api/v1/plan/regenerate': {
    summary: 'Rebuild the plan from today (version + 1; past logs kept)',
    status: 200,
    response: z.object({ plan: TrainingPlanSchema }),
  },
  'GET /api/v1/dashboard/today': {
    summary: "Today's workout, readiness, load (acute, chronic, ACWR, TSB, monotony), alerts, coach's note",
    status: 200,
  },
  'POST /api/v1/daily-metrics': {
    summary: "Morning check-in → readiness and today's (possibly adapted) workout",
    request: DailyMetricsSchema,
    status: 201,
  },
  'POST /api/v1/activities': {
    summary: 'Log an activity (optional columnar samples); loads computed, pipelines queued',
    request: ManualActivitySchema,
    status: 201,
    response: ActivitySchema,
  },
  'POST /api/v1/activities/import': {
    summary:
      'Import a FIT, GPX or TCX file (multipart/form-data, field `file`; type from the content) → 201 ' +
      '{activities, created, sha256, format}; 200 when already imported; 400/413/415/422 for a bad file',
    status: 201,
  },
  'GET /api/v1/workouts/:id.fit': {
    summary: 'A planned workout as a FIT workout file (application/vnd.ant.fit)',
    status: 200,
  },
  'GET /api/v1/activities': { summary: 'Activities in ?from..?to (days, inclusive)', status: 200 },
  'GET /api/v1/activities/:id': { summary: 'One activity with its samples', status: 200 },
  'PATCH /api/v1/activities/:id': {
    summary: 'Add or correct RPE, feeling or notes (extension)',
    request: ActivityFeedbackSchema,
    status: 200,
    response: ActivitySchema,
  },
  'GET /api/v1/stats/load': {
    summary: 'Daily load series (load, acute, chronic, ACWR, TSB, monotony, strain) in ?from..?to',
    status: 200,
  },
  'GET /healthz': { summary: 'Liveness', public: true, status: 200 },
  'GET /readyz': { summary: 'Readiness (the database answers)', public: true, status: 200 },
  'GET /metrics': { summary: 'Prometheus metrics', public: true, status: 200 },
};

// Transforms (e.g. trimming emails) have no JSON Schema form: the input side is documented as accepted.
const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' });

const ERROR_SCHEMA = jsonSchema(
  z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }) }),
  'output',
);

const UNDOCUMENTED = /^\/(trpc|api\/docs)(\/|$)|\*/;

/** `/api/v1/activities/:id` → `/api/v1/activities/{id}`. */
const toOpenApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

export function buildOpenApiDocument(routes: Iterable<string>): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const keys = [...new Set([...routes, ...Object.keys(OPERATIONS)])].sort();
  for (const key of keys) {
    const [method, url] = key.split(' ') as [string, string];
    const op: Operation = OPERATIONS[key] ?? { summary: `${method} ${url}`, status: 200 };
    const path = toOpenApiPath(url);
    const params = [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const responses: Record<string, unknown> = {
      [op.status]: op.response
        ? {
            description: 'OK',
            content: { 'application/json': { schema: jsonSchema(op.response, 'output') } },
          }
        : { description: 'OK' },
      default: {
        description: 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    };
    (paths[path] ??= {})[method.toLowerCase()] = {
      summary: op.summary,
      ...(op.public ? { security: [] } : {}),
      ...(params.length ? { parameters: params } : {}),
      ...(op.request
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(op.request, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'RunningCoach API', version: '1' },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: ERROR_SCHEMA },
    },
    paths,
  };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function renderHtml(doc: Record<string, unknown>): string {
  const paths = doc.paths as Record<string, Record<string, { summary: string }>>;
  const rows = Object.entries(paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(
      ([method, op]) =>
        `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(op.summary)}</td></tr>`,
    ),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>RunningCoach API</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem}td{padding:.2rem .8rem;border-bottom:1px solid #ddd}</style>
</head><body><h1>RunningCoach API</h1>
<p>OpenAPI 3.1 document: <a href="${OPENAPI_JSON_PATH}">${OPENAPI_JSON_PATH}</a>. tRPC at <code>/trpc</code>.</p>
<table>${rows.join('\n')}</table></body></html>
`;
}

/** Collects the app's routes as they are registered and serves `/api/docs` and its JSON document. */
export function installOpenApi(fastify: FastifyInstance): void {
  const routes = new Set<string>();
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) {
      if (m === 'HEAD' || m === 'OPTIONS' || UNDOCUMENTED.test(route.url)) continue;
      routes.add(`${m} ${route.url}`);
    }
  });
  let doc: Record<string, unknown> | undefined;
  const document = () => (doc ??= buildOpenApiDocument(routes));
  fastify.get(OPENAPI_JSON_PATH, async () => document());
  fastify.get('/api/docs', async (_req, reply) =>
    reply.header('content-type', 'text/html; charset=utf-8').send(renderHtml(document())),
  );
}
