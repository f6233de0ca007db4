// Builds DOM nodes from plain values. Strings always become text nodes, so nothing derived from an article can
// turn into markup: this module is the only place elements are made, and it has no path to innerHTML.

const svgNs = 'http://www.w3.org/2000/svg';

/**
 * h('button', {class: 'x', onclick, 'aria-label': '…'}, 'text', childNode, [more]) -> HTMLElement.
 * Keys starting with "on" are listeners; `dataset` and `style` objects are merged; other keys are attributes.
 */
export function h(tag, props = {}, ...children) {
  return build(document.createElement(tag), props, children);
}

/** The same for SVG elements. */
export function s(tag, props = {}, ...children) {
  return build(document.createElementNS(svgNs, tag), props, children);
}

function build(element, props, children) {
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value);
    } else if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (key === 'style') {
      for (const [name, styleValue] of Object.entries(value)) element.style.setProperty(name, styleValue);
    } else if (key === 'value' || key === 'checked' || key === 'indeterminate') {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else if (child instanceof Node) element.append(child);
    else element.append(document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}
