// What Trunk runs after every build (Trunk.toml, post_build hook), on the files
// in its staging directory, before they go to dist/:
//
// 1. wasm-bindgen's `--target web` glue (article-reader.js) becomes a factory,
//    so that every <article-reader> gets a WebAssembly instance of its own
//    (README, "Isolation"). The glue wasm-bindgen writes is a module with one
//    `wasm` variable at its top level: one instance per page, for as long as
//    the page lives (an ES module is never unloaded). Wrapped in a function,
//    each call makes a fresh copy of the glue around a fresh instance, and
//    dropping the copy lets the instance and its memory be collected. A trap
//    then stops one reader, never the others. The glue's shape is checked:
//    a wasm-bindgen upgrade that changes it fails the build rather than
//    silently bringing the shared instance back.
// 2. What a page loads loses what is only for the sources: the JavaScript (the
//    glue, reader.js and the snippets the glue imports) its comment lines, and
//    reader.css its comments and the white space around braces and
//    semicolons. About 6 KB gzipped of the size budget.
//
// Usage: node scripts/post-build.mjs [directory]   (default: $TRUNK_STAGING_DIR)

import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const directory = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!directory) throw new Error('usage: post-build.mjs <directory> (or run by Trunk)');

/** `source` without its comment lines: `//` lines and `/** … *\/` blocks that
 * stand on lines of their own, so no string or expression is ever cut. */
function withoutComments(source) {
  const kept = [];
  let inBlock = false;
  for (const line of source.split('\n')) {
    const trimmed = line.trim();
    if (inBlock) {
      inBlock = !trimmed.endsWith('*/');
    } else if (trimmed.startsWith('/**')) {
      inBlock = !trimmed.endsWith('*/');
    } else if (!trimmed.startsWith('//')) {
      kept.push(line);
    }
  }
  return kept.join('\n');
}

/** `css` without comments, and without the white space around `{`, `}` and
 * `;` and at the ends of lines, which never changes what CSS means outside
 * strings (reader.css has no braces or semicolons inside strings). */
function minifiedCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n')
    .replace(/\s*([{};])\s*/g, '$1');
}

/** The glue wrapped in `createInstance()`, which returns what it exported.
 * Its imports (the JavaScript snippets the Rust code binds, such as
 * src/web/markup.js) stay at the top of the module: they hold no instance's
 * state, so every instance shares them. */
function factory(glue, file) {
  const END = 'export { initSync, __wbg_init as default };';
  if (!glue.includes(`\n${END}`)) throw new Error(`post-build: ${file} does not end with the expected exports`);
  const names = [];
  const imports = [];
  const body = glue
    .split('\n')
    .map((line) => {
      const declared = /^export (class|function|async function) ([A-Za-z_$][\w$]*)/.exec(line);
      if (declared) {
        names.push(declared[2]);
        return line.slice('export '.length);
      }
      if (line === END) return '';
      if (/^import (\{[\w$, ]+\}|\* as [\w$]+) from (['"])\.\/snippets\/[^'"]+\2;?$/.test(line)) {
        imports.push(line);
        return '';
      }
      if (/^\s*(export|import)\b/.test(line)) throw new Error(`post-build: unexpected line in ${file}: ${line}`);
      return line;
    })
    .join('\n');
  return `${imports.join('\n')}\nexport function createInstance() {\n${body}\nreturn { init: __wbg_init, initSync, ${names.join(', ')} };\n}\n`;
}

const glue = join(directory, 'article-reader.js');
const source = await readFile(glue, 'utf8');
// `trunk serve` may run this again on files it already wrapped.
if (!source.includes('\nexport function createInstance()')) {
  await writeFile(glue, factory(withoutComments(source), glue));
}
const loader = join(directory, 'reader.js');
await writeFile(loader, withoutComments(await readFile(loader, 'utf8')));
const stylesheet = join(directory, 'reader.css');
await writeFile(stylesheet, minifiedCss(await readFile(stylesheet, 'utf8')));
const snippets = await readdir(join(directory, 'snippets'), { recursive: true }).catch(() => []);
for (const name of snippets.filter((n) => n.endsWith('.js'))) {
  const file = join(directory, 'snippets', name);
  await writeFile(file, withoutComments(await readFile(file, 'utf8')));
}
