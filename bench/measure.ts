import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Median wall time of `fn` in ms, after a warm-up, over `runs` runs. */
export function medianMs(fn: () => unknown, runs: number, warmup = Math.ceil(runs / 10)): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Bytes of an entry bundled for the browser, minified, then gzipped. */
export async function bundleSize(
  entry: string,
): Promise<{ minified: number; gzipped: number; inputs: string[] }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    metafile: true,
    treeShaking: true,
  });
  const code = result.outputFiles[0]!.contents;
  return {
    minified: code.length,
    gzipped: gzipSync(code, { level: 9 }).length,
    inputs: Object.keys(result.metafile.inputs),
  };
}
