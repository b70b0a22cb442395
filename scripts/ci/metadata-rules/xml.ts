// A small XML reader for Salesforce source-format metadata that keeps line numbers, so a
// rule violation can point at the element that breaks it. Metadata files are plain XML:
// elements, text, entities, comments, CDATA and the XML declaration; no DTDs.

/** One element: its name (namespace prefix dropped), children, text and 1-based line. */
export interface XmlElement {
  name: string;
  line: number;
  children: XmlElement[];
  /** The decoded text directly inside the element (for leaves, its value). */
  text: string;
  /** Attributes by their qualified name as written (`xsi:type`, `xsi:nil`), values decoded. */
  attributes: Record<string, string>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references. */
export function decodeEntities(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? whole;
  });
}

/** Thrown for a file that is not well-formed XML; the message names the line. */
export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** Parses a document and returns its root element. */
export function parseXml(source: string): XmlElement {
  let pos = 0;
  let line = 1;
  const advance = (to: number): void => {
    for (let i = pos; i < to; i++) if (source.charCodeAt(i) === 10) line++;
    pos = to;
  };
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;

  while (pos < source.length) {
    const lt = source.indexOf('<', pos);
    if (lt === -1) {
      if (stack.length > 0 && source.slice(pos).trim() !== '') {
        stack[stack.length - 1].text += decodeEntities(source.slice(pos));
      }
      advance(source.length);
      break;
    }
    if (lt > pos) {
      if (stack.length > 0) stack[stack.length - 1].text += decodeEntities(source.slice(pos, lt));
      advance(lt);
    }
    if (source.startsWith('<!--', pos)) {
      const end = source.indexOf('-->', pos);
      if (end === -1) throw new XmlSyntaxError('unclosed comment', line);
      advance(end + 3);
    } else if (source.startsWith('<![CDATA[', pos)) {
      const end = source.indexOf(']]>', pos);
      if (end === -1) throw new XmlSyntaxError('unclosed CDATA section', line);
      if (stack.length > 0) stack[stack.length - 1].text += source.slice(pos + 9, end);
      advance(end + 3);
    } else if (source.startsWith('<?', pos) || source.startsWith('<!', pos)) {
      const end = source.indexOf('>', pos);
      if (end === -1) throw new XmlSyntaxError('unclosed declaration', line);
      advance(end + 1);
    } else {
      const end = source.indexOf('>', pos);
      if (end === -1) throw new XmlSyntaxError('unclosed tag', line);
      const tag = source.slice(pos + 1, end);
      const tagLine = line;
      advance(end + 1);
      if (tag.startsWith('/')) {
        const name = localName(tag.slice(1).trim());
        const open = stack.pop();
        if (!open || open.name !== name) {
          throw new XmlSyntaxError(
            `closing </${name}> does not match <${open?.name ?? ''}>`,
            tagLine
          );
        }
      } else {
        const selfClosing = tag.endsWith('/');
        const body = (selfClosing ? tag.slice(0, -1) : tag).trim();
        const name = localName(body.split(/\s+/)[0]);
        const element: XmlElement = {
          name,
          line: tagLine,
          children: [],
          text: '',
          attributes: parseAttributes(body.slice(body.split(/\s+/)[0].length), tagLine)
        };
        if (stack.length > 0) stack[stack.length - 1].children.push(element);
        else if (root) throw new XmlSyntaxError('more than one root element', tagLine);
        else root = element;
        if (!selfClosing) stack.push(element);
      }
    }
  }
  if (stack.length > 0)
    throw new XmlSyntaxError(`<${stack[stack.length - 1].name}> is not closed`, line);
  if (!root) throw new XmlSyntaxError('no root element', 1);
  return root;
}

/** `a="1" b='2'` → { a: '1', b: '2' }; anything else between the tag name and `>` is an error. */
function parseAttributes(raw: string, line: number): Record<string, string> {
  const attributes: Record<string, string> = {};
  const pattern = /\s*([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
  let at = 0;
  while (at < raw.length) {
    if (raw.slice(at).trim() === '') break;
    pattern.lastIndex = at;
    const match = pattern.exec(raw);
    if (!match)
      throw new XmlSyntaxError(`malformed attribute near "${raw.slice(at).trim()}"`, line);
    attributes[match[1]] = decodeEntities(match[2] ?? match[3]);
    at = pattern.lastIndex;
  }
  return attributes;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}

/** The direct children named `name`. */
export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((child) => child.name === name) : [];
}

/** The text of the first direct child named `name`, or undefined. */
export function childText(element: XmlElement | undefined, name: string): string | undefined {
  return childrenNamed(element, name)[0]?.text;
}
