/**
 * The optional map picker, loaded only when the citizen opens the map: Leaflet draws the
 * region's own tiles (`tile-url`) and reports the point the citizen clicks or taps. The form
 * works without it — an address alone is a valid location.
 *
 * Leaflet's stylesheet is adopted into the form's shadow root as a constructable stylesheet
 * (allowed under a strict CSP, unlike a style element). The point is a vector circle, so no
 * marker images are fetched from anywhere.
 */
import type { GeoPoint } from './api.js';

export interface MapOptions {
  tiles: string;
  at?: GeoPoint | undefined;
  label: string;
  /** The zoom buttons' names, in the form's language (Leaflet's own are English). */
  zoomIn: string;
  zoomOut: string;
  pick: (point: GeoPoint) => void;
}

/** The demo region's centre, when the citizen has not placed a point yet. */
const CENTRE: [number, number] = [55.7961, 49.1064];

let leafletSheet: CSSStyleSheet | undefined;

export async function showMap(element: HTMLElement, options: MapOptions): Promise<void> {
  const [L, { default: css }] = await Promise.all([
    import('leaflet/dist/leaflet-src.esm.js'),
    import('leaflet/dist/leaflet.css?inline'),
  ]);
  const root = element.getRootNode();
  if (root instanceof ShadowRoot) {
    if (!leafletSheet) {
      leafletSheet = new CSSStyleSheet();
      leafletSheet.replaceSync(css);
    }
    if (!root.adoptedStyleSheets.includes(leafletSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, leafletSheet];
  }
  element.setAttribute('role', 'application');
  element.setAttribute('aria-label', options.label);
  const start: [number, number] = options.at ? [options.at.lat, options.at.long] : CENTRE;
  const map = L.map(element, { keyboard: true, zoomControl: false }).setView(start, options.at ? 17 : 13);
  L.control.zoom({ zoomInTitle: options.zoomIn, zoomOutTitle: options.zoomOut }).addTo(map);
  L.tileLayer(options.tiles, { maxZoom: 19 }).addTo(map);
  const point = (at: [number, number]) => L.circleMarker(at, { radius: 9, weight: 3 }).addTo(map);
  let marker = options.at ? point(start) : undefined;
  map.on('click', ({ latlng }) => {
    const at: [number, number] = [latlng.lat, latlng.lng];
    if (marker) marker.setLatLng(at);
    else marker = point(at);
    options.pick({ lat: latlng.lat, long: latlng.lng });
  });
}
