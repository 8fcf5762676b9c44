import { runToFit, syntheticRun } from '@runningcoach/integrations/testing';
import type { Reply } from './http.ts';

/** A 10-minute FIT run from three days ago (so never "in the future"), made with the FIT SDK's Encoder. */
const DAY = 86_400_000;
export const SHORT_RUN_FIT = runToFit(
  syntheticRun({ startTime: Math.floor(Date.now() / DAY) * DAY - 3 * DAY + 6 * 3600_000, durationSec: 600 }),
);

/** A multipart/form-data upload over real HTTP, as a browser or the CLI sends it. */
export async function upload(
  base: string,
  token: string,
  bytes: Uint8Array,
  name = 'run.bin',
  field = 'file',
): Promise<Reply> {
  const form = new FormData();
  form.append(field, new Blob([bytes]), name);
  const res = await fetch(`${base}/activities/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}
