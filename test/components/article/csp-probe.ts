/**
 * Runs inside the page /test-api/csp-page serves under a strict CSP with Trusted
 * Types: records every securitypolicyviolation from the very start, loads the
 * widgets as module scripts, waits for a list and an article to render, uses the
 * reader tools, then reports to the parent frame. A deliberate innerHTML at the
 * end is the control: it must be the one violation the listener sees after the report.
 */
const violations: string[] = [];
const errors: string[] = [];
document.addEventListener('securitypolicyviolation', (e) =>
  violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`.trim()),
);
addEventListener('error', (e) => errors.push(e.message));
addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));

const report = (message: Record<string, unknown>) => parent.postMessage({ source: 'csp-page', ...message }, '*');
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function probe(): Promise<void> {
  await import('../../../src/index.js');
  const list = document.querySelector('portal-news-list')!;
  const article = document.querySelector('portal-article')!;
  for (let i = 0; i < 200; i++) {
    if (list.shadowRoot?.querySelector('li') && article.shadowRoot?.querySelector('[part="body"] strong')) break;
    await tick(25);
  }
  const root = article.shadowRoot!;
  // Reader tools: text size (a class, no style attribute) and print (an adopted sheet).
  root.querySelector<HTMLButtonElement>('[part~="larger"]')?.click();
  window.print = () => undefined;
  root.querySelector<HTMLButtonElement>('[part~="print"]')?.click();
  dispatchEvent(new Event('afterprint'));
  await tick(200); // violation events are queued as tasks
  const rendered = {
    listItems: list.shadowRoot?.querySelectorAll('li').length ?? 0,
    title: root.querySelector('[part="title"]')?.textContent ?? '',
    bodyElements: root.querySelectorAll('[part="body"] *').length,
    relatedItems: root.querySelector('portal-news-list')?.shadowRoot?.querySelectorAll('li').length ?? 0,
    larger: root.querySelector('article')?.className ?? '',
    fontSize: getComputedStyle(root.querySelector('article')!).fontSize,
  };
  const before = [...violations];
  try {
    document.createElement('div').innerHTML = '<b>control</b>';
  } catch {
    // Trusted Types refuse it: that is the point.
  }
  await tick(200);
  report({ violations: before, control: violations.slice(before.length), errors, rendered });
}

probe().catch((e: unknown) => report({ violations, errors: [...errors, String(e)], rendered: null }));

export {};
