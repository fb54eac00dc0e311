// Reads gzip members of pack files with HTTP Range requests (docs/search-format.md, "Packs"). Imported by
// agora-search.js only for a language whose index has packs, so a site without them never fetches this.
// Its fetching and inflating come from the caller (io), so this module imports nothing.

/**
 * Bytes offset … offset + length - 1 of a pack file, asked with a Range request. A host that ignores Range
 * answers 200 with the whole file: returned as { whole } for the caller to slice and keep. A 206 for
 * another range than asked (a proxy may round ranges) is not trusted: the whole file is fetched instead.
 */
async function fetchRange(url, offset, length) {
  const response = await fetch(url, { headers: { Range: `bytes=${offset}-${offset + length - 1}` } });
  if (!response.ok) throw new Error(`search: ${url} answered ${response.status}`);
  const body = new Uint8Array(await response.arrayBuffer());
  if (response.status !== 206) return { whole: body };
  const m = /^bytes (\d+)-(\d+)\//.exec(response.headers.get('Content-Range') || '');
  if (m && Number(m[1]) === offset && body.length === length) return { part: body };
  const again = await fetch(url);
  if (!again.ok) throw new Error(`search: ${url} answered ${again.status}`);
  return { whole: new Uint8Array(await again.arrayBuffer()) };
}

/**
 * One gzip member of a pack file, inflated: fetched by its byte range, or sliced from the whole file
 * when the host ignores Range (then every later member of that file comes from the same copy, and other
 * packs are fetched whole at once, since asking for a range would only repeat the whole file).
 */
export function member(index, rel, offset, length, io) {
  const key = `${rel}@${offset}`;
  if (!index.files.has(key)) {
    let p;
    if (index.wholeFiles.has(rel) || index.rangeless) {
      if (!index.wholeFiles.has(rel)) index.wholeFiles.set(rel, io.fetchRaw(new URL(rel, index.folder)));
      p = index.wholeFiles.get(rel).then((whole) => io.inflate(whole.subarray(offset, offset + length)));
    } else {
      p = fetchRange(new URL(rel, index.folder), offset, length).then((got) => {
        if (got.part) return io.inflate(got.part);
        index.rangeless = true;
        index.wholeFiles.set(rel, Promise.resolve(got.whole));
        return io.inflate(got.whole.subarray(offset, offset + length));
      });
    }
    p.catch(() => { index.files.delete(key); index.wholeFiles.delete(rel); });
    index.files.set(key, p);
  }
  return index.files.get(key);
}


const utf8 = new TextDecoder();

/**
 * A result's bundled data: the member of its documents' file, found by the lengths of the members before
 * it, which the facet shards hold (fetched for the facet counts anyway).
 */
export function fragment(index, doc) {
  const key = 'data:' + doc;
  if (!index.decoded.has(key)) {
    const p = (async () => {
      const perFile = index.manifest.dataDocsPerFile;
      const per = index.manifest.facetDocsPerShard;
      const first = doc - (doc % perFile);
      const shards = new Set();
      for (let k = Math.floor(first / per); k <= Math.floor(doc / per); k++) shards.add(k);
      await index.loadFacetShards(shards);
      const length = (d) => index.dataLengths.get(Math.floor(d / per))[d % per];
      let offset = 0;
      for (let d = first; d < doc; d++) offset += length(d);
      const bytes = await index.member(`d/${first / perFile}.bin`, offset, length(doc));
      return JSON.parse(utf8.decode(bytes));
    })();
    p.catch(() => index.decoded.delete(key));
    index.decoded.set(key, p);
  }
  return index.decoded.get(key);
}
