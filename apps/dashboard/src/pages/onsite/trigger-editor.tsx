// The trigger editor: name, kind and status; the kind's own fields (dwell seconds, slot, minimum
// buyers, free-shipping threshold); content (title, text, coupon code, button); targeting
// (segments, page types, URL patterns, categories) and the frequency cap; Save (create or
// change) / Delete, with a sketch of the message beside the form. `trigger` is the saved trigger
// being edited, or null for a new one; the parent remounts the editor when the selection changes.
import type { PageType, SlotWire, TriggerWire } from '@centric/contracts';
import { type FormEvent, useState } from 'react';
import type { SegmentInfo } from '../../api/segments';
import { parseNothing } from '../../api/segments';
import {
  PAGE_TYPE_CHOICES,
  parseTrigger,
  TRIGGER_KINDS,
  TRIGGERS_PATH,
  triggerPath,
} from '../../api/triggers';
import { useEditorAction } from '../../api/use-editor-action';
import { useProjectAction } from '../../api/use-project-action';
import { EditorFooter } from '../../components/editor-footer';
import { fieldsOf, formFromTrigger, type TriggerForm, toTriggerInput } from './trigger-form-model';
import { TriggerSketch } from './trigger-sketch';

interface Props {
  trigger: TriggerWire | null;
  slots: readonly SlotWire[];
  segments: readonly SegmentInfo[];
  onSaved: (trigger: TriggerWire) => void;
  onDeleted: () => void;
}

type TextKey = {
  [K in keyof TriggerForm]: TriggerForm[K] extends string ? K : never;
}[keyof TriggerForm];

export function TriggerEditor({ trigger, slots, segments, onSaved, onDeleted }: Props) {
  const call = useProjectAction();
  const [form, setForm] = useState<TriggerForm>(() => formFromTrigger(trigger));
  const {
    busy,
    problem,
    saved,
    setProblem,
    setSaved,
    save: submit,
    remove: confirmRemove,
  } = useEditorAction();
  const fields = fieldsOf(form.kind);

  const set = <K extends keyof TriggerForm>(key: K, value: TriggerForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSaved(null);
  };
  const text = (key: TextKey, label: string, hint?: string) => (
    <label className="field field-stacked">
      <span className="field-label">{label}</span>
      <input
        data-testid={`trigger-${key}`}
        value={form[key]}
        placeholder={hint}
        onChange={(e) => set(key, e.target.value)}
      />
    </label>
  );
  const toggleIn = <T extends string>(list: readonly T[], value: T, on: boolean): T[] =>
    on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const draft = toTriggerInput(form);
    if ('problem' in draft) {
      setProblem(draft.problem);
      return;
    }
    await submit(
      () =>
        trigger === null
          ? call(TRIGGERS_PATH, parseTrigger, { method: 'POST', body: draft.input })
          : call(triggerPath(trigger.triggerId), parseTrigger, { method: 'PUT', body: draft.input }),
      onSaved,
    );
  };

  const remove = async () => {
    if (trigger === null) return;
    await confirmRemove(
      `Delete the trigger “${trigger.name}”? Its statistics stay.`,
      () => call(triggerPath(trigger.triggerId), parseNothing, { method: 'DELETE' }),
      onDeleted,
    );
  };

  return (
    <section
      className="card section-card"
      aria-labelledby="trigger-editor-title"
      data-testid="trigger-editor"
    >
      <h2 id="trigger-editor-title">{trigger === null ? 'New trigger' : `Edit “${trigger.name}”`}</h2>
      <div className="builder-layout">
        <form className="builder-form" onSubmit={save} noValidate>
          {text('name', 'Name', 'e.g. 10% off after 20 seconds on a product')}
          <label className="field field-stacked">
            <span className="field-label">Kind</span>
            <select
              data-testid="trigger-kind"
              value={form.kind}
              disabled={trigger !== null}
              onChange={(e) => set('kind', e.target.value as TriggerForm['kind'])}
            >
              {TRIGGER_KINDS.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.label}: {k.hint}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <input
              type="checkbox"
              className="checkbox"
              data-testid="trigger-active"
              checked={form.active}
              onChange={(e) => set('active', e.target.checked)}
            />
            <span>Active</span>
          </label>
          {text('priority', 'Priority (higher wins when two of a kind apply)')}

          {fields.dwellSeconds && text('dwellSeconds', 'Seconds on the product page without adding to cart')}
          {fields.slot && (
            <label className="field field-stacked">
              <span className="field-label">Recommendation slot</span>
              <select
                data-testid="trigger-slot"
                value={form.slot}
                onChange={(e) => set('slot', e.target.value)}
              >
                <option value="">Choose a slot…</option>
                {slots.map((s) => (
                  <option key={s.slotId} value={s.slotId}>
                    {s.name} ({s.slotId})
                  </option>
                ))}
              </select>
            </label>
          )}
          {fields.minCount && text('minCount', 'Show from this many buyers in 24 hours')}
          {fields.threshold && (
            <>
              {text('threshold', 'Free shipping from (order value)')}
              {text('currency', 'Currency (ISO code)', 'EUR')}
            </>
          )}

          {text('title', 'Title')}
          {text(
            'body',
            'Text',
            form.kind === 'social_proof'
              ? '{count} people bought this in the last 24 hours'
              : form.kind === 'free_shipping_bar'
                ? '{remaining} more for free shipping'
                : undefined,
          )}
          {fields.coupon && text('couponCode', 'Coupon code', 'e.g. STAY10')}
          {fields.cta && (
            <>
              {text('ctaLabel', 'Button label', 'e.g. Shop the sale')}
              {text('ctaUrl', 'Button link', '/sale')}
            </>
          )}

          <fieldset className="field-stacked" data-testid="trigger-segments">
            <legend className="field-label">Only for members of (none: everyone)</legend>
            {segments.length === 0 && <span className="muted">No segments yet.</span>}
            {segments.map((s) => (
              <label key={s.segmentId} className="field">
                <input
                  type="checkbox"
                  className="checkbox"
                  checked={form.segments.includes(s.segmentId)}
                  onChange={(e) => set('segments', toggleIn(form.segments, s.segmentId, e.target.checked))}
                />
                <span>{s.name}</span>
              </label>
            ))}
          </fieldset>
          <fieldset className="field-stacked" data-testid="trigger-page-types">
            <legend className="field-label">
              On page types (none: every page
              {form.kind === 'dwell_popin' ? '; a dwell pop-in: product pages' : ''})
            </legend>
            <div className="chip-list">
              {PAGE_TYPE_CHOICES.map((type: PageType) => (
                <label key={type} className="field">
                  <input
                    type="checkbox"
                    className="checkbox"
                    data-testid={`trigger-page-${type}`}
                    checked={form.pageTypes.includes(type)}
                    onChange={(e) => set('pageTypes', toggleIn(form.pageTypes, type, e.target.checked))}
                  />
                  <span>{type}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {text('urlPatterns', 'URL paths (comma-separated; * matches anything)', '/products/*')}
          {text('categories', 'Categories (comma-separated; a parent takes its sub-categories)')}
          {text('maxImpressions', 'At most this many impressions per visitor (blank: no limit)')}
          {text('windowDays', '… within this many days (a dismissal hides it as long)')}

          <EditorFooter
            kind="trigger"
            saveLabel={trigger === null ? 'Create trigger' : 'Save changes'}
            busy={busy}
            problem={problem}
            saved={saved}
            onDelete={trigger !== null ? () => void remove() : undefined}
          />
        </form>
        <TriggerSketch form={form} />
      </div>
    </section>
  );
}
