// The slot editor: id, name, algorithm and length, the business rules (filters, diversity, boosts,
// pins, exclusions), Save (create or replace) / Delete, and the live preview of the unsaved form.
// `slot` is the saved slot being edited, or null for a new one; the parent remounts the editor
// when the selection changes.
import type { SlotWire } from '@centric/contracts';
import { type FormEvent, useState } from 'react';
import { ALGORITHMS, parseSlot, slotPath } from '../../api/recommendations';
import { parseNothing } from '../../api/segments';
import { useEditorAction } from '../../api/use-editor-action';
import { useProjectAction } from '../../api/use-project-action';
import { EditorFooter } from '../../components/editor-footer';
import { formFromSlot, type SlotForm, toSlotInput } from './slot-form-model';
import { SlotPreview } from './slot-preview';

interface Props {
  slot: SlotWire | null;
  onSaved: (slot: SlotWire) => void;
  onDeleted: () => void;
}

export function SlotEditor({ slot, onSaved, onDeleted }: Props) {
  const call = useProjectAction();
  const [form, setForm] = useState<SlotForm>(() => formFromSlot(slot));
  const {
    busy,
    problem,
    saved,
    setProblem,
    setSaved,
    save: submit,
    remove: confirmRemove,
  } = useEditorAction();
  const draft = toSlotInput(form);

  const set = <K extends keyof SlotForm>(key: K, value: SlotForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSaved(null);
  };
  const text = (key: Exclude<keyof SlotForm, 'inStock' | 'algorithm'>, label: string, hint?: string) => (
    <label className="field field-stacked">
      <span className="field-label">{label}</span>
      <input
        data-testid={`slot-${key}`}
        value={form[key]}
        placeholder={hint}
        onChange={(e) => set(key, e.target.value)}
      />
    </label>
  );

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if ('problem' in draft) {
      setProblem(draft.problem);
      return;
    }
    await submit(
      () => call(slotPath(draft.slotId), parseSlot, { method: 'PUT', body: draft.input }),
      onSaved,
    );
  };

  const remove = async () => {
    if (slot === null) return;
    await confirmRemove(
      `Delete the slot “${slot.name}”? Pages asking for it get a 404.`,
      () => call(slotPath(slot.slotId), parseNothing, { method: 'DELETE' }),
      onDeleted,
    );
  };

  return (
    <section className="card section-card" aria-labelledby="slot-editor-title" data-testid="slot-editor">
      <h2 id="slot-editor-title">{slot === null ? 'New slot' : `Edit “${slot.name}”`}</h2>
      <div className="builder-layout">
        <form className="builder-form" onSubmit={save} noValidate>
          {slot === null ? (
            text('slotId', 'Slot id', 'e.g. product_page')
          ) : (
            <p className="muted">
              Slot id: <code>{slot.slotId}</code>
            </p>
          )}
          {text('name', 'Name', 'e.g. Product page: customers also viewed')}
          <label className="field field-stacked">
            <span className="field-label">Algorithm</span>
            <select
              data-testid="slot-algorithm"
              value={form.algorithm}
              onChange={(e) => set('algorithm', e.target.value as SlotForm['algorithm'])}
            >
              {ALGORITHMS.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label}
                </option>
              ))}
            </select>
          </label>
          {text('limit', 'Items shown')}
          <label className="field">
            <input
              type="checkbox"
              data-testid="slot-inStock"
              checked={form.inStock}
              onChange={(e) => set('inStock', e.target.checked)}
            />
            <span>Only products in stock</span>
          </label>
          {text('categories', 'Categories (comma-separated; a parent takes its sub-categories)')}
          {text('brands', 'Brands (comma-separated)')}
          {text('minPrice', 'Minimum price')}
          {text('maxPrice', 'Maximum price')}
          {text('maxPerCategory', 'At most per category (diversity)')}
          <label className="field field-stacked">
            <span className="field-label">Boosts, one per line</span>
            <textarea
              data-testid="slot-boosts"
              className="rule-editor"
              rows={3}
              value={form.boosts}
              placeholder={'category:Home x1.5\nbrand:Acme x2'}
              onChange={(e) => set('boosts', e.target.value)}
            />
          </label>
          <label className="field field-stacked">
            <span className="field-label">Pinned products: id and 0-based position, one per line</span>
            <textarea
              data-testid="slot-pins"
              className="rule-editor"
              rows={3}
              value={form.pins}
              placeholder="SKU-1 0"
              onChange={(e) => set('pins', e.target.value)}
            />
          </label>
          {text('excludes', 'Excluded products (comma-separated)')}
          <p className="hint">
            Products a customer bought never show in any slot, except those due for replenishment.
          </p>
          <EditorFooter
            kind="slot"
            saveLabel={slot === null ? 'Create slot' : 'Save changes'}
            busy={busy}
            problem={problem}
            saved={saved}
            onDelete={slot !== null ? () => void remove() : undefined}
          />
        </form>
        <SlotPreview draft={draft} />
      </div>
    </section>
  );
}
