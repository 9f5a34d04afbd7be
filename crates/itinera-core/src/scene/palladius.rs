//! Pinyin in Cyrillic by the Palladius system, the Russian convention for Chinese names
//! ("Daqing" -> "дацин", "Manzhouli" -> "маньчжоули"), so that `--label-lang ru` can tell a
//! Russian name of a Chinese place from a Mongolian or phonetic one ("Дачин"): the Russian name
//! is the one closest to this transcription. Used only to compare names, so a syllable that is
//! not pinyin ("Hailar"'s `r`) passes through letter by letter.

/// Initials, two letters first, with their Palladius spelling.
const INITIALS: &[(&str, &str)] = &[
    ("zh", "чж"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("b", "б"),
    ("p", "п"),
    ("m", "м"),
    ("f", "ф"),
    ("d", "д"),
    ("t", "т"),
    ("n", "н"),
    ("l", "л"),
    ("g", "г"),
    ("k", "к"),
    ("h", "х"),
    ("j", "цз"),
    ("q", "ц"),
    ("x", "с"),
    ("r", "ж"),
    ("z", "цз"),
    ("c", "ц"),
    ("s", "с"),
];

/// Finals after an initial, longest first within each start.
const FINALS: &[(&str, &str)] = &[
    ("iang", "ян"),
    ("iong", "юн"),
    ("uang", "уан"),
    ("ang", "ан"),
    ("eng", "эн"),
    ("ong", "ун"),
    ("iao", "яо"),
    ("ian", "янь"),
    ("ing", "ин"),
    ("uai", "уай"),
    ("uan", "уань"),
    ("ai", "ай"),
    ("ao", "ао"),
    ("an", "ань"),
    ("ei", "эй"),
    ("en", "энь"),
    ("er", "эр"),
    ("ou", "оу"),
    ("ia", "я"),
    ("ie", "е"),
    ("iu", "ю"),
    ("in", "инь"),
    ("ua", "уа"),
    ("uo", "о"),
    ("ui", "уй"),
    ("un", "унь"),
    ("ue", "юэ"),
    ("a", "а"),
    ("o", "о"),
    ("e", "э"),
    ("i", "и"),
    ("u", "у"),
    ("v", "юй"),
];

/// Syllables without an initial (`y`, `w` and the bare vowels), longest first.
const WHOLE: &[(&str, &str)] = &[
    ("yuan", "юань"),
    ("yang", "ян"),
    ("ying", "ин"),
    ("yong", "юн"),
    ("wang", "ван"),
    ("weng", "вэн"),
    ("yao", "яо"),
    ("yan", "янь"),
    ("yin", "инь"),
    ("you", "ю"),
    ("yue", "юэ"),
    ("yun", "юнь"),
    ("wai", "вай"),
    ("wan", "вань"),
    ("wei", "вэй"),
    ("wen", "вэнь"),
    ("ya", "я"),
    ("ye", "е"),
    ("yi", "и"),
    ("yu", "юй"),
    ("wa", "ва"),
    ("wo", "во"),
    ("wu", "у"),
];

/// A pinyin name ("Manzhouli", "Qiqihar") in Palladius Cyrillic, lower case. An apostrophe,
/// space or hyphen ends a syllable ("Xi'an").
pub(crate) fn palladius(pinyin: &str) -> String {
    pinyin
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphabetic())
        .map(syllables)
        .collect()
}

/// One run of letters, syllable by syllable, each the longest that matches.
fn syllables(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(ch) = rest.chars().next() {
        if let Some((p, c)) = WHOLE.iter().find(|(p, _)| rest.starts_with(p)) {
            out.push_str(c);
            rest = &rest[p.len()..];
            continue;
        }
        let (initial, after) = INITIALS
            .iter()
            .find(|(p, _)| rest.starts_with(p))
            .map_or(("", ""), |&(p, c)| (p, c));
        let tail = &rest[initial.len()..];
        match FINALS.iter().find(|(p, _)| tail.starts_with(p)) {
            Some((p, c)) => {
                out.push_str(after);
                out.push_str(&final_after(initial, p, c));
                rest = &tail[p.len()..];
            }
            None => {
                // Not a pinyin syllable here: the letter alone.
                out.push_str(letter(ch));
                rest = &rest[ch.len_utf8()..];
            }
        }
    }
    out
}

/// A final as it is written after its initial: `i` is `ы` after z, c, s; `u`, `un`, `uan`
/// after j, q, x are `ü` forms (юй, юнь, юань).
fn final_after(initial: &str, pinyin: &str, cyrillic: &str) -> String {
    match (initial, pinyin) {
        ("z" | "c" | "s", "i") => "ы".into(),
        ("j" | "q" | "x", "u") => "юй".into(),
        ("j" | "q" | "x", "un") => "юнь".into(),
        ("j" | "q" | "x", "uan") => "юань".into(),
        _ => cyrillic.into(),
    }
}

fn letter(c: char) -> &'static str {
    match c {
        'r' => "р",
        'n' => "н",
        'l' => "л",
        'm' => "м",
        'k' => "к",
        't' => "т",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::palladius;

    #[test]
    fn cities_of_the_north_east() {
        // Russian Wikipedia's titles of these cities, which follow the system.
        for (pinyin, russian) in [
            ("Daqing", "дацин"),
            ("Manzhouli", "маньчжоули"),
            ("Hailar", "хайлар"),
            ("Mudanjiang", "муданьцзян"),
            ("Jiamusi", "цзямусы"),
            ("Suifenhe", "суйфэньхэ"),
            ("Heihe", "хэйхэ"),
            ("Shenyang", "шэньян"),
            ("Xi'an", "сиань"),
            ("Qingdao", "циндао"),
            ("Yanji", "яньцзи"),
            ("Zhengzhou", "чжэнчжоу"),
        ] {
            assert_eq!(palladius(pinyin), russian, "{pinyin}");
        }
    }
}
