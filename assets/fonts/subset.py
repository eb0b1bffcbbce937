#!/usr/bin/env python3
"""Cut Noto Sans CJK SC down to what Service Camp needs, keeping each file under 10 MB.

Kept: every character of GB 2312, ASCII and Latin-1, common punctuation and symbols,
CJK punctuation, full-width forms, and every character used by the app's own
content (locale files, rubrics, scenarios). Re-run after adding content with new
characters; the glyph-coverage test says when that is needed.

Needs Debian's fonts-noto-cjk and `pip install fonttools`.
Usage: python3 assets/fonts/subset.py   (from the repository root)
"""
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCES = {
    "NotoSansSC-Regular.otf": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "NotoSansSC-Bold.otf": "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
}
SC_FACE_INDEX = 2  # in the .ttc collections: JP, KR, SC, TC, HK
CONTENT_GLOBS = ["assets/locales/*.ftl", "assets/rubrics/*.ron", "scenarios/*.ron", "quizzes/*.ron"]
RANGES = [
    (0x20, 0x7E), (0xA0, 0xFF),          # ASCII, Latin-1
    (0x2000, 0x206F), (0x2100, 0x215F),  # general punctuation, letterlike
    (0x2190, 0x21FF), (0x2460, 0x24FF),  # arrows, enclosed numbers
    (0x2500, 0x25FF), (0x2600, 0x26FF),  # box drawing, geometric shapes, misc symbols
    (0x2700, 0x27BF),                    # dingbats (✓ ✗ ★)
    (0x3000, 0x303F), (0xFF00, 0xFFEF),  # CJK punctuation, full-width forms
]


def gb2312_chars():
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                yield bytes([hi, lo]).decode("gb2312")
            except UnicodeDecodeError:
                pass


def wanted_text():
    chars = set(gb2312_chars())
    for lo, hi in RANGES:
        chars.update(chr(c) for c in range(lo, hi + 1))
    for pattern in CONTENT_GLOBS:
        for path in ROOT.glob(pattern):
            chars.update(path.read_text(encoding="utf-8"))
    chars.discard("\n")
    return "".join(sorted(chars))


def main():
    out_dir = pathlib.Path(__file__).resolve().parent
    text_file = out_dir / ".subset-chars.txt"
    text_file.write_text(wanted_text(), encoding="utf-8")
    try:
        for name, source in SOURCES.items():
            subprocess.run(
                [sys.executable, "-m", "fontTools.subset", source,
                 f"--font-number={SC_FACE_INDEX}", f"--text-file={text_file}",
                 "--layout-features=*", "--no-hinting", "--desubroutinize",
                 f"--output-file={out_dir / name}"],
                check=True,
            )
            size = (out_dir / name).stat().st_size
            print(f"{name}: {size / 1e6:.1f} MB")
            if size >= 10_000_000:
                sys.exit(f"{name} is over 10 MB")
    finally:
        text_file.unlink()


if __name__ == "__main__":
    main()
