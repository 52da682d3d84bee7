// A PDF's first pages drawn to canvases with pdf.js, inside the app (no plugin, no network: the worker
// is bundled). Loaded only when a PDF is previewed; closing the preview destroys the document and
// releases the canvases.
import { Alert, Spin, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "../i18n/I18n";
import { openPdf, releaseCanvas, renderPage, type PdfDoc } from "./pdf";

const MAX_PAGES = 5;

export function PdfPages({ bytes, width = 700 }: { bytes: ArrayBuffer; width?: number }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ pages: number; shown: number } | "loading" | "error">("loading");

  useEffect(() => {
    let cancelled = false;
    let pdf: PdfDoc | null = null;
    const drawn: HTMLCanvasElement[] = [];
    (async () => {
      const opened = await openPdf(bytes);
      pdf = opened;
      if (cancelled) {
        opened.destroy();
        return;
      }
      const shown = Math.min(opened.doc.numPages, MAX_PAGES);
      for (let i = 1; i <= shown && !cancelled; i++) {
        const canvas = await renderPage(opened.doc, i, width);
        drawn.push(canvas);
        if (cancelled) releaseCanvas(canvas);
        canvas.style.border = "1px solid #d9d9d9";
        canvas.style.marginBottom = "8px";
        canvas.style.display = "block";
        canvas.dataset.testid = "ev-pdf-page";
        if (!cancelled) box.current?.appendChild(canvas);
      }
      if (!cancelled) setState({ pages: opened.doc.numPages, shown });
    })().catch(() => {
      if (!cancelled) setState("error");
    });
    return () => {
      cancelled = true;
      // The document, its pages and the pixels of every canvas drawn go with the preview.
      pdf?.destroy();
      drawn.forEach(releaseCanvas);
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
