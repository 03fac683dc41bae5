// The latest progress event of a data operation (backup, restore, check, compact, clear).
import { useEffect, useState } from 'react';
import type { CoreEvent } from '../../../src-shared/api/events';
import { useApi } from '../../app/providers/api';

export type DataProgress = Extract<CoreEvent, { type: 'data.progress' }>;

export function useDataProgress(): DataProgress | null {
  const api = useApi();
  const [progress, setProgress] = useState<DataProgress | null>(null);
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'data.progress') setProgress(event);
      }),
    [api],
  );
  return progress;
}
