/**
 * The demo data: realistic accounts, their contacts, and open opportunities with the handoff
 * fields partly filled — the later the stage, the more is filled — so the handoff panel, the
 * gate and the meter can be tried end to end. Deterministic for a seed.
 */
import { formatDay, today } from '../lib/dates.ts';
import { mulberry32 } from '../audit/synth.ts';

/** A record to insert; `ref` names it for lookups, `$ref` values are resolved before insert. */
export interface PlannedRecord {
  ref: string;
  fields: Record<string, unknown>;
}

/** The whole plan, in insert order. */
export interface DemoPlan {
  accounts: PlannedRecord[];
  contacts: PlannedRecord[];
  opportunities: PlannedRecord[];
}

const COMPANIES: Array<[string, string, number, string]> = [
  ['Northwind Logistics', 'Transportation', 2400, 'Chicago'],
  ['Bluefin Analytics', 'Technology', 180, 'Austin'],
  ['Cedar Health Partners', 'Healthcare', 5200, 'Boston'],
  ['Brightline Retail', 'Retail', 650, 'Denver'],
  ['Kestrel Energy', 'Energy', 12000, 'Houston'],
  ['Orchard Foods', 'Food & Beverage', 90, 'Portland'],
  ['Pinnacle Insurance', 'Insurance', 3100, 'Hartford'],
  ['Harborview Hotels', 'Hospitality', 420, 'San Diego'],
  ['Summit Legal', 'Legal', 60, 'Seattle'],
  ['Granite Manufacturing', 'Manufacturing', 1500, 'Cleveland'],
  ['Lumen Education', 'Education', 240, 'Minneapolis'],
  ['Riverstone Bank', 'Banking', 7800, 'Charlotte'],
  ['Vantage Media', 'Media', 130, 'Los Angeles'],
  ['Willow Home Care', 'Healthcare', 45, 'Tampa'],
  ['Copperleaf Software', 'Technology', 310, 'Raleigh'],
  ['Meridian Travel', 'Hospitality', 75, 'Miami'],
  ['Sterling Pharma', 'Pharmaceuticals', 9400, 'Princeton'],
  ['Oakridge Construction', 'Construction', 880, 'Phoenix'],
  ['Nimbus Telecom', 'Telecommunications', 2100, 'Atlanta'],
  ['Evergreen Credit Union', 'Banking', 150, 'Spokane']
];
const FIRST = [
  'Jane',
  'Carlos',
  'Amira',
  'Lena',
  'Peter',
  'Sofia',
  'Kenji',
  'Grace',
  'Omar',
  'Hannah',
  'Luis',
  'Mei'
];
const LAST = [
  'Moss',
  'Vega',
  'Haddad',
  'Brandt',
  'Hall',
  'Martins',
  'Sato',
  'Liu',
  'Farouk',
  'Fischer',
  'Ortega',
  'Tanaka'
];
const ROLES: Array<[string, string]> = [
  ['Champion', 'Director of Operations'],
  ['Sponsor', 'Chief Financial Officer'],
  ['Technical', 'IT Manager']
];
/** Open stages of the standard sales process, earliest first. */
const STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review'
];
const GOALS = [
  'Cut onboarding from 6 weeks to 3; success = 90% of new hires self-serve by day 5',
  'One pipeline report for the board by September; retire 4 regional spreadsheets',
  'Reduce claim handling time 30% within 90 days of go-live'
];
const PAINS = [
  'Month-end reporting takes finance 3 days',
  'Reps re-key orders into the ERP (about 4% errors)',
  'No visibility of renewals across regions'
];
const SCOPES = [
  'Sales Cloud for 80 users: leads, opportunities, forecasting',
  'Service Cloud: case management, email-to-case, 2 queues',
  'Partner community for 40 resellers with SSO'
];

/** Builds the plan for `accounts` accounts (at most 20) with a seed. */
export function buildDemoPlan(accounts = 12, seed = 7, now: Date = new Date()): DemoPlan {
  const rnd = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const plan: DemoPlan = { accounts: [], contacts: [], opportunities: [] };
  const base = today(now);
  COMPANIES.slice(0, Math.min(accounts, COMPANIES.length)).forEach(
    ([name, industry, employees, city], a) => {
      const accountRef = `account:${a}`;
      plan.accounts.push({
        ref: accountRef,
        fields: {
          Name: name,
          Industry: industry,
          NumberOfEmployees: employees,
          BillingCity: city,
          BillingCountry: 'United States',
          Type: a % 4 === 0 ? 'Customer - Direct' : 'Prospect'
        }
      });
      ROLES.forEach(([role, title], r) => {
        plan.contacts.push({
          ref: `contact:${a}:${role}`,
          fields: {
            AccountId: `$ref:${accountRef}`,
            FirstName: FIRST[(a + r * 5) % FIRST.length],
            LastName: LAST[(a * 3 + r) % LAST.length],
            Title: title,
            Email: `${FIRST[(a + r * 5) % FIRST.length].toLowerCase()}.${LAST[(a * 3 + r) % LAST.length].toLowerCase()}@${name.toLowerCase().replace(/[^a-z]/g, '')}.example.com`
          }
        });
      });
      for (let o = 0; o < 2; o++) {
        const stageIndex = Math.floor(rnd() * STAGES.length);
        const progress = (stageIndex + 1) / STAGES.length;
        const filled = (p: number): boolean => rnd() < p * progress + 0.1;
        const expansion = o === 1 && a % 3 === 0;
        const amount =
          employees >= 1000
            ? 90000 + Math.round(rnd() * 30) * 5000
            : employees >= 200
              ? 20000 + Math.round(rnd() * 16) * 2500
              : 5000 + Math.round(rnd() * 8) * 1000;
        const fields: Record<string, unknown> = {
          Name: `${name} - ${expansion ? 'Expansion' : o === 0 ? 'New Business' : 'New Business (second region)'}`,
          AccountId: `$ref:${accountRef}`,
          StageName: STAGES[stageIndex],
          CloseDate: formatDay(base + 14 + Math.floor(rnd() * 120)),
          Amount: amount,
          Type: expansion ? 'Existing Customer - Upgrade' : 'New Customer',
          LeadSource: pick(['Web', 'Partner Referral', 'Trade Show', 'Phone Inquiry'])
        };
        const handoff: Record<string, unknown> = {
          Handoff_Customer_Goals__c: filled(1) ? pick(GOALS) : null,
          Handoff_Business_Pain__c: filled(0.9) ? pick(PAINS) : null,
          Handoff_Champion__c: filled(1) ? `$ref:contact:${a}:Champion` : null,
          Handoff_Executive_Sponsor__c: filled(0.8) ? `$ref:contact:${a}:Sponsor` : null,
          Handoff_Technical_Contact__c: filled(0.6) ? `$ref:contact:${a}:Technical` : null,
          Handoff_Scope__c: filled(0.8) ? pick(SCOPES) : null,
          Handoff_Integrations__c: filled(0.5) ? 'NetSuite (orders, invoices); Okta SSO' : null,
          Handoff_Commitments__c: filled(0.7)
            ? 'Go-live before fiscal year end; admin training for 2 included'
            : null,
          Handoff_Target_Go_Live__c: filled(0.8)
            ? formatDay(base + 90 + Math.floor(rnd() * 90))
            : null,
          Handoff_Risks__c: filled(0.5) ? 'IT team busy with an ERP upgrade in parallel' : null,
          Handoff_Communication_Preferences__c: filled(0.3)
            ? 'Weekly call, Tuesdays 10:00 local; email for async'
            : null
        };
        for (const [k, v] of Object.entries(handoff)) {
          if (v !== null) {
            fields[k] = v;
          }
        }
        plan.opportunities.push({ ref: `opportunity:${a}:${o}`, fields });
      }
    }
  );
  return plan;
}
