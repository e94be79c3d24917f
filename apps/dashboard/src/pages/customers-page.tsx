// Customers page: the search box and the top customers at `#/customers`, the 360 view of one customer
// at `#/customers/<identifier>`.
import { hrefFor, useHashRest } from '../routing/hash-route';
import { Customer360View } from './customers/customer-360';
import { CustomerList } from './customers/customer-list';
import { CustomerSearch } from './customers/customer-search';

export function CustomersPage() {
  const [identifier] = useHashRest();
  return (
    <div className="page" data-testid="customers-page">
      <div className="page-heading">
        <h1>{identifier === undefined ? 'Customers' : 'Customer 360'}</h1>
        {identifier !== undefined && (
          <p className="muted">
            <a href={hrefFor('customers')}>← All customers</a>
          </p>
        )}
      </div>
      {/* Keyed so the box shows the identifier after back/forward navigation. */}
      <CustomerSearch key={identifier ?? ''} initial={identifier ?? ''} />
      {identifier === undefined ? (
        <CustomerList />
      ) : (
        <Customer360View key={identifier} identifier={identifier} />
      )}
    </div>
  );
}
