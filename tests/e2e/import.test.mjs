// Importing files as a person would: set your name, choose a file someone emailed you, compare
// the sender's fingerprint, see what will change, import, undo, and have bad files refused
// with a sentence that says why.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp, newPerson } from "./support.mjs";

const INVITATION = "tests/fixtures/bundles/invitation-for-sam-by-name.json";

let app;
let dir;
before(async () => {
  app = await startApp();
  dir = await mkdtemp(join(tmpdir(), "appraise-import-"));
});
after(async () => {
  await app?.close();
});

async function asSam(browser) {
  const person = await newPerson(browser);
  const page = await person.context.newPage();
  await page.goto(`${app.url}/contacts`);
  await page.getByLabel("Your name, as colleagues know you").fill("Sam Patel");
  await page.getByLabel("Your name, as colleagues know you").press("Tab");
  await page.getByText("Name saved").waitFor();
  assert.match(await page.getByTestId("my-fingerprint").textContent(), /^\d{5}( \d{5}){5}$/);
  return { person, page };
}

async function choose(page, path) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import a file" }).click();
  await page.getByRole("heading", { level: 1, name: "Import a file" }).waitFor();
  await page.getByLabel("Choose files").setInputFiles(path);
}

test("an invitation is checked, previewed, imported after comparing the fingerprint, and can be undone", async () => {
  const { person, page } = await asSam(app.browser);
  await choose(page, INVITATION);
  const item = page.getByRole("region", { name: "invitation-for-sam-by-name.json: ready to import" });
  await item.getByRole("heading", { name: "Invitation from Jo Lee" }).waitFor();
  assert.match(await item.getByTestId("sender-fingerprint").textContent(), /^\d{5}( \d{5}){5}$/);
  assert.match(await item.textContent(), /It was not encrypted/);
  assert.ok((await item.getByRole("listitem").count()) > 5, "the fields that will change are listed");

  await item.getByRole("button", { name: "Import", exact: true }).click();
  await item.getByRole("alert").filter({ hasText: "Say how you compared the fingerprint" }).waitFor();
  await item.getByLabel("By phone").check();
  await item.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByRole("status").filter({ hasText: /answers? updated/ }).waitFor();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts" }).click();
  const row = page.getByRole("row", { name: /Jo Lee/ });
  assert.match(await row.textContent(), /Fingerprint compared by phone/);

  // The same file again changes nothing: information, not an alarm, and the earlier messages go.
  await choose(page, INVITATION);
  const repeat = page.getByRole("status").filter({ hasText: "invitation-for-sam-by-name.json is already imported" });
  await repeat.waitFor();
  assert.match(await repeat.textContent(), /nothing more to do/);
  assert.equal(await page.getByRole("alert").count(), 0, "a repeat is not shown as a problem");
  assert.equal(await page.getByText(/answers? updated/).count(), 0, "the earlier import's message is cleared");

  // Undo from the history list: the button says which import it undoes.
  await page.getByRole("region", { name: "Imported on this device" }).getByRole("button", { name: /^Undo the import: Invitation from Jo Lee, / }).click();
  await page.getByText("(undone)").waitFor();
  assert.deepEqual(person.consoleErrors, []);
  await person.context.close();
});

test("tampered, misaddressed and other kinds of file are refused on screen with the reason", async () => {
  const { person, page } = await asSam(app.browser);
  const original = JSON.parse(await readFile(INVITATION, "utf8"));
  const tampered = { ...original, payload: original.payload.slice(0, 300) + (original.payload[300] === "A" ? "B" : "A") + original.payload.slice(301) };
  const tamperedPath = join(dir, "tampered.json");
  await writeFile(tamperedPath, JSON.stringify(tampered));
  const pdfPath = join(dir, "statement.pdf");
  await writeFile(pdfPath, "%PDF-1.7\n1 0 obj\n");
  const futurePath = join(dir, "future.json");
  await writeFile(futurePath, JSON.stringify({ ...original, version: 3 }));

  const cases = [
    [tamperedPath, "tampered.json was not imported", /changed after it was signed/],
    [pdfPath, "statement.pdf was not imported", /This is a PDF document, not a file from Appraise/],
    [futurePath, "future.json was not imported", /newer version of Appraise/],
  ];
  for (const [path, title, reason] of cases) {
    await choose(page, path);
    const banner = page.getByRole("alert").filter({ hasText: title });
    await banner.waitFor();
    assert.match(await banner.textContent(), reason);
  }

  // Someone not named Sam Patel cannot import Sam's invitation.
  await page.goto(`${app.url}/contacts`);
  await page.getByLabel("Your name, as colleagues know you").fill("Alex Kim");
  await page.getByLabel("Your name, as colleagues know you").press("Tab");
  await page.getByText("Name saved").waitFor();
  await choose(page, INVITATION);
  await page.getByRole("alert").filter({ hasText: "meant for Sam Patel, not for you" }).waitFor();
  await person.context.close();
});

test("after importing the invitation, the reviewee sends their pre-review as an encrypted file", async () => {
  const { person, page } = await asSam(app.browser);
  await choose(page, INVITATION);
  const item = page.getByRole("region", { name: "invitation-for-sam-by-name.json: ready to import" });
  await item.getByLabel("In person").check();
  await item.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByRole("status").filter({ hasText: /answers? updated/ }).waitFor();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your pre-review" }).click();
  await page.getByLabel("Key successes and achievements over the last year").fill("Ran the phonics group all year");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Send to Jo Lee" }).click()]);
  assert.match(download.suggestedFilename(), /^appraise-pre-review-sp-2026-27-\d{4}-\d{2}-\d{2}-\d{4}-[0-9a-f]{4}\.json$/);
  const file = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.equal(file.format, "appraise-sealed-bundle");
  assert.equal(file.recipients.length, 2, "for the reviewer and for the sender");
  assert.ok(!JSON.stringify(file).includes("phonics"), "the content is encrypted");
  assert.match(await page.getByTestId("sent-file").textContent(), /for Jo Lee, encrypted/);
  // The email says what the file is and how to open it, with the file's name to attach.
  const mailto = decodeURIComponent(await page.getByRole("link", { name: "Write an email" }).getAttribute("href"));
  assert.match(mailto, /^mailto:\?subject=Appraisal: pre-review&body=Hello Jo Lee,\n\nI have attached the pre-review for our appraisal: appraise-pre-review-sp-2026-27-/);
  assert.match(mailto, /choose Import a file, and choose the attachment\.\n$/);
  assert.match(await page.getByRole("status").filter({ hasText: "ready to send" }).textContent(), /Attach appraise-pre-review-sp-.*\.json to an email to Jo Lee: it is in your downloads folder/);

  // Jo's contact card holds an email address (a slip is caught and not saved), and the email
  // is then addressed to Jo.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts" }).click();
  const email = page.getByLabel("Email address for Jo Lee");
  await email.fill("jo.lee.hill.sch.uk");
  await email.press("Tab");
  await page.getByText("Enter the whole email address, with an @").waitFor();
  assert.equal(await email.getAttribute("aria-invalid"), "true");
  await email.fill("jo.lee@hill.sch.uk");
  await email.press("Tab");
  await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
  await page.reload();
  assert.equal(await page.getByLabel("Email address for Jo Lee").inputValue(), "jo.lee@hill.sch.uk");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your pre-review" }).click();
  await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Send to Jo Lee" }).click()]);
  const addressed = decodeURIComponent(await page.getByRole("link", { name: "Write an email" }).getAttribute("href"));
  assert.match(addressed, /^mailto:jo\.lee@hill\.sch\.uk\?subject=Appraisal: pre-review&body=Hello Jo Lee,/);
  await person.context.close();
});

test("many files at once show their previews folded, each opening to its changes", async () => {
  const { person, page } = await asSam(app.browser);
  const buffer = await readFile(INVITATION);
  await choose(page, [1, 2, 3, 4].map((n) => ({ name: `copy-${n}.json`, mimeType: "application/json", buffer })));
  const item = page.getByRole("region", { name: "copy-4.json: ready to import" });
  await item.waitFor();
  assert.equal(await page.locator("details.changes:not([open])").count(), 4, "folded");
  assert.equal(await item.getByRole("listitem").first().isVisible(), false);
  await item.getByText(/What will change, as written by Jo Lee \(\d+\)/).click();
  assert.ok(await item.getByRole("listitem").first().isVisible(), "opened to its list of changes");
  assert.deepEqual(person.consoleErrors, []);
  await person.context.close();
});
