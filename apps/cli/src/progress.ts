// A progress bar on a terminal (rows, rows/s, ETA by bytes read) and nothing when output is
// piped or --json is set, so scripts see clean output. cli-progress draws it.
import { Presets, SingleBar } from 'cli-progress';

export interface Progress {
  update(bytesRead: number, rows: number): void;
  stop(): void;
}

export function startProgress({
  label,
  totalBytes,
  enabled,
}: {
  label: string;
  totalBytes: number;
  enabled: boolean;
}): Progress {
  if (!enabled || !process.stderr.isTTY || totalBytes <= 0) return { update() {}, stop() {} };
  const started = Date.now();
  const bar = new SingleBar(
    {
      format: `${label} |{bar}| {percentage}% | {rows} rows | {speed} rows/s | ETA {eta_formatted}`,
      stream: process.stderr,
      etaBuffer: 50,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(totalBytes, 0, { rows: 0, speed: 0 });
  return {
    update(bytesRead, rows) {
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      bar.update(bytesRead, { rows, speed: Math.round(rows / seconds) });
    },
    stop() {
      bar.stop();
    },
  };
}
