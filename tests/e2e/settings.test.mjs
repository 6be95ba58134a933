// Reading settings: the panel (keyboard and pointer), what each setting
// changes, memory per site (every article, after a reload), broken storage,
// and presets from the element's attributes, live.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testBed, openReader, strictPage, readerReady, inReader, dist, fixtures } from './support.mjs';

const bed = testBed({ mounts: { '/': dist, '/fixtures/': fixtures } });
const desktop = { viewport: { width: 1280, height: 800 } };
const KEY = 'article-reader:settings';

/** The reader's setting classes (theme, size, width, spacing, font). */
const settingClasses = (page, selector = 'article-reader') => page.evaluate((selector) => {
  const reader = document.querySelector(selector).shadowRoot.querySelector('.ar-reader');
  return [...reader.classList].filter((c) => /^ar-(theme|size|width|spacing|font)-/.test(c)).join(' ');
}, selector);

const DEFAULTS = 'ar-theme-auto ar-size-2 ar-width-medium ar-spacing-normal ar-font-sans';

/** What the reader's text looks like: size, line height, measure, font. */
const textLooks = (page) => inReader(page, (root) => {
  const article = root.querySelector('.ar-article');
  const style = getComputedStyle(article);
  const p = getComputedStyle(root.querySelector('.ar-paragraph'));
  return {
    size: parseFloat(style.fontSize),
    leading: parseFloat(p.lineHeight) / parseFloat(p.fontSize),
    width: article.getBoundingClientRect().width,
    font: p.fontFamily,
    background: getComputedStyle(root.querySelector('.ar-reader')).backgroundColor,
  };
});

test('the settings change the text at once, by keyboard or pointer, and every article of the site keeps them', async () => {
  const page = await openReader(bed, '/', desktop);
  assert.equal(await settingClasses(page), DEFAULTS);
  const before = await textLooks(page);

  // By keyboard: Tab from the button into the panel, arrows within a group.
  await page.locator('#ar-settings-toggle').focus();
  await page.keyboard.press('Enter');
  await page.locator('.ar-settings').waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await inReader(page, (root) => root.activeElement.getAttribute('aria-label')), '缩小字号');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.ar-size-value').textContent(), '125%');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  assert.match(await settingClasses(page), /ar-width-wide/, 'arrows choose within a group');

  // By pointer, the rest.
  for (const label of ['松', '米黄', '宋体']) await page.locator('.ar-segment', { hasText: label }).click();
  const chosen = 'ar-theme-sepia ar-size-4 ar-width-wide ar-spacing-loose ar-font-serif';
  assert.equal(await settingClasses(page), chosen);
  const after = await textLooks(page);
  assert.ok(Math.abs(after.size / before.size - 1.25) < 0.01, `text ${before.size} → ${after.size} px`);
  assert.ok(after.leading > before.leading + 0.2, `line height ${before.leading} → ${after.leading}`);
  assert.ok(after.width > before.width * 1.3, `measure ${before.width} → ${after.width} px`);
  assert.match(after.font, /Serif/, after.font);
  assert.equal(after.background, 'rgb(244, 236, 216)');
  assert.match(before.font, /^"PingFang SC"/, 'Chinese text starts with Chinese fonts');

  assert.deepEqual(
    JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY)),
    [1, ['font-size=125', 'content-width=wide', 'line-spacing=loose', 'theme=sepia', 'font=serif']],
  );
  await page.reload();
  await readerReady(page);
  assert.equal(await settingClasses(page), chosen, 'after a reload');
  await page.goto(`${bed.server.origin}/fixtures/english.html`);
  await readerReady(page);
  assert.equal(await settingClasses(page), chosen, 'on another article of the site');
  assert.match((await textLooks(page)).font, /^Charter/, 'English text starts with Latin fonts');

  await page.locator('#ar-settings-toggle').click();
  await page.locator('.ar-settings .ar-button', { hasText: /^Reset$|^恢复默认$/ }).click();
  assert.equal(await settingClasses(page), DEFAULTS);
  assert.deepEqual(JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY)), [1, []]);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('broken saved settings are ignored, and the next choice replaces them', async () => {
  for (const broken of ['{"not":"ours"', '[2, ["theme=dark"]]', '[1, "theme=dark"]', '\u0000garbage']) {
    const page = await strictPage(bed.browser, desktop);
    await page.addInitScript(([key, value]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('seeded', '1');
      }
    }, [KEY, broken]);
    await page.goto(`${bed.server.origin}/`);
    await readerReady(page);
    assert.equal(await settingClasses(page), DEFAULTS, broken);
    await page.locator('#ar-settings-toggle').click();
    await page.locator('.ar-segment', { hasText: '深色' }).click();
    assert.deepEqual(JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY)), [1, ['theme=dark']]);
    assert.deepEqual(page.problems, [], broken);
    await page.close();
  }
});

test('the page presets settings by attribute, live; the reader\'s own choice wins on the next visit', async () => {
  const page = await strictPage(bed.browser, desktop);
  await page.goto(`${bed.server.origin}/fixtures/empty.html`);
  const presets = { theme: 'sepia', 'font-size': '90%', 'content-width': 'narrow', 'line-spacing': 'tight', font: 'serif', 'print-outline': 'off' };
  const addReader = (attributes) => page.evaluate((attributes) => {
    const reader = document.createElement('article-reader');
    for (const [k, v] of Object.entries(attributes)) reader.setAttribute(k, v);
    document.body.append(reader);
  }, attributes);
  await addReader(presets);
  await readerReady(page);
  assert.equal(await settingClasses(page), 'ar-theme-sepia ar-size-1 ar-width-narrow ar-spacing-tight ar-font-serif');
  await page.locator('#ar-settings-toggle').click();
  assert.equal(await page.locator('.ar-check input').isChecked(), false, 'print-outline="off"');

  const set = (name, value) => page.evaluate(([name, value]) => {
    const reader = document.querySelector('article-reader');
    if (value === null) reader.removeAttribute(name);
    else reader.setAttribute(name, value);
  }, [name, value]);
  const until = (pattern) => page.waitForFunction((source) => new RegExp(source).test(
    document.querySelector('article-reader').shadowRoot.querySelector('.ar-reader').className,
  ), pattern.source);
  await set('theme', 'dark');
  await until(/ar-theme-dark/);
  await set('font-size', null);
  await until(/ar-size-2/);
  await set('content-width', 'WIDE');
  await until(/ar-width-wide/);

  // The reader chooses light: it shows, and on the next visit it beats the page's sepia.
  await page.locator('.ar-segment', { hasText: '浅色' }).click();
  await until(/ar-theme-light/);
  await page.reload();
  await addReader(presets);
  await readerReady(page);
  assert.match(await settingClasses(page), /ar-theme-light ar-size-1 ar-width-narrow/);
  assert.deepEqual(page.problems, []);
  await page.close();
});
