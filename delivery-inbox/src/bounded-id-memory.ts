// Remembers ids up to a fixed number, forgetting the oldest first: the relay's memory of which
// unreadable inbox rows it already reported, which must not grow for as long as the worker runs.
// Forgetting one costs only a second report of that row.

interface BoundedIdMemory {
  has(id: string): boolean;
  remember(id: string): void;
  readonly size: number;
}

export function createBoundedIdMemory(capacity: number): BoundedIdMemory {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError("capacity must be a positive integer");
  // A Set iterates in insertion order, so its first entry is the oldest.
  const ids = new Set<string>();
  return {
    has: (id) => ids.has(id),
    remember(id) {
      if (ids.has(id)) return;
      if (ids.size >= capacity) ids.delete(ids.values().next().value!);
      ids.add(id);
    },
    get size() {
      return ids.size;
    },
  };
}
