/**
 * The contract between an Apex result and the component's TypeScript type, and between both and
 * a Jest mock: field names, types, List/Map/nested DTO shapes, nullability and required keys.
 *
 * Serialisation rules (how the client receives Apex values):
 * - `aura`: an `@AuraEnabled` method's return value; a class sends its `@AuraEnabled` instance
 *   fields and properties only.
 * - `json`: `JSON.serialize` of a class (HandoffMetricsController.getDashboard); every instance
 *   field that is not `transient`.
 * In both, String/Id are strings, Integer/Long/Decimal/Double numbers, Date `YYYY-MM-DD`,
 * Datetime ISO 8601, List/Set arrays, Map objects, an enum its value's name. Apex has no
 * non-null types, so a TS property may narrow a field to non-null or required: that is the
 * component's assertion, and the mocks must honour it.
 *
 * A TS property the DTO lacks is an error unless it is optional and tagged `@clientOnly` in its
 * doc comment (the component sets it itself).
 */
import ts from 'typescript';
import { ApexClass, ApexField, ApexProject, ApexType, typeText } from './apexClasses';

export type Serialisation = 'aura' | 'json';

const STRINGS = new Set(['string', 'id', 'date', 'datetime', 'time']);
const INTEGERS = new Set(['integer', 'long']);
const NUMBERS = new Set(['integer', 'long', 'decimal', 'double']);
const LISTS = new Set(['list', 'set']);

export interface ContractContext {
  apex: ApexProject;
  checker: ts.TypeChecker;
  mode: Serialisation;
  /**
   * Fields typed `Object` in Apex that carry a serialised class: `Class.field` → the class whose
   * JSON they hold (HandoffPanelController.PanelConfig.rules).
   */
  objectFields?: Record<string, string>;
}

type Resolved =
  | { kind: 'string' | 'integer' | 'number' | 'boolean' | 'void' | 'object'; label: string }
  | { kind: 'list'; element: ApexType; label: string }
  | { kind: 'map'; value: ApexType; label: string }
  | { kind: 'class'; cls: ApexClass; label: string }
  | { kind: 'enum'; cls: ApexClass; label: string }
  | { kind: 'unknown'; label: string };

function resolveApex(apex: ApexProject, type: ApexType, context: string): Resolved {
  const name = type.name.toLowerCase().replace(/^system\./, '');
  const label = typeText(type);
  if (STRINGS.has(name)) {
    return { kind: 'string', label };
  }
  if (INTEGERS.has(name)) {
    return { kind: 'integer', label };
  }
  if (NUMBERS.has(name)) {
    return { kind: 'number', label };
  }
  if (name === 'boolean') {
    return { kind: 'boolean', label };
  }
  if (name === 'void') {
    return { kind: 'void', label };
  }
  if (name === 'object') {
    return { kind: 'object', label };
  }
  if (LISTS.has(name) && type.args.length === 1) {
    return { kind: 'list', element: type.args[0], label };
  }
  if (name === 'map' && type.args.length === 2) {
    return { kind: 'map', value: type.args[1], label };
  }
  const cls = apex.resolve(type.name, context);
  if (cls?.kind === 'enum') {
    return { kind: 'enum', cls, label };
  }
  if (cls?.kind === 'class') {
    return { kind: 'class', cls, label };
  }
  return { kind: 'unknown', label };
}

/** The fields a class sends to the client under a serialisation. */
export function serialisedFields(
  apex: ApexProject,
  cls: ApexClass,
  mode: Serialisation
): ApexField[] {
  return apex
    .fieldsOf(cls)
    .filter((f) => !f.isStatic && (mode === 'aura' ? f.auraEnabled : !f.isTransient));
}

function nonNullParts(type: ts.Type): ts.Type[] {
  const parts = type.isUnion() ? type.types : [type];
  return parts.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
}

function allowsNull(type: ts.Type): boolean {
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) {
    return true;
  }
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((t) => t.flags & ts.TypeFlags.Null);
}

function isClientOnly(symbol: ts.Symbol): boolean {
  return (symbol.declarations ?? []).some((d) =>
    ts.getJSDocTags(d).some((tag) => tag.tagName.text === 'clientOnly')
  );
}

function isOptional(symbol: ts.Symbol): boolean {
  return (symbol.flags & ts.SymbolFlags.Optional) !== 0;
}

function every(parts: ts.Type[], flags: ts.TypeFlags): boolean {
  return parts.length > 0 && parts.every((t) => (t.flags & flags) !== 0);
}

/** Collects the problems of one contract; each message names where and what. */
export class ContractChecker {
  readonly problems: string[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly ctx: ContractContext) {}

  private typeName(type: ts.Type): string {
    return this.ctx.checker.typeToString(type);
  }

  private propertyType(symbol: ts.Symbol): ts.Type {
    return this.ctx.checker.getTypeOfSymbol(symbol);
  }

  private arrayElement(type: ts.Type): ts.Type | undefined {
    const { checker } = this.ctx;
    return checker.isArrayType(type)
      ? checker.getTypeArguments(type as ts.TypeReference)[0]
      : undefined;
  }

  /** The one non-array object type among `parts`, or undefined when there is not exactly that. */
  private singleObject(parts: ts.Type[]): ts.Type | undefined {
    return parts.length === 1 &&
      parts[0].flags & ts.TypeFlags.Object &&
      !this.arrayElement(parts[0])
      ? parts[0]
      : undefined;
  }

  private objectField(cls: ApexClass, field: string): ApexClass | undefined {
    const target = this.ctx.objectFields?.[`${cls.name}.${field}`];
    return target ? this.ctx.apex.get(target) : undefined;
  }

  /** Asserts that a TS type accepts what an Apex type serialises to. */
  compare(apexType: ApexType, context: string, tsType: ts.Type, path: string): void {
    const resolved = resolveApex(this.ctx.apex, apexType, context);
    const parts = nonNullParts(tsType);
    const shown = this.typeName(tsType);
    const mismatch = (): void => {
      this.problems.push(`${path}: Apex ${resolved.label} but TypeScript ${shown}`);
    };
    if (resolved.kind === 'object') {
      return; // any shape; see objectFields for the ones the check follows
    }
    if (resolved.kind === 'unknown') {
      this.problems.push(`${path}: cannot resolve the Apex type ${resolved.label} (in ${context})`);
      return;
    }
    if (every(parts, ts.TypeFlags.Any | ts.TypeFlags.Unknown)) {
      this.problems.push(
        `${path}: TypeScript ${shown} for Apex ${resolved.label}; declare the shape the component reads`
      );
      return;
    }
    switch (resolved.kind) {
      case 'string':
      case 'enum':
        if (!every(parts, ts.TypeFlags.StringLike)) {
          mismatch();
        }
        return;
      case 'integer':
      case 'number':
        if (!every(parts, ts.TypeFlags.NumberLike)) {
          mismatch();
        }
        return;
      case 'boolean':
        if (!every(parts, ts.TypeFlags.BooleanLike)) {
          mismatch();
        }
        return;
      case 'void':
        if (!every(parts.length ? parts : [tsType], ts.TypeFlags.Void | ts.TypeFlags.Undefined)) {
          mismatch();
        }
        return;
      case 'list': {
        const element = parts.length === 1 ? this.arrayElement(parts[0]) : undefined;
        if (!element) {
          mismatch();
          return;
        }
        this.compare(resolved.element, context, element, `${path}[]`);
        return;
      }
      case 'map': {
        const object = this.singleObject(parts);
        if (!object) {
          mismatch();
          return;
        }
        const index = this.ctx.checker.getIndexInfoOfType(object, ts.IndexKind.String);
        if (index) {
          this.compare(resolved.value, context, index.type, `${path}[key]`);
        }
        // Known keys of a Map: each must hold the Map's value type.
        for (const property of this.ctx.checker.getPropertiesOfType(object)) {
          this.compare(
            resolved.value,
            context,
            this.propertyType(property),
            `${path}.${property.name}`
          );
        }
        return;
      }
      case 'class': {
        const object = this.singleObject(parts);
        if (!object) {
          mismatch();
          return;
        }
        this.compareClass(resolved.cls, object, path);
        return;
      }
    }
  }

  private compareClass(cls: ApexClass, tsType: ts.Type, path: string): void {
    const key = `${cls.name}|${this.typeName(tsType)}`;
    if (this.seen.has(key)) {
      return;
    }
    this.seen.add(key);
    const fields = serialisedFields(this.ctx.apex, cls, this.ctx.mode);
    if (!fields.length) {
      this.problems.push(
        `${path}: Apex ${cls.name} sends no fields (${this.ctx.mode === 'aura' ? 'none is @AuraEnabled' : 'none is an instance field'})`
      );
      return;
    }
    const properties = new Map(
      this.ctx.checker.getPropertiesOfType(tsType).map((p) => [p.name, p] as const)
    );
    const shown = this.typeName(tsType);
    for (const field of fields) {
      const property = properties.get(field.name);
      if (!property) {
        this.problems.push(
          `${path}: Apex field ${cls.name}.${field.name} (${typeText(field.type)}) is missing from TypeScript ${shown}`
        );
        continue;
      }
      const carried = this.objectField(cls, field.name);
      if (carried) {
        this.compareClassJson(carried, this.propertyType(property), `${path}.${field.name}`);
      } else {
        this.compare(field.type, cls.name, this.propertyType(property), `${path}.${field.name}`);
      }
    }
    const names = new Set(fields.map((f) => f.name));
    for (const property of properties.values()) {
      if (names.has(property.name)) {
        continue;
      }
      if (isClientOnly(property) && isOptional(property)) {
        continue;
      }
      this.problems.push(
        `${path}: TypeScript ${shown}.${property.name} has no ${this.ctx.mode === 'aura' ? '@AuraEnabled ' : ''}field in Apex ${cls.name}` +
          (isClientOnly(property)
            ? ' (a @clientOnly property must be optional)'
            : ' (rename it, or mark it optional and @clientOnly)')
      );
    }
  }

  /** An Object field that holds a class serialised with JSON.serialize. */
  private compareClassJson(cls: ApexClass, tsType: ts.Type, path: string): void {
    const inner = new ContractChecker({ ...this.ctx, mode: 'json' });
    inner.compare({ name: cls.name, args: [] }, cls.name, tsType, path);
    this.problems.push(...inner.problems);
  }

  /**
   * Validates a mock value against the Apex type (names, JSON types) and the TS type (null,
   * required keys, string-literal unions).
   */
  validate(
    value: unknown,
    apexType: ApexType,
    context: string,
    tsType: ts.Type | undefined,
    path: string
  ): void {
    const resolved = resolveApex(this.ctx.apex, apexType, context);
    const shown = `Apex ${resolved.label}`;
    if (value === null) {
      if (tsType && !allowsNull(tsType)) {
        this.problems.push(
          `${path}: null, but TypeScript ${this.typeName(tsType)} does not allow null`
        );
      }
      return;
    }
    const parts = tsType ? nonNullParts(tsType) : [];
    const single = parts.length === 1 ? parts[0] : undefined;
    const wrong = (expected: string): void => {
      this.problems.push(`${path}: ${JSON.stringify(value)} is not ${expected} (${shown})`);
    };
    switch (resolved.kind) {
      case 'string':
      case 'enum': {
        if (typeof value !== 'string') {
          wrong('a string');
          return;
        }
        const name = apexType.name.toLowerCase();
        if (name === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
          wrong('a date (YYYY-MM-DD)');
        } else if (
          name === 'datetime' &&
          !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(value)
        ) {
          wrong('a date-time (ISO 8601, UTC)');
        }
        if (resolved.kind === 'enum' && !resolved.cls.enumValues.includes(value)) {
          wrong(`one of ${resolved.cls.enumValues.join(', ')}`);
        }
        if (every(parts, ts.TypeFlags.StringLiteral)) {
          const allowed = parts.map((p) => (p as ts.StringLiteralType).value);
          if (!allowed.includes(value)) {
            this.problems.push(
              `${path}: ${JSON.stringify(value)} is not one of TypeScript ${allowed.map((a) => JSON.stringify(a)).join(' | ')}`
            );
          }
        }
        return;
      }
      case 'integer':
        if (typeof value !== 'number' || !Number.isInteger(value)) {
          wrong('an integer');
        }
        return;
      case 'number':
        if (typeof value !== 'number') {
          wrong('a number');
        }
        return;
      case 'boolean':
        if (typeof value !== 'boolean') {
          wrong('a boolean');
        }
        return;
      case 'list':
        if (!Array.isArray(value)) {
          wrong('an array');
          return;
        }
        value.forEach((item, i) =>
          this.validate(
            item,
            resolved.element,
            context,
            single && this.arrayElement(single),
            `${path}[${i}]`
          )
        );
        return;
      case 'map': {
        if (!isPlainObject(value)) {
          wrong('an object');
          return;
        }
        for (const [key, item] of Object.entries(value)) {
          const property = single && this.ctx.checker.getPropertyOfType(single, key);
          const index = single && this.ctx.checker.getIndexInfoOfType(single, ts.IndexKind.String);
          const itemType = property ? this.propertyType(property) : index?.type;
          this.validate(item, resolved.value, context, itemType, `${path}.${key}`);
        }
        if (single && !this.ctx.checker.getIndexInfoOfType(single, ts.IndexKind.String)) {
          this.requireKeys(
            value,
            single,
            this.ctx.checker.getPropertiesOfType(single).map((p) => p.name),
            path
          );
        }
        return;
      }
      case 'object':
        if (single) {
          this.validateTs(value, single, path);
        }
        return;
      case 'class':
        this.validateClass(value, resolved.cls, single, path);
        return;
      case 'void':
        wrong('nothing (the method returns void)');
        return;
      case 'unknown':
        this.problems.push(
          `${path}: cannot resolve the Apex type ${resolved.label} (in ${context})`
        );
    }
  }

  private requireKeys(
    value: Record<string, unknown>,
    tsType: ts.Type,
    names: string[],
    path: string
  ): void {
    for (const name of names) {
      const property = this.ctx.checker.getPropertyOfType(tsType, name);
      if (property && !isOptional(property) && !(name in value)) {
        this.problems.push(
          `${path}: required key "${name}" is missing (TypeScript ${this.typeName(tsType)})`
        );
      }
    }
  }

  private validateClass(
    value: unknown,
    cls: ApexClass,
    tsType: ts.Type | undefined,
    path: string
  ): void {
    if (!isPlainObject(value)) {
      this.problems.push(`${path}: ${JSON.stringify(value)} is not an object (Apex ${cls.name})`);
      return;
    }
    const fields = new Map(
      serialisedFields(this.ctx.apex, cls, this.ctx.mode).map((f) => [f.name, f] as const)
    );
    for (const [key, item] of Object.entries(value)) {
      const field = fields.get(key);
      if (!field) {
        const hint = [...fields.keys()].find((name) => name.toLowerCase() === key.toLowerCase());
        this.problems.push(
          `${path}: unknown key "${key}": Apex ${cls.name} has no ${this.ctx.mode === 'aura' ? '@AuraEnabled ' : ''}field of that name${hint ? ` (did you mean "${hint}"?)` : ''}`
        );
        continue;
      }
      const property = tsType && this.ctx.checker.getPropertyOfType(tsType, key);
      const carried = this.objectField(cls, key);
      if (carried) {
        const inner = new ContractChecker({ ...this.ctx, mode: 'json' });
        inner.validate(
          item,
          { name: carried.name, args: [] },
          carried.name,
          property && this.propertyType(property),
          `${path}.${key}`
        );
        this.problems.push(...inner.problems);
      } else {
        this.validate(
          item,
          field.type,
          cls.name,
          property && this.propertyType(property),
          `${path}.${key}`
        );
      }
    }
    if (tsType) {
      this.requireKeys(value, tsType, [...fields.keys()], path);
    }
  }

  /** A value under an Apex `Object` field: checked against the TS type alone. */
  private validateTs(value: unknown, tsType: ts.Type, path: string): void {
    const { checker } = this.ctx;
    const parts = tsType.isUnion() ? tsType.types : [tsType];
    if (every(parts, ts.TypeFlags.StringLiteral)) {
      const allowed = parts.map((p) => (p as ts.StringLiteralType).value);
      if (typeof value !== 'string' || !allowed.includes(value)) {
        this.problems.push(
          `${path}: ${JSON.stringify(value)} is not TypeScript ${this.typeName(tsType)}`
        );
      }
      return;
    }
    if (every(parts, ts.TypeFlags.BooleanLike)) {
      if (typeof value !== 'boolean') {
        this.problems.push(
          `${path}: ${JSON.stringify(value)} is not TypeScript ${this.typeName(tsType)}`
        );
      }
      return;
    }
    if (tsType.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown) || tsType.isUnion()) {
      return; // a union of shapes: not followed
    }
    const element = this.arrayElement(tsType);
    if (element) {
      if (!Array.isArray(value)) {
        this.problems.push(
          `${path}: ${JSON.stringify(value)} is not an array (TypeScript ${this.typeName(tsType)})`
        );
        return;
      }
      value.forEach((item, i) => this.validateTsNullable(item, element, `${path}[${i}]`));
      return;
    }
    if (tsType.flags & ts.TypeFlags.Object) {
      if (!isPlainObject(value)) {
        this.problems.push(
          `${path}: ${JSON.stringify(value)} is not an object (TypeScript ${this.typeName(tsType)})`
        );
        return;
      }
      const index = checker.getIndexInfoOfType(tsType, ts.IndexKind.String);
      for (const [key, item] of Object.entries(value)) {
        const property = checker.getPropertyOfType(tsType, key);
        if (!property && !index) {
          this.problems.push(
            `${path}: unknown key "${key}": TypeScript ${this.typeName(tsType)} has no property of that name`
          );
          continue;
        }
        this.validateTsNullable(
          item,
          property ? this.propertyType(property) : index!.type,
          `${path}.${key}`
        );
      }
      this.requireKeys(
        value,
        tsType,
        checker.getPropertiesOfType(tsType).map((p) => p.name),
        path
      );
      return;
    }
    const ok =
      (tsType.flags & ts.TypeFlags.StringLike && typeof value === 'string') ||
      (tsType.flags & ts.TypeFlags.NumberLike && typeof value === 'number') ||
      (tsType.flags & ts.TypeFlags.BooleanLike && typeof value === 'boolean');
    if (!ok) {
      this.problems.push(
        `${path}: ${JSON.stringify(value)} is not TypeScript ${this.typeName(tsType)}`
      );
    }
  }

  private validateTsNullable(value: unknown, tsType: ts.Type, path: string): void {
    if (value === null || value === undefined) {
      if (!allowsNull(tsType)) {
        this.problems.push(
          `${path}: null, but TypeScript ${this.typeName(tsType)} does not allow null`
        );
      }
      return;
    }
    const parts = nonNullParts(tsType);
    if (parts.length === 1) {
      this.validateTs(value, parts[0], path);
    } else if (every(parts, ts.TypeFlags.StringLiteral) || every(parts, ts.TypeFlags.BooleanLike)) {
      this.validateTs(value, tsType, path);
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
