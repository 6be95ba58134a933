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
//    silently bringing the shared instance back. Every call into a Rust
//    closure reports a trap to the loader (see `watchingTraps`).
// 2. Release builds only: the names by which each WebAssembly module and its
//    glue call each other (wasm-bindgen's `__wbg_focus_0a8d513ea5d8338e`,
//    `wasm_bindgen_…___convert__closures_____invoke…`: a random hash each,
//    which gzip cannot compress) become one or two letters, in the module
//    (binaryen's wasm-opt `--minify-imports-and-exports-and-modules`) and in
//    its glue alike, by the mapping wasm-opt prints. About 8 KB gzipped.
// 3. What a page loads loses what is only for the sources: the JavaScript (the
//    glue, reader.js and the snippets the glue imports) is minified by terser
//    (comments, white space, local names), and reader.css loses its comments
//    and the white space around braces and semicolons.
//
// Usage: node scripts/post-build.mjs [directory] [--release]
//   (default: $TRUNK_STAGING_DIR, and release when $TRUNK_PROFILE says so)

import { execFileSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';

const directory = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? process.env.TRUNK_STAGING_DIR;
if (!directory) throw new Error('usage: post-build.mjs <directory> (or run by Trunk)');
const release = process.argv.includes('--release') || process.env.TRUNK_PROFILE === 'release';

/** An ES module's `source` minified: no comments or white space, short local
 * names; top-level and exported names, properties and strings stay. */
async function minified(source, file) {
  const { code } = await minify(source, { module: true, compress: true, mangle: true });
  if (!code) throw new Error(`post-build: terser returned nothing for ${file}`);
  return code;
}

/** Gives the imports and exports of `wasmFile` names of a letter or two, and
 * renames them the same way in `glue`, wasm-bindgen's JavaScript for it
 * (which names its import module after itself, `./name_bg.js`). */
function withShortNames(glue, wasmFile, module) {
  const wasmOpt = join(process.cwd(), 'node_modules', '.bin', 'wasm-opt');
  // The features the module uses, as Trunk's wasm-opt run allows them (not
  // `--all-features`, which would write imports in an encoding browsers lack).
  const features = ['bulk-memory', 'nontrapping-float-to-int', 'sign-ext', 'mutable-globals', 'reference-types', 'multivalue'];
  const args = [wasmFile, ...features.map((f) => `--enable-${f}`), '--minify-imports-and-exports-and-modules', '-o', wasmFile];
  const printed = execFileSync(wasmOpt, args, { encoding: 'utf8' });
  const mapping = JSON.parse(printed.slice(printed.indexOf('{')));
  const once = (text, from, to, what) => {
    const parts = text.split(from);
    if (parts.length !== 2) throw new Error(`post-build: ${what} found ${parts.length - 1} times in the glue of ${wasmFile}`);
    return parts.join(to);
  };
  let renamed = once(glue, `"${module}": import0`, '"a": import0', 'the import module');
  for (const [, name, short] of mapping.imports) renamed = once(renamed, `\n        ${name}: function`, `\n        ${short}: function`, name);
  // Exports are read as `wasm.name`.
  for (const [name, short] of mapping.exports) renamed = renamed.replace(new RegExp(`\\bwasm\\.${name}\\b`, 'g'), `wasm.${short}`);
  return renamed;
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

/** The glue with every call into a Rust closure (an event handler, a timer,
 * a promise's callback: wasm-bindgen's makeClosure and makeMutClosure) told
 * to `onTrap` when it traps. Release builds panic by trapping at once
 * (scripts/build.sh), so this is how the loader learns that an instance
 * failed outside its own calls, and says so in the widget. */
function watchingTraps(glue, file) {
  let watched = glue;
  for (const call of ['return f(state.a, state.b, ...args);', 'return f(a, state.b, ...args);']) {
    const from = `${call}\n        } finally {`;
    const parts = watched.split(from);
    if (parts.length !== 2) throw new Error(`post-build: "${call}" is not in ${file} once`);
    watched = parts.join(`${call}\n        } catch (error) {\n            if (error instanceof WebAssembly.RuntimeError) onTrap?.(error);\n            throw error;\n        } finally {`);
  }
  return `let onTrap = null;\n${watched}`;
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
  // `memory`: the instance's memory, for the tests that measure it;
  // `onTrap`: who to tell when a call into the instance traps.
  const extras = 'memory: () => wasm.memory, onTrap: (handler) => { onTrap = handler; }';
  return `${imports.join('\n')}\nexport function createInstance() {\n${watchingTraps(body, file)}\nreturn { init: __wbg_init, initSync, ${extras}, ${names.join(', ')} };\n}\n`;
}

// Each module's glue: the reader's, made a factory, and the Markdown module's.
for (const [stem, wrap] of [['article-reader', true], ['markdown', false]]) {
  const glue = join(directory, `${stem}.js`);
  let source = await readFile(glue, 'utf8');
  // `trunk serve` may run this again on files it already changed.
  if (source.includes('\nexport function createInstance()') || !source.includes('__wbg_get_imports')) continue;
  if (wrap) source = factory(source, glue);
  if (release) source = withShortNames(source, join(directory, `${stem}_bg.wasm`), `./${stem}_bg.js`);
  await writeFile(glue, await minified(source, glue));
}
// The loader starts loading the snippets the reader's glue imports at once,
// beside the glue: left to the glue's own imports they would come one round
// trip after it. Their paths (with wasm-bindgen's hash) are known only now.
const loader = join(directory, 'reader.js');
const readerGlue = await readFile(join(directory, 'article-reader.js'), 'utf8');
const snippetPaths = [...new Set([...readerGlue.matchAll(/from\s*["'](\.\/snippets\/[^"']+)["']/g)].map((m) => m[1]))];
let loaderSource = await readFile(loader, 'utf8');
const marker = 'const SNIPPETS = [];';
if (loaderSource.includes(marker)) {
  loaderSource = loaderSource.replace(marker, `const SNIPPETS = ${JSON.stringify(snippetPaths)};`);
} else if (!loaderSource.includes('./snippets/') && snippetPaths.length > 0) {
  throw new Error(`post-build: "${marker}" is not in ${loader}`);
}
await writeFile(loader, await minified(loaderSource, loader));
const stylesheet = join(directory, 'reader.css');
await writeFile(stylesheet, minifiedCss(await readFile(stylesheet, 'utf8')));
const snippets = await readdir(join(directory, 'snippets'), { recursive: true }).catch(() => []);
for (const name of snippets.filter((n) => n.endsWith('.js'))) {
  const file = join(directory, 'snippets', name);
  await writeFile(file, await minified(await readFile(file, 'utf8'), file));
}
