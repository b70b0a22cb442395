import apex.jorje.data.Location;
import apex.jorje.data.Locations;
import apex.jorje.semantic.ast.visitor.AdditionalPassScope;
import apex.jorje.semantic.ast.visitor.AstVisitor;
import apex.jorje.semantic.common.TestAccessEvaluator;
import apex.jorje.semantic.compiler.ApexCompiler;
import apex.jorje.semantic.compiler.CodeUnit;
import apex.jorje.semantic.compiler.CompilationInput;
import apex.jorje.semantic.compiler.CompilerStage;
import apex.jorje.semantic.compiler.Namespaces;
import apex.jorje.semantic.compiler.SourceFile;
import apex.jorje.semantic.compiler.sfdc.NoopCompilerProgressCallback;
import apex.jorje.semantic.symbol.resolver.SymbolResolver;
import apex.jorje.services.Version;
import apex.jorje.services.exception.CompilationException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compiles every Apex class and trigger of one or more package folders with Salesforce's Apex
 * compiler (jorje, from apex-jorje-lsp.jar) to its last validation stage, against each folder's
 * own objects, fields and labels plus the platform's standard objects and system classes.
 *
 * <p>Usage: java ApexCompileCheck --jorje-jar J --sobject-jar S [--stubs DIR] [--stub-errors]
 * [--with DEPENDENCY_DIR ...] PACKAGE_DIR...
 *
 * <p>{@code --with DIR} makes DIR a dependency of the package folder that follows it: DIR's
 * objects, fields and labels join the package's, and DIR's classes are compiled with it, so a
 * package that builds on another (force-app-ai on force-app) compiles as the org would after both
 * are deployed. Errors are reported for the package's own files only (DIR has its own run).
 *
 * <p>Output, one line each, tab-separated: {@code error <package> <file> <line> <column> <message>}
 * for every compile error in the package's classes and triggers, {@code internal <package>
 * <message>} when the compiler caught an exception of its own (a unit not fully checked), and
 * {@code done <package> <files> <millis>} per package. Exit status 0 when it ran (errors or
 * not), 2 on misuse.
 *
 * <p>With --stub-errors it also prints {@code stub-error <package> <stub> <line> <column>
 * <message>} for errors inside the library stubs themselves. Those are not the project's: the
 * jar's stubs are signatures with empty bodies ("Missing return statement"), and the org
 * implements these classes in Java. They matter only when a stub signature is wrong, which shows
 * up as an error in the project's code against that member; the flag helps find the cause.
 */
public final class ApexCompileCheck {

  private static final Pattern API_VERSION = Pattern.compile("<apiVersion>\\s*([0-9.]+)\\s*</apiVersion>");

  public static void main(String[] args) throws Exception {
    Path jorjeJar = null;
    Path sobjectJar = null;
    Path stubsDir = null;
    boolean stubErrors = false;
    List<Path> packages = new ArrayList<>();
    Map<Path, List<Path>> dependenciesOf = new java.util.HashMap<>();
    List<Path> pending = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--jorje-jar" -> jorjeJar = Path.of(args[++i]);
        case "--sobject-jar" -> sobjectJar = Path.of(args[++i]);
        case "--stubs" -> stubsDir = Path.of(args[++i]);
        case "--stub-errors" -> stubErrors = true;
        case "--with" -> pending.add(Path.of(args[++i]));
        default -> {
          Path packageDir = Path.of(args[i]);
          packages.add(packageDir);
          dependenciesOf.put(packageDir, pending);
          pending = new ArrayList<>();
        }
      }
    }
    if (jorjeJar == null || sobjectJar == null || packages.isEmpty()) {
      System.err.println("usage: ApexCompileCheck --jorje-jar J --sobject-jar S [--stubs DIR] [--stub-errors] PACKAGE_DIR...");
      System.exit(2);
    }
    // jorje logs through java.util.logging; keep its chatter off the report.
    java.util.logging.LogManager.getLogManager().reset();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Map<String, String[]> stubs = StandardLibrary.readStubs(jorjeJar, stubsDir);
    for (Path packageDir : packages) {
      long start = System.nanoTime();
      int files = compilePackage(packageDir, dependenciesOf.get(packageDir), stubs, sobjectJar, stubErrors, out);
      out.println(String.join("\t", "done", packageDir.toString(), Integer.toString(files), Long.toString((System.nanoTime() - start) / 1_000_000)));
    }
  }

  private static int compilePackage(Path packageDir, List<Path> dependencies, Map<String, String[]> stubs, Path sobjectJar, boolean stubErrors, PrintStream out) throws IOException {
    List<Path> folders = new ArrayList<>(dependencies);
    folders.add(packageDir);
    ProjectMetadata metadata = ProjectMetadata.read(folders);
    List<Path> sources = apexSources(packageDir);
    Map<SourceFile, Path> fileOf = new IdentityHashMap<>();
    Map<SourceFile, Path> dependencyFileOf = new IdentityHashMap<>();
    List<SourceFile> sourceFiles = new ArrayList<>();
    for (Path source : sources) {
      SourceFile file = sourceFile(source);
      fileOf.put(file, source);
      sourceFiles.add(file);
    }
    for (Path dependency : dependencies) {
      for (Path source : apexSources(dependency)) {
        SourceFile file = sourceFile(source);
        dependencyFileOf.put(file, source);
        sourceFiles.add(file);
      }
    }

    StandardLibrary library = new StandardLibrary(stubs, metadata.labels);
    SymbolResolver[] resolver = new SymbolResolver[1];
    SObjectSchema schema = new SObjectSchema(sobjectJar, metadata, library, () -> resolver[0]);
    library.setSchema(schema);
    AstVisitor<AdditionalPassScope> noAdditionalPass = new AstVisitor<>() {};
    List<String> internalErrors = new ArrayList<>();
    TestAccessEvaluator access =
        new TestAccessEvaluator() {
          /** Our custom metadata types and settings are ours: visible to our own classes. */
          @Override
          public boolean isSetupEntityVisibleToType(apex.jorje.semantic.symbol.type.SObjectTypeInfo type, apex.jorje.semantic.symbol.type.TypeInfo referencingType) {
            return apex.jorje.semantic.compiler.Namespace.equals(type.getNamespace(), referencingType.getNamespace());
          }

          @Override
          public void reportSwallowedException(String phase, String message, Exception exception) {
            // The compiler caught an exception of its own: the unit was not fully checked.
            internalErrors.add(phase + ": " + message + ": " + exception);
          }
        };
    CompilationInput input =
        new CompilationInput(
            sourceFiles, library, access, new SoqlValidator(schema), noAdditionalPass, NoopCompilerProgressCallback.get());
    ApexCompiler compiler = ApexCompiler.builder().setInput(input).build();
    resolver[0] = compiler.getCompilerContext().getSymbolResolver();
    compiler.compile(CompilerStage.ADDITIONAL_VALIDATE);

    for (CodeUnit unit : compiler.getCodeUnits()) {
      Path file = fileOf.get(unit.getSourceFile());
      for (CompilationException error : unit.getErrors().get()) {
        Location loc = error.getLoc();
        boolean located = loc != null && loc != Locations.NONE;
        String line = located ? Integer.toString(loc.getLine()) : "0";
        String column = located ? Integer.toString(loc.getColumn()) : "0";
        String message = error.getError().replace('\t', ' ').replace("\r", "").replace("\n", "\\n");
        if (file != null) {
          out.println(String.join("\t", "error", packageDir.toString(), file.toString(), line, column, message));
        } else if (dependencyFileOf.containsKey(unit.getSourceFile())) {
          // A dependency's own errors are reported by its own run.
        } else if (stubErrors) {
          String origin = library.originOf(unit.getSourceFile());
          out.println(String.join("\t", "stub-error", packageDir.toString(), origin == null ? unit.getName() : origin, line, column, message));
        }
      }
    }
    for (String internal : internalErrors) {
      out.println(String.join("\t", "internal", packageDir.toString(), internal.replace('\t', ' ').replace("\n", "\\n")));
    }
    return sources.size();
  }

  /** The classes and triggers of a package folder, sorted. */
  private static List<Path> apexSources(Path packageDir) throws IOException {
    List<Path> sources = new ArrayList<>();
    for (String folder : List.of("classes", "triggers")) {
      Path dir = packageDir.resolve(folder);
      if (!Files.isDirectory(dir)) continue;
      try (Stream<Path> files = Files.walk(dir)) {
        files
            .filter(file -> {
              String name = file.getFileName().toString();
              return name.endsWith(".cls") || name.endsWith(".trigger");
            })
            .sorted()
            .forEach(sources::add);
      }
    }
    return sources;
  }

  private static SourceFile sourceFile(Path source) throws IOException {
    return SourceFile.builder()
        .setBody(Files.readString(source, StandardCharsets.UTF_8))
        .setNamespace(Namespaces.EMPTY)
        .setVersion(versionOf(source))
        .build();
  }

  /** The class's own apiVersion from its -meta.xml (the version the org compiles it at). */
  private static Version versionOf(Path source) throws IOException {
    Path meta = source.resolveSibling(source.getFileName() + "-meta.xml");
    if (Files.isRegularFile(meta)) {
      Matcher matcher = API_VERSION.matcher(Files.readString(meta, StandardCharsets.UTF_8));
      if (matcher.find()) {
        double external = Double.parseDouble(matcher.group(1));
        for (Version version : Version.values()) {
          if (version.getExternal() == external) return version.isGreaterThan(Version.CURRENT) ? Version.CURRENT : version;
        }
      }
    }
    return Version.CURRENT;
  }
}
