// The year between meetings, one journey per policy that runs it, as people would: under the
// academy procedure (seed 002) three observations and a fourth warned, written feedback due
// five working days later across half-term; under the trust's policy (seed 003) one observation
// with feedback in 48 hours that travels to the reviewee and comes back with their comments, and
// a termly review with a wellbeing note that both sign; under the early years policy (seed 000)
// a termly review that sets team objectives; and support plans, one to "improved" and one to
// formal capability, which suspends the cycle and goes to the headteacher alone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp, personNamed, lookAt, downloadTo, importFile, sendCard as cardFrom, nav } from "./support.mjs";

let app;
let dir;
before(async () => {
  app = await startApp();
  dir = await mkdtemp(join(tmpdir(), "appraise-between-"));
});
after(async () => {
  await app?.close();
});

/** Clicks what `act` clicks and keeps the file it downloads: its path. */
const download = async (page, act) => (await downloadTo(dir, page, act)).path;
const sendCard = (from, to, name) => cardFrom(dir, from, to, name);

/** Jo Lee, a reviewer with the clock at `now`, who starts a review of Sam Patel under `policy`
 * (in `group`, met on `meeting`) and opens it; the invitation's path comes back too. With `sam`,
 * Sam's contact card reaches Jo first, so every file between them goes locked. */
async function reviewerWithReview(policy, group, meeting, now, sam) {
  const jo = await personNamed(app, "Jo Lee", { now, bypassCSP: true });
  const page = jo.page;
  if (sam) await sendCard(sam, jo, "Sam Patel");
  await nav(page, "Start a review");
  await page.getByLabel("Reviewee’s name").fill("Sam Patel");
  await page.getByLabel("Your school’s appraisal policy").selectOption({ label: policy });
  if (group) await page.getByLabel("Staff group").selectOption({ label: group });
  await page.getByLabel("Meeting date").fill(meeting);
  const eligible = page.getByLabel("Eligible for pay progression this cycle");
  if ((await eligible.count()) && (await eligible.isChecked())) await eligible.uncheck();
  const invitation = await download(page, () => page.getByRole("button", { name: "Start the review and download the invitation" }).click());
  await page.getByRole("link", { name: "Open Sam Patel’s review" }).click();
  await page.getByRole("heading", { name: "Review of Sam Patel", level: 1 }).waitFor();
  return { ...jo, invitation, reviewUrl: page.url() };
}

/** Arranges observation `number` on `day`, observed by `observer`. */
async function arrange(page, number, day, observer, focus) {
  await page.getByRole("button", { name: "Arrange an observation" }).click();
  const observation = page.getByRole("group", { name: `Observation ${number}` });
  await observation.getByLabel("Date of the observation").fill(day);
  await observation.getByLabel("Observer").fill(observer);
  await observation.getByLabel("Focus").fill(focus);
  await observation.getByLabel("Focus").press("Tab");
  return observation;
}

test("seed 002: three observations, a fourth warned, and written feedback due five working days later across half-term", async () => {
  const jo = await reviewerWithReview("Academy procedure: teachers and support staff", "Teachers", "23/10/2026", "2026-10-21T10:00:00Z");
  const page = jo.page;
  // October half-term, as the school's calendar has it.
  await nav(page, "Settings");
  const closures = page.locator("section", { has: page.getByRole("heading", { name: "School closures", level: 2 }) });
  await closures.getByLabel("What is it?").fill("Half term");
  await closures.getByLabel("First day").fill("26/10/2026");
  await closures.getByLabel("Last day").fill("30/10/2026");
  await closures.getByRole("button", { name: "Add the closure" }).click();
  await closures.getByText("Half term: 26/10/2026 to 30/10/2026").waitFor();

  await nav(page, "Home");
  await page.getByRole("row", { name: /Sam Patel/ }).getByRole("link", { name: "Sam Patel" }).click();
  await page.getByRole("link", { name: "Observations" }).click();
  await page.getByRole("heading", { name: /^Observations/, level: 1 }).waitFor();
  await page.getByText("The policy allows at most 3 formal observations a cycle. Feedback is due within 5 working days of the observation.").waitFor();

  const first = await arrange(page, 1, "22/10/2026", "Jo Lee", "Year 4 maths: reasoning");
  await first.getByText("Feedback is due by 05/11/2026 (5 working days after the observation).").waitFor();
  await first.getByLabel("Key points").fill("Strong questioning; extend the reasoning tasks for the higher attainers.");
  await first.getByLabel("Verbal feedback given on").fill("22/10/2026");
  await first.getByLabel("Written feedback given on").fill("05/11/2026");
  await first.getByLabel("Written feedback given on").press("Tab");
  await arrange(page, 2, "25/11/2026", "Jo Lee", "Guided reading");
  await arrange(page, 3, "20/01/2027", "Ali Khan, deputy head", "Science practical");
  assert.equal(await page.getByText("Check these against the policy").count(), 0, "three are within the policy");
  await arrange(page, 4, "03/03/2027", "Jo Lee", "Writing moderation");
  const fourth = page.getByText("The observation of 03/03/2027 is the fourth this cycle, but the policy allows at most 3. Hold it only if the reviewee agrees, and record why.");
  await fourth.waitFor();
  // The warning sits beside the observation that caused it, just below it.
  const added = await page.getByRole("group", { name: "Observation 4" }).boundingBox();
  const warned = await fourth.boundingBox();
  assert.ok(warned.y > added.y + added.height && warned.y - (added.y + added.height) < 200, `${JSON.stringify({ added, warned })}`);
  // Written feedback after the five working days is warned about too.
  await page.getByRole("group", { name: "Observation 2" }).getByLabel("Written feedback given on").fill("09/12/2026");
  await page.getByRole("group", { name: "Observation 2" }).getByLabel("Written feedback given on").press("Tab");
  await page.getByText("Feedback on the observation of 25/11/2026 was given on 09/12/2026, after the policy’s 5 working days (due 02/12/2026).").waitFor();
  await lookAt(page, "observations-academy");

  // An observation's date cannot be emptied: the record keeps it and asks for one.
  const date = page.getByRole("group", { name: "Observation 3" }).getByLabel("Date of the observation");
  await date.fill("");
  await date.press("Tab");
  await page.getByRole("group", { name: "Observation 3" }).getByText("Enter a date, for example 27/03/2027.").waitFor();

  // Kept across a reload, and at hand on the review: the count and the feedback clock.
  await page.reload();
  await page.getByRole("group", { name: "Observation 4" }).waitFor();
  assert.equal(await date.inputValue(), "20/01/2027");
  await page.getByRole("link", { name: /Back to the review/ }).click();
  await page.getByText("Observations: 4 observations recorded (the policy allows 3 a cycle)").waitFor();
  const clock = await page.locator("ul.deadlines li").filter({ hasText: "Give feedback on the observation of 20/01/2027" }).innerText();
  assert.match(clock, /27\/01\/2027/);
  // The review's printout carries each observation as a document.
  await page.emulateMedia({ media: "print" });
  assert.ok(await page.getByText("Strong questioning; extend the reasoning tasks for the higher attainers.").isVisible());
  await page.pdf({ path: "target/screenshots/review-with-observations.pdf", format: "A4" });
  await page.emulateMedia({ media: "screen" });
  assert.deepEqual(jo.person.consoleErrors, []);
  await jo.person.context.close();
});

test("seed 003: an observation with 48-hour feedback and a termly review with a wellbeing note travel both ways and are signed by both", async () => {
  const now = "2026-02-16T10:00:00Z";
  const sam = await personNamed(app, "Sam Patel", { now, bypassCSP: true });
  const jo = await reviewerWithReview("Multi-academy trust: associate staff", "Associate staff", "15/01/2026", now, sam);
  await sendCard(jo, sam, "Jo Lee");
  await importFile(sam.page, jo.invitation);

  // Jo records the observation and sends it.
  await jo.page.goto(jo.reviewUrl);
  await jo.page.getByRole("link", { name: "Observations" }).click();
  await jo.page.getByText("The policy allows one formal observation a cycle. Feedback is due within 48 hours of the observation.").waitFor();
  const observation = await arrange(jo.page, 1, "10/02/2026", "Jo Lee", "Reading intervention group");
  await observation.getByText("Feedback is due by the same time on Thursday 12/02/2026 (48 hours after the observation).").waitFor();
  await observation.getByLabel("Key points").fill("Pupils read aloud confidently; use the new phonics cards.");
  await observation.getByLabel("Verbal feedback given on").fill("10/02/2026");
  await observation.getByLabel("Written feedback given on").fill("12/02/2026");
  await observation.getByLabel("Written feedback given on").press("Tab");
  const observations = await download(jo.page, () => jo.page.getByRole("button", { name: "Send the observations to Sam Patel" }).click());

  // Sam reads it as a document and comments; the comments come back to Jo.
  await importFile(sam.page, observations);
  await sam.page.goto(jo.page.url());
  await sam.page.getByText("Pupils read aloud confidently; use the new phonics cards.").waitFor();
  assert.equal(await sam.page.getByLabel("Key points").count(), 0, "the reviewee reads the record, not a form");
  await sam.page.getByLabel("Comments from the reviewee").fill("The cards arrived this week; I will use them from Monday.");
  await lookAt(sam.page, "observation-reviewee");
  const comments = await download(sam.page, () => sam.page.getByRole("button", { name: "Send the observations to Jo Lee" }).click());
  await importFile(jo.page, comments);
  await jo.page.goBack();
  await jo.page.goto(sam.page.url());
  await jo.page.getByText("The cards arrived this week; I will use them from Monday.").waitFor();

  // The termly review: progress, a wellbeing note, signed by Jo and sent.
  await jo.page.getByRole("link", { name: /Back to the review/ }).click();
  await jo.page.getByRole("link", { name: "Interim reviews" }).click();
  await jo.page.getByText("Key points from observations").waitFor();
  await jo.page.getByText("10/02/2026 (Reading intervention group): Pupils read aloud confidently; use the new phonics cards.").waitFor();
  await jo.page.getByRole("button", { name: "Record an interim review" }).click();
  const interim = jo.page.getByRole("region", { name: "Interim review 1" });
  await interim.getByLabel("Date of the review").fill("13/02/2026");
  await interim.getByLabel("Wellbeing").fill("Settled in the new team; wants to keep Friday afternoons for planning.");
  await interim.getByLabel("Wellbeing").press("Tab");
  await interim.getByRole("button", { name: "Sign the interim review" }).click();
  await interim.getByText(/Interim review signed by Jo Lee \(reviewer\) on 16\/02\/2026: covers it as it is now/).waitFor();
  await lookAt(jo.page, "interim-review-reviewer");
  const review = await download(jo.page, () => jo.page.getByRole("button", { name: "Send the interim reviews to Sam Patel" }).click());

  // Sam reads it, adds their own view and signs; Jo sees both sign-offs current.
  await importFile(sam.page, review);
  await sam.page.goto(jo.page.url());
  const samsCopy = sam.page.getByRole("region", { name: "Interim review 1" });
  await samsCopy.getByText("Settled in the new team; wants to keep Friday afternoons for planning.").waitFor();
  await samsCopy.getByLabel("Comments from the reviewee").fill("A helpful conversation.");
  await samsCopy.getByLabel("Comments from the reviewee").press("Tab");
  await samsCopy.getByRole("button", { name: "Sign the interim review" }).click();
  await samsCopy.getByText(/signed by Sam Patel \(reviewee\) on 16\/02\/2026: covers it as it is now/).waitFor();
  const reply = await download(sam.page, () => sam.page.getByRole("button", { name: "Send the interim reviews to Jo Lee" }).click());
  await importFile(jo.page, reply);
  await jo.page.goto(sam.page.url());
  const both = jo.page.getByRole("region", { name: "Interim review 1" });
  await both.getByText(/signed by Sam Patel \(reviewee\) on 16\/02\/2026: covers it as it is now/).waitFor();
  await both.getByText(/signed by Jo Lee \(reviewer\) on 16\/02\/2026: covers it as it is now/).waitFor();
  assert.equal(await both.getByLabel("Comments from the reviewee").count(), 0);
  assert.deepEqual(jo.person.consoleErrors, []);
  assert.deepEqual(sam.person.consoleErrors, []);
  await jo.person.context.close();
  await sam.person.context.close();
});

test("seed 000: a termly review sets new team objectives for the coming term", async () => {
  const jo = await reviewerWithReview("Early years setting", null, "16/09/2026", "2026-12-16T10:00:00Z");
  const page = jo.page;
  await page.getByRole("link", { name: "Interim reviews" }).click();
  // Reviews at the end of each term need the school's terms: none are entered yet, so no date
  // is made up, and the page says what is missing.
  assert.match(await page.getByTestId("termly-dates-unknown").textContent(), /your school’s terms are not entered, so those dates are not shown/);
  assert.equal(await page.getByText(/Hold interim review 1 – /).count(), 0);
  await nav(page, "Settings");
  const terms = page.locator("section", { has: page.getByRole("heading", { name: "Term dates", level: 2 }) });
  await terms.getByLabel("Term", { exact: true }).fill("Autumn term");
  await terms.getByLabel("First day of the term").fill("02/09/2026");
  await terms.getByLabel("Last day of the term").fill("18/12/2026");
  await terms.getByRole("button", { name: "Add the term" }).click();
  await terms.getByText("Autumn term: 02/09/2026 to 18/12/2026").waitFor();
  await page.goto(jo.reviewUrl);
  await page.getByRole("link", { name: "Interim reviews" }).click();
  await page.getByText("Hold interim review 1 – 18/12/2026, due in 2 working days").waitFor();
  await page.getByRole("button", { name: "Record an interim review" }).click();
  const interim = page.getByRole("region", { name: "Interim review 1" });
  await interim.getByRole("button", { name: "Add a revised or new objective" }).click();
  const objective = interim.getByRole("group", { name: "Revised objective 1" });
  await objective.getByLabel("The objective").fill("Lead the spring term's outdoor maths provision as a team");
  await objective.getByLabel("How will you know it is achieved?").fill("Every child has a weekly outdoor maths session, logged in the planning file");
  await objective.getByLabel("What will be done to achieve it?").fill("Plan sessions together at the Monday team meeting");
  await objective.getByLabel("By when?").fill("26/03/2027");
  await objective.getByLabel("Shared by the whole team").check();
  await interim.getByRole("button", { name: "Sign the interim review" }).click();
  await interim.getByText(/Interim review signed by Jo Lee \(reviewer\)/).waitFor();
  await lookAt(page, "interim-review-team-objective");
  await page.reload();
  assert.equal(await page.getByLabel("The objective").inputValue(), "Lead the spring term's outdoor maths provision as a team");
  assert.equal(await page.getByLabel("Shared by the whole team").isChecked(), true);
  await page.getByRole("link", { name: /Back to the review/ }).click();
  await page.getByText("Interim reviews: 1 interim review recorded").waitFor();
  assert.match(await page.locator("ul.deadlines").innerText(), /Hold interim review 1 – .*done/);
  assert.deepEqual(jo.person.consoleErrors, []);
  await jo.person.context.close();
});

/** Fills the support plan's required fields, with monitoring from `starts` for `weeks`. */
async function writePlan(page, starts, weeks, reviewOn) {
  await page.getByLabel("Concerns").fill("Marking is often two weeks late, so pupils act on feedback too late to help.");
  await page.getByRole("button", { name: "Add a target" }).click();
  await page.getByLabel("Target 1").fill("Mark every class set within five school days");
  await page.getByLabel("Support agreed").fill("A weekly marking slot in the timetable, and coaching from the head of department.");
  await page.getByLabel("Monitored by", { exact: true }).fill("Jo Lee");
  await page.getByLabel("How progress is monitored").fill("Fortnightly book look with the head of department");
  await page.getByLabel("Likely causes").fill("Three new classes this year; Jo and Sam agree the marking load rose with them.");
  await page.getByLabel("If performance does not improve").fill("If marking is on time by the review date the plan ends; if not, monitoring continues or the formal capability procedure begins.");
  await page.getByLabel("Monitoring starts on").fill(starts);
  await page.getByLabel("Monitoring period").fill(String(weeks));
  await page.getByLabel("Review date").fill(reviewOn);
  await page.getByLabel("Review date").press("Tab");
}

test("a support plan under seed 002 is checked against its range, signed, and ends with performance improved", async () => {
  const jo = await reviewerWithReview("Academy procedure: teachers and support staff", "Teachers", "23/10/2026", "2026-11-02T10:00:00Z");
  const page = jo.page;
  await page.getByRole("link", { name: "Support plan" }).click();
  await lookAt(page, "support-plan-none");
  await page.getByRole("button", { name: "Start a support plan" }).click();
  await page.getByText("The policy’s monitoring period is normally 4 working weeks to 8 working weeks, with an extension of at most 4 weeks.").waitFor();
  await page.getByRole("button", { name: "Sign the support plan" }).click();
  await page.getByText(/This cannot be signed yet because these required answers are empty: Concerns; Support agreed; Monitored by; How progress is monitored; If performance does not improve; At least one target; Review date/).waitFor();
  await writePlan(page, "02/11/2026", 2, "27/11/2026");
  await page.getByText(/The monitoring period of 2 working weeks is shorter than the policy’s 4 working weeks/).waitFor();
  await page.getByLabel("Monitoring period").fill("6");
  await page.getByLabel("Monitoring period").press("Tab");
  await page.getByText("Monitoring runs until 14/12/2026; decide the outcome by then.").waitFor();
  assert.equal(await page.getByText(/shorter than the policy/).count(), 0);
  await page.getByLabel("Extension, in weeks").fill("6");
  await page.getByLabel("Extension, in weeks").press("Tab");
  await page.getByText(/extension of 6 weeks is longer than the policy’s 4 weeks/).waitFor();
  await page.getByLabel("Extension, in weeks").fill("");
  await page.getByLabel("Extension, in weeks").press("Tab");
  await page.getByRole("button", { name: "Sign the support plan" }).click();
  await page.getByText(/Support plan signed by Jo Lee \(reviewer\) on 02\/11\/2026: covers it as it is now/).waitFor();
  await lookAt(page, "support-plan-running");

  // The review and Home say a plan is running, with its review date among the deadlines.
  await page.getByRole("link", { name: /Back to the review/ }).click();
  await page.getByText("Support plan: Running: review on 27/11/2026").waitFor();
  await page.getByTestId("stage").filter({ hasText: "(support plan running)" }).waitFor();
  assert.match(await page.locator("ul.deadlines").innerText(), /Review progress on the support plan – 27\/11\/2026/);

  // At the review: improved. The plan ends and the cycle carries on as before.
  await page.getByRole("link", { name: "Support plan" }).click();
  await page.getByLabel("Outcome of the monitoring").selectOption({ label: "Performance has improved: the plan ends" });
  await page.getByLabel("Outcome decided on").fill("14/12/2026");
  await page.getByLabel("Outcome decided on").press("Tab");
  await page.getByText(/Support plan signed by Jo Lee \(reviewer\) on 02\/11\/2026: out of date: Support plan: Outcome/).waitFor();
  await page.getByRole("link", { name: /Back to the review/ }).click();
  await page.getByText("Support plan: Ended: performance improved").waitFor();
  assert.doesNotMatch(await page.getByTestId("stage").innerText(), /support plan/);
  assert.deepEqual(jo.person.consoleErrors, []);
  await jo.person.context.close();
});

test("a support plan ending in formal capability suspends the cycle everywhere and goes to the headteacher alone", async () => {
  const now = "2026-12-14T10:00:00Z";
  const jo = await reviewerWithReview("Academy procedure: teachers and support staff", "Teachers", "23/10/2026", now);
  const page = jo.page;
  await page.getByRole("link", { name: "Support plan" }).click();
  await page.getByRole("button", { name: "Start a support plan" }).click();
  await writePlan(page, "02/11/2026", 6, "11/12/2026");
  // Until the outcome is formal capability, the plan does not go to the headteacher.
  assert.equal(await page.getByRole("button", { name: "Send the support plan to the headteacher" }).count(), 0);
  await page.getByLabel("Outcome of the monitoring").selectOption({ label: "Move to the formal capability procedure" });
  await page.getByLabel("Outcome decided on").fill("14/12/2026");
  await page.getByLabel("Outcome decided on").press("Tab");
  const banner = page.getByRole("region", { name: "The appraisal cycle is suspended" }).or(page.locator(".banner", { hasText: "The appraisal cycle is suspended" })).first();
  await banner.getByText("The support plan ended in the formal capability procedure, so the appraisal cycle has been suspended since 14/12/2026.").waitFor();
  await lookAt(page, "support-plan-capability");
  // The headteacher's contact card lets the plan go locked to them.
  const pat = await personNamed(app, "Pat Head", { now, bypassCSP: true });
  const url = page.url();
  await sendCard(pat, jo, "Pat Head");
  await page.goto(url);
  await page.getByLabel("Headteacher’s name").fill("Pat Head");
  const referral = await download(page, () => page.getByRole("button", { name: "Send the support plan to the headteacher" }).click());
  assert.match(referral, /appraise-support-plan-for-the-headteacher-/);

  // The review page and Home say so; the cycle's own deadlines stop.
  await page.getByRole("link", { name: /Back to the review/ }).click();
  await page.getByText(/Its deadlines have stopped/).waitFor();
  await page.getByTestId("stage").filter({ hasText: "Suspended under the formal capability procedure" }).waitFor();
  const clocks = await page.locator("ul.deadlines li").allInnerTexts();
  assert.ok(clocks.length > 0 && clocks.every((line) => /support plan/.test(line)), clocks.join("\n"));
  await lookAt(page, "review-suspended");
  await nav(page, "Home");
  await page.getByRole("row", { name: /Sam Patel/ }).getByText("Suspended under the formal capability procedure").waitFor();

  // The headteacher reads the plan as a document, and nothing else of the review.
  await importFile(pat.page, referral);
  await nav(pat.page, "Home");
  await pat.page.getByRole("link", { name: "Open this review" }).first().click();
  await pat.page.getByRole("link", { name: "Support plan" }).click();
  await pat.page.getByText("Marking is often two weeks late, so pupils act on feedback too late to help.").waitFor();
  assert.equal(await pat.page.getByLabel("Concerns").count(), 0, "the headteacher reads, not edits");
  await lookAt(pat.page, "support-plan-headteacher");
  assert.deepEqual(jo.person.consoleErrors, []);
  assert.deepEqual(pat.person.consoleErrors, []);
  await jo.person.context.close();
  await pat.person.context.close();
});
