// Funnels page: the journey-phase funnel (awareness, discovery, consideration, intent, purchase,
// experience, loyalty) under the project's mapping, and an ad-hoc funnel builder with optional
// steps, a conversion window, time-to-convert, a breakdown and the period before.
import { useState } from 'react';
import { useDashboard } from '../state/dashboard-context';
import { SegmentPicker } from './cohorts/segment-picker';
import { useSegmentOptions } from './cohorts/use-segment-options';
import { FunnelBuilder } from './funnels/funnel-builder';
import { PhaseFunnel } from './funnels/phase-funnel';

export function FunnelsPage() {
  const { range } = useDashboard();
  const { segments } = useSegmentOptions();
  const [segment, setSegment] = useState<string | null>(null);
  const scope = { from: range.from, to: range.to, segment };
  return (
    <div className="page" data-testid="funnels-page">
      <div className="page-heading">
        <h1>Funnels</h1>
        <p className="muted">
          Entrants take the first step in the date range; each later step must follow the one before within
          the window. Optional steps are counted but not needed to go on.
        </p>
      </div>
      <fieldset className="card controls-card">
        <legend className="visually-hidden">Whose funnels</legend>
        <SegmentPicker
          label="Sessions of"
          testId="funnels-segment"
          value={segment}
          segments={segments}
          none="Everyone"
          onChange={setSegment}
        />
      </fieldset>
      <PhaseFunnel scope={scope} />
      <FunnelBuilder scope={scope} />
    </div>
  );
}
