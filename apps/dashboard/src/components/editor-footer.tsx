// The end of every editor form (segments, slots, triggers, reports): what went wrong or what was
// saved, the save button and, for something that exists already, delete. Test ids are
// `<kind>-save-error`, `<kind>-save` and `<kind>-delete`.

export function EditorFooter({
  kind,
  saveLabel,
  busy,
  problem,
  saved,
  onDelete,
}: {
  /** Prefix of the test ids, e.g. 'slot'. */
  kind: string;
  saveLabel: string;
  busy: boolean;
  problem: string | null;
  saved: string | null;
  /** Present for an existing item. */
  onDelete?: (() => void) | undefined;
}) {
  return (
    <>
      {problem !== null && (
        <p className="error" role="alert" data-testid={`${kind}-save-error`}>
          {problem}
        </p>
      )}
      {saved !== null && (
        <p className="hint" role="status">
          {saved}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button-primary" data-testid={`${kind}-save`} disabled={busy}>
          {saveLabel}
        </button>
        {onDelete && (
          <button
            type="button"
            className="button-danger"
            data-testid={`${kind}-delete`}
            disabled={busy}
            onClick={onDelete}
          >
            Delete
          </button>
        )}
      </div>
    </>
  );
}
