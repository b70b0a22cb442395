/**
 * Serves the harness page on 127.0.0.1 (never a public interface): the built bundle, and the
 * Salesforce Lightning Design System's styles, icons and fonts under /assets/ as Lightning
 * Experience serves them (the base components fetch icon sprites from /assets/icons/ by XHR,
 * which is why the page is served over HTTP rather than opened from a file).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { DIST, ROOT } from './build.ts';

const SLDS_ASSETS = join(ROOT, 'node_modules', '@salesforce-ux', 'design-system', 'assets');

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.html': 'text/html; charset=utf-8'
};

/**
 * The page: SLDS, a main landmark for the component (a record page region in Lightning
 * Experience), the page title as the record page's heading, and a toast region.
 */
function page(title: string): string {
  const safe = title.replace(/[<>&"]/g, '');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${safe}</title>
    <link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css" />
    <style>
      body { background: #f3f3f3; margin: 0; }
      #toasts { position: fixed; top: 0.5rem; left: 0; right: 0; z-index: 9000; }
    </style>
  </head>
  <body>
    <header class="slds-p-horizontal_small slds-p-top_small">
      <h1 class="slds-text-heading_medium" data-id="page-title">${safe}</h1>
    </header>
    <main id="root" class="slds-p-around_small"></main>
    <div id="toasts" class="slds-notify_container" aria-live="polite"></div>
    <script type="module" src="/app.js"></script>
  </body>
</html>
`;
}

/** Resolves a URL path inside a folder, refusing anything that climbs out of it. */
function inside(folder: string, urlPath: string): string | null {
  const path = normalize(join(folder, decodeURIComponent(urlPath)));
  return path.startsWith(folder + sep) && existsSync(path) && statSync(path).isFile() ? path : null;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Starts the server on a free port of 127.0.0.1. */
export function serve(): Promise<RunningServer> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    let file: string | null = null;
    if (url.pathname === '/' || url.pathname === '/index.html') {
      response.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      response.end(page(url.searchParams.get('title') ?? 'Handoff'));
      return;
    }
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204);
      response.end();
      return;
    }
    if (url.pathname === '/app.js') {
      file = inside(DIST, 'app.js');
    } else if (url.pathname.startsWith('/assets/')) {
      file = inside(SLDS_ASSETS, url.pathname.slice('/assets/'.length));
    }
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end(`not found: ${url.pathname}`);
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'max-age=3600'
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done()))
      });
    });
  });
}
