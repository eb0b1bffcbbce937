//! File names made from what trainers type (session and team names): one safe path component
//! on Windows, macOS and Linux, never a way out of the export folder.

/// Long enough for a session name, short enough that a suffix still fits the 255-byte limit of
/// common file systems (a Chinese letter takes 3 bytes in UTF-8).
pub const MAX_FILE_NAME_CHARS: usize = 60;

/// Names Windows reserves for devices, whatever follows them.
const WINDOWS_DEVICES: [&str; 4] = ["CON", "PRN", "AUX", "NUL"];

/// `name` as a single path component: letters of any script (Chinese included) and ASCII digits
/// are kept; every other run of characters (separators, dots, punctuation, control characters,
/// emoji) becomes one `-`. The result is at most [`MAX_FILE_NAME_CHARS`] characters, never a
/// Windows device name, and `fallback` when nothing usable is left.
pub fn safe_file_name(name: &str, fallback: &str) -> String {
    let mut safe = String::new();
    let mut kept = 0;
    for c in name.chars() {
        if kept == MAX_FILE_NAME_CHARS {
            break;
        }
        // Only ASCII digits: Windows also reads COM¹ and LPT² as devices.
        let keep = c.is_alphabetic() || c.is_ascii_digit() || c == '_';
        if keep {
            safe.push(c);
        } else if !safe.is_empty() && !safe.ends_with('-') {
            safe.push('-');
        } else {
            continue;
        }
        kept += 1;
    }
    let safe = safe.trim_end_matches('-');
    // The fallback is held to the same rule: a caller's "con" is no safer than a trainer's.
    let safe = if safe.is_empty() { fallback } else { safe };
    if is_windows_device(safe) { format!("{safe}_") } else { safe.to_string() }
}

fn is_windows_device(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    let numbered_port = (upper.starts_with("COM") || upper.starts_with("LPT"))
        && upper.len() == 4
        && upper.as_bytes()[3].is_ascii_digit();
    WINDOWS_DEVICES.contains(&upper.as_str()) || numbered_port
}

#[cfg(test)]
mod tests {
    use std::path::{Component, Path};

    use proptest::prelude::*;

    use super::*;

    #[test]
    fn keeps_chinese_and_replaces_what_file_systems_refuse() {
        assert_eq!(safe_file_name("华东物流客服训练营 · 第一天", "x"), "华东物流客服训练营-第一天");
        assert_eq!(safe_file_name("../../etc/passwd", "x"), "etc-passwd");
        assert_eq!(safe_file_name(r"C:\Users\a:b", "x"), "C-Users-a-b");
        assert_eq!(safe_file_name("闪电队 ⚡", "x"), "闪电队");
        assert_eq!(safe_file_name("a\0b\nc\u{7f}d", "x"), "a-b-c-d");
        assert_eq!(safe_file_name("..", "team"), "team");
        assert_eq!(safe_file_name("🔥🔥", "team"), "team");
        assert_eq!(safe_file_name("", "con"), "con_", "a fallback that is a device name too");
        assert_eq!(safe_file_name("con", "x"), "con_");
        assert_eq!(safe_file_name("NUL.txt", "x"), "NUL-txt");
        assert_eq!(safe_file_name("LPT1", "x"), "LPT1_");
        assert_eq!(safe_file_name(&"长".repeat(200), "x").chars().count(), MAX_FILE_NAME_CHARS);
    }

    proptest! {
        #[test]
        fn any_name_gives_one_safe_component_inside_the_folder(name in any::<String>(), fallback in "[a-z]{1,8}") {
            let safe = safe_file_name(&name, &fallback);
            prop_assert!(!safe.is_empty() && safe.chars().count() <= MAX_FILE_NAME_CHARS);
            prop_assert!(!is_windows_device(&safe), "{safe}");
            prop_assert!(!safe.starts_with('-') && !safe.ends_with('-') && !safe.ends_with('.'));
            prop_assert!(safe.chars().all(|c| !c.is_control() && !r#"/\:*?"<>|."#.contains(c)), "{safe:?}");
            let folder = Path::new("out");
            let path = folder.join(&safe);
            let components: Vec<Component> = Path::new(&safe).components().collect();
            prop_assert_eq!(components, vec![Component::Normal(safe.as_ref())]);
            prop_assert_eq!(path.parent(), Some(folder));
        }
    }
}
