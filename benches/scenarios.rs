//! How long loading (and validating) the built-in scenario library takes; the app does it at
//! start-up and on every live reload.

use std::collections::BTreeSet;
use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use service_camp::core::scenario::{load_dir, validate};

const LIBRARY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios");

fn bench(c: &mut Criterion) {
    let dir = Path::new(LIBRARY);
    c.bench_function("load_dir builtin scenarios", |b| b.iter(|| load_dir(black_box(dir))));

    // The rubric's tag list lives in the scoring engine; the library's own tags stand in for
    // it, so validation takes its normal, all-known path.
    let library = load_dir(dir);
    let known: BTreeSet<String> = library.iter().flat_map(|s| s.tags()).map(|t| t.tag.to_owned()).collect();
    c.bench_function("validate builtin scenarios", |b| b.iter(|| validate(black_box(&library), &known)));
}

criterion_group!(benches, bench);
criterion_main!(benches);
