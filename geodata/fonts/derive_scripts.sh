#!/usr/bin/env bash
# Derives the embedded fonts for scripts Noto Sans lacks, from Debian packages, with fontTools
# (PyPI) subsetting the CJK face. Run from the repository root; needs apt-get (download only,
# as any user), dpkg-deb and python3. Writes geodata/fonts/*.ttf / *.otf and prints sha256s.
set -euo pipefail
out=$PWD/geodata/fonts
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download fonts-noto-core=20201225-1 'fonts-noto-cjk=1:20220127+repack1-1'
dpkg-deb -x fonts-noto-core_*.deb core
dpkg-deb -x fonts-noto-cjk_*.deb cjk
python3 -m venv venv
venv/bin/pip install -q fonttools==4.55.3

# Arabic, Hebrew, Devanagari and Thai: the regular faces, whole (24-240 KB each).
for s in Arabic Hebrew Devanagari Thai; do
  cp "core/usr/share/fonts/truetype/noto/NotoSans$s-Regular.ttf" "$out/"
done

# Hangul, kana and the common Han characters from Noto Sans CJK (face 2, Simplified Chinese
# glyph shapes): ASCII, CJK punctuation and full-width forms, kana, the 2,350 Hangul syllables
# of KS X 1001 with the compatibility jamo, the 3,755 level-1 hanzi of GB 2312 and the 2,965
# level-1 kanji of JIS X 0208. The character lists come from Python's own codecs.
python3 - > chars.txt <<'PY'
chars = set(range(0x20, 0x7f)) | set(range(0x3000, 0x3040)) | set(range(0x3040, 0x3100))
chars |= set(range(0x3130, 0x3190)) | set(range(0xff00, 0xffef))
def table(codec, rows, cols=range(0xa1, 0xff)):
    for hi in rows:
        for lo in cols:
            try:
                chars.update(map(ord, bytes([hi, lo]).decode(codec)))
            except UnicodeDecodeError:
                pass
table('euc_kr', range(0xb0, 0xc9))   # KS X 1001 Hangul syllables
table('gb2312', range(0xb0, 0xd8))   # GB 2312 level 1
table('euc_jp', range(0xb0, 0xd0))   # JIS X 0208 level 1
print(','.join(f'U+{c:04X}' for c in sorted(chars)))
PY
tr , "\n" < chars.txt > chars.lst
venv/bin/pyftsubset cjk/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc --font-number=2 \
  --unicodes-file=chars.lst --layout-features='*' --name-IDs='*' --name-legacy \
  --output-file="$out/NotoSansCJKsc-Regular-subset.otf"
cp cjk/usr/share/doc/fonts-noto-cjk/copyright "$out/NotoSansCJK-copyright.txt" 2>/dev/null || true
cd "$out"
sha256sum NotoSans{Arabic,Hebrew,Devanagari,Thai}-Regular.ttf NotoSansCJKsc-Regular-subset.otf
