// The staff sign-in page: email for a one-time link, or a passkey. Shows why a link did not work.
import type { Metadata } from "next";
import { Alert, AlertDescription } from "../../../components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader } from "../../../components/ui/card";
import { SignInForm } from "../../../staff/sign-in-form";

export const metadata: Metadata = { title: "Staff sign-in" };

const linkProblems: Record<string, string> = {
  INVALID_TOKEN: "That sign-in link has been used or has expired. Ask for a new one below.",
  new_user_signup_disabled: "There is no staff account for that address. Staff accounts are by invitation.",
};

export default async function StaffSignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  return (
    <main id="main" tabIndex={-1} className="mx-auto grid w-full max-w-md gap-4 px-4 py-10 outline-none">
      <Card>
        <CardHeader>
          <h1 className="font-semibold text-2xl tracking-tight">Staff sign-in</h1>
          <CardDescription>For the church&rsquo;s pastors, counsellors and administrators.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {error && (
            <Alert variant="destructive" role="alert" data-testid="sign-in-link-problem">
              <AlertDescription>
                {linkProblems[error] ?? "That sign-in did not work. Please try again."}
              </AlertDescription>
            </Alert>
          )}
          <SignInForm />
        </CardContent>
      </Card>
    </main>
  );
}
