// The saved segments as options for the pickers of the Cohorts and Customer KPIs pages.
import { parseSegmentList, SEGMENTS_PATH, type SegmentInfo } from '../../api/segments';
import { useProjectQuery } from '../../api/use-project-query';

export function useSegmentOptions(): { segments: SegmentInfo[]; error: string | null } {
  const query = useProjectQuery(SEGMENTS_PATH, parseSegmentList);
  return { segments: query.data ?? [], error: query.status === 'error' ? query.error.message : null };
}
