// The article's DOM for one reader (src/web/article_dom.rs, outline_dom.rs):
// built from the core's instructions (reader_core::render) with createElement,
// setAttribute and text nodes (the article's text is never parsed as markup),
// its sections folded and unfolded, and keyword (or any other) highlights
// painted in it as StaticRanges, in one batch per call rather than one call
// per range; and the outline tree, whose rows change state in place.

const OPEN = 0;
const ATTR = 1;
const TEXT = 2;
const CLOSE = 3;
const BLOCK = 4;
const SECTION = 5;
const ROW = 6;

/** `hidden="until-found"` keeps folded text findable where it is known. */
const UNTIL_FOUND = 'onbeforematch' in HTMLElement.prototype;

/** An image that cannot load shows its alt text in its place (drawn by CSS
 * from an attribute, so the block's text stays exactly its text). */
function showAlt(event) {
  const image = event.target;
  if (image.localName !== 'img') return;
  const alt = document.createElement('span');
  alt.className = 'ar-image-failed';
  alt.setAttribute('role', 'img');
  alt.setAttribute('aria-label', image.alt);
  alt.dataset.alt = image.alt;
  image.replaceWith(alt);
}

/** The text nodes under `element`, each with the UTF-16 offset where it starts. */
function textNodes(element) {
  const nodes = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let at = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push([node, at]);
    at += node.length;
  }
  return nodes;
}

/** The text node holding UTF-16 offset `unit`, and the offset in it. An end
 * prefers the node it ends, a start the node it begins. */
function locate(nodes, unit, end) {
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (end ? nodes[mid][1] < unit : nodes[mid][1] <= unit) lo = mid + 1;
    else hi = mid;
  }
  const found = nodes[lo - 1];
  return found && [found[0], unit - found[1]];
}

/** A highlight's range: static, so nothing keeps it up to date as the DOM changes. */
function range(startContainer, startOffset, endContainer, endOffset) {
  return new StaticRange({ startContainer, startOffset, endContainer, endOffset });
}

/** The first index of `list` ([block, start, end]…, by block) at or after `block`. */
function firstOf(list, block) {
  let lo = 0;
  let hi = list.length / 3;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid * 3] < block) lo = mid + 1;
    else hi = mid;
  }
  return lo * 3;
}

export class ArticleDom {
  /** `tags` and `attributes`: the names the instructions number, comma-separated. */
  constructor(tags, attributes) {
    this.tags = tags.split(',');
    this.attributes = attributes.split(',');
    /** Each block's element, once built. */
    this.blocks = [];
    /** Each section's element, once built. */
    this.sections = [];
    /** Open elements of the batches still to come, innermost last. */
    this.stack = [];
    /** What each highlight paints, kept for the blocks still to come. */
    this.lists = new Map();
    /** Each outline row, once built; rows built by the last batch. */
    this.rows = [];
    this.fresh = [];
    /** Match counts per node and the outline's listing, kept for the rows
     * still to come. */
    this.totals = null;
    this.listed = null;
    /** Each row's count, once it had one, what a screen reader hears after
     * the number, and the frame and timer that will show new counts. */
    this.countSpans = [];
    this.countLabel = '';
    this.countsFrame = 0;
    this.countsTimer = 0;
  }

  /** Builds from now on into `root`, which is empty. */
  attach(root) {
    this.stack = [root];
    root.addEventListener('error', showAlt, true);
  }

  /** Carries out a batch of instructions where the last one stopped, and
   * paints what highlights hold for the blocks it built. */
  build(codes, text) {
    const added = this.run(this.stack, codes, text);
    for (const node of this.fresh) {
      this.showCount(node);
      this.showListing(node);
    }
    this.fresh = [];
    if (added.length === 0) return;
    const from = added[0];
    const to = added[added.length - 1] + 1;
    for (const [highlight, list] of this.lists) this.paintBetween(highlight, list, firstOf(list, from), firstOf(list, to));
  }

  run(stack, codes, text) {
    const added = [];
    let top = stack[stack.length - 1];
    let at = 0;
    for (let i = 0; i < codes.length;) {
      switch (codes[i]) {
        case OPEN: {
          const element = document.createElement(this.tags[codes[i + 1]]);
          top.append(element);
          stack.push(element);
          top = element;
          i += 2;
          break;
        }
        case ATTR: {
          const end = at + codes[i + 2];
          top.setAttribute(this.attributes[codes[i + 1]], text.slice(at, end));
          at = end;
          i += 3;
          break;
        }
        case TEXT: {
          const end = at + codes[i + 1];
          top.append(text.slice(at, end));
          at = end;
          i += 2;
          break;
        }
        case CLOSE:
          stack.pop();
          top = stack[stack.length - 1];
          i += 1;
          break;
        case BLOCK:
          this.blocks[codes[i + 1]] = top;
          added.push(codes[i + 1]);
          i += 2;
          break;
        case SECTION:
          this.sections[codes[i + 1]] = top;
          i += 2;
          break;
        case ROW:
          this.rows[codes[i + 1]] = top;
          this.fresh.push(codes[i + 1]);
          i += 2;
          break;
        default:
          throw new Error(`unknown instruction ${codes[i]}`);
      }
    }
    return added;
  }

  /** Draws block `block` again (its keyword marks changed), or for the first
   * time in `element` (the title, which the header holds); a section's
   * "folded" note stays. */
  redraw(block, codes, text, element = this.blocks[block]) {
    if (!element) return;
    const note = element.querySelector(':scope > .ar-folded-note');
    element.replaceChildren();
    this.run([element], codes, text);
    if (note) element.append(note);
    this.blocks[block] = element;
    for (const [highlight, list] of this.lists) this.paintBetween(highlight, list, firstOf(list, block), firstOf(list, block + 1));
  }

  /** Folds or unfolds section `node`, if it is built; `note` says it is folded. */
  fold(node, folded, note) {
    const section = this.sections[node];
    if (!section) return;
    const [row, body] = section.children;
    const [button, heading] = row.children;
    section.classList.toggle('ar-folded', folded);
    button.setAttribute('aria-expanded', String(!folded));
    if (folded) body.setAttribute('hidden', UNTIL_FOUND ? 'until-found' : '');
    else body.removeAttribute('hidden');
    const shown = heading.querySelector(':scope > .ar-folded-note');
    if (folded && !shown) {
      const span = document.createElement('span');
      span.className = 'ar-folded-note';
      span.textContent = note;
      heading.append(span);
    } else if (!folded && shown) {
      shown.remove();
    }
  }

  /** Outline node `node`'s row, if it is built: open or closed (`what` 0),
   * the tree's tab stop or not (1), the node being read or not (2). */
  row(node, what, on) {
    const row = this.rows[node];
    if (!row) return;
    if (what === 1) {
      row.tabIndex = on ? 0 : -1;
    } else if (what === 2) {
      row.classList.toggle('ar-current', on);
      if (on) row.setAttribute('aria-current', 'location');
      else row.removeAttribute('aria-current');
    } else {
      const group = row.lastElementChild;
      if (group?.localName === 'ul') group.hidden = !on;
      if (row.hasAttribute('aria-expanded')) row.setAttribute('aria-expanded', String(on));
    }
  }

  /** Match counts per node (`totals`), shown on the rows built and to come;
   * `label` is what a screen reader hears after the number. The rows take
   * them once the next frame is painted: on an outline of hundreds of rows
   * their style and layout cost as much as the highlights, which this way
   * show a frame sooner (in that frame, counts would hold it back). */
  counts(totals, label) {
    this.totals = totals.slice();
    if (label !== this.countLabel) {
      this.countLabel = label;
      for (const count of this.countSpans) if (count) count.lastChild.textContent = ` ${label}`;
    }
    if (this.countsFrame || this.countsTimer) return;
    this.countsFrame = requestAnimationFrame(() => {
      this.countsFrame = 0;
      this.countsTimer = setTimeout(() => {
        this.countsTimer = 0;
        this.rows.forEach((_, node) => this.showCount(node));
      });
    });
  }

  dropPendingCounts() {
    cancelAnimationFrame(this.countsFrame);
    clearTimeout(this.countsTimer);
    this.countsFrame = this.countsTimer = 0;
  }

  /** Shows node `node`'s count on its row. A count once made is kept and
   * hidden at zero, so that the next keyword change only rewrites a number. */
  showCount(node) {
    const total = this.totals?.[node] ?? 0;
    let count = this.countSpans[node];
    if (!count) {
      if (!total) return;
      count = document.createElement('span');
      count.className = 'ar-tree-count';
      const said = document.createElement('span');
      said.className = 'ar-visually-hidden';
      said.textContent = ` ${this.countLabel}`;
      count.append('', said);
      this.rows[node].firstElementChild.append(count);
      this.countSpans[node] = count;
    }
    if (total && count.firstChild.data !== String(total)) count.firstChild.data = String(total);
    if (count.hidden !== !total) count.hidden = !total;
  }

  /** Which nodes the outline lists (reader_core::render::listing: listed,
   * position, size, parent, per node), for the rows built and to come. */
  listing(listed) {
    const before = this.listed;
    this.listed = listed.slice();
    const changed = (node) => !before || [0, 1, 2, 3].some((k) => before[node * 4 + k] !== listed[node * 4 + k]);
    this.rows.forEach((_, node) => {
      if (changed(node)) this.showListing(node);
    });
  }

  showListing(node) {
    const listed = this.listed;
    if (!listed) return;
    const row = this.rows[node];
    const [shown, position, size, parent] = listed.subarray(node * 4, node * 4 + 4);
    row.hidden = !shown;
    row.setAttribute('aria-posinset', position);
    row.setAttribute('aria-setsize', size);
    // Only a node with children has a twisty; it shows while some are listed.
    row.querySelector(':scope > .ar-tree-row > .ar-twisty')?.classList.toggle('ar-twisty-parent', parent === 1);
    if (parent) row.setAttribute('aria-expanded', String(!row.lastElementChild.hidden));
    else row.removeAttribute('aria-expanded');
  }

  /** Shows how much of the article is built (`done` of 100) after `root`,
   * with the article `aria-busy`; `done` 100 takes the hint away. */
  progress(root, done, label) {
    const article = root.parentElement;
    if (done >= 100) {
      this.hint?.remove();
      this.hint = null;
      article?.removeAttribute('aria-busy');
      return;
    }
    if (!this.hint) {
      this.hint = document.createElement('div');
      this.hint.className = 'ar-rendering';
      this.bar = document.createElement('progress');
      this.bar.max = 100;
      this.bar.setAttribute('aria-label', label);
      this.note = document.createElement('span');
      this.note.setAttribute('aria-hidden', 'true');
      this.hint.append(this.bar, this.note);
      root.after(this.hint);
      article?.setAttribute('aria-busy', 'true');
    }
    this.bar.value = done;
    this.note.textContent = `${label} ${done}%`;
  }

  /** Paints `list` ([block, start, end]…, by block: UTF-16 offsets in each
   * block's text) as the ranges of `highlight`, in the blocks built and in
   * those still to come. */
  paint(highlight, list) {
    highlight.clear();
    if (list.length === 0) {
      this.lists.delete(highlight);
      return;
    }
    // The list is a view of WebAssembly memory: kept, it is copied.
    const kept = list.slice();
    this.lists.set(highlight, kept);
    this.paintBetween(highlight, kept, 0, kept.length);
  }

  paintBetween(highlight, list, from, to) {
    for (let i = from; i < to;) {
      const block = list[i];
      let next = i;
      while (next < to && list[next] === block) next += 3;
      const element = this.blocks[block];
      const only = element?.firstChild;
      if (only && only === element.lastChild && only.nodeType === Node.TEXT_NODE) {
        // A block of one text node (most paragraphs): no walk, no lookups.
        for (let k = i; k < next; k += 3) highlight.add(range(only, list[k + 1], only, list[k + 2]));
      } else if (element) {
        const nodes = textNodes(element);
        for (let k = i; k < next; k += 3) {
          const start = locate(nodes, list[k + 1], false);
          const end = locate(nodes, list[k + 2], true);
          if (start && end) highlight.add(range(start[0], start[1], end[0], end[1]));
        }
      }
      i = next;
    }
  }
}

/** Where the first range of a highlight is on screen (undefined if it has none). */
export function firstBounds(highlight) {
  const range = highlight.values().next().value;
  if (!range) return undefined;
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live.getBoundingClientRect();
}
