// Serves the browser SDK build: /sdk/centric.js (script tag), /sdk/centric.esm.js (ES module)
// and /sdk/centric-widgets.js (loaded lazily by the tracker), open to every origin, gzipped
// when the browser takes it, with an ETag and a short cache lifetime (the URLs carry no
// version, so a new build reaches shops within minutes). When the build is missing or older
// than the SDK's sources (running from the repository), it is built once on demand.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { CentricError } from '../errors';

export const SDK_FILES = ['centric.js', 'centric.esm.js', 'centric-widgets.js'] as const;

interface Cached {
  mtimeMs: number;
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

/** Newest modification time of the files under a directory (the SDK's sources). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

export function registerSdkRoutes(app: FastifyInstance, { sdkDir }: { sdkDir: string }): void {
  // The repository layout: packages/sdk/{src,scripts,dist}. A deployed build has no sources.
  const packageDir = resolve(sdkDir, '..');
  const buildScript = join(packageDir, 'scripts', 'build.ts');
  const sourceDir = join(packageDir, 'src');
  const cache = new Map<string, Cached>();
  let building: Promise<void> | null = null;

  function stale(): boolean {
    const tracker = join(sdkDir, 'centric.js');
    if (!existsSync(tracker)) return true;
    return existsSync(sourceDir) && newestMtime(sourceDir) > statSync(tracker).mtimeMs;
  }

  async function ensureBuilt(): Promise<void> {
    if (!existsSync(buildScript) || !stale()) return;
    building ??= (async () => {
      const started = Date.now();
      const { buildSdk } = (await import(pathToFileURL(buildScript).href)) as {
        buildSdk(options: { outDir: string }): Promise<{ skipped: string[] }>;
      };
      const report = await buildSdk({ outDir: sdkDir });
      app.log.info({ ms: Date.now() - started, skipped: report.skipped }, 'browser SDK built');
    })().finally(() => {
      building = null;
    });
    await building;
  }
  // Checked once per server start: the build is not redone on every request.
  let checked: Promise<void> | null = null;

  for (const file of SDK_FILES) {
    app.get(
      `/sdk/${file}`,
      { schema: { tags: ['sdk'], summary: `The browser SDK: ${file}`, hide: true } },
      async (request, reply) => {
        checked ??= ensureBuilt().catch((error: unknown) => {
          checked = null;
          throw error;
        });
        await checked;
        const path = join(sdkDir, file);
        if (!existsSync(path)) {
          throw new CentricError(
            'not_found',
            file === 'centric-widgets.js'
              ? 'the widgets bundle is not built: packages/sdk/src/widgets/index.ts is missing'
              : `the browser SDK is not built: run npm run build --workspace @centric/sdk (looked in ${sdkDir})`,
          );
        }
        const mtimeMs = statSync(path).mtimeMs;
        let cached = cache.get(file);
        if (!cached || cached.mtimeMs !== mtimeMs) {
          const body = readFileSync(path);
          cached = {
            mtimeMs,
            body,
            gzip: gzipSync(body, { level: 9 }),
            etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
          };
          cache.set(file, cached);
        }
        void reply
          .header('content-type', 'application/javascript; charset=utf-8')
          .header('cache-control', 'public, max-age=300, stale-while-revalidate=86400')
          .header('etag', cached.etag)
          .header('vary', 'accept-encoding')
          .header('access-control-allow-origin', '*')
          .header('cross-origin-resource-policy', 'cross-origin');
        if (request.headers['if-none-match'] === cached.etag) return reply.status(304).send();
        if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
          return reply.header('content-encoding', 'gzip').send(cached.gzip);
        }
        return reply.send(cached.body);
      },
    );
  }
}
