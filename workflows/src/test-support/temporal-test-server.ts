// Temporal's time-skipping test server, for workflow tests whose timers last days. The TypeScript SDK
// would download its native build from temporal.download (not a package registry); the same server is
// published on Maven Central as io.temporal:temporal-test-server (its main class takes the same port
// argument), so it is installed from there into .tools/ with Maven on first use, and run with Java.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const VERSION = "1.31.0";
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

export class TemporalTestServerInstallError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TemporalTestServerInstallError";
  }
}

/** The path of an executable that starts the test server on the port it is given (installing it once). */
export function ensureTemporalTestServer(): string {
  const directory = path.join(projectRoot, ".tools", `temporal-test-server-${VERSION}`);
  const executable = path.join(directory, "temporal-test-server");
  const library = path.join(directory, "lib");
  const installed =
    existsSync(executable) &&
    existsSync(library) &&
    readdirSync(library).includes(`temporal-test-server-${VERSION}.jar`);
  if (installed) return executable;
  mkdirSync(directory, { recursive: true });
  writeFileSync(
    path.join(directory, "pom.xml"),
    `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>churchhub.tools</groupId><artifactId>temporal-test-server</artifactId><version>1</version>
  <dependencies><dependency><groupId>io.temporal</groupId><artifactId>temporal-test-server</artifactId>
    <version>${VERSION}</version></dependency></dependencies></project>
`,
  );
  try {
    execFileSync("mvn", ["-q", "-B", "dependency:copy-dependencies", `-DoutputDirectory=${library}`], {
      cwd: directory,
      stdio: ["ignore", "ignore", "pipe"],
      timeout: 600_000,
    });
  } catch (error) {
    throw new TemporalTestServerInstallError(
      `installing io.temporal:temporal-test-server ${VERSION} from Maven Central into ${directory} failed: Java 11+ and Maven (mvn) are needed once, with access to Maven Central`,
      { cause: error },
    );
  }
  writeFileSync(executable, `#!/bin/sh\nexec java -cp "${library}/*" io.temporal.testserver.TestServer "$@"\n`);
  chmodSync(executable, 0o755);
  return executable;
}
