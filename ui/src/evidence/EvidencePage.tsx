// 佐证材料: the encrypted vault. Create or unlock it, drop files or folders on the window (Tauri's
// drag-drop event, which gives real paths on every OS) or pick them, watch the import and cancel it,
// link each file to what it proves, see the checklist go green, export for upload.
import {
  CheckCircleTwoTone,
  ClockCircleOutlined,
  CloseCircleTwoTone,
  DeleteOutlined,
  EyeOutlined,
  FilePdfOutlined,
  FileZipOutlined,
  FolderOpenOutlined,
  InboxOutlined,
  KeyOutlined,
  SafetyCertificateOutlined,
  UploadOutlined,
} from "@ant-design/icons";
import { Channel } from "@tauri-apps/api/core";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { listen } from "@tauri-apps/api/event";
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Empty,
  Form,
  Image,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Progress as ProgressBar,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ErrorPayload } from "../bindings";
import { api, errorText, toErrorPayload } from "../api/ipc";
import { useAttempt } from "../api/useAttempt";
import type { DropEvent, ImportSource, ItemProgress } from "../api/ipc";
import type {
  ChecklistItem,
  EvidenceData,
  EvidenceFile,
  EvidenceState,
  ImportReport,
  ItemStatus,
  Progress,
} from "../evidenceBindings";
import type { MessageKey } from "../i18n/catalog";
import { useI18n } from "../i18n/I18n";
import { ItemComposer } from "./ItemComposer";
import { PdfPages } from "./PdfPages";
import { humanSize } from "./size";
import { subjectLabel, targetNames, whyText } from "./checklistText";

export { humanSize } from "./size";

const KIND_LABEL: Record<string, string> = {
  pdf: "PDF",
  jpeg: "JPEG",
  png: "PNG",
  ofd: "OFD",
  doc: "DOC",
  docx: "DOCX",
  xls: "XLS",
  xlsx: "XLSX",
  zip: "ZIP",
};

function StatusIcon({ s }: { s: ItemStatus }) {
  if (s === "provided") return <CheckCircleTwoTone twoToneColor="#52c41a" />;
  if (s === "missing") return <CloseCircleTwoTone twoToneColor="#ff4d4f" />;
  if (s === "auto_verified") return <SafetyCertificateOutlined style={{ color: "#1677ff" }} />;
  return <ClockCircleOutlined style={{ color: "#8c8c8c" }} />;
}

/** Create / unlock / recover: shown until the vault is open. */
function Gate({ state, onState }: { state: EvidenceState; onState: (s: EvidenceState) => void }) {
  const { t } = useI18n();
  const attempt = useAttempt();
  const [pass, setPass] = useState("");
  const [again, setAgain] = useState("");
  const [busy, setBusy] = useState(false);
  const [recoverOpen, setRecoverOpen] = useState(false);
  const { status } = state;
  const needsPassphrase = status.exists ? status.key_place === "passphrase" : !status.os_store_ok;
  const creating = !status.exists;
  const problem =
    creating && needsPassphrase
      ? pass.length > 0 && pass.length < 8
        ? t("ev.passphraseShort")
        : again.length > 0 && again !== pass
          ? t("ev.passphraseMismatch")
          : null
      : null;

  const go = async () => {
    setBusy(true);
    await attempt(async () => {
      onState(await api.evidenceUnlock(needsPassphrase ? pass : null, creating));
    });
    setBusy(false);
  };

  const lockedFromStore = status.exists && status.key_place === "os_store";
  return (
    <Card title={creating ? t("ev.create.title") : t("ev.unlock.title")} style={{ maxWidth: 640 }}>
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Typography.Paragraph type="secondary">{t("ev.intro")}</Typography.Paragraph>
        {creating && status.os_store_ok && <Typography.Paragraph>{t("ev.create.os")}</Typography.Paragraph>}
        {creating && !status.os_store_ok && (
          <Alert type="warning" showIcon title={t("ev.create.noStore", { message: status.os_store_problem ?? "" })} />
        )}
        {!creating && status.key_place === "passphrase" && <Typography.Paragraph>{t("ev.unlock.passphrase")}</Typography.Paragraph>}
        {lockedFromStore && (
          <Alert type="error" showIcon title={t("ev.unlock.locked", { message: status.os_store_problem ?? "" })} />
        )}
        {needsPassphrase && (
          <Form layout="vertical" onFinish={go}>
            <Form.Item label={t("ev.passphrase")}>
              <Input.Password data-testid="ev-pass" value={pass} onChange={(e) => setPass(e.target.value)} autoFocus />
            </Form.Item>
            {creating && (
              <Form.Item label={t("ev.passphraseAgain")} validateStatus={problem ? "error" : undefined} help={problem}>
                <Input.Password data-testid="ev-pass-again" value={again} onChange={(e) => setAgain(e.target.value)} />
              </Form.Item>
            )}
          </Form>
        )}
        <Space>
          {!lockedFromStore && (
            <Button
              type="primary"
              icon={<KeyOutlined />}
              loading={busy}
              data-testid="ev-create"
              disabled={needsPassphrase && (pass.length < 8 || (creating && again !== pass))}
              onClick={go}
            >
              {creating ? t("ev.create.button") : t("ev.unlock.button")}
            </Button>
          )}
          {status.exists && <Button onClick={() => setRecoverOpen(true)}>{t("ev.recover.button")}</Button>}
        </Space>
      </Space>
      <PassphraseFile
        open={recoverOpen}
        title={t("ev.recover.title")}
        hint={t("ev.recover.hint")}
        onClose={() => setRecoverOpen(false)}
        run={async (passphrase) => {
          const s = await api.evidenceRecover(passphrase);
          if (!s) return false; // the file dialog was cancelled
          onState(s);
          return true;
        }}
      />
    </Card>
  );
}

/**
 * Asks for a passphrase (typed twice when `confirm`), then runs: the Rust side opens the file dialog
 * (recovery file: write or use). `run` returns false when that dialog was cancelled.
 */
function PassphraseFile(props: {
  open: boolean;
  title: string;
  hint: string;
  confirm?: boolean;
  onClose: () => void;
  run: (passphrase: string) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const attempt = useAttempt();
  const [pass, setPass] = useState("");
  const [again, setAgain] = useState("");
  const [busy, setBusy] = useState(false);
  const mismatch = props.confirm === true && again.length > 0 && again !== pass;
  const ready = pass.length >= 8 && (props.confirm !== true || again === pass);
  const ok = async () => {
    if (!ready) return;
    setBusy(true);
    await attempt(async () => {
      if (!(await props.run(pass))) return;
      setPass("");
      setAgain("");
      props.onClose();
    });
    setBusy(false);
  };
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      onOk={ok}
      okButtonProps={{ disabled: !ready, loading: busy }}
      destroyOnHidden
    >
      <Typography.Paragraph>{props.hint}</Typography.Paragraph>
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Input.Password
          aria-label={t("ev.passphrase")}
          placeholder={t("ev.passphrase")}
          value={pass}
          onChange={(e) => setPass(e.target.value)}
          onPressEnter={ok}
        />
        {props.confirm && (
          <Input.Password
            aria-label={t("ev.passphraseAgain")}
            placeholder={t("ev.passphraseAgain")}
            status={mismatch ? "error" : undefined}
            value={again}
            onChange={(e) => setAgain(e.target.value)}
            onPressEnter={ok}
          />
        )}
        {mismatch && <Typography.Text type="danger">{t("ev.passphraseMismatch")}</Typography.Text>}
      </Space>
    </Modal>
  );
}

export function EvidencePage({ onUnlocked }: { onUnlocked?: () => void } = {}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const attempt = useAttempt();
  const [state, setState] = useState<EvidenceState | null>(null);
  const [data, setData] = useState<EvidenceData | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [follow, setFollow] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [preview, setPreview] = useState<{ file: EvidenceFile; url: string | null; pdf: ArrayBuffer | null } | null>(null);
  const [recoveryOpen, setRecoveryOpen] = useState(false);
  const [composing, setComposing] = useState<ChecklistItem | null>(null);
  const [perItem, setPerItem] = useState<ItemProgress | null>(null);
  const started = useRef<number>(0);
  const importing = useRef(false);

  const load = useCallback(async () => {
    try {
      const s = await api.evidenceStatus();
      setState(s);
      if (s.unlocked) setData(await api.evidenceData());
      setError(null);
    } catch (e) {
      setError(toErrorPayload(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const runImport = useCallback(
    async (source: ImportSource, links: string[] = []) => {
      if (importing.current) return;
      importing.current = true;
      started.current = Date.now();
      setReport(null);
      setProgress({ files_done: 0, files_total: 0, bytes_done: 0, bytes_total: 0, current: "" });
      const channel = new Channel<Progress>();
      channel.onmessage = (p) => setProgress(p);
      await attempt(async () => {
        const out = await api.evidenceImport(source, links, follow, channel);
        if (!out) return; // the dialog was cancelled
        setData(out.data);
        setReport(out.report);
        message.success(t("ev.imported", { added: out.report.added.length }));
      });
      importing.current = false;
      setProgress(null);
    },
    [attempt, follow, message, t],
  );

  // Files and folders dropped anywhere on the window: the webview event only shows the drop zone;
  // the Rust side receives the paths and tells us a token (`evidence-drop`) to import them by.
  const unlocked = state?.unlocked ?? false;
  useEffect(() => {
    if (!unlocked) return;
    let unlisten: (() => void) | undefined;
    let alive = true;
    listen<DropEvent>("evidence-drop", (ev) => {
      setDragging(false);
      void runImport({ from: "drop", token: ev.payload.token });
    })
      .then((u) => {
        if (alive) unlisten = u;
        else u();
      })
      .catch(() => undefined); // not inside the app's window (tests): the buttons still import
    return () => {
      alive = false;
      unlisten?.();
    };
  }, [unlocked, runImport]);
  useEffect(() => {
    if (!unlocked) return;
    let unlisten: (() => void) | undefined;
    let alive = true;
    let webview;
    try {
      webview = getCurrentWebview();
    } catch {
      return; // not inside the app's window (tests): the buttons still import
    }
    void webview
      .onDragDropEvent((ev) => {
        const p = ev.payload;
        if (p.type === "enter" || p.type === "over") setDragging(true);
        else setDragging(false);
      })
      .then((u) => {
        if (alive) unlisten = u;
        else u();
      })
      .catch(() => undefined);
    return () => {
      alive = false;
      unlisten?.();
    };
  }, [unlocked]);

  const pick = async (directory: boolean, links: string[] = []) => {
    await runImport({ from: directory ? "pick_folders" : "pick_files" }, links);
  };

  const act = async (f: () => Promise<EvidenceData>, ok?: string) => {
    await attempt(async () => {
      setData(await f());
      if (ok) message.success(ok);
    });
  };

  const showPreview = async (file: EvidenceFile) => {
    if (file.kind !== "jpeg" && file.kind !== "png" && file.kind !== "pdf") {
      setPreview({ file, url: null, pdf: null });
      return;
    }
    await attempt(async () => {
      const bytes = await api.evidenceRead(file.id);
      if (file.kind === "pdf") {
        setPreview({ file, url: null, pdf: bytes });
        return;
      }
      const url = URL.createObjectURL(new Blob([bytes], { type: file.kind === "png" ? "image/png" : "image/jpeg" }));
      setPreview({ file, url, pdf: null });
    });
  };
  const closePreview = () => {
    if (preview?.url) URL.revokeObjectURL(preview.url);
    setPreview(null);
  };

  const exportTo = async (zip: boolean) => {
    await attempt(async () => {
      const r = await api.evidenceExport(zip);
      if (!r) return; // the dialog was cancelled
      message.success(t("ev.exported", { count: r.rows.length, dest: r.dest }));
      if (r.blocking.length > 0 && data) message.warning(t("ev.exportMissing", { items: targetNames(data.checklist, r.blocking, t) }));
    });
  };

  const exportPerItem = async () => {
    const channel = new Channel<ItemProgress>();
    channel.onmessage = (p) => setPerItem(p.done < p.total ? p : null);
    await attempt(async () => {
      const r = await api.evidenceExportPerItem(channel);
      if (!r) return; // the dialog was cancelled
      message.success(t("ev.exportedPerItem", { count: r.items.length, dest: r.dest }));
      const over = r.items.filter((i) => !i.within_budget).length;
      if (over > 0) message.warning(t("ev.exportedPerItem.over", { count: over }));
      if (r.failed.length > 0) message.warning(t("ev.exportedPerItem.failed", { items: r.failed.map((f) => f.title).join(t("list.sep")) }));
      const names = r.items.filter((i) => !i.names.ok).length;
      if (names > 0) message.warning(t("ev.exportedPerItem.names", { count: names }));
      if (r.blocking.length > 0 && data) message.warning(t("ev.exportMissing", { items: targetNames(data.checklist, r.blocking, t) }));
    });
    setPerItem(null);
  };

  if (error) return <Alert type="error" showIcon title={errorText(t, error)} />;
  if (!state) return <Spin />;
  if (!state.unlocked)
    return (
      <Gate
        state={state}
        onState={(s) => {
          setState(s);
          if (s.unlocked) {
            // Just created: offer the recovery file at once (the page keeps reminding until one is written).
            if (!state.status.exists) setRecoveryOpen(true);
            onUnlocked?.();
            void api.evidenceData().then(setData, (e) => setError(toErrorPayload(e)));
          }
        }}
      />
    );
  if (!data) return <Spin />;

  const { checklist } = data;
  const fileById = new Map(data.files.map((f) => [f.id, f]));
  const labelOf = new Map([...checklist.items, ...checklist.achievements].map((i) => [i.target, subjectLabel(i.subject, t)]));
  const elapsed = Math.max((Date.now() - started.current) / 1000, 0.001);

  const row = (item: ChecklistItem) => (
    <List.Item
      key={item.target}
      data-testid={`ev-item-${item.target}`}
      data-status={item.status}
      actions={[
        <Select
          key="link"
          size="small"
          style={{ width: 180 }}
          placeholder={t("ev.link")}
          value={null}
          disabled={data.files.length === 0}
          options={data.files.filter((f) => !item.files.includes(f.id)).map((f) => ({ value: f.id, label: f.title }))}
          onChange={(id: string) => act(() => api.evidenceLink(id, item.target, true))}
        />,
        <Button key="import" size="small" icon={<UploadOutlined />} onClick={() => pick(false, [item.target])}>
          {t("ev.importFor")}
        </Button>,
        <Button
          key="compose"
          size="small"
          icon={<FilePdfOutlined />}
          disabled={item.files.length === 0}
          onClick={() => setComposing(item)}
          data-testid={`ev-compose-${item.target}`}
        >
          {t("ev.composeButton")}
        </Button>,
      ]}
    >
      <List.Item.Meta
        avatar={<StatusIcon s={item.status} />}
        title={
          <Space wrap>
            <span>{subjectLabel(item.subject, t)}</span>
            <Tag>{item.clause}</Tag>
            <Tag color={item.status === "missing" ? "red" : item.status === "provided" ? "green" : "default"}>
              {t(`ev.status.${item.status}` as MessageKey)}
            </Tag>
          </Space>
        }
        description={
          <Space orientation="vertical" size={2}>
            <Typography.Text type="secondary">{whyText(item, t)}</Typography.Text>
            <Space wrap size={4}>
              {item.files.map((id) => (
                <Tag
                  key={id}
                  closable
                  closeIcon={<span title={t("ev.unlink")}>×</span>}
                  onClose={(e) => {
                    e.preventDefault();
                    void act(() => api.evidenceLink(id, item.target, false));
                  }}
                >
                  {fileById.get(id)?.title ?? id}
                </Tag>
              ))}
            </Space>
          </Space>
        }
      />
    </List.Item>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Card>
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Space style={{ justifyContent: "space-between", width: "100%" }} wrap>
            <Space>
              <ProgressBar
                type="circle"
                size={56}
                percent={checklist.required === 0 ? 0 : Math.round((100 * checklist.done) / checklist.required)}
                status={checklist.complete ? "success" : "normal"}
              />
              <Typography.Text strong data-testid="ev-summary">
                {t("ev.summary", { done: checklist.done, required: checklist.required })}
              </Typography.Text>
            </Space>
            <Space wrap>
              <Button icon={<FileZipOutlined />} type="primary" onClick={() => exportTo(true)} data-testid="ev-export-zip">
                {t("ev.exportZip")}
              </Button>
              <Button icon={<FolderOpenOutlined />} onClick={() => exportTo(false)}>
                {t("ev.exportFolder")}
              </Button>
              <Button icon={<FilePdfOutlined />} onClick={exportPerItem} loading={perItem !== null} data-testid="ev-export-per-item">
                {t("ev.exportPerItem")}
              </Button>
              <Button icon={<KeyOutlined />} onClick={() => setRecoveryOpen(true)}>
                {t("ev.recovery.button")}
              </Button>
            </Space>
          </Space>
          {!data.settings.recovery_written_at && (
            <Alert
              type="warning"
              showIcon
              data-testid="ev-recovery-reminder"
              title={t("ev.recovery.reminder")}
              action={
                <Button size="small" onClick={() => setRecoveryOpen(true)}>
                  {t("ev.recovery.button")}
                </Button>
              }
            />
          )}
          {perItem && (
            <Space orientation="vertical" style={{ width: "100%" }}>
              <Typography.Text>{t("ev.exportPerItem.progress", { done: perItem.done + 1, total: perItem.total, current: perItem.current })}</Typography.Text>
              <ProgressBar percent={Math.floor((100 * perItem.done) / Math.max(perItem.total, 1))} />
            </Space>
          )}
          {checklist.nothing_to_check ? (
            <Alert type="info" showIcon title={t("ev.nothingYet")} data-testid="ev-nothing-yet" />
          ) : checklist.complete ? (
            <Alert type="success" showIcon title={t("ev.complete")} />
          ) : (
            <Alert type="warning" showIcon title={t("ev.blocking", { items: targetNames(checklist, checklist.blocking, t) })} />
          )}
          {checklist.reminders.map((r) => (
            <Typography.Text key={r} type="secondary">
              {t(`ev.reminder.${r}`)}
            </Typography.Text>
          ))}
        </Space>
      </Card>

      <Card
        data-testid="ev-drop"
        style={{ borderStyle: "dashed", borderColor: dragging ? "#1677ff" : undefined, background: dragging ? "#e6f4ff" : undefined }}
      >
        {progress ? (
          <Space orientation="vertical" style={{ width: "100%" }}>
            <Typography.Text>{t("ev.importing", { done: progress.files_done, total: progress.files_total })}</Typography.Text>
            <ProgressBar percent={progress.bytes_total ? Math.floor((100 * progress.bytes_done) / progress.bytes_total) : 0} />
            <Typography.Text type="secondary">
              {t("ev.importBytes", {
                done: humanSize(progress.bytes_done),
                total: humanSize(progress.bytes_total),
                rate: humanSize(Math.round(progress.bytes_done / elapsed)),
              })}{" "}
              {progress.current}
            </Typography.Text>
            <Button danger onClick={() => void api.evidenceCancelImport()}>
              {t("ev.cancel")}
            </Button>
          </Space>
        ) : (
          <Space orientation="vertical" align="center" style={{ width: "100%" }}>
            <InboxOutlined style={{ fontSize: 36, color: "#1677ff" }} />
            <Typography.Text strong>{dragging ? t("ev.dropHere") : t("ev.drop")}</Typography.Text>
            <Typography.Text type="secondary">{t("ev.types")}</Typography.Text>
            <Space>
              <Button icon={<UploadOutlined />} onClick={() => pick(false)}>
                {t("ev.addFiles")}
              </Button>
              <Button icon={<FolderOpenOutlined />} onClick={() => pick(true)}>
                {t("ev.addFolder")}
              </Button>
              <Checkbox checked={follow} onChange={(e) => setFollow(e.target.checked)}>
                {t("ev.follow")}
              </Checkbox>
            </Space>
            <Space wrap size={4} data-testid="ev-limits">
              <Typography.Text type="secondary">{t("ev.limits.image")}</Typography.Text>
              <InputNumber
                size="small"
                min={0.1}
                max={2048}
                value={data.settings.image_warn_mb}
                aria-label={t("ev.limits.image")}
                onChange={(v) => v && act(() => api.evidenceSaveSettings({ ...data.settings, image_warn_mb: v }))}
              />
              <Typography.Text type="secondary">{t("ev.limits.document")}</Typography.Text>
              <InputNumber
                size="small"
                min={0.1}
                max={2048}
                value={data.settings.document_warn_mb}
                aria-label={t("ev.limits.document")}
                onChange={(v) => v && act(() => api.evidenceSaveSettings({ ...data.settings, document_warn_mb: v }))}
              />
              <Typography.Text type="secondary">{t("ev.limits.tail")}</Typography.Text>
              <Typography.Text type="secondary">{t("ev.limits.item")}</Typography.Text>
              <InputNumber
                size="small"
                min={0.1}
                max={2048}
                value={data.settings.item_max_mb}
                aria-label={t("ev.limits.item")}
                onChange={(v) => v && act(() => api.evidenceSaveSettings({ ...data.settings, item_max_mb: v }))}
              />
              <Typography.Text type="secondary">{t("ev.limits.itemTail")}</Typography.Text>
            </Space>
          </Space>
        )}
        {report && (report.refused.length > 0 || report.duplicates.length > 0 || report.warnings.length > 0 || report.skipped > 0) && (
          <Alert
            style={{ marginTop: 12 }}
            type={report.refused.length > 0 ? "warning" : "info"}
            closable
            onClose={() => setReport(null)}
            title={[
              report.refused.length > 0 ? t("ev.refused", { count: report.refused.length }) : null,
              report.duplicates.length > 0 ? t("ev.duplicates", { count: report.duplicates.length }) : null,
              report.skipped > 0 ? t("ev.skipped", { count: report.skipped }) : null,
            ]
              .filter(Boolean)
              .join(t("list.semi"))}
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="ev-refused">
                {report.refused.map((r) => (
                  <li key={r.path}>
                    {r.path}
                    {t("list.colon")}
                    {r.reason}
                  </li>
                ))}
                {report.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            }
          />
        )}
      </Card>

      <Card title={t("ev.items")} size="small">
        <List size="small" dataSource={checklist.items} renderItem={row} />
      </Card>
      <Card title={t("ev.achievements")} size="small">
        <List size="small" dataSource={checklist.achievements} renderItem={row} />
      </Card>

      <Card title={t("ev.files")} size="small">
        <Table<EvidenceFile>
          size="small"
          rowKey="id"
          dataSource={data.files.filter((f) => !f.masked_from)}
          pagination={false}
          locale={{ emptyText: <Empty description={t("ev.files.empty")} /> }}
          columns={[
            {
              title: t("ev.col.title"),
              key: "title",
              render: (_, f) => (
                <Space size={4}>
                  <Typography.Text
                    editable={{ onChange: (title) => title.trim() && title !== f.title && act(() => api.evidenceSetTitle(f.id, title)) }}
                    title={t("ev.originalName", { name: f.name })}
                  >
                    {f.title}
                  </Typography.Text>
                  {data.files.some((m) => m.masked_from === f.id) && <Tag color="purple">{t("ev.maskedTag")}</Tag>}
                </Space>
              ),
            },
            { title: t("ev.col.kind"), key: "kind", render: (_, f) => KIND_LABEL[f.kind] ?? f.kind, width: 80 },
            { title: t("ev.col.size"), key: "size", render: (_, f) => humanSize(f.size), width: 100 },
            {
              title: t("ev.col.links"),
              key: "links",
              render: (_, f) =>
                f.links.length === 0 ? (
                  <Tag color="orange">{t("ev.unlinked")}</Tag>
                ) : (
                  f.links.map((l) => <Tag key={l}>{labelOf.get(l) ?? l}</Tag>)
                ),
            },
            {
              title: t("ev.col.actions"),
              key: "actions",
              width: 180,
              render: (_, f) => (
                <Space>
                  <Button size="small" icon={<EyeOutlined />} onClick={() => showPreview(f)} data-testid={`ev-preview-${f.title}`}>
                    {t("ev.preview")}
                  </Button>
                  <Popconfirm
                    title={t("ev.removeConfirm", { title: f.title })}
                    onConfirm={() => act(() => api.evidenceRemove(f.id), t("ev.removed"))}
                  >
                    <Button size="small" danger icon={<DeleteOutlined />}>
                      {t("ev.remove")}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>

      <Modal open={preview !== null} title={preview?.file.title} onCancel={closePreview} footer={null} width={760} destroyOnHidden>
        {preview?.url ? (
          <Image
            src={preview.url}
            alt={preview.file.title}
            preview={false}
            style={{ maxWidth: "100%", maxHeight: "70vh", objectFit: "contain" }}
          />
        ) : preview?.pdf ? (
          <PdfPages bytes={preview.pdf} />
        ) : preview ? (
          <Typography.Paragraph>
            {t("ev.preview.other", { kind: KIND_LABEL[preview.file.kind] ?? preview.file.kind, size: humanSize(preview.file.size) })}
          </Typography.Paragraph>
        ) : null}
        {preview && <Typography.Text type="secondary">{t("ev.originalName", { name: preview.file.name })}</Typography.Text>}
      </Modal>

      <Modal
        open={composing !== null}
        title={composing ? t("ev.compose.title", { label: subjectLabel(composing.subject, t) }) : ""}
        onCancel={() => setComposing(null)}
        footer={null}
        width={1040}
        destroyOnHidden
      >
        {composing && <ItemComposer target={composing.target} files={data.files} onClose={() => setComposing(null)} onData={setData} />}
      </Modal>

      <PassphraseFile
        open={recoveryOpen}
        title={t("ev.recovery.title")}
        hint={t("ev.recovery.hint")}
        confirm
        onClose={() => setRecoveryOpen(false)}
        run={async (passphrase) => {
          const path = await api.evidenceWriteRecovery(passphrase);
          if (!path) return false;
          message.success(t("ev.recovery.done"));
          void api.evidenceData().then(setData, () => undefined);
          return true;
        }}
      />
    </Space>
  );
}
