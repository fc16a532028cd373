// Makes, cancels and reschedules bookings at the Cal.com emulator over HTTP, as a visitor would.
import { readJson } from "./pipeline.js";

export function emulatorBookings(calUrl: string) {
  async function freeSlots(eventTypeId: number): Promise<string[]> {
    const from = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 12 * 86_400_000).toISOString();
    const body = await readJson(
      await fetch(`${calUrl}/slots/available?eventTypeId=${eventTypeId}&startTime=${from}&endTime=${to}&timeZone=UTC`),
    );
    return Object.values(body.data.slots as Record<string, Array<{ time: string }>>).flatMap((day) =>
      day.map((slot) => slot.time),
    );
  }

  return {
    freeSlots,
    async book(eventTypeId: number, attendee: { name: string; email: string }, slotIndex = 0): Promise<string> {
      const start = (await freeSlots(eventTypeId))[slotIndex]!;
      const response = await fetch(`${calUrl}/bookings`, {
        method: "POST",
        headers: { "content-type": "application/json", "cal-api-version": "2024-08-13" },
        body: JSON.stringify({ start, eventTypeId, attendee: { ...attendee, timeZone: "Europe/London" } }),
      });
      if (response.status !== 201) throw new Error(`booking failed: ${response.status} ${await response.text()}`);
      return (await readJson(response)).data.uid;
    },
    async cancel(uid: string, cancellationReason: string): Promise<void> {
      const response = await fetch(`${calUrl}/bookings/${uid}/cancel`, {
        method: "POST",
        headers: { "content-type": "application/json", "cal-api-version": "2024-08-13" },
        body: JSON.stringify({ cancellationReason }),
      });
      if (response.status !== 200) throw new Error(`cancel failed: ${response.status}`);
    },
    async reschedule(uid: string, start: string): Promise<string> {
      const response = await fetch(`${calUrl}/bookings/${uid}/reschedule`, {
        method: "POST",
        headers: { "content-type": "application/json", "cal-api-version": "2024-08-13" },
        body: JSON.stringify({ start, reschedulingReason: "Clashes with choir practice" }),
      });
      if (response.status !== 201) throw new Error(`reschedule failed: ${response.status} ${await response.text()}`);
      return (await readJson(response)).data.uid;
    },
  };
}
