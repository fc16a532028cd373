// The pages for signed-in staff: header (name, role, navigation by role, sign-out) and the page's <main>,
// which the root layout's skip link targets. No session → the sign-in page. Pages put their content only.
import type { ReactNode } from "react";
import { StaffHeader } from "../../../staff/shell/staff-header";
import { loadStaffSession } from "../../../staff/staff-session";

export const dynamic = "force-dynamic";

export default async function SignedInStaffLayout({ children }: { children: ReactNode }) {
  const session = await loadStaffSession();
  return (
    <>
      <StaffHeader person={session.person} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl px-4 pt-6 pb-12 outline-none sm:px-6">
        {children}
      </main>
    </>
  );
}
