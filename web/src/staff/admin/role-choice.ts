// A staff role as one form choice: "admin", or "host:<Cal.com user id>" (a host is always someone's host).
export type RoleChoice = { role: "admin" } | { role: "host"; calUserId: number };

export function roleChoiceValue(choice: RoleChoice): string {
  return choice.role === "admin" ? "admin" : `host:${choice.calUserId}`;
}

export function parseRoleChoice(value: string): RoleChoice | null {
  if (value === "admin") return { role: "admin" };
  const host = /^host:([1-9]\d{0,9})$/.exec(value);
  return host ? { role: "host", calUserId: Number(host[1]) } : null;
}
