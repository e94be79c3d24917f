// `centric import <kind> FILE`: products, orders, customers or events from a shop's exports,
// with a progress bar on a terminal and a report at the end.
import { existsSync, statSync } from 'node:fs';
import type { ImportSummary } from '@centric/importers';
import type { CentricClient, ImportRequest } from '../centric-client';
import { startProgress } from '../progress';
import { CliError } from '../remote-client';

export async function importCommand(
  client: CentricClient,
  request: Omit<ImportRequest, 'onProgress'>,
  { progress, trace }: { progress: boolean; trace: boolean },
): Promise<ImportSummary> {
  if (!existsSync(request.file)) throw new CliError(`cannot read ${request.file}: no such file`);
  const bar = startProgress({
    label: `import ${request.kind}`,
    totalBytes: statSync(request.file).size,
    enabled: progress,
  });
  try {
    return await client.importFile({
      ...request,
      onProgress: (bytes, rows) => bar.update(bytes, rows),
      // CENTRIC_IMPORT_TRACE=1 reports every committed chunk on stderr (used by the crash test).
      ...(trace
        ? {
            onChunk: (c: { chunks: number; imported: number }) =>
              process.stderr.write(`chunk ${c.chunks} committed (${c.imported} imported)\n`),
          }
        : {}),
    });
  } finally {
    bar.stop();
  }
}

export function formatImportSummary(s: ImportSummary): string {
  const lines = [
    s.aborted
      ? `strict import of ${s.kind} aborted: ${s.rejected.length} bad row(s) in ${s.read}; nothing was imported`
      : `${s.kind} (${s.format}): read ${s.read}, imported ${s.imported}, skipped ${s.duplicates} duplicates, rejected ${s.rejected.length} (${(s.ms / 1000).toFixed(1)} s)`,
  ];
  for (const r of s.rejected.slice(0, 50)) lines.push(`  line ${r.line}: ${r.reason}`);
  if (s.rejected.length > 50) lines.push(`  … and ${s.rejected.length - 50} more (use --json for all)`);
  return lines.join('\n');
}
