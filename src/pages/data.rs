//! "Your data on this device": how much is stored, whether the browser will keep it, backups,
//! records past the policy's retention period, the passphrase lock, items set aside, and removing
//! everything.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use crate::components::{Banner, BannerKind};
use crate::random::BrowserRandom;
use crate::state::{AppStorage, StorageStatus, use_storage};
use crate::use_cases::backups::{MIN_PASSPHRASE_CHARS, make_backup, restore_backup};
use crate::use_cases::recovery;

/// A backup older than this many days earns a reminder.
pub const BACKUP_REMINDER_DAYS: i64 = 30;

/// Bytes as people read them, e.g. "12 KB" or "1.4 MB" (whole numbers only: no float formatting
/// code in the download).
fn kib(bytes: usize) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        let tenths = bytes * 10 / (1024 * 1024);
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// Runs slow work (key derivation) after the browser has painted a "working" message.
fn after_paint(work: impl FnOnce() + 'static) {
    set_timeout(work, std::time::Duration::from_millis(30));
}

/// Checks a new passphrase was typed the same twice, and says "working" before slow work.
fn ready_to_use(
    first: RwSignal<String>,
    second: RwSignal<String>,
    message: RwSignal<Option<(BannerKind, String)>>,
    working: &str,
) -> bool {
    if first.get_untracked() != second.get_untracked() {
        message.set(Some((
            BannerKind::Problem,
            "The two passphrases are different. Type the same passphrase in both boxes.".into(),
        )));
        return false;
    }
    message.set(Some((BannerKind::Information, working.into())));
    true
}

#[component]
pub fn DataPage() -> impl IntoView {
    super::set_page_title("Your data on this device");
    let storage = use_storage();
    view! {
        <h1>"Your data on this device"</h1>
        <p class="lead">"Appraise keeps your forms in this browser only. This page shows what is kept and lets you back it up, lock it or remove it."</p>
        <StorageUse storage=storage />
        <Persistence />
        <Backups storage=storage />
        <Retention storage=storage />
        <PassphraseLock storage=storage />
        <SetAside storage=storage />
        <RemoveEverything storage=storage />
    }
}

#[component]
fn StorageUse(storage: AppStorage) -> impl IntoView {
    let usage = move || {
        storage.changed_elsewhere.track();
        storage.with(|vault| vault.usage().ok()).flatten()
    };
    view! {
        <section class="section" aria-labelledby="use-heading">
            <h2 id="use-heading">"Storage used"</h2>
            {move || match usage() {
                None => view! { <p>"Storage cannot be measured because your data is not open."</p> }.into_any(),
                Some(usage) => {
                    let share = usage.percent_of_quota();
                    view! {
                        <p data-testid="storage-use">
                            {format!("Appraise uses {} of the about 5 MB your browser allows this site ({share}% of it in use).", kib(usage.appraise_bytes))}
                        </p>
                        {usage.nearly_full().then(|| view! {
                            <Banner kind=BannerKind::Warning title="Your browser’s storage is nearly full">
                                <p>"Download a backup, then delete reviews you no longer need, so new work can be saved."</p>
                            </Banner>
                        })}
                    }.into_any()
                }
            }}
        </section>
    }
}

fn is_safari() -> bool {
    let agent = web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    agent.contains("Safari")
        && !agent.contains("Chrome")
        && !agent.contains("Chromium")
        && !agent.contains("Android")
}

/// Asks the browser to keep Appraise's data even when space runs low, and says what it answered.
#[component]
fn Persistence() -> impl IntoView {
    let persisted = RwSignal::new(None::<bool>);
    spawn_local(async move {
        let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) else {
            return;
        };
        let granted = match manager.persist() {
            Ok(promise) => JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()),
            Err(_) => None,
        };
        persisted.set(Some(granted.unwrap_or(false)));
    });
    view! {
        <section class="section" aria-labelledby="keep-heading">
            <h2 id="keep-heading">"Keeping your data"</h2>
            <p data-testid="persistence">
                {move || match persisted.get() {
                    None => "Checking whether your browser will keep your data…",
                    Some(true) => "Your browser has agreed to keep Appraise’s data until you remove it.",
                    Some(false) => "Your browser may remove Appraise’s data if the device runs short of space. Keep a recent backup.",
                }}
            </p>
            {is_safari().then(|| view! {
                <Banner kind=BannerKind::Warning title="Safari deletes data from sites you have not visited for 7 days">
                    <p>"If you use Safari, open Appraise at least once a week and keep a recent backup, or your forms may be deleted."</p>
                </Banner>
            })}
        </section>
    }
}

#[component]
fn Backups(storage: AppStorage) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(BannerKind, String)>);
    let last = RwSignal::new(storage.with(|v| v.last_backup()).flatten());
    let make_backup = move |_| {
        if !ready_to_use(passphrase, confirm, message, "Making your backup…") {
            return;
        }
        // Every tab's copy goes into its document first: the backup leaves the copies out.
        spawn_local(async move {
            let folded = storage.fold_in_tab_copies().await;
            after_paint(move || {
                let now = crate::browser::now();
                let result = folded
                    .map_err(|missing| missing.sentence("makes backups"))
                    .and_then(|()| {
                        storage
                            .with_mut(|vault| {
                                make_backup(
                                    vault,
                                    &passphrase.get_untracked(),
                                    &crate::browser::file_stamp(),
                                    &mut BrowserRandom,
                                    now,
                                )
                            })
                            .ok_or_else(|| crate::use_cases::NOT_OPEN.to_owned())?
                            .map_err(|e| e.to_string())
                    });
                match result {
                    Ok(backup) => {
                        let name = backup.name;
                        let _ =
                            crate::browser::download(&name, "application/json", &backup.contents);
                        last.set(Some(now));
                        passphrase.set(String::new());
                        confirm.set(String::new());
                        message.set(Some((BannerKind::Success, format!("Backup downloaded as {name}. Keep it somewhere safe, with your passphrase remembered separately."))));
                    }
                    Err(sentence) => message.set(Some((BannerKind::Problem, sentence))),
                }
            });
        });
    };
    let old = move || {
        let has_records = storage.with(|v| v.list().next().is_some()).unwrap_or(false);
        has_records
            && last
                .get()
                .is_none_or(|at| (crate::browser::now() - at).num_days() > BACKUP_REMINDER_DAYS)
    };
    view! {
        <section class="section" aria-labelledby="backup-heading">
            <h2 id="backup-heading">"Backups"</h2>
            <p data-testid="last-backup">
                {move || match last.get() {
                    Some(at) => format!("Your last backup was made on {}.", crate::browser::local_date(at)),
                    None => "You have not made a backup on this device.".to_string(),
                }}
            </p>
            <Show when=old>
                <Banner kind=BannerKind::Warning title="Make a backup">
                    <p>{format!("Your forms exist only in this browser. Make a backup at least every {BACKUP_REMINDER_DAYS} days, so losing or replacing this device does not lose your work.")}</p>
                </Banner>
            </Show>
            <p>"A backup is one file holding everything Appraise keeps here, encrypted with a passphrase you choose. You need the passphrase to restore it."</p>
            <PassphrasePair first=passphrase second=confirm id="backup" />
            <button type="button" class="button" on:click=make_backup>"Download a backup"</button>
            {move || message.get().map(|(kind, text)| view! { <Banner kind=kind title="Backup"><p>{text}</p></Banner> })}
            <Restore storage=storage />
        </section>
    }
}

#[component]
pub(super) fn Restore(storage: AppStorage) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(BannerKind, String)>);
    let file_input = NodeRef::<leptos::html::Input>::new();
    let restore_now = move |_| {
        let Some(file) = file_input
            .get()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            message.set(Some((
                BannerKind::Problem,
                "Choose your backup file first.".into(),
            )));
            return;
        };
        message.set(Some((BannerKind::Information, "Restoring…".into())));
        spawn_local(async move {
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            after_paint(move || {
                let result = storage
                    .with_mut(|vault| {
                        restore_backup(
                            vault,
                            &text,
                            &passphrase.get_untracked(),
                            crate::browser::now(),
                        )
                    })
                    .ok_or_else(|| crate::use_cases::NOT_OPEN.to_owned())
                    .and_then(|restored| restored.map_err(|e| e.to_string()));
                match result {
                    Ok(said) => {
                        storage.refresh();
                        storage.announce_change("");
                        message.set(Some((BannerKind::Success, said)));
                    }
                    Err(sentence) => message.set(Some((BannerKind::Problem, sentence))),
                }
            });
        });
    };
    view! {
        <h3>"Restore from a backup"</h3>
        <p>"Restoring adds what is missing here and never deletes anything: where both differ, the newer version is used and the other kept beside it."</p>
        <div class="field">
            <label class="field__label" for="restore-file">"Backup file"</label>
            <input class="field__file" type="file" id="restore-file" accept=".json,application/json" node_ref=file_input />
        </div>
        <div class="field">
            <label class="field__label" for="restore-passphrase">"The backup’s passphrase"</label>
            <input class="field__input" type="password" id="restore-passphrase" autocomplete="off"
                prop:value=move || passphrase.get() on:input=move |e| passphrase.set(event_target_value(&e)) />
        </div>
        <button type="button" class="button button--secondary" on:click=restore_now>"Restore from backup"</button>
        {move || message.get().map(|(kind, text)| view! { <Banner kind=kind title="Restore"><p>{text}</p></Banner> })}
    }
}

/// A new passphrase typed twice.
#[component]
fn PassphrasePair(
    first: RwSignal<String>,
    second: RwSignal<String>,
    id: &'static str,
) -> impl IntoView {
    view! {
        <div class="field">
            <label class="field__label" for=format!("{id}-passphrase")>"Passphrase"</label>
            <p class="field__hint" id=format!("{id}-passphrase-hint")>
                {format!("At least {} characters. A few unrelated words are easy to remember and hard to guess.", MIN_PASSPHRASE_CHARS)}
            </p>
            <input class="field__input" type="password" id=format!("{id}-passphrase") autocomplete="new-password"
                aria-describedby=format!("{id}-passphrase-hint")
                prop:value=move || first.get() on:input=move |e| first.set(event_target_value(&e)) />
        </div>
        <div class="field">
            <label class="field__label" for=format!("{id}-confirm")>"Type the passphrase again"</label>
            <input class="field__input" type="password" id=format!("{id}-confirm") autocomplete="new-password"
                prop:value=move || second.get() on:input=move |e| second.set(event_target_value(&e)) />
        </div>
    }
}

#[component]
pub(super) fn PassphraseLock(storage: AppStorage) -> impl IntoView {
    let has_lock = RwSignal::new(storage.with(|v| v.has_lock()).unwrap_or(false));
    let passphrase = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(BannerKind, String)>);
    let set_lock = move |_| {
        if !ready_to_use(passphrase, confirm, message, "Encrypting your data…") {
            return;
        }
        after_paint(move || {
            let result = storage
                .with_mut(|vault| {
                    crate::use_cases::lock::set_lock(vault, &passphrase.get_untracked())
                })
                .map(|r| r.map_err(|e| e.to_string()))
                .unwrap_or_else(|| Err(crate::use_cases::NOT_OPEN.to_owned()));
            match result {
                Ok(()) => {
                    has_lock.set(true);
                    passphrase.set(String::new());
                    confirm.set(String::new());
                    message.set(Some((BannerKind::Success, "Your data is now encrypted. You will need the passphrase each time you open Appraise, and after 10 minutes without use.".into())));
                }
                Err(sentence) => message.set(Some((BannerKind::Problem, sentence))),
            }
        });
    };
    let lock_now = move |_| {
        storage.with_mut(|vault| vault.lock());
        storage.status.set(StorageStatus::Locked);
    };
    let remove_lock = move |_| {
        let result = storage
            .with_mut(crate::use_cases::lock::remove_lock)
            .map(|r| r.map_err(|e| e.to_string()))
            .unwrap_or_else(|| Err(crate::use_cases::NOT_OPEN.to_owned()));
        match result {
            Ok(()) => {
                has_lock.set(false);
                message.set(Some((BannerKind::Success, "The passphrase is removed. Your data is stored unencrypted on this device again.".into())));
            }
            Err(sentence) => message.set(Some((BannerKind::Problem, sentence))),
        }
    };
    view! {
        <section class="section" aria-labelledby="lock-heading">
            <h2 id="lock-heading">"Passphrase lock"</h2>
            <Show
                when=move || has_lock.get()
                fallback=move || view! {
                    <p>"On a shared computer, lock your data with a passphrase. It is then stored encrypted, and Appraise asks for the passphrase when it opens and after 10 minutes without use."</p>
                    <p>"If you forget the passphrase, your data cannot be recovered. Make a backup first."</p>
                    <PassphrasePair first=passphrase second=confirm id="lock" />
                    <button type="button" class="button" on:click=set_lock>"Lock with a passphrase"</button>
                }
            >
                <p data-testid="lock-state">"Your data is encrypted with your passphrase."</p>
                <button type="button" class="button" on:click=lock_now>"Lock now"</button>
                <button type="button" class="button button--secondary" on:click=remove_lock>"Remove the passphrase"</button>
            </Show>
            {move || message.get().map(|(kind, text)| view! { <Banner kind=kind title="Passphrase lock"><p>{text}</p></Banner> })}
        </section>
    }
}

#[component]
fn SetAside(storage: AppStorage) -> impl IntoView {
    let download = move |key: String, raw: String| {
        let name = format!(
            "appraise-set-aside-{}.json",
            key.replace([':', '/', '.'], "-")
        );
        let _ = crate::browser::download(&name, "application/json", &raw);
    };
    let discard = move |key: String| {
        let _ = storage.with_mut(|vault| vault.discard_set_aside(&key));
        storage.refresh();
    };
    view! {
        <section class="section" id="set-aside" aria-labelledby="set-aside-heading">
            <h2 id="set-aside-heading">"Items set aside"</h2>
            <Show when=move || !storage.set_aside.get().is_empty() fallback=|| view! { <p>"Nothing has been set aside: every saved item could be read."</p> }>
                <p>"These saved items could not be read, so Appraise set them aside rather than delete them. Download them to keep them or to send to whoever supports Appraise at your school."</p>
                <ul class="list">
                    {move || storage.set_aside.get().into_iter().map(|item| {
                        let (key, raw) = (item.original_key.clone(), item.raw.clone());
                        let key2 = key.clone();
                        let name = storage
                            .with(|vault| recovery::describe_set_aside(vault, &item.original_key))
                            .unwrap_or_else(|| "A saved item".into());
                        view! {
                            <li>
                                <span class="item-name">{super::capitalised(&name)}</span>" "
                                <button type="button" class="button button--link" on:click=move |_| download(key.clone(), raw.clone())>"Download"</button>" "
                                <button type="button" class="button button--link" on:click=move |_| discard(key2.clone())>"Delete"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

fn kind_name(kind: &str, count: usize) -> String {
    let (one, many) = match kind {
        "pre_review" => ("pre-review form", "pre-review forms"),
        "statement" => (
            "planning and review statement",
            "planning and review statements",
        ),
        "cpd_needs" => ("training needs form", "training needs forms"),
        "kept_copy" => (
            "kept copy of a changed form",
            "kept copies of changed forms",
        ),
        "tab_copy" => (
            "copy of a form saved in another tab",
            "copies of forms saved in other tabs",
        ),
        _ => ("other saved item", "other saved items"),
    };
    format!("{count} {}", if count == 1 { one } else { many })
}

/// What the retention section shows, worked out by code fetched when the section is drawn: the
/// reviews past the policy's period (id and sentence), when the next fall due, and how a removal
/// went.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct RetentionShown {
    past: Vec<(String, String)>,
    next: Option<String>,
    removed: Option<Result<usize, String>>,
}

/// Reads which records are past the policy's retention period on `today`, first removing them
/// when `remove` is set. Reading every review's summary is code a first visit does not need.
#[leptos::wasm_split::wasm_split(retention, wasm_split_path = ::leptos::wasm_split, fallible)]
fn retention_work(
    storage: AppStorage,
    today: chrono::NaiveDate,
    remove: bool,
) -> Result<RetentionShown, crate::on_demand::NotFetched> {
    use crate::use_cases::retention::{remove_review, retention};
    let read = |vault: &_| retention(vault, today).unwrap_or_default();
    let removed = remove.then(|| {
        storage
            .with_mut(|vault| {
                read(vault).past.iter().try_fold(0, |count, past| {
                    remove_review(vault, &past.review_id).map(|n| count + usize::from(n > 0))
                })
            })
            .unwrap_or(Ok(0))
            .map_err(|error| error.to_string())
    });
    let standing = storage.with(read).unwrap_or_default();
    Ok(RetentionShown {
        past: standing
            .past
            .into_iter()
            .map(|past| (past.review_id, past.warning.to_string()))
            .collect(),
        next: standing.next.map(|(day, name)| {
            format!(
                "The next records fall due on {}: {name}’s review.",
                crate::domain::dates::format_uk_date(day)
            )
        }),
        removed,
    })
}

/// Records kept past the policy's retention period, each with what the policy says (a minimum,
/// or then destroyed), removed after the person confirms, with a backup offered first; and when
/// the next fall due.
#[component]
fn Retention(storage: AppStorage) -> impl IntoView {
    let shown = RwSignal::new(None::<Result<RetentionShown, crate::on_demand::NotFetched>>);
    // How the last removal went, kept while the section reads storage again after it.
    let removal = RwSignal::new(None::<Result<usize, String>>);
    let work = move |remove: bool| {
        spawn_local(async move {
            let result = retention_work(storage, crate::browser::today(), remove).await;
            if remove {
                removal.set(result.as_ref().ok().and_then(|shown| shown.removed.clone()));
                storage.announce_change("");
            }
            shown.set(Some(result));
        });
    };
    Effect::new(move |_| {
        storage.changed_elsewhere.track();
        work(false);
    });
    let confirmed = RwSignal::new(false);
    let problem = RwSignal::new(false);
    let remove = move |_| {
        problem.set(!confirmed.get_untracked());
        if confirmed.get_untracked() {
            confirmed.set(false);
            work(true);
        }
    };
    view! {
        <section class="section" aria-labelledby="retention-heading">
            <h2 id="retention-heading">"Records past their retention period"</h2>
            {move || match shown.get() {
                None => view! { <p role="status">"Checking how long your records have been kept…"</p> }.into_any(),
                Some(Err(missing)) => view! { <p>{missing.sentence("checks how long records have been kept")}</p> }.into_any(),
                Some(Ok(RetentionShown { past, next, .. })) => view! {
                    {removal.get().map(|removed| match removed {
                        Ok(reviews) => view! {
                            <Banner kind=BannerKind::Success title="Records removed">
                                <p>{format!("The records of {reviews} review{} were removed from this device.", if reviews == 1 { "" } else { "s" })}</p>
                            </Banner>
                        }.into_any(),
                        Err(reason) => view! { <Banner kind=BannerKind::Problem title="Not removed"><p>{reason}</p></Banner> }.into_any(),
                    })}
                    {if past.is_empty() {
                        view! { <p>"No records held here are past the period your policy keeps them for."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="list" data-testid="past-retention">
                                {past.into_iter().map(|(_, sentence)| view! { <li>{sentence}</li> }).collect_view()}
                            </ul>
                            <p>"Once removed from this device they cannot be brought back from it. If your school keeps these records elsewhere, or you may need them, download a backup above first."</p>
                            <div class="field field--checkbox">
                                <input type="checkbox" class="field__checkbox" id="retention-confirm" prop:checked=move || confirmed.get() on:change=move |event| confirmed.set(event_target_checked(&event)) />
                                <label class="field__label field__label--inline" for="retention-confirm">"I have kept what the school needs, and these records can be removed"</label>
                            </div>
                            <Show when=move || problem.get()>
                                <p class="error-message" role="alert">"Tick the box to confirm these records can go, then remove them."</p>
                            </Show>
                            <button type="button" class="button button--warning" on:click=remove>"Remove these records from this device"</button>
                        }.into_any()
                    }}
                    {next.map(|text| view! { <p>{text}</p> })}
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn RemoveEverything(storage: AppStorage) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let done = RwSignal::new(None::<usize>);
    let summary = move || {
        storage
            .with(|vault| vault.wipe_summary().ok())
            .flatten()
            .unwrap_or_default()
    };
    let wipe = move |_| {
        let removed = storage
            .with_mut(|vault| vault.wipe().unwrap_or(0))
            .unwrap_or(0);
        confirming.set(false);
        done.set(Some(removed));
        storage.refresh();
        storage.announce_change("");
    };
    view! {
        <section class="section" aria-labelledby="remove-heading">
            <h2 id="remove-heading">"Remove all my data from this device"</h2>
            <p>"Do this before you stop using a shared or borrowed computer. Files you exported or downloaded are not affected."</p>
            <Show when=move || !confirming.get()>
                <button type="button" class="button button--warning" on:click=move |_| { done.set(None); confirming.set(true) }>
                    "Remove all my data"
                </button>
            </Show>
            <Show when=move || confirming.get()>
                <Banner kind=BannerKind::Warning title="Are you sure?">
                    <p>"This will permanently delete from this browser:"</p>
                    <ul class="list" data-testid="wipe-summary">
                        {move || {
                            let summary = summary();
                            let mut items: Vec<String> = summary.records_by_kind.iter().map(|(kind, n)| kind_name(kind, *n)).collect();
                            if summary.set_aside > 0 {
                                items.push(format!("{} item(s) set aside", summary.set_aside));
                            }
                            if storage.with(|v| v.has_lock()).unwrap_or(false) {
                                items.push("your passphrase lock".into());
                            }
                            if items.is_empty() {
                                items.push("Appraise’s settings (you have no saved forms)".into());
                            }
                            items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()
                        }}
                    </ul>
                    <p>"It cannot be undone. Download a backup first if you may need any of it."</p>
                    <button type="button" class="button button--warning" on:click=wipe>"Yes, remove everything"</button>
                    <button type="button" class="button button--secondary" on:click=move |_| confirming.set(false)>"Cancel"</button>
                </Banner>
            </Show>
            {move || done.get().map(|removed| view! {
                <Banner kind=BannerKind::Success title="Your data has been removed">
                    <p>{format!("{removed} saved entries were deleted from this browser.")}</p>
                </Banner>
            })}
        </section>
    }
}
