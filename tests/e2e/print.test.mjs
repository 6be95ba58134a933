// Printing: the article as a document. The PDF Chromium prints (page.pdf)
// is read back with poppler's pdftotext and pdftoppm (scripts/setup.sh
// installs poppler-utils).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { testBed, openReader, inReader, dist, artifacts } from './support.mjs';

const bed = testBed({ mounts: { '/': dist } });

/** The text of pages `first` to `last` of a PDF file. */
const pdfText = (file, first = 1, last = 999) => execFileSync('pdftotext', ['-f', `${first}`, '-l', `${last}`, '-layout', file, '-'], { encoding: 'utf8' });

/** Page `n` rendered as pixels: { width, height, rgb } (a binary PPM read by hand). */
async function pdfPage(file, n) {
  const prefix = join(artifacts, `print-page-${n}`);
  execFileSync('pdftoppm', ['-f', `${n}`, '-l', `${n}`, '-r', '50', '-singlefile', '-png', file, prefix]);
  execFileSync('pdftoppm', ['-f', `${n}`, '-l', `${n}`, '-r', '50', '-singlefile', file, prefix]);
  const ppm = await readFile(`${prefix}.ppm`);
  const [, width, height] = ppm.toString('latin1', 0, 20).match(/^P6\s+(\d+)\s+(\d+)\s+255\s/);
  const header = ppm.indexOf('255', 2) + 4;
  return { width: Number(width), height: Number(height), rgb: ppm.subarray(header) };
}

/** Share of a page's pixels that are dark (text) and light (paper). */
function inkAndPaper({ rgb }) {
  let dark = 0;
  let light = 0;
  for (let i = 0; i < rgb.length; i += 3) {
    const y = 0.2126 * rgb[i] + 0.7152 * rgb[i + 1] + 0.0722 * rgb[i + 2];
    if (y < 80) dark += 1;
    if (y > 235) light += 1;
  }
  const pixels = rgb.length / 3;
  return { dark: dark / pixels, light: light / pixels };
}

test('a dark-themed reader prints its article as a document: title first, every section, no chrome', async () => {
  // Dark theme, a keyword, a folded section: what a reader would have on screen.
  const page = await openReader(bed, '/', { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
  await page.evaluate(() => document.querySelector('article-reader').setKeywords(['人才']));
  await page.waitForFunction(() => document.querySelector('article-reader').shadowRoot.querySelector('.ar-chip'));
  await page.locator('.ar-level-1:nth-of-type(2) .ar-fold').click();
  const folded = await inReader(page, (root) => {
    const body = root.querySelector('.ar-level-1:nth-of-type(2) .ar-section-body');
    return { hidden: body.hasAttribute('hidden'), text: body.querySelector('.ar-paragraph').textContent.slice(0, 12) };
  });
  assert.ok(folded.hidden, 'the second section is folded on screen');
  const count = await page.evaluate(() => document.querySelector('article-reader').matchCounts()['人才']);

  await mkdir(artifacts, { recursive: true });
  const file = join(artifacts, 'print.pdf');
  await writeFile(file, await page.pdf({ format: 'A4', margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } }));

  const first = pdfText(file, 1, 1).split('\n').map((l) => l.trim()).filter(Boolean);
  assert.equal(first[0], '在新征程中书写组织工作新答卷', `page 1 starts with the title, not: ${first.slice(0, 3)}`);
  const pageOne = first.join('\n');
  assert.match(pageOne, /黄灵杰/, 'the byline follows');
  assert.match(pageOne, new RegExp(`关键词[\\s\\S]*人才\\s*共 ${count} 处`), 'a legend of the keywords and their counts');
  assert.match(pageOne, /目录[\s\S]*一、深刻感悟[\s\S]*四、/, 'the outline as a table of contents');

  const all = pdfText(file).replace(/\s+/g, '');
  assert.ok(all.includes(folded.text), `the folded section's text "${folded.text}" is printed`);
  for (const chrome of ['添加关键词', '建议', '全词', '清除', '全部展开', '阅读时间', '已收起', '匹配位置']) {
    assert.ok(!all.includes(chrome), `no "${chrome}" from the toolbar or the outline panel`);
  }

  // Dark on white, whatever the theme on screen; two pages to look at.
  for (const n of [1, 2]) {
    const { dark, light } = inkAndPaper(await pdfPage(file, n));
    assert.ok(light > 0.6, `page ${n} is white paper (${light})`);
    assert.ok(dark > 0.005, `page ${n} has dark text (${dark})`);
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the table of contents is a setting', async () => {
  const page = await openReader(bed, '/', { viewport: { width: 1280, height: 900 } });
  await page.locator('#ar-settings-toggle').click();
  await page.locator('.ar-check input').uncheck();
  const file = join(artifacts, 'print-no-contents.pdf');
  await mkdir(artifacts, { recursive: true });
  await writeFile(file, await page.pdf({ format: 'A4' }));
  const pageOne = pdfText(file, 1, 1);
  assert.ok(!/目录/.test(pageOne), 'no table of contents');
  assert.match(pageOne.trim(), /^在新征程中书写组织工作新答卷/);
  assert.deepEqual(page.problems, []);
  await page.close();
});
