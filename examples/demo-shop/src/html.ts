// Server-side HTML templating: a tagged template that escapes every interpolated value unless it
// is already HTML (a nested `html` result or `raw()`), so pages cannot inject markup by accident.

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * @example html`<p class="${cls}">${userText}</p>` // userText is escaped
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Marks trusted markup as HTML. */
export const raw = (markup: string): SafeHtml => new SafeHtml(markup);

/**
 * JSON for a `<script type="application/json">` block: `<` is escaped so that no string in the
 * data can close the script element.
 */
export function jsonScript(id: string, data: unknown): SafeHtml {
  return raw(
    `<script type="application/json" id="${escapeHtml(id)}">${JSON.stringify(data).replaceAll('<', '\\u003c')}</script>`,
  );
}
