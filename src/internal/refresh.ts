/**
 * Calls `reload` every `seconds()` seconds (at least 1) while the page is
 * visible and the host connected: a hidden page makes no request, and one shown
 * again after more than a period reloads at once rather than a period later.
 * A period that is not a finite number above 0 (NaN, Infinity, 0, negative)
 * means no refresh; a very long one is cut to the longest a timer keeps.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { timerDelay } from '../core/config.js';

export class RefreshController implements ReactiveController {
  private every = 0;
  private last = Date.now();
  private timer?: ReturnType<typeof setInterval>;

  constructor(
    host: ReactiveControllerHost,
    private readonly seconds: () => number,
    private readonly reload: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.schedule);
  }

  hostUpdate(): void {
    if (this.period() !== this.every) this.schedule();
  }

  /** The period in seconds, 0 for none: Infinity or NaN as a timer delay would fire at once, for ever. */
  private period(): number {
    const s = this.seconds();
    return Number.isFinite(s) && s > 0 ? Math.max(1, s) : 0;
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.schedule);
    clearInterval(this.timer);
    this.every = 0;
  }

  private tick = (): void => {
    this.last = Date.now();
    this.reload();
  };

  private schedule = (): void => {
    clearInterval(this.timer);
    const every = (this.every = this.period());
    const visible = document.visibilityState === 'visible';
    this.timer = every && visible ? setInterval(this.tick, timerDelay(every * 1000)) : undefined;
    if (this.timer && Date.now() - this.last >= every * 1000) this.tick();
  };
}
