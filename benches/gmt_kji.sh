# Sourced by benches/render.sh and benches/png.sh: writes DIR/route.txt and DIR/gmt.sh, GMT 6
# drawing the August 2011 journey's stops (Khasan, Ussuriysk, Ulan-Ude) on a Lambert conic of
# the same region as itinera's map: coast, lakes, dashed borders, framed graticule, scale bar,
# route and labels, to DIR/gmtmap.png.
write_gmt_kji() {
  local dir=$1
  printf '130.65156 42.42387\n131.95734 43.80467\n107.59979 51.82648\n' > "$dir/route.txt"
  cat > "$dir/gmt.sh" <<GMT
cd $dir
gmt begin gmtmap png E150
gmt coast -R103/136/38/55 -JL120/46.5/43/50/27c -Dl -A500 -Gwheat -Sazure -Clightblue -N1/0.5p,gray40,- -Baf -BWSne -LjBL+c46.5+w500k+o0.5c/0.5c -W0.3p
gmt plot route.txt -W2p,red -A
gmt plot route.txt -Sc0.25c -Gwhite -W1p,red
gmt text -F+f9p+jLM -D0.25c/0 <<END
130.65156 42.42387 Khasan
131.95734 43.80467 Ussuriysk
107.59979 51.82648 Ulan-Ude
END
gmt end
GMT
}
