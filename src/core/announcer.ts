import type { ReactiveController, ReactiveControllerHost } from 'lit';

type AnnouncingHost = ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode };

/**
 * Announces what happens asynchronously (vote counted, photo uploaded, error) through
 * visually hidden live regions in the widget's own shadow root. The regions exist from the
 * first render, because screen readers ignore a live region that appears with its text.
 */
export class AnnouncerController implements ReactiveController {
  private polite?: HTMLElement;
  private assertive?: HTMLElement;
  /** Per region (0 polite, 1 assertive): the text not yet written, and its timer. */
  private waiting = ['', ''];
  private timers: Array<ReturnType<typeof setTimeout> | undefined> = [];

  constructor(private readonly host: AnnouncingHost) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.polite?.isConnected) return;
    this.polite = this.region('status', 'polite');
    this.assertive = this.region('alert', 'assertive');
  }

  hostDisconnected(): void {
    this.timers.forEach(clearTimeout);
    this.waiting = ['', ''];
  }

  /** The text currently announced, for tests and for widgets that echo it. */
  get lastMessage(): string {
    return (this.assertive?.textContent || this.polite?.textContent) ?? '';
  }

  /** Says `message` (an empty one cancels what waits in its region). */
  announce(message: string, { assertive = false } = {}): void {
    const regions = [this.polite, this.assertive];
    const i = +assertive;
    const region = regions[i];
    if (!region) return;
    // An error supersedes polite news, waiting or said; polite news leaves a waiting error alone.
    if (assertive) {
      clearTimeout(this.timers[0]);
      this.waiting[0] = '';
    }
    if (!this.waiting[1 - i]) regions[1 - i]!.textContent = '';
    // Polite news that arrives while the last still waits to be written (the vote counted, then
    // its receipt checked a few ms later) is said with it, not instead of it.
    const text = (this.waiting[i] = !assertive && message && this.waiting[i] ? `${this.waiting[i]} ${message}` : message);
    // Clearing first makes a repeated message ("Ошибка сети" twice) be read again.
    region.textContent = '';
    clearTimeout(this.timers[i]);
    this.timers[i] = setTimeout(() => {
      region.textContent = text;
      this.waiting[i] = '';
    }, 50);
  }

  private region(role: string, live: string): HTMLElement {
    const region = document.createElement('div');
    region.setAttribute('role', role);
    region.setAttribute('aria-live', live);
    region.setAttribute('aria-atomic', 'true');
    region.className = 'visually-hidden';
    // Before Lit's content: Lit clears everything after its own marker when a template changes.
    this.host.renderRoot.prepend(region);
    return region;
  }
}
