//! The home page: the reviews this person takes part in and what is due, or where to start.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::calendar::SchoolCalendar;
use crate::domain::cycle::Review;
use crate::domain::dates::format_uk_date;
use crate::domain::deadlines::pressing_for;
use crate::domain::people::Role;
use crate::state::use_storage;
use crate::storage::records;

/// A review as one person sees it: their part in it and what they must do, soonest first.
struct MyReview {
    review: Review,
    role: Option<Role>,
    due: Vec<String>,
}

fn my_reviews(reviews: Vec<Review>, my_name: &str) -> Vec<MyReview> {
    let (calendar, today) = (SchoolCalendar::default(), crate::browser::today());
    reviews
        .into_iter()
        .map(|review| {
            let role = records::part_by_name(&review.reviewer, &review.reviewee, my_name);
            let due = role
                .map(|role| pressing_for(&review, role, &calendar, today))
                .unwrap_or_default()
                .into_iter()
                .map(|item| {
                    format!(
                        "{}: {} ({})",
                        item.deadline.kind,
                        item.urgency,
                        format_uk_date(item.deadline.due)
                    )
                })
                .collect();
            MyReview { review, role, due }
        })
        .collect()
}

#[component]
pub fn HomePage() -> impl IntoView {
    super::set_page_title("Home");
    let storage = use_storage();
    let reviews = move || {
        storage.changed_elsewhere.track();
        storage
            .with(|vault| {
                let name = records::identity(vault)
                    .ok()
                    .flatten()
                    .map(|i| i.name)
                    .unwrap_or_default();
                let held: Vec<Review> = records::reviews(vault)
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|stored| {
                        records::load_review(vault, stored.summary.id.as_str())
                            .ok()
                            .flatten()
                    })
                    .collect();
                my_reviews(held, &name)
            })
            .unwrap_or_default()
    };
    view! {
        <h1>"Your appraisal, on your device"</h1>
        <Show when=move || !reviews().is_empty() fallback=|| view! {
            <p class="lead">
                "Appraise helps school staff and their reviewers prepare for appraisal meetings, "
                "write the planning and review statement, agree objectives and training, and sign it off."
            </p>
            <div class="panel">
                <h2>"Where to start"</h2>
                <ul class="list">
                    <li>"Reviewers: " <A href="/reviews/new">"start a review"</A> " and email the invitation."</li>
                    <li>"Reviewees: " <A href="/import">"import the invitation"</A> " your reviewer sent, then prepare your pre-review."</li>
                </ul>
            </div>
            <div class="panel">
                <h2>"Private by design"</h2>
                <ul class="list">
                    <li>"Your forms and drafts are saved in this browser as you type."</li>
                    <li>"It works without an internet connection once it has opened here."</li>
                    <li>"You share a form by exporting a signed file and emailing it to the other person."</li>
                </ul>
            </div>
        }>
            <h2>"Your reviews"</h2>
            {move || reviews().into_iter().map(|mine| {
                let review = &mine.review;
                let heading = match mine.role {
                    Some(Role::Reviewer) => format!("Reviewing {}", review.reviewee.name),
                    Some(Role::Reviewee) => format!("Your review with {}", review.reviewer.name),
                    _ => format!("{}’s review by {}", review.reviewee.name, review.reviewer.name),
                };
                let details = format!(
                    "Cycle {} to {}. Meeting {}.",
                    format_uk_date(review.period.first_day),
                    format_uk_date(review.period.last_day),
                    review.dates.meeting_on.map_or("not yet set".to_string(), |day| format!("on {}", format_uk_date(day)))
                );
                let label = heading.clone();
                let next = if mine.role == Some(Role::Reviewee) { ("/prepare", "Prepare and send your pre-review") } else { ("/import", "Import what they send you") };
                view! {
                    <section class="panel" aria-label=label>
                        <h3>{heading}</h3>
                        <p>{details}</p>
                        {if mine.due.is_empty() {
                            view! { <p>"Nothing is due for you in the next six weeks."</p> }.into_any()
                        } else {
                            view! { <ul class="list">{mine.due.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul> }.into_any()
                        }}
                        <p><A href=next.0>{next.1}</A></p>
                    </section>
                }
            }).collect_view()}
        </Show>
        <p><A href="/how-it-works">"Find out how an appraisal cycle works in Appraise"</A></p>
    }
}
