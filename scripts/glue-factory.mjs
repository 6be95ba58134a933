// Turns wasm-bindgen's `--target web` glue into a factory, so that every
// <article-reader> gets its own WebAssembly instance (README, "Isolation").
//
// The glue wasm-bindgen writes is a module with one `wasm` variable at its top
// level: one instance per page, for as long as the page lives (an ES module is
// never unloaded). Wrapped in a function, each call makes a fresh copy of the
// glue around a fresh instance, and dropping the copy lets the instance and its
// memory be collected. A trap (an abort, an out-of-memory) then stops one
// reader, never the others.
//
// Usage: node scripts/glue-factory.mjs [glue.js]   (rewrites it in place)
// Trunk runs it after every build (Trunk.toml, post_build hook), on the glue in
// its staging directory. It fails
// loudly if the glue has a shape it does not know, so a wasm-bindgen upgrade
// cannot silently bring the shared instance back.

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const MARK = '// glue-factory: wrapped';
const staged = process.env.TRUNK_STAGING_DIR && join(process.env.TRUNK_STAGING_DIR, 'article-reader.js');
const file = process.argv[2] ?? staged;
if (!file) throw new Error('usage: glue-factory.mjs <glue.js> (or run by Trunk)');
const source = await readFile(file, 'utf8');
if (source.startsWith(MARK)) process.exit(0); // already wrapped (trunk serve rebuilds)

const names = [];
const body = source
  .split('\n')
  .map((line) => {
    const declared = /^export (class|function|async function) ([A-Za-z_$][\w$]*)/.exec(line);
    if (declared) {
      names.push(declared[2]);
      return line.slice('export '.length);
    }
    if (line === 'export { initSync, __wbg_init as default };') return '';
    if (/^\s*(export|import)\b/.test(line)) throw new Error(`glue-factory: unexpected line in ${file}: ${line}`);
    return line;
  })
  .join('\n');
if (!source.includes('\nexport { initSync, __wbg_init as default };')) {
  throw new Error(`glue-factory: ${file} does not end with the expected exports`);
}

const wrapped = `${MARK}
/** A fresh copy of the glue, around an instance not yet made: call
 * \`init({ module_or_path })\` on it (a compiled \`WebAssembly.Module\` is
 * instantiated without compiling again). */
export function createInstance() {
${body}
return { init: __wbg_init, initSync, ${names.join(', ')} };
}
`;
await writeFile(file, wrapped);
