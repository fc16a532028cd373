// The staff area's header: who is signed in and as what, the pages their role may open, and sign-out.
// Wide screens show the navigation inline; narrow ones behind a menu button (a sheet). A navigation
// landmark, not a second banner: the root layout's header is the page's banner.
import type { StaffSession } from "../staff-api";
import { roleLabel, staffNavItems } from "../staff-navigation";
import { SignOutButton } from "../sign-out-button";
import { StaffMobileMenu } from "./staff-mobile-menu";
import { StaffNavLinks } from "./staff-nav-links";

export function StaffHeader({ person }: { person: StaffSession["person"] }) {
  const items = staffNavItems(person.role);
  return (
    <nav aria-label="Staff" className="border-b bg-card" data-testid="staff-header">
      <div className="mx-auto flex w-full max-w-6xl items-center gap-4 px-4 py-2 sm:px-6">
        <span className="font-semibold text-primary">Staff</span>
        <div className="hidden flex-1 lg:block">
          <StaffNavLinks items={items} orientation="horizontal" />
        </div>
        <div className="ml-auto hidden items-center gap-3 lg:flex">
          <p className="text-right text-sm leading-tight" data-testid="staff-person">
            <span className="block font-medium">{person.name}</span>
            <span className="block text-muted-foreground" data-testid="staff-role">
              {roleLabel(person.role)}
            </span>
          </p>
          <SignOutButton />
        </div>
        <p className="ml-auto min-w-0 truncate text-right text-sm lg:hidden">
          <span className="font-medium">{person.name}</span>
          <span className="text-muted-foreground"> · {roleLabel(person.role)}</span>
        </p>
        <div className="shrink-0 lg:hidden">
          <StaffMobileMenu person={{ name: person.name, role: person.role }} items={items} />
        </div>
      </div>
    </nav>
  );
}
