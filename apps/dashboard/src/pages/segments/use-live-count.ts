// The segment builder's live member count: the rule being typed is sent to the preview route once
// typing pauses (~400 ms), older answers are discarded, and a bad rule comes back with the position
// of its error.
import { useEffect, useState } from 'react';
import { isAbortError } from '../../api/client';
import {
  parseSegmentPreview,
  type RulePosition,
  rulePosition,
  SEGMENT_PREVIEW_PATH,
  type SegmentPreview,
} from '../../api/segments';
import { toApiError, useProjectAction } from '../../api/use-project-action';

export const LIVE_COUNT_DELAY_MS = 400;

export type LiveCount =
  | { status: 'empty' }
  | { status: 'loading'; previous: SegmentPreview | null }
  | { status: 'ready'; preview: SegmentPreview }
  | { status: 'invalid'; message: string; position: RulePosition | null };

export function useLiveCount(rule: string): LiveCount {
  const call = useProjectAction();
  const [state, setState] = useState<LiveCount>({ status: 'empty' });
  const trimmed = rule.trim();

  useEffect(() => {
    if (trimmed === '') {
      setState({ status: 'empty' });
      return;
    }
    setState((s) => ({
      status: 'loading',
      previous: s.status === 'ready' ? s.preview : s.status === 'loading' ? s.previous : null,
    }));
    const controller = new AbortController();
    const timer = setTimeout(() => {
      call(SEGMENT_PREVIEW_PATH, parseSegmentPreview, {
        method: 'POST',
        body: { rule: trimmed, sample: 5 },
        signal: controller.signal,
      }).then(
        (preview) => setState({ status: 'ready', preview }),
        (error: unknown) => {
          if (isAbortError(error)) return;
          const apiError = toApiError(error);
          setState({ status: 'invalid', message: apiError.message, position: rulePosition(apiError) });
        },
      );
    }, LIVE_COUNT_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [trimmed, call]);

  return state;
}
