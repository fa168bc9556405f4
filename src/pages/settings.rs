//! Settings: your details, your school's policy (what it sets, where each figure comes from, and
//! the way to edit it), its term dates and closures (`school_calendar`), the
//! school settings file the headteacher publishes (and which version is in use here), and the way
//! to your keys, contacts and data. Publishing signs a file, so that part is fetched the first
//! time someone publishes.

use leptos::prelude::*;
use leptos_router::components::A;

use super::school_calendar::{Closures, Terms};
use super::welcome::ProfileForm;
use crate::components::{Banner, BannerKind};
use crate::domain::dates::format_uk_date;
use crate::domain::people::Role;
use crate::domain::policy::{AfterRetention, Policy};
use crate::domain::school::FileNaming;
use crate::domain::{presets, provenance};
use crate::on_demand::NotFetched;
use crate::state::{AppStorage, use_storage};
use crate::use_cases::{identity, school, staff};

#[component]
pub fn SettingsPage() -> impl IntoView {
    super::set_page_title("Settings");
    let storage = use_storage();
    let settings = move || {
        storage.changed_elsewhere.track();
        storage
            .with(|vault| identity::school_settings(vault).unwrap_or_default())
            .unwrap_or_default()
    };
    view! {
        <h1>"Settings"</h1>
        <section class="section" aria-labelledby="details-heading">
            <h2 id="details-heading">"Your details"</h2>
            <ProfileForm storage=storage saved=RwSignal::new(false) button="Save your details" />
        </section>
        <section class="section" aria-labelledby="policy-heading">
            <h2 id="policy-heading">"Your school’s policy"</h2>
            {move || match settings().policy {
                None => view! { <p class="empty">"No policy chosen yet: choose one under Your details."</p> }.into_any(),
                Some(policy) => view! { <PolicyView policy=policy /> }.into_any(),
            }}
        </section>
        <Terms storage=storage />
        <Closures storage=storage />
        <SchoolSettingsFile storage=storage />
        <FileNames storage=storage />
        <section class="section" aria-labelledby="more-heading">
            <h2 id="more-heading">"Keys, contacts and data"</h2>
            <ul class="list">
                <li><A href="/contacts">"Your fingerprint and contacts"</A>": the keys that prove who sent each file."</li>
                <li><A href="/data">"Your data"</A>": storage use, backup and restore, the passphrase lock, and removing everything."</li>
            </ul>
        </section>
    }
}

/// What the policy sets, with the way to edit it.
#[component]
fn PolicyView(policy: Policy) -> impl IntoView {
    let deadlines = policy.deadlines;
    view! {
        <p><strong>{policy.name.clone()}</strong>": " {policy.summary.clone()}</p>
        {(!policy.version.is_empty()).then(|| view! { <p>{format!("Version: {}", policy.version)}</p> })}
        <p><A href="/settings/policy" attr:class="button button--secondary">"Edit your school’s policy"</A></p>
        <dl class="summary-list">
            {policy.cycles.iter().map(|cycle| view! {
                <div><dt>{cycle.staff_group.clone()}</dt><dd>{format!("{} months from {}", cycle.length_months, crate::domain::dates::month_name(cycle.start_month).unwrap_or("a month that does not exist"))}</dd></div>
            }).collect_view()}
            <div><dt>"Notice of the meeting"</dt><dd>{deadlines.notice_before_meeting.to_string()}</dd></div>
            <div><dt>"Statement to the reviewee"</dt><dd>{format!("{} after the meeting", deadlines.statement_after_meeting)}</dd></div>
            <div><dt>"Reviewee’s reply"</dt><dd>{match deadlines.record_within {
                Some(within) => format!("{} after the statement, and the whole record within {within} of the meeting", deadlines.reply_after_statement),
                None => format!("{} after the statement", deadlines.reply_after_statement),
            }}</dd></div>
            <div><dt>"Statement to the headteacher"</dt><dd>{format!("{} after the meeting", deadlines.headteacher_after_meeting)}</dd></div>
            <div><dt>"Pay progression"</dt><dd>{if policy.pay_progression { "Linked to appraisal" } else { "Not linked" }}</dd></div>
            <div><dt>"The 10 standards"</dt><dd>{if policy.ten_standards_apply { "Assessed" } else { "Not used" }}</dd></div>
            <div><dt>"Who leads a review"</dt><dd>{if policy.senior_reviewers { "A member of the senior team" } else { "A reviewer the school chooses" }}</dd></div>
            <div><dt>"Keeping records"</dt><dd>{match policy.after_retention {
                // No policy says when the years start: Appraise counts from the end of the cycle.
                AfterRetention::Minimum => format!("At least {} years, counted by Appraise from the end of the cycle, then as your school decides", policy.retention_years),
                AfterRetention::Destroy => format!("{} years, counted by Appraise from the end of the cycle, then destroyed", policy.retention_years),
            }}</dd></div>
        </dl>
        <SourcesOfFigures policy=policy.clone() />
    }
}

/// Where each of the preset's figures comes from: the policy's words, or the school's choice
/// where the policy says nothing; and which the school has changed since.
#[component]
fn SourcesOfFigures(policy: Policy) -> impl IntoView {
    let preset = presets::preset(&policy.key);
    provenance::sources(&policy.key).zip(preset).map(|(sources, preset)| {
        view! {
            <details class="sources">
                <summary>"Where these figures come from"</summary>
                <dl class="summary-list">
                    {sources.into_iter().map(|(figure, source)| {
                        let changed = provenance::changed_by_school(&policy, &preset, figure)
                            .then_some(" Your school has changed it since.");
                        view! { <div><dt>{figure.label()}</dt><dd>{source.describe()}{changed}</dd></div> }
                    }).collect_view()}
                </dl>
            </details>
        }
    })
}

/// How the files people send name the reviewee: initials by default, full names if the school
/// prefers (file names show in email, so the choice is the school's).
#[component]
fn FileNames(storage: AppStorage) -> impl IntoView {
    let naming = move || {
        storage.changed_elsewhere.track();
        storage
            .with(|vault| {
                identity::school_settings(vault)
                    .unwrap_or_default()
                    .file_names
            })
            .unwrap_or_default()
    };
    let outcome = RwSignal::new(None::<Result<(), String>>);
    let choose = move |chosen: FileNaming| {
        outcome.set(Some(super::change_school_settings(storage, |settings| {
            settings.file_names = chosen;
        })));
    };
    let options = [
        (
            FileNaming::Initials,
            "file-names-initials",
            "Initials, for example appraise-final-statement-sp-2026-27-….json",
        ),
        (
            FileNaming::FullName,
            "file-names-full",
            "Full name, for example appraise-final-statement-sam-patel-2026-27-….json",
        ),
    ];
    view! {
        <section class="section" aria-labelledby="file-names-heading">
            <h2 id="file-names-heading">"Names of the files you send"</h2>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">"Show whose review a file is by"</legend>
                <p class="field__hint">"File names can be seen in email, so your school chooses. Everyone’s downloads stay easy to sort either way."</p>
                {options.into_iter().map(|(this, id, label)| view! {
                    <div class="choice">
                        <input type="radio" name="file-names" id=id prop:checked=move || naming() == this on:change=move |_| choose(this) />
                        <label for=id>{label}</label>
                    </div>
                }).collect_view()}
            </fieldset>
            {move || outcome.get().map(|result| match result {
                Ok(()) => view! { <p class="save-indicator" role="status">"Saved"</p> }.into_any(),
                Err(reason) => view! { <Banner kind=BannerKind::Problem title="Not saved"><p>{reason}</p></Banner> }.into_any(),
            })}
        </section>
    }
}

/// The school settings file: which version is in use here and who published it; for the
/// headteacher, publishing the next version (with the CPD leader chosen from their contacts).
#[component]
fn SchoolSettingsFile(storage: AppStorage) -> impl IntoView {
    let held = move || {
        storage.changed_elsewhere.track();
        storage
            .with(|vault| school::held_version(vault).ok().flatten())
            .flatten()
    };
    // Whether this person publishes: a memo, so the publishing form (and what it last said)
    // is drawn again only when their roles change, not on every save.
    let publishes = Memo::new(move |_| {
        storage.changed_elsewhere.track();
        storage
            .with(|vault| identity::identity(vault).ok().flatten())
            .flatten()
            .is_some_and(|me| me.roles.contains(&Role::Headteacher))
    });
    let in_use = move || {
        held().map_or_else(
            || {
                "You have not used a school settings file yet: the policy, term dates and \
                 closures above are set on this device only."
                    .to_owned()
            },
            |held| {
                format!(
                    "You use version {} of the school settings for {}, published by {} on {}.",
                    held.version,
                    held.school,
                    held.publisher,
                    format_uk_date(held.published_on)
                )
            },
        )
    };
    let heading = move || {
        if publishes.get() {
            "Publish your school’s settings"
        } else {
            "Your school’s settings file"
        }
    };
    view! {
        <section class="section" aria-labelledby="school-file-heading">
            <h2 id="school-file-heading">{heading}</h2>
            <p data-testid="settings-version">{in_use}</p>
            {move || if publishes.get() {
                view! { <Publish storage=storage /> }.into_any()
            } else {
                view! {
                    <p>"Your headteacher publishes the school’s policy, term dates, closures and staff list as one file, so that everyone counts deadlines the same way. Import each version they send on the "<A href="/import">"Import a file"</A>" page: its policy, term dates and closures replace the ones above."</p>
                    <p>{staff_count(storage)}" "<A href="/school/staff">"See the staff list"</A></p>
                }.into_any()
            }}
        </section>
    }
}

/// Publishing the next version: the CPD leader to name, and the file to download.
#[component]
fn Publish(storage: AppStorage) -> impl IntoView {
    let contacts = storage
        .with(|vault| identity::contacts(vault).ok())
        .flatten()
        .unwrap_or_default();
    let cpd_leader = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let next = move || {
        storage.changed_elsewhere.track();
        storage
            .with(|vault| school::held_version(vault).ok().flatten())
            .flatten()
            .map_or(1, |held| held.version + 1)
    };
    let publish = move |_| {
        let chosen = Some(cpd_leader.get_untracked()).filter(|key_id| !key_id.is_empty());
        leptos::task::spawn_local(async move {
            let result = publish_and_download(storage, chosen)
                .await
                .unwrap_or_else(|missing| Err(missing.sentence("publishes the school’s settings")));
            outcome.set(Some(result));
        });
    };
    view! {
        <p>"Staff import this file, and each new version you publish, so everyone counts deadlines with the same term dates and closures. It carries the policy, the term dates and closures above, the staff list, your contact card and the CPD leader’s. Publish a new version whenever you change them."</p>
        <p>{move || staff_count(storage)}" "<A href="/school/staff">"Add staff and choose their reviewers"</A></p>
        <div class="field">
            <label class="field__label" for="cpd-leader">"CPD leader"</label>
            <p class="field__hint" id="cpd-leader-hint">"Chosen from your contacts. If they are not listed, ask them for their contact card first."</p>
            <select class="field__select" id="cpd-leader" aria-describedby="cpd-leader-hint" on:change=move |e| cpd_leader.set(event_target_value(&e))>
                <option value="">"Nobody named"</option>
                {contacts.by_key.into_values().map(|contact| view! {
                    <option value=contact.keys.key_id()>{contact.described()}</option>
                }).collect_view()}
            </select>
        </div>
        <button type="button" class="button" on:click=publish>{move || format!("Publish version {} and download it", next())}</button>
        {move || outcome.get().map(|result| match result {
            Ok(text) => view! { <p class="save-indicator" role="status">{text}</p> }.into_any(),
            Err(reason) => view! { <Banner kind=BannerKind::Problem title="Not published"><p>{reason}</p></Banner> }.into_any(),
        })}
    }
}

/// How many are on the staff list, in a sentence.
fn staff_count(storage: AppStorage) -> String {
    storage.changed_elsewhere.track();
    let count = storage
        .with(|vault| staff::staff_list(vault).ok())
        .flatten()
        .map_or(0, |list| list.members.len());
    match count {
        0 => "Nobody is on the staff list yet.".to_owned(),
        1 => "One person is on the staff list.".to_owned(),
        count => format!("{count} people are on the staff list."),
    }
}

/// The split point: signing the settings file is fetched the first time someone publishes.
#[leptos::wasm_split::wasm_split(publishing, wasm_split_path = ::leptos::wasm_split, fallible)]
fn publish_and_download(
    storage: AppStorage,
    cpd_leader: Option<String>,
) -> Result<Result<String, String>, NotFetched> {
    Ok(publish_now(storage, cpd_leader))
}

/// Publishes the next version and downloads it; the sentence says what became of it.
fn publish_now(storage: AppStorage, cpd_leader: Option<String>) -> Result<String, String> {
    let closed = || crate::use_cases::NOT_OPEN.to_owned();
    let (_, keys) = storage.identity().ok_or_else(closed)?;
    let published = storage
        .with_mut(|vault| {
            school::publish(vault, &keys, cpd_leader.as_deref(), crate::browser::now())
        })
        .ok_or_else(closed)?
        .map_err(|problem| problem.to_string())?;
    storage.announce_change("school");
    crate::browser::download(
        &published.file_name,
        "application/json",
        &published.contents,
    )?;
    Ok(format!(
        "Version {} is published, and {} is in your downloads. Email it to all staff: they import it on the Import a file page.",
        published.version, published.file_name
    ))
}
