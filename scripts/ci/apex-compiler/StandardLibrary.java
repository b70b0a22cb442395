import apex.common.base.Initializers;
import apex.jorje.semantic.ast.modifier.ModifierGroups;
import apex.jorje.semantic.ast.visitor.reference.ExternalDependency;
import apex.jorje.semantic.ast.visitor.reference.UntypedExternalDependency;
import apex.jorje.semantic.common.TestSObjectTypeInfos;
import apex.jorje.semantic.compiler.Namespace;
import apex.jorje.semantic.compiler.Namespaces;
import apex.jorje.semantic.compiler.SourceFile;
import apex.jorje.semantic.compiler.sfdc.SymbolProvider;
import apex.jorje.semantic.symbol.member.method.Generated;
import apex.jorje.semantic.symbol.member.method.MethodInfo;
import apex.jorje.semantic.symbol.member.method.MethodTableFactory;
import apex.jorje.semantic.symbol.member.method.StandardMethodInfo;
import apex.jorje.semantic.symbol.member.variable.DynamicFieldInfoFactory;
import apex.jorje.semantic.symbol.member.variable.FieldInfo;
import apex.jorje.semantic.symbol.member.variable.FieldTable;
import apex.jorje.semantic.symbol.resolver.SymbolResolver;
import apex.jorje.semantic.symbol.type.StandardTypeInfoImpl;
import apex.jorje.semantic.symbol.type.TypeInfo;
import apex.jorje.semantic.symbol.type.TypeInfos;
import apex.jorje.semantic.symbol.type.UnitType;
import apex.jorje.services.Version;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The jorje symbol provider: what the org's compiler would find outside the classes being
 * compiled. The system namespaces come from the StandardApexLibrary stubs inside
 * apex-jorje-lsp.jar (System, Database, Schema, Messaging, ...), overlaid by the completed
 * stubs in this folder's stubs/ (same layout; a file there replaces the jar's). Schema-driven
 * types are built here: the SObjects (see {@link SObjectSchema}), {@code Schema.SObjectType}
 * with a describe result per object ({@code Schema.SObjectType.Account.fields.Name}), share
 * objects' {@code RowCause}, and custom labels.
 */
final class StandardLibrary implements SymbolProvider {

  /** "system/database" -> where its source is. */
  private final Map<String, StubSource> stubs = new TreeMap<>();
  private final Map<String, TypeInfo> attached = new HashMap<>();
  private final Set<String> labels;
  private SObjectSchema schema;
  private TypeInfo sobjectType;
  private final Map<String, TypeInfo> describeTypes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, TypeInfo> fieldsTypes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, TypeInfo> fieldSetsTypes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, TypeInfo> rowCauseTypes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  private record StubSource(String namespace, String className, String origin, String body) {}

  StandardLibrary(Map<String, String[]> stubBodies, Set<String> labels) {
    for (Map.Entry<String, String[]> entry : stubBodies.entrySet()) {
      String[] parts = entry.getValue();
      stubs.put(entry.getKey(), new StubSource(parts[0], parts[1], parts[2], parts[3]));
    }
    this.labels = labels;
  }

  void setSchema(SObjectSchema schema) {
    this.schema = schema;
    this.nawforce = new NawforceTypes(this, schema);
  }

  private NawforceTypes nawforce;

  /** Library classes built from the standard library model instead of a stub (see NawforceTypes). */
  private static final Set<String> MODEL_CLASSES = Set.of("system/database");

  /**
   * Reads every stub: first the jar's StandardApexLibrary, then the completed stubs folder,
   * whose files replace the jar's of the same namespace and name. Returns key -> {namespace,
   * class, origin, body}.
   */
  static Map<String, String[]> readStubs(Path jorjeJar, Path overrides) throws IOException {
    Map<String, String[]> bodies = new TreeMap<>();
    try (JarFile jar = new JarFile(jorjeJar.toFile())) {
      for (var entry : java.util.Collections.list(jar.entries())) {
        String name = entry.getName();
        if (!name.startsWith("StandardApexLibrary/") || !name.endsWith(".cls")) continue;
        String[] parts = name.substring("StandardApexLibrary/".length(), name.length() - ".cls".length()).split("/");
        if (parts.length != 2) continue;
        try (InputStream in = jar.getInputStream(entry)) {
          String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          bodies.put(key(parts[0], parts[1]), new String[] {parts[0], parts[1], "jar:" + name, body});
        }
      }
    }
    if (overrides != null && Files.isDirectory(overrides)) {
      try (Stream<Path> files = Files.walk(overrides)) {
        for (Path file : files.sorted().toList()) {
          String fileName = file.getFileName().toString();
          if (!fileName.endsWith(".cls")) continue;
          Path relative = overrides.relativize(file);
          if (relative.getNameCount() != 2) continue;
          String namespace = relative.getName(0).toString();
          String className = fileName.substring(0, fileName.length() - ".cls".length());
          String body = Files.readString(file, StandardCharsets.UTF_8);
          bodies.put(key(namespace, className), new String[] {namespace, className, file.toString(), body});
        }
      }
    }
    return bodies;
  }

  private static String key(String namespace, String className) {
    return (namespace + "/" + className).toLowerCase(Locale.ROOT);
  }

  /** Where a stub source came from (its file, or its entry in the jar), for --stub-errors. */
  String originOf(SourceFile file) {
    StubSource stub = stubs.get(String.valueOf(file.getKnownName()).replace('.', '/').toLowerCase(Locale.ROOT));
    return stub == null ? null : stub.origin;
  }

  // -----------------------------------------------------------------------------------------
  // SymbolProvider

  @Override
  public TypeInfo find(SymbolResolver symbols, TypeInfo referencingType, String lowerCaseFullName) {
    String name = lowerCaseFullName.toLowerCase(Locale.ROOT);
    if (name.equals("schema/sobjecttype")) return sobjectType(symbols);
    // System.Label is the org's custom labels (the compiler's own label type), not the jar's
    // stub of the same name, which knows no labels.
    if (name.equals("system/label")) {
      return symbols.getLabelTypeInfo(referencingType == null ? Namespaces.EMPTY : referencingType.getNamespace());
    }
    int dollar = name.indexOf('$');
    String outer = dollar < 0 ? name : name.substring(0, dollar);
    if (MODEL_CLASSES.contains(outer)) {
      // Built from the model; it has no inner types (Database.SaveResult is namespace Database).
      if (dollar >= 0) return null;
      TypeInfo built = attached.get(name);
      if (built == null) {
        StubSource original = stubs.get(name);
        String[] parts = name.split("/");
        built = nawforce.buildClass(symbols, original == null ? parts[0] : original.namespace, original == null ? parts[1] : original.className);
        attached.put(name, built);
      }
      return built;
    }
    StubSource stub = stubs.get(outer);
    if (stub == null) return null;
    TypeInfo type = attached.get(outer);
    if (type == null) {
      SourceFile source =
          SourceFile.builder()
              .setBody(complete(stub))
              .setNamespace(namespace(stub.namespace))
              .setVersion(Version.CURRENT)
              .setFileBased(true)
              .setTrusted(true)
              .setKnownName(stub.namespace + "." + stub.className)
              .build();
      type = symbols.getCompilerService().attachSource(symbols, source, outer);
      attached.put(outer, type);
    }
    return dollar < 0 ? type : symbols.get(name);
  }

  private static final java.util.regex.Pattern PLAIN_EXCEPTION =
      java.util.regex.Pattern.compile("(?m)^global class (\\w+Exception) \\{");

  /**
   * Completions that apply to a whole family of jar stubs. The jar declares the platform's
   * exception classes (System.QueryException, System.DmlException, ...) as plain classes; in the
   * org every one of them extends Exception, so they can be thrown, caught and asked for
   * getMessage(). A stub from stubs/ is taken as written.
   */
  private static String complete(StubSource stub) {
    if (!stub.origin.startsWith("jar:")) return stub.body;
    return PLAIN_EXCEPTION.matcher(stub.body).replaceFirst("global class $1 extends Exception {");
  }

  private static Namespace namespace(String name) {
    if (name.equalsIgnoreCase("System")) return Namespaces.SYSTEM;
    if (name.equalsIgnoreCase("Schema")) return Namespaces.SCHEMA;
    if (name.equalsIgnoreCase("Database")) return Namespaces.DATABASE;
    if (name.equalsIgnoreCase("Messaging")) return Namespaces.MESSAGING;
    if (name.equalsIgnoreCase("ApexPages")) return Namespaces.APEX_PAGES;
    if (name.equalsIgnoreCase("Flow")) return Namespaces.FLOW;
    if (name.equalsIgnoreCase("ConnectApi")) return Namespaces.CONNECT_API;
    return Namespaces.create(name);
  }

  /** A library type by its Apex name, e.g. "Schema.SObjectField" or "System.Address". */
  TypeInfo type(SymbolResolver symbols, String apexName) {
    String[] parts = apexName.split("\\.");
    TypeInfo type = find(symbols, null, (parts[0] + "/" + parts[1]).toLowerCase(Locale.ROOT));
    if (type == null) throw new IllegalStateException("no library stub for " + apexName);
    return type;
  }

  @Override
  public ExternalDependency findMetadataDependency(
      SymbolResolver symbols, TypeInfo referencingType, UntypedExternalDependency.DependencyType dependencyType, String lowerCaseFullName) {
    return null;
  }

  @Override
  public TypeInfo getVfComponentType(SymbolResolver symbols, TypeInfo referencingType, Namespace namespace, String name) {
    return null;
  }

  @Override
  public TypeInfo getFlowInterviewType(SymbolResolver symbols, TypeInfo referencingType, Namespace namespace, String name) {
    return null;
  }

  @Override
  public TypeInfo getSObjectType(TypeInfo referencingType, String name) {
    return schema.get(name);
  }

  @Override
  public TypeInfo getAggregateResultType(TypeInfo referencingType) {
    return TestSObjectTypeInfos.AGGREGATE_RESULT;
  }

  @Override
  public String getPageReference(TypeInfo referencingType, String name) {
    return null;
  }

  @Override
  public boolean hasLabelField(TypeInfo referencingType, Namespace namespace, String name) {
    return Namespace.isEmptyOrNull(namespace) && labels.contains(name);
  }

  @Override
  public String getQuickAction(TypeInfo referencingType, String entity, String name) {
    return null;
  }

  @Override
  public boolean isDynamicTypeNamespace(String namespace) {
    return false;
  }

  @Override
  public boolean isDynamicTypeNamespace(String namespace, String module) {
    return false;
  }

  // -----------------------------------------------------------------------------------------
  // Schema-driven types.

  private static MethodInfo method(TypeInfo owner, TypeInfo returnType, String name, boolean isStatic, TypeInfo... parameters) {
    return StandardMethodInfo.builder()
        .setGenerated(Generated.BUILT_IN)
        .setDefiningType(owner)
        .setModifiers(isStatic ? ModifierGroups.GLOBAL_STATIC : ModifierGroups.ONLY_GLOBAL)
        .setReturnType(returnType)
        .setName(name)
        .setNamedParameterTypes(parameters)
        .build();
  }

  /**
   * Schema.SObjectType: the token type ({@code Account.SObjectType}, {@code getSObjectType()})
   * and, as static members, one describe result per object ({@code Schema.SObjectType.Account}).
   */
  private TypeInfo sobjectType(SymbolResolver symbols) {
    if (sobjectType != null) return sobjectType;
    sobjectType =
        StandardTypeInfoImpl.builder()
            .setApexName("Schema.SObjectType")
            .setBytecodeName("Schema/SObjectType")
            .setNamespace(Namespaces.SCHEMA)
            .setUnitType(UnitType.CLASS)
            .setModifiers(ModifierGroups.GLOBAL_FINAL)
            .setParents(Initializers.memoize(type -> apex.jorje.semantic.symbol.type.parent.ParentTableFactory.create(TypeInfos.OBJECT)))
            .setMethods(
                Initializers.memoize(
                    type -> {
                      TypeInfo describe = type(symbols, "Schema.DescribeSObjectResult");
                      TypeInfo options = type(symbols, "Schema.SObjectDescribeOptions");
                      return MethodTableFactory.newMethodTable(
                          method(type, describe, "getDescribe", false),
                          method(type, describe, "getDescribe", false, options),
                          method(type, TypeInfos.SOBJECT, "newSObject", false),
                          method(type, TypeInfos.SOBJECT, "newSObject", false, TypeInfos.ID),
                          method(type, TypeInfos.SOBJECT, "newSObject", false, TypeInfos.ID, TypeInfos.BOOLEAN),
                          method(type, TypeInfos.STRING, "toString", false),
                          method(type, TypeInfos.BOOLEAN, "equals", false, TypeInfos.OBJECT),
                          method(type, TypeInfos.INTEGER, "hashCode", false));
                    }))
            .setFields(
                Initializers.memoize(
                    type ->
                        new LazyFieldTable(
                            (resolver, name, isStatic) -> {
                              SObjectSchema.ObjectDef definition = schema.definition(name);
                              if (definition == null) return null;
                              return DynamicFieldInfoFactory.createSObjectTypeDescribeResult(
                                  type, describeType(resolver, definition), definition.name, definition.name);
                            })))
            .buildResolved();
    return sobjectType;
  }

  /** Schema.SObjectType.Account: a DescribeSObjectResult whose `fields` knows Account's fields. */
  private TypeInfo describeType(SymbolResolver symbols, SObjectSchema.ObjectDef definition) {
    return schemaTypeOf(
        symbols,
        describeTypes,
        definition,
        "Schema.DescribeSObjectResult",
        (base, type) ->
            (resolver, name, isStatic) -> {
              if (name.equalsIgnoreCase("fields")) {
                return DynamicFieldInfoFactory.createDescribeResultFields(type, fieldsType(resolver, definition));
              }
              if (name.equalsIgnoreCase("fieldSets")) {
                return DynamicFieldInfoFactory.createDescribeResultFieldSets(type, fieldSetsType(resolver, definition));
              }
              return base.fields().get(resolver, null, name, isStatic ? FieldTable.LookupMode.STATIC_VARIABLE : FieldTable.LookupMode.INSTANCE_VARIABLE);
            });
  }

  /** Schema.SObjectType.Account.fields: one DescribeFieldResult per field, and getMap(). */
  private TypeInfo fieldsType(SymbolResolver symbols, SObjectSchema.ObjectDef definition) {
    return schemaTypeOf(
        symbols,
        fieldsTypes,
        definition,
        "Schema.SObjectTypeFields",
        (base, type) ->
            (resolver, name, isStatic) -> {
              SObjectSchema.FieldDef field = definition.get(name);
              if (field == null || field.kind == SObjectSchema.Kind.CHILDREN) return null;
              return DynamicFieldInfoFactory.createSchemaSObjectTypeFieldDescribe(
                  type, type(resolver, "Schema.DescribeFieldResult"), field.name);
            });
  }

  /** Schema.SObjectType.Account.fieldSets: one Schema.FieldSet per field set, and getMap(). */
  private TypeInfo fieldSetsType(SymbolResolver symbols, SObjectSchema.ObjectDef definition) {
    Set<String> sets = schema.fieldSets(definition);
    return schemaTypeOf(
        symbols,
        fieldSetsTypes,
        definition,
        "Schema.SObjectTypeFieldSets",
        (base, type) ->
            (resolver, name, isStatic) -> {
              if (!sets.contains(name)) return null;
              return DynamicFieldInfoFactory.createSchemaSObjectTypeFieldSetDescribe(
                  type, type(resolver, "Schema.FieldSet"), name);
            });
  }

  /** Makes the field maker of a type being built, from its stub base and the type itself. */
  private interface FieldsOf {
    LazyFieldTable.Maker maker(TypeInfo base, TypeInfo type);
  }

  /**
   * One object's copy of a Schema stub class ({@code baseName}): the stub's name, parents and
   * methods, with fields made on lookup by {@code fieldsOf}; built once per object and kept in
   * {@code cache}.
   */
  private TypeInfo schemaTypeOf(
      SymbolResolver symbols,
      Map<String, TypeInfo> cache,
      SObjectSchema.ObjectDef definition,
      String baseName,
      FieldsOf fieldsOf) {
    TypeInfo existing = cache.get(definition.name);
    if (existing != null) return existing;
    TypeInfo base = type(symbols, baseName);
    TypeInfo built =
        StandardTypeInfoImpl.builder()
            .setApexName(base.getApexName())
            .setBytecodeName(base.getBytecodeName())
            .setNamespace(Namespaces.SCHEMA)
            .setUnitType(UnitType.CLASS)
            .setModifiers(base.getModifiers())
            .setParents(base.parents())
            .setMethods(base.methods())
            .setVirtualMethods(base.virtualMethods())
            .setFields(Initializers.memoize(type -> new LazyFieldTable(fieldsOf.maker(base, type))))
            .buildResolved();
    cache.put(definition.name, built);
    return built;
  }

  /** Handoff__Share.RowCause: String constants, one per row cause the share object accepts. */
  TypeInfo rowCauseType(String shareObject, Set<String> causes) {
    TypeInfo existing = rowCauseTypes.get(shareObject);
    if (existing != null) return existing;
    TypeInfo rowCause =
        StandardTypeInfoImpl.builder()
            .setApexName("Schema.SObjectRowCause")
            .setBytecodeName("com/salesforce/api/Schema/SObjectRowCause")
            .setNamespace(Namespaces.SCHEMA)
            .setUnitType(UnitType.CLASS)
            .setModifiers(ModifierGroups.HIDDEN)
            .setParents(Initializers.memoize(type -> apex.jorje.semantic.symbol.type.parent.ParentTableFactory.create(TypeInfos.OBJECT)))
            .setMethods(MethodTableFactory.newMethodTable())
            .setFields(
                Initializers.memoize(
                    type ->
                        new LazyFieldTable(
                            (resolver, name, isStatic) -> {
                              if (!causes.contains(name)) return null;
                              return DynamicFieldInfoFactory.createNameField(type, TypeInfos.STRING, name);
                            })))
            .buildResolved();
    rowCauseTypes.put(shareObject, rowCause);
    return rowCause;
  }
}
