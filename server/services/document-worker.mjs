// The worker thread that reads one uploaded document (documents.ts): the server stops it after its time
// limit, so a file that takes too long cannot hold the server. Plain JavaScript, because a worker thread
// does not inherit the TypeScript loader: it registers tsx itself, then loads the reader.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { documentText, DocumentError } = await import('./documents.ts');
let answer;
try {
  answer = { ok: true, document: await documentText(workerData.fileName, workerData.bytes) };
} catch (err) {
  answer = { ok: false, problem: err instanceof DocumentError ? err.problem : null, message: err instanceof Error ? err.message : String(err) };
}
// oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker thread's port, not a window: there is no origin
parentPort.postMessage(answer);
