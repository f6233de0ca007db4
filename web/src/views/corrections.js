// The Corrections view: every merge, split, rename, article move and import, newest first, with its time and
// the aliases lines it added. Each can be removed (the analysis re-runs without it); the newest can be undone and
// redone (also Ctrl+Z, Ctrl+Shift+Z). The aliases file the page exports is generated from this list.
import { h } from '../dom.js';

const kindLabels = { merge: 'merge', split: 'split', rename: 'rename', move: 'article move', import: 'import' };

const time = (ms) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function renderCorrectionsView(ctx) {
  const { corrections } = ctx;
  const newest = corrections.at(-1);
  const toolbar = h('div', { class: 'toolbar' },
    h('button', { type: 'button', class: 'undo', disabled: newest ? undefined : true, onclick: ctx.undo, 'aria-keyshortcuts': 'Control+Z' },
      newest ? `Undo “${newest.label}”` : 'Nothing to undo'),
    h('button', { type: 'button', class: 'redo', disabled: ctx.canRedo ? undefined : true, onclick: ctx.redo, 'aria-keyshortcuts': 'Control+Shift+Z' }, 'Redo'),
    h('button', { type: 'button', class: 'export-aliases', disabled: newest ? undefined : true, onclick: ctx.exportAliases }, 'Export aliases file'),
    h('span', { class: 'muted', role: 'status' }, corrections.length === 1 ? '1 correction' : `${corrections.length} corrections`));
  if (!corrections.length) {
    return h('div', { class: 'corrections-view' }, toolbar,
      h('p', { class: 'empty' }, 'No corrections yet. Merge or split entities in the Entities view, rename one, or move an article to another story; each is listed here and can be taken back.'));
  }
  return h('div', { class: 'corrections-view' }, toolbar,
    h('ol', { class: 'corrections', reversed: true },
      [...corrections].reverse().map((c) => h('li', { class: 'correction', dataset: { correction: c.id, kind: c.kind } },
        h('div', { class: 'correction-head' },
          h('span', { class: 'chip' }, kindLabels[c.kind] ?? c.kind),
          h('span', { class: 'correction-label' }, c.label),
          h('time', { class: 'muted', datetime: new Date(c.time).toISOString() }, time(c.time)),
          h('button', { type: 'button', class: 'remove-correction danger', 'aria-label': `Remove the correction: ${c.label}`, onclick: () => ctx.removeCorrection(c.id) }, 'Remove')),
        h('pre', { class: 'correction-lines' }, c.lines.join('\n'))))));
}
