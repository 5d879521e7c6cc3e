/* Löftesgrafen: the journalist's views (issue 13), on top of app.js. The map of Sweden (drawn by the service as
 * SVG, /api/themes/{id}/map.svg), the "since when" grid (/api/themes/{id}/since) and the overview charts, which
 * always tell "no data" (nothing harvested) from "no promise on the theme" and say how much was harvested.
 * Every view lives in its URL; embed=1 shows the view alone, for an iframe on a news site. */
'use strict';

Object.assign(TEXT.sv, {
  withTheme: 'löfte med temat', withoutTheme: 'löfte utan temat', noneHarvested: 'inget hämtat',
  coverageLine: (h, n, a, b) => `${h} av ${n} kommuner har hämtade löften${a ? `, år ${a}–${b}` : ''}.`,
  yearsWithout: ys => ` Inga löften alls hämtade för ${ys.join(', ')}.`,
  sinceSummary: (w, n, t, c) => `${w} av ${n} kommuner${c ? ' i ' + c : ''} har åtaganden om ${t} något år.`,
  firstYear: 'Sedan', cellWith: (k, y, n, t) => `${k} ${y}: ${n} ${n === 1 ? 'åtagande' : 'åtaganden'} om ${t}`,
  cellWithout: (k, y, t) => `${k} ${y}: löfte, inget om ${t}`, cellNone: (k, y) => `${k} ${y}: inget hämtat löfte`,
  downloadCsv: 'Siffrorna som CSV', downloadSvg: 'Diagrammet som SVG', downloadPng: 'som PNG', mapSvg: 'Kartan som SVG',
  mapPng: 'som PNG', gridCsv: 'Rutnätet som CSV', embedHint: 'Klistra in på en webbsida:',
  chartYears2: (t, c) => `Kommuner${c ? ' i ' + c : ''} per år: åtaganden om ${t}, löfte utan temat, inget hämtat`,
  chartCounties2: (t, y) => `Andel av länets kommuner ${y}: åtaganden om ${t}, löfte utan temat, inget hämtat`,
  listBehind: (t, y) => `Åtagandena om ${t} ${y}`, municipalitiesShort: 'kommuner', noCommitmentsShown: 'Inga åtaganden om temat under åren.',
  moreCommitments: n => `och ${n} till`, openKommun: 'Öppna kommunen'
});
Object.assign(TEXT.en, {
  withTheme: 'promise with the theme', withoutTheme: 'promise without it', noneHarvested: 'nothing harvested',
  coverageLine: (h, n, a, b) => `${h} of ${n} municipalities harvested${a ? `, years ${a}–${b}` : ''}.`,
  yearsWithout: ys => ` No promises at all harvested for ${ys.join(', ')}.`,
  sinceSummary: (w, n, t, c) => `${w} of ${n} municipalities${c ? ' in ' + c : ''} have commitments on ${t} in some year.`,
  firstYear: 'Since', cellWith: (k, y, n, t) => `${k} ${y}: ${n} ${n === 1 ? 'commitment' : 'commitments'} on ${t}`,
  cellWithout: (k, y, t) => `${k} ${y}: a promise, nothing on ${t}`, cellNone: (k, y) => `${k} ${y}: nothing harvested`,
  downloadCsv: 'Numbers as CSV', downloadSvg: 'Chart as SVG', downloadPng: 'as PNG', mapSvg: 'Map as SVG',
  mapPng: 'as PNG', gridCsv: 'Grid as CSV', embedHint: 'Paste into a web page:',
  chartYears2: (t, c) => `Municipalities${c ? ' in ' + c : ''} per year: commitments on ${t}, promise without it, nothing harvested`,
  chartCounties2: (t, y) => `Share of each county's municipalities in ${y}: commitments on ${t}, promise without it, nothing harvested`,
  listBehind: (t, y) => `The commitments on ${t} in ${y}`, municipalitiesShort: 'municipalities', noCommitmentsShown: 'No commitments on the theme in these years.',
  moreCommitments: n => `and ${n} more`, openKommun: 'Open the municipality'
});

const COLOURS = { with: '#08519c', without: '#9ecae1', none: '#f4f4f4', noneLine: '#bbbbbb', ink: '#1b1f24', grid: '#c9d2db' };
const SVG_NS = 'http://www.w3.org/2000/svg';

function svgEl(tag, attrs, text) {
  const e = document.createElementNS(SVG_NS, tag);
  Object.entries(attrs || {}).forEach(([k, v]) => { if (v !== undefined && v !== null) e.setAttribute(k, v); });
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The hatching that marks "nothing harvested" in every chart, so that it never reads as a zero. */
function hatch(chart, id) {
  const defs = svgEl('defs');
  const p = svgEl('pattern', { id, width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  p.append(svgEl('rect', { width: 8, height: 8, fill: COLOURS.none }),
    svgEl('line', { x1: 0, y1: 0, x2: 0, y2: 8, stroke: COLOURS.noneLine, 'stroke-width': 3 }));
  defs.append(p);
  chart.append(defs);
  return `url(#${id})`;
}

function sinceGrid(theme, county, rows = true) {
  return api(`themes/${encodeURIComponent(theme)}/since`, { county, rows: rows ? '' : 'false' });
}

function coverageText(grid) {
  const known = grid.yearsWithData;
  let text = T.coverageLine(grid.harvested, grid.registered, known[0], known[known.length - 1]);
  const empty = grid.years.filter(y => !known.includes(y));
  if (empty.length) text += T.yearsWithout(empty);
  return text;
}

function embedSnippet(textarea, query, title) {
  const url = new URL(pageUrl({ ...query, embed: '1' }), document.baseURI).toString();
  textarea.value = `<iframe src="${url}" title="${title.replace(/"/g, '&quot;')}" width="100%" height="640" style="border:0" loading="lazy"></iframe>`;
  textarea.setAttribute('aria-label', `${T.embedHint} ${title}`);
}

function download(name, type, data) {
  return el('a', { href: `data:${type};charset=utf-8,${encodeURIComponent(data)}`, download: name });
}

function csvOf(rows) {
  const q = v => /[",\n;]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
  return rows.map(r => r.map(q).join(',')).join('\n') + '\n';
}

/** An SVG element as a PNG file, drawn on a canvas at twice its size. */
function pngLink(svgNode, name, label) {
  const a = el('a', { href: '#', class: 'png', text: label });
  a.addEventListener('click', ev => {
    ev.preventDefault();
    const box = svgNode.viewBox.baseVal;
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = box.width * 2;
      canvas.height = box.height * 2;
      const g = canvas.getContext('2d');
      g.fillStyle = '#fff';
      g.fillRect(0, 0, canvas.width, canvas.height);
      g.drawImage(image, 0, 0, canvas.width, canvas.height);
      const out = el('a', { href: canvas.toDataURL('image/png'), download: name });
      document.body.append(out);
      out.click();
      out.remove();
    };
    image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svgNode));
  });
  return a;
}

function yearRange(grid) {
  return grid.years.slice().reverse().map(y => [String(y), String(y)]);
}

/* ---------- the map ---------- */

async function showMap() {
  $('view-map').hidden = false;
  const theme = params.get('theme') || 'narkotika';
  const county = params.get('county') || '';
  fillSelect($('mp-theme'), themeOptions(), theme);
  fillSelect($('mp-county'), countyOptions(), county);
  const form = $('map-form');
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const data = Object.fromEntries(new FormData(form).entries());
    if (Number(data.from) > Number(data.to)) [data.from, data.to] = [data.to, data.from];
    location.assign(pageUrl({ view: 'map', ...data }));
  });
  status('map-status', T.loading);
  try {
    const grid = await sinceGrid(theme, '', false); /* years and counts only: the map is drawn by the SVG */
    const known = grid.yearsWithData;
    const latest = known.length ? known[known.length - 1] : new Date().getFullYear();
    const from = Number(params.get('year') || params.get('from') || latest);
    const to = Number(params.get('year') || params.get('to') || from);
    fillSelect($('mp-from'), yearRange(grid), String(from));
    fillSelect($('mp-to'), yearRange(grid), String(to));
    const query = { from, to, county, lang: lang === 'en' ? 'en' : '' };
    const svgUrl = apiUrl(`themes/${encodeURIComponent(theme)}/map.svg`, query);
    const r = await fetch(svgUrl);
    if (!r.ok) throw new ApiError(r.status, r.statusText);
    $('map').innerHTML = await r.text(); /* our own SVG, every text in it XML-escaped by the service */
    const map = $('map').querySelector('svg');
    map.setAttribute('id', 'map-svg');
    status('map-status', coverageText(grid));
    const label = themeLabel(theme);
    const span = from === to ? String(from) : `${from}–${to}`;
    document.title = `${label} ${span} – Löftesgrafen`;
    const downloads = $('map-downloads');
    downloads.replaceChildren(el('a', { href: svgUrl, download: `karta-${theme}-${span}.svg`, text: T.mapSvg }), ' · ',
      pngLink(map, `karta-${theme}-${span}.png`, T.mapPng), ' · ',
      el('a', { href: apiUrl(`themes/${encodeURIComponent(theme)}/since`, { county, format: 'csv' }), text: T.gridCsv }), ' · ');
    feedLink(`feeds/theme/${encodeURIComponent(theme)}.atom`, label, downloads);
    embedSnippet($('map-embed'), { view: 'map', theme, from, to, county }, `${label} ${span}`);
    mapInteractions(map, theme, from, to, label);
  } catch (e) {
    status('map-status', e.message, true);
  }
}

/** Hover and keyboard focus show the municipality's name and its commitments on the theme beside the map. */
function mapInteractions(map, theme, from, to, label) {
  let commitments = null;
  const load = () => commitments || (commitments = api(`themes/${encodeURIComponent(theme)}/municipalities`,
    { from, to, pageSize: 500, format: 'json' }).then(r => new Map(r['hydra:member'].map(m => [m.code, m.matchingCommitments])))
    .catch(() => new Map()));
  let shown = '';
  const show = async link => {
    const code = link.dataset.code;
    if (code === shown) return;
    shown = code;
    const name = kommunName(code);
    const box = $('map-info');
    box.replaceChildren(el('h2', { text: name }), el('p', { text: link.getAttribute('aria-label') }));
    if (link.dataset.status === 'with') {
      const list = (await load()).get(code) || [];
      if (shown !== code) return;
      const items = list.slice(0, 4).map(c => commitmentItem(c));
      box.append(el('ul', { class: 'results compact' }, items));
      if (list.length > 4) box.append(el('p', { class: 'hint', text: T.moreCommitments(list.length - 4) }));
    }
    box.append(el('p', {}, el('a', { href: pageUrl({ kommun: code }), text: T.openKommun })));
  };
  map.addEventListener('mouseover', ev => { const a = ev.target.closest('a.kommun'); if (a) show(a); });
  map.addEventListener('focusin', ev => { const a = ev.target.closest('a.kommun'); if (a) show(a); });
}

/* ---------- since when ---------- */

const SORTS = {
  first: (a, b) => (a.firstYear || 9999) - (b.firstYear || 9999) || a.name.localeCompare(b.name, 'sv'),
  name: (a, b) => a.name.localeCompare(b.name, 'sv'),
  county: (a, b) => a.countyCode.localeCompare(b.countyCode) || a.name.localeCompare(b.name, 'sv')
};

async function showSince() {
  $('view-since').hidden = false;
  const theme = params.get('theme') || 'narkotika';
  const county = params.get('county') || '';
  const sort = SORTS[params.get('sort')] ? params.get('sort') : 'first';
  const only = params.get('only') === 'with';
  fillSelect($('sw-theme'), themeOptions(), theme);
  fillSelect($('sw-county'), countyOptions(), county);
  $('sw-sort').value = sort;
  $('sw-only').checked = only;
  const form = $('since-form');
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    location.assign(pageUrl({ view: 'since', ...Object.fromEntries(new FormData(form).entries()) }));
  });
  ['sw-theme', 'sw-county', 'sw-sort', 'sw-only'].forEach(id => $(id).addEventListener('change', () => form.requestSubmit()));
  status('since-status', T.loading);
  try {
    const grid = await sinceGrid(theme, county);
    const label = themeLabel(theme);
    const countyName = county ? ref.counties.get(county) : '';
    const rows = grid.municipalities.filter(m => !only || m.firstYear).sort(SORTS[sort]);
    const withTheme = grid.municipalities.filter(m => m.firstYear).length;
    status('since-status', `${T.sinceSummary(withTheme, grid.municipalities.length, label, countyName)} ${coverageText(grid)}`);
    document.title = `${T.navSince} ${label} – Löftesgrafen`;
    $('since-caption').textContent = `${T.sinceTitle}: ${label}`;
    $('since-legend').replaceChildren(...[['with', T.withTheme], ['without', T.withoutTheme], ['none', T.noneHarvested]]
      .map(([k, t]) => el('span', { class: 'key' }, el('span', { class: `cell ${k}`, 'aria-hidden': 'true', text: k === 'with' ? '1' : k === 'without' ? '–' : '' }), ' ' + t)));
    const head = el('tr', {}, el('th', { scope: 'col', class: 'name' }, T.municipality),
      el('th', { scope: 'col', class: 'county' }, T.county), el('th', { scope: 'col', class: 'first' }, T.firstYear),
      grid.years.map(y => el('th', { scope: 'col', class: 'year' }, el('abbr', { title: String(y), text: `’${String(y).slice(2)}` }))));
    $('since-table').tHead.replaceChildren(head);
    $('since-table').tBodies[0].replaceChildren(...rows.map(m => sinceRow(m, label)));
    const downloads = $('since-downloads');
    downloads.replaceChildren(el('a', { href: apiUrl(`themes/${encodeURIComponent(theme)}/since`, { county, format: 'csv' }),
      download: `sedan-nar-${theme}.csv`, class: 'csv', text: T.gridCsv }), ' · ');
    feedLink(`feeds/theme/${encodeURIComponent(theme)}.atom`, label, downloads);
    if (county) { downloads.append(' · '); feedLink(`feeds/county/${county}.atom`, countyName, downloads); }
    embedSnippet($('since-embed'), { view: 'since', theme, county, sort, only: only ? 'with' : '' }, `${T.navSince} ${label}`);
  } catch (e) {
    status('since-status', e.message, true);
  }
}

function sinceRow(m, label) {
  const cells = m.cells.map(c => {
    const href = pageUrl({ kommun: m.code }) + `#y${c.year}`;
    if (c.status === 'with') {
      const text = T.cellWith(m.name, c.year, c.commitments.length, label);
      return el('td', { class: 'year with', 'data-year': c.year }, el('a', { href, class: 'cell with', title: text, 'aria-label': text, text: String(c.commitments.length) }));
    }
    if (c.status === 'without') {
      const text = T.cellWithout(m.name, c.year, label);
      return el('td', { class: 'year without', 'data-year': c.year }, el('a', { href, class: 'cell without', title: text, 'aria-label': text, text: '–' }));
    }
    const text = T.cellNone(m.name, c.year);
    return el('td', { class: 'year none', 'data-year': c.year }, el('span', { class: 'cell none', title: text, 'aria-label': text }));
  });
  return el('tr', { 'data-code': m.code, 'data-first': m.firstYear || '' },
    el('th', { scope: 'row', class: 'name' }, el('a', { href: pageUrl({ kommun: m.code }), text: m.name })),
    el('td', { class: 'county', text: m.county }), el('td', { class: 'first', text: m.firstYear || T.none }), cells);
}

/* ---------- overview: honest charts ---------- */

/** Counts of with / without / none per year among the grid's rows. */
function perYear(grid) {
  return grid.years.map(y => {
    const n = { year: y, with: 0, without: 0, none: 0 };
    grid.municipalities.forEach(m => { const c = m.cells.find(x => x.year === y); n[c ? c.status : 'none']++; });
    return n;
  });
}

function perCounty(grid, year) {
  const out = new Map([...ref.counties.entries()].map(([code, name]) => [code, { code, name, with: 0, without: 0, none: 0 }]));
  grid.municipalities.forEach(m => {
    const c = m.cells.find(x => x.year === year);
    const row = out.get(m.countyCode);
    if (row) row[c ? c.status : 'none']++;
  });
  return [...out.values()];
}

/** A stacked bar: with (linked to the list behind it), without, none; widths or heights in proportion of total. */
function stacked(chart, fill, r, total, x, y, size, length, horizontal, href, title) {
  let at = 0;
  [['with', COLOURS.with, 'bar'], ['without', COLOURS.without, 'bar-without'], ['none', fill, 'bar-none']].forEach(([k, colour, cls]) => {
    const part = total ? length * r[k] / total : 0;
    const rect = horizontal
      ? svgEl('rect', { x: x + at, y, width: part, height: size, fill: colour, class: cls, stroke: k === 'none' ? COLOURS.noneLine : undefined })
      : svgEl('rect', { x, y: y - at - part, width: size, height: part, fill: colour, class: cls, stroke: k === 'none' ? COLOURS.noneLine : undefined });
    rect.append(svgEl('title', {}, `${title}: ${r[k]} ${k === 'with' ? T.withTheme : k === 'without' ? T.withoutTheme : T.noneHarvested}`));
    if (k === 'with') {
      const link = svgEl('a', { href, class: 'bar-link' });
      link.append(rect);
      chart.append(link);
    } else {
      chart.append(rect);
    }
    at += part;
  });
}

function chartFrame(container, title, height) {
  container.textContent = '';
  const width = Math.max(300, Math.min(900, container.clientWidth || 640));
  const titleId = container.id + '-title';
  const chart = svgEl('svg', { xmlns: SVG_NS, viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-labelledby': titleId,
    'font-family': 'system-ui, sans-serif', 'font-size': 12, fill: COLOURS.ink });
  chart.append(svgEl('title', { id: titleId }, title));
  return { chart, width, fill: hatch(chart, container.id + '-hatch') };
}

function chartLinks(container, chart, name, header, rows) {
  const links = el('p', { class: 'downloads' });
  links.append(download(`${name}.csv`, 'text/csv', csvOf([header, ...rows])), ' · ',
    download(`${name}.svg`, 'image/svg+xml', new XMLSerializer().serializeToString(chart)), ' ',
    pngLink(chart, `${name}.png`, T.downloadPng));
  links.children[0].textContent = T.downloadCsv;
  links.children[1].textContent = T.downloadSvg;
  const table = el('table', {}, el('thead', {}, el('tr', {}, header.map(h => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, rows.map(r => el('tr', {}, el('th', { scope: 'row', text: String(r[0]) }), r.slice(1).map(v => el('td', { text: String(v) }))))));
  container.append(links, el('details', { class: 'data' }, el('summary', { text: T.showTable }), table));
}

function yearsChart(container, grid, theme, county, title) {
  const rows = perYear(grid);
  const { chart, width, fill } = chartFrame(container, title, 300);
  const total = grid.municipalities.length;
  const left = 40, bottom = 30, top = 12, plotH = 300 - top - bottom, plotW = width - left - 8;
  const step = plotW / Math.max(1, rows.length);
  for (let g = 0; g <= 4; g++) {
    const y = top + plotH - plotH * g / 4;
    chart.append(svgEl('line', { x1: left, x2: width - 8, y1: y, y2: y, stroke: COLOURS.grid }),
      svgEl('text', { x: left - 6, y: y + 4, 'text-anchor': 'end' }, String(Math.round(total * g / 4))));
  }
  rows.forEach((r, i) => {
    const x = left + i * step + step * 0.12;
    stacked(chart, fill, r, total, x, top + plotH, step * 0.76, plotH, false, pageUrl({ theme, year: r.year, county }), String(r.year));
    chart.append(svgEl('text', { x: x + step * 0.38, y: 300 - 10, 'text-anchor': 'middle', 'font-size': step < 36 ? 10 : 12 },
      step < 36 ? `’${String(r.year).slice(2)}` : String(r.year)));
  });
  container.append(chart);
  chartLinks(container, chart, `ar-${theme}`, [T.year, T.withTheme, T.withoutTheme, T.noneHarvested],
    rows.map(r => [r.year, r.with, r.without, r.none]));
}

function countiesChart(container, grid, theme, year, title) {
  const rows = perCounty(grid, year);
  const narrow = (container.clientWidth || 640) < 520;
  const rowH = narrow ? 44 : 28;
  const { chart, width, fill } = chartFrame(container, title, rowH * rows.length + 16);
  const left = narrow ? 6 : 170, right = 56, barW = width - left - right;
  rows.forEach((r, i) => {
    const total = r.with + r.without + r.none;
    const y = 8 + i * rowH + (narrow ? 18 : 0);
    chart.append(svgEl('text', narrow ? { x: left, y: y - 4 } : { x: left - 8, y: y + 14, 'text-anchor': 'end' }, r.name));
    stacked(chart, fill, r, total, left, y, 20, barW, true, pageUrl({ theme, county: r.code, year }), r.name);
    chart.append(svgEl('text', { x: left + barW + 6, y: y + 14 }, `${r.with}/${total}`));
  });
  container.append(chart);
  chartLinks(container, chart, `lan-${theme}-${year}`, [T.county, T.withTheme, T.withoutTheme, T.noneHarvested],
    rows.map(r => [r.name, r.with, r.without, r.none]));
}

async function showOverview() {
  $('view-overview').hidden = false;
  const theme = params.get('theme') || 'narkotika';
  const county = params.get('county') || '';
  fillSelect($('ov-theme'), themeOptions(), theme);
  fillSelect($('ov-county'), countyOptions(), county);
  const form = $('overview-form');
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    location.assign(pageUrl({ view: 'overview', ...Object.fromEntries(new FormData(form).entries()) }));
  });
  status('overview-status', T.loading);
  try {
    const national = await sinceGrid(theme, '');
    const known = national.yearsWithData;
    const year = Number(params.get('year') || (known.length ? known[known.length - 1] : new Date().getFullYear()));
    fillSelect($('ov-year'), yearRange(national), String(year));
    const label = themeLabel(theme);
    status('overview-status', known.length ? '' : T.noData);
    $('overview-coverage').textContent = coverageText(national);
    const local = county ? { ...national, municipalities: national.municipalities.filter(m => m.countyCode === county) } : national;
    $('chart-years-caption').textContent = T.chartYears2(label, county ? ref.counties.get(county) : '');
    yearsChart($('chart-years'), local, theme, county, $('chart-years-caption').textContent);
    $('chart-counties-caption').textContent = T.chartCounties2(label, year);
    countiesChart($('chart-counties'), national, theme, year, $('chart-counties-caption').textContent);
    feedLink(`feeds/theme/${encodeURIComponent(theme)}.atom`, label, $('overview-coverage'));
    embedSnippet($('overview-embed'), { view: 'overview', theme, county, year }, $('chart-years-caption').textContent);
  } catch (e) {
    status('overview-status', e.message, true);
  }
}
