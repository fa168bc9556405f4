//! A school's year of appraisal as the people who run it hold it: Pat Head, the headteacher,
//! holding 30 final statements from three reviewers (Ana Cole, Jo Lee and Kit Moss, ten each);
//! Ana holding her ten; and Sam Patel, one of Ana's reviewees, who appealed. Ana rates every
//! objective achieved and sets five objectives where the others set three, so moderation flags
//! her; Kit's statements reached Pat late. Everyone uses the school settings Pat published,
//! which name Pat as headteacher. The same school grown to 60 or 150 staff (ten reviewees to
//! each reviewer, the first 30 as above) is what a larger school's headteacher holds; in it a
//! second Sam Patel, a teaching assistant, has another reviewer.

use appraise::bundle::contacts::HowVerified;
use appraise::bundle::identity::{Identity, KeySeed};
use appraise::bundle::merge::{DocumentState, Stamp};
use appraise::bundle::open::{Opened, Recipient, open_file};
use appraise::bundle::payload::{BundleKind, ReviewSummary};
use appraise::bundle::sign_off::SignedSignOff;
use appraise::domain::calendar::Period;
use appraise::domain::cycle::Review;
use appraise::domain::documents::*;
use appraise::domain::field_map::to_field_map;
use appraise::domain::ids::Id;
use appraise::domain::people::{PersonRef, Role};
use appraise::domain::period::CyclePeriod;
use appraise::domain::policy::{DayOfYear, Policy};
use appraise::domain::school::SchoolSettings;
use appraise::domain::sign_off::{SignOff, SignerRole};
use appraise::storage::{KeyValueStore, Vault};
use appraise::use_cases::identity::StoredIdentity;
use appraise::use_cases::reviews::StoredReview;
use appraise::use_cases::{identity, reviews, school, sign_offs};
use chrono::{DateTime, TimeZone, Utc};

use super::{date, id};

pub const REVIEWS: usize = 30;
/// Which of the 30 is Sam Patel's, the appeal.
pub const APPEAL: usize = 3;

const REVIEWEES: [&str; REVIEWS] = [
    "Lena Ward",
    "Omar Shah",
    "Priya Nair",
    "Sam Patel",
    "Tom Reid",
    "Uma Das",
    "Vic Hale",
    "Wes Long",
    "Xena Ford",
    "Yara Lott",
    "Ben Ames",
    "Cara Dunn",
    "Dev Rao",
    "Ella Fox",
    "Finn Gray",
    "Gina Holt",
    "Hugo Ince",
    "Isla Jay",
    "Jack Kerr",
    "Kim Lowe",
    "Liam Marr",
    "Mia Nash",
    "Ned Orr",
    "Ola Penn",
    "Pete Quin",
    "Rosa Rudd",
    "Seb Tait",
    "Tara Vance",
    "Umar West",
    "Val Yeo",
];

/// A school with 60 and one with 150 members of staff reviewed.
pub const LARGER: [usize; 2] = [60, 150];

/// The name of reviewee `n`: the 30 above, then names made from first names and surnames, with
/// a second Sam Patel at 40.
fn reviewee_name(n: usize) -> String {
    const FIRST: [&str; 12] = [
        "Abi", "Cal", "Dee", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jon", "Kay", "Lou", "Max",
    ];
    const LAST: [&str; 11] = [
        "Akers", "Bligh", "Croft", "Drew", "Eden", "Frith", "Gale", "Hurst", "Irwin", "Jory",
        "Kemp",
    ];
    match n {
        _ if n < REVIEWS => REVIEWEES[n].to_owned(),
        40 => REVIEWEES[APPEAL].to_owned(),
        _ => format!(
            "{} {}",
            FIRST[n % FIRST.len()],
            LAST[(n / FIRST.len()) % LAST.len()]
        ),
    }
}

pub fn headteacher() -> Identity {
    Identity::from_seed(&KeySeed([200; 32]))
}

/// Reviewer `n` (0 Ana Cole, 1 Jo Lee, 2 Kit Moss, then twelve more for a larger school): name,
/// staff id and keys.
pub fn reviewer(n: usize) -> (&'static str, &'static str, Identity) {
    let (name, staff_id) = [
        ("Ana Cole", "ana-cole"),
        ("Jo Lee", "jo-lee"),
        ("Kit Moss", "kit-moss"),
        ("Bea Lund", "bea-lund"),
        ("Cy Marsh", "cy-marsh"),
        ("Di North", "di-north"),
        ("Ed Oakes", "ed-oakes"),
        ("Flo Pike", "flo-pike"),
        ("Guy Quest", "guy-quest"),
        ("Hana Rees", "hana-rees"),
        ("Ian Stone", "ian-stone"),
        ("Jen Toms", "jen-toms"),
        ("Ken Umber", "ken-umber"),
        ("Lyn Vale", "lyn-vale"),
        ("Meg Wren", "meg-wren"),
    ][n];
    let seed = if n < 3 {
        [101 + n as u8; 32]
    } else {
        seed_of(2, n)
    };
    (name, staff_id, Identity::from_seed(&KeySeed(seed)))
}

/// A key seed of its own for person `n` of `kind`, apart from the repeated bytes of the first
/// school's people.
fn seed_of(kind: u8, n: usize) -> [u8; 32] {
    let mut seed = [0; 32];
    seed[0] = kind;
    seed[1..9].copy_from_slice(&(n as u64).to_le_bytes());
    seed
}

pub fn reviewee(n: usize) -> Identity {
    let seed = if n < REVIEWS {
        [10 + n as u8; 32]
    } else {
        seed_of(1, n)
    };
    Identity::from_seed(&KeySeed(seed))
}

/// The school's version of seed 004's policy: a second staff group, the school's own pay
/// decision date and time limit for deciding an appeal, and three objectives as a guide rather
/// than a rule (so Ana's five are signed, and moderation asks her why).
pub fn policy() -> Policy {
    let mut policy = appraise::domain::presets::preset("secondary-support-staff").unwrap();
    policy.version = "Hill Academy 2026".into();
    policy.cycles[0].pay_decision_by = Some(DayOfYear { day: 31, month: 12 });
    let mut assistants = policy.cycles[0].clone();
    assistants.staff_group = "Teaching assistants".into();
    policy.cycles.push(assistants);
    policy.appeal_decided_within = Some(Period::working_days(15));
    policy.review_limit = None;
    policy.objectives_limit_firm = false;
    policy
}

fn at(day: u32, month: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, month, day, 9, 0, 0).unwrap()
}

/// Review `n` with its statement and training needs, and who is reviewing it.
fn review(n: usize) -> (Review, usize) {
    let by = n / 10;
    let (name, staff_id, _) = reviewer(by);
    let staff_group = if n.is_multiple_of(2) {
        "Support staff"
    } else {
        "Teaching assistants"
    };
    let mut review = Review::new(
        id(&format!("hill-review-{n:02}")),
        PersonRef {
            staff_id: id(&format!("staff-{n:02}")),
            name: reviewee_name(n),
            job_title: if n.is_multiple_of(2) {
                "Site officer"
            } else {
                "Learning support assistant"
            }
            .into(),
        },
        PersonRef {
            staff_id: id(staff_id),
            name: name.into(),
            job_title: "Line manager".into(),
        },
        policy(),
        staff_group,
        CyclePeriod {
            first_day: date(2025, 9, 1),
            last_day: date(2026, 8, 31),
        },
    );
    review.pay_eligible = true;
    // The larger school's reviewers rate as Jo or Kit do, so Ana alone stands out.
    let rates_like = if by < 3 { by } else { 1 + by % 2 };
    let ratings: [ProgressRating; 3] = match rates_like {
        0 => [ProgressRating::Achieved; 3],
        1 => [
            ProgressRating::Achieved,
            ProgressRating::PartiallyAchieved,
            ProgressRating::NotAchieved,
        ],
        _ => [
            ProgressRating::Achieved,
            ProgressRating::PartiallyAchieved,
            ProgressRating::PartiallyAchieved,
        ],
    };
    let mut statement = super::statement();
    statement.meeting_date = Some(date(2026, 10, 5 + (n % 10) as u32));
    statement.previous_objectives = ratings
        .iter()
        .enumerate()
        .map(|(i, rating)| PreviousObjective {
            id: id(&format!("prev-{i}")),
            objective: format!("Last year’s objective {}", i + 1),
            rating: Some(*rating),
            comment: "Evidence discussed at the meeting.".into(),
        })
        .collect();
    let objectives = if by == 0 { 5 } else { 3 };
    statement.new_objectives = (1..=objectives)
        .map(|k| super::objective(k, Some(date(2027, 6, 30))))
        .collect();
    statement.pay_recommendation = Some(if by == 0 || !n.is_multiple_of(3) {
        PayRecommendation::Progress
    } else {
        PayRecommendation::DoNotProgress
    });
    for standard in &mut statement.standards {
        standard.judgement = Some(appraise::domain::standards::StandardJudgement::Meets);
    }
    statement.reviewee_comments = "I agree with the statement.".into();
    review.dates.meeting_on = statement.meeting_date;
    review.statement = Some(statement);
    review.cpd_needs = Some(super::cpd_needs());
    if n == APPEAL {
        review.appeal = Some(Appeal {
            entries_appealed: vec!["statement.assessment".into()],
            grounds: "The assessment leaves out the phonics group I ran all year.".into(),
            lodged_on: Some(date(2026, 11, 10)),
            ..Appeal::blank()
        });
    }
    (review, by)
}

fn state(fields: appraise::domain::field_map::FieldMap) -> DocumentState {
    let mut state = DocumentState::default();
    state.record_edit(
        &fields,
        "hill",
        Stamp {
            millis: at(20, 10).timestamp_millis(),
            counter: 0,
        },
    );
    state
}

/// Writes review `n` into `vault` as its holder keeps it: summary, documents and sign-offs, with
/// the day the final statement went to Pat (Kit's a month late).
fn hold<S: KeyValueStore>(vault: &mut Vault<S>, n: usize) {
    let (review, by) = review(n);
    let (_, _, reviewer_keys) = reviewer(by);
    let summary = ReviewSummary {
        meeting_on: review.dates.meeting_on,
        pay_eligible: true,
        reviewer_keys: Some(reviewer_keys.public_keys()),
        reviewee_keys: Some(reviewee(n).public_keys()),
        ..super::summary_of(&review)
    };
    let meeting = review.dates.meeting_on.unwrap();
    let sent = meeting + chrono::Days::new(if by == 2 { 40 } else { 7 });
    let mut held = StoredReview::new(summary);
    for (kind, day) in [
        (BundleKind::Invitation, meeting - chrono::Days::new(20)),
        (BundleKind::PreReview, meeting - chrono::Days::new(3)),
        (
            BundleKind::StatementForComment,
            meeting + chrono::Days::new(2),
        ),
        (BundleKind::Reply, meeting + chrono::Days::new(5)),
        (BundleKind::FinalStatement, sent),
    ] {
        held.exchanged.insert(kind, day);
    }
    let now = at(20, 11);
    reviews::save_review(vault, &held, now).unwrap();
    let id = review.id.as_str();
    let statement = review.statement.as_ref().unwrap();
    reviews::save_document(vault, id, "statement", &state(to_field_map(statement)), now).unwrap();
    let needs = review.cpd_needs.as_ref().unwrap();
    reviews::save_document(vault, id, "cpd_needs", &state(to_field_map(needs)), now).unwrap();
    if let Some(appeal) = &review.appeal {
        reviews::save_document(vault, id, "appeal", &state(to_field_map(appeal)), now).unwrap();
    }
    let signed_on = sent;
    let mut signers = vec![(SignerRole::Reviewer, reviewer_keys)];
    if n != APPEAL {
        signers.push((SignerRole::Reviewee, reviewee(n)));
    }
    for (role, keys) in signers {
        let sign_off = SignOff::for_statement(&review, role, signed_on).expect("complete");
        sign_offs::add_sign_off(vault, id, SignedSignOff::sign(sign_off, &keys), now).unwrap();
    }
}

fn person<S: KeyValueStore>(vault: &mut Vault<S>, seed: KeySeed, name: &str, roles: &[Role]) {
    let mut me = StoredIdentity::new(seed);
    me.name = name.into();
    me.school = "Hill Academy".into();
    me.roles = roles.iter().copied().collect();
    identity::save_identity(vault, &me, at(1, 9)).unwrap();
}

fn pin<S: KeyValueStore>(vault: &mut Vault<S>, people: &[(&str, &Identity)]) {
    let mut contacts = identity::contacts(vault).unwrap();
    for (name, keys) in people {
        let confirmed = at(1, 9).timestamp_millis();
        contacts.pin(
            name,
            None,
            keys.public_keys(),
            HowVerified::InPerson,
            confirmed,
        );
    }
    identity::save_contacts(vault, &contacts, at(1, 9)).unwrap();
}

/// Pat's records: keys, the three reviewers confirmed, the school's settings published (naming
/// Pat as headteacher), and the 30 reviews. Returns the published settings file.
pub fn headteachers<S: KeyValueStore>(vault: &mut Vault<S>) -> String {
    headteachers_of(vault, REVIEWS)
}

/// Pat's records in a school of `staff` reviewed (a multiple of ten): a reviewer for each ten.
pub fn headteachers_of<S: KeyValueStore>(vault: &mut Vault<S>, staff: usize) -> String {
    person(vault, KeySeed([200; 32]), "Pat Head", &[Role::Headteacher]);
    let reviewers: Vec<_> = (0..staff / 10).map(reviewer).collect();
    pin(
        vault,
        &reviewers
            .iter()
            .map(|(name, _, keys)| (*name, keys))
            .collect::<Vec<_>>(),
    );
    let settings = SchoolSettings {
        policy: Some(policy()),
        ..SchoolSettings::default()
    };
    identity::save_school_settings(vault, &settings, at(1, 9)).unwrap();
    let published = school::publish(vault, &headteacher(), None, at(2, 9)).unwrap();
    for n in 0..staff {
        hold(vault, n);
    }
    published.contents
}

/// Someone using the school's settings file as the app does, Pat confirmed in person.
fn use_school_settings<S: KeyValueStore>(vault: &mut Vault<S>, seed: KeySeed, file: &str) {
    let me = Identity::from_seed(&seed);
    let staff_id = Id::new(me.public_keys().key_id()).unwrap();
    let recipient = Recipient {
        identity: &me,
        name: "",
        staff_id: &staff_id,
    };
    let contacts = identity::contacts(vault).unwrap();
    let Ok(Opened::Settings(file)) = open_file(file.as_bytes(), &recipient, &contacts) else {
        panic!("the school settings file opens");
    };
    school::use_settings(vault, &file, Some(HowVerified::InPerson), at(3, 9)).unwrap();
}

/// Ana's records: her keys, Pat's school settings, her ten reviews.
pub fn reviewers<S: KeyValueStore>(vault: &mut Vault<S>, settings_file: &str) {
    person(vault, KeySeed([101; 32]), "Ana Cole", &[Role::Reviewer]);
    use_school_settings(vault, KeySeed([101; 32]), settings_file);
    for n in 0..10 {
        hold(vault, n);
    }
}

/// Sam Patel's records: their keys, Ana confirmed, Pat's school settings, their review.
pub fn appellants<S: KeyValueStore>(vault: &mut Vault<S>, settings_file: &str) {
    let seed = || KeySeed([10 + APPEAL as u8; 32]);
    person(vault, seed(), REVIEWEES[APPEAL], &[Role::Reviewee]);
    let (name, _, keys) = reviewer(0);
    pin(vault, &[(name, &keys)]);
    use_school_settings(vault, seed(), settings_file);
    hold(vault, APPEAL);
}
