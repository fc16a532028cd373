import { describe, expect, it } from "vitest";
import { readFieldErrors } from "./private-details-refusal";

describe("readFieldErrors", () => {
  it("puts each problem the api names beside its field", () => {
    const body = {
      error: { code: "bad_request", message: "email: must be an email address; phone: must have 6 to 15 digits" },
    };
    expect(readFieldErrors(body)).toEqual({
      fieldErrors: { email: "Email must be an email address.", phone: "Phone number must have 6 to 15 digits." },
    });
  });

  it("keeps the first problem of a field, and a general message for what names no field", () => {
    const body = {
      error: { message: "phone: must be a phone number; phone: must have 6 to 15 digits; body: Unrecognized key" },
    };
    expect(readFieldErrors(body)).toEqual({
      fieldErrors: { phone: "Phone number must be a phone number." },
      message: "Your details could not be accepted. Please check them.",
    });
  });

  it("reads an answer it does not understand as one general message", () => {
    expect(readFieldErrors("<html>")).toEqual({
      fieldErrors: {},
      message: "Your details could not be accepted. Please check them.",
    });
  });
});
