// Test and benchmark fixtures: not part of the import path.
export { type RunPoint, type SyntheticRun, syntheticRun } from './long-run.ts';
export { runToFit, runToGpx, runToTcx } from './render.ts';
