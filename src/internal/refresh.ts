/**
 * Calls `reload` every `seconds()` seconds (at least 1) while the page is
 * visible and the host connected: a hidden page makes no request, and one shown
 * again after more than a period reloads at once rather than a period later.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

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
    if (this.seconds() !== this.every) this.schedule();
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
    const every = (this.every = this.seconds());
    const visible = document.visibilityState === 'visible';
    this.timer = every > 0 && visible ? setInterval(this.tick, Math.max(1, every) * 1000) : undefined;
    if (this.timer && Date.now() - this.last >= every * 1000) this.tick();
  };
}
