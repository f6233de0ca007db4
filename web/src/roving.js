// A roving tab index: a list of controls is one tab stop; the arrow keys (and Home, End) move inside it. The
// control last moved to keeps the tab stop, so Tab leaves the list and Shift+Tab comes back to the same place.

/** Makes the `selector` items inside `container` one tab stop; returns the container. */
export function rovingList(container, selector) {
  const items = () => [...container.querySelectorAll(selector)];
  const all = items();
  const start = Math.max(0, all.findIndex((item) => item.getAttribute('aria-current') === 'true'));
  all.forEach((item, index) => item.setAttribute('tabindex', index === start ? '0' : '-1'));
  container.addEventListener('keydown', (event) => {
    const list = items();
    const index = list.indexOf(event.target.closest?.(selector));
    if (index < 0) return;
    const next = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: list.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = list[Math.max(0, Math.min(list.length - 1, next))];
    list[index].setAttribute('tabindex', '-1');
    target.setAttribute('tabindex', '0');
    target.focus();
  });
  return container;
}
