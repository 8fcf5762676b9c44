import { AlertListSchema, NotificationListSchema, NotificationSchema } from '@runningcoach/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { BACKENDS, skipBackend } from './helpers/backends.ts';
import { addDays, everyDayBody, onboard, redCheckIn, todayUtc } from './helpers/domain.ts';
import { runnerRows } from './helpers/runner-rows.ts';
import { register, useServer } from './helpers/suite.ts';

describe.each(BACKENDS)('notifications and alerts on %s', (backend) => {
  if (skipBackend(backend)) return void it.skip('real PostgreSQL skipped (RC_SKIP_PG=1)');
  const s = useServer(backend);

  it('lists newest first, ?unread filters, read is idempotent and per runner', async () => {
    const a = await register(s.api);
    await onboard(s.api, a.accessToken, everyDayBody());
    expect((await s.api.post('/daily-metrics', redCheckIn(), a.accessToken)).status).toBe(201);
    await s.server.db.execute(sql`insert into notifications (user_id, kind, title, body, created_at)
      values (${a.user.id}, 'test', 'Older', 'an older one', now() - interval '1 day')`);
    const all = NotificationListSchema.parse((await s.api.get('/notifications', a.accessToken)).body);
    expect(all.notifications.length).toBe(2);
    expect(all.notifications[1]!.title).toBe('Older');
    expect(all.notifications.every((n) => n.readAt === null)).toBe(true);
    const target = all.notifications[0]!;

    const b = await register(s.api);
    const before = await runnerRows(s.server.db, a.user.id);
    const intrude = await s.api.post(`/notifications/${target.id}/read`, undefined, b.accessToken);
    expect(intrude.status).toBe(404);
    expect((await s.api.get('/notifications', b.accessToken)).body).toEqual({ notifications: [] });
    expect(await runnerRows(s.server.db, a.user.id)).toEqual(before);

    const read = await s.api.post(`/notifications/${target.id}/read`, undefined, a.accessToken);
    expect(read.status).toBe(200);
    const first = NotificationSchema.parse(read.body);
    expect(first.readAt).not.toBeNull();
    const again = await s.api.post(`/notifications/${target.id}/read`, undefined, a.accessToken);
    expect(again.body.readAt).toBe(first.readAt);
    const unread = (await s.api.get('/notifications?unread', a.accessToken)).body;
    expect(unread.notifications.map((n: { id: string }) => n.id)).toEqual([all.notifications[1]!.id]);
    expect(
      (await s.api.get('/notifications?unread=false&limit=1', a.accessToken)).body.notifications,
    ).toHaveLength(1);
  });

  it('bad input is a 400 naming the field', async () => {
    const a = await register(s.api);
    for (const [path, field] of [
      ['/notifications?unread=maybe', 'unread'],
      ['/notifications?limit=0', 'limit'],
      ['/notifications?other=1', 'other'],
      ['/alerts?active=2', 'active'],
    ] as const) {
      const res = await s.api.get(path, a.accessToken);
      expect(res.status, path).toBe(400);
      expect(res.body.error.details.issues[0].path, path).toBe(field);
    }
    const bad = await s.api.post('/notifications/not-a-uuid/read', undefined, a.accessToken);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toBe('id');
    expect(
      (await s.api.post('/alerts/nope/dismiss', undefined, a.accessToken)).body.error.details.issues[0].path,
    ).toBe('id');
    expect((await s.api.get('/notifications')).status).toBe(401);
  });

  it('alerts: list (?active), dismiss once, another runner gets 404', async () => {
    const a = await register(s.api);
    for (const [kind, date] of [
      ['acwr_high', todayUtc()],
      ['monotony_high', addDays(todayUtc(), -1)],
    ])
      await s.server.db.execute(sql`insert into alerts (user_id, kind, severity, date, title, body, data)
        values (${a.user.id}, ${kind}, 'warning', ${date}, ${kind}, 'watch your load', '{"acwr":1.6}'::jsonb)`);
    const list = AlertListSchema.parse((await s.api.get('/alerts', a.accessToken)).body);
    expect(list.alerts.map((x) => x.kind)).toEqual(['acwr_high', 'monotony_high']);
    expect(list.alerts[0]!.data).toEqual({ acwr: 1.6 });
    const id = list.alerts[0]!.id;
    const b = await register(s.api);
    expect((await s.api.post(`/alerts/${id}/dismiss`, undefined, b.accessToken)).status).toBe(404);
    expect((await s.api.get('/alerts', b.accessToken)).body).toEqual({ alerts: [] });
    const dismissed = await s.api.post(`/alerts/${id}/dismiss`, undefined, a.accessToken);
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.dismissedAt).not.toBeNull();
    const again = await s.api.post(`/alerts/${id}/dismiss`, undefined, a.accessToken);
    expect(again.body.dismissedAt).toBe(dismissed.body.dismissedAt);
    const active = (await s.api.get('/alerts?active', a.accessToken)).body.alerts;
    expect(active.map((x: { kind: string }) => x.kind)).toEqual(['monotony_high']);
  });
});
