// Questionnaires end to end in Chromium: a host builds one with a branch in the staff area, previews both
// paths, publishes and attaches it; two visitors book and answer it on the booking page, one taking the
// branch and one not; the host reads the answers on each booking's staff page. Real api, worker,
// Postgres, Temporal, emulator and the built web app.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { inviteStaff } from "@churchhub/api";
import { freePort, linkIn } from "@churchhub/local-stack";
import { startPipeline, type Pipeline } from "@churchhub/test-support/pipeline";
import { waitUntil } from "@churchhub/test-support/wait-until";
import { axeViolations } from "./support/accessibility.js";
import { bookFirstSlot, openBookingPage } from "./support/booker-page.js";
import { STACK_START_TIMEOUT_MS } from "./support/booking-stack.js";
import { launchChromium } from "./support/chromium.js";
import { recordPageTraffic } from "./support/page-traffic.js";
import { buildWebAppOnce, startWebApp, type RunningWebApp } from "./support/web-app.js";

const run = Date.now();
const canary = `CANARY-grief-${run}`;

describe("questionnaire: build, publish, attach, answer, read", () => {
  let pipeline: Pipeline;
  let web: RunningWebApp;
  let browser: Browser;
  let hostContext: BrowserContext;
  let host: Page;
  let origin: string;
  let host7001: { username: string; id: number };
  const bookings: Record<"branch" | "noBranch", string> = { branch: "", noBranch: "" };

  beforeAll(async () => {
    await buildWebAppOnce();
    const webPort = await freePort();
    // localhost: the staff session cookie is set for the host name the links use.
    origin = `http://localhost:${webPort}`;
    pipeline = await startPipeline({ calEmulator: { platformWebhook: true }, staff: { publicUrl: origin } });
    web = await startWebApp({ apiUrl: pipeline.baseUrl, webServerToken: pipeline.webServerToken, port: webPort });
    const seeded = pipeline.cal!.emulator.fixtures.managedUsers[0]!;
    host7001 = { username: seeded.username, id: seeded.id };
    // The api learns the host's username when its Cal.com token is first minted (as host-facing pages do);
    // the questionnaire builder lists that host's event types through it.
    const minted = await fetch(`${pipeline.baseUrl}/tokens/cal/managed-user`, {
      method: "POST",
      headers: { authorization: `Bearer ${pipeline.webServerToken}`, "content-type": "application/json" },
      body: JSON.stringify({ username: seeded.username }),
    });
    expect(minted.status, await minted.clone().text()).toBe(200);
    browser = await launchChromium();
    hostContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    host = await hostContext.newPage();
  }, STACK_START_TIMEOUT_MS);

  afterAll(async () => {
    await hostContext?.close();
    await browser?.close();
    await web?.stop();
    await pipeline?.stop();
  });

  it("the host signs in and builds a questionnaire with a branch; the preview follows both paths", async () => {
    const email = `pastor-anna-${run}@example.org`;
    const staff = pipeline.staff!;
    await inviteStaff(
      { auth: staff.area.auth, links: staff.area.links, pool: staff.area.pool },
      { email, role: "host", calUserId: host7001.id, name: "Pastor Anna" },
    );
    const link = linkIn(await staff.inbox.waitForLatest(email), "/staff/auth/magic-link/verify");
    await host.goto(link);
    await host.waitForURL(`${origin}/staff`);

    await host.getByTestId("staff-nav-questionnaires").first().click();
    await host.waitForURL(`${origin}/staff/questionnaires`);
    await host.getByLabel("Title").fill("Before we meet");
    await host.getByRole("button", { name: "Create and open the builder" }).click();
    await host.waitForURL(/\/staff\/questionnaires\/[0-9a-f-]{36}$/);

    // Question 1: what the conversation is about (the branch's switch).
    await host.getByLabel("Question 1 type").selectOption("singleChoice");
    await host.getByLabel("Question 1 id").fill("topic");
    await host.getByLabel("Question 1 label").fill("What would you like to talk about?");
    await host.getByLabel("Question 1 required").check();
    await host.getByLabel("Question 1, choice 1 label").fill("Grief");
    await host.getByLabel("Question 1, choice 1 value").fill("grief");
    await host.getByLabel("Question 1, choice 2 label").fill("Something else");
    await host.getByLabel("Question 1, choice 2 value").fill("other");

    // Question 2, asked only on "Grief".
    await host.getByLabel("New question type for Section 1").selectOption("shortText");
    await host.getByRole("button", { name: "Add a question to section 1" }).click();
    await host.getByLabel("Question 2 id").fill("who-died");
    await host.getByLabel("Question 2 label").fill("Who died?");
    await host.getByLabel("Question 2 required").check();
    await host.getByRole("button", { name: "Add a condition to Question 2" }).click();
    await host.getByLabel("Value of Question 2, comparison 1").selectOption("grief");

    // Question 3, asked of everyone; added last, then moved above question 2 and back (reordering).
    await host.getByLabel("New question type for Section 1").selectOption("yesNo");
    await host.getByRole("button", { name: "Add a question to section 1" }).click();
    await host.getByLabel("Question 3 id").fill("first-visit");
    await host.getByLabel("Question 3 label").fill("Is this your first visit?");
    await host.getByLabel("Question 3 required").check();
    await host.getByRole("button", { name: "Move Question 3 up" }).click();
    expect(await host.getByLabel("Question 2 id").inputValue()).toBe("first-visit");
    await host.getByRole("button", { name: "Move Question 2 down" }).click();
    expect(await host.getByLabel("Question 3 id").inputValue()).toBe("first-visit");
    await host.getByText("No problems found.").waitFor();

    const preview = host.getByTestId("builder-preview");
    const whoDied = preview.locator('[data-question-id="who-died"]');
    // Path one: "Grief" opens the branch.
    await preview.getByLabel("Grief").check();
    await whoDied.waitFor();
    expect(await whoDied.textContent()).toContain("Who died?");
    await preview.getByTestId("questionnaire-submit").click();
    await whoDied.getByText('"who-died" is required').waitFor();
    await whoDied.getByLabel("Who died?").fill("My father");
    await preview.locator('[data-question-id="first-visit"]').getByLabel("Yes").check();
    await preview.getByTestId("questionnaire-submit").click();
    await preview.getByText("These answers would be accepted.").waitFor();
    // Path two: "Something else" closes it.
    await preview.getByRole("button", { name: "Start the preview again" }).click();
    await preview.getByLabel("Something else").check();
    expect(await preview.getByLabel("Something else").isChecked()).toBe(true);
    expect(await whoDied.count()).toBe(0);
    await preview.locator('[data-question-id="first-visit"]').getByLabel("No").check();
    await preview.getByTestId("questionnaire-submit").click();
    await preview.getByText("These answers would be accepted.").waitFor();

    const violations = await axeViolations(host);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  }, 120_000);

  it("publishes an immutable version and attaches it as required to the host's event type", async () => {
    await host.getByRole("button", { name: "Save and publish" }).click();
    await host.getByText("Published as version 1.").waitFor({ timeout: 20_000 });
    const attach = host.getByTestId("builder-attach");
    await attach.waitFor();
    expect(await attach.textContent()).toContain("Pastoral conversation");
    await attach.getByLabel("Event type to attach to").selectOption({ label: "Pastoral conversation" });
    await host.getByRole("radio", { name: "Required for visitors" }).check();
    await host.getByRole("button", { name: "Attach" }).click();
    await host.getByText("Attached as required.").waitFor({ timeout: 20_000 });
    const [version] = await pipeline.dataSource.query(
      `SELECT v.version, a.required FROM questionnaire_versions v
         JOIN questionnaire_attachments a ON a.questionnaire_id = v.questionnaire_id
        WHERE a.cal_event_type_id = 9001`,
    );
    expect(version).toEqual({ version: 1, required: true });
  }, 60_000);

  async function bookAndAnswer(visitorName: string, answer: (form: ReturnType<Page["getByTestId"]>) => Promise<void>) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const traffic = recordPageTraffic(page);
      await openBookingPage(page, `${web.url}/book/${host7001.username}/pastoral-conversation`);
      await bookFirstSlot(page, { name: visitorName, email: `visitor+${run}-${visitorName.length}@example.org` });
      const form = page.getByTestId("questionnaire");
      await form.waitFor();
      await answer(form);
      await form.getByTestId("questionnaire-submit").click();
      await page.getByTestId("questionnaire-done").waitFor({ timeout: 20_000 });
      const violations = await axeViolations(page, [".calcom-atoms"]);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
      const created = (await traffic.settled()).find(
        (exchange) => exchange.method === "POST" && exchange.url.endsWith("/v2/bookings"),
      );
      return (JSON.parse(created?.responseBody ?? "{}") as { data?: { uid?: string } }).data?.uid ?? "";
    } finally {
      await context.close();
    }
  }

  it("a visitor books and answers with the branch taken", async () => {
    bookings.branch = await bookAndAnswer("Visitor Grief", async (form) => {
      await form.getByLabel("Grief").check();
      await form.locator('[data-question-id="who-died"]').getByLabel("Who died?").fill(canary);
      await form.locator('[data-question-id="first-visit"]').getByLabel("Yes").check();
    });
    expect(bookings.branch).not.toBe("");
  }, 120_000);

  it("another visitor books and answers with the branch not taken", async () => {
    bookings.noBranch = await bookAndAnswer("Visitor Other", async (form) => {
      await form.getByLabel("Something else").check();
      expect(await form.getByLabel("Something else").isChecked()).toBe(true);
      expect(await form.locator('[data-question-id="who-died"]').count()).toBe(0);
      await form.locator('[data-question-id="first-visit"]').getByLabel("No").check();
    });
    expect(bookings.noBranch).not.toBe("");
  }, 120_000);

  it("the host reads each booking's answers on its staff page", async () => {
    for (const uid of Object.values(bookings)) {
      await waitUntil(`the response of booking ${uid} linked`, async () => {
        const rows = await pipeline.dataSource.query(
          "SELECT 1 FROM questionnaire_responses WHERE booking_uid = $1 AND linked_at IS NOT NULL",
          [uid],
        );
        return rows.length === 1;
      });
    }
    await host.goto(`${origin}/staff/bookings/${bookings.branch}`);
    const branchAnswers = host.getByTestId("booking-answers");
    await branchAnswers.waitFor();
    expect(await branchAnswers.locator('[data-answer-question-id="topic"]').textContent()).toContain("Grief");
    expect(await branchAnswers.locator('[data-answer-question-id="who-died"]').textContent()).toContain(canary);

    await host.goto(`${origin}/staff/bookings/${bookings.noBranch}`);
    const otherAnswers = host.getByTestId("booking-answers");
    await otherAnswers.waitFor();
    expect(await otherAnswers.locator('[data-answer-question-id="topic"]').textContent()).toContain("Something else");
    expect(await otherAnswers.locator('[data-answer-question-id="first-visit"]').textContent()).toContain("No");
    expect(await otherAnswers.locator('[data-answer-question-id="who-died"]').count()).toBe(0);

    // The answers were stored sealed: the canary is not in the table in clear.
    const clear = await pipeline.dataSource.query(
      "SELECT count(*)::int AS n FROM questionnaire_responses WHERE answers_encrypted::text LIKE $1",
      [`%${canary}%`],
    );
    expect(clear[0].n).toBe(0);
  }, 120_000);
});
