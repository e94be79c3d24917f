// The shopping stream preview: what a visitor's personal feed shows them - replenishment, price
// drops, back in stock, new arrivals, recommendations, loyalty - card by card with the reason each
// is there, loading the next page when the list is scrolled to its end (or on "Load more").
// StreamPanel is the Customer 360 section; StreamFeed is reused by the Recommendations page.
import type { StreamCard } from '@centric/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { parseStreamPage, STREAM_KINDS, streamPath } from '../../api/stream';
import { toApiError, useProjectAction } from '../../api/use-project-action';
import { formatDate } from '../../format/date';
import { formatMoney } from '../../format/number';

interface FeedState {
  cards: StreamCard[];
  cursor: string | null;
  status: 'loading' | 'ready' | 'end' | 'error';
  error: string | null;
}

const START: FeedState = { cards: [], cursor: null, status: 'loading', error: null };

function StreamCardView({ card }: { card: StreamCard }) {
  const product = card.product;
  return (
    <li
      className={`stream-card stream-card-${card.kind}`}
      data-testid="stream-card"
      data-kind={card.kind}
      data-card-id={card.id}
      data-product-id={product?.productId ?? ''}
    >
      <div className="stream-card-head">
        <span className={`badge stream-badge stream-badge-${card.kind}`}>{STREAM_KINDS[card.kind]}</span>
        {card.at !== null && <span className="muted">{formatDate(card.at)}</span>}
      </div>
      <p className="stream-card-title">
        {product?.link ? (
          <a href={product.link} target="_blank" rel="noreferrer">
            {card.title}
          </a>
        ) : (
          card.title
        )}
      </p>
      <p className="stream-card-reason" data-testid="stream-reason">
        {card.reason}
      </p>
      {product && (
        <p className="muted stream-card-product">
          <span className="mono">{product.productId}</span>
          {[product.category, product.brand].filter(Boolean).map((part) => ` · ${part}`)}
          {product.price !== null && (
            <span className="stream-card-price">
              {product.previousPrice !== undefined && (
                <s>{formatMoney(product.previousPrice, product.currency)}</s>
              )}{' '}
              {formatMoney(product.price, product.currency)}
            </span>
          )}
        </p>
      )}
    </li>
  );
}

/** The stream of `visitor`, paged as the list scrolls. Remount (key) or change `visitor` to start over. */
export function StreamFeed({ visitor, pageSize = 12 }: { visitor: string; pageSize?: number }) {
  const call = useProjectAction();
  const [feed, setFeed] = useState<FeedState>(START);
  // Answers of an earlier visitor's requests arrive late sometimes: they must not land here.
  const generation = useRef(0);
  const busy = useRef(false);
  const scroller = useRef<HTMLDivElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);

  const load = useCallback(
    async (cursor: string | null) => {
      const mine = generation.current;
      busy.current = true;
      setFeed((f) => ({ ...f, status: 'loading', error: null }));
      try {
        const page = await call(streamPath(visitor, { cursor, limit: pageSize }), parseStreamPage);
        if (mine !== generation.current) return;
        setFeed((f) => ({
          cards: [...f.cards, ...page.cards],
          cursor: page.nextCursor,
          status: page.nextCursor === null ? 'end' : 'ready',
          error: null,
        }));
      } catch (caught) {
        if (mine !== generation.current) return;
        setFeed((f) => ({ ...f, status: 'error', error: toApiError(caught).message }));
      } finally {
        if (mine === generation.current) busy.current = false;
      }
    },
    [call, visitor, pageSize],
  );

  useEffect(() => {
    generation.current += 1;
    busy.current = false;
    setFeed(START);
    void load(null);
  }, [load]);

  const loadMore = useCallback(() => {
    if (busy.current || feed.status !== 'ready' || feed.cursor === null) return;
    void load(feed.cursor);
  }, [feed, load]);

  // The end of the list coming into view (inside the scrolling box) loads the next page.
  const latest = useRef(loadMore);
  latest.current = loadMore;
  useEffect(() => {
    const root = scroller.current;
    const target = sentinel.current;
    if (!root || !target || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) latest.current();
      },
      { root, rootMargin: '0px 0px 160px 0px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, []);

  return (
    <div
      className="stream-feed"
      data-testid="stream-feed"
      data-state={feed.status}
      data-count={feed.cards.length}
      aria-busy={feed.status === 'loading'}
    >
      <div className="stream-scroll" ref={scroller} data-testid="stream-scroll">
        {feed.cards.length > 0 && (
          <ul className="stream-list">
            {feed.cards.map((card) => (
              <StreamCardView key={card.id} card={card} />
            ))}
          </ul>
        )}
        {feed.status === 'end' && (
          <p className="muted stream-end" data-testid="stream-end">
            {feed.cards.length === 0
              ? 'Nothing in this stream yet.'
              : `End of the stream: ${feed.cards.length} cards.`}
          </p>
        )}
        <div ref={sentinel} className="stream-sentinel" aria-hidden="true" />
      </div>
      {feed.status === 'error' && (
        <p className="error" role="alert">
          {feed.error}
        </p>
      )}
      <div className="stream-actions">
        {feed.status === 'loading' && (
          <span className="muted" role="status">
            Loading…
          </span>
        )}
        {(feed.status === 'ready' || feed.status === 'error') && (
          <button
            type="button"
            className="button-secondary"
            data-testid="stream-more"
            onClick={() => (feed.status === 'error' ? void load(feed.cursor) : loadMore())}
          >
            {feed.status === 'error' ? 'Try again' : 'Load more'}
          </button>
        )}
      </div>
    </div>
  );
}

/** The Customer 360 section: the customer's stream as the shop would show it to them. */
export function StreamPanel({ profileId }: { profileId: string }) {
  return (
    <section className="card section-card" aria-labelledby="c360-stream" data-testid="stream-panel">
      <h2 id="c360-stream">Shopping stream</h2>
      <p className="muted">
        What this customer’s personal feed shows them, with the reason of each card. A preview: it logs no
        impression.
      </p>
      <StreamFeed visitor={profileId} />
    </section>
  );
}
