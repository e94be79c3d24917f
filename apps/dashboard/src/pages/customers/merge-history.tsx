// The merges of the 360 view: which profile was merged into which, why and with which identities, and
// an "Undo merge" button per merge that is still in effect. Undoing calls the unmerge route; the view
// reloads through onChanged.
import { useState } from 'react';
import { type Merge, parseMerge, undoMergePath } from '../../api/customers';
import { toApiError, useProjectAction } from '../../api/use-project-action';
import { formatDateTime } from '../../format/date';

interface Props {
  merges: readonly Merge[];
  onChanged: () => void;
}

export function MergeHistory({ merges, onChanged }: Props) {
  const call = useProjectAction();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const undo = async (mergeId: string) => {
    setBusy(mergeId);
    setError(null);
    try {
      await call(undoMergePath(mergeId), parseMerge, { method: 'POST' });
      onChanged();
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(null);
    }
  };

  if (merges.length === 0) return <p className="muted">No merges: this profile was never stitched.</p>;
  return (
    <>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="table-scroll">
        <table className="data-table" data-testid="customer-merges">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Reason</th>
              <th scope="col">Merged profile → kept profile</th>
              <th scope="col">Moved identities</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {merges.map((merge) => (
              <tr
                key={merge.mergeId}
                data-testid="customer-merge"
                data-merge-id={merge.mergeId}
                data-undone={merge.undoneAt !== null}
                data-reason={merge.reason}
              >
                <td>{formatDateTime(merge.at)}</td>
                <td>
                  <span className="badge">{merge.reason}</span>
                </td>
                <td className="mono">
                  {merge.mergedProfile} → {merge.keptProfile}
                </td>
                <td className="mono">{merge.movedIdentities.join(', ')}</td>
                <td>
                  {merge.undoneAt === null ? (
                    <button
                      type="button"
                      className="button-secondary"
                      data-testid={`merge-undo-${merge.mergeId}`}
                      disabled={busy !== null}
                      onClick={() => void undo(merge.mergeId)}
                    >
                      {busy === merge.mergeId ? 'Undoing…' : 'Undo merge'}
                    </button>
                  ) : (
                    <span className="muted">Undone {formatDateTime(merge.undoneAt)}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
