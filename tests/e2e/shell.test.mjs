// The app shell as a person meets it: it opens, its links work, deep links work, it still
// opens with the network off, and it never contacts any host but its own.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, newPerson, waitForOfflineCopy } from "./support.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

test("the home page renders with its heading, navigation and no console errors", async () => {
  const person = await newPerson(app.browser);
  const page = await person.context.newPage();
  await page.goto(app.url);
  await page.getByRole("heading", { level: 1, name: "Your appraisal, on your device" }).waitFor();
  assert.equal(await page.title(), "Home – Appraise");
  assert.equal(await page.getByRole("navigation", { name: "Main" }).getByRole("link").count(), 8);
  assert.deepEqual(person.consoleErrors, []);
  await person.context.close();
});

test("navigation moves between pages, and back returns", async () => {
  const person = await newPerson(app.browser);
  const page = await person.context.newPage();
  await page.goto(app.url);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "How it works" }).click();
  await page.getByRole("heading", { level: 1, name: "How an appraisal cycle works" }).waitFor();
  assert.equal(new URL(page.url()).pathname, "/how-it-works");
  assert.equal(
    await page.getByRole("link", { name: "How it works" }).getAttribute("aria-current"),
    "page",
  );
  await page.goBack();
  await page.getByRole("heading", { level: 1, name: "Your appraisal, on your device" }).waitFor();
  assert.deepEqual(person.consoleErrors, []);
  await person.context.close();
});

test("deep links open their page, and unknown addresses say the page was not found", async () => {
  const person = await newPerson(app.browser);
  const page = await person.context.newPage();
  await page.goto(`${app.url}/how-it-works`);
  await page.getByRole("heading", { level: 1, name: "How an appraisal cycle works" }).waitFor();
  await page.goto(`${app.url}/no/such/page`);
  await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await page.getByRole("heading", { level: 1, name: "Your appraisal, on your device" }).waitFor();
  await person.context.close();
});

test("after one visit the app opens with the network off, on any page", async () => {
  const person = await newPerson(app.browser);
  const page = await person.context.newPage();
  await page.goto(app.url);
  await page.getByRole("heading", { level: 1 }).waitFor();
  await waitForOfflineCopy(page);

  await person.context.setOffline(true);
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Your appraisal, on your device" }).waitFor();
  await page.goto(`${app.url}/how-it-works`);
  await page.getByRole("heading", { level: 1, name: "How an appraisal cycle works" }).waitFor();
  assert.deepEqual(person.consoleErrors, []);
  await person.context.close();
});

test("the app makes no request to any host but its own", async () => {
  const person = await newPerson(app.browser);
  const page = await person.context.newPage();
  await page.goto(app.url);
  await waitForOfflineCopy(page);
  await page.getByRole("link", { name: "How it works" }).first().click();
  await page.getByRole("heading", { level: 1, name: "How an appraisal cycle works" }).waitFor();
  await page.reload();
  await page.getByRole("heading", { level: 1 }).waitFor();

  assert.ok(person.requests.length > 3, `expected the app's own files to be requested, saw ${person.requests.length}`);
  const elsewhere = person.requests.filter((url) => /^(https?|wss?):/.test(url) && new URL(url).hostname !== "127.0.0.1");
  assert.deepEqual(elsewhere, []);
  await person.context.close();
});
