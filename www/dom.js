// Small DOM helpers shared by the page's views. Untrusted text only ever goes in as text.

export const $ = (sel, root = document) => root.querySelector(sel);

/** An element: props (class, text, dataset, on* listeners, attributes) and children. */
export const el = (tag, props = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v == null) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k in e && typeof v !== 'string') e[k] = v;
    else e.setAttribute(k, v);
  }
  for (const kid of kids) if (kid != null) e.append(kid);
  return e;
};

/** Saves `data` as a file called `name`. */
export function download(name, type, data) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Puts text on the clipboard (the async API, else a hidden textarea). */
export async function copyToClipboard(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const ta = el('textarea', { class: 'visually-hidden' });
    ta.value = text;
    document.body.append(ta);
    ta.select();
    document.execCommand('copy');
    ta.remove();
  }
}

/**
 * A sortable column header: a th with aria-sort holding a button. `sort` is {col, dir};
 * `onSort(col)` is called with the column clicked.
 */
export function sortHeader(col, label, sort, onSort, title = `按${label}排序`) {
  const sorted = sort.col === col;
  const th = el('th', { scope: 'col', dataset: { col } });
  th.setAttribute('aria-sort', sorted ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none');
  th.append(el('button', { type: 'button', class: 'sort', title, onclick: () => onSort(col) },
    label, el('span', { class: 'arrow', 'aria-hidden': 'true', text: sorted ? (sort.dir > 0 ? ' ▲' : ' ▼') : '' })));
  return th;
}
