import json, sys
sys.path.insert(0, '.')
from cases import CASES
from run import span_of
CC = {"GB": (54.0, -2.0, "United Kingdom"), "GR": (39.0, 22.0, "Greece"), "GE": (42.0, 43.5, "Georgia (country)"), "ES": (40.0, -4.0, "Spain"),
      "FR": (46.5, 2.5, "France"), "RU": (60.0, 90.0, "Russia"), "MX": (23.0, -102.0, "Mexico"), "QA": (25.3, 51.2, "Qatar"),
      "MN": (46.8, 103.0, "Mongolia"), "NP": (28.2, 84.0, "Nepal"), "JP": (36.5, 138.0, "Japan"), "IR": (32.5, 54.0, "Iran"),
      "AE": (24.0, 54.0, "United Arab Emirates"), "BR": (-10.0, -53.0, "Brazil"), "YE": (15.5, 47.5, "Yemen"), "CN": (35.0, 103.0, "China"),
      "US": (39.8, -98.6, "United States"), "KR": (36.5, 127.9, "South Korea"), "PA": (8.5, -80.0, "Panama"), "UA": (49.0, 32.0, "Ukraine"),
      "NG": (9.1, 8.7, "Nigeria"), "CD": (-2.9, 23.6, "Democratic Republic of the Congo"), "UG": (1.4, 32.3, "Uganda"), "AU": (-25.0, 134.0, "Australia")}
with open("gold.jsonl", "w", encoding="utf-8") as f:
    for c in CASES:
        text = c["text"]
        top, inside = [], []
        for e in c["exp"]:
            s, t = span_of(text, e["t"], e["occ"])
            bs, be = len(text[:s].encode()), len(text[:t].encode())
            if e["ll"] is not None:
                lat, lon = e["ll"]; page = None
            else:
                lat, lon, page = (50.0, -85.0, "Ontario") if e["t"] == "Ont." else CC[e["cc"]]
            rec = {"start": bs, "end": be, "name": e["t"], "lat": lat, "lon": lon}
            if page: rec["page"] = page
            (inside if e["in_name"] is True else top).append(rec if e["in_name"] is not True else {"start": bs, "end": be, "name": e["t"]})
            if e["in_name"] is True:
                pass
        f.write(json.dumps({"id": c["id"], "text": text, "toponyms": top, "inside_names": inside}, ensure_ascii=False) + "\n")
