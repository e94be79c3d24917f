// Recommendations page: the project's slots (where lists render, with which algorithm and rules),
// the slot editor with a live preview for a visitor and product, and the attribution of served
// lists to clicks and orders per slot and algorithm.
import type { SlotWire } from '@centric/contracts';
import { useState } from 'react';
import { parseSlotList, SLOTS_PATH } from '../api/recommendations';
import { useProjectQuery } from '../api/use-project-query';
import { AttributionTable } from './recommendations/attribution-table';
import { SlotEditor } from './recommendations/slot-editor';
import { SlotList } from './recommendations/slot-list';
import { StreamPreview } from './recommendations/stream-preview';

export function RecommendationsPage() {
  const query = useProjectQuery(SLOTS_PATH, parseSlotList);
  const [selected, setSelected] = useState<SlotWire | null>(null);
  // Changes when another slot is picked or a new one started, remounting the editor.
  const [editor, setEditor] = useState(0);
  const open = (slot: SlotWire | null) => {
    setSelected(slot);
    setEditor((n) => n + 1);
  };

  return (
    <div className="page page-stack" data-testid="recommendations-page" data-state={query.status}>
      <div className="page-heading">
        <h1>Recommendations</h1>
        <p className="muted">
          Slots are the places on the shop’s pages (and e-mails) where recommendations render. Call{' '}
          <code>GET /v1/recommendations?slot=…&amp;visitor=…&amp;product=…</code> with the write key and send
          the answer’s <code>recommendationId</code> back as <code>properties.recommendation_id</code> on
          clicks.
        </p>
      </div>
      <section className="card section-card" aria-labelledby="slots-title">
        <div className="card-heading">
          <h2 id="slots-title">Slots</h2>
          <button
            type="button"
            className="button-secondary"
            data-testid="slot-new"
            onClick={() => open(null)}
          >
            New slot
          </button>
        </div>
        {query.status === 'error' && (
          <p className="error" role="alert">
            {query.error.message}
          </p>
        )}
        {query.data === null && query.status === 'loading' && <p className="muted">Loading…</p>}
        {query.data !== null && (
          <SlotList slots={query.data} selectedId={selected?.slotId ?? null} onSelect={open} />
        )}
      </section>
      <SlotEditor
        key={editor}
        slot={selected}
        onSaved={(slot) => {
          setSelected(slot);
          query.retry();
        }}
        onDeleted={() => {
          open(null);
          query.retry();
        }}
      />
      <AttributionTable />
      <StreamPreview />
    </div>
  );
}
