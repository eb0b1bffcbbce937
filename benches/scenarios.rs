//! How long loading (and validating) the built-in scenario library takes; the app does it at
//! start-up and on every live reload.

use std::collections::BTreeSet;
use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use service_camp::core::lang::Bilingual;
use service_camp::core::scenario::{Dialogue, DialogueNode, Ending, ResponseOption, load_dir, validate};

const LIBRARY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios");

fn bench(c: &mut Criterion) {
    let dir = Path::new(LIBRARY);
    c.bench_function("load_dir builtin scenarios", |b| b.iter(|| load_dir(black_box(dir))));

    // The rubric's tag list lives in the scoring engine; the library's own tags stand in for
    // it, so validation takes its normal, all-known path.
    let library = load_dir(dir);
    let known: BTreeSet<String> = library.iter().flat_map(|s| s.tags()).map(|t| t.tag.to_owned()).collect();
    c.bench_function("validate builtin scenarios", |b| b.iter(|| validate(black_box(&library), &known)));

    // Which nodes can still reach an ending, on a chain of 200, 2,000 and 20,000 nodes: linear
    // growth (the old fixpoint loop took two minutes at 20,000).
    let mut group = c.benchmark_group("endings reachable in a dialogue");
    group.sample_size(10);
    for nodes in [200, 2_000, 20_000] {
        let dialogue = chain(nodes);
        group.bench_function(format!("{nodes} nodes"), |b| b.iter(|| black_box(&dialogue).can_reach_ending().len()));
    }
    group.finish();
}

/// Node i leads to node i+1; the last one ends the conversation.
fn chain(nodes: usize) -> Dialogue {
    let option = |next: usize| ResponseOption {
        text: Bilingual::new("好的", "OK"),
        tags: vec![],
        mood: 1,
        next: format!("n{next}"),
        why: Bilingual::new("", ""),
        model: true,
    };
    Dialogue {
        start: "n0".into(),
        opening_mood: 0,
        nodes: (0..nodes)
            .map(|i| DialogueNode {
                id: format!("n{i}"),
                line: Bilingual::new("嗯", "Hm"),
                options: if i + 1 < nodes { vec![option(i + 1)] } else { vec![] },
                ending: (i + 1 == nodes).then_some(Ending::Resolved),
            })
            .collect(),
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
