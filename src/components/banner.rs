//! A notification banner: a short heading and a message, announced to screen readers.

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BannerKind {
    Information,
    Success,
    Warning,
    Problem,
}

impl BannerKind {
    fn class(self) -> &'static str {
        match self {
            BannerKind::Information => "banner banner--information",
            BannerKind::Success => "banner banner--success",
            BannerKind::Warning => "banner banner--warning",
            BannerKind::Problem => "banner banner--problem",
        }
    }
}

#[component]
pub fn Banner(kind: BannerKind, #[prop(into)] title: String, children: Children) -> impl IntoView {
    let role = if kind == BannerKind::Problem {
        "alert"
    } else {
        "status"
    };
    view! {
        <section class=kind.class() role=role>
            <h2 class="banner__title">{title}</h2>
            <div class="banner__body">{children()}</div>
        </section>
    }
}
