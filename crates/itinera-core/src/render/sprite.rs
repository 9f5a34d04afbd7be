//! Small circles (stop markers and their rings) drawn once and stamped: a map of thousands of
//! stops draws the same few circles again and again, and tiny-skia sets up a path and its
//! pipeline for each. A circle is drawn into a sprite for each quarter-pixel offset of its
//! centre, then blended onto the canvas (premultiplied source-over) at whole pixels.

use std::collections::HashMap;

use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, PixmapMut, Transform};

/// Circles larger than this (pixels of radius) are drawn as paths.
const MOST_RADIUS: f32 = 24.0;
/// Sprites kept before the cache is emptied.
const MOST_SPRITES: usize = 512;
/// Steps of a pixel that a centre is placed to.
const STEPS: f32 = 4.0;

/// What a sprite looks like: radius and ring width in 1/16 px (0 for a disc), colour and
/// opacity bits, and the centre's offset in quarter pixels.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    radius: u32,
    ring: u32,
    rgb: (u8, u8, u8),
    alpha: u64,
    offset: (u8, u8),
}

/// Sprites drawn so far.
#[derive(Default)]
pub(super) struct Sprites {
    drawn: HashMap<Key, (Pixmap, i32)>,
}

/// A disc (`ring` = 0) or a ring of `ring` px width, of `radius` px, centred at `(x, y)`.
pub(super) struct Circle<'p> {
    pub(super) x: f32,
    pub(super) y: f32,
    pub(super) radius: f32,
    pub(super) ring: f32,
    pub(super) paint: &'p Paint<'static>,
    pub(super) key: ((u8, u8, u8), f64),
}

impl Sprites {
    /// Stamps `c` onto `target`; false (nothing drawn) for a circle too large for a sprite.
    pub(super) fn stamp(&mut self, target: &mut PixmapMut<'_>, c: &Circle<'_>) -> bool {
        if !(c.radius + c.ring / 2.0 <= MOST_RADIUS && c.x.is_finite() && c.y.is_finite()) {
            return false;
        }
        let (qx, qy) = ((c.x * STEPS).round(), (c.y * STEPS).round());
        let (px, py) = ((qx / STEPS).floor(), (qy / STEPS).floor());
        let offset = ((qx - px * STEPS) as u8, (qy - py * STEPS) as u8);
        let key = Key {
            radius: (c.radius * 16.0).round() as u32,
            ring: (c.ring * 16.0).round() as u32,
            rgb: c.key.0,
            alpha: c.key.1.to_bits(),
            offset,
        };
        if self.drawn.len() >= MOST_SPRITES {
            self.drawn.clear();
        }
        let sprite = self.drawn.entry(key).or_insert_with(|| draw(c, offset));
        let (ref pixels, half) = *sprite;
        blend(target, pixels, px as i32 - half, py as i32 - half);
        true
    }
}

/// The sprite of `c` with its centre `offset` quarter pixels past the middle of its middle
/// pixel's corner, and how far that corner is from the sprite's.
fn draw(c: &Circle<'_>, offset: (u8, u8)) -> (Pixmap, i32) {
    let reach = c.radius + c.ring / 2.0;
    let half = reach.ceil() as i32 + 1;
    let side = (2 * half + 1) as u32;
    let Some(mut pixmap) = Pixmap::new(side, side) else {
        return (Pixmap::new(1, 1).unwrap_or_else(|| unreachable!()), 0);
    };
    let cx = half as f32 + f32::from(offset.0) / STEPS;
    let cy = half as f32 + f32::from(offset.1) / STEPS;
    let mut pb = PathBuilder::new();
    let rule = if c.ring > 0.0 {
        pb.push_circle(cx, cy, c.radius + c.ring / 2.0);
        if c.radius > c.ring / 2.0 {
            pb.push_circle(cx, cy, c.radius - c.ring / 2.0);
        }
        FillRule::EvenOdd
    } else {
        pb.push_circle(cx, cy, c.radius);
        FillRule::Winding
    };
    if let Some(path) = pb.finish() {
        pixmap.fill_path(&path, c.paint, rule, Transform::identity(), None);
    }
    (pixmap, half)
}

/// Premultiplied source-over of `sprite` onto `target` with its corner at `(x, y)`, clipped.
fn blend(target: &mut PixmapMut<'_>, sprite: &Pixmap, x: i32, y: i32) {
    let (tw, th) = (target.width() as i32, target.height() as i32);
    let side = sprite.width() as i32;
    let src = sprite.data();
    let dst = target.data_mut();
    for sy in 0..side {
        let ty = y + sy;
        if ty < 0 || ty >= th {
            continue;
        }
        for sx in 0..side {
            let tx = x + sx;
            if tx < 0 || tx >= tw {
                continue;
            }
            let s = ((sy * side + sx) * 4) as usize;
            let a = u32::from(src[s + 3]);
            if a == 0 {
                continue;
            }
            let d = ((ty * tw + tx) * 4) as usize;
            for k in 0..4 {
                let under = u32::from(dst[d + k]) * (255 - a);
                dst[d + k] = (u32::from(src[s + k]) + (under + 128 + ((under + 128) >> 8)) / 256)
                    .min(255) as u8;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A ring and a disc at quarter-pixel centres, stamped over a paper colour, have the pixels
    /// of the same circles drawn as paths (but for the rounding of the blend).
    #[test]
    fn a_stamped_circle_has_the_pixels_of_the_drawn_one() {
        let mut paint = Paint::default();
        paint.set_color_rgba8(200, 40, 10, 230);
        paint.anti_alias = true;
        for (x, y, radius, ring) in [(20.25, 20.5, 6.0, 2.2), (9.75, 31.0, 4.5, 0.0)] {
            let mut stamped = Pixmap::new(40, 40).unwrap();
            stamped.fill(tiny_skia::Color::from_rgba8(240, 236, 226, 255));
            let mut drawn = stamped.clone();
            let c = Circle {
                x,
                y,
                radius,
                ring,
                paint: &paint,
                key: ((200, 40, 10), 0.9),
            };
            let mut sprites = Sprites::default();
            assert!(sprites.stamp(&mut stamped.as_mut(), &c));
            let mut pb = PathBuilder::new();
            pb.push_circle(x, y, radius + ring / 2.0);
            if ring > 0.0 {
                pb.push_circle(x, y, radius - ring / 2.0);
            }
            let path = pb.finish().unwrap();
            drawn.fill_path(
                &path,
                &paint,
                FillRule::EvenOdd,
                Transform::identity(),
                None,
            );
            let most = stamped
                .data()
                .iter()
                .zip(drawn.data())
                .map(|(a, b)| a.abs_diff(*b))
                .max();
            assert!(most <= Some(2), "differ by {most:?}");
            assert_ne!(stamped.data(), Pixmap::new(40, 40).unwrap().data());
        }
        // Too large for a sprite: left to the path.
        let big = Circle {
            x: 5.0,
            y: 5.0,
            radius: 60.0,
            ring: 0.0,
            paint: &paint,
            key: ((0, 0, 0), 1.0),
        };
        let mut target = Pixmap::new(8, 8).unwrap();
        assert!(!Sprites::default().stamp(&mut target.as_mut(), &big));
    }
}
