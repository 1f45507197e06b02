// Vite's `?inline` import: the processed CSS as a string, so it can go into a constructed sheet.
declare module '*.css?inline' {
  const css: string;
  export default css;
}
