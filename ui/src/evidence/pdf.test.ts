// The pdf.js worker's life: shared, and ended once it has read 32 MB and no document uses it (it keeps
// part of every document it has read while it runs — issue 16), started again for the next.
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

let openPdf: typeof import("./pdf").openPdf;
const MB = 1024 * 1024;
const pdf = (size: number) => new ArrayBuffer(size);
const settle = () => new Promise((r) => setTimeout(r, 0));

describe("the pdf.js worker", () => {
  beforeEach(async () => {
    tasks.splice(0).forEach((t) => t.finish());
    await settle();
    workers.splice(0);
    // A fresh module each time: no worker left from the test before.
    vi.resetModules();
    ({ openPdf } = await import("./pdf"));
  });

  it("is shared, and kept while the documents it has read stay small", async () => {
    const a = await openPdf(pdf(100_000));
    const b = await openPdf(pdf(100_000));
    expect(workers).toHaveLength(1);
    a.destroy();
    b.destroy();
    tasks.forEach((t) => t.finish());
    await settle();
    expect(workers[0].destroyed).toBe(false);
    const c = await openPdf(pdf(100_000));
    expect(workers).toHaveLength(1);
    c.destroy();
  });

  it("ends once it has read 32 MB and the last document using it is destroyed, not before", async () => {
    const a = await openPdf(pdf(20 * MB));
    const b = await openPdf(pdf(20 * MB));
    expect(workers).toHaveLength(1);

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

    // The next document starts a new one, with a budget of its own.
    const c = await openPdf(pdf(MB));
    expect(workers).toHaveLength(2);
    c.destroy();
    tasks[2].finish();
    await settle();
    expect(workers[1].destroyed).toBe(false);
  });

  it("counts a document destroyed twice once", async () => {
    const a = await openPdf(pdf(40 * MB));
    const b = await openPdf(pdf(1000));
    a.destroy();
    a.destroy();
    tasks[0].finish();
    await settle();
    expect(workers[0].destroyed).toBe(false);
    b.destroy();
    tasks[1].finish();
    await settle();
    expect(workers[0].destroyed).toBe(true);
  });
});
