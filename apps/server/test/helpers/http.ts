export interface Reply {
  status: number;
  // Tests read whatever the server sent; shapes are asserted where it matters.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

/** A tiny JSON client over real HTTP. `raw` sends a body string as is (malformed JSON tests). */
export function client(baseUrl: string) {
  async function request(
    method: string,
    path: string,
    opts: {
      json?: unknown;
      raw?: string;
      token?: string;
      contentType?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.raw !== undefined || opts.json !== undefined) {
      headers['content-type'] = opts.contentType ?? 'application/json';
      body = opts.raw ?? JSON.stringify(opts.json);
    }
    const res = await fetch(baseUrl + path, { method, headers, body });
    const text = await res.text();
    const json = /\bjson\b/.test(res.headers.get('content-type') ?? '');
    return { status: res.status, body: text ? (json ? JSON.parse(text) : text) : null, headers: res.headers };
  }
  return {
    request,
    get: (path: string, token?: string) => request('GET', path, { token }),
    post: (path: string, json?: unknown, token?: string) => request('POST', path, { json, token }),
    patch: (path: string, json?: unknown, token?: string) => request('PATCH', path, { json, token }),
    delete: (path: string, json?: unknown, token?: string) => request('DELETE', path, { json, token }),
  };
}

export type Client = ReturnType<typeof client>;
