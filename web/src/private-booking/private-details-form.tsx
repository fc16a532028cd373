// The first step of a private booking: our own short form, before Cal.com's Booker. Every field is
// optional; what is typed goes to our api only (sealed there, shown to the host in the staff area) and
// never to Cal.com, which gets a pseudonym and an address made for this booking instead.
"use client";

import { useId, useState, useTransition } from "react";
import type { PrivateIdentity } from "./private-booking-api";
import { startPrivateBookingAction } from "./private-booking-actions";
import type { PrivateDetailField, PrivateDetailsRefusal } from "./private-details-refusal";
import "./private-booking.css";

export interface PrivateBookingStart {
  identity: PrivateIdentity;
  linkPath: string;
}

const FIELDS: Array<{ name: PrivateDetailField; label: string; type: string; autoComplete: string; hint: string }> = [
  { name: "name", label: "Your name", type: "text", autoComplete: "name", hint: "So your host knows who is coming." },
  {
    name: "email",
    label: "Email address",
    type: "email",
    autoComplete: "email",
    hint: "Only if you would like reminders by email.",
  },
  { name: "phone", label: "Phone number", type: "tel", autoComplete: "tel", hint: "Only if your host may call you." },
];

export function PrivateDetailsForm({
  eventTypeId,
  hostName,
  onStarted,
}: {
  eventTypeId: number;
  hostName: string;
  onStarted: (started: PrivateBookingStart) => void;
}) {
  const id = useId();
  const [refusal, setRefusal] = useState<PrivateDetailsRefusal | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(form: FormData) {
    const value = (name: PrivateDetailField) => String(form.get(name) ?? "");
    startTransition(async () => {
      const result = await startPrivateBookingAction({
        eventTypeId,
        name: value("name"),
        email: value("email"),
        phone: value("phone"),
      });
      if (result.ok) onStarted({ identity: result.identity, linkPath: result.linkPath });
      else setRefusal({ fieldErrors: result.fieldErrors, message: result.message });
    });
  }

  return (
    <form
      className="private-details"
      data-testid="private-details"
      aria-labelledby={`${id}-title`}
      // Not a form action: React resets a form after its action, and a refused field must keep what was typed.
      onSubmit={(event) => {
        event.preventDefault();
        submit(new FormData(event.currentTarget));
      }}
      noValidate
    >
      <h2 id={`${id}-title`} className="private-details-title">
        Book privately
      </h2>
      <p className="private-details-intro">
        Cal.com, our scheduling service, and {hostName}’s calendar will know you only by a made-up name such as “Guest
        4821”. Anything you enter here stays with us, protected, and only {hostName} sees it. Every field is optional.
      </p>
      {refusal?.message ? (
        <p role="alert" className="private-details-error">
          {refusal.message}
        </p>
      ) : null}
      {FIELDS.map((field) => {
        const error = refusal?.fieldErrors[field.name];
        return (
          <div key={field.name} className="private-details-field">
            <label htmlFor={`${id}-${field.name}`} className="private-details-label">
              {field.label} <span className="private-details-optional">(optional)</span>
            </label>
            <p id={`${id}-${field.name}-hint`} className="private-details-hint">
              {field.hint}
            </p>
            <input
              id={`${id}-${field.name}`}
              name={field.name}
              type={field.type}
              autoComplete={field.autoComplete}
              aria-describedby={`${id}-${field.name}-hint${error ? ` ${id}-${field.name}-error` : ""}`}
              aria-invalid={error ? true : undefined}
            />
            {error ? (
              <p id={`${id}-${field.name}-error`} className="private-details-error">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      <div>
        <button type="submit" className="button" data-testid="private-continue" disabled={pending}>
          {pending ? "One moment…" : "Continue to choose a time"}
        </button>
      </div>
    </form>
  );
}
