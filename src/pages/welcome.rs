//! First run: who you are, your roles and your school's policy, then your fingerprint and an
//! optional passphrase. The same details form is on the settings page.

use leptos::prelude::*;
use leptos_router::components::A;

use super::send::{Sent, SentNotice, send_my_card};
use crate::components::{
    Banner, BannerKind, ErrorSummary, FieldError, TextField, error_for, focus_error_summary,
};
use crate::domain::people::Role;
use crate::domain::presets::all_presets;
use crate::domain::school::{Profile, ProfileProblem};
use crate::state::{AppStorage, use_storage};
use crate::use_cases::{identity, reviews, school};

const ROLES: [(Role, &str); 4] = [
    (Role::Reviewee, "I am appraised (a reviewee)"),
    (Role::Reviewer, "I appraise others (a reviewer)"),
    (
        Role::Headteacher,
        "I am the headteacher, or hear appeals and moderate statements",
    ),
    (
        Role::CpdLeader,
        "I plan training for the school (CPD leader)",
    ),
];

#[component]
pub fn WelcomePage() -> impl IntoView {
    super::set_page_title("Set up Appraise");
    let storage = use_storage();
    let saved = RwSignal::new(false);
    let keys = move || {
        storage
            .identity()
            .map(|(_, identity)| identity.public_keys())
    };
    let words = move || {
        keys()
            .map(|keys| keys.fingerprint_words())
            .unwrap_or_default()
    };
    let fingerprint = move || keys().map(|keys| keys.fingerprint()).unwrap_or_default();
    let from_school = storage
        .with(|vault| school::held_version(vault).ok().flatten())
        .flatten();
    // The headteacher the school's settings name, to send this person's card to.
    let card_to = move || {
        saved.track();
        storage
            .with(|vault| school::card_goes_to(vault).ok().flatten())
            .flatten()
    };
    let card_sent = RwSignal::new(None::<Sent>);
    view! {
        <h1>"Set up Appraise"</h1>
        {match from_school {
            None => view! {
                <div class="panel">
                    <h2>"Start from your school’s settings file"</h2>
                    <p>"If your headteacher has emailed you the school’s settings file, open it first: your school, its policy, term dates and closures, the headteacher and the CPD leader all come from it."</p>
                    <p><A href="/import" attr:class="button">"Open your school’s settings file"</A></p>
                    <p>"No file yet? Fill in your details below without it, and import the file when it comes."</p>
                </div>
            }.into_any(),
            Some(held) => view! {
                <p class="lead" data-testid="welcome-school">{format!(
                    "You use the settings of {}, version {}, published by {}. Now tell Appraise who you are.",
                    held.school, held.version, held.publisher
                )}</p>
            }.into_any(),
        }}
        <p>"Everything stays in this browser on this device; you can change it later in Settings."</p>
        <ProfileForm storage=storage saved=saved button="Save and continue" />
        <Show when=move || saved.get()>
            <section class="section" aria-labelledby="ready-heading">
                <h2 id="ready-heading">"You are ready"</h2>
                <p>"This is your fingerprint. When a colleague imports your first file, they compare these eight words with you by phone or in person (or the digits below them):"</p>
                <p class="fingerprint-words" data-testid="welcome-fingerprint-words">{words}</p>
                <p class="fingerprint" data-testid="welcome-fingerprint">{fingerprint}</p>
                {move || card_to().map(|(headteacher, email)| {
                    let button = format!("Send your contact card to {headteacher}");
                    let send = move |_| send_my_card(storage, Some((headteacher.clone(), email.clone())), card_sent);
                    view! {
                        <p>"Send your contact card to your headteacher, who adds you to the school’s staff list. Read your eight words to them when they import it; after that, colleagues on the list need not check them again."</p>
                        <p><button type="button" class="button" on:click=send>{button}</button></p>
                        <SentNotice sent=card_sent />
                    }
                })}
                <ul class="list">
                    <li><A href="/reviews/new">"Start a review"</A>" if you appraise someone."</li>
                    <li><A href="/import">"Import the invitation"</A>" your reviewer emailed you."</li>
                </ul>
            </section>
            <p>"Optional, and wise on a shared computer: protect your records with a passphrase. You can set or remove it later on " <A href="/data">"Your data"</A>"."</p>
            <super::data::PassphraseLock storage=storage />
        </Show>
    }
}

/// The person's name, job title, school, roles and their school's policy, checked and saved.
#[component]
pub(super) fn ProfileForm(
    storage: AppStorage,
    saved: RwSignal<bool>,
    button: &'static str,
) -> impl IntoView {
    let held = storage
        .identity()
        .map(|(stored, _)| stored.profile())
        .unwrap_or_default();
    let school_policy = storage
        .with(|vault| identity::school_settings(vault).ok())
        .flatten()
        .and_then(|settings| settings.policy);
    // With the school's settings file in use, the school and its policy come from it.
    let from_school = storage
        .with(|vault| school::held_version(vault).ok().flatten())
        .flatten();
    let school_name = match (&from_school, held.school.is_empty()) {
        (Some(published), true) => published.school.clone(),
        _ => held.school,
    };
    let (name, job_title, school) = (
        RwSignal::new(held.name),
        RwSignal::new(held.job_title),
        RwSignal::new(school_name),
    );
    let policy_name = school_policy.as_ref().map(|policy| policy.name.clone());
    let roles = RwSignal::new(held.roles);
    let senior_leader = RwSignal::new(held.senior_leader);
    // Nothing is preselected: the school's own choice, else the policy an imported invitation
    // names, else the person chooses.
    let invited_under = storage
        .with(|vault| reviews::reviews(vault).ok())
        .flatten()
        .and_then(|reviews| reviews.first().map(|held| held.summary.policy.key.clone()));
    let policy = RwSignal::new(
        school_policy
            .as_ref()
            .map(|p| p.key.clone())
            .or(invited_under)
            .unwrap_or_default(),
    );
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failed = RwSignal::new(None::<String>);
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let profile = Profile {
            name: name.get_untracked(),
            job_title: job_title.get_untracked(),
            school: school.get_untracked(),
            roles: roles.get_untracked(),
            senior_leader: senior_leader.get_untracked(),
        };
        let mut problems = profile.problems();
        if policy.get_untracked().is_empty() {
            problems.push(ProfileProblem::NoPolicy);
        }
        let problems: Vec<FieldError> = problems
            .into_iter()
            .map(|problem| FieldError {
                field: problem.field(),
                message: problem.to_string(),
            })
            .collect();
        let has_problems = !problems.is_empty();
        errors.set(problems);
        if has_problems {
            saved.set(false);
            focus_error_summary();
            return;
        }
        let chosen = policy.get_untracked();
        let result = storage.identity().and_then(|(mut stored, _)| {
            stored.set_profile(profile);
            storage.with_mut(|vault| {
                let now = crate::browser::now();
                identity::save_identity(vault, &stored, now)?;
                let mut settings = identity::school_settings(vault)?;
                // An edited policy stays as edited unless another one is chosen.
                if settings.policy.as_ref().map(|p| &p.key) != Some(&chosen) {
                    settings.policy = all_presets().into_iter().find(|p| p.key == chosen);
                }
                identity::save_school_settings(vault, &settings, now)
            })
        });
        match result {
            Some(Ok(())) => {
                failed.set(None);
                saved.set(true);
                storage.announce_change("identity");
            }
            Some(Err(error)) => failed.set(Some(error.to_string())),
            None => failed.set(Some(crate::use_cases::NOT_OPEN.to_owned())),
        }
    };
    view! {
        <ErrorSummary errors=errors />
        <form class="form" on:submit=save novalidate>
            <TextField id="profile-name" label="Your name, as colleagues know you" hint="It goes on every file you send." value=name error=error_for(errors, "profile-name") autocomplete="name" />
            <TextField id="profile-job-title" label="Your job title" value=job_title autocomplete="organization-title" />
            <TextField id="profile-school" label="Your school" value=school autocomplete="organization" />
            <fieldset class=move || if error_for(errors, "profile-roles").get().is_some() { "fieldset field--error" } else { "fieldset" } id="profile-roles" tabindex="-1">
                <legend class="fieldset__legend">"Your roles in appraisal"</legend>
                <p class="field__hint">"Choose all that apply."</p>
                {move || error_for(errors, "profile-roles").get().map(|message| view! { <p class="error-message">{message}</p> })}
                {ROLES.into_iter().map(|(role, label)| {
                    let id = format!("role-{}", format!("{role:?}").to_lowercase());
                    view! {
                        <div class="radio">
                            <input type="checkbox" id=id.clone()
                                prop:checked=move || roles.with(|r| r.contains(&role))
                                on:change=move |e| roles.update(|r| { if event_target_checked(&e) { r.insert(role); } else { r.remove(&role); } }) />
                            <label for=id>{label}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <div class="choice">
                <input type="checkbox" id="profile-senior-leader" aria-describedby="profile-senior-leader-hint"
                    prop:checked=move || senior_leader.get()
                    on:change=move |e| senior_leader.set(event_target_checked(&e)) />
                <label for="profile-senior-leader">"I am on the senior leadership team"</label>
                <p class="choice__hint field__hint" id="profile-senior-leader-hint">"Some policies do not limit how many reviews senior leaders carry out."</p>
            </div>
            {match (from_school, policy_name) {
                (Some(published), Some(policy)) => view! {
                    <p id="policy">{format!("Your school’s appraisal policy: {policy}, from the settings {} publishes.", published.publisher)}</p>
                }.into_any(),
                _ => view! { <PolicyChoice policy=policy errors=errors /> }.into_any(),
            }}
            {move || failed.get().map(|reason| view! { <Banner kind=BannerKind::Problem title="Not saved"><p>{reason}</p></Banner> })}
            <Show when=move || saved.get()>
                <p class="save-indicator" role="status">"Your details are saved"</p>
            </Show>
            <button type="submit" class="button">{button}</button>
        </form>
    }
}

/// The choice of one of the presets, where no school settings file gives the policy.
#[component]
fn PolicyChoice(policy: RwSignal<String>, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    view! {
        <fieldset class="fieldset" id="policy" tabindex="-1">
            <legend class="fieldset__legend">"Your school’s appraisal policy"</legend>
            {move || error_for(errors, "policy").get().map(|message| view! { <p class="error-message">{message}</p> })}
            <p class="field__hint">"New reviews follow its cycle, deadlines and limits. You can adjust it in Settings."</p>
            {all_presets().into_iter().map(|preset| {
                let id = format!("policy-{}", preset.key);
                let key = preset.key.clone();
                let this = key.clone();
                let hint_id = format!("{id}-hint");
                view! {
                    <div class="choice">
                        <input type="radio" name="policy" id=id.clone() aria-describedby=hint_id.clone()
                            prop:checked=move || policy.get() == this
                            on:change=move |_| policy.set(key.clone()) />
                        <label for=id>{preset.name.clone()}</label>
                        <p class="field__hint choice__hint" id=hint_id>{preset.summary.clone()}</p>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}
