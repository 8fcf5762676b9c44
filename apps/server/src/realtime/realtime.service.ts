import { Logger } from '@nestjs/common';
import {
  type RealtimeBus,
  type RealtimeEventType,
  type RealtimeListener,
  realtimeEvent,
} from './realtime-event.ts';

/**
 * Tells a runner's connected devices that something changed (`sync:required`, `plan:updated`,
 * `activity:new`). Called after commits; never fails the caller: a lost event only delays a device's
 * next sync until its next trigger (launch, foreground, periodic).
 */
export class RealtimeService {
  private readonly logger = new Logger('Realtime');

  constructor(private readonly bus: RealtimeBus) {}

  async publish(userId: string, type: RealtimeEventType, data: Record<string, unknown> = {}): Promise<void> {
    try {
      await this.bus.publish(userId, realtimeEvent(type, data));
    } catch (err) {
      // Ids only: event data never goes to the log.
      this.logger.warn(
        `${type} for ${userId} not published: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  subscribe(userId: string, listener: RealtimeListener): Promise<() => Promise<void>> {
    return this.bus.subscribe(userId, listener);
  }

  close(): Promise<void> {
    return this.bus.close();
  }
}
