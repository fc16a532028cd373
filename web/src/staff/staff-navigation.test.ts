// Which links each role sees in the staff navigation, and which one is marked as the current page.
import { describe, expect, it } from "vitest";
import { isCurrentNavItem, staffNavItems } from "./staff-navigation";

describe("staffNavItems", () => {
  it("gives a host their bookings, questionnaires, sensitive mode and profile only", () => {
    expect(staffNavItems("host").map((item) => item.href)).toEqual([
      "/staff",
      "/staff/questionnaires",
      "/staff/sensitive",
      "/staff/profile",
    ]);
  });

  it("gives an administrator the admin pages between bookings and profile", () => {
    expect(staffNavItems("admin").map((item) => item.href)).toEqual([
      "/staff",
      "/staff/questionnaires",
      "/staff/sensitive",
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
  const items = staffNavItems("admin");
  const bookings = items.find((item) => item.key === "bookings");
  const hosts = items.find((item) => item.key === "hosts");

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
