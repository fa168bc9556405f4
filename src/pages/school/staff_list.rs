//! The staff list, at `/school/staff`: the headteacher adds each member from their contact card
//! (after comparing fingerprint words with them once), sets their staff group, roles and
//! reviewer, takes new keys for someone who started again on a new device, marks leavers, and
//! answers requests for another reviewer (seed 004, 6.4). Staff who hold the list (it comes with
//! the school settings file) see it to read, and can ask the headteacher for another reviewer.

use leptos::prelude::*;
use leptos_router::components::A;
use std::collections::BTreeSet;

use crate::components::{Banner, BannerKind};
use crate::domain::dates::format_uk_date;
use crate::domain::people::Role;
use crate::pages::send::{Sent, SentNotice};
use crate::state::{AppStorage, use_storage};
use crate::use_cases::reviewer_requests;
use crate::use_cases::staff::{self, StaffOverview, Unlisted};

#[component]
pub(super) fn StaffListPage() -> impl IntoView {
    super::super::set_page_title("The staff list");
    let storage = use_storage();
    // Bumped after each change here, so the list is read again.
    let changed = Trigger::new();
    let overview = Memo::new(move |_| {
        storage.changed_elsewhere.track();
        changed.track();
        storage
            .with(|vault| staff::overview(vault, crate::browser::today()))
            .unwrap_or(Err(crate::use_cases::RecordsError::NotOpen))
            .map_err(|error| error.to_string())
    });
    let ctx = Changes {
        storage,
        changed,
        said: RwSignal::new(None),
    };
    // What the page is drawn from; each part follows only what it shows, so a member's form
    // (and the focus in it) stays as it is when the list is read again after a change.
    let failed = Memo::new(move |_| overview.with(|read| read.as_ref().err().cloned()));
    let keeps_it =
        Memo::new(move |_| overview.with(|read| read.as_ref().is_ok_and(|o| o.keeps_it)));
    let read = move || overview.get().ok();
    view! {
        <h1>"The staff list"</h1>
        {move || failed.get().map(|reason| view! {
            <Banner kind=BannerKind::Problem title="The staff list could not be read"><p>{reason}</p></Banner>
        })}
        <p class="lead">{move || if keeps_it.get() {
            "Everyone who uses your school settings file takes the keys on this list as confirmed, so staff on it need not compare fingerprints with each other: you compare each person’s fingerprint words once, when you add them. Publish the settings again after any change, under Settings."
        } else {
            "This list came with your school’s settings file. The headteacher keeps it: files from the people on it are checked against the keys it gives, and a file in their name signed by other keys is refused."
        }}</p>
        {ctx.outcome(None)}
        {move || keeps_it.get().then(|| view! { <Requests ctx=ctx /> })}
        {move || (!keeps_it.get()).then(|| view! { <AskForAnotherReviewer /> })}
        {move || read().filter(|o| o.keeps_it).map(|o| view! {
            <AddMembers unlisted=o.unlisted me_listed=o.me_listed ctx=ctx />
        })}
        <section class="section" aria-labelledby="members-heading">
            <h2 id="members-heading">{move || format!("On the list ({})", read().map_or(0, |o| o.members.len()))}</h2>
            {move || read().and_then(|o| o.limit).map(|limit| view! { <p>{limit}</p> })}
            {move || read().is_some_and(|o| o.members.is_empty()).then(|| view! {
                <p class="empty">"Nobody is on the staff list yet."</p>
            })}
            <ul class="staff-list">
                <For each=move || read().map(|o| o.members.into_iter().map(|row| row.member.staff_id).collect::<Vec<_>>()).unwrap_or_default()
                    key=|id| id.clone() let(id)>
                    <Member id=id overview=overview keeps_it=keeps_it ctx=ctx />
                </For>
            </ul>
            {move || keeps_it.get().then(|| view! {
                <p><A href="/settings#school-file-heading">"Publish the school settings with this list"</A></p>
            })}
        </section>
    }
}

/// What every change on the page needs: the records, a way to read the list again, and the
/// sentence saying what became of the last change.
#[derive(Clone, Copy)]
struct Changes {
    storage: AppStorage,
    changed: Trigger,
    said: RwSignal<Option<Said>>,
}

/// What became of the last change (what it did, or why it was refused), and the member it was
/// about (`None`: the whole list).
type Said = (Option<String>, Result<String, String>);

impl Changes {
    /// Says what became of a change made through a staff list use case (`None`: the records
    /// were not open): `done`, or why it was refused, beside the member it is `about` (or at the
    /// top, for the whole list); the list is read again after a change.
    fn settle(
        self,
        about: Option<&str>,
        done: String,
        outcome: Option<Result<(), staff::StaffListError>>,
    ) {
        let outcome =
            outcome.unwrap_or_else(|| Err(crate::use_cases::RecordsError::NotOpen.into()));
        let about = about.map(str::to_owned);
        match outcome {
            Ok(()) => {
                self.storage.announce_change("staff-list");
                self.changed.notify();
                self.said.set(Some((about, Ok(done))));
            }
            Err(refused) => self.said.set(Some((about, Err(refused.to_string())))),
        }
    }

    /// What became of the last change `about` a member (or the whole list), if it was.
    fn outcome(self, about: Option<String>) -> impl IntoView {
        move || {
            let said = self
                .said
                .get()
                .filter(|(said_about, _)| *said_about == about)
                .map(|(_, said)| said);
            said.map(|said| match said {
                Ok(text) => view! { <p class="save-indicator" role="status">{text}</p> }.into_any(),
                Err(reason) => view! {
                    <Banner kind=BannerKind::Problem title="The staff list was not changed"><p>{reason}</p></Banner>
                }
                .into_any(),
            })
        }
    }
}

/// The requests for another reviewer the headteacher keeps (seed 004, 6.4), those waiting
/// first, each with its reasons and a way to mark it answered.
#[component]
fn Requests(ctx: Changes) -> impl IntoView {
    let held = Memo::new(move |_| {
        ctx.storage.changed_elsewhere.track();
        ctx.changed.track();
        ctx.storage
            .with(|vault| reviewer_requests::requests(vault).ok())
            .flatten()
            .unwrap_or_default()
    });
    move || {
        let held = held.get();
        (!held.is_empty()).then(|| {
            let waiting = held.iter().filter(|held| held.answered_on.is_none()).count();
            view! {
                <section class="section" aria-labelledby="requests-heading">
                    <h2 id="requests-heading">{format!("Requests for another reviewer ({waiting} waiting)")}</h2>
                    <p>"Decide each one: change the reviewer below (the review does not start again), or keep the reviewer and tell the person why. Then mark it answered."</p>
                    <ul class="staff-list">
                        {held.into_iter().map(|held| view! { <Request held=held ctx=ctx /> }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

#[component]
fn Request(held: reviewer_requests::HeldRequest, ctx: Changes) -> impl IntoView {
    let request = held.request;
    let id = request.request_id.clone();
    let asked = format!(
        "{} asks you to replace their reviewer, {}. Received on {}.",
        request.reviewee,
        request.reviewer,
        format_uk_date(held.received_on)
    );
    let answer = move |_| {
        let outcome = ctx
            .storage
            .with_mut(|vault| reviewer_requests::mark_answered(vault, &id, crate::browser::now()));
        match outcome {
            Some(Ok(())) => {
                ctx.storage.announce_change("reviewer-request");
                ctx.changed.notify();
            }
            Some(Err(problem)) => ctx.said.set(Some((None, Err(problem.to_string())))),
            None => ctx
                .said
                .set(Some((None, Err(crate::use_cases::NOT_OPEN.to_owned())))),
        }
    };
    view! {
        <li class="staff-list__member">
            <h3 class="staff-list__name">{format!("From {}", request.reviewee)}</h3>
            <p>{asked}</p>
            <blockquote class="quote">{request.reasons}</blockquote>
            {match held.answered_on {
                Some(day) => view! { <p>{format!("Answered on {}.", format_uk_date(day))}</p> }.into_any(),
                None => view! {
                    <p><button type="button" class="button button--secondary" on:click=answer>
                        {format!("Mark {}’s request answered", request.reviewee)}
                    </button></p>
                }.into_any(),
            }}
        </li>
    }
}

/// For someone on the list (not its keeper): asking the headteacher in writing to replace their
/// reviewer, with their reasons (seed 004, 6.4), as a file locked for the headteacher.
#[component]
fn AskForAnotherReviewer() -> impl IntoView {
    let storage = use_storage();
    let asked = storage
        .with(|vault| reviewer_requests::who_is_asked(vault).ok().flatten())
        .flatten();
    let reasons = RwSignal::new(String::new());
    let sent = RwSignal::new(None::<Sent>);
    asked.map(|(reviewer, headteacher)| {
        let send = move |_| {
            let outcome = storage.identity().and_then(|(_, keys)| {
                storage.with(|vault| {
                    reviewer_requests::ask_for_another_reviewer(
                        vault,
                        &keys,
                        &reasons.get_untracked(),
                        &crate::browser::fresh_id("request"),
                        &mut crate::random::BrowserRandom,
                        crate::browser::now(),
                    )
                })
            });
            sent.set(Some(match outcome {
                Some(Ok(file)) => match crate::browser::download(&file.file_name, "application/json", &file.contents) {
                    Ok(()) => Sent::Done {
                        name: file.file_name,
                        what: "request for another reviewer",
                        recipient: Some(file.headteacher),
                        email: None,
                        encrypted: true,
                        contents: file.contents,
                    },
                    Err(reason) => Sent::Failed(reason),
                },
                Some(Err(problem)) => Sent::Failed(problem.to_string()),
                None => Sent::Failed(crate::use_cases::NOT_OPEN.to_owned()),
            }));
        };
        view! {
            <section class="section" aria-labelledby="ask-heading">
                <h2 id="ask-heading">"Ask for another reviewer"</h2>
                <p>{format!("The staff list gives you {reviewer} as your reviewer. If you think they are unsuitable to review you for professional reasons, you can ask {headteacher} in writing to replace them, stating your reasons. The request is locked so only {headteacher} can read it; your review does not start again if the reviewer changes.")}</p>
                <div class="field">
                    <label class="field__label" for="request-reasons">"Your reasons"</label>
                    <textarea class="field__textarea" id="request-reasons" rows=5
                        prop:value=move || reasons.get() on:input=move |event| reasons.set(event_target_value(&event))></textarea>
                </div>
                <p><button type="button" class="button" on:click=send>{format!("Send the request to {headteacher}")}</button></p>
                <SentNotice sent=sent />
            </section>
        }
    })
}

/// The contacts not on the list, to add (or, for someone already on it under that name, to take
/// as their new keys), and this person themselves.
#[component]
fn AddMembers(unlisted: Vec<Unlisted>, me_listed: bool, ctx: Changes) -> impl IntoView {
    let empty = unlisted.is_empty() && me_listed;
    view! {
        <section class="section" aria-labelledby="add-heading">
            <h2 id="add-heading">"Add staff"</h2>
            <p>"Each member of staff sends you their contact card; import it on the "<A href="/import">"Import a file"</A>" page, comparing its fingerprint words with them in person or by phone. They then appear here to add."</p>
            {(!me_listed).then(|| view! {
                <p><button type="button" class="button button--secondary"
                    on:click=move |_| ctx.settle(None, "You are on the staff list.".into(), ctx.storage.with_mut(|vault| staff::add_member(vault, None, crate::browser::now())))>
                    "Add yourself to the staff list"</button></p>
            })}
            {empty.then(|| view! { <p class="empty">"Every contact you hold is on the list."</p> })}
            <ul class="list">
                {unlisted.into_iter().map(|Unlisted { contact, namesake }| {
                    let key_id = contact.keys.key_id();
                    let described = contact.described();
                    let added = format!("{} is on the staff list.", contact.name);
                    let add_key = key_id.clone();
                    view! {
                        <li class="staff-list__add">
                            <p><strong>{described.clone()}</strong>" · "{contact.verified.label()}</p>
                            {namesake.map(|member| {
                                let name = member.name.clone();
                                let staff_id = member.staff_id.clone();
                                let key_id = key_id.clone();
                                view! {
                                    <p>{format!("{name} is on the list already with other keys. If {name} has started again on a new device, take these as their keys from today: files made with the old keys before today still stand, later ones are refused.")}</p>
                                    <p><button type="button" class="button"
                                        on:click=move |_| ctx.settle(None, format!("{name}’s new keys are on the staff list from today."),
                                            ctx.storage.with_mut(|vault| staff::replace_keys(vault, &staff_id, &key_id, crate::browser::now())))>
                                        {format!("Take these as {}’s new keys", member.name)}</button></p>
                                }
                            })}
                            <p><button type="button" class="button button--secondary"
                                aria-label=format!("Add {described} to the staff list")
                                on:click=move |_| ctx.settle(None, added.clone(),
                                    ctx.storage.with_mut(|vault| staff::add_member(vault, Some(&add_key), crate::browser::now())))>
                                "Add to the staff list"</button></p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// One member: who they are, and (for whoever keeps the list) their staff group, roles,
/// reviewer and leaving date to change. What it shows follows the list as read again; the form
/// is made once, so what the person is doing in it stays.
#[component]
fn Member(
    id: String,
    overview: Memo<Result<StaffOverview, String>>,
    keeps_it: Memo<bool>,
    ctx: Changes,
) -> impl IntoView {
    let row = {
        let id = id.clone();
        Memo::new(move |_| {
            overview.with(|read| {
                read.as_ref().ok().and_then(|o| {
                    o.members
                        .iter()
                        .find(|row| row.member.staff_id == id)
                        .cloned()
                })
            })
        })
    };
    let reviewers = Memo::new(move |_| {
        overview.with(|read| {
            read.as_ref()
                .map(|o| o.reviewers.clone())
                .unwrap_or_default()
        })
    });
    let staff_groups = Memo::new(move |_| {
        overview.with(|read| {
            read.as_ref()
                .map(|o| o.staff_groups.clone())
                .unwrap_or_default()
        })
    });
    let summary = move || row.with(|row| row.as_ref().map(|row| row.standing.clone()));
    let first = row.get_untracked();
    let heading = move || row.with(|row| row.as_ref().map(|row| row.member.described()));
    let words = move || row.with(|row| row.as_ref().map(|row| row.fingerprint_words.clone()));
    view! {
        <li class="staff-list__member">
            <h3 class="staff-list__name">{heading}</h3>
            <p>{summary}</p>
            <p class="field__hint">"Fingerprint words: "<span class="fingerprint-words">{words}</span></p>
            {move || (keeps_it.get()).then(|| first.clone().map(|row| view! {
                <MemberForm member=row.member reviewers=reviewers staff_groups=staff_groups ctx=ctx />
            }))}
            {ctx.outcome(Some(id))}
        </li>
    }
}

#[component]
fn MemberForm(
    member: crate::domain::staff::StaffMember,
    reviewers: Memo<Vec<(String, String, usize)>>,
    staff_groups: Memo<Vec<String>>,
    ctx: Changes,
) -> impl IntoView {
    let id = member.staff_id.clone();
    let name = member.name.clone();
    let roles = RwSignal::new(member.roles.clone());
    let senior = RwSignal::new(member.senior_leader);
    let group = RwSignal::new(member.staff_group.clone());
    let left = RwSignal::new(member.left_on.map(format_uk_date).unwrap_or_default());
    let describe = {
        let (id, name) = (id.clone(), name.clone());
        move || {
            let outcome = ctx.storage.with_mut(|vault| {
                staff::describe_member(
                    vault,
                    &id,
                    &group.get_untracked(),
                    roles.get_untracked(),
                    senior.get_untracked(),
                    crate::browser::now(),
                )
            });
            ctx.settle(Some(&id), format!("{name}’s details are saved."), outcome)
        }
    };
    let role_box = |role: Role, label: &'static str| {
        let field = format!("role-{}-{role:?}", id).to_lowercase();
        let describe = describe.clone();
        view! {
            <div class="radio">
                <input type="checkbox" id=field.clone()
                    prop:checked=move || roles.with(|roles| roles.contains(&role))
                    on:change=move |event| {
                        let on = event_target_checked(&event);
                        roles.update(|roles: &mut BTreeSet<Role>| {
                            if on { roles.insert(role); } else { roles.remove(&role); }
                        });
                        describe();
                    } />
                <label for=field>{label}</label>
            </div>
        }
    };
    let reviewer_field = format!("reviewer-{id}");
    let group_field = format!("group-{id}");
    let senior_field = format!("senior-{id}");
    let left_field = format!("left-{id}");
    // The reviewer chosen, kept as chosen while the choices are drawn again with new counts.
    let chosen_reviewer = RwSignal::new(member.reviewer.clone().unwrap_or_default());
    let allocate = {
        let (id, name) = (id.clone(), name.clone());
        move |event: leptos::ev::Event| {
            let chosen = event_target_value(&event);
            chosen_reviewer.set(chosen.clone());
            let done = if chosen.is_empty() {
                format!("{name} has no reviewer chosen now.")
            } else {
                format!("{name}’s reviewer is saved.")
            };
            let outcome = ctx.storage.with_mut(|vault| {
                staff::allocate(
                    vault,
                    &id,
                    Some(chosen.as_str()).filter(|chosen| !chosen.is_empty()),
                    crate::browser::now(),
                )
            });
            ctx.settle(Some(&id), done, outcome)
        }
    };
    let save_left = {
        let (id, name) = (id.clone(), name.clone());
        move |_| {
            let typed = left.get_untracked();
            let done = if typed.trim().is_empty() {
                format!("{name} is at the school.")
            } else {
                format!("{name}’s leaving date is saved.")
            };
            let outcome = ctx
                .storage
                .with_mut(|vault| staff::mark_left(vault, &id, &typed, crate::browser::now()));
            ctx.settle(Some(&id), done, outcome)
        }
    };
    let describe_group = describe.clone();
    let describe_senior = describe.clone();
    view! {
        <details class="details">
            <summary class="details__summary">{format!("Change {name}’s details")}</summary>
            {staff_groups.with_untracked(|groups| groups.len() > 1).then(|| view! {
                <div class="field">
                    <label class="field__label" for=group_field.clone()>"Staff group"</label>
                    <select class="field__select" id=group_field on:change=move |event| { group.set(event_target_value(&event)); describe_group(); }>
                        {staff_groups.get_untracked().into_iter().map(|staff_group| {
                            let selected = staff_group == group.get_untracked();
                            view! { <option value=staff_group.clone() selected=selected>{staff_group.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
            })}
            <fieldset class="fieldset">
                <legend class="fieldset__legend">"What they do in appraisal, besides being reviewed"</legend>
                {role_box(Role::Reviewer, "Reviews others")}
                {role_box(Role::CpdLeader, "CPD leader or business manager")}
                <div class="radio">
                    <input type="checkbox" id=senior_field.clone()
                        prop:checked=move || senior.get()
                        on:change=move |event| { senior.set(event_target_checked(&event)); describe_senior(); } />
                    <label for=senior_field>"On the senior team"</label>
                </div>
            </fieldset>
            <div class="field">
                <label class="field__label" for=reviewer_field.clone()>"Their reviewer"</label>
                <select class="field__select" id=reviewer_field on:change=allocate>
                    <option value="">"Not chosen yet"</option>
                    {move || reviewers.get().into_iter().filter(|(staff_id, _, _)| *staff_id != id).map(|(staff_id, described, load)| {
                        let selected = staff_id == chosen_reviewer.get_untracked();
                        let reviews = if load == 1 { "1 review".to_owned() } else { format!("{load} reviews") };
                        view! { <option value=staff_id selected=selected>{format!("{described} ({reviews})")}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label class="field__label" for=left_field.clone()>"Left the school on"</label>
                <p class="field__hint">"dd/mm/yyyy. Leave blank while they are at the school. Their earlier files and signatures still stand."</p>
                <input class="field__input field__input--date" type="text" id=left_field inputmode="numeric"
                    prop:value=move || left.get() on:input=move |event| left.set(event_target_value(&event)) />
            </div>
            <p><button type="button" class="button button--secondary" on:click=save_left>"Save the leaving date"</button></p>
        </details>
    }
}
