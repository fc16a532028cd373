// A clock tests move by hand; the emulator reads it wherever Cal.com would read "now".
export interface TestClock {
  now: () => Date;
  set(iso: string): void;
  advance(milliseconds: number): void;
}

export function createTestClock(startIso: string): TestClock {
  let current = new Date(startIso).getTime();
  return {
    now: () => new Date(current),
    set(iso) {
      current = new Date(iso).getTime();
    },
    advance(milliseconds) {
      current += milliseconds;
    },
  };
}
