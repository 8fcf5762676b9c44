/** What `/ws` sends: one JSON text frame per event, `{type, data, at}` (`at` ISO-8601, when it was published). */
export const REALTIME_EVENT_TYPES = ['sync:required', 'plan:updated', 'activity:new'] as const;
export type RealtimeEventType = (typeof REALTIME_EVENT_TYPES)[number];

export interface RealtimeEvent {
  type: RealtimeEventType;
  data: Record<string, unknown>;
  at: string;
}

export const realtimeEvent = (
  type: RealtimeEventType,
  data: Record<string, unknown> = {},
  now = new Date(),
): RealtimeEvent => ({ type, data, at: now.toISOString() });

export type RealtimeListener = (event: RealtimeEvent) => void;

/**
 * Carries a runner's events to every process that holds one of their sockets. `subscribe` resolves once
 * events published afterwards are sure to arrive; the function it returns unsubscribes.
 */
export interface RealtimeBus {
  publish(userId: string, event: RealtimeEvent): Promise<void>;
  subscribe(userId: string, listener: RealtimeListener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Without Redis: one process (the API with PGlite or in-process jobs) publishes and delivers. */
export class MemoryRealtimeBus implements RealtimeBus {
  private readonly listeners = new Map<string, Set<RealtimeListener>>();

  async publish(userId: string, event: RealtimeEvent): Promise<void> {
    for (const listener of [...(this.listeners.get(userId) ?? [])]) listener(event);
  }

  async subscribe(userId: string, listener: RealtimeListener): Promise<() => Promise<void>> {
    const set = this.listeners.get(userId) ?? new Set();
    set.add(listener);
    this.listeners.set(userId, set);
    return async () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(userId) === set) this.listeners.delete(userId);
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}

/** Frames about the connection itself, not the runner's data: `connected` (subscribed), `pong`. */
export const controlFrame = (type: 'connected' | 'pong', data: Record<string, unknown> = {}) =>
  JSON.stringify({ type, data, at: new Date().toISOString() });
