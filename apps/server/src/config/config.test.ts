import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'rc-config-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('defaults to PGlite in the data dir, port 3000, and a generated 0600 secret kept there', () => {
    const dir = tempDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({ port: 3000, host: '0.0.0.0', dataDir: dir, logLevel: 'info' });
    expect(config.database).toEqual({ kind: 'pglite', dataDir: join(dir, 'pg') });
    const file = join(dir, 'jwt-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(config.jwtSecret);
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(43);
    // Generated once: the next start reads the same secret.
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(config.jwtSecret);
  });

  it('uses node-postgres when DATABASE_URL is set, and JWT_SECRET when given', () => {
    const dir = tempDir();
    const config = loadConfig({
      DATA_DIR: dir,
      DATABASE_URL: 'postgres://app@db:5432/coach',
      DATABASE_POOL_MAX: '4',
      JWT_SECRET: 's'.repeat(40),
      PORT: '8080',
    });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://app@db:5432/coach', poolMax: 4 });
    expect(config.jwtSecret).toBe('s'.repeat(40));
    expect(config.port).toBe(8080);
  });

  it('takes PUBLIC_URL for the links it hands out, without a trailing slash; only http(s)', () => {
    const dir = tempDir();
    expect(loadConfig({ DATA_DIR: dir, PUBLIC_URL: 'https://coach.example.org/' }).publicUrl).toBe(
      'https://coach.example.org',
    );
    expect(loadConfig({ DATA_DIR: dir }).publicUrl).toBeUndefined();
    expect(() => loadConfig({ DATA_DIR: dir, PUBLIC_URL: 'ftp://coach.example.org' })).toThrow(/PUBLIC_URL/);
  });

  it('treats empty variables as unset', () => {
    const dir = tempDir();
    expect(loadConfig({ DATA_DIR: dir, PORT: '', DATABASE_URL: '' })).toMatchObject({
      port: 3000,
      database: { kind: 'pglite' },
    });
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x@y/z' }],
    ['JWT_SECRET', { JWT_SECRET: 'short' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
  ])('rejects a bad %s by name', (name, env) => {
    expect(() => loadConfig({ DATA_DIR: tempDir(), ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: tempDir(), ...env })).toThrow(new RegExp(`${name}: `));
  });
});
