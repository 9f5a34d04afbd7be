#!/usr/bin/env python3
"""Writes DIR/walk1m.csv, the million-stop random walk of benches/memory.sh and
benches/export.sh (trip,place,lat,lon; seed 1; steps of up to 0.1 degree, wrapping at 180).

    python3 benches/make_walk.py DIR"""
import os, random, sys

d = sys.argv[1]
random.seed(1)
lat, lon = 50.0, 10.0
with open(os.path.join(d, 'walk1m.csv'), 'w') as f:
    f.write('trip,place,lat,lon\n')
    for i in range(1_000_000):
        lat = max(-80, min(80, lat + random.uniform(-0.1, 0.1)))
        lon = (lon + random.uniform(-0.1, 0.1) + 180) % 360 - 180
        f.write('T,S%d,%.5f,%.5f\n' % (i, lat, lon))
