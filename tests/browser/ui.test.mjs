// End-to-end tests of the dateline web UI: search, open an article, follow a speaker, open a
// story, and read it all at phone width. Driven by playwright-core in Debian's chromium (never a
// downloaded browser). run.sh starts the server and sets DATELINE_URL; SCREENSHOTS=DIR also saves
// the screenshots of docs/screenshots.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const BASE = (process.env.DATELINE_URL || "http://127.0.0.1:8080/").replace(/\/$/, "");
const SHOTS = process.env.SCREENSHOTS || "";
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

let browser;
let page;
const problems = [];

before(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // Any script error or CSP violation on any page fails the run at the end.
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
});

after(async () => {
  await browser?.close();
});

async function shot(name, full = true) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: full });
}

test("front page lists articles, speakers and places", async () => {
  const res = await page.goto(`${BASE}/`);
  assert.equal(res.status(), 200);
  assert.ok((await page.locator("article.hit").count()) > 0, "latest articles");
  assert.ok((await page.locator(".side .ranked li").count()) > 0, "most quoted");
  // One entry per story: no headline twice, and a story with copies says how many.
  const heads = await page.locator(".latest article.hit h2").allTextContents();
  assert.equal(new Set(heads).size, heads.length, heads.join(" | "));
  assert.ok((await page.locator(".latest a.versions").count()) > 0, "a story's versions counted");
  await shot("front");
});

test("search with a facet", async () => {
  await page.goto(`${BASE}/`);
  await page.fill("#q", "said");
  await Promise.all([page.waitForURL(/q=said/), page.press("#q", "Enter")]);
  const hits = page.locator("article.hit");
  assert.ok((await hits.count()) > 0, "results");
  await shot("search");
  // Narrow by the first place facet: every result is then from that place.
  const facet = page.locator(".facet-group").filter({ hasText: "Place" }).locator("li a").first();
  const place = (await facet.innerText()).trim();
  await Promise.all([page.waitForURL(/place=/), facet.click()]);
  await page.locator(".chips").waitFor();
  const kickers = await page.locator("article.hit .kicker").allInnerTexts();
  assert.ok(kickers.length > 0);
  for (const k of kickers) assert.ok(k.toLowerCase().includes(place.toLowerCase()), `${k} is from ${place}`);
  // A date range from the form's extra filters narrows the results and stays in the URL.
  await page.goto(`${BASE}/?q=said`);
  await page.locator(".more-filters summary").click();
  await page.fill("#f-from", "2023-08");
  await page.fill("#f-to", "2023-08");
  await Promise.all([page.waitForURL(/from=2023-08/), page.press("#f-to", "Enter")]);
  const dates = await page.locator("article.hit time").allTextContents();
  assert.ok(dates.length > 0, "results in August 2023");
  for (const d of dates) assert.ok(d.startsWith("2023-08"), d);
  await page.goto(`${BASE}/?q=said&place=${encodeURIComponent(place)}`);
  // The chip removes the filter again.
  await Promise.all([page.waitForURL((u) => !u.search.includes("place=")), page.locator(".chips a[aria-label^='Remove']").first().click()]);
});

let speakerName = "";

test("open an annotated article", async () => {
  await page.goto(`${BASE}/?q=minister`);
  await Promise.all([page.waitForURL(/\/article\//), page.locator("article.hit h2 a").first().click()]);
  const body = page.locator("#body");
  assert.ok((await body.locator(".ent").count()) > 0, "entities highlighted");
  assert.ok((await body.locator(".q").count()) > 0, "quotes highlighted");
  // Hovering a name shows its details.
  await body.locator("a.ent").first().hover();
  await page.locator("#tip").waitFor({ state: "visible" });
  assert.ok((await page.locator("#tip").innerText()).length > 3);
  await page.mouse.move(0, 0);
  await shot("article");
  // The names toggle hides the highlights.
  await page.locator("[data-toggle=ent]").uncheck();
  assert.ok(await page.locator("#story").evaluate((n) => n.classList.contains("hide-ent")));
  await page.locator("[data-toggle=ent]").check();
  // A quote in the sidebar jumps to its place in the text.
  const jump = page.locator(".quote-jump").first();
  const href = await jump.getAttribute("href");
  await jump.click();
  assert.equal(new URL(page.url()).hash, href);
  speakerName = (await page.locator(".quotes .who a").first().innerText()).trim();
  assert.ok(speakerName, "a quote with a named speaker");
});

test("follow a speaker", async () => {
  const link = page.locator(".quotes .who a").first();
  await Promise.all([page.waitForURL(/\/speaker\//), link.click()]);
  assert.equal((await page.locator("h1").innerText()).trim(), speakerName);
  assert.ok((await page.locator("svg.timeline circle").count()) > 0, "timeline dots");
  assert.ok((await page.locator("blockquote.said").count()) > 0, "quotes");
  await shot("speaker");
  // Their statements download as CSV: one row per quote on the page, all theirs.
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-csv").click()]);
  const { readFile } = await import("node:fs/promises");
  const rows = (await readFile(await download.path(), "utf8")).trim().split("\r\n").slice(1);
  const total = Number((await page.locator(".lede strong").first().textContent()) || "0");
  assert.ok(total > 0);
  assert.equal(rows.length, total, "every quote, versions of one story included");
  for (const r of rows) assert.ok(r.includes(speakerName), r);
  // A dot of the timeline jumps to its day.
  await page.locator("svg.timeline a").first().click();
  assert.match(new URL(page.url()).hash, /^#d-/);
  // Back to an article quoting them.
  await Promise.all([page.waitForURL(/\/article\/.*#q-/), page.locator("blockquote.said footer a").first().click()]);
});

test("open a story and compare its versions", async () => {
  await page.goto(`${BASE}/stories`);
  const stories = page.locator(".story-list article.hit h2 a");
  if ((await stories.count()) === 0) {
    test.skip("no story with two versions in this store");
    return;
  }
  await Promise.all([page.waitForURL(/\/story\//), stories.first().click()]);
  assert.ok((await page.locator("table.versions tbody tr").count()) >= 2, "versions");
  assert.ok((await page.locator(".sbs .sbs-row").count()) > 1, "side by side");
  assert.ok((await page.locator(".badge").count()) >= 1, "origin marked");
  await shot("story");
});

test("open an event and see every outlet's story side by side", async () => {
  await page.goto(`${BASE}/events`);
  const events = page.locator(".story-list article.hit h2 a");
  assert.ok((await events.count()) >= 1, "the demo's two Lagos port stories form an event");
  await shot("events");
  await Promise.all([page.waitForURL(/\/event\//), events.first().click()]);
  const stories = page.locator(".event-stories article.hit h2 a");
  assert.ok((await stories.count()) >= 2, "two stories of one happening");
  await shot("event");
  // A story of the event opens its versions.
  await Promise.all([page.waitForURL(/\/story\//), stories.first().click()]);
});

test("search quotes, filter by speaker, export CSV", async () => {
  await page.goto(`${BASE}/quotes`);
  const all = await page.locator("article.quote-hit").count();
  assert.ok(all > 0, "quotes listed");
  // Narrow by the first speaker of the facet: every quote is then theirs.
  const facet = page.locator(".facet-group").filter({ hasText: "Speaker" }).locator("li a").first();
  const who = ((await facet.textContent()) || "").trim();
  await Promise.all([page.waitForURL(/speaker=/), facet.click()]);
  // textContent: the kicker is upper-cased by the style sheet, the data is not.
  const kickers = await page.locator("article.quote-hit .kicker a.who").allTextContents();
  assert.ok(kickers.length > 0);
  for (const k of kickers) assert.equal(k.trim(), who);
  await shot("quotes");
  // The export carries the same filters: one CSV row per quote shown, after the header.
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-csv").click()]);
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  const csv = await readFile(path, "utf8");
  assert.ok(csv.startsWith("published,speaker,kind,cue,content,"), csv.slice(0, 80));
  const rows = csv.trim().split("\r\n").slice(1);
  assert.equal(rows.length, kickers.length, csv);
  for (const r of rows) assert.ok(r.includes(who), r);
  // A quote's trail lists the articles carrying it, the first marked.
  await page.goto(`${BASE}/quotes`);
  await Promise.all([page.waitForURL(/\/trail\?/), page.locator("a.trail").first().click()]);
  assert.ok((await page.locator("ol.trail li.stop").count()) >= 1, "stops");
  assert.equal(await page.locator("ol.trail li.origin").count(), 1);
  await shot("trail");
  // A bad filter is a 400 page that says why, not an empty list (the browser logs the 400 it
  // was asked for; that one entry is not a problem).
  const logged = problems.length;
  const bad = await page.goto(`${BASE}/quotes?from=2021-13-45`);
  assert.equal(bad.status(), 400);
  assert.ok((await page.locator("main").innerText()).includes("from"));
  problems.splice(logged).filter((p) => !p.includes("status of 400")).forEach((p) => problems.push(p));
});

/** The text of a download. */
async function downloaded(download) {
  const { readFile } = await import("node:fs/promises");
  return readFile(await download.path(), "utf8");
}

/** Presses Tab until the element matching `selector` has the focus (at most `max` times). */
async function tabTo(selector, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i + 1;
  }
  assert.fail(`${selector} is not reachable with Tab`);
}

test("export search results as CSV and JSON Lines", async () => {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 812 });
    await page.goto(`${BASE}/?q=said&sort=oldest`);
    const total = Number(((await page.locator("h1.results-count").innerText()).match(/\d+/) || ["0"])[0]);
    assert.ok(total > 0, "results");
    // Both buttons are on screen, not cut off at phone width.
    for (const id of ["#export-csv", "#export-jsonl"]) {
      const box = await page.locator(id).boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= width, `${id} inside ${width}px: ${JSON.stringify(box)}`);
    }
    if (width === 1280) await shot("search-export");
    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.locator("#export-csv").click()]);
    assert.equal(csvDownload.suggestedFilename(), "search.csv");
    const csv = await downloaded(csvDownload);
    assert.ok(csv.startsWith("published,headline,place,"), csv.slice(0, 80));
    // Every match, oldest first as on the page (headlines are one line each).
    const rows = csv.trim().split("\r\n").slice(1);
    assert.equal(rows.length, total, csv);
    const dates = rows.map((r) => r.split(",")[0]).filter((d) => d);
    assert.deepEqual(dates, [...dates].sort(), "oldest first");
    const [jsonDownload] = await Promise.all([page.waitForEvent("download"), page.locator("#export-jsonl").click()]);
    const lines = (await downloaded(jsonDownload)).trim().split("\n").map((l) => JSON.parse(l));
    assert.equal(lines.length, total);
    const shown = await page.locator("article.hit h2 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.deepEqual(lines.slice(0, shown.length).map((l) => `/article/${l.id}`), shown, "the page's order");
  }
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("export a story's versions", async () => {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 812 });
    await page.goto(`${BASE}/stories`);
    const stories = page.locator(".story-list article.hit h2 a");
    if ((await stories.count()) === 0) {
      test.skip("no story with two versions in this store");
      return;
    }
    await Promise.all([page.waitForURL(/\/story\//), stories.first().click()]);
    const versions = await page.locator("table.versions tbody tr td:nth-child(4) a").evaluateAll(
      (as) => as.map((a) => a.getAttribute("href").replace("/article/", "")));
    assert.ok(versions.length >= 2);
    const box = await page.locator("#export-jsonl").boundingBox();
    assert.ok(box && box.x + box.width <= width, `export inside ${width}px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `story page scrolls sideways by ${overflow}px at ${width}px`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-jsonl").click()]);
    assert.match(download.suggestedFilename(), /^story-\d+\.jsonl$/);
    const lines = (await downloaded(download)).trim().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.id), versions, "one line per version, in the table's order");
    assert.equal(lines.filter((l) => l.origin).length, 1, "one origin");
    const origin = await page.locator("table.versions tr.origin td:nth-child(4) a").getAttribute("href");
    assert.equal(`/article/${lines.find((l) => l.origin).id}`, origin);
    const [csv] = await Promise.all([page.waitForEvent("download"), page.locator("#export-csv").click()]);
    const rows = (await downloaded(csv)).trim().split("\r\n");
    assert.ok(rows[0].startsWith("story,published,title,"), rows[0]);
    assert.equal(rows.length, versions.length + 1);
    if (width === 375) await shot("story-mobile", false);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("keyboard: skip link, then every export reachable and run with Enter", async () => {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 812 });
    // The first Tab stop is the skip link, shown when focused; Enter moves on to the content.
    await page.goto(`${BASE}/?q=said`);
    await page.keyboard.press("Tab");
    const skip = page.locator("a.skip");
    assert.ok(await skip.evaluate((a) => a === document.activeElement), "skip link first");
    const box = await skip.boundingBox();
    assert.ok(box && box.x >= 0, "the focused skip link is on screen");
    await page.keyboard.press("Enter");
    assert.equal(new URL(page.url()).hash, "#main");
    await page.keyboard.press("Tab");
    assert.ok(await page.evaluate(() => document.querySelector("main").contains(document.activeElement)),
      "after skipping, Tab goes into the content, not the navigation");
    // Each export link is reachable with Tab, shows its focus, and Enter downloads.
    for (const path of ["/?q=said", "/quotes", null]) {
      if (path) {
        await page.goto(`${BASE}${path}`);
      } else {
        await page.goto(`${BASE}/stories`);
        await page.goto(`${BASE}${await page.locator(".story-list article.hit h2 a").first().getAttribute("href")}`);
      }
      await tabTo("#export-csv");
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.notEqual(outline, "none", `${path ?? "story"}: the focused export link shows its focus`);
      const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
      assert.match(download.suggestedFilename(), /\.csv$/);
      assert.ok((await downloaded(download)).length > 0);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("places map and table", async () => {
  await page.goto(`${BASE}/places`);
  assert.ok((await page.locator("table.places tbody tr").count()) > 0);
  // The map draws every country, shades the ones the corpus names, and puts the other places
  // on it as dots; a dot leads to the articles about its place.
  const map = page.locator("svg.worldmap");
  assert.ok((await map.locator("path").count()) > 150, "country shapes");
  assert.ok((await map.locator("a path").count()) > 0, "shaded countries");
  const dots = map.locator("a.dot");
  assert.ok((await dots.count()) > 0, "place dots");
  await shot("places");
  const name = ((await dots.first().locator("title").textContent()) || "").split(":")[0];
  // Neighbouring places' dots overlap (Lagos and Cotonou in the demo), so the link is followed
  // by its address rather than by a click that another dot may receive.
  const href = await dots.first().evaluate((a) => a.getAttribute("href") || a.getAttribute("xlink:href"));
  assert.match(href || "", /[?&](place|entity)=/);
  await page.goto(new URL(href, BASE).toString());
  assert.ok((await page.locator("article.hit").count()) > 0, `articles about ${name}`);
});

test("readable at phone width", async () => {
  await page.setViewportSize({ width: 375, height: 812 });
  for (const path of ["/", "/?q=said", "/quotes", "/speakers", "/places", "/stories", "/events", `/speaker/${encodeURIComponent(speakerName)}`]) {
    await page.goto(`${BASE}${path}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `${path} scrolls sideways by ${overflow}px`);
  }
  await page.goto(`${BASE}/?q=minister`);
  await Promise.all([page.waitForURL(/\/article\//), page.locator("article.hit h2 a").first().click()]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `article scrolls sideways by ${overflow}px`);
  await shot("article-mobile", false);
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("no script errors or blocked resources", () => {
  assert.deepEqual(problems, []);
});
