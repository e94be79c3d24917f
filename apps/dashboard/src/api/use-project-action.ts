// React hook for calls a user starts (save, undo, erase, export): the current project's key is added,
// every failure becomes an ApiError, and a 401 signs the project out as useProjectQuery does.
import { useCallback } from 'react';
import { useDashboard } from '../state/dashboard-context';
import { ApiError, apiRequest, type RequestOptions } from './client';

export type ProjectAction = <T>(
  path: string,
  parse: (body: unknown) => T,
  options?: RequestOptions,
) => Promise<T>;

export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError(0, 'client_error', error instanceof Error ? error.message : String(error));
}

export function useProjectAction(): ProjectAction {
  const { project, reportUnauthorized } = useDashboard();
  return useCallback(
    async <T>(path: string, parse: (body: unknown) => T, options?: RequestOptions): Promise<T> => {
      try {
        return await apiRequest(path, project.secretKey, parse, options);
      } catch (error) {
        const apiError = toApiError(error);
        if (apiError.isUnauthorized) reportUnauthorized(project, apiError.message);
        throw error instanceof DOMException ? error : apiError;
      }
    },
    [project, reportUnauthorized],
  );
}
