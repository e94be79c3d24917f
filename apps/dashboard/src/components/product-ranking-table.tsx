// A ranked list of products as the dashboard shows what a visitor would get (a slot preview,
// search results): rank, product, category, price and score, plus the columns the caller adds
// before the score (why it is there, brand, stock).
import type { ReactNode } from 'react';
import { formatAmount } from '../format/number';

export interface RankedProduct {
  productId: string;
  title: string;
  category: string;
  price: number | null;
  score: number;
}

export interface ExtraColumn<T> {
  header: string;
  cell: (item: T) => ReactNode;
}

export function ProductRankingTable<T extends RankedProduct>({
  items,
  testId,
  rowTestId,
  extra,
}: {
  items: readonly T[];
  testId: string;
  rowTestId: string;
  /** Columns after the category (before the price) and after the price (before the score). */
  extra: { afterCategory?: readonly ExtraColumn<T>[]; afterPrice?: readonly ExtraColumn<T>[] };
}) {
  const afterCategory = extra.afterCategory ?? [];
  const afterPrice = extra.afterPrice ?? [];
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Product</th>
            <th scope="col">Category</th>
            {afterCategory.map((c) => (
              <th scope="col" key={c.header}>
                {c.header}
              </th>
            ))}
            <th scope="col" className="num">
              Price
            </th>
            {afterPrice.map((c) => (
              <th scope="col" key={c.header}>
                {c.header}
              </th>
            ))}
            <th scope="col" className="num">
              Score
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, i) => (
            <tr key={item.productId} data-testid={rowTestId} data-product-id={item.productId}>
              <td className="num">{i + 1}</td>
              <td>
                {item.title} <span className="muted mono">{item.productId}</span>
              </td>
              <td>{item.category}</td>
              {afterCategory.map((c) => (
                <td key={c.header}>{c.cell(item)}</td>
              ))}
              <td className="num">{formatAmount(item.price)}</td>
              {afterPrice.map((c) => (
                <td key={c.header}>{c.cell(item)}</td>
              ))}
              <td className="num">{item.score.toFixed(3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
