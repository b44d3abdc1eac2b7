/** A clock whose sleeps return at once and move time forward, recording each wait. */
export interface FakeClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  advance(ms: number): void;
  sleeps: number[];
}

/** 2025-01-01T00:00:00Z: a real epoch, so HTTP dates in Retry-After mean something. */
export const EPOCH = Date.UTC(2025, 0, 1);

export function fakeClock(start = EPOCH): FakeClock {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
    advance: (ms) => {
      t += ms;
    },
    sleeps
  };
}
