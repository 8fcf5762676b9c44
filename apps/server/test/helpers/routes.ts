import type { Client } from './http.ts';

/** Every `METHOD /path` the server serves under /api/v1, as the live OpenAPI document lists them. */
export async function apiRoutes(root: Client): Promise<string[]> {
  const res = await root.get('/api/docs/openapi.json');
  if (res.status !== 200) throw new Error(`openapi.json: ${res.status}`);
  const paths = res.body.paths as Record<string, Record<string, unknown>>;
  return Object.entries(paths)
    .filter(([path]) => path.startsWith('/api/v1/'))
    .flatMap(([path, ops]) =>
      Object.keys(ops).map(
        (m) => `${m.toUpperCase()} ${path.slice('/api/v1'.length).replace(/\{(\w+)\}/g, ':$1')}`,
      ),
    )
    .sort();
}
