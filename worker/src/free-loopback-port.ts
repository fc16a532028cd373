// A free TCP port on loopback: for the Temporal SDK's metrics exporter when none is set, and (as local-stack's
// freePort) for the servers that dev, tests and the bench start side by side.
import { createServer } from "node:net";

export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
