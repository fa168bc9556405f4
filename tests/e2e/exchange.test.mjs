// Two people, two browser profiles, real files: the reviewer starts a review and downloads the
// invitation; the reviewee imports it, writes and sends their pre-review; the reviewer imports it
// after comparing fingerprints. A file altered on the way is refused on screen.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp, newPerson, personNamed as named } from "./support.mjs";

let app;
let dir;
before(async () => {
  app = await startApp();
  dir = await mkdtemp(join(tmpdir(), "appraise-exchange-"));
});
after(async () => {
  await app?.close();
});

const personNamed = (name) => named(app, name);

async function importFile(page, path) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import a file" }).click();
  await page.getByLabel("Choose files").setInputFiles(path);
}

test("invitation and pre-review travel between reviewer and reviewee as files", async () => {
  const jo = await personNamed("Jo Lee");
  const sam = await personNamed("Sam Patel");

  // The reviewer starts the review; the form checks what is typed first.
  await jo.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Start a review" }).click();
  await jo.page.getByRole("button", { name: "Start the review and download the invitation" }).click();
  const summary = jo.page.getByRole("alert").filter({ hasText: "There is a problem" });
  await summary.getByRole("link", { name: "Enter the reviewee’s name." }).waitFor();
  await summary.getByRole("link", { name: "Enter a date, for example 27/03/2027." }).waitFor();
  await jo.page.getByLabel("Reviewee’s name").fill("Sam Patel");
  await jo.page.getByLabel("Reviewee’s job title").fill("Teaching assistant");
  await jo.page.getByLabel("Your school’s appraisal policy").selectOption({ label: "Secondary school: support staff" });
  await jo.page.getByLabel("Meeting date").fill("31/02/2027");
  await jo.page.getByRole("button", { name: "Start the review and download the invitation" }).click();
  await summary.getByRole("link", { name: /is not a real day/ }).waitFor();
  await jo.page.getByLabel("Meeting date").fill("12/03/2027");
  await jo.page.getByLabel("Last cycle’s objectives").fill("Run the phonics catch-up group\nIntroduce a reading log");
  const [invitation] = await Promise.all([
    jo.page.waitForEvent("download"),
    jo.page.getByRole("button", { name: "Start the review and download the invitation" }).click(),
  ]);
  assert.match(invitation.suggestedFilename(), /^appraise-invitation-sp-2025-26-/);
  const invitationPath = join(dir, invitation.suggestedFilename());
  await invitation.saveAs(invitationPath);

  // The reviewee imports it, checking Jo's fingerprint.
  await importFile(sam.page, invitationPath);
  const item = sam.page.getByRole("region", { name: /ready to import/ });
  await item.getByRole("heading", { name: "Invitation from Jo Lee" }).waitFor();
  assert.equal(await item.getByTestId("sender-fingerprint").textContent(), jo.fingerprint, "the digits match Jo's own screen");
  await item.getByLabel("In person").check();
  await item.getByRole("button", { name: "Import", exact: true }).click();
  await sam.page.getByRole("status").filter({ hasText: /answers? updated/ }).waitFor();

  // Both home pages now show the review from each side.
  await sam.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
  const samsReview = sam.page.getByRole("region", { name: "Your review with Jo Lee" });
  assert.match(await samsReview.textContent(), /Meeting on 12\/03\/2027/);
  await jo.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
  assert.match(await jo.page.getByRole("row", { name: /Sam Patel/ }).textContent(), /Invited.*None in the next six weeks/);

  // The reviewee writes and sends their pre-review.
  await sam.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your pre-review" }).click();
  await sam.page.getByLabel("Key successes and achievements over the last year").fill("Ran the phonics catch-up group: 14 of 16 pupils at the expected standard");
  const [preReview] = await Promise.all([sam.page.waitForEvent("download"), sam.page.getByRole("button", { name: "Send to Jo Lee" }).click()]);
  const preReviewPath = join(dir, preReview.suggestedFilename());
  await preReview.saveAs(preReviewPath);

  // Altered on the way: refused on the reviewer's screen.
  const sealed = JSON.parse(await readFile(preReviewPath, "utf8"));
  const flipped = sealed.ciphertext[50] === "A" ? "B" : "A";
  const tamperedPath = join(dir, "altered.json");
  await writeFile(tamperedPath, JSON.stringify({ ...sealed, ciphertext: sealed.ciphertext.slice(0, 50) + flipped + sealed.ciphertext.slice(51) }));
  await importFile(jo.page, tamperedPath);
  await jo.page.getByRole("alert").filter({ hasText: "damaged or changed on the way" }).waitFor();

  // The real file opens for Jo, who compares Sam's fingerprint and imports it.
  await importFile(jo.page, preReviewPath);
  const fromSam = jo.page.getByRole("region", { name: /ready to import/ });
  await fromSam.getByRole("heading", { name: "Pre-review from Sam Patel" }).waitFor();
  assert.equal(await fromSam.getByTestId("sender-fingerprint").textContent(), sam.fingerprint);
  assert.match(await fromSam.textContent(), /It was encrypted for you/);
  assert.match(await fromSam.textContent(), /What will change, as written by Sam Patel/);
  assert.match(await fromSam.textContent(), /Pre-review: Key successes and achievements over the last year/);
  await fromSam.getByLabel("By phone").check();
  await fromSam.getByRole("button", { name: "Import", exact: true }).click();
  await jo.page.getByRole("status").filter({ hasText: /answers? updated/ }).waitFor();

  assert.deepEqual(jo.person.consoleErrors, []);
  assert.deepEqual(sam.person.consoleErrors, []);
  await jo.person.context.close();
  await sam.person.context.close();
});

/** Starts a review of Sam Patel; `again` confirms a second one in the same cycle when warned. */
async function startReview(page, again = false) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Start a review" }).click();
  await page.getByLabel("Reviewee’s name").fill("Sam Patel");
  await page.getByLabel("Meeting date").fill("12/03/2027");
  const start = page.getByRole("button", { name: "Start the review and download the invitation" });
  if (again) {
    await start.click();
    await page.getByText("You already have a review of Sam Patel in this cycle").waitFor();
  }
  const button = again ? page.getByRole("button", { name: "Start a second review anyway" }) : start;
  const [invitation] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const path = join(dir, `invitation-${Date.now()}.json`);
  await invitation.saveAs(path);
  return path;
}

async function importAndAccept(page, path, how) {
  await importFile(page, path);
  const item = page.getByRole("region", { name: /ready to import/ }).last();
  await item.waitFor();
  if (how) await item.getByLabel(how).check();
  await item.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByRole("status").filter({ hasText: /answers? updated|Nothing new/ }).last().waitFor();
}

async function sendPreReview(page, text) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your pre-review" }).click();
  await page.getByLabel("Key successes and achievements over the last year").fill(text);
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Send to Jo Lee" }).click()]);
  const path = join(dir, `pre-review-${Date.now()}.json`);
  await file.saveAs(path);
  return path;
}

test("a pre-review sent from two devices shows as a conflict until the reviewer chooses", async () => {
  const jo = await personNamed("Jo Lee");
  const invitation = await startReview(jo.page);
  const laptop = await personNamed("Sam Patel");
  await importAndAccept(laptop.page, invitation, "In person");

  // Sam carries everything to a second device with a backup.
  await laptop.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your data" }).click();
  const backups = laptop.page.locator("section", { has: laptop.page.getByRole("heading", { name: "Backups" }) });
  await backups.getByLabel("Passphrase", { exact: true }).fill("two devices one person");
  await backups.getByLabel("Type the passphrase again").fill("two devices one person");
  const [backup] = await Promise.all([laptop.page.waitForEvent("download", { timeout: 30000 }), backups.getByRole("button", { name: "Download a backup" }).click()]);
  const backupPath = join(dir, "sam-backup.json");
  await backup.saveAs(backupPath);

  const phone = await newPerson(app.browser, { acceptDownloads: true });
  const phonePage = await phone.context.newPage();
  await phonePage.goto(`${app.url}/data`);
  await phonePage.getByLabel("Backup file").setInputFiles(backupPath);
  await phonePage.getByLabel("The backup’s passphrase").fill("two devices one person");
  await phonePage.getByRole("button", { name: "Restore from backup" }).click();
  await phonePage.getByRole("status").filter({ hasText: "added" }).waitFor({ timeout: 30000 });

  const fromLaptop = await sendPreReview(laptop.page, "Written on the laptop");
  const fromPhone = await sendPreReview(phonePage, "Written on the phone");

  await importAndAccept(jo.page, fromLaptop, "In person");
  await importAndAccept(jo.page, fromPhone, null);
  const conflicts = jo.page.getByRole("region", { name: "Changes that need you to choose" });
  const conflict = conflicts.getByRole("group", { name: "Sam Patel’s review: Pre-review: Key successes and achievements over the last year" });
  await conflict.waitFor();
  assert.deepEqual(await conflict.locator("blockquote").allTextContents(), ["Written on the phone", "Written on the laptop"]);

  // The review's own page shows the same choice; it is made there.
  await jo.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
  await jo.page.getByRole("row", { name: /Sam Patel/ }).getByRole("link", { name: "Sam Patel" }).click();
  const inReview = jo.page.getByRole("region", { name: "Changes that need you to choose" });
  const sameConflict = inReview.getByRole("group", { name: "Sam Patel’s review: Pre-review: Key successes and achievements over the last year" });
  await sameConflict.getByRole("button", { name: "Keep this version", exact: true }).click();
  await inReview.waitFor({ state: "detached" });
  assert.match(await jo.page.getByTestId("pre-review-received").textContent(), /Written on the laptop/);

  await Promise.all([jo.person.context.close(), laptop.person.context.close(), phone.context.close()]);
});

test("several files from a confirmed sender are imported at once", async () => {
  const jo = await personNamed("Jo Lee");
  const sam = await personNamed("Sam Patel");
  const invitations = [];
  for (let n = 0; n < 3; n += 1) invitations.push(await startReview(jo.page, n > 0));
  await importAndAccept(sam.page, invitations[0], "In person");

  // The other two arrive together; Jo's keys are confirmed, so no question is asked.
  await importFile(sam.page, invitations.slice(1));
  const importAll = sam.page.getByRole("button", { name: "Import all 2 files from people you have confirmed" });
  await importAll.click();
  await sam.page.getByTestId("import-all-outcome").filter({ hasText: "2 file(s) imported." }).waitFor();
  assert.equal(await sam.page.getByRole("button", { name: "Undo this import" }).count(), 2, "the earlier import's message made way for these two");
  const history = sam.page.getByRole("region", { name: "Imported on this device" });
  assert.equal(await history.getByRole("button", { name: /^Undo the import: Invitation from Jo Lee/ }).count(), 3, "each import, the first included, can be undone");
  await sam.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
  // Home reads the reviews once it is drawn: wait for the third before counting.
  await sam.page.getByRole("region", { name: "Your review with Jo Lee" }).nth(2).waitFor();
  assert.equal(await sam.page.getByRole("region", { name: "Your review with Jo Lee" }).count(), 3);

  assert.deepEqual(sam.person.consoleErrors, []);
  await Promise.all([jo.person.context.close(), sam.person.context.close()]);
});

test("markup written into every field of a pre-review arrives as inert text on the reviewer's screen", async () => {
  const jo = await personNamed("Jo Lee");
  const sam = await personNamed("Sam Patel");
  const fired = [];
  for (const who of [jo, sam]) {
    who.page.on("dialog", (dialog) => { fired.push(dialog.message()); dialog.dismiss(); });
  }
  const elsewhere = [];
  jo.page.on("request", (request) => { if (!request.url().startsWith(app.url)) elsewhere.push(request.url()); });
  const invitation = await startReview(jo.page);
  await importAndAccept(sam.page, invitation, "In person");

  // Every text field of the pre-review, and a piece of evidence, holds a different attack.
  const attacks = [
    "<script>alert('script')</script>",
    "<img src=x onerror=alert('img')>",
    "<a href=\"javascript:alert('link')\">click</a>",
    "\u202Eevil\u202C right-to-left override",
    "<svg onload=alert('svg')></svg>",
    "{{7*7}} ${7*7} <b>bold</b>",
  ];
  await sam.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your pre-review" }).click();
  // The page opens when its code has come: until then the last page stays on screen.
  await sam.page.getByRole("heading", { level: 1, name: "Your pre-review" }).waitFor();
  const fields = sam.page.locator("main textarea, main input[type=text]");
  const count = await fields.count();
  assert.ok(count >= 6, `${count} text fields`);
  const written = [];
  for (let n = 0; n < count; n += 1) {
    const text = `${attacks[n % attacks.length]} #${n}`;
    await fields.nth(n).fill(text);
    written.push(text);
  }
  await sam.page.getByRole("button", { name: "Add a piece of evidence" }).click();
  await sam.page.getByLabel("Evidence 1").fill(attacks[1]);
  written.push(attacks[1]);
  await sam.page.getByText("All changes saved on this device").waitFor();
  const [file] = await Promise.all([sam.page.waitForEvent("download"), sam.page.getByRole("button", { name: "Send to Jo Lee" }).click()]);
  const path = join(dir, `markup-${Date.now()}.json`);
  await file.saveAs(path);

  await importAndAccept(jo.page, path, "By phone");
  await jo.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
  await jo.page.getByRole("row", { name: /Sam Patel/ }).getByRole("link", { name: "Sam Patel" }).click();
  const received = jo.page.getByTestId("pre-review-received");
  await received.waitFor();
  const shown = await received.textContent();
  for (const text of written) assert.ok(shown.includes(text), `shown as written: ${text}`);
  // Nothing ran, nothing was fetched, and no element came from the text.
  await jo.page.waitForTimeout(300);
  assert.deepEqual(fired, [], "no dialog opened");
  assert.deepEqual(elsewhere, [], "no request left the app");
  assert.equal(await received.locator("script, img, svg, a, b").count(), 0, "no element made from the text");
  await jo.person.context.close();
  await sam.person.context.close();
});

test("two people called Sarah Jones in one reviewer's browser: each one's words reach her own review", async () => {
  const jo = await personNamed("Jo Lee");
  const sarahs = [await personNamed("Sarah Jones"), await personNamed("Sarah Jones")];
  const words = ["Ran the Year 3 reading club", "Led the Year 5 maths interventions"];
  const start = async (again) => {
    await jo.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Start a review" }).click();
    await jo.page.getByLabel("Reviewee’s name").fill("Sarah Jones");
    await jo.page.getByLabel("Meeting date").fill("12/03/2027");
    const button = jo.page.getByRole("button", { name: "Start the review and download the invitation" });
    if (again) {
      await button.click();
      await jo.page.getByText("You already have a review of Sarah Jones in this cycle").waitFor();
    }
    const go = again ? jo.page.getByRole("button", { name: "Start a second review anyway" }) : button;
    const [file] = await Promise.all([jo.page.waitForEvent("download"), go.click()]);
    const path = join(dir, `invitation-sarah-${Date.now()}.json`);
    await file.saveAs(path);
    return path;
  };
  const invitations = [await start(false), await start(true)];
  for (const [n, sarah] of sarahs.entries()) {
    await importAndAccept(sarah.page, invitations[n], "In person");
    const path = await sendPreReview(sarah.page, words[n]);
    await importFile(jo.page, path);
    const item = jo.page.getByRole("region", { name: /ready to import/ }).last();
    await item.getByRole("heading", { name: "Pre-review from Sarah Jones" }).waitFor();
    assert.equal(await item.getByTestId("sender-fingerprint").textContent(), sarah.fingerprint);
    // The second Sarah's first file names the first beside her fingerprint.
    assert.equal(await item.getByTestId("namesake").count(), n);
    await item.getByLabel("By phone").check();
    await item.getByRole("button", { name: "Import", exact: true }).click();
    await jo.page.getByRole("status").filter({ hasText: /answers? updated/ }).last().waitFor();
  }
  // Two reviews, each with its own Sarah's words and nothing of the other's.
  await jo.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
  const rows = jo.page.getByRole("row", { name: /Sarah Jones/ });
  await rows.nth(1).waitFor();
  assert.equal(await rows.count(), 2);
  const seen = [];
  for (let n = 0; n < 2; n += 1) {
    await jo.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
    await jo.page.getByRole("row", { name: /Sarah Jones/ }).nth(n).getByRole("link", { name: "Sarah Jones" }).click();
    seen.push(await jo.page.getByTestId("pre-review-received").textContent());
  }
  for (const text of words) assert.equal(seen.filter((shown) => shown.includes(text)).length, 1, text);
  // Sending to "Sarah Jones" asks which one, told apart by their fingerprints, and goes
  // locked to the one chosen.
  await jo.page.getByLabel("CPD leader’s name").fill("Sarah Jones");
  const which = jo.page.getByRole("group", { name: "Which Sarah Jones?" });
  assert.equal(await which.getByRole("radio").count(), 2);
  const send = jo.page.getByRole("button", { name: "Send the training needs to the CPD leader" });
  await send.click();
  await jo.page.getByText("choose which one you mean").waitFor();
  const ending = sarahs[1].fingerprint.trim().split(" ").pop();
  await which.getByLabel(new RegExp(`fingerprint ending ${ending}`)).check();
  const [locked] = await Promise.all([jo.page.waitForEvent("download"), send.click()]);
  assert.ok(locked.suggestedFilename().endsWith(".json"));
  assert.match(await jo.page.getByTestId("sent-file").textContent(), /for Sarah Jones, encrypted/);
  // Starting another review of "Sarah Jones" asks which one too, and the invitation goes locked.
  await jo.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Start a review" }).click();
  await jo.page.getByLabel("Reviewee’s name").fill("Sarah Jones");
  await jo.page.getByLabel("Meeting date").fill("12/03/2027");
  const whichReviewee = jo.page.getByRole("group", { name: "Which Sarah Jones?" });
  await whichReviewee.getByLabel(new RegExp(`fingerprint ending ${sarahs[0].fingerprint.trim().split(" ").pop()}`)).check();
  await jo.page.getByRole("button", { name: "Start the review and download the invitation" }).click();
  await jo.page.getByText("You already have a review of Sarah Jones in this cycle").waitFor();
  await Promise.all([jo.page.waitForEvent("download"), jo.page.getByRole("button", { name: "Start a second review anyway" }).click()]);
  await jo.page.getByText("The invitation is locked so only the reviewee can read it").waitFor();
  // Both are contacts, side by side.
  await jo.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts" }).click();
  await jo.page.getByRole("row", { name: /Sarah Jones/ }).nth(1).waitFor();
  assert.equal(await jo.page.getByRole("row", { name: /Sarah Jones/ }).count(), 2);
  await jo.person.context.close();
  for (const sarah of sarahs) await sarah.person.context.close();
});


test("a review handed to a new reviewer carries on: the new reviewer takes it, and the reviewee's copy follows", async () => {
  // Seed 004 6.4-6.6: the reviewer is changed, and the cycle does not begin again.
  const jo = await personNamed("Jo Lee");
  const sam = await personNamed("Sam Patel");
  const ada = await personNamed("Ada Stone");
  const invitation = await startReview(jo.page);
  await importAndAccept(sam.page, invitation, "In person");
  // Sam's pre-review reaches Jo, so Jo holds Sam's keys and the handover goes locked to both.
  await importAndAccept(jo.page, await sendPreReview(sam.page, "Ran the reading club"), "In person");
  // Ada's contact card reaches Jo first: a review passes only to keys Jo has compared.
  await ada.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts" }).click();
  const [card] = await Promise.all([ada.page.waitForEvent("download"), ada.page.getByRole("button", { name: "Send your contact card" }).click()]);
  const cardPath = join(dir, `card-ada-${Date.now()}.json`);
  await card.saveAs(cardPath);
  await importFile(jo.page, cardPath);
  const cardItem = jo.page.getByRole("region", { name: /contact card/ }).last();
  await cardItem.getByLabel("In person").check();
  await cardItem.getByRole("button", { name: "Add to your contacts" }).click();
  await jo.page.getByRole("status").filter({ hasText: "Ada Stone is in your contacts" }).waitFor();

  await jo.page.goto(`${app.url}/`);
  await jo.page.getByRole("link", { name: "Sam Patel" }).first().click();
  await jo.page.getByRole("heading", { name: "Review of Sam Patel", level: 1 }).waitFor();
  await jo.page.getByLabel("New reviewer’s name").fill("Ada Stone");
  const [handover] = await Promise.all([
    jo.page.waitForEvent("download"),
    jo.page.getByRole("button", { name: "Hand the review to another reviewer" }).click(),
  ]);
  assert.match(await jo.page.getByTestId("sent-file").textContent(), /for Ada Stone and Sam Patel, encrypted/);
  const handoverPath = join(dir, handover.suggestedFilename());
  await handover.saveAs(handoverPath);
  // Jo keeps the review to read: the reviewer is now Ada, and Jo has nothing left to send.
  await jo.page.reload();
  await jo.page.locator("dl.summary-list").first().getByText("Ada Stone").waitFor();
  assert.equal(await jo.page.getByRole("button", { name: "Hand the review to another reviewer" }).count(), 0);

  // Ada takes the review whole, Sam's pre-review included, as its reviewer.
  await importAndAccept(ada.page, handoverPath, "In person");
  await ada.page.goto(`${app.url}/`);
  await ada.page.getByRole("link", { name: "Sam Patel" }).first().click();
  await ada.page.getByRole("heading", { name: "Review of Sam Patel", level: 1 }).waitFor();
  await ada.page.getByText("Ran the reading club").first().waitFor();
  await ada.page.getByRole("button", { name: "Send the statement to Sam Patel for comment" }).waitFor();

  // Sam's copy follows: the reviewer is Ada, and the same review and cycle carry on.
  await importAndAccept(sam.page, handoverPath);
  await sam.page.goto(`${app.url}/`);
  await sam.page.getByRole("link", { name: "Open this review" }).first().click();
  await sam.page.locator("dl.summary-list").first().getByText("Ada Stone").waitFor();
  await sam.page.locator("dl.summary-list").first().getByText(/^Jo Lee, until \d\d\/\d\d\/\d{4}$/).waitFor();
  for (const width of [1280, 360]) {
    await jo.page.setViewportSize({ width, height: 900 });
    await jo.page.screenshot({ path: `target/screenshots/handover-sent-${width}.png`, fullPage: false });
  }
});
