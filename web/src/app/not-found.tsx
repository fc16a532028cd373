// Unknown host, event type or address: one answer, which says nothing about accounts elsewhere.
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main id="main" className="page page--narrow">
      <div className="notice" data-testid="not-found">
        <h1>We couldn’t find that booking page</h1>
        <p>
          The link may be mistyped or no longer in use. Please check it, or ask your church office for the right one.
        </p>
      </div>
    </main>
  );
}
