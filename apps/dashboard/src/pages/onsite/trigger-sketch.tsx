// A sketch of what the shopper sees, drawn from the unsaved form: the pop-in's title, text,
// coupon and button, the social-proof sentence with an example count, the free-shipping text
// with an example cart, or where a carousel renders. The shop's page styles the real widgets.
import { kindLabel } from '../../api/triggers';
import type { TriggerForm } from './trigger-form-model';

const EXAMPLE_COUNT = 12;
const EXAMPLE_CART = 0.7;

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

export function TriggerSketch({ form }: { form: TriggerForm }) {
  const threshold = Number(form.threshold);
  const money = (n: number) => `${n.toFixed(2)} ${form.currency.toUpperCase()}`;
  let lines: string[];
  switch (form.kind) {
    case 'social_proof':
      lines = [
        fill(form.body || '{count} people bought this in the last 24 hours', {
          count: String(EXAMPLE_COUNT),
        }),
      ];
      break;
    case 'free_shipping_bar':
      lines =
        Number.isFinite(threshold) && threshold > 0
          ? [
              fill(form.body || '{remaining} more for free shipping', {
                remaining: money(threshold * (1 - EXAMPLE_CART)),
                threshold: money(threshold),
              }),
            ]
          : ['Set the threshold to see the bar.'];
      break;
    case 'carousel':
      lines = [
        form.slot
          ? `The “${form.slot}” list renders in [data-centric-slot="${form.slot}"].`
          : 'Choose a slot.',
      ];
      break;
    default:
      lines = [form.body].filter(Boolean);
  }
  return (
    <aside className="card section-card" aria-label="What the shopper sees" data-testid="trigger-sketch">
      <p className="field-label">{kindLabel(form.kind)}</p>
      {form.title && <h3>{form.title}</h3>}
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {form.couponCode && (form.kind === 'dwell_popin' || form.kind === 'exit_intent') && (
        <p>
          Code: <code className="mono">{form.couponCode}</code>
        </p>
      )}
      {form.ctaLabel && <p className="hint">Button: {form.ctaLabel}</p>}
      {form.kind === 'dwell_popin' && (
        <p className="hint">
          Shows after {form.dwellSeconds || '?'} seconds unless the visitor adds to cart.
        </p>
      )}
    </aside>
  );
}
