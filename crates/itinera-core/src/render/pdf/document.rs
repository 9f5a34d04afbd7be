//! The PDF file around a page's content: catalog, page tree, resources, opacity states, and
//! the fonts the page drew with, embedded whole with their widths and `ToUnicode` maps.

use ab_glyph::{Font, GlyphId};
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Name, Pdf, Rect as PdfRect, Ref, Str};

use super::{FontUse, Page};

/// Deflate, for content and font streams.
fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

/// The PDF around one page's content: catalog, page, fonts, opacity states.
pub(super) fn document(page: Page, w_pt: f32, h_pt: f32) -> Vec<u8> {
    let mut next = Ref::new(1);
    let mut id = || next.bump();
    let (catalog, tree, page_id, content_id) = (id(), id(), id(), id());
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids([page_id]).count(1);

    // Only the fonts the page drew with are embedded.
    let used: Vec<usize> = (0..page.fonts.len())
        .filter(|&i| !page.fonts[i].glyphs.is_empty())
        .collect();
    let font_ids: Vec<[Ref; 5]> = used
        .iter()
        .map(|_| [id(), id(), id(), id(), id()])
        .collect();
    let alpha_ids: Vec<Ref> = page.alphas.iter().map(|_| id()).collect();
    {
        let mut pg = pdf.page(page_id);
        pg.parent(tree)
            .media_box(PdfRect::new(0.0, 0.0, w_pt, h_pt))
            .contents(content_id);
        let mut res = pg.resources();
        {
            let names: Vec<String> = used.iter().map(|i| format!("F{i}")).collect();
            res.fonts().pairs(
                names
                    .iter()
                    .zip(&font_ids)
                    .map(|(n, ids)| (Name(n.as_bytes()), ids[0])),
            );
        }
        let names: Vec<String> = (0..page.alphas.len()).map(|i| format!("A{i}")).collect();
        res.ext_g_states().pairs(
            names
                .iter()
                .zip(&alpha_ids)
                .map(|(n, r)| (Name(n.as_bytes()), *r)),
        );
    }
    let content = deflate(&page.content.finish().into_vec());
    pdf.stream(content_id, &content).filter(Filter::FlateDecode);
    for ((fill, stroke), r) in page.alphas.iter().zip(&alpha_ids) {
        pdf.ext_graphics(*r)
            .non_stroking_alpha(*fill)
            .stroking_alpha(*stroke);
    }

    let info = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    for (&i, ids) in used.iter().zip(font_ids) {
        embed_font(&mut pdf, &page.fonts[i], ids, info);
    }
    pdf.finish()
}

/// Embeds the font `fu` as the Type 0 font `type0`: its CID font, descriptor, font file and
/// `ToUnicode` map, with the widths of the glyphs the page used.
fn embed_font(
    pdf: &mut Pdf,
    fu: &FontUse,
    [type0, cid, descriptor, file, cmap]: [Ref; 5],
    info: SystemInfo<'_>,
) {
    let name = Name(fu.name.as_bytes());
    pdf.type0_font(type0)
        .base_font(name)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap);
    {
        let mut c = pdf.cid_font(cid);
        // CFF outlines (the CJK face) are a Type 0 CID font, TrueType ones Type 2.
        let cff = fu.bytes.starts_with(b"OTTO");
        c.subtype(if cff {
            CidFontType::Type0
        } else {
            CidFontType::Type2
        })
        .base_font(name)
        .system_info(info)
        .font_descriptor(descriptor)
        .default_width(0.0);
        if !cff {
            c.cid_to_gid_map_predefined(Name(b"Identity"));
        }
        let mut widths = c.widths();
        for &g in fu.glyphs.keys() {
            let adv = fu.units(fu.font.h_advance_unscaled(GlyphId(g)));
            widths.consecutive(g, [adv]);
        }
    }
    let ascent = fu.units(fu.font.ascent_unscaled());
    let descent = fu.units(fu.font.descent_unscaled());
    let cff = fu.bytes.starts_with(b"OTTO");
    let mut d = pdf.font_descriptor(descriptor);
    d.name(name)
        .flags(FontFlags::NON_SYMBOLIC)
        .bbox(PdfRect::new(-600.0, descent, 2600.0, ascent))
        .italic_angle(0.0)
        .ascent(ascent)
        .descent(descent)
        .cap_height(714.0)
        .stem_v(if fu.name.ends_with("Bold") {
            140.0
        } else {
            80.0
        });
    if cff {
        d.font_file3(file);
    } else {
        d.font_file2(file);
    }
    drop(d);
    let packed = deflate(fu.bytes);
    let mut stream = pdf.stream(file, &packed);
    stream.filter(Filter::FlateDecode);
    if cff {
        // An OpenType font with CFF outlines, embedded whole.
        stream.pair(Name(b"Subtype"), Name(b"OpenType"));
    } else {
        stream.pair(Name(b"Length1"), fu.bytes.len() as i32);
    }
    drop(stream);
    let mut map = UnicodeCmap::new(Name(b"Custom"), info);
    for (&g, &ch) in &fu.glyphs {
        map.pair(g, ch);
    }
    let cmap_bytes = map.finish();
    pdf.cmap(cmap, cmap_bytes.as_slice());
}
