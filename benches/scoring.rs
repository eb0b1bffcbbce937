//! Scores a 1,000-turn transcript (target: under 1 ms per 100 turns).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use service_camp::core::scoring::{Rubrics, Speaker, Transcript, Turn, score};

/// Realistic rep and customer lines in both languages, cycled to the wanted length.
const LINES: &[(Speaker, &str)] = &[
    (Speaker::Customer, "我的包裹到底去哪了?都一个星期了还没到!"),
    (Speaker::Rep, "王先生您好,非常抱歉让您等了这么久。您别着急,慢慢说,我在听。"),
    (Speaker::Customer, "这是给我妈的生日礼物,后天就要用。"),
    (Speaker::Rep, "换成是我也会着急的。您的意思是,包裹一周前发出,到现在还没收到,对吧?"),
    (Speaker::Rep, "我这边有两个方案:一是现在就给您补发,明天下午6点前送到;二是等原包裹追回,大概3天。"),
    (Speaker::Rep, "公司的规定就是这样,你不识字吗?"),
    (Speaker::Customer, "Where on earth is my parcel? It's been a week!"),
    (Speaker::Rep, "I'm so sorry, Ms Taylor. Take your time and tell me what happened."),
    (Speaker::Rep, "So if I understand correctly, it still hasn't arrived and you need it by Friday. Is that right?"),
    (
        Speaker::Rep,
        "Here's what I can do: send a replacement today by express, arriving by 6 pm tomorrow. Does that work for you?",
    ),
];

fn long_transcript(turns: usize) -> Transcript {
    let turns = (0..turns)
        .map(|i| {
            let (who, text) = LINES[i % LINES.len()];
            Turn { t: i as f64 * 5.0, who, text: text.into(), tags: vec![] }
        })
        .collect();
    Transcript {
        lang: Default::default(),
        disc: None,
        scenario: None,
        time_limit: None,
        customer_name: Some("王先生".into()),
        models: vec![],
        turns,
    }
}

fn bench_scoring(c: &mut Criterion) {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/rubrics"));
    let rubrics = match Rubrics::load_dir(dir) {
        Ok(rubrics) => rubrics,
        Err(errors) => panic!("rubrics must load: {errors:?}"),
    };
    let transcript = long_transcript(1_000);
    c.bench_function("score 1000 turns", |b| b.iter(|| score(black_box(&rubrics), black_box(&transcript))));

    // One enormous utterance at 10x and 100x the size: the time must grow about linearly
    // (comparing every pair of cue hits took half a minute at 1 MB).
    let mut group = c.benchmark_group("score one long utterance");
    group.sample_size(10);
    for kilobytes in [10, 100, 1_000] {
        let text: String = LINES
            .iter()
            .map(|(_, line)| *line)
            .cycle()
            .take_while({
                let mut bytes = 0;
                move |line| {
                    bytes += line.len();
                    bytes <= kilobytes * 1024
                }
            })
            .collect();
        let transcript =
            Transcript { turns: vec![Turn { t: 0.0, who: Speaker::Rep, text, tags: vec![] }], ..long_transcript(0) };
        group.bench_function(format!("{kilobytes} KB"), |b| {
            b.iter(|| score(black_box(&rubrics), black_box(&transcript)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_scoring);
criterion_main!(benches);
