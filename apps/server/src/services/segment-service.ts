// Segments as the API and the CLI see them: rules are parsed here (the language lives in
// @centric/analyses, the store only takes the parsed tree), bad rules become 400 answers that
// point at the line and column, members come from the store's batch evaluation.
import { segments } from '@centric/analyses';
import type { SegmentExpr, SegmentInfo, SegmentMembers, SegmentPreview } from '@centric/contracts';
import type { Segment, Store } from '@centric/storage';
import { CentricError } from '../errors';

const wire = (s: Segment): SegmentInfo => ({
  segmentId: s.segmentId,
  name: s.name,
  rule: s.rule,
  createdAt: new Date(s.createdAt).toISOString(),
  updatedAt: new Date(s.updatedAt).toISOString(),
});

export class SegmentService {
  constructor(private readonly store: Store) {}

  /** The rule's tree, or a 400 `invalid_query` naming where the rule went wrong. */
  parse(rule: string): SegmentExpr {
    try {
      return segments.parseSegment(rule);
    } catch (error) {
      if (error instanceof segments.SegmentSyntaxError)
        throw new CentricError('invalid_query', `invalid rule: ${error.message}`, {
          line: error.position.line,
          column: error.position.column,
          offset: error.position.offset,
          expected: error.expected,
        });
      throw error;
    }
  }

  async list(projectId: string): Promise<SegmentInfo[]> {
    return (await this.store.segments.list(projectId)).map(wire);
  }

  async get(projectId: string, segmentId: string): Promise<SegmentInfo> {
    return wire(await this.found(projectId, segmentId));
  }

  async create(projectId: string, input: { name: string; rule: string }): Promise<SegmentInfo> {
    this.parse(input.rule);
    return wire(await this.store.segments.create(projectId, input));
  }

  async update(
    projectId: string,
    segmentId: string,
    change: { name?: string; rule?: string },
  ): Promise<SegmentInfo> {
    if (change.rule !== undefined) this.parse(change.rule);
    const updated = await this.store.segments.update(projectId, segmentId, change);
    if (!updated) throw notFound(segmentId);
    return wire(updated);
  }

  async remove(projectId: string, segmentId: string): Promise<void> {
    if (!(await this.store.segments.remove(projectId, segmentId))) throw notFound(segmentId);
  }

  /** The live member count of a rule being built, with a few members to look at. */
  async preview(
    projectId: string,
    input: { rule: string; sample?: number; now?: number },
  ): Promise<SegmentPreview> {
    const { count, profileIds } = await this.store.segments.members(projectId, {
      ast: this.parse(input.rule),
      now: input.now ?? Date.now(),
      limit: input.sample ?? 10,
    });
    return { count, sample: profileIds };
  }

  async members(
    projectId: string,
    segmentId: string,
    input: { limit: number; now?: number },
  ): Promise<SegmentMembers> {
    const segment = await this.found(projectId, segmentId);
    return this.store.segments.members(projectId, {
      ast: this.parse(segment.rule),
      now: input.now ?? Date.now(),
      limit: input.limit,
    });
  }

  /** Records who entered and left every saved segment since the last refresh. */
  refresh(projectId: string, now = Date.now()): Promise<{ entered: number; left: number; failed: string[] }> {
    return this.store.segments.refreshMemberships(projectId, { now, parse: segments.parseSegment });
  }

  private async found(projectId: string, segmentId: string): Promise<Segment> {
    const segment = await this.store.segments.get(projectId, segmentId);
    if (!segment) throw notFound(segmentId);
    return segment;
  }
}

const notFound = (segmentId: string) =>
  new CentricError('not_found', `no segment ${segmentId} in this project`);
