// Recall and precision of the target extractor on the labelled texts of extract-eval-data.ts.
//   node --import tsx bench/extract-eval.ts            the totals, one line per text
//   node --import tsx bench/extract-eval.ts --verbose  also every miss and every false candidate
// Recall: the share of labelled targets found with the right value, unit, comparator and year.
// Precision: the share of candidates that are labelled targets (with all four right).
import { pathToFileURL } from 'node:url';
import { extractTargets, type Candidate } from '../shared/extract.ts';
import { EVAL_TEXTS, type LabelledTarget, type LabelledText } from './extract-eval-data.ts';

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
  return overlaps && sameValue(c.value, label.value) && c.unit === label.unit && c.comparator === label.comparator && c.targetYear === label.year;
}

export function scoreText(item: LabelledText): TextScore {
  const { candidates } = extractTargets(item.text, { documentYear: item.documentYear });
  const used = new Set<Candidate>();
  const misses: TextScore['misses'] = [];
  let matched = 0;
  for (const label of item.targets) {
    const start = item.text.indexOf(label.at);
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

export function scoreAll(texts: readonly LabelledText[] = EVAL_TEXTS) {
  const scores = texts.map(scoreText);
  const labels = scores.reduce((s, x) => s + x.labels, 0);
  const candidates = scores.reduce((s, x) => s + x.candidates, 0);
  const matched = scores.reduce((s, x) => s + x.matched, 0);
  return { scores, labels, candidates, matched, recall: labels ? matched / labels : 1, precision: candidates ? matched / candidates : 1 };
}

function describe(c: Candidate): string {
  return `“${c.quote}” → ${c.indicator.code ?? `?${c.indicator.phrase}`} ${c.comparator} ${c.value} ${c.unit} ${c.targetYear}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const verbose = process.argv.includes('--verbose');
  const result = scoreAll();
  for (const s of result.scores) {
    console.log(`${s.id.padEnd(16)} labels ${String(s.labels).padStart(2)}  candidates ${String(s.candidates).padStart(2)}  matched ${String(s.matched).padStart(2)}`);
    if (verbose) {
      for (const m of s.misses) console.log(`    miss: “${m.label.at}” ${m.label.comparator} ${m.label.value} ${m.label.unit} ${m.label.year}${m.near ? `; nearest: ${describe(m.near)}` : ''}`);
      for (const c of s.falseCandidates) console.log(`    not a labelled target: ${describe(c)}`);
    }
  }
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  for (const batch of ['A', 'B', 'C', 'D'] as const) {
    const b = scoreAll(EVAL_TEXTS.filter((x) => x.batch === batch));
    console.log(`\nbatch ${batch}: ${b.scores.length} texts, ${b.labels} labelled targets, ${b.candidates} candidates, ${b.matched} right: recall ${pct(b.recall)}  precision ${pct(b.precision)}`);
  }
  console.log(`all: ${EVAL_TEXTS.length} texts, ${result.labels} labelled targets, ${result.candidates} candidates, ${result.matched} right`);
  console.log(`recall ${pct(result.recall)}  precision ${pct(result.precision)}`);
}
