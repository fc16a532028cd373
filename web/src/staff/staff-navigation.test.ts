// Which links each role sees in the staff navigation, and which one is marked as the current page.
import { describe, expect, it } from "vitest";
import { isCurrentNavItem, staffNavItems } from "./staff-navigation";

describe("staffNavItems", () => {
  it("gives a host their bookings and profile only", () => {
    expect(staffNavItems("host").map((item) => item.href)).toEqual(["/staff", "/staff/profile"]);
  });

  it("gives an administrator the admin pages between bookings and profile", () => {
    expect(staffNavItems("admin").map((item) => item.href)).toEqual([
      "/staff",
      "/staff/admin/hosts",
      "/staff/admin/staff",
      "/staff/admin/api-keys",
      "/staff/admin/reconciliation",
      "/staff/admin/access-log",
      "/staff/profile",
    ]);
  });
});

describe("isCurrentNavItem", () => {
  const [bookings, hosts] = staffNavItems("admin");

  it("marks Bookings on the list and on a booking's page, not on admin pages", () => {
    expect(isCurrentNavItem(bookings!, "/staff")).toBe(true);
    expect(isCurrentNavItem(bookings!, "/staff/bookings/abc")).toBe(true);
    expect(isCurrentNavItem(bookings!, "/staff/admin/hosts")).toBe(false);
  });

  it("marks an admin page on its path and below, not on a longer sibling name", () => {
    expect(isCurrentNavItem(hosts!, "/staff/admin/hosts")).toBe(true);
    expect(isCurrentNavItem(hosts!, "/staff/admin/hosts/42")).toBe(true);
    expect(isCurrentNavItem(hosts!, "/staff/admin/hostsx")).toBe(false);
    expect(isCurrentNavItem(hosts!, "/staff")).toBe(false);
  });
});
