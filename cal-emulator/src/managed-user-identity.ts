// How Cal.com names a managed user (oauth-clients-users.service.ts `getOAuthUserEmail`, then slugify):
// "anna@example.org" for client "clx1" is stored as "anna+clx1@example.org", username "anna-clx1-example-org".
export function managedUserEmail(clientId: string, email: string): string {
  const [local, domain] = email.split("@");
  return `${local}+${clientId}@${domain}`;
}

/** @calcom/lib slugify: lower-case, accents dropped, every run of other characters becomes one "-". */
export function slugify(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export function managedUserUsername(storedEmail: string): string {
  return slugify(storedEmail);
}
