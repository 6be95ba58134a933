#!/usr/bin/env node
// Fails when the outline scores on the real-document corpus fall below the
// thresholds of README "Structure on real documents".
//
//   node scripts/check-corpus.mjs SCORE_OUTPUT
//
// SCORE_OUTPUT is what `node ../shared/corpus/score.mjs dist ../shared/corpus`
// printed. The scorer itself exits 0 whatever the scores (1 only when a document
// could not be shown); this reads its per-group totals and per-document rows.

import fs from 'node:fs';

/** Every group: heading recall, precision and level agreement, in percent. */
const MIN_HEADINGS = 95;
/** Share of listed footer lines dropped, and of expected points found. */
const MIN_FOOTERS = 90;
const MIN_POINTS = 80;
/** Input lines still in the visible text. Metadata lines (`作者：… 发布时间：…`)
 * become the byline, shown without their labels, so a few lines are not found
 * verbatim; article text is never dropped. */
const MIN_KEPT = 99;
/** Documents with nothing to enumerate: any point there is invented. */
const NO_POINTS = ['11-en-pg-what-i-worked-on.txt'];
/**
 * Known shortfalls, each with the floor it may not fall below. Plain text that
 * was Markdown with its `#` marks removed says nothing about how deep an
 * unnumbered heading is; README "Structure on real documents" explains what the
 * reader infers. Delete an entry to make its threshold strict again.
 */
const WAIVERS = [
  { group: 'en (plain twins)', metric: 'level', floor: 73.6 },
  { group: 'zh (plain twins)', metric: 'level', floor: 75.9 },
  { group: 'all plain twins', metric: 'level', floor: 92.0 },
];

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/check-corpus.mjs SCORE_OUTPUT');
  process.exit(2);
}
const lines = fs.readFileSync(file, 'utf8').split('\n');
const failures = [];
const waived = [];

const failed = lines.filter(l => / FAILED: /.test(l));
for (const l of failed) failures.push(`could not show: ${l.trim()}`);

// "  cn (as published)   docs  3  headings   82  detected ... lines kept  99.3%"
const GROUP = /^ {2}(.+?) +docs +\d+ +headings +(\d+) .*recall +([\d.]+|-)%? +precision +([\d.]+|-)%? +level +([\d.]+|-)%? +title (\d+)\/(\d+) +author (\d+)\/(\d+) +footer (\d+)\/(\d+) +junk (\d+)\/(\d+) +points (\d+)\/(\d+) +lines kept +([\d.]+|-)/;
const percent = s => (s === '-' ? null : Number(s));
let groups = 0;
for (const l of lines) {
  const m = GROUP.exec(l.replace(/ {2}-  %/g, ' -%'));
  if (!m) continue;
  groups++;
  const [, name, headings, recall, precision, level, titles, docs, authors, docs2,
    footersDropped, footers, junkDropped, junk, pointsFound, points, kept] = m;
  const check = (metric, value, min) => {
    if (value === null || value >= min) return;
    const waiver = WAIVERS.find(w => w.group === name && w.metric === metric);
    const text = `${name}: ${metric} ${value.toFixed(1)}% < ${min}%`;
    if (waiver && value >= waiver.floor) waived.push(`${text} (known shortfall, floor ${waiver.floor}%)`);
    else failures.push(text);
  };
  if (Number(headings) > 0) {
    check('recall', percent(recall), MIN_HEADINGS);
    check('precision', percent(precision), MIN_HEADINGS);
    check('level', percent(level), MIN_HEADINGS);
  }
  if (titles !== docs) failures.push(`${name}: titles ${titles}/${docs}`);
  if (authors !== docs2) failures.push(`${name}: authors ${authors}/${docs2}`);
  if (Number(footers) > 0) check('footers', (100 * footersDropped) / footers, MIN_FOOTERS);
  if (junkDropped !== junk) failures.push(`${name}: junk lines shown ${junk - junkDropped}/${junk}`);
  if (Number(points) > 0) check('points', (100 * pointsFound) / points, MIN_POINTS);
  check('lines kept', percent(kept), MIN_KEPT);
}
if (groups === 0) failures.push('no group totals in the scorer output');

// Per-document rows: "11-en-…txt   api  75043  535  0/1  0 … -/0  100.0"; points are the
// second to last column, found/expected/detected or -/detected.
for (const doc of NO_POINTS) {
  const row = lines.find(l => l.startsWith(doc + ' '));
  if (!row) {
    failures.push(`${doc}: no row in the scorer output`);
    continue;
  }
  const cells = row.trim().split(/\s+/);
  const detected = Number(cells[cells.length - 2].split('/').pop());
  if (detected !== 0) failures.push(`${doc}: ${detected} invented points`);
}

for (const w of waived) console.log(`waived: ${w}`);
if (failures.length) {
  for (const f of failures) console.error(`FAIL ${f}`);
  process.exit(1);
}
console.log(`corpus: all ${groups} groups meet the thresholds`);
