// Reports page: saved analyses delivered on a schedule (UTC) by e-mail or as files, with their next
// and last run; run one now to see it as delivered and download its tables as CSV; make new ones.
import { useState } from 'react';
import {
  parseReportCatalog,
  parseReportList,
  REPORT_CATALOG_PATH,
  REPORTS_PATH,
  type ReportInfo,
} from '../api/reports';
import { useProjectQuery } from '../api/use-project-query';
import { ReportForm } from './reports/report-form';
import { ReportList } from './reports/report-list';
import { ReportPreview } from './reports/report-preview';

export function ReportsPage() {
  const reports = useProjectQuery(REPORTS_PATH, parseReportList);
  const catalog = useProjectQuery(REPORT_CATALOG_PATH, parseReportCatalog);
  const [running, setRunning] = useState<ReportInfo | null>(null);
  const analysisTitle = (id: string) => catalog.data?.analyses.find((a) => a.id === id)?.title ?? id;

  return (
    <div className="page" data-testid="reports-page" data-state={reports.status}>
      <div className="page-heading">
        <h1>Reports</h1>
        <p className="muted">
          Saved analyses e-mailed (charts as images) or written to files on a schedule, in UTC, and exported
          as CSV.
        </p>
      </div>
      <section className="card section-card" aria-labelledby="saved-reports-title">
        <h2 id="saved-reports-title">Saved reports</h2>
        {reports.status === 'error' && (
          <p className="error" role="alert">
            {reports.error.message}
          </p>
        )}
        {reports.data === null && reports.status === 'loading' && <p className="muted">Loading…</p>}
        {reports.data !== null && (
          <ReportList
            reports={reports.data}
            analysisTitle={analysisTitle}
            selectedId={running?.reportId ?? null}
            onRun={setRunning}
            onChanged={reports.retry}
          />
        )}
      </section>
      {running !== null && (
        <ReportPreview key={running.reportId} report={running} onClose={() => setRunning(null)} />
      )}
      {catalog.status === 'error' && (
        <p className="error" role="alert">
          {catalog.error.message}
        </p>
      )}
      {catalog.data !== null && (
        <ReportForm
          catalog={catalog.data}
          onSaved={() => {
            reports.retry();
          }}
        />
      )}
    </div>
  );
}
