// Above the Articles view: remove the article shown, or pick any number of articles (rejected ones too, which
// the analysis does not list) and remove them together.
import { h } from '../dom.js';

export function articleTools(ctx) {
  const { articles, view, rejected } = ctx;
  const current = articles.find((a) => a.id === view.articleId) ?? articles[0];
  const dialog = h('dialog', { class: 'dialog remove-dialog', 'aria-labelledby': 'remove-title' });
  const open = () => {
    const boxes = articles.map((article) => {
      const reason = rejected.get(article.id);
      return h('li', {}, h('label', {},
        h('input', { type: 'checkbox', value: article.id, checked: reason ? true : undefined }),
        ` ${article.id}`,
        reason ? h('span', { class: 'rejected-note' }, ` — not analysed: ${reason.message}`) : null));
    });
    dialog.replaceChildren(
      h('h2', { id: 'remove-title' }, 'Remove articles'),
      h('p', {}, 'The articles are removed from this workspace; the analysis runs again without them.'),
      h('div', { class: 'dialog-actions' },
        h('button', { type: 'button', onclick: () => dialog.querySelectorAll('input[type=checkbox]').forEach((box) => { box.checked = true; }) }, 'Select all'),
        h('button', { type: 'button', onclick: () => dialog.querySelectorAll('input[type=checkbox]').forEach((box) => { box.checked = false; }) }, 'Select none')),
      h('ul', { class: 'remove-list' }, boxes),
      h('div', { class: 'dialog-actions' },
        h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel'),
        h('button', { type: 'button', class: 'danger remove-selected', onclick: () => {
          const ids = [...dialog.querySelectorAll('input[type=checkbox]:checked')].map((box) => box.value);
          dialog.close();
          if (ids.length) ctx.removeArticles(ids);
        } }, 'Remove selected')));
    dialog.showModal();
  };
  return h('div', { class: 'toolbar article-tools' },
    current ? h('button', { type: 'button', class: 'remove-article', onclick: () => ctx.removeArticles([current.id]) }, `Remove “${current.id}”`) : null,
    h('button', { type: 'button', class: 'remove-many', onclick: open }, 'Remove articles…'),
    rejected.size ? h('span', { class: 'muted' }, `${rejected.size} not analysed`) : null,
    dialog);
}
