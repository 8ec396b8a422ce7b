/** A stylesheet's text, for adopting into a shadow root (a constructable stylesheet is CSP-safe). */
declare module '*.css?inline' {
  const css: string;
  export default css;
}

/** Leaflet's ES module build; its types are those of the package. */
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
