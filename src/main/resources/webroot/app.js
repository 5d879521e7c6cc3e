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
    municipality: 'Kommun', latestPeriod: 'Senaste löfte', lastHarvest: 'Senast försökt', sourceKind: 'Källa',
    catalogue: 'Datakatalog (DCAT)', dumps: 'Nedladdning (dumpar)', licence: 'Licens för data', vocabulary: 'Vokabulär',
    current: 'Läge', footer: 'Öppna länkade data om medborgarlöften. Varje åtagande länkar till sidan det kommer från.',
    loading: 'Hämtar …', hits: n => n === 1 ? '1 åtagande' : `${n} åtaganden`, noHits: 'Inga åtaganden matchar.',
    startHint: 'Skriv ett sökord eller välj ett filter, till exempel tema Narkotika.',
    previous: 'Föregående', next: 'Nästa', pageOf: (p, n) => `Sida ${p} av ${n}`, source: 'Källa',
    fetched: 'hämtad', readFromFile: 'läst från fil', snapshot: 'arkiverad kopia', csv: 'Ladda ned som CSV', newTheme: 'nytt',
    continuedTheme: 'fortsätter', droppedTheme: 'borttaget', noPromises: 'Inga löften med åtaganden hittades för kommunen.',
    noSimilar: 'Inga jämförbara kommuner ännu.', score: 'likhet', none: '–',
    chartYears: (t, c) => `Antal kommuner med åtaganden om ${t} per år${c ? ' i ' + c : ''}`,
    chartCounties: (t, y) => `Andel av länets kommuner med åtaganden om ${t}${y ? ' ' + y : ''}`,
    showTable: 'Visa siffrorna som tabell', share: 'andel', count: 'kommuner', commitments: 'åtaganden',
    error: 'Något gick fel: ', otherLang: 'English', otherLangCode: 'en', kommunSuffix: '', period: 'Period',
    countyCount: n => `${n} kommuner`, municipalitiesIn: 'Kommun i',
    coverageSummary: c => `${c.all} kommuner: ${c.harvested} hämtade (${c.current} med löfte för i år, ${c.old} bara med äldre löften, ${c['nothing-found']} där inget löfte hittades); ${c['not-harvested']} inte hämtade, så där vet vi inget.`,
    coverageStatus: { current: 'löfte för i år', old: 'äldre löfte', 'nothing-found': 'inget löfte hittat', 'not-harvested': 'inte hämtad' },
    noData: 'Inga åtaganden i det här temat ännu.',
    pageTitle: 'Löftesgrafen – medborgarlöften i Sverige', navMap: 'Karta', navSince: 'Sedan när?',
    questionLabel: 'Vilka kommuner lovar insatser mot …', questionSince: '… och sedan när?', questionMap: 'Visa på kartan',
    pickKommun: 'Gå till en kommun', pickPlaceholder: 't.ex. Åmål', go: 'Visa',
    unknownKommunName: (n, close) => `Ingen kommun heter ”${n}”.${close.length ? ` Menade du ${orList(close, 'eller')}?` : ' Skriv ett namn ur listan eller en kommunkod med fyra siffror.'}`,
    severalKommuner: (n, list) => `”${n}” passar ${orList(list, 'och')}. Välj en av dem.`,
    unknownKommun: c => `Det finns ingen kommun med koden ${c}. Kommunkoder har fyra siffror, till exempel 1492 för Åmål.`,
    errNotFound: 'Det du letar efter finns inte.', errBadRequest: 'Frågan kunde inte besvaras: kontrollera valen.',
    errServer: 'Tjänsten kunde inte svara just nu. Försök igen om en stund.', errNetwork: 'Ingen kontakt med tjänsten.',
    signed: 'Undertecknat av', demo: 'Demodata: här finns bara exempelsidorna som följer med programmet, inte Sveriges alla medborgarlöften. Siffror och kartor visar bara dem.',
    feed: 'Prenumerera (Atom)', archived: 'arkiverad kopia', firstPromise: 'första löftet här',
    mapTitle: 'Karta: vilka kommuner lovar vad?', fromYear: 'Från år', toYear: 'Till år',
    mapHint: 'Peka på eller tabba till en kommun för att se dess åtaganden; klicka för att öppna den.',
    embed: 'Bädda in', sinceTitle: 'Sedan när? Kommun för kommun, år för år', sortBy: 'Sortera',
    sortFirst: 'Första år med temat', sortName: 'Namn', sortCounty: 'Län', onlyWith: 'Bara kommuner med temat',
    onlySure: 'Visa bara säkra tolkningar',
    onlySureHint: 'Döljer åtaganden som extraktorn bedömer med mindre än 60 procents säkerhet.',
    uncertain: 'osäker tolkning',
    followUp: 'Uppföljning', followUpReport: 'uppföljningen', followUpArchive: 'arkiverad kopia',
    status: { kept: 'hållet', partlyKept: 'delvis hållet', notKept: 'inte hållet', notYet: 'inte ännu', uncheckable: 'går inte att bedöma' },
    unclear: { reportCut: 'rapporten är avbruten', notMentioned: 'rapporten nämner det inte', noTarget: 'inget mål att jämföra med', outcomeOnly: 'bara aktiviteter redovisas' },
    uncertainWhy: p => `Extraktorn är osäker på att detta är ett åtagande: sannolikheten är ${p} (en kalibrerad uppskattning från dess inlärda modeller, 0–1). Läs källan. Det är extraktorns bedömning, inte något som kommunen eller polisen har sagt.`
  },
  en: {
    skip: 'Skip to content', menu: 'Main menu', navSearch: 'Search', navOverview: 'Overview',
    navCoverage: 'Coverage', navApi: 'API', searchTitle: 'What do the police and the municipalities promise?',
    searchLead: 'Search the commitments of Sweden\'s citizen promises (medborgarlöften); filter by theme, county, year and actor.',
    q: 'Search words', qPlaceholder: 'e.g. drugs', theme: 'Theme', county: 'County', year: 'Year', actor: 'Actor',
    any: 'All', polisen: 'Police', kommunen: 'Municipality', annan: 'Other', searchButton: 'Search', pages: 'Pages',
    timeline: 'Promises year by year', similar: 'Similar municipalities',
    similarHint: 'Municipalities whose promises address the same themes.', overviewTitle: 'Themes over time and by county',
    wholeCountry: 'Whole country', yearForCounties: 'Year (for counties)', show: 'Show',
    coverageTitle: 'Coverage: whose promises are here?', onlyMissing: 'Only municipalities without a current promise',
    municipality: 'Municipality', latestPeriod: 'Latest promise', lastHarvest: 'Last tried', sourceKind: 'Source',
    catalogue: 'Data catalogue (DCAT)', dumps: 'Downloads (dumps)', licence: 'Data licence', vocabulary: 'Vocabulary',
    current: 'Status', footer: 'Open linked data on citizen promises. Every commitment links to the page it came from.',
    loading: 'Loading …', hits: n => n === 1 ? '1 commitment' : `${n} commitments`, noHits: 'No commitments match.',
    startHint: 'Type a search word or choose a filter, for example the theme Drugs.',
    previous: 'Previous', next: 'Next', pageOf: (p, n) => `Page ${p} of ${n}`, source: 'Source',
    fetched: 'fetched', readFromFile: 'read from a file', snapshot: 'archived copy', csv: 'Download as CSV', newTheme: 'new',
    continuedTheme: 'continued', droppedTheme: 'dropped', noPromises: 'No promises with commitments found for this municipality.',
    noSimilar: 'No comparable municipalities yet.', score: 'similarity', none: '–',
    chartYears: (t, c) => `Municipalities with commitments on ${t}, per year${c ? ' in ' + c : ''}`,
    chartCounties: (t, y) => `Share of each county's municipalities with commitments on ${t}${y ? ' in ' + y : ''}`,
    showTable: 'Show the numbers as a table', share: 'share', count: 'municipalities', commitments: 'commitments',
    error: 'Something went wrong: ', otherLang: 'Svenska', otherLangCode: 'sv', kommunSuffix: '', period: 'Period',
    countyCount: n => `${n} municipalities`, municipalitiesIn: 'Municipality in',
    coverageSummary: c => `${c.all} municipalities: ${c.harvested} harvested (${c.current} with a promise for this year, ${c.old} with older promises only, ${c['nothing-found']} where no promise was found); ${c['not-harvested']} not harvested, so nothing is known of them.`,
    coverageStatus: { current: 'promise for this year', old: 'older promise', 'nothing-found': 'no promise found', 'not-harvested': 'not harvested' },
    noData: 'No commitments in this theme yet.',
    pageTitle: 'Löftesgrafen – citizen promises in Sweden', navMap: 'Map', navSince: 'Since when?',
    questionLabel: 'Which municipalities promise action on …', questionSince: '… and since when?', questionMap: 'Show on the map',
    pickKommun: 'Go to a municipality', pickPlaceholder: 'e.g. Åmål', go: 'Show',
    unknownKommunName: (n, close) => `No municipality is called “${n}”.${close.length ? ` Did you mean ${orList(close, 'or')}?` : ' Type a name from the list or a four-digit municipality code.'}`,
    severalKommuner: (n, list) => `“${n}” fits ${orList(list, 'and')}. Choose one of them.`,
    unknownKommun: c => `There is no municipality with the code ${c}. Municipality codes have four digits, e.g. 1492 for Åmål.`,
    errNotFound: 'What you are looking for does not exist.', errBadRequest: 'The question could not be answered: check the choices.',
    errServer: 'The service could not answer just now. Try again in a moment.', errNetwork: 'No contact with the service.',
    signed: 'Signed by', demo: 'Demo data: only the sample pages that come with the program are here, not all of Sweden\'s citizen promises. Figures and maps show only them.',
    feed: 'Subscribe (Atom)', archived: 'archived copy', firstPromise: 'first promise here',
    mapTitle: 'Map: which municipalities promise what?', fromYear: 'From year', toYear: 'To year',
    mapHint: 'Point at or tab to a municipality to see its commitments; click to open it.',
    embed: 'Embed', sinceTitle: 'Since when? Municipality by municipality, year by year', sortBy: 'Sort by',
    sortFirst: 'First year with the theme', sortName: 'Name', sortCounty: 'County', onlyWith: 'Only municipalities with the theme',
    onlySure: 'Show only confident readings',
    onlySureHint: 'Hides commitments the extractor judges less than 60 percent likely.',
    uncertain: 'uncertain reading',
    followUp: 'Follow-up', followUpReport: 'the report', followUpArchive: 'archived copy',
    status: { kept: 'kept', partlyKept: 'partly kept', notKept: 'not kept', notYet: 'not yet', uncheckable: 'cannot be judged' },
    unclear: { reportCut: 'the report is cut', notMentioned: 'the report does not mention it', noTarget: 'no target to compare with', outcomeOnly: 'only activities are reported' },
    uncertainWhy: p => `The extractor is unsure this is a commitment: the probability is ${p} (a calibrated estimate from its learned models, 0–1). Read the source. It is the extractor's judgement, not something the municipality or the police said.`
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

/** An API failure in the page's language; the service's own (English) message is kept for the console. */
class ApiError extends Error {
  constructor(status, detail) {
    super(status === 404 ? T.errNotFound : status === 400 ? T.errBadRequest : status === 0 ? T.errNetwork : T.errServer);
    this.status = status;
    this.detail = detail;
  }
}

async function api(path, query) {
  let r;
  try {
    r = await fetch(apiUrl(path, query), { headers: { Accept: 'application/ld+json' } });
  } catch (e) {
    throw new ApiError(0, e.message);
  }
  if (!r.ok) {
    let detail = r.statusText;
    try { detail = (await r.json()).message || detail; } catch (e) { /* not JSON */ }
    console.warn('API', r.status, path, detail);
    throw new ApiError(r.status, detail);
  }
  return r.json();
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

/** Guidance rather than a failure (a name that fits nothing, or several): said plainly, without "Något gick fel". */
function notice(id, message) {
  $(id).replaceChildren(el('span', { class: 'error', text: message }));
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
  document.title = T.pageTitle;
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

/** Below this confidence a commitment is marked "osäker tolkning"; the filter "visa bara säkra tolkningar" asks for it. */
const SURE = 0.6;

/** The confidence as the page's language writes decimals (0,42 / 0.42); the API gives it as a decimal string. */
function confidenceText(value) {
  return Number(value).toLocaleString(lang === 'en' ? 'en' : 'sv', { maximumFractionDigits: 3 });
}

/** A visible note, with the reason as tooltip and for screen readers; nothing for sure or unjudged commitments. */
function uncertainNote(c) {
  if (c.confidence === undefined || !(Number(c.confidence) < SURE)) return [];
  const why = T.uncertainWhy(confidenceText(c.confidence));
  return [el('span', { class: 'uncertain-note', title: why }, T.uncertain, el('span', { class: 'visually-hidden', text: ': ' + why }))];
}

/**
 * What a follow-up report says of a commitment: the status, the report's own sentence as a quote, and links to the
 * report's page and its archived copy. Nothing for a commitment no report follows up (no report is not "not kept").
 */
function followUpLine(f) {
  if (!f) return [];
  const status = f.followUpStatus;
  const why = f.unclearReason ? ` (${T.unclear[f.unclearReason] || f.unclearReason})` : '';
  const report = (f.partOf || {});
  const page = (report.derivedFrom || [])[0] || {};
  const line = el('div', { class: 'followup status-' + status },
    el('p', {}, el('strong', { text: `${T.followUp}: ` }), el('span', { class: 'status', text: (T.status[status] || status) + why })));
  (f.evidence || []).slice(0, 2).forEach(e => line.append(el('blockquote', { class: 'evidence', text: e.text })));
  const links = el('p', { class: 'meta' });
  if (page.url) links.append(el('a', { class: 'report', href: page.url, rel: 'noopener external', text: report.title || T.followUpReport }));
  if (page['@id']) links.append(el('a', { class: 'report-archive', href: archiveUrl(page['@id']), text: T.followUpArchive }));
  line.append(links);
  return [line];
}

function commitmentItem(c, highlight, followUp) {
  const p = c.promise || {};
  const kommuner = (p.municipality || []).map(m => m.municipalityCode).map(code => el('a', { href: pageUrl({ kommun: code }), class: 'kommun', text: kommunName(code) }));
  const src = (c.source || [])[0];
  const text = el('p', { class: 'text' });
  if (highlight) text.innerHTML = highlight; /* server-side HTML-escaped text with <mark> around matches */
  else text.textContent = c.text;
  const note = uncertainNote(c);
  const meta = el('p', { class: 'meta' }, ...note, ...kommuner.map(k => el('span', {}, k)),
    el('span', { text: `${T.period}: ${years(p) || T.none}` }),
    el('span', { text: (c.actor || []).map(a => T[a] || a).join(', ') }));
  const chips = el('ul', { class: 'chips', 'aria-label': T.theme }, (c.theme || []).map(t => el('li', { class: 'chip', text: themeLabel(t) })));
  const sourceLine = el('p', { class: 'meta' });
  if (src) {
    let host = src.url;
    try { host = new URL(src.url).host; } catch (e) { /* keep the text as given */ }
    // a page read from a file was not fetched: it says so, its stated address is no link (nothing was fetched from
    // it), and only archived bytes get a link to the archived copy
    const fromFile = src.httpStatus === undefined;
    sourceLine.append(fromFile ? el('span', { class: 'source', text: `${T.source}: ${host}` })
      : el('a', { class: 'source', href: src.url, rel: 'noopener external', text: `${T.source}: ${host}` }));
    const read = fromFile ? T.readFromFile : T.fetched;
    if (src.fetchedAt) sourceLine.append(el('span', { text: `${read} ${src.fetchedAt.substring(0, 10)}` }));
    if (src.warcRecord) sourceLine.append(el('a', { class: 'snapshot', href: archiveUrl(src['@id']), text: T.snapshot }));
  }
  return el('li', { class: note.length ? 'result uncertain' : 'result' }, el('article', {}, text, meta, chips, sourceLine, ...followUpLine(followUp)));
}

/** The archived page as fetched (served from its WARC record): /archive/<snapshot id>. */
function archiveUrl(snapshotIri) {
  const id = snapshotIri.slice(snapshotIri.lastIndexOf('/') + 1);
  return pageUrl({}).replace(/\?.*$/, '') + 'archive/' + encodeURIComponent(id) + (lang === 'en' ? '?lang=en' : '');
}

function pager(nav, page, total, pageSize, link) {
  nav.textContent = '';
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (last <= 1) return;
  if (page > 1) nav.append(el('a', { href: link(page - 1), rel: 'prev', class: 'prev', text: T.previous }));
  nav.append(el('span', { text: T.pageOf(page, last) }));
  if (page < last) nav.append(el('a', { href: link(page + 1), rel: 'next', class: 'next', text: T.next }));
}

/** "A, B eller C": a list in running text. */
function orList(items, word) {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

function questionForms() {
  fillSelect($('qs-theme'), themeOptions(), params.get('theme') || 'narkotika');
  $('question-form').addEventListener('submit', ev => {
    ev.preventDefault();
    location.assign(pageUrl({ view: ev.submitter ? ev.submitter.value : 'since', theme: $('qs-theme').value }));
  });
  $('kp-list').replaceChildren(...[...ref.municipalities.values()].map(m => m.name).sort((a, b) => a.localeCompare(b, 'sv'))
    .map(n => el('option', { value: n })));
  $('kommun-picker').addEventListener('submit', async ev => {
    ev.preventDefault();
    const typed = $('kp-name').value.trim();
    if (!typed) return;
    try {
      const r = await api('municipalities/lookup', { q: typed });
      const names = list => list.map(m => `${m.name} (${m.code})`);
      if (r.matches.length === 1) location.assign(pageUrl({ kommun: r.matches[0].code }));
      else if (r.matches.length > 1) notice('search-status', T.severalKommuner(typed, names(r.matches)));
      else notice('search-status', T.unknownKommunName(typed, names(r.closeMatches)));
    } catch (e) {
      status('search-status', T.error + e.message, true);
    }
  });
}

async function showSearch() {
  $('view-search').hidden = false;
  questionForms();
  const form = $('search-form');
  fillSelect($('theme'), themeOptions(), params.get('theme'));
  fillSelect($('county'), countyOptions(), params.get('county'));
  fillSelect($('year'), yearOptions(), params.get('year'));
  $('actor').value = params.get('actor') || '';
  $('sure').checked = !!params.get('minConfidence');
  $('q').value = params.get('q') || '';
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const data = Object.fromEntries(new FormData(form).entries());
    location.assign(pageUrl(data));
  });
  // Choosing a filter searches at once (keyboard users still move through options without leaving the page).
  ['theme', 'county', 'year', 'actor', 'sure'].forEach(id => $(id).addEventListener('change', () => form.requestSubmit()));
  const query = { q: params.get('q'), theme: params.get('theme'), county: params.get('county'), year: params.get('year'), actor: params.get('actor'),
    minConfidence: params.get('minConfidence') };
  if (!Object.values(query).some(v => v)) {
    status('search-status', T.startHint);
    return;
  }
  const page = Number(params.get('page') || 1);
  status('search-status', T.loading);
  try {
    const r = await api('search', { ...query, page, pageSize: 20, lang: lang === 'en' ? 'en' : '' });
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

/** The signatories of a promise: "Namn, roll (parti)". */
function signatoryLine(list) {
  if (!list || !list.length) return [];
  return [el('p', { class: 'signatories' }, el('strong', { text: T.signed + ': ' }),
    list.map(s => [s.name, s.role].filter(Boolean).join(', ') + (s.party ? ` (${s.party})` : '')).join('; '))];
}

async function showKommun(typed) {
  $('view-kommun').hidden = false;
  let code = typed;
  let close = [];
  if (!ref.municipalities.has(code) && !/^\d+$/.test(code)) {
    // ?kommun=amal or ?kommun=Dals%20Ed: the picker's forgiving lookup, then the page's own URL
    try {
      const r = await api('municipalities/lookup', { q: typed });
      if (r.matches.length === 1) {
        code = r.matches[0].code;
        history.replaceState(null, '', pageUrl({ kommun: code }));
      }
      close = (r.matches.length > 1 ? r.matches : r.closeMatches).map(c => `${c.name} (${c.code})`);
    } catch (e) { /* the unknown name is reported below */ }
  }
  const m = ref.municipalities.get(code);
  if (!m) {
    // An unknown code never reaches the API: the reader gets the reason in the page's language.
    $('kommun-title').textContent = code;
    if (/^\d+$/.test(code)) status('kommun-status', T.unknownKommun(code), true);
    else notice('kommun-status', T.unknownKommunName(code, close));
    return;
  }
  $('kommun-title').textContent = m.name;
  document.title = `${m.name} – Löftesgrafen`;
  $('kommun-facts').textContent = `${T.municipalitiesIn} ${m.county.name} · SCB ${code}`;
  feedLink(`feeds/kommun/${code}.atom`, `${m.name}`, $('kommun-feed'));
  status('kommun-status', T.loading);
  try {
    const [timeline, similar, signatories, followUps] = await Promise.all([api(`municipalities/${encodeURIComponent(code)}/timeline`),
      api(`municipalities/${encodeURIComponent(code)}/similar`, { pageSize: 10 }),
      api(`municipalities/${encodeURIComponent(code)}/signatories`),
      api(`municipalities/${encodeURIComponent(code)}/followups`, { pageSize: 500 })]);
    const followedUp = new Map(followUps['hydra:member'].map(f => [f.followsUp, f]));
    const entries = timeline['hydra:member'];
    const signedBy = new Map(signatories.promises.map(p => [p.promise, p.signatories]));
    status('kommun-status', entries.length ? '' : T.noPromises);
    // New, continued and dropped themes compare with the promise before; the first one known has none to compare.
    $('timeline').replaceChildren(...entries.map((e, i) => el('li', { class: 'promise', id: e.startYear ? `y${e.startYear}` : undefined },
      el('h3', { text: `${years(e) || T.none}${e.title ? ' · ' + e.title : ''}` }),
      ...signatoryLine(signedBy.get(e['@id'])),
      ...(i === 0 ? [el('p', { class: 'hint', text: T.firstPromise })] : [...chipList(T.newTheme, e.newThemes, 'new'),
        ...chipList(T.continuedTheme, e.continuedThemes, 'continued'), ...chipList(T.droppedTheme, e.droppedThemes, 'dropped')]),
      el('ul', { class: 'commitments results' }, e.commitments.map(c => commitmentItem(c, null, followedUp.get(c['@id'])))))).reverse());
    const list = similar['hydra:member'];
    $('similar').replaceChildren(...(list.length ? list.map(s => el('li', {},
      el('a', { href: pageUrl({ kommun: s.municipality.code }), text: s.municipality.name }),
      ` (${T.score} ${Math.round(s.score * 100)} %)`)) : [el('li', { text: T.noSimilar })]));
  } catch (e) {
    status('kommun-status', e.message, true);
  }
}

/* The map, "since when" and the overview charts are in journalist.js. */

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
    const members = r['hydra:member'];
    const counts = { all: members.length, harvested: 0, current: 0, old: 0, 'nothing-found': 0, 'not-harvested': 0 };
    members.forEach(m => { counts[m.coverage]++; if (m.coverage !== 'not-harvested') counts.harvested++; });
    status('coverage-status', T.coverageSummary(counts));
    $('coverage-table').tBodies[0].replaceChildren(...members.map(m => el('tr', {},
      el('th', { scope: 'row' }, el('a', { href: pageUrl({ kommun: m.code }), text: m.name })),
      el('td', { text: m.county.name }),
      el('td', { text: m.latestPromise ? years(m.latestPromise) || T.none : T.none }),
      el('td', { text: m.lastTried ? m.lastTried.substring(0, 10) : T.none }),
      el('td', {}, (m.source && m.source[0]) ? el('a', { href: m.source[0].url, rel: 'noopener external', text: (m.sourceKinds || []).join(', ') }) : T.none),
      el('td', { class: 'coverage-' + m.coverage, text: T.coverageStatus[m.coverage] }))));
  } catch (e) {
    status('coverage-status', e.message, true);
  }
}

/** A feed link in the page (for readers) and in the head (for feed readers), per view. */
function feedLink(path, title, container) {
  const href = new URL(path, document.baseURI).toString();
  document.head.append(el('link', { rel: 'alternate', type: 'application/atom+xml', title: `Löftesgrafen: ${title}`, href }));
  if (container) container.append(el('a', { class: 'feed', href, type: 'application/atom+xml', text: `${T.feed}: ${title}` }));
}

/** While only the bundled sample is loaded, every view says so. */
async function demoBanner() {
  try {
    const s = await api('status');
    if (s.demo) {
      $('demo-banner').textContent = T.demo;
      $('demo-banner').hidden = false;
    }
  } catch (e) { /* the banner is a courtesy; the views report their own errors */ }
}

async function main() {
  const facts = $('server-facts'); /* what the server wrote for readers without JavaScript: the views below draw it */
  if (facts) facts.hidden = true;
  applyText();
  const kommun = params.get('kommun');
  const view = kommun ? 'kommun' : (params.get('view') || 'search');
  if (params.get('embed') === '1') document.body.classList.add('embedded');
  document.querySelectorAll('a[data-nav]').forEach(a => { if (a.dataset.nav === view && a.closest('nav')) a.setAttribute('aria-current', 'page'); });
  try {
    await loadReference();
  } catch (e) {
    document.body.dataset.state = 'error';
    $('main').prepend(el('p', { class: 'status' }, el('span', { class: 'error', text: T.error + e.message })));
    return;
  }
  const banner = demoBanner();
  if (view === 'kommun') await showKommun(kommun);
  else if (view === 'map') await showMap();
  else if (view === 'since') await showSince();
  else if (view === 'overview') await showOverview();
  else if (view === 'coverage') await showCoverage();
  else await showSearch();
  await banner;
  document.body.dataset.state = 'ready';
}

// After every deferred script (journalist.js holds the map, "since when" and chart views).
document.addEventListener('DOMContentLoaded', main);
