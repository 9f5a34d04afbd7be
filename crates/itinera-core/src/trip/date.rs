//! Stop dates, as precise as the source gives them: a year, a month, a day, or a day with a
//! time of day (and a UTC offset if one was written). Parsed once, when the trip file is read;
//! written back in ISO 8601.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use jiff::civil;
use jiff::fmt::temporal::{Pieces, PiecesOffset};
use jiff::tz::Offset;

/// When a stop was reached.
///
/// Ordered by the calendar, a coarser date first among those that share its start
/// (`2011` < `2011-08` < `2011-08-20` < `2011-08-20T10:00:00`); times with offsets compare by
/// their local time, as the text does.
///
/// # Examples
///
/// ```
/// use itinera::trip::Date;
///
/// let d: Date = "2011-08-20 10:00".parse()?;
/// assert_eq!(d.to_string(), "2011-08-20T10:00:00");
/// assert_eq!("2011-08".parse::<Date>()?.to_string(), "2011-08");
/// assert!("2011-02-30".parse::<Date>().is_err());
/// # Ok::<(), itinera::trip::DateError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Date {
    /// A year (`2011`).
    Year(i16),
    /// A month of a year (`2011-08`).
    Month(i16, i8),
    /// A day (`2011-08-20`).
    Day(civil::Date),
    /// A day and a time of day, local to the place (`2011-08-20T10:00`).
    Time(civil::DateTime),
    /// A day and a time with its offset from UTC (`2011-08-20T10:00+10:00`).
    Offset(civil::DateTime, Offset),
}

/// Text that is not a date [`Date`] reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError;

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a date: write YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM")
    }
}

impl std::error::Error for DateError {}

impl Date {
    /// The day, when the date names one.
    pub fn day(&self) -> Option<civil::Date> {
        match self {
            Date::Year(_) | Date::Month(..) => None,
            Date::Day(d) => Some(*d),
            Date::Time(t) | Date::Offset(t, _) => Some(t.date()),
        }
    }

    /// Whether `self` is before `other` at the precision both have, days at most: `2011-08`
    /// is not before `2011-08-20`, nor is a time before another time of the same day.
    pub fn before(&self, other: &Date) -> bool {
        let depth = self.depth().min(other.depth()).min(3);
        self.key()[..depth] < other.key()[..depth]
    }

    /// How many of year, month, day and time of day the date gives.
    fn depth(&self) -> usize {
        match self {
            Date::Year(_) => 1,
            Date::Month(..) => 2,
            Date::Day(_) => 3,
            Date::Time(_) | Date::Offset(..) => 4,
        }
    }

    /// Year, month, day, nanoseconds of the day; -1 where the date does not say.
    fn key(&self) -> [i64; 4] {
        let day = |d: civil::Date| [d.year().into(), d.month().into(), d.day().into()];
        let nanos = |t: civil::DateTime| {
            let t = t.time();
            ((i64::from(t.hour()) * 60 + i64::from(t.minute())) * 60 + i64::from(t.second()))
                * 1_000_000_000
                + i64::from(t.subsec_nanosecond())
        };
        match *self {
            Date::Year(y) => [y.into(), -1, -1, -1],
            Date::Month(y, m) => [y.into(), m.into(), -1, -1],
            Date::Day(d) => {
                let [y, m, d] = day(d);
                [y, m, d, -1]
            }
            Date::Time(t) | Date::Offset(t, _) => {
                let [y, m, d] = day(t.date());
                [y, m, d, nanos(t)]
            }
        }
    }
}

impl Ord for Date {
    /// By year, month, day and time of day; for the same local time, a date without an
    /// offset before one with, and offsets in order. No text is formatted to compare.
    fn cmp(&self, other: &Date) -> Ordering {
        let offset = |d: &Date| match d {
            Date::Offset(_, o) => Some(o.seconds()),
            _ => None,
        };
        self.key()
            .cmp(&other.key())
            .then_with(|| offset(self).cmp(&offset(other)))
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Date) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a day and a time after `T` or a space, with an
    /// optional offset (`Z`, `+10:00`): ISO 8601 as trip files and GPS logs write it.
    fn from_str(s: &str) -> Result<Date, DateError> {
        let digits = |p: &str, len: usize| p.len() == len && p.bytes().all(|b| b.is_ascii_digit());
        let parts: Vec<&str> = s.split('-').collect();
        match parts.as_slice() {
            [y] if digits(y, 4) => return y.parse().map(Date::Year).map_err(|_| DateError),
            [y, m] if digits(y, 4) && digits(m, 2) => {
                let (y, m): (i16, i8) = (
                    y.parse().map_err(|_| DateError)?,
                    m.parse().map_err(|_| DateError)?,
                );
                return if (1..=12).contains(&m) {
                    Ok(Date::Month(y, m))
                } else {
                    Err(DateError)
                };
            }
            _ => {}
        }
        // Four-digit years only: jiff also reads `+002011-08-20`, which no trip file means.
        if !s.get(..4).is_some_and(|y| digits(y, 4)) || s.as_bytes().get(4) != Some(&b'-') {
            return Err(DateError);
        }
        let pieces = Pieces::parse(s).map_err(|_| DateError)?;
        if pieces.time_zone_annotation().is_some() {
            return Err(DateError);
        }
        let date = pieces.date();
        let Some(time) = pieces.time() else {
            return match pieces.offset() {
                None => Ok(Date::Day(date)),
                Some(_) => Err(DateError),
            };
        };
        let at = date.to_datetime(time);
        match pieces.offset() {
            None => Ok(Date::Time(at)),
            Some(PiecesOffset::Zulu) => Ok(Date::Offset(at, Offset::UTC)),
            Some(PiecesOffset::Numeric(n)) => Ok(Date::Offset(at, n.offset())),
            Some(_) => Err(DateError),
        }
    }
}

impl fmt::Display for Date {
    /// ISO 8601: `2011`, `2011-08`, `2011-08-20`, `2011-08-20T10:00:00`,
    /// `2011-08-20T10:00:00+10:00` (`Z` for UTC).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Date::Year(y) => write!(f, "{y:04}"),
            Date::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Date::Day(d) => write!(f, "{d}"),
            Date::Time(t) => write!(f, "{t}"),
            Date::Offset(t, o) if *o == Offset::UTC => write!(f, "{t}Z"),
            Date::Offset(t, o) => {
                let secs = o.seconds();
                let sign = if secs < 0 { '-' } else { '+' };
                let (h, m) = (secs.abs() / 3600, secs.abs() % 3600 / 60);
                write!(f, "{t}{sign}{h:02}:{m:02}")
            }
        }
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn reads_every_precision_and_writes_iso_8601() {
        for (text, iso) in [
            ("2011", "2011"),
            ("2011-08", "2011-08"),
            ("2011-08-20", "2011-08-20"),
            ("2011-08-20T10:00", "2011-08-20T10:00:00"),
            ("2011-08-20 10:00", "2011-08-20T10:00:00"),
            ("2011-08-20T10:00:00+10:00", "2011-08-20T10:00:00+10:00"),
            ("2011-08-20T10:00:00-03:30", "2011-08-20T10:00:00-03:30"),
            ("2011-08-20T01:02:03Z", "2011-08-20T01:02:03Z"),
            ("2012-02-29", "2012-02-29"),
        ] {
            assert_eq!(d(text).to_string(), iso, "{text}");
            // What is written reads back as the same date.
            assert_eq!(d(iso), d(text), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_no_date() {
        for bad in [
            "",
            "11-08-20",
            "2011-8-20",
            "2011-08-32",
            "2011-13",
            "2011-02-29",
            "2011-04-31",
            "August 2011",
            "2011-08-20 morning",
            "2011-08-20T25:00",
            "+002011-08-20",
            "2011-08-20[Asia/Vladivostok]",
            "２０１１",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
    }

    #[test]
    fn orders_by_the_calendar_and_compares_at_common_precision() {
        let mut v = [
            d("2011-08-20T10:00"),
            d("2011-08"),
            d("2011-08-20"),
            d("2001-07-26"),
            d("2011"),
        ];
        v.sort();
        let text: Vec<String> = v.iter().map(Date::to_string).collect();
        assert_eq!(
            text,
            [
                "2001-07-26",
                "2011",
                "2011-08",
                "2011-08-20",
                "2011-08-20T10:00:00"
            ]
        );
        assert!(d("2011-08-19").before(&d("2011-08-20T09:00")));
        assert!(!d("2011-08").before(&d("2011-08-20")));
        assert!(!d("2011-08-20T09:00").before(&d("2011-08-20T10:00")));
        assert!(d("2011-07").before(&d("2011-08-01")));
        assert_eq!(
            d("2011-08-20T10:00+10:00").day(),
            Some(civil::date(2011, 8, 20))
        );
        assert_eq!(d("2011-08").day(), None);
    }
}
