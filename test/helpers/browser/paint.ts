/**
 * What the animations running in a widget change, for tests that its motion costs the page no
 * main-thread work per frame: only `opacity` and `transform` are animated by the compositor
 * (a background, a size or a position is painted or laid out again in every frame).
 */
export function animatedProperties(root: Element | ShadowRoot): string[] {
  const animations = root instanceof ShadowRoot ? root.getAnimations() : root.getAnimations({ subtree: true });
  const properties = new Set<string>();
  for (const animation of animations) {
    for (const frame of (animation.effect as KeyframeEffect).getKeyframes()) {
      for (const key of Object.keys(frame)) if (!['offset', 'computedOffset', 'easing', 'composite'].includes(key)) properties.add(key);
    }
  }
  return [...properties].sort();
}

const transparent = (color: string) => color === 'transparent' || /^rgba\(.*,\s*0\)$/.test(color);

/**
 * The colour an element (or its `pseudo`-element) is painted over: the background of the
 * nearest box under it that has one, up through shadow hosts, else the (light) page's canvas —
 * for tests that a skeleton can be seen where it stands.
 */
export function backgroundBehind(element: Element, pseudo?: string): string {
  let at: Element | null = pseudo ? element : element.parentElement ?? ((element.getRootNode() as ShadowRoot).host || null);
  while (at) {
    const color = getComputedStyle(at).backgroundColor;
    if (!transparent(color)) return color;
    at = at.parentElement ?? ((at.getRootNode() as ShadowRoot).host || null);
  }
  // The page's canvas: the test pages are light.
  return 'rgb(255, 255, 255)';
}
