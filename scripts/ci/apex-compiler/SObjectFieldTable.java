import apex.common.base.Result;
import apex.common.base.VoidResult;
import apex.jorje.semantic.symbol.member.variable.FieldInfo;
import apex.jorje.semantic.symbol.member.variable.FieldTable;
import apex.jorje.semantic.symbol.resolver.SymbolResolver;
import apex.jorje.semantic.symbol.type.TypeInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The members of one SObject type, as the platform gives them: on a record, each field
 * ({@code acc.Name}, {@code acc.Owner}, {@code acc.Contacts}); on the type, each field's token
 * ({@code Account.Name}), the object's token ({@code Account.SObjectType}) and, on share
 * objects, {@code RowCause}. Statics and instance members share names, as in MultipleFieldTable.
 */
final class SObjectFieldTable implements FieldTable {

  private final SObjectSchema schema;
  private final SObjectSchema.ObjectDef definition;
  private final TypeInfo owner;
  private final Map<String, Optional<FieldInfo>> instance = new HashMap<>();
  private final Map<String, Optional<FieldInfo>> statics = new HashMap<>();

  SObjectFieldTable(SObjectSchema schema, SObjectSchema.ObjectDef definition, TypeInfo owner) {
    this.schema = schema;
    this.definition = definition;
    this.owner = owner;
  }

  @Override
  public Result<Void> add(FieldInfo field) {
    return VoidResult.error("SObject fields come from the schema");
  }

  @Override
  public FieldInfo get(SymbolResolver symbols, TypeInfo referencingType, String name, LookupMode mode) {
    if (mode.areStaticsFirst()) return staticField(name);
    FieldInfo field = instanceField(name);
    return field != null ? field : staticField(name);
  }

  private FieldInfo instanceField(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    Optional<FieldInfo> found = instance.get(key);
    if (found == null) {
      SObjectSchema.FieldDef def = definition.get(name);
      found = Optional.ofNullable(def == null ? null : schema.instanceField(owner, def));
      instance.put(key, found);
    }
    return found.orElse(null);
  }

  private FieldInfo staticField(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    Optional<FieldInfo> found = statics.get(key);
    if (found == null) {
      FieldInfo field = null;
      if (key.equals("sobjecttype")) {
        field = schema.typeToken(owner);
      } else if (key.equals("rowcause") && definition.kind == SObjectSchema.EntityKind.SHARE) {
        field = schema.rowCause(owner, definition);
      } else {
        SObjectSchema.FieldDef def = definition.get(name);
        if (def != null && def.kind != SObjectSchema.Kind.CHILDREN) field = schema.fieldToken(owner, def);
      }
      found = Optional.ofNullable(field);
      statics.put(key, found);
    }
    return found.orElse(null);
  }

  @Override
  public FieldTable resolve() {
    return this;
  }

  @Override
  public boolean isResolved() {
    return true;
  }

  @Override
  public Collection<FieldInfo> all() {
    Collection<FieldInfo> all = new ArrayList<>();
    for (SObjectSchema.FieldDef def : definition.fields.values()) {
      FieldInfo field = instanceField(def.name);
      if (field != null) all.add(field);
    }
    return all;
  }
}
