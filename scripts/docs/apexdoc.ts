/**
 * Reads the Apex entry points an admin needs to know about, from the source text: classes with
 * their ApexDoc, `@AuraEnabled` and `@InvocableMethod` methods, `@InvocableVariable` inputs and
 * outputs, and the interfaces that make a class a job (Schedulable, Batchable, Queueable).
 *
 * Not a full Apex parser: a small scanner that skips comments and strings, tracks braces, and
 * hands back every declaration with the ApexDoc comment and annotations in front of it. That is
 * all the configuration guide needs, and it never fails on code it does not understand.
 */

/** One parsed `/** … *\/` comment. */
export interface ApexDoc {
  /** The `@description` text (or the text before the first tag), lines kept. */
  description: string;
  params: { name: string; text: string }[];
  returns: string | null;
}

/** One annotation: `@AuraEnabled(cacheable=true)` → name `AuraEnabled`, args `cacheable=true`. */
export interface Annotation {
  name: string;
  args: string;
}

/** A method the platform calls from outside Apex (a component, a flow). */
export interface ApexMethod {
  className: string;
  name: string;
  signature: string;
  modifiers: string[];
  returnType: string;
  parameters: { type: string; name: string }[];
  annotations: Annotation[];
  doc: ApexDoc | null;
}

/** An `@InvocableVariable` of an inner class (a flow action's input or output). */
export interface InvocableVariable {
  className: string;
  name: string;
  type: string;
  label: string | null;
  description: string | null;
  required: boolean;
}

/** One Apex class: what it is, who it runs as, and its entry points. */
export interface ApexClass {
  name: string;
  doc: ApexDoc | null;
  annotations: Annotation[];
  sharing: string;
  interfaces: string[];
  isTest: boolean;
  methods: ApexMethod[];
  variables: InvocableVariable[];
}

/** One trigger: the object, the events and the handler it hands over to. */
export interface ApexTrigger {
  name: string;
  object: string;
  events: string[];
  handler: string | null;
}

interface Declaration {
  doc: string | null;
  annotations: Annotation[];
  text: string;
  terminator: string;
  scope: string[];
}

/** Parses the text inside a doc comment (without the delimiters). */
export function parseApexDoc(raw: string): ApexDoc {
  const lines = raw
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*\*( ?)/, '').replace(/\s+$/, ''));
  const doc: ApexDoc = { description: '', params: [], returns: null };
  let current: { kind: 'description' | 'param' | 'return' | 'other'; lines: string[] } = {
    kind: 'description',
    lines: []
  };
  const blocks: (typeof current)[] = [current];
  for (const line of lines) {
    const tag = /^\s*@(\w+)\s?(.*)$/.exec(line);
    if (tag) {
      const name = tag[1].toLowerCase();
      const kind =
        name === 'description'
          ? 'description'
          : name === 'param'
            ? 'param'
            : name === 'return' || name === 'returns'
              ? 'return'
              : 'other';
      current = { kind, lines: [tag[2]] };
      blocks.push(current);
    } else {
      current.lines.push(line);
    }
  }
  const descriptions: string[] = [];
  for (const block of blocks) {
    const text = trimBlankLines(block.lines).join('\n');
    if (block.kind === 'description' && text !== '') {
      descriptions.push(text);
    } else if (block.kind === 'param') {
      const m = /^(\w+)\s*([\s\S]*)$/.exec(text);
      if (m) {
        doc.params.push({ name: m[1], text: oneLine(m[2]) });
      }
    } else if (block.kind === 'return') {
      doc.returns = oneLine(text);
    }
  }
  doc.description = descriptions.join('\n\n');
  return doc;
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === '') start++;
  while (end > start && lines[end - 1].trim() === '') end--;
  return lines.slice(start, end);
}

/** Collapses whitespace (line breaks included) to single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The first paragraph of a description, on one line. */
export function firstParagraph(text: string): string {
  return oneLine(text.split(/\n\s*\n/)[0] ?? '');
}

/** The first sentence of a description (up to `. ` before a capital letter), on one line. */
export function firstSentence(text: string): string {
  const paragraph = firstParagraph(text);
  const m = /^([\s\S]*?\.)\s+(?=[A-Z])/.exec(paragraph);
  return m ? m[1] : paragraph;
}

/** Reads `@Name(args)` at `start` (which is the `@`); returns it and where it ends. */
function readAnnotation(source: string, start: number): { annotation: Annotation; end: number } {
  let i = start + 1;
  while (i < source.length && /\w/.test(source[i])) i++;
  const name = source.slice(start + 1, i);
  let j = i;
  while (j < source.length && /\s/.test(source[j])) j++;
  if (source[j] !== '(') {
    return { annotation: { name, args: '' }, end: i };
  }
  let depth = 0;
  let k = j;
  for (; k < source.length; k++) {
    const c = source[k];
    if (c === "'") {
      k = skipString(source, k);
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth--;
      if (depth === 0) break;
    }
  }
  return { annotation: { name, args: source.slice(j + 1, k).trim() }, end: k + 1 };
}

/** From an opening quote, the index of the closing quote (Apex strings escape with `\`). */
function skipString(source: string, start: number): number {
  let i = start + 1;
  while (i < source.length) {
    if (source[i] === '\\') {
      i += 2;
    } else if (source[i] === "'") {
      return i;
    } else {
      i++;
    }
  }
  return source.length;
}

/**
 * Splits Apex source into declarations and statements, each with the doc comment and the
 * annotations written right before it and the names of the classes it is nested in.
 */
function scan(source: string): Declaration[] {
  const out: Declaration[] = [];
  const scope: string[] = [];
  let doc: string | null = null;
  let annotations: Annotation[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (source.startsWith('/**', i) && !source.startsWith('/**/', i)) {
      const end = source.indexOf('*/', i + 3);
      doc = source.slice(i + 3, end < 0 ? source.length : end);
      i = end < 0 ? source.length : end + 2;
    } else if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (source.startsWith('//', i)) {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end + 1;
    } else if (c === '@') {
      const { annotation, end } = readAnnotation(source, i);
      annotations.push(annotation);
      i = end;
    } else if (/\s/.test(c)) {
      i++;
    } else if (c === '}') {
      scope.pop();
      doc = null;
      annotations = [];
      i++;
    } else {
      // a declaration or statement: up to `{`, `;` or `}` outside parentheses and strings
      let j = i;
      let depth = 0;
      for (; j < source.length; j++) {
        const d = source[j];
        if (d === "'") {
          j = skipString(source, j);
        } else if (source.startsWith('//', j)) {
          const end = source.indexOf('\n', j);
          j = end < 0 ? source.length : end;
        } else if (source.startsWith('/*', j)) {
          const end = source.indexOf('*/', j + 2);
          j = end < 0 ? source.length : end + 1;
        } else if (d === '(' || d === '[') {
          depth++;
        } else if (d === ')' || d === ']') {
          depth--;
        } else if (depth <= 0 && (d === '{' || d === ';' || d === '}')) {
          break;
        }
      }
      const text = oneLine(stripComments(source.slice(i, j)));
      const terminator = source[j] ?? '';
      const declaration: Declaration = { doc, annotations, text, terminator, scope: [...scope] };
      out.push(declaration);
      doc = null;
      annotations = [];
      if (terminator === '{') {
        scope.push(classNameOf(text) ?? '');
        i = j + 1;
      } else if (terminator === ';') {
        i = j + 1;
      } else {
        i = j; // `}` is handled on the next turn
      }
    }
  }
  return out;
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
}

const CLASS_PATTERN = /\b(?:class|interface|enum)\s+(\w+)/i;

function classNameOf(text: string): string | null {
  const m = CLASS_PATTERN.exec(text);
  return m && !/[=(]/.test(text.slice(0, m.index)) ? m[1] : null;
}

function hasAnnotation(annotations: Annotation[], name: string): boolean {
  return annotations.some((a) => a.name.toLowerCase() === name.toLowerCase());
}

/** The value of `key='…'` (or `key=true`) in annotation arguments. */
export function annotationArg(args: string, key: string): string | null {
  const m = new RegExp(`\\b${key}\\s*=\\s*('((?:\\\\.|[^'\\\\])*)'|\\w+)`, 'i').exec(args);
  if (!m) return null;
  return m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[1];
}

function splitParameters(text: string): { type: string; name: string }[] {
  const params: { type: string; name: string }[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '<') depth++;
    if (c === '>') depth--;
    if (c === ',' && depth === 0) {
      params.push(parameterOf(current));
      current = '';
    } else {
      current += c;
    }
  }
  if (current.trim() !== '') params.push(parameterOf(current));
  return params;
}

function parameterOf(text: string): { type: string; name: string } {
  const words = text
    .replace(/@\w+(\([^)]*\))?/g, '')
    .replace(/\bfinal\b/gi, '')
    .trim();
  const m = /^([\s\S]*\S)\s+(\w+)$/.exec(words);
  return m ? { type: m[1].replace(/\s+/g, ' '), name: m[2] } : { type: words, name: '' };
}

const MODIFIERS = new Set([
  'public',
  'private',
  'protected',
  'global',
  'static',
  'override',
  'virtual',
  'abstract',
  'final',
  'transient',
  'webservice',
  'testmethod'
]);

/** Parses one `.cls` file. */
export function parseApexClass(name: string, source: string): ApexClass {
  const declarations = scan(source);
  const top = declarations.find((d) => d.scope.length === 0 && classNameOf(d.text) !== null);
  const header = top?.text ?? '';
  const sharing = /\b(with|without|inherited) sharing\b/i.exec(header);
  const implementsClause = /\bimplements\s+([\s\S]+)$/i.exec(header);
  const cls: ApexClass = {
    name,
    doc: top?.doc ? parseApexDoc(top.doc) : null,
    annotations: top?.annotations ?? [],
    sharing: sharing ? `${sharing[1].toLowerCase()} sharing` : 'not declared',
    interfaces: implementsClause ? splitTypes(implementsClause[1]) : [],
    isTest: hasAnnotation(top?.annotations ?? [], 'IsTest'),
    methods: [],
    variables: []
  };
  for (const d of declarations) {
    if (d.terminator === '{' && classNameOf(d.text) === null) {
      const method = methodOf(d, name);
      if (method) cls.methods.push(method);
    } else if (hasAnnotation(d.annotations, 'InvocableVariable') && d.terminator === ';') {
      const words = d.text.replace(/=[\s\S]*$/, '').trim();
      const m = /^([\s\S]*\S)\s+(\w+)$/.exec(words);
      const annotation = d.annotations.find((a) => a.name.toLowerCase() === 'invocablevariable');
      if (m && annotation) {
        const type = m[1]
          .split(/\s+/)
          .filter((w) => !MODIFIERS.has(w.toLowerCase()))
          .join(' ');
        cls.variables.push({
          className: d.scope[d.scope.length - 1] ?? name,
          name: m[2],
          type,
          label: annotationArg(annotation.args, 'label'),
          description: annotationArg(annotation.args, 'description'),
          required: (annotationArg(annotation.args, 'required') ?? '').toLowerCase() === 'true'
        });
      }
    }
  }
  return cls;
}

function splitTypes(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '<') depth++;
    if (c === '>') depth--;
    if (c === ',' && depth === 0) {
      out.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  if (current.trim() !== '') out.push(current.trim());
  return out.map((t) => t.replace(/\s+/g, ''));
}

function methodOf(d: Declaration, className: string): ApexMethod | null {
  const m = /^([\s\S]*?)\b(\w+)\s*\(([\s\S]*)\)\s*(?:throws\s+[\w.,\s]+)?$/.exec(d.text);
  if (!m) return null;
  const words = m[1].trim().split(/\s+/).filter(Boolean);
  const modifiers = words.filter((w) => MODIFIERS.has(w.toLowerCase()));
  // a method has at least one modifier and a return type (a constructor has only its name)
  if (modifiers.length === 0 || /^(if|for|while|switch|catch|return|new)$/i.test(m[2])) {
    return null;
  }
  const returnType = words.filter((w) => !MODIFIERS.has(w.toLowerCase())).join(' ');
  return {
    className: d.scope[d.scope.length - 1] || className,
    name: m[2],
    signature: `${m[2]}(${splitParameters(m[3])
      .map((p) => `${p.type} ${p.name}`.trim())
      .join(', ')})`,
    modifiers: modifiers.map((w) => w.toLowerCase()),
    returnType: returnType === '' ? '(constructor)' : returnType,
    parameters: splitParameters(m[3]),
    annotations: d.annotations,
    doc: d.doc ? parseApexDoc(d.doc) : null
  };
}

/** Parses one `.trigger` file. */
export function parseApexTrigger(name: string, source: string): ApexTrigger {
  const text = stripComments(source);
  const head = /\btrigger\s+(\w+)\s+on\s+(\w+)\s*\(([^)]*)\)/i.exec(text);
  const handler = /\bnew\s+(\w+)\s*\(/.exec(text.slice(head ? head.index + head[0].length : 0));
  return {
    name,
    object: head?.[2] ?? '',
    events: head ? head[3].split(',').map((e) => oneLine(e)) : [],
    handler: handler?.[1] ?? null
  };
}

/** Whether a method is called from outside Apex: a component, a flow, a REST client. */
export function isEntryPoint(method: ApexMethod): boolean {
  return method.annotations.some((a) =>
    /^(AuraEnabled|InvocableMethod|HttpGet|HttpPost|HttpPut|HttpPatch|HttpDelete)$/i.test(a.name)
  );
}

/** The job interfaces of a class (Schedulable, Database.Batchable<…>, Queueable, …). */
export function jobInterfaces(cls: ApexClass): string[] {
  return cls.interfaces.filter((i) =>
    /^(System\.)?(Schedulable|Queueable|Finalizer)$|^Database\.(Batchable|Stateful|AllowsCallouts|RaisesPlatformEvents)/i.test(
      i
    )
  );
}
