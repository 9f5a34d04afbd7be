//! The filter's word lists (`geodata/words.tsv`), loaded once into sets.

use super::hash::{FastMap, FastSet};
use std::sync::OnceLock;

/// One set per list of `geodata/words.tsv`; the file's comments say what each holds.
#[derive(Debug, Default)]
pub(crate) struct Words {
    pub function: FastSet<&'static str>,
    pub titles: FastSet<&'static str>,
    pub directions: FastSet<&'static str>,
    pub eponym_heads: FastSet<&'static str>,
    pub speech: FastSet<&'static str>,
    pub public_bodies: FastSet<&'static str>,
    pub org_heads: FastSet<&'static str>,
    pub common: FastSet<&'static str>,
    pub facilities: FastSet<&'static str>,
    /// Words that may end a place name, with what they say about it.
    pub designators: FastMap<&'static str, Designator>,
    /// Adjectives of countries ("irish") and the country's ISO code.
    pub demonyms: FastMap<&'static str, &'static str>,
}

/// What a designator ("region", "province", "county"...) says about the name it ends.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Designator {
    /// It designates a first-level region: the name before it is read as a region.
    pub region: bool,
    /// English news writes it as part of the region's name ("the Amur region").
    pub part_of_name: bool,
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
        let (word, flags) = word.split_once('\t').unwrap_or((word, ""));
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
            "demonyms" => {
                w.demonyms.insert(word, flags);
                continue;
            }
            "designators" => {
                let flags: Vec<&str> = flags.split(',').collect();
                let designator = Designator {
                    region: flags.contains(&"region"),
                    part_of_name: flags.contains(&"name"),
                };
                w.designators.insert(word, designator);
                continue;
            }
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
            &w.designators.keys().copied().collect(),
            &w.demonyms.keys().copied().collect(),
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
                    "demonyms",
                ]
                .contains(&list),
                "{line}"
            );
        }
        assert!(w.function.contains("the"));
        // A demonym names a country the gazetteer knows.
        for code in w.demonyms.values() {
            assert!(
                crate::gazetteer::Gazetteer::bundled().is_country_code(code),
                "{code}"
            );
        }
        // Flags are read, and only the listed ones: a flag's typo would go unnoticed.
        let krai = w.designators["krai"];
        assert!(krai.region && krai.part_of_name);
        assert_eq!(
            w.designators["province"],
            Designator {
                region: true,
                part_of_name: false
            }
        );
        assert_eq!(w.designators["county"], Designator::default());
        for line in itinera_data::WORDS
            .lines()
            .filter(|l| l.starts_with("designators\t"))
        {
            let flags = line.splitn(3, '\t').nth(2).unwrap_or_default();
            assert!(
                flags
                    .split(',')
                    .all(|f| ["", "region", "name"].contains(&f)),
                "{line}"
            );
        }
    }
}
