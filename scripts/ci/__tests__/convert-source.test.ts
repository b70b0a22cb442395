import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { countPackageTypes, findMissingMetaXml } from '../convert-source';

describe('convert-source', () => {
  it('counts members per metadata type from package.xml', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Package xmlns="http://soap.sforce.com/2006/04/metadata">
    <types>
        <members>HandoffService</members>
        <members>HandoffServiceTest</members>
        <name>ApexClass</name>
    </types>
    <types>
        <members>Opportunity.Handoff_Scope__c</members>
        <name>CustomField</name>
    </types>
    <version>66.0</version>
</Package>`;
    expect([...countPackageTypes(xml)]).toEqual([
      ['ApexClass', 2],
      ['CustomField', 1]
    ]);
  });

  it('returns no types for an empty package', () => {
    const xml =
      '<Package xmlns="http://soap.sforce.com/2006/04/metadata"><version>66.0</version></Package>';
    expect(countPackageTypes(xml).size).toBe(0);
  });
});

describe('findMissingMetaXml', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'convert-source-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('reports Apex sources without their -meta.xml, which sf would silently skip', () => {
    mkdirSync(path.join(root, 'classes'));
    mkdirSync(path.join(root, 'triggers'));
    writeFileSync(path.join(root, 'classes', 'A.cls'), 'public class A {}');
    writeFileSync(path.join(root, 'classes', 'A.cls-meta.xml'), '<ApexClass/>');
    const lonely = path.join(root, 'triggers', 'T.trigger');
    writeFileSync(lonely, 'trigger T on Account (before insert) {}');

    expect(findMissingMetaXml(root)).toEqual([expect.objectContaining({ file: lonely, line: 1 })]);
  });
});
