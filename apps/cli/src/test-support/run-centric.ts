// Runs the `centric` command as a user does (a child process of bin/centric.js) for the CLI
// tests, with silent server logs; a non-zero exit is a result to check, not a thrown error.
import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const CENTRIC_BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/centric.js');
const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCentric(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CENTRIC_BIN, ...args], {
      env: { ...process.env, CENTRIC_LOG_LEVEL: 'silent', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
