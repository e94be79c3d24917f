// Starts a real Centric server for tests: its own temporary store, 127.0.0.1 and a free port,
// silent logs; stop() shuts it down and removes the store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config';
import { type RunningServer, startServer } from '../server';

export interface TestServer extends RunningServer {
  dataDir: string;
  stop(): Promise<void>;
}

export async function startTestServer(env: NodeJS.ProcessEnv = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'centric-test-'));
  const config = loadConfig(
    { CENTRIC_LOG_LEVEL: 'silent', CENTRIC_DEMO: 'false', ...env },
    { dataDir, port: 0, host: '127.0.0.1' },
  );
  const server = await startServer(config, { handleSignals: false });
  return {
    ...server,
    dataDir,
    async stop() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
