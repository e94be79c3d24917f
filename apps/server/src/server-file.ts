// The running server announces itself in <dataDir>/server.json (mode 0600): where it listens and
// a per-run admin token. The CLI reads it to go through the server, since DuckDB lets only one
// process open the store.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ServerFile {
  pid: number;
  url: string;
  adminToken: string;
  dbFile: string;
  startedAt: string;
}

export const serverFilePath = (dataDir: string) => join(dataDir, 'server.json');

export function writeServerFile(dataDir: string, info: ServerFile): void {
  writeFileSync(serverFilePath(dataDir), `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
}

export function readServerFile(dataDir: string): ServerFile | null {
  try {
    return JSON.parse(readFileSync(serverFilePath(dataDir), 'utf8')) as ServerFile;
  } catch {
    return null;
  }
}

export function removeServerFile(dataDir: string, pid = process.pid): void {
  const current = readServerFile(dataDir);
  if (current && current.pid === pid) rmSync(serverFilePath(dataDir), { force: true });
}
