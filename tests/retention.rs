//! Records kept for as long as the policy says: which reviews held here are past it, when the
//! next fall due, and removing one review's records leaves every other record as it was.

mod common;

use appraise::domain::period::CyclePeriod;
use appraise::domain::policy::AfterRetention;
use appraise::storage::{MemoryStore, Vault};
use appraise::use_cases::retention::{remove_review, retention};
use appraise::use_cases::reviews;
use chrono::{TimeZone, Utc};

fn vault_with(reviews_held: &[(&str, &str, i32, AfterRetention)]) -> Vault<MemoryStore> {
    let mut vault = Vault::open(MemoryStore::new(), Box::new(common::Counter(0)), "tab").unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 30, 10, 0, 0).unwrap();
    for (id, name, first_year, after) in reviews_held {
        let mut summary = common::statement_for_comment().review;
        summary.id = common::id(id);
        summary.reviewee.name = (*name).into();
        summary.policy.after_retention = *after;
        summary.period = CyclePeriod {
            first_day: common::date(*first_year, 9, 1),
            last_day: common::date(first_year + 1, 8, 31),
        };
        reviews::start_review(
            &mut vault,
            summary,
            &["Run the phonics group".into()],
            "tab",
            now,
        )
        .unwrap();
    }
    vault
}

#[test]
fn reviews_past_the_policys_years_are_named_with_what_the_policy_says_and_the_next_is_dated() {
    let vault = vault_with(&[
        ("old", "Kit Moss", 2018, AfterRetention::Minimum),
        ("older", "Ana Cole", 2017, AfterRetention::Destroy),
        ("recent", "Sam Patel", 2021, AfterRetention::Minimum),
        ("current", "Jo Lee", 2026, AfterRetention::Minimum),
    ]);
    let standing = retention(&vault, common::date(2026, 11, 30)).unwrap();
    let mut said: Vec<(String, String)> = standing
        .past
        .iter()
        .map(|past| (past.review_id.clone(), past.warning.to_string()))
        .collect();
    said.sort();
    assert_eq!(
        said,
        [
            (
                "old".to_string(),
                "The records of Kit Moss’s review have been kept for the policy’s minimum of 6 years (since 01/09/2025). Your school may now delete them from this device, or keep them longer.".to_string()
            ),
            (
                "older".to_string(),
                "The records of Ana Cole’s review reached the policy’s 6 years on 01/09/2024, after which it says they are destroyed. Delete them from this device.".to_string()
            ),
        ]
    );
    assert_eq!(
        standing.next,
        Some((common::date(2028, 9, 1), "Sam Patel".to_string())),
        "the 2021–22 cycle's records fall due six years after it ended"
    );
    assert_eq!(
        retention(
            &Vault::open(MemoryStore::new(), Box::new(common::Counter(0)), "t").unwrap(),
            common::date(2026, 11, 30)
        )
        .unwrap(),
        Default::default(),
        "nothing held, nothing due"
    );
}

#[test]
fn removing_a_review_takes_all_its_records_and_nothing_else() {
    let mut vault = vault_with(&[
        ("old", "Kit Moss", 2018, AfterRetention::Minimum),
        ("recent", "Sam Patel", 2021, AfterRetention::Minimum),
    ]);
    let before: Vec<String> = vault.list().map(|(key, _)| key.to_owned()).collect();
    let removed = remove_review(&mut vault, "old").unwrap();
    assert_eq!(removed, 2, "the review and its statement");
    let after: Vec<String> = vault.list().map(|(key, _)| key.to_owned()).collect();
    let gone: Vec<&String> = before.iter().filter(|key| !after.contains(key)).collect();
    assert_eq!(gone, ["review:old", "review:old:statement"]);
    assert!(reviews::review(&vault, "old").unwrap().is_none());
    assert!(reviews::load_review(&vault, "recent").unwrap().is_some());
    assert_eq!(
        remove_review(&mut vault, "old").unwrap(),
        0,
        "nothing left to remove"
    );
}
