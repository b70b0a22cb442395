import { parseApexLsOutput } from '../apex-semantic';

describe('parseApexLsOutput', () => {
  it('reports errors and missing references with their file, line and 1-based column', () => {
    const output = [
      '/repo/force-app/main/default/classes/A.cls',
      "Missing: line 5 at 38-46: Unknown field 'Bogus__c' on SObject 'Schema.Handoff__c'",
      "Error: line 23 at 32-48: Comparing incompatible types 'System.Integer' and 'System.List'",
      '/repo/force-app/main/default/triggers/T.trigger',
      "Missing: line 2 at 8: No matching method found for 'x' on 'Y' taking no arguments"
    ].join('\n');
    expect(parseApexLsOutput(output)).toEqual([
      {
        file: '/repo/force-app/main/default/classes/A.cls',
        line: 5,
        column: 39,
        message: "Missing: Unknown field 'Bogus__c' on SObject 'Schema.Handoff__c'"
      },
      {
        file: '/repo/force-app/main/default/classes/A.cls',
        line: 23,
        column: 33,
        message: "Error: Comparing incompatible types 'System.Integer' and 'System.List'"
      },
      {
        file: '/repo/force-app/main/default/triggers/T.trigger',
        line: 2,
        column: 9,
        message: "Missing: No matching method found for 'x' on 'Y' taking no arguments"
      }
    ]);
  });

  it('finds nothing in clean output', () => {
    expect(parseApexLsOutput('')).toEqual([]);
    expect(parseApexLsOutput('Warning: line 3 at 1-2: unused\n')).toEqual([]);
  });
});
