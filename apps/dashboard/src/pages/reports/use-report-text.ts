// Fetches a report's CSV or HTML export with the current project's key; a 401 signs the project
// out, as every other call of the dashboard does.
import { useCallback } from 'react';
import { fetchReportText } from '../../api/reports';
import { toApiError } from '../../api/use-project-action';
import { useDashboard } from '../../state/dashboard-context';

export function useReportText(): (path: string) => Promise<{ text: string; fileName: string }> {
  const { project, reportUnauthorized } = useDashboard();
  return useCallback(
    async (path: string) => {
      try {
        return await fetchReportText(path, project.secretKey);
      } catch (error) {
        const apiError = toApiError(error);
        if (apiError.isUnauthorized) reportUnauthorized(project, apiError.message);
        throw apiError;
      }
    },
    [project, reportUnauthorized],
  );
}
