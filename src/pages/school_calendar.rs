//! The school calendar in Settings: its terms (the days between them are holidays) and its
//! closures, each listed in date order, removed, and added through the same three-field form with
//! every problem named beside its field.

use leptos::prelude::*;

use crate::components::{Banner, BannerKind, ErrorSummary, FieldError, TextField, error_for};
use crate::domain::calendar::{Closure, SchoolCalendar, Term};
use crate::domain::dates::format_uk_date;
use crate::domain::term_dates::{
    ClosureProblem, TermsProblem, checked_terms, closure_from, term_from, terms_reminder,
};
use crate::state::AppStorage;
use crate::use_cases::identity;

/// What is typed for a named span of days: its name, first day and last day.
#[derive(Clone, Copy)]
struct Typed {
    name: RwSignal<String>,
    first: RwSignal<String>,
    last: RwSignal<String>,
}

impl Typed {
    fn new() -> Typed {
        Typed {
            name: RwSignal::new(String::new()),
            first: RwSignal::new(String::new()),
            last: RwSignal::new(String::new()),
        }
    }

    fn clear(self) {
        for field in [self.name, self.first, self.last] {
            field.set(String::new());
        }
    }
}

/// The words and field ids of one form: a closure's or a term's.
struct FormWords {
    /// The ids of the name, first-day and last-day fields, in that order.
    ids: [&'static str; 3],
    labels: [&'static str; 3],
    hints: [&'static str; 3],
    summary: &'static str,
    button: &'static str,
}

const CLOSURE_FORM: FormWords = FormWords {
    ids: ["closure-name", "closure-first", "closure-last"],
    labels: ["What is it?", "First day", "Last day"],
    hints: [
        "For example, Half term or Training day.",
        "For example, 26/10/2026.",
        "Leave empty for a single day.",
    ],
    summary: "closure-errors",
    button: "Add the closure",
};

const TERM_FORM: FormWords = FormWords {
    ids: ["term-name", "term-first", "term-last"],
    labels: ["Term", "First day of the term", "Last day of the term"],
    hints: [
        "For example, Autumn term.",
        "For example, 02/09/2026.",
        "For example, 18/12/2026.",
    ],
    summary: "term-errors",
    button: "Add the term",
};

impl FormWords {
    /// The field a problem with what was typed is about.
    fn field_of(&self, problem: &ClosureProblem) -> &'static str {
        match problem {
            ClosureProblem::NoName => self.ids[0],
            ClosureProblem::FirstDay(_) => self.ids[1],
            ClosureProblem::LastDay(_) | ClosureProblem::EndsBeforeItStarts => self.ids[2],
        }
    }

    fn errors(&self, problems: Vec<ClosureProblem>) -> Vec<FieldError> {
        problems
            .into_iter()
            .map(|problem| FieldError {
                field: self.field_of(&problem),
                message: problem.to_string(),
            })
            .collect()
    }
}

/// Changes the school's calendar, or says why not; whether it was kept.
fn change_calendar(
    storage: AppStorage,
    failed: RwSignal<Option<String>>,
    change: impl FnOnce(&mut SchoolCalendar),
) -> bool {
    let result = super::change_school_settings(storage, |settings| change(&mut settings.calendar));
    let kept = result.is_ok();
    failed.set(result.err());
    kept
}

/// The error summary, the three fields and the button of one form, and why the last change was
/// not kept.
#[component]
fn DaysForm(
    words: FormWords,
    typed: Typed,
    errors: RwSignal<Vec<FieldError>>,
    failed: RwSignal<Option<String>>,
    on_add: Callback<()>,
) -> impl IntoView {
    let [name_id, first_id, last_id] = words.ids;
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        on_add.run(());
    };
    view! {
        <ErrorSummary errors=errors id=words.summary />
        <form class="form" on:submit=submit novalidate>
            <TextField id=name_id label=words.labels[0] hint=words.hints[0] value=typed.name error=error_for(errors, name_id) />
            <TextField id=first_id label=words.labels[1] hint=words.hints[1] value=typed.first error=error_for(errors, first_id) />
            <TextField id=last_id label=words.labels[2] hint=words.hints[2] value=typed.last error=error_for(errors, last_id) />
            <button type="submit" class="button button--secondary">{words.button}</button>
        </form>
        {move || failed.get().map(|reason| view! { <Banner kind=BannerKind::Problem title="Not saved"><p>{reason}</p></Banner> })}
    }
}

/// One listed span of days with the button that removes it, named for screen readers.
#[component]
fn Listed(text: String, name: String, on_remove: Callback<()>) -> impl IntoView {
    view! {
        <li class="list-item list-item--text">
            <span>{text}</span>
            <button type="button" class="button button--link" on:click=move |_| on_remove.run(())>
                "Remove"<span class="visually-hidden">{format!(" {name}")}</span>
            </button>
        </li>
    }
}

/// The school's calendar as stored, read again whenever it changes elsewhere.
fn calendar(storage: AppStorage) -> SchoolCalendar {
    storage.changed_elsewhere.track();
    storage.with(identity::school_calendar).unwrap_or_default()
}

/// The school's terms: listed in date order, removed, and added with each problem named (the
/// new term's own, or how it sits with the others).
#[component]
pub(super) fn Terms(storage: AppStorage) -> impl IntoView {
    let terms = move || calendar(storage).terms;
    let typed = Typed::new();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failed = RwSignal::new(None::<String>);
    let add = Callback::new(move |()| {
        let term = term_from(
            &typed.name.get_untracked(),
            &typed.first.get_untracked(),
            &typed.last.get_untracked(),
        );
        let problems = match term.map(|term| checked_terms([terms(), vec![term]].concat())) {
            Err(problems) => TERM_FORM.errors(problems),
            Ok(Err(problems)) => problems
                .into_iter()
                .map(|problem| FieldError {
                    field: match problem {
                        TermsProblem::Overlap { .. } => TERM_FORM.ids[1],
                        TermsProblem::TooLong { .. }
                        | TermsProblem::EndsBeforeItStarts { .. }
                        | TermsProblem::AcrossSchoolYears { .. } => TERM_FORM.ids[2],
                    },
                    message: problem.to_string(),
                })
                .collect(),
            Ok(Ok(checked)) => {
                if change_calendar(storage, failed, |calendar| calendar.terms = checked) {
                    typed.clear();
                }
                Vec::new()
            }
        };
        errors.set(problems);
    });
    let remove = move |term: Term| {
        change_calendar(storage, failed, |calendar| {
            calendar.terms.retain(|held| *held != term)
        });
    };
    view! {
        <section class="section" aria-labelledby="terms-heading">
            <h2 id="terms-heading">"Term dates"</h2>
            <p>"The days between one term and the next are holidays: deadlines counted in working days skip them, as they skip closures."</p>
            {move || terms_reminder(&calendar(storage), crate::browser::today()).map(|reminder| view! {
                <p class="warning-text" data-testid="terms-reminder">{reminder}</p>
            })}
            <Show when=move || !terms().is_empty() fallback=|| view! { <p class="empty">"No terms added yet."</p> }>
                <ul class="list">
                    {move || terms().into_iter().map(|term| {
                        let text = format!("{}: {} to {}", term.name, format_uk_date(term.first_day), format_uk_date(term.last_day));
                        let name = term.name.clone();
                        view! { <Listed text=text name=name on_remove=Callback::new(move |()| remove(term.clone())) /> }
                    }).collect_view()}
                </ul>
            </Show>
            <DaysForm words=TERM_FORM typed=typed errors=errors failed=failed on_add=add />
        </section>
    }
}

/// The days the school is closed: listed, removed, and added with each problem named.
#[component]
pub(super) fn Closures(storage: AppStorage) -> impl IntoView {
    let closures = move || calendar(storage).closures;
    let typed = Typed::new();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failed = RwSignal::new(None::<String>);
    let add = Callback::new(move |()| {
        match closure_from(
            &typed.name.get_untracked(),
            &typed.first.get_untracked(),
            &typed.last.get_untracked(),
        ) {
            Err(problems) => errors.set(CLOSURE_FORM.errors(problems)),
            Ok(closure) => {
                errors.set(Vec::new());
                let kept = change_calendar(storage, failed, |calendar| {
                    calendar.closures.push(closure);
                    calendar.closures.sort_by_key(|c| c.first_day);
                });
                if kept {
                    typed.clear();
                }
            }
        }
    });
    let remove = move |closure: Closure| {
        change_calendar(storage, failed, |calendar| {
            calendar.closures.retain(|held| *held != closure)
        });
    };
    view! {
        <section class="section" aria-labelledby="closures-heading">
            <h2 id="closures-heading">"School closures"</h2>
            <p>"Deadlines counted in working days skip weekends, bank holidays in England and Wales (built in, 2025 to 2030) and these days. A deadline that falls on a day the school is closed says so, with the first school day after."</p>
            <Show when=move || !closures().is_empty() fallback=|| view! { <p class="empty">"No closures added yet."</p> }>
                <ul class="list">
                    {move || closures().into_iter().map(|closure| {
                        let when = if closure.first_day == closure.last_day {
                            format_uk_date(closure.first_day)
                        } else {
                            format!("{} to {}", format_uk_date(closure.first_day), format_uk_date(closure.last_day))
                        };
                        let text = format!("{}: {when}", closure.name);
                        let name = closure.name.clone();
                        view! { <Listed text=text name=name on_remove=Callback::new(move |()| remove(closure.clone())) /> }
                    }).collect_view()}
                </ul>
            </Show>
            <DaysForm words=CLOSURE_FORM typed=typed errors=errors failed=failed on_add=add />
        </section>
    }
}
