// A plain-JavaScript client of the RlhfGraph GraphQL API: no framework, nothing loaded from elsewhere.
'use strict';

const endpoint = new URL('../graphql', document.baseURI).pathname;
const svgNs = 'http://www.w3.org/2000/svg';

// The page sends only the ids of its persisted operations (Operations/*.graphql, in the server's trusted folder),
// over GET, so the browser revalidates answers with their ETags and gets 304 until the next import.
let operationIds;
async function graphql(operation, variables) {
  operationIds ??= await (await fetch('operations.json')).json();
  const params = new URLSearchParams({ id: operationIds[operation] });
  if (variables) params.set('variables', JSON.stringify(variables));
  const response = await fetch(`${endpoint}?${params}`, { headers: { Accept: 'application/graphql-response+json' } });
  const body = await response.json();
  if (body.errors) throw new Error(body.errors.map(e => e.message).join('; '));
  return body.data;
}

function svg(name, attributes, text) {
  const element = document.createElementNS(svgNs, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

function html(name, attributes, text) {
  const element = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

// Papers per year: one <rect class="bar"> per year that has papers.
function drawYears(buckets, total) {
  const chart = document.getElementById('year-chart');
  const years = buckets.filter(b => b.key !== null);
  const unknown = buckets.find(b => b.key === null);
  document.getElementById('paper-total').textContent = `(${total} papers)`;
  document.getElementById('year-note').textContent = unknown ? `${unknown.count} papers have no known year and are not drawn.` : '';
  const width = 600, height = 260, left = 30, bottom = 24, top = 14;
  chart.setAttribute('viewBox', `0 0 ${width} ${height}`);
  chart.replaceChildren();
  const max = Math.max(1, ...years.map(b => b.count));
  const slot = (width - left) / Math.max(1, years.length);
  years.forEach((bucket, i) => {
    const h = (height - bottom - top) * bucket.count / max;
    const x = left + i * slot + slot * 0.1;
    const y = height - bottom - h;
    const bar = svg('rect', { class: 'bar', x, y, width: slot * 0.8, height: h, 'data-year': bucket.key, 'data-count': bucket.count });
    bar.appendChild(svg('title', {}, `${bucket.key}: ${bucket.count} papers`));
    chart.appendChild(bar);
    chart.appendChild(svg('text', { class: 'value', x: x + slot * 0.4, y: y - 3, 'text-anchor': 'middle' }, bucket.count));
    chart.appendChild(svg('text', { class: 'axis', x: x + slot * 0.4, y: height - 8, 'text-anchor': 'middle' }, bucket.key));
  });
}

function drawBars(listId, buckets, onClick) {
  const list = document.getElementById(listId);
  const max = Math.max(1, ...buckets.map(b => b.count));
  list.replaceChildren(...buckets.map(bucket => {
    const item = html('li', onClick ? { class: 'clickable' } : {});
    item.appendChild(html('span', { class: 'label' }, bucket.key));
    const fill = html('span', { class: 'fill' });
    fill.style.width = `${100 * bucket.count / max}%`;
    item.appendChild(fill);
    item.appendChild(html('span', { class: 'count' }, bucket.count));
    if (onClick) item.addEventListener('click', () => onClick(bucket));
    return item;
  }));
}

// An author's co-authors as a star: the author in the middle, co-authors around, line width = shared papers.
async function showCoauthors(authorId) {
  const data = await graphql('DashboardCoauthors', { id: authorId });
  const author = data.node;
  if (!author) return;
  document.getElementById('coauthor-name').textContent = author.name;
  const graph = document.getElementById('coauthor-graph');
  const width = 600, height = 260, cx = width / 2, cy = height / 2, r = 100;
  graph.setAttribute('viewBox', `0 0 ${width} ${height}`);
  graph.replaceChildren();
  const edges = author.coauthors.edges;
  const points = edges.map((edge, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, edges.length) - Math.PI / 2;
    return { edge, x: cx + 2.2 * r * Math.cos(angle), y: cy + r * Math.sin(angle) };
  });
  for (const p of points) graph.appendChild(svg('line', { class: 'graph-edge', x1: cx, y1: cy, x2: p.x, y2: p.y, 'stroke-width': 1 + p.edge.sharedPapers }));
  const node = (x, y, label, id, center) => {
    const g = svg('g', { class: center ? 'graph-node center' : 'graph-node', 'data-id': id });
    g.appendChild(svg('circle', { cx: x, cy: y, r: center ? 9 : 6 }));
    g.appendChild(svg('text', { x, y: y - 11, 'text-anchor': 'middle' }, label));
    if (!center) g.addEventListener('click', () => showCoauthors(id));
    graph.appendChild(g);
  };
  for (const p of points) node(p.x, p.y, `${p.edge.node.name} (${p.edge.sharedPapers})`, p.edge.node.id, false);
  node(cx, cy, author.name, author.id, true);
}

function describe(node) {
  switch (node.__typename) {
    case 'Paper': return `${node.title}${node.year ? ` (${node.year})` : ''}`;
    case 'Codebase': return `${node.name}${node.url ? ` — ${node.url}` : ''}`;
    default: return node.name;
  }
}

// Each autocomplete or search request carries a generation; an answer whose generation is no longer current is dropped.
// Enter (a search) closes the suggestion list for good: a late autocomplete answer must not reopen it over the results.
let suggestionGeneration = 0;
let searchGeneration = 0;

async function runSearch(text) {
  clearTimeout(pending);
  suggestionGeneration++;
  document.getElementById('suggestions').replaceChildren();
  const results = document.getElementById('results');
  const generation = ++searchGeneration;
  if (!text.trim()) { results.replaceChildren(); return; }
  const data = await graphql('DashboardSearch', { q: text });
  if (generation !== searchGeneration) return;
  results.replaceChildren(...data.search.edges.map(edge => {
    const item = html('li', { class: 'result' });
    item.appendChild(html('span', { class: 'kind' }, edge.node.__typename));
    item.appendChild(document.createTextNode(describe(edge.node)));
    item.appendChild(html('span', { class: 'score' }, `score ${edge.score}`));
    if (edge.node.__typename === 'Author') { item.style.cursor = 'pointer'; item.addEventListener('click', () => showCoauthors(edge.node.id)); }
    return item;
  }));
  if (data.search.edges.length === 0) results.replaceChildren(html('li', { class: 'none' }, 'Nothing found.'));
}

let pending;
function suggest(text) {
  clearTimeout(pending);
  const generation = ++suggestionGeneration;
  pending = setTimeout(async () => {
    const list = document.getElementById('suggestions');
    if (!text.trim()) { list.replaceChildren(); return; }
    const data = await graphql('DashboardAutocomplete', { p: text });
    // Counted whether shown or dropped, so a test can tell a late answer has been handled.
    list.dataset.answers = String(Number(list.dataset.answers ?? 0) + 1);
    if (generation !== suggestionGeneration) return;
    list.replaceChildren(...data.autocomplete.map(s => {
      const item = html('li', { role: 'option' });
      item.appendChild(html('span', { class: 'kind' }, s.type));
      item.appendChild(document.createTextNode(s.label));
      item.addEventListener('click', () => { document.getElementById('search-input').value = s.label; runSearch(s.label); });
      return item;
    }));
  }, 120);
}

async function main() {
  const data = await graphql('DashboardStats');
  drawYears(data.stats.papersPerYear, data.stats.paperCount);
  drawBars('keywords', data.stats.papersPerKeyword);
  drawBars('authors', data.stats.topAuthors, bucket => showCoauthors(bucket.id));
  if (data.stats.topAuthors.length > 0) await showCoauthors(data.stats.topAuthors[0].id);
  const input = document.getElementById('search-input');
  input.addEventListener('input', () => suggest(input.value));
  document.getElementById('search-form').addEventListener('submit', event => { event.preventDefault(); runSearch(input.value); });
  document.body.dataset.ready = 'true';
}

main().catch(error => {
  document.body.dataset.ready = 'error';
  document.querySelector('header').appendChild(html('p', { class: 'error' }, `Could not load: ${error.message}`));
});
