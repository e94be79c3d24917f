// The saved segments of the Segments page, each with its member count now; a row opens the segment in
// the builder.
import { parseSegmentMembers, type SegmentInfo, segmentCountPath } from '../../api/segments';
import { useProjectQuery } from '../../api/use-project-query';
import { formatDate } from '../../format/date';
import { formatCount } from '../../format/number';

function MemberCount({ segmentId }: { segmentId: string }) {
  const query = useProjectQuery(segmentCountPath(segmentId), parseSegmentMembers);
  if (query.status === 'error')
    return (
      <span className="error" title={query.error.message}>
        !
      </span>
    );
  return (
    <span data-count={query.data?.count} className={query.status === 'loading' ? 'muted' : undefined}>
      {query.data === null ? '…' : formatCount(query.data.count)}
    </span>
  );
}

interface Props {
  segments: readonly SegmentInfo[];
  selectedId: string | null;
  onSelect: (segment: SegmentInfo) => void;
  /** Changes after a save so the counts are fetched again. */
  version: number;
}

export function SegmentList({ segments, selectedId, onSelect, version }: Props) {
  if (segments.length === 0) return <p className="muted">No saved segments yet. Build one below.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="segment-list">
        <thead>
          <tr>
            <th scope="col">Segment</th>
            <th scope="col">Rule</th>
            <th scope="col" className="num">
              Members
            </th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {segments.map((s) => (
            <tr
              key={s.segmentId}
              data-testid="segment-row"
              data-segment-id={s.segmentId}
              aria-selected={s.segmentId === selectedId}
              className="clickable-row"
            >
              <td>
                <button type="button" className="link-button" onClick={() => onSelect(s)}>
                  {s.name}
                </button>
              </td>
              <td>
                <code className="rule-inline">{s.rule}</code>
              </td>
              <td className="num">
                <MemberCount key={`${s.segmentId}:${s.updatedAt}:${version}`} segmentId={s.segmentId} />
              </td>
              <td>{formatDate(s.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
