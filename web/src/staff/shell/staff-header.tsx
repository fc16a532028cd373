// The staff area's header: who is signed in and as what, the pages their role may open, and sign-out.
// Wide screens show the navigation inline; narrow ones behind a menu button (a sheet).
import type { StaffSession } from "../staff-api";
import { roleLabel, staffNavItems } from "../staff-navigation";
import { SignOutButton } from "../sign-out-button";
import { StaffMobileMenu } from "./staff-mobile-menu";
import { StaffNavLinks } from "./staff-nav-links";

export function StaffHeader({ person }: { person: StaffSession["person"] }) {
  const items = staffNavItems(person.role);
  return (
    <header className="border-b bg-card" data-testid="staff-header">
      <div className="mx-auto flex w-full max-w-6xl items-center gap-4 px-4 py-2 sm:px-6">
        <span className="font-semibold text-primary">Staff</span>
        <nav aria-label="Staff" className="hidden flex-1 lg:block">
          <StaffNavLinks items={items} orientation="horizontal" />
        </nav>
        <div className="ml-auto hidden items-center gap-3 lg:flex">
          <p className="text-right text-sm leading-tight" data-testid="staff-person">
            <span className="block font-medium">{person.name}</span>
            <span className="block text-muted-foreground" data-testid="staff-role">
              {roleLabel(person.role)}
            </span>
          </p>
          <SignOutButton />
        </div>
        <div className="ml-auto lg:hidden">
          <StaffMobileMenu person={{ name: person.name, role: person.role }} items={items} />
        </div>
      </div>
    </header>
  );
}
