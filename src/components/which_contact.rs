//! Choosing among contacts who share a name: each shown with their job title and the end of
//! their fingerprint, which tell them apart.

use leptos::prelude::*;

use crate::state::AppStorage;
use crate::use_cases::identity;
use crate::use_cases::identity::Contact;

/// Everyone in the contacts called `name`.
fn contacts_named(storage: AppStorage, name: &str) -> Vec<Contact> {
    storage
        .with(|vault| identity::contacts_named(vault, name).ok())
        .flatten()
        .unwrap_or_default()
}

/// When two or more contacts have the name typed, which one (their key id goes in `chosen`).
#[component]
pub fn WhichContact(
    storage: AppStorage,
    name: RwSignal<String>,
    chosen: RwSignal<Option<String>>,
    /// The id of the name's field, which the choices' ids start from.
    field: String,
) -> impl IntoView {
    let field = StoredValue::new(field);
    move || {
        let typed = name.get();
        let people = contacts_named(storage, typed.trim());
        (people.len() > 1).then(|| {
            let group = format!("{}-which", field.get_value());
            view! {
                <fieldset class="fieldset">
                    <legend class="fieldset__legend">{format!("Which {}?", typed.trim())}</legend>
                    {people.into_iter().map(|person| {
                        let key_id = person.keys.key_id();
                        let id = format!("{group}-{key_id}");
                        let fingerprint = person.keys.fingerprint();
                        let ending = fingerprint.rsplit(' ').next().unwrap_or_default().to_owned();
                        view! {
                            <div class="radio">
                                <input type="radio" id=id.clone() name=group.clone() on:change=move |_| chosen.set(Some(key_id.clone())) />
                                <label for=id>{format!("{} (fingerprint ending {ending})", person.described())}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            }
        })
    }
}
