// `centric ingest FILE`: NDJSON events (one Segment-format message per line) into the store,
// in batches through the same pipeline as the HTTP API. Bad lines are listed with their line
// number and reason; the good ones are stored. Re-running the file stores nothing twice (the
// messageIds make it idempotent).
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { CentricClient } from '../centric-client';
import { startProgress } from '../progress';
import { CliError } from '../remote-client';

export interface IngestSummary {
  read: number;
  imported: number;
  duplicates: number;
  rejected: { line: number; reason: string }[];
}

const BATCH = 500;

export async function ingestFile(
  client: CentricClient,
  file: string,
  { progress }: { progress: boolean },
): Promise<IngestSummary> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliError(`cannot read ${file}: no such file`);
  }
  const summary: IngestSummary = { read: 0, imported: 0, duplicates: 0, rejected: [] };
  const bar = startProgress({ label: 'ingest', totalBytes: size, enabled: progress });
  const stream = createReadStream(file);
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let batch: { line: number; message: unknown }[] = [];
  let lineNo = 0;

  const send = async () => {
    let pending = batch;
    batch = [];
    // A batch is all-or-nothing on the server: drop the events it names as bad, resend the rest.
    while (pending.length > 0) {
      const outcome = await client.ingestBatch(pending.map((p) => p.message));
      if (outcome.ok) {
        summary.imported += outcome.accepted;
        summary.duplicates += outcome.duplicates;
        return;
      }
      const bad = new Map<number, string>();
      for (const e of outcome.errors) if (!bad.has(e.index)) bad.set(e.index, `${e.field}: ${e.message}`);
      if (bad.size === 0) throw new CliError('the server refused a batch without naming a bad event');
      for (const [index, reason] of bad) {
        const item = pending[index];
        if (item) summary.rejected.push({ line: item.line, reason });
      }
      pending = pending.filter((_, i) => !bad.has(i));
    }
  };

  for await (const raw of lines) {
    lineNo += 1;
    const text = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    summary.read += 1;
    try {
      batch.push({ line: lineNo, message: JSON.parse(text) });
    } catch (error) {
      summary.rejected.push({ line: lineNo, reason: `not valid JSON: ${(error as Error).message}` });
    }
    if (batch.length >= BATCH) {
      await send();
      bar.update(stream.bytesRead, summary.read);
    }
  }
  await send();
  bar.update(size, summary.read);
  bar.stop();
  summary.rejected.sort((a, b) => a.line - b.line);
  return summary;
}

export function formatIngestSummary(s: IngestSummary): string {
  const lines = [
    `read ${s.read} events: imported ${s.imported}, skipped ${s.duplicates} duplicates, rejected ${s.rejected.length}`,
  ];
  for (const r of s.rejected.slice(0, 50)) lines.push(`  line ${r.line}: ${r.reason}`);
  if (s.rejected.length > 50) lines.push(`  … and ${s.rejected.length - 50} more (use --json for all)`);
  return lines.join('\n');
}
