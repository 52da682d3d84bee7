// The pdf.js worker's life: shared by the documents open together, ended after the last one closes (it
// keeps part of every document it has read while it runs — issue 16), started again for the next.
import { beforeEach, describe, expect, it, vi } from "vitest";

const workers: { destroyed: boolean }[] = [];
const tasks: { destroy: () => Promise<void>; finish: () => void }[] = [];

vi.mock("pdfjs-dist/build/pdf.worker.min.mjs?url", () => ({ default: "worker.js" }));
vi.mock("pdfjs-dist", () => ({
  GlobalWorkerOptions: {},
  PDFWorker: class {
    destroyed = false;
    constructor() {
      workers.push(this);
    }
    destroy() {
      this.destroyed = true;
    }
  },
  getDocument: () => {
    // pdf.js answers a document's destroy once its worker has let go of it: held until `finish`.
    let finish = () => undefined as void;
    const done = new Promise<void>((r) => (finish = r));
    const task = { promise: Promise.resolve({ numPages: 1 }), destroy: () => done, finish: () => finish() };
    tasks.push(task);
    return task;
  },
}));

const { openPdf, workerState } = await import("./pdf");
const bytes = () => new Uint8Array([37, 80, 68, 70]).buffer;
const settle = () => new Promise((r) => setTimeout(r, 0));

describe("the pdf.js worker", () => {
  beforeEach(async () => {
    tasks.splice(0).forEach((t) => t.finish());
    await settle();
    workers.splice(0);
  });

  it("is shared by documents open together and ended after the last one is destroyed", async () => {
    const a = await openPdf(bytes());
    const b = await openPdf(bytes());
    expect(workers).toHaveLength(1);
    expect(workerState()).toEqual({ open: 2, running: true });

    a.destroy();
    tasks[0].finish();
    await settle();
    expect(workers[0].destroyed).toBe(false);

    b.destroy();
    await settle();
    // Not before pdf.js has finished with the document in the worker.
    expect(workers[0].destroyed).toBe(false);
    tasks[1].finish();
    await settle();
    expect(workers[0].destroyed).toBe(true);
    expect(workerState()).toEqual({ open: 0, running: false });
  });

  it("starts a new worker for the next document, and counts a document destroyed twice once", async () => {
    const a = await openPdf(bytes());
    a.destroy();
    a.destroy();
    tasks[0].finish();
    await settle();
    expect(workers[0].destroyed).toBe(true);

    const b = await openPdf(bytes());
    expect(workers).toHaveLength(2);
    expect(workers[1].destroyed).toBe(false);
    expect(workerState()).toEqual({ open: 1, running: true });
    b.destroy();
    tasks[1].finish();
    await settle();
    expect(workers[1].destroyed).toBe(true);
  });
});
