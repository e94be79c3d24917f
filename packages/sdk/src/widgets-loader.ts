// Loads the widgets bundle ({host}/sdk/centric-widgets.js) on first use only, so pages that
// never render a decision do not pay for it; the bundle sets globalThis.CentricWidgets.
import type { DecideResponse, Rendered, WidgetHost } from './types';

export interface WidgetsModule {
  renderDecision(decision: DecideResponse, host: WidgetHost): Rendered;
}

let loading: Promise<WidgetsModule> | null = null;

export function loadWidgets(host: string): Promise<WidgetsModule> {
  const scope = globalThis as { CentricWidgets?: WidgetsModule };
  if (scope.CentricWidgets) return Promise.resolve(scope.CentricWidgets);
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = `${host}/sdk/centric-widgets.js`;
    script.async = true;
    script.onload = () =>
      scope.CentricWidgets
        ? resolve(scope.CentricWidgets)
        : reject(new Error(`Centric: ${script.src} did not define CentricWidgets`));
    script.onerror = () => {
      loading = null;
      reject(new Error(`Centric: could not load ${script.src}`));
    };
    document.head.appendChild(script);
  });
  return loading;
}
