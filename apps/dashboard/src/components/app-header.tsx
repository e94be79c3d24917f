// Top bar of the signed-in dashboard: product name, project switcher, date range and sign-out.
import type { StoredProject } from '../auth/session';
import type { DateRange } from '../dates/range';
import { DateRangePicker } from './date-range-picker';
import { ProjectSwitcher } from './project-switcher';

interface Props {
  projects: readonly StoredProject[];
  currentProjectId: string;
  range: DateRange;
  onSelectProject: (projectId: string) => void;
  onAddProject: () => void;
  onRangeChange: (range: DateRange) => void;
  onSignOut: () => void;
}

export function AppHeader(props: Props) {
  return (
    <header className="app-header">
      <a className="brand" href="#/">
        Centric
      </a>
      <div className="header-controls">
        <ProjectSwitcher
          projects={props.projects}
          currentProjectId={props.currentProjectId}
          onSelect={props.onSelectProject}
          onAddProject={props.onAddProject}
        />
        <DateRangePicker range={props.range} onChange={props.onRangeChange} />
        <button type="button" className="button-secondary" data-testid="sign-out" onClick={props.onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
