/**
 * The query layer against a local server speaking the REST query and Bulk API 2.0 protocols,
 * through real jsforce: every row across pages, truncation caught, errors explained, transient
 * failures retried and permanent ones not.
 */
import { SalesforceError } from '../salesforce';
import { bulkQuery, countRecords, restQuery, type SfRecord } from '../soql';
import { MockError, startMock, type MockSalesforce } from './mockSalesforce';

const records = (n: number): SfRecord[] =>
  Array.from({ length: n }, (_, i) => ({
    Id: `006MOCK${String(i + 1).padStart(8, '0')}AAA`,
    Name: i % 7 === 0 ? `Deal "${i}", with comma\nand a line` : `Deal ${i}`,
    Amount: 1000 + i,
    Account: { Name: `Account ${i % 13}` }
  }));

const fast = { retry: { baseDelayMs: 1, maxDelayMs: 4 } };

describe('REST query paging', () => {
  let mock: MockSalesforce;
  afterEach(async () => mock?.stop());

  it('fetches every row across nextRecordsUrl pages, past the 10,000 maxFetch default', async () => {
    const all = records(12_345);
    mock = await startMock({ pageSize: 2000, query: () => all });
    const seen: SfRecord[] = [];
    const result = await restQuery(
      mock.connection(),
      'SELECT Id, Name FROM Opportunity',
      (page) => {
        seen.push(...page);
      },
      fast
    );
    expect(result).toEqual({ fetched: 12_345, total: 12_345, stoppedEarly: false });
    expect(seen.map((r) => r.Id)).toEqual(all.map((r) => r.Id));
    // one query and six queryMore calls
    expect(mock.requests.filter((r) => /\/query\/01g/.test(r.path))).toHaveLength(6);
  });

  it('stops fetching when the page handler says so', async () => {
    mock = await startMock({ pageSize: 100, query: () => records(1000) });
    let pages = 0;
    const result = await restQuery(
      mock.connection(),
      'SELECT Id FROM Opportunity',
      () => ++pages < 3,
      fast
    );
    expect(result.stoppedEarly).toBe(true);
    expect(result.fetched).toBe(300);
    expect(mock.requests).toHaveLength(3);
  });

  it('refuses a result with fewer rows than totalSize announced', async () => {
    mock = await startMock({ pageSize: 50, misreportTotal: true, query: () => records(120) });
    await expect(
      restQuery(mock.connection(), 'SELECT Id FROM Opportunity', () => undefined, fast)
    ).rejects.toThrow(/announced 121 records but 120 arrived/);
  });

  it('counts with COUNT()', async () => {
    mock = await startMock({ query: () => records(42) });
    await expect(countRecords(mock.connection(), 'SELECT COUNT() FROM Opportunity')).resolves.toBe(
      42
    );
  });

  it('explains an expired session and does not retry it', async () => {
    mock = await startMock({ token: 'good-token', query: () => records(3) });
    const error = await restQuery(
      mock.connection('expired-token'),
      'SELECT Id FROM Opportunity',
      () => undefined,
      {
        ...fast,
        alias: 'acme-prod'
      }
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SalesforceError);
    expect((error as SalesforceError).code).toBe('INVALID_SESSION_ID');
    expect((error as Error).message).toMatch(
      /expired or is invalid.*sf org login web --alias acme-prod/
    );
    expect(mock.requests).toHaveLength(1);
  });

  it('explains an exhausted API limit and does not retry it', async () => {
    mock = await startMock({ query: () => records(3) });
    mock.inject({
      match: /\/query/,
      status: 403,
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
      message: 'TotalRequests Limit exceeded.',
      times: 5
    });
    const error = await restQuery(
      mock.connection(),
      'SELECT Id FROM Opportunity',
      () => undefined,
      fast
    ).catch((e: unknown) => e);
    expect((error as SalesforceError).code).toBe('REQUEST_LIMIT_EXCEEDED');
    expect((error as Error).message).toMatch(/API request limit is used up.*rolling 24 hours/);
    expect(mock.requests).toHaveLength(1);
  });

  it('retries a transient server error with backoff (jsforce transport), then succeeds', async () => {
    mock = await startMock({ pageSize: 10, query: () => records(25) });
    mock.inject({
      match: /\/query\/01g/,
      status: 503,
      errorCode: 'SERVER_UNAVAILABLE',
      message: 'busy',
      times: 2
    });
    const retries: number[] = [];
    const result = await restQuery(
      mock.connection(),
      'SELECT Id FROM Opportunity',
      () => undefined,
      {
        retry: { baseDelayMs: 1, maxDelayMs: 4, onRetry: (_e, attempt) => retries.push(attempt) }
      }
    );
    expect(result.fetched).toBe(25);
    // first page, then the second page failed twice before it came: no extra layer of retries
    expect(mock.requests.filter((r) => /\/query\/01g/.test(r.path))).toHaveLength(4);
    expect(retries).toEqual([]);
  });

  it('retries a dropped connection (idempotent read)', async () => {
    mock = await startMock({ query: () => records(5) });
    mock.inject({ match: /\/query\?/, status: 0, hangUp: true });
    const result = await restQuery(
      mock.connection(),
      'SELECT Id FROM Opportunity',
      () => undefined,
      fast
    );
    expect(result.fetched).toBe(5);
    expect(mock.requests).toHaveLength(2);
  });

  it('gives up on a query timeout after the retries, with a clear message', async () => {
    mock = await startMock({ query: () => records(5) });
    mock.inject({
      match: /\/query/,
      status: 400,
      errorCode: 'QUERY_TIMEOUT',
      message: 'Your query request was running for too long.',
      times: 10
    });
    const error = await restQuery(
      mock.connection(),
      'SELECT Id FROM Opportunity',
      () => undefined,
      {
        retry: { baseDelayMs: 1, maxDelayMs: 2, retries: 2 }
      }
    ).catch((e: unknown) => e);
    expect((error as SalesforceError).code).toBe('QUERY_TIMEOUT');
    expect((error as Error).message).toMatch(/timed out.*--since.*gave up after 3 tries/);
    expect(mock.requests).toHaveLength(3);
  });

  it('names a bad field in the query and points at the mapping', async () => {
    mock = await startMock({
      query: () => {
        throw new MockError(
          400,
          'INVALID_FIELD',
          "No such column 'Foo__c' on entity 'Opportunity'"
        );
      }
    });
    await expect(
      restQuery(mock.connection(), 'SELECT Foo__c FROM Opportunity', () => undefined, fast)
    ).rejects.toThrow(/INVALID_FIELD.*Foo__c.*--mapping/);
  });
});

describe('Bulk API 2.0 query', () => {
  let mock: MockSalesforce;
  afterEach(async () => mock?.stop());

  it('creates the job, polls InProgress until JobComplete, and reads every results page by Sforce-Locator', async () => {
    const all = records(2_503);
    mock = await startMock({ bulkPolls: 2, bulkPageSize: 1000, query: () => all });
    const seen: SfRecord[] = [];
    const states: string[] = [];
    const result = await bulkQuery(
      mock.connection(),
      'SELECT Id, Name, Amount, Account.Name FROM Opportunity',
      (batch) => {
        seen.push(...batch);
      },
      { ...fast, pollIntervalMs: 1, onPoll: (state) => states.push(state) }
    );
    expect(result.fetched).toBe(2_503);
    expect(states).toEqual(['InProgress', 'InProgress', 'JobComplete']);
    expect(seen.map((r) => r.Id)).toEqual(all.map((r) => r.Id));
    // text comes back as written, relationship fields flat, multi-line values intact
    expect(seen[0]).toEqual({
      Id: all[0].Id,
      Name: 'Deal "0", with comma\nand a line',
      Amount: '1000',
      'Account.Name': 'Account 0'
    });
    const pages = mock.requests.filter((r) => r.path.includes('/results'));
    expect(pages.map((r) => new URL(r.path, mock.url).searchParams.get('locator'))).toEqual([
      null,
      '1000',
      '2000'
    ]);
  });

  it('reports a failed job', async () => {
    mock = await startMock({ bulkFinalState: 'Failed', query: () => records(10) });
    const error = await bulkQuery(
      mock.connection(),
      'SELECT Id FROM Opportunity',
      () => undefined,
      {
        ...fast,
        pollIntervalMs: 1
      }
    ).catch((e: unknown) => e);
    expect((error as SalesforceError).code).toBe('BULK_JOB_FAILED');
    expect((error as Error).message).toMatch(/job 750MOCK\d+ failed: INVALID_FIELD/);
  });

  it('gives up waiting for a job that never completes, with a clear message', async () => {
    mock = await startMock({ bulkNeverCompletes: true, query: () => records(10) });
    const error = await bulkQuery(
      mock.connection(),
      'SELECT Id FROM Opportunity',
      () => undefined,
      {
        ...fast,
        pollIntervalMs: 5,
        timeoutMs: 30
      }
    ).catch((e: unknown) => e);
    expect((error as SalesforceError).code).toBe('BULK_TIMEOUT');
    expect((error as Error).message).toMatch(/still InProgress.*--bulk-timeout/);
  });

  it('retries a results page that failed transiently, without duplicating records', async () => {
    const all = records(300);
    mock = await startMock({ bulkPageSize: 100, bulkPolls: 0, query: () => all });
    mock.inject({
      match: /results\?maxRecords=\d+&locator=100/,
      status: 503,
      errorCode: 'SERVER_UNAVAILABLE'
    });
    const seen: SfRecord[] = [];
    await bulkQuery(mock.connection(), 'SELECT Id FROM Opportunity', (b) => void seen.push(...b), {
      ...fast,
      pollIntervalMs: 1
    });
    expect(seen.map((r) => r.Id)).toEqual(all.map((r) => r.Id));
  });

  it('explains an expired session on the results', async () => {
    mock = await startMock({ bulkPolls: 0, query: () => records(3) });
    mock.inject({
      match: /results/,
      status: 401,
      errorCode: 'INVALID_SESSION_ID',
      message: 'Session expired or invalid'
    });
    const error = await bulkQuery(
      mock.connection(),
      'SELECT Id FROM Opportunity',
      () => undefined,
      {
        ...fast,
        pollIntervalMs: 1,
        alias: 'acme'
      }
    ).catch((e: unknown) => e);
    expect((error as SalesforceError).code).toBe('INVALID_SESSION_ID');
    expect((error as Error).message).toMatch(/sf org login web --alias acme/);
  });

  it('explains an API limit hit while creating the job', async () => {
    mock = await startMock({ query: () => records(3) });
    mock.inject({
      match: /POST .*jobs\/query$/,
      status: 403,
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
      message: 'TotalRequests Limit exceeded.'
    });
    await expect(
      bulkQuery(mock.connection(), 'SELECT Id FROM Opportunity', () => undefined, {
        ...fast,
        pollIntervalMs: 1
      })
    ).rejects.toThrow(/REQUEST_LIMIT_EXCEEDED/);
  });
});
