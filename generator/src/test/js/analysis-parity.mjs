// Runs the browser's analysis.js over AnalysisParityTest's inputs, so the test can compare every
// token with Lucene's. Usage: node analysis-parity.mjs INPUT.json OUTPUT.json
// INPUT: {unicode: AnalysisTables.unicode(), detail: boolean, languages: [{lang, table, inputs: [text...]}]}
// OUTPUT: {checks: {...}, millis: {lang: ms}, results: {lang: ...}}: each analysis is encoded as
// term \u0001 position \u0001 start \u0001 end, tokens joined by \u0002; with detail, results
// holds these strings, [[FULL, KEEP_STOPWORDS, SURFACE] per input]; without, only their FNV-1a
// hashes, [FULL, KEEP_STOPWORDS, SURFACE, FULL, ...], since the full text of a million analyses
// would cost more to write and read than to compute.
import {readFileSync, writeFileSync} from 'node:fs';

const {createAnalyzer} = await import(new URL('../../main/resources/agora/search/analysis.js', import.meta.url));
const [inputPath, outputPath] = process.argv.slice(2);
const input = JSON.parse(readFileSync(inputPath, 'utf8'));
const MODES = [{}, {stopwords: false}, {stopwords: false, stem: false}, {parts: true}, {stopwords: false, parts: true}];

const encode = (tokens) => tokens.map((t) => `${t.term}\u0001${t.position}\u0001${t.start}\u0001${t.end}`).join('\u0002');

// 32-bit FNV-1a over UTF-16 units, as AnalysisParityTest computes it in Java.
function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

// The contract around prepare(): lazy, loads the Unicode tables once and only for non-ASCII text,
// and analyze() refuses non-ASCII text it could only get wrong.
async function checks(table) {
  let loads = 0;
  const analyzer = createAnalyzer(table, async () => {
    loads++;
    return input.unicode;
  });
  const result = {};
  try {
    analyzer.analyze('r\u00e9seau');
    result.nonAsciiBeforePrepare = 'no error';
  } catch (e) {
    result.nonAsciiBeforePrepare = e.message;
  }
  result.surfaceBeforePrepare = encode(analyzer.analyze('Plain ASCII', {stopwords: false, stem: false}));
  await analyzer.prepare('plain ascii');
  result.loadsAfterAsciiPrepare = loads;
  await Promise.all([analyzer.prepare('r\u00e9seau'), analyzer.prepare('\u00e9t\u00e9')]);
  await analyzer.prepare('na\u00efve');
  result.loadsAfterNonAsciiPrepare = loads;
  result.afterPrepare = encode(analyzer.analyze('R\u00e9seaux'));
  return result;
}

const output = {checks: {}, results: {}, millis: {}};
for (const {lang, table, inputs} of input.languages) {
  output.checks[lang] = await checks(table);
  const started = Date.now();
  const analyzer = createAnalyzer(table, async () => input.unicode);
  await analyzer.prepare(inputs.find((text) => /[^\0-\x7f]/.test(text)) ?? '');
  if (input.detail) {
    output.results[lang] = inputs.map((text) => MODES.map((mode) => encode(analyzer.analyze(text, mode))));
  } else {
    const hashes = [];
    for (const text of inputs) for (const mode of MODES) hashes.push(fnv1a(encode(analyzer.analyze(text, mode))));
    output.results[lang] = hashes;
  }
  output.millis[lang] = Date.now() - started;
}
writeFileSync(outputPath, JSON.stringify(output));
