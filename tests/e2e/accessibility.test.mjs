// Every page passes axe-core's WCAG 2.2 AA checks with no violations, at desktop and phone widths.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { startApp, newPerson, smallTickBoxes } from "./support.mjs";

const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const PAGES = ["/", "/welcome", "/prepare", "/reviews/new", "/import", "/contacts", "/data", "/settings", "/settings/policy", "/how-it-works", "/reviews/no-such-review", "/no-such-page"];

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

async function violations(page) {
  // Injected through the test harness, not the page, so the app's CSP stays as strict as ever.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await globalThis.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
}

for (const width of [1280, 360]) {
  test(`every page has no accessibility violations at ${width} px`, async () => {
    const person = await newPerson(app.browser, { viewport: { width, height: 800 }, bypassCSP: true });
    const page = await person.context.newPage();
    for (const path of PAGES) {
      await page.goto(`${app.url}${path}`);
      await page.locator("h1").waitFor();
      assert.deepEqual(await violations(page), [], path);
      assert.ok(await page.evaluate((width) => document.documentElement.scrollWidth <= width, width), `${path} fits ${width} px`);
      assert.deepEqual(await smallTickBoxes(page), [], `${path}: tick boxes and radio buttons are at least 24 px (WCAG 2.2 target size)`);
    }
    await person.context.close();
  });
}

test("pages in their busier states have no accessibility violations either", async () => {
  const person = await newPerson(app.browser, { viewport: { width: 360, height: 800 }, bypassCSP: true });
  const page = await person.context.newPage();
  await page.goto(`${app.url}/contacts`);
  await page.getByLabel("Your name, as colleagues know you").fill("Sam Patel");
  await page.getByLabel("Your name, as colleagues know you").press("Tab");
  await page.getByText("Name saved").waitFor();
  assert.deepEqual(await violations(page), [], "contacts with a saved name");

  await page.goto(`${app.url}/import`);
  await page.getByLabel("Choose files").setInputFiles("tests/fixtures/bundles/invitation-for-sam-by-name.json");
  await page.getByRole("heading", { name: "Invitation from Jo Lee" }).waitFor();
  await page.getByLabel("Choose files").setInputFiles({ name: "note.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7") });
  await page.getByRole("alert").filter({ hasText: "note.pdf was not imported" }).waitFor();
  assert.deepEqual(await violations(page), [], "import with a preview and a refusal");
  const invitation = page.getByRole("region", { name: "invitation-for-sam-by-name.json: ready to import" });
  await invitation.getByLabel("In person").check();
  await invitation.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByRole("status").filter({ hasText: /answers? updated/ }).waitFor();
  await page.goto(`${app.url}/contacts`);
  await page.getByLabel("Email address for Jo Lee").fill("jo.lee@hill");
  await page.getByLabel("Email address for Jo Lee").press("Tab");
  await page.getByText("The part after the @").waitFor();
  assert.deepEqual(await violations(page), [], "contacts with a slip in an email address");
  await page.screenshot({ path: "test-results/screenshots/contacts-360.png", fullPage: true });

  await page.goto(`${app.url}/reviews/new`);
  await page.getByRole("button", { name: "Start the review and download the invitation" }).click();
  await page.getByRole("alert").filter({ hasText: "There is a problem" }).waitFor();
  assert.deepEqual(await violations(page), [], "start a review with errors");

  await page.goto(`${app.url}/data`);
  await page.getByRole("button", { name: "Remove all my data" }).click();
  await page.getByRole("button", { name: "Yes, remove everything" }).waitFor();
  assert.deepEqual(await violations(page), [], "the removal confirmation");
  await person.context.close();
});
