// MiningStore on DuckDB: runs the mining SQL builders of src/sql and shapes their rows (packed
// text lists split, counts as numbers), and keeps persona runs with their members.
import type {
  BasketQuery,
  CooccurrenceCounts,
  CooccurrenceQuery,
  MiningStore,
  PersonaCustomerFigures,
  PersonaRun,
  SavedPersona,
  SessionSequence,
  SessionSequenceQuery,
  SideBasket,
} from '../mining-store';
import { duckdbDialect } from '../sql/dialect';
import { duckdbJourneyDialect } from '../sql/journey-dialect';
import { buildCooccurrenceQuery } from '../sql/mining-cooccurrence';
import { duckdbMiningDialect } from '../sql/mining-dialect';
import { buildPersonaFeaturesQuery } from '../sql/mining-persona-features';
import { buildSessionSequencesQuery, ITEM_SEPARATOR } from '../sql/mining-sessions';
import { buildBasketsQuery, isSymmetricSide } from '../sql/mining-sides';
import type { TimeRange } from '../store';
import type { DuckDbDatabase, Row } from './duckdb-database';
import { inTransaction } from './staging';

const ENTRY = '\u001e';
const ts = (param: string) => duckdbDialect.timestampFromMs(`$${param}`);
const split = (packed: unknown): string[] =>
  packed === null || packed === undefined || packed === '' ? [] : String(packed).split(ITEM_SEPARATOR);

/** "web\x1f3\x1eapp\x1f1" -> { web: 3, app: 1 }. */
function unpackCounts(packed: unknown): Record<string, number> {
  const counts: Record<string, number> = {};
  if (packed === null || packed === undefined) return counts;
  for (const entry of String(packed).split(ENTRY)) {
    const cut = entry.lastIndexOf(ITEM_SEPARATOR);
    if (cut < 0) continue;
    const key = entry.slice(0, cut);
    counts[key] = (counts[key] ?? 0) + Number(entry.slice(cut + 1));
  }
  return counts;
}

const PERSONA_COLUMNS = `p.persona_id, p.run_id, p.name, CAST(p.summary AS VARCHAR) AS summary,
  epoch_ms(p.created_at) AS created, p.segment_id,
  (SELECT count(*) FROM persona_members m WHERE m.project_id = p.project_id AND m.persona_id = p.persona_id) AS size`;

const toPersona = (r: Row): SavedPersona => ({
  personaId: String(r.persona_id),
  runId: String(r.run_id),
  name: String(r.name),
  summary: String(r.summary),
  createdAt: Number(r.created),
  segmentId: r.segment_id === null || r.segment_id === undefined ? null : String(r.segment_id),
  size: Number(r.size),
});

export class DuckDbMiningStore implements MiningStore {
  constructor(private readonly db: DuckDbDatabase) {}

  async sessionSequences(query: SessionSequenceQuery): Promise<SessionSequence[]> {
    const { sql, params } = buildSessionSequencesQuery(query, duckdbMiningDialect);
    const rows = await this.db.query(sql, params);
    return rows
      .map((r) => ({ items: split(r.items), converted: Boolean(r.converted), sessions: Number(r.sessions) }))
      .sort((a, b) => b.sessions - a.sessions || compareItems(a, b));
  }

  async baskets(query: BasketQuery): Promise<SideBasket[]> {
    const { sql, params } = buildBasketsQuery(query, duckdbJourneyDialect);
    const rows = await this.db.query(sql, params);
    const symmetric = isSymmetricSide(query.side);
    return rows.map((r) => {
      const from = split(r.from_values);
      return { from, to: symmetric ? from : split(r.to_values) };
    });
  }

  async cooccurrence(query: CooccurrenceQuery): Promise<CooccurrenceCounts> {
    const { sql, params } = buildCooccurrenceQuery(query, duckdbMiningDialect);
    const rows = await this.db.query(sql, params);
    const first = rows[0];
    const limit = query.limit ?? 20_000;
    const pairs = rows
      .filter((r) => r.x !== null && r.x !== undefined)
      .map((r) => ({
        from: String(r.x),
        to: String(r.y),
        observed: Number(r.observed),
        fromCount: Number(r.from_count),
        toCount: Number(r.to_count),
      }));
    return {
      basketCount: Number(first?.baskets ?? 0),
      minCount: Number(first?.min_count ?? 1),
      symmetric: isSymmetricSide(query.side),
      fromValues: Number(first?.from_values ?? 0),
      toValues: Number(first?.to_values ?? 0),
      pairs: pairs.slice(0, limit),
      truncated: pairs.length > limit,
    };
  }

  async productLabels(projectId: string, productIds: readonly string[]): Promise<Record<string, string>> {
    const ids = [...new Set(productIds)];
    if (ids.length === 0) return {};
    const params: Record<string, string> = { projectId };
    ids.forEach((id, i) => {
      params[`i${i}`] = id;
    });
    const rows = await this.db.query(
      `SELECT product_id, title FROM products WHERE project_id = $projectId
       AND product_id IN (${ids.map((_, i) => `$i${i}`).join(', ')})`,
      params,
    );
    return Object.fromEntries(rows.map((r) => [String(r.product_id), String(r.title)]));
  }

  async personaCustomers(query: { projectId: string; range: TimeRange }): Promise<PersonaCustomerFigures[]> {
    const { sql, params } = buildPersonaFeaturesQuery(query, duckdbDialect);
    const rows = await this.db.query(sql, params);
    const orNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return rows.map((r) => ({
      profileId: String(r.profile_id),
      recencyDays: Math.max(0, Number(r.recency_days)),
      orders: Number(r.orders),
      revenue: Number(r.revenue ?? 0),
      items: Number(r.items),
      sessions: Number(r.sessions),
      channelSessions: unpackCounts(r.channels),
      categoryItems: unpackCounts(r.categories),
      mobileSessions: orNull(r.mobile_sessions),
      couponOrders: Number(r.coupon_orders),
      visitIntervalDays: orNull(r.visit_interval_days),
    }));
  }

  async savePersonaRun(projectId: string, run: PersonaRun): Promise<void> {
    await this.db.withWriter((c) =>
      inTransaction(c, async () => {
        // Earlier runs nobody made a segment of are only a draft: the new run replaces them.
        const stale = `SELECT persona_id FROM personas WHERE project_id = $projectId AND segment_id IS NULL AND run_id <> $runId`;
        const params = { projectId, runId: run.runId };
        await c.run(
          `DELETE FROM persona_members WHERE project_id = $projectId AND persona_id IN (${stale})`,
          params,
        );
        await c.run(
          `DELETE FROM personas WHERE project_id = $projectId AND persona_id IN (${stale})`,
          params,
        );
        for (const persona of run.personas) {
          await c.run(
            `INSERT INTO personas VALUES ($projectId, $personaId, $runId, $name, $summary, ${ts('at')}, NULL)`,
            {
              projectId,
              personaId: persona.personaId,
              runId: run.runId,
              name: persona.name,
              summary: persona.summary,
              at: run.createdAt,
            },
          );
        }
        const ap = await c.createAppender('persona_members');
        try {
          for (const persona of run.personas) {
            for (const profileId of persona.profileIds) {
              ap.appendVarchar(projectId);
              ap.appendVarchar(persona.personaId);
              ap.appendVarchar(profileId);
              ap.endRow();
            }
          }
          ap.flushSync();
        } finally {
          ap.closeSync();
        }
      }),
    );
  }

  async listPersonas(projectId: string, query: { runId?: string } = {}): Promise<SavedPersona[]> {
    const run =
      query.runId !== undefined
        ? '$runId'
        : '(SELECT run_id FROM personas WHERE project_id = $projectId ORDER BY created_at DESC, run_id DESC LIMIT 1)';
    const rows = await this.db.query(
      `SELECT ${PERSONA_COLUMNS} FROM personas p WHERE p.project_id = $projectId AND p.run_id = ${run}
       ORDER BY size DESC, p.persona_id`,
      query.runId !== undefined ? { projectId, runId: query.runId } : { projectId },
    );
    return rows.map(toPersona);
  }

  async getPersona(projectId: string, personaId: string): Promise<SavedPersona | null> {
    const rows = await this.db.query(
      `SELECT ${PERSONA_COLUMNS} FROM personas p WHERE p.project_id = $projectId AND p.persona_id = $personaId`,
      { projectId, personaId },
    );
    return rows[0] ? toPersona(rows[0]) : null;
  }

  async linkPersonaSegment(projectId: string, personaId: string, segmentId: string): Promise<void> {
    await this.db.execute(
      'UPDATE personas SET segment_id = $segmentId WHERE project_id = $projectId AND persona_id = $personaId',
      { projectId, personaId, segmentId },
    );
  }
}

function compareItems(a: SessionSequence, b: SessionSequence): number {
  const x = a.items.join(ITEM_SEPARATOR);
  const y = b.items.join(ITEM_SEPARATOR);
  return x < y ? -1 : x > y ? 1 : Number(a.converted) - Number(b.converted);
}
