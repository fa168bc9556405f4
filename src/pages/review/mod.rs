//! The review workspace: one review as this person holds it, with its stage and deadlines, the
//! pre-review, the planning and review statement, training needs, sign-offs and sending.
//! The reviewer writes the statement and training needs; the reviewee reads them, adds their
//! comments, signs or appeals; anyone else (the headteacher) reads.

mod checklist;
mod cpd;
mod layout;
mod moderation;
mod sending;
mod signing;
mod statement;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::autosave::{Draft, SaveStatus, save_on_leaving};
use crate::components::{DocumentView, DraftTextArea, SaveFailureBanner, SaveIndicator};
use crate::domain::cycle::Review;
use crate::domain::dates::format_uk_date;
use crate::domain::documents::{
    Appeal, CpdNeeds, Document, MeetingChecklist, PreReviewAuthor, PreReviewForm, Statement,
    appealable_entries,
};
use crate::domain::people::Role;
use crate::domain::reading;
use crate::domain::sections::{Section, SectionState, next_section, sections};
use crate::state::{AppStorage, use_storage};
use crate::use_cases::reviews::StoredReview;
use crate::use_cases::sign_offs::SignOffStanding;
use crate::use_cases::{identity, reviews, sign_offs};
use layout::{Contents, FieldLink, JumpBar, ReviewSection, SectionLink};

/// The kind the reviewer's private preparation is kept under.
const PRIVATE_NOTES: &str = "reviewer_notes";

/// Everything the workspace's sections share.
#[derive(Clone, Copy)]
struct Workspace {
    storage: AppStorage,
    review_id: StoredValue<String>,
    /// This person's part in the review (`None`: they only read it, like the headteacher).
    role: Option<Role>,
    /// The part they play, parties or not (the headteacher, the CPD leader).
    part: Role,
    statement: Draft,
    cpd_needs: Draft,
    appeal: Draft,
    /// The reviewer's own preparation, a pre-review form that is never sent.
    notes: Draft,
    /// This person's meeting checklist, never sent.
    checklist: Draft,
    /// The review as this person holds it, read again after every save and import.
    held: Memo<Option<crate::use_cases::held::HeldReview>>,
    /// The review as stored now, read again after every save and import.
    review: Memo<Option<Review>>,
    standings: Memo<Vec<SignOffStanding>>,
    /// The sections this person sees, with where each stands.
    sections: Memo<Vec<SectionState>>,
    /// The sections folded on screen.
    folded: RwSignal<Vec<Section>>,
}

impl Workspace {
    fn is(&self, role: Role) -> bool {
        self.role == Some(role)
    }

    /// Writes every open draft, so what is sent or signed is what is on screen; says why not
    /// when a draft could not be saved (then storage does not hold what the person sees).
    fn save_all(&self) -> Result<(), String> {
        let drafts = [
            self.statement,
            self.cpd_needs,
            self.appeal,
            self.notes,
            self.checklist,
        ];
        for draft in drafts {
            draft.save_now();
        }
        if drafts
            .iter()
            .any(|draft| matches!(draft.status.get_untracked(), SaveStatus::Failed(_)))
        {
            return Err("Your latest changes could not be saved, so this would not match what is on screen. See the message above, then try again.".into());
        }
        Ok(())
    }

    fn stored(&self) -> Option<StoredReview> {
        self.held
            .with_untracked(|held| held.as_ref().map(|held| held.stored.clone()))
    }
}

#[component]
pub fn ReviewPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        view! { <ReviewWorkspace id=id /> }
    }
}

#[component]
fn ReviewWorkspace(id: String) -> impl IntoView {
    let storage = use_storage();
    let held = storage
        .with(|vault| reviews::review(vault, &id).ok().flatten())
        .flatten();
    let Some(held) = held else {
        super::set_page_title("Review not found");
        return view! {
            <h1>"This review is not on this device"</h1>
            <p>"It may have been deleted, or it was started on another device or browser."</p>
            <p><A href="/">"Go to your reviews"</A></p>
        }
        .into_any();
    };
    let summary = held.summary.clone();
    let statement =
        Draft::open_review_document(storage, &id, &Statement::blank(Vec::new(), Vec::new()));
    let cpd_needs = Draft::open_review_document(
        storage,
        &id,
        &CpdNeeds::blank_for(&summary.reviewee, &summary.reviewer),
    );
    let appeal = Draft::open_review_document(storage, &id, &Appeal::blank());
    let notes = Draft::open_review_document_as(
        storage,
        &id,
        PRIVATE_NOTES,
        &PreReviewForm::blank(PreReviewAuthor::ReviewerPrivate, "", ""),
    );
    let checklist = Draft::open_review_document(storage, &id, &MeetingChecklist::seed_001());
    for draft in [statement, cpd_needs, appeal, notes, checklist] {
        save_on_leaving(draft);
    }
    let held = super::held_review(storage, id.clone(), move || {
        for draft in [statement, cpd_needs, appeal, checklist] {
            draft.status.track();
        }
    });
    let review = Memo::new(move |_| held.with(|held| held.as_ref().map(|h| h.review.clone())));
    let standings = Memo::new(move |_| {
        held.with(|held| held.as_ref().map(|h| h.standings.clone()))
            .unwrap_or_default()
    });
    // This person's own place in the review (`None`: they only read it), and the part they play.
    let role = held.with_untracked(|held| held.as_ref().and_then(|held| held.party));
    let part = held
        .with_untracked(|held| held.as_ref().map(|held| held.part))
        .unwrap_or(Role::Headteacher);
    let stage = Memo::new(move |_| held.with(|held| held.as_ref().map(|held| held.stage)));
    let shown = Memo::new(move |_| {
        let (Some(review), Some(stage)) = (review.get(), stage.get()) else {
            return Vec::new();
        };
        let standings = standings.get();
        let needs_signed = sign_offs::signed_as_it_is(
            &standings,
            crate::domain::documents::CpdNeeds::KIND,
            crate::domain::sign_off::SignerRole::Reviewer,
        );
        let signed = sign_offs::statement_signed(&standings);
        sections(&review, part, role.is_some(), stage, signed, needs_signed)
    });
    // Sections with nothing for this person to do start folded; after that, folding is theirs.
    let folded = RwSignal::new(
        shown
            .get_untracked()
            .iter()
            .filter(|state| state.folded)
            .map(|state| state.section)
            .collect(),
    );
    let workspace = Workspace {
        storage,
        review_id: StoredValue::new(id),
        role,
        part,
        statement,
        cpd_needs,
        appeal,
        notes,
        checklist,
        held,
        review,
        standings,
        sections: shown,
        folded,
    };
    let title = match role {
        Some(Role::Reviewee) => format!("Your review with {}", summary.reviewer.name),
        _ => format!("Review of {}", summary.reviewee.name),
    };
    super::set_page_title(&title);
    // Which sections are on the page changes only when an appeal arrives, so the sections
    // themselves are not drawn again as the person types.
    let on_page = Memo::new(move |_| {
        shown.with(|shown| shown.iter().map(|state| state.section).collect::<Vec<_>>())
    });
    view! {
        <h1>{title}</h1>
        <div class="review-layout">
            <div class="review-layout__overview"><Overview workspace=workspace /></div>
            <Contents workspace=workspace />
            <JumpBar workspace=workspace />
            <div class="review-layout__sections">
                <super::import::ConflictsToResolve storage=storage only_review=workspace.review_id.get_value() />
                <moderation::ModerationNoteShown workspace=workspace />
                <SaveFailureBanner draft=statement download=Callback::new(move |()| download_text(statement, "statement")) />
                <SaveFailureBanner draft=cpd_needs download=Callback::new(move |()| download_text(cpd_needs, "training-needs")) />
                <For each=move || on_page.get() key=|section| *section let(section)>
                    {section_view(workspace, section)}
                </For>
            </div>
        </div>
    }
    .into_any()
}

/// The section's own view.
fn section_view(workspace: Workspace, section: Section) -> AnyView {
    match section {
        Section::PreReview => view! { <PreReviewSection workspace=workspace /> }.into_any(),
        Section::Checklist => {
            view! { <checklist::ChecklistSection workspace=workspace /> }.into_any()
        }
        Section::Statement => {
            view! { <statement::StatementSection workspace=workspace /> }.into_any()
        }
        Section::TrainingNeeds => view! { <cpd::CpdSection workspace=workspace /> }.into_any(),
        Section::SignOffs => view! { <signing::SignOffSection workspace=workspace /> }.into_any(),
        Section::Appeal if workspace.is(Role::Reviewee) => {
            view! { <AppealSection workspace=workspace /> }.into_any()
        }
        Section::Appeal => view! { <AppealReceived workspace=workspace /> }.into_any(),
        Section::Send => view! { <sending::SendSection workspace=workspace /> }.into_any(),
    }
}

/// Offers a document's text as a file, when it cannot be saved here.
fn download_text(draft: Draft, what: &str) {
    if let Some(body) = draft.body() {
        let name = format!("appraise-{what}-{}.json", crate::browser::file_stamp());
        let text = serde_json::to_string_pretty(&body).unwrap_or_default();
        let _ = crate::browser::download(&name, "application/json", &text);
    }
}

/// Who, when, the stage, what to do next and the deadlines.
#[component]
fn Overview(workspace: Workspace) -> impl IntoView {
    let role = workspace.role;
    view! {
        {move || workspace.held.get().map(|held| {
            let step = held.next_step();
            let stage = held.stage;
            let calendar = workspace.storage.with(identity::school_calendar).unwrap_or_default();
            // The school, so that a printed statement says whose it is: as the school's settings
            // name it, the same on every copy of those who use them.
            let school = workspace.storage.with(|vault| crate::use_cases::leadership::school_name(vault).ok().flatten()).flatten();
            let stage_words = held.stage_in_words();
            let clocks = held.deadlines.clone();
            let termly_dates_unknown = held.termly_dates_unknown.clone();
            let review = held.review;
            let meeting = review.dates.meeting_on.map_or("Not yet set".to_owned(), format_uk_date);
            // Reviewers who handed the review on: the cycle carried on under the next one.
            let earlier = workspace.stored().map(|stored| stored.summary.previous_reviewers).unwrap_or_default();
            view! {
                <dl class="summary-list">
                    {school.map(|school| view! { <div><dt>"School"</dt><dd>{school}</dd></div> })}
                    <div><dt>"Reviewee"</dt><dd>{name_and_title(&review.reviewee)}</dd></div>
                    <div><dt>"Reviewer"</dt><dd>{name_and_title(&review.reviewer)}</dd></div>
                    {earlier.into_iter().map(|previous| view! {
                        <div><dt>"Earlier reviewer"</dt><dd>{format!("{}, until {}", name_and_title(&previous.person), format_uk_date(previous.until))}</dd></div>
                    }).collect_view()}
                    <div><dt>"Cycle reviewed"</dt><dd>{review.reviewed_period().to_string()}</dd></div>
                    <div><dt>"Cycle planned"</dt><dd>{review.planned_period().to_string()}</dd></div>
                    <div><dt>"Pay progression"</dt><dd>{if review.pay_eligible { "Eligible: the statement recommends on pay" } else { "Not part of this review" }}</dd></div>
                    <div><dt>"Meeting"</dt><dd>{meeting}</dd></div>
                    <div><dt>"Policy"</dt><dd>{policy_in_words(&review.policy)}</dd></div>
                    <div><dt>"Stage"</dt><dd data-testid="stage">{stage_words}</dd></div>
                </dl>
                <p class="next-step no-print">
                    <strong>"Next: "</strong>{step}
                    // While the cycle is suspended no section is the next thing to do.
                    {next_section(stage, workspace.part).filter(|_| review.suspension != Some(crate::domain::cycle::Suspension::Capability)).map(|section| view! {
                        " " <SectionLink workspace=workspace section=section text=section.go_to().to_owned() />
                    })}
                </p>
                {(role.is_some() && !clocks.is_empty()).then(|| {
                    let (notes, missing_terms) = crate::domain::deadlines::notes_for_list(clocks.iter().map(|(deadline, _)| deadline), &calendar);
                    view! {
                        <h2 class="heading-m">"Deadlines"</h2>
                        <p class="hint">"Worked out from your policy’s figures (Settings shows where each comes from) and the school’s calendar. The pre-review’s date, the school day before the meeting, is Appraise’s suggestion, so that the reviewer can read it first."</p>
                        <ul class="list deadlines">
                            {clocks.into_iter().zip(notes).map(|((deadline, standing), note)| {
                                let state = standing.describe(deadline.owner);
                                let note = note.map(|note| format!(". {note}")).unwrap_or_default();
                                view! { <li>{format!("{} – {} ({}), {state}{note}", deadline.kind, format_uk_date(deadline.due), deadline.owner.label())}</li> }
                            }).collect_view()}
                        </ul>
                        {missing_terms.into_iter().map(|note| view! { <p class="hint" data-testid="dates-past-the-terms">{note}"."</p> }).collect_view()}
                    }
                })}
                {termly_dates_unknown.map(|note| view! { <p class="hint" data-testid="termly-dates-unknown">{note}"."</p> })}
                <BetweenMeetings workspace=workspace review=review.clone() />
                <p class="no-print" hidden=role.is_none()>
                    <button type="button" class="button button--secondary" on:click=move |_| calendar_download(workspace)>
                        "Add the meeting and deadlines to your calendar"
                    </button>
                </p>
            }
        })}
    }
}

/// The year between meetings: where observations, interim reviews and any support plan stand,
/// each a link to its own page, for the two parties (and whoever holds the support plan); and
/// while the cycle is suspended under formal capability, what that means.
#[component]
fn BetweenMeetings(workspace: Workspace, review: Review) -> impl IntoView {
    use crate::domain::between_meetings::{capability_notice, where_it_stands};
    let party = workspace.role.is_some();
    if !party && review.support_plan.is_none() {
        return ().into_any();
    }
    let id = review.id.to_string();
    let [observations, interims, plan] = where_it_stands(&review);
    let links = [
        ("observations", "Observations", observations),
        ("interim-reviews", "Interim reviews", interims),
        ("support-plan", "Support plan", plan),
    ];
    let suspended = review.suspension == Some(crate::domain::cycle::Suspension::Capability);
    let notice = review.support_plan.as_ref().map(capability_notice);
    view! {
        {suspended.then(|| view! {
            <crate::components::Banner kind=crate::components::BannerKind::Warning title="The appraisal cycle is suspended">
                {notice.unwrap_or_default().into_iter().map(|text| view! { <p>{text}</p> }).collect_view()}
            </crate::components::Banner>
        })}
        <h2 class="heading-m">"Between meetings"</h2>
        <ul class="list between-meetings">
            {links.into_iter().filter(|(page, ..)| party || *page == "support-plan").map(|(page, title, state)| view! {
                <li><A href=format!("/reviews/{id}/{page}")>{title}</A>{format!(": {state}")}</li>
            }).collect_view()}
        </ul>
        <BetweenMeetingsPrinted review=review party=party />
    }
    .into_any()
}

/// The year between meetings in the review's printout: every observation, interim review and the
/// support plan as documents (the support plan alone for someone outside the review who holds it).
#[component]
fn BetweenMeetingsPrinted(review: Review, party: bool) -> impl IntoView {
    use crate::domain::between_meetings;
    let mut documents: Vec<(String, Vec<reading::Part>)> = Vec::new();
    if party {
        for (n, observation) in review.observations.iter().enumerate() {
            documents.push((
                format!("Observation {}", n + 1),
                between_meetings::observation(observation, false),
            ));
        }
        for (n, interim) in review.interim_reviews.iter().enumerate() {
            documents.push((
                format!("Interim review {}", n + 1),
                between_meetings::interim_review(interim, false),
            ));
        }
    }
    if let Some(plan) = &review.support_plan {
        documents.push((
            "Support plan".to_owned(),
            between_meetings::support_plan(plan, false),
        ));
    }
    (!documents.is_empty()).then(|| {
        view! {
            <div class="print-only">
                {documents.into_iter().map(|(title, parts)| view! {
                    <h3 class="heading-s">{title}</h3>
                    <DocumentView parts=parts />
                }).collect_view()}
            </div>
        }
    })
}

fn name_and_title(person: &crate::domain::people::PersonRef) -> String {
    if person.job_title.trim().is_empty() {
        person.name.clone()
    } else {
        format!("{}, {}", person.name, person.job_title)
    }
}

/// Downloads the meeting and this person's open deadlines as an `.ics` file for any calendar app.
fn calendar_download(workspace: Workspace) {
    let Some(held) = workspace.held.get_untracked() else {
        return;
    };
    let text = crate::domain::ical::calendar_for(
        &held.review,
        &held.my_open_deadlines(),
        crate::browser::now(),
    );
    let name = format!("appraisal-dates-{}.ics", crate::browser::file_stamp());
    let _ = crate::browser::download(&name, "text/calendar;charset=utf-8", &text);
}

/// The reviewee's self-assessment: theirs to edit on its own page; the reviewer reads it beside
/// their own private preparation.
#[component]
fn PreReviewSection(workspace: Workspace) -> impl IntoView {
    let received = move || {
        let form = workspace
            .review
            .get()
            .and_then(|review| review.pre_review)
            .filter(PreReviewForm::has_answers);
        match form {
            None => view! { <p class="empty">"Not received yet. When the reviewee sends it, " <A href="/import">"import the file"</A>"."</p> }.into_any(),
            Some(form) => view! { <DocumentView parts=reading::pre_review(&form) test_id="pre-review-received" /> }.into_any(),
        }
    };
    let notes = workspace.notes;
    let today = crate::browser::today();
    let meeting_held = workspace.review.with_untracked(|review| {
        review
            .as_ref()
            .is_some_and(|review| review.meeting_held(today))
    });
    view! {
        <ReviewSection workspace=workspace section=Section::PreReview>
            {if workspace.is(Role::Reviewee) {
                view! { <p>"Your pre-review is on its own page: " <A href="/prepare">"prepare and send your pre-review"</A>"."</p> }.into_any()
            } else {
                view! {
                    <div class="side-by-side">
                        <div>
                            <h3 class="heading-m">"From the reviewee"</h3>
                            {received}
                        </div>
                        // Once the meeting is held the preparation is for looking back at, so
                        // it starts closed.
                        <details class="preparation no-print" open=!meeting_held>
                            <summary class="preparation__summary">"Your preparation"</summary>
                            <p class="field__hint">"Private: kept on this device and never sent."</p>
                            <SaveIndicator draft=notes />
                            {PreReviewForm::TEXT_FIELDS.iter().filter(|field| !matches!(field.name, "name" | "job_title")).map(|field| view! {
                                <DraftTextArea draft=notes path=format!("{}.{}", PreReviewForm::KIND, field.name) label=field.label rows=3 />
                            }).collect_view()}
                        </details>
                    </div>
                }.into_any()
            }}
        </ReviewSection>
    }
}

/// The statement's entries the reviewee appeals against, ticked from those the domain lists.
#[component]
fn EntriesAppealed(workspace: Workspace) -> impl IntoView {
    let draft = workspace.appeal;
    let path = StoredValue::new(format!("{}.entries_appealed", Appeal::KIND));
    let chosen = draft.value(path.get_value());
    let entries = move || {
        workspace
            .review
            .get()
            .and_then(|review| review.statement)
            .map(|statement| appealable_entries(&statement))
            .unwrap_or_default()
    };
    view! {
        <fieldset class="fieldset">
            <legend class="fieldset__legend">"Entries you appeal against"</legend>
            {move || entries().into_iter().enumerate().map(|(n, (entry, label))| {
                let id = format!("appeal-entry-{n}");
                let this = entry.clone();
                let toggle = move |event: leptos::ev::Event| {
                    draft.set_in_list(&path.get_value(), &entry, event_target_checked(&event));
                };
                view! {
                    <div class="radio">
                        <input type="checkbox" id=id.clone()
                            prop:checked=move || chosen.get().as_array().is_some_and(|list| list.iter().any(|v| v.as_str() == Some(this.as_str())))
                            on:change=toggle />
                        <label for=id>{label}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// The reviewee's appeal as the reviewer and headteacher read it, once there is one.
#[component]
fn AppealReceived(workspace: Workspace) -> impl IntoView {
    let appeal = move || {
        let held = workspace.held.get()?;
        let said = held.appeal_in_words()?;
        let appeal = held.review.appeal?;
        let labels = held
            .review
            .statement
            .map(|statement| appeal.entries_appealed_in(&statement))
            .unwrap_or_default();
        Some((labels, appeal.grounds, said))
    };
    view! {
        {move || appeal().map(|(entries, grounds, said)| view! {
            <ReviewSection workspace=workspace section=Section::Appeal>
                <AppealDecided workspace=workspace />
                <p data-testid="appeal-standing">{said}</p>
                <h3 class="heading-s">"Entries appealed against"</h3>
                <ul class="list" data-testid="entries-appealed">{entries.into_iter().map(|label| view! { <li>{label}</li> }).collect_view()}</ul>
                <h3 class="heading-s">"Grounds"</h3>
                <p class="prose" data-testid="appeal-grounds">{grounds}</p>
            </ReviewSection>
        })}
    }
}

/// The appeal's outcome, once the person who heard it has decided it and sent it.
#[component]
fn AppealDecided(workspace: Workspace) -> impl IntoView {
    move || {
        let hearing = workspace
            .review
            .get()?
            .appeal_hearing
            .filter(crate::domain::documents::AppealHearing::is_decided)?;
        Some(view! {
            <h3 class="heading-s">"The appeal’s outcome"</h3>
            <DocumentView parts=reading::appeal_hearing(&hearing) test_id="appeal-outcome" />
        })
    }
}

/// The reviewee's appeal against the statement, instead of signing or after: the grounds, which
/// go to the reviewer and on to the headteacher in the reply.
#[component]
fn AppealSection(workspace: Workspace) -> impl IntoView {
    let draft = workspace.appeal;
    let route = move || {
        workspace
            .review
            .with(|review| review.as_ref().map(|review| review.policy.appeals))
    };
    view! {
        <ReviewSection workspace=workspace section=Section::Appeal>
            <AppealDecided workspace=workspace />
            {move || match route() {
                Some(route) if route.allows_statement_appeal() => view! {
                    <p>
                        "If you disagree with entries in the statement and talking it through has not settled it, "
                        {format!("you can appeal. Say which entries and why; your appeal goes with your reply and is heard by {}.", route.heard_by())}
                    </p>
                    <SaveIndicator draft=draft />
                    <EntriesAppealed workspace=workspace />
                    <DraftTextArea draft=draft path=format!("{}.grounds", Appeal::KIND) label="Grounds for your appeal" hint="Why you disagree with each entry you ticked." />
                }.into_any(),
                Some(route) => view! { <p data-testid="no-appeal">{route.describe()}</p> }.into_any(),
                None => ().into_any(),
            }}
        </ReviewSection>
    }
}

/// The policy as a printed statement names it: its name, with the school's own version of it.
fn policy_in_words(policy: &crate::domain::policy::Policy) -> String {
    match policy.version.trim() {
        "" => policy.name.clone(),
        version => format!("{} ({version})", policy.name),
    }
}
