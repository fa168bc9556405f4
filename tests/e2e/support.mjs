// Shared set-up for the end-to-end tests: the release build served on 127.0.0.1, and Debian's
// Chromium driven by playwright-core, recording every request and console error of a context.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startStaticServer } from "../../scripts/serve-dist.mjs";

const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Starts the static server for dist/ and a browser; `close()` stops both. */
export async function startApp() {
  const { server, url } = await startStaticServer({ root: "dist" });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/** A fresh browser profile (like a second person's computer) that records what it does. */
export async function newPerson(browser, options = {}) {
  const context = await browser.newContext({ locale: "en-GB", timezoneId: "Europe/London", ...options });
  const requests = [];
  const consoleErrors = [];
  context.on("request", (request) => requests.push(request.url()));
  context.on("page", (page) => watchPage(page, consoleErrors));
  return { context, requests, consoleErrors };
}

/** Someone called `name` in a fresh profile, their name saved on the Contacts page, with the
 * clock fixed at `now` if given: the profile, its page and the fingerprint it shows. */
export async function personNamed(app, name, { now, ...options } = {}) {
  const person = await newPerson(app.browser, { acceptDownloads: true, ...options });
  if (now) await person.context.clock.setFixedTime(new Date(now));
  const page = await person.context.newPage();
  await page.goto(`${app.url}/contacts`);
  await page.getByLabel("Your name, as colleagues know you").fill(name);
  await page.getByLabel("Your name, as colleagues know you").press("Tab");
  await page.getByText("Name saved").waitFor();
  const fingerprint = await page.getByTestId("my-fingerprint").textContent();
  const words = await page.getByTestId("my-fingerprint-words").textContent();
  return { person, page, fingerprint, words };
}

function watchPage(page, consoleErrors) {
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
}

/** The pre-review form opened in a new tab of `context`. */
export async function openForm(app, context) {
  const page = await context.newPage();
  await page.goto(`${app.url}/prepare`);
  await page.getByRole("heading", { level: 1, name: "Your pre-review" }).waitFor();
  return page;
}

/** Waits until the form's indicator says storage holds every change. */
export const saved = (page) => page.getByTestId("save-indicator").filter({ hasText: "All changes saved on this device" }).waitFor();

/** Locks the data with `passphrase` from Your data, and waits until it is encrypted. */
export async function setLock(page, passphrase) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your data" }).click();
  const lock = page.locator("section", { has: page.getByRole("heading", { name: "Passphrase lock" }) });
  await lock.getByLabel("Passphrase", { exact: true }).fill(passphrase);
  await lock.getByLabel("Type the passphrase again").fill(passphrase);
  await lock.getByRole("button", { name: "Lock with a passphrase" }).click();
  await page.getByTestId("lock-state").waitFor({ timeout: 30000 });
}

/** Types `passphrase` on the unlock page and presses Unlock. */
export async function unlock(page, passphrase) {
  await page.getByLabel("Passphrase").fill(passphrase);
  await page.getByRole("button", { name: "Unlock" }).click();
}

/** Waits until the service worker controls the page, i.e. the app is available offline. */
export async function waitForOfflineCopy(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) => navigator.serviceWorker.addEventListener("controllerchange", done, { once: true }));
    }
  });
}

/** The ids of checkboxes and radio buttons on screen drawn smaller than 24 × 24 CSS pixels. */
export function smallTickBoxes(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('input[type="checkbox"], input[type="radio"]')]
      .filter((input) => input.getClientRects().length > 0)
      .filter((input) => {
        const box = input.getBoundingClientRect();
        return box.width < 24 || box.height < 24;
      })
      .map((input) => input.id || input.name),
  );
}

const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's violations on the page, WCAG 2.2 AA and its best-practice rules, each in a line. The page needs a context with
 * `bypassCSP`, since axe is injected by the test, not the app. */
export async function violations(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await globalThis.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
}

/** At desktop and phone widths: no axe violations, nothing wider than the screen, and a
 * full-page screenshot in target/screenshots/<name>-<width>.png to look at. */
export async function lookAt(page, name) {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    assert.deepEqual(await violations(page), [], `${name} at ${width} px`);
    assert.ok(await page.evaluate((width) => document.documentElement.scrollWidth <= width, width), `${name} fits ${width} px`);
    await page.screenshot({ path: `target/screenshots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Opens a page from the main navigation, and waits for its address (a page opens once its
 * code has come; until then the address and the last page stay). */
export async function nav(page, name) {
  const link = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });
  const path = await link.getAttribute("href");
  await link.click();
  await page.waitForURL((url) => url.pathname === path);
}

/** Clicks what `act` clicks and keeps the file it downloads in `dir`: its path and name. */
export async function downloadTo(dir, page, act) {
  const [file] = await Promise.all([page.waitForEvent("download"), act()]);
  const path = join(dir, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

/** Opens Import a file and imports the file at `path`, comparing a new sender's fingerprint by
 * phone where asked. */
export async function importFile(page, path) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import a file" }).click();
  await page.getByLabel("Choose files").setInputFiles(path);
  const item = page.getByRole("region", { name: /ready to import/ }).last();
  await item.waitFor();
  const byPhone = item.getByLabel("By phone");
  if (await byPhone.count()) await byPhone.check();
  await item.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByRole("status").filter({ hasText: /answers? updated|Nothing new/ }).last().waitFor();
}

/** `from` sends their contact card (downloaded to `dir`); `to` adds them after comparing
 * fingerprints by phone. */
export async function sendCard(dir, from, to, name) {
  const nav = (page, link) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link }).click();
  await nav(from.page, "Contacts");
  const card = await downloadTo(dir, from.page, () => from.page.getByRole("button", { name: "Send your contact card" }).click());
  await nav(to.page, "Import a file");
  await to.page.getByLabel("Choose files").setInputFiles(card.path);
  const item = to.page.getByRole("region", { name: /contact card/ }).last();
  await item.getByLabel("By phone").check();
  await item.getByRole("button", { name: "Add to your contacts" }).click();
  await to.page.getByRole("status").filter({ hasText: `${name} is in your contacts` }).waitFor();
}

/** The page's section headed `heading` (a level-2 heading). */
export function section(page, heading) {
  return page.locator("section", { has: page.getByRole("heading", { name: heading, level: 2 }) });
}

/** In Settings, says the person on `page` is Hill Primary's headteacher, under the local
 * authority's model. */
export async function becomeHeadteacher(page) {
  await nav(page, "Settings");
  const details = section(page, "Your details");
  await details.getByLabel("Your job title").fill("Headteacher");
  await details.getByLabel("Your school").fill("Hill Primary");
  await details.getByLabel("I am the headteacher, or hear appeals and moderate statements").check();
  await details.getByLabel("Local authority model for support staff").check();
  await details.getByRole("button", { name: "Save your details" }).click();
  await page.getByText("Your details are saved").waitFor();
}

/** A browser holding the records of `who` (headteacher, reviewer, appellant, headteacher-60, …)
 * in the school year of tests/fixtures/leadership (built by tests/leadership.rs), restored from
 * their backup with the clock fixed at `now`. */
export async function restoredSchoolYear(app, who, now = "2026-11-30T10:00:00Z") {
  const person = await newPerson(app.browser, { acceptDownloads: true });
  await person.context.clock.setFixedTime(new Date(now));
  const page = await person.context.newPage();
  await page.goto(`${app.url}/data`);
  await page.getByLabel("Backup file").setInputFiles(join("tests/fixtures/leadership", `${who}-backup.json`));
  await page.getByLabel("The backup’s passphrase").fill("hill academy appraisal");
  await page.getByRole("button", { name: "Restore from backup" }).click();
  await page.getByRole("status").filter({ hasText: "added" }).waitFor({ timeout: 120000 });
  return { person, page };
}
