// The front page: who can be booked here, each linking to their booking page. Public names only: the
// list carries nothing a visitor could not read on the booking pages themselves.
import type { Metadata } from "next";
import Link from "next/link";
import { webSettings } from "../config/web-settings";
import { fetchPublicHosts, type PublicHost } from "../hosts/fetch-public-hosts";

export const metadata: Metadata = { title: "Book a time" };
// Read per request from the api (hosts come and go; nothing is known at build time).
export const dynamic = "force-dynamic";

export default async function HostListPage() {
  let hosts: PublicHost[] | null;
  try {
    hosts = await fetchPublicHosts({ apiUrl: webSettings().API_URL, fetch });
  } catch (error) {
    console.error("front page: the list of hosts is unavailable", error);
    hosts = null;
  }
  return (
    <main id="main" className="page page--narrow">
      <h1>Book a time</h1>
      {hosts === null ? (
        <div className="notice" role="alert" data-testid="hosts-unavailable">
          <p>We can’t show the list right now. Please try again in a minute.</p>
        </div>
      ) : hosts.length === 0 ? (
        <p>No one can be booked here yet.</p>
      ) : (
        <>
          <p>Choose who you would like to meet.</p>
          <ul className="host-list" data-testid="host-list">
            {hosts.map((host) => (
              <li key={host.path}>
                <Link href={host.path}>{host.name}</Link>
                {host.publicName ? <span className="host-list-name"> {host.path}</span> : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
