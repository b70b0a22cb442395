import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SeverityLevel } from '@salesforce/code-analyzer-core';
import {
  analysisTargets,
  analyze,
  checkJava,
  countFailing,
  FAILING_SEVERITY,
  formatViolation,
  selectTargets
} from '../code-analyzer';
import { displayPath, repoRoot, sourceFolders, UsageError } from '../lib';
import { checkSuppressions } from '../suppressions';

const SOQL_IN_LOOP = `public with sharing class LoopQuery {
    public static void touch(List<Id> accountIds) {
        for (Id accountId : accountIds) {
            Account acc = [SELECT Id, Name FROM Account WHERE Id = :accountId WITH USER_MODE];
            acc.Name = 'x';
            update as user acc;
        }
    }
}
`;

// A screen flow that writes user input to a record while running without sharing.
const UNSAFE_FLOW = `<?xml version="1.0" encoding="UTF-8"?>
<Flow xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>66.0</apiVersion>
    <label>Create Account From Screen</label>
    <processType>Flow</processType>
    <runInMode>SystemModeWithoutSharing</runInMode>
    <recordCreates>
        <name>Create_Account</name>
        <label>Create Account</label>
        <locationX>176</locationX>
        <locationY>278</locationY>
        <inputAssignments>
            <field>Name</field>
            <value><elementReference>Account_Name</elementReference></value>
        </inputAssignments>
        <object>Account</object>
        <storeOutputAutomatically>true</storeOutputAutomatically>
    </recordCreates>
    <screens>
        <name>Ask_Name</name>
        <label>Ask Name</label>
        <locationX>176</locationX>
        <locationY>158</locationY>
        <allowBack>false</allowBack>
        <allowFinish>true</allowFinish>
        <allowPause>false</allowPause>
        <connector><targetReference>Create_Account</targetReference></connector>
        <fields>
            <name>Account_Name</name>
            <dataType>String</dataType>
            <fieldText>Account name</fieldText>
            <fieldType>InputField</fieldType>
            <isRequired>true</isRequired>
        </fields>
        <showFooter>true</showFooter>
        <showHeader>true</showHeader>
    </screens>
    <start>
        <locationX>50</locationX>
        <locationY>0</locationY>
        <connector><targetReference>Ask_Name</targetReference></connector>
    </start>
    <status>Active</status>
</Flow>
`;

// A Moderate finding (PMD ExcessiveParameterList: four parameters), once as is and once
// suppressed where it stands with its reason.
const longParameterList = (className: string, suppression: string): string => `/**
 * @description Fixture.
 */
public with sharing class ${className} {
    /**
     * @description Adds four numbers.
     * @param a first
     * @param b second
     * @param c third
     * @param d fourth
     * @return the sum
     */
${suppression}    public static Integer add(Integer a, Integer b, Integer c, Integer d) {
        return a + b + c + d;
    }
}
`;

const OBJECT = `<?xml version="1.0" encoding="UTF-8"?>
<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>Thing</label>
    <pluralLabel>Things</pluralLabel>
    <nameField><label>Thing Name</label><type>Text</type></nameField>
    <deploymentStatus>Deployed</deploymentStatus>
    <sharingModel>ReadWrite</sharingModel>
</CustomObject>
`;

// A text field whose name says "Key": PMD ProtectSensitiveData (Moderate) unless suppressed.
const keyField = (name: string, marker: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
${marker}    <fullName>${name}</fullName>
    <label>${name}</label>
    <length>80</length>
    <type>Text</type>
</CustomField>
`;

describe('code-analyzer', () => {
  let root: string;

  const write = (relative: string, content: string): string => {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    return file;
  };

  beforeEach(() => {
    root = path.join(mkdtempSync(path.join(tmpdir(), 'code-analyzer-')), 'force-app');
  });

  afterEach(() => {
    rmSync(path.dirname(root), { recursive: true, force: true });
  });

  it('targets the LWC .ts but not its emitted .js, tests or force-app/test', () => {
    const ts = write('main/default/lwc/panel/panel.ts', 'export {};\n');
    write('main/default/lwc/panel/panel.js', 'export {};\n');
    const html = write('main/default/lwc/panel/panel.html', '<template></template>\n');
    const plainJs = write('main/default/lwc/legacy/legacy.js', 'export {};\n');
    write('main/default/lwc/panel/__tests__/panel.test.ts', 'export {};\n');
    write('test/metadata/objects.test.ts', 'export {};\n');
    const cls = write('main/default/classes/A.cls', 'public class A {}\n');

    expect(selectTargets(root).sort()).toEqual([cls, plainJs, html, ts].sort());
  });

  it('analyses the folders it is given, force-app when none, and refuses a missing one', () => {
    const cls = write('main/default/classes/A.cls', 'public class A {}\n');
    expect(sourceFolders([])).toEqual([path.join(repoRoot, 'force-app')]);
    expect(sourceFolders([root, root])).toEqual([root, root]);
    const missing = path.join(root, 'nowhere');
    expect(() => sourceFolders([root, missing])).toThrow(UsageError);
    expect(() => sourceFolders([root, missing])).toThrow(`no such folder: ${missing}`);

    const other = path.join(path.dirname(root), 'other');
    const trigger = path.join(other, 'triggers', 'T.trigger');
    mkdirSync(path.dirname(trigger), { recursive: true });
    writeFileSync(trigger, 'trigger T on Account (before insert) {}\n');
    const { targets, where, javaMajor } = analysisTargets([root, other]);
    expect(targets).toEqual([cls, trigger]);
    expect(where).toBe(`${displayPath(root)}, ${displayPath(other)}`);
    expect(Number(javaMajor)).toBeGreaterThanOrEqual(11);
  });

  it('tells how to install Java when it is missing', () => {
    expect(() => checkJava('no-such-java-command')).toThrow(
      /apt-get install -y openjdk-17-jre-headless/
    );
  });

  it('reports SOQL and DML in a loop (PMD) and user data in a system-mode flow (flow engine)', async () => {
    write('main/default/classes/LoopQuery.cls', SOQL_IN_LOOP);
    write('main/default/flows/Create_Account_From_Screen.flow-meta.xml', UNSAFE_FLOW);

    const { results, engineErrors } = await analyze(selectTargets(root), () => undefined);
    const found = results
      .getViolations()
      .map(
        (violation) => `${violation.getRule().getEngineName()}:${violation.getRule().getName()}`
      );

    expect(engineErrors).toEqual([]);
    expect(found).toContain('pmd:OperationWithLimitsInLoop');
    const loop = results
      .getViolations()
      .find((violation) => violation.getRule().getName() === 'OperationWithLimitsInLoop');
    expect(loop?.getRule().getSeverityLevel()).toBe(2);
    expect(found).toContain('flow:PreventPassingUserDataIntoElementWithoutSharing');
    expect(countFailing(results)).toBeGreaterThan(0);
    expect(formatViolation(results.getViolations()[0])).toMatch(/:\d+(:\d+)? \[\d \w+\] \w+:\w+ /);
  });

  it('fails on a new Moderate finding and passes the same finding suppressed with its reason', async () => {
    expect(FAILING_SEVERITY).toBe(SeverityLevel.Moderate);
    const plain = write('main/default/classes/Plain.cls', longParameterList('Plain', ''));
    const explained = write(
      'main/default/classes/Explained.cls',
      longParameterList(
        'Explained',
        '    // Four numbers are the whole point of this fixture, one parameter each.\n' +
          "    @SuppressWarnings('PMD.ExcessiveParameterList')\n"
      )
    );
    write('main/default/objects/Thing__c/Thing__c.object-meta.xml', OBJECT);
    const bareField = write(
      'main/default/objects/Thing__c/fields/Api_Key__c.field-meta.xml',
      keyField('Api_Key__c', '')
    );
    const markedField = write(
      'main/default/objects/Thing__c/fields/Dedup_Key__c.field-meta.xml',
      keyField(
        'Dedup_Key__c',
        '    <!-- code-analyzer-suppress(pmd:ProtectSensitiveData) a dedup key, not a secret -->\n'
      )
    );

    const targets = selectTargets(root);
    expect(checkSuppressions(targets).problems).toEqual([]);
    const { results, engineErrors } = await analyze(targets, () => undefined);
    const failing = results
      .getViolations()
      .filter((violation) => violation.getRule().getSeverityLevel() <= FAILING_SEVERITY)
      .map(
        (violation) =>
          `${path.basename(violation.getPrimaryLocation().getFile() ?? '')} ${violation.getRule().getName()}`
      )
      .sort();

    expect(engineErrors).toEqual([]);
    expect(failing).toEqual([
      `${path.basename(bareField)} ProtectSensitiveData`,
      `${path.basename(plain)} ExcessiveParameterList`
    ]);
    expect(failing.join(' ')).not.toContain(path.basename(explained));
    expect(failing.join(' ')).not.toContain(path.basename(markedField));
    expect(countFailing(results)).toBe(2);
  }, 240000);
});
