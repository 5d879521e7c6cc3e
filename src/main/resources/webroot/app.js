/* Löftesgrafen web page: plain JavaScript, no libraries, no network beyond this service's own API.
 * Every view lives in the URL (/?q=narkotika, /?kommun=1492, /?view=coverage, /?view=overview&theme=trafik),
 * so a link or a reload restores it; forms navigate to the URL of what they ask for. */
'use strict';

const TEXT = {
  sv: {
    skip: 'Hoppa till innehållet', menu: 'Huvudmeny', navSearch: 'Sök', navOverview: 'Översikt',
    navCoverage: 'Täckning', navApi: 'API', searchTitle: 'Vad lovar polisen och kommunerna?',
    searchLead: 'Sök bland åtagandena i Sveriges medborgarlöften och filtrera på tema, län, år och aktör.',
    q: 'Sökord', qPlaceholder: 't.ex. narkotika', theme: 'Tema', county: 'Län', year: 'År', actor: 'Aktör',
    any: 'Alla', polisen: 'Polisen', kommunen: 'Kommunen', annan: 'Annan', searchButton: 'Sök', pages: 'Sidor',
    timeline: 'Löften år för år', similar: 'Liknande kommuner',
    similarHint: 'Kommuner vars löften tar upp samma teman.', overviewTitle: 'Teman över tid och per län',
    wholeCountry: 'Hela landet', yearForCounties: 'År (för länen)', show: 'Visa',
    coverageTitle: 'Täckning: vilka kommuners löften finns här?', onlyMissing: 'Bara kommuner utan aktuellt löfte',
    municipality: 'Kommun', latestPeriod: 'Senaste löfte', lastHarvest: 'Senast hämtad', sourceKind: 'Källa',
    current: 'Aktuellt löfte', footer: 'Öppna länkade data om medborgarlöften. Varje åtagande länkar till sidan det kommer från.',
    loading: 'Hämtar …', hits: n => n === 1 ? '1 åtagande' : `${n} åtaganden`, noHits: 'Inga åtaganden matchar.',
    startHint: 'Skriv ett sökord eller välj ett filter, till exempel tema Narkotika.',
    previous: 'Föregående', next: 'Nästa', pageOf: (p, n) => `Sida ${p} av ${n}`, source: 'Källa',
    fetched: 'hämtad', snapshot: 'arkiverad kopia', csv: 'Ladda ned som CSV', newTheme: 'nytt',
    continuedTheme: 'fortsätter', droppedTheme: 'borttaget', noPromises: 'Inga löften med åtaganden hittades för kommunen.',
    noSimilar: 'Inga jämförbara kommuner ännu.', score: 'likhet', yes: 'finns', no: 'saknas', none: '–',
    chartYears: (t, c) => `Antal kommuner med åtaganden om ${t} per år${c ? ' i ' + c : ''}`,
    chartCounties: (t, y) => `Andel av länets kommuner med åtaganden om ${t}${y ? ' ' + y : ''}`,
    showTable: 'Visa siffrorna som tabell', share: 'andel', count: 'kommuner', commitments: 'åtaganden',
    error: 'Något gick fel: ', otherLang: 'English', otherLangCode: 'en', kommunSuffix: '', period: 'Period',
    countyCount: n => `${n} kommuner`, municipalitiesIn: 'Kommun i',
    noData: 'Inga åtaganden i det här temat ännu.'
  },
  en: {
    skip: 'Skip to content', menu: 'Main menu', navSearch: 'Search', navOverview: 'Overview',
    navCoverage: 'Coverage', navApi: 'API', searchTitle: 'What do the police and the municipalities promise?',
    searchLead: 'Search the commitments of Sweden\'s citizen promises (medborgarlöften); filter by theme, county, year and actor.',
    q: 'Search words', qPlaceholder: 'e.g. narkotika', theme: 'Theme', county: 'County', year: 'Year', actor: 'Actor',
    any: 'All', polisen: 'Police', kommunen: 'Municipality', annan: 'Other', searchButton: 'Search', pages: 'Pages',
    timeline: 'Promises year by year', similar: 'Similar municipalities',
    similarHint: 'Municipalities whose promises address the same themes.', overviewTitle: 'Themes over time and by county',
    wholeCountry: 'Whole country', yearForCounties: 'Year (for counties)', show: 'Show',
    coverageTitle: 'Coverage: whose promises are here?', onlyMissing: 'Only municipalities without a current promise',
    municipality: 'Municipality', latestPeriod: 'Latest promise', lastHarvest: 'Last fetched', sourceKind: 'Source',
    current: 'Current promise', footer: 'Open linked data on citizen promises. Every commitment links to the page it came from.',
    loading: 'Loading …', hits: n => n === 1 ? '1 commitment' : `${n} commitments`, noHits: 'No commitments match.',
    startHint: 'Type a search word or choose a filter, for example the theme Drugs.',
    previous: 'Previous', next: 'Next', pageOf: (p, n) => `Page ${p} of ${n}`, source: 'Source',
    fetched: 'fetched', snapshot: 'archived copy', csv: 'Download as CSV', newTheme: 'new',
    continuedTheme: 'continued', droppedTheme: 'dropped', noPromises: 'No promises with commitments found for this municipality.',
    noSimilar: 'No comparable municipalities yet.', score: 'similarity', yes: 'yes', no: 'missing', none: '–',
    chartYears: (t, c) => `Municipalities with commitments on ${t}, per year${c ? ' in ' + c : ''}`,
    chartCounties: (t, y) => `Share of each county's municipalities with commitments on ${t}${y ? ' in ' + y : ''}`,
    showTable: 'Show the numbers as a table', share: 'share', count: 'municipalities', commitments: 'commitments',
    error: 'Something went wrong: ', otherLang: 'Svenska', otherLangCode: 'sv', kommunSuffix: '', period: 'Period',
    countyCount: n => `${n} municipalities`, municipalitiesIn: 'Municipality in',
    noData: 'No commitments in this theme yet.'
  }
};

const params = new URLSearchParams(location.search);
const lang = params.get('lang') === 'en' ? 'en' : 'sv';
const T = TEXT[lang];
const ref = { themes: [], themeById: new Map(), municipalities: new Map(), counties: new Map() };
const $ = id => document.getElementById(id);

// Our IRIs are names under the base IRI (e.g. https://w3id.org/loftesgrafen/id/...); this service answers for them
// at the same path, so links stay on the host and port the page came from.
function localPath(iri) {
  const at = iri.indexOf('/id/');
  return at >= 0 ? iri.slice(at) : iri;
}

/** A link to a view of this page, keeping the language. */
function pageUrl(query) {
  const q = new URLSearchParams();
  Object.entries(query).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') q.set(k, v); });
  if (lang === 'en') q.set('lang', 'en');
  const s = q.toString();
  return './' + (s ? '?' + s : '');
}

function apiUrl(path, query) {
  const q = new URLSearchParams();
  Object.entries(query || {}).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') q.set(k, v); });
  const s = q.toString();
  return new URL('api/' + path + (s ? '?' + s : ''), document.baseURI).toString();
}

async function api(path, query) {
  const r = await fetch(apiUrl(path, query), { headers: { Accept: 'application/ld+json' } });
  const body = await r.json();
  if (!r.ok) throw new Error(body.message || r.statusText);
  return body;
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === undefined || v === null || v === false) return;
    if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
  });
  children.flat().forEach(c => e.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return e;
}

function status(id, message, isError) {
  const box = $(id);
  box.textContent = '';
  if (message) box.append(isError ? el('span', { class: 'error', text: T.error + message }) : message);
}

function themeLabel(id) {
  const t = ref.themeById.get(id);
  return t ? (t.prefLabel[lang] || t.prefLabel.sv) : id;
}

function kommunName(code) {
  const m = ref.municipalities.get(code);
  return m ? m.name : code;
}

function years(p) {
  if (!p || p.startYear === undefined) return '';
  return p.startYear === p.endYear ? String(p.startYear) : `${p.startYear}–${p.endYear}`;
}

function applyText() {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-i18n]').forEach(n => { const v = T[n.dataset.i18n]; if (typeof v === 'string') n.textContent = v; });
  document.querySelectorAll('[data-i18n-placeholder]').forEach(n => { n.placeholder = T[n.dataset.i18nPlaceholder]; });
  document.querySelectorAll('[data-i18n-aria]').forEach(n => n.setAttribute('aria-label', T[n.dataset.i18nAria]));
  const other = new URLSearchParams(location.search);
  if (lang === 'en') other.delete('lang'); else other.set('lang', 'en');
  const sw = $('lang-switch');
  sw.textContent = T.otherLang;
  sw.lang = sw.hreflang = T.otherLangCode;
  sw.href = './' + (other.toString() ? '?' + other.toString() : '');
  document.querySelectorAll('a[data-nav]').forEach(a => {
    const view = a.dataset.nav;
    a.href = pageUrl(view === 'search' ? {} : { view });
  });
}

function fillSelect(select, options, value) {
  options.forEach(([v, label, group]) => {
    const target = group ? (select.querySelector(`optgroup[label="${group}"]`) || select.appendChild(el('optgroup', { label: group }))) : select;
    target.append(el('option', { value: v, text: label }));
  });
  if (value !== null && value !== undefined) select.value = value;
}

async function loadReference() {
  const [themes, kommuner] = await Promise.all([api('themes', { format: 'json' }), api('municipalities', { format: 'json' })]);
  ref.themes = themes['hydra:member'];
  ref.themes.forEach(t => ref.themeById.set(t.notation, t));
  kommuner['hydra:member'].forEach(m => {
    ref.municipalities.set(m.code, { name: m.name, county: m.county });
    ref.counties.set(m.county.code, m.county.name);
  });
}

const SCHEMES = { sv: { fokusomraden: 'Problemområden', insatstyper: 'Insatser', malgrupper: 'Målgrupper' },
  en: { fokusomraden: 'Problem areas', insatstyper: 'Activities', malgrupper: 'Target groups' } };

function themeOptions() {
  return ref.themes.slice().sort((a, b) => themeLabel(a.notation).localeCompare(themeLabel(b.notation), lang))
    .map(t => [t.notation, themeLabel(t.notation), SCHEMES[lang][t.scheme] || t.scheme]);
}

function countyOptions() {
  return [...ref.counties.entries()].map(([code, name]) => [code, name]);
}

function yearOptions() {
  const now = new Date().getFullYear();
  const out = [];
  for (let y = now; y >= 2016; y--) out.push([String(y), String(y)]);
  return out;
}

/* ---------- search ---------- */

function commitmentItem(c, highlight) {
  const p = c.promise || {};
  const kommuner = (p.municipality || []).map(m => m.municipalityCode).map(code => el('a', { href: pageUrl({ kommun: code }), class: 'kommun', text: kommunName(code) }));
  const src = (c.source || [])[0];
  const text = el('p', { class: 'text' });
  if (highlight) text.innerHTML = highlight; /* server-side HTML-escaped text with <mark> around matches */
  else text.textContent = c.text;
  const meta = el('p', { class: 'meta' }, ...kommuner.map(k => el('span', {}, k)),
    el('span', { text: `${T.period}: ${years(p) || T.none}` }),
    el('span', { text: (c.actor || []).map(a => T[a] || a).join(', ') }));
  const chips = el('ul', { class: 'chips', 'aria-label': T.theme }, (c.theme || []).map(t => el('li', { class: 'chip', text: themeLabel(t) })));
  const sourceLine = el('p', { class: 'meta' });
  if (src) {
    let host = src.url;
    try { host = new URL(src.url).host; } catch (e) { /* keep the text as given */ }
    sourceLine.append(el('a', { class: 'source', href: src.url, rel: 'noopener external', text: `${T.source}: ${host}` }));
    if (src.fetchedAt) sourceLine.append(el('span', { text: `${T.fetched} ${src.fetchedAt.substring(0, 10)}` }));
    sourceLine.append(el('a', { class: 'snapshot', href: localPath(src['@id']), text: T.snapshot }));
  }
  return el('li', { class: 'result' }, el('article', {}, text, meta, chips, sourceLine));
}

function pager(nav, page, total, pageSize, link) {
  nav.textContent = '';
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (last <= 1) return;
  if (page > 1) nav.append(el('a', { href: link(page - 1), rel: 'prev', class: 'prev', text: T.previous }));
  nav.append(el('span', { text: T.pageOf(page, last) }));
  if (page < last) nav.append(el('a', { href: link(page + 1), rel: 'next', class: 'next', text: T.next }));
}

async function showSearch() {
  $('view-search').hidden = false;
  const form = $('search-form');
  fillSelect($('theme'), themeOptions(), params.get('theme'));
  fillSelect($('county'), countyOptions(), params.get('county'));
  fillSelect($('year'), yearOptions(), params.get('year'));
  $('actor').value = params.get('actor') || '';
  $('q').value = params.get('q') || '';
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const data = Object.fromEntries(new FormData(form).entries());
    location.assign(pageUrl(data));
  });
  // Choosing a filter searches at once (keyboard users still move through options without leaving the page).
  ['theme', 'county', 'year', 'actor'].forEach(id => $(id).addEventListener('change', () => form.requestSubmit()));
  const query = { q: params.get('q'), theme: params.get('theme'), county: params.get('county'), year: params.get('year'), actor: params.get('actor') };
  if (!Object.values(query).some(v => v)) {
    status('search-status', T.startHint);
    return;
  }
  const page = Number(params.get('page') || 1);
  status('search-status', T.loading);
  try {
    const r = await api('search', { ...query, page, pageSize: 20 });
    const total = r['hydra:totalItems'];
    status('search-status', '');
    $('search-status').append(total ? T.hits(total) : T.noHits, ' ',
      el('a', { href: apiUrl('search', { ...query, format: 'csv', pageSize: 200 }), class: 'csv', text: T.csv }));
    $('results').replaceChildren(...r['hydra:member'].map(c => commitmentItem(c, c.highlight)));
    pager($('search-pager'), page, total, 20, p => pageUrl({ ...query, page: p }));
  } catch (e) {
    status('search-status', e.message, true);
  }
}

/* ---------- municipality ---------- */

function chipList(label, items, cls) {
  if (!items || !items.length) return [];
  return [el('ul', { class: 'chips', 'aria-label': label }, items.map(t => el('li', { class: 'chip ' + cls, text: `${themeLabel(t)} (${label})` })))];
}

async function showKommun(code) {
  $('view-kommun').hidden = false;
  const m = ref.municipalities.get(code);
  $('kommun-title').textContent = m ? m.name : code;
  document.title = `${m ? m.name : code} – Löftesgrafen`;
  if (m) $('kommun-facts').textContent = `${T.municipalitiesIn} ${m.county.name} · SCB ${code}`;
  status('kommun-status', T.loading);
  try {
    const [timeline, similar] = await Promise.all([api(`municipalities/${encodeURIComponent(code)}/timeline`),
      api(`municipalities/${encodeURIComponent(code)}/similar`, { pageSize: 10 })]);
    const entries = timeline['hydra:member'];
    status('kommun-status', entries.length ? '' : T.noPromises);
    $('timeline').replaceChildren(...entries.slice().reverse().map(e => el('li', { class: 'promise' },
      el('h3', { text: `${years(e) || T.none}${e.title ? ' · ' + e.title : ''}` }),
      ...chipList(T.newTheme, e.newThemes, 'new'), ...chipList(T.continuedTheme, e.continuedThemes, 'continued'),
      ...chipList(T.droppedTheme, e.droppedThemes, 'dropped'),
      el('ul', { class: 'commitments results' }, e.commitments.map(c => commitmentItem(c))))));
    const list = similar['hydra:member'];
    $('similar').replaceChildren(...(list.length ? list.map(s => el('li', {},
      el('a', { href: pageUrl({ kommun: s.municipality.code }), text: s.municipality.name }),
      ` (${T.score} ${Math.round(s.score * 100)} %)`)) : [el('li', { text: T.noSimilar })]));
  } catch (e) {
    status('kommun-status', e.message, true);
  }
}

/* ---------- overview: hand-written SVG charts ---------- */

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, text) {
  const e = document.createElementNS(SVG, tag);
  Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A bar chart: vertical bars (years) or horizontal bars (counties); values as numbers or shares (0..1). */
function barChart(container, title, rows, horizontal, asShare) {
  container.textContent = '';
  const highest = Math.max(0, ...rows.map(r => r.value));
  // Shares on a 0–100 % axis; counts on an axis of whole numbers in four equal steps.
  const max = asShare ? 1 : Math.max(4, Math.ceil(highest / 4) * 4);
  const fmt = v => asShare ? `${Math.round(v * 100)} %` : String(v);
  const titleId = container.id + '-title';
  const width = 640;
  const height = horizontal ? 28 * rows.length + 40 : 300;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': titleId, focusable: 'false' });
  chart.append(svg('title', { id: titleId }, title));
  if (horizontal) {
    const left = 190, right = 60, barW = width - left - right;
    rows.forEach((r, i) => {
      const y = 10 + i * 28;
      const w = Math.max(1, barW * r.value / max);
      chart.append(svg('text', { x: left - 8, y: y + 15, 'text-anchor': 'end' }, r.label));
      const bar = svg('rect', { x: left, y, width: w, height: 20, class: 'bar' });
      bar.append(svg('title', {}, `${r.label}: ${fmt(r.value)}`));
      chart.append(bar, svg('text', { x: left + w + 6, y: y + 15 }, fmt(r.value)));
    });
  } else {
    const left = 40, bottom = 30, top = 20, plotH = height - top - bottom, plotW = width - left - 10;
    const step = plotW / Math.max(1, rows.length);
    for (let g = 0; g <= 4; g++) {
      const y = top + plotH - plotH * g / 4;
      chart.append(svg('line', { x1: left, x2: width - 10, y1: y, y2: y, class: 'grid' }),
        svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end' }, fmt(asShare ? g / 4 : Math.round(max * g / 4))));
    }
    rows.forEach((r, i) => {
      const h = plotH * r.value / max;
      const x = left + i * step + step * 0.15;
      const bar = svg('rect', { x, y: top + plotH - h, width: step * 0.7, height: Math.max(0, h), class: 'bar' });
      bar.append(svg('title', {}, `${r.label}: ${fmt(r.value)}`));
      chart.append(bar, svg('text', { x: x + step * 0.35, y: height - 10, 'text-anchor': 'middle' }, r.label));
    });
    chart.append(svg('line', { x1: left, x2: width - 10, y1: top + plotH, y2: top + plotH, class: 'axis' }));
  }
  const table = el('table', {}, el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: '' }), el('th', { scope: 'col', text: asShare ? T.share : T.count }))),
    el('tbody', {}, rows.map(r => el('tr', {}, el('th', { scope: 'row', text: r.label }), el('td', { text: fmt(r.value) + (r.extra ? ` (${r.extra})` : '') })))));
  container.append(chart, el('details', { class: 'data' }, el('summary', { text: T.showTable }), table));
}

async function showOverview() {
  $('view-overview').hidden = false;
  const theme = params.get('theme') || 'narkotika';
  const county = params.get('county') || '';
  const year = params.get('year') || '';
  fillSelect($('ov-theme'), themeOptions(), theme);
  fillSelect($('ov-county'), countyOptions(), county);
  fillSelect($('ov-year'), yearOptions(), year);
  const form = $('overview-form');
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    location.assign(pageUrl({ view: 'overview', ...Object.fromEntries(new FormData(form).entries()) }));
  });
  status('overview-status', T.loading);
  try {
    const [byYear, byCounty] = await Promise.all([api('overview', { theme, county }), api('overview', { theme, year, groupBy: 'county' })]);
    status('overview-status', byYear['hydra:member'].length ? '' : T.noData);
    const label = themeLabel(theme);
    $('chart-years-caption').textContent = T.chartYears(label, county ? ref.counties.get(county) : '');
    barChart($('chart-years'), $('chart-years-caption').textContent, byYear['hydra:member'].map(c => ({
      label: String(c.year), value: c.municipalities, extra: `${c.commitmentCount} ${T.commitments}` })), false, false);
    $('chart-counties-caption').textContent = T.chartCounties(label, year);
    const shares = new Map(byCounty['hydra:member'].map(c => [c.countyCode, c]));
    barChart($('chart-counties'), $('chart-counties-caption').textContent, [...ref.counties.entries()].map(([code, name]) => {
      const c = shares.get(code);
      return { label: name, value: c ? c.shareOfAll : 0, extra: c ? `${c.municipalities}/${c.registered}` : '0' };
    }), true, true);
  } catch (e) {
    status('overview-status', e.message, true);
  }
}

/* ---------- coverage ---------- */

async function showCoverage() {
  $('view-coverage').hidden = false;
  const county = params.get('county') || '';
  const missing = params.get('missing') === 'true';
  fillSelect($('cv-county'), countyOptions(), county);
  $('cv-missing').checked = missing;
  const form = $('coverage-form');
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    location.assign(pageUrl({ view: 'coverage', ...Object.fromEntries(new FormData(form).entries()) }));
  });
  status('coverage-status', T.loading);
  try {
    const r = await api('coverage', { county, missing: missing ? 'true' : '' });
    status('coverage-status', T.countyCount(r['hydra:totalItems']));
    $('coverage-table').tBodies[0].replaceChildren(...r['hydra:member'].map(m => el('tr', {},
      el('th', { scope: 'row' }, el('a', { href: pageUrl({ kommun: m.code }), text: m.name })),
      el('td', { text: m.county.name }),
      el('td', { text: m.latestPromise ? years(m.latestPromise) || T.none : T.none }),
      el('td', { text: m.lastHarvest ? m.lastHarvest.substring(0, 10) : T.none }),
      el('td', {}, (m.source && m.source[0]) ? el('a', { href: m.source[0].url, rel: 'noopener external', text: (m.sourceKinds || []).join(', ') }) : T.none),
      el('td', { class: m.currentPromiseMissing ? 'missing' : 'present', text: m.currentPromiseMissing ? T.no : T.yes }))));
  } catch (e) {
    status('coverage-status', e.message, true);
  }
}

async function main() {
  applyText();
  const kommun = params.get('kommun');
  const view = kommun ? 'kommun' : (params.get('view') || 'search');
  document.querySelectorAll('a[data-nav]').forEach(a => { if (a.dataset.nav === view && a.closest('nav')) a.setAttribute('aria-current', 'page'); });
  try {
    await loadReference();
  } catch (e) {
    document.body.dataset.state = 'error';
    $('main').prepend(el('p', { class: 'status' }, el('span', { class: 'error', text: T.error + e.message })));
    return;
  }
  if (view === 'kommun') await showKommun(kommun);
  else if (view === 'overview') await showOverview();
  else if (view === 'coverage') await showCoverage();
  else await showSearch();
  document.body.dataset.state = 'ready';
}

main();
