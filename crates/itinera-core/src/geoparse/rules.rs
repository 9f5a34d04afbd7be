//! The geoparser's rules, listed in one table: each has a name, the step it belongs to and
//! the reason it exists. A [`RuleSet`] switches rules off, so that `itinera evaluate
//! --without RULE` measures what a rule is worth on any gold file.
//!
//! The filter's rules judge one mention at a time, in the table's order; the first that
//! decides wins (see `filter`). The resolution rules change which place a name is.

use std::fmt;

/// The step of geoparsing a rule belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Whether a name found in the text is a place mention here.
    Filter,
    /// Mentions added beside the names the scanner found.
    Find,
    /// Which place a mention is.
    Resolve,
}

impl Step {
    /// The step's name as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Filter => "filter",
            Step::Find => "find",
            Step::Resolve => "resolve",
        }
    }
}

macro_rules! rules {
    ($( $variant:ident, $name:literal, $step:ident, $reason:literal; )*) => {
        /// A named rule of the geoparser.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Rule { $( #[doc = $reason] $variant, )* }

        /// Every rule, in the order the geoparser applies them.
        pub const RULES: &[RuleInfo] = &[
            $( RuleInfo { rule: Rule::$variant, name: $name, step: Step::$step, reason: $reason }, )*
        ];
    };
}

rules! {
    Currency, "currency", Filter,
        "A country code that writes a currency (\"US$460\", \"A$10\") is not a place.";
    Eponym, "eponym", Filter,
        "A name before virus, fever, disease or strain (\"Marburg virus\") names the germ; a small place's name is the germ in the rest of the text too.";
    PersonByTitle, "person-title", Filter,
        "A name after a title (\"Sen. Bell\", \"Mayor Moore\") or speaking (\"Clifford said\") is a person, and that person elsewhere in the text unless a mention's own words say place.";
    Code, "code", Filter,
        "A name inside a strain or code (\"A/California/7/2009\") is not a mention.";
    CoordinatedAreas, "coordinated-areas", Filter,
        "Names coordinated before a plural designator (\"Shelby and Madison counties\") are areas of that kind.";
    OrganisationOf, "organisation-of", Filter,
        "A place after \"University of\", \"Bank of\" and other heads of organisations sits inside that name (kept with in_name).";
    Contraction, "contraction", Filter,
        "\"I'll\", \"we're\", \"don't\" are contractions, not the towns their letters spell.";
    SentenceStart, "sentence-start", Filter,
        "A one-word name that opens a sentence and that the text writes in lower case elsewhere, or that answers (\"Yes, ...\"), is that common word.";
    Capitals, "capitals", Filter,
        "A word in capitals is a country code (\"US\", \"UK\") or a dateline, never an acronym (\"KCNA\").";
    CommonWord, "common-word", Filter,
        "A one-word name that is a function word, title or everyday noun (\"By\", \"May\", \"Police\"), or of two letters, is not a mention.";
    HyphenPrefix, "hyphen-prefix", Filter,
        "The first half of a hyphenated name (\"Trans-Siberian\") is not a mention; before a lower-case word (\"Austin-based\") it is.";
    TitleOrFacility, "title-or-facility", Filter,
        "A name of several words that starts with a title is not a place; one that ends in a building's word (\"Kremlin Palace\", \"Da Nang International Airport\") is a facility (kept with in_name).";
    Designator, "designator", Filter,
        "A name before \"region\", \"province\", \"county\"... is that region (\"the Amur region\").";
    RegionContext, "region-context", Filter,
        "The words around a name choose the region or the city: \"Washington state\", \"the Quebec government\", \"the New York border\" are regions.";
    PublicBody, "public-body", Filter,
        "A country or region heading its public body (\"U.S. Army\", \"Ohio Department of Health\") is the place acting, inside the body's name (kept with in_name).";
    Organisation, "organisation", Filter,
        "A name heading an organisation or facility (\"Korea Times\", \"Pike County Jail\") sits inside that name (kept with in_name).";
    PersonRun, "person-run", Filter,
        "A name that is one word of a longer run of capitalised words (\"Kim Jong Il\", \"President Medvedev\") belongs to a person; the run's words are that person elsewhere too.";
    StateAbbreviation, "state-abbreviation", Find,
        "A region abbreviated after a place (\"Dublin, Ga.\", \"Paris, TN\") is a mention and settles the place before it.";
    Venues, "venues", Find,
        "A run of capitalised words ending in Street, Square, Stadium, Center, Airport... is a street or a venue, placed at the town the text puts it in (kept with in_name).";
    Apposition, "apposition", Resolve,
        "In \"Paris, Texas\" the place inside the region after the comma wins.";
    StoryGeography, "story-geography", Resolve,
        "The story's own geography (its dateline, the places it names unambiguously, \"City, ST\") pulls every name towards places near it.";
    Context, "context", Resolve,
        "A reading in a country and region the text names, near its other places, gains.";
    WeakTown, "weak-town", Resolve,
        "A one-word name read as a small town that nothing in the text supports is a person or a word.";
}

/// One row of the rule table.
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo {
    /// The rule.
    pub rule: Rule,
    /// Its name, as `--without` takes it.
    pub name: &'static str,
    /// The step it belongs to.
    pub step: Step,
    /// Why it exists.
    pub reason: &'static str,
}

impl Rule {
    /// The rule of that name, if there is one.
    pub fn from_name(name: &str) -> Option<Rule> {
        RULES.iter().find(|r| r.name == name).map(|r| r.rule)
    }

    /// The rule's name.
    pub fn name(self) -> &'static str {
        RULES.iter().find(|r| r.rule == self).map_or("", |r| r.name)
    }

    fn bit(self) -> u64 {
        1 << (self as u32)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Which rules are on. Every rule is on by default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RuleSet {
    off: u64,
}

impl RuleSet {
    /// Every rule on.
    pub fn all() -> RuleSet {
        RuleSet::default()
    }

    /// The same set with `rule` switched off.
    pub fn without(mut self, rule: Rule) -> RuleSet {
        self.off |= rule.bit();
        self
    }

    /// Whether `rule` is on.
    pub fn has(self, rule: Rule) -> bool {
        self.off & rule.bit() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_one_row_and_a_unique_name() {
        assert!(RULES.len() <= 64);
        for (i, r) in RULES.iter().enumerate() {
            assert_eq!(r.rule as usize, i);
            assert_eq!(Rule::from_name(r.name), Some(r.rule));
            assert!(r.reason.ends_with('.'), "{}", r.name);
        }
        assert_eq!(Rule::from_name("no-such-rule"), None);
    }

    #[test]
    fn a_set_switches_single_rules_off() {
        let set = RuleSet::all().without(Rule::Eponym);
        assert!(!set.has(Rule::Eponym));
        assert!(set.has(Rule::Currency) && set.has(Rule::WeakTown));
    }
}
