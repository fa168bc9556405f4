// The journey with the keyboard alone: set up on first run, add a school closure, start a
// review, write a statement with an objective and sign it, reaching every control with Tab and
// operating it with Space, Enter and the arrow keys. Focus is always visible.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, newPerson } from "./support.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** What has focus: its accessible label (or text) and whether the focus ring shows. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { name: "", ring: false };
    const label = el.labels?.[0]?.textContent ?? el.getAttribute("aria-label") ?? el.textContent ?? "";
    const style = getComputedStyle(el);
    const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 || style.boxShadow !== "none";
    return { name: label.replace(/\s+/g, " ").trim(), ring };
  });
}

/** Presses Tab until the focused control's name matches, checking each stop shows focus. */
async function tabTo(page, name, limit = 250) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    assert.ok(now.ring || now.name === "", `focus is visible on “${now.name}”`);
    if (typeof name === "string" ? now.name === name : name.test(now.name)) return;
  }
  assert.fail(`could not reach “${name}” with Tab`);
}

test("first run, settings, a review and a sign-off with the keyboard alone", async () => {
  const person = await newPerson(app.browser, { acceptDownloads: true });
  const page = await person.context.newPage();
  await page.goto(app.url);

  // Home offers set-up; Enter follows the link.
  await tabTo(page, "Set up Appraise");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Set up Appraise", level: 1 }).waitFor();

  // Saving with nothing filled in names both problems.
  await tabTo(page, "Save and continue");
  await page.keyboard.press("Enter");
  const problems = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await problems.getByRole("link", { name: "Enter your name, as colleagues know you." }).waitFor();
  await problems.getByRole("link", { name: /Choose at least one role/ }).waitFor();
  // No policy is chosen for the person: they pick their school's.
  await problems.getByRole("link", { name: /Choose your school’s appraisal policy/ }).waitFor();
  assert.equal(await page.getByRole("radio", { checked: true }).count(), 0);

  await page.getByLabel("Your name, as colleagues know you").focus();
  await page.keyboard.type("Jo Lee");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Year 2 leader");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Hill Primary");
  await tabTo(page, "I appraise others (a reviewer)");
  await page.keyboard.press("Space");
  await tabTo(page, "Early years setting");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  assert.equal(await focused(page).then((f) => f.name), "Academy procedure: teachers and support staff");
  await tabTo(page, "Save and continue");
  await page.keyboard.press("Enter");
  await page.getByTestId("welcome-fingerprint").waitFor();
  assert.match(await page.getByTestId("welcome-fingerprint").textContent(), /^(\d{5} ){5}\d{5}$/);
  await page.getByRole("heading", { name: "Passphrase lock" }).waitFor();

  // Settings: a closure, refused first for a bad date.
  await page.goto(`${app.url}/settings`);
  await page.getByRole("heading", { name: "Settings", level: 1 }).waitFor();
  assert.equal(await page.getByLabel("Your job title").inputValue(), "Year 2 leader");
  await tabTo(page, "What is it?");
  await page.keyboard.type("Half term");
  await page.keyboard.press("Tab");
  await page.keyboard.type("30/02/2027");
  await tabTo(page, "Add the closure");
  await page.keyboard.press("Enter");
  await page.getByRole("alert").getByRole("link", { name: /First day: .*not a real day/ }).waitFor();
  await page.getByLabel("First day", { exact: true }).fill("");
  await page.getByLabel("First day", { exact: true }).focus();
  await page.keyboard.type("15/02/2027");
  await page.keyboard.press("Tab");
  await page.keyboard.type("19/02/2027");
  await page.keyboard.press("Enter");
  await page.getByText("Half term: 15/02/2027 to 19/02/2027").waitFor();
  // Where the policy's figures come from: its own words, or the school's choice.
  await page.getByText("Where these figures come from").focus();
  await page.keyboard.press("Enter");
  const sources = page.locator(".sources");
  await sources.getByText("From the policy (6.2): “Feedback on formal observations will be given verbally and in writing (on Bluesky) within five working days”.").waitFor();
  await sources.getByText(/^Your school’s choice, not in the policy: it gives no time; five working days is Appraise’s reading of the local authority model’s “five days”\.$/).first().waitFor();
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await sources.screenshot({ path: `test-results/screenshots/settings-sources-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // Start a review; the school's policy is chosen already.
  await page.goto(`${app.url}/reviews/new`);
  assert.equal(await page.getByLabel("Your school’s appraisal policy").inputValue(), "academy-procedure");
  await tabTo(page, "Reviewee’s name");
  await page.keyboard.type("Sam Patel");
  await tabTo(page, "Meeting date");
  await page.keyboard.type("12/03/2027");
  await tabTo(page, "Start the review and download the invitation");
  await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);

  // The workspace from the dashboard: an objective added and filled, then signing refused.
  await page.goto(app.url);
  await tabTo(page, "Sam Patel");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Review of Sam Patel", level: 1 }).waitFor();
  assert.match(await page.locator(".summary-list").textContent(), /Jo Lee, Year 2 leader/);
  // The skip link stays on this page and moves on to its content.
  const here = page.url();
  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).name, "Skip to main content");
  await page.keyboard.press("Enter");
  assert.equal(page.url().split("#")[0], here);
  await page.getByRole("heading", { name: "Review of Sam Patel", level: 1 }).waitFor();
  // A section folds and opens from its heading with Enter.
  await tabTo(page, /^Meeting checklist.*Hide$/);
  const checklist = page.getByRole("button", { name: /^Meeting checklist/ });
  await page.keyboard.press("Enter");
  assert.equal(await checklist.getAttribute("aria-expanded"), "false");
  await page.keyboard.press("Enter");
  assert.equal(await checklist.getAttribute("aria-expanded"), "true");
  await tabTo(page, "Add a new objective");
  await page.keyboard.press("Enter");
  // Focus moves into the new objective once it is drawn.
  await page.waitForFunction(() => document.activeElement?.labels?.[0]?.textContent.trim() === "The objective");
  await page.keyboard.type("Raise reading ages in the Year 2 catch-up group by six months by July");
  await tabTo(page, "Sign the statement");
  await page.keyboard.press("Enter");
  const refusal = page.getByRole("alert").filter({ hasText: "This cannot be signed yet" });
  await refusal.getByRole("link", { name: "Assessment against the job role" }).waitFor();
  // Following a refusal's link puts the cursor in the field.
  await tabTo(page, "Assessment against the job role");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id === "statement-assessment");
  assert.equal(await page.getByTestId("save-indicator").first().textContent(), "All changes saved on this device");

  assert.deepEqual(person.consoleErrors, []);
  await person.context.close();
});
