import apex.common.base.Initializers;
import apex.jorje.semantic.ast.modifier.ModifierGroups;
import apex.jorje.semantic.compiler.Namespaces;
import apex.jorje.semantic.symbol.member.method.Generated;
import apex.jorje.semantic.symbol.member.method.MethodInfo;
import apex.jorje.semantic.symbol.member.method.MethodTableFactory;
import apex.jorje.semantic.symbol.member.method.StandardMethodInfo;
import apex.jorje.semantic.symbol.member.variable.FieldTable;
import apex.jorje.semantic.symbol.resolver.SymbolResolver;
import apex.jorje.semantic.symbol.type.GenericTypeInfoFactory;
import apex.jorje.semantic.symbol.type.ReifiedTypeInfos;
import apex.jorje.semantic.symbol.type.StandardTypeInfoImpl;
import apex.jorje.semantic.symbol.type.TypeInfo;
import apex.jorje.semantic.symbol.type.TypeInfos;
import apex.jorje.semantic.symbol.type.UnitType;
import apex.jorje.semantic.symbol.type.parent.ParentTableFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * System classes whose members Apex source cannot declare, built from the API 65 standard
 * library model that Code Analyzer ships (apex-dev-tools' standard-types jar, classes
 * com.nawforce.runforce.*). System.Database is the one this project needs: its DML methods are
 * named insert, update, upsert, delete, undelete and merge, all reserved words, so the jar's
 * StandardApexLibrary stub of Database has none of them.
 */
final class NawforceTypes {

  private static final String ROOT = "com.nawforce.runforce.";
  private static final boolean DEBUG = System.getenv("APEX_COMPILE_DEBUG") != null;

  private final StandardLibrary library;
  private final SObjectSchema schema;

  NawforceTypes(StandardLibrary library, SObjectSchema schema) {
    this.library = library;
    this.schema = schema;
  }

  /** A class of the model as a jorje type: every public method, static or not. */
  TypeInfo buildClass(SymbolResolver symbols, String namespace, String name) {
    Class<?> model;
    try {
      model = Class.forName(ROOT + namespace + "." + name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no standard library model for " + namespace + "." + name, e);
    }
    return StandardTypeInfoImpl.builder()
        .setApexName(namespace + "." + name)
        .setBytecodeName(namespace + "/" + name)
        .setNamespace(Namespaces.create(namespace))
        .setUnitType(UnitType.CLASS)
        .setModifiers(ModifierGroups.GLOBAL_FINAL)
        .setParents(Initializers.memoize(type -> ParentTableFactory.create(TypeInfos.OBJECT)))
        .setFields(FieldTable.EMPTY)
        .setMethods(
            Initializers.memoize(
                type -> {
                  List<MethodInfo> methods = new ArrayList<>();
                  for (Method method : model.getDeclaredMethods()) {
                    MethodInfo info = method(symbols, type, method);
                    if (info != null) methods.add(info);
                  }
                  if (DEBUG) System.err.println("model: " + namespace + "." + name + " has " + methods.size() + " methods");
                  return MethodTableFactory.newMethodTable(methods.toArray(new MethodInfo[0]));
                }))
        .buildResolved();
  }

  private MethodInfo method(SymbolResolver symbols, TypeInfo owner, Method method) {
    int modifiers = method.getModifiers();
    if (!Modifier.isPublic(modifiers) || method.isSynthetic() || method.isBridge() || method.getName().contains("$")) return null;
    TypeInfo returnType = type(symbols, method.getGenericReturnType());
    if (returnType == null) {
      if (DEBUG) System.err.println("model: no Apex type for the return of " + method);
      return null;
    }
    Type[] parameters = method.getGenericParameterTypes();
    TypeInfo[] parameterTypes = new TypeInfo[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      parameterTypes[i] = type(symbols, parameters[i]);
      if (parameterTypes[i] == null) {
        if (DEBUG) System.err.println("model: no Apex type for a parameter of " + method);
        return null;
      }
    }
    return StandardMethodInfo.builder()
        .setGenerated(Generated.BUILT_IN)
        .setDefiningType(owner)
        .setModifiers(Modifier.isStatic(modifiers) ? ModifierGroups.GLOBAL_STATIC : ModifierGroups.ONLY_GLOBAL)
        .setReturnType(returnType)
        .setName(method.getName())
        .setNamedParameterTypes(parameterTypes)
        .build();
  }

  /** A model type as an Apex type, or null when the model names something Apex cannot see. */
  private TypeInfo type(SymbolResolver symbols, Type type) {
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      Type[] arguments = parameterized.getActualTypeArguments();
      List<TypeInfo> argumentTypes = new ArrayList<>();
      for (Type argument : arguments) {
        TypeInfo argumentType = type(symbols, argument);
        if (argumentType == null) return null;
        argumentTypes.add(argumentType);
      }
      switch (raw.getName()) {
        case ROOT + "System.List":
          return GenericTypeInfoFactory.createList(symbols, argumentTypes.get(0));
        case ROOT + "System.Set":
          return GenericTypeInfoFactory.createSet(symbols, argumentTypes.get(0));
        case ROOT + "System.Map":
          return GenericTypeInfoFactory.createMap(symbols, argumentTypes.get(0), argumentTypes.get(1));
        default:
          {
            TypeInfo base = type(symbols, raw);
            return base == null ? null : GenericTypeInfoFactory.create(symbols, base, argumentTypes);
          }
      }
    }
    if (!(type instanceof Class<?> model)) return null;
    if (model == void.class || model == Void.class) return TypeInfos.VOID;
    switch (model.getName()) {
      case ROOT + "Internal.RecordSet$":
        // A SOQL result: assignable to a list of the queried object, as in the org.
        return ReifiedTypeInfos.SOBJECT_QUERY_RESULT_LIST;
      case ROOT + "System.List":
        return GenericTypeInfoFactory.createList(symbols, TypeInfos.OBJECT);
      case ROOT + "System.Set":
        return GenericTypeInfoFactory.createSet(symbols, TypeInfos.OBJECT);
      case ROOT + "System.Map":
        // Untyped in the model only where the reference says Map<String, Object> (bind maps).
        return GenericTypeInfoFactory.createMap(symbols, TypeInfos.STRING, TypeInfos.OBJECT);
      default:
        break;
    }
    if (model == Object.class) return TypeInfos.OBJECT;
    String name = model.getName();
    if (!name.startsWith(ROOT)) return null;
    String[] parts = name.substring(ROOT.length()).split("\\.");
    if (parts.length != 2) return null;
    String namespace = parts[0];
    String simple = parts[1];
    if (namespace.equals("SObjects")) return schema.get(simple);
    if (namespace.equals("System")) {
      TypeInfo scalar = SObjectSchema.scalarByName(simple);
      if (scalar != null) return scalar;
      switch (simple) {
        case "Object":
          return TypeInfos.OBJECT;
        case "SObject":
          return TypeInfos.SOBJECT;
        case "Exception":
          return TypeInfos.EXCEPTION;
        default:
          break;
      }
    }
    String inner = null;
    int dollar = simple.indexOf('$');
    if (dollar >= 0) {
      inner = simple.substring(dollar + 1);
      simple = simple.substring(0, dollar);
    }
    TypeInfo found = library.find(symbols, null, (namespace + "/" + simple + (inner == null ? "" : "$" + inner)).toLowerCase(java.util.Locale.ROOT));
    return found;
  }
}
