//! A live round's cost: the console replays every press through the engine after each change
//! (target: well under a frame, 1 ms), and searches the change worth most once the round ends
//! (target: under 100 ms, a pause nobody notices). After the reveal, the observers' calibration
//! is computed for the console and for each observer's phone view (target: a room of 60
//! observers' views within a frame's worth, 16 ms).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use service_camp::core::lang::Lang;
use service_camp::core::room::SeatId;
use service_camp::core::round::{Calibration, Observed, RoundCast, RoundRecord, RoundReview, best_gain};
use service_camp::core::scenario::load_str;
use service_camp::core::scoring::Rubrics;
use service_camp::core::session::{TeamId, Timestamp};

/// A busy eight-minute round: 40 presses and quotes, steps of both models, a taboo phrase.
fn busy_round(rubrics: &Rubrics) -> RoundRecord {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("scenarios/lost-parcel.ron");
    let scenario =
        load_str(&path, &std::fs::read_to_string(&path).expect("scenario readable")).expect("scenario loads");
    let cast = RoundCast { team: Some(TeamId(1)), rep: "小王".into(), ..RoundCast::default() };
    let mut record = RoundRecord::new(1, &scenario, &cast, TeamId(1), Timestamp(0));
    let presses = [
        Observed::Tag("7a.accept".into()),
        Observed::Quote("非常抱歉让您久等了,我完全理解您的心情".into()),
        Observed::Tag("six_step.repeat".into()),
        Observed::Tag("7a.analyze".into()),
        Observed::Tag("bonus.thanks".into()),
        Observed::Tag("7a.alternatives".into()),
        Observed::Quote("我现在就给您补发,明天下午六点前送到,您看可以吗?".into()),
    ];
    for (i, what) in presses.iter().cycle().take(39).enumerate() {
        record.observe(rubrics, Lang::Zh, 5.0 + 11.0 * i as f64, what.clone());
    }
    record.observe(rubrics, Lang::Zh, 440.0, Observed::Quote("这是公司的规定".into()));
    record
}

/// Sixty observers, each tapping the 7A steps, two of the six steps and a penalty: 600 taps.
fn observed(mut record: RoundRecord) -> RoundRecord {
    let tags = [
        "7a.accept",
        "7a.apologize",
        "7a.acknowledge",
        "7a.analyze",
        "7a.alternatives",
        "7a.agreement",
        "7a.assurance",
        "six_step.repeat",
        "six_step.confirm",
        "penalty.taboo",
    ];
    for seat in 1..=60u32 {
        for (i, tag) in tags.iter().enumerate() {
            // Observers differ a little in what they tap and when.
            if !(seat as usize + i).is_multiple_of(4) {
                let t = 5.0 + 40.0 * i as f64 + f64::from(seat % 7);
                record.mark_as_observer(SeatId(seat), t, tag).expect("a fresh tap");
            }
        }
    }
    record.observers_revealed = true;
    record
}

fn bench_rounds(c: &mut Criterion) {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/rubrics"));
    let rubrics = match Rubrics::load_dir(dir) {
        Ok(rubrics) => rubrics,
        Err(errors) => panic!("rubrics must load: {errors:?}"),
    };
    let record = busy_round(&rubrics);
    assert_eq!(record.events.len(), 40, "the customer stays for the whole round");
    c.bench_function("review a 40-press round", |b| {
        b.iter(|| RoundReview::of(black_box(&record), black_box(&rubrics), Lang::Zh))
    });
    c.bench_function("best gain of a 40-press round", |b| {
        b.iter(|| best_gain(black_box(&record), black_box(&rubrics), Lang::Zh))
    });
    let watched = observed(record.clone());
    c.bench_function("calibration of a round with 60 observers", |b| {
        b.iter(|| Calibration::of(black_box(&watched), black_box(&rubrics), Lang::Zh))
    });
}

criterion_group!(benches, bench_rounds);
criterion_main!(benches);
