// 新一轮 and 粘贴通知: a new round from only the dates a notice gives (Beijing wall time); the rest of
// the round carries over on the Rust side. 粘贴通知 finds the dates in the pasted text and shows the
// sentence each came from, for the user to confirm before anything is saved.
import { Alert, Button, DatePicker, Form, Input, Modal, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import type { DeadlineOverview, FoundInstant } from "../bindings";
import { api, errorText, toErrorPayload } from "../api/ipc";
import { useAttempt } from "../api/useAttempt";
import type { MessageKey } from "../i18n/catalog";
import { useI18n } from "../i18n/I18n";
import type { RoundTool } from "./Timeline";

type Slot = "subOpens" | "subCloses" | "payOpens" | "payCloses";
const SLOTS: Slot[] = ["subOpens", "subCloses", "payOpens", "payCloses"];
type Dates = Record<Slot, Dayjs | null>;
type Sentences = Partial<Record<Slot, string>>;
const NONE: Dates = { subOpens: null, subCloses: null, payOpens: null, payCloses: null };

/** Beijing wall time as an RFC 3339 instant: the picker's fields are read as written, whatever the zone. */
export function beijingInstant(d: Dayjs): string {
  return `${d.format("YYYY-MM-DDTHH:mm")}:00+08:00`;
}

/** Where each found instant goes: by the window and edge its sentence names, else in notice order. */
export function placeFound(found: FoundInstant[]): { dates: Dates; sentences: Sentences } {
  const dates: Dates = { ...NONE };
  const sentences: Sentences = {};
  const free = [...SLOTS];
  const put = (slot: Slot, f: FoundInstant) => {
    dates[slot] = dayjs(f.at.slice(0, 16));
    sentences[slot] = f.sentence;
    free.splice(free.indexOf(slot), 1);
  };
  const rest: FoundInstant[] = [];
  for (const f of found) {
    const slot: Slot | null =
      f.window && f.edge ? (`${f.window === "submission" ? "sub" : "pay"}${f.edge === "opens" ? "Opens" : "Closes"}` as Slot) : null;
    if (slot && free.includes(slot)) put(slot, f);
    else rest.push(f);
  }
  for (const f of rest) {
    const slot = free[0];
    if (slot) put(slot, f);
  }
  return { dates, sentences };
}

export function NewRoundModal({
  tool,
  base,
  onClose,
  onCreated,
}: {
  tool: RoundTool | null;
  base: string;
  onClose: () => void;
  onCreated: (o: DeadlineOverview) => void;
}) {
  const { t } = useI18n();
  const attempt = useAttempt();
  const [notice, setNotice] = useState("");
  const [dates, setDates] = useState<Dates>(NONE);
  const [sentences, setSentences] = useState<Sentences>({});
  const [text, setText] = useState("");
  const [found, setFound] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (tool) {
      setDates(NONE);
      setSentences({});
      setFound(null);
      setError(null);
    }
  }, [tool]);

  const find = async () => {
    await attempt(async () => {
      const list = await api.extractNotice(text);
      const placed = placeFound(list);
      setDates(placed.dates);
      setSentences(placed.sentences);
      setFound(list.length);
      const no = /[渝][^〔\s]*〔\d{4}〕\d+号/.exec(text);
      if (no && !notice) setNotice(no[0]);
    });
  };

  const save = async () => {
    if (!dates.subOpens || !dates.subCloses) {
      setError(t("tl.needBoth"));
      return;
    }
    setBusy(true);
    try {
      const o = await api.newRound({
        notice,
        submission_opens: beijingInstant(dates.subOpens),
        submission_closes: beijingInstant(dates.subCloses),
        payment_opens: dates.payOpens ? beijingInstant(dates.payOpens) : null,
        payment_closes: dates.payCloses ? beijingInstant(dates.payCloses) : null,
        submission_sentence: sentences.subOpens ?? sentences.subCloses ?? null,
        payment_sentence: sentences.payOpens ?? sentences.payCloses ?? null,
      });
      onCreated(o);
    } catch (e) {
      setError(errorText(t, toErrorPayload(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={tool !== null}
      title={tool === "paste" ? t("tl.pasteTitle") : t("tl.newTitle")}
      width={760}
      okText={t("dl.save")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: "100%" }} data-testid="new-round-form">
        <Typography.Text type="secondary">{t("tl.newHelp", { title: base })}</Typography.Text>
        {tool === "paste" && (
          <>
            <Typography.Text>{t("tl.pasteHelp")}</Typography.Text>
            <Input.TextArea
              rows={6}
              value={text}
              onChange={(e) => setText(e.target.value)}
              data-testid="notice-text"
              aria-label={t("tl.pasteNotice")}
            />
            <Button onClick={() => void find()} disabled={!text.trim()} data-testid="find-dates">
              {t("tl.find")}
            </Button>
            {found !== null && (
              <Alert
                type={found > 0 ? "info" : "warning"}
                showIcon
                data-testid="found-count"
                title={found > 0 ? t("tl.found", { n: found }) : t("tl.noneFound")}
              />
            )}
          </>
        )}
        <Form layout="vertical">
          <Form.Item label={t("tl.noticeNo")}>
            <Input value={notice} onChange={(e) => setNotice(e.target.value)} maxLength={60} />
          </Form.Item>
          {SLOTS.map((slot) => (
            <Form.Item
              key={slot}
              label={`${t(`tl.${slot}` as MessageKey)}${t("list.paren", { x: t("dl.beijing") })}`}
              required={slot.startsWith("sub")}
              extra={sentences[slot] ? <span data-testid={`sentence-${slot}`}>{t("tl.sentence", { s: sentences[slot] })}</span> : undefined}
            >
              <DatePicker
                showTime={{ format: "HH:mm" }}
                format="YYYY-MM-DD HH:mm"
                value={dates[slot]}
                onChange={(d) => setDates((x) => ({ ...x, [slot]: d }))}
                data-testid={`date-${slot}`}
                style={{ width: 220 }}
              />
            </Form.Item>
          ))}
        </Form>
        {error && <Alert type="error" showIcon title={error} data-testid="new-round-error" />}
      </Space>
    </Modal>
  );
}
