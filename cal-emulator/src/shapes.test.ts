// Contract: the fields the published document requires and the emulator once left out: displayEmail on
// booking hosts and attendees (the managed user's +clientId dropped), an event type's bookingUrl, the
// default booking fields' label and placeholder, and the OAuth 2.0 client lookup /v2/auth/oauth2/clients/{id}.
import { describe, expect, it } from "vitest";
import { SANDBOX, useResetEmulatorPerTest } from "./test-support/start-emulator.js";

const api = useResetEmulatorPerTest();

describe("shapes", () => {
  it("gives hosts and attendees a displayEmail without the managed user's +clientId", async () => {
    const booked = await api.call("POST", "/bookings", {
      headers: { "cal-api-version": "2024-08-13" },
      body: {
        start: "2030-01-07T15:00:00Z",
        eventTypeId: SANDBOX.counsellingSession,
        attendee: { name: "Kim Ode", email: "kim@example.org", timeZone: "Europe/London" },
      },
    });
    const [host] = booked.body.data.hosts;
    expect(host.email).toBe("counsellor.david+clxsandbox0client@example.org");
    expect(host.displayEmail).toBe("counsellor.david@example.org");
    expect(booked.body.data.attendees[0].displayEmail).toBe("kim@example.org");
  });

  it("gives an event type its bookingUrl and the default fields a label and placeholder", async () => {
    const response = await api.call("GET", `/event-types?username=${SANDBOX.ordinaryAccount.username}`, {
      headers: { "cal-api-version": "2024-06-14" },
    });
    const [eventType] = response.body.data;
    expect(eventType.bookingUrl).toBe(`https://cal.com/${SANDBOX.ordinaryAccount.username}/${eventType.slug}`);
    const byslug = Object.fromEntries(eventType.bookingFields.map((field: { slug: string }) => [field.slug, field]));
    expect(byslug.name).toMatchObject({ label: "Your name", placeholder: "" });
    expect(byslug.email).toMatchObject({ label: "Email address", placeholder: "" });
    expect(byslug.notes).toMatchObject({
      label: "Additional notes",
      placeholder: "Please share anything that will help prepare for our meeting.",
    });
  });

  it("serves the OAuth 2.0 client lookup in snake_case, 404 for an unknown client", async () => {
    const found = await api.call("GET", `/auth/oauth2/clients/${SANDBOX.publicOAuth2Client.id}`);
    expect(found.body).toEqual({
      status: "success",
      data: {
        client_id: SANDBOX.publicOAuth2Client.id,
        redirect_uri: SANDBOX.publicOAuth2Client.redirectUri,
        name: "ChurchHub Booking kiosk (sandbox, public client)",
        logo: null,
        is_trusted: false,
        client_type: "PUBLIC",
      },
    });
    expect((await api.call("GET", "/auth/oauth2/clients/nobody")).status).toBe(404);
  });
});
