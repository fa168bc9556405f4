//! "Start a review": the reviewer names the reviewee, picks the school's policy and the meeting
//! date, lists last cycle's objectives, and downloads the invitation to email them; then the
//! page leads to the new review (a second review of the same person this cycle asks first).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::send::{Sending, Sent, SentNotice, send_bundle};
use crate::browser::{fresh_id, now, today};
use crate::components::{
    Banner, BannerKind, ErrorSummary, FieldError, TextField, WhichContact, error_for,
    focus_error_summary,
};
use crate::domain::ids::Id;
use crate::domain::people::Role;
use crate::domain::policy::Exclusion;
use crate::domain::presets::all_presets;
use crate::state::use_storage;
use crate::use_cases::sending::BundleKind;
use crate::use_cases::starting::{self, Field, NewReview, NotStarted};
use crate::use_cases::{identity, reviews, staff};

#[component]
pub fn StartReviewPage() -> impl IntoView {
    super::set_page_title("Start a review");
    let storage = use_storage();
    let presets = all_presets();
    // The school's policy, as adjusted in Settings, comes first.
    let school_policy = storage
        .with(|vault| identity::school_settings(vault).ok())
        .flatten()
        .and_then(|settings| settings.policy);
    // Pay eligibility follows the policy unless the reviewer says otherwise; `None` until they do.
    let pay_eligible = RwSignal::new(None::<bool>);
    // What the reviewer says of the reviewee that the policy may leave out.
    let left_out = RwSignal::new(Vec::<Exclusion>::new());
    let (name, job_title, policy, group, meeting, previous) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(
            school_policy
                .as_ref()
                .map_or_else(|| presets[0].key.clone(), |p| p.key.clone()),
        ),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    // A joiner's or a fixed-term contract's own cycle, where not the school's whole one.
    let (part_first, part_last) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let sent = RwSignal::new(None::<Sent>);
    // Whether the last invitation went locked to the reviewee (their contact card is here).
    let locked = RwSignal::new(false);
    // With two contacts of the reviewee's name, which one (by key id).
    let chosen = RwSignal::new(None::<String>);
    // The people the school's staff list gives this reviewer, and which of them was chosen.
    let allocation = storage
        .with(|vault| staff::my_allocation(vault, today()).ok())
        .flatten()
        .unwrap_or_default();
    let listed = RwSignal::new(None::<String>);
    let allocation = StoredValue::new(allocation);
    // Typing another name after choosing someone means someone else.
    Effect::new(move |_| {
        let typed = name.get();
        let still = listed.get_untracked().is_some_and(|id| {
            allocation.with_value(|members| {
                members
                    .iter()
                    .any(|member| member.staff_id == id && member.name == typed)
            })
        });
        if !still {
            listed.set(None);
        }
    });
    // A review of the same person this cycle, shown once; a second press starts another anyway.
    let duplicate = RwSignal::new(None::<(Id, String)>);
    // The review just started replaces the form; it is named in the address
    // (`?started=<id>`), so the menu's "Start a review" always brings a fresh form.
    let query = use_query_map();
    let navigate = use_navigate();
    let started = Memo::new(move |_| {
        let id = query.read().get("started")?;
        let held = storage.with(|vault| reviews::review(vault, &id).ok().flatten())??;
        Some((held.summary.id, held.summary.reviewee.name))
    });
    let school_policy = StoredValue::new(school_policy);
    let chosen_policy = move || {
        let key = policy.get();
        school_policy
            .get_value()
            .filter(|p| p.key == key)
            .or_else(|| all_presets().into_iter().find(|p| p.key == key))
            .unwrap_or_else(|| all_presets().remove(0))
    };

    let start = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let new = NewReview {
            reviewee_name: name.get_untracked(),
            reviewee_job_title: job_title.get_untracked(),
            policy: chosen_policy(),
            staff_group: group.get_untracked(),
            meeting: meeting.get_untracked(),
            part_year_first: part_first.get_untracked(),
            part_year_last: part_last.get_untracked(),
            pay_eligible: pay_eligible.get_untracked(),
            left_out: left_out.get_untracked(),
            previous_objectives: previous.get_untracked(),
            contact: chosen.get_untracked(),
            listed: listed.get_untracked(),
            second_accepted: duplicate.get_untracked().map(|(id, _)| id),
        };
        let outcome = storage.with_mut(|vault| {
            starting::start(vault, &new, &fresh_id("review"), &fresh_id("staff"), now())
        });
        let started = match outcome {
            Some(Ok(started)) => started,
            Some(Err(NotStarted::Fields(problems))) => {
                errors.set(
                    problems
                        .into_iter()
                        .map(|(field, message)| FieldError {
                            field: field_id(field),
                            message,
                        })
                        .collect(),
                );
                focus_error_summary();
                return;
            }
            Some(Err(NotStarted::SecondReview { existing, warning })) => {
                errors.set(Vec::new());
                duplicate.set(Some((existing, warning)));
                return;
            }
            Some(Err(NotStarted::Records(error))) => {
                sent.set(Some(Sent::Failed(error.to_string())));
                return;
            }
            None => {
                sent.set(Some(Sent::Failed(crate::use_cases::NOT_OPEN.to_owned())));
                return;
            }
        };
        errors.set(Vec::new());
        duplicate.set(None);
        locked.set(started.invitation_locked);
        let id = started.review.summary.id.clone();
        let sending = Sending {
            review: started.review,
            kind: BundleKind::Invitation,
            role: Role::Reviewer,
            text: Default::default(),
            recipient: None,
            encrypt: started.invitation_locked,
        };
        send_bundle(storage, sending, sent);
        for field in [name, job_title, meeting, previous, part_first, part_last] {
            field.set(String::new());
        }
        chosen.set(None);
        listed.set(None);
        pay_eligible.set(None);
        left_out.set(Vec::new());
        navigate(&format!("/reviews/new?started={id}"), Default::default());
    };
    // The menu link brings the same fresh form; what was sent belongs to the review started.
    Effect::new(move |_| {
        if started.get().is_none() {
            sent.set(None);
        }
    });
    view! {
        <h1>"Start a review"</h1>
        <Show when=move || started.get().is_none() fallback=move || started.get().map(|(id, reviewee)| {
            view! {
                <div class="panel panel--start" role="status">
                    <h2>{format!("Review of {reviewee} started")}</h2>
                    <p>"Email the invitation to them. When they import it, they can prepare their pre-review and send it back to you."</p>
                    <p><A href=format!("/reviews/{id}") attr:class="button">{format!("Open {reviewee}’s review")}</A></p>
                    <p><A href="/reviews/new" attr:class="button button--secondary">"Start another review"</A></p>
                </div>
                <Show when=move || matches!(sent.get(), Some(Sent::Done { .. }))>
                    <Banner kind=BannerKind::Information title="About this invitation">
                        <p>{move || if locked.get() {
                            "The invitation is locked so only the reviewee can read it: you have their contact card."
                        } else {
                            "The invitation is signed but not locked: you have no contact card from the reviewee yet. It holds names, the policy and last cycle’s objectives. Everything they send back, and everything after, is locked. To lock invitations too, ask colleagues for their contact cards first."
                        }}</p>
                    </Banner>
                </Show>
                <SentNotice sent=sent />
            }
        })>
        <p class="lead">"Set up a review for a member of staff and send them the invitation. They import it in Appraise and prepare their pre-review."</p>
        <ErrorSummary errors=errors />
        <form class="form" on:submit=start.clone() novalidate>
            {(!allocation.with_value(Vec::is_empty)).then(|| view! {
                <fieldset class="fieldset" id="allocated">
                    <legend class="fieldset__legend">"Whom the staff list gives you to review"</legend>
                    <p class="field__hint">"Choose someone to fill in their name and job title, or type another name below."</p>
                    {allocation.get_value().into_iter().map(|member| {
                        let id = format!("allocated-{}", member.staff_id);
                        let staff_id = member.staff_id.clone();
                        let checked = staff_id.clone();
                        let described = member.described();
                        view! {
                            <div class="radio">
                                <input type="radio" id=id.clone() name="allocated"
                                    prop:checked=move || listed.get().as_deref() == Some(checked.as_str())
                                    on:change=move |_| {
                                        listed.set(Some(staff_id.clone()));
                                        name.set(member.name.clone());
                                        job_title.set(member.job_title.clone());
                                        group.set(member.staff_group.clone());
                                    } />
                                <label for=id>{described}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            })}
            <TextField id="reviewee-name" label="Reviewee’s name" hint="As they will write it in Appraise." value=name error=error_for(errors, "reviewee-name") />
            <WhichContact storage=storage name=name chosen=chosen field="reviewee-name".to_owned() />
            <TextField id="reviewee-job" label="Reviewee’s job title" hint="" value=job_title />
            <div class="field">
                <label class="field__label" for="policy">"Your school’s appraisal policy"</label>
                <p class="field__hint" id="policy-hint">{move || chosen_policy().summary}</p>
                <select class="field__select" id="policy" aria-describedby="policy-hint" on:change=move |e| { policy.set(event_target_value(&e)); group.set(String::new()); }>
                    {presets.iter().map(|p| view! { <option value=p.key.clone() selected=p.key == policy.get_untracked()>{p.name.clone()}</option> }).collect_view()}
                </select>
            </div>
            <Show when=move || { chosen_policy().cycles.len() > 1 }>
                <div class="field">
                    <label class="field__label" for="staff-group">"Staff group"</label>
                    <select class="field__select" id="staff-group" on:change=move |e| group.set(event_target_value(&e))>
                        {move || chosen_policy().cycles.into_iter().map(|c| view! { <option value=c.staff_group.clone()>{c.staff_group.clone()}</option> }).collect_view()}
                    </select>
                </div>
            </Show>
            <TextField id="meeting-date" label="Meeting date" hint="For example, 27/03/2027. The meeting reviews the cycle ending and plans the next." value=meeting error=error_for(errors, "meeting-date") />
            <details class="details" open=move || !part_first.get().is_empty() || !part_last.get().is_empty()>
                <summary class="details__summary">"Joined part-way through the year, or on a fixed-term contract?"</summary>
                <p class="field__hint">"Their cycle can be shorter than the school’s: leave these blank for the whole cycle."</p>
                <TextField id="part-year-first" label="First day of their cycle" hint="For a joiner, for example 11/01/2027." value=part_first error=error_for(errors, "part-year-first") />
                <TextField id="part-year-last" label="Last day of their cycle" hint="For a fixed-term contract, the day it ends." value=part_last error=error_for(errors, "part-year-last") />
            </details>
            <Show when=move || chosen_policy().pay_progression>
                <div class="field">
                    <div class="radio">
                        <input type="checkbox" id="pay-eligible"
                            prop:checked=move || pay_eligible.get().unwrap_or(true)
                            on:change=move |e| pay_eligible.set(Some(event_target_checked(&e))) />
                        <label for="pay-eligible">"Eligible for pay progression this cycle"</label>
                    </div>
                    <p class="field__hint">"The statement then carries a pay recommendation, and the pay decision’s date is listed. Untick for someone at the top of their scale."</p>
                </div>
            </Show>
            {move || {
                let exclusions = chosen_policy().exclusions;
                (!exclusions.is_empty()).then(|| view! {
                    <fieldset class="fieldset" id="left-out">
                        <legend class="fieldset__legend">"Does the policy apply to them?"</legend>
                        <p class="field__hint">"Your policy leaves out staff in these situations. Tick any that apply."</p>
                        {error_for(errors, "left-out").get().map(|message| view! { <p class="field__error">{message}</p> })}
                        {exclusions.into_iter().map(|exclusion| {
                            let id = format!("left-out-{exclusion:?}").to_lowercase();
                            view! {
                                <div class="radio">
                                    <input type="checkbox" id=id.clone()
                                        prop:checked=move || left_out.get().contains(&exclusion)
                                        on:change=move |e| left_out.update(|list| {
                                            list.retain(|x| *x != exclusion);
                                            if event_target_checked(&e) { list.push(exclusion); }
                                        }) />
                                    <label for=id>{exclusion.question()}</label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                })
            }}
            <div class="field">
                <label class="field__label" for="previous-objectives">"Last cycle’s objectives"</label>
                <p class="field__hint" id="previous-objectives-hint">"One objective per line. Leave empty if this is their first review."</p>
                <textarea class="field__textarea" id="previous-objectives" rows=4 aria-describedby="previous-objectives-hint"
                    prop:value=move || previous.get() on:input=move |e| previous.set(event_target_value(&e))></textarea>
            </div>
            {move || duplicate.get().map(|(id, text)| view! {
                <Banner kind=BannerKind::Warning title="You already review this person this cycle">
                    <p>{text}</p>
                    <p><A href=format!("/reviews/{id}")>"Open the review you already have"</A></p>
                    <button type="submit" class="button button--secondary">"Start a second review anyway"</button>
                </Banner>
            })}
            <button type="submit" class="button">"Start the review and download the invitation"</button>
        </form>
        <SentNotice sent=sent />
        </Show>
    }
}

/// Where on the form a problem the review's start found is shown.
fn field_id(field: Field) -> &'static str {
    match field {
        Field::RevieweeName => "reviewee-name",
        Field::MeetingDate => "meeting-date",
        Field::LeftOut => "left-out",
        Field::PartYearFirst => "part-year-first",
        Field::PartYearLast => "part-year-last",
    }
}
