// Library page of the default theme: live filters over the library's data files (docs/library-format.md).
// Without JavaScript the page is a plain paginated list whose filter values link to their own pages;
// with it, the values become checkboxes that combine. Values of one filter widen the choice (any of them),
// filters narrow it (all of them), and each value's count says how many documents choosing it would show.
// The URL is the state (one parameter per filter value, page), so a choice can be shared, reloaded and
// walked back. Everything from the data is inserted as text, never as HTML.

async function start(app) {
  const s = app.dataset;
  const byId = (id) => document.getElementById(id);
  const facetBox = byId('library-facet-groups'), list = byId('library-list'), status = byId('library-status');
  // On a phone the filters start folded under their heading, so the list comes into view first.
  const fold = byId('library-facets-fold'), narrow = window.matchMedia('(max-width: 40rem)');
  if (fold) {
    const follow = () => { fold.open = !narrow.matches; };
    follow();
    narrow.addEventListener('change', follow);
  }
  const plural = new Intl.PluralRules(s.lang);
  const entryUrl = new URL(s.library, location.href);
  let data;
  try {
    data = await fetchJson(entryUrl);
  } catch (error) {
    console.error(error);   // the plain list and its links stay: the page still works
    return;
  }
  const fields = data.facets.map((f) => f.field);
  const library = new LibraryFiles(data, entryUrl);
  let state = readUrl();

  function readUrl() {
    const params = new URLSearchParams(location.search), chosen = {};
    data.facets.forEach((f, i) => {
      const known = new Set(f.values.map((v) => v.value));
      chosen[f.field] = new Set(params.getAll(f.field).filter((v) => known.has(v)));
    });
    return { chosen, page: Math.max(1, parseInt(params.get('page'), 10) || 1) };
  }

  function urlOf(st) {
    const params = new URLSearchParams();
    for (const field of fields) st.chosen[field].forEach((v) => params.append(field, v));
    if (st.page > 1) params.set('page', String(st.page));
    const query = params.toString();
    return location.pathname + (query ? '?' + query : '');
  }

  function go(next, focus) {
    state = next;
    const url = urlOf(state);
    if (url !== location.pathname + location.search) history.pushState(null, '', url);
    draw(focus);
  }

  window.addEventListener('popstate', () => { state = readUrl(); draw(); });

  function countText(n) {
    const form = plural.select(n);
    return (s['count' + form[0].toUpperCase() + form.slice(1)] || s.countOther).replace('{n}', n.toLocaleString(s.lang));
  }

  // Each draw waits for the files it needs; a newer draw (the reader clicked again meanwhile) wins.
  let drawing = 0;
  async function draw(focus) {
    const ticket = ++drawing, shown = state;
    let selection, cards, page, pages;
    list.setAttribute('aria-busy', 'true');
    try {
      selection = await library.select(shown.chosen);
      pages = Math.max(1, Math.ceil(selection.total / data.pageSize));
      page = Math.min(shown.page, pages);
      cards = await library.cards(selection.numbers((page - 1) * data.pageSize, page * data.pageSize));
    } catch (error) {
      if (ticket === drawing) list.removeAttribute('aria-busy');
      console.error(error);   // what is shown stays, and its links still work
      return;
    }
    if (ticket !== drawing) return;
    list.removeAttribute('aria-busy');
    drawFacets(selection.counts, focus);
    status.textContent = countText(selection.total);
    list.replaceChildren();
    if (selection.total === 0) {
      list.append(el('p', 'empty', s.noResults));
    } else {
      const ul = el('ul', 'items');
      cards.forEach((item) => ul.append(drawItem(item)));
      list.append(ul);
    }
    if (pages > 1) list.append(drawPager(page, pages));
  }

  function drawFacets(counts, focus) {
    facetBox.querySelectorAll('.library-facet, .library-clear').forEach((n) => n.remove());
    const anyChosen = fields.some((f) => state.chosen[f].size > 0);
    if (anyChosen) {
      const clear = el('button', 'library-clear', s.clear);
      clear.type = 'button';
      clear.addEventListener('click', () => go({ chosen: Object.fromEntries(fields.map((f) => [f, new Set()])), page: 1 }));
      facetBox.append(clear);
    }
    data.facets.forEach((facet, i) => {
      const box = el('fieldset', 'library-facet');
      box.dataset.field = facet.field;
      box.append(el('legend', null, facet.label));
      facet.values.forEach((value, p) => {
        const chosen = state.chosen[facet.field].has(value.value);
        if (counts[i][p] === 0 && !chosen) return;
        const id = 'f-' + facet.field + '-' + p;
        const input = el('input');
        input.type = 'checkbox';
        input.id = id;
        input.name = facet.field;
        input.value = value.value;
        input.checked = chosen;
        input.addEventListener('change', () => {
          const next = { chosen: { ...state.chosen }, page: 1 };
          const set = new Set(state.chosen[facet.field]);
          if (input.checked) set.add(value.value); else set.delete(value.value);
          next.chosen[facet.field] = set;
          go(next, id);
        });
        const label = el('label');
        label.htmlFor = id;
        label.append(input, ' ', el('span', 'value', value.label), ' ', el('span', 'count', String(counts[i][p])));
        box.append(label);
      });
      facetBox.append(box);
    });
    if (focus) byId(focus)?.focus();
  }

  function drawItem(item) {
    const li = el('li', 'item' + (item.fallback ? ' is-fallback' : ''));
    const h = el('h2', 'item-title');
    const a = el('a', null, item.title);
    a.href = item.url;
    if (item.fallback) { a.hreflang = item.language; a.lang = item.language; }
    h.append(a);
    li.append(h);
    const meta = el('p', 'item-meta');
    if (item.typeLabel) meta.append(el('span', 'type type-' + item.type, item.typeLabel), ' ');
    if (item.dateText) {
      const time = el('time', null, item.dateText);
      time.dateTime = item.date;
      meta.append(time, ' ');
    }
    if (item.fallback) {
      const badge = el('span', 'badge fallback', s['in' + item.language[0].toUpperCase() + item.language.slice(1)] || item.language);
      badge.title = s.fallbackNote;
      meta.append(badge);
    }
    li.append(meta);
    if (item.summary) {
      const p = el('p', 'item-summary', item.summary);
      if (item.fallback) p.lang = item.language;
      li.append(p);
    }
    return li;
  }

  function drawPager(page, pages) {
    const nav = el('nav', 'pagination');
    nav.setAttribute('aria-label', s.pagesLabel);
    const ul = el('ul');
    const step = (to, text, cls) => {
      const li = el('li', cls);
      if (to >= 1 && to <= pages) {
        const a = el('a', null, text);
        a.href = urlOf({ ...state, page: to });
        a.addEventListener('click', (event) => {
          event.preventDefault();
          go({ ...state, page: to });
          status.scrollIntoView({ block: 'nearest' });
        });
        li.append(a);
      }
      return li;
    };
    const current = el('li', 'status', s.pageStatus.replace('{current}', page).replace('{total}', pages));
    current.setAttribute('aria-current', 'page');
    ul.append(step(page - 1, s.previous, 'prev'), current, step(page + 1, s.next, 'next'));
    nav.append(ul);
    return nav;
  }

  draw();
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The library's data files, fetched as the reader needs them: the entry (facets, counts, first page) is
 * already here; the filters file comes with the first filter, and each page of cards with the page shown.
 */
class LibraryFiles {
  constructor(entry, entryUrl) {
    this.entry = entry;
    this.entryUrl = entryUrl;
    this.pages = new Map([[0, Promise.resolve(entry.items)]]);
    this.postings = null;
  }

  // The documents passing every chosen filter, as numbers in list order, and each value's count: the
  // documents that pass every *other* filter and have that value.
  async select(chosen) {
    const facets = this.entry.facets, total = this.entry.total;
    const active = facets.map((f) => f.values.flatMap((v, p) => (chosen[f.field].has(v.value) ? [p] : [])));
    if (active.every((a) => a.length === 0)) {
      return { total, numbers: (from, to) => range(from, Math.min(to, total)),
        counts: facets.map((f) => f.values.map((v) => v.count)) };
    }
    const postings = await this.filters();
    // misses[n]: how many filters document n fails. It passes all but filter i when it fails none, or
    // fails only i; so one pass over each value's documents counts it.
    const misses = new Uint8Array(total), masks = [];
    active.forEach((positions, i) => {
      if (positions.length === 0) return;
      const mask = new Uint8Array(total);
      for (const p of positions) for (const n of postings[i][p]) mask[n] = 1;
      for (let n = 0; n < total; n++) if (!mask[n]) misses[n]++;
      masks[i] = mask;
    });
    const counts = postings.map((values, i) => values.map((docs) => {
      const mask = masks[i];
      let count = 0;
      for (const n of docs) if (misses[n] === 0 || (mask && misses[n] === 1 && !mask[n])) count++;
      return count;
    }));
    const matching = [];
    for (let n = 0; n < total; n++) if (misses[n] === 0) matching.push(n);
    return { total: matching.length, numbers: (from, to) => matching.slice(from, to), counts };
  }

  // Each value's documents, from the gaps the file gives.
  filters() {
    if (!this.postings) {
      this.postings = fetchJson(new URL(this.entry.filters, this.entryUrl)).then((file) =>
        file.facets.map((f) => f.items.map((gaps) => {
          const docs = new Int32Array(gaps.length);
          let n = 0;
          gaps.forEach((gap, k) => { n += gap; docs[k] = n; });
          return docs;
        })));
      this.postings.catch(() => { this.postings = null; });   // a later filter tries again
    }
    return this.postings;
  }

  // The cards of documents by number, fetching the pages of the list that hold them.
  async cards(numbers) {
    const size = this.entry.pageSize;
    const needed = [...new Set(numbers.map((n) => Math.floor(n / size)))];
    const pages = new Map(await Promise.all(needed.map(async (k) => [k, await this.page(k)])));
    return numbers.map((n) => pages.get(Math.floor(n / size))[n % size]);
  }

  page(k) {
    if (!this.pages.has(k)) {
      const loading = fetchJson(new URL('data/items.' + this.entry.pages[k] + '.json', this.entryUrl)).then((file) => file.items);
      loading.catch(() => this.pages.delete(k));   // a later visit to the page tries again
      this.pages.set(k, loading);
    }
    return this.pages.get(k);
  }
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(response.status + ' ' + url);
  return response.json();
}

function range(from, to) {
  const out = [];
  for (let n = from; n < to; n++) out.push(n);
  return out;
}

// Last, so the class above is defined before anything uses it.
const app = document.getElementById('library-app');
if (app) start(app);
