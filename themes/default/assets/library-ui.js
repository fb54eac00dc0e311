// Library page of the default theme: live filters over the library's data file (docs/library-format.md).
// Without JavaScript the page is a plain paginated list whose filter values link to their own pages;
// with it, the values become checkboxes that combine. Values of one filter widen the choice (any of them),
// filters narrow it (all of them), and each value's count says how many documents choosing it would show.
// The URL is the state (one parameter per filter value, page), so a choice can be shared, reloaded and
// walked back. Everything from the data is inserted as text, never as HTML.

const app = document.getElementById('library-app');
if (app) start(app);

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
  let data;
  try {
    const response = await fetch(s.library);
    if (!response.ok) throw new Error(response.status + ' ' + s.library);
    data = await response.json();
  } catch (error) {
    console.error(error);   // the plain list and its links stay: the page still works
    return;
  }
  const fields = data.facets.map((f) => f.field);
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

  // Does the item pass every chosen filter, except the one at index `skip`?
  function passes(item, skip) {
    for (let i = 0; i < fields.length; i++) {
      if (i === skip) continue;
      const chosen = state.chosen[fields[i]];
      if (chosen.size === 0) continue;
      const values = data.facets[i].values;
      if (!item.facets[i].some((p) => chosen.has(values[p].value))) return false;
    }
    return true;
  }

  function countText(n) {
    const form = plural.select(n);
    return (s['count' + form[0].toUpperCase() + form.slice(1)] || s.countOther).replace('{n}', n.toLocaleString(s.lang));
  }

  function draw(focus) {
    const matching = data.items.filter((item) => passes(item, -1));
    const pages = Math.max(1, Math.ceil(matching.length / data.pageSize));
    const page = Math.min(state.page, pages);
    drawFacets(focus);
    status.textContent = countText(matching.length);
    list.replaceChildren();
    if (matching.length === 0) {
      const p = el('p', 'empty', s.noResults);
      list.append(p);
    } else {
      const ul = el('ul', 'items');
      matching.slice((page - 1) * data.pageSize, page * data.pageSize).forEach((item) => ul.append(drawItem(item)));
      list.append(ul);
    }
    if (pages > 1) list.append(drawPager(page, pages));
  }

  function drawFacets(focus) {
    facetBox.querySelectorAll('.library-facet, .library-clear').forEach((n) => n.remove());
    const anyChosen = fields.some((f) => state.chosen[f].size > 0);
    if (anyChosen) {
      const clear = el('button', 'library-clear', s.clear);
      clear.type = 'button';
      clear.addEventListener('click', () => go({ chosen: Object.fromEntries(fields.map((f) => [f, new Set()])), page: 1 }));
      facetBox.append(clear);
    }
    data.facets.forEach((facet, i) => {
      // A value's count: documents that pass the other filters and carry this value.
      const counts = new Array(facet.values.length).fill(0);
      for (const item of data.items) if (passes(item, i)) for (const p of item.facets[i]) counts[p]++;
      const box = el('fieldset', 'library-facet');
      box.dataset.field = facet.field;
      box.append(el('legend', null, facet.label));
      facet.values.forEach((value, p) => {
        const chosen = state.chosen[facet.field].has(value.value);
        if (counts[p] === 0 && !chosen) return;
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
        label.append(input, ' ', el('span', 'value', value.label), ' ', el('span', 'count', String(counts[p])));
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
