// The inputs that once froze the tab (README "Benchmarks", hard inputs):
// 100,000 Markdown headings, an HTML page of 50,000 headings and links,
// 500,000 short lines of plain text, a text with no line breaks, a page of one
// enormous paragraph and Markdown tables of 20,000 and 100,000 rows, each under the 5 MB
// limit. For each, in one run of headless Chromium: the longest main-thread
// task while opening (the target is none over 200 ms), how many took longer,
// the time to the whole article findable, and the reader's WebAssembly
// memory then (it keeps its peak) as a multiple of the input's size. Prints
// figures; passes or fails nothing.
// Usage: node bench/hard-inputs.mjs <dist dir> <dir to write the inputs to>

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serve, launch, repoRoot } from '../tests/e2e/support.mjs';

const [distDir = join(repoRoot, 'dist'), outDir = join(repoRoot, 'bench/out')] = process.argv.slice(2).map((p) => resolve(p));
const range = (n, f) => Array.from({ length: n }, (_, i) => f(i)).join('');
// The seed's sentences, for text that reads like text.
const seed = await readFile(join(repoRoot, 'static/articles/seed.txt'), 'utf8');
const sentences = seed.split('\n').filter((l) => l.length > 80).flatMap((l) => l.split(/(?<=。)/));
const prose = (bytes) => {
  const parts = [];
  for (let size = 0, i = 0; size < bytes; i += 1) {
    const sentence = sentences[i % sentences.length];
    parts.push(sentence);
    size += Buffer.byteLength(sentence);
  }
  return parts.join('');
};
const INPUTS = [
  {
    name: '100,000 Markdown headings (3.4 MB)',
    file: 'headings-100k.md',
    text: () => `# 标题\n\n${range(100_000, (i) => `## 第 ${i + 1} 节\n\n短文${i}。\n\n`)}`,
  },
  {
    name: 'HTML page, 50,000 headings and links (4.5 MB)',
    file: 'headings-50k.html',
    text: () => `<!doctype html><html><head><title>大页面</title></head><body><h1>标题</h1>${range(50_000, (i) => `<h2>第 ${i + 1} 节</h2><p>短文${i}。<a href="/x/${i}" style="color:red">链接</a></p>`)}</body></html>`,
  },
  {
    name: '500,000 short lines (4.9 MB)',
    file: 'lines-500k.txt',
    text: () => `短行\n\n${range(500_000, (i) => `${i}行\n`)}`,
  },
  {
    name: 'plain text without a line break (4.5 MB)',
    file: 'one-line.txt',
    text: () => prose(4_500_000),
  },
  {
    name: 'HTML page, one paragraph of 4 MB',
    file: 'one-paragraph.html',
    text: () => `<!doctype html><html><head><title>一段</title></head><body><h1>一段</h1><p>${prose(4_000_000)}</p></body></html>`,
  },
  {
    name: 'Markdown table of 20,000 rows (0.9 MB)',
    file: 'table-20k.md',
    text: () => `# 大表\n\n| 序号 | 名称 | 说明 |\n|---|---|---|\n${range(20_000, (i) => `| ${i} | 名称${i} | 说明文字${i} |\n`)}`,
  },
  {
    name: 'Markdown table of 100,000 rows (4.4 MB)',
    file: 'table-100k.md',
    text: () => `# 大表\n\n| 序号 | 名称 | 说明 |\n|---|---|---|\n${range(100_000, (i) => `| ${i} | 名称${i} | 说明文字${i} |\n`)}`,
  },
];

await mkdir(outDir, { recursive: true });
for (const input of INPUTS) {
  const text = input.text();
  input.bytes = Buffer.byteLength(text);
  await writeFile(join(outDir, input.file), text);
}

const server = await serve({ mounts: { '/': distDir, '/bench/': join(repoRoot, 'bench'), '/articles/': outDir } });
const browser = await launch();
const rows = [];
try {
  for (const input of INPUTS) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.origin}/bench/reader.html?article=${encodeURIComponent(`/articles/${input.file}`)}`);
    await page.waitForFunction(() => window.bench?.findable != null, null, { timeout: 600_000, polling: 100 });
    // What the page does after (suggestions, say) is part of opening too.
    await page.waitForTimeout(1000);
    rows.push({ input, ...(await page.evaluate((key) => ({
      findable: bench.findable,
      longest: Math.max(0, ...bench.longtasks.map((t) => t.duration)),
      over: bench.longtasks.filter((t) => t.duration > 200).length,
      memory: document.querySelector('article-reader')[Symbol.for(key)].memory.buffer.byteLength,
    }), 'article-reader.internals')) });
    await page.close();
    console.error(`${input.file}: done`);
  }
} finally {
  await browser.close();
  await server.close();
}
console.log('\n| hard input | whole article findable | longest main-thread task (≤ 200 ms) | tasks over 200 ms | WebAssembly memory |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) {
  const memory = `${(r.memory / 1024 / 1024).toFixed(0)} MB (${(r.memory / r.input.bytes).toFixed(0)}×)`;
  console.log(`| ${r.input.name} | ${(r.findable / 1000).toFixed(2)} s | ${r.longest.toFixed(0)} ms | ${r.over} | ${memory} |`);
}
