import { ConfigError, loadConfig } from './config/config.ts';

try {
  const config = loadConfig();
  // Loaded after the config is known good, so a bad variable fails fast without booting Nest.
  const { createApp } = await import('./app.ts');
  const app = await createApp(config, { shutdownHooks: true });
  await app.listen(config.port, config.host);
} catch (err) {
  // A configuration mistake gets one readable message; anything else keeps its stack.
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
