// Shared set-up for the end-to-end tests: the release build served on 127.0.0.1, and Debian's
// Chromium driven by playwright-core, recording every request and console error of a context.
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
  return { person, page, fingerprint };
}

function watchPage(page, consoleErrors) {
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
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
