// Masking one page: drag rectangles over what must not be seen (ID numbers, 涉密 content). A PDF page
// is drawn at 150 dpi and that picture is sent; the Rust side paints the rectangles into it and
// replaces the page with it — no text of the page is left to select or extract. A picture is masked
// from its own pixels. The original file stays in the vault as it was.
import { Alert, Button, Space, Spin, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { api, errorText, toErrorPayload } from "../api/ipc";
import { useAttempt } from "../api/useAttempt";
import type { EvidenceData, MaskRect, PageView } from "../evidenceBindings";
import { useI18n } from "../i18n/I18n";
import { openPdf, pageSize, releaseCanvas, renderPage, type PdfDoc } from "./pdf";

const SHOWN = 760;
const MIN = 0.004;

export function MaskEditor({ page, onMasked, onCancel }: { page: PageView; onMasked: (d: EvidenceData) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const attempt = useAttempt();
  const stage = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [rects, setRects] = useState<MaskRect[]>([]);
  const [draft, setDraft] = useState<MaskRect | null>(null);
  const start = useRef<{ x: number; y: number } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let alive = true;
    let pdf: PdfDoc | null = null;
    let objectUrl: string | null = null;
    (async () => {
      const bytes = await api.evidenceRead(page.source);
      if (!alive) return;
      if (page.kind === "pdf") {
        pdf = await openPdf(bytes);
        if (!alive) return pdf.destroy();
        const size = await pageSize(pdf.doc, page.page + 1);
        // 150 dpi: legible once it replaces the page, and what the Rust side checks against.
        const c = await renderPage(pdf.doc, page.page + 1, SHOWN, Math.round((size.width / 72) * 150));
        if (!alive) return releaseCanvas(c);
        c.style.display = "block";
        c.dataset.testid = "ev-mask-canvas";
        canvas.current = c;
        stage.current?.prepend(c);
      } else {
        objectUrl = URL.createObjectURL(new Blob([bytes], { type: page.kind === "png" ? "image/png" : "image/jpeg" }));
        setUrl(objectUrl);
      }
      setReady(true);
    })().catch((e) => alive && setFailed(errorText(t, toErrorPayload(e))));
    return () => {
      alive = false;
      releaseCanvas(canvas.current);
      canvas.current = null;
      pdf?.destroy();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [page.source, page.kind, page.page, t]);

  const at = (e: React.PointerEvent) => {
    const r = stage.current!.getBoundingClientRect();
    return { x: Math.min(Math.max((e.clientX - r.left) / r.width, 0), 1), y: Math.min(Math.max((e.clientY - r.top) / r.height, 0), 1) };
  };
  const box = (a: { x: number; y: number }, b: { x: number; y: number }): MaskRect => ({
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    w: Math.abs(a.x - b.x),
    h: Math.abs(a.y - b.y),
  });

  const apply = async () => {
    setBusy(true);
    await attempt(async () => {
      let raster: Uint8Array | null = null;
      if (page.kind === "pdf") {
        const c = canvas.current;
        const blob = c ? await new Promise<Blob | null>((res) => c.toBlob(res, "image/png")) : null;
        if (!blob) throw new Error(t("ev.mask.noRaster"));
        raster = new Uint8Array(await blob.arrayBuffer());
      }
      onMasked(await api.evidenceMask(page.file, page.page, rects, raster));
    });
    setBusy(false);
  };

  const shownRects = draft ? [...rects, draft] : rects;
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Typography.Text type="secondary">{t("ev.mask.intro")}</Typography.Text>
      {failed && <Alert type="error" showIcon title={failed} />}
      {!ready && !failed && <Spin />}
      <div style={{ maxHeight: "62vh", overflow: "auto" }}>
        <div
          ref={stage}
          data-testid="ev-mask-stage"
          data-ready={ready}
          style={{ position: "relative", width: SHOWN, cursor: "crosshair", userSelect: "none", touchAction: "none" }}
          onPointerDown={(e) => {
            if (!ready || (e.target as HTMLElement).closest("button")) return;
            try {
              (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
            } catch {
              // a pointer the browser does not track (scripted input): the box is drawn all the same
            }
            start.current = at(e);
            setDraft({ ...start.current, w: 0, h: 0 });
          }}
          onPointerMove={(e) => start.current && setDraft(box(start.current, at(e)))}
          onPointerUp={(e) => {
            if (!start.current) return;
            const r = box(start.current, at(e));
            start.current = null;
            setDraft(null);
            if (r.w > MIN && r.h > MIN) setRects((rs) => [...rs, r]);
          }}
        >
          {url && <img src={url} alt={page.title} draggable={false} style={{ width: SHOWN, display: "block" }} />}
          {shownRects.map((r, i) => (
            <div
              key={i}
              data-testid="ev-mask-rect"
              style={{
                position: "absolute",
                left: `${r.x * 100}%`,
                top: `${r.y * 100}%`,
                width: `${r.w * 100}%`,
                height: `${r.h * 100}%`,
                background: "rgba(0,0,0,0.85)",
                outline: "1px solid #ff4d4f",
              }}
            >
              {i < rects.length && (
                <button
                  type="button"
                  aria-label={t("ev.mask.remove", { n: i + 1 })}
                  onClick={() => setRects((rs) => rs.filter((_, k) => k !== i))}
                  style={{ position: "absolute", right: -10, top: -10, width: 20, height: 20, borderRadius: 10, border: "none", background: "#ff4d4f", color: "#fff", cursor: "pointer" }}
                >
                  ×
                </button>
              )}
            </div>
          ))}
        </div>
      </div>
      <Space>
        <Button type="primary" disabled={rects.length === 0 || !ready} loading={busy} onClick={apply} data-testid="ev-mask-apply">
          {t("ev.mask.apply", { n: rects.length })}
        </Button>
        <Button disabled={rects.length === 0} onClick={() => setRects((rs) => rs.slice(0, -1))}>
          {t("ev.mask.undo")}
        </Button>
        <Button onClick={onCancel}>{t("ev.mask.cancel")}</Button>
      </Space>
    </Space>
  );
}
