import { createServer, type Server } from 'node:http';

/**
 * A tiny S3-compatible endpoint for tests (path-style, one process, memory only): PutObject, GetObject,
 * DeleteObject, ListObjectsV2 and DeleteObjects, which is all S3ObjectStore uses. Signatures are not
 * checked; it records each request's method and path so tests can see what the SDK sent.
 */
export async function startFakeS3(): Promise<{
  url: string;
  objects: Map<string, Buffer>;
  calls: string[];
  close(): Promise<void>;
}> {
  const objects = new Map<string, Buffer>();
  const calls: string[] = [];
  const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://s3.local');
      const [, bucket = '', ...rest] = url.pathname.split('/');
      const key = decodeURIComponent(rest.join('/'));
      const body = Buffer.concat(chunks);
      calls.push(`${req.method} /${bucket}${key ? `/${key}` : ''}${url.search}`);
      const xml = (status: number, text: string) => {
        res
          .writeHead(status, { 'content-type': 'application/xml' })
          .end(`<?xml version="1.0" encoding="UTF-8"?>${text}`);
      };
      const id = `${bucket}/${key}`;
      if (req.method === 'PUT' && key) {
        objects.set(id, body);
        return void res.writeHead(200, { etag: '"fake"' }).end();
      }
      if (req.method === 'GET' && key) {
        const obj = objects.get(id);
        if (!obj)
          return xml(
            404,
            `<Error><Code>NoSuchKey</Code><Message>no such key</Message><Key>${xmlEscape(key)}</Key></Error>`,
          );
        return void res.writeHead(200, { 'content-length': obj.length, etag: '"fake"' }).end(obj);
      }
      if (req.method === 'DELETE' && key) {
        objects.delete(id);
        return void res.writeHead(204).end();
      }
      if (req.method === 'GET' && url.searchParams.get('list-type') === '2') {
        const prefix = `${bucket}/${url.searchParams.get('prefix') ?? ''}`;
        const keys = [...objects.keys()]
          .filter((k) => k.startsWith(prefix))
          .map((k) => k.slice(bucket.length + 1));
        const contents = keys.map(
          (k) =>
            `<Contents><Key>${xmlEscape(k)}</Key><Size>${objects.get(`${bucket}/${k}`)!.length}</Size></Contents>`,
        );
        return xml(
          200,
          `<ListBucketResult><Name>${bucket}</Name><KeyCount>${keys.length}</KeyCount><IsTruncated>false</IsTruncated>${contents.join('')}</ListBucketResult>`,
        );
      }
      if (req.method === 'POST' && url.searchParams.has('delete')) {
        const keys = [...body.toString('utf8').matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1]!);
        for (const k of keys)
          objects.delete(`${bucket}/${k.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')}`);
        return xml(
          200,
          `<DeleteResult>${keys.map((k) => `<Deleted><Key>${k}</Key></Deleted>`).join('')}</DeleteResult>`,
        );
      }
      xml(400, '<Error><Code>NotImplemented</Code><Message>fake S3</Message></Error>');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    objects,
    calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
