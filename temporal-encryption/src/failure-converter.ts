// Loaded by path inside the workflow sandbox and by the clients: failure messages and stack traces
// are moved into encoded attributes (and so through the encryption codec) instead of plain text.
import { DefaultFailureConverter } from "@temporalio/common";

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
