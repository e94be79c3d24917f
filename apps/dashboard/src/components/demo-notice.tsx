// Says plainly, on every page, which part of a demo project's data is real and which is
// simulated, so nobody mistakes the generated browsing for a real shop's behaviour.
import { parseDemoInfo } from '../api/endpoints';
import { useProjectQuery } from '../api/use-project-query';
import { formatCount } from '../format/number';

export function DemoNotice() {
  const query = useProjectQuery('/v1/me', parseDemoInfo);
  const demo = query.data;
  if (!demo) return null;
  return (
    <aside className="demo-notice" data-testid="demo-notice" role="note">
      <strong>Demo data.</strong> Orders, customers and products are real: {formatCount(demo.orders)} orders
      of the UCI Online Retail dataset (CC BY 4.0), with dates moved forward by {demo.shiftWeeks} weeks so
      they end recently. <strong>Browsing sessions are simulated</strong> ({formatCount(demo.simulatedEvents)}{' '}
      events from a seeded generator around those orders): visits, page views, searches and carts are not real
      behaviour.
    </aside>
  );
}
