// Drafts that never lose a word, tested as a person would meet them: typing and reloading,
// leaving the page mid-sentence, a full browser storage, a damaged entry, two tabs on one
// form, the passphrase lock, backups, and removing everything.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { startApp, newPerson, openForm, saved, setLock, unlock } from "./support.mjs";

const SUCCESSES = "Key successes and achievements over the last year";
const HELPED = "What helped you achieve them";
const CAREER = "Career goals and development opportunities";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});


test("what I type is still there after a reload", async () => {
  const person = await newPerson(app.browser);
  const page = await openForm(app, person.context);
  await page.getByLabel("Your name").fill("Sam Patel");
  await page.getByRole("textbox", { name: SUCCESSES, exact: true }).pressSequentially("Led the Year 2 phonics group", { delay: 5 });
  await saved(page);
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Your pre-review" }).waitFor();
  assert.equal(await page.getByLabel("Your name").inputValue(), "Sam Patel");
  assert.equal(await page.getByRole("textbox", { name: SUCCESSES, exact: true }).inputValue(), "Led the Year 2 phonics group");
  assert.deepEqual(person.consoleErrors, []);
  await person.context.close();
});

test("leaving the page straight after typing saves at once", async () => {
  const person = await newPerson(app.browser);
  const page = await openForm(app, person.context);
  await page.getByRole("textbox", { name: HELPED, exact: true }).fill("Weekly planning time");
  // No pause for the autosave delay: move to another page immediately.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "How it works" }).click();
  await page.getByRole("heading", { level: 1, name: "How an appraisal cycle works" }).waitFor();
  await page.reload();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your pre-review" }).click();
  assert.equal(await page.getByRole("textbox", { name: HELPED, exact: true }).inputValue(), "Weekly planning time");

  // Leaving the whole page (no blur, no route change: only pagehide) also saves at once.
  await page.getByRole("textbox", { name: CAREER, exact: true }).pressSequentially("HLTA", { delay: 0 });
  await page.goto(`${app.url}/how-it-works`);
  await page.goto(`${app.url}/prepare`);
  assert.equal(await page.getByRole("textbox", { name: CAREER, exact: true }).inputValue(), "HLTA");
  await person.context.close();
});

test("when storage is full the text stays, a banner says so, and the download has every word", async () => {
  const person = await newPerson(app.browser, { acceptDownloads: true });
  const page = await openForm(app, person.context);
  await page.getByRole("textbox", { name: SUCCESSES, exact: true }).fill("Saved before the storage filled up");
  await saved(page);
  // Fill the rest of this site's storage, as other apps or years of records might.
  await page.evaluate(() => {
    let n = 0;
    for (let size = 256 * 1024; size >= 1; size = Math.floor(size / 2)) {
      for (;;) {
        try {
          localStorage.setItem(`filler-${n++}`, "x".repeat(size));
        } catch {
          break;
        }
      }
    }
  });
  const words = "Typed after the storage filled up: ran the breakfast club every Tuesday and Thursday";
  await page.getByRole("textbox", { name: CAREER, exact: true }).fill(words);
  await page.getByRole("alert").filter({ hasText: "Your latest changes are not saved" }).waitFor();
  assert.match(await page.getByRole("alert").filter({ hasText: "Your latest changes are not saved" }).textContent(), /storage is full/);
  await page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Your browser’s storage is full" }) }).waitFor();
  assert.equal(await page.getByRole("textbox", { name: CAREER, exact: true }).inputValue(), words, "the text stays on screen");
  assert.match(await page.getByTestId("save-indicator").textContent(), /Not saved/);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download your draft" }).click()]);
  assert.match(download.suggestedFilename(), /^appraise-pre-review-draft-\d{4}-\d{2}-\d{2}-\d{4}\.txt$/);
  const text = await readFile(await download.path(), "utf8");
  assert.ok(text.includes(words), "the download holds the unsaved words");
  assert.ok(text.includes("Saved before the storage filled up"));

  // Once space is freed, trying again saves it (unless Appraise, trying every two seconds by
  // itself, got there first and the button has gone).
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("filler")).forEach((k) => localStorage.removeItem(k)));
  page
    .getByRole("button", { name: "Try saving again" })
    .click({ timeout: 5000 })
    .catch(() => {});
  await saved(page);
  await person.context.close();
});

test("a damaged saved entry does not stop the app; it is reported and can be downloaded", async () => {
  const person = await newPerson(app.browser, { acceptDownloads: true });
  const page = await openForm(app, person.context);
  await page.getByRole("textbox", { name: SUCCESSES, exact: true }).fill("Still readable");
  await saved(page);
  await page.evaluate(() => localStorage.setItem("appraise:record:statement", '{"schema":1,"kind":"statement",'));
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Your pre-review" }).waitFor();
  const notice = page.getByRole("status").filter({ hasText: "Some saved items could not be read" });
  await notice.getByRole("listitem").filter({ hasText: "A saved item" }).waitFor();
  assert.equal(await page.getByRole("textbox", { name: SUCCESSES, exact: true }).inputValue(), "Still readable");

  await page.getByRole("link", { name: "Download or delete them" }).click();
  await page.getByRole("heading", { level: 2, name: "Items set aside" }).waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#set-aside").getByRole("button", { name: "Download" }).click()]);
  assert.equal(await readFile(await download.path(), "utf8"), '{"schema":1,"kind":"statement",');
  await page.locator("#set-aside").getByRole("button", { name: "Delete" }).click();
  await page.getByText("Nothing has been set aside").waitFor();
  await person.context.close();
});

test("two tabs on one form: each sees the other's saved changes and nothing is lost", async () => {
  const person = await newPerson(app.browser);
  const first = await openForm(app, person.context);
  const second = await openForm(app, person.context);

  // A change saved in one tab appears in the other.
  await first.getByRole("textbox", { name: SUCCESSES, exact: true }).fill("Typed in the first tab");
  await saved(first);
  await second.getByRole("textbox", { name: SUCCESSES, exact: true }).filter({ hasText: "" }).waitFor();
  await waitForValue(second.getByRole("textbox", { name: SUCCESSES, exact: true }), "Typed in the first tab");

  // Both type at once in different fields, before either has saved.
  await first.getByRole("textbox", { name: HELPED, exact: true }).fill("First tab: planning time");
  await second.getByRole("textbox", { name: CAREER, exact: true }).fill("Second tab: HLTA");
  await saved(first);
  await saved(second);
  await waitForValue(first.getByRole("textbox", { name: CAREER, exact: true }), "Second tab: HLTA");
  await waitForValue(second.getByRole("textbox", { name: HELPED, exact: true }), "First tab: planning time");

  // Both change the same field at once: one version is in the form, the other kept beside it.
  await first.getByRole("textbox", { name: HELPED, exact: true }).fill("First tab's version");
  await second.getByRole("textbox", { name: HELPED, exact: true }).fill("Second tab's version");
  await saved(first);
  await saved(second);
  const kept = (page) => page.getByRole("status").filter({ hasText: "Some answers were changed in two places" });
  await Promise.race([kept(first).waitFor(), kept(second).waitFor()]);
  const pages = [first, second];
  const withCopy = (await kept(first).count()) > 0 ? first : second;
  const versions = await kept(withCopy).locator("blockquote").allTextContents();
  assert.deepEqual([...versions].sort(), ["First tab's version", "Second tab's version"]);
  assert.equal(await withCopy.getByRole("textbox", { name: HELPED, exact: true }).inputValue(), versions[0], "the later one is in the form");
  await kept(withCopy).getByRole("button", { name: "Keep this version", exact: true }).click();
  await waitForValue(withCopy.getByRole("textbox", { name: HELPED, exact: true }), versions[1]);
  await kept(withCopy).waitFor({ state: "detached" });
  for (const page of pages) {
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Your pre-review" }).waitFor();
    assert.equal(await page.getByRole("textbox", { name: CAREER, exact: true }).inputValue(), "Second tab: HLTA");
  }
  await person.context.close();
});

async function waitForValue(locator, value) {
  for (let i = 0; i < 50; i++) {
    if ((await locator.inputValue()) === value) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  assert.equal(await locator.inputValue(), value);
}

test("a passphrase locks the data at rest; a reload asks for it; the right one opens it", async () => {
  const person = await newPerson(app.browser);
  const page = await openForm(app, person.context);
  await page.getByRole("textbox", { name: SUCCESSES, exact: true }).fill("Confidential: supported a pupil through a difficult term");
  await saved(page);
  await setLock(page, "staffroom kettle orange");
  const stored = await page.evaluate(() => Object.entries(localStorage).map(([k, v]) => k + v).join("\n"));
  assert.ok(!stored.includes("Confidential"), "nothing readable is left in storage");

  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Unlock your data" }).waitFor();
  await unlock(page, "the wrong passphrase");
  await page.getByRole("alert").filter({ hasText: "That passphrase does not open this data" }).waitFor({ timeout: 30000 });
  await unlock(page, "staffroom kettle orange");
  await page.getByRole("heading", { level: 1, name: "Your data on this device" }).waitFor({ timeout: 30000 });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your pre-review" }).click();
  assert.equal(await page.getByRole("textbox", { name: SUCCESSES, exact: true }).inputValue(), "Confidential: supported a pupil through a difficult term");
  await person.context.close();
});

test("a backup restores everything after removing all data, and the removal leaves nothing behind", async () => {
  const person = await newPerson(app.browser, { acceptDownloads: true });
  const page = await openForm(app, person.context);
  await page.getByRole("textbox", { name: SUCCESSES, exact: true }).fill("Worth keeping");
  await saved(page);
  await page.getByRole("link", { name: "Your data" }).click();
  const backups = page.locator("section", { has: page.getByRole("heading", { name: "Backups" }) });
  await backups.getByLabel("Passphrase", { exact: true }).fill("backup passphrase here");
  await backups.getByLabel("Type the passphrase again").fill("backup passphrase here");
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 30000 }), backups.getByRole("button", { name: "Download a backup" }).click()]);
  assert.match(download.suggestedFilename(), /^appraise-backup-.*\.json$/);
  const backupPath = await download.path();
  assert.ok(!(await readFile(backupPath, "utf8")).includes("Worth keeping"), "the backup is encrypted");
  await page.getByTestId("last-backup").filter({ hasText: "Your last backup was made on" }).waitFor();

  await page.getByRole("button", { name: "Remove all my data" }).click();
  assert.match(await page.getByTestId("wipe-summary").textContent(), /1 pre-review form/);
  await page.getByRole("button", { name: "Yes, remove everything" }).click();
  await page.getByRole("heading", { name: "Your data has been removed" }).waitFor();
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("appraise:")));
  assert.deepEqual(left, []);

  await page.getByLabel("Backup file").setInputFiles(backupPath);
  await page.getByLabel("The backup’s passphrase").fill("backup passphrase here");
  await page.getByRole("button", { name: "Restore from backup" }).click();
  await page.getByRole("status").filter({ hasText: "1 added" }).waitFor({ timeout: 30000 });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your pre-review" }).click();
  assert.equal(await page.getByRole("textbox", { name: SUCCESSES, exact: true }).inputValue(), "Worth keeping");
  await person.context.close();
});

test("locked data locks itself again after 10 minutes without use", async () => {
  const person = await newPerson(app.browser);
  await person.context.clock.install();
  const page = await openForm(app, person.context);
  await page.getByRole("textbox", { name: SUCCESSES, exact: true }).fill("Written on a shared staff-room computer");
  await page.getByRole("link", { name: "Your data" }).click();
  const lock = page.locator("section", { has: page.getByRole("heading", { name: "Passphrase lock" }) });
  await lock.getByLabel("Passphrase", { exact: true }).fill("staffroom kettle orange");
  await lock.getByLabel("Type the passphrase again").fill("staffroom kettle orange");
  await lock.getByRole("button", { name: "Lock with a passphrase" }).click();
  await page.clock.runFor(1000);
  await page.getByTestId("lock-state").waitFor({ timeout: 30000 });

  await page.clock.runFor("09:00");
  assert.equal(await page.getByRole("heading", { level: 1, name: "Unlock your data" }).count(), 0, "still open after 9 minutes");
  await page.clock.runFor("02:00");
  await page.getByRole("heading", { level: 1, name: "Unlock your data" }).waitFor();
  await person.context.close();
});

test("every page warns when the browser's storage is over 70% full", async () => {
  const person = await newPerson(app.browser);
  const page = await openForm(app, person.context);
  const warning = page.getByRole("status").filter({ hasText: "Your browser’s storage is nearly full" });
  assert.equal(await warning.count(), 0);
  // 1.9 million characters are 3.8 MB as browsers count them: over 70% of the 5 MiB Appraise plans for.
  await page.evaluate(() => localStorage.setItem("another-app", "x".repeat(1_900_000)));
  await page.reload();
  await warning.waitFor();
  await page.getByRole("link", { name: "Make a backup and free some space" }).click();
  await page.getByRole("heading", { level: 1, name: "Your data on this device" }).waitFor();
  await person.context.close();
});
