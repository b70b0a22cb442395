import apex.jorje.data.Identifier;
import apex.jorje.data.Location;
import apex.jorje.data.Locations;
import apex.jorje.data.soql.Field;
import apex.jorje.data.soql.FieldIdentifier;
import apex.jorje.data.soql.FromExpr;
import apex.jorje.data.soql.GroupByExpr;
import apex.jorje.data.soql.OrderByExpr;
import apex.jorje.data.soql.Query;
import apex.jorje.data.soql.QueryExpr;
import apex.jorje.data.soql.QueryLiteral;
import apex.jorje.data.soql.SelectClause;
import apex.jorje.data.soql.SelectExpr;
import apex.jorje.data.soql.WhereExpr;
import apex.jorje.parser.impl.ApexLexer;
import apex.jorje.parser.impl.ApexParser;
import apex.jorje.parser.impl.CaseInsensitiveReaderStream;
import apex.jorje.semantic.ast.expression.SoqlExpression;
import apex.jorje.semantic.ast.expression.SoslExpression;
import apex.jorje.semantic.ast.visitor.ValidationScope;
import apex.jorje.semantic.compiler.sfdc.QueryValidator;
import apex.jorje.semantic.symbol.resolver.SymbolResolver;
import apex.jorje.semantic.symbol.type.TypeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.antlr.runtime.CommonTokenStream;

/**
 * The part of the org's query validator that the schema decides: every object and field named
 * in an inline SOQL query must exist. Checks the FROM object, each field path in SELECT, WHERE,
 * GROUP BY, HAVING and ORDER BY (relationship by relationship: {@code Account.Owner.Email}),
 * and each subquery against its child relationship ({@code (SELECT Id FROM Things__r)}) or,
 * for a semi-join, its object. The query is parsed again with the compiler's own SOQL grammar.
 * A literal compared with a Boolean, Date, Datetime or number field in WHERE or HAVING must be
 * of that kind ({@code IsClosed = 'yes'}, {@code CloseDate = 'notadate'} are rejected).
 *
 * <p>Deliberately not checked (left to the org): TYPEOF, DISTANCE/GEOLOCATION, formula
 * functions in WHERE, FIELDS(...), literals compared with text, Id or picklist fields or with a
 * function of a field ({@code CALENDAR_YEAR(CloseDate) = 2024}), the value of a bind variable,
 * and which fields each clause accepts (filterable, sortable, groupable). A query the grammar cannot parse again is not checked
 * here; the compiler has already parsed it once.
 */
final class SoqlValidator implements QueryValidator {

  private static final boolean DEBUG = System.getenv("APEX_COMPILE_DEBUG") != null;
  private final SObjectSchema schema;

  SoqlValidator(SObjectSchema schema) {
    this.schema = schema;
  }

  @Override
  public String validateSoql(SymbolResolver symbols, ValidationScope scope, SoqlExpression soql) {
    Query query = parse(soql.getRawQuery(), soql);
    if (DEBUG) System.err.println("soql " + (query == null ? "NOT PARSED " : "checked ") + soql.getRawQuery().replaceAll("\\s+", " "));
    if (query != null) {
      List<Problem> problems = new ArrayList<>();
      checkQuery(query, null, problems);
      Location base = soql.getLoc();
      for (Problem problem : problems) {
        scope.getErrors().markInvalid(soql, locate(base, problem.loc), problem.message);
      }
    }
    return soql.getCanonicalQuery();
  }

  @Override
  public String validateSosl(SymbolResolver symbols, ValidationScope scope, SoslExpression sosl) {
    return sosl.getCanonicalQuery();
  }

  private record Problem(Location loc, String message) {}

  private static Query parse(String rawQuery, SoqlExpression soql) {
    if (rawQuery == null || rawQuery.isBlank()) return null;
    try {
      ApexLexer lexer = new ApexLexer(CaseInsensitiveReaderStream.create(rawQuery));
      ApexParser parser = new ApexParser(new CommonTokenStream(lexer));
      parser.setVersion(soql.getDefiningType().getCodeUnitDetails().getVersion());
      parser.setNewSoqlParserEnabled(true);
      Query query = parser.soqlQueryEOF();
      return parser.getNumberOfSyntaxErrors() == 0 ? query : null;
    } catch (Exception | StackOverflowError e) {
      return null;
    }
  }

  /** A location inside the query text, moved to where the query sits in the file. */
  private static Location locate(Location base, Location inQuery) {
    if (inQuery == null || inQuery == Locations.NONE || base == null || base == Locations.NONE) return base;
    int line = base.getLine() + inQuery.getLine() - 1;
    int column = inQuery.getLine() == 1 ? base.getColumn() + inQuery.getColumn() : inQuery.getColumn();
    return Locations.loc(line, column);
  }

  // ---------------------------------------------------------------------------------------

  /**
   * Checks one query. {@code parent} is the object of the enclosing query for a subquery in
   * SELECT (whose FROM names a child relationship), null for a top-level or semi-join query.
   */
  private void checkQuery(Query query, SObjectSchema.ObjectDef parent, List<Problem> problems) {
    if (query.from == null || query.from.exprs == null || query.from.exprs.size() != 1) return;
    FromExpr from = query.from.exprs.get(0);
    if (from.using != null && from.using.isPresent()) return;
    FieldIdentifier table = from.table;
    if (table == null || (table.entity != null && table.entity.isPresent())) return;
    String name = table.field.getValue();
    SObjectSchema.ObjectDef object;
    if (parent == null) {
      object = schema.definition(name);
      // An unknown object is the compiler's own error ("Invalid type: Schema.X").
      if (object == null) return;
    } else {
      SObjectSchema.FieldDef relationship = parent.get(name);
      if (relationship == null || relationship.kind != SObjectSchema.Kind.CHILDREN) {
        problems.add(
            new Problem(
                table.field.getLoc(),
                "Didn't understand relationship '" + name + "' in FROM part of query call. If you are attempting to use a custom"
                    + " relationship, be sure to append the '__r' after the custom relationship name. Please reference your"
                    + " WSDL or the describe call for the appropriate names."));
        return;
      }
      object = relationship.target == null ? null : schema.definition(relationship.target);
      if (object == null) return;
    }
    Set<String> prefixes = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    prefixes.add(object.name);
    if (from.alias != null && from.alias.isPresent()) prefixes.add(from.alias.get().getValue());
    Set<String> aliases = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    if (query.select instanceof SelectClause.SelectColumnClause columns) {
      for (SelectExpr expr : columns.exprs) {
        if (expr instanceof SelectExpr.SelectColumnExpr column) {
          column.alias.ifPresent(alias -> aliases.add(alias.getValue()));
          checkField(object, prefixes, aliases, column.field, problems, false);
        } else if (expr instanceof SelectExpr.SelectInnerQuery inner) {
          checkQuery(inner.query, object, problems);
        }
      }
    }
    if (query.where != null && query.where.isPresent()) checkWhere(object, prefixes, aliases, query.where.get().expr, problems);
    if (query.groupBy != null && query.groupBy.isPresent()) {
      for (GroupByExpr expr : query.groupBy.get().exprs) checkField(object, prefixes, aliases, expr.field, problems, false);
      if (query.groupBy.get().having.isPresent()) {
        checkWhere(object, prefixes, aliases, query.groupBy.get().having.get().expr, problems);
      }
    }
    if (query.orderBy != null && query.orderBy.isPresent()) {
      for (OrderByExpr expr : query.orderBy.get().exprs) {
        if (expr instanceof OrderByExpr.OrderByValue value) checkField(object, prefixes, aliases, value.field, problems, true);
      }
    }
  }

  private void checkWhere(SObjectSchema.ObjectDef object, Set<String> prefixes, Set<String> aliases, WhereExpr expr, List<Problem> problems) {
    if (expr instanceof WhereExpr.WhereOpExpr op) {
      checkLiteral(checkField(object, prefixes, aliases, op.field, problems, true), op.field, op.expr, problems);
    } else if (expr instanceof WhereExpr.WhereOpExprs ops) {
      SObjectSchema.FieldDef def = checkField(object, prefixes, aliases, ops.field, problems, true);
      for (QueryExpr value : ops.expr) checkLiteral(def, ops.field, value, problems);
    } else if (expr instanceof WhereExpr.WhereInnerExpr inner) {
      checkField(object, prefixes, aliases, inner.field, problems, true);
      checkQuery(inner.inner, null, problems);
    } else if (expr instanceof WhereExpr.WhereCompoundExpr compound) {
      for (WhereExpr part : compound.expr) checkWhere(object, prefixes, aliases, part, problems);
    } else if (expr instanceof WhereExpr.WhereUnaryExpr unary) {
      checkWhere(object, prefixes, aliases, unary.expr, problems);
    }
  }

  /**
   * Checks one field path. In ORDER BY, HAVING and WHERE a bare name may be a SELECT alias of
   * an aggregate ({@code COUNT(Id) total ... ORDER BY total}).
   */
  private SObjectSchema.FieldDef checkField(
      SObjectSchema.ObjectDef object, Set<String> prefixes, Set<String> aliases, Field field, List<Problem> problems, boolean aliasAllowed) {
    if (field == null || field.field == null) return null;
    if (field.function1 != null && field.function1.isPresent()) {
      String function = field.function1.get().getValue().toLowerCase(Locale.ROOT);
      if (function.equals("fields")) return null; // FIELDS(ALL|STANDARD|CUSTOM)
    }
    List<Identifier> path = new ArrayList<>();
    for (FieldIdentifier part = field.field; part != null; part = part.entity != null && part.entity.isPresent() ? part.entity.get() : null) {
      path.add(0, part.field);
    }
    if (path.size() == 1 && aliasAllowed && aliases.contains(path.get(0).getValue())) return null;
    if (path.size() > 1 && prefixes.contains(path.get(0).getValue()) && object.get(path.get(0).getValue()) == null) {
      path.remove(0); // SELECT Account.Name FROM Account, or the FROM alias.
    }
    SObjectSchema.ObjectDef current = object;
    for (int i = 0; i < path.size(); i++) {
      Identifier segment = path.get(i);
      String name = segment.getValue();
      SObjectSchema.FieldDef def = current.get(name);
      boolean last = i == path.size() - 1;
      if (last) {
        if (def == null || def.kind == SObjectSchema.Kind.CHILDREN) {
          problems.add(new Problem(segment.getLoc(), noSuchColumn(name, current.name)));
          return null;
        }
        return def;
      }
      if (def == null || def.kind != SObjectSchema.Kind.REFERENCE) {
        problems.add(
            new Problem(
                segment.getLoc(),
                "Didn't understand relationship '" + name + "' in field path. If you are attempting to use a custom relationship,"
                    + " be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the"
                    + " describe call for the appropriate names."));
        return null;
      }
      SObjectSchema.ObjectDef next = schema.definition(def.target);
      if (next == null) return null;
      current = next;
    }
    return null;
  }

  /** The kinds of literal a field of each Apex type accepts (null always); null = not checked. */
  private static Set<String> acceptedLiterals(TypeInfo type) {
    String apex = TypeInfo.TO_APEX_NAME.apply(type).toLowerCase(Locale.ROOT);
    return switch (apex) {
      case "boolean" -> Set.of("boolean");
      case "date", "datetime" -> Set.of("date", "datetime", "date literal");
      case "decimal", "double", "integer", "long" -> Set.of("number", "currency");
      default -> null;
    };
  }

  private static String literalKind(QueryLiteral literal) {
    if (literal instanceof QueryLiteral.QueryString) return "string";
    if (literal instanceof QueryLiteral.QueryNumber) return "number";
    if (literal instanceof QueryLiteral.QueryDate) return "date";
    if (literal instanceof QueryLiteral.QueryDateTime) return "datetime";
    if (literal instanceof QueryLiteral.QueryTime) return "time";
    if (literal instanceof QueryLiteral.QueryTrue || literal instanceof QueryLiteral.QueryFalse) return "boolean";
    if (literal instanceof QueryLiteral.QueryDateFormula) return "date literal";
    if (literal instanceof QueryLiteral.QueryMultiCurrency) return "currency";
    return null; // NULL, or a kind this check does not know
  }

  private static Location literalLoc(QueryLiteral literal) {
    if (literal instanceof QueryLiteral.QueryString l) return l.loc;
    if (literal instanceof QueryLiteral.QueryNumber l) return l.loc;
    if (literal instanceof QueryLiteral.QueryDate l) return l.loc;
    if (literal instanceof QueryLiteral.QueryDateTime l) return l.loc;
    if (literal instanceof QueryLiteral.QueryTime l) return l.loc;
    if (literal instanceof QueryLiteral.QueryTrue l) return l.loc;
    if (literal instanceof QueryLiteral.QueryFalse l) return l.loc;
    if (literal instanceof QueryLiteral.QueryDateFormula l) return l.loc;
    if (literal instanceof QueryLiteral.QueryMultiCurrency l) return l.loc;
    return null;
  }

  /**
   * A literal (not a bind variable) compared with a Boolean, Date, Datetime or number field must
   * be of that kind. Only a plain field path is checked: a function of a field compares its
   * result ({@code CALENDAR_YEAR(CloseDate) = 2024}).
   */
  private static void checkLiteral(SObjectSchema.FieldDef def, Field field, QueryExpr value, List<Problem> problems) {
    if (def == null || def.kind != SObjectSchema.Kind.SCALAR || def.scalar == null) return;
    if (field.function1 != null && field.function1.isPresent()) return;
    if (!(value instanceof QueryExpr.LiteralExpr literalExpr) || literalExpr.literal == null) return;
    Set<String> accepted = acceptedLiterals(def.scalar);
    String kind = literalKind(literalExpr.literal);
    if (accepted == null || kind == null || accepted.contains(kind)) return;
    String type = TypeInfo.TO_APEX_NAME.apply(def.scalar).toLowerCase(Locale.ROOT);
    String message =
        kind.equals("string")
            ? "value of filter criterion for field '" + def.name + "' must be of type " + type + " and should not be enclosed in quotes"
            : "value of filter criterion for field '" + def.name + "' must be of type " + type + "; a " + kind + " literal was given";
    problems.add(new Problem(literalLoc(literalExpr.literal), message));
  }

  /** The org's message for an unknown field in SOQL. */
  static String noSuchColumn(String field, String object) {
    return "No such column '" + field + "' on entity '" + object + "'. If you are attempting to use a custom field, be sure to"
        + " append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate"
        + " names.";
  }
}
