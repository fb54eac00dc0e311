// Search page of the default theme: connects the form of search.peb to Agora's search runtime.
// The URL is the state (q, page, all=1, one parameter per facet field), so a search can be shared,
// reloaded and walked back with the browser's back button. UI strings come from the page's data
// attributes, in the page's language; everything that comes from the index is inserted as text,
// never as HTML, so content can never inject markup or script.

const app = document.getElementById('search-app');
if (app) start(app);

function start(app) {
  const s = app.dataset;
  const byId = (id) => document.getElementById(id);
  const form = byId('search-form'), input = byId('search-q'), status = byId('search-status');
  const list = byId('search-list'), facetBox = byId('search-facets'), facetGroups = byId('search-facet-groups');
  const suggestions = byId('search-suggestions'), pager = byId('search-pages'), notice = byId('search-notice');
  const plural = new Intl.PluralRules(s.lang);
  const PAGE_SIZE = 10, FACET_VALUES_SHOWN = 6;
  const unfolded = new Set();   // facet fields whose long tail the reader opened
  let state = readUrl(), seq = 0, timer = 0, engine = null;

  // On a phone the filters start folded under their heading, so the results come into view first;
  // on a wider screen they stand open beside the results.
  const fold = byId('search-facets-fold'), narrow = window.matchMedia('(max-width: 40rem)');
  if (fold) {
    const follow = () => { fold.open = !narrow.matches; };
    follow();
    narrow.addEventListener('change', follow);
  }

  // Started at once, awaited by each search: the form works (and says so) while the runtime loads.
  const opening = import(s.module).then((mod) => mod.open({ lang: s.lang })).then((e) => (engine = e));
  opening.catch(() => {});   // reported by the search that awaits it

  function readUrl() {
    const params = new URLSearchParams(location.search), filters = {};
    for (const [key, value] of params) {
      if (key === 'q' || key === 'page' || key === 'all' || !value) continue;
      (filters[key] ||= []).push(value);
    }
    return { q: params.get('q') || '', page: Math.max(1, parseInt(params.get('page'), 10) || 1),
             all: params.get('all') === '1', filters };
  }

  function urlOf(st) {
    const params = new URLSearchParams();
    if (st.q) params.set('q', st.q);
    if (st.all) params.set('all', '1');
    for (const [field, values] of Object.entries(st.filters)) values.forEach((v) => params.append(field, v));
    if (st.page > 1) params.set('page', String(st.page));
    const query = params.toString();
    return location.pathname + (query ? '?' + query : '');
  }

  // history: 'push' makes a step the back button returns to, 'replace' rewrites the current one.
  function go(next, history, options) {
    state = next;
    const url = urlOf(state);
    if (history === 'push' && url !== location.pathname + location.search) window.history.pushState(null, '', url);
    else if (history) window.history.replaceState(null, '', url);
    return run(options);
  }

  async function run({ prefix = false, focus = false } = {}) {
    const mine = ++seq;
    if (!state.q.trim()) {
      clear();
      say(s.prompt);
      return;
    }
    if (!engine) say(s.loading);
    list.setAttribute('aria-busy', 'true');   // until the newest search is drawn
    try {
      await opening;
      // Other URL parameters (utm_source…) are not filters; language is one only across languages.
      const known = new Set(engine.facetFields.map((f) => f.field));
      if (state.all) known.add('language');
      const filters = Object.fromEntries(Object.entries(state.filters).filter(([field]) => known.has(field)));
      const res = await engine.search(state.q, { allLanguages: state.all, filters, prefix,
                                                 page: state.page, pageSize: PAGE_SIZE });
      if (mine === seq) draw(res, focus);   // a newer search has started: its results win
    } catch (error) {
      if (mine === seq) { clear(); say(s.failed); }
      console.error(error);
    }
  }

  function draw(res, focus) {
    list.removeAttribute('aria-busy');
    // The facets are rebuilt: put the keyboard back on the checkbox that was just toggled.
    const active = document.activeElement;
    const was = facetGroups.contains(active) ? [active.name, active.value] : null;
    list.replaceChildren(...res.results.map(result));
    drawFacets(res.facets || []);
    drawNotice(res.partial, res.unknownWords || []);
    drawSuggestions(res.suggestions || []);
    drawPager(res.page, res.pages);
    say(res.total === 0 ? s.noResults.replace('{query}', () => state.q) : count(res.total));
    if (was) [...facetGroups.querySelectorAll('input')].find((b) => b.name === was[0] && b.value === was[1])?.focus();
    if (focus) list.focus();
  }

  function clear() {
    list.removeAttribute('aria-busy');
    list.replaceChildren();
    drawFacets([]);
    drawSuggestions([]);
    drawPager(1, 0);
  }

  function result(r) {
    const foreign = r.language && r.language !== s.lang;
    const title = el('a', null, r.title);
    if (safeUrl(r.url)) title.href = r.url;
    if (foreign) { title.lang = r.language; title.hreflang = r.language; }
    const meta = el('p', 'item-meta');
    if (r.typeLabel) meta.append(el('span', 'type', r.typeLabel));
    if (r.dateText) {
      const time = el('time', null, r.dateText);
      if (r.date) time.dateTime = r.date;
      meta.append(time);
    }
    if (r.translation) {
      meta.append(el('span', 'badge machine', r.translation === 'machine-reviewed' ? s.machineReviewed : s.machine));
    }
    if (foreign) {
      const badge = el('span', 'badge', r.languageLabel || r.language);
      badge.lang = r.language;
      meta.append(badge);
    }
    const excerpt = el('p', 'item-summary search-excerpt');
    if (foreign) excerpt.lang = r.language;
    if (r.excerpt && r.excerpt.length) {
      excerpt.append(...r.excerpt.map((part) => (part.match ? el('mark', null, part.text) : part.text)));
    } else if (r.summary) {
      excerpt.append(r.summary);
    }
    const item = el('li', 'item search-result', el('h3', 'item-title', title));
    if (meta.childNodes.length) item.append(meta);
    if (r.attachment) {
      // The excerpt comes from an attachment's text: name it, with a link to the file.
      const file = el('a', null, r.attachment.title);
      if (safeUrl(r.attachment.url)) file.href = r.attachment.url;
      if (foreign) file.lang = r.language;
      item.append(el('p', 'item-meta search-attachment', s.inAttachment, ' ', file));
    }
    if (excerpt.childNodes.length) item.append(excerpt);
    return item;
  }

  function drawFacets(facets) {
    const shown = facets.filter((f) => f.values && f.values.length);
    facetGroups.replaceChildren(...shown.map((f) => {
      const group = el('fieldset', 'search-facet', el('legend', null, f.label));
      // The most frequent values and the chosen ones stay in sight; a long tail (tags) folds away.
      const head = f.values.filter((v, i) => v.selected || i < FACET_VALUES_SHOWN);
      const tail = f.values.filter((v) => !head.includes(v));
      group.append(...head.map((v) => option(f.field, v)));
      if (tail.length) {
        const more = el('details', null, el('summary', null, s.more.replace('{n}', () => tail.length.toLocaleString(s.lang))),
                        ...tail.map((v) => option(f.field, v)));
        more.open = unfolded.has(f.field);
        more.addEventListener('toggle', () => (more.open ? unfolded.add(f.field) : unfolded.delete(f.field)));
        group.append(more);
      }
      return group;
    }));
    facetBox.hidden = shown.length === 0;
  }

  function option(field, v) {
    const box = el('input');
    box.type = 'checkbox';
    box.name = field;
    box.value = v.value;
    box.checked = !!v.selected;
    return el('label', null, box, ' ', el('span', null, v.label), ' ',
              el('span', 'count', '(' + v.count.toLocaleString(s.lang) + ')'));
  }

  // When no page has every word: which words no page has, and how many of the words the results have.
  function drawNotice(partial, unknown) {
    // A site's own copy of search.peb from before these strings existed simply shows no notice.
    if (!notice || !s.partial || !s.unknownWords) return;
    const lines = [];
    if (unknown.length) lines.push(s.unknownWords.replace('{words}', () => unknown.map((w) => (s.quotedWord || '“{word}”').replace('{word}', () => w)).join(', ')));
    if (partial) lines.push(s.partial.replace('{matched}', () => partial.matched).replace('{of}', () => partial.of));
    notice.textContent = lines.join(' ');
    notice.hidden = lines.length === 0;
  }

  function drawSuggestions(queries) {
    suggestions.replaceChildren();
    if (queries.length) suggestions.append(s.didYouMean, ' ');
    queries.forEach((q, i) => {
      if (i) suggestions.append(', ');
      suggestions.append(link({ ...state, q, page: 1 }, q));
    });
    suggestions.hidden = queries.length === 0;
  }

  function drawPager(current, pages) {
    pager.hidden = !(pages > 1);
    pager.replaceChildren();
    if (pager.hidden) return;
    const items = [];
    if (current > 1) items.push(el('li', 'prev', link({ ...state, page: current - 1 }, s.previous, 'prev')));
    let gap = false;
    for (let n = 1; n <= pages; n++) {
      if (n !== 1 && n !== pages && Math.abs(n - current) > 2) {
        if (!gap) items.push(el('li', 'gap', '…'));
        gap = true;
        continue;
      }
      gap = false;
      const a = link({ ...state, page: n }, n.toLocaleString(s.lang));
      a.setAttribute('aria-label', s.page.replace('{n}', () => n.toLocaleString(s.lang)));
      if (n === current) a.setAttribute('aria-current', 'page');
      items.push(el('li', null, a));
    }
    if (current < pages) items.push(el('li', 'next', link({ ...state, page: current + 1 }, s.next, 'next')));
    pager.append(el('ul', null, ...items));
  }

  // A real link (it opens in a new tab, shows its address) that a plain click turns into a new search step.
  function link(next, text, rel) {
    const a = el('a', null, text);
    a.href = urlOf(next);
    if (rel) a.rel = rel;
    a.addEventListener('click', (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      input.value = next.q;
      typingEntry = false;
      go(next, 'push', { focus: true });
    });
    return a;
  }

  function count(n) {
    const text = s['count' + capitalise(plural.select(n))] || s.countOther;
    return text.replace('{n}', () => n.toLocaleString(s.lang));
  }

  function say(text) { status.textContent = text; }

  function showScope() {
    for (const radio of form.elements.all) radio.checked = (radio.value === '1') === state.all;
  }

  // Typing a new query after an earlier search adds one history entry (so back returns to that search),
  // then keeps rewriting it while the reader types; on a page without a query it rewrites the page's own.
  let typingEntry = false;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const history = typingEntry || !state.q ? 'replace' : 'push';
      typingEntry = true;
      go({ ...state, q: input.value, page: 1 }, history, { prefix: true });
    }, 200);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    const history = typingEntry ? 'replace' : 'push';
    typingEntry = false;
    go({ ...state, q: input.value, page: 1 }, history);
  });
  form.addEventListener('change', (event) => {
    if (event.target.name !== 'all') return;
    const all = event.target.value === '1';
    const filters = { ...state.filters };
    if (!all) delete filters.language;   // a filter on another language would now match nothing
    typingEntry = false;
    go({ ...state, all, filters, page: 1 }, 'push');
  });
  facetGroups.addEventListener('change', (event) => {
    const box = event.target;
    const values = new Set(state.filters[box.name] || []);
    if (box.checked) values.add(box.value); else values.delete(box.value);
    const filters = { ...state.filters, [box.name]: [...values] };
    if (!values.size) delete filters[box.name];
    typingEntry = false;
    go({ ...state, filters, page: 1 }, 'push');
  });
  window.addEventListener('popstate', () => {
    clearTimeout(timer);
    state = readUrl();
    input.value = state.q;
    showScope();
    run();
  });

  input.value = state.q;
  showScope();
  run();
}

function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);   // strings become text nodes
  return node;
}

function safeUrl(url) {
  try { return ['http:', 'https:'].includes(new URL(url, location.href).protocol); } catch { return false; }
}

function capitalise(word) { return word.charAt(0).toUpperCase() + word.slice(1); }
