// The staff area's navigation: which pages a person's role may open, and which one is the current page.
import type { StaffRole } from "./staff-api";

export interface StaffNavItem {
  href: string;
  label: string;
  /** Stable test id of the link: `staff-nav-<key>`. */
  key: string;
}

const everyone: StaffNavItem[] = [{ href: "/staff", label: "Bookings", key: "bookings" }];
const administrators: StaffNavItem[] = [
  { href: "/staff/admin/hosts", label: "Hosts", key: "hosts" },
  { href: "/staff/admin/staff", label: "Staff", key: "staff" },
  { href: "/staff/admin/api-keys", label: "API keys", key: "api-keys" },
  { href: "/staff/admin/reconciliation", label: "Reconciliation", key: "reconciliation" },
  { href: "/staff/admin/access-log", label: "Access log", key: "access-log" },
];
const profile: StaffNavItem = { href: "/staff/profile", label: "Profile", key: "profile" };

export function staffNavItems(role: StaffRole): StaffNavItem[] {
  return [...everyone, ...(role === "admin" ? administrators : []), profile];
}

/** Bookings is current on the list and on a booking's page; every other item on its own path and below. */
export function isCurrentNavItem(item: StaffNavItem, pathname: string): boolean {
  if (item.href === "/staff") return pathname === "/staff" || pathname.startsWith("/staff/bookings/");
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}

export const roleLabel = (role: StaffRole) => (role === "admin" ? "Administrator" : "Host");
