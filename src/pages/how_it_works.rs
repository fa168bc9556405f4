//! How it works: the appraisal cycle in plain steps, for reviewees and reviewers, the
//! headteacher's first week, and how the school's policy, calendar, settings and staff list
//! decide every date and whom each file may come from.

use leptos::prelude::*;

#[component]
pub fn HowItWorksPage() -> impl IntoView {
    super::set_page_title("How it works");
    view! {
        <h1>"How an appraisal cycle works"</h1>
        <ol class="steps">
            <li>
                <h2>"Invitation"</h2>
                <p>"Your reviewer sends you an invitation file with the meeting date and last year’s objectives."</p>
            </li>
            <li>
                <h2>"Pre-review"</h2>
                <p>"You complete your self-assessment and send it back before the meeting."</p>
            </li>
            <li>
                <h2>"Meeting and statement"</h2>
                <p>"You meet. Your reviewer writes the planning and review statement with new objectives and training needs."</p>
            </li>
            <li>
                <h2>"Comments and sign-off"</h2>
                <p>"You read the statement, add your comments, and sign it or appeal."</p>
            </li>
            <li>
                <h2>"Copies"</h2>
                <p>"The signed statement goes to the headteacher. Training needs go to the CPD leader."</p>
            </li>
        </ol>
        <h2>"Between meetings"</h2>
        <p>"Observations, interim reviews and any support plan are kept with the review, each on its own page, and travel as files between you and your reviewer only. Both of you sign an interim review and a support plan. If a support plan ends in the formal capability procedure, the appraisal cycle is suspended until it ends, and the plan goes to the headteacher; it never goes to the CPD leader."</p>
        <h2>"The headteacher’s first week"</h2>
        <ol class="steps">
            <li>
                <h3>"Set the school up"</h3>
                <p>"In Settings, give your details with the headteacher’s role, choose your school’s policy (adjust any figure your school has chosen differently), and enter the term dates and closures."</p>
            </li>
            <li>
                <h3>"Gather the staff list"</h3>
                <p>"Ask every member of staff to send you their contact card (Contacts, “Send your contact card”). Import each on the Import page, reading their eight fingerprint words with them in person or by phone, then add them on The staff list page. Tick who reviews others and who is on the senior team, and choose each person’s reviewer: your policy’s limit on reviews per reviewer is checked as you go."</p>
            </li>
            <li>
                <h3>"Publish the settings"</h3>
                <p>"Under Settings, publish the school settings and email the file to all staff. New staff open it first when they set Appraise up, then send you their card in one step; add them, and publish again."</p>
            </li>
            <li>
                <h3>"What staff do next"</h3>
                <p>"Reviewers start each review from the people the staff list gives them, and email the invitations; reviewees import them and prepare. Nobody compares fingerprints with anyone else on the list: the list vouches for them, and a file in a listed name signed by other keys is refused."</p>
            </li>
            <li>
                <h3>"What reaches you, and when"</h3>
                <p>"Final statements after each review meeting, within your policy’s time; training needs go to the CPD leader. Your desk lists every review and, for the cycle, whose statement has not reached you yet. Requests for another reviewer and new contact cards (a lost device, a new starter) come to you too: answer them on The staff list page and publish again."</p>
            </li>
        </ol>
        <h2>"For the headteacher"</h2>
        <p>"Your Home opens with what needs you: appeals to decide, late statements, pay decisions left, notes not answered, reviewers who stand out, reviews not started, each with its number and what is past its date first. Each line opens the page with just those reviews."</p>
        <p>"The final statements you receive sit on one desk: where each review stands and whether it reached you on time. Moderation sets each reviewer’s ratings and objectives beside the school’s and lets you send a reviewer a note, which they see on their review until they answer. You record each appeal’s hearing and send the outcome to both people. For pay, accept the reviewers’ recommendations for everyone at once with one date and reason, and decide the exceptions one by one; download the list for the pay committee. The governors’ report counts it all with nobody named."</p>
        <h2>"Your school’s policy"</h2>
        <p>"Every date and limit comes from your school’s appraisal policy: one of five model policies, as its own words set them, or your school’s own edit of one. Settings lists each figure with where it comes from: the policy’s section and words, or “your school’s choice” where the policy says nothing."</p>
        <ul class="list">
            <li>"A review meeting looks back on a cycle and plans the next: the cycle running, when the meeting is in its last quarter; otherwise the cycle that last ended. The new objectives and the reviews between meetings belong to the cycle being planned; a pay decision follows the cycle reviewed, so an autumn review’s pay decision falls that autumn."</li>
            <li>"Termly reviews fall on the last school day of each term after the meeting, up to the last term of the cycle, which the next annual review closes; they need your school’s terms, and without them the review says so rather than guessing. A mid-year review falls on the last school day before the halfway point. The date you agree at the meeting replaces the first. Where the policy makes them optional, they are suggested and never overdue."</li>
            <li>"Who hears an appeal, who receives training needs, and who the policy leaves out (for example staff in probation) follow the policy. Someone who joins part-way through the year, or is on a fixed-term contract, has a cycle of their own length."</li>
        </ul>
        <h2>"The school calendar"</h2>
        <p>"Working days skip weekends, bank holidays in England and Wales (2025 to 2030, from GOV.UK), the holidays between your school’s terms and its other closures. After the last term your school has entered, weekdays are counted and the date says so, until the headteacher publishes next year’s terms. A date that falls on a closed day says so and names the day to act on: the school day before, for something due by a date or within a number of hours; the school day after, for a number of days after an event."</p>
        <h2>"School settings"</h2>
        <p>"Whoever runs appraisal, usually the headteacher, sets the policy, the term dates and the closures, and publishes them as one signed school settings file. Everyone imports it once on the Import page, so reviewer and reviewee see the same due dates. A newer version shows what it changes before you use it, and every file you exchange names the settings version it was made under."</p>
        <h2>"The staff list"</h2>
        <p>"The school settings file carries the staff list: each member with their keys and their reviewer, as the headteacher confirmed them. Files from people on it open without any fingerprint check; a file in their name signed by other keys is refused. When someone loses their device they send the headteacher a new card, and their old keys stop working for anything made after that day; when someone leaves, their earlier files and signatures still stand. If the reviewer changes, the review carries on in the same cycle: the old reviewer hands it over, or, if they are away, the reviewee passes their own copy to the new reviewer."</p>
    }
}
