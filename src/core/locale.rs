//! UI strings: Fluent files per language (`assets/locales/zh-CN.ftl`, `en.ftl`), editable
//! without recompiling and switchable at run time. A broken or missing file never stops
//! the app: the copy compiled into the binary takes over and the problem is reported
//! with `file:line:col`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

use crate::core::content_error::ContentError;
use crate::core::lang::Lang;

/// The locale files shipped with the app, used when the editable copy is unusable.
const BUILTIN: [(Lang, &str); 2] = [
    (Lang::Zh, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/locales/zh-CN.ftl"))),
    (Lang::En, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/locales/en.ftl"))),
];

/// Both languages' strings, loaded once; switching language is only a lookup change.
pub struct Locales {
    bundles: Vec<(Lang, FluentBundle<FluentResource>)>,
    /// Each language's message ids, in file order (a bundle cannot list its own).
    ids: Vec<(Lang, Vec<String>)>,
    /// Problems found while loading, shown to the trainer in a banner.
    pub errors: Vec<ContentError>,
    /// Keys asked for but defined in no file: tests walk every screen and expect none.
    missing: Mutex<BTreeSet<String>>,
}

impl Locales {
    /// Loads `<dir>/zh-CN.ftl` and `<dir>/en.ftl`, falling back per file to the built-in copy.
    pub fn load(dir: &Path) -> Locales {
        let mut errors = Vec::new();
        let (bundles, ids) = BUILTIN
            .iter()
            .map(|&(lang, builtin)| {
                let path = locale_path(dir, lang);
                let resource =
                    match crate::core::limits::read_text_capped(&path, crate::core::limits::MAX_CONTENT_FILE_BYTES) {
                        Ok(source) => match parse_ftl(&path, source) {
                            Ok(resource) => resource,
                            Err(mut errs) => {
                                errors.append(&mut errs);
                                builtin_resource(lang, builtin)
                            }
                        },
                        Err(e) => {
                            errors.push(e);
                            builtin_resource(lang, builtin)
                        }
                    };
                let ids = message_ids(&resource);
                ((lang, bundle_for(lang, resource)), (lang, ids))
            })
            .unzip();
        Locales { bundles, ids, errors, missing: Mutex::default() }
    }

    /// The strings compiled into the binary, parsed once: for core's words when no edited
    /// locale files are at hand (tests, a tool run without the app's assets).
    pub fn compiled_in() -> &'static Locales {
        static COMPILED_IN: std::sync::OnceLock<Locales> = std::sync::OnceLock::new();
        COMPILED_IN.get_or_init(Locales::builtin)
    }

    /// The strings compiled into the binary (tests, and the tour when no assets are found).
    pub fn builtin() -> Locales {
        let (bundles, ids) = BUILTIN
            .iter()
            .map(|&(lang, builtin)| {
                let resource = builtin_resource(lang, builtin);
                let ids = message_ids(&resource);
                ((lang, bundle_for(lang, resource)), (lang, ids))
            })
            .unzip();
        Locales { bundles, ids, errors: Vec::new(), missing: Mutex::default() }
    }

    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        &self.bundles.iter().find(|(l, _)| *l == lang).expect("a bundle is loaded for every language").1
    }

    /// The string for `key` in `lang`. A missing key shows as the key itself so a
    /// typo in a locale file is visible on screen rather than blank.
    pub fn get(&self, lang: Lang, key: &str) -> String {
        self.format(lang, key, None)
    }

    /// The string for `key` with named arguments, e.g. `[("count", 6.into())]`.
    pub fn get_args(&self, lang: Lang, key: &str, args: &[(&str, FluentValue)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(lang, key, Some(&fluent_args))
    }

    fn format(&self, lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
        let bundle = self.bundle(lang);
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            if let Ok(mut missing) = self.missing.lock() {
                missing.insert(format!("{}:{key}", lang.locale_tag()));
            }
            return key.to_owned();
        };
        let mut errors = Vec::new();
        bundle.format_pattern(pattern, args, &mut errors).into_owned()
    }
}

impl Locales {
    /// Every string of `lang` whose key starts with `prefix` (e.g. the phone page's `phone-`).
    pub fn strings_with_prefix(&self, lang: Lang, prefix: &str) -> std::collections::BTreeMap<String, String> {
        let ids = self.ids.iter().find(|(l, _)| *l == lang).map(|(_, ids)| ids.as_slice()).unwrap_or_default();
        ids.iter().filter(|id| id.starts_with(prefix)).map(|id| (id.clone(), self.get(lang, id))).collect()
    }

    /// Every `language:key` looked up so far that no locale file defines.
    pub fn missing_keys(&self) -> BTreeSet<String> {
        self.missing.lock().map(|m| m.clone()).unwrap_or_default()
    }
}

fn locale_path(dir: &Path, lang: Lang) -> PathBuf {
    dir.join(format!("{}.ftl", lang.locale_tag()))
}

fn builtin_resource(lang: Lang, source: &str) -> FluentResource {
    parse_ftl(Path::new(lang.locale_tag()), source.to_owned())
        .unwrap_or_else(|errors| panic!("built-in locale does not parse: {errors:?}"))
}

fn bundle_for(lang: Lang, resource: FluentResource) -> FluentBundle<FluentResource> {
    let tag = lang.locale_tag().parse().expect("locale tags are valid");
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // Unicode isolation marks around arguments render as boxes in egui.
    bundle.set_use_isolating(false);
    // Duplicate ids are reported by `message_ids`; the first definition wins here.
    let _ = bundle.add_resource(resource);
    bundle
}

/// Parses a Fluent file, reporting every syntax error with its position.
pub fn parse_ftl(path: &Path, source: String) -> Result<FluentResource, Vec<ContentError>> {
    let source = match source.strip_prefix('\u{feff}') {
        Some(without_bom) => without_bom.to_owned(),
        None => source,
    };
    FluentResource::try_new(source).map_err(|(resource, errors)| {
        errors.iter().map(|e| ContentError::at_offset(path, resource.source(), e.pos.start, e.to_string())).collect()
    })
}

/// The message ids defined in a Fluent file, in order, for parity and duplicate checks.
pub fn message_ids(resource: &FluentResource) -> Vec<String> {
    resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(message) => Some(message.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// Keys present in one locale but not the other, as `(key, language that lacks it)`.
pub fn parity_gaps(a: (Lang, &BTreeSet<String>), b: (Lang, &BTreeSet<String>)) -> Vec<(String, Lang)> {
    let missing_in_b = a.1.difference(b.1).map(|k| (k.clone(), b.0));
    let missing_in_a = b.1.difference(a.1).map(|k| (k.clone(), a.0));
    missing_in_b.chain(missing_in_a).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_error_is_reported_with_line_and_column_and_builtin_takes_over() {
        let dir = std::env::temp_dir().join(format!("sc-locales-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("zh-CN.ftl"), "app-title = 服务训练营\n\n= broken\n").unwrap();
        std::fs::write(dir.join("en.ftl"), "app-title = Edited title\n").unwrap();
        let locales = Locales::load(&dir);
        std::fs::remove_dir_all(&dir).unwrap();

        assert_eq!(locales.errors.len(), 1, "{:?}", locales.errors);
        let err = &locales.errors[0];
        assert!(err.file.ends_with("zh-CN.ftl"));
        assert_eq!((err.line, err.col), (3, 1));
        // The broken Chinese file falls back to the built-in strings…
        assert_eq!(locales.get(Lang::Zh, "app-title"), "服务训练营");
        // …while the valid English edit is used as written.
        assert_eq!(locales.get(Lang::En, "app-title"), "Edited title");
    }

    #[test]
    fn missing_key_shows_the_key_and_is_recorded() {
        let locales = Locales::builtin();
        assert_eq!(locales.get(Lang::En, "no-such-key"), "no-such-key");
        assert_eq!(locales.missing_keys(), BTreeSet::from(["en:no-such-key".to_owned()]));
    }

    #[test]
    fn arguments_are_formatted_without_isolation_marks() {
        let text = Locales::builtin().get_args(Lang::En, "teams-count", &[("count", 6.into())]);
        assert_eq!(text, "6 teams");
    }

    #[test]
    fn parity_gaps_name_the_language_missing_each_key() {
        let zh: BTreeSet<String> = ["a", "b"].map(String::from).into();
        let en: BTreeSet<String> = ["b", "c"].map(String::from).into();
        let gaps = parity_gaps((Lang::Zh, &zh), (Lang::En, &en));
        assert_eq!(gaps, vec![("a".into(), Lang::En), ("c".into(), Lang::Zh)]);
    }
}
