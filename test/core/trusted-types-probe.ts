/**
 * Runs inside /test-api/tt-page (strict CSP, `require-trusted-types-for 'script'`,
 * the documented policy names): records every securitypolicyviolation from the
 * start, loads the widgets, waits until every list and the article have settled
 * (items or an error box), then reports to the parent frame.
 */
const violations: string[] = [];
const errors: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`.trim()));
addEventListener('error', (e) => errors.push(e.message));
addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function probe(): Promise<void> {
  await import('../../src/index.js');
  const lists = [...document.querySelectorAll('portal-news-list')];
  const article = document.querySelector('portal-article')!;
  const settled = (el: Element) => !!el.shadowRoot?.querySelector('li, [part="error"], [part="body"], [part="empty"]');
  for (let i = 0; i < 300 && ![...lists, article].every(settled); i++) await tick(25);
  await tick(300); // violation events are queued as tasks; images may try to load
  parent.postMessage(
    {
      source: 'tt-page',
      violations,
      errors,
      lists: lists.map((l) => ({
        src: l.getAttribute('src'),
        titles: [...(l.shadowRoot?.querySelectorAll('[part~="title"]') ?? [])].map((t) => t.textContent?.trim()),
        error: l.shadowRoot?.querySelector('[part="error"]')?.textContent?.trim() ?? null,
      })),
      article: { title: article.shadowRoot?.querySelector('[part="title"]')?.textContent ?? '', body: article.shadowRoot?.querySelector('[part="body"]')?.innerHTML.length ?? 0 },
    },
    '*',
  );
}

probe().catch((e: unknown) => parent.postMessage({ source: 'tt-page', violations, errors: [...errors, String(e)], lists: [], article: null }, '*'));

export {};
