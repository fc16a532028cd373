// Same-origin passage to the staff sign-in (Better Auth in the api): the browser keeps its session
// cookie for this site and never talks to the api itself. A route handler rather than a rewrite so the
// api's address is read at run time (rewrites are fixed at build time), and so the client's address is
// passed on in X-Forwarded-For for the api's sign-in rate limit and access log.
import type { NextRequest } from "next/server";
import { webSettings } from "../../../../config/web-settings";

export const dynamic = "force-dynamic";

const FORWARDED_REQUEST_HEADERS = ["cookie", "content-type", "origin", "referer", "user-agent", "accept"];
const RETURNED_RESPONSE_HEADERS = ["content-type", "location", "cache-control"];

async function pass(request: NextRequest): Promise<Response> {
  const target = `${webSettings().API_URL}${request.nextUrl.pathname}${request.nextUrl.search}`;
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  const client = request.headers.get("x-forwarded-for");
  if (client) headers.set("x-forwarded-for", client);
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const answer = await fetch(target, {
    method: request.method,
    headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
    redirect: "manual",
    cache: "no-store",
    signal: AbortSignal.timeout(15_000),
  });
  const responseHeaders = new Headers();
  for (const name of RETURNED_RESPONSE_HEADERS) {
    const value = answer.headers.get(name);
    if (value) responseHeaders.set(name, value);
  }
  for (const cookie of answer.headers.getSetCookie()) responseHeaders.append("set-cookie", cookie);
  return new Response(answer.status === 204 ? null : await answer.arrayBuffer(), {
    status: answer.status,
    headers: responseHeaders,
  });
}

export const GET = pass;
export const POST = pass;
