// The search page: pagefind's browser API over every search shard of the site, with filters by volume
// and 类目. Results list the 条目 (pagefind's sub-results, one per entry heading), the volume and an
// excerpt in which only the <mark> highlights are kept as markup.
const form = document.querySelector('[data-search]');
const status = document.querySelector('.search-status');
const list = document.querySelector('.search-results');
const input = form.querySelector('input[name="q"]');
const selects = { volume: form.querySelector('select[name="volume"]'), category: form.querySelector('select[name="category"]') };
const MAX_PAGES = 40;
/** Counts searches, so that the answer to an earlier, slower query never replaces a later one. */
let generation = 0;

let pagefind;
try {
  pagefind = await import(form.dataset.pagefind);
  const indexes = JSON.parse(form.dataset.indexes);
  await pagefind.options({ basePath: indexes[0], excerptLength: 40 });
  for (const extra of indexes.slice(1)) await pagefind.mergeIndex(extra);
  await pagefind.init();
  const filters = await pagefind.filters();
  for (const [name, select] of Object.entries(selects)) {
    for (const value of Object.keys(filters[name] ?? {})) select.append(new Option(value, value));
  }
} catch (error) {
  status.textContent = '检索功能暂时无法使用，请从各卷目录浏览。';
  throw error;
}

const params = new URLSearchParams(window.location.search);
input.value = params.get('q') ?? '';
for (const [name, select] of Object.entries(selects)) select.value = params.get(name) ?? '';

form.addEventListener('submit', (event) => {
  event.preventDefault();
  run();
});
input.addEventListener('input', () => run(300));
for (const select of Object.values(selects)) select.addEventListener('change', () => run());
if (input.value) run();

async function run(delay = 0) {
  const current = ++generation;
  if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
  if (current !== generation) return;
  const query = input.value.trim();
  const filters = {};
  for (const [name, select] of Object.entries(selects)) if (select.value) filters[name] = select.value;
  const url = new URL(window.location.href);
  url.search = new URLSearchParams({ ...(query ? { q: query } : {}), ...filters }).toString();
  window.history.replaceState(null, '', url);
  if (!query) {
    list.replaceChildren();
    status.textContent = '请输入检索词。';
    return;
  }
  status.textContent = '正在检索……';
  const search = await pagefind.search(query, { filters });
  if (current !== generation) return;
  const pages = await Promise.all(search.results.slice(0, MAX_PAGES).map((result) => result.data()));
  if (current !== generation) return;
  const rows = pages.flatMap((page) => entryRows(page, query));
  // Entries that hold the query as typed come first, in pagefind's order; then the best entry of each other page.
  rows.sort((a, b) => Number(b.exact) - Number(a.exact));
  list.replaceChildren(...rows.map(resultItem));
  status.textContent = rows.length
    ? `“${query}”：${rows.length}条结果${search.results.length > MAX_PAGES ? `（只列出最相关的${MAX_PAGES}篇）` : ''}`
    : `没有找到含“${query}”的条目。可换用其他词语，或取消筛选条件。`;
}

/**
 * The entries (sub-results) of a page worth listing: those whose text holds the whole query, or else
 * the one entry with the most matches, so a page where the words only occur apart adds one row.
 */
function entryRows(page, query) {
  const subs = page.sub_results.filter((sub) => sub.url.includes('#'));
  const candidates = (subs.length ? subs : [page]).map((sub) => {
    const title = clean(sub.title ?? page.meta.title);
    const text = plain(sub.excerpt);
    return { title, url: sub.url, excerpt: sub.excerpt, page, exact: title.includes(query) || text.includes(query), hits: sub.locations?.length ?? 0 };
  });
  const exact = candidates.filter((row) => row.exact);
  return exact.length ? exact : [candidates.reduce((best, row) => (row.hits > best.hits ? row : best))];
}

function resultItem(row) {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = row.url;
  link.textContent = row.title;
  heading.append(link);
  const where = document.createElement('p');
  where.className = 'search-where';
  where.textContent = [row.page.meta.volume, row.page.meta.category, clean(row.page.meta.title)].filter((part, index, parts) => part && parts.indexOf(part) === index).join(' · ');
  const excerpt = document.createElement('p');
  excerpt.className = 'search-excerpt';
  excerpt.append(highlighted(row.excerpt, row.title));
  item.append(heading, where, excerpt);
  return item;
}

/**
 * The excerpt as text with <mark> elements: everything else pagefind's HTML might hold is read as text.
 * An excerpt that starts with the entry's own title (the heading is part of its text) loses it.
 */
function highlighted(html, title) {
  const fragment = document.createDocumentFragment();
  let marked = false;
  const text = plain(html);
  const head = text.indexOf('.');
  // Pagefind joins the heading to the text with a full stop; the excerpt may start inside the heading.
  let skip = head >= 0 && head <= title.length && title.endsWith(text.slice(0, head)) ? head + 1 : 0;
  for (const part of (html ?? '').split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>' || part === '</mark>') {
      marked = part === '<mark>';
      continue;
    }
    let value = plain(part);
    const cut = Math.min(skip, value.length);
    value = value.slice(cut).replace(cut ? /^\s+/ : /^/, '');
    skip -= cut;
    if (!value) continue;
    const text = document.createTextNode(value);
    if (!marked) fragment.append(text);
    else {
      const mark = document.createElement('mark');
      mark.append(text);
      fragment.append(mark);
    }
  }
  return fragment;
}

/** Text of a piece of pagefind's excerpt HTML. */
function plain(html) {
  return clean(new DOMParser().parseFromString(html ?? '', 'text/html').body.textContent ?? '');
}

/** Pagefind separates Chinese words with zero-width spaces in what it stores. */
function clean(text) {
  return (text ?? '').replace(/\u200b/g, '');
}
