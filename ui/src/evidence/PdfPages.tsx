// A PDF's first pages drawn to canvases with pdf.js, inside the app (no plugin, no network: the worker
// is bundled). Loaded only when a PDF is previewed.
import { Alert, Spin, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "../i18n/I18n";

const MAX_PAGES = 5;

export function PdfPages({ bytes, width = 700 }: { bytes: ArrayBuffer; width?: number }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ pages: number; shown: number } | "loading" | "error">("loading");

  useEffect(() => {
    let cancelled = false;
    const destroy: (() => void)[] = [];
    (async () => {
      const pdfjs = await import("pdfjs-dist");
      const worker = (await import("pdfjs-dist/build/pdf.worker.min.mjs?url")).default;
      pdfjs.GlobalWorkerOptions.workerSrc = worker;
      const task = pdfjs.getDocument({ data: new Uint8Array(bytes.slice(0)), isEvalSupported: false });
      destroy.push(() => void task.destroy());
      const doc = await task.promise;
      const shown = Math.min(doc.numPages, MAX_PAGES);
      for (let i = 1; i <= shown && !cancelled; i++) {
        const page = await doc.getPage(i);
        const base = page.getViewport({ scale: 1 });
        const viewport = page.getViewport({ scale: (width / base.width) * (window.devicePixelRatio || 1) });
        const canvas = document.createElement("canvas");
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.style.width = `${width}px`;
        canvas.style.border = "1px solid #d9d9d9";
        canvas.style.marginBottom = "8px";
        canvas.dataset.testid = "ev-pdf-page";
        await page.render({ canvas, viewport }).promise;
        if (!cancelled) box.current?.appendChild(canvas);
      }
      if (!cancelled) setState({ pages: doc.numPages, shown });
    })().catch(() => {
      if (!cancelled) setState("error");
    });
    return () => {
      cancelled = true;
      destroy.forEach((d) => d());
    };
  }, [bytes, width]);

  return (
    <div>
      {state === "loading" && <Spin />}
      {state === "error" && <Alert type="warning" showIcon title={t("ev.preview.pdfError")} />}
      <div ref={box} style={{ maxHeight: "70vh", overflow: "auto" }} />
      {typeof state === "object" && state.pages > state.shown && (
        <Typography.Text type="secondary">{t("ev.preview.pdfMore", { shown: state.shown, pages: state.pages })}</Typography.Text>
      )}
    </div>
  );
}
