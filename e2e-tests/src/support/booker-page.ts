// What a visitor does on the booking page, in terms of what the page shows.
import type { Locator, Page } from "playwright-core";

/** A slot the Booker offers and has not greyed out (the Booker's own test ids). */
export function bookableSlots(page: Page): Locator {
  return page.locator('[data-testid="time"][data-disabled="false"]');
}

/** Waits until the Booker's entrance animations (inline opacity) have finished, e.g. before a screenshot. */
export async function bookerSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    `[...document.querySelectorAll('.calcom-atoms [style*="opacity"]')].every((element) => element.style.opacity === '' || element.style.opacity === '1')`,
  );
}

export async function openBookingPage(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: "domcontentloaded" });
}

/** Picks the first offered slot, fills the form and confirms; returns the slot's start (ISO). */
export async function bookFirstSlot(page: Page, visitor: { name: string; email: string }): Promise<string> {
  const slot = bookableSlots(page).first();
  await slot.waitFor({ state: "visible", timeout: 30_000 });
  const start = (await slot.getAttribute("data-time")) ?? "";
  await slot.click();
  await page.getByLabel("Your name").fill(visitor.name);
  await page.getByLabel("Email address").fill(visitor.email);
  await page.locator('[data-testid="confirm-book-button"]').click();
  await page.getByRole("heading", { name: "You’re booked" }).waitFor({ timeout: 30_000 });
  return start;
}
