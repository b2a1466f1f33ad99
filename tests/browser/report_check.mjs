// Opens a perfwatch HTML report in Debian's Chromium (headless, through
// playwright-core) and does what a reader does; prints what it saw as JSON.
// The assertions live in tests/test_cli_report_html.cpp, which knows the
// history behind the page.
//   node report_check.mjs interact PAGE SCREENSHOT   hover, click, zoom, filter, sort
//   node report_check.mjs open PAGE                  how long the page takes to open (bench/report_bench)
import { chromium } from 'playwright-core';

const [mode, page_path, screenshot] = process.argv.slice(2);
if (!['interact', 'open'].includes(mode) || !page_path) {
  console.error('usage: node report_check.mjs interact PAGE SCREENSHOT | open PAGE');
  process.exit(2);
}
const url = 'file://' + page_path;

// The flags a closed network needs (no background connections, no updates).
const browser = await chromium.launch({
  executablePath: process.env.PERFWATCH_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const seen = { console_errors: [], requests: [] };
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') seen.console_errors.push(m.text()); });
  page.on('pageerror', (e) => seen.console_errors.push(String(e)));
  page.on('request', (r) => { if (r.url() !== url) seen.requests.push(r.url()); });
  return { context, page, seen };
}

const visibleNames = (page) => page.$$eval('#list > .card', (cards) => cards.filter((c) => !c.hidden).map((c) => c.dataset.name));

async function interact() {
  const { context, page, seen } = await newPage();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="yes"]', { state: 'attached' });
  const out = { seen };
  out.shown = await page.textContent('#shown');
  out.order = await visibleNames(page);
  out.drawn = await page.$$eval('#list > .card[data-drawn="yes"]', (c) => c.map((x) => x.dataset.name));
  out.canvases = await page.$$eval('#list > .card[data-drawn="yes"] canvas', (c) => c.filter((x) => x.width > 0 && x.height > 0).length);

  // Hover the newest night of the first card (the worst change): its tooltip.
  const first = page.locator('#list > .card').first();
  const over = first.locator('.u-over').first();
  const box = await over.boundingBox();
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2);
  await page.waitForSelector('#tooltip:not([hidden])');
  out.tooltip = await page.textContent('#tooltip');
  out.hovered = await first.getAttribute('data-hovered');

  // Click it: the commit's page opens in a new tab.
  const popup = page.waitForEvent('popup', { timeout: 5000 }).catch(() => null);
  await page.mouse.click(box.x + box.width - 1, box.y + box.height / 2);
  const opened = await popup;
  if (opened) await opened.waitForURL(/\/commit\//, { timeout: 5000 }).catch(() => {});
  out.opened = opened ? opened.url() : null;
  if (opened) await opened.close();

  // Drag across the middle of the chart: the x scale zooms in.
  out.zoom_before = await first.getAttribute('data-zoom');
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  out.zoom_after = await first.getAttribute('data-zoom');
  await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);  // back to every night
  out.zoom_reset = await first.getAttribute('data-zoom');
  await page.mouse.move(0, 0);

  // Filter by name, by verdict, then sort by name.
  await page.fill('#filter', 'json');
  out.filtered = { shown: await page.textContent('#shown'), names: await visibleNames(page) };
  await page.fill('#filter', '');
  await page.selectOption('#verdict', 'regression');
  out.regressions = await visibleNames(page);
  await page.selectOption('#verdict', '');
  await page.selectOption('#sort', 'name');
  out.by_name = await visibleNames(page);
  await page.selectOption('#sort', 'change');

  await page.screenshot({ path: screenshot, fullPage: true });
  await context.close();
  return out;
}

// From navigation to the first screen of charts drawn, best of 3.
async function open() {
  let best = Infinity, drawn = 0;
  for (let i = 0; i < 3; i++) {
    const { context, page, seen } = await newPage();
    const start = Date.now();
    await page.goto(url);
    await page.waitForSelector('body[data-ready="yes"]', { state: 'attached', timeout: 60000 });
    best = Math.min(best, Date.now() - start);
    drawn = Number(await page.getAttribute('body', 'data-charts-drawn'));
    const cards = await page.$$eval('#list > .card', (c) => c.length);
    if (i < 2) {
      await context.close();
      continue;
    }
    // Then a filter and a sort over every card, each until the page says it is done.
    let t = Date.now();
    await page.fill('#filter', 'bench_99');
    const filtered = await page.textContent('#shown');
    const filter_ms = Date.now() - t;
    await page.fill('#filter', '');
    t = Date.now();
    await page.selectOption('#sort', 'name');
    const sort_ms = Date.now() - t;
    await context.close();
    return { ms: best, drawn, cards, filter_ms, filtered, sort_ms, console_errors: seen.console_errors, requests: seen.requests };
  }
}

try {
  const result = mode === 'interact' ? await interact() : await open();
  process.stdout.write(JSON.stringify(result) + '\n');
} finally {
  await browser.close();
}
