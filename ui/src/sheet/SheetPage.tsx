// 公示表: the unit's publicity settings, what is still missing (with a way to fill it), the pages as
// they will print, export to PDF and open for printing. The pages are the Rust layout itself (SVG),
// so what shows here is what the PDF holds.
import { FilePdfOutlined, PrinterOutlined } from "@ant-design/icons";
import { Alert, App as AntApp, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Spin, Typography } from "antd";
import dayjs from "dayjs";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ErrorPayload, Publicity, TitleLevel } from "../bindings";
import { api, errorText, toErrorPayload } from "../api/ipc";
import { useAttempt } from "../api/useAttempt";
import type { MessageKey } from "../i18n/catalog";
import { useI18n } from "../i18n/I18n";
import { PublicityStatus, useTimeline } from "../deadlines/Timeline";
import type { MissingField, SheetPreview } from "../sheetBindings";
import { periodWarning } from "../deadlines/words";

const LEVELS: TitleLevel[] = ["professor", "senior", "intermediate"];
const EMPTY: Publicity = {
  level: null,
  start: null,
  end: null,
  place: "",
  unit_name: "",
  unit_phone: "",
  superior_name: "",
  superior_phone: "",
};

/** Where a missing field is filled: another page of the app, or a field of this page's form. */
export type GoTo = (m: MissingField) => void;

export function SheetPage({ onGoTo }: { onGoTo: GoTo }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const attempt = useAttempt();
  const { overview, refresh: refreshTimeline } = useTimeline();
  const late = !!overview && !overview.round_over && overview.publicity.start_source === "entered" && !overview.publicity.fits;
  const [publicity, setPublicity] = useState<Publicity | null>(null);
  const [preview, setPreview] = useState<SheetPreview | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState<"export" | "open" | null>(null);
  const [noViewer, setNoViewer] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The edit waiting for the pause: saved at once when the page closes or before export/open.
  const pending = useRef<Publicity | null>(null);
  const formRef = useRef<HTMLDivElement>(null);

  /** Saves the waiting edit now (if any); resolves to the new preview, or null when nothing waited. */
  const flush = useCallback(async (): Promise<SheetPreview | null> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const next = pending.current;
    pending.current = null;
    if (!next) return null;
    return api.saveSheetPublicity(next);
  }, []);

  const load = useCallback(async () => {
    try {
      const [loaded, p] = await Promise.all([api.loadProfile(), api.sheetPreview()]);
      setPublicity({ ...EMPTY, ...loaded.file.publicity });
      setPreview(p);
      setError(null);
    } catch (e) {
      setError(toErrorPayload(e));
    }
  }, []);
  useEffect(() => {
    void load();
    return () => {
      // Leaving the page never drops what was typed.
      void flush().catch(() => undefined);
    };
  }, [load, flush]);

  const change = (patch: Partial<Publicity>) => {
    if (!publicity) return;
    const next = { ...publicity, ...patch };
    setPublicity(next);
    pending.current = next;
    if (timer.current) clearTimeout(timer.current);
    // Typing (or composing Chinese with an IME) saves after a pause, not on every key.
    timer.current = setTimeout(() => {
      flush()
        .then((p) => {
          if (p) setPreview(p);
          setError(null);
          // The publicity dates move the app's one timeline (截止日期, 评估结果, the warning here).
          void refreshTimeline();
        })
        .catch((e) => setError(toErrorPayload(e)));
    }, 500);
  };

  const exportPdf = async () => {
    if (!preview) return;
    setBusy("export");
    await attempt(async () => {
      const saved = await flush();
      if (saved) setPreview(saved);
      const path = await api.sheetExport();
      if (path) message.success(t("sheet.exported", { path }));
    });
    setBusy(null);
  };

  const openPdf = async () => {
    setBusy("open");
    await attempt(async () => {
      const saved = await flush();
      if (saved) setPreview(saved);
      const r = await api.sheetOpen();
      if (r.opened) {
        setNoViewer(null);
        message.success(t("sheet.opened", { path: r.path }));
      } else {
        // Saved, but nothing opened it: say where it is instead of the launcher's error.
        setNoViewer(r.path);
      }
    });
    setBusy(null);
  };

  const goTo = (m: MissingField) => {
    if (m.section === "publicity") {
      const el = formRef.current?.querySelector<HTMLElement>(`[data-field="${m.target}"] input, [data-field="${m.target}"] .ant-select-selector`);
      el?.focus();
      el?.scrollIntoView({ block: "center" });
    } else {
      onGoTo(m);
    }
  };

  if (error && !preview) {
    return <Alert type="error" showIcon title={errorText(t, error)} action={<Button onClick={() => void load()}>{t("sheet.retry")}</Button>} />;
  }
  if (!preview || !publicity) {
    return <Spin size="large" description={t("load.loading")} />;
  }
  const period = preview.period;
  const input = (key: keyof Publicity, label: MessageKey, placeholder?: MessageKey) => (
    <Form.Item label={t(label)} data-field={key}>
      <Input
        value={(publicity[key] as string) ?? ""}
        placeholder={placeholder ? t(placeholder) : undefined}
        onChange={(e) => change({ [key]: e.target.value } as Partial<Publicity>)}
        data-testid={`pub-${key}`}
      />
    </Form.Item>
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="sheet-page">
      <Alert type="info" showIcon title={t("sheet.authoritative")} />
      {error && <Alert type="error" showIcon closable title={errorText(t, error)} />}
      {noViewer && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setNoViewer(null)}
          data-testid="sheet-no-viewer"
          title={t("sheet.noViewer", { path: noViewer })}
          action={
            <Button
              size="small"
              onClick={() => void attempt(api.sheetReveal)}
            >
              {t("sheet.showFolder")}
            </Button>
          }
        />
      )}
      <Row gutter={16} align="top" wrap={false}>
        <Col flex="340px">
          <Card title={t("sheet.settings")} size="small" ref={formRef}>
            <Form layout="vertical" size="small">
              <Form.Item label={t("sheet.level")} data-field="level" extra={publicity.level ? undefined : t("sheet.levelAuto")}>
                <Select
                  value={publicity.level ?? "auto"}
                  onChange={(v: string) => change({ level: v === "auto" ? null : (v as TitleLevel) })}
                  options={[
                    { value: "auto", label: t("sheet.levelAutoOption") },
                    ...LEVELS.map((l) => ({ value: l, label: t(`el.level.${l}` as MessageKey) })),
                  ]}
                />
              </Form.Item>
              <Form.Item label={t("sheet.start")} data-field="start" extra={t("sheet.startHelp")}>
                <DatePicker
                  style={{ width: "100%" }}
                  value={publicity.start ? dayjs(publicity.start) : null}
                  onChange={(d) => change({ start: d ? d.format("YYYY-MM-DD") : null })}
                  data-testid="pub-start"
                />
              </Form.Item>
              {period.source !== "calendar" && (
                <Form.Item label={t("sheet.end")} data-field="end">
                  <DatePicker
                    style={{ width: "100%" }}
                    value={publicity.end ? dayjs(publicity.end) : null}
                    onChange={(d) => change({ end: d ? d.format("YYYY-MM-DD") : null })}
                  />
                </Form.Item>
              )}
              {period.start && period.end && period.source === "calendar" && (
                <Alert
                  type={late ? "error" : "success"}
                  style={{ marginBottom: 12 }}
                  data-testid="pub-period"
                  title={t("sheet.period", { start: period.start, end: period.end })}
                />
              )}
              <div style={{ marginBottom: 12 }}>
                <PublicityStatus />
              </div>
              {period.warning && <Alert type="warning" style={{ marginBottom: 12 }} title={periodWarning(period.warning, t)} />}
              {input("place", "sheet.place", "sheet.placeHint")}
              {input("unit_name", "sheet.unitName")}
              {input("unit_phone", "sheet.unitPhone")}
              {input("superior_name", "sheet.superiorName")}
              {input("superior_phone", "sheet.superiorPhone")}
            </Form>
          </Card>
        </Col>
        <Col flex="1 1 0" style={{ minWidth: 0 }}>
          <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
            <Space wrap>
              <Button type="primary" icon={<FilePdfOutlined />} loading={busy === "export"} onClick={() => void exportPdf()} data-testid="sheet-export">
                {t("sheet.export")}
              </Button>
              <Button icon={<PrinterOutlined />} loading={busy === "open"} onClick={() => void openPdf()} data-testid="sheet-open">
                {t("sheet.open")}
              </Button>
              <Typography.Text type="secondary">{t("sheet.pages", { n: preview.pages.length })}</Typography.Text>
            </Space>
            {preview.missing.length > 0 ? (
              <Alert
                type="warning"
                showIcon
                data-testid="sheet-missing"
                title={t("sheet.missing", { n: preview.missing.length })}
                description={
                  <Space wrap size={[4, 4]}>
                    {preview.missing.map((m) => (
                      <Button key={`${m.field}-${m.target}`} size="small" type="link" onClick={() => goTo(m)}>
                        {m.label}
                      </Button>
                    ))}
                  </Space>
                }
              />
            ) : (
              <Alert
                type={late ? "warning" : "success"}
                showIcon
                title={late ? t("sheet.completeButLate") : t("sheet.complete")}
                data-testid="sheet-complete"
              />
            )}
            {preview.fallback_chars.length > 0 && (
              <Alert type="info" showIcon title={t("sheet.fallback", { chars: preview.fallback_chars.join(" ") })} />
            )}
            {preview.pages.map((svg, i) => (
              <div
                key={i}
                data-testid="sheet-page-svg"
                aria-label={t("sheet.pageLabel", { n: i + 1 })}
                style={{ maxWidth: 794, background: "#fff", boxShadow: "0 1px 6px rgba(0,0,0,0.18)", lineHeight: 0 }}
                // The SVG is our own layout, with every text escaped by the Rust side.
                dangerouslySetInnerHTML={{ __html: svg.replace("<svg ", '<svg style="width:100%;height:auto" ') }}
              />
            ))}
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
