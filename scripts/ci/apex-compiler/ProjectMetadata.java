import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The parts of a source-format package folder (force-app/main/default) that Apex compiles
 * against: objects with their fields, sharing model and sharing reasons, and custom labels.
 * Read from the metadata XML, the same files a deploy sends.
 */
final class ProjectMetadata {

  /** One custom field as declared in objects/<Object>/fields/<Field>.field-meta.xml. */
  static final class CustomField {
    final String name;
    /** Metadata API field type: Text, Number, Lookup, MasterDetail, Checkbox, ... */
    final String type;
    final boolean formula;
    final List<String> referenceTo;
    final String relationshipName;
    final String summaryOperation;
    final String summarizedField;

    CustomField(
        String name,
        String type,
        boolean formula,
        List<String> referenceTo,
        String relationshipName,
        String summaryOperation,
        String summarizedField) {
      this.name = name;
      this.type = type;
      this.formula = formula;
      this.referenceTo = referenceTo;
      this.relationshipName = relationshipName;
      this.summaryOperation = summaryOperation;
      this.summarizedField = summarizedField;
    }
  }

  /** One object folder: a custom object, or a standard object that only adds custom fields. */
  static final class ObjectFolder {
    final String name;
    /** False when the folder has fields only (custom fields on a standard object). */
    final boolean hasDefinition;
    final String sharingModel;
    final String nameFieldType;
    final String customSettingsType;
    final boolean enableHistory;
    final boolean enableActivities;
    final boolean enableFeeds;
    final Map<String, CustomField> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Set<String> sharingReasons = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    final Set<String> recordTypes = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    final Set<String> fieldSets = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    ObjectFolder(
        String name,
        boolean hasDefinition,
        String sharingModel,
        String nameFieldType,
        String customSettingsType,
        boolean enableHistory,
        boolean enableActivities,
        boolean enableFeeds) {
      this.name = name;
      this.hasDefinition = hasDefinition;
      this.sharingModel = sharingModel;
      this.nameFieldType = nameFieldType;
      this.customSettingsType = customSettingsType;
      this.enableHistory = enableHistory;
      this.enableActivities = enableActivities;
      this.enableFeeds = enableFeeds;
    }
  }

  final Map<String, ObjectFolder> objects = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  final Set<String> labels = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

  static ProjectMetadata read(Path packageDir) throws IOException {
    return read(List.of(packageDir));
  }

  /**
   * The metadata of several package folders together (a package and the packages it builds on):
   * an object's fields from every folder that has the object, its definition from the folder
   * that defines it.
   */
  static ProjectMetadata read(List<Path> packageDirs) throws IOException {
    ProjectMetadata metadata = new ProjectMetadata();
    for (Path packageDir : packageDirs) metadata.readFolder(packageDir);
    return metadata;
  }

  private void readFolder(Path packageDir) throws IOException {
    ProjectMetadata metadata = this;
    Path objectsDir = packageDir.resolve("objects");
    if (Files.isDirectory(objectsDir)) {
      for (Path objectDir : list(objectsDir)) {
        if (Files.isDirectory(objectDir)) metadata.readObject(objectDir);
      }
    }
    Path labelsDir = packageDir.resolve("labels");
    if (Files.isDirectory(labelsDir)) {
      for (Path file : list(labelsDir)) {
        if (!file.getFileName().toString().endsWith(".labels-meta.xml")) continue;
        Element root = parse(file);
        for (Element label : children(root, "labels")) {
          String fullName = text(label, "fullName");
          if (fullName != null) metadata.labels.add(fullName);
        }
      }
    }
  }

  private void readObject(Path objectDir) throws IOException {
    String name = objectDir.getFileName().toString();
    Path definition = objectDir.resolve(name + ".object-meta.xml");
    ObjectFolder folder;
    if (Files.isRegularFile(definition)) {
      Element root = parse(definition);
      Element nameField = child(root, "nameField");
      folder =
          new ObjectFolder(
              name,
              true,
              text(root, "sharingModel"),
              nameField == null ? null : text(nameField, "type"),
              text(root, "customSettingsType"),
              "true".equals(text(root, "enableHistory")),
              "true".equals(text(root, "enableActivities")),
              "true".equals(text(root, "enableFeeds")));
    } else {
      folder = new ObjectFolder(name, false, null, null, null, false, false, false);
    }
    Path fieldsDir = objectDir.resolve("fields");
    if (Files.isDirectory(fieldsDir)) {
      for (Path file : list(fieldsDir)) {
        String fileName = file.getFileName().toString();
        if (!fileName.endsWith(".field-meta.xml")) continue;
        Element root = parse(file);
        String fullName = text(root, "fullName");
        if (fullName == null) fullName = fileName.substring(0, fileName.length() - ".field-meta.xml".length());
        List<String> referenceTo = new ArrayList<>();
        for (Element reference : children(root, "referenceTo")) referenceTo.add(reference.getTextContent().trim());
        folder.fields.put(
            fullName,
            new CustomField(
                fullName,
                text(root, "type"),
                child(root, "formula") != null,
                referenceTo,
                text(root, "relationshipName"),
                text(root, "summaryOperation"),
                text(root, "summarizedField")));
      }
    }
    collectNames(objectDir.resolve("sharingReasons"), ".sharingReason-meta.xml", folder.sharingReasons);
    collectNames(objectDir.resolve("recordTypes"), ".recordType-meta.xml", folder.recordTypes);
    collectNames(objectDir.resolve("fieldSets"), ".fieldSet-meta.xml", folder.fieldSets);
    ObjectFolder earlier = objects.get(name);
    if (earlier != null) {
      // The same object in two package folders: one folder's definition, both folders' parts.
      ObjectFolder kept = folder.hasDefinition ? folder : earlier;
      ObjectFolder other = kept == folder ? earlier : folder;
      kept.fields.putAll(other.fields);
      kept.sharingReasons.addAll(other.sharingReasons);
      kept.recordTypes.addAll(other.recordTypes);
      kept.fieldSets.addAll(other.fieldSets);
      folder = kept;
    }
    objects.put(name, folder);
  }

  private static void collectNames(Path dir, String suffix, Set<String> into) throws IOException {
    if (!Files.isDirectory(dir)) return;
    for (Path file : list(dir)) {
      String fileName = file.getFileName().toString();
      if (fileName.endsWith(suffix)) into.add(fileName.substring(0, fileName.length() - suffix.length()));
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted().toList();
    }
  }

  private static Element parse(Path file) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(false);
      factory.setExpandEntityReferences(false);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(file.toFile());
      return document.getDocumentElement();
    } catch (Exception e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static Element child(Element parent, String tag) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(tag)) return element;
    }
    return null;
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element element && element.getTagName().equals(tag)) found.add(element);
    }
    return found;
  }

  private static String text(Element parent, String tag) {
    Element element = child(parent, tag);
    return element == null ? null : element.getTextContent().trim();
  }
}
