// One calendar for the whole school: the headteacher sets the term dates and publishes the
// school settings; a reviewer and a reviewee, each in their own browser, import them and see the
// same due date for the statement across the October half-term; a second version (a training
// day after half-term) reaches both with a preview of what changes, and moves the due date. An
// older version is refused. Screenshots (1280 px and 360 px) of the new parts land in
// test-results/screenshots/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp, personNamed as named, nav, section, becomeHeadteacher } from "./support.mjs";

const SHOTS = "test-results/screenshots";

let app;
let dir;
before(async () => {
  app = await startApp();
  dir = await mkdtemp(join(tmpdir(), "appraise-school-settings-"));
  await mkdir(SHOTS, { recursive: true });
});
after(async () => {
  await app?.close();
});

const personNamed = (name) => named(app, name, { now: "2026-07-15T10:00:00Z" });

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  const path = join(dir, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

/** Saves `locator` at desktop and phone widths, checking nothing is wider than the screen. */
async function look(page, locator, name) {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    const wider = await page.evaluate((width) => [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > width + 1)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`)
      .slice(0, 5), width);
    assert.deepEqual(wider, [], `${name} fits ${width} px`);
    await locator.screenshot({ path: `${SHOTS}/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function addTerm(page, name, first, last) {
  const terms = section(page, "Term dates");
  await terms.getByLabel("Term", { exact: true }).fill(name);
  await terms.getByLabel("First day of the term").fill(first);
  await terms.getByLabel("Last day of the term").fill(last);
  await terms.getByRole("button", { name: "Add the term" }).click();
}

/** Imports the school settings file at `path`; returns the preview's lines, then uses them. */
async function useSettings(who, path, how, shot) {
  await nav(who.page, "Import a file");
  await who.page.getByLabel("Choose files").setInputFiles(path);
  const item = who.page.getByRole("region", { name: /school settings/ }).last();
  await item.getByRole("heading", { name: "School settings from Pat Head" }).waitFor();
  await item.getByTestId("settings-changes").waitFor();
  const changes = (await item.getByTestId("settings-changes").getByRole("listitem").allTextContents()).map((t) => t.trim());
  const fingerprint = how ? await item.getByTestId("sender-fingerprint").textContent() : null;
  const words = how ? await item.getByTestId("sender-fingerprint-words").textContent() : null;
  if (shot) await look(who.page, item, shot);
  if (how) await item.getByLabel(how).check();
  await item.getByRole("button", { name: "Use these settings" }).click();
  await who.page.getByText(/You now use version \d of the school settings/).last().waitFor();
  return { changes, fingerprint, words };
}

/** The statement's deadline as the review page shows it to `who`. */
async function statementDue(who, open) {
  await nav(who.page, "Home");
  await open();
  const item = who.page.getByRole("listitem").filter({ hasText: "Send the statement and training needs to the reviewee" });
  await item.waitFor();
  return (await item.textContent()).trim();
}

test("the headteacher's term dates reach every member of staff, and a new version moves the due date", async () => {
  const pat = await personNamed("Pat Head");
  const jo = await personNamed("Jo Lee");
  const sam = await personNamed("Sam Patel");

  // The headteacher says who they are, chooses the policy and sets the autumn term's dates.
  await becomeHeadteacher(pat.page);
  await addTerm(pat.page, "Autumn term 1", "02/09/2026", "23/10/2026");
  // A second half that overlaps the first is refused, naming both.
  await addTerm(pat.page, "Autumn term 2", "21/10/2026", "18/12/2026");
  const problem = pat.page.getByRole("alert").filter({ hasText: "There is a problem" });
  await problem.getByRole("link", { name: "The Autumn term 2 starts before the Autumn term 1 ends. Correct the dates so that one term ends before the next begins." }).waitFor();
  await section(pat.page, "Term dates").getByLabel("First day of the term").fill("02/11/2026");
  await section(pat.page, "Term dates").getByRole("button", { name: "Add the term" }).click();
  await section(pat.page, "Term dates").getByText("Autumn term 2: 02/11/2026 to 18/12/2026").waitFor();
  await look(pat.page, section(pat.page, "Term dates"), "settings-term-dates");

  const publishing = section(pat.page, "Publish your school’s settings");
  assert.match(await publishing.getByTestId("settings-version").textContent(), /You have not used a school settings file yet/);
  const first = await download(pat.page, () => publishing.getByRole("button", { name: "Publish version 1 and download it" }).click());
  assert.equal(first.name, "appraise-school-settings-hill-primary-v1.json");
  await publishing.getByRole("status").filter({ hasText: "Version 1 is published" }).waitFor();
  assert.match(await publishing.getByTestId("settings-version").textContent(), /You use version 1 of the school settings for Hill Primary, published by Pat Head on 15\/07\/2026\./);
  await look(pat.page, publishing, "settings-publish");

  // The reviewer and the reviewee each import it once, comparing Pat's fingerprint.
  for (const [who, shot] of [[jo, "import-school-settings"], [sam, null]]) {
    const { changes, fingerprint, words } = await useSettings(who, first.path, "In person", shot);
    assert.equal(fingerprint, pat.fingerprint, "the digits match Pat's own screen");
    assert.equal(words, pat.words, "and so do the eight words");
    assert.equal(words.split(" ").length, 8);
    assert.deepEqual(changes, [
      "Policy: Local authority model for support staff (none chosen before)",
      "Autumn term 1: 02/09/2026–23/10/2026 added",
      "Autumn term 2: 02/11/2026–18/12/2026 added",
      "Headteacher: Pat Head added",
    ]);
  }
  await nav(jo.page, "Settings");
  const jos = section(jo.page, "Your school’s settings file");
  assert.match(await jos.getByTestId("settings-version").textContent(), /You use version 1 of the school settings for Hill Primary, published by Pat Head/);
  await section(jo.page, "Term dates").getByText("Autumn term 1: 02/09/2026 to 23/10/2026").waitFor();
  await look(jo.page, jos, "settings-school-file-staff");

  // The reviewer starts a review with its meeting on Friday 23/10/2026, the last day before
  // half-term, and the reviewee imports the invitation.
  await nav(jo.page, "Start a review");
  await jo.page.getByLabel("Reviewee’s name").fill("Sam Patel");
  await jo.page.getByLabel("Reviewee’s job title").fill("Teaching assistant");
  await jo.page.getByLabel("Your school’s appraisal policy").selectOption({ label: "Local authority model for support staff" });
  await jo.page.getByLabel("Meeting date").fill("23/10/2026");
  const invitation = await download(jo.page, () => jo.page.getByRole("button", { name: "Start the review and download the invitation" }).click());
  await jo.page.getByRole("heading", { name: "Review of Sam Patel started" }).waitFor();
  await nav(sam.page, "Import a file");
  await sam.page.getByLabel("Choose files").setInputFiles(invitation.path);
  const fromJo = sam.page.getByRole("region", { name: /ready to import/ }).last();
  await fromJo.getByLabel("In person").check();
  await fromJo.getByRole("button", { name: "Import", exact: true }).click();
  await sam.page.getByRole("status").filter({ hasText: /answers? updated/ }).waitFor();

  // Both count 5 working days over half-term (26–30/10/2026): Friday 06/11/2026.
  const openAsReviewer = () => jo.page.getByRole("row", { name: /Sam Patel/ }).getByRole("link", { name: "Sam Patel" }).click();
  const openAsReviewee = () => sam.page.getByRole("region", { name: "Your review with Jo Lee" }).getByRole("link", { name: "Open this review" }).click();
  const before = [await statementDue(jo, openAsReviewer), await statementDue(sam, openAsReviewee)];
  // The same date on both; the reviewer's own to do, and for Sam, the reviewer's, never Sam's.
  const overHalfTerm = "Send the statement and training needs to the reviewee – 06/11/2026 (Reviewer)";
  assert.deepEqual(before, [`${overHalfTerm}, not yet due`, `${overHalfTerm}, for the reviewer to do`], "the reviewer and the reviewee see the same date");

  // Version 2: a training day on the first day back.
  await nav(pat.page, "Settings");
  const closures = section(pat.page, "School closures");
  await closures.getByLabel("What is it?").fill("Training day");
  await closures.getByLabel("First day").fill("02/11/2026");
  await closures.getByRole("button", { name: "Add the closure" }).click();
  await closures.getByText("Training day: 02/11/2026").waitFor();
  const second = await download(pat.page, () => section(pat.page, "Publish your school’s settings").getByRole("button", { name: "Publish version 2 and download it" }).click());
  assert.equal(second.name, "appraise-school-settings-hill-primary-v2.json");

  for (const [who, shot] of [[jo, "import-school-settings-v2"], [sam, null]]) {
    const { changes } = await useSettings(who, second.path, null, shot);
    assert.deepEqual(changes, ["Closure ‘Training day’ 02/11/2026 added"]);
  }
  const after = [await statementDue(jo, openAsReviewer), await statementDue(sam, openAsReviewee)];
  const afterTrainingDay = "Send the statement and training needs to the reviewee – 09/11/2026 (Reviewer)";
  assert.deepEqual(after, [`${afterTrainingDay}, not yet due`, `${afterTrainingDay}, for the reviewer to do`]);

  // The first version again is older than the one in use: refused, nothing changes.
  await nav(sam.page, "Import a file");
  await sam.page.getByLabel("Choose files").setInputFiles(first.path);
  await sam.page.getByText("This is version 1 of the school settings; you already have version 2, which is newer. Keep using version 2: nothing has changed.").waitFor();

  assert.deepEqual(pat.person.consoleErrors, []);
  assert.deepEqual(jo.person.consoleErrors, []);
  assert.deepEqual(sam.person.consoleErrors, []);
  await Promise.all([pat.person.context.close(), jo.person.context.close(), sam.person.context.close()]);
});

test("terms entered only to 21/07/2027: the headteacher is reminded, and a July meeting's statement says next year’s terms are needed", async () => {
  const inJune = (name) => named(app, name, { now: "2027-06-21T10:00:00Z" });
  const pat = await inJune("Pat Head");
  const jo = await inJune("Jo Lee");

  await becomeHeadteacher(pat.page);
  const terms = section(pat.page, "Term dates");
  assert.match(await terms.getByTestId("terms-reminder").textContent(), /^No terms are entered/);
  await addTerm(pat.page, "Summer term", "12/04/2027", "21/07/2027");
  await terms.getByText("Summer term: 12/04/2027 to 21/07/2027").waitFor();
  // Four and a half weeks before the term ends: time to publish next year's.
  assert.equal(
    await terms.getByTestId("terms-reminder").textContent(),
    "Your school’s terms are entered only until 21/07/2027. Add next year’s terms before then so that deadlines skip the holidays and termly reviews can be dated, then publish the settings to staff.",
  );
  await look(pat.page, terms, "settings-terms-reminder");
  const published = await download(pat.page, () => section(pat.page, "Publish your school’s settings").getByRole("button", { name: "Publish version 1 and download it" }).click());
  await useSettings(jo, published.path, "In person", null);

  // Jo's meeting on Friday 16/07/2027: five working days run past the last day entered.
  await nav(jo.page, "Start a review");
  await jo.page.getByLabel("Reviewee’s name").fill("Sam Patel");
  await jo.page.getByLabel("Reviewee’s job title").fill("Teaching assistant");
  await jo.page.getByLabel("Meeting date").fill("16/07/2027");
  await download(jo.page, () => jo.page.getByRole("button", { name: "Start the review and download the invitation" }).click());
  await jo.page.getByRole("heading", { name: "Review of Sam Patel started" }).waitFor();
  const due = await statementDue(jo, () => jo.page.getByRole("row", { name: /Sam Patel/ }).getByRole("link", { name: "Sam Patel" }).click());
  assert.equal(
    due,
    "Send the statement and training needs to the reviewee – 23/07/2027 (Reviewer), coming up. Counted without your school’s dates",
  );
  // What is missing is said once, under the list.
  assert.equal(
    await jo.page.getByTestId("dates-past-the-terms").textContent(),
    "Counted without your school’s dates after 21/07/2027: ask the headteacher to publish next year’s terms.",
  );
  await look(jo.page, jo.page.getByRole("list").filter({ hasText: "Send the statement and training needs" }), "review-deadline-past-terms");

  assert.deepEqual(pat.person.consoleErrors, []);
  assert.deepEqual(jo.person.consoleErrors, []);
  await Promise.all([pat.person.context.close(), jo.person.context.close()]);
});
