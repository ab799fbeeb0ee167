// The worker thread that reads one uploaded document (documents.ts) and extracts its targets
// (shared/extract.ts): the server stops it after its time limit, so a file that takes too long cannot
// hold the server. Plain JavaScript, because a worker thread does not inherit the TypeScript loader: it
// registers tsx itself, then loads the reader and the extractor.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { documentText, DocumentError } = await import('./documents.ts');
const { extractTargets } = await import('../../shared/extract.ts');
let answer;
try {
  const document = await documentText(workerData.fileName, workerData.bytes);
  answer = { ok: true, document, extraction: extractTargets(document.text, { documentYear: workerData.documentYear }) };
} catch (err) {
  answer = { ok: false, problem: err instanceof DocumentError ? err.problem : null, message: err instanceof Error ? err.message : String(err) };
}
// oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker thread's port, not a window: there is no origin
parentPort.postMessage(answer);
