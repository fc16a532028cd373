// Cal.com private links of one sensitive event type: a host hands one out for a single booking (one use
// by default), for a number of uses, or until a date, and revokes it. Created and read at Cal.com with the
// host's own token (through the api's workflow); Cal.com's refusals are shown with what to do.
import type { Metadata } from "next";
import Link from "next/link";
import { loadStaffData } from "../../../../staff/staff-page-data";
import { createPrivateLink, revokePrivateLink } from "../../../../staff/sensitive-actions";
import type { PrivateLink } from "../../../../staff/sensitive-types";

export const metadata: Metadata = { title: "Private links" };
export const dynamic = "force-dynamic";

const idOf = (value: string | string[] | undefined) => {
  const id = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(id) && id > 0 ? id : 0;
};

const limitOf = (link: PrivateLink) =>
  link.expiresAt
    ? `until ${new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(link.expiresAt))}`
    : `${link.usageCount ?? 0} of ${link.maxUsageCount ?? 1} use${link.maxUsageCount === 1 ? "" : "s"}`;

export default async function PrivateLinksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  const calUserId = idOf(query.host);
  const eventTypeId = idOf(query.eventType);
  const notice = typeof query.notice === "string" ? query.notice : null;
  const { links } = await loadStaffData<{ links: PrivateLink[] }>(
    `/staff/sensitive/hosts/${calUserId}/event-types/${eventTypeId}/private-links`,
  );
  return (
    <main id="main" className="staff-main">
      <p>
        <Link href={`/staff/sensitive?host=${calUserId}`}>← Sensitive mode</Link>
      </p>
      <h1>Private links</h1>
      <p>A private link books this event type without it being listed anywhere. Give each person their own.</p>
      {notice && (
        <p role="alert" className="staff-card">
          {notice}
        </p>
      )}
      <form action={createPrivateLink} className="staff-card staff-stack">
        <input type="hidden" name="calUserId" value={calUserId} />
        <input type="hidden" name="eventTypeId" value={eventTypeId} />
        <label htmlFor="maxUsageCount">Number of bookings (empty: one)</label>
        <input id="maxUsageCount" name="maxUsageCount" type="number" min={1} max={1000} />
        <label htmlFor="expiresOn">Or valid until (instead of a number)</label>
        <input id="expiresOn" name="expiresOn" type="date" />
        <button type="submit" className="staff-button">
          Create a private link
        </button>
      </form>
      {links.length === 0 ? (
        <p>No private links yet.</p>
      ) : (
        <table className="staff-table" data-testid="private-links">
          <caption className="visually-hidden">Private links</caption>
          <thead>
            <tr>
              <th scope="col">Link</th>
              <th scope="col">Valid</th>
              <th scope="col">Revoke</th>
            </tr>
          </thead>
          <tbody>
            {links.map((link) => (
              <tr key={link.linkId}>
                <td>
                  <code>{link.bookingUrl}</code>
                </td>
                <td>{link.isExpired ? "Expired" : limitOf(link)}</td>
                <td>
                  <form action={revokePrivateLink}>
                    <input type="hidden" name="calUserId" value={calUserId} />
                    <input type="hidden" name="eventTypeId" value={eventTypeId} />
                    <input type="hidden" name="linkId" value={link.linkId} />
                    <button type="submit" className="staff-button staff-button-secondary">
                      Revoke
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
