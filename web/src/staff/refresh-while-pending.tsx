"use client";
// Reloads the page's server data every few seconds while a change is still being applied at Cal.com,
// so the person sees it settle (applied, or what to do) without reloading by hand.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function RefreshWhilePending({ pending }: { pending: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => router.refresh(), 2_000);
    return () => clearInterval(timer);
  }, [pending, router]);
  return null;
}
