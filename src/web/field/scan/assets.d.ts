// Vite's `?url` import: the file is copied into the build and its served path is the default export.
declare module '*.wasm?url' {
  const url: string;
  export default url;
}
