// Personas as the API and the CLI answer them: the store fetches each customer's behaviour and
// value, @centric/analyses clusters and describes them, and the run is saved with its members
// so that "make segment" turns exactly the customers the manager looked at into a segment.
// The segment's rule is `personas contains "<persona id>"`: it reads the saved members, so the
// segment works everywhere segments do (members, membership history, KPIs and cohorts by
// segment, decisions once the profile's personas are loaded with its traits).
import { randomBytes } from 'node:crypto';
import { personas } from '@centric/analyses';
import type { PersonaDiscoverBody, PersonaReport, PersonaSegment, PersonaWire } from '@centric/contracts';
import { toInstantRange } from '@centric/core';
import type { SavedPersona, Store } from '@centric/storage';
import { CentricError } from '../errors';
import { asQuery, dayRange } from './mining-service';
import { SegmentService } from './segment-service';

/** What a saved persona's summary holds: the wire persona without its segment link. */
type PersonaSummary = Omit<PersonaWire, 'segmentId'> & {
  run: Omit<PersonaReport, 'personas' | 'runId'>;
};

const newRunId = () => randomBytes(4).toString('hex');

export class PersonaService {
  private readonly segments: SegmentService;

  constructor(private readonly store: Store) {
    this.segments = new SegmentService(store);
  }

  /**
   * Clusters the customers with an order in the range into personas and saves the run.
   *
   * @example await personaService.discover(projectId, { kMin: 2, kMax: 6 })
   */
  async discover(projectId: string, input: PersonaDiscoverBody): Promise<PersonaReport> {
    const days = dayRange(input, 365);
    const customers = await this.store.mining.personaCustomers({
      projectId,
      range: toInstantRange(days),
    });
    const found = asQuery(() =>
      personas.discoverPersonas(customers, {
        ...(input.k !== undefined ? { k: input.k } : {}),
        ...(input.kMin !== undefined ? { kMin: input.kMin } : {}),
        ...(input.kMax !== undefined ? { kMax: input.kMax } : { kMax: Math.max(8, input.kMin ?? 2) }),
      }),
    );
    const runId = newRunId();
    const run = {
      from: days.from,
      to: days.to,
      customerCount: found.customerCount,
      k: found.k,
      silhouette: found.silhouette,
      candidates: found.candidates,
      features: found.features,
    };
    const wire = found.personas.map(
      (p): PersonaWire => ({
        personaId: `per_${runId}_${p.index + 1}`,
        name: p.name,
        description: p.description,
        traits: p.traits.map((t) => ({
          feature: t.feature,
          personaValue: t.personaValue,
          overallValue: t.overallValue,
          ratio: t.ratio,
          effect: t.effect,
          phrase: t.phrase,
        })),
        size: p.size,
        share: p.share,
        revenue: p.revenue,
        revenueShare: p.revenueShare,
        orders: p.orders,
        averageOrderValue: p.averageOrderValue,
        revenuePerCustomer: p.revenuePerCustomer,
        segmentId: null,
      }),
    );
    await this.store.mining.savePersonaRun(projectId, {
      runId,
      createdAt: Date.now(),
      personas: wire.map((w, i) => {
        const { segmentId: _none, ...persona } = w;
        const summary: PersonaSummary = { ...persona, run };
        return {
          personaId: w.personaId,
          name: w.name,
          summary: JSON.stringify(summary),
          profileIds: found.personas[i]!.profileIds,
        };
      }),
    });
    return { runId, ...run, personas: wire };
  }

  /** The personas of the latest discovery, as it answered them (empty before the first). */
  async latest(projectId: string): Promise<PersonaReport> {
    const saved = await this.store.mining.listPersonas(projectId);
    const first = saved[0];
    if (!first) {
      return {
        runId: null,
        from: null,
        to: null,
        customerCount: 0,
        k: 0,
        silhouette: 0,
        candidates: [],
        features: [],
        personas: [],
      };
    }
    const { run } = summaryOf(first);
    return { runId: first.runId, ...run, personas: saved.map(toWire) };
  }

  /**
   * Saves a persona as a segment (once: asking again answers the same segment) and records the
   * segment memberships at once, so KPIs and cohorts by segment can use it right away.
   */
  async makeSegment(projectId: string, personaId: string): Promise<PersonaSegment> {
    const persona = await this.store.mining.getPersona(projectId, personaId);
    if (!persona) throw new CentricError('not_found', `no persona ${personaId} in this project`);
    if (persona.segmentId !== null) {
      const existing = await this.store.segments.get(projectId, persona.segmentId);
      if (existing) return this.answer(projectId, personaId, existing.segmentId);
    }
    const { run } = summaryOf(persona);
    const created = await this.segments.create(projectId, {
      name: `Persona: ${persona.name}`,
      rule: `# Persona "${persona.name.replace(/\n/g, ' ')}" of the customers ordering ${run.from} to ${run.to}\npersonas contains "${personaId}"`,
    });
    await this.store.mining.linkPersonaSegment(projectId, personaId, created.segmentId);
    await this.segments.refresh(projectId);
    return this.answer(projectId, personaId, created.segmentId);
  }

  private async answer(projectId: string, personaId: string, segmentId: string): Promise<PersonaSegment> {
    const segment = await this.segments.get(projectId, segmentId);
    const members = await this.segments.members(projectId, segmentId, { limit: 0 });
    return { segment, personaId, members: members.count };
  }
}

function summaryOf(saved: SavedPersona): PersonaSummary {
  return JSON.parse(saved.summary) as PersonaSummary;
}

function toWire(saved: SavedPersona): PersonaWire {
  const { run: _run, ...persona } = summaryOf(saved);
  return { ...persona, segmentId: saved.segmentId };
}
