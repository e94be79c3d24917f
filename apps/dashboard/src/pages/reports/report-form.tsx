// The "New report" form of the Reports page: a name, the analysis and its parameters (only those it
// takes), the date window relative to each run, the schedule (UTC) and the delivery.
import { type FormEvent, useState } from 'react';
import { parseReport, REPORTS_PATH, type ReportCatalog, type ReportInfo } from '../../api/reports';
import { toApiError, useProjectAction } from '../../api/use-project-action';
import { EditorFooter } from '../../components/editor-footer';
import { SegmentPicker } from '../cohorts/segment-picker';
import { useSegmentOptions } from '../cohorts/use-segment-options';
import {
  type ReportForm as FormState,
  initialReportForm,
  toReportInput,
  WEEKDAYS,
  windowLabel,
} from './report-form-model';

interface Props {
  catalog: ReportCatalog;
  onSaved: (report: ReportInfo) => void;
}

export function ReportForm({ catalog, onSaved }: Props) {
  const call = useProjectAction();
  const { segments } = useSegmentOptions();
  const [form, setForm] = useState<FormState>(() => initialReportForm(catalog.analyses[0]?.id));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const analysis = catalog.analyses.find((a) => a.id === form.analysis);
  const set = (change: Partial<FormState>) => {
    setForm((f) => ({ ...f, ...change }));
    setSaved(null);
  };

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const built = toReportInput(form, analysis);
    if ('problem' in built) {
      setProblem(built.problem);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const report = await call(REPORTS_PATH, parseReport, { method: 'POST', body: built.input });
      setSaved(`Saved “${report.name}”.`);
      setForm((f) => ({ ...f, name: '' }));
      onSaved(report);
    } catch (caught) {
      setProblem(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card section-card" aria-labelledby="report-form-title">
      <h2 id="report-form-title">New report</h2>
      <form className="page-stack" onSubmit={save} noValidate data-testid="report-form">
        <fieldset className="controls-card" style={{ border: 0, padding: 0 }}>
          <legend className="visually-hidden">What</legend>
          <label className="field">
            <span className="field-label">Name</span>
            <input
              data-testid="report-name"
              value={form.name}
              maxLength={200}
              placeholder="e.g. Weekly KPIs"
              onChange={(e) => set({ name: e.target.value })}
            />
          </label>
          <label className="field">
            <span className="field-label">Analysis</span>
            <select
              data-testid="report-analysis"
              value={form.analysis}
              onChange={(e) => set({ analysis: e.target.value, period: '', periods: '' })}
            >
              {catalog.analyses.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Dates</span>
            <select
              data-testid="report-window"
              value={form.window}
              onChange={(e) => set({ window: e.target.value })}
            >
              {catalog.windows.map((w) => (
                <option key={w} value={w}>
                  {windowLabel(w)}
                </option>
              ))}
            </select>
          </label>
          {analysis?.params.segment && (
            <SegmentPicker
              label="Segment"
              testId="report-segment"
              value={form.segmentId}
              segments={segments}
              none="All customers"
              onChange={(segmentId) => set({ segmentId })}
            />
          )}
          {analysis !== undefined && analysis.params.periods.length > 0 && (
            <label className="field">
              <span className="field-label">Per</span>
              <select
                data-testid="report-period"
                value={form.period}
                onChange={(e) => set({ period: e.target.value })}
              >
                <option value="">Default</option>
                {analysis.params.periods.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </label>
          )}
          {analysis?.params.periodCount && (
            <label className="field">
              <span className="field-label">Periods</span>
              <input
                className="input-narrow"
                type="number"
                min={1}
                max={36}
                placeholder="12"
                value={form.periods}
                onChange={(e) => set({ periods: e.target.value })}
              />
            </label>
          )}
        </fieldset>
        {analysis && <p className="muted">{analysis.description}</p>}
        <fieldset className="controls-card" style={{ border: 0, padding: 0 }}>
          <legend className="visually-hidden">When</legend>
          <label className="field">
            <span className="field-label">Schedule</span>
            <select
              data-testid="report-schedule"
              value={form.scheduleKind}
              onChange={(e) => set({ scheduleKind: e.target.value as FormState['scheduleKind'] })}
            >
              <option value="none">On demand only</option>
              <option value="day">Daily</option>
              <option value="week">Weekly</option>
              <option value="month">Monthly</option>
              <option value="cron">Cron expression</option>
            </select>
          </label>
          {form.scheduleKind === 'week' && (
            <label className="field">
              <span className="field-label">On</span>
              <select
                value={form.weekday}
                onChange={(e) => set({ weekday: e.target.value as FormState['weekday'] })}
              >
                {WEEKDAYS.map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </select>
            </label>
          )}
          {form.scheduleKind === 'month' && (
            <label className="field" title="Past a month’s end, the report runs on its last day">
              <span className="field-label">Day</span>
              <input
                className="input-narrow"
                type="number"
                min={1}
                max={31}
                value={form.day}
                onChange={(e) => set({ day: e.target.value })}
              />
            </label>
          )}
          {(form.scheduleKind === 'day' || form.scheduleKind === 'week' || form.scheduleKind === 'month') && (
            <label className="field">
              <span className="field-label">At (UTC)</span>
              <input
                type="time"
                data-testid="report-at"
                value={form.at}
                onChange={(e) => set({ at: e.target.value })}
              />
            </label>
          )}
          {form.scheduleKind === 'cron' && (
            <label className="field">
              <span className="field-label">Cron (UTC)</span>
              <input value={form.cron} spellCheck={false} onChange={(e) => set({ cron: e.target.value })} />
            </label>
          )}
        </fieldset>
        <fieldset className="controls-card" style={{ border: 0, padding: 0 }}>
          <legend className="visually-hidden">Where</legend>
          <label className="field">
            <span className="field-label">Deliver</span>
            <select
              data-testid="report-delivery"
              value={form.deliveryKind}
              onChange={(e) => set({ deliveryKind: e.target.value as FormState['deliveryKind'] })}
            >
              <option value="email">By e-mail</option>
              <option value="file">As files</option>
            </select>
          </label>
          {form.deliveryKind === 'email' ? (
            <label className="field">
              <span className="field-label">To</span>
              <input
                data-testid="report-recipients"
                size={40}
                placeholder="cx@shop.example, ceo@shop.example"
                value={form.recipients}
                onChange={(e) => set({ recipients: e.target.value })}
              />
            </label>
          ) : (
            <>
              <label className="field">
                <span className="field-label">Directory</span>
                <input
                  data-testid="report-dir"
                  value={form.dir}
                  onChange={(e) => set({ dir: e.target.value })}
                />
              </label>
              <label className="field">
                <span className="field-label">Format</span>
                <select
                  value={form.format}
                  onChange={(e) => set({ format: e.target.value as FormState['format'] })}
                >
                  <option value="html">HTML</option>
                  <option value="csv">CSV</option>
                </select>
              </label>
            </>
          )}
        </fieldset>
        {form.deliveryKind === 'email' && !catalog.email && (
          <p className="hint">
            E-mail is not set up on this server yet (CENTRIC_SMTP_URL): sends will fail until it is.
          </p>
        )}
        {form.deliveryKind === 'file' && (
          <p className="hint">
            Files are written below the server’s reports directory (CENTRIC_REPORTS_DIR).
          </p>
        )}
        <EditorFooter kind="report" saveLabel={'Save report'} busy={busy} problem={problem} saved={saved} />
      </form>
    </section>
  );
}
