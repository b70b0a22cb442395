import apex.jorje.semantic.symbol.type.common.BiPredicates;
import apex.common.base.Initializers;
import apex.jorje.semantic.ast.modifier.ModifierGroups;
import apex.jorje.semantic.bcl.DmlOperation;
import apex.jorje.semantic.symbol.member.variable.DynamicFieldInfoFactory;
import apex.jorje.semantic.symbol.member.variable.FieldInfo;
import apex.jorje.semantic.symbol.member.variable.SObjectFieldInfo;
import apex.jorje.semantic.symbol.resolver.SymbolResolver;
import apex.jorje.semantic.symbol.type.GenericTypeInfoFactory;
import apex.jorje.semantic.symbol.type.SObjectMetadata;
import apex.jorje.semantic.symbol.type.SObjectTypeInfo;
import apex.jorje.semantic.symbol.type.TypeInfo;
import apex.jorje.semantic.symbol.type.TypeInfos;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.jar.JarFile;

/**
 * The SObject types Apex compiles against: the standard objects of the platform's schema
 * (Salesforce's API 65 object model as shipped in apex-dev-tools' sobject-types jar), the
 * project's custom objects, custom metadata types, platform events and custom settings, their
 * share and history objects, and every custom field the project adds, standard objects
 * included. Built as jorje {@link SObjectTypeInfo}s the way the platform's own symbol provider
 * builds them: instance fields, static field tokens ({@code Account.Name}), the static {@code
 * SObjectType} token, {@code RowCause} on share objects, and child relationships.
 */
final class SObjectSchema {

  private static final String NAWFORCE_SOBJECTS = "com.nawforce.runforce.SObjects.";

  /** How a field reads in Apex. */
  enum Kind {
    SCALAR,
    REFERENCE,
    CHILDREN,
    COMPOUND
  }

  /** One field of an object, whatever its source. */
  static final class FieldDef {
    final String name;
    final Kind kind;
    /** SCALAR: the Apex type. */
    final TypeInfo scalar;
    /** REFERENCE: the referenced object ("Name" when polymorphic); CHILDREN: the child object. */
    final String target;
    /** COMPOUND: the Apex class of the value, e.g. System.Address. */
    final String compoundClass;

    private FieldDef(String name, Kind kind, TypeInfo scalar, String target, String compoundClass) {
      this.name = name;
      this.kind = kind;
      this.scalar = scalar;
      this.target = target;
      this.compoundClass = compoundClass;
    }

    static FieldDef scalar(String name, TypeInfo type) {
      return new FieldDef(name, Kind.SCALAR, type, null, null);
    }

    static FieldDef reference(String name, String target) {
      return new FieldDef(name, Kind.REFERENCE, null, target, null);
    }

    static FieldDef children(String name, String child) {
      return new FieldDef(name, Kind.CHILDREN, null, child, null);
    }

    static FieldDef compound(String name, String apexClass) {
      return new FieldDef(name, Kind.COMPOUND, null, null, apexClass);
    }
  }

  /** What kind of entity an object is; decides its standard fields and special methods. */
  enum EntityKind {
    STANDARD,
    CUSTOM_OBJECT,
    CUSTOM_METADATA,
    PLATFORM_EVENT,
    LIST_SETTING,
    HIERARCHY_SETTING,
    SHARE,
    HISTORY
  }

  /** One object: its fields (case-insensitive) and what it is. */
  static final class ObjectDef {
    final String name;
    final EntityKind kind;
    final Map<String, FieldDef> fields = new LinkedHashMap<>();
    /** Share objects: the row causes Apex may name (standard ones plus Apex sharing reasons). */
    final Set<String> rowCauses = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    final Set<String> fieldSets = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    ObjectDef(String name, EntityKind kind) {
      this.name = name;
      this.kind = kind;
    }

    void put(FieldDef field) {
      fields.put(field.name.toLowerCase(Locale.ROOT), field);
    }

    FieldDef get(String fieldName) {
      return fields.get(fieldName.toLowerCase(Locale.ROOT));
    }
  }

  private final Map<String, String> standardClassNames = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, ObjectDef> projectObjects = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, List<FieldDef>> extraFields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, ObjectDef> definitions = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, SObjectTypeInfo> types = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Supplier<SymbolResolver> symbols;
  private final StandardLibrary library;

  SObjectSchema(Path sobjectJar, ProjectMetadata project, StandardLibrary library, Supplier<SymbolResolver> symbols)
      throws IOException {
    this.library = library;
    this.symbols = symbols;
    try (JarFile jar = new JarFile(sobjectJar.toFile())) {
      jar.stream()
          .map(entry -> entry.getName())
          .filter(name -> name.startsWith("com/nawforce/runforce/SObjects/") && name.endsWith(".class") && !name.contains("$"))
          .forEach(
              name -> {
                String simple = name.substring("com/nawforce/runforce/SObjects/".length(), name.length() - ".class".length());
                standardClassNames.put(simple, simple);
              });
    }
    defineProjectObjects(project);
  }

  /** The SObject type named {@code name} (any case), or null when the org would have none. */
  SObjectTypeInfo get(String name) {
    SObjectTypeInfo type = types.get(name);
    if (type != null) return type;
    ObjectDef definition = definition(name);
    if (definition == null) return null;
    type = build(definition);
    types.put(definition.name, type);
    return type;
  }

  /** The definition of an object, standard or custom, with the project's custom fields merged. */
  ObjectDef definition(String name) {
    ObjectDef found = definitions.get(name);
    if (found != null) return found;
    ObjectDef definition = projectObjects.get(name);
    if (definition == null) {
      String className = standardClassNames.get(name);
      if (className == null) return null;
      definition = readStandard(className);
    }
    for (FieldDef extra : extraFields.getOrDefault(definition.name, List.of())) {
      if (definition.get(extra.name) == null) definition.put(extra);
    }
    definitions.put(definition.name, definition);
    return definition;
  }

  // ---------------------------------------------------------------------------------------
  // Standard objects, read from the nawforce classes by reflection.

  private ObjectDef readStandard(String className) {
    Class<?> type;
    try {
      type = Class.forName(NAWFORCE_SOBJECTS + className);
    } catch (ClassNotFoundException e) {
      return null;
    }
    EntityKind kind = className.endsWith("Share") ? EntityKind.SHARE : EntityKind.STANDARD;
    ObjectDef definition = new ObjectDef(className, kind);
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (Field field : type.getDeclaredFields()) names.add(field.getName());
    for (Field field : type.getDeclaredFields()) {
      if (!Modifier.isPublic(field.getModifiers()) || Modifier.isStatic(field.getModifiers())) continue;
      FieldDef def = standardField(field, names);
      if (def != null) definition.put(def);
    }
    if (kind == EntityKind.SHARE) definition.rowCauses.addAll(STANDARD_ROW_CAUSES);
    return definition;
  }

  private static FieldDef standardField(Field field, Set<String> siblings) {
    String name = field.getName();
    Class<?> type = field.getType();
    if (type.isArray()) {
      Class<?> element = type.getComponentType();
      if (element.getName().startsWith(NAWFORCE_SOBJECTS)) return FieldDef.children(name, element.getSimpleName());
      if (element.getName().equals("com.nawforce.runforce.System.SObject")) return FieldDef.children(name, null);
      // Multi-value primitive fields (e.g. String[]) are not selectable in Apex field syntax.
      return FieldDef.scalar(name, TypeInfos.OBJECT);
    }
    if (type.getName().startsWith(NAWFORCE_SOBJECTS)) {
      String simple = type.getSimpleName();
      boolean compound = !siblings.contains(name + "Id");
      if (compound && simple.equals("Address")) return FieldDef.compound(name, "System.Address");
      if (compound && simple.equals("Location")) return FieldDef.compound(name, "System.Location");
      return FieldDef.reference(name, simple);
    }
    if (type.getName().equals("com.nawforce.runforce.System.SObject")) return FieldDef.reference(name, "Name");
    if (type.getName().equals("java.lang.Object")) return FieldDef.scalar(name, TypeInfos.OBJECT);
    TypeInfo scalar = scalarByName(type.getSimpleName());
    return scalar == null ? FieldDef.scalar(name, TypeInfos.OBJECT) : FieldDef.scalar(name, scalar);
  }

  /** The Apex primitive named {@code name} (String, Id, Boolean, numbers, dates, Blob), or null. */
  static TypeInfo scalarByName(String name) {
    switch (name) {
      case "String":
        return TypeInfos.STRING;
      case "Id":
        return TypeInfos.ID;
      case "Boolean":
        return TypeInfos.BOOLEAN;
      case "Decimal":
        return TypeInfos.DECIMAL;
      case "Double":
        return TypeInfos.DOUBLE;
      case "Integer":
        return TypeInfos.INTEGER;
      case "Long":
        return TypeInfos.LONG;
      case "Date":
        return TypeInfos.DATE;
      case "Datetime":
        return TypeInfos.DATE_TIME;
      case "Time":
        return TypeInfos.TIME;
      case "Blob":
        return TypeInfos.BLOB;
      default:
        return null;
    }
  }

  // ---------------------------------------------------------------------------------------
  // The project's objects and fields.

  /** Row causes every share object accepts (Apex Developer Guide, "Sharing a Record Using Apex"). */
  static final List<String> STANDARD_ROW_CAUSES =
      List.of("Manual", "Owner", "Rule", "ImplicitChild", "ImplicitParent", "Team", "Territory", "TerritoryManual", "TerritoryRule");

  private void defineProjectObjects(ProjectMetadata project) {
    for (ProjectMetadata.ObjectFolder folder : project.objects.values()) {
      if (!folder.hasDefinition) continue;
      String name = folder.name;
      String lower = name.toLowerCase(Locale.ROOT);
      EntityKind kind;
      if (lower.endsWith("__mdt")) kind = EntityKind.CUSTOM_METADATA;
      else if (lower.endsWith("__e")) kind = EntityKind.PLATFORM_EVENT;
      else if ("List".equalsIgnoreCase(folder.customSettingsType)) kind = EntityKind.LIST_SETTING;
      else if ("Hierarchy".equalsIgnoreCase(folder.customSettingsType)) kind = EntityKind.HIERARCHY_SETTING;
      else if (lower.endsWith("__c")) kind = EntityKind.CUSTOM_OBJECT;
      else continue; // A standard object's definition file adds nothing Apex can see.
      ObjectDef definition = new ObjectDef(name, kind);
      definition.fieldSets.addAll(folder.fieldSets);
      addStandardFields(definition, folder);
      projectObjects.put(name, definition);
    }
    // Custom fields, on custom and standard objects alike, and the child relationships they add.
    for (ProjectMetadata.ObjectFolder folder : project.objects.values()) {
      for (ProjectMetadata.CustomField field : folder.fields.values()) {
        for (FieldDef def : customField(field, project)) addField(folder.name, def);
        if (isRelationship(field) && field.relationshipName != null) {
          for (String parent : field.referenceTo) {
            addField(parent, FieldDef.children(field.relationshipName + "__r", folder.name));
          }
        }
      }
      if (!folder.fieldSets.isEmpty() && !projectObjects.containsKey(folder.name)) {
        // Field sets on standard objects are attached when the definition is built.
        fieldSetsOnStandard.computeIfAbsent(folder.name, key -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)).addAll(folder.fieldSets);
      }
    }
    // Share and history objects of custom objects.
    for (ProjectMetadata.ObjectFolder folder : project.objects.values()) {
      ObjectDef parent = projectObjects.get(folder.name);
      if (parent == null || parent.kind != EntityKind.CUSTOM_OBJECT) continue;
      String base = folder.name.substring(0, folder.name.length() - "__c".length());
      String sharing = folder.sharingModel == null ? "" : folder.sharingModel;
      if (sharing.equals("Private") || sharing.equals("Read")) {
        ObjectDef share = new ObjectDef(base + "__Share", EntityKind.SHARE);
        share.put(FieldDef.scalar("Id", TypeInfos.ID));
        share.put(FieldDef.scalar("ParentId", TypeInfos.ID));
        share.put(FieldDef.reference("Parent", folder.name));
        share.put(FieldDef.scalar("UserOrGroupId", TypeInfos.ID));
        share.put(FieldDef.reference("UserOrGroup", "Name"));
        share.put(FieldDef.scalar("AccessLevel", TypeInfos.STRING));
        share.put(FieldDef.scalar("RowCause", TypeInfos.STRING));
        share.put(FieldDef.scalar("IsDeleted", TypeInfos.BOOLEAN));
        share.put(FieldDef.scalar("LastModifiedDate", TypeInfos.DATE_TIME));
        share.put(FieldDef.scalar("LastModifiedById", TypeInfos.ID));
        share.put(FieldDef.reference("LastModifiedBy", "User"));
        share.rowCauses.addAll(STANDARD_ROW_CAUSES);
        for (String reason : folder.sharingReasons) share.rowCauses.add(reason.endsWith("__c") ? reason : reason + "__c");
        projectObjects.put(share.name, share);
        addField(folder.name, FieldDef.children("Shares", share.name));
      }
      if (folder.enableHistory) {
        ObjectDef history = new ObjectDef(base + "__History", EntityKind.HISTORY);
        history.put(FieldDef.scalar("Id", TypeInfos.ID));
        history.put(FieldDef.scalar("ParentId", TypeInfos.ID));
        history.put(FieldDef.reference("Parent", folder.name));
        history.put(FieldDef.scalar("Field", TypeInfos.STRING));
        history.put(FieldDef.scalar("OldValue", TypeInfos.OBJECT));
        history.put(FieldDef.scalar("NewValue", TypeInfos.OBJECT));
        history.put(FieldDef.scalar("DataType", TypeInfos.STRING));
        history.put(FieldDef.scalar("IsDeleted", TypeInfos.BOOLEAN));
        history.put(FieldDef.scalar("CreatedDate", TypeInfos.DATE_TIME));
        history.put(FieldDef.scalar("CreatedById", TypeInfos.ID));
        history.put(FieldDef.reference("CreatedBy", "User"));
        projectObjects.put(history.name, history);
        addField(folder.name, FieldDef.children("Histories", history.name));
      }
    }
  }

  private final Map<String, Set<String>> fieldSetsOnStandard = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  Set<String> fieldSets(ObjectDef definition) {
    Set<String> sets = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    sets.addAll(definition.fieldSets);
    sets.addAll(fieldSetsOnStandard.getOrDefault(definition.name, Set.of()));
    return sets;
  }

  private void addField(String objectName, FieldDef field) {
    ObjectDef project = projectObjects.get(objectName);
    if (project != null) {
      if (project.get(field.name) == null) project.put(field);
      return;
    }
    extraFields.computeIfAbsent(objectName, key -> new ArrayList<>()).add(field);
  }

  private static boolean isRelationship(ProjectMetadata.CustomField field) {
    return "Lookup".equals(field.type) || "MasterDetail".equals(field.type) || "Hierarchy".equals(field.type);
  }

  private static boolean isMasterDetailChild(ProjectMetadata.ObjectFolder folder) {
    for (ProjectMetadata.CustomField field : folder.fields.values()) {
      if ("MasterDetail".equals(field.type)) return true;
    }
    return false;
  }

  /** The Apex fields one custom field adds: the value, and for a relationship its __r. */
  private static List<FieldDef> customField(ProjectMetadata.CustomField field, ProjectMetadata project) {
    String name = field.name;
    String type = field.type == null ? "" : field.type;
    switch (type) {
      case "Lookup":
      case "MasterDetail":
      case "Hierarchy":
        {
          String base = name.substring(0, name.length() - "__c".length());
          String target = field.referenceTo.size() == 1 ? field.referenceTo.get(0) : "Name";
          return List.of(FieldDef.scalar(name, TypeInfos.ID), FieldDef.reference(base + "__r", target));
        }
      case "MetadataRelationship":
        {
          String base = name.substring(0, name.length() - "__c".length());
          List<FieldDef> defs = new ArrayList<>();
          defs.add(FieldDef.scalar(name, TypeInfos.STRING));
          if (field.referenceTo.size() == 1) defs.add(FieldDef.reference(base + "__r", field.referenceTo.get(0)));
          return defs;
        }
      case "Location":
        {
          String base = name.substring(0, name.length() - "__c".length());
          return List.of(
              FieldDef.compound(name, "System.Location"),
              FieldDef.scalar(base + "__Latitude__s", TypeInfos.DECIMAL),
              FieldDef.scalar(base + "__Longitude__s", TypeInfos.DECIMAL));
        }
      case "Summary":
        return List.of(FieldDef.scalar(name, summaryType(field, project)));
      default:
        return List.of(FieldDef.scalar(name, scalarForFieldType(type)));
    }
  }

  private static TypeInfo summaryType(ProjectMetadata.CustomField field, ProjectMetadata project) {
    String operation = field.summaryOperation == null ? "" : field.summaryOperation.toLowerCase(Locale.ROOT);
    if ((operation.equals("min") || operation.equals("max")) && field.summarizedField != null) {
      String[] parts = field.summarizedField.split("\\.", 2);
      if (parts.length == 2) {
        ProjectMetadata.ObjectFolder child = project.objects.get(parts[0]);
        ProjectMetadata.CustomField summarized = child == null ? null : child.fields.get(parts[1]);
        if (summarized != null) return scalarForFieldType(summarized.type);
      }
    }
    return TypeInfos.DECIMAL;
  }

  /** Metadata API field type to Apex type (Apex Developer Guide, "Primitive Data Types"). */
  static TypeInfo scalarForFieldType(String type) {
    switch (type) {
      case "Checkbox":
        return TypeInfos.BOOLEAN;
      case "Number":
      case "Currency":
      case "Percent":
        return TypeInfos.DECIMAL;
      case "Date":
        return TypeInfos.DATE;
      case "DateTime":
        return TypeInfos.DATE_TIME;
      case "Time":
        return TypeInfos.TIME;
      case "Text":
      case "TextArea":
      case "LongTextArea":
      case "Html":
      case "Email":
      case "Phone":
      case "Url":
      case "Picklist":
      case "MultiselectPicklist":
      case "EncryptedText":
      case "AutoNumber":
      case "ExternalLookup":
      case "IndirectLookup":
        return TypeInfos.STRING;
      default:
        return TypeInfos.OBJECT;
    }
  }

  /** The standard fields every object of a kind has (Object Reference, "System Fields"). */
  private void addStandardFields(ObjectDef definition, ProjectMetadata.ObjectFolder folder) {
    switch (definition.kind) {
      case CUSTOM_METADATA:
        definition.put(FieldDef.scalar("Id", TypeInfos.ID));
        for (String name : List.of("DeveloperName", "MasterLabel", "Label", "Language", "NamespacePrefix", "QualifiedApiName")) {
          definition.put(FieldDef.scalar(name, TypeInfos.STRING));
        }
        definition.put(FieldDef.scalar("SystemModstamp", TypeInfos.DATE_TIME));
        return;
      case PLATFORM_EVENT:
        definition.put(FieldDef.scalar("ReplayId", TypeInfos.STRING));
        definition.put(FieldDef.scalar("EventUuid", TypeInfos.STRING));
        definition.put(FieldDef.scalar("CreatedDate", TypeInfos.DATE_TIME));
        definition.put(FieldDef.scalar("CreatedById", TypeInfos.ID));
        definition.put(FieldDef.reference("CreatedBy", "User"));
        return;
      default:
        break;
    }
    definition.put(FieldDef.scalar("Id", TypeInfos.ID));
    definition.put(FieldDef.scalar("Name", TypeInfos.STRING));
    definition.put(FieldDef.scalar("IsDeleted", TypeInfos.BOOLEAN));
    definition.put(FieldDef.scalar("CreatedDate", TypeInfos.DATE_TIME));
    definition.put(FieldDef.scalar("CreatedById", TypeInfos.ID));
    definition.put(FieldDef.reference("CreatedBy", "User"));
    definition.put(FieldDef.scalar("LastModifiedDate", TypeInfos.DATE_TIME));
    definition.put(FieldDef.scalar("LastModifiedById", TypeInfos.ID));
    definition.put(FieldDef.reference("LastModifiedBy", "User"));
    definition.put(FieldDef.scalar("SystemModstamp", TypeInfos.DATE_TIME));
    if (definition.kind == EntityKind.HIERARCHY_SETTING) {
      definition.put(FieldDef.scalar("SetupOwnerId", TypeInfos.ID));
      definition.put(FieldDef.reference("SetupOwner", "Name"));
      return;
    }
    if (definition.kind == EntityKind.LIST_SETTING) return;
    // A detail object of a master-detail relationship has no owner (Object Reference).
    if (!isMasterDetailChild(folder)) {
      definition.put(FieldDef.scalar("OwnerId", TypeInfos.ID));
      definition.put(FieldDef.reference("Owner", "Name"));
    }
    definition.put(FieldDef.scalar("LastViewedDate", TypeInfos.DATE_TIME));
    definition.put(FieldDef.scalar("LastReferencedDate", TypeInfos.DATE_TIME));
    if (!folder.recordTypes.isEmpty()) {
      definition.put(FieldDef.scalar("RecordTypeId", TypeInfos.ID));
      definition.put(FieldDef.reference("RecordType", "RecordType"));
    }
    if (folder.enableActivities) {
      definition.put(FieldDef.scalar("LastActivityDate", TypeInfos.DATE));
      definition.put(FieldDef.children("Tasks", "Task"));
      definition.put(FieldDef.children("Events", "Event"));
      definition.put(FieldDef.children("OpenActivities", "OpenActivity"));
      definition.put(FieldDef.children("ActivityHistories", "ActivityHistory"));
    }
    definition.put(FieldDef.children("Attachments", "Attachment"));
    definition.put(FieldDef.children("Notes", "Note"));
    definition.put(FieldDef.children("NotesAndAttachments", "NoteAndAttachment"));
    definition.put(FieldDef.children("CombinedAttachments", "CombinedAttachment"));
    definition.put(FieldDef.children("ContentDocumentLinks", "ContentDocumentLink"));
    definition.put(FieldDef.children("ProcessInstances", "ProcessInstance"));
    definition.put(FieldDef.children("ProcessSteps", "ProcessInstanceHistory"));
    definition.put(FieldDef.children("RecordAssociatedGroups", "CollaborationGroupRecord"));
    definition.put(FieldDef.children("TopicAssignments", "TopicAssignment"));
    if (folder.enableFeeds) definition.put(FieldDef.children("Feeds", "Name"));
  }

  // ---------------------------------------------------------------------------------------
  // jorje types.

  private SObjectTypeInfo build(ObjectDef definition) {
    SObjectMetadata.Builder metadata =
        SObjectMetadata.builder().setTriggerable(true).setLookupFieldPredicate(BiPredicates.alwaysTrue());
    switch (definition.kind) {
      case CUSTOM_METADATA:
        metadata
            .setTriggerable(false)
            .setCustomEntitySObjectType(SObjectMetadata.CustomEntitySObjectType.CUSTOM_METADATA_TYPE)
            .setSupportedDml(Collections.<DmlOperation>emptySet());
        break;
      case PLATFORM_EVENT:
        metadata.setPlatformEvent(true);
        break;
      case LIST_SETTING:
        metadata.setTriggerable(false).setCustomEntitySObjectType(SObjectMetadata.CustomEntitySObjectType.LIST_CUSTOM_SETTING);
        break;
      case HIERARCHY_SETTING:
        metadata.setTriggerable(false).setCustomEntitySObjectType(SObjectMetadata.CustomEntitySObjectType.HIERARCHY_CUSTOM_SETTING);
        break;
      default:
        break;
    }
    return SObjectTypeInfo.builder()
        .setApexBytecodeName(definition.name)
        .setNamespace(apex.jorje.semantic.compiler.Namespaces.EMPTY)
        .setMetadata(metadata.build())
        .setFields(Initializers.memoize(type -> new SObjectFieldTable(this, definition, type)))
        .buildResolved();
  }

  /** The instance field for one field definition, or null when its target type is unknown. */
  FieldInfo instanceField(TypeInfo owner, FieldDef field) {
    SObjectFieldInfo.Builder builder = SObjectFieldInfo.builder();
    builder.setName(field.name);
    builder.setModifiers(ModifierGroups.ONLY_GLOBAL);
    builder.setDefiningType(owner);
    switch (field.kind) {
      case SCALAR:
        builder.setType(field.scalar);
        builder.setCategory(SObjectFieldInfo.Category.REGULAR);
        if (field.name.equalsIgnoreCase("Id")) builder.setPrimaryKey(true);
        break;
      case REFERENCE:
        {
          TypeInfo target = get(field.target);
          if (target == null) target = get("Name");
          if (target == null) return null;
          builder.setType(target);
          builder.setCategory(SObjectFieldInfo.Category.FOREIGN_KEY);
          break;
        }
      case CHILDREN:
        {
          TypeInfo child = field.target == null ? null : get(field.target);
          TypeInfo list = child == null ? GenericTypeInfoFactory.createQueryResultList(TypeInfos.SOBJECT) : GenericTypeInfoFactory.createQueryResultList(child);
          builder.setType(list);
          builder.setCategory(SObjectFieldInfo.Category.AGGREGATE);
          break;
        }
      case COMPOUND:
        {
          TypeInfo type = library.type(symbols.get(), field.compoundClass);
          if (type == null) return null;
          builder.setType(type);
          builder.setCategory(SObjectFieldInfo.Category.REGULAR);
          break;
        }
    }
    return builder.build();
  }

  /** {@code Account.Name}: the field's token, a Schema.SObjectField. */
  FieldInfo fieldToken(TypeInfo owner, FieldDef field) {
    TypeInfo token = library.type(symbols.get(), "Schema.SObjectField");
    if (token == null) return null;
    return DynamicFieldInfoFactory.createSObjectFieldDescribe(owner, token, ModifierGroups.GLOBAL_STATIC, field.name, owner.getApexName(), field.name, "");
  }

  /** {@code Account.SObjectType}: the object's token. */
  FieldInfo typeToken(TypeInfo owner) {
    TypeInfo token = library.type(symbols.get(), "Schema.SObjectType");
    if (token == null) return null;
    return DynamicFieldInfoFactory.createSObjectTypeDescribe(owner, token, "SObjectType", owner.getApexName());
  }

  /** {@code Handoff__Share.RowCause}: the row causes, each a String constant. */
  FieldInfo rowCause(TypeInfo owner, ObjectDef definition) {
    TypeInfo rowCauseType = library.rowCauseType(definition.name, definition.rowCauses);
    return DynamicFieldInfoFactory.createNoValidationOrCodeGenNeededField(owner, rowCauseType, "RowCause");
  }
}
