// Recall and precision of the target extractor (`npm run bench:extract`, also run first by `npm run bench`).
//   node --import tsx bench/extract-eval.ts            the tuning set by batch, then the held-out set
//   node --import tsx bench/extract-eval.ts --verbose  also every miss and every false candidate
//   … --no-documents                                    skip reading the held-out set from .docx and PDF
// Recall: the share of labelled targets found with the right value, unit, comparator and year (and the
// stretch value where one is labelled). Precision: the share of proposed targets that are labelled ones.
// A candidate attached to another (`alternativeOf`: a 力争 value, a restatement) is not a proposal.
// The held-out set (extract-heldout-data.ts) is kept apart from the rules; its texts are also made into a .docx and
// two PDFs (fonts embedded, and STSong without a font), read back by the server's document reader, and
// the candidates must be the same as from the pasted text.
import { pathToFileURL } from 'node:url';
import { extractTargets, type Candidate } from '../shared/extract.ts';
import { EVAL_TEXTS, type LabelledTarget } from './extract-eval-data.ts';
import { HELD_OUT_FIRST, HELD_OUT_SECOND, HELD_OUT_TEXTS } from './extract-heldout-data.ts';

export interface Labelled {
  id: string;
  documentYear: number | null;
  text: string;
  targets: LabelledTarget[];
}

export interface TextScore {
  id: string;
  labels: number;
  candidates: number;
  matched: number;
  misses: { label: LabelledTarget; near: Candidate | undefined }[];
  falseCandidates: Candidate[];
}

const sameValue = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)));

export function matches(c: Candidate, label: LabelledTarget, labelStart: number): boolean {
  const overlaps = c.span.start < labelStart + label.at.length && labelStart < c.span.end;
  return overlaps && sameValue(c.value, label.value) && c.unit === label.unit && c.comparator === label.comparator && c.targetYear === label.year
    && (label.stretch === undefined || sameValue(c.stretchValue, label.stretch));
}

/** The targets proposed for a text: candidates that are not another's alternative. */
export const proposed = (candidates: readonly Candidate[]) => candidates.filter((c) => c.alternativeOf === null);

export function scoreText(item: Labelled, text = item.text): TextScore {
  const candidates = proposed(extractTargets(text, { documentYear: item.documentYear }).candidates);
  const used = new Set<Candidate>();
  const misses: TextScore['misses'] = [];
  let matched = 0;
  for (const label of item.targets) {
    const start = text.indexOf(label.at);
    if (start < 0) throw new Error(`${item.id}: label "${label.at}" is not in the text`);
    const hit = candidates.find((c) => !used.has(c) && matches(c, label, start));
    if (hit) {
      used.add(hit);
      matched++;
    } else {
      misses.push({ label, near: candidates.find((c) => c.span.start < start + label.at.length && start < c.span.end) });
    }
  }
  return { id: item.id, labels: item.targets.length, candidates: candidates.length, matched, misses, falseCandidates: candidates.filter((c) => !used.has(c)) };
}

export function scoreAll(texts: readonly Labelled[], textOf: (item: Labelled) => string = (item) => item.text) {
  const scores = texts.map((item) => scoreText(item, textOf(item)));
  const labels = scores.reduce((s, x) => s + x.labels, 0);
  const candidates = scores.reduce((s, x) => s + x.candidates, 0);
  const matched = scores.reduce((s, x) => s + x.matched, 0);
  return { scores, labels, candidates, matched, recall: labels ? matched / labels : 1, precision: candidates ? matched / candidates : 1 };
}

function describe(c: Candidate): string {
  return `“${c.quote}” → ${c.indicator.code ?? `?${c.indicator.phrase}`} ${c.comparator} ${c.value} ${c.unit} ${c.targetYear}${c.stretchValue !== null ? ` (力争 ${c.stretchValue})` : ''}`;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function report(title: string, result: ReturnType<typeof scoreAll>, verbose: boolean): void {
  if (verbose) {
    for (const s of result.scores) {
      console.log(`${s.id.padEnd(18)} labels ${String(s.labels).padStart(2)}  candidates ${String(s.candidates).padStart(2)}  matched ${String(s.matched).padStart(2)}`);
      for (const m of s.misses) console.log(`    miss: “${m.label.at}” ${m.label.comparator} ${m.label.value} ${m.label.unit} ${m.label.year}${m.label.stretch !== undefined ? ` (力争 ${m.label.stretch})` : ''}${m.near ? `; nearest: ${describe(m.near)}` : ''}`);
      for (const c of s.falseCandidates) console.log(`    not a labelled target: ${describe(c)}`);
    }
  }
  console.log(`${title}: ${result.scores.length} texts, ${result.labels} labelled targets, ${result.candidates} proposed, ${result.matched} right: recall ${pct(result.recall)}  precision ${pct(result.precision)}`);
}

/** The held-out texts read back from a .docx and two PDFs: the same candidates as the pasted text? */
async function throughDocuments(verbose: boolean): Promise<void> {
  const { docxOf, hasCjkFont, pdfOf, plainPdfOf } = await import('../server/testing/documents.ts');
  const { documentText } = await import('../server/services/documents.ts');
  const makers: [string, (text: string) => Promise<Uint8Array>][] = [
    ['.docx', docxOf],
    ...(hasCjkFont() ? [['PDF (embedded font)', pdfOf] as [string, (text: string) => Promise<Uint8Array>]] : []),
    ['PDF (STSong, no font)', async (text: string) => plainPdfOf(text)],
  ];
  const key = (c: Candidate) => JSON.stringify([c.indicator.code ?? c.indicator.phrase, c.comparator, c.value, c.unit, c.targetYear, c.stretchValue, c.alternativeOf, c.quote]);
  for (const [name, make] of makers) {
    const texts = new Map<string, string>();
    let same = 0;
    const started = performance.now();
    for (const item of HELD_OUT_TEXTS) {
      const read = (await documentText(`${item.id}${name.startsWith('.') ? name : '.pdf'}`, await make(item.text))).text;
      texts.set(item.id, read);
      const pasted = extractTargets(item.text, { documentYear: item.documentYear }).candidates.map(key);
      const fromFile = extractTargets(read, { documentYear: item.documentYear }).candidates.map(key);
      if (JSON.stringify(pasted) === JSON.stringify(fromFile)) same++;
      else if (verbose) console.log(`    ${item.id}: differs from the pasted text\n      ${pasted.join('\n      ')}\n    from ${name}:\n      ${fromFile.join('\n      ')}`);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    report(`held out, from ${name}`, scoreAll(HELD_OUT_TEXTS, (item) => texts.get(item.id)!), false);
    console.log(`  the same candidates as pasted: ${same} of ${HELD_OUT_TEXTS.length} texts (written and read in ${seconds} s)`);
  }
  if (!hasCjkFont()) console.log('  (no CJK font at /usr/share/fonts/truetype/wqy: the embedded-font PDF was skipped; apt-get install -y fonts-wqy-microhei)');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const verbose = process.argv.includes('--verbose');
  console.log('Tuning set (extract-eval-data.ts: the rules were written on these):');
  for (const batch of ['A', 'B', 'C', 'D'] as const) report(`  batch ${batch}`, scoreAll(EVAL_TEXTS.filter((x) => x.batch === batch)), verbose);
  report('  all', scoreAll(EVAL_TEXTS), false);
  console.log('\nHeld-out set (extract-heldout-data.ts: kept apart from the rules; README says what each batch found when first measured):');
  report('  first batch, pasted', scoreAll(HELD_OUT_FIRST), verbose);
  report('  second batch, pasted', scoreAll(HELD_OUT_SECOND), verbose);
  report('  both, pasted', scoreAll(HELD_OUT_TEXTS), false);
  if (!process.argv.includes('--no-documents')) await throughDocuments(verbose);
}
