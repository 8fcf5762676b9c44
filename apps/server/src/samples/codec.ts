import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { type ActivitySamples, SAMPLE_CHANNELS, type SampleChannel } from '@runningcoach/contracts';

/**
 * `activity_samples.data`, codec `rc-col1+deflate`: one block per channel (in the row's `channels` order,
 * `t` first), the whole buffer raw-deflated. A block is a flags byte (bit 0: some values are null), then,
 * if so, a presence bitmap (1 bit per sample, LSB first), then the present values quantized to integers
 * and stored as zigzag varints of their difference to the previous present value. Steady signals (1 Hz
 * time, cruising speed, GPS tracks) become runs of tiny deltas that deflate squeezes further.
 */
export const SAMPLE_ENCODING = 'rc-col1+deflate';

/** Integer steps per unit: ms, bpm, mm/s, steps/min, W, 1e-7 degree (~1 cm), decimetre. */
const SCALE: Record<'t' | SampleChannel, number> = {
  t: 1000,
  hr: 1,
  speed: 1000,
  cadence: 1,
  power: 1,
  lat: 1e7,
  lon: 1e7,
  altitude: 10,
};

export interface EncodedSamples {
  encoding: string;
  sampleCount: number;
  channels: string[];
  data: Buffer;
}

class Writer {
  private buf = Buffer.alloc(1024);
  length = 0;

  private reserve(n: number) {
    if (this.length + n <= this.buf.length) return;
    const next = Buffer.alloc(Math.max(this.buf.length * 2, this.length + n));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }

  byte(b: number) {
    this.reserve(1);
    this.buf[this.length++] = b;
  }

  bytes(b: Uint8Array) {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /** Zigzag varint with arithmetic (not 32-bit bit ops): deltas of 1e-7° coordinates exceed 2^31. */
  signed(v: number) {
    let u = v >= 0 ? v * 2 : -v * 2 - 1;
    this.reserve(8);
    while (u >= 0x80) {
      this.buf[this.length++] = (u % 0x80) | 0x80;
      u = Math.floor(u / 0x80);
    }
    this.buf[this.length++] = u;
  }

  done(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}

class Reader {
  pos = 0;
  constructor(private readonly buf: Buffer) {}

  byte(): number {
    if (this.pos >= this.buf.length) throw new Error('samples: truncated data');
    return this.buf[this.pos++]!;
  }

  bytes(n: number): Buffer {
    if (this.pos + n > this.buf.length) throw new Error('samples: truncated data');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  signed(): number {
    let u = 0;
    let mul = 1;
    for (;;) {
      const b = this.byte();
      u += (b & 0x7f) * mul;
      if (b < 0x80) break;
      mul *= 0x80;
    }
    return u % 2 === 0 ? u / 2 : -(u + 1) / 2;
  }
}

function writeChannel(w: Writer, values: readonly (number | null)[], scale: number) {
  const hasNulls = values.some((v) => v === null);
  w.byte(hasNulls ? 1 : 0);
  if (hasNulls) {
    const bitmap = new Uint8Array(Math.ceil(values.length / 8));
    values.forEach((v, i) => {
      if (v !== null) bitmap[i >> 3]! |= 1 << (i & 7);
    });
    w.bytes(bitmap);
  }
  let prev = 0;
  for (const v of values) {
    if (v === null) continue;
    const q = Math.round(v * scale);
    w.signed(q - prev);
    prev = q;
  }
}

function readChannel(r: Reader, n: number, scale: number): (number | null)[] {
  const flags = r.byte();
  const bitmap = flags & 1 ? r.bytes(Math.ceil(n / 8)) : null;
  const out: (number | null)[] = new Array<number | null>(n);
  let prev = 0;
  for (let i = 0; i < n; i++) {
    if (bitmap && !(bitmap[i >> 3]! & (1 << (i & 7)))) {
      out[i] = null;
      continue;
    }
    prev += r.signed();
    out[i] = prev / scale;
  }
  return out;
}

export function encodeSamples(samples: ActivitySamples): EncodedSamples {
  const channels = ['t', ...SAMPLE_CHANNELS.filter((c) => samples[c] !== undefined)];
  const w = new Writer();
  for (const c of channels) {
    const values = c === 't' ? samples.t : samples[c as SampleChannel]!;
    writeChannel(w, values, SCALE[c as keyof typeof SCALE]);
  }
  return {
    encoding: SAMPLE_ENCODING,
    sampleCount: samples.t.length,
    channels,
    data: deflateRawSync(w.done(), { level: 6 }),
  };
}

export function decodeSamples(stored: EncodedSamples): ActivitySamples {
  if (stored.encoding !== SAMPLE_ENCODING) throw new Error(`samples: unknown encoding ${stored.encoding}`);
  const r = new Reader(inflateRawSync(stored.data));
  const out: Record<string, (number | null)[]> = {};
  for (const c of stored.channels) {
    const scale = SCALE[c as keyof typeof SCALE];
    if (scale === undefined) throw new Error(`samples: unknown channel ${c}`);
    out[c] = readChannel(r, stored.sampleCount, scale);
  }
  return out as ActivitySamples;
}
