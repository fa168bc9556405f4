//! Editing the school's policy (`/settings/policy`): every figure of it, grouped as a policy is
//! written, starting from the policy the school uses now or one of the five presets, checked
//! with an error summary before anything is kept, and each figure that differs from the preset
//! marked as the school's change. A page of its own, so Settings does not wait for it.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{
    Banner, BannerKind, ErrorSummary, FieldError, TextField, error_for, focus_error_summary,
    focus_field,
};
use crate::domain::policy::{AfterRetention, AppealRoute, Exclusion, InterimReviews, Policy};
use crate::domain::policy_form::{
    CYCLE_FIELDS, CycleForm, MOST_CYCLES, PeriodField, PolicyForm, UNITS, field, unit_name,
};
use crate::domain::presets::{self, all_presets};
use crate::domain::provenance::{Figure, changed_by_school};
use crate::state::{AppStorage, use_storage};
use crate::use_cases::identity;

#[component]
pub fn PolicyEditorPage() -> impl IntoView {
    super::set_page_title("Edit your school’s policy");
    let storage = use_storage();
    let held = storage
        .with(|vault| identity::school_settings(vault).ok())
        .flatten()
        .and_then(|settings| settings.policy);
    view! {
        <p><A href="/settings">"Back to Settings"</A></p>
        <h1>"Edit your school’s policy"</h1>
        <p class="lead">"Every figure new reviews follow. Change what your school’s policy says differently, give it a version, and save. Reviews already started keep the policy they started under."</p>
        <PolicyEditor storage=storage held=held />
    }
}

/// Whether each figure differs from the preset the form started from, as the form reads now
/// (while a figure cannot be read, as it last could).
#[derive(Clone, Copy)]
struct Marks {
    current: Memo<Option<Policy>>,
    preset: Memo<Option<Policy>>,
}

impl Marks {
    fn changed(self, figure: Figure) -> bool {
        self.current.with(|current| {
            self.preset.with(|preset| {
                current
                    .as_ref()
                    .zip(preset.as_ref())
                    .is_some_and(|(current, preset)| changed_by_school(current, preset, figure))
            })
        })
    }
}

/// "Changed by your school" against a figure that differs from its preset.
#[component]
fn ChangedTag(marks: Marks, figure: Figure) -> impl IntoView {
    move || {
        marks
            .changed(figure)
            .then(|| view! { <p class="changed-tag">"Changed by your school"</p> })
    }
}

/// The whole policy as a form: the starting point, every figure, and saving.
#[component]
pub fn PolicyEditor(storage: AppStorage, held: Option<Policy>) -> impl IntoView {
    let chosen_before = held.is_some();
    let first = held.unwrap_or_else(|| all_presets().remove(0));
    let form = RwSignal::new(PolicyForm::from_policy(&first));
    let key = RwSignal::new(first.key.clone());
    // Bumped when a preset replaces the form, so every field is drawn again from it.
    let drawn = RwSignal::new(0_u32);
    let start = RwSignal::new(first.key);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let started = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<Result<(), String>>);
    let marks = Marks {
        current: Memo::new(move |before: Option<&Option<Policy>>| {
            let key = key.get();
            form.with(|form| form.read(&key).ok())
                .or_else(|| before.cloned().flatten())
        }),
        preset: Memo::new(move |_| presets::preset(&key.get())),
    };
    let use_preset = move |_| {
        if let Some(preset) = presets::preset(&start.get_untracked()) {
            form.set(PolicyForm::from_policy(&preset));
            started.set(Some(format!(
                "The form now shows “{}” as Appraise ships it. Nothing is saved until you choose Save the policy.",
                preset.name
            )));
            key.set(preset.key);
            errors.set(Vec::new());
            saved.set(None);
            drawn.update(|n| *n += 1);
        }
    };
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        started.set(None);
        match form.with_untracked(|form| form.to_policy(&key.get_untracked())) {
            Err(problems) => {
                errors.set(
                    problems
                        .into_iter()
                        .map(|problem| FieldError {
                            field: problem.field,
                            message: problem.to_string(),
                        })
                        .collect(),
                );
                saved.set(None);
                focus_error_summary();
            }
            Ok(policy) => {
                errors.set(Vec::new());
                saved.set(Some(super::change_school_settings(storage, |settings| {
                    settings.policy = Some(policy);
                })));
            }
        }
    };
    view! {
        {(!chosen_before).then(|| view! {
            <p>"Your school has not chosen a policy yet. Start from the preset closest to your school’s policy, then change what yours says differently."</p>
        })}
        <div class="field">
            <label class="field__label" for="policy-start">"Start from"</label>
            <p class="field__hint" id="policy-start-hint">"One of the five policies Appraise knows. Using one replaces every figure below with its own."</p>
            <select class="field__select" id="policy-start" aria-describedby="policy-start-hint" on:change=move |e| start.set(event_target_value(&e))>
                {all_presets().into_iter().map(|preset| {
                    let selected = preset.key == start.get_untracked();
                    view! { <option value=preset.key selected=selected>{preset.name}</option> }
                }).collect_view()}
            </select>
        </div>
        <button type="button" class="button button--secondary" on:click=use_preset>"Use this preset as the starting point"</button>
        {move || started.get().map(|text| view! { <p class="save-indicator" role="status">{text}</p> })}
        <ErrorSummary errors=errors />
        <form class="form" on:submit=save novalidate>
            {move || {
                drawn.track();
                view! { <PolicyFields form=form errors=errors marks=marks /> }
            }}
            {move || saved.get().map(|result| match result {
                Ok(()) => view! { <p class="save-indicator" role="status">"Saved. New reviews use this policy."</p> }.into_any(),
                Err(reason) => view! { <Banner kind=BannerKind::Problem title="Not saved"><p>{reason}</p></Banner> }.into_any(),
            })}
            <button type="submit" class="button">"Save the policy"</button>
        </form>
    }
}

/// A text of the form as a signal a [`TextField`] edits, written back into the form as it
/// changes: the form stays one value, which saving reads and "Changed by your school" follows.
fn bound_text(
    form: RwSignal<PolicyForm>,
    lens: impl Fn(&mut PolicyForm) -> Option<&mut String> + Copy + 'static,
) -> RwSignal<String> {
    let text = RwSignal::new(
        form.try_update_untracked(|form| lens(form).cloned())
            .flatten()
            .unwrap_or_default(),
    );
    Effect::new(move |_| {
        let typed = text.get();
        form.maybe_update(|form| match lens(form) {
            Some(held) if *held != typed => {
                *held = typed;
                true
            }
            _ => false,
        });
    });
    text
}

/// Every figure, grouped as a policy is written.
#[component]
fn PolicyFields(
    form: RwSignal<PolicyForm>,
    errors: RwSignal<Vec<FieldError>>,
    marks: Marks,
) -> impl IntoView {
    let text = move |lens: fn(&mut PolicyForm) -> &mut String| {
        bound_text(form, move |form| Some(lens(form)))
    };
    let interim = Memo::new(move |_| form.with(|form| form.interim_reviews));
    let support_plan = Memo::new(move |_| form.with(|form| form.support_plan));
    let appeal = Memo::new(move |_| form.with(|form| form.appeals.allows_statement_appeal()));
    view! {
        <fieldset class="fieldset policy-group">
            <legend class="fieldset__legend">"The policy"</legend>
            <TextField id=field::NAME label="Name of the policy" hint="As staff know it, for example “Support staff appraisal”." value=text(|f| &mut f.name) error=error_for(errors, field::NAME) />
            <TextField id=field::VERSION label="Version" hint="Which version this is, for example “2026, adopted 14/09/2026”. Needed once you change anything, so staff can tell which policy a file was made under." value=text(|f| &mut f.version) error=error_for(errors, field::VERSION) />
            <TextField id=field::SUMMARY label="The policy in one sentence" hint="Shown beside its name in Settings." value=text(|f| &mut f.summary) />
            <TextField id=field::SOURCE label="The document it comes from" hint="For example, the policy’s title and when governors adopted it." value=text(|f| &mut f.source) />
        </fieldset>
        <Cycles form=form errors=errors marks=marks />
        <fieldset class="fieldset policy-group">
            <legend class="fieldset__legend">"Meetings and deadlines"</legend>
            <p class="field__hint">"Working days and working weeks skip weekends, bank holidays and the days your school is closed; days, weeks and hours count every day."</p>
            <fieldset class="fieldset fieldset--figure">
                <legend class="fieldset__legend">{Figure::InterimReviews.label()}</legend>
                <ChangedTag marks=marks figure=Figure::InterimReviews />
                <Choices form=form name="policy-interim" get=|f| f.interim_reviews set=|f, chosen| f.interim_reviews = chosen options=vec![
                    (InterimReviews::None, "policy-interim-none", "None: one review meeting a year"),
                    (InterimReviews::MidYear, "policy-interim-mid-year", "A mid-year review"),
                    (InterimReviews::Termly, "policy-interim-termly", "A review at the end of each term"),
                ] />
                <Show when=move || interim.get() != InterimReviews::None>
                    <div class="policy-reveal">
                        <Tick form=form id="policy-interim-optional" label="They are optional: the reviewer and reviewee choose whether to hold them" hint="Then they are suggested, never overdue." get=|f| f.interim_optional set=|f, ticked| f.interim_optional = ticked />
                    </div>
                </Show>
            </fieldset>
            <PeriodInput form=form errors=errors marks=marks which=PeriodField::Notice figure=Figure::NoticeBeforeMeeting hint="How long before the meeting the reviewee is told of it." />
            <PeriodInput form=form errors=errors marks=marks which=PeriodField::Statement figure=Figure::StatementAfterMeeting hint="From the meeting until the statement reaches the reviewee." />
            <PeriodInput form=form errors=errors marks=marks which=PeriodField::Reply figure=Figure::ReplyAfterStatement hint="From receiving the statement until the reviewee’s comments and sign-off are due." />
            <PeriodInput form=form errors=errors marks=marks which=PeriodField::RecordWithin hint="Where the policy has the whole record, the reviewee’s part too, completed within a time of the meeting. Leave the number blank if it does not." />
            <PeriodInput form=form errors=errors marks=marks which=PeriodField::Headteacher figure=Figure::HeadteacherAfterMeeting hint="From the meeting until the agreed statement reaches the headteacher." />
        </fieldset>
        <fieldset class="fieldset policy-group">
            <legend class="fieldset__legend">"Objectives and observations"</legend>
            <ChangedTag marks=marks figure=Figure::MaxObjectives />
            <div class="policy-short">
                <TextField id=field::MAX_OBJECTIVES label=Figure::MaxObjectives.label() hint="The most a statement should set. Reviewers see a warning above this number." value=text(|f| &mut f.max_objectives) error=error_for(errors, field::MAX_OBJECTIVES) />
                <Tick form=form id="policy-objectives-limit-firm" label="No exceptions: a statement with more cannot be signed" hint="Leave this unticked where the policy recommends the number or says “not normally”." get=|f| f.objectives_limit_firm set=|f, ticked| f.objectives_limit_firm = ticked />
            </div>
            <ChangedTag marks=marks figure=Figure::ObjectivesDetermined />
            <TextField id=field::OBJECTIVES_DETERMINED label="Who determines objectives that cannot be agreed" hint="For example, the reviewer. Leave blank if your policy names nobody." value=text(|f| &mut f.objectives_determined_by) />
            <ChangedTag marks=marks figure=Figure::MaxObservations />
            <div class="policy-short">
                <TextField id=field::MAX_OBSERVATIONS label=Figure::MaxObservations.label() hint="Formal observations in a cycle. Leave blank for no limit." value=text(|f| &mut f.max_observations) error=error_for(errors, field::MAX_OBSERVATIONS) />
            </div>
            <PeriodInput form=form errors=errors marks=marks which=PeriodField::Feedback figure=Figure::ObservationFeedback hint="From an observation until feedback, spoken and written, is due. 48 hours counts as 2 days." />
        </fieldset>
        <fieldset class="fieldset policy-group">
            <legend class="fieldset__legend">"Support plans"</legend>
            <ChangedTag marks=marks figure=Figure::SupportPlan />
            <p class="field__hint">"How long a support plan’s monitoring runs when performance is below the expected standard."</p>
            <Choices form=form name="policy-support-plan" get=|f| f.support_plan set=|f, chosen| f.support_plan = chosen options=vec![
                (false, "policy-support-plan-agreed", "The policy sets no period: the reviewer and reviewee agree one"),
                (true, "policy-support-plan-set", "The policy sets how long monitoring runs"),
            ] />
            <Show when=move || support_plan.get()>
                <div class="policy-reveal">
                <PeriodInput form=form errors=errors marks=marks which=PeriodField::PlanShortest hint="The least time monitoring runs." />
                <PeriodInput form=form errors=errors marks=marks which=PeriodField::PlanLongest hint="The most time monitoring runs." />
                <PeriodInput form=form errors=errors marks=marks which=PeriodField::PlanExtension hint="The most monitoring may be extended by: 0 if it may not be." />
                </div>
            </Show>
        </fieldset>
        <fieldset class="fieldset policy-group">
            <legend class="fieldset__legend">"Pay and standards"</legend>
            <ChangedTag marks=marks figure=Figure::PayProgression />
            <Tick form=form id="policy-pay-progression" label="Appraisal is linked to pay progression" hint="For reviewees eligible for it. Pay decisions are due by each cycle’s date above." get=|f| f.pay_progression set=|f, ticked| f.pay_progression = ticked />
            <TextField id=field::PAY_RECOMMENDED_BY label="Who recommends pay, if not the reviewer" hint="For example, the headteacher or Operations Director: then the headteacher records the recommendation and the statement asks for none. Leave blank for the reviewer." value=text(|f| &mut f.pay_recommended_by) />
            <Tick form=form id="policy-honorarium" label="Pay may include an honorarium" hint="Offered as a recommendation and as a decision." get=|f| f.honorarium set=|f, ticked| f.honorarium = ticked />
            <ChangedTag marks=marks figure=Figure::TenStandards />
            <Tick form=form id="policy-ten-standards" label="Reviewees are assessed against the 10 standards" hint="" get=|f| f.ten_standards_apply set=|f, ticked| f.ten_standards_apply = ticked />
        </fieldset>
        <fieldset class="fieldset policy-group">
            <legend class="fieldset__legend">"Reviewers"</legend>
            <ChangedTag marks=marks figure=Figure::ReviewLimit />
            <div class="policy-short">
                <TextField id=field::REVIEW_LIMIT label=Figure::ReviewLimit.label() hint="The most reviews one reviewer holds in a cycle. Leave blank for no limit." value=text(|f| &mut f.review_limit) error=error_for(errors, field::REVIEW_LIMIT) />
            </div>
            <Tick form=form id="policy-senior-exempt" label="Members of the senior team may hold more" hint="Where there is a limit." get=|f| f.senior_leaders_exempt set=|f, ticked| f.senior_leaders_exempt = ticked />
            <ChangedTag marks=marks figure=Figure::SeniorReviewers />
            <Tick form=form id="policy-senior-reviewers" label="A member of the senior team leads each review" hint="A reviewer outside the senior team is told so." get=|f| f.senior_reviewers set=|f, ticked| f.senior_reviewers = ticked />
        </fieldset>
        <fieldset class="fieldset policy-group">
            <legend class="fieldset__legend">"Appeals"</legend>
            <ChangedTag marks=marks figure=Figure::Appeals />
            <p class="field__hint">"Who hears a reviewee’s appeal against the entries in their statement."</p>
            <Choices form=form name="policy-appeals" get=|f| f.appeals set=|f, chosen| f.appeals = chosen options=vec![
                (AppealRoute::Headteacher, "policy-appeals-headteacher", "The headteacher"),
                (AppealRoute::HeadteacherOrGoverningBody, "policy-appeals-governing-body", "The headteacher, or the governing body when the headteacher is the reviewer"),
                (AppealRoute::PayPolicy, "policy-appeals-pay-policy", "No appeal against the statement; a salary decision is appealed under the school’s pay policy"),
                (AppealRoute::None, "policy-appeals-none", "No appeal against the statement"),
            ] />
            <Show when=move || appeal.get()>
                <div class="policy-reveal">
                <PeriodInput form=form errors=errors marks=marks which=PeriodField::AppealWithin hint="How long after receiving the statement the reviewee may appeal. Leave the number blank for no limit." />
                <PeriodInput form=form errors=errors marks=marks which=PeriodField::AppealDecidedWithin hint="How long after the appeal is lodged its outcome is decided. Leave the number blank for no limit." />
                </div>
            </Show>
        </fieldset>
        <fieldset class="fieldset policy-group">
            <legend class="fieldset__legend">"Training needs"</legend>
            <ChangedTag marks=marks figure=Figure::TrainingNeeds />
            <div class="policy-short">
                <TextField id=field::TRAINING_BY label="Training needs due by" hint="Each year, as day and month, for example 31/10. Leave blank if they go when the statement is agreed." value=text(|f| &mut f.training_needs_by) error=error_for(errors, field::TRAINING_BY) />
            </div>
            <TextField id=field::TRAINING_RECEIVER label="Who receives them" hint="For example, Business manager. Leave blank for the CPD leader." value=text(|f| &mut f.training_needs_receiver) />
        </fieldset>
        <fieldset class="fieldset policy-group">
            <legend class="fieldset__legend">{Figure::LeftOut.label()}</legend>
            <ChangedTag marks=marks figure=Figure::LeftOut />
            <p class="field__hint">"No review starts for them: the reviewer is told why."</p>
            {Exclusion::ALL.into_iter().map(|kind| {
                let (id, label) = match kind {
                    Exclusion::Probation => ("policy-leaves-out-probation", "Staff in their probationary period"),
                    Exclusion::Induction => ("policy-leaves-out-induction", "Staff undergoing induction"),
                    Exclusion::ShortContract => ("policy-leaves-out-short-contract", "Staff on contracts of less than one term"),
                    Exclusion::AgencyStaff => ("policy-leaves-out-agency", "Staff employed by an agency"),
                    Exclusion::CapabilityOrDisciplinary => ("policy-leaves-out-capability", "Staff subject to the capability or disciplinary procedure"),
                };
                view! {
                    <div class="choice">
                        <input type="checkbox" id=id
                            prop:checked=move || form.with(|f| f.leaves_out(kind))
                            on:change=move |e| form.update(|f| f.set_leaves_out(kind, event_target_checked(&e))) />
                        <label for=id>{label}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
        <fieldset class="fieldset policy-group">
            <legend class="fieldset__legend">{Figure::Retention.label()}</legend>
            <ChangedTag marks=marks figure=Figure::Retention />
            <div class="policy-short">
                <TextField id=field::RETENTION_YEARS label="Years records are kept" hint="Counted from the end of the cycle." value=text(|f| &mut f.retention_years) error=error_for(errors, field::RETENTION_YEARS) />
            </div>
            <fieldset class="fieldset fieldset--figure">
                <legend class="fieldset__legend">"After those years"</legend>
                <Choices form=form name="policy-after-retention" get=|f| f.after_retention set=|f, chosen| f.after_retention = chosen options=vec![
                    (AfterRetention::Minimum, "policy-after-retention-minimum", "The school decides whether to keep them: the years are a minimum"),
                    (AfterRetention::Destroy, "policy-after-retention-destroy", "They are destroyed"),
                ] />
            </fieldset>
        </fieldset>
    }
}

/// The cycles, each with its staff group, start, length and pay date; added and removed.
#[component]
fn Cycles(
    form: RwSignal<PolicyForm>,
    errors: RwSignal<Vec<FieldError>>,
    marks: Marks,
) -> impl IntoView {
    let count = Memo::new(move |_| form.with(|form| form.cycles.len()));
    let add = move |_| {
        let added = form.with_untracked(|form| form.cycles.len());
        form.update(PolicyForm::add_cycle);
        focus_field(CYCLE_FIELDS[added].group.to_owned());
    };
    view! {
        <fieldset class="fieldset policy-group">
            <legend class="fieldset__legend">"Cycles"</legend>
            <ChangedTag marks=marks figure=Figure::Cycle />
            <p class="field__hint">"Most schools run one cycle for everyone. Add a cycle for each staff group whose year starts in another month; the first is the usual one."</p>
            {move || (0..count.get().min(MOST_CYCLES)).map(|n| view! { <Cycle form=form errors=errors n=n /> }).collect_view()}
            {move || if count.get() < MOST_CYCLES {
                view! { <button type="button" class="button button--secondary" id=field::ADD_CYCLE on:click=add>"Add a cycle"</button> }.into_any()
            } else {
                view! { <p class="field__hint" id=field::ADD_CYCLE tabindex="-1">{format!("A policy runs at most {MOST_CYCLES} cycles.")}</p> }.into_any()
            }}
        </fieldset>
    }
}

/// The `n`th cycle (from 0).
#[component]
fn Cycle(form: RwSignal<PolicyForm>, errors: RwSignal<Vec<FieldError>>, n: usize) -> impl IntoView {
    let ids = CYCLE_FIELDS[n];
    let text = move |lens: fn(&mut CycleForm) -> &mut String| {
        bound_text(form, move |form| form.cycles.get_mut(n).map(lens))
    };
    let month = form.with_untracked(|form| form.cycles[n].start_month.clone());
    let remove = move |_| {
        form.update(|form| {
            form.cycles.remove(n);
        });
        focus_field(field::ADD_CYCLE.to_owned());
    };
    view! {
        <fieldset class="fieldset fieldset--figure policy-cycle">
            <legend class="fieldset__legend">{format!("Cycle {}", n + 1)}</legend>
            <TextField id=ids.group label="Staff group" hint="Who runs on this cycle, for example “Teachers”." value=text(|c| &mut c.staff_group) error=error_for(errors, ids.group) />
            <div class="field">
                <label class="field__label" for=ids.start>"Starts in"</label>
                {move || error_for(errors, ids.start).get().map(|message| view! { <p class="error-message">{message}</p> })}
                <select class="field__select" id=ids.start on:change=move |e| {
                    let chosen = event_target_value(&e);
                    form.update(|form| if let Some(cycle) = form.cycles.get_mut(n) { cycle.start_month = chosen });
                }>
                    {crate::domain::dates::MONTHS.iter().zip(1..).map(|(name, number)| {
                        let value = number.to_string();
                        let selected = value == month;
                        view! { <option value=value selected=selected>{*name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="policy-short">
                <TextField id=ids.length label="Length in months" hint="Usually 12." value=text(|c| &mut c.length_months) error=error_for(errors, ids.length) />
            </div>
            <div class="policy-short">
                <TextField id=ids.pay label="Pay decisions by" hint="Day and month, for example 31/10. Leave blank if pay is not decided after this cycle." value=text(|c| &mut c.pay_decision_by) error=error_for(errors, ids.pay) />
            </div>
            <button type="button" class="button button--link" on:click=remove>
                {format!("Remove cycle {}", n + 1)}
            </button>
        </fieldset>
    }
}

/// A period the policy sets: how many, and counted in what.
#[component]
fn PeriodInput(
    form: RwSignal<PolicyForm>,
    errors: RwSignal<Vec<FieldError>>,
    marks: Marks,
    which: PeriodField,
    /// The figure the period is, where it is one on its own.
    #[prop(optional)]
    figure: Option<Figure>,
    hint: &'static str,
) -> impl IntoView {
    let amount = bound_text(form, move |form| Some(&mut form.period_mut(which).amount));
    let unit = Memo::new(move |_| form.with(|form| form.period(which).unit));
    let hint_id = format!("{}-hint", which.unit_id());
    let described_by = hint_id.clone();
    view! {
        <fieldset class="fieldset fieldset--figure" aria-describedby=described_by>
            <legend class="fieldset__legend">{which.label()}</legend>
            {figure.map(|figure| view! { <ChangedTag marks=marks figure=figure /> })}
            <p class="field__hint" id=hint_id>{hint}</p>
            <div class="policy-period">
                <TextField id=which.amount_id() label="How many" value=amount error=error_for(errors, which.amount_id()) />
                <div class="field">
                    <label class="field__label" for=which.unit_id()>"Counted in"</label>
                    <select class="field__select" id=which.unit_id() on:change=move |e| {
                        if let Some(chosen) = event_target_value(&e).parse::<usize>().ok().and_then(|n| UNITS.get(n)) {
                            form.update(|form| form.period_mut(which).unit = *chosen);
                        }
                    }>
                        {UNITS.iter().enumerate().map(|(n, choice)| view! {
                            <option value=n.to_string() selected=move || unit.get() == *choice>{unit_name(*choice)}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
        </fieldset>
    }
}

/// One choice of several, as radio buttons.
#[component]
fn Choices<T>(
    form: RwSignal<PolicyForm>,
    name: &'static str,
    get: fn(&PolicyForm) -> T,
    set: fn(&mut PolicyForm, T),
    /// (value, id, label)
    options: Vec<(T, &'static str, &'static str)>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let chosen = Memo::new(move |_| form.with(get));
    options
        .into_iter()
        .map(|(value, id, label)| {
            view! {
                <div class="choice">
                    <input type="radio" name=name id=id
                        prop:checked=move || chosen.get() == value
                        on:change=move |_| form.update(|form| set(form, value)) />
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view()
}

/// A yes or no, as a tick box with its hint.
#[component]
fn Tick(
    form: RwSignal<PolicyForm>,
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    get: fn(&PolicyForm) -> bool,
    set: fn(&mut PolicyForm, bool),
) -> impl IntoView {
    let ticked = Memo::new(move |_| form.with(get));
    let hint_id = format!("{id}-hint");
    let described_by = (!hint.is_empty()).then(|| hint_id.clone());
    view! {
        <div class="choice">
            <input type="checkbox" id=id aria-describedby=described_by
                prop:checked=move || ticked.get()
                on:change=move |e| form.update(|form| set(form, event_target_checked(&e))) />
            <label for=id>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="field__hint choice__hint" id=hint_id>{hint}</p> })}
        </div>
    }
}
