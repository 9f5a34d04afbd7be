//! The supersampled bitmap's memory: one block of bytes, on huge pages where the system has them.
//!
//! A 1600 × 1000 map drawn at 2× is 19 MB of RGB. Taken from the allocator, the kernel maps it
//! 4 KiB at a time, on the first write to each page: about 4,700 page faults, which were a
//! quarter of a whole `render` run (perf, issue 14). On Linux the block is aligned to 2 MiB and
//! marked `MADV_HUGEPAGE`, so the kernel may back it with transparent huge pages: ten faults.
//! Elsewhere, or when the kernel declines, it is ordinary memory and only slower.

use std::alloc::{Layout, alloc, dealloc, handle_alloc_error};
use std::ptr::NonNull;

/// Huge page size on x86-64 and aarch64 Linux; the alignment costs nothing elsewhere.
const HUGE_PAGE: usize = 2 << 20;

/// An owned byte buffer aligned to [`HUGE_PAGE`].
pub(super) struct Pixels {
    ptr: NonNull<u8>,
    len: usize,
    layout: Layout,
}

impl Pixels {
    /// `len` bytes, `fill` repeated (cut short at `len`; zeros if `fill` is empty); `None` for a
    /// size no allocation can have.
    pub(super) fn filled(len: usize, fill: &[u8]) -> Option<Pixels> {
        let size = len.div_ceil(HUGE_PAGE).max(1).checked_mul(HUGE_PAGE)?;
        let layout = Layout::from_size_align(size, HUGE_PAGE).ok()?;
        // Not `alloc_zeroed`: for this alignment it writes the zeros itself, touching every
        // page before the advice below. The bytes are written right after it instead.
        // SAFETY: the layout's size is non-zero (at least one huge page).
        let raw = unsafe { alloc(layout) };
        let Some(ptr) = NonNull::new(raw) else {
            handle_alloc_error(layout)
        };
        #[cfg(target_os = "linux")]
        // SAFETY: the range is exactly the block just allocated, and MADV_HUGEPAGE only changes
        // how the kernel backs it, never its contents; a refusal (an error code) is harmless.
        unsafe {
            libc::madvise(ptr.as_ptr().cast(), size, libc::MADV_HUGEPAGE);
        }
        let fill = if fill.is_empty() { &[0][..] } else { fill };
        let p = ptr.as_ptr();
        // The pattern once, then the written prefix copied after itself, doubling up to 256 KiB
        // (a source that stays in cache), then that block repeated: memcpy speed.
        let first = fill.len().min(len);
        // SAFETY: every write below stays inside the block of `size >= len` bytes, and each copy
        // reads the prefix `[0, block)` with `block <= done`, already written, into
        // `[done, done + n)`, which does not overlap it. A prefix is whole patterns, so the
        // copies continue the pattern. Afterwards all `size` bytes are written.
        unsafe {
            std::ptr::copy_nonoverlapping(fill.as_ptr(), p, first);
            let (mut done, mut block) = (first, first);
            while done < len {
                let n = block.min(len - done);
                std::ptr::copy_nonoverlapping(p, p.add(done), n);
                done += n;
                if block < 256 << 10 {
                    block = done;
                }
            }
            std::ptr::write_bytes(p.add(len), 0, size - len);
        }
        let pixels = Pixels { ptr, len, layout };
        Some(pixels)
    }

    pub(super) fn as_ref(&self) -> &[u8] {
        // SAFETY: `ptr` points to `layout.size() >= len` bytes owned by self, all written in `filled`.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }

    pub(super) fn as_mut(&mut self) -> &mut [u8] {
        // SAFETY: as in `as_ref`; `&mut self` makes the borrow unique.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }
}

impl Drop for Pixels {
    fn drop(&mut self) {
        // SAFETY: allocated in `filled` with this very layout, freed once.
        unsafe { dealloc(self.ptr.as_ptr(), self.layout) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_buffer_holds_its_fill_and_its_length() {
        let p = Pixels::filled(3 * 5, &[1, 2, 3]).expect("small");
        assert_eq!(p.as_ref(), [1, 2, 3].repeat(5).as_slice());
        let z = Pixels::filled(0, &[9, 9, 9]).expect("empty");
        assert!(z.as_ref().is_empty());
        let cut = Pixels::filled(4, &[1, 2, 3]).expect("small");
        assert_eq!(cut.as_ref(), &[1, 2, 3, 1]);
        let zeros = Pixels::filled(2, &[]).expect("small");
        assert_eq!(zeros.as_ref(), &[0, 0]);
        let big = Pixels::filled(3 * 1_000_001, &[0, 0, 0]).expect("3 MB");
        assert_eq!(big.as_ref().len(), 3_000_003);
        assert!(big.as_ref().iter().all(|&b| b == 0));
    }

    #[test]
    fn writes_stay_in_the_buffer() {
        let mut p = Pixels::filled(6, &[0, 0, 0]).expect("small");
        p.as_mut()[5] = 7;
        assert_eq!(p.as_ref(), &[0, 0, 0, 0, 0, 7]);
    }

    #[test]
    fn an_impossible_size_is_refused_not_a_panic() {
        assert!(Pixels::filled(usize::MAX - 5, &[0, 0, 0]).is_none());
    }
}
