// Segments page: the saved segments with their member counts, and the segment builder with a live
// member count for a new segment or the selected one.
import { useState } from 'react';
import { parseSegmentList, SEGMENTS_PATH, type SegmentInfo } from '../api/segments';
import { useProjectQuery } from '../api/use-project-query';
import { SegmentBuilder } from './segments/segment-builder';
import { SegmentList } from './segments/segment-list';

export function SegmentsPage() {
  const query = useProjectQuery(SEGMENTS_PATH, parseSegmentList);
  const [selected, setSelected] = useState<SegmentInfo | null>(null);
  // Changes when the user picks another segment or starts a new one, remounting the builder; a save
  // keeps the builder (and its live count) as it is.
  const [editor, setEditor] = useState(0);
  const open = (segment: SegmentInfo | null) => {
    setSelected(segment);
    setEditor((n) => n + 1);
  };

  const reload = () => query.retry();

  return (
    <div className="page" data-testid="segments-page" data-state={query.status}>
      <div className="page-heading">
        <h1>Segments</h1>
        <p className="muted">Groups of profiles defined by a rule, evaluated on the latest data.</p>
      </div>
      <section className="card section-card" aria-labelledby="saved-segments-title">
        <div className="card-heading">
          <h2 id="saved-segments-title">Saved segments</h2>
          <button
            type="button"
            className="button-secondary"
            data-testid="segment-new"
            onClick={() => open(null)}
          >
            New segment
          </button>
        </div>
        {query.status === 'error' && (
          <p className="error" role="alert">
            {query.error.message}
          </p>
        )}
        {query.data === null && query.status === 'loading' && <p className="muted">Loading…</p>}
        {query.data !== null && (
          <SegmentList
            segments={query.data}
            selectedId={selected?.segmentId ?? null}
            onSelect={open}
            version={editor}
          />
        )}
      </section>
      <SegmentBuilder
        key={editor}
        segment={selected}
        onSaved={(segment) => {
          setSelected(segment);
          reload();
        }}
        onDeleted={() => {
          open(null);
          reload();
        }}
      />
    </div>
  );
}
