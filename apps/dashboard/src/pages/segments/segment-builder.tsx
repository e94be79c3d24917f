// The segment builder: a name, the rule editor with the language reference beside it, the live member
// count, and Save (create or update) / Delete. `segment` is the saved segment being edited, or null
// for a new one; the parent remounts the builder when the selection changes.
import { type FormEvent, useRef, useState } from 'react';
import { parseNothing, parseSegment, SEGMENTS_PATH, type SegmentInfo, segmentPath } from '../../api/segments';
import { useEditorAction } from '../../api/use-editor-action';
import { useProjectAction } from '../../api/use-project-action';
import { EditorFooter } from '../../components/editor-footer';
import { LiveCountView } from './live-count';
import { RuleReference } from './rule-reference';
import { useLiveCount } from './use-live-count';

interface Props {
  segment: SegmentInfo | null;
  onSaved: (segment: SegmentInfo) => void;
  onDeleted: () => void;
}

export function SegmentBuilder({ segment, onSaved, onDeleted }: Props) {
  const call = useProjectAction();
  const [name, setName] = useState(segment?.name ?? '');
  const [rule, setRule] = useState(segment?.rule ?? '');
  const {
    busy,
    problem,
    saved,
    setProblem,
    setSaved,
    save: submit,
    remove: confirmRemove,
  } = useEditorAction();
  const editor = useRef<HTMLTextAreaElement>(null);
  const live = useLiveCount(rule);

  const edit = (next: string) => {
    setRule(next);
    setSaved(null);
  };

  /** Inserts a field name at the caret, with spaces around it where needed. */
  const insert = (text: string) => {
    const area = editor.current;
    const start = area?.selectionStart ?? rule.length;
    const end = area?.selectionEnd ?? rule.length;
    const before = rule.slice(0, start);
    const glue = before === '' || /\s$/.test(before) ? '' : ' ';
    const next = `${before}${glue}${text}${rule.slice(end)}`;
    edit(next);
    requestAnimationFrame(() => {
      const caret = before.length + glue.length + text.length;
      area?.focus();
      area?.setSelectionRange(caret, caret);
    });
  };

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (name.trim() === '' || rule.trim() === '') {
      setProblem('Give the segment a name and a rule.');
      return;
    }
    const body = { name: name.trim(), rule: rule.trim() };
    await submit(
      () =>
        segment === null
          ? call(SEGMENTS_PATH, parseSegment, { method: 'POST', body })
          : call(segmentPath(segment.segmentId), parseSegment, { method: 'PUT', body }),
      onSaved,
    );
  };

  const remove = async () => {
    if (segment === null) return;
    await confirmRemove(
      `Delete the segment “${segment.name}” and its membership history?`,
      () => call(segmentPath(segment.segmentId), parseNothing, { method: 'DELETE' }),
      onDeleted,
    );
  };

  return (
    <section
      className="card section-card"
      aria-labelledby="segment-builder-title"
      data-testid="segment-builder"
    >
      <h2 id="segment-builder-title">{segment === null ? 'New segment' : `Edit “${segment.name}”`}</h2>
      <div className="builder-layout">
        <form className="builder-form" onSubmit={save} noValidate>
          <label className="field field-stacked">
            <span className="field-label">Name</span>
            <input
              data-testid="segment-name"
              value={name}
              maxLength={200}
              placeholder="e.g. Lapsing repeat buyers"
              onChange={(e) => {
                setName(e.target.value);
                setSaved(null);
              }}
            />
          </label>
          <label className="field field-stacked">
            <span className="field-label">Rule</span>
            <textarea
              ref={editor}
              data-testid="segment-rule"
              className="rule-editor"
              rows={6}
              spellCheck={false}
              value={rule}
              placeholder="orders >= 2 and last_order > 90 days ago"
              aria-invalid={live.status === 'invalid'}
              onChange={(e) => edit(e.target.value)}
            />
          </label>
          <LiveCountView live={live} rule={rule} />
          <EditorFooter
            kind="segment"
            saveLabel={segment === null ? 'Save segment' : 'Save changes'}
            busy={busy}
            problem={problem}
            saved={saved}
            onDelete={segment !== null ? () => void remove() : undefined}
          />
        </form>
        <RuleReference onPick={edit} onInsert={insert} />
      </div>
    </section>
  );
}
