//! The filter's word lists (`geodata/words.tsv`), loaded once into sets.

use std::collections::HashSet;
use std::sync::OnceLock;

/// One set per list of `geodata/words.tsv`; the file's comments say what each holds.
#[derive(Debug, Default)]
pub(crate) struct Words {
    pub function: HashSet<&'static str>,
    pub titles: HashSet<&'static str>,
    pub directions: HashSet<&'static str>,
    pub eponym_heads: HashSet<&'static str>,
    pub speech: HashSet<&'static str>,
    pub public_bodies: HashSet<&'static str>,
    pub org_heads: HashSet<&'static str>,
    pub common: HashSet<&'static str>,
    pub facilities: HashSet<&'static str>,
    pub designators: HashSet<&'static str>,
    pub part_of_name: HashSet<&'static str>,
}

/// The word lists, parsed on first use.
pub(crate) fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| parse(itinera_data::WORDS))
}

fn parse(text: &'static str) -> Words {
    let mut w = Words::default();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let Some((list, word)) = line.split_once('\t') else {
            continue;
        };
        let set = match list {
            "function" => &mut w.function,
            "titles" => &mut w.titles,
            "directions" => &mut w.directions,
            "eponym_heads" => &mut w.eponym_heads,
            "speech" => &mut w.speech,
            "public_bodies" => &mut w.public_bodies,
            "org_heads" => &mut w.org_heads,
            "common" => &mut w.common,
            "facilities" => &mut w.facilities,
            "designators" => &mut w.designators,
            "part_of_name" => &mut w.part_of_name,
            _ => continue,
        };
        set.insert(word);
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::fold;

    #[test]
    fn every_list_is_loaded_and_folded() {
        let w = words();
        let lists = [
            &w.function,
            &w.titles,
            &w.directions,
            &w.eponym_heads,
            &w.speech,
            &w.public_bodies,
            &w.org_heads,
            &w.common,
            &w.facilities,
            &w.designators,
            &w.part_of_name,
        ];
        for set in lists {
            assert!(!set.is_empty());
            for word in set {
                // Lookups compare folded keys: a word that folding changes would never match.
                assert_eq!(fold(word), *word);
            }
        }
        // Every row names a known list: a typo in a list name would drop its words silently.
        for line in itinera_data::WORDS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let list = line.split('\t').next().unwrap_or_default();
            assert!(
                [
                    "function",
                    "titles",
                    "directions",
                    "eponym_heads",
                    "speech",
                    "public_bodies",
                    "org_heads",
                    "common",
                    "facilities",
                    "designators",
                    "part_of_name",
                ]
                .contains(&list),
                "{line}"
            );
        }
        assert!(w.function.contains("the") && w.part_of_name.contains("krai"));
    }
}
