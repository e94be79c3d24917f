// Configuration, read once at boot from the environment (and the CLI's flags, which win) into
// a frozen, typed object. A bad value fails fast with a message naming the variable.
import { isAbsolute, join, resolve } from 'node:path';
import { DEFAULT_LIMITS, type IngestLimits } from '@centric/ingest';

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  dbFile: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  logRequests: boolean;
  /**
   * Fastify's trustProxy: behind a reverse proxy the client address (cookieless visitor ids) comes
   * from X-Forwarded-For. false, true, a hop count or a comma-separated list of proxy addresses.
   */
  trustProxy: boolean | number | string;
  limits: IngestLimits;
  dedupeCapacity: number;
  sessionTimeoutMs: number;
  checkpointIntervalMs: number;
  /** How often computed traits are refreshed for the profiles new events touched. */
  traitsRefreshIntervalMs: number;
  /** Group commits in flight at once: one appends while another waits for its commit. */
  concurrentFlushes: number;
  /** Name of the project created on first start. */
  defaultProjectName: string;
  /** Load the demo data into the project created on first start. */
  loadDemo: boolean;
  /** Directory of the built dashboard; empty when the server runs without it. */
  dashboardDir: string;
  /** Directory of the browser SDK build (served at /sdk/); built on demand when missing. */
  sdkDir: string;
  /** Scheduled reports: mail server, sender, file root, scheduler tick, font for chart images. */
  reports: ReportSettings;
}

export interface ReportSettings {
  /** smtp://user:pass@host:port (smtps:// for implicit TLS); empty: no e-mail delivery. */
  smtpUrl: string;
  mailFrom: string;
  /** File deliveries write only below this directory. */
  filesDir: string;
  checkIntervalMs: number;
  /** A TTF/OTF file for the text of chart images; empty: look for a common system font. */
  fontFile: string;
}

export interface ConfigOverrides {
  host?: string;
  port?: number;
  dataDir?: string;
  logLevel?: Config['logLevel'];
  loadDemo?: boolean;
}

export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  { min = 0, max = Number.MAX_SAFE_INTEGER } = {},
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return n;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function smtpUrl(env: NodeJS.ProcessEnv): string {
  const raw = env.CENTRIC_SMTP_URL ?? '';
  if (raw !== '' && !/^smtps?:\/\/[^/]+/.test(raw))
    // Not echoed: the value may hold a password.
    throw new ConfigError('CENTRIC_SMTP_URL must look like smtp://user:pass@host:587 (or smtps://)');
  return raw;
}

/**
 * @example const config = loadConfig(process.env, { port: 8080 });
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: ConfigOverrides = {},
  cwd = process.cwd(),
): Readonly<Config> {
  const dataDir = resolve(cwd, overrides.dataDir ?? env.CENTRIC_DATA_DIR ?? './data');
  const dbFileRaw = env.CENTRIC_DB_FILE;
  const dbFile = dbFileRaw
    ? isAbsolute(dbFileRaw)
      ? dbFileRaw
      : resolve(cwd, dbFileRaw)
    : join(dataDir, 'centric.duckdb');
  const logLevel = overrides.logLevel ?? env.CENTRIC_LOG_LEVEL ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`CENTRIC_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const port = overrides.port ?? integer(env, 'CENTRIC_PORT', 8080, { min: 0, max: 65535 });
  const config: Config = {
    host: overrides.host ?? env.CENTRIC_HOST ?? '127.0.0.1',
    port,
    dataDir,
    dbFile,
    logLevel: logLevel as Config['logLevel'],
    logRequests: flag(env, 'CENTRIC_LOG_REQUESTS', false),
    trustProxy: trustProxy(env.CENTRIC_TRUST_PROXY),
    limits: Object.freeze({
      maxBatchEvents: integer(env, 'CENTRIC_MAX_BATCH_EVENTS', DEFAULT_LIMITS.maxBatchEvents, {
        min: 1,
        max: 10_000,
      }),
      maxBodyBytes: integer(env, 'CENTRIC_MAX_BODY_BYTES', DEFAULT_LIMITS.maxBodyBytes, { min: 1024 }),
      maxPropertiesBytes: integer(env, 'CENTRIC_MAX_PROPERTIES_BYTES', DEFAULT_LIMITS.maxPropertiesBytes, {
        min: 256,
      }),
      maxDepth: integer(env, 'CENTRIC_MAX_DEPTH', DEFAULT_LIMITS.maxDepth, { min: 1, max: 64 }),
      maxFutureMs:
        integer(env, 'CENTRIC_MAX_FUTURE_SECONDS', DEFAULT_LIMITS.maxFutureMs / 1000, { min: 0 }) * 1000,
    }),
    dedupeCapacity: integer(env, 'CENTRIC_DEDUPE_CAPACITY', 2_000_000, { min: 1000 }),
    sessionTimeoutMs: integer(env, 'CENTRIC_SESSION_TIMEOUT_MINUTES', 30, { min: 1, max: 24 * 60 }) * 60_000,
    concurrentFlushes: integer(env, 'CENTRIC_CONCURRENT_FLUSHES', 2, { min: 1, max: 2 }),
    traitsRefreshIntervalMs: integer(env, 'CENTRIC_TRAITS_REFRESH_SECONDS', 300, { min: 5 }) * 1000,
    checkpointIntervalMs: integer(env, 'CENTRIC_CHECKPOINT_INTERVAL_SECONDS', 300, { min: 5 }) * 1000,
    defaultProjectName: env.CENTRIC_PROJECT_NAME ?? 'My shop',
    loadDemo: overrides.loadDemo ?? flag(env, 'CENTRIC_DEMO', true),
    dashboardDir: env.CENTRIC_DASHBOARD_DIR ?? resolve(import.meta.dirname ?? '.', '../../dashboard/dist'),
    sdkDir: env.CENTRIC_SDK_DIR || resolve(import.meta.dirname ?? '.', '../../../packages/sdk/dist'),
    reports: Object.freeze({
      smtpUrl: smtpUrl(env),
      mailFrom: env.CENTRIC_MAIL_FROM || 'Centric <centric@localhost>',
      filesDir: resolve(cwd, env.CENTRIC_REPORTS_DIR || join(dataDir, 'reports')),
      checkIntervalMs: integer(env, 'CENTRIC_REPORT_CHECK_SECONDS', 60, { min: 1, max: 3600 }) * 1000,
      fontFile: env.CENTRIC_REPORT_FONT ?? '',
    }),
  };
  return Object.freeze(config);
}

function trustProxy(raw: string | undefined): boolean | number | string {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
