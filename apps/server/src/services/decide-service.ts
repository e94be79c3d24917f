// The decision API and on-site triggers of a running server. `decide()` answers, for a visitor on
// a page, in one round trip: the recommendations of the page's slots and of the carousels that
// apply (through RecommendationService.recommend, impressions logged), the triggered messages
// after targeting and frequency capping (pure selection in @centric/core over the in-memory
// state of decide/decide-project.ts), and the experiments and surveys later issues add. The
// trigger admin (create, change, delete, performance) keeps that state in step.
import { randomBytes } from 'node:crypto';
import type {
  DecideRequest,
  DecideResponse,
  RecommendationResponse,
  TriggerDefinition,
  TriggerInput,
  TriggerPerformanceReport,
  TriggerWire,
} from '@centric/contracts';
import {
  decisionPage,
  resolveDayRange,
  selectTriggers,
  toInstantRange,
  triggerProblems,
  withDefaults,
} from '@centric/core';
import type { Store, StoredEvent } from '@centric/storage';
import { CentricError } from '../errors';
import { DecideProject, type DecideProjectOptions } from './decide/decide-project';
import { applyChange, toTriggerWire } from './decide/trigger-wire';
import type { RecommendationService } from './recommendation-service';

export interface DecideServiceOptions extends DecideProjectOptions {
  onError?: (error: unknown) => void;
  /** Triggers and segment members are re-read this often (other servers' edits, segment refreshes). Default 60 s. */
  refreshIntervalMs?: number;
  now?: () => number;
}

interface ProjectSlot {
  project: DecideProject;
  ready: Promise<DecideProject>;
  loaded: boolean;
}

export class DecideService {
  private readonly projects = new Map<string, ProjectSlot>();
  private readonly now: () => number;
  private timer: NodeJS.Timeout | null = null;
  private background: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly recommendations: RecommendationService,
    private readonly options: DecideServiceOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Loads the given projects now and starts the refresh timer. */
  async start(projectIds: readonly string[] = []): Promise<void> {
    for (const id of projectIds) await this.project(id);
    this.timer = setInterval(() => {
      this.background = this.background.then(() => this.refresh()).catch((e) => this.options.onError?.(e));
    }, this.options.refreshIntervalMs ?? 60_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.background.catch(() => undefined);
  }

  /** The ingest pipeline's afterStore hook: capping and social proof follow every stored event. */
  readonly afterStore = async (projectId: string, events: readonly StoredEvent[]): Promise<void> => {
    // The events are stored already: live counts that cannot learn from them must not fail the request.
    try {
      this.projects.get(projectId)?.project.apply(events);
    } catch (error) {
      this.options.onError?.(error);
    }
  };

  /**
   * What the page shows this visitor.
   *
   * @example await decide.decide(projectId, { visitor: 'anon-1', page: { url: '/p/1', type: 'product', productId: '1' } })
   */
  async decide(projectId: string, request: DecideRequest): Promise<DecideResponse> {
    const project = await this.project(projectId);
    const now = this.now();
    const page = decisionPage(request.page);
    const identities = /^[au]:/.test(request.visitor)
      ? [request.visitor]
      : [`a:${request.visitor}`, `u:${request.visitor}`];
    const interactions = project.book.of(identities);
    let messages = selectTriggers(project.triggers, {
      page,
      segments: project.members.of(identities),
      interactions,
      buyersLast24h: (productId) => project.buyers.count(productId, now),
      now,
    });

    const requested = request.slots ?? [];
    const carouselSlots = messages.flatMap((m) =>
      m.kind === 'carousel' && m.content.slot ? [m.content.slot] : [],
    );
    const slots = [...new Set([...requested, ...carouselSlots])];
    const lists = await Promise.all(
      slots.map((slot) =>
        this.recommendations
          .recommend(projectId, { slot, visitor: request.visitor, product: page.productId ?? undefined })
          .catch((error: unknown) => {
            if (!(error instanceof CentricError && error.code === 'not_found')) throw error;
            const index = requested.indexOf(slot);
            // A slot the page asked for is the page's mistake; a carousel's slot deleted since
            // only drops that carousel.
            if (index >= 0)
              throw new CentricError('invalid_query', `slots[${index}]: ${error.message}`, error.details);
            return null;
          }),
      ),
    );
    const recommendations: Record<string, RecommendationResponse> = {};
    slots.forEach((slot, i) => {
      const list = lists[i];
      if (list) recommendations[slot] = list;
    });
    messages = messages.filter((m) => m.kind !== 'carousel' || (m.content.slot ?? '') in recommendations);
    return {
      decisionId: `dec_${randomBytes(12).toString('base64url')}`,
      experiments: [],
      recommendations,
      messages,
      surveys: [],
    };
  }

  async listTriggers(projectId: string): Promise<TriggerWire[]> {
    return (await this.store.triggers.list(projectId)).map(toTriggerWire);
  }

  async getTrigger(projectId: string, triggerId: string): Promise<TriggerWire> {
    const saved = await this.store.triggers.get(projectId, triggerId);
    if (!saved) throw notFound(triggerId);
    return toTriggerWire(saved);
  }

  async createTrigger(projectId: string, input: TriggerInput): Promise<TriggerWire> {
    const definition = withDefaults(input);
    await this.check(projectId, definition);
    const saved = await this.store.triggers.create(projectId, { ...definition, at: this.now() });
    await this.reloadProject(projectId);
    return toTriggerWire(saved);
  }

  /** Replaces the given fields (each whole) and checks the result as a whole. */
  async updateTrigger(
    projectId: string,
    triggerId: string,
    change: Partial<TriggerInput>,
  ): Promise<TriggerWire> {
    const current = await this.store.triggers.get(projectId, triggerId);
    if (!current) throw notFound(triggerId);
    const definition = applyChange(current, change);
    await this.check(projectId, definition);
    const saved = await this.store.triggers.update(projectId, triggerId, { ...definition, at: this.now() });
    if (!saved) throw notFound(triggerId);
    await this.reloadProject(projectId);
    return toTriggerWire(saved);
  }

  async removeTrigger(projectId: string, triggerId: string): Promise<void> {
    if (!(await this.store.triggers.remove(projectId, triggerId))) throw notFound(triggerId);
    await this.reloadProject(projectId);
  }

  /** Impressions, clicks, dismissals, visitors and CTR per trigger over whole UTC days. */
  async performance(
    projectId: string,
    input: { from?: string | undefined; to?: string | undefined },
  ): Promise<TriggerPerformanceReport> {
    let range: ReturnType<typeof resolveDayRange>;
    try {
      range = resolveDayRange(
        { ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}) },
        this.now(),
      );
    } catch (error) {
      throw new CentricError('invalid_query', (error as Error).message);
    }
    const [figures, triggers] = await Promise.all([
      this.store.triggers.performance(projectId, { range: toInstantRange(range) }),
      this.store.triggers.list(projectId),
    ]);
    const byId = new Map(figures.map((f) => [f.triggerId, f]));
    const rows: TriggerPerformanceReport['rows'] = triggers.map((t) => {
      const f = byId.get(t.triggerId);
      byId.delete(t.triggerId);
      const shown = f?.shown ?? 0;
      const clicked = f?.clicked ?? 0;
      return {
        triggerId: t.triggerId,
        name: t.name,
        kind: t.kind,
        shown,
        clicked,
        dismissed: f?.dismissed ?? 0,
        visitors: f?.visitors ?? 0,
        ctr: shown > 0 ? clicked / shown : null,
      };
    });
    // Triggers deleted since still had their impressions.
    for (const f of byId.values())
      rows.push({ ...f, name: null, ctr: f.shown > 0 ? f.clicked / f.shown : null });
    return { ...range, rows };
  }

  /** Re-reads triggers and segment members of every project held; the timer's work. */
  async refresh(): Promise<void> {
    for (const [projectId, slot] of this.projects) {
      if (slot.loaded) await slot.project.reload(this.now()).catch((e) => this.options.onError?.(e));
      else await slot.ready.catch(() => this.projects.delete(projectId));
    }
  }

  private project(projectId: string): Promise<DecideProject> | DecideProject {
    const held = this.projects.get(projectId);
    if (held?.loaded) return held.project;
    if (held) return held.ready;
    const project = new DecideProject(this.store, projectId, this.options);
    const slot: ProjectSlot = { project, loaded: false, ready: Promise.resolve(project) };
    // Registered before loading, so that events stored meanwhile are applied (the capping book
    // drops the ones the seed then reads a second time).
    this.projects.set(projectId, slot);
    slot.ready = project.load(this.now()).then(
      () => {
        slot.loaded = true;
        return project;
      },
      (error: unknown) => {
        this.projects.delete(projectId);
        throw error;
      },
    );
    return slot.ready;
  }

  private async reloadProject(projectId: string): Promise<void> {
    const held = this.projects.get(projectId);
    if (held?.loaded) await held.project.reload(this.now());
    else await this.project(projectId);
  }

  /** A 400 naming every field that does not fit the kind, or an unknown slot or segment. */
  private async check(projectId: string, t: TriggerDefinition): Promise<void> {
    const problems = triggerProblems(t);
    if (t.kind === 'carousel' && t.settings.slot !== undefined) {
      const slots = await this.recommendations.listSlots(projectId);
      if (!slots.some((s) => s.slotId === t.settings.slot))
        problems.push({
          field: 'settings.slot',
          message: `no recommendation slot "${t.settings.slot}" (slots: ${slots.map((s) => s.slotId).join(', ')})`,
        });
    }
    const segmentFields = [
      ['targeting.segments', t.targeting.segments ?? []],
      ['targeting.excludeSegments', t.targeting.excludeSegments ?? []],
    ] as const;
    for (const [field, ids] of segmentFields) {
      for (const id of ids) {
        if (!(await this.store.segments.get(projectId, id)))
          problems.push({ field, message: `no segment ${id} in this project` });
      }
    }
    if (problems.length > 0) {
      throw new CentricError(
        'invalid_query',
        problems.map((p) => p.message).join('; '),
        problems.map((p) => ({ field: `body.${p.field}`, reason: p.message })),
      );
    }
  }
}

const notFound = (triggerId: string) =>
  new CentricError('not_found', `no trigger ${triggerId} in this project`);
