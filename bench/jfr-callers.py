#!/usr/bin/env python3
"""Inside one stage of a JFR recording: which Agora method calls into which library, by share of samples.
  jfr-callers.py JFR_TOOL RECORDING.jfr org.agora.site.PageWriter.renderDocuments
"""
import json, subprocess, sys, collections
jfr, path, stage_prefix = sys.argv[1], sys.argv[2], sys.argv[3]
data = json.loads(subprocess.run([jfr, 'print', '--json', '--stack-depth', '300', '--events', 'jdk.ExecutionSample', path], capture_output=True, text=True).stdout)
c = collections.Counter(); total = 0
for e in data['recording']['events']:
    fr = e['values']['stackTrace']['frames']
    names = [f['method']['type']['name'].replace('/', '.') + '.' + f['method']['name'] for f in fr]
    if not any(n.startswith(stage_prefix) for n in names): continue
    total += 1
    # the innermost Agora frame, and the library frame right under it
    for i, n in enumerate(names):
        if n.startswith('org.agora'):
            below = names[i-1] if i > 0 else '-'
            c[(n.replace('org.agora.', ''), below.split('.')[0] + '.' + '.'.join(below.split('.')[1:3]))] += 1
            break
print(total, 'samples in', stage_prefix)
for (a, b), v in c.most_common(18): print(f'{v*100/total:5.1f}%  {a:60s} -> {b}')
