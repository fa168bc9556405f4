//! The home page: what Appraise is for and where to start.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    super::set_page_title("Home");
    view! {
        <h1>"Your appraisal, on your device"</h1>
        <p class="lead">
            "Appraise helps school staff and their reviewers prepare for appraisal meetings, "
            "write the planning and review statement, agree objectives and training, and sign it off."
        </p>
        <div class="panel">
            <h2>"Private by design"</h2>
            <ul class="list">
                <li>"Your forms and drafts are saved in this browser as you type."</li>
                <li>"It works without an internet connection once it has opened here."</li>
                <li>"You share a form by exporting a signed file and emailing it to the other person."</li>
            </ul>
        </div>
        <p><A href="/how-it-works">"Find out how an appraisal cycle works in Appraise"</A></p>
    }
}
