// `npm run bench:import`: parsing the 4-hour 1 Hz FIT run (FIT SDK decode, samples, summaries) against a bare
// @garmin/fitsdk decode of the same file (issue 6, acceptance 6: under 500 ms, at most 1.5x). Exits 1 on a miss.
import { Decoder, Stream } from '@garmin/fitsdk';
import { parseActivityFile } from '@runningcoach/integrations';
import { runToFit, syntheticRun } from '@runningcoach/integrations/testing';
import { medianMs } from './measure.ts';

const fit = runToFit(syntheticRun());
const RUNS = 15;
// Interleave-free: each measured on its own after a warm-up, median of RUNS.
const bare = medianMs(() => new Decoder(Stream.fromByteArray(fit)).read(), RUNS);
const ours = medianMs(() => parseActivityFile(fit), RUNS);
const ratio = ours / bare;
const ok = ours < 500 && ratio <= 1.5;
console.log(`4-hour 1 Hz FIT (${(fit.length / 1024).toFixed(0)} KB, 14,401 records)`);
console.log(`  bare @garmin/fitsdk decode  ${bare.toFixed(1)} ms (median of ${RUNS})`);
console.log(`  import (parse + summary)    ${ours.toFixed(1)} ms  target < 500 ms`);
console.log(`  ratio                       ${ratio.toFixed(2)}x    target <= 1.5x  ${ok ? 'ok' : 'MISSED'}`);
console.log('  (the HTTP path adds the upload, SHA-256, the samples codec and one transaction)');
process.exitCode = ok ? 0 : 1;
