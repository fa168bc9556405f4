// Binaryen (the npm build that also gives wasm-opt), loaded once per process, with the
// WebAssembly features rustc's wasm32 target emits: binaryen must accept them and may use them.
const { default: binaryen } = await import(new URL("../node_modules/binaryen/index.js", import.meta.url));
const F = binaryen.Features;

export const rustFeatures =
  F.MVP | F.MutableGlobals | F.NontrappingFPToInt | F.SignExt | F.BulkMemory | F.BulkMemoryOpt | F.ReferenceTypes | F.Multivalue | F.CallIndirectOverlong;

export default binaryen;
