// `centric recommend --slot S [--visitor V] [--product P] [--limit N]` and `centric stream --visitor V
// [--limit N] [--cursor C]`: what a slot would show and a page of a visitor's shopping stream, each
// item with the reason it is there; --json for the API's answer as it is. Inspections log no
// impressions.
import type { RecommendationResponse, StreamResponse } from '@centric/contracts';
import { type Command, InvalidArgumentError } from 'commander';
import type { RecommendClient } from '../recommend-client';

type WithRecommend = <T>(use: (client: RecommendClient) => Promise<T>) => Promise<T>;

function limitOption(max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max)
      throw new InvalidArgumentError(`a limit is an integer 1..${max}`);
    return n;
  };
}

const price = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : value.toFixed(2);

/** A slot's list as an aligned table: rank, product, category, price, reason. */
export function formatRecommendations(answer: RecommendationResponse): string {
  const head = `slot ${answer.slot} · ${answer.algorithm} · ${answer.items.length} item${answer.items.length === 1 ? '' : 's'}`;
  if (answer.items.length === 0) return `${head}\n(no items)`;
  const names = answer.items.map((i) => `${i.title} (${i.productId})`);
  const nameWidth = Math.max(...names.map((n) => n.length));
  const categoryWidth = Math.max(...answer.items.map((i) => i.category.length));
  const rows = answer.items.map(
    (item, i) =>
      `${String(i + 1).padStart(3)}. ${names[i]!.padEnd(nameWidth)}  ${item.category.padEnd(categoryWidth)}  ${price(item.price).padStart(9)}  ${item.reason.replaceAll('_', ' ')}`,
  );
  return [head, ...rows].join('\n');
}

/** A stream page: one line per card (kind, title, reason), then how to get the next page. */
export function formatStream(page: StreamResponse): string {
  if (page.cards.length === 0) return `the stream of ${page.visitor} has no (more) cards`;
  const kindWidth = Math.max(...page.cards.map((c) => c.kind.length));
  const rows = page.cards.map(
    (card, i) =>
      `${String(i + 1).padStart(3)}. ${card.kind.padEnd(kindWidth)}  ${card.title}\n       ${card.reason}`,
  );
  const next = page.nextCursor
    ? `next page: centric stream --visitor ${JSON.stringify(page.visitor)} --cursor ${page.nextCursor}`
    : 'end of the stream';
  return [...rows, next].join('\n');
}

export function registerRecommendCommands(
  program: Command,
  { withRecommend, out }: { withRecommend: WithRecommend; out: (text: string) => void },
): void {
  program
    .command('recommend')
    .description(
      'what a recommendation slot shows a visitor (on a product page), with the reason of each item',
    )
    .requiredOption('--slot <slot>', 'slot id, e.g. home, product_page, cart, email')
    .option('--visitor <id>', 'anonymous id or user id of the visitor')
    .option('--product <id>', 'the page’s product')
    .option('--limit <n>', 'items, 1..100 (default: the slot’s length)', limitOption(100))
    .option('--json', 'machine-readable output (the API’s answer)')
    .action(
      async (opts: { slot: string; visitor?: string; product?: string; limit?: number; json?: boolean }) => {
        const answer = await withRecommend((c) =>
          c.recommend({ slot: opts.slot, visitor: opts.visitor, product: opts.product, limit: opts.limit }),
        );
        out(opts.json ? JSON.stringify(answer) : formatRecommendations(answer));
      },
    );

  program
    .command('stream')
    .description(
      'a page of a visitor’s shopping stream: replenishment, price drops, back in stock, new arrivals, recommendations, loyalty',
    )
    .requiredOption('--visitor <id>', 'anonymous id, user id or profile id (p_…)')
    .option('--limit <n>', 'cards per page, 1..50 (default 20)', limitOption(50))
    .option('--cursor <cursor>', 'the next-page cursor a previous page printed')
    .option('--json', 'machine-readable output: {"visitor","cards":[…],"nextCursor"}')
    .action(async (opts: { visitor: string; limit?: number; cursor?: string; json?: boolean }) => {
      const page = await withRecommend((c) =>
        c.stream({ visitor: opts.visitor, limit: opts.limit, cursor: opts.cursor }),
      );
      out(opts.json ? JSON.stringify(page) : formatStream(page));
    });
}
