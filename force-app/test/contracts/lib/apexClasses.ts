/**
 * A small reader of Apex class declarations: classes (inner ones too), their fields and
 * properties with types and annotations, their methods' return types, their enums. Enough to
 * know what an `@AuraEnabled` method returns and what a DTO serialises to; not a full parser
 * (ANTLR's apex-parser takes ~20 s for this project's classes in Node, far too slow for Jest).
 *
 * It strips comments and string literals, tokenises, and walks class bodies, skipping method
 * bodies, initialisers and property accessors by bracket matching. Anything it cannot read as a
 * member is reported as an error rather than skipped, so a construct it does not know fails the
 * contract test instead of hiding a field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** An Apex type as written: `String`, `List<HandoffView>`, `Map<String, List<Row>>`. */
export interface ApexType {
  /** The name as written, dotted when qualified (`HandoffIntakeService.ItemView`). */
  name: string;
  args: ApexType[];
}

/** A field or property of a class. */
export interface ApexField {
  name: string;
  type: ApexType;
  auraEnabled: boolean;
  isStatic: boolean;
  isTransient: boolean;
  line: number;
}

/** A method (constructors are left out). */
export interface ApexMethod {
  name: string;
  returnType: ApexType;
  auraEnabled: boolean;
  isStatic: boolean;
  line: number;
}

/** A class, interface or enum, top-level or inner. */
export interface ApexClass {
  /** `HandoffIntakeService` or `HandoffIntakeService.ItemView`. */
  name: string;
  kind: 'class' | 'interface' | 'enum';
  /** The class it extends, as written. */
  extendsName?: string;
  fields: ApexField[];
  methods: ApexMethod[];
  enumValues: string[];
  file: string;
  line: number;
}

interface Token {
  text: string;
  line: number;
}

const MODIFIERS = new Set([
  'public',
  'private',
  'protected',
  'global',
  'static',
  'final',
  'transient',
  'override',
  'virtual',
  'abstract',
  'webservice',
  'testmethod'
]);
const SHARING = new Set(['with', 'without', 'inherited']);

/** Replaces comments and string-literal contents with spaces, keeping line breaks. */
export function stripCommentsAndStrings(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') {
        out += ' ';
        i++;
      }
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === "'") {
      out += "'";
      i++;
      while (i < source.length && source[i] !== "'") {
        out += source[i] === '\n' ? '\n' : ' ';
        i += source[i] === '\\' ? 2 : 1;
      }
      out += "'";
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /([A-Za-z_][A-Za-z0-9_]*)|('[ ]*')|(\d[\w.]*)|(\S)/g;
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\n') {
      lineStarts.push(i + 1);
    }
  }
  let line = 1;
  for (const match of source.matchAll(pattern)) {
    const at = match.index ?? 0;
    while (line < lineStarts.length && lineStarts[line] <= at) {
      line++;
    }
    tokens.push({ text: match[0], line });
  }
  return tokens;
}

/** Renders a type back to text: `Map<String, List<Row>>`. */
export function typeText(type: ApexType): string {
  return type.args.length ? `${type.name}<${type.args.map(typeText).join(', ')}>` : type.name;
}

class ClassReader {
  private pos = 0;
  readonly classes: ApexClass[] = [];
  readonly errors: string[] = [];

  constructor(
    private readonly tokens: Token[],
    private readonly file: string
  ) {}

  private peek(offset = 0): string {
    return this.tokens[this.pos + offset]?.text ?? '';
  }

  private lower(offset = 0): string {
    return this.peek(offset).toLowerCase();
  }

  private line(): number {
    return this.tokens[Math.min(this.pos, this.tokens.length - 1)]?.line ?? 0;
  }

  private fail(message: string): void {
    this.errors.push(`${this.file}:${this.line()}: ${message}`);
  }

  /** Skips a balanced group starting at the current open bracket. */
  private skipGroup(): void {
    const open = this.peek();
    const close = open === '(' ? ')' : open === '{' ? '}' : open === '[' ? ']' : '';
    let depth = 0;
    while (this.pos < this.tokens.length) {
      const t = this.peek();
      if (t === open) {
        depth++;
      } else if (t === close) {
        depth--;
        if (depth === 0) {
          this.pos++;
          return;
        }
      }
      this.pos++;
    }
  }

  /** Skips to the `;` ending a field initialiser, across nested brackets. */
  private skipToSemicolon(): void {
    while (this.pos < this.tokens.length && this.peek() !== ';') {
      if (this.peek() === '(' || this.peek() === '{' || this.peek() === '[') {
        this.skipGroup();
      } else {
        this.pos++;
      }
    }
    this.pos++;
  }

  private readAnnotations(): string[] {
    const names: string[] = [];
    while (this.peek() === '@') {
      this.pos++;
      names.push(this.lower());
      this.pos++;
      if (this.peek() === '(') {
        this.skipGroup();
      }
    }
    return names;
  }

  private readModifiers(): Set<string> {
    const found = new Set<string>();
    for (;;) {
      const word = this.lower();
      if (MODIFIERS.has(word)) {
        found.add(word);
        this.pos++;
      } else if (SHARING.has(word) && this.lower(1) === 'sharing') {
        this.pos += 2;
      } else {
        return found;
      }
    }
  }

  readType(): ApexType | undefined {
    if (!/^[A-Za-z_]/.test(this.peek())) {
      return undefined;
    }
    let name = this.peek();
    this.pos++;
    while (this.peek() === '.' && /^[A-Za-z_]/.test(this.peek(1))) {
      name += '.' + this.peek(1);
      this.pos += 2;
    }
    const args: ApexType[] = [];
    if (this.peek() === '<') {
      this.pos++;
      for (;;) {
        const arg = this.readType();
        if (!arg) {
          return undefined;
        }
        args.push(arg);
        if (this.peek() === ',') {
          this.pos++;
        } else if (this.peek() === '>') {
          this.pos++;
          break;
        } else {
          return undefined;
        }
      }
    }
    // `String[]` is `List<String>` in Apex.
    let type: ApexType = { name, args };
    while (this.peek() === '[' && this.peek(1) === ']') {
      this.pos += 2;
      type = { name: 'List', args: [type] };
    }
    return type;
  }

  /** Reads `class X ... { body }` with the cursor on `class`/`interface`/`enum`. */
  private readClass(outer: string | undefined): void {
    const kind = this.lower() as ApexClass['kind'];
    const line = this.line();
    this.pos++;
    const simple = this.peek();
    this.pos++;
    const name = outer ? `${outer}.${simple}` : simple;
    let extendsName: string | undefined;
    while (this.pos < this.tokens.length && this.peek() !== '{') {
      if (this.lower() === 'extends') {
        this.pos++;
        extendsName = this.readType()?.name;
      } else {
        this.pos++;
      }
    }
    const cls: ApexClass = {
      name,
      kind,
      extendsName,
      fields: [],
      methods: [],
      enumValues: [],
      file: this.file,
      line
    };
    this.classes.push(cls);
    this.pos++; // {
    if (kind === 'enum') {
      while (this.pos < this.tokens.length && this.peek() !== '}') {
        if (/^[A-Za-z_]/.test(this.peek())) {
          cls.enumValues.push(this.peek());
        }
        this.pos++;
      }
      this.pos++;
      return;
    }
    this.readBody(cls);
  }

  private readBody(cls: ApexClass): void {
    while (this.pos < this.tokens.length) {
      if (this.peek() === '}') {
        this.pos++;
        return;
      }
      if (this.peek() === ';') {
        this.pos++;
        continue;
      }
      this.readMember(cls);
    }
  }

  private readMember(cls: ApexClass): void {
    const annotations = this.readAnnotations();
    const modifiers = this.readModifiers();
    const word = this.lower();
    if (word === 'class' || word === 'interface' || word === 'enum') {
      this.readClass(cls.name);
      return;
    }
    if (this.peek() === '{') {
      this.skipGroup(); // an initialiser block
      return;
    }
    const line = this.line();
    const simpleName = cls.name.split('.').pop() ?? cls.name;
    if (this.peek() === simpleName && this.peek(1) === '(') {
      this.pos++;
      this.skipGroup(); // parameters
      if (this.peek() === '{') {
        this.skipGroup();
      }
      return; // a constructor
    }
    const start = this.pos;
    const type = this.readType();
    const name = this.peek();
    if (!type || !/^[A-Za-z_]/.test(name)) {
      this.pos = start;
      this.fail(`cannot read a member of ${cls.name} at "${this.peek()}"`);
      this.skipToSemicolon();
      return;
    }
    this.pos++;
    const auraEnabled = annotations.includes('auraenabled');
    const isStatic = modifiers.has('static');
    if (this.peek() === '(') {
      this.skipGroup();
      if (this.peek() === '{') {
        this.skipGroup();
      } else {
        this.skipToSemicolon(); // abstract or interface method
      }
      cls.methods.push({ name, returnType: type, auraEnabled, isStatic, line });
      return;
    }
    const isTransient = modifiers.has('transient');
    const addField = (fieldName: string): void => {
      cls.fields.push({ name: fieldName, type, auraEnabled, isStatic, isTransient, line });
    };
    addField(name);
    if (this.peek() === '{') {
      this.skipGroup(); // property accessors
      return;
    }
    // `Integer a = 1, b;` declares several fields.
    while (this.pos < this.tokens.length && this.peek() !== ';') {
      if (this.peek() === '=') {
        this.pos++;
        while (this.pos < this.tokens.length && this.peek() !== ',' && this.peek() !== ';') {
          if (this.peek() === '(' || this.peek() === '{' || this.peek() === '[') {
            this.skipGroup();
          } else if (this.lower() === 'new') {
            this.pos++;
            this.readType(); // `new Map<String, Id>`: its comma separates no fields
          } else {
            this.pos++;
          }
        }
      } else if (this.peek() === ',') {
        this.pos++;
        addField(this.peek());
        this.pos++;
      } else {
        this.fail(`unexpected "${this.peek()}" after field ${cls.name}.${name}`);
        this.skipToSemicolon();
        return;
      }
    }
    this.pos++;
  }

  readFile(): void {
    this.readAnnotations();
    this.readModifiers();
    const word = this.lower();
    if (word !== 'class' && word !== 'interface' && word !== 'enum') {
      this.fail(`expected a class declaration, found "${this.peek()}"`);
      return;
    }
    this.readClass(undefined);
  }
}

/** Every class, interface and enum declared in one `.cls` source. */
export function readApexSource(
  source: string,
  file: string
): { classes: ApexClass[]; errors: string[] } {
  const reader = new ClassReader(tokenize(stripCommentsAndStrings(source)), file);
  reader.readFile();
  return { classes: reader.classes, errors: reader.errors };
}

/** The classes of a project, by lower-cased qualified name (Apex names are case-insensitive). */
export class ApexProject {
  readonly byName = new Map<string, ApexClass>();
  readonly errors: string[] = [];

  constructor(sources: { file: string; source: string }[]) {
    for (const { file, source } of sources) {
      const read = readApexSource(source, file);
      this.errors.push(...read.errors);
      for (const cls of read.classes) {
        this.byName.set(cls.name.toLowerCase(), cls);
      }
    }
  }

  /** Reads every non-test `.cls` of a classes folder; `replace` swaps a file's text (fixtures). */
  static fromFolder(folder: string, replace: Record<string, string> = {}): ApexProject {
    const files = readdirSync(folder).filter((f) => f.endsWith('.cls') && !/Test\.cls$/.test(f));
    return new ApexProject(
      files.map((file) => ({
        file,
        source: replace[file] ?? readFileSync(join(folder, file), 'utf8')
      }))
    );
  }

  get(name: string): ApexClass | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** Resolves a type name as written inside `context` (inner classes first, then top level). */
  resolve(name: string, context: string): ApexClass | undefined {
    const parts = context.split('.');
    for (let i = parts.length; i > 0; i--) {
      const found = this.get(`${parts.slice(0, i).join('.')}.${name}`);
      if (found) {
        return found;
      }
    }
    return this.get(name);
  }

  /** Fields of a class and of the classes it extends, base first. */
  fieldsOf(cls: ApexClass): ApexField[] {
    const base = cls.extendsName ? this.resolve(cls.extendsName, cls.name) : undefined;
    return [...(base ? this.fieldsOf(base) : []), ...cls.fields];
  }

  /** Every `@AuraEnabled` method, as `Class.method`. */
  auraEnabledMethods(): Map<string, { cls: ApexClass; method: ApexMethod }> {
    const found = new Map<string, { cls: ApexClass; method: ApexMethod }>();
    for (const cls of this.byName.values()) {
      for (const method of cls.methods) {
        if (method.auraEnabled && method.isStatic) {
          found.set(`${cls.name}.${method.name}`, { cls, method });
        }
      }
    }
    return found;
  }
}
