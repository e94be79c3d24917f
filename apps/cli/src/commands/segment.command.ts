// `centric segment list|create NAME RULE|members ID`: saved segments from the command line, in
// the segment language (packages/analyses/src/segments/LANGUAGE.md); --json on every verb.
import type { SegmentInfo } from '@centric/contracts';
import { type Command, InvalidArgumentError } from 'commander';
import type { CentricClient } from '../centric-client';

type WithClient = <T>(use: (client: CentricClient) => Promise<T>) => Promise<T>;

/** Saved segments as an aligned table: id, name, rule. */
export function formatSegments(list: readonly SegmentInfo[]): string {
  if (list.length === 0) return 'no segments yet; make one with: centric segment create NAME RULE';
  const idWidth = Math.max(...list.map((s) => s.segmentId.length));
  const nameWidth = Math.max(...list.map((s) => s.name.length));
  return list
    .map(
      (s) =>
        `${s.segmentId.padEnd(idWidth)}  ${s.name.padEnd(nameWidth)}  ${s.rule.replace(/\s*\n\s*/g, ' ')}`,
    )
    .join('\n');
}

function limitOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 10_000)
    throw new InvalidArgumentError('a limit is an integer 0..10000');
  return n;
}

export function registerSegmentCommands(
  program: Command,
  { withClient, out }: { withClient: WithClient; out: (text: string) => void },
): void {
  const segment = program
    .command('segment')
    .description(
      'customer segments: rules over traits and behaviour, e.g. "orders >= 2 and last_order > 90 days ago"',
    );

  segment
    .command('list')
    .description('the saved segments of the default project')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const list = await withClient((c) => c.listSegments());
      out(opts.json ? JSON.stringify(list) : formatSegments(list));
    });

  segment
    .command('create')
    .description('save a segment; answers its id and how many profiles it holds now')
    .argument('<name>', 'a name for people, e.g. "Lapsed repeat buyers"')
    .argument('<rule>', "the rule, quoted, e.g. 'orders >= 2 and last_order > 90 days ago'")
    .option('--json', 'machine-readable output')
    .action(async (name: string, rule: string, opts: { json?: boolean }) => {
      const { created, members } = await withClient(async (c) => {
        const saved = await c.createSegment({ name, rule });
        return { created: saved, members: await c.segmentMembers(saved.segmentId, 0) };
      });
      out(
        opts.json
          ? JSON.stringify({ ...created, members: members.count })
          : `created ${created.segmentId} "${created.name}": ${members.count} profiles now`,
      );
    });

  segment
    .command('members')
    .description('the profiles in a segment now, evaluated in the store')
    .argument('<id>', 'segment id (seg_...)')
    .option('--limit <n>', 'list at most this many profile ids (default 100)', limitOption)
    .option('--json', 'machine-readable output: {"count","profileIds"}')
    .action(async (id: string, opts: { limit?: number; json?: boolean }) => {
      const members = await withClient((c) => c.segmentMembers(id, opts.limit ?? 100));
      if (opts.json) return out(JSON.stringify(members));
      const more = members.count - members.profileIds.length;
      out(
        [
          `${members.count} profiles`,
          ...members.profileIds,
          ...(more > 0 ? [`... and ${more} more (--limit to see them)`] : []),
        ].join('\n'),
      );
    });
}
