// Live preview of the slot being edited: what it would show a given visitor on a given product
// page, with why each item is there. Uses the unsaved form, so rules can be tried before saving;
// previews log no impression.
import type { RecommendationResponse, SlotInput } from '@centric/contracts';
import { type FormEvent, useState } from 'react';
import { PREVIEW_PATH, parseRecommendations } from '../../api/recommendations';
import { toApiError, useProjectAction } from '../../api/use-project-action';
import { type ExtraColumn, ProductRankingTable } from '../../components/product-ranking-table';

const WHY: ExtraColumn<RecommendationResponse['items'][number]>[] = [
  { header: 'Why', cell: (item) => item.reason.replaceAll('_', ' ') },
];

interface Props {
  /** The draft, or the problem that keeps the form from being one. */
  draft: { input: SlotInput } | { problem: string };
}

export function SlotPreview({ draft }: Props) {
  const call = useProjectAction();
  const [visitor, setVisitor] = useState('');
  const [product, setProduct] = useState('');
  const [result, setResult] = useState<RecommendationResponse | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if ('problem' in draft) {
      setProblem(draft.problem);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const body = {
        slot: draft.input,
        ...(visitor.trim() ? { visitor: visitor.trim() } : {}),
        ...(product.trim() ? { product: product.trim() } : {}),
      };
      setResult(await call(PREVIEW_PATH, parseRecommendations, { method: 'POST', body }));
    } catch (caught) {
      setProblem(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="builder-form" data-testid="slot-preview">
      <h3>Live preview</h3>
      <form className="controls-card card" onSubmit={run}>
        <label className="field">
          <span className="field-label">Visitor</span>
          <input
            data-testid="preview-visitor"
            value={visitor}
            placeholder="anonymous id or customer id"
            onChange={(e) => setVisitor(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">Product</span>
          <input
            data-testid="preview-product"
            value={product}
            placeholder="product id (optional)"
            onChange={(e) => setProduct(e.target.value)}
          />
        </label>
        <button type="submit" className="button-secondary" data-testid="preview-run" disabled={busy}>
          Preview
        </button>
      </form>
      {problem !== null && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {result !== null && (
        <>
          <p className="muted" data-testid="preview-algorithm">
            Algorithm: {result.algorithm} · {result.items.length} items
          </p>
          <ProductRankingTable
            items={result.items}
            testId="preview-table"
            rowTestId="preview-item"
            extra={{ afterPrice: WHY }}
          />
        </>
      )}
    </div>
  );
}
