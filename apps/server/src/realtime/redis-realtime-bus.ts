import { Redis } from 'ioredis';
import type { RealtimeBus, RealtimeEvent, RealtimeListener } from './realtime-event.ts';

/**
 * Redis pub/sub, one channel per runner (`<prefix>runner:<userId>`): a process subscribes only to the
 * runners it holds sockets for (first socket subscribes, last one unsubscribes), so no process receives
 * every runner's traffic. Publishers (API processes, workers) need no subscriber connection; a subscriber
 * connection is opened on the first subscribe. Delivery is at most once: a client that was disconnected
 * pulls on reconnect anyway (events only say "something changed").
 */
export class RedisRealtimeBus implements RealtimeBus {
  private readonly publisher: Redis;
  private subscriber: Redis | undefined;
  private readonly listeners = new Map<string, Set<RealtimeListener>>();

  constructor(
    private readonly url: string,
    private readonly prefix: string,
  ) {
    this.publisher = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 500, lazyConnect: true });
    this.publisher.on('error', () => {});
  }

  private channel(userId: string): string {
    return `${this.prefix}runner:${userId}`;
  }

  async publish(userId: string, event: RealtimeEvent): Promise<void> {
    await this.publisher.publish(this.channel(userId), JSON.stringify(event));
  }

  async subscribe(userId: string, listener: RealtimeListener): Promise<() => Promise<void>> {
    const sub = this.connectSubscriber();
    let set = this.listeners.get(userId);
    const first = !set;
    if (!set) this.listeners.set(userId, (set = new Set()));
    set.add(listener);
    // Commands on one connection run in order, so a subscribe sent after an unsubscribe wins.
    if (first) await sub.subscribe(this.channel(userId));
    return async () => {
      set.delete(listener);
      if (set.size > 0 || this.listeners.get(userId) !== set) return;
      this.listeners.delete(userId);
      await sub.unsubscribe(this.channel(userId)).catch(() => {});
    };
  }

  private connectSubscriber(): Redis {
    if (this.subscriber) return this.subscriber;
    // Subscriptions are re-sent after a reconnect (ioredis autoResubscribe).
    const sub = new Redis(this.url, { maxRetriesPerRequest: 1 });
    sub.on('error', () => {});
    sub.on('message', (channel: string, message: string) => {
      const userId = channel.slice(`${this.prefix}runner:`.length);
      const set = this.listeners.get(userId);
      if (!set) return;
      let event: RealtimeEvent;
      try {
        event = JSON.parse(message) as RealtimeEvent;
      } catch {
        return; // not ours: the channel name is all anyone else shares with us
      }
      for (const listener of [...set]) listener(event);
    });
    return (this.subscriber = sub);
  }

  async close(): Promise<void> {
    this.listeners.clear();
    const quit = async (r: Redis | undefined) => {
      if (!r || r.status === 'end') return;
      if (r.status === 'wait') return r.disconnect(); // never connected (lazyConnect)
      await r.quit().catch(() => r.disconnect());
    };
    await Promise.all([quit(this.publisher), quit(this.subscriber)]);
  }
}
