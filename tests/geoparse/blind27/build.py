import json, re, sys
sys.path.insert(0, '/tmp/probe27')
from places import P
T = {}
for m in ('texts1', 'texts2', 'texts3'):
    T.update(__import__(m).T)
tok = re.compile(r'\[\[([^\]|]+)(?:\|([^\]]+))?\]\]|\{\{([^}]+)\}\}')
out = []
for did in sorted(T):
    src = T[did]
    text = ''; tops = []; inside = []
    pos = 0
    for m in tok.finditer(src):
        text += src[pos:m.start()]
        b0 = len(text.encode('utf-8'))
        if m.group(3) is not None:
            name = m.group(3); text += name
            inside.append({"start": b0, "end": b0 + len(name.encode()), "name": name})
        else:
            name = m.group(1); key = m.group(2) or name
            lat, lon, page = P[key]
            text += name
            tops.append({"start": b0, "end": b0 + len(name.encode()), "name": name, "lat": lat, "lon": lon, "page": page})
        pos = m.end()
    text += src[pos:]
    assert '[[' not in text and '{{' not in text and ']]' not in text and '}}' not in text, did
    bt = text.encode()
    for t in tops + inside:
        assert bt[t['start']:t['end']].decode() == t['name'], (did, t)
    words = len(text.split())
    assert 80 <= words <= 250, (did, words)
    out.append({"id": did, "source": "blind probe, issue 27", "text": text, "toponyms": tops, "inside_names": inside})
with open('/tmp/probe27/blind.jsonl', 'w') as f:
    for o in out:
        f.write(json.dumps(o, ensure_ascii=False) + '\n')
print(len(out), 'docs', sum(len(o['toponyms']) for o in out), 'toponyms', sum(len(o['inside_names']) for o in out), 'inside')
for o in out: print(o['id'], len(o['text'].split()), len(o['toponyms']), len(o['inside_names']))
