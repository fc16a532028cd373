// Every /staff page, signed in or not: the staff area's stylesheet (Tailwind and shadcn/ui's theme) is
// loaded here only, so it never reaches the public booking page.
import type { ReactNode } from "react";
import "./staff.css";

export default function StaffAreaLayout({ children }: { children: ReactNode }) {
  return <div className="min-h-[calc(100vh-3.5rem)] bg-background font-sans text-foreground">{children}</div>;
}
