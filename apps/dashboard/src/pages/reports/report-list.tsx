// The saved reports of the Reports page: what each runs, when and where it goes, its next and last
// run (with the error of a failed one), and the actions: run now (preview), send now, CSV, delete.
import { useState } from 'react';
import { parseSendResult, type ReportInfo, reportPath, reportRunPath } from '../../api/reports';
import { parseNothing } from '../../api/segments';
import { toApiError, useProjectAction } from '../../api/use-project-action';
import { formatDateTime } from '../../format/date';
import { downloadText } from './download-text';
import { describeDelivery, describeSchedule, windowLabel } from './report-form-model';
import { useReportText } from './use-report-text';

interface Props {
  reports: readonly ReportInfo[];
  analysisTitle: (id: string) => string;
  selectedId: string | null;
  onRun: (report: ReportInfo) => void;
  /** After a send or delete: the list is fetched again. */
  onChanged: () => void;
}

export function ReportList({ reports, analysisTitle, selectedId, onRun, onChanged }: Props) {
  const call = useProjectAction();
  const fetchText = useReportText();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const act = async (report: ReportInfo, action: () => Promise<string>, { reload = true } = {}) => {
    setBusy(report.reportId);
    setMessage(null);
    try {
      setMessage({ text: await action(), error: false });
    } catch (caught) {
      setMessage({ text: `${report.name}: ${toApiError(caught).message}`, error: true });
    } finally {
      setBusy(null);
      // A send records its run and a delete removes a row; a download changes nothing.
      if (reload) onChanged();
    }
  };

  const send = (report: ReportInfo) =>
    act(report, async () => {
      const sent = await call(`${reportPath(report.reportId)}/send`, parseSendResult, { method: 'POST' });
      return sent.channel === 'email'
        ? `${report.name}: sent to ${sent.recipients.join(', ')}.`
        : `${report.name}: wrote ${sent.files.join(', ')}.`;
    });

  const csv = (report: ReportInfo) =>
    act(
      report,
      async () => {
        const { text, fileName } = await fetchText(reportRunPath(report.reportId, 'csv'));
        downloadText(fileName, text, 'text/csv');
        return `${report.name}: downloaded ${fileName}.`;
      },
      { reload: false },
    );

  const remove = (report: ReportInfo) => {
    if (!window.confirm(`Delete the report “${report.name}” and its schedule?`)) return;
    void act(report, async () => {
      await call(reportPath(report.reportId), parseNothing, { method: 'DELETE' });
      return `Deleted “${report.name}”.`;
    });
  };

  if (reports.length === 0) return <p className="muted">No reports yet. Make one below.</p>;
  return (
    <>
      {message !== null && (
        <p
          className={message.error ? 'error' : 'hint'}
          role={message.error ? 'alert' : 'status'}
          data-testid="report-message"
        >
          {message.text}
        </p>
      )}
      <div className="table-scroll">
        <table className="data-table" data-testid="report-list">
          <thead>
            <tr>
              <th scope="col">Report</th>
              <th scope="col">Schedule</th>
              <th scope="col">Delivery</th>
              <th scope="col">Next run</th>
              <th scope="col">Last run</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr
                key={r.reportId}
                data-testid="report-row"
                data-report-id={r.reportId}
                aria-selected={r.reportId === selectedId}
              >
                <td>
                  <strong>{r.name}</strong>
                  <div className="muted">
                    {analysisTitle(r.analysis)},{' '}
                    {windowLabel(r.params.window ?? 'last_30_days').toLowerCase()}
                  </div>
                </td>
                <td>{describeSchedule(r.schedule)}</td>
                <td>{describeDelivery(r.delivery)}</td>
                <td>{formatDateTime(r.nextRunAt)}</td>
                <td>
                  {formatDateTime(r.lastRunAt)}
                  {r.lastError !== null && (
                    <div className="error" data-testid="report-last-error">
                      {r.lastError}
                    </div>
                  )}
                </td>
                <td>
                  <div className="button-row">
                    <button
                      type="button"
                      className="button-secondary"
                      data-testid="report-run"
                      disabled={busy !== null}
                      onClick={() => onRun(r)}
                    >
                      Run now
                    </button>
                    <button
                      type="button"
                      className="button-secondary"
                      data-testid="report-send"
                      disabled={busy !== null}
                      onClick={() => void send(r)}
                    >
                      Send now
                    </button>
                    <button
                      type="button"
                      className="button-secondary"
                      data-testid="report-csv"
                      disabled={busy !== null}
                      onClick={() => void csv(r)}
                    >
                      CSV
                    </button>
                    <button
                      type="button"
                      className="button-danger"
                      data-testid="report-delete"
                      disabled={busy !== null}
                      onClick={() => remove(r)}
                    >
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
