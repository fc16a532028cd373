// createBoundedIdMemory: remembers up to its capacity and forgets the oldest first.
import { describe, expect, it } from "vitest";
import { createBoundedIdMemory } from "./bounded-id-memory.js";

describe("createBoundedIdMemory", () => {
  it("never holds more than its capacity, however many ids it is given", () => {
    const memory = createBoundedIdMemory(100);
    for (let id = 0; id < 10_000; id++) memory.remember(String(id));
    expect(memory.size).toBe(100);
    expect(memory.has("9999")).toBe(true);
    expect(memory.has("9900")).toBe(true);
    expect(memory.has("9899")).toBe(false);
  });

  it("forgets the oldest id first, and does not count an id twice", () => {
    const memory = createBoundedIdMemory(2);
    memory.remember("a");
    memory.remember("b");
    memory.remember("a");
    expect(memory.size).toBe(2);
    memory.remember("c");
    expect(["a", "b", "c"].map((id) => memory.has(id))).toEqual([false, true, true]);
  });

  it("refuses a capacity that could not hold anything", () => {
    expect(() => createBoundedIdMemory(0)).toThrow(RangeError);
  });
});
