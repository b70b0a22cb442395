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
 * A field table whose members are made on first lookup, like the platform's dynamic tables
 * (describe results, labels, row causes): the set of names is the schema's, not a list.
 */
final class LazyFieldTable implements FieldTable {

  /** Makes the field called {@code name}, or returns null when there is none. */
  interface Maker {
    FieldInfo make(SymbolResolver symbols, String name, boolean isStatic);
  }

  private final Maker maker;
  private final Map<String, Optional<FieldInfo>> made = new HashMap<>();

  LazyFieldTable(Maker maker) {
    this.maker = maker;
  }

  @Override
  public Result<Void> add(FieldInfo field) {
    made.put(field.getName().toLowerCase(Locale.ROOT), Optional.of(field));
    return VoidResult.of();
  }

  @Override
  public FieldInfo get(SymbolResolver symbols, TypeInfo referencingType, String name, LookupMode mode) {
    String key = name.toLowerCase(Locale.ROOT);
    Optional<FieldInfo> field = made.get(key);
    if (field == null) {
      field = Optional.ofNullable(maker.make(symbols, name, mode.areStaticsFirst()));
      made.put(key, field);
    }
    return field.orElse(null);
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
    for (Optional<FieldInfo> field : made.values()) field.ifPresent(all::add);
    return all;
  }
}
