/**
 * A small windowing of a long list with cards of varying height, standing in for
 * `@lit-labs/virtualizer` (not installed yet; see `renderList()` in the board). It keeps the
 * measured height of every card it has rendered, estimates the rest from their average, and
 * tells which slice of the list covers the scroller's viewport plus an overscan margin, and
 * how much space stands in for the cards before and after that slice.
 */
export interface WindowRange {
  start: number;
  /** Exclusive. */
  end: number;
  /** Pixels standing in for the cards before `start` and after `end`. */
  before: number;
  after: number;
}

export class ListWindow {
  private sizes: number[] = [];
  private measuredSum = 0;
  private measuredCount = 0;

  constructor(
    /** Height assumed for a card before any was measured. */
    private readonly fallback = 220,
    /** Pixels rendered beyond each edge of the viewport, so fast scrolling shows no gap. */
    private readonly overscan = 400,
    /** A hard cap on rendered cards, whatever the viewport (a very tall screen, zoomed out). */
    private readonly maxItems = 40,
  ) {}

  reset(): void {
    this.sizes = [];
    this.measuredSum = this.measuredCount = 0;
  }

  private get estimate(): number {
    return this.measuredCount ? this.measuredSum / this.measuredCount : this.fallback;
  }

  size(index: number): number {
    return this.sizes[index] ?? this.estimate;
  }

  /** Records a card's rendered height; true when it differs from what was assumed. */
  measure(index: number, height: number): boolean {
    const known = this.sizes[index];
    if (known === height) return false;
    if (known === undefined) this.measuredCount++;
    this.measuredSum += height - (known ?? 0);
    this.sizes[index] = height;
    return Math.abs(height - (known ?? this.estimate)) > 0.5;
  }

  offsetOf(index: number): number {
    let offset = 0;
    for (let i = 0; i < index; i++) offset += this.size(i);
    return offset;
  }

  range(count: number, scrollTop: number, viewport: number): WindowRange {
    const top = Math.max(0, scrollTop - this.overscan);
    const bottom = scrollTop + viewport + this.overscan;
    let start = 0;
    let before = 0;
    while (start < count && before + this.size(start) <= top) before += this.size(start++);
    let end = start;
    let covered = before;
    while (end < count && covered < bottom && end - start < this.maxItems) covered += this.size(end++);
    let after = 0;
    for (let i = end; i < count; i++) after += this.size(i);
    return { start, end, before, after };
  }
}
