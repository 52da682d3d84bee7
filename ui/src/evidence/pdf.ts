// pdf.js, loaded on first use (its worker is bundled: no network). Every document opened here is
// destroyed by whoever opened it, and every canvas drawn is released (`releaseCanvas`): WebKit keeps a
// canvas's pixels until its size is set to zero, and a page editor draws many.
import type { PDFDocumentLoadingTask, PDFDocumentProxy, PDFWorker } from "pdfjs-dist";

export type PdfDoc = { doc: PDFDocumentProxy; destroy: () => void };

// One worker thread for every document, shared (a page editor opens several at once). pdf.js's worker
// keeps part of every document it has read for as long as it runs: kept for the app's life, previewing a
// 9.7 MB scan grew the web process by 12–16 MB per preview, never returned (issue 16). Ending it after
// every document seemed to cost the small ones instead (a worker started and ended twice per soak cycle:
// the full cycle grew faster in one run). So it ends once no document uses it and it has read
// WORKER_BUDGET bytes since it started; the next document starts a new one.
const WORKER_BUDGET = 32 * 1024 * 1024;
type Shared = { worker: Promise<PDFWorker>; users: number; read: number };
let shared: Shared | null = null;

function acquireWorker(bytes: number): Shared {
  if (!shared) {
    const started: Shared = {
      users: 0,
      read: 0,
      worker: (async () => {
        const pdfjs = await import("pdfjs-dist");
        pdfjs.GlobalWorkerOptions.workerSrc = (await import("pdfjs-dist/build/pdf.worker.min.mjs?url")).default;
        return new pdfjs.PDFWorker();
      })(),
    };
    // A worker that failed to start is not kept: the next document tries again.
    started.worker.catch(() => {
      if (shared === started) shared = null;
    });
    shared = started;
  }
  shared.users += 1;
  shared.read += bytes;
  return shared;
}

function releaseWorker(of: Shared) {
  of.users -= 1;
  if (of.users > 0 || of.read < WORKER_BUDGET) return;
  if (shared === of) shared = null;
  void of.worker.then(
    (w) => w.destroy(),
    () => undefined,
  );
}

export async function openPdf(bytes: ArrayBuffer): Promise<PdfDoc> {
  const pdfjs = await import("pdfjs-dist");
  const held = acquireWorker(bytes.byteLength);
  let task: PDFDocumentLoadingTask;
  try {
    // disableFontFace: a PDF's embedded fonts are drawn as paths by pdf.js, not handed to WebKit as web
    // fonts. WebKit keeps every web font it was given in its font cache for the life of the page, and
    // each preview of a PDF with embedded CJK subsets added another set (issue 16's soak).
    task = pdfjs.getDocument({
      data: new Uint8Array(bytes.slice(0)),
      isEvalSupported: false,
      disableFontFace: true,
      worker: await held.worker,
    });
  } catch (e) {
    releaseWorker(held);
    throw e;
  }
  let destroyed = false;
  // The worker is ended only after pdf.js has finished with the document there (its destroy answers
  // once the worker has let go of it).
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    void task
      .destroy()
      .catch(() => undefined)
      .finally(() => releaseWorker(held));
  };
  try {
    return { doc: await task.promise, destroy };
  } catch (e) {
    destroy();
    throw e;
  }
}

/**
 * Draws page `n` (1-based) into a new canvas `cssWidth` wide on screen; `pixelWidth` sets its real
 * resolution (default: the screen's). The page's own rotation is applied, as a viewer shows it.
 */
export async function renderPage(doc: PDFDocumentProxy, n: number, cssWidth: number, pixelWidth?: number): Promise<HTMLCanvasElement> {
  const page = await doc.getPage(n);
  try {
    const base = page.getViewport({ scale: 1 });
    const px = pixelWidth ?? cssWidth * (window.devicePixelRatio || 1);
    const viewport = page.getViewport({ scale: px / base.width });
    const canvas = document.createElement("canvas");
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = `${cssWidth}px`;
    const task = page.render({ canvas, viewport });
    await task.promise;
    return canvas;
  } finally {
    page.cleanup();
  }
}

/** The page's size in points as displayed (its rotation applied). */
export async function pageSize(doc: PDFDocumentProxy, n: number): Promise<{ width: number; height: number }> {
  const page = await doc.getPage(n);
  const v = page.getViewport({ scale: 1 });
  page.cleanup();
  return { width: v.width, height: v.height };
}

export function releaseCanvas(c: HTMLCanvasElement | null | undefined) {
  if (!c) return;
  c.width = 0;
  c.height = 0;
  c.remove();
}
