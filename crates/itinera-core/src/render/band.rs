//! A band of rows of a bitmap too large to hold at once.
//!
//! [`Band`] tells plotters it is the whole map (so nothing is clipped or moved to the edge of
//! a smaller area: plotters pulls a circle centred outside its area onto the edge) and keeps
//! only the pixels of its rows, in a buffer of those rows. A line or rectangle wholly inside
//! the band goes to the bitmap backend, moved up by the band's top, as do the shapes its fast
//! paths clip exactly (filled rectangles, thin straight lines); any other that crosses the
//! band's edge is rasterised here into pixels, and one wholly outside is skipped. The pixels
//! are those of the whole bitmap (tests check it, on shapes and on a map).

use std::ops::Range;

use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, DrawingErrorKind, rasterizer};

type BitMapError = <BitMapBackend<'static> as DrawingBackend>::ErrorType;

/// The rows `rows` of a `size` bitmap, drawn into a buffer of those rows.
pub(super) struct Band<'a> {
    inner: BitMapBackend<'a>,
    size: (u32, u32),
    rows: Range<i32>,
}

impl<'a> Band<'a> {
    /// `buffer` holds the RGB pixels of rows `rows` of a bitmap of `size`.
    pub(super) fn new(buffer: &'a mut [u8], size: (u32, u32), rows: Range<i32>) -> Self {
        let height = u32::try_from(rows.end - rows.start).unwrap_or(0);
        Band {
            inner: BitMapBackend::with_buffer(buffer, (size.0, height)),
            size,
            rows,
        }
    }

    fn shift(&self, p: BackendCoord) -> BackendCoord {
        (p.0, p.1 - self.rows.start)
    }

    /// Whether rows `y0..=y1`, widened by `margin`, lie wholly inside the band, wholly outside
    /// it, or across its edge.
    fn place(&self, y0: i32, y1: i32, margin: i32) -> Place {
        let (lo, hi) = (y0.min(y1) - margin, y0.max(y1) + margin);
        if hi < self.rows.start || lo >= self.rows.end {
            Place::Outside
        } else if lo >= self.rows.start && hi < self.rows.end {
            Place::Inside
        } else {
            Place::Across
        }
    }
}

enum Place {
    Inside,
    Outside,
    Across,
}

impl DrawingBackend for Band<'_> {
    type ErrorType = BitMapError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<BitMapError>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<BitMapError>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<BitMapError>> {
        if !self.rows.contains(&point.1) {
            return Ok(());
        }
        let p = self.shift(point);
        self.inner.draw_pixel(p, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<BitMapError>> {
        let margin = i32::try_from(style.stroke_width()).unwrap_or(i32::MAX / 4);
        // The bitmap's fast path for thin straight lines clips them to its rows exactly.
        let fast = (from.0 == to.0 || from.1 == to.1) && style.stroke_width() == 1;
        match self.place(from.1, to.1, margin) {
            Place::Outside => Ok(()),
            Place::Inside | Place::Across if fast => {
                let (a, b) = (self.shift(from), self.shift(to));
                self.inner.draw_line(a, b, style)
            }
            Place::Inside => {
                let (a, b) = (self.shift(from), self.shift(to));
                self.inner.draw_line(a, b, style)
            }
            Place::Across => rasterizer::draw_line(self, from, to, style),
        }
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<BitMapError>> {
        let margin = i32::try_from(style.stroke_width()).unwrap_or(i32::MAX / 4);
        match self.place(upper_left.1, bottom_right.1, margin) {
            Place::Outside => Ok(()),
            // A filled rectangle is clipped to the bitmap's rows exactly.
            Place::Inside | Place::Across if fill => {
                let (a, b) = (self.shift(upper_left), self.shift(bottom_right));
                self.inner.draw_rect(a, b, style, fill)
            }
            Place::Inside => {
                let (a, b) = (self.shift(upper_left), self.shift(bottom_right));
                self.inner.draw_rect(a, b, style, fill)
            }
            Place::Across => rasterizer::draw_rect(self, upper_left, bottom_right, style, fill),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A circle centred above a band draws only its lower part into the band, where the whole
    /// bitmap has it, not pulled onto the band's edge.
    #[test]
    fn a_band_holds_the_rows_of_the_whole_bitmap() {
        let (w, h) = (40u32, 40u32);
        fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, plotters::coord::Shift>) {
            let blue = plotters::style::Color::stroke_width(&BLUE, 3);
            area.draw(&Circle::new((20, 18), 6, RED.filled())).unwrap();
            area.draw(&PathElement::new(vec![(0, 5), (39, 35)], blue))
                .unwrap();
            area.draw(&Rectangle::new([(2, 10), (30, 30)], GREEN.filled()))
                .unwrap();
        }
        let mut whole = vec![255u8; (w * h * 3) as usize];
        {
            let area = BitMapBackend::with_buffer(&mut whole, (w, h)).into_drawing_area();
            draw(&area);
            area.present().unwrap();
        }
        let row = (w * 3) as usize;
        for (top, end) in [(0, 16), (16, 22), (22, 40)] {
            let mut rows = vec![255u8; row * (end - top) as usize];
            {
                let area = Band::new(&mut rows, (w, h), top..end).into_drawing_area();
                draw(&area);
                area.present().unwrap();
            }
            let expected = &whole[row * top as usize..row * end as usize];
            let differing = rows.iter().zip(expected).filter(|(a, b)| a != b).count();
            assert_eq!(
                differing, 0,
                "rows {top}..{end} differ from the whole bitmap"
            );
        }
    }
}
