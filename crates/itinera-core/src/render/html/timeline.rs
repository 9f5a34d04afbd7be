//! The page's time slider: the distinct dates of the trips and the step at which each stop,
//! leg and stop label shows.

use crate::markup::escape;
use crate::route::Route;
use crate::trip::{Date, TripKind};

/// The dates of the trips, for the page's time slider: each stop's step is the index of its
/// date among all the distinct dates, an undated stop taking the date of the last dated stop
/// before it (or of the first after it). Legs show from their arrival's step.
pub(super) struct Timeline {
    /// The distinct dates, in calendar order.
    pub(super) dates: Vec<Date>,
    /// Per trip, per stop: the step, `None` in a trip without dates.
    pub(super) steps: Vec<Vec<Option<usize>>>,
    /// Per stop label, the first step of a stop with that label.
    pub(super) by_label: std::collections::HashMap<String, usize>,
}

impl Timeline {
    /// The dates of `routes` and the step of each of their stops.
    pub(super) fn new(routes: &[Route]) -> Timeline {
        let mut dates: Vec<Date> = routes
            .iter()
            .flat_map(|r| r.stops.iter().filter_map(|s| s.date))
            .collect();
        dates.sort_unstable();
        dates.dedup();
        let step = |d: &Date| dates.binary_search(d).ok();
        let steps = routes
            .iter()
            .map(|r| {
                let mut current = r.stops.iter().find_map(|s| s.date);
                r.stops
                    .iter()
                    .map(|s| {
                        match r.kind {
                            // Places are in no order: an undated one shows all the time.
                            TripKind::Places => return s.date.as_ref().and_then(step),
                            TripKind::Journey | TripKind::Track => {}
                        }
                        if s.date.is_some() {
                            current = s.date;
                        }
                        current.as_ref().and_then(step)
                    })
                    .collect()
            })
            .collect::<Vec<Vec<Option<usize>>>>();
        let mut by_label = std::collections::HashMap::new();
        for (r, steps) in routes.iter().zip(&steps) {
            for (s, k) in r.stops.iter().zip(steps) {
                if let Some(k) = *k {
                    by_label
                        .entry(s.label.clone())
                        .and_modify(|first: &mut usize| *first = (*first).min(k))
                        .or_insert(k);
                }
            }
        }
        Timeline {
            dates,
            steps,
            by_label,
        }
    }

    /// ` data-t="k"` for step `k`, or nothing without one or without two dates to slide over.
    fn step(&self, k: Option<usize>) -> String {
        match k {
            Some(k) if self.dates.len() > 1 => format!(" data-t=\"{k}\""),
            _ => String::new(),
        }
    }

    /// The attribute of stop `stop` of trip `trip`.
    pub(super) fn attribute(&self, trip: usize, stop: usize) -> String {
        self.step(
            self.steps
                .get(trip)
                .and_then(|t| t.get(stop))
                .copied()
                .flatten(),
        )
    }

    /// The attribute of a stop label: the first step of a stop with that label.
    pub(super) fn of_label(&self, text: &str) -> String {
        self.step(self.by_label.get(text).copied())
    }

    /// The slider, when there are two dates or more.
    pub(super) fn slider(&self) -> String {
        if self.dates.len() < 2 {
            return String::new();
        }
        let labels: Vec<String> = self.dates.iter().map(ToString::to_string).collect();
        let last = self.dates.len() - 1;
        format!(
            "<div id=\"time\"><button type=\"button\" id=\"play\" title=\"Play the journey\" aria-label=\"Play\">▶</button><input type=\"range\" id=\"when\" min=\"0\" max=\"{last}\" value=\"{last}\" step=\"1\" aria-label=\"Show the journey up to this date\" data-labels=\"{}\"><output id=\"when-label\" for=\"when\">{}</output></div>\n",
            escape(&labels.join("|")),
            escape(&labels[last])
        )
    }
}
