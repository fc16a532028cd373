// A stand-in for the api's one endpoint the web server calls, `GET /hosts/{username}` (bearer: the web
// server's token), answering given hosts as the api's contract says, so the booking page can be tried
// with a kind of host the api does not serve yet (an ordinary Cal.com account, `calProvider: "oauth2"`).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The api's answer for one host: `{username, name, eventTypes, church, calApiUrl, calClientId, calProvider}`. */
export interface HostAnswer {
  username: string;
  name: string;
  church: { name: string };
  calApiUrl: string;
  calClientId: string;
  calProvider: 'platform' | 'oauth2';
  eventTypes: { id: number; slug: string; title: string; lengthInMinutes: number; description: string | null }[];
}

export interface HostsApiStandIn {
  url: string;
  /** The usernames asked for, in order, with whether the bearer token was the expected one. */
  lookups: { username: string; authorized: boolean }[];
  close(): Promise<void>;
}

export async function startHostsApiStandIn(settings: { webServerToken: string; hosts: HostAnswer[] }): Promise<HostsApiStandIn> {
  const lookups: HostsApiStandIn['lookups'] = [];
  const server = createServer((request, response) => {
    const match = /^\/hosts\/([^/?]+)$/.exec(request.url ?? '');
    const authorized = request.headers.authorization === `Bearer ${settings.webServerToken}`;
    if (match) lookups.push({ username: decodeURIComponent(match[1]!), authorized });
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (!authorized) return reply(401, { error: { code: 'unauthorized', message: 'Bearer token required' } });
    const host = match && request.method === 'GET' ? settings.hosts.find((candidate) => candidate.username === decodeURIComponent(match[1]!)) : undefined;
    if (!host) return reply(404, { error: { code: 'not_found', message: 'No host with that username here' } });
    reply(200, host);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    lookups,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
