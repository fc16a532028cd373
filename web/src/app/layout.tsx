// The page shell every route shares: language, skip link, ChurchHub header, system fonts only.
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "ChurchHub Booking", template: "%s · ChurchHub Booking" },
  description: "Book a time with someone from your church.",
  // A booking page is shared by link, not found by search.
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#2f5d50" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <span className="site-brand">ChurchHub</span>
        </header>
        {children}
      </body>
    </html>
  );
}
