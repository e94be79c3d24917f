// GDPR buttons of the 360 view: "Export data" downloads everything held about the customer as JSON;
// "Erase customer" asks for confirmation, erases, and shows the erasure report, including whether a
// scan of every table found no identifier left (`verified`).
import { useState } from 'react';
import {
  customerExportPath,
  customerPath,
  type ErasureReport,
  parseErasureReport,
  parseExport,
} from '../../api/customers';
import { toApiError, useProjectAction } from '../../api/use-project-action';
import { formatCount } from '../../format/number';
import { downloadJson } from './download';

interface Props {
  profileId: string;
  onErased: (report: ErasureReport) => void;
}

export function GdprActions({ profileId, onErased }: Props) {
  const call = useProjectAction();
  const [busy, setBusy] = useState<'export' | 'erase' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const exportData = async () => {
    setBusy('export');
    setError(null);
    try {
      const data = await call(customerExportPath(profileId), parseExport);
      downloadJson(`customer-${profileId}.json`, data);
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(null);
    }
  };

  const erase = async () => {
    setBusy('erase');
    setError(null);
    try {
      const report = await call(customerPath(profileId), parseErasureReport, { method: 'DELETE' });
      setConfirming(false);
      onErased(report);
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="gdpr-actions">
      <div className="button-row">
        <button
          type="button"
          className="button-secondary"
          data-testid="customer-export"
          disabled={busy !== null}
          onClick={() => void exportData()}
        >
          {busy === 'export' ? 'Exporting…' : 'Export data'}
        </button>
        <button
          type="button"
          className="button-danger"
          data-testid="customer-erase"
          disabled={busy !== null || confirming}
          onClick={() => setConfirming(true)}
        >
          Erase customer
        </button>
      </div>
      {confirming && (
        <div
          className="confirm-panel"
          role="alertdialog"
          aria-labelledby="erase-title"
          aria-describedby="erase-text"
        >
          <h3 id="erase-title">Erase this customer?</h3>
          <p id="erase-text">
            Deletes the events, orders, profile and identities of <span className="mono">{profileId}</span>{' '}
            for good. This cannot be undone; export the data first if the customer asked for a copy.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button-danger"
              data-testid="erase-confirm"
              disabled={busy !== null}
              onClick={() => void erase()}
            >
              {busy === 'erase' ? 'Erasing…' : 'Erase for good'}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** What an erasure did: rows deleted per table and whether the verification scan found nothing left. */
export function ErasureReportView({ report }: { report: ErasureReport }) {
  const tables = Object.keys({ ...report.deleted, ...report.remaining }).sort();
  return (
    <section
      className={`card erase-report ${report.verified ? 'erase-verified' : 'erase-unverified'}`}
      data-testid="erase-report"
      data-verified={String(report.verified)}
      aria-labelledby="erase-report-title"
    >
      <h2 id="erase-report-title">Customer erased</h2>
      <p>
        Profile <span className="mono">{report.profileId}</span>:{' '}
        {report.verified
          ? 'verified — a scan of every table found none of its identifiers left.'
          : 'NOT verified — identifiers were still found after erasure; see the server log.'}
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Table</th>
            <th scope="col" className="num">
              Rows deleted
            </th>
            <th scope="col" className="num">
              Rows left
            </th>
          </tr>
        </thead>
        <tbody>
          {tables.map((table) => (
            <tr key={table}>
              <td className="mono">{table}</td>
              <td className="num">{formatCount(report.deleted[table] ?? 0)}</td>
              <td className="num">{formatCount(report.remaining[table] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
