//! Fuzzes the JSON Lines reader of `extract --jsonl`: lines cut at a limit and skipped whole
//! when longer, whatever the buffer size, and each line read as `{"id", "text"}` or refused.
#![no_main]

use std::io::BufReader;

use itinera::source::{Line, bounded_line, parse_line};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [cap, max, rest @ ..] = data else { return };
    let (cap, max) = (usize::from(*cap % 16) + 1, usize::from(*max));
    // What the reader must give: each line (split at '\n'), or "too long" beyond `max`.
    let mut expected: Vec<Option<&[u8]>> = rest
        .split(|&b| b == b'\n')
        .map(|l| (l.len() <= max).then_some(l))
        .collect();
    if rest.is_empty() || rest.ends_with(b"\n") {
        expected.pop(); // no line after the last line break
    }
    let mut reader = BufReader::with_capacity(cap, rest);
    let mut buf = Vec::new();
    let mut got = Vec::new();
    loop {
        match bounded_line(&mut reader, &mut buf, max).expect("reading memory") {
            Line::End => break,
            Line::TooLong => got.push(None),
            Line::Read => {
                assert!(buf.len() <= max);
                got.push(Some(buf.clone()));
            }
        }
    }
    let got: Vec<Option<&[u8]>> = got.iter().map(Option::as_deref).collect();
    assert_eq!(got, expected);
    for line in got.into_iter().flatten() {
        let Ok((id, text)) = parse_line(line) else { continue };
        // What was read is what the line says.
        let bom = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
        let v: serde_json::Value = serde_json::from_slice(bom).expect("parsed once");
        assert_eq!(v["text"].as_str(), Some(text.as_str()));
        if let Some(id) = id {
            assert!(v["id"].is_string() || v["id"].is_number(), "{id}");
        }
    }
});
