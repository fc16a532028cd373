// Sensitive mode: a host marks their Cal.com event types sensitive (an administrator, any host's), sets
// their default, and sees whether Cal.com holds the privacy settings; where it does not, the page says
// exactly what to do. The changes are applied at Cal.com by a workflow; the page refreshes until they settle.
import type { Metadata } from "next";
import Link from "next/link";
import type { StaffSession } from "../../../staff/staff-api";
import { loadStaffData } from "../../../staff/staff-page-data";
import { RefreshWhilePending } from "../../../staff/refresh-while-pending";
import { setEventTypeSensitive, setHostDefault } from "../../../staff/sensitive-actions";
import { type HostSensitiveView, STATE_LABELS } from "../../../staff/sensitive-types";

export const metadata: Metadata = { title: "Sensitive mode" };
export const dynamic = "force-dynamic";

const hostIdOf = (value: string | string[] | undefined) => {
  const id = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(id) && id > 0 ? id : null;
};

export default async function SensitiveModePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  const [session, { hosts }] = await Promise.all([
    loadStaffData<StaffSession>("/staff/session"),
    loadStaffData<{ hosts: Array<{ calUserId: number; name: string }> }>("/staff/sensitive/hosts"),
  ]);
  const calUserId =
    session.person.role === "admin" ? (hostIdOf(query.host) ?? hosts[0]?.calUserId ?? null) : session.person.calUserId;
  const notice = typeof query.notice === "string" ? query.notice : null;
  const view =
    calUserId === null
      ? null
      : await loadStaffData<HostSensitiveView>(`/staff/sensitive/hosts/${calUserId}/event-types`);
  const pending = view?.eventTypes.some((eventType) => eventType.settingsState === "pending") ?? false;

  return (
    <main id="main" className="staff-main">
      <p>
        <Link href="/staff">← Bookings</Link>
      </p>
      <h1>Sensitive mode</h1>
      <p>
        A sensitive event type leaves no trace of the person in calendars: Cal.com makes the calendar event private,
        leaves out the notes and your email address, gives it a neutral title, and asks only for a name and an email
        address.
      </p>
      {notice && (
        <p role="alert" data-testid="sensitive-notice" className="staff-card">
          {notice}
        </p>
      )}
      {session.person.role === "admin" && hosts.length > 0 && (
        <nav aria-label="Hosts">
          <ul>
            {hosts.map((host) => (
              <li key={host.calUserId}>
                <Link
                  href={`/staff/sensitive?host=${host.calUserId}`}
                  aria-current={host.calUserId === calUserId ? "page" : undefined}
                >
                  {host.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {view === null ? (
        <p>No Cal.com account is linked to you, so there are no event types to mark.</p>
      ) : (
        <>
          <RefreshWhilePending pending={pending} />
          {view.problem && (
            <div role="alert" data-testid="sensitive-problem" className="staff-card">
              <p>
                <strong>Cal.com did not list the event types.</strong>
              </p>
              <p>{view.problem.detail}</p>
            </div>
          )}
          <form action={setHostDefault} className="staff-card">
            <input type="hidden" name="calUserId" value={view.calUserId} />
            <input type="hidden" name="sensitive" value={view.hostDefault ? "false" : "true"} />
            <p>
              Default for event types without a choice of their own:{" "}
              <strong>{view.hostDefault ? "sensitive" : "not sensitive"}</strong>.
            </p>
            <button type="submit" className="staff-button staff-button-secondary">
              {view.hostDefault ? "Make the default not sensitive" : "Make sensitive the default"}
            </button>
          </form>
          <table className="staff-table" data-testid="sensitive-event-types">
            <caption className="visually-hidden">Event types and their sensitive mode</caption>
            <thead>
              <tr>
                <th scope="col">Event type</th>
                <th scope="col">Sensitive</th>
                <th scope="col">At Cal.com</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {view.eventTypes.map((eventType) => {
                const name = eventType.title ?? eventType.slug ?? `Event type ${eventType.id}`;
                return (
                  <tr key={eventType.id} data-testid={`sensitive-event-type-${eventType.id}`}>
                    <td>
                      {name}
                      {eventType.hidden ? " (hidden)" : ""}
                    </td>
                    <td>
                      {eventType.sensitive ? "Yes" : "No"}
                      {eventType.ownChoice ? "" : " (default)"}
                    </td>
                    <td>
                      {eventType.settingsState ? (
                        <>
                          <span data-testid="settings-state">{STATE_LABELS[eventType.settingsState]}</span>
                          {eventType.stateDetail && (
                            <p role={eventType.settingsState === "applied" ? undefined : "alert"}>
                              {eventType.stateDetail}
                            </p>
                          )}
                        </>
                      ) : (
                        "—"
                      )}
                      {eventType.sensitive && eventType.settingsState === "applied" && (
                        <p>
                          <Link href={`/staff/sensitive/links?host=${view.calUserId}&eventType=${eventType.id}`}>
                            Private links
                          </Link>
                        </p>
                      )}
                    </td>
                    <td>
                      <form action={setEventTypeSensitive}>
                        <input type="hidden" name="calUserId" value={view.calUserId} />
                        <input type="hidden" name="eventTypeId" value={eventType.id} />
                        <input type="hidden" name="sensitive" value={eventType.sensitive ? "false" : "true"} />
                        <button
                          type="submit"
                          className="staff-button"
                          aria-label={`${eventType.sensitive ? "Turn off sensitive mode for" : "Mark sensitive:"} ${name}`}
                        >
                          {eventType.sensitive ? "Turn off" : "Mark sensitive"}
                        </button>
                      </form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </main>
  );
}
