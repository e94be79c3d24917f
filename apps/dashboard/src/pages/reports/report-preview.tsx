// "Run now" on the Reports page: the report run at this moment, shown as it is delivered (the HTML
// in a sandboxed frame, charts included), with each table's CSV to download.
import { useEffect, useState } from 'react';
import { parseReportRun, type ReportInfo, type ReportRunSummary, reportRunPath } from '../../api/reports';
import { toApiError, useProjectAction } from '../../api/use-project-action';
import { downloadText } from './download-text';
import { useReportText } from './use-report-text';

type State =
  | { status: 'loading' }
  | { status: 'ready'; run: ReportRunSummary; html: string }
  | { status: 'error'; message: string };

export function ReportPreview({ report, onClose }: { report: ReportInfo; onClose: () => void }) {
  const call = useProjectAction();
  const fetchText = useReportText();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    Promise.all([
      call(reportRunPath(report.reportId, 'json'), parseReportRun),
      fetchText(reportRunPath(report.reportId, 'html')),
    ]).then(
      ([run, html]) => live && setState({ status: 'ready', run, html: html.text }),
      (error: unknown) => live && setState({ status: 'error', message: toApiError(error).message }),
    );
    return () => {
      live = false;
    };
  }, [report.reportId, call, fetchText]);

  const download = async (table: string) => {
    setProblem(null);
    try {
      const { text, fileName } = await fetchText(reportRunPath(report.reportId, 'csv', table));
      downloadText(fileName, text, 'text/csv');
    } catch (caught) {
      setProblem(toApiError(caught).message);
    }
  };

  return (
    <section
      className="card section-card"
      aria-labelledby="report-preview-title"
      data-testid="report-preview"
      data-state={state.status}
    >
      <div className="card-heading">
        <h2 id="report-preview-title">{report.name}: run now</h2>
        <button type="button" className="button-secondary" onClick={onClose}>
          Close
        </button>
      </div>
      {state.status === 'loading' && <p className="muted">Running…</p>}
      {state.status === 'error' && (
        <p className="error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <p className="muted">
            {state.run.title}: {state.run.from} to {state.run.to} (UTC)
          </p>
          <div className="button-row">
            {state.run.tables.map((t) => (
              <button
                key={t.name}
                type="button"
                className="button-secondary"
                data-testid="report-table-csv"
                onClick={() => void download(t.name)}
              >
                {t.title} (CSV, {t.rows} rows)
              </button>
            ))}
          </div>
          {problem !== null && (
            <p className="error" role="alert">
              {problem}
            </p>
          )}
          {/* sandbox without allow-scripts: the report's HTML is shown, never run. */}
          <iframe
            title={`${report.name} as delivered`}
            sandbox=""
            srcDoc={state.html}
            data-testid="report-html"
            style={{
              width: '100%',
              height: 640,
              border: '1px solid var(--border)',
              borderRadius: 6,
              background: '#fff',
            }}
          />
        </>
      )}
    </section>
  );
}
