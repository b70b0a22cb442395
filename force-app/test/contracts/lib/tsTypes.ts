/**
 * Reads the components' TypeScript types with the TypeScript compiler API: a program over the
 * `types/*.d.ts` declarations and the component files that hold the result interfaces, with a
 * minimal standard library and only `c/<component>` imports followed (the LWC engine and the DOM
 * are not needed to read a data interface, and leaving them out keeps this under a second).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export interface TsProject {
  program: ts.Program;
  checker: ts.TypeChecker;
  root: string;
}

/**
 * Builds the program. `replace` maps a path relative to `root` to the text to read instead
 * (fixtures that remove a field from a real interface).
 */
export function loadTsProject(
  root: string,
  files: string[],
  replace: Record<string, string> = {},
  oldProgram?: ts.Program
): TsProject {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: [
      'lib.es5.d.ts',
      'lib.es2015.promise.d.ts',
      'lib.es2015.iterable.d.ts',
      'lib.es2015.collection.d.ts'
    ],
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: true
  };
  const host = ts.createCompilerHost(options);
  const replaced = new Map(Object.entries(replace).map(([path, text]) => [join(root, path), text]));
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => replaced.get(fileName) ?? readFile(fileName);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = replaced.get(fileName);
    return text === undefined
      ? getSourceFile(fileName, languageVersion, onError, shouldCreate)
      : ts.createSourceFile(fileName, text, languageVersion, true);
  };
  host.resolveModuleNameLiterals = (literals) =>
    literals.map((literal) => {
      const component = /^c\/(\w+)$/.exec(literal.text)?.[1];
      const file =
        component && join(root, 'force-app/main/default/lwc', component, `${component}.ts`);
      return {
        resolvedModule:
          file && existsSync(file)
            ? { resolvedFileName: file, extension: ts.Extension.Ts }
            : undefined
      };
    });
  const program = ts.createProgram({
    rootNames: files.map((f) => join(root, f)),
    options,
    host,
    oldProgram // a fixture reuses every source file it does not replace
  });
  return { program, checker: program.getTypeChecker(), root };
}

/** A named type's declaration: `file#Name` or `file#Namespace.Name`. */
export function findNamedType(
  project: TsProject,
  reference: string
): { type: ts.Type; name: string } | string {
  const [file, qualified] = reference.split('#');
  const source = project.program.getSourceFile(join(project.root, file));
  if (!source) {
    return `${file} is not part of the contract check's TypeScript program (add it to the map's files)`;
  }
  const parts = qualified.split('.');
  let statements: readonly ts.Statement[] = source.statements;
  for (const part of parts.slice(0, -1)) {
    const namespace = statements.find(
      (s): s is ts.ModuleDeclaration => ts.isModuleDeclaration(s) && s.name.getText() === part
    );
    const body = namespace?.body;
    if (!body || !ts.isModuleBlock(body)) {
      return `${file} declares no namespace ${part}`;
    }
    statements = body.statements;
  }
  const name = parts[parts.length - 1];
  const declaration = statements.find(
    (s) => (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && s.name.text === name
  ) as ts.InterfaceDeclaration | ts.TypeAliasDeclaration | undefined;
  if (!declaration) {
    return `${file} declares no interface or type ${qualified}`;
  }
  return { type: project.checker.getTypeAtLocation(declaration.name), name: qualified };
}

/**
 * What a `declare module '@salesforce/apex/<Class>.<method>'` resolves to: the awaited return
 * type of its default export, or a message when the module or its default export is missing.
 */
export function declaredApexResult(project: TsProject, importPath: string): ts.Type | string {
  const { checker } = project;
  const moduleSymbol = checker
    .getAmbientModules()
    .find((symbol) => symbol.getName() === `"${importPath}"`);
  if (!moduleSymbol) {
    return `no "declare module '${importPath}'" in types/*.d.ts`;
  }
  const defaultExport = checker.tryGetMemberInModuleExports('default', moduleSymbol);
  const declaration = defaultExport?.valueDeclaration ?? defaultExport?.declarations?.[0];
  const signature = defaultExport
    ? checker.getSignaturesOfType(
        checker.getTypeOfSymbolAtLocation(defaultExport, declaration!),
        ts.SignatureKind.Call
      )[0]
    : undefined;
  if (!signature) {
    return `"declare module '${importPath}'" has no default-exported function`;
  }
  const returned = signature.getReturnType();
  return checker.getAwaitedType(returned) ?? returned;
}

/** The `@salesforce/apex/<Class>.<method>` imports of a component's `.ts` files. */
export function apexImports(source: string): string[] {
  return [...source.matchAll(/from\s+'@salesforce\/apex\/([\w]+\.[\w]+)'/g)].map((m) => m[1]);
}

/** Reads a file relative to the root. */
export function readText(root: string, path: string): string {
  return readFileSync(join(root, path), 'utf8');
}
