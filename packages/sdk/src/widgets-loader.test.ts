import { afterEach, describe, expect, it } from 'vitest';
import { renderDecision } from './widgets';
import { loadWidgets, type WidgetsModule } from './widgets-loader';

const scope = globalThis as { CentricWidgets?: WidgetsModule };

afterEach(() => {
  delete scope.CentricWidgets;
});

describe('widgets loader', () => {
  it('uses the widgets bundle already on the page (and the bundle fits what the tracker calls)', async () => {
    // Type-checked: the widgets' entry point has the shape render() relies on.
    const widgets: WidgetsModule = { renderDecision };
    scope.CentricWidgets = widgets;
    expect(await loadWidgets('https://centric.example.com')).toBe(widgets);
  });
});
