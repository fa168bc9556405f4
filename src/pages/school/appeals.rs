//! Appeals: every appeal lodged on the reviews on the desk with its clock (the school's time
//! limit for deciding it), and for the one chosen, the hearing recorded (date, who attended,
//! summary) with its outcome, sent as a signed file to the reviewee and the reviewer.

use leptos::prelude::*;

use crate::use_cases::sending::ReviewFile;
use leptos_router::components::A;

use super::{DeskRows, Narrowed, Reading, ReviewChoice, chosen_row, narrowed};
use crate::autosave::{Draft, save_on_leaving};
use crate::components::{Banner, BannerKind, DraftChoice, DraftDate, DraftTextArea, SaveIndicator};
use crate::domain::dates::format_uk_date;
use crate::domain::desk::DeskRow;
use crate::domain::documents::{AppealHearing, AppealOutcome, Document};
use crate::domain::people::Role;
use crate::pages::send::{EncryptChoice, SentNotice, send_review_file};
use crate::state::use_storage;
use crate::use_cases::{leadership, reviews};

#[component]
pub fn AppealsPage() -> impl IntoView {
    crate::pages::set_page_title("Appeals");
    let rows = DeskRows::read();
    let concern = narrowed();
    let appealed = Memo::new(move |_| {
        let concern = concern.get();
        rows.with(|rows| {
            rows.as_ref()
                .and_then(|rows| rows.as_ref().ok())
                .map(|rows| {
                    let mut appealed: Vec<DeskRow> = rows
                        .iter()
                        .filter(|row| row.appeal.is_some())
                        .filter(|row| concern.is_none_or(|concern| concern.counts(row)))
                        .cloned()
                        .collect();
                    appealed.sort_by_key(|row| row.appeal.as_ref().and_then(|appeal| appeal.due));
                    appealed
                })
                .unwrap_or_default()
        })
    });
    let chosen = RwSignal::new(String::new());
    let reading = Reading::of(rows);
    view! {
        <h1>"Appeals"</h1>
        <p>"Every appeal against a statement on your desk. Hear each one, record the hearing and its outcome, and send the outcome to the reviewee and the reviewer: it shows on their copies of the review, and the statement goes back to them to sign as it stands after the appeal."</p>
        {move || {
            let list = appealed.get();
            if reading.get() == Reading::Underway {
                return view! { <p role="status">"Reading the reviews…"</p> }.into_any();
            }
            if list.is_empty() {
                return view! { <p class="empty">"No appeals have reached you. An appeal comes with the reviewer’s final statement: "<A href="/import">"import it"</A>" when it arrives."</p> }.into_any();
            }
            view! {
                {concern.get().map(|concern| view! { <Narrowed concern=concern count=list.len() page="appeals" /> })}
                <div class="table-wrap">
                    <table class="table table--cards">
                        <caption class="table__caption">{format!("{} {}", list.len(), if list.len() == 1 { "appeal" } else { "appeals" })}</caption>
                        <thead><tr><th scope="col">"Reviewee"</th><th scope="col">"Reviewer"</th><th scope="col">"Lodged"</th><th scope="col">"Decide by"</th><th scope="col">"Outcome"</th></tr></thead>
                        <tbody>
                            {list.iter().filter_map(|row| Some((row, row.appeal.clone()?))).map(|(row, appeal)| {
                                let overdue = appeal.is_overdue(crate::browser::today());
                                view! {
                                    <tr>
                                        <th scope="row">{row.reviewee.clone()}</th>
                                        <td data-label="Reviewer">{row.reviewer.clone()}</td>
                                        <td data-label="Lodged">{appeal.lodged_on.map_or_else(|| "Date not known".to_owned(), format_uk_date)}</td>
                                        <td data-label="Decide by" class:overdue=overdue>{appeal.due.map_or_else(|| "No limit in the policy".to_owned(), |due| format!("{}{}", format_uk_date(due), if overdue { " (overdue)" } else { "" }))}</td>
                                        <td data-label="Outcome">{appeal.outcome.map_or("Not decided yet", AppealOutcome::label)}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
        {move || appealed.with(|list| !list.is_empty()).then(|| view! {
            <ReviewChoice id="appeal-review" label="Appeal to hear" placeholder="Choose an appeal" rows=appealed chosen=chosen />
        })}
        {move || chosen_row(appealed, chosen).map(|row| view! { <Hearing row=row /> })}
    }
}

/// One appeal: what was appealed and why, the hearing and outcome as recorded, and sending it.
#[component]
fn Hearing(row: DeskRow) -> impl IntoView {
    let storage = use_storage();
    let id = row.review.as_str().to_owned();
    let review = storage
        .with(|vault| reviews::load_review(vault, &id).ok().flatten())
        .flatten();
    let summary = storage
        .with(|vault| reviews::review(vault, &id).ok().flatten())
        .flatten();
    let headteacher_is_reviewer = storage
        .with(|vault| {
            let me = crate::use_cases::identity::identity(vault).ok().flatten()?;
            Some(leadership::governing_body_hears(
                &summary.as_ref()?.summary,
                &me.public_keys(),
            ))
        })
        .flatten()
        .unwrap_or(false);
    let Some(review) = review else {
        return ().into_any();
    };
    let (entries, grounds) = review
        .appeal
        .as_ref()
        .map(|appeal| {
            let entries = review
                .statement
                .as_ref()
                .map(|statement| appeal.entries_appealed_in(statement))
                .unwrap_or_default();
            (entries, appeal.grounds.clone())
        })
        .unwrap_or_default();
    let appeal_of = format!("{}’s appeal", row.reviewee);
    if headteacher_is_reviewer {
        return view! {
            <h2>{appeal_of}</h2>
            <Banner kind=BannerKind::Warning title="The governing body hears this appeal">
                <p>{crate::use_cases::RecordsError::GoverningBodyHears.to_string()}</p>
            </Banner>
        }
        .into_any();
    }
    let draft = Draft::open_review_document(storage, &id, &AppealHearing::default());
    save_on_leaving(draft);
    let encrypt = RwSignal::new(true);
    let sent = RwSignal::new(None);
    DeskRows::after_sending(sent);
    let review_id = id.clone();
    let send = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        draft.save_now();
        send_review_file(
            storage,
            &review_id,
            ReviewFile::AppealOutcome,
            Role::Headteacher,
            encrypt.get_untracked(),
            sent,
        );
    };
    let path = |field: &str| format!("{}.{field}", AppealHearing::KIND);
    let outcomes: Vec<(String, &'static str)> = AppealOutcome::ALL
        .iter()
        .map(|outcome| {
            let value = serde_json::to_value(outcome).ok();
            (
                value
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
                outcome.label(),
            )
        })
        .collect();
    let names = format!("{} and {}", row.reviewee, row.reviewer);
    view! {
        <section class="section" aria-labelledby="hearing-heading">
            <h2 id="hearing-heading">{appeal_of}</h2>
            <h3 class="heading-s">"Entries appealed against"</h3>
            <ul class="list">{entries.into_iter().map(|entry| view! { <li>{entry}</li> }).collect_view()}</ul>
            <h3 class="heading-s">"Grounds"</h3>
            <p class="prose">{grounds}</p>
            <form on:submit=send>
                <h3 class="heading-s">"The hearing"</h3>
                <SaveIndicator draft=draft />
                <DraftDate draft=draft path=path("heard_on") label="Date of the hearing" />
                <DraftTextArea draft=draft path=path("attended") label="Who attended" hint="For example: the reviewee, their union representative, the reviewer, the headteacher." rows=2 />
                <DraftTextArea draft=draft path=path("summary") label="Summary of the hearing" rows=5 />
                <DraftChoice draft=draft path=path("outcome") label="Outcome" options=outcomes />
                <DraftTextArea draft=draft path=path("changes") label="What changes in the statement" hint="For an appeal upheld in whole or part: each entry that changes, and how. The reviewer makes the change and both sign again." rows=4 />
                <DraftDate draft=draft path=path("decided_on") label="Date of the decision" />
                <EncryptChoice encrypt=encrypt id="outcome-encrypted" label=format!("Encrypt the file so only {names} (and you) can read it (recommended for email)") />
                <button type="submit" class="button">{format!("Send the outcome to {names}")}</button>
            </form>
            <SentNotice sent=sent />
        </section>
    }
    .into_any()
}
