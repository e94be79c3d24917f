// `centric search <query> [--visitor V] [--limit N] [--category C]`: what the shop's search shows
// for a query (and a visitor, whose affinities re-rank it), with "did you mean"; and
// `centric search no-results [--from --to --limit]`: the content gap report, the queries shoppers
// searched that found nothing. --json gives the API's answer as it is. Tries are not recorded.
import type { NoResultsReport, SearchResponse } from '@centric/contracts';
import { type Command, InvalidArgumentError } from 'commander';
import type { SearchClient } from '../search-client';

type WithSearch = <T>(use: (client: SearchClient) => Promise<T>) => Promise<T>;

function limitOption(max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max)
      throw new InvalidArgumentError(`a limit is an integer 1..${max}`);
    return n;
  };
}

const price = (value: number | null) => (value === null ? '' : value.toFixed(2));

/** The results as an aligned table: rank, product, category, price, stock, score. */
export function formatSearch(answer: SearchResponse): string {
  const head = [
    `"${answer.query}": ${answer.total} result${answer.total === 1 ? '' : 's'}`,
    ...(answer.corrected ? [`did you mean "${answer.corrected}"?`] : []),
  ].join(' · ');
  if (answer.items.length === 0) return head;
  const names = answer.items.map((i) => `${i.title} (${i.productId})`);
  const nameWidth = Math.max(...names.map((n) => n.length));
  const categoryWidth = Math.max(...answer.items.map((i) => i.category.length));
  const rows = answer.items.map(
    (item, i) =>
      `${String(i + 1).padStart(3)}. ${names[i]!.padEnd(nameWidth)}  ${item.category.padEnd(categoryWidth)}  ${price(item.price).padStart(9)}  ${item.inStock ? 'in stock    ' : 'out of stock'}  ${item.score.toFixed(3)}`,
  );
  return [head, ...rows].join('\n');
}

/** The gap report: the share of searches that found nothing, then one line per query. */
export function formatNoResults(report: NoResultsReport): string {
  const share =
    report.searches > 0 ? ` (${((100 * report.noResultSearches) / report.searches).toFixed(1)} %)` : '';
  const head = `${report.from} to ${report.to}: ${report.searches} searches, ${report.noResultSearches} found nothing${share}`;
  if (report.rows.length === 0) return `${head}\n(no query found nothing)`;
  const width = Math.max(5, ...report.rows.map((r) => r.query.length));
  const rows = report.rows.map(
    (r) =>
      `${r.query.padEnd(width)}  ${String(r.searches).padStart(8)}  ${String(r.visitors).padStart(8)}  ${r.lastSeen.slice(0, 16).replace('T', ' ')}`,
  );
  return [
    head,
    `${'query'.padEnd(width)}  ${'searches'.padStart(8)}  ${'visitors'.padStart(8)}  last seen (UTC)`,
    ...rows,
  ].join('\n');
}

interface SearchOptions {
  visitor?: string;
  limit?: number;
  category?: string;
  json?: boolean;
}
interface NoResultsOptions {
  from?: string;
  to?: string;
  limit?: number;
  json?: boolean;
}

export function registerSearchCommands(
  program: Command,
  { withSearch, out }: { withSearch: WithSearch; out: (text: string) => void },
): void {
  const search = program
    .command('search')
    .description('search the catalogue as the shop’s search would (typos tolerated, re-ranked for a visitor)')
    .argument('<query...>', 'what a shopper would type')
    .option('--visitor <id>', 'anonymous id or customer id whose affinities re-rank the results')
    // Up to the report's 1000: the program hands `search no-results --limit 500` to this
    // command's parser before the sub-command sees it.
    .option('--limit <n>', 'results to show (default 20, at most 100)', limitOption(1000))
    .option('--category <path>', 'only this category and its sub-categories')
    .option('--json', 'machine-readable output (the API’s answer)')
    .action(async (words: string[], opts: SearchOptions) => {
      if (opts.limit !== undefined && opts.limit > 100)
        throw new InvalidArgumentError('--limit of a search is an integer 1..100');
      const answer = await withSearch((c) =>
        c.search({ q: words.join(' '), visitor: opts.visitor, limit: opts.limit, category: opts.category }),
      );
      out(opts.json ? JSON.stringify(answer) : formatSearch(answer));
    });
  search
    .command('no-results')
    .description('the content gap report: queries shoppers searched that found nothing')
    .option('--from <day>', 'first day YYYY-MM-DD (UTC), default 30 days ago')
    .option('--to <day>', 'last day YYYY-MM-DD (UTC), default today')
    .option('--limit <n>', 'queries to show (default 100)', limitOption(1000))
    .option('--json', 'machine-readable output (the API’s answer)')
    .action(async (_opts: NoResultsOptions, command: Command) => {
      // With the options `search` itself parsed (--json, --limit) when they came first.
      const opts = command.optsWithGlobals<NoResultsOptions>();
      const report = await withSearch((c) =>
        c.noResults({ from: opts.from, to: opts.to, limit: opts.limit }),
      );
      out(opts.json ? JSON.stringify(report) : formatNoResults(report));
    });
}
