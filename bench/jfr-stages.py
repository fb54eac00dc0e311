#!/usr/bin/env python3
"""Where a build's CPU goes, by Agora stage, from a JFR recording.
  jfr-stages.py JFR_TOOL RECORDING.jfr
Each execution sample is given to the outermost Agora stage method on its stack (PageWriter.renderDocuments,
SearchStage.related, ...) and to the library its innermost frame belongs to (Lucene, flexmark, jsoup, Pebble...).
Record with: java -XX:FlightRecorderOptions=stackdepth=2048 -XX:StartFlightRecording=filename=X.jfr,settings=profile
"""
import json, subprocess, sys, collections
jfr, path = sys.argv[1], sys.argv[2]
data = json.loads(subprocess.run([jfr, 'print', '--json', '--stack-depth', '300', '--events', 'jdk.ExecutionSample', path], capture_output=True, text=True).stdout)
events = data['recording']['events']
def lib(name):
    for p, l in [('org.apache.lucene', 'Lucene'), ('com.vladsch.flexmark', 'flexmark'), ('org.jsoup', 'jsoup'),
                 ('io.pebbletemplates', 'Pebble'), ('org.tartarus', 'Lucene (snowball)'), ('com.fasterxml', 'Jackson'),
                 ('java.util.zip', 'zip/deflate'), ('sun.nio', 'file I/O'), ('java.nio', 'file I/O'), ('java.io', 'file I/O'),
                 ('jdk.internal.foreign', 'Lucene (mmap)'), ('org.agora', 'Agora')]:
        if name.startswith(p): return l
    return 'JDK'
by_stage = collections.Counter(); by_lib = collections.defaultdict(collections.Counter); total = 0
STAGES = ['renderListTexts','renderDocuments','related','writeDocuments','writeLists','export','writeFilesAndRedirects',
          'parse', 'build', 'scan', 'load', 'check']
for e in events:
    frames = e['values']['stackTrace']['frames'] if e['values'].get('stackTrace') else []
    if not frames: continue
    total += 1
    names = [f['method']['type']['name'].replace('/', '.') + '.' + f['method']['name'] for f in frames]
    stage = 'other'
    for n in reversed(names):   # outermost first
        if n.startswith('org.agora.site.PageWriter.') or n.startswith('org.agora.site.SearchStage.') \
           or n.startswith('org.agora.content.FrontMatterParser.parse') or n.startswith('org.agora.model.LibraryBuilder.build') \
           or n.startswith('org.agora.search.IndexExporter.'):
            stage = n.replace('org.agora.', ''); break
    import re as _re
    stage = _re.sub(r'lambda\$(\w+)\$\d+', r'\1', stage)
    leaf = names[0]
    by_stage[stage] += 1; by_lib[stage][lib(leaf)] += 1
print(f'{total} samples')
for stage, n in by_stage.most_common(12):
    libs = ', '.join(f'{l} {c*100//n}%' for l, c in by_lib[stage].most_common(4))
    print(f'{n*100/total:5.1f}%  {stage:55s} {libs}')
