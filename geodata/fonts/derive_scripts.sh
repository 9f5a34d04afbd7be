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

# Round three: every other script the gazetteer's names are written in. Each face below is
# subset to the characters that the names use and that no face before it has (greedily, in
# this order), plus the dotted circle and the zero-width (non-)joiner that shaping inserts,
# with every layout feature and without hinting (ab_glyph and rustybuzz ignore it). The list
# of characters is read from geodata/places.tsv.gz, names and alternate names alike.
cd "$work"
mkdir -p "$out/scripts"
venv/bin/python - "$out" <<'PY'
import gzip, os, subprocess, sys, unicodedata
from fontTools.ttLib import TTFont
out = sys.argv[1]
# In the order itinera's Face list has them; all from fonts-noto-core (Tibetan and Nyiakeng
# Puachue Hmong have only a serif face there).
FACES = ['Sans' + s for s in (
    'Georgian Armenian Ethiopic Tamil Bengali Sinhala Khmer Lao Myanmar').split()]
FACES += ['SerifTibetan'] + ['Sans' + s for s in (
    'Mongolian Gurmukhi Gujarati Oriya Telugu Kannada Malayalam Syriac Thaana NKo Tifinagh '
    'OlChiki Chakma Cherokee CanadianAboriginal Vai Yi MeeteiMayek SylotiNagri NewTaiLue '
    'Sundanese Javanese Batak Coptic Gothic OldPersian Cuneiform').split()]
FACES = ['core/usr/share/fonts/truetype/noto/Noto' + f + '-Regular.ttf' for f in FACES]
FACES += ['core/usr/share/fonts/truetype/noto/NotoSerifNyiakengPuachueHmong-Regular.ttf']
# The Han characters and Hangul syllables beyond the CJK subset above, and box drawing.
FACES += ['cjk/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc']
names = set()
with gzip.open(os.path.join(out, '..', 'places.tsv.gz'), 'rt', encoding='utf-8') as f:
    next(f)
    for line in f:
        cols = line.rstrip('\n').split('\t')
        for n in [cols[2]] + cols[8].split(','):
            if not n.startswith('#'):
                names.update(map(ord, n))
have = set()
for fn in ['NotoSans_400Regular.ttf', 'NotoSansArabic-Regular.ttf', 'NotoSansHebrew-Regular.ttf',
           'NotoSansDevanagari-Regular.ttf', 'NotoSansThai-Regular.ttf',
           'NotoSansCJKsc-Regular-subset.otf']:
    have |= set(TTFont(os.path.join(out, fn)).getBestCmap())
need = {u for u in names if u not in have and unicodedata.category(chr(u))[0] not in 'CZ'}
print(f'{len(need)} characters of the names lack a glyph in the faces above')
for path in FACES:
    ttc = path.endswith('.ttc')
    cmap = set(TTFont(path, fontNumber=2 if ttc else -1).getBestCmap())
    took = need & cmap
    need -= took
    keep = sorted(took | {0x25CC, 0x200C, 0x200D})
    name = 'NotoSansCJKsc-Regular-rare.otf' if ttc else os.path.basename(path).replace('.ttf', '-subset.ttf')
    args = ['venv/bin/pyftsubset', path, '--unicodes=' + ','.join(f'U+{u:04X}' for u in keep),
            '--layout-features=*', '--output-file=' + os.path.join(out, 'scripts', name)]
    args += ['--font-number=2', '--name-IDs=*', '--name-legacy'] if ttc else ['--no-hinting']
    subprocess.run(args, check=True)
    print(f'{name}: {len(took)} characters')
if need:
    sys.exit('no face has ' + ' '.join(f'U+{u:04X}' for u in sorted(need)))
PY
cp core/usr/share/doc/fonts-noto-core/copyright "$out/scripts/fonts-noto-core-copyright.txt"
cd "$out/scripts" && sha256sum ./*.ttf ./*.otf
