// The staff sign-in page: email for a one-time link, or a passkey. Shows why a link did not work.
import type { Metadata } from "next";
import { SignInForm } from "../../../staff/sign-in-form";

export const metadata: Metadata = { title: "Staff sign-in" };

const linkProblems: Record<string, string> = {
  INVALID_TOKEN: "That sign-in link has been used or has expired. Ask for a new one below.",
  new_user_signup_disabled: "There is no staff account for that address. Staff accounts are by invitation.",
};

export default async function StaffSignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  return (
    <main id="main" className="staff-main">
      <h1>Staff sign-in</h1>
      {error && <p role="alert">{linkProblems[error] ?? "That sign-in did not work. Please try again."}</p>}
      <SignInForm />
    </main>
  );
}
