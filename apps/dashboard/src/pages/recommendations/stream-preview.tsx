// The Recommendations page's stream preview: type any visitor or customer id and see their
// shopping stream as the shop would show it, scrolling for more. A preview logs no impression.
import { type FormEvent, useState } from 'react';
import { StreamFeed } from '../customers/stream-panel';

export function StreamPreview() {
  const [input, setInput] = useState('');
  const [visitor, setVisitor] = useState<string | null>(null);

  const show = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const id = input.trim();
    setVisitor(id === '' ? null : id);
  };

  return (
    <section
      className="card section-card"
      aria-labelledby="stream-preview-title"
      data-testid="stream-preview"
    >
      <h2 id="stream-preview-title">Shopping stream preview</h2>
      <p className="muted">
        A personal feed per visitor: replenishment, price drops, back in stock, new arrivals, recommendations
        and loyalty, each with its reason. Shops page through it with{' '}
        <code>GET /v1/stream?visitor=…&amp;cursor=…</code> and the write key.
      </p>
      <form className="controls-card card" onSubmit={show}>
        <label className="field">
          <span className="field-label">Visitor</span>
          <input
            data-testid="stream-preview-visitor"
            value={input}
            placeholder="anonymous id, user id or profile id"
            onChange={(e) => setInput(e.target.value)}
          />
        </label>
        <button type="submit" className="button-secondary" data-testid="stream-preview-run">
          Show stream
        </button>
      </form>
      {visitor !== null && <StreamFeed key={visitor} visitor={visitor} />}
    </section>
  );
}
