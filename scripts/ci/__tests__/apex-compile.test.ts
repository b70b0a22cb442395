import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PackageResult, compileApex, parseDriverOutput } from '../apex-compile';
import { repoRoot } from '../lib';

// Each fixture is a small package folder (classes/, triggers/, objects/, labels/). All of them
// and the project are compiled in one JVM run: one Apex compiler start for the whole file.

const CLASS_META =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">' +
  '<apiVersion>66.0</apiVersion><status>Active</status></ApexClass>\n';

const xml = (root: string, body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://soap.sforce.com/2006/04/metadata">${body}</${root}>\n`;

/** A custom object, a custom field on Account, a lookup, a label: the schema the fixtures use. */
const SCHEMA: Record<string, string> = {
  'objects/Thing__c/Thing__c.object-meta.xml': xml(
    'CustomObject',
    '<label>Thing</label><pluralLabel>Things</pluralLabel><sharingModel>Private</sharingModel>' +
      '<nameField><label>Name</label><type>Text</type></nameField>'
  ),
  'objects/Thing__c/fields/Account__c.field-meta.xml': xml(
    'CustomField',
    '<fullName>Account__c</fullName><label>Account</label><type>Lookup</type>' +
      '<referenceTo>Account</referenceTo><relationshipName>Things</relationshipName>'
  ),
  'objects/Thing__c/fields/Score__c.field-meta.xml': xml(
    'CustomField',
    '<fullName>Score__c</fullName><label>Score</label><type>Number</type>' +
      '<precision>5</precision><scale>1</scale>'
  ),
  'objects/Thing__c/sharingReasons/Team__c.sharingReason-meta.xml': xml(
    'SharingReason',
    '<fullName>Team__c</fullName><label>Team</label>'
  ),
  'objects/Account/fields/Tier__c.field-meta.xml': xml(
    'CustomField',
    '<fullName>Tier__c</fullName><label>Tier</label><type>Picklist</type>'
  ),
  'objects/Setting__mdt/Setting__mdt.object-meta.xml': xml(
    'CustomObject',
    '<label>Setting</label><pluralLabel>Settings</pluralLabel><visibility>Public</visibility>'
  ),
  'objects/Setting__mdt/fields/Limit__c.field-meta.xml': xml(
    'CustomField',
    '<fullName>Limit__c</fullName><label>Limit</label><type>Number</type>'
  ),
  'objects/Signal__e/Signal__e.object-meta.xml': xml(
    'CustomObject',
    '<label>Signal</label><pluralLabel>Signals</pluralLabel><eventType>HighVolume</eventType>'
  ),
  'objects/Signal__e/fields/Message__c.field-meta.xml': xml(
    'CustomField',
    '<fullName>Message__c</fullName><label>Message</label><type>Text</type><length>255</length>'
  ),
  'labels/CustomLabels.labels-meta.xml': xml(
    'CustomLabels',
    '<labels><fullName>Greeting</fullName><language>en_US</language><protected>false</protected>' +
      '<shortDescription>Greeting</shortDescription><value>Hello</value></labels>'
  )
};

/** Code that must compile: the platform features the stubs and the schema provider complete. */
const CLEAN = `public with sharing class Clean {
    public class CleanException extends Exception {}

    public static void schema(Thing__c thing, Account account) {
        String tier = account.Tier__c;
        String accountName = thing.Account__r.Name;
        Decimal score = thing.Score__c;
        List<Thing__c> children = account.Things__r;
        Schema.SObjectField token = Thing__c.Score__c;
        Schema.SObjectType type = Thing__c.SObjectType;
        Schema.DescribeFieldResult described = Schema.SObjectType.Thing__c.fields.Score__c;
        Boolean readable = Schema.SObjectType.Account.fields.Tier__c.isAccessible();
        Map<String, Schema.SObjectField> fields = Schema.SObjectType.Account.fields.getMap();
        Thing__Share share = new Thing__Share(
            ParentId = thing.Id,
            UserOrGroupId = UserInfo.getUserId(),
            AccessLevel = 'Read',
            RowCause = Schema.Thing__Share.RowCause.Team__c
        );
        String manual = Schema.Thing__Share.RowCause.Manual;
        Setting__mdt setting = Setting__mdt.getInstance('Default');
        Decimal maximum = setting.Limit__c;
        EventBus.publish(new Signal__e(Message__c = System.Label.Greeting));
    }

    public static void platform(List<Thing__c> things, Account account) {
        List<Database.SaveResult> saved = Database.update(things, false, AccessLevel.SYSTEM_MODE);
        Database.SaveResult one = Database.insert(account, AccessLevel.USER_MODE);
        for (Database.Error error : saved[0].getErrors()) {
            Boolean duplicate = error.getStatusCode() == StatusCode.DUPLICATE_VALUE;
        }
        List<Thing__c> queried = Database.query('SELECT Id FROM Thing__c');
        List<Account> withChildren = [
            SELECT Id, Tier__c, Owner.Email, (SELECT Id, Score__c, Account__r.Name FROM Things__r)
            FROM Account
            WHERE Id IN (SELECT Account__c FROM Thing__c WHERE Score__c > 1)
            ORDER BY Name
        ];
        List<AggregateResult> totals = [
            SELECT Account__c account, COUNT(Id) total
            FROM Thing__c
            GROUP BY Account__c
            ORDER BY total DESC
        ];
        Decimal rounded = 2.345.setScale(2, RoundingMode.HALF_UP);
        Messaging.SingleEmailMessage mail = new Messaging.SingleEmailMessage();
        mail.setSubject('Hello');
        List<Messaging.SendEmailResult> sent = Messaging.sendEmail(
            new List<Messaging.SingleEmailMessage>{ mail },
            false
        );
        try {
            insert account;
        } catch (DmlException e) {
            e.setMessage(e.getMessage() + ' (' + e.getNumDml() + ')');
            throw new CleanException('Could not save', e);
        } catch (CleanException e) {
            String message = e.getMessage();
        }
        Approval.ProcessSubmitRequest request = new Approval.ProcessSubmitRequest();
        request.setObjectId(account.Id);
        List<Approval.ProcessResult> results = Approval.process(
            new List<Approval.ProcessSubmitRequest>{ request },
            false
        );
    }
}`;

const BATCH = `public with sharing class CleanBatch implements Database.Batchable<SObject>, Database.Stateful {
    public Database.QueryLocator start(Database.BatchableContext context) {
        return Database.getQueryLocator([SELECT Id FROM Thing__c]);
    }
    public void execute(Database.BatchableContext context, List<SObject> scope) {
        update scope;
    }
    public void finish(Database.BatchableContext context) {
        Id jobId = Database.executeBatch(new CleanBatch(), 200);
    }
}`;

const TRIGGER = `trigger ThingTrigger on Thing__c (before insert, before update) {
    if (Trigger.operationType == TriggerOperation.BEFORE_INSERT) {
        for (Thing__c thing : Trigger.new) {
            thing.Score__c = 0;
        }
    }
}`;

interface Fixture {
  classes?: Record<string, string>;
  triggers?: Record<string, string>;
}

const FIXTURES: Record<string, Fixture> = {
  clean: { classes: { Clean: CLEAN, CleanBatch: BATCH }, triggers: { ThingTrigger: TRIGGER } },
  unknownField: {
    classes: {
      UnknownField: `public class UnknownField {
    public static void tag(Account account) {
        account.Tier__c = 'Gold';
        account.Not_A_Field__c = 'x';
    }
}`
    }
  },
  wrongArgument: {
    classes: {
      WrongArgument: `public class WrongArgument {
    public static void call() {
        takesInteger('not a number');
    }
    public static void takesInteger(Integer value) {
    }
}`
    }
  },
  listCovariance: {
    classes: {
      ListCovariance: `public class ListCovariance {
    public static List<Object> copy(List<String> names) {
        return new List<Object>(names);
    }
}`
    }
  },
  decimalToDouble: {
    classes: {
      DecimalToDouble: `public class DecimalToDouble {
    public static String format(Double value) {
        return String.valueOf(value);
    }
    public static String call() {
        return format(84.45);
    }
}`
    }
  },
  unknownSystemMethod: {
    classes: {
      UnknownSystemMethod: `public class UnknownSystemMethod {
    public static Integer call() {
        return Math.absolute(-1);
    }
}`
    }
  },
  missingSemicolon: {
    classes: {
      MissingSemicolon: `public class MissingSemicolon {
    public static void call() {
        Integer one = 1
    }
}`
    }
  },
  soqlUnknownField: {
    classes: {
      SoqlUnknownField: `public class SoqlUnknownField {
    public static List<Thing__c> load() {
        return [SELECT Id, Account__r.Not_A_Field__c FROM Thing__c];
    }
}`
    }
  },
  soqlUnknownRelationship: {
    classes: {
      SoqlUnknownRelationship: `public class SoqlUnknownRelationship {
    public static List<Account> load() {
        return [SELECT Id, (SELECT Id FROM Thing__r) FROM Account];
    }
}`
    }
  },
  soqlLiteralMismatch: {
    classes: {
      SoqlLiteralMismatch: `public class SoqlLiteralMismatch {
    public static List<Opportunity> load() {
        return [SELECT Id FROM Opportunity WHERE IsClosed = 'yes' OR CloseDate = 'notadate' OR Amount IN (10, '20')];
    }
}`
    }
  },
  soqlLiteralsMatching: {
    classes: {
      SoqlLiteralsMatching: `public class SoqlLiteralsMatching {
    public static List<Opportunity> load(Date since) {
        return [
            SELECT Id
            FROM Opportunity
            WHERE IsClosed = true AND IsWon != false AND CloseDate >= 2024-01-31 AND CloseDate < NEXT_N_DAYS:30
                AND CreatedDate > 2024-01-01T00:00:00Z AND CreatedDate = LAST_N_DAYS:7 AND LastActivityDate = null
                AND Amount > 100.5 AND Amount IN (1, 2) AND Probability = :since.day() AND CloseDate >= :since
                AND CALENDAR_YEAR(CloseDate) = 2024 AND Name = 'yes' AND StageName IN ('Closed Won', 'x')
                AND Account.IsDeleted = false
        ];
    }
}`
    }
  },
  unknownLabel: {
    classes: {
      UnknownLabel: `public class UnknownLabel {
    public static String text() {
        return System.Label.Not_A_Label;
    }
}`
    }
  }
};

describe('apex-compile (Salesforce Apex compiler, offline)', () => {
  let root: string;
  const results = new Map<string, PackageResult>();
  let project: PackageResult;

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'apex-compile-'));
    const dirs: string[] = [];
    for (const [name, fixture] of Object.entries(FIXTURES)) {
      const dir = path.join(root, name);
      const write = (relative: string, content: string): void => {
        const file = path.join(dir, relative);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, content);
      };
      for (const [file, content] of Object.entries(SCHEMA)) write(file, content);
      for (const [cls, body] of Object.entries(fixture.classes ?? {})) {
        write(`classes/${cls}.cls`, body);
        write(`classes/${cls}.cls-meta.xml`, CLASS_META);
      }
      for (const [trigger, body] of Object.entries(fixture.triggers ?? {})) {
        write(`triggers/${trigger}.trigger`, body);
        write(
          `triggers/${trigger}.trigger-meta.xml`,
          CLASS_META.replace(/ApexClass/g, 'ApexTrigger')
        );
      }
      dirs.push(dir);
    }
    const projectDir = path.join(repoRoot, 'force-app', 'main', 'default');
    const all = compileApex([...dirs, projectDir]);
    Object.keys(FIXTURES).forEach((name, i) => results.set(name, all[i]));
    project = all[all.length - 1];
  }, 300_000);

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const errorsOf = (name: string): { file: string; line: number; message: string }[] =>
    (results.get(name)?.errors ?? []).map((error) => ({
      file: path.basename(error.file),
      line: error.line,
      message: error.message
    }));

  it('compiles code using the schema, system classes and completed stubs without a report', () => {
    const clean = results.get('clean');
    expect(clean?.files).toBe(3);
    expect(clean?.internal).toEqual([]);
    expect(errorsOf('clean')).toEqual([]);
  });

  it('fails on an unknown field of a standard object, not on our custom field on it', () => {
    expect(errorsOf('unknownField')).toEqual([
      { file: 'UnknownField.cls', line: 4, message: 'Variable does not exist: Not_A_Field__c' }
    ]);
  });

  it('fails on a wrong argument type', () => {
    expect(errorsOf('wrongArgument')).toEqual([
      {
        file: 'WrongArgument.cls',
        line: 3,
        message:
          'Method does not exist or incorrect signature: void takesInteger(String) from the type WrongArgument'
      }
    ]);
  });

  it('fails on list covariance through the List constructor', () => {
    expect(errorsOf('listCovariance')).toEqual([
      {
        file: 'ListCovariance.cls',
        line: 3,
        message:
          'Invalid initializer type List<String> found for List<Object>: expected an Integer or a List of type Object'
      }
    ]);
  });

  it('fails on a Decimal literal passed to a Double parameter of a user method', () => {
    expect(errorsOf('decimalToDouble')).toEqual([
      {
        file: 'DecimalToDouble.cls',
        line: 6,
        message:
          'Method does not exist or incorrect signature: void format(Decimal) from the type DecimalToDouble'
      }
    ]);
  });

  it('fails on an unknown method of a system class', () => {
    expect(errorsOf('unknownSystemMethod')).toEqual([
      {
        file: 'UnknownSystemMethod.cls',
        line: 3,
        message:
          'Method does not exist or incorrect signature: void absolute(Integer) from the type System.Math'
      }
    ]);
  });

  it('fails on a missing semicolon', () => {
    expect(errorsOf('missingSemicolon')).toEqual([
      { file: 'MissingSemicolon.cls', line: 4, message: "Missing ';' at '}'" }
    ]);
  });

  it('fails on an unknown field in a SOQL relationship path, pointing at the field', () => {
    const [error] = results.get('soqlUnknownField')?.errors ?? [];
    expect(results.get('soqlUnknownField')?.errors).toHaveLength(1);
    expect(error).toMatchObject({ line: 3, column: 39 });
    expect(error.message).toMatch(/^No such column 'Not_A_Field__c' on entity 'Account'\./);
  });

  it('fails on an unknown child relationship in a SOQL subquery', () => {
    const [error] = results.get('soqlUnknownRelationship')?.errors ?? [];
    expect(results.get('soqlUnknownRelationship')?.errors).toHaveLength(1);
    expect(error).toMatchObject({ line: 3, column: 44 });
    expect(error.message).toMatch(
      /^Didn't understand relationship 'Thing__r' in FROM part of query call\./
    );
  });

  it('fails on a string literal compared with a Boolean, Date or number field, at the literal', () => {
    const errors = (results.get('soqlLiteralMismatch')?.errors ?? []).map((error) => ({
      line: error.line,
      column: error.column,
      message: error.message
    }));
    expect(errors).toEqual([
      {
        line: 3,
        column: 61,
        message:
          "value of filter criterion for field 'IsClosed' must be of type boolean and should not be enclosed in quotes"
      },
      {
        line: 3,
        column: 82,
        message:
          "value of filter criterion for field 'CloseDate' must be of type date and should not be enclosed in quotes"
      },
      {
        line: 3,
        column: 111,
        message:
          "value of filter criterion for field 'Amount' must be of type decimal and should not be enclosed in quotes"
      }
    ]);
  });

  it('accepts literals of the field kind, date literals, null, binds, functions of fields and text fields', () => {
    expect(errorsOf('soqlLiteralsMatching')).toEqual([]);
  });

  it('fails on an unknown custom label', () => {
    expect(errorsOf('unknownLabel')).toEqual([
      { file: 'UnknownLabel.cls', line: 3, message: 'Variable does not exist: Not_A_Label' }
    ]);
  });

  it('compiles every class and trigger of the project without an error', () => {
    expect(project.files).toBeGreaterThan(50);
    expect(project.internal).toEqual([]);
    expect(
      project.errors.map((error) => `${path.basename(error.file)}:${error.line} ${error.message}`)
    ).toEqual([]);
  });
});

describe('parseDriverOutput', () => {
  it('reads errors, internal failures and the per-package summary', () => {
    const output = [
      'error\t/p\t/p/classes/A.cls\t3\t9\tVariable does not exist: x',
      'stub-error\t/p\tjar:StandardApexLibrary/System/Math.cls\t5\t3\tMissing return',
      'internal\t/p\tvalidate: boom',
      'done\t/p\t2\t1234'
    ].join('\n');
    expect(parseDriverOutput(output)).toEqual([
      {
        packageDir: '/p',
        files: 2,
        millis: 1234,
        errors: [
          { file: '/p/classes/A.cls', line: 3, column: 9, message: 'Variable does not exist: x' }
        ],
        stubErrors: [
          {
            file: 'jar:StandardApexLibrary/System/Math.cls',
            line: 5,
            column: 3,
            message: 'Missing return'
          }
        ],
        internal: ['validate: boom']
      }
    ]);
  });
});
