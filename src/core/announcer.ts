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
  private timer?: ReturnType<typeof setTimeout>;
  /** The polite text not yet written to its region. */
  private waiting = '';

  constructor(private readonly host: AnnouncingHost) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.polite?.isConnected) return;
    this.polite = this.region('status', 'polite');
    this.assertive = this.region('alert', 'assertive');
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.waiting = '';
  }

  /** The text currently announced, for tests and for widgets that echo it. */
  get lastMessage(): string {
    return (this.assertive?.textContent || this.polite?.textContent) ?? '';
  }

  announce(message: string, { assertive = false } = {}): void {
    const region = assertive ? this.assertive : this.polite;
    const other = assertive ? this.polite : this.assertive;
    if (!region) return;
    if (other) other.textContent = '';
    // Polite news that arrives while the last is still waiting to be written (the vote counted,
    // then its receipt checked a few ms later) is said with it, not instead of it. An error
    // (assertive) supersedes whatever was waiting.
    const text = !assertive && this.waiting ? `${this.waiting} ${message}` : message;
    this.waiting = assertive ? '' : text;
    // Clearing first makes a repeated message ("Ошибка сети" twice) be read again.
    region.textContent = '';
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      region.textContent = text;
      this.waiting = '';
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
