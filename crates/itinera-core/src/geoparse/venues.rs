//! Streets, roads, squares and venues found by their shape: a run of capitalised words ending
//! in a street's or a building's word ("Elm Street", "St. Peter's Square", "the Staples
//! Center", "Highway 403"). The gazetteer does not hold them; each is placed at the town the
//! text puts it in: the town after it ("Elm Street in Paris", "Main Street, Dayton"), another
//! town of its sentence, or the dateline; one that the text places nowhere is left out. They
//! are marked `in_name`, with the kinds `street` and `facility`. A town named inside one
//! ("Wembley Stadium", "Randwick Racecourse") stays the mention, marked `in_name`.

use super::{Mention, SenseKind};

/// What a head word makes of the run it ends.
fn head_kind(word: &str) -> Option<SenseKind> {
    Some(match word {
        "Street" | "St." | "Avenue" | "Ave." | "Road" | "Rd." | "Boulevard" | "Blvd." | "Lane"
        | "Drive" | "Square" | "Highway" | "Parkway" | "Expressway" | "Freeway" | "Turnpike"
        | "Bridge" | "Pike" | "Alley" | "Terrace" | "Promenade" => SenseKind::Street,
        "Stadium" | "Arena" | "Center" | "Centre" | "Airport" | "Hospital" | "Station"
        | "Plaza" | "Hall" | "Mall" | "Park" | "Coliseum" | "Dome" | "Garden" | "Gardens"
        | "Terminal" | "Tower" | "Palace" | "Cathedral" | "Church" | "Museum" | "Library"
        | "Jail" | "Prison" | "Courthouse" | "Racecourse" | "Speedway" | "Raceway" | "Pavilion"
        | "Theatre" | "Theater" | "Ballpark" | "Field" | "Cemetery" | "Zoo" | "Harbor"
        | "Harbour" | "Pier" | "Campus" => SenseKind::Facility,
        _ => return None,
    })
}

/// Words that may start a sentence or join a name but never begin a street's or a venue's
/// own name ("The", "A", "In").
fn is_opener(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "In"
            | "At"
            | "On"
            | "Of"
            | "To"
            | "From"
            | "By"
            | "For"
            | "And"
            | "But"
            | "Its"
            | "Our"
            | "Their"
            | "His"
            | "Her"
            | "This"
            | "That"
            | "New"
            | "Old"
    )
}

/// The most capitalised words a street's or venue's name holds before its head.
const MAX_NAME_WORDS: usize = 4;

/// A town named inside a venue's name farther than this, km, from the town the text places the
/// venue in is a namesake.
const NAMESAKE_KM: f64 = 150.0;

/// How far, bytes, the town that places a venue may be from it in the same sentence.
const SENTENCE_REACH: usize = 300;

/// A run found in the text: its span and kind.
struct Run {
    start: usize,
    end: usize,
    kind: SenseKind,
}

/// The runs of capitalised words that end in a head word, in text order, apart.
fn runs(text: &str) -> Vec<Run> {
    let bytes = text.as_bytes();
    let mut out: Vec<Run> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        // Word starts with an ASCII capital after a non-letter.
        let b = bytes[i];
        if !b.is_ascii_uppercase() || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < bytes.len() && (bytes[end].is_ascii_alphabetic()) {
            end += 1;
        }
        if end < bytes.len() && bytes[end] == b'.' {
            end += 1;
        }
        let word = &text[i..end];
        // "St." and "Ave." keep their dot; "Street." ends a sentence, the dot is not the word's.
        let (kind, word_end) = match head_kind(word) {
            Some(k) => (Some(k), end),
            None => {
                let bare = word.trim_end_matches('.');
                (head_kind(bare), i + bare.len())
            }
        };
        // "Highway 403", "Interstate 70", "Route 66": a numbered road needs no name of its own.
        let numbered = matches!(&text[i..word_end], "Highway" | "Interstate" | "Route")
            && text[word_end..]
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
        let kind = if numbered {
            Some(SenseKind::Street)
        } else {
            kind
        };
        let start = name_start(text, i).or(numbered.then_some(i));
        if let (Some(kind), Some(start)) = (kind, start) {
            let mut run_end = word_end;
            if kind == SenseKind::Street
                && let Some(num) = text[run_end..].strip_prefix(' ')
            {
                let digits = num.bytes().take_while(u8::is_ascii_digit).count();
                if (1..=4).contains(&digits) {
                    run_end += 1 + digits;
                }
            }
            match out.last_mut() {
                // "Madison Square Garden": a head word inside a longer name; the last head
                // says what it is.
                Some(last) if last.end > start => {
                    if run_end > last.end {
                        last.end = run_end;
                        last.kind = kind;
                    }
                }
                _ => out.push(Run {
                    start,
                    end: run_end,
                    kind,
                }),
            }
        }
        i = end.max(i + 1);
    }
    out
}

/// Where the name before a head word at `head` starts: up to [`MAX_NAME_WORDS`] capitalised
/// words (with "St.", possessives and "of"/"de" inside), none when there is no own word.
fn name_start(text: &str, head: usize) -> Option<usize> {
    let mut start = head;
    let mut words = 0;
    let mut own = 0;
    loop {
        let before = &text[..start];
        let Some(b) = before.strip_suffix(' ') else {
            break;
        };
        let word_start = b
            .rfind(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\'' || c == '’'))
            .map_or(0, |i| i + b[i..].chars().next().map_or(1, char::len_utf8));
        let word = &b[word_start..];
        let joins = matches!(word, "of" | "de" | "la" | "du" | "del");
        if word.is_empty() || !(word.starts_with(char::is_uppercase) || joins) {
            break;
        }
        // A possessive is the owner's name ("Moscow's Sheremetyevo Airport"), except a
        // saint's ("St. Peter's Square").
        if let Some(owner) = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")) {
            let saint = ["St.", "St", "Saint", "San", "Santa"]
                .iter()
                .any(|s| b[..word_start].trim_end_matches(' ').ends_with(s));
            if !saint || owner.is_empty() {
                break;
            }
        }
        if is_opener(word) || words == MAX_NAME_WORDS {
            break;
        }
        words += 1;
        own += usize::from(!joins);
        start = word_start;
    }
    // A name never starts with a joining word.
    while let Some(rest) = ["of ", "de ", "la ", "du ", "del "]
        .iter()
        .find_map(|j| text[start..head].strip_prefix(j))
    {
        start = head - rest.len();
    }
    (own > 0).then_some(start)
}

/// Whether a mention is a town, which can place a street or a venue.
fn town(m: &Mention) -> bool {
    matches!(m.kind, SenseKind::City | SenseKind::District)
}

/// The town the text places the run `r` in: the town right after it ("Elm Street in Paris",
/// "Main Street, Dayton"), else the nearest town of its sentence, else the `dateline`'s.
/// `mentions[at..next]` are the mentions inside the run.
fn placing_town<'m>(
    text: &str,
    mentions: &'m [Mention],
    r: &Run,
    at: usize,
    next: usize,
    dateline: Option<&'m Mention>,
) -> Option<&'m Mention> {
    let after = mentions
        .get(next)
        .filter(|m| town(m) && matches!(text.get(r.end..m.start), Some(", " | " in " | " near ")));
    let sentence = |m: &&Mention| {
        let (a, b) = if m.end <= r.start {
            (m.end, r.start)
        } else {
            (r.end, m.start)
        };
        b >= a && b - a <= SENTENCE_REACH && !text[a..b].contains(['.', '!', '?', '\n']) && town(m)
    };
    let reach = |m: &&Mention| m.start.abs_diff(r.start) <= 2 * SENTENCE_REACH;
    let near = mentions[..at]
        .iter()
        .rev()
        .take_while(reach)
        .chain(mentions[next..].iter().take_while(reach))
        .filter(sentence)
        .min_by_key(|m| m.start.abs_diff(r.start));
    after.or(near).or(dateline)
}

/// Adds the streets and venues of `text` to its resolved `mentions`: each replaces the
/// mentions inside it and takes its point from the town the text places it in.
pub(crate) fn add(text: &str, mentions: &mut Vec<Mention>) {
    let found = runs(text);
    if found.is_empty() {
        return;
    }
    let dateline = mentions
        .iter()
        .find(|m| town(m) && super::filter::is_dateline_name(text, m.start, m.end));
    let mut added: Vec<Mention> = Vec::new();
    let mut inner: Vec<usize> = Vec::new();
    // Mentions inside an added run that are no place of their own ("St. Peter" of "St.
    // Peter's Square").
    let mut replaced: Vec<usize> = Vec::new();
    // Mentions are in text order and apart: each run looks only at the mentions around it.
    for r in &found {
        // The first mention that ends after the run starts.
        let at = mentions.partition_point(|m| m.end <= r.start);
        // A name the gazetteer knows whole ("Da Nang International Airport") stays as found.
        if mentions
            .get(at)
            .is_some_and(|m| m.start <= r.start && m.end >= r.end)
        {
            continue;
        }
        // A place named inside it ("Wembley Stadium", "Ontario Provincial Highway 11") is the
        // mention; it is marked as inside a name, and the venue adds nothing. A saint's name
        // before a possessive ("St. Peter's Square") is no town.
        let before = inner.len();
        let mut next = at;
        // A mention across the run's edge ("Paris" of "Paris Street" read whole elsewhere)
        // leaves the run out.
        let mut across = false;
        let mut saints = Vec::new();
        while let Some(m) = mentions.get(next).filter(|m| m.start < r.end) {
            if m.start < r.start || m.end > r.end {
                across = true;
            } else if text[m.end..].starts_with(['\'', '’']) {
                saints.push(next);
            } else {
                inner.push(next);
            }
            next += 1;
        }
        if across {
            inner.truncate(before);
            continue;
        }
        let place = placing_town(text, mentions, r, at, next, dateline);
        if inner.len() > before {
            // A town inside the name far from where the text places the venue is a namesake
            // ("Sanford Stadium" in Athens, Georgia; "Madison Square Garden" in New York): the
            // venue is the mention. Otherwise the place inside stays the mention, marked.
            let far = place.is_some_and(|p| {
                inner[before..].iter().all(|&i| {
                    let m = &mentions[i];
                    m.kind == SenseKind::City
                        && crate::gazetteer::haversine_km((m.lat, m.lon), (p.lat, p.lon))
                            > NAMESAKE_KM
                })
            });
            if !far {
                continue;
            }
            replaced.extend(inner.drain(before..));
        }
        let Some(place) = place else {
            continue;
        };
        replaced.extend(saints);
        added.push(Mention {
            start: r.start,
            end: r.end,
            text: text[r.start..r.end].to_string(),
            name: text[r.start..r.end].to_string(),
            geonameid: None,
            kind: r.kind,
            country: place.country.clone(),
            lat: place.lat,
            lon: place.lon,
            score: place.score,
            in_name: true,
        });
    }
    for i in inner {
        mentions[i].in_name = true;
    }
    if added.is_empty() {
        return;
    }
    // An added run overlaps no other mention: one across its edge leaves it out, and places
    // inside it are kept instead.
    if !replaced.is_empty() {
        replaced.sort_unstable();
        let mut i = 0;
        mentions.retain(|_| {
            i += 1;
            replaced.binary_search(&(i - 1)).is_err()
        });
    }
    mentions.extend(added);
    mentions.sort_by_key(|m| m.start);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(&str, SenseKind)> {
        runs(text)
            .iter()
            .map(|r| (&text[r.start..r.end], r.kind))
            .collect()
    }

    #[test]
    fn streets_and_venues_are_runs_ending_in_a_head_word() {
        assert_eq!(
            spans("Shops on Grand River Street closed. The Staples Center sold out."),
            [
                ("Grand River Street", SenseKind::Street),
                ("Staples Center", SenseKind::Facility)
            ]
        );
        assert_eq!(
            spans("Crowds filled St. Peter's Square; take Highway 403 instead."),
            [
                ("St. Peter's Square", SenseKind::Street),
                ("Highway 403", SenseKind::Street)
            ]
        );
        // A head word alone, or after an opener, names nothing.
        assert!(spans("The Street was closed. In Park news, nothing.").is_empty());
        // A sentence's full stop after the head is not the head's.
        assert_eq!(
            spans("They live on Elm Street."),
            [("Elm Street", SenseKind::Street)]
        );
    }
}
