// Loads the Booker in the browser only: it crashes when rendered on the server.
'use client';

import dynamic from 'next/dynamic';
import { BookerSkeleton } from './booker-skeleton';
import type { PublicBookerProps } from './public-booker';

// `ssr: false` is only allowed from a client component (Next 15 rejects it in server components).
const PublicBooker = dynamic(() => import('./public-booker').then((module) => module.PublicBooker), {
  ssr: false,
  loading: () => <BookerSkeleton />,
});

export function BookerLoader(props: PublicBookerProps) {
  return <PublicBooker {...props} />;
}
