import { useEffect, useState } from 'react';

/** The current time, updated every `everyMs` so ages and "stale since" stay true. */
export function useNow(now: () => number, everyMs = 1000): number {
  const [time, setTime] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setTime(now()), everyMs);
    return () => clearInterval(timer);
  }, [now, everyMs]);
  return time;
}
