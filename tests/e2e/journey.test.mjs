// The whole cycle across browser profiles — reviewer, reviewee, headteacher, CPD leader — through real
// file downloads and uploads, as the people would do it, with an accessibility check and
// screenshots (at 1280 px and 360 px, in test-results/) of the main pages on the way.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, mkdtemp, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp, waitForOfflineCopy, smallTickBoxes, personNamed as named } from "./support.mjs";

const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const SHOTS = "test-results/screenshots";

let app;
let dir;
before(async () => {
  app = await startApp();
  dir = await mkdtemp(join(tmpdir(), "appraise-journey-"));
  await mkdir(SHOTS, { recursive: true });
});
after(async () => {
  await app?.close();
});

// Axe is run inside the page, which the app’s Content-Security-Policy would otherwise refuse.
const personNamed = (name) => named(app, name, { bypassCSP: true });

// Opens a page from the main navigation. A page opens once its code has come; until then the
// address and the last page stay, so this waits for the address.
async function nav(page, name) {
  const link = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });
  const path = await link.getAttribute("href");
  await link.click();
  await page.waitForURL((url) => url.pathname === path);
}

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

async function importFile(page, path, how) {
  await nav(page, "Import a file");
  await page.getByLabel("Choose files").setInputFiles(path);
  const item = page.getByRole("region", { name: /ready to import/ }).last();
  await item.waitFor();
  if (how) await item.getByLabel(how).check();
  await item.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByRole("status").filter({ hasText: /answers? updated/ }).last().waitFor();
}

/** `from` sends their contact card; `to` imports it and adds them after comparing by phone
 * (with `shot`, the card waiting to be added is looked at and saved under that name). */
async function sendCard(from, to, name, shot) {
  await nav(from.page, "Contacts");
  const card = await download(from.page, () => from.page.getByRole("button", { name: "Send your contact card" }).click());
  assert.match(card, /appraise-contact-card-.*\.json$/);
  await nav(to.page, "Import a file");
  await to.page.getByLabel("Choose files").setInputFiles(card);
  const item = to.page.getByRole("region", { name: /contact card/ }).last();
  await item.getByRole("heading", { name: `Contact card from ${name}` }).waitFor();
  if (shot) await look(to.page, shot);
  await item.getByLabel("By phone").check();
  await item.getByRole("button", { name: "Add to your contacts" }).click();
  await to.page.getByRole("status").filter({ hasText: `${name} is in your contacts` }).waitFor();
}

async function axe(page, where) {
  await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const result = await globalThis.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
  assert.deepEqual(found, [], where);
}

/** Checks the page for accessibility and saves it at desktop and phone widths. */
/** Whether any of `locator` is inside the window as it is scrolled now. */
async function inView(page, locator) {
  const box = await locator.boundingBox();
  const height = page.viewportSize().height;
  return box !== null && box.y + box.height > 0 && box.y < height;
}

async function look(page, name) {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await axe(page, `${name} at ${width} px`);
    // Nothing is wider than the screen: no sideways scrolling on a phone.
    const wider = await page.evaluate((width) => [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > width + 1)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`)
      .slice(0, 5), width);
    assert.deepEqual(wider, [], `${name} fits ${width} px`);
    assert.deepEqual(await smallTickBoxes(page), [], `${name}: tick boxes at least 24 px at ${width} px`);
    // From the top, so what stays in view (the contents, the bar at the foot) is where a
    // person first sees it.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

function signOffs(page) {
  return page.getByTestId("sign-offs").locator("li");
}

test("invite, prepare, meet, write, sign and pass on: the whole cycle in three browsers", async () => {
  const jo = await personNamed("Jo Lee");
  const sam = await personNamed("Sam Patel");
  const pat = await personNamed("Pat Head");
  const chris = await personNamed("Chris Train");
  try {
    await wholeCycle(jo, sam, pat, chris);
  } catch (error) {
    // What each person had on screen when it failed, to look at.
    for (const [name, who] of [["reviewer", jo], ["reviewee", sam], ["headteacher", pat]]) {
      await who.page.screenshot({ path: `${SHOTS}/failed-${name}.png`, fullPage: true }).catch(() => {});
    }
    throw error;
  }
});

async function wholeCycle(jo, sam, pat, chris) {
  await jo.person.context.clock.setFixedTime(new Date("2026-11-30T10:00:00Z"));
  // Sam's contact card reaches Jo first, so even the invitation goes locked.
  await sendCard(sam, jo, "Sam Patel", "import-contact-card");
  // Reviewer: start the review and download the invitation.
  await nav(jo.page, "Start a review");
  await jo.page.getByLabel("Reviewee’s name").fill("Sam Patel");
  await jo.page.getByLabel("Reviewee’s job title").fill("Teaching assistant");
  await jo.page.getByLabel("Your school’s appraisal policy").selectOption({ label: "Secondary school: support staff" });
  await jo.page.getByLabel("Meeting date").fill("12/03/2027");
  await jo.page.getByLabel("Last cycle’s objectives").fill("Run the phonics catch-up group\nIntroduce a reading log");
  const invitation = await download(jo.page, () => jo.page.getByRole("button", { name: "Start the review and download the invitation" }).click());
  // The page leads to the new review instead of leaving the filled form to be sent twice.
  await jo.page.getByRole("heading", { name: "Review of Sam Patel started" }).waitFor();
  await jo.page.getByText("The invitation is locked so only the reviewee can read it").waitFor();
  assert.equal(JSON.parse(await readFile(invitation, "utf8")).format, "appraise-sealed-bundle");
  assert.equal(await jo.page.getByLabel("Reviewee’s name").count(), 0);
  await jo.page.getByRole("link", { name: "Start another review" }).click();
  await jo.page.getByLabel("Reviewee’s name").fill("sam patel");
  await jo.page.getByLabel("Your school’s appraisal policy").selectOption({ label: "Secondary school: support staff" });
  await jo.page.getByLabel("Meeting date").fill("12/03/2027");
  await jo.page.getByRole("button", { name: "Start the review and download the invitation" }).click();
  const second = jo.page.getByRole("status").filter({ hasText: "You already have a review of Sam Patel in this cycle" });
  await second.waitFor();
  await second.getByRole("link", { name: "Open the review you already have" }).click();
  await jo.page.getByRole("heading", { name: "Review of Sam Patel", level: 1 }).waitFor();
  await nav(jo.page, "Home");
  // Home reads the reviews once it is drawn.
  await jo.page.getByRole("row", { name: /Sam Patel/ }).first().waitFor();
  assert.equal(await jo.page.getByRole("row", { name: /Sam Patel/ }).count(), 1, "no duplicate was started");

  // Reviewee: import, draft the pre-review with a reload and a spell offline, send it.
  await importFile(sam.page, invitation, "In person");
  await waitForOfflineCopy(sam.page);
  await nav(sam.page, "Your pre-review");
  assert.equal(await sam.page.getByLabel("Your name").inputValue(), "Sam Patel", "the name given at set-up heads the form");
  // Two pieces of evidence, and some answers left blank.
  for (const [n, evidence] of ["Phonics tracking sheets, spring term", "Parent feedback cards"].entries()) {
    await sam.page.getByRole("button", { name: "Add a piece of evidence" }).click();
    await sam.page.getByLabel(`Evidence ${n + 1}`).fill(evidence);
  }
  await sam.page.getByLabel("Career goals and development opportunities").fill("HLTA status within two years.");
  const successes = sam.page.getByLabel("Key successes and achievements over the last year");
  await successes.fill("Ran the phonics catch-up group: 14 of 16 pupils reached the expected standard.");
  await sam.page.getByText("All changes saved on this device").waitFor();
  await sam.page.reload();
  assert.match(await successes.inputValue(), /14 of 16 pupils/);
  await sam.person.context.setOffline(true);
  await successes.press("End");
  await successes.pressSequentially(" Started a reading log.");
  await sam.page.getByText("All changes saved on this device").waitFor();
  await sam.page.reload();
  assert.match(await successes.inputValue(), /Started a reading log\.$/, "typed offline, kept across a reload offline");
  await sam.person.context.setOffline(false);
  const preReview = await download(sam.page, () => sam.page.getByRole("button", { name: "Send to Jo Lee" }).click());
  assert.match(await sam.page.getByTestId("sent-file").textContent(), /for Jo Lee, encrypted/);

  // Reviewer: import the pre-review and open the review from the dashboard.
  await importFile(jo.page, preReview, null);
  await nav(jo.page, "Home");
  const row = jo.page.getByRole("row", { name: /Sam Patel/ });
  await row.getByRole("link", { name: "Sam Patel" }).waitFor();
  await look(jo.page, "home-reviewer");
  assert.match(await row.textContent(), /Preparing for the meeting/);
  await row.getByRole("link", { name: "Sam Patel" }).click();
  await jo.page.getByRole("heading", { name: "Review of Sam Patel", level: 1 }).waitFor();
  // Every answer and the evidence reach the reviewer, addressed to them; blanks say so.
  const received = jo.page.getByTestId("pre-review-received");
  assert.match(await received.textContent(), /Started a reading log/);
  assert.match(await received.textContent(), /HLTA status within two years/);
  assert.deepEqual(await received.getByRole("listitem").allTextContents(), ["Phonics tracking sheets, spring term", "Parent feedback cards"]);
  assert.match(await received.textContent(), /What helped them achieve themNot filled in/);
  assert.doesNotMatch(await received.textContent(), /Your name/);
  assert.match(await jo.page.locator(".next-step").textContent(), /Read the reviewee’s pre-review/);
  // The meeting and the policy's deadlines, for any calendar app.
  const ics = await readFile(await download(jo.page, () => jo.page.getByRole("button", { name: "Add the meeting and deadlines to your calendar" }).click()), "utf8");
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /DTSTART;VALUE=DATE:20270312\r\n/);
  assert.match(ics.replace(/\r\n /g, ""), /SUMMARY:Appraisal meeting: Sam Patel with Jo Lee/);

  // Private preparation beside the pre-review, and the meeting checklist: kept, never sent.
  await jo.page.locator("#pre-review").getByLabel("Key successes and achievements over the last year").fill("Ask about the reading log: only for me");
  await jo.page.locator("#checklist").getByLabel("Share feedback").check();
  await jo.page.locator("#pre-review").getByText("All changes saved on this device").waitFor();

  // The contents list says where each section stands.
  const contents = jo.page.getByRole("navigation", { name: "Contents" });
  assert.deepEqual(
    (await contents.getByRole("listitem").allTextContents()).map((text) => text.trim()),
    ["Pre-reviewReceived", "Meeting checklist1 of 23 ticked", "Planning and review statementNot started", "Training and development needsNone written yet", "Sign-offsNot signed yet", "Send"],
  );
  // Signing an unfinished statement is refused, each missing field linked; a link into a
  // folded section opens it.
  const statementFold = jo.page.getByRole("button", { name: /^Planning and review statement/ });
  await statementFold.click();
  assert.equal(await jo.page.locator("#statement").getByLabel("Assessment against the job role").isVisible(), false);
  await jo.page.getByRole("button", { name: "Sign the statement" }).click();
  const refusal = jo.page.getByRole("alert").filter({ hasText: "This cannot be signed yet" });
  await refusal.getByRole("link", { name: "At least one new objective" }).waitFor();
  await refusal.getByRole("link", { name: "Assessment against the job role" }).click();
  await jo.page.locator("#statement").getByLabel("Assessment against the job role").waitFor({ state: "visible" });
  assert.equal(await statementFold.getAttribute("aria-expanded"), "true");

  // The statement: ratings, assessment, the 10 standards, three objectives; the training needs.
  const statement = jo.page.locator("#statement");
  await statement.getByLabel("Progress on objective 1").selectOption({ label: "Achieved" });
  await statement.getByLabel("Progress on objective 2").selectOption({ label: "Partially achieved or good progress" });
  await statement.getByLabel("Assessment against the job role").fill("Sam has led the catch-up group with real care & skill; <b>not bold</b>.");
  for (const select of await statement.locator("select[id*='standards']").all()) {
    await select.selectOption({ label: "Meets the standard" });
  }
  // Seed 004 bases the pay recommendation on the assessment (1.4): Sam is eligible by default.
  await statement.getByLabel("Pay recommendation").selectOption({ label: "Recommend pay progression" });
  await statement.getByLabel("Reasons for the recommendation").fill("All objectives met or in good progress.");
  const objectives = [
    ["Raise the reading age of the Year 7 catch-up group by 6 months by July", "Reading ages measured in July", "Run three sessions a week"],
    ["Complete the level 3 teaching assistant qualification by June", "Certificate awarded", "Attend the course and keep a portfolio"],
    ["Lead a phonics workshop for parents by the end of the spring term", "Workshop held and feedback collected", "Plan it with the English lead"],
  ];
  for (const [n, [objective, measure, actions]] of objectives.entries()) {
    await statement.getByRole("button", { name: "Add a new objective" }).click();
    const group = statement.getByRole("group", { name: `New objective ${n + 1}` });
    await group.getByLabel("The objective").fill(objective);
    await group.getByLabel("How will you know it is achieved?").fill(measure);
    await group.getByLabel("What will be done to achieve it?").fill(actions);
  }
  const cpd = jo.page.locator("#cpd-needs");
  await cpd.getByRole("button", { name: "Add a training need" }).click();
  await cpd.getByRole("group", { name: "Need 1" }).getByLabel("Training or development need").fill("Phonics training for older readers");
  await cpd.getByRole("group", { name: "Need 1" }).getByLabel("Action to be taken").fill("Book the local authority course for the spring term");
  await cpd.getByRole("group", { name: "Need 1" }).getByLabel("Theme").selectOption({ label: "Subject knowledge or curriculum" });
  // Signing before the meeting date is warned about, with the way to correct it (Jo's clock is
  // fixed before the meeting).
  assert.match(await jo.page.getByTestId("before-the-meeting").textContent(), /12\/03\/2027, after today/);
  await jo.page.getByRole("link", { name: "change the date of the review meeting" }).waitFor();
  await jo.page.getByRole("button", { name: "Sign the statement" }).click();
  await jo.page.getByRole("button", { name: "Sign the training needs" }).click();
  await signOffs(jo.page).filter({ hasText: "Planning and review statement signed by Jo Lee (reviewer)" }).filter({ hasText: "Current" }).waitFor();
  assert.equal(await jo.page.getByTestId("stage").textContent(), "With the reviewee for comments");
  // Signed as it is, there is nothing left to sign.
  await jo.page.getByTestId("all-signed").waitFor();
  assert.equal(await jo.page.getByRole("button", { name: /^Sign the/ }).count(), 0);
  await look(jo.page, "review-reviewer");
  // On a phone, signing and sending are one tap away from anywhere on the page; on a wide
  // screen the contents stay beside the sections.
  await jo.page.setViewportSize({ width: 360, height: 740 });
  await jo.page.locator("#statement").getByLabel("Assessment against the job role").scrollIntoViewIfNeeded();
  const jump = jo.page.getByRole("navigation", { name: "Jump to" });
  await jump.getByRole("link", { name: "Sign-offs" }).click();
  assert.ok(await inView(jo.page, jo.page.getByTestId("all-signed")), "signing in view on a phone");
  await jump.getByRole("link", { name: "Contents" }).click();
  assert.ok(await inView(jo.page, contents), "contents in view on a phone");
  await jo.page.setViewportSize({ width: 1280, height: 900 });
  assert.equal(await jump.isVisible(), false);
  await jo.page.locator("#statement").getByLabel("Assessment against the job role").scrollIntoViewIfNeeded();
  assert.ok(await inView(jo.page, contents.getByRole("link", { name: "Send" })), "contents beside the sections");
  await contents.getByRole("link", { name: "Send" }).click();
  assert.ok(await inView(jo.page, jo.page.getByRole("button", { name: "Send the statement to Sam Patel for comment" })));
  // Signed, the reviewer's writing starts folded next time, saying where it stands.
  await jo.page.reload();
  assert.equal(await statementFold.getAttribute("aria-expanded"), "false");
  assert.match(await statementFold.textContent(), /Signed by you; with the reviewee/);
  assert.equal(await jo.page.getByRole("button", { name: /^Sign-offs/ }).getAttribute("aria-expanded"), "true");
  await look(jo.page, "review-reviewer-signed");
  await contents.getByRole("link", { name: "Planning and review statement" }).click();
  await jo.page.locator("#statement").getByLabel("Assessment against the job role").waitFor({ state: "visible" });
  const forComment = await download(jo.page, () => jo.page.getByRole("button", { name: "Send the statement to Sam Patel for comment" }).click());
  assert.match(await jo.page.getByTestId("sent-file").textContent(), /for Sam Patel, encrypted/);

  // Reviewee: import, read, comment, sign, reply.
  await importFile(sam.page, forComment, null);
  await nav(sam.page, "Home");
  await sam.page.getByRole("heading", { name: "Your own review", level: 2 }).waitFor();
  await look(sam.page, "home-reviewee");
  await sam.page.getByRole("region", { name: "Your review with Jo Lee" }).getByRole("link", { name: "Open this review" }).click();
  const samsStatement = sam.page.locator("#statement");
  // The reviewer's words are a document to read, not a disabled form; markup stays text.
  const document = samsStatement.getByTestId("statement-document");
  assert.match(await document.textContent(), /Assessment against the job roleSam has led the catch-up group with real care & skill; <b>not bold<\/b>\./);
  assert.match(await document.textContent(), /Progress on objective 2Partially achieved or good progress/);
  assert.equal(await document.locator("textarea, select, input").count(), 0);
  assert.equal(await samsStatement.locator("b").count(), 0);
  await signOffs(sam.page).filter({ hasText: "Planning and review statement signed by Jo Lee (reviewer)" }).filter({ hasText: "Current" }).waitFor();
  await samsStatement.getByLabel("Your comments on the statement").fill("I agree with the statement and look forward to the course.");
  await sam.page.getByRole("button", { name: "Sign the statement" }).click();
  await signOffs(sam.page).filter({ hasText: "Planning and review statement signed by Sam Patel (reviewee)" }).filter({ hasText: "Current" }).waitFor();
  await look(sam.page, "review-reviewee");
  const reply = await download(sam.page, () => sam.page.getByRole("button", { name: "Send your reply to Jo Lee" }).click());
  assert.match(await sam.page.getByTestId("sent-file").textContent(), /for Jo Lee, encrypted/);

  // Reviewer: both sign-offs current; the final statement goes to the headteacher.
  await importFile(jo.page, reply, null);
  await nav(jo.page, "Home");
  await jo.page.getByRole("row", { name: /Sam Patel/ }).getByRole("link", { name: "Sam Patel" }).click();
  await signOffs(jo.page).filter({ hasText: "Planning and review statement signed by Sam Patel (reviewee)" }).filter({ hasText: "Current" }).waitFor();
  await signOffs(jo.page).filter({ hasText: "Planning and review statement signed by Jo Lee (reviewer)" }).filter({ hasText: "Current" }).waitFor();
  assert.equal(await jo.page.getByTestId("stage").textContent(), "Signed by both");
  assert.equal(await jo.page.getByTestId("reviewee-comments").textContent(), "I agree with the statement and look forward to the course.");
  // The headteacher and the CPD leader have sent Jo nothing, so they send their contact cards;
  // Jo adds each after comparing the fingerprint, and every file to them goes locked.
  await sendCard(pat, jo, "Pat Head");
  await sendCard(chris, jo, "Chris Train");
  await nav(jo.page, "Contacts");
  await jo.page.getByRole("row", { name: /Pat Head/ }).waitFor();
  await look(jo.page, "contacts-reviewer");
  await nav(jo.page, "Home");
  await jo.page.getByRole("row", { name: /Sam Patel/ }).getByRole("link", { name: "Sam Patel" }).click();
  await jo.page.getByLabel("Headteacher’s name").fill("Pat Head");
  const final = await download(jo.page, () => jo.page.getByRole("button", { name: "Send the final statement to the headteacher" }).click());
  assert.match(await jo.page.getByTestId("sent-file").textContent(), /for Pat Head, encrypted/);

  // The training needs alone go to whoever plans training: under seed 004, the business
  // manager (5.1), who holds the CPD leader’s place in Appraise.
  await jo.page.getByLabel("Business manager’s name").fill("Chris Train");
  const needs = await download(jo.page, () => jo.page.getByRole("button", { name: "Send the training needs to the business manager" }).click());
  assert.match(await jo.page.getByTestId("sent-file").textContent(), /for Chris Train, encrypted/);
  await importFile(chris.page, needs, "By phone");
  await nav(chris.page, "Home");
  await chris.page.getByRole("heading", { name: "Sent to you", level: 2 }).waitFor();
  await look(chris.page, "home-cpd-leader");
  await chris.page.getByText("Each review on its own (1)").click();
  await chris.page.getByRole("region", { name: "Training needs of Sam Patel" }).getByRole("link", { name: "Open this review" }).click();
  assert.match(await chris.page.getByTestId("cpd-document").textContent(), /Training or development needPhonics training for older readers/);
  assert.match(await chris.page.getByTestId("cpd-document").textContent(), /ThemeSubject knowledge or curriculum/);
  assert.equal(await chris.page.getByTestId("stage").textContent(), "Training needs received");
  assert.match(await chris.page.locator(".next-step").textContent(), /Plan the training needs/);
  await look(chris.page, "review-cpd-leader");
  assert.equal(await chris.page.locator("#statement").count(), 0, "nothing but the training needs");
  assert.equal(await chris.page.locator("#pre-review").count(), 0);
  assert.match(await chris.page.getByRole("navigation", { name: "Contents" }).textContent(), /Training needs signed by the reviewer/);
  // Addressed to the CPD leader, not to the people who send it.
  await chris.page.getByText("for you to plan into the school’s training").waitFor();
  assert.equal(await chris.page.getByText("Only this part goes to the business manager").count(), 0);
  assert.deepEqual(
    (await chris.page.getByRole("navigation", { name: "Contents" }).getByRole("link").allTextContents()),
    ["Training and development needs", "Sign-offs"],
  );

  // Headteacher: imports it and sees the statement with both sign-offs.
  await importFile(pat.page, final, "By phone");
  await nav(pat.page, "Home");
  await pat.page.getByRole("heading", { name: "Sent to you", level: 2 }).waitFor();
  await pat.page.getByRole("heading", { name: "What needs you", level: 2 }).waitFor();
  await look(pat.page, "home-headteacher");
  // A headteacher's review cards are folded under the to-do list: they open them to read one.
  await pat.page.getByText("Each review on its own (1)").click();
  await pat.page.getByRole("region", { name: "Sam Patel’s review by Jo Lee" }).getByRole("link", { name: "Open this review" }).click();
  await pat.page.getByRole("heading", { name: "Review of Sam Patel", level: 1 }).waitFor();
  await signOffs(pat.page).filter({ hasText: "Planning and review statement signed by Sam Patel (reviewee)" }).filter({ hasText: "Current" }).waitFor();
  await signOffs(pat.page).filter({ hasText: "Planning and review statement signed by Jo Lee (reviewer)" }).filter({ hasText: "Current" }).waitFor();
  assert.equal(await pat.page.getByRole("button", { name: "Sign the statement" }).count(), 0, "the headteacher reads, and does not sign");
  assert.match(await pat.page.getByTestId("statement-document").textContent(), /Comments from the revieweeI agree with the statement/);
  assert.equal(await pat.page.locator("main textarea, main select").count(), 0, "a document, not a disabled form");
  assert.match(await pat.page.locator(".next-step").textContent(), /Read the agreed statement/);
  await look(pat.page, "review-headteacher");
  // Folding a section hides it on screen only.
  const statementHeading = pat.page.getByRole("button", { name: /^Planning and review statement/ });
  assert.equal(await statementHeading.getAttribute("aria-expanded"), "true");
  await statementHeading.click();
  assert.equal(await statementHeading.getAttribute("aria-expanded"), "false");
  assert.equal(await pat.page.getByTestId("statement-document").isVisible(), false);
  // It prints as a document, folded sections included: no navigation, no buttons but the
  // section headings, the sign-offs at the end.
  await pat.page.emulateMedia({ media: "print" });
  assert.equal(await pat.page.locator(".site-header").isVisible(), false);
  assert.equal(await pat.page.getByTestId("statement-document").isVisible(), true);
  const printed = await pat.page.getByRole("button").filter({ visible: true }).all();
  for (const button of printed) {
    assert.equal(await button.evaluate((node) => node.parentElement.tagName), "H2", "only section headings print");
  }
  assert.equal(await pat.page.getByText(/^(Show|Hide)$/).filter({ visible: true }).count(), 0);
  assert.equal(await pat.page.getByTestId("sign-offs").isVisible(), true);
  assert.equal(await pat.page.getByText(/Your sign-off will be dated/).filter({ visible: true }).count(), 0);
  // Each sign-off's reference for checking a printed copy prints; the on-screen next step does not.
  const printedSignOffs = await pat.page.getByTestId("sign-offs").locator("li").count();
  assert.ok(printedSignOffs >= 2, "both people's sign-offs print");
  assert.equal(await pat.page.getByText(/^Reference for checking a printed copy: /).filter({ visible: true }).count(), printedSignOffs);
  assert.equal(await pat.page.locator(".next-step").isVisible(), false);
  await pat.page.screenshot({ path: `${SHOTS}/print-headteacher.png`, fullPage: true });
  await pat.page.emulateMedia({ media: "screen" });
  await statementHeading.click();

  // The reviewer changes a signed field: both sign-offs on the statement go out of date. Signed
  // by both, the statement starts folded for them; they open it.
  const joStatement = jo.page.getByRole("button", { name: /^Planning and review statement/ });
  assert.equal(await joStatement.getAttribute("aria-expanded"), "false");
  assert.match(await joStatement.textContent(), /Signed by both/);
  await joStatement.click();
  await jo.page.locator("#statement").getByLabel("Assessment against the job role").fill("Changed after signing.");
  await signOffs(jo.page).filter({ hasText: "Planning and review statement signed by Sam Patel (reviewee)" }).filter({ hasText: "Out of date" }).waitFor();
  await signOffs(jo.page).filter({ hasText: "Planning and review statement signed by Jo Lee (reviewer)" }).filter({ hasText: "Out of date" }).waitFor();
  assert.match(await signOffs(jo.page).filter({ hasText: "Planning and review statement signed by Sam Patel (reviewee)" }).textContent(), /Changed since it was signed: Planning and review statement: Assessment against the job role/);
  // Sending it on now asks first, naming what changed and who must sign again.
  await jo.page.getByLabel("Headteacher’s name").fill("Pat Head");
  await jo.page.getByRole("button", { name: "Send the final statement to the headteacher" }).click();
  const caution = jo.page.getByRole("status").filter({ hasText: "The sign-offs do not match the statement as it is now" });
  await caution.waitFor();
  assert.match(await caution.textContent(), /Sam Patel’s sign-off as reviewee on the planning and review statement is out of date: Planning and review statement: Assessment against the job role changed after Sam Patel signed on .*Sam Patel must sign again\./);
  assert.match(await caution.textContent(), /Jo Lee must sign again\./);
  await look(jo.page, "send-out-of-date");
  const resent = await download(jo.page, () => caution.getByRole("button", { name: "Send it anyway" }).click());
  assert.ok(resent.endsWith(".json"));
  await jo.page.reload();
  assert.equal(await jo.page.locator("#checklist").getByLabel("Share feedback").isChecked(), true);
  assert.equal(await jo.page.locator("#pre-review").getByLabel("Key successes and achievements over the last year").inputValue(), "Ask about the reading log: only for me");
  assert.doesNotMatch(await sam.page.locator("main").textContent(), /only for me/);

  for (const who of [jo, sam, pat, chris]) {
    assert.deepEqual(who.person.consoleErrors, []);
    assert.deepEqual(who.person.requests.filter((url) => !url.startsWith(app.url)), [], "no request leaves the machine");
    await who.person.context.close();
  }
}

test("the reviewee appeals instead of signing, and the reviewer sees the appeal", async () => {
  const jo = await personNamed("Jo Lee");
  const sam = await personNamed("Sam Patel");
  try {
    await nav(jo.page, "Start a review");
    await jo.page.getByLabel("Reviewee’s name").fill("Sam Patel");
    await jo.page.getByLabel("Your school’s appraisal policy").selectOption({ label: "Local authority model for support staff" });
    await jo.page.getByLabel("Meeting date").fill("12/03/2027");
    const invitation = await download(jo.page, () => jo.page.getByRole("button", { name: "Start the review and download the invitation" }).click());
    await importFile(sam.page, invitation, "In person");

    // The reviewer writes and signs a short statement and sends it, unencrypted: Sam has sent nothing yet.
    await nav(jo.page, "Home");
    await jo.page.getByRole("row", { name: /Sam Patel/ }).getByRole("link", { name: "Sam Patel" }).click();
    const statement = jo.page.locator("#statement");
    await statement.getByLabel("Assessment against the job role").fill("Sam needs to improve punctuality.");
    await statement.getByRole("button", { name: "Add a new objective" }).click();
    const objective = statement.getByRole("group", { name: "New objective 1" });
    await objective.getByLabel("The objective").fill("Arrive by 8.30 every day by the end of the spring term");
    await objective.getByLabel("How will you know it is achieved?").fill("The signing-in book");
    await objective.getByLabel("What will be done to achieve it?").fill("Weekly check-ins");
    await jo.page.getByRole("button", { name: "Sign the statement" }).click();
    await signOffs(jo.page).filter({ hasText: "Current" }).waitFor();
    await jo.page.getByLabel("Encrypt the file so only the person you send it to").uncheck();
    const forComment = await download(jo.page, () => jo.page.getByRole("button", { name: "Send the statement to Sam Patel for comment" }).click());

    // The reviewee appeals against the assessment and replies.
    await importFile(sam.page, forComment, null);
    await nav(sam.page, "Home");
    await sam.page.getByRole("region", { name: "Your review with Jo Lee" }).getByRole("link", { name: "Open this review" }).click();
    await sam.page.getByLabel("The assessment against the job role").check();
    await sam.page.getByLabel("Grounds for your appeal").fill("My timesheets show I arrive on time; the late days were agreed hospital appointments.");
    await sam.page.getByTestId("stage").filter({ hasText: "Appealed" }).waitFor();
    await axe(sam.page, "the reviewee's appeal");
    const reply = await download(sam.page, () => sam.page.getByRole("button", { name: "Send your reply to Jo Lee" }).click());

    await importFile(jo.page, reply, "By phone");
    await nav(jo.page, "Home");
    assert.match(await jo.page.getByRole("row", { name: /Sam Patel/ }).textContent(), /Appealed/);
    await jo.page.getByRole("row", { name: /Sam Patel/ }).getByRole("link", { name: "Sam Patel" }).click();
    assert.equal(await jo.page.getByTestId("entries-appealed").textContent(), "The assessment against the job role");
    assert.match(await jo.page.getByTestId("appeal-grounds").textContent(), /hospital appointments/);
    assert.match(await jo.page.locator(".next-step").textContent(), /headteacher/);
    assert.deepEqual([...jo.person.consoleErrors, ...sam.person.consoleErrors], []);
  } finally {
    await jo.person.context.close();
    await sam.person.context.close();
  }
});
