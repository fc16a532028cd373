// After a private booking: the private link, the only way back to the booking (Cal.com's mails go to an
// address nobody reads). Shown once; we keep only its hash, so it cannot be sent again.
"use client";

import { useEffect, useState } from "react";

export function PrivateLinkNotice({ linkPath }: { linkPath: string }) {
  // The page's own origin, so the link is the one the person is on (known in the browser only).
  const [url, setUrl] = useState(linkPath);
  useEffect(() => setUrl(new URL(linkPath, window.location.origin).toString()), [linkPath]);
  return (
    <section className="private-link-notice" aria-labelledby="private-link-heading">
      <h3 id="private-link-heading">Your private link</h3>
      <p>
        Keep this link somewhere safe: it is the only way to see, cancel or change this appointment, and we cannot send
        it to you again.
      </p>
      <p>
        <a href={linkPath} data-testid="private-link" className="private-link">
          {url}
        </a>
      </p>
    </section>
  );
}
