//! Queries as people type them, answered: coordinates or a name qualified by regions or
//! countries ([`Gazetteer::geocode`], [`Gazetteer::find`]), with the errors that say where the
//! places of a name are; and the areas a qualifier names.

use super::*;

impl Gazetteer {
    /// What a query as typed means: coordinates, with the place to name the point by, or the
    /// ranked candidates of a (qualified) name, as [`Gazetteer::find`] gives them.
    ///
    /// # Errors
    /// As [`Gazetteer::find`], and [`Error::Invalid`] for text that is written like coordinates
    /// but is not a valid pair.
    pub fn geocode(
        &self,
        text: &str,
        options: &LookupOptions,
        user: Option<&UserGazetteer>,
    ) -> Result<Geocoded> {
        match Query::parse(text) {
            Ok(Query::Point { lat, lon }) => Ok(Geocoded::Point {
                lat,
                lon,
                near: self.nearest(lat, lon),
            }),
            Ok(Query::Name { .. }) => self
                .find_text(text, &[], options, user)
                .map(Geocoded::Places),
            Err(e) => Err(Error::invalid(
                InvalidKind::Query,
                e.0,
                Some(query::COORDINATE_HELP.into()),
            )),
        }
    }

    /// Candidate places for a name as typed, qualified or not ("Paris, Tenn."), with `extra`
    /// qualifiers (a trip stop's `region`). A name that itself holds a comma or parentheses
    /// ("Frankfurt (Oder)") is found whole when its parts find nothing.
    ///
    /// # Errors
    /// As [`Gazetteer::find`], for the name read with its qualifiers.
    pub fn find_text(
        &self,
        text: &str,
        extra: &[&str],
        options: &LookupOptions,
        user: Option<&UserGazetteer>,
    ) -> Result<Vec<Candidate>> {
        let whole = text.trim();
        let (name, mut qualifiers) = match Query::parse(whole) {
            Ok(Query::Name { name, qualifiers }) => (name, qualifiers),
            _ => (whole, Vec::new()),
        };
        qualifiers.extend_from_slice(extra);
        match self.find(name, &qualifiers, options, user) {
            Err(e) if name != whole => self.find(whole, extra, options, user).map_err(|_| e),
            found => found,
        }
    }

    /// Candidate places for a name qualified by regions or countries (as [`Gazetteer::geocode`] reads them from `Name, Region, Country`), best
    /// first; places from the user's gazetteer come before the bundled ones. Each qualifier
    /// keeps the candidates that lie in one of the areas it names.
    ///
    /// # Errors
    /// [`Error::UnknownPlace`] (with suggestions) when no place has the name;
    /// [`Error::Invalid`] when a qualifier names no known region or country, or when no place
    /// of that name lies there (the help line says where places of that name are).
    pub fn find(
        &self,
        name: &str,
        qualifiers: &[&str],
        options: &LookupOptions,
        user: Option<&UserGazetteer>,
    ) -> Result<Vec<Candidate>> {
        if name.trim().is_empty() {
            return Err(Error::invalid(
                InvalidKind::Query,
                "empty place name".to_string(),
                Some("give a place name, or coordinates such as 42.42,130.65".into()),
            ));
        }
        let chars = name.chars().count();
        if chars > MAX_NAME_CHARS {
            return Err(Error::invalid(
                InvalidKind::Query,
                format!("a place name of {chars} characters; names are at most {MAX_NAME_CHARS}"),
                Some("a whole text goes to `itinera extract`".into()),
            ));
        }
        let mut found = user.map(|u| u.lookup(name)).unwrap_or_default();
        found.extend(self.lookup(name, options));
        if found.is_empty() {
            found.extend(self.correction(name));
        }
        if found.is_empty() {
            return Err(Error::UnknownPlace {
                name: name.to_string(),
                location: None,
                suggestions: self.suggest(name, 3),
            });
        }
        for q in qualifiers {
            let areas = self.areas(q);
            if areas.is_empty() {
                let suggestions: Vec<String> = self
                    .suggest(q, 3)
                    .into_iter()
                    .map(|s| format!("`{s}`"))
                    .collect();
                let help = if suggestions.is_empty() {
                    "after the comma, write a region or country (`Springfield, Illinois`), a US \
                     state code (`Paris, TN`), an AP abbreviation (`Paris, Tenn.`) or an ISO \
                     3166-2 code (`Khasan, RU-PRI`)"
                        .to_string()
                } else {
                    format!("did you mean {}?", suggestions.join(" or "))
                };
                return Err(Error::invalid(
                    InvalidKind::Query,
                    format!("unknown region or country `{q}` in `{name}, {q}`"),
                    Some(help),
                ));
            }
            let all = std::mem::take(&mut found);
            let (inside, outside): (Vec<Candidate>, Vec<Candidate>) = all
                .into_iter()
                .partition(|c| areas.iter().any(|a| a.contains(&c.place)));
            if inside.is_empty() {
                let mut elsewhere: Vec<String> = Vec::new();
                for c in &outside {
                    let at = area_label(&c.place);
                    if !elsewhere.contains(&at) {
                        elsewhere.push(at);
                    }
                    if elsewhere.len() == 4 {
                        break;
                    }
                }
                return Err(Error::invalid(
                    InvalidKind::Query,
                    format!("no place `{name}` in `{q}`"),
                    Some(format!(
                        "places named `{name}` are in {}",
                        elsewhere.join("; ")
                    )),
                ));
            }
            found = inside;
        }
        Ok(found)
    }

    /// The areas a qualifier may name: countries (by ISO code, name or alias), first-level
    /// regions (by name, ISO 3166-2 code such as `RU-PRI`, US, Canadian and Australian codes
    /// such as `TN`, AP abbreviations such as `Tenn.` or `W.Va.`), and the region of a
    /// second-level division ("Sangamon County"). Empty when it names none.
    pub fn areas(&self, qualifier: &str) -> Vec<Area> {
        let mut out: Vec<Area> = Vec::new();
        let t = tables();
        if let Some(regions) = region_codes().get(&fold(qualifier)) {
            out.extend(regions);
        }
        let upper = qualifier.trim().to_ascii_uppercase();
        if let Some((code, _)) = t.countries.get_key_value(upper.as_str()) {
            out.push(Area {
                country: code,
                admin1: None,
            });
        }
        for c in self.lookup(qualifier, &LookupOptions::default()) {
            if c.how == MatchKind::Romanised {
                continue;
            }
            let (Cow::Borrowed(country), Cow::Borrowed(admin1)) =
                (&c.place.country, &c.place.admin1)
            else {
                continue;
            };
            let area = match c.place.kind {
                PlaceKind::City | PlaceKind::Airport | PlaceKind::Feature => continue,
                PlaceKind::Country => Area {
                    country,
                    admin1: None,
                },
                PlaceKind::Region | PlaceKind::District => Area {
                    country,
                    admin1: Some(admin1),
                },
            };
            if !out.contains(&area) {
                out.push(area);
            }
        }
        out
    }

    /// The regions an abbreviation stands for, as written after a city ("TN", "Tenn.",
    /// "W.Va.", "W. Va.", "B.C."; case and spaces aside, dots as written), without reading it
    /// as a name and without ISO 3166-2 codes, whose hyphen folding would lose ("U.S.Mt" is
    /// not "US-MT").
    pub fn region_abbreviation_areas(&self, written: &str) -> Vec<Area> {
        static ABBREVIATIONS: OnceLock<HashMap<String, Vec<Area>>> = OnceLock::new();
        let key = |s: &str| s.replace(' ', "").to_ascii_lowercase();
        let table = ABBREVIATIONS.get_or_init(|| {
            let mut out = HashMap::new();
            for (area, _, abbreviations) in region_code_rows() {
                for abbreviation in abbreviations.split(',') {
                    add_area(&mut out, key(abbreviation), area);
                }
            }
            out
        });
        table.get(&key(written)).cloned().unwrap_or_default()
    }

    /// The first-level region of an area that names one.
    pub fn region(&self, area: Area) -> Option<Place> {
        static REGIONS: OnceLock<HashMap<(&'static str, &'static str), u32>> = OnceLock::new();
        let index = REGIONS.get_or_init(|| {
            let g = Gazetteer::bundled();
            g.places_of_kind(PlaceKind::Region)
                .filter_map(|p| match (&p.country, &p.admin1) {
                    (Cow::Borrowed(cc), Cow::Borrowed(a1)) => Some(((*cc, *a1), p.id.0)),
                    _ => None,
                })
                .collect()
        });
        let at = index.get(&(area.country, area.admin1?))?;
        Some(self.place(PlaceId(*at)))
    }
}

/// Score of a place typed in a search box: how many people live there (log), more for its own
/// name than another, far more for an airport code typed whole, a little more for the whole
/// text's own places (`bonus`).
fn typed_score(place: &Place, how: MatchKind, bonus: f64) -> f64 {
    let how = match how {
        MatchKind::Code => 25.0,
        MatchKind::Name => 2.0,
        _ => 0.0,
    };
    (1.0 + place.population as f64).ln() + how + bonus
}

/// The bonus of the places the whole typed text finds (see [`typed_score`]).
const WHOLE_TEXT: f64 = 1.0;

/// The most folded names a completion reads: a two-letter prefix of a common start ("ka")
/// stops here rather than read a hundred thousand names on every keystroke.
const COMPLETE_KEYS: usize = 20_000;

impl Gazetteer {
    /// Places whose name, or one of its other names, starts with `prefix` (case and accents
    /// ignored), and the places the whole text finds as a lookup reads it (airport codes,
    /// spellings), for a search box that answers as the user types: at most `limit`, the most
    /// populous first, a place's own name before another, a region just after the city of its
    /// name (as [`Gazetteer::lookup`] ranks namesakes). Empty for a prefix shorter than two letters.
    ///
    /// ```
    /// use itinera::Gazetteer;
    ///
    /// let found = Gazetteer::bundled().complete("khabar", 5);
    /// // The city, then the krai of the same name.
    /// assert_eq!(found[0].place.name, "Khabarovsk");
    /// assert_eq!(found[0].place.kind, itinera::PlaceKind::City);
    /// assert_eq!(Gazetteer::bundled().complete("Fran", 1)[0].place.name, "France");
    /// assert!(Gazetteer::bundled().complete("LHR", 1)[0].place.name.contains("Heathrow"));
    /// // Dubai (the city, then the emirate), then Dublin: not the village named Dub.
    /// let dub: Vec<_> = Gazetteer::bundled().complete("Dub", 3).into_iter().map(|c| c.place.name).collect();
    /// assert_eq!(dub, ["Dubai", "Dubai", "Dublin"]);
    /// assert_eq!(Gazetteer::bundled().complete("são", 1)[0].place.name, "São Paulo");
    /// assert!(Gazetteer::bundled().complete("k", 5).is_empty());
    /// ```
    pub fn complete(&self, prefix: &str, limit: usize) -> Vec<Candidate> {
        let key = fold(prefix);
        if key.chars().count() < 2 {
            return Vec::new();
        }
        let mut found: HashMap<u32, MatchKind> = HashMap::new();
        let mut stream = self
            .exact
            .search(fst::Automaton::starts_with(fst::automaton::Str::new(&key)))
            .into_stream();
        let mut keys = 0;
        while let Some((_, at)) = stream.next() {
            note(&mut found, postings(at), false);
            keys += 1;
            if keys == COMPLETE_KEYS {
                break;
            }
        }
        let mut out: Vec<Candidate> = found
            .into_iter()
            .map(|(offset, how)| {
                let place = self.place(PlaceId(offset));
                // The name that starts with the prefix: the place's own, or the first other.
                let matched = first_name(&place, |n| fold(n).starts_with(&key));
                let score = typed_score(&place, how, 0.0);
                Candidate {
                    place,
                    matched,
                    how,
                    score,
                }
            })
            .collect();
        // The places of the whole text as typed, read as a lookup reads it (an airport code,
        // a spelling, a romanisation): "LHR" is Heathrow, "Ussuriisk" Ussuriysk.
        for c in self.lookup(prefix.trim(), &LookupOptions::default()) {
            let score = typed_score(&c.place, c.how, WHOLE_TEXT);
            match out.iter_mut().find(|o| o.place.id == c.place.id) {
                Some(o) => o.score = o.score.max(score),
                None => out.push(Candidate { score, ..c }),
            }
        }
        // Places of one name are ranked against each other as a lookup of that name ranks
        // them (`rank_namesake_areas`): Khabarovsk Krai just after the city of Khabarovsk.
        out.sort_by_cached_key(|c| fold(&c.place.name));
        for namesakes in out.chunk_by_mut(|a, b| fold(&a.place.name) == fold(&b.place.name)) {
            let key = fold(&namesakes[0].place.name);
            rank_namesake_areas(namesakes, &key);
        }
        out.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.place.name.cmp(&b.place.name))
                .then_with(|| a.place.id.0.cmp(&b.place.id.0))
        });
        out.truncate(limit);
        out
    }
}

/// "Illinois, US" or "Germany": where a place is, for messages that list namesakes.
fn area_label(place: &Place) -> String {
    match (place.kind, place.admin1_name()) {
        (PlaceKind::Country, _) => place.name.to_string(),
        (_, Some(region)) => format!("{region}, {}", place.country),
        (_, None) => place.country.to_string(),
    }
}
