// The page editor of one item: its linked files as pages (drag or use the arrows to reorder, turn,
// drop), the compression and the size budget, masking, the name check, then the PDF — previewed and
// saved. Every change is saved at once (and can be undone here); the order is used by the export.
import {
  ArrowLeftOutlined,
  ArrowRightOutlined,
  DeleteOutlined,
  EyeOutlined,
  FilePdfOutlined,
  RedoOutlined,
  SaveOutlined,
  UndoOutlined,
} from "@ant-design/icons";
import { Alert, App as AntApp, Button, Checkbox, InputNumber, Modal, Popconfirm, Radio, Space, Spin, Tag, Tooltip, Typography } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../api/ipc";
import { useAttempt } from "../api/useAttempt";
import type { ComposeReport, Compress, EvidenceData, EvidenceFile, ItemPages, PageRef, PageView } from "../evidenceBindings";
import { useI18n } from "../i18n/I18n";
import { humanSize } from "./size";
import { MaskEditor } from "./MaskEditor";
import { openPdf, releaseCanvas, renderPage, type PdfDoc } from "./pdf";
import { PdfPages } from "./PdfPages";

const THUMB = 120;

type Source = { image?: ImageBitmap; pdf?: PdfDoc };

/**
 * Each file read once while the editor is open; everything released when it closes. A photo is decoded
 * once straight to thumbnail size (a 12-megapixel photo decoded in full for a 110-pixel thumbnail would
 * stay in the engine's image cache long after the editor closed).
 */
function useSources() {
  const cache = useRef(new Map<string, Promise<Source>>());
  const get = useCallback((id: string, kind: string): Promise<Source> => {
    let p = cache.current.get(id);
    if (!p) {
      p = api.evidenceRead(id).then(async (bytes) => {
        if (kind === "pdf") return { pdf: await openPdf(bytes) };
        const blob = new Blob([bytes], { type: kind === "png" ? "image/png" : "image/jpeg" });
        return { image: await createImageBitmap(blob, { resizeWidth: THUMB * 2, resizeQuality: "medium", imageOrientation: "from-image" }) };
      });
      cache.current.set(id, p);
    }
    return p;
  }, []);
  useEffect(() => {
    const c = cache.current;
    return () => {
      c.forEach((p) =>
        void p.then(
          (s) => {
            s.image?.close();
            s.pdf?.destroy();
          },
          () => undefined,
        ),
      );
      c.clear();
    };
  }, []);
  return get;
}

function Thumb({ page, get }: { page: PageView; get: (id: string, kind: string) => Promise<Source> }) {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let alive = true;
    let canvas: HTMLCanvasElement | null = null;
    void get(page.source, page.kind)
      .then(async (s) => {
        if (!alive) return;
        if (s.image) {
          const img = s.image;
          const scale = Math.min((THUMB - 10) / img.width, (THUMB - 10) / img.height, 1);
          const c = document.createElement("canvas");
          c.width = Math.max(1, Math.round(img.width * scale));
          c.height = Math.max(1, Math.round(img.height * scale));
          c.getContext("2d")?.drawImage(img, 0, 0, c.width, c.height);
          c.setAttribute("role", "img");
          c.setAttribute("aria-label", page.title);
          canvas = c;
          box.current?.appendChild(c);
        } else if (s.pdf) {
          const c = await renderPage(s.pdf.doc, page.page + 1, THUMB - 10);
          if (!alive) return releaseCanvas(c);
          canvas = c;
          c.style.maxHeight = `${THUMB - 10}px`;
          c.style.objectFit = "contain";
          box.current?.appendChild(c);
        }
      })
      .catch(() => alive && setFailed(true));
    return () => {
      alive = false;
      releaseCanvas(canvas);
    };
  }, [page.source, page.kind, page.page, page.title, get]);
  return (
    <div
      ref={box}
      style={{
        width: THUMB,
        height: THUMB,
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        overflow: "hidden",
        background: "#fafafa",
        transform: `rotate(${page.rotate}deg)`,
        transition: "transform 0.15s",
      }}
    >
      {failed && <Typography.Text type="secondary">?</Typography.Text>}
    </div>
  );
}

const refOf = (p: PageView): PageRef => ({ file: p.file, page: p.page, rotate: p.rotate });

export function ItemComposer(props: {
  target: string;
  files: EvidenceFile[];
  onClose: () => void;
  onData: (d: EvidenceData) => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const attempt = useAttempt();
  const [view, setView] = useState<ItemPages | null>(null);
  const [report, setReport] = useState<ComposeReport | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [preview, setPreview] = useState<ArrayBuffer | null>(null);
  const [masking, setMasking] = useState<PageView | null>(null);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const history = useRef<{ pages: PageRef[]; compress: Compress | null }[]>([]);
  const get = useSources();

  const { target } = props;
  const close = useRef(props.onClose);
  close.current = props.onClose;
  const reload = useCallback(async () => {
    if (!(await attempt(async () => setView(await api.evidenceItemPages(target))))) close.current();
  }, [target, attempt]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const save = async (pages: PageRef[], compress: Compress | null, remember = true) => {
    if (!view) return;
    if (remember) history.current.push({ pages: view.pages.map(refOf), compress: view.compress ?? null });
    await attempt(async () => {
      setView(await api.evidenceSetPages(props.target, pages, compress));
      setReport(null);
    });
  };
  const undo = () => {
    const last = history.current.pop();
    if (last) void save(last.pages, last.compress, false);
  };

  if (!view) return <Spin />;
  const pages = view.pages.map(refOf);
  const compress = view.compress ?? null;
  const move = (from: number, to: number) => {
    if (to < 0 || to >= pages.length || from === to) return;
    const next = [...pages];
    const [p] = next.splice(from, 1);
    next.splice(to, 0, p);
    void save(next, compress);
  };
  const rotate = (i: number) => void save(pages.map((p, k) => (k === i ? { ...p, rotate: (p.rotate + 90) % 360 } : p)), compress);
  const drop = (i: number) => void save(pages.filter((_, k) => k !== i), compress);

  const compose = async (fit: boolean) => {
    setBusy(fit ? "fit" : "compose");
    await attempt(async () => {
      const r = await api.evidenceCompose(props.target, fit);
      setReport(r);
      if (fit && r.compress && (r.compress.dpi !== compress?.dpi || r.compress.quality !== compress?.quality)) {
        // Keep what fitted as the item's compression: the export and the next preview use it.
        history.current.push({ pages, compress });
        setView(await api.evidenceSetPages(props.target, pages, r.compress));
      }
    });
    setBusy(null);
  };
  const showPdf = async () => {
    await attempt(async () => {
      setPreview(await api.evidenceComposedPdf(props.target));
    });
  };
  const saveAs = async () => {
    await attempt(async () => {
      const path = await api.evidenceSaveComposed(props.target, view.label);
      if (path) message.success(t("ev.compose.saved", { path }));
    });
  };
  const act = async (f: () => Promise<EvidenceData>) => {
    await attempt(async () => {
      props.onData(await f());
      await reload();
      setReport(null);
    });
  };

  const fileTitle = (id: string) => props.files.find((f) => f.id === id)?.title ?? id;
  const linked = props.files.filter((f) => !f.masked_from && f.links.includes(props.target));
  const hasImages = view.pages.some((p) => p.kind !== "pdf");

  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="ev-composer">
      <Typography.Text type="secondary">{t("ev.compose.intro")}</Typography.Text>
      {view.skipped.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t("ev.compose.skipped")}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {view.skipped.map((s) => (
                <li key={s.file}>
                  {s.title}
                  {t("list.colon")}
                  {s.reason}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {!view.names.ok && (
        <Alert
          type="warning"
          showIcon
          data-testid="ev-names"
          title={view.names.no_name ? t("ev.names.noName") : t("ev.names.title")}
          description={
            <Space orientation="vertical" size={2}>
              {linked.map((f) => (
                <Checkbox
                  key={f.id}
                  checked={f.name_confirmed}
                  onChange={(e) => void act(() => api.evidenceNameVisible(f.id, e.target.checked))}
                >
                  {t("ev.names.confirm", { title: f.title })}
                </Checkbox>
              ))}
            </Space>
          }
        />
      )}

      <Space wrap>
        <Button icon={<UndoOutlined />} disabled={history.current.length === 0} onClick={undo}>
          {t("ev.compose.undo")}
        </Button>
        <Popconfirm
          title={t("ev.compose.resetConfirm")}
          okButtonProps={{ autoFocus: false }}
          onConfirm={async () => {
            history.current.push({ pages, compress });
            await attempt(async () => {
              setView(await api.evidenceResetPages(props.target));
              setReport(null);
            });
          }}
        >
          <Button disabled={!view.customised}>{t("ev.compose.reset")}</Button>
        </Popconfirm>
        <Typography.Text type="secondary">{t("ev.compose.count", { n: view.pages.length })}</Typography.Text>
      </Space>

      <div style={{ display: "flex", flexWrap: "wrap", gap: 12 }} data-testid="ev-pages">
        {view.pages.map((p, i) => (
          <div
            key={`${p.source}:${p.page}:${i}`}
            data-testid="ev-page"
            draggable
            onDragStart={(e) => {
              setDragFrom(i);
              e.dataTransfer.effectAllowed = "move";
            }}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              if (dragFrom !== null) move(dragFrom, i);
              setDragFrom(null);
            }}
            style={{
              border: dragFrom === i ? "2px dashed #1677ff" : "1px solid #d9d9d9",
              borderRadius: 6,
              padding: 6,
              width: THUMB + 14,
              background: "#fff",
              cursor: "grab",
            }}
          >
            <Space orientation="vertical" size={4} style={{ width: "100%" }}>
              <Space size={4} style={{ justifyContent: "space-between", width: "100%" }}>
                <Tag>{i + 1}</Tag>
                {p.masked && <Tag color="purple">{t("ev.compose.masked")}</Tag>}
              </Space>
              <Thumb page={p} get={get} />
              <Typography.Text ellipsis style={{ width: THUMB }} title={p.title}>
                {p.title}
                {p.of > 1 ? ` · ${t("ev.compose.pageOf", { page: p.page + 1, of: p.of })}` : ""}
              </Typography.Text>
              <Space size={2} wrap>
                <Tooltip title={t("ev.compose.earlier")}>
                  <Button size="small" icon={<ArrowLeftOutlined />} aria-label={t("ev.compose.earlier")} disabled={i === 0} onClick={() => move(i, i - 1)} />
                </Tooltip>
                <Tooltip title={t("ev.compose.later")}>
                  <Button
                    size="small"
                    icon={<ArrowRightOutlined />}
                    aria-label={t("ev.compose.later")}
                    disabled={i === view.pages.length - 1}
                    onClick={() => move(i, i + 1)}
                  />
                </Tooltip>
                <Tooltip title={t("ev.compose.rotate")}>
                  <Button size="small" icon={<RedoOutlined />} aria-label={t("ev.compose.rotate")} onClick={() => rotate(i)} data-testid="ev-page-rotate" />
                </Tooltip>
                <Tooltip title={t("ev.compose.drop")}>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t("ev.compose.drop")} onClick={() => drop(i)} />
                </Tooltip>
              </Space>
              <Space size={2} wrap>
                <Button size="small" onClick={() => setMasking(p)} data-testid="ev-page-mask">
                  {t("ev.compose.mask")}
                </Button>
                {p.masked && (
                  <Popconfirm title={t("ev.compose.unmaskConfirm", { title: fileTitle(p.file) })} onConfirm={() => act(() => api.evidenceUnmask(p.file))}>
                    <Button size="small" type="link">
                      {t("ev.compose.unmask")}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            </Space>
          </div>
        ))}
      </div>

      <Space wrap align="center">
        <Typography.Text>{t("ev.compose.images")}</Typography.Text>
        <Radio.Group
          value={compress ? "compress" : "as_is"}
          disabled={!hasImages}
          onChange={(e) => void save(pages, e.target.value === "compress" ? { dpi: 150, quality: 75 } : null)}
          options={[
            { value: "as_is", label: t("ev.compose.asIs") },
            { value: "compress", label: t("ev.compose.compress") },
          ]}
        />
        {compress && (
          <>
            <InputNumber
              size="small"
              min={72}
              max={600}
              step={10}
              value={compress.dpi}
              aria-label={t("ev.compose.dpi")}
              suffix="dpi"
              onChange={(v) => v && void save(pages, { ...compress, dpi: v })}
            />
            <InputNumber
              size="small"
              min={30}
              max={95}
              step={5}
              value={compress.quality}
              aria-label={t("ev.compose.quality")}
              prefix={t("ev.compose.quality")}
              onChange={(v) => v && void save(pages, { ...compress, quality: v })}
            />
          </>
        )}
      </Space>

      <Space wrap>
        <Button type="primary" icon={<FilePdfOutlined />} loading={busy === "compose"} disabled={view.pages.length === 0} onClick={() => compose(false)} data-testid="ev-compose">
          {t("ev.compose.make")}
        </Button>
        {report && (
          <>
            <Button icon={<EyeOutlined />} onClick={showPdf} data-testid="ev-compose-preview">
              {t("ev.compose.preview")}
            </Button>
            <Button icon={<SaveOutlined />} onClick={saveAs}>
              {t("ev.compose.saveAs")}
            </Button>
          </>
        )}
      </Space>
      {report && (
        <Alert
          data-testid="ev-compose-report"
          type={report.within_budget ? "success" : "error"}
          showIcon
          title={
            report.within_budget
              ? t("ev.compose.within", { size: humanSize(report.size), budget: humanSize(report.budget), pages: report.pages })
              : t("ev.compose.over", { size: humanSize(report.size), budget: humanSize(report.budget) })
          }
          description={
            <Space orientation="vertical" size={2}>
              {report.compress && report.uncompressed != null && (
                <Typography.Text>
                  {t("ev.compose.gain", {
                    before: humanSize(report.uncompressed),
                    after: humanSize(report.size),
                    dpi: report.compress.dpi,
                    quality: report.compress.quality,
                  })}
                </Typography.Text>
              )}
              {report.problem && <Typography.Text>{report.problem}</Typography.Text>}
              {!report.within_budget && hasImages && (
                <Button size="small" loading={busy === "fit"} onClick={() => compose(true)} data-testid="ev-compose-fit">
                  {t("ev.compose.fit")}
                </Button>
              )}
              <Typography.Text type="secondary">{t("ev.compose.budgetNote")}</Typography.Text>
            </Space>
          }
        />
      )}

      <Modal open={preview !== null} title={view.label} onCancel={() => setPreview(null)} footer={null} width={760} destroyOnHidden>
        {preview && <PdfPages bytes={preview} />}
      </Modal>
      <Modal
        open={masking !== null}
        title={masking ? t("ev.mask.title", { title: masking.title }) : ""}
        onCancel={() => setMasking(null)}
        footer={null}
        width={840}
        destroyOnHidden
      >
        {masking && (
          <MaskEditor
            page={masking}
            onCancel={() => setMasking(null)}
            onMasked={(d) => {
              setMasking(null);
              void act(async () => d);
              message.success(t("ev.mask.done"));
            }}
          />
        )}
      </Modal>
    </Space>
  );
}
