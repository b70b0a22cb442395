/**
 * Tests of the handoff summary renderer: every vector of staticresources/handoffSummaryVectors.json
 * (the file the Apex renderer of the close automation must pass too), the vectors' labels against
 * the shipped custom labels and field labels, and the format rules the vectors rely on.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { formatNumber, isFilled } from 'c/handoffRules';
import {
  SUMMARY_SECTIONS,
  SUMMARY_VALUE_MAX_LENGTH,
  buildSummary,
  isSummaryWhitespace,
  normaliseLines,
  renderSummaryText,
  toPlainText,
  truncateLines
} from '../handoffSummary';
import type { SummaryInput, SummaryLabels } from '../handoffSummary';

const SOURCE = join(__dirname, '..', '..', '..');

// `name` as a Record key: the Babel-parsed lint flags an interface member called `name`.
type Vector = Record<'name', string> & {
  note?: string;
  input: SummaryInput;
  labels?: Partial<SummaryLabels>;
  expected: string[];
};

interface VectorFile {
  version: number;
  description: string;
  labels: SummaryLabels;
  vectors: Vector[];
}

const vectorFile = JSON.parse(
  readFileSync(join(SOURCE, 'staticresources', 'handoffSummaryVectors.json'), 'utf8')
) as VectorFile;

const LABEL_KEYS: (keyof Omit<SummaryLabels, 'fieldLabels'>)[] = [
  'title',
  'account',
  'accountExecutive',
  'segment',
  'closeDate',
  'amount',
  'sectionWants',
  'sectionWho',
  'sectionPromised',
  'sectionRisks',
  'sectionNextSteps',
  'notProvided',
  'truncated'
];

/** The custom label behind each summary word (labels/HandoffPanel.labels-meta.xml). */
const CUSTOM_LABELS: Record<(typeof LABEL_KEYS)[number], string> = {
  title: 'Handoff_Summary_Title',
  account: 'Handoff_Summary_Account',
  accountExecutive: 'Handoff_Summary_Account_Executive',
  segment: 'Handoff_Summary_Segment',
  closeDate: 'Handoff_Summary_Close_Date',
  amount: 'Handoff_Summary_Amount',
  sectionWants: 'Handoff_Summary_Section_Wants',
  sectionWho: 'Handoff_Summary_Section_Who',
  sectionPromised: 'Handoff_Summary_Section_Promised',
  sectionRisks: 'Handoff_Summary_Section_Risks',
  sectionNextSteps: 'Handoff_Summary_Section_Next_Steps',
  notProvided: 'Handoff_Summary_Not_Provided',
  truncated: 'Handoff_Summary_Truncated'
};

const SUMMARY_FIELDS = SUMMARY_SECTIONS.flatMap((section) =>
  section.items.map((item) => item.fieldApiName)
);

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function labelsOf(vector: Vector): SummaryLabels {
  return { ...vectorFile.labels, ...(vector.labels ?? {}) } as SummaryLabels;
}

function englishLabels(): SummaryLabels {
  return vectorFile.labels;
}

function blankInput(overrides: Partial<SummaryInput> = {}): SummaryInput {
  return {
    opportunityName: 'Acme',
    accountName: 'Acme Corp',
    ownerName: 'Dana Seller',
    segment: 'SMB',
    tier: 'Low-Touch',
    closeDate: '2026-06-30',
    amount: 5000,
    values: {},
    contactNames: {},
    ...overrides
  };
}

describe('the summary vectors', () => {
  it('are well formed: unique names, every label, expected lines', () => {
    expect(vectorFile.version).toBe(1);
    const names = vectorFile.vectors.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    for (const key of LABEL_KEYS) {
      expect(typeof vectorFile.labels[key]).toBe('string');
    }
    expect(Object.keys(vectorFile.labels.fieldLabels).sort()).toEqual([...SUMMARY_FIELDS].sort());
    for (const vector of vectorFile.vectors) {
      expect(Array.isArray(vector.expected)).toBe(true);
      expect(vector.input.values).toBeDefined();
      expect(vector.input.contactNames).toBeDefined();
    }
  });

  it('cover empty, very long and non-ASCII values', () => {
    const inputs = vectorFile.vectors.map((v) => JSON.stringify(v.input));
    expect(
      vectorFile.vectors.some((v) =>
        Object.values(v.input.values).every((value) => value === null || value === '')
      )
    ).toBe(true);
    expect(
      vectorFile.vectors.some((v) =>
        Object.values(v.input.values).some(
          (value) => typeof value === 'string' && value.length > SUMMARY_VALUE_MAX_LENGTH
        )
      )
    ).toBe(true);
    expect(inputs.some((text) => /[\u0080-\uffff]/.test(text))).toBe(true);
    expect(inputs.some((text) => /[\ud800-\udbff]/.test(text))).toBe(true);
  });

  it('use the shipped custom labels and Opportunity field labels', () => {
    const labelsXml = readFileSync(join(SOURCE, 'labels', 'HandoffPanel.labels-meta.xml'), 'utf8');
    for (const key of LABEL_KEYS) {
      const pattern = new RegExp(
        `<fullName>${CUSTOM_LABELS[key]}</fullName>[\\s\\S]*?<value>([\\s\\S]*?)</value>`
      );
      const match = pattern.exec(labelsXml);
      expect([key, match ? unescapeXml(match[1]) : null]).toEqual([key, vectorFile.labels[key]]);
    }
    for (const field of SUMMARY_FIELDS) {
      const fieldXml = readFileSync(
        join(SOURCE, 'objects', 'Opportunity', 'fields', `${field}.field-meta.xml`),
        'utf8'
      );
      const label = /<label>([\s\S]*?)<\/label>/.exec(fieldXml);
      expect([field, label ? unescapeXml(label[1]) : null]).toEqual([
        field,
        vectorFile.labels.fieldLabels[field]
      ]);
    }
  });

  it.each(vectorFile.vectors.map((v) => [v.name, v] as const))('%s', (_name, vector) => {
    const text = renderSummaryText(vector.input, labelsOf(vector), formatNumber);
    expect(text.split('\n')).toEqual(vector.expected);
    expect(text).toBe(vector.expected.join('\n'));
  });
});

describe('the summary structure', () => {
  it('has the five template sections in order, numbered, with their fields', () => {
    const summary = buildSummary(blankInput(), englishLabels(), formatNumber);
    expect(summary.sections.map((s) => [s.number, s.heading])).toEqual([
      [1, 'What the customer wants'],
      [2, 'Who is who'],
      [3, 'What was promised'],
      [4, 'Risks'],
      [5, 'Next steps']
    ]);
    expect(summary.sections.flatMap((s) => s.items.map((i) => i.key))).toEqual(SUMMARY_FIELDS);
    expect(summary.header.map((i) => i.key)).toEqual([
      'account',
      'accountExecutive',
      'segment',
      'closeDate',
      'amount'
    ]);
  });

  it('marks blank items as not provided and shortened items as truncated', () => {
    const summary = buildSummary(
      blankInput({
        values: {
          Handoff_Customer_Goals__c: 'x'.repeat(SUMMARY_VALUE_MAX_LENGTH + 1),
          Handoff_Business_Pain__c: '  '
        }
      }),
      englishLabels(),
      formatNumber
    );
    const [goals, pain] = summary.sections[0].items;
    expect(goals).toMatchObject({ provided: true, truncated: true });
    expect(goals.lines).toHaveLength(2);
    expect(goals.lines[0]).toHaveLength(SUMMARY_VALUE_MAX_LENGTH);
    expect(goals.lines[1]).toBe(englishLabels().truncated);
    expect(pain).toMatchObject({ provided: false, truncated: false, lines: ['Not provided'] });
  });

  it('renders contacts by name and never prints trailing whitespace or a final line feed', () => {
    const text = renderSummaryText(
      blankInput({
        values: { Handoff_Champion__c: '003000000000001AAA', Handoff_Notes__c: 'one  \n  two\t' },
        contactNames: { Handoff_Champion__c: 'Priya Raman' }
      }),
      englishLabels(),
      formatNumber
    );
    expect(text).toContain('\nChampion: Priya Raman\n');
    expect(text).not.toContain('003000000000001AAA');
    expect(text.endsWith('\n')).toBe(false);
    for (const line of text.split('\n')) {
      expect(line).toBe(line.replace(/[ \t]+$/, ''));
    }
    expect(text.endsWith('Handoff Notes: one\n    two')).toBe(true);
  });

  it('round-trips: toPlainText of buildSummary is renderSummaryText', () => {
    const input = blankInput({ values: { Handoff_Risks__c: 'Budget\r\nfreeze' } });
    expect(toPlainText(buildSummary(input, englishLabels(), formatNumber))).toBe(
      renderSummaryText(input, englishLabels(), formatNumber)
    );
  });

  it('fits Handoff__c.Summary__c (131,072) in the worst case', () => {
    const values: Record<string, unknown> = {};
    for (const section of SUMMARY_SECTIONS) {
      for (const item of section.items) {
        values[item.fieldApiName] =
          item.kind === 'date'
            ? '2026-09-01'
            : item.kind === 'contact'
              ? '003000000000001AAA'
              : 'a\n'.repeat(16384);
      }
    }
    const text = renderSummaryText(
      blankInput({
        opportunityName: 'n'.repeat(120),
        accountName: 'a'.repeat(255),
        ownerName: 'o'.repeat(121),
        values,
        contactNames: {
          Handoff_Champion__c: 'c'.repeat(121),
          Handoff_Executive_Sponsor__c: 'c'.repeat(121),
          Handoff_Technical_Contact__c: 'c'.repeat(121)
        }
      }),
      englishLabels(),
      formatNumber
    );
    // Ten text items, each cut to 4,000 units of one-character lines (about 8,000 rendered).
    expect(text.length).toBeGreaterThan(70000);
    expect(text.length).toBeLessThanOrEqual(131072);
  });
});

describe('the format rules', () => {
  it('treat as whitespace exactly what the rule evaluator treats as blank', () => {
    const disagreements: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) {
        continue;
      }
      if (isFilled(String.fromCharCode(code)) === isSummaryWhitespace(code)) {
        disagreements.push(code);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('normalise line endings, line ends and empty lines at both ends', () => {
    expect(normaliseLines('\r\n  a  \r\n\r\n b\t\rc\n\n')).toEqual(['a', '', ' b', 'c']);
    expect(normaliseLines(' \u3000\n\t')).toEqual([]);
    expect(normaliseLines('\u00a0')).toEqual(['\u00a0']);
  });

  it('shorten by UTF-16 code units without splitting a surrogate pair', () => {
    expect(truncateLines(['abc'], 3)).toEqual({ lines: ['abc'], truncated: false });
    expect(truncateLines(['ab😀'], 3)).toEqual({ lines: ['ab'], truncated: true });
    expect(truncateLines(['ab', 'cd'], 3)).toEqual({ lines: ['ab'], truncated: true });
    expect(truncateLines(['ab', 'cd'], 4)).toEqual({ lines: ['ab', 'c'], truncated: true });
    expect(truncateLines(['a  b'], 3)).toEqual({ lines: ['a'], truncated: true });
  });
});
