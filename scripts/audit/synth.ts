/**
 * Deterministic synthetic closed-won deals in the default mapping's columns, for the benchmark
 * and for tests: the same seed always writes the same bytes. Each handoff field is filled
 * independently at its own rate (the worst case for the scorer's memo), with text of realistic
 * length carrying commas, quotes and line breaks, so the parser does real work.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { csvCell } from '../lib/csv.ts';
import { formatDay } from '../lib/dates.ts';
import { HANDOFF_FIELDS } from '../lib/fields.ts';

/** A small, fast, seedable PRNG (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The columns written: the default mapping's, then standard Opportunity fields a Data Loader
 * or `sf data export` of Opportunity carries and the audit does not read (reported once as
 * columns outside the mapping).
 */
export const SYNTH_COLUMNS = [
  'Id',
  'Name',
  'AccountId',
  'Account.Name',
  'Account.NumberOfEmployees',
  'Amount',
  'CloseDate',
  'Type',
  'StageName',
  'Owner.Name',
  'Handoff_Segment_Override__c',
  ...HANDOFF_FIELDS.map((f) => f.apiName),
  'IsDeleted',
  'Description',
  'Probability',
  'ExpectedRevenue',
  'NextStep',
  'LeadSource',
  'IsClosed',
  'IsWon',
  'ForecastCategoryName',
  'Pricebook2Id',
  'OwnerId',
  'CreatedDate',
  'LastModifiedDate',
  'SystemModstamp',
  'FiscalQuarter',
  'FiscalYear'
];

const DESCRIPTIONS = [
  'Inbound from the spring webinar. Evaluated us against two vendors over six weeks; the decision came down to reporting depth and the partner ecosystem. Legal review took three rounds on the data processing addendum.',
  'Expansion of the existing contract to two more business units after a successful pilot in the EMEA team; procurement asked for a co-termed renewal and a single invoice per quarter.',
  'Referral from a partner. Small team, fast decision: trial started in the first week, signed within a month. Main concern was migration effort from spreadsheets.'
].map(csvCell);
const NEXT_STEPS = [
  'Kickoff call with the CSM',
  'Send the welcome pack',
  'Schedule admin training'
];
const LEAD_SOURCES = ['Web', 'Partner Referral', 'Trade Show', 'Outbound', 'Phone Inquiry'];

/**
 * Text for each handoff text field, in the lengths AEs write (long text areas: 60–300
 * characters, a few lines at times), with the commas, quotes and line breaks a real export has.
 * Index by field position; lookups and the date are generated instead.
 */
const TEXT_RAW: Record<number, readonly string[]> = {
  0: [
    'Cut onboarding from 6 weeks to 3 by the end of Q2; success = 90% of new hires self-serve by day 5 and ticket volume down 20%',
    'Consolidate 4 regional CRMs into one pipeline report for the board by September, and retire the "shadow" spreadsheets',
    'Reduce claim handling time 30% within 90 days of go-live; first measurable win expected in the first month'
  ],
  1: [
    'Month-end reporting takes finance 3 days of manual work across 5 spreadsheets',
    'Reps re-key orders into the ERP; error rate about 4%, costing rework, credits and churn'
  ],
  5: [
    'Sales Cloud for 120 users in 2 business units: leads, opportunities, forecasting, quotes.\nPhase 2 (not sold yet): CPQ and partner portal',
    'Service Cloud: case management, email-to-case, 2 support queues, knowledge base migration from Zendesk (read-only history)'
  ],
  6: [
    'NetSuite (orders, invoices) via MuleSoft; Okta SSO',
    'SAP ERP nightly batch, Outlook add-in, Slack alerts'
  ],
  7: [
    'Go-live before fiscal year end (Sep 30); admin training for 2 people included; 10% off the year-2 renewal',
    'Data migration of up to 2M records included at no extra cost; dedicated CSM for the first 6 months'
  ],
  9: [
    'Executive sponsor leaves in Q3 and the champion is new to the role; IT is also busy with an ERP upgrade',
    'Legacy data quality is poor (about 15% duplicates); timeline is tight: 8 weeks to go-live'
  ],
  10: [
    'Evaluated HubSpot and Dynamics; we won on reporting and the AppExchange',
    'Incumbent: spreadsheets + Pipedrive, price-matched in year 1'
  ],
  11: [
    '3-year term, annual billing, uplift capped at 5%',
    'Co-term the add-on in March; PO required, Net-60'
  ],
  12: [
    'Weekly 30-minute call on Tuesdays 10:00 CET; email for anything async; English',
    'Slack Connect channel; monthly steering with the CFO'
  ],
  13: [
    'Customer asked for a kickoff deck in their branding and a holiday freeze from Dec 15 to Jan 10'
  ]
};
/** The same text, written as CSV cells (quoted where needed). */
const TEXT: Record<number, readonly string[]> = Object.fromEntries(
  Object.entries(TEXT_RAW).map(([k, list]) => [k, list.map(csvCell)])
);

const TYPES = ['New Customer', 'New Customer', 'New Customer', 'New Customer', 'Renewal', 'Upsell'];
/** Independent fill rate of each field (the `independent` model). */
const FILL = [0.85, 0.6, 0.8, 0.55, 0.4, 0.7, 0.45, 0.65, 0.7, 0.45, 0.35, 0.2, 0.15, 0.1];
/** The panel's sections (field positions), how often an AE fills each, and each field within. */
const SECTIONS: ReadonlyArray<{ fields: number[]; rate: number; within: number[] }> = [
  { fields: [0, 1], rate: 0.95, within: [0.95, 0.7] },
  { fields: [2, 3, 4], rate: 0.85, within: [0.95, 0.7, 0.5] },
  { fields: [5, 6, 7, 8], rate: 0.8, within: [0.9, 0.6, 0.85, 0.9] },
  { fields: [9, 10, 11], rate: 0.55, within: [0.85, 0.6, 0.4] },
  { fields: [12, 13], rate: 0.3, within: [0.8, 0.4] }
];

/** Options for {@link writeSyntheticDeals}. */
export interface SynthOptions {
  rows: number;
  seed?: number;
  /** number of distinct AEs (default 150) */
  owners?: number;
  /** first close day (default 2022-01-01) and span in days (default 1,095) */
  startDay?: number;
  spanDays?: number;
  /**
   * How fields get filled: `sections` (default) as AEs do — each AE has a diligence, and fills
   * a panel section or skips it, the fields of a filled section mostly together; `independent`
   * fills every field on its own (about 30,000 distinct fill patterns per million deals: the
   * worst case for the scorer's memo).
   */
  fill?: 'sections' | 'independent';
}

/** Writes `rows` deals (plus the header) to `path`; returns the bytes written. */
export function writeSyntheticDeals(path: string, options: SynthOptions): number {
  const rnd = mulberry32(options.seed ?? 42);
  const owners = options.owners ?? 150;
  const independent = options.fill === 'independent';
  // Each AE's diligence, 0.35–1: how likely they are to fill a section at all.
  const diligence = Array.from({ length: owners + 1 }, () => 0.35 + 0.65 * rnd());
  const filled = new Array<boolean>(FILL.length).fill(false);
  const start = options.startDay ?? 18993; // 2022-01-01
  const span = options.spanDays ?? 1095;
  const fd = openSync(path, 'w');
  let bytes = 0;
  let buf = `${SYNTH_COLUMNS.join(',')}\n`;
  const days: string[] = [];
  for (let d = 0; d <= span + 200; d++) {
    days.push(formatDay(start + d));
  }
  try {
    for (let i = 1; i <= options.rows; i++) {
      const seg = rnd();
      const amount =
        seg < 0.2
          ? 100000 + Math.floor(rnd() * 400000)
          : seg < 0.55
            ? 25000 + Math.floor(rnd() * 75000)
            : 2000 + Math.floor(rnd() * 23000);
      const employees = seg < 0.2 ? 800 + Math.floor(rnd() * 20000) : Math.floor(rnd() * 900);
      const close = Math.floor(rnd() * span);
      const account = 1 + Math.floor(rnd() * 200000);
      const id = `006${String(i).padStart(12, '0')}AAA`;
      const ae = 1 + Math.floor(rnd() * owners);
      let line =
        `${id},Deal ${i},001${String(account).padStart(12, '0')}AAA,Account ${account},${employees},` +
        `${amount}.00,${days[close]},${TYPES[Math.floor(rnd() * TYPES.length)]},Closed Won,` +
        `AE ${ae},${rnd() < 0.01 ? 'Enterprise' : ''}`;
      if (independent) {
        for (let f = 0; f < FILL.length; f++) {
          filled[f] = rnd() < FILL[f];
        }
      } else {
        for (const section of SECTIONS) {
          const attempted = rnd() < section.rate * diligence[ae];
          section.fields.forEach((f, k) => {
            filled[f] = rnd() < (attempted ? section.within[k] : 0.03);
          });
        }
      }
      for (let f = 0; f < FILL.length; f++) {
        line += ',';
        if (filled[f]) {
          if (f === 8) {
            line += days[close + 30 + Math.floor(rnd() * 150)];
          } else if (f >= 2 && f <= 4) {
            line += `003${String(Math.floor(rnd() * 1e9)).padStart(12, '0')}AAA`;
          } else {
            const pool = TEXT[f];
            line += pool[Math.floor(rnd() * pool.length)];
          }
        }
      }
      const created = start + close - 20 - Math.floor(rnd() * 120);
      const modified = `${days[close + Math.floor(rnd() * 30)]}T${String(8 + Math.floor(rnd() * 10)).padStart(2, '0')}:14:07.000Z`;
      const closeText = days[close];
      line +=
        `,false,${rnd() < 0.4 ? DESCRIPTIONS[Math.floor(rnd() * DESCRIPTIONS.length)] : ''},100,${amount}.00,` +
        `${rnd() < 0.3 ? NEXT_STEPS[Math.floor(rnd() * NEXT_STEPS.length)] : ''},${LEAD_SOURCES[Math.floor(rnd() * LEAD_SOURCES.length)]},` +
        `true,true,Closed,01s000000000001AAA,005${String(ae).padStart(12, '0')}AAA,` +
        `${formatDay(created)}T10:02:44.000Z,${modified},${modified},` +
        `${1 + Math.floor((Number(closeText.slice(5, 7)) - 1) / 3)},${closeText.slice(0, 4)}`;
      buf += `${line}\n`;
      if (buf.length >= 1 << 20) {
        bytes += writeSync(fd, buf);
        buf = '';
      }
    }
    bytes += writeSync(fd, buf);
  } finally {
    closeSync(fd);
  }
  return bytes;
}
