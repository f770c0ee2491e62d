import type { BarcodeDetector as PonyDetector } from 'barcode-detector/ponyfill';
// The ZXing reader's WebAssembly, bundled by Vite into our own build and served by our own server: the
// library's default is to fetch it from a CDN, which a checkpoint without a network never reaches.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

let detector: Promise<PonyDetector> | null = null;

/**
 * One QR/barcode detector for the page, loaded on first use (the library and its .wasm are fetched only
 * when a camera is opened). The ponyfill is used even where the browser has its own BarcodeDetector, so
 * every phone reads the same formats the same way.
 */
export function loadDetector(): Promise<PonyDetector> {
  detector ??= import('barcode-detector/ponyfill')
    .then(({ BarcodeDetector, prepareZXingModule }) => {
      prepareZXingModule({
        overrides: {
          locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
        },
        fireImmediately: true,
      });
      return new BarcodeDetector({ formats: ['qr_code', 'code_128', 'code_39', 'ean_13', 'data_matrix'] });
    })
    .catch((e: unknown) => {
      detector = null;
      throw e;
    });
  return detector;
}
