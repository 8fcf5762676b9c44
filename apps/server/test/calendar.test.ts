import { describe, expect, it } from 'vitest';
import { foldLine } from '../src/services/ics.ts';
import { BACKENDS, skipBackend } from './helpers/backends.ts';
import { onboard } from './helpers/domain.ts';
import { register, useServer } from './helpers/suite.ts';

interface Component {
  name: string;
  props: { name: string; params: Record<string, string>; value: string }[];
  children: Component[];
}

/** A strict RFC 5545 reader: CRLF only, ≤ 75 octets per line, unfolding, BEGIN/END nesting. */
function parseIcs(text: string): Component {
  expect(text.endsWith('\r\n')).toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
  }
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  const stack: Component[] = [{ name: 'ROOT', props: [], children: [] }];
  for (const line of lines) {
    const m = /^([A-Z-]+)((?:;[A-Z-]+=[^;:]*)*):(.*)$/.exec(line);
    expect(m, line).not.toBeNull();
    const [, name, rawParams, value] = m!;
    if (name === 'BEGIN') {
      const c: Component = { name: value!, props: [], children: [] };
      stack[stack.length - 1]!.children.push(c);
      stack.push(c);
    } else if (name === 'END') {
      expect(stack.pop()!.name).toBe(value);
    } else {
      const params = Object.fromEntries(
        rawParams!
          .split(';')
          .filter(Boolean)
          .map((p) => p.split('=') as [string, string]),
      );
      stack[stack.length - 1]!.props.push({ name: name!, params, value: value! });
    }
  }
  expect(stack).toHaveLength(1);
  expect(stack[0]!.children).toHaveLength(1);
  return stack[0]!.children[0]!;
}

const prop = (c: Component, name: string) => c.props.find((p) => p.name === name);
const unescape = (v: string) => v.replace(/\\n/g, '\n').replace(/\\([\\;,])/g, '$1');

describe('ics folding', () => {
  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `DESCRIPTION:${'é'.repeat(100)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(2);
    for (const l of folded) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(line);
  });
});

describe.each(BACKENDS)('GET /plan/calendar.ics on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  const s = useServer(backend);

  it('the active plan as all-day events, by Bearer or feed token, in the runner units', async () => {
    const a = await register(s.api);
    const { plan } = await onboard(s.api, a.accessToken);
    await s.api.patch('/me', { settings: { units: 'mi' } }, a.accessToken);
    const res = await fetch(`${s.server.url}/api/v1/plan/calendar.ics`, {
      headers: { authorization: `Bearer ${a.accessToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await res.text();
    const cal = parseIcs(text);
    expect(cal.name).toBe('VCALENDAR');
    expect(prop(cal, 'VERSION')?.value).toBe('2.0');
    expect(prop(cal, 'PRODID')).toBeDefined();
    const events = cal.children.filter((c) => c.name === 'VEVENT');
    const nonRest = (plan.workouts as { id: string; date: string; type: string }[]).filter(
      (w) => w.type !== 'rest',
    );
    expect(events).toHaveLength(nonRest.length);
    const uids = new Set(events.map((e) => prop(e, 'UID')!.value));
    expect(uids.size).toBe(events.length);
    for (const w of nonRest) {
      const e = events.find((x) => prop(x, 'UID')!.value === `${w.id}@runningcoach`)!;
      expect(e, w.id).toBeDefined();
      expect(prop(e, 'DTSTART')).toEqual({
        name: 'DTSTART',
        params: { VALUE: 'DATE' },
        value: w.date.replace(/-/g, ''),
      });
      expect(prop(e, 'DTEND')!.params).toEqual({ VALUE: 'DATE' });
      expect(prop(e, 'DTSTAMP')!.value).toMatch(/^\d{8}T\d{6}Z$/);
      expect(prop(e, 'DESCRIPTION')!.value.length).toBeGreaterThan(0);
    }
    const long = events.find((e) => prop(e, 'SUMMARY')!.value.startsWith('Long run'))!;
    expect(prop(long, 'SUMMARY')!.value).toMatch(/^Long run · \d+(\.\d)? mi$/);
    expect(unescape(prop(long, 'DESCRIPTION')!.value)).toContain('\n');

    // The same feed by its secret, without a session; a UID does not change between fetches.
    const created = await s.api.post('/plan/calendar-token', undefined, a.accessToken);
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const url = new URL(created.body.url as string);
    expect(url.pathname).toBe('/api/v1/plan/calendar.ics');
    const byToken = await fetch(`${s.server.url}${url.pathname}${url.search}`);
    expect(byToken.status).toBe(200);
    const again = parseIcs(await byToken.text());
    expect(again.children.map((e) => prop(e, 'UID')!.value)).toEqual(
      events.map((e) => prop(e, 'UID')!.value),
    );
  });

  it('a wrong, rotated or revoked token is a 404 that leaks nothing; malformed is a 400 naming token', async () => {
    const a = await register(s.api);
    await onboard(s.api, a.accessToken);
    const first = (await s.api.post('/plan/calendar-token', undefined, a.accessToken)).body.token as string;
    const second = (await s.api.post('/plan/calendar-token', undefined, a.accessToken)).body.token as string;
    expect(second).not.toBe(first);
    const feed = (t: string) => s.api.get(`/plan/calendar.ics?token=${encodeURIComponent(t)}`);
    const feedStatus = async (t: string) =>
      (await fetch(`${s.server.url}/api/v1/plan/calendar.ics?token=${encodeURIComponent(t)}`)).status;
    for (const t of [first, 'x'.repeat(43)]) {
      const res = await feed(t);
      expect(res.status).toBe(404);
      expect(res.body.error).toEqual({
        code: 'NOT_FOUND',
        message: 'calendar feed not found',
        details: null,
      });
    }
    expect(await feedStatus(second)).toBe(200);
    const bad = await feed('short');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toBe('token');
    expect((await s.api.get('/plan/calendar.ics')).status).toBe(401);
    const b = await register(s.api);
    expect((await s.api.get('/plan/calendar.ics', b.accessToken)).status).toBe(404); // B has no plan; never A's
    expect((await s.api.request('DELETE', '/plan/calendar-token', { token: b.accessToken })).status).toBe(
      204,
    );
    expect(await feedStatus(second)).toBe(200); // B's revoke does not touch A's feed
    expect((await s.api.request('DELETE', '/plan/calendar-token', { token: a.accessToken })).status).toBe(
      204,
    );
    expect(await feedStatus(second)).toBe(404);
  });
});
