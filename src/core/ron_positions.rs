//! Finds where a field sits in a RON source, so semantic errors (found on the parsed data)
//! can point at a line and column. Serde forgets positions; this lenient scanner recovers them
//! by walking the text and recording the offset of every field and list item by its path,
//! e.g. `dialogue.nodes[2].options[0].why.en`.

use std::collections::HashMap;

/// Nesting deeper than this stops the scan (the parser already rejects such files), so
/// hostile input cannot exhaust the stack; later paths fall back to their ancestors.
const MAX_DEPTH: usize = 128;

/// Byte offsets of the fields and list items of a RON document, keyed by path.
pub struct Positions {
    offsets: HashMap<String, usize>,
}

impl Positions {
    pub fn scan(source: &str) -> Self {
        let mut scanner = Scanner { src: source.as_bytes(), pos: 0, offsets: HashMap::new() };
        scanner.value("", 0);
        Positions { offsets: scanner.offsets }
    }

    /// The offset of `path`, or of its nearest recorded ancestor (a field left out of the
    /// file is reported at the structure that should hold it). `None` if nothing matches.
    pub fn offset(&self, path: &str) -> Option<usize> {
        let mut path = path;
        loop {
            if let Some(&offset) = self.offsets.get(path) {
                return Some(offset);
            }
            path = &path[..path.rfind(['.', '['])?];
        }
    }
}

struct Scanner<'a> {
    src: &'a [u8],
    pos: usize,
    offsets: HashMap<String, usize>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn skip_space_and_comments(&mut self) {
        loop {
            match (self.peek(), self.src.get(self.pos + 1)) {
                (Some(c), _) if c.is_ascii_whitespace() => self.pos += 1,
                (Some(b'/'), Some(b'/')) => {
                    while self.peek().is_some_and(|c| c != b'\n') {
                        self.pos += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    self.pos += 2;
                    while self.pos < self.src.len() && !self.src[self.pos..].starts_with(b"*/") {
                        self.pos += 1;
                    }
                    self.pos = (self.pos + 2).min(self.src.len());
                }
                _ => return,
            }
        }
    }

    fn identifier(&mut self) -> &str {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_') {
            self.pos += 1;
        }
        std::str::from_utf8(&self.src[start..self.pos]).unwrap_or_default()
    }

    /// Skips one value and records the positions inside it under `path`.
    fn value(&mut self, path: &str, depth: usize) {
        if depth > MAX_DEPTH {
            self.pos = self.src.len();
            return;
        }
        self.skip_space_and_comments();
        match self.peek() {
            None => {}
            Some(b'"') => self.string(),
            Some(b'\'') => {
                self.pos += 1;
                while let Some(c) = self.peek() {
                    self.pos += if c == b'\\' { 2 } else { 1 };
                    if c == b'\'' {
                        break;
                    }
                }
            }
            Some(b'r') if matches!(self.src.get(self.pos + 1), Some(b'"' | b'#')) => self.raw_string(),
            Some(open @ (b'(' | b'[' | b'{')) => self.group(open, path, depth),
            Some(c) if c.is_ascii_alphabetic() || c == b'_' => {
                // A struct name or an enum variant: a following group belongs to this value.
                // `Some(x)` is transparent, so `x` keeps the path of the option itself.
                let is_some = self.identifier() == "Some";
                self.skip_space_and_comments();
                match self.peek() {
                    Some(b'(') if is_some => {
                        self.pos += 1;
                        self.value(path, depth + 1);
                        self.skip_space_and_comments();
                        if self.peek() == Some(b')') {
                            self.pos += 1;
                        }
                    }
                    Some(open @ b'(') => self.group(open, path, depth),
                    _ => {}
                }
            }
            Some(_) => {
                // A number or another bare token: up to the next delimiter, at least one byte.
                self.pos += 1;
                while self.peek().is_some_and(|c| !b",)]}".contains(&c) && !c.is_ascii_whitespace()) {
                    self.pos += 1;
                }
            }
        }
    }

    fn string(&mut self) {
        self.pos += 1;
        while let Some(c) = self.peek() {
            self.pos += if c == b'\\' { 2 } else { 1 };
            if c == b'"' {
                return;
            }
        }
    }

    fn raw_string(&mut self) {
        self.pos += 1;
        let hashes = self.src[self.pos..].iter().take_while(|&&c| c == b'#').count();
        self.pos += hashes + 1;
        let mut closing = vec![b'"'];
        closing.extend(std::iter::repeat_n(b'#', hashes));
        while self.pos < self.src.len() && !self.src[self.pos..].starts_with(&closing) {
            self.pos += 1;
        }
        self.pos = (self.pos + closing.len()).min(self.src.len());
    }

    /// A `( … )`, `[ … ]` or `{ … }` group: struct fields are recorded as `path.name`,
    /// list and tuple items as `path[i]`.
    fn group(&mut self, open: u8, path: &str, depth: usize) {
        let close = match open {
            b'(' => b')',
            b'[' => b']',
            _ => b'}',
        };
        self.pos += 1;
        let mut index = 0;
        loop {
            self.skip_space_and_comments();
            match self.peek() {
                None => return,
                Some(c) if c == close => {
                    self.pos += 1;
                    return;
                }
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                _ => {}
            }
            let start = self.pos;
            let field = self.field_name(open, depth);
            let item_path = match field {
                Some(name) => join(path, &name),
                None => {
                    self.pos = start;
                    format!("{path}[{index}]")
                }
            };
            index += 1;
            self.offsets.entry(item_path.clone()).or_insert(start);
            self.value(&item_path, depth + 1);
            if self.pos == start {
                self.pos += 1; // an unexpected byte: step over it so scanning always ends
            }
        }
    }

    /// At a struct field `name:` (in a `(…)` group) or a map key `key:` (in `{…}`), consumes it
    /// and returns the name; otherwise returns `None` (the caller rewinds).
    fn field_name(&mut self, open: u8, depth: usize) -> Option<String> {
        let name = match (open, self.peek()) {
            (b'(', Some(c)) if c.is_ascii_alphabetic() || c == b'_' => self.identifier().to_owned(),
            (b'{', Some(_)) => {
                let start = self.pos;
                self.value("", depth + 1);
                String::from_utf8_lossy(&self.src[start..self.pos]).trim_matches('"').to_owned()
            }
            _ => return None,
        };
        self.skip_space_and_comments();
        if self.peek() == Some(b':') {
            self.pos += 1;
            Some(name)
        } else {
            None
        }
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() { name.to_owned() } else { format!("{path}.{name}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r##"// comment with ( and "
Scenario(
    id: "x",
    title: (zh: "标题, (不是字段)", en: ""),
    tags: ["a", r#"b"c"#],
    dialogue: Some((
        nodes: [
            (id: "n1", options: []),
            /* block ) */ (id: "n2", options: [(text: (zh: "好", en: "ok"))]),
        ],
    )),
)"##;

    fn line_col(offset: usize) -> (usize, usize) {
        let before = &DOC[..offset];
        (before.matches('\n').count() + 1, before.rsplit('\n').next().unwrap().chars().count() + 1)
    }

    #[test]
    fn finds_fields_and_items_by_path() {
        let p = Positions::scan(DOC);
        assert_eq!(line_col(p.offset("id").unwrap()), (3, 5));
        assert_eq!(line_col(p.offset("title.en").unwrap()), (4, 31));
        assert_eq!(line_col(p.offset("tags[1]").unwrap()), (5, 17));
        assert_eq!(line_col(p.offset("dialogue.nodes[1].id").unwrap()), (9, 28));
        assert_eq!(line_col(p.offset("dialogue.nodes[1].options[0].text.en").unwrap()), (9, 65));
    }

    #[test]
    fn missing_paths_fall_back_to_the_nearest_ancestor() {
        let p = Positions::scan(DOC);
        assert_eq!(p.offset("dialogue.nodes[0].ending"), p.offset("dialogue.nodes[0]"));
        assert_eq!(p.offset("nothing.here"), None);
    }

    #[test]
    fn garbage_gives_no_positions_and_ends() {
        for src in ["(((", ")]}", "(a: \"unterminated", "r#\"x", "[,,,]", "(a b c : : )", "/*"] {
            assert_eq!(Positions::scan(src).offset("nothing.here"), None, "{src}");
        }
        // 200,000 open brackets: the scan ends and finds nothing. It runs on its own thread so an
        // endless loop fails this test after a minute instead of hanging the run.
        let (done, finished) = std::sync::mpsc::channel();
        std::thread::spawn(move || done.send(Positions::scan(&"[(".repeat(100_000)).offset("x")));
        assert_eq!(finished.recv_timeout(std::time::Duration::from_secs(60)), Ok(None));
    }
}
