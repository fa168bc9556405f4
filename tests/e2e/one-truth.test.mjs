// One review, one truth, through real files between three browsers: the headteacher publishes
// the school's settings; the reviewer and the reviewee exchange the invitation, the statement
// and the reply days apart, and both screens show the same dates for the same deadlines; the
// reviewee signs, then appeals; the final statement reaches the headteacher, whose desk says it
// came on time and when; the appeal is partly upheld, the reviewer is asked to revise, the
// signatures before the outcome read as superseded, and both sign again. Screenshots (1280 px
// and 360 px) land in target/screenshots/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp, personNamed, downloadTo, importFile, lookAt, nav, section, becomeHeadteacher } from "./support.mjs";

let app;
let dir;
before(async () => {
  app = await startApp();
  dir = await mkdtemp(join(tmpdir(), "appraise-one-truth-"));
});
after(async () => {
  await app?.close();
});

/** Moves `who`'s clock to 10:00 on `day` December 2026. */
async function on(who, day) {
  await who.person.context.clock.setFixedTime(new Date(`2026-12-${String(day).padStart(2, "0")}T10:00:00Z`));
}

/** The school's settings file at `path`, imported and used after comparing Pat's fingerprint. */
async function useSettings(who, path) {
  await nav(who.page, "Import a file");
  await who.page.getByLabel("Choose files").setInputFiles(path);
  const item = who.page.getByRole("region", { name: /school settings/ }).last();
  await item.getByTestId("settings-changes").waitFor();
  await item.getByLabel("In person").check();
  await item.getByRole("button", { name: "Use these settings" }).click();
  await who.page.getByText("You now use version 1 of the school settings").waitFor();
}

async function openReview(who) {
  await nav(who.page, "Home");
  const asReviewer = who.page.getByRole("row", { name: /Sam Patel/ }).getByRole("link", { name: /Sam Patel/ });
  const asReviewee = who.page.getByRole("region", { name: "Your review with Jo Lee" }).getByRole("link", { name: "Open this review" });
  await asReviewer.or(asReviewee).first().click();
  await who.page.getByTestId("stage").waitFor();
}

/** The line of the deadline `what` in the review's list of deadlines. */
async function deadline(who, what) {
  const item = who.page.locator(".deadlines li").filter({ hasText: what });
  return (await item.textContent()).trim();
}

/** The date a deadline line gives. */
const dateIn = (line) => line.match(/– (\d\d\/\d\d\/\d{4})/)[1];

function signOffs(page) {
  return page.getByTestId("sign-offs").locator("li");
}

test("both copies show the same dates, and a partly upheld appeal sends the statement back to be signed again", async () => {
  const pat = await personNamed(app, "Pat Head", { now: "2026-11-30T09:00:00Z" });
  const jo = await personNamed(app, "Jo Lee", { now: "2026-11-30T09:00:00Z" });
  const sam = await personNamed(app, "Sam Patel", { now: "2026-11-30T09:00:00Z" });
  const download = (page, act) => downloadTo(dir, page, act);

  // Monday 30/11: the headteacher publishes the school's settings, naming herself; both use them.
  await becomeHeadteacher(pat.page);
  const settings = await download(pat.page, () => section(pat.page, "Publish your school’s settings").getByRole("button", { name: "Publish version 1 and download it" }).click());
  await useSettings(jo, settings.path);
  await useSettings(sam, settings.path);

  // The reviewer starts the review, the meeting that day; the reviewee imports the invitation.
  await nav(jo.page, "Start a review");
  await jo.page.getByLabel("Reviewee’s name").fill("Sam Patel");
  await jo.page.getByLabel("Reviewee’s job title").fill("Teaching assistant");
  await jo.page.getByLabel("Your school’s appraisal policy").selectOption({ label: "Local authority model for support staff" });
  await jo.page.getByLabel("Meeting date").fill("30/11/2026");
  const invitation = await download(jo.page, () => jo.page.getByRole("button", { name: "Start the review and download the invitation" }).click());
  await jo.page.getByRole("heading", { name: "Review of Sam Patel started" }).waitFor();
  await importFile(sam.page, invitation.path);

  // Tuesday 01/12: the statement, signed and sent; the reviewee imports it on Thursday 03/12.
  await on(jo, 1);
  await openReview(jo);
  const statement = jo.page.locator("#statement");
  await statement.getByLabel("Assessment against the job role").fill("Sam supports the Year 2 reading groups well.");
  await statement.getByRole("button", { name: "Add a new objective" }).click();
  const objective = statement.getByRole("group", { name: "New objective 1" });
  await objective.getByLabel("The objective").fill("Lead the phonics catch-up group by the end of the spring term");
  await objective.getByLabel("How will you know it is achieved?").fill("Group results in March");
  await objective.getByLabel("What will be done to achieve it?").fill("Three sessions a week");
  await jo.page.getByRole("button", { name: "Sign the statement" }).click();
  await signOffs(jo.page).filter({ hasText: "signed by Jo Lee (reviewer)" }).filter({ hasText: "Current" }).waitFor();
  // Sam has sent nothing yet, so the file cannot be locked for Sam.
  await jo.page.getByLabel("Encrypt the file so only the person you send it to").uncheck();
  const forComment = await download(jo.page, () => jo.page.getByRole("button", { name: "Send the statement to Sam Patel for comment" }).click());
  await on(sam, 3);
  await importFile(sam.page, forComment.path);
  await openReview(sam);

  // The same dates on both screens, counted from the day the statement's file was made (01/12),
  // not the day it was imported; each is the owner's to do.
  await openReview(jo);
  for (const what of ["Comment on and sign the statement, or appeal", "Send the agreed statement to the headteacher", "Give notice of the meeting"]) {
    const [jos, sams] = [await deadline(jo, what), await deadline(sam, what)];
    assert.equal(dateIn(jos), dateIn(sams), `${what}: ${jos} / ${sams}`);
  }
  assert.match(await deadline(sam, "Send the agreed statement to the headteacher"), /for the reviewer; your copy is not told when it is done$/);
  assert.match(await deadline(jo, "Comment on and sign the statement, or appeal"), /for the reviewee to do$/);
  await lookAt(sam.page, "one-truth-reviewee-deadlines");

  // The reviewee signs, then appeals against the assessment, and replies that day.
  await sam.page.locator("#statement").getByLabel("Your comments on the statement").fill("I disagree with the assessment.");
  await sam.page.getByRole("button", { name: "Sign the statement" }).click();
  await signOffs(sam.page).filter({ hasText: "signed by Sam Patel (reviewee)" }).filter({ hasText: "Current" }).waitFor();
  await sam.page.getByLabel("The assessment against the job role").check();
  await sam.page.getByLabel("Grounds for your appeal").fill("The assessment leaves out the phonics group I ran all year.");
  await sam.page.getByTestId("stage").filter({ hasText: "Appealed" }).waitFor();
  const reply = await download(sam.page, () => sam.page.getByRole("button", { name: "Send your reply to Jo Lee" }).click());

  // Friday 04/12: the reviewer reads what the appeal is, and sends the final statement on.
  await on(jo, 4);
  await importFile(jo.page, reply.path);
  await openReview(jo);
  assert.match(
    await jo.page.getByTestId("appeal-standing").textContent(),
    /^The reviewee signed the statement on 03\/12\/2026 and appealed on 03\/12\/2026\. The appeal is heard by the headteacher/,
  );
  await jo.page.getByLabel("Headteacher’s name").fill("Pat Head");
  const final = await download(jo.page, () => jo.page.getByRole("button", { name: "Send the final statement to the headteacher" }).click());

  // Monday 07/12: the headteacher's first file of this review; her desk says it came on time.
  await on(pat, 7);
  await importFile(pat.page, final.path);
  await pat.page.goto(`${app.url}/school/desk`);
  const row = pat.page.getByRole("row", { name: /Sam Patel/ });
  await row.waitFor();
  assert.match(await row.textContent(), /On time \(received 04\/12\/2026\), due \d\d\/\d\d\/2026/);
  await lookAt(pat.page, "one-truth-desk");

  // Tuesday 08/12: the appeal heard and partly upheld; the outcome goes to both.
  await on(pat, 8);
  await pat.page.goto(`${app.url}/school/appeals`);
  await pat.page.getByLabel("Appeal to hear").selectOption({ label: "Sam Patel (reviewed by Jo Lee)" });
  await pat.page.getByLabel("Date of the hearing").fill("08/12/2026");
  await pat.page.getByLabel("Who attended").fill("Sam Patel; Jo Lee; Pat Head.");
  await pat.page.getByLabel("Summary of the hearing").fill("The phonics group's results were shown.");
  await pat.page.getByLabel("Outcome").selectOption({ label: "Partly upheld: some entries change" });
  await pat.page.getByLabel("What changes in the statement").fill("The assessment adds the phonics group.");
  await pat.page.getByLabel("Date of the decision").fill("08/12/2026");
  await pat.page.getByLabel("Date of the decision").press("Tab");
  const outcome = await download(pat.page, () => pat.page.getByRole("button", { name: "Send the outcome to Sam Patel and Jo Lee" }).click());

  // Wednesday 09/12: the reviewer is asked to revise; the earlier signatures are superseded.
  await on(jo, 9);
  await importFile(jo.page, outcome.path);
  await openReview(jo);
  assert.equal(await jo.page.getByTestId("stage").textContent(), "Statement being revised after the appeal");
  assert.match(await jo.page.locator(".next-step").textContent(), /The appeal was upheld\. Revise the statement as its outcome says \(“The assessment adds the phonics group\.”\)/);
  await signOffs(jo.page).filter({ hasText: "signed by Sam Patel (reviewee)" }).filter({ hasText: "Superseded" }).waitFor();
  await signOffs(jo.page).filter({ hasText: "signed by Jo Lee (reviewer)" }).filter({ hasText: "Superseded" }).waitFor();
  await lookAt(jo.page, "one-truth-revise-after-appeal");
  await jo.page.locator("#statement").getByLabel("Assessment against the job role").fill("Sam supports the Year 2 reading groups well, and ran the phonics group all year.");
  await jo.page.getByRole("button", { name: "Sign the statement" }).click();
  await signOffs(jo.page).filter({ hasText: "signed by Jo Lee (reviewer)" }).filter({ hasText: "Current" }).waitFor();
  assert.equal(await jo.page.getByTestId("stage").textContent(), "With the reviewee for comments");
  const revised = await download(jo.page, () => jo.page.getByRole("button", { name: "Send the statement to Sam Patel for comment" }).click());

  // Thursday 10/12: the reviewee reads the outcome and the revised statement, and signs again.
  await on(sam, 10);
  await importFile(sam.page, outcome.path);
  await importFile(sam.page, revised.path);
  await openReview(sam);
  await sam.page.getByTestId("appeal-outcome").getByText("Partly upheld: some entries change").waitFor();
  await sam.page.getByRole("button", { name: "Sign the statement" }).click();
  await signOffs(sam.page).filter({ hasText: "signed by Sam Patel (reviewee)" }).filter({ hasText: "Current" }).waitFor();
  const signedAgain = await download(sam.page, () => sam.page.getByRole("button", { name: "Send your reply to Jo Lee" }).click());

  // Friday 11/12: both have signed the statement as revised.
  await on(jo, 11);
  await importFile(jo.page, signedAgain.path);
  await openReview(jo);
  assert.equal(await jo.page.getByTestId("stage").textContent(), "Signed by both");
  await signOffs(jo.page).filter({ hasText: "signed by Sam Patel (reviewee)" }).filter({ hasText: "Current" }).waitFor();
  assert.match(await jo.page.locator(".next-step").textContent(), /Send the final statement to the headteacher/);
  await lookAt(jo.page, "one-truth-signed-again");

  for (const who of [pat, jo, sam]) {
    assert.deepEqual(who.person.consoleErrors, []);
    await who.person.context.close();
  }
});
