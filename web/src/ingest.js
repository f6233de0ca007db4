// Turns dropped files and pasted text into articles ({id, text}). Plain files are decoded by the core (it knows
// the legacy encodings); HTML pages go through Readability on an inert DOMParser document first, so menus and
// ads stay out and no script or image of the page ever runs or loads.
import { Readability } from '@mozilla/readability';

// The core's limits (crosswire::Options: max_article_bytes, max_batch_bytes, at their defaults, which the worker
// does not change), checked here so that a file over one is refused at once, in words, instead of failing in the
// core. An HTML page may be larger than its article: it is checked after extraction.
export const limits = { articleBytes: 2 * 1024 * 1024, batchBytes: 16 * 1024 * 1024 };
// HTML pages carry markup, scripts and styles around the article: a page may be this large.
export const maxFileBytes = 8 * 1024 * 1024;

export class IngestError extends Error {
  constructor(name, message) {
    super(message);
    this.fileName = name;
  }
}

const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A size in words: "2 MiB", "256 MiB", "512 KiB". */
export function sizeInWords(bytes) {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / 1024 / 1024} MiB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${Math.ceil(bytes / 1024)} KiB`;
}

const encoder = new TextEncoder();

/**
 * Refuses text the core would refuse or that holds nothing to analyse: empty or whitespace-only, over the limit
 * per article, or over what is left of the batch (`batchBytes` are already loaded). Throws IngestError.
 */
export function checkText(name, text, batchBytes = 0) {
  if (!String(text ?? '').trim()) {
    throw new IngestError(name, `${name} is empty or holds only whitespace: there is nothing to analyse.`);
  }
  const bytes = encoder.encode(text).length;
  if (bytes > limits.articleBytes) {
    throw new IngestError(name, `${name} is ${sizeInWords(bytes)} of text, over the limit of ${sizeInWords(limits.articleBytes)} per article. Split it into smaller articles.`);
  }
  if (batchBytes + bytes > limits.batchBytes) {
    throw new IngestError(name, `${name} would take the workspace over its limit of ${sizeInWords(limits.batchBytes)} of text. Remove some articles first.`);
  }
  return bytes;
}

/**
 * A publication date as the core takes it: "YYYY-MM-DD" (what <input type="date"> gives), or undefined for
 * none. Throws IngestError for anything else, so that a bad date is refused before the article is stored.
 */
export function checkPublished(published) {
  if (published == null || published === '') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(published));
  const day = match && new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
  if (!day || day.getUTCFullYear() !== +match[1] || day.getUTCMonth() !== +match[2] - 1 || day.getUTCDate() !== +match[3]) {
    throw new IngestError('published', `A publication date must be a day written YYYY-MM-DD, not "${published}".`);
  }
  return match[0];
}

/** A key of an article's text (length and two 32-bit FNV-1a hashes) that finds files already loaded. */
export function contentKey(text) {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return `${text.length}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}

// Signatures of the binary files people most often drop by mistake.
const signatures = [
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP archive or Office document', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['Word 97 document', [0xd0, 0xcf, 0x11, 0xe0]],
  ['WebAssembly module', [0x00, 0x61, 0x73, 0x6d]],
];

/** Says what kind of binary file the bytes are, or null when they look like text. */
export function sniffBinary(bytes) {
  for (const [kind, magic] of signatures) {
    if (magic.every((byte, index) => bytes[index] === byte)) return kind;
  }
  // UTF-16 text has NUL bytes too, but starts with a byte order mark.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) return null;
  const head = bytes.subarray(0, 4096);
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return 'binary file';
    if (byte < 9 || (byte > 13 && byte < 32)) control += 1;
  }
  return head.length && control / head.length > 0.1 ? 'binary file' : null;
}

export function isHtml(name, bytes) {
  if (/\.x?html?$/i.test(name)) return true;
  const start = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html');
}

/** The charset an HTML page declares in its first bytes, if TextDecoder knows it. */
function declaredCharset(bytes) {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const match = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i);
  if (!match) return 'utf-8';
  try {
    return new TextDecoder(match[1]).encoding;
  } catch {
    return 'utf-8';
  }
}

const blockTags = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TD', 'TH', 'TR', 'UL']);

/** Text of a DOM subtree with one line per block, which is what the core's paragraph splitter expects. */
export function blocksToText(root) {
  const lines = [];
  let current = '';
  const flush = () => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        current += child.data;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(child.tagName)) continue;
        const block = blockTags.has(child.tagName);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return lines.join('\n');
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of UTF-8 bytes (without a byte order mark), or null when they are not UTF-8. */
export function decodeUtf8(bytes) {
  if (bytes.includes(0x1b)) return null;
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

// Attributes that name something to fetch or to run. An inert DOMParser document fetches and runs nothing, but
// Chromium still checks its inline handlers, inline styles and <base> against the page's policy while parsing,
// and reports each as a violation in the console; so they are taken out of the markup before it is parsed.
const fetchingAttributes = new Set(['src', 'srcset', 'poster', 'background', 'lowsrc', 'dynsrc', 'data', 'action',
  'formaction', 'ping', 'xlink:href', 'imagesrcset', 'codebase', 'archive', 'longdesc', 'manifest', 'icon', 'srcdoc']);
const attributePattern = /([^\s"'>\/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
const markupPattern = /<!--[\s\S]*?-->|<(script|style)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?<\/\1\s*>|<(title|textarea)\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/\2\s*>|<([a-zA-Z][^\s\/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;

/** The attributes of a start tag without handlers, styles and URLs to fetch; a style that hides keeps `hidden`. */
function defuseAttributes(tag, attributes) {
  const kept = [];
  let hidden = false;
  for (const [, rawName, rawValue] of attributes.matchAll(attributePattern)) {
    const name = rawName.toLowerCase();
    const value = rawValue?.replace(/^["']|["']$/g, '') ?? '';
    if (name === 'style') {
      // Readability leaves out what a style hides; the `hidden` attribute tells it the same without the style.
      hidden ||= /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(value);
      continue;
    }
    if (name.startsWith('on') || fetchingAttributes.has(name)) continue;
    // Links keep their address (Readability weighs links by it); nothing else may name one.
    if (name === 'href' && tag !== 'a') continue;
    kept.push(rawValue === undefined ? rawName : `${rawName}=${rawValue}`);
  }
  if (hidden) kept.push('hidden');
  // A self-closing tag stays one (it matters inside SVG).
  if (/\/\s*$/.test(attributes)) kept.push('/');
  return kept.length ? ` ${kept.join(' ')}` : '';
}

/**
 * HTML without its comments, scripts, style sheets, event handlers, inline styles and resource URLs, before it
 * is parsed: what is left is text and structure, which is all the article extraction reads.
 */
export function defuseMarkup(html) {
  return html.replace(markupPattern, (match, rawText, rcdata, rcdataAttributes, rcdataText, tag, attributes) => {
    if (match.startsWith('<!--') || rawText) return '';
    // A title's or text area's content is text, not markup: it is kept as it is.
    if (rcdata) return `<${rcdata}${defuseAttributes(rcdata.toLowerCase(), rcdataAttributes)}>${rcdataText}</${rcdata}>`;
    return `<${tag}${defuseAttributes(tag.toLowerCase(), attributes)}>`;
  });
}

/** Extracts the article of an HTML page: {title, text}. */
export function extractHtml(bytes) {
  const html = defuseMarkup(new TextDecoder(declaredCharset(bytes)).decode(bytes));
  // The document is inert (no browsing context): nothing in it loads or runs, and no node of it is ever put into
  // the page; only its text is read.
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const fallbackTitle = doc.title?.trim() ?? '';
  // Readability mutates the document; the fallback needs the original body.
  const fallbackBody = doc.body?.cloneNode(true);
  const article = new Readability(doc, { serializer: (element) => element }).parse();
  const title = (article?.title ?? fallbackTitle).trim();
  const body = article?.content ? blocksToText(article.content) : fallbackBody ? blocksToText(fallbackBody) : '';
  return { title, text: title && !body.startsWith(title) ? `${title}\n\n${body}` : body };
}

/**
 * Reads one File into an article. `decode(bytes, name)` is the core's decoder (through the worker).
 * Throws IngestError with a message meant for the user.
 */
export async function readFile(file, decode, batchBytes = 0) {
  const article = await readArticle(file, decode);
  article.bytes = checkText(file.name, article.text, batchBytes);
  return article;
}

async function readArticle(file, decode) {
  const html = /\.x?html?$/i.test(file.name);
  // Plain text is never smaller than the article it holds (the limit counts UTF-8, and legacy code pages and
  // UTF-16 grow at most to three bytes a character): a larger file is refused before it is read.
  if (file.size > (html ? maxFileBytes : 3 * limits.articleBytes)) {
    throw new IngestError(file.name, `${file.name} is ${megabytes(file.size)}: too large to analyse here ` +
      `(the limit is ${sizeInWords(html ? maxFileBytes : limits.articleBytes)} ${html ? 'per page' : 'of text per article'}). Split it into articles first.`);
  }
  if (file.size === 0) throw new IngestError(file.name, `${file.name} is empty: there is nothing to analyse.`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const binary = sniffBinary(bytes);
  if (binary) {
    throw new IngestError(file.name, `${file.name} looks like a ${binary}, not text. Crosswire reads plain ` +
      'text, Markdown and HTML articles; copy the text out of it and paste it instead.');
  }
  if (isHtml(file.name, bytes)) {
    const { text } = extractHtml(bytes);
    if (!text.trim()) throw new IngestError(file.name, `No article text was found in ${file.name}.`);
    return { name: file.name, text, encoding: 'html', warnings: [], source: 'html' };
  }
  // Valid UTF-8 (nearly every file) is decoded here: the core's addFile would also analyse the article, only
  // for the whole batch to be analysed again. Anything else (legacy code pages, UTF-16, ISO-2022 escapes) goes
  // to the core, which knows those encodings.
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== null) return { name: file.name, text: utf8, encoding: 'UTF-8', warnings: [], source: 'file' };
  try {
    const info = await decode(bytes, file.name);
    return { name: file.name, text: info.text, encoding: info.encoding, warnings: info.warnings ?? [], source: 'file' };
  } catch (error) {
    throw new IngestError(file.name, `${file.name} could not be read: ${error.message}`);
  }
}
