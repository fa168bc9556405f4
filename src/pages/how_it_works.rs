//! How it works: the appraisal cycle in plain steps, for reviewees and reviewers.

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
    }
}
