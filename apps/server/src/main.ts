// Runs the server from the environment alone: `node --import tsx apps/server/src/main.ts`.
// (The usual way is `centric start`; this entry is what the crash test kills with -9.)
import { loadConfig } from './config';
import { startServer } from './server';

const server = await startServer(loadConfig());
process.stdout.write(
  `${JSON.stringify({ ready: true, url: server.url, projectId: server.project.id, writeKey: server.keys.writeKey, secretKey: server.keys.secretKey })}\n`,
);
