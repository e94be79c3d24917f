// The orders table of the 360 view: every order with its date, channel, status and revenue.
import type { CustomerOrder } from '../../api/customers';
import { formatDateTime } from '../../format/date';
import { formatMoney } from '../../format/number';
import { ChannelTag } from './channel-tag';

export function CustomerOrders({ orders }: { orders: readonly CustomerOrder[] }) {
  if (orders.length === 0) return <p className="muted">No orders.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="customer-orders">
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Placed</th>
            <th scope="col">Channel</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Revenue
            </th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.orderId} data-testid="customer-order" data-order-id={order.orderId}>
              <td className="mono">{order.orderId}</td>
              <td>{formatDateTime(order.at)}</td>
              <td>
                <ChannelTag channel={order.channel} withLabel />
              </td>
              <td>
                <span className={`status status-${order.status}`}>{order.status}</span>
              </td>
              <td className="num">{formatMoney(order.revenue, order.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
