// Loads the Booker in the browser only: it crashes when rendered on the server.
"use client";

import dynamic from "next/dynamic";
import { BookerSkeleton } from "./booker-skeleton";
import type { PublicBookerProps } from "./public-booker";

const loadPublicBooker = () => import("./public-booker").then((module) => module.PublicBooker);

// The Booker's chunk is large (the atoms bundle Cal.com's whole booking UI): start fetching it as soon
// as this module runs in the browser, alongside hydration, rather than when the component first renders.
if (typeof window !== "undefined") void loadPublicBooker();

// `ssr: false` is only allowed from a client component (Next 15 rejects it in server components).
const PublicBooker = dynamic(loadPublicBooker, { ssr: false, loading: () => <BookerSkeleton /> });

export function BookerLoader(props: PublicBookerProps) {
  return <PublicBooker {...props} />;
}
